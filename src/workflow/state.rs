//! States of a message.

use std::fmt;
use std::str::FromStr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum State {
    /// Received from the curator; the executor must pass it on (п. 3.3) or decline (п. 2.3).
    New,
    /// With the responsible, who prepares the draft (п. 3.4).
    Assigned,
    /// A draft exists; it needs the head's agreement (п. 3.5).
    Drafted,
    /// Agreed; to be submitted to the curator (п. 3.6, 3.9, 3.10).
    Agreed,
    /// With the curator (п. 3.7).
    Submitted,
    /// Returned by the curator for rework (п. 3.8).
    Returned,
    /// Approved by the curator; to be published (п. 3.2).
    Approved,
    /// Interim answer published; the final answer is due by the promised date (п. 3.9).
    Interim,
    /// Answer published with its «Итог» (п. 3.15).
    Closed,
    /// Returned to the curator as not our competence (п. 2.3).
    Declined,
    /// Not considered (п. 1.4).
    Rejected,
}

impl State {
    pub const ALL: [State; 11] = [
        State::New,
        State::Assigned,
        State::Drafted,
        State::Agreed,
        State::Submitted,
        State::Returned,
        State::Approved,
        State::Interim,
        State::Closed,
        State::Declined,
        State::Rejected,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            State::New => "new",
            State::Assigned => "assigned",
            State::Drafted => "drafted",
            State::Agreed => "agreed",
            State::Submitted => "submitted",
            State::Returned => "returned",
            State::Approved => "approved",
            State::Interim => "interim",
            State::Closed => "closed",
            State::Declined => "declined",
            State::Rejected => "rejected",
        }
    }

    /// Russian name shown to people.
    pub fn ru(self) -> &'static str {
        match self {
            State::New => "новое",
            State::Assigned => "у ответственного",
            State::Drafted => "проект готов",
            State::Agreed => "согласовано с руководителем",
            State::Submitted => "у куратора",
            State::Returned => "возвращено на доработку",
            State::Approved => "согласовано куратором",
            State::Interim => "дан промежуточный ответ",
            State::Closed => "закрыто",
            State::Declined => "возвращено куратору",
            State::Rejected => "не рассматривается",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            State::New => "new",
            State::Assigned => "with the responsible",
            State::Drafted => "draft ready",
            State::Agreed => "agreed with the head",
            State::Submitted => "with the curator",
            State::Returned => "returned for rework",
            State::Approved => "approved by the curator",
            State::Interim => "interim answer given",
            State::Closed => "closed",
            State::Declined => "returned to the curator",
            State::Rejected => "not considered",
        }
    }

    pub fn name(self, lang: crate::Lang) -> &'static str {
        lang.pick(self.ru(), self.en())
    }

    /// No further step is owed.
    pub fn is_final(self) -> bool {
        matches!(self, State::Closed | State::Declined | State::Rejected)
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for State {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        State::ALL
            .into_iter()
            .find(|x| x.as_str() == s)
            .ok_or_else(|| format!("unknown state «{s}»"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_strings() {
        for s in State::ALL {
            assert_eq!(s.as_str().parse::<State>().unwrap(), s);
        }
        assert!("open".parse::<State>().is_err());
    }
}
