//! `poryadok report --quarter 2026Q4 [--format table|md|csv|json|xlsx] [--out FILE]`:
//! the quarterly analysis for the head of the district (п. 1.6, 1.7).

use std::io::Write;
use std::path::PathBuf;

use crate::context::Context;
use crate::error::{Error, Location, Result};
use crate::output;
use crate::report::quarter::{self, json, render, sections, Quarter};
use crate::store::Store;
use crate::tr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Таблицы в терминале
    Table,
    /// Markdown для служебной записки
    Md,
    /// Один CSV для Excel (UTF-8 с BOM, `;`) со столбцом раздела
    Csv,
    /// Документированный JSON (как --json)
    Json,
    /// Книга Excel, раздел на листе (нужен --out)
    Xlsx,
}

#[derive(clap::Args, Debug)]
pub struct ReportArgs {
    /// Квартал: 2026Q4 (также 2026-Q4, Q4 2026, 4кв2026)
    #[arg(long, value_name = "QUARTER")]
    pub quarter: String,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// Записать в ФАЙЛ (по умолчанию — стандартный вывод; для XLSX нужен файл)
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

pub fn run(ctx: &Context, a: ReportArgs) -> Result<u8> {
    let q = Quarter::parse_arg(&a.quarter)?;
    let format = if ctx.json { Format::Json } else { a.format };
    if format == Format::Xlsx && a.out.is_none() {
        return Err(Error::Usage(tr!(
            "для XLSX укажите файл: --out report-{q}.xlsx",
            "XLSX needs a file: --out report-{q}.xlsx"
        )));
    }
    let store = Store::open(&ctx.db_path)?;
    let report = quarter::build(&store.conn, &ctx.calendar, q)?;
    let parts = sections::sections(&report, ctx.lang);
    let text = match format {
        Format::Json => {
            let v = json::to_json(&report, &ctx.calendar);
            serde_json::to_string_pretty(&v).expect("JSON values serialise") + "\n"
        }
        Format::Table => render::table(&report, &parts, ctx.lang),
        Format::Md => render::markdown(&report, &parts, ctx.lang),
        Format::Csv => {
            let mut buf = Vec::new();
            render::csv(&mut buf, &parts, ctx.lang)?;
            return write_bytes(ctx, a.out.as_ref(), &buf);
        }
        Format::Xlsx => {
            let p = a.out.as_ref().expect("checked above");
            render::xlsx(p, &report, &parts, ctx.lang)?;
            written(ctx, p);
            return Ok(0);
        }
    };
    match &a.out {
        Some(_) => write_bytes(ctx, a.out.as_ref(), text.as_bytes()),
        None => {
            output::emit(text.trim_end_matches('\n'));
            Ok(0)
        }
    }
}

fn write_bytes(ctx: &Context, out: Option<&PathBuf>, bytes: &[u8]) -> Result<u8> {
    match out {
        Some(p) => {
            std::fs::write(p, bytes).map_err(|e| {
                Error::bad_input(
                    Location::file(p.display().to_string()),
                    tr!("не удалось записать файл: {e}", "cannot write the file: {e}"),
                )
            })?;
            written(ctx, p);
        }
        None => {
            // A closed pipe is not an error: the reader has what it wanted.
            let mut o = std::io::stdout().lock();
            let _ = o.write_all(bytes).and_then(|_| o.flush());
        }
    }
    Ok(0)
}

fn written(ctx: &Context, p: &std::path::Path) {
    eprintln!("{} → {}", ctx.t("отчёт записан", "report written"), p.display());
}
