//! First contact resolution.
#![allow(
    clippy::doc_link_with_quotes,
    reason = "the docstrings are Python; their examples have lists of strings"
)]

use cxmetrics::{FcrDenominator, FcrOptions};
use pyo3::prelude::*;

use super::tickets_arg;
use crate::convert::items::items;
use crate::convert::{by_name, extract_opt_u32};
use crate::errors::{core_err, no_panic, type_error};
use crate::time::{opt_seconds, required_instant};

result_class! {
    /// First contact resolution rate (returned by :func:`fcr`), in percent.
    ///
    /// >>> import cxmetrics as cx
    /// >>> t = cx.Tickets.from_records([
    /// ...     {"created": "2026-11-02T09:00:00Z", "solved": ["2026-11-02T09:20:00Z"], "agent_replies": 1},
    /// ...     {"created": "2026-11-02T09:00:00Z", "solved": ["2026-11-02T11:00:00Z"], "agent_replies": 3},
    /// ... ])
    /// >>> r = cx.fcr(t)
    /// >>> r.score, r.count, r.n, r.denominator
    /// (50.0, 1, 2, 'resolved')
    PyFcrResult(cxmetrics::FcrResult) as "FcrResult" [inference] <show> {
        /// Percent of the denominator resolved on first contact, 0…100.
        score: f64 = |r| r.score;
        /// Tickets resolved on first contact.
        count: u64 = |r| r.count;
        /// Tickets in the denominator.
        n: u64 = |r| r.n;
        /// The denominator used: ``"resolved"`` or ``"created"``.
        denominator: &'static str = |r| r.denominator.as_str();
    }
}

/// `max_agent_replies`: absent = 1, `None` = any number, else an int >= 0.
pub(crate) struct MaxReplies(Option<u32>);

impl<'a, 'py> FromPyObject<'a, 'py> for MaxReplies {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        extract_opt_u32(Some(&obj), "max_agent_replies").map(MaxReplies)
    }
}

/// First contact resolution: the share of tickets resolved with one touch and not
/// reopened, in percent.
///
/// Formula: ``FCR = 100 × #{solved ∧ agent_replies ≤ max_agent_replies ∧
/// customer_followups ≤ max_customer_followups ∧ not reopened (within reopen_window)} /
/// #denominator``.
///
/// Edge cases: with ``denominator="created"`` unsolved tickets count as failures; with
/// ``"resolved"`` (default) they are not in the denominator. A reopen counts only when it
/// comes more than ``reopen_window`` seconds after the first solve (equality fails).
///
/// Args:
///     tickets: :class:`Tickets`.
///     max_agent_replies: at most this many agent replies (default 1, Zendesk's
///         one-touch); ``None``: any number.
///     max_customer_followups: at most this many customer follow-ups (default ``None``:
///         not checked).
///     reopen_window: ``None`` (default): any reopen after the first solve
///         disqualifies; seconds (or a ``timedelta``): only a reopen within that window.
///     denominator: ``"resolved"`` (first solved in the period) or ``"created"``.
///     period: ``(from, to)`` instants, half-open ``[from, to)``; ``None``: all tickets.
///
/// Returns:
///     FcrResult
///
/// Raises:
///     CxMetricsError: ``empty`` when the denominator is empty; ``invalid_argument`` for a
///         negative reopen window, a period with ``to <= from``, an unknown denominator or
///         a negative count.
///     TypeError: for arguments of the wrong type.
///
/// >>> import cxmetrics as cx
/// >>> t = cx.Tickets.from_records([
/// ...     {"created": "2026-11-02T09:00:00Z", "solved": ["2026-11-02T09:20:00Z"], "agent_replies": 1},
/// ...     {"created": "2026-11-02T09:00:00Z", "solved": ["2026-11-02T11:00:00Z"], "agent_replies": 3},
/// ...     {"created": "2026-11-02T09:00:00Z"},
/// ... ])
/// >>> cx.fcr(t).score, cx.fcr(t, max_agent_replies=None).score, cx.fcr(t, denominator="created").n
/// (50.0, 100.0, 3)
#[pyfunction]
#[pyo3(
    signature = (tickets, *, max_agent_replies = MaxReplies(FcrOptions::default().max_agent_replies), max_customer_followups = None, reopen_window = None, denominator = None, period = None),
    text_signature = "(tickets, *, max_agent_replies=1, max_customer_followups=None, reopen_window=None, denominator='resolved', period=None)"
)]
fn fcr(
    py: Python<'_>,
    tickets: &Bound<'_, PyAny>,
    max_agent_replies: MaxReplies,
    max_customer_followups: Option<&Bound<'_, PyAny>>,
    reopen_window: Option<&Bound<'_, PyAny>>,
    denominator: Option<&Bound<'_, PyAny>>,
    period: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyFcrResult> {
    let tickets = tickets_arg(tickets)?;
    let period = match period.filter(|p| !p.is_none()) {
        None => None,
        Some(p) => {
            let parts = items(p, "period")?;
            let [from, to] = parts.as_slice() else {
                return Err(type_error("period must be a (from, to) pair of instants"));
            };
            Some((
                required_instant(from, "period[0]")?,
                required_instant(to, "period[1]")?,
            ))
        }
    };
    let options = FcrOptions {
        max_agent_replies: max_agent_replies.0,
        max_customer_followups: extract_opt_u32(max_customer_followups, "max_customer_followups")?,
        reopen_window: opt_seconds(reopen_window, "reopen_window")?,
        denominator: by_name(denominator, "denominator", FcrDenominator::parse)?
            .unwrap_or_default(),
        period,
    };
    let t = &tickets.get().0;
    py.detach(|| no_panic(|| cxmetrics::fcr(t, &options)))
        .map(PyFcrResult)
        .map_err(core_err)
}

/// Registers this module's classes and functions.
pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyFcrResult>()?;
    m.add_function(wrap_pyfunction!(fcr, m)?)?;
    Ok(())
}
