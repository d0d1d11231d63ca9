//! Service metrics (issue 4): `Schedule`, `Tickets`, durations, FCR, SLA and AHT.
//!
//! Conversion only: instants and schedules are converted (module `time`, the core's
//! `Window::parse` / `parse_date`), the core computes, and its results are wrapped. The
//! computations run detached from the interpreter (the GIL is released).
#![allow(
    clippy::doc_link_with_quotes,
    reason = "the docstrings are Python; their examples have lists of strings"
)]

use cxmetrics::jiff::Timestamp;
use cxmetrics::jiff::civil::Date;
use cxmetrics::jiff::tz::TimeZone;
use cxmetrics::{
    Clock, DurationMetric, DurationOptions, FcrDenominator, FcrOptions, ResolutionKind, Schedule,
    Ticket, TicketColumns, Tickets, Window,
};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{
    PyDate, PyDateAccess, PyDateTime, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTime,
    PyTimeAccess, PyTuple, PyType, PyTzInfoAccess,
};

use crate::convert::{Role, extract_floats, extract_opt_u32, extract_str};
use crate::errors::{CxMetricsError, core_err, cx_error, invalid_argument, type_error, type_name};
use crate::stats::{PyInterval, interval_method, level_arg};
use crate::time::{
    At, instant, instants, opt_instant, opt_seconds, required_instant, seconds, time_zone,
    to_py_datetime,
};

const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// Prefixes an error raised while reading part `label` of an input, and sets its index.
fn located(err: PyErr, py: Python<'_>, label: &str, index: Option<usize>) -> PyErr {
    let message = err
        .value(py)
        .str()
        .map_or_else(|_| String::new(), |s| s.to_string());
    if err.is_instance_of::<CxMetricsError>(py) {
        let code = err
            .value(py)
            .getattr("code")
            .and_then(|c| c.extract::<String>())
            .unwrap_or_else(|_| "invalid_argument".to_owned());
        cx_error(&code, format!("{label}: {message}"), index)
    } else if err.is_instance_of::<PyTypeError>(py) {
        type_error(format!("{label}: {message}"))
    } else {
        err
    }
}

/// Iterates a Python iterable that is a collection of items (not a str, bytes or dict).
fn items<'py>(obj: &Bound<'py, PyAny>, what: &str) -> PyResult<Vec<Bound<'py, PyAny>>> {
    if obj.is_instance_of::<PyString>() || obj.is_instance_of::<PyDict>() {
        return Err(type_error(format!(
            "{what} must be a list or other iterable, not {}",
            type_name(obj)
        )));
    }
    obj.try_iter()
        .map_err(|_| {
            type_error(format!(
                "{what} must be a list or other iterable, not {}",
                type_name(obj)
            ))
        })?
        .collect()
}

/// A window bound: `"HH:MM"`, `"HH:MM:SS"` or a naive `datetime.time` (whole seconds).
fn time_text(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(s.to_cow()?.into_owned());
    }
    if let Ok(t) = obj.cast::<PyTime>() {
        if t.get_tzinfo().is_some() {
            return Err(invalid_argument(
                what,
                "a window time is a local time of the schedule's zone; pass a time without tzinfo",
            ));
        }
        if t.get_microsecond() != 0 {
            return Err(invalid_argument(
                what,
                "window times are whole seconds; drop the microseconds",
            ));
        }
        return Ok(format!(
            "{:02}:{:02}:{:02}",
            t.get_hour(),
            t.get_minute(),
            t.get_second()
        ));
    }
    Err(type_error(format!(
        "{what} must be a local time \"HH:MM\" / \"HH:MM:SS\" or a datetime.time, not {}",
        type_name(obj)
    )))
}

fn weekday_text(obj: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(s.to_cow()?.into_owned());
    }
    if obj.is_instance_of::<PyInt>() && !obj.is_instance_of::<pyo3::types::PyBool>() {
        let k: i64 = obj.extract().unwrap_or(-1);
        return usize::try_from(k)
            .ok()
            .and_then(|k| WEEKDAYS.get(k))
            .map(|s| (*s).to_owned())
            .ok_or_else(|| {
                invalid_argument(
                    "weekday",
                    format!("{k} is not a weekday number; use 0 = Monday … 6 = Sunday"),
                )
            });
    }
    Err(type_error(format!(
        "weekday must be \"mon\" … \"sun\" (or the full name) or an int 0 = Monday … 6 = Sunday, not {}",
        type_name(obj)
    )))
}

fn window(obj: &Bound<'_, PyAny>) -> PyResult<Window> {
    let parts = if obj.is_instance_of::<PyTuple>() || obj.is_instance_of::<PyList>() {
        items(obj, "a window")?
    } else {
        Vec::new()
    };
    let [weekday, start, end] = parts.as_slice() else {
        return Err(type_error(format!(
            "a window is a (weekday, start, end) tuple such as (\"mon\", \"09:00\", \"17:00\"), not {}",
            type_name(obj)
        )));
    };
    Window::parse(
        &weekday_text(weekday)?,
        &time_text(start, "start")?,
        &time_text(end, "end")?,
    )
    .map_err(core_err)
}

fn holiday(obj: &Bound<'_, PyAny>) -> PyResult<Date> {
    if let Ok(s) = obj.cast::<PyString>() {
        return cxmetrics::parse_date(&s.to_cow()?).map_err(core_err);
    }
    if obj.is_instance_of::<PyDate>() && !obj.is_instance_of::<PyDateTime>() {
        let d = obj.cast::<PyDate>()?;
        return Date::new(d.get_year() as i16, d.get_month() as i8, d.get_day() as i8)
            .map_err(|e| invalid_argument("holidays", e));
    }
    Err(type_error(format!(
        "a holiday is a \"YYYY-MM-DD\" string or a datetime.date, not {}",
        type_name(obj)
    )))
}

/// A business calendar: an IANA time zone, weekly opening windows and holiday dates.
///
/// Durations on a schedule count only the seconds inside an opening window, computed
/// per local day in the schedule's zone, so they stay right across daylight-saving
/// changes. Pass it as ``schedule=`` to the duration functions and :func:`sla`.
///
/// Rules: a window ``(weekday, start, end)`` opens on ``weekday`` at local ``start``;
/// ``end <= start`` runs past midnight (an overnight shift), ``end == start`` is 24 h.
/// A boundary that falls in a spring-forward gap is the first instant the clock reads at
/// or after it (02:30 → 03:00); one that happens twice at fall-back is its first
/// occurrence. A holiday closes every window that *starts* on that date (including its
/// part after midnight). Open windows are half-open ``[open, close)``.
///
/// Args:
///     time_zone: an IANA name such as ``"America/New_York"`` (a copy of the tz database
///         is built in, so no system tz data is needed).
///     windows: ``(weekday, start, end)`` tuples; weekday ``"mon"`` … ``"sun"`` (any case,
///         or the full name) or an int 0 = Monday … 6 = Sunday; start / end ``"HH:MM"``,
///         ``"HH:MM:SS"`` or a ``datetime.time``.
///     holidays: ``"YYYY-MM-DD"`` strings or ``datetime.date`` objects.
///
/// Raises:
///     CxMetricsError: ``unknown_time_zone``; ``empty_schedule`` without windows;
///         ``overlapping_windows`` when two windows share time on the weekly clock
///         (touching is fine); ``invalid_argument`` for a bad weekday, time or date (with
///         the window's or holiday's ``index``).
///     TypeError: for a window that is not a 3-tuple, or values of the wrong type.
///
/// >>> import cxmetrics as cx
/// >>> days = ["mon", "tue", "wed", "thu", "fri"]
/// >>> s = cx.Schedule("America/New_York", [(d, "09:00", "17:00") for d in days], ["2026-12-25"])
/// >>> s.business_seconds("2026-03-06T16:00:00-05:00", "2026-03-09T10:00:00-04:00")  # Fri 16:00 → Mon 10:00
/// 7200.0
/// >>> s.add_business("2026-11-13T16:00:00-05:00", 2 * 3600)                        # Fri 16:00 + 2 h
/// datetime.datetime(2026, 11, 16, 15, 0, tzinfo=datetime.timezone.utc)
#[pyclass(frozen, name = "Schedule", module = "cxmetrics")]
pub struct PySchedule {
    pub(crate) inner: Schedule,
    name: String,
    windows: usize,
    holidays: usize,
}

#[pymethods]
impl PySchedule {
    #[new]
    #[pyo3(
        signature = (time_zone, windows, holidays = None),
        text_signature = "(time_zone, windows, holidays=())"
    )]
    fn new(
        py: Python<'_>,
        time_zone: &Bound<'_, PyAny>,
        windows: &Bound<'_, PyAny>,
        holidays: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let name = extract_str(time_zone, "time_zone")?;
        let mut ws = Vec::new();
        for (i, w) in items(windows, "windows")?.iter().enumerate() {
            ws.push(window(w).map_err(|e| located(e, py, &format!("windows[{i}]"), Some(i)))?);
        }
        let mut hs = Vec::new();
        if let Some(h) = holidays {
            for (i, d) in items(h, "holidays")?.iter().enumerate() {
                hs.push(
                    holiday(d).map_err(|e| located(e, py, &format!("holidays[{i}]"), Some(i)))?,
                );
            }
        }
        let inner = Schedule::from_iana(&name, &ws, &hs).map_err(core_err)?;
        Ok(PySchedule {
            inner,
            name,
            windows: ws.len(),
            holidays: hs.len(),
        })
    }

    /// The IANA name of the schedule's time zone, as given.
    #[getter]
    fn time_zone(&self) -> &str {
        &self.name
    }

    /// Business seconds between two instants: the time inside opening windows.
    ///
    /// Instants are aware ``datetime``\ s, pandas ``Timestamp``\ s, numpy ``datetime64``
    /// (UTC) or ISO 8601 strings with an offset. Additive over adjacent spans and never
    /// more than the calendar seconds; ``start == end`` gives 0.
    ///
    /// Raises:
    ///     CxMetricsError: ``out_of_order`` when ``end`` is before ``start``;
    ///         ``invalid_argument`` for a naive datetime or a string without an offset.
    ///     TypeError: for a value that is not an instant.
    ///
    /// >>> import cxmetrics as cx
    /// >>> s = cx.Schedule("Europe/Berlin", [("mon", "09:00", "17:00")], ["2026-12-28"])
    /// >>> s.business_seconds("2026-12-21T08:00:00+01:00", "2026-12-29T12:00:00+01:00")  # 28 Dec is closed
    /// 28800.0
    fn business_seconds(
        &self,
        py: Python<'_>,
        start: &Bound<'_, PyAny>,
        end: &Bound<'_, PyAny>,
    ) -> PyResult<f64> {
        let (a, b) = (
            required_instant(start, "start")?,
            required_instant(end, "end")?,
        );
        py.detach(|| self.inner.business_seconds(a, b))
            .map_err(core_err)
    }

    /// The instant ``seconds`` business seconds after ``start`` (an SLA deadline), as an
    /// aware ``datetime`` in UTC.
    ///
    /// The earliest instant ``t >= start`` with ``business_seconds(start, t) == seconds``:
    /// a deadline that lands on a closing time is that closing time; ``seconds = 0`` gives
    /// the first open instant at or after ``start`` (the next opening when closed).
    ///
    /// Args:
    ///     start: an instant (aware datetime, Timestamp, datetime64 or ISO string).
    ///     seconds: business seconds to add (a number >= 0 or a ``datetime.timedelta``).
    ///
    /// Raises:
    ///     CxMetricsError: ``invalid_argument`` for negative or non-finite seconds, or a
    ///         schedule with no opening time in the next ten years.
    ///     TypeError: for a value of the wrong type.
    ///
    /// >>> import datetime as dt
    /// >>> import cxmetrics as cx
    /// >>> s = cx.Schedule("UTC", [(d, "09:00", "17:00") for d in ("thu", "fri", "mon")])
    /// >>> s.add_business(dt.datetime(2026, 11, 26, 15, tzinfo=dt.timezone.utc), dt.timedelta(hours=8))
    /// datetime.datetime(2026, 11, 27, 15, 0, tzinfo=datetime.timezone.utc)
    fn add_business<'py>(
        &self,
        py: Python<'py>,
        start: &Bound<'py, PyAny>,
        seconds: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDateTime>> {
        let start = required_instant(start, "start")?;
        let secs = crate::time::seconds(seconds, "seconds")?;
        let t = py
            .detach(|| self.inner.add_business(start, secs))
            .map_err(core_err)?;
        to_py_datetime(py, t)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Schedule({}, {} window{}, {} holiday{})",
            PyString::new(py, &self.name).repr()?,
            self.windows,
            if self.windows == 1 { "" } else { "s" },
            self.holidays,
            if self.holidays == 1 { "" } else { "s" }
        ))
    }
}

// ───────────────────────────── tickets ─────────────────────────────

/// Tickets for the service metrics: creation, response, solve, reopen and pause
/// events, reply counts, channel and priority — validated once, used by every metric.
///
/// Two ways to build them:
///
/// - columns (this constructor): one entry per ticket in each column — lists, numpy
///   arrays, pandas or polars columns. ``final_solved`` is the latest solve of a ticket
///   that is resolved now (``None`` while open), ``first_reopened`` the first reopen
///   after the first solve; ``paused`` is a list of ``(ticket_index, start, end)``.
/// - records: :meth:`Tickets.from_records` with one dict per ticket (``solved`` and
///   ``reopened`` list every event; the derived columns are worked out for you).
///
/// Instants are aware ``datetime``\ s, pandas ``Timestamp``\ s / tz-aware datetime
/// columns, numpy ``datetime64`` (read as UTC) or ISO 8601 strings with an offset;
/// ``None``, ``NaT`` and NaN are absent. A naive datetime (or naive pandas / polars
/// column) is an error unless ``tz`` names the zone its wall-clock readings are in.
///
/// Args:
///     created: creation instants (required, none missing).
///     first_response: first public agent response (``None`` = not yet).
///     first_solved: first solve.
///     final_solved: latest solve of tickets resolved now.
///     first_reopened: first reopen after the first solve.
///     agent_replies: public agent replies per ticket (ints >= 0; default 0).
///     customer_followups: customer messages after the first contact (ints >= 0).
///     paused: on-hold intervals ``(ticket_index, start, end)``.
///     channel: channel labels (str or None).
///     priority: priority labels (str or None), for SLA targets.
///     tz: IANA zone of naive datetimes, e.g. ``"Europe/Berlin"``.
///
/// Raises:
///     CxMetricsError: ``out_of_order`` (with the ticket's ``index``) for an event before
///         creation, a final solve before the first, a pause that ends before it starts,
///         starts before creation or overlaps another; ``length_mismatch`` for columns of
///         different lengths; ``invalid_argument`` for a naive datetime without ``tz``, a
///         string without an offset, a missing ``created`` or a bad count (with
///         ``index``); ``unknown_time_zone`` for a bad ``tz``.
///     TypeError: for values of the wrong type.
///
/// >>> import cxmetrics as cx
/// >>> t = cx.Tickets(
/// ...     ["2026-11-02T09:00:00Z", "2026-11-02T10:00:00Z"],
/// ...     first_response=["2026-11-02T09:30:00Z", None],
/// ...     priority=["high", "low"],
/// ... )
/// >>> len(t), cx.first_response_time(t).median
/// (2, 1800.0)
#[pyclass(frozen, name = "Tickets", module = "cxmetrics")]
pub struct PyTickets(pub(crate) Tickets);

/// Columns of optional labels (channel, priority).
fn labels(obj: Option<&Bound<'_, PyAny>>, name: &str) -> PyResult<Option<Vec<Option<String>>>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    let list = if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        items(obj, name)?
    } else {
        let helper = obj
            .py()
            .import("cxmetrics._convert")?
            .getattr("values_list")?;
        items(&helper.call1((obj, name))?, name)?
    };
    list.iter()
        .enumerate()
        .map(|(i, v)| label(v, name, Some(i)))
        .collect::<PyResult<Vec<_>>>()
        .map(Some)
}

fn label(v: &Bound<'_, PyAny>, name: &str, index: Option<usize>) -> PyResult<Option<String>> {
    if v.is_none() {
        return Ok(None);
    }
    if let Ok(s) = v.cast::<PyString>() {
        return Ok(Some(s.to_cow()?.into_owned()));
    }
    if let Ok(f) = v.cast::<PyFloat>()
        && f.value().is_nan()
    {
        return Ok(None);
    }
    let at = index.map_or_else(String::new, |i| format!("[{i}]"));
    Err(type_error(format!(
        "{name}{at} must be a str or None, not {}",
        type_name(v)
    )))
}

/// A count column (agent replies, customer follow-ups): ints 0 … 2³² − 1, none missing.
fn counts(obj: Option<&Bound<'_, PyAny>>, name: &'static str) -> PyResult<Option<Vec<u32>>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    let col = extract_floats(obj, Role::Floats(name, "count"))?;
    col.as_slice()
        .iter()
        .enumerate()
        .map(|(i, &x)| {
            if x.is_nan() {
                Err(cx_error(
                    "invalid_argument",
                    format!(
                        "invalid argument `{name}[{i}]`: the count is missing; fill missing counts explicitly (e.g. .fillna(0))"
                    ),
                    Some(i),
                ))
            } else if x.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&x) {
                Ok(x as u32)
            } else {
                Err(cx_error(
                    "invalid_argument",
                    format!(
                        "invalid argument `{name}[{i}]`: {x} is not a count (an int from 0 to 4294967295)"
                    ),
                    Some(i),
                ))
            }
        })
        .collect::<PyResult<Vec<_>>>()
        .map(Some)
}

fn opt_instants(
    obj: Option<&Bound<'_, PyAny>>,
    name: &str,
    tz: Option<&TimeZone>,
) -> PyResult<Option<Vec<Option<Timestamp>>>> {
    obj.filter(|o| !o.is_none())
        .map(|o| instants(o, name, tz))
        .transpose()
}

/// `paused` triples `(ticket_index, start, end)`.
fn paused_triples(
    obj: Option<&Bound<'_, PyAny>>,
    tz: Option<&TimeZone>,
) -> PyResult<Option<Vec<(usize, Timestamp, Timestamp)>>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    let py = obj.py();
    let mut out = Vec::new();
    for (k, triple) in items(obj, "paused")?.iter().enumerate() {
        let read = || -> PyResult<(usize, Timestamp, Timestamp)> {
            let parts = items(triple, "a paused interval")?;
            let [i, a, b] = parts.as_slice() else {
                return Err(type_error(
                    "a paused interval is a (ticket_index, start, end) tuple",
                ));
            };
            if i.is_instance_of::<pyo3::types::PyBool>() {
                return Err(type_error("the ticket index must be an int, not a bool"));
            }
            let i: usize = i.extract().map_err(|_| {
                type_error(format!(
                    "the ticket index must be an int >= 0, not {}",
                    i.repr().map_or_else(|_| "?".to_owned(), |r| r.to_string())
                ))
            })?;
            let bound = |x: &Bound<'_, PyAny>, which: &str| -> PyResult<Timestamp> {
                instant(x, tz, At::new(which))?
                    .ok_or_else(|| invalid_argument(which, "a paused interval needs both ends"))
            };
            Ok((i, bound(a, "start")?, bound(b, "end")?))
        };
        out.push(read().map_err(|e| located(e, py, &format!("paused[{k}]"), Some(k)))?);
    }
    Ok(Some(out))
}

const RECORD_KEYS: [&str; 9] = [
    "created",
    "first_response",
    "solved",
    "reopened",
    "agent_replies",
    "customer_followups",
    "paused",
    "channel",
    "priority",
];

fn record(obj: &Bound<'_, PyAny>, tz: Option<&TimeZone>) -> PyResult<Ticket> {
    let map = obj.cast::<PyMapping>().map_err(|_| {
        type_error(format!(
            "a record is a dict with keys created, first_response, solved, …, not {}",
            type_name(obj)
        ))
    })?;
    let mut ticket = Ticket::default();
    let mut created = None;
    for kv in map.items()?.iter() {
        let (key_obj, value): (Bound<'_, PyAny>, Bound<'_, PyAny>) = kv.extract()?;
        let key = key_obj
            .cast::<PyString>()
            .map(ToString::to_string)
            .unwrap_or_default();
        let all = |v: &Bound<'_, PyAny>, what: &str| -> PyResult<Vec<Timestamp>> {
            if v.is_none() {
                return Ok(Vec::new());
            }
            instants(v, what, tz)?
                .into_iter()
                .enumerate()
                .map(|(i, x)| {
                    x.ok_or_else(|| {
                        invalid_argument(
                            what,
                            format!("entry {i} is missing; list only events that happened"),
                        )
                    })
                })
                .collect()
        };
        match key.as_str() {
            "created" => created = instant(&value, tz, At::new("created"))?,
            "first_response" => {
                ticket.first_response = instant(&value, tz, At::new("first_response"))?;
            }
            "solved" => ticket.solved = all(&value, "solved")?,
            "reopened" => ticket.reopened = all(&value, "reopened")?,
            "agent_replies" => {
                ticket.agent_replies = extract_opt_u32(Some(&value), "agent_replies")?.unwrap_or(0);
            }
            "customer_followups" => {
                ticket.customer_followups =
                    extract_opt_u32(Some(&value), "customer_followups")?.unwrap_or(0);
            }
            "paused" => {
                if !value.is_none() {
                    for (k, pair) in items(&value, "paused")?.iter().enumerate() {
                        let parts = items(pair, "a paused interval")?;
                        let [a, b] = parts.as_slice() else {
                            return Err(type_error(format!(
                                "paused[{k}] must be a (start, end) pair"
                            )));
                        };
                        let end = |x: &Bound<'_, PyAny>| -> PyResult<Timestamp> {
                            instant(x, tz, At::new("paused"))?.ok_or_else(|| {
                                invalid_argument("paused", format!("paused[{k}] needs both ends"))
                            })
                        };
                        ticket.paused.push((end(a)?, end(b)?));
                    }
                }
            }
            "channel" => ticket.channel = label(&value, "channel", None)?,
            "priority" => ticket.priority = label(&value, "priority", None)?,
            _ => {
                return Err(invalid_argument(
                    "records",
                    format!(
                        "unknown key {}; a record's keys are {}",
                        key_obj.repr()?,
                        RECORD_KEYS.join(", ")
                    ),
                ));
            }
        }
    }
    ticket.created = created
        .ok_or_else(|| invalid_argument("created", "every ticket needs its creation instant"))?;
    Ok(ticket)
}

#[pymethods]
impl PyTickets {
    #[new]
    #[pyo3(
        signature = (created, *, first_response = None, first_solved = None, final_solved = None, first_reopened = None, agent_replies = None, customer_followups = None, paused = None, channel = None, priority = None, tz = None),
        text_signature = "(created, *, first_response=None, first_solved=None, final_solved=None, first_reopened=None, agent_replies=None, customer_followups=None, paused=None, channel=None, priority=None, tz=None)"
    )]
    #[allow(
        clippy::too_many_arguments,
        reason = "mirrors the documented keyword columns"
    )]
    fn new(
        py: Python<'_>,
        created: &Bound<'_, PyAny>,
        first_response: Option<&Bound<'_, PyAny>>,
        first_solved: Option<&Bound<'_, PyAny>>,
        final_solved: Option<&Bound<'_, PyAny>>,
        first_reopened: Option<&Bound<'_, PyAny>>,
        agent_replies: Option<&Bound<'_, PyAny>>,
        customer_followups: Option<&Bound<'_, PyAny>>,
        paused: Option<&Bound<'_, PyAny>>,
        channel: Option<&Bound<'_, PyAny>>,
        priority: Option<&Bound<'_, PyAny>>,
        tz: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let tz = tz
            .filter(|t| !t.is_none())
            .map(|t| time_zone(t, "tz"))
            .transpose()?;
        let tz = tz.as_ref();
        let created = instants(created, "created", tz)?
            .into_iter()
            .enumerate()
            .map(|(i, c)| {
                c.ok_or_else(|| {
                    cx_error(
                        "invalid_argument",
                        format!(
                            "invalid argument `created[{i}]`: missing; every ticket needs its creation instant"
                        ),
                        Some(i),
                    )
                })
            })
            .collect::<PyResult<Vec<_>>>()?;
        let first_response = opt_instants(first_response, "first_response", tz)?;
        let first_solved = opt_instants(first_solved, "first_solved", tz)?;
        let final_solved = opt_instants(final_solved, "final_solved", tz)?;
        let first_reopened = opt_instants(first_reopened, "first_reopened", tz)?;
        let agent_replies = counts(agent_replies, "agent_replies")?;
        let customer_followups = counts(customer_followups, "customer_followups")?;
        let paused = paused_triples(paused, tz)?;
        let channel = labels(channel, "channel")?;
        let priority = labels(priority, "priority")?;
        let columns = TicketColumns {
            created: &created,
            first_response: first_response.as_deref(),
            first_solved: first_solved.as_deref(),
            final_solved: final_solved.as_deref(),
            first_reopened: first_reopened.as_deref(),
            agent_replies: agent_replies.as_deref(),
            customer_followups: customer_followups.as_deref(),
            paused: paused.as_deref(),
            channel: channel.as_deref(),
            priority: priority.as_deref(),
        };
        py.detach(|| Tickets::from_columns(columns))
            .map(PyTickets)
            .map_err(core_err)
    }

    /// Tickets from records: one dict per ticket.
    ///
    /// Keys (all but ``created`` optional; ``None`` = absent): ``created``,
    /// ``first_response``, ``solved`` (list of every solve), ``reopened`` (list of every
    /// reopen), ``agent_replies`` and ``customer_followups`` (ints, default 0), ``paused``
    /// (list of ``(start, end)``), ``channel``, ``priority``. A ticket is resolved when
    /// it was solved and its last solve is after its last reopen; otherwise it is open.
    ///
    /// Args:
    ///     records: an iterable of dicts.
    ///     tz: IANA zone of naive datetimes (as for the constructor).
    ///
    /// Raises:
    ///     CxMetricsError: as the constructor; ``invalid_argument`` (with the record's
    ///         ``index``) for an unknown key, a missing ``created`` or a bad value.
    ///     TypeError: for a record that is not a dict, or values of the wrong type.
    ///
    /// >>> import cxmetrics as cx
    /// >>> t = cx.Tickets.from_records([
    /// ...     {"created": "2026-11-02T09:00:00Z", "solved": ["2026-11-02T10:00:00Z", "2026-11-02T12:00:00Z"],
    /// ...      "reopened": ["2026-11-02T11:00:00Z"]},
    /// ... ])
    /// >>> cx.resolution_time(t).median, cx.resolution_time(t, kind="first").median
    /// (10800.0, 3600.0)
    #[classmethod]
    #[pyo3(signature = (records, *, tz = None), text_signature = "(records, *, tz=None)")]
    fn from_records(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        records: &Bound<'_, PyAny>,
        tz: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let tz = tz
            .filter(|t| !t.is_none())
            .map(|t| time_zone(t, "tz"))
            .transpose()?;
        let mut out = Vec::new();
        for (i, r) in items(records, "records")?.iter().enumerate() {
            out.push(
                record(r, tz.as_ref())
                    .map_err(|e| located(e, py, &format!("records[{i}]"), Some(i)))?,
            );
        }
        py.detach(|| Tickets::from_records(&out))
            .map(PyTickets)
            .map_err(core_err)
    }

    fn __len__(&self) -> usize {
        self.0.len()
    }

    fn __repr__(&self) -> String {
        format!("Tickets(n={})", self.0.len())
    }
}

// ───────────────────────────── results ─────────────────────────────

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
    PyDurationSummary(cxmetrics::DurationSummary) as "DurationSummary" {
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
    }
}

result_class! {
    /// First contact resolution rate (returned by :func:`fcr`), in percent.
    ///
    /// >>> import cxmetrics as cx
    /// >>> t = cx.Tickets.from_records([
    /// ...     {"created": "2026-11-02T09:00:00Z", "solved": ["2026-11-02T09:20:00Z"], "agent_replies": 1},
    /// ...     {"created": "2026-11-02T09:00:00Z", "solved": ["2026-11-02T11:00:00Z"], "agent_replies": 3},
    /// ... ])
    /// >>> r = cx.fcr(t)
    /// >>> r.score, r.count, r.n, r.denominator
    /// (50.0, 1, 2, 'resolved')
    PyFcrResult(cxmetrics::FcrResult) as "FcrResult" [inference] {
        /// Percent of the denominator resolved on first contact, 0…100.
        score: f64 = |r| r.score;
        /// Tickets resolved on first contact.
        count: u64 = |r| r.count;
        /// Tickets in the denominator.
        n: u64 = |r| r.n;
        /// The denominator used: ``"resolved"`` or ``"created"``.
        denominator: &'static str = |r| r.denominator.as_str();
    }
}

result_class! {
    /// Average handle time and its components, in seconds (returned by :func:`handle_time`).
    ///
    /// >>> import cxmetrics as cx
    /// >>> r = cx.handle_time([300, 420, None], hold=[60, 0, 10], wrap=[120, 60, 30])
    /// >>> r.score, r.n, r.missing, r.talk, r.hold, r.wrap
    /// (480.0, 2, 1, 360.0, 30.0, 90.0)
    PyAhtResult(cxmetrics::AhtResult) as "AhtResult" [inference] {
        /// Mean handle time (talk + hold + wrap-up), seconds.
        score: f64 = |r| r.score;
        /// Contacts used.
        n: u64 = |r| r.n;
        /// Contacts with a missing (None / NaN) component, left out.
        missing: u64 = |r| r.missing;
        /// Mean talk time, seconds.
        talk: f64 = |r| r.talk;
        /// Mean hold time, seconds (0 when ``hold`` was not given).
        hold: f64 = |r| r.hold;
        /// Mean wrap-up (after-contact work) time, seconds (0 when not given).
        wrap: f64 = |r| r.wrap;
        /// Sample standard deviation of handle time (n − 1); ``None`` for one contact.
        std_dev: Option<f64> = |r| r.std_dev;
    }
}

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
            let level = level_arg(level)?;
            let method = interval_method(method)?;
            self.0.interval(level, method).map(PyInterval).map_err(core_err)
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
        let rows = self
            .rows()
            .iter()
            .map(|r| r.to_dict(py))
            .collect::<PyResult<Vec<_>>>()?;
        d.set_item("rows", rows)?;
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
}

// ───────────────────────────── functions ─────────────────────────────

fn tickets_arg<'a, 'py>(obj: &'a Bound<'py, PyAny>) -> PyResult<&'a Bound<'py, PyTickets>> {
    obj.cast::<PyTickets>().map_err(|_| {
        type_error(format!(
            "tickets must be a cxmetrics.Tickets (build it with cx.Tickets(...) or \
             cx.Tickets.from_records(...)), not {}",
            type_name(obj)
        ))
    })
}

fn schedule_arg<'a, 'py>(
    obj: Option<&'a Bound<'py, PyAny>>,
) -> PyResult<Option<&'a Bound<'py, PySchedule>>> {
    match obj.filter(|o| !o.is_none()) {
        None => Ok(None),
        Some(o) => o.cast::<PySchedule>().map(Some).map_err(|_| {
            type_error(format!(
                "schedule must be a cxmetrics.Schedule, not {}",
                type_name(o)
            ))
        }),
    }
}

/// Runs a duration computation with the clock (business iff a schedule is given) and
/// `as_of`, detached from the interpreter.
fn with_options<R: Send>(
    py: Python<'_>,
    tickets: &Bound<'_, PyAny>,
    schedule: Option<&Bound<'_, PyAny>>,
    as_of: Option<&Bound<'_, PyAny>>,
    run: impl FnOnce(&Tickets, &DurationOptions<'_>) -> cxmetrics::Result<R> + Send,
) -> PyResult<R> {
    let tickets = tickets_arg(tickets)?;
    let schedule = schedule_arg(schedule)?;
    let as_of = opt_instant(as_of, "as_of")?;
    let clock = schedule.map_or(Clock::Calendar, |s| Clock::Business(&s.get().inner));
    let opts = DurationOptions { clock, as_of };
    let t = &tickets.get().0;
    py.detach(|| run(t, &opts)).map_err(core_err)
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
    let kind = match kind {
        None => ResolutionKind::Full,
        Some(k) => ResolutionKind::parse(&extract_str(k, "kind")?).map_err(core_err)?,
    };
    with_options(py, tickets, schedule, as_of, |t, o| {
        cxmetrics::resolution_time(t, kind, o)
    })
    .map(PyDurationSummary)
}

/// Requester wait time: created → final solve minus paused (on-hold / pending) time,
/// summarised in seconds.
///
/// Formula: ``wait = clock(created, final_solved) − Σ clock(pause ∩ [created,
/// final_solved])``; open tickets are censored at ``as_of`` with the pauses clipped to
/// ``[created, as_of]``.
///
/// Edge cases: a pause after the final solve subtracts nothing; a pause between a solve
/// and a later reopen is subtracted; in business time, the business seconds of each
/// clipped pause are subtracted (time paused after hours is not subtracted twice).
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
/// ``requester_wait = full_resolution − Σ clock(paused ∩ [created, final_solved])``.
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

/// `max_agent_replies`: absent = 1, `None` = any number, else an int >= 0.
pub(crate) struct MaxReplies(Option<u32>);

impl<'a, 'py> FromPyObject<'a, 'py> for MaxReplies {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        extract_opt_u32(Some(&obj), "max_agent_replies").map(MaxReplies)
    }
}

/// First contact resolution: the share of tickets resolved with one touch and not
/// reopened, in percent.
///
/// Formula: ``FCR = 100 × #{solved ∧ agent_replies ≤ max_agent_replies ∧
/// customer_followups ≤ max_customer_followups ∧ not reopened (within reopen_window)} /
/// #denominator``.
///
/// Edge cases: with ``denominator="created"`` unsolved tickets count as failures; with
/// ``"resolved"`` (default) they are not in the denominator. A reopen counts only when it
/// comes more than ``reopen_window`` seconds after the first solve (equality fails).
///
/// Args:
///     tickets: :class:`Tickets`.
///     max_agent_replies: at most this many agent replies (default 1, Zendesk's
///         one-touch); ``None``: any number.
///     max_customer_followups: at most this many customer follow-ups (default ``None``:
///         not checked).
///     reopen_window: ``None`` (default): any reopen after the first solve
///         disqualifies; seconds (or a ``timedelta``): only a reopen within that window.
///     denominator: ``"resolved"`` (first solved in the period) or ``"created"``.
///     period: ``(from, to)`` instants, half-open ``[from, to)``; ``None``: all tickets.
///
/// Returns:
///     FcrResult
///
/// Raises:
///     CxMetricsError: ``empty`` when the denominator is empty; ``invalid_argument`` for a
///         negative reopen window, a period with ``to <= from``, an unknown denominator or
///         a negative count.
///     TypeError: for arguments of the wrong type.
///
/// >>> import cxmetrics as cx
/// >>> t = cx.Tickets.from_records([
/// ...     {"created": "2026-11-02T09:00:00Z", "solved": ["2026-11-02T09:20:00Z"], "agent_replies": 1},
/// ...     {"created": "2026-11-02T09:00:00Z", "solved": ["2026-11-02T11:00:00Z"], "agent_replies": 3},
/// ...     {"created": "2026-11-02T09:00:00Z"},
/// ... ])
/// >>> cx.fcr(t).score, cx.fcr(t, max_agent_replies=None).score, cx.fcr(t, denominator="created").n
/// (50.0, 100.0, 3)
#[pyfunction]
#[pyo3(
    signature = (tickets, *, max_agent_replies = MaxReplies(Some(1)), max_customer_followups = None, reopen_window = None, denominator = None, period = None),
    text_signature = "(tickets, *, max_agent_replies=1, max_customer_followups=None, reopen_window=None, denominator='resolved', period=None)"
)]
fn fcr(
    py: Python<'_>,
    tickets: &Bound<'_, PyAny>,
    max_agent_replies: MaxReplies,
    max_customer_followups: Option<&Bound<'_, PyAny>>,
    reopen_window: Option<&Bound<'_, PyAny>>,
    denominator: Option<&Bound<'_, PyAny>>,
    period: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyFcrResult> {
    let tickets = tickets_arg(tickets)?;
    let period = match period.filter(|p| !p.is_none()) {
        None => None,
        Some(p) => {
            let parts = items(p, "period")?;
            let [from, to] = parts.as_slice() else {
                return Err(type_error("period must be a (from, to) pair of instants"));
            };
            Some((
                required_instant(from, "period[0]")?,
                required_instant(to, "period[1]")?,
            ))
        }
    };
    let options = FcrOptions {
        max_agent_replies: max_agent_replies.0,
        max_customer_followups: extract_opt_u32(max_customer_followups, "max_customer_followups")?,
        reopen_window: opt_seconds(reopen_window, "reopen_window")?,
        denominator: match denominator {
            None => FcrDenominator::Resolved,
            Some(d) => FcrDenominator::parse(&extract_str(d, "denominator")?).map_err(core_err)?,
        },
        period,
    };
    let t = &tickets.get().0;
    py.detach(|| cxmetrics::fcr(t, &options))
        .map(PyFcrResult)
        .map_err(core_err)
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
    let metric = match metric {
        None => DurationMetric::FirstResponse,
        Some(m) => DurationMetric::parse(&extract_str(m, "metric")?).map_err(core_err)?,
    };
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

/// Average handle time: the mean of talk + hold + wrap-up per contact, in seconds.
///
/// Formula: ``AHT = Σ(talkᵢ + holdᵢ + wrapᵢ) / n``; an absent ``hold`` or ``wrap`` column
/// counts as 0 per contact.
///
/// Edge cases: a contact with None / NaN in any given component is missing (counted in
/// ``missing``, left out).
///
/// Args:
///     talk: talk seconds per contact (list, numpy array, pandas / polars Series).
///     hold: hold seconds per contact (optional).
///     wrap: wrap-up seconds per contact (optional).
///
/// Returns:
///     AhtResult
///
/// Raises:
///     CxMetricsError: ``length_mismatch``; ``invalid_argument`` for a negative or
///         infinite component (with the contact's ``index``); ``empty`` with no complete
///         contact.
///     TypeError: for a container or value that is not numeric.
///
/// >>> import cxmetrics as cx
/// >>> r = cx.handle_time([300, 420], hold=[60, 0], wrap=[30, 45])
/// >>> r.score, r.n
/// (427.5, 2)
#[pyfunction]
#[pyo3(
    signature = (talk, *, hold = None, wrap = None),
    text_signature = "(talk, *, hold=None, wrap=None)"
)]
fn handle_time(
    py: Python<'_>,
    talk: &Bound<'_, PyAny>,
    hold: Option<&Bound<'_, PyAny>>,
    wrap: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyAhtResult> {
    let talk = extract_floats(talk, Role::Floats("talk", "talk time"))?;
    let hold = hold
        .filter(|h| !h.is_none())
        .map(|h| extract_floats(h, Role::Floats("hold", "hold time")))
        .transpose()?;
    let wrap = wrap
        .filter(|w| !w.is_none())
        .map(|w| extract_floats(w, Role::Floats("wrap", "wrap-up time")))
        .transpose()?;
    let (t, h, w) = (
        talk.as_slice(),
        hold.as_ref().map(crate::convert::Column::as_slice),
        wrap.as_ref().map(crate::convert::Column::as_slice),
    );
    py.detach(|| cxmetrics::handle_time(t, h, w))
        .map(PyAhtResult)
        .map_err(core_err)
}

/// Registers this module's classes and functions.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PySchedule>()?;
    m.add_class::<PyTickets>()?;
    m.add_class::<PyDurationSummary>()?;
    m.add_class::<PyFcrResult>()?;
    m.add_class::<PySlaRow>()?;
    m.add_class::<PySlaResult>()?;
    m.add_class::<PyAhtResult>()?;
    m.add_function(wrap_pyfunction!(first_response_time, m)?)?;
    m.add_function(wrap_pyfunction!(resolution_time, m)?)?;
    m.add_function(wrap_pyfunction!(requester_wait_time, m)?)?;
    m.add_function(wrap_pyfunction!(ticket_durations, m)?)?;
    m.add_function(wrap_pyfunction!(fcr, m)?)?;
    m.add_function(wrap_pyfunction!(sla, m)?)?;
    m.add_function(wrap_pyfunction!(handle_time, m)?)?;
    Ok(())
}
