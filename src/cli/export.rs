//! `poryadok export [--format csv|xlsx] [--out FILE]`: messages with their states,
//! deadlines and outcomes, opening cleanly in Excel.

use std::path::PathBuf;

use crate::context::Context;
use crate::error::{Error, Location, Result};
use crate::report::{export, export_writer};
use crate::store::Store;
use crate::tr;

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Format {
    /// UTF-8 с BOM, `;`, CRLF
    Csv,
    /// Книга Excel (нужен --out)
    Xlsx,
}

#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value = "csv")]
    pub format: Format,
    /// Записать в ФАЙЛ (по умолчанию — стандартный вывод; для XLSX нужен файл)
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

pub fn run(ctx: &Context, a: ExportArgs) -> Result<u8> {
    let store = Store::open(&ctx.db_path)?;
    let headers = export::headers(ctx.lang);
    let mut n = 0usize;
    let cannot = |p: &PathBuf, e: std::io::Error| {
        Error::bad_input(
            Location::file(p.display().to_string()),
            tr!("не удалось записать файл: {e}", "cannot write the file: {e}"),
        )
    };
    let rows = |sink: &mut dyn FnMut(Vec<export_writer::Cell>) -> Result<()>| {
        export::for_each_row(&store.conn, &ctx.calendar, ctx.lang, ctx.now, sink)
    };
    match (a.format, &a.out) {
        (Format::Xlsx, None) => {
            return Err(Error::Usage(tr!(
                "для XLSX укажите файл: --out messages.xlsx",
                "XLSX needs a file: --out messages.xlsx"
            )))
        }
        (Format::Xlsx, Some(p)) => {
            // A workbook is built in memory by its writer anyway (and Excel stops at
            // 1,048,576 rows); CSV below streams.
            let mut all = Vec::new();
            rows(&mut |r| {
                all.push(r);
                Ok(())
            })?;
            n = all.len();
            export_writer::write_xlsx(p, ctx.t("Сообщения", "Messages"), &headers, all.into_iter())?;
        }
        (Format::Csv, out) => {
            let sink: Box<dyn std::io::Write> = match out {
                Some(p) => Box::new(std::fs::File::create(p).map_err(|e| cannot(p, e))?),
                None => Box::new(std::io::stdout().lock()),
            };
            let written = export_writer::ExcelCsv::new(std::io::BufWriter::new(sink), &headers).and_then(|mut w| {
                rows(&mut |r| {
                    n += 1;
                    w.row(&r.iter().map(export::cell_text).collect::<Vec<_>>())
                })?;
                w.finish()
            });
            match written {
                Err(e) if out.is_none() && e.is_broken_pipe() => return Ok(0),
                other => other?,
            }
        }
    }
    if let Some(p) = &a.out {
        eprintln!(
            "{}: {n} → {}",
            ctx.t("выгружено сообщений", "messages exported"),
            p.display()
        );
    }
    Ok(0)
}
