//! The binary tally (`CXTY` v1) and `Tally::from_parts`.
//!
//! The first input byte picks a mode; the rest is data:
//! - 0: the data as a binary tally; 1: the data after a valid magic and version (so the
//!   fuzzer reaches the fields): `from_bytes` never panics, refuses with
//!   `invalid_format`, and a decoded tally re-encodes to the very same bytes (one
//!   encoding per tally), reads back `==` (through JSON too, when the JSON reader's
//!   bound takes it), gives finite metrics
//!   or errors, and merges into itself or fails leaving it unchanged;
//! - 2: arbitrary parts (counts, Σw, Σw², missing, invalid) given to `from_parts`: a
//!   value or `invalid_argument` / `length_mismatch`; an accepted tally encodes and
//!   decodes to itself;
//! - 3: a weighted tally of arbitrary rows (any valid weights, zero and tiny included):
//!   its bytes are always accepted and read back `==` (no tally of rows is refused), and
//!   its per-point parts, summed here plainly, are accepted by `from_parts`.
#![no_main]

mod common;

use arbitrary::{Arbitrary, Unstructured};
use cxmetrics::{CsatOptions, OnInvalid, Tally};
use libfuzzer_sys::fuzz_target;

fn decoded(bytes: &[u8]) {
    let t = match Tally::from_bytes(bytes) {
        Ok(t) => t,
        Err(e) => {
            assert_eq!(e.code(), "invalid_format", "{e}");
            assert!(e.to_string().contains("at byte "), "{e}");
            return;
        }
    };
    assert_eq!(
        t.to_bytes(),
        bytes,
        "a decoded tally re-encodes to other bytes"
    );
    assert_eq!(Tally::from_bytes(&t.to_bytes()).unwrap(), t);
    // the JSON reader bounds weight sums by count × 1e144 × (1 + 1e-9), the binary one
    // by the from_parts rules (1e-6 slack): either reads the other's tally back `==`
    // when it reads it
    if let Ok(j) = Tally::from_json(&t.to_json()) {
        assert_eq!(j, t);
    }
    for s in [
        cxmetrics::nps(&t).map(|r| r.score),
        cxmetrics::mean(&t).map(|r| r.score),
        cxmetrics::csat(&t, CsatOptions::default()).map(|r| r.score),
    ]
    .into_iter()
    .flatten()
    {
        assert!(s.is_finite(), "a metric of a decoded tally is {s}");
    }
    assert!(t.n_eff().is_finite());
    let mut twice = t.clone();
    if twice.merge(&t).is_ok() {
        assert_eq!(twice.n(), t.n() * 2);
        assert!(twice.sum_weights().is_finite());
    } else {
        assert_eq!(twice, t);
    }
}

#[derive(Arbitrary, Debug)]
struct Parts {
    min: i8,
    points: u8,
    counts: Vec<u64>,
    sums: Option<(Vec<f64>, Vec<f64>)>,
    missing: u64,
    invalid: u64,
}

#[derive(Arbitrary, Debug)]
struct Rows {
    min: i8,
    points: u8,
    rows: Vec<(u8, u8, f64)>,
}

fn from_parts(p: Parts) {
    let scale = common::scale(p.min, p.points);
    let (s, q) = match &p.sums {
        Some((s, q)) => (Some(s.as_slice()), Some(q.as_slice())),
        None => (None, None),
    };
    match Tally::from_parts(scale, &p.counts, s, q, p.missing, p.invalid) {
        Ok(t) => {
            assert_eq!(Tally::from_bytes(&t.to_bytes()).unwrap(), t);
            assert_eq!(t.counts(), p.counts.as_slice());
        }
        Err(e) => assert!(
            matches!(e.code(), "invalid_argument" | "length_mismatch"),
            "{e}"
        ),
    }
}

fn from_rows(r: Rows) {
    let scale = common::scale(r.min, r.points);
    let p = scale.points();
    // valid weights in [0, 1e144]: the fuzzer's bits folded into range, zeros and tiny
    // ones (whose squares underflow) over-represented
    let (scores, weights): (Vec<f64>, Vec<f64>) = r
        .rows
        .iter()
        .map(|&(k, kind, w)| {
            let w = if w.is_finite() { w.abs() } else { 1.0 };
            let w = match kind % 4 {
                0 => 0.0,
                1 => w % 1e-150,
                _ if w <= Tally::MAX_WEIGHT => w,
                _ => 1.0,
            };
            ((scale.min() + i32::from(k) % p as i32) as f64, w)
        })
        .unzip();
    let t = Tally::from_scores_with(scale, &scores, Some(&weights), OnInvalid::Error).unwrap();
    let b = t.to_bytes();
    let back = Tally::from_bytes(&b).unwrap_or_else(|e| panic!("a tally of rows is refused: {e}"));
    assert_eq!(back, t);
    let (mut c, mut s, mut q) = (vec![0u64; p], vec![0.0; p], vec![0.0; p]);
    for (&x, &w) in scores.iter().zip(&weights) {
        let k = (x as i64 - i64::from(scale.min())) as usize;
        c[k] += 1;
        s[k] += w;
        q[k] += w * w;
    }
    Tally::from_parts(scale, &c, Some(&s), Some(&q), 0, 0)
        .unwrap_or_else(|e| panic!("the parts of rows are refused: {e}"));
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    match mode % 4 {
        0 => decoded(rest),
        1 => decoded(&[b"CXTY\x01", rest].concat()),
        2 => {
            if let Ok(p) = Parts::arbitrary(&mut Unstructured::new(rest)) {
                from_parts(p);
            }
        }
        _ => {
            if let Ok(r) = Rows::arbitrary(&mut Unstructured::new(rest)) {
                from_rows(r);
            }
        }
    }
});
