//! Unit tests of the production calendar, named by clause and year.
//!
//! * `clauses` — the worked examples of the Порядок and the official yearly totals;
//! * `props` — proptest against a slow minute-stepping reference;
//! * `cross_check` — our data against `holidays-ru` and the xmlcalendar fixtures.

mod clauses;
mod cross_check;
mod props;

use std::sync::OnceLock;

use chrono::{DateTime, NaiveDateTime, Utc};

use super::{embedded, OutOfRange, ResolvedCalendar, ShortenedDays, WorkCalendar};

pub(super) fn resolved(region: &str) -> ResolvedCalendar {
    embedded::load_region(region).expect("bundled calendar loads")
}

pub(super) fn cal(region: &str, shortened: ShortenedDays, policy: OutOfRange) -> WorkCalendar {
    WorkCalendar::new(resolved(region), shortened, policy)
}

/// The Tatarstan calendar with the default settings, built once.
pub(super) fn ta() -> &'static WorkCalendar {
    static CAL: OnceLock<WorkCalendar> = OnceLock::new();
    CAL.get_or_init(|| cal("ru-ta", ShortenedDays::Literal, OutOfRange::Error))
}

/// Local `YYYY-MM-DD HH:MM` of the calendar to UTC.
pub(super) fn at(cal: &WorkCalendar, local: &str) -> DateTime<Utc> {
    let n = NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M").expect("test time");
    cal.from_local(n)
}

/// UTC to local `YYYY-MM-DD HH:MM`.
pub(super) fn show(cal: &WorkCalendar, t: DateTime<Utc>) -> String {
    cal.local(t).format("%Y-%m-%d %H:%M").to_string()
}
