//! The Порядок as data and checks: deadlines table, outcomes, answer kinds, topics.

pub mod answer_kind;
pub mod lint;
pub mod outcome;

pub use answer_kind::AnswerKind;
pub use outcome::Outcome;
