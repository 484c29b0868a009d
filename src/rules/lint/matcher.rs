//! Word patterns from `rules/phrases.toml` and their matching over tokens.
//!
//! A pattern is a sequence of words separated by spaces. Each word is compared with
//! one token after folding (lowercase, «ё» → «е»):
//! `слово` — exactly this word; `слов*` — any word starting with `слов`;
//! `*` — any one word; `#` — any number; `#date` — `10.12` / `10.12.2026`;
//! `#time` — `9:00`; `#year` — a four-digit year from 1900 to 2100.
//! Punctuation between the words is ignored.

use std::collections::HashMap;

use super::scan::{fold, Token, TokenKind};

#[derive(Clone, Debug, PartialEq, Eq)]
enum WordPat {
    Exact(String),
    Prefix(String),
    Any,
    Number,
    Date,
    Time,
    Year,
}

impl WordPat {
    fn parse(word: &str) -> WordPat {
        match word {
            "*" => WordPat::Any,
            "#" => WordPat::Number,
            "#date" => WordPat::Date,
            "#time" => WordPat::Time,
            "#year" => WordPat::Year,
            w => match w.strip_suffix('*') {
                Some(stem) => WordPat::Prefix(fold(stem)),
                None => WordPat::Exact(fold(w)),
            },
        }
    }

    fn matches(&self, t: &Token) -> bool {
        match self {
            WordPat::Exact(w) => t.folded == *w,
            WordPat::Prefix(p) => t.folded.starts_with(p.as_str()),
            WordPat::Any => true,
            WordPat::Number => t.kind == TokenKind::Number,
            WordPat::Date => t.kind == TokenKind::Date,
            WordPat::Time => t.kind == TokenKind::Time,
            WordPat::Year => {
                t.kind == TokenKind::Number
                    && t.folded.len() == 4
                    && t.folded.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
            }
        }
    }
}

/// A pattern checks that its text is well formed: non-empty, and no word made of
/// punctuation only (which could never match a token).
pub fn validate(pattern: &str) -> Result<(), String> {
    let words: Vec<&str> = pattern.split_whitespace().collect();
    if words.is_empty() {
        return Err("пустой шаблон".into());
    }
    for w in words {
        let core = w.strip_suffix('*').unwrap_or(w);
        let special = matches!(w, "*" | "#" | "#date" | "#time" | "#year");
        if !special && (core.is_empty() || !core.chars().all(char::is_alphanumeric)) {
            return Err(format!("слово «{w}» не может совпасть ни с одним словом текста"));
        }
    }
    Ok(())
}

/// One occurrence: which pattern (its tag) and which tokens, `start..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit<T> {
    pub tag: T,
    pub start: usize,
    pub end: usize,
}

/// Many patterns compiled for one pass over the tokens, indexed by their first word
/// (exact words by the word, stems by the first letter).
#[derive(Clone, Debug)]
pub struct Matcher<T> {
    patterns: Vec<(Vec<WordPat>, T)>,
    by_word: HashMap<String, Vec<usize>>,
    by_first: HashMap<char, Vec<usize>>,
    unindexed: Vec<usize>,
}

impl<T> Default for Matcher<T> {
    fn default() -> Self {
        Matcher {
            patterns: Vec::new(),
            by_word: HashMap::new(),
            by_first: HashMap::new(),
            unindexed: Vec::new(),
        }
    }
}

impl<T: Copy> Matcher<T> {
    pub fn add(&mut self, pattern: &str, tag: T) {
        let words: Vec<WordPat> = pattern.split_whitespace().map(WordPat::parse).collect();
        if words.is_empty() {
            return;
        }
        let idx = self.patterns.len();
        match &words[0] {
            WordPat::Exact(w) => self.by_word.entry(w.clone()).or_default().push(idx),
            WordPat::Prefix(p) if !p.is_empty() => {
                let c = p.chars().next().expect("non-empty");
                self.by_first.entry(c).or_default().push(idx)
            }
            _ => self.unindexed.push(idx),
        }
        self.patterns.push((words, tag));
    }

    /// Every occurrence of every pattern, in token order.
    pub fn find_all(&self, tokens: &[Token]) -> Vec<Hit<T>> {
        let mut hits = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            let exact = self.by_word.get(&t.folded).into_iter().flatten();
            let stems = t.folded.chars().next().and_then(|c| self.by_first.get(&c));
            let candidates = exact.chain(stems.into_iter().flatten()).chain(self.unindexed.iter());
            for &p in candidates {
                let (words, tag) = &self.patterns[p];
                let end = i + words.len();
                if end <= tokens.len() && words.iter().zip(&tokens[i..end]).all(|(w, t)| w.matches(t)) {
                    hits.push(Hit {
                        tag: *tag,
                        start: i,
                        end,
                    });
                }
            }
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::super::scan::tokenize;
    use super::*;

    #[test]
    fn words_prefixes_numbers_and_dates_match() {
        let mut m = Matcher::default();
        m.add("доводим до вашего сведения", 1);
        m.add("данн* вопрос*", 2);
        m.add("# фз", 3);
        m.add("до #date", 4);
        m.add("в #year год*", 5);
        let text = "Доводим до Вашего сведения: по данному вопросу (№ 131-ФЗ) до 10.12.2026, в 2027 году.";
        let tags: Vec<i32> = m.find_all(&tokenize(text)).iter().map(|h| h.tag).collect();
        assert_eq!(tags, [1, 2, 3, 4, 5]);
    }

    #[test]
    fn patterns_are_validated() {
        assert!(validate("доводим до сведения").is_ok());
        assert!(validate("# фз").is_ok());
        assert!(validate("  ").is_err());
        assert!(validate("№ 131").is_err());
    }
}
