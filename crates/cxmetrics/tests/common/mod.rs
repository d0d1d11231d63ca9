//! Helpers shared by the vector runners: reading a vector file, checking a case against its
//! `expected` / `expected_error` with the one tolerance rule, and running survey functions.
#![allow(dead_code)]

use cxmetrics::{
    CesMethod, CesOptions, CsatMethod, CsatOptions, Error, Estimate, NpsBuckets, NpsOptions,
    OnInvalid, Scale, Tally, bottom_box, ces, csat, distribution, mean, nps_with, top_box,
};
use serde_json::{Map, Value, json};

/// The float rule every vector file allows: `|actual − expected| ≤ tolerance × max(1, |expected|)`.
/// `survey.json` states an absolute rule for scores and shares but lets runners apply this one to
/// every float field (tests/vectors/README.md, "Comparing values"); the other files state it.
pub const TOLERANCE_RULE: &str = "tolerance * max(1, |expected|)";

/// Reads `tests/vectors/<file>` and checks its envelope and that its provenance allows
/// [`TOLERANCE_RULE`].
pub fn vectors(file: &str) -> Value {
    let path = format!("{}/../../tests/vectors/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("the vector file is readable");
    let v: Value = serde_json::from_str(&text).expect("vectors are valid JSON");
    assert_eq!(v["format"], "cxmetrics.vectors", "{file}: format");
    assert_eq!(v["version"], 1, "{file}: version");
    let rule = v["provenance"]["tolerance_rule"]
        .as_str()
        .unwrap_or_default();
    assert!(
        rule.contains(TOLERANCE_RULE),
        "{file}: tolerance rule {rule:?} does not allow {TOLERANCE_RULE}"
    );
    v
}

/// How results are compared with `expected`, beyond the float rule (which is the same for all).
#[derive(Clone, Copy)]
pub struct Compare {
    /// Whether a result object may carry fields the case does not list (survey, stats and
    /// service compare the listed fields; lifecycle and segments require the same fields).
    pub extra_fields: bool,
    /// String equality (service: two spellings of one instant are equal).
    pub same_str: fn(&str, &str) -> bool,
}

fn same_text(a: &str, b: &str) -> bool {
    a == b
}

impl Compare {
    /// The listed fields are compared; strings exactly.
    pub const LISTED: Compare = Compare {
        extra_fields: true,
        same_str: same_text,
    };
    /// The same fields on both sides, at every level; strings exactly.
    pub const EXACT: Compare = Compare {
        extra_fields: false,
        same_str: same_text,
    };
}

/// The path of the first difference between `got` and `want`: numbers by the tolerance rule
/// ([`close`]), arrays item by item, objects field by field (a missing field is `null`),
/// strings by `how.same_str`, everything else (integers within the rule, booleans, null) equal.
pub fn diff(got: &Value, want: &Value, tol: f64, how: Compare, path: &str) -> Option<String> {
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
                .find_map(|(i, (g, w))| diff(g, w, tol, how, &format!("{path}.{i}")))
        }
        (Value::Object(g), Value::Object(w)) => {
            if !how.extra_fields
                && let Some(k) = g.keys().find(|k| !w.contains_key(*k))
            {
                return Some(format!("{path}.{k}: unexpected field"));
            }
            w.iter().find_map(|(k, wv)| {
                let gv = g.get(k).unwrap_or(&Value::Null);
                diff(gv, wv, tol, how, &format!("{path}.{k}"))
            })
        }
        (Value::String(g), Value::String(w)) => (!(how.same_str)(g, w)).then(here).flatten(),
        _ => (got != want).then(here).flatten(),
    }
}

/// Checks one case's outcome: the error code and row index of `expected_error`, or the
/// fields of `expected` within the case's `tolerance` (default 1e-9).
pub fn check_case(case: &Value, result: Result<Value, Error>, how: Compare) -> Result<(), String> {
    let id = case["id"].as_str().unwrap();
    match (result, case.get("expected_error")) {
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
        (Ok(v), Some(want)) => Err(format!("{id}: expected error {want}, got {v}")),
        (Ok(v), None) => {
            let tol = case["tolerance"].as_f64().unwrap_or(1e-9);
            match diff(&v, &case["expected"], tol, how, "expected") {
                Some(d) => Err(format!("{id}: {d}")),
                None => Ok(()),
            }
        }
    }
}

/// Runs every case of `tests/vectors/<file>` (at least `min_cases`) through `run` and fails
/// with the list of every case that does not pass.
pub fn every_case_passes(
    file: &str,
    min_cases: usize,
    how: Compare,
    run: impl Fn(&Value) -> Result<Value, Error>,
) {
    let v = vectors(file);
    let cases = v["cases"].as_array().expect("cases");
    assert!(cases.len() >= min_cases, "{file}: {} cases", cases.len());
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|c| check_case(c, run(c), how).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{file}: {} of {} failures:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
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
