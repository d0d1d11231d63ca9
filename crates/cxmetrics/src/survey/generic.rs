//! Scale-generic metrics: mean, top and bottom box, distribution.

use super::{
    base, count, default_bottom, default_top, mean_estimate, moments, point_on_scale, share,
};
use crate::error::Result;
use crate::stats::{Estimate, Interval, IntervalMethod};
use crate::tally::Tally;

base_fields! {
    /// A mean score with its sample standard deviation.
    #[derive(Debug, Clone, Copy, PartialEq)]
    #[non_exhaustive]
    pub struct MeanResult {
        /// The mean, in scale units.
        pub score: f64,
        /// Sample standard deviation (n − 1 denominator; weighted: Kish-corrected),
        /// `None` when `n_eff ≤ 1`.
        pub std_dev: Option<f64>,
        estimate: Estimate,
    }
}

/// Mean score in scale units, with its sample standard deviation.
///
/// # Formula
/// ```text
/// mean = Σw·x / Σw
/// sd   = √( Σw(x − mean)² / Σw × n_eff / (n_eff − 1) )    (= the usual n − 1 sd when unweighted)
/// ```
///
/// # Edge cases
/// - `std_dev` is `None` for a single response (or n_eff ≤ 1), 0 when all agree.
///
/// # Errors
/// `empty`; `invalid_weight` (zero total weight).
///
/// # Examples
/// ```
/// use cxmetrics::{mean, Scale, Tally};
/// let r = mean(&Tally::from_scores(Scale::ONE_TO_FIVE, &[1, 2, 3, 4, 5])?)?;
/// assert_eq!(r.score, 3.0);
/// assert!((r.std_dev.unwrap() - 2.5f64.sqrt()).abs() < 1e-12);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn mean(tally: &Tally) -> Result<MeanResult> {
    let b = base(tally)?;
    let (m, sd) = moments(tally, &b);
    Ok(fill_base!(
        b,
        MeanResult {
            score: m,
            std_dev: sd,
            estimate: mean_estimate(tally, &b, 1.0),
        }
    ))
}

base_fields! {
    /// A top-box or bottom-box percentage.
    #[derive(Debug, Clone, Copy, PartialEq)]
    #[non_exhaustive]
    pub struct BoxResult {
        /// Percent of responses in the box, 0…100.
        pub score: f64,
        /// The box boundary used, inclusive.
        pub threshold: i32,
        /// Responses in the box (unweighted count).
        pub count: u64,
        estimate: Estimate,
    }
}

/// Percent of responses at or above `threshold` (default: the top two points; the top
/// point alone on scales of 2–3 points).
///
/// # Formula
/// ```text
/// top_box = 100 × Σw[x ≥ threshold] / Σw      threshold = max − 1 by default
/// ```
///
/// # Edge cases
/// - The threshold is inclusive: `≥ 4` on 1–5 is 4 and 5 (not `> 4`).
///
/// # Errors
/// `empty`; `invalid_weight`; `invalid_argument` for a threshold off the scale.
///
/// # Examples
/// ```
/// use cxmetrics::{top_box, Scale, Tally};
/// let t = Tally::from_scores(Scale::ONE_TO_FIVE, &[5, 4, 3, 1])?;
/// assert_eq!(top_box(&t, None)?.score, 50.0);
/// assert_eq!(top_box(&t, Some(5))?.score, 25.0);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn top_box(tally: &Tally, threshold: Option<i64>) -> Result<BoxResult> {
    let scale = tally.scale();
    let t = point_on_scale("threshold", threshold.unwrap_or(default_top(scale)), scale)?;
    boxed(tally, t, |x| x >= t)
}

/// Percent of responses at or below `threshold` (default: the bottom two points; the
/// bottom point alone on scales of 2–3 points).
///
/// # Formula
/// ```text
/// bottom_box = 100 × Σw[x ≤ threshold] / Σw      threshold = min + 1 by default
/// ```
///
/// # Edge cases
/// - The threshold is inclusive.
///
/// # Errors
/// `empty`; `invalid_weight`; `invalid_argument` for a threshold off the scale.
///
/// # Examples
/// ```
/// use cxmetrics::{bottom_box, Scale, Tally};
/// let t = Tally::from_scores(Scale::ONE_TO_FIVE, &[5, 4, 2, 1])?;
/// assert_eq!(bottom_box(&t, None)?.score, 50.0);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn bottom_box(tally: &Tally, threshold: Option<i64>) -> Result<BoxResult> {
    let scale = tally.scale();
    let t = point_on_scale(
        "threshold",
        threshold.unwrap_or(default_bottom(scale)),
        scale,
    )?;
    boxed(tally, t, |x| x <= t)
}

fn boxed(tally: &Tally, t: i32, pred: impl Fn(i32) -> bool + Copy) -> Result<BoxResult> {
    let b = base(tally)?;
    let p = share(tally, pred);
    Ok(fill_base!(
        b,
        BoxResult {
            score: 100.0 * p,
            threshold: t,
            count: count(tally, pred),
            estimate: Estimate::Proportion { p, n: b.n_eff },
        }
    ))
}

base_fields! {
    /// Responses per scale point.
    #[derive(Debug, Clone, PartialEq)]
    #[non_exhaustive]
    pub struct Distribution {
        /// The scale's points, ascending.
        pub points: Vec<i32>,
        /// Responses per point (unweighted).
        pub counts: Vec<u64>,
        /// Share per point, 0…1, weighted when weighted; sums to 1.
        pub shares: Vec<f64>,
    }
}

/// The distribution of responses over the scale's points.
///
/// # Formula
/// ```text
/// share[k] = Σw[k] / Σw
/// ```
///
/// # Edge cases
/// - Points nobody chose are listed with count 0.
///
/// # Errors
/// `empty`; `invalid_weight` (zero total weight).
///
/// # Examples
/// ```
/// use cxmetrics::{distribution, Scale, Tally};
/// let d = distribution(&Tally::from_scores(Scale::BINARY, &[1, 1, 0, 1])?)?;
/// assert_eq!(d.points, [0, 1]);
/// assert_eq!(d.counts, [1, 3]);
/// assert_eq!(d.shares, [0.25, 0.75]);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn distribution(tally: &Tally) -> Result<Distribution> {
    let b = base(tally)?;
    Ok(fill_base!(
        b,
        Distribution {
            points: tally.scale().iter().collect(),
            counts: tally.counts().to_vec(),
            shares: tally
                .point_weights()
                .iter()
                .map(|w| w / b.sum_weights)
                .collect(),
        }
    ))
}

inference!(MeanResult, BoxResult);
