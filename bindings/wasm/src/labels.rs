//! Labelled answers: the core's `LabelledScale` from the JS `Scale`'s labels, and text
//! columns read on it.
//!
//! The wrapper hands every text here already `normalize("NFC")`d and lower-cased (this
//! build has the core without its `unicode` feature, to keep the Unicode tables out of
//! the size budget); the core does the rest of the matching (trim, whitespace, `ß`,
//! `ς`, emoji modifiers, numbers, stars, missing texts) and every refusal.

use cxmetrics::labels::{Answer, PRESETS};
use cxmetrics::{LabelledScale, OnInvalid};
use js_sys::{Array, Float64Array, Int32Array};
use wasm_bindgen::prelude::*;

use crate::RawTally;
use crate::convert::{f64s_from, scale_from};
use crate::errors::{JsResult, ToJs};

fn build(
    min: f64,
    max: f64,
    texts: Vec<String>,
    points: &Float64Array,
    missing: Option<Vec<String>>,
) -> JsResult<LabelledScale> {
    let scale = scale_from(min, max)?;
    let points = f64s_from("labels", points)?;
    let pairs: Vec<(String, i64)> = texts
        .into_iter()
        .zip(points)
        .map(|(t, p)| {
            (
                t,
                if p.fract() == 0.0 && p.abs() < 1e15 {
                    p as i64
                } else {
                    i64::MAX
                },
            )
        })
        .collect();
    let s = scale.with_labels(pairs).js()?;
    match missing {
        Some(m) => s.with_missing(m).js(),
        None => Ok(s),
    }
}

/// Validates labels and missing texts (`invalid_scale` naming the label).
#[wasm_bindgen(js_name = checkLabels)]
pub fn check_labels(
    min: f64,
    max: f64,
    texts: Vec<String>,
    points: &Float64Array,
    missing: Option<Vec<String>>,
) -> JsResult<()> {
    build(min, max, texts, points, missing).map(|_| ())
}

/// The preset `name` in `lang` (`undefined` for the language-free ones) as
/// `[min, max, [text, point]…, missing texts]`: `[min, max, labels, missing]`.
#[wasm_bindgen(js_name = presetLabels)]
pub fn preset_labels(name: &str, lang: Option<String>) -> JsResult<Array> {
    let s = LabelledScale::preset(name, lang.as_deref()).js()?;
    let labels = Array::new();
    for (t, p) in s.labels() {
        labels.push(&Array::of2(
            &JsValue::from_str(t),
            &JsValue::from_f64(f64::from(*p)),
        ));
    }
    let missing: Array = s.missing().iter().map(|m| JsValue::from_str(m)).collect();
    Ok(Array::of4(
        &JsValue::from_f64(f64::from(s.scale().min())),
        &JsValue::from_f64(f64::from(s.scale().max())),
        &labels,
        &missing,
    ))
}

/// The names and languages of the presets, `[[name, lang | null]…]` (tests compare the
/// JS statics with them).
#[wasm_bindgen(js_name = presetNames)]
pub fn preset_names() -> Array {
    PRESETS
        .iter()
        .map(|p| {
            Array::of2(
                &JsValue::from_str(p.name),
                &p.lang.map_or(JsValue::NULL, JsValue::from_str),
            )
        })
        .collect()
}

/// A text column as scores (missing NaN, invalid +∞ when skipping): `categories` are the
/// distinct answers (`numbers[j]` not NaN: the number `numbers[j]`; else the text
/// `texts[j]`), `codes[i]` the category of row `i` (−1: missing).
#[wasm_bindgen(js_name = labelValues)]
#[allow(clippy::too_many_arguments)]
pub fn label_values(
    min: f64,
    max: f64,
    texts: Vec<String>,
    points: &Float64Array,
    missing: Option<Vec<String>>,
    cat_texts: Vec<String>,
    cat_numbers: &Float64Array,
    codes: &Int32Array,
    on_invalid: &str,
) -> JsResult<Float64Array> {
    let policy = OnInvalid::parse(on_invalid).js()?;
    let s = build(min, max, texts, points, missing)?;
    let numbers = f64s_from("scores", cat_numbers)?;
    let categories: Vec<Answer<'_>> = cat_texts
        .iter()
        .zip(&numbers)
        .map(|(t, &x)| {
            if x.is_nan() {
                Answer::Text(t)
            } else {
                Answer::Number(x)
            }
        })
        .collect();
    let codes = codes.to_vec();
    let values = s.values_codes(&categories, &codes, policy).js()?;
    Ok(Float64Array::from(values.as_slice()))
}

#[wasm_bindgen]
impl RawTally {
    /// Adds one text answer (already `normalize("NFC")`d and lower-cased by the wrapper)
    /// read on the scale's labels, with an optional weight; an error's index is the
    /// rows seen before (as `push`).
    #[wasm_bindgen(js_name = pushText)]
    #[allow(clippy::too_many_arguments)]
    pub fn push_text(
        &mut self,
        min: f64,
        max: f64,
        texts: Vec<String>,
        points: &Float64Array,
        missing: Option<Vec<String>>,
        text: &str,
        weight: Option<f64>,
        on_invalid: &str,
    ) -> JsResult<()> {
        let policy = OnInvalid::parse(on_invalid).js()?;
        let s = build(min, max, texts, points, missing)?;
        let mut t = self.inner.clone();
        t.push_text(&s, text, weight, policy).js()?;
        self.commit(t, "score")
    }
}
