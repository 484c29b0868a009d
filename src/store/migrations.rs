//! Schema migrations: an append-only ordered list tracked by `PRAGMA user_version`.
//! Never edit a released migration; add a new one.

use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::tr;

/// Instants are UTC seconds since the Unix epoch (INTEGER); texts are UTF-8.
pub const MIGRATIONS: &[&str] = &[
    // 1: messages, append-only history, text versions, imports.
    r#"
    CREATE TABLE messages (
        id              INTEGER PRIMARY KEY,
        external_id     TEXT NOT NULL UNIQUE,
        detected_at     INTEGER NOT NULL,
        received_at     INTEGER NOT NULL,
        network         TEXT,
        link            TEXT,
        thread          TEXT,
        author          TEXT,
        text            TEXT NOT NULL,
        topic           TEXT,
        topic_id        INTEGER,
        topic_group     TEXT,
        settlement      TEXT,
        body            TEXT,
        region          TEXT,
        municipality    TEXT,
        incident_type   TEXT,
        state           TEXT NOT NULL CHECK (state IN ('new','assigned','drafted','agreed','submitted',
                            'returned','approved','interim','closed','declined','rejected')),
        outcome         TEXT CHECK (outcome IS NULL OR outcome IN
                            ('resolved','unresolved','explained','postponed','clarify')),
        kind            TEXT CHECK (kind IS NULL OR kind IN ('answer','interim','clarify')),
        responsible     TEXT,
        answer_due_at   INTEGER NOT NULL,
        final_due_at    INTEGER,
        agreed          INTEGER NOT NULL DEFAULT 0,
        submitted_at    INTEGER,
        returned_at     INTEGER,
        clarify_need_at INTEGER,
        interim_published_at INTEGER,
        last_event_at   INTEGER NOT NULL,
        text_versions   INTEGER NOT NULL DEFAULT 0,
        flags           TEXT
    );
    CREATE INDEX messages_state ON messages(state);
    CREATE INDEX messages_detected ON messages(detected_at);

    CREATE TABLE texts (
        id           INTEGER PRIMARY KEY,
        message_id   INTEGER NOT NULL REFERENCES messages(id),
        kind         TEXT NOT NULL CHECK (kind IN ('answer','interim','clarify')),
        version      INTEGER NOT NULL,
        body         TEXT NOT NULL,
        created_at   INTEGER NOT NULL,
        published_at INTEGER,
        thread       TEXT,
        normalized   TEXT,
        UNIQUE (message_id, kind, version)
    );
    CREATE INDEX texts_thread_published ON texts(thread, published_at);

    CREATE TABLE events (
        id              INTEGER PRIMARY KEY,
        message_id      INTEGER NOT NULL REFERENCES messages(id),
        seq             INTEGER NOT NULL,
        action          TEXT NOT NULL,
        at              INTEGER NOT NULL,
        recorded_at     INTEGER NOT NULL,
        from_state      TEXT,
        to_state        TEXT NOT NULL,
        rule            TEXT,
        due_at          INTEGER,
        on_time         INTEGER,
        overrun_minutes INTEGER,
        detail          TEXT NOT NULL DEFAULT '{}',
        text_id         INTEGER REFERENCES texts(id),
        UNIQUE (message_id, seq)
    );
    CREATE INDEX events_at ON events(at);

    -- History is append-only: the database itself refuses edits.
    CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
    CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;

    CREATE TABLE imports (
        id         INTEGER PRIMARY KEY,
        file       TEXT NOT NULL,
        at         INTEGER NOT NULL,
        rows       INTEGER NOT NULL,
        inserted   INTEGER NOT NULL,
        updated    INTEGER NOT NULL,
        unchanged  INTEGER NOT NULL,
        rejected   INTEGER NOT NULL
    );
    "#,
];

pub fn migrate(conn: &mut Connection) -> Result<()> {
    let version: usize = conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))? as usize;
    if version > MIGRATIONS.len() {
        return Err(Error::Storage(tr!(
            "база данных создана более новой версией poryadok (схема {version}, эта программа знает до {}); обновите программу",
            "the database was made by a newer poryadok (schema {version}, this binary knows up to {}); upgrade the program",
            MIGRATIONS.len()
        )));
    }
    if version == MIGRATIONS.len() {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    // Re-read inside the write lock: another process may have migrated meanwhile.
    let version: usize = tx.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))? as usize;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version) {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
    }
    tx.commit()?;
    Ok(())
}
