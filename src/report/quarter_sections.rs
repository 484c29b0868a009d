//! The quarterly report as titled tables, in the user's language: what the table,
//! Markdown, CSV and XLSX renderers print.

use super::data::{QuarterReport, REPEATED_VIOLATIONS};
use crate::rules::Outcome;
use crate::Lang;

/// A column of the single CSV file; each section fills the ones it has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Col {
    Name,
    Count,
    Previous,
    Change,
    Steps,
    OnTime,
    Late,
    Answered,
    Share,
    OverrunTotal,
    OverrunMean,
    Note,
}

impl Col {
    pub const ALL: [Col; 12] = [
        Col::Name,
        Col::Count,
        Col::Previous,
        Col::Change,
        Col::Steps,
        Col::OnTime,
        Col::Late,
        Col::Answered,
        Col::Share,
        Col::OverrunTotal,
        Col::OverrunMean,
        Col::Note,
    ];

    /// The generic header of the CSV column.
    pub fn title(self, lang: Lang) -> &'static str {
        let (ru, en) = match self {
            Col::Name => ("Наименование", "Name"),
            Col::Count => ("Количество", "Count"),
            Col::Previous => ("Предыдущий квартал", "Previous quarter"),
            Col::Change => ("Изменение", "Change"),
            Col::Steps => ("Шагов", "Steps"),
            Col::OnTime => ("В срок", "On time"),
            Col::Late => ("С просрочкой", "Late"),
            Col::Answered => ("Дано ответов", "Answered"),
            Col::Share => ("Доля, %", "Share, %"),
            Col::OverrunTotal => ("Просрочка всего, раб. мин", "Overrun total, working min"),
            Col::OverrunMean => ("Просрочка в среднем, раб. мин", "Overrun mean, working min"),
            Col::Note => ("Примечание", "Note"),
        };
        lang.pick(ru, en)
    }
}

/// A value of a cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Val {
    Text(String),
    Int(i64),
    /// A change: shown with its sign (`+3`, `-2`, `0`).
    Signed(i64),
    /// A share 0..1, shown as a percentage with one decimal; `None` when undefined.
    Pct(Option<f64>),
    /// A number shown with one decimal; `None` when undefined.
    Num(Option<f64>),
}

impl Val {
    /// The cell as text: decimal comma in Russian, «—» when undefined.
    pub fn text(&self, lang: Lang) -> String {
        let dec = |x: f64| {
            let s = format!("{x:.1}");
            match lang {
                Lang::Ru => s.replace('.', ","),
                Lang::En => s,
            }
        };
        match self {
            Val::Text(s) => s.clone(),
            Val::Int(n) => n.to_string(),
            Val::Signed(n) if *n > 0 => format!("+{n}"),
            Val::Signed(n) => n.to_string(),
            Val::Pct(Some(x)) => dec(x * 100.0),
            Val::Num(Some(x)) => dec(*x),
            Val::Pct(None) | Val::Num(None) => "—".to_string(),
        }
    }
}

/// One titled table of the report.
#[derive(Clone, Debug)]
pub struct Section {
    /// Stable key, as in JSON (`timeliness_by_stage`).
    pub key: &'static str,
    pub title: String,
    /// At most 31 characters, as Excel wants.
    pub sheet: &'static str,
    pub cols: Vec<(Col, String)>,
    pub rows: Vec<Vec<Val>>,
}

impl Section {
    /// What to print instead of an empty table.
    pub fn empty_text(&self, lang: Lang) -> &'static str {
        match self.key {
            "violations" => lang.pick("нарушений сроков нет", "no missed deadlines"),
            _ => lang.pick("нет данных", "no data"),
        }
    }
}

/// The name of a stage by its clause (SPEC, «Deadlines checked at each transition»).
pub fn stage_name(clause: &str, lang: Lang) -> &'static str {
    let (ru, en) = match clause {
        "2.1" => ("маршрутизация куратором", "routing by the curator"),
        "2.3" => ("возврат не по компетенции", "return as not our competence"),
        "3.2" => ("размещение ответа", "publishing the answer"),
        "3.3" => ("передача ответственному", "passing to the responsible"),
        "3.5" => ("согласование с руководителем", "agreement with the head of the body"),
        "3.6" => ("направление куратору", "submission to the curator"),
        "3.7" => ("согласование куратором", "curator's review"),
        "3.8" => ("повторное направление", "resubmission after return"),
        "3.9" => ("промежуточный ответ / итоговый ответ", "interim answer / final answer"),
        "3.10" => ("уточняющий вопрос", "clarifying question"),
        _ => ("", ""),
    };
    lang.pick(ru, en)
}

/// «не указан» for a body missing in the export.
pub fn body_name(name: &Option<String>, lang: Lang) -> String {
    name.clone()
        .unwrap_or_else(|| lang.pick("не указан", "not given").to_string())
}

/// «не назначен» for a message nobody was assigned to.
pub fn responsible_name(name: &Option<String>, lang: Lang) -> String {
    name.clone()
        .unwrap_or_else(|| lang.pick("не назначен", "not assigned").to_string())
}

fn outcome_name(o: Outcome, lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => o.ru(),
        Lang::En => match o {
            Outcome::Resolved => "Resolved",
            Outcome::Unresolved => "Not resolved",
            Outcome::Explained => "Explained",
            Outcome::Postponed => "Postponed",
            Outcome::Clarify => "Not chosen",
        },
    }
}

/// Every section of the report, in the order of the brief of the head of the apparatus.
pub fn sections(r: &QuarterReport, lang: Lang) -> Vec<Section> {
    let t = |ru: &str, en: &str| lang.pick(ru, en).to_string();
    let cols = |cs: &[(Col, &str, &str)]| cs.iter().map(|(c, ru, en)| (*c, t(ru, en))).collect::<Vec<_>>();
    let s = &r.summary;
    let mut out = Vec::new();

    let line = |ru: &str, en: &str, n: i64| vec![Val::Text(t(ru, en)), Val::Int(n)];
    out.push(Section {
        key: "summary",
        title: t("Сводка за квартал", "Summary of the quarter"),
        sheet: "Сводка",
        cols: cols(&[(Col::Name, "Показатель", "Figure"), (Col::Count, "Значение", "Value")]),
        rows: vec![
            line("Выявлено сообщений", "Messages detected", s.messages),
            line("Закрыто (ответ опубликован)", "Closed (answer published)", s.closed),
            line(
                "Возвращено не по компетенции (п. 2.3)",
                "Declined as not our competence (2.3)",
                s.declined,
            ),
            line("Не рассматривается (п. 1.4)", "Not considered (1.4)", s.rejected),
            line("Остаются в работе", "Still open", s.open),
            line(
                "  из них с промежуточным ответом (п. 3.9)",
                "  of them with an interim answer (3.9)",
                s.interim,
            ),
            line("По темам приложения (п. 3.16)", "Appendix topics (3.16)", s.appendix),
            line(
                "Опубликовано ответов в квартале",
                "Answers published in the quarter",
                s.answers_published,
            ),
            line("Шагов со сроком", "Steps with a deadline", s.steps),
            line("  из них с просрочкой", "  of them late", s.late_steps),
        ],
    });

    let problem_cols = |name_ru: &str, name_en: &str| {
        vec![
            (Col::Name, t(name_ru, name_en)),
            (Col::Count, t("Сообщений", "Messages")),
            (Col::Previous, t("Предыдущий квартал", "Previous quarter")),
            (Col::Change, t("Изменение", "Change")),
        ]
    };
    for (key, sheet, list, title_ru, title_en, name_ru, name_en) in [
        (
            "key_problems.topic_groups",
            "Группы тем",
            &r.topic_groups,
            "группы тем",
            "topic groups",
            "Группа тем",
            "Topic group",
        ),
        (
            "key_problems.topics",
            "Темы",
            &r.topics,
            "темы",
            "topics",
            "Тема",
            "Topic",
        ),
        (
            "key_problems.settlements",
            "Населённые пункты",
            &r.settlements,
            "населённые пункты",
            "settlements",
            "Населённый пункт",
            "Settlement",
        ),
    ] {
        out.push(Section {
            key,
            title: format!(
                "{}: {}",
                t("Ключевые проблемы (п. 1.7)", "Key problems (1.7)"),
                t(title_ru, title_en)
            ),
            sheet,
            cols: problem_cols(name_ru, name_en),
            rows: list
                .iter()
                .map(|p| {
                    vec![
                        Val::Text(p.name.clone()),
                        Val::Int(p.count),
                        Val::Int(p.previous),
                        Val::Signed(p.change()),
                    ]
                })
                .collect(),
        });
    }

    out.push(Section {
        key: "timeliness_by_stage",
        title: t("Своевременность по этапам", "Timeliness by stage"),
        sheet: "Этапы",
        cols: cols(&[
            (Col::Name, "Этап", "Stage"),
            (Col::Steps, "Шагов", "Steps"),
            (Col::OnTime, "В срок", "On time"),
            (Col::Late, "С просрочкой", "Late"),
            (Col::Share, "В срок, %", "On time, %"),
            (
                Col::OverrunTotal,
                "Просрочка всего, раб. мин",
                "Overrun total, working min",
            ),
            (
                Col::OverrunMean,
                "Просрочка в среднем, раб. мин",
                "Overrun mean, working min",
            ),
        ]),
        rows: r
            .stages
            .iter()
            .map(|st| {
                vec![
                    Val::Text(
                        format!("п. {} {}", st.clause, stage_name(&st.clause, lang))
                            .trim()
                            .to_string(),
                    ),
                    Val::Int(st.steps),
                    Val::Int(st.on_time),
                    Val::Int(st.late),
                    Val::Pct(st.on_time_share()),
                    Val::Int(st.overrun_total),
                    Val::Num(st.overrun_mean()),
                ]
            })
            .collect(),
    });

    for (key, sheet, groups, title_ru, title_en, name_ru, name_en, name) in [
        (
            "by_body",
            "Органы",
            &r.by_body,
            "Своевременность по органам",
            "Timeliness by body",
            "Орган",
            "Body",
            body_name as fn(&Option<String>, Lang) -> String,
        ),
        (
            "by_responsible",
            "Ответственные",
            &r.by_responsible,
            "Своевременность по ответственным",
            "Timeliness by responsible",
            "Ответственный",
            "Responsible",
            responsible_name,
        ),
    ] {
        out.push(Section {
            key,
            title: t(title_ru, title_en),
            sheet,
            cols: cols(&[
                (Col::Name, name_ru, name_en),
                (Col::Count, "Сообщений", "Messages"),
                (Col::Steps, "Шагов", "Steps"),
                (Col::Late, "С просрочкой", "Late steps"),
                (Col::Answered, "Дано ответов", "Answered"),
                (Col::OnTime, "Ответ в срок", "Answered on time"),
                (Col::Share, "Ответ в срок, %", "Answered on time, %"),
            ]),
            rows: groups
                .iter()
                .map(|g| {
                    vec![
                        Val::Text(name(&g.name, lang)),
                        Val::Int(g.messages),
                        Val::Int(g.steps),
                        Val::Int(g.late_steps),
                        Val::Int(g.answered),
                        Val::Int(g.answered_on_time),
                        Val::Pct(g.on_time_share()),
                    ]
                })
                .collect(),
        });
    }

    for (key, sheet, list, title_ru, title_en) in [
        (
            "outcomes",
            "Итоги",
            &r.outcomes,
            "Итоги опубликованных ответов (п. 3.15)",
            "Outcomes of published answers (3.15)",
        ),
        (
            "outcomes_appendix",
            "Итоги по приложению",
            &r.outcomes_appendix,
            "Итоги по темам приложения (п. 3.16: требуется «Решено»)",
            "Outcomes for appendix topics (3.16: «Решено» required)",
        ),
    ] {
        let total: i64 = list.iter().map(|(_, n)| n).sum();
        out.push(Section {
            key,
            title: t(title_ru, title_en),
            sheet,
            cols: cols(&[
                (Col::Name, "Итог", "Outcome"),
                (Col::Count, "Ответов", "Answers"),
                (Col::Share, "Доля, %", "Share, %"),
            ]),
            rows: list
                .iter()
                .map(|(o, n)| {
                    vec![
                        Val::Text(outcome_name(*o, lang).into()),
                        Val::Int(*n),
                        Val::Pct(super::data::share(*n, total)),
                    ]
                })
                .collect(),
        });
    }

    out.push(Section {
        key: "violations",
        title: t("Нарушения сроков по органам (п. 1.6)", "Missed deadlines by body (1.6)"),
        sheet: "Нарушения",
        cols: cols(&[
            (Col::Name, "Орган", "Body"),
            (Col::Late, "Шагов с просрочкой", "Late steps"),
            (
                Col::Note,
                "Пункты / неоднократные нарушения",
                "Clauses / repeated violations",
            ),
        ]),
        rows: r
            .violations()
            .iter()
            .map(|g| {
                let clauses = format!("{} {}", t("пп.", "cl."), g.late_clauses.join(", "));
                let note = if g.repeated() {
                    format!(
                        "{clauses}; {} (≥ {REPEATED_VIOLATIONS})",
                        t(
                            "неоднократные нарушения: сообщить руководителю органа",
                            "repeated violations: report to the head of the body"
                        )
                    )
                } else {
                    clauses
                };
                vec![
                    Val::Text(body_name(&g.name, lang)),
                    Val::Int(g.late_steps),
                    Val::Text(note),
                ]
            })
            .collect(),
    });

    let change = s.messages - r.previous_messages;
    out.push(Section {
        key: "dynamics",
        title: t(
            "Динамика к предыдущему кварталу",
            "Dynamics against the previous quarter",
        ),
        sheet: "Динамика",
        cols: cols(&[
            (Col::Name, "Показатель", "Figure"),
            (Col::Count, "Квартал", "Quarter"),
            (Col::Previous, "Предыдущий квартал", "Previous quarter"),
            (Col::Change, "Изменение", "Change"),
            (Col::Share, "Изменение, %", "Change, %"),
        ]),
        rows: vec![vec![
            Val::Text(t("Выявлено сообщений", "Messages detected")),
            Val::Int(s.messages),
            Val::Int(r.previous_messages),
            Val::Signed(change),
            match r.change_share() {
                Some(x) => Val::Text(format!(
                    "{}{}",
                    if x > 0.0 { "+" } else { "" },
                    Val::Pct(Some(x)).text(lang)
                )),
                None => Val::Text(t("нет данных", "no data")),
            },
        ]],
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::quarter::data::clause_key;

    #[test]
    fn values_read_as_russian_excel_expects() {
        assert_eq!(Val::Pct(Some(0.4)).text(Lang::Ru), "40,0");
        assert_eq!(Val::Pct(Some(2.0 / 3.0)).text(Lang::En), "66.7");
        assert_eq!(Val::Pct(None).text(Lang::Ru), "—");
        assert_eq!(Val::Num(Some(28.333)).text(Lang::Ru), "28,3");
        assert_eq!(Val::Signed(3).text(Lang::Ru), "+3");
        assert_eq!(Val::Signed(-1).text(Lang::Ru), "-1");
        assert_eq!(Val::Signed(0).text(Lang::Ru), "0");
    }

    #[test]
    fn stages_sort_by_clause_number_and_have_russian_names() {
        let mut cs = vec!["3.10", "3.2", "2.3", "3.9", "2.1"];
        cs.sort_by_key(|c| clause_key(c));
        assert_eq!(cs, ["2.1", "2.3", "3.2", "3.9", "3.10"]);
        for c in ["2.1", "2.3", "3.2", "3.3", "3.5", "3.6", "3.7", "3.8", "3.9", "3.10"] {
            assert!(!stage_name(c, Lang::Ru).is_empty(), "{c}");
        }
        assert_eq!(stage_name("3.9", Lang::Ru), "промежуточный ответ / итоговый ответ");
    }
}
