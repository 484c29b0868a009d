//! п. 3.14: no more than five identical answers to different users in one thread within
//! one working hour. "Identical" is judged on normalised text, so that changing only the
//! user's name, case or punctuation does not make an answer new.

use std::collections::HashSet;

use super::scan::fold;

/// Shingle length, in words, for [`similarity`].
const SHINGLE: usize = 3;

/// Lowercase, «ё» → «е», punctuation dropped (it separates words), spaces folded, and the
/// words of the user's name (`author`, in any case ending) removed.
pub fn normalize_for_identity(text: &str, author: Option<&str>) -> String {
    let name: Vec<String> = author
        .map(|a| {
            split_words(&fold(a))
                .into_iter()
                .filter(|w| w.chars().count() >= 2)
                .collect()
        })
        .unwrap_or_default();
    let folded = fold(text);
    split_words(&folded)
        .into_iter()
        .filter(|w| !name.iter().any(|n| is_name_form(w, n)))
        .collect::<Vec<_>>()
        .join(" ")
}

fn split_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether `word` is `name` in some case form: «Мария» → «Марии», «Марией»; «Иван» →
/// «Ивана», «Иваном». Both folded.
pub(crate) fn is_name_form(word: &str, name: &str) -> bool {
    let name_len = name.chars().count();
    let word_len = word.chars().count();
    if word_len > name_len + 2 {
        return false;
    }
    if name_len >= 5 {
        let stem_end = name.char_indices().last().map_or(0, |(i, _)| i);
        word.starts_with(&name[..stem_end])
    } else {
        word.starts_with(name)
    }
}

/// Jaccard similarity (0..=1) of the sets of 3-word shingles of the normalised texts.
/// A text shorter than three words counts as one shingle. Two empty texts are identical.
/// To ignore users' names, pass texts already put through [`normalize_for_identity`]
/// (normalising twice changes nothing).
pub fn similarity(a: &str, b: &str) -> f64 {
    let (na, nb) = (normalize_for_identity(a, None), normalize_for_identity(b, None));
    let (wa, wb): (Vec<&str>, Vec<&str>) = (na.split(' ').collect(), nb.split(' ').collect());
    let (sa, sb) = (shingles(&wa), shingles(&wb));
    if sa.is_empty() && sb.is_empty() {
        return 1.0;
    }
    let common = sa.intersection(&sb).count();
    let union = sa.len() + sb.len() - common;
    common as f64 / union as f64
}

fn shingles<'a>(words: &'a [&'a str]) -> HashSet<&'a [&'a str]> {
    let words: &[&str] = if words == [""] { &[] } else { words };
    if words.is_empty() {
        return HashSet::new();
    }
    if words.len() < SHINGLE {
        return HashSet::from([words]);
    }
    words.windows(SHINGLE).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_case_yo_punctuation_and_name_p_3_14() {
        assert_eq!(
            normalize_for_identity(
                "Здравствуйте, Мария!  Ёлку   в Шали установим до 15.12.",
                Some("Мария Иванова")
            ),
            "здравствуйте елку в шали установим до 15 12"
        );
        assert_eq!(
            normalize_for_identity("Марии Ивановой — спасибо, Иван!", Some("Иванова Мария")),
            "спасибо иван"
        );
        assert_eq!(normalize_for_identity("Иван, добрый день", Some("Иван")), "добрый день");
        assert_eq!(normalize_for_identity("", None), "");
    }

    #[test]
    fn normalizing_twice_changes_nothing_p_3_14() {
        let once = normalize_for_identity("Добрый день, Алсу! Свет на ул. Тукая починят завтра.", Some("Алсу"));
        assert_eq!(once, "добрый день свет на ул тукая починят завтра");
        assert_eq!(normalize_for_identity(&once, None), once);
    }

    #[test]
    fn similarity_of_identical_and_renamed_answers_p_3_14() {
        let a = "Здравствуйте! Снег на улице Садовой в Пестрецах уберут до 10 декабря.";
        assert_eq!(similarity(a, a), 1.0);
        assert_eq!(similarity(a, &a.to_uppercase().replace('!', ",")), 1.0);
        let ra = normalize_for_identity("Мария, здравствуйте! Снег уберут завтра.", Some("Мария"));
        let rb = normalize_for_identity("Ильдар, здравствуйте! Снег уберут завтра.", Some("Ильдар"));
        assert_eq!(similarity(&ra, &rb), 1.0);
    }

    #[test]
    fn similarity_is_shingle_jaccard_p_3_14() {
        // {один два три, два три четыре} vs {один два три, два три пять}: 1 of 3.
        let s = similarity("один два три четыре", "один два три пять");
        assert!((s - 1.0 / 3.0).abs() < 1e-12, "{s}");
        assert_eq!(similarity("снег уберут завтра", "свет починят сегодня"), 0.0);
        assert_eq!(similarity("", ""), 1.0);
        assert_eq!(similarity("снег", ""), 0.0);
        assert_eq!(similarity("Снег!", "снег"), 1.0);
        // One word changed in a 10-word answer: 5 of 11 shingles shared... stays below 0.9.
        let a = "добрый день снег на улице садовой уберут до десятого декабря";
        let b = "добрый день снег на улице лесной уберут до десятого декабря";
        let s = similarity(a, b);
        assert!((s - 5.0 / 11.0).abs() < 1e-12, "{s}");
        assert!(s < 0.9);
    }
}
