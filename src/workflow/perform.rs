//! Performing a step on a stored message: one `Immediate` transaction that reads the
//! message, checks the step, and writes the new state with its history row together.

use chrono::{DateTime, Utc};

use super::step::{apply, Applied, Step};
use crate::calendar::{WorkCalendar, WorkingDuration};
use crate::error::{Error, Result};
use crate::rules::lint;
use crate::store::{events, messages, Store};
use crate::tr;

/// п. 3.14: at most five identical answers to different users in one thread within one
/// working hour.
pub const IDENTICAL_ANSWERS_PER_HOUR: usize = 5;
/// Answers at least this similar (word shingles) count as identical (п. 3.14).
pub const IDENTICAL_SIMILARITY: f64 = 0.9;

/// Performs `step` on message `external_id` at `at`; `now` is when it is recorded.
pub fn perform(
    store: &mut Store,
    cal: &WorkCalendar,
    external_id: &str,
    step: &Step,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Applied> {
    if at > now + chrono::Duration::minutes(1) {
        return Err(Error::Usage(tr!(
            "--at {} ещё не наступило (сейчас {}): записывается только то, что уже произошло",
            "--at {} is in the future (now {}): only what has happened can be recorded",
            crate::output::local_ru(cal, at),
            crate::output::local_ru(cal, now)
        )));
    }
    store.write(|tx| {
        let msg = messages::get(tx, external_id)?;
        let applied = apply(&msg, step, at, cal)?;
        if let Step::Close { .. } = step {
            check_identical_answers(tx, cal, &applied, at)?;
        }
        messages::update_state(tx, &applied.message)?;
        events::append(tx, &applied.message, &applied.event, now)?;
        if let Step::Close { .. } = step {
            let kind = applied.message.kind.map(|k| k.as_str()).unwrap_or("answer");
            let body = events::latest_text(tx, &msg)?.unwrap_or_default();
            let norm = lint::normalize_for_identity(&body, msg.author.as_deref());
            events::mark_published(tx, &applied.message, kind, at, &norm)?;
        }
        Ok(applied)
    })
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
    let Some(thread) = msg.thread.as_deref().filter(|t| !t.trim().is_empty()) else {
        return Ok(());
    };
    let Some(body) = events::latest_text(tx, msg)? else {
        return Ok(());
    };
    let norm = lint::normalize_for_identity(&body, msg.author.as_deref());
    let hour = WorkingDuration::from_minutes(60);
    let mut same = Vec::new();
    for (ext, author, other, published) in events::published_in_thread(tx, thread, at, 1000)? {
        if cal.between(published, at)?.0 >= hour {
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
    if same.len() >= IDENTICAL_ANSWERS_PER_HOUR {
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
