//! `cxmetrics.Scale`.

use cxmetrics::Scale;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::convert::{Role, extract_int, new_scale, scalar_to_f64};

/// An integer response scale ``min..=max`` with 2 to 101 points (immutable, hashable).
///
/// Scores are validated against the scale when they are tallied: a value outside
/// ``min..=max`` is ``out_of_scale``, a non-integer is ``not_integer``. Nothing is ever
/// shifted or rescaled silently. Anywhere a scale is accepted, a ``(min, max)`` tuple
/// works too.
///
/// Raises:
///     CxMetricsError: code ``invalid_scale`` when ``max <= min`` or the scale has more
///         than 101 points.
///     TypeError: when a bound is not an int.
///
/// Example:
///
/// >>> import cxmetrics as cx
/// >>> s = cx.Scale(1, 5)
/// >>> s
/// Scale(1, 5)
/// >>> s.points, s == cx.Scale.one_to_five(), s == cx.Scale(0, 10)
/// (5, True, False)
/// >>> cx.Scale(5, 1)
/// Traceback (most recent call last):
///     ...
/// cxmetrics.CxMetricsError: invalid scale 5–1: max must be greater than min (a scale needs at least 2 points)
#[pyclass(frozen, eq, hash, name = "Scale", module = "cxmetrics")]
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct PyScale(pub(crate) Scale);

#[pymethods]
#[allow(clippy::trivially_copy_pass_by_ref, reason = "pyo3 methods take &self")]
impl PyScale {
    #[new]
    fn new(min: &Bound<'_, PyAny>, max: &Bound<'_, PyAny>) -> PyResult<Self> {
        let min = extract_int(min, "scale min")?;
        let max = extract_int(max, "scale max")?;
        Ok(PyScale(new_scale(min, max)?))
    }

    /// The scale a metric uses when none is given (``Scale(0, 10)`` for ``"nps"``,
    /// ``Scale(1, 5)`` for ``"csat"``), or ``None`` for the metrics that need one
    /// (``"ces"``, ``"mean"``, ``"top_box"``, ``"bottom_box"``): the defaults of
    /// :func:`segment` and :func:`trend`.
    ///
    /// Raises:
    ///     CxMetricsError: ``invalid_argument`` for an unknown metric name.
    ///
    /// >>> import cxmetrics as cx
    /// >>> cx.Scale.default_for("csat"), cx.Scale.default_for("mean")
    /// (Scale(1, 5), None)
    #[staticmethod]
    fn default_for(metric: &str) -> PyResult<Option<Self>> {
        let kind = cxmetrics::MetricKind::parse(metric).map_err(crate::errors::core_err)?;
        Ok(kind.default_scale().map(PyScale))
    }

    /// 0–10, the Net Promoter Score "likelihood to recommend" scale.
    ///
    /// >>> import cxmetrics as cx
    /// >>> cx.Scale.nps()
    /// Scale(0, 10)
    #[staticmethod]
    fn nps() -> Self {
        PyScale(Scale::NPS)
    }

    /// 1–5 (CSAT, CES 1.0).
    ///
    /// >>> import cxmetrics as cx
    /// >>> cx.Scale.one_to_five()
    /// Scale(1, 5)
    #[staticmethod]
    fn one_to_five() -> Self {
        PyScale(Scale::ONE_TO_FIVE)
    }

    /// 1–7 (CES 2.0).
    ///
    /// >>> import cxmetrics as cx
    /// >>> cx.Scale.one_to_seven()
    /// Scale(1, 7)
    #[staticmethod]
    fn one_to_seven() -> Self {
        PyScale(Scale::ONE_TO_SEVEN)
    }

    /// 1–10 (a common mistake for NPS, which is 0–10; fine for other ratings).
    ///
    /// >>> import cxmetrics as cx
    /// >>> cx.Scale.one_to_ten()
    /// Scale(1, 10)
    #[staticmethod]
    fn one_to_ten() -> Self {
        PyScale(Scale::ONE_TO_TEN)
    }

    /// 0–1 (binary: resolved / not resolved, good / bad).
    ///
    /// >>> import cxmetrics as cx
    /// >>> cx.Scale.binary()
    /// Scale(0, 1)
    #[staticmethod]
    fn binary() -> Self {
        PyScale(Scale::BINARY)
    }

    /// The lowest point.
    #[getter]
    fn min(&self) -> i32 {
        self.0.min()
    }

    /// The highest point.
    #[getter]
    fn max(&self) -> i32 {
        self.0.max()
    }

    /// The number of points, ``max - min + 1`` (2…101).
    ///
    /// >>> import cxmetrics as cx
    /// >>> cx.Scale.nps().points
    /// 11
    #[getter]
    fn points(&self) -> usize {
        self.0.points()
    }

    /// Whether ``value`` is a point of this scale: a number with an integer value between
    /// ``min`` and ``max`` (exactly the scores a tally on this scale accepts).
    ///
    /// >>> import cxmetrics as cx
    /// >>> 4 in cx.Scale(1, 5), 5.0 in cx.Scale(1, 5), 0 in cx.Scale(1, 5), 4.5 in cx.Scale(1, 5)
    /// (True, True, False, False)
    fn __contains__(&self, value: &Bound<'_, PyAny>) -> bool {
        let Ok(x) = scalar_to_f64(value, Role::Scores, None) else {
            return false;
        };
        x.fract() == 0.0
            && x >= f64::from(i32::MIN)
            && x <= f64::from(i32::MAX)
            && self.0.contains(x as i32)
    }

    fn __repr__(&self) -> String {
        format!("Scale({}, {})", self.0.min(), self.0.max())
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let s = slf.get().0;
        let args = PyTuple::new(slf.py(), [s.min(), s.max()])?;
        Ok((slf.get_type().into_any(), args))
    }
}
