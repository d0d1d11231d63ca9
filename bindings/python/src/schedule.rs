//! Business hours: `Schedule` (an IANA zone, weekly opening windows and holidays).
//!
//! Windows and holidays are converted (the core's `Window::parse` / `parse_date` read
//! the text); every business-time computation is the core's [`cxmetrics::Schedule`].
#![allow(
    clippy::doc_link_with_quotes,
    reason = "the docstrings are Python; their examples have lists of strings"
)]

use cxmetrics::jiff::civil::Date;
use cxmetrics::{Schedule, Window};
use pyo3::prelude::*;
use pyo3::types::{
    PyDate, PyDateAccess, PyDateTime, PyInt, PyList, PyString, PyTime, PyTimeAccess, PyTuple,
    PyTzInfoAccess,
};

use crate::convert::extract_str;
use crate::convert::items::{items, located};
use crate::errors::{core_err, invalid_argument, no_panic, type_error, type_name};
use crate::time::{required_instant, to_py_datetime};

const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

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
    /// The windows and holidays as given (parsed), for `__reduce__`.
    windows: Vec<Window>,
    holidays: Vec<Date>,
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
            windows: ws,
            holidays: hs,
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
        py.detach(|| no_panic(|| self.inner.business_seconds(a, b)))
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
            .detach(|| no_panic(|| self.inner.add_business(start, secs)))
            .map_err(core_err)?;
        to_py_datetime(py, t)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Schedule({}, {} window{}, {} holiday{})",
            PyString::new(py, &self.name).repr()?,
            self.windows.len(),
            if self.windows.len() == 1 { "" } else { "s" },
            self.holidays.len(),
            if self.holidays.len() == 1 { "" } else { "s" }
        ))
    }

    /// Pickling (a schedule travels to Spark executors with
    /// :func:`cxmetrics.spark.ticket_durations`): the constructor's arguments, the windows
    /// as ``(weekday number, "HH:MM:SS", "HH:MM:SS")`` and the holidays as ``"YYYY-MM-DD"``.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let s = slf.get();
        let hms = |t: cxmetrics::jiff::civil::Time| {
            format!("{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second())
        };
        let windows: Vec<(i8, String, String)> = s
            .windows
            .iter()
            .map(|w| (w.weekday.to_monday_zero_offset(), hms(w.start), hms(w.end)))
            .collect();
        let holidays: Vec<String> = s.holidays.iter().map(ToString::to_string).collect();
        (slf.get_type(), (s.name.clone(), windows, holidays))
            .into_pyobject(py)
            .map(pyo3::Bound::into_any)
    }
}

pub(crate) fn schedule_arg<'a, 'py>(
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

/// Registers `Schedule`.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PySchedule>()?;
    Ok(())
}
