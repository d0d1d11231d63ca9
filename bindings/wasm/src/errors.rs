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

/// An `invalid_argument` error made by the binding, worded like the core's.
pub(crate) fn invalid_argument(name: &str, message: &str) -> JsValue {
    error(
        "invalid_argument",
        &format!("invalid argument `{name}`: {message}"),
        None,
    )
}

/// `.js()` on a core result: its error as a JS value, with the core's `code()`,
/// `index()` and message (`Display`) unchanged.
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
    error(e.code(), &e.to_string(), e.index())
}
