//! The readers against the fixtures of `tests/fixtures/import` (written by `generate.py`).

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use super::*;
use crate::Error;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn open_fixture(name: &str) -> Source {
    open(&fixture(name), &ReadOptions::default()).unwrap_or_else(|e| panic!("{name}: {}", e.render(crate::Lang::Ru)))
}

fn all_rows(src: Source) -> Vec<Row> {
    src.rows
        .map(|r| r.unwrap_or_else(|e| panic!("{}", e.render(crate::Lang::Ru))))
        .collect()
}

fn bad_input(err: Error) -> (crate::error::Location, crate::Text) {
    match err {
        Error::BadInput { location, problem } => (*location, problem),
        other => panic!("expected BadInput, got {other:?}"),
    }
}

const KOSHCHAKOVO_TEXT: &str = "Контейнеры у магазина «Пятёрочка» переполнены; мусор не вывозят, собаки растаскивают, \
\"оператор\" не отвечает.\nФото в комментариях, прошу принять меры.";

#[test]
fn every_encoding_and_separator_reads_the_same() {
    for (enc_file, enc) in [("utf8", "utf-8"), ("utf8bom", "utf-8"), ("cp1251", "windows-1251")] {
        for (sep_file, sep) in [("semicolon", b';'), ("comma", b','), ("tab", b'\t')] {
            let name = format!("{enc_file}_{sep_file}.csv");
            let src = open_fixture(&name);
            assert_eq!(
                (src.format, src.encoding, src.delimiter),
                ("csv", enc, Some(sep)),
                "{name}"
            );
            assert_eq!(src.headers.len(), 12, "{name}");
            assert_eq!(src.headers[0], "ID", "{name}: the BOM is not part of the first header");
            assert!(src.unknown_columns.is_empty(), "{name}: {:?}", src.unknown_columns);
            assert_eq!(src.column_of(Field::Text), Some("Текст инцидента"));
            assert_eq!(src.column_of(Field::Settlement), Some("Населённый пункт"));
            assert_eq!(src.column_of(Field::Link), None);
            let total = src.total_bytes;
            let progress = src.bytes_read.clone();
            let rows = all_rows(src);
            assert_eq!(
                Some(progress.load(Ordering::Relaxed)),
                total,
                "{name}: progress reaches the end"
            );
            let lines: Vec<u64> = rows.iter().map(|r| r.line).collect();
            assert_eq!(lines, [2, 3, 4, 6], "{name}");
            let ids: Vec<_> = rows.iter().map(|r| r.get(Field::ExternalId).unwrap()).collect();
            assert_eq!(ids, ["184502", "184517", "184533", "184540"], "{name}");
            let r = &rows[2];
            assert_eq!(r.get(Field::Text), Some(KOSHCHAKOVO_TEXT), "{name}");
            assert_eq!(r.get(Field::DetectedAt), Some("15.01.2026 10:05"));
            assert_eq!(r.get(Field::EndedAt), None);
            assert_eq!(r.get(Field::Settlement), Some("с. Кощаково"));
            assert_eq!(r.get(Field::Municipality), Some("Пестречинский муниципальный район"));
            assert_eq!(rows[1].get(Field::Outcome), Some("Решено"));
            assert_eq!(rows[3].get(Field::IncidentType), Some("Вопрос"));
        }
    }
}

#[test]
fn crlf_blank_lines_and_quoted_newlines_keep_physical_line_numbers() {
    let rows = all_rows(open_fixture("crlf_multiline.csv"));
    let lines: Vec<u64> = rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, [2, 5, 10]);
    assert_eq!(
        rows[1].get(Field::Text),
        Some("Добрый день!\r\nНа площадке на ул. Молодёжной сломаны качели.\r\n\r\nПросим починить до выходных.")
    );
    assert_eq!(rows[2].get(Field::ExternalId), Some("184540"));
}

#[test]
fn bad_date_and_duplicate_id_are_left_to_the_database_side() {
    let rows = all_rows(open_fixture("bad_date.csv"));
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1].get(Field::DetectedAt), Some("31.02.2026 10:00"));
    assert_eq!(rows[1].line, 3);

    let rows = all_rows(open_fixture("duplicate_id.csv"));
    let ids: Vec<_> = rows
        .iter()
        .map(|r| (r.line, r.get(Field::ExternalId).unwrap()))
        .collect();
    assert_eq!(ids, [(2, "184502"), (3, "184517"), (4, "184502")]);
}

#[test]
fn unknown_column_is_listed_not_refused() {
    let src = open_fixture("unknown_column.csv");
    assert_eq!(src.unknown_columns, ["Комментарий модератора"]);
    assert_eq!(all_rows(src).len(), 2);
}

#[test]
fn truncated_file_names_the_record_and_column_of_the_open_quote() {
    let src = open_fixture("truncated.csv");
    let results: Vec<_> = src.rows.collect();
    assert_eq!(results.len(), 3, "two good rows, then the error, then the end");
    assert_eq!(results[0].as_ref().unwrap().line, 2);
    assert_eq!(results[1].as_ref().unwrap().line, 3);
    let (loc, problem) = bad_input(results.into_iter().nth(2).unwrap().unwrap_err());
    assert_eq!(
        loc.file.as_deref(),
        Some(fixture("truncated.csv").display().to_string().as_str())
    );
    assert_eq!(loc.line, Some(4));
    assert_eq!(loc.column.as_deref(), Some("Текст инцидента"));
    assert!(loc.value.unwrap().starts_with("Контейнеры у магазина"));
    assert!(problem.ru.contains("обрезан"), "{}", problem.ru);
    assert!(problem.en.contains("truncated"), "{}", problem.en);
}

#[test]
fn unquoted_separator_is_reported_with_its_line() {
    let mut rows = open_fixture("unquoted_separator.csv").rows;
    assert_eq!(rows.next().unwrap().unwrap().line, 2);
    let (loc, problem) = bad_input(rows.next().unwrap().unwrap_err());
    assert_eq!(loc.line, Some(3));
    assert!(loc.value.unwrap().starts_with("Исполнительный комитет"));
    assert!(problem.ru.contains("13 полей, а в заголовке 12"), "{}", problem.ru);
    assert!(problem.ru.contains("разделитель «;» без кавычек"), "{}", problem.ru);
    assert!(rows.next().is_none());
}

#[test]
fn english_names_with_commas() {
    let src = open_fixture("english_names.csv");
    assert_eq!((src.encoding, src.delimiter), ("utf-8", Some(b',')));
    assert!(src.unknown_columns.is_empty());
    let rows = all_rows(src);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].get(Field::ExternalId), Some("vk-771203"));
    assert_eq!(rows[0].get(Field::ReceivedAt), Some("2026-01-16 09:05"));
    assert_eq!(rows[0].get(Field::Network), Some("ВКонтакте"));
    assert_eq!(rows[0].get(Field::Link), Some("https://vk.com/wall-123456_789"));
    assert_eq!(rows[1].get(Field::Author), Some("Гульнара"));
    assert_eq!(rows[1].get(Field::ReceivedAt), None);
}

#[test]
fn options_override_detection() {
    let opts = ReadOptions {
        encoding: Some("cp1251".into()),
        delimiter: Some(b'\t'),
        ..Default::default()
    };
    let src = open(&fixture("cp1251_tab.csv"), &opts).unwrap();
    assert_eq!((src.encoding, src.delimiter), ("windows-1251", Some(b'\t')));
    assert_eq!(all_rows(src).len(), 4);

    let forced_utf8 = ReadOptions {
        encoding: Some("utf-8".into()),
        ..Default::default()
    };
    let (loc, problem) = bad_input(open(&fixture("cp1251_semicolon.csv"), &forced_utf8).unwrap_err());
    assert_eq!((loc.line, loc.column.as_deref()), (Some(1), Some("№2")));
    assert!(problem.ru.contains("--encoding windows-1251"), "{}", problem.ru);

    let koi = ReadOptions {
        encoding: Some("koi8-r".into()),
        ..Default::default()
    };
    assert!(matches!(open(&fixture("utf8_comma.csv"), &koi), Err(Error::Usage(_))));

    let mapped = ReadOptions {
        map: vec![
            (Field::Body, "Исполнитель".into()),
            (Field::Executor, "Группа тем".into()),
        ],
        ..Default::default()
    };
    let src = open(&fixture("utf8_semicolon.csv"), &mapped).unwrap();
    assert_eq!(src.column_of(Field::Body), Some("Исполнитель"));
    assert_eq!(src.column_of(Field::TopicGroup), None);
    let rows = all_rows(src);
    assert_eq!(
        rows[1].get(Field::Body),
        Some("Исполнительный комитет Шалинского сельского поселения")
    );
    assert_eq!(rows[1].get(Field::Executor), Some("ЖКХ"));
}

#[test]
fn undecodable_bytes_after_the_sniffed_block_name_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mixed.csv");
    let mut data = "ID;Дата создания;Текст\n".as_bytes().to_vec();
    for i in 0..3000 {
        data.extend_from_slice(
            format!("{i};15.01.2026 09:00;Снег на дороге в Пестрецах, просим почистить\n").as_bytes(),
        );
    }
    data.extend_from_slice(b"9999;15.01.2026 09:00;\xcd\xe5\xf2 \xe2\xee\xe4\xfb\n");
    std::fs::write(&path, data).unwrap();
    let src = open(&path, &ReadOptions::default()).unwrap();
    assert_eq!(src.encoding, "utf-8");
    let err = src.rows.last().unwrap().unwrap_err();
    let (loc, _) = bad_input(err);
    assert_eq!((loc.line, loc.column.as_deref()), (Some(3002), Some("Текст")));
}

#[test]
fn missing_required_column_and_empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no_text.csv");
    std::fs::write(&path, "ID;Дата создания;Тема\n1;15.01.2026 09:00;Дороги\n").unwrap();
    let (loc, problem) = bad_input(open(&path, &ReadOptions::default()).unwrap_err());
    assert_eq!(loc.line, Some(1));
    assert!(
        problem
            .ru
            .contains("«Текст инцидента», «Текст», «Текст сообщения», «text»"),
        "{}",
        problem.ru
    );

    std::fs::write(&path, "\r\n\r\n").unwrap();
    let (_, problem) = bad_input(open(&path, &ReadOptions::default()).unwrap_err());
    assert!(problem.en.contains("empty"), "{}", problem.en);
}

#[test]
fn short_record_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("short.csv");
    std::fs::write(
        &path,
        "ID,Дата создания,Текст,Тема\n1,15.01.2026 09:00,Снег\n;;;\n,,,\n",
    )
    .unwrap();
    let mut rows = open(&path, &ReadOptions::default()).unwrap().rows;
    let (loc, problem) = bad_input(rows.next().unwrap().unwrap_err());
    assert_eq!((loc.line, loc.column.as_deref()), (Some(2), Some("Тема")));
    assert!(problem.ru.contains("3 полей, а в заголовке 4"), "{}", problem.ru);
    // Reading goes on after a bad record: `;;;` is a single field here (the separator is `,`).
    let (loc, _) = bad_input(rows.next().unwrap().unwrap_err());
    assert_eq!(loc.line, Some(3));
    // `,,,` is a row of blank cells: skipped.
    assert!(rows.next().is_none());
}

#[test]
fn quotes_that_do_not_mean_truncation() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quotes.csv");
    // A quote inside an unquoted value is literal; the last record ends with a closing
    // quote and no line break.
    std::fs::write(
        &path,
        "ID;Дата создания;Текст\n1;15.01.2026 09:00;Дом 5\"А\" на Казанской\n2;15.01.2026 09:05;\"Снег \"\"по колено\"\"\"",
    )
    .unwrap();
    let rows = all_rows(open(&path, &ReadOptions::default()).unwrap());
    assert_eq!(rows[0].get(Field::Text), Some("Дом 5\"А\" на Казанской"));
    assert_eq!(rows[1].get(Field::Text), Some("Снег \"по колено\""));
    assert_eq!(rows[1].line, 3);
}

#[test]
fn many_rows_stream_with_progress() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.csv");
    let mut data = String::from("ID;Дата создания;Текст\r\n");
    for i in 0..20_000 {
        data.push_str(&format!("{i};15.01.2026 09:00;\"Снег в Пестрецах,\r\nдом {i}\"\r\n"));
    }
    std::fs::write(&path, &data).unwrap();
    let src = open(&path, &ReadOptions::default()).unwrap();
    let progress = src.bytes_read.clone();
    let mut rows = src.rows;
    rows.next().unwrap().unwrap();
    let early = progress.load(Ordering::Relaxed);
    assert!(early < data.len() as u64 / 4, "read {early} bytes for the first row");
    let last = rows.last().unwrap().unwrap();
    assert_eq!(last.line, 2 + 2 * 19_999);
    assert_eq!(last.get(Field::Text), Some("Снег в Пестрецах,\r\nдом 19999"));
}
