//! Planning: how many respondents a margin of error or a difference needs.

use super::{Level, quantile::norm_ppf, z_crit};
use crate::error::{Error, Result};

/// The default power of the `*_difference` sample sizes
/// ([`sample_size_nps_difference`], [`sample_size_proportion_difference`]): 0.8.
pub const DEFAULT_POWER: f64 = 0.8;

/// The default NPS variance σ² of [`sample_size_nps`] and
/// [`sample_size_nps_difference`]: 1.0, the worst case (half promoters, half detractors).
pub const DEFAULT_NPS_VARIANCE: f64 = 1.0;

/// The default expected proportion `p` of [`sample_size_proportion`], in percent: 50,
/// the worst case.
pub const DEFAULT_PROPORTION_PERCENT: f64 = 50.0;

fn positive(name: &'static str, v: f64) -> Result<f64> {
    if v.is_finite() && v > 0.0 {
        Ok(v)
    } else {
        Err(Error::invalid_argument(
            name,
            format!("must be a finite number > 0, got {v}"),
        ))
    }
}

fn open_unit(name: &'static str, v: f64) -> Result<f64> {
    if v.is_finite() && v > 0.0 && v < 1.0 {
        Ok(v)
    } else {
        Err(Error::invalid_argument(
            name,
            format!("must lie strictly between 0 and 1, got {v}"),
        ))
    }
}

fn open_percent(name: &'static str, v: f64) -> Result<f64> {
    if v.is_finite() && v > 0.0 && v < 100.0 {
        Ok(v / 100.0)
    } else {
        Err(Error::invalid_argument(
            name,
            format!("must be a percentage strictly between 0 and 100, got {v}"),
        ))
    }
}

fn nps_variance(v: f64) -> Result<f64> {
    if v.is_finite() && v > 0.0 && v <= 1.0 {
        Ok(v)
    } else {
        Err(Error::invalid_argument(
            "variance",
            format!(
                "the NPS variance p + d − (p − d)² lies in (0, 1] on the −1…1 scale (1 is the worst case), got {v}"
            ),
        ))
    }
}

/// The largest sample size the `sample_size_*` functions return: 2^53 − 1
/// (9 007 199 254 740 991), the largest count a double — and so JavaScript's `number` —
/// holds exactly. A plan needing more respondents than that is refused, not rounded or
/// saturated.
pub const MAX_SAMPLE_SIZE: u64 = (1 << 53) - 1;

/// `⌈x⌉`, at least 1; `invalid_argument` naming `name` above [`MAX_SAMPLE_SIZE`] (or
/// for a NaN, which no valid argument produces).
fn ceil_n(x: f64, name: &'static str) -> Result<u64> {
    #[allow(clippy::cast_precision_loss)] // 2^53 − 1 is exact in f64
    let max = MAX_SAMPLE_SIZE as f64;
    if x.ceil() <= max {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // 1 ≤ x ≤ 2^53 − 1
        return Ok(x.ceil().max(1.0) as u64);
    }
    debug_assert_eq!(MAX_SAMPLE_SIZE, 9_007_199_254_740_991);
    Err(Error::invalid_argument(
        name,
        "the plan needs more than 2^53 - 1 = 9007199254740991 respondents",
    ))
}

/// Respondents needed for an NPS margin of error of `margin` points (adjusted Wald).
///
/// # Formula
/// ```text
/// n = ⌈ z² σ² / (margin/100)² − 3 ⌉,   σ² = p + d − (p − d)² (worst case 1)
/// ```
///
/// # Edge cases
/// Never below 1; never above [`MAX_SAMPLE_SIZE`] (2^53 − 1).
///
/// # Errors
/// `invalid_argument` for a margin ≤ 0, a level outside (0, 1), or σ² outside (0, 1];
/// (argument `margin`) when the result would exceed [`MAX_SAMPLE_SIZE`].
///
/// # Examples
/// ```
/// use cxmetrics::sample_size_nps;
/// assert_eq!(sample_size_nps(5.0, 0.95, 1.0)?, 1534);    // worst case
/// assert_eq!(sample_size_nps(5.0, 0.95, 0.61)?, 935);
/// assert_eq!(sample_size_nps(10.0, 0.95, 0.61)?, 232);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn sample_size_nps(margin: f64, level: f64, variance: f64) -> Result<u64> {
    let m = positive("margin", margin)? / 100.0;
    let z = z_crit(Level::new(level)?.get());
    let v = nps_variance(variance)?;
    ceil_n(z * z * v / (m * m) - 3.0, "margin")
}

/// Respondents needed for a proportion's margin of error of `margin` percentage points.
///
/// # Formula
/// ```text
/// n = ⌈ z² p(1 − p) / (margin/100)² ⌉      p in percent, 50 = worst case
/// ```
///
/// # Edge cases
/// Never below 1; never above [`MAX_SAMPLE_SIZE`] (2^53 − 1).
///
/// # Errors
/// `invalid_argument` for margin ≤ 0, p outside (0, 100), or a bad level; (argument
/// `margin`) when the result would exceed [`MAX_SAMPLE_SIZE`].
///
/// # Examples
/// ```
/// use cxmetrics::sample_size_proportion;
/// assert_eq!(sample_size_proportion(5.0, 0.95, 50.0)?, 385);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn sample_size_proportion(margin: f64, level: f64, p: f64) -> Result<u64> {
    let m = positive("margin", margin)? / 100.0;
    let z = z_crit(Level::new(level)?.get());
    let p = open_percent("p", p)?;
    ceil_n(z * z * p * (1.0 - p) / (m * m), "margin")
}

/// Respondents needed for a mean's margin of error of `margin` scale units.
///
/// # Formula
/// ```text
/// n = ⌈ (z · sd / margin)² ⌉
/// ```
///
/// # Edge cases
/// Never below 1; never above [`MAX_SAMPLE_SIZE`] (2^53 − 1).
///
/// # Errors
/// `invalid_argument` for margin ≤ 0, sd ≤ 0, or a bad level; (argument `margin`)
/// when the result would exceed [`MAX_SAMPLE_SIZE`] (e.g. a margin far below the sd).
///
/// # Examples
/// ```
/// use cxmetrics::sample_size_mean;
/// assert_eq!(sample_size_mean(0.1, 0.95, 1.0)?, 385);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn sample_size_mean(margin: f64, level: f64, sd: f64) -> Result<u64> {
    let m = positive("margin", margin)?;
    let z = z_crit(Level::new(level)?.get());
    let sd = positive("sd", sd)?;
    ceil_n((z * sd / m).powi(2), "margin")
}

/// Respondents needed *per group* to detect an NPS difference of `difference` points.
///
/// # Formula
/// ```text
/// n = ⌈ 2σ² (z₁₋α/₂ + z_power)² / (difference/100)² − 3 ⌉     (MeasuringU)
/// ```
///
/// # Edge cases
/// Never below 1; never above [`MAX_SAMPLE_SIZE`] (2^53 − 1).
///
/// # Errors
/// `invalid_argument` for difference ≤ 0, power or level outside (0, 1), σ² outside
/// (0, 1]; (argument `difference`) when the result would exceed [`MAX_SAMPLE_SIZE`].
///
/// # Examples
/// ```
/// use cxmetrics::sample_size_nps_difference;
/// // worst case σ² = 1, 10-point difference, 95 %, 80 % power
/// assert_eq!(sample_size_nps_difference(10.0, 0.95, 0.8, 1.0)?, 1567);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn sample_size_nps_difference(
    difference: f64,
    level: f64,
    power: f64,
    variance: f64,
) -> Result<u64> {
    let d = positive("difference", difference)? / 100.0;
    let za = z_crit(Level::new(level)?.get());
    let zb = norm_ppf(open_unit("power", power)?);
    let v = nps_variance(variance)?;
    ceil_n(2.0 * v * (za + zb).powi(2) / (d * d) - 3.0, "difference")
}

/// Respondents needed *per group* to detect proportions `p1` vs `p2` (percent).
///
/// # Formula
/// ```text
/// n = ⌈ (z₁₋α/₂ √(2 p̄ q̄) + z_power √(p₁q₁ + p₂q₂))² / (p₁ − p₂)² ⌉,   p̄ = (p₁ + p₂)/2
/// ```
///
/// # Edge cases
/// Never below 1; never above [`MAX_SAMPLE_SIZE`] (2^53 − 1).
///
/// # Errors
/// `invalid_argument` for p outside (0, 100), `p1 == p2`, or power / level outside
/// (0, 1); (argument `p2`) when the result would exceed [`MAX_SAMPLE_SIZE`] (p1 and p2
/// nearly equal).
///
/// # Examples
/// ```
/// use cxmetrics::sample_size_proportion_difference;
/// assert_eq!(sample_size_proportion_difference(70.0, 80.0, 0.95, 0.8)?, 294);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn sample_size_proportion_difference(p1: f64, p2: f64, level: f64, power: f64) -> Result<u64> {
    let (a, b) = (open_percent("p1", p1)?, open_percent("p2", p2)?);
    if a == b {
        return Err(Error::invalid_argument(
            "p2",
            "p1 and p2 are equal; there is no difference to detect",
        ));
    }
    let za = z_crit(Level::new(level)?.get());
    let zb = norm_ppf(open_unit("power", power)?);
    let pbar = f64::midpoint(a, b);
    let num = za * (2.0 * pbar * (1.0 - pbar)).sqrt() + zb * (a * (1.0 - a) + b * (1.0 - b)).sqrt();
    ceil_n(num * num / ((a - b) * (a - b)), "p2")
}
