//! Score kinds: the [`Score`] trait over the numeric input types, and [`OnInvalid`].

#![allow(clippy::inline_always)] // `bins` is inlined into each SIMD level's counting pass

use crate::error::{Error, Result};
use crate::scale::Scale;

/// What to do with an invalid score or weight.
///
/// Invalid means: outside the scale, not an integer, ±∞, or (for a weight) negative
/// or not finite. Missing values (NaN) are never invalid: they are counted as
/// `missing` whatever the policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum OnInvalid {
    /// Stop at the first invalid value with an error naming its index and value (default).
    #[default]
    Error,
    /// Count the row in `invalid` and leave it out of every denominator.
    Skip,
}

impl OnInvalid {
    /// Parses `"error"` or `"skip"` (the spelling used by the Python and JS bindings).
    ///
    /// # Errors
    /// `invalid_argument` for any other string.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::OnInvalid;
    /// assert_eq!(OnInvalid::parse("skip")?, OnInvalid::Skip);
    /// assert_eq!(OnInvalid::parse("drop").unwrap_err().code(), "invalid_argument");
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn parse(s: &str) -> Result<OnInvalid> {
        match s {
            "error" => Ok(OnInvalid::Error),
            "skip" => Ok(OnInvalid::Skip),
            other => Err(Error::invalid_argument(
                "on_invalid",
                format!("expected \"error\" or \"skip\", got {other:?}"),
            )),
        }
    }

    /// The binding spelling: `"error"` or `"skip"`.
    pub fn as_str(self) -> &'static str {
        match self {
            OnInvalid::Error => "error",
            OnInvalid::Skip => "skip",
        }
    }
}

/// How one input value relates to a scale.
///
/// Internal: `pub` only because the sealing trait's `classify` returns it; it lives in a
/// private module and is not re-exported, so it cannot be named outside the crate.
#[derive(Debug, Clone, Copy, PartialEq)]
#[doc(hidden)]
pub enum Classified {
    /// A valid point, as an index `0..scale.points()`.
    Point(usize),
    /// A missing answer (NaN).
    Missing,
    /// Outside the scale.
    OutOfScale(f64),
    /// Not an integer.
    NotInteger(f64),
    /// ±∞.
    NotFinite(f64),
}

impl Classified {
    pub(crate) fn into_error(self, index: usize, scale: Scale) -> Error {
        match self {
            Classified::OutOfScale(value) => Error::OutOfScale {
                index,
                value,
                min: scale.min(),
                max: scale.max(),
            },
            Classified::NotInteger(value) => Error::NotInteger { index, value },
            Classified::NotFinite(value) => Error::NotFinite { index, value },
            Classified::Point(_) | Classified::Missing => {
                unreachable!("only invalid classifications become errors")
            }
        }
    }
}

/// `1.5·2⁵²`: adding it (minus the scale minimum) to an `f64` rounds to an integer held
/// in the low mantissa bits, where the ulp is 1 — the branch-free float binning trick.
const MAGIC: f64 = 6_755_399_441_055_744.0;

/// The counting kernels' per-type hooks, kept out of the public API: [`Score`] is
/// sealed by this trait, which cannot be named outside the crate.
mod sealed {
    use super::Classified;
    use crate::scale::Scale;

    /// What the counting kernels need of a score type.
    pub trait Sealed: Copy {
        /// Classifies this value against `scale`.
        fn classify(self, scale: Scale) -> Classified;

        /// The hot path's branch-free classification: `0..p` for a valid point, `p` for a
        /// missing value, `p + 1` for anything invalid (whose detail `classify` gives).
        fn bin(self, min: i64, p: usize) -> usize;

        /// `bin` of every value of `xs` into `out` (same length), as bytes (`p ≤ 126`).
        #[allow(clippy::cast_possible_truncation)] // bins ≤ p + 1 < 128
        #[inline(always)]
        fn bins(xs: &[Self], min: i64, p: usize, out: &mut [u8]) {
            for (b, &x) in out.iter_mut().zip(xs) {
                *b = x.bin(min, p) as u8;
            }
        }

        /// For one-byte types (`u8`, `i8`): the range of the type, which enables the
        /// byte-lane counting path when the scale lies inside it.
        const BYTE_RANGE: Option<(i64, i64)> = None;

        /// Whether mapping a block to byte bins before counting them in lanes pays off
        /// (measured: yes up to 32-bit types and for `f64`; not for 64-bit integers, whose
        /// range check has no SSE2 instruction).
        const LANE_BINS: bool = true;

        /// The low byte of the value (meaningful only when `BYTE_RANGE` is `Some`).
        fn lane(self) -> u8 {
            0
        }
    }
}

/// A numeric type that can hold survey scores: `u8`, `u16`, `u32`, `u64`, `i8`, `i16`,
/// `i32`, `i64`, `f32` and `f64`.
///
/// For floats, NaN means *missing*; ±∞ is `not_finite`; a fractional value is
/// `not_integer`. Integers are never missing.
pub trait Score: Copy + Send + Sync + sealed::Sealed {}

macro_rules! int_score {
    ($($t:ty => $range:expr, $lane_bins:expr);*) => {$(
        impl Score for $t {}
        impl sealed::Sealed for $t {
            const BYTE_RANGE: Option<(i64, i64)> = $range;
            const LANE_BINS: bool = $lane_bins;
            #[inline(always)]
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // the low byte, by design
            fn lane(self) -> u8 {
                self as u8
            }
            #[inline]
            fn classify(self, scale: Scale) -> Classified {
                let k = (self as i128) - i128::from(scale.min());
                if k >= 0 && k < scale.points() as i128 {
                    Classified::Point(k as usize)
                } else {
                    Classified::OutOfScale(self as f64)
                }
            }
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_lossless)]
            #[inline(always)] // compiled into each SIMD level's counting pass
            fn bins(xs: &[Self], min: i64, p: usize, out: &mut [u8]) {
                // Narrow types in narrow arithmetic, which SSE2 compares in many lanes (it
                // has no 64-bit compare): bytes in 16 bits (`x − min` cannot wrap while
                // |min| < 2¹⁴), 16-bit types in 32 bits (|min| < 2³⁰). Wider types and
                // far-off minimums take `bin` itself.
                if <$t>::BITS <= 8 && (-(1 << 14)..(1 << 14)).contains(&min) {
                    // bytes in 16-bit arithmetic: eight lanes per SSE2 compare
                    let (m, p16, other) = (min as i16, p as u16, (p + 1) as u8);
                    for (b, &x) in out.iter_mut().zip(xs) {
                        let k = (x as i16).wrapping_sub(m) as u16;
                        *b = if k < p16 { k as u8 } else { other };
                    }
                } else if <$t>::BITS <= 16 && (-(1 << 30)..(1 << 30)).contains(&min) {
                    let (m, p32, other) = (min as i32, p as u32, (p + 1) as u8);
                    for (b, &x) in out.iter_mut().zip(xs) {
                        let k = (x as i32).wrapping_sub(m) as u32;
                        *b = if k < p32 { k as u8 } else { other };
                    }
                } else {
                    for (b, &x) in out.iter_mut().zip(xs) {
                        *b = x.bin(min, p) as u8;
                    }
                }
            }
            #[inline(always)]
            fn bin(self, min: i64, p: usize) -> usize {
                // exact for every type but u64, whose values past i64::MAX clamp to it
                // (still out of every scale, whatever `min` is)
                let x = i64::try_from(self).unwrap_or(i64::MAX);
                let k = x.wrapping_sub(min) as u64;
                if k < p as u64 { k as usize } else { p + 1 }
            }
        }
    )*};
}
int_score!(
    u8 => Some((0, 255)), true; i8 => Some((-128, 127)), true;
    u16 => None, true; u32 => None, true; i16 => None, true; i32 => None, true;
    u64 => None, false; i64 => None, false
);

macro_rules! float_score {
    ($($t:ty),*) => {$(
        impl Score for $t {}
        impl sealed::Sealed for $t {
            #[inline]
            fn classify(self, scale: Scale) -> Classified {
                let x = f64::from(self);
                if x.is_nan() {
                    return Classified::Missing;
                }
                if x.is_infinite() {
                    return Classified::NotFinite(x);
                }
                // Tested on x itself, where both tests are exact: inside min..=max (a
                // fraction just above max is out of the scale, as one just below min
                // is), then whole. (`x − min` would round a tiny fraction away, and
                // call 1e-300 a whole point, which `bin` rightly refuses.)
                let (lo, hi) = (f64::from(scale.min()), f64::from(scale.max()));
                if !(lo..=hi).contains(&x) {
                    Classified::OutOfScale(x)
                } else if x.fract() != 0.0 {
                    Classified::NotInteger(x)
                } else {
                    // a whole number in min..=max, so x − min is exact
                    Classified::Point((x - lo) as usize)
                }
            }
            #[inline(always)]
            fn bin(self, min: i64, p: usize) -> usize {
                // Adding c = 1.5·2⁵² − min rounds x − min to an integer held in the low
                // mantissa bits of y (the ulp there is 1), so d = bits(y) − bits(1.5·2⁵²)
                // is the point index when x − min is a whole number in 0..p. `y − c == x`
                // rejects fractions; negatives, ±∞, NaN and huge values make d huge.
                // Branch-free and cast-free: about 7 instructions per value.
                let x = f64::from(self);
                let c = MAGIC - min as f64;
                let y = x + c;
                let d = y.to_bits().wrapping_sub(MAGIC.to_bits());
                // branch-free, so scattered missing values cost no mispredictions
                let valid = (d < p as u64) & (y - c == x);
                let other = p + 1 - usize::from(x.is_nan()); // missing: p, invalid: p + 1
                if valid { d as usize } else { other }
            }
            #[allow(clippy::cast_possible_truncation)] // bins ≤ p + 1 < 128
            #[inline(always)] // compiled into each SIMD level's counting pass
            fn bins(xs: &[Self], min: i64, p: usize, out: &mut [u8]) {
                // `bin` restated for the vectoriser: the range check on y in f64
                // compares (SSE2 has no 64-bit integer compare), and the index taken
                // from y's low mantissa byte, 8 values per step. About 25 % fewer
                // instructions per value than mapping `bin` (callgrind).
                let c = MAGIC - min as f64;
                let hi = MAGIC + (p - 1) as f64;
                let p = p as u64;
                let one = |x: f64| -> u64 {
                    let y = x + c;
                    let valid = (y >= MAGIC) & (y <= hi) & (y - c == x);
                    let other = p + 1 - u64::from(x.is_nan());
                    if valid { y.to_bits() & 0xff } else { other }
                };
                let mut outs = out.chunks_exact_mut(8);
                let mut ins = xs.chunks_exact(8);
                for (o, x) in (&mut outs).zip(&mut ins) {
                    let mut w = [0u64; 8];
                    for (w, &x) in w.iter_mut().zip(x) {
                        *w = one(f64::from(x));
                    }
                    for (o, w) in o.iter_mut().zip(w) {
                        *o = w as u8;
                    }
                }
                for (o, &x) in outs.into_remainder().iter_mut().zip(ins.remainder()) {
                    *o = one(f64::from(x)) as u8;
                }
            }
        }
    )*};
}
float_score!(f32, f64);
