//! proptest over random sequences of steps on a stored message: the database never
//! reaches an impossible state, history is append-only and time-ordered, every open
//! message has exactly one next deadline, and a refused step changes nothing.

use chrono::{DateTime, Duration, TimeZone, Utc};
use proptest::prelude::*;

use super::perform::perform;
use super::{next_step, State, Step};
use crate::calendar::{embedded, OutOfRange, ShortenedDays, WorkCalendar};
use crate::import::{Field, Row};
use crate::rules::lint::PhraseBook;
use crate::rules::{AnswerKind, Outcome};
use crate::store::{events, messages, Store};

fn calendar() -> WorkCalendar {
    WorkCalendar::new(
        embedded::load_region("ru-ta").unwrap(),
        ShortenedDays::Literal,
        OutOfRange::Error,
    )
}

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 7, 7, 0, 0).unwrap() // 10:00 Moscow, Monday
}

fn store_with_message(cal: &WorkCalendar, topic: Option<&str>) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let mut pairs = vec![
        (Field::ExternalId, "M1"),
        (Field::DetectedAt, "2026-12-07 10:00"),
        (Field::ReceivedAt, "2026-12-07 10:10"),
        (Field::Text, "Нет света на улице"),
        (Field::Thread, "vk:1"),
    ];
    if let Some(t) = topic {
        pairs.push((Field::Topic, t));
    }
    let mut rows = std::iter::once(Ok(Row::from_pairs(2, pairs)));
    store
        .write(|tx| {
            super::intake::intake(
                tx,
                &PhraseBook::bundled(),
                cal,
                "test.csv",
                &mut rows,
                &|f| f.as_str().to_string(),
                t0() + Duration::minutes(10),
                super::intake::OnInvalid::Abort,
                &mut |_| {},
            )
        })
        .unwrap();
    store
}

fn step_strategy() -> impl Strategy<Value = Step> {
    let kind = prop_oneof![
        Just(AnswerKind::Answer),
        Just(AnswerKind::Interim),
        Just(AnswerKind::Clarify)
    ];
    let outcome = prop::sample::select(Outcome::ALL.to_vec());
    let reason = prop_oneof![Just(String::new()), Just("Обоснование".to_string())];
    prop_oneof![
        Just(Step::Assign {
            responsible: "Петров".into()
        }),
        reason.clone().prop_map(|reason| Step::Decline { reason }),
        reason.clone().prop_map(|reason| Step::Reject { reason }),
        (kind, any::<bool>(), 1i64..40).prop_map(|(kind, with_due, days)| Step::Draft {
            kind,
            text: "Здравствуйте! Сделаем до 10 декабря.".into(),
            final_due: with_due.then(|| t0() + Duration::days(days)),
            justification: with_due.then(|| "Нужен подрядчик".to_string()),
        }),
        Just(Step::Agree {
            by: "Сулейманов".into()
        }),
        Just(Step::Submit { forced: None }),
        Just(Step::Approve),
        reason.clone().prop_map(|reason| Step::Rework { reason }),
        proptest::option::of(outcome.clone()).prop_map(|outcome| Step::Close { outcome }),
        (outcome, reason).prop_map(|(outcome, reason)| Step::SetOutcome { outcome, reason }),
    ]
}

fn check_invariants(store: &Store, cal: &WorkCalendar) {
    let m = messages::get(&store.conn, "M1").unwrap();
    match m.state {
        State::Closed => assert!(m.outcome.is_some() && m.kind.is_some()),
        State::Interim => {
            assert_eq!(m.outcome, Some(Outcome::Postponed));
            assert!(m.interim_published_at.is_some() && m.final_due_at.is_some());
        }
        State::Submitted => assert!(m.submitted_at.is_some() && m.kind.is_some()),
        State::Returned => assert!(m.returned_at.is_some() && m.kind.is_some()),
        State::Drafted | State::Agreed | State::Approved => assert!(m.kind.is_some()),
        State::Assigned => assert!(m.responsible.is_some()),
        State::New | State::Declined | State::Rejected => {}
    }
    if let Some(o) = m.outcome {
        assert!(o.fits(m.kind.unwrap_or(AnswerKind::Answer)), "{o:?} with {:?}", m.kind);
    }
    // Exactly one next deadline for an open message, none for a finished one.
    assert_eq!(next_step(&m, cal).unwrap().is_some(), !m.state.is_final());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn random_step_sequences_keep_the_store_consistent(
        steps in prop::collection::vec((step_strategy(), 0i64..600), 1..25),
        appendix in any::<bool>(),
    ) {
        let cal = calendar();
        let mut store = store_with_message(&cal, appendix.then_some("Зимнее содержание дорог"));
        let mut at = t0() + Duration::minutes(10);
        let now = t0() + Duration::days(60);
        for (step, gap) in steps {
            at += Duration::minutes(gap);
            let id = messages::get(&store.conn, "M1").unwrap().id;
            let before_msg = messages::get(&store.conn, "M1").unwrap();
            let before = events::history(&store.conn, id).unwrap();
            let result = perform(&mut store, &cal, "M1", &step, at, now);
            let after = events::history(&store.conn, id).unwrap();
            match result {
                Ok(applied) => {
                    let possible = super::step::possible_commands(&before_msg);
                    prop_assert!(possible.contains(&step.action()), "{} not in {:?}", step.action(), possible);
                    prop_assert_eq!(after.len(), before.len() + 1);
                    prop_assert_eq!(&after[..before.len()], &before[..], "history is append-only");
                    prop_assert_eq!(after.last().unwrap().at, at);
                    prop_assert_eq!(applied.message.state.as_str(), after.last().unwrap().to_state.as_str());
                }
                Err(_) => {
                    prop_assert_eq!(&after, &before, "a refused step writes nothing");
                    prop_assert_eq!(messages::get(&store.conn, "M1").unwrap(), before_msg);
                }
            }
            for w in after.windows(2) {
                prop_assert!(w[0].at <= w[1].at, "history is time-ordered");
                prop_assert_eq!(w[0].seq + 1, w[1].seq);
            }
            check_invariants(&store, &cal);
        }
    }
}

#[test]
fn history_rows_cannot_be_edited_or_deleted() {
    let cal = calendar();
    let store = store_with_message(&cal, None);
    let upd = store.conn.execute("UPDATE events SET action = 'x'", []);
    let del = store.conn.execute("DELETE FROM events", []);
    assert!(upd.unwrap_err().to_string().contains("append-only"));
    assert!(del.unwrap_err().to_string().contains("append-only"));
}

#[test]
fn a_database_newer_than_the_binary_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.db");
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", 999).unwrap();
    drop(conn);
    let err = Store::open(&path).err().expect("refused");
    assert_eq!(err.exit_code(), 7);
    assert!(err.render(crate::Lang::Ru).contains("более новой версией"));
}
