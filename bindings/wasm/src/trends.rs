//! Trends (issue 5): a survey metric per calendar period (local dates in an IANA zone),
//! with intervals and period-over-period changes tested and adjusted. Conversion only:
//! periods, comparisons and adjustment are the core's (`Trend`).

use cxmetrics::jiff::tz::TimeZone;
use cxmetrics::{OnInvalid, PAdjust, Period, Trend, TrendRow};
use js_sys::{Array, Float64Array};
use wasm_bindgen::prelude::*;

use crate::convert::f64s_from;
use crate::errors::{JsResult, ToJs, invalid_argument};
use crate::results::Out;
use crate::segments::{report_options, survey_metric};
use crate::time::required_column;

/// An IANA time zone by name (`unknown_time_zone` otherwise).
fn time_zone(name: &str) -> JsResult<TimeZone> {
    TimeZone::get(name)
        .map_err(|e| cxmetrics::Error::UnknownTimeZone {
            name: name.to_owned(),
            reason: e.to_string(),
        })
        .js()
}

/// The trend rows (the wrapper zips the columns into frozen rows).
#[allow(clippy::too_many_arguments)]
#[wasm_bindgen(js_name = trendReport)]
pub fn trend_report(
    spec: &JsValue,
    scores: &Float64Array,
    weights: Option<Float64Array>,
    on_invalid: &str,
    times_ms: &Float64Array,
    times_strings: Option<Array>,
    period: Option<String>,
    zone: Option<String>,
    level: f64,
    method: Option<String>,
    min_n: f64,
    adjust: &str,
    alpha: f64,
    rolling_days: Option<f64>,
) -> JsResult<JsValue> {
    let (metric, scale) = survey_metric(spec)?;
    let mut options = report_options(level, method, min_n)?;
    options.adjust = PAdjust::parse(adjust).js()?;
    options.alpha = alpha;
    let period = period
        .as_deref()
        .map(Period::parse)
        .transpose()
        .js()?
        .unwrap_or_default();
    let tz = match zone {
        Some(z) => time_zone(&z)?,
        None => cxmetrics::trends::default_time_zone(),
    };
    let on_invalid = OnInvalid::parse(on_invalid).js()?;
    let times = required_column("times", times_ms, times_strings)?;
    let scores = f64s_from("scores", scores)?;
    let weights = weights.map(|w| f64s_from("weights", &w)).transpose()?;
    let trend = Trend::from_scores(
        scale,
        &times,
        &scores,
        weights.as_deref(),
        on_invalid,
        period,
        tz,
    )
    .js()?;
    let table = match rolling_days {
        None => trend.report(metric, &options),
        Some(d) => {
            if !(d >= 0.0 && d.fract() == 0.0 && d <= 4_294_967_295.0) {
                return Err(invalid_argument(
                    "rollingDays",
                    &format!("{d} is not a number of days (an integer >= 1)"),
                ));
            }
            trend.rolling(d as u32, metric, &options)
        }
    }
    .js()?;
    let rows: Vec<&TrendRow> = table.iter().collect();
    let mut c = Out::new();
    let starts: Vec<String> = rows.iter().map(|r| r.start.to_string()).collect();
    c.strings("rows.start", starts.iter().map(|s| Some(s.as_str())));
    c.strings("rows.label", rows.iter().map(|r| Some(r.label.as_str())));
    c.f64s("rows.n", rows.iter().map(|r| r.n as f64));
    c.f64s("rows.missing", rows.iter().map(|r| r.missing as f64));
    c.opt_f64s("rows.score", rows.iter().map(|r| r.score));
    c.opt_f64s("rows.lower", rows.iter().map(|r| r.lower));
    c.opt_f64s("rows.upper", rows.iter().map(|r| r.upper));
    c.bools("rows.lowN", rows.iter().map(|r| r.low_n));
    c.opt_f64s("rows.change", rows.iter().map(|r| r.change));
    c.opt_f64s("rows.pValue", rows.iter().map(|r| r.p_value));
    c.opt_f64s("rows.pAdjusted", rows.iter().map(|r| r.p_adjusted));
    c.bools("rows.significant", rows.iter().map(|r| r.significant));
    #[cfg(feature = "charts")]
    c.chart(crate::chart::Picture::Trend(table, metric, scale));
    Ok(c.into_js())
}
