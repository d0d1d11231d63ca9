//! SLA attainment against per-priority targets.

use super::durations::{Span, spans};
use super::{DurationMetric, DurationOptions, Tickets};
use crate::error::{Error, Result};
use crate::stats::{Estimate, Interval, IntervalMethod};

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
