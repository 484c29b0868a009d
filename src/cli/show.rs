//! `poryadok show ID`: the message card and its full timeline.

use serde_json::json;

use crate::context::Context;
use crate::error::Result;
use crate::output;
use crate::store::{events, messages, Store};

#[derive(clap::Args, Debug)]
pub struct ShowArgs {
    /// ID сообщения
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
                    "detail": local_instants(cal, &e.detail),
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
            .map(|o| o.iter().filter_map(|(k, v)| detail_line(ctx, k, v)).collect())
            .unwrap_or_default();
        if let Some(tx) = &e.text {
            let kind = tx
                .kind
                .parse::<crate::rules::AnswerKind>()
                .map(|k| ctx.t(k.ru(), k.as_str()))
                .unwrap_or("");
            details.push(format!(
                "{kind}, {} {}: {}",
                ctx.t("версия", "version"),
                tx.version,
                tx.body
            ));
        }
        t.add_row(vec![
            e.seq.to_string(),
            crate::workflow::step::action_name(&e.action, l).to_string(),
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

/// Instants inside an event's detail, shown with the calendar's local offset.
fn local_instants(cal: &crate::calendar::WorkCalendar, v: &serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::String(s) => match chrono::DateTime::parse_from_rfc3339(s) {
            Ok(t) => Value::String(output::rfc3339(cal, t.with_timezone(&chrono::Utc))),
            Err(_) => v.clone(),
        },
        Value::Array(a) => Value::Array(a.iter().map(|x| local_instants(cal, x)).collect()),
        Value::Object(o) => Value::Object(o.iter().map(|(k, x)| (k.clone(), local_instants(cal, x))).collect()),
        _ => v.clone(),
    }
}

/// One line of an event's detail for people: a Russian label and a readable value.
fn detail_line(ctx: &Context, key: &str, v: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    let cal = &ctx.calendar;
    let plain = |v: &Value| -> String {
        match v {
            Value::String(s) => match chrono::DateTime::parse_from_rfc3339(s) {
                Ok(t) => output::local_ru(cal, t.with_timezone(&chrono::Utc)),
                Err(_) => s.clone(),
            },
            Value::Null => "—".into(),
            other => other.to_string(),
        }
    };
    let outcome = |v: &Value| {
        v.as_str()
            .and_then(|s| s.parse::<crate::rules::Outcome>().ok())
            .map(|o| o.ru().to_string())
            .unwrap_or_else(|| plain(v))
    };
    let (label, value) = match key {
        "responsible" => (ctx.t("ответственный", "responsible"), plain(v)),
        "reason" => (ctx.t("причина", "reason"), plain(v)),
        "by" => (ctx.t("согласовал", "agreed by"), plain(v)),
        "kind" => {
            let k = v.as_str().and_then(|s| s.parse::<crate::rules::AnswerKind>().ok());
            (
                ctx.t("вид", "kind"),
                k.map(|k| ctx.t(k.ru(), k.as_str()).to_string())
                    .unwrap_or_else(|| plain(v)),
            )
        }
        "outcome" => (ctx.t("«Итог»", "outcome"), outcome(v)),
        "from" => (ctx.t("было", "was"), outcome(v)),
        "final_due" => (ctx.t("срок итогового ответа", "final answer due"), plain(v)),
        "justification" => (ctx.t("обоснование", "justification"), plain(v)),
        "forced" => (
            ctx.t("направлено несмотря на замечания", "submitted despite findings"),
            plain(v),
        ),
        "lint" => (
            ctx.t("замечаний к тексту", "text findings"),
            v.as_array().map(|a| a.len()).unwrap_or(0).to_string(),
        ),
        "detected_at" => return None,
        "flags" => {
            let flags = v.as_array().filter(|a| !a.is_empty())?;
            let names: Vec<String> = flags
                .iter()
                .map(|f| match f["flag"].as_str() {
                    Some("topic_not_in_appendix") => {
                        ctx.t("тема не из приложения", "topic not in the appendix").to_string()
                    }
                    Some("forbidden_content") => format!(
                        "{} ({})",
                        ctx.t("п. 1.4: проверьте содержание", "1.4: check the content"),
                        f["span"].as_str().unwrap_or_default()
                    ),
                    _ => f.to_string(),
                })
                .collect();
            (ctx.t("отметки", "flags"), names.join("; "))
        }
        other => {
            // Changed fields of a later export: [old, new].
            if let Some([old, new]) = v.as_array().map(Vec::as_slice) {
                return Some(format!("{other}: {} → {}", plain(old), plain(new)));
            }
            return Some(format!("{other}: {}", plain(v)));
        }
    };
    Some(format!("{label}: {value}"))
}
