//! Steps of the Порядок and what each checks: the state it may start from, reasons it
//! needs, and the deadline it is measured against (from [`crate::rules::Rule`]).
//! A late step is still applied and marked late; an impossible one is refused.

use chrono::{DateTime, Utc};
use serde_json::json;

use super::{Message, State};
use crate::calendar::{Caveat, WorkCalendar, WorkingDuration};
use crate::error::{Error, Result};
use crate::output::local_ru;
use crate::rules::{AnswerKind, Outcome, Rule};
use crate::tr;

/// One step, as a command asks for it.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    Assign {
        responsible: String,
    },
    Decline {
        reason: String,
    },
    Reject {
        reason: String,
    },
    Draft {
        kind: AnswerKind,
        text: String,
        final_due: Option<DateTime<Utc>>,
        justification: Option<String>,
    },
    Agree {
        by: String,
    },
    Submit {
        forced: Option<String>,
    },
    Approve,
    Rework {
        reason: String,
    },
    Close {
        outcome: Option<Outcome>,
    },
    SetOutcome {
        outcome: Outcome,
        reason: String,
    },
}

impl Step {
    /// The action name stored in history and printed in JSON.
    pub fn action(&self) -> &'static str {
        match self {
            Step::Assign { .. } => "assign",
            Step::Decline { .. } => "decline",
            Step::Reject { .. } => "reject",
            Step::Draft { .. } => "draft",
            Step::Agree { .. } => "agree",
            Step::Submit { .. } => "submit",
            Step::Approve => "approve",
            Step::Rework { .. } => "rework",
            Step::Close { .. } => "close",
            Step::SetOutcome { .. } => "outcome",
        }
    }
}

/// A step measured against its deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timing {
    pub rule: Rule,
    pub due_at: DateTime<Utc>,
    pub on_time: bool,
    /// Working time past the deadline (zero when on time).
    pub overrun: WorkingDuration,
}

/// The history row a step produces.
#[derive(Clone, Debug, PartialEq)]
pub struct EventDraft {
    pub action: &'static str,
    pub at: DateTime<Utc>,
    pub timing: Option<Timing>,
    pub from: State,
    pub to: State,
    pub detail: serde_json::Value,
    /// A text version written by this step.
    pub text: Option<(AnswerKind, String)>,
}

/// The message after a step, and the event to append.
#[derive(Clone, Debug)]
pub struct Applied {
    pub message: Message,
    pub event: EventDraft,
    pub caveat: Caveat,
}

fn merge(a: Caveat, b: Caveat) -> Caveat {
    Caveat {
        fallback: a.fallback.or(b.fallback),
        incomplete_year: a.incomplete_year.or(b.incomplete_year),
    }
}

/// Measures `at` against `due` in working time.
pub fn timing(cal: &WorkCalendar, rule: Rule, due_at: DateTime<Utc>, at: DateTime<Utc>) -> Result<(Timing, Caveat)> {
    let (over, c) = cal.between(due_at, at)?;
    let on_time = over.secs() <= 0;
    let overrun = if on_time { WorkingDuration::ZERO } else { over };
    Ok((
        Timing {
            rule,
            due_at,
            on_time,
            overrun,
        },
        c,
    ))
}

/// `t + d` in working time.
pub fn plus(cal: &WorkCalendar, t: DateTime<Utc>, d: WorkingDuration) -> Result<(DateTime<Utc>, Caveat)> {
    cal.add(t, d)
}

/// Deadline for submitting the current draft to the curator.
pub fn submit_due(msg: &Message, kind: AnswerKind, cal: &WorkCalendar) -> Result<(Rule, DateTime<Utc>, Caveat)> {
    if let Some(ret) = msg.returned_at {
        // п. 3.8: 1 wh after the return, and never past the answer deadline.
        let (d, c) = plus(cal, ret, Rule::Resubmit.limit())?;
        return Ok((Rule::Resubmit, d.min(msg.publish_due()), c));
    }
    match kind {
        AnswerKind::Answer => {
            let (d, c) = plus(cal, msg.publish_due(), -Rule::SubmitAnswer.limit())?;
            Ok((Rule::SubmitAnswer, d, c))
        }
        AnswerKind::Interim => {
            let (d, c) = plus(cal, msg.received_at, Rule::SubmitInterim.limit())?;
            Ok((Rule::SubmitInterim, d, c))
        }
        AnswerKind::Clarify => {
            let need = msg.clarify_need_at.unwrap_or(msg.received_at);
            let (d, c) = plus(cal, need, Rule::SubmitClarify.limit())?;
            Ok((Rule::SubmitClarify, d.min(msg.answer_due_at), c))
        }
    }
}

/// Deadline for the curator's review of a submission (п. 3.7, 3.9, 3.10).
pub fn review_due(msg: &Message, cal: &WorkCalendar) -> Result<(Rule, DateTime<Utc>, Caveat)> {
    let submitted = msg.submitted_at.unwrap_or(msg.last_event_at);
    let rule = match msg.kind.unwrap_or(AnswerKind::Answer) {
        AnswerKind::Answer => Rule::CuratorReview,
        AnswerKind::Interim => Rule::InterimReview,
        AnswerKind::Clarify => Rule::ClarifyReview,
    };
    let (d, c) = plus(cal, submitted, rule.limit())?;
    let d = if rule == Rule::ClarifyReview {
        d.min(msg.answer_due_at)
    } else {
        d
    };
    Ok((rule, d, c))
}

/// Deadline for publishing the approved text (п. 3.2, 3.16, or the п. 3.9 promise).
pub fn publish_due(msg: &Message) -> (Rule, DateTime<Utc>) {
    match (msg.kind, msg.interim_published_at) {
        (Some(AnswerKind::Answer), Some(_)) => (Rule::FinalAfterInterim, msg.publish_due()),
        _ => (Rule::Publish, msg.answer_due_at),
    }
}

fn invalid(msg: &Message, step: &Step) -> Error {
    let next = possible_commands(msg);
    let (next_ru, next_en) = if next.is_empty() {
        (
            "работа с сообщением завершена".to_string(),
            "work on the message is finished".to_string(),
        )
    } else {
        let list = next.join(", ");
        (format!("сейчас возможно: {list}"), format!("possible now: {list}"))
    };
    Error::InvalidTransition(crate::Text::new(
        format!(
            "сообщение {} в состоянии «{}»: команда {} сейчас невозможна; {next_ru}",
            msg.external_id,
            msg.state.ru(),
            step.action()
        ),
        format!(
            "message {} is in state «{}»: the command {} is impossible now; {next_en}",
            msg.external_id,
            msg.state.en(),
            step.action()
        ),
    ))
}

/// The commands that can move `msg` on from its current state.
pub fn possible_commands(msg: &Message) -> Vec<&'static str> {
    use State::*;
    let clarify = msg.kind == Some(AnswerKind::Clarify);
    match msg.state {
        New => vec!["assign", "decline", "reject"],
        Assigned => vec!["draft", "decline", "reject"],
        Drafted if msg.agreed => vec!["submit", "draft"],
        // A clarifying question may go without the head's agreement (п. 3.10).
        Drafted if clarify => vec!["submit", "agree", "draft"],
        Drafted => vec!["agree", "draft"],
        Agreed => vec!["submit", "draft"],
        Submitted => vec!["approve", "rework"],
        Returned => vec!["draft"],
        Approved => vec!["close"],
        Interim => vec!["draft", "outcome"],
        Closed => vec!["outcome"],
        Declined | Rejected => vec![],
    }
}

fn need_reason(clause: &'static str, reason: &str, what: crate::Text) -> Result<()> {
    if reason.trim().is_empty() {
        return Err(Error::refused(clause, what));
    }
    Ok(())
}

/// Applies `step` at `at` to `msg`: the new message and its history event, or a refusal.
pub fn apply(msg: &Message, step: &Step, at: DateTime<Utc>, cal: &WorkCalendar) -> Result<Applied> {
    if at < msg.last_event_at {
        return Err(Error::InvalidTransition(tr!(
            "сообщение {}: время шага {} раньше предыдущего шага ({}); история идёт только вперёд",
            "message {}: the step time {} is before the previous step ({}); history only moves forward",
            msg.external_id,
            local_ru(cal, at),
            local_ru(cal, msg.last_event_at)
        )));
    }
    let mut m = msg.clone();
    let mut caveat = Caveat::default();
    let mut t: Option<Timing> = None;
    let mut detail = json!({});
    let mut text = None;
    let mut measure = |rule: Rule, due: DateTime<Utc>, c0: Caveat| -> Result<Timing> {
        let (tm, c) = timing(cal, rule, due, at)?;
        caveat = merge(caveat, merge(c0, c));
        Ok(tm)
    };
    use State::*;
    match step {
        Step::Assign { responsible } => {
            if msg.state != New {
                return Err(invalid(msg, step));
            }
            need_reason(
                "3.3",
                responsible,
                tr!("не указан ответственный", "no responsible person given"),
            )?;
            let (due, c) = plus(cal, msg.received_at, Rule::Assign.limit())?;
            t = Some(measure(Rule::Assign, due, c)?);
            m.responsible = Some(responsible.trim().to_string());
            detail = json!({ "responsible": responsible.trim() });
            m.state = Assigned;
        }
        Step::Decline { reason } => {
            if !matches!(msg.state, New | Assigned) {
                return Err(invalid(msg, step));
            }
            need_reason(
                "2.3",
                reason,
                tr!(
                    "возврат куратору требует обоснования (--reason)",
                    "a return to the curator needs a justification (--reason)"
                ),
            )?;
            let (due, c) = plus(cal, msg.received_at, Rule::Decline.limit())?;
            t = Some(measure(Rule::Decline, due, c)?);
            detail = json!({ "reason": reason.trim() });
            m.state = Declined;
        }
        Step::Reject { reason } => {
            if !matches!(msg.state, New | Assigned) {
                return Err(invalid(msg, step));
            }
            need_reason(
                "1.4",
                reason,
                tr!(
                    "отказ в рассмотрении требует причины (--reason)",
                    "not considering a message needs a reason (--reason)"
                ),
            )?;
            detail = json!({ "reason": reason.trim() });
            m.state = Rejected;
        }
        Step::Draft {
            kind,
            text: body,
            final_due,
            justification,
        } => {
            let allowed = match msg.state {
                Assigned | Drafted | Agreed => true,
                Returned => msg.kind == Some(*kind),
                Interim => *kind == AnswerKind::Answer,
                _ => false,
            };
            if !allowed {
                if msg.state == Interim || msg.state == Returned {
                    return Err(Error::InvalidTransition(tr!(
                        "сообщение {}: в состоянии «{}» можно подготовить только {}",
                        "message {}: in state «{}» only a {} can be drafted",
                        msg.external_id,
                        msg.state.ru(),
                        if msg.state == Interim {
                            AnswerKind::Answer.ru()
                        } else {
                            msg.kind.unwrap_or(AnswerKind::Answer).ru()
                        }
                    )));
                }
                return Err(invalid(msg, step));
            }
            if body.trim().is_empty() {
                return Err(Error::refused(
                    "3.4",
                    tr!("пустой текст проекта", "the draft text is empty"),
                ));
            }
            if *kind == AnswerKind::Interim {
                if msg.interim_published_at.is_some() {
                    return Err(Error::refused(
                        "3.9",
                        tr!("промежуточный ответ уже был дан", "an interim answer was already given"),
                    ));
                }
                let (Some(due), Some(why)) = (final_due, justification.as_deref().filter(|j| !j.trim().is_empty()))
                else {
                    return Err(Error::refused(
                        "3.9",
                        tr!(
                            "промежуточный ответ должен содержать срок итогового ответа (--final-due) и обоснование (--justification)",
                            "an interim answer must state the final answer's date (--final-due) and a justification (--justification)"
                        ),
                    ));
                };
                let (limit, c) = plus(cal, at, Rule::FinalAfterInterim.limit())?;
                caveat = merge(caveat, c);
                if *due > limit {
                    return Err(Error::refused(
                        "3.9",
                        tr!(
                            "срок итогового ответа {} позже 20 рабочих дней (не позднее {})",
                            "the final answer date {} is past 20 working days (latest {})",
                            local_ru(cal, *due),
                            local_ru(cal, limit)
                        ),
                    ));
                }
                if *due <= at {
                    return Err(Error::refused(
                        "3.9",
                        tr!(
                            "срок итогового ответа уже прошёл",
                            "the final answer date is already past"
                        ),
                    ));
                }
                m.final_due_at = Some(*due);
                detail = json!({ "kind": kind.as_str(), "final_due": crate::output::rfc3339(cal, *due), "justification": why.trim() });
            } else {
                detail = json!({ "kind": kind.as_str() });
            }
            if *kind == AnswerKind::Clarify && (msg.kind != Some(AnswerKind::Clarify) || msg.clarify_need_at.is_none())
            {
                m.clarify_need_at = Some(at);
            }
            if msg.kind != Some(*kind) {
                m.text_versions = 0;
            }
            m.text_versions += 1;
            // A reworked draft goes straight back to the curator (п. 3.8); any other new
            // version needs the head's agreement again (п. 3.5).
            m.agreed = msg.state == Returned && msg.agreed;
            m.kind = Some(*kind);
            m.state = Drafted;
            text = Some((*kind, body.clone()));
        }
        Step::Agree { by } => {
            if msg.state != Drafted || msg.agreed {
                return Err(invalid(msg, step));
            }
            need_reason(
                "3.5",
                by,
                tr!("не указано, кто согласовал (--by)", "who agreed is not given (--by)"),
            )?;
            let (_, due, c) = submit_due(msg, msg.kind.unwrap_or(AnswerKind::Answer), cal)?;
            t = Some(measure(Rule::Agree, due, c)?);
            detail = json!({ "by": by.trim() });
            m.agreed = true;
            m.state = Agreed;
        }
        Step::Submit { forced } => {
            let kind = msg.kind.unwrap_or(AnswerKind::Answer);
            let ok = msg.state == Agreed || (msg.state == Drafted && (msg.agreed || kind == AnswerKind::Clarify));
            if !ok {
                if msg.state == Drafted {
                    return Err(Error::refused(
                        "3.5",
                        tr!(
                            "проект не согласован с руководителем органа или его заместителем: сначала poryadok agree {} --by ФИО",
                            "the draft is not agreed with the head of the body or a deputy: first run poryadok agree {} --by NAME",
                            msg.external_id
                        ),
                    ));
                }
                return Err(invalid(msg, step));
            }
            let (rule, due, c) = submit_due(msg, kind, cal)?;
            t = Some(measure(rule, due, c)?);
            detail = match forced {
                Some(r) => json!({ "kind": kind.as_str(), "forced": r }),
                None => json!({ "kind": kind.as_str() }),
            };
            m.submitted_at = Some(at);
            m.state = Submitted;
        }
        Step::Approve | Step::Rework { .. } => {
            if msg.state != Submitted {
                return Err(invalid(msg, step));
            }
            let (rule, due, c) = review_due(msg, cal)?;
            t = Some(measure(rule, due, c)?);
            if let Step::Rework { reason } = step {
                need_reason(
                    "3.7",
                    reason,
                    tr!(
                        "возврат на доработку требует обоснования (--reason)",
                        "a return for rework needs a justification (--reason)"
                    ),
                )?;
                detail = json!({ "reason": reason.trim() });
                m.returned_at = Some(at);
                m.state = Returned;
            } else {
                m.state = Approved;
            }
        }
        Step::Close { outcome } => {
            if msg.state != Approved {
                return Err(invalid(msg, step));
            }
            let kind = msg.kind.unwrap_or(AnswerKind::Answer);
            let outcome = match outcome.or(Outcome::implied_by(kind)) {
                Some(o) => o,
                None => {
                    return Err(Error::refused(
                        "3.15",
                        tr!(
                            "при публикации ответа заполняется «Итог»: --outcome решено|не-решено|разъяснено",
                            "publishing an answer needs its outcome: --outcome resolved|unresolved|explained"
                        ),
                    ))
                }
            };
            check_outcome(msg, kind, outcome)?;
            let (rule, due) = publish_due(msg);
            t = Some(measure(rule, due, Caveat::default())?);
            detail = json!({ "outcome": outcome.as_str(), "kind": kind.as_str() });
            m.outcome = Some(outcome);
            m.submitted_at = None;
            m.returned_at = None;
            m.agreed = false;
            if kind == AnswerKind::Interim {
                m.interim_published_at = Some(at);
                m.state = Interim;
            } else {
                m.state = Closed;
            }
        }
        Step::SetOutcome { outcome, reason } => {
            if !matches!(msg.state, Closed | Interim) || msg.outcome.is_none() {
                return Err(invalid(msg, step));
            }
            need_reason(
                "3.15",
                reason,
                tr!(
                    "исправление «Итога» требует причины (--reason)",
                    "correcting the outcome needs a reason (--reason)"
                ),
            )?;
            let kind = msg.kind.unwrap_or(AnswerKind::Answer);
            check_outcome(msg, kind, *outcome)?;
            if msg.outcome == Some(*outcome) {
                return Err(Error::InvalidTransition(tr!(
                    "«Итог» уже «{}»",
                    "the outcome is already «{}»",
                    outcome.ru()
                )));
            }
            detail = json!({ "from": msg.outcome.map(|o| o.as_str()), "outcome": outcome.as_str(), "reason": reason.trim() });
            m.outcome = Some(*outcome);
        }
    }
    m.last_event_at = at;
    let event = EventDraft {
        action: step.action(),
        at,
        timing: t,
        from: msg.state,
        to: m.state,
        detail,
        text,
    };
    Ok(Applied {
        message: m,
        event,
        caveat,
    })
}

/// п. 3.15, 3.16: the outcome must fit the kind of text, and appendix topics need «Решено».
fn check_outcome(msg: &Message, kind: AnswerKind, outcome: Outcome) -> Result<()> {
    if !outcome.fits(kind) {
        return Err(Error::refused(
            "3.15",
            tr!(
                "«Итог» «{}» не соответствует виду текста «{}»",
                "the outcome «{}» contradicts the kind of text «{}»",
                outcome.ru(),
                kind.ru()
            ),
        ));
    }
    if kind == AnswerKind::Answer && msg.topic_id.is_some() && outcome != Outcome::Resolved {
        return Err(Error::Refused {
            clause: "3.16",
            problem: tr!(
                "тема «{}» входит в приложение к Порядку: «Итог» может быть только «Решено»",
                "the topic «{}» is in the appendix: the outcome must be «Решено»",
                msg.topic.as_deref().unwrap_or("")
            ),
            hint: Some(tr!(
                "если решение требует больше времени, дайте промежуточный ответ (draft --kind interim)",
                "if the solution needs more time, give an interim answer (draft --kind interim)"
            )),
        });
    }
    Ok(())
}

/// The name of a history action for people (`assign` → «передано ответственному»).
pub fn action_name(action: &str, lang: crate::Lang) -> &str {
    let (ru, en) = match action {
        "import" => ("поступило", "received"),
        "import_update" => ("изменено в выгрузке", "changed by an export"),
        "assign" => ("передано ответственному", "passed to the responsible"),
        "decline" => ("возвращено куратору", "returned to the curator"),
        "reject" => ("не рассматривается", "not considered"),
        "draft" => ("записан проект", "draft recorded"),
        "agree" => ("согласовано с руководителем", "agreed with the head"),
        "submit" => ("направлено куратору", "submitted to the curator"),
        "approve" => ("согласовано куратором", "approved by the curator"),
        "rework" => ("возвращено на доработку", "returned for rework"),
        "close" => ("опубликовано", "published"),
        "outcome" => ("«Итог» исправлен", "outcome corrected"),
        other => (other, other),
    };
    lang.pick(ru, en)
}
