//! [`Tally`]: the mergeable sufficient statistics of survey responses.

use crate::error::{Error, Result};
use crate::scale::Scale;
use crate::sum::NeumaierSum;

/// Inputs at least this long are counted on several threads with the `parallel` feature.
#[cfg(all(feature = "parallel", not(target_family = "wasm")))]
const PARALLEL_MIN: usize = 1 << 22;

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

mod sealed {
    pub trait Sealed {}
}

/// A numeric type that can hold survey scores: `u8`, `u16`, `u32`, `u64`, `i8`, `i16`,
/// `i32`, `i64`, `f32` and `f64`.
///
/// For floats, NaN means *missing*; ±∞ is `not_finite`; a fractional value is
/// `not_integer`. Integers are never missing.
pub trait Score: Copy + Send + Sync + sealed::Sealed {
    /// Classifies this value against `scale`.
    #[doc(hidden)]
    fn classify(self, scale: Scale) -> Classified;

    /// The hot path's branch-free classification: `0..p` for a valid point, `p` for a
    /// missing value, `p + 1` for anything invalid (whose detail `classify` gives).
    #[doc(hidden)]
    fn bin(self, min: i64, p: usize) -> usize;

    /// `bin` of every value of `xs` into `out` (same length), as bytes (`p ≤ 126`).
    #[doc(hidden)]
    #[allow(clippy::cast_possible_truncation)] // bins ≤ p + 1 < 128
    fn bins(xs: &[Self], min: i64, p: usize, out: &mut [u8]) {
        for (b, &x) in out.iter_mut().zip(xs) {
            *b = x.bin(min, p) as u8;
        }
    }

    /// For one-byte types (`u8`, `i8`): the range of the type, which enables the
    /// byte-lane counting path when the scale lies inside it.
    #[doc(hidden)]
    const BYTE_RANGE: Option<(i64, i64)> = None;

    /// Whether mapping a block to byte bins before counting them in lanes pays off
    /// (measured: yes up to 32-bit types and for `f64`; not for 64-bit integers, whose
    /// range check has no SSE2 instruction).
    #[doc(hidden)]
    const LANE_BINS: bool = true;

    /// The low byte of the value (meaningful only when `BYTE_RANGE` is `Some`).
    #[doc(hidden)]
    fn lane(self) -> u8 {
        0
    }
}

macro_rules! int_score {
    ($($t:ty => $range:expr, $lane_bins:expr);*) => {$(
        impl sealed::Sealed for $t {}
        impl Score for $t {
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
        impl sealed::Sealed for $t {}
        impl Score for $t {
            #[inline]
            fn classify(self, scale: Scale) -> Classified {
                let x = f64::from(self);
                if x.is_nan() {
                    return Classified::Missing;
                }
                if x.is_infinite() {
                    return Classified::NotFinite(x);
                }
                let k = x - f64::from(scale.min());
                if k >= 0.0 && k < scale.points() as f64 {
                    if k.fract() == 0.0 {
                        Classified::Point(k as usize)
                    } else {
                        Classified::NotInteger(x)
                    }
                } else {
                    Classified::OutOfScale(x)
                }
            }
            #[inline(always)]
            fn bin(self, min: i64, p: usize) -> usize {
                // Adding c = 1.5·2⁵² − min rounds x − min to an integer held in the low
                // mantissa bits of y (the ulp there is 1), so d = bits(y) − bits(1.5·2⁵²)
                // is the point index when x − min is a whole number in 0..p. `y − c == x`
                // rejects fractions; negatives, ±∞, NaN and huge values make d huge.
                // Branch-free and cast-free: about 7 instructions per value.
                const MAGIC: f64 = 6_755_399_441_055_744.0;
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
            fn bins(xs: &[Self], min: i64, p: usize, out: &mut [u8]) {
                // `bin` restated for the vectoriser: the range check on y in f64
                // compares (SSE2 has no 64-bit integer compare), and the index taken
                // from y's low mantissa byte, 8 values per step. About 25 % fewer
                // instructions per value than mapping `bin` (callgrind).
                const MAGIC: f64 = 6_755_399_441_055_744.0;
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

/// Σw and Σw² of one scale point, compensated.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct PointWeight {
    pub(crate) sum: NeumaierSum,
    pub(crate) sum_sq: NeumaierSum,
}

impl PointWeight {
    fn merge(&mut self, other: PointWeight) {
        self.sum.merge(other.sum);
        self.sum_sq.merge(other.sum_sq);
    }

    fn unit(count: u64) -> PointWeight {
        let c = count as f64;
        PointWeight {
            sum: NeumaierSum { sum: c, comp: 0.0 },
            sum_sq: NeumaierSum { sum: c, comp: 0.0 },
        }
    }
}

/// Mergeable sufficient statistics of survey responses on one [`Scale`].
///
/// A `Tally` holds, per scale point, the count of responses and (when weighted)
/// the compensated sums Σw and Σw²; plus how many inputs were `missing` and
/// `invalid` (skipped). Every survey metric ([`nps`](crate::nps),
/// [`csat`](crate::csat), [`ces`](crate::ces), [`mean`](crate::mean), …) is a
/// formula over a tally, so tallies built from chunks, threads or files can be
/// [`merge`](Tally::merge)d and give exactly the result of one pass over all the data.
///
/// # Formula
/// ```text
/// counts[k]  = #{ i : score_i = min + k }
/// Σw[k]      = Σ_{i : score_i = min + k} w_i        (w_i = 1 when unweighted)
/// Σw²[k]     = Σ_{i : score_i = min + k} w_i²
/// n          = Σ counts,   n_eff = (Σ Σw)² / Σ Σw²  (Kish)
/// ```
///
/// # Edge cases
/// - A tally may be empty; metrics over an empty tally return `empty`, never 0.
/// - Counts merge exactly in any order. Weight sums use Neumaier summation and
///   agree with one pass within 1e-12 relative.
/// - Mixing weighted and unweighted data treats unweighted responses as weight 1.
/// - A failed `extend` leaves the tally unchanged (validation is all-or-nothing).
/// - The weight of a row whose score is missing is ignored.
///
/// # Errors
/// `out_of_scale`, `not_integer`, `not_finite` (scores), `invalid_weight`,
/// `length_mismatch` when adding data; `scale_mismatch` when merging tallies of
/// different scales; `invalid_format` when reading a serialized tally.
///
/// # Examples
/// ```
/// use cxmetrics::{nps, Scale, Tally};
/// let mut a = Tally::from_scores(Scale::NPS, &[10u8, 9, 7])?;
/// let b = Tally::from_scores(Scale::NPS, &[f64::NAN, 3.0, 10.0])?;
/// a.merge(&b)?;
/// assert_eq!((a.n(), a.missing()), (5, 1));
/// let whole = Tally::from_scores(Scale::NPS, &[10.0, 9.0, 7.0, f64::NAN, 3.0, 10.0])?;
/// assert_eq!(a, whole);
/// assert_eq!(nps(&a)?.score, 40.0);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    scale: Scale,
    counts: Vec<u64>,
    weights: Option<Vec<PointWeight>>,
    missing: u64,
    invalid: u64,
}

impl Tally {
    /// An empty tally on `scale`.
    pub fn new(scale: Scale) -> Tally {
        Tally {
            scale,
            counts: vec![0; scale.points()],
            weights: None,
            missing: 0,
            invalid: 0,
        }
    }

    /// Tallies `scores` in one pass, refusing any invalid score.
    ///
    /// # Errors
    /// The first invalid score, by index: `out_of_scale`, `not_integer`, `not_finite`.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::{Scale, Tally};
    /// let t = Tally::from_scores(Scale::ONE_TO_FIVE, &[5, 4, 4, 2])?;
    /// assert_eq!(t.counts(), &[0, 1, 0, 2, 1]);
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn from_scores<T: Score>(scale: Scale, scores: &[T]) -> Result<Tally> {
        Tally::from_scores_with(scale, scores, None, OnInvalid::Error)
    }

    /// Tallies `scores` with optional `weights` and an invalid-value policy.
    ///
    /// # Errors
    /// `length_mismatch` when `weights` has another length than `scores`; with
    /// [`OnInvalid::Error`], the first invalid score or weight by index.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::{OnInvalid, Scale, Tally};
    /// let t = Tally::from_scores_with(
    ///     Scale::NPS, &[10.0, 11.0, f64::NAN, 0.0], Some(&[2.0, 1.0, 1.0, 1.0]), OnInvalid::Skip)?;
    /// assert_eq!((t.n(), t.missing(), t.invalid()), (2, 1, 1));
    /// assert_eq!(t.sum_weights(), 3.0);
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn from_scores_with<T: Score>(
        scale: Scale,
        scores: &[T],
        weights: Option<&[f64]>,
        on_invalid: OnInvalid,
    ) -> Result<Tally> {
        let mut t = Tally::new(scale);
        t.extend_with(scores, weights, on_invalid)?;
        Ok(t)
    }

    /// A tally from counts per point (`counts[k]` responses scored `min + k`).
    ///
    /// # Errors
    /// `length_mismatch` unless `counts.len() == scale.points()`.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::{nps, Scale, Tally};
    /// // 1 detractor (score 0), 2 passives (7), 3 promoters (10)
    /// let t = Tally::from_counts(Scale::NPS, &[1, 0, 0, 0, 0, 0, 0, 2, 0, 0, 3])?;
    /// assert!((nps(&t)?.score - 100.0 / 3.0).abs() < 1e-12);
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn from_counts(scale: Scale, counts: &[u64]) -> Result<Tally> {
        if counts.len() != scale.points() {
            return Err(Error::LengthMismatch {
                what: "counts and scale points",
                left: counts.len(),
                right: scale.points(),
            });
        }
        Ok(Tally {
            scale,
            counts: counts.to_vec(),
            weights: None,
            missing: 0,
            invalid: 0,
        })
    }

    /// Adds one score (weight 1 when the tally is weighted).
    ///
    /// # Errors
    /// As [`Tally::push_with`] with no weight and [`OnInvalid::Error`]; the error's
    /// index is the number of rows this tally has seen before (`n + missing + invalid`).
    pub fn push<T: Score>(&mut self, score: T) -> Result<()> {
        self.push_with(score, None, OnInvalid::Error)
    }

    /// Adds one score with an optional weight and a policy.
    ///
    /// # Errors
    /// With [`OnInvalid::Error`]: `out_of_scale`, `not_integer`, `not_finite`,
    /// `invalid_weight`, indexed by the rows seen before.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::{OnInvalid, Scale, Tally};
    /// let mut t = Tally::new(Scale::NPS);
    /// t.push(9u8)?;
    /// t.push_with(3.0, Some(2.0), OnInvalid::Error)?;
    /// assert_eq!(t.push(12u8).unwrap_err().index(), Some(2));
    /// assert_eq!((t.n(), t.sum_weights()), (2, 3.0));
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn push_with<T: Score>(
        &mut self,
        score: T,
        weight: Option<f64>,
        on_invalid: OnInvalid,
    ) -> Result<()> {
        let seen = self.rows_seen();
        let seen = usize::try_from(seen).unwrap_or(usize::MAX);
        match weight {
            None => self.extend_inner(&[score], None, None, on_invalid, seen),
            Some(w) => self.extend_inner(&[score], None, Some(&[w]), on_invalid, seen),
        }
    }

    /// Adds many scores, refusing any invalid one.
    ///
    /// # Errors
    /// As [`Tally::extend_with`]; the tally is unchanged on error.
    pub fn extend<T: Score>(&mut self, scores: &[T]) -> Result<()> {
        self.extend_with(scores, None, OnInvalid::Error)
    }

    /// Adds many scores with optional weights and a policy, in one pass.
    ///
    /// Error indices are positions in `scores`. On error the tally is unchanged.
    ///
    /// # Errors
    /// `length_mismatch`; with [`OnInvalid::Error`] the first invalid score or weight.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::{OnInvalid, Scale, Tally};
    /// let mut t = Tally::new(Scale::ONE_TO_FIVE);
    /// let err = t.extend_with(&[5, 9, 4], None, OnInvalid::Error).unwrap_err();
    /// assert_eq!((err.code(), err.index()), ("out_of_scale", Some(1)));
    /// assert_eq!(t.n(), 0); // unchanged
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn extend_with<T: Score>(
        &mut self,
        scores: &[T],
        weights: Option<&[f64]>,
        on_invalid: OnInvalid,
    ) -> Result<()> {
        self.extend_masked(scores, None, weights, on_invalid)
    }

    /// Adds scores whose missing rows are marked in a validity bitmap (Arrow's layout)
    /// rather than by NaN, so a nullable column is read in place.
    ///
    /// Row `i` is answered when bit `bit_offset + i` of `validity` is 1 (bits
    /// least-significant first within each byte) and missing when it is 0; the value
    /// stored at a missing row is ignored, whatever it is. Everything else is as
    /// [`Tally::extend_with`]: NaN in an answered float row is missing too, and error
    /// indices are positions in `scores`.
    ///
    /// # Errors
    /// `length_mismatch` when `validity` holds fewer than `bit_offset + scores.len()`
    /// bits, or `weights` has another length than `scores`; with
    /// [`OnInvalid::Error`] the first invalid answered score or its weight.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::{OnInvalid, Scale, Tally};
    /// let mut t = Tally::new(Scale::NPS);
    /// // rows 1 and 3 are null (bits 0b0101): their stored values are never read
    /// t.extend_with_validity(&[10u8, 255, 3, 255], &[0b0101], 0, None, OnInvalid::Error)?;
    /// assert_eq!((t.n(), t.missing()), (2, 2));
    /// let short = t.extend_with_validity(&[1u8; 9], &[0xff], 0, None, OnInvalid::Error);
    /// assert_eq!(short.unwrap_err().code(), "length_mismatch");
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn extend_with_validity<T: Score>(
        &mut self,
        scores: &[T],
        validity: &[u8],
        bit_offset: usize,
        weights: Option<&[f64]>,
        on_invalid: OnInvalid,
    ) -> Result<()> {
        let bits = validity.len().saturating_mul(8);
        let needed = bit_offset.saturating_add(scores.len());
        if bits < needed {
            return Err(Error::LengthMismatch {
                what: "validity bits (after the offset) and scores",
                left: bits.saturating_sub(bit_offset),
                right: scores.len(),
            });
        }
        let mask = Mask {
            bits: validity,
            offset: bit_offset,
        };
        self.extend_masked(scores, Some(mask), weights, on_invalid)
    }

    fn extend_masked<T: Score>(
        &mut self,
        scores: &[T],
        mask: Option<Mask<'_>>,
        weights: Option<&[f64]>,
        on_invalid: OnInvalid,
    ) -> Result<()> {
        #[cfg(all(feature = "parallel", not(target_family = "wasm")))]
        if weights.is_none() && scores.len() >= PARALLEL_MIN {
            return self.extend_parallel(scores, mask, on_invalid);
        }
        self.extend_inner(scores, mask, weights, on_invalid, 0)
    }

    /// Unweighted counting split over the available cores; counts merge exactly, and the
    /// error reported is the one of the lowest index, as in one pass.
    #[cfg(all(feature = "parallel", not(target_family = "wasm")))]
    fn extend_parallel<T: Score>(
        &mut self,
        scores: &[T],
        mask: Option<Mask<'_>>,
        on_invalid: OnInvalid,
    ) -> Result<()> {
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        let chunk = scores.len().div_ceil(threads.max(1));
        let parts: Vec<Result<Tally>> = std::thread::scope(|scope| {
            let handles: Vec<_> = scores
                .chunks(chunk)
                .enumerate()
                .map(|(k, part)| {
                    let scale = self.scale;
                    let mask = mask.map(|m| m.skip(k * chunk));
                    scope.spawn(move || {
                        let mut t = Tally::new(scale);
                        t.extend_inner(part, mask, None, on_invalid, k * chunk)
                            .map(|()| t)
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|_| unreachable!("tallying does not panic"))
                })
                .collect()
        });
        let mut total = Tally::new(self.scale);
        for part in parts {
            total.merge(&part?)?;
        }
        self.merge(&total)
    }

    fn extend_inner<T: Score>(
        &mut self,
        scores: &[T],
        mask: Option<Mask<'_>>,
        weights: Option<&[f64]>,
        on_invalid: OnInvalid,
        index_base: usize,
    ) -> Result<()> {
        let scale = self.scale;
        let skip = on_invalid == OnInvalid::Skip;
        let (min, p) = (i64::from(scale.min()), scale.points());
        // One branch-free counting pass (see `count_bins` / `count_weighted`); only when
        // an invalid value must be reported is the input classified again, to name the
        // first one.
        let (counts, pw, missing, invalid) = match weights {
            None => {
                let (counts, missing, invalid) = count_bins(scores, mask, min, p);
                (counts, None, missing, invalid)
            }
            Some(ws) => {
                if ws.len() != scores.len() {
                    return Err(Error::LengthMismatch {
                        what: "scores and weights",
                        left: scores.len(),
                        right: ws.len(),
                    });
                }
                let (counts, pw, missing, invalid) = count_weighted(scores, mask, ws, min, p);
                (counts, Some(pw), missing, invalid)
            }
        };
        if invalid > 0 && !skip {
            return Err(first_invalid(scores, mask, weights, scale, index_base));
        }
        self.add_counts(&counts, pw.as_deref());
        self.missing += missing;
        self.invalid += invalid;
        Ok(())
    }

    fn add_counts(&mut self, counts: &[u64], pw: Option<&[PointWeight]>) {
        match (pw, &mut self.weights) {
            (None, None) => {}
            (None, Some(mine)) => {
                for (m, &c) in mine.iter_mut().zip(counts) {
                    m.merge(PointWeight::unit(c));
                }
            }
            (Some(theirs), mine @ None) => {
                let mut w: Vec<PointWeight> =
                    self.counts.iter().map(|&c| PointWeight::unit(c)).collect();
                for (m, t) in w.iter_mut().zip(theirs) {
                    m.merge(*t);
                }
                *mine = Some(w);
            }
            (Some(theirs), Some(mine)) => {
                for (m, t) in mine.iter_mut().zip(theirs) {
                    m.merge(*t);
                }
            }
        }
        for (m, &c) in self.counts.iter_mut().zip(counts) {
            *m += c;
        }
    }

    /// Adds another tally's responses to this one.
    ///
    /// Counts merge exactly; `merge` is commutative and associative on counts, and an
    /// empty tally is its identity.
    ///
    /// # Errors
    /// `scale_mismatch` when the scales differ (merging 0–10 with 1–10 would mix
    /// meanings).
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::{Scale, Tally};
    /// let mut a = Tally::from_scores(Scale::ONE_TO_FIVE, &[5, 4])?;
    /// a.merge(&Tally::from_scores(Scale::ONE_TO_FIVE, &[1])?)?;
    /// assert_eq!(a.n(), 3);
    /// let b = Tally::new(Scale::NPS);
    /// assert_eq!(a.merge(&b).unwrap_err().code(), "scale_mismatch");
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn merge(&mut self, other: &Tally) -> Result<()> {
        if self.scale != other.scale {
            return Err(Error::ScaleMismatch(format!(
                "cannot merge a tally on scale {} into one on scale {}; tallies merge only on the same scale",
                other.scale, self.scale
            )));
        }
        let theirs: Option<Vec<PointWeight>> = match (&other.weights, &self.weights) {
            (Some(w), _) => Some(w.clone()),
            (None, Some(_)) => Some(other.counts.iter().map(|&c| PointWeight::unit(c)).collect()),
            (None, None) => None,
        };
        self.add_counts(&other.counts, theirs.as_deref());
        self.missing += other.missing;
        self.invalid += other.invalid;
        Ok(())
    }

    /// The scale.
    pub fn scale(&self) -> Scale {
        self.scale
    }

    /// Responses per point: `counts()[k]` were scored `scale.min() + k`.
    pub fn counts(&self) -> &[u64] {
        &self.counts
    }

    /// Valid responses (the denominator of unweighted metrics).
    pub fn n(&self) -> u64 {
        self.counts.iter().sum()
    }

    /// Missing inputs (NaN / None / null), excluded from every denominator.
    pub fn missing(&self) -> u64 {
        self.missing
    }

    /// Invalid inputs skipped under [`OnInvalid::Skip`].
    pub fn invalid(&self) -> u64 {
        self.invalid
    }

    /// Whether any weights were given.
    pub fn is_weighted(&self) -> bool {
        self.weights.is_some()
    }

    /// Σw per point (equal to the counts when unweighted).
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::{OnInvalid, Scale, Tally};
    /// let t = Tally::from_scores_with(Scale::BINARY, &[1, 1, 0], Some(&[0.5, 2.0, 1.0]), OnInvalid::Error)?;
    /// assert_eq!(t.point_weights(), vec![1.0, 2.5]);
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn point_weights(&self) -> Vec<f64> {
        match &self.weights {
            Some(w) => w.iter().map(|p| p.sum.value()).collect(),
            None => self.counts.iter().map(|&c| c as f64).collect(),
        }
    }

    /// Σw over all valid responses (`n` when unweighted).
    pub fn sum_weights(&self) -> f64 {
        match &self.weights {
            Some(w) => total(w.iter().map(|p| p.sum)),
            None => self.n() as f64,
        }
    }

    /// Σw² over all valid responses (`n` when unweighted).
    pub fn sum_weights_sq(&self) -> f64 {
        match &self.weights {
            Some(w) => total(w.iter().map(|p| p.sum_sq)),
            None => self.n() as f64,
        }
    }

    /// Kish effective sample size `(Σw)² / Σw²` (`n` when unweighted; 0 when empty).
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::{OnInvalid, Scale, Tally};
    /// let t = Tally::from_scores_with(Scale::NPS, &[1, 2, 3, 4, 5], Some(&[1.0, 1.0, 2.0, 2.0, 4.0]), OnInvalid::Error)?;
    /// assert!((t.n_eff() - 100.0 / 26.0).abs() < 1e-12); // 3.846…
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn n_eff(&self) -> f64 {
        let sq = self.sum_weights_sq();
        if sq > 0.0 {
            let s = self.sum_weights();
            s * s / sq
        } else {
            0.0
        }
    }

    /// A tally from unweighted per-point counts plus missing and invalid counts (the
    /// segment hot path's output).
    pub(crate) fn from_bins(scale: Scale, counts: &[u64], missing: u64, invalid: u64) -> Tally {
        Tally {
            scale,
            counts: counts.to_vec(),
            weights: None,
            missing,
            invalid,
        }
    }

    /// This tally minus `other` (a part of it): the leave-one-out tally of segment
    /// impact. Counts subtract exactly; weight sums subtract with compensation.
    pub(crate) fn without(&self, other: &Tally) -> Tally {
        let mut out = self.clone();
        for (m, &c) in out.counts.iter_mut().zip(&other.counts) {
            *m = m.saturating_sub(c);
        }
        if let Some(mine) = &mut out.weights {
            let theirs: Vec<PointWeight> = match &other.weights {
                Some(w) => w.clone(),
                None => other.counts.iter().map(|&c| PointWeight::unit(c)).collect(),
            };
            for (m, t) in mine.iter_mut().zip(theirs) {
                m.sum.add(-t.sum.sum);
                m.sum.add(-t.sum.comp);
                m.sum_sq.add(-t.sum_sq.sum);
                m.sum_sq.add(-t.sum_sq.comp);
            }
            for (m, &c) in mine.iter_mut().zip(&out.counts) {
                if c == 0 {
                    *m = PointWeight::default();
                }
            }
        }
        out.missing = out.missing.saturating_sub(other.missing);
        out.invalid = out.invalid.saturating_sub(other.invalid);
        out
    }

    fn rows_seen(&self) -> u64 {
        self.n() + self.missing + self.invalid
    }
}

fn total(sums: impl Iterator<Item = NeumaierSum>) -> f64 {
    let mut acc = NeumaierSum::default();
    for s in sums {
        acc.merge(s);
    }
    acc.value()
}

/// Rows per block of the byte-lane counting pass: 255 rows per lane of 16, so a `u8`
/// lane counter cannot overflow before it is flushed.
const LANE_BLOCK: usize = 16 * 255;

/// Whether the byte-lane counting pass is used: everywhere but on wasm without SIMD,
/// where its per-value comparisons would run one byte at a time.
const LANES: bool = cfg!(any(not(target_family = "wasm"), target_feature = "simd128"));

/// The unweighted hot path: `(counts per point, missing, invalid)` of `scores`.
///
/// Small scales (the common case: NPS, 5- and 7-point, CES) count with comparisons in
/// 16 byte lanes, which the compiler vectorises on the baseline target (SSE2):
/// one-byte inputs are compared directly (`x − min` wraps outside `0..p` for every
/// value off the scale when the scale lies within the type), wider ones (but 64-bit
/// integers) are first mapped block by block to a byte bin with [`Score::bin`] (`p` =
/// missing, `p + 1` = invalid). Larger scales and 64-bit integers count into 4
/// interleaved sub-histograms (so runs of equal
/// scores do not serialise on one counter). Either way there is no branch per value;
/// invalid = rows − valid − missing.
///
/// With a validity mask, every row is counted as above and then each null row (found
/// 64 bitmap bits at a time) is taken back out of the bin its stored value fell in and
/// counted as missing: the stored value only decides which count to correct, so it
/// never becomes a score, and the fast paths stay in use.
fn count_bins<T: Score>(
    scores: &[T],
    mask: Option<Mask<'_>>,
    min: i64,
    p: usize,
) -> (Vec<u64>, u64, u64) {
    let Some(mask) = mask else {
        return count_all(scores, min, p);
    };
    // block by block, so the null rows are re-read while the block is still in cache
    let (mut counts, mut missing, mut invalid) = (vec![0u64; p], 0u64, 0u64);
    // the bins the null rows' stored values fell in (branch-free), subtracted at the end
    let mut nulls = [0u64; 128];
    for (k, block) in scores.chunks(MASK_BLOCK).enumerate() {
        let (c, m, i) = count_all(block, min, p);
        for (a, b) in counts.iter_mut().zip(c) {
            *a += b;
        }
        (missing, invalid) = (missing + m, invalid + i);
        mask.skip(k * MASK_BLOCK)
            .for_each_null(block.len(), |i| nulls[block[i].bin(min, p) & 127] += 1);
    }
    for (a, n) in counts.iter_mut().zip(nulls) {
        *a -= n;
    }
    let null_rows: u64 = nulls.iter().sum();
    // null rows move from wherever they were counted to missing
    (
        counts,
        missing - nulls[p] + null_rows,
        invalid - nulls[p + 1],
    )
}

/// Rows per block of a masked count (≤ 128 KiB of `f64`, so a block is still in cache
/// when its null rows are looked at again).
const MASK_BLOCK: usize = 1 << 14;

/// [`count_bins`] without a mask.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // bins < 128, checked ranges
fn count_all<T: Score>(scores: &[T], min: i64, p: usize) -> (Vec<u64>, u64, u64) {
    let narrow = matches!(T::BYTE_RANGE, Some((lo, hi)) if min >= lo && min + p as i64 - 1 <= hi);
    let lanes = if narrow { p } else { p + 1 };
    let use_lanes = LANES && lanes <= 16;
    let rows = scores.len() as u64;
    if use_lanes && narrow {
        // the wrapping byte subtraction of `min`, in the type's own encoding
        let f = lane_counter::<T>(lanes);
        let mut out = [0u64; 16];
        for block in scores.chunks(LANE_BLOCK) {
            f(block, min as u8, &mut out);
        }
        let counts = out[..p].to_vec();
        let invalid = rows - counts.iter().sum::<u64>();
        return (counts, 0, invalid);
    }
    if use_lanes && T::LANE_BINS {
        // blocks mapped to byte bins, then counted in lanes
        let f = lane_counter::<u8>(lanes);
        let mut out = [0u64; 16];
        let mut bins = [0u8; LANE_BLOCK];
        for block in scores.chunks(LANE_BLOCK) {
            let bins = &mut bins[..block.len()];
            T::bins(block, min, p, bins);
            f(bins, 0, &mut out);
        }
        let counts = out[..p].to_vec();
        let invalid = rows - counts.iter().sum::<u64>() - out[p];
        return (counts, out[p], invalid);
    }
    // 128 bins ≥ 101 points + missing + invalid; masking the index with 127 lets the
    // compiler drop the bounds checks without `unsafe`.
    let mut hist = [[0u64; 128]; 4];
    let mut chunks = scores.chunks_exact(4);
    for c in &mut chunks {
        hist[0][c[0].bin(min, p) & 127] += 1;
        hist[1][c[1].bin(min, p) & 127] += 1;
        hist[2][c[2].bin(min, p) & 127] += 1;
        hist[3][c[3].bin(min, p) & 127] += 1;
    }
    for &x in chunks.remainder() {
        hist[0][x.bin(min, p) & 127] += 1;
    }
    let bin = |k: usize| hist[0][k] + hist[1][k] + hist[2][k] + hist[3][k];
    ((0..p).map(bin).collect(), bin(p), bin(p + 1))
}

/// A validity bitmap (Arrow's layout: bit `offset + i`, least-significant first,
/// is 1 when row `i` is answered), long enough for the rows it is used with.
#[derive(Debug, Clone, Copy)]
struct Mask<'a> {
    bits: &'a [u8],
    offset: usize,
}

impl Mask<'_> {
    #[inline]
    fn is_valid(self, i: usize) -> bool {
        let bit = self.offset + i;
        (self.bits[bit >> 3] >> (bit & 7)) & 1 == 1
    }

    /// The mask of the rows from `from` on.
    fn skip(self, from: usize) -> Self {
        Mask {
            bits: self.bits,
            offset: self.offset + from,
        }
    }

    /// The validity bits of rows `i..i + 64` (bit `k` for row `i + k`); bits past the
    /// end of the bitmap read as 1.
    #[inline]
    fn word(self, i: usize) -> u64 {
        let bit = self.offset + i;
        let (byte, shift) = (bit >> 3, bit & 7);
        let mut buf = [0xffu8; 9];
        let have = self.bits.len().saturating_sub(byte).min(9);
        buf[..have].copy_from_slice(&self.bits[byte..byte + have]);
        let lo = u64::from_le_bytes([
            buf[0], buf[1], buf[2], buf[3], buf[4], buf[5], buf[6], buf[7],
        ]);
        if shift == 0 {
            lo
        } else {
            (lo >> shift) | (u64::from(buf[8]) << (64 - shift))
        }
    }

    /// Calls `f(i)` for every null row `i < rows`, in order, 64 bitmap bits at a time.
    fn for_each_null(self, rows: usize, mut f: impl FnMut(usize)) {
        for start in (0..rows).step_by(64) {
            let take = (rows - start).min(64);
            let in_range = if take == 64 {
                u64::MAX
            } else {
                (1u64 << take) - 1
            };
            let mut nulls = !self.word(start) & in_range;
            while nulls != 0 {
                f(start + nulls.trailing_zeros() as usize);
                nulls &= nulls - 1;
            }
        }
    }

    /// Sets the bin of every null row of `bins` (rows `0..bins.len()`) to `missing`.
    fn mark_missing(self, bins: &mut [u8], missing: u8) {
        self.for_each_null(bins.len(), |i| bins[i] = missing);
    }
}

/// The [`lane_counts`] with the fewest lanes (4, 8, 12 or 16) that covers `lanes` values.
fn lane_counter<T: Score>(lanes: usize) -> fn(&[T], u8, &mut [u64; 16]) {
    match lanes {
        0..=4 => lane_counts::<T, 4>,
        5..=8 => lane_counts::<T, 8>,
        9..=12 => lane_counts::<T, 12>,
        _ => lane_counts::<T, 16>,
    }
}

/// Adds to `out[v]` how many of `xs` (at most [`LANE_BLOCK`] long) have
/// `lane − sub == v`, for `v < K`, with one `u8` counter per value and lane.
#[inline]
#[allow(clippy::needless_range_loop)] // fixed-width lane loops are what vectorises
fn lane_counts<T: Score, const K: usize>(xs: &[T], sub: u8, out: &mut [u64; 16]) {
    debug_assert!(xs.len() <= LANE_BLOCK && K <= 16);
    let mut acc = [[0u8; 16]; K];
    let mut blocks = xs.chunks_exact(16);
    for block in &mut blocks {
        let mut d = [0u8; 16];
        for l in 0..16 {
            d[l] = block[l].lane().wrapping_sub(sub);
        }
        for (v, a) in (0u8..).zip(acc.iter_mut()) {
            for l in 0..16 {
                a[l] += u8::from(d[l] == v);
            }
        }
    }
    for (o, a) in out.iter_mut().zip(&acc) {
        *o += a.iter().map(|&c| u64::from(c)).sum::<u64>();
    }
    for &x in blocks.remainder() {
        let d = usize::from(x.lane().wrapping_sub(sub));
        if d < K {
            out[d] += 1;
        }
    }
}

/// Rows per block of the weighted pass, whose plain per-block sums are then added with
/// compensation: ≤ 256 non-negative terms keep each block sum within 256 ulps.
const WEIGHT_BLOCK: usize = 256;

/// The weighted hot path: `(counts, Σw and Σw² per point, missing, invalid)`, where a
/// row with a valid score and an invalid weight (negative, NaN, ±∞) is invalid and a
/// missing score's weight is ignored. Branch-free per row: the bin (with the weight's
/// validity folded in) indexes plain per-block sums, which are added to compensated
/// per-point sums once per block.
#[allow(clippy::cast_possible_truncation)] // bins < 128
fn count_weighted<T: Score>(
    scores: &[T],
    mask: Option<Mask<'_>>,
    weights: &[f64],
    min: i64,
    p: usize,
) -> (Vec<u64>, Vec<PointWeight>, u64, u64) {
    let mut counts = vec![0u64; p];
    let mut pw = vec![PointWeight::default(); p];
    let (mut missing, mut invalid) = (0u64, 0u64);
    let mut bins = [0u8; WEIGHT_BLOCK];
    for (k, (xs, ws)) in scores
        .chunks(WEIGHT_BLOCK)
        .zip(weights.chunks(WEIGHT_BLOCK))
        .enumerate()
    {
        let bins = &mut bins[..xs.len()];
        T::bins(xs, min, p, bins);
        if let Some(m) = mask {
            m.skip(k * WEIGHT_BLOCK).mark_missing(bins, p as u8);
        }
        let (mut n, mut sum, mut sq, signs) = block_sums(bins, ws);
        // A valid score with a weight that is negative, NaN or ±∞ is invalid. Such a
        // weight leaves a sign bit in `signs` or a non-finite sum; only then is the
        // block checked row by row (and recounted if a row moves to the invalid bin).
        if signs >> 63 != 0 || !sum[..p + 2].iter().all(|s| s.is_finite()) {
            let p8 = p as u8;
            let mut moved = false;
            for (b, &w) in bins.iter_mut().zip(ws) {
                if *b < p8 && !(0.0..f64::INFINITY).contains(&w) {
                    *b = p8 + 1;
                    moved = true;
                }
            }
            if moved {
                (n, sum, sq, _) = block_sums(bins, ws);
            }
        }
        for k in 0..p {
            if n[k] > 0 {
                counts[k] += u64::from(n[k]);
                pw[k].sum.add(sum[k]);
                pw[k].sum_sq.add(sq[k]);
            }
        }
        missing += u64::from(n[p]);
        invalid += u64::from(n[p + 1]);
    }
    (counts, pw, missing, invalid)
}

/// Per-bin row counts, Σw and Σw² (plain sums) of one block, and the OR of the
/// weights' bits (whose top bit says whether any weight had its sign bit set).
fn block_sums(bins: &[u8], ws: &[f64]) -> ([u32; 128], [f64; 128], [f64; 128], u64) {
    let mut n = [0u32; 128];
    let mut sum = [0f64; 128];
    let mut sq = [0f64; 128];
    let mut signs = 0u64;
    for (&b, &w) in bins.iter().zip(ws) {
        let k = usize::from(b & 127);
        n[k] += 1;
        sum[k] += w;
        sq[k] += w * w;
        signs |= w.to_bits();
    }
    (n, sum, sq, signs)
}

/// The error of the first invalid row (score, or the weight of a valid score), by
/// index; called only after a counting pass found one.
fn first_invalid<T: Score>(
    scores: &[T],
    mask: Option<Mask<'_>>,
    weights: Option<&[f64]>,
    scale: Scale,
    index_base: usize,
) -> Error {
    for (i, &s) in scores.iter().enumerate() {
        if mask.is_some_and(|m| !m.is_valid(i)) {
            continue;
        }
        match s.classify(scale) {
            Classified::Missing => {}
            Classified::Point(_) => {
                if let Some(w) = weights.map(|ws| ws[i])
                    && !(w.is_finite() && w >= 0.0)
                {
                    return Error::InvalidWeight {
                        index: Some(index_base + i),
                        value: w,
                    };
                }
            }
            bad => return bad.into_error(index_base + i, scale),
        }
    }
    unreachable!("a counting pass found an invalid row")
}

#[cfg(feature = "serde")]
mod serde_impl {
    //! The versioned serialized form `cxmetrics.tally` v1.
    use super::{NeumaierSum, PointWeight, Tally};
    use crate::error::{Error, Result};
    use crate::scale::Scale;
    use serde::{Deserialize, Serialize};

    const FORMAT: &str = "cxmetrics.tally";
    const VERSION: u32 = 1;

    #[derive(Serialize, Deserialize)]
    struct RawWeights {
        sum: Vec<f64>,
        sum_comp: Vec<f64>,
        sum_sq: Vec<f64>,
        sum_sq_comp: Vec<f64>,
    }

    #[derive(Serialize, Deserialize)]
    struct Raw {
        format: String,
        version: u32,
        scale: Scale,
        counts: Vec<u64>,
        missing: u64,
        invalid: u64,
        weights: Option<RawWeights>,
    }

    impl Serialize for Tally {
        fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
            let weights = self.weights.as_ref().map(|w| RawWeights {
                sum: w.iter().map(|p| p.sum.sum).collect(),
                sum_comp: w.iter().map(|p| p.sum.comp).collect(),
                sum_sq: w.iter().map(|p| p.sum_sq.sum).collect(),
                sum_sq_comp: w.iter().map(|p| p.sum_sq.comp).collect(),
            });
            Raw {
                format: FORMAT.to_owned(),
                version: VERSION,
                scale: self.scale,
                counts: self.counts.clone(),
                missing: self.missing,
                invalid: self.invalid,
                weights,
            }
            .serialize(s)
        }
    }

    impl<'de> Deserialize<'de> for Tally {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
            let raw = Raw::deserialize(d)?;
            from_raw(raw).map_err(serde::de::Error::custom)
        }
    }

    fn from_raw(raw: Raw) -> Result<Tally> {
        let bad = |m: String| Err(Error::InvalidFormat(m));
        if raw.format != FORMAT {
            return bad(format!("format is {:?}, expected {FORMAT:?}", raw.format));
        }
        if raw.version != VERSION {
            return bad(format!(
                "version {} is not supported (this build reads version {VERSION})",
                raw.version
            ));
        }
        let p = raw.scale.points();
        if raw.counts.len() != p {
            return bad(format!(
                "{} counts for a scale of {p} points",
                raw.counts.len()
            ));
        }
        let weights = match raw.weights {
            None => None,
            Some(w) => {
                if [
                    w.sum.len(),
                    w.sum_comp.len(),
                    w.sum_sq.len(),
                    w.sum_sq_comp.len(),
                ]
                .iter()
                .any(|&l| l != p)
                {
                    return bad(format!("weight arrays must have {p} entries each"));
                }
                let mut out = Vec::with_capacity(p);
                for k in 0..p {
                    let pw = PointWeight {
                        sum: NeumaierSum {
                            sum: w.sum[k],
                            comp: w.sum_comp[k],
                        },
                        sum_sq: NeumaierSum {
                            sum: w.sum_sq[k],
                            comp: w.sum_sq_comp[k],
                        },
                    };
                    let ok = [pw.sum.value(), pw.sum_sq.value()]
                        .iter()
                        .all(|v| v.is_finite() && *v >= 0.0);
                    if !ok {
                        return bad(format!("weight sums of point {k} must be finite and >= 0"));
                    }
                    out.push(pw);
                }
                Some(out)
            }
        };
        Ok(Tally {
            scale: raw.scale,
            counts: raw.counts,
            weights,
            missing: raw.missing,
            invalid: raw.invalid,
        })
    }

    impl Tally {
        /// The tally as JSON in the versioned `cxmetrics.tally` format (version 1).
        ///
        /// The format stores counts, the compensated weight sums (with their
        /// compensation terms), `missing` and `invalid`, so a round trip is exact.
        ///
        /// # Examples
        /// ```
        /// use cxmetrics::{Scale, Tally};
        /// let t = Tally::from_scores(Scale::ONE_TO_FIVE, &[5, 4, 1])?;
        /// let back = Tally::from_json(&t.to_json())?;
        /// assert_eq!(back, t);
        /// # Ok::<(), cxmetrics::Error>(())
        /// ```
        pub fn to_json(&self) -> String {
            serde_json::to_string(self).unwrap_or_else(|e| unreachable!("tally serializes: {e}"))
        }

        /// Reads a tally written by [`Tally::to_json`] (in any language binding).
        ///
        /// # Errors
        /// `invalid_format` for malformed JSON, another format or version, arrays of
        /// the wrong length, or negative / non-finite weight sums; `invalid_scale`
        /// inside the message when the stored scale is not valid.
        pub fn from_json(s: &str) -> Result<Tally> {
            let raw: Raw =
                serde_json::from_str(s).map_err(|e| Error::InvalidFormat(e.to_string()))?;
            from_raw(raw)
        }
    }
}
