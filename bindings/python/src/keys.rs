//! Segment keys (`by`) read as the engines store them (issue 17).
//!
//! `cxmetrics._convert.key_columns` names each key column's layout — a numpy integer
//! array of any width (with a missing mask for pandas nullable ints), dictionary codes
//! with their labels (pandas `Categorical`), numpy `<U…>` strings as UCS-4 code points,
//! a numpy object array, or anything exporting Arrow (pyarrow, polars, pandas columns
//! backed by pyarrow: integers, strings, dictionary arrays) — and this module views its
//! buffers in place as a [`KeyColumn`]. The core's [`ColumnIds`] / [`GroupIds`] give
//! every row its group (hashing, tables, missing keys, combining columns: all the
//! core's).
//!
//! The GIL is released while the core reads numpy and Arrow buffers (above
//! [`DETACH_THRESHOLD`] rows). Object arrays are read **with the GIL held**: their
//! elements are Python objects, which another thread could replace (and free) while we
//! read them. They are grouped by object identity first ([`ColumnIds::from_tokens`]), so
//! each distinct object is decoded once, not each row.
#![allow(
    clippy::doc_link_with_quotes,
    reason = "the docstrings name Python types in quotes"
)]

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Int8Type, Int16Type, Int32Type, Int64Type, UInt8Type, UInt16Type, UInt32Type, UInt64Type,
};
use arrow_array::{Array, ArrayRef};
use arrow_schema::DataType;
use cxmetrics::segments::{ColumnIds, GroupIds, Ints, KeyColumn, Segments, Validity};
use cxmetrics::{Error, KeyPart, OnInvalid, Scale, Score};
use numpy::PyReadonlyArray1;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyInt, PyList, PyString, PyTuple};

use crate::convert::{DETACH_THRESHOLD, Role};
use crate::errors::{core_err, invalid_argument, no_panic, type_error, type_name};

/// A key column that could not be read: a core error or a Python `TypeError` message.
enum Fail {
    Core(Error),
    Type(String),
    Py(PyErr),
}

impl From<Error> for Fail {
    fn from(e: Error) -> Self {
        Fail::Core(e)
    }
}

impl From<PyErr> for Fail {
    fn from(e: PyErr) -> Self {
        Fail::Py(e)
    }
}

impl From<Fail> for PyErr {
    fn from(f: Fail) -> Self {
        match f {
            Fail::Core(e) => core_err(e),
            Fail::Type(m) => type_error(m),
            Fail::Py(e) => e,
        }
    }
}

fn helper<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<PyAny>>,
    name: &str,
) -> PyResult<&'py Bound<'py, PyAny>> {
    cell.import(py, "cxmetrics._convert", name)
}

/// The segments of `scores` by the key columns in `by`, and the key column names. One
/// numpy integer column without a missing mask, or one column of dictionary codes, goes
/// to [`Segments::from_key_column`] (which counts a small range of values without
/// giving each row an id); otherwise each column's [`ColumnIds`], [`GroupIds::combine`]
/// and [`Segments::from_group_ids`].
pub(crate) fn segments<T: Score>(
    py: Python<'_>,
    by: &Bound<'_, PyAny>,
    scale: Scale,
    scores: &[T],
    weights: Option<&[f64]>,
    on_invalid: OnInvalid,
) -> PyResult<(Segments, Vec<String>)> {
    static VIEWS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let out = helper(py, &VIEWS, "key_columns")?.call1((by,))?;
    let views = out.get_item(0)?;
    let views = views.cast::<PyList>()?;
    let names: Vec<String> = out.get_item(1)?.extract()?;
    if views.len() == 1 {
        let view = views.get_item(0)?;
        let view = view.cast::<PyTuple>()?;
        let kind: String = view.get_item(0)?.extract()?;
        let data = view.get_item(1)?;
        let one = |key: KeyColumn<'_>| -> PyResult<Segments> {
            Ok(run(py, key_len(&key), || {
                Ok(Segments::from_key_column(
                    scale, &key, scores, weights, on_invalid,
                )?)
            })?)
        };
        match kind.as_str() {
            "int" if view.get_item(2)?.is_none() => {
                return with_ints(&data, |ints| one(KeyColumn::Int(ints, None)))
                    .map(|s| (s, names));
            }
            "codes" => {
                let labels = code_labels(view)?;
                return with_ints(&data, |codes| {
                    one(KeyColumn::Codes {
                        codes,
                        labels: &labels,
                        validity: None,
                    })
                })
                .map(|s| (s, names));
            }
            _ => {}
        }
    }
    let mut columns = Vec::with_capacity(views.len());
    for view in views.iter() {
        columns.push(column_ids(py, view.cast::<PyTuple>()?)?);
    }
    let ids = no_panic(|| GroupIds::combine(columns)).map_err(core_err)?;
    let s = run(py, scores.len(), || {
        Ok(Segments::from_group_ids(
            scale, &ids, scores, weights, on_invalid,
        )?)
    })?;
    Ok((s, names))
}

fn key_len(key: &KeyColumn<'_>) -> usize {
    match key {
        KeyColumn::Int(ints, _) | KeyColumn::Codes { codes: ints, .. } => ints.len(),
        _ => 0,
    }
}

/// Runs the core on `len` rows, without the GIL when there are many.
fn run<T: Send>(
    py: Python<'_>,
    len: usize,
    f: impl FnOnce() -> Result<T, Fail> + Send,
) -> Result<T, Fail> {
    let guarded = || {
        let mut fail = None;
        let out = no_panic(|| {
            f().map_err(|e| match e {
                Fail::Core(e) => e,
                other => {
                    fail = Some(other);
                    Error::invalid_argument("by", "")
                }
            })
        });
        match (out, fail) {
            (_, Some(f)) => Err(f),
            (out, None) => out.map_err(Fail::Core),
        }
    };
    if len > DETACH_THRESHOLD {
        py.detach(guarded)
    } else {
        guarded()
    }
}

/// Calls `f` with the integer array `arr` (numpy, any integer width) as [`Ints`].
fn with_ints<R>(arr: &Bound<'_, PyAny>, f: impl FnOnce(Ints<'_>) -> PyResult<R>) -> PyResult<R> {
    macro_rules! try_width {
        ($($t:ty => $v:ident),*) => {$(
            if let Ok(a) = arr.extract::<PyReadonlyArray1<'_, $t>>() {
                return f(Ints::$v(a.as_slice()?));
            }
        )*};
    }
    try_width!(i64 => I64, i32 => I32, i16 => I16, i8 => I8, u64 => U64, u32 => U32, u16 => U16, u8 => U8);
    Err(type_error(format!(
        "key codes must be a one-dimensional integer array, not {}",
        type_name(arr)
    )))
}

/// A label (`int` / `str`) from Python.
pub(crate) fn key_part(part: &Bound<'_, PyAny>) -> PyResult<KeyPart> {
    if let Ok(s) = part.cast::<PyString>() {
        Ok(KeyPart::Str(s.to_cow()?.into_owned()))
    } else if part.is_instance_of::<PyInt>() && !part.is_instance_of::<PyBool>() {
        part.extract::<i64>().map(KeyPart::Int).map_err(|_| {
            invalid_argument(
                "by",
                format!("the key {part} does not fit in a 64-bit integer"),
            )
        })
    } else {
        Err(type_error(format!(
            "key values must be str or int, not {}",
            type_name(part)
        )))
    }
}

/// The labels of a `codes` key view (its third item), each a key part.
fn code_labels(view: &Bound<'_, PyTuple>) -> PyResult<Vec<KeyPart>> {
    view.get_item(2)?
        .cast::<PyList>()?
        .iter()
        .map(|p| key_part(&p))
        .collect()
}

fn column_ids(py: Python<'_>, view: &Bound<'_, PyTuple>) -> PyResult<ColumnIds> {
    let kind: String = view.get_item(0)?.extract()?;
    let data = view.get_item(1)?;
    let ids = match kind.as_str() {
        "int" => {
            let mask = view.get_item(2)?;
            let mask: Option<PyReadonlyArray1<'_, bool>> = if mask.is_none() {
                None
            } else {
                Some(mask.extract()?)
            };
            let mask = mask.as_ref().map(PyReadonlyArray1::as_slice).transpose()?;
            with_ints(&data, |ints| {
                let validity = mask.map(Validity::Missing);
                Ok(run(py, ints.len(), || {
                    Ok(ColumnIds::from_column(&KeyColumn::Int(ints, validity))?)
                })?)
            })?
        }
        "codes" => {
            let labels = code_labels(view)?;
            with_ints(&data, |codes| {
                Ok(run(py, codes.len(), || {
                    Ok(ColumnIds::from_column(&KeyColumn::Codes {
                        codes,
                        labels: &labels,
                        validity: None,
                    })?)
                })?)
            })?
        }
        "ucs4" => {
            let width: usize = view.get_item(2)?.extract()?;
            let arr: PyReadonlyArray1<'_, u32> = data.extract()?;
            let cps = arr.as_slice()?;
            run(py, cps.len() / width.max(1), || {
                Ok(ColumnIds::from_column(&KeyColumn::Ucs4 {
                    data: cps,
                    width,
                })?)
            })?
        }
        "object" => object_ids(py, &data)?,
        "arrow" => {
            let Some(column) = crate::arrow::import(&data, Role::Keys)? else {
                return Err(type_error(format!(
                    "by: {} does not export Arrow data",
                    type_name(&data)
                )));
            };
            let (chunks, data_type) = column.into_chunks();
            let len = chunks.iter().map(Array::len).sum();
            run(py, len, || arrow_ids(&chunks, &data_type))?
        }
        other => return Err(type_error(format!("unknown key layout {other:?}"))),
    };
    Ok(ids)
}

/// A numpy object array, with the GIL held: grouped by object identity, each distinct
/// object decoded once (`str`, `int`; anything else through `_convert._key_value`, which
/// says which values are missing and refuses the rest with a TypeError).
fn object_ids(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<ColumnIds> {
    static KEY_VALUE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let arr: PyReadonlyArray1<'_, Py<PyAny>> = data.extract()?;
    let view = arr.as_array();
    let tokens: Vec<usize> = view.iter().map(|o| o.as_ptr() as usize).collect();
    let resolve = |i: usize, _token: usize| -> Result<Option<KeyPart>, Fail> {
        let obj = view[i].bind(py);
        if obj.is_exact_instance_of::<PyString>() || obj.is_exact_instance_of::<PyInt>() {
            return Ok(Some(key_part(obj)?));
        }
        let v = helper(py, &KEY_VALUE, "_key_value")?.call1((obj,))?;
        if v.is_none() {
            Ok(None)
        } else {
            Ok(Some(key_part(&v)?))
        }
    };
    Ok(ColumnIds::from_tokens(&tokens, resolve)?)
}

fn validity(a: &dyn Array) -> Option<Validity<'_>> {
    a.nulls()
        .filter(|n| n.null_count() > 0)
        .map(|n| Validity::Bitmap {
            bits: n.inner().values(),
            offset: n.offset(),
        })
}

/// The integers of an Arrow integer array; `None` for another type.
fn arrow_ints(a: &dyn Array) -> Option<Ints<'_>> {
    Some(match a.data_type() {
        DataType::Int8 => Ints::I8(a.as_primitive::<Int8Type>().values()),
        DataType::Int16 => Ints::I16(a.as_primitive::<Int16Type>().values()),
        DataType::Int32 => Ints::I32(a.as_primitive::<Int32Type>().values()),
        DataType::Int64 => Ints::I64(a.as_primitive::<Int64Type>().values()),
        DataType::UInt8 => Ints::U8(a.as_primitive::<UInt8Type>().values()),
        DataType::UInt16 => Ints::U16(a.as_primitive::<UInt16Type>().values()),
        DataType::UInt32 => Ints::U32(a.as_primitive::<UInt32Type>().values()),
        DataType::UInt64 => Ints::U64(a.as_primitive::<UInt64Type>().values()),
        _ => return None,
    })
}

fn unsupported(t: &DataType) -> Fail {
    Fail::Type(match t {
        DataType::Boolean => {
            "key values must be str or int, not bool; cast the column to an integer or string type"
                .to_owned()
        }
        DataType::Float16 | DataType::Float32 | DataType::Float64 => format!(
            "key values must be str or int, not float (Arrow type {t}); integral floats need a cast to an integer type"
        ),
        other => format!("key values must be str or int, not Arrow type {other}"),
    })
}

/// The labels of a dictionary's values (strings or integers, without nulls).
fn dictionary_labels(values: &dyn Array) -> Result<Vec<KeyPart>, Fail> {
    let strs: Vec<Option<&str>> = match values.data_type() {
        DataType::Utf8 => values.as_string::<i32>().iter().collect(),
        DataType::LargeUtf8 => values.as_string::<i64>().iter().collect(),
        DataType::Utf8View => values.as_string_view().iter().collect(),
        t => {
            let ints = arrow_ints(values).ok_or_else(|| unsupported(t))?;
            let ids = ColumnIds::from_column(&KeyColumn::Int(ints, validity(values)))?;
            if ids.first_missing().is_some() {
                return Err(null_dictionary());
            }
            // ids of distinct ints are in first-appearance order; rebuild per position
            return Ok(ids
                .ids()
                .iter()
                .map(|&id| ids.labels()[id as usize].clone())
                .collect());
        }
    };
    strs.into_iter()
        .map(|s| {
            s.map(|s| KeyPart::Str(s.to_owned()))
                .ok_or_else(null_dictionary)
        })
        .collect()
}

fn null_dictionary() -> Fail {
    Fail::Core(Error::invalid_argument(
        "by",
        "the dictionary of a categorical key column holds a null; decode the column or drop the null category",
    ))
}

fn chunk_ids(a: &ArrayRef) -> Result<ColumnIds, Fail> {
    let column = match a.data_type() {
        DataType::Utf8 => {
            let s = a.as_string::<i32>();
            KeyColumn::Utf8 {
                offsets: s.value_offsets(),
                values: s.values(),
                validity: validity(a),
            }
        }
        DataType::LargeUtf8 => {
            let s = a.as_string::<i64>();
            KeyColumn::LargeUtf8 {
                offsets: s.value_offsets(),
                values: s.values(),
                validity: validity(a),
            }
        }
        DataType::Utf8View => {
            let strs: Vec<Option<&str>> = a.as_string_view().iter().collect();
            return Ok(ColumnIds::from_column(&KeyColumn::Strs(&strs))?);
        }
        DataType::Null => {
            let strs: Vec<Option<&str>> = vec![None; a.len()];
            return Ok(ColumnIds::from_column(&KeyColumn::Strs(&strs))?);
        }
        DataType::Dictionary(_, _) => {
            let d = a.as_any_dictionary();
            let labels = dictionary_labels(d.values().as_ref())?;
            let keys = d.keys();
            let codes = arrow_ints(keys).ok_or_else(|| unsupported(keys.data_type()))?;
            return Ok(ColumnIds::from_column(&KeyColumn::Codes {
                codes,
                labels: &labels,
                validity: validity(keys),
            })?);
        }
        t => KeyColumn::Int(
            arrow_ints(a.as_ref()).ok_or_else(|| unsupported(t))?,
            validity(a),
        ),
    };
    Ok(ColumnIds::from_column(&column)?)
}

/// An Arrow key column, chunk by chunk (each read in place), joined into one.
fn arrow_ids(chunks: &[ArrayRef], data_type: &DataType) -> Result<ColumnIds, Fail> {
    if chunks.is_empty() {
        // no rows: refuse a type we would refuse with rows
        if !matches!(
            data_type,
            DataType::Utf8
                | DataType::LargeUtf8
                | DataType::Utf8View
                | DataType::Null
                | DataType::Dictionary(_, _)
        ) && !data_type.is_integer()
        {
            return Err(unsupported(data_type));
        }
    }
    let pieces = chunks
        .iter()
        .map(chunk_ids)
        .collect::<Result<Vec<_>, Fail>>()?;
    Ok(ColumnIds::concat(pieces)?)
}
