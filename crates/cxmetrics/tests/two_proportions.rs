//! Two-proportion comparisons: the published reference values of 7/34 vs 1/34 (Fagerland,
//! Lydersen & Laake 2015, Table; R PropCIs; statsmodels' own test suite,
//! `statsmodels/stats/tests/test_proportion.py`, `test_confint_2indep` and
//! `test_confint_2indep_propcis`), and properties of the four methods.

use cxmetrics::{CompareMethod, Comparison, Estimate, compare};
use proptest::prelude::*;

fn prop(x: f64, n: f64) -> Estimate {
    Estimate::Proportion { p: x / n, n }
}

fn seven_vs_one(method: Option<CompareMethod>) -> Comparison {
    compare(&prop(7.0, 34.0), &prop(1.0, 34.0), 0.95, method).unwrap()
}

fn assert_ci(c: &Comparison, lower: f64, upper: f64, tol: f64) {
    assert!(
        (c.lower - lower).abs() <= tol && (c.upper - upper).abs() <= tol,
        "{c:?} vs [{lower}, {upper}] ± {tol}"
    );
}

#[test]
fn propcis_wald2ci_wald_7_34_vs_1_34() {
    // R PropCIs: wald2ci(7, 34, 1, 34, 0.95, adjust = "Wald") = 0.02916942, 0.32377176
    let c = seven_vs_one(Some(CompareMethod::Wald));
    assert_eq!(c.method, CompareMethod::Wald);
    assert_ci(&c, 2.916942, 32.377176, 6e-5);
    // statsmodels 0.15 confint_proportions_2indep / test_proportions_2indep(method="wald")
    assert_ci(&c, 2.9169416110856966, 32.37717603597312, 1e-9);
    assert!((c.statistic - 2.3480872031322675).abs() < 1e-9, "{c:?}");
    assert!((c.p_value - 0.018870102830341826).abs() < 1e-9, "{c:?}");
}

#[test]
fn propcis_wald2ci_agresti_caffo_7_34_vs_1_34() {
    // R PropCIs: wald2ci(7, 34, 1, 34, 0.95, adjust = "AC") = 0.01161167, 0.32172166
    let c = seven_vs_one(Some(CompareMethod::AgrestiCaffo));
    assert_eq!(c.method, CompareMethod::AgrestiCaffo);
    assert_ci(&c, 1.161167, 32.172166, 6e-5);
    assert_ci(&c, 1.161_167_014_261_391, 32.17216631907194, 1e-9);
    assert!((c.statistic - 2.1067406495303502).abs() < 1e-9, "{c:?}");
    assert!((c.p_value - 0.035140066579092785).abs() < 1e-9, "{c:?}");
    // the difference stays the raw one
    assert!((c.difference - 100.0 * 6.0 / 34.0).abs() < 1e-12);
}

#[test]
fn propcis_diffscoreci_miettinen_nurminen_7_34_vs_1_34() {
    // R PropCIs: diffscoreci(7, 34, 1, 34, 0.95) = 0.0270416, 0.3452912
    let c = seven_vs_one(Some(CompareMethod::Score));
    assert_eq!(c.method, CompareMethod::Score);
    assert_ci(&c, 2.70416, 34.52912, 6e-5);
    // statsmodels 0.15 confint_proportions_2indep(method="score") gives 0.027325, 0.343429:
    // its restricted estimate has a wrong coefficient (statsmodels issue #10269); the
    // corrected one (tests/vectors/stats_model.py) gives
    assert_ci(&c, 2.704_162_658_344_675, 34.529_121_696_622_38, 1e-9);
    // the test of "no difference" uses the pooled share, unaffected by that issue:
    // statsmodels test_proportions_2indep(method="score") statistic and p-value
    assert!((c.statistic - 2.241651177145989).abs() < 1e-9, "{c:?}");
    assert!((c.p_value - 0.0249839256169589).abs() < 1e-9, "{c:?}");
}

#[test]
fn fagerland_table_7_34_vs_1_34() {
    // Fagerland, Lydersen & Laake (2015), 95 % intervals for the difference, 3 decimals:
    // Wald 0.029 to 0.32, Agresti–Caffo 0.012 to 0.32, Newcombe hybrid score 0.019 to 0.34,
    // Miettinen–Nurminen 0.028 to 0.34 (statsmodels checks these to 0.005). The table's MN
    // row is the interval without the N/(N − 1) factor (statsmodels PR #10270), so only the
    // first three rows are checked; `score` keeps the factor, as R PropCIs diffscoreci does.
    for (m, lo, hi) in [
        (CompareMethod::Wald, 2.9, 32.4),
        (CompareMethod::AgrestiCaffo, 1.2, 32.2),
        (CompareMethod::PooledZ, 1.9, 34.0),
    ] {
        assert_ci(&seven_vs_one(Some(m)), lo, hi, 0.5);
    }
    // the default is still the pooled z test with the Newcombe interval
    let d = seven_vs_one(None);
    assert_eq!(d.method, CompareMethod::PooledZ);
    assert_ci(&d, 1.8921443885772937, 34.03686870327074, 1e-9);
}

#[test]
fn method_names_round_trip() {
    for name in ["wald", "agresti_caffo", "score", "pooled_z"] {
        assert_eq!(CompareMethod::parse(name).unwrap().as_str(), name);
    }
    for bad in ["agresti-caffo", "miettinen_nurminen", "newcomb", "Score"] {
        assert_eq!(
            CompareMethod::parse(bad).unwrap_err().code(),
            "invalid_argument"
        );
    }
}

#[test]
fn methods_that_do_not_apply_are_refused() {
    let net = Estimate::Net {
        plus: 0.5,
        minus: 0.2,
        n: 100.0,
    };
    for m in [CompareMethod::AgrestiCaffo, CompareMethod::Score] {
        let e = compare(&net, &net, 0.95, Some(m)).unwrap_err();
        assert_eq!(e.code(), "invalid_argument");
    }
    for m in [CompareMethod::AdjustedWald, CompareMethod::Welch] {
        let e = compare(&prop(7.0, 34.0), &prop(1.0, 34.0), 0.95, Some(m)).unwrap_err();
        assert_eq!(e.code(), "invalid_argument");
    }
}

#[test]
fn extremes() {
    let z = |x: f64, n: f64, y: f64, m: f64, method| {
        compare(&prop(x, n), &prop(y, m), 0.95, Some(method))
    };
    // both 0 %: no difference, statistic 0, p 1 (Wald: zero variance but zero difference)
    for m in [CompareMethod::Wald, CompareMethod::Score] {
        let c = z(0.0, 15.0, 0.0, 30.0, m).unwrap();
        assert_eq!(
            (c.difference, c.statistic, c.p_value),
            (0.0, 0.0, 1.0),
            "{m:?}"
        );
    }
    // Agresti–Caffo tests the adjusted shares 1/17 and 1/32, which differ
    let ac = z(0.0, 15.0, 0.0, 30.0, CompareMethod::AgrestiCaffo).unwrap();
    assert_eq!(ac.difference, 0.0);
    let se = (1.0 / 17.0 * 16.0 / 17.0 / 17.0 + 1.0 / 32.0 * 31.0 / 32.0 / 32.0_f64).sqrt();
    assert!(
        (ac.statistic - (1.0 / 17.0 - 1.0 / 32.0) / se).abs() < 1e-12,
        "{ac:?}"
    );
    // 0 % vs 100 %: the Wald test is undefined (zero variance, non-zero difference)
    assert_eq!(
        z(0.0, 10.0, 10.0, 10.0, CompareMethod::Wald)
            .unwrap_err()
            .code(),
        "insufficient_data"
    );
    let s = z(0.0, 10.0, 10.0, 10.0, CompareMethod::Score).unwrap();
    assert_eq!(s.lower, -100.0);
    assert!(s.upper < -50.0 && s.p_value < 1e-4, "{s:?}");
    // the score method needs N > 1
    let tiny = Estimate::Proportion { p: 1.0, n: 0.5 };
    assert_eq!(
        compare(&tiny, &tiny, 0.95, Some(CompareMethod::Score))
            .unwrap_err()
            .code(),
        "insufficient_data"
    );
}

proptest! {
    #[test]
    fn every_method_is_finite_ordered_and_in_range(
        xa in 0u32..60, na in 1u32..60, xb in 0u32..60, nb in 1u32..60,
        level in 0.5f64..0.999,
    ) {
        let (xa, xb) = (xa.min(na), xb.min(nb));
        let (a, b) = (prop(f64::from(xa), f64::from(na)), prop(f64::from(xb), f64::from(nb)));
        for m in [CompareMethod::PooledZ, CompareMethod::Wald, CompareMethod::AgrestiCaffo,
                  CompareMethod::Score] {
            let Ok(c) = compare(&a, &b, level, Some(m)) else {
                prop_assert_eq!(m, CompareMethod::Wald);
                continue;
            };
            prop_assert!(c.lower.is_finite() && c.upper.is_finite());
            prop_assert!(-100.0 <= c.lower && c.lower <= c.upper && c.upper <= 100.0);
            prop_assert!((0.0..=1.0).contains(&c.p_value));
            if m == CompareMethod::Score || m == CompareMethod::Wald {
                // these intervals are centred on the raw difference's test
                prop_assert!(c.lower <= c.difference + 1e-9 && c.difference <= c.upper + 1e-9);
            }
        }
    }

    #[test]
    fn score_limits_are_where_the_score_test_reaches_the_level(
        xa in 1u32..40, na in 2u32..40, xb in 0u32..40, nb in 2u32..40,
    ) {
        // the 95 % limits lie inside the 99 % limits, and outside the 80 % ones
        let (xa, xb) = (xa.min(na - 1), xb.min(nb));
        let (a, b) = (prop(f64::from(xa), f64::from(na)), prop(f64::from(xb), f64::from(nb)));
        let s = |level| compare(&a, &b, level, Some(CompareMethod::Score)).unwrap();
        let (c80, c95, c99) = (s(0.8), s(0.95), s(0.99));
        prop_assert!(c99.lower <= c95.lower && c95.lower <= c80.lower);
        prop_assert!(c80.upper <= c95.upper && c95.upper <= c99.upper);
    }
}
