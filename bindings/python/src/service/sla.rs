//! SLA attainment per priority.
#![allow(
    clippy::doc_link_with_quotes,
    reason = "the docstrings are Python; their examples have lists of strings"
)]

use cxmetrics::DurationMetric;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyMapping, PyString};

use super::with_options;
use crate::convert::by_name;
use crate::errors::{type_error, type_name};
use crate::results::row_dicts;
use crate::stats::{PyInterval, interval_with};
use crate::time::seconds;

result_class! {
    /// One row of an SLA report: a priority, or the overall row (see :func:`sla`).
    ///
    /// ``achieved`` completed within the target, ``breached`` completed late or still open
    /// past it, ``running`` still open within it (not decided, not in ``n``);
    /// ``score = 100 × achieved / n`` (``None`` when ``n == 0``).
    ///
    /// >>> import cxmetrics as cx
    /// >>> t = cx.Tickets(["2026-11-02T09:00:00Z"] * 2, priority=["high", "high"],
    /// ...                first_response=["2026-11-02T09:30:00Z", "2026-11-02T11:00:00Z"])
    /// >>> row = cx.sla(t, targets={"high": 3600}).rows[0]
    /// >>> row.priority, row.target, row.achieved, row.breached, row.score
    /// ('high', 3600.0, 1, 1, 50.0)
    PySlaRow(cxmetrics::SlaRow) as "SlaRow" {
        /// The priority (``None`` on the overall row and for tickets without one).
        priority: Option<String> = |r| r.priority.clone();
        /// The target in seconds (``None`` on the overall row).
        target: Option<f64> = |r| r.target;
        /// Completed within the target (a duration equal to it counts as achieved).
        achieved: u64 = |r| r.achieved;
        /// Completed late, or still open and already past the target.
        breached: u64 = |r| r.breached;
        /// Still open and within the target (not decided yet, not in ``n``).
        running: u64 = |r| r.running;
        /// ``achieved + breached``.
        n: u64 = |r| r.n;
        /// ``100 × achieved / n``; ``None`` when nothing is decided yet.
        score: Option<f64> = |r| r.score;
    }
    methods {
        /// A confidence interval for the attainment ``score``, in percent (Wilson by
        /// default; ``"wald"``, ``"agresti_coull"``, ``"clopper_pearson"``, ``"jeffreys"``).
        ///
        /// Raises:
        ///     CxMetricsError: ``empty`` when nothing is decided (``n == 0``);
        ///         ``invalid_argument`` for a bad level or a non-proportion method.
        ///     TypeError: for a level that is not a number or a method that is not a str.
        #[pyo3(
            signature = (level = None, *, method = None),
            text_signature = "($self, level=0.95, *, method=None)"
        )]
        fn interval(
            &self,
            level: Option<&Bound<'_, PyAny>>,
            method: Option<&Bound<'_, PyAny>>,
        ) -> PyResult<PyInterval> {
            interval_with(level, method, |l, m| self.0.interval(l, m))
        }
    }
}

/// An SLA report (returned by :func:`sla`): one row per priority, an overall row, and
/// the count of tickets without a target.
///
/// >>> import cxmetrics as cx
/// >>> t = cx.Tickets(["2026-11-02T09:00:00Z"] * 3, priority=["high", "low", None],
/// ...                first_response=["2026-11-02T09:30:00Z", "2026-11-02T11:00:00Z", None])
/// >>> r = cx.sla(t, targets={"high": 3600, "*": 7200})
/// >>> [(row.priority, row.achieved, row.breached, row.running) for row in r.rows]
/// [('high', 1, 0, 0), ('low', 1, 0, 0), (None, 0, 0, 1)]
/// >>> r.overall.score, r.untargeted, r.metric, r.clock
/// (100.0, 0, 'first_response', 'calendar')
#[pyclass(frozen, eq, name = "SlaResult", module = "cxmetrics")]
#[derive(Clone, PartialEq)]
pub struct PySlaResult(cxmetrics::SlaResult);

#[pymethods]
impl PySlaResult {
    /// One row per priority among the targeted tickets, sorted by priority (byte
    /// order), the row of tickets without a priority last.
    #[getter]
    fn rows(&self) -> Vec<PySlaRow> {
        self.0.rows.iter().cloned().map(PySlaRow).collect()
    }

    /// All targeted tickets together (``priority`` and ``target`` are ``None``).
    #[getter]
    fn overall(&self) -> PySlaRow {
        PySlaRow(self.0.overall.clone())
    }

    /// Tickets whose priority has no target and there is no ``"*"`` default.
    #[getter]
    fn untargeted(&self) -> u64 {
        self.0.untargeted
    }

    /// The duration measured: ``"first_response"``, ``"first_resolution"``,
    /// ``"full_resolution"`` or ``"requester_wait"``.
    #[getter]
    fn metric(&self) -> &'static str {
        self.0.metric.as_str()
    }

    /// ``"calendar"`` or ``"business"``.
    #[getter]
    fn clock(&self) -> &'static str {
        self.0.clock
    }

    /// The report as a new ``dict``: ``rows`` (a list of dicts), ``overall`` (a dict),
    /// ``untargeted``, ``metric`` and ``clock``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("rows", row_dicts(py, &self.rows(), PySlaRow::to_dict)?)?;
        d.set_item("overall", self.overall().to_dict(py)?)?;
        d.set_item("untargeted", self.0.untargeted)?;
        d.set_item("metric", self.metric())?;
        d.set_item("clock", self.0.clock)?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "SlaResult(metric='{}', clock='{}', rows={}, overall={}, untargeted={})",
            self.metric(),
            self.0.clock,
            self.0.rows.len(),
            self.overall().__repr__(py)?,
            self.0.untargeted
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

    /// The chart as standalone SVG text (the image the HTML display embeds).
    fn to_svg(&self) -> String {
        cxmetrics::chart::svg(&self.0).unwrap_or_default()
    }
}

/// SLA attainment per priority: achieved ÷ (achieved + breached), in percent.
///
/// ``targets`` maps a priority to its target (seconds or a ``timedelta``); the key
/// ``"*"`` is the default for priorities without their own target and for tickets
/// without a priority. Completed tickets are achieved when the duration is at most the
/// target; open ones are breached once their elapsed time (at ``as_of``) exceeds it, and
/// running (undecided, not counted) before that.
///
/// Formula: completed — ``duration <= target`` → achieved, else breached; open —
/// ``elapsed(as_of) > target`` → breached, else running; ``score = 100 × achieved /
/// (achieved + breached)``.
///
/// Edge cases: one row per priority among the targeted tickets, sorted, the ``None``
/// priority last; target keys no ticket uses give no row; ``score`` is ``None`` when
/// nothing is decided. Business-time targets pause outside the schedule.
///
/// Args:
///     tickets: :class:`Tickets`.
///     targets: ``{priority: seconds}``, optionally with ``"*"``.
///     metric: ``"first_response"`` (default), ``"first_resolution"`` or
///         ``"full_resolution"``.
///     schedule: a :class:`Schedule` for business time (``None``: calendar time).
///     as_of: the observation time for open tickets.
///
/// Returns:
///     SlaResult
///
/// Raises:
///     CxMetricsError: ``invalid_argument`` for no targets, a target <= 0 or not finite,
///         or an unknown metric; ``out_of_order`` for events after ``as_of``.
///     TypeError: for targets that are not a dict of str → seconds, or other arguments
///         of the wrong type.
///
/// >>> import cxmetrics as cx
/// >>> t = cx.Tickets(["2026-11-02T09:00:00Z"] * 2, priority=["high", "low"],
/// ...                first_response=["2026-11-02T09:30:00Z", "2026-11-02T11:00:00Z"])
/// >>> r = cx.sla(t, targets={"high": 3600, "low": 3600})
/// >>> [(row.priority, row.score) for row in r.rows], r.overall.score
/// ([('high', 100.0), ('low', 0.0)], 50.0)
#[pyfunction]
#[pyo3(
    signature = (tickets, *, targets, metric = None, schedule = None, as_of = None),
    text_signature = "(tickets, *, targets, metric='first_response', schedule=None, as_of=None)"
)]
fn sla(
    py: Python<'_>,
    tickets: &Bound<'_, PyAny>,
    targets: &Bound<'_, PyAny>,
    metric: Option<&Bound<'_, PyAny>>,
    schedule: Option<&Bound<'_, PyAny>>,
    as_of: Option<&Bound<'_, PyAny>>,
) -> PyResult<PySlaResult> {
    let metric =
        by_name(metric, "metric", DurationMetric::parse)?.unwrap_or(DurationMetric::FirstResponse);
    let map = targets.cast::<PyMapping>().map_err(|_| {
        type_error(format!(
            "targets must be a dict {{priority: seconds}}, not {}",
            type_name(targets)
        ))
    })?;
    let mut list = Vec::new();
    for kv in map.items()?.iter() {
        let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) = kv.extract()?;
        let key = k.cast::<PyString>().map_err(|_| {
            type_error(format!(
                "targets keys are priorities (str, or \"*\" for the default), not {}",
                type_name(&k)
            ))
        })?;
        let key = key.to_cow()?.into_owned();
        let secs = seconds(&v, &format!("targets[{key:?}]"))?;
        list.push((key, secs));
    }
    with_options(py, tickets, schedule, as_of, |t, o| {
        cxmetrics::sla(t, metric, &list, o)
    })
    .map(PySlaResult)
}

/// Registers this module's classes and functions.
pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PySlaRow>()?;
    m.add_class::<PySlaResult>()?;
    m.add_function(wrap_pyfunction!(sla, m)?)?;
    Ok(())
}
