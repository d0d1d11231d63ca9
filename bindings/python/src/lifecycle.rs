//! Customer lifecycle (issue 5): conversion, churn, retention and lifetime value.
//!
//! Arguments are converted and mapped onto the core's options; every formula and every
//! check of a value's domain is the core's ([`cxmetrics::churn_rate`], …).

use cxmetrics::{Annualize, ChurnDenominator};
use pyo3::prelude::*;

use crate::convert::{by_name, extract_f64, extract_str};
use crate::errors::core_err;

result_class! {
    /// A rate in percent with its counts (returned by :func:`conversion_rate` and
    /// :func:`retention_rate`); a proportion, so it has Wilson intervals.
    ///
    /// >>> import cxmetrics as cx
    /// >>> r = cx.conversion_rate(45, 1500)
    /// >>> r.score, r.count, r.n
    /// (3.0, 45.0, 1500.0)
    /// >>> lo, hi = r.interval()
    /// >>> round(lo, 2), round(hi, 2)
    /// (2.25, 3.99)
    PyRateResult(cxmetrics::RateResult) as "RateResult" [inference] <show> {
        /// The rate in percent, 0…100.
        score: f64 = |r| r.score;
        /// The numerator (conversions, retained customers).
        count: f64 = |r| r.count;
        /// The denominator (interactions, customers at the start).
        n: f64 = |r| r.n;
    }
}

result_class! {
    /// A churn rate for one period and, when asked, annualised (returned by
    /// :func:`churn_rate`).
    ///
    /// >>> import cxmetrics as cx
    /// >>> r = cx.churn_rate(50, 1000, periods_per_year=12)
    /// >>> r.score, round(r.annualized, 2), r.churned, r.n
    /// (5.0, 45.96, 50.0, 1000.0)
    PyChurnResult(cxmetrics::ChurnResult) as "ChurnResult" [inference] <show> {
        /// Churn in the period, percent.
        score: f64 = |r| r.score;
        /// The annualised churn in percent (``None`` without ``periods_per_year``).
        annualized: Option<f64> = |r| r.annualized;
        /// Customers lost.
        churned: f64 = |r| r.churned;
        /// The denominator used (start, up for renewal, or the average of start and end).
        n: f64 = |r| r.n;
    }
}

result_class! {
    /// Net and gross revenue retention of the customers present at the start of a period
    /// (returned by :func:`revenue_retention`). A ratio of amounts, not a proportion, so
    /// it has no interval.
    ///
    /// >>> import cxmetrics as cx
    /// >>> r = cx.revenue_retention(100_000, expansion=15_000, contraction=3_000, churned=7_000)
    /// >>> r.score, r.gross
    /// (105.0, 90.0)
    PyRevenueRetentionResult(cxmetrics::RevenueRetentionResult) as "RevenueRetentionResult" {
        /// Net revenue retention (NRR) in percent; above 100 when expansion outweighs the
        /// losses.
        score: f64 = |r| r.score;
        /// Gross revenue retention (GRR) in percent, 0…100: expansion never counts.
        gross: f64 = |r| r.gross;
        /// Recurring revenue of the cohort at the start of the period.
        start: f64 = |r| r.start;
        /// Revenue the cohort added (upgrades, add-ons).
        expansion: f64 = |r| r.expansion;
        /// Revenue the cohort's remaining customers gave up (downgrades).
        contraction: f64 = |r| r.contraction;
        /// Revenue of the customers who left.
        churned: f64 = |r| r.churned;
    }
}

/// Conversion rate: conversions ÷ interactions × 100, in percent.
///
/// The denominator (sessions, visitors, contacts, trials) is your choice; state it next to
/// the number.
///
/// Formula: ``conversion = 100 × conversions / interactions``.
///
/// Edge cases: 0 conversions is 0 %, not an error. Counts may be non-integer (weighted).
///
/// Args:
///     conversions: the number of conversions (>= 0).
///     interactions: the number of interactions (> 0).
///
/// Returns:
///     RateResult (with ``interval()`` and ``margin_of_error()``, Wilson by default)
///
/// Raises:
///     CxMetricsError: ``empty`` when ``interactions == 0``; ``invalid_argument`` for a
///         negative or non-finite count, or more conversions than interactions.
///     TypeError: for a count that is not a number.
///
/// >>> import cxmetrics as cx
/// >>> cx.conversion_rate(45, 1500).score
/// 3.0
#[pyfunction]
fn conversion_rate(
    conversions: &Bound<'_, PyAny>,
    interactions: &Bound<'_, PyAny>,
) -> PyResult<PyRateResult> {
    cxmetrics::conversion_rate(
        extract_f64(conversions, "conversions")?,
        extract_f64(interactions, "interactions")?,
    )
    .map(PyRateResult)
    .map_err(core_err)
}

/// Customer churn rate for a period, in percent, with an explicit denominator.
///
/// Formula: ``churn = 100 × churned / base``, base = customers at the start (default),
/// customers up for renewal, or the average of start and end; annualised
/// ``100 × (1 − (1 − churn/100)^k)`` (``"compound"``, default) or ``churn × k``
/// (``"simple"``, which overstates: 12 × 10 % = 120 %).
///
/// Edge cases: customers who join and leave within the period are not in the start
/// base; count them in ``churned`` only if your definition says so. ``annualize`` is used
/// only with ``periods_per_year``.
///
/// Args:
///     churned: customers lost in the period (>= 0).
///     start: customers at the start of the period (>= 0).
///     denominator: ``"start"`` (default), ``"up_for_renewal"`` (give ``up_for_renewal``)
///         or ``"average"`` (give ``end``).
///     up_for_renewal: customers whose contract was up for renewal in the period.
///     end: customers at the end of the period.
///     periods_per_year: periods in a year (12 for monthly churn) to annualise.
///     annualize: ``"compound"`` (default) or ``"simple"``.
///
/// Returns:
///     ChurnResult
///
/// Raises:
///     CxMetricsError: ``empty`` for a zero base; ``invalid_argument`` for a negative or
///         non-finite count, more churned than the base, ``periods_per_year <= 0``, an
///         unknown denominator or annualisation, a denominator without its count, or a
///         count given for another denominator.
///     TypeError: for a value that is not a number.
///
/// >>> import cxmetrics as cx
/// >>> m = cx.churn_rate(100, 1000, periods_per_year=12)
/// >>> m.score, round(m.annualized, 2)           # compound: 1 − 0.9¹², not 12 × 10 %
/// (10.0, 71.76)
/// >>> round(cx.churn_rate(100, 1000, periods_per_year=12, annualize="simple").annualized, 9)
/// 120.0
/// >>> cx.churn_rate(30, 1000, denominator="up_for_renewal", up_for_renewal=200).score
/// 15.0
#[pyfunction]
#[pyo3(
    signature = (churned, start, *, denominator = None, up_for_renewal = None, end = None, periods_per_year = None, annualize = None),
    text_signature = "(churned, start, *, denominator='start', up_for_renewal=None, end=None, periods_per_year=None, annualize='compound')"
)]
fn churn_rate(
    churned: &Bound<'_, PyAny>,
    start: &Bound<'_, PyAny>,
    denominator: Option<&Bound<'_, PyAny>>,
    up_for_renewal: Option<&Bound<'_, PyAny>>,
    end: Option<&Bound<'_, PyAny>>,
    periods_per_year: Option<&Bound<'_, PyAny>>,
    annualize: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyChurnResult> {
    let churned = extract_f64(churned, "churned")?;
    let start = extract_f64(start, "start")?;
    let kind = denominator
        .map(|d| extract_str(d, "denominator"))
        .transpose()?;
    let renewal = up_for_renewal
        .map(|v| extract_f64(v, "up_for_renewal"))
        .transpose()?;
    let end = end.map(|v| extract_f64(v, "end")).transpose()?;
    // the names, the refusals (a count for another denominator) and the default are the core's
    let denominator =
        ChurnDenominator::from_name(kind.as_deref(), renewal, end).map_err(core_err)?;
    let annualize = by_name(annualize, "annualize", Annualize::parse)?.unwrap_or_default();
    let periods = periods_per_year
        .filter(|p| !p.is_none())
        .map(|p| extract_f64(p, "periods_per_year"))
        .transpose()?;
    cxmetrics::churn_rate(churned, start, denominator, periods, annualize)
        .map(PyChurnResult)
        .map_err(core_err)
}

/// Customer retention rate: ``(end − new) ÷ start × 100``, in percent.
///
/// Formula: ``retention = 100 × (customers_end − new_customers) / customers_start``.
///
/// Edge cases: reactivated customers count as retained only if they are not in ``new``.
///
/// Args:
///     start: customers at the start of the period (> 0).
///     end: customers at the end of the period.
///     new: customers acquired during the period.
///
/// Returns:
///     RateResult
///
/// Raises:
///     CxMetricsError: ``empty`` when ``start == 0``; ``invalid_argument`` for a negative or
///         non-finite count, ``new > end``, or more retained than at the start.
///     TypeError: for a value that is not a number.
///
/// >>> import cxmetrics as cx
/// >>> cx.retention_rate(1000, 1030, 80).score
/// 95.0
#[pyfunction]
fn retention_rate(
    start: &Bound<'_, PyAny>,
    end: &Bound<'_, PyAny>,
    new: &Bound<'_, PyAny>,
) -> PyResult<PyRateResult> {
    cxmetrics::retention_rate(
        extract_f64(start, "start")?,
        extract_f64(end, "end")?,
        extract_f64(new, "new")?,
    )
    .map(PyRateResult)
    .map_err(core_err)
}

/// Net and gross revenue retention (NRR / GRR) of the customers present at the start of
/// a period, in percent.
///
/// Formula: ``NRR = 100 × (start + expansion − contraction − churned) / start`` and
/// ``GRR = 100 × (start − contraction − churned) / start``. ``start`` is the cohort's
/// recurring revenue (e.g. MRR) at the start of the period; the other amounts are that
/// cohort's changes during it, in the same currency.
///
/// Edge cases: revenue from customers who were not in the cohort at the start (new or
/// reactivated) is in no term. NRR above 100 % is normal for expanding accounts; GRR
/// never exceeds 100 %.
///
/// Args:
///     start: the cohort's recurring revenue at the start of the period (> 0).
///     expansion: revenue the cohort added (upgrades, add-ons), >= 0.
///     contraction: revenue its remaining customers gave up (downgrades), >= 0.
///     churned: revenue of the customers who left, >= 0.
///
/// Returns:
///     RevenueRetentionResult
///
/// Raises:
///     CxMetricsError: ``empty`` when ``start == 0``; ``invalid_argument`` for a negative
///         or non-finite amount, or when ``contraction + churned`` exceeds ``start``.
///     TypeError: for a value that is not a number.
///
/// >>> import cxmetrics as cx
/// >>> r = cx.revenue_retention(1000, expansion=400, contraction=100, churned=200)
/// >>> r.score, r.gross                      # expansion hides a 30 % loss
/// (110.0, 70.0)
#[pyfunction]
#[pyo3(signature = (start, *, expansion, contraction, churned))]
fn revenue_retention(
    start: &Bound<'_, PyAny>,
    expansion: &Bound<'_, PyAny>,
    contraction: &Bound<'_, PyAny>,
    churned: &Bound<'_, PyAny>,
) -> PyResult<PyRevenueRetentionResult> {
    cxmetrics::revenue_retention(
        extract_f64(start, "start")?,
        extract_f64(expansion, "expansion")?,
        extract_f64(contraction, "contraction")?,
        extract_f64(churned, "churned")?,
    )
    .map(PyRevenueRetentionResult)
    .map_err(core_err)
}

/// Customer lifetime value from churn: ARPU × gross margin ÷ churn.
///
/// Formula: ``CLV = arpu × margin / (churn/100)``; the expected lifetime is
/// ``1 / churn`` periods. ``arpu`` and ``churn`` refer to the same period.
///
/// Edge cases: ``margin=1`` gives revenue lifetime value. Churn 0 would be an infinite
/// lifetime: an error, not infinity.
///
/// Args:
///     arpu: average revenue per user per period (>= 0).
///     margin: gross margin as a fraction in [0, 1] (0.7 for 70 %).
///     churn: churn per period in percent, in (0, 100].
///
/// Returns:
///     float
///
/// Raises:
///     CxMetricsError: ``invalid_argument`` for churn outside (0, 100], margin outside
///         [0, 1], or a negative or non-finite ARPU.
///     TypeError: for a value that is not a number.
///
/// >>> import cxmetrics as cx
/// >>> cx.clv_from_churn(50, margin=0.8, churn=4)
/// 1000.0
#[pyfunction]
#[pyo3(signature = (arpu, *, margin, churn))]
fn clv_from_churn(
    arpu: &Bound<'_, PyAny>,
    margin: &Bound<'_, PyAny>,
    churn: &Bound<'_, PyAny>,
) -> PyResult<f64> {
    cxmetrics::clv_from_churn(
        extract_f64(arpu, "arpu")?,
        extract_f64(margin, "margin")?,
        extract_f64(churn, "churn")?,
    )
    .map_err(core_err)
}

/// Customer lifetime value from retention: ARPU ÷ (1 − retention) (ProfitWell).
///
/// Formula: ``CLV = arpu / (1 − retention/100)``; equal to :func:`clv_from_churn` with
/// ``margin=1`` and ``churn = 100 − retention``.
///
/// Edge cases: retention 100 % would be an infinite lifetime: an error.
///
/// Args:
///     arpu: average revenue per user per period (>= 0).
///     retention: retention per period in percent, in [0, 100).
///
/// Returns:
///     float
///
/// Raises:
///     CxMetricsError: ``invalid_argument`` for retention outside [0, 100) or a negative
///         or non-finite ARPU.
///     TypeError: for a value that is not a number.
///
/// >>> import cxmetrics as cx
/// >>> round(cx.clv_from_retention(50, retention=96), 9)
/// 1250.0
#[pyfunction]
#[pyo3(signature = (arpu, *, retention))]
fn clv_from_retention(arpu: &Bound<'_, PyAny>, retention: &Bound<'_, PyAny>) -> PyResult<f64> {
    cxmetrics::clv_from_retention(
        extract_f64(arpu, "arpu")?,
        extract_f64(retention, "retention")?,
    )
    .map_err(core_err)
}

/// Registers this module's classes and functions.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyRateResult>()?;
    m.add_class::<PyChurnResult>()?;
    m.add_class::<PyRevenueRetentionResult>()?;
    m.add_function(wrap_pyfunction!(conversion_rate, m)?)?;
    m.add_function(wrap_pyfunction!(churn_rate, m)?)?;
    m.add_function(wrap_pyfunction!(retention_rate, m)?)?;
    m.add_function(wrap_pyfunction!(revenue_retention, m)?)?;
    m.add_function(wrap_pyfunction!(clv_from_churn, m)?)?;
    m.add_function(wrap_pyfunction!(clv_from_retention, m)?)?;
    Ok(())
}
