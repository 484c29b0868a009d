//! Reading instants typed by people or found in files: local calendar time
//! (`2026-12-04T16:30`, `2026-12-04 16:30[:SS]`, `04.12.2026 16:30[:SS]`, a bare date)
//! or RFC 3339 with an offset.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};

use super::WorkCalendar;

/// Local forms starting `YYYY-MM-DD`, then `DD.MM.YYYY`, with their bare-date form.
const ISO_FORMATS: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
];
const DOTTED_FORMATS: &[&str] = &["%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M"];

/// Parses a local or offset time; `None` if it is not one of the accepted forms.
/// A bare date means `bare_date_time` on that date (the caller decides which time).
///
/// Imports call this for every row, so the string's shape picks the formats to try
/// (a dotted date never meets the ISO ones) and an offset is looked for only after
/// the time.
pub fn parse_instant(cal: &WorkCalendar, s: &str, bare_date_time: NaiveTime) -> Option<DateTime<Utc>> {
    let s = s.trim();
    let b = s.as_bytes();
    let (formats, date_format) = match b {
        [_, _, b'.', _, _, b'.', ..] => (DOTTED_FORMATS, "%d.%m.%Y"),
        [_, _, _, _, b'-', ..] => {
            let has_offset = s.len() > 16 && (s.ends_with(['Z', 'z']) || s[16..].contains(['+', '-']));
            if has_offset {
                return DateTime::parse_from_rfc3339(s).ok().map(|t| t.with_timezone(&Utc));
            }
            (ISO_FORMATS, "%Y-%m-%d")
        }
        _ => return None,
    };
    if s.len() <= 10 {
        return NaiveDate::parse_from_str(s, date_format)
            .ok()
            .map(|d| cal.from_local(d.and_time(bare_date_time)));
    }
    formats
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
        .map(|n| cal.from_local(n))
}

/// The accepted forms, for error messages.
pub const ACCEPTED: &str = "ГГГГ-ММ-ДДTЧЧ:ММ, ГГГГ-ММ-ДД ЧЧ:ММ[:СС], ДД.ММ.ГГГГ ЧЧ:ММ[:СС], RFC 3339";

#[cfg(test)]
mod tests {
    use chrono::NaiveTime;

    use super::parse_instant;
    use crate::calendar::{embedded, OutOfRange, ShortenedDays, WorkCalendar};

    #[test]
    fn accepts_every_documented_form_and_nothing_else() {
        let cal = WorkCalendar::new(
            embedded::load_region("ru-ta").unwrap(),
            ShortenedDays::Literal,
            OutOfRange::Error,
        );
        let p = |s: &str| parse_instant(&cal, s, NaiveTime::from_hms_opt(17, 0, 0).unwrap()).map(|t| t.to_rfc3339());
        let at_1030 = Some("2026-12-04T07:30:00+00:00".to_string());
        for s in [
            "2026-12-04T10:30",
            "2026-12-04T10:30:00",
            "2026-12-04 10:30",
            " 2026-12-04 10:30:00 ",
            "04.12.2026 10:30",
            "04.12.2026 10:30:00",
            "2026-12-04T10:30:00+03:00",
            "2026-12-04T07:30:00Z",
            "2026-12-04 07:30:00+00:00",
        ] {
            assert_eq!(p(s), at_1030, "{s}");
        }
        assert_eq!(p("2026-12-04"), Some("2026-12-04T14:00:00+00:00".into()));
        assert_eq!(p("04.12.2026"), Some("2026-12-04T14:00:00+00:00".into()));
        for s in [
            "",
            "31.02.2026 10:00",
            "2026-13-01 10:00",
            "4.12.2026 10:30",
            "10:30",
            "2026/12/04 10:30",
            "завтра",
        ] {
            assert_eq!(p(s), None, "{s}");
        }
    }
}
