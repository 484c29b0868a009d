//! Worked examples: each test names its clause (п.) or source and the year.

use chrono::{Datelike, NaiveDate};

use super::{at, cal, resolved, show, ta};
use crate::calendar::{OutOfRange, ShortenedDays, WorkingDuration};
use crate::error::Error;

fn h(hours_tenths: i64) -> WorkingDuration {
    WorkingDuration::from_tenth_hours(hours_tenths)
}

fn add(local: &str, d: WorkingDuration) -> String {
    let c = ta();
    let (r, _) = c.add(at(c, local), d).expect("inside the calendar");
    show(c, r)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn federal_2025_has_247_working_days() {
    assert_eq!(resolved("ru").official_totals(2025).0, 247);
}

#[test]
fn federal_2026_has_247_working_days_and_1972_hours() {
    // 247 × 8 h − 4 shortened days × 1 h.
    let (days, hours) = resolved("ru").official_totals(2026);
    assert_eq!(days, 247);
    assert_eq!(hours, 1972.0);
}

#[test]
fn tatarstan_2025_has_245_working_days() {
    assert_eq!(resolved("ru-ta").official_totals(2025).0, 245);
}

#[test]
fn tatarstan_2026_has_244_working_days_and_1945_hours() {
    assert_eq!(resolved("ru-ta").official_totals(2026), (244, 1945.0));
}

#[test]
fn p3_2_2026_friday_1630_plus_8h_is_monday_1630() {
    assert_eq!(add("2026-12-04 16:30", h(80)), "2026-12-07 16:30");
}

#[test]
fn p2_2_2026_message_at_2000_before_nov_4_starts_nov_5_0900() {
    let c = ta();
    let t = at(c, "2026-11-03 20:00");
    assert_eq!(show(c, c.start_of_work(t).unwrap()), "2026-11-05 09:00");
    // The clock of п. 3.2 runs from there: 8 h later is Nov 5 17:00.
    assert_eq!(add("2026-11-03 20:00", h(80)), "2026-11-05 17:00");
    assert_eq!(add("2026-11-03 20:00", h(5)), "2026-11-05 09:30");
}

#[test]
fn p2_2_2026_message_at_2000_on_dec_30_starts_2027_jan_11_0900() {
    let c = ta();
    let t = at(c, "2026-12-30 20:00");
    assert_eq!(show(c, c.start_of_work(t).unwrap()), "2027-01-11 09:00");
    let (r, caveat) = c.add(t, h(5)).unwrap();
    assert_eq!(show(c, r), "2027-01-11 09:30");
    assert_eq!(caveat.incomplete_year, Some(2027));
}

#[test]
fn p2_2_2026_inside_working_time_the_clock_starts_at_once() {
    let c = ta();
    let t = at(c, "2026-12-04 10:17");
    assert_eq!(c.start_of_work(t).unwrap(), t);
    assert_eq!(
        show(c, c.start_of_work(at(c, "2026-12-04 17:00")).unwrap()),
        "2026-12-07 09:00"
    );
    assert_eq!(
        show(c, c.start_of_work(at(c, "2026-12-07 08:59")).unwrap()),
        "2026-12-07 09:00"
    );
}

#[test]
fn p1_3_2026_deadline_at_end_of_day_is_1700_not_next_0900() {
    assert_eq!(add("2026-12-04 09:00", h(80)), "2026-12-04 17:00");
    assert_eq!(add("2026-12-04 16:00", h(10)), "2026-12-04 17:00");
    // Started the evening before: still that day's 17:00.
    assert_eq!(add("2026-12-03 18:00", h(80)), "2026-12-04 17:00");
}

#[test]
fn p3_9_2026_n_working_days_are_n_times_8_hours() {
    for n in [1, 2, 8, 20] {
        assert_eq!(WorkingDuration::from_days(n), WorkingDuration::from_minutes(n * 480));
        assert_eq!(
            add("2026-12-04 11:15", WorkingDuration::from_days(n)),
            add("2026-12-04 11:15", WorkingDuration::from_minutes(n * 480))
        );
    }
    // Same clock time N working days later: Fri Dec 4 + 1 d = Mon Dec 7.
    assert_eq!(
        add("2026-12-04 11:15", WorkingDuration::from_days(1)),
        "2026-12-07 11:15"
    );
    assert_eq!(
        add("2026-12-04 11:15", WorkingDuration::from_days(8)),
        "2026-12-16 11:15"
    );
}

#[test]
fn p3_6_2026_deadline_minus_1_5h_crosses_back_to_previous_day() {
    assert_eq!(add("2026-12-08 10:00", h(-15)), "2026-12-07 16:30");
    let d = WorkingDuration::parse("-1.5h").unwrap();
    assert_eq!(add("2026-12-08 10:00", d), "2026-12-07 16:30");
}

#[test]
fn p3_6_2026_subtraction_is_the_inverse_of_addition() {
    let c = ta();
    let a = at(c, "2026-12-04 16:30");
    let (b, _) = c.add(a, h(80)).unwrap();
    assert_eq!(c.add(b, h(-80)).unwrap().0, a);
    assert_eq!(c.between(a, b).unwrap().0, h(80));
    assert_eq!(c.between(b, a).unwrap().0, h(-80));
}

#[test]
fn p1_3_2026_shortened_day_honor_ends_nov_3_at_1600_literal_at_1700() {
    let literal = cal("ru-ta", ShortenedDays::Literal, OutOfRange::Error);
    let honor = cal("ru-ta", ShortenedDays::Honor, OutOfRange::Error);
    let t = at(&literal, "2026-11-03 15:00");
    assert_eq!(show(&literal, literal.add(t, h(10)).unwrap().0), "2026-11-03 16:00");
    assert_eq!(show(&literal, literal.add(t, h(20)).unwrap().0), "2026-11-03 17:00");
    assert_eq!(show(&honor, honor.add(t, h(10)).unwrap().0), "2026-11-03 16:00");
    assert_eq!(show(&honor, honor.add(t, h(20)).unwrap().0), "2026-11-05 10:00");
    let evening = at(&honor, "2026-11-03 16:30");
    assert_eq!(show(&honor, honor.start_of_work(evening).unwrap()), "2026-11-05 09:00");
    assert_eq!(literal.start_of_work(evening).unwrap(), evening);
}

#[test]
fn tatarstan_2026_republic_day_on_sunday_gives_no_extra_day_off() {
    let c = ta();
    assert!(!c.is_working_day(date(2026, 8, 30)).unwrap());
    assert!(c.is_working_day(date(2026, 8, 31)).unwrap());
    assert_eq!(add("2026-08-28 16:00", h(20)), "2026-08-31 10:00");
}

#[test]
fn tatarstan_2026_republic_holidays_are_off_federal_calendar_works() {
    let c = ta();
    let fed = cal("ru", ShortenedDays::Literal, OutOfRange::Error);
    for d in [date(2026, 3, 20), date(2026, 5, 27), date(2026, 11, 6)] {
        assert!(!c.is_working_day(d).unwrap(), "{d} is off in Tatarstan");
        assert!(fed.is_working_day(d).unwrap(), "{d} works federally");
    }
}

#[test]
fn out_of_range_2028_is_an_error_by_default() {
    let c = ta();
    let t = at(c, "2027-12-30 10:00");
    match c.add(t, WorkingDuration::from_days(5)) {
        Err(Error::OutOfCalendar(msg)) => assert!(msg.en.contains("2028"), "{}", msg.en),
        other => panic!("expected OutOfCalendar, got {other:?}"),
    }
    assert!(c.between(at(c, "2024-12-30 10:00"), t).is_err());
    assert!(c.is_working_day(date(2028, 1, 10)).is_err());
    assert!(c.start_of_work(at(c, "2027-12-31 18:00")).is_err());
}

#[test]
fn out_of_range_2028_fallback_assumes_monday_to_friday_with_a_caveat() {
    let c = cal("ru-ta", ShortenedDays::Literal, OutOfRange::Fallback);
    let t = at(&c, "2027-12-30 10:00");
    // Dec 31 2027 is off (moved from Jan 3); 2028 Jan 1–2 weekend, Jan 3 Monday assumed working.
    let (r, caveat) = c.add(t, WorkingDuration::from_days(2)).unwrap();
    assert_eq!(show(&c, r), "2028-01-04 10:00");
    assert!(caveat.fallback.is_some_and(|d| d.year() == 2028), "{caveat:?}");
    assert!(!caveat.is_clean());
    assert!(!caveat.warnings(&c).is_empty());
    let (_, clean) = c.add(at(&c, "2026-12-04 10:00"), h(80)).unwrap();
    assert!(clean.is_clean());
}

#[test]
fn tatarstan_2027_is_incomplete_and_every_use_says_so() {
    let c = ta();
    let (_, caveat) = c.add(at(c, "2027-03-01 10:00"), h(10)).unwrap();
    assert_eq!(caveat.incomplete_year, Some(2027));
    let (_, caveat) = c.between(at(c, "2026-12-25 10:00"), at(c, "2027-01-12 10:00")).unwrap();
    assert_eq!(caveat.incomplete_year, Some(2027));
    let (_, caveat) = c.add(at(c, "2026-06-01 10:00"), h(80)).unwrap();
    assert_eq!(caveat.incomplete_year, None);
    // The federal 2027 is only unconfirmed, not incomplete.
    let fed = cal("ru", ShortenedDays::Literal, OutOfRange::Error);
    let (_, caveat) = fed.add(at(&fed, "2027-03-01 10:00"), h(10)).unwrap();
    assert!(caveat.is_clean());
}

#[test]
fn p1_3_2026_between_counts_only_the_working_window() {
    let c = ta();
    let (d, _) = c.between(at(c, "2026-12-04 16:30"), at(c, "2026-12-07 09:30")).unwrap();
    assert_eq!(d.minutes_floor(), 60);
    let (d, _) = c.between(at(c, "2026-12-05 10:00"), at(c, "2026-12-06 12:00")).unwrap();
    assert_eq!(d, WorkingDuration::ZERO);
    // Jan 2026: Jan 1–9 off (Jan 3 moved to Jan 9), first working day Jan 12.
    let (d, _) = c.between(at(c, "2025-12-30 17:00"), at(c, "2026-01-12 10:00")).unwrap();
    assert_eq!(d.minutes_floor(), 60);
}
