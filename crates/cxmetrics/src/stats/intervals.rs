//! Standalone confidence intervals from counts: proportions and NPS.

use super::{Estimate, Interval, IntervalMethod};
use crate::error::{Error, Result};

/// A confidence interval for `successes` out of `n`, in percent.
///
/// # Formula
/// As [`Estimate::interval`] for a proportion `p = successes / n`.
///
/// # Edge cases
/// `successes = 0` or `= n` give one-sided-looking intervals that still have width
/// (except Wald, which collapses to a point).
///
/// # Errors
/// `empty` when `n = 0`; `invalid_argument` when `successes > n`, for a bad level or a
/// method that is not a proportion method.
///
/// # Examples
/// ```
/// use cxmetrics::proportion_interval;
/// let i = proportion_interval(70, 100, 0.95, None)?;           // Wilson
/// assert!((i.lower - 60.4151).abs() < 1e-3 && (i.upper - 78.1051).abs() < 1e-3);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn proportion_interval(
    successes: u64,
    n: u64,
    level: f64,
    method: Option<IntervalMethod>,
) -> Result<Interval> {
    if n == 0 {
        return Err(Error::Empty {
            missing: 0,
            invalid: 0,
        });
    }
    if successes > n {
        return Err(Error::invalid_argument(
            "successes",
            format!("{successes} successes out of {n} trials; successes cannot exceed n"),
        ));
    }
    Estimate::Proportion {
        p: successes as f64 / n as f64,
        n: n as f64,
    }
    .interval(level, method)
}

/// A confidence interval for the NPS of `promoters`, `passives` and `detractors`
/// counts, in points.
///
/// # Formula
/// As [`Estimate::interval`] for a net score.
///
/// # Edge cases
/// All passives: adjusted Wald still has width; Wald gives `[0, 0]`.
///
/// # Errors
/// `empty` when all counts are 0; `invalid_argument` for a bad level or method.
///
/// # Examples
/// ```
/// use cxmetrics::nps_interval;
/// let i = nps_interval(50, 30, 20, 0.95, None)?;    // adjusted Wald
/// assert!((i.lower - 14.0511).abs() < 1e-3 && (i.upper - 44.2013).abs() < 1e-3);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn nps_interval(
    promoters: u64,
    passives: u64,
    detractors: u64,
    level: f64,
    method: Option<IntervalMethod>,
) -> Result<Interval> {
    let n = promoters as f64 + passives as f64 + detractors as f64;
    if n == 0.0 {
        return Err(Error::Empty {
            missing: 0,
            invalid: 0,
        });
    }
    Estimate::Net {
        plus: promoters as f64 / n,
        minus: detractors as f64 / n,
        n,
    }
    .interval(level, method)
}
