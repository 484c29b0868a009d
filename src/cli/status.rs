//! `poryadok status`: every open message with its next step, who owes it, the deadline
//! and the working time left, soonest first. `--overdue` exits 1 when anything is
//! overdue, so cron can alert.

use serde_json::json;

use crate::calendar::WorkingDuration;
use crate::context::Context;
use crate::error::Result;
use crate::output;
use crate::store::{messages, Store};
use crate::workflow::next_step;

/// Exit status of `status --overdue` when at least one step is overdue.
pub const EXIT_OVERDUE: u8 = 1;

#[derive(clap::Args, Debug)]
pub struct StatusArgs {
    /// Только просроченные шаги; код завершения 1, если они есть
    #[arg(long)]
    pub overdue: bool,
    /// Только шаги со сроком в пределах этого рабочего времени (например, 2h, 1d)
    #[arg(long, value_name = "DURATION", allow_hyphen_values = true)]
    pub due_within: Option<String>,
    /// Только сообщения этого ответственного
    #[arg(long, value_name = "NAME")]
    pub responsible: Option<String>,
}

pub fn run(ctx: &Context, args: StatusArgs) -> Result<u8> {
    let cal = &ctx.calendar;
    let within = args.due_within.as_deref().map(WorkingDuration::parse).transpose()?;
    let store = Store::open(&ctx.db_path)?;
    let mut rows = Vec::new();
    let mut warnings = Vec::new();
    for m in messages::open_messages(&store.conn)? {
        if let Some(r) = &args.responsible {
            if !m
                .responsible
                .as_deref()
                .is_some_and(|x| x.to_lowercase().contains(&r.to_lowercase()))
            {
                continue;
            }
        }
        let Some((next, c1)) = next_step(&m, cal)? else {
            continue;
        };
        let (left, c2) = cal.between(ctx.now, next.due_at)?;
        for c in [c1, c2] {
            for w in c.warnings(cal) {
                if !warnings.contains(&w) {
                    warnings.push(w);
                }
            }
        }
        let overdue = left.secs() < 0;
        if args.overdue && !overdue {
            continue;
        }
        if within.is_some_and(|w| left > w) {
            continue;
        }
        rows.push((m, next, left, overdue));
    }
    rows.sort_by(|a, b| a.1.due_at.cmp(&b.1.due_at).then(a.0.external_id.cmp(&b.0.external_id)));
    let any_overdue = rows.iter().any(|r| r.3);
    if ctx.json {
        let arr: Vec<_> = rows
            .iter()
            .map(|(m, n, left, overdue)| {
                json!({
                    "id": m.external_id,
                    "state": m.state.as_str(),
                    "next_step": n.step,
                    "rule": n.rule.clause(),
                    "owner": n.actor.name(crate::Lang::En),
                    "due_at": output::rfc3339(cal, n.due_at),
                    "remaining_minutes": left.minutes_floor(),
                    "overdue": overdue,
                    "topic": m.topic,
                    "answer_due_at": output::rfc3339(cal, m.publish_due()),
                })
            })
            .collect();
        output::print_json(&serde_json::Value::Array(arr));
    } else {
        output::warn(ctx.lang, &warnings);
        if rows.is_empty() {
            eprintln!(
                "{}",
                ctx.t("открытых сообщений с такими условиями нет", "no open messages match")
            );
        } else {
            let mut t = output::table(vec![
                "ID",
                ctx.t("состояние", "state"),
                ctx.t("следующий шаг", "next step"),
                ctx.t("кто", "who"),
                ctx.t("срок", "due"),
                ctx.t("осталось", "left"),
                ctx.t("срок ответа", "answer due"),
                ctx.t("тема", "topic"),
            ]);
            for (m, n, left, overdue) in &rows {
                let who = match (n.actor, &m.responsible) {
                    (crate::workflow::next::Actor::Responsible, Some(r)) => r.clone(),
                    (a, _) => a.name(ctx.lang).to_string(),
                };
                let left_s = left.human(ctx.lang);
                let left_s = if *overdue {
                    output::red(ctx.color, &left_s)
                } else {
                    left_s
                };
                t.add_row(vec![
                    m.external_id.clone(),
                    m.state.name(ctx.lang).to_string(),
                    format!("{} (п. {})", n.describe(ctx.lang), n.rule.clause()),
                    who,
                    output::local_ru(cal, n.due_at),
                    left_s,
                    output::local_ru(cal, m.publish_due()),
                    m.topic.clone().unwrap_or_default(),
                ]);
            }
            output::emit(&t);
            let overdue_n = rows.iter().filter(|r| r.3).count();
            eprintln!(
                "{}: {}, {}: {}",
                ctx.t("открыто", "open"),
                rows.len(),
                ctx.t("просрочено", "overdue"),
                overdue_n
            );
        }
    }
    Ok(if args.overdue && any_overdue { EXIT_OVERDUE } else { 0 })
}
