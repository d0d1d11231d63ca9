//! Arrow input through the Arrow PyCapsule interface.
//!
//! Any object with `__arrow_c_array__` (a pyarrow `Array`, nanoarrow, arro3 …) or
//! `__arrow_c_stream__` (a pyarrow `ChunkedArray`, a polars `Series`, …) is imported with
//! the Apache `arrow-array` crate's C Data / C Stream Interface (`ffi`, `ffi_stream`):
//! the producer's buffers are read in place, nothing is copied on import.
//!
//! Tallying walks the chunks in order, into one tally. Every chunk is handed to the core
//! in place, nulls or not: its values buffer (offset applied) and, when it has nulls, its
//! validity bitmap with the chunk's bit offset ([`Tally::extend_with_validity`]), so the
//! values stored at null rows are never read and nothing is copied. Only weights that
//! cannot be borrowed as one float64 slice for the chunk (another type, nulls, or chunks
//! that do not line up with the scores') are assembled, in blocks of [`BLOCK`] rows into
//! a reused buffer (at most 512 KiB), with NaN at null weights; the scores and their
//! validity are then sliced alongside, still in place. Error indices are shifted to
//! positions in the whole logical column (across chunks and blocks).
//!
//! This is the only module of the binding with `unsafe` code: reading the capsules'
//! pointers, as the PyCapsule interface prescribes (three calls, each with its SAFETY
//! comment).
#![allow(unsafe_code, reason = "importing Arrow PyCapsules (C Data Interface)")]

use std::ffi::CStr;

use arrow_array::cast::AsArray;
use arrow_array::ffi::{FFI_ArrowArray, FFI_ArrowSchema, from_ffi_and_data_type};
use arrow_array::ffi_stream::{ArrayStreamReader, FFI_ArrowArrayStream};
use arrow_array::types::{
    ArrowPrimitiveType, Float32Type, Float64Type, Int8Type, Int16Type, Int32Type, Int64Type,
    UInt8Type, UInt16Type, UInt32Type, UInt64Type,
};
use arrow_array::{Array, ArrayReader, ArrayRef, make_array};
use arrow_buffer::{ArrowNativeType, NullBuffer};
use arrow_schema::DataType;
use cxmetrics::{Error, OnInvalid, Scale, Score, Tally};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyTuple};

use crate::convert::{Column, Role, Scores};
use crate::errors::{invalid_argument, type_error};

/// Rows per block when a chunk's weights must be assembled (copied to float64).
pub(crate) const BLOCK: usize = 1 << 16;

const SCHEMA_CAPSULE: &CStr = c"arrow_schema";
const ARRAY_CAPSULE: &CStr = c"arrow_array";
const STREAM_CAPSULE: &CStr = c"arrow_array_stream";

/// A numeric Arrow column: its chunks (zero-copy views of the producer's buffers) and type.
pub(crate) struct ArrowColumn {
    chunks: Vec<ArrayRef>,
    /// The row where each chunk starts in the whole column.
    starts: Vec<usize>,
    data_type: DataType,
    len: usize,
}

/// Imports `obj` when it exports Arrow data (`__arrow_c_array__` or `__arrow_c_stream__`);
/// `None` when it does not. Only integer, float and null types are accepted.
pub(crate) fn import(obj: &Bound<'_, PyAny>, role: Role) -> PyResult<Option<ArrowColumn>> {
    let py = obj.py();
    let (chunks, data_type) =
        if let Some(export) = obj.getattr_opt(intern!(py, "__arrow_c_array__"))? {
            import_array(&export.call0()?, role)?
        } else if let Some(export) = obj.getattr_opt(intern!(py, "__arrow_c_stream__"))? {
            import_stream(&export.call0()?, role)?
        } else {
            return Ok(None);
        };
    let mut starts = Vec::with_capacity(chunks.len());
    let mut len = 0usize;
    for c in &chunks {
        starts.push(len);
        len += c.len();
    }
    Ok(Some(ArrowColumn {
        chunks,
        starts,
        data_type,
        len,
    }))
}

impl ArrowColumn {
    /// The chunks (zero-copy views) and their type, for key columns.
    pub(crate) fn into_chunks(self) -> (Vec<ArrayRef>, DataType) {
        (self.chunks, self.data_type)
    }
}

fn read_error(role: Role, what: &str, err: impl std::fmt::Display) -> PyErr {
    type_error(format!(
        "{}: cannot read the Arrow {what}: {err}",
        role.name()
    ))
}

fn import_array(pair: &Bound<'_, PyAny>, role: Role) -> PyResult<(Vec<ArrayRef>, DataType)> {
    let pair = pair.cast::<PyTuple>().map_err(|_| {
        type_error(format!(
            "{}: __arrow_c_array__ must return a (schema, array) tuple of capsules",
            role.name()
        ))
    })?;
    if pair.len() != 2 {
        return Err(type_error(format!(
            "{}: __arrow_c_array__ must return a (schema, array) tuple of capsules",
            role.name()
        )));
    }
    let schema_capsule = pair.get_item(0)?;
    let schema_capsule = schema_capsule.cast::<PyCapsule>()?;
    let array_capsule = pair.get_item(1)?;
    let array_capsule = array_capsule.cast::<PyCapsule>()?;
    let schema_ptr = schema_capsule.pointer_checked(Some(SCHEMA_CAPSULE))?;
    // SAFETY: a capsule named "arrow_schema" holds a valid, initialised ArrowSchema (the
    // PyCapsule interface); the capsule outlives this borrow, and we only read it.
    let schema: &FFI_ArrowSchema = unsafe { schema_ptr.cast::<FFI_ArrowSchema>().as_ref() };
    let format = schema.format().to_owned();
    let data_type =
        DataType::try_from(schema).map_err(|e| unsupported_format(role, &format, &e))?;
    check_type(&data_type, &format, role)?;
    let array_ptr = array_capsule.pointer_checked(Some(ARRAY_CAPSULE))?;
    // SAFETY: a capsule named "arrow_array" holds a valid ArrowArray; `from_raw` moves it
    // out and marks the capsule's copy released, as the interface prescribes for consumers
    // (the capsule's destructor then does nothing).
    let array = unsafe { FFI_ArrowArray::from_raw(array_ptr.cast::<FFI_ArrowArray>().as_ptr()) };
    // SAFETY: `array` was exported with `schema`, whose type is `data_type`.
    let data = unsafe { from_ffi_and_data_type(array, data_type.clone()) }
        .map_err(|e| read_error(role, "array", e))?;
    Ok((vec![make_array(data)], data_type))
}

fn import_stream(capsule: &Bound<'_, PyAny>, role: Role) -> PyResult<(Vec<ArrayRef>, DataType)> {
    let capsule = capsule.cast::<PyCapsule>().map_err(|_| {
        type_error(format!(
            "{}: __arrow_c_stream__ must return a capsule",
            role.name()
        ))
    })?;
    let ptr = capsule.pointer_checked(Some(STREAM_CAPSULE))?;
    // SAFETY: a capsule named "arrow_array_stream" holds a valid ArrowArrayStream;
    // `from_raw` moves it out and marks the capsule's copy released (as for arrays).
    let stream =
        unsafe { FFI_ArrowArrayStream::from_raw(ptr.cast::<FFI_ArrowArrayStream>().as_ptr()) };
    if stream.get_next().is_none() || stream.get_schema().is_none() {
        return Err(read_error(
            role,
            "stream",
            "it has no get_next / get_schema callback",
        ));
    }
    let reader = ArrayStreamReader::try_new(stream).map_err(|e| read_error(role, "stream", e))?;
    let data_type = reader.field().data_type().clone();
    check_type(&data_type, &format_of(&data_type), role)?;
    let chunks = reader
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| read_error(role, "stream", e))?;
    Ok((chunks, data_type))
}

/// The Arrow format string of `data_type`, for messages.
fn format_of(data_type: &DataType) -> String {
    FFI_ArrowSchema::try_from(data_type).map_or_else(|_| "?".to_owned(), |s| s.format().to_owned())
}

fn unsupported_format(role: Role, format: &str, err: &dyn std::fmt::Display) -> PyErr {
    type_error(format!(
        "{} must be numbers; Arrow arrays of format '{format}' are not supported ({err})",
        role.name()
    ))
}

fn check_type(data_type: &DataType, format: &str, role: Role) -> PyResult<()> {
    if role == Role::Keys {
        return Ok(()); // key columns: crate::keys accepts or refuses each type
    }
    let name = role.name();
    match data_type {
        DataType::Int8
        | DataType::Int16
        | DataType::Int32
        | DataType::Int64
        | DataType::UInt8
        | DataType::UInt16
        | DataType::UInt32
        | DataType::UInt64
        | DataType::Float32
        | DataType::Float64
        | DataType::Null => Ok(()),
        DataType::Boolean => Err(type_error(format!(
            "{name} must be numbers, not booleans (Arrow type bool, format '{format}'); cast to an integer type if 0/1 is meant"
        ))),
        DataType::Struct(fields) => Err(invalid_argument(
            name,
            format!(
                "expected a one-dimensional column, got an Arrow struct of {} fields (format '{format}', e.g. a table or data frame); pass one column",
                fields.len()
            ),
        )),
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => Err(type_error(format!(
            "{name} must be numbers, not strings (Arrow type str, format '{format}'); parse them first"
        ))),
        DataType::Dictionary(_, values) => Err(type_error(format!(
            "{name} must be numbers; dictionary-encoded (categorical) Arrow arrays (index format '{format}', values of type {values}) are not supported; decode them first"
        ))),
        other => Err(type_error(format!(
            "{name} must be integers or floats; Arrow arrays of type {other} (format '{format}') are not supported"
        ))),
    }
}

/// An error of the core, re-indexed from a slice starting at row `base` to the whole column.
fn shift(mut err: Error, base: usize) -> Error {
    match &mut err {
        Error::OutOfScale { index, .. }
        | Error::NotInteger { index, .. }
        | Error::NotFinite { index, .. }
        | Error::InvalidWeight {
            index: Some(index), ..
        } => *index += base,
        _ => {}
    }
    err
}

/// Element types of an Arrow column, as float64 when a column is copied.
trait Native: Score + ArrowNativeType {
    fn to_f64(self) -> f64;
}

macro_rules! native {
    ($($t:ty),*) => {$(
        impl Native for $t {
            #[inline]
            #[allow(clippy::cast_lossless, reason = "one body for every integer type")]
            fn to_f64(self) -> f64 { self as f64 }
        }
    )*};
}
native!(i8, i16, i32, i64, u8, u16, u32, u64, f64);

impl Native for f32 {
    #[inline]
    fn to_f64(self) -> f64 {
        f64::from(self)
    }
}

/// The values and validity of one chunk of a primitive type (offset applied).
fn parts<T: ArrowPrimitiveType>(array: &dyn Array) -> Option<(&[T::Native], Option<&NullBuffer>)> {
    let a = array.as_primitive_opt::<T>()?;
    Some((a.values(), a.nulls().filter(|n| n.null_count() > 0)))
}

/// Runs `$body` with `$values: &[T]` and `$nulls: Option<&NullBuffer>` of chunk `$array`
/// (whose type is `$dt`), or `$null_body` for Arrow's null type (every row missing).
macro_rules! with_chunk {
    ($dt:expr, $array:expr, ($values:ident, $nulls:ident) => $body:expr, null => $null_body:expr, else => $other:expr) => {
        match $dt {
            DataType::Int8 => match parts::<Int8Type>($array) {
                Some(($values, $nulls)) => $body,
                None => $other,
            },
            DataType::Int16 => match parts::<Int16Type>($array) {
                Some(($values, $nulls)) => $body,
                None => $other,
            },
            DataType::Int32 => match parts::<Int32Type>($array) {
                Some(($values, $nulls)) => $body,
                None => $other,
            },
            DataType::Int64 => match parts::<Int64Type>($array) {
                Some(($values, $nulls)) => $body,
                None => $other,
            },
            DataType::UInt8 => match parts::<UInt8Type>($array) {
                Some(($values, $nulls)) => $body,
                None => $other,
            },
            DataType::UInt16 => match parts::<UInt16Type>($array) {
                Some(($values, $nulls)) => $body,
                None => $other,
            },
            DataType::UInt32 => match parts::<UInt32Type>($array) {
                Some(($values, $nulls)) => $body,
                None => $other,
            },
            DataType::UInt64 => match parts::<UInt64Type>($array) {
                Some(($values, $nulls)) => $body,
                None => $other,
            },
            DataType::Float32 => match parts::<Float32Type>($array) {
                Some(($values, $nulls)) => $body,
                None => $other,
            },
            DataType::Float64 => match parts::<Float64Type>($array) {
                Some(($values, $nulls)) => $body,
                None => $other,
            },
            DataType::Null => $null_body,
            _ => $other,
        }
    };
}

/// An internal inconsistency (a chunk whose type differs from the stream's): an error,
/// never a panic.
fn mismatched_chunk() -> Error {
    Error::invalid_argument(
        "scores",
        "an Arrow chunk does not have the column's data type",
    )
}

/// Weights for the Arrow tally path: a contiguous slice, or another Arrow column.
#[derive(Clone, Copy)]
pub(crate) enum WeightSource<'a> {
    Slice(&'a [f64]),
    Arrow(&'a ArrowColumn),
}

impl WeightSource<'_> {
    fn len(&self) -> usize {
        match self {
            WeightSource::Slice(s) => s.len(),
            WeightSource::Arrow(c) => c.len,
        }
    }

    /// Rows `from..to` as a float64 slice: borrowed when they lie in one float64 chunk
    /// without nulls (or in a slice), else assembled in `buf` (nulls → NaN).
    fn range<'a>(&'a self, from: usize, to: usize, buf: &'a mut Vec<f64>) -> &'a [f64] {
        match self {
            WeightSource::Slice(s) => &s[from..to],
            WeightSource::Arrow(c) => {
                if let Some(s) = c.borrowed_f64(from, to) {
                    return s;
                }
                buf.clear();
                c.push_f64(from, to, buf);
                buf
            }
        }
    }

    fn borrowable(&self, from: usize, to: usize) -> bool {
        match self {
            WeightSource::Slice(_) => true,
            WeightSource::Arrow(c) => c.borrowed_f64(from, to).is_some(),
        }
    }
}

impl ArrowColumn {
    /// Rows in all chunks.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The whole column read in place, when it is float64 in one chunk without nulls.
    pub(crate) fn contiguous_f64(&self) -> Option<&[f64]> {
        self.borrowed_f64(0, self.len)
    }

    /// The chunk holding row `row` (`row < len`).
    fn chunk_of(&self, row: usize) -> usize {
        self.starts.partition_point(|&s| s <= row).saturating_sub(1)
    }

    /// Rows `from..to` read in place, when they are float64 in one chunk without nulls.
    fn borrowed_f64(&self, from: usize, to: usize) -> Option<&[f64]> {
        if from >= to {
            return Some(&[]);
        }
        let k = self.chunk_of(from);
        let start = self.starts[k];
        let chunk = &self.chunks[k];
        if to > start + chunk.len() {
            return None;
        }
        let (values, nulls) = parts::<Float64Type>(chunk.as_ref())?;
        if let Some(n) = nulls
            && n.slice(from - start, to - from).null_count() > 0
        {
            return None;
        }
        Some(&values[from - start..to - start])
    }

    /// Appends rows `from..to` as float64 to `out` (nulls → NaN).
    fn push_f64(&self, from: usize, to: usize, out: &mut Vec<f64>) {
        let mut row = from;
        while row < to {
            let k = self.chunk_of(row);
            let start = self.starts[k];
            let chunk = &self.chunks[k];
            let end = to.min(start + chunk.len());
            let (lo, hi) = (row - start, end - start);
            with_chunk!(&self.data_type, chunk.as_ref(), (values, nulls) => {
                push_values(&values[lo..hi], nulls.map(|n| n.slice(lo, hi - lo)).as_ref(), out);
            }, null => out.extend(std::iter::repeat_n(f64::NAN, hi - lo)),
            else => out.extend(std::iter::repeat_n(f64::NAN, hi - lo)));
            if end <= row {
                break; // an empty chunk at `row` cannot happen (chunk_of skips them); be safe
            }
            row = end;
        }
    }

    /// The whole column as float64 (nulls → NaN): one copy.
    pub(crate) fn to_f64_vec(&self) -> Vec<f64> {
        let mut out = Vec::with_capacity(self.len);
        self.push_f64(0, self.len, &mut out);
        out
    }

    /// The only non-empty chunk, when there is exactly one and it has no nulls.
    fn single_chunk(&self) -> Option<&ArrayRef> {
        let mut it = self.chunks.iter().filter(|c| !c.is_empty());
        let chunk = it.next()?;
        (it.next().is_none() && chunk.null_count() == 0 && self.data_type != DataType::Null)
            .then_some(chunk)
    }

    /// These values as [`Scores`]: in place for one chunk without nulls, else one float64
    /// copy with NaN at the nulls (for the entry points that need one contiguous slice:
    /// segments, trends, paired NPS, service columns).
    pub(crate) fn into_scores(self) -> Scores<'static> {
        if let Some(chunk) = self.single_chunk() {
            let chunk = chunk.as_ref();
            macro_rules! shared {
                ($t:ty, $variant:ident) => {
                    if let Some(a) = chunk.as_primitive_opt::<$t>() {
                        return Scores::$variant(Column::Shared(a.values().clone()));
                    }
                };
            }
            match self.data_type {
                DataType::Int8 => shared!(Int8Type, I8),
                DataType::Int16 => shared!(Int16Type, I16),
                DataType::Int32 => shared!(Int32Type, I32),
                DataType::Int64 => shared!(Int64Type, I64),
                DataType::UInt8 => shared!(UInt8Type, U8),
                DataType::UInt16 => shared!(UInt16Type, U16),
                DataType::UInt32 => shared!(UInt32Type, U32),
                DataType::UInt64 => shared!(UInt64Type, U64),
                DataType::Float32 => shared!(Float32Type, F32),
                DataType::Float64 => shared!(Float64Type, F64),
                _ => {}
            }
        }
        Scores::F64(Column::Owned(self.to_f64_vec()))
    }

    /// These values as a float64 column: in place for one float64 chunk without nulls,
    /// else one float64 copy (nulls → NaN).
    pub(crate) fn into_f64_column(self) -> Column<'static, f64> {
        if let Some(a) = self
            .single_chunk()
            .and_then(|c| c.as_primitive_opt::<Float64Type>())
        {
            return Column::Shared(a.values().clone());
        }
        Column::Owned(self.to_f64_vec())
    }

    /// Tallies the column on `scale`: chunk by chunk, each read in place with its validity
    /// bitmap (in blocks of [`BLOCK`] rows only where weights must be assembled), into one
    /// tally.
    pub(crate) fn tally(
        &self,
        scale: Scale,
        weights: Option<WeightSource<'_>>,
        on_invalid: OnInvalid,
    ) -> cxmetrics::Result<Tally> {
        if let Some(w) = weights
            && w.len() != self.len
        {
            return Err(Error::LengthMismatch {
                what: "scores and weights",
                left: self.len,
                right: w.len(),
            });
        }
        if self.len == 0 {
            // as one pass over nothing (a weighted empty tally stays weighted)
            let none: &[f64] = &[];
            return Tally::from_scores_with(scale, none, weights.map(|_| none), on_invalid);
        }
        let mut total = Tally::new(scale);
        let mut wbuf = Vec::new();
        let mut ctx = Ctx {
            on_invalid,
            weights,
            total: &mut total,
            wbuf: &mut wbuf,
        };
        for (chunk, &base) in self.chunks.iter().zip(&self.starts) {
            if chunk.is_empty() {
                continue;
            }
            with_chunk!(&self.data_type, chunk.as_ref(), (values, nulls) => {
                ctx.values(values, nulls, base)?;
            }, null => ctx.all_missing(chunk.len(), base)?,
            else => return Err(mismatched_chunk()));
        }
        Ok(total)
    }
}

/// Appends `values` as float64 to `out`, NaN where `nulls` says null.
fn push_values<T: Native>(values: &[T], nulls: Option<&NullBuffer>, out: &mut Vec<f64>) {
    match nulls.filter(|n| n.null_count() > 0) {
        None => out.extend(values.iter().map(|&v| v.to_f64())),
        Some(valid) => fill(values, valid, out),
    }
}

/// Appends every valid value as float64 and NaN for every null to `out`, 64 rows (one
/// validity word) at a time, branch-free.
fn fill<T: Native>(values: &[T], valid: &NullBuffer, out: &mut Vec<f64>) {
    out.reserve(values.len());
    let words = valid.inner().bit_chunks();
    for (group, bits) in values.chunks(64).zip(words.iter_padded()) {
        out.extend(group.iter().enumerate().map(|(j, &x)| {
            if (bits >> j) & 1 == 1 {
                x.to_f64()
            } else {
                f64::NAN
            }
        }));
    }
}

/// NaN, to count missing rows in bulk.
static NANS: [f32; 1024] = [f32::NAN; 1024];

/// Adds `n` missing rows to `total` (unweighted).
fn add_missing(total: &mut Tally, mut n: usize) -> cxmetrics::Result<()> {
    while n > 0 {
        let k = n.min(NANS.len());
        total.extend(&NANS[..k])?;
        n -= k;
    }
    Ok(())
}

/// The state of one Arrow tally.
struct Ctx<'a, 'w> {
    on_invalid: OnInvalid,
    weights: Option<WeightSource<'w>>,
    total: &'a mut Tally,
    wbuf: &'a mut Vec<f64>,
}

impl Ctx<'_, '_> {
    /// Tallies one chunk's `values` (rows `base..base + len` of the column) in place.
    ///
    /// With nulls, the chunk's validity bitmap goes to the core with the values, at the
    /// chunk's bit offset (`BooleanBuffer::values` is the bitmap from its first byte,
    /// `offset` the bit of the chunk's row 0), so a null row's stored value is never read.
    /// The chunk is one call, unless its weights must be assembled: then one call per
    /// block of [`BLOCK`] rows, the validity offset moved along with the block.
    fn values<T: Score>(
        &mut self,
        values: &[T],
        nulls: Option<&NullBuffer>,
        base: usize,
    ) -> cxmetrics::Result<()> {
        let n = values.len();
        let validity = nulls.map(|b| (b.inner().values(), b.inner().offset()));
        let whole = self.weights.is_none_or(|w| w.borrowable(base, base + n));
        let step = if whole { n.max(1) } else { BLOCK };
        let mut start = 0;
        while start < n {
            let end = (start + step).min(n);
            let row = base + start;
            let block = &values[start..end];
            let w = self
                .weights
                .as_ref()
                .map(|w| w.range(row, base + end, self.wbuf));
            match validity {
                None => self.total.extend_with(block, w, self.on_invalid),
                Some((bits, offset)) => {
                    self.total
                        .extend_with_validity(block, bits, offset + start, w, self.on_invalid)
                }
            }
            .map_err(|e| shift(e, row))?;
            start = end;
        }
        Ok(())
    }

    /// Tallies `n` rows of Arrow's null type (all missing) starting at row `base`.
    fn all_missing(&mut self, n: usize, base: usize) -> cxmetrics::Result<()> {
        if self.weights.is_none() {
            return add_missing(self.total, n);
        }
        let mut buf = Vec::new();
        let mut start = 0;
        while start < n {
            let end = (start + BLOCK).min(n);
            buf.clear();
            buf.resize(end - start, f64::NAN);
            let w = self
                .weights
                .as_ref()
                .map(|w| w.range(base + start, base + end, self.wbuf));
            self.total
                .extend_with(&buf, w, self.on_invalid)
                .map_err(|e| shift(e, base + start))?;
            start = end;
        }
        Ok(())
    }
}
