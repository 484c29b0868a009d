//! XLSX (and XLS) reader: the first sheet or a named one, cells turned into text.

use std::path::Path;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

use calamine::{Data, Range, Reader};
use chrono::{Duration, NaiveDate, NaiveDateTime};

use super::columns::ColumnMap;
use super::{ReadOptions, Row, Source};
use crate::error::Location;
use crate::{tr, Error, Result};

const TEXT_FORMAT: &str = "%Y-%m-%d %H:%M:%S";

/// An Excel serial date (1900 date system, days since 1899-12-30, with Excel's phantom
/// 29 Feb 1900) as `YYYY-MM-DD HH:MM:SS`, rounded to the second; `None` when out of range.
pub fn excel_serial_to_text(serial: f64) -> Option<String> {
    if !serial.is_finite() || !(0.0..2_958_466.0).contains(&serial) {
        return None;
    }
    // Serials below 61 count from 1899-12-31 because Excel believes 1900 was a leap year.
    let serial = if serial < 61.0 { serial + 1.0 } else { serial };
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?.and_hms_opt(0, 0, 0)?;
    let seconds = (serial * 86_400.0).round() as i64;
    let at = epoch.checked_add_signed(Duration::seconds(seconds))?;
    Some(at.format(TEXT_FORMAT).to_string())
}

/// A cell as the text the database side parses: whole numbers without `.0`,
/// dates as `YYYY-MM-DD HH:MM:SS`.
pub(crate) fn cell_text(cell: &Data) -> Option<String> {
    match cell {
        Data::Empty => None,
        Data::String(s) => Some(s.clone()),
        Data::Int(i) => Some(i.to_string()),
        Data::Float(f) => Some(number_text(*f)),
        Data::Bool(b) => Some(b.to_string()),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, mo, d, h, mi, s, ms) = dt.to_ymd_hms_milli();
            let at = NaiveDate::from_ymd_opt(y.into(), mo.into(), d.into())
                .and_then(|date| date.and_hms_opt(h.into(), mi.into(), s.into()));
            match at {
                Some(at) => {
                    let at = if ms >= 500 { at + Duration::seconds(1) } else { at };
                    Some(at.format(TEXT_FORMAT).to_string())
                }
                // 29 Feb 1900, which only Excel believes in.
                None => excel_serial_to_text(dt.as_f64()),
            }
        }
        Data::DateTime(dt) => Some(number_text(dt.as_f64())),
        Data::DateTimeIso(s) => Some(iso_text(s)),
        Data::DurationIso(s) => Some(s.clone()),
        Data::Error(e) => Some(format!("{e}")),
    }
}

fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

fn iso_text(s: &str) -> String {
    if let Ok(at) = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f") {
        return at.format(TEXT_FORMAT).to_string();
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return format!("{d} 00:00:00");
    }
    s.to_string()
}

pub(crate) fn open_xlsx(path: &Path, file_name: &str, format: &'static str, opts: &ReadOptions) -> Result<Source> {
    let loc = || Location::file(file_name);
    let total = std::fs::metadata(path).map(|m| m.len()).ok();
    let mut book = calamine::open_workbook_auto(path).map_err(|e| {
        Error::bad_input(
            loc(),
            tr!(
                "не удалось открыть файл Excel: {e}; если это CSV, дайте ему расширение .csv",
                "cannot open the Excel file: {e}; if it is a CSV, give it the .csv extension"
            ),
        )
    })?;
    let names = book.sheet_names();
    let sheet = match &opts.sheet {
        Some(want) => names.iter().find(|n| n.trim() == want.trim()).cloned().ok_or_else(|| {
            let list = names.iter().map(|n| format!("«{n}»")).collect::<Vec<_>>().join(", ");
            Error::bad_input(
                loc(),
                tr!(
                    "в книге нет листа «{want}»; листы: {list}",
                    "the workbook has no sheet «{want}»; its sheets: {list}"
                ),
            )
        })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| Error::bad_input(loc(), tr!("в книге нет ни одного листа", "the workbook has no sheets")))?,
    };
    let range = book.worksheet_range(&sheet).map_err(|e| {
        Error::bad_input(
            loc(),
            tr!(
                "не удалось прочитать лист «{sheet}»: {e}",
                "cannot read sheet «{sheet}»: {e}"
            ),
        )
    })?;
    let mut rows = XlsxRows {
        first_row: range.start().map_or(0, |(r, _)| u64::from(r)),
        range,
        next: 0,
        columns: None,
    };
    let Some((line, header_cells)) = rows.next_cells() else {
        return Err(Error::bad_input(
            loc(),
            tr!(
                "лист «{sheet}» пуст: нет строки заголовков",
                "sheet «{sheet}» is empty: there is no header row"
            ),
        ));
    };
    let headers: Vec<String> = header_cells
        .into_iter()
        .map(|h| h.unwrap_or_default().trim().to_string())
        .collect();
    let columns = ColumnMap::build(file_name, &headers, &opts.map).map_err(|e| match e {
        Error::BadInput { location, problem } => Error::BadInput {
            location: Location {
                line: Some(line),
                ..location
            },
            problem,
        },
        other => other,
    })?;
    let unknown_columns = columns.unknown.clone();
    let column_of = columns.column_of.clone();
    rows.columns = Some(columns);
    Ok(Source {
        file: file_name.to_string(),
        format,
        encoding: "xlsx",
        delimiter: None,
        headers,
        unknown_columns,
        column_of,
        rows: Box::new(rows),
        total_bytes: total,
        bytes_read: Arc::new(AtomicU64::new(total.unwrap_or(0))),
    })
}

/// The sheet's rows after the header; fully blank rows are skipped.
struct XlsxRows {
    range: Range<Data>,
    first_row: u64,
    next: usize,
    columns: Option<ColumnMap>,
}

impl XlsxRows {
    /// The next non-blank row: its sheet row number and its cells.
    fn next_cells(&mut self) -> Option<(u64, Vec<Option<String>>)> {
        let (height, width) = self.range.get_size();
        while self.next < height {
            let r = self.next;
            self.next += 1;
            let cells: Vec<Option<String>> = (0..width).map(|c| self.range.get((r, c)).and_then(cell_text)).collect();
            if cells.iter().any(|c| c.as_deref().is_some_and(|s| !s.trim().is_empty())) {
                return Some((self.first_row + r as u64 + 1, cells));
            }
        }
        None
    }
}

impl Iterator for XlsxRows {
    type Item = Result<Row>;

    fn next(&mut self) -> Option<Result<Row>> {
        let (line, cells) = self.next_cells()?;
        let columns = self.columns.as_ref()?;
        Some(Ok(columns.row(line, cells.into_iter().map(Option::unwrap_or_default))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serials() {
        assert_eq!(excel_serial_to_text(45943.5).as_deref(), Some("2025-10-13 12:00:00"));
        assert_eq!(excel_serial_to_text(46037.0).as_deref(), Some("2026-01-15 00:00:00"));
        // 10:15 is 0.427083…; rounding keeps it on the minute.
        assert_eq!(
            excel_serial_to_text(46037.0 + 615.0 / 1440.0).as_deref(),
            Some("2026-01-15 10:15:00")
        );
        assert_eq!(excel_serial_to_text(1.0).as_deref(), Some("1900-01-01 00:00:00"));
        assert_eq!(excel_serial_to_text(61.0).as_deref(), Some("1900-03-01 00:00:00"));
        assert_eq!(excel_serial_to_text(-1.0), None);
        assert_eq!(excel_serial_to_text(f64::NAN), None);
    }

    #[test]
    fn numbers_and_iso() {
        assert_eq!(cell_text(&Data::Float(123456.0)).as_deref(), Some("123456"));
        assert_eq!(cell_text(&Data::Float(1.5)).as_deref(), Some("1.5"));
        assert_eq!(cell_text(&Data::Int(7)).as_deref(), Some("7"));
        assert_eq!(cell_text(&Data::Empty), None);
        assert_eq!(
            cell_text(&Data::DateTimeIso("2026-01-15T10:15:00".into())).as_deref(),
            Some("2026-01-15 10:15:00")
        );
    }
}
