//! Intake: turning rows of a monitoring export into messages (receipt, п. 2.1, 2.2).
//!
//! All-or-nothing by default: the caller runs this inside one transaction and commits
//! only if it returns `Ok`. Re-importing a file changes nothing; a row that changes a
//! message already known is recorded in its history, never silently overwritten.

use std::collections::HashMap;

use chrono::{DateTime, NaiveTime, Utc};
use rusqlite::Connection;
use serde_json::json;

use super::step::{plus, timing, EventDraft};
use super::{Message, State};
use crate::calendar::{time_input, Caveat, WorkCalendar};
use crate::error::{Error, Location, Result};
use crate::import::{Field, Row};
use crate::rules::{lint, topics, Rule};
use crate::store::{events, messages};
use crate::tr;

/// What to do with bad rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OnInvalid {
    /// The first bad row stops the import; nothing is written.
    #[default]
    Abort,
    /// Bad rows are collected in the report; good rows are imported.
    Skip,
}

/// A row that was not imported.
#[derive(Debug)]
pub struct Rejected {
    pub line: u64,
    pub external_id: Option<String>,
    pub error: Error,
    /// The row as read, so the rejects file can be fixed and imported again.
    pub row: Row,
}

#[derive(Debug, Default)]
pub struct IntakeReport {
    pub rows: u64,
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub rejected: Vec<Rejected>,
    /// Messages imported with a topic outside the appendix (kept as written).
    pub topics_not_in_appendix: u64,
    /// Messages flagged under п. 1.4 for the executor's attention.
    pub flagged_p_1_4: Vec<String>,
    pub caveat: Caveat,
}

/// Imports `rows`; `column` names a field's column for error messages.
#[allow(clippy::too_many_arguments)]
pub fn intake(
    conn: &Connection,
    book: &lint::PhraseBook,
    cal: &WorkCalendar,
    file: &str,
    rows: &mut dyn Iterator<Item = Result<Row>>,
    column: &dyn Fn(Field) -> String,
    now: DateTime<Utc>,
    on_invalid: OnInvalid,
    progress: &mut dyn FnMut(u64),
) -> Result<IntakeReport> {
    // A morning export is a few hundred rows, a year's a million: with SQLite's default
    // 2 MB page cache a big import spills pages mid-transaction and reads them back.
    // A larger cache for the import only, put back afterwards.
    let cache_size: i64 = conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    conn.pragma_update(None, "cache_size", IMPORT_CACHE_SIZE)?;
    let result = intake_rows(conn, book, cal, file, rows, column, now, on_invalid, progress);
    conn.pragma_update(None, "cache_size", cache_size)?;
    result
}

/// `PRAGMA cache_size` during an import: 32 MiB (negative means KiB), leaving room in
/// the 200 MB an import of a year of messages may use for the ids seen so far.
const IMPORT_CACHE_SIZE: i64 = -32 * 1024;

#[allow(clippy::too_many_arguments)]
fn intake_rows(
    conn: &Connection,
    book: &lint::PhraseBook,
    cal: &WorkCalendar,
    file: &str,
    rows: &mut dyn Iterator<Item = Result<Row>>,
    column: &dyn Fn(Field) -> String,
    now: DateTime<Utc>,
    on_invalid: OnInvalid,
    progress: &mut dyn FnMut(u64),
) -> Result<IntakeReport> {
    let mut report = IntakeReport::default();
    // Ids already read, with their line. `Box<str>` rather than `String`: a million ids
    // of a year's export must fit with the page cache in the 200 MB an import may use.
    let mut seen: HashMap<Box<str>, u64> = HashMap::new();
    let mut topic_cache = TopicCache::default();
    let mut first_events = events::FirstEvents::default();
    for row in rows {
        let row = row?; // a broken file (truncated, undecodable) always aborts
        report.rows += 1;
        if report.rows % 1024 == 0 {
            progress(report.rows);
        }
        let id = row.get(Field::ExternalId).map(str::to_string);
        let state = (&mut seen, &mut topic_cache, &mut first_events);
        match intake_row(conn, book, cal, file, &row, column, now, state, &mut report) {
            Ok(()) => {}
            Err(e @ (Error::BadInput { .. } | Error::OutOfCalendar(_))) if on_invalid == OnInvalid::Skip => {
                report.rejected.push(Rejected {
                    line: row.line,
                    external_id: id,
                    error: e,
                    row,
                });
            }
            Err(e) => return Err(e),
        }
    }
    first_events.flush(conn)?;
    progress(report.rows);
    Ok(report)
}

#[allow(clippy::too_many_arguments)]
fn intake_row(
    conn: &Connection,
    book: &lint::PhraseBook,
    cal: &WorkCalendar,
    file: &str,
    row: &Row,
    column: &dyn Fn(Field) -> String,
    now: DateTime<Utc>,
    (seen, topic_cache, first_events): (&mut HashMap<Box<str>, u64>, &mut TopicCache, &mut events::FirstEvents),
    report: &mut IntakeReport,
) -> Result<()> {
    let loc = |f: Field, v: &str| Location::file(file).line(row.line).column(column(f)).value(v);
    let required = |f: Field| -> Result<&str> {
        row.get(f).ok_or_else(|| {
            Error::bad_input(
                Location::file(file).line(row.line).column(column(f)),
                tr!("пустое обязательное поле", "a required field is empty"),
            )
        })
    };
    let external_id = required(Field::ExternalId)?.to_string();
    if let Some(first) = seen.insert(external_id.as_str().into(), row.line) {
        return Err(Error::bad_input(
            loc(Field::ExternalId, &external_id),
            tr!(
                "ID повторяется в файле (впервые в строке {first})",
                "the ID is repeated in the file (first at line {first})"
            ),
        ));
    }
    let time = |f: Field| -> Result<Option<DateTime<Utc>>> {
        let Some(v) = row.get(f) else { return Ok(None) };
        time_input::parse_instant(cal, v, NaiveTime::MIN)
            .map(Some)
            .ok_or_else(|| {
                Error::bad_input(
                    loc(f, v),
                    tr!(
                        "не понимаю дату и время; ожидается {}",
                        "cannot read the date and time; expected {}",
                        time_input::ACCEPTED
                    ),
                )
            })
    };
    required(Field::DetectedAt)?;
    let detected_at = time(Field::DetectedAt)?.expect("checked present");
    let received_at = time(Field::ReceivedAt)?.unwrap_or(now);
    if received_at < detected_at {
        return Err(Error::bad_input(
            loc(Field::ReceivedAt, row.get(Field::ReceivedAt).unwrap_or_default()),
            tr!(
                "сообщение поступило раньше, чем было выявлено",
                "received before it was detected"
            ),
        ));
    }
    if detected_at > now {
        return Err(Error::bad_input(
            loc(Field::DetectedAt, row.get(Field::DetectedAt).unwrap_or_default()),
            tr!("дата выявления ещё не наступила", "the detection time is in the future"),
        ));
    }
    let text = required(Field::Text)?.to_string();
    let topic = row.get(Field::Topic).map(str::to_string);
    let appendix = topic.as_deref().and_then(|t| topic_cache.find(t));
    // п. 3.2: 8 working hours from detection; п. 3.16: the appendix topic's days.
    let limit = appendix.map(|t| t.deadline()).unwrap_or(Rule::Publish.limit());
    let (answer_due_at, c) = plus(cal, detected_at, limit)?;
    report.caveat = merge(report.caveat, c);
    let opt = |f: Field| row.get(f).map(str::to_string);
    let incoming = Message {
        id: 0,
        external_id: external_id.clone(),
        detected_at,
        received_at,
        network: opt(Field::Network),
        link: opt(Field::Link),
        thread: opt(Field::Thread),
        author: opt(Field::Author),
        text,
        topic: topic.clone(),
        topic_id: appendix.map(|t| t.id),
        topic_group: opt(Field::TopicGroup),
        settlement: opt(Field::Settlement),
        body: opt(Field::Body),
        state: State::New,
        outcome: None,
        kind: None,
        responsible: None,
        answer_due_at,
        final_due_at: None,
        agreed: false,
        submitted_at: None,
        returned_at: None,
        clarify_need_at: None,
        interim_published_at: None,
        last_event_at: received_at,
        text_versions: 0,
    };
    let outside_appendix = appendix.is_none() && topic.is_some();
    let Some(incoming) = insert_new(
        conn,
        book,
        cal,
        row,
        incoming,
        outside_appendix,
        now,
        first_events,
        report,
    )?
    else {
        return Ok(());
    };
    let existing = messages::find(conn, &external_id)?.expect("the insert found this id taken");
    update_existing(conn, existing, incoming, now, report)
}

/// `topics::find` normalises every appendix name on each call; an export repeats a few
/// dozen topics over and over, so each distinct spelling is looked up once per import.
#[derive(Default)]
struct TopicCache(HashMap<String, Option<&'static topics::Topic>>);

impl TopicCache {
    fn find(&mut self, name: &str) -> Option<&'static topics::Topic> {
        if let Some(found) = self.0.get(name) {
            return *found;
        }
        let found = topics::find(name);
        self.0.insert(name.to_string(), found);
        found
    }
}

fn merge(a: Caveat, b: Caveat) -> Caveat {
    Caveat {
        fallback: a.fallback.or(b.fallback),
        incomplete_year: a.incomplete_year.or(b.incomplete_year),
    }
}

/// Inserts `m` with its first event if its id is new; hands it back untouched if a
/// message with that id exists (a re-import), to be compared with it.
#[allow(clippy::too_many_arguments)]
fn insert_new(
    conn: &Connection,
    book: &lint::PhraseBook,
    cal: &WorkCalendar,
    row: &Row,
    mut m: Message,
    topic_outside_appendix: bool,
    now: DateTime<Utc>,
    first_events: &mut events::FirstEvents,
    report: &mut IntakeReport,
) -> Result<Option<Message>> {
    // п. 2.1: the curator routes the message within 0.5 wh of detection. Worked out
    // before anything is written: with `--skip-invalid` a row refused here (a date
    // outside the calendar) must leave no message behind. A known message needs none.
    let route = plus(cal, m.detected_at, Rule::Route.limit())
        .and_then(|(due, c1)| timing(cal, Rule::Route, due, m.received_at).map(|(t, c2)| (t, merge(c1, c2))));
    let (t, caveat) = match route {
        Ok(route) => route,
        Err(e) if messages::find(conn, &m.external_id)?.is_none() => return Err(e),
        Err(_) => return Ok(Some(m)),
    };
    let mut flags = Vec::new();
    if topic_outside_appendix {
        flags.push(json!({"flag": "topic_not_in_appendix", "clause": "3.16"}));
    }
    for f in lint::flag_forbidden(&m.text, book) {
        flags.push(json!({"flag": "forbidden_content", "clause": f.clause, "span": f.span}));
    }
    let extra = messages::ImportExtra {
        region: row.get(Field::Region).map(str::to_string),
        municipality: row.get(Field::Municipality).map(str::to_string),
        incident_type: row.get(Field::IncidentType).map(str::to_string),
        flags: (!flags.is_empty()).then(|| serde_json::to_string(&flags).expect("a JSON value always serialises")),
    };
    match messages::insert_if_new(conn, &m, &extra)? {
        Some(id) => m.id = id,
        None => return Ok(Some(m)),
    }
    if topic_outside_appendix {
        report.topics_not_in_appendix += 1;
    }
    if flags.iter().any(|f| f["clause"] == "1.4") {
        report.flagged_p_1_4.push(m.external_id.clone());
    }
    report.caveat = merge(report.caveat, caveat);
    let ev = EventDraft {
        action: "import",
        at: m.received_at,
        timing: Some(t),
        from: State::New,
        to: State::New,
        detail: json!({ "detected_at": m.detected_at.to_rfc3339(), "flags": flags }),
        text: None,
    };
    first_events.push(conn, &m, &ev, now)?;
    report.inserted += 1;
    Ok(None)
}

fn update_existing(
    conn: &Connection,
    existing: Message,
    incoming: Message,
    now: DateTime<Utc>,
    report: &mut IntakeReport,
) -> Result<()> {
    let mut changed = serde_json::Map::new();
    let mut m = existing.clone();
    macro_rules! cmp {
        ($($f:ident),*) => {$(
            if existing.$f != incoming.$f {
                changed.insert(stringify!($f).into(), json!([existing.$f, incoming.$f]));
                m.$f = incoming.$f.clone();
            }
        )*};
    }
    cmp!(
        network,
        link,
        thread,
        author,
        text,
        topic,
        topic_group,
        settlement,
        body
    );
    if existing.detected_at != incoming.detected_at {
        // The clock of every deadline starts at detection: a later export cannot move it
        // silently. Kept as written first; the difference is recorded.
        changed.insert(
            "detected_at_in_file".into(),
            json!([existing.detected_at.to_rfc3339(), incoming.detected_at.to_rfc3339()]),
        );
    }
    if changed.is_empty() {
        report.unchanged += 1;
        return Ok(());
    }
    if existing.topic != incoming.topic {
        m.topic_id = incoming.topic_id;
        if !existing.state.is_final() && existing.interim_published_at.is_none() {
            m.answer_due_at = incoming.answer_due_at;
        }
    }
    messages::update_content(conn, &m)?;
    let ev = EventDraft {
        action: "import_update",
        at: now.max(existing.last_event_at),
        timing: None,
        from: existing.state,
        to: existing.state,
        detail: serde_json::Value::Object(changed),
        text: None,
    };
    m.last_event_at = ev.at;
    messages::update_state(conn, &m)?;
    events::append(conn, &m, &ev, now)?;
    report.updated += 1;
    Ok(())
}
