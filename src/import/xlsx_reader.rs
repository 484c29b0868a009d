//! XLSX (and XLS) reader: the first sheet or a named one, cells turned into text.
//!
//! An XLSX sheet is streamed cell by cell on a helper thread (calamine's cell reader
//! borrows the workbook, so the thread owns it) and handed over row by row through a
//! small bounded channel: a million-row sheet is never held in memory. Old `.xls` and
//! other formats calamine knows are loaded whole.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::Arc;

use calamine::{Data, Range, Reader, Sheets, Xlsx};

use super::columns::ColumnMap;
use super::excel_cell::cell_text;
use super::{ReadOptions, Row, Source};
use crate::error::Location;
use crate::{tr, Error, Result};

/// Rows in flight between the reading thread and the consumer.
const CHANNEL_ROWS: usize = 256;

/// A non-blank sheet row: its 1-based number and its cells by column.
type SheetRow = (u64, Vec<Option<String>>);

enum Message {
    Row(SheetRow),
    Failed(Error),
    End,
}

pub(crate) fn open_xlsx(path: &Path, file_name: &str, format: &'static str, opts: &ReadOptions) -> Result<Source> {
    let loc = || Location::file(file_name);
    let total = std::fs::metadata(path).map(|m| m.len()).ok();
    let book = calamine::open_workbook_auto(path).map_err(|e| {
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
    let bytes_read = Arc::new(AtomicU64::new(0));
    let mut feed = match book {
        Sheets::Xlsx(xlsx) => Feed::Stream {
            rx: spawn_reader(
                xlsx,
                sheet.clone(),
                file_name.to_string(),
                bytes_read.clone(),
                total.unwrap_or(0),
            ),
            finished: false,
        },
        mut other => {
            let range = other
                .worksheet_range(&sheet)
                .map_err(|e| sheet_error(file_name, &sheet, None, e))?;
            bytes_read.store(total.unwrap_or(0), Ordering::Relaxed);
            Feed::Loaded {
                first_row: range.start().map_or(0, |(r, _)| u64::from(r)),
                range,
                next: 0,
            }
        }
    };
    let (line, header_cells) = match feed.next_row() {
        Some(row) => row?,
        None => {
            return Err(Error::bad_input(
                loc(),
                tr!(
                    "лист «{sheet}» пуст: нет строки заголовков",
                    "sheet «{sheet}» is empty: there is no header row"
                ),
            ))
        }
    };
    let headers: Vec<String> = header_cells
        .into_iter()
        .map(|h| h.unwrap_or_default().trim().to_string())
        .collect();
    let columns = ColumnMap::build(file_name, &headers, &opts.map).map_err(|e| match e {
        Error::BadInput { location, problem } => Error::BadInput {
            location: Box::new(Location {
                line: Some(line),
                ..*location
            }),
            problem,
        },
        other => other,
    })?;
    Ok(Source {
        file: file_name.to_string(),
        format,
        encoding: format,
        delimiter: None,
        headers,
        unknown_columns: columns.unknown.clone(),
        column_of: columns.column_of.clone(),
        rows: Box::new(XlsxRows { feed, columns }),
        total_bytes: total,
        bytes_read,
    })
}

fn sheet_error(file: &str, sheet: &str, line: Option<u64>, e: impl std::fmt::Display) -> Error {
    let loc = Location::file(file);
    let loc = match line {
        Some(l) => loc.line(l),
        None => loc,
    };
    Error::bad_input(
        loc,
        tr!(
            "не удалось прочитать лист «{sheet}»: {e}",
            "cannot read sheet «{sheet}»: {e}"
        ),
    )
}

fn is_blank(cells: &[Option<String>]) -> bool {
    cells.iter().all(|c| c.as_deref().is_none_or(|s| s.trim().is_empty()))
}

/// Reads the sheet on its own thread, sending non-blank rows in order, then `End`.
fn spawn_reader(
    mut book: Xlsx<BufReader<File>>,
    sheet: String,
    file: String,
    progress: Arc<AtomicU64>,
    total: u64,
) -> Receiver<Message> {
    let (tx, rx) = sync_channel(CHANNEL_ROWS);
    std::thread::spawn(move || {
        let mut cells = match book.worksheet_cells_reader(&sheet) {
            Ok(cells) => cells,
            Err(e) => {
                let _ = tx.send(Message::Failed(sheet_error(&file, &sheet, None, e)));
                return;
            }
        };
        let last_row = u64::from(cells.dimensions().end.0).max(1);
        let send = |row: u32, values: Vec<Option<String>>| {
            if is_blank(&values) {
                return true;
            }
            // Rows arrive in order, so the share of rows read estimates the share of bytes.
            progress.store(total * u64::from(row) / last_row, Ordering::Relaxed);
            tx.send(Message::Row((u64::from(row) + 1, values))).is_ok()
        };
        let mut current: Option<(u32, Vec<Option<String>>)> = None;
        loop {
            match cells.next_cell() {
                Ok(Some(cell)) => {
                    let (r, c) = cell.get_position();
                    if let Some((row, values)) = current.take_if(|(row, _)| *row != r) {
                        if !send(row, values) {
                            return; // the consumer stopped reading
                        }
                    }
                    let (_, values) = current.get_or_insert_with(|| (r, Vec::new()));
                    if let Some(text) = cell_text(&Data::from(cell.get_value().clone())) {
                        let c = c as usize;
                        if values.len() <= c {
                            values.resize(c + 1, None);
                        }
                        values[c] = Some(text);
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    let line = current.map(|(r, _)| u64::from(r) + 1);
                    let _ = tx.send(Message::Failed(sheet_error(&file, &sheet, line, e)));
                    return;
                }
            }
        }
        if let Some((row, values)) = current {
            if !send(row, values) {
                return;
            }
        }
        progress.store(total, Ordering::Relaxed);
        let _ = tx.send(Message::End);
    });
    rx
}

/// Where sheet rows come from: the streaming thread, or a sheet loaded whole.
enum Feed {
    Stream {
        rx: Receiver<Message>,
        finished: bool,
    },
    Loaded {
        range: Range<Data>,
        first_row: u64,
        next: usize,
    },
}

impl Feed {
    fn next_row(&mut self) -> Option<Result<SheetRow>> {
        match self {
            Feed::Stream { rx, finished } => {
                if *finished {
                    return None;
                }
                let msg = rx.recv().unwrap_or_else(|_| {
                    Message::Failed(Error::Internal(anyhow::anyhow!(
                        "the XLSX reading thread stopped unexpectedly"
                    )))
                });
                match msg {
                    Message::Row(row) => Some(Ok(row)),
                    Message::Failed(e) => {
                        *finished = true;
                        Some(Err(e))
                    }
                    Message::End => {
                        *finished = true;
                        None
                    }
                }
            }
            Feed::Loaded { range, first_row, next } => {
                let (height, width) = range.get_size();
                while *next < height {
                    let r = *next;
                    *next += 1;
                    let cells: Vec<Option<String>> =
                        (0..width).map(|c| range.get((r, c)).and_then(cell_text)).collect();
                    if !is_blank(&cells) {
                        return Some(Ok((*first_row + r as u64 + 1, cells)));
                    }
                }
                None
            }
        }
    }
}

/// The sheet's rows after the header; fully blank rows are skipped.
struct XlsxRows {
    feed: Feed,
    columns: ColumnMap,
}

impl Iterator for XlsxRows {
    type Item = Result<Row>;

    fn next(&mut self) -> Option<Result<Row>> {
        Some(
            self.feed
                .next_row()?
                .map(|(line, cells)| self.columns.row(line, cells.into_iter().map(Option::unwrap_or_default))),
        )
    }
}
