//! Readers for monitoring exports (CSV, XLSX): encodings, separators, header aliases.
//!
//! [`open`] reads the header row, matches columns to [`Field`]s and hands back a
//! [`Source`] whose `rows` stream the records one by one: a CSV file is decoded while
//! it is read and never held in memory whole. The readers check the *shape* of the
//! file (columns, field counts, encoding, truncation); the values themselves (dates,
//! ids) are checked by whoever consumes the rows.

// `crate::Error` is large (a `Location` and two strings inline); boxing it is a matter for
// `error.rs`, which every module shares, so the lint is silenced here rather than worked around.

mod columns;
mod csv_reader;
mod excel_cell;
mod field;
mod sniff;
mod xlsx_reader;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod xlsx_tests;

use std::io::Read;
use std::path::Path;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

pub use columns::Row;
pub use excel_cell::excel_serial_to_text;
pub use field::{normalize_header, parse_field_name, Field};
pub use sniff::parse_delimiter;

use crate::Result;

/// How to read a file; every `None` means «detect».
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// `utf-8` or `windows-1251` (CSV only).
    pub encoding: Option<String>,
    /// `;`, `,` or `\t` (CSV only).
    pub delimiter: Option<u8>,
    /// Sheet name (XLSX only); the first sheet by default.
    pub sheet: Option<String>,
    /// `--map FIELD=COLUMN`, taking precedence over header aliases.
    pub map: Vec<(Field, String)>,
}

/// An opened export: what was detected, and its rows as a stream.
pub struct Source {
    /// The file name as given, for messages.
    pub file: String,
    /// `csv`, `xlsx` (or `xls` for an old binary workbook).
    pub format: &'static str,
    /// `utf-8` or `windows-1251` for CSV; for workbooks the same as `format`.
    pub encoding: &'static str,
    /// The CSV separator; `None` for workbooks.
    pub delimiter: Option<u8>,
    /// The header row as written in the file (trimmed).
    pub headers: Vec<String>,
    /// Headers that hold none of our fields (worth a warning, not an error).
    pub unknown_columns: Vec<String>,
    /// For each field (by position in [`Field::ALL`]), its column.
    column_of: Vec<Option<usize>>,
    /// The records after the header, in file order. An `Err` names file, line and
    /// column; after a truncation or read error the stream ends.
    pub rows: Box<dyn Iterator<Item = Result<Row>>>,
    /// File size, for a progress bar.
    pub total_bytes: Option<u64>,
    /// Bytes of the file consumed so far, growing while `rows` is read (for XLSX an
    /// estimate from the share of sheet rows read; `.xls` is loaded at `open`).
    pub bytes_read: Arc<AtomicU64>,
}

impl Source {
    /// The header actually used for a field, for error messages.
    pub fn column_of(&self, f: Field) -> Option<&str> {
        let idx = self.column_of[Field::ALL.iter().position(|x| *x == f)?]?;
        self.headers.get(idx).map(String::as_str)
    }
}

impl std::fmt::Debug for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Source")
            .field("file", &self.file)
            .field("format", &self.format)
            .field("encoding", &self.encoding)
            .field("delimiter", &self.delimiter.map(char::from))
            .field("headers", &self.headers)
            .field("unknown_columns", &self.unknown_columns)
            .field("total_bytes", &self.total_bytes)
            .finish_non_exhaustive()
    }
}

/// Opens an export: a workbook (recognised by its content, whatever its extension)
/// or a CSV file. Reads the header row and matches the columns; rows are read lazily.
pub fn open(path: &Path, opts: &ReadOptions) -> Result<Source> {
    let file_name = path.display().to_string();
    let mut file = std::fs::File::open(path).map_err(|e| csv_reader::io_error(&file_name, e))?;
    let mut magic = [0u8; 8];
    let n = (&mut file)
        .take(8)
        .read(&mut magic)
        .map_err(|e| csv_reader::io_error(&file_name, e))?;
    let magic = &magic[..n];
    if magic.starts_with(b"PK\x03\x04") {
        return xlsx_reader::open_xlsx(path, &file_name, "xlsx", opts);
    }
    if magic.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return xlsx_reader::open_xlsx(path, &file_name, "xls", opts);
    }
    let is_sheet = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["xlsx", "xlsm", "xls"].contains(&e.to_ascii_lowercase().as_str()));
    if is_sheet {
        // Named like a workbook but not one: let calamine say what is wrong.
        return xlsx_reader::open_xlsx(path, &file_name, "xlsx", opts);
    }
    csv_reader::open_csv(&file_name, file, opts)
}
