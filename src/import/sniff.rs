//! Guessing a CSV file's encoding and separator from its first bytes.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1251};

use crate::{tr, Error, Result};

/// How many bytes are looked at to guess the encoding and the separator.
pub(crate) const SNIFF_BYTES: usize = 64 * 1024;

/// The separators we recognise, in order of preference on a tie.
const SEPARATORS: [u8; 3] = [b';', b',', b'\t'];

/// An encoding we read, with the name we report it by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CsvEncoding {
    pub encoding: &'static Encoding,
    pub name: &'static str,
}

pub(crate) const UTF8: CsvEncoding = CsvEncoding {
    encoding: UTF_8,
    name: "utf-8",
};
pub(crate) const CP1251: CsvEncoding = CsvEncoding {
    encoding: WINDOWS_1251,
    name: "windows-1251",
};

/// `--encoding`: `utf-8`/`utf8`, `windows-1251`/`cp1251`/`win1251`, any case.
pub(crate) fn parse_encoding(s: &str) -> Result<CsvEncoding> {
    let n: String = s
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    match n.as_str() {
        "utf8" => Ok(UTF8),
        "windows1251" | "cp1251" | "win1251" => Ok(CP1251),
        _ => Err(Error::Usage(tr!(
            "неизвестная кодировка «{s}»: допустимы utf-8 и windows-1251",
            "unknown encoding «{s}»: use utf-8 or windows-1251"
        ))),
    }
}

/// BOM → UTF-8; valid UTF-8 → UTF-8; anything else → Windows-1251.
/// `complete` says whether `head` is the whole file (else a character cut at its end is fine).
pub(crate) fn detect_encoding(head: &[u8], complete: bool) -> CsvEncoding {
    if head.starts_with(b"\xEF\xBB\xBF") {
        return UTF8;
    }
    match std::str::from_utf8(head) {
        Ok(_) => UTF8,
        Err(e) if e.error_len().is_none() && !complete => UTF8,
        Err(_) => CP1251,
    }
}

/// The separator that occurs most often outside quotes in the header line (`;` when none does).
pub(crate) fn detect_separator(head: &[u8], enc: CsvEncoding) -> u8 {
    let (text, _) = enc.encoding.decode_with_bom_removal(head);
    let mut counts = [0usize; SEPARATORS.len()];
    let mut in_quotes = false;
    let mut seen_content = false;
    for c in text.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\r' | '\n' if !in_quotes => {
                if seen_content {
                    break;
                }
            }
            _ if in_quotes => {}
            _ => {
                seen_content = true;
                if let Some(i) = SEPARATORS.iter().position(|&s| s as char == c) {
                    counts[i] += 1;
                }
            }
        }
    }
    let best = (0..SEPARATORS.len()).fold(0, |best, i| if counts[i] > counts[best] { i } else { best });
    SEPARATORS[best]
}

/// `--delimiter`: `;`, `,`, a tab (`\t`, `tab`), or their names (`semicolon`, `comma`).
pub fn parse_delimiter(s: &str) -> Option<u8> {
    match s.to_lowercase().as_str() {
        ";" | "semicolon" => Some(b';'),
        "," | "comma" => Some(b','),
        "\t" | "\\t" | "tab" => Some(b'\t'),
        _ => None,
    }
}

/// How a separator is shown to a person.
pub(crate) fn separator_name(sep: u8) -> String {
    match sep {
        b'\t' => "\\t".to_string(),
        other => (other as char).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        assert_eq!(detect_encoding(b"\xEF\xBB\xBFID;x", true), UTF8);
        assert_eq!(detect_encoding("ID;Текст".as_bytes(), true), UTF8);
        assert_eq!(detect_encoding(b"ID;\xD2\xE5\xEA\xF1\xF2", true), CP1251);
        // A two-byte letter cut by the end of the sniffed block is still UTF-8.
        let cut = &"ID;Т".as_bytes()[..4];
        assert_eq!(detect_encoding(cut, false), UTF8);
        assert_eq!(detect_encoding(cut, true), CP1251);
        assert_eq!(parse_encoding("UTF8").unwrap(), UTF8);
        assert_eq!(parse_encoding("cp1251").unwrap(), CP1251);
        assert!(matches!(parse_encoding("koi8-r"), Err(Error::Usage(_))));
    }

    #[test]
    fn separators() {
        assert_eq!(detect_separator(b"ID;\"a,b,c\";x", UTF8), b';');
        assert_eq!(detect_separator(b"\n\nID,\"a;b;c\",x\n1;2;3;4;5", UTF8), b',');
        assert_eq!(detect_separator(b"ID\tx,y\tz\n", UTF8), b'\t');
        assert_eq!(detect_separator(b"ID\n", UTF8), b';');
        assert_eq!(detect_separator(b"\"a\nb\";c\n1,2,3,4", UTF8), b';');
        assert_eq!(parse_delimiter("TAB"), Some(b'\t'));
        assert_eq!(parse_delimiter("\\t"), Some(b'\t'));
        assert_eq!(parse_delimiter(","), Some(b','));
        assert_eq!(parse_delimiter("|"), None);
    }
}
