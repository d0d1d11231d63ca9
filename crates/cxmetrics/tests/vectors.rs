//! Runs every shared conformance vector of `tests/vectors/survey.json`.
//!
//! The expected values were written by `tests/vectors/oracle_survey.py` (numpy, an
//! independent implementation); the Python and JS suites run the same file.

mod common;

use common::{close, numbers, run, vectors};
use cxmetrics::Error;
use serde_json::Value;

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
    let v = vectors("survey.json");
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
