//! `poryadok calendar …` through the real binary: the worked examples, the JSON
//! contracts, global options, and bad calendar input (exit status 3, file + entry named).

use serde_json::json;

use crate::common::{fixture, run, Env};

#[test]
fn add_friday_1630_plus_8h_is_monday_1630_p3_2() {
    let out = run(&["calendar", "add", "2026-12-04T16:30", "8h"]).success();
    assert_eq!(out.stdout, "2026-12-07 16:30\n");
    assert_eq!(out.stderr, "");
}

#[test]
fn add_negative_duration_needs_no_double_dash_p3_6() {
    let out = run(&["calendar", "add", "2026-12-08T10:00", "-1.5h"]).success();
    assert_eq!(out.stdout, "2026-12-07 16:30\n");
}

#[test]
fn add_json_contract() {
    let out = run(&["calendar", "add", "2026-12-04T16:30", "8h", "--json"]).success();
    assert_eq!(
        out.json(),
        json!({
            "from": "2026-12-04T16:30:00+03:00",
            "duration_minutes": 480,
            "result": "2026-12-07T16:30:00+03:00",
            "warnings": []
        })
    );
    let keys: Vec<_> = out.json().as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys, ["from", "duration_minutes", "result", "warnings"]);
}

#[test]
fn add_json_warns_when_tatarstan_2027_is_used() {
    let out = run(&["--json", "--lang", "en", "calendar", "add", "2026-12-30T20:00", "1h"]).success();
    let v = out.json();
    assert_eq!(v["result"], "2027-01-11T10:00:00+03:00");
    let w = v["warnings"].as_array().unwrap();
    assert_eq!(w.len(), 1);
    assert!(w[0].as_str().unwrap().contains("2027 is incomplete"), "{w:?}");
}

#[test]
fn add_human_warning_goes_to_stderr() {
    let out = run(&["calendar", "add", "2027-03-01T10:00", "1h"]).success();
    assert_eq!(out.stdout, "2027-03-01 11:00\n");
    assert!(out.stderr.contains("2027"), "{}", out.stderr);
}

#[test]
fn between_json_contract() {
    let out = run(&["calendar", "between", "2026-12-04T16:30", "2026-12-07T10:00", "--json"]).success();
    assert_eq!(
        out.json(),
        json!({
            "from": "2026-12-04T16:30:00+03:00",
            "to": "2026-12-07T10:00:00+03:00",
            "working_minutes": 90,
            "warnings": []
        })
    );
}

#[test]
fn between_human_output_in_russian_and_english() {
    let args = ["calendar", "between", "2026-12-04T16:30", "2026-12-07T10:00"];
    assert_eq!(run(&args).success().stdout, "1 ч 30 мин (90 мин)\n");
    let mut en = args.to_vec();
    en.extend(["--lang", "en"]);
    assert_eq!(run(&en).success().stdout, "1 h 30 min (90 min)\n");
}

#[test]
fn check_json_lists_tatarstan_by_default_and_federal_with_region_ru() {
    let v = run(&["calendar", "check", "--json"]).success().json();
    assert_eq!(
        v[1],
        json!({"region": "ru-ta", "year": 2026, "status": "official", "working_days": 244, "working_hours": 1945.0})
    );
    assert_eq!(v[0]["working_days"], 245);
    assert_eq!(v[2]["status"], "incomplete");
    let fed = run(&["--region", "ru", "--json", "calendar", "check"]).success().json();
    let rows = fed.as_array().unwrap();
    assert_eq!(rows.len(), 3);
    for (row, year) in rows.iter().zip(2025..) {
        let keys: Vec<_> = row.as_object().unwrap().keys().cloned().collect();
        assert_eq!(keys, ["region", "year", "status", "working_days", "working_hours"]);
        assert_eq!(row["region"], "ru");
        assert_eq!(row["year"], year);
        assert_eq!(row["working_days"], 247);
    }
    assert_eq!(rows[2]["status"], "unconfirmed");
}

#[test]
fn global_options_work_before_and_after_the_subcommand() {
    let before = run(&[
        "--json",
        "--region",
        "ru",
        "--lang",
        "en",
        "calendar",
        "add",
        "2026-11-06T10:00",
        "8h",
    ]);
    let after = run(&[
        "calendar",
        "add",
        "2026-11-06T10:00",
        "8h",
        "--json",
        "--region",
        "ru",
        "--lang",
        "en",
    ]);
    let middle = run(&["calendar", "--json", "--region=ru", "add", "2026-11-06T10:00", "8h"]);
    let before = before.success().json();
    assert_eq!(before, after.success().json());
    assert_eq!(before, middle.success().json());
    // Federally Nov 6 2026 is a Friday working day; in Tatarstan it is a holiday.
    assert_eq!(before["result"], "2026-11-09T10:00:00+03:00");
    let ta = run(&["calendar", "add", "2026-11-06T10:00", "8h"]).success();
    assert_eq!(ta.stdout, "2026-11-09 17:00\n");
}

#[test]
fn shortened_days_honor_ends_nov_3_2026_at_1600() {
    let literal = run(&["calendar", "add", "2026-11-03T15:00", "2h"]).success();
    assert_eq!(literal.stdout, "2026-11-03 17:00\n");
    let honor = run(&["calendar", "add", "2026-11-03T15:00", "2h", "--shortened-days", "honor"]).success();
    assert_eq!(honor.stdout, "2026-11-05 10:00\n");
}

#[test]
fn out_of_calendar_is_refused_by_default_and_falls_back_on_request() {
    let out = run(&["--lang", "en", "calendar", "add", "2027-12-30T10:00", "5d"]).code(6);
    assert_eq!(out.stdout, "");
    assert!(out.stderr.contains("outside the production calendar"), "{}", out.stderr);
    let out = run(&[
        "calendar",
        "add",
        "2027-12-30T10:00",
        "5d",
        "--out-of-calendar",
        "fallback",
        "--json",
    ])
    .success();
    let v = out.json();
    assert_eq!(v["result"], "2028-01-07T10:00:00+03:00");
    assert!(!v["warnings"].as_array().unwrap().is_empty());
}

#[test]
fn lang_en_speaks_english() {
    let out = run(&["calendar", "check", "--lang", "en"]).success();
    assert!(out.stdout.contains("working days"), "{}", out.stdout);
    assert!(out.stderr.contains("no errors"), "{}", out.stderr);
    let ru = run(&["calendar", "check"]).success();
    assert!(ru.stdout.contains("рабочих дней"), "{}", ru.stdout);
    assert!(ru.stderr.contains("ошибок нет"), "{}", ru.stderr);
}

#[test]
fn bad_duration_and_time_are_usage_errors() {
    run(&["calendar", "add", "2026-12-04T16:30", "8x"])
        .code(2)
        .stderr_has(&["8x"]);
    run(&["calendar", "add", "04/12/2026", "8h"])
        .code(2)
        .stderr_has(&["04/12/2026"]);
}

/// `calendar check FILE` on a bad file: exit 3, and stderr names the file, the entry
/// and what is wrong.
fn check_bad(name: &str, parts: &[&str]) {
    let path = fixture(&format!("calendar/{name}"));
    let out = run(&["--lang", "en", "calendar", "check", &path]).code(3);
    assert_eq!(out.stdout, "");
    out.stderr_has(&[&path]).stderr_has(parts);
}

#[test]
fn bad_calendar_broken_toml_names_the_line() {
    check_bad("broken-toml.toml", &["line 9", "cannot be read"]);
}

#[test]
fn bad_calendar_unknown_time_zone() {
    check_bad(
        "bad-timezone.toml",
        &["calendar.timezone", "Europe/Kazan", "unknown time zone"],
    );
}

#[test]
fn bad_calendar_february_31st() {
    check_bad(
        "bad-date.toml",
        &["year 2026, holidays[1]", "2026-02-31", "no such date"],
    );
}

#[test]
fn bad_calendar_date_outside_its_year() {
    check_bad(
        "date-outside-year.toml",
        &["year 2026, holidays[1]", "2025-12-31", "outside its year 2026"],
    );
}

#[test]
fn bad_calendar_day_both_holiday_and_working() {
    check_bad(
        "holiday-and-working.toml",
        &[
            "working_weekends[0]",
            "holidays[0]",
            "2026-03-07",
            "both off and working",
        ],
    );
}

#[test]
fn bad_calendar_file_given_with_global_option_is_refused_before_any_command() {
    let path = fixture("calendar/bad-date.toml");
    run(&["--calendar", &path, "calendar", "add", "2026-12-04T16:30", "8h"])
        .code(3)
        .stderr_has(&[&path, "2026-02-31"]);
}

#[test]
fn import_xml_malformed_names_file_and_line() {
    let path = fixture("calendar/xmlcalendar/malformed.xml");
    let out = run(&["--lang", "en", "calendar", "import-xml", &path]).code(3);
    assert_eq!(out.stdout, "");
    out.stderr_has(&[&path, "line 6", "malformed XML"]);
}

#[test]
fn import_xml_2026_gives_a_calendar_check_accepts_with_247_days() {
    let env = Env::new();
    env.run(&[
        "calendar",
        "import-xml",
        &fixture("calendar/xmlcalendar/ru-2026.xml"),
        "--out",
        "ru-2026.toml",
    ])
    .success();
    let text = env.read("ru-2026.toml");
    assert!(text.contains("region = \"ru\""), "{text}");
    let v = env
        .run(&["calendar", "check", "ru-2026.toml", "--json"])
        .success()
        .json();
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["year"], 2026);
    assert_eq!(v[0]["status"], "unconfirmed");
    assert_eq!(v[0]["working_days"], 247);
    assert_eq!(v[0]["working_hours"], 1972.0);
}

#[test]
fn import_xml_to_stdout_matches_out_file() {
    let env = Env::new();
    let xml = fixture("calendar/xmlcalendar/ru-2025.xml");
    let stdout = env.run(&["calendar", "import-xml", &xml]).success().stdout;
    env.run(&["calendar", "import-xml", &xml, "--out", "x.toml"]).success();
    assert_eq!(stdout, env.read("x.toml"));
    // The 2025 file has no `country`: it is the federal calendar.
    let v = env.run(&["calendar", "check", "x.toml", "--json"]).success().json();
    assert_eq!(v[0]["region"], "ru");
    assert_eq!(v[0]["working_days"], 247);
}

#[test]
fn import_xml_made_up_2028_with_a_working_saturday() {
    let env = Env::new();
    env.run(&[
        "calendar",
        "import-xml",
        &fixture("calendar/xmlcalendar/made-up-2028.xml"),
        "--out",
        "ru-2028.toml",
    ])
    .success();
    let text = env.read("ru-2028.toml");
    for part in [
        "year = 2028",
        "{ date = \"2028-01-03\", name = \"Новогодние каникулы\" }",
        "{ date = \"2028-03-10\", from = \"2028-01-01\" }",
        "working_weekends = [\n  { date = \"2028-03-11\" },\n]",
        "{ date = \"2028-03-07\", end = \"16:00\" }",
        "{ date = \"2028-11-04\", end = \"16:00\" }",
    ] {
        assert!(text.contains(part), "lacks {part}:\n{text}");
    }
    // 260 weekdays − 4 days off + 2 working Saturdays (one shortened) = 258; 2 shortened.
    let v = env
        .run(&["calendar", "check", "ru-2028.toml", "--json"])
        .success()
        .json();
    assert_eq!(v[0]["working_days"], 258);
    assert_eq!(v[0]["working_hours"], 2062.0);
    // And the converted calendar is usable for arithmetic: Fri Mar 10 off, Sat Mar 11 works.
    let out = env
        .run(&[
            "--calendar",
            "ru-2028.toml",
            "calendar",
            "add",
            "2028-03-09T16:00",
            "2h",
        ])
        .success();
    assert_eq!(out.stdout, "2028-03-11 10:00\n");
}

#[test]
fn bad_calendar_overlay_cannot_make_a_federal_holiday_a_working_day() {
    check_bad(
        "overlay-works-on-base-holiday.toml",
        &[
            "year 2026, shortened[0]",
            "2026-11-04",
            "base calendar has this day off",
        ],
    );
}
