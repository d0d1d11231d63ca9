//! The mean of a continuous measure (spend per customer, time-on-task, handle time).

use super::{Estimate, Interval, IntervalMethod};
use crate::error::{Error, Result};
use crate::sum::NeumaierSum;

/// The mean of a continuous measure, with its sample standard deviation.
///
/// Its [`estimate`](MeanOfResult::estimate) is an [`Estimate::Mean`] without bounds, so
/// [`interval`](MeanOfResult::interval) is the t interval and [`compare`](super::compare)
/// of two of them is Welch's t test.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct MeanOfResult {
    /// The (weighted) mean, in the values' unit.
    pub score: f64,
    /// Sample standard deviation (n − 1 denominator; weighted: Kish-corrected),
    /// `None` when `n_eff ≤ 1`.
    pub std_dev: Option<f64>,
    /// Values used (unweighted count).
    pub n: u64,
    /// Missing values (NaN), excluded.
    pub missing: u64,
    /// Σw of the values used (`n` when unweighted).
    pub sum_weights: f64,
    /// Kish effective sample size (Σw)²/Σw² (`n` when unweighted).
    pub n_eff: f64,
    /// Whether weights were given.
    pub weighted: bool,
    estimate: Estimate,
}

/// Weighted mean, Kish-corrected sd and weight sums of values already validated
/// (finite, weights ≥ 0): the one summation behind [`mean_of`] and the handle time.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Moments {
    pub(crate) mean: f64,
    pub(crate) sd: Option<f64>,
    pub(crate) sum_weights: f64,
    pub(crate) n_eff: f64,
}

/// Two passes with compensated sums: the mean, then the squared deviations from it.
/// `weights`, when given, has the length of `values`; `values` is not empty.
pub(crate) fn moments(values: &[f64], weights: Option<&[f64]>) -> Moments {
    let w = |i: usize| weights.map_or(1.0, |ws| ws[i]);
    let (mut sw, mut sw2, mut swx) = (
        NeumaierSum::default(),
        NeumaierSum::default(),
        NeumaierSum::default(),
    );
    for (i, &x) in values.iter().enumerate() {
        let wi = w(i);
        sw.add(wi);
        sw2.add(wi * wi);
        swx.add(wi * x);
    }
    let (sw, sw2) = (sw.value(), sw2.value());
    let mean = swx.value() / sw;
    let n_eff = if sw2 > 0.0 { sw * sw / sw2 } else { 0.0 };
    let sd = (n_eff > 1.0).then(|| {
        let mut ss = NeumaierSum::default();
        for (i, &x) in values.iter().enumerate() {
            ss.add(w(i) * (x - mean).powi(2));
        }
        (ss.value() / sw * n_eff / (n_eff - 1.0)).sqrt()
    });
    Moments {
        mean,
        sd,
        sum_weights: sw,
        n_eff,
    }
}

/// Refuses moments that overflowed (values or weights near `f64::MAX`): an error,
/// never ±∞ or NaN.
pub(crate) fn check_moments(m: &Moments, name: &'static str) -> Result<()> {
    if m.sum_weights.is_finite()
        && m.n_eff.is_finite()
        && m.n_eff > 0.0 // Σw² overflowed to NaN (or every w² underflowed to 0)
        && m.mean.is_finite()
        && m.sd.is_none_or(f64::is_finite)
    {
        return Ok(());
    }
    Err(Error::beyond_double(name, "a sum of the values or weights"))
}

/// The mean of a continuous measure (spend per customer, time-on-task), optionally
/// weighted, with the t interval and Welch comparison of [`Estimate::Mean`].
///
/// Unlike [`mean`](crate::mean), which averages the integer points of a declared
/// response scale, the values here may be any finite numbers.
///
/// # Formula
/// ```text
/// mean  = Σw·x / Σw                                  (w = 1 when unweighted)
/// sd    = √( Σw(x − mean)² / Σw × n_eff / (n_eff − 1) ),   n_eff = (Σw)² / Σw²
///         (= the usual n − 1 sd when unweighted)
/// interval: mean ± t₍n_eff − 1₎ · sd / √n_eff;   compare: Welch's t test
/// ```
///
/// # Edge cases
/// - NaN is a missing value: counted in `missing`, left out (its weight is ignored).
/// - `std_dev` is `None` for one value (or `n_eff ≤ 1`); `interval` then fails with
///   `insufficient_data`. All values equal: `std_dev` 0, the interval is a point.
/// - A zero weight keeps its value in `n` but not in the mean.
///
/// # Errors
/// `length_mismatch` when `weights` has another length than `values`; `not_finite` for
/// a value of ±∞ (with its index); `invalid_weight` for a negative or non-finite weight
/// of a non-missing value (with its index) or a total weight of zero; `empty` when no
/// value is left; `invalid_argument` when a sum of the values, weights or squares
/// would exceed `f64::MAX` (values or weights near it): an error, never ±∞ or NaN.
/// The first offending index wins; at one index the value is checked before its weight.
///
/// # Examples
/// ```
/// use cxmetrics::{compare, mean_of};
/// let a = mean_of(&[12.5, 30.0, f64::NAN, 17.5], None)?;
/// assert_eq!((a.score, a.n, a.missing), (20.0, 3, 1));
/// assert!((a.std_dev.unwrap() - 9.013878188659973).abs() < 1e-12);
/// let i = a.interval(0.95, None)?;                             // t, 2 df
/// assert!(i.lower < 20.0 && 20.0 < i.upper);
/// let b = mean_of(&[8.0, 11.0, 9.5, 10.0], Some(&[1.0, 2.0, 1.0, 1.0]))?;
/// let c = compare(&a.estimate(), &b.estimate(), 0.95, None)?; // Welch
/// assert!(c.df.is_some());
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn mean_of(values: &[f64], weights: Option<&[f64]>) -> Result<MeanOfResult> {
    if let Some(ws) = weights
        && ws.len() != values.len()
    {
        return Err(Error::LengthMismatch {
            what: "values and weights",
            left: values.len(),
            right: ws.len(),
        });
    }
    let mut xs = Vec::with_capacity(values.len());
    let mut ws = weights.map(|_| Vec::with_capacity(values.len()));
    let mut missing = 0u64;
    for (i, &x) in values.iter().enumerate() {
        if x.is_nan() {
            missing += 1;
            continue;
        }
        if !x.is_finite() {
            return Err(Error::NotFinite { index: i, value: x });
        }
        if let (Some(all), Some(kept)) = (weights, ws.as_mut()) {
            let w = all[i];
            if !(w.is_finite() && w >= 0.0) {
                return Err(Error::InvalidWeight {
                    index: Some(i),
                    value: w,
                });
            }
            kept.push(w);
        }
        xs.push(x);
    }
    if xs.is_empty() {
        return Err(Error::Empty {
            missing,
            invalid: 0,
        });
    }
    let m = moments(&xs, ws.as_deref());
    if m.sum_weights <= 0.0 {
        return Err(Error::InvalidWeight {
            index: None,
            value: 0.0,
        });
    }
    check_moments(&m, "values")?;
    Ok(MeanOfResult {
        score: m.mean,
        std_dev: m.sd,
        n: xs.len() as u64,
        missing,
        sum_weights: m.sum_weights,
        n_eff: m.n_eff,
        weighted: weights.is_some(),
        estimate: Estimate::Mean {
            mean: m.mean,
            sd: m.sd,
            n: m.n_eff,
            min: f64::NEG_INFINITY,
            max: f64::INFINITY,
            factor: 1.0,
        },
    })
}

impl MeanOfResult {
    /// The sufficient statistics for inference: an [`Estimate::Mean`] with mean, sd,
    /// `n_eff` and no bounds.
    pub fn estimate(&self) -> Estimate {
        self.estimate
    }

    /// The t interval at `level` (e.g. 0.95), in the values' unit; `method` may only be
    /// `None` or [`IntervalMethod::T`]. See [`Estimate::interval`].
    ///
    /// # Errors
    /// `invalid_argument` for a level outside (0, 1) or another method;
    /// `insufficient_data` when `n_eff ≤ 1`.
    pub fn interval(&self, level: f64, method: Option<IntervalMethod>) -> Result<Interval> {
        self.estimate.interval(level, method)
    }

    /// The margin of error at `level`: `t₍n_eff − 1₎ · sd / √n_eff`.
    ///
    /// # Errors
    /// As [`Self::interval`].
    pub fn margin_of_error(&self, level: f64) -> Result<f64> {
        self.estimate.margin_of_error(level)
    }
}
