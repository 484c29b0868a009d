//! Answer quality at `submit` (п. 1.5, 3.11, 3.12, 3.14): error-level findings refuse the
//! submission unless `--force --reason`, which is kept in history.

use crate::common::Env;

fn env_at_agreed(text: &str) -> Env {
    let mut env = Env::new();
    env.set_now(Some("2026-12-07T16:00"));
    env.write(
        "export.csv",
        "id;detected_at;received_at;text;thread;author\n\
         L1;2026-12-07 10:00;2026-12-07 10:10;Когда почистят дорогу на Советской?;vk:1;Ильнур Хасанов\n\
         T1;2026-12-07 10:00;2026-12-07 10:10;Шәледә урамда утлар янмый, балалар караңгыда йөри.;vk:2;Айгөл Садыйкова\n",
    );
    env.run(&["import", "export.csv"]).success();
    for id in ["L1", "T1"] {
        env.run(&["assign", id, "--responsible", "Петров", "--at", "2026-12-07T10:30"])
            .success();
        env.run(&["draft", id, "--text", text, "--at", "2026-12-07T11:00"])
            .success();
        env.run(&["agree", id, "--by", "Сулейманов", "--at", "2026-12-07T11:30"])
            .success();
    }
    env
}

#[test]
fn p_3_12_bureaucratic_draft_is_refused_at_submit_and_forced_with_a_reason() {
    let env = env_at_agreed("Доводим до Вашего сведения, что данный вопрос находится на контроле.");
    let out = env.run(&["submit", "L1", "--at", "2026-12-07T12:00"]).code(4);
    assert!(
        out.stderr.contains("п. 3.11") && out.stderr.contains("п. 3.12"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("--force"),
        "the hint says how to proceed: {}",
        out.stderr
    );
    let card = env.run(&["show", "L1", "--json"]).success().json();
    assert_eq!(card["state"], "agreed", "nothing written");
    env.run(&["submit", "L1", "--force", "--at", "2026-12-07T12:00"])
        .code(2);
    env.run(&[
        "submit",
        "L1",
        "--force",
        "--reason",
        "Текст согласован с главой дословно",
        "--at",
        "2026-12-07T12:00",
    ])
    .success();
    let card = env.run(&["show", "L1", "--json"]).success().json();
    let submit = card["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "submit")
        .unwrap()
        .clone();
    assert_eq!(submit["detail"]["forced"], "Текст согласован с главой дословно");
    let clauses: Vec<&str> = submit["detail"]["lint"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["clause"].as_str().unwrap())
        .collect();
    assert!(clauses.contains(&"3.12"), "{clauses:?}");
}

#[test]
fn p_1_5_russian_answer_to_a_tatar_message_needs_a_reason() {
    let env = env_at_agreed("Здравствуйте! Фонари на улице Центральной починят до 10 декабря.");
    let out = env.run(&["submit", "T1", "--at", "2026-12-07T12:00"]).code(4);
    assert!(out.stderr.contains("п. 1.5"), "{}", out.stderr);
    // The Russian message gets the same text without objection.
    env.run(&["submit", "L1", "--at", "2026-12-07T12:00"]).success();
    env.run(&[
        "submit",
        "T1",
        "--language-fallback",
        "Нет сотрудника со знанием татарского",
        "--at",
        "2026-12-07T12:05",
    ])
    .success();
}

#[test]
fn lint_command_reads_the_message_from_the_database() {
    let env = env_at_agreed("Здравствуйте! Дорогу почистят до 8 декабря.");
    let out = env
        .run(&[
            "lint",
            "--message",
            "T1",
            "--text",
            "Здравствуйте! Дорогу почистят до 8 декабря.",
            "--json",
        ])
        .code(1);
    let findings = out.json();
    assert!(
        findings
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["clause"] == "1.5" && f["severity"] == "error"),
        "{findings:#}"
    );
    env.run(&["lint", "--message", "NOPE", "--text", "Здравствуйте!"])
        .code(5);
}

#[test]
fn p_1_4_suspicious_messages_are_flagged_at_import_never_rejected() {
    let mut env = Env::new();
    env.set_now(Some("2026-12-07T16:00"));
    env.write(
        "export.csv",
        "id;detected_at;text\n\
         X1;2026-12-07 10:00;Понаехали тут, выгнать всех из посёлка!\n\
         X2;2026-12-07 10:05;Когда починят фонари на Центральной?\n",
    );
    let out = env.run(&["import", "export.csv", "--json"]).success().json();
    assert_eq!(out["inserted"], 2);
    assert_eq!(out["flagged_1_4"], serde_json::json!(["X1"]));
    let card = env.run(&["show", "X1", "--json"]).success().json();
    assert_eq!(card["state"], "new", "flagged, not rejected");
    let human = env.run(&["import", "export.csv"]).success();
    assert!(
        !human.stderr.contains("X1"),
        "a re-import flags nothing new: {}",
        human.stderr
    );
    // The executor decides: not considered, with a reason (п. 1.4).
    env.run(&["reject", "X1", "--reason", "Разжигание национальной розни"])
        .success();
    assert_eq!(env.run(&["show", "X1", "--json"]).success().json()["state"], "rejected");
}

#[test]
fn the_sample_settings_extend_the_phrase_lists() {
    let env = Env::new();
    let config = crate::common::fixture("../../examples/poryadok.toml");
    let text = "Здравствуйте! По существу поставленного вопроса: решим до 10 декабря.";
    let with = env
        .run(&["lint", "--text", text, "--json", "--config", &config])
        .code(1)
        .json();
    assert!(
        with.as_array()
            .unwrap()
            .iter()
            .any(|f| f["clause"] == "3.12" && f["span"] == "По существу поставленного вопроса"),
        "{with:#}"
    );
    env.run(&["lint", "--text", text, "--json"]).success();
}
