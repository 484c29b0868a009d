//! Answer quality checks (п. 1.4, 1.5, 3.11, 3.12, 3.14). Filled in by the lint work.

/// п. 3.14: the form in which answers are compared.
pub fn normalize_for_identity(text: &str, author: Option<&str>) -> String {
    let name = author.map(|a| a.to_lowercase().replace('ё', "е")).unwrap_or_default();
    let name: Vec<&str> = name.split_whitespace().collect();
    let t = text.to_lowercase().replace('ё', "е");
    t.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !name.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Word-shingle similarity of two normalised texts.
pub fn similarity(a: &str, b: &str) -> f64 {
    if a == b {
        1.0
    } else {
        0.0
    }
}

/// A finding of the lint.
pub struct Finding {
    pub clause: &'static str,
    pub span: Option<String>,
}

/// Phrase lists.
pub struct PhraseBook;

impl PhraseBook {
    pub fn bundled() -> PhraseBook {
        PhraseBook
    }

    pub fn with_extra(_t: &toml::Table) -> crate::Result<PhraseBook> {
        Ok(PhraseBook)
    }
}

/// п. 1.4 flags.
pub fn flag_forbidden(_text: &str, _book: &PhraseBook) -> Vec<Finding> {
    Vec::new()
}
