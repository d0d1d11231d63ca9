//! Notebook displays: the glue between a result's `_repr_html_` / `_repr_mimebundle_` /
//! `to_vega_lite` and the core's `chart::{html, vega_lite}`. The HTML, the text tables
//! and the Vega-Lite specs are written by the core; this only wraps them in Python
//! objects.

use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PySlice};

/// `{"text/plain": plain, "text/html": html}`, less the MIME types not in `include` (when
/// given) and those in `exclude` (IPython passes both).
pub(crate) fn mimebundle<'py>(
    py: Python<'py>,
    plain: String,
    html: String,
    include: Option<&Bound<'py, PyAny>>,
    exclude: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    for (mime, body) in [("text/plain", plain), ("text/html", html)] {
        let included = match include {
            Some(i) if !i.is_none() => i.contains(mime)?,
            _ => true,
        };
        let excluded = match exclude {
            Some(e) if !e.is_none() => e.contains(mime)?,
            _ => false,
        };
        if included && !excluded {
            d.set_item(mime, body)?;
        }
    }
    Ok(d)
}

/// The core's Vega-Lite JSON text as a new `dict` (`json.loads`).
pub(crate) fn vega<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    LOADS.import(py, "json", "loads")?.call1((json,))
}

/// `rows[index]` for an int (negative from the end; `IndexError` outside) or a slice (a
/// new list), as Python sequences index.
pub(crate) fn index_rows<'py, T, R>(
    py: Python<'py>,
    rows: &[T],
    index: &Bound<'py, PyAny>,
    wrap: impl Fn(&T) -> R,
) -> PyResult<Bound<'py, PyAny>>
where
    R: IntoPyObject<'py>,
{
    let len = rows.len();
    if let Ok(slice) = index.cast::<PySlice>() {
        let ix = slice.indices(isize::try_from(len).unwrap_or(isize::MAX))?;
        let mut out = Vec::with_capacity(ix.slicelength);
        let mut i = ix.start;
        for _ in 0..ix.slicelength {
            // `indices` keeps every position of the slice inside 0..len.
            let at = usize::try_from(i).unwrap_or_default();
            out.push(wrap(&rows[at]).into_bound_py_any(py)?);
            i += ix.step;
        }
        return Ok(pyo3::types::PyList::new(py, out)?.into_any());
    }
    let i: isize = index.extract().map_err(|_| {
        pyo3::exceptions::PyTypeError::new_err(format!(
            "row indices must be integers or slices, not {}",
            crate::errors::type_name(index)
        ))
    })?;
    let at = if i < 0 {
        i.checked_add(isize::try_from(len).unwrap_or(isize::MAX))
    } else {
        Some(i)
    };
    match at
        .and_then(|a| usize::try_from(a).ok())
        .filter(|a| *a < len)
    {
        Some(a) => wrap(&rows[a]).into_bound_py_any(py),
        None => Err(pyo3::exceptions::PyIndexError::new_err(format!(
            "row index {i} out of range for {len} rows"
        ))),
    }
}
