//! `report --json`: the documented, stable shape of the quarterly report (README,
//! «Quarterly report»). Names (bodies, stages, outcomes) are in Russian whatever `--lang`
//! says, so that cron scripts read the same values; shares are numbers 0..1 rounded to
//! four decimals, `null` when there is nothing to divide.

use serde_json::{json, Value};

use super::data::{Group, Problem, QuarterReport};
use super::sections::{body_name, responsible_name, stage_name};
use crate::calendar::WorkCalendar;
use crate::output::rfc3339;
use crate::rules::Outcome;
use crate::Lang;

fn round(x: Option<f64>, places: i32) -> Value {
    let k = 10f64.powi(places);
    x.map_or(Value::Null, |x| json!((x * k).round() / k))
}

fn problems(list: &[Problem]) -> Value {
    list.iter()
        .map(|p| json!({ "name": p.name, "count": p.count, "previous": p.previous, "change": p.change() }))
        .collect()
}

fn groups(list: &[Group], key: &str, name: fn(&Option<String>, Lang) -> String) -> Value {
    list.iter()
        .map(|g| {
            json!({
                key: name(&g.name, Lang::Ru),
                "messages": g.messages,
                "steps": g.steps,
                "late_steps": g.late_steps,
                "answered": g.answered,
                "answered_on_time": g.answered_on_time,
                "on_time_share": round(g.on_time_share(), 4),
            })
        })
        .collect()
}

fn outcomes(list: &[(Outcome, i64)]) -> Value {
    let total: i64 = list.iter().map(|(_, n)| n).sum();
    list.iter()
        .map(|(o, n)| {
            json!({
                "outcome": o.ru(),
                "code": o.as_str(),
                "count": n,
                "share": round(super::data::share(*n, total), 4),
            })
        })
        .collect()
}

/// The report as JSON, keys in the documented order.
pub fn to_json(r: &QuarterReport, cal: &WorkCalendar) -> Value {
    let s = &r.summary;
    json!({
        "quarter": r.quarter.to_string(),
        "from": rfc3339(cal, r.from),
        "to": rfc3339(cal, r.to),
        "previous": r.quarter.previous().to_string(),
        "summary": {
            "messages": s.messages,
            "closed": s.closed,
            "declined": s.declined,
            "rejected": s.rejected,
            "open": s.open,
            "interim": s.interim,
            "appendix_topics": s.appendix,
            "answers_published": s.answers_published,
            "steps": s.steps,
            "late_steps": s.late_steps,
        },
        "key_problems": {
            "topic_groups": problems(&r.topic_groups),
            "topics": problems(&r.topics),
            "settlements": problems(&r.settlements),
        },
        "timeliness_by_stage": r.stages.iter().map(|st| json!({
            "clause": st.clause,
            "stage": stage_name(&st.clause, Lang::Ru),
            "steps": st.steps,
            "on_time": st.on_time,
            "late": st.late,
            "on_time_share": round(st.on_time_share(), 4),
            "overrun_minutes_total": st.overrun_total,
            "overrun_minutes_mean": round(st.overrun_mean(), 1),
        })).collect::<Value>(),
        "by_body": groups(&r.by_body, "body", body_name),
        "by_responsible": groups(&r.by_responsible, "responsible", responsible_name),
        "outcomes": outcomes(&r.outcomes),
        "outcomes_appendix": outcomes(&r.outcomes_appendix),
        "violations": r.violations().iter().map(|g| json!({
            "body": body_name(&g.name, Lang::Ru),
            "late_steps": g.late_steps,
            "repeated": g.repeated(),
            "clauses": g.late_clauses,
        })).collect::<Value>(),
        "dynamics": {
            "messages": s.messages,
            "previous": r.previous_messages,
            "change": s.messages - r.previous_messages,
            "change_share": round(r.change_share(), 4),
        },
    })
}
