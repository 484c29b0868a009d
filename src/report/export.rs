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

/// Every message as a row, oldest import first, handed to `sink` one at a time so an
/// archive of millions is never held in memory. `now` decides which steps are overdue.
pub fn for_each_row(
    conn: &Connection,
    cal: &WorkCalendar,
    lang: Lang,
    now: DateTime<Utc>,
    mut sink: impl FnMut(Vec<Cell>) -> Result<()>,
) -> Result<()> {
    let mut late: HashMap<i64, i64> = HashMap::new();
    let mut st = conn.prepare("SELECT message_id, COUNT(*) FROM events WHERE on_time = 0 GROUP BY message_id")?;
    for r in st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))? {
        let (id, n) = r?;
        late.insert(id, n);
    }
    let local = |t: DateTime<Utc>| Cell::DateTime(cal.local(t).naive_local());
    let text = |s: &Option<String>| s.clone().map(Cell::Text).unwrap_or(Cell::Empty);
    let yes_no = |b: bool| {
        Cell::Text(
            if b {
                lang.pick("да", "yes")
            } else {
                lang.pick("нет", "no")
            }
            .into(),
        )
    };
    messages::for_each(conn, |m| {
        let next = next_step(&m, cal)?.map(|(n, _)| n);
        let overdue = match &next {
            Some(n) => yes_no(cal.between(now, n.due_at)?.0.is_negative()),
            None => Cell::Empty,
        };
        sink(vec![
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
            yes_no(m.topic_id.is_some()),
            Cell::Text(m.text.clone()),
            Cell::Text(m.state.name(lang).into()),
            text(&m.responsible),
            next.as_ref()
                .map(|n| Cell::Text(format!("{} (п. {})", n.describe(lang), n.rule.clause())))
                .unwrap_or(Cell::Empty),
            next.as_ref().map(|n| local(n.due_at)).unwrap_or(Cell::Empty),
            overdue,
            local(m.answer_due_at),
            m.final_due_at.map(local).unwrap_or(Cell::Empty),
            m.outcome.map(|o| Cell::Text(o.ru().into())).unwrap_or(Cell::Empty),
            Cell::Int(late.get(&m.id).copied().unwrap_or(0)),
        ])
    })
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
