//! The message lifecycle against the real binary, one test per clause of the deadline
//! table (SPEC «Deadlines checked at each transition»), with the clock pinned.
//! Tatarstan calendar, December 2026: Mon 7 … Fri 11 are ordinary working days.

use serde_json::Value;

use crate::common::{fixture, Env, Output};

/// An export with our documented English column names.
const HEADER: &str = "id;detected_at;received_at;text;topic;thread;author\n";

/// A folder with the rows imported and the clock at `now`.
fn env_with(rows: &[&str], now: &str) -> Env {
    Env::with_export(now, HEADER, rows)
}

fn show(env: &Env, id: &str) -> Value {
    env.run(&["show", id, "--json"]).success().json()
}

/// The last event of `id` with this action.
fn event(env: &Env, id: &str, action: &str) -> Value {
    let card = show(env, id);
    card["events"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|e| e["action"] == action)
        .cloned()
        .unwrap_or_else(|| panic!("no «{action}» event in {card:#}"))
}

fn assert_timing(ev: &Value, rule: &str, due: &str, on_time: bool, overrun: i64) {
    assert_eq!(ev["rule"], rule, "{ev:#}");
    assert_eq!(ev["due_at"], due, "{ev:#}");
    assert_eq!(ev["on_time"], on_time, "{ev:#}");
    assert_eq!(ev["overrun_minutes"], overrun, "{ev:#}");
}

const NOW: &str = "2026-12-11T16:00";

fn run_ok(env: &Env, args: &[&str]) -> Output {
    env.run(args).success()
}

#[test]
fn p_2_1_route_within_half_an_hour_of_detection() {
    let env = env_with(
        &[
            "R1;2026-12-07 10:00;2026-12-07 10:20;Нет света;;;",
            "R2;2026-12-07 16:50;2026-12-08 09:25;Нет воды;;;",
        ],
        NOW,
    );
    assert_timing(
        &event(&env, "R1", "import"),
        "2.1",
        "2026-12-07T10:30:00+03:00",
        true,
        0,
    );
    // 16:50 + 0.5 wh = 09:20 next morning; received 09:25 → 5 minutes late.
    assert_timing(
        &event(&env, "R2", "import"),
        "2.1",
        "2026-12-08T09:20:00+03:00",
        false,
        5,
    );
}

#[test]
fn p_2_2_and_3_2_answer_due_8_working_hours_from_detection() {
    let env = env_with(
        &[
            "A1;2026-12-07 10:00;2026-12-07 10:10;Яма на дороге;;;",
            // п. 2.2: detected on Friday evening, the clock starts Monday 09:00.
            "A2;2026-12-04 20:00;2026-12-07 09:00;Нет автобуса;;;",
            // Detected before 31 Dec (a day off in 2026) and the New Year holidays.
            "A3;2026-12-30 16:00;2026-12-30 16:10;Гололёд;;;",
        ],
        "2027-01-11T09:00",
    );
    assert_eq!(show(&env, "A1")["answer_due_at"], "2026-12-08T10:00:00+03:00");
    assert_eq!(show(&env, "A2")["answer_due_at"], "2026-12-07T17:00:00+03:00");
    assert_eq!(show(&env, "A3")["answer_due_at"], "2027-01-11T16:00:00+03:00");
}

#[test]
fn p_3_3_assign_within_one_working_hour_of_receipt() {
    let env = env_with(
        &[
            "S1;2026-12-07 10:00;2026-12-07 10:20;Текст;;;",
            "S2;2026-12-07 10:00;2026-12-07 10:20;Текст;;;",
        ],
        NOW,
    );
    run_ok(
        &env,
        &[
            "assign",
            "S1",
            "--responsible",
            "Иванов И.И.",
            "--at",
            "2026-12-07T11:00",
        ],
    );
    assert_timing(
        &event(&env, "S1", "assign"),
        "3.3",
        "2026-12-07T11:20:00+03:00",
        true,
        0,
    );
    let late = run_ok(
        &env,
        &[
            "assign",
            "S2",
            "--responsible",
            "Иванов И.И.",
            "--at",
            "2026-12-07T11:45",
        ],
    );
    assert!(
        late.stderr.contains("п. 3.3") && late.stderr.contains("25 мин"),
        "{}",
        late.stderr
    );
    // The two lines the README shows.
    assert_eq!(late.stdout, "S2: передано ответственному; теперь «у ответственного»\n");
    assert_eq!(
        late.stderr,
        "ПРОСРОЧКА по п. 3.3: передано ответственному позже срока 07.12.2026 11:20 на 25 мин\n"
    );
    assert_timing(
        &event(&env, "S2", "assign"),
        "3.3",
        "2026-12-07T11:20:00+03:00",
        false,
        25,
    );
}

#[test]
fn p_2_3_decline_within_one_hour_and_only_with_reasons() {
    let env = env_with(&["D1;2026-12-07 10:00;2026-12-07 10:00;Вопрос про пенсию;;;"], NOW);
    let refused = env
        .run(&["decline", "D1", "--reason", "  ", "--at", "2026-12-07T10:30"])
        .code(4);
    assert!(refused.stderr.contains("2.3"), "{}", refused.stderr);
    run_ok(
        &env,
        &[
            "decline",
            "D1",
            "--reason",
            "Вопрос в компетенции Социального фонда",
            "--at",
            "2026-12-07T11:30",
        ],
    );
    assert_timing(
        &event(&env, "D1", "decline"),
        "2.3",
        "2026-12-07T11:00:00+03:00",
        false,
        30,
    );
    assert_eq!(show(&env, "D1")["state"], "declined");
    // Nothing can follow a decline.
    env.run(&["assign", "D1", "--responsible", "X", "--at", "2026-12-07T12:00"])
        .code(4);
}

/// Moves `id` from `new` to `submitted`: assign, draft, agree, submit at the given times.
fn to_submitted(env: &Env, id: &str, assign: &str, draft: &str, agree: &str, submit: &str) {
    run_ok(env, &["assign", id, "--responsible", "Петров П.П.", "--at", assign]);
    run_ok(
        env,
        &[
            "draft",
            id,
            "--text",
            "Здравствуйте! Дорогу очистят до 10 декабря.",
            "--at",
            draft,
        ],
    );
    run_ok(env, &["agree", id, "--by", "Сулейманов Р.А.", "--at", agree]);
    run_ok(env, &["submit", id, "--at", submit]);
}

#[test]
fn p_3_6_submit_no_later_than_1_5_hours_before_the_answer_deadline() {
    let env = env_with(
        &[
            "F1;2026-12-07 10:00;2026-12-07 10:10;Текст;;;",
            "F2;2026-12-07 10:00;2026-12-07 10:10;Текст;;;",
        ],
        NOW,
    );
    // Answer due 08.12 10:00 → submit due 07.12 16:30.
    to_submitted(
        &env,
        "F1",
        "2026-12-07T10:30",
        "2026-12-07T13:00",
        "2026-12-07T14:00",
        "2026-12-07T16:30",
    );
    assert_timing(
        &event(&env, "F1", "submit"),
        "3.6",
        "2026-12-07T16:30:00+03:00",
        true,
        0,
    );
    to_submitted(
        &env,
        "F2",
        "2026-12-07T10:30",
        "2026-12-07T13:00",
        "2026-12-07T14:00",
        "2026-12-08T09:10",
    );
    assert_timing(
        &event(&env, "F2", "submit"),
        "3.6",
        "2026-12-07T16:30:00+03:00",
        false,
        40,
    );
}

#[test]
fn p_3_5_submit_refused_without_the_heads_agreement() {
    let env = env_with(&["G1;2026-12-07 10:00;2026-12-07 10:10;Текст;;;"], NOW);
    run_ok(
        &env,
        &["assign", "G1", "--responsible", "Петров", "--at", "2026-12-07T10:30"],
    );
    run_ok(
        &env,
        &[
            "draft",
            "G1",
            "--text",
            "Здравствуйте! Сделаем до пятницы.",
            "--at",
            "2026-12-07T11:00",
        ],
    );
    let out = env.run(&["submit", "G1", "--at", "2026-12-07T11:30"]).code(4);
    assert!(out.stderr.contains("3.5"), "{}", out.stderr);
}

#[test]
fn p_3_7_curator_review_within_half_an_hour_and_p_3_8_resubmit_within_one_hour() {
    let env = env_with(&["C1;2026-12-07 10:00;2026-12-07 10:10;Текст;;;"], NOW);
    to_submitted(
        &env,
        "C1",
        "2026-12-07T10:30",
        "2026-12-07T11:00",
        "2026-12-07T11:30",
        "2026-12-07T12:00",
    );
    env.run(&["rework", "C1", "--reason", "", "--at", "2026-12-07T12:20"])
        .code(4);
    run_ok(
        &env,
        &[
            "rework",
            "C1",
            "--reason",
            "Нет конкретного срока",
            "--at",
            "2026-12-07T12:45",
        ],
    );
    assert_timing(
        &event(&env, "C1", "rework"),
        "3.7",
        "2026-12-07T12:30:00+03:00",
        false,
        15,
    );
    // The reworked draft goes straight back to the curator (no new agreement, п. 3.8).
    run_ok(
        &env,
        &[
            "draft",
            "C1",
            "--text",
            "Здравствуйте! Дорогу очистят 8 декабря.",
            "--at",
            "2026-12-07T13:30",
        ],
    );
    run_ok(&env, &["submit", "C1", "--at", "2026-12-07T13:40"]);
    assert_timing(
        &event(&env, "C1", "submit"),
        "3.8",
        "2026-12-07T13:45:00+03:00",
        true,
        0,
    );
    run_ok(&env, &["approve", "C1", "--at", "2026-12-07T14:00"]);
    assert_timing(
        &event(&env, "C1", "approve"),
        "3.7",
        "2026-12-07T14:10:00+03:00",
        true,
        0,
    );
}

#[test]
fn p_3_8_resubmission_is_capped_by_the_answer_deadline() {
    let env = env_with(&["C2;2026-12-07 10:00;2026-12-07 10:10;Текст;;;"], NOW);
    to_submitted(
        &env,
        "C2",
        "2026-12-07T10:30",
        "2026-12-07T11:00",
        "2026-12-07T11:30",
        "2026-12-08T09:00",
    );
    run_ok(
        &env,
        &["rework", "C2", "--reason", "Грубый тон", "--at", "2026-12-08T09:30"],
    );
    run_ok(
        &env,
        &[
            "draft",
            "C2",
            "--text",
            "Здравствуйте! Очистим 8 декабря.",
            "--at",
            "2026-12-08T09:50",
        ],
    );
    run_ok(&env, &["submit", "C2", "--at", "2026-12-08T10:20"]);
    // 1 wh after the return would be 10:30, but the answer is due at 10:00 (п. 3.2).
    assert_timing(
        &event(&env, "C2", "submit"),
        "3.8",
        "2026-12-08T10:00:00+03:00",
        false,
        20,
    );
}

#[test]
fn p_3_2_publish_within_8_working_hours_with_outcome_p_3_15() {
    let env = env_with(&["P1;2026-12-07 10:00;2026-12-07 10:10;Текст;;;"], NOW);
    to_submitted(
        &env,
        "P1",
        "2026-12-07T10:30",
        "2026-12-07T11:00",
        "2026-12-07T11:30",
        "2026-12-07T12:00",
    );
    run_ok(&env, &["approve", "P1", "--at", "2026-12-07T12:10"]);
    // п. 3.15: an answer cannot be published without its «Итог».
    env.run(&["close", "P1", "--at", "2026-12-08T10:30"]).code(4);
    // п. 3.15: «Отложено» belongs to interim answers only.
    env.run(&["close", "P1", "--outcome", "отложено", "--at", "2026-12-08T10:30"])
        .code(4);
    run_ok(
        &env,
        &["close", "P1", "--outcome", "не-решено", "--at", "2026-12-08T10:30"],
    );
    assert_timing(
        &event(&env, "P1", "close"),
        "3.2",
        "2026-12-08T10:00:00+03:00",
        false,
        30,
    );
    let card = show(&env, "P1");
    assert_eq!(
        (card["state"].as_str(), card["outcome"].as_str()),
        (Some("closed"), Some("Не решено"))
    );
    // The curator corrects «Итог»; the correction is kept in history (п. 3.15).
    run_ok(
        &env,
        &[
            "outcome",
            "P1",
            "--set",
            "разъяснено",
            "--reason",
            "Ремонт внесён в план 2027 года",
        ],
    );
    let ev = event(&env, "P1", "outcome");
    assert_eq!(ev["detail"]["from"], "unresolved");
    assert_eq!(ev["detail"]["outcome"], "explained");
    assert_eq!(show(&env, "P1")["outcome"], "Разъяснено");
}

#[test]
fn p_3_16_appendix_topic_has_its_own_deadline_and_needs_resolved() {
    let env = env_with(
        &["T1;2026-12-07 10:00;2026-12-07 10:10;Собаки у магазина;Организация отлова безнадзорных животных;;"],
        NOW,
    );
    // Appendix: 2 working days from detection.
    assert_eq!(show(&env, "T1")["answer_due_at"], "2026-12-09T10:00:00+03:00");
    // п. 3.6: 09.12 10:00 − 1.5 wh = 08.12 16:30.
    to_submitted(
        &env,
        "T1",
        "2026-12-07T10:30",
        "2026-12-07T11:00",
        "2026-12-07T11:30",
        "2026-12-08T16:00",
    );
    assert_timing(
        &event(&env, "T1", "submit"),
        "3.6",
        "2026-12-08T16:30:00+03:00",
        true,
        0,
    );
    run_ok(&env, &["approve", "T1", "--at", "2026-12-08T16:20"]);
    let out = env
        .run(&["close", "T1", "--outcome", "разъяснено", "--at", "2026-12-08T16:40"])
        .code(4);
    assert!(
        out.stderr.contains("3.16") && out.stderr.contains("Решено"),
        "{}",
        out.stderr
    );
    run_ok(
        &env,
        &["close", "T1", "--outcome", "решено", "--at", "2026-12-08T16:40"],
    );
    assert_timing(&event(&env, "T1", "close"), "3.2", "2026-12-09T10:00:00+03:00", true, 0);
}

#[test]
fn p_3_9_interim_answer_within_3_hours_and_final_within_20_working_days() {
    let env = env_with(
        &["I1;2026-12-07 10:00;2026-12-07 10:30;Нужен ремонт крыши;;;"],
        "2027-01-20T12:00",
    );
    run_ok(
        &env,
        &["assign", "I1", "--responsible", "Петров", "--at", "2026-12-07T10:40"],
    );
    // No final date or no justification: refused.
    let args = [
        "draft",
        "I1",
        "--kind",
        "interim",
        "--text",
        "Здравствуйте! Для ремонта крыши нужна подрядная организация. О результатах сообщим до 25 декабря.",
        "--at",
        "2026-12-07T11:00",
    ];
    env.run(&args).code(4);
    // 20 working days after 07.12 11:00 is 13.01.2027 11:00 (31.12 and 1–10.01 are off):
    // the end of 13.01 is already too late.
    let mut late = args.to_vec();
    late.extend([
        "--final-due",
        "2027-01-13",
        "--justification",
        "Нужна подрядная организация",
    ]);
    let out = env.run(&late).code(4);
    assert!(
        out.stderr.contains("3.9") && out.stderr.contains("20"),
        "{}",
        out.stderr
    );
    let mut ok = args.to_vec();
    ok.extend([
        "--final-due",
        "2026-12-25",
        "--justification",
        "Нужна подрядная организация",
    ]);
    run_ok(&env, &ok);
    run_ok(&env, &["agree", "I1", "--by", "Сулейманов", "--at", "2026-12-07T12:00"]);
    run_ok(&env, &["submit", "I1", "--at", "2026-12-07T13:45"]);
    assert_timing(
        &event(&env, "I1", "submit"),
        "3.9",
        "2026-12-07T13:30:00+03:00",
        false,
        15,
    );
    run_ok(&env, &["approve", "I1", "--at", "2026-12-07T14:00"]);
    assert_timing(
        &event(&env, "I1", "approve"),
        "3.9",
        "2026-12-07T14:15:00+03:00",
        true,
        0,
    );
    run_ok(&env, &["close", "I1", "--at", "2026-12-07T14:10"]);
    let card = show(&env, "I1");
    assert_eq!(
        (card["state"].as_str(), card["outcome"].as_str()),
        (Some("interim"), Some("Отложено"))
    );
    assert_eq!(card["final_due_at"], "2026-12-25T17:00:00+03:00");
    // The final answer is measured against the promised date.
    run_ok(
        &env,
        &[
            "draft",
            "I1",
            "--text",
            "Здравствуйте! Крышу отремонтировали 24 декабря.",
            "--at",
            "2026-12-24T10:00",
        ],
    );
    run_ok(&env, &["agree", "I1", "--by", "Сулейманов", "--at", "2026-12-24T11:00"]);
    run_ok(&env, &["submit", "I1", "--at", "2026-12-24T12:00"]);
    assert_timing(
        &event(&env, "I1", "submit"),
        "3.6",
        "2026-12-25T15:30:00+03:00",
        true,
        0,
    );
    run_ok(&env, &["approve", "I1", "--at", "2026-12-24T12:20"]);
    run_ok(
        &env,
        &["close", "I1", "--outcome", "решено", "--at", "2026-12-28T09:30"],
    );
    assert_timing(
        &event(&env, "I1", "close"),
        "3.9",
        "2026-12-25T17:00:00+03:00",
        false,
        30,
    );
}

#[test]
fn p_3_10_clarifying_question_within_one_hour_of_the_need() {
    let env = env_with(&["Q1;2026-12-07 10:00;2026-12-07 10:10;Где именно яма?;;;"], NOW);
    run_ok(
        &env,
        &["assign", "Q1", "--responsible", "Петров", "--at", "2026-12-07T10:30"],
    );
    run_ok(
        &env,
        &[
            "draft",
            "Q1",
            "--kind",
            "clarify",
            "--text",
            "Здравствуйте! Уточните, пожалуйста, адрес.",
            "--at",
            "2026-12-07T11:00",
        ],
    );
    // A clarifying question needs no head's agreement.
    run_ok(&env, &["submit", "Q1", "--at", "2026-12-07T12:10"]);
    assert_timing(
        &event(&env, "Q1", "submit"),
        "3.10",
        "2026-12-07T12:00:00+03:00",
        false,
        10,
    );
    run_ok(&env, &["approve", "Q1", "--at", "2026-12-07T12:30"]);
    assert_timing(
        &event(&env, "Q1", "approve"),
        "3.10",
        "2026-12-07T12:40:00+03:00",
        true,
        0,
    );
    env.run(&["close", "Q1", "--outcome", "решено", "--at", "2026-12-07T12:50"])
        .code(4);
    run_ok(&env, &["close", "Q1", "--at", "2026-12-07T12:50"]);
    assert_eq!(show(&env, "Q1")["outcome"], "Не выбрано");
}

#[test]
fn p_3_14_sixth_identical_answer_in_a_thread_within_an_hour_is_refused() {
    let names = [
        "Анна Соколова",
        "Дмитрий Соколов",
        "Екатерина Зайцева",
        "Ильнур Хасанов",
        "Марина Кузнецова",
        "Олег Иванов",
    ];
    let mut rows = Vec::new();
    for (i, name) in names.iter().enumerate() {
        rows.push(format!(
            "E{};2026-12-07 10:00;2026-12-07 10:05;Будет ли ёлка?;;vk:-1_10;{name}",
            i + 1
        ));
    }
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    let env = env_with(&rows, NOW);
    for (i, name) in names.iter().enumerate() {
        let id = format!("E{}", i + 1);
        // The same answer, addressed to each user by name: still identical (п. 3.14).
        let first = name.split(' ').next().unwrap();
        let answer =
            format!("{first}, здравствуйте! Ёлка для детей будет 26 декабря в 11:00 в районном доме культуры.");
        let answer = answer.as_str();
        run_ok(
            &env,
            &["assign", &id, "--responsible", "Петров", "--at", "2026-12-07T10:10"],
        );
        run_ok(&env, &["draft", &id, "--text", answer, "--at", "2026-12-07T10:26"]);
        run_ok(&env, &["agree", &id, "--by", "Сулейманов", "--at", "2026-12-07T10:27"]);
        run_ok(&env, &["submit", &id, "--at", "2026-12-07T10:28"]);
        run_ok(&env, &["approve", &id, "--at", "2026-12-07T10:29"]);
    }
    for i in 1..=5 {
        run_ok(
            &env,
            &[
                "close",
                &format!("E{i}"),
                "--outcome",
                "разъяснено",
                "--at",
                &format!("2026-12-07T11:0{i}"),
            ],
        );
    }
    let out = env
        .run(&["close", "E6", "--outcome", "разъяснено", "--at", "2026-12-07T11:30"])
        .code(4);
    assert!(out.stderr.contains("3.14"), "{}", out.stderr);
    assert_eq!(show(&env, "E6")["state"], "approved");
    // One working hour after the first five, the same answer may go out again.
    run_ok(
        &env,
        &["close", "E6", "--outcome", "разъяснено", "--at", "2026-12-07T12:06"],
    );
}

#[test]
fn status_lists_next_steps_soonest_first_and_overdue_exits_1() {
    let env = env_with(
        &[
            "N1;2026-12-07 09:30;2026-12-07 09:40;Текст;;;",
            "N2;2026-12-07 09:00;2026-12-07 09:05;Текст;;;",
        ],
        "2026-12-07T09:30",
    );
    let rows = env.run(&["status", "--json"]).success().json();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["id"], "N2");
    let keys: Vec<&str> = rows[0].as_object().unwrap().keys().map(String::as_str).collect();
    for k in [
        "id",
        "state",
        "next_step",
        "due_at",
        "remaining_minutes",
        "overdue",
        "topic",
        "answer_due_at",
    ] {
        assert!(keys.contains(&k), "status --json lacks {k}: {keys:?}");
    }
    assert_eq!(rows[0]["next_step"], "assign");
    assert_eq!(rows[0]["due_at"], "2026-12-07T10:05:00+03:00");
    assert_eq!(rows[0]["remaining_minutes"], 35);
    assert_eq!(rows[1]["due_at"], "2026-12-07T10:40:00+03:00");
    assert_eq!(rows[0]["overdue"], false);
    env.run(&["status", "--overdue"]).code(0);
    let mut later = env;
    later.set_now(Some("2026-12-07T10:20"));
    let out = later.run(&["status", "--overdue", "--json"]).code(1);
    let rows = out.json();
    assert_eq!(rows.as_array().unwrap().len(), 1);
    assert_eq!(rows[0]["id"], "N2");
    assert_eq!(rows[0]["remaining_minutes"], -15);
    // --due-within keeps what is due soon.
    let soon = later.run(&["status", "--due-within", "1h", "--json"]).success().json();
    assert_eq!(soon.as_array().unwrap().len(), 2);
    let very_soon = later.run(&["status", "--due-within", "10m", "--json"]).success().json();
    assert_eq!(very_soon.as_array().unwrap().len(), 1);
}

#[test]
fn steps_cannot_go_back_in_time_or_into_the_future() {
    let env = env_with(&["B1;2026-12-07 10:00;2026-12-07 10:10;Текст;;;"], "2026-12-07T12:00");
    env.run(&["assign", "B1", "--responsible", "Петров", "--at", "2026-12-07T10:00"])
        .code(4);
    env.run(&["assign", "B1", "--responsible", "Петров", "--at", "2026-12-07T13:00"])
        .code(2);
    env.run(&["assign", "NOPE", "--responsible", "Петров"]).code(5);
}

#[test]
fn reimporting_the_same_file_changes_nothing_and_a_change_is_recorded() {
    let env = env_with(&["U1;2026-12-07 10:00;2026-12-07 10:10;Текст;;;"], NOW);
    let out = env.run(&["import", "export.csv", "--json"]).success().json();
    assert_eq!(
        (out["inserted"].as_i64(), out["unchanged"].as_i64()),
        (Some(0), Some(1))
    );
    env.write(
        "export.csv",
        format!("{HEADER}U1;2026-12-07 10:00;2026-12-07 10:10;Текст исправлен;;;\n"),
    );
    let out = env.run(&["import", "export.csv", "--json"]).success().json();
    assert_eq!(out["updated"], 1);
    let ev = event(&env, "U1", "import_update");
    assert_eq!(ev["detail"]["text"][1], "Текст исправлен");
}

#[test]
fn bundled_example_imports_and_shows_status() {
    let env = Env::new();
    let out = env
        .run(&["import", &fixture("../../examples/messages.csv"), "--json"])
        .success()
        .json();
    assert_eq!(out["inserted"], 30);
    assert_eq!(out["encoding"], "utf-8");
    let status = env.run(&["status", "--json"]).success().json();
    assert_eq!(status.as_array().unwrap().len(), 30);
}

#[test]
fn command_line_mistakes_are_said_in_russian_with_exit_2() {
    let env = Env::new();
    let out = env.run(&["assing", "1"]).code(2);
    assert!(out.stderr.starts_with("ошибка: неизвестная команда"), "{}", out.stderr);
    assert!(out.stderr.contains("assign"), "clap's suggestion stays: {}", out.stderr);
    let out = env.run(&["assign", "1", "--lang", "en"]).code(2);
    assert!(!out.stderr.contains("ошибка"), "{}", out.stderr);
    // Prefixes never run a command (cron scripts must not change meaning).
    env.run(&["stat"]).code(2);
    let help = env.run(&["--help"]).success();
    assert!(help.stdout.contains("Что на очереди"), "{}", help.stdout);
}
