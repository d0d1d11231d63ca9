//! Segment reports (issue 5): a survey metric per group of rows, with intervals, low-n
//! flags, leave-one-out impact and the overall row from merged tallies. Conversion only:
//! grouping, metrics and ordering are the core's (`Segments::from_codes`, `report`).
//!
//! The wrapper factorises the key columns (codes + labels) and describes the metric in a
//! small object (`metricSpec` in `js/src/segments.mjs`); [`survey_metric`] hands it to
//! the core's `MetricKind` / `SurveyMetric::resolve`, which hold the rules (options that
//! apply, required options, default scales).

use cxmetrics::{
    IntervalMethod, Key, KeyPart, MetricKind, MetricOptions, NpsBuckets, OnInvalid, ReportOptions,
    Scale, SegmentRow, Segments, SurveyMetric,
};
use js_sys::{Array, Float64Array, Uint8Array, Uint32Array};
use wasm_bindgen::prelude::*;

use crate::convert::{f64s_from, int_option, prop, scale_from};
use crate::errors::{JsResult, ToJs, invalid_argument};
use crate::results::Out;

fn opt_f64(spec: &JsValue, name: &str) -> Option<f64> {
    prop(spec, name).as_f64()
}

fn opt_string(spec: &JsValue, name: &str) -> Option<String> {
    prop(spec, name).as_string()
}

/// The metric and scale described by `spec`: `{ metric, min, max, detractorMax,
/// promoterMin, csatMethod, cesMethod, threshold, bottomThreshold, higherIsBetter, fn }`
/// (absent = not given; the wrapper has checked the types). The core parses the name
/// (`MetricKind::parse`), refuses options that do not apply or are missing and bad
/// method names (`SurveyMetric::resolve`) and gives the default scale
/// (`MetricKind::default_scale`); errors name the options in camelCase.
pub(crate) fn survey_metric(spec: &JsValue) -> JsResult<(SurveyMetric, Scale)> {
    let kind = MetricKind::parse(opt_string(spec, "metric").as_deref().unwrap_or("nps")).js()?;
    let buckets = match (opt_f64(spec, "detractorMax"), opt_f64(spec, "promoterMin")) {
        (Some(d), Some(p)) => Some(NpsBuckets {
            detractor_max: int_option("buckets.detractor_max", Some(d))?.unwrap_or(0),
            promoter_min: int_option("buckets.promoter_min", Some(p))?.unwrap_or(0),
        }),
        _ => None,
    };
    let options = MetricOptions {
        buckets,
        csat_method: opt_string(spec, "csatMethod"),
        threshold: int_option("threshold", opt_f64(spec, "threshold"))?,
        bottom_threshold: int_option("bottom_threshold", opt_f64(spec, "bottomThreshold"))?,
        higher_is_better: prop(spec, "higherIsBetter").as_bool(),
        ces_method: opt_string(spec, "cesMethod"),
    };
    let metric = SurveyMetric::resolve(kind, options).js()?;
    let scale = match (opt_f64(spec, "min"), opt_f64(spec, "max")) {
        (Some(min), Some(max)) => scale_from(min, max)?,
        _ => kind.default_scale().ok_or_else(|| {
            let f = opt_string(spec, "fn").unwrap_or_default();
            invalid_argument(
                "scale",
                &format!(
                    "{f}() with metric {:?} needs the survey's response scale, e.g. {{ scale: [1, 5] }}",
                    kind.name()
                ),
            )
        })?,
    };
    Ok((metric, scale))
}

/// Report options: level, interval method, min_n (and, for trends, adjust and alpha).
pub(crate) fn report_options(
    level: f64,
    method: Option<String>,
    min_n: f64,
) -> JsResult<ReportOptions> {
    if !(min_n >= 0.0 && min_n.fract() == 0.0 && min_n <= 4_294_967_295.0) {
        return Err(invalid_argument(
            "minN",
            &format!("{min_n} is not a count (an integer from 0 to 4294967295)"),
        ));
    }
    Ok(ReportOptions {
        level,
        method: method
            .as_deref()
            .map(IntervalMethod::parse)
            .transpose()
            .js()?,
        min_n: min_n as u64,
        ..ReportOptions::default()
    })
}

/// Key labels from the factorised columns: `width` parts per label, each an integer
/// (`kinds[k] == 0`, value in `ints[k]`) or a string (`strings[k]`).
fn labels(kinds: &Uint8Array, ints: &Float64Array, strings: &Array, width: usize) -> Vec<Key> {
    let kinds = kinds.to_vec();
    let ints = ints.to_vec();
    let parts: Vec<KeyPart> = kinds
        .iter()
        .enumerate()
        .map(|(k, &kind)| {
            if kind == 0 {
                KeyPart::Int(ints[k] as i64)
            } else {
                KeyPart::Str(strings.get(k as u32).as_string().unwrap_or_default())
            }
        })
        .collect();
    if width == 0 {
        return Vec::new();
    }
    parts.chunks(width).map(<[KeyPart]>::to_vec).collect()
}

fn key_js(key: &Key) -> JsValue {
    let a = Array::new();
    for part in key {
        a.push(&match part {
            KeyPart::Int(i) => JsValue::from_f64(*i as f64),
            KeyPart::Str(s) => JsValue::from_str(s),
        });
    }
    a.into()
}

/// The report: one row per key (the core's order), the overall row last.
#[allow(clippy::too_many_arguments)]
#[wasm_bindgen(js_name = segmentReport)]
pub fn segment_report(
    spec: &JsValue,
    codes: &Uint32Array,
    label_kinds: &Uint8Array,
    label_ints: &Float64Array,
    label_strings: &Array,
    width: usize,
    scores: &Float64Array,
    weights: Option<Float64Array>,
    on_invalid: &str,
    level: f64,
    method: Option<String>,
    min_n: f64,
) -> JsResult<JsValue> {
    let (metric, scale) = survey_metric(spec)?;
    let options = report_options(level, method, min_n)?;
    let on_invalid = OnInvalid::parse(on_invalid).js()?;
    let labels = labels(label_kinds, label_ints, label_strings, width);
    let codes = codes.to_vec();
    let scores = f64s_from("scores", scores)?;
    let weights = weights.map(|w| f64s_from("weights", &w)).transpose()?;
    let report = Segments::from_codes(
        scale,
        &codes,
        &labels,
        &scores,
        weights.as_deref(),
        on_invalid,
    )
    .js()?
    .report(metric, &options)
    .js()?;
    let rows: Vec<&SegmentRow> = report.rows.iter().chain([&report.overall]).collect();
    let mut c = Out::new();
    let keys = Array::new();
    for r in &rows {
        keys.push(&key_js(&r.key));
    }
    c.value("rows.key", keys.into());
    c.f64s("rows.n", rows.iter().map(|r| r.n as f64));
    c.f64s("rows.missing", rows.iter().map(|r| r.missing as f64));
    c.f64s("rows.invalid", rows.iter().map(|r| r.invalid as f64));
    c.f64s("rows.share", rows.iter().map(|r| r.share));
    c.opt_f64s("rows.score", rows.iter().map(|r| r.score));
    c.opt_f64s("rows.lower", rows.iter().map(|r| r.lower));
    c.opt_f64s("rows.upper", rows.iter().map(|r| r.upper));
    c.bools("rows.lowN", rows.iter().map(|r| r.low_n));
    c.opt_f64s("rows.impact", rows.iter().map(|r| r.impact));
    #[cfg(feature = "charts")]
    c.chart(crate::chart::Picture::Segments(report, metric, scale));
    Ok(c.into_js())
}

/// The scale a segment or trend spec reads its scores on, `[min, max]` (the given one
/// or the metric's default): text answers are read on it.
#[cfg(feature = "labels")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = specScale)]
pub fn spec_scale(spec: &JsValue) -> JsResult<js_sys::Float64Array> {
    let (_, s) = survey_metric(spec)?;
    Ok(js_sys::Float64Array::from(
        &[f64::from(s.min()), f64::from(s.max())][..],
    ))
}
