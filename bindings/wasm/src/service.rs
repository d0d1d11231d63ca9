//! Service metrics (issue 4): schedules, tickets (records and columns), duration
//! summaries, FCR, SLA and handle time. Conversion only: every rule is the core's.
//!
//! Calendar-clock metrics are methods of [`RawTickets`]; business-clock ones are methods
//! of [`RawSchedule`] taking the tickets (the clock is business time exactly when a
//! schedule is given, as in Python).

use cxmetrics::jiff::Timestamp;
use cxmetrics::{
    Clock, DurationMetric, DurationOptions, DurationSummary, FcrDenominator, FcrOptions,
    ResolutionKind, Schedule, SlaResult, Ticket, TicketColumns, Tickets, Window,
};
use js_sys::{Array, Float64Array, Object, Uint32Array};
use wasm_bindgen::prelude::*;

use crate::convert::{f64s_from, prop};
use crate::errors::{JsResult, ToJs, core_error};
use crate::results::{Columns, set};
use crate::stats::estimate_vec;
use crate::time::{At, column, column_at, instant, required, required_column, strip_prefix};

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

fn count(x: f64, at: At<'_>) -> JsResult<u32> {
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
#[wasm_bindgen]
pub struct RawTickets {
    inner: Tickets,
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
    /// Tickets from flattened records (see `js/api.mjs`, `Tickets.fromRecords`).
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

    /// Tickets from columns (see `js/api.mjs`, `new Tickets`).
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

    /// Per-ticket durations in calendar time (`NaN` = open).
    pub fn durations(&self, metric: &str, as_of: &JsValue) -> JsResult<Vec<f64>> {
        durations(&self.inner, Clock::Calendar, metric, as_of)
    }

    /// A duration summary in calendar time (`which`: `first_response_time`,
    /// `resolution_time` with `kind`, `requester_wait_time`).
    pub fn summary(&self, which: &str, kind: Option<String>, as_of: &JsValue) -> JsResult<JsValue> {
        summary(&self.inner, Clock::Calendar, which, kind, as_of)
    }

    /// SLA attainment in calendar time.
    pub fn sla(
        &self,
        metric: &str,
        keys: Vec<String>,
        targets: &Float64Array,
        as_of: &JsValue,
    ) -> JsResult<JsValue> {
        sla(&self.inner, Clock::Calendar, metric, keys, targets, as_of)
    }

    /// First contact resolution. `max_agent_replies`: `undefined` = the core's default,
    /// `null` = any number; `max_customer_followups`: `null` / `undefined` = not checked.
    #[allow(clippy::too_many_arguments)]
    pub fn fcr(
        &self,
        max_agent_replies: &JsValue,
        max_customer_followups: Option<f64>,
        reopen_window: Option<f64>,
        denominator: Option<String>,
        period_from: &JsValue,
        period_to: &JsValue,
    ) -> JsResult<JsValue> {
        let defaults = FcrOptions::default();
        let max_agent_replies = if max_agent_replies.is_undefined() {
            defaults.max_agent_replies
        } else {
            max_agent_replies
                .as_f64()
                .map(|x| count(x, At::new("max_agent_replies")))
                .transpose()?
        };
        let max_customer_followups = max_customer_followups
            .map(|x| count(x, At::new("max_customer_followups")))
            .transpose()?;
        let period = if period_from.is_undefined() {
            None
        } else {
            Some((
                required(period_from, At::item("period", 0))?,
                required(period_to, At::item("period", 1))?,
            ))
        };
        let options = FcrOptions {
            max_agent_replies,
            max_customer_followups,
            reopen_window,
            denominator: match denominator {
                Some(d) => FcrDenominator::parse(&d).js()?,
                None => defaults.denominator,
            },
            period,
        };
        let r = cxmetrics::fcr(&self.inner, &options).js()?;
        let out = Object::new();
        set(&out, "score", &r.score.into());
        set(&out, "count", &(r.count as f64).into());
        set(&out, "n", &(r.n as f64).into());
        set(&out, "denominator", &r.denominator.as_str().into());
        set(
            &out,
            "estimate",
            &Float64Array::from(&estimate_vec(&r.estimate())[..]),
        );
        Ok(out.into())
    }
}

fn as_of_option(as_of: &JsValue) -> JsResult<Option<Timestamp>> {
    instant(as_of, At::new("as_of"))
}

fn durations(t: &Tickets, clock: Clock<'_>, metric: &str, as_of: &JsValue) -> JsResult<Vec<f64>> {
    let metric = DurationMetric::parse(metric).js()?;
    let options = DurationOptions {
        clock,
        as_of: as_of_option(as_of)?,
    };
    let d = cxmetrics::ticket_durations(t, metric, &options).js()?;
    Ok(d.into_iter().map(|x| x.unwrap_or(f64::NAN)).collect())
}

fn summary(
    t: &Tickets,
    clock: Clock<'_>,
    which: &str,
    kind: Option<String>,
    as_of: &JsValue,
) -> JsResult<JsValue> {
    let options = DurationOptions {
        clock,
        as_of: as_of_option(as_of)?,
    };
    let s = match which {
        "first_response_time" => cxmetrics::first_response_time(t, &options),
        "requester_wait_time" => cxmetrics::requester_wait_time(t, &options),
        _ => {
            let kind = match kind {
                Some(k) => ResolutionKind::parse(&k).js()?,
                None => ResolutionKind::default(),
            };
            cxmetrics::resolution_time(t, kind, &options)
        }
    }
    .js()?;
    Ok(summary_js(&s))
}

fn summary_js(s: &DurationSummary) -> JsValue {
    let out = Object::new();
    set(&out, "n", &(s.n as f64).into());
    set(&out, "open", &(s.open as f64).into());
    set(&out, "mean", &s.mean.into());
    set(&out, "median", &s.median.into());
    set(&out, "p90", &s.p90.into());
    set(&out, "min", &s.min.into());
    set(&out, "max", &s.max.into());
    set(
        &out,
        "kmMedian",
        &s.km_median.map_or(JsValue::NULL, JsValue::from),
    );
    set(&out, "clock", &s.clock.into());
    set(&out, "durations", &Float64Array::from(s.durations()));
    out.into()
}

/// `percentile(q)` of a summary from its completed durations (`durations` of the
/// summary): the core rebuilds the summary and interpolates.
#[wasm_bindgen(js_name = summaryPercentile)]
pub fn summary_percentile(durations: &[f64], q: f64) -> JsResult<f64> {
    DurationSummary::from_durations(durations, &[], "calendar")
        .js()?
        .percentile(q)
        .js()
}

fn sla(
    t: &Tickets,
    clock: Clock<'_>,
    metric: &str,
    keys: Vec<String>,
    targets: &Float64Array,
    as_of: &JsValue,
) -> JsResult<JsValue> {
    let metric = DurationMetric::parse(metric).js()?;
    let values = f64s_from("targets", targets)?;
    let targets: Vec<(String, f64)> = keys.into_iter().zip(values).collect();
    let options = DurationOptions {
        clock,
        as_of: as_of_option(as_of)?,
    };
    let r = cxmetrics::sla(t, metric, &targets, &options).js()?;
    Ok(sla_js(&r))
}

/// The SLA rows as columns (the overall row last), plus the untargeted count, metric
/// and clock. Each row's estimate is 3 numbers (`NaN` × 3 when it has none) and its
/// estimate error (`null` or the core's error, e.g. `empty` when nothing is decided).
fn sla_js(r: &SlaResult) -> JsValue {
    let rows: Vec<&cxmetrics::SlaRow> = r.rows.iter().chain([&r.overall]).collect();
    let c = Columns::new();
    c.strings("priority", rows.iter().map(|x| x.priority.as_deref()));
    c.opt_f64s("target", rows.iter().map(|x| x.target));
    c.f64s("achieved", rows.iter().map(|x| x.achieved as f64));
    c.f64s("breached", rows.iter().map(|x| x.breached as f64));
    c.f64s("running", rows.iter().map(|x| x.running as f64));
    c.f64s("n", rows.iter().map(|x| x.n as f64));
    c.opt_f64s("score", rows.iter().map(|x| x.score));
    let mut estimates = Vec::with_capacity(3 * rows.len());
    let errors = Array::new();
    for x in &rows {
        match x.estimate() {
            Ok(e) => {
                let v = estimate_vec(&e);
                estimates.extend(v.iter().copied().chain([f64::NAN; 3]).take(3));
                errors.push(&JsValue::NULL);
            }
            Err(e) => {
                estimates.extend([f64::NAN; 3]);
                errors.push(&core_error(e));
            }
        }
    }
    c.f64s("estimates", estimates.into_iter());
    c.value("errors", &errors);
    c.value("untargeted", &(r.untargeted as f64).into());
    c.value("metric", &r.metric.as_str().into());
    c.value("clock", &r.clock.into());
    c.into_js()
}

/// A business-hours calendar owned by wasm memory; wrapped by the JS `Schedule` class.
#[wasm_bindgen]
pub struct RawSchedule {
    inner: Schedule,
    time_zone: String,
    windows: usize,
    holidays: usize,
}

#[wasm_bindgen]
impl RawSchedule {
    /// A schedule in the IANA zone `time_zone` with windows `(days[i], starts[i],
    /// ends[i])` and holidays `"YYYY-MM-DD"`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        time_zone: &str,
        days: Vec<String>,
        starts: Vec<String>,
        ends: Vec<String>,
        holidays: Vec<String>,
    ) -> JsResult<RawSchedule> {
        let mut windows = Vec::with_capacity(days.len());
        for (i, ((d, s), e)) in days.iter().zip(&starts).zip(&ends).enumerate() {
            let w = Window::parse(d, s, e)
                .map_err(|err| At::item("windows", i).invalid(&strip_prefix(&err)))?;
            windows.push(w);
        }
        let mut dates = Vec::with_capacity(holidays.len());
        for (i, h) in holidays.iter().enumerate() {
            let d = cxmetrics::parse_date(h)
                .map_err(|err| At::item("holidays", i).invalid(&strip_prefix(&err)))?;
            dates.push(d);
        }
        let inner = Schedule::from_iana(time_zone, &windows, &dates).map_err(tz_hint)?;
        Ok(RawSchedule {
            inner,
            time_zone: time_zone.to_owned(),
            windows: windows.len(),
            holidays: dates.len(),
        })
    }

    /// The IANA name the schedule was made with.
    #[wasm_bindgen(getter, js_name = timeZone)]
    pub fn time_zone(&self) -> String {
        self.time_zone.clone()
    }

    /// The number of opening windows.
    #[wasm_bindgen(getter)]
    pub fn windows(&self) -> f64 {
        self.windows as f64
    }

    /// The number of holidays given.
    #[wasm_bindgen(getter)]
    pub fn holidays(&self) -> f64 {
        self.holidays as f64
    }

    /// Business seconds from `start` to `end`.
    #[wasm_bindgen(js_name = businessSeconds)]
    pub fn business_seconds(&self, start: &JsValue, end: &JsValue) -> JsResult<f64> {
        let a = required(start, At::new("start"))?;
        let b = required(end, At::new("end"))?;
        self.inner.business_seconds(a, b).js()
    }

    /// The instant `seconds` business seconds after `start`, in epoch milliseconds.
    #[wasm_bindgen(js_name = addBusiness)]
    pub fn add_business(&self, start: &JsValue, seconds: f64) -> JsResult<f64> {
        let a = required(start, At::new("start"))?;
        let t = self.inner.add_business(a, seconds).js()?;
        Ok(t.as_millisecond() as f64)
    }

    /// Per-ticket durations in business time (`NaN` = open).
    pub fn durations(
        &self,
        tickets: &RawTickets,
        metric: &str,
        as_of: &JsValue,
    ) -> JsResult<Vec<f64>> {
        durations(&tickets.inner, Clock::Business(&self.inner), metric, as_of)
    }

    /// A duration summary in business time.
    pub fn summary(
        &self,
        tickets: &RawTickets,
        which: &str,
        kind: Option<String>,
        as_of: &JsValue,
    ) -> JsResult<JsValue> {
        summary(
            &tickets.inner,
            Clock::Business(&self.inner),
            which,
            kind,
            as_of,
        )
    }

    /// SLA attainment in business time.
    pub fn sla(
        &self,
        tickets: &RawTickets,
        metric: &str,
        keys: Vec<String>,
        targets: &Float64Array,
        as_of: &JsValue,
    ) -> JsResult<JsValue> {
        sla(
            &tickets.inner,
            Clock::Business(&self.inner),
            metric,
            keys,
            targets,
            as_of,
        )
    }
}

/// `unknown_time_zone` from a build without the time-zone database says so.
fn tz_hint(e: cxmetrics::Error) -> JsValue {
    #[cfg(not(feature = "tz"))]
    if e.code() == "unknown_time_zone" {
        return crate::errors::error(
            "unknown_time_zone",
            &format!(
                "{e} (this build of cxmetrics has no time-zone database: only \"UTC\" is known)"
            ),
            None,
        );
    }
    core_error(e)
}
