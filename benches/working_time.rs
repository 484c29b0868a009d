//! Working-time arithmetic benchmark (`cargo bench --bench working_time`).
//!
//! Times `add(t, 8h)`, `add(t, 20d)` and `between(a, b)` over 1,000,000 pre-generated
//! random instants in 2025–2027 (Europe/Moscow, Tatarstan calendar), and, in the same
//! run, a minute-stepping reference on a smaller sample; prints ns/op and the ratio
//! reference/fast. Target: `add(t, 8h)` ≤ 100 ns/op.
//!
//! Baseline (2-core shared VM, 2026-12-03): see `calendar/README.md`, «Performance».

use std::hint::black_box;
use std::time::Instant;

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use poryadok::calendar::{embedded, DayKind, OutOfRange, ShortenedDays, WorkCalendar, WorkingDuration};

const N: usize = 1_000_000;
const N_REFERENCE: usize = 2_000;

/// splitmix64: a tiny deterministic generator, so runs are comparable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: i64) -> i64 {
        (self.next() % n as u64) as i64
    }
}

/// Random instants (to the second) from 2025-01-15 to 2027-11-15 local time, so that
/// 20 working days later (or 1.5 h earlier) is still inside the calendar.
fn instants(cal: &WorkCalendar, rng: &mut Rng, n: usize) -> Vec<DateTime<Utc>> {
    let lo = cal.from_local(NaiveDate::from_ymd_opt(2025, 1, 15).unwrap().into());
    let hi = cal.from_local(NaiveDate::from_ymd_opt(2027, 11, 15).unwrap().into());
    let span = (hi - lo).num_seconds();
    (0..n).map(|_| lo + Duration::seconds(rng.below(span))).collect()
}

fn working_minute(cal: &WorkCalendar, m: NaiveDateTime) -> bool {
    let r = cal.resolved();
    let end = match (r.day_kind(m.date()), cal.shortened) {
        (DayKind::Off, _) => return false,
        (DayKind::Shortened(e), ShortenedDays::Honor) => e,
        _ => r.work_end,
    };
    m.time() >= r.work_start && m.time() < end
}

/// The obviously-correct reference: step minute by minute over local time.
fn slow_add(cal: &WorkCalendar, t: DateTime<Utc>, minutes: i64) -> DateTime<Utc> {
    let mut cur = t.with_timezone(&cal.tz).naive_local();
    let mut left = minutes;
    while left > 0 {
        if working_minute(cal, cur) {
            left -= 1;
        }
        cur += Duration::minutes(1);
    }
    cal.tz.from_local_datetime(&cur).unwrap().with_timezone(&Utc)
}

/// Runs `f` over every item and returns ns/op.
fn time<T>(name: &str, items: &[T], mut f: impl FnMut(&T) -> i64) -> f64 {
    // Warm-up pass over a slice, then the measured pass.
    let mut sink = 0i64;
    for x in items.iter().take(items.len() / 10) {
        sink = sink.wrapping_add(f(x));
    }
    let start = Instant::now();
    for x in items {
        sink = sink.wrapping_add(f(black_box(x)));
    }
    let ns = start.elapsed().as_nanos() as f64 / items.len() as f64;
    black_box(sink);
    println!("{name:<34} {:>10} ops {ns:>12.1} ns/op", items.len());
    ns
}

fn main() {
    let resolved = embedded::load_region("ru-ta").expect("bundled Tatarstan calendar");
    let cal = WorkCalendar::new(resolved, ShortenedDays::Literal, OutOfRange::Error);
    let mut rng = Rng(0x5EED_2026);
    let starts = instants(&cal, &mut rng, N);
    let ends = instants(&cal, &mut rng, N);
    let pairs: Vec<_> = starts.iter().copied().zip(ends.iter().copied()).collect();
    let h8 = WorkingDuration::from_minutes(8 * 60);
    let d20 = WorkingDuration::from_days(20);

    println!("working_time: Tatarstan calendar, Europe/Moscow, random instants 2025–2027");
    let add8 = time("add(t, 8h)", &starts, |&t| cal.add(t, h8).unwrap().0.timestamp());
    time("add(t, 20d)", &starts, |&t| cal.add(t, d20).unwrap().0.timestamp());
    time("add(t, -1.5h)", &starts, |&t| {
        cal.add(t, WorkingDuration::from_minutes(-90)).unwrap().0.timestamp()
    });
    time("between(a, b)", &pairs, |&(a, b)| cal.between(a, b).unwrap().0.secs());
    time("start_of_work(t)", &starts, |&t| {
        cal.start_of_work(t).unwrap().timestamp()
    });

    // Minute-aligned sample for the reference, and the fast path on the same sample.
    let sample: Vec<_> = starts[..N_REFERENCE]
        .iter()
        .map(|t| DateTime::from_timestamp(t.timestamp() / 60 * 60, 0).unwrap())
        .collect();
    for &t in &sample {
        assert_eq!(cal.add(t, h8).unwrap().0, slow_add(&cal, t, 8 * 60), "at {t}");
    }
    let slow = time("reference minute-stepping add(t, 8h)", &sample, |&t| {
        slow_add(&cal, t, 8 * 60).timestamp()
    });
    println!("ratio reference/fast for add(t, 8h): {:.0}×", slow / add8);
    if add8 > 100.0 {
        println!("WARNING: add(t, 8h) is above the 100 ns/op target");
    }
}
