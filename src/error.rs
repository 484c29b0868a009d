//! Domain errors and their documented exit codes (README, «Коды завершения»).

use crate::text::{Lang, Text};

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Where in an input file a problem is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub file: Option<String>,
    pub line: Option<u64>,
    pub column: Option<String>,
    pub value: Option<String>,
}

impl Location {
    pub fn file(file: impl Into<String>) -> Self {
        Location {
            file: Some(file.into()),
            ..Default::default()
        }
    }
    pub fn line(mut self, line: u64) -> Self {
        self.line = Some(line);
        self
    }
    pub fn column(mut self, column: impl Into<String>) -> Self {
        self.column = Some(column.into());
        self
    }
    pub fn value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(value.into());
        self
    }

    fn render(&self, lang: Lang) -> String {
        let mut parts = Vec::new();
        if let Some(f) = &self.file {
            parts.push(f.clone());
        }
        if let Some(l) = self.line {
            parts.push(format!("{} {l}", lang.pick("строка", "line")));
        }
        if let Some(c) = &self.column {
            parts.push(format!("{} «{c}»", lang.pick("столбец", "column")));
        }
        if let Some(v) = &self.value {
            parts.push(format!("{} «{v}»", lang.pick("значение", "value")));
        }
        parts.join(", ")
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A command-line value that cannot be understood.
    #[error("{0}")]
    Usage(Text),
    /// Bad input data: a file, a row, a field.
    #[error("{problem} ({location:?})")]
    BadInput { location: Box<Location>, problem: Text },
    /// Refused by a rule of the Порядок; `clause` like "3.16".
    #[error("п. {clause}: {problem}")]
    Refused {
        clause: &'static str,
        problem: Text,
        hint: Option<Text>,
    },
    /// A step that is impossible in the message's current state.
    #[error("{0}")]
    InvalidTransition(Text),
    #[error("{0}")]
    NotFound(Text),
    /// A working-time computation needs a day the calendar does not cover.
    #[error("{0}")]
    OutOfCalendar(Text),
    /// The database cannot be used (locked, newer than the binary, corrupt).
    #[error("{0}")]
    Storage(Text),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl Error {
    pub fn bad_input(location: Location, problem: Text) -> Self {
        Error::BadInput {
            location: Box::new(location),
            problem,
        }
    }

    pub fn refused(clause: &'static str, problem: Text) -> Self {
        Error::Refused {
            clause,
            problem,
            hint: None,
        }
    }

    /// The reader of our standard output went away (`poryadok export | head`): not a
    /// failure, the rest of the output is simply not wanted.
    pub fn is_broken_pipe(&self) -> bool {
        match self {
            Error::Internal(e) => e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
                    || c.downcast_ref::<csv::Error>().is_some_and(
                        |e| matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe),
                    )
            }),
            _ => false,
        }
    }

    /// Exit status, documented in README («Коды завершения»).
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            Error::BadInput { .. } => 3,
            Error::Refused { .. } | Error::InvalidTransition(_) => 4,
            Error::NotFound(_) => 5,
            Error::OutOfCalendar(_) => 6,
            Error::Storage(_) => 7,
            Error::Internal(_) => 70,
        }
    }

    /// The message shown to a person, in their language, with location and hint.
    pub fn render(&self, lang: Lang) -> String {
        let head = lang.pick("ошибка", "error");
        match self {
            Error::Usage(t)
            | Error::InvalidTransition(t)
            | Error::NotFound(t)
            | Error::OutOfCalendar(t)
            | Error::Storage(t) => format!("{head}: {}", t.get(lang)),
            Error::BadInput { location, problem } => {
                let loc = location.render(lang);
                if loc.is_empty() {
                    format!("{head}: {}", problem.get(lang))
                } else {
                    format!("{head}: {loc}: {}", problem.get(lang))
                }
            }
            Error::Refused { clause, problem, hint } => {
                let mut s = format!(
                    "{head}: {} {clause}: {}",
                    lang.pick("отказано по п.", "refused by clause"),
                    problem.get(lang)
                );
                if let Some(h) = hint {
                    s.push_str(&format!("\n{}: {}", lang.pick("подсказка", "hint"), h.get(lang)));
                }
                s
            }
            Error::Internal(e) => {
                let mut s = format!("{head}: {e}");
                for cause in e.chain().skip(1) {
                    s.push_str(&format!("\n  {}: {cause}", lang.pick("причина", "caused by")));
                }
                s
            }
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        if let rusqlite::Error::SqliteFailure(f, _) = &e {
            if matches!(
                f.code,
                rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
            ) {
                return Error::Storage(crate::tr!(
                    "база данных занята другим процессом дольше допустимого; повторите команду",
                    "the database was busy in another process for too long; run the command again"
                ));
            }
        }
        Error::Internal(anyhow::Error::new(e).context("SQLite"))
    }
}
