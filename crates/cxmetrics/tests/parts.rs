//! `Tally::from_parts`: a tally rebuilt from per-point aggregates equals the one built
//! row by row (counts bit for bit, weight sums within 1e-13 · Σw), and every
//! inconsistent part is refused naming its argument and point.
//!
//! The expected aggregates are summed here by plain loops over the rows (what an
//! engine's `GROUP BY` does), never read from a tally.

#![allow(clippy::many_single_char_names)] // c, s, q: count, Σw, Σw² as in the contract

use cxmetrics::{CsatOptions, Error, OnInvalid, Scale, Tally, csat, nps};

/// (counts, Σw, Σw², missing, invalid) of `rows` on `scale`, by hand: NaN missing,
/// anything off the scale or fractional invalid.
fn aggregate(
    scale: Scale,
    scores: &[f64],
    weights: &[f64],
) -> (Vec<u64>, Vec<f64>, Vec<f64>, u64, u64) {
    let p = scale.points();
    let (mut c, mut s, mut q, mut missing, mut invalid) =
        (vec![0u64; p], vec![0.0; p], vec![0.0; p], 0, 0);
    for (&x, &w) in scores.iter().zip(weights) {
        if x.is_nan() {
            missing += 1;
        } else if x.fract() != 0.0 || x < scale.min() as f64 || x > scale.max() as f64 {
            invalid += 1;
        } else {
            let k = (x - scale.min() as f64) as usize;
            c[k] += 1;
            s[k] += w;
            q[k] += w * w;
        }
    }
    (c, s, q, missing, invalid)
}

/// A deterministic pseudo-random stream (SplitMix64), so the test needs no crate.
fn stream(seed: u64) -> impl FnMut() -> f64 {
    let mut x = seed;
    move || {
        x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) as f64 / u64::MAX as f64
    }
}

fn rows(n: usize, seed: u64) -> (Vec<f64>, Vec<f64>) {
    let mut r = stream(seed);
    (0..n)
        .map(|_| {
            let u = r();
            let score = if u < 0.05 {
                f64::NAN
            } else if u < 0.08 {
                11.0 + (u * 100.0).floor()
            } else {
                (r() * 11.0).floor()
            };
            (score, 0.1 + 3.0 * r())
        })
        .unzip()
}

#[test]
fn weighted_rebuilt_from_parts_equals_row_by_row() {
    for (n, seed) in [(1usize, 1u64), (7, 2), (1000, 3), (20_000, 4)] {
        let (scores, weights) = rows(n, seed);
        let by_rows =
            Tally::from_scores_with(Scale::NPS, &scores, Some(&weights), OnInvalid::Skip).unwrap();
        let (c, s, q, missing, invalid) = aggregate(Scale::NPS, &scores, &weights);
        let parts =
            Tally::from_parts(Scale::NPS, &c, Some(&s), Some(&q), missing, invalid).unwrap();
        assert_eq!(parts.counts(), by_rows.counts());
        assert_eq!(
            (parts.missing(), parts.invalid()),
            (by_rows.missing(), by_rows.invalid())
        );
        assert!(parts.is_weighted());
        for (a, b) in parts.point_weights().iter().zip(by_rows.point_weights()) {
            assert!((a - b).abs() <= 1e-13 * b, "{a} vs {b}");
        }
        let total = by_rows.sum_weights();
        assert!((parts.sum_weights() - total).abs() <= 1e-13 * total);
        assert!((parts.n_eff() - by_rows.n_eff()).abs() <= 1e-12 * by_rows.n_eff());
        if by_rows.n() > 0 {
            let (a, b) = (nps(&parts).unwrap().score, nps(&by_rows).unwrap().score);
            assert!((a - b).abs() <= 1e-10, "{a} vs {b}");
        }
    }
}

#[test]
fn unweighted_parts_are_the_row_by_row_tally() {
    let (scores, _) = rows(5000, 9);
    let by_rows = Tally::from_scores_with(Scale::NPS, &scores, None, OnInvalid::Skip).unwrap();
    let ones = vec![1.0; scores.len()];
    let (c, _, _, missing, invalid) = aggregate(Scale::NPS, &scores, &ones);
    assert!(missing > 0 && invalid > 0);
    let parts = Tally::from_parts(Scale::NPS, &c, None, None, missing, invalid).unwrap();
    assert_eq!(parts, by_rows);
}

#[test]
fn hand_example_is_exact() {
    // score 1 weight 0.5; score 3 weights 1 and 2; one missing
    let by_rows = Tally::from_scores_with(
        Scale::ONE_TO_FIVE,
        &[1.0, 3.0, 3.0, f64::NAN],
        Some(&[0.5, 1.0, 2.0, 7.0]),
        OnInvalid::Error,
    )
    .unwrap();
    let parts = Tally::from_parts(
        Scale::ONE_TO_FIVE,
        &[1, 0, 2, 0, 0],
        Some(&[0.5, 0.0, 3.0, 0.0, 0.0]),
        Some(&[0.25, 0.0, 5.0, 0.0, 0.0]),
        1,
        0,
    )
    .unwrap();
    assert_eq!(parts, by_rows);
    // (Σw)²/Σw² = 3.5² / 5.25
    assert!((parts.n_eff() - 12.25 / 5.25).abs() < 1e-15);
    assert_eq!(csat(&parts, CsatOptions::default()).unwrap().score, 0.0);
}

#[test]
fn zero_and_tiny_weights_that_rows_produce_are_accepted() {
    // zero weights: a count with Σw = Σw² = 0
    let by_rows = Tally::from_scores_with(
        Scale::BINARY,
        &[1u8, 1, 0],
        Some(&[0.0, 0.0, 2.0]),
        OnInvalid::Error,
    )
    .unwrap();
    let parts = Tally::from_parts(
        Scale::BINARY,
        &[1, 2],
        Some(&[2.0, 0.0]),
        Some(&[4.0, 0.0]),
        0,
        0,
    )
    .unwrap();
    assert_eq!(parts, by_rows);
    // weights whose squares underflow to 0: Σw > 0 with Σw² = 0
    let w = 1e-170;
    assert_eq!(w * w, 0.0);
    let by_rows =
        Tally::from_scores_with(Scale::BINARY, &[1u8, 1], Some(&[w, w]), OnInvalid::Error).unwrap();
    let parts = Tally::from_parts(
        Scale::BINARY,
        &[0, 2],
        Some(&[0.0, 2.0 * w]),
        Some(&[0.0, 0.0]),
        0,
        0,
    )
    .unwrap();
    assert_eq!(parts, by_rows);
    // a weight whose square is subnormal and rounds above (Σw)² (the tally_bytes fuzz
    // target found its bytes refused): Σw² is checked against Σw only from 2^-500 up
    let w = 1.306_383_392_617_428_3e-161;
    assert!((w * w) / w > w * (1.0 + 1e-6));
    let by_rows =
        Tally::from_scores_with(Scale::BINARY, &[1u8], Some(&[w]), OnInvalid::Error).unwrap();
    assert_eq!(Tally::from_bytes(&by_rows.to_bytes()).unwrap(), by_rows);
    let parts = Tally::from_parts(
        Scale::BINARY,
        &[0, 1],
        Some(&[0.0, w]),
        Some(&[0.0, w * w]),
        0,
        0,
    )
    .unwrap();
    assert_eq!(parts, by_rows);
    // the largest weight
    let m = Tally::MAX_WEIGHT;
    Tally::from_parts(
        Scale::BINARY,
        &[0, 2],
        Some(&[0.0, 2.0 * m]),
        Some(&[0.0, 2.0 * m * m]),
        0,
        0,
    )
    .unwrap();
}

#[test]
fn tight_cases_pass_with_rounded_sums() {
    // equal weights (Σw² = (Σw)²/c exactly in reals) and one weight per point
    // (Σw² = (Σw)²), summed in floating point
    let mut r = stream(11);
    for _ in 0..2000 {
        let w = r() * 10f64.powi((r() * 20.0) as i32 - 10);
        let c = 1 + (r() * 1000.0) as u64;
        let (mut s, mut q) = (0.0, 0.0);
        for _ in 0..c {
            s += w;
            q += w * w;
        }
        Tally::from_parts(
            Scale::BINARY,
            &[0, c],
            Some(&[0.0, s]),
            Some(&[0.0, q]),
            0,
            0,
        )
        .unwrap_or_else(|e| panic!("c {c} w {w}: {e}"));
    }
}

fn refused(c: &[u64], s: Option<&[f64]>, q: Option<&[f64]>, missing: u64, invalid: u64) -> Error {
    Tally::from_parts(Scale::BINARY, c, s, q, missing, invalid).unwrap_err()
}

fn assert_point(e: &Error, name: &str, k: usize, words: &str) {
    assert_eq!((e.code(), e.index()), ("invalid_argument", Some(k)), "{e}");
    let m = e.to_string();
    assert!(
        m.starts_with(&format!(
            "invalid argument `{name}`: at point {k} (score {k})"
        )),
        "{m}"
    );
    assert!(m.contains(words), "{m}");
}

#[test]
fn every_inconsistent_part_is_refused_naming_it() {
    let one = Some(&[0.0, 1.0][..]);
    // lengths
    let e = refused(&[1], None, None, 0, 0);
    assert_eq!(e.code(), "length_mismatch");
    assert!(e.to_string().contains("counts"), "{e}");
    let e = refused(&[0, 1], Some(&[0.0, 1.0, 0.0]), one, 0, 0);
    assert_eq!(e.code(), "length_mismatch");
    assert!(e.to_string().contains("weight_sums"), "{e}");
    let e = refused(&[0, 1], one, Some(&[1.0]), 0, 0);
    assert_eq!(e.code(), "length_mismatch");
    assert!(e.to_string().contains("weight_sq_sums"), "{e}");
    // only one of the sums
    let e = refused(&[0, 1], one, None, 0, 0);
    assert_eq!(e.code(), "invalid_argument");
    assert!(e.to_string().contains("`weight_sq_sums`"), "{e}");
    let e = refused(&[0, 1], None, one, 0, 0);
    assert!(e.to_string().contains("`weight_sums`"), "{e}");
    // non-finite or negative sums
    for bad in [f64::NAN, f64::INFINITY, -1.0, f64::NEG_INFINITY] {
        let e = refused(&[0, 1], Some(&[0.0, bad]), one, 0, 0);
        assert_point(&e, "weight_sums", 1, "finite number ≥ 0");
        let e = refused(&[0, 1], one, Some(&[0.0, bad]), 0, 0);
        assert_point(&e, "weight_sq_sums", 1, "finite number ≥ 0");
    }
    // a sum where nothing was counted
    let e = refused(&[0, 1], Some(&[1.0, 1.0]), one, 0, 0);
    assert_point(&e, "weight_sums", 0, "where the count is 0");
    let e = refused(&[0, 1], one, Some(&[1.0, 1.0]), 0, 0);
    assert_point(&e, "weight_sq_sums", 0, "where the count is 0");
    // Σw² without Σw
    let e = refused(&[0, 3], Some(&[0.0, 0.0]), one, 0, 0);
    assert_point(&e, "weight_sq_sums", 1, "where Σw is 0");
    // Σw² > (Σw)²: 2 rows summing to 2 cannot have squares summing to 5
    let e = refused(&[0, 2], Some(&[0.0, 2.0]), Some(&[0.0, 5.0]), 0, 0);
    assert_point(&e, "weight_sq_sums", 1, "above (Σw)²");
    // Σw² < (Σw)²/c: 2 rows summing to 2 have squares summing to at least 2
    let e = refused(&[0, 2], Some(&[0.0, 2.0]), Some(&[0.0, 1.9]), 0, 0);
    assert_point(&e, "weight_sq_sums", 1, "Cauchy–Schwarz");
    // swapped columns (Σw² given as Σw) break it too
    let e = refused(
        &[0, 4],
        Some(&[0.0, 4.0 * 9.0]),
        Some(&[0.0, 4.0 * 3.0]),
        0,
        0,
    );
    assert_point(&e, "weight_sq_sums", 1, "Cauchy–Schwarz");
    // weights above MAX_WEIGHT
    let m = Tally::MAX_WEIGHT;
    let e = refused(
        &[0, 1],
        Some(&[0.0, 10.0 * m]),
        Some(&[0.0, 100.0 * m * m]),
        0,
        0,
    );
    assert_point(&e, "weight_sums", 1, "1e144");
    let e = refused(
        &[0, 2],
        Some(&[0.0, 2.0 * m]),
        Some(&[0.0, 4.0 * m * m]),
        0,
        0,
    );
    assert_point(&e, "weight_sq_sums", 1, "1e144");
    // the row limit (missing and invalid count)
    let e = refused(&[0, u64::MAX], None, None, 1, 0);
    assert!(e.to_string().contains("2^64 - 1"), "{e}");
    let e = refused(&[0, 1], None, None, 0, u64::MAX);
    assert_eq!(e.code(), "invalid_argument");
    Tally::from_parts(Scale::BINARY, &[0, u64::MAX - 2], None, None, 1, 1).unwrap();
}

#[test]
fn the_first_bad_point_is_named() {
    let e = Tally::from_parts(
        Scale::ONE_TO_FIVE,
        &[1, 1, 1, 1, 1],
        Some(&[1.0, 1.0, -1.0, 1.0, f64::NAN]),
        Some(&[1.0; 5]),
        0,
        0,
    )
    .unwrap_err();
    assert_eq!(e.index(), Some(2));
    assert!(e.to_string().contains("at point 2 (score 3)"), "{e}");
}

// ---- the binary form (`CXTY` v1, docs/conventions.md "Binary form") ----

/// The documented layout, written out by hand for an unweighted and a weighted tally.
#[test]
fn bytes_follow_the_documented_layout() {
    let t = Tally::from_parts(Scale::BINARY, &[300, 1], None, None, 2, 0).unwrap();
    // magic, version 1, flags 0, min 0 → 0, max 1 → zigzag 2, missing 2, invalid 0,
    // counts 300 = 0xAC 0x02 (LEB128) and 1
    assert_eq!(
        t.to_bytes(),
        [b'C', b'X', b'T', b'Y', 1, 0, 0, 2, 2, 0, 0xAC, 0x02, 1]
    );
    let w = Tally::from_scores_with(
        Scale::new(-1, 0).unwrap(),
        &[0u8],
        Some(&[0.5]),
        OnInvalid::Error,
    )
    .unwrap();
    let mut expected = vec![b'C', b'X', b'T', b'Y', 1, 1, 1, 0, 0, 0, 0, 1];
    for x in [0.0f64, 0.0, 0.0, 0.0, 0.5, 0.0, 0.25, 0.0] {
        expected.extend_from_slice(&x.to_le_bytes());
    }
    assert_eq!(w.to_bytes(), expected);
    assert_eq!(Tally::from_bytes(&expected).unwrap(), w);
    // the largest count takes 10 bytes
    let big = Tally::from_counts(Scale::BINARY, &[u64::MAX, 0]).unwrap();
    let b = big.to_bytes();
    assert_eq!(
        &b[10..20],
        &[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]
    );
    assert_eq!(Tally::from_bytes(&b).unwrap(), big);
}

#[test]
fn bytes_round_trip_exactly() {
    let (scores, weights) = rows(20_000, 21);
    let weighted =
        Tally::from_scores_with(Scale::NPS, &scores, Some(&weights), OnInvalid::Skip).unwrap();
    let unweighted = Tally::from_scores_with(Scale::NPS, &scores, None, OnInvalid::Skip).unwrap();
    let mut merged = weighted.clone();
    merged.merge(&unweighted).unwrap();
    let wide = Tally::from_scores(Scale::new(-50, 50).unwrap(), &[-50i64, 50, 0, 0, -7]).unwrap();
    let (c, s, q, m, i) = aggregate(Scale::NPS, &scores, &weights);
    let parts = Tally::from_parts(Scale::NPS, &c, Some(&s), Some(&q), m, i).unwrap();
    for t in [
        weighted,
        unweighted,
        merged,
        wide,
        parts,
        Tally::new(Scale::ONE_TO_FIVE),
    ] {
        let b = t.to_bytes();
        assert_eq!(Tally::from_bytes(&b).unwrap(), t);
        assert_eq!(Tally::from_bytes(&b).unwrap().to_bytes(), b);
    }
}

fn bad_bytes(b: &[u8], at: usize, words: &str) {
    let e = Tally::from_bytes(b).unwrap_err();
    assert_eq!(e.code(), "invalid_format", "{e}");
    let m = e.to_string();
    assert!(
        m.starts_with(&format!("invalid serialized tally: at byte {at} (")),
        "{m}"
    );
    assert!(m.contains(words), "{m}");
}

#[test]
fn every_malformed_byte_string_is_refused_naming_offset_and_field() {
    let (scores, weights) = rows(500, 5);
    let t = Tally::from_scores_with(Scale::NPS, &scores, Some(&weights), OnInvalid::Skip).unwrap();
    let good = t.to_bytes();
    // every truncation
    for n in 0..good.len() {
        let e = Tally::from_bytes(&good[..n]).unwrap_err();
        assert_eq!(e.code(), "invalid_format");
        assert!(e.to_string().contains("truncated"), "{n}: {e}");
    }
    bad_bytes(&good[..3], 3, "magic");
    let with = |i: usize, v: u8| {
        let mut b = good.clone();
        b[i] = v;
        b
    };
    bad_bytes(&with(0, b'{'), 0, "not a binary tally");
    bad_bytes(&with(4, 2), 4, "an unknown version");
    bad_bytes(&with(5, 3), 5, "unknown flags");
    // trailing bytes
    let mut longer = good.clone();
    longer.push(0);
    bad_bytes(&longer, good.len(), "trailing bytes after the tally");
    // scale 0..0 (one point)
    bad_bytes(&[b'C', b'X', b'T', b'Y', 1, 0, 0, 0, 0, 0, 5], 6, "(scale)");
    // varints: over-long, above 2^64 - 1, longer than 10 bytes
    let head = [b'C', b'X', b'T', b'Y', 1, 0, 0, 2];
    let mk = |tail: &[u8]| [&head[..], tail].concat();
    bad_bytes(
        &mk(&[0x80, 0x00, 0, 0, 0]),
        8,
        "(missing): over-long varint",
    );
    bad_bytes(
        &mk(&[
            0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02, 0,
        ]),
        10,
        "(counts[0]): varint above 2^64 - 1",
    );
    bad_bytes(
        &mk(&[[0u8, 0, 0].as_slice(), &[0x81; 11]].concat()),
        11,
        "(counts[1]): varint above 2^64 - 1",
    );
    // rows above the limit
    let mut over = mk(&[1, 0]);
    over.extend_from_slice(&[
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0,
    ]);
    bad_bytes(&over, over.len(), "2^64 - 1 rows");
    // weight sums: one point of BINARY weighted, count 2 at score 1
    let wt = |xs: [f64; 8]| {
        let mut b = vec![b'C', b'X', b'T', b'Y', 1, 1, 0, 2, 0, 0, 0, 2];
        for x in xs {
            b.extend_from_slice(&x.to_le_bytes());
        }
        b
    };
    assert!(Tally::from_bytes(&wt([0.0, 0.0, 0.0, 0.0, 3.0, 0.0, 5.0, 0.0])).is_ok());
    bad_bytes(
        &wt([0.0, 0.0, 0.0, 0.0, f64::NAN, 0.0, 5.0, 0.0]),
        44,
        "(weights[1])",
    );
    bad_bytes(
        &wt([0.0, 0.0, 0.0, 0.0, -3.0, 0.0, 5.0, 0.0]),
        44,
        "(weights[1])",
    );
    bad_bytes(
        &wt([0.0, 0.0, 0.0, 0.0, 3.0, 1.0, 5.0, 0.0]),
        44,
        "compensation term at most 1e-6",
    );
    bad_bytes(
        &wt([0.0, 0.0, 0.0, 0.0, 3.0, 0.0, 10.0, 0.0]),
        44,
        "above (Σw)²",
    );
    bad_bytes(
        &wt([0.0, 0.0, 0.0, 0.0, 3.0, 0.0, 4.0, 0.0]),
        44,
        "Cauchy–Schwarz",
    );
    bad_bytes(
        &wt([1.0, 0.0, 1.0, 0.0, 3.0, 0.0, 5.0, 0.0]),
        12,
        "(weights[0]): Σw must be 0 where the count is 0",
    );
}
