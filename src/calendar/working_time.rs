//! Exact working-time arithmetic over a [`ResolvedCalendar`] (п. 1.3, 2.2).
//!
//! Per day we precompute, in UTC seconds, local midnight, the start and end of the
//! working window and the cumulative working seconds before that day (one 32-byte entry
//! per day). An instant's day is found from its offset (corrected around clock changes)
//! and its *position* is the working time elapsed from the start of the table up to it;
//! `between` is a difference of positions and `add` a galloping search, from an estimate
//! of the result day, for the earliest instant at a position. Nothing steps minute by
//! minute or day by day; long spans cost O(log distance).

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Timelike, Utc};

use super::duration::{WorkingDuration, WORKING_DAY_MINUTES};
use super::file::{DayKind, ResolvedCalendar, YearStatus};
use crate::error::{Error, Result};
use crate::tr;

/// How shortened pre-holiday days count (setting `shortened_days`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum ShortenedDays {
    /// п. 1.3 literally: every working day is 09:00–17:00.
    #[default]
    Literal,
    /// End shortened days at their shortened end (ТК РФ ст. 95).
    Honor,
}

/// What to do when a computation needs a day outside the calendar's years
/// (setting `out_of_calendar`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum OutOfRange {
    /// Refuse with a clear error (default: a deadline is never guessed).
    #[default]
    Error,
    /// Assume Monday–Friday working days, and warn on every use.
    Fallback,
}

/// Why a result deserves a warning. `Copy`, so the hot path allocates nothing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Caveat {
    /// A Monday–Friday fallback day was used: the span's date farthest outside the
    /// calendar (for a deadline after the last year, the deadline's own date).
    pub fallback: Option<NaiveDate>,
    /// A year marked incomplete was used.
    pub incomplete_year: Option<i32>,
}

impl Caveat {
    pub fn is_clean(&self) -> bool {
        self.fallback.is_none() && self.incomplete_year.is_none()
    }

    /// Human-readable warnings for this caveat.
    pub fn warnings(&self, cal: &WorkCalendar) -> Vec<crate::Text> {
        let mut out = Vec::new();
        if let Some(d) = self.fallback {
            out.push(tr!(
                "дата {} вне производственного календаря «{}» ({}–{}): рабочими днями считаются пн–пт, праздники не учтены",
                "{} is outside the production calendar «{}» ({}–{}): Monday–Friday assumed, holidays not known",
                d.format("%d.%m.%Y"),
                cal.region,
                cal.first_year,
                cal.last_year
            ));
        }
        if let Some(y) = self.incomplete_year {
            out.push(tr!(
                "календарь «{}» на {y} год неполон (не все праздники утверждены): срок может измениться",
                "the «{}» calendar for {y} is incomplete (not all holidays decreed): the deadline may change",
                cal.region
            ));
        }
        out
    }
}

const SECS_PER_DAY: i64 = 86_400;

/// Years of Monday–Friday padding kept around the calendar for the fallback setting.
const PAD_YEARS: i32 = 3;

/// One day of the table, kept together so that a lookup touches one cache line.
#[derive(Debug, Clone, Copy)]
struct Day {
    /// UTC second of local midnight.
    midnight: i64,
    /// UTC seconds of the start and end of the working window (equal on a day off).
    start: i64,
    end: i64,
    /// Working seconds before this day.
    cum: i64,
}

/// A production calendar ready for arithmetic.
#[derive(Debug, Clone)]
pub struct WorkCalendar {
    pub region: String,
    pub name: String,
    pub tz: chrono_tz::Tz,
    pub first_year: i32,
    pub last_year: i32,
    pub policy: OutOfRange,
    pub shortened: ShortenedDays,
    resolved: ResolvedCalendar,
    first_day: NaiveDate,
    /// One entry per day from `first_day`, plus a sentinel closing the last day (its
    /// midnight, no working time, `cum` = the total).
    days: Vec<Day>,
    /// Day indices [from, to] covered by the calendar itself.
    known: (usize, usize),
    /// Day-index ranges of incomplete years.
    incomplete: Vec<(usize, usize, i32)>,
}

fn local_utc(tz: &chrono_tz::Tz, date: NaiveDate, time: NaiveTime) -> i64 {
    let naive = date.and_time(time);
    tz.from_local_datetime(&naive)
        .earliest()
        .or_else(|| tz.from_local_datetime(&(naive + Duration::hours(1))).earliest())
        .expect("local time exists within an hour")
        .timestamp()
}

impl WorkCalendar {
    pub fn new(resolved: ResolvedCalendar, shortened: ShortenedDays, policy: OutOfRange) -> Self {
        let first_year = *resolved.years.keys().next().expect("a calendar has years");
        let last_year = *resolved.years.keys().last().expect("a calendar has years");
        let first_day = NaiveDate::from_ymd_opt(first_year - PAD_YEARS, 1, 1).unwrap();
        let end_day = NaiveDate::from_ymd_opt(last_year + PAD_YEARS + 1, 1, 1).unwrap();
        let n = (end_day - first_day).num_days() as usize;
        let tz = resolved.timezone;
        let midnight_t = NaiveTime::MIN;
        let mut cal = WorkCalendar {
            region: resolved.region.clone(),
            name: resolved.name.clone(),
            tz,
            first_year,
            last_year,
            policy,
            shortened,
            first_day,
            days: Vec::with_capacity(n + 1),
            known: (0, 0),
            incomplete: Vec::new(),
            resolved,
        };
        let mut total = 0i64;
        let mut date = first_day;
        for _ in 0..n {
            let known = cal.resolved.years.contains_key(&date.year());
            let kind = if known {
                cal.resolved.day_kind(date)
            } else if date.weekday().number_from_monday() >= 6 {
                DayKind::Off
            } else {
                DayKind::Working
            };
            let start = cal.resolved.work_start;
            let end = match (kind, shortened) {
                (DayKind::Off, _) => start,
                (DayKind::Shortened(e), ShortenedDays::Honor) => e,
                _ => cal.resolved.work_end,
            };
            let ws = local_utc(&tz, date, start);
            let we = local_utc(&tz, date, end);
            cal.days.push(Day {
                midnight: local_utc(&tz, date, midnight_t),
                start: ws,
                end: we,
                cum: total,
            });
            total += we - ws;
            date = date.succ_opt().unwrap();
        }
        let close = local_utc(&tz, end_day, midnight_t);
        cal.days.push(Day {
            midnight: close,
            start: close,
            end: close,
            cum: total,
        });
        let idx = |d: NaiveDate| (d - first_day).num_days() as usize;
        cal.known = (
            idx(NaiveDate::from_ymd_opt(first_year, 1, 1).unwrap()),
            idx(NaiveDate::from_ymd_opt(last_year, 12, 31).unwrap()),
        );
        for (y, (status, _)) in &cal.resolved.years {
            if *status == YearStatus::Incomplete {
                cal.incomplete.push((
                    idx(NaiveDate::from_ymd_opt(*y, 1, 1).unwrap()),
                    idx(NaiveDate::from_ymd_opt(*y, 12, 31).unwrap()),
                    *y,
                ));
            }
        }
        cal
    }

    pub fn resolved(&self) -> &ResolvedCalendar {
        &self.resolved
    }

    /// Number of days in the table (without the sentinel).
    #[inline]
    fn n_days(&self) -> usize {
        self.days.len() - 1
    }

    fn date_of(&self, day: usize) -> NaiveDate {
        self.first_day + Duration::days(day as i64)
    }

    /// Day index holding the UTC second `t`, or an error outside the padded table.
    #[inline]
    fn day_of(&self, t: i64) -> Result<usize> {
        let n = self.n_days();
        if t < self.days[0].midnight || t >= self.days[n].midnight {
            let date = DateTime::from_timestamp(t, 0)
                .map(|d| d.with_timezone(&self.tz).date_naive())
                .unwrap_or(self.first_day);
            return Err(self.out_of_range(date));
        }
        // Days are 86,400 s long except around clock changes: start from the estimate
        // and correct it (at most a step or two, whatever the zone's history).
        let mut i = (((t - self.days[0].midnight) / SECS_PER_DAY) as usize).min(n - 1);
        while self.days[i].midnight > t {
            i -= 1;
        }
        while self.days[i + 1].midnight <= t {
            i += 1;
        }
        Ok(i)
    }

    /// The first day `j` whose cumulative working time at its end reaches `target`
    /// (`days[j + 1].cum >= target`), searched by galloping from the estimate `hint` and then
    /// bisecting the bracket: O(log distance), a few probes for realistic durations.
    /// Requires `target <= days[n].cum`.
    #[inline]
    fn first_day_reaching(&self, target: i64, hint: usize) -> usize {
        // End of day j = start of day j + 1.
        let ends = &self.days[1..];
        let last = ends.len() - 1;
        let hint = hint.min(last);
        let (lo, hi) = if ends[hint].cum >= target {
            // The answer is at or before the hint.
            let (mut hi, mut step) = (hint, 1);
            loop {
                if hi == 0 {
                    break (0, 0);
                }
                let probe = hi.saturating_sub(step);
                if ends[probe].cum < target {
                    break (probe + 1, hi);
                }
                hi = probe;
                step *= 2;
            }
        } else {
            // The answer is after the hint.
            let (mut lo, mut step) = (hint + 1, 1);
            loop {
                let probe = (hint + step).min(last);
                if ends[probe].cum >= target {
                    break (lo, probe);
                }
                lo = probe + 1;
                step *= 2;
            }
        };
        lo + ends[lo..hi].partition_point(|d| d.cum < target)
    }

    fn out_of_range(&self, date: NaiveDate) -> Error {
        Error::OutOfCalendar(tr!(
            "для расчёта нужна дата {} вне производственного календаря «{}» ({}–{}); добавьте календарь на этот год (poryadok calendar import-xml) или разрешите out_of_calendar = \"fallback\"",
            "the computation needs {}, outside the production calendar «{}» ({}–{}); add that year (poryadok calendar import-xml) or set out_of_calendar = \"fallback\"",
            date.format("%d.%m.%Y"),
            self.region,
            self.first_year,
            self.last_year
        ))
    }

    /// Checks the day span [lo, hi] against the calendar's coverage.
    #[inline]
    fn caveat(&self, lo: usize, hi: usize) -> Result<Caveat> {
        let mut c = Caveat::default();
        if lo < self.known.0 || hi > self.known.1 {
            let day = if lo < self.known.0 { lo } else { hi };
            let date = self.date_of(day);
            match self.policy {
                OutOfRange::Error => return Err(self.out_of_range(date)),
                OutOfRange::Fallback => c.fallback = Some(date),
            }
        }
        for &(a, b, y) in &self.incomplete {
            if lo <= b && hi >= a {
                c.incomplete_year = Some(y);
            }
        }
        Ok(c)
    }

    /// Working seconds from the table start to `t` (working-time position).
    #[inline]
    fn position(&self, t: i64, day: usize) -> i64 {
        let d = &self.days[day];
        d.cum + t.clamp(d.start, d.end) - d.start
    }

    /// Working time from `a` to `b` (negative when `b` is earlier).
    pub fn between(&self, a: DateTime<Utc>, b: DateTime<Utc>) -> Result<(WorkingDuration, Caveat)> {
        let (ta, tb) = (a.timestamp(), b.timestamp());
        let (da, db) = (self.day_of(ta)?, self.day_of(tb)?);
        let caveat = self.caveat(da.min(db), da.max(db))?;
        let secs = self.position(tb, db) - self.position(ta, da);
        Ok((WorkingDuration::from_secs(secs), caveat))
    }

    /// `t` plus working time `d` (minus when `d` is negative). An instant outside working
    /// time counts from 09:00 of the next working day (п. 2.2); a result at the very end
    /// of a working day is that day's 17:00, never the next morning.
    pub fn add(&self, t: DateTime<Utc>, d: WorkingDuration) -> Result<(DateTime<Utc>, Caveat)> {
        let ts = t.timestamp();
        if d.secs() == 0 {
            let day = self.day_of(ts)?;
            return Ok((t, self.caveat(day, day)?));
        }
        let day = self.day_of(ts)?;
        let target = self.position(ts, day) + d.secs();
        let n = self.n_days();
        if target <= 0 || target > self.days[n].cum {
            let probe = if target <= 0 {
                self.first_day
            } else {
                self.date_of(n - 1)
            };
            return Err(self.out_of_range(probe));
        }
        // First day whose cumulative end reaches the target: necessarily a working day.
        // Estimate: 5 working days of 8 h per 7 calendar days.
        let est_days = d.secs() / (WORKING_DAY_MINUTES * 60) * 7 / 5;
        let hint = (day as i64 + est_days).max(0) as usize;
        let j = self.first_day_reaching(target, hint);
        let result = self.days[j].start + (target - self.days[j].cum);
        let caveat = self.caveat(day.min(j), day.max(j))?;
        Ok((DateTime::from_timestamp(result, 0).expect("in range"), caveat))
    }

    /// The instant the clock of п. 2.2 starts from: `t` itself inside working time,
    /// otherwise 09:00 of the next working day.
    pub fn start_of_work(&self, t: DateTime<Utc>) -> Result<DateTime<Utc>> {
        let ts = t.timestamp();
        let day = self.day_of(ts)?;
        if ts >= self.days[day].start && ts < self.days[day].end {
            return Ok(t);
        }
        let pos = self.position(ts, day);
        if pos >= self.days[self.n_days()].cum {
            return Err(self.out_of_range(self.date_of(day)));
        }
        // The first day with working time left after `pos` (positions are whole seconds).
        let j = self.first_day_reaching(pos + 1, day);
        if j >= self.n_days() {
            return Err(self.out_of_range(self.date_of(day)));
        }
        self.caveat(day, j)?;
        Ok(DateTime::from_timestamp(self.days[j].start, 0).expect("in range"))
    }

    /// Is `date` a working day (in the calendar or, with fallback, Monday–Friday)?
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool> {
        let idx = (date - self.first_day).num_days();
        if idx < 0 || idx as usize >= self.n_days() {
            return Err(self.out_of_range(date));
        }
        let idx = idx as usize;
        self.caveat(idx, idx)?;
        Ok(self.days[idx].end > self.days[idx].start)
    }

    /// Local calendar time of a UTC instant.
    pub fn local(&self, t: DateTime<Utc>) -> DateTime<chrono_tz::Tz> {
        t.with_timezone(&self.tz)
    }

    /// UTC instant of a local date and time (the earliest if ambiguous).
    pub fn from_local(&self, naive: chrono::NaiveDateTime) -> DateTime<Utc> {
        // Fast path for imports: a day of the table without a clock change is exactly
        // 24 h long, so its local time is its midnight plus the seconds of the day.
        let i = (naive.date() - self.first_day).num_days();
        if i >= 0 && (i as usize) + 1 < self.days.len() {
            let (day, next) = (&self.days[i as usize], &self.days[i as usize + 1]);
            if next.midnight - day.midnight == SECS_PER_DAY {
                let secs = i64::from(naive.time().num_seconds_from_midnight());
                return DateTime::from_timestamp(day.midnight + secs, 0).expect("in range");
            }
        }
        DateTime::from_timestamp(local_utc(&self.tz, naive.date(), naive.time()), 0).expect("in range")
    }
}
