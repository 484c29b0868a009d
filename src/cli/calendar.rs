//! `poryadok calendar check|add|between|import-xml`.

use std::path::PathBuf;

use clap::Subcommand;
use serde_json::json;

use crate::calendar::{embedded, xml, WorkCalendar, WorkingDuration};
use crate::context::Context;
use crate::error::{Error, Location, Result};
use crate::output;
use crate::tr;

#[derive(Subcommand, Debug)]
pub enum CalendarCommand {
    /// Проверить файл календаря (по умолчанию текущий) и показать итоги по годам
    Check {
        /// Файл календаря (TOML)
        file: Option<PathBuf>,
    },
    /// Прибавить рабочее время: `calendar add 2026-12-04T16:30 8h`, `... -1.5h`
    Add {
        /// Местное время (ГГГГ-ММ-ДДTЧЧ:ММ) или RFC 3339 со смещением
        from: String,
        /// 30m, 0.5h, 1h30m, 8h, 20d (рабочие дни по 8 ч); со знаком минус — вычесть
        #[arg(allow_hyphen_values = true)]
        duration: String,
    },
    /// Рабочее время между двумя моментами
    Between { from: String, to: String },
    /// Перевести файл xmlcalendar (XML) в формат календаря TOML
    ImportXml {
        file: PathBuf,
        /// Записать в ФАЙЛ вместо стандартного вывода
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

pub fn run(ctx: &Context, cmd: CalendarCommand) -> Result<u8> {
    match cmd {
        CalendarCommand::Check { file } => check(ctx, file),
        CalendarCommand::Add { from, duration } => add(ctx, &from, &duration),
        CalendarCommand::Between { from, to } => between(ctx, &from, &to),
        CalendarCommand::ImportXml { file, out } => import_xml(ctx, &file, out),
    }
}

fn check(ctx: &Context, file: Option<PathBuf>) -> Result<u8> {
    let resolved = match &file {
        Some(f) => embedded::load_file(f)?,
        None => ctx.calendar.resolved().clone(),
    };
    let mut rows = Vec::new();
    for (year, (status, source)) in &resolved.years {
        let (days, hours) = resolved.official_totals(*year);
        rows.push((*year, *status, source.clone(), days, hours));
    }
    if ctx.json {
        let arr: Vec<_> = rows
            .iter()
            .map(|(y, s, _, d, h)| {
                json!({"region": resolved.region, "year": y, "status": s.as_str(), "working_days": d, "working_hours": h})
            })
            .collect();
        output::print_json(&serde_json::Value::Array(arr));
        return Ok(0);
    }
    let mut t = output::table(vec![
        ctx.t("регион", "region"),
        ctx.t("год", "year"),
        ctx.t("статус", "status"),
        ctx.t("рабочих дней", "working days"),
        ctx.t("рабочих часов", "working hours"),
        ctx.t("источник", "source"),
    ]);
    for (y, s, src, d, h) in &rows {
        let status = match s.as_str() {
            "official" => ctx.t("утверждён", "official"),
            "unconfirmed" => ctx.t("не сверен с указом", "unconfirmed"),
            _ => ctx.t("неполный", "incomplete"),
        };
        t.add_row(vec![
            resolved.region.clone(),
            y.to_string(),
            status.into(),
            d.to_string(),
            format!("{h}"),
            src.clone(),
        ]);
    }
    output::emit(&t);
    eprintln!(
        "{} «{}» ({}): {}",
        ctx.t("календарь", "calendar"),
        resolved.name,
        resolved.timezone.name(),
        ctx.t("ошибок нет", "no errors")
    );
    Ok(0)
}

fn warn_caveat(ctx: &Context, cal: &WorkCalendar, c: crate::calendar::Caveat) -> Vec<String> {
    let w = c.warnings(cal);
    if !ctx.json {
        output::warn(ctx.lang, &w);
    }
    w.iter().map(|t| t.get(ctx.lang).to_string()).collect()
}

fn add(ctx: &Context, from: &str, duration: &str) -> Result<u8> {
    let cal = &ctx.calendar;
    let t = ctx.time_arg("FROM", from)?;
    let d = WorkingDuration::parse(duration)?;
    let (result, caveat) = cal.add(t, d)?;
    let warnings = warn_caveat(ctx, cal, caveat);
    if ctx.json {
        output::print_json(&json!({
            "from": output::rfc3339(cal, t),
            "duration_minutes": d.minutes_floor(),
            "result": output::rfc3339(cal, result),
            "warnings": warnings,
        }));
    } else {
        output::emit(output::local_minute(cal, result));
    }
    Ok(0)
}

fn between(ctx: &Context, from: &str, to: &str) -> Result<u8> {
    let cal = &ctx.calendar;
    let (a, b) = (ctx.time_arg("FROM", from)?, ctx.time_arg("TO", to)?);
    let (d, caveat) = cal.between(a, b)?;
    let warnings = warn_caveat(ctx, cal, caveat);
    if ctx.json {
        output::print_json(&json!({
            "from": output::rfc3339(cal, a),
            "to": output::rfc3339(cal, b),
            "working_minutes": d.minutes_floor(),
            "warnings": warnings,
        }));
    } else {
        output::emit(format!(
            "{} ({} {})",
            d.human(ctx.lang),
            d.minutes_floor(),
            ctx.t("мин", "min")
        ));
    }
    Ok(0)
}

fn import_xml(ctx: &Context, file: &PathBuf, out: Option<PathBuf>) -> Result<u8> {
    let name = file.display().to_string();
    let text = std::fs::read_to_string(file).map_err(|e| {
        Error::bad_input(
            Location::file(&name),
            tr!("не удалось прочитать файл: {e}", "cannot read the file: {e}"),
        )
    })?;
    let year = xml::parse(&name, &text)?;
    let file_name = file
        .file_name()
        .map(|f| f.to_string_lossy().to_string())
        .unwrap_or_default();
    let toml_text = year.to_toml(&file_name);
    // The result must load as a calendar of its own before anyone relies on it.
    crate::calendar::CalendarFile::parse(&name, &toml_text)?.resolve(&name, None)?;
    match out {
        Some(path) => {
            std::fs::write(&path, &toml_text).map_err(|e| {
                Error::bad_input(
                    Location::file(path.display().to_string()),
                    tr!("не удалось записать файл: {e}", "cannot write the file: {e}"),
                )
            })?;
            eprintln!(
                "{} {} → {}",
                ctx.t("календарь на", "calendar for"),
                year.year,
                path.display()
            );
        }
        None => output::emit(toml_text.trim_end()),
    }
    Ok(0)
}
