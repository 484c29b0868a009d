//! Rendering: local times, JSON, tables, colour only on a terminal.

use chrono::{DateTime, Utc};
use comfy_table::{presets, ContentArrangement, Table};

use crate::calendar::WorkCalendar;

/// `2026-12-07 16:30` in the calendar's local time.
pub fn local_minute(cal: &WorkCalendar, t: DateTime<Utc>) -> String {
    cal.local(t).format("%Y-%m-%d %H:%M").to_string()
}

/// `07.12.2026 16:30`: the form Russian users read best.
pub fn local_ru(cal: &WorkCalendar, t: DateTime<Utc>) -> String {
    cal.local(t).format("%d.%m.%Y %H:%M").to_string()
}

/// RFC 3339 with the local offset, for JSON: `2026-12-07T16:30:00+03:00`.
pub fn rfc3339(cal: &WorkCalendar, t: DateTime<Utc>) -> String {
    cal.local(t).to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// Writes a line of data to stdout. A closed pipe (`poryadok status | head`) is not an
/// error: the reader has what it wanted, so the rest is dropped quietly.
pub fn emit(text: impl std::fmt::Display) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{text}").and_then(|_| out.flush());
}

/// Prints a JSON value on stdout (pretty, keys in the documented order).
pub fn print_json(value: &serde_json::Value) {
    emit(serde_json::to_string_pretty(value).expect("JSON values serialise"));
}

/// A table for the terminal: UTF-8 borders, wraps to the terminal width.
pub fn table(header: Vec<&str>) -> Table {
    let mut t = Table::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header);
    t
}

/// Wraps `s` in red when colour is on.
pub fn red(color: bool, s: &str) -> String {
    if color {
        format!("\x1b[31m{s}\x1b[0m")
    } else {
        s.to_string()
    }
}

/// Wraps `s` in yellow when colour is on.
pub fn yellow(color: bool, s: &str) -> String {
    if color {
        format!("\x1b[33m{s}\x1b[0m")
    } else {
        s.to_string()
    }
}

/// Prints warnings on stderr, one a line.
pub fn warn(lang: crate::Lang, warnings: &[crate::Text]) {
    for w in warnings {
        eprintln!("{}: {}", lang.pick("предупреждение", "warning"), w.get(lang));
    }
}
