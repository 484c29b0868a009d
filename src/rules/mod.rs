//! The Порядок as data and checks: deadlines table, outcomes, answer kinds, topics.

pub mod answer_kind;
pub mod deadlines;
pub mod lint;
pub mod outcome;
pub mod topics;

pub use answer_kind::AnswerKind;
pub use deadlines::Rule;
pub use outcome::Outcome;
