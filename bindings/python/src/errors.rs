//! `cxmetrics.CxMetricsError` and the mapping of every core [`cxmetrics::Error`] onto it.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;

pyo3::create_exception!(
    cxmetrics,
    CxMetricsError,
    PyValueError,
    "Raised for invalid data or options (a ``ValueError`` subclass).\n\n\
     Attributes:\n\
     \x20   code (str): a stable snake_case code: ``empty``, ``out_of_scale``, ``not_integer``,\n\
     \x20       ``not_finite``, ``invalid_weight``, ``length_mismatch``, ``scale_mismatch``,\n\
     \x20       ``invalid_scale``, ``invalid_argument``, ``invalid_format``,\n\
     \x20       ``unknown_time_zone``, ``empty_schedule``, ``overlapping_windows``,\n\
     \x20       ``out_of_order``, ``insufficient_data`` or ``unknown_label``. Codes never change between\n\
     \x20       releases; messages may be improved.\n\
     \x20   index (int | None): the position of the offending input value, when the error\n\
     \x20       refers to one.\n\n\
     Example:\n\n\
     >>> import cxmetrics as cx\n\
     >>> try:\n\
     ...     cx.nps([10, 9, 8.5])\n\
     ... except cx.CxMetricsError as e:\n\
     ...     print(e.code, e.index)\n\
     not_integer 2\n"
);

/// Converts a core error into a `CxMetricsError` carrying `.code` and `.index`.
///
/// The message is the core error's `Display`, unchanged.
pub(crate) fn core_err(err: cxmetrics::Error) -> PyErr {
    cx_error(err.code(), err.to_string(), err.index())
}

/// Runs a core call so that a panic (a bug: the core returns errors, it does not
/// panic on any input) becomes an `invalid_argument` error that says so, instead of
/// escaping as pyo3's `PanicException` (a `BaseException` that `except Exception`
/// misses). Used by every binding path that hands data to the core (tallies from
/// slices and Arrow columns, segments, trends, the service metrics, tickets,
/// schedules, `mean_of`).
pub(crate) fn no_panic<T>(run: impl FnOnce() -> cxmetrics::Result<T>) -> cxmetrics::Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)).unwrap_or_else(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".to_owned());
        Err(cxmetrics::Error::invalid_argument(
            "input",
            format!(
                "internal error (a bug in cxmetrics, please report it with this input): {what}"
            ),
        ))
    })
}

/// A `CxMetricsError` with `code`, `message` and `index`.
pub(crate) fn cx_error(code: &str, message: String, index: Option<usize>) -> PyErr {
    Python::attach(|py| {
        let exc = CxMetricsError::new_err(message);
        let value = exc.value(py);
        let annotated = value
            .setattr("code", code)
            .and_then(|()| value.setattr("index", index));
        match annotated {
            Ok(()) => exc,
            Err(e) => e,
        }
    })
}

/// An `invalid_argument` error for the option `name`: the core's
/// [`cxmetrics::Error::invalid_argument`], converted like any core error.
pub(crate) fn invalid_argument(name: &str, message: impl std::fmt::Display) -> PyErr {
    core_err(cxmetrics::Error::invalid_argument(name.to_owned(), message))
}

/// An `invalid_argument` error about `name` (e.g. `created[3]`), with the row's `index`
/// when there is one: the core's [`cxmetrics::Error::invalid_argument_at`].
pub(crate) fn invalid_argument_at(
    name: String,
    message: impl std::fmt::Display,
    index: Option<usize>,
) -> PyErr {
    core_err(match index {
        Some(i) => cxmetrics::Error::invalid_argument_at(name, message, i),
        None => cxmetrics::Error::invalid_argument(name, message),
    })
}

/// A Python `TypeError` with `message`.
pub(crate) fn type_error(message: impl Into<String>) -> PyErr {
    PyTypeError::new_err(message.into())
}

/// The Python type name of `obj` (`"str"`, `"numpy.ndarray"`, …) for error messages.
pub(crate) fn type_name(obj: &Bound<'_, PyAny>) -> String {
    let ty = obj.get_type();
    let name = ty
        .name()
        .map_or_else(|_| "object".to_owned(), |n| n.to_string());
    match ty.module() {
        Ok(m) if m != "builtins" => format!("{m}.{name}"),
        _ => name,
    }
}
