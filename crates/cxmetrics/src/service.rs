//! Service metrics on tickets: first response, resolution, requester wait, FCR, SLA
//! attainment and average handle time, in calendar or business time.

use jiff::Timestamp;

use crate::calendar::Schedule;
use crate::error::{Error, Result};
use crate::stats::{Estimate, Interval, IntervalMethod};

/// One ticket as a record: its events and counts.
///
/// A ticket can be solved, reopened and solved again: `solved` and `reopened` list
/// every such event (in any order). It is *resolved* when it was solved at least once
/// and its last solve is after its last reopen; otherwise it is open.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ticket {
    /// When the ticket was created.
    pub created: Timestamp,
    /// The first public agent response, if any yet.
    pub first_response: Option<Timestamp>,
    /// Every time the ticket was set to solved.
    pub solved: Vec<Timestamp>,
    /// Every time the ticket was reopened.
    pub reopened: Vec<Timestamp>,
    /// Public agent replies over the ticket's life.
    pub agent_replies: u32,
    /// Customer messages after the initial contact.
    pub customer_followups: u32,
    /// On-hold / pending intervals `(start, end)` (the requester is not waiting).
    pub paused: Vec<(Timestamp, Timestamp)>,
    /// Contact channel (email, chat, …), for segmenting.
    pub channel: Option<String>,
    /// Priority (low, high, …), for SLA targets.
    pub priority: Option<String>,
}

/// Tickets in columnar form: one entry per ticket in every column (validated).
///
/// Build with [`Tickets::from_records`] or [`Tickets::from_columns`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tickets {
    created: Vec<Timestamp>,
    first_response: Vec<Option<Timestamp>>,
    first_solved: Vec<Option<Timestamp>>,
    final_solved: Vec<Option<Timestamp>>,
    first_reopened: Vec<Option<Timestamp>>,
    agent_replies: Vec<u32>,
    customer_followups: Vec<u32>,
    /// Per ticket: sorted, non-overlapping paused intervals.
    paused: Vec<Vec<(Timestamp, Timestamp)>>,
    channel: Vec<Option<String>>,
    priority: Vec<Option<String>>,
    /// Per ticket: its latest event (for the `as_of` check).
    ticket_latest: Vec<Timestamp>,
    latest: Option<Timestamp>,
}

/// Columns of tickets, borrowed; every given column has one entry per ticket.
///
/// `final_solved` is the latest resolution of a ticket that is resolved now (`None`
/// while it is open); `first_reopened` the first reopen after the first solve.
/// `paused` lists `(ticket index, start, end)` triples.
#[derive(Debug, Clone, Copy, Default)]
pub struct TicketColumns<'a> {
    /// Creation instants (required).
    pub created: &'a [Timestamp],
    /// First agent responses.
    pub first_response: Option<&'a [Option<Timestamp>]>,
    /// First solves.
    pub first_solved: Option<&'a [Option<Timestamp>]>,
    /// Final solves of tickets resolved now.
    pub final_solved: Option<&'a [Option<Timestamp>]>,
    /// First reopens after the first solve.
    pub first_reopened: Option<&'a [Option<Timestamp>]>,
    /// Agent reply counts.
    pub agent_replies: Option<&'a [u32]>,
    /// Customer follow-up counts.
    pub customer_followups: Option<&'a [u32]>,
    /// Paused intervals as `(ticket index, start, end)`.
    pub paused: Option<&'a [(usize, Timestamp, Timestamp)]>,
    /// Channels.
    pub channel: Option<&'a [Option<String>]>,
    /// Priorities.
    pub priority: Option<&'a [Option<String>]>,
}

fn out_of_order(what: &'static str, index: usize) -> Error {
    Error::OutOfOrder {
        what,
        index: Some(index),
    }
}

fn column<T: Clone>(name: &'static str, col: Option<&[T]>, n: usize, default: T) -> Result<Vec<T>> {
    match col {
        None => Ok(vec![default; n]),
        Some(c) if c.len() == n => Ok(c.to_vec()),
        Some(c) => Err(Error::LengthMismatch {
            what: name,
            left: n,
            right: c.len(),
        }),
    }
}

impl Tickets {
    /// Validates and converts ticket records.
    ///
    /// # Errors
    /// `out_of_order` (with the ticket's index) when an event precedes the ticket's
    /// creation, a paused interval ends before it starts, or paused intervals overlap.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::{Ticket, Tickets};
    /// let t = |s: &str| s.parse::<cxmetrics::jiff::Timestamp>().unwrap();
    /// let ticket = Ticket { created: t("2026-11-02T09:00:00Z"), solved: vec![t("2026-11-02T10:00:00Z")], ..Default::default() };
    /// assert_eq!(Tickets::from_records(&[ticket])?.len(), 1);
    /// let bad = Ticket { created: t("2026-11-02T09:00:00Z"), solved: vec![t("2026-11-01T10:00:00Z")], ..Default::default() };
    /// assert_eq!(Tickets::from_records(&[bad]).unwrap_err().code(), "out_of_order");
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn from_records(records: &[Ticket]) -> Result<Tickets> {
        let n = records.len();
        let mut first_solved = Vec::with_capacity(n);
        let mut final_solved = Vec::with_capacity(n);
        let mut first_reopened = Vec::with_capacity(n);
        let mut paused = Vec::with_capacity(n);
        for (i, r) in records.iter().enumerate() {
            let fs = r.solved.iter().min().copied();
            let last_solve = r.solved.iter().max().copied();
            let last_reopen = r.reopened.iter().max().copied();
            let resolved = match (last_solve, last_reopen) {
                (Some(s), Some(o)) => s > o,
                (Some(_), None) => true,
                _ => false,
            };
            first_solved.push(fs);
            final_solved.push(if resolved { last_solve } else { None });
            first_reopened
                .push(fs.and_then(|f| r.reopened.iter().filter(|&&o| o >= f).min().copied()));
            if r.reopened.iter().chain(&r.solved).any(|&e| e < r.created) {
                return Err(out_of_order("solved or reopened before created", i));
            }
            paused.push(r.paused.clone());
        }
        let triples: Vec<(usize, Timestamp, Timestamp)> = paused
            .iter()
            .enumerate()
            .flat_map(|(i, p)| p.iter().map(move |&(a, b)| (i, a, b)))
            .collect();
        let created: Vec<Timestamp> = records.iter().map(|r| r.created).collect();
        let first_response: Vec<Option<Timestamp>> =
            records.iter().map(|r| r.first_response).collect();
        let agent: Vec<u32> = records.iter().map(|r| r.agent_replies).collect();
        let cust: Vec<u32> = records.iter().map(|r| r.customer_followups).collect();
        let channel: Vec<Option<String>> = records.iter().map(|r| r.channel.clone()).collect();
        let priority: Vec<Option<String>> = records.iter().map(|r| r.priority.clone()).collect();
        Tickets::from_columns(TicketColumns {
            created: &created,
            first_response: Some(&first_response),
            first_solved: Some(&first_solved),
            final_solved: Some(&final_solved),
            first_reopened: Some(&first_reopened),
            agent_replies: Some(&agent),
            customer_followups: Some(&cust),
            paused: Some(&triples),
            channel: Some(&channel),
            priority: Some(&priority),
        })
    }

    /// Validates and copies ticket columns.
    ///
    /// # Errors
    /// `length_mismatch` when a column's length differs from `created`'s;
    /// `out_of_order` (with the ticket's index) for an event before creation, a final
    /// solve before the first, a paused interval that ends before it starts, overlaps
    /// another, or names a ticket index out of range (`invalid_argument`).
    pub fn from_columns(c: TicketColumns<'_>) -> Result<Tickets> {
        let n = c.created.len();
        let mut t = Tickets {
            created: c.created.to_vec(),
            first_response: column("first_response and created", c.first_response, n, None)?,
            first_solved: column("first_solved and created", c.first_solved, n, None)?,
            final_solved: column("final_solved and created", c.final_solved, n, None)?,
            first_reopened: column("first_reopened and created", c.first_reopened, n, None)?,
            agent_replies: column("agent_replies and created", c.agent_replies, n, 0)?,
            customer_followups: column(
                "customer_followups and created",
                c.customer_followups,
                n,
                0,
            )?,
            paused: vec![Vec::new(); n],
            channel: column("channel and created", c.channel, n, None)?,
            priority: column("priority and created", c.priority, n, None)?,
            ticket_latest: Vec::with_capacity(n),
            latest: None,
        };
        for &(i, a, b) in c.paused.unwrap_or(&[]) {
            if i >= n {
                return Err(Error::invalid_argument(
                    "paused",
                    format!("paused interval names ticket {i}, but there are {n} tickets"),
                ));
            }
            t.paused[i].push((a, b));
        }
        let mut latest: Option<Timestamp> = None;
        for i in 0..n {
            let created = t.created[i];
            let events = [
                t.first_response[i],
                t.first_solved[i],
                t.final_solved[i],
                t.first_reopened[i],
            ];
            if events.iter().flatten().any(|&e| e < created) {
                return Err(out_of_order("an event is before the ticket was created", i));
            }
            if let (Some(f), Some(l)) = (t.first_solved[i], t.final_solved[i])
                && l < f
            {
                return Err(out_of_order("the final solve is before the first solve", i));
            }
            if t.final_solved[i].is_some() && t.first_solved[i].is_none() {
                return Err(out_of_order("a final solve without a first solve", i));
            }
            let p = &mut t.paused[i];
            p.sort_unstable();
            for (k, &(a, b)) in p.iter().enumerate() {
                if b < a {
                    return Err(out_of_order("a paused interval ends before it starts", i));
                }
                if a < created {
                    return Err(out_of_order(
                        "a paused interval starts before the ticket was created",
                        i,
                    ));
                }
                if k > 0 && a < p[k - 1].1 {
                    return Err(out_of_order("paused intervals overlap", i));
                }
            }
            let ticket_latest = events
                .iter()
                .flatten()
                .copied()
                .chain(p.iter().map(|&(_, b)| b))
                .fold(created, Timestamp::max);
            t.ticket_latest.push(ticket_latest);
            latest = latest.max(Some(ticket_latest));
        }
        t.latest = latest;
        Ok(t)
    }

    /// The number of tickets.
    pub fn len(&self) -> usize {
        self.created.len()
    }

    /// Whether there are no tickets.
    pub fn is_empty(&self) -> bool {
        self.created.is_empty()
    }

    /// The latest instant anywhere in the tickets (the default `as_of`).
    pub fn latest(&self) -> Option<Timestamp> {
        self.latest
    }

    /// The channel column.
    pub fn channels(&self) -> &[Option<String>] {
        &self.channel
    }

    /// The priority column.
    pub fn priorities(&self) -> &[Option<String>] {
        &self.priority
    }
}

/// Calendar time, or business time of a [`Schedule`].
#[derive(Debug, Clone, Copy, Default)]
pub enum Clock<'a> {
    /// Wall time: every second counts.
    #[default]
    Calendar,
    /// Only seconds inside the schedule's opening windows count.
    Business(&'a Schedule),
}

impl Clock<'_> {
    /// `"calendar"` or `"business"`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Clock::Calendar => "calendar",
            Clock::Business(_) => "business",
        }
    }

    /// Seconds from `a` to `b` on this clock.
    ///
    /// # Errors
    /// `out_of_order` when `b < a`.
    pub fn seconds(&self, a: Timestamp, b: Timestamp) -> Result<f64> {
        match self {
            Clock::Calendar => {
                if b < a {
                    return Err(Error::OutOfOrder {
                        what: "end before start",
                        index: None,
                    });
                }
                Ok((b.as_nanosecond() - a.as_nanosecond()) as f64 / 1e9)
            }
            Clock::Business(s) => s.business_seconds(a, b),
        }
    }
}

/// Which duration of a ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DurationMetric {
    /// Created → first agent response.
    FirstResponse,
    /// Created → first solve.
    FirstResolution,
    /// Created → final solve (tickets resolved now).
    FullResolution,
    /// Created → final solve, minus paused (on-hold / pending) time.
    RequesterWait,
}

impl DurationMetric {
    /// Parses `"first_response"`, `"first_resolution"`, `"full_resolution"` or
    /// `"requester_wait"`.
    ///
    /// # Errors
    /// `invalid_argument` for any other string.
    pub fn parse(s: &str) -> Result<DurationMetric> {
        Ok(match s {
            "first_response" => DurationMetric::FirstResponse,
            "first_resolution" => DurationMetric::FirstResolution,
            "full_resolution" => DurationMetric::FullResolution,
            "requester_wait" => DurationMetric::RequesterWait,
            other => {
                return Err(Error::invalid_argument(
                    "metric",
                    format!(
                        "expected first_response, first_resolution, full_resolution or requester_wait, got {other:?}"
                    ),
                ));
            }
        })
    }

    /// The binding spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            DurationMetric::FirstResponse => "first_response",
            DurationMetric::FirstResolution => "first_resolution",
            DurationMetric::FullResolution => "full_resolution",
            DurationMetric::RequesterWait => "requester_wait",
        }
    }
}

/// Options shared by the duration metrics.
#[derive(Debug, Clone, Copy, Default)]
pub struct DurationOptions<'a> {
    /// Calendar (default) or business time.
    pub clock: Clock<'a>,
    /// The observation time for tickets still open (their elapsed time so far is
    /// censored there). Default: the latest instant anywhere in the tickets.
    pub as_of: Option<Timestamp>,
}

/// A ticket's state for one metric: done after `f64` seconds, or open for `f64` so far.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Span {
    Done(f64),
    Open(f64),
}

fn end_of(t: &Tickets, i: usize, metric: DurationMetric) -> Option<Timestamp> {
    match metric {
        DurationMetric::FirstResponse => t.first_response[i],
        DurationMetric::FirstResolution => t.first_solved[i],
        DurationMetric::FullResolution | DurationMetric::RequesterWait => t.final_solved[i],
    }
}

fn paused_seconds(
    clock: Clock<'_>,
    paused: &[(Timestamp, Timestamp)],
    from: Timestamp,
    to: Timestamp,
) -> Result<f64> {
    let mut s = 0.0;
    for &(a, b) in paused {
        let (lo, hi) = (a.max(from), b.min(to));
        if hi > lo {
            s += clock.seconds(lo, hi)?;
        }
    }
    Ok(s)
}

fn spans(t: &Tickets, metric: DurationMetric, opts: &DurationOptions<'_>) -> Result<Vec<Span>> {
    let as_of = opts.as_of.or(t.latest);
    let mut out = Vec::with_capacity(t.len());
    if let Some(a) = as_of
        && let Some(i) = t.ticket_latest.iter().position(|&l| l > a)
    {
        return Err(out_of_order("an event is after as_of", i));
    }
    for i in 0..t.len() {
        let created = t.created[i];
        let end = end_of(t, i, metric);
        let stop = match (end, as_of) {
            (Some(e), _) => e,
            (None, Some(a)) => {
                if a < created {
                    return Err(out_of_order("the ticket was created after as_of", i));
                }
                a
            }
            (None, None) => created,
        };
        let mut secs = opts.clock.seconds(created, stop)?;
        if metric == DurationMetric::RequesterWait {
            secs = (secs - paused_seconds(opts.clock, &t.paused[i], created, stop)?).max(0.0);
        }
        out.push(if end.is_some() {
            Span::Done(secs)
        } else {
            Span::Open(secs)
        });
    }
    Ok(out)
}

/// Per-ticket durations in seconds (`None` where the event has not happened yet).
///
/// # Formula
/// ```text
/// first_response   = clock(created, first_response)
/// first_resolution = clock(created, first_solved)
/// full_resolution  = clock(created, final_solved)               (None while open)
/// requester_wait   = full_resolution − Σ clock(paused ∩ [created, final_solved])
/// ```
///
/// # Edge cases
/// A ticket created and answered outside business hours has business duration 0.
///
/// # Errors
/// `out_of_order` for an event after `as_of` or a ticket created after it.
///
/// # Examples
/// ```
/// use cxmetrics::{ticket_durations, DurationMetric, DurationOptions, Ticket, Tickets};
/// let t = |s: &str| s.parse::<cxmetrics::jiff::Timestamp>().unwrap();
/// let tickets = Tickets::from_records(&[Ticket {
///     created: t("2026-11-02T09:00:00Z"),
///     first_response: Some(t("2026-11-02T09:30:00Z")),
///     ..Default::default()
/// }])?;
/// let d = ticket_durations(&tickets, DurationMetric::FirstResponse, &DurationOptions::default())?;
/// assert_eq!(d, [Some(1800.0)]);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn ticket_durations(
    tickets: &Tickets,
    metric: DurationMetric,
    options: &DurationOptions<'_>,
) -> Result<Vec<Option<f64>>> {
    Ok(spans(tickets, metric, options)?
        .into_iter()
        .map(|s| match s {
            Span::Done(x) => Some(x),
            Span::Open(_) => None,
        })
        .collect())
}

/// A summary of durations, with still-open tickets counted and censored.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct DurationSummary {
    /// Completed durations.
    pub n: u64,
    /// Tickets still open for this metric (not in the statistics below, except the
    /// Kaplan–Meier median).
    pub open: u64,
    /// Mean of the completed durations, seconds.
    pub mean: f64,
    /// Median (linear interpolation), seconds.
    pub median: f64,
    /// 90th percentile (linear interpolation), seconds.
    pub p90: f64,
    /// Shortest, seconds.
    pub min: f64,
    /// Longest, seconds.
    pub max: f64,
    /// Kaplan–Meier median counting open tickets as censored; `None` when fewer than
    /// half are known to have finished.
    pub km_median: Option<f64>,
    /// `"calendar"` or `"business"`.
    pub clock: &'static str,
    sorted: Vec<f64>,
}

impl DurationSummary {
    /// Summarises completed durations `done` and the elapsed times `open` of tickets
    /// not finished yet (censored), in seconds.
    ///
    /// # Formula
    /// ```text
    /// percentile(q): h = (n − 1)q,  x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎)   (numpy "linear", R type 7)
    /// km_median = min { t : S(t) ≤ ½ },  S(t) = Π_{tᵢ ≤ t} (1 − dᵢ/nᵢ)
    /// ```
    /// Tickets censored at the same time as an event are still at risk at that time.
    ///
    /// # Edge cases
    /// All open: `empty`. More than half still open: `km_median` is `None` while
    /// `median` describes only the finished ones — that is the bias KM avoids.
    ///
    /// # Errors
    /// `empty` when nothing is completed; `invalid_argument` for a negative or
    /// non-finite duration.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::DurationSummary;
    /// let s = DurationSummary::from_durations(&[60.0, 120.0, 180.0, 240.0], &[30.0, 500.0], "calendar")?;
    /// assert_eq!((s.n, s.open, s.median), (4, 2, 150.0));
    /// // at risk 6: the 30 s censoring leaves 5; S drops 4/5, 3/5, 2/5 at 60, 120, 180
    /// assert_eq!(s.km_median, Some(180.0));
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn from_durations(
        done: &[f64],
        open: &[f64],
        clock: &'static str,
    ) -> Result<DurationSummary> {
        for (name, xs) in [("durations", done), ("open", open)] {
            if let Some((i, x)) = xs
                .iter()
                .enumerate()
                .find(|(_, x)| !(x.is_finite() && **x >= 0.0))
            {
                return Err(Error::InvalidArgument {
                    name: name.into(),
                    message: format!("duration {x} at index {i} must be finite and ≥ 0"),
                    index: Some(i),
                });
            }
        }
        if done.is_empty() {
            return Err(Error::Empty {
                missing: open.len() as u64,
                invalid: 0,
            });
        }
        let mut sorted = done.to_vec();
        sorted.sort_by(f64::total_cmp);
        let n = sorted.len();
        let mean = sorted.iter().sum::<f64>() / n as f64;
        let mut s = DurationSummary {
            n: n as u64,
            open: open.len() as u64,
            mean,
            median: 0.0,
            p90: 0.0,
            min: sorted[0],
            max: sorted[n - 1],
            km_median: km_median(&sorted, open),
            clock,
            sorted,
        };
        s.median = s.quantile(0.5);
        s.p90 = s.quantile(0.9);
        Ok(s)
    }

    fn quantile(&self, q: f64) -> f64 {
        let x = &self.sorted;
        let h = (x.len() - 1) as f64 * q;
        let lo = h.floor() as usize;
        let hi = (lo + 1).min(x.len() - 1);
        x[lo] + (h - lo as f64) * (x[hi] - x[lo])
    }

    /// The completed durations in seconds, ascending: what [`Self::percentile`]
    /// interpolates (bindings that copy a summary out keep these to answer
    /// `percentile(q)` later through [`Self::from_durations`]).
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::DurationSummary;
    /// let s = DurationSummary::from_durations(&[180.0, 60.0, 120.0], &[30.0], "calendar")?;
    /// assert_eq!(s.durations(), [60.0, 120.0, 180.0]);
    /// let again = DurationSummary::from_durations(s.durations(), &[], s.clock)?;
    /// assert_eq!(again.percentile(0.25)?, s.percentile(0.25)?);
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn durations(&self) -> &[f64] {
        &self.sorted
    }

    /// The `q`-quantile of the completed durations (`q` in [0, 1]), linear interpolation.
    ///
    /// # Errors
    /// `invalid_argument` for `q` outside [0, 1].
    pub fn percentile(&self, q: f64) -> Result<f64> {
        if (0.0..=1.0).contains(&q) {
            Ok(self.quantile(q))
        } else {
            Err(Error::invalid_argument(
                "q",
                format!("a percentile is a fraction in [0, 1] (0.9 for p90), got {q}"),
            ))
        }
    }
}

fn km_median(sorted_done: &[f64], open: &[f64]) -> Option<f64> {
    let mut censored = open.to_vec();
    censored.sort_by(f64::total_cmp);
    let mut at_risk = (sorted_done.len() + censored.len()) as f64;
    let mut surv = 1.0;
    let (mut i, mut j) = (0, 0);
    while i < sorted_done.len() {
        let t = sorted_done[i];
        // censorings strictly before t leave the risk set first
        while j < censored.len() && censored[j] < t {
            at_risk -= 1.0;
            j += 1;
        }
        let mut d = 0.0;
        while i < sorted_done.len() && sorted_done[i] == t {
            d += 1.0;
            i += 1;
        }
        surv *= 1.0 - d / at_risk;
        if surv <= 0.5 + 1e-12 {
            return Some(t);
        }
        at_risk -= d;
    }
    None
}

fn summary(
    t: &Tickets,
    metric: DurationMetric,
    opts: &DurationOptions<'_>,
) -> Result<DurationSummary> {
    let (mut done, mut open) = (Vec::new(), Vec::new());
    for s in spans(t, metric, opts)? {
        match s {
            Span::Done(x) => done.push(x),
            Span::Open(x) => open.push(x),
        }
    }
    DurationSummary::from_durations(&done, &open, opts.clock.as_str())
}

/// First response time: created → first agent response, summarised.
///
/// # Formula
/// See [`ticket_durations`] and [`DurationSummary::from_durations`].
///
/// # Edge cases
/// Tickets without a response yet are `open` and censored at `as_of`.
///
/// # Errors
/// `empty` when no ticket has a response; `out_of_order` for events after `as_of`.
///
/// # Examples
/// ```
/// use cxmetrics::{first_response_time, DurationOptions, Ticket, Tickets};
/// let t = |s: &str| s.parse::<cxmetrics::jiff::Timestamp>().unwrap();
/// let tickets = Tickets::from_records(&[
///     Ticket { created: t("2026-11-02T09:00:00Z"), first_response: Some(t("2026-11-02T09:10:00Z")), ..Default::default() },
///     Ticket { created: t("2026-11-02T09:00:00Z"), first_response: Some(t("2026-11-02T09:30:00Z")), ..Default::default() },
/// ])?;
/// assert_eq!(first_response_time(&tickets, &DurationOptions::default())?.median, 1200.0);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn first_response_time(
    tickets: &Tickets,
    options: &DurationOptions<'_>,
) -> Result<DurationSummary> {
    summary(tickets, DurationMetric::FirstResponse, options)
}

/// Which resolution: the first solve, or the final one (after reopens).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ResolutionKind {
    /// Created → first solve.
    First,
    /// Created → final solve; tickets reopened and not solved again are open.
    #[default]
    Full,
}

impl ResolutionKind {
    /// Parses `"first"` or `"full"`.
    ///
    /// # Errors
    /// `invalid_argument` for any other string.
    pub fn parse(s: &str) -> Result<ResolutionKind> {
        match s {
            "first" => Ok(ResolutionKind::First),
            "full" => Ok(ResolutionKind::Full),
            other => Err(Error::invalid_argument(
                "kind",
                format!("resolution kind must be \"first\" or \"full\", got {other:?}"),
            )),
        }
    }
}

/// Resolution time (first or full), summarised.
///
/// # Formula
/// See [`ticket_durations`] and [`DurationSummary::from_durations`].
///
/// # Edge cases
/// Full resolution counts a reopened ticket once, from creation to its final solve;
/// reopened and not yet solved again, it is open (censored), never counted twice.
///
/// # Errors
/// `empty` when nothing is resolved; `out_of_order` for events after `as_of`.
///
/// # Examples
/// ```
/// use cxmetrics::{resolution_time, DurationOptions, ResolutionKind, Ticket, Tickets};
/// let t = |s: &str| s.parse::<cxmetrics::jiff::Timestamp>().unwrap();
/// let tickets = Tickets::from_records(&[Ticket {
///     created: t("2026-11-02T09:00:00Z"),
///     solved: vec![t("2026-11-02T10:00:00Z"), t("2026-11-02T12:00:00Z")],
///     reopened: vec![t("2026-11-02T11:00:00Z")],
///     ..Default::default()
/// }])?;
/// let o = DurationOptions::default();
/// assert_eq!(resolution_time(&tickets, ResolutionKind::First, &o)?.median, 3600.0);
/// assert_eq!(resolution_time(&tickets, ResolutionKind::Full, &o)?.median, 3.0 * 3600.0);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn resolution_time(
    tickets: &Tickets,
    kind: ResolutionKind,
    options: &DurationOptions<'_>,
) -> Result<DurationSummary> {
    let metric = match kind {
        ResolutionKind::First => DurationMetric::FirstResolution,
        ResolutionKind::Full => DurationMetric::FullResolution,
    };
    summary(tickets, metric, options)
}

/// Requester wait time: created → final solve minus paused (on-hold / pending) time.
///
/// # Formula
/// See [`ticket_durations`].
///
/// # Edge cases
/// Paused intervals are clipped to the ticket's life; time paused outside business
/// hours is not subtracted twice in business time.
///
/// # Errors
/// `empty` when nothing is resolved; `out_of_order` for events after `as_of`.
///
/// # Examples
/// ```
/// use cxmetrics::{requester_wait_time, DurationOptions, Ticket, Tickets};
/// let t = |s: &str| s.parse::<cxmetrics::jiff::Timestamp>().unwrap();
/// let tickets = Tickets::from_records(&[Ticket {
///     created: t("2026-11-02T09:00:00Z"),
///     solved: vec![t("2026-11-02T12:00:00Z")],
///     paused: vec![(t("2026-11-02T10:00:00Z"), t("2026-11-02T11:00:00Z"))],
///     ..Default::default()
/// }])?;
/// assert_eq!(requester_wait_time(&tickets, &DurationOptions::default())?.median, 7200.0);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn requester_wait_time(
    tickets: &Tickets,
    options: &DurationOptions<'_>,
) -> Result<DurationSummary> {
    summary(tickets, DurationMetric::RequesterWait, options)
}

// ───────────────────────────── FCR ─────────────────────────────

/// Which tickets form the FCR denominator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum FcrDenominator {
    /// Tickets first solved in the period (Freshservice's convention; default).
    #[default]
    Resolved,
    /// Tickets created in the period; those never solved count as failures.
    Created,
}

impl FcrDenominator {
    /// Parses `"resolved"` or `"created"`.
    ///
    /// # Errors
    /// `invalid_argument` for any other string.
    pub fn parse(s: &str) -> Result<FcrDenominator> {
        match s {
            "resolved" => Ok(FcrDenominator::Resolved),
            "created" => Ok(FcrDenominator::Created),
            other => Err(Error::invalid_argument(
                "denominator",
                format!("FCR denominator must be \"resolved\" or \"created\", got {other:?}"),
            )),
        }
    }

    /// The binding spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            FcrDenominator::Resolved => "resolved",
            FcrDenominator::Created => "created",
        }
    }
}

/// The rule that makes a resolution "first contact".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FcrOptions {
    /// At most this many agent replies (default 1: Zendesk's one-touch). `None`: any.
    pub max_agent_replies: Option<u32>,
    /// At most this many customer follow-ups (default `None`: not checked; `Some(0)` is
    /// Freshservice's "no customer interaction after the initial contact").
    pub max_customer_followups: Option<u32>,
    /// `None` (default): any reopen after the first solve disqualifies. `Some(w)`: only a
    /// reopen within `w` seconds (calendar) of the first solve does.
    pub reopen_window: Option<f64>,
    /// Which tickets are counted (default resolved in the period).
    pub denominator: FcrDenominator,
    /// Half-open period `[from, to)` for the denominator; `None`: all tickets.
    pub period: Option<(Timestamp, Timestamp)>,
}

impl Default for FcrOptions {
    fn default() -> Self {
        FcrOptions {
            max_agent_replies: Some(1),
            max_customer_followups: None,
            reopen_window: None,
            denominator: FcrDenominator::Resolved,
            period: None,
        }
    }
}

/// First contact resolution rate.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct FcrResult {
    /// Percent of the denominator resolved on first contact, 0…100.
    pub score: f64,
    /// Tickets resolved on first contact.
    pub count: u64,
    /// Tickets in the denominator.
    pub n: u64,
    /// The denominator used.
    pub denominator: FcrDenominator,
    estimate: Estimate,
}

/// Rate results: `interval`, `margin_of_error`, `estimate`.
macro_rules! rate_inference {
    ($($name:ident),*) => {$(
        impl $name {
            /// The proportion estimate (for intervals and comparisons).
            pub fn estimate(&self) -> Estimate {
                self.estimate
            }

            /// A confidence interval (default Wilson), in percent; see [`Estimate::interval`].
            ///
            /// # Errors
            /// `invalid_argument` for a bad level or a non-proportion method.
            pub fn interval(&self, level: f64, method: Option<IntervalMethod>) -> Result<Interval> {
                self.estimate.interval(level, method)
            }
        }
    )*};
}
rate_inference!(FcrResult, AhtResult);

/// First contact resolution: the share of tickets resolved with one touch and not reopened.
///
/// # Formula
/// ```text
/// FCR = 100 × #{ denominator tickets that were solved ∧ agent_replies ≤ max ∧
///                customer_followups ≤ max ∧ not reopened (within the window) } / #denominator
/// ```
///
/// # Edge cases
/// With `denominator = created`, unsolved tickets count as failures; with `resolved`
/// they are not in the denominator. The two differ whenever backlog changes.
///
/// # Errors
/// `empty` when the denominator is empty; `invalid_argument` for a negative or
/// non-finite reopen window or a period with `to ≤ from`.
///
/// # Examples
/// ```
/// use cxmetrics::{fcr, FcrOptions, Ticket, Tickets};
/// let t = |s: &str| s.parse::<cxmetrics::jiff::Timestamp>().unwrap();
/// let one = Ticket { created: t("2026-11-02T09:00:00Z"), solved: vec![t("2026-11-02T09:20:00Z")], agent_replies: 1, ..Default::default() };
/// let two = Ticket { agent_replies: 3, ..one.clone() };
/// let r = fcr(&Tickets::from_records(&[one, two])?, &FcrOptions::default())?;
/// assert_eq!((r.count, r.n, r.score), (1, 2, 50.0));
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn fcr(tickets: &Tickets, options: &FcrOptions) -> Result<FcrResult> {
    if let Some(w) = options.reopen_window
        && !(w.is_finite() && w >= 0.0)
    {
        return Err(Error::invalid_argument(
            "reopen_window",
            format!("must be a finite number of seconds ≥ 0, got {w}"),
        ));
    }
    if let Some((from, to)) = options.period
        && to <= from
    {
        return Err(Error::invalid_argument(
            "period",
            "the period must end after it starts",
        ));
    }
    let in_period = |x: Option<Timestamp>| match (x, options.period) {
        (None, _) => false,
        (Some(_), None) => true,
        (Some(x), Some((from, to))) => from <= x && x < to,
    };
    let (mut count, mut n) = (0u64, 0u64);
    for i in 0..tickets.len() {
        let counted = match options.denominator {
            FcrDenominator::Resolved => in_period(tickets.first_solved[i]),
            FcrDenominator::Created => in_period(Some(tickets.created[i])),
        };
        if !counted {
            continue;
        }
        n += 1;
        let Some(first) = tickets.first_solved[i] else {
            continue;
        };
        let replies_ok = options
            .max_agent_replies
            .is_none_or(|m| tickets.agent_replies[i] <= m);
        let followups_ok = options
            .max_customer_followups
            .is_none_or(|m| tickets.customer_followups[i] <= m);
        let reopen_ok = match (tickets.first_reopened[i], options.reopen_window) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(r), Some(w)) => (r.as_nanosecond() - first.as_nanosecond()) as f64 / 1e9 > w,
        };
        if replies_ok && followups_ok && reopen_ok {
            count += 1;
        }
    }
    if n == 0 {
        return Err(Error::Empty {
            missing: 0,
            invalid: 0,
        });
    }
    let p = count as f64 / n as f64;
    Ok(FcrResult {
        score: 100.0 * p,
        count,
        n,
        denominator: options.denominator,
        estimate: Estimate::Proportion { p, n: n as f64 },
    })
}

// ───────────────────────────── SLA ─────────────────────────────

/// One row of an SLA report: a priority (or the overall row).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SlaRow {
    /// The priority (`None` for the overall row and for tickets without a priority).
    pub priority: Option<String>,
    /// The target in seconds (`None` on the overall row).
    pub target: Option<f64>,
    /// Completed within the target.
    pub achieved: u64,
    /// Completed late, or still open and already past the target.
    pub breached: u64,
    /// Still open and within the target (not decided yet).
    pub running: u64,
    /// `achieved + breached`.
    pub n: u64,
    /// `100 × achieved / n`; `None` when nothing is decided yet.
    pub score: Option<f64>,
}

impl SlaRow {
    /// The attainment as a proportion estimate (`achieved` of `n`), for intervals and
    /// comparisons.
    ///
    /// # Errors
    /// `empty` when no ticket is decided yet (`n = 0`; the running ones are reported as
    /// missing).
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::{sla, DurationMetric, DurationOptions, Estimate, Ticket, Tickets};
    /// let t = |s: &str| s.parse::<cxmetrics::jiff::Timestamp>().unwrap();
    /// let fast = Ticket { created: t("2026-11-02T09:00:00Z"), first_response: Some(t("2026-11-02T09:30:00Z")), ..Default::default() };
    /// let open = Ticket { first_response: None, priority: Some("low".into()), ..fast.clone() };
    /// let r = sla(&Tickets::from_records(&[fast, open])?, DurationMetric::FirstResponse,
    ///             &[("*".to_owned(), 3600.0)], &DurationOptions::default())?;
    /// assert_eq!(r.rows[1].estimate()?, Estimate::Proportion { p: 1.0, n: 1.0 });
    /// assert_eq!(r.rows[0].estimate().unwrap_err().code(), "empty"); // "low": running only
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn estimate(&self) -> Result<Estimate> {
        if self.n == 0 {
            return Err(Error::Empty {
                missing: self.running,
                invalid: 0,
            });
        }
        Ok(Estimate::Proportion {
            p: self.achieved as f64 / self.n as f64,
            n: self.n as f64,
        })
    }

    /// Wilson (default) or another proportion interval for the attainment, in percent.
    ///
    /// # Errors
    /// `empty` when no ticket is decided; otherwise as [`Estimate::interval`].
    pub fn interval(&self, level: f64, method: Option<IntervalMethod>) -> Result<Interval> {
        self.estimate()?.interval(level, method)
    }

    fn add(&mut self, outcome: SlaOutcome) {
        match outcome {
            SlaOutcome::Achieved => self.achieved += 1,
            SlaOutcome::Breached => self.breached += 1,
            SlaOutcome::Running => self.running += 1,
        }
    }

    fn finish(&mut self) {
        self.n = self.achieved + self.breached;
        self.score = (self.n > 0).then(|| 100.0 * self.achieved as f64 / self.n as f64);
    }
}

#[derive(Clone, Copy)]
enum SlaOutcome {
    Achieved,
    Breached,
    Running,
}

/// An SLA report: one row per priority, an overall row and the untargeted count.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SlaResult {
    /// Rows per priority, sorted by priority (tickets without one last).
    pub rows: Vec<SlaRow>,
    /// All targeted tickets together.
    pub overall: SlaRow,
    /// Tickets whose priority has no target and no `"*"` default.
    pub untargeted: u64,
    /// The metric measured.
    pub metric: DurationMetric,
    /// `"calendar"` or `"business"`.
    pub clock: &'static str,
}

/// SLA attainment per priority: achieved ÷ (achieved + breached).
///
/// `targets` maps a priority to its target in seconds; the key `"*"` is the default
/// for priorities without their own target (and for tickets without a priority).
///
/// # Formula
/// ```text
/// completed: duration ≤ target → achieved, else breached
/// open:      elapsed(as_of) > target → breached, else running (excluded)
/// attainment = 100 × achieved / (achieved + breached)
/// ```
///
/// # Edge cases
/// A target is met when the duration equals it exactly. Business-time targets pause
/// outside the schedule.
///
/// # Errors
/// `invalid_argument` for no targets or a target ≤ 0 / non-finite; `out_of_order` for
/// events after `as_of`.
///
/// # Examples
/// ```
/// use cxmetrics::{sla, DurationMetric, DurationOptions, Ticket, Tickets};
/// let t = |s: &str| s.parse::<cxmetrics::jiff::Timestamp>().unwrap();
/// let fast = Ticket { created: t("2026-11-02T09:00:00Z"), first_response: Some(t("2026-11-02T09:30:00Z")), priority: Some("high".into()), ..Default::default() };
/// let slow = Ticket { first_response: Some(t("2026-11-02T11:00:00Z")), ..fast.clone() };
/// let r = sla(&Tickets::from_records(&[fast, slow])?, DurationMetric::FirstResponse,
///             &[("high".to_owned(), 3600.0)], &DurationOptions::default())?;
/// assert_eq!((r.overall.achieved, r.overall.breached, r.overall.score), (1, 1, Some(50.0)));
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn sla(
    tickets: &Tickets,
    metric: DurationMetric,
    targets: &[(String, f64)],
    options: &DurationOptions<'_>,
) -> Result<SlaResult> {
    if targets.is_empty() {
        return Err(Error::invalid_argument(
            "targets",
            "give at least one target (priority → seconds)",
        ));
    }
    if let Some((k, v)) = targets.iter().find(|(_, v)| !(v.is_finite() && *v > 0.0)) {
        return Err(Error::invalid_argument(
            "targets",
            format!("the target for {k:?} must be a finite number of seconds > 0, got {v}"),
        ));
    }
    let lookup = |p: &Option<String>| -> Option<f64> {
        let own = p
            .as_deref()
            .and_then(|p| targets.iter().find(|(k, _)| k == p).map(|(_, v)| *v));
        own.or_else(|| targets.iter().find(|(k, _)| k == "*").map(|(_, v)| *v))
    };
    let spans = spans(tickets, metric, options)?;
    let mut rows: Vec<SlaRow> = Vec::new();
    let mut overall = SlaRow {
        priority: None,
        target: None,
        achieved: 0,
        breached: 0,
        running: 0,
        n: 0,
        score: None,
    };
    let mut untargeted = 0;
    for (i, span) in spans.iter().enumerate() {
        let pri = &tickets.priority[i];
        let Some(target) = lookup(pri) else {
            untargeted += 1;
            continue;
        };
        let outcome = match *span {
            Span::Done(d) if d <= target => SlaOutcome::Achieved,
            Span::Done(_) => SlaOutcome::Breached,
            Span::Open(e) if e > target => SlaOutcome::Breached,
            Span::Open(_) => SlaOutcome::Running,
        };
        let k = if let Some(k) = rows.iter().position(|r| &r.priority == pri) {
            k
        } else {
            rows.push(SlaRow {
                priority: pri.clone(),
                target: Some(target),
                achieved: 0,
                breached: 0,
                running: 0,
                n: 0,
                score: None,
            });
            rows.len() - 1
        };
        let row = &mut rows[k];
        row.add(outcome);
        overall.add(outcome);
    }
    for r in &mut rows {
        r.finish();
    }
    overall.finish();
    rows.sort_by(|a, b| match (&a.priority, &b.priority) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    Ok(SlaResult {
        rows,
        overall,
        untargeted,
        metric,
        clock: options.clock.as_str(),
    })
}

// ───────────────────────────── AHT ─────────────────────────────

/// Average handle time and its components.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct AhtResult {
    /// Mean handle time (talk + hold + wrap-up), seconds.
    pub score: f64,
    /// Contacts used.
    pub n: u64,
    /// Contacts with a missing (NaN) component, excluded.
    pub missing: u64,
    /// Mean talk time, seconds.
    pub talk: f64,
    /// Mean hold time, seconds.
    pub hold: f64,
    /// Mean wrap-up (after-contact work) time, seconds.
    pub wrap: f64,
    /// Sample standard deviation of handle time (n − 1); `None` for one contact.
    pub std_dev: Option<f64>,
    estimate: Estimate,
}

/// Average handle time: mean of talk + hold + wrap-up per contact (Genesys, LiveAgent).
///
/// # Formula
/// ```text
/// AHT = Σ (talkᵢ + holdᵢ + wrapᵢ) / n       (absent hold / wrap columns count as 0)
/// ```
///
/// # Edge cases
/// A contact with NaN in any given component is missing: counted, excluded.
///
/// # Errors
/// `length_mismatch` for components of different lengths; `invalid_argument` for a
/// negative or infinite component (with its index); `empty` with no complete contact.
///
/// # Examples
/// ```
/// use cxmetrics::handle_time;
/// let r = handle_time(&[300.0, 420.0, f64::NAN], Some(&[60.0, 0.0, 10.0]), Some(&[120.0, 60.0, 30.0]))?;
/// assert_eq!((r.score, r.n, r.missing), (480.0, 2, 1));
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn handle_time(talk: &[f64], hold: Option<&[f64]>, wrap: Option<&[f64]>) -> Result<AhtResult> {
    let n = talk.len();
    for (name, c) in [("hold and talk", hold), ("wrap and talk", wrap)] {
        if let Some(c) = c
            && c.len() != n
        {
            return Err(Error::LengthMismatch {
                what: name,
                left: c.len(),
                right: n,
            });
        }
    }
    let zeros = vec![0.0; n];
    let hold = hold.unwrap_or(&zeros);
    let wrap = wrap.unwrap_or(&zeros);
    let mut sums = [0.0f64; 3];
    let mut totals = Vec::with_capacity(n);
    let mut missing = 0u64;
    for i in 0..n {
        let parts = [talk[i], hold[i], wrap[i]];
        if parts.iter().any(|x| x.is_nan()) {
            missing += 1;
            continue;
        }
        if let Some((k, x)) = parts
            .iter()
            .enumerate()
            .find(|(_, x)| !(x.is_finite() && **x >= 0.0))
        {
            return Err(Error::InvalidArgument {
                name: ["talk", "hold", "wrap"][k].into(),
                message: format!(
                    "{x} at index {i} is not a duration ≥ 0 (use NaN for a missing value)"
                ),
                index: Some(i),
            });
        }
        for k in 0..3 {
            sums[k] += parts[k];
        }
        totals.push(parts.iter().sum::<f64>());
    }
    let used = totals.len();
    if used == 0 {
        return Err(Error::Empty {
            missing,
            invalid: 0,
        });
    }
    let nf = used as f64;
    let mean = totals.iter().sum::<f64>() / nf;
    let sd = (used > 1)
        .then(|| (totals.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (nf - 1.0)).sqrt());
    Ok(AhtResult {
        score: mean,
        n: used as u64,
        missing,
        talk: sums[0] / nf,
        hold: sums[1] / nf,
        wrap: sums[2] / nf,
        std_dev: sd,
        estimate: Estimate::Mean {
            mean,
            sd,
            n: nf,
            min: 0.0,
            max: f64::INFINITY,
            factor: 1.0,
        },
    })
}
