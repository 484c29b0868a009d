//! Working durations: `30m`, `0.5h`, `1h30m`, `8h`, `20d` (working days of 8 h), with
//! an optional leading minus for subtraction.

use std::fmt;

use crate::error::{Error, Result};
use crate::text::Lang;
use crate::tr;

/// Length of a working day in working minutes (п. 1.3: 09:00–17:00).
pub const WORKING_DAY_MINUTES: i64 = 8 * 60;

/// An amount of working time, kept in seconds, shown in minutes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct WorkingDuration(i64);

impl WorkingDuration {
    pub const ZERO: WorkingDuration = WorkingDuration(0);

    pub const fn from_secs(secs: i64) -> Self {
        WorkingDuration(secs)
    }
    pub const fn from_minutes(m: i64) -> Self {
        WorkingDuration(m * 60)
    }
    /// Working hours given in tenths (`hours_tenths(15)` = 1.5 h), for rule tables.
    pub const fn from_tenth_hours(t: i64) -> Self {
        WorkingDuration(t * 360)
    }
    pub const fn from_days(d: i64) -> Self {
        WorkingDuration(d * WORKING_DAY_MINUTES * 60)
    }
    pub const fn secs(self) -> i64 {
        self.0
    }
    /// Whole minutes, rounded down (toward −∞): 30 s overdue shows as −1.
    pub fn minutes_floor(self) -> i64 {
        self.0.div_euclid(60)
    }
    /// Whole minutes, rounded up: a step 20 s late is late by 1 minute.
    pub fn minutes_ceil(self) -> i64 {
        -(-self.0).div_euclid(60)
    }
    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// Parses `30m`, `0.5h`, `1h30m`, `8h`, `20d`, `-1.5h` (also `ч`, `мин`, `м`, `д`).
    pub fn parse(input: &str) -> Result<Self> {
        let bad = || {
            Error::Usage(tr!(
                "не понимаю длительность «{input}»: ожидается, например, 30m, 0.5h, 1h30m, 8h или 20d (рабочие дни по 8 ч)",
                "cannot read the duration «{input}»: expected e.g. 30m, 0.5h, 1h30m, 8h or 20d (working days of 8 h)"
            ))
        };
        let s = input.trim();
        let (neg, mut rest) = match s.strip_prefix('-') {
            Some(r) => (true, r.trim_start()),
            None => (false, s.strip_prefix('+').unwrap_or(s)),
        };
        if rest.is_empty() {
            return Err(bad());
        }
        let mut total = 0f64;
        while !rest.is_empty() {
            let num_len = rest
                .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
                .unwrap_or(rest.len());
            if num_len == 0 {
                return Err(bad());
            }
            let num: f64 = rest[..num_len].replace(',', ".").parse().map_err(|_| bad())?;
            rest = rest[num_len..].trim_start();
            let unit_len = rest
                .find(|c: char| c.is_ascii_digit() || c.is_whitespace())
                .unwrap_or(rest.len());
            let unit = &rest[..unit_len];
            rest = rest[unit_len..].trim_start();
            let minutes = match unit {
                "m" | "min" | "м" | "мин" => 1.0,
                "h" | "ч" => 60.0,
                "d" | "д" | "рд" => WORKING_DAY_MINUTES as f64,
                _ => return Err(bad()),
            };
            total += num * minutes;
        }
        let secs = (total * 60.0).round() as i64;
        if (total * 60.0 - secs as f64).abs() > 1e-6 {
            return Err(bad());
        }
        Ok(WorkingDuration(if neg { -secs } else { secs }))
    }

    /// «1 ч 30 мин» / «1 h 30 min»; whole minutes, sign kept.
    pub fn human(self, lang: Lang) -> String {
        let m = self.minutes_floor();
        let (sign, m) = if m < 0 { ("−", -m) } else { ("", m) };
        let (h, mm) = (m / 60, m % 60);
        let (hu, mu) = (lang.pick("ч", "h"), lang.pick("мин", "min"));
        match (h, mm) {
            (0, mm) => format!("{sign}{mm} {mu}"),
            (h, 0) => format!("{sign}{h} {hu}"),
            (h, mm) => format!("{sign}{h} {hu} {mm} {mu}"),
        }
    }
}

impl fmt::Display for WorkingDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.human(Lang::Ru))
    }
}

impl std::ops::Neg for WorkingDuration {
    type Output = Self;
    fn neg(self) -> Self {
        WorkingDuration(-self.0)
    }
}

impl std::ops::Add for WorkingDuration {
    type Output = Self;
    fn add(self, o: Self) -> Self {
        WorkingDuration(self.0 + o.0)
    }
}

impl std::ops::Sub for WorkingDuration {
    type Output = Self;
    fn sub(self, o: Self) -> Self {
        WorkingDuration(self.0 - o.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_documented_forms() {
        let m = |s: &str| WorkingDuration::parse(s).unwrap().minutes_floor();
        assert_eq!(m("30m"), 30);
        assert_eq!(m("0.5h"), 30);
        assert_eq!(m("1h30m"), 90);
        assert_eq!(m("8h"), 480);
        assert_eq!(m("20d"), 20 * 480);
        assert_eq!(m("-1.5h"), -90);
        assert_eq!(m("1,5ч"), 90);
        assert_eq!(m("2д"), 960);
    }

    #[test]
    fn refuses_nonsense() {
        for s in ["", "h", "5x", "1.2.3h", "-", "0.001m"] {
            assert!(WorkingDuration::parse(s).is_err(), "{s} should be refused");
        }
    }

    #[test]
    fn rounds_for_display() {
        assert_eq!(WorkingDuration::from_secs(-30).minutes_floor(), -1);
        assert_eq!(WorkingDuration::from_secs(20).minutes_ceil(), 1);
        assert_eq!(WorkingDuration::from_minutes(90).human(Lang::Ru), "1 ч 30 мин");
        assert_eq!(WorkingDuration::from_minutes(-45).human(Lang::En), "−45 min");
    }
}
