//! Text answers (labelled scales): Python columns of strings → categories and codes, read
//! by the core's `LabelledScale` (each category once).

use std::collections::HashMap;
use std::sync::Arc;

use cxmetrics::labels::Answer;
use cxmetrics::{LabelledScale, OnInvalid, Scale, Tally};
use numpy::{PyArray1, PyArrayDescrMethods, PyArrayMethods, PyUntypedArray, PyUntypedArrayMethods};
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

/// A dictionary-encoded text column.
pub(crate) struct TextColumn<'py> {
    categories: Vec<Category>,
    codes: Codes<'py>,
}

impl TextColumn<'_> {
    fn answers(&self) -> Vec<Answer<'_>> {
        self.categories
            .iter()
            .map(|c| match c {
                Category::Missing => Answer::Missing,
                Category::Number(x) => Answer::Number(*x),
                Category::Text(t) => Answer::Text(t),
            })
            .collect()
    }

    /// Tallies the column on `scale` (detached for large columns).
    pub(crate) fn tally(
        &self,
        py: Python<'_>,
        scale: &LabelledScale,
        weights: Option<&[f64]>,
        on_invalid: OnInvalid,
    ) -> PyResult<Tally> {
        let answers = self.answers();
        let result = with_codes!(&self.codes, c => {
            let run = || scale.tally_codes(&answers, c, weights, on_invalid);
            if c.len() > DETACH_THRESHOLD {
                py.detach(|| no_panic(run))
            } else {
                no_panic(run)
            }
        });
        result.map_err(core_err)
    }

    /// The column as float scores (missing NaN; invalid +∞ when skipping).
    pub(crate) fn values(
        &self,
        scale: &LabelledScale,
        on_invalid: OnInvalid,
    ) -> PyResult<Vec<f64>> {
        let answers = self.answers();
        no_panic(|| with_codes!(&self.codes, c => scale.values_codes(&answers, c, on_invalid)))
            .map_err(core_err)
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
        if !list.iter().any(|x| x.is_instance_of::<PyString>()) {
            return Ok(None);
        }
        return from_items(list.iter()).map(Some);
    }
    if let Ok(tuple) = obj.cast::<PyTuple>() {
        if !tuple.iter().any(|x| x.is_instance_of::<PyString>()) {
            return Ok(None);
        }
        return from_items(tuple.iter()).map(Some);
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
    let out = text_adapter(obj.py())?.call1((obj,))?;
    if out.is_none() {
        return Ok(None);
    }
    let cats = out.get_item(0)?;
    let codes = out.get_item(1)?;
    if cats.is_none() {
        // an object array of answers: read item by item (identical objects once)
        let arr = codes.cast::<PyArray1<Py<PyAny>>>()?.try_readonly()?;
        let py = obj.py();
        return match arr.as_slice() {
            Ok(items) => from_items(items.iter().map(|x| x.bind(py).clone())).map(Some),
            Err(_) => from_items(arr.as_array().iter().map(|x| x.bind(py).clone())).map(Some),
        };
    }
    let mut categories = Vec::new();
    for c in cats.try_iter()? {
        categories.push(category(&c?, None)?);
    }
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
    let codes = match codes {
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
    };
    Ok(Some(TextColumn { categories, codes }))
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

fn from_items<'py>(items: impl Iterator<Item = Bound<'py, PyAny>>) -> PyResult<TextColumn<'py>> {
    let mut categories = Vec::new();
    let mut texts: HashMap<String, i64> = HashMap::new();
    let mut numbers: HashMap<u64, i64> = HashMap::new();
    // the same str object (the usual case in a column of a few answers) is read once;
    // every item is alive (held by its container) while the column is read
    let mut seen: HashMap<usize, i64> = HashMap::new();
    let mut codes = Vec::new();
    for (i, item) in items.enumerate() {
        let is_str = item.is_instance_of::<PyString>();
        if is_str && let Some(&c) = seen.get(&item.as_ptr().addr()) {
            codes.push(c);
            continue;
        }
        let code = match category(&item, Some(i))? {
            Category::Missing => -1,
            Category::Text(t) => {
                let next = categories.len() as i64;
                if let Some(&c) = texts.get(&t) {
                    c
                } else {
                    texts.insert(t.clone(), next);
                    categories.push(Category::Text(t));
                    next
                }
            }
            Category::Number(x) => {
                let next = categories.len() as i64;
                *numbers.entry(x.to_bits()).or_insert_with(|| {
                    categories.push(Category::Number(x));
                    next
                })
            }
        };
        if is_str {
            seen.insert(item.as_ptr().addr(), code);
        }
        codes.push(code);
    }
    Ok(TextColumn {
        categories,
        codes: Codes::I64(Column::Owned(codes)),
    })
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
