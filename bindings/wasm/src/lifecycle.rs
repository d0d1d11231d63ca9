//! Lifecycle metrics (conversion, churn, retention, revenue retention, CLV): plain numbers in, plain
//! objects out, no instants (so they are in the light `cxmetrics/survey` build too).
//! Conversion only: every rule is the core's.

use cxmetrics::{Annualize, ChurnDenominator, ChurnResult, RateResult};
use wasm_bindgen::prelude::*;

use crate::errors::{JsResult, ToJs};
use crate::results::Out;

fn rate_js(r: &RateResult) -> JsValue {
    let mut o = Out::new();
    o.num("score", r.score);
    o.num("count", r.count);
    o.num("n", r.n);
    o.estimate(&r.estimate());
    o.into_js()
}

fn churn_js(r: &ChurnResult) -> JsValue {
    let mut o = Out::new();
    o.num("score", r.score);
    o.opt("annualized", r.annualized);
    o.num("churned", r.churned);
    o.num("n", r.n);
    o.estimate(&r.estimate());
    o.into_js()
}

/// Conversion rate, in percent.
#[wasm_bindgen(js_name = conversionRate)]
pub fn conversion_rate(conversions: f64, interactions: f64) -> JsResult<JsValue> {
    Ok(rate_js(
        &cxmetrics::conversion_rate(conversions, interactions).js()?,
    ))
}

/// Retention rate `(end − new) / start`, in percent.
#[wasm_bindgen(js_name = retentionRate)]
pub fn retention_rate(start: f64, end: f64, new: f64) -> JsResult<JsValue> {
    Ok(rate_js(&cxmetrics::retention_rate(start, end, new).js()?))
}

/// Churn rate with an explicit denominator, parsed and checked by the core
/// (`ChurnDenominator::from_name`: `"start"` by default, `"up_for_renewal"` or
/// `"average"` with their counts; a count for another denominator is refused).
#[wasm_bindgen(js_name = churnRate)]
pub fn churn_rate(
    churned: f64,
    start: f64,
    denominator: Option<String>,
    up_for_renewal: Option<f64>,
    end: Option<f64>,
    periods_per_year: Option<f64>,
    annualize: Option<String>,
) -> JsResult<JsValue> {
    let denominator =
        ChurnDenominator::from_name(denominator.as_deref(), up_for_renewal, end).js()?;
    let annualize = match annualize {
        Some(a) => Annualize::parse(&a).js()?,
        None => Annualize::default(),
    };
    let r = cxmetrics::churn_rate(churned, start, denominator, periods_per_year, annualize).js()?;
    Ok(churn_js(&r))
}

/// Net and gross revenue retention (NRR / GRR) of the starting cohort, in percent.
#[wasm_bindgen(js_name = revenueRetention)]
pub fn revenue_retention(
    start: f64,
    expansion: f64,
    contraction: f64,
    churned: f64,
) -> JsResult<JsValue> {
    let r = cxmetrics::revenue_retention(start, expansion, contraction, churned).js()?;
    let mut o = Out::new();
    o.num("score", r.score);
    o.num("gross", r.gross);
    o.num("start", r.start);
    o.num("expansion", r.expansion);
    o.num("contraction", r.contraction);
    o.num("churned", r.churned);
    Ok(o.into_js())
}

/// Customer lifetime value from churn: `arpu × margin / (churn / 100)`.
#[wasm_bindgen(js_name = clvFromChurn)]
pub fn clv_from_churn(arpu: f64, margin: f64, churn: f64) -> JsResult<f64> {
    cxmetrics::clv_from_churn(arpu, margin, churn).js()
}

/// Customer lifetime value from retention.
#[wasm_bindgen(js_name = clvFromRetention)]
pub fn clv_from_retention(arpu: f64, retention: f64) -> JsResult<f64> {
    cxmetrics::clv_from_retention(arpu, retention).js()
}
