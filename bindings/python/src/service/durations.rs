//! Ticket durations: first response, resolution, requester wait, per ticket.
#![allow(
    clippy::doc_link_with_quotes,
    reason = "the docstrings are Python; their examples have lists of strings"
)]

use cxmetrics::{Clock, DurationMetric, ResolutionKind, TicketSpan};
use numpy::{IntoPyArray, PyArray1};
use pyo3::prelude::*;

use super::with_options;
use crate::convert::{Role, by_name, extract_floats, extract_str};
use crate::errors::{core_err, invalid_argument, no_panic};

result_class! {
    /// A summary of ticket durations in seconds, with still-open tickets counted and
    /// censored (returned by :func:`first_response_time`, :func:`resolution_time` and
    /// :func:`requester_wait_time`).
    ///
    /// ``n``, ``mean``, the percentiles, ``min`` and ``max`` describe the completed
    /// tickets; ``open`` counts the rest. ``km_median`` is the Kaplan–Meier median with the
    /// open tickets censored at their elapsed time — unbiased when many are still open.
    /// Percentiles interpolate linearly (numpy ``"linear"``, R type 7).
    ///
    /// >>> import cxmetrics as cx
    /// >>> t = cx.Tickets(["2026-11-02T09:00:00Z"] * 3,
    /// ...                first_response=["2026-11-02T09:10:00Z", "2026-11-02T09:30:00Z", None])
    /// >>> s = cx.first_response_time(t)
    /// >>> s.n, s.open, s.median, s.percentile(0.25), s.clock
    /// (2, 1, 1200.0, 900.0, 'calendar')
    PyDurationSummary(cxmetrics::DurationSummary) as "DurationSummary" <show, svg> {
        /// Completed durations.
        n: u64 = |r| r.n;
        /// Tickets still open for this metric (censored; only in ``km_median``).
        open: u64 = |r| r.open;
        /// Mean of the completed durations, seconds.
        mean: f64 = |r| r.mean;
        /// Median of the completed durations (linear interpolation), seconds.
        median: f64 = |r| r.median;
        /// 90th percentile of the completed durations (linear interpolation), seconds.
        p90: f64 = |r| r.p90;
        /// Shortest completed duration, seconds.
        min: f64 = |r| r.min;
        /// Longest completed duration, seconds.
        max: f64 = |r| r.max;
        /// Kaplan–Meier median with open tickets censored, seconds; ``None`` while fewer
        /// than half are known to have finished.
        km_median: Option<f64> = |r| r.km_median;
        /// ``"calendar"`` or ``"business"``.
        clock: &'static str = |r| r.clock;
    }
    methods {
        /// The ``q``-quantile of the completed durations (``q`` in [0, 1]; 0.9 = p90),
        /// linear interpolation: ``h = (n − 1)q``, ``x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋])``.
        ///
        /// Raises:
        ///     CxMetricsError: ``invalid_argument`` for ``q`` outside [0, 1] or NaN.
        ///     TypeError: for a ``q`` that is not a number.
        fn percentile(&self, q: &Bound<'_, PyAny>) -> PyResult<f64> {
            let q = crate::convert::extract_f64(q, "q")?;
            self.0.percentile(q).map_err(core_err)
        }

        /// The summary of completed durations ``done`` and the elapsed times ``open`` of
        /// tickets not finished yet (censored), in seconds: what the duration functions
        /// return, rebuilt from durations computed elsewhere (e.g. by
        /// :func:`ticket_spans` on batches of tickets, against one ``as_of``, as
        /// :func:`cxmetrics.spark.ticket_durations` does). The order of the values does
        /// not matter: the result equals the one computed on all the tickets at once.
        ///
        /// Args:
        ///     done: completed durations (a list or numpy / Arrow column of floats).
        ///     open: elapsed times of open tickets (default: none).
        ///     clock: ``"calendar"`` (default) or ``"business"``: the label of the clock
        ///         the durations were measured on.
        ///
        /// Raises:
        ///     CxMetricsError: ``empty`` when ``done`` is empty; ``invalid_argument`` (with
        ///         ``index``) for a negative, NaN or infinite duration, or another clock.
        ///     TypeError: for values that are not numbers.
        ///
        /// >>> import cxmetrics as cx
        /// >>> s = cx.DurationSummary.from_durations([60.0, 120.0, 180.0, 240.0], [30.0, 500.0])
        /// >>> s.n, s.open, s.median, s.km_median
        /// (4, 2, 150.0, 180.0)
        #[staticmethod]
        #[pyo3(
            signature = (done, open = None, *, clock = None),
            text_signature = "(done, open=(), *, clock='calendar')"
        )]
        fn from_durations(
            py: Python<'_>,
            done: &Bound<'_, PyAny>,
            open: Option<&Bound<'_, PyAny>>,
            clock: Option<&Bound<'_, PyAny>>,
        ) -> PyResult<Self> {
            let clock = match clock {
                None => Clock::Calendar.as_str(),
                Some(c) => clock_label(&extract_str(c, "clock")?)?,
            };
            let done = extract_floats(done, Role::Floats("done", "duration"))?;
            let open = match open.filter(|o| !o.is_none()) {
                None => None,
                Some(o) => Some(extract_floats(o, Role::Floats("open", "duration"))?),
            };
            let (d, o) = (done.as_slice(), open.as_ref().map_or(&[][..], |o| o.as_slice()));
            py.detach(|| no_panic(|| cxmetrics::DurationSummary::from_durations(d, o, clock)))
                .map(PyDurationSummary)
                .map_err(core_err)
        }
    }
}

/// The clock label of a summary (`"calendar"` / `"business"`, the spellings of
/// [`Clock::as_str`]).
fn clock_label(s: &str) -> PyResult<&'static str> {
    let calendar = Clock::Calendar.as_str();
    if s == calendar {
        return Ok(calendar);
    }
    if s == "business" {
        return Ok("business");
    }
    Err(invalid_argument(
        "clock",
        format!("expected \"calendar\" or \"business\", got {s:?}"),
    ))
}

/// First response time: created → first agent response, summarised in seconds.
///
/// The clock is business time when ``schedule`` is given, else calendar time. Tickets
/// without a response yet are ``open`` and censored at ``as_of`` for ``km_median``.
///
/// Formula: ``duration = clock(created, first_response)``; see :class:`DurationSummary`.
///
/// Edge cases: a ticket opened and answered outside business hours has a business
/// duration of 0. ``as_of`` defaults to the latest instant anywhere in the tickets.
///
/// Args:
///     tickets: :class:`Tickets`.
///     schedule: a :class:`Schedule` for business time (``None``: calendar time).
///     as_of: the observation time for open tickets (an instant).
///
/// Returns:
///     DurationSummary
///
/// Raises:
///     CxMetricsError: ``empty`` when no ticket has a response; ``out_of_order`` (with the
///         ticket's ``index``) when any event of a ticket is after ``as_of``.
///     TypeError: for arguments of the wrong type.
///
/// >>> import cxmetrics as cx
/// >>> days = [(d, "09:00", "17:00") for d in ("mon", "tue", "wed", "thu", "fri")]
/// >>> office = cx.Schedule("America/New_York", days)
/// >>> t = cx.Tickets(["2026-11-10T19:00:00-05:00"], first_response=["2026-11-10T20:00:00-05:00"])
/// >>> cx.first_response_time(t).median, cx.first_response_time(t, schedule=office).median
/// (3600.0, 0.0)
#[pyfunction]
#[pyo3(
    signature = (tickets, *, schedule = None, as_of = None),
    text_signature = "(tickets, *, schedule=None, as_of=None)"
)]
fn first_response_time(
    py: Python<'_>,
    tickets: &Bound<'_, PyAny>,
    schedule: Option<&Bound<'_, PyAny>>,
    as_of: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyDurationSummary> {
    with_options(py, tickets, schedule, as_of, cxmetrics::first_response_time)
        .map(PyDurationSummary)
}

/// Resolution time, summarised in seconds: created → final solve (``kind="full"``,
/// default) or created → first solve (``kind="first"``).
///
/// Formula: ``full = clock(created, final_solved)``, ``first = clock(created,
/// first_solved)``; summarised as in :class:`DurationSummary`.
///
/// Edge cases: full resolution counts a reopened ticket once, from creation to its final
/// solve; a ticket reopened and not solved again is open (censored at ``as_of``), never
/// counted twice. It still has a first resolution.
///
/// Args:
///     tickets: :class:`Tickets`.
///     kind: ``"full"`` (default) or ``"first"``.
///     schedule: a :class:`Schedule` for business time (``None``: calendar time).
///     as_of: the observation time for open tickets.
///
/// Returns:
///     DurationSummary
///
/// Raises:
///     CxMetricsError: ``empty`` when nothing is resolved; ``out_of_order`` for events
///         after ``as_of``; ``invalid_argument`` for an unknown ``kind``.
///     TypeError: for arguments of the wrong type.
///
/// >>> import cxmetrics as cx
/// >>> t = cx.Tickets.from_records([{"created": "2026-11-02T09:00:00Z",
/// ...     "solved": ["2026-11-02T10:00:00Z", "2026-11-02T12:00:00Z"], "reopened": ["2026-11-02T11:00:00Z"]}])
/// >>> cx.resolution_time(t).median, cx.resolution_time(t, kind="first").median
/// (10800.0, 3600.0)
#[pyfunction]
#[pyo3(
    signature = (tickets, *, kind = None, schedule = None, as_of = None),
    text_signature = "(tickets, *, kind='full', schedule=None, as_of=None)"
)]
fn resolution_time(
    py: Python<'_>,
    tickets: &Bound<'_, PyAny>,
    kind: Option<&Bound<'_, PyAny>>,
    schedule: Option<&Bound<'_, PyAny>>,
    as_of: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyDurationSummary> {
    let kind = by_name(kind, "kind", ResolutionKind::parse)?.unwrap_or_default();
    with_options(py, tickets, schedule, as_of, |t, o| {
        cxmetrics::resolution_time(t, kind, o)
    })
    .map(PyDurationSummary)
}

/// Requester wait time: created → final solve minus paused (on-hold / pending) time and
/// the periods the ticket sat solved before a reopen, summarised in seconds (Zendesk's
/// "requester wait time": New, Open and On-hold; not Pending, not Solved).
///
/// Formula: ``wait = clock(created, final_solved) − clock((⋃ paused ∪ ⋃ [solve_i,
/// reopen_i)) ∩ [created, final_solved))``; open tickets are censored at ``as_of`` with
/// the intervals clipped to ``[created, as_of]``.
///
/// Edge cases: overlapping pauses, and a pause inside a solved period, count once; a
/// pause after the final solve subtracts nothing; in business time, the business seconds
/// of the clipped union are subtracted (time paused after hours is not subtracted twice).
/// Columns hold one reopen: their solved period is ``[first_solved, first_reopened)``.
///
/// Args:
///     tickets: :class:`Tickets`.
///     schedule: a :class:`Schedule` for business time (``None``: calendar time).
///     as_of: the observation time for open tickets.
///
/// Returns:
///     DurationSummary
///
/// Raises:
///     CxMetricsError: ``empty`` when nothing is resolved; ``out_of_order`` for events
///         after ``as_of``.
///     TypeError: for arguments of the wrong type.
///
/// >>> import cxmetrics as cx
/// >>> t = cx.Tickets.from_records([{"created": "2026-11-02T09:00:00Z", "solved": ["2026-11-02T12:00:00Z"],
/// ...     "paused": [("2026-11-02T10:00:00Z", "2026-11-02T11:00:00Z")]}])
/// >>> cx.requester_wait_time(t).median
/// 7200.0
#[pyfunction]
#[pyo3(
    signature = (tickets, *, schedule = None, as_of = None),
    text_signature = "(tickets, *, schedule=None, as_of=None)"
)]
fn requester_wait_time(
    py: Python<'_>,
    tickets: &Bound<'_, PyAny>,
    schedule: Option<&Bound<'_, PyAny>>,
    as_of: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyDurationSummary> {
    with_options(py, tickets, schedule, as_of, cxmetrics::requester_wait_time)
        .map(PyDurationSummary)
}

/// Per-ticket durations in seconds, ``None`` where the event has not happened yet.
///
/// Formulas: ``first_response = clock(created, first_response)``, ``first_resolution =
/// clock(created, first_solved)``, ``full_resolution = clock(created, final_solved)``,
/// ``requester_wait = full_resolution − clock((⋃ paused ∪ ⋃ [solve_i, reopen_i)) ∩
/// [created, final_solved))``.
///
/// Edge cases: a ticket opened and answered outside business hours has a business
/// duration of 0; a ticket reopened after its last solve has no full resolution yet
/// (``None``) but keeps its first resolution.
///
/// Args:
///     tickets: :class:`Tickets`.
///     metric: ``"first_response"``, ``"first_resolution"``, ``"full_resolution"`` or
///         ``"requester_wait"``.
///     schedule: a :class:`Schedule` for business time (``None``: calendar time).
///     as_of: the observation time (only checked: no event may be after it).
///
/// Returns:
///     list[float | None]
///
/// Raises:
///     CxMetricsError: ``invalid_argument`` for an unknown metric; ``out_of_order`` for
///         events after ``as_of``.
///     TypeError: for arguments of the wrong type.
///
/// >>> import cxmetrics as cx
/// >>> t = cx.Tickets(["2026-11-02T09:00:00Z"] * 2, first_response=["2026-11-02T09:30:00Z", None])
/// >>> cx.ticket_durations(t, "first_response")
/// [1800.0, None]
#[pyfunction]
#[pyo3(
    signature = (tickets, metric, *, schedule = None, as_of = None),
    text_signature = "(tickets, metric, *, schedule=None, as_of=None)"
)]
fn ticket_durations(
    py: Python<'_>,
    tickets: &Bound<'_, PyAny>,
    metric: &Bound<'_, PyAny>,
    schedule: Option<&Bound<'_, PyAny>>,
    as_of: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Option<f64>>> {
    let metric = DurationMetric::parse(&extract_str(metric, "metric")?).map_err(core_err)?;
    with_options(py, tickets, schedule, as_of, |t, o| {
        cxmetrics::ticket_durations(t, metric, o)
    })
}

/// `ticket_spans`' result: the seconds and the `done` flags, as numpy arrays.
type Spans<'py> = (Bound<'py, PyArray1<f64>>, Bound<'py, PyArray1<bool>>);

/// Per-ticket spans as two numpy arrays ``(seconds, done)``: the duration of a ticket
/// whose event happened (``done`` True) and, for one still open, the time elapsed from
/// creation to ``as_of`` (``done`` False) — what the summaries are built from, so that
/// summaries can be computed in pieces: the spans of batches of tickets against one
/// ``as_of`` rebuild, with :meth:`DurationSummary.from_durations`, the summary of all of
/// them (:func:`cxmetrics.spark.ticket_durations` works this way).
///
/// Formulas as :func:`ticket_durations`, with ``as_of`` for the missing event of an open
/// ticket (requester wait: less the paused and solved periods up to ``as_of``).
///
/// Edge cases: ``as_of`` defaults to the latest instant anywhere in *these* tickets, so
/// batches must be given the same ``as_of`` explicitly (the latest instant of all).
///
/// Args:
///     tickets: :class:`Tickets`.
///     metric: ``"first_response"``, ``"first_resolution"``, ``"full_resolution"`` or
///         ``"requester_wait"``.
///     schedule: a :class:`Schedule` for business time (``None``: calendar time).
///     as_of: the observation time for open tickets (an instant).
///
/// Returns:
///     tuple[numpy.ndarray, numpy.ndarray]: float64 seconds and bool ``done``, one per ticket.
///
/// Raises:
///     CxMetricsError: ``invalid_argument`` for an unknown metric; ``out_of_order`` (with
///         the ticket's ``index``) for an event after ``as_of`` or a ticket created after it.
///     TypeError: for arguments of the wrong type.
///
/// >>> import cxmetrics as cx
/// >>> t = cx.Tickets(["2026-11-02T09:00:00Z"] * 2, first_response=["2026-11-02T09:30:00Z", None])
/// >>> seconds, done = cx.ticket_spans(t, "first_response", as_of="2026-11-02T10:00:00Z")
/// >>> seconds.tolist(), done.tolist()
/// ([1800.0, 3600.0], [True, False])
/// >>> s = cx.DurationSummary.from_durations(seconds[done], seconds[~done])
/// >>> s == cx.first_response_time(t, as_of="2026-11-02T10:00:00Z")
/// True
#[pyfunction]
#[pyo3(
    signature = (tickets, metric, *, schedule = None, as_of = None),
    text_signature = "(tickets, metric, *, schedule=None, as_of=None)"
)]
fn ticket_spans<'py>(
    py: Python<'py>,
    tickets: &Bound<'py, PyAny>,
    metric: &Bound<'py, PyAny>,
    schedule: Option<&Bound<'py, PyAny>>,
    as_of: Option<&Bound<'py, PyAny>>,
) -> PyResult<Spans<'py>> {
    let metric = DurationMetric::parse(&extract_str(metric, "metric")?).map_err(core_err)?;
    let (seconds, done): (Vec<f64>, Vec<bool>) =
        with_options(py, tickets, schedule, as_of, |t, o| {
            cxmetrics::ticket_spans(t, metric, o)
        })?
        .into_iter()
        .map(|s| match s {
            TicketSpan::Done(x) => (x, true),
            TicketSpan::Open(x) => (x, false),
        })
        .unzip();
    Ok((seconds.into_pyarray(py), done.into_pyarray(py)))
}

/// Registers this module's classes and functions.
pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyDurationSummary>()?;
    m.add_function(wrap_pyfunction!(first_response_time, m)?)?;
    m.add_function(wrap_pyfunction!(resolution_time, m)?)?;
    m.add_function(wrap_pyfunction!(requester_wait_time, m)?)?;
    m.add_function(wrap_pyfunction!(ticket_durations, m)?)?;
    m.add_function(wrap_pyfunction!(ticket_spans, m)?)?;
    Ok(())
}
