//! Matching a file's header row to [`Field`]s, and the [`Row`]s built from it.

use super::field::{normalize_header, Field};
use crate::error::Location;
use crate::{tr, Error, Result};

/// One record of an export, its values addressed by [`Field`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// 1-based physical line where the record starts (CSV) or the sheet row number (XLSX).
    pub line: u64,
    values: Vec<Option<String>>,
}

impl Row {
    /// A row from `(field, value)` pairs; values are trimmed, empty ones dropped.
    /// Handy for tests of code that consumes rows.
    pub fn from_pairs<'a>(line: u64, pairs: impl IntoIterator<Item = (Field, &'a str)>) -> Row {
        let mut row = Row {
            line,
            values: vec![None; Field::ALL.len()],
        };
        for (f, v) in pairs {
            row.set(f, v);
        }
        row
    }

    /// The trimmed value, `None` when the column is absent or the cell is blank.
    pub fn get(&self, f: Field) -> Option<&str> {
        self.values[f.index()].as_deref()
    }

    fn set(&mut self, f: Field, v: &str) {
        let v = v.trim();
        self.values[f.index()] = (!v.is_empty()).then(|| v.to_string());
    }
}

/// Which column holds which field.
#[derive(Clone, Debug)]
pub(crate) struct ColumnMap {
    /// For each column of the file, the field it holds.
    pub by_column: Vec<Option<Field>>,
    /// For each field (by [`Field::index`]), its column.
    pub column_of: Vec<Option<usize>>,
    /// Non-blank headers that hold no field.
    pub unknown: Vec<String>,
}

impl ColumnMap {
    /// Matches `headers` by alias, `map` (from `--map FIELD=COLUMN`) taking precedence.
    pub fn build(file: &str, headers: &[String], map: &[(Field, String)]) -> Result<ColumnMap> {
        let loc = || Location::file(file).line(1);
        let mut by_column: Vec<Option<Field>> = vec![None; headers.len()];
        let mut explicit = vec![false; headers.len()];
        for (i, (field, column)) in map.iter().enumerate() {
            if let Some((other, _)) = map[..i].iter().find(|(f, _)| f == field) {
                return Err(Error::Usage(tr!(
                    "поле {field} указано в --map дважды ({other}=… и {field}={column})",
                    "field {field} is given twice in --map ({other}=… and {field}={column})"
                )));
            }
            let idx = headers
                .iter()
                .position(|h| h.trim() == column.trim())
                .or_else(|| {
                    let n = normalize_header(column);
                    headers.iter().position(|h| !n.is_empty() && normalize_header(h) == n)
                })
                .ok_or_else(|| {
                    let list = quoted_list(headers.iter().map(String::as_str));
                    Error::bad_input(
                        loc().column(column.clone()),
                        tr!(
                            "столбец «{column}», указанный в --map для поля {field}, в файле не найден; столбцы файла: {list}",
                            "column «{column}» given in --map for field {field} is not in the file; the file has: {list}"
                        ),
                    )
                })?;
            if let Some(other) = by_column[idx] {
                let h = &headers[idx];
                return Err(Error::Usage(tr!(
                    "столбец «{h}» указан в --map и для {other}, и для {field}",
                    "column «{h}» is given in --map for both {other} and {field}"
                )));
            }
            by_column[idx] = Some(*field);
            explicit[idx] = true;
        }
        let mapped: Vec<Field> = map.iter().map(|(f, _)| *f).collect();
        let mut unknown = Vec::new();
        for (idx, h) in headers.iter().enumerate() {
            if explicit[idx] || normalize_header(h).is_empty() {
                continue;
            }
            match Field::ALL.into_iter().find(|f| f.matches_header(h)) {
                Some(f) if !mapped.contains(&f) => by_column[idx] = Some(f),
                _ => unknown.push(h.trim().to_string()),
            }
        }
        let mut column_of: Vec<Option<usize>> = vec![None; Field::ALL.len()];
        for (idx, f) in by_column.iter().enumerate() {
            let Some(f) = f else { continue };
            if let Some(first) = column_of[f.index()] {
                let (a, b) = (headers[first].trim(), headers[idx].trim());
                return Err(Error::bad_input(
                    loc().column(b),
                    tr!(
                        "два столбца означают одно поле {f}: «{a}» и «{b}»; укажите нужный: --map {f}=\"{a}\"",
                        "two columns mean the same field {f}: «{a}» and «{b}»; choose one with --map {f}=\"{a}\""
                    ),
                ));
            }
            column_of[f.index()] = Some(idx);
        }
        let missing: Vec<Field> = Field::ALL
            .into_iter()
            .filter(|f| f.required() && column_of[f.index()].is_none())
            .collect();
        if !missing.is_empty() {
            let ru: Vec<String> = missing
                .iter()
                .map(|f| format!("{f} (подходят заголовки: {})", quoted_list(f.aliases().iter().copied())))
                .collect();
            let en: Vec<String> = missing
                .iter()
                .map(|f| format!("{f} (accepted headers: {})", quoted_list(f.aliases().iter().copied())))
                .collect();
            let (ru, en) = (ru.join("; "), en.join("; "));
            let found = quoted_list(headers.iter().map(String::as_str));
            return Err(Error::bad_input(
                loc(),
                tr!(
                    "нет обязательного столбца: {ru}. Столбцы файла: {found}. Другое имя можно указать: --map ПОЛЕ=СТОЛБЕЦ",
                    "a required column is missing: {en}. The file has: {found}. Name another column with --map FIELD=COLUMN"
                ),
            ));
        }
        Ok(ColumnMap {
            by_column,
            column_of,
            unknown,
        })
    }

    /// A row from the cells of one record, in column order.
    pub fn row<S: AsRef<str>>(&self, line: u64, cells: impl IntoIterator<Item = S>) -> Row {
        let mut row = Row::from_pairs(line, []);
        for (f, v) in self.by_column.iter().zip(cells) {
            if let Some(f) = f {
                row.set(*f, v.as_ref());
            }
        }
        row
    }
}

fn quoted_list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.map(|s| format!("«{}»", s.trim())).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn aliases_unknown_columns_and_map() {
        let h = headers(&[
            "ID",
            " дата  СОЗДАНИЯ ",
            "Текст инцидента",
            "Комментарий",
            "",
            "Текст сообщения",
        ]);
        let err = ColumnMap::build("f.csv", &h, &[]).unwrap_err();
        let Error::BadInput { location, problem } = err else {
            panic!()
        };
        assert_eq!(location.column.as_deref(), Some("Текст сообщения"));
        assert!(
            problem.ru.contains("«Текст инцидента» и «Текст сообщения»"),
            "{}",
            problem.ru
        );

        let m = ColumnMap::build("f.csv", &h, &[(Field::Text, "текст сообщения".into())]).unwrap();
        assert_eq!(m.column_of[Field::Text.index()], Some(5));
        assert_eq!(m.column_of[Field::DetectedAt.index()], Some(1));
        assert_eq!(m.unknown, ["Текст инцидента", "Комментарий"]);
        let row = m.row(7, ["  42 ", "01.02.2026 10:00", "x", "y", "", " Снег "]);
        assert_eq!(row.line, 7);
        assert_eq!(row.get(Field::ExternalId), Some("42"));
        assert_eq!(row.get(Field::Text), Some("Снег"));
        assert_eq!(row.get(Field::Topic), None);
    }

    #[test]
    fn missing_required_column_names_it_and_its_headers() {
        let h = headers(&["ID", "Дата создания", "Тема"]);
        let Error::BadInput { location, problem } = ColumnMap::build("f.csv", &h, &[]).unwrap_err() else {
            panic!()
        };
        assert_eq!(location.line, Some(1));
        assert!(
            problem
                .ru
                .contains("text (подходят заголовки: «Текст инцидента», «Текст»"),
            "{}",
            problem.ru
        );
        assert!(problem.en.contains("text (accepted headers:"), "{}", problem.en);
    }

    #[test]
    fn map_to_missing_column_is_an_error() {
        let h = headers(&["ID", "Дата создания", "Текст"]);
        let err = ColumnMap::build("f.csv", &h, &[(Field::Topic, "Рубрика".into())]).unwrap_err();
        assert!(matches!(err, Error::BadInput { .. }));
    }
}
