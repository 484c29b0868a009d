//! Production calendar (производственный календарь) and working-time arithmetic.
//!
//! * `file` — the TOML file format under `calendar/` and its validation;
//! * `embedded` — the calendars compiled into the binary;
//! * `working_time` — [`WorkCalendar`]: exact, fast `add` / `between` (п. 1.3, 2.2);
//! * `duration` — parsing `30m`, `1.5h`, `20d`;
//! * `xml` — conversion of xmlcalendar files into our format.

pub mod duration;
pub mod embedded;
pub mod file;
pub mod time_input;
pub mod working_time;
pub mod xml;

pub use duration::WorkingDuration;
pub use file::{CalendarFile, DayKind, ResolvedCalendar, YearStatus};
pub use working_time::{Caveat, OutOfRange, ShortenedDays, WorkCalendar};

#[cfg(test)]
mod tests;
