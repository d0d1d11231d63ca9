//! Core results → plain JS objects with camelCase keys (the wrapper freezes them and
//! gives them a `toJSON()`). Counts (`u64`) become JS numbers, exact up to 2^53.

use cxmetrics::{BoxResult, CesResult, CsatResult, Distribution, MeanResult, NpsResult};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

/// `Reflect.set(obj, key, value)`. On the fresh objects made here it cannot throw (it
/// returns `false` where an assignment would throw, e.g. over a frozen inherited property).
pub(crate) fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

fn num(x: f64) -> JsValue {
    JsValue::from_f64(x)
}

fn count(x: u64) -> JsValue {
    JsValue::from_f64(x as f64)
}

fn opt_int(x: Option<i32>) -> JsValue {
    x.map_or(JsValue::NULL, JsValue::from)
}

/// The base every survey result shares.
macro_rules! object {
    ($r:expr; $($key:literal => $value:expr),* $(,)?) => {{
        let o = Object::new();
        $(set(&o, $key, &$value);)*
        set(&o, "n", &count($r.n));
        set(&o, "missing", &count($r.missing));
        set(&o, "invalid", &count($r.invalid));
        set(&o, "sumWeights", &num($r.sum_weights));
        set(&o, "nEff", &num($r.n_eff));
        set(&o, "weighted", &JsValue::from_bool($r.weighted));
        o.into()
    }};
}

pub(crate) fn nps(r: &NpsResult) -> JsValue {
    let buckets = Object::new();
    set(
        &buckets,
        "detractorMax",
        &num(r.buckets.detractor_max as f64),
    );
    set(&buckets, "promoterMin", &num(r.buckets.promoter_min as f64));
    object!(r;
        "score" => num(r.score),
        "promoters" => num(r.promoters),
        "passives" => num(r.passives),
        "detractors" => num(r.detractors),
        "nPromoters" => count(r.n_promoters),
        "nPassives" => count(r.n_passives),
        "nDetractors" => count(r.n_detractors),
        "buckets" => JsValue::from(buckets),
    )
}

pub(crate) fn csat(r: &CsatResult) -> JsValue {
    object!(r;
        "score" => num(r.score),
        "method" => JsValue::from_str(r.method.as_str()),
        "threshold" => opt_int(r.threshold),
        "bottomThreshold" => opt_int(r.bottom_threshold),
    )
}

pub(crate) fn ces(r: &CesResult) -> JsValue {
    object!(r;
        "score" => num(r.score),
        "method" => JsValue::from_str(r.method.as_str()),
        "higherIsBetter" => JsValue::from_bool(r.higher_is_better),
        "threshold" => opt_int(r.threshold),
    )
}

pub(crate) fn mean(r: &MeanResult) -> JsValue {
    object!(r;
        "score" => num(r.score),
        "stdDev" => r.std_dev.map_or(JsValue::NULL, num),
    )
}

pub(crate) fn boxed(r: &BoxResult) -> JsValue {
    object!(r;
        "score" => num(r.score),
        "threshold" => JsValue::from(r.threshold),
        "count" => count(r.count),
    )
}

pub(crate) fn distribution(r: &Distribution) -> JsValue {
    let points: Array = r.points.iter().map(|&p| JsValue::from(p)).collect();
    let counts: Array = r.counts.iter().map(|&c| count(c)).collect();
    let shares: Array = r.shares.iter().map(|&s| num(s)).collect();
    object!(r;
        "points" => JsValue::from(points),
        "counts" => JsValue::from(counts),
        "shares" => JsValue::from(shares),
    )
}
