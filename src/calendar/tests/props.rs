//! proptest: `add` and `between` against a slow, obviously-correct reference that steps
//! minute by minute over local time (п. 1.3: a minute counts when it lies inside
//! 09:00–17:00 of a working day, or before the shortened end with `honor`).

use std::sync::OnceLock;

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use proptest::prelude::*;

use super::{cal, ta};
use crate::calendar::{DayKind, OutOfRange, ShortenedDays, WorkCalendar, WorkingDuration};

/// Is the local minute starting at `m` working time?
fn working_minute(cal: &WorkCalendar, m: NaiveDateTime) -> bool {
    let r = cal.resolved();
    let end = match (r.day_kind(m.date()), cal.shortened) {
        (DayKind::Off, _) => return false,
        (DayKind::Shortened(e), ShortenedDays::Honor) => e,
        _ => r.work_end,
    };
    m.time() >= r.work_start && m.time() < end
}

fn to_local(cal: &WorkCalendar, t: DateTime<Utc>) -> NaiveDateTime {
    t.with_timezone(&cal.tz).naive_local()
}

fn to_utc(cal: &WorkCalendar, n: NaiveDateTime) -> DateTime<Utc> {
    cal.tz.from_local_datetime(&n).unwrap().with_timezone(&Utc)
}

/// Reference `add` in whole minutes: the earliest instant at which `d` working minutes
/// have passed (forward) or been taken back (backward).
pub(crate) fn slow_add(cal: &WorkCalendar, t: DateTime<Utc>, minutes: i64) -> DateTime<Utc> {
    let one = Duration::minutes(1);
    let mut cur = to_local(cal, t);
    let mut left = minutes.abs();
    if minutes >= 0 {
        while left > 0 {
            if working_minute(cal, cur) {
                left -= 1;
            }
            cur += one;
        }
    } else {
        while left > 0 {
            if working_minute(cal, cur - one) {
                left -= 1;
            }
            cur -= one;
        }
        // Earliest instant at that working position: back over non-working minutes.
        while !working_minute(cal, cur - one) {
            cur -= one;
        }
    }
    to_utc(cal, cur)
}

/// Reference `between` in whole minutes (negative when `b` is earlier).
pub(crate) fn slow_between(cal: &WorkCalendar, a: DateTime<Utc>, b: DateTime<Utc>) -> i64 {
    let (lo, hi, sign) = if a <= b { (a, b, 1) } else { (b, a, -1) };
    let (mut cur, end) = (to_local(cal, lo), to_local(cal, hi));
    let mut n = 0;
    while cur < end {
        if working_minute(cal, cur) {
            n += 1;
        }
        cur += Duration::minutes(1);
    }
    sign * n
}

fn honor() -> &'static WorkCalendar {
    static CAL: OnceLock<WorkCalendar> = OnceLock::new();
    CAL.get_or_init(|| cal("ru-ta", ShortenedDays::Honor, OutOfRange::Error))
}

/// A minute-aligned instant between 2025-01-20 and 2027-12-10 (so ±3 working days stay
/// inside the calendar), biased towards the edges of the working window.
fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    let first = NaiveDate::from_ymd_opt(2025, 1, 20).unwrap();
    let days = (NaiveDate::from_ymd_opt(2027, 12, 10).unwrap() - first).num_days();
    let minute = prop_oneof![
        0i64..1440,
        Just(9 * 60),
        Just(16 * 60),
        Just(17 * 60),
        (8 * 60i64..18 * 60)
    ];
    (0..days, minute).prop_map(move |(d, m)| {
        let n = (first + Duration::days(d)).and_time(NaiveTime::MIN) + Duration::minutes(m);
        ta().from_local(n)
    })
}

/// Up to three working days, in minutes, biased towards whole hours.
fn minutes() -> impl Strategy<Value = i64> {
    prop_oneof![
        1i64..=3 * 480,
        (1i64..=24).prop_map(|h| h * 60),
        (1i64..=3).prop_map(|d| d * 480)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn add_matches_minute_stepping(t in instant(), m in minutes(), back in any::<bool>(), h in any::<bool>()) {
        let c = if h { honor() } else { ta() };
        let m = if back { -m } else { m };
        let (fast, _) = c.add(t, WorkingDuration::from_minutes(m)).unwrap();
        prop_assert_eq!(fast, slow_add(c, t, m));
    }

    #[test]
    fn between_matches_minute_stepping(a in instant(), span in -14_400i64..14_400, h in any::<bool>()) {
        let c = if h { honor() } else { ta() };
        let b = a + Duration::minutes(span);
        let (fast, _) = c.between(a, b).unwrap();
        prop_assert_eq!(fast, WorkingDuration::from_minutes(slow_between(c, a, b)));
    }

    #[test]
    fn between_undoes_add(t in instant(), secs in 1i64..=3 * 480 * 60, back in any::<bool>()) {
        let c = ta();
        let d = WorkingDuration::from_secs(if back { -secs } else { secs });
        let (r, _) = c.add(t, d).unwrap();
        prop_assert_eq!(c.between(t, r).unwrap().0, d);
        if !back {
            // And back again lands on the start of work of `t` (п. 2.2).
            let (s, _) = c.add(r, -d).unwrap();
            prop_assert_eq!(c.between(s, c.start_of_work(t).unwrap()).unwrap().0, WorkingDuration::ZERO);
        }
    }
}

/// Reference п. 2.2: `t` inside working time, else the start of the next working minute.
fn slow_start_of_work(cal: &WorkCalendar, t: DateTime<Utc>) -> DateTime<Utc> {
    let mut cur = to_local(cal, t);
    while !working_minute(cal, cur) {
        cur += Duration::minutes(1);
    }
    to_utc(cal, cur).max(t)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn start_of_work_matches_minute_stepping(t in instant(), h in any::<bool>()) {
        let c = if h { honor() } else { ta() };
        prop_assert_eq!(c.start_of_work(t).unwrap(), slow_start_of_work(c, t));
    }

    /// Long spans (up to a working year) exercise the galloping search far from its
    /// estimate; positions are additive, so chaining must give the same instant.
    #[test]
    fn add_is_additive_over_long_spans(t in instant(), a in -240i64..240, b in -240i64..240, m in 0i64..480) {
        let c = ta();
        let (da, db) = (WorkingDuration::from_days(a), WorkingDuration::from_days(b) + WorkingDuration::from_minutes(m));
        let whole = c.add(t, da + db);
        let chained = c.add(t, da).and_then(|(r, _)| c.add(r, db));
        match (whole, chained) {
            (Ok((x, _)), Ok((y, _))) => {
                if (da + db).secs() != 0 {
                    prop_assert_eq!(x, y);
                }
            }
            (Err(_), _) | (_, Err(_)) => {} // beyond 2025–2027: refused, checked elsewhere
        }
    }
}
