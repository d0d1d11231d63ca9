//! Decoding of the serialized tally (`cxmetrics.tally` v1): arbitrary bytes, and JSON
//! assembled from arbitrary parts (so the fuzzer reaches past the parser into the
//! validation of scale, counts, row limit and weight sums).
//!
//! Checked: `Tally::from_json` and serde's `Deserialize` never panic and agree; a decoded
//! tally re-encodes to JSON that decodes to the same tally and the same text (decode ∘
//! encode is the identity); every survey metric on a decoded tally is a finite number or
//! an error, never a panic; merging a decoded tally into itself is a tally or an error.
#![no_main]

use arbitrary::Arbitrary;
use cxmetrics::{CsatOptions, Tally};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
enum Input {
    Bytes(Vec<u8>),
    Parts {
        format_ok: bool,
        version: u32,
        min: i64,
        max: i64,
        counts: Vec<u64>,
        missing: u64,
        invalid: u64,
        weights: Option<[Vec<f64>; 4]>,
    },
}

fn finite_or_error<T>(r: cxmetrics::Result<T>, score: impl Fn(&T) -> f64, what: &str) {
    if let Ok(v) = r {
        let s = score(&v);
        assert!(s.is_finite(), "{what} of a decoded tally is {s}");
    }
}

fn check(text: &[u8]) {
    let Ok(s) = std::str::from_utf8(text) else {
        assert!(serde_json::from_slice::<Tally>(text).is_err());
        return;
    };
    let decoded = Tally::from_json(s);
    let via_serde = serde_json::from_str::<Tally>(s);
    assert_eq!(
        decoded.is_ok(),
        via_serde.is_ok(),
        "from_json and Deserialize disagree on {s:?}"
    );
    let t = match decoded {
        Ok(t) => t,
        Err(e) => {
            assert_eq!(e.code(), "invalid_format", "{e}");
            return;
        }
    };
    assert_eq!(via_serde.unwrap(), t);
    let json = t.to_json();
    let back =
        Tally::from_json(&json).unwrap_or_else(|e| panic!("re-encoded tally refused: {e}\n{json}"));
    assert_eq!(back, t);
    assert_eq!(back.to_json(), json);

    finite_or_error(cxmetrics::mean(&t), |r| r.score, "mean");
    finite_or_error(cxmetrics::nps(&t), |r| r.score, "nps");
    finite_or_error(
        cxmetrics::csat(&t, CsatOptions::default()),
        |r| r.score,
        "csat",
    );
    finite_or_error(cxmetrics::top_box(&t, None), |r| r.score, "top_box");
    finite_or_error(cxmetrics::bottom_box(&t, None), |r| r.score, "bottom_box");
    finite_or_error(
        cxmetrics::ces(&t, cxmetrics::CesOptions::new(true)),
        |r| r.score,
        "ces",
    );
    let _ = cxmetrics::distribution(&t);
    let _ = t.n_eff();
    let mut twice = t.clone();
    if twice.merge(&t).is_ok() {
        assert_eq!(twice.n(), t.n() * 2);
    } else {
        assert_eq!(twice, t, "a failed merge changed the tally");
    }
}

fuzz_target!(|input: Input| {
    match input {
        Input::Bytes(b) => check(&b),
        Input::Parts {
            format_ok,
            version,
            min,
            max,
            counts,
            missing,
            invalid,
            weights,
        } => {
            let mut v = serde_json::json!({
                "format": if format_ok { "cxmetrics.tally" } else { "cxmetrics.talley" },
                "version": version % 3,
                "scale": { "min": min % 200, "max": max % 200 },
                "counts": counts,
                "missing": missing,
                "invalid": invalid,
                "weights": null,
            });
            if let Some([s, sc, q, qc]) = weights {
                let fin = |x: Vec<f64>| -> Vec<f64> {
                    x.into_iter()
                        .map(|f| if f.is_finite() { f } else { 1.0 })
                        .collect()
                };
                v["weights"] = serde_json::json!({
                    "sum": fin(s), "sum_comp": fin(sc), "sum_sq": fin(q), "sum_sq_comp": fin(qc),
                });
            }
            check(v.to_string().as_bytes());
        }
    }
});
