//! Segment reports (issue 5): a survey metric per group of rows, with intervals, low-n
//! flags, leave-one-out impact and the overall row from merged tallies. Conversion only:
//! grouping, metrics and ordering are the core's (`Segments::from_codes`, `report`).
//!
//! The wrapper factorises the key columns (codes + labels) and describes the metric in a
//! small object (`metricSpec` in `js/src/segments.mjs`); [`survey_metric`] turns it into the core's
//! `SurveyMetric` and refuses options that do not apply to the metric (they would be
//! ignored otherwise), as the Python binding does.

use cxmetrics::{
    CesMethod, CesOptions, CsatMethod, CsatOptions, IntervalMethod, Key, KeyPart, NpsBuckets,
    NpsOptions, OnInvalid, ReportOptions, Scale, SegmentRow, Segments, SurveyMetric,
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

/// A core `invalid_argument` about `method`, reworded for the option `name`
/// (`csatMethod`, `cesMethod`).
fn renamed(e: cxmetrics::Error, name: &str) -> JsValue {
    match e {
        cxmetrics::Error::InvalidArgument { message, .. } => invalid_argument(name, &message),
        other => crate::errors::core_error(other),
    }
}

/// The metric and scale described by `spec`: `{ metric, min, max, detractorMax,
/// promoterMin, csatMethod, cesMethod, threshold, bottomThreshold, higherIsBetter }`
/// (absent = not given; the wrapper has checked the types and filled the scale).
pub(crate) fn survey_metric(spec: &JsValue) -> JsResult<(SurveyMetric, Scale)> {
    let name = opt_string(spec, "metric").unwrap_or_else(|| "nps".to_owned());
    let allowed: &[&str] = match name.as_str() {
        "nps" => &["buckets"],
        "csat" => &["csatMethod", "threshold", "bottomThreshold"],
        "ces" => &["higherIsBetter", "cesMethod", "threshold"],
        "mean" => &[],
        "top_box" | "bottom_box" => &["threshold"],
        other => {
            return Err(invalid_argument(
                "metric",
                &format!(
                    "unknown metric {other:?}; expected nps, csat, ces, mean, top_box or bottom_box"
                ),
            ));
        }
    };
    for option in [
        "buckets",
        "csatMethod",
        "threshold",
        "bottomThreshold",
        "higherIsBetter",
        "cesMethod",
    ] {
        let given = if option == "buckets" {
            !prop(spec, "detractorMax").is_undefined()
        } else {
            !prop(spec, option).is_undefined()
        };
        if given && !allowed.contains(&option) {
            return Err(invalid_argument(
                option,
                &format!("{option} does not apply to metric {name:?}"),
            ));
        }
    }
    let threshold = int_option("threshold", opt_f64(spec, "threshold"))?;
    let metric = match name.as_str() {
        "nps" => SurveyMetric::Nps(NpsOptions {
            buckets: match (opt_f64(spec, "detractorMax"), opt_f64(spec, "promoterMin")) {
                (Some(d), Some(p)) => Some(NpsBuckets {
                    detractor_max: int_option("buckets.detractor_max", Some(d))?.unwrap_or(0),
                    promoter_min: int_option("buckets.promoter_min", Some(p))?.unwrap_or(0),
                }),
                _ => None,
            },
        }),
        "csat" => SurveyMetric::Csat(CsatOptions {
            method: match opt_string(spec, "csatMethod") {
                Some(m) => CsatMethod::parse(&m).map_err(|e| renamed(e, "csatMethod"))?,
                None => CsatMethod::default(),
            },
            threshold,
            bottom_threshold: int_option("bottom_threshold", opt_f64(spec, "bottomThreshold"))?,
        }),
        "ces" => SurveyMetric::Ces(CesOptions {
            higher_is_better: prop(spec, "higherIsBetter").as_bool().unwrap_or(false),
            method: match opt_string(spec, "cesMethod") {
                Some(m) => CesMethod::parse(&m).map_err(|e| renamed(e, "cesMethod"))?,
                None => CesMethod::default(),
            },
            threshold,
        }),
        "mean" => SurveyMetric::Mean,
        "top_box" => SurveyMetric::TopBox(threshold),
        _ => SurveyMetric::BottomBox(threshold),
    };
    let scale = scale_from(
        opt_f64(spec, "min").unwrap_or(f64::NAN),
        opt_f64(spec, "max").unwrap_or(f64::NAN),
    )?;
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
    c.value("key", keys.into());
    c.f64s("n", rows.iter().map(|r| r.n as f64));
    c.f64s("missing", rows.iter().map(|r| r.missing as f64));
    c.f64s("invalid", rows.iter().map(|r| r.invalid as f64));
    c.f64s("share", rows.iter().map(|r| r.share));
    c.opt_f64s("score", rows.iter().map(|r| r.score));
    c.opt_f64s("lower", rows.iter().map(|r| r.lower));
    c.opt_f64s("upper", rows.iter().map(|r| r.upper));
    c.bools("lowN", rows.iter().map(|r| r.low_n));
    c.opt_f64s("impact", rows.iter().map(|r| r.impact));
    Ok(c.into_js())
}
