//! poryadok: the Порядок of Pestrechinsky district for citizens' messages in social
//! networks, enforced with working-hour deadlines from a production calendar.
//!
//! Layout follows `CONVENTIONS.md`: `calendar` (working time), `rules` (the Порядок as
//! data), `workflow` (state machine), `store` (SQLite), `import`, `report`, `output`, `cli`.

pub mod calendar;
pub mod cli;
pub mod context;
pub mod error;
pub mod import;
pub mod output;
pub mod report;
pub mod rules;
pub mod store;
pub mod text;
pub mod workflow;

pub use error::{Error, Result};
pub use text::{Lang, Text};
