//! The XLSX reader against workbooks written by `rust_xlsxwriter`.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

use super::*;
use crate::Error;

/// A small «Инцидент Менеджмент»-like workbook: Excel dates, a text date, numeric ids,
/// a multi-line text, a blank row, and a second sheet.
fn write_messages_xlsx(path: &Path) {
    let mut book = Workbook::new();
    let datetime = Format::new().set_num_format("dd.mm.yyyy hh:mm");
    let date = Format::new().set_num_format("dd.mm.yyyy");
    let sheet = book.add_worksheet();
    sheet.set_name("Инциденты").unwrap();
    let header = [
        "ID",
        "Дата создания",
        "Дата окончания",
        "Текст инцидента",
        "Населённый пункт",
        "Соцсеть",
    ];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let created = ExcelDateTime::from_ymd(2026, 1, 15).unwrap().and_hms(8, 47, 0).unwrap();
    sheet.write_number(1, 0, 184502.0).unwrap();
    sheet.write_datetime_with_format(1, 1, &created, &datetime).unwrap();
    sheet.write_string(1, 2, "15.01.2026 16:40").unwrap();
    sheet
        .write_string(
            1,
            3,
            "Третий день не чистят улицу Советскую в Пестрецах.\nАвтобус не прошёл.",
        )
        .unwrap();
    sheet.write_string(1, 4, "с. Пестрецы").unwrap();
    sheet.write_string(1, 5, "ВКонтакте").unwrap();
    // Row 3 stays blank.
    let day = ExcelDateTime::from_ymd(2026, 1, 16).unwrap();
    sheet.write_number(3, 0, 184517.0).unwrap();
    sheet.write_datetime_with_format(3, 1, &day, &date).unwrap();
    sheet
        .write_string(3, 3, "На улице Центральной в Шали не горят фонари")
        .unwrap();
    sheet.write_string(3, 4, "с. Шали").unwrap();
    let help = book.add_worksheet();
    help.set_name("Справка").unwrap();
    help.write_string(0, 0, "Выгрузка из «Инцидент Менеджмент»").unwrap();
    book.save(path).unwrap();
}

fn committed_fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/messages.xlsx")
}

fn assert_messages(src: Source) {
    assert_eq!((src.format, src.delimiter), ("xlsx", None));
    assert_eq!(src.headers[1], "Дата создания");
    assert!(src.unknown_columns.is_empty());
    assert_eq!(src.column_of(Field::Network), Some("Соцсеть"));
    let rows: Vec<Row> = src.rows.map(Result::unwrap).collect();
    assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 4]);
    let r = &rows[0];
    assert_eq!(r.get(Field::ExternalId), Some("184502"));
    assert_eq!(r.get(Field::DetectedAt), Some("2026-01-15 08:47:00"));
    assert_eq!(r.get(Field::EndedAt), Some("15.01.2026 16:40"));
    assert_eq!(
        r.get(Field::Text),
        Some("Третий день не чистят улицу Советскую в Пестрецах.\nАвтобус не прошёл.")
    );
    let r = &rows[1];
    assert_eq!(r.get(Field::ExternalId), Some("184517"));
    assert_eq!(r.get(Field::DetectedAt), Some("2026-01-16 00:00:00"));
    assert_eq!(r.get(Field::EndedAt), None);
    assert_eq!(r.get(Field::Network), None);
}

#[test]
fn xlsx_dates_numbers_and_blank_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("messages.xlsx");
    write_messages_xlsx(&path);
    let src = open(&path, &ReadOptions::default()).unwrap();
    assert_eq!(src.total_bytes, Some(std::fs::metadata(&path).unwrap().len()));
    let progress = src.bytes_read.clone();
    assert_messages(src);
    assert_eq!(
        Some(progress.load(std::sync::atomic::Ordering::Relaxed)),
        std::fs::metadata(&path).ok().map(|m| m.len())
    );

    let opts = ReadOptions {
        sheet: Some("Инциденты".into()),
        ..Default::default()
    };
    assert_eq!(open(&path, &opts).unwrap().rows.count(), 2);
}

#[test]
fn committed_xlsx_fixture_reads() {
    assert_messages(open(&committed_fixture(), &ReadOptions::default()).unwrap());
}

#[test]
fn missing_sheet_lists_the_sheets() {
    let opts = ReadOptions {
        sheet: Some("Лист1".into()),
        ..Default::default()
    };
    let Err(Error::BadInput { problem, .. }) = open(&committed_fixture(), &opts) else {
        panic!("a missing sheet must be refused")
    };
    assert!(
        problem.ru.contains("«Лист1»; листы: «Инциденты», «Справка»"),
        "{}",
        problem.ru
    );
}

#[test]
fn second_sheet_without_required_columns() {
    let opts = ReadOptions {
        sheet: Some("Справка".into()),
        ..Default::default()
    };
    let Err(Error::BadInput { location, .. }) = open(&committed_fixture(), &opts) else {
        panic!("a sheet without the required columns must be refused")
    };
    assert_eq!(location.line, Some(1));
}

#[test]
fn broken_xlsx_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.xlsx");
    std::fs::write(&path, b"PK\x03\x04 not really a zip").unwrap();
    let Err(Error::BadInput { location, problem }) = open(&path, &ReadOptions::default()) else {
        panic!("a broken workbook must be refused")
    };
    assert_eq!(location.file, Some(path.display().to_string()));
    assert!(
        problem.ru.starts_with("не удалось открыть файл Excel"),
        "{}",
        problem.ru
    );
}

/// Rewrites `tests/fixtures/import/messages.xlsx`: `cargo test --lib write_xlsx_fixture -- --ignored`.
#[test]
#[ignore]
fn write_xlsx_fixture() {
    write_messages_xlsx(&committed_fixture());
}

#[test]
fn large_sheet_streams_and_can_be_abandoned() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["ID", "Дата создания", "Текст"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for r in 1..=5000u32 {
        sheet.write_number(r, 0, f64::from(r)).unwrap();
        sheet.write_string(r, 1, "15.01.2026 09:00").unwrap();
        sheet.write_string(r, 2, format!("Яма на дороге у дома {r}")).unwrap();
    }
    book.save(&path).unwrap();
    let src = open(&path, &ReadOptions::default()).unwrap();
    let progress = src.bytes_read.clone();
    let mut rows = src.rows;
    assert_eq!(rows.next().unwrap().unwrap().get(Field::ExternalId), Some("1"));
    let early = progress.load(std::sync::atomic::Ordering::Relaxed);
    let last = rows.last().unwrap().unwrap();
    assert_eq!(
        (last.line, last.get(Field::Text)),
        (5001, Some("Яма на дороге у дома 5000"))
    );
    assert!(early < progress.load(std::sync::atomic::Ordering::Relaxed));
    // Dropping a half-read source lets the reading thread finish.
    let mut rows = open(&path, &ReadOptions::default()).unwrap().rows;
    rows.next().unwrap().unwrap();
    drop(rows);
}
