//! Reading and writing messages.

use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use rusqlite::{named_params, params, Connection, OptionalExtension, Row};

use crate::error::{Error, Result};
use crate::rules::{AnswerKind, Outcome};
use crate::tr;
use crate::workflow::{Message, State};

pub(crate) fn ts(t: DateTime<Utc>) -> i64 {
    t.timestamp()
}

pub(crate) fn from_ts(s: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(s, 0).unwrap_or_default()
}

const COLUMNS: &str = "id, external_id, detected_at, received_at, network, link, thread, author, text, topic, \
    topic_id, topic_group, settlement, body, state, outcome, kind, responsible, answer_due_at, final_due_at, \
    agreed, submitted_at, returned_at, clarify_need_at, interim_published_at, last_event_at, text_versions";

fn parse_enum<T: std::str::FromStr>(s: Option<String>) -> rusqlite::Result<Option<T>> {
    match s {
        None => Ok(None),
        Some(s) => s
            .parse()
            .map(Some)
            .map_err(|_| rusqlite::Error::InvalidColumnType(0, s, rusqlite::types::Type::Text)),
    }
}

fn from_row(r: &Row) -> rusqlite::Result<Message> {
    let state: String = r.get("state")?;
    Ok(Message {
        id: r.get("id")?,
        external_id: r.get("external_id")?,
        detected_at: from_ts(r.get("detected_at")?),
        received_at: from_ts(r.get("received_at")?),
        network: r.get("network")?,
        link: r.get("link")?,
        thread: r.get("thread")?,
        author: r.get("author")?,
        text: r.get("text")?,
        topic: r.get("topic")?,
        topic_id: r.get("topic_id")?,
        topic_group: r.get("topic_group")?,
        settlement: r.get("settlement")?,
        body: r.get("body")?,
        state: parse_enum::<State>(Some(state))?.expect("state present"),
        outcome: parse_enum::<Outcome>(r.get("outcome")?)?,
        kind: parse_enum::<AnswerKind>(r.get("kind")?)?,
        responsible: r.get("responsible")?,
        answer_due_at: from_ts(r.get("answer_due_at")?),
        final_due_at: r.get::<_, Option<i64>>("final_due_at")?.map(from_ts),
        agreed: r.get("agreed")?,
        submitted_at: r.get::<_, Option<i64>>("submitted_at")?.map(from_ts),
        returned_at: r.get::<_, Option<i64>>("returned_at")?.map(from_ts),
        clarify_need_at: r.get::<_, Option<i64>>("clarify_need_at")?.map(from_ts),
        interim_published_at: r.get::<_, Option<i64>>("interim_published_at")?.map(from_ts),
        last_event_at: from_ts(r.get("last_event_at")?),
        text_versions: r.get("text_versions")?,
    })
}

/// The message with this monitoring-system id, if any.
pub fn find(conn: &Connection, external_id: &str) -> Result<Option<Message>> {
    // Called once per imported row: a cached statement, not a parse per call.
    static SQL: OnceLock<String> = OnceLock::new();
    let sql = SQL.get_or_init(|| format!("SELECT {COLUMNS} FROM messages WHERE external_id = ?1"));
    Ok(conn
        .prepare_cached(sql)?
        .query_row([external_id], from_row)
        .optional()?)
}

/// The message with this id, or a clear "not found".
pub fn get(conn: &Connection, external_id: &str) -> Result<Message> {
    find(conn, external_id)?.ok_or_else(|| {
        Error::NotFound(tr!(
            "сообщение «{external_id}» не найдено; проверьте ID (poryadok status покажет открытые)",
            "message «{external_id}» not found; check the ID (poryadok status lists open ones)"
        ))
    })
}

/// All messages in a state that still owes a step.
pub fn open_messages(conn: &Connection) -> Result<Vec<Message>> {
    let sql = format!("SELECT {COLUMNS} FROM messages WHERE state NOT IN ('closed','declined','rejected') ORDER BY id");
    let mut st = conn.prepare(&sql)?;
    let rows = st.query_map([], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Every message, in import order, one at a time (an archive may hold millions).
/// Stops at the first error `f` returns.
pub fn for_each(conn: &Connection, mut f: impl FnMut(Message) -> Result<()>) -> Result<()> {
    let sql = format!("SELECT {COLUMNS} FROM messages ORDER BY id");
    let mut st = conn.prepare(&sql)?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        f(from_row(r)?)?;
    }
    Ok(())
}

const INSERT: &str = "INSERT INTO messages (external_id, detected_at, received_at, network, link, thread, author,
        text, topic, topic_id, topic_group, settlement, body, region, municipality, incident_type, state,
        answer_due_at, last_event_at, flags)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)";

/// Inserts a new message; returns its row id.
pub fn insert(conn: &Connection, m: &Message, extra: &ImportExtra) -> Result<i64> {
    insert_with(conn, INSERT, m, extra)?;
    Ok(conn.last_insert_rowid())
}

/// Inserts `m` unless a message with its external id exists; returns the new row id, or
/// `None` (and writes nothing) when it exists. One statement instead of a lookup and an
/// insert: the import's path for new rows.
pub(crate) fn insert_if_new(conn: &Connection, m: &Message, extra: &ImportExtra) -> Result<Option<i64>> {
    static SQL: OnceLock<String> = OnceLock::new();
    let sql = SQL.get_or_init(|| format!("{INSERT} ON CONFLICT(external_id) DO NOTHING"));
    Ok((insert_with(conn, sql, m, extra)? == 1).then(|| conn.last_insert_rowid()))
}

/// Positional parameters: an import binds these a million times, and named ones cost a
/// name lookup each.
fn insert_with(conn: &Connection, sql: &str, m: &Message, extra: &ImportExtra) -> Result<usize> {
    Ok(conn.prepare_cached(sql)?.execute(params![
        m.external_id,
        ts(m.detected_at),
        ts(m.received_at),
        m.network,
        m.link,
        m.thread,
        m.author,
        m.text,
        m.topic,
        m.topic_id,
        m.topic_group,
        m.settlement,
        m.body,
        extra.region,
        extra.municipality,
        extra.incident_type,
        m.state.as_str(),
        ts(m.answer_due_at),
        ts(m.last_event_at),
        extra.flags,
    ])?)
}

/// Columns kept for reports that the state machine does not use.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportExtra {
    pub region: Option<String>,
    pub municipality: Option<String>,
    pub incident_type: Option<String>,
    /// JSON list of import findings (unknown topic, п. 1.4 flags).
    pub flags: Option<String>,
}

/// Writes the state-machine fields of `m` back.
pub fn update_state(conn: &Connection, m: &Message) -> Result<()> {
    conn.prepare_cached(
        "UPDATE messages SET state = :state, outcome = :outcome, kind = :kind, responsible = :resp,
            final_due_at = :final_due, agreed = :agreed, submitted_at = :sub, returned_at = :ret,
            clarify_need_at = :need, interim_published_at = :interim, last_event_at = :last,
            text_versions = :tv
         WHERE id = :id",
    )?
    .execute(named_params! {
        ":state": m.state.as_str(), ":outcome": m.outcome.map(|o| o.as_str()), ":kind": m.kind.map(|k| k.as_str()),
        ":resp": m.responsible, ":final_due": m.final_due_at.map(ts), ":agreed": m.agreed,
        ":sub": m.submitted_at.map(ts), ":ret": m.returned_at.map(ts), ":need": m.clarify_need_at.map(ts),
        ":interim": m.interim_published_at.map(ts), ":last": ts(m.last_event_at), ":tv": m.text_versions,
        ":id": m.id,
    })?;
    Ok(())
}

/// Updates the imported content of a message (a later export changed it).
pub fn update_content(conn: &Connection, m: &Message) -> Result<()> {
    conn.prepare_cached(
        "UPDATE messages SET network = :net, link = :link, thread = :thread, author = :author, text = :text,
            topic = :topic, topic_id = :topic_id, topic_group = :tg, settlement = :settl, body = :body,
            answer_due_at = :due
         WHERE id = :id",
    )?
    .execute(named_params! {
        ":net": m.network, ":link": m.link, ":thread": m.thread, ":author": m.author, ":text": m.text,
        ":topic": m.topic, ":topic_id": m.topic_id, ":tg": m.topic_group, ":settl": m.settlement, ":body": m.body,
        ":due": ts(m.answer_due_at), ":id": m.id,
    })?;
    Ok(())
}
