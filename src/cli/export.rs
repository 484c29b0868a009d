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
    let rows = export::rows(&store.conn, &ctx.calendar, ctx.lang, ctx.now)?;
    let n = rows.len();
    let cannot = |p: &PathBuf, e: std::io::Error| {
        Error::bad_input(
            Location::file(p.display().to_string()),
            tr!("не удалось записать файл: {e}", "cannot write the file: {e}"),
        )
    };
    match (a.format, &a.out) {
        (Format::Xlsx, None) => {
            return Err(Error::Usage(tr!(
                "для XLSX укажите файл: --out messages.xlsx",
                "XLSX needs a file: --out messages.xlsx"
            )))
        }
        (Format::Xlsx, Some(p)) => {
            export_writer::write_xlsx(p, ctx.t("Сообщения", "Messages"), &headers, rows.into_iter())?;
        }
        (Format::Csv, Some(p)) => {
            let f = std::fs::File::create(p).map_err(|e| cannot(p, e))?;
            let text_rows = rows.iter().map(|r| r.iter().map(export::cell_text).collect());
            export_writer::write_csv_excel(std::io::BufWriter::new(f), &headers, text_rows)?;
        }
        (Format::Csv, None) => {
            let text_rows = rows.iter().map(|r| r.iter().map(export::cell_text).collect());
            let out = std::io::stdout().lock();
            export_writer::write_csv_excel(std::io::BufWriter::new(out), &headers, text_rows)?;
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
