//! Inputs at the edges of the calendar (negative years, the first and last
//! representable instants, windows longer than the calendar) are values or errors,
//! never panics (issue 15, item 2).

use cxmetrics::jiff::civil::{Date, date};
use cxmetrics::jiff::{Timestamp, tz::TimeZone};
use cxmetrics::{NpsOptions, OnInvalid, Period, ReportOptions, Scale, SurveyMetric, Trend};

const NPS: SurveyMetric = SurveyMetric::Nps(NpsOptions { buckets: None });

fn t(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn trend(times: &[Timestamp], scores: &[u8], period: Period) -> Trend {
    Trend::from_scores(
        Scale::NPS,
        times,
        scores,
        None,
        OnInvalid::Error,
        period,
        TimeZone::UTC,
    )
    .unwrap()
}

fn opts() -> ReportOptions {
    ReportOptions {
        min_n: 1,
        ..Default::default()
    }
}

#[test]
fn negative_years_are_periods_like_any_other() {
    // the example, then year 0 and a modern date
    let times = [
        t("-000001-06-01T00:00:00Z"),
        t("-000001-06-30T23:59:59Z"),
        t("0000-01-05T00:00:00Z"),
        t("2026-01-01T00:00:00Z"),
    ];
    let tr = trend(&times, &[9, 0, 10, 6], Period::Month);
    let starts: Vec<Date> = tr.periods().keys().copied().collect();
    assert_eq!(
        starts,
        [date(-1, 6, 1), date(0, 1, 1), date(2026, 1, 1)],
        "one period per month, in calendar order"
    );
    let rows = tr.report(NPS, &opts()).unwrap();
    let labels: Vec<&str> = rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, ["-0001-06", "0000-01", "2026-01"]);
    let ns: Vec<u64> = rows.iter().map(|r| r.n).collect();
    assert_eq!(ns, [2, 1, 1]);
    // 9 and 0: one promoter, one detractor
    assert_eq!(rows[0].score, Some(0.0));

    let rows = trend(&times[..1], &[9], Period::Day)
        .report(NPS, &opts())
        .unwrap();
    assert_eq!(rows[0].label, "-0001-06-01");
    let rows = trend(&times[..1], &[9], Period::Quarter)
        .report(NPS, &opts())
        .unwrap();
    assert_eq!(
        (rows[0].start, rows[0].label.as_str()),
        (date(-1, 4, 1), "-0001-Q2")
    );
    let rows = trend(&times[..1], &[9], Period::IsoWeek)
        .report(NPS, &opts())
        .unwrap();
    // -0001-06-01 is a Tuesday (proleptic Gregorian), its week starts on Monday 31 May
    assert_eq!(rows[0].start, date(-1, 5, 31));
    assert_eq!(
        rows[0].start.weekday(),
        cxmetrics::jiff::civil::Weekday::Monday
    );
    let w = date(-1, 6, 1).iso_week_date();
    assert_eq!(rows[0].label, format!("-0001-W{:02}", w.week()));
}

#[test]
fn the_first_and_last_instants_have_periods() {
    let times = [Timestamp::MIN, Timestamp::MAX];
    for period in [Period::Day, Period::IsoWeek, Period::Month, Period::Quarter] {
        let tr = trend(&times, &[10, 0], period);
        let rows = tr.report(NPS, &opts()).unwrap();
        assert_eq!(rows.len(), 2, "{period:?}");
        assert!(rows[0].start <= date(-9999, 1, 2) && rows[1].start <= date(9999, 12, 31));
        // the week containing Date::MIN starts there (its Monday is not representable)
        assert!(rows[0].start >= Date::MIN);
    }
    // every day of the first, partial week is one period
    let ws = Period::IsoWeek.start(Date::MIN);
    for d in 0..7 {
        let day = Date::MIN
            .checked_add(cxmetrics::jiff::Span::new().days(d))
            .unwrap();
        if day.iso_week_date().week() == Date::MIN.iso_week_date().week() {
            assert_eq!(Period::IsoWeek.start(day), ws, "{day}");
        }
    }
}

#[test]
fn windows_longer_than_the_calendar_hold_every_earlier_day() {
    let times = [
        Timestamp::MIN,
        t("-000001-06-01T00:00:00Z"),
        t("2026-01-01T00:00:00Z"),
        t("2026-01-02T00:00:00Z"),
        Timestamp::MAX,
    ];
    let scores = [10u8, 0, 9, 6, 10];
    let tr = trend(&times, &scores, Period::Day);
    // 7_304_484 days is jiff's span limit; 2^31, 2^32 - 1 are far beyond it
    for days in [7_304_484, 7_304_485, 1 << 31, u32::MAX] {
        let rows = tr.rolling(days, NPS, &opts()).unwrap();
        let ns: Vec<u64> = rows.iter().map(|r| r.n).collect();
        assert_eq!(ns, [1, 2, 3, 4, 5], "days = {days}");
        // cumulative NPS by hand: (1-0)/1, (1-1)/2, (2-1)/3, (2-2)/4, (3-2)/5
        let want = [100.0, 0.0, 100.0 / 3.0, 0.0, 20.0];
        for (r, w) in rows.iter().zip(want) {
            assert!((r.score.unwrap() - w).abs() < 1e-12, "{days}: {r:?}");
        }
        assert!(rows[4].label.ends_with(&format!("(last {days} d)")));
    }
    // a one-day window is the day itself; two days reach back exactly one day
    let one: Vec<u64> = tr
        .rolling(1, NPS, &opts())
        .unwrap()
        .iter()
        .map(|r| r.n)
        .collect();
    assert_eq!(one, [1, 1, 1, 1, 1]);
    let two: Vec<u64> = tr
        .rolling(2, NPS, &opts())
        .unwrap()
        .iter()
        .map(|r| r.n)
        .collect();
    assert_eq!(two, [1, 1, 1, 2, 1]);
    assert_eq!(
        tr.rolling(0, NPS, &opts()).unwrap_err().code(),
        "invalid_argument"
    );
}

proptest::proptest! {
    /// Any instants jiff holds, any zone of a few, any period and any window length: rows
    /// (every response in exactly one period; a window never holds more than all earlier
    /// days), never a panic.
    #[test]
    fn any_instant_any_period_any_window(
        secs in proptest::collection::vec(
            Timestamp::MIN.as_second()..=Timestamp::MAX.as_second(), 1..20),
        zone in 0usize..4,
        period in 0usize..4,
        days in proptest::prop_oneof![1u32..40, proptest::prelude::any::<u32>()],
    ) {
        let times: Vec<Timestamp> =
            secs.iter().map(|&s| Timestamp::from_second(s).unwrap()).collect();
        let scores: Vec<u8> = (0..times.len()).map(|i| (i % 11) as u8).collect();
        let tz = match zone {
            0 => TimeZone::UTC,
            1 => TimeZone::get("Pacific/Kiritimati").unwrap(),
            2 => TimeZone::get("America/Adak").unwrap(),
            _ => TimeZone::fixed(cxmetrics::jiff::tz::offset(-25)),
        };
        let period = [Period::Day, Period::IsoWeek, Period::Month, Period::Quarter][period];
        let tr = Trend::from_scores(
            Scale::NPS, &times, &scores, None, OnInvalid::Error, period, tz,
        ).unwrap();
        let rows = tr.report(NPS, &opts()).unwrap();
        proptest::prop_assert_eq!(rows.iter().map(|r| r.n).sum::<u64>(), times.len() as u64);
        for w in rows.windows(2) {
            proptest::prop_assert!(w[0].start < w[1].start);
        }
        if period == Period::Day {
            let rolled = tr.rolling(days, NPS, &opts()).unwrap();
            let mut seen = 0;
            for (r, day) in rolled.iter().zip(&rows) {
                seen += day.n;
                proptest::prop_assert!(r.n >= day.n && r.n <= seen);
            }
        }
    }
}
