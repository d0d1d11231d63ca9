//! The counting passes (byte lanes for small scales, sub-histograms for large ones, the
//! blocked weighted pass) against a naive reference written here: one `if` per value.
//! Lengths cross the internal block sizes (4080 and 256 rows) and scales cover every
//! lane width, one-byte types inside and outside their range, and wrapping values.

use cxmetrics::{OnInvalid, Scale, Tally};

/// Deterministic pseudo-random stream (64-bit LCG).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

/// Naive reference: (counts per point, missing, invalid), skipping invalid values.
fn reference(values: &[f64], scale: Scale) -> (Vec<u64>, u64, u64) {
    let mut counts = vec![0u64; scale.points()];
    let (mut missing, mut invalid) = (0, 0);
    for &v in values {
        if v.is_nan() {
            missing += 1;
        } else if v.is_finite()
            && v.fract() == 0.0
            && v >= f64::from(scale.min())
            && v <= f64::from(scale.max())
        {
            counts[(v - f64::from(scale.min())) as usize] += 1;
        } else {
            invalid += 1;
        }
    }
    (counts, missing, invalid)
}

fn check<T: cxmetrics::Score + Into<f64>>(xs: &[T], scale: Scale, what: &str) {
    let as_f64: Vec<f64> = xs.iter().map(|&x| x.into()).collect();
    let (counts, missing, invalid) = reference(&as_f64, scale);
    let t = Tally::from_scores_with(scale, xs, None, OnInvalid::Skip).unwrap();
    assert_eq!(t.counts(), &counts[..], "{what}: counts on {scale}");
    assert_eq!(
        (t.missing(), t.invalid()),
        (missing, invalid),
        "{what} on {scale}"
    );
    // the error path names the first invalid value
    let first_bad = as_f64
        .iter()
        .position(|&v| !v.is_nan() && reference(&[v], scale).2 == 1);
    let r = Tally::from_scores(scale, xs);
    assert_eq!(
        r.err().and_then(|e| e.index()),
        first_bad,
        "{what} on {scale}"
    );
}

fn scales() -> Vec<Scale> {
    let mut out = vec![
        Scale::NPS,
        Scale::ONE_TO_FIVE,
        Scale::ONE_TO_SEVEN,
        Scale::BINARY,
    ];
    for (min, max) in [
        (0, 1),
        (0, 3),
        (1, 4),
        (0, 7),
        (1, 12),
        (0, 14),
        (0, 15),
        (1, 16),
        (0, 16),
        (0, 100),
        (-5, 5),
        (-3, 8),
        (250, 255),
        (120, 127),
        (120, 130),
        (-128, -120),
        (-130, -125),
        (300, 305),
    ] {
        out.push(Scale::new(min, max).unwrap());
    }
    out
}

#[test]
fn byte_types_match_the_reference_on_every_lane_width() {
    let mut rng = Lcg(7);
    for len in [0, 1, 15, 16, 17, 4079, 4080, 4081, 3 * 4080 + 37] {
        let u8s: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        // mostly in a small range so the valid bins are well filled
        let small: Vec<u8> = (0..len).map(|_| (rng.next() % 20) as u8).collect();
        let i8s: Vec<i8> = (0..len).map(|_| rng.next() as i8).collect();
        let i8_small: Vec<i8> = (0..len).map(|_| (rng.next() % 24) as i8 - 6).collect();
        for scale in scales() {
            check(&u8s, scale, "u8 (full range)");
            check(&small, scale, "u8 (0..20)");
            check(&i8s, scale, "i8 (full range)");
            check(&i8_small, scale, "i8 (-6..18)");
        }
    }
}

#[test]
fn wide_types_match_the_reference_with_missing_and_invalid() {
    let mut rng = Lcg(11);
    for len in [0, 1, 16, 4079, 4080, 4081, 2 * 4080 + 5] {
        let f64s: Vec<f64> = (0..len)
            .map(|_| match rng.next() % 40 {
                0 => f64::NAN,
                1 => f64::INFINITY,
                2 => f64::NEG_INFINITY,
                3 => 2.5,
                4 => -1.0,
                5 => 1e300,
                6 => -0.0,
                k => (k % 20) as f64 - 3.0,
            })
            .collect();
        let f32s: Vec<f32> = f64s.iter().map(|&x| x as f32).collect();
        let i64s: Vec<i64> = (0..len)
            .map(|_| match rng.next() % 30 {
                0 => i64::MIN,
                1 => i64::MAX,
                2 => 256,
                k => k as i64 - 8,
            })
            .collect();
        let i32s: Vec<i32> = i64s.iter().map(|&x| x as i32).collect();
        let u16s: Vec<u16> = i64s.iter().map(|&x| x as u16).collect();
        for scale in scales() {
            check(&f64s, scale, "f64");
            check(&f32s, scale, "f32");
            check(&i32s, scale, "i32");
            check(&u16s, scale, "u16");
            // i64 / u64 do not convert into f64 losslessly; compare through i32 copies
            let t64 = Tally::from_scores_with(scale, &i64s, None, OnInvalid::Skip).unwrap();
            let clipped: Vec<f64> = i64s
                .iter()
                .map(|&x| {
                    if x.unsigned_abs() > 1 << 40 {
                        1e300
                    } else {
                        x as f64
                    }
                })
                .collect();
            let (counts, _, invalid) = reference(&clipped, scale);
            assert_eq!((t64.counts(), t64.invalid()), (&counts[..], invalid));
        }
    }
}

#[test]
fn weighted_pass_matches_a_naive_compensated_reference() {
    let mut rng = Lcg(3);
    for len in [1, 255, 256, 257, 4096 + 9] {
        let xs: Vec<f64> = (0..len)
            .map(|_| match rng.next() % 25 {
                0 => f64::NAN,
                1 => 11.0,
                k => (k % 11) as f64,
            })
            .collect();
        let ws: Vec<f64> = (0..len)
            .map(|i| match (rng.next() % 50, i % 3) {
                (0, _) => f64::NAN,
                (1, _) => -1.0,
                (2, _) => f64::INFINITY,
                (_, 0) => 0.0,
                _ => (rng.next() % 1000) as f64 / 7.0,
            })
            .collect();
        let t = Tally::from_scores_with(Scale::NPS, &xs, Some(&ws), OnInvalid::Skip).unwrap();
        let mut counts = [0u64; 11];
        let mut sums = [0f64; 11];
        let mut sq = [0f64; 11];
        let (mut missing, mut invalid) = (0, 0);
        for (&x, &w) in xs.iter().zip(&ws) {
            if x.is_nan() {
                missing += 1;
            } else if x > 10.0 || !(w.is_finite() && w >= 0.0) {
                invalid += 1;
            } else {
                counts[x as usize] += 1;
                sums[x as usize] += w;
                sq[x as usize] += w * w;
            }
        }
        assert_eq!(t.counts(), &counts);
        assert_eq!((t.missing(), t.invalid()), (missing, invalid));
        for (a, b) in t.point_weights().iter().zip(sums) {
            assert!((a - b).abs() <= 1e-12 * b.max(1.0), "{a} vs {b}");
        }
        let total_sq: f64 = sq.iter().sum();
        assert!((t.sum_weights_sq() - total_sq).abs() <= 1e-12 * total_sq.max(1.0));
        // with on_invalid = error, the first invalid row is named: score or weight
        let first = xs
            .iter()
            .zip(&ws)
            .position(|(&x, &w)| !x.is_nan() && (x > 10.0 || !(w.is_finite() && w >= 0.0)));
        let err = Tally::from_scores_with(Scale::NPS, &xs, Some(&ws), OnInvalid::Error).err();
        assert_eq!(err.as_ref().and_then(cxmetrics::Error::index), first);
        if let (Some(e), Some(i)) = (err, first) {
            let code = if xs[i] > 10.0 {
                "out_of_scale"
            } else {
                "invalid_weight"
            };
            assert_eq!(e.code(), code);
        }
    }
}
