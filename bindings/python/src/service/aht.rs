//! Average handle time.
#![allow(
    clippy::doc_link_with_quotes,
    reason = "the docstrings are Python; their examples have lists of strings"
)]

use pyo3::prelude::*;

use crate::convert::{Role, extract_floats};
use crate::errors::{core_err, no_panic};

result_class! {
    /// Average handle time and its components, in seconds (returned by :func:`handle_time`).
    ///
    /// >>> import cxmetrics as cx
    /// >>> r = cx.handle_time([300, 420, None], hold=[60, 0, 10], wrap=[120, 60, 30])
    /// >>> r.score, r.n, r.missing, r.talk, r.hold, r.wrap
    /// (480.0, 2, 1, 360.0, 30.0, 90.0)
    PyAhtResult(cxmetrics::AhtResult) as "AhtResult" [inference] <show> {
        /// Mean handle time (talk + hold + wrap-up), seconds.
        score: f64 = |r| r.score;
        /// Contacts used.
        n: u64 = |r| r.n;
        /// Contacts with a missing (None / NaN) component, left out.
        missing: u64 = |r| r.missing;
        /// Mean talk time, seconds.
        talk: f64 = |r| r.talk;
        /// Mean hold time, seconds (0 when ``hold`` was not given).
        hold: f64 = |r| r.hold;
        /// Mean wrap-up (after-contact work) time, seconds (0 when not given).
        wrap: f64 = |r| r.wrap;
        /// Sample standard deviation of handle time (n − 1); ``None`` for one contact.
        std_dev: Option<f64> = |r| r.std_dev;
    }
}

/// Average handle time: the mean of talk + hold + wrap-up per contact, in seconds.
///
/// Formula: ``AHT = Σ(talkᵢ + holdᵢ + wrapᵢ) / n``; an absent ``hold`` or ``wrap`` column
/// counts as 0 per contact.
///
/// Edge cases: a contact with None / NaN in any given component is missing (counted in
/// ``missing``, left out).
///
/// Args:
///     talk: talk seconds per contact (list, numpy array, pandas / polars Series).
///     hold: hold seconds per contact (optional).
///     wrap: wrap-up seconds per contact (optional).
///
/// Returns:
///     AhtResult
///
/// Raises:
///     CxMetricsError: ``length_mismatch``; ``invalid_argument`` for a negative or
///         infinite component (with the contact's ``index``); ``empty`` with no complete
///         contact.
///     TypeError: for a container or value that is not numeric.
///
/// >>> import cxmetrics as cx
/// >>> r = cx.handle_time([300, 420], hold=[60, 0], wrap=[30, 45])
/// >>> r.score, r.n
/// (427.5, 2)
#[pyfunction]
#[pyo3(
    signature = (talk, *, hold = None, wrap = None),
    text_signature = "(talk, *, hold=None, wrap=None)"
)]
fn handle_time(
    py: Python<'_>,
    talk: &Bound<'_, PyAny>,
    hold: Option<&Bound<'_, PyAny>>,
    wrap: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyAhtResult> {
    let talk = extract_floats(talk, Role::Floats("talk", "talk time"))?;
    let hold = hold
        .filter(|h| !h.is_none())
        .map(|h| extract_floats(h, Role::Floats("hold", "hold time")))
        .transpose()?;
    let wrap = wrap
        .filter(|w| !w.is_none())
        .map(|w| extract_floats(w, Role::Floats("wrap", "wrap-up time")))
        .transpose()?;
    let (t, h, w) = (
        talk.as_slice(),
        hold.as_ref().map(crate::convert::Column::as_slice),
        wrap.as_ref().map(crate::convert::Column::as_slice),
    );
    py.detach(|| no_panic(|| cxmetrics::handle_time(t, h, w)))
        .map(PyAhtResult)
        .map_err(core_err)
}

/// Registers this module's classes and functions.
pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyAhtResult>()?;
    m.add_function(wrap_pyfunction!(handle_time, m)?)?;
    Ok(())
}
