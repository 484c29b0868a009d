//! The calendar file format (documented in `calendar/README.md`).
//!
//! One file per region and year range. A regional file may `extends` another region
//! (Tatarstan over the federal calendar): its holidays are added on top.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use serde::Deserialize;

use crate::error::{Error, Location, Result};
use crate::tr;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarFile {
    pub calendar: Header,
    #[serde(default, rename = "year")]
    pub years: Vec<YearBlock>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    pub region: String,
    pub name: String,
    /// Region this file adds to (e.g. "ru" for "ru-ta").
    #[serde(default)]
    pub extends: Option<String>,
    #[serde(default)]
    pub timezone: Option<String>,
    /// Working window of п. 1.3, "09:00".."17:00".
    #[serde(default)]
    pub work_start: Option<String>,
    #[serde(default)]
    pub work_end: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum YearStatus {
    /// Confirmed against the signed decree.
    Official,
    /// Taken from public data sets, not yet checked against the signed text.
    Unconfirmed,
    /// Known to lack days (e.g. Tatarstan 2027 before the Раис's decree): warn on use.
    Incomplete,
}

impl YearStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            YearStatus::Official => "official",
            YearStatus::Unconfirmed => "unconfirmed",
            YearStatus::Incomplete => "incomplete",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearBlock {
    pub year: i32,
    pub status: YearStatus,
    pub source: String,
    #[serde(default)]
    pub note: Option<String>,
    /// Non-working holidays (ТК РФ ст. 112, Закон РТ № 1448-XII).
    #[serde(default)]
    pub holidays: Vec<NamedDay>,
    /// Days off moved by decree or by ст. 112 ч. 2.
    #[serde(default)]
    pub days_off: Vec<MovedDay>,
    /// Saturdays or Sundays that are working days.
    #[serde(default)]
    pub working_weekends: Vec<NamedDay>,
    /// Shortened pre-holiday working days with their end time.
    #[serde(default)]
    pub shortened: Vec<ShortDay>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamedDay {
    pub date: String,
    #[serde(default)]
    pub name: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MovedDay {
    pub date: String,
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShortDay {
    pub date: String,
    pub end: String,
}

/// What a single date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayKind {
    Working,
    /// A working day that ends early (official end time).
    Shortened(NaiveTime),
    Off,
}

/// A calendar with its base merged in: every listed date's kind plus its years.
#[derive(Debug, Clone)]
pub struct ResolvedCalendar {
    pub region: String,
    pub name: String,
    pub timezone: chrono_tz::Tz,
    pub work_start: NaiveTime,
    pub work_end: NaiveTime,
    /// Year → (status, source); the years the calendar covers, contiguous.
    pub years: BTreeMap<i32, (YearStatus, String)>,
    /// Exceptions to the Monday–Friday rule.
    pub exceptions: BTreeMap<NaiveDate, DayKind>,
}

impl ResolvedCalendar {
    /// The kind of `date` (only meaningful inside `years`).
    pub fn day_kind(&self, date: NaiveDate) -> DayKind {
        if let Some(k) = self.exceptions.get(&date) {
            return *k;
        }
        match date.weekday() {
            Weekday::Sat | Weekday::Sun => DayKind::Off,
            _ => DayKind::Working,
        }
    }

    /// Official counts for `year`: (working days, working hours with shortened days at
    /// their shortened length).
    pub fn official_totals(&self, year: i32) -> (u32, f64) {
        let mut days = 0;
        let mut minutes = 0i64;
        let full = (self.work_end - self.work_start).num_minutes();
        let mut d = NaiveDate::from_ymd_opt(year, 1, 1).expect("valid year");
        while d.year() == year {
            match self.day_kind(d) {
                DayKind::Working => {
                    days += 1;
                    minutes += full;
                }
                DayKind::Shortened(end) => {
                    days += 1;
                    minutes += (end - self.work_start).num_minutes();
                }
                DayKind::Off => {}
            }
            d = d.succ_opt().expect("date in range");
        }
        (days, minutes as f64 / 60.0)
    }
}

fn bad(file: &str, entry: String, value: &str, problem: crate::Text) -> Error {
    Error::bad_input(Location::file(file).column(entry).value(value), problem)
}

pub(crate) fn parse_date(file: &str, entry: &str, s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
        bad(
            file,
            entry.to_string(),
            s,
            tr!(
                "нет такой даты (ожидается ГГГГ-ММ-ДД)",
                "no such date (expected YYYY-MM-DD)"
            ),
        )
    })
}

fn parse_time(file: &str, entry: &str, s: &str) -> Result<NaiveTime> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M").map_err(|_| {
        bad(
            file,
            entry.to_string(),
            s,
            tr!("нет такого времени (ожидается ЧЧ:ММ)", "no such time (expected HH:MM)"),
        )
    })
}

impl CalendarFile {
    /// Parses TOML text; `file` names the source in errors.
    pub fn parse(file: &str, text: &str) -> Result<Self> {
        toml::from_str(text).map_err(|e| {
            let mut loc = Location::file(file);
            if let Some(span) = e.span() {
                let line = text[..span.start].matches('\n').count() as u64 + 1;
                loc = loc.line(line);
            }
            Error::bad_input(
                loc,
                tr!(
                    "файл календаря не разобран: {}",
                    "the calendar file cannot be read: {}",
                    e.message()
                ),
            )
        })
    }

    /// Validates this file and merges it over `base` (if it extends one).
    pub fn resolve(&self, file: &str, base: Option<&ResolvedCalendar>) -> Result<ResolvedCalendar> {
        let h = &self.calendar;
        let tz_name = h
            .timezone
            .as_deref()
            .or(base.map(|b| b.timezone.name()))
            .unwrap_or("Europe/Moscow");
        let timezone: chrono_tz::Tz = tz_name.parse().map_err(|_| {
            bad(
                file,
                "calendar.timezone".into(),
                tz_name,
                tr!("неизвестный часовой пояс", "unknown time zone"),
            )
        })?;
        let work_start = match &h.work_start {
            Some(s) => parse_time(file, "calendar.work_start", s)?,
            None => base
                .map(|b| b.work_start)
                .unwrap_or(NaiveTime::from_hms_opt(9, 0, 0).unwrap()),
        };
        let work_end = match &h.work_end {
            Some(s) => parse_time(file, "calendar.work_end", s)?,
            None => base
                .map(|b| b.work_end)
                .unwrap_or(NaiveTime::from_hms_opt(17, 0, 0).unwrap()),
        };
        if work_end <= work_start {
            return Err(bad(
                file,
                "calendar.work_end".into(),
                &work_end.format("%H:%M").to_string(),
                tr!(
                    "конец рабочего дня не позже его начала",
                    "the working day ends before it starts"
                ),
            ));
        }
        let mut years: BTreeMap<i32, (YearStatus, String)> = BTreeMap::new();
        let mut exceptions = base.map(|b| b.exceptions.clone()).unwrap_or_default();
        let mut own: BTreeMap<NaiveDate, String> = BTreeMap::new();
        for block in &self.years {
            let y = block.year;
            if years.contains_key(&y) {
                return Err(bad(
                    file,
                    format!("year {y}"),
                    &y.to_string(),
                    tr!("год описан дважды", "the year is listed twice"),
                ));
            }
            let mut put = |entry: String, raw: &str, kind: DayKind| -> Result<()> {
                let date = parse_date(file, &entry, raw)?;
                if date.year() != y {
                    return Err(bad(
                        file,
                        entry,
                        raw,
                        tr!("дата вне своего года {y}", "the date is outside its year {y}"),
                    ));
                }
                if let Some(prev) = own.insert(date, entry.clone()) {
                    return Err(bad(
                        file,
                        entry,
                        raw,
                        tr!(
                            "дата уже указана в {prev}: день не может быть одновременно выходным и рабочим",
                            "the date is already listed in {prev}: a day cannot be both off and working"
                        ),
                    ));
                }
                let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
                if matches!(kind, DayKind::Working) && !weekend {
                    return Err(bad(
                        file,
                        entry,
                        raw,
                        tr!(
                            "рабочий выходной день приходится не на субботу или воскресенье",
                            "a working weekend day that is not a Saturday or Sunday"
                        ),
                    ));
                }
                // A regional overlay adds days off; it cannot make a day its base has
                // off (a federal holiday or moved day off) into a working day.
                if !matches!(kind, DayKind::Off) && base.is_some_and(|b| b.exceptions.get(&date) == Some(&DayKind::Off))
                {
                    return Err(bad(
                        file,
                        entry,
                        raw,
                        tr!(
                            "в базовом календаре этот день выходной: региональный календарь не может сделать его рабочим",
                            "the base calendar has this day off: a regional calendar cannot make it a working day"
                        ),
                    ));
                }
                exceptions.insert(date, kind);
                Ok(())
            };
            for (i, d) in block.holidays.iter().enumerate() {
                put(format!("year {y}, holidays[{i}]"), &d.date, DayKind::Off)?;
            }
            for (i, d) in block.days_off.iter().enumerate() {
                let entry = format!("year {y}, days_off[{i}]");
                if let Some(from) = &d.from {
                    parse_date(file, &format!("{entry}.from"), from)?;
                }
                put(entry, &d.date, DayKind::Off)?;
            }
            for (i, d) in block.working_weekends.iter().enumerate() {
                put(format!("year {y}, working_weekends[{i}]"), &d.date, DayKind::Working)?;
            }
            for (i, d) in block.shortened.iter().enumerate() {
                let entry = format!("year {y}, shortened[{i}]");
                let end = parse_time(file, &format!("{entry}.end"), &d.end)?;
                if end <= work_start || end >= work_end {
                    return Err(bad(
                        file,
                        format!("{entry}.end"),
                        &d.end,
                        tr!(
                            "сокращённый день должен кончаться внутри рабочего окна",
                            "a shortened day must end inside the working window"
                        ),
                    ));
                }
                put(entry, &d.date, DayKind::Shortened(end))?;
            }
            years.insert(y, (block.status, block.source.clone()));
        }
        if let Some(b) = base {
            // An overlay covers exactly its base's years; a base year it does not describe
            // is incomplete for this region.
            let mut merged = BTreeMap::new();
            for (y, (bs, bsrc)) in &b.years {
                let entry = match years.get(y) {
                    Some((s, src)) => ((*s).max(*bs), format!("{bsrc}; {src}")),
                    None => (YearStatus::Incomplete, format!("{bsrc}; {}", h.name)),
                };
                merged.insert(*y, entry);
            }
            if let Some(y) = years.keys().find(|y| !b.years.contains_key(y)) {
                return Err(bad(
                    file,
                    format!("year {y}"),
                    &y.to_string(),
                    tr!(
                        "в базовом календаре «{}» нет этого года",
                        "the base calendar «{}» has no such year",
                        b.region
                    ),
                ));
            }
            years = merged;
        }
        if years.is_empty() {
            return Err(bad(
                file,
                "year".into(),
                "",
                tr!("в файле нет ни одного года", "the file has no years"),
            ));
        }
        let (first, last) = (*years.keys().next().unwrap(), *years.keys().last().unwrap());
        if (last - first + 1) as usize != years.len() {
            return Err(bad(
                file,
                "year".into(),
                &format!("{first}..{last}"),
                tr!("годы должны идти подряд, без пропусков", "years must be contiguous"),
            ));
        }
        Ok(ResolvedCalendar {
            region: h.region.clone(),
            name: h.name.clone(),
            timezone,
            work_start,
            work_end,
            years,
            exceptions,
        })
    }
}
