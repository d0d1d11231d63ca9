//! Tickets from records or columns (`RawTickets`): instants, counts and labels converted,
//! the store built by the core (`Tickets::from_records` / `Tickets::from_columns`).

use cxmetrics::jiff::Timestamp;
use cxmetrics::{Ticket, TicketColumns, Tickets};
use js_sys::{Array, Float64Array, Uint32Array};
use wasm_bindgen::prelude::*;

use crate::convert::{f64s_from, prop};
use crate::errors::{JsResult, ToJs, camel};
use crate::time::{At, column, column_at, required_column};

/// An instant column `{ ms: Float64Array, strings?: Array }`, or `None` when not given.
fn col(obj: &JsValue, name: &str) -> Option<(Float64Array, Option<Array>)> {
    let c = prop(obj, name);
    if c.is_undefined() || c.is_null() {
        return None;
    }
    let ms: Float64Array = prop(&c, "ms").unchecked_into();
    let strings = prop(&c, "strings");
    let strings = (!strings.is_undefined()).then(|| strings.unchecked_into::<Array>());
    Some((ms, strings))
}

fn opt_column(obj: &JsValue, name: &str) -> JsResult<Option<Vec<Option<Timestamp>>>> {
    col(obj, name)
        .map(|(ms, s)| column(name, &ms, s))
        .transpose()
}

/// A count column (agent replies, customer follow-ups): integers 0 … 2³² − 1, none missing.
fn counts(obj: &JsValue, name: &str, record: bool) -> JsResult<Option<Vec<u32>>> {
    let c = prop(obj, name);
    if c.is_undefined() {
        return Ok(None);
    }
    let xs = f64s_from(name, c.unchecked_ref())?;
    xs.iter()
        .enumerate()
        .map(|(i, &x)| {
            let at = if record {
                At::record(name, i)
            } else {
                At::item(name, i)
            };
            count(x, at)
        })
        .collect::<JsResult<Vec<_>>>()
        .map(Some)
}

pub(crate) fn count(x: f64, at: At<'_>) -> JsResult<u32> {
    if x.is_nan() {
        Err(at.invalid("the count is missing; fill missing counts explicitly (e.g. with 0)"))
    } else if x.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&x) {
        Ok(x as u32)
    } else {
        Err(at.invalid(&format!(
            "{x} is not a count (an integer from 0 to 4294967295)"
        )))
    }
}

/// A label column (channel, priority): strings or `null`.
fn labels(obj: &JsValue, name: &str) -> Option<Vec<Option<String>>> {
    let c = prop(obj, name);
    if c.is_undefined() {
        return None;
    }
    let a: Array = c.unchecked_into();
    Some(a.iter().map(|v| v.as_string()).collect())
}

/// A ticket store owned by wasm memory; wrapped by the JS `Tickets` class.
/// The keys of a ticket record, in camelCase (the core's `Ticket::FIELDS`).
#[wasm_bindgen(js_name = ticketFields)]
pub fn ticket_fields() -> Vec<String> {
    Ticket::FIELDS.iter().map(|f| camel(f)).collect()
}

/// The columns of `new Tickets`, in camelCase (the core's `Tickets::COLUMNS`).
#[wasm_bindgen(js_name = ticketColumns)]
pub fn ticket_columns() -> Vec<String> {
    Tickets::COLUMNS.iter().map(|f| camel(f)).collect()
}

#[wasm_bindgen]
pub struct RawTickets {
    pub(crate) inner: Tickets,
}

/// Per-ticket lists of a records descriptor: `values[offsets[i]..offsets[i + 1]]`.
fn lists(obj: &JsValue, name: &str, n: usize) -> JsResult<Vec<Vec<Timestamp>>> {
    let Some((ms, strings)) = col(obj, name) else {
        return Ok(vec![Vec::new(); n]);
    };
    let offsets: Uint32Array = prop(obj, &format!("{name}Offsets")).unchecked_into();
    let offsets = offsets.to_vec();
    if offsets.len() != n + 1 {
        return Err(At::new(name).invalid("malformed records descriptor"));
    }
    // position k belongs to the ticket i with offsets[i] <= k < offsets[i + 1]
    let ticket = |k: usize| {
        offsets
            .partition_point(|&o| o as usize <= k)
            .saturating_sub(1)
    };
    let values = column_at(&ms, strings, &|k| At::record(name, ticket(k)))?;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let (a, b) = (offsets[i] as usize, offsets[i + 1] as usize);
        let mut list = Vec::with_capacity(b.saturating_sub(a));
        for v in values.get(a..b).unwrap_or(&[]) {
            list.push(v.ok_or_else(|| {
                At::record(name, i).invalid("an entry is missing; list only events that happened")
            })?);
        }
        out.push(list);
    }
    Ok(out)
}

/// A per-ticket instant column of a records descriptor.
fn record_column(obj: &JsValue, name: &str) -> JsResult<Option<Vec<Option<Timestamp>>>> {
    col(obj, name)
        .map(|(ms, s)| column_at(&ms, s, &|i| At::record(name, i)))
        .transpose()
}

#[wasm_bindgen]
impl RawTickets {
    /// Tickets from flattened records (see `js/src/tickets.mjs`, `Tickets.fromRecords`).
    #[wasm_bindgen(js_name = fromRecords)]
    pub fn from_records(d: &JsValue) -> JsResult<RawTickets> {
        let created = record_column(d, "created")?.unwrap_or_default();
        let n = created.len();
        let first_response = record_column(d, "firstResponse")?.unwrap_or_else(|| vec![None; n]);
        let solved = lists(d, "solved", n)?;
        let reopened = lists(d, "reopened", n)?;
        let starts = lists(d, "pausedStart", n)?;
        let ends = lists(d, "pausedEnd", n)?;
        let agent = counts(d, "agentReplies", true)?.unwrap_or_else(|| vec![0; n]);
        let followups = counts(d, "customerFollowups", true)?.unwrap_or_else(|| vec![0; n]);
        let channel = labels(d, "channel").unwrap_or_else(|| vec![None; n]);
        let priority = labels(d, "priority").unwrap_or_else(|| vec![None; n]);
        let mut records = Vec::with_capacity(n);
        for (i, c) in created.into_iter().enumerate() {
            let created = c.ok_or_else(|| {
                At::record("created", i).invalid("every ticket needs its creation instant")
            })?;
            records.push(Ticket {
                created,
                first_response: first_response[i],
                solved: solved[i].clone(),
                reopened: reopened[i].clone(),
                agent_replies: agent[i],
                customer_followups: followups[i],
                paused: starts[i]
                    .iter()
                    .copied()
                    .zip(ends[i].iter().copied())
                    .collect(),
                channel: channel[i].clone(),
                priority: priority[i].clone(),
            });
        }
        let inner = Tickets::from_records(&records).js()?;
        Ok(RawTickets { inner })
    }

    /// Tickets from columns (see `js/src/tickets.mjs`, `new Tickets`).
    #[wasm_bindgen(js_name = fromColumns)]
    pub fn from_columns(d: &JsValue) -> JsResult<RawTickets> {
        let (ms, strings) =
            col(d, "created").unwrap_or_else(|| (Float64Array::new_with_length(0), None));
        let created = required_column("created", &ms, strings)?;
        let first_response = opt_column(d, "firstResponse")?;
        let first_solved = opt_column(d, "firstSolved")?;
        let final_solved = opt_column(d, "finalSolved")?;
        let first_reopened = opt_column(d, "firstReopened")?;
        let agent = counts(d, "agentReplies", false)?;
        let followups = counts(d, "customerFollowups", false)?;
        let channel = labels(d, "channel");
        let priority = labels(d, "priority");
        let paused = match col(d, "pausedStart") {
            None => None,
            Some((start_ms, start_s)) => {
                let starts = column("paused", &start_ms, start_s)?;
                let (end_ms, end_s) =
                    col(d, "pausedEnd").unwrap_or_else(|| (Float64Array::new_with_length(0), None));
                let ends = column("paused", &end_ms, end_s)?;
                let tickets = f64s_from("paused", prop(d, "pausedTicket").unchecked_ref())?;
                let mut triples = Vec::with_capacity(tickets.len());
                for (k, &i) in tickets.iter().enumerate() {
                    let at = At::item("paused", k);
                    if !(i >= 0.0 && i.fract() == 0.0 && i <= 4_294_967_295.0) {
                        return Err(
                            at.invalid(&format!("the ticket index {i} is not an integer >= 0"))
                        );
                    }
                    let both = |t: Option<&Option<Timestamp>>| {
                        t.copied()
                            .flatten()
                            .ok_or_else(|| at.invalid("a paused interval needs both ends"))
                    };
                    triples.push((i as usize, both(starts.get(k))?, both(ends.get(k))?));
                }
                Some(triples)
            }
        };
        let inner = Tickets::from_columns(TicketColumns {
            created: &created,
            first_response: first_response.as_deref(),
            first_solved: first_solved.as_deref(),
            final_solved: final_solved.as_deref(),
            first_reopened: first_reopened.as_deref(),
            agent_replies: agent.as_deref(),
            customer_followups: followups.as_deref(),
            paused: paused.as_deref(),
            channel: channel.as_deref(),
            priority: priority.as_deref(),
        })
        .js()?;
        Ok(RawTickets { inner })
    }

    /// The number of tickets.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> f64 {
        self.inner.len() as f64
    }
}
