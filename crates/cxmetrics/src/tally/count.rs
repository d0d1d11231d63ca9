//! The counting kernels: the byte-lane pass, sub-histograms, the weighted blocked pass,
//! validity masks and (with `parallel`) the multi-threaded split.

use super::{Classified, PointWeight, Score, Tally};
use crate::error::Error;
use crate::scale::Scale;
#[cfg(all(feature = "parallel", not(target_family = "wasm")))]
use {super::OnInvalid, crate::error::Result};

/// Inputs at least this long are counted on several threads with the `parallel` feature.
#[cfg(all(feature = "parallel", not(target_family = "wasm")))]
pub(super) const PARALLEL_MIN: usize = 1 << 22;

#[cfg(all(feature = "parallel", not(target_family = "wasm")))]
impl Tally {
    /// Unweighted counting split over the available cores; counts merge exactly, and the
    /// error reported is the one of the lowest index, as in one pass.
    #[cfg(all(feature = "parallel", not(target_family = "wasm")))]
    pub(super) fn extend_parallel<T: Score>(
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
}

/// Bytes compared per step of the byte-lane pass (one 128-bit SIMD register).
const LANE_WIDTH: usize = 16;

/// The most distinct values the byte-lane pass counts (one `u8` counter per value and
/// lane); scales with more points (plus a missing bin) use the sub-histograms.
const LANE_VALUES: usize = 16;

/// Steps a `u8` lane counter can take before it must be flushed (`u8::MAX`).
const LANE_ROUNDS: usize = u8::MAX as usize;

/// Rows per block of the byte-lane counting pass: 255 rows per lane of 16, so a `u8`
/// lane counter cannot overflow before it is flushed.
const LANE_BLOCK: usize = LANE_WIDTH * LANE_ROUNDS;

/// Bins of the branch-free histograms: 128 ≥ 101 points + missing + invalid, so a bin
/// index masked with [`BIN_MASK`] is always in bounds (no bounds checks, no `unsafe`).
const BINS: usize = 128;

/// `BINS − 1`, the mask applied to every bin index.
const BIN_MASK: usize = BINS - 1;

/// Interleaved sub-histograms of the wide-scale pass, so runs of equal scores do not
/// serialise on one counter.
const SUB_HISTOGRAMS: usize = 4;

/// Validity-bitmap bits read at a time.
const WORD_BITS: usize = u64::BITS as usize;

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
pub(super) fn count_bins<T: Score>(
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
    let mut nulls = [0u64; BINS];
    for (k, block) in scores.chunks(MASK_BLOCK).enumerate() {
        let (c, m, i) = count_all(block, min, p);
        for (a, b) in counts.iter_mut().zip(c) {
            *a += b;
        }
        (missing, invalid) = (missing + m, invalid + i);
        mask.skip(k * MASK_BLOCK)
            .for_each_null(block.len(), |i| nulls[block[i].bin(min, p) & BIN_MASK] += 1);
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
    let use_lanes = LANES && lanes <= LANE_VALUES;
    let rows = scores.len() as u64;
    if use_lanes && narrow {
        // the wrapping byte subtraction of `min`, in the type's own encoding
        let f = lane_counter::<T>(lanes);
        let mut out = [0u64; LANE_VALUES];
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
        let mut out = [0u64; LANE_VALUES];
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
    // BINS ≥ 101 points + missing + invalid; masking the index with BIN_MASK lets the
    // compiler drop the bounds checks without `unsafe`.
    let mut hist = [[0u64; BINS]; SUB_HISTOGRAMS];
    let mut chunks = scores.chunks_exact(SUB_HISTOGRAMS);
    for c in &mut chunks {
        hist[0][c[0].bin(min, p) & BIN_MASK] += 1;
        hist[1][c[1].bin(min, p) & BIN_MASK] += 1;
        hist[2][c[2].bin(min, p) & BIN_MASK] += 1;
        hist[3][c[3].bin(min, p) & BIN_MASK] += 1;
    }
    for &x in chunks.remainder() {
        hist[0][x.bin(min, p) & BIN_MASK] += 1;
    }
    let bin = |k: usize| hist[0][k] + hist[1][k] + hist[2][k] + hist[3][k];
    ((0..p).map(bin).collect(), bin(p), bin(p + 1))
}

/// A validity bitmap (Arrow's layout: bit `offset + i`, least-significant first,
/// is 1 when row `i` is answered), long enough for the rows it is used with.
#[derive(Debug, Clone, Copy)]
pub(super) struct Mask<'a> {
    pub(super) bits: &'a [u8],
    pub(super) offset: usize,
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
            (lo >> shift) | (u64::from(buf[8]) << (WORD_BITS - shift))
        }
    }

    /// Calls `f(i)` for every null row `i < rows`, in order, 64 bitmap bits at a time.
    fn for_each_null(self, rows: usize, mut f: impl FnMut(usize)) {
        for start in (0..rows).step_by(WORD_BITS) {
            let take = (rows - start).min(WORD_BITS);
            let in_range = if take == WORD_BITS {
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
fn lane_counter<T: Score>(lanes: usize) -> fn(&[T], u8, &mut [u64; LANE_VALUES]) {
    match lanes {
        0..=4 => lane_counts::<T, 4>,
        5..=8 => lane_counts::<T, 8>,
        9..=12 => lane_counts::<T, 12>,
        _ => lane_counts::<T, LANE_VALUES>,
    }
}

/// Adds to `out[v]` how many of `xs` (at most [`LANE_BLOCK`] long) have
/// `lane − sub == v`, for `v < K`, with one `u8` counter per value and lane.
#[inline]
#[allow(clippy::needless_range_loop)] // fixed-width lane loops are what vectorises
fn lane_counts<T: Score, const K: usize>(xs: &[T], sub: u8, out: &mut [u64; LANE_VALUES]) {
    debug_assert!(xs.len() <= LANE_BLOCK && K <= LANE_VALUES);
    let mut acc = [[0u8; LANE_WIDTH]; K];
    let mut blocks = xs.chunks_exact(LANE_WIDTH);
    for block in &mut blocks {
        let mut d = [0u8; LANE_WIDTH];
        for l in 0..LANE_WIDTH {
            d[l] = block[l].lane().wrapping_sub(sub);
        }
        for (v, a) in (0u8..).zip(acc.iter_mut()) {
            for l in 0..LANE_WIDTH {
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

const MAX_WEIGHT_SQ: f64 = Tally::MAX_WEIGHT * Tally::MAX_WEIGHT;

/// A weight in `[0, Tally::MAX_WEIGHT]` (NaN and ±∞ are not).
fn valid_weight(w: f64) -> bool {
    (0.0..=Tally::MAX_WEIGHT).contains(&w)
}

/// Rows per block of the weighted pass, whose plain per-block sums are then added with
/// compensation: ≤ 256 non-negative terms keep each block sum within 256 ulps.
const WEIGHT_BLOCK: usize = 256;

/// The weighted hot path: `(counts, Σw and Σw² per point, missing, invalid)`, where a
/// row with a valid score and an invalid weight (negative, NaN, ±∞, above
/// [`Tally::MAX_WEIGHT`]) is invalid and a
/// missing score's weight is ignored. Branch-free per row: the bin (with the weight's
/// validity folded in) indexes plain per-block sums, which are added to compensated
/// per-point sums once per block.
#[allow(clippy::cast_possible_truncation)] // bins < 128
pub(super) fn count_weighted<T: Score>(
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
        // A valid score with a weight that is negative, NaN, ±∞ or above MAX_WEIGHT is
        // invalid. Such a weight leaves a sign bit in `signs` or a valid point's Σw²
        // above MAX_WEIGHT² (or NaN); only then is the block checked row by row (and
        // recounted if a row moves to the invalid bin).
        if signs >> 63 != 0 || !sq[..p].iter().all(|&s| s <= MAX_WEIGHT_SQ) {
            let p8 = p as u8;
            let mut moved = false;
            for (b, &w) in bins.iter_mut().zip(ws) {
                if *b < p8 && !valid_weight(w) {
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
fn block_sums(bins: &[u8], ws: &[f64]) -> ([u32; BINS], [f64; BINS], [f64; BINS], u64) {
    let mut n = [0u32; BINS];
    let mut sum = [0f64; BINS];
    let mut sq = [0f64; BINS];
    let mut signs = 0u64;
    for (&b, &w) in bins.iter().zip(ws) {
        let k = usize::from(b) & BIN_MASK;
        n[k] += 1;
        sum[k] += w;
        sq[k] += w * w;
        signs |= w.to_bits();
    }
    (n, sum, sq, signs)
}

/// The error of the first invalid row (score, or the weight of a valid score), by
/// index; called only after a counting pass found one.
pub(super) fn first_invalid<T: Score>(
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
                    && !valid_weight(w)
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
    // Only reachable when the rows changed between the counting pass and this one
    // (another thread writing the caller's buffer): an error, never a panic.
    Error::invalid_argument(
        "scores",
        "the data changed while it was read (an invalid row was counted, then not found)",
    )
}
