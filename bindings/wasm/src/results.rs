//! Core results → one shape for every result, built by [`Out`]: a `Float64Array`
//! `nums`, or an array `[nums, ...values]` when the result has values that are not
//! numbers.
//!
//! `nums` is one `Float64Array`: `nums[0]` is the id of the result's *layout* (a string
//! the wrapper fetches once per id with `resultLayout`), then the numbers of the fields.
//! The layout names the fields in order, each with a one-character tag: `=` a number,
//! `?` a number or `null` (`NaN` here), `!` a boolean (0 / 1), `#` a list of numbers and
//! `%` a list of booleans (a length, then the items), all read in turn from `nums`; `*`
//! any other value (a string, an array of strings or keys, an error), read in turn from
//! `values`. `name:value` is a string field whose value (from a small fixed set: a
//! method's name, a clock) is written in the layout itself. A dotted name (`buckets.detractorMax`) is a field of a nested object.
//! Counts are `f64` (exact up to 2^53). The wrapper decodes every result with one
//! function (`decode` in `js/src/results.mjs`), so a field is named once, here.
//!
//! Why: a result crosses in two or three calls whatever its number of fields, with no
//! string made per field (getters, or a `Reflect.set` per field, cost up to 2-4x more
//! per small call; `DEVELOPING.md`, "Results"), and no result holds wasm memory.

use std::cell::RefCell;

use cxmetrics::{BoxResult, CesResult, CsatResult, Distribution, Estimate, MeanResult, NpsResult};
use js_sys::{Array, Float64Array, Object};
use wasm_bindgen::prelude::*;

use crate::stats::estimate_vec;

/// `Reflect.set(obj, key, value)`. On the fresh objects made here it cannot throw (it
/// returns `false` where an assignment would throw, e.g. over a frozen inherited property).
pub(crate) fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(obj, &JsValue::from_str(key), value);
}

thread_local! {
    /// The layouts seen so far; a result's layout id is its index (one per result kind).
    static LAYOUTS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// The layout with id `id` (the wrapper asks once per id and caches it).
#[wasm_bindgen(js_name = resultLayout)]
pub fn result_layout(id: u32) -> Option<String> {
    LAYOUTS.with(|l| l.borrow().get(id as usize).cloned())
}

fn layout_id(layout: String) -> f64 {
    LAYOUTS.with(|l| {
        let mut l = l.borrow_mut();
        let id = l.iter().position(|x| *x == layout).unwrap_or_else(|| {
            l.push(layout);
            l.len() - 1
        });
        id as f64
    })
}

/// A result under construction (see the module documentation for the format).
pub(crate) struct Out {
    layout: String,
    nums: Vec<f64>,
    values: Vec<JsValue>,
}

impl Out {
    pub(crate) fn new() -> Out {
        let mut nums = Vec::with_capacity(24);
        nums.push(0.0); // the layout id, set by `into_js`
        Out {
            layout: String::with_capacity(256),
            nums,
            values: Vec::new(),
        }
    }

    fn field(&mut self, name: &str, tag: char) {
        if !self.layout.is_empty() {
            self.layout.push(' ');
        }
        self.layout.push_str(name);
        self.layout.push(tag);
    }

    /// A number.
    pub(crate) fn num(&mut self, name: &str, x: f64) {
        self.field(name, '=');
        self.nums.push(x);
    }

    /// A number or `null`.
    pub(crate) fn opt(&mut self, name: &str, x: Option<f64>) {
        self.field(name, '?');
        self.nums.push(x.unwrap_or(f64::NAN));
    }

    /// A boolean.
    pub(crate) fn flag(&mut self, name: &str, b: bool) {
        self.field(name, '!');
        self.nums.push(f64::from(u8::from(b)));
    }

    /// Any other JS value.
    pub(crate) fn value(&mut self, name: &str, v: JsValue) {
        self.field(name, '*');
        self.values.push(v);
    }

    /// A string from a small fixed set (a method's name, a clock): written into the
    /// layout as `name:value`, so it costs nothing per result.
    pub(crate) fn name(&mut self, name: &str, value: &'static str) {
        if !self.layout.is_empty() {
            self.layout.push(' ');
        }
        self.layout.push_str(name);
        self.layout.push(':');
        self.layout.push_str(value);
    }

    /// The core result itself, for a table's `toSVG()` (a
    /// [`RawChart`](crate::chart::RawChart) handle the wrapper keeps privately; the full
    /// module only).
    #[cfg(feature = "charts")]
    pub(crate) fn chart(&mut self, picture: crate::chart::Picture) {
        self.value("chart", crate::chart::RawChart::new(picture).into());
    }

    /// The inference estimate (`stats::estimate_vec`), kept private by the wrapper.
    pub(crate) fn estimate(&mut self, e: &Estimate) {
        self.f64s("estimate", estimate_vec(e).into_iter());
    }

    fn list(&mut self, name: &str, tag: char, values: impl Iterator<Item = f64>) {
        self.field(name, tag);
        let at = self.nums.len();
        self.nums.push(0.0);
        self.nums.extend(values);
        self.nums[at] = (self.nums.len() - at - 1) as f64;
    }

    /// A list or a number column (a `Float64Array` in JS).
    pub(crate) fn f64s(&mut self, name: &str, values: impl Iterator<Item = f64>) {
        self.list(name, '#', values);
    }

    /// A number column with `None` as `NaN` (read back as `null` in rows).
    pub(crate) fn opt_f64s(&mut self, name: &str, values: impl Iterator<Item = Option<f64>>) {
        self.f64s(name, values.map(|x| x.unwrap_or(f64::NAN)));
    }

    /// A boolean column (a `Uint8Array` in JS).
    pub(crate) fn bools(&mut self, name: &str, values: impl Iterator<Item = bool>) {
        self.list(name, '%', values.map(|b| f64::from(u8::from(b))));
    }

    /// A string column (`null` = `None`).
    #[cfg_attr(not(feature = "time"), allow(dead_code))]
    pub(crate) fn strings<'a>(
        &mut self,
        name: &str,
        values: impl Iterator<Item = Option<&'a str>>,
    ) {
        let a = Array::new();
        for v in values {
            a.push(&v.map_or(JsValue::NULL, JsValue::from_str));
        }
        self.value(name, a.into());
    }

    pub(crate) fn into_js(mut self) -> JsValue {
        self.nums[0] = layout_id(self.layout);
        let nums = Float64Array::from(&self.nums[..]);
        if self.values.is_empty() {
            return nums.into();
        }
        let out = Array::of1(&nums);
        for v in &self.values {
            out.push(v);
        }
        out.into()
    }
}

/// The fields every survey result ends with, and its estimate.
macro_rules! survey_tail {
    ($o:expr, $r:expr) => {{
        let (o, r) = (&mut $o, &$r);
        o.num("n", r.n as f64);
        o.num("missing", r.missing as f64);
        o.num("invalid", r.invalid as f64);
        o.num("sumWeights", r.sum_weights);
        o.num("nEff", r.n_eff);
        o.flag("weighted", r.weighted);
    }};
}

pub(crate) fn nps(r: &NpsResult) -> JsValue {
    let mut o = Out::new();
    o.num("score", r.score);
    o.num("promoters", r.promoters);
    o.num("passives", r.passives);
    o.num("detractors", r.detractors);
    o.num("nPromoters", r.n_promoters as f64);
    o.num("nPassives", r.n_passives as f64);
    o.num("nDetractors", r.n_detractors as f64);
    o.num("buckets.detractorMax", r.buckets.detractor_max as f64);
    o.num("buckets.promoterMin", r.buckets.promoter_min as f64);
    survey_tail!(o, r);
    o.estimate(&r.estimate());
    o.into_js()
}

pub(crate) fn csat(r: &CsatResult) -> JsValue {
    let mut o = Out::new();
    o.num("score", r.score);
    o.name("method", r.method.as_str());
    o.opt("threshold", r.threshold.map(f64::from));
    o.opt("bottomThreshold", r.bottom_threshold.map(f64::from));
    survey_tail!(o, r);
    o.estimate(&r.estimate());
    o.into_js()
}

pub(crate) fn ces(r: &CesResult) -> JsValue {
    let mut o = Out::new();
    o.num("score", r.score);
    o.name("method", r.method.as_str());
    o.flag("higherIsBetter", r.higher_is_better);
    o.opt("threshold", r.threshold.map(f64::from));
    survey_tail!(o, r);
    o.estimate(&r.estimate());
    o.into_js()
}

pub(crate) fn mean(r: &MeanResult) -> JsValue {
    let mut o = Out::new();
    o.num("score", r.score);
    o.opt("stdDev", r.std_dev);
    survey_tail!(o, r);
    o.estimate(&r.estimate());
    o.into_js()
}

pub(crate) fn boxed(r: &BoxResult) -> JsValue {
    let mut o = Out::new();
    o.num("score", r.score);
    o.num("threshold", f64::from(r.threshold));
    o.num("count", r.count as f64);
    survey_tail!(o, r);
    o.estimate(&r.estimate());
    o.into_js()
}

pub(crate) fn distribution(r: &Distribution) -> JsValue {
    let mut o = Out::new();
    o.f64s("points", r.points.iter().map(|&p| f64::from(p)));
    o.f64s("counts", r.counts.iter().map(|&c| c as f64));
    o.f64s("shares", r.shares.iter().copied());
    survey_tail!(o, r);
    o.into_js()
}
