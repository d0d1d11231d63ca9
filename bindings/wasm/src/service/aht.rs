//! Average handle time: plain numbers, no instants (so in the light module too).

use js_sys::Float64Array;
use wasm_bindgen::prelude::*;

use crate::convert::f64s_from;
use crate::errors::{JsResult, ToJs};
use crate::results::Out;

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
    let mut o = Out::new();
    o.num("score", r.score);
    o.num("n", r.n as f64);
    o.num("missing", r.missing as f64);
    o.num("talk", r.talk);
    o.num("hold", r.hold);
    o.num("wrap", r.wrap);
    o.opt("stdDev", r.std_dev);
    o.estimate(&r.estimate());
    Ok(o.into_js())
}
