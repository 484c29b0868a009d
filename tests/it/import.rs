//! `poryadok import` against every fixture in `tests/fixtures/import/` (see its
//! `generate.py`), through the real binary with the clock pinned after every date in
//! them: encodings, separators, broken files, all-or-nothing, re-imports, and a kill.

use std::path::Path;
use std::time::Duration;

use crate::common::{dump, dump_without, fixture, Env, Output};

/// After every date in the fixtures (January 2026).
const NOW: &str = "2026-12-03T14:30";

/// The text of message 184533 in every BASIC fixture: a quote, separators and a newline.
const TEXT_184533: &str = "Контейнеры у магазина «Пятёрочка» переполнены; мусор не вывозят, собаки \
    растаскивают, \"оператор\" не отвечает.\nФото в комментариях, прошу принять меры.";

fn pinned() -> Env {
    let mut env = Env::new();
    env.set_now(Some(NOW));
    env
}

/// Copies `import/NAME` into a fresh folder and imports it with `--json` (plus `extra`).
fn import_fixture(env: &Env, name: &str, extra: &[&str]) -> Output {
    env.copy_fixture(&format!("import/{name}"), name);
    let mut args = vec!["--json", "import", name];
    args.extend_from_slice(extra);
    env.run(&args)
}

fn counts(out: &Output) -> [u64; 5] {
    let j = out.json();
    ["rows", "inserted", "updated", "unchanged", "rejected"]
        .map(|k| j[k].as_u64().unwrap_or_else(|| panic!("{k}: {j:#}")))
}

fn db(env: &Env) -> rusqlite::Connection {
    rusqlite::Connection::open(env.path().join("poryadok.db")).unwrap()
}

/// `external_id → text` of every message, in import order.
fn texts(env: &Env) -> Vec<(String, String)> {
    db(env)
        .prepare("SELECT external_id, text FROM messages ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn text_of(env: &Env, id: &str) -> String {
    db(env)
        .query_row("SELECT text FROM messages WHERE external_id = ?1", [id], |r| r.get(0))
        .unwrap()
}

/// A folder whose database already holds the four BASIC messages.
fn env_with_basic() -> Env {
    let env = pinned();
    import_fixture(&env, "utf8_semicolon.csv", &[]).success();
    env
}

#[test]
fn every_encoding_and_separator_imports_the_same_messages() {
    let mut cards: Vec<(String, String)> = Vec::new();
    for enc in ["utf8", "utf8bom", "cp1251"] {
        for sep in ["semicolon", "comma", "tab"] {
            let name = format!("{enc}_{sep}.csv");
            let env = pinned();
            let out = import_fixture(&env, &name, &[]).success();
            assert_eq!(counts(&out), [4, 4, 0, 0, 0], "{name}");
            let j = out.json();
            let encoding = if enc == "cp1251" { "windows-1251" } else { "utf-8" };
            let delimiter = [("semicolon", ";"), ("comma", ","), ("tab", "\t")]
                .into_iter()
                .find(|(s, _)| *s == sep)
                .unwrap()
                .1;
            assert_eq!(
                (j["encoding"].as_str(), j["delimiter"].as_str()),
                (Some(encoding), Some(delimiter))
            );
            // The BOM is not part of the first header: no unknown column, ids clean.
            assert_eq!(j["unknown_columns"], serde_json::json!([]), "{name}");
            let ids: Vec<String> = texts(&env).into_iter().map(|(id, _)| id).collect();
            assert_eq!(ids, ["184502", "184517", "184533", "184540"], "{name}");
            // Quoted separators, quotes and the newline are kept in the text.
            assert_eq!(text_of(&env, "184533"), TEXT_184533, "{name}");
            let card = env.run(&["show", "184533", "--json"]).success();
            let c = card.json();
            assert_eq!(c["detected_at"], "2026-01-15T10:05:00+03:00", "{name}");
            assert_eq!(c["answer_due_at"], "2026-01-16T10:05:00+03:00", "{name}");
            assert_eq!(c["topic"], "Вывоз мусора", "{name}");
            cards.push((name, card.stdout));
        }
    }
    for (name, card) in &cards[1..] {
        assert_eq!(card, &cards[0].1, "{name} differs from {}", cards[0].0);
    }
}

#[test]
fn crlf_file_keeps_crlf_inside_quotes_and_skips_blank_lines() {
    let env = pinned();
    let out = import_fixture(&env, "crlf_multiline.csv", &[]).success();
    assert_eq!(counts(&out), [3, 3, 0, 0, 0]);
    let t = texts(&env);
    assert_eq!(
        t.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(),
        ["184502", "184551", "184540"]
    );
    assert_eq!(
        t[1].1,
        "Добрый день!\r\nНа площадке на ул. Молодёжной сломаны качели.\r\n\r\nПросим починить до выходных."
    );
    assert_eq!(t[2].1, "В Ленино-Кокушкино с утра нет воды, когда дадут?");
}

#[test]
fn bad_date_names_file_line_column_and_value_and_writes_nothing() {
    let env = env_with_basic();
    let before = dump(&env);
    env.copy_fixture("import/bad_date.csv", "bad_date.csv");
    env.run(&["import", "bad_date.csv"]).code(3).stderr_has(&[
        "bad_date.csv",
        "строка 3",
        "«Дата создания»",
        "«31.02.2026 10:00»",
    ]);
    assert_eq!(dump(&env), before);
}

#[test]
fn duplicate_id_in_one_file_names_both_lines_and_writes_nothing() {
    let env = env_with_basic();
    let before = dump(&env);
    env.copy_fixture("import/duplicate_id.csv", "duplicate_id.csv");
    env.run(&["import", "duplicate_id.csv"]).code(3).stderr_has(&[
        "duplicate_id.csv",
        "строка 4",
        "«184502»",
        "впервые в строке 2",
    ]);
    assert_eq!(dump(&env), before);
}

#[test]
fn unknown_column_is_imported_and_named() {
    let env = pinned();
    env.copy_fixture("import/unknown_column.csv", "unknown_column.csv");
    env.run(&["import", "unknown_column.csv"])
        .success()
        .stderr_has(&["столбцы не использованы: Комментарий модератора"]);
    assert_eq!(texts(&env).len(), 2);
    let env = Env::new();
    let out = import_fixture(&env, "unknown_column.csv", &[]).success();
    assert_eq!(counts(&out), [2, 2, 0, 0, 0]);
    assert_eq!(
        out.json()["unknown_columns"],
        serde_json::json!(["Комментарий модератора"])
    );
}

#[test]
fn truncated_file_names_its_line_and_imports_nothing() {
    let env = env_with_basic();
    let before = dump(&env);
    env.copy_fixture("import/truncated.csv", "truncated.csv");
    env.run(&["import", "truncated.csv"])
        .code(3)
        .stderr_has(&["truncated.csv", "строка 4", "обрезан"]);
    assert_eq!(dump(&env), before);
    // In an empty database too: the first three good rows are not kept.
    let env = pinned();
    import_fixture(&env, "truncated.csv", &[]).code(3);
    assert!(texts(&env).is_empty());
}

#[test]
fn unquoted_separator_names_the_line_and_field_counts() {
    let env = env_with_basic();
    let before = dump(&env);
    env.copy_fixture("import/unquoted_separator.csv", "unquoted_separator.csv");
    env.run(&["import", "unquoted_separator.csv"]).code(3).stderr_has(&[
        "unquoted_separator.csv",
        "строка 3",
        "13 полей",
        "12",
    ]);
    assert_eq!(dump(&env), before);
}

#[test]
fn english_column_names_with_received_time() {
    let env = pinned();
    let out = import_fixture(&env, "english_names.csv", &[]).success();
    assert_eq!(counts(&out), [2, 2, 0, 0, 0]);
    let c = env.run(&["show", "vk-771203", "--json"]).success().json();
    assert_eq!(c["detected_at"], "2026-01-16T07:55:00+03:00");
    assert_eq!(c["received_at"], "2026-01-16T09:05:00+03:00");
    assert_eq!(c["author"], "Ильдар Г.");
    // No received time: received when imported.
    let c = env.run(&["show", "ok-55120", "--json"]).success().json();
    assert_eq!(c["received_at"], "2026-12-03T14:30:00+03:00");
}

#[test]
fn xlsx_dates_come_from_excel_serials() {
    let env = pinned();
    let out = import_fixture(&env, "messages.xlsx", &[]).success();
    assert_eq!(counts(&out), [2, 2, 0, 0, 0]);
    assert_eq!(out.json()["format"], "xlsx");
    let c = env.run(&["show", "184502", "--json"]).success().json();
    assert_eq!(c["detected_at"], "2026-01-15T08:47:00+03:00");
    let c = env.run(&["show", "184517", "--json"]).success().json();
    assert_eq!(c["detected_at"], "2026-01-16T00:00:00+03:00");
    assert_eq!(
        text_of(&env, "184502"),
        "Третий день не чистят улицу Советскую в Пестрецах.\nАвтобус не прошёл."
    );
}

#[test]
fn skip_invalid_imports_good_rows_and_writes_rejects() {
    let env = pinned();
    let out = import_fixture(&env, "bad_date.csv", &["--skip-invalid", "--rejects", "rej.csv"]).success();
    assert_eq!(counts(&out), [2, 1, 0, 0, 1]);
    assert_eq!(texts(&env).len(), 1);
    let raw = std::fs::read(env.path().join("rej.csv")).unwrap();
    assert!(raw.starts_with(b"\xEF\xBB\xBF"), "no UTF-8 BOM");
    let text = String::from_utf8(raw[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert!(lines[0].starts_with("строка;причина;ID;Дата создания;"), "{}", lines[0]);
    assert!(lines[1].starts_with("3;\""), "{text}");
    assert!(
        lines[1].contains("«Дата создания»") && lines[1].contains("«31.02.2026 10:00»"),
        "{text}"
    );
    assert!(
        lines[1].contains(";184517;31.02.2026 10:00;"),
        "the row's own values follow: {text}"
    );
    assert_eq!(lines[2..], [""]);
    // The clerk fixes the date in the rejects file and imports it again.
    env.write("rej.csv", text.replace(";31.02.2026 10:00;", ";28.02.2026 10:00;"));
    let again = env.run(&["--json", "import", "rej.csv"]).success();
    assert_eq!(again.json()["inserted"], 1, "{}", again.stdout);
    assert_eq!(texts(&env).len(), 2);
}

#[test]
fn dry_run_on_a_new_database_creates_no_file() {
    let env = pinned();
    import_fixture(&env, "english_names.csv", &["--dry-run"]).success();
    assert!(!env.path().join("poryadok.db").exists());
}

/// A row refused only at its п. 2.1 route deadline (received after the calendar's last
/// year) used to leave its message behind, without history, while being reported rejected.
#[test]
fn skip_invalid_leaves_nothing_of_a_row_refused_late() {
    let mut env = Env::new();
    env.set_now(Some("2028-01-10T10:00"));
    env.write("late.csv", "id;detected_at;text\nL1;2027-12-01 10:00;Снег не убран\n");
    let out = env
        .run(&["--json", "import", "late.csv", "--skip-invalid", "--rejects", "rej.csv"])
        .success();
    assert_eq!(counts(&out), [1, 0, 0, 0, 1]);
    assert!(texts(&env).is_empty(), "a rejected row was written");
    assert!(env.read("rej.csv").contains("L1"));
}

#[test]
fn dry_run_writes_nothing() {
    let env = env_with_basic();
    let before = dump(&env);
    let out = import_fixture(&env, "english_names.csv", &["--dry-run"]).success();
    assert_eq!(out.json()["dry_run"], true);
    assert_eq!(counts(&out), [2, 2, 0, 0, 0]);
    assert_eq!(dump(&env), before);
}

#[test]
fn reimporting_the_same_file_changes_nothing() {
    let env = env_with_basic();
    let before = dump_without(env.path(), &["imports"]);
    let out = import_fixture(&env, "utf8_semicolon.csv", &[]).success();
    assert_eq!(counts(&out), [4, 0, 0, 4, 0]);
    // The same messages in another encoding and separator are the same messages too.
    let out = import_fixture(&env, "cp1251_tab.csv", &[]).success();
    assert_eq!(counts(&out), [4, 0, 0, 4, 0]);
    assert_eq!(dump_without(env.path(), &["imports"]), before);
    let imports: i64 = db(&env)
        .query_row("SELECT COUNT(*) FROM imports", [], |r| r.get(0))
        .unwrap();
    assert_eq!(imports, 3);
}

#[test]
fn overlapping_later_export_adds_new_rows_and_records_a_change() {
    let env = env_with_basic();
    let old = "В Ленино-Кокушкино с утра нет воды, когда дадут?";
    let new = "В Ленино-Кокушкино с утра нет воды, когда дадут? Уже вечер!";
    let csv = std::fs::read_to_string(fixture("import/utf8_semicolon.csv"))
        .unwrap()
        .replace(old, new)
        + "184560;16.01.2026 09:00;;Дороги;Ямочный ремонт;Республика Татарстан;Пестречинский муниципальный район;с. Пестрецы;Яма у остановки;Жалоба;;\n"
        + "184561;16.01.2026 09:30;;ЖКХ;Вывоз мусора;Республика Татарстан;Пестречинский муниципальный район;с. Шали;Мусор не вывезли;Жалоба;;\n";
    env.write("later.csv", csv);
    let out = env.run(&["--json", "import", "later.csv"]).success();
    assert_eq!(counts(&out), [6, 2, 1, 3, 0]);
    let ids: Vec<String> = texts(&env).into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids, ["184502", "184517", "184533", "184540", "184560", "184561"]);
    assert_eq!(text_of(&env, "184540"), new);
    let card = env.run(&["show", "184540", "--json"]).success().json();
    let events = card["events"].as_array().unwrap();
    let actions: Vec<&str> = events.iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["import", "import_update"]);
    assert_eq!(events[1]["detail"]["text"], serde_json::json!([old, new]));
    assert_eq!(events[1]["at"], "2026-12-03T14:30:00+03:00");
    // Once more: nothing changes, nothing is duplicated.
    let before = dump_without(env.path(), &["imports"]);
    let out = env.run(&["--json", "import", "later.csv"]).success();
    assert_eq!(counts(&out), [6, 0, 0, 6, 0]);
    assert_eq!(dump_without(env.path(), &["imports"]), before);
}

#[test]
fn windows_1251_with_russian_headers_names_columns_in_errors() {
    let env = pinned();
    let out = import_fixture(&env, "cp1251_semicolon.csv", &[]).success();
    assert_eq!(out.json()["encoding"], "windows-1251");
    assert_eq!(
        text_of(&env, "184540"),
        "В Ленино-Кокушкино с утра нет воды, когда дадут?"
    );
    let c = env.run(&["show", "184517", "--json"]).success().json();
    assert_eq!(c["topic"], "Уличное освещение");
    let before = dump(&env);
    let csv = "ID;Дата создания;Текст инцидента;Населённый пункт\r\n\
               184570;30.02.2026 09:00;Нет света;с. Пестрецы\r\n";
    let (bytes, _, bad) = encoding_rs::WINDOWS_1251.encode(csv);
    assert!(!bad);
    env.write("cp1251_bad.csv", bytes);
    env.run(&["import", "cp1251_bad.csv"])
        .code(3)
        .stderr_has(&["строка 2", "«Дата создания»", "«30.02.2026 09:00»"]);
    assert_eq!(dump(&env), before);
}

/// Writes an export of `rows` messages (ids `K0`, `K1`, …) to `path`.
fn write_big(path: &Path, rows: usize) {
    use std::io::Write;
    let mut w = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    writeln!(w, "ID;Дата создания;Тема;Населённый пункт;Текст инцидента").unwrap();
    for i in 0..rows {
        writeln!(
            w,
            "K{i};{:02}.11.2026 {:02}:{:02};Очистка дорог от снега;с. Пестрецы;Улицу №{i} не чистят третий день, автобус не прошёл",
            1 + i % 28,
            9 + i % 8,
            i % 60
        )
        .unwrap();
    }
    w.flush().unwrap();
}

/// The spec: «A crash, a kill … leaves the file consistent». The import is killed with
/// SIGKILL part-way; the database must be exactly as before, and a new import must work.
#[test]
fn import_killed_part_way_leaves_the_database_as_before() {
    let bin = assert_cmd::cargo::cargo_bin("poryadok");
    // The kill must land well inside the import, never during its commit: size the file
    // so that the import takes about KILL_AFTER × 7 on this build and machine (debug
    // builds are ~10× slower), measured on a small import first.
    const KILL_AFTER: Duration = Duration::from_millis(300);
    let calibration = pinned();
    write_big(&calibration.path().join("small.csv"), 3_000);
    let start = std::time::Instant::now();
    calibration.run(&["import", "small.csv"]).success();
    let per_second = 3_000.0 / start.elapsed().as_secs_f64();
    let mut rows = ((per_second * KILL_AFTER.as_secs_f64() * 7.0) as usize).clamp(4_000, 400_000);
    let (env, before) = loop {
        let env = env_with_basic();
        let before = dump(&env);
        write_big(&env.path().join("big.csv"), rows);
        let mut child = std::process::Command::new(&bin)
            .current_dir(env.path())
            .args(["import", "big.csv"])
            .env("PORYADOK_NOW", NOW)
            .env("NO_COLOR", "1")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(KILL_AFTER);
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL on Unix
            if child.wait().unwrap().code().is_none() {
                break (env, before);
            }
        } else {
            child.wait().unwrap();
        }
        // It finished first (the machine was idle during calibration): a bigger file.
        assert!(rows < 1_000_000, "the import always finished before the kill");
        rows *= 4;
    };
    assert_eq!(dump(&env), before);
    let ok: String = db(&env).query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
    let out = env.run(&["--json", "import", "big.csv"]).success();
    assert_eq!(counts(&out), [rows as u64, rows as u64, 0, 0, 0]);
    let n: i64 = db(&env)
        .query_row("SELECT COUNT(*) FROM messages", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n as usize, rows + 4);
}
