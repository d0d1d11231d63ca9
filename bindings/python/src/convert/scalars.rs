//! Python scalars and small options → Rust values: numbers, ints, counts, strings,
//! scales, NPS buckets and the invalid-value policy.

use cxmetrics::{NpsBuckets, OnInvalid, Scale};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyList, PySequence, PyString, PyTuple};

use super::Role;
use crate::errors::{core_err, cx_error, invalid_argument, type_error, type_name};
use crate::scale::PyScale;

/// Converts one Python value into a float: `None` and NaN (and `pandas.NA`) are NaN
/// (missing); `bool` and non-numbers are a `TypeError`.
pub(crate) fn scalar_to_f64(
    item: &Bound<'_, PyAny>,
    role: Role,
    index: Option<usize>,
) -> PyResult<f64> {
    // Fast paths (plain type-pointer checks) for the common element types.
    if item.is_exact_instance_of::<PyFloat>()
        && let Ok(v) = item.extract::<f64>()
    {
        return Ok(v);
    }
    if item.is_none() {
        return Ok(f64::NAN);
    }
    if item.is_exact_instance_of::<PyInt>()
        && let Ok(v) = item.extract::<i64>()
    {
        return Ok(v as f64);
    }
    if item.is_instance_of::<PyBool>() || is_numpy_bool(item)? {
        return Err(bad_item(item, role, index, "booleans are not accepted"));
    }
    if let Ok(int) = item.cast::<PyInt>() {
        return Ok(int_to_f64(int));
    }
    if let Ok(f) = item.cast::<PyFloat>() {
        return Ok(f.value());
    }
    let ty = item.get_type();
    if ty.name()? == "NAType" {
        return Ok(f64::NAN); // pandas.NA
    }
    if item.hasattr("__float__")? || item.hasattr("__index__")? {
        if let Ok(v) = item.extract::<f64>() {
            return Ok(v);
        }
        if let Ok(int) = item.call_method0("__index__")
            && let Ok(int) = int.cast::<PyInt>()
        {
            return Ok(int_to_f64(int));
        }
    }
    Err(bad_item(item, role, index, "not a number"))
}

/// An int as f64; ints beyond the f64 range saturate (they are out of every scale anyway).
fn int_to_f64(int: &Bound<'_, PyInt>) -> f64 {
    if let Ok(v) = int.extract::<i64>() {
        return v as f64;
    }
    match int.extract::<f64>() {
        Ok(v) => v,
        Err(_) if int.lt(0).unwrap_or(false) => f64::MIN,
        Err(_) => f64::MAX,
    }
}

fn is_numpy_bool(item: &Bound<'_, PyAny>) -> PyResult<bool> {
    let ty = item.get_type();
    if ty.module()? != "numpy" {
        return Ok(false);
    }
    let name = ty.name()?.to_string();
    Ok(name == "bool" || name == "bool_")
}

fn bad_item(item: &Bound<'_, PyAny>, role: Role, index: Option<usize>, why: &str) -> PyErr {
    let repr = item
        .repr()
        .map_or_else(|_| "?".to_owned(), |r| r.to_string());
    let short: String = repr.chars().take(40).collect();
    let at = index.map_or_else(String::new, |i| format!(" at index {i}"));
    type_error(format!(
        "{item_name}{at} is {short} (a {ty}): {why}; {role_name} must be numbers, with None or NaN for a missing answer",
        item_name = role.item(),
        ty = type_name(item),
        role_name = role.name(),
    ))
}

/// An integer option (threshold, scale bound, …): `bool` and floats are a `TypeError`;
/// ints beyond 64 bits saturate (they are off every scale, and the core says so).
pub(crate) fn extract_int(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<i64> {
    Ok(saturating_i64(&py_int(obj, name)?))
}

/// `obj` as a Python int: ints and objects with `__index__` (numpy integers); a `bool`,
/// float or anything else is a `TypeError`.
fn py_int<'py>(obj: &Bound<'py, PyAny>, name: &str) -> PyResult<Bound<'py, PyInt>> {
    if obj.is_instance_of::<PyBool>() || is_numpy_bool(obj)? {
        return Err(type_error(format!("{name} must be an int, not a bool")));
    }
    if let Ok(int) = obj.cast::<PyInt>() {
        return Ok(int.clone());
    }
    if obj.hasattr("__index__")?
        && let Ok(int) = obj.call_method0("__index__")
        && let Ok(int) = int.cast_into::<PyInt>()
    {
        return Ok(int);
    }
    Err(type_error(format!(
        "{name} must be an int, not {}",
        type_name(obj)
    )))
}

fn saturating_i64(int: &Bound<'_, PyInt>) -> i64 {
    match int.extract::<i64>() {
        Ok(v) => v,
        Err(_) if int.lt(0).unwrap_or(false) => i64::MIN,
        Err(_) => i64::MAX,
    }
}

/// A scale: a `cxmetrics.Scale` or a `(min, max)` tuple (a 2-item list is accepted too).
pub(crate) fn extract_scale(obj: &Bound<'_, PyAny>) -> PyResult<Scale> {
    if let Ok(s) = obj.cast::<PyScale>() {
        return Ok(s.get().0);
    }
    match pair(obj) {
        Some(seq) if seq.len()? == 2 => {
            let min = extract_int(&seq.get_item(0)?, "scale min")?;
            let max = extract_int(&seq.get_item(1)?, "scale max")?;
            new_scale(min, max)
        }
        _ => Err(type_error(format!(
            "scale must be a cxmetrics.Scale or a (min, max) tuple of ints, not {}",
            type_name(obj)
        ))),
    }
}

/// A tuple or list, as a sequence (for `(min, max)` and `(detractor_max, promoter_min)`).
fn pair<'py>(obj: &Bound<'py, PyAny>) -> Option<Bound<'py, PySequence>> {
    if let Ok(t) = obj.cast::<PyTuple>() {
        Some(t.as_sequence().clone())
    } else if let Ok(l) = obj.cast::<PyList>() {
        Some(l.as_sequence().clone())
    } else {
        None
    }
}

/// `Scale::new`, refusing bounds outside 32 bits before the core does arithmetic on them.
pub(crate) fn new_scale(min: i64, max: i64) -> PyResult<Scale> {
    if i32::try_from(min).is_err() || i32::try_from(max).is_err() {
        return Err(cx_error(
            "invalid_scale",
            format!("invalid scale {min}–{max}: bounds must fit in a 32-bit integer"),
            None,
        ));
    }
    Scale::new(min, max).map_err(core_err)
}

/// `on_invalid`: `"error"` (default, also for `None`) or `"skip"`.
pub(crate) fn extract_on_invalid(obj: Option<&Bound<'_, PyAny>>) -> PyResult<OnInvalid> {
    Ok(by_name(obj, "on_invalid", OnInvalid::parse)?.unwrap_or_default())
}

/// An option chosen by name (`method`, `kind`, `denominator`, …): `None` when unset
/// (or `None`), else the core's parse of the str — its refusal of an unknown name
/// passes through as the core's `invalid_argument`.
pub(crate) fn by_name<T>(
    obj: Option<&Bound<'_, PyAny>>,
    name: &str,
    parse: impl FnOnce(&str) -> cxmetrics::Result<T>,
) -> PyResult<Option<T>> {
    obj.filter(|o| !o.is_none())
        .map(|o| parse(&extract_str(o, name)?).map_err(core_err))
        .transpose()
}

/// A string option (`method`, `on_invalid`).
pub(crate) fn extract_str(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<String> {
    match obj.cast::<PyString>() {
        Ok(s) => Ok(s.to_cow()?.into_owned()),
        Err(_) => Err(type_error(format!(
            "{name} must be a str, not {}",
            type_name(obj)
        ))),
    }
}

/// An optional integer option (`threshold`, `bottom_threshold`).
pub(crate) fn extract_opt_int(obj: Option<&Bound<'_, PyAny>>, name: &str) -> PyResult<Option<i64>> {
    obj.map(|o| extract_int(o, name)).transpose()
}

/// NPS buckets: a `(detractor_max, promoter_min)` tuple or a dict with exactly those keys.
pub(crate) fn extract_buckets(obj: &Bound<'_, PyAny>) -> PyResult<NpsBuckets> {
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut detractor_max = None;
        let mut promoter_min = None;
        for (k, v) in d.iter() {
            let key = k.cast::<PyString>().ok().map(ToString::to_string);
            match key.as_deref() {
                Some("detractor_max") => {
                    detractor_max = Some(extract_int(&v, "buckets['detractor_max']")?);
                }
                Some("promoter_min") => {
                    promoter_min = Some(extract_int(&v, "buckets['promoter_min']")?);
                }
                _ => {
                    return Err(invalid_argument(
                        "buckets",
                        format!(
                            "unknown key {}; expected exactly 'detractor_max' and 'promoter_min'",
                            k.repr()?
                        ),
                    ));
                }
            }
        }
        return match (detractor_max, promoter_min) {
            (Some(detractor_max), Some(promoter_min)) => Ok(NpsBuckets {
                detractor_max,
                promoter_min,
            }),
            _ => Err(invalid_argument(
                "buckets",
                "a buckets dict needs both 'detractor_max' and 'promoter_min'",
            )),
        };
    }
    if let Some(seq) = pair(obj)
        && seq.len()? == 2
    {
        return Ok(NpsBuckets {
            detractor_max: extract_int(&seq.get_item(0)?, "buckets[0] (detractor_max)")?,
            promoter_min: extract_int(&seq.get_item(1)?, "buckets[1] (promoter_min)")?,
        });
    }
    Err(type_error(format!(
        "buckets must be a (detractor_max, promoter_min) tuple or a dict with those keys, not {}",
        type_name(obj)
    )))
}

/// Counts per point for `Tally.from_counts`: non-negative ints (a `bool` or float is a
/// `TypeError`, a negative count `invalid_argument`).
pub(crate) fn extract_counts(obj: &Bound<'_, PyAny>) -> PyResult<Vec<u64>> {
    if obj.is_instance_of::<PyString>()
        || obj.is_instance_of::<PyBytes>()
        || obj.is_instance_of::<PyDict>()
    {
        return Err(type_error(format!(
            "counts must be a sequence of ints, not {}",
            type_name(obj)
        )));
    }
    let items = obj.try_iter().map_err(|_| {
        type_error(format!(
            "counts must be a sequence of ints, not {}",
            type_name(obj)
        ))
    })?;
    let mut out = Vec::new();
    for (i, item) in items.enumerate() {
        let item = item?;
        let int = py_int(&item, &format!("counts[{i}]"))?;
        let count = int.extract::<u64>().map_err(|_| {
            invalid_argument(
                "counts",
                format!("counts[{i}] is {int}; a count must be an int from 0 to 2**64 - 1"),
            )
        })?;
        out.push(count);
    }
    Ok(out)
}

/// A real-number argument (`level`, `margin`, a count of customers, …): ints, floats
/// and numpy scalars. A `bool`, a string or anything else is a `TypeError`; NaN and ±∞
/// pass through for the core to refuse with a clear message.
pub(crate) fn extract_f64(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<f64> {
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Ok(f.value());
    }
    if obj.is_instance_of::<PyBool>() || is_numpy_bool(obj)? {
        return Err(type_error(format!("{name} must be a number, not a bool")));
    }
    if let Ok(int) = obj.cast::<PyInt>() {
        return Ok(int_to_f64(int));
    }
    if !(obj.is_instance_of::<PyString>() || obj.is_instance_of::<PyBytes>())
        && (obj.hasattr("__float__")? || obj.hasattr("__index__")?)
        && let Ok(v) = obj.extract::<f64>()
    {
        return Ok(v);
    }
    Err(type_error(format!(
        "{name} must be a number, not {}",
        type_name(obj)
    )))
}

/// An optional real-number argument with its default.
pub(crate) fn opt_f64(obj: Option<&Bound<'_, PyAny>>, name: &str, default: f64) -> PyResult<f64> {
    obj.map_or(Ok(default), |o| extract_f64(o, name))
}

/// A count argument: a non-negative int (`bool` and floats are a `TypeError`, a negative
/// or too large value `invalid_argument`).
pub(crate) fn extract_count(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<u64> {
    let int = py_int(obj, name)?;
    int.extract::<u64>().map_err(|_| {
        invalid_argument(
            name,
            format!("got {int}; a count must be an int from 0 to 2**64 - 1"),
        )
    })
}
/// A small count option (`max_agent_replies`, …): `None` or an int from 0 to 2**32 − 1.
pub(crate) fn extract_opt_u32(obj: Option<&Bound<'_, PyAny>>, name: &str) -> PyResult<Option<u32>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    let int = py_int(obj, name)?;
    int.extract::<u32>().map(Some).map_err(|_| {
        invalid_argument(
            name,
            format!("got {int}; it must be an int from 0 to 4294967295 (or None)"),
        )
    })
}
