//! The deadline table of the Порядок (SPEC «Deadlines checked at each transition»).
//! Every limit in the tool is read from here; each row cites its clause.

use crate::calendar::WorkingDuration;

/// Which deadline a step is checked against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    /// п. 2.1: the curator routes the message within 0.5 wh of detection.
    Route,
    /// п. 2.3: not our competence, returned within 1 wh of receipt.
    Decline,
    /// п. 3.3: the executor passes it to the responsible within 1 wh of receipt.
    Assign,
    /// п. 3.5: head's agreement, inside the п. 3.6 submission deadline.
    Agree,
    /// п. 3.6: final draft to the curator 1.5 wh before the п. 3.2 deadline.
    SubmitAnswer,
    /// п. 3.7: the curator approves or returns within 0.5 wh of submission.
    CuratorReview,
    /// п. 3.8: a returned draft is resubmitted within 1 wh, still inside п. 3.2.
    Resubmit,
    /// п. 3.2: the answer is published within 8 wh of detection (п. 3.16: topic's days).
    Publish,
    /// п. 3.9: the interim answer goes to the curator within 3 wh of receipt.
    SubmitInterim,
    /// п. 3.9: the curator approves an interim answer within 0.5 wh.
    InterimReview,
    /// п. 3.9: the final answer by the promised date, at most 20 working days.
    FinalAfterInterim,
    /// п. 3.10: a clarifying question to the curator within 1 wh of the need.
    SubmitClarify,
    /// п. 3.10: the curator approves a clarifying question within 0.5 wh.
    ClarifyReview,
}

impl Rule {
    /// The clause, as printed and stored (`"3.6"`).
    pub fn clause(self) -> &'static str {
        match self {
            Rule::Route => "2.1",
            Rule::Decline => "2.3",
            Rule::Assign => "3.3",
            Rule::Agree => "3.5",
            Rule::SubmitAnswer => "3.6",
            Rule::CuratorReview => "3.7",
            Rule::Resubmit => "3.8",
            Rule::Publish => "3.2",
            Rule::SubmitInterim | Rule::InterimReview | Rule::FinalAfterInterim => "3.9",
            Rule::SubmitClarify | Rule::ClarifyReview => "3.10",
        }
    }

    /// The limit of the rule; for п. 3.6 it is the margin *before* the answer deadline.
    pub fn limit(self) -> WorkingDuration {
        match self {
            Rule::Route => WorkingDuration::from_minutes(30),
            Rule::Decline | Rule::Assign | Rule::Resubmit | Rule::SubmitClarify => WorkingDuration::from_minutes(60),
            Rule::SubmitAnswer => WorkingDuration::from_minutes(90),
            Rule::CuratorReview | Rule::InterimReview | Rule::ClarifyReview => WorkingDuration::from_minutes(30),
            Rule::Publish => WorkingDuration::from_minutes(8 * 60),
            Rule::SubmitInterim => WorkingDuration::from_minutes(3 * 60),
            Rule::FinalAfterInterim => WorkingDuration::from_days(20),
            Rule::Agree => WorkingDuration::ZERO,
        }
    }
}

/// п. 3.14: no more than five identical answers to different users in one discussion
/// thread within one working hour; the sixth is refused.
pub const IDENTICAL_ANSWERS_LIMIT: usize = 5;
/// п. 3.14: the window in which identical answers are counted.
pub const IDENTICAL_ANSWERS_WINDOW: WorkingDuration = WorkingDuration::from_minutes(60);
/// п. 3.14: answers at least this similar (word shingles) count as identical, so a
/// changed word or name does not get around the limit.
pub const IDENTICAL_SIMILARITY: f64 = 0.9;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_match_the_spec_table() {
        let m = |r: Rule| r.limit().minutes_floor();
        assert_eq!((Rule::Route.clause(), m(Rule::Route)), ("2.1", 30));
        assert_eq!((Rule::Decline.clause(), m(Rule::Decline)), ("2.3", 60));
        assert_eq!((Rule::Assign.clause(), m(Rule::Assign)), ("3.3", 60));
        assert_eq!((Rule::SubmitAnswer.clause(), m(Rule::SubmitAnswer)), ("3.6", 90));
        assert_eq!((Rule::CuratorReview.clause(), m(Rule::CuratorReview)), ("3.7", 30));
        assert_eq!((Rule::Resubmit.clause(), m(Rule::Resubmit)), ("3.8", 60));
        assert_eq!((Rule::Publish.clause(), m(Rule::Publish)), ("3.2", 480));
        assert_eq!((Rule::SubmitInterim.clause(), m(Rule::SubmitInterim)), ("3.9", 180));
        assert_eq!(
            (Rule::FinalAfterInterim.clause(), m(Rule::FinalAfterInterim)),
            ("3.9", 20 * 480)
        );
        assert_eq!((Rule::SubmitClarify.clause(), m(Rule::SubmitClarify)), ("3.10", 60));
    }
}
