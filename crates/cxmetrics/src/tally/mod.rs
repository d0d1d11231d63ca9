//! [`Tally`]: the mergeable sufficient statistics of survey responses.
//!
//! Every survey metric is a formula over a tally: per point of a [`Scale`], the count
//! of responses and (when weighted) the compensated sums Σw and Σw², plus how many
//! inputs were `missing` (NaN) and `invalid` (skipped). A tally is built in one
//! validating pass over any [`Score`] type (`u8` … `i64`, `f32`, `f64`), optionally with
//! weights or an Arrow-style validity bitmap, and tallies [`merge`](Tally::merge)
//! across chunks, threads and files: counts exactly, weight sums within a stated bound.
//!
//! - **Score kinds** ([`Score`], [`OnInvalid`]): NaN is missing; out-of-scale,
//!   fractional or infinite values are invalid — an error naming the first index by
//!   default, or counted and skipped with [`OnInvalid::Skip`].
//! - **Counting kernels**: a branch-free pass (byte lanes for small scales,
//!   interleaved sub-histograms otherwise, blocked compensated sums for weights); with
//!   the `parallel` feature, long inputs are split over all cores and merged.
//!   Every pass is self-consistent: whatever it looks at twice (to name the first
//!   invalid row, to take null rows back out, to check weights) it reads from one
//!   private copy of the block, so memory another thread writes during the pass (a
//!   binding reading a caller's buffer in place) changes the result only as a write
//!   before or after the read would, never into a panic or a count above the rows read.
//! - **Serialisation** (feature `serde`): the versioned `cxmetrics.tally` JSON format,
//!   [`Tally::to_json`] / [`Tally::from_json`]; always: the compact binary form
//!   [`Tally::to_bytes`] / [`Tally::from_bytes`].
//! - **From parts**: [`Tally::from_parts`] rebuilds a tally from per-point counts, Σw
//!   and Σw² computed elsewhere (an engine's `GROUP BY`).
//!
//! ```
//! use cxmetrics::tally::{OnInvalid, Tally};
//! use cxmetrics::scale::Scale;
//! let mut t = Tally::from_scores(Scale::NPS, &[10u8, 9, 7])?;
//! t.extend_with(&[3.0, f64::NAN, 11.0], None, OnInvalid::Skip)?;
//! assert_eq!(t.counts()[10], 1);
//! assert_eq!((t.n(), t.missing(), t.invalid()), (4, 1, 1));
//! # Ok::<(), cxmetrics::Error>(())
//! ```

use crate::error::{Error, Result};
use crate::scale::Scale;
use crate::sum::NeumaierSum;

mod bytes;
mod count;
mod parts;
mod score;
#[cfg(feature = "serde")]
mod serial;
mod weighted;

#[cfg(all(feature = "parallel", not(target_family = "wasm")))]
use count::PARALLEL_MIN;
pub(crate) use count::{BLOCK, COPIES};
use count::{Mask, count_bins};
pub(crate) use score::Classified;
pub use score::{OnInvalid, Score};
use weighted::count_weighted;

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
/// [`merge`](Tally::merge)d and give the result of one pass over all the data: exactly
/// for counts (and so every unweighted metric), within the bound below for weight sums.
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
/// - Counts, `missing` and `invalid` merge exactly in any order and split, so a merged
///   unweighted tally is `==` the one-pass tally.
/// - **Weight sums merge within a bound, not bit for bit.** Weights are added plainly
///   per block of 256 rows and the block sums with Neumaier compensation, so each
///   per-point Σw and Σw² is within about 260·u·S of its exact value (u = 2⁻⁵³, S the
///   exact sum of the non-negative terms). Another split makes other blocks, so a
///   merged and a one-pass tally may differ in the last bits of their weight sums, by
///   at most `1e-13 · S` per point (within the 1e-12 relative stated for metrics).
/// - `==` compares the whole state, weight sums (and their compensation terms) bit for
///   bit: true for merged unweighted tallies and after a JSON round trip, generally
///   false for merged weighted tallies — compare their results with a relative
///   tolerance (1e-12).
/// - Mixing weighted and unweighted data treats unweighted responses as weight 1.
/// - A failed `extend` leaves the tally unchanged (validation is all-or-nothing).
/// - The weight of a row whose score is missing is ignored.
/// - **Limit**: a tally holds at most [`Tally::MAX_ROWS`] = 2⁶⁴ − 1 rows in all
///   (`n + missing + invalid`), so every count and `n` fit a `u64`. Counts never
///   wrap: [`from_counts`](Tally::from_counts), [`merge`](Tally::merge), `push` /
///   `extend` and [`from_json`](Tally::from_json) use checked arithmetic and refuse a
///   result above the limit (`invalid_argument`, or `invalid_format` when decoding),
///   leaving the tally unchanged. The counting kernels add block counts unchecked
///   inside one pass (that pass reads at most `usize::MAX` rows); the check is where
///   a pass's totals are combined with the tally's.
///
/// # Errors
/// `out_of_scale`, `not_integer`, `not_finite` (scores), `invalid_weight`,
/// `length_mismatch` when adding data; `scale_mismatch` when merging tallies of
/// different scales; `invalid_format` when reading a serialized tally;
/// `invalid_argument` when a result would exceed [`Tally::MAX_ROWS`] rows. A weight
/// above [`Tally::MAX_WEIGHT`] (1e144) is `invalid_weight`, so weight sums never
/// overflow. The tally is unchanged on error.
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
    /// The most rows a tally holds, `n + missing + invalid ≤ 2⁶⁴ − 1`; anything that
    /// would go beyond it is refused (`invalid_argument`), never wrapped.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::{Scale, Tally};
    /// let mut t = Tally::from_counts(Scale::BINARY, &[Tally::MAX_ROWS, 0])?;
    /// assert_eq!(t.n(), u64::MAX);
    /// let err = t.push(1u8).unwrap_err();
    /// assert_eq!(err.code(), "invalid_argument");
    /// assert_eq!(t.n(), u64::MAX); // unchanged
    /// assert!(Tally::from_counts(Scale::BINARY, &[u64::MAX, 1]).is_err());
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub const MAX_ROWS: u64 = u64::MAX;

    /// The largest weight a tally takes: 1e144. A larger one is `invalid_weight`, like
    /// a negative or non-finite one, so that Σw and Σw² over the most rows a tally
    /// holds ([`Tally::MAX_ROWS`]) stay below `f64::MAX` (2^64 × 1e288 ≈ 1.8e307):
    /// no weighted metric can overflow to ∞ or NaN. Weights only matter by their
    /// ratios; rescale larger ones.
    ///
    /// ```
    /// use cxmetrics::{nps, OnInvalid, Scale, Tally};
    /// let ok = Tally::from_scores_with(Scale::NPS, &[9u8, 0], Some(&[1e144, 1e144]), OnInvalid::Error)?;
    /// assert_eq!(nps(&ok)?.score, 0.0);
    /// let e = Tally::from_scores_with(Scale::NPS, &[9u8, 0], Some(&[1.0, 1e145]), OnInvalid::Error).unwrap_err();
    /// assert_eq!((e.code(), e.index()), ("invalid_weight", Some(1)));
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub const MAX_WEIGHT: f64 = 1e144;

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
    /// `length_mismatch` unless `counts.len() == scale.points()`; `invalid_argument`
    /// when the counts sum to more than [`Tally::MAX_ROWS`].
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
        rows_in(counts, 0, 0).ok_or_else(|| over_limit("counts", "the counts sum"))?;
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
                what: "too few validity bits (after the offset) for the scores",
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
        if scores.len() >= PARALLEL_MIN && weights.is_none_or(|w| w.len() == scores.len()) {
            return self.extend_parallel(scores, mask, weights, on_invalid);
        }
        self.extend_inner(scores, mask, weights, on_invalid, 0)
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
        let (min, p) = (i64::from(scale.min()), scale.points());
        // One branch-free counting pass (see `count_bins` / `count_weighted`), which
        // under `OnInvalid::Error` names the first invalid row from the same read.
        let stop = (on_invalid == OnInvalid::Error).then_some((scale, index_base));
        let (counts, pw, missing, invalid) = match weights {
            None => {
                let (counts, missing, invalid) = count_bins(scores, mask, min, p, stop)?;
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
                let (counts, pw, missing, invalid) =
                    count_weighted(scores, mask, ws, min, p, stop)?;
                (counts, Some(pw), missing, invalid)
            }
        };
        self.add(&counts, pw.as_deref(), missing, invalid, "scores")
    }

    /// Adds per-point counts (with their weight sums), `missing` and `invalid` to this
    /// tally, all or nothing: `invalid_argument` naming `name` when the rows would
    /// exceed [`Tally::MAX_ROWS`], the tally unchanged.
    fn add(
        &mut self,
        counts: &[u64],
        pw: Option<&[PointWeight]>,
        missing: u64,
        invalid: u64,
        name: &'static str,
    ) -> Result<()> {
        // The tally's own rows fit (its invariant); if the sum of both fits too, every
        // per-point sum, `missing` and `invalid` fit, so the additions below are exact.
        rows_in(counts, missing, invalid)
            .and_then(|r| r.checked_add(self.rows_seen()))
            .ok_or_else(|| over_limit(name, "the rows of the result"))?;
        self.add_counts(counts, pw);
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
    /// meanings); `invalid_argument` when the result would hold more than
    /// [`Tally::MAX_ROWS`] rows. The tally is unchanged on error.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::{Scale, Tally};
    /// let mut a = Tally::from_scores(Scale::ONE_TO_FIVE, &[5, 4])?;
    /// a.merge(&Tally::from_scores(Scale::ONE_TO_FIVE, &[1])?)?;
    /// assert_eq!(a.n(), 3);
    /// let b = Tally::new(Scale::NPS);
    /// assert_eq!(a.merge(&b).unwrap_err().code(), "scale_mismatch");
    ///
    /// // weighted: counts exactly, weight sums within 1e-13 relative (not always `==`)
    /// use cxmetrics::OnInvalid;
    /// let (s, w): (Vec<u8>, Vec<f64>) = (1..=600).map(|i| (9, 1.0 / f64::from(i))).unzip();
    /// let part = |r: std::ops::Range<usize>| {
    ///     Tally::from_scores_with(Scale::NPS, &s[r.clone()], Some(&w[r]), OnInvalid::Error)
    /// };
    /// let one = part(0..600)?;
    /// let mut m = part(0..301)?;
    /// m.merge(&part(301..600)?)?;
    /// assert_eq!(m.counts(), one.counts());
    /// assert!((m.sum_weights() - one.sum_weights()).abs() <= 1e-13 * one.sum_weights());
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
        self.add(
            &other.counts,
            theirs.as_deref(),
            other.missing,
            other.invalid,
            "other",
        )
    }

    /// The scale.
    pub fn scale(&self) -> Scale {
        self.scale
    }

    /// Responses per point: `counts()[k]` were scored `scale.min() + k`.
    pub fn counts(&self) -> &[u64] {
        &self.counts
    }

    /// Valid responses (the denominator of unweighted metrics); at most
    /// [`Tally::MAX_ROWS`], so the sum is exact.
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
            let s2 = s * s;
            // (Σw)² may exceed f64::MAX while Σw² does not (n weights near 1e154)
            if s2.is_finite() {
                s2 / sq
            } else {
                s * (s / sq)
            }
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

/// `Σ counts + missing + invalid`, or `None` above `u64::MAX` ([`Tally::MAX_ROWS`]).
pub(crate) fn rows_in(counts: &[u64], missing: u64, invalid: u64) -> Option<u64> {
    counts
        .iter()
        .try_fold(missing, |acc, &c| acc.checked_add(c))
        .and_then(|r| r.checked_add(invalid))
}

/// The `invalid_argument` error for a tally that would exceed [`Tally::MAX_ROWS`].
fn over_limit(name: &'static str, what: &str) -> Error {
    Error::invalid_argument(
        name,
        format!(
            "{what} would exceed 2^64 - 1 = {} rows (n + missing + invalid), the most a tally holds",
            Tally::MAX_ROWS
        ),
    )
}

fn total(sums: impl Iterator<Item = NeumaierSum>) -> f64 {
    let mut acc = NeumaierSum::default();
    for s in sums {
        acc.merge(s);
    }
    acc.value()
}
