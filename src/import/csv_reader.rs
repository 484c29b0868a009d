//! Streaming CSV reader: decodes while reading, never holds the whole file.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use encoding_rs_io::{DecodeReaderBytes, DecodeReaderBytesBuilder};

use super::columns::ColumnMap;
use super::sniff::{self, CsvEncoding};
use super::{ReadOptions, Row, Source};
use crate::error::Location;
use crate::{tr, Error, Result};

type Decoded = QuoteTracker<DecodeReaderBytes<CountingReader<File>, Vec<u8>>>;

pub(crate) fn open_csv(file_name: &str, mut file: File, opts: &ReadOptions) -> Result<Source> {
    let io_err = |e: io::Error| io_error(file_name, e);
    let total = file.metadata().map_err(io_err)?.len();
    file.seek(SeekFrom::Start(0)).map_err(io_err)?;
    let mut head = Vec::with_capacity(sniff::SNIFF_BYTES);
    (&mut file)
        .take(sniff::SNIFF_BYTES as u64)
        .read_to_end(&mut head)
        .map_err(io_err)?;
    file.seek(SeekFrom::Start(0)).map_err(io_err)?;
    let complete = (head.len() as u64) == total;

    let enc = match &opts.encoding {
        Some(name) => sniff::parse_encoding(name)?,
        None => sniff::detect_encoding(&head, complete),
    };
    let delimiter = opts.delimiter.unwrap_or_else(|| sniff::detect_separator(&head, enc));
    let bytes_read = Arc::new(AtomicU64::new(0));
    let tracker = Rc::new(RefCell::new(QuoteState::default()));
    // UTF-8 is passed through undecoded (the encoding is left unset for that: an explicit
    // UTF-8 would replace bad bytes with U+FFFD), so bad bytes are found and reported.
    let explicit = (enc != sniff::UTF8).then_some(enc.encoding);
    let decoded = DecodeReaderBytesBuilder::new()
        .encoding(explicit)
        .utf8_passthru(true)
        .strip_bom(true)
        .build(CountingReader {
            inner: file,
            count: bytes_read.clone(),
        });
    let reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(QuoteTracker {
            inner: decoded,
            delimiter,
            state: tracker.clone(),
        });
    let mut rows = CsvRows {
        file: file_name.to_string(),
        reader,
        tracker,
        line: 0,
        enc,
        delimiter,
        headers: Vec::new(),
        columns: None,
        record: csv::ByteRecord::new(),
        done: false,
    };
    let headers = rows.read_headers()?;
    let columns = ColumnMap::build(file_name, &headers, &opts.map)?;
    let unknown_columns = columns.unknown.clone();
    let column_of = columns.column_of.clone();
    rows.headers = headers.clone();
    rows.columns = Some(columns);
    Ok(Source {
        file: file_name.to_string(),
        format: "csv",
        encoding: enc.name,
        delimiter: Some(delimiter),
        headers,
        unknown_columns,
        column_of,
        rows: Box::new(rows),
        total_bytes: Some(total),
        bytes_read,
    })
}

pub(crate) fn io_error(file: &str, e: io::Error) -> Error {
    Error::bad_input(
        Location::file(file),
        tr!("не удалось прочитать файл: {e}", "cannot read the file: {e}"),
    )
}

struct CsvRows {
    file: String,
    reader: csv::Reader<Decoded>,
    tracker: Rc<RefCell<QuoteState>>,
    /// Physical line where the current record starts.
    line: u64,
    enc: CsvEncoding,
    delimiter: u8,
    headers: Vec<String>,
    columns: Option<ColumnMap>,
    record: csv::ByteRecord,
    done: bool,
}

impl CsvRows {
    fn read_headers(&mut self) -> Result<Vec<String>> {
        if !self.read()? {
            return Err(Error::bad_input(
                Location::file(&self.file),
                tr!(
                    "файл пуст: нет строки заголовков",
                    "the file is empty: there is no header row"
                ),
            ));
        }
        self.check_truncated()?;
        let cells = self.decode()?;
        Ok(cells
            .into_iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}').trim().to_string())
            .collect())
    }

    /// Reads the next record; `false` at the end of the file.
    fn read(&mut self) -> Result<bool> {
        let more = self.reader.read_byte_record(&mut self.record).map_err(|e| {
            self.done = true;
            let line = e.position().map(|p| p.line());
            let loc = Location::file(&self.file);
            let loc = match line {
                Some(l) => loc.line(l),
                None => loc,
            };
            Error::bad_input(loc, tr!("ошибка чтения CSV: {e}", "CSV read error: {e}"))
        })?;
        if more {
            // The csv crate puts a record's start right after the previous record's
            // terminator: before the `\n` of a CRLF and before blank lines. The tracker
            // saw where the record's first byte really is.
            let pos = self.record.position().map_or(0, |p| p.byte());
            let mut st = self.tracker.borrow_mut();
            while st.starts.front().is_some_and(|&(offset, _)| offset < pos) {
                st.starts.pop_front();
            }
            self.line = match st.starts.pop_front() {
                Some((_, line)) => line,
                None => self.record.position().map_or(0, |p| p.line()),
            };
        }
        Ok(more)
    }

    fn line(&self) -> u64 {
        self.line
    }

    fn column_name(&self, i: usize) -> String {
        match self.headers.get(i) {
            Some(h) if !h.is_empty() => h.clone(),
            _ => format!("№{}", i + 1),
        }
    }

    /// An unclosed quote that runs to the end of the file: the file was cut.
    fn check_truncated(&mut self) -> Result<()> {
        let st = self.tracker.borrow();
        let start = self.record.position().map_or(0, |p| p.byte());
        if !(st.eof && st.in_quotes && !st.quote_pending && start <= st.open_at) {
            return Ok(());
        }
        drop(st);
        self.done = true;
        let i = self.record.len().saturating_sub(1);
        let field = String::from_utf8_lossy(self.record.get(i).unwrap_or_default());
        let value: String = field.chars().take(40).collect();
        let value = value.replace(['\r', '\n'], " ");
        let line = self.line();
        Err(Error::bad_input(
            Location::file(&self.file).line(line).column(self.column_name(i)).value(value),
            tr!(
                "кавычка не закрыта до конца файла: файл, вероятно, обрезан (скачайте выгрузку заново)",
                "a quote is not closed before the end of the file: the file is probably truncated (download the export again)"
            ),
        ))
    }

    /// The record's fields as text; bytes that are not UTF-8 are an error.
    fn decode(&self) -> Result<Vec<String>> {
        let mut out = Vec::with_capacity(self.record.len());
        for (i, bytes) in self.record.iter().enumerate() {
            match std::str::from_utf8(bytes) {
                Ok(s) => out.push(s.to_string()),
                Err(e) => {
                    let good = String::from_utf8_lossy(&bytes[..e.valid_up_to()]);
                    let value: String = good
                        .chars()
                        .rev()
                        .take(30)
                        .collect::<Vec<_>>()
                        .into_iter()
                        .rev()
                        .collect();
                    let line = self.line();
                    let enc = self.enc.name;
                    return Err(Error::bad_input(
                        Location::file(&self.file)
                            .line(line)
                            .column(self.column_name(i))
                            .value(format!("{value}…")),
                        tr!(
                            "байты, недопустимые в кодировке {enc}, после «{value}»; если файл в Windows-1251, укажите --encoding windows-1251",
                            "bytes that are not valid {enc} after «{value}»; if the file is in Windows-1251, pass --encoding windows-1251"
                        ),
                    ));
                }
            }
        }
        Ok(out)
    }

    fn check_width(&self) -> Result<()> {
        let (n, m) = (self.record.len(), self.headers.len());
        let line = self.line();
        let sep = sniff::separator_name(self.delimiter);
        if n < m {
            let col = self.column_name(n);
            return Err(Error::bad_input(
                Location::file(&self.file).line(line).column(col),
                tr!(
                    "в записи {n} полей, а в заголовке {m}: файл, вероятно, обрезан или запись разорвана переводом строки вне кавычек",
                    "the record has {n} fields but the header has {m}: the file is probably truncated or the record is broken by a line break outside quotes"
                ),
            ));
        }
        if let Some(extra) = self.record.iter().skip(m).find(|f| !f.trim_ascii().is_empty()) {
            let value: String = String::from_utf8_lossy(extra).chars().take(40).collect();
            return Err(Error::bad_input(
                Location::file(&self.file).line(line).value(value),
                tr!(
                    "в записи {n} полей, а в заголовке {m}: вероятно, в тексте есть разделитель «{sep}» без кавычек",
                    "the record has {n} fields but the header has {m}: probably a value contains the separator «{sep}» without quotes"
                ),
            ));
        }
        Ok(())
    }

    fn next_row(&mut self) -> Result<Option<Row>> {
        loop {
            if !self.read()? {
                self.done = true;
                return Ok(None);
            }
            self.check_truncated()?;
            if self.record.iter().all(|f| f.trim_ascii().is_empty()) {
                continue; // a row of blank cells, e.g. `;;;;` left by a spreadsheet
            }
            self.check_width()?;
            let cells = self.decode()?;
            let columns = self.columns.as_ref().expect("headers are read in open_csv");
            return Ok(Some(columns.row(self.line(), cells)));
        }
    }
}

impl Iterator for CsvRows {
    type Item = Result<Row>;

    fn next(&mut self) -> Option<Result<Row>> {
        if self.done {
            return None;
        }
        self.next_row().transpose()
    }
}

/// Counts the bytes read from the file, for a progress bar.
struct CountingReader<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Where the decoded text stands with respect to CSV quoting, as the csv crate sees it:
/// a quote opens a quoted field only at the start of a field; `""` inside is a quote.
#[derive(Debug)]
struct QuoteState {
    offset: u64,
    /// Physical line (1-based) at `offset`.
    line: u64,
    at_line_start: bool,
    /// `(offset, line)` of record starts seen ahead of the csv reader.
    starts: VecDeque<(u64, u64)>,
    at_field_start: bool,
    in_quotes: bool,
    /// A quote seen inside a quoted field: the end of the field, or half of `""`.
    quote_pending: bool,
    /// Offset of the quote that opened the current quoted field.
    open_at: u64,
    eof: bool,
}

impl Default for QuoteState {
    fn default() -> Self {
        QuoteState {
            offset: 0,
            line: 1,
            at_line_start: true,
            starts: VecDeque::new(),
            at_field_start: true,
            in_quotes: false,
            quote_pending: false,
            open_at: 0,
            eof: false,
        }
    }
}

/// Watches the decoded bytes go by to notice a quoted field left open at the end of the file
/// (the csv crate silently ends such a field at EOF).
struct QuoteTracker<R> {
    inner: R,
    delimiter: u8,
    state: Rc<RefCell<QuoteState>>,
}

impl<R: Read> Read for QuoteTracker<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut st = self.state.borrow_mut();
        if n == 0 && !buf.is_empty() {
            st.eof = true;
        }
        let (bytes, d) = (&buf[..n], self.delimiter);
        let special = |b: u8| b == b'\n' || b == b'\r' || b == b'"' || b == d;
        let mut i = 0;
        while i < n {
            if special(bytes[i]) || st.at_line_start || st.quote_pending {
                st.step(bytes[i], d);
                i += 1;
                continue;
            }
            // A run of ordinary bytes changes nothing but the offset (and, outside
            // quotes, that a field has started): skip it in one go.
            let end = bytes[i..].iter().position(|&b| special(b)).map_or(n, |p| i + p);
            st.offset += (end - i) as u64;
            if !st.in_quotes {
                st.at_field_start = false;
            }
            i = end;
        }
        Ok(n)
    }
}

impl QuoteState {
    fn step(&mut self, b: u8, delimiter: u8) {
        let offset = self.offset;
        self.offset += 1;
        if b == b'\n' {
            self.line += 1;
        }
        if self.in_quotes {
            if !self.quote_pending {
                self.quote_pending = b == b'"';
                return;
            }
            self.quote_pending = false;
            if b == b'"' {
                return; // `""`: a quote inside the field
            }
            self.in_quotes = false;
            self.at_field_start = false;
        }
        let line_end = b == b'\n' || b == b'\r';
        if self.at_line_start && !line_end {
            self.starts.push_back((offset, self.line));
            self.at_line_start = false;
        }
        if line_end {
            self.at_line_start = true;
            self.at_field_start = true;
        } else if b == delimiter {
            self.at_field_start = true;
        } else if b == b'"' && self.at_field_start {
            self.in_quotes = true;
            self.open_at = offset;
            self.at_field_start = false;
        } else {
            self.at_field_start = false;
        }
    }
}
