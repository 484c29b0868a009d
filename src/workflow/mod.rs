//! The message state machine of the Порядок: states, steps, what each step checks.
//! Pure logic over [`Message`]; the store persists what [`step::apply`] returns.

pub mod intake;
pub mod message;
pub mod next;
pub mod perform;
pub mod state;
pub mod step;

pub use message::Message;
pub use next::{next_step, NextStep};
pub use state::State;
pub use step::{apply, Applied, EventDraft, Step, Timing};

#[cfg(test)]
mod tests;
