//! Survey scores: `nps`, `csat`, `ces`, `mean`, `top_box`, `bottom_box` and
//! `distribution`, on raw scores or on a `Tally`.

use cxmetrics::{CesMethod, CesOptions, CsatMethod, CsatOptions, NpsOptions, Scale, Tally};
use pyo3::prelude::*;

use crate::convert::{
    ScaleArg, by_name, extract_buckets, extract_opt_int, extract_scale_arg, extract_scores,
};
use crate::errors::{core_err, invalid_argument, type_error};
use crate::results::{
    PyBoxResult, PyCesResult, PyCsatResult, PyDistribution, PyMeanResult, PyNpsResult,
};
use crate::tally::{PyTally, tally_from_raw};

/// Resolves `scores` into a tally and runs `metric` on it.
///
/// A `Tally` is used as is (then `scale`, `weights` and `on_invalid` must be unset);
/// anything else is tallied on `scale` (or `default_scale`; `None` means the metric has
/// no default and `scale` is required).
fn on_tally<R>(
    func: &str,
    scores: &Bound<'_, PyAny>,
    scale: Option<&Bound<'_, PyAny>>,
    default_scale: Option<Scale>,
    weights: Option<&Bound<'_, PyAny>>,
    on_invalid: Option<&Bound<'_, PyAny>>,
    metric: impl FnOnce(&Tally) -> cxmetrics::Result<R>,
) -> PyResult<R> {
    if let Ok(t) = scores.cast::<PyTally>() {
        for (name, given) in [
            ("scale", scale.is_some()),
            ("weights", weights.is_some()),
            ("on_invalid", on_invalid.is_some()),
        ] {
            if given {
                return Err(invalid_argument(
                    name,
                    format!(
                        "{name} cannot be combined with a Tally: the tally already fixed its scale, \
                         weights and invalid-value policy when it was built; leave {name} unset"
                    ),
                ));
            }
        }
        return metric(&t.try_borrow()?.inner).map_err(core_err);
    }
    let scale = match (scale, default_scale) {
        (Some(s), _) => extract_scale_arg(s)?,
        (None, Some(d)) => ScaleArg::plain(d),
        (None, None) => {
            return Err(type_error(format!(
                "{func}() missing required keyword argument: 'scale' (the survey's response \
                 scale, e.g. scale=(1, 5) or scale=cxmetrics.Scale.one_to_seven())"
            )));
        }
    };
    let tally = tally_from_raw(scores.py(), &scale, scores, weights, on_invalid)?;
    metric(&tally).map_err(core_err)
}

/// Net Promoter Score, in points (−100…100).
///
/// Standard buckets on the 0–10 scale: detractors 0–6, passives 7–8, promoters 9–10.
/// ``score = 100 × (Σw[promoters] − Σw[detractors]) / Σw`` (w = 1 unweighted). Nothing is
/// rounded: 3 promoters, 2 passives and 1 detractor give 33.333…, not 33 or 34.
///
/// Args:
///     scores: a list / tuple (``None`` and NaN = missing), a numpy array of any
///         integer or float dtype (read without copying when contiguous), a pandas
///         Series (NaN / None / ``pd.NA`` = missing), a polars Series or any Arrow array
///         or chunked array (``__arrow_c_array__`` / ``__arrow_c_stream__``, read in
///         place; null = missing), or a :class:`Tally`.
///     scale: the response scale (default 0–10). Any other scale needs ``buckets``.
///     weights: optional per-response weights (floats >= 0).
///     on_invalid: ``"error"`` (default) or ``"skip"`` (count in ``invalid``, leave out).
///     buckets: ``(detractor_max, promoter_min)`` or
///         ``{"detractor_max": d, "promoter_min": p}``, both inclusive.
///
/// Returns:
///     NpsResult
///
/// Raises:
///     CxMetricsError: ``empty`` (no valid response), ``scale_mismatch`` (not 0–10 and
///         no buckets), ``out_of_scale`` / ``not_integer`` / ``not_finite`` (with
///         ``index``), ``invalid_weight``, ``length_mismatch``, ``invalid_argument``
///         (bad buckets), ``invalid_scale``.
///     TypeError: for a container or value that is not numeric.
///
/// >>> import cxmetrics as cx
/// >>> r = cx.nps([10, 9, 9, 8, 7, 3, None])
/// >>> r.score == 100 / 3, r.n, r.missing
/// (True, 6, 1)
/// >>> cx.nps([5, 5, 4, 2], scale=(1, 5), buckets=(3, 5)).score
/// 25.0
#[pyfunction]
#[pyo3(
    signature = (scores, *, scale = None, weights = None, on_invalid = None, buckets = None),
    text_signature = "(scores, *, scale=None, weights=None, on_invalid='error', buckets=None)"
)]
fn nps(
    scores: &Bound<'_, PyAny>,
    scale: Option<&Bound<'_, PyAny>>,
    weights: Option<&Bound<'_, PyAny>>,
    on_invalid: Option<&Bound<'_, PyAny>>,
    buckets: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyNpsResult> {
    let options = NpsOptions {
        buckets: buckets.map(extract_buckets).transpose()?,
    };
    on_tally(
        "nps",
        scores,
        scale,
        Some(Scale::NPS),
        weights,
        on_invalid,
        |t| cxmetrics::nps_with(t, options),
    )
    .map(PyNpsResult)
}

/// Customer satisfaction score by an explicit method.
///
/// - ``"top_box"`` (default): ``100 × share(score >= threshold)``; threshold defaults
///   to ``max - 1`` (4–5 on 1–5).
/// - ``"mean"``: the mean score, in scale units.
/// - ``"percent_of_max"``: ``100 × Σscore / (n × max)`` (needs ``min >= 0``).
/// - ``"net"``: ``100 × (share(>= threshold) − share(<= bottom_threshold))``;
///   bottom_threshold defaults to ``min + 1``.
///
/// Args:
///     scores: list, tuple, numpy array, pandas / polars Series, or a :class:`Tally`.
///     scale: the response scale (default 1–5).
///     method: ``"top_box"``, ``"mean"``, ``"percent_of_max"`` or ``"net"``.
///     threshold: lowest satisfied score, inclusive (top_box, net).
///     bottom_threshold: highest dissatisfied score, inclusive (net).
///     weights: optional per-response weights.
///     on_invalid: ``"error"`` (default) or ``"skip"``.
///
/// Returns:
///     CsatResult
///
/// Raises:
///     CxMetricsError: ``empty``, ``invalid_argument`` (unknown method, threshold off
///         the scale, ``bottom_threshold >= threshold``), ``scale_mismatch``
///         (percent_of_max with a negative minimum), and the data errors of :func:`nps`.
///     TypeError: for a container or value that is not numeric.
///
/// >>> import cxmetrics as cx
/// >>> cx.csat([5, 4, 3, 2, 5]).score
/// 60.0
/// >>> cx.csat([5, 4, 3, 2, 5], method="mean").score
/// 3.8
#[pyfunction]
#[pyo3(
    signature = (scores, *, scale = None, method = None, threshold = None, bottom_threshold = None, weights = None, on_invalid = None),
    text_signature = "(scores, *, scale=None, method='top_box', threshold=None, bottom_threshold=None, weights=None, on_invalid='error')"
)]
#[allow(
    clippy::too_many_arguments,
    reason = "mirrors the documented keyword options"
)]
fn csat(
    scores: &Bound<'_, PyAny>,
    scale: Option<&Bound<'_, PyAny>>,
    method: Option<&Bound<'_, PyAny>>,
    threshold: Option<&Bound<'_, PyAny>>,
    bottom_threshold: Option<&Bound<'_, PyAny>>,
    weights: Option<&Bound<'_, PyAny>>,
    on_invalid: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyCsatResult> {
    let method = by_name(method, "method", CsatMethod::parse)?.unwrap_or_default();
    let options = CsatOptions {
        method,
        threshold: extract_opt_int(threshold, "threshold")?,
        bottom_threshold: extract_opt_int(bottom_threshold, "bottom_threshold")?,
    };
    on_tally(
        "csat",
        scores,
        scale,
        Some(Scale::ONE_TO_FIVE),
        weights,
        on_invalid,
        |t| cxmetrics::csat(t, options),
    )
    .map(PyCsatResult)
}

/// Customer Effort Score with an explicit scale and polarity.
///
/// ``scale`` and ``higher_is_better`` are required: CES 1.0 (1–5, low = easy) and
/// CES 2.0 (1–7, high = easy) are both in use.
///
/// - ``"mean"`` (default): the mean score, in scale units.
/// - ``"percent_agree"``: ``100 × share(easy)``; easy is ``score >= threshold`` when
///   higher is better, else ``score <= threshold``.
/// - ``"net_effort"``: ``100 × (share(easy) − share(difficult))``, difficult being the
///   mirror of the easy side.
///
/// The default threshold is the first point strictly beyond the midpoint on the easy
/// side (1–7 higher-is-better → 5; 1–5 → 4; 1–5 lower-is-better → 2).
///
/// Args:
///     scores: list, tuple, numpy array, pandas / polars Series, or a :class:`Tally`
///         (then leave ``scale`` unset).
///     scale: the response scale (required for raw scores).
///     higher_is_better: ``True`` when a higher score means less effort.
///     method: ``"mean"``, ``"percent_agree"`` or ``"net_effort"``.
///     threshold: first point of the easy side, inclusive.
///     weights: optional per-response weights.
///     on_invalid: ``"error"`` (default) or ``"skip"``.
///
/// Returns:
///     CesResult
///
/// Raises:
///     CxMetricsError: ``empty``, ``invalid_argument`` (unknown method, threshold off
///         the scale or, for net_effort, not beyond the midpoint), and data errors.
///     TypeError: when ``scale`` or ``higher_is_better`` is missing, or for
///         non-numeric input.
///
/// >>> import cxmetrics as cx
/// >>> cx.ces([7, 6, 5, 4, 2], scale=(1, 7), higher_is_better=True).score
/// 4.8
/// >>> cx.ces([1, 2, 4, 5], scale=(1, 5), higher_is_better=False, method="net_effort").score
/// 0.0
#[pyfunction]
#[pyo3(
    signature = (scores, *, scale = None, higher_is_better, method = None, threshold = None, weights = None, on_invalid = None),
    text_signature = "(scores, *, scale, higher_is_better, method='mean', threshold=None, weights=None, on_invalid='error')"
)]
fn ces(
    scores: &Bound<'_, PyAny>,
    scale: Option<&Bound<'_, PyAny>>,
    higher_is_better: bool,
    method: Option<&Bound<'_, PyAny>>,
    threshold: Option<&Bound<'_, PyAny>>,
    weights: Option<&Bound<'_, PyAny>>,
    on_invalid: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyCesResult> {
    let method = by_name(method, "method", CesMethod::parse)?.unwrap_or_default();
    let options = CesOptions {
        higher_is_better,
        method,
        threshold: extract_opt_int(threshold, "threshold")?,
    };
    on_tally("ces", scores, scale, None, weights, on_invalid, |t| {
        cxmetrics::ces(t, options)
    })
    .map(PyCesResult)
}

/// Mean score in scale units, with its sample standard deviation.
///
/// ``mean = Σw·x / Σw``; ``std_dev`` is the n − 1 sample standard deviation (weighted:
/// Kish-corrected), ``None`` for a single response.
///
/// Args:
///     scores: list, tuple, numpy array, pandas / polars Series, or a :class:`Tally`
///         (then leave ``scale`` unset).
///     scale: the response scale (required for raw scores).
///     weights: optional per-response weights.
///     on_invalid: ``"error"`` (default) or ``"skip"``.
///
/// Returns:
///     MeanResult
///
/// Raises:
///     CxMetricsError: ``empty``, ``invalid_weight`` and the data errors.
///     TypeError: when ``scale`` is missing, or for non-numeric input.
///
/// >>> import cxmetrics as cx
/// >>> r = cx.mean([1, 2, 3, 4, 5], scale=(1, 5))
/// >>> r.score, r.std_dev == 2.5 ** 0.5
/// (3.0, True)
#[pyfunction]
#[pyo3(
    signature = (scores, *, scale = None, weights = None, on_invalid = None),
    text_signature = "(scores, *, scale, weights=None, on_invalid='error')"
)]
fn mean(
    scores: &Bound<'_, PyAny>,
    scale: Option<&Bound<'_, PyAny>>,
    weights: Option<&Bound<'_, PyAny>>,
    on_invalid: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyMeanResult> {
    on_tally(
        "mean",
        scores,
        scale,
        None,
        weights,
        on_invalid,
        cxmetrics::mean,
    )
    .map(PyMeanResult)
}

/// Percent of responses at or above ``threshold`` (default ``max - 1``: the top two points).
///
/// Args:
///     scores: list, tuple, numpy array, pandas / polars Series, or a :class:`Tally`
///         (then leave ``scale`` unset).
///     scale: the response scale (required for raw scores).
///     threshold: the box boundary, inclusive.
///     weights: optional per-response weights.
///     on_invalid: ``"error"`` (default) or ``"skip"``.
///
/// Returns:
///     BoxResult
///
/// Raises:
///     CxMetricsError: ``empty``, ``invalid_argument`` (threshold off the scale) and
///         the data errors.
///     TypeError: when ``scale`` is missing, or for non-numeric input.
///
/// >>> import cxmetrics as cx
/// >>> cx.top_box([5, 4, 3, 1], scale=(1, 5)).score
/// 50.0
/// >>> cx.top_box([5, 4, 3, 1], scale=(1, 5), threshold=5).score
/// 25.0
#[pyfunction]
#[pyo3(
    signature = (scores, *, scale = None, threshold = None, weights = None, on_invalid = None),
    text_signature = "(scores, *, scale, threshold=None, weights=None, on_invalid='error')"
)]
fn top_box(
    scores: &Bound<'_, PyAny>,
    scale: Option<&Bound<'_, PyAny>>,
    threshold: Option<&Bound<'_, PyAny>>,
    weights: Option<&Bound<'_, PyAny>>,
    on_invalid: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyBoxResult> {
    let threshold = extract_opt_int(threshold, "threshold")?;
    on_tally("top_box", scores, scale, None, weights, on_invalid, |t| {
        cxmetrics::top_box(t, threshold)
    })
    .map(PyBoxResult)
}

/// Percent of responses at or below ``threshold`` (default ``min + 1``: the bottom two points).
///
/// Args:
///     scores: list, tuple, numpy array, pandas / polars Series, or a :class:`Tally`
///         (then leave ``scale`` unset).
///     scale: the response scale (required for raw scores).
///     threshold: the box boundary, inclusive.
///     weights: optional per-response weights.
///     on_invalid: ``"error"`` (default) or ``"skip"``.
///
/// Returns:
///     BoxResult
///
/// Raises:
///     CxMetricsError: ``empty``, ``invalid_argument`` (threshold off the scale) and
///         the data errors.
///     TypeError: when ``scale`` is missing, or for non-numeric input.
///
/// >>> import cxmetrics as cx
/// >>> cx.bottom_box([5, 4, 2, 1], scale=(1, 5)).score
/// 50.0
#[pyfunction]
#[pyo3(
    signature = (scores, *, scale = None, threshold = None, weights = None, on_invalid = None),
    text_signature = "(scores, *, scale, threshold=None, weights=None, on_invalid='error')"
)]
fn bottom_box(
    scores: &Bound<'_, PyAny>,
    scale: Option<&Bound<'_, PyAny>>,
    threshold: Option<&Bound<'_, PyAny>>,
    weights: Option<&Bound<'_, PyAny>>,
    on_invalid: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyBoxResult> {
    let threshold = extract_opt_int(threshold, "threshold")?;
    on_tally(
        "bottom_box",
        scores,
        scale,
        None,
        weights,
        on_invalid,
        |t| cxmetrics::bottom_box(t, threshold),
    )
    .map(PyBoxResult)
}

/// The distribution of responses over the scale's points.
///
/// ``shares[k] = Σw[k] / Σw``; points nobody chose are listed with count 0.
///
/// Args:
///     scores: list, tuple, numpy array, pandas / polars Series, or a :class:`Tally`
///         (then leave ``scale`` unset).
///     scale: the response scale (required for raw scores).
///     weights: optional per-response weights.
///     on_invalid: ``"error"`` (default) or ``"skip"``.
///
/// Returns:
///     Distribution
///
/// Raises:
///     CxMetricsError: ``empty``, ``invalid_weight`` and the data errors.
///     TypeError: when ``scale`` is missing, or for non-numeric input.
///
/// >>> import cxmetrics as cx
/// >>> d = cx.distribution([1, 1, 0, 1], scale=cx.Scale.binary())
/// >>> d.points, d.counts, d.shares
/// ([0, 1], [1, 3], [0.25, 0.75])
#[pyfunction]
#[pyo3(
    signature = (scores, *, scale = None, weights = None, on_invalid = None),
    text_signature = "(scores, *, scale, weights=None, on_invalid='error')"
)]
fn distribution(
    scores: &Bound<'_, PyAny>,
    scale: Option<&Bound<'_, PyAny>>,
    weights: Option<&Bound<'_, PyAny>>,
    on_invalid: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyDistribution> {
    on_tally(
        "distribution",
        scores,
        scale,
        None,
        weights,
        on_invalid,
        cxmetrics::distribution,
    )
    .map(PyDistribution)
}

/// Test hook: the address of the memory `scores` would be read from when it is read in
/// place (a contiguous numpy array of a native integer or float dtype), else `None`.
/// Not part of the public API.
#[pyfunction]
fn _scores_address(scores: &Bound<'_, PyAny>) -> PyResult<Option<usize>> {
    Ok(extract_scores(scores)?.borrowed_address())
}

/// Registers this module's classes and functions.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyNpsResult>()?;
    m.add_class::<PyCsatResult>()?;
    m.add_class::<PyCesResult>()?;
    m.add_class::<PyMeanResult>()?;
    m.add_class::<PyBoxResult>()?;
    m.add_class::<PyDistribution>()?;
    m.add_function(wrap_pyfunction!(nps, m)?)?;
    m.add_function(wrap_pyfunction!(csat, m)?)?;
    m.add_function(wrap_pyfunction!(ces, m)?)?;
    m.add_function(wrap_pyfunction!(mean, m)?)?;
    m.add_function(wrap_pyfunction!(top_box, m)?)?;
    m.add_function(wrap_pyfunction!(bottom_box, m)?)?;
    m.add_function(wrap_pyfunction!(distribution, m)?)?;
    m.add_function(wrap_pyfunction!(_scores_address, m)?)?;
    Ok(())
}
