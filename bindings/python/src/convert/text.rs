//! Text answers (labelled scales): Python columns of strings handed to the core's
//! `LabelledScale` as stored — dictionary codes, Arrow string buffers, numpy's raw
//! fixed-width bytes, or Python objects encoded by identity — so that each distinct
//! answer is read (normalised, looked up) once by the core and every row is a lookup.

#![allow(
    clippy::single_match_else,
    reason = "the column kinds read best as matches"
)]

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    ArrowDictionaryKeyType, Int8Type, Int16Type, Int32Type, Int64Type, UInt8Type, UInt16Type,
    UInt32Type, UInt64Type,
};
use arrow_array::{Array, ArrayRef, DictionaryArray, OffsetSizeTrait};
use arrow_schema::DataType;
use cxmetrics::labels::{Answer, TextReader, count_tokens};
use cxmetrics::{Error, LabelledScale, OnInvalid, Scale, Tally};
use numpy::{
    PyArray1, PyArrayDescrMethods, PyArrayMethods, PyReadonlyArray1, PyUntypedArray,
    PyUntypedArrayMethods,
};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyString, PyTuple};

use super::{Column, DETACH_THRESHOLD, Role, Scores, scalar_to_f64};
use crate::errors::{core_err, no_panic, type_error};
use crate::scale::PyScale;

/// One category of a text column.
pub(crate) enum Category {
    Missing,
    Number(f64),
    Text(String),
}

/// The codes of a text column (−1 = missing).
pub(crate) enum Codes<'py> {
    I8(Column<'py, i8>),
    I16(Column<'py, i16>),
    I32(Column<'py, i32>),
    I64(Column<'py, i64>),
}

macro_rules! with_codes {
    ($codes:expr, $c:ident => $body:expr) => {
        match $codes {
            Codes::I8(col) => {
                let $c = col.as_slice();
                $body
            }
            Codes::I16(col) => {
                let $c = col.as_slice();
                $body
            }
            Codes::I32(col) => {
                let $c = col.as_slice();
                $body
            }
            Codes::I64(col) => {
                let $c = col.as_slice();
                $body
            }
        }
    };
}

/// A text column, as handed to the core.
pub(crate) enum TextColumn<'py> {
    /// Dictionary-encoded: each category once, and the codes of the rows.
    Codes {
        categories: Vec<Category>,
        codes: Codes<'py>,
    },
    /// Arrow chunks of a string, large_string, string_view or dictionary type (the
    /// producer's buffers, read in place).
    Arrow(Vec<ArrayRef>),
    /// Physical codes (Arrow unsigned integer chunks) and `texts(rows)`, the answers at
    /// those rows (a polars Categorical / Enum).
    Physical {
        chunks: Vec<ArrayRef>,
        texts: Bound<'py, PyAny>,
    },
    /// A contiguous numpy object array holding at least one `str` (or said to be text):
    /// tallied by object identity without the GIL ([`objects_tally`]), else encoded by
    /// [`from_items`].
    Objects(PyReadonlyArray1<'py, Py<PyAny>>),
    /// A numpy `U` (UCS-4, native order) or `S` (bytes, UTF-8) array as its raw bytes,
    /// `size` bytes a row.
    Fixed {
        raw: PyReadonlyArray1<'py, u8>,
        size: usize,
        ucs4: bool,
    },
}

fn answers(categories: &[Category]) -> Vec<Answer<'_>> {
    categories
        .iter()
        .map(|c| match c {
            Category::Missing => Answer::Missing,
            Category::Number(x) => Answer::Number(*x),
            Category::Text(t) => Answer::Text(t),
        })
        .collect()
}

/// `err` (of rows counted from 0) re-indexed to rows counted from `base`.
fn shift(mut err: Error, base: usize) -> Error {
    match &mut err {
        Error::OutOfScale { index, .. }
        | Error::NotInteger { index, .. }
        | Error::NotFinite { index, .. }
        | Error::UnknownLabel { index, .. }
        | Error::InvalidArgument {
            index: Some(index), ..
        } => *index += base,
        _ => {}
    }
    err
}

/// One row of a fixed-width numpy string array: its bytes without the trailing NULs
/// (whole code units for UCS-4).
#[inline]
fn fixed_key(row: &[u8], ucs4: bool) -> &[u8] {
    let mut end = row.len();
    if ucs4 {
        while end >= 4 && row[end - 4..end] == [0, 0, 0, 0] {
            end -= 4;
        }
    } else {
        while end > 0 && row[end - 1] == 0 {
            end -= 1;
        }
    }
    &row[..end]
}

/// The text of a fixed-width row's key (UCS-4 in native order, or UTF-8 bytes; an
/// invalid code point or byte sequence becomes U+FFFD, which no label contains).
fn fixed_text(key: &[u8], ucs4: bool) -> Cow<'_, str> {
    if ucs4 {
        key.chunks_exact(4)
            .map(|c| {
                char::from_u32(u32::from_ne_bytes([c[0], c[1], c[2], c[3]]))
                    .unwrap_or(char::REPLACEMENT_CHARACTER)
            })
            .collect::<String>()
            .into()
    } else {
        String::from_utf8_lossy(key)
    }
}

/// Runs `$body` with `$r` reading each row of the fixed-width array.
fn fixed_rows<'a>(
    raw: &'a [u8],
    size: usize,
    ucs4: bool,
    mut row: impl FnMut(&'a [u8], &dyn Fn() -> Cow<'a, str>) -> cxmetrics::Result<()>,
) -> cxmetrics::Result<()> {
    if size == 0 {
        return Ok(());
    }
    for r in raw.chunks_exact(size) {
        let key = fixed_key(r, ucs4);
        row(key, &|| fixed_text(key, ucs4))?;
    }
    Ok(())
}

/// The rows of an Arrow string chunk: each value's UTF-8 bytes, `None` at nulls.
fn string_rows(
    chunk: &dyn Array,
) -> cxmetrics::Result<Box<dyn Iterator<Item = Option<&[u8]>> + '_>> {
    Ok(match chunk.data_type() {
        DataType::Utf8 => Box::new(
            chunk
                .as_string::<i32>()
                .iter()
                .map(|s| s.map(str::as_bytes)),
        ),
        DataType::LargeUtf8 => Box::new(
            chunk
                .as_string::<i64>()
                .iter()
                .map(|s| s.map(str::as_bytes)),
        ),
        DataType::Utf8View => Box::new(chunk.as_string_view().iter().map(|s| s.map(str::as_bytes))),
        other => return Err(not_text(other)),
    })
}

/// Runs `$f` (a generic function of the key type) on a dictionary chunk.
macro_rules! with_dictionary {
    ($chunk:expr, $key:expr, $f:ident($($arg:expr),*)) => {
        match $key {
            DataType::Int8 => $f($chunk.as_dictionary::<Int8Type>() $(, $arg)*),
            DataType::Int16 => $f($chunk.as_dictionary::<Int16Type>() $(, $arg)*),
            DataType::Int32 => $f($chunk.as_dictionary::<Int32Type>() $(, $arg)*),
            DataType::Int64 => $f($chunk.as_dictionary::<Int64Type>() $(, $arg)*),
            DataType::UInt8 => $f($chunk.as_dictionary::<UInt8Type>() $(, $arg)*),
            DataType::UInt16 => $f($chunk.as_dictionary::<UInt16Type>() $(, $arg)*),
            DataType::UInt32 => $f($chunk.as_dictionary::<UInt32Type>() $(, $arg)*),
            DataType::UInt64 => $f($chunk.as_dictionary::<UInt64Type>() $(, $arg)*),
            other => Err(Error::invalid_argument(
                "scores",
                format!("an Arrow dictionary with {other} keys is not supported"),
            )),
        }
    };
}

/// The categories of an Arrow dictionary (its values: strings, nulls missing).
fn dictionary_categories(values: &dyn Array) -> cxmetrics::Result<Vec<Category>> {
    let nulls = values.nulls().filter(|n| n.null_count() > 0);
    let text = |i: usize, s: &str| {
        if nulls.is_some_and(|n| n.is_null(i)) {
            Category::Missing
        } else {
            Category::Text(s.to_owned())
        }
    };
    Ok(match values.data_type() {
        DataType::Utf8 => values
            .as_string::<i32>()
            .iter()
            .enumerate()
            .map(|(i, s)| text(i, s.unwrap_or("")))
            .collect(),
        DataType::LargeUtf8 => values
            .as_string::<i64>()
            .iter()
            .enumerate()
            .map(|(i, s)| text(i, s.unwrap_or("")))
            .collect(),
        DataType::Utf8View => values
            .as_string_view()
            .iter()
            .enumerate()
            .map(|(i, s)| text(i, s.unwrap_or("")))
            .collect(),
        other => {
            return Err(Error::invalid_argument(
                "scores",
                format!("an Arrow dictionary of {other} values is not a text column"),
            ));
        }
    })
}

/// The codes of a dictionary chunk (−1 at nulls): the keys in place when they have no
/// nulls and a type the core counts, else a copy.
fn dictionary_codes<K: ArrowDictionaryKeyType>(a: &DictionaryArray<K>) -> Vec<i64>
where
    K::Native: TryInto<i64>,
{
    let nulls = a.keys().nulls().filter(|n| n.null_count() > 0);
    a.keys()
        .values()
        .iter()
        .enumerate()
        .map(|(i, &k)| {
            if nulls.is_some_and(|n| n.is_null(i)) {
                -1
            } else {
                k.try_into().unwrap_or(i64::MAX)
            }
        })
        .collect()
}

fn dictionary_tally<K: ArrowDictionaryKeyType>(
    a: &DictionaryArray<K>,
    scale: &LabelledScale,
    on_invalid: OnInvalid,
) -> cxmetrics::Result<Tally>
where
    K::Native: TryInto<i64> + cxmetrics::Score + Into<i64>,
{
    let categories = dictionary_categories(a.values().as_ref())?;
    let answers = answers(&categories);
    if a.keys().null_count() == 0 {
        scale.tally_codes(&answers, a.keys().values(), None, on_invalid)
    } else {
        scale.tally_codes(&answers, &dictionary_codes(a), None, on_invalid)
    }
}

fn dictionary_values<K: ArrowDictionaryKeyType>(
    a: &DictionaryArray<K>,
    scale: &LabelledScale,
    on_invalid: OnInvalid,
) -> cxmetrics::Result<Vec<f64>>
where
    K::Native: TryInto<i64>,
{
    let categories = dictionary_categories(a.values().as_ref())?;
    scale.values_codes(&answers(&categories), &dictionary_codes(a), on_invalid)
}

/// Key types the core counts in place (`Score + Into<i64>`); `u64` keys are copied.
fn dictionary_tally_any(
    chunk: &dyn Array,
    key: &DataType,
    scale: &LabelledScale,
    on_invalid: OnInvalid,
) -> cxmetrics::Result<Tally> {
    match key {
        DataType::UInt64 => {
            let a = chunk.as_dictionary::<UInt64Type>();
            let categories = dictionary_categories(a.values().as_ref())?;
            scale.tally_codes(
                &answers(&categories),
                &dictionary_codes(a),
                None,
                on_invalid,
            )
        }
        DataType::Int8 => dictionary_tally(chunk.as_dictionary::<Int8Type>(), scale, on_invalid),
        DataType::Int16 => dictionary_tally(chunk.as_dictionary::<Int16Type>(), scale, on_invalid),
        DataType::Int32 => dictionary_tally(chunk.as_dictionary::<Int32Type>(), scale, on_invalid),
        DataType::Int64 => dictionary_tally(chunk.as_dictionary::<Int64Type>(), scale, on_invalid),
        DataType::UInt8 => dictionary_tally(chunk.as_dictionary::<UInt8Type>(), scale, on_invalid),
        DataType::UInt16 => {
            dictionary_tally(chunk.as_dictionary::<UInt16Type>(), scale, on_invalid)
        }
        DataType::UInt32 => {
            dictionary_tally(chunk.as_dictionary::<UInt32Type>(), scale, on_invalid)
        }
        other => Err(Error::invalid_argument(
            "scores",
            format!("an Arrow dictionary with {other} keys is not supported"),
        )),
    }
}

/// The type of an Arrow chunk the text path reads, or a type error.
fn not_text(dt: &DataType) -> Error {
    Error::invalid_argument(
        "scores",
        format!("an Arrow column of type {dt} is not a text column"),
    )
}

/// Tallies Arrow text chunks on `scale`, each chunk's rows indexed from its start in the
/// whole column.
fn arrow_tally(
    chunks: &[ArrayRef],
    scale: &LabelledScale,
    on_invalid: OnInvalid,
) -> cxmetrics::Result<Tally> {
    let mut total = Tally::new(scale.scale());
    let mut start = 0usize;
    for chunk in chunks {
        let part = match chunk.data_type() {
            DataType::Dictionary(key, _) => {
                dictionary_tally_any(chunk.as_ref(), key, scale, on_invalid)
                    .map_err(|e| shift(e, start))?
            }
            DataType::Utf8 => strings_tally(chunk.as_string::<i32>(), scale, on_invalid)
                .map_err(|e| shift(e, start))?,
            DataType::LargeUtf8 => strings_tally(chunk.as_string::<i64>(), scale, on_invalid)
                .map_err(|e| shift(e, start))?,
            DataType::Utf8View => {
                let a = chunk.as_string_view();
                let nulls = a.nulls().filter(|n| n.null_count() > 0);
                scale
                    .tally_keyed_rows(
                        a.len(),
                        |i| (!nulls.is_some_and(|n| n.is_null(i))).then(|| a.value(i).as_bytes()),
                        String::from_utf8_lossy,
                        on_invalid,
                    )
                    .map_err(|e| shift(e, start))?
            }
            other => return Err(not_text(other)),
        };
        total.merge(&part)?;
        start += chunk.len();
    }
    Ok(total)
}

fn strings_tally<O: OffsetSizeTrait>(
    a: &arrow_array::GenericStringArray<O>,
    scale: &LabelledScale,
    on_invalid: OnInvalid,
) -> cxmetrics::Result<Tally> {
    let offsets = a.value_offsets();
    let data = a.value_data();
    let nulls = a.nulls().filter(|n| n.null_count() > 0);
    scale.tally_keyed_rows(
        a.len(),
        |i| {
            (!nulls.is_some_and(|n| n.is_null(i)))
                .then(|| &data[offsets[i].as_usize()..offsets[i + 1].as_usize()])
        },
        String::from_utf8_lossy,
        on_invalid,
    )
}

/// Arrow text chunks as scores (see `LabelledScale::values`).
fn arrow_values(
    chunks: &[ArrayRef],
    scale: &LabelledScale,
    on_invalid: OnInvalid,
) -> cxmetrics::Result<Vec<f64>> {
    let mut out = Vec::with_capacity(chunks.iter().map(Array::len).sum());
    for chunk in chunks {
        let start = out.len();
        match chunk.data_type() {
            DataType::Dictionary(key, _) => {
                let v = with_dictionary!(chunk, key.as_ref(), dictionary_values(scale, on_invalid))
                    .map_err(|e| shift(e, start))?;
                out.extend_from_slice(&v);
            }
            _ => {
                let mut r = TextReader::new(scale, on_invalid).starting_at(start);
                for row in string_rows(chunk.as_ref())? {
                    out.push(match row {
                        Some(k) => r.score_keyed(k, || String::from_utf8_lossy(k))?,
                        None => {
                            r.missing(1);
                            f64::NAN
                        }
                    });
                }
            }
        }
    }
    Ok(out)
}

/// Rows per physical code of a polars categorical: counts, the first row, and nulls.
struct PhysicalCounts {
    counts: Vec<u64>,
    first: Vec<usize>,
    missing: u64,
}

/// The values and nulls of an unsigned-integer chunk, widened to `u64` one by one.
macro_rules! with_physical {
    ($chunk:expr, $v:ident => $body:expr) => {
        match $chunk.data_type() {
            DataType::UInt8 => {
                let $v = $chunk.as_primitive::<UInt8Type>();
                $body
            }
            DataType::UInt16 => {
                let $v = $chunk.as_primitive::<UInt16Type>();
                $body
            }
            DataType::UInt32 => {
                let $v = $chunk.as_primitive::<UInt32Type>();
                $body
            }
            other => return Err(not_text(other)),
        }
    };
}

/// Counts the rows of each physical code (one pass, the codes in place).
fn count_physical(chunks: &[ArrayRef]) -> cxmetrics::Result<PhysicalCounts> {
    let mut out = PhysicalCounts {
        counts: Vec::new(),
        first: Vec::new(),
        missing: 0,
    };
    let mut base = 0usize;
    for chunk in chunks {
        with_physical!(chunk, a => {
            let nulls = a.nulls().filter(|n| n.null_count() > 0);
            let values = a.values();
            // no nulls and few codes (the usual categorical): the numeric kernel counts
            // the codes, then one scan finds the first row of each code that occurs
            let top = values.iter().copied().max().map_or(0, u64::from);
            if nulls.is_none() && top < u64::from(cxmetrics::MAX_POINTS) && !values.is_empty() {
                let k = (usize::try_from(top).unwrap_or(0) + 1).max(2); // a scale has ≥ 2 points
                let codes = Scale::new(0, k as i64 - 1)?;
                let t = Tally::from_scores_with(codes, values, None, OnInvalid::Error)?;
                if out.counts.len() < k {
                    out.counts.resize(k, 0);
                    out.first.resize(k, usize::MAX);
                }
                let mut pending = 0usize;
                for (j, &n) in t.counts().iter().enumerate() {
                    if n > 0 && out.counts[j] == 0 {
                        pending += 1;
                    }
                }
                for (i, &v) in values.iter().enumerate() {
                    if pending == 0 {
                        break;
                    }
                    let c = usize::try_from(u64::from(v)).unwrap_or(0);
                    if out.counts[c] == 0 && out.first[c] == usize::MAX {
                        out.first[c] = base + i;
                        pending -= 1;
                    }
                }
                for (j, &n) in t.counts().iter().enumerate() {
                    out.counts[j] += n;
                }
                base += chunk.len();
                continue;
            }
            for (i, &v) in a.values().iter().enumerate() {
                if nulls.is_some_and(|n| n.is_null(i)) {
                    out.missing += 1;
                    continue;
                }
                let c = usize::try_from(u64::from(v)).unwrap_or(usize::MAX);
                if c >= out.counts.len() {
                    if c > (1 << 31) {
                        return Err(Error::invalid_argument("scores", "a categorical code past 2³¹"));
                    }
                    out.counts.resize(c + 1, 0);
                    out.first.resize(c + 1, usize::MAX);
                }
                if out.counts[c] == 0 {
                    out.first[c] = base + i;
                }
                out.counts[c] += 1;
            }
        });
        base += chunk.len();
    }
    Ok(out)
}

/// The physical codes as `i64` (−1 at nulls), for the per-row paths.
fn physical_codes(chunks: &[ArrayRef]) -> Vec<i64> {
    let mut out = Vec::with_capacity(chunks.iter().map(Array::len).sum());
    for chunk in chunks {
        let mut run = || -> cxmetrics::Result<()> {
            with_physical!(chunk, a => {
                for (i, &v) in a.values().iter().enumerate() {
                    out.push(if a.is_null(i) { -1 } else { i64::from(v) });
                }
            });
            Ok(())
        };
        let _ = run();
    }
    out
}

/// The answers at `rows` of a physical column, from its `texts(rows)` callable.
fn physical_texts(texts: &Bound<'_, PyAny>, rows: &[usize]) -> PyResult<Vec<Category>> {
    let got = texts.call1((rows.to_vec(),))?;
    let mut out = Vec::with_capacity(rows.len());
    for (item, &row) in got.try_iter()?.zip(rows) {
        out.push(category(&item?, Some(row))?);
    }
    if out.len() != rows.len() {
        return Err(type_error(
            "scores: the categorical's texts did not line up with its codes",
        ));
    }
    Ok(out)
}

impl TextColumn<'_> {
    /// Tallies the column on `scale` (detached for large columns, except for weights
    /// and Python objects).
    pub(crate) fn tally(
        &self,
        py: Python<'_>,
        scale: &LabelledScale,
        weights: Option<&[f64]>,
        on_invalid: OnInvalid,
    ) -> PyResult<Tally> {
        let result = match self {
            TextColumn::Codes { categories, codes } => {
                let answers = answers(categories);
                with_codes!(codes, c => {
                    let run = || scale.tally_codes(&answers, c, weights, on_invalid);
                    if c.len() > DETACH_THRESHOLD {
                        py.detach(|| no_panic(run))
                    } else {
                        no_panic(run)
                    }
                })
            }
            _ if weights.is_some() => {
                let values = self.values(scale, on_invalid)?;
                no_panic(|| Tally::from_scores_with(scale.scale(), &values, weights, on_invalid))
            }
            TextColumn::Arrow(chunks) => {
                py.detach(|| no_panic(|| arrow_tally(chunks, scale, on_invalid)))
            }
            TextColumn::Objects(arr) => {
                let items = arr.as_slice().map_err(|e| type_error(e.to_string()))?;
                if let Some(t) = objects_tally(py, items, scale, on_invalid)? {
                    return Ok(t);
                }
                let codes = from_items(items.iter().map(|x| x.bind(py)), true)?;
                return codes.map_or_else(
                    || unreachable!("from_items encodes every column it is told is text"),
                    |c| c.tally(py, scale, None, on_invalid),
                );
            }
            TextColumn::Physical { chunks, texts } => {
                let counted = py
                    .detach(|| no_panic(|| count_physical(chunks)))
                    .map_err(core_err)?;
                let used: Vec<usize> = (0..counted.counts.len())
                    .filter(|&j| counted.counts[j] > 0)
                    .collect();
                let rows: Vec<usize> = used.iter().map(|&j| counted.first[j]).collect();
                let categories = physical_texts(texts, &rows)?;
                let counts: Vec<u64> = used.iter().map(|&j| counted.counts[j]).collect();
                no_panic(|| {
                    scale.tally_category_counts(
                        &answers(&categories),
                        &counts,
                        &rows,
                        counted.missing,
                        on_invalid,
                    )
                })
            }
            TextColumn::Fixed { raw, size, ucs4 } => {
                let raw = raw.as_slice().map_err(|e| type_error(e.to_string()))?;
                let (size, ucs4) = (*size, *ucs4);
                let rows = raw.len().checked_div(size).unwrap_or(0);
                py.detach(|| {
                    no_panic(|| {
                        scale.tally_keyed_rows(
                            rows,
                            |i| Some(fixed_key(&raw[i * size..(i + 1) * size], ucs4)),
                            |key| fixed_text(key, ucs4),
                            on_invalid,
                        )
                    })
                })
            }
        };
        result.map_err(core_err)
    }

    /// The column as float scores (missing NaN; invalid +∞ when skipping).
    pub(crate) fn values(
        &self,
        scale: &LabelledScale,
        on_invalid: OnInvalid,
    ) -> PyResult<Vec<f64>> {
        let result = match self {
            TextColumn::Codes { categories, codes } => {
                let answers = answers(categories);
                no_panic(|| with_codes!(codes, c => scale.values_codes(&answers, c, on_invalid)))
            }
            TextColumn::Arrow(chunks) => no_panic(|| arrow_values(chunks, scale, on_invalid)),
            TextColumn::Objects(arr) => {
                let py = arr.py();
                let items = arr.as_slice().map_err(|e| type_error(e.to_string()))?;
                return match from_items(items.iter().map(|x| x.bind(py)), true)? {
                    Some(c) => c.values(scale, on_invalid),
                    None => unreachable!("from_items encodes every column it is told is text"),
                };
            }
            TextColumn::Physical { chunks, texts } => {
                let counted = no_panic(|| count_physical(chunks)).map_err(core_err)?;
                let used: Vec<usize> = (0..counted.counts.len())
                    .filter(|&j| counted.counts[j] > 0)
                    .collect();
                let rows: Vec<usize> = used.iter().map(|&j| counted.first[j]).collect();
                let texts = physical_texts(texts, &rows)?;
                let mut categories: Vec<Category> = (0..counted.counts.len())
                    .map(|_| Category::Missing)
                    .collect();
                for (&j, t) in used.iter().zip(texts) {
                    categories[j] = t;
                }
                let codes = physical_codes(chunks);
                no_panic(|| scale.values_codes(&answers(&categories), &codes, on_invalid))
            }
            TextColumn::Fixed { raw, size, ucs4 } => {
                let raw = raw.as_slice().map_err(|e| type_error(e.to_string()))?;
                no_panic(|| {
                    let mut out = Vec::with_capacity(raw.len() / (*size).max(1));
                    let mut r = TextReader::new(scale, on_invalid);
                    fixed_rows(raw, *size, *ucs4, |key, text| {
                        out.push(r.score_keyed(key, text)?);
                        Ok(())
                    })?;
                    Ok(out)
                })
            }
        };
        result.map_err(core_err)
    }
}

/// A scale argument: the numeric scale and, for a labelled `Scale`, its labels.
#[derive(Clone)]
pub(crate) struct ScaleArg {
    pub(crate) scale: Scale,
    pub(crate) labels: Option<Arc<LabelledScale>>,
}

impl ScaleArg {
    pub(crate) fn plain(scale: Scale) -> Self {
        ScaleArg {
            scale,
            labels: None,
        }
    }

    /// The labelled scale text answers are read on (a plain scale reads numbers, stars
    /// and the default missing vocabulary).
    pub(crate) fn labelled(&self) -> Arc<LabelledScale> {
        self.labels
            .clone()
            .unwrap_or_else(|| Arc::new(LabelledScale::from(self.scale)))
    }
}

/// A scale argument (`Scale`, labelled or not, or a `(min, max)` tuple).
pub(crate) fn extract_scale_arg(obj: &Bound<'_, PyAny>) -> PyResult<ScaleArg> {
    if let Ok(s) = obj.cast::<PyScale>() {
        let s = s.get();
        return Ok(ScaleArg {
            scale: s.0,
            labels: s.1.clone(),
        });
    }
    super::extract_scale(obj).map(ScaleArg::plain)
}

fn text_adapter(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    static ADAPTER: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    ADAPTER.import(py, "cxmetrics._convert", "text_column")
}

/// The column as text answers when it holds any text (`None` for numeric columns, which
/// keep the numeric path): lists and tuples with a `str`, numpy string and object
/// arrays with strings, pandas object / string / categorical columns, polars String /
/// Categorical / Enum, Arrow string and dictionary arrays.
pub(crate) fn extract_text<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Option<TextColumn<'py>>> {
    if let Ok(list) = obj.cast::<PyList>() {
        let items: Vec<Bound<'py, PyAny>> = list.iter().collect();
        return from_items(items.iter(), false);
    }
    if let Ok(tuple) = obj.cast::<PyTuple>() {
        let items: Vec<Bound<'py, PyAny>> = tuple.iter().collect();
        return from_items(items.iter(), false);
    }
    let ty = obj.get_type();
    let module = ty.module()?.to_string();
    let root = module.split('.').next().unwrap_or_default();
    let candidate = match root {
        "pandas" | "polars" | "pyarrow" => true,
        "numpy" => obj
            .cast::<PyUntypedArray>()
            .is_ok_and(|a| matches!(a.dtype().kind(), b'U' | b'S' | b'O')),
        _ => false,
    };
    if !candidate {
        return Ok(None);
    }
    let py = obj.py();
    let out = text_adapter(py)?.call1((obj,))?;
    if out.is_none() {
        return Ok(None);
    }
    let kind = out.get_item(0)?;
    let kind = kind.cast::<PyString>()?.to_cow()?;
    let info = out.get_item(1)?;
    let column = out.get_item(2)?;
    match kind.as_ref() {
        "objects" => {
            let arr = column.cast::<PyArray1<Py<PyAny>>>()?.try_readonly()?;
            let text: bool = info.extract()?;
            match arr.as_slice() {
                Ok(items) => {
                    if !text
                        && !items
                            .iter()
                            .any(|x| x.bind(py).is_instance_of::<PyString>())
                    {
                        return Ok(None);
                    }
                    Ok(Some(TextColumn::Objects(arr)))
                }
                Err(_) => {
                    let items: Vec<Bound<'py, PyAny>> =
                        arr.as_array().iter().map(|x| x.bind(py).clone()).collect();
                    from_items(items.iter(), text)
                }
            }
        }
        "arrow" => {
            let Some(col) = crate::arrow::import(&column, super::Role::Keys)? else {
                return Ok(None);
            };
            let (chunks, _) = col.into_chunks();
            Ok(Some(TextColumn::Arrow(chunks)))
        }
        "physical" => {
            let Some(col) = crate::arrow::import(&column, super::Role::Keys)? else {
                return Ok(None);
            };
            let (chunks, _) = col.into_chunks();
            Ok(Some(TextColumn::Physical {
                chunks,
                texts: info,
            }))
        }
        "fixed" => {
            let (size, code): (usize, String) = info.extract()?;
            let raw = column.cast::<PyArray1<u8>>()?.try_readonly()?;
            if raw.as_slice().is_err() {
                return Err(type_error(
                    "scores: a numpy string array must be contiguous",
                ));
            }
            Ok(Some(TextColumn::Fixed {
                raw,
                size,
                ucs4: code == "U",
            }))
        }
        _ => {
            let mut categories = Vec::new();
            for c in info.try_iter()? {
                categories.push(category(&c?, None)?);
            }
            Ok(Some(TextColumn::Codes {
                categories,
                codes: codes_of(&column)?,
            }))
        }
    }
}

/// An integer numpy array of codes, zero-copy when it is contiguous int8/16/32.
fn codes_of<'py>(codes: &Bound<'py, PyAny>) -> PyResult<Codes<'py>> {
    let codes = if let Ok(a) = codes.cast::<PyArray1<i8>>() {
        Codes::I8(Column::View(a.try_readonly()?))
    } else if let Ok(a) = codes.cast::<PyArray1<i16>>() {
        Codes::I16(Column::View(a.try_readonly()?))
    } else if let Ok(a) = codes.cast::<PyArray1<i32>>() {
        Codes::I32(Column::View(a.try_readonly()?))
    } else {
        let a = codes.call_method1("astype", ("int64",))?;
        let a = a.cast::<PyArray1<i64>>()?;
        let v: Vec<i64> = a.try_readonly()?.as_array().iter().copied().collect();
        Codes::I64(Column::Owned(v))
    };
    // a zero-copy view must be contiguous
    Ok(match codes {
        Codes::I8(Column::View(v)) if v.as_slice().is_err() => {
            Codes::I8(Column::Owned(v.as_array().iter().copied().collect()))
        }
        Codes::I16(Column::View(v)) if v.as_slice().is_err() => {
            Codes::I16(Column::Owned(v.as_array().iter().copied().collect()))
        }
        Codes::I32(Column::View(v)) if v.as_slice().is_err() => {
            Codes::I32(Column::Owned(v.as_array().iter().copied().collect()))
        }
        other => other,
    })
}

fn category(item: &Bound<'_, PyAny>, index: Option<usize>) -> PyResult<Category> {
    if let Ok(s) = item.cast::<PyString>() {
        return Ok(Category::Text(s.to_cow()?.into_owned()));
    }
    if item.is_none() {
        return Ok(Category::Missing);
    }
    let x = scalar_to_f64(item, Role::Scores, index).map_err(|_| {
        type_error(format!(
            "score{} is {} (a {}): answers must be numbers or text, with None or NaN for a missing answer",
            index.map_or_else(String::new, |i| format!(" at index {i}")),
            item.repr().map_or_else(|_| "?".to_owned(), |r| r.to_string().chars().take(40).collect()),
            crate::errors::type_name(item),
        ))
    })?;
    Ok(if x.is_nan() {
        Category::Missing
    } else {
        Category::Number(x)
    })
}

/// Slots of the object-identity cache (a power of two).
const OBJECT_WAYS: usize = 256;

/// The categories of a column of Python objects (`str`, `None`, numbers), each distinct
/// object read once: equal `str` objects found by their hash, then compared, share
/// one category, as do equal numbers.
#[derive(Default)]
struct ObjectCategories<'py> {
    categories: Vec<Category>,
    /// hash → (object, category)
    by_hash: HashMap<isize, Vec<(Bound<'py, PyAny>, i32)>>,
    numbers: HashMap<u64, i32>,
    any_text: bool,
}

impl<'py> ObjectCategories<'py> {
    /// The category of `item` (−1: missing); `index` names its row in an error.
    fn code(&mut self, item: &Bound<'py, PyAny>, index: usize) -> PyResult<i32> {
        if item.is_instance_of::<PyString>() {
            self.any_text = true;
            let h = item.hash()?;
            let bucket = self.by_hash.entry(h).or_default();
            for (other, c) in bucket.iter() {
                if other.as_ptr() == item.as_ptr() || other.eq(item)? {
                    return Ok(*c);
                }
            }
            let c = next_code(self.categories.len())?;
            let s = item.cast::<PyString>()?.to_cow()?.into_owned();
            self.categories.push(Category::Text(s));
            bucket.push((item.clone(), c));
            return Ok(c);
        }
        Ok(match category(item, Some(index))? {
            Category::Missing => -1,
            Category::Number(x) => {
                let next = next_code(self.categories.len())?;
                *self.numbers.entry(x.to_bits()).or_insert_with(|| {
                    self.categories.push(Category::Number(x));
                    next
                })
            }
            Category::Text(_) => unreachable!("str items are read above"),
        })
    }
}

/// Dictionary-encodes Python objects (`str`, `None`, numbers) with the GIL held: each
/// distinct object is looked up once (a direct-mapped cache on its address; every item
/// is alive, held by its container, while the column is read), and each distinct text
/// once ([`ObjectCategories`]). `None` when `text` is false and no item is a `str` (a
/// numeric column: the numeric path takes it).
fn from_items<'a, 'py: 'a>(
    items: impl ExactSizeIterator<Item = &'a Bound<'py, PyAny>> + Clone,
    text: bool,
) -> PyResult<Option<TextColumn<'py>>> {
    if !text && !items.clone().any(PyAnyMethods::is_instance_of::<PyString>) {
        return Ok(None);
    }
    let mut found = ObjectCategories::default();
    let mut ways = [(0usize, 0i32); OBJECT_WAYS];
    let mut narrow: Vec<i8> = Vec::with_capacity(items.len());
    let mut wide: Option<Vec<i32>> = None;
    for (i, item) in items.enumerate() {
        let addr = item.as_ptr().addr();
        let way = (addr >> 4).wrapping_mul(0x9E37_79B9_7F4A_7C15_u64 as usize) >> (usize::BITS - 8);
        let code = if ways[way].0 == addr {
            ways[way].1
        } else {
            let code = found.code(item, i)?;
            ways[way] = (addr, code);
            code
        };
        match &mut wide {
            Some(w) => w.push(code),
            None => match i8::try_from(code) {
                Ok(c) => narrow.push(c),
                Err(_) => {
                    let mut w: Vec<i32> = narrow.iter().map(|&c| i32::from(c)).collect();
                    w.reserve(narrow.capacity() - narrow.len());
                    w.push(code);
                    wide = Some(w);
                    narrow = Vec::new();
                }
            },
        }
    }
    let codes = match wide {
        Some(w) => Codes::I32(Column::Owned(w)),
        None => Codes::I8(Column::Owned(narrow)),
    };
    Ok(Some(TextColumn::Codes {
        categories: found.categories,
        codes,
    }))
}

/// Tallies a contiguous object array by object identity: the rows of each distinct
/// object are counted without the GIL and split over the threads
/// (`labels::count_tokens`; the array holds every item, and its addresses are only
/// compared there), then each distinct object is read once with the GIL, after checking
/// that the array still holds it at its first row, and the counts are tallied per
/// category. `None` past 256 distinct objects in a part (one object a row, as from
/// JSON): the caller encodes the column with [`from_items`].
fn objects_tally(
    py: Python<'_>,
    items: &[Py<PyAny>],
    scale: &LabelledScale,
    on_invalid: OnInvalid,
) -> PyResult<Option<Tally>> {
    let address = |x: &Py<PyAny>| x.as_ptr().addr();
    let counted = if items.len() > DETACH_THRESHOLD {
        py.detach(|| count_tokens(items, address))
    } else {
        count_tokens(items, address)
    };
    let Some(counted) = counted else {
        return Ok(None);
    };
    let mut found = ObjectCategories::default();
    let (mut codes, mut counts, mut firsts) = (Vec::new(), Vec::new(), Vec::new());
    let mut missing = 0u64;
    for c in counted {
        let item = items[c.first].bind(py);
        if item.as_ptr().addr() != c.token {
            return Err(pyo3::exceptions::PyRuntimeError::new_err(
                "scores: the array was changed by another thread while it was read",
            ));
        }
        let code = found.code(item, c.first)?;
        match usize::try_from(code) {
            Ok(j) => {
                codes.push(j);
                counts.push(c.count);
                firsts.push(c.first);
            }
            Err(_) => missing += c.count,
        }
    }
    let all = answers(&found.categories);
    let answers: Vec<Answer<'_>> = codes.iter().map(|&j| all[j]).collect();
    no_panic(|| scale.tally_category_counts(&answers, &counts, &firsts, missing, on_invalid))
        .map(Some)
        .map_err(core_err)
}

fn next_code(n: usize) -> PyResult<i32> {
    i32::try_from(n)
        .map_err(|_| crate::errors::invalid_argument("scores", "more than 2³¹ distinct answers"))
}

/// Scores for the functions that take one float column (segments, trends): a text
/// column read on `scale`, else the numeric conversion.
pub(crate) fn extract_scores_on<'py>(
    obj: &Bound<'py, PyAny>,
    scale: &ScaleArg,
    on_invalid: OnInvalid,
) -> PyResult<Scores<'py>> {
    if let Some(text) = extract_text(obj)? {
        let values = text.values(&scale.labelled(), on_invalid)?;
        return Ok(Scores::F64(Column::Owned(values)));
    }
    super::extract_scores(obj)
}
