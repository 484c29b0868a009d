//! The outcome field «Итог» (п. 3.15).

use std::fmt;
use std::str::FromStr;

use super::AnswerKind;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// «Решено»: done, and the answer says so.
    Resolved,
    /// «Не решено»: not solved, no plan, no dates.
    Unresolved,
    /// «Разъяснено»: solution planned beyond a month, or options explained.
    Explained,
    /// «Отложено»: interim answer, solution within a month (п. 3.9).
    Postponed,
    /// «Не выбрано»: a clarifying question to the user (п. 3.10).
    Clarify,
}

impl Outcome {
    pub const ALL: [Outcome; 5] = [
        Outcome::Resolved,
        Outcome::Unresolved,
        Outcome::Explained,
        Outcome::Postponed,
        Outcome::Clarify,
    ];

    /// Stable identifier stored in the database and printed in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Resolved => "resolved",
            Outcome::Unresolved => "unresolved",
            Outcome::Explained => "explained",
            Outcome::Postponed => "postponed",
            Outcome::Clarify => "clarify",
        }
    }

    /// The name in the automated system's «Итог» column.
    pub fn ru(self) -> &'static str {
        match self {
            Outcome::Resolved => "Решено",
            Outcome::Unresolved => "Не решено",
            Outcome::Explained => "Разъяснено",
            Outcome::Postponed => "Отложено",
            Outcome::Clarify => "Не выбрано",
        }
    }

    /// The only outcomes that fit a kind of published text (п. 3.15).
    pub fn fits(self, kind: AnswerKind) -> bool {
        match kind {
            AnswerKind::Answer => matches!(self, Outcome::Resolved | Outcome::Unresolved | Outcome::Explained),
            AnswerKind::Interim => self == Outcome::Postponed,
            AnswerKind::Clarify => self == Outcome::Clarify,
        }
    }

    /// The outcome a kind implies when it has exactly one.
    pub fn implied_by(kind: AnswerKind) -> Option<Outcome> {
        match kind {
            AnswerKind::Answer => None,
            AnswerKind::Interim => Some(Outcome::Postponed),
            AnswerKind::Clarify => Some(Outcome::Clarify),
        }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.ru())
    }
}

impl FromStr for Outcome {
    type Err = String;
    /// Accepts the stable id, the Russian name in any case with spaces or hyphens
    /// (`решено`, `не-решено`, «Не выбрано»), and `clarify`.
    fn from_str(s: &str) -> Result<Self, String> {
        let norm = s.trim().to_lowercase().replace(['-', '_'], " ").replace('ё', "е");
        let norm = norm.split_whitespace().collect::<Vec<_>>().join(" ");
        Outcome::ALL
            .into_iter()
            .find(|o| o.as_str() == norm || o.ru().to_lowercase() == norm)
            .ok_or_else(|| {
                format!(
                    "нет такого «Итога» «{s}»; возможны: решено, не-решено, разъяснено, отложено, не-выбрано (п. 3.15)"
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_both_names() {
        for o in Outcome::ALL {
            assert_eq!(o.as_str().parse::<Outcome>().unwrap(), o);
            assert_eq!(o.ru().parse::<Outcome>().unwrap(), o);
        }
        assert_eq!("не-решено".parse::<Outcome>().unwrap(), Outcome::Unresolved);
        assert_eq!("НЕ_ВЫБРАНО".parse::<Outcome>().unwrap(), Outcome::Clarify);
        let err = "сделано".parse::<Outcome>().unwrap_err();
        assert!(err.contains("«сделано»") && err.contains("не-выбрано"), "{err}");
    }

    #[test]
    fn outcome_fits_the_kind_p_3_15() {
        assert!(Outcome::Resolved.fits(AnswerKind::Answer));
        assert!(!Outcome::Postponed.fits(AnswerKind::Answer));
        assert!(Outcome::Postponed.fits(AnswerKind::Interim));
        assert!(!Outcome::Resolved.fits(AnswerKind::Clarify));
    }
}
