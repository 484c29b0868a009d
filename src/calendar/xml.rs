//! `calendar import-xml`: converts an xmlcalendar file (the de-facto open data for the
//! Russian production calendar) into our TOML format.
//!
//! `d` = MM.DD; `t` = 1 day off, 2 shortened working day (also a working weekend day),
//! 3 full working day on a weekend; `h` = holiday id; `f` = the date moved from.

use std::collections::BTreeMap;
use std::fmt::Write;

use chrono::{Datelike, NaiveDate, Weekday};

use crate::error::{Error, Location, Result};
use crate::tr;

/// A year converted from xmlcalendar, ready to be written as TOML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlYear {
    pub year: i32,
    pub country: String,
    pub generated: Option<String>,
    pub holidays: Vec<(NaiveDate, Option<String>)>,
    pub days_off: Vec<(NaiveDate, Option<NaiveDate>)>,
    pub working_weekends: Vec<NaiveDate>,
    pub shortened: Vec<NaiveDate>,
}

fn err(file: &str, line: u64, attr: &str, value: &str, problem: crate::Text) -> Error {
    Error::bad_input(Location::file(file).line(line).column(attr).value(value), problem)
}

fn parse_md(file: &str, line: u64, attr: &str, year: i32, v: &str) -> Result<NaiveDate> {
    let mut it = v.split('.');
    let (m, d) = (
        it.next().and_then(|x| x.parse().ok()),
        it.next().and_then(|x| x.parse().ok()),
    );
    match (m, d, it.next()) {
        (Some(m), Some(d), None) => NaiveDate::from_ymd_opt(year, m, d),
        _ => None,
    }
    .ok_or_else(|| {
        err(
            file,
            line,
            attr,
            v,
            tr!("нет такой даты (ожидается ММ.ДД)", "no such date (expected MM.DD)"),
        )
    })
}

/// Parses xmlcalendar text.
pub fn parse(file: &str, text: &str) -> Result<XmlYear> {
    let doc = roxmltree::Document::parse(text).map_err(|e| {
        let pos = e.pos();
        Error::bad_input(
            Location::file(file).line(pos.row as u64).column(format!("{}", pos.col)),
            tr!("XML не разобран: {e}", "malformed XML: {e}"),
        )
    })?;
    let root = doc.root_element();
    let line_of = |n: roxmltree::Node| doc.text_pos_at(n.range().start).row as u64;
    if root.tag_name().name() != "calendar" {
        return Err(err(
            file,
            line_of(root),
            "calendar",
            root.tag_name().name(),
            tr!(
                "корневой элемент должен быть <calendar>",
                "the root element must be <calendar>"
            ),
        ));
    }
    let year_s = root.attribute("year").unwrap_or("");
    let year: i32 = year_s
        .parse()
        .ok()
        .filter(|y| (1900..=2200).contains(y))
        .ok_or_else(|| {
            err(
                file,
                line_of(root),
                "year",
                year_s,
                tr!("нет года календаря", "no calendar year"),
            )
        })?;
    let mut titles = BTreeMap::new();
    for h in root.descendants().filter(|n| n.has_tag_name("holiday")) {
        if let (Some(id), Some(t)) = (h.attribute("id"), h.attribute("title")) {
            titles.insert(id.to_string(), t.to_string());
        }
    }
    let mut y = XmlYear {
        year,
        country: root.attribute("country").unwrap_or("ru").to_string(),
        generated: root.attribute("date").map(str::to_string),
        holidays: vec![],
        days_off: vec![],
        working_weekends: vec![],
        shortened: vec![],
    };
    for day in root.descendants().filter(|n| n.has_tag_name("day")) {
        let line = line_of(day);
        let d = parse_md(file, line, "d", year, day.attribute("d").unwrap_or(""))?;
        let weekend = matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
        match day.attribute("t").unwrap_or("") {
            "1" => {
                if let Some(f) = day.attribute("f") {
                    let from = parse_md(file, line, "f", year, f)?;
                    y.days_off.push((d, Some(from)));
                } else {
                    let title = day.attribute("h").and_then(|h| titles.get(h).cloned());
                    y.holidays.push((d, title));
                }
            }
            "2" => {
                y.shortened.push(d);
            }
            "3" if weekend => y.working_weekends.push(d),
            "3" => {}
            other => {
                return Err(err(
                    file,
                    line,
                    "t",
                    other,
                    tr!("тип дня должен быть 1, 2 или 3", "the day type must be 1, 2 or 3"),
                ))
            }
        }
    }
    Ok(y)
}

impl XmlYear {
    /// Our TOML calendar file text for this year (a `ru`-style self-contained file).
    pub fn to_toml(&self, source_file: &str) -> String {
        let mut s = String::new();
        let q = |x: &str| x.replace('\\', "\\\\").replace('"', "\\\"");
        let _ = writeln!(
            s,
            "# Converted by `poryadok calendar import-xml` from {}",
            q(source_file)
        );
        let _ = writeln!(s, "\n[calendar]\nregion = \"{}\"", q(&self.country));
        let _ = writeln!(s, "name = \"Производственный календарь ({})\"", q(&self.country));
        let _ = writeln!(
            s,
            "timezone = \"Europe/Moscow\"\nwork_start = \"09:00\"\nwork_end = \"17:00\""
        );
        let _ = writeln!(s, "\n[[year]]\nyear = {}\nstatus = \"unconfirmed\"", self.year);
        let gen = self
            .generated
            .as_deref()
            .map(|g| format!(", выгрузка от {g}"))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "source = \"xmlcalendar {}/{}{}\"",
            q(&self.country),
            self.year,
            q(&gen)
        );
        s.push_str("holidays = [\n");
        for (d, t) in &self.holidays {
            match t {
                Some(t) => {
                    let _ = writeln!(s, "  {{ date = \"{d}\", name = \"{}\" }},", q(t));
                }
                None => {
                    let _ = writeln!(s, "  {{ date = \"{d}\" }},");
                }
            }
        }
        s.push_str("]\ndays_off = [\n");
        for (d, f) in &self.days_off {
            match f {
                Some(f) => {
                    let _ = writeln!(s, "  {{ date = \"{d}\", from = \"{f}\" }},");
                }
                None => {
                    let _ = writeln!(s, "  {{ date = \"{d}\" }},");
                }
            }
        }
        s.push_str("]\nworking_weekends = [\n");
        for d in &self.working_weekends {
            let _ = writeln!(s, "  {{ date = \"{d}\" }},");
        }
        s.push_str("]\nshortened = [\n");
        for d in &self.shortened {
            let _ = writeln!(s, "  {{ date = \"{d}\", end = \"16:00\" }},");
        }
        s.push_str("]\n");
        s
    }
}
