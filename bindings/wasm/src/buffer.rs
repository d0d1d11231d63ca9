//! `RawBuffer`: scores that JS writes straight into wasm memory (issue 17, item 3).
//!
//! The wrapper's `ScoresBuffer` asks for `len` scores of one element type (`u8` or
//! `f64`), reads [`RawBuffer::ptr`] and views those bytes through a typed array over
//! the module's `WebAssembly.Memory` ([`wasm_memory`]). Callers fill the view and
//! count it with `RawTally::extendBuffer`: no copy of the scores on the way in. The
//! same object, reused, is the staging area for large typed arrays, which the wrapper
//! copies and counts in fixed-size chunks (`CHUNK` values in `js/src/buffer.mjs`) so
//! that a call never holds a second full copy of its input.
//!
//! No `unsafe`: the buffer is an ordinary `Vec`, which is never resized after it is
//! made, so its address stays valid while the object lives (wasm memory growth keeps
//! addresses; it only detaches the JS views, which the wrapper re-derives).

use cxmetrics::{Error, OnInvalid, Tally};
use wasm_bindgen::prelude::*;

use crate::convert::{count_from, f64s_from};
use crate::errors::{JsResult, core_error, invalid_argument};

/// The element type and the zeroed storage of a [`RawBuffer`].
enum Data {
    U8(Vec<u8>),
    /// Staging only (`Int16Array` / `Int32Array` input), feature `int-scores`.
    #[cfg(feature = "int-scores")]
    I16(Vec<i16>),
    #[cfg(feature = "int-scores")]
    I32(Vec<i32>),
    F64(Vec<f64>),
}

/// `len` zeroed elements, reserved fallibly (`invalid_argument` when they do not fit).
fn zeroed<T: Copy + Default>(len: usize) -> JsResult<Vec<T>> {
    let mut v = Vec::new();
    if v.try_reserve_exact(len).is_err() {
        return Err(invalid_argument(
            "length",
            &format!(
                "{len} values do not fit in WebAssembly memory; use a smaller buffer and count it in parts"
            ),
        ));
    }
    v.resize(len, T::default());
    Ok(v)
}

/// Scores in wasm memory that JS fills through a typed-array view.
#[wasm_bindgen]
pub struct RawBuffer {
    data: Data,
}

#[wasm_bindgen]
impl RawBuffer {
    /// `len` zeroed scores of `kind` (`"u8"` or `"f64"`; `"i16"` and `"i32"` with the
    /// feature `int-scores`, for the wrapper's staging buffers).
    #[wasm_bindgen(constructor)]
    pub fn new(kind: &str, len: f64) -> JsResult<RawBuffer> {
        let len = usize::try_from(count_from("length", len)?).unwrap_or(usize::MAX);
        let data = match kind {
            "u8" => Data::U8(zeroed(len)?),
            #[cfg(feature = "int-scores")]
            "i16" => Data::I16(zeroed(len)?),
            #[cfg(feature = "int-scores")]
            "i32" => Data::I32(zeroed(len)?),
            "f64" => Data::F64(zeroed(len)?),
            other => {
                return Err(invalid_argument(
                    "dtype",
                    &format!("{other:?} is not a buffer type; use \"u8\" or \"f64\""),
                ));
            }
        };
        Ok(RawBuffer { data })
    }

    /// The byte offset of the first element in the module's memory.
    pub fn ptr(&self) -> usize {
        match &self.data {
            Data::U8(v) => v.as_ptr() as usize,
            #[cfg(feature = "int-scores")]
            Data::I16(v) => v.as_ptr() as usize,
            #[cfg(feature = "int-scores")]
            Data::I32(v) => v.as_ptr() as usize,
            Data::F64(v) => v.as_ptr() as usize,
        }
    }
}

/// The module's `WebAssembly.Memory` (its `buffer` is what `ScoresBuffer` views).
#[wasm_bindgen(js_name = wasmMemory)]
pub fn wasm_memory() -> JsValue {
    wasm_bindgen::memory()
}

/// Whether this module counts `Int16Array` / `Int32Array` as their own type (feature
/// `int-scores`: the full module; the light one widens them to `f64` while copying).
#[cfg(feature = "int-scores")]
#[wasm_bindgen(js_name = intScores)]
pub fn int_scores() -> bool {
    true
}

/// `e` with its score index moved by `offset` (a chunk's position in the whole input).
fn shifted(mut e: Error, offset: usize) -> Error {
    match &mut e {
        Error::OutOfScale { index, .. }
        | Error::NotInteger { index, .. }
        | Error::NotFinite { index, .. }
        | Error::InvalidWeight {
            index: Some(index), ..
        } => *index = index.saturating_add(offset),
        _ => {}
    }
    e
}

/// Adds the first `len` scores of `buf` (with optional weights, copied) to `t`; errors
/// name rows as `offset + i`. The caller commits `t` (all or nothing).
pub(crate) fn extend_from(
    t: &mut Tally,
    buf: &RawBuffer,
    len: f64,
    offset: f64,
    weights: Option<js_sys::Float64Array>,
    on_invalid: &str,
) -> JsResult<()> {
    let policy = OnInvalid::parse(on_invalid).map_err(core_error)?;
    let len = usize::try_from(count_from("length", len)?).unwrap_or(usize::MAX);
    let offset = usize::try_from(count_from("offset", offset)?).unwrap_or(usize::MAX);
    let weights = weights
        .as_ref()
        .map(|w| f64s_from("weights", w))
        .transpose()?;
    let w = weights.as_deref();
    let r = match &buf.data {
        Data::U8(v) => match v.get(..len) {
            Some(s) => t.extend_with(s, w, policy),
            None => return Err(too_long(len, v.len())),
        },
        #[cfg(feature = "int-scores")]
        Data::I16(v) => match v.get(..len) {
            Some(s) => t.extend_with(s, w, policy),
            None => return Err(too_long(len, v.len())),
        },
        #[cfg(feature = "int-scores")]
        Data::I32(v) => match v.get(..len) {
            Some(s) => t.extend_with(s, w, policy),
            None => return Err(too_long(len, v.len())),
        },
        Data::F64(v) => match v.get(..len) {
            Some(s) => t.extend_with(s, w, policy),
            None => return Err(too_long(len, v.len())),
        },
    };
    r.map_err(|e| core_error(shifted(e, offset)))
}

/// `invalid_argument`: more scores asked for than the buffer holds.
fn too_long(len: usize, have: usize) -> JsValue {
    invalid_argument(
        "length",
        &format!("{len} scores asked for, the buffer holds {have}"),
    )
}
