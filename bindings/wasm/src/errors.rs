//! Errors → JS values.

use wasm_bindgen::JsValue;

/// What the raw exports return: a thrown JS value on error.
pub(crate) type JsResult<T> = Result<T, JsValue>;

/// A JS `Error` with `message`, `code`, `index` (a number or `null`) and the marker
/// `cxmetrics: true`; the JS wrapper re-throws it as its exported `CxMetricsError` class.
///
/// Properties are set with `Reflect.set`, never by assignment: with frozen intrinsics
/// (SES / `lockdown()`), assigning `name` would throw inside wasm.
pub(crate) fn error(code: &str, message: &str, index: Option<usize>) -> JsValue {
    let err = js_sys::Error::new(message);
    let index = index.map_or(JsValue::NULL, |i| JsValue::from_f64(i as f64));
    crate::results::set(&err, "name", &JsValue::from_str("CxMetricsError"));
    crate::results::set(&err, "code", &JsValue::from_str(code));
    crate::results::set(&err, "index", &index);
    crate::results::set(&err, "cxmetrics", &JsValue::TRUE);
    err.into()
}

/// An `invalid_argument` error made by the binding: the core's
/// [`cxmetrics::Error::invalid_argument`], converted like any core error.
pub(crate) fn invalid_argument(name: &str, message: &str) -> JsValue {
    core_error(cxmetrics::Error::invalid_argument(name.to_owned(), message))
}

/// A core option name as JS spells it: snake_case → camelCase (`min_n` → `minN`,
/// `buckets.detractor_max` → `buckets.detractorMax`); a camelCase name is unchanged.
/// ASCII only: `char::to_uppercase` would link the Unicode case tables (+10 KB gzipped).
pub(crate) fn camel(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// Every error code, in the documented order (the core's `Error::CODES`); the tests
/// compare it with the `ErrorCode` union of `index.d.ts`.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = errorCodes)]
pub fn error_codes() -> Vec<String> {
    cxmetrics::Error::CODES
        .iter()
        .map(|&c| c.to_owned())
        .collect()
}

/// `.js()` on a core result: its error as a JS value, with the core's `code()`,
/// `index()` and message (option names in camelCase: `Error::message_with(camel)`).
pub(crate) trait ToJs<T> {
    fn js(self) -> JsResult<T>;
}

impl<T> ToJs<T> for cxmetrics::Result<T> {
    fn js(self) -> JsResult<T> {
        self.map_err(core_error)
    }
}

/// A core error as a JS value (one non-generic copy, however many result types use it).
#[inline(never)]
pub(crate) fn core_error(e: cxmetrics::Error) -> JsValue {
    error(e.code(), &e.message_with(camel), e.index())
}
