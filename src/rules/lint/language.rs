//! п. 1.5: the answer is given in the language of the message; Russian (the state
//! language of the Russian Federation) only when that is impossible.

use super::scan::Token;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    Russian,
    Tatar,
}

impl Language {
    pub fn as_str(self) -> &'static str {
        match self {
            Language::Russian => "ru",
            Language::Tatar => "tt",
        }
    }

    /// Russian name in the prepositional case: «на русском», «на татарском».
    pub fn ru_on(self) -> &'static str {
        match self {
            Language::Russian => "на русском",
            Language::Tatar => "на татарском",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Language::Russian => "Russian",
            Language::Tatar => "Tatar",
        }
    }
}

/// Letters of the Tatar Cyrillic alphabet that Russian does not have.
const TATAR_LETTERS: &[char] = &['ә', 'ө', 'ү', 'җ', 'ң', 'һ'];

/// Frequent Tatar words (folded) written without the special letters, often typed by
/// people whose keyboard lacks them.
const TATAR_WORDS: &[&str] = &[
    "юл",
    "юлны",
    "юллар",
    "юлы",
    "начар",
    "бик",
    "юк",
    "авыл",
    "авылда",
    "авылында",
    "урам",
    "урамда",
    "урамында",
    "кайчан",
    "ничек",
    "нигә",
    "безнең",
    "сезнең",
    "без",
    "сез",
    "мин",
    "син",
    "алар",
    "рахмат",
    "исэнмесез",
    "салам",
    "хэерле",
    "кон",
    "белэн",
    "hэм",
    "эле",
    "кирэк",
    "кар",
    "карны",
    "су",
    "суы",
    "мэктэп",
    "балалар",
    "чистартылачак",
    "чистартырга",
    "булачак",
    "ясалачак",
    "итегез",
    "ител",
    "иттек",
    "итэбез",
    "кадэр",
];

/// Frequent Russian function words (folded).
const RUSSIAN_WORDS: &[&str] = &[
    "и",
    "в",
    "на",
    "не",
    "что",
    "по",
    "с",
    "у",
    "к",
    "для",
    "вы",
    "мы",
    "это",
    "как",
    "но",
    "а",
    "от",
    "до",
    "за",
    "из",
    "уже",
    "будет",
    "ваш",
    "вам",
    "вас",
    "нас",
    "очень",
    "когда",
    "почему",
    "где",
    "нет",
    "есть",
    "или",
    "так",
];

/// Endings (folded, words of four letters or more) typical of Tatar and rare in Russian.
const TATAR_ENDINGS: &[&str] = &[
    "ларны",
    "нарны",
    "ачак",
    "ячак",
    "ачаклар",
    "агы",
    "дагы",
    "ыбыз",
    "ебез",
    "ырга",
    "ергә",
];

/// Endings typical of Russian (infinitives, adjectives, verbs, abstract nouns).
const RUSSIAN_ENDINGS: &[&str] = &[
    "ть", "ться", "чь", "ого", "его", "ый", "ий", "ая", "ое", "ые", "ие", "ет", "ут", "ют", "ит", "ение", "ция",
    "ость", "ешь", "ишь",
];

/// Tatar when the text has at least one Tatar-looking word (with ә ө ү җ ң һ, from a list
/// of frequent Tatar words, or with a Tatar ending) and no more Russian-looking words
/// (function words, Russian endings) than Tatar ones; Russian otherwise.
pub fn detect_language(text: &str) -> Language {
    detect_tokens(&super::scan::tokenize(text))
}

pub(crate) fn detect_tokens(tokens: &[Token]) -> Language {
    let (tatar, russian) = scores(tokens);
    if tatar > 0 && tatar >= russian {
        Language::Tatar
    } else {
        Language::Russian
    }
}

/// A bilingual answer (a Tatar part and a Russian part, usual in Tatarstan) answers a
/// Tatar message in its language: at least this many Tatar-looking words.
pub const BILINGUAL_TATAR_WORDS: usize = 5;

/// Whether the text has a Tatar part of its own, even if Russian dominates.
pub(crate) fn has_tatar_part(tokens: &[Token]) -> bool {
    scores(tokens).0 >= BILINGUAL_TATAR_WORDS
}

/// (Tatar-looking words, Russian-looking words).
fn scores(tokens: &[Token]) -> (usize, usize) {
    let mut tatar = 0usize;
    let mut russian = 0usize;
    for t in tokens {
        let w = t.folded.as_str();
        let long = w.chars().count() >= 4;
        if w.contains(TATAR_LETTERS)
            || TATAR_WORDS.contains(&w)
            || (long && TATAR_ENDINGS.iter().any(|e| w.ends_with(e)))
        {
            tatar += 1;
        } else if RUSSIAN_WORDS.contains(&w) || (long && RUSSIAN_ENDINGS.iter().any(|e| w.ends_with(e))) {
            russian += 1;
        }
    }
    (tatar, russian)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_tatar_by_letters_p_1_5() {
        assert_eq!(detect_language("Исәнмесез! Безнең урамда ут янмый."), Language::Tatar);
        assert_eq!(
            detect_language("Хәерле көн, Шәле авылында кар чистартылды"),
            Language::Tatar
        );
    }

    #[test]
    fn detects_tatar_without_special_letters_p_1_5() {
        assert_eq!(detect_language("Юл бик начар, кайчан чистартылачак?"), Language::Tatar);
        assert_eq!(
            detect_language("Кощакововагы урамнарны бүген чистартачаклар."),
            Language::Tatar
        );
    }

    #[test]
    fn detects_russian_p_1_5() {
        assert_eq!(detect_language("Когда почистят дорогу в Кощаково?"), Language::Russian);
        // A Tatar word of thanks in a Russian answer does not make it Tatar.
        assert_eq!(
            detect_language("Здравствуйте! Дорогу на ул. Тукая почистят до 15 декабря. Рәхмәт!"),
            Language::Russian
        );
        assert_eq!(
            detect_language("Рады помочь. Двор школы будут чистить каждое утро. Рәхмәт!"),
            Language::Russian
        );
        assert_eq!(detect_language(""), Language::Russian);
    }
}
