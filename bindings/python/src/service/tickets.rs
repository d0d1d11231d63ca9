//! `Tickets`: ticket events from columns or from records, validated once by the core.
#![allow(
    clippy::doc_link_with_quotes,
    reason = "the docstrings are Python; their examples have lists of strings"
)]

use cxmetrics::jiff::Timestamp;
use cxmetrics::jiff::tz::TimeZone;
use cxmetrics::{Ticket, TicketColumns, Tickets};
use pyo3::prelude::*;
use pyo3::types::{PyFloat, PyList, PyMapping, PyString, PyTuple, PyType};

use crate::convert::items::{items, located};
use crate::convert::{Role, extract_floats, extract_opt_u32};
use crate::errors::{
    core_err, invalid_argument, invalid_argument_at, no_panic, type_error, type_name,
};
use crate::time::{At, instant, instants, required_instants, time_zone};

/// Tickets for the service metrics: creation, response, solve, reopen and pause
/// events, reply counts, channel and priority — validated once, used by every metric.
///
/// Two ways to build them:
///
/// - columns (this constructor): one entry per ticket in each column — lists, numpy
///   arrays, pandas or polars columns. ``final_solved`` is the latest solve of a ticket
///   that is resolved now (``None`` while open), ``first_reopened`` the first reopen
///   after the first solve; ``paused`` is a list of ``(ticket_index, start, end)``.
///   Columns hold one reopen, so a ticket's one solved period (left out of requester
///   wait) is ``[first_solved, first_reopened)``; records keep every solve and reopen.
/// - records: :meth:`Tickets.from_records` with one dict per ticket (``solved`` and
///   ``reopened`` list every event; the derived columns are worked out for you).
///
/// Instants are aware ``datetime``\ s, pandas ``Timestamp``\ s / tz-aware datetime
/// columns, numpy ``datetime64`` (read as UTC) or ISO 8601 strings with an offset;
/// ``None``, ``NaT`` and NaN are absent. A naive datetime (or naive pandas / polars
/// column) is an error unless ``tz`` names the zone its wall-clock readings are in.
///
/// Args:
///     created: creation instants (required, none missing).
///     first_response: first public agent response (``None`` = not yet).
///     first_solved: first solve.
///     final_solved: latest solve of tickets resolved now.
///     first_reopened: first reopen after the first solve.
///     agent_replies: public agent replies per ticket (ints >= 0; default 0).
///     customer_followups: customer messages after the first contact (ints >= 0).
///     paused: on-hold intervals ``(ticket_index, start, end)``.
///     channel: channel labels (str or None).
///     priority: priority labels (str or None), for SLA targets.
///     tz: IANA zone of naive datetimes, e.g. ``"Europe/Berlin"``.
///
/// Raises:
///     CxMetricsError: ``out_of_order`` (with the ticket's ``index``; records and columns
///         share one validation) for an event before creation, a final solve without
///         or before the first, a reopen without a solve before it, a final solve not
///         after the reopen, a pause that ends before it starts or starts before
///         creation (overlapping pauses are merged); ``length_mismatch`` for columns of
///         different lengths; ``invalid_argument`` for a naive datetime without ``tz``, a
///         string without an offset, a missing ``created`` or a bad count (with
///         ``index``); ``unknown_time_zone`` for a bad ``tz``.
///     TypeError: for values of the wrong type.
///
/// >>> import cxmetrics as cx
/// >>> t = cx.Tickets(
/// ...     ["2026-11-02T09:00:00Z", "2026-11-02T10:00:00Z"],
/// ...     first_response=["2026-11-02T09:30:00Z", None],
/// ...     priority=["high", "low"],
/// ... )
/// >>> len(t), cx.first_response_time(t).median
/// (2, 1800.0)
#[pyclass(frozen, name = "Tickets", module = "cxmetrics")]
pub struct PyTickets(pub(crate) Tickets);

/// Columns of optional labels (channel, priority).
fn labels(obj: Option<&Bound<'_, PyAny>>, name: &str) -> PyResult<Option<Vec<Option<String>>>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    let list = if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        items(obj, name)?
    } else {
        let helper = obj
            .py()
            .import("cxmetrics._convert")?
            .getattr("values_list")?;
        items(&helper.call1((obj, name))?, name)?
    };
    list.iter()
        .enumerate()
        .map(|(i, v)| label(v, name, Some(i)))
        .collect::<PyResult<Vec<_>>>()
        .map(Some)
}

fn label(v: &Bound<'_, PyAny>, name: &str, index: Option<usize>) -> PyResult<Option<String>> {
    if v.is_none() {
        return Ok(None);
    }
    if let Ok(s) = v.cast::<PyString>() {
        return Ok(Some(s.to_cow()?.into_owned()));
    }
    if let Ok(f) = v.cast::<PyFloat>()
        && f.value().is_nan()
    {
        return Ok(None);
    }
    let at = index.map_or_else(String::new, |i| format!("[{i}]"));
    Err(type_error(format!(
        "{name}{at} must be a str or None, not {}",
        type_name(v)
    )))
}

/// A count column (agent replies, customer follow-ups): ints 0 … 2³² − 1, none missing.
fn counts(obj: Option<&Bound<'_, PyAny>>, name: &'static str) -> PyResult<Option<Vec<u32>>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    let col = extract_floats(obj, Role::Floats(name, "count"))?;
    col.as_slice()
        .iter()
        .enumerate()
        .map(|(i, &x)| {
            if x.is_nan() {
                Err(invalid_argument_at(
                    format!("{name}[{i}]"),
                    "the count is missing; fill missing counts explicitly (e.g. .fillna(0))",
                    Some(i),
                ))
            } else if x.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&x) {
                Ok(x as u32)
            } else {
                Err(invalid_argument_at(
                    format!("{name}[{i}]"),
                    format!("{x} is not a count (an int from 0 to 4294967295)"),
                    Some(i),
                ))
            }
        })
        .collect::<PyResult<Vec<_>>>()
        .map(Some)
}

fn opt_instants(
    obj: Option<&Bound<'_, PyAny>>,
    name: &str,
    tz: Option<&TimeZone>,
) -> PyResult<Option<Vec<Option<Timestamp>>>> {
    obj.filter(|o| !o.is_none())
        .map(|o| instants(o, name, tz))
        .transpose()
}

/// `paused` triples `(ticket_index, start, end)`.
fn paused_triples(
    obj: Option<&Bound<'_, PyAny>>,
    tz: Option<&TimeZone>,
) -> PyResult<Option<Vec<(usize, Timestamp, Timestamp)>>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    let py = obj.py();
    let mut out = Vec::new();
    for (k, triple) in items(obj, "paused")?.iter().enumerate() {
        let read = || -> PyResult<(usize, Timestamp, Timestamp)> {
            let parts = items(triple, "a paused interval")?;
            let [i, a, b] = parts.as_slice() else {
                return Err(type_error(
                    "a paused interval is a (ticket_index, start, end) tuple",
                ));
            };
            if i.is_instance_of::<pyo3::types::PyBool>() {
                return Err(type_error("the ticket index must be an int, not a bool"));
            }
            let i: usize = i.extract().map_err(|_| {
                type_error(format!(
                    "the ticket index must be an int >= 0, not {}",
                    i.repr().map_or_else(|_| "?".to_owned(), |r| r.to_string())
                ))
            })?;
            let bound = |x: &Bound<'_, PyAny>, which: &str| -> PyResult<Timestamp> {
                instant(x, tz, At::new(which))?
                    .ok_or_else(|| invalid_argument(which, "a paused interval needs both ends"))
            };
            Ok((i, bound(a, "start")?, bound(b, "end")?))
        };
        out.push(read().map_err(|e| located(e, py, &format!("paused[{k}]"), Some(k)))?);
    }
    Ok(Some(out))
}

fn record(obj: &Bound<'_, PyAny>, tz: Option<&TimeZone>) -> PyResult<Ticket> {
    let map = obj.cast::<PyMapping>().map_err(|_| {
        type_error(format!(
            "a record is a dict with keys created, first_response, solved, …, not {}",
            type_name(obj)
        ))
    })?;
    let mut ticket = Ticket::default();
    let mut created = None;
    for kv in map.items()?.iter() {
        let (key_obj, value): (Bound<'_, PyAny>, Bound<'_, PyAny>) = kv.extract()?;
        let key = key_obj
            .cast::<PyString>()
            .map(ToString::to_string)
            .unwrap_or_default();
        let all = |v: &Bound<'_, PyAny>, what: &str| -> PyResult<Vec<Timestamp>> {
            if v.is_none() {
                return Ok(Vec::new());
            }
            instants(v, what, tz)?
                .into_iter()
                .enumerate()
                .map(|(i, x)| {
                    x.ok_or_else(|| {
                        invalid_argument(
                            what,
                            format!("entry {i} is missing; list only events that happened"),
                        )
                    })
                })
                .collect()
        };
        match key.as_str() {
            "created" => created = instant(&value, tz, At::new("created"))?,
            "first_response" => {
                ticket.first_response = instant(&value, tz, At::new("first_response"))?;
            }
            "solved" => ticket.solved = all(&value, "solved")?,
            "reopened" => ticket.reopened = all(&value, "reopened")?,
            "agent_replies" => {
                ticket.agent_replies = extract_opt_u32(Some(&value), "agent_replies")?.unwrap_or(0);
            }
            "customer_followups" => {
                ticket.customer_followups =
                    extract_opt_u32(Some(&value), "customer_followups")?.unwrap_or(0);
            }
            "paused" => {
                if !value.is_none() {
                    for (k, pair) in items(&value, "paused")?.iter().enumerate() {
                        let parts = items(pair, "a paused interval")?;
                        let [a, b] = parts.as_slice() else {
                            return Err(type_error(format!(
                                "paused[{k}] must be a (start, end) pair"
                            )));
                        };
                        let end = |x: &Bound<'_, PyAny>| -> PyResult<Timestamp> {
                            instant(x, tz, At::new("paused"))?.ok_or_else(|| {
                                invalid_argument("paused", format!("paused[{k}] needs both ends"))
                            })
                        };
                        ticket.paused.push((end(a)?, end(b)?));
                    }
                }
            }
            "channel" => ticket.channel = label(&value, "channel", None)?,
            "priority" => ticket.priority = label(&value, "priority", None)?,
            _ => {
                return Err(invalid_argument(
                    "records",
                    format!(
                        "unknown key {}; a record's keys are {}",
                        key_obj.repr()?,
                        Ticket::FIELDS.join(", ")
                    ),
                ));
            }
        }
    }
    ticket.created = created
        .ok_or_else(|| invalid_argument("created", "every ticket needs its creation instant"))?;
    Ok(ticket)
}

#[pymethods]
impl PyTickets {
    #[new]
    #[pyo3(
        signature = (created, *, first_response = None, first_solved = None, final_solved = None, first_reopened = None, agent_replies = None, customer_followups = None, paused = None, channel = None, priority = None, tz = None),
        text_signature = "(created, *, first_response=None, first_solved=None, final_solved=None, first_reopened=None, agent_replies=None, customer_followups=None, paused=None, channel=None, priority=None, tz=None)"
    )]
    #[allow(
        clippy::too_many_arguments,
        reason = "mirrors the documented keyword columns"
    )]
    fn new(
        py: Python<'_>,
        created: &Bound<'_, PyAny>,
        first_response: Option<&Bound<'_, PyAny>>,
        first_solved: Option<&Bound<'_, PyAny>>,
        final_solved: Option<&Bound<'_, PyAny>>,
        first_reopened: Option<&Bound<'_, PyAny>>,
        agent_replies: Option<&Bound<'_, PyAny>>,
        customer_followups: Option<&Bound<'_, PyAny>>,
        paused: Option<&Bound<'_, PyAny>>,
        channel: Option<&Bound<'_, PyAny>>,
        priority: Option<&Bound<'_, PyAny>>,
        tz: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let tz = tz
            .filter(|t| !t.is_none())
            .map(|t| time_zone(t, "tz"))
            .transpose()?;
        let tz = tz.as_ref();
        let created = required_instants(
            created,
            "created",
            tz,
            "every ticket needs its creation instant",
        )?;
        let first_response = opt_instants(first_response, "first_response", tz)?;
        let first_solved = opt_instants(first_solved, "first_solved", tz)?;
        let final_solved = opt_instants(final_solved, "final_solved", tz)?;
        let first_reopened = opt_instants(first_reopened, "first_reopened", tz)?;
        let agent_replies = counts(agent_replies, "agent_replies")?;
        let customer_followups = counts(customer_followups, "customer_followups")?;
        let paused = paused_triples(paused, tz)?;
        let channel = labels(channel, "channel")?;
        let priority = labels(priority, "priority")?;
        let columns = TicketColumns {
            created: &created,
            first_response: first_response.as_deref(),
            first_solved: first_solved.as_deref(),
            final_solved: final_solved.as_deref(),
            first_reopened: first_reopened.as_deref(),
            agent_replies: agent_replies.as_deref(),
            customer_followups: customer_followups.as_deref(),
            paused: paused.as_deref(),
            channel: channel.as_deref(),
            priority: priority.as_deref(),
        };
        py.detach(|| no_panic(|| Tickets::from_columns(columns)))
            .map(PyTickets)
            .map_err(core_err)
    }

    /// Tickets from records: one dict per ticket.
    ///
    /// Keys (all but ``created`` optional; ``None`` = absent): ``created``,
    /// ``first_response``, ``solved`` (list of every solve), ``reopened`` (list of every
    /// reopen), ``agent_replies`` and ``customer_followups`` (ints, default 0), ``paused``
    /// (list of ``(start, end)``), ``channel``, ``priority``. A ticket is resolved when
    /// it was solved and its last solve is after its last reopen; otherwise it is open.
    ///
    /// Args:
    ///     records: an iterable of dicts.
    ///     tz: IANA zone of naive datetimes (as for the constructor).
    ///
    /// Raises:
    ///     CxMetricsError: as the constructor; ``invalid_argument`` (with the record's
    ///         ``index``) for an unknown key, a missing ``created`` or a bad value.
    ///     TypeError: for a record that is not a dict, or values of the wrong type.
    ///
    /// >>> import cxmetrics as cx
    /// >>> t = cx.Tickets.from_records([
    /// ...     {"created": "2026-11-02T09:00:00Z", "solved": ["2026-11-02T10:00:00Z", "2026-11-02T12:00:00Z"],
    /// ...      "reopened": ["2026-11-02T11:00:00Z"]},
    /// ... ])
    /// >>> cx.resolution_time(t).median, cx.resolution_time(t, kind="first").median
    /// (10800.0, 3600.0)
    #[classmethod]
    #[pyo3(signature = (records, *, tz = None), text_signature = "(records, *, tz=None)")]
    fn from_records(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        records: &Bound<'_, PyAny>,
        tz: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let tz = tz
            .filter(|t| !t.is_none())
            .map(|t| time_zone(t, "tz"))
            .transpose()?;
        let mut out = Vec::new();
        for (i, r) in items(records, "records")?.iter().enumerate() {
            out.push(
                record(r, tz.as_ref())
                    .map_err(|e| located(e, py, &format!("records[{i}]"), Some(i)))?,
            );
        }
        py.detach(|| no_panic(|| Tickets::from_records(&out)))
            .map(PyTickets)
            .map_err(core_err)
    }

    fn __len__(&self) -> usize {
        self.0.len()
    }

    fn __repr__(&self) -> String {
        format!("Tickets(n={})", self.0.len())
    }
}

pub(crate) fn tickets_arg<'a, 'py>(
    obj: &'a Bound<'py, PyAny>,
) -> PyResult<&'a Bound<'py, PyTickets>> {
    obj.cast::<PyTickets>().map_err(|_| {
        type_error(format!(
            "tickets must be a cxmetrics.Tickets (build it with cx.Tickets(...) or \
             cx.Tickets.from_records(...)), not {}",
            type_name(obj)
        ))
    })
}
