//! A message and the facts of its current round, as the state machine sees them.

use chrono::{DateTime, Utc};

use super::State;
use crate::rules::{AnswerKind, Outcome};

#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    /// Database row id (0 before insertion).
    pub id: i64,
    /// The monitoring system's id, used in every command.
    pub external_id: String,
    pub detected_at: DateTime<Utc>,
    pub received_at: DateTime<Utc>,
    pub network: Option<String>,
    pub link: Option<String>,
    pub thread: Option<String>,
    pub author: Option<String>,
    pub text: String,
    /// Topic as written in the export.
    pub topic: Option<String>,
    /// Appendix topic id when the topic is one of the appendix (п. 3.16).
    pub topic_id: Option<u32>,
    pub topic_group: Option<String>,
    pub settlement: Option<String>,
    pub body: Option<String>,
    pub state: State,
    pub outcome: Option<Outcome>,
    /// Kind of the current draft (or of the last published text once closed).
    pub kind: Option<AnswerKind>,
    pub responsible: Option<String>,
    /// п. 3.2 (or п. 3.16) deadline for the answer.
    pub answer_due_at: DateTime<Utc>,
    /// п. 3.9: the promised date of the final answer.
    pub final_due_at: Option<DateTime<Utc>>,
    /// The current round's draft was agreed with the head (п. 3.5).
    pub agreed: bool,
    pub submitted_at: Option<DateTime<Utc>>,
    pub returned_at: Option<DateTime<Utc>>,
    /// п. 3.10: when the need for a clarifying question arose.
    pub clarify_need_at: Option<DateTime<Utc>>,
    pub interim_published_at: Option<DateTime<Utc>>,
    /// Time of the latest history event (steps must not go back in time).
    pub last_event_at: DateTime<Utc>,
    /// Version number of the latest draft text of the current kind.
    pub text_versions: i64,
}

impl Message {
    /// The deadline the published answer is checked against: the promised date after
    /// an interim answer (п. 3.9), else п. 3.2 / п. 3.16.
    pub fn publish_due(&self) -> DateTime<Utc> {
        match (self.interim_published_at, self.final_due_at) {
            (Some(_), Some(f)) => f,
            _ => self.answer_due_at,
        }
    }
}
