//! Splitting an answer into folded tokens and sentences, keeping byte offsets so that
//! every finding can quote the original text.

/// Lowercases and treats «ё» as «е»: the form every pattern and token is compared in.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match fold_common(c) {
            Some(l) => out.push(l),
            None => {
                for l in c.to_lowercase() {
                    out.push(if l == 'ё' { 'е' } else { l });
                }
            }
        }
    }
    out
}

/// Fast path of [`fold`] for ASCII and the Russian alphabet, which are nearly all the
/// text the tool sees (the standard library takes a slow table lookup for Cyrillic).
#[inline]
fn fold_common(c: char) -> Option<char> {
    match c {
        'A'..='Z' => Some(c.to_ascii_lowercase()),
        '\0'..='\x7f' | 'а'..='я' => Some(c),
        'А'..='Я' => char::from_u32(c as u32 + 32),
        'ё' | 'Ё' => Some('е'),
        _ => None,
    }
}

/// `char::is_alphanumeric`, answering ASCII and the Russian alphabet without the
/// Unicode table lookup (Tatar letters and everything else go through it).
#[inline]
fn is_word_char(c: char) -> bool {
    match c {
        '\0'..='\x7f' => c.is_ascii_alphanumeric(),
        'а'..='я' | 'А'..='Я' | 'ё' | 'Ё' => true,
        _ => c.is_alphanumeric(),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    /// Digits only: `15`, `2027`.
    Number,
    /// `10.12` or `10.12.2026`.
    Date,
    /// `10:00`.
    Time,
}

#[derive(Clone, Debug)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub folded: String,
    pub kind: TokenKind,
}

/// Words are runs of letters and digits; dots and colons between digits stay inside
/// (`10.12.2026`, `9:00`); everything else separates.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 6);
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !is_word_char(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut prev = c;
        while let Some(&(i, n)) = chars.peek() {
            let joins_digits = (n == '.' || n == ':')
                && prev.is_ascii_digit()
                && text[i + 1..].chars().next().is_some_and(|d| d.is_ascii_digit());
            if is_word_char(n) || joins_digits {
                end = i + n.len_utf8();
                prev = n;
                chars.next();
            } else {
                break;
            }
        }
        let raw = &text[start..end];
        tokens.push(Token {
            start,
            end,
            folded: fold(raw),
            kind: classify(raw),
        });
    }
    tokens
}

fn classify(raw: &str) -> TokenKind {
    if raw.bytes().all(|b| b.is_ascii_digit()) {
        return TokenKind::Number;
    }
    if !raw.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b':') {
        return TokenKind::Word;
    }
    let parts: Vec<u32> = raw.split(['.', ':']).filter_map(|p| p.parse().ok()).collect();
    if raw.contains(':') {
        return match parts.as_slice() {
            [h, m] if *h <= 24 && *m < 60 => TokenKind::Time,
            _ => TokenKind::Word,
        };
    }
    match parts.as_slice() {
        [d, m] | [d, m, _] if (1..=31).contains(d) && (1..=12).contains(m) => TokenKind::Date,
        _ => TokenKind::Word,
    }
}

/// Short abbreviations after which a dot does not end a sentence (`ул. Ленина`).
const ABBREVIATIONS: &[&str] = &[
    "ул", "д", "ст", "г", "с", "п", "пр", "пер", "каб", "тел", "им", "т", "обл", "р", "мкр", "пгт", "эт", "кв",
];

/// Sentence number of every token. A sentence ends at `!`, `?`, `…`, a line break, or a
/// dot followed by a capital letter that does not follow a known abbreviation.
pub fn sentence_ids(text: &str, tokens: &[Token]) -> Vec<usize> {
    let mut ids = Vec::with_capacity(tokens.len());
    let mut id = 0;
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 {
            let prev = &tokens[i - 1];
            let gap = &text[prev.end..t.start];
            let hard = gap.contains(['!', '?', '…', '\n']);
            let dot = gap.contains('.')
                && text[t.start..].chars().next().is_some_and(char::is_uppercase)
                && !ABBREVIATIONS.contains(&prev.folded.as_str());
            if hard || dot {
                id += 1;
            }
        }
        ids.push(id);
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_dates_and_times_whole() {
        let toks = tokenize("До 10.12.2026, с 9:00. Ёлка — 131-ФЗ.");
        let folded: Vec<&str> = toks.iter().map(|t| t.folded.as_str()).collect();
        assert_eq!(folded, ["до", "10.12.2026", "с", "9:00", "елка", "131", "фз"]);
        assert_eq!(toks[1].kind, TokenKind::Date);
        assert_eq!(toks[3].kind, TokenKind::Time);
        assert_eq!(toks[5].kind, TokenKind::Number);
    }

    #[test]
    fn sentences_split_but_not_after_abbreviations() {
        let text = "Мы были на ул. Ленина. Всё убрали! Спасибо";
        let toks = tokenize(text);
        assert_eq!(sentence_ids(text, &toks), [0, 0, 0, 0, 0, 1, 1, 2]);
    }
}

#[cfg(test)]
mod fast_path_tests {
    use super::*;

    #[test]
    fn fast_paths_agree_with_the_standard_library() {
        for c in ('\0'..='\u{52f}').chain(['ә', 'Ә', 'ө', 'ү', 'җ', 'ң', 'һ', 'Һ', '№', '—', '«']) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
            if let Some(l) = fold_common(c) {
                let std: String = c.to_lowercase().map(|l| if l == 'ё' { 'е' } else { l }).collect();
                assert_eq!(l.to_string(), std, "{c:?}");
            }
        }
        assert_eq!(fold("ЁЛКА Ёжик ӘЙЕ Hello"), "елка ежик әйе hello");
    }
}
