//! `mean_of`: the mean of a continuous measure (the core's `cxmetrics::mean_of`).
#![allow(
    clippy::doc_link_with_quotes,
    reason = "the docstrings are Python; their examples have lists of strings"
)]

use pyo3::prelude::*;

use crate::convert::{DETACH_THRESHOLD, Role, extract_floats};
use crate::errors::{core_err, no_panic};

result_class! {
    /// The mean of a continuous measure with its sample standard deviation (returned by
    /// :func:`mean_of`). ``interval()`` is the t interval; :func:`compare` of two is Welch.
    ///
    /// >>> import cxmetrics as cx
    /// >>> r = cx.mean_of([12.5, 30.0, None, 17.5])
    /// >>> r.score, r.n, r.missing
    /// (20.0, 3, 1)
    PyMeanOfResult(cxmetrics::MeanOfResult) as "MeanOfResult" [inference] {
        /// The (weighted) mean, in the values' unit.
        score: f64 = |r| r.score;
        /// Sample standard deviation (n − 1 denominator; weighted: Kish-corrected),
        /// ``None`` when ``n_eff <= 1``.
        std_dev: Option<f64> = |r| r.std_dev;
        /// Values used (unweighted count).
        n: u64 = |r| r.n;
        /// Missing values (None / NaN), left out.
        missing: u64 = |r| r.missing;
        /// Σw of the values used (``n`` when unweighted).
        sum_weights: f64 = |r| r.sum_weights;
        /// Kish effective sample size (Σw)²/Σw² (``n`` when unweighted).
        n_eff: f64 = |r| r.n_eff;
        /// Whether weights were given.
        weighted: bool = |r| r.weighted;
    }
}

/// The mean of a continuous measure (spend per customer, time-on-task), optionally
/// weighted, with its t interval; :func:`compare` two results for Welch's t test.
///
/// Unlike :func:`mean`, which averages the integer points of a response scale, the values
/// may be any finite numbers.
///
/// Formula: ``mean = Σw·x / Σw``; ``std_dev = √(Σw(x − mean)²/Σw × n_eff/(n_eff − 1))``
/// with ``n_eff = (Σw)²/Σw²`` (the usual n − 1 sd when unweighted); ``interval()`` is
/// ``mean ± t(n_eff − 1)·std_dev/√n_eff``.
///
/// Edge cases: None / NaN is missing (counted in ``missing``, its weight ignored);
/// ``std_dev`` is ``None`` for one value, and ``interval()`` then raises
/// ``insufficient_data``; a zero weight keeps its value in ``n`` but not in the mean.
///
/// Args:
///     values: the measure per row (list, tuple, numpy array of any int or float dtype,
///         pandas / polars Series, Arrow array).
///     weights: optional per-row weights (≥ 0), in the same containers.
///
/// Returns:
///     MeanOfResult
///
/// Raises:
///     CxMetricsError: ``not_finite`` for ±∞ (with its ``index``); ``invalid_weight`` for a
///         negative or non-finite weight (with its ``index``) or a total weight of 0;
///         ``length_mismatch``; ``empty`` when no value is left; ``invalid_argument`` when
///         the sums overflow.
///     TypeError: for a container or value that is not numeric.
///
/// >>> import cxmetrics as cx
/// >>> a = cx.mean_of([0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0])
/// >>> b = cx.mean_of([1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4])
/// >>> c = cx.compare(a, b)
/// >>> c.method, round(c.statistic, 4), round(c.df, 3), round(c.p_value, 5)
/// ('welch', -1.8608, 17.776, 0.07939)
#[pyfunction]
#[pyo3(signature = (values, *, weights = None), text_signature = "(values, *, weights=None)")]
fn mean_of(
    py: Python<'_>,
    values: &Bound<'_, PyAny>,
    weights: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyMeanOfResult> {
    let values = extract_floats(values, Role::Floats("values", "value"))?;
    let weights = weights
        .filter(|w| !w.is_none())
        .map(|w| extract_floats(w, Role::Weights))
        .transpose()?;
    let (v, w) = (
        values.as_slice(),
        weights.as_ref().map(crate::convert::Column::as_slice),
    );
    let r = if v.len() > DETACH_THRESHOLD {
        py.detach(|| no_panic(|| cxmetrics::mean_of(v, w)))
    } else {
        cxmetrics::mean_of(v, w)
    };
    r.map(PyMeanOfResult).map_err(core_err)
}

/// Registers this module's class and function.
pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyMeanOfResult>()?;
    m.add_function(wrap_pyfunction!(mean_of, m)?)?;
    Ok(())
}
