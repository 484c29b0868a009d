//! What an answer must contain (п. 3.11, 3.9) and how readable it is (п. 3.12).

use std::collections::HashSet;

use super::identity::is_name_form;
use super::language::Language;
use super::phrase_book::Marker;
use super::{Analysed, Finding, Severity};
use crate::rules::AnswerKind;
use crate::tr;

/// A greeting must begin within the first few words («Мария, добрый день!»).
const GREETING_WINDOW: usize = 4;
/// п. 3.12 readability: a sentence longer than this is hard to read in a social network.
pub const MAX_SENTENCE_WORDS: usize = 35;
/// п. 3.12 readability: this many participles in one sentence make a «chain».
pub const PARTICIPLE_CHAIN: usize = 3;

/// п. 3.11: «содержать приветствие».
pub fn greeting(a: &Analysed, lang: Language) -> Option<Finding> {
    if a.markers(Marker::Greeting).any(|h| h.start < GREETING_WINDOW) {
        return None;
    }
    let example = match lang {
        Language::Tatar => "«Исәнмесез» или «Хәерле көн»",
        Language::Russian => "«Здравствуйте» или «Добрый день»",
    };
    let span = a.opening(6);
    Some(Finding::new(
        "3.11",
        Severity::Error,
        tr!(
            "нет приветствия в начале ответа — начните с {example}",
            "no greeting at the start of the answer — begin with {example}"
        ),
        span,
    ))
}

/// п. 3.11 (деловой этикет, доброжелательный тон): address the user by name.
pub fn name(a: &Analysed, author: Option<&str>) -> Option<Finding> {
    let author = author?.trim();
    let words: Vec<String> = super::scan::fold(author)
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 2 && w.chars().all(|c| !c.is_ascii()))
        .map(str::to_string)
        .collect();
    if words.is_empty()
        || a.tokens
            .iter()
            .any(|t| words.iter().any(|n| is_name_form(&t.folded, n)))
    {
        return None;
    }
    Some(Finding::new(
        "3.11",
        Severity::Warning,
        tr!(
            "нет обращения по имени — обратитесь к пользователю: «{author}»",
            "the user is not addressed by name — use «{author}»"
        ),
        None,
    ))
}

/// п. 3.11: «содержать конкретные сроки решения вопроса»; п. 3.9: an interim answer states
/// when the final answer comes and why more time is needed.
pub fn dates(a: &Analysed, kind: AnswerKind) -> Vec<Finding> {
    let mut out = Vec::new();
    let has_time = a.markers(Marker::TimeFrame).next().is_some();
    let severity = match kind {
        AnswerKind::Answer => Severity::Warning,
        AnswerKind::Interim => Severity::Error,
        AnswerKind::Clarify => return out,
    };
    if !has_time {
        out.push(Finding::new(
            "3.11",
            severity,
            tr!(
                "нет конкретного срока — укажите дату или срок («до 15 декабря», «в течение двух дней»)",
                "no concrete date or time frame — give one (“by 15 December”, “within two days”)"
            ),
            None,
        ));
    }
    if kind == AnswerKind::Interim {
        let timed: HashSet<usize> = a.markers(Marker::TimeFrame).map(|h| a.sentences[h.start]).collect();
        let promised = a
            .markers(Marker::FinalAnswer)
            .any(|h| timed.contains(&a.sentences[h.start]));
        if !promised {
            out.push(Finding::new(
                "3.9",
                Severity::Error,
                tr!(
                    "промежуточный ответ не называет срок итогового ответа — напишите, например, «О результатах сообщим до 20 декабря»",
                    "the interim answer does not say when the final answer comes — write e.g. “We will report the result by 20 December”"
                ),
                None,
            ));
        }
        let justified = a
            .markers(Marker::Justification)
            .chain(a.markers(Marker::Reason))
            .next()
            .is_some();
        if !justified {
            out.push(Finding::new(
                "3.9",
                Severity::Warning,
                tr!(
                    "промежуточный ответ не объясняет, почему нужно больше времени — добавьте причину («нужно заказать трубы, поэтому…»)",
                    "the interim answer does not explain why more time is needed — add the reason (“the pipes must be ordered, so…”)"
                ),
                None,
            ));
        }
    }
    out
}

/// п. 3.11: a redirect to another body gives the reason and that body's contacts.
pub fn redirect(a: &Analysed) -> Vec<Finding> {
    let mut out = Vec::new();
    let Some(first) = a.markers(Marker::Redirect).next() else {
        return out;
    };
    let span = a.span(first.start, first.end);
    if a.markers(Marker::Contact).next().is_none() && !has_phone_or_link(a.text) {
        out.push(Finding::new(
            "3.11",
            Severity::Error,
            tr!(
                "переадресация «{span}» без контактов — укажите телефон, адрес или ссылку организации",
                "redirect «{span}» without contacts — give the body's phone, address or link"
            ),
            Some(span.clone()),
        ));
    }
    if a.markers(Marker::Reason).next().is_none() {
        out.push(Finding::new(
            "3.11",
            Severity::Warning,
            tr!(
                "переадресация «{span}» без причины — объясните, почему вопрос решает другая организация",
                "redirect «{span}» without a reason — explain why another body decides this"
            ),
            Some(span),
        ));
    }
    out
}

/// A phone number (six or more digits written with spaces, dashes, brackets, plus) or a
/// link / e-mail address.
pub fn has_phone_or_link(text: &str) -> bool {
    let lower = text.to_lowercase();
    if ["http://", "https://", "www.", ".ru", ".рф", "vk.com", "t.me/", "@"]
        .iter()
        .any(|s| lower.contains(s))
    {
        return true;
    }
    let mut digits = 0;
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits += 1;
            if digits >= 6 {
                return true;
            }
        } else if !matches!(c, ' ' | '-' | '(' | ')' | '+' | '\u{a0}') {
            digits = 0;
        }
    }
    false
}

/// п. 3.12 (no formal, bureaucratic style): long sentences and chains of participles.
pub fn readability(a: &Analysed) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < a.tokens.len() {
        let id = a.sentences[i];
        let mut j = i;
        while j < a.tokens.len() && a.sentences[j] == id {
            j += 1;
        }
        let words = j - i;
        if words > MAX_SENTENCE_WORDS {
            let span = format!("{}…", a.span(i, (i + 8).min(j)));
            out.push(Finding::new(
                "3.12",
                Severity::Warning,
                tr!(
                    "длинное предложение ({words} слов) «{span}» — разбейте его на короткие",
                    "long sentence ({words} words) «{span}» — split it into short ones"
                ),
                Some(span),
            ));
        }
        let participles: Vec<usize> = (i..j).filter(|&k| is_participle(&a.tokens[k].folded)).collect();
        if participles.len() >= PARTICIPLE_CHAIN {
            let list: Vec<&str> = participles
                .iter()
                .map(|&k| &a.text[a.tokens[k].start..a.tokens[k].end])
                .collect();
            let span = list.join(", ");
            out.push(Finding::new(
                "3.12",
                Severity::Warning,
                tr!(
                    "цепочка причастий ({span}) — перепишите простыми глаголами",
                    "a chain of participles ({span}) — rewrite with plain verbs"
                ),
                Some(span),
            ));
        }
        i = j;
    }
    out
}

const ADJ_ENDINGS: &[&str] = &[
    "ими", "ыми", "его", "ого", "ему", "ому", "ий", "ый", "ая", "яя", "ое", "ее", "ие", "ые", "ей", "ой", "их", "ых",
    "им", "ым", "ую", "юю", "ом", "ем",
];
const PARTICIPLE_SUFFIXES: &[&str] = &["ющ", "ящ", "ащ", "вш", "нн", "ем", "им"];
/// Adjectives that look like participles.
const NOT_PARTICIPLES: &[&str] = &[
    "уважаем",
    "необходим",
    "длинн",
    "деревянн",
    "стеклянн",
    "временн",
    "военн",
    "письменн",
    "современн",
    "ценн",
    "подходящ",
    "настоящ",
    "будущ",
    "следующ",
    "бывш",
    "предыдущ",
    "текущ",
];

/// A rough test for a Russian participle: an adjective ending after one of the
/// participle suffixes (-ющ-, -ащ-, -вш-, -ем-, -им-, -нн-), excluding «-ственный» and a few
/// common adjectives.
pub fn is_participle(word: &str) -> bool {
    if word.chars().count() < 7 {
        return false;
    }
    let word = word.strip_suffix("ся").unwrap_or(word);
    let Some(stem) = ADJ_ENDINGS.iter().find_map(|e| word.strip_suffix(e)) else {
        return false;
    };
    PARTICIPLE_SUFFIXES.iter().any(|s| stem.ends_with(s))
        && !stem.ends_with("ственн")
        && !NOT_PARTICIPLES.iter().any(|n| stem.ends_with(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_and_links_are_contacts_p_3_11() {
        assert!(has_phone_or_link("звоните 8 (84367) 3-02-25"));
        assert!(has_phone_or_link("сайт pestreci.tatarstan.ru"));
        assert!(has_phone_or_link("пишите на info@gks.ru"));
        assert!(!has_phone_or_link("до 10.12.2026 с 9:00 до 17:00, дом 15"));
    }

    #[test]
    fn participles_are_recognised_p_3_12() {
        for w in [
            "проведенных",
            "поступившего",
            "находящейся",
            "рассматриваемый",
            "выполненные",
        ] {
            assert!(is_participle(w), "{w}");
        }
        for w in [
            "дорога",
            "государственный",
            "следующей",
            "уважаемая",
            "красный",
            "работы",
        ] {
            assert!(!is_participle(w), "{w}");
        }
    }
}
