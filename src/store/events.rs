//! The append-only history and the text versions.

use chrono::{DateTime, Utc};
use rusqlite::{named_params, params, Connection};

use super::messages::{from_ts, ts};
use crate::error::Result;
use crate::workflow::{EventDraft, Message};

/// One history row as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct EventRow {
    pub seq: i64,
    pub action: String,
    pub at: DateTime<Utc>,
    pub recorded_at: DateTime<Utc>,
    pub from_state: Option<String>,
    pub to_state: String,
    pub rule: Option<String>,
    pub due_at: Option<DateTime<Utc>>,
    pub on_time: Option<bool>,
    pub overrun_minutes: Option<i64>,
    pub detail: serde_json::Value,
    pub text: Option<TextRow>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TextRow {
    pub kind: String,
    pub version: i64,
    pub body: String,
}

/// Appends `ev` to the history of `msg` (already holding its new state); returns seq.
pub fn append(conn: &Connection, msg: &Message, ev: &EventDraft, recorded_at: DateTime<Utc>) -> Result<i64> {
    append_at_seq(conn, msg, ev, recorded_at, None)
}

fn append_at_seq(
    conn: &Connection,
    msg: &Message,
    ev: &EventDraft,
    recorded_at: DateTime<Utc>,
    seq: Option<i64>,
) -> Result<i64> {
    let text_id = match &ev.text {
        Some((kind, body)) => {
            conn.prepare_cached(
                "INSERT INTO texts (message_id, kind, version, body, created_at, thread)
                 VALUES (:m, :k, :v, :b, :at, :thread)",
            )?
            .execute(named_params! {
                ":m": msg.id, ":k": kind.as_str(), ":v": msg.text_versions, ":b": body, ":at": ts(ev.at),
                ":thread": msg.thread,
            })?;
            Some(conn.last_insert_rowid())
        }
        None => None,
    };
    let seq: i64 = match seq {
        Some(seq) => seq,
        None => conn
            .prepare_cached("SELECT COALESCE(MAX(seq), 0) + 1 FROM events WHERE message_id = ?1")?
            .query_row([msg.id], |r| r.get(0))?,
    };
    let t = ev.timing;
    // Positional parameters: an import appends one event per row.
    conn.prepare_cached(
        "INSERT INTO events (message_id, seq, action, at, recorded_at, from_state, to_state, rule, due_at, on_time,
            overrun_minutes, detail, text_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
        msg.id,
        seq,
        ev.action,
        ts(ev.at),
        ts(recorded_at),
        (ev.from != ev.to || ev.action != "import").then(|| ev.from.as_str()),
        ev.to.as_str(),
        t.map(|t| t.rule.clause()),
        t.map(|t| ts(t.due_at)),
        t.map(|t| t.on_time),
        t.map(|t| t.overrun.minutes_ceil()),
        // Into a byte buffer: `Value::to_string` goes through `fmt` and is slower.
        serde_json::to_string(&ev.detail).expect("a JSON value always serialises"),
        text_id,
    ])?;
    Ok(seq)
}

/// Marks the latest text version of `kind` as published (for п. 3.14 and reports).
pub fn mark_published(conn: &Connection, msg: &Message, kind: &str, at: DateTime<Utc>, normalized: &str) -> Result<()> {
    conn.prepare_cached(
        "UPDATE texts SET published_at = :at, normalized = :n
         WHERE id = (SELECT id FROM texts WHERE message_id = :m AND kind = :k ORDER BY version DESC LIMIT 1)",
    )?
    .execute(named_params! { ":at": ts(at), ":n": normalized, ":m": msg.id, ":k": kind })?;
    Ok(())
}

/// The latest draft text of the current kind.
pub fn latest_text(conn: &Connection, msg: &Message) -> Result<Option<String>> {
    let Some(kind) = msg.kind else { return Ok(None) };
    let mut st = conn
        .prepare_cached("SELECT body FROM texts WHERE message_id = ?1 AND kind = ?2 ORDER BY version DESC LIMIT 1")?;
    let mut rows = st.query(rusqlite::params![msg.id, kind.as_str()])?;
    Ok(match rows.next()? {
        Some(r) => Some(r.get(0)?),
        None => None,
    })
}

/// A published answer in a thread: (external id, author, normalized text, published at).
pub type PublishedInThread = (String, Option<String>, String, DateTime<Utc>);

/// Texts published in `thread` at or before `until`, newest first (at most `limit`).
pub fn published_in_thread(
    conn: &Connection,
    thread: &str,
    until: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<PublishedInThread>> {
    let mut st = conn.prepare_cached(
        "SELECT m.external_id, m.author, t.normalized, t.published_at FROM texts t JOIN messages m ON m.id = t.message_id
         WHERE t.thread = ?1 AND t.published_at IS NOT NULL AND t.published_at <= ?2
         ORDER BY t.published_at DESC LIMIT ?3",
    )?;
    let rows = st
        .query_map(rusqlite::params![thread, ts(until), limit], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                from_ts(r.get(3)?),
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The full history of a message, oldest first.
pub fn history(conn: &Connection, message_id: i64) -> Result<Vec<EventRow>> {
    let mut st = conn.prepare_cached(
        "SELECT e.seq, e.action, e.at, e.recorded_at, e.from_state, e.to_state, e.rule, e.due_at, e.on_time,
                e.overrun_minutes, e.detail, t.kind, t.version, t.body
         FROM events e LEFT JOIN texts t ON t.id = e.text_id
         WHERE e.message_id = ?1 ORDER BY e.seq",
    )?;
    let rows = st
        .query_map([message_id], |r| {
            let kind: Option<String> = r.get(11)?;
            Ok(EventRow {
                seq: r.get(0)?,
                action: r.get(1)?,
                at: from_ts(r.get(2)?),
                recorded_at: from_ts(r.get(3)?),
                from_state: r.get(4)?,
                to_state: r.get(5)?,
                rule: r.get(6)?,
                due_at: r.get::<_, Option<i64>>(7)?.map(from_ts),
                on_time: r.get(8)?,
                overrun_minutes: r.get(9)?,
                detail: serde_json::from_str(&r.get::<_, String>(10)?).unwrap_or_default(),
                text: match kind {
                    Some(kind) => Some(TextRow {
                        kind,
                        version: r.get(12)?,
                        body: r.get(13)?,
                    }),
                    None => None,
                },
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Rows of the first history event of messages inserted by an import, written 64 to a
/// statement: one `INSERT` per row cost as much as the message rows themselves.
/// Flush before the transaction commits ([`FirstEvents::flush`]).
#[derive(Default)]
pub(crate) struct FirstEvents {
    rows: Vec<[rusqlite::types::Value; 10]>,
}

/// Rows per batched statement (10 parameters each, far below SQLite's limit).
const BATCH: usize = 64;

impl FirstEvents {
    /// Queues the first event (seq 1) of the just-inserted `msg`.
    pub(crate) fn push(
        &mut self,
        conn: &Connection,
        msg: &Message,
        ev: &EventDraft,
        recorded_at: DateTime<Utc>,
    ) -> Result<()> {
        use rusqlite::types::Value as V;
        let t = ev.timing;
        let opt_i = |x: Option<i64>| x.map(V::Integer).unwrap_or(V::Null);
        self.rows.push([
            V::Integer(msg.id),
            V::Text(ev.action.to_string()),
            V::Integer(ts(ev.at)),
            V::Integer(ts(recorded_at)),
            V::Text(ev.to.as_str().to_string()),
            t.map(|t| V::Text(t.rule.clause().to_string())).unwrap_or(V::Null),
            opt_i(t.map(|t| ts(t.due_at))),
            opt_i(t.map(|t| i64::from(t.on_time))),
            opt_i(t.map(|t| t.overrun.minutes_ceil())),
            V::Text(serde_json::to_string(&ev.detail).expect("a JSON value always serialises")),
        ]);
        if self.rows.len() == BATCH {
            self.flush(conn)?;
        }
        Ok(())
    }

    /// Writes what is queued.
    pub(crate) fn flush(&mut self, conn: &Connection) -> Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let one = "(?, 1, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, NULL)";
        let sql = format!(
            "INSERT INTO events (message_id, seq, action, at, recorded_at, from_state, to_state, rule, due_at, \
             on_time, overrun_minutes, detail, text_id) VALUES {}",
            vec![one; self.rows.len()].join(", ")
        );
        let mut st = conn.prepare_cached(&sql)?;
        st.execute(rusqlite::params_from_iter(self.rows.iter().flatten()))?;
        self.rows.clear();
        Ok(())
    }
}
