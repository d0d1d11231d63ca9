//! The WebAssembly layer of the `cxmetrics` npm package.
//!
//! This crate is the *raw* layer: [wasm-bindgen] exports that convert JS inputs, call
//! the core (`cxmetrics`), map its errors and wrap its results. It holds no metric
//! logic. The public JS API (`nps`, `Tally`, `CxMetricsError`, the
//! options objects, TypeScript types) is a small hand-written wrapper in `js/` that
//! `scripts/build.mjs` puts over wasm-bindgen's output for the `nodejs`, `web` and
//! `bundler` targets; see `README.md` there.
//!
//! Contract with the wrapper:
//! - scores arrive in wasm memory written by JS (`buffer::RawBuffer`: the wrapper's
//!   `ScoresBuffer`, and its reused staging buffers into which large unweighted typed
//!   arrays are copied chunk by chunk), counted by `RawTally::extendBuffer`; or, for
//!   weighted calls and `Int8Array`, as one typed array plus its `Symbol.toStringTag`
//!   (`"Uint8Array"`, `"Int8Array"` or `"Float64Array"`: the wrapper widens every other
//!   typed array, and turns plain arrays into a `Float64Array`, null / undefined → NaN),
//!   copied once as the matching Rust slice type (`convert::Scores`). Either way the
//!   core's generic [`Tally::extend_with`] counts them.
//! - a serialized tally arrives as the value `JSON.parse` returned and leaves as a plain
//!   object (`json`): the module has no JSON parser or printer of its own;
//! - weights arrive as a `Float64Array` or `undefined`;
//! - integer options (scale bounds, thresholds, buckets) arrive as integral numbers
//!   (the wrapper refuses other values with a `TypeError`);
//! - errors leave as a JS `Error` with `code`, `index` and `cxmetrics: true`
//!   properties, which the wrapper re-throws as its `CxMetricsError` class;
//! - every result leaves in one shape, built by `results::Out`: a `Float64Array` of
//!   numbers led by a layout id (plus an array of the values that are not numbers), which
//!   the wrapper decodes with one function into frozen plain objects;
//! - a result's inference estimate leaves as a small `Float64Array`
//!   (`stats::estimate_vec`) that the wrapper keeps privately and hands back for
//!   `interval()`, `marginOfError()` and `compare()`;
//! - instants arrive as epoch milliseconds or ISO 8601 strings (`time`).
//!
//! Cargo features: `time` (service metrics and trends: instants, schedules, tickets) and
//! `tz` (default; `time` plus jiff's bundled time-zone database). The npm package ships
//! the default build as `cxmetrics` and a `--no-default-features` build as the light
//! `cxmetrics/survey` (no date or time code).
//!
//! Nothing here can panic (the release profile aborts on panic, which would trap):
//! copies into wasm memory reserve fallibly and report `invalid_argument` when the
//! input does not fit, and every conversion is checked.
//!
//! [wasm-bindgen]: https://docs.rs/wasm-bindgen

#![forbid(unsafe_code)]

mod buffer;
#[cfg(feature = "charts")]
mod chart;
mod convert;
mod errors;
mod json;
#[cfg(feature = "labels")]
mod labels;
mod lifecycle;
mod results;
#[cfg(feature = "time")]
mod schedule;
mod segments;
mod service;
mod stats;
#[cfg(feature = "time")]
mod time;
#[cfg(feature = "time")]
mod trends;

use cxmetrics::{
    CesMethod, CesOptions, CsatMethod, CsatOptions, NpsBuckets, NpsOptions, OnInvalid, Tally,
};
use wasm_bindgen::prelude::*;

use crate::convert::{MAX_SAFE_COUNT, Scores, counts_from, f64s_from, int_option, scale_from};
use crate::errors::{JsResult, ToJs};

/// `invalid_argument` naming `name` unless `n`, `missing` and `invalid` (and so every
/// count) are at most `Number.MAX_SAFE_INTEGER`, where JS numbers are exact.
fn exact_in_js(t: &Tally, name: &str) -> JsResult<()> {
    let over = [
        ("n", t.n()),
        ("missing", t.missing()),
        ("invalid", t.invalid()),
    ]
    .into_iter()
    .find(|&(_, v)| v > MAX_SAFE_COUNT);
    match over {
        None => Ok(()),
        Some((what, v)) => Err(errors::invalid_argument(
            name,
            &format!(
                "{what} would be {v}, above 2^53 - 1 (Number.MAX_SAFE_INTEGER): not exact in JS"
            ),
        )),
    }
}

/// Validates a scale: `invalid_scale` unless `min..=max` has 2 to 101 points.
#[wasm_bindgen(js_name = checkScale)]
pub fn check_scale(min: f64, max: f64) -> JsResult<()> {
    scale_from(min, max).map(|_| ())
}

/// The size of the module's linear memory in bytes (tests use it to check that calls
/// do not leak; not part of the public JS API).
#[wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        core::arch::wasm32::memory_size::<0>() as f64 * 65536.0
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.0
    }
}

/// A core [`Tally`] owned by wasm memory; wrapped by the JS `Tally` class.
///
/// Its counts, `n`, `missing` and `invalid` leave as JS numbers, so every way it is made
/// or grows refuses (`invalid_argument`, the tally unchanged) a result whose `n`,
/// `missing` or `invalid` is above `Number.MAX_SAFE_INTEGER` (2^53 - 1): counts are
/// exact or refused, never rounded.
#[wasm_bindgen]
pub struct RawTally {
    inner: Tally,
}

#[wasm_bindgen]
impl RawTally {
    /// An empty tally on `min..=max`.
    #[wasm_bindgen(constructor)]
    pub fn new(min: f64, max: f64) -> JsResult<RawTally> {
        let scale = scale_from(min, max)?;
        Ok(RawTally {
            inner: Tally::new(scale),
        })
    }

    /// A tally from counts per point (`counts[k]` responses scored `min + k`).
    #[wasm_bindgen(js_name = fromCounts)]
    pub fn from_counts(min: f64, max: f64, counts: &js_sys::Float64Array) -> JsResult<RawTally> {
        let scale = scale_from(min, max)?;
        let counts = counts_from(counts)?;
        let inner = Tally::from_counts(scale, &counts).js()?;
        exact_in_js(&inner, "counts")?;
        Ok(RawTally { inner })
    }

    /// A tally from its parts (`Tally::from_parts`): counts, optional Σw and Σw² per
    /// point, and the missing and invalid counts.
    #[cfg(feature = "interchange")]
    #[wasm_bindgen(js_name = fromParts)]
    pub fn from_parts(
        min: f64,
        max: f64,
        counts: &js_sys::Float64Array,
        weight_sums: Option<js_sys::Float64Array>,
        weight_sq_sums: Option<js_sys::Float64Array>,
        missing: f64,
        invalid: f64,
    ) -> JsResult<RawTally> {
        let scale = scale_from(min, max)?;
        let counts = counts_from(counts)?;
        let s = weight_sums
            .map(|a| f64s_from("weightSums", &a))
            .transpose()?;
        let q = weight_sq_sums
            .map(|a| f64s_from("weightSqSums", &a))
            .transpose()?;
        let missing = convert::count_from("missing", missing)?;
        let invalid = convert::count_from("invalid", invalid)?;
        let inner =
            Tally::from_parts(scale, &counts, s.as_deref(), q.as_deref(), missing, invalid).js()?;
        exact_in_js(&inner, "counts")?;
        Ok(RawTally { inner })
    }

    /// Reads the versioned `cxmetrics.tally` format from what `JSON.parse` returned.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(value: &JsValue) -> JsResult<RawTally> {
        let inner = json::tally_from_js(value)?;
        exact_in_js(&inner, "json")?;
        Ok(RawTally { inner })
    }

    /// Adds `scores` (a typed array named by `kind`) with optional weights.
    /// All or nothing: on error the tally is unchanged.
    pub fn extend(
        &mut self,
        kind: &str,
        scores: &JsValue,
        weights: Option<js_sys::Float64Array>,
        on_invalid: &str,
    ) -> JsResult<()> {
        let policy = OnInvalid::parse(on_invalid).js()?;
        let scores = Scores::copy_from("scores", kind, scores)?;
        let weights = weights
            .as_ref()
            .map(|w| f64s_from("weights", w))
            .transpose()?;
        let mut t = self.inner.clone();
        scores.extend(&mut t, weights.as_deref(), policy)?;
        self.commit(t, "scores")
    }

    /// Adds the first `len` scores of `buf` (written by JS into wasm memory) with
    /// optional weights; error indices are `offset` + the position in `buf`. All or
    /// nothing: on error the tally is unchanged.
    #[wasm_bindgen(js_name = extendBuffer)]
    pub fn extend_buffer(
        &mut self,
        buf: &buffer::RawBuffer,
        len: f64,
        offset: f64,
        weights: Option<js_sys::Float64Array>,
        on_invalid: &str,
    ) -> JsResult<()> {
        let mut t = self.inner.clone();
        buffer::extend_from(&mut t, buf, len, offset, weights, on_invalid)?;
        self.commit(t, "scores")
    }

    /// Adds one score (NaN = missing) with an optional weight.
    pub fn push(&mut self, score: f64, weight: Option<f64>, on_invalid: &str) -> JsResult<()> {
        let policy = OnInvalid::parse(on_invalid).js()?;
        let mut t = self.inner.clone();
        t.push_with(score, weight, policy).js()?;
        self.commit(t, "score")
    }

    /// Adds another tally's responses to this one.
    pub fn merge(&mut self, other: &RawTally) -> JsResult<()> {
        let mut t = self.inner.clone();
        t.merge(&other.inner).js()?;
        self.commit(t, "other")
    }

    /// Merges this tally into itself (`t.merge(t)`: every response counted twice).
    #[wasm_bindgen(js_name = mergeSelf)]
    pub fn merge_self(&mut self) -> JsResult<()> {
        let mut t = self.inner.clone();
        t.merge(&self.inner).js()?;
        self.commit(t, "other")
    }

    /// Keeps `t`, a grown copy of this tally, only when its counts stay exact in JS
    /// (callers change a copy: a tally is at most 101 counts, so the copy is cheap).
    fn commit(&mut self, t: Tally, name: &str) -> JsResult<()> {
        exact_in_js(&t, name)?;
        self.inner = t;
        Ok(())
    }

    /// The scale's lowest point.
    #[wasm_bindgen(getter)]
    pub fn min(&self) -> i32 {
        self.inner.scale().min()
    }

    /// The scale's highest point.
    #[wasm_bindgen(getter)]
    pub fn max(&self) -> i32 {
        self.inner.scale().max()
    }

    /// Responses per point (as f64: JS numbers).
    #[wasm_bindgen(getter)]
    pub fn counts(&self) -> Vec<f64> {
        self.inner.counts().iter().map(|&c| c as f64).collect()
    }

    /// Σw per point (the counts when unweighted).
    #[wasm_bindgen(getter, js_name = pointWeights)]
    pub fn point_weights(&self) -> Vec<f64> {
        self.inner.point_weights()
    }

    /// An independent copy.
    #[must_use]
    #[wasm_bindgen(js_name = copy)]
    pub fn copy(&self) -> RawTally {
        RawTally {
            inner: self.inner.clone(),
        }
    }

    /// Valid responses.
    #[wasm_bindgen(getter)]
    pub fn n(&self) -> f64 {
        self.inner.n() as f64
    }

    /// Missing inputs.
    #[wasm_bindgen(getter)]
    pub fn missing(&self) -> f64 {
        self.inner.missing() as f64
    }

    /// Invalid inputs skipped.
    #[wasm_bindgen(getter)]
    pub fn invalid(&self) -> f64 {
        self.inner.invalid() as f64
    }

    /// Whether any weights were given.
    #[wasm_bindgen(getter)]
    pub fn weighted(&self) -> bool {
        self.inner.is_weighted()
    }

    /// Σw of the valid responses.
    #[wasm_bindgen(getter, js_name = sumWeights)]
    pub fn sum_weights(&self) -> f64 {
        self.inner.sum_weights()
    }

    /// Kish effective sample size.
    #[wasm_bindgen(getter, js_name = nEff)]
    pub fn n_eff(&self) -> f64 {
        self.inner.n_eff()
    }

    /// The tally in its compact binary form (`Tally::to_bytes`), as a `Uint8Array`.
    #[cfg(feature = "interchange")]
    #[wasm_bindgen(js_name = toBytes)]
    pub fn to_bytes(&self) -> Vec<u8> {
        self.inner.to_bytes()
    }

    /// Reads the binary form (`Tally::from_bytes`).
    #[cfg(feature = "interchange")]
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(bytes: &[u8]) -> JsResult<RawTally> {
        let inner = Tally::from_bytes(bytes).js()?;
        exact_in_js(&inner, "bytes")?;
        Ok(RawTally { inner })
    }

    /// The tally in the `cxmetrics.tally` format, as a plain object for `JSON.stringify`.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> JsValue {
        json::tally_to_js(&self.inner)
    }

    /// Net Promoter Score; explicit buckets when both bounds are given.
    pub fn nps(&self, detractor_max: Option<f64>, promoter_min: Option<f64>) -> JsResult<JsValue> {
        let buckets = match (
            int_option("buckets.detractor_max", detractor_max)?,
            int_option("buckets.promoter_min", promoter_min)?,
        ) {
            (Some(detractor_max), Some(promoter_min)) => Some(NpsBuckets {
                detractor_max,
                promoter_min,
            }),
            _ => None,
        };
        let r = cxmetrics::nps_with(&self.inner, NpsOptions { buckets }).js()?;
        Ok(results::nps(&r))
    }

    /// CSAT by method (`undefined` = `"top_box"`).
    pub fn csat(
        &self,
        method: Option<String>,
        threshold: Option<f64>,
        bottom_threshold: Option<f64>,
    ) -> JsResult<JsValue> {
        let method = method
            .as_deref()
            .map(CsatMethod::parse)
            .transpose()
            .js()?
            .unwrap_or_default();
        let options = CsatOptions {
            method,
            threshold: int_option("threshold", threshold)?,
            bottom_threshold: int_option("bottom_threshold", bottom_threshold)?,
        };
        let r = cxmetrics::csat(&self.inner, options).js()?;
        Ok(results::csat(&r))
    }

    /// CES with explicit polarity (`undefined` method = `"mean"`).
    pub fn ces(
        &self,
        higher_is_better: bool,
        method: Option<String>,
        threshold: Option<f64>,
    ) -> JsResult<JsValue> {
        let method = method
            .as_deref()
            .map(CesMethod::parse)
            .transpose()
            .js()?
            .unwrap_or_default();
        let options = CesOptions {
            higher_is_better,
            method,
            threshold: int_option("threshold", threshold)?,
        };
        let r = cxmetrics::ces(&self.inner, options).js()?;
        Ok(results::ces(&r))
    }

    /// Mean and sample standard deviation.
    pub fn mean(&self) -> JsResult<JsValue> {
        let r = cxmetrics::mean(&self.inner).js()?;
        Ok(results::mean(&r))
    }

    /// Top box (`undefined` threshold = the core's default).
    #[wasm_bindgen(js_name = topBox)]
    pub fn top_box(&self, threshold: Option<f64>) -> JsResult<JsValue> {
        let t = int_option("threshold", threshold)?;
        let r = cxmetrics::top_box(&self.inner, t).js()?;
        Ok(results::boxed(&r))
    }

    /// Bottom box (`undefined` threshold = the core's default).
    #[wasm_bindgen(js_name = bottomBox)]
    pub fn bottom_box(&self, threshold: Option<f64>) -> JsResult<JsValue> {
        let t = int_option("threshold", threshold)?;
        let r = cxmetrics::bottom_box(&self.inner, t).js()?;
        Ok(results::boxed(&r))
    }

    /// Responses per scale point.
    pub fn distribution(&self) -> JsResult<JsValue> {
        let r = cxmetrics::distribution(&self.inner).js()?;
        Ok(results::distribution(&r))
    }
}
