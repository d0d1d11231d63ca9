//! Survey metrics: NPS, CSAT, CES and the generic box scores, mean and distribution.
//!
//! Every function here is a formula over a [`Tally`]; none re-reads raw data, so the
//! same tally gives every metric and merged tallies give the metric of the whole.
//!
//! ```text
//! nps        = 100 × (Σw[9–10] − Σw[0–6]) / Σw                 (0–10 scale, or explicit buckets)
//! csat       = 100 × Σw[x ≥ max − 1] / Σw                      (top_box; also mean, percent_of_max, net)
//! ces        = Σw·x / Σw                                       (mean; also percent_agree, net_effort)
//! top_box    = 100 × Σw[x ≥ threshold] / Σw,   mean = Σw·x / Σw
//! ```
//!
//! Conventions: scores in points (NPS) or percent (rates) or scale units (means),
//! never rounded; missing answers are outside every denominator; an empty tally is an
//! error, never 0. Every result carries `n`, `missing`, `invalid`, `sum_weights`,
//! `n_eff` and an [`Estimate`] for intervals (`interval`, `margin_of_error`).
//!
//! ```
//! use cxmetrics::survey::{ces, nps, CesOptions};
//! use cxmetrics::{Scale, Tally};
//! let r = nps(&Tally::from_scores(Scale::NPS, &[10u8, 9, 8, 3])?)?;
//! assert_eq!(r.score, 25.0);
//! let moe = r.margin_of_error(0.95)?;                         // adjusted Wald, in points
//! assert!(moe > 0.0);
//! // CES 2.0: 1–7, higher is easier; polarity is always explicit
//! let e = ces(&Tally::from_scores(Scale::ONE_TO_SEVEN, &[7u8, 6, 2])?, CesOptions::new(true))?;
//! assert_eq!(e.score, 5.0);
//! # Ok::<(), cxmetrics::Error>(())
//! ```

use crate::error::{Error, Result};
use crate::scale::Scale;
use crate::stats::Estimate;
use crate::tally::Tally;

/// The sample behind a result: who was counted, who was not, and the weight base.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Base {
    n: u64,
    missing: u64,
    invalid: u64,
    sum_weights: f64,
    n_eff: f64,
    weighted: bool,
}

/// Checks that the tally has something to compute on and returns its base.
fn base(t: &Tally) -> Result<Base> {
    let n = t.n();
    if n == 0 {
        return Err(Error::Empty {
            missing: t.missing(),
            invalid: t.invalid(),
        });
    }
    let sum_weights = t.sum_weights();
    if sum_weights <= 0.0 {
        return Err(Error::InvalidWeight {
            index: None,
            value: 0.0,
        });
    }
    Ok(Base {
        n,
        missing: t.missing(),
        invalid: t.invalid(),
        sum_weights,
        n_eff: t.n_eff(),
        weighted: t.is_weighted(),
    })
}

/// Weighted share of the points whose value satisfies `pred`.
///
/// The denominator is summed over the same per-point weights in the same order as the
/// numerator, so a share is never above 1 by rounding (adding non-negative terms is
/// monotone in floating point); the compensated Σw is only reported, never divided by.
fn share(t: &Tally, pred: impl Fn(i32) -> bool) -> f64 {
    let (mut part, mut all) = (0.0, 0.0);
    for (x, w) in t.scale().iter().zip(t.point_weights()) {
        all += w;
        if pred(x) {
            part += w;
        }
    }
    part / all
}

/// Unweighted count of the points whose value satisfies `pred`.
fn count(t: &Tally, pred: impl Fn(i32) -> bool) -> u64 {
    t.scale()
        .iter()
        .zip(t.counts())
        .filter(|(x, _)| pred(*x))
        .map(|(_, c)| *c)
        .sum()
}

/// Weighted mean and (when defined) the sample standard deviation.
fn moments(t: &Tally, b: &Base) -> (f64, Option<f64>) {
    let pw = t.point_weights();
    let total: f64 = pw.iter().sum();
    let m = (t
        .scale()
        .iter()
        .zip(&pw)
        .map(|(x, w)| f64::from(x) * w)
        .sum::<f64>()
        / total)
        // a weighted mean of points lies within the scale; keep rounding from leaving it
        .clamp(f64::from(t.scale().min()), f64::from(t.scale().max()));
    let sd = (b.n_eff > 1.0).then(|| {
        let ss: f64 = t
            .scale()
            .iter()
            .zip(&pw)
            .map(|(x, w)| w * (f64::from(x) - m).powi(2))
            .sum();
        (ss / total * b.n_eff / (b.n_eff - 1.0)).sqrt()
    });
    (m, sd)
}

fn mean_estimate(t: &Tally, b: &Base, factor: f64) -> Estimate {
    let (mean, sd) = moments(t, b);
    Estimate::Mean {
        mean,
        sd,
        n: b.n_eff,
        min: f64::from(t.scale().min()),
        max: f64::from(t.scale().max()),
        factor,
    }
}

/// `interval`, `margin_of_error` and `estimate` for a result with an `estimate` field.
macro_rules! inference {
    ($($name:ident),*) => {$(
        impl $name {
            /// The sufficient statistics for inference (shares or mean, sd and n; `n_eff`
            /// when weighted).
            pub fn estimate(&self) -> Estimate {
                self.estimate
            }

            /// A confidence interval at `level` (e.g. 0.95) by `method` (`None`: adjusted
            /// Wald for net scores, Wilson for proportions, t for means); see
            /// [`Estimate::interval`] for the formulas.
            ///
            /// # Errors
            /// `invalid_argument` for a level outside (0, 1) or a method that does not
            /// apply; `insufficient_data` for a t interval from one response.
            pub fn interval(&self, level: f64, method: Option<IntervalMethod>) -> Result<Interval> {
                self.estimate.interval(level, method)
            }

            /// The margin of error at `level`: half-width of the default interval, in the
            /// metric's unit; see [`Estimate::margin_of_error`].
            ///
            /// # Errors
            /// As [`Self::interval`].
            pub fn margin_of_error(&self, level: f64) -> Result<f64> {
                self.estimate.margin_of_error(level)
            }
        }
    )*};
}

fn point_on_scale(name: &'static str, value: i64, scale: Scale) -> Result<i32> {
    match i32::try_from(value) {
        Ok(v) if scale.contains(v) => Ok(v),
        _ => Err(Error::invalid_argument(
            name,
            format!("{value} is not a point of the scale {scale}"),
        )),
    }
}

/// Default top-box threshold: the top two points, or the top point alone on scales of
/// 2 or 3 points (good / bad, great / okay / bad), where "top two" would be (nearly) everyone.
fn default_top(scale: Scale) -> i64 {
    let k = i64::from(scale.points() > 3);
    i64::from(scale.max()) - k
}

/// Default bottom-box threshold: the bottom two points, or the bottom point alone on
/// scales of 2 or 3 points.
fn default_bottom(scale: Scale) -> i64 {
    let k = i64::from(scale.points() > 3);
    i64::from(scale.min()) + k
}

macro_rules! base_fields {
    ($(#[$m:meta])* $vis:vis struct $name:ident { $($body:tt)* }) => {
        $(#[$m])*
        $vis struct $name {
            $($body)*
            /// Valid responses used (unweighted).
            pub n: u64,
            /// Missing inputs, excluded from every denominator.
            pub missing: u64,
            /// Invalid inputs skipped under `on_invalid = skip`.
            pub invalid: u64,
            /// Σw of the valid responses (`n` when unweighted).
            pub sum_weights: f64,
            /// Kish effective sample size (Σw)²/Σw² (`n` when unweighted).
            pub n_eff: f64,
            /// Whether weights were given.
            pub weighted: bool,
        }
    };
}

macro_rules! fill_base {
    ($b:expr, $name:ident { $($f:ident : $v:expr),* $(,)? }) => {
        $name {
            $($f: $v,)*
            n: $b.n,
            missing: $b.missing,
            invalid: $b.invalid,
            sum_weights: $b.sum_weights,
            n_eff: $b.n_eff,
            weighted: $b.weighted,
        }
    };
}

mod ces;
mod csat;
mod generic;
mod nps;

pub use ces::{CesMethod, CesOptions, CesResult, ces};
pub use csat::{CsatMethod, CsatOptions, CsatResult, csat};
pub use generic::{BoxResult, Distribution, MeanResult, bottom_box, distribution, mean, top_box};
pub use nps::{NpsBuckets, NpsOptions, NpsResult, nps, nps_with};
