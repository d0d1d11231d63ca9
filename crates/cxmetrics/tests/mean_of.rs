//! The continuous mean `mean_of`: R's and scipy's published `t.test` reference values
//! (the `sleep` data), hand-calculated weighted cases, every error, and properties.

use cxmetrics::{CompareMethod, IntervalMethod, compare, handle_time, mean_of};
use proptest::prelude::*;

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

// R `datasets::sleep` (Cushny & Peebles), extra hours of sleep per drug group
const SLEEP_1: [f64; 10] = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const SLEEP_2: [f64; 10] = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

#[test]
fn r_t_test_sleep_welch() {
    // R: t.test(extra ~ group, data = sleep)
    //   t = -1.8608, df = 17.776, p-value = 0.07939
    //   95 percent confidence interval: -3.3654832  0.2054832
    //   mean in group 1 0.75, mean in group 2 2.33
    // scipy.stats.ttest_ind(g1, g2, equal_var=False): t = -1.8608134674868526,
    //   p = 0.0793941401873583, df = 17.776473516178488, CI (-3.3654832307117104, 0.20548323071171137)
    let a = mean_of(&SLEEP_1, None).unwrap();
    let b = mean_of(&SLEEP_2, None).unwrap();
    assert!(close(a.score, 0.75, 1e-12) && close(b.score, 2.33, 1e-12));
    let c = compare(&a.estimate(), &b.estimate(), 0.95, None).unwrap();
    assert_eq!(c.method, CompareMethod::Welch);
    assert!(close(c.difference, -1.58, 1e-12));
    assert!(close(c.statistic, -1.860_813_467_486_852_6, 1e-9), "{c:?}");
    assert!(close(c.df.unwrap(), 17.776_473_516_178_488, 1e-9), "{c:?}");
    assert!(close(c.p_value, 0.079_394_140_187_358_3, 1e-9), "{c:?}");
    assert!(close(c.lower, -3.365_483_230_711_710_4, 1e-9), "{c:?}");
    assert!(close(c.upper, 0.205_483_230_711_711_37, 1e-9), "{c:?}");
    // R's printed rounding
    assert!(close(c.statistic, -1.8608, 5e-5) && close(c.df.unwrap(), 17.776, 5e-4));
    assert!(close(c.p_value, 0.07939, 5e-6));
    assert!(close(c.lower, -3.365_483_2, 5e-8) && close(c.upper, 0.205_483_2, 5e-8));
}

#[test]
fn r_t_test_sleep_one_sample_interval() {
    // R: t.test(sleep$extra[1:10]): mean 0.75, df = 9,
    //   95 percent confidence interval: -0.5297804  2.0297804
    // scipy: ttest_1samp(g1, 0).confidence_interval(0.95) = (-0.5297804135262321, 2.029780413526232)
    let a = mean_of(&SLEEP_1, None).unwrap();
    assert!(close(a.std_dev.unwrap(), 1.789_009_657_759_162_3, 1e-12));
    let i = a.interval(0.95, None).unwrap();
    assert_eq!(i.method, IntervalMethod::T);
    assert!(close(i.lower, -0.529_780_413_526_232_1, 1e-9), "{i:?}");
    assert!(close(i.upper, 2.029_780_413_526_232, 1e-9), "{i:?}");
    let moe = a.margin_of_error(0.95).unwrap();
    assert!(close(moe, (i.upper - i.lower) / 2.0, 1e-12));
    assert_eq!(
        a.interval(0.95, Some(IntervalMethod::Wilson))
            .unwrap_err()
            .code(),
        "invalid_argument"
    );
}

#[test]
fn missing_values_and_negative_values() {
    let r = mean_of(&[-12.0, f64::NAN, 4.0, 2.0, f64::NAN], None).unwrap();
    assert_eq!((r.n, r.missing, r.weighted), (3, 2, false));
    assert!(close(r.score, -2.0, 1e-15));
    assert_eq!((r.sum_weights, r.n_eff), (3.0, 3.0));
    // the interval is not clamped to 0: the values are not durations
    assert!(r.interval(0.95, None).unwrap().lower < -20.0);
}

#[test]
fn weighted_kish() {
    // x = 1, 2, 4; w = 1, 1, 2: Σw = 4, mean = 11/4, Σw² = 6, n_eff = 16/6
    // Σw(x − m)² = 3.0625 + 0.5625 + 3.125 = 6.75; sd² = 6.75/4 × n_eff/(n_eff − 1) = 2.7
    let r = mean_of(&[1.0, 2.0, 4.0, f64::NAN], Some(&[1.0, 1.0, 2.0, f64::NAN])).unwrap();
    assert!(r.weighted);
    assert_eq!((r.n, r.missing), (3, 1));
    assert!(close(r.score, 2.75, 1e-15));
    assert!(close(r.sum_weights, 4.0, 1e-15));
    assert!(close(r.n_eff, 16.0 / 6.0, 1e-15));
    assert!(close(r.std_dev.unwrap(), 2.7f64.sqrt(), 1e-14));
    // unit weights are the unweighted result
    let u = mean_of(&SLEEP_1, Some(&[1.0; 10])).unwrap();
    let p = mean_of(&SLEEP_1, None).unwrap();
    assert!(close(u.score, p.score, 1e-15) && close(u.std_dev.unwrap(), p.std_dev.unwrap(), 1e-14));
    // a zero weight keeps the row in n, not in the mean
    let z = mean_of(&[1.0, 100.0, 3.0], Some(&[1.0, 0.0, 1.0])).unwrap();
    assert_eq!(z.n, 3);
    assert!(close(z.score, 2.0, 1e-15));
}

#[test]
fn one_value_and_constant_values() {
    let one = mean_of(&[42.0], None).unwrap();
    assert_eq!((one.score, one.std_dev), (42.0, None));
    assert_eq!(
        one.interval(0.95, None).unwrap_err().code(),
        "insufficient_data"
    );
    let flat = mean_of(&[3.5; 4], None).unwrap();
    assert_eq!(flat.std_dev, Some(0.0));
    let i = flat.interval(0.9, None).unwrap();
    assert_eq!((i.lower, i.upper), (3.5, 3.5));
    let e = compare(&flat.estimate(), &flat.estimate(), 0.95, None).unwrap_err();
    assert_eq!(e.code(), "insufficient_data");
}

#[test]
fn errors() {
    let e = mean_of(&[], None).unwrap_err();
    assert_eq!(e.code(), "empty");
    let e = mean_of(&[f64::NAN, f64::NAN], None).unwrap_err();
    assert_eq!(e.code(), "empty");
    let e = mean_of(&[1.0, 2.0, f64::INFINITY, f64::NEG_INFINITY], None).unwrap_err();
    assert_eq!((e.code(), e.index()), ("not_finite", Some(2)));
    let e = mean_of(&[1.0, f64::NEG_INFINITY], None).unwrap_err();
    assert_eq!((e.code(), e.index()), ("not_finite", Some(1)));
    let e = mean_of(&[1.0, 2.0], Some(&[1.0])).unwrap_err();
    assert_eq!(e.code(), "length_mismatch");
    let e = mean_of(&[1.0, 2.0, 3.0], Some(&[1.0, -0.5, f64::NAN])).unwrap_err();
    assert_eq!((e.code(), e.index()), ("invalid_weight", Some(1)));
    let e = mean_of(&[1.0, 2.0], Some(&[1.0, f64::INFINITY])).unwrap_err();
    assert_eq!((e.code(), e.index()), ("invalid_weight", Some(1)));
    // the value is checked before its weight; a missing value's weight is ignored
    let e = mean_of(&[f64::INFINITY], Some(&[-1.0])).unwrap_err();
    assert_eq!(e.code(), "not_finite");
    let r = mean_of(&[f64::NAN, 2.0], Some(&[-1.0, 1.0])).unwrap();
    assert_eq!((r.n, r.missing), (1, 1));
    let e = mean_of(&[1.0, 2.0], Some(&[0.0, 0.0])).unwrap_err();
    assert_eq!((e.code(), e.index()), ("invalid_weight", None));
    let e = mean_of(&[f64::MAX, f64::MAX], None).unwrap_err();
    assert_eq!(e.code(), "invalid_argument");
    assert!(e.to_string().contains("largest double"), "{e}");
}

#[test]
fn compare_refuses_other_kinds_and_methods() {
    let a = mean_of(&SLEEP_1, None).unwrap();
    let p = cxmetrics::Estimate::Proportion { p: 0.5, n: 10.0 };
    assert_eq!(
        compare(&a.estimate(), &p, 0.95, None).unwrap_err().code(),
        "invalid_argument"
    );
    assert_eq!(
        compare(
            &a.estimate(),
            &a.estimate(),
            0.95,
            Some(CompareMethod::PooledZ)
        )
        .unwrap_err()
        .code(),
        "invalid_argument"
    );
}

#[test]
fn handle_time_shares_the_summation() {
    let talk = [300.0, 420.0, 615.5, 90.0];
    let aht = handle_time(&talk, None, None).unwrap();
    let m = mean_of(&talk, None).unwrap();
    assert_eq!(aht.score, m.score);
    assert_eq!(aht.std_dev, m.std_dev);
}

proptest! {
    #[test]
    fn permutation_invariant_and_bounded(
        xs in prop::collection::vec(-1e6f64..1e6, 1..60),
        seed in 0usize..1000,
    ) {
        let r = mean_of(&xs, None).unwrap();
        let lo = xs.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        prop_assert!(r.score >= lo - 1e-9 && r.score <= hi + 1e-9);
        let mut ys = xs.clone();
        ys.rotate_left(seed % xs.len());
        let s = mean_of(&ys, None).unwrap();
        prop_assert!((s.score - r.score).abs() <= 1e-9 * (1.0 + r.score.abs()));
    }

    #[test]
    fn never_panics(
        xs in prop::collection::vec(prop::num::f64::ANY, 0..20),
        ws in prop::option::of(prop::collection::vec(prop::num::f64::ANY, 0..20)),
    ) {
        if let Ok(r) = mean_of(&xs, ws.as_deref()) {
            let _ = r.interval(0.95, None);
            let _ = compare(&r.estimate(), &r.estimate(), 0.95, None);
        }
    }
}
