//! What an open message is waiting for: the next step, who owes it, and its deadline.

use chrono::{DateTime, Utc};

use super::step::{plus, publish_due, review_due, submit_due};
use super::{Message, State};
use crate::calendar::{Caveat, WorkCalendar};
use crate::error::Result;
use crate::rules::{AnswerKind, Rule};
use crate::Lang;

/// Who owes a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Actor {
    Executor,
    Responsible,
    Head,
    Curator,
}

impl Actor {
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Actor::Executor => lang.pick("исполнитель", "executor"),
            Actor::Responsible => lang.pick("ответственный", "responsible"),
            Actor::Head => lang.pick("руководитель органа", "head of the body"),
            Actor::Curator => lang.pick("куратор", "curator"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NextStep {
    /// Stable name, as in `status --json` `next_step`.
    pub step: &'static str,
    pub rule: Rule,
    pub actor: Actor,
    pub due_at: DateTime<Utc>,
}

impl NextStep {
    pub fn describe(&self, lang: Lang) -> &'static str {
        match self.step {
            "assign" => lang.pick("передать ответственному", "pass to the responsible"),
            "draft" => lang.pick("подготовить проект ответа", "prepare the draft"),
            "draft_final" => lang.pick("подготовить итоговый ответ", "prepare the final answer"),
            "agree" => lang.pick("согласовать с руководителем", "agree with the head"),
            "submit" => lang.pick("направить куратору", "submit to the curator"),
            "resubmit" => lang.pick("доработать и направить повторно", "rework and resubmit"),
            "review" => lang.pick("согласовать или вернуть", "approve or return"),
            "publish" => lang.pick("разместить ответ", "publish the answer"),
            _ => self.step,
        }
    }
}

/// The next step of an open message (`None` for closed, declined, rejected).
pub fn next_step(msg: &Message, cal: &WorkCalendar) -> Result<Option<(NextStep, Caveat)>> {
    let kind = msg.kind.unwrap_or(AnswerKind::Answer);
    let n = |step, rule, actor, due_at| NextStep {
        step,
        rule,
        actor,
        due_at,
    };
    let r = match msg.state {
        State::Closed | State::Declined | State::Rejected => return Ok(None),
        State::New => {
            let (due, c) = plus(cal, msg.received_at, Rule::Assign.limit())?;
            (n("assign", Rule::Assign, Actor::Executor, due), c)
        }
        State::Assigned | State::Interim => {
            let (rule, due, c) = submit_due(msg, AnswerKind::Answer, cal)?;
            let step = if msg.state == State::Interim {
                "draft_final"
            } else {
                "draft"
            };
            (n(step, rule, Actor::Responsible, due), c)
        }
        State::Drafted if !msg.agreed && kind != AnswerKind::Clarify => {
            let (_, due, c) = submit_due(msg, kind, cal)?;
            (n("agree", Rule::Agree, Actor::Head, due), c)
        }
        State::Drafted | State::Agreed => {
            let (rule, due, c) = submit_due(msg, kind, cal)?;
            (n("submit", rule, Actor::Executor, due), c)
        }
        State::Returned => {
            let (rule, due, c) = submit_due(msg, kind, cal)?;
            (n("resubmit", rule, Actor::Executor, due), c)
        }
        State::Submitted => {
            let (rule, due, c) = review_due(msg, cal)?;
            (n("review", rule, Actor::Curator, due), c)
        }
        State::Approved => {
            let (rule, due) = publish_due(msg);
            (n("publish", rule, Actor::Executor, due), Caveat::default())
        }
    };
    Ok(Some(r))
}
