//! Tables written for people who open them in Excel: CSV (UTF-8 with BOM, `;`, CRLF)
//! and XLSX (bold frozen header, real date cells, sensible column widths).

use std::io::Write;
use std::path::Path;

use chrono::{Datelike, NaiveDateTime, Timelike};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

use crate::{Error, Result};

/// A cell of an XLSX export.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    /// Local time, written as an Excel date with the format `dd.mm.yyyy hh:mm`.
    DateTime(NaiveDateTime),
    Empty,
}

/// Columns are never narrower or wider than this (in characters).
const MIN_WIDTH: usize = 6;
const MAX_WIDTH: usize = 60;
/// Width of `dd.mm.yyyy hh:mm`.
const DATETIME_WIDTH: usize = 16;

/// CSV as Russian Excel opens it by double-click: UTF-8 with BOM, `;`, CRLF,
/// values quoted only when they hold `;`, a quote or a line break.
pub fn write_csv_excel<W: Write>(out: W, headers: &[&str], rows: impl Iterator<Item = Vec<String>>) -> Result<()> {
    let mut w = ExcelCsv::new(out, headers)?;
    for row in rows {
        w.row(&row)?;
    }
    w.finish()
}

/// The same CSV written a row at a time, for tables too large to hold in memory.
pub struct ExcelCsv<W: Write> {
    w: csv::Writer<W>,
}

impl<W: Write> ExcelCsv<W> {
    /// Writes the BOM and the header row.
    pub fn new(mut out: W, headers: &[&str]) -> Result<Self> {
        out.write_all(b"\xEF\xBB\xBF").map_err(write_error)?;
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .quote_style(csv::QuoteStyle::Necessary)
            .from_writer(out);
        w.write_record(headers).map_err(csv_error)?;
        Ok(ExcelCsv { w })
    }

    pub fn row<S: AsRef<[u8]>>(&mut self, row: &[S]) -> Result<()> {
        self.w.write_record(row).map_err(csv_error)
    }

    pub fn finish(mut self) -> Result<()> {
        self.w.flush().map_err(write_error)
    }
}

/// One sheet named `sheet` with a bold header row frozen at the top.
pub fn write_xlsx(path: &Path, sheet: &str, headers: &[&str], rows: impl Iterator<Item = Vec<Cell>>) -> Result<()> {
    build_xlsx(path, sheet, headers, rows)
        .map_err(|e| Error::Internal(anyhow::Error::new(e).context(format!("writing {}", path.display()))))
}

fn build_xlsx(
    path: &Path,
    sheet: &str,
    headers: &[&str],
    rows: impl Iterator<Item = Vec<Cell>>,
) -> std::result::Result<(), XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let datetime = Format::new().set_num_format("dd.mm.yyyy hh:mm");
    let integer = Format::new().set_num_format("0");
    let wrap = Format::new().set_text_wrap();
    let ws = book.add_worksheet();
    ws.set_name(sheet)?;
    let mut widths: Vec<usize> = headers.iter().map(|h| text_width(h)).collect();
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, col(c)?, *h, &bold)?;
    }
    ws.set_freeze_panes(1, 0)?;
    for (i, row) in rows.enumerate() {
        let r = u32::try_from(i + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
        for (c, cell) in row.into_iter().enumerate() {
            let width = match cell {
                Cell::Text(s) if s.contains('\n') => {
                    ws.write_string_with_format(r, col(c)?, &s, &wrap)?;
                    text_width(&s)
                }
                Cell::Text(s) => {
                    ws.write_string(r, col(c)?, &s)?;
                    text_width(&s)
                }
                Cell::Int(n) => {
                    ws.write_number_with_format(r, col(c)?, n as f64, &integer)?;
                    n.to_string().len()
                }
                Cell::DateTime(at) => {
                    ws.write_datetime_with_format(r, col(c)?, excel_datetime(at)?, &datetime)?;
                    DATETIME_WIDTH
                }
                Cell::Empty => 0,
            };
            if widths.len() <= c {
                widths.resize(c + 1, 0);
            }
            widths[c] = widths[c].max(width);
        }
    }
    for (c, w) in widths.into_iter().enumerate() {
        ws.set_column_width(col(c)?, (w.clamp(MIN_WIDTH, MAX_WIDTH) + 2) as f64)?;
    }
    book.save(path)
}

fn col(c: usize) -> std::result::Result<u16, XlsxError> {
    u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)
}

/// The longest line, in characters.
fn text_width(s: &str) -> usize {
    s.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

fn excel_datetime(at: NaiveDateTime) -> std::result::Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(at.year()).map_err(|_| XlsxError::DateTimeRangeError(at.to_string()))?;
    ExcelDateTime::from_ymd(year, at.month() as u8, at.day() as u8)?.and_hms(
        at.hour() as u16,
        at.minute() as u8,
        at.second(),
    )
}

fn write_error(e: std::io::Error) -> Error {
    Error::Internal(anyhow::Error::new(e).context("writing the export"))
}

fn csv_error(e: csv::Error) -> Error {
    Error::Internal(anyhow::Error::new(e).context("writing the export"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Reader};

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn csv_opens_in_russian_excel() {
        let mut out = Vec::new();
        let rows = vec![
            vec![
                "184502".to_string(),
                "Снег; лёд\nна дороге".to_string(),
                "с. Пестрецы".to_string(),
            ],
            vec!["184517".to_string(), "Фонари \"не горят\"".to_string(), String::new()],
        ];
        write_csv_excel(&mut out, &["ID", "Текст", "Населённый пункт"], rows.into_iter()).unwrap();
        assert!(out.starts_with(b"\xEF\xBB\xBF"));
        let text = String::from_utf8(out[3..].to_vec()).unwrap();
        assert_eq!(
            text,
            "ID;Текст;Населённый пункт\r\n\
             184502;\"Снег; лёд\nна дороге\";с. Пестрецы\r\n\
             184517;\"Фонари \"\"не горят\"\"\";\r\n"
        );
    }

    #[test]
    fn csv_round_trips_through_the_import_reader() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export.csv");
        let rows = vec![vec![
            "1".to_string(),
            "15.01.2026 09:00".to_string(),
            "Снег; лёд\r\nна дороге".to_string(),
        ]];
        let file = std::fs::File::create(&path).unwrap();
        write_csv_excel(file, &["ID", "Дата создания", "Текст"], rows.into_iter()).unwrap();
        let src = crate::import::open(&path, &Default::default()).unwrap();
        assert_eq!((src.encoding, src.delimiter), ("utf-8", Some(b';')));
        let row = src.rows.map(Result::unwrap).next().unwrap();
        assert_eq!(row.get(crate::import::Field::Text), Some("Снег; лёд\r\nна дороге"));
    }

    #[test]
    fn xlsx_has_header_and_real_datetimes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export.xlsx");
        let rows = vec![
            vec![
                Cell::Int(184502),
                Cell::DateTime(at("2026-01-15 08:47")),
                Cell::Text("Снег на Советской\nв Пестрецах".into()),
            ],
            vec![Cell::Int(184517), Cell::Empty, Cell::Text("Фонари в Шали".into())],
        ];
        write_xlsx(&path, "Сообщения", &["ID", "Дата создания", "Текст"], rows.into_iter()).unwrap();

        let mut book = calamine::open_workbook_auto(&path).unwrap();
        assert_eq!(book.sheet_names(), ["Сообщения"]);
        let range = book.worksheet_range("Сообщения").unwrap();
        assert_eq!(range.get((0, 0)), Some(&Data::String("ID".into())));
        assert_eq!(range.get((0, 1)), Some(&Data::String("Дата создания".into())));
        assert_eq!(range.get((1, 0)), Some(&Data::Float(184502.0)));
        let Some(Data::DateTime(dt)) = range.get((1, 1)) else {
            panic!("not a datetime: {:?}", range.get((1, 1)))
        };
        assert_eq!(
            crate::import::excel_serial_to_text(dt.as_f64()).as_deref(),
            Some("2026-01-15 08:47:00")
        );
        assert_eq!(range.get((2, 1)), Some(&Data::Empty));
        assert_eq!(
            range.get((1, 2)),
            Some(&Data::String("Снег на Советской\nв Пестрецах".into()))
        );

        // And the import reader takes it back.
        use crate::import::Field;
        let src = crate::import::open(&path, &Default::default()).unwrap();
        let rows: Vec<_> = src.rows.map(Result::unwrap).collect();
        assert_eq!(rows[0].get(Field::ExternalId), Some("184502"));
        assert_eq!(rows[0].get(Field::DetectedAt), Some("2026-01-15 08:47:00"));
        assert_eq!(rows[1].get(Field::DetectedAt), None);
    }

    #[test]
    fn bad_sheet_name_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.xlsx");
        assert!(write_xlsx(&path, "a/b:c", &["ID"], std::iter::empty()).is_err());
    }
}
