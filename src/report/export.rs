//! `export`: every message with its state, next step, deadlines and outcome, as a table
//! people open in Excel.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use super::export_writer::Cell;
use crate::calendar::WorkCalendar;
use crate::error::Result;
use crate::store::messages;
use crate::workflow::next_step;
use crate::Lang;

/// Column headers of the export, in the user's language.
pub fn headers(lang: Lang) -> Vec<&'static str> {
    let h: [(&str, &str); 21] = [
        ("ID", "ID"),
        ("Дата выявления", "Detected"),
        ("Дата поступления", "Received"),
        ("Соцсеть", "Network"),
        ("Ссылка", "Link"),
        ("Ветка", "Thread"),
        ("Автор", "Author"),
        ("Населённый пункт", "Settlement"),
        ("Группа тем", "Topic group"),
        ("Тема", "Topic"),
        ("Тема из приложения (п. 3.16)", "Appendix topic (3.16)"),
        ("Текст инцидента", "Text"),
        ("Состояние", "State"),
        ("Ответственный", "Responsible"),
        ("Следующий шаг", "Next step"),
        ("Срок шага", "Step due"),
        ("Шаг просрочен", "Step overdue"),
        ("Срок ответа", "Answer due"),
        ("Срок итогового ответа (п. 3.9)", "Final answer due (3.9)"),
        ("Итог", "Outcome"),
        ("Просрочено шагов", "Late steps"),
    ];
    h.iter().map(|(ru, en)| lang.pick(ru, en)).collect()
}

/// One row per message, oldest import first.
/// `now` decides which next steps are overdue.
pub fn rows(conn: &Connection, cal: &WorkCalendar, lang: Lang, now: DateTime<Utc>) -> Result<Vec<Vec<Cell>>> {
    let mut late: HashMap<i64, i64> = HashMap::new();
    let mut st = conn.prepare("SELECT message_id, COUNT(*) FROM events WHERE on_time = 0 GROUP BY message_id")?;
    for r in st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))? {
        let (id, n) = r?;
        late.insert(id, n);
    }
    let local = |t: DateTime<Utc>| Cell::DateTime(cal.local(t).naive_local());
    let text = |s: &Option<String>| s.clone().map(Cell::Text).unwrap_or(Cell::Empty);
    let mut out = Vec::new();
    for m in messages::all(conn)? {
        let next = next_step(&m, cal)?.map(|(n, _)| n);
        out.push(vec![
            Cell::Text(m.external_id.clone()),
            local(m.detected_at),
            local(m.received_at),
            text(&m.network),
            text(&m.link),
            text(&m.thread),
            text(&m.author),
            text(&m.settlement),
            text(&m.topic_group),
            text(&m.topic),
            Cell::Text(
                lang.pick(
                    if m.topic_id.is_some() { "да" } else { "нет" },
                    if m.topic_id.is_some() { "yes" } else { "no" },
                )
                .into(),
            ),
            Cell::Text(m.text.clone()),
            Cell::Text(m.state.name(lang).into()),
            text(&m.responsible),
            next.as_ref()
                .map(|n| Cell::Text(format!("{} (п. {})", n.describe(lang), n.rule.clause())))
                .unwrap_or(Cell::Empty),
            next.as_ref().map(|n| local(n.due_at)).unwrap_or(Cell::Empty),
            match &next {
                Some(n) if cal.between(now, n.due_at)?.0.is_negative() => Cell::Text(lang.pick("да", "yes").into()),
                Some(_) => Cell::Text(lang.pick("нет", "no").into()),
                None => Cell::Empty,
            },
            local(m.answer_due_at),
            m.final_due_at.map(local).unwrap_or(Cell::Empty),
            m.outcome.map(|o| Cell::Text(o.ru().into())).unwrap_or(Cell::Empty),
            Cell::Int(late.get(&m.id).copied().unwrap_or(0)),
        ]);
    }
    Ok(out)
}

/// A cell as CSV text (dates as `ДД.ММ.ГГГГ ЧЧ:ММ`, which Russian Excel reads as dates).
pub fn cell_text(c: &Cell) -> String {
    match c {
        Cell::Text(s) => s.clone(),
        Cell::Int(i) => i.to_string(),
        Cell::DateTime(d) => d.format("%d.%m.%Y %H:%M").to_string(),
        Cell::Empty => String::new(),
    }
}
