//! Calendars compiled into the binary, and loading a calendar by region or file.

use std::path::Path;

use super::file::{CalendarFile, ResolvedCalendar};
use crate::error::{Error, Location, Result};
use crate::tr;

/// (file name, text) of every bundled calendar file.
pub const BUNDLED: &[(&str, &str)] = &[
    (
        "calendar/ru-2025-2027.toml",
        include_str!("../../calendar/ru-2025-2027.toml"),
    ),
    (
        "calendar/ru-ta-2025-2027.toml",
        include_str!("../../calendar/ru-ta-2025-2027.toml"),
    ),
];

/// The default region: the Republic of Tatarstan.
pub const DEFAULT_REGION: &str = "ru-ta";

fn bundled(region: &str) -> Result<(String, CalendarFile)> {
    for (name, text) in BUNDLED {
        let f = CalendarFile::parse(name, text)?;
        if f.calendar.region == region {
            return Ok((name.to_string(), f));
        }
    }
    Err(Error::Usage(tr!(
        "нет встроенного календаря для региона «{region}» (есть: ru, ru-ta)",
        "no bundled calendar for region «{region}» (available: ru, ru-ta)"
    )))
}

fn resolve_chain(
    name: &str,
    file: &CalendarFile,
    find_base: &dyn Fn(&str) -> Result<(String, CalendarFile)>,
    depth: usize,
) -> Result<ResolvedCalendar> {
    let base = match &file.calendar.extends {
        Some(region) if depth < 4 => {
            let (bname, bfile) = find_base(region)?;
            Some(resolve_chain(&bname, &bfile, find_base, depth + 1)?)
        }
        Some(region) => {
            return Err(Error::bad_input(
                Location::file(name).column("calendar.extends").value(region.clone()),
                tr!("слишком длинная цепочка extends", "the extends chain is too long"),
            ))
        }
        None => None,
    };
    file.resolve(name, base.as_ref())
}

/// Loads a bundled calendar by region id (`ru`, `ru-ta`).
pub fn load_region(region: &str) -> Result<ResolvedCalendar> {
    let (name, file) = bundled(region)?;
    resolve_chain(&name, &file, &bundled, 0)
}

/// Loads a calendar file; a base it `extends` is looked for beside it, then among the
/// bundled calendars.
pub fn load_file(path: &Path) -> Result<ResolvedCalendar> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        Error::bad_input(
            Location::file(&name),
            tr!("не удалось прочитать файл: {e}", "cannot read the file: {e}"),
        )
    })?;
    let file = CalendarFile::parse(&name, &text)?;
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let find = move |region: &str| -> Result<(String, CalendarFile)> {
        if let Ok(entries) = std::fs::read_dir(if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            &dir
        }) {
            let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
            paths.sort();
            for p in paths {
                if p.extension().is_some_and(|e| e == "toml") {
                    if let Ok(t) = std::fs::read_to_string(&p) {
                        if let Ok(f) = CalendarFile::parse(&p.display().to_string(), &t) {
                            if f.calendar.region == region {
                                return Ok((p.display().to_string(), f));
                            }
                        }
                    }
                }
            }
        }
        bundled(region)
    };
    resolve_chain(&name, &file, &find, 0)
}
