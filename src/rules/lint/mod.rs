//! Answer quality checks, by clause of the Порядок:
//!
//! * п. 3.11 — greeting, address by name, concrete dates, redirect with reason and
//!   contacts (`checks`); п. 3.9 — an interim answer names the final date;
//! * п. 3.12 — clichés, lecturing, sarcasm (phrase lists in `rules/phrases.toml`),
//!   long sentences and chains of participles (`checks`);
//! * п. 1.5 — the answer's language matches the message's (`language`);
//! * п. 1.4 — [`flag_forbidden`] marks messages that may not be considered (at import);
//! * п. 3.14 — [`normalize_for_identity`] and [`similarity`] for the identical-answer limit.
//!
//! Findings never refuse anything by themselves: the caller decides (`submit` refuses on
//! errors, `lint` exits 1).

mod checks;
mod identity;
mod language;
mod matcher;
mod phrase_book;
mod scan;
#[cfg(test)]
mod tests;

use std::cmp::Reverse;

pub use identity::{normalize_for_identity, similarity};
pub use language::{detect_language, Language};
pub use phrase_book::{PhraseBook, PhraseEntry};

use crate::rules::AnswerKind;
use crate::text::Text;
use crate::tr;
use matcher::Hit;
use phrase_book::{Marker, Tag};
use scan::Token;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }

    /// As shown to people: «ошибка» / «предупреждение».
    pub fn text(self) -> Text {
        match self {
            Severity::Error => Text::new("ошибка", "error"),
            Severity::Warning => Text::new("предупреждение", "warning"),
        }
    }
}

/// One problem in a text, by clause («3.12»), with the offending words quoted in `span`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub clause: &'static str,
    pub severity: Severity,
    pub message: Text,
    pub span: Option<String>,
}

impl Finding {
    pub fn new(clause: &'static str, severity: Severity, message: Text, span: Option<String>) -> Finding {
        Finding {
            clause,
            severity,
            message,
            span,
        }
    }
}

/// Whether any finding is an error (the draft must not be submitted as it is).
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// A draft to check and what is known about the message it answers.
#[derive(Clone, Copy, Debug)]
pub struct LintRequest<'a> {
    pub text: &'a str,
    pub kind: AnswerKind,
    /// The citizen's message, for the language check (п. 1.5).
    pub message_text: Option<&'a str>,
    /// The citizen's name, to check the address by name.
    pub author: Option<&'a str>,
    /// Why the answer is in Russian although the message is in Tatar (п. 1.5).
    pub language_fallback: Option<&'a str>,
}

/// A text split into tokens and sentences, with every pattern occurrence found.
pub(crate) struct Analysed<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub sentences: Vec<usize>,
    pub hits: Vec<Hit<Tag>>,
}

impl<'a> Analysed<'a> {
    fn new(text: &'a str, book: &PhraseBook) -> Analysed<'a> {
        let tokens = scan::tokenize(text);
        let sentences = scan::sentence_ids(text, &tokens);
        let hits = book.answer.find_all(&tokens);
        Analysed {
            text,
            tokens,
            sentences,
            hits,
        }
    }

    pub fn markers(&self, kind: Marker) -> impl Iterator<Item = &Hit<Tag>> {
        self.hits.iter().filter(move |h| h.tag == Tag::Marker(kind))
    }

    /// The original text of tokens `start..end`.
    pub fn span(&self, start: usize, end: usize) -> String {
        self.text[self.tokens[start].start..self.tokens[end - 1].end].to_string()
    }

    /// The first `n` words, as written.
    pub fn opening(&self, n: usize) -> Option<String> {
        (!self.tokens.is_empty()).then(|| self.span(0, n.min(self.tokens.len())))
    }
}

/// Checks a draft answer, interim answer or clarifying question (п. 1.5, 3.9, 3.11, 3.12).
/// Findings come in text order within each check; checks run in this order: language,
/// greeting, name, dates, redirect, phrases, readability.
pub fn lint(req: &LintRequest, book: &PhraseBook) -> Vec<Finding> {
    let a = Analysed::new(req.text, book);
    let answer_lang = language::detect_tokens(&a.tokens);
    let mut out = Vec::new();
    out.extend(language_check(answer_lang, language::has_tatar_part(&a.tokens), req));
    out.extend(checks::greeting(&a, answer_lang));
    out.extend(checks::name(&a, req.author));
    out.extend(checks::dates(&a, req.kind));
    out.extend(checks::redirect(&a));
    out.extend(phrase_findings(&a, book));
    out.extend(checks::readability(&a));
    out
}

/// п. 1.4: words suggesting content that is not considered (propaganda of war, incitement
/// of hatred, other content punishable by law). Flags for the executor, never a refusal.
pub fn flag_forbidden(text: &str, book: &PhraseBook) -> Vec<Finding> {
    if let Some(stems) = &book.forbidden_stems {
        let folded = scan::fold(text);
        if !stems.iter().any(|s| folded.contains(s.as_str())) {
            return Vec::new();
        }
    }
    let tokens = scan::tokenize(text);
    let hits: Vec<Hit<Tag>> = book
        .forbidden
        .find_all(&tokens)
        .into_iter()
        .map(|h| Hit {
            tag: Tag::Phrase(h.tag),
            start: h.start,
            end: h.end,
        })
        .collect();
    let a = Analysed {
        text,
        sentences: Vec::new(),
        tokens,
        hits,
    };
    phrase_findings(&a, book)
}

/// One finding per phrase occurrence; an occurrence inside a longer one already reported
/// («на основании вышеизложенного» and «вышеизложенного») is skipped.
fn phrase_findings(a: &Analysed, book: &PhraseBook) -> Vec<Finding> {
    let mut hits: Vec<(usize, usize, usize)> = a
        .hits
        .iter()
        .filter_map(|h| match h.tag {
            Tag::Phrase(i) => Some((h.start, h.end, i)),
            _ => None,
        })
        .collect();
    hits.sort_by_key(|&(s, e, _)| (s, Reverse(e)));
    let mut out = Vec::new();
    let mut covered = 0;
    for (start, end, i) in hits {
        if end <= covered {
            continue;
        }
        covered = end;
        let e = &book.entries[i];
        let span = a.span(start, end);
        let message = Text::new(
            format!("{} «{span}» — {}", e.label.ru, e.hint.ru),
            format!("{} «{span}» — {}", e.label.en, e.hint.en),
        );
        out.push(Finding::new(e.clause, e.severity, message, Some(span)));
    }
    out
}

/// п. 1.5: «Ответ на сообщение дается на языке сообщения. В случае невозможности … используется
/// государственный язык Российской Федерации».
/// A bilingual answer with a Tatar part answers a Tatar message.
fn language_check(answer: Language, tatar_part: bool, req: &LintRequest) -> Option<Finding> {
    let message = detect_language(req.message_text?);
    if message == answer || (message == Language::Tatar && tatar_part) {
        return None;
    }
    let fallback = req.language_fallback.map(str::trim).filter(|r| !r.is_empty());
    let (m_ru, a_ru, m_en, a_en) = (message.ru_on(), answer.ru_on(), message.en(), answer.en());
    match fallback {
        Some(reason) if answer == Language::Russian => Some(Finding::new(
            "1.5",
            Severity::Warning,
            tr!(
                "сообщение {m_ru}, ответ {a_ru}: допустимо, если ответить на языке сообщения невозможно; причина — «{reason}»",
                "the message is in {m_en}, the answer in {a_en}: allowed when answering in the message's language is impossible; reason: «{reason}»"
            ),
            None,
        )),
        _ if message == Language::Tatar => Some(Finding::new(
            "1.5",
            Severity::Error,
            tr!(
                "сообщение {m_ru}, а ответ {a_ru} — ответьте на языке сообщения или укажите, почему это невозможно (--language-fallback)",
                "the message is in {m_en} but the answer is in {a_en} — answer in the message's language or say why that is impossible (--language-fallback)"
            ),
            None,
        )),
        _ => Some(Finding::new(
            "1.5",
            Severity::Error,
            tr!(
                "сообщение {m_ru}, а ответ {a_ru} — ответьте на языке сообщения",
                "the message is in {m_en} but the answer is in {a_en} — answer in the message's language"
            ),
            None,
        )),
    }
}
