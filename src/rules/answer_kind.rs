//! Kinds of text the executor drafts: an answer (п. 3.2), an interim answer (п. 3.9),
//! a clarifying question (п. 3.10).

use std::fmt;
use std::str::FromStr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum AnswerKind {
    /// Ответ (п. 3.2)
    Answer,
    /// Промежуточный ответ (п. 3.9)
    Interim,
    /// Уточняющий вопрос (п. 3.10)
    Clarify,
}

impl AnswerKind {
    pub const ALL: [AnswerKind; 3] = [AnswerKind::Answer, AnswerKind::Interim, AnswerKind::Clarify];

    pub fn as_str(self) -> &'static str {
        match self {
            AnswerKind::Answer => "answer",
            AnswerKind::Interim => "interim",
            AnswerKind::Clarify => "clarify",
        }
    }

    /// Russian name, as shown to people.
    pub fn ru(self) -> &'static str {
        match self {
            AnswerKind::Answer => "ответ",
            AnswerKind::Interim => "промежуточный ответ",
            AnswerKind::Clarify => "уточняющий вопрос",
        }
    }

    /// The clause that governs this kind.
    pub fn clause(self) -> &'static str {
        match self {
            AnswerKind::Answer => "3.2",
            AnswerKind::Interim => "3.9",
            AnswerKind::Clarify => "3.10",
        }
    }
}

impl fmt::Display for AnswerKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for AnswerKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        AnswerKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| format!("unknown answer kind «{s}»"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_strings() {
        for k in AnswerKind::ALL {
            assert_eq!(k.as_str().parse::<AnswerKind>().unwrap(), k);
        }
        assert!("ответ".parse::<AnswerKind>().is_err());
    }
}
