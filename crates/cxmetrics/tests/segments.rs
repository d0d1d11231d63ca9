//! Segments, trends and lifecycle formulas (conversion, churn, retention, CLV): hand
//! calculations and properties.

use cxmetrics::jiff::{Timestamp, tz::TimeZone};
use cxmetrics::{
    Annualize, ChurnDenominator, KeyPart, NpsOptions, OnInvalid, PAdjust, Period, ReportOptions,
    Scale, Segments, SurveyMetric, Tally, Trend, churn_rate, clv_from_churn, clv_from_retention,
    conversion_rate, nps, retention_rate,
};
use proptest::prelude::*;

fn key(s: &str) -> Vec<KeyPart> {
    vec![KeyPart::Str(s.to_owned())]
}

const NPS: SurveyMetric = SurveyMetric::Nps(NpsOptions { buckets: None });

#[test]
fn overall_nps_is_never_the_mean_of_segment_nps() {
    // small: 12 responses, all promoters (NPS 100); big: 5,000 with 1,000 promoters and
    // 2,000 detractors (NPS −20). Overall = (1012 − 2000) / 5012 = −19.71…, while the mean
    // of the two segment scores would be 40.
    let mut keys = Vec::new();
    let mut scores = Vec::new();
    for _ in 0..12 {
        keys.push(key("small"));
        scores.push(10u8);
    }
    for i in 0..5000 {
        keys.push(key("big"));
        scores.push(if i < 1000 {
            9
        } else if i < 3000 {
            3
        } else {
            7
        });
    }
    let s = Segments::from_keys(Scale::NPS, &keys, &scores, None, OnInvalid::Error).unwrap();
    let r = s.report(NPS, &ReportOptions::default()).unwrap();
    let overall = r.overall.score.unwrap();
    assert!((overall - 100.0 * (1012.0 - 2000.0) / 5012.0).abs() < 1e-9);
    let mean_of_segments = r.rows.iter().map(|x| x.score.unwrap()).sum::<f64>() / 2.0;
    assert!((mean_of_segments - 40.0).abs() < 1e-9);
    assert!((overall - mean_of_segments).abs() > 50.0);
    // flags and impact: without "small" the overall would be −20
    let small = r.rows.iter().find(|x| x.key == key("small")).unwrap();
    assert!(small.low_n && small.n == 12);
    assert!((small.impact.unwrap() - (overall + 20.0)).abs() < 1e-9);
    assert!((small.share - 12.0 / 5012.0).abs() < 1e-12);
}

#[test]
fn multi_column_integer_and_string_keys() {
    let keys = vec![
        vec![KeyPart::Str("chat".into()), KeyPart::Int(1)],
        vec![KeyPart::Str("chat".into()), KeyPart::Int(2)],
        vec![KeyPart::Str("chat".into()), KeyPart::Int(1)],
    ];
    let s = Segments::from_keys(
        Scale::ONE_TO_FIVE,
        &keys,
        &[5u8, 1, 4],
        None,
        OnInvalid::Error,
    )
    .unwrap();
    assert_eq!(s.groups().len(), 2);
    let r = s
        .report(
            SurveyMetric::TopBox(None),
            &ReportOptions {
                min_n: 1,
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(r.rows[0].score, Some(100.0));
    assert_eq!(r.rows[1].score, Some(0.0));
}

#[test]
fn row_errors_name_the_callers_index() {
    let keys = vec![key("a"), key("b"), key("a"), key("b")];
    let e = Segments::from_keys(
        Scale::NPS,
        &keys,
        &[1.0, 2.0, 3.0, 12.0],
        None,
        OnInvalid::Error,
    )
    .unwrap_err();
    assert_eq!((e.code(), e.index()), ("out_of_scale", Some(3)));
    let e = Segments::from_keys(
        Scale::NPS,
        &keys[..3],
        &[1.0, 2.0, 3.0, 4.0],
        None,
        OnInvalid::Error,
    )
    .unwrap_err();
    assert_eq!(e.code(), "length_mismatch");
}

#[test]
fn monthly_trend_with_significance() {
    let t = |s: &str| s.parse::<Timestamp>().unwrap();
    let mut times = Vec::new();
    let mut scores = Vec::new();
    // Jan: 100 responses NPS 0 (30 P / 40 A / 30 D); Feb: NPS 40 (60 / 20 / 20); Mar: 5 responses (low n)
    for (month, p, a, d) in [("01", 30, 40, 30), ("02", 60, 20, 20), ("03", 5, 0, 0)] {
        for (score, k) in [(10u8, p), (8, a), (2, d)] {
            for _ in 0..k {
                times.push(t(&format!("2026-{month}-15T12:00:00Z")));
                scores.push(score);
            }
        }
    }
    let tr = Trend::from_scores(
        Scale::NPS,
        &times,
        &scores,
        None,
        OnInvalid::Error,
        Period::Month,
        TimeZone::UTC,
    )
    .unwrap();
    let rows = tr
        .report(
            NPS,
            &ReportOptions {
                min_n: 30,
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(
        rows.iter().map(|r| r.label.as_str()).collect::<Vec<_>>(),
        ["2026-01", "2026-02", "2026-03"]
    );
    assert_eq!(rows[1].change, Some(40.0));
    // adjusted-Wald z test; one comparison, so Holm leaves p unchanged
    assert!(rows[1].p_value.unwrap() < 0.001 && rows[1].significant);
    assert_eq!(rows[1].p_adjusted, rows[1].p_value);
    assert!(rows[2].low_n && rows[2].change.is_none());
    // rolling windows need a daily trend
    assert_eq!(
        tr.rolling(7, NPS, &ReportOptions::default())
            .unwrap_err()
            .code(),
        "invalid_argument"
    );
}

#[test]
fn iso_weeks_and_quarters_in_a_time_zone() {
    use cxmetrics::jiff::civil::date;
    // 2027-01-01 is a Friday in ISO week 2026-W53
    assert_eq!(
        Period::IsoWeek.label(Period::IsoWeek.start(date(2027, 1, 1))),
        "2026-W53"
    );
    assert_eq!(
        Period::Quarter.label(Period::Quarter.start(date(2026, 11, 26))),
        "2026-Q4"
    );
    // 23:30 UTC on 31 Jan is already February in Berlin
    let times = ["2026-01-31T23:30:00Z".parse::<Timestamp>().unwrap()];
    let tz = TimeZone::get("Europe/Berlin").unwrap();
    let tr = Trend::from_scores(
        Scale::NPS,
        &times,
        &[10u8],
        None,
        OnInvalid::Error,
        Period::Month,
        tz,
    )
    .unwrap();
    assert_eq!(
        tr.periods().keys().next().unwrap().to_string(),
        "2026-02-01"
    );
}

#[test]
#[allow(clippy::many_single_char_names)]
fn lifecycle_formulas() {
    assert_eq!(conversion_rate(0.0, 10.0).unwrap().score, 0.0);
    assert_eq!(
        conversion_rate(11.0, 10.0).unwrap_err().code(),
        "invalid_argument"
    );
    assert_eq!(conversion_rate(0.0, 0.0).unwrap_err().code(), "empty");
    assert_eq!(
        conversion_rate(f64::NAN, 10.0).unwrap_err().code(),
        "invalid_argument"
    );
    // 10 % monthly churn: compound 1 − 0.9^12 = 71.76 %, simple 120 %
    let c = churn_rate(
        100.0,
        1000.0,
        ChurnDenominator::StartOfPeriod,
        Some(12.0),
        Annualize::Compound,
    )
    .unwrap();
    assert!((c.annualized.unwrap() - 100.0 * (1.0 - 0.9f64.powi(12))).abs() < 1e-9);
    let s = churn_rate(
        100.0,
        1000.0,
        ChurnDenominator::StartOfPeriod,
        Some(12.0),
        Annualize::Simple,
    )
    .unwrap();
    assert!((s.annualized.unwrap() - 120.0).abs() < 1e-9);
    let r = churn_rate(
        30.0,
        1000.0,
        ChurnDenominator::UpForRenewal(200.0),
        None,
        Annualize::Compound,
    )
    .unwrap();
    assert_eq!((r.score, r.annualized), (15.0, None));
    let a = churn_rate(
        50.0,
        900.0,
        ChurnDenominator::Average { end: 1100.0 },
        None,
        Annualize::Compound,
    )
    .unwrap();
    assert_eq!(a.score, 5.0);
    assert_eq!(
        churn_rate(
            5.0,
            0.0,
            ChurnDenominator::StartOfPeriod,
            None,
            Annualize::Compound
        )
        .unwrap_err()
        .code(),
        "empty"
    );
    assert_eq!(
        retention_rate(100.0, 90.0, 95.0).unwrap_err().code(),
        "invalid_argument"
    );
    assert_eq!(
        clv_from_churn(50.0, 0.8, 0.0).unwrap_err().code(),
        "invalid_argument"
    );
    assert_eq!(
        clv_from_churn(50.0, 80.0, 5.0).unwrap_err().code(),
        "invalid_argument"
    ); // margin is a fraction
    assert_eq!(
        clv_from_retention(50.0, 100.0).unwrap_err().code(),
        "invalid_argument"
    );
    // the two CLV forms agree with margin 1
    let x = clv_from_churn(40.0, 1.0, 5.0).unwrap();
    let y = clv_from_retention(40.0, 95.0).unwrap();
    assert!((x - y).abs() < 1e-9);
    let _ = PAdjust::BenjaminiHochberg;
}

proptest! {
    #[test]
    fn merging_segments_reproduces_the_overall_exactly(
        rows in prop::collection::vec((0u8..5, 0u8..=10), 1..300),
    ) {
        let keys: Vec<Vec<KeyPart>> = rows.iter().map(|(k, _)| vec![KeyPart::Int(i64::from(*k))]).collect();
        let scores: Vec<u8> = rows.iter().map(|(_, s)| *s).collect();
        let s = Segments::from_keys(Scale::NPS, &keys, &scores, None, OnInvalid::Error).unwrap();
        let whole = Tally::from_scores(Scale::NPS, &scores).unwrap();
        prop_assert_eq!(s.overall().unwrap(), whole.clone());
        let r = s.report(NPS, &ReportOptions::default()).unwrap();
        prop_assert_eq!(r.overall.score, Some(nps(&whole).unwrap().score));
        prop_assert_eq!(r.rows.iter().map(|x| x.n).sum::<u64>(), whole.n());
        // and splitting the rows into two halves, segmenting each and merging, is the same
        let mid = rows.len() / 2;
        let mut a = Segments::from_keys(Scale::NPS, &keys[..mid], &scores[..mid], None, OnInvalid::Error).unwrap();
        let b = Segments::from_keys(Scale::NPS, &keys[mid..], &scores[mid..], None, OnInvalid::Error).unwrap();
        a.merge(&b).unwrap();
        prop_assert_eq!(a, s);
    }
}

#[test]
fn report_options_are_validated_up_front() {
    let keys = vec![key("a"), key("b")];
    let s = Segments::from_keys(Scale::NPS, &keys, &[10u8, 3], None, OnInvalid::Error).unwrap();
    for level in [0.0, 1.0, f64::NAN] {
        let e = s
            .report(
                NPS,
                &ReportOptions {
                    level,
                    ..Default::default()
                },
            )
            .unwrap_err();
        assert_eq!(e.code(), "invalid_argument");
    }
    let wilson = ReportOptions {
        method: Some(cxmetrics::IntervalMethod::Wilson),
        ..Default::default()
    };
    assert_eq!(
        s.report(NPS, &wilson).unwrap_err().code(),
        "invalid_argument"
    );
    // a mean from one response has no t interval: the row is kept without one
    let m = s
        .report(SurveyMetric::Mean, &ReportOptions::default())
        .unwrap();
    assert!(m.rows[0].score.is_some() && m.rows[0].lower.is_none());
    // all weights zero: invalid_weight, as for the survey functions
    let zero = Segments::from_keys(
        Scale::NPS,
        &keys,
        &[10u8, 3],
        Some(&[0.0, 0.0]),
        OnInvalid::Error,
    )
    .unwrap();
    assert_eq!(
        zero.report(NPS, &ReportOptions::default())
            .unwrap_err()
            .code(),
        "invalid_weight"
    );
}
