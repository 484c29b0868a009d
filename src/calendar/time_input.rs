//! Reading instants typed by people or found in files: local calendar time
//! (`2026-12-04T16:30`, `2026-12-04 16:30[:SS]`, `04.12.2026 16:30[:SS]`, a bare date)
//! or RFC 3339 with an offset.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};

use super::WorkCalendar;

const LOCAL_FORMATS: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
];

/// Parses a local or offset time; `None` if it is not one of the accepted forms.
/// A bare date means `bare_date_time` on that date (the caller decides which time).
pub fn parse_instant(cal: &WorkCalendar, s: &str, bare_date_time: NaiveTime) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    for f in LOCAL_FORMATS {
        if let Ok(n) = NaiveDateTime::parse_from_str(s, f) {
            return Some(cal.from_local(n));
        }
    }
    for f in ["%Y-%m-%d", "%d.%m.%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, f) {
            return Some(cal.from_local(d.and_time(bare_date_time)));
        }
    }
    None
}

/// The accepted forms, for error messages.
pub const ACCEPTED: &str = "ГГГГ-ММ-ДДTЧЧ:ММ, ГГГГ-ММ-ДД ЧЧ:ММ[:СС], ДД.ММ.ГГГГ ЧЧ:ММ[:СС], RFC 3339";
