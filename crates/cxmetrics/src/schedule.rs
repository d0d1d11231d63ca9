//! Business-hours calendars: an IANA time zone, weekly opening windows and holidays.
//!
//! Durations in business time count only the seconds that fall inside an opening
//! window, computed per local day in the schedule's time zone, so they stay correct
//! across daylight-saving changes (no fixed UTC offset is ever assumed). Holidays are
//! local dates with no business time. Use a schedule through
//! [`Clock::Business`](crate::service::Clock::Business) in the service metrics, or
//! directly with [`Schedule::business_seconds`].
//!
//! ```
//! use cxmetrics::schedule::{Schedule, Window};
//! let w = [Window::parse("monday", "09:00", "17:00")?];
//! let s = Schedule::from_iana("Europe/Berlin", &w, &[])?;
//! let a: cxmetrics::jiff::Timestamp = "2026-12-21T08:00:00+01:00".parse().unwrap();
//! let b: cxmetrics::jiff::Timestamp = "2026-12-21T10:30:00+01:00".parse().unwrap();
//! assert_eq!(s.business_seconds(a, b)?, 1.5 * 3600.0);       // opens at 9:00
//! # Ok::<(), cxmetrics::Error>(())
//! ```

use jiff::civil::{Date, DateTime, Time, Weekday};
use jiff::tz::{AmbiguousOffset, TimeZone};
use jiff::{SignedDuration, Timestamp};

use crate::error::{Error, Result};

const DAY: i64 = 86_400;
/// How far [`Schedule::add_business`] searches for opening time before giving up.
const MAX_SEARCH_DAYS: i64 = 3_660;

/// Seconds since local midnight (sub-second parts dropped).
fn second_of_day(t: Time) -> i64 {
    Time::midnight().duration_until(t).as_secs()
}

/// Parses `"mon"` … `"sun"` or full English weekday names, in any case.
///
/// # Errors
/// `invalid_argument` for anything else.
pub fn parse_weekday(s: &str) -> Result<Weekday> {
    let l = s.trim().to_ascii_lowercase();
    Ok(match l.as_str() {
        "mon" | "monday" => Weekday::Monday,
        "tue" | "tuesday" => Weekday::Tuesday,
        "wed" | "wednesday" => Weekday::Wednesday,
        "thu" | "thursday" => Weekday::Thursday,
        "fri" | "friday" => Weekday::Friday,
        "sat" | "saturday" => Weekday::Saturday,
        "sun" | "sunday" => Weekday::Sunday,
        _ => {
            return Err(Error::invalid_argument(
                "weekday",
                format!("{s:?} is not a weekday; use mon, tue, wed, thu, fri, sat or sun"),
            ));
        }
    })
}

fn parse_time(name: &'static str, s: &str) -> Result<Time> {
    let bad = || {
        Error::invalid_argument(
            name,
            format!("{s:?} is not a local time HH:MM or HH:MM:SS (00:00 to 23:59:59)"),
        )
    };
    let parts: Vec<&str> = s.split(':').collect();
    if !(2..=3).contains(&parts.len())
        || parts
            .iter()
            .any(|p| p.len() != 2 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(bad());
    }
    let num = |p: &str| p.parse::<i8>().map_err(|_| bad());
    let (h, m) = (num(parts[0])?, num(parts[1])?);
    let sec = if parts.len() == 3 { num(parts[2])? } else { 0 };
    Time::new(h, m, sec, 0).map_err(|_| bad())
}

/// Parses a calendar date `"YYYY-MM-DD"` (a holiday).
///
/// # Errors
/// `invalid_argument` for anything else, including impossible dates (`"2026-02-30"`).
pub fn parse_date(s: &str) -> Result<Date> {
    s.trim().parse::<Date>().map_err(|e| {
        Error::invalid_argument("holidays", format!("{s:?} is not a date YYYY-MM-DD ({e})"))
    })
}

/// Parses an instant in ISO 8601 / RFC 3339 with an offset or `Z`
/// (`"2026-11-26T09:00:00-05:00"`).
///
/// # Errors
/// `invalid_argument` for anything else, the message saying which: a local date or time
/// without an offset (ambiguous), a well-formed instant outside the supported range
/// (years -9999 to 9999), or text that is not an ISO 8601 instant (e.g. month 13).
///
/// # Examples
/// ```
/// let t = cxmetrics::parse_instant("2026-11-26T09:00:00-05:00")?;
/// assert_eq!(t.to_string(), "2026-11-26T14:00:00Z");
/// let local = cxmetrics::parse_instant("2026-11-26T09:00:00").unwrap_err();
/// assert!(local.to_string().contains("has no UTC offset"));
/// let far = cxmetrics::parse_instant("9999-12-31T23:00:00Z").unwrap_err();
/// assert!(far.to_string().contains("out of the supported range"));
/// let bad = cxmetrics::parse_instant("2026-13-01T09:00:00Z").unwrap_err();
/// assert!(bad.to_string().contains("is not a valid instant"));
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn parse_instant(s: &str) -> Result<Timestamp> {
    let text = s.trim();
    text.parse::<Timestamp>().map_err(|e| {
        // Which of the three: jiff's own reading of the text's parts tells them apart.
        let pieces = jiff::fmt::temporal::Pieces::parse(text);
        let message = match pieces {
            // well-formed, with an offset, and still refused: out of range
            Ok(p) if p.time().is_some() && p.offset().is_some() => format!(
                "{s:?} is out of the supported range of instants (years -9999 to 9999 in UTC) ({e})"
            ),
            Ok(_) => format!(
                "{s:?} has no UTC offset, so the instant it names is ambiguous; give a date, time and offset, e.g. 2026-11-26T09:00:00-05:00 or …Z"
            ),
            Err(_) => format!(
                "{s:?} is not a valid instant; give an ISO 8601 date, time and UTC offset, e.g. 2026-11-26T09:00:00-05:00 or …Z ({e})"
            ),
        };
        Error::invalid_argument("instant", message)
    })
}

/// One weekly opening window: on `weekday`, from `start` to `end` local time.
///
/// `end <= start` means the window runs past midnight into the next day (an overnight
/// shift, e.g. Fri 22:00–06:00); `end == start` means a full 24 hours. A window
/// belongs to the day it starts: a holiday on that date closes it entirely.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Window {
    /// The day the window opens.
    pub weekday: Weekday,
    /// Local opening time.
    pub start: Time,
    /// Local closing time (on the next day when `end <= start`).
    pub end: Time,
}

impl Window {
    /// A window on `weekday` from `start` to `end`.
    pub fn new(weekday: Weekday, start: Time, end: Time) -> Window {
        Window {
            weekday,
            start,
            end,
        }
    }

    /// Parses a window from strings: a weekday (`"mon"` … `"sun"` or the full English
    /// name, any case) and local times `"HH:MM"` or `"HH:MM:SS"` (00:00 … 23:59:59).
    ///
    /// # Errors
    /// `invalid_argument` naming the bad part (`"funday"`, `"25:00"`, `"9am"`).
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::Window;
    /// let w = Window::parse("Fri", "22:00", "06:00")?;       // overnight
    /// assert_eq!(w.weekday, cxmetrics::jiff::civil::Weekday::Friday);
    /// assert_eq!(Window::parse("fri", "25:00", "06:00").unwrap_err().code(), "invalid_argument");
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn parse(weekday: &str, start: &str, end: &str) -> Result<Window> {
        Ok(Window {
            weekday: parse_weekday(weekday)?,
            start: parse_time("start", start)?,
            end: parse_time("end", end)?,
        })
    }

    /// Length of the window in civil seconds (before any DST change shortens it).
    fn civil_seconds(&self) -> i64 {
        let len = second_of_day(self.end) - second_of_day(self.start);
        if len <= 0 { len + DAY } else { len }
    }
}

/// A business calendar: an IANA time zone, weekly windows and holiday dates.
///
/// # Formula
/// ```text
/// business_seconds(a, b) = Σ over local dates d, windows w of weekday(d), d ∉ holidays:
///                          | [open(d, w), close(d, w)] ∩ [a, b] |
/// open(d, w)  = first instant at which the local clock on d reads ≥ w.start
/// close(d, w) = likewise for w.end (on d + 1 for overnight windows)
/// ```
///
/// # Edge cases
/// - **DST.** Window boundaries are local wall-clock times. A boundary inside a
///   spring-forward gap (02:30 on a day when 02:00–03:00 does not exist) is the first
///   instant the clock reads ≥ that time — the transition itself (03:00). A boundary in
///   a fall-back overlap (01:30 happening twice) is its first occurrence. So a
///   00:00–24:00 window lasts 23 h on a spring-forward day and 25 h on a fall-back day;
///   a 09:00–17:00 window is 8 h on both.
/// - **Holidays** close every window that starts on that date (including the part of
///   an overnight window after midnight).
/// - Instants outside every window contribute 0: a ticket opened and answered after
///   hours has a business response time of 0 (and a calendar one above 0).
///
/// # Errors
/// `unknown_time_zone` for a name not in the tz database, `empty_schedule` without
/// windows, `overlapping_windows` when two windows share time (checked on the weekly
/// clock, including overnight windows that spill into the next day).
///
/// # Examples
/// ```
/// use cxmetrics::{Schedule, Window};
/// use jiff::civil::{time, Weekday};
///
/// let weekdays = [Weekday::Monday, Weekday::Tuesday, Weekday::Wednesday, Weekday::Thursday, Weekday::Friday];
/// let windows: Vec<Window> = weekdays.iter().map(|&d| Window::new(d, time(9, 0, 0, 0), time(17, 0, 0, 0))).collect();
/// let s = Schedule::from_iana("America/New_York", &windows, &[])?;
/// // Friday 16:00 → Monday 10:00 local: 1 h on Friday + 1 h on Monday
/// let a: jiff::Timestamp = "2026-03-06T16:00:00-05:00".parse().unwrap();
/// let b: jiff::Timestamp = "2026-03-09T10:00:00-04:00".parse().unwrap(); // after spring-forward
/// assert_eq!(s.business_seconds(a, b)?, 7200.0);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Schedule {
    tz: TimeZone,
    /// Per weekday (Monday = 0): (start, civil length in seconds), sorted by start.
    windows: [Vec<(Time, i64)>; 7],
    holidays: Vec<Date>,
}

impl Schedule {
    /// A schedule in the IANA time zone `name` (e.g. `"Europe/Berlin"`).
    ///
    /// # Errors
    /// `unknown_time_zone`, `empty_schedule`, `overlapping_windows`.
    pub fn from_iana(name: &str, windows: &[Window], holidays: &[Date]) -> Result<Schedule> {
        let tz = TimeZone::get(name).map_err(|e| Error::UnknownTimeZone {
            name: name.to_owned(),
            reason: e.to_string(),
        })?;
        Schedule::new(tz, windows, holidays)
    }

    /// A schedule in the time zone `tz`.
    ///
    /// # Errors
    /// `empty_schedule`, `overlapping_windows`.
    pub fn new(tz: TimeZone, windows: &[Window], holidays: &[Date]) -> Result<Schedule> {
        if windows.is_empty() {
            return Err(Error::EmptySchedule);
        }
        // Overlap check on the weekly clock: [weekday·day + start, … + length).
        let mut spans: Vec<(i64, i64, usize)> = windows
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let s = i64::from(w.weekday.to_monday_zero_offset()) * DAY + second_of_day(w.start);
                (s, s + w.civil_seconds(), i)
            })
            .collect();
        spans.sort_unstable();
        let week = 7 * DAY;
        for k in 0..spans.len() {
            let (_, end, i) = spans[k];
            let (next_start, j) = if k + 1 < spans.len() {
                (spans[k + 1].0, spans[k + 1].2)
            } else {
                (spans[0].0 + week, spans[0].2)
            };
            if end > next_start && !(spans.len() == 1 && end - spans[k].0 <= week) {
                return Err(Error::OverlappingWindows {
                    first: i.min(j),
                    second: i.max(j),
                });
            }
        }
        let mut per_day: [Vec<(Time, i64)>; 7] = Default::default();
        for w in windows {
            per_day[w.weekday.to_monday_zero_offset() as usize].push((w.start, w.civil_seconds()));
        }
        for d in &mut per_day {
            d.sort_unstable();
        }
        let mut holidays = holidays.to_vec();
        holidays.sort_unstable();
        holidays.dedup();
        Ok(Schedule {
            tz,
            windows: per_day,
            holidays,
        })
    }

    /// The schedule's time zone.
    pub fn time_zone(&self) -> &TimeZone {
        &self.tz
    }

    /// Whether `date` is a holiday of this schedule.
    pub fn is_holiday(&self, date: Date) -> bool {
        self.holidays.binary_search(&date).is_ok()
    }

    /// The first instant at which the local clock reads ≥ `dt` (see the DST rule above).
    fn boundary(&self, dt: DateTime) -> Option<Timestamp> {
        let amb = self.tz.to_ambiguous_timestamp(dt);
        match amb.offset() {
            AmbiguousOffset::Unambiguous { .. } | AmbiguousOffset::Fold { .. } => {
                amb.earlier().ok()
            }
            AmbiguousOffset::Gap { .. } => {
                // `later()` reads dt with the offset before the gap: an instant at or
                // after the transition, *at* it when dt is the gap's first reading
                // (02:00 on a spring-forward day). `preceding` is strictly before its
                // argument, so ask from 1 ns later to include the transition itself.
                let after_gap = amb.later().ok()?;
                let probe = after_gap
                    .checked_add(SignedDuration::from_nanos(1))
                    .unwrap_or(after_gap);
                self.tz.preceding(probe).next().map(|t| t.timestamp())
            }
        }
    }

    /// The open intervals of the windows starting on `date` (empty on holidays).
    fn day_intervals(&self, date: Date) -> impl Iterator<Item = (Timestamp, Timestamp)> + '_ {
        let closed = self.is_holiday(date);
        let list: &[(Time, i64)] = if closed {
            &[]
        } else {
            &self.windows[date.weekday().to_monday_zero_offset() as usize]
        };
        list.iter().filter_map(move |&(start, len)| {
            let open_dt = date.to_datetime(start);
            let close_dt = open_dt.checked_add(SignedDuration::from_secs(len)).ok()?;
            Some((self.boundary(open_dt)?, self.boundary(close_dt)?))
        })
    }

    fn local_date(&self, t: Timestamp) -> Date {
        self.tz.to_datetime(t).date()
    }

    /// Business seconds between `start` and `end`: the time inside opening windows.
    ///
    /// # Formula
    /// See [`Schedule`].
    ///
    /// # Edge cases
    /// - `start == end` gives 0; both outside hours on the same day gives 0.
    /// - Additive: `d(a, c) = d(a, b) + d(b, c)` for `a ≤ b ≤ c`; never more than the
    ///   calendar seconds `c − a`.
    ///
    /// # Errors
    /// `out_of_order` when `end < start`.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::{Schedule, Window};
    /// use jiff::civil::{date, time, Weekday};
    /// let w = [Window::new(Weekday::Monday, time(9, 0, 0, 0), time(17, 0, 0, 0))];
    /// let s = Schedule::from_iana("Europe/Berlin", &w, &[date(2026, 12, 28)])?;
    /// let a: jiff::Timestamp = "2026-12-21T08:00:00+01:00".parse().unwrap();
    /// let b: jiff::Timestamp = "2026-12-29T12:00:00+01:00".parse().unwrap();
    /// assert_eq!(s.business_seconds(a, b)?, 8.0 * 3600.0); // 28 Dec is a holiday
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn business_seconds(&self, start: Timestamp, end: Timestamp) -> Result<f64> {
        if end < start {
            return Err(Error::OutOfOrder {
                what: "the end of a duration is before its start",
                index: None,
            });
        }
        if end == start {
            return Ok(0.0);
        }
        let mut date = self.local_date(start).yesterday().unwrap_or(Date::MIN);
        let last = self.local_date(end);
        let mut nanos: i128 = 0;
        while date <= last {
            for (o, c) in self.day_intervals(date) {
                let lo = o.max(start);
                let hi = c.min(end);
                if hi > lo {
                    nanos += hi.as_nanosecond() - lo.as_nanosecond();
                }
            }
            match date.tomorrow() {
                Ok(d) => date = d,
                Err(_) => break,
            }
        }
        Ok(nanos as f64 / 1e9)
    }

    /// The instant `seconds` business seconds after `start` (an SLA deadline).
    ///
    /// # Formula
    /// The smallest `t ≥ start` with `business_seconds(start, t) = seconds`, taken at
    /// the earliest such instant (so a deadline falling exactly on a closing time is
    /// that closing time, not the next opening).
    ///
    /// # Edge cases
    /// `seconds = 0` gives the first business instant at or after `start` (the next
    /// opening when `start` is outside hours).
    ///
    /// # Errors
    /// `invalid_argument` for negative or non-finite `seconds`, or when the schedule has
    /// no opening time in the next ten years (e.g. every date a holiday).
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::{Schedule, Window};
    /// use jiff::civil::{time, Weekday};
    /// let w: Vec<Window> = [Weekday::Thursday, Weekday::Friday, Weekday::Monday]
    ///     .iter().map(|&d| Window::new(d, time(9, 0, 0, 0), time(17, 0, 0, 0))).collect();
    /// let s = Schedule::from_iana("UTC", &w, &[])?;
    /// let created: jiff::Timestamp = "2026-11-26T15:00:00Z".parse().unwrap(); // Thursday
    /// let due = s.add_business(created, 8.0 * 3600.0)?;                          // 8 business hours
    /// assert_eq!(due.to_string(), "2026-11-27T15:00:00Z");
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn add_business(&self, start: Timestamp, seconds: f64) -> Result<Timestamp> {
        if !(seconds.is_finite() && seconds >= 0.0) {
            return Err(Error::invalid_argument(
                "seconds",
                format!("must be a finite number of seconds ≥ 0, got {seconds}"),
            ));
        }
        let mut remaining = (seconds * 1e9).round() as i128;
        let mut date = self.local_date(start).yesterday().unwrap_or(Date::MIN);
        for _ in 0..MAX_SEARCH_DAYS {
            for (o, c) in self.day_intervals(date) {
                if c <= start {
                    continue;
                }
                let from = o.max(start);
                let avail = c.as_nanosecond() - from.as_nanosecond();
                if remaining <= avail {
                    return Timestamp::from_nanosecond(from.as_nanosecond() + remaining).map_err(
                        |e| {
                            Error::invalid_argument(
                                "seconds",
                                format!("the deadline is out of range ({e})"),
                            )
                        },
                    );
                }
                remaining -= avail;
            }
            match date.tomorrow() {
                Ok(d) => date = d,
                Err(_) => break,
            }
        }
        Err(Error::invalid_argument(
            "seconds",
            "the schedule has no (or not enough) opening time in the next ten years",
        ))
    }
}
