//! JS instants → the core's `Timestamp`: epoch milliseconds (a number: `Date.getTime()`,
//! `Date.now()`, or a number the caller gives) or ISO 8601 strings with an offset, parsed
//! by the core's [`cxmetrics::parse_instant`]. `null` / `undefined` / `NaN` are absent.
//! Nothing here computes a metric.

use cxmetrics::jiff::{SignedDuration, Timestamp};
use js_sys::{Array, Float64Array};
use wasm_bindgen::JsValue;

use crate::convert::f64s_from;
use crate::errors::{JsResult, core_error};

/// Where a value sits, for messages and error indices: `name`, `name[index]` or, in
/// ticket records, `records[index].name`.
#[derive(Clone, Copy)]
pub(crate) struct At<'a> {
    pub name: &'a str,
    pub index: Option<usize>,
    pub record: bool,
}

impl At<'_> {
    pub(crate) fn new(name: &str) -> At<'_> {
        At {
            name,
            index: None,
            record: false,
        }
    }

    pub(crate) fn item(name: &str, index: usize) -> At<'_> {
        At {
            name,
            index: Some(index),
            record: false,
        }
    }

    pub(crate) fn record(name: &str, index: usize) -> At<'_> {
        At {
            name,
            index: Some(index),
            record: true,
        }
    }

    /// An `invalid_argument` error about this value (its index, when it has one).
    pub(crate) fn invalid(self, message: &str) -> JsValue {
        let label = match (self.index, self.record) {
            (Some(i), true) => format!("records[{i}].{}", self.name),
            (Some(i), false) => format!("{}[{i}]", self.name),
            (None, _) => self.name.to_owned(),
        };
        let e = match self.index {
            Some(i) => cxmetrics::Error::invalid_argument_at(label, message, i),
            None => cxmetrics::Error::invalid_argument(label, message),
        };
        core_error(e)
    }
}

/// Epoch milliseconds (finite; fractions of a millisecond kept to the nanosecond).
fn from_millis(ms: f64, at: At<'_>) -> JsResult<Timestamp> {
    let whole = ms.trunc();
    let out_of_range = || {
        at.invalid(&format!(
            "{ms} ms since 1970 is outside the supported range (years -9999 to 9999)"
        ))
    };
    if !(ms.is_finite() && whole.abs() < 1e15) {
        return Err(out_of_range());
    }
    let nanos = ((ms - whole) * 1e6).round() as i64;
    Timestamp::from_millisecond(whole as i64)
        .and_then(|t| t.checked_add(SignedDuration::from_nanos(nanos)))
        .map_err(|_| out_of_range())
}

/// An ISO 8601 string with an offset, parsed by the core.
fn from_text(s: &str, at: At<'_>) -> JsResult<Timestamp> {
    cxmetrics::parse_instant(s).map_err(|e| at.invalid(&e.detail()))
}

/// One instant: a number (epoch ms; NaN = absent), a string, or `null` / `undefined`.
/// The wrapper has turned `Date`s into numbers and refused every other type.
pub(crate) fn instant(v: &JsValue, at: At<'_>) -> JsResult<Option<Timestamp>> {
    if let Some(ms) = v.as_f64() {
        return if ms.is_nan() {
            Ok(None)
        } else {
            from_millis(ms, at).map(Some)
        };
    }
    if let Some(s) = v.as_string() {
        return from_text(&s, at).map(Some);
    }
    Ok(None)
}

/// A required instant (`invalid_argument` when absent).
pub(crate) fn required(v: &JsValue, at: At<'_>) -> JsResult<Timestamp> {
    instant(v, at)?.ok_or_else(|| at.invalid("the instant is missing"))
}

/// A column of instants as the wrapper sends it: epoch milliseconds (`NaN` where the
/// value is absent or a string) and, when any value is a string, an array holding the
/// strings at their positions.
pub(crate) fn column(
    name: &str,
    ms: &Float64Array,
    strings: Option<Array>,
) -> JsResult<Vec<Option<Timestamp>>> {
    column_at(ms, strings, &|i| At::item(name, i))
}

/// [`column`], locating the value at position `i` by `at(i)`.
pub(crate) fn column_at<'a>(
    ms: &Float64Array,
    strings: Option<Array>,
    at: &dyn Fn(usize) -> At<'a>,
) -> JsResult<Vec<Option<Timestamp>>> {
    let ms = f64s_from(at(0).name, ms)?;
    let mut out = Vec::with_capacity(ms.len());
    for (i, &x) in ms.iter().enumerate() {
        let at = at(i);
        out.push(if !x.is_nan() {
            Some(from_millis(x, at)?)
        } else if let Some(s) = strings.as_ref().and_then(|a| a.get(i as u32).as_string()) {
            Some(from_text(&s, at)?)
        } else {
            None
        });
    }
    Ok(out)
}

/// A column of instants where every value is required.
pub(crate) fn required_column(
    name: &str,
    ms: &Float64Array,
    strings: Option<Array>,
) -> JsResult<Vec<Timestamp>> {
    column(name, ms, strings)?
        .into_iter()
        .enumerate()
        .map(|(i, t)| t.ok_or_else(|| At::item(name, i).invalid("the instant is missing")))
        .collect()
}
