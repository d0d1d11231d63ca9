//! Trends (issue 5): `trend`, `TrendTable`.
//!
//! Times are converted to instants and go to [`cxmetrics::Trend::from_scores`] with the
//! metric options of `segment` (module `segments`); every period, interval, comparison
//! and p-value adjustment is the core's.
#![allow(
    clippy::doc_link_with_quotes,
    reason = "the docstrings are Python; their examples have lists of strings"
)]

use cxmetrics::jiff::civil::Date;
use cxmetrics::{OnInvalid, PAdjust, Period, ReportOptions, Trend};
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyDict, PyList};

use crate::convert::{
    DETACH_THRESHOLD, by_name, extract_on_invalid, extract_opt_u32, extract_weights, opt_f64,
};
use crate::errors::{core_err, cx_error, no_panic};
use crate::results::{row_dicts, set_field_columns};
use crate::segments::{MetricArgs, frame_helper, min_n_arg};
use crate::stats::{interval_method, level_arg};
use crate::time::{required_instants, time_zone};

/// A calendar date as a Python `datetime.date`.
pub(crate) struct PyCivilDate(Date);

impl<'py> IntoPyObject<'py> for PyCivilDate {
    type Target = PyDate;
    type Output = Bound<'py, PyDate>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyDate>> {
        let d = self.0;
        if d.year() < 1 {
            return Err(cx_error(
                "invalid_argument",
                format!("the date {d} is before year 1, which Python's datetime cannot hold"),
                None,
            ));
        }
        PyDate::new(py, i32::from(d.year()), d.month() as u8, d.day() as u8)
    }
}

result_class! {
    /// One period of a :class:`TrendTable`.
    ///
    /// ``change`` / ``p_value`` compare the period with the latest earlier period that was
    /// compared (low-n periods are shown but skipped); ``p_adjusted`` is adjusted across
    /// all compared periods; ``significant`` is ``p_adjusted < alpha``.
    ///
    /// >>> import cxmetrics as cx
    /// >>> t = cx.trend([10, 0, 9], ["2026-01-05T10:00:00Z", "2026-01-20T10:00:00Z", "2026-02-03T10:00:00Z"], min_n=1)
    /// >>> r = t.rows[1]
    /// >>> r.start, r.label, r.n, r.score, r.change
    /// (datetime.date(2026, 2, 1), '2026-02', 1, 100.0, 100.0)
    PyTrendRow(cxmetrics::TrendRow) as "TrendRow" {
        /// The first local date of the period (the Monday for ISO weeks).
        start: PyCivilDate = |r| PyCivilDate(r.start);
        /// ``"2026-03-02"``, ``"2026-W10"``, ``"2026-03"`` or ``"2026-Q1"`` (rolling
        /// windows: ``"2026-03-02 (last 7 d)"``).
        label: String = |r| r.label.clone();
        /// Valid responses.
        n: u64 = |r| r.n;
        /// Missing responses.
        missing: u64 = |r| r.missing;
        /// The metric (``None`` without a valid response).
        score: Option<f64> = |r| r.score;
        /// Lower limit of the default interval.
        lower: Option<f64> = |r| r.lower;
        /// Upper limit of the default interval.
        upper: Option<f64> = |r| r.upper;
        /// ``n < min_n``: shown, but neither compared nor a baseline.
        low_n: bool = |r| r.low_n;
        /// ``score − score of the previous compared period`` (``None`` when not compared).
        change: Option<f64> = |r| r.change;
        /// Two-sided p-value of the change (adjusted-Wald z, pooled z or Welch t).
        p_value: Option<f64> = |r| r.p_value;
        /// The p-value adjusted across all compared periods (Holm or BH).
        p_adjusted: Option<f64> = |r| r.p_adjusted;
        /// ``p_adjusted < alpha``.
        significant: bool = |r| r.significant;
    }
}

/// A trend report: one :class:`TrendRow` per period with data, in time order. Iterable,
/// with ``len()``; ``to_pandas()`` / ``to_polars()`` give one frame row per period.
///
/// >>> import cxmetrics as cx
/// >>> t = cx.trend([10, 0, 9], ["2026-01-05T10:00:00Z", "2026-01-20T10:00:00Z", "2026-02-03T10:00:00Z"], min_n=1)
/// >>> [(r.label, r.score) for r in t]
/// [('2026-01', 0.0), ('2026-02', 100.0)]
#[pyclass(frozen, eq, name = "TrendTable", module = "cxmetrics")]
#[derive(Clone, PartialEq)]
pub struct PyTrendTable {
    rows: Vec<cxmetrics::TrendRow>,
    metric: String,
    period: String,
    /// The metric and scale, kept for the chart's axis (`SurveyMetric::value_range`).
    survey: cxmetrics::SurveyMetric,
    scale: cxmetrics::Scale,
}

const TREND_FIELDS: [&str; 12] = [
    "start",
    "label",
    "n",
    "missing",
    "score",
    "lower",
    "upper",
    "low_n",
    "change",
    "p_value",
    "p_adjusted",
    "significant",
];

#[pymethods]
impl PyTrendTable {
    /// The periods, in time order.
    #[getter]
    fn rows(&self) -> Vec<PyTrendRow> {
        self.rows.iter().cloned().map(PyTrendRow).collect()
    }

    /// The metric: ``"nps"``, ``"csat"``, ``"ces"``, ``"mean"``, ``"top_box"`` or
    /// ``"bottom_box"``.
    #[getter]
    fn metric(&self) -> &str {
        &self.metric
    }

    /// The period: ``"day"``, ``"week"``, ``"month"`` or ``"quarter"``.
    #[getter]
    fn period(&self) -> &str {
        &self.period
    }

    fn __len__(&self) -> usize {
        self.rows.len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyIterator>> {
        PyList::new(py, self.rows())?.try_iter()
    }

    /// ``table[i]`` is a :class:`TrendRow` (negative ``i`` from the end), ``table[a:b]`` a
    /// list of them, as in a list.
    ///
    /// >>> import cxmetrics as cx
    /// >>> t = cx.trend([10, 0], ["2026-01-05T10:00:00Z", "2026-02-05T10:00:00Z"], min_n=1)
    /// >>> t[0].label, t[-1].score, len(t[5:])
    /// ('2026-01', -100.0, 0)
    ///
    /// Raises:
    ///     IndexError: for an index outside the rows.
    ///     TypeError: for an index that is neither an int nor a slice.
    fn __getitem__<'py>(
        &self,
        py: Python<'py>,
        index: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        crate::display::index_rows(py, &self.rows, index, |r| PyTrendRow(r.clone()))
    }

    /// The periods as an HTML table with inline bars, the metric's convention and the
    /// chart (an ``<img>`` with a base64 ``data:`` URI); written by the core.
    fn _repr_html_(&self) -> String {
        cxmetrics::chart::html(&self.view())
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
            self.__repr__(),
            cxmetrics::chart::html(&self.view()),
            include,
            exclude,
        )
    }

    /// The report as a Vega-Lite v5 specification (a new ``dict``): one record per period
    /// (``period``, ``start``, ``n``, ``score``, ``lower``, ``upper``, ``low_n``,
    /// ``change``, ``p_adjusted``, ``significant``), a line over its interval band.
    fn to_vega_lite<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::display::vega(py, &cxmetrics::chart::vega_lite(&self.view()))
    }

    /// The chart as standalone SVG text: the score per period as a line, its interval as a
    /// band, low-n periods hollow, significant changes marked.
    fn to_svg(&self) -> String {
        cxmetrics::chart::trend(&self.rows, &self.survey, self.scale)
    }

    /// The report as a new ``dict``: ``rows`` (a list of dicts), ``metric``, ``period``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("rows", row_dicts(py, &self.rows(), PyTrendRow::to_dict)?)?;
        d.set_item("metric", &self.metric)?;
        d.set_item("period", &self.period)?;
        Ok(d)
    }

    /// The periods as a pandas ``DataFrame`` with the columns of :class:`TrendRow`
    /// (``start`` holds ``datetime.date`` objects; ``None`` → NaN).
    ///
    /// Raises:
    ///     ImportError: when pandas is not installed (``pip install cxmetrics[pandas]``).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frame_helper(py)?.call1((self.columns(py)?, "pandas"))
    }

    /// The periods as a polars ``DataFrame`` (``start`` is a ``Date`` column; ``None`` →
    /// null).
    ///
    /// Raises:
    ///     ImportError: when polars is not installed (``pip install cxmetrics[polars]``).
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frame_helper(py)?.call1((self.columns(py)?, "polars"))
    }

    /// The header, then the periods as an aligned table (the core's text; more than 60
    /// rows show the first and last 5, like pandas).
    fn __repr__(&self) -> String {
        format!(
            "TrendTable(metric='{}', period='{}', rows={})\n{}",
            self.metric,
            self.period,
            self.rows.len(),
            cxmetrics::chart::text_rows(&self.view()).unwrap_or_default()
        )
    }
}

impl PyTrendTable {
    /// The report with what its display needs.
    fn view(&self) -> cxmetrics::chart::TrendView<'_> {
        cxmetrics::chart::TrendView {
            rows: &self.rows,
            metric: &self.survey,
            scale: self.scale,
            period: &self.period,
        }
    }

    fn columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dicts = row_dicts(py, &self.rows(), PyTrendRow::to_dict)?;
        let d = PyDict::new(py);
        set_field_columns(&d, &dicts, &TREND_FIELDS)?;
        Ok(d)
    }
}

/// A survey metric per calendar period, with intervals and period-over-period changes
/// tested for significance (p-values adjusted across periods).
///
/// Each response falls in the period containing its **local** date in ``time_zone``
/// (23:30 UTC on 31 January is February in Berlin). Each period is compared with the
/// latest earlier period that has ``n >= min_n`` and a score: adjusted-Wald z for net
/// scores, pooled z for proportions, Welch t for means; the p-values of all compared
/// periods are adjusted (Holm or Benjamini–Hochberg) and ``significant`` is
/// ``p_adjusted < alpha``.
///
/// Formula: ``period(t) = start of the period containing the local date of t``;
/// ``change[i] = score[i] − score[j]``, ``p[i]`` from ``compare(period i, period j)``
/// with j the latest earlier compared period; ``p_adjusted = adjust_p_values(p, method=
/// adjust)`` over the compared periods.
///
/// Args:
///     scores: the responses (list, numpy array, pandas / polars Series).
///     times: one instant per response (aware datetimes, numpy datetime64 as UTC, a
///         tz-aware pandas / polars column, or ISO 8601 strings with an offset).
///     period: ``"month"`` (default), ``"week"`` (ISO weeks, Monday first), ``"day"`` or
///         ``"quarter"``.
///     time_zone: the IANA zone whose local dates define the periods (default ``"UTC"``).
///     metric: as :func:`segment`, with the same metric options and ``scale``,
///         ``weights``, ``on_invalid``, ``level`` and ``method``.
///     min_n: periods with fewer valid responses are shown but not compared (default 30).
///     adjust: ``"holm"`` (default) or ``"bh"``.
///     alpha: significance level for ``significant`` (default 0.05).
///     rolling_days: with ``period="day"``: one row per day with data, over the window of
///         the last ``rolling_days`` days (that day included).
///
/// Returns:
///     TrendTable
///
/// Edge cases: periods without responses are not listed; a period whose responses are
/// all missing is listed with ``score=None``. No responses give an empty table.
///
/// Raises:
///     CxMetricsError: ``length_mismatch``; row errors with their ``index`` in your input;
///         ``invalid_argument`` for an unknown period / metric / adjust, alpha outside
///         (0, 1), ``rolling_days`` without ``period="day"`` or 0, a missing or naive
///         time; ``unknown_time_zone``.
///     TypeError: for values of the wrong type.
///
/// >>> import cxmetrics as cx
/// >>> times = ["2026-01-31T23:30:00Z", "2026-02-01T10:00:00+01:00"]
/// >>> [r.label for r in cx.trend([10, 9], times, min_n=1)], [r.label for r in cx.trend([10, 9], times, time_zone="Europe/Berlin", min_n=1)]
/// (['2026-01', '2026-02'], ['2026-02'])
#[pyfunction]
#[pyo3(
    signature = (scores, times, *, period = None, time_zone = None, metric = None, scale = None, weights = None, on_invalid = None, min_n = None, level = None, method = None, adjust = None, alpha = None, rolling_days = None, buckets = None, csat_method = None, threshold = None, bottom_threshold = None, higher_is_better = None, ces_method = None),
    text_signature = "(scores, times, *, period='month', time_zone='UTC', metric='nps', scale=None, weights=None, on_invalid='error', min_n=30, level=0.95, method=None, adjust='holm', alpha=0.05, rolling_days=None, buckets=None, csat_method=None, threshold=None, bottom_threshold=None, higher_is_better=None, ces_method=None)"
)]
#[allow(
    clippy::too_many_arguments,
    reason = "mirrors the documented keyword options"
)]
fn trend(
    py: Python<'_>,
    scores: &Bound<'_, PyAny>,
    times: &Bound<'_, PyAny>,
    period: Option<&Bound<'_, PyAny>>,
    time_zone: Option<&Bound<'_, PyAny>>,
    metric: Option<&Bound<'_, PyAny>>,
    scale: Option<&Bound<'_, PyAny>>,
    weights: Option<&Bound<'_, PyAny>>,
    on_invalid: Option<&Bound<'_, PyAny>>,
    min_n: Option<&Bound<'_, PyAny>>,
    level: Option<&Bound<'_, PyAny>>,
    method: Option<&Bound<'_, PyAny>>,
    adjust: Option<&Bound<'_, PyAny>>,
    alpha: Option<&Bound<'_, PyAny>>,
    rolling_days: Option<&Bound<'_, PyAny>>,
    buckets: Option<&Bound<'_, PyAny>>,
    csat_method: Option<&Bound<'_, PyAny>>,
    threshold: Option<&Bound<'_, PyAny>>,
    bottom_threshold: Option<&Bound<'_, PyAny>>,
    higher_is_better: Option<&Bound<'_, PyAny>>,
    ces_method: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyTrendTable> {
    let scale_labels = scale
        .map(crate::convert::extract_scale_arg)
        .transpose()?
        .and_then(|a| a.labels);
    let (name, metric, scale) = MetricArgs {
        metric,
        scale,
        buckets,
        csat_method,
        threshold,
        bottom_threshold,
        higher_is_better,
        ces_method,
    }
    .resolve("trend")?;
    let period = by_name(period, "period", Period::parse)?.unwrap_or_default();
    let period_name = period.as_str().to_owned();
    let tz = match time_zone {
        None => cxmetrics::trends::default_time_zone(),
        Some(z) => self::time_zone(z, "time_zone")?,
    };
    let defaults = ReportOptions::default();
    let options = ReportOptions {
        level: level_arg(level)?,
        method: interval_method(method)?,
        min_n: min_n_arg(min_n)?,
        adjust: by_name(adjust, "adjust", PAdjust::parse)?.unwrap_or(defaults.adjust),
        alpha: opt_f64(alpha, "alpha", defaults.alpha)?,
    };
    let rolling = extract_opt_u32(rolling_days, "rolling_days")?;
    let on_invalid: OnInvalid = extract_on_invalid(on_invalid)?;
    let times = required_instants(times, "times", None, "every response needs its time")?;
    let scores = crate::convert::extract_scores_on(
        scores,
        &crate::convert::ScaleArg {
            scale,
            labels: scale_labels,
        },
        on_invalid,
    )?;
    let weights = weights.map(extract_weights).transpose()?;
    let w = weights.as_ref().map(crate::convert::Column::as_slice);
    let rows = with_slice!(&scores, s => {
        let run = || {
            let tr = Trend::from_scores(scale, &times, s, w, on_invalid, period, tz.clone())?;
            match rolling {
                Some(days) => tr.rolling(days, metric, &options),
                None => tr.report(metric, &options),
            }
        };
        if s.len() > DETACH_THRESHOLD { py.detach(|| no_panic(run)) } else { no_panic(run) }
    })
    .map_err(core_err)?;
    Ok(PyTrendTable {
        rows,
        metric: name,
        period: period_name,
        survey: metric,
        scale,
    })
}

/// Registers this module's classes and functions.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyTrendRow>()?;
    m.add_class::<PyTrendTable>()?;
    m.add_function(wrap_pyfunction!(trend, m)?)?;
    Ok(())
}
