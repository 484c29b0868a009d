//! The phrase lists: bundled `rules/phrases.toml` plus the user's `[lint]` settings.
//! The file format is documented at the top of `rules/phrases.toml`.

use std::sync::OnceLock;

use serde::Deserialize;

use super::matcher::{self, Matcher};
use super::Severity;
use crate::error::{Error, Location, Result};
use crate::text::Text;
use crate::tr;

const BUNDLED: &str = include_str!("../../../rules/phrases.toml");

/// Clauses a phrase may cite; `Finding::clause` is `&'static str`, so user input is
/// mapped onto this list.
const CLAUSES: [&str; 5] = ["1.4", "1.5", "3.9", "3.11", "3.12"];

/// Lists of words that are not faults but that the structural checks look for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    Greeting,
    TimeFrame,
    Redirect,
    Contact,
    Reason,
    Justification,
    FinalAnswer,
}

/// What a pattern in the answer matcher stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    Phrase(usize),
    Marker(Marker),
}

/// One `[[phrases]]` entry: a fault to report whenever one of its patterns occurs.
#[derive(Clone, Debug)]
pub struct PhraseEntry {
    pub clause: &'static str,
    pub severity: Severity,
    pub label: Text,
    pub hint: Text,
    pub patterns: Vec<String>,
}

/// Phrase lists compiled for matching. Build with [`PhraseBook::bundled`] or
/// [`PhraseBook::with_extra`].
#[derive(Clone, Debug)]
pub struct PhraseBook {
    pub(crate) entries: Vec<PhraseEntry>,
    markers: Vec<(Marker, String)>,
    /// Everything checked in an answer: non-1.4 phrases and all markers.
    pub(crate) answer: Matcher<Tag>,
    /// п. 1.4 phrases, checked in citizens' messages at import.
    pub(crate) forbidden: Matcher<usize>,
    /// The folded literal start of every п. 1.4 pattern: a message containing none of
    /// them cannot match, so an import skips tokenizing it. `None` when some pattern
    /// starts with a wildcard.
    pub(crate) forbidden_stems: Option<Vec<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawBook {
    #[serde(default)]
    phrases: Vec<RawPhrase>,
    #[serde(default)]
    markers: RawMarkers,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawMarkers {
    #[serde(default)]
    greeting: Vec<String>,
    #[serde(default)]
    time_frame: Vec<String>,
    #[serde(default)]
    redirect: Vec<String>,
    #[serde(default)]
    contact: Vec<String>,
    #[serde(default)]
    reason: Vec<String>,
    #[serde(default)]
    justification: Vec<String>,
    #[serde(default)]
    final_answer: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPhrase {
    clause: String,
    severity: String,
    #[serde(default)]
    pattern: Option<String>,
    #[serde(default)]
    patterns: Vec<String>,
    #[serde(default)]
    label: Option<String>,
    #[serde(default)]
    label_en: Option<String>,
    hint: String,
    #[serde(default)]
    hint_en: Option<String>,
}

impl PhraseBook {
    /// The lists shipped in the binary (`rules/phrases.toml`).
    pub fn bundled() -> PhraseBook {
        static BOOK: OnceLock<PhraseBook> = OnceLock::new();
        BOOK.get_or_init(|| {
            let raw: RawBook = toml::from_str(BUNDLED).expect("rules/phrases.toml is valid TOML");
            let mut book = PhraseBook::empty();
            book.merge(raw).expect("rules/phrases.toml follows its format");
            book
        })
        .clone()
    }

    /// The bundled lists plus the user's `[lint]` table from `poryadok.toml`
    /// (same shape as `rules/phrases.toml`: `[[lint.phrases]]`, `[lint.markers]`).
    pub fn with_extra(extra: &toml::Table) -> Result<PhraseBook> {
        let mut book = PhraseBook::bundled();
        let raw: RawBook = toml::Value::Table(extra.clone())
            .try_into()
            .map_err(|e: toml::de::Error| {
                bad_settings(tr!("неверный формат: {}", "wrong format: {}", e.message().trim()))
            })?;
        book.merge(raw)?;
        Ok(book)
    }

    /// Every `[[phrases]]` entry, bundled first.
    pub fn entries(&self) -> &[PhraseEntry] {
        &self.entries
    }

    fn empty() -> PhraseBook {
        PhraseBook {
            entries: Vec::new(),
            markers: Vec::new(),
            answer: Matcher::default(),
            forbidden: Matcher::default(),
            forbidden_stems: None,
        }
    }

    fn merge(&mut self, raw: RawBook) -> Result<()> {
        for (n, p) in raw.phrases.into_iter().enumerate() {
            let entry = convert(p).map_err(|problem| {
                bad_settings(tr!("phrases, запись {}: {}", "phrases, entry {}: {}", n + 1, problem))
            })?;
            self.entries.push(entry);
        }
        let m = raw.markers;
        for (kind, list) in [
            (Marker::Greeting, m.greeting),
            (Marker::TimeFrame, m.time_frame),
            (Marker::Redirect, m.redirect),
            (Marker::Contact, m.contact),
            (Marker::Reason, m.reason),
            (Marker::Justification, m.justification),
            (Marker::FinalAnswer, m.final_answer),
        ] {
            for p in list {
                matcher::validate(&p).map_err(|e| bad_settings(tr!("markers, «{p}»: {e}", "markers, «{p}»: {e}")))?;
                self.markers.push((kind, p));
            }
        }
        self.compile();
        Ok(())
    }

    fn compile(&mut self) {
        let mut answer = Matcher::default();
        let mut forbidden = Matcher::default();
        let mut stems = Some(Vec::new());
        for (i, e) in self.entries.iter().enumerate() {
            for p in &e.patterns {
                if e.clause == "1.4" {
                    forbidden.add(p, i);
                    let first = p.split_whitespace().next().unwrap_or_default().trim_end_matches('*');
                    if first.is_empty() || first.starts_with(['#', '*']) {
                        stems = None;
                    } else if let Some(list) = stems.as_mut() {
                        list.push(super::scan::fold(first));
                    }
                } else {
                    answer.add(p, Tag::Phrase(i));
                }
            }
        }
        for (kind, p) in &self.markers {
            answer.add(p, Tag::Marker(*kind));
        }
        self.answer = answer;
        self.forbidden = forbidden;
        self.forbidden_stems = stems;
    }
}

fn bad_settings(problem: Text) -> Error {
    Error::bad_input(Location::file("[lint]"), problem)
}

fn convert(p: RawPhrase) -> std::result::Result<PhraseEntry, String> {
    let clause = CLAUSES
        .iter()
        .copied()
        .find(|c| *c == p.clause.trim())
        .ok_or_else(|| format!("пункт «{}» не из списка {}", p.clause, CLAUSES.join(", ")))?;
    let severity = match p.severity.as_str() {
        "error" => Severity::Error,
        "warning" => Severity::Warning,
        other => return Err(format!("severity «{other}»: ожидается error или warning")),
    };
    let mut patterns = p.patterns;
    patterns.extend(p.pattern);
    if patterns.is_empty() {
        return Err("нет ни pattern, ни patterns".into());
    }
    for pat in &patterns {
        matcher::validate(pat).map_err(|e| format!("«{pat}»: {e}"))?;
    }
    let (label_ru, label_en) = match clause {
        "1.4" => ("возможно, недопустимое содержание", "possibly forbidden content"),
        _ => ("нежелательный оборот", "unwanted wording"),
    };
    let label_ru_owned = p.label.unwrap_or_else(|| label_ru.to_string());
    let label_en_owned = p.label_en.unwrap_or_else(|| label_en.to_string());
    let hint_en = p.hint_en.unwrap_or_else(|| p.hint.clone());
    Ok(PhraseEntry {
        clause,
        severity,
        label: Text::new(label_ru_owned, label_en_owned),
        hint: Text::new(p.hint, hint_en),
        patterns,
    })
}
