//! Python collections of items (windows, records, paused intervals) and errors located
//! in them.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use crate::errors::{CxMetricsError, cx_error, type_error, type_name};

/// Prefixes an error raised while reading part `label` of an input, and sets its index.
pub(crate) fn located(err: PyErr, py: Python<'_>, label: &str, index: Option<usize>) -> PyErr {
    let message = err
        .value(py)
        .str()
        .map_or_else(|_| String::new(), |s| s.to_string());
    if err.is_instance_of::<CxMetricsError>(py) {
        let code = err
            .value(py)
            .getattr("code")
            .and_then(|c| c.extract::<String>())
            .unwrap_or_else(|_| "invalid_argument".to_owned());
        cx_error(&code, format!("{label}: {message}"), index)
    } else if err.is_instance_of::<PyTypeError>(py) {
        type_error(format!("{label}: {message}"))
    } else {
        err
    }
}

/// Iterates a Python iterable that is a collection of items (not a str, bytes or dict).
pub(crate) fn items<'py>(obj: &Bound<'py, PyAny>, what: &str) -> PyResult<Vec<Bound<'py, PyAny>>> {
    if obj.is_instance_of::<PyString>() || obj.is_instance_of::<PyDict>() {
        return Err(type_error(format!(
            "{what} must be a list or other iterable, not {}",
            type_name(obj)
        )));
    }
    obj.try_iter()
        .map_err(|_| {
            type_error(format!(
                "{what} must be a list or other iterable, not {}",
                type_name(obj)
            ))
        })?
        .collect()
}
