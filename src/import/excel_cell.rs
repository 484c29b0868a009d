//! Excel cell values as the text the database side parses.

use calamine::Data;
use chrono::{Duration, NaiveDate, NaiveDateTime};

const TEXT_FORMAT: &str = "%Y-%m-%d %H:%M:%S";

/// An Excel serial date (1900 date system, days since 1899-12-30, with Excel's phantom
/// 29 Feb 1900) as `YYYY-MM-DD HH:MM:SS`, rounded to the second; `None` when out of range.
pub fn excel_serial_to_text(serial: f64) -> Option<String> {
    if !serial.is_finite() || !(0.0..2_958_466.0).contains(&serial) {
        return None;
    }
    // Serials below 61 count from 1899-12-31 because Excel believes 1900 was a leap year.
    let serial = if serial < 61.0 { serial + 1.0 } else { serial };
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?.and_hms_opt(0, 0, 0)?;
    let seconds = (serial * 86_400.0).round() as i64;
    let at = epoch.checked_add_signed(Duration::seconds(seconds))?;
    Some(at.format(TEXT_FORMAT).to_string())
}

/// A cell as the text the database side parses: whole numbers without `.0`,
/// dates as `YYYY-MM-DD HH:MM:SS`.
pub(crate) fn cell_text(cell: &Data) -> Option<String> {
    match cell {
        Data::Empty => None,
        Data::String(s) => Some(s.clone()),
        Data::Int(i) => Some(i.to_string()),
        Data::Float(f) => Some(number_text(*f)),
        Data::Bool(b) => Some(b.to_string()),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, mo, d, h, mi, s, ms) = dt.to_ymd_hms_milli();
            let at = NaiveDate::from_ymd_opt(y.into(), mo.into(), d.into())
                .and_then(|date| date.and_hms_opt(h.into(), mi.into(), s.into()));
            match at {
                Some(at) => {
                    let at = if ms >= 500 { at + Duration::seconds(1) } else { at };
                    Some(at.format(TEXT_FORMAT).to_string())
                }
                // 29 Feb 1900, which only Excel believes in.
                None => excel_serial_to_text(dt.as_f64()),
            }
        }
        Data::DateTime(dt) => Some(number_text(dt.as_f64())),
        Data::DateTimeIso(s) => Some(iso_text(s)),
        Data::DurationIso(s) => Some(s.clone()),
        Data::Error(e) => Some(format!("{e}")),
    }
}

fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

fn iso_text(s: &str) -> String {
    if let Ok(at) = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f") {
        return at.format(TEXT_FORMAT).to_string();
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return format!("{d} 00:00:00");
    }
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serials() {
        assert_eq!(excel_serial_to_text(45943.5).as_deref(), Some("2025-10-13 12:00:00"));
        assert_eq!(excel_serial_to_text(46037.0).as_deref(), Some("2026-01-15 00:00:00"));
        // 10:15 is 0.427083…; rounding keeps it on the minute.
        assert_eq!(
            excel_serial_to_text(46037.0 + 615.0 / 1440.0).as_deref(),
            Some("2026-01-15 10:15:00")
        );
        assert_eq!(excel_serial_to_text(1.0).as_deref(), Some("1900-01-01 00:00:00"));
        assert_eq!(excel_serial_to_text(61.0).as_deref(), Some("1900-03-01 00:00:00"));
        assert_eq!(excel_serial_to_text(-1.0), None);
        assert_eq!(excel_serial_to_text(f64::NAN), None);
    }

    #[test]
    fn numbers_and_iso() {
        assert_eq!(cell_text(&Data::Float(123456.0)).as_deref(), Some("123456"));
        assert_eq!(cell_text(&Data::Float(1.5)).as_deref(), Some("1.5"));
        assert_eq!(cell_text(&Data::Int(7)).as_deref(), Some("7"));
        assert_eq!(cell_text(&Data::Empty), None);
        assert_eq!(
            cell_text(&Data::DateTimeIso("2026-01-15T10:15:00".into())).as_deref(),
            Some("2026-01-15 10:15:00")
        );
    }
}
