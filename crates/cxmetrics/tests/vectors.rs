//! Runs every shared conformance vector of `tests/vectors/survey.json`.
//!
//! The expected values were written by `tests/vectors/oracle_survey.py` (numpy, an
//! independent implementation); the Python and JS suites run the same file.

mod common;

use common::{Compare, check_case, numbers, run, vectors};
use cxmetrics::Simd;

/// Every SIMD level this CPU supports (or only `CXMETRICS_SIMD`'s) passes every vector.
#[test]
fn every_vector_passes_at_every_simd_level() {
    let levels = match std::env::var("CXMETRICS_SIMD") {
        Ok(name) => vec![Simd::parse(&name).unwrap()],
        Err(_) => Simd::available(),
    };
    for level in levels {
        level.set().unwrap();
        every_vector_passes_with_f64_and_integer_inputs_at(level.as_str());
    }
    Simd::best().set().unwrap();
}

fn every_vector_passes_with_f64_and_integer_inputs_at(level: &str) {
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
        if let Err(e) = check_case(case, run(case, &scores), Compare::LISTED) {
            failures.push(format!("[f64, {level}] {e}"));
        }
        // The same case through the integer path, when the scores are all integers.
        if scores
            .iter()
            .all(|x| x.is_finite() && x.fract() == 0.0 && x.abs() < 1e15)
        {
            let ints: Vec<i64> = scores.iter().map(|&x| x as i64).collect();
            integer_runs += 1;
            if let Err(e) = check_case(case, run(case, &ints), Compare::LISTED) {
                failures.push(format!("[i64, {level}] {e}"));
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
