//! Lifecycle metrics, where CX meets revenue: conversion, churn, retention and
//! lifetime value, each with an explicit definition.
//!
//! | function | formula |
//! |---|---|
//! | [`conversion_rate`] | `100 × conversions / interactions` (a proportion: it has intervals) |
//! | [`churn_rate`] | `100 × churned / denominator` ([`ChurnDenominator`]), optionally annualised ([`Annualize`]) |
//! | [`retention_rate`] | `100 × (end − new) / start` |
//! | [`revenue_retention`] | NRR `100 × (start + expansion − contraction − churned) / start`, GRR without expansion |
//! | [`clv_from_churn`] | `arpu × margin / (churn / 100)` |
//! | [`clv_from_retention`] | `arpu / (1 − retention / 100)` |
//!
//! Counts must be finite and ≥ 0; an infinite lifetime (churn 0, retention 100 %) is
//! refused rather than reported as ∞, and so is any result that would exceed the
//! largest double (`f64::MAX`, about 1.8e308) from finite inputs: every function returns
//! a finite number or an error.
//!
//! ```
//! use cxmetrics::lifecycle::{churn_rate, Annualize, ChurnDenominator};
//! let d = ChurnDenominator::from_name(Some("up_for_renewal"), Some(200.0), None)?;
//! let m = churn_rate(30.0, 1000.0, d, None, Annualize::Compound)?;
//! assert_eq!(m.score, 15.0);
//! # Ok::<(), cxmetrics::Error>(())
//! ```

use crate::error::{Error, Result};
use crate::stats::{Estimate, Interval, IntervalMethod};

/// A base (interactions, customers, revenue) of zero: nothing to compute a ratio of.
const EMPTY_BASE: Error = Error::Empty {
    missing: 0,
    invalid: 0,
};

fn count_ok(name: &'static str, v: f64) -> Result<f64> {
    if v.is_finite() && v >= 0.0 {
        Ok(v)
    } else {
        Err(Error::invalid_argument(
            name,
            format!("must be a finite count ≥ 0, got {v}"),
        ))
    }
}

fn money(name: &'static str, v: f64) -> Result<f64> {
    if v.is_finite() && v >= 0.0 {
        Ok(v)
    } else {
        Err(Error::invalid_argument(
            name,
            format!("must be a finite amount ≥ 0, got {v}"),
        ))
    }
}

/// A rate (percent) with its counts; a proportion, so it has intervals.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct RateResult {
    /// The rate in percent, 0…100.
    pub score: f64,
    /// Numerator (conversions, churned customers, …).
    pub count: f64,
    /// Denominator.
    pub n: f64,
    estimate: Estimate,
}

impl RateResult {
    fn new(count: f64, n: f64) -> RateResult {
        let p = count / n;
        RateResult {
            score: 100.0 * p,
            count,
            n,
            estimate: Estimate::Proportion { p, n },
        }
    }

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

/// Conversion rate: conversions ÷ interactions × 100.
///
/// The denominator (sessions, visitors, contacts, trials) is the caller's choice and
/// should be stated next to the number.
///
/// # Formula
/// ```text
/// conversion = 100 × conversions / interactions
/// ```
///
/// # Edge cases
/// 0 conversions is 0 %, not an error.
///
/// # Errors
/// `empty` when `interactions = 0`; `invalid_argument` for negative or non-finite
/// counts, or more conversions than interactions.
///
/// # Examples
/// ```
/// let r = cxmetrics::conversion_rate(45.0, 1500.0)?;
/// assert_eq!(r.score, 3.0);
/// let ci = r.interval(0.95, None)?;           // Wilson
/// assert!(ci.lower > 2.2 && ci.upper < 4.0);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn conversion_rate(conversions: f64, interactions: f64) -> Result<RateResult> {
    let c = count_ok("conversions", conversions)?;
    let n = count_ok("interactions", interactions)?;
    if n == 0.0 {
        return Err(EMPTY_BASE);
    }
    if c > n {
        return Err(Error::invalid_argument(
            "conversions",
            format!("{c} conversions out of {n} interactions; a conversion needs an interaction"),
        ));
    }
    Ok(RateResult::new(c, n))
}

/// The denominator of a churn rate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ChurnDenominator {
    /// Customers at the start of the period (default; new customers of the period are
    /// not in it, so they cannot dilute the rate).
    StartOfPeriod,
    /// Customers whose contract was up for renewal in the period (Displayr): the
    /// right base for annual contracts.
    UpForRenewal(f64),
    /// The average of start and end customers (common in finance dashboards).
    Average {
        /// Customers at the end of the period.
        end: f64,
    },
}

impl ChurnDenominator {
    /// The denominator chosen by name — `"start"` (also when `name` is `None`),
    /// `"up_for_renewal"` or `"average"` — with the count it needs: the one place where
    /// the bindings' `denominator` option is read.
    ///
    /// # Errors
    /// `invalid_argument` named `denominator` for an unknown name; named after the count
    /// for a count given to a denominator that does not use it (it would be ignored) and
    /// for a denominator without its count.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::ChurnDenominator;
    /// assert_eq!(ChurnDenominator::from_name(None, None, None)?, ChurnDenominator::StartOfPeriod);
    /// assert_eq!(
    ///     ChurnDenominator::from_name(Some("average"), None, Some(900.0))?,
    ///     ChurnDenominator::Average { end: 900.0 }
    /// );
    /// let e = ChurnDenominator::from_name(Some("start"), None, Some(900.0)).unwrap_err();
    /// assert_eq!(e.to_string(), "invalid argument `end`: only used with denominator \"average\", not \"start\"");
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn from_name(
        name: Option<&str>,
        up_for_renewal: Option<f64>,
        end: Option<f64>,
    ) -> Result<ChurnDenominator> {
        let kind = name.unwrap_or("start");
        if !matches!(kind, "start" | "up_for_renewal" | "average") {
            return Err(Error::invalid_argument(
                "denominator",
                format!("expected \"start\", \"up_for_renewal\" or \"average\", got {kind:?}"),
            ));
        }
        for (count, given, used_by) in [
            ("up_for_renewal", up_for_renewal.is_some(), "up_for_renewal"),
            ("end", end.is_some(), "average"),
        ] {
            if given && kind != used_by {
                return Err(Error::invalid_argument(
                    count,
                    format!("only used with denominator {used_by:?}, not {kind:?}"),
                ));
            }
        }
        let needs = |count: &'static str, what: &str| {
            Error::invalid_argument(
                count,
                format!("denominator {kind:?} needs this count ({what})"),
            )
        };
        Ok(match kind {
            "up_for_renewal" => ChurnDenominator::UpForRenewal(
                up_for_renewal
                    .ok_or_else(|| needs("up_for_renewal", "customers up for renewal"))?,
            ),
            "average" => ChurnDenominator::Average {
                end: end.ok_or_else(|| needs("end", "customers at the end of the period"))?,
            },
            _ => ChurnDenominator::StartOfPeriod,
        })
    }
}

/// How a per-period churn rate is annualised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Annualize {
    /// `1 − (1 − m)^k` for k periods a year (default): churn compounds.
    #[default]
    Compound,
    /// `m × k`: overstates annual churn (12 × 10 % = 120 %).
    Simple,
}

impl Annualize {
    /// Parses `"compound"` or `"simple"`.
    ///
    /// # Errors
    /// `invalid_argument` for any other string.
    pub fn parse(s: &str) -> Result<Annualize> {
        match s {
            "compound" => Ok(Annualize::Compound),
            "simple" => Ok(Annualize::Simple),
            other => Err(Error::invalid_argument(
                "annualize",
                format!("expected \"compound\" or \"simple\", got {other:?}"),
            )),
        }
    }
}

/// A churn rate for one period and, if asked, annualised.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct ChurnResult {
    /// Churn in the period, percent.
    pub score: f64,
    /// The annualised churn, percent (when `periods_per_year` was given).
    pub annualized: Option<f64>,
    /// Customers lost.
    pub churned: f64,
    /// The denominator used.
    pub n: f64,
    estimate: Estimate,
}

impl ChurnResult {
    /// The proportion estimate.
    pub fn estimate(&self) -> Estimate {
        self.estimate
    }

    /// A confidence interval (default Wilson) for the period's churn, in percent.
    ///
    /// # Errors
    /// As [`Estimate::interval`].
    pub fn interval(&self, level: f64, method: Option<IntervalMethod>) -> Result<Interval> {
        self.estimate.interval(level, method)
    }
}

/// Customer churn rate for a period, with an explicit denominator.
///
/// # Formula
/// ```text
/// churn      = 100 × churned / denominator
///              denominator = start (default) | up for renewal | (start + end) / 2
/// annualized = 100 × (1 − (1 − churn/100)^k)     compound (default)
///            = churn × k                           simple
/// ```
///
/// # Edge cases
/// Customers who join and leave in the same period are not in the start-of-period
/// base; count them in `churned` only if your definition says so.
///
/// # Errors
/// `empty` for a zero denominator; `invalid_argument` for negative / non-finite
/// counts, more churned than the denominator, or `periods_per_year ≤ 0`; (argument
/// `periods_per_year`) when the simple annualised rate would exceed `f64::MAX`.
///
/// # Examples
/// ```
/// use cxmetrics::{churn_rate, Annualize, ChurnDenominator};
/// let m = churn_rate(50.0, 1000.0, ChurnDenominator::StartOfPeriod, Some(12.0), Annualize::Compound)?;
/// assert_eq!(m.score, 5.0);
/// assert!((m.annualized.unwrap() - 45.96).abs() < 0.01);   // not 60 %
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn churn_rate(
    churned: f64,
    start: f64,
    denominator: ChurnDenominator,
    periods_per_year: Option<f64>,
    annualize: Annualize,
) -> Result<ChurnResult> {
    let c = count_ok("churned", churned)?;
    let start = count_ok("start", start)?;
    let n = match denominator {
        ChurnDenominator::StartOfPeriod => start,
        ChurnDenominator::UpForRenewal(r) => count_ok("up_for_renewal", r)?,
        ChurnDenominator::Average { end } => f64::midpoint(start, count_ok("end", end)?),
    };
    if n == 0.0 {
        return Err(EMPTY_BASE);
    }
    if c > n {
        return Err(Error::invalid_argument(
            "churned",
            format!("{c} churned of a base of {n}; churn cannot exceed 100 %"),
        ));
    }
    let m = c / n;
    let annualized = match periods_per_year {
        None => None,
        Some(k) if k.is_finite() && k > 0.0 => {
            let yearly = 100.0
                * match annualize {
                    Annualize::Compound => 1.0 - (1.0 - m).powf(k),
                    Annualize::Simple => m * k,
                };
            if !yearly.is_finite() {
                return Err(Error::beyond_double(
                    "periods_per_year",
                    "the annualised churn",
                ));
            }
            Some(yearly)
        }
        Some(k) => {
            return Err(Error::invalid_argument(
                "periods_per_year",
                format!("must be a finite number > 0 (12 for monthly churn), got {k}"),
            ));
        }
    };
    Ok(ChurnResult {
        score: 100.0 * m,
        annualized,
        churned: c,
        n,
        estimate: Estimate::Proportion { p: m, n },
    })
}

/// Customer retention rate: `(end − new) ÷ start × 100`.
///
/// # Formula
/// ```text
/// retention = 100 × (customers_end − new_customers) / customers_start
/// ```
///
/// # Edge cases
/// Reactivated customers count as retained only if they are not in `new`.
///
/// # Errors
/// `empty` when `start = 0`; `invalid_argument` for negative / non-finite counts,
/// `new > end`, or more retained than at the start.
///
/// # Examples
/// ```
/// let r = cxmetrics::retention_rate(1000.0, 1030.0, 80.0)?;
/// assert_eq!(r.score, 95.0);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn retention_rate(start: f64, end: f64, new: f64) -> Result<RateResult> {
    let s = count_ok("start", start)?;
    let e = count_ok("end", end)?;
    let nw = count_ok("new", new)?;
    if s == 0.0 {
        return Err(EMPTY_BASE);
    }
    if nw > e {
        return Err(Error::invalid_argument(
            "new",
            format!("{nw} new customers but only {e} at the end of the period"),
        ));
    }
    let retained = e - nw;
    if retained > s {
        return Err(Error::invalid_argument(
            "end",
            format!(
                "{retained} retained customers (end − new) exceed the {s} at the start; are all new customers counted in `new`?"
            ),
        ));
    }
    Ok(RateResult::new(retained, s))
}

/// Net and gross revenue retention of a cohort over a period.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct RevenueRetentionResult {
    /// Net revenue retention (NRR), percent: may exceed 100 when expansion outweighs
    /// what was lost.
    pub score: f64,
    /// Gross revenue retention (GRR), percent: expansion never counts, so 0…100.
    pub gross: f64,
    /// Recurring revenue of the cohort at the start of the period.
    pub start: f64,
    /// Revenue the cohort added (upgrades, add-ons).
    pub expansion: f64,
    /// Revenue the cohort's remaining customers gave up (downgrades).
    pub contraction: f64,
    /// Revenue of the customers who left.
    pub churned: f64,
}

/// Net and gross revenue retention (NRR / GRR) of the customers present at the start
/// of a period — the revenue-weighted counterpart of [`retention_rate`].
///
/// # Formula
/// ```text
/// NRR = 100 × (start + expansion − contraction − churned) / start
/// GRR = 100 × (start − contraction − churned) / start
/// ```
/// `start` is the recurring revenue (e.g. MRR) of the cohort at the start of the
/// period; `expansion`, `contraction` and `churned` are that cohort's changes during it.
///
/// # Edge cases
/// - Revenue from customers who were not in the cohort at the start (new or
///   reactivated customers) is in no term: retention measures the starting cohort only.
/// - NRR above 100 % is normal for expanding accounts; GRR never exceeds 100 %.
///
/// # Errors
/// `invalid_argument` for a negative or non-finite amount (named after it), or when
/// `contraction + churned` exceeds `start` (named `churned`); `empty` when
/// `start = 0` (retention of nothing is undefined); `invalid_argument` (argument
/// `expansion`) when NRR itself exceeds `f64::MAX` (never ∞; GRR is at most 100).
///
/// # Examples
/// ```
/// let r = cxmetrics::revenue_retention(100_000.0, 15_000.0, 3_000.0, 7_000.0)?;
/// assert_eq!((r.score, r.gross), (105.0, 90.0));
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn revenue_retention(
    start: f64,
    expansion: f64,
    contraction: f64,
    churned: f64,
) -> Result<RevenueRetentionResult> {
    let s = money("start", start)?;
    let x = money("expansion", expansion)?;
    let c = money("contraction", contraction)?;
    let ch = money("churned", churned)?;
    if s == 0.0 {
        return Err(EMPTY_BASE);
    }
    let lost = c + ch;
    if lost > s {
        return Err(Error::invalid_argument(
            "churned",
            format!(
                "contraction {c} + churned {ch} exceed the starting revenue {s}; the starting cohort cannot lose more than it brought"
            ),
        ));
    }
    // 100 × start and start + expansion overflow near f64::MAX: then shares first
    let gross = match 100.0 * (s - lost) / s {
        g if g.is_finite() => g,
        _ => 100.0 * ((s - lost) / s),
    };
    let net = match 100.0 * (s + x - lost) / s {
        v if v.is_finite() => v,
        _ => 100.0 * ((s - lost) / s + x / s),
    };
    if !net.is_finite() {
        return Err(Error::beyond_double("expansion", "net revenue retention"));
    }
    Ok(RevenueRetentionResult {
        score: net,
        gross,
        start: s,
        expansion: x,
        contraction: c,
        churned: ch,
    })
}

/// Customer lifetime value from churn: ARPU × gross margin ÷ churn.
///
/// # Formula
/// ```text
/// CLV = arpu × margin / (churn/100)        lifetime = 1 / churn periods
/// ```
/// `arpu` per period, `margin` as a fraction (0.7 for 70 %), `churn` in percent per
/// the same period.
///
/// # Edge cases
/// A margin of 1 gives revenue lifetime value.
///
/// # Errors
/// `invalid_argument` for churn = 0 (an infinite lifetime: the simple model does not
/// apply), churn outside (0, 100], margin outside [0, 1], or a negative ARPU; (argument
/// `churn`) when the value exceeds `f64::MAX` (a tiny churn with a huge ARPU), never ∞.
///
/// # Examples
/// ```
/// let v = cxmetrics::clv_from_churn(50.0, 0.8, 4.0)?;
/// assert_eq!(v, 1000.0);
/// assert_eq!(cxmetrics::clv_from_churn(50.0, 0.8, 0.0).unwrap_err().code(), "invalid_argument");
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn clv_from_churn(arpu: f64, margin: f64, churn: f64) -> Result<f64> {
    let arpu = money("arpu", arpu)?;
    if !(margin.is_finite() && (0.0..=1.0).contains(&margin)) {
        return Err(Error::invalid_argument(
            "margin",
            format!("the gross margin is a fraction in [0, 1] (0.7 for 70 %), got {margin}"),
        ));
    }
    if churn == 0.0 {
        return Err(Error::invalid_argument(
            "churn",
            "churn of 0 means an infinite expected lifetime; the ARPU ÷ churn model does not apply",
        ));
    }
    if !(churn.is_finite() && churn > 0.0 && churn <= 100.0) {
        return Err(Error::invalid_argument(
            "churn",
            format!("churn is a percentage in (0, 100], got {churn}"),
        ));
    }
    // churn / 100 loses digits (or underflows to 0) for a subnormal churn
    let v = if churn / 100.0 >= f64::MIN_POSITIVE {
        arpu * margin / (churn / 100.0)
    } else {
        100.0 * (arpu * margin / churn)
    };
    finite_clv(v, "churn")
}

/// Customer lifetime value from retention: ARPU ÷ (1 − retention) (ProfitWell).
///
/// # Formula
/// ```text
/// CLV = arpu / (1 − retention/100)
/// ```
///
/// # Edge cases
/// Equal to [`clv_from_churn`] with margin 1 and churn = 100 − retention.
///
/// # Errors
/// `invalid_argument` for retention = 100 (infinite lifetime), retention outside
/// [0, 100), or a negative ARPU; (argument `retention`) when the value exceeds
/// `f64::MAX`, never ∞.
///
/// # Examples
/// ```
/// assert!((cxmetrics::clv_from_retention(50.0, 96.0)? - 1250.0).abs() < 1e-9);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn clv_from_retention(arpu: f64, retention: f64) -> Result<f64> {
    let arpu = money("arpu", arpu)?;
    if retention == 100.0 {
        return Err(Error::invalid_argument(
            "retention",
            "retention of 100 % means an infinite expected lifetime; the model does not apply",
        ));
    }
    if !(retention.is_finite() && (0.0..100.0).contains(&retention)) {
        return Err(Error::invalid_argument(
            "retention",
            format!("retention is a percentage in [0, 100), got {retention}"),
        ));
    }
    // 100 − retention is exact for retention ≥ 50 (Sterbenz), where 1 − retention/100
    // would cancel digits (and reach 0 just below 100)
    finite_clv(arpu / ((100.0 - retention) / 100.0), "retention")
}

/// The lifetime value, or `invalid_argument` naming `name` when it exceeds `f64::MAX`
/// (an ARPU near the largest double with a long lifetime, or a vanishing churn).
fn finite_clv(v: f64, name: &'static str) -> Result<f64> {
    if v.is_finite() {
        Ok(v)
    } else {
        Err(Error::beyond_double(name, "the lifetime value"))
    }
}
