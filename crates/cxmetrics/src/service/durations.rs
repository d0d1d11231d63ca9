//! Durations: first response, resolution and requester wait, with censoring of open tickets.

use jiff::Timestamp;

use super::tickets::union;
use super::{Tickets, out_of_order};
use crate::error::{Error, Result};
use crate::schedule::Schedule;

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
                        what: "the end of a duration is before its start",
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
    /// Created → final solve, minus paused (on-hold / pending) time and solved periods
    /// (solve → reopen): the time the requester waits on the support team.
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

/// A ticket's state for one metric (from [`ticket_spans`]): done after so many
/// seconds, or still open with so many seconds elapsed at `as_of`.
///
/// The open ones are what [`DurationSummary::from_durations`] censors, so the spans of
/// tickets computed apart (in separate processes, against the same `as_of`) rebuild the
/// summary of all of them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TicketSpan {
    /// The event happened: the duration, seconds on the clock.
    Done(f64),
    /// Not yet: the time elapsed from creation to `as_of`, seconds on the clock
    /// (requester wait: less the time not waiting).
    Open(f64),
}

pub(super) use TicketSpan as Span;

fn end_of(t: &Tickets, i: usize, metric: DurationMetric) -> Option<Timestamp> {
    match metric {
        DurationMetric::FirstResponse => t.first_response[i],
        DurationMetric::FirstResolution => t.first_solved[i],
        DurationMetric::FullResolution | DurationMetric::RequesterWait => t.final_solved[i],
    }
}

/// Clock seconds of `[from, to)` in which the requester is not waiting: the union of
/// the ticket's paused intervals and its solved periods, clipped to `[from, to)`.
fn not_waiting_seconds(
    clock: Clock<'_>,
    paused: &[(Timestamp, Timestamp)],
    solved: &[(Timestamp, Timestamp)],
    from: Timestamp,
    to: Timestamp,
) -> Result<f64> {
    let mut clipped: Vec<(Timestamp, Timestamp)> = paused
        .iter()
        .chain(solved)
        .map(|&(a, b)| (a.max(from), b.min(to)))
        .filter(|&(a, b)| b > a)
        .collect();
    clipped.sort_unstable();
    let mut s = 0.0;
    for (a, b) in union(&clipped) {
        s += clock.seconds(a, b)?;
    }
    Ok(s)
}

pub(super) fn spans(
    t: &Tickets,
    metric: DurationMetric,
    opts: &DurationOptions<'_>,
) -> Result<Vec<Span>> {
    let as_of = opts.as_of.or(t.latest);
    let mut out = Vec::with_capacity(t.len());
    if let Some(a) = as_of
        && let Some(i) = t.ticket_latest.iter().position(|&l| l > a)
    {
        return Err(out_of_order(
            "an event is after the as-of instant (the observation time must be at or after every event)",
            i,
        ));
    }
    for i in 0..t.len() {
        let created = t.created[i];
        let end = end_of(t, i, metric);
        let stop = match (end, as_of) {
            (Some(e), _) => e,
            (None, Some(a)) => {
                if a < created {
                    return Err(out_of_order(
                        "the ticket was created after the as-of instant",
                        i,
                    ));
                }
                a
            }
            (None, None) => created,
        };
        let mut secs = opts.clock.seconds(created, stop)?;
        if metric == DurationMetric::RequesterWait {
            let excluded = not_waiting_seconds(
                opts.clock,
                &t.paused[i],
                &t.solved_periods[i],
                created,
                stop,
            )?;
            secs = (secs - excluded).max(0.0);
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
/// requester_wait   = full_resolution − clock((⋃ paused ∪ ⋃ [solveᵢ, reopenᵢ)) ∩ [created, final_solved))
/// ```
///
/// # Edge cases
/// A ticket created and answered outside business hours has business duration 0.
/// Requester wait counts only the time the ticket waits on the support team (Zendesk's
/// "requester wait time": New, Open and On-hold, neither Pending nor Solved): overlapping
/// pauses count once, and a solved period before a reopen is left out.
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

/// Per-ticket spans: the duration of a ticket that is done, and the elapsed time so far
/// (censored at `as_of`) of one that is still open — what the summaries
/// ([`first_response_time`], [`resolution_time`], [`requester_wait_time`]) are built from.
///
/// For computing a summary in pieces: the spans of several batches of tickets, computed
/// against one and the same `as_of` (the default `as_of` of each batch is its own latest
/// instant, so pass the latest instant of all of them, [`Tickets::latest`]), split into
/// done and open and passed to [`DurationSummary::from_durations`], give the summary of
/// all the tickets at once, bit for bit (the summary sorts its inputs).
///
/// # Formula
/// As [`ticket_durations`]; an open ticket's span is the same formula with `as_of` for
/// the missing event.
///
/// # Edge cases
/// An open ticket's requester wait leaves out the paused and solved periods up to
/// `as_of`; a span is never negative.
///
/// # Errors
/// `out_of_order` (with the ticket's index) for an event after `as_of` or a ticket
/// created after it.
///
/// # Examples
/// ```
/// use cxmetrics::{ticket_spans, DurationMetric, DurationOptions, DurationSummary, Ticket, TicketSpan, Tickets};
/// let t = |s: &str| s.parse::<cxmetrics::jiff::Timestamp>().unwrap();
/// let tickets = Tickets::from_records(&[
///     Ticket { created: t("2026-11-02T09:00:00Z"), first_response: Some(t("2026-11-02T09:30:00Z")), ..Default::default() },
///     Ticket { created: t("2026-11-02T09:00:00Z"), ..Default::default() },
/// ])?;
/// let o = DurationOptions { as_of: Some(t("2026-11-02T10:00:00Z")), ..Default::default() };
/// let spans = ticket_spans(&tickets, DurationMetric::FirstResponse, &o)?;
/// assert_eq!(spans, [TicketSpan::Done(1800.0), TicketSpan::Open(3600.0)]);
/// let s = DurationSummary::from_durations(&[1800.0], &[3600.0], "calendar")?;
/// assert_eq!(s, cxmetrics::first_response_time(&tickets, &o)?);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn ticket_spans(
    tickets: &Tickets,
    metric: DurationMetric,
    options: &DurationOptions<'_>,
) -> Result<Vec<TicketSpan>> {
    spans(tickets, metric, options)
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

/// Requester wait time: created → final solve minus paused (on-hold / pending) time and
/// the periods the ticket sat solved before a reopen.
///
/// The definition follows Zendesk's "requester wait time" (time in the New, Open and
/// On-hold statuses; not Pending, not Solved): the time the requester waits on the
/// support team.
///
/// # Formula
/// ```text
/// not_waiting    = (⋃ paused ∪ ⋃ [solveᵢ, reopenᵢ)) ∩ [created, end)
/// requester_wait = clock(created, end) − clock(not_waiting)
/// ```
/// `end` is the final solve (or `as_of` while open); `[solveᵢ, reopenᵢ)` runs from the
/// solve that a reopen follows (the first since the previous reopen) to the reopen.
/// The union is measured once on the clock, so overlapping pauses, or a pause inside a
/// solved period, are not subtracted twice.
///
/// # Edge cases
/// Paused intervals are clipped to the ticket's life; time paused outside business
/// hours is not subtracted twice in business time. Tickets given as columns carry one
/// solved period, `[first_solved, first_reopened)` (see [`TicketColumns`](super::TicketColumns)).
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
/// // created 10:00, solved the next day 15:00, reopened four days later, solved 2 h later:
/// // the four days it sat solved do not count (29 h + 2 h)
/// let reopened = Tickets::from_records(&[Ticket {
///     created: t("2026-11-02T10:00:00Z"),
///     solved: vec![t("2026-11-03T15:00:00Z"), t("2026-11-07T17:00:00Z")],
///     reopened: vec![t("2026-11-07T15:00:00Z")],
///     ..Default::default()
/// }])?;
/// assert_eq!(requester_wait_time(&reopened, &DurationOptions::default())?.median, 31.0 * 3600.0);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn requester_wait_time(
    tickets: &Tickets,
    options: &DurationOptions<'_>,
) -> Result<DurationSummary> {
    summary(tickets, DurationMetric::RequesterWait, options)
}
