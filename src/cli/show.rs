//! `poryadok show ID`: the message card and its full timeline.

use serde_json::json;

use crate::context::Context;
use crate::error::Result;
use crate::output;
use crate::store::{events, messages, Store};

#[derive(clap::Args, Debug)]
pub struct ShowArgs {
    /// Message ID
    pub id: String,
}

pub fn run(ctx: &Context, args: ShowArgs) -> Result<u8> {
    let cal = &ctx.calendar;
    let store = Store::open(&ctx.db_path)?;
    let m = messages::get(&store.conn, &args.id)?;
    let history = events::history(&store.conn, m.id)?;
    if ctx.json {
        let evs: Vec<_> = history
            .iter()
            .map(|e| {
                json!({
                    "action": e.action,
                    "at": output::rfc3339(cal, e.at),
                    "rule": e.rule,
                    "due_at": e.due_at.map(|d| output::rfc3339(cal, d)),
                    "on_time": e.on_time,
                    "overrun_minutes": e.overrun_minutes,
                    "state": e.to_state,
                    "detail": e.detail,
                    "text": e.text.as_ref().map(|t| json!({"kind": t.kind, "version": t.version, "body": t.body})),
                })
            })
            .collect();
        output::print_json(&json!({
            "id": m.external_id,
            "state": m.state.as_str(),
            "outcome": m.outcome.map(|o| o.ru()),
            "topic": m.topic,
            "detected_at": output::rfc3339(cal, m.detected_at),
            "received_at": output::rfc3339(cal, m.received_at),
            "answer_due_at": output::rfc3339(cal, m.answer_due_at),
            "final_due_at": m.final_due_at.map(|d| output::rfc3339(cal, d)),
            "responsible": m.responsible,
            "thread": m.thread,
            "author": m.author,
            "events": evs,
        }));
        return Ok(0);
    }
    let l = ctx.lang;
    let mut card = output::table(vec![ctx.t("поле", "field"), ctx.t("значение", "value")]);
    let mut row = |k: &str, v: String| {
        card.add_row(vec![k.to_string(), v]);
    };
    row("ID", m.external_id.clone());
    row(ctx.t("состояние", "state"), m.state.name(l).to_string());
    row(
        ctx.t("«Итог»", "outcome"),
        m.outcome.map(|o| o.ru().to_string()).unwrap_or_default(),
    );
    row(ctx.t("выявлено", "detected"), output::local_ru(cal, m.detected_at));
    row(ctx.t("поступило", "received"), output::local_ru(cal, m.received_at));
    row(
        ctx.t("срок ответа", "answer due"),
        output::local_ru(cal, m.answer_due_at),
    );
    if let Some(f) = m.final_due_at {
        row(
            ctx.t("срок итогового ответа (п. 3.9)", "final answer due (3.9)"),
            output::local_ru(cal, f),
        );
    }
    let topic = match (&m.topic, m.topic_id) {
        (Some(t), Some(_)) => format!("{t} ({})", ctx.t("приложение, п. 3.16", "appendix, 3.16")),
        (Some(t), None) => t.clone(),
        _ => String::new(),
    };
    row(ctx.t("тема", "topic"), topic);
    row(
        ctx.t("ответственный", "responsible"),
        m.responsible.clone().unwrap_or_default(),
    );
    row(ctx.t("автор", "author"), m.author.clone().unwrap_or_default());
    row(ctx.t("ветка", "thread"), m.thread.clone().unwrap_or_default());
    row(ctx.t("ссылка", "link"), m.link.clone().unwrap_or_default());
    row(ctx.t("текст", "text"), m.text.clone());
    output::emit(&card);
    let mut t = output::table(vec![
        "#",
        ctx.t("шаг", "step"),
        ctx.t("когда", "when"),
        ctx.t("пункт", "clause"),
        ctx.t("срок", "due"),
        ctx.t("итог", "result"),
        ctx.t("подробности", "details"),
    ]);
    for e in &history {
        let result = match (e.on_time, e.overrun_minutes) {
            (Some(true), _) => ctx.t("вовремя", "on time").to_string(),
            (Some(false), Some(o)) => {
                let s = format!(
                    "{} {}",
                    ctx.t("просрочено на", "late by"),
                    crate::calendar::WorkingDuration::from_minutes(o).human(l)
                );
                output::red(ctx.color, &s)
            }
            _ => String::new(),
        };
        let mut details: Vec<String> = e
            .detail
            .as_object()
            .map(|o| {
                o.iter()
                    .map(|(k, v)| {
                        format!(
                            "{k}: {}",
                            v.as_str().map(str::to_string).unwrap_or_else(|| v.to_string())
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        if let Some(tx) = &e.text {
            details.push(format!("{} v{}: {}", tx.kind, tx.version, tx.body));
        }
        t.add_row(vec![
            e.seq.to_string(),
            e.action.clone(),
            output::local_ru(cal, e.at),
            e.rule.clone().map(|r| format!("п. {r}")).unwrap_or_default(),
            e.due_at.map(|d| output::local_ru(cal, d)).unwrap_or_default(),
            result,
            details.join("\n"),
        ]);
    }
    output::emit(&t);
    Ok(0)
}
