//! `export`: CSV that Russian Excel opens by double-click, and XLSX.

use calamine::{open_workbook, Data, Reader, Xlsx};

use crate::common::{fixture, Env};

fn imported() -> Env {
    let env = Env::new();
    env.run(&["import", &fixture("../../examples/messages.csv")]).success();
    env
}

#[test]
fn csv_export_has_bom_semicolons_and_every_message() {
    let env = imported();
    let out = env.run(&["export"]).success();
    assert!(out.stdout.starts_with('\u{feff}'), "UTF-8 BOM first");
    let lines: Vec<&str> = out.stdout.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 31, "header + 30 messages");
    assert!(lines[0].contains("ID;Дата выявления;Дата поступления"), "{}", lines[0]);
    let first: Vec<&str> = lines[1].split(';').collect();
    assert_eq!(first[0], "4810231");
    assert_eq!(first[1], "01.12.2026 08:12");
    assert!(lines[1].contains(";новое;"), "{}", lines[1]);
    // Answer due: appendix topic «Зимнее содержание дорог», 8 working days (п. 3.16).
    assert!(lines[1].contains("10.12.2026 17:00"), "{}", lines[1]);
    let en = env.run(&["export", "--lang", "en"]).success();
    assert!(en.stdout.contains("ID;Detected;Received"));
}

#[test]
fn xlsx_export_needs_a_file_and_reads_back() {
    let env = imported();
    env.run(&["export", "--format", "xlsx"]).code(2);
    env.run(&["export", "--format", "xlsx", "--out", "m.xlsx"]).success();
    let mut book: Xlsx<_> = open_workbook(env.path().join("m.xlsx")).expect("a workbook");
    let sheet = book.worksheet_range("Сообщения").expect("sheet «Сообщения»");
    assert_eq!(sheet.height(), 31);
    assert_eq!(sheet.get((0, 0)), Some(&Data::String("ID".into())));
    assert_eq!(sheet.get((1, 0)), Some(&Data::String("4810231".into())));
    match sheet.get((1, 1)) {
        Some(Data::DateTime(d)) => {
            assert_eq!(
                poryadok::import::excel_serial_to_text(d.as_f64()).unwrap(),
                "2026-12-01 08:12:00"
            );
        }
        other => panic!("detection time should be an Excel date, got {other:?}"),
    }
}
