//! SQLite storage: one file, WAL, foreign keys, explicit busy timeout, migrations by
//! `PRAGMA user_version`, and one `Immediate` transaction per mutating command.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::error::{Error, Result};
use crate::tr;

pub mod events;
pub mod messages;
pub mod migrations;

pub use events::{EventRow, TextRow};

/// How long a command waits for another process's write before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

pub struct Store {
    pub conn: Connection,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path).map_err(|e| {
            Error::Storage(tr!(
                "не удалось открыть базу данных {}: {e}",
                "cannot open the database {}: {e}",
                path.display()
            ))
        })?;
        Self::setup(conn)
    }

    /// An in-memory database (tests).
    pub fn open_in_memory() -> Result<Store> {
        Self::setup(Connection::open_in_memory()?)
    }

    fn setup(mut conn: Connection) -> Result<Store> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // WAL: readers never block the writer; a crash or kill leaves the file consistent.
        let _: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        migrations::migrate(&mut conn)?;
        Ok(Store { conn })
    }

    /// Runs `f` in one `BEGIN IMMEDIATE` transaction: all of it lands or none.
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }
}
