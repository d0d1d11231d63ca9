//! Sample sizes: respondents needed for a margin of error, or to detect a difference.
//!
//! The formulas are the core's ([`cxmetrics::sample_size_nps`], …); this module reads the
//! arguments (defaults included) and calls them.

use cxmetrics::stats::{DEFAULT_NPS_VARIANCE, DEFAULT_POWER, DEFAULT_PROPORTION_PERCENT};
use pyo3::prelude::*;

use super::level_arg;
use crate::convert::{extract_f64, opt_f64};
use crate::errors::core_err;

/// Respondents needed for an NPS margin of error of ``margin`` points (adjusted Wald).
///
/// Formula: ``n = ⌈z² σ² / (margin/100)² − 3⌉`` with σ² = p + d − (p − d)² on the
/// −1…1 scale; 1 is the worst case (half promoters, half detractors).
///
/// Edge cases: never below 1.
///
/// Args:
///     margin: the half-width wanted, in NPS points (> 0).
///     level: confidence level in (0, 1), default 0.95.
///     variance: σ² in (0, 1], default 1 (worst case).
///
/// Returns:
///     int
///
/// Raises:
///     CxMetricsError: ``invalid_argument`` for a margin <= 0 or not finite, a level
///         outside (0, 1) or a variance outside (0, 1].
///     TypeError: for an argument that is not a number.
///
/// >>> import cxmetrics as cx
/// >>> cx.sample_size_nps(5), cx.sample_size_nps(5, variance=0.61)
/// (1534, 935)
#[pyfunction]
#[pyo3(
    signature = (margin, *, level = None, variance = None),
    text_signature = "(margin, *, level=0.95, variance=1.0)"
)]
fn sample_size_nps(
    margin: &Bound<'_, PyAny>,
    level: Option<&Bound<'_, PyAny>>,
    variance: Option<&Bound<'_, PyAny>>,
) -> PyResult<u64> {
    cxmetrics::sample_size_nps(
        extract_f64(margin, "margin")?,
        level_arg(level)?,
        opt_f64(variance, "variance", DEFAULT_NPS_VARIANCE)?,
    )
    .map_err(core_err)
}

/// Respondents needed for a proportion's margin of error of ``margin`` percentage points.
///
/// Formula: ``n = ⌈z² p(1 − p) / (margin/100)²⌉`` with p in percent (50 = worst case).
///
/// Edge cases: never below 1.
///
/// Args:
///     margin: the half-width wanted, in percentage points (> 0).
///     level: confidence level in (0, 1), default 0.95.
///     p: the expected proportion in percent, strictly between 0 and 100 (default 50).
///
/// Returns:
///     int
///
/// Raises:
///     CxMetricsError: ``invalid_argument`` for a margin <= 0, p outside (0, 100) or a
///         bad level.
///     TypeError: for an argument that is not a number.
///
/// >>> import cxmetrics as cx
/// >>> cx.sample_size_proportion(5)
/// 385
#[pyfunction]
#[pyo3(
    signature = (margin, *, level = None, p = None),
    text_signature = "(margin, *, level=0.95, p=50.0)"
)]
fn sample_size_proportion(
    margin: &Bound<'_, PyAny>,
    level: Option<&Bound<'_, PyAny>>,
    p: Option<&Bound<'_, PyAny>>,
) -> PyResult<u64> {
    cxmetrics::sample_size_proportion(
        extract_f64(margin, "margin")?,
        level_arg(level)?,
        opt_f64(p, "p", DEFAULT_PROPORTION_PERCENT)?,
    )
    .map_err(core_err)
}

/// Respondents needed for a mean's margin of error of ``margin`` scale units.
///
/// Formula: ``n = ⌈(z · sd / margin)²⌉``.
///
/// Edge cases: never below 1.
///
/// Args:
///     margin: the half-width wanted, in scale units (> 0).
///     sd: the expected standard deviation, in scale units (> 0; required).
///     level: confidence level in (0, 1), default 0.95.
///
/// Returns:
///     int
///
/// Raises:
///     CxMetricsError: ``invalid_argument`` for a margin or sd <= 0 or a bad level.
///     TypeError: when ``sd`` is missing, or for an argument that is not a number.
///
/// >>> import cxmetrics as cx
/// >>> cx.sample_size_mean(0.1, sd=1.0)
/// 385
#[pyfunction]
#[pyo3(
    signature = (margin, *, sd, level = None),
    text_signature = "(margin, *, sd, level=0.95)"
)]
fn sample_size_mean(
    margin: &Bound<'_, PyAny>,
    sd: &Bound<'_, PyAny>,
    level: Option<&Bound<'_, PyAny>>,
) -> PyResult<u64> {
    cxmetrics::sample_size_mean(
        extract_f64(margin, "margin")?,
        level_arg(level)?,
        extract_f64(sd, "sd")?,
    )
    .map_err(core_err)
}

/// Respondents needed *per group* to detect an NPS difference of ``difference`` points.
///
/// Formula (MeasuringU): ``n = ⌈2σ²(z₁₋α/₂ + z_power)² / (difference/100)² − 3⌉``.
///
/// Edge cases: never below 1.
///
/// Args:
///     difference: the difference to detect, in NPS points (> 0).
///     level: confidence level in (0, 1), default 0.95 (two-sided α = 1 − level).
///     power: the power wanted, in (0, 1), default 0.8.
///     variance: σ² in (0, 1], default 1 (worst case).
///
/// Returns:
///     int
///
/// Raises:
///     CxMetricsError: ``invalid_argument`` for a difference <= 0, a power or level
///         outside (0, 1) or a variance outside (0, 1].
///     TypeError: for an argument that is not a number.
///
/// >>> import cxmetrics as cx
/// >>> cx.sample_size_nps_difference(10)
/// 1567
#[pyfunction]
#[pyo3(
    signature = (difference, *, level = None, power = None, variance = None),
    text_signature = "(difference, *, level=0.95, power=0.8, variance=1.0)"
)]
fn sample_size_nps_difference(
    difference: &Bound<'_, PyAny>,
    level: Option<&Bound<'_, PyAny>>,
    power: Option<&Bound<'_, PyAny>>,
    variance: Option<&Bound<'_, PyAny>>,
) -> PyResult<u64> {
    cxmetrics::sample_size_nps_difference(
        extract_f64(difference, "difference")?,
        level_arg(level)?,
        opt_f64(power, "power", DEFAULT_POWER)?,
        opt_f64(variance, "variance", DEFAULT_NPS_VARIANCE)?,
    )
    .map_err(core_err)
}

/// Respondents needed *per group* to detect proportions ``p1`` vs ``p2`` (in percent).
///
/// Formula: ``n = ⌈(z₁₋α/₂ √(2p̄q̄) + z_power √(p₁q₁ + p₂q₂))² / (p₁ − p₂)²⌉`` with
/// ``p̄ = (p₁ + p₂)/2`` and q = 1 − p.
///
/// Edge cases: never below 1.
///
/// Args:
///     p1: the first proportion in percent, strictly between 0 and 100.
///     p2: the second proportion in percent, different from ``p1``.
///     level: confidence level in (0, 1), default 0.95 (two-sided).
///     power: the power wanted, in (0, 1), default 0.8.
///
/// Returns:
///     int
///
/// Raises:
///     CxMetricsError: ``invalid_argument`` for p outside (0, 100), ``p1 == p2``, or a
///         power or level outside (0, 1).
///     TypeError: for an argument that is not a number.
///
/// >>> import cxmetrics as cx
/// >>> cx.sample_size_proportion_difference(70, 80)
/// 294
#[pyfunction]
#[pyo3(
    signature = (p1, p2, *, level = None, power = None),
    text_signature = "(p1, p2, *, level=0.95, power=0.8)"
)]
fn sample_size_proportion_difference(
    p1: &Bound<'_, PyAny>,
    p2: &Bound<'_, PyAny>,
    level: Option<&Bound<'_, PyAny>>,
    power: Option<&Bound<'_, PyAny>>,
) -> PyResult<u64> {
    cxmetrics::sample_size_proportion_difference(
        extract_f64(p1, "p1")?,
        extract_f64(p2, "p2")?,
        level_arg(level)?,
        opt_f64(power, "power", DEFAULT_POWER)?,
    )
    .map_err(core_err)
}

/// Registers the sample-size functions.
pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(sample_size_nps, m)?)?;
    m.add_function(wrap_pyfunction!(sample_size_proportion, m)?)?;
    m.add_function(wrap_pyfunction!(sample_size_mean, m)?)?;
    m.add_function(wrap_pyfunction!(sample_size_nps_difference, m)?)?;
    m.add_function(wrap_pyfunction!(sample_size_proportion_difference, m)?)?;
    Ok(())
}
