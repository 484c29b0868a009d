//! The figures of the quarterly analysis (п. 1.6, 1.7, 3.15, 3.16), read from the store.
//!
//! * Messages are counted in the quarter of their detection (local time); their state is
//!   the one at the end of the quarter, from the history, so a report on a past quarter
//!   does not change later.
//! * Steps (history rows with a clause) are counted in the quarter of their own time.
//! * Answers are the `close` steps of the quarter; their «Итог» is the one published,
//!   with the curator's later corrections (п. 3.15) applied.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};

use super::Quarter;
use crate::calendar::WorkCalendar;
use crate::error::Result;
use crate::rules::Outcome;

/// A body with at least this many late steps in a quarter has repeated violations,
/// which the curator may report to the head of the body (п. 1.6).
pub const REPEATED_VIOLATIONS: i64 = 3;

/// How many rows each list of key problems keeps.
pub const TOP: usize = 10;

/// Messages detected in the quarter, by what happened to them by its end.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub messages: i64,
    /// The answer is published (п. 3.2).
    pub closed: i64,
    /// Returned to the curator as not the body's competence (п. 2.3).
    pub declined: i64,
    /// Not considered (п. 1.4).
    pub rejected: i64,
    /// Neither closed, declined nor rejected (interim answers included).
    pub open: i64,
    /// Of the open ones: an interim answer is published, the final one is due (п. 3.9).
    pub interim: i64,
    /// Topics of the appendix (п. 3.16).
    pub appendix: i64,
    /// Answers published in the quarter (any detection time).
    pub answers_published: i64,
    /// Steps with a deadline taken in the quarter, and how many of them were late.
    pub steps: i64,
    pub late_steps: i64,
}

/// A key problem with its count in this and the previous quarter (п. 1.7).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub name: String,
    pub count: i64,
    pub previous: i64,
}

impl Problem {
    pub fn change(&self) -> i64 {
        self.count - self.previous
    }
}

/// Steps of one clause taken in the quarter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stage {
    pub clause: String,
    pub steps: i64,
    pub on_time: i64,
    pub late: i64,
    /// Working minutes past the deadlines, summed over the late steps.
    pub overrun_total: i64,
}

impl Stage {
    pub fn on_time_share(&self) -> Option<f64> {
        share(self.on_time, self.steps)
    }

    /// Mean overrun of a late step, in working minutes.
    pub fn overrun_mean(&self) -> Option<f64> {
        (self.late > 0).then(|| self.overrun_total as f64 / self.late as f64)
    }
}

/// Timeliness of one body or one responsible person.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Group {
    /// `None`: not given in the export / not assigned.
    pub name: Option<String>,
    /// Messages detected in the quarter.
    pub messages: i64,
    /// Steps taken in the quarter, and the late ones.
    pub steps: i64,
    pub late_steps: i64,
    /// Messages with an answer published in the quarter, and those whose every answer
    /// of the quarter was on time.
    pub answered: i64,
    pub answered_on_time: i64,
    /// Clauses of the late steps, in clause order.
    pub late_clauses: Vec<String>,
}

impl Group {
    pub fn on_time_share(&self) -> Option<f64> {
        share(self.answered_on_time, self.answered)
    }

    /// п. 1.6: repeated violations in the quarter.
    pub fn repeated(&self) -> bool {
        self.late_steps >= REPEATED_VIOLATIONS
    }
}

/// Everything the quarterly report shows.
#[derive(Clone, Debug)]
pub struct QuarterReport {
    pub quarter: Quarter,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub summary: Summary,
    /// Messages detected in the previous quarter.
    pub previous_messages: i64,
    pub topic_groups: Vec<Problem>,
    pub topics: Vec<Problem>,
    pub settlements: Vec<Problem>,
    /// In clause order.
    pub stages: Vec<Stage>,
    /// Most messages first.
    pub by_body: Vec<Group>,
    pub by_responsible: Vec<Group>,
    /// Every «Итог» in the order of п. 3.15, with its count of answers.
    pub outcomes: Vec<(Outcome, i64)>,
    pub outcomes_appendix: Vec<(Outcome, i64)>,
}

impl QuarterReport {
    /// Bodies with late steps, most first (п. 1.6).
    pub fn violations(&self) -> Vec<&Group> {
        let mut v: Vec<&Group> = self.by_body.iter().filter(|g| g.late_steps > 0).collect();
        v.sort_by(|a, b| b.late_steps.cmp(&a.late_steps).then(a.name.cmp(&b.name)));
        v
    }

    /// Change of the number of messages against the previous quarter, as a share of it.
    pub fn change_share(&self) -> Option<f64> {
        share(self.summary.messages - self.previous_messages, self.previous_messages)
    }
}

/// `part / whole`, or `None` when there is nothing to divide.
pub fn share(part: i64, whole: i64) -> Option<f64> {
    (whole != 0).then(|| part as f64 / whole as f64)
}

/// Clause order: `2.1 < 2.3 < 3.2 < 3.10`.
pub fn clause_key(c: &str) -> Vec<u32> {
    c.split('.').map(|p| p.parse().unwrap_or(u32::MAX)).collect()
}

struct Detected {
    in_quarter: bool,
    topic: Option<String>,
    topic_id: Option<i64>,
    topic_group: Option<String>,
    settlement: Option<String>,
    body: Option<String>,
    responsible: Option<String>,
    state_at_end: Option<String>,
}

/// Reads the figures of `quarter` from the store.
pub fn build(conn: &Connection, cal: &WorkCalendar, quarter: Quarter) -> Result<QuarterReport> {
    let (from, to) = quarter.bounds(cal);
    let (prev_from, _) = quarter.previous().bounds(cal);
    let (from_s, to_s) = (from.timestamp(), to.timestamp());

    let mut st = conn.prepare(
        "SELECT m.detected_at >= ?2, m.topic, m.topic_id, m.topic_group, m.settlement, m.body, m.responsible,
                (SELECT e.to_state FROM events e WHERE e.message_id = m.id AND e.at < ?3 ORDER BY e.seq DESC LIMIT 1)
         FROM messages m WHERE m.detected_at >= ?1 AND m.detected_at < ?3",
    )?;
    let detected = st
        .query_map(params![prev_from.timestamp(), from_s, to_s], |r| {
            Ok(Detected {
                in_quarter: r.get(0)?,
                topic: r.get(1)?,
                topic_id: r.get(2)?,
                topic_group: r.get(3)?,
                settlement: r.get(4)?,
                body: r.get(5)?,
                responsible: r.get(6)?,
                state_at_end: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let (current, previous): (Vec<&Detected>, Vec<&Detected>) = detected.iter().partition(|d| d.in_quarter);

    let mut summary = Summary {
        messages: current.len() as i64,
        ..Summary::default()
    };
    for d in &current {
        match d.state_at_end.as_deref() {
            Some("closed") => summary.closed += 1,
            Some("declined") => summary.declined += 1,
            Some("rejected") => summary.rejected += 1,
            s => {
                summary.open += 1;
                summary.interim += i64::from(s == Some("interim"));
            }
        }
        summary.appendix += i64::from(d.topic_id.is_some());
    }

    let problems = |f: fn(&Detected) -> Option<&String>| top_problems(&current, &previous, f);
    let topic_groups = problems(|d| d.topic_group.as_ref());
    let topics = problems(|d| d.topic.as_ref());
    let settlements = problems(|d| d.settlement.as_ref());

    // Groups start with the messages detected in the quarter …
    let mut bodies: HashMap<Option<String>, Group> = HashMap::new();
    let mut people: HashMap<Option<String>, Group> = HashMap::new();
    for d in &current {
        group(&mut bodies, &d.body).messages += 1;
        group(&mut people, &d.responsible).messages += 1;
    }

    // … then every step with a deadline taken in the quarter.
    let mut stages: BTreeMap<Vec<u32>, Stage> = BTreeMap::new();
    let mut st = conn.prepare(
        "SELECT e.message_id, e.action, e.rule, COALESCE(e.on_time, 1), COALESCE(e.overrun_minutes, 0), m.body,
                m.responsible
         FROM events e JOIN messages m ON m.id = e.message_id
         WHERE e.at >= ?1 AND e.at < ?2 AND e.rule IS NOT NULL ORDER BY e.message_id, e.seq",
    )?;
    let mut rows = st.query(params![from_s, to_s])?;
    // Per message with an answer in the quarter: (body, responsible, all answers on time).
    let mut answers: BTreeMap<i64, (Option<String>, Option<String>, bool)> = BTreeMap::new();
    while let Some(r) = rows.next()? {
        let (id, action, clause): (i64, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
        let (on_time, overrun): (bool, i64) = (r.get(3)?, r.get(4)?);
        let (body, responsible): (Option<String>, Option<String>) = (r.get(5)?, r.get(6)?);
        let stage = stages.entry(clause_key(&clause)).or_insert_with(|| Stage {
            clause: clause.clone(),
            ..Stage::default()
        });
        stage.steps += 1;
        summary.steps += 1;
        if on_time {
            stage.on_time += 1;
        } else {
            stage.late += 1;
            stage.overrun_total += overrun;
            summary.late_steps += 1;
        }
        for g in [group(&mut bodies, &body), group(&mut people, &responsible)] {
            g.steps += 1;
            if !on_time {
                g.late_steps += 1;
                if !g.late_clauses.contains(&clause) {
                    g.late_clauses.push(clause.clone());
                }
            }
        }
        if action == "close" {
            let a = answers.entry(id).or_insert((body, responsible, true));
            a.2 &= on_time;
        }
    }
    for (body, responsible, on_time) in answers.into_values() {
        for g in [group(&mut bodies, &body), group(&mut people, &responsible)] {
            g.answered += 1;
            g.answered_on_time += i64::from(on_time);
        }
    }

    let (outcomes, outcomes_appendix, published) = outcomes(conn, from_s, to_s)?;
    summary.answers_published = published;

    Ok(QuarterReport {
        quarter,
        from,
        to,
        summary,
        previous_messages: previous.len() as i64,
        topic_groups,
        topics,
        settlements,
        stages: stages.into_values().collect(),
        by_body: sorted(bodies),
        by_responsible: sorted(people),
        outcomes,
        outcomes_appendix,
    })
}

fn group<'a>(map: &'a mut HashMap<Option<String>, Group>, name: &Option<String>) -> &'a mut Group {
    let name = name.as_ref().map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    map.entry(name.clone()).or_insert_with(|| Group {
        name,
        ..Group::default()
    })
}

/// Most messages first, then most late steps, then by name; «not given» last.
fn sorted(map: HashMap<Option<String>, Group>) -> Vec<Group> {
    let mut v: Vec<Group> = map.into_values().collect();
    for g in &mut v {
        g.late_clauses.sort_by_key(|c| clause_key(c));
    }
    v.sort_by(|a, b| {
        (a.name.is_none(), -a.messages, -a.late_steps, &a.name).cmp(&(
            b.name.is_none(),
            -b.messages,
            -b.late_steps,
            &b.name,
        ))
    });
    v
}

/// The [`TOP`] most frequent values in the quarter, with the previous quarter's counts.
fn top_problems(current: &[&Detected], previous: &[&Detected], f: fn(&Detected) -> Option<&String>) -> Vec<Problem> {
    let count = |ds: &[&Detected]| {
        let mut m: HashMap<String, i64> = HashMap::new();
        for d in ds {
            if let Some(v) = f(d).map(|s| s.trim()).filter(|s| !s.is_empty()) {
                *m.entry(v.to_string()).or_default() += 1;
            }
        }
        m
    };
    let (now, before) = (count(current), count(previous));
    let mut v: Vec<Problem> = now
        .into_iter()
        .map(|(name, count)| Problem {
            previous: before.get(&name).copied().unwrap_or(0),
            name,
            count,
        })
        .collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    v.truncate(TOP);
    v
}

type OutcomeCounts = Vec<(Outcome, i64)>;

/// «Итог» of every answer published in the quarter: all of them, and the appendix topics.
fn outcomes(conn: &Connection, from: i64, to: i64) -> Result<(OutcomeCounts, OutcomeCounts, i64)> {
    let mut st = conn.prepare(
        "SELECT e.message_id, e.action, e.at, e.detail, m.topic_id IS NOT NULL
         FROM events e JOIN messages m ON m.id = e.message_id
         WHERE e.action IN ('close', 'outcome') AND e.message_id IN
             (SELECT message_id FROM events WHERE action = 'close' AND at >= ?1 AND at < ?2)
         ORDER BY e.message_id, e.seq",
    )?;
    let mut rows = st.query(params![from, to])?;
    // The answers in history order; a correction applies to the latest published answer.
    let mut answers: Vec<(i64, bool, bool, Option<Outcome>)> = Vec::new(); // (message, in quarter, appendix, outcome)
    while let Some(r) = rows.next()? {
        let (id, action, at, detail, appendix): (i64, String, i64, String, bool) =
            (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
        let detail: serde_json::Value = serde_json::from_str(&detail).unwrap_or_default();
        let outcome = detail["outcome"].as_str().and_then(|s| s.parse::<Outcome>().ok());
        if action == "close" {
            answers.push((id, at >= from && at < to, appendix, outcome));
        } else if let Some(last) = answers.last_mut().filter(|a| a.0 == id) {
            last.3 = outcome.or(last.3);
        }
    }
    let mut all: HashMap<Outcome, i64> = HashMap::new();
    let mut appendix: HashMap<Outcome, i64> = HashMap::new();
    let mut published = 0;
    for (_, in_quarter, is_appendix, outcome) in answers {
        let (true, Some(o)) = (in_quarter, outcome) else {
            continue;
        };
        published += 1;
        *all.entry(o).or_default() += 1;
        if is_appendix {
            *appendix.entry(o).or_default() += 1;
        }
    }
    let list = |m: &HashMap<Outcome, i64>| {
        Outcome::ALL
            .iter()
            .map(|o| (*o, m.get(o).copied().unwrap_or(0)))
            .collect()
    };
    Ok((list(&all), list(&appendix), published))
}
