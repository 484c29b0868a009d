//! `poryadok import FILE`: the monitoring export into the database, all-or-nothing.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::atomic::Ordering;

use serde_json::json;

use crate::context::Context;
use crate::error::{Error, Location, Result};
use crate::import::{self, parse_field_name, Field, ReadOptions};
use crate::output;
use crate::rules::lint::PhraseBook;
use crate::store::Store;
use crate::tr;
use crate::workflow::intake::{intake, OnInvalid};

#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    /// Выгрузка: CSV (UTF-8, UTF-8 с BOM, Windows-1251; `;`, `,` или табуляция) или XLSX
    pub file: PathBuf,
    /// Кодировка: utf-8 | windows-1251 (по умолчанию определяется)
    #[arg(long)]
    pub encoding: Option<String>,
    /// Разделитель: ';' ',' или 'tab' (по умолчанию определяется)
    #[arg(long)]
    pub delimiter: Option<String>,
    /// Лист XLSX (по умолчанию первый)
    #[arg(long)]
    pub sheet: Option<String>,
    /// Сопоставить поле столбцу: --map text="Текст поста" (можно несколько раз)
    #[arg(long = "map", value_name = "FIELD=COLUMN")]
    pub map: Vec<String>,
    /// Загрузить верные строки, а неверные с причиной записать в --rejects
    #[arg(long, requires = "rejects")]
    pub skip_invalid: bool,
    /// Куда --skip-invalid пишет отклонённые строки (CSV, UTF-8 с BOM)
    #[arg(long, value_name = "FILE")]
    pub rejects: Option<PathBuf>,
    /// Проверить всё и сообщить, ничего не записывая
    #[arg(long)]
    pub dry_run: bool,
}

fn read_options(a: &ImportArgs) -> Result<ReadOptions> {
    let delimiter = match a.delimiter.as_deref() {
        None => None,
        Some("tab") | Some("\\t") | Some("\t") => Some(b'\t'),
        Some(";") => Some(b';'),
        Some(",") => Some(b','),
        Some(other) => {
            return Err(Error::Usage(tr!(
                "--delimiter: разделитель «{other}» не поддерживается (;  ,  tab)",
                "--delimiter: «{other}» is not supported (;  ,  tab)"
            )))
        }
    };
    let mut map = Vec::new();
    for m in &a.map {
        let (f, c) = m.split_once('=').ok_or_else(|| {
            Error::Usage(tr!(
                "--map ожидает ПОЛЕ=СТОЛБЕЦ, получено «{m}»",
                "--map expects FIELD=COLUMN, got «{m}»"
            ))
        })?;
        let field = parse_field_name(f).ok_or_else(|| {
            let known: Vec<_> = Field::ALL.iter().map(|f| f.as_str()).collect();
            Error::Usage(tr!(
                "--map: неизвестное поле «{f}»; известны: {}",
                "--map: unknown field «{f}»; known: {}",
                known.join(", ")
            ))
        })?;
        map.push((field, c.trim().to_string()));
    }
    Ok(ReadOptions {
        encoding: a.encoding.clone(),
        delimiter,
        sheet: a.sheet.clone(),
        map,
    })
}

pub fn run(ctx: &Context, a: ImportArgs) -> Result<u8> {
    let opts = read_options(&a)?;
    let mut source = import::open(&a.file, &opts)?;
    let file = source.file.clone();
    if !source.unknown_columns.is_empty() && !ctx.json {
        eprintln!(
            "{}: {}",
            ctx.t("столбцы не использованы", "columns not used"),
            source.unknown_columns.join(", ")
        );
    }
    // The fields this file has, under its own column names (for the rejects file).
    let present: Vec<(Field, String)> = Field::ALL
        .iter()
        .filter_map(|f| source.column_of(*f).map(|c| (*f, c.to_string())))
        .collect();
    let columns: Vec<(Field, String)> = Field::ALL
        .iter()
        .map(|f| (*f, source.column_of(*f).unwrap_or(f.as_str()).to_string()))
        .collect();
    let column = |f: Field| {
        columns
            .iter()
            .find(|(x, _)| *x == f)
            .map(|(_, c)| c.clone())
            .unwrap_or_default()
    };
    let bar = (!ctx.json && std::io::stderr().is_terminal())
        .then(|| source.total_bytes.filter(|b| *b > 1 << 20))
        .flatten()
        .map(|total| {
            let pb = indicatif::ProgressBar::new(total);
            pb.set_style(
                indicatif::ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {msg} ({eta})")
                    .expect("valid template"),
            );
            pb
        });
    let bytes = source.bytes_read.clone();
    let mut progress = |rows: u64| {
        if let Some(pb) = &bar {
            pb.set_position(bytes.load(Ordering::Relaxed));
            pb.set_message(format!("{rows}"));
        }
    };
    let book = PhraseBook::with_extra(&ctx.settings.lint)?;
    let on_invalid = if a.skip_invalid {
        OnInvalid::Skip
    } else {
        OnInvalid::Abort
    };
    // A dry run against a database that does not exist yet must not create one.
    let mut store = if a.dry_run && !ctx.db_path.exists() {
        Store::open_in_memory()?
    } else {
        Store::open(&ctx.db_path)?
    };
    let tx = store
        .conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let report = intake(
        &tx,
        &book,
        &ctx.calendar,
        &file,
        &mut source.rows,
        &column,
        ctx.now,
        on_invalid,
        &mut progress,
    )?;
    if let Some(pb) = &bar {
        pb.finish_and_clear();
    }
    if !a.dry_run {
        tx.execute(
            "INSERT INTO imports (file, at, rows, inserted, updated, unchanged, rejected) VALUES (?1,?2,?3,?4,?5,?6,?7)",
            rusqlite::params![
                file,
                ctx.now.timestamp(),
                report.rows as i64,
                report.inserted as i64,
                report.updated as i64,
                report.unchanged as i64,
                report.rejected.len() as i64
            ],
        )?;
        if let Some(path) = &a.rejects {
            write_rejects(ctx, path, &present, &report.rejected)?;
        }
        tx.commit()?;
    } else {
        tx.rollback()?;
    }
    let warnings = report.caveat.warnings(&ctx.calendar);
    if ctx.json {
        output::print_json(&json!({
            "file": file,
            "format": source.format,
            "encoding": source.encoding,
            "delimiter": source.delimiter.map(|d| (d as char).to_string()),
            "dry_run": a.dry_run,
            "rows": report.rows,
            "inserted": report.inserted,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "rejected": report.rejected.len(),
            "unknown_columns": source.unknown_columns,
            "topics_not_in_appendix": report.topics_not_in_appendix,
            "flagged_1_4": report.flagged_p_1_4,
            "warnings": warnings.iter().map(|w| w.get(ctx.lang)).collect::<Vec<_>>(),
        }));
    } else {
        output::warn(ctx.lang, &warnings);
        for r in &report.rejected {
            eprintln!("{}", r.error.render(ctx.lang));
        }
        if !report.flagged_p_1_4.is_empty() {
            eprintln!(
                "{}: {}",
                ctx.t(
                    "п. 1.4: проверьте, подлежат ли рассмотрению",
                    "clause 1.4: check whether these are to be considered"
                ),
                report.flagged_p_1_4.join(", ")
            );
        }
        output::emit(format!(
            "{}{file}: {} {}, {} {}, {} {}, {} {}, {} {}",
            if a.dry_run {
                ctx.t("проверка без записи: ", "dry run: ")
            } else {
                ""
            },
            ctx.t("строк", "rows"),
            report.rows,
            ctx.t("новых", "new"),
            report.inserted,
            ctx.t("изменённых", "updated"),
            report.updated,
            ctx.t("без изменений", "unchanged"),
            report.unchanged,
            ctx.t("отклонено", "rejected"),
            report.rejected.len()
        ));
    }
    Ok(0)
}

/// Each rejected row with its line and reason, then its values under the file's own
/// column names: fix the values and import this file again.
fn write_rejects(
    ctx: &Context,
    path: &PathBuf,
    columns: &[(Field, String)],
    rejected: &[crate::workflow::intake::Rejected],
) -> Result<()> {
    let f = std::fs::File::create(path).map_err(|e| {
        Error::bad_input(
            Location::file(path.display().to_string()),
            tr!("не удалось создать файл: {e}", "cannot create the file: {e}"),
        )
    })?;
    let mut headers = vec![ctx.t("строка", "line"), ctx.t("причина", "reason")];
    headers.extend(columns.iter().map(|(_, c)| c.as_str()));
    let rows = rejected.iter().map(|r| {
        let mut row = vec![r.line.to_string(), r.error.render(ctx.lang)];
        row.extend(
            columns
                .iter()
                .map(|(f, _)| r.row.get(*f).unwrap_or_default().to_string()),
        );
        row
    });
    crate::report::export_writer::write_csv_excel(std::io::BufWriter::new(f), &headers, rows)
}
