//! Differential: `Tally` building (every score type, optional weights, optional validity
//! bitmap with a bit offset, both invalid-value policies) against a naive per-row count
//! written from the documented rules (`Tally`, `OnInvalid`, `extend_with_validity`).
#![no_main]

#[path = "common.rs"]
mod common;

use arbitrary::Arbitrary;
use common::{Raw, RawWeight};
use cxmetrics::{OnInvalid, Scale, Tally};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    min: i8,
    points: u8,
    kind: u8,
    rows: Vec<(Raw, RawWeight)>,
    weighted: bool,
    /// Give one weight too many (a length mismatch).
    extra_weight: bool,
    validity: Option<(Vec<u8>, u8)>,
    skip: bool,
}

/// What the documentation says one row is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Row {
    Point(usize),
    Missing,
    Invalid(&'static str),
}

fn classify_float(v: f64, scale: Scale) -> Row {
    if v.is_nan() {
        Row::Missing
    } else if v.is_infinite() {
        Row::Invalid("not_finite")
    } else if v < f64::from(scale.min()) || v > f64::from(scale.max()) {
        Row::Invalid("out_of_scale")
    } else if v.fract() != 0.0 {
        Row::Invalid("not_integer")
    } else {
        Row::Point((v as i64 - i64::from(scale.min())) as usize)
    }
}

fn classify_int(v: i128, scale: Scale) -> Row {
    if v < i128::from(scale.min()) || v > i128::from(scale.max()) {
        Row::Invalid("out_of_scale")
    } else {
        Row::Point((v - i128::from(scale.min())) as usize)
    }
}

fn run<T: cxmetrics::Score + std::fmt::Debug>(
    input: &Input,
    scale: Scale,
    values: &[T],
    classes: &[Row],
) {
    let weights: Option<Vec<f64>> = input.weighted.then(|| {
        let mut w: Vec<f64> = input.rows.iter().map(|r| r.1.to_f64()).collect();
        if input.extra_weight {
            w.push(1.0);
        }
        w
    });
    let policy = if input.skip {
        OnInvalid::Skip
    } else {
        OnInvalid::Error
    };
    let mut t = Tally::new(scale);
    let got = match &input.validity {
        None => t.extend_with(values, weights.as_deref(), policy),
        Some((bits, off)) => t.extend_with_validity(
            values,
            bits,
            usize::from(*off % 16),
            weights.as_deref(),
            policy,
        ),
    };

    // ---- the naive expectation ----
    let n = values.len();
    if let Some((bits, off)) = &input.validity
        && bits.len() * 8 < usize::from(*off % 16) + n
    {
        assert_eq!(got.unwrap_err().code(), "length_mismatch");
        assert_eq!(t, Tally::new(scale), "a failed extend changed the tally");
        return;
    }
    if let Some(w) = &weights
        && w.len() != n
    {
        assert_eq!(got.unwrap_err().code(), "length_mismatch");
        assert_eq!(t, Tally::new(scale), "a failed extend changed the tally");
        return;
    }
    let valid_bit = |i: usize| match &input.validity {
        None => true,
        Some((bits, off)) => {
            let b = usize::from(*off % 16) + i;
            bits[b / 8] >> (b % 8) & 1 == 1
        }
    };
    let p = scale.points();
    let mut counts = vec![0u64; p];
    let mut sums = vec![0.0f64; p];
    let mut sums_sq = vec![0.0f64; p];
    let mut abs_total = 0.0f64;
    let (mut missing, mut invalid) = (0u64, 0u64);
    let mut first_error: Option<(&'static str, usize)> = None;
    for i in 0..n {
        let row = if valid_bit(i) {
            classes[i]
        } else {
            Row::Missing
        };
        let row = match (row, &weights) {
            (Row::Point(k), Some(w)) if !(w[i].is_finite() && w[i] >= 0.0) => {
                let _ = k;
                Row::Invalid("invalid_weight")
            }
            (r, _) => r,
        };
        match row {
            Row::Point(k) => {
                counts[k] += 1;
                let w = weights.as_ref().map_or(1.0, |w| w[i]);
                sums[k] += w;
                sums_sq[k] += w * w;
                abs_total += w;
            }
            Row::Missing => missing += 1,
            Row::Invalid(code) => {
                invalid += 1;
                first_error.get_or_insert((code, i));
            }
        }
    }
    match (first_error, input.skip) {
        (Some((code, index)), false) => {
            let e = got.expect_err("an invalid row under on_invalid = error must fail");
            assert_eq!((e.code(), e.index()), (code, Some(index)), "{e}");
            assert_eq!(t, Tally::new(scale), "a failed extend changed the tally");
        }
        _ => {
            got.unwrap_or_else(|e| panic!("expected a tally, got {e}"));
            assert_eq!(t.counts(), &counts[..]);
            assert_eq!((t.missing(), t.invalid()), (missing, invalid));
            assert_eq!(t.n(), counts.iter().sum::<u64>());
            assert_eq!(t.is_weighted(), weights.is_some());
            if weights.is_some() && abs_total.is_finite() {
                let pw = t.point_weights();
                for k in 0..p {
                    let tol = 1e-12 * sums[k].abs() + 1e-300;
                    assert!(
                        (pw[k] - sums[k]).abs() <= tol,
                        "Σw[{k}] {} vs naive {}",
                        pw[k],
                        sums[k]
                    );
                }
                let tol = 1e-12 * abs_total + 1e-300;
                assert!(
                    (t.sum_weights() - abs_total).abs() <= tol,
                    "Σw {} vs {abs_total}",
                    t.sum_weights()
                );
                let sq: f64 = sums_sq.iter().sum();
                if sq.is_finite() {
                    assert!((t.sum_weights_sq() - sq).abs() <= 1e-12 * sq + 1e-300);
                }
            }
        }
    }
}

macro_rules! int_kind {
    ($input:expr, $scale:expr, $t:ty) => {{
        let v: Vec<$t> = $input
            .rows
            .iter()
            .map(|r| r.0.to_i128($scale.min()) as $t)
            .collect();
        let c: Vec<Row> = v.iter().map(|&x| classify_int(x as i128, $scale)).collect();
        run($input, $scale, &v, &c);
    }};
}

fuzz_target!(|input: Input| {
    let scale = common::scale(input.min, input.points);
    match input.kind % 10 {
        0 => int_kind!(&input, scale, u8),
        1 => int_kind!(&input, scale, u16),
        2 => int_kind!(&input, scale, u32),
        3 => int_kind!(&input, scale, u64),
        4 => int_kind!(&input, scale, i8),
        5 => int_kind!(&input, scale, i16),
        6 => int_kind!(&input, scale, i32),
        7 => int_kind!(&input, scale, i64),
        8 => {
            let v: Vec<f32> = input
                .rows
                .iter()
                .map(|r| r.0.to_f64(scale.min()) as f32)
                .collect();
            let c: Vec<Row> = v
                .iter()
                .map(|&x| classify_float(f64::from(x), scale))
                .collect();
            run(&input, scale, &v, &c);
        }
        _ => {
            let v: Vec<f64> = input.rows.iter().map(|r| r.0.to_f64(scale.min())).collect();
            let c: Vec<Row> = v.iter().map(|&x| classify_float(x, scale)).collect();
            run(&input, scale, &v, &c);
        }
    }
});
