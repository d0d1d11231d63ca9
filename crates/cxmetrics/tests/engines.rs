//! Pushdown support (issue 14): `period_pieces` buckets every instant in the period
//! `Trend::from_scores` gives it, across DST, midnight transitions, skipped days and
//! half-hour zones; `Segments::from_tallies` / `Trend::from_tallies` equal the row-wise
//! reports.

use cxmetrics::jiff::{Timestamp, tz::TimeZone};
use cxmetrics::trends::{Period, period_pieces};
use cxmetrics::{
    KeyPart, NpsOptions, OnInvalid, ReportOptions, Scale, Segments, SurveyMetric, Tally, Trend,
};

const ZONES: [&str; 8] = [
    "UTC",
    "Europe/Berlin",
    "America/New_York",
    "America/Sao_Paulo",   // DST began at midnight (2018-11-04 00:00 → 01:00)
    "America/Santiago",    // DST ends at midnight (24:00 → 23:00)
    "Pacific/Apia",        // skipped 2011-12-30
    "Asia/Kolkata",        // +05:30
    "Australia/Lord_Howe", // 30-minute DST
];

/// The piece of `t`: the last piece starting at or before `t`'s whole second.
fn piece_of(
    pieces: &[(Timestamp, cxmetrics::jiff::civil::Date)],
    t: Timestamp,
) -> cxmetrics::jiff::civil::Date {
    let s = t.as_second() - i64::from(t.subsec_nanosecond() < 0);
    let i = pieces.partition_point(|(start, _)| start.as_second() <= s);
    pieces[i - 1].1
}

#[test]
fn pieces_match_the_period_of_every_instant() {
    let first: Timestamp = "2010-06-01T00:00:00.25Z".parse().unwrap();
    let last: Timestamp = "2019-06-01T00:00:00Z".parse().unwrap();
    for zone in ZONES {
        let tz = TimeZone::get(zone).unwrap();
        for period in [Period::Day, Period::IsoWeek, Period::Month, Period::Quarter] {
            let pieces = period_pieces(period, &tz, first, last).unwrap();
            // every 1 h 7 min 13.5 s (drifts through every local minute over the years)
            let mut t = first;
            let step = cxmetrics::jiff::SignedDuration::from_millis(4_033_500);
            while t <= last {
                let want = period.start(tz.to_datetime(t).date());
                assert_eq!(piece_of(&pieces, t), want, "{zone} {period:?} {t}");
                t = t.checked_add(step).unwrap();
            }
            // a second either side of every piece boundary
            for w in pieces.windows(2) {
                let b = w[1].0;
                let before = b
                    .checked_sub(cxmetrics::jiff::SignedDuration::from_nanos(1))
                    .unwrap();
                assert_eq!(
                    piece_of(&pieces, before),
                    period.start(tz.to_datetime(before).date())
                );
                assert_eq!(piece_of(&pieces, b), period.start(tz.to_datetime(b).date()));
                assert_ne!(w[0].1, w[1].1, "{zone}: adjacent pieces differ");
            }
        }
    }
}

#[test]
fn pieces_refuse_a_reversed_range() {
    let t: Timestamp = "2020-01-01T00:00:00Z".parse().unwrap();
    let e = period_pieces(
        Period::Day,
        &TimeZone::UTC,
        t,
        t.checked_sub(cxmetrics::jiff::SignedDuration::from_secs(1))
            .unwrap(),
    )
    .unwrap_err();
    assert_eq!(e.code(), "invalid_argument");
    assert_eq!(
        period_pieces(Period::Day, &TimeZone::UTC, t, t)
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn tallies_give_the_row_wise_reports() {
    let keys = ["b", "a", "b", "a", "c"];
    let scores = [10.0, 3.0, 9.0, f64::NAN, 11.0];
    let key = |k: &str| vec![KeyPart::Str(k.to_owned())];
    let rows: Vec<_> = keys.iter().map(|k| key(k)).collect();
    let metric = SurveyMetric::Nps(NpsOptions::default());
    let opts = ReportOptions {
        min_n: 1,
        ..Default::default()
    };
    let want = Segments::from_keys(Scale::NPS, &rows, &scores, None, OnInvalid::Skip)
        .unwrap()
        .report(metric, &opts)
        .unwrap();
    let tally = |s: &[f64]| Tally::from_scores_with(Scale::NPS, s, None, OnInvalid::Skip).unwrap();
    // "b" arrives in two chunks
    let got = Segments::from_tallies(
        Scale::NPS,
        [
            (key("b"), tally(&[10.0])),
            (key("c"), tally(&[11.0])),
            (key("a"), tally(&[3.0, f64::NAN])),
            (key("b"), tally(&[9.0])),
        ],
    )
    .unwrap()
    .report(metric, &opts)
    .unwrap();
    assert_eq!(got, want);
    let e = Segments::from_tallies(Scale::NPS, [(key("a"), Tally::new(Scale::ONE_TO_FIVE))])
        .unwrap_err();
    assert_eq!(e.code(), "scale_mismatch");

    let t = |s: &str| s.parse::<Timestamp>().unwrap();
    let times = [
        t("2026-01-31T23:30:00Z"),
        t("2026-02-01T00:30:00Z"),
        t("2026-02-10T00:00:00Z"),
    ];
    let tz = TimeZone::get("Europe/Berlin").unwrap();
    let want = Trend::from_scores(
        Scale::NPS,
        &times,
        &[10u8, 0, 9],
        None,
        OnInvalid::Error,
        Period::Month,
        tz,
    )
    .unwrap()
    .report(metric, &opts)
    .unwrap();
    let d = cxmetrics::jiff::civil::date;
    let got = Trend::from_tallies(
        Period::Month,
        [
            (d(2026, 2, 1), tally(&[10.0, 9.0])),
            (d(2026, 2, 1), tally(&[0.0])),
        ],
    )
    .unwrap()
    .report(metric, &opts)
    .unwrap();
    assert_eq!(got, want);
    let e = Trend::from_tallies(Period::IsoWeek, [(d(2026, 2, 1), tally(&[0.0]))]).unwrap_err();
    assert_eq!(e.code(), "invalid_argument");
}
