//! Charts (feature `charts`: the full module only; the light `cxmetrics/survey` module
//! has no room for them in its size budget). The SVG is the core's (`cxmetrics::chart`);
//! this layer only hands it the result to draw, in one of two ways:
//!
//! - **NPS and distributions** (cheap, frequent results): nothing is kept. `toSVG()`
//!   passes the frozen JS result back ([`chart_nps`], [`chart_distribution`]) and the core
//!   value is rebuilt from its fields (exact: every number crossed as an `f64`). The
//!   core's result types are `#[non_exhaustive]`, so a core value computed once (a
//!   template) is cloned and every public field set from the JS result; the NPS interval
//!   is the core's, from the result's private estimate. The chart reads public fields
//!   only, and `tests/node/charts.test.mjs` holds every chart to the native core's bytes.
//! - **Tables** (segment reports, trends, duration summaries, SLA: results with many rows,
//!   computed once in a while): the core result itself is kept in a [`RawChart`], which the
//!   JS result holds privately (freed with it through `--weak-refs`).

use cxmetrics::{
    Distribution, NpsBuckets, NpsResult, Scale, SegmentReport, SurveyMetric, Tally, chart,
};
use js_sys::Array;
use wasm_bindgen::prelude::*;

use crate::convert::prop;
use crate::errors::{JsResult, ToJs};
use crate::stats::estimate_from;

/// A kept core result, ready to be drawn.
pub(crate) enum Picture {
    Segments(SegmentReport, SurveyMetric, Scale),
    #[cfg(feature = "time")]
    Trend(Vec<cxmetrics::TrendRow>, SurveyMetric, Scale),
    #[cfg(feature = "time")]
    Durations(cxmetrics::DurationSummary),
    #[cfg(feature = "time")]
    Sla(cxmetrics::SlaResult),
}

/// The core result behind a chartable table (`toSVG()`).
#[wasm_bindgen]
pub struct RawChart(Picture);

impl RawChart {
    pub(crate) fn new(picture: Picture) -> RawChart {
        RawChart(picture)
    }
}

#[wasm_bindgen]
impl RawChart {
    /// The core's SVG of the kept result.
    pub fn svg(&self) -> String {
        match &self.0 {
            Picture::Segments(r, m, s) => chart::segments(r, m, *s),
            #[cfg(feature = "time")]
            Picture::Trend(rows, m, s) => chart::trend(rows, m, *s),
            #[cfg(feature = "time")]
            Picture::Durations(d) => chart::durations(d),
            #[cfg(feature = "time")]
            Picture::Sla(r) => chart::sla(r),
        }
    }
}

/// A number field of a frozen result (`NaN` when absent).
fn num(obj: &JsValue, name: &str) -> f64 {
    prop(obj, name).as_f64().unwrap_or(f64::NAN)
}

/// A count field (exact: counts cross as `f64` up to 2^53).
fn count(obj: &JsValue, name: &str) -> u64 {
    num(obj, name) as u64
}

/// A list field of numbers.
fn list(obj: &JsValue, name: &str) -> Vec<f64> {
    Array::from(&prop(obj, name))
        .iter()
        .map(|v| v.as_f64().unwrap_or(f64::NAN))
        .collect()
}

/// The fields every survey result shares.
macro_rules! set_base {
    ($t:expr, $r:expr) => {{
        let (t, r) = (&mut $t, $r);
        t.n = count(r, "n");
        t.missing = count(r, "missing");
        t.invalid = count(r, "invalid");
        t.sum_weights = num(r, "sumWeights");
        t.n_eff = num(r, "nEff");
        t.weighted = prop(r, "weighted").is_truthy();
    }};
}

/// The core's NPS chart of a JS `NpsResult` (its fields and its private estimate), with
/// the interval at the core's default level and method (none if it cannot be computed).
#[wasm_bindgen(js_name = chartNps)]
pub fn chart_nps(r: &JsValue, estimate: &[f64]) -> JsResult<String> {
    let mut t: NpsResult = cxmetrics::nps(&Tally::from_scores(Scale::NPS, &[10u8]).js()?).js()?;
    t.score = num(r, "score");
    t.promoters = num(r, "promoters");
    t.passives = num(r, "passives");
    t.detractors = num(r, "detractors");
    t.n_promoters = count(r, "nPromoters");
    t.n_passives = count(r, "nPassives");
    t.n_detractors = count(r, "nDetractors");
    let b = prop(r, "buckets");
    t.buckets = NpsBuckets {
        detractor_max: num(&b, "detractorMax") as i64,
        promoter_min: num(&b, "promoterMin") as i64,
    };
    set_base!(t, r);
    let interval = estimate_from(estimate)
        .ok()
        .and_then(|e| chart::default_interval(&e).ok());
    Ok(chart::nps(&t, interval.as_ref()))
}

/// The core's distribution chart of a JS `Distribution` (its fields).
#[wasm_bindgen(js_name = chartDistribution)]
pub fn chart_distribution(d: &JsValue) -> JsResult<String> {
    let mut t: Distribution =
        cxmetrics::distribution(&Tally::from_scores(Scale::BINARY, &[1u8]).js()?).js()?;
    t.points = list(d, "points").into_iter().map(|p| p as i32).collect();
    t.counts = list(d, "counts").into_iter().map(|c| c as u64).collect();
    t.shares = list(d, "shares");
    set_base!(t, d);
    Ok(chart::distribution(&t, None, None))
}

/// A value as the charts print it (`cxmetrics::chart::value_text`): one decimal, a true
/// minus sign, never `−0.0` (the web elements' `part="value"`).
#[wasm_bindgen(js_name = chartValue)]
pub fn chart_value(x: f64) -> String {
    chart::value_text(x)
}
