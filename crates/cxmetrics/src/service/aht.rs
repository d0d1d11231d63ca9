//! Average handle time (AHT).

use crate::error::{Error, Result};
use crate::stats::{Estimate, Interval, IntervalMethod, check_moments, moments};

/// Average handle time and its components.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct AhtResult {
    /// Mean handle time (talk + hold + wrap-up), seconds.
    pub score: f64,
    /// Contacts used.
    pub n: u64,
    /// Contacts with a missing (NaN) component, excluded.
    pub missing: u64,
    /// Mean talk time, seconds.
    pub talk: f64,
    /// Mean hold time, seconds.
    pub hold: f64,
    /// Mean wrap-up (after-contact work) time, seconds.
    pub wrap: f64,
    /// Sample standard deviation of handle time (n − 1); `None` for one contact.
    pub std_dev: Option<f64>,
    estimate: Estimate,
}

/// Average handle time: mean of talk + hold + wrap-up per contact (Genesys, LiveAgent).
///
/// # Formula
/// ```text
/// AHT = Σ (talkᵢ + holdᵢ + wrapᵢ) / n       (absent hold / wrap columns count as 0)
/// ```
///
/// # Edge cases
/// A contact with NaN in any given component is missing: counted, excluded.
///
/// # Errors
/// `length_mismatch` for components of different lengths; `invalid_argument` for a
/// negative or infinite component (with its index); `empty` with no complete contact;
/// `invalid_argument` (argument `talk`) when a sum of the durations would exceed
/// `f64::MAX` seconds (durations near it): an error, never ∞ or NaN.
///
/// # Examples
/// ```
/// use cxmetrics::handle_time;
/// let r = handle_time(&[300.0, 420.0, f64::NAN], Some(&[60.0, 0.0, 10.0]), Some(&[120.0, 60.0, 30.0]))?;
/// assert_eq!((r.score, r.n, r.missing), (480.0, 2, 1));
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn handle_time(talk: &[f64], hold: Option<&[f64]>, wrap: Option<&[f64]>) -> Result<AhtResult> {
    let n = talk.len();
    for (name, c) in [("hold and talk", hold), ("wrap and talk", wrap)] {
        if let Some(c) = c
            && c.len() != n
        {
            return Err(Error::LengthMismatch {
                what: name,
                left: c.len(),
                right: n,
            });
        }
    }
    let zeros = vec![0.0; n];
    let hold = hold.unwrap_or(&zeros);
    let wrap = wrap.unwrap_or(&zeros);
    let mut sums = [0.0f64; 3];
    let mut totals = Vec::with_capacity(n);
    let mut missing = 0u64;
    for i in 0..n {
        let parts = [talk[i], hold[i], wrap[i]];
        if parts.iter().any(|x| x.is_nan()) {
            missing += 1;
            continue;
        }
        if let Some((k, x)) = parts
            .iter()
            .enumerate()
            .find(|(_, x)| !(x.is_finite() && **x >= 0.0))
        {
            return Err(Error::InvalidArgument {
                name: ["talk", "hold", "wrap"][k].into(),
                message: format!(
                    "{x} at index {i} is not a duration ≥ 0 (use NaN for a missing value)"
                ),
                index: Some(i),
            });
        }
        for k in 0..3 {
            sums[k] += parts[k];
        }
        totals.push(parts.iter().sum::<f64>());
    }
    let used = totals.len();
    if used == 0 {
        return Err(Error::Empty {
            missing,
            invalid: 0,
        });
    }
    let nf = used as f64;
    // the continuous mean's summation (compensated, two-pass), shared with `mean_of`
    let m = moments(&totals, None);
    let [talk, hold, wrap] = sums.map(|c| c / nf);
    // sums of durations near f64::MAX overflow: an error, never ∞ or NaN
    // (finite sums of the totals bound the sums of their non-negative parts)
    check_moments(&m, "talk")?;
    let (mean, sd) = (m.mean, m.sd);
    Ok(AhtResult {
        score: mean,
        n: used as u64,
        missing,
        talk,
        hold,
        wrap,
        std_dev: sd,
        estimate: Estimate::Mean {
            mean,
            sd,
            n: nf,
            min: 0.0,
            max: f64::INFINITY,
            factor: 1.0,
        },
    })
}

rate_inference!(AhtResult);
