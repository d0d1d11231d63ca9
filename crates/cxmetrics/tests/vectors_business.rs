//! Runs every case of `tests/vectors/business.json` (expected values from exact rationals,
//! statsmodels, scipy, pandas and zoneinfo, written by `tests/vectors/oracle_business.py`).

mod common;

use common::{close, number, numbers, vectors};
use cxmetrics::jiff::tz::TimeZone;
use cxmetrics::{
    Annualize, CesMethod, CesOptions, ChurnDenominator, CsatMethod, CsatOptions, Error, KeyPart,
    NpsBuckets, NpsOptions, OnInvalid, PAdjust, Period, ReportOptions, Scale, SegmentRow, Segments,
    SurveyMetric, Trend, churn_rate, clv_from_churn, clv_from_retention, conversion_rate,
    parse_instant, retention_rate,
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

fn invalid(name: &'static str, message: String) -> Error {
    Error::InvalidArgument {
        name: name.into(),
        message,
        index: None,
    }
}

/// The survey metric and scale of a segment / trend case (survey.json option names).
fn metric(o: &Value) -> Result<(SurveyMetric, Scale), Error> {
    let name = opt_str(o, "metric", "nps");
    let threshold = opt(o, "threshold").and_then(Value::as_i64);
    let m = match name {
        "nps" => SurveyMetric::Nps(NpsOptions {
            buckets: opt(o, "buckets").map(|b| NpsBuckets {
                detractor_max: b["detractor_max"].as_i64().unwrap(),
                promoter_min: b["promoter_min"].as_i64().unwrap(),
            }),
        }),
        "csat" => SurveyMetric::Csat(CsatOptions {
            method: match opt(o, "method").and_then(Value::as_str) {
                Some(m) => CsatMethod::parse(m)?,
                None => CsatMethod::default(),
            },
            threshold,
            bottom_threshold: opt(o, "bottom_threshold").and_then(Value::as_i64),
        }),
        "ces" => SurveyMetric::Ces(CesOptions {
            higher_is_better: o["higher_is_better"].as_bool().expect("higher_is_better"),
            method: match opt(o, "method").and_then(Value::as_str) {
                Some(m) => CesMethod::parse(m)?,
                None => CesMethod::default(),
            },
            threshold,
        }),
        "mean" => SurveyMetric::Mean,
        "top_box" => SurveyMetric::TopBox(threshold),
        "bottom_box" => SurveyMetric::BottomBox(threshold),
        other => return Err(invalid("metric", format!("unknown metric {other:?}"))),
    };
    let (lo, hi) = match opt(o, "scale") {
        Some(s) => (s[0].as_i64().unwrap(), s[1].as_i64().unwrap()),
        None => match name {
            "nps" => (0, 10),
            "csat" => (1, 5),
            _ => panic!("{name} needs a scale"),
        },
    };
    Ok((m, Scale::new(lo, hi)?))
}

fn report_options(o: &Value) -> Result<ReportOptions, Error> {
    Ok(ReportOptions {
        level: opt_f64(o, "level", 0.95),
        min_n: opt(o, "min_n").map_or(30, |v| v.as_u64().unwrap()),
        adjust: PAdjust::parse(opt_str(o, "adjust", "holm"))?,
        alpha: opt_f64(o, "alpha", 0.05),
        ..ReportOptions::default()
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
    let level = opt_f64(o, "level", 0.95);
    Ok(match case["function"].as_str().unwrap() {
        "conversion_rate" => {
            let r = conversion_rate(number(&a["conversions"]), number(&a["interactions"]))?;
            let i = r.interval(level, None)?;
            json!({"score": r.score, "count": r.count, "n": r.n, "lower": i.lower, "upper": i.upper})
        }
        "churn_rate" => {
            let denominator = match opt_str(o, "denominator", "start") {
                "start" => ChurnDenominator::StartOfPeriod,
                "up_for_renewal" => ChurnDenominator::UpForRenewal(number(&o["up_for_renewal"])),
                "average" => ChurnDenominator::Average {
                    end: number(&o["end"]),
                },
                other => {
                    return Err(invalid(
                        "denominator",
                        format!("unknown denominator {other:?}"),
                    ));
                }
            };
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

/// The path of the first difference between `got` and `want` (numbers within the
/// tolerance rule; strings, booleans, keys and null exact).
fn diff(got: &Value, want: &Value, tol: f64, path: &str) -> Option<String> {
    let here = || Some(format!("{path} = {got}, expected {want}"));
    match (got, want) {
        (Value::Number(_), Value::Number(_)) => (!close(got, want, tol)).then(here).flatten(),
        (Value::Array(g), Value::Array(w)) => {
            if g.len() != w.len() {
                return Some(format!("{path}: {} items, expected {}", g.len(), w.len()));
            }
            g.iter()
                .zip(w)
                .enumerate()
                .find_map(|(i, (g, w))| diff(g, w, tol, &format!("{path}.{i}")))
        }
        (Value::Object(g), Value::Object(w)) => {
            if let Some(k) = g.keys().find(|k| !w.contains_key(*k)) {
                return Some(format!("{path}.{k}: unexpected field"));
            }
            w.iter().find_map(|(k, wv)| {
                diff(
                    g.get(k).unwrap_or(&Value::Null),
                    wv,
                    tol,
                    &format!("{path}.{k}"),
                )
            })
        }
        _ => (got != want).then(here).flatten(),
    }
}

fn check(case: &Value) -> Result<(), String> {
    let id = case["id"].as_str().unwrap();
    match (run(case), case.get("expected_error")) {
        (Err(e), Some(want)) => {
            if e.code() != want["code"].as_str().unwrap() {
                return Err(format!(
                    "{id}: error {} ({e}), expected {}",
                    e.code(),
                    want["code"]
                ));
            }
            if let Some(i) = want.get("index").filter(|i| !i.is_null())
                && e.index() != i.as_u64().map(|i| i as usize)
            {
                return Err(format!("{id}: error index {:?}, expected {i}", e.index()));
            }
            Ok(())
        }
        (Err(e), None) => Err(format!("{id}: unexpected error {} ({e})", e.code())),
        (Ok(_), Some(want)) => Err(format!("{id}: expected error {want}, got a result")),
        (Ok(v), None) => {
            let tol = case["tolerance"].as_f64().unwrap_or(1e-9);
            match diff(&v, &case["expected"], tol, "expected") {
                Some(d) => Err(format!("{id}: {d}")),
                None => Ok(()),
            }
        }
    }
}

#[test]
fn every_business_vector_passes() {
    let v = vectors("business.json");
    let cases = v["cases"].as_array().expect("cases");
    assert!(cases.len() >= 120, "{} cases", cases.len());
    let failures: Vec<String> = cases.iter().filter_map(|c| check(c).err()).collect();
    assert!(
        failures.is_empty(),
        "{} of {} failures:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
