//! Issue 15 item 5: inputs that overflow are errors, not wrong numbers. Every public
//! function given finite numbers returns finite numbers or an error — never ±∞, NaN,
//! a saturated count or an interval that collapsed. Expected values are by hand (the
//! arithmetic is in the comments) or from scipy where noted.

use cxmetrics::stats::MAX_SAMPLE_SIZE;
use cxmetrics::{
    Annualize, ChurnDenominator, Error, Estimate, OnInvalid, Scale, Tally, churn_rate,
    clv_from_churn, clv_from_retention, compare, handle_time, mean, mean_of, nps,
    revenue_retention, sample_size_mean, sample_size_nps, sample_size_nps_difference,
    sample_size_proportion, sample_size_proportion_difference,
};
use proptest::prelude::*;

fn rel_close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * a.abs().max(b.abs())
}

fn arg_error(e: &Error, name: &str) {
    assert_eq!(e.code(), "invalid_argument", "{e}");
    assert!(
        e.to_string()
            .starts_with(&format!("invalid argument `{name}`")),
        "{e}"
    );
}

// ─── continuous means and handle time: sums that overflow are errors ───────────────

#[test]
fn mean_of_sums_beyond_the_largest_double_are_refused() {
    // Σx = 2e308 and Σ(x − m)² = 2e600 overflow: an error naming `values`, never ∞/NaN
    for xs in [[1e308, 1e308], [1e300, 3e300], [-f64::MAX, f64::MAX]] {
        let e = mean_of(&xs, None).unwrap_err();
        arg_error(&e, "values");
        assert!(e.to_string().contains("largest double"), "{e}");
    }
    // Σw² = 2e600 overflows (n_eff was NaN): an error
    arg_error(
        &mean_of(&[1.0, 3.0], Some(&[1e300, 1e300])).unwrap_err(),
        "values",
    );
    arg_error(
        &mean_of(&[1.0, 3.0], Some(&[f64::MAX, f64::MAX])).unwrap_err(),
        "values",
    );
    // large but representable: mean 2e150, sd √2 e150 (deviations ±1e150, Σ = 2e300)
    let r = mean_of(&[1e150, 3e150], None).unwrap();
    assert!(rel_close(r.score, 2e150, 1e-15));
    assert!(rel_close(r.std_dev.unwrap(), 2f64.sqrt() * 1e150, 1e-15));
}

#[test]
fn handle_time_sums_beyond_the_largest_double_are_refused() {
    // the example: finite talk times whose sum overflowed gave ∞ / NaN
    for (talk, hold) in [
        (vec![1e308, 1e308], vec![0.0, 0.0]),
        (vec![1e308], vec![1e308]),
        (vec![0.0, 1e300], vec![0.0, 0.0]), // Σ(x − m)² = 5e599: the sd was NaN
    ] {
        let e = handle_time(&talk, Some(&hold), None).unwrap_err();
        arg_error(&e, "talk");
        assert!(e.to_string().contains("largest double"), "{e}");
    }
    // [0, 1e150]: mean 5e149, sd 1e150/√2; t(0.975, 1) = 12.706204736174694 (scipy),
    // half = t · (1e150/√2)/√2 = t · 5e149; the lower limit is clamped to 0
    let r = handle_time(&[0.0, 1e150], None, None).unwrap();
    assert_eq!(r.score, 5e149);
    let i = r.interval(0.95, None).unwrap();
    assert_eq!(i.lower, 0.0);
    assert!(rel_close(
        i.upper,
        5e149 + 12.706204736174694 * 5e149,
        1e-12
    ));
}

// ─── weighted tallies: a weight above Tally::MAX_WEIGHT is invalid ─────────────────

#[test]
#[allow(clippy::many_single_char_names)]
fn weights_above_the_limit_are_invalid_so_sums_never_overflow() {
    let w = |ws: &[f64]| Tally::from_scores_with(Scale::NPS, &[9u8, 0], Some(ws), OnInvalid::Error);
    // the example: weights whose sum overflows gave NaN results
    let e = w(&[1e308, 1e308]).unwrap_err();
    assert_eq!((e.code(), e.index()), ("invalid_weight", Some(0)));
    assert!(e.to_string().contains("<= 1e144"), "{e}");
    // Σw = 2e200 was fine but Σw² = 2e400 was not: the weight itself is refused
    let e = w(&[1.0, 1e200]).unwrap_err();
    assert_eq!((e.code(), e.index()), ("invalid_weight", Some(1)));
    // at the limit: Σw² = 2e288 and (Σw)² = 4e288 are finite, n_eff = 2
    let t = w(&[Tally::MAX_WEIGHT, Tally::MAX_WEIGHT]).unwrap();
    assert_eq!(Tally::MAX_WEIGHT, 1e144);
    assert!(t.sum_weights().is_finite() && t.sum_weights_sq().is_finite());
    assert!(rel_close(t.n_eff(), 2.0, 1e-15));
    let r = nps(&t).unwrap();
    assert_eq!((r.score, r.promoters, r.detractors), (0.0, 0.5, 0.5));
    // skip drops the row; push refuses it and leaves the tally unchanged
    let s = Tally::from_scores_with(Scale::NPS, &[9u8, 0], Some(&[1e145, 1.0]), OnInvalid::Skip)
        .unwrap();
    assert_eq!((s.n(), s.invalid()), (1, 1));
    let mut a = t.clone();
    let e = a.push_with(9u8, Some(1e145), OnInvalid::Error).unwrap_err();
    assert_eq!((e.code(), e.index()), ("invalid_weight", Some(2)));
    assert_eq!(a, t);
    // a block of 256 rows: the check is exact per row inside the blocked kernel
    let mut ws = vec![1e144; 600];
    ws[517] = 1.000_000_1e144;
    let scores = vec![9u8; 600];
    let e = Tally::from_scores_with(Scale::NPS, &scores, Some(&ws), OnInvalid::Error).unwrap_err();
    assert_eq!((e.code(), e.index()), ("invalid_weight", Some(517)));
    ws[517] = 1e144;
    let big = Tally::from_scores_with(Scale::NPS, &scores, Some(&ws), OnInvalid::Error).unwrap();
    assert!(rel_close(big.sum_weights_sq(), 600e288, 1e-12));
    // merging tallies at the limit stays finite
    let mut m = big.clone();
    m.merge(&big).unwrap();
    assert!(rel_close(m.sum_weights_sq(), 1200e288, 1e-12));
}

#[test]
fn kish_n_eff_survives_a_square_of_the_sum_beyond_the_largest_double() {
    // 9e18 rows of weight 1e144 on each of two points (as read back from JSON):
    // Σw = 1.8e163, Σw² = 1.8e307 fit, (Σw)² = 3.24e326 does not;
    // n_eff = (Σw)²/Σw² = Σw · (Σw/Σw²) = 1.8e19
    let one = Tally::from_scores_with(
        Scale::BINARY,
        &[0u8, 1],
        Some(&[1.0, 1.0]),
        OnInvalid::Error,
    )
    .unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&one.to_json()).unwrap();
    v["counts"] = serde_json::json!([9_000_000_000_000_000_000u64, 9_000_000_000_000_000_000u64]);
    v["weights"]["sum"] = serde_json::json!([9e162, 9e162]);
    v["weights"]["sum_sq"] = serde_json::json!([9e306, 9e306]);
    let t = Tally::from_json(&v.to_string()).unwrap();
    assert!(rel_close(t.n_eff(), 1.8e19, 1e-12), "{}", t.n_eff());
}

#[test]
fn serialized_weight_sums_beyond_count_times_the_limit_are_refused() {
    let one = Tally::from_scores_with(
        Scale::BINARY,
        &[0u8, 1],
        Some(&[1.0, 1.0]),
        OnInvalid::Error,
    )
    .unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&one.to_json()).unwrap();
    // one row per point: Σw ≤ 1e144 and Σw² ≤ 1e288
    v["weights"]["sum"] = serde_json::json!([1e308, 1e308]);
    assert_eq!(
        Tally::from_json(&v.to_string()).unwrap_err().code(),
        "invalid_format"
    );
    v["weights"]["sum"] = serde_json::json!([1e144, 1.0]);
    v["weights"]["sum_sq"] = serde_json::json!([1e289, 1.0]);
    assert_eq!(
        Tally::from_json(&v.to_string()).unwrap_err().code(),
        "invalid_format"
    );
    v["weights"]["sum_sq"] = serde_json::json!([1e288, 1.0]);
    assert!(Tally::from_json(&v.to_string()).is_ok());
}

// ─── confidence levels close to 1 ──────────────────────────────────────────────────

#[test]
fn a_level_a_hair_below_one_gives_a_correct_finite_interval() {
    // 1 − 1e-16 rounds to 1 − 2^-53 < 1, a valid level. For 1 df the t quantile is the
    // Cauchy one, cot(π α/2) = 5734161139222659 (scipy t.isf(α/2, 1)); [1, 2] has sd
    // 1/√2, so half = t · (1/√2)/√2 = t/2 around 1.5
    let level = 1.0 - 1e-16;
    assert!(level < 1.0);
    let i = mean_of(&[1.0, 2.0], None)
        .unwrap()
        .interval(level, None)
        .unwrap();
    let half = 5_734_161_139_222_659.0 / 2.0;
    assert!(rel_close(i.upper - 1.5, half, 1e-12), "{i:?}");
    assert!(rel_close(1.5 - i.lower, half, 1e-12), "{i:?}");
    // zero spread: the point interval at any level (never ∞ · 0)
    let i = mean_of(&[1.0, 1.0], None)
        .unwrap()
        .interval(level, None)
        .unwrap();
    assert_eq!((i.lower, i.upper), (1.0, 1.0));
    // bounded metrics clamp to their range
    let i = nps(&Tally::from_scores(Scale::NPS, &[9u8, 10, 0, 5, 9]).unwrap())
        .unwrap()
        .interval(level, None)
        .unwrap();
    assert_eq!((i.lower, i.upper), (-100.0, 100.0));
}

#[test]
fn an_interval_beyond_the_largest_double_is_refused() {
    // weights 1 and 1e-9: n_eff = (1 + 1e-9)²/(1 + 1e-18) ≈ 1 + 2e-9, so the t quantile
    // has ~2e-9 degrees of freedom and overflows: ±∞ limits are refused
    let r = mean_of(&[0.0, 1.0], Some(&[1.0, 1e-9])).unwrap();
    assert!(r.n_eff > 1.0 && r.n_eff < 1.0 + 1e-8);
    arg_error(&r.interval(0.95, None).unwrap_err(), "level");
    arg_error(&r.margin_of_error(0.95).unwrap_err(), "level");
    // a bounded mean with the same df is clamped to its range: [1, 5]
    let e = Estimate::Mean {
        mean: 3.0,
        sd: Some(1.0),
        n: r.n_eff,
        min: 1.0,
        max: 5.0,
        factor: 1.0,
    };
    let i = e.interval(0.95, None).unwrap();
    assert_eq!((i.lower, i.upper), (1.0, 5.0));
}

#[test]
fn welch_comparison_beyond_the_largest_double_is_refused() {
    // va = (√2e150)²/2 = 1e300 fits; its square in the df does not: an error, not the
    // "NaN degrees of freedom" of before
    let a = mean_of(&[1e150, 3e150], None).unwrap();
    let b = mean_of(&[0.0, 2e150], None).unwrap();
    arg_error(
        &compare(&a.estimate(), &b.estimate(), 0.95, None).unwrap_err(),
        "a",
    );
    // the same data at a smaller scale: t = 1/√2, df = 2, p = 1 − √0.2
    // = 0.5527864045000421 (scipy 2·t.sf(1/√2, 2))
    let a = mean_of(&[1e50, 3e50], None).unwrap();
    let b = mean_of(&[0.0, 2e50], None).unwrap();
    let c = compare(&a.estimate(), &b.estimate(), 0.95, None).unwrap();
    assert!(rel_close(c.difference, 1e50, 1e-15));
    assert!(rel_close(c.statistic, 0.5f64.sqrt(), 1e-14));
    assert!(rel_close(c.df.unwrap(), 2.0, 1e-14));
    assert!(rel_close(c.p_value, 0.552_786_404_500_042, 1e-12));
}

// ─── sample sizes: refused above 2^53 − 1, never saturated ─────────────────────────

#[test]
fn sample_sizes_above_the_limit_are_refused() {
    // the example: these returned 2^64 − 1
    arg_error(&sample_size_nps(1e-10, 0.95, 1.0).unwrap_err(), "margin");
    arg_error(
        &sample_size_proportion(1e-10, 0.95, 50.0).unwrap_err(),
        "margin",
    );
    arg_error(&sample_size_mean(1e-300, 0.95, 1.0).unwrap_err(), "margin");
    arg_error(
        &sample_size_nps_difference(1e-10, 0.95, 0.8, 1.0).unwrap_err(),
        "difference",
    );
    arg_error(
        &sample_size_proportion_difference(50.0, 50.0 + 1e-12, 0.95, 0.8).unwrap_err(),
        "p2",
    );
    let e = sample_size_mean(1e-300, 0.95, 1.0).unwrap_err();
    assert!(e.to_string().contains("9007199254740991"), "{e}");
    assert_eq!(MAX_SAMPLE_SIZE, 9_007_199_254_740_991);
}

#[test]
fn sample_sizes_up_to_the_limit_are_exact() {
    // (z · sd / margin)² with margin = z / 2^26: n = 2^52, to the 1e-9 relative
    // accuracy of the quantile (scipy norm.ppf(0.975) = 1.959963984540054)
    let z = 1.959_963_984_540_054;
    let n = sample_size_mean(z / 2f64.powi(26), 0.95, 1.0).unwrap();
    assert!(rel_close(n as f64, 2f64.powi(52), 1e-9), "{n}");
    // margin z / 2^27: n = 2^54 > 2^53 − 1
    arg_error(
        &sample_size_mean(z / 2f64.powi(27), 0.95, 1.0).unwrap_err(),
        "margin",
    );
}

// ─── lifecycle: never ∞ from finite inputs ──────────────────────────────────────────

#[test]
fn lifetime_values_beyond_the_largest_double_are_refused() {
    // the example: a tiny churn with a huge ARPU returned ∞
    arg_error(&clv_from_churn(1e308, 1.0, 1e-10).unwrap_err(), "churn");
    arg_error(&clv_from_churn(1.0, 1.0, 5e-324).unwrap_err(), "churn");
    // 1e300 / (1e-6 / 100) = 1e308: finite, kept
    assert!(rel_close(
        clv_from_churn(1e300, 1.0, 1e-6).unwrap(),
        1e308,
        1e-15
    ));
    // a subnormal churn keeps its digits: 1e-300 / (1e-310/100) = 1e12
    assert!(rel_close(
        clv_from_churn(1e-300, 1.0, 1e-310).unwrap(),
        1e12,
        1e-9
    ));
    arg_error(&clv_from_retention(1e306, 99.999).unwrap_err(), "retention");
    // the largest retention below 100 is 100 − 2^-46: 1 / (2^-46/100) = 100 · 2^46
    let r = 100.0 - 2f64.powi(-46);
    assert!(r < 100.0);
    assert_eq!(clv_from_retention(1.0, r).unwrap(), 100.0 * 2f64.powi(46));
}

#[test]
fn rates_never_overflow() {
    // simple annualisation: 50 % × 1e308 periods × 100 is beyond the largest double
    let e = churn_rate(
        1.0,
        2.0,
        ChurnDenominator::StartOfPeriod,
        Some(1e308),
        Annualize::Simple,
    )
    .unwrap_err();
    arg_error(&e, "periods_per_year");
    // a starting revenue near f64::MAX: 100 × start overflowed to an NRR and GRR of ∞
    let r = revenue_retention(1e308, 0.0, 0.0, 0.0).unwrap();
    assert_eq!((r.score, r.gross), (100.0, 100.0));
    // start + expansion = 2e308 overflowed: NRR = 100 × 2e308 / 1e308 = 200
    let r = revenue_retention(1e308, 1e308, 0.0, 0.0).unwrap();
    assert_eq!((r.score, r.gross), (200.0, 100.0));
    // an NRR of 1e312 % is refused
    arg_error(
        &revenue_retention(1e-300, 1e10, 0.0, 0.0).unwrap_err(),
        "expansion",
    );
}

// ─── the class: finite inputs → finite outputs or an error ─────────────────────────

/// Finite doubles across the whole range, extremes included.
fn finite() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>().prop_filter("finite", |x| x.is_finite()),
        Just(f64::MAX),
        Just(-f64::MAX),
        Just(f64::MIN_POSITIVE),
        Just(5e-324),
        Just(0.0),
        -1e3f64..1e3,
    ]
}

fn non_negative() -> impl Strategy<Value = f64> {
    finite().prop_map(f64::abs)
}

fn level() -> impl Strategy<Value = f64> {
    prop_oneof![
        0.0f64..1.0,
        Just(1.0 - 1e-16),
        Just(1.0 - 1e-12),
        Just(5e-324),
        Just(0.95)
    ]
}

fn all_finite(xs: &[f64]) -> bool {
    xs.iter().all(|x| x.is_finite())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn lifecycle_is_finite_or_an_error(a in non_negative(), b in finite(), c in finite(), k in finite()) {
        if let Ok(v) = clv_from_churn(a, b, c) { prop_assert!(v.is_finite()); }
        if let Ok(v) = clv_from_retention(a, c) { prop_assert!(v.is_finite()); }
        if let Ok(r) = revenue_retention(a, b.abs(), c.abs(), k.abs()) {
            prop_assert!(all_finite(&[r.score, r.gross]));
        }
        for ann in [Annualize::Simple, Annualize::Compound] {
            if let Ok(r) = churn_rate(b.abs(), a, ChurnDenominator::StartOfPeriod, Some(k), ann) {
                prop_assert!(r.score.is_finite() && r.annualized.is_none_or(f64::is_finite));
            }
        }
    }

    #[test]
    fn sample_sizes_are_bounded_or_an_error(m in non_negative(), l in level(), p in 0.0f64..100.0, q in 0.0f64..100.0, v in 0.0f64..=1.0) {
        for n in [
            sample_size_nps(m, l, v),
            sample_size_proportion(m, l, p),
            sample_size_mean(m, l, v.max(f64::MIN_POSITIVE)),
            sample_size_nps_difference(m, l, 0.8, v),
            sample_size_proportion_difference(p, q, l, 0.8),
        ]
        .into_iter()
        .flatten()
        {
            prop_assert!((1..=MAX_SAMPLE_SIZE).contains(&n));
        }
    }

    #[test]
    fn means_and_handle_time_are_finite_or_an_error(
        xs in prop::collection::vec(non_negative(), 1..6),
        ws in prop::collection::vec(non_negative(), 6),
        l in level(),
    ) {
        let ws = &ws[..xs.len()];
        for r in [mean_of(&xs, None), mean_of(&xs, Some(ws))].into_iter().flatten() {
            prop_assert!(all_finite(&[r.score, r.sum_weights, r.n_eff]));
            prop_assert!(r.std_dev.is_none_or(f64::is_finite));
            if let Ok(i) = r.interval(l, None) {
                prop_assert!(all_finite(&[i.lower, i.upper]) && i.lower <= i.upper);
            }
        }
        let hold: Vec<f64> = xs.iter().rev().copied().collect();
        if let Ok(r) = handle_time(&xs, Some(&hold), Some(ws)) {
            prop_assert!(all_finite(&[r.score, r.talk, r.hold, r.wrap]));
            prop_assert!(r.std_dev.is_none_or(f64::is_finite));
            if let Ok(i) = r.interval(l, None) {
                prop_assert!(all_finite(&[i.lower, i.upper]) && i.lower <= i.upper);
            }
        }
    }

    #[test]
    fn weighted_tallies_are_finite_or_an_error(
        ws in prop::collection::vec(non_negative(), 1..6),
        l in level(),
    ) {
        let scores: Vec<u8> = (0..ws.len()).map(|i| [0u8, 9, 10, 7, 3, 10][i]).collect();
        if let Ok(t) = Tally::from_scores_with(Scale::NPS, &scores, Some(&ws), OnInvalid::Error) {
            prop_assert!(all_finite(&[t.sum_weights(), t.sum_weights_sq(), t.n_eff()]));
            if let Ok(r) = nps(&t) {
                prop_assert!(all_finite(&[r.score, r.promoters, r.detractors, r.n_eff]));
                if let Ok(i) = r.interval(l, None) {
                    prop_assert!(all_finite(&[i.lower, i.upper]));
                }
            }
            if let Ok(r) = mean(&t) {
                prop_assert!(r.score.is_finite() && r.std_dev.is_none_or(f64::is_finite));
            }
        }
    }
}
