//! Helpers shared by the targets: scales and score values drawn from fuzzer bytes, with
//! the edges (out of scale by one, fractions, NaN, ±∞, type extremes) over-represented.

#![allow(dead_code)]

use arbitrary::Arbitrary;
use cxmetrics::Scale;

/// A scale from two fuzzer numbers: `min` in −128…127 and 2…101 points, so scales near
/// the limits of every integer type are reached.
pub fn scale(min: i8, points: u8) -> Scale {
    let min = i64::from(min);
    let max = min + 1 + i64::from(points % 100);
    Scale::new(min, max).expect("2..=101 points is a valid scale")
}

/// One raw value: mostly a point near the scale, sometimes a special.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Raw {
    /// `min + k − 2`: two below the scale to far above it.
    Near(u8),
    /// A fraction next to a point.
    Half(u8),
    Nan,
    PosInf,
    NegInf,
    NegZero,
    /// Any bit pattern (floats) or integer.
    Bits(u64),
}

impl Raw {
    /// The value as an `f64` for a scale starting at `min` (integers: the `i128` below).
    pub fn to_f64(self, min: i32) -> f64 {
        match self {
            Raw::Near(k) => f64::from(min) + f64::from(k % 110) - 2.0,
            Raw::Half(k) => f64::from(min) + f64::from(k % 110) - 1.5,
            Raw::Nan => f64::NAN,
            Raw::PosInf => f64::INFINITY,
            Raw::NegInf => f64::NEG_INFINITY,
            Raw::NegZero => -0.0,
            Raw::Bits(b) => f64::from_bits(b),
        }
    }

    /// The value as an integer for integer score types (specials map to type extremes
    /// after the cast).
    pub fn to_i128(self, min: i32) -> i128 {
        match self {
            Raw::Near(k) | Raw::Half(k) => i128::from(min) + i128::from(k % 110) - 2,
            Raw::Nan => i128::from(i64::MIN),
            Raw::PosInf => i128::from(u64::MAX),
            Raw::NegInf => -1,
            Raw::NegZero => 0,
            Raw::Bits(b) => i128::from(b),
        }
    }
}

/// A weight: mostly ordinary, sometimes negative, zero, NaN, ∞ or arbitrary bits.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum RawWeight {
    Small(u16),
    Zero,
    Negative(u8),
    Nan,
    Inf,
    Bits(u64),
}

impl RawWeight {
    pub fn to_f64(self) -> f64 {
        match self {
            RawWeight::Small(k) => f64::from(k) / 64.0,
            RawWeight::Zero => 0.0,
            RawWeight::Negative(k) => -f64::from(k) - 0.25,
            RawWeight::Nan => f64::NAN,
            RawWeight::Inf => f64::INFINITY,
            RawWeight::Bits(b) => f64::from_bits(b),
        }
    }

    /// A weight that is always valid and bounded (for the merge target).
    pub fn bounded(self) -> f64 {
        match self {
            RawWeight::Small(k) => f64::from(k) / 64.0,
            RawWeight::Bits(b) => (b % 1_000_000) as f64 / 7.0,
            _ => 0.0,
        }
    }
}
