//! Named cases from the "done when" list and the pitfalls listed in
//! `docs/metrics/survey.md` (section "Pitfalls guarded"); each expected value is a hand
//! calculation.

use cxmetrics::{
    CesMethod, CesOptions, CsatMethod, CsatOptions, Error, OnInvalid, Scale, Tally, ces, csat,
    mean, nps,
};

#[test]
fn three_promoters_two_passives_one_detractor_is_33_point_3() {
    let r = nps(&Tally::from_scores(Scale::NPS, &[10u8, 9, 9, 8, 7, 3]).unwrap()).unwrap();
    // (3 − 1) / 6 × 100 = 33.333…; the `net_promoter_score` crate says 34, rounding says 33
    assert!((r.score - 100.0 / 3.0).abs() < 1e-12, "{}", r.score);
    assert_ne!(r.score.round(), r.score);
}

#[test]
fn nps_on_one_to_ten_is_refused_with_an_explanation() {
    let t = Tally::from_scores(Scale::ONE_TO_TEN, &[10u8, 9, 1]).unwrap();
    let e = nps(&t).unwrap_err();
    assert_eq!(e.code(), "scale_mismatch");
    let msg = e.to_string();
    assert!(
        msg.contains("0–10") && msg.contains("1–10") && msg.contains("buckets"),
        "{msg}"
    );
}

#[test]
fn eight_and_a_half_is_not_an_integer() {
    let e = Tally::from_scores(Scale::NPS, &[9.0, 10.0, 8.5]).unwrap_err();
    assert_eq!(
        e,
        Error::NotInteger {
            index: 2,
            value: 8.5
        }
    );
    assert!(e.to_string().contains("8.5") && e.to_string().contains("index 2"));
}

#[test]
fn nan_is_missing_and_not_in_the_denominator() {
    let t = Tally::from_scores(Scale::NPS, &[10.0, f64::NAN, 0.0, f64::NAN]).unwrap();
    let r = nps(&t).unwrap();
    assert_eq!((r.n, r.missing, r.score), (2, 2, 0.0));
    let only_missing = Tally::from_scores(Scale::NPS, &[f64::NAN; 3]).unwrap();
    assert_eq!(
        nps(&only_missing).unwrap_err(),
        Error::Empty {
            missing: 3,
            invalid: 0
        }
    );
}

#[test]
fn empty_input_is_an_error_not_zero() {
    let t = Tally::from_scores::<u8>(Scale::NPS, &[]).unwrap();
    assert_eq!(nps(&t).unwrap_err().code(), "empty");
    assert_eq!(mean(&t).unwrap_err().code(), "empty");
    assert_eq!(
        csat(&Tally::new(Scale::ONE_TO_FIVE), CsatOptions::default())
            .unwrap_err()
            .code(),
        "empty"
    );
}

#[test]
fn out_of_scale_names_index_and_value() {
    let e = Tally::from_scores(Scale::NPS, &[3i64, 10, 11, 12]).unwrap_err();
    assert_eq!(e.index(), Some(2));
    let msg = e.to_string();
    assert!(
        msg.contains("11") && msg.contains("index 2") && msg.contains("0–10"),
        "{msg}"
    );
    let neg = Tally::from_scores(Scale::NPS, &[-1.0]).unwrap_err();
    assert_eq!((neg.code(), neg.index()), ("out_of_scale", Some(0)));
}

#[test]
fn negative_and_non_finite_weights_are_invalid() {
    for bad in [-1.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let e = Tally::from_scores_with(Scale::NPS, &[9u8, 9], Some(&[1.0, bad]), OnInvalid::Error)
            .unwrap_err();
        assert_eq!(
            (e.code(), e.index()),
            ("invalid_weight", Some(1)),
            "weight {bad}"
        );
    }
    let zero = Tally::from_scores_with(Scale::NPS, &[9u8, 3], Some(&[0.0, 0.0]), OnInvalid::Error)
        .unwrap();
    assert_eq!(
        nps(&zero).unwrap_err(),
        Error::InvalidWeight {
            index: None,
            value: 0.0
        }
    );
}

#[test]
fn infinities_are_not_finite_not_missing() {
    for x in [f64::INFINITY, f64::NEG_INFINITY] {
        let e = Tally::from_scores(Scale::NPS, &[5.0, x]).unwrap_err();
        assert_eq!((e.code(), e.index()), ("not_finite", Some(1)));
    }
}

#[test]
fn mismatched_lengths_are_refused() {
    let e = Tally::from_scores_with(
        Scale::NPS,
        &[9u8, 9, 9],
        Some(&[1.0, 1.0]),
        OnInvalid::Error,
    )
    .unwrap_err();
    assert_eq!(
        e,
        Error::LengthMismatch {
            what: "scores and weights",
            left: 3,
            right: 2
        }
    );
    assert_eq!(
        Tally::from_counts(Scale::ONE_TO_FIVE, &[1, 2])
            .unwrap_err()
            .code(),
        "length_mismatch"
    );
}

#[test]
fn skip_counts_invalid_rows_and_excludes_them() {
    let xs = [10.0, 11.0, 8.5, f64::INFINITY, f64::NAN, 0.0];
    let t = Tally::from_scores_with(Scale::NPS, &xs, None, OnInvalid::Skip).unwrap();
    let r = nps(&t).unwrap();
    assert_eq!((r.n, r.missing, r.invalid, r.score), (2, 1, 3, 0.0));
}

#[test]
fn kish_effective_sample_size_matches_the_reference() {
    // docs/metrics/statistics.md, "Worked examples" (Kish): w = [1,1,2,2,4] → n_eff = 100/26
    // = 3.846, deff = 1.3
    let w = [1.0, 1.0, 2.0, 2.0, 4.0];
    let t = Tally::from_scores_with(Scale::NPS, &[10u8, 10, 9, 0, 7], Some(&w), OnInvalid::Error)
        .unwrap();
    let r = nps(&t).unwrap();
    assert!((r.n_eff - 3.846_153_846_153_846).abs() < 1e-12);
    assert!((5.0 / r.n_eff - 1.3).abs() < 1e-12);
    // (1 + 1 + 2 − 2) / 10 × 100 = 20
    assert!((r.score - 20.0).abs() < 1e-12);
}

#[test]
fn csat_top_box_threshold_is_inclusive() {
    let t = Tally::from_scores(Scale::ONE_TO_FIVE, &[4u8, 4, 3, 5]).unwrap();
    assert_eq!(csat(&t, CsatOptions::default()).unwrap().score, 75.0); // ≥ 4, not > 4
    let pom = csat(
        &t,
        CsatOptions {
            method: CsatMethod::PercentOfMax,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(pom.score, 80.0); // 16 / (4 × 5)
    let net = csat(
        &t,
        CsatOptions {
            method: CsatMethod::Net,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(net.score, 75.0); // 75 % top − 0 % bottom
}

#[test]
fn ces_polarity_changes_which_side_is_easy() {
    let t = Tally::from_scores(Scale::ONE_TO_FIVE, &[1u8, 2, 3, 5]).unwrap();
    let agree = |hib| {
        ces(
            &t,
            CesOptions {
                method: CesMethod::PercentAgree,
                ..CesOptions::new(hib)
            },
        )
        .unwrap()
        .score
    };
    assert_eq!(agree(true), 25.0); // 4–5 easy
    assert_eq!(agree(false), 50.0); // 1–2 easy (CES 1.0)
    let net = ces(
        &t,
        CesOptions {
            method: CesMethod::NetEffort,
            ..CesOptions::new(false)
        },
    )
    .unwrap();
    assert_eq!(net.score, 25.0); // 50 % easy − 25 % difficult (4–5)
}

#[test]
fn merging_different_scales_is_refused() {
    let mut a = Tally::new(Scale::NPS);
    let e = a.merge(&Tally::new(Scale::ONE_TO_TEN)).unwrap_err();
    assert_eq!(e.code(), "scale_mismatch");
}

#[test]
fn bad_serialized_tallies_are_invalid_format() {
    let good = Tally::from_scores(Scale::ONE_TO_FIVE, &[1u8, 5])
        .unwrap()
        .to_json();
    for bad in [
        String::new(),
        "{}".to_owned(),
        good.replace("\"version\":1", "\"version\":2"),
        good.replace("\"counts\":[1,0,0,0,1]", "\"counts\":[1,0,1]"),
        good.replace("cxmetrics.tally", "other"),
        good.replace("\"max\":5", "\"max\":1"),
    ] {
        let e = Tally::from_json(&bad).unwrap_err();
        assert_eq!(e.code(), "invalid_format", "{bad}");
    }
}

#[test]
fn extreme_sizes_and_values() {
    // 10 million u8 responses: counts exact
    let xs: Vec<u8> = (0..10_000_000u32).map(|i| (i % 11) as u8).collect();
    let t = Tally::from_scores(Scale::NPS, &xs).unwrap();
    assert_eq!(t.n(), 10_000_000);
    assert!(t.counts().iter().all(|&c| c == 909_090 || c == 909_091));
    // extreme integers and floats are out of scale, never wrapped into it
    assert_eq!(
        Tally::from_scores(Scale::NPS, &[i64::MIN])
            .unwrap_err()
            .code(),
        "out_of_scale"
    );
    assert_eq!(
        Tally::from_scores(Scale::NPS, &[u64::MAX])
            .unwrap_err()
            .code(),
        "out_of_scale"
    );
    // u64 values past i64::MAX must not wrap onto a scale with a negative minimum
    let sym = Scale::new(-3, 3).unwrap();
    for x in [u64::MAX, u64::MAX - 1, u64::MAX - 5, 1u64 << 63] {
        let e = Tally::from_scores(sym, &[x]).unwrap_err();
        assert_eq!(e.code(), "out_of_scale", "{x}");
    }
    assert_eq!(
        Tally::from_scores(Scale::NPS, &[f64::MAX])
            .unwrap_err()
            .code(),
        "out_of_scale"
    );
    assert_eq!(
        Tally::from_scores(Scale::NPS, &[-0.0]).unwrap().counts()[0],
        1
    );
    assert_eq!(
        Tally::from_scores(Scale::NPS, &[1e-300])
            .unwrap_err()
            .code(),
        "not_integer"
    );
    // huge weights stay finite in the sums and n_eff: up to Tally::MAX_WEIGHT (1e144);
    // above it a weight is invalid (issue 15 item 5: Σw² could overflow)
    let t = Tally::from_scores_with(
        Scale::NPS,
        &[9u8, 0],
        Some(&[1e144, 1e144]),
        OnInvalid::Error,
    )
    .unwrap();
    assert_eq!(nps(&t).unwrap().score, 0.0);
    let e = Tally::from_scores_with(
        Scale::NPS,
        &[9u8, 0],
        Some(&[1e150, 1e150]),
        OnInvalid::Error,
    )
    .unwrap_err();
    assert_eq!((e.code(), e.index()), ("invalid_weight", Some(0)));
}

#[test]
fn scales_are_validated() {
    assert_eq!(Scale::new(0, 0).unwrap_err().code(), "invalid_scale");
    assert_eq!(Scale::new(0, 101).unwrap_err().code(), "invalid_scale");
    assert!(Scale::new(0, 100).is_ok());
    assert!(Scale::new(-3, 3).is_ok());
    assert_eq!(
        Scale::new(i64::MAX - 1, i64::MAX).unwrap_err().code(),
        "invalid_scale"
    );
    assert_eq!(
        Scale::new(i64::MIN, i64::MAX).unwrap_err().code(),
        "invalid_scale"
    );
}

/// With the `parallel` feature, large inputs are counted on several threads; the result
/// and the reported error must be those of one sequential pass.
#[cfg(feature = "parallel")]
#[test]
fn parallel_counting_matches_one_pass() {
    let n = 9_000_000usize;
    let mut xs: Vec<f64> = (0..n).map(|i| (i % 11) as f64).collect();
    for i in (0..n).step_by(97) {
        xs[i] = f64::NAN;
    }
    let t = Tally::from_scores(Scale::NPS, &xs).unwrap();
    let mut expected = [0u64; 11];
    let mut missing = 0;
    for x in &xs {
        if x.is_nan() {
            missing += 1;
        } else {
            expected[*x as usize] += 1;
        }
    }
    assert_eq!((t.counts(), t.missing()), (&expected[..], missing));
    xs[8_500_001] = 12.0;
    xs[8_999_999] = 0.5;
    let e = Tally::from_scores(Scale::NPS, &xs).unwrap_err();
    assert_eq!((e.code(), e.index()), ("out_of_scale", Some(8_500_001)));
    let skipped = Tally::from_scores_with(Scale::NPS, &xs, None, OnInvalid::Skip).unwrap();
    assert_eq!(skipped.invalid(), 2);
}
