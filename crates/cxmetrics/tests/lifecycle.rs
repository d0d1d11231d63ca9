//! Named cases for the lifecycle metrics (`docs/metrics/lifecycle.md`); each expected
//! value is a hand calculation.

use cxmetrics::{retention_rate, revenue_retention};

#[test]
fn nrr_counts_expansion_and_grr_does_not() {
    // (100k + 15k − 3k − 7k) / 100k = 105 %; (100k − 3k − 7k) / 100k = 90 %
    let r = revenue_retention(100_000.0, 15_000.0, 3_000.0, 7_000.0).unwrap();
    assert_eq!((r.score, r.gross), (105.0, 90.0));
    assert_eq!(
        (r.start, r.expansion, r.contraction, r.churned),
        (100_000.0, 15_000.0, 3_000.0, 7_000.0)
    );
}

#[test]
fn without_expansion_nrr_equals_grr() {
    let r = revenue_retention(4_000.0, 0.0, 250.0, 750.0).unwrap();
    assert_eq!((r.score, r.gross), (75.0, 75.0));
}

#[test]
fn equal_revenue_per_customer_makes_grr_the_customer_retention_rate() {
    // 1000 customers paying 50 each; 50 leave, 80 new join (not in the cohort's revenue)
    let customers = retention_rate(1000.0, 1030.0, 80.0).unwrap();
    let revenue = revenue_retention(1000.0 * 50.0, 0.0, 0.0, 50.0 * 50.0).unwrap();
    assert_eq!(customers.score, 95.0);
    assert_eq!(revenue.gross, customers.score);
}

#[test]
fn losing_everything_is_zero_and_losing_more_is_refused() {
    let r = revenue_retention(800.0, 0.0, 300.0, 500.0).unwrap();
    assert_eq!((r.score, r.gross), (0.0, 0.0));
    let e = revenue_retention(100.0, 50.0, 60.0, 41.0).unwrap_err();
    assert_eq!(e.code(), "invalid_argument");
    assert!(
        e.to_string().starts_with("invalid argument `churned`"),
        "{e}"
    );
}

#[test]
fn bad_amounts_are_named_and_checked_before_an_empty_start() {
    for (args, name) in [
        ([f64::NAN, 0.0, 0.0, 0.0], "start"),
        ([1.0, -1.0, 0.0, 0.0], "expansion"),
        ([1.0, 0.0, f64::INFINITY, 0.0], "contraction"),
        ([0.0, 0.0, 0.0, f64::NEG_INFINITY], "churned"),
    ] {
        let e = revenue_retention(args[0], args[1], args[2], args[3]).unwrap_err();
        assert_eq!(e.code(), "invalid_argument");
        assert!(e.to_string().contains(&format!("`{name}`")), "{e}");
    }
    let e = revenue_retention(0.0, 10.0, 0.0, 0.0).unwrap_err();
    assert_eq!(e.code(), "empty");
}
