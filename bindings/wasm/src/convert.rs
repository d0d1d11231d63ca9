//! JS → Rust input conversion: typed arrays into wasm memory, numbers into integers.
//!
//! Every copy reserves its memory fallibly, so an input too large for the module's
//! linear memory (4 GiB at most on wasm32) is an `invalid_argument` error, not an
//! allocation failure (which would abort, i.e. trap, under `panic = "abort"`).

use cxmetrics::{OnInvalid, Scale, Tally};
use js_sys::{Float64Array, Int8Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

use crate::errors::{JsResult, ToJs, error, invalid_argument};

/// `invalid_argument`: `len` values do not fit in wasm memory.
fn too_large(what: &str, len: usize) -> JsValue {
    invalid_argument(
        what,
        &format!(
            "{len} values do not fit in WebAssembly memory; pass the data in chunks and merge Tally objects"
        ),
    )
}

/// A fresh zeroed buffer of `len` elements, or `invalid_argument` when it does not fit.
fn buffer<T: Copy + Default>(what: &str, len: usize) -> JsResult<Vec<T>> {
    let mut v = Vec::new();
    if v.try_reserve_exact(len).is_err() {
        return Err(too_large(what, len));
    }
    v.resize(len, T::default());
    Ok(v)
}

macro_rules! copy_fn {
    ($($fn_name:ident: $js:ty => $rs:ty),* $(,)?) => {$(
        fn $fn_name(what: &str, a: &$js) -> JsResult<Vec<$rs>> {
            let mut v = buffer::<$rs>(what, a.length() as usize)?;
            // `length` is read again by `copy_to`; nothing runs in between, so it matches.
            a.copy_to(&mut v);
            Ok(v)
        }
    )*};
}

copy_fn! {
    copy_u8: Uint8Array => u8,
    copy_i8: Int8Array => i8,
    copy_f64: Float64Array => f64,
}

/// Scores copied out of a JS typed array in one piece (weighted calls and `Int8Array`;
/// unweighted `Uint8Array` / `Float64Array` input is counted in chunks through a
/// `RawBuffer` instead). `Uint8Array`, `Int8Array` and `Float64Array` keep their own
/// element type (the core's integer and float tally paths); the wrapper widens every
/// other typed array to a `Float64Array` first (`TypedArray.prototype.set`, exact for
/// every value that can be a score; a 64-bit integer beyond 2^53 rounds to a float that
/// is still out of every scale). Each core instantiation of the tally path costs ~2 KB
/// of wasm, and each `copy_to` glue a few hundred bytes.
pub(crate) enum Scores {
    U8(Vec<u8>),
    I8(Vec<i8>),
    F64(Vec<f64>),
}

impl Scores {
    /// Copies a typed array (`what`, for messages) whose `Symbol.toStringTag` is `kind` (checked by the caller
    /// with the `%TypedArray%.prototype[Symbol.toStringTag]` getter, so it cannot lie).
    pub(crate) fn copy_from(what: &str, kind: &str, v: &JsValue) -> JsResult<Scores> {
        Ok(match kind {
            "Uint8Array" => Scores::U8(copy_u8(what, v.unchecked_ref())?),
            "Int8Array" => Scores::I8(copy_i8(what, v.unchecked_ref())?),
            "Float64Array" => Scores::F64(copy_f64(what, v.unchecked_ref())?),
            other => {
                return Err(invalid_argument(
                    what,
                    &format!("unsupported typed array {other:?}"),
                ));
            }
        })
    }

    /// The core's one-pass, all-or-nothing `extend_with` on the matching slice type.
    pub(crate) fn extend(
        &self,
        tally: &mut Tally,
        weights: Option<&[f64]>,
        on_invalid: OnInvalid,
    ) -> JsResult<()> {
        match self {
            Scores::U8(s) => tally.extend_with(s, weights, on_invalid),
            Scores::I8(s) => tally.extend_with(s, weights, on_invalid),
            Scores::F64(s) => tally.extend_with(s, weights, on_invalid),
        }
        .js()
    }
}

/// Weights (or p-values, durations, …): one copy of a `Float64Array`.
pub(crate) fn f64s_from(what: &str, a: &Float64Array) -> JsResult<Vec<f64>> {
    copy_f64(what, a)
}

/// `Number.MAX_SAFE_INTEGER`, 2^53 - 1: the largest integer that no other integer
/// rounds to as a JS number. Counts above it are refused, never rounded: on the way in
/// (here) and on the way out ([`MAX_SAFE_COUNT`] in `RawTally`).
pub(crate) const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

/// [`MAX_SAFE`] as a count.
pub(crate) const MAX_SAFE_COUNT: u64 = 9_007_199_254_740_991;

/// A count given as an integral JS number (the wrapper checked the type): `invalid_argument`
/// when negative or above `Number.MAX_SAFE_INTEGER`.
pub(crate) fn count_from(name: &str, x: f64) -> JsResult<u64> {
    if x >= 0.0 && x.fract() == 0.0 && x <= MAX_SAFE {
        Ok(x as u64)
    } else {
        Err(invalid_argument(
            name,
            &format!("{x} is not a count (an integer from 0 to 2^53 - 1)"),
        ))
    }
}

/// Counts per point: non-negative integers (given as JS numbers).
pub(crate) fn counts_from(a: &Float64Array) -> JsResult<Vec<u64>> {
    let xs = copy_f64("counts", a)?;
    let mut out = buffer::<u64>("counts", xs.len())?;
    for (i, (&x, o)) in xs.iter().zip(out.iter_mut()).enumerate() {
        if !(x >= 0.0 && x.fract() == 0.0 && x <= MAX_SAFE) {
            return Err(error(
                "invalid_argument",
                &format!(
                    "invalid argument `counts`: counts[{i}] is {x}; counts must be integers from 0 to 2^53 - 1"
                ),
                Some(i),
            ));
        }
        *o = x as u64;
    }
    Ok(out)
}

/// An integral JS number as `i64` (saturating beyond the i64 range, which every
/// caller refuses anyway: scales and thresholds live in i32).
fn integral(name: &str, x: f64) -> JsResult<i64> {
    if x.is_finite() && x.fract() == 0.0 {
        Ok(x as i64)
    } else {
        Err(invalid_argument(name, &format!("{x} is not an integer")))
    }
}

/// An optional integer option (`undefined` → `None`).
pub(crate) fn int_option(name: &str, x: Option<f64>) -> JsResult<Option<i64>> {
    x.map(|x| integral(name, x)).transpose()
}

/// A [`Scale`] from two integral JS numbers (`Scale::new` refuses any bound that does
/// not fit, without overflow).
pub(crate) fn scale_from(min: f64, max: f64) -> JsResult<Scale> {
    Scale::new(integral("scale", min)?, integral("scale", max)?).js()
}

/// `obj[name]` of a descriptor object the wrapper built itself (plain data, no getters).
pub(crate) fn prop(obj: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}
