//! `report --quarter`: the quarterly analysis (п. 1.6, 1.7) over a small two-quarter
//! data set built through the real binary. Tatarstan calendar: 7–11 December 2026 and
//! 30 September – 1 October 2026 are ordinary working days.
//!
//! Q3 2026: A1–A4 detected (A3 on 30 September, assigned late on 1 October, in Q4).
//! Q4 2026:
//! * B1 (Исполком): every step on time, closed «Не решено», corrected to «Разъяснено»;
//! * B2 (Исполком, appendix topic, 2 working days): on time, closed «Решено»;
//! * B3 (Шалинское СП): assign late 30 min, submit late 30, published late 60, «Разъяснено»;
//! * B4 (Шалинское СП): declined (п. 2.3) 30 min late;
//! * B5 (no body): rejected (п. 1.4);
//! * B6 (Исполком): assigned 30 min late, still open.

use serde_json::{json, Value};

use crate::common::Env;

const HEADER: &str = "id;detected_at;received_at;text;topic;topic_group;settlement;body\n";
const IK: &str = "Исполком Пестречинского района";
const SHALI: &str = "Шалинское СП";
const ANSWER: &str = "Здравствуйте! Дорогу очистят до 10 декабря.";

fn rows() -> String {
    let rows = [
        "A1;2026-09-08 10:00;2026-09-08 10:10;Холодно в квартире;Отопление в доме;ЖКХ;Пестрецы;Исполком Пестречинского района",
        "A2;2026-09-09 10:00;2026-09-09 10:10;Мусор не вывозят;Мусор у контейнеров;ЖКХ;Шали;",
        "A3;2026-09-30 16:00;2026-09-30 16:05;Яма на Советской;Ямы на дороге;Дороги;Пестрецы;Исполком Пестречинского района",
        "A4;2026-08-12 10:00;2026-08-12 10:10;Яма у школы;Ямы на дороге;Дороги;Кощаково;",
        "B1;2026-12-07 10:00;2026-12-07 10:10;Нет отопления;Отопление в доме;ЖКХ;Пестрецы;Исполком Пестречинского района",
        "B2;2026-12-07 10:00;2026-12-07 10:10;Собаки у магазина;Организация отлова безнадзорных животных;Благоустройство;Пестрецы;Исполком Пестречинского района",
        "B3;2026-12-08 09:00;2026-12-08 09:00;Холодные батареи;Отопление в доме;ЖКХ;Шали;Шалинское СП",
        "B4;2026-12-09 10:00;2026-12-09 10:00;Яма на трассе;Ямы на дороге;Дороги;Пестрецы;Шалинское СП",
        "B5;2026-12-09 11:00;2026-12-09 11:00;Реклама;Мусор у контейнеров;ЖКХ;Кощаково;",
        "B6;2026-12-10 10:00;2026-12-10 10:00;Мусор во дворе;Мусор у контейнеров;ЖКХ;Пестрецы;Исполком Пестречинского района",
    ];
    HEADER.to_string() + &rows.join("\n") + "\n"
}

fn ok(env: &Env, args: &[&str]) {
    env.run(args).success();
}

/// assign → draft → agree → submit → approve → close, each at its time.
fn answer(env: &Env, id: &str, who: &str, times: [&str; 6], outcome: &str) {
    ok(env, &["assign", id, "--responsible", who, "--at", times[0]]);
    ok(env, &["draft", id, "--text", ANSWER, "--at", times[1]]);
    ok(env, &["agree", id, "--by", "Сулейманов Р.А.", "--at", times[2]]);
    ok(env, &["submit", id, "--at", times[3]]);
    ok(env, &["approve", id, "--at", times[4]]);
    ok(env, &["close", id, "--outcome", outcome, "--at", times[5]]);
}

fn data_set() -> Env {
    let mut env = Env::new();
    env.set_now(Some("2026-12-11T16:00"));
    env.write("export.csv", rows());
    ok(&env, &["import", "export.csv"]);
    // A Q3 message whose step falls into Q4: due 01.10 09:05, 25 minutes late.
    ok(
        &env,
        &[
            "assign",
            "A3",
            "--responsible",
            "Гарипов Р.Р.",
            "--at",
            "2026-10-01T09:30",
        ],
    );
    let b1 = [
        "2026-12-07T10:30",
        "2026-12-07T11:00",
        "2026-12-07T11:30",
        "2026-12-07T12:00",
        "2026-12-07T12:20",
        "2026-12-07T13:00",
    ];
    answer(&env, "B1", "Петров П.П.", b1, "не-решено");
    ok(
        &env,
        &[
            "outcome",
            "B1",
            "--set",
            "разъяснено",
            "--reason",
            "варианты разъяснены",
            "--at",
            "2026-12-07T14:00",
        ],
    );
    let b2 = [
        "2026-12-07T10:30",
        "2026-12-07T11:00",
        "2026-12-07T11:30",
        "2026-12-08T16:00",
        "2026-12-08T16:20",
        "2026-12-08T16:40",
    ];
    answer(&env, "B2", "Петров П.П.", b2, "решено");
    // Answer due 08.12 17:00, submission due 15:30.
    let b3 = [
        "2026-12-08T10:30",
        "2026-12-08T11:00",
        "2026-12-08T11:30",
        "2026-12-08T16:00",
        "2026-12-08T16:20",
        "2026-12-09T10:00",
    ];
    answer(&env, "B3", "Сидорова А.А.", b3, "разъяснено");
    ok(
        &env,
        &[
            "decline",
            "B4",
            "--reason",
            "дорога республиканская",
            "--at",
            "2026-12-09T11:30",
        ],
    );
    ok(
        &env,
        &["reject", "B5", "--reason", "реклама", "--at", "2026-12-09T11:10"],
    );
    ok(
        &env,
        &[
            "assign",
            "B6",
            "--responsible",
            "Гарипов Р.Р.",
            "--at",
            "2026-12-10T11:30",
        ],
    );
    env
}

fn report(env: &Env, quarter: &str) -> Value {
    env.run(&["report", "--quarter", quarter, "--json"]).success().json()
}

fn problem(name: &str, count: i64, previous: i64) -> Value {
    json!({ "name": name, "count": count, "previous": previous, "change": count - previous })
}

fn stage(clause: &str, name: &str, steps: i64, late: i64, share: f64, total: i64, mean: Value) -> Value {
    json!({
        "clause": clause, "stage": name, "steps": steps, "on_time": steps - late, "late": late,
        "on_time_share": share, "overrun_minutes_total": total, "overrun_minutes_mean": mean,
    })
}

fn group(key: &str, name: &str, n: [i64; 5], share: Value) -> Value {
    json!({
        key: name, "messages": n[0], "steps": n[1], "late_steps": n[2], "answered": n[3],
        "answered_on_time": n[4], "on_time_share": share,
    })
}

fn outcomes(counts: [i64; 5], shares: [f64; 5]) -> Value {
    let names = [
        ("Решено", "resolved"),
        ("Не решено", "unresolved"),
        ("Разъяснено", "explained"),
        ("Отложено", "postponed"),
        ("Не выбрано", "clarify"),
    ];
    names
        .iter()
        .zip(counts.iter().zip(shares))
        .map(|((ru, code), (n, s))| json!({ "outcome": ru, "code": code, "count": n, "share": s }))
        .collect()
}

#[test]
fn quarterly_report_counts_what_the_head_of_the_apparatus_asks_for() {
    let env = data_set();
    let r = report(&env, "2026Q4");
    assert_eq!(r["quarter"], "2026Q4");
    assert_eq!(r["from"], "2026-10-01T00:00:00+03:00");
    assert_eq!(r["to"], "2027-01-01T00:00:00+03:00");
    assert_eq!(r["previous"], "2026Q3");
    assert_eq!(
        r["summary"],
        json!({
            "messages": 6, "closed": 3, "declined": 1, "rejected": 1, "open": 1, "interim": 0,
            "appendix_topics": 1, "answers_published": 3, "steps": 24, "late_steps": 6,
        })
    );
    let kp = &r["key_problems"];
    assert_eq!(
        kp["topic_groups"],
        json!([
            problem("ЖКХ", 4, 2),
            problem("Благоустройство", 1, 0),
            problem("Дороги", 1, 2)
        ])
    );
    assert_eq!(
        kp["topics"],
        json!([
            problem("Мусор у контейнеров", 2, 1),
            problem("Отопление в доме", 2, 1),
            problem("Организация отлова безнадзорных животных", 1, 0),
            problem("Ямы на дороге", 1, 2),
        ])
    );
    assert_eq!(
        kp["settlements"],
        json!([
            problem("Пестрецы", 4, 2),
            problem("Кощаково", 1, 1),
            problem("Шали", 1, 1)
        ])
    );
    assert_eq!(
        r["timeliness_by_stage"],
        json!([
            stage("2.1", "маршрутизация куратором", 6, 0, 1.0, 0, Value::Null),
            stage("2.3", "возврат не по компетенции", 1, 1, 0.0, 30, json!(30.0)),
            stage("3.2", "размещение ответа", 3, 1, 0.6667, 60, json!(60.0)),
            stage("3.3", "передача ответственному", 5, 3, 0.4, 85, json!(28.3)),
            stage("3.5", "согласование с руководителем", 3, 0, 1.0, 0, Value::Null),
            stage("3.6", "направление куратору", 3, 1, 0.6667, 30, json!(30.0)),
            stage("3.7", "согласование куратором", 3, 0, 1.0, 0, Value::Null),
        ])
    );
    assert_eq!(
        r["by_body"],
        json!([
            group("body", IK, [3, 15, 2, 2, 2], json!(1.0)),
            group("body", SHALI, [2, 8, 4, 1, 0], json!(0.0)),
            group("body", "не указан", [1, 1, 0, 0, 0], Value::Null),
        ])
    );
    assert_eq!(
        r["by_responsible"],
        json!([
            group("responsible", "Петров П.П.", [2, 12, 0, 2, 2], json!(1.0)),
            group("responsible", "Сидорова А.А.", [1, 6, 3, 1, 0], json!(0.0)),
            group("responsible", "Гарипов Р.Р.", [1, 3, 2, 0, 0], Value::Null),
            group("responsible", "не назначен", [2, 3, 1, 0, 0], Value::Null),
        ])
    );
    // B1's «Не решено» was corrected to «Разъяснено» by the curator (п. 3.15).
    assert_eq!(
        r["outcomes"],
        outcomes([1, 0, 2, 0, 0], [0.3333, 0.0, 0.6667, 0.0, 0.0])
    );
    assert_eq!(
        r["outcomes_appendix"],
        outcomes([1, 0, 0, 0, 0], [1.0, 0.0, 0.0, 0.0, 0.0])
    );
    assert_eq!(
        r["violations"],
        json!([
            { "body": SHALI, "late_steps": 4, "repeated": true, "clauses": ["2.3", "3.2", "3.3", "3.6"] },
            { "body": IK, "late_steps": 2, "repeated": false, "clauses": ["3.3"] },
        ])
    );
    assert_eq!(
        r["dynamics"],
        json!({ "messages": 6, "previous": 4, "change": 2, "change_share": 0.5 })
    );

    // The previous quarter: its own messages and steps; no data before it.
    let q3 = report(&env, "2026-Q3");
    assert_eq!(q3["summary"]["messages"], 4);
    assert_eq!(q3["summary"]["open"], 4);
    assert_eq!(q3["summary"]["steps"], 4);
    assert_eq!(q3["timeliness_by_stage"][0]["clause"], "2.1");
    assert_eq!(
        q3["dynamics"],
        json!({ "messages": 4, "previous": 0, "change": 4, "change_share": null })
    );
    assert_eq!(
        env.run(&["report", "--quarter", "4кв2026", "--format", "json"])
            .success()
            .json(),
        r
    );

    // Human formats: every section under its Russian heading.
    let headings = [
        "Сводка за квартал",
        "Ключевые проблемы (п. 1.7): группы тем",
        "Ключевые проблемы (п. 1.7): темы",
        "Ключевые проблемы (п. 1.7): населённые пункты",
        "Своевременность по этапам",
        "Своевременность по органам",
        "Своевременность по ответственным",
        "Итоги опубликованных ответов (п. 3.15)",
        "Итоги по темам приложения (п. 3.16",
        "Нарушения сроков по органам (п. 1.6)",
        "Динамика к предыдущему кварталу",
    ];
    let table = env.run(&["report", "--quarter", "2026Q4"]).success().stdout;
    let md = env
        .run(&["report", "--quarter", "2026Q4", "--format", "md"])
        .success()
        .stdout;
    for h in headings {
        assert!(table.contains(h), "table lacks «{h}»:\n{table}");
        assert!(md.contains(&format!(". {h}")), "md lacks «{h}»:\n{md}");
    }
    assert!(table.contains("4 квартал 2026 г."), "{table}");
    assert!(table.contains("п. 3.3 передача ответственному"), "{table}");
    assert!(table.contains("40,0"), "{table}");
    assert!(table.contains("неоднократные нарушения"), "{table}");
    assert!(md.starts_with("# Анализ"), "{md}");
    assert!(
        md.contains("| Шалинское СП | 4 | пп. 2.3, 3.2, 3.3, 3.6; неоднократные нарушения"),
        "{md}"
    );
    assert!(md.contains("| Выявлено сообщений | 6 | 4 | +2 | +50,0 |"), "{md}");
    let q3_md = env
        .run(&["report", "--quarter", "2026Q3", "--format", "md"])
        .success()
        .stdout;
    assert!(
        q3_md.contains("| Выявлено сообщений | 4 | 0 | +4 | нет данных |"),
        "{q3_md}"
    );
    let en = env
        .run(&["report", "--quarter", "2026Q4", "--lang", "en"])
        .success()
        .stdout;
    assert!(en.contains("Timeliness by stage") && en.contains("Q4 2026"), "{en}");
}

#[test]
fn report_files_for_excel() {
    let env = data_set();
    let csv = env
        .run(&["report", "--quarter", "2026Q4", "--format", "csv"])
        .success()
        .stdout;
    assert!(csv.starts_with('\u{feff}'), "no BOM");
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert!(lines[0].starts_with("Раздел;Наименование;Количество;"), "{}", lines[0]);
    assert!(
        lines.contains(&"Нарушения сроков по органам (п. 1.6);Шалинское СП;;;;;;4;;;;;\"пп. 2.3, 3.2, 3.3, 3.6; неоднократные нарушения: сообщить руководителю органа (≥ 3)\""),
        "{csv}"
    );
    assert!(
        lines.contains(&"Сводка за квартал;Выявлено сообщений;6;;;;;;;;;;"),
        "{csv}"
    );

    let out = env.run(&["report", "--quarter", "2026Q4", "--format", "xlsx"]).code(2);
    assert!(out.stderr.contains("--out"), "{}", out.stderr);
    env.run(&["report", "--quarter", "2026Q4", "--format", "xlsx", "--out", "q4.xlsx"])
        .success();
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto(env.path().join("q4.xlsx")).unwrap();
    let sheets = book.sheet_names();
    assert_eq!(sheets.len(), 11, "{sheets:?}");
    assert!(
        sheets.contains(&"Этапы".to_string()) && sheets.contains(&"Нарушения".to_string()),
        "{sheets:?}"
    );
    let range = book.worksheet_range("Нарушения").unwrap();
    assert_eq!(range.get((2, 0)), Some(&calamine::Data::String(SHALI.into())));
    assert_eq!(range.get((2, 1)), Some(&calamine::Data::Float(4.0)));

    env.run(&["report", "--quarter", "2026Q4", "--format", "md", "--out", "q4.md"])
        .success();
    assert!(env.read("q4.md").contains("## 1. Сводка за квартал"));
}

#[test]
fn a_quarter_that_cannot_be_read_is_a_usage_error() {
    let env = Env::new();
    for bad in ["2026Q5", "2026-12", "четвёртый"] {
        let out = env.run(&["report", "--quarter", bad]).code(2);
        assert!(
            out.stderr.contains("2026Q4") && out.stderr.contains(bad),
            "{}",
            out.stderr
        );
    }
    // An empty database reports zeros, not an error.
    let r = env.run(&["report", "--quarter", "2026Q4", "--json"]).success().json();
    assert_eq!(r["summary"]["messages"], 0);
    assert_eq!(r["dynamics"]["change_share"], Value::Null);
}
