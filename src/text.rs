//! Bilingual user-facing text: Russian by default, English with `--lang en`.

use std::fmt;

/// The interface language (`--lang ru|en`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Ru,
    En,
}

impl Lang {
    /// Picks the string for this language.
    pub fn pick<'a>(self, ru: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ru => ru,
            Lang::En => en,
        }
    }
}

/// A message in both interface languages, chosen when shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    pub ru: String,
    pub en: String,
}

impl Text {
    pub fn new(ru: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            ru: ru.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.ru, &self.en)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.ru)
    }
}

/// `tr!("ru {x}", "en {x}")`: a [`Text`] with both languages formatted.
#[macro_export]
macro_rules! tr {
    ($ru:literal, $en:literal $(,)?) => {
        $crate::text::Text::new(format!($ru), format!($en))
    };
    ($ru:literal, $en:literal, $($arg:tt)+) => {
        $crate::text::Text::new(format!($ru, $($arg)+), format!($en, $($arg)+))
    };
}
