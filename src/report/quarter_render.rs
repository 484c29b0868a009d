//! Renderers of the quarterly report for people: terminal tables, Markdown for a memo,
//! one CSV for Excel (with a «Раздел» column) and an XLSX workbook with a sheet a section.

use std::path::Path;

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::data::QuarterReport;
use super::sections::{Col, Section, Val};
use crate::report::export_writer::write_csv_excel;
use crate::{Error, Lang, Result};

/// «Анализ … за 4 квартал 2026 г. (01.10.2026 – 31.12.2026)».
pub fn heading(r: &QuarterReport, lang: Lang) -> String {
    let q = r.quarter;
    let dates = format!(
        "{} – {}",
        q.first_day().format("%d.%m.%Y"),
        q.last_day().format("%d.%m.%Y")
    );
    match lang {
        Lang::Ru => format!(
            "Анализ работы с сообщениями граждан в социальных сетях (п. 1.7) за {} ({dates}); предыдущий квартал: {}",
            q.human(lang),
            q.previous().human(lang)
        ),
        Lang::En => format!(
            "Analysis of citizens' messages in social networks (1.7) for {} ({dates}); previous quarter: {}",
            q.human(lang),
            q.previous().human(lang)
        ),
    }
}

/// Sections as terminal tables, each under its title.
pub fn table(r: &QuarterReport, sections: &[Section], lang: Lang) -> String {
    let mut out = format!("{}\n", heading(r, lang));
    for (i, s) in sections.iter().enumerate() {
        out.push_str(&format!("\n{}. {}\n", i + 1, s.title));
        if s.rows.is_empty() {
            out.push_str(&format!("{}\n", s.empty_text(lang)));
            continue;
        }
        let mut t = crate::output::table(s.cols.iter().map(|(_, h)| h.as_str()).collect());
        for row in &s.rows {
            t.add_row(row.iter().map(|v| v.text(lang)).collect::<Vec<_>>());
        }
        out.push_str(&format!("{t}\n"));
    }
    out
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// Sections as Markdown tables under `##` headings.
pub fn markdown(r: &QuarterReport, sections: &[Section], lang: Lang) -> String {
    let mut out = format!("# {}\n", heading(r, lang));
    for (i, s) in sections.iter().enumerate() {
        out.push_str(&format!("\n## {}. {}\n\n", i + 1, md_cell(&s.title)));
        if s.rows.is_empty() {
            out.push_str(&format!("_{}_\n", s.empty_text(lang)));
            continue;
        }
        let header: Vec<String> = s.cols.iter().map(|(_, h)| md_cell(h)).collect();
        out.push_str(&format!("| {} |\n", header.join(" | ")));
        let align: Vec<&str> = s
            .cols
            .iter()
            .map(|(c, _)| {
                if matches!(c, Col::Name | Col::Note) {
                    "---"
                } else {
                    "---:"
                }
            })
            .collect();
        out.push_str(&format!("| {} |\n", align.join(" | ")));
        for row in &s.rows {
            let cells: Vec<String> = row.iter().map(|v| md_cell(&v.text(lang))).collect();
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
    }
    out
}

/// One CSV for Excel: «Раздел» and the generic columns of [`Col::ALL`]; each row fills
/// the columns its section has.
pub fn csv<W: std::io::Write>(out: W, sections: &[Section], lang: Lang) -> Result<()> {
    let mut headers = vec![lang.pick("Раздел", "Section")];
    headers.extend(Col::ALL.iter().map(|c| c.title(lang)));
    let mut rows = Vec::new();
    for s in sections {
        for row in &s.rows {
            let mut line = vec![String::new(); Col::ALL.len() + 1];
            line[0] = s.title.clone();
            for ((col, _), v) in s.cols.iter().zip(row) {
                let i = Col::ALL.iter().position(|c| c == col).expect("a known column");
                line[i + 1] = v.text(lang);
            }
            rows.push(line);
        }
    }
    write_csv_excel(out, &headers, rows.into_iter())
}

/// An XLSX workbook: a sheet a section, bold frozen header, numbers as numbers.
pub fn xlsx(path: &Path, r: &QuarterReport, sections: &[Section], lang: Lang) -> Result<()> {
    build_xlsx(path, r, sections, lang)
        .map_err(|e| Error::Internal(anyhow::Error::new(e).context(format!("writing {}", path.display()))))
}

fn build_xlsx(path: &Path, r: &QuarterReport, sections: &[Section], lang: Lang) -> std::result::Result<(), XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let percent = Format::new().set_num_format("0.0%");
    let decimal = Format::new().set_num_format("0.0");
    let signed = Format::new().set_num_format("+0;-0;0");
    for s in sections {
        let ws = book.add_worksheet();
        ws.set_name(s.sheet)?;
        ws.write_string_with_format(0, 0, format!("{} — {}", s.title, r.quarter.human(lang)), &bold)?;
        let mut widths: Vec<usize> = s.cols.iter().map(|(_, h)| h.chars().count()).collect();
        for (c, (_, h)) in s.cols.iter().enumerate() {
            ws.write_string_with_format(1, c as u16, h, &bold)?;
        }
        ws.set_freeze_panes(2, 0)?;
        if s.rows.is_empty() {
            ws.write_string(2, 0, s.empty_text(lang))?;
        }
        for (i, row) in s.rows.iter().enumerate() {
            let rr = (i + 2) as u32;
            for (c, v) in row.iter().enumerate() {
                let cc = c as u16;
                match v {
                    Val::Text(t) => {
                        ws.write_string(rr, cc, t)?;
                    }
                    Val::Int(n) => {
                        ws.write_number(rr, cc, *n as f64)?;
                    }
                    Val::Signed(n) => {
                        ws.write_number_with_format(rr, cc, *n as f64, &signed)?;
                    }
                    Val::Pct(Some(x)) => {
                        ws.write_number_with_format(rr, cc, *x, &percent)?;
                    }
                    Val::Num(Some(x)) => {
                        ws.write_number_with_format(rr, cc, *x, &decimal)?;
                    }
                    Val::Pct(None) | Val::Num(None) => {}
                }
                widths[c] = widths[c].max(v.text(lang).chars().count());
            }
        }
        for (c, w) in widths.into_iter().enumerate() {
            ws.set_column_width(c as u16, (w.clamp(6, 60) + 2) as f64)?;
        }
    }
    book.save(path)
}
