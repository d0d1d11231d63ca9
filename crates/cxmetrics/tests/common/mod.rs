//! Helpers shared by the vector runners: reading vectors and running survey functions.
#![allow(dead_code)]

use cxmetrics::{
    CesMethod, CesOptions, CsatMethod, CsatOptions, Error, Estimate, NpsBuckets, NpsOptions,
    OnInvalid, Scale, Tally, bottom_box, ces, csat, distribution, mean, nps_with, top_box,
};
use serde_json::{Map, Value, json};

/// Reads `tests/vectors/<file>`.
pub fn vectors(file: &str) -> Value {
    let path = format!("{}/../../tests/vectors/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("the vector file is readable");
    serde_json::from_str(&text).expect("vectors are valid JSON")
}

pub fn number(v: &Value) -> f64 {
    match v {
        Value::Null => f64::NAN,
        Value::Number(n) => n.as_f64().expect("finite number"),
        Value::String(s) => match s.as_str() {
            "inf" => f64::INFINITY,
            "-inf" => f64::NEG_INFINITY,
            "nan" => f64::NAN,
            other => panic!("unknown number token {other}"),
        },
        other => panic!("not a number: {other}"),
    }
}

pub fn numbers(v: &Value) -> Vec<f64> {
    v.as_array().expect("array").iter().map(number).collect()
}

pub fn opt_i64(o: &Map<String, Value>, k: &str) -> Option<i64> {
    o.get(k).and_then(Value::as_i64)
}

/// Runs one case with the given scores, returning the result as JSON (snake_case keys).
pub fn run<T: cxmetrics::Score>(case: &Value, scores: &[T]) -> Result<Value, Error> {
    Ok(run_with_estimate(case, scores)?.0)
}

/// Runs one survey case, returning the result as JSON and its inference estimate.
pub fn run_with_estimate<T: cxmetrics::Score>(
    case: &Value,
    scores: &[T],
) -> Result<(Value, Option<Estimate>), Error> {
    let empty = Map::new();
    let o = case["options"].as_object().unwrap_or(&empty);
    let function = case["function"].as_str().unwrap();
    let default_scale = match function {
        "nps" => Some((0, 10)),
        "csat" => Some((1, 5)),
        _ => None,
    };
    let (lo, hi) = match o.get("scale") {
        Some(s) => (s[0].as_i64().unwrap(), s[1].as_i64().unwrap()),
        None => default_scale.expect("scale is required for this function"),
    };
    let scale = Scale::new(lo, hi)?;
    let on_invalid = OnInvalid::parse(
        o.get("on_invalid")
            .and_then(Value::as_str)
            .unwrap_or("error"),
    )?;
    let weights = case.get("weights").filter(|w| !w.is_null()).map(numbers);
    let tally = Tally::from_scores_with(scale, scores, weights.as_deref(), on_invalid)?;
    let base = |n: u64, missing: u64, invalid: u64, sw: f64, ne: f64| json!({"n": n, "missing": missing, "invalid": invalid, "sum_weights": sw, "n_eff": ne});
    let out = match function {
        "nps" => {
            let buckets = o
                .get("buckets")
                .filter(|b| !b.is_null())
                .map(|b| NpsBuckets {
                    detractor_max: b["detractor_max"].as_i64().unwrap(),
                    promoter_min: b["promoter_min"].as_i64().unwrap(),
                });
            let r = nps_with(&tally, NpsOptions { buckets })?;
            let mut v = base(r.n, r.missing, r.invalid, r.sum_weights, r.n_eff);
            let extra = json!({"score": r.score, "promoters": r.promoters, "passives": r.passives,
                "detractors": r.detractors, "n_promoters": r.n_promoters,
                "n_passives": r.n_passives, "n_detractors": r.n_detractors});
            v.as_object_mut()
                .unwrap()
                .extend(extra.as_object().unwrap().clone());
            (v, Some(r.estimate()))
        }
        "csat" => {
            let method = match o.get("method").and_then(Value::as_str) {
                Some(m) => CsatMethod::parse(m)?,
                None => CsatMethod::default(),
            };
            let r = csat(
                &tally,
                CsatOptions {
                    method,
                    threshold: opt_i64(o, "threshold"),
                    bottom_threshold: opt_i64(o, "bottom_threshold"),
                },
            )?;
            let mut v = base(r.n, r.missing, r.invalid, r.sum_weights, r.n_eff);
            v["score"] = json!(r.score);
            (v, Some(r.estimate()))
        }
        "ces" => {
            let method = match o.get("method").and_then(Value::as_str) {
                Some(m) => CesMethod::parse(m)?,
                None => CesMethod::default(),
            };
            let hib = o["higher_is_better"]
                .as_bool()
                .expect("higher_is_better is given");
            let r = ces(
                &tally,
                CesOptions {
                    higher_is_better: hib,
                    method,
                    threshold: opt_i64(o, "threshold"),
                },
            )?;
            let mut v = base(r.n, r.missing, r.invalid, r.sum_weights, r.n_eff);
            v["score"] = json!(r.score);
            (v, Some(r.estimate()))
        }
        "mean" => {
            let r = mean(&tally)?;
            let mut v = base(r.n, r.missing, r.invalid, r.sum_weights, r.n_eff);
            v["score"] = json!(r.score);
            v["std_dev"] = json!(r.std_dev);
            (v, Some(r.estimate()))
        }
        "top_box" | "bottom_box" => {
            let f = if function == "top_box" {
                top_box
            } else {
                bottom_box
            };
            let r = f(&tally, opt_i64(o, "threshold"))?;
            let mut v = base(r.n, r.missing, r.invalid, r.sum_weights, r.n_eff);
            v["score"] = json!(r.score);
            (v, Some(r.estimate()))
        }
        "distribution" => {
            let r = distribution(&tally)?;
            let mut v = base(r.n, r.missing, r.invalid, r.sum_weights, r.n_eff);
            v["points"] = json!(r.points);
            v["counts"] = json!(r.counts);
            v["shares"] = json!(r.shares);
            (v, None)
        }
        other => panic!("unknown function {other}"),
    };
    Ok(out)
}

pub fn close(got: &Value, want: &Value, tol: f64) -> bool {
    match (got, want) {
        (Value::Array(g), Value::Array(w)) => {
            g.len() == w.len() && g.iter().zip(w).all(|(a, b)| close(a, b, tol))
        }
        (Value::Null, Value::Null) => true,
        (Value::Number(a), Value::Number(b)) => {
            let (a, b) = (a.as_f64().unwrap(), b.as_f64().unwrap());
            (a - b).abs() <= tol * b.abs().max(1.0)
        }
        _ => false,
    }
}
