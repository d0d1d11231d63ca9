//! Runs every shared conformance vector of `tests/vectors/survey.json`.
//!
//! The expected values were written by `tests/vectors/oracle_survey.py` (numpy, an
//! independent implementation); the Python and JS suites run the same file.

use cxmetrics::{
    CesMethod, CesOptions, CsatMethod, CsatOptions, Error, NpsBuckets, NpsOptions, OnInvalid,
    Scale, Tally, bottom_box, ces, csat, distribution, mean, nps_with, top_box,
};
use serde_json::{Map, Value, json};

fn vectors() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/vectors/survey.json"
    );
    let text = std::fs::read_to_string(path).expect("tests/vectors/survey.json is readable");
    serde_json::from_str(&text).expect("vectors are valid JSON")
}

fn number(v: &Value) -> f64 {
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

fn numbers(v: &Value) -> Vec<f64> {
    v.as_array().expect("array").iter().map(number).collect()
}

fn opt_i64(o: &Map<String, Value>, k: &str) -> Option<i64> {
    o.get(k).and_then(Value::as_i64)
}

/// Runs one case with the given scores, returning the result as JSON (snake_case keys).
fn run<T: cxmetrics::Score>(case: &Value, scores: &[T]) -> Result<Value, Error> {
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
            v
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
            v
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
            v
        }
        "mean" => {
            let r = mean(&tally)?;
            let mut v = base(r.n, r.missing, r.invalid, r.sum_weights, r.n_eff);
            v["score"] = json!(r.score);
            v["std_dev"] = json!(r.std_dev);
            v
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
            v
        }
        "distribution" => {
            let r = distribution(&tally)?;
            let mut v = base(r.n, r.missing, r.invalid, r.sum_weights, r.n_eff);
            v["points"] = json!(r.points);
            v["counts"] = json!(r.counts);
            v["shares"] = json!(r.shares);
            v
        }
        other => panic!("unknown function {other}"),
    };
    Ok(out)
}

fn close(got: &Value, want: &Value, tol: f64) -> bool {
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

fn check(case: &Value, result: Result<Value, Error>) -> Result<(), String> {
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
            for (k, want) in case["expected"].as_object().unwrap() {
                let got = v.get(k).unwrap_or(&Value::Null);
                if !close(got, want, tol) {
                    return Err(format!("{id}: {k} = {got}, expected {want}"));
                }
            }
            Ok(())
        }
    }
}

#[test]
fn every_vector_passes_with_f64_and_integer_inputs() {
    let v = vectors();
    let cases = v["cases"].as_array().expect("cases");
    assert!(
        cases.len() >= 100,
        "at least 100 vectors, found {}",
        cases.len()
    );
    let mut failures = Vec::new();
    let mut integer_runs = 0;
    for case in cases {
        let scores = numbers(&case["scores"]);
        if let Err(e) = check(case, run(case, &scores)) {
            failures.push(format!("[f64] {e}"));
        }
        // The same case through the integer path, when the scores are all integers.
        if scores
            .iter()
            .all(|x| x.is_finite() && x.fract() == 0.0 && x.abs() < 1e15)
        {
            let ints: Vec<i64> = scores.iter().map(|&x| x as i64).collect();
            integer_runs += 1;
            if let Err(e) = check(case, run(case, &ints)) {
                failures.push(format!("[i64] {e}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(integer_runs > 50);
}
