//! First contact resolution (FCR).

use jiff::Timestamp;

use super::Tickets;
use crate::error::{Error, Result};
use crate::stats::{Estimate, Interval, IntervalMethod};

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

rate_inference!(FcrResult);
