//! Average handle time: plain numbers, no instants (so in the light module too).

use js_sys::{Float64Array, Object};
use wasm_bindgen::prelude::*;

use crate::convert::f64s_from;
use crate::errors::{JsResult, ToJs};
use crate::lifecycle::with_estimate;
use crate::results::set;

/// Average handle time of talk (+ hold, + wrap-up) seconds per contact.
#[wasm_bindgen(js_name = handleTime)]
pub fn handle_time(
    talk: &Float64Array,
    hold: Option<Float64Array>,
    wrap: Option<Float64Array>,
) -> JsResult<JsValue> {
    let talk = f64s_from("talk", talk)?;
    let hold = hold.map(|h| f64s_from("hold", &h)).transpose()?;
    let wrap = wrap.map(|w| f64s_from("wrap", &w)).transpose()?;
    let r = cxmetrics::handle_time(&talk, hold.as_deref(), wrap.as_deref()).js()?;
    let out = Object::new();
    set(&out, "score", &r.score.into());
    set(&out, "n", &(r.n as f64).into());
    set(&out, "missing", &(r.missing as f64).into());
    set(&out, "talk", &r.talk.into());
    set(&out, "hold", &r.hold.into());
    set(&out, "wrap", &r.wrap.into());
    set(
        &out,
        "stdDev",
        &r.std_dev.map_or(JsValue::NULL, JsValue::from),
    );
    with_estimate(&out, &r.estimate());
    Ok(out.into())
}
