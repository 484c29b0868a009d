//! The answer corpus (`tests/fixtures/answers/*.toml`) and tests of the public API.

use std::path::Path;

use serde::Deserialize;

use super::*;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    case: Vec<Case>,
}

/// One fixture: a text and exactly the (clause, severity) findings it must produce.
/// `kind = "message"` checks a citizen's message with `flag_forbidden` (п. 1.4).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    #[serde(default = "default_kind")]
    kind: String,
    text: String,
    #[serde(default)]
    message_text: Option<String>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    language_fallback: Option<String>,
    expected: Vec<Expected>,
}

fn default_kind() -> String {
    "answer".into()
}

#[derive(Deserialize, Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
struct Expected {
    clause: String,
    severity: String,
}

fn run_case(c: &Case, book: &PhraseBook) -> Vec<Finding> {
    if c.kind == "message" {
        return flag_forbidden(&c.text, book);
    }
    let kind: AnswerKind = c.kind.parse().unwrap_or_else(|e| panic!("{}: {e}", c.name));
    lint(
        &LintRequest {
            text: &c.text,
            kind,
            message_text: c.message_text.as_deref(),
            author: c.author.as_deref(),
            language_fallback: c.language_fallback.as_deref(),
        },
        book,
    )
}

fn load_corpus() -> Vec<(String, Case)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/answers");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/answers exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let mut cases = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let parsed: CaseFile = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let file = f.file_name().unwrap().to_string_lossy().to_string();
        cases.extend(parsed.case.into_iter().map(|c| (file.clone(), c)));
    }
    cases
}

/// Every corpus answer yields exactly its expected multiset of (clause, severity); good
/// answers (`expected = []`) yield nothing at all.
#[test]
fn answer_corpus_matches_expected_findings_p_1_4_1_5_3_9_3_11_3_12() {
    let book = PhraseBook::bundled();
    let cases = load_corpus();
    assert!(cases.len() >= 40, "the corpus has only {} cases", cases.len());
    assert!(cases.iter().filter(|(_, c)| c.expected.is_empty()).count() >= 10);
    let mut failures = Vec::new();
    for (file, c) in &cases {
        let findings = run_case(c, &book);
        let mut got: Vec<Expected> = findings
            .iter()
            .map(|f| Expected {
                clause: f.clause.to_string(),
                severity: f.severity.as_str().to_string(),
            })
            .collect();
        got.sort();
        let mut want = c.expected.clone();
        want.sort();
        if got != want {
            let detail: Vec<String> = findings
                .iter()
                .map(|f| format!("    {} {}: {}", f.clause, f.severity.as_str(), f.message.ru))
                .collect();
            failures.push(format!(
                "{file} / {}: expected {:?}, got {:?}\n{}",
                c.name,
                want.iter()
                    .map(|e| format!("{} {}", e.clause, e.severity))
                    .collect::<Vec<_>>(),
                got.iter()
                    .map(|e| format!("{} {}", e.clause, e.severity))
                    .collect::<Vec<_>>(),
                detail.join("\n")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

fn answer(text: &str) -> Vec<Finding> {
    lint(
        &LintRequest {
            text,
            kind: AnswerKind::Answer,
            message_text: None,
            author: None,
            language_fallback: None,
        },
        &PhraseBook::bundled(),
    )
}

fn clauses(findings: &[Finding]) -> Vec<(&'static str, &'static str)> {
    findings.iter().map(|f| (f.clause, f.severity.as_str())).collect()
}

#[test]
fn greeting_required_p_3_11() {
    let f = answer("Снег на улице Садовой в Пестрецах уберут до 10 декабря.");
    assert_eq!(clauses(&f), [("3.11", "error")]);
    assert_eq!(f[0].span.as_deref(), Some("Снег на улице Садовой в Пестрецах"));
    assert!(answer("Мария, добрый день! Снег уберут до 10 декабря.").is_empty());
    assert!(answer("Исәнмесез! Урамдагы карны 10 декабрьгә кадәр чистартачаклар.").is_empty());
}

#[test]
fn cliche_is_quoted_with_hint_p_3_12() {
    let f = answer("Здравствуйте! Доводим до Вашего сведения, что снег уберут завтра.");
    assert_eq!(clauses(&f), [("3.12", "error")]);
    assert_eq!(f[0].span.as_deref(), Some("Доводим до Вашего сведения"));
    assert_eq!(
        f[0].message.ru,
        "канцелярит «Доводим до Вашего сведения» — напишите «сообщаем»"
    );
}

#[test]
fn overlapping_phrases_reported_once_p_3_12() {
    let f = answer("Здравствуйте! На основании вышеизложенного снег уберут завтра.");
    assert_eq!(clauses(&f), [("3.12", "error")]);
    assert_eq!(f[0].span.as_deref(), Some("На основании вышеизложенного"));
}

#[test]
fn yo_and_case_are_folded_p_3_12() {
    let f = answer("Здравствуйте! С УЧЁТОМ ВЫШЕИЗЛОЖЕННОГО снег уберут завтра.");
    assert_eq!(clauses(&f), [("3.12", "error")]);
}

#[test]
fn forbidden_content_is_flagged_not_refused_p_1_4() {
    let book = PhraseBook::bundled();
    let f = flag_forbidden("Понаехавшие опять мусорят, выгнать всех!", &book);
    assert_eq!(clauses(&f), [("1.4", "warning"), ("1.4", "warning")]);
    assert_eq!(f[0].span.as_deref(), Some("Понаехавшие"));
    assert!(flag_forbidden("Когда починят фонари в Кощаково?", &book).is_empty());
    // Answers are not checked for п. 1.4.
    assert!(answer("Здравствуйте! Фонари на ул. Ленина починят завтра, экстремистов там нет.").is_empty());
}

#[test]
fn with_extra_adds_phrases_and_markers_p_3_12() {
    let extra: toml::Table = toml::from_str(
        r#"
        [[phrases]]
        clause = "3.12"
        severity = "warning"
        label = "канцелярит"
        pattern = "в части касающейся"
        hint = "уберите оборот"

        [markers]
        greeting = ["салют"]
        "#,
    )
    .unwrap();
    let book = PhraseBook::with_extra(&extra).unwrap();
    assert_eq!(book.entries().len(), PhraseBook::bundled().entries().len() + 1);
    let req = |text| LintRequest {
        text,
        kind: AnswerKind::Clarify,
        message_text: None,
        author: None,
        language_fallback: None,
    };
    let f = lint(&req("Салют! В части, касающейся фонарей: уточните адрес?"), &book);
    assert_eq!(clauses(&f), [("3.12", "warning")]);
    assert_eq!(f[0].message.ru, "канцелярит «В части, касающейся» — уберите оборот");
    // The bundled book alone does not know either.
    let f = lint(
        &req("Салют! В части, касающейся фонарей: уточните адрес?"),
        &PhraseBook::bundled(),
    );
    assert_eq!(clauses(&f), [("3.11", "error")]);
    assert!(PhraseBook::with_extra(&toml::Table::new()).is_ok());
}

#[test]
fn with_extra_refuses_bad_entries_p_3_12() {
    for bad in [
        "[[phrases]]\nclause = \"9.9\"\nseverity = \"error\"\npattern = \"x\"\nhint = \"h\"",
        "[[phrases]]\nclause = \"3.12\"\nseverity = \"fatal\"\npattern = \"x\"\nhint = \"h\"",
        "[[phrases]]\nclause = \"3.12\"\nseverity = \"error\"\nhint = \"h\"",
        "[[phrases]]\nclause = \"3.12\"\nseverity = \"error\"\npattern = \"№ 5\"\nhint = \"h\"",
        "[markers]\ngreetings = [\"салют\"]",
        "phrase = 1",
    ] {
        let extra: toml::Table = toml::from_str(bad).unwrap();
        let err = PhraseBook::with_extra(&extra).expect_err(bad);
        assert_eq!(err.exit_code(), 3, "{bad}");
    }
}

#[test]
fn bundled_phrase_book_parses_p_3_12() {
    let book = PhraseBook::bundled();
    assert!(book.entries().len() >= 15);
    assert!(book.entries().iter().any(|e| e.clause == "1.4"));
}

fn request(text: &str, kind: AnswerKind) -> LintRequest<'_> {
    LintRequest {
        text,
        kind,
        message_text: None,
        author: None,
        language_fallback: None,
    }
}

#[test]
fn date_required_error_for_interim_warning_for_answer_p_3_11() {
    let book = PhraseBook::bundled();
    let text = "Здравствуйте! Фонари в Шалях починят, когда привезут провод, поэтому о результате сообщим позже.";
    assert_eq!(
        clauses(&lint(&request(text, AnswerKind::Answer), &book)),
        [("3.11", "warning")]
    );
    assert_eq!(
        clauses(&lint(&request(text, AnswerKind::Interim), &book)),
        [("3.11", "error"), ("3.9", "error")]
    );
    assert!(lint(&request(text, AnswerKind::Clarify), &book).is_empty());
    for dated in [
        "до 15 декабря",
        "в течение двух дней",
        "10.12.2026",
        "на следующей неделе",
        "до конца месяца",
        "завтра",
        "в 2027 году",
    ] {
        let t = format!("Здравствуйте! Фонари в Шалях починят {dated}.");
        assert!(lint(&request(&t, AnswerKind::Answer), &book).is_empty(), "{dated}");
    }
}

#[test]
fn interim_states_final_date_p_3_9() {
    let book = PhraseBook::bundled();
    let ok = "Здравствуйте! Трубы нужно заказать, их привезут до 20 декабря. Итоговый ответ дадим до 24 декабря.";
    assert!(lint(&request(ok, AnswerKind::Interim), &book).is_empty());
    // The promise and the date are in different sentences.
    let split = "Здравствуйте! Трубы нужно заказать, их привезут до 20 декабря. Итоговый ответ дадим позже.";
    assert_eq!(
        clauses(&lint(&request(split, AnswerKind::Interim), &book)),
        [("3.9", "error")]
    );
}

#[test]
fn redirect_needs_contact_and_reason_p_3_11() {
    let book = PhraseBook::bundled();
    let f = lint(
        &request(
            "Здравствуйте! Вам необходимо обратиться в РЭС сегодня.",
            AnswerKind::Answer,
        ),
        &book,
    );
    assert_eq!(clauses(&f), [("3.11", "error"), ("3.11", "warning")]);
    assert_eq!(f[0].span.as_deref(), Some("обратиться"));
    let ok = "Здравствуйте! Провода обслуживает РЭС, поэтому обратитесь туда сегодня: 8 (84367) 3-02-25.";
    assert!(lint(&request(ok, AnswerKind::Answer), &book).is_empty());
}

#[test]
fn language_fallback_turns_error_into_warning_p_1_5() {
    let book = PhraseBook::bundled();
    let mut req = request("Здравствуйте! Воду в Шалях дадут сегодня до 17:00.", AnswerKind::Answer);
    req.message_text = Some("Шәле авылында су юк!");
    let f = lint(&req, &book);
    assert_eq!(clauses(&f), [("1.5", "error")]);
    assert!(f[0].message.ru.contains("сообщение на татарском, а ответ на русском"));
    req.language_fallback = Some("нет переводчика");
    let f = lint(&req, &book);
    assert_eq!(clauses(&f), [("1.5", "warning")]);
    assert!(f[0].message.ru.contains("«нет переводчика»"));
}

#[test]
fn address_by_name_is_a_warning_p_3_11() {
    let book = PhraseBook::bundled();
    let mut req = request("Здравствуйте! Воду дадут сегодня до 17:00.", AnswerKind::Answer);
    req.author = Some("Мария Иванова");
    assert_eq!(clauses(&lint(&req, &book)), [("3.11", "warning")]);
    req.text = "Здравствуйте, Мария! Воду дадут сегодня до 17:00.";
    assert!(lint(&req, &book).is_empty());
    // A nickname in Latin letters cannot be checked.
    req.author = Some("kotik_92");
    req.text = "Здравствуйте! Воду дадут сегодня до 17:00.";
    assert!(lint(&req, &book).is_empty());
}

#[test]
fn long_sentence_is_a_warning_p_3_12() {
    // 3 + 33 = 36 words: one over the limit of 35.
    let long = format!("Здравствуйте! Снег уберут завтра{}.", " очень".repeat(33));
    let f = answer(&long);
    assert_eq!(clauses(&f), [("3.12", "warning")]);
    assert_eq!(
        f[0].span.as_deref(),
        Some("Снег уберут завтра очень очень очень очень очень…")
    );
    assert!(
        f[0].message.ru.starts_with("длинное предложение (36 слов)"),
        "{}",
        f[0].message.ru
    );
    let ok = format!("Здравствуйте! Снег уберут завтра{}.", " очень".repeat(32));
    assert!(answer(&ok).is_empty());
}
