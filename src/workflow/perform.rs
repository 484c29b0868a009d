//! Performing a step on a stored message: one `Immediate` transaction that reads the
//! message, checks the step, and writes the new state with its history row together.

use chrono::{DateTime, Utc};

use super::step::{apply, Applied, Step};
use crate::calendar::WorkCalendar;
use crate::error::{Error, Result};
use crate::rules::deadlines::{IDENTICAL_ANSWERS_LIMIT, IDENTICAL_ANSWERS_WINDOW, IDENTICAL_SIMILARITY};
use crate::rules::lint::{self, Finding, LintRequest, PhraseBook, Severity};
use crate::rules::AnswerKind;
use crate::store::{events, messages, Store};
use crate::tr;
use crate::workflow::Message;

/// Messages of other users in the thread of `msg` that got the same (or ≥ 90 % similar)
/// answer within the working hour before `at` (п. 3.14).
pub fn identical_in_thread(
    conn: &rusqlite::Connection,
    cal: &WorkCalendar,
    msg: &Message,
    text: &str,
    at: DateTime<Utc>,
) -> Result<Vec<String>> {
    let Some(thread) = msg.thread.as_deref().filter(|t| !t.trim().is_empty()) else {
        return Ok(Vec::new());
    };
    let norm = lint::normalize_for_identity(text, msg.author.as_deref());
    let mut same = Vec::new();
    for (ext, author, other, published) in events::published_in_thread(conn, thread, at, 1000)? {
        if cal.between(published, at)?.0 >= IDENTICAL_ANSWERS_WINDOW {
            break;
        }
        let different_user = author.is_none() || author != msg.author;
        if ext != msg.external_id
            && different_user
            && (other == norm || lint::similarity(&other, &norm) >= IDENTICAL_SIMILARITY)
        {
            same.push(ext);
        }
    }
    Ok(same)
}

/// Performs `step` on message `external_id` at `at`; `now` is when it is recorded.
pub fn perform(
    store: &mut Store,
    cal: &WorkCalendar,
    external_id: &str,
    step: &Step,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Applied> {
    check_not_future(cal, at, now)?;
    store.write(|tx| {
        let msg = messages::get(tx, external_id)?;
        perform_in(tx, cal, &msg, step, at, now, serde_json::Value::Null)
    })
}

fn check_not_future(cal: &WorkCalendar, at: DateTime<Utc>, now: DateTime<Utc>) -> Result<()> {
    if at > now + chrono::Duration::minutes(1) {
        return Err(Error::Usage(tr!(
            "--at {} ещё не наступило (сейчас {}): записывается только то, что уже произошло",
            "--at {} is in the future (now {}): only what has happened can be recorded",
            crate::output::local_ru(cal, at),
            crate::output::local_ru(cal, now)
        )));
    }
    Ok(())
}

/// Applies and stores `step` inside an open transaction; `lint` (if not null) is kept
/// in the event's detail.
fn perform_in(
    tx: &rusqlite::Connection,
    cal: &WorkCalendar,
    msg: &Message,
    step: &Step,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
    lint: serde_json::Value,
) -> Result<Applied> {
    let mut applied = apply(msg, step, at, cal)?;
    if let Step::Close { .. } = step {
        check_identical_answers(tx, cal, &applied, at)?;
    }
    if !lint.is_null() {
        applied.event.detail["lint"] = lint;
    }
    messages::update_state(tx, &applied.message)?;
    events::append(tx, &applied.message, &applied.event, now)?;
    if let Step::Close { .. } = step {
        let kind = applied.message.kind.map(|k| k.as_str()).unwrap_or("answer");
        let body = events::latest_text(tx, msg)?.unwrap_or_default();
        let norm = lint::normalize_for_identity(&body, msg.author.as_deref());
        events::mark_published(tx, &applied.message, kind, at, &norm)?;
    }
    Ok(applied)
}

/// What `submit` did: submitted (with the findings shown), or refused because the draft
/// has error-level findings and no `--force` reason was given.
pub enum Submitted {
    Done(Box<Applied>, Vec<Finding>),
    Refused(Vec<Finding>),
}

/// `submit` with the answer checks run first, in the same transaction (п. 3.11, 3.12,
/// 1.5, 3.14). Error-level findings refuse the submission unless `force` gives a reason,
/// which is kept in history with the findings.
#[allow(clippy::too_many_arguments)]
pub fn submit_checked(
    store: &mut Store,
    cal: &WorkCalendar,
    book: &PhraseBook,
    external_id: &str,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
    force: Option<String>,
    language_fallback: Option<&str>,
) -> Result<Submitted> {
    check_not_future(cal, at, now)?;
    store.write(|tx| {
        let msg = messages::get(tx, external_id)?;
        let findings = check_draft(tx, cal, book, &msg, at, language_fallback)?;
        if lint::has_errors(&findings) && force.is_none() {
            return Ok(Submitted::Refused(findings));
        }
        let record: Vec<_> = findings
            .iter()
            .map(|f| serde_json::json!({"clause": f.clause, "severity": f.severity.as_str(), "message": f.message.ru}))
            .collect();
        let lint = if record.is_empty() {
            serde_json::Value::Null
        } else {
            serde_json::Value::Array(record)
        };
        let step = Step::Submit {
            forced: force.filter(|_| lint::has_errors(&findings)),
        };
        let applied = perform_in(tx, cal, &msg, &step, at, now, lint)?;
        Ok(Submitted::Done(Box::new(applied), findings))
    })
}

/// The answer checks for the current draft of `msg`, including п. 3.14 against answers
/// already published in its thread within the last working hour.
pub fn check_draft(
    conn: &rusqlite::Connection,
    cal: &WorkCalendar,
    book: &PhraseBook,
    msg: &Message,
    at: DateTime<Utc>,
    language_fallback: Option<&str>,
) -> Result<Vec<Finding>> {
    let Some(text) = events::latest_text(conn, msg)? else {
        return Ok(Vec::new());
    };
    let kind = msg.kind.unwrap_or(AnswerKind::Answer);
    let mut findings = lint::lint(
        &LintRequest {
            text: &text,
            kind,
            message_text: Some(&msg.text),
            author: msg.author.as_deref(),
            language_fallback,
        },
        book,
    );
    findings.extend(identical_answer_finding(conn, cal, msg, &text, at)?);
    Ok(findings)
}

/// п. 3.14 as a lint finding: an error when the limit is reached, a warning when the
/// same answer already went to other users in the thread within the working hour.
pub fn identical_answer_finding(
    conn: &rusqlite::Connection,
    cal: &WorkCalendar,
    msg: &Message,
    text: &str,
    at: DateTime<Utc>,
) -> Result<Option<Finding>> {
    let same = identical_in_thread(conn, cal, msg, text, at)?;
    if same.is_empty() {
        return Ok(None);
    }
    let (severity, message) = if same.len() >= IDENTICAL_ANSWERS_LIMIT {
        (
            Severity::Error,
            tr!(
                "такой же ответ уже опубликован {} раз в этой ветке за рабочий час ({}): шестой не допускается",
                "the same answer was already published {} times in this thread within the working hour ({}): a sixth is not allowed",
                same.len(),
                same.join(", ")
            ),
        )
    } else {
        (
            Severity::Warning,
            tr!(
                "такой же ответ уже опубликован в этой ветке за рабочий час: {} (допускается не более пяти)",
                "the same answer was already published in this thread within the working hour: {} (at most five)",
                same.join(", ")
            ),
        )
    };
    Ok(Some(Finding::new("3.14", severity, message, None)))
}

/// п. 3.14: refuses the sixth identical (or near-identical) answer to different users
/// in one thread within one working hour.
fn check_identical_answers(
    tx: &rusqlite::Connection,
    cal: &WorkCalendar,
    applied: &Applied,
    at: DateTime<Utc>,
) -> Result<()> {
    let msg = &applied.message;
    let Some(body) = events::latest_text(tx, msg)? else {
        return Ok(());
    };
    let same = identical_in_thread(tx, cal, msg, &body, at)?;
    let thread = msg.thread.as_deref().unwrap_or_default();
    if same.len() >= IDENTICAL_ANSWERS_LIMIT {
        return Err(Error::Refused {
            clause: "3.14",
            problem: tr!(
                "в ветке «{thread}» за последний рабочий час уже опубликовано {} идентичных ответов разным пользователям ({}); шестой не допускается",
                "{} identical answers to different users were already published in thread «{thread}» within the last working hour ({}); a sixth is not allowed",
                same.len(),
                same.join(", ")
            ),
            hint: Some(tr!(
                "перепишите ответ под конкретного пользователя или опубликуйте его позже",
                "rewrite the answer for this user, or publish it later"
            )),
        });
    }
    Ok(())
}
