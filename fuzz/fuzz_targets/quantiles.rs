//! The normal, Student-t and beta quantiles of the core (`stats::quantile`, crate-private,
//! compiled here from its source file) on arbitrary parameters:
//!
//! - any arguments (NaN, ±∞, negative, subnormal, 0, 1): a number or NaN, never a panic,
//!   and quickly (libFuzzer's `-timeout` is the hang guard);
//! - valid arguments: the quantile is checked against a slow reference, the bracket
//!   test of bisection on the CDF: the true quantile lies in `[q·(1 − δ), q·(1 + δ)]`
//!   iff `CDF(q·(1 − δ)) ≤ p ≤ CDF(q·(1 + δ))` (δ = 1e-8, plus 1e-12 absolute), taken
//!   on the smaller tail so that 1 − p never cancels; or, where the CDF is too flat
//!   for that bracket to resolve, `CDF(q)` must give `p` back to 1e-8 relative;
//! - monotone in p.
//!
//! The CDFs are the core's `norm_sf` (statrs' erfc), `t_sf` and `ibeta` (TOMS 708's
//! continued fraction): different algorithms from the quantiles' root finders.
#![no_main]

#[allow(dead_code, clippy::all)]
#[path = "../../crates/cxmetrics/src/stats/quantile/mod.rs"]
mod quantile;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use quantile::{beta_ppf, ibeta, norm_ppf, norm_sf, t_ppf, t_sf};

#[derive(Arbitrary, Debug)]
enum Input {
    /// Anything at all: only "returns, no panic, in range or NaN".
    Raw {
        which: u8,
        p: u64,
        a: u64,
        b: u64,
    },
    /// Valid parameters, log-uniform: the differential checks.
    Normal {
        tail: Tail,
    },
    T {
        tail: Tail,
        ldf: u16,
    },
    Beta {
        tail: Tail,
        la: u16,
        lb: u16,
    },
}

/// A probability: 10^−(0…300) on the lower or upper side, or uniform in (0, 1).
#[derive(Arbitrary, Debug, Clone, Copy)]
struct Tail {
    exponent: u32,
    upper: bool,
    uniform: Option<u64>,
}

impl Tail {
    /// (p, the smaller tail, whether p is an upper-tail probability)
    fn get(self) -> (f64, f64, bool) {
        let t = match self.uniform {
            Some(u) => ((u >> 11) as f64 * (1.0 / (1u64 << 53) as f64)).min(0.5),
            None => 10f64
                .powf(-(f64::from(self.exponent % 300_000) / 1000.0))
                .min(0.5),
        };
        let t = if t == 0.0 { f64::MIN_POSITIVE } else { t };
        if self.upper {
            // the tail the quantile function sees: 1 − (1 − t), exact for p ≥ ½
            let p = 1.0 - t;
            (p, 1.0 - p, true)
        } else {
            (t, t, false)
        }
    }
}

/// 10^(lo + (hi − lo)·u/65535)
fn log_uniform(u: u16, lo: f64, hi: f64) -> f64 {
    10f64.powf(lo + (hi - lo) * f64::from(u) / 65535.0)
}

/// The bracket test: `tail_at(x)` is the probability of the tail that `tail` measures,
/// increasing in x for the lower tail, decreasing for the upper.
fn check(q: f64, tail: f64, upper: bool, tail_at: impl Fn(f64) -> f64, what: &str) {
    assert!(!q.is_nan(), "{what}: NaN for a valid p");
    if q.is_infinite() || tail == 0.0 {
        return; // p = 0 or 1, or below the smallest representable tail
    }
    let lo = q - (q.abs() * 1e-8 + 1e-12);
    let hi = q + (q.abs() * 1e-8 + 1e-12);
    let (at_lo, at_hi) = (tail_at(lo), tail_at(hi));
    let slack = 1e-12 * tail;
    let bracketed = if upper {
        at_lo >= tail - slack && at_hi <= tail + slack
    } else {
        at_lo <= tail + slack && at_hi >= tail - slack
    };
    let at_q = tail_at(q);
    let back = (at_q - tail).abs() <= 1e-8 * tail;
    assert!(
        bracketed || back,
        "{what}: quantile {q} for tail {tail} (upper {upper}); tail at q(1∓δ): {at_lo}, {at_hi}; at q: {at_q}"
    );
}

fuzz_target!(|input: Input| {
    match input {
        Input::Raw { which, p, a, b } => {
            let (p, a, b) = (f64::from_bits(p), f64::from_bits(a), f64::from_bits(b));
            let x = match which % 3 {
                0 => norm_ppf(p),
                1 => t_ppf(p, a),
                _ => beta_ppf(p, a, b),
            };
            if which % 3 == 2 {
                assert!(
                    x.is_nan() || (0.0..=1.0).contains(&x),
                    "beta_ppf({p}, {a}, {b}) = {x}"
                );
            }
            if !(0.0..=1.0).contains(&p) {
                assert!(x.is_nan(), "p = {p} outside [0, 1] must give NaN, got {x}");
            }
        }
        Input::Normal { tail } => {
            let (p, t, upper) = tail.get();
            let q = norm_ppf(p);
            // upper tail: P(Z > x) = sf(x); lower: P(Z ≤ x) = sf(−x)
            check(
                q,
                t,
                upper,
                |x| if upper { norm_sf(x) } else { norm_sf(-x) },
                "norm_ppf",
            );
            assert!(norm_ppf(p * 0.999) <= q, "norm_ppf not monotone at {p}");
        }
        Input::T { tail, ldf } => {
            let (p, t, upper) = tail.get();
            let df = log_uniform(ldf, -2.0, 18.0);
            let q = t_ppf(p, df);
            check(
                q,
                t,
                upper,
                |x| if upper { t_sf(x, df) } else { t_sf(-x, df) },
                &format!("t_ppf(df = {df})"),
            );
            assert!(
                t_ppf(p * 0.999, df) <= q,
                "t_ppf not monotone at {p}, df = {df}"
            );
        }
        Input::Beta { tail, la, lb } => {
            let (p, t, upper) = tail.get();
            let (a, b) = (log_uniform(la, -3.0, 18.0), log_uniform(lb, -3.0, 18.0));
            let q = beta_ppf(p, a, b);
            assert!((0.0..=1.0).contains(&q), "beta_ppf({p}, {a}, {b}) = {q}");
            check(
                q,
                t,
                upper,
                |x| {
                    let x = x.clamp(0.0, 1.0);
                    let (i, ic) = ibeta(a, b, x, 1.0 - x);
                    if upper { ic } else { i }
                },
                &format!("beta_ppf(a = {a}, b = {b})"),
            );
            assert!(
                beta_ppf(p * 0.999, a, b) <= q,
                "beta_ppf not monotone at {p}, a = {a}, b = {b}"
            );
        }
    }
});
