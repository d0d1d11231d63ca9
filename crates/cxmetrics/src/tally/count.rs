//! The counting kernels: the byte-lane pass, sub-histograms, the weighted blocked pass,
//! validity masks and (with `parallel`) the multi-threaded split.

#![allow(clippy::inline_always)] // every kernel is inlined into each SIMD level's target-feature function (pulp)

use super::weighted::valid_weight;
use super::{Classified, Score};
use crate::error::Error;
use crate::scale::Scale;
use crate::simd::{Kernel, Simd};
#[cfg(all(feature = "parallel", not(target_family = "wasm")))]
use {
    super::{OnInvalid, Tally},
    crate::error::Result,
};

/// Inputs at least this long are counted on several threads with the `parallel` feature.
#[cfg(all(feature = "parallel", not(target_family = "wasm")))]
pub(super) const PARALLEL_MIN: usize = 1 << 22;

#[cfg(all(feature = "parallel", not(target_family = "wasm")))]
impl Tally {
    /// Counting split over the available cores, in parts of whole [`BLOCK`]s (so a
    /// weighted part adds the same 256-row block sums as one pass); counts merge
    /// exactly, weight sums within the merge bound, and the error reported is the one
    /// of the lowest index, as in one pass. `weights`, when given, has the scores'
    /// length (checked by the caller).
    pub(super) fn extend_parallel<T: Score>(
        &mut self,
        scores: &[T],
        mask: Option<Mask<'_>>,
        weights: Option<&[f64]>,
        on_invalid: OnInvalid,
    ) -> Result<()> {
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        let chunk = scores
            .len()
            .div_ceil(threads.max(1))
            .next_multiple_of(BLOCK);
        let parts: Vec<Result<Tally>> = std::thread::scope(|scope| {
            let handles: Vec<_> = scores
                .chunks(chunk)
                .enumerate()
                .map(|(k, part)| {
                    let scale = self.scale;
                    let start = k * chunk;
                    let mask = mask.map(|m| m.skip(start));
                    let ws = weights.map(|w| &w[start..start + part.len()]);
                    scope.spawn(move || {
                        let mut t = Tally::new(scale);
                        t.extend_inner(part, mask, ws, on_invalid, start)
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

/// Bytes compared per step of the byte-lane pass at [`Simd::Baseline`] (one 128-bit
/// register); AVX2 compares 32 ([`Simd::Avx2`]), AVX-512 64 ([`Simd::Avx512`]).
const LANE_WIDTH: usize = 16;

/// The most distinct values the byte-lane pass counts (one `u8` counter per value and
/// lane); scales with more points (plus a missing bin) use the sub-histograms.
pub(super) const LANE_VALUES: usize = 16;

/// Steps a `u8` lane counter can take before it must be flushed (`u8::MAX`).
const LANE_ROUNDS: usize = u8::MAX as usize;

/// Rows per block of the byte-lane counting pass at the widest level: 255 rows per lane
/// of 64, so a `u8` lane counter cannot overflow before it is flushed (a pass with `W`
/// lanes takes blocks of `W · 255` rows).
const LANE_BLOCK: usize = 64 * LANE_ROUNDS;

/// Bins of the branch-free histograms: 128 ≥ 101 points + missing + invalid, so a bin
/// index masked with [`BIN_MASK`] is always in bounds (no bounds checks, no `unsafe`).
pub(super) const BINS: usize = 128;

/// `BINS − 1`, the mask applied to every bin index.
pub(super) const BIN_MASK: usize = BINS - 1;

/// Interleaved sub-histograms of the wide-scale pass, so runs of equal scores do not
/// serialise on one counter.
const SUB_HISTOGRAMS: usize = 4;

/// Whether the byte-lane counting pass is used at [`Simd::Baseline`]: everywhere but on
/// wasm without SIMD, where its per-value comparisons would run one byte at a time.
const LANES: bool = cfg!(any(not(target_family = "wasm"), target_feature = "simd128"));

/// One block of [`count_bins`]: counted (unmasked) or mapped to byte bins, null rows
/// marked missing and the bins counted (masked), in `W` byte lanes when `lanes` (else
/// sub-histograms); `wide`: every type maps to byte bins before the lane pass (the AVX
/// levels have the 64-bit compares SSE2 lacks).
struct CountBlock<'a, T, const W: usize> {
    src: &'a [T],
    mask: Option<Mask<'a>>,
    bins: &'a mut [u8],
    min: i64,
    p: usize,
    lanes: bool,
    wide: bool,
}

impl<T: Score, const W: usize> Kernel for CountBlock<'_, T, W> {
    type Output = (Vec<u64>, u64, u64);
    #[inline(always)]
    fn call(self) -> Self::Output {
        let CountBlock {
            src,
            mask,
            bins,
            min,
            p,
            lanes,
            wide,
        } = self;
        match mask {
            None => count_all::<T, W>(src, min, p, lanes, wide),
            Some(mask) => {
                // each value read once, into its byte bin; null rows' bins set to
                // missing; the bins counted
                T::bins(src, min, p, bins);
                #[allow(clippy::cast_possible_truncation)] // p < 127
                mask.mark_nulls(bins, p as u8);
                count_bytes::<W>(bins, p, lanes)
            }
        }
    }
}

/// [`CountBlock`] at the level `simd`: [`Simd::Scalar`] uses the sub-histograms only;
/// the AVX levels (x86-64 only) are the same code compiled with their instructions
/// enabled and wider lanes.
fn count_block<T: Score>(
    simd: Simd,
    src: &[T],
    mask: Option<Mask<'_>>,
    bins: &mut [u8],
    min: i64,
    p: usize,
) -> (Vec<u64>, u64, u64) {
    // one-byte scores at AVX-512: the AVX2 pass (32 lanes), which measured 0.58 ms
    // against 0.96 ms for 10 M rows in 64 lanes (AMD EPYC; 16 × 64 lane counters spill)
    let simd = if simd == Simd::Avx512 && size_of::<T>() == 1 && mask.is_none() {
        Simd::Avx2
    } else {
        simd
    };
    match simd {
        #[cfg(target_arch = "x86_64")]
        Simd::Avx512 => crate::simd::avx512(CountBlock::<T, 64> {
            src,
            mask,
            bins,
            min,
            p,
            lanes: true,
            wide: true,
        }),
        #[cfg(target_arch = "x86_64")]
        Simd::Avx2 => crate::simd::avx2(CountBlock::<T, 32> {
            src,
            mask,
            bins,
            min,
            p,
            lanes: true,
            wide: true,
        }),
        _ => CountBlock::<T, LANE_WIDTH> {
            src,
            mask,
            bins,
            min,
            p,
            lanes: LANES && simd != Simd::Scalar,
            wide: false,
        }
        .call(),
    }
}

/// Where a counting pass stops at the first invalid row ([`OnInvalid::Error`]): the
/// scale that names the error and the index of the pass's first row in the caller's
/// input. `None` counts invalid rows and goes on ([`OnInvalid::Skip`]).
pub(super) type Stop = Option<(Scale, usize)>;

/// The unweighted hot path: `(counts per point, missing, invalid)` of `scores`, or with
/// `stop` the error of the first invalid row.
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
/// With a validity mask, each block is mapped to byte bins with [`Score::bin`], the
/// bins of its null rows (found 64 bitmap bits at a time) are set to missing, and the
/// bins are counted (in byte lanes when they fit): the value stored at a null row is
/// never looked at again, so it never becomes a score.
///
/// # Self-consistent
/// The input may be memory another thread writes while it is read (a binding reading
/// a caller's buffer in place). Every figure of a [`BLOCK`] of rows therefore comes
/// from one read of each of its rows and of its validity bits: the unmasked pass reads
/// each row once; a masked block is mapped to byte bins (one read per row) with its
/// null rows' bins set to missing, and the bins are counted; and a block that must be
/// looked at again (an invalid row to name) is first copied, and the copy alone is
/// counted and searched. A concurrent write thus changes the result only as
/// writing that row before or after the read would, and no count can exceed the rows
/// read.
pub(super) fn count_bins<T: Score>(
    scores: &[T],
    mask: Option<Mask<'_>>,
    min: i64,
    p: usize,
    stop: Stop,
) -> Result<(Vec<u64>, u64, u64), Error> {
    let (mut counts, mut missing, mut invalid) = (vec![0u64; p], 0u64, 0u64);
    let mut copy: Vec<T> = Vec::new();
    let mut bin_block = [0u8; BLOCK];
    let simd = Simd::current();
    for (k, block) in scores.chunks(BLOCK).enumerate() {
        let start = k * BLOCK;
        let mask = mask.map(|m| m.skip(start));
        let mut copied = false;
        // at most twice: the block, then (an invalid row to name) one private copy
        let (c, m, i) = loop {
            let src: &[T] = if copied { &copy } else { block };
            let bins = &mut bin_block[..src.len()];
            let (c, m, i) = count_block(simd, src, mask, bins, min, p);
            match stop {
                Some((scale, base)) if i > 0 && (copied || !COPIES) => {
                    let bins = mask.map(|_| &bin_block[..src.len()]);
                    return Err(first_bad(src, bins, None, scale, base + start));
                }
                Some(_) if i > 0 => {
                    copy.clear();
                    copy.extend_from_slice(block);
                    copied = true;
                }
                _ => break (c, m, i),
            }
        };
        for (a, b) in counts.iter_mut().zip(c) {
            *a += b;
        }
        (missing, invalid) = (missing + m, invalid + i);
    }
    Ok((counts, missing, invalid))
}

/// Whether the self-consistent passes copy a block they look at again: everywhere but
/// on wasm, whose input is already a private copy (the bindings copy JS arrays into
/// the module's memory, which no other thread shares), so the copy would change
/// nothing and only grow the module.
pub(crate) const COPIES: bool = !cfg!(target_family = "wasm");

/// Rows per block of the self-consistent unweighted pass (≤ 128 KiB of `f64`, so a
/// block is still in cache when it is copied or its null rows are looked at again).
pub(crate) const BLOCK: usize = 1 << 14;

/// `(counts, missing, invalid)` of byte bins (`0..p` points, `p` missing, `p + 1`
/// invalid): counted as `u8` scores on a scale of `p + 1` points whose last point is
/// the missing bin (byte lanes when they fit, else the sub-histograms).
#[inline(always)]
fn count_bytes<const W: usize>(bins: &[u8], p: usize, lanes: bool) -> (Vec<u64>, u64, u64) {
    let (mut counts, _, invalid) = count_all::<u8, W>(bins, 0, p + 1, lanes, true);
    let missing = counts.pop().unwrap_or(0);
    (counts, missing, invalid)
}

/// [`count_bins`] without a mask, in `W` byte lanes when `lanes` (else in
/// sub-histograms); `wide`: every type maps to byte bins before the lane pass (the AVX
/// levels have the 64-bit compares SSE2 lacks).
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // bins < 128, checked ranges
#[inline(always)] // compiled into each level's dispatch
fn count_all<T: Score, const W: usize>(
    scores: &[T],
    min: i64,
    p: usize,
    lanes_on: bool,
    wide: bool,
) -> (Vec<u64>, u64, u64) {
    let narrow = matches!(T::BYTE_RANGE, Some((lo, hi)) if min >= lo && min + p as i64 - 1 <= hi);
    let lanes = if narrow { p } else { p + 1 };
    let use_lanes = lanes_on && lanes <= LANE_VALUES;
    let rows = scores.len() as u64;
    let block_rows = W * LANE_ROUNDS;
    if use_lanes && narrow {
        // the wrapping byte subtraction of `min`, in the type's own encoding
        let mut out = [0u64; LANE_VALUES];
        for block in scores.chunks(block_rows) {
            lane_counter::<T, W>(lanes, block, min as u8, &mut out);
        }
        let counts = out[..p].to_vec();
        let invalid = rows - counts.iter().sum::<u64>();
        return (counts, 0, invalid);
    }
    if use_lanes && (T::LANE_BINS || wide) {
        // blocks mapped to byte bins, then counted in lanes
        let mut out = [0u64; LANE_VALUES];
        let mut bins = [0u8; LANE_BLOCK];
        for block in scores.chunks(block_rows) {
            let bins = &mut bins[..block.len()];
            T::bins(block, min, p, bins);
            lane_counter::<u8, W>(lanes, bins, 0, &mut out);
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
    /// The mask of the rows from `from` on.
    pub(super) fn skip(self, from: usize) -> Self {
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

    /// Sets the bin of every null row of `bins` (rows `0..bins.len()`) to `missing`,
    /// reading the bitmap once, 64 bits at a time.
    pub(super) fn mark_nulls(self, bins: &mut [u8], missing: u8) {
        for (c, chunk) in bins.chunks_mut(64).enumerate() {
            let in_range = u64::MAX >> (64 - chunk.len());
            let mut nulls = !self.word(c * 64) & in_range;
            while nulls != 0 {
                if let Some(b) = chunk.get_mut(nulls.trailing_zeros() as usize) {
                    *b = missing;
                }
                nulls &= nulls - 1;
            }
        }
    }
}

/// [`lane_counts`] with the fewest values (4, 8, 12 or 16) that covers `lanes`.
#[inline(always)]
pub(super) fn lane_counter<T: Score, const W: usize>(
    lanes: usize,
    xs: &[T],
    sub: u8,
    out: &mut [u64; LANE_VALUES],
) {
    match lanes {
        0..=4 => lane_counts::<T, 4, W>(xs, sub, out),
        5..=8 => lane_counts::<T, 8, W>(xs, sub, out),
        9..=12 => lane_counts::<T, 12, W>(xs, sub, out),
        _ => lane_counts::<T, LANE_VALUES, W>(xs, sub, out),
    }
}

/// Adds to `out[v]` how many of `xs` (at most `W · 255` long) have `lane − sub == v`,
/// for `v < K`, with one `u8` counter per value and each of `W` lanes.
#[inline(always)]
#[allow(clippy::needless_range_loop)] // fixed-width lane loops are what vectorises
fn lane_counts<T: Score, const K: usize, const W: usize>(
    xs: &[T],
    sub: u8,
    out: &mut [u64; LANE_VALUES],
) {
    debug_assert!(xs.len() <= W * LANE_ROUNDS && K <= LANE_VALUES);
    let mut acc = [[0u8; W]; K];
    let mut blocks = xs.chunks_exact(W);
    for block in &mut blocks {
        let mut d = [0u8; W];
        for l in 0..W {
            d[l] = block[l].lane().wrapping_sub(sub);
        }
        for (v, a) in (0u8..).zip(acc.iter_mut()) {
            for l in 0..W {
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

/// The error of the first invalid row of `scores` (a private copy the counting pass
/// found one in): an invalid score, or the invalid weight of a valid one. Rows whose
/// bin in `bins` is missing (null rows) are skipped; `index_base` is the index of `scores[0]` in the
/// caller's input.
#[cold]
#[inline(never)]
pub(super) fn first_bad<T: Score>(
    scores: &[T],
    bins: Option<&[u8]>,
    weights: Option<&[f64]>,
    scale: Scale,
    index_base: usize,
) -> Error {
    for (i, &s) in scores.iter().enumerate() {
        if bins.is_some_and(|b| usize::from(b[i]) == scale.points()) {
            continue; // a null row (or a missing one)
        }
        match s.classify(scale) {
            Classified::Missing => {}
            Classified::Point(_) => {
                if let Some(&w) = weights.and_then(|ws| ws.get(i))
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
    // The copy was counted with an invalid row, so one is found above; should the
    // branch-free bins and `classify` ever disagree, an error, never a panic.
    Error::invalid_argument(
        "scores",
        "an invalid row was counted but could not be named; please report this as a bug",
    )
}

#[cfg(test)]
mod tests {
    use super::{BLOCK, Mask, count_bins};
    use crate::scale::Scale;
    use crate::tally::weighted::{WEIGHT_BLOCK, count_weighted};

    const NPS: (i64, usize) = (0, 11);

    /// A bitmap (LSB first) with row `r` null when `null(r)`.
    fn bitmap(rows: usize, null: impl Fn(usize) -> bool) -> Vec<u8> {
        let mut bits = vec![0u8; rows.div_ceil(8)];
        for r in (0..rows).filter(|&r| !null(r)) {
            bits[r / 8] |= 1 << (r % 8);
        }
        bits
    }

    #[test]
    fn the_first_invalid_row_is_named_from_the_block_it_was_counted_in() {
        // invalid rows in the third block only: the error names the first of them,
        // with the pass's index base added, for every input type path
        let mut xs = vec![5.0f64; 3 * BLOCK];
        xs[2 * BLOCK + 17] = 9.5; // on the scale, not an integer (10.5 is out_of_scale)
        xs[2 * BLOCK + 40] = 11.0;
        let stop = Some((Scale::NPS, 1000));
        let e = count_bins(&xs, None, NPS.0, NPS.1, stop).unwrap_err();
        assert_eq!(
            (e.code(), e.index()),
            ("not_integer", Some(1000 + 2 * BLOCK + 17))
        );
        let bytes: Vec<u8> = xs.iter().map(|&x| x as u8).collect();
        let e = count_bins(&bytes, None, NPS.0, NPS.1, stop).unwrap_err();
        assert_eq!(
            (e.code(), e.index()),
            ("out_of_scale", Some(1000 + 2 * BLOCK + 40))
        );
        // skipping: counted, not named
        let (counts, missing, invalid) = count_bins(&xs, None, NPS.0, NPS.1, None).unwrap();
        assert_eq!((counts[5], missing, invalid), (3 * BLOCK as u64 - 2, 0, 2));
    }

    #[test]
    fn null_rows_never_count_whatever_they_hold() {
        // every 7th row null and holding garbage (invalid, missing, or a valid point);
        // the answered rows hold 9: the result is as if the nulls were NaN
        let rows = 2 * BLOCK + 100;
        let null = |r: usize| r % 7 == 3;
        let garbage = [f64::INFINITY, 11.0, f64::NAN, 0.0, 9.5, -1e300];
        let xs: Vec<f64> = (0..rows)
            .map(|r| {
                if null(r) {
                    garbage[r % garbage.len()]
                } else {
                    9.0
                }
            })
            .collect();
        let bits = bitmap(rows + 3, |r| r < 3 || null(r - 3));
        let mask = Mask {
            bits: &bits,
            offset: 3,
        };
        let nulls = (0..rows).filter(|&r| null(r)).count() as u64;
        let stop = Some((Scale::NPS, 0));
        let (counts, missing, invalid) = count_bins(&xs, Some(mask), NPS.0, NPS.1, stop).unwrap();
        assert_eq!(counts[9], rows as u64 - nulls);
        assert_eq!(counts.iter().sum::<u64>(), rows as u64 - nulls);
        assert_eq!((missing, invalid), (nulls, 0));
        let ws = vec![2.0; rows];
        let (counts, pw, missing, invalid) =
            count_weighted(&xs, Some(mask), &ws, NPS.0, NPS.1, stop).unwrap();
        assert_eq!(
            (counts[9], missing, invalid),
            (rows as u64 - nulls, nulls, 0)
        );
        assert_eq!(pw[9].sum.value(), 2.0 * (rows as u64 - nulls) as f64);
        // an answered invalid row after nulls holding invalid values is the one named
        let mut ys = xs.clone();
        ys[BLOCK + 1] = 12.0; // (BLOCK + 1) % 7 != 3: answered
        assert!(!null(BLOCK + 1));
        let e = count_bins(&ys, Some(mask), NPS.0, NPS.1, stop).unwrap_err();
        assert_eq!((e.code(), e.index()), ("out_of_scale", Some(BLOCK + 1)));
        let e = count_weighted(&ys, Some(mask), &ws, NPS.0, NPS.1, stop).unwrap_err();
        assert_eq!((e.code(), e.index()), ("out_of_scale", Some(BLOCK + 1)));
    }

    #[test]
    fn an_invalid_weight_is_named_from_the_weighted_block_copy() {
        let rows = 3 * WEIGHT_BLOCK + 5;
        let xs = vec![7u8; rows];
        let mut ws = vec![1.0; rows];
        ws[2 * WEIGHT_BLOCK + 9] = -0.0; // a valid weight with its sign bit set
        ws[2 * WEIGHT_BLOCK + 11] = f64::NAN;
        let stop = Some((Scale::NPS, 7));
        let e = count_weighted(&xs, None, &ws, NPS.0, NPS.1, stop).unwrap_err();
        assert_eq!(
            (e.code(), e.index()),
            ("invalid_weight", Some(7 + 2 * WEIGHT_BLOCK + 11))
        );
        let (counts, pw, _, invalid) = count_weighted(&xs, None, &ws, NPS.0, NPS.1, None).unwrap();
        assert_eq!((counts[7], invalid), (rows as u64 - 1, 1));
        assert_eq!(pw[7].sum.value(), (rows - 2) as f64);
    }
}
