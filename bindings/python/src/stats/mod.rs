//! Statistics (issue 3): `Interval`, `Comparison`, `PairedNpsResult`, `compare`,
//! `paired_nps`, the standalone intervals, sample sizes and p-value adjustment.
//!
//! Every formula is the core's ([`cxmetrics::Estimate::interval`], [`cxmetrics::compare`],
//! …); this module converts arguments, calls the core and wraps what it returns.

use cxmetrics::{CompareMethod, Estimate, IntervalMethod, PAdjust};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyIterator, PyTuple};

use crate::convert::{Role, by_name, extract_count, extract_floats, extract_scores, opt_f64};
use crate::errors::{core_err, type_error, type_name};
use crate::lifecycle::{PyChurnResult, PyRateResult};
use crate::results::{PyBoxResult, PyCesResult, PyCsatResult, PyMeanResult, PyNpsResult};
use crate::service::{PyAhtResult, PyFcrResult};

mod mean_of;
mod sample_size;

pub(crate) use mean_of::PyMeanOfResult;

/// The default confidence level everywhere.
pub(crate) fn default_level() -> f64 {
    cxmetrics::Level::DEFAULT.get()
}

/// `level` (default 0.95) as a float; the core checks its range.
pub(crate) fn level_arg(level: Option<&Bound<'_, PyAny>>) -> PyResult<f64> {
    opt_f64(level, "level", default_level())
}

/// An interval method name, `None` for the default of the estimate's kind.
pub(crate) fn interval_method(
    method: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<IntervalMethod>> {
    by_name(method, "method", IntervalMethod::parse)
}

/// `Estimate::interval`, wrapped (used by every result class with inference).
pub(crate) fn interval_of(
    estimate: &Estimate,
    level: Option<&Bound<'_, PyAny>>,
    method: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyInterval> {
    interval_with(level, method, |l, m| estimate.interval(l, m))
}

/// An `interval(level, method)` method: reads the two arguments (defaults included) and
/// wraps what the core's `interval` returns.
pub(crate) fn interval_with(
    level: Option<&Bound<'_, PyAny>>,
    method: Option<&Bound<'_, PyAny>>,
    interval: impl FnOnce(f64, Option<IntervalMethod>) -> cxmetrics::Result<cxmetrics::Interval>,
) -> PyResult<PyInterval> {
    interval(level_arg(level)?, interval_method(method)?)
        .map(PyInterval)
        .map_err(core_err)
}

/// `Estimate::margin_of_error` (used by every result class with inference).
pub(crate) fn margin_of(estimate: &Estimate, level: Option<&Bound<'_, PyAny>>) -> PyResult<f64> {
    estimate
        .margin_of_error(level_arg(level)?)
        .map_err(core_err)
}

/// A confidence interval: ``lower``, ``upper`` (in the unit of the score it belongs to),
/// the ``level`` and the ``method`` that produced it.
///
/// Returned by every result's ``interval()`` and by :func:`proportion_interval` and
/// :func:`nps_interval`. Immutable; iterating yields ``lower`` then ``upper``, so
/// ``lo, hi = r.interval()`` works.
///
/// >>> import cxmetrics as cx
/// >>> ci = cx.nps_interval(50, 30, 20)
/// >>> round(ci.lower, 2), round(ci.upper, 2), ci.level, ci.method
/// (14.05, 44.2, 0.95, 'adjusted_wald')
/// >>> lo, hi = ci
/// >>> lo == ci.lower and hi == ci.upper
/// True
#[pyclass(frozen, eq, name = "Interval", module = "cxmetrics")]
#[derive(Clone, PartialEq)]
pub struct PyInterval(pub(crate) cxmetrics::Interval);

#[pymethods]
impl PyInterval {
    /// Lower limit, in the unit of the score (points, percent or scale units).
    #[getter]
    fn lower(&self) -> f64 {
        self.0.lower
    }

    /// Upper limit, in the unit of the score.
    #[getter]
    fn upper(&self) -> f64 {
        self.0.upper
    }

    /// Confidence level, strictly between 0 and 1.
    #[getter]
    fn level(&self) -> f64 {
        self.0.level
    }

    /// The method that produced it: ``"adjusted_wald"``, ``"wald"``, ``"wilson"``,
    /// ``"agresti_coull"``, ``"clopper_pearson"``, ``"jeffreys"`` or ``"t"``.
    #[getter]
    fn method(&self) -> &'static str {
        self.0.method.as_str()
    }

    /// The fields as a new ``dict``: ``lower``, ``upper``, ``level``, ``method``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("lower", self.0.lower)?;
        d.set_item("upper", self.0.upper)?;
        d.set_item("level", self.0.level)?;
        d.set_item("method", self.0.method.as_str())?;
        Ok(d)
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyIterator>> {
        PyTuple::new(py, [self.0.lower, self.0.upper])?.try_iter()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let f = |x: f64| -> PyResult<String> { Ok(PyFloat::new(py, x).repr()?.to_string()) };
        Ok(format!(
            "Interval(lower={}, upper={}, level={}, method='{}')",
            f(self.0.lower)?,
            f(self.0.upper)?,
            f(self.0.level)?,
            self.0.method.as_str()
        ))
    }

    /// The display as HTML (Jupyter, VS Code, nbviewer), written by the core: see
    /// ``NpsResult._repr_html_``.
    fn _repr_html_(&self) -> String {
        cxmetrics::chart::html(&self.0)
    }

    /// ``{"text/plain": repr(self), "text/html": self._repr_html_()}``, less the MIME
    /// types not in ``include`` / in ``exclude``.
    #[pyo3(signature = (include = None, exclude = None))]
    fn _repr_mimebundle_<'py>(
        &self,
        py: Python<'py>,
        include: Option<&Bound<'py, PyAny>>,
        exclude: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        crate::display::mimebundle(
            py,
            self.__repr__(py)?,
            cxmetrics::chart::html(&self.0),
            include,
            exclude,
        )
    }

    /// The result as a Vega-Lite v5 specification (a new ``dict``) with its numbers
    /// inlined under their field names, for Altair or any Vega-Lite renderer.
    fn to_vega_lite<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::display::vega(py, &cxmetrics::chart::vega_lite(&self.0))
    }
}

result_class! {
    /// The comparison ``a − b`` of two independent groups (returned by :func:`compare`).
    ///
    /// ``difference`` is the raw difference of the two scores, in their unit; ``lower`` and
    /// ``upper`` bound it at ``level``; ``statistic`` is z (or t for ``"welch"``, with
    /// ``df``), ``p_value`` its two-sided p-value.
    ///
    /// >>> import cxmetrics as cx
    /// >>> a = cx.nps([10] * 50 + [8] * 30 + [3] * 20)
    /// >>> b = cx.nps([10] * 40 + [8] * 30 + [3] * 30)
    /// >>> c = cx.compare(a, b, method="wald")
    /// >>> round(c.difference, 6), round(c.statistic, 4), round(c.p_value, 4), c.df
    /// (20.0, 1.7541, 0.0794, None)
    PyComparison(cxmetrics::Comparison) as "Comparison" <show> {
        /// ``score(a) − score(b)`` in the metric's unit (raw scores, not adjusted ones).
        difference: f64 = |r| r.difference;
        /// Lower limit of the interval for the difference.
        lower: f64 = |r| r.lower;
        /// Upper limit of the interval for the difference.
        upper: f64 = |r| r.upper;
        /// The test statistic: z, or t for ``"welch"``.
        statistic: f64 = |r| r.statistic;
        /// Two-sided p-value of "no difference".
        p_value: f64 = |r| r.p_value;
        /// Degrees of freedom of a t statistic (Welch–Satterthwaite); ``None`` for z tests.
        df: Option<f64> = |r| r.df;
        /// The method used: ``"adjusted_wald"``, ``"wald"``, ``"pooled_z"``,
        /// ``"agresti_caffo"``, ``"score"`` or ``"welch"``.
        method: &'static str = |r| r.method.as_str();
        /// Confidence level of the interval.
        level: f64 = |r| r.level;
    }
}

result_class! {
    /// The NPS change of the same respondents, ``after − before`` (returned by
    /// :func:`paired_nps`), tested with a paired t test.
    ///
    /// >>> import cxmetrics as cx
    /// >>> r = cx.paired_nps([6, 7, 9, 3, 8, 10], [9, 8, 9, 6, 9, 10])
    /// >>> round(r.difference, 9), r.n, r.missing, r.df, r.method
    /// (50.0, 6, 0, 5.0, 'paired_t')
    PyPairedNpsResult(cxmetrics::PairedNpsResult) as "PairedNpsResult" <show> {
        /// NPS(after) − NPS(before), in points.
        difference: f64 = |r| r.difference;
        /// Lower limit of the interval for the difference (clamped to −200).
        lower: f64 = |r| r.lower;
        /// Upper limit of the interval for the difference (clamped to 200).
        upper: f64 = |r| r.upper;
        /// The paired t statistic.
        statistic: f64 = |r| r.statistic;
        /// Two-sided p-value of "no change".
        p_value: f64 = |r| r.p_value;
        /// Degrees of freedom, ``n − 1``.
        df: f64 = |r| r.df;
        /// Always ``"paired_t"``.
        method: &'static str = |r| r.method.as_str();
        /// Confidence level of the interval.
        level: f64 = |r| r.level;
        /// Pairs used (both answers present).
        n: u64 = |r| r.n;
        /// Pairs dropped because one or both answers were missing.
        missing: u64 = |r| r.missing;
    }
}

/// The inference estimate of a result object (for `compare`).
pub(crate) fn estimate_of(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<Estimate> {
    macro_rules! try_cast {
        ($($ty:ty),*) => {$(
            if let Ok(r) = obj.cast::<$ty>() {
                return Ok(r.get().0.estimate());
            }
        )*};
    }
    try_cast!(
        PyNpsResult,
        PyCsatResult,
        PyCesResult,
        PyMeanResult,
        PyBoxResult,
        PyFcrResult,
        PyAhtResult,
        PyRateResult,
        PyChurnResult,
        PyMeanOfResult
    );
    Err(type_error(format!(
        "{name} must be a result with an estimate (NpsResult, CsatResult, CesResult, \
         MeanResult, BoxResult, FcrResult, AhtResult, RateResult, ChurnResult, MeanOfResult), not {}",
        type_name(obj)
    )))
}

/// Compares two independent groups: ``a − b``, with an interval, a test statistic and a
/// two-sided p-value.
///
/// ``a`` and ``b`` are results of the same kind: two net scores (NPS, CSAT ``net``, CES
/// ``net_effort``), two proportions (top / bottom box, CSAT ``top_box``, CES
/// ``percent_agree``) or two means. With weights, n is the Kish ``n_eff``.
///
/// Formulas (z = Φ⁻¹(1 − α/2)):
///
/// - net, ``"adjusted_wald"`` (default): c′, v′, n′ of each group as in the adjusted-Wald
///   interval; ``se = √(v′a/n′a + v′b/n′b)``, ``z = (c′a − c′b)/se``, interval
///   ``100 × (c′a − c′b ± z·se)``. ``"wald"``: the same on the raw shares.
/// - proportions, ``"pooled_z"`` (default): pooled z test,
///   ``z = (pa − pb)/√(p̄(1 − p̄)(1/na + 1/nb))``, with the Newcombe hybrid-score interval.
///   ``"wald"``: ``se = √(pa(1 − pa)/na + pb(1 − pb)/nb)``, ``z = (pa − pb)/se``, interval
///   ``pa − pb ± z·se``. ``"agresti_caffo"``: the same after adding one success and one
///   failure to each group. ``"score"``: Miettinen–Nurminen, the score test (restricted
///   maximum-likelihood variance times N/(N − 1)) and the interval that inverts it, as R
///   ``PropCIs::diffscoreci``. These are statsmodels' ``confint_proportions_2indep`` /
///   ``test_proportions_2indep`` methods (``newcomb``, ``wald``, ``agresti-caffo``,
///   ``score``); ``score`` prefers the interval that agrees with its test, ``agresti_caffo``
///   is a closed-form repair of Wald, ``wald`` is for large samples only.
/// - means (``MeanResult``, ``MeanOfResult``, ``AhtResult``), ``"welch"`` (default and
///   only): Welch's t test with Welch–Satterthwaite ``df``.
///
/// Edge cases: the sign is kept (a fall is negative). ``difference`` is the raw difference
/// of the scores; the adjusted-Wald interval is centred on the adjusted one. Two
/// proportions both 0 % or both 100 % give z = 0 and p = 1. For the same respondents
/// measured twice use :func:`paired_nps`. Proportion intervals are clamped to −100…100.
///
/// Args:
///     a: a result (NpsResult, CsatResult, CesResult, MeanResult, BoxResult, MeanOfResult,
///         and the rate results FcrResult, RateResult, ChurnResult, AhtResult).
///     b: a result of the same kind.
///     level: confidence level in (0, 1), default 0.95.
///     method: ``None`` (the default of the kind), ``"adjusted_wald"``, ``"wald"``,
///         ``"pooled_z"``, ``"agresti_caffo"``, ``"score"`` or ``"welch"``.
///
/// Returns:
///     Comparison
///
/// Raises:
///     CxMetricsError: ``invalid_argument`` for a bad level, results of different kinds,
///         or a method that does not apply; ``insufficient_data`` for a mean of one
///         response, or two groups with zero variance and different values (for
///         proportions only ``"wald"``, 0 % against 100 %).
///     TypeError: when ``a`` or ``b`` is not a result.
///
/// >>> import cxmetrics as cx
/// >>> a = cx.top_box([5] * 70 + [1] * 30, scale=(1, 5))
/// >>> b = cx.top_box([5] * 60 + [1] * 40, scale=(1, 5))
/// >>> c = cx.compare(a, b)
/// >>> c.method, round(c.difference, 9), round(c.p_value, 4)
/// ('pooled_z', 10.0, 0.1382)
/// >>> s = cx.compare(a, b, method="score")
/// >>> s.method, round(s.lower, 4), round(s.upper, 4)
/// ('score', -3.2584, 22.9481)
#[pyfunction]
#[pyo3(
    signature = (a, b, *, level = None, method = None),
    text_signature = "(a, b, *, level=0.95, method=None)"
)]
fn compare(
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
    level: Option<&Bound<'_, PyAny>>,
    method: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyComparison> {
    let ea = estimate_of(a, "a")?;
    let eb = estimate_of(b, "b")?;
    let level = level_arg(level)?;
    let method = by_name(method, "method", CompareMethod::parse)?;
    cxmetrics::compare(&ea, &eb, level, method)
        .map(PyComparison)
        .map_err(core_err)
}

/// Paired NPS change for the same respondents, ``after − before``, on the 0–10 scale.
///
/// Each respondent is coded +1 (promoter, 9–10), 0 (passive, 7–8) or −1 (detractor,
/// 0–6) at both times; the change is the mean of the per-respondent differences, in
/// points, tested with a paired t test. Treating the two waves as independent groups
/// would overstate the uncertainty.
///
/// Formula: ``dᵢ = code(afterᵢ) − code(beforeᵢ)``, ``Δ = 100·mean(d)``,
/// ``t = mean(d)/(s_d/√n)``, ``df = n − 1``, interval ``100·(mean(d) ± t(n − 1)·s_d/√n)``
/// clamped to ±200.
///
/// Edge cases: a pair with either answer missing (None / NaN) is dropped and counted in
/// ``missing``. Everyone unchanged gives difference 0, statistic 0, p-value 1 and the
/// interval [0, 0].
///
/// Args:
///     before: 0–10 scores at the first time (list, numpy array, pandas / polars Series).
///     after: 0–10 scores of the same respondents, in the same order.
///     level: confidence level in (0, 1), default 0.95.
///
/// Returns:
///     PairedNpsResult
///
/// Raises:
///     CxMetricsError: ``length_mismatch``; ``out_of_scale`` / ``not_integer`` /
///         ``not_finite`` with the pair's ``index``; ``insufficient_data`` with fewer
///         than 2 complete pairs or when everyone changed by the same non-zero amount;
///         ``invalid_argument`` for a bad level.
///     TypeError: for a container or value that is not numeric.
///
/// >>> import cxmetrics as cx
/// >>> r = cx.paired_nps([6, 7, 9, 3, None], [9, 8, 9, 6, 10])
/// >>> r.difference, r.n, r.missing
/// (50.0, 4, 1)
#[pyfunction]
#[pyo3(
    signature = (before, after, *, level = None),
    text_signature = "(before, after, *, level=0.95)"
)]
fn paired_nps(
    before: &Bound<'_, PyAny>,
    after: &Bound<'_, PyAny>,
    level: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyPairedNpsResult> {
    let before = extract_scores(before)?.to_f64();
    let after = extract_scores(after)?.to_f64();
    let level = level_arg(level)?;
    cxmetrics::paired_nps(&before, &after, level)
        .map(PyPairedNpsResult)
        .map_err(core_err)
}

/// A confidence interval for ``successes`` out of ``n``, in percent.
///
/// Formula: as ``interval()`` of a proportion with ``p = successes / n``; Wilson by
/// default: ``(p + z²/2n ± z √(p(1 − p)/n + z²/4n²)) / (1 + z²/n)``, × 100.
///
/// Edge cases: 0 or n successes still give an interval with width (except Wald, which
/// collapses to a point). Clopper–Pearson's lower limit is 0 at 0 successes and its
/// upper limit 100 at n.
///
/// Args:
///     successes: an int from 0 to ``n``.
///     n: the number of trials, an int > 0.
///     level: confidence level in (0, 1), default 0.95.
///     method: ``"wilson"`` (default), ``"wald"``, ``"agresti_coull"``,
///         ``"clopper_pearson"`` or ``"jeffreys"``.
///
/// Returns:
///     Interval
///
/// Raises:
///     CxMetricsError: ``empty`` when ``n == 0``; ``invalid_argument`` when
///         ``successes > n`` or a count is negative, for a bad level or a method that is
///         not a proportion method.
///     TypeError: for a count that is not an int.
///
/// >>> import cxmetrics as cx
/// >>> ci = cx.proportion_interval(70, 100)
/// >>> round(ci.lower, 2), round(ci.upper, 2), ci.method
/// (60.42, 78.11, 'wilson')
#[pyfunction]
#[pyo3(
    signature = (successes, n, *, level = None, method = None),
    text_signature = "(successes, n, *, level=0.95, method=None)"
)]
fn proportion_interval(
    successes: &Bound<'_, PyAny>,
    n: &Bound<'_, PyAny>,
    level: Option<&Bound<'_, PyAny>>,
    method: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyInterval> {
    let successes = extract_count(successes, "successes")?;
    let n = extract_count(n, "n")?;
    let level = level_arg(level)?;
    let method = interval_method(method)?;
    cxmetrics::proportion_interval(successes, n, level, method)
        .map(PyInterval)
        .map_err(core_err)
}

/// A confidence interval for the NPS of ``promoters``, ``passives`` and ``detractors``
/// counts, in points.
///
/// Formula: adjusted Wald by default (Rocks 2016 / MeasuringU): n′ = n + 3,
/// p′ = (promoters + ¾)/n′, d′ = (detractors + ¾)/n′, c′ = p′ − d′,
/// ``100 × (c′ ± z √((p′ + d′ − c′²)/n′))``, clamped to [−100, 100]. ``"wald"`` uses the
/// raw shares and n.
///
/// Edge cases: all passives give a non-degenerate adjusted-Wald interval and [0, 0] with
/// Wald.
///
/// Args:
///     promoters: count of 9–10 answers (int >= 0).
///     passives: count of 7–8 answers.
///     detractors: count of 0–6 answers.
///     level: confidence level in (0, 1), default 0.95.
///     method: ``"adjusted_wald"`` (default) or ``"wald"``.
///
/// Returns:
///     Interval
///
/// Raises:
///     CxMetricsError: ``empty`` when all counts are 0; ``invalid_argument`` for a
///         negative count, a bad level or a method that is not a net-score method.
///     TypeError: for a count that is not an int.
///
/// >>> import cxmetrics as cx
/// >>> ci = cx.nps_interval(50, 30, 20)
/// >>> round(ci.lower, 2), round(ci.upper, 2)
/// (14.05, 44.2)
/// >>> w = cx.nps_interval(50, 30, 20, method="wald")
/// >>> round(w.lower, 2), round(w.upper, 2)
/// (14.69, 45.31)
#[pyfunction]
#[pyo3(
    signature = (promoters, passives, detractors, *, level = None, method = None),
    text_signature = "(promoters, passives, detractors, *, level=0.95, method=None)"
)]
fn nps_interval(
    promoters: &Bound<'_, PyAny>,
    passives: &Bound<'_, PyAny>,
    detractors: &Bound<'_, PyAny>,
    level: Option<&Bound<'_, PyAny>>,
    method: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyInterval> {
    let p = extract_count(promoters, "promoters")?;
    let a = extract_count(passives, "passives")?;
    let d = extract_count(detractors, "detractors")?;
    let level = level_arg(level)?;
    let method = interval_method(method)?;
    cxmetrics::nps_interval(p, a, d, level, method)
        .map(PyInterval)
        .map_err(core_err)
}
/// P-values adjusted for multiple comparisons, in the input's order.
///
/// Formulas, with the p-values sorted ascending p₍₁₎ ≤ … ≤ p₍ₘ₎:
///
/// - ``"holm"`` (default, family-wise error rate): ``p̃₍ᵢ₎ = maxⱼ≤ᵢ min(1, (m − j + 1)·p₍ⱼ₎)``
/// - ``"bh"`` (Benjamini–Hochberg, false discovery rate):
///   ``p̃₍ᵢ₎ = minⱼ≥ᵢ min(1, m/j · p₍ⱼ₎)``
///
/// Edge cases: an empty input gives an empty list; ties keep their order.
///
/// Args:
///     p_values: p-values in [0, 1] (list, tuple, numpy array, pandas / polars Series).
///     method: ``"holm"`` or ``"bh"``.
///
/// Returns:
///     list[float]
///
/// Raises:
///     CxMetricsError: ``invalid_argument`` for a p-value outside [0, 1], NaN or None
///         (with its ``index``) or an unknown method.
///     TypeError: for a container or value that is not numeric.
///
/// >>> import cxmetrics as cx
/// >>> cx.adjust_p_values([0.01, 0.04, 0.03])
/// [0.03, 0.06, 0.06]
/// >>> [round(p, 6) for p in cx.adjust_p_values([0.01, 0.04, 0.03], method="bh")]
/// [0.03, 0.04, 0.04]
#[pyfunction]
#[pyo3(
    signature = (p_values, *, method = None),
    text_signature = "(p_values, *, method='holm')"
)]
fn adjust_p_values(
    p_values: &Bound<'_, PyAny>,
    method: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<f64>> {
    let p = extract_floats(p_values, Role::Floats("p_values", "p-value"))?;
    let method = by_name(method, "method", PAdjust::parse)?.unwrap_or(PAdjust::Holm);
    cxmetrics::adjust_p_values(p.as_slice(), method).map_err(core_err)
}

/// Registers this module's classes and functions.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyInterval>()?;
    m.add_class::<PyComparison>()?;
    m.add_class::<PyPairedNpsResult>()?;
    m.add_function(wrap_pyfunction!(compare, m)?)?;
    m.add_function(wrap_pyfunction!(paired_nps, m)?)?;
    m.add_function(wrap_pyfunction!(proportion_interval, m)?)?;
    m.add_function(wrap_pyfunction!(nps_interval, m)?)?;
    m.add_function(wrap_pyfunction!(adjust_p_values, m)?)?;
    sample_size::register(m)?;
    mean_of::register(m)?;
    Ok(())
}
