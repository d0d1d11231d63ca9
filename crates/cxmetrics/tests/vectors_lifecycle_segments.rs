//! Runs every case of `tests/vectors/lifecycle.json` (conversion, churn, retention, CLV:
//! exact rationals and statsmodels, written by `tests/vectors/oracle_lifecycle.py`) and of
//! `tests/vectors/segments.json` (segments and trends: pandas, statsmodels, scipy and
//! zoneinfo, written by `tests/vectors/oracle_segments.py`).

mod common;

use common::{Compare, every_case_passes, number, numbers, vectors};
use cxmetrics::jiff::tz::TimeZone;
use cxmetrics::{
    Annualize, ChurnDenominator, Error, KeyPart, MetricKind, MetricOptions, NpsBuckets, OnInvalid,
    PAdjust, Period, ReportOptions, Scale, SegmentRow, Segments, SurveyMetric, Trend, churn_rate,
    clv_from_churn, clv_from_retention, conversion_rate, parse_instant, retention_rate,
};
use serde_json::{Value, json};

fn opt<'a>(o: &'a Value, k: &str) -> Option<&'a Value> {
    o.get(k).filter(|v| !v.is_null())
}

fn opt_f64(o: &Value, k: &str, default: f64) -> f64 {
    opt(o, k).map_or(default, number)
}

fn opt_str<'a>(o: &'a Value, k: &str, default: &'a str) -> &'a str {
    opt(o, k).and_then(Value::as_str).unwrap_or(default)
}

/// The survey metric and scale of a segment / trend case (survey.json option names),
/// resolved by name through the core, as the bindings do.
fn metric(o: &Value) -> Result<(SurveyMetric, Scale), Error> {
    let kind = MetricKind::parse(opt_str(o, "metric", "nps"))?;
    let method = opt(o, "method").and_then(Value::as_str).map(str::to_owned);
    let options = MetricOptions {
        buckets: opt(o, "buckets").map(|b| NpsBuckets {
            detractor_max: b["detractor_max"].as_i64().unwrap(),
            promoter_min: b["promoter_min"].as_i64().unwrap(),
        }),
        csat_method: method.clone().filter(|_| kind == MetricKind::Csat),
        ces_method: method.filter(|_| kind == MetricKind::Ces),
        threshold: opt(o, "threshold").and_then(Value::as_i64),
        bottom_threshold: opt(o, "bottom_threshold").and_then(Value::as_i64),
        higher_is_better: opt(o, "higher_is_better").and_then(Value::as_bool),
    };
    let m = SurveyMetric::resolve(kind, options)?;
    let scale = match opt(o, "scale") {
        Some(s) => Scale::new(s[0].as_i64().unwrap(), s[1].as_i64().unwrap())?,
        None => kind.default_scale().expect("the case names a scale"),
    };
    Ok((m, scale))
}

fn report_options(o: &Value) -> Result<ReportOptions, Error> {
    let d = ReportOptions::default();
    Ok(ReportOptions {
        level: opt_f64(o, "level", d.level),
        min_n: opt(o, "min_n").map_or(d.min_n, |v| v.as_u64().unwrap()),
        adjust: opt(o, "adjust")
            .and_then(Value::as_str)
            .map_or(Ok(d.adjust), PAdjust::parse)?,
        alpha: opt_f64(o, "alpha", d.alpha),
        ..d
    })
}

fn on_invalid(o: &Value) -> Result<OnInvalid, Error> {
    OnInvalid::parse(opt_str(o, "on_invalid", "error"))
}

fn key_json(k: &KeyPart) -> Value {
    match k {
        KeyPart::Int(i) => json!(i),
        KeyPart::Str(s) => json!(s),
    }
}

fn segment_row(r: &SegmentRow) -> Value {
    json!({"key": r.key.iter().map(key_json).collect::<Vec<_>>(), "n": r.n,
           "missing": r.missing, "invalid": r.invalid, "share": r.share, "score": r.score,
           "lower": r.lower, "upper": r.upper, "low_n": r.low_n, "impact": r.impact})
}

fn segment(case: &Value) -> Result<Value, Error> {
    let o = &case["options"];
    let (m, scale) = metric(o)?;
    let scores = numbers(&case["scores"]);
    let cols: Vec<&Vec<Value>> = case["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_array().unwrap())
        .collect();
    if let Some(c) = cols.iter().find(|c| c.len() != scores.len()) {
        return Err(Error::LengthMismatch {
            what: "keys and scores",
            left: c.len(),
            right: scores.len(),
        });
    }
    let keys: Vec<Vec<KeyPart>> = (0..scores.len())
        .map(|i| {
            cols.iter()
                .map(|c| match &c[i] {
                    Value::String(s) => KeyPart::Str(s.clone()),
                    v => KeyPart::Int(v.as_i64().expect("int or str key")),
                })
                .collect()
        })
        .collect();
    let weights = opt(case, "weights").map(numbers);
    let s = Segments::from_keys(scale, &keys, &scores, weights.as_deref(), on_invalid(o)?)?;
    let r = s.report(m, &report_options(o)?)?;
    Ok(
        json!({"rows": r.rows.iter().map(segment_row).collect::<Vec<_>>(),
              "overall": segment_row(&r.overall)}),
    )
}

fn trend(case: &Value) -> Result<Value, Error> {
    let o = &case["options"];
    let (m, scale) = metric(o)?;
    let period = Period::parse(opt_str(o, "period", "month"))?;
    let options = report_options(o)?;
    let name = opt_str(o, "time_zone", "UTC");
    let tz = TimeZone::get(name).map_err(|e| Error::UnknownTimeZone {
        name: name.to_owned(),
        reason: e.to_string(),
    })?;
    let times = case["times"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| parse_instant(t.as_str().unwrap()))
        .collect::<Result<Vec<_>, _>>()?;
    let scores = numbers(&case["scores"]);
    let weights = opt(case, "weights").map(numbers);
    let tr = Trend::from_scores(
        scale,
        &times,
        &scores,
        weights.as_deref(),
        on_invalid(o)?,
        period,
        tz,
    )?;
    let rows = match opt(o, "rolling_days") {
        Some(d) => tr.rolling(u32::try_from(d.as_u64().unwrap()).unwrap(), m, &options)?,
        None => tr.report(m, &options)?,
    };
    Ok(json!({"rows": rows.iter().map(|r| json!({
        "start": r.start.to_string(), "label": r.label, "n": r.n, "missing": r.missing,
        "score": r.score, "lower": r.lower, "upper": r.upper, "low_n": r.low_n,
        "change": r.change, "p_value": r.p_value, "p_adjusted": r.p_adjusted,
        "significant": r.significant})).collect::<Vec<_>>()}))
}

fn run(case: &Value) -> Result<Value, Error> {
    let a = &case["args"];
    let o = case.get("options").unwrap_or(&Value::Null);
    let level = opt_f64(o, "level", cxmetrics::Level::DEFAULT.get());
    Ok(match case["function"].as_str().unwrap() {
        "conversion_rate" => {
            let r = conversion_rate(number(&a["conversions"]), number(&a["interactions"]))?;
            let i = r.interval(level, None)?;
            json!({"score": r.score, "count": r.count, "n": r.n, "lower": i.lower, "upper": i.upper})
        }
        "churn_rate" => {
            let denominator = ChurnDenominator::from_name(
                opt(o, "denominator").and_then(Value::as_str),
                opt(o, "up_for_renewal").map(number),
                opt(o, "end").map(number),
            )?;
            let annualize = Annualize::parse(opt_str(o, "annualize", "compound"))?;
            let r = churn_rate(
                number(&a["churned"]),
                number(&a["start"]),
                denominator,
                opt(o, "periods_per_year").map(number),
                annualize,
            )?;
            let i = r.interval(level, None)?;
            json!({"score": r.score, "annualized": r.annualized, "churned": r.churned, "n": r.n,
                   "lower": i.lower, "upper": i.upper})
        }
        "retention_rate" => {
            let r = retention_rate(number(&a["start"]), number(&a["end"]), number(&a["new"]))?;
            let i = r.interval(level, None)?;
            json!({"score": r.score, "count": r.count, "n": r.n, "lower": i.lower, "upper": i.upper})
        }
        "clv_from_churn" => json!({"value": clv_from_churn(
            number(&a["arpu"]), number(&a["margin"]), number(&a["churn"]))?}),
        "clv_from_retention" => json!({"value": clv_from_retention(
            number(&a["arpu"]), number(&a["retention"]))?}),
        "segment" => segment(case)?,
        "trend" => trend(case)?,
        other => panic!("unknown function {other}"),
    })
}

fn every_case_of(file: &str, functions: &[&str]) {
    let v = vectors(file);
    for c in v["cases"].as_array().expect("cases") {
        let f = c["function"].as_str().unwrap();
        assert!(functions.contains(&f), "{file}: unexpected function {f}");
    }
    every_case_passes(file, 60, Compare::EXACT, run);
}

#[test]
fn every_lifecycle_vector_passes() {
    every_case_of(
        "lifecycle.json",
        &[
            "conversion_rate",
            "churn_rate",
            "retention_rate",
            "clv_from_churn",
            "clv_from_retention",
        ],
    );
}

#[test]
fn every_segments_vector_passes() {
    every_case_of("segments.json", &["segment", "trend"]);
}
