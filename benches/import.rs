//! Import at scale: a year of monitoring in one file (issue 4).
//!
//! Generates `PORYADOK_BENCH_ROWS` (default 1,000,000) realistic rows of an
//! «Инцидент Менеджмент» export (~300 bytes each, Russian text) in a temp folder, then
//! times in the same run:
//!
//! * **baseline** — the rows parsed with the `csv` crate and inserted into the same
//!   schema with one prepared `INSERT INTO messages …` per row, in one transaction;
//! * **full import (library)** — `import::open` + `Store::open` + `intake` in one
//!   transaction, exactly what `poryadok import` does;
//! * **full import (binary)** — the release binary end to end, under `/usr/bin/time -v`
//!   for its peak memory (maximum resident set size).
//!
//! Targets: full import within 2× the baseline, peak memory under 200 MB.
//! Run: `cargo bench --bench import` (quick: `PORYADOK_BENCH_ROWS=100000 cargo bench --bench import`).

use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{NaiveDateTime, TimeZone};
use poryadok::context::{Context, ContextInput};
use poryadok::import::{self, ReadOptions};
use poryadok::rules::lint::PhraseBook;
use poryadok::store::Store;
use poryadok::workflow::intake::{intake, OnInvalid};
use poryadok::Lang;

const NOW: &str = "2026-12-03T14:30";

const HEADER: &str = "ID;Дата создания;Группа тем;Тема;Регион;Муниципалитет;Населённый пункт;\
    Текст инцидента;Тип инцидента;Итог;Исполнитель;Ветка;Автор";

/// (group, topic): appendix topics and others, as in real exports.
const TOPICS: &[(&str, &str)] = &[
    ("Дороги", "Зимнее содержание дорог"),
    ("ЖКХ", "Устранение аварийных ситуаций в системе водоснабжения"),
    ("ЖКХ", "Вывоз мусора"),
    ("ЖКХ", "Уличное освещение"),
    ("Благоустройство", "Организация отлова безнадзорных животных"),
    ("Благоустройство", "Содержание детских площадок"),
    ("Транспорт", "Работа общественного транспорта"),
    ("Образование", "Организация питания в школах"),
];

const PLACES: &[&str] = &[
    "с. Пестрецы",
    "с. Шали",
    "с. Кощаково",
    "с. Ленино-Кокушкино",
    "с. Богородское",
    "с. Кулаево",
    "пос. Научный городок",
];

const TEXTS: &[&str] = &[
    "Третий день не чистят улицу, автобус не прошёл.",
    "Не горят фонари уже неделю, детям страшно.",
    "Контейнеры переполнены; мусор не вывозят.",
    "С утра нет воды, когда дадут?",
    "Стая собак у школы, примите меры.",
    "На площадке сломаны качели, торчат гвозди.",
];

const AUTHORS: &[&str] = &[
    "Ильдар Г.",
    "Гульнара Х.",
    "Марина С.",
    "Айрат Ш.",
    "Светлана П.",
    "Рустем В.",
];

fn rows_wanted() -> usize {
    std::env::var("PORYADOK_BENCH_ROWS")
        .ok()
        .and_then(|s| s.replace('_', "").parse().ok())
        .unwrap_or(1_000_000)
}

fn generate(path: &Path, rows: usize) -> u64 {
    let mut w = BufWriter::with_capacity(1 << 20, std::fs::File::create(path).unwrap());
    w.write_all(b"\xEF\xBB\xBF").unwrap();
    w.write_all(HEADER.as_bytes()).unwrap();
    w.write_all(b"\r\n").unwrap();
    for i in 0..rows {
        let (group, topic) = TOPICS[i % TOPICS.len()];
        let place = PLACES[(i / 3) % PLACES.len()];
        let text = TEXTS[(i / 7) % TEXTS.len()];
        let author = AUTHORS[(i / 11) % AUTHORS.len()];
        // Spread over January–November 2026, inside and outside working hours.
        let day = 1 + (i / 97) % 28;
        let month = 1 + (i / 2_719) % 11;
        let (hour, minute) = (7 + i % 13, (i * 7) % 60);
        write!(
            w,
            "{id};{day:02}.{month:02}.2026 {hour:02}:{minute:02};{group};{topic};Республика Татарстан;\
             Пестречинский муниципальный район;{place};\"{text} Обращение {i}.\";Жалоба;;;\
             wall-{thread};{author}\r\n",
            id = 1_000_000 + i,
            thread = i / 5,
        )
        .unwrap();
    }
    w.flush().unwrap();
    std::fs::metadata(path).unwrap().len()
}

fn context(db: &Path) -> Context {
    Context::build(ContextInput {
        now: Some(NOW),
        lang: Lang::Ru,
        json: true,
        color: false,
        calendar_file: None,
        region: None,
        shortened_days: None,
        out_of_calendar: None,
        config: None,
        db: Some(db.to_path_buf()),
    })
    .expect("context")
}

/// The same rows, parsed with the `csv` crate and inserted bare.
fn baseline(file: &Path, db: &Path, ctx: &Context) -> (Duration, u64) {
    let start = Instant::now();
    let mut store = Store::open(db).unwrap();
    let tx = store.conn.transaction().unwrap();
    let mut n = 0;
    {
        let mut st = tx
            .prepare(
                "INSERT INTO messages (external_id, detected_at, received_at, thread, author, text, topic,
                    topic_group, settlement, region, municipality, incident_type, state, answer_due_at,
                    last_event_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'new', ?13, ?14)",
            )
            .unwrap();
        let mut rd = csv::ReaderBuilder::new().delimiter(b';').from_path(file).unwrap();
        let now = ctx.now.timestamp();
        for rec in rd.records() {
            let r = rec.unwrap();
            let naive = NaiveDateTime::parse_from_str(&r[1], "%d.%m.%Y %H:%M").unwrap();
            let detected = chrono_tz::Europe::Moscow
                .from_local_datetime(&naive)
                .single()
                .unwrap()
                .timestamp();
            st.execute(rusqlite::params![
                &r[0],
                detected,
                now,
                &r[11],
                &r[12],
                &r[7],
                &r[3],
                &r[2],
                &r[6],
                &r[4],
                &r[5],
                &r[8],
                detected + 8 * 3600,
                now
            ])
            .unwrap();
            n += 1;
        }
    }
    tx.commit().unwrap();
    (start.elapsed(), n)
}

/// What `poryadok import` does, through the library.
fn full_import(file: &Path, db: &Path, ctx: &Context) -> (Duration, u64) {
    let start = Instant::now();
    let mut source = import::open(file, &ReadOptions::default()).unwrap();
    let book = PhraseBook::bundled();
    let mut store = Store::open(db).unwrap();
    let tx = store
        .conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .unwrap();
    let report = intake(
        &tx,
        &book,
        &ctx.calendar,
        &source.file.clone(),
        &mut source.rows,
        &|f| f.as_str().to_string(),
        ctx.now,
        OnInvalid::Abort,
        &mut |_| {},
    )
    .unwrap();
    tx.commit().unwrap();
    assert_eq!(report.inserted, report.rows);
    (start.elapsed(), report.inserted)
}

/// The release binary end to end; its wall time and peak resident memory (MB).
fn binary(file: &Path, db: &Path) -> Option<(Duration, f64)> {
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        eprintln!("/usr/bin/time not found: peak memory not measured");
        return None;
    }
    let start = Instant::now();
    let out = Command::new(time)
        .arg("-v")
        .arg(env!("CARGO_BIN_EXE_poryadok"))
        .args(["--now", NOW, "--db"])
        .arg(db)
        .arg("import")
        .arg(file)
        .current_dir(db.parent().unwrap())
        .env_remove("PORYADOK_CONFIG")
        .output()
        .unwrap();
    let elapsed = start.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let kb: f64 = stderr
        .lines()
        .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
        .and_then(|v| v.trim().parse().ok())?;
    Some((elapsed, kb / 1024.0))
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs this with no flag: keep
    // that run tiny so the test suite stays fast.
    let quick = !std::env::args().any(|a| a == "--bench");
    let rows = if quick { 1_000 } else { rows_wanted() };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("export.csv");
    let t = Instant::now();
    let bytes = generate(&file, rows);
    println!(
        "import: {rows} rows, {:.1} MB ({:.0} bytes/row), generated in {:.1} s",
        bytes as f64 / 1e6,
        bytes as f64 / rows as f64,
        t.elapsed().as_secs_f64()
    );
    let ctx = context(&dir.path().join("unused.db"));

    // Best of `PORYADOK_BENCH_RUNS` (default 2) runs each, alternating, each into a fresh
    // database: the machine is shared, and the first run also warms the file cache.
    let runs: usize = std::env::var("PORYADOK_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(if quick { 1 } else { 2 });
    // Each database is deleted as soon as it is timed, so that no run pays for the
    // write-back of an earlier one's gigabyte of pages; the binary is timed in every
    // run too (best of N like the others).
    let drop_db = |db: &Path| {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
    };
    let (mut base, mut full, mut e2e, mut peak) = (Duration::MAX, Duration::MAX, None::<Duration>, 0f64);
    for run in 0..runs {
        let db = dir.path().join(format!("baseline{run}.db"));
        let (b, n) = baseline(&file, &db, &ctx);
        drop_db(&db);
        assert_eq!(n as usize, rows);
        let db = dir.path().join(format!("full{run}.db"));
        let (f, n) = full_import(&file, &db, &ctx);
        drop_db(&db);
        assert_eq!(n as usize, rows);
        let db = dir.path().join(format!("binary{run}.db"));
        let bin = binary(&file, &db);
        drop_db(&db);
        println!(
            "  run {}: baseline {:.2} s, full import {:.2} s ({:.2}×){}",
            run + 1,
            b.as_secs_f64(),
            f.as_secs_f64(),
            f.as_secs_f64() / b.as_secs_f64(),
            bin.map(|(t, _)| format!(", binary {:.2} s", t.as_secs_f64()))
                .unwrap_or_default()
        );
        base = base.min(b);
        full = full.min(f);
        if let Some((t, p)) = bin {
            e2e = Some(e2e.map_or(t, |e| e.min(t)));
            peak = peak.max(p);
        }
    }
    println!("baseline (csv + one INSERT per row):   {:>7.2} s", base.as_secs_f64());
    let ratio = full.as_secs_f64() / base.as_secs_f64();
    println!(
        "full import (library):                 {:>7.2} s  = {ratio:.2}× baseline (target ≤ 2×){}",
        full.as_secs_f64(),
        if ratio <= 2.0 { "" } else { "  OVER TARGET" }
    );
    if let Some(e2e) = e2e {
        println!(
            "full import (release binary, e2e):     {:>7.2} s  = {:.2}× baseline; peak memory {peak:.0} MB (target < 200 MB){}",
            e2e.as_secs_f64(),
            e2e.as_secs_f64() / base.as_secs_f64(),
            if peak < 200.0 { "" } else { "  OVER TARGET" }
        );
    }
}
