//! Python inputs → Rust slices, and option parsing.
//!
//! Nothing here computes a metric: it only turns Python containers into slices the core
//! tallies (zero-copy for contiguous numpy arrays of a native numeric dtype) and options
//! into the core's option types.

use std::sync::atomic::{AtomicBool, Ordering};

use arrow_buffer::{ArrowNativeType, ScalarBuffer};
use cxmetrics::{OnInvalid, Scale, Score, Tally};
use numpy::{
    Element, PyArray1, PyArrayDescrMethods, PyArrayMethods, PyReadonlyArray1, PyUntypedArray,
    PyUntypedArrayMethods,
};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyList, PyString, PyTuple};

use crate::arrow::{ArrowColumn, WeightSource};
use crate::errors::{core_err, invalid_argument, no_panic, type_error, type_name};

pub(crate) mod items;
mod scalars;
pub(crate) mod text;

pub(crate) use scalars::{
    by_name, extract_buckets, extract_count, extract_counts, extract_f64, extract_int,
    extract_on_invalid, extract_opt_int, extract_opt_u32, extract_scale, extract_str, new_scale,
    opt_f64, scalar_to_f64,
};

pub(crate) use text::{ScaleArg, extract_scale_arg, extract_scores_on, extract_text};

/// Inputs longer than this are tallied with the GIL released (the thread detached).
pub(crate) const DETACH_THRESHOLD: usize = 1 << 16;

/// A 1-D column of `T`: a zero-copy view of a contiguous numpy array or of an Arrow
/// values buffer, or an owned copy.
pub(crate) enum Column<'py, T: Element + ArrowNativeType> {
    /// Borrowed from a contiguous numpy array (checked when built).
    View(PyReadonlyArray1<'py, T>),
    /// Borrowed from an Arrow array without nulls (its values buffer, offset applied; the
    /// buffer keeps the producer's memory alive).
    Shared(ScalarBuffer<T>),
    /// Copied (lists, non-contiguous views, converted dtypes).
    Owned(Vec<T>),
}

impl<T: Element + ArrowNativeType> Column<'_, T> {
    pub(crate) fn as_slice(&self) -> &[T] {
        match self {
            // A `View` is only built when `as_slice` succeeded, and contiguity cannot change
            // while we hold the read-only borrow, so the fallback is never taken.
            Column::View(a) => a.as_slice().unwrap_or_default(),
            Column::Shared(b) => b,
            Column::Owned(v) => v,
        }
    }

    /// Whether this column borrows the caller's memory (no copy was made).
    pub(crate) fn is_view(&self) -> bool {
        matches!(self, Column::View(_) | Column::Shared(_))
    }
}

fn column<'py, T: Element + ArrowNativeType>(arr: &Bound<'py, PyAny>) -> PyResult<Column<'py, T>> {
    let typed = arr.cast::<PyArray1<T>>()?;
    let ro = typed.try_readonly()?;
    if ro.as_slice().is_ok() {
        Ok(Column::View(ro))
    } else {
        Ok(Column::Owned(ro.as_array().iter().copied().collect()))
    }
}

/// Scores in one of the numeric types the core tallies natively.
pub(crate) enum Scores<'py> {
    I8(Column<'py, i8>),
    I16(Column<'py, i16>),
    I32(Column<'py, i32>),
    I64(Column<'py, i64>),
    U8(Column<'py, u8>),
    U16(Column<'py, u16>),
    U32(Column<'py, u32>),
    U64(Column<'py, u64>),
    F32(Column<'py, f32>),
    F64(Column<'py, f64>),
}

/// Runs `$body` with `$s` bound to the scores' slice, whatever its element type.
macro_rules! with_slice {
    ($scores:expr, $s:ident => $body:expr) => {
        match $scores {
            $crate::convert::Scores::I8(c) => {
                let $s = c.as_slice();
                $body
            }
            $crate::convert::Scores::I16(c) => {
                let $s = c.as_slice();
                $body
            }
            $crate::convert::Scores::I32(c) => {
                let $s = c.as_slice();
                $body
            }
            $crate::convert::Scores::I64(c) => {
                let $s = c.as_slice();
                $body
            }
            $crate::convert::Scores::U8(c) => {
                let $s = c.as_slice();
                $body
            }
            $crate::convert::Scores::U16(c) => {
                let $s = c.as_slice();
                $body
            }
            $crate::convert::Scores::U32(c) => {
                let $s = c.as_slice();
                $body
            }
            $crate::convert::Scores::U64(c) => {
                let $s = c.as_slice();
                $body
            }
            $crate::convert::Scores::F32(c) => {
                let $s = c.as_slice();
                $body
            }
            $crate::convert::Scores::F64(c) => {
                let $s = c.as_slice();
                $body
            }
        }
    };
}

impl Scores<'_> {
    /// The address of the caller's memory when the scores are read in place (zero-copy),
    /// `None` when they were copied. Used by the tests through `_scores_address`.
    pub(crate) fn borrowed_address(&self) -> Option<usize> {
        with_slice!(self, s => if self.is_view() { Some(s.as_ptr().addr()) } else { None })
    }

    /// The scores as floats (a copy), for core functions that take two score columns of
    /// one element type (integers beyond 2⁵³ round, and are off every scale anyway).
    #[allow(
        clippy::unnecessary_cast,
        reason = "one body for every element type, f64 included"
    )]
    pub(crate) fn to_f64(&self) -> Vec<f64> {
        with_slice!(self, s => s.iter().map(|&x| x as f64).collect())
    }

    fn is_view(&self) -> bool {
        match self {
            Scores::I8(c) => c.is_view(),
            Scores::I16(c) => c.is_view(),
            Scores::I32(c) => c.is_view(),
            Scores::I64(c) => c.is_view(),
            Scores::U8(c) => c.is_view(),
            Scores::U16(c) => c.is_view(),
            Scores::U32(c) => c.is_view(),
            Scores::U64(c) => c.is_view(),
            Scores::F32(c) => c.is_view(),
            Scores::F64(c) => c.is_view(),
        }
    }
}

fn tally_slice<T: Score + Sync>(
    py: Python<'_>,
    scale: Scale,
    scores: &[T],
    weights: Option<&[f64]>,
    on_invalid: OnInvalid,
) -> PyResult<Tally> {
    let run = || Tally::from_scores_with(scale, scores, weights, on_invalid);
    let result = if scores.len() > DETACH_THRESHOLD {
        py.detach(|| no_panic(run))
    } else {
        no_panic(run)
    };
    result.map_err(core_err)
}

/// Scores ready to tally: one slice of a native type, or an Arrow column (chunks with
/// validity), tallied chunk by chunk.
pub(crate) enum ScoreInput<'py> {
    Slice(Scores<'py>),
    Arrow(ArrowColumn),
}

/// Weights ready to tally, as [`ScoreInput`].
pub(crate) enum WeightInput<'py> {
    Slice(Column<'py, f64>),
    Arrow(ArrowColumn),
}

impl ScoreInput<'_> {
    /// Tallies these scores on `scale`, detached from the interpreter for large inputs.
    pub(crate) fn tally(
        &self,
        py: Python<'_>,
        scale: Scale,
        weights: Option<&WeightInput<'_>>,
        on_invalid: OnInvalid,
    ) -> PyResult<Tally> {
        match self {
            ScoreInput::Slice(scores) => {
                let owned: Vec<f64>;
                let w = match weights {
                    None => None,
                    Some(WeightInput::Slice(c)) => Some(c.as_slice()),
                    // Arrow weights for non-Arrow scores: in place when one float64 chunk
                    // without nulls, else one contiguous float64 copy
                    Some(WeightInput::Arrow(a)) => {
                        if let Some(s) = a.contiguous_f64() {
                            Some(s)
                        } else {
                            owned = a.to_f64_vec();
                            Some(owned.as_slice())
                        }
                    }
                };
                with_slice!(scores, s => tally_slice(py, scale, s, w, on_invalid))
            }
            ScoreInput::Arrow(col) => {
                let w = weights.map(|w| match w {
                    WeightInput::Slice(c) => WeightSource::Slice(c.as_slice()),
                    WeightInput::Arrow(a) => WeightSource::Arrow(a),
                });
                let run = || col.tally(scale, w, on_invalid);
                let result = if col.len() > DETACH_THRESHOLD {
                    py.detach(|| no_panic(run))
                } else {
                    no_panic(run)
                };
                result.map_err(core_err)
            }
        }
    }
}

/// Which input is being converted, for messages.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Scores,
    Weights,
    /// Another float column: its argument name and the name of one item
    /// (`p_values` / `p-value`, `talk` / `talk time`).
    Floats(&'static str, &'static str),
}

impl Role {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Role::Scores => "scores",
            Role::Weights => "weights",
            Role::Floats(name, _) => name,
        }
    }

    pub(crate) fn item(self) -> &'static str {
        match self {
            Role::Scores => "score",
            Role::Weights => "weight",
            Role::Floats(_, item) => item,
        }
    }
}

/// Converts a score container into [`Scores`]: one contiguous slice (an Arrow column with
/// nulls or several chunks becomes one float64 copy). The tally path uses
/// [`extract_score_input`] instead, which reads such columns chunk by chunk.
pub(crate) fn extract_scores<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Scores<'py>> {
    match extract_column(obj, Role::Scores, true)? {
        Extracted::Scores(s) => Ok(s),
        Extracted::Floats(c) => Ok(Scores::F64(c)),
        Extracted::Arrow(a) => Ok(a.into_scores()),
    }
}

/// Converts a score container for tallying (Arrow columns kept as chunks).
pub(crate) fn extract_score_input<'py>(obj: &Bound<'py, PyAny>) -> PyResult<ScoreInput<'py>> {
    match extract_column(obj, Role::Scores, true)? {
        Extracted::Scores(s) => Ok(ScoreInput::Slice(s)),
        Extracted::Floats(c) => Ok(ScoreInput::Slice(Scores::F64(c))),
        Extracted::Arrow(a) => Ok(ScoreInput::Arrow(a)),
    }
}

/// Converts a weights container for tallying (Arrow columns kept as chunks).
pub(crate) fn extract_weight_input<'py>(obj: &Bound<'py, PyAny>) -> PyResult<WeightInput<'py>> {
    match extract_column(obj, Role::Weights, true)? {
        Extracted::Floats(c) => Ok(WeightInput::Slice(c)),
        Extracted::Arrow(a) => Ok(WeightInput::Arrow(a)),
        Extracted::Scores(_) => Err(type_error("weights must be floats")),
    }
}

/// Converts a weights container into a float64 column (zero-copy for contiguous float64).
pub(crate) fn extract_weights<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Column<'py, f64>> {
    extract_floats(obj, Role::Weights)
}

/// Converts a container of numbers (`None` / NaN = NaN) into a float64 column, in the
/// containers scores accept (zero-copy for contiguous float64).
pub(crate) fn extract_floats<'py>(
    obj: &Bound<'py, PyAny>,
    role: Role,
) -> PyResult<Column<'py, f64>> {
    match extract_column(obj, role, true)? {
        Extracted::Floats(c) => Ok(c),
        Extracted::Arrow(a) => Ok(a.into_f64_column()),
        Extracted::Scores(_) => Err(type_error(format!("{} must be floats", role.name()))),
    }
}

enum Extracted<'py> {
    Scores(Scores<'py>),
    Floats(Column<'py, f64>),
    /// An Arrow column of a numeric (or null) type, read in place.
    Arrow(ArrowColumn),
}

fn extract_column<'py>(
    obj: &Bound<'py, PyAny>,
    role: Role,
    allow_adapter: bool,
) -> PyResult<Extracted<'py>> {
    // Hot path first: an exact numpy.ndarray (no module lookup, no adapter).
    let py = obj.py();
    if numpy_loaded(py)? && obj.get_type().is(py.get_type::<PyUntypedArray>()) {
        return from_ndarray(obj, role);
    }
    if let Ok(list) = obj.cast::<PyList>() {
        let mut out = Vec::with_capacity(list.len());
        for (i, item) in list.iter().enumerate() {
            out.push(scalar_to_f64(&item, role, Some(i))?);
        }
        return Ok(Extracted::Floats(Column::Owned(out)));
    }
    if let Ok(tuple) = obj.cast::<PyTuple>() {
        let mut out = Vec::with_capacity(tuple.len());
        for (i, item) in tuple.iter().enumerate() {
            out.push(scalar_to_f64(&item, role, Some(i))?);
        }
        return Ok(Extracted::Floats(Column::Owned(out)));
    }
    if obj.is_instance_of::<PyString>() || obj.is_instance_of::<PyBytes>() {
        return Err(type_error(format!(
            "{} must be a sequence of numbers, not a {}",
            role.name(),
            type_name(obj)
        )));
    }
    let module = obj.get_type().module()?.to_string();
    let masked = module.starts_with("numpy.ma");
    let root = module.split('.').next().unwrap_or_default();
    if !masked && numpy_loaded(py)? && obj.is_instance_of::<PyUntypedArray>() {
        return from_ndarray(obj, role);
    }
    // pandas objects go through the adapter (which hands Arrow-backed columns back as
    // pyarrow arrays): a pandas `__arrow_c_stream__` would convert numpy-backed data.
    if root != "pandas"
        && let Some(arrow) = crate::arrow::import(obj, role)?
    {
        return Ok(Extracted::Arrow(arrow));
    }
    if allow_adapter {
        if masked || matches!(root, "pandas" | "polars" | "pyarrow") {
            let converted = adapter(obj.py())?.call1((obj, role.name()))?;
            return extract_column(&converted, role, false);
        }
        if obj.hasattr("__array__")? {
            let arr = obj.py().import("numpy")?.call_method1("asarray", (obj,))?;
            return extract_column(&arr, role, false);
        }
    }
    Err(type_error(format!(
        "{} must be a list, tuple, numpy array, pandas Series or polars Series{}, not {}",
        role.name(),
        if role == Role::Scores {
            " (or a cxmetrics.Tally)"
        } else {
            ""
        },
        type_name(obj)
    )))
}

/// Whether numpy is imported. An ndarray cannot exist otherwise, and checking for one
/// would import numpy's C API (which must not be attempted when numpy is absent).
/// Once seen, numpy stays loaded: the answer is cached (an atomic load per call, where
/// `import sys` cost about 1 µs).
fn numpy_loaded(py: Python<'_>) -> PyResult<bool> {
    static LOADED: AtomicBool = AtomicBool::new(false);
    if LOADED.load(Ordering::Relaxed) {
        return Ok(true);
    }
    let loaded = py.import("sys")?.getattr("modules")?.contains("numpy")?;
    if loaded {
        LOADED.store(true, Ordering::Relaxed);
    }
    Ok(loaded)
}

/// `cxmetrics._convert.to_array`: pandas / polars / pyarrow columns and numpy masked arrays
/// → numpy array or list.
fn adapter(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    static ADAPTER: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    ADAPTER.import(py, "cxmetrics._convert", "to_array")
}

fn from_ndarray<'py>(obj: &Bound<'py, PyAny>, role: Role) -> PyResult<Extracted<'py>> {
    let arr = obj.cast::<PyUntypedArray>()?;
    if arr.ndim() != 1 {
        let shape: Vec<String> = arr.shape().iter().map(ToString::to_string).collect();
        return Err(invalid_argument(
            role.name(),
            format!(
                "expected a one-dimensional array, got {} dimensions (shape ({})); pass one column, e.g. arr[:, 0] or arr.ravel()",
                arr.ndim(),
                shape.join(", ")
            ),
        ));
    }
    let dtype = arr.dtype();
    let kind = dtype.kind();
    let size = dtype.itemsize();
    let native = dtype.is_native_byteorder().unwrap_or(true);
    match kind {
        b'b' => Err(type_error(format!(
            "{} must be numbers, not booleans (dtype bool); convert with .astype(int) if 0/1 is meant",
            role.name()
        ))),
        b'O' => extract_column(&obj.call_method0("tolist")?, role, false),
        b'i' | b'u' | b'f' => {
            if role != Role::Scores {
                if kind == b'f' && size == 8 && native {
                    return Ok(Extracted::Floats(column::<f64>(obj)?));
                }
                let converted = obj.call_method1("astype", ("float64",))?;
                return Ok(Extracted::Floats(column::<f64>(&converted)?));
            }
            let scores = match (kind, size, native) {
                (b'i', 1, _) => Scores::I8(column(obj)?),
                (b'i', 2, true) => Scores::I16(column(obj)?),
                (b'i', 4, true) => Scores::I32(column(obj)?),
                (b'i', 8, true) => Scores::I64(column(obj)?),
                (b'u', 1, _) => Scores::U8(column(obj)?),
                (b'u', 2, true) => Scores::U16(column(obj)?),
                (b'u', 4, true) => Scores::U32(column(obj)?),
                (b'u', 8, true) => Scores::U64(column(obj)?),
                (b'f', 4, true) => Scores::F32(column(obj)?),
                (b'f', 8, true) => Scores::F64(column(obj)?),
                // other byte orders and widths (float16, longdouble): one converted copy
                (b'i', ..) => Scores::I64(column(&obj.call_method1("astype", ("int64",))?)?),
                (b'u', ..) => Scores::U64(column(&obj.call_method1("astype", ("uint64",))?)?),
                _ => Scores::F64(column(&obj.call_method1("astype", ("float64",))?)?),
            };
            Ok(Extracted::Scores(scores))
        }
        _ => Err(type_error(format!(
            "{} must be numeric; numpy arrays of dtype {} are not supported",
            role.name(),
            dtype.str()?
        ))),
    }
}
