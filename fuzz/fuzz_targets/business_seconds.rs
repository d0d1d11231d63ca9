//! Differential: `Schedule::business_seconds` against a minute-by-minute reference on
//! spans of up to three days, with random weekly windows (overnight and 24-hour ones
//! included), holidays near the span, and zones chosen for their clocks: DST at 02:00
//! and at midnight, negative DST, 30-minute DST, offsets of 5:30, 12:45 and −3:30, and a
//! skipped calendar day (Pacific/Apia, 30 December 2011).
//!
//! The reference reads only the zone's instant → wall-clock conversion. It walks every
//! minute from three days before the span to three days after it, and for each window on
//! each non-holiday local date takes the documented boundaries literally: `open` is the
//! first minute at which the local clock reads ≥ the window's start on that date, `close`
//! the first at which it reads ≥ its end (the next day's for an overnight window). Every
//! boundary is a whole minute (whole-minute windows, offsets and transitions), so
//! counting minutes inside `[open, close) ∩ [a, b)` is exact. Also checked:
//! additivity at a middle instant, and that `add_business(a, business_seconds(a, b))`
//! lands at an instant `t ≤ b` with `business_seconds(a, t)` the same.
#![no_main]

use arbitrary::Arbitrary;
use cxmetrics::jiff::civil::{Date, DateTime, Time, Weekday};
use cxmetrics::jiff::tz::TimeZone;
use cxmetrics::jiff::{Timestamp, ToSpan};
use cxmetrics::{Schedule, Window};
use libfuzzer_sys::fuzz_target;

const ZONES: [&str; 10] = [
    "UTC",
    "America/New_York",
    "Europe/Berlin",
    "America/Santiago",
    "Europe/Dublin",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
    "Pacific/Chatham",
    "America/St_Johns",
    "Pacific/Apia",
];

/// Span starts near DST changes and the Apia day skip, as Unix seconds.
const BASES: [i64; 4] = [
    1_324_339_200, // 2011-12-20T00:00Z (Apia skips 2011-12-30)
    1_709_251_200, // 2024-03-01T00:00Z
    1_727_740_800, // 2024-10-01T00:00Z
    1_774_396_800, // 2026-03-25T00:00Z
];

#[derive(Arbitrary, Debug)]
struct Input {
    zone: u8,
    base: u8,
    /// minutes after the base (up to 45 days)
    offset: u16,
    /// minutes in the span (up to 3 days)
    len: u16,
    /// (weekday, start minute of day, end minute of day)
    windows: Vec<(u8, u16, u16)>,
    /// days after the span's first UTC date (−3 … 4)
    holidays: Vec<u8>,
    middle: u16,
}

fn time_of(minute: u16) -> Time {
    let m = minute % 1440;
    Time::new((m / 60) as i8, (m % 60) as i8, 0, 0).unwrap()
}

fn weekday(k: u8) -> Weekday {
    Weekday::from_monday_zero_offset((k % 7) as i8).unwrap()
}

fn at(unix_minutes: i64) -> Timestamp {
    Timestamp::from_second(unix_minutes * 60).unwrap()
}

fn reference(tz: &TimeZone, windows: &[Window], holidays: &[Date], a: i64, b: i64) -> i64 {
    let (from, to) = (a - 3 * 1440, b + 3 * 1440);
    let clock: Vec<DateTime> = (from..=to).map(|m| tz.to_datetime(at(m))).collect();
    let first_at_least = |x: DateTime| clock.iter().position(|&c| c >= x).map(|i| from + i as i64);
    let (d0, d1) = (
        clock[3 * 1440].date(),
        clock[clock.len() - 1 - 3 * 1440].date(),
    );
    let mut total = 0;
    let mut d = d0.checked_sub(2.days()).unwrap();
    while d <= d1 {
        if !holidays.contains(&d) {
            for w in windows.iter().filter(|w| w.weekday == d.weekday()) {
                let open_at = d.to_datetime(w.start);
                let end_day = if w.end <= w.start {
                    d.tomorrow().unwrap()
                } else {
                    d
                };
                let close_at = end_day.to_datetime(w.end);
                let (Some(open), Some(close)) = (first_at_least(open_at), first_at_least(close_at))
                else {
                    panic!("reference scan too short for {d}");
                };
                let (lo, hi) = (open.max(a), close.min(b));
                if hi > lo {
                    total += hi - lo;
                }
            }
        }
        d = d.tomorrow().unwrap();
    }
    total * 60
}

fuzz_target!(|input: Input| {
    let zone = ZONES[usize::from(input.zone) % ZONES.len()];
    let windows: Vec<Window> = input
        .windows
        .iter()
        .take(5)
        .map(|&(d, s, e)| Window::new(weekday(d), time_of(s), time_of(e)))
        .collect();
    let a =
        BASES[usize::from(input.base) % BASES.len()] / 60 + i64::from(input.offset % (45 * 1440));
    let b = a + i64::from(input.len % (3 * 1440 + 1));
    let first = TimeZone::UTC.to_datetime(at(a)).date();
    let holidays: Vec<Date> = input
        .holidays
        .iter()
        .take(4)
        .map(|&h| first.checked_add((i64::from(h % 8) - 3).days()).unwrap())
        .collect();
    let Ok(schedule) = Schedule::from_iana(zone, &windows, &holidays) else {
        return; // empty or overlapping: refused, and tested elsewhere
    };
    let tz = TimeZone::get(zone).unwrap();
    let got = schedule.business_seconds(at(a), at(b)).expect("a ≤ b");
    let want = reference(&tz, &windows, &holidays, a, b);
    assert_eq!(
        got,
        want as f64,
        "{zone}: [{}, {}) {windows:?} holidays {holidays:?}",
        at(a),
        at(b)
    );

    let m = a + i64::from(input.middle) % (b - a + 1);
    let left = schedule.business_seconds(at(a), at(m)).unwrap();
    let right = schedule.business_seconds(at(m), at(b)).unwrap();
    assert_eq!(left + right, got, "not additive at {}", at(m));
    if a < b {
        let e = schedule.business_seconds(at(b), at(a)).unwrap_err();
        assert_eq!(e.code(), "out_of_order");
    }

    if got > 0.0 {
        let t = schedule
            .add_business(at(a), got)
            .expect("enough opening time");
        assert!(
            t <= at(b),
            "add_business({}, {got}) = {t} after {}",
            at(a),
            at(b)
        );
        assert_eq!(schedule.business_seconds(at(a), t).unwrap(), got);
    }
});
