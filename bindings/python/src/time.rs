//! Python instants, dates, times and durations ↔ the core's `jiff` types.
//!
//! Instants are aware `datetime`s (pandas `Timestamp`s included, to the nanosecond),
//! numpy `datetime64` (UTC), ISO 8601 strings with an offset (parsed by the core's
//! [`cxmetrics::parse_instant`]) and columns of those (lists, numpy arrays, pandas and
//! polars columns). A naive `datetime` (or a naive pandas / polars datetime column) is an
//! `invalid_argument` error unless a time zone is given to localise it. `None`, NaT and
//! NaN are absent. Nothing here computes a metric.

use cxmetrics::jiff::Timestamp;
use cxmetrics::jiff::civil::DateTime;
use cxmetrics::jiff::tz::{AmbiguousOffset, TimeZone};
use numpy::{PyReadonlyArray1, PyUntypedArrayMethods};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{
    PyDate, PyDateAccess, PyDateTime, PyDelta, PyDeltaAccess, PyFloat, PyList, PyString,
    PyTimeAccess, PyTuple, PyTzInfo, PyTzInfoAccess,
};

use crate::convert::extract_f64;
use crate::errors::{core_err, cx_error, invalid_argument_at, type_error, type_name};

/// Where a value sits, for messages and error indices: `name` or `name[index]`.
#[derive(Clone, Copy)]
pub(crate) struct At<'a> {
    pub name: &'a str,
    pub index: Option<usize>,
}

impl At<'_> {
    pub(crate) fn new(name: &str) -> At<'_> {
        At { name, index: None }
    }

    fn label(self) -> String {
        match self.index {
            Some(i) => format!("{}[{i}]", self.name),
            None => self.name.to_owned(),
        }
    }

    fn invalid(self, message: impl std::fmt::Display) -> PyErr {
        invalid_argument_at(self.label(), message, self.index)
    }
}

/// An IANA time zone by name (`unknown_time_zone` otherwise).
pub(crate) fn time_zone(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<TimeZone> {
    let Ok(s) = obj.cast::<PyString>() else {
        return Err(type_error(format!(
            "{name} must be an IANA time-zone name such as \"Europe/Berlin\" or \"UTC\", not {}",
            type_name(obj)
        )));
    };
    let s = s.to_cow()?;
    TimeZone::get(&s).map_err(|e| {
        core_err(cxmetrics::Error::UnknownTimeZone {
            name: s.clone().into_owned(),
            reason: e.to_string(),
        })
    })
}

/// The instant a naive local date-time names in `tz`: PEP 495 with `fold = 0` (the
/// earlier of a repeated time, the later reading of a skipped one), or `fold = 1`.
fn localise(tz: &TimeZone, dt: DateTime, fold: bool, at: At<'_>) -> PyResult<Timestamp> {
    let amb = tz.to_ambiguous_timestamp(dt);
    let ts = match (amb.offset(), fold) {
        (AmbiguousOffset::Unambiguous { .. }, _) => amb.compatible(),
        (AmbiguousOffset::Gap { .. }, false) | (AmbiguousOffset::Fold { .. }, true) => amb.later(),
        (AmbiguousOffset::Gap { .. }, true) | (AmbiguousOffset::Fold { .. }, false) => {
            amb.earlier()
        }
    };
    ts.map_err(|e| at.invalid(format!("{dt} cannot be placed in the time zone ({e})")))
}

fn naive_error(at: At<'_>, what: &str) -> PyErr {
    at.invalid(format!(
        "{what} has no time zone, so the instant it names is ambiguous; attach one \
         (datetime(..., tzinfo=datetime.timezone.utc) or ZoneInfo(\"Europe/Berlin\"); \
         Series.dt.tz_localize(...)) or pass tz=\"...\" to cx.Tickets"
    ))
}

fn from_nanos(nanos: i128, at: At<'_>) -> PyResult<Timestamp> {
    Timestamp::from_nanosecond(nanos)
        .map_err(|e| at.invalid(format!("the instant is out of range ({e})")))
}

/// A `datetime` (or pandas `Timestamp`) as an instant.
fn from_datetime(
    dt: &Bound<'_, PyDateTime>,
    tz: Option<&TimeZone>,
    at: At<'_>,
) -> PyResult<Timestamp> {
    // pandas.Timestamp carries nanoseconds beyond the datetime's microseconds
    let extra_ns = if dt.get_type().module()?.to_cow()?.starts_with("pandas") {
        dt.getattr("nanosecond")?.extract::<i32>().unwrap_or(0)
    } else {
        0
    };
    let civil = DateTime::new(
        dt.get_year() as i16,
        dt.get_month() as i8,
        dt.get_day() as i8,
        dt.get_hour() as i8,
        dt.get_minute() as i8,
        dt.get_second() as i8,
        dt.get_microsecond() as i32 * 1000 + extra_ns,
    )
    .map_err(|e| at.invalid(format!("not a valid date-time ({e})")))?;
    let offset = if dt.get_tzinfo().is_some() {
        let o = dt.call_method0("utcoffset")?;
        if o.is_none() {
            None
        } else {
            Some(o.cast_into::<PyDelta>()?)
        }
    } else {
        None
    };
    match (offset, tz) {
        (Some(o), _) => {
            let offset_ns = (i128::from(o.get_days()) * 86_400 + i128::from(o.get_seconds()))
                * 1_000_000_000
                + i128::from(o.get_microseconds()) * 1000;
            let wall = TimeZone::UTC
                .to_ambiguous_timestamp(civil)
                .compatible()
                .map_err(|e| at.invalid(format!("the instant is out of range ({e})")))?;
            from_nanos(wall.as_nanosecond() - offset_ns, at)
        }
        (None, Some(tz)) => localise(tz, civil, dt.get_fold(), at),
        (None, None) => Err(naive_error(at, "a naive datetime")),
    }
}

/// Converts a numpy `datetime64` scalar or array through the Python helper into int64
/// values and their unit.
fn helper(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    static HELPER: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    HELPER.import(py, "cxmetrics._convert", "instant_column")
}

/// A numpy / pandas / polars datetime unit with its multiple (`datetime64[10s]`: 10
/// seconds per step).
#[derive(Clone, Copy)]
enum Unit {
    /// Nanoseconds per step (`num / den`: `den` > 1 only for units finer than 1 ns).
    Fixed { num: i128, den: i128 },
    /// Calendar months per step (`M`: 1, `Y`: 12), counted from 1970-01.
    Months(i128),
}

impl Unit {
    fn parse(unit: &str, multiple: i64) -> PyResult<Unit> {
        let m = i128::from(multiple);
        let unsupported = || {
            type_error(format!(
                "unsupported datetime unit {unit:?} (multiple {multiple}); use s, ms, us or ns"
            ))
        };
        let fixed = |ns: i128| Unit::Fixed {
            num: ns * m,
            den: 1,
        };
        let fine = |den: i128| Unit::Fixed { num: m, den };
        if multiple < 1 {
            return Err(unsupported());
        }
        Ok(match unit {
            "Y" => Unit::Months(12 * m),
            "M" => Unit::Months(m),
            "W" => fixed(7 * 86_400_000_000_000),
            "D" => fixed(86_400_000_000_000),
            "h" => fixed(3_600_000_000_000),
            "m" => fixed(60_000_000_000),
            "s" => fixed(1_000_000_000),
            "ms" => fixed(1_000_000),
            "us" => fixed(1000),
            "ns" => fixed(1),
            "ps" => fine(1000),
            "fs" => fine(1_000_000),
            "as" => fine(1_000_000_000),
            _ => return Err(unsupported()),
        })
    }

    /// The instant `v` steps after 1970-01-01T00:00:00Z names, with checked arithmetic:
    /// a value outside the instants the core holds is an `invalid_argument` naming it
    /// (never wrapped around). Units finer than a nanosecond are floored to it.
    fn instant(self, v: i64, unit: &str, at: At<'_>) -> PyResult<Timestamp> {
        let v = i128::from(v);
        let out_of_range = || {
            at.invalid(format!(
                "the datetime value {v} (unit {unit}) is outside the instants cxmetrics \
                 holds ({} to {}); it was not wrapped around",
                Timestamp::MIN,
                Timestamp::MAX
            ))
        };
        match self {
            Unit::Fixed { num, den } => {
                let nanos = v.checked_mul(num).ok_or_else(out_of_range)?.div_euclid(den);
                Timestamp::from_nanosecond(nanos).map_err(|_| out_of_range())
            }
            Unit::Months(per) => {
                let months = v.checked_mul(per).ok_or_else(out_of_range)?;
                let year =
                    i16::try_from(1970 + months.div_euclid(12)).map_err(|_| out_of_range())?;
                let month = months.rem_euclid(12) as i8 + 1;
                let date = cxmetrics::jiff::civil::Date::new(year, month, 1)
                    .map_err(|_| out_of_range())?;
                TimeZone::UTC
                    .to_timestamp(date.to_datetime(cxmetrics::jiff::civil::Time::midnight()))
                    .map_err(|_| out_of_range())
            }
        }
    }
}

/// One instant: `None` when absent (None, NaT, NaN, `pd.NA`).
pub(crate) fn instant(
    obj: &Bound<'_, PyAny>,
    tz: Option<&TimeZone>,
    at: At<'_>,
) -> PyResult<Option<Timestamp>> {
    if obj.is_none() {
        return Ok(None);
    }
    let ty = obj.get_type();
    let ty_name = ty.name()?.to_cow()?.into_owned();
    if ty_name == "NaTType" || ty_name == "NAType" {
        return Ok(None);
    }
    if let Ok(dt) = obj.cast::<PyDateTime>() {
        return from_datetime(dt, tz, at).map(Some);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return cxmetrics::parse_instant(&s.to_cow()?)
            .map(Some)
            .map_err(|e| at.invalid(e.detail()));
    }
    if let Ok(f) = obj.cast::<PyFloat>()
        && f.value().is_nan()
    {
        return Ok(None);
    }
    if obj.is_instance_of::<PyDate>() {
        return Err(type_error(format!(
            "{} is a date, not an instant; pass a datetime with a time zone",
            at.label()
        )));
    }
    if ty_name == "datetime64" {
        let col = helper(obj.py())?.call1((obj, at.name))?;
        return Ok(instants_from_helper(&col, tz, at, true)?.pop().flatten());
    }
    Err(type_error(format!(
        "{} must be an instant (an aware datetime, a numpy datetime64, a pandas Timestamp \
         or an ISO 8601 string with an offset), not {}",
        at.label(),
        type_name(obj)
    )))
}

/// A required instant (a `TypeError` for `None`).
pub(crate) fn required_instant(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<Timestamp> {
    instant(obj, None, At::new(name))?.ok_or_else(|| {
        type_error(format!(
            "{name} must be an instant (an aware datetime, a numpy datetime64, a pandas \
             Timestamp or an ISO 8601 string with an offset), not {}",
            type_name(obj)
        ))
    })
}

/// An optional instant argument (`as_of`).
pub(crate) fn opt_instant(
    obj: Option<&Bound<'_, PyAny>>,
    name: &str,
) -> PyResult<Option<Timestamp>> {
    match obj {
        None => Ok(None),
        Some(o) => instant(o, None, At::new(name)),
    }
}

/// A column of instants, one `Option` per row.
pub(crate) fn instants(
    obj: &Bound<'_, PyAny>,
    name: &str,
    tz: Option<&TimeZone>,
) -> PyResult<Vec<Option<Timestamp>>> {
    let each = |items: Vec<Bound<'_, PyAny>>| -> PyResult<Vec<Option<Timestamp>>> {
        items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                instant(
                    item,
                    tz,
                    At {
                        name,
                        index: Some(i),
                    },
                )
            })
            .collect()
    };
    if let Ok(l) = obj.cast::<PyList>() {
        return each(l.iter().collect());
    }
    if let Ok(t) = obj.cast::<PyTuple>() {
        return each(t.iter().collect());
    }
    if obj.is_instance_of::<PyString>() || obj.cast::<PyDateTime>().is_ok() {
        return Err(type_error(format!(
            "{name} must be a column of instants (a list, numpy array or pandas / polars \
             column), not a single {}",
            type_name(obj)
        )));
    }
    let col = helper(obj.py())?.call1((obj, name))?;
    instants_from_helper(&col, tz, At::new(name), false)
}

/// A column of instants none of which may be missing: a missing one is an
/// `invalid_argument` naming `name[i]`, saying `why` (e.g. "every response needs its
/// time"), with the row's index.
pub(crate) fn required_instants(
    obj: &Bound<'_, PyAny>,
    name: &str,
    tz: Option<&TimeZone>,
    why: &str,
) -> PyResult<Vec<Timestamp>> {
    instants(obj, name, tz)?
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            t.ok_or_else(|| {
                invalid_argument_at(format!("{name}[{i}]"), format!("missing; {why}"), Some(i))
            })
        })
        .collect()
}

/// Reads what `cxmetrics._convert.instant_column` returned: `("utc" | "naive", int64
/// array, unit, multiple)` or `("objects", list)`. `scalar`: the values are one value, located by
/// `at` itself (else each value is located by its position).
fn instants_from_helper(
    col: &Bound<'_, PyAny>,
    tz: Option<&TimeZone>,
    at: At<'_>,
    scalar: bool,
) -> PyResult<Vec<Option<Timestamp>>> {
    let kind: String = col.get_item(0)?.extract()?;
    if kind == "objects" {
        let items = col.get_item(1)?;
        let list = items.cast::<PyList>()?;
        return list
            .iter()
            .enumerate()
            .map(|(i, item)| {
                instant(
                    &item,
                    tz,
                    At {
                        name: at.name,
                        index: Some(i),
                    },
                )
            })
            .collect();
    }
    let values = col.get_item(1)?;
    let values: PyReadonlyArray1<'_, i64> = values.extract()?;
    let unit: String = col.get_item(2)?.extract()?;
    let multiple: i64 = col.get_item(3)?.extract()?;
    let naive = kind == "naive";
    let mut out = Vec::with_capacity(values.len());
    let slice = values.as_slice()?;
    for (i, &v) in slice.iter().enumerate() {
        let at_i = if scalar {
            at
        } else {
            At {
                name: at.name,
                index: Some(i),
            }
        };
        if v == i64::MIN {
            out.push(None); // NaT
            continue;
        }
        // parsed only for a value that is not NaT: numpy's NaT may have no unit ("generic")
        let ts = Unit::parse(&unit, multiple)?.instant(v, &unit, at_i)?;
        if naive {
            let Some(tz) = tz else {
                return Err(naive_error(at_i, "a naive datetime64 value (no time zone)"));
            };
            let civil = TimeZone::UTC.to_datetime(ts);
            out.push(Some(localise(tz, civil, false, at_i)?));
        } else {
            out.push(Some(ts));
        }
    }
    Ok(out)
}

/// An instant as an aware `datetime` in UTC (sub-microseconds are dropped).
pub(crate) fn to_py_datetime(py: Python<'_>, ts: Timestamp) -> PyResult<Bound<'_, PyDateTime>> {
    let dt = TimeZone::UTC.to_datetime(ts);
    if dt.year() < 1 {
        return Err(cx_error(
            "invalid_argument",
            format!("the instant {ts} is before year 1, which Python's datetime cannot hold"),
            None,
        ));
    }
    let utc = PyTzInfo::utc(py)?;
    PyDateTime::new(
        py,
        i32::from(dt.year()),
        dt.month() as u8,
        dt.day() as u8,
        dt.hour() as u8,
        dt.minute() as u8,
        dt.second() as u8,
        (dt.subsec_nanosecond() / 1000) as u32,
        Some(&utc),
    )
}

/// A number of seconds: a number or a `datetime.timedelta`.
pub(crate) fn seconds(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<f64> {
    if let Ok(d) = obj.cast::<PyDelta>() {
        let whole = i64::from(d.get_days()) * 86_400 + i64::from(d.get_seconds());
        return Ok(whole as f64 + f64::from(d.get_microseconds()) / 1e6);
    }
    extract_f64(obj, name).map_err(|_| {
        type_error(format!(
            "{name} must be a number of seconds or a datetime.timedelta, not {}",
            type_name(obj)
        ))
    })
}

/// An optional number of seconds.
pub(crate) fn opt_seconds(obj: Option<&Bound<'_, PyAny>>, name: &str) -> PyResult<Option<f64>> {
    obj.filter(|o| !o.is_none())
        .map(|o| seconds(o, name))
        .transpose()
}
