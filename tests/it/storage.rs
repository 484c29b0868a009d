//! Storage guarantees seen from outside: a refused step leaves the database exactly as
//! it was, and two processes moving different messages at once both succeed.

use crate::common::{dump, Env};

fn setup(now: &str, rows: &[&str]) -> Env {
    Env::with_export(now, "id;detected_at;received_at;text;topic", rows)
}

#[test]
fn refused_steps_leave_the_database_exactly_as_it_was() {
    let env = setup(
        "2026-12-09T12:00",
        &["A;2026-12-07 10:00;2026-12-07 10:10;Собаки;Организация отлова безнадзорных животных"],
    );
    for args in [
        &["assign", "A", "--responsible", "Петров", "--at", "2026-12-07T10:30"][..],
        &[
            "draft",
            "A",
            "--text",
            "Здравствуйте! Собак отловили 8 декабря.",
            "--at",
            "2026-12-07T11:00",
        ],
        &["agree", "A", "--by", "Сулейманов", "--at", "2026-12-07T11:10"],
        &["submit", "A", "--at", "2026-12-07T11:20"],
        &["approve", "A", "--at", "2026-12-07T11:30"],
    ] {
        env.run(args).success();
    }
    let before = dump(&env);
    let refusals: &[(&[&str], i32)] = &[
        (&["close", "A", "--outcome", "не-решено", "--at", "2026-12-08T10:00"], 4), // п. 3.16
        (&["close", "A", "--at", "2026-12-08T10:00"], 4),                           // п. 3.15
        (&["assign", "A", "--responsible", "Петров"], 4),                           // impossible now
        (&["rework", "A", "--reason", "x", "--at", "2026-12-07T09:00"], 4),         // back in time
        (&["close", "B", "--outcome", "решено"], 5),                                // no such message
        (&["close", "A", "--outcome", "решено", "--at", "2026-12-10T10:00"], 2),    // in the future
    ];
    for (args, code) in refusals {
        env.run(args).code(*code);
        assert_eq!(dump(&env), before, "after {args:?}");
    }
    // A bad import (second row has a bad date) is all-or-nothing.
    env.write(
        "bad.csv",
        "id;detected_at;text\nC;2026-12-08 10:00;Новое\nD;31.02.2026 10:00;Плохая дата\n",
    );
    let out = env.run(&["import", "bad.csv"]).code(3);
    assert!(
        out.stderr.contains("bad.csv") && out.stderr.contains("строка 3"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("detected_at") && out.stderr.contains("31.02.2026 10:00"),
        "{}",
        out.stderr
    );
    assert_eq!(dump(&env), before);
}

#[test]
fn two_processes_moving_different_messages_at_once_both_succeed() {
    let ids: Vec<String> = (1..=8).map(|i| format!("P{i}")).collect();
    let rows: Vec<String> = ids
        .iter()
        .map(|id| format!("{id};2026-12-07 10:00;2026-12-07 10:10;Текст;"))
        .collect();
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    let env = setup("2026-12-09T12:00", &rows);
    let env = &env;
    std::thread::scope(|s| {
        let handles: Vec<_> = [&ids[..4], &ids[4..]]
            .into_iter()
            .map(|mine| {
                s.spawn(move || {
                    for id in mine {
                        for args in [
                            &["assign", id, "--responsible", "Петров", "--at", "2026-12-07T10:30"][..],
                            &[
                                "draft",
                                id,
                                "--text",
                                "Здравствуйте! Сделано 8 декабря.",
                                "--at",
                                "2026-12-07T11:00",
                            ],
                            &["agree", id, "--by", "Сулейманов", "--at", "2026-12-07T11:10"],
                            &["submit", id, "--at", "2026-12-07T11:20"],
                            &["approve", id, "--at", "2026-12-07T11:30"],
                            &["close", id, "--outcome", "решено", "--at", "2026-12-07T12:00"],
                        ] {
                            env.run(args).success();
                        }
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().expect("writer thread");
        }
    });
    for id in &ids {
        let card = env.run(&["show", id, "--json"]).success().json();
        assert_eq!(card["state"], "closed", "{id}");
        assert_eq!(card["events"].as_array().unwrap().len(), 7, "{id}");
    }
}
