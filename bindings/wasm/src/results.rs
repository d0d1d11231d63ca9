//! Core results → small wasm-bindgen structs with read-only camelCase getters.
//!
//! The JS wrapper copies every getter of a returned struct into a frozen plain object
//! (`undefined` → `null`, typed arrays → arrays, nested structs recursively) and frees
//! the struct at once, so no result holds wasm memory. Reading ~15 getters is several
//! times cheaper than building a JS object property by property from Rust.
//!
//! Counts (`u64`) are exposed as `f64` (JS numbers, exact up to 2^53): a `u64` getter
//! would return a BigInt. Field order is the order of the JS result's keys.

use cxmetrics::{BoxResult, CesResult, CsatResult, Distribution, MeanResult, NpsResult};
use js_sys::Object;

use crate::stats::estimate_vec;
use wasm_bindgen::prelude::*;

/// `Reflect.set(obj, key, value)`. On the fresh objects made here it cannot throw (it
/// returns `false` where an assignment would throw, e.g. over a frozen inherited property).
pub(crate) fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(obj, &JsValue::from_str(key), value);
}

/// Declares an output struct with the base fields every survey result ends with.
macro_rules! output {
    ($(#[$m:meta])* $name:ident { $($body:tt)* }) => {
        $(#[$m])*
        #[wasm_bindgen]
        pub struct $name {
            $($body)*
            /// Valid responses used.
            #[wasm_bindgen(readonly)]
            pub n: f64,
            /// Missing inputs.
            #[wasm_bindgen(readonly)]
            pub missing: f64,
            /// Invalid inputs skipped.
            #[wasm_bindgen(readonly)]
            pub invalid: f64,
            /// Σw of the valid responses.
            #[wasm_bindgen(readonly, js_name = sumWeights)]
            pub sum_weights: f64,
            /// Kish effective sample size.
            #[wasm_bindgen(readonly, js_name = nEff)]
            pub n_eff: f64,
            /// Whether weights were given.
            #[wasm_bindgen(readonly)]
            pub weighted: bool,
            /// The inference estimate (`stats::estimate_vec`; empty for a distribution).
            #[wasm_bindgen(readonly, getter_with_clone)]
            pub estimate: Vec<f64>,
        }
    };
}

/// Fills the base fields from a core result.
macro_rules! fill {
    ($r:expr, $est:expr, $name:ident { $($f:ident : $v:expr),* $(,)? }) => {
        $name {
            $($f: $v,)*
            estimate: $est,
            n: $r.n as f64,
            missing: $r.missing as f64,
            invalid: $r.invalid as f64,
            sum_weights: $r.sum_weights,
            n_eff: $r.n_eff,
            weighted: $r.weighted,
        }
    };
}

/// NPS buckets (both inclusive).
#[wasm_bindgen]
#[derive(Clone, Copy)]
pub struct BucketsOut {
    /// The highest detractor score.
    #[wasm_bindgen(readonly, js_name = detractorMax)]
    pub detractor_max: f64,
    /// The lowest promoter score.
    #[wasm_bindgen(readonly, js_name = promoterMin)]
    pub promoter_min: f64,
}

output! {
    /// A Net Promoter Score.
    NpsOut {
        /// NPS in points.
        #[wasm_bindgen(readonly)]
        pub score: f64,
        /// Share of promoters.
        #[wasm_bindgen(readonly)]
        pub promoters: f64,
        /// Share of passives.
        #[wasm_bindgen(readonly)]
        pub passives: f64,
        /// Share of detractors.
        #[wasm_bindgen(readonly)]
        pub detractors: f64,
        /// Promoter responses.
        #[wasm_bindgen(readonly, js_name = nPromoters)]
        pub n_promoters: f64,
        /// Passive responses.
        #[wasm_bindgen(readonly, js_name = nPassives)]
        pub n_passives: f64,
        /// Detractor responses.
        #[wasm_bindgen(readonly, js_name = nDetractors)]
        pub n_detractors: f64,
        /// The buckets used.
        #[wasm_bindgen(readonly)]
        pub buckets: BucketsOut,
    }
}

output! {
    /// A CSAT score.
    CsatOut {
        /// The score.
        #[wasm_bindgen(readonly)]
        pub score: f64,
        /// The method (`"top_box"`, …).
        #[wasm_bindgen(readonly, getter_with_clone)]
        pub method: String,
        /// The satisfied threshold, if used.
        #[wasm_bindgen(readonly)]
        pub threshold: Option<i32>,
        /// The dissatisfied threshold, if used.
        #[wasm_bindgen(readonly, js_name = bottomThreshold)]
        pub bottom_threshold: Option<i32>,
    }
}

output! {
    /// A CES score.
    CesOut {
        /// The score.
        #[wasm_bindgen(readonly)]
        pub score: f64,
        /// The method (`"mean"`, …).
        #[wasm_bindgen(readonly, getter_with_clone)]
        pub method: String,
        /// The polarity.
        #[wasm_bindgen(readonly, js_name = higherIsBetter)]
        pub higher_is_better: bool,
        /// The first point of the easy side, if used.
        #[wasm_bindgen(readonly)]
        pub threshold: Option<i32>,
    }
}

output! {
    /// A mean and its sample standard deviation.
    MeanOut {
        /// The mean.
        #[wasm_bindgen(readonly)]
        pub score: f64,
        /// The sample standard deviation (`undefined` → `null` when not defined).
        #[wasm_bindgen(readonly, js_name = stdDev)]
        pub std_dev: Option<f64>,
    }
}

output! {
    /// A top- or bottom-box percentage.
    BoxOut {
        /// Percent in the box.
        #[wasm_bindgen(readonly)]
        pub score: f64,
        /// The box boundary.
        #[wasm_bindgen(readonly)]
        pub threshold: i32,
        /// Responses in the box.
        #[wasm_bindgen(readonly)]
        pub count: f64,
    }
}

output! {
    /// Responses per scale point.
    DistributionOut {
        /// The scale's points.
        #[wasm_bindgen(readonly, getter_with_clone)]
        pub points: Vec<i32>,
        /// Responses per point.
        #[wasm_bindgen(readonly, getter_with_clone)]
        pub counts: Vec<f64>,
        /// Share per point.
        #[wasm_bindgen(readonly, getter_with_clone)]
        pub shares: Vec<f64>,
    }
}

pub(crate) fn nps(r: &NpsResult) -> NpsOut {
    fill!(
        r,
        estimate_vec(&r.estimate()),
        NpsOut {
            score: r.score,
            promoters: r.promoters,
            passives: r.passives,
            detractors: r.detractors,
            n_promoters: r.n_promoters as f64,
            n_passives: r.n_passives as f64,
            n_detractors: r.n_detractors as f64,
            buckets: BucketsOut {
                detractor_max: r.buckets.detractor_max as f64,
                promoter_min: r.buckets.promoter_min as f64,
            },
        }
    )
}

pub(crate) fn csat(r: &CsatResult) -> CsatOut {
    fill!(
        r,
        estimate_vec(&r.estimate()),
        CsatOut {
            score: r.score,
            method: r.method.as_str().to_owned(),
            threshold: r.threshold,
            bottom_threshold: r.bottom_threshold,
        }
    )
}

pub(crate) fn ces(r: &CesResult) -> CesOut {
    fill!(
        r,
        estimate_vec(&r.estimate()),
        CesOut {
            score: r.score,
            method: r.method.as_str().to_owned(),
            higher_is_better: r.higher_is_better,
            threshold: r.threshold,
        }
    )
}

pub(crate) fn mean(r: &MeanResult) -> MeanOut {
    fill!(
        r,
        estimate_vec(&r.estimate()),
        MeanOut {
            score: r.score,
            std_dev: r.std_dev,
        }
    )
}

pub(crate) fn boxed(r: &BoxResult) -> BoxOut {
    fill!(
        r,
        estimate_vec(&r.estimate()),
        BoxOut {
            score: r.score,
            threshold: r.threshold,
            count: r.count as f64,
        }
    )
}

pub(crate) fn distribution(r: &Distribution) -> DistributionOut {
    fill!(
        r,
        Vec::new(),
        DistributionOut {
            points: r.points.clone(),
            counts: r.counts.iter().map(|&c| c as f64).collect(),
            shares: r.shares.clone(),
        }
    )
}

/// A table as columns on one JS object: numbers as a `Float64Array` (`NaN` = `None`: no
/// table value is ever NaN), booleans as a `Uint8Array`, strings (or `null`) as an array.
/// The wrapper zips them into frozen row objects; a column crosses in one call rather
/// than one `Reflect.set` per cell.
pub(crate) struct Columns(Object);

impl Columns {
    pub(crate) fn new() -> Columns {
        Columns(Object::new())
    }

    pub(crate) fn f64s(&self, name: &str, values: impl Iterator<Item = f64>) {
        let v: Vec<f64> = values.collect();
        set(&self.0, name, &js_sys::Float64Array::from(&v[..]));
    }

    pub(crate) fn opt_f64s(&self, name: &str, values: impl Iterator<Item = Option<f64>>) {
        self.f64s(name, values.map(|x| x.unwrap_or(f64::NAN)));
    }

    pub(crate) fn bools(&self, name: &str, values: impl Iterator<Item = bool>) {
        let v: Vec<u8> = values.map(u8::from).collect();
        set(&self.0, name, &js_sys::Uint8Array::from(&v[..]));
    }

    #[cfg_attr(not(feature = "time"), allow(dead_code))]
    pub(crate) fn strings<'a>(&self, name: &str, values: impl Iterator<Item = Option<&'a str>>) {
        let a = js_sys::Array::new();
        for v in values {
            a.push(&v.map_or(JsValue::NULL, JsValue::from_str));
        }
        set(&self.0, name, &a);
    }

    pub(crate) fn value(&self, name: &str, v: &JsValue) {
        set(&self.0, name, v);
    }

    pub(crate) fn into_js(self) -> JsValue {
        self.0.into()
    }
}
