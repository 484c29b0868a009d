//! The quarterly analysis for the head of the district (п. 1.7): which quarter, its
//! bounds in local calendar time, and (in the submodules) the figures and their renderers.
//!
//! A message belongs to the quarter of its detection time in local calendar time; a step
//! belongs to the quarter of its own time (`events.at`).

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};

use crate::calendar::WorkCalendar;
use crate::error::{Error, Result};
use crate::tr;

#[path = "quarter_data.rs"]
pub mod data;
#[path = "quarter_json.rs"]
pub mod json;
#[path = "quarter_render.rs"]
pub mod render;
#[path = "quarter_sections.rs"]
pub mod sections;

pub use data::{build, QuarterReport};

/// A calendar quarter: `2026Q4` is October–December 2026.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    pub year: i32,
    /// 1..=4
    pub number: u32,
}

/// The forms `--quarter` accepts, shown when it cannot be read.
pub const ACCEPTED: &str = "2026Q4, 2026-Q4, Q4 2026, 4кв2026, 4 кв. 2026";

impl Quarter {
    pub fn new(year: i32, number: u32) -> Option<Quarter> {
        ((1..=4).contains(&number) && (1900..=9999).contains(&year)).then_some(Quarter { year, number })
    }

    /// Reads `2026Q4`, `2026-Q4`, `2026 q4`, `Q4 2026`, `Q4-2026`, `4кв2026`, `4 кв. 2026`,
    /// `4 квартал 2026`, `2026 4кв`.
    pub fn parse(s: &str) -> Option<Quarter> {
        let norm: String = s
            .trim()
            .to_lowercase()
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '.' | '_' | '/'))
            .collect();
        let norm = norm.replace("квартал", "кв").replace('к', "q").replace('в', "");
        // Now `2026q4`, `q42026`, `4q2026` or `20264q`.
        let (year, number) = if let Some((y, n)) = norm.split_once('q') {
            match (y.len(), n.len()) {
                (4, 1) => (y, n),             // 2026q4
                (0, 5) => (&n[1..], &n[..1]), // q42026
                (1, 4) => (n, y),             // 4q2026
                (5, 0) => (&y[..4], &y[4..]), // 20264q
                _ => return None,
            }
        } else {
            return None;
        };
        if !year.chars().chain(number.chars()).all(|c| c.is_ascii_digit()) {
            return None;
        }
        Quarter::new(year.parse().ok()?, number.parse().ok()?)
    }

    /// Parses a `--quarter` value; a value that cannot be read is a usage error (exit 2).
    pub fn parse_arg(s: &str) -> Result<Quarter> {
        Quarter::parse(s).ok_or_else(|| {
            Error::Usage(tr!(
                "--quarter: не понимаю квартал «{s}»; ожидается год и номер квартала, например {ACCEPTED}",
                "--quarter: cannot read the quarter «{s}»; expected a year and a quarter number, e.g. {ACCEPTED}"
            ))
        })
    }

    pub fn previous(self) -> Quarter {
        if self.number == 1 {
            Quarter {
                year: self.year - 1,
                number: 4,
            }
        } else {
            Quarter {
                year: self.year,
                number: self.number - 1,
            }
        }
    }

    pub fn next(self) -> Quarter {
        if self.number == 4 {
            Quarter {
                year: self.year + 1,
                number: 1,
            }
        } else {
            Quarter {
                year: self.year,
                number: self.number + 1,
            }
        }
    }

    /// The first day of the quarter.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, 3 * self.number - 2, 1).expect("valid quarter")
    }

    /// The last day of the quarter.
    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().expect("valid date")
    }

    /// `[from, to)`: local midnight of the first day to local midnight after the last.
    pub fn bounds(self, cal: &WorkCalendar) -> (DateTime<Utc>, DateTime<Utc>) {
        let start = |q: Quarter| cal.from_local(q.first_day().and_hms_opt(0, 0, 0).expect("midnight"));
        (start(self), start(self.next()))
    }

    /// `4 квартал 2026 г.` / `Q4 2026`.
    pub fn human(self, lang: crate::Lang) -> String {
        match lang {
            crate::Lang::Ru => format!("{} квартал {} г.", self.number, self.year),
            crate::Lang::En => format!("Q{} {}", self.number, self.year),
        }
    }
}

impl fmt::Display for Quarter {
    /// The stable form used in JSON: `2026Q4`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}Q{}", self.year, self.number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{embedded, OutOfRange, ShortenedDays};

    fn q(year: i32, number: u32) -> Option<Quarter> {
        Quarter::new(year, number)
    }

    #[test]
    fn reads_the_usual_spellings() {
        for s in [
            "2026Q4",
            "2026q4",
            "2026-Q4",
            " 2026 Q4 ",
            "Q4 2026",
            "q4-2026",
            "4кв2026",
            "4 кв. 2026",
            "4 КВ 2026",
            "4 квартал 2026",
            "2026 4кв",
            "4Q2026",
        ] {
            assert_eq!(Quarter::parse(s), q(2026, 4), "{s}");
        }
        assert_eq!(Quarter::parse("2027Q1"), q(2027, 1));
    }

    #[test]
    fn refuses_what_is_not_a_quarter() {
        for s in [
            "", "2026", "2026Q5", "2026Q0", "Q4", "26Q4", "2026-12", "2026Q44", "кв", "abcdQ4", "2026Ж4",
        ] {
            assert_eq!(Quarter::parse(s), None, "{s}");
        }
        let e = Quarter::parse_arg("2026-12").unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(e.to_string().contains("2026Q4"), "{e}");
    }

    #[test]
    fn previous_and_next_cross_the_year() {
        let q4 = q(2026, 4).unwrap();
        assert_eq!(q4.previous(), q(2026, 3).unwrap());
        assert_eq!(q4.next(), q(2027, 1).unwrap());
        assert_eq!(q(2027, 1).unwrap().previous(), q4);
        assert_eq!(q4.to_string(), "2026Q4");
        assert_eq!(q4.last_day(), NaiveDate::from_ymd_opt(2026, 12, 31).unwrap());
        assert_eq!(
            q(2026, 1).unwrap().last_day(),
            NaiveDate::from_ymd_opt(2026, 3, 31).unwrap()
        );
    }

    #[test]
    fn bounds_are_local_midnights_in_moscow_time() {
        let cal = WorkCalendar::new(
            embedded::load_region(embedded::DEFAULT_REGION).unwrap(),
            ShortenedDays::default(),
            OutOfRange::default(),
        );
        let (from, to) = q(2026, 4).unwrap().bounds(&cal);
        assert_eq!(from.to_rfc3339(), "2026-09-30T21:00:00+00:00");
        assert_eq!(to.to_rfc3339(), "2026-12-31T21:00:00+00:00");
        assert_eq!(crate::output::rfc3339(&cal, from), "2026-10-01T00:00:00+03:00");
        assert_eq!(crate::output::rfc3339(&cal, to), "2027-01-01T00:00:00+03:00");
        let (from3, to3) = q(2026, 3).unwrap().bounds(&cal);
        assert_eq!(to3, from);
        assert_eq!(crate::output::rfc3339(&cal, from3), "2026-07-01T00:00:00+03:00");
    }
}
