//! Integer response scales.
//!
//! A [`Scale`] is the closed integer range `min..=max` a survey question is answered on
//! (at most [`MAX_POINTS`] points). The common ones are constants: [`Scale::NPS`] (0–10),
//! [`Scale::ONE_TO_FIVE`], [`Scale::ONE_TO_SEVEN`], [`Scale::ONE_TO_TEN`] and
//! [`Scale::BINARY`]. A score is valid on a scale when it is an integer inside it; the
//! scale also decides metric defaults (NPS needs 0–10 unless buckets are given; the
//! default top box is the top two points, or the top point on 2- and 3-point scales).
//!
//! ```
//! use cxmetrics::scale::Scale;
//! let s = Scale::new(1, 5)?;
//! assert_eq!(s, Scale::ONE_TO_FIVE);
//! assert_eq!((s.min(), s.max(), s.points()), (1, 5, 5));
//! assert_eq!(Scale::new(5, 1).unwrap_err().code(), "invalid_scale");
//! # Ok::<(), cxmetrics::Error>(())
//! ```

use crate::error::{Error, Result};

/// The most points a scale may have (0–100).
pub const MAX_POINTS: u32 = 101;

/// An integer response scale `min..=max` with 2 to 101 points.
///
/// Scores are validated against the scale when they are tallied: a value outside
/// `min..=max` is `out_of_scale`, a non-integer is `not_integer`. No value is ever
/// shifted or rescaled silently.
///
/// # Edge cases
/// - `Scale::new(1, 1)` (one point) and scales of more than 101 points are refused.
/// - Negative bounds are allowed (e.g. −3…3 semantic-differential items).
///
/// # Errors
/// [`Error::InvalidScale`] (`invalid_scale`) from [`Scale::new`].
///
/// # Examples
/// ```
/// use cxmetrics::Scale;
/// let s = Scale::new(1, 5)?;
/// assert_eq!(s, Scale::ONE_TO_FIVE);
/// assert_eq!(s.points(), 5);
/// assert!(s.contains(4));
/// # Ok::<(), cxmetrics::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Scale {
    min: i32,
    max: i32,
}

impl Scale {
    /// 0–10, the Net Promoter Score "likelihood to recommend" scale.
    pub const NPS: Scale = Scale { min: 0, max: 10 };
    /// 1–5 (CSAT, CES 1.0).
    pub const ONE_TO_FIVE: Scale = Scale { min: 1, max: 5 };
    /// 1–7 (CES 2.0).
    pub const ONE_TO_SEVEN: Scale = Scale { min: 1, max: 7 };
    /// 1–10 (a common mistake for NPS; fine for other ratings).
    pub const ONE_TO_TEN: Scale = Scale { min: 1, max: 10 };
    /// 0–1 (binary: resolved / not resolved, good / bad).
    pub const BINARY: Scale = Scale { min: 0, max: 1 };

    /// A scale of integer points `min..=max`.
    ///
    /// # Formula
    /// ```text
    /// points = max − min + 1,   2 ≤ points ≤ 101
    /// ```
    ///
    /// # Errors
    /// `invalid_scale` when `max <= min` or when the scale has more than 101 points.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::Scale;
    /// assert_eq!(Scale::new(0, 10)?, Scale::NPS);
    /// assert_eq!(Scale::new(5, 1).unwrap_err().code(), "invalid_scale");
    /// assert_eq!(Scale::new(0, 101).unwrap_err().code(), "invalid_scale");
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn new(min: i64, max: i64) -> Result<Scale> {
        if max <= min {
            return Err(Error::InvalidScale {
                min,
                max,
                reason: "max must be greater than min (a scale needs at least 2 points)",
            });
        }
        if i128::from(max) - i128::from(min) + 1 > i128::from(MAX_POINTS) {
            return Err(Error::InvalidScale {
                min,
                max,
                reason: "a scale may have at most 101 points",
            });
        }
        let (Ok(min32), Ok(max32)) = (i32::try_from(min), i32::try_from(max)) else {
            return Err(Error::InvalidScale {
                min,
                max,
                reason: "bounds must fit in a 32-bit integer",
            });
        };
        Ok(Scale {
            min: min32,
            max: max32,
        })
    }

    /// The lowest point.
    pub const fn min(self) -> i32 {
        self.min
    }

    /// The highest point.
    pub const fn max(self) -> i32 {
        self.max
    }

    /// The number of points, `max − min + 1` (2…101).
    pub const fn points(self) -> usize {
        (self.max - self.min + 1) as usize
    }

    /// Whether `value` is a point of this scale.
    pub const fn contains(self, value: i32) -> bool {
        value >= self.min && value <= self.max
    }

    /// The scale's points in ascending order.
    ///
    /// # Examples
    /// ```
    /// let pts: Vec<i32> = cxmetrics::Scale::ONE_TO_FIVE.iter().collect();
    /// assert_eq!(pts, [1, 2, 3, 4, 5]);
    /// ```
    pub fn iter(self) -> impl DoubleEndedIterator<Item = i32> + Clone {
        self.min..=self.max
    }
}

impl std::fmt::Display for Scale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}–{}", self.min, self.max)
    }
}

#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> serde::Deserialize<'de> for Scale {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        struct Raw {
            min: i64,
            max: i64,
        }
        let raw = Raw::deserialize(d)?;
        Scale::new(raw.min, raw.max).map_err(serde::de::Error::custom)
    }
}
