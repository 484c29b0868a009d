//! Everything a command needs, checked before it runs: the pinned clock, language,
//! output mode, the production calendar and the settings file.

use std::path::PathBuf;

use chrono::{DateTime, NaiveTime, Utc};
use serde::Deserialize;

use crate::calendar::{embedded, time_input, OutOfRange, ShortenedDays, WorkCalendar};
use crate::error::{Error, Location, Result};
use crate::text::Lang;
use crate::tr;

/// The settings file (`--config`, `PORYADOK_CONFIG`, or `poryadok.toml` in the current
/// folder). Documented in `examples/poryadok.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    #[serde(default)]
    pub calendar: CalendarSettings,
    #[serde(default)]
    pub lint: toml::Table,
    #[serde(default)]
    pub db: Option<PathBuf>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarSettings {
    pub file: Option<PathBuf>,
    pub region: Option<String>,
    #[serde(default)]
    pub shortened_days: ShortenedDays,
    #[serde(default)]
    pub out_of_calendar: OutOfRange,
}

impl Settings {
    pub fn load(path: Option<&std::path::Path>) -> Result<Settings> {
        let default = PathBuf::from("poryadok.toml");
        let path = match path {
            Some(p) => p.to_path_buf(),
            None if default.exists() => default,
            None => return Ok(Settings::default()),
        };
        let name = path.display().to_string();
        let text = std::fs::read_to_string(&path).map_err(|e| {
            Error::bad_input(
                Location::file(&name),
                tr!("не удалось прочитать настройки: {e}", "cannot read the settings: {e}"),
            )
        })?;
        toml::from_str(&text).map_err(|e| {
            let mut loc = Location::file(&name);
            if let Some(span) = e.span() {
                loc = loc.line(text[..span.start].matches('\n').count() as u64 + 1);
            }
            Error::bad_input(
                loc,
                tr!(
                    "ошибка в файле настроек: {}",
                    "error in the settings file: {}",
                    e.message()
                ),
            )
        })
    }
}

/// Options shared by every command, already checked.
pub struct Context {
    pub now: DateTime<Utc>,
    pub lang: Lang,
    pub json: bool,
    pub color: bool,
    pub calendar: WorkCalendar,
    pub settings: Settings,
    pub db_path: PathBuf,
}

pub struct ContextInput<'a> {
    pub now: Option<&'a str>,
    pub lang: Lang,
    pub json: bool,
    pub color: bool,
    pub calendar_file: Option<PathBuf>,
    pub region: Option<String>,
    pub shortened_days: Option<ShortenedDays>,
    pub out_of_calendar: Option<OutOfRange>,
    pub config: Option<PathBuf>,
    pub db: Option<PathBuf>,
}

impl Context {
    pub fn build(input: ContextInput) -> Result<Context> {
        let settings = Settings::load(input.config.as_deref())?;
        let file = input.calendar_file.clone().or_else(|| settings.calendar.file.clone());
        let resolved = match (&file, &input.region) {
            (Some(f), None) => embedded::load_file(f)?,
            (_, Some(r)) => embedded::load_region(r)?,
            (None, None) => {
                embedded::load_region(settings.calendar.region.as_deref().unwrap_or(embedded::DEFAULT_REGION))?
            }
        };
        let calendar = WorkCalendar::new(
            resolved,
            input.shortened_days.unwrap_or(settings.calendar.shortened_days),
            input.out_of_calendar.unwrap_or(settings.calendar.out_of_calendar),
        );
        let now = match input.now {
            Some(s) => parse_time_arg(&calendar, "--now", s)?,
            None => Utc::now(),
        };
        let db_path = input
            .db
            .or_else(|| settings.db.clone())
            .unwrap_or_else(|| PathBuf::from("poryadok.db"));
        Ok(Context {
            now,
            lang: input.lang,
            json: input.json,
            color: input.color,
            calendar,
            settings,
            db_path,
        })
    }

    /// Parses a time given on the command line (`--at`, `--now`, FROM…).
    pub fn time_arg(&self, option: &str, s: &str) -> Result<DateTime<Utc>> {
        parse_time_arg(&self.calendar, option, s)
    }

    pub fn t<'a>(&self, ru: &'a str, en: &'a str) -> &'a str {
        self.lang.pick(ru, en)
    }
}

fn parse_time_arg(cal: &WorkCalendar, option: &str, s: &str) -> Result<DateTime<Utc>> {
    time_input::parse_instant(cal, s, NaiveTime::MIN).ok_or_else(|| {
        Error::Usage(tr!(
            "{option}: не понимаю время «{s}»; ожидается {}",
            "{option}: cannot read the time «{s}»; expected {}",
            time_input::ACCEPTED
        ))
    })
}
