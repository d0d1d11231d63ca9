//! The weighted counting pass: blocks of 256 rows mapped to byte bins, per-point plain
//! block sums of w and w², added to compensated per-point sums.
//!
//! Native builds sum each block in 8 interleaved lanes (row `i` of a block goes to lane
//! `i mod 8`; the lanes are added in one fixed order), a scatter into 8 accumulator sets
//! (so runs of equal scores do not serialise on one counter's store and reload); the
//! SIMD level only maps the scores to bins, so every level gives the same sums, bit for
//! bit. wasm builds keep the one-set scatter (the light module's size budget).

#![allow(clippy::inline_always)] // the block kernel is inlined into each SIMD level's function (pulp)

#[cfg(target_family = "wasm")]
use super::count::{BIN_MASK, BINS};
use super::count::{COPIES, Mask, Stop, first_bad};
use super::{PointWeight, Score, Tally};
use crate::error::Error;
use crate::simd::Simd;

const MAX_WEIGHT_SQ: f64 = Tally::MAX_WEIGHT * Tally::MAX_WEIGHT;

/// A weight in `[0, Tally::MAX_WEIGHT]` (NaN and ±∞ are not).
pub(super) fn valid_weight(w: f64) -> bool {
    (0.0..=Tally::MAX_WEIGHT).contains(&w)
}

/// Rows per block of the weighted pass, whose plain per-block sums are then added with
/// compensation: ≤ 256 non-negative terms keep each block sum within 256 ulps.
pub(super) const WEIGHT_BLOCK: usize = 256;

/// The weighted hot path: `(counts, Σw and Σw² per point, missing, invalid)`, where a
/// row with a valid score and an invalid weight (negative, NaN, ±∞, above
/// [`Tally::MAX_WEIGHT`]) is invalid and a missing score's weight is ignored; with `stop`,
/// the error of the first invalid row. Branch-free per row: the bin (with the weight's
/// validity folded in) selects plain per-block sums, which are added to compensated
/// per-point sums once per block.
///
/// Self-consistent as `count_bins`: each block's scores and weights are copied once
/// (256 rows, next to the per-row work a small cost) and its validity bits read once;
/// everything about the block (bins, sums, the weight check, the error) comes from the
/// copy.
#[allow(clippy::cast_possible_truncation)] // bins < 128
pub(super) fn count_weighted<T: Score>(
    scores: &[T],
    mask: Option<Mask<'_>>,
    weights: &[f64],
    min: i64,
    p: usize,
    stop: Stop,
) -> Result<(Vec<u64>, Vec<PointWeight>, u64, u64), Error> {
    let mut counts = vec![0u64; p];
    let mut pw = vec![PointWeight::default(); p];
    let (mut missing, mut invalid) = (0u64, 0u64);
    let mut bins = [0u8; WEIGHT_BLOCK];
    let mut w_copy = [0f64; WEIGHT_BLOCK];
    let mut copy: Vec<T> = Vec::new();
    let mut sums = BlockSums::new();
    let simd = Simd::current();
    for (k, (xs, ws)) in scores
        .chunks(WEIGHT_BLOCK)
        .zip(weights.chunks(WEIGHT_BLOCK))
        .enumerate()
    {
        let start = k * WEIGHT_BLOCK;
        // one private copy of the block's scores and weights decides everything about
        // it (bins, sums, the weight check, the error)
        let (xs, ws): (&[T], &[f64]) = if COPIES {
            copy.clear();
            copy.extend_from_slice(xs);
            let w = &mut w_copy[..ws.len()];
            w.copy_from_slice(ws);
            (&copy, w)
        } else {
            (xs, ws)
        };
        let bins = &mut bins[..xs.len()];
        let signs = sums.block(simd, xs, ws, mask.map(|m| m.skip(start)), bins, min, p);
        // A valid score with a weight that is negative, NaN, ±∞ or above MAX_WEIGHT is
        // invalid. Such a weight leaves a sign bit in `signs` or a valid point's Σw²
        // above MAX_WEIGHT² (or NaN); only then is the block checked row by row (and
        // recounted if a row moves to the invalid bin).
        let p8 = p as u8;
        if signs >> 63 != 0 || !sums.sq[..p].iter().all(|&s| s <= MAX_WEIGHT_SQ) {
            let mut moved = false;
            for (b, &w) in bins.iter_mut().zip(ws.iter()) {
                if *b < p8 && !valid_weight(w) {
                    *b = p8 + 1;
                    moved = true;
                }
            }
            if moved {
                sums.sum_bins(simd, bins, ws, p);
            }
        }
        let (n, sum, sq) = (&sums.n, &sums.sum, &sums.sq);
        if let Some((scale, base)) = stop
            && n[p + 1] > 0
        {
            let at = bins.iter().position(|&b| b == p8 + 1).unwrap_or(0);
            return Err(first_bad(
                &xs[at..],
                None,
                Some(&ws[at..]),
                scale,
                base + start + at,
            ));
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
    Ok((counts, pw, missing, invalid))
}

/// The sums of one block of the weighted pass, per bin (`0..p` points, `p` missing,
/// `p + 1` invalid): rows, Σw, Σw² (plain sums), as one set of accumulators (wasm).
#[cfg(target_family = "wasm")]
struct BlockSums {
    n: [u32; BINS],
    sum: [f64; BINS],
    sq: [f64; BINS],
}

#[cfg(target_family = "wasm")]
impl BlockSums {
    fn new() -> BlockSums {
        BlockSums {
            n: [0; BINS],
            sum: [0.0; BINS],
            sq: [0.0; BINS],
        }
    }

    /// The sums of one block of scores and weights: `bins` set from `xs` (one read of
    /// each), null rows (unset bits of `mask`) moved to missing. Returns the OR of the
    /// weights' bits (whose top bit says whether any weight had its sign bit set).
    #[allow(clippy::too_many_arguments, clippy::cast_possible_truncation)] // bins < 128
    fn block<T: Score>(
        &mut self,
        _simd: Simd,
        xs: &[T],
        ws: &[f64],
        mask: Option<Mask<'_>>,
        bins: &mut [u8],
        min: i64,
        p: usize,
    ) -> u64 {
        T::bins(xs, min, p, bins);
        if let Some(m) = mask {
            m.mark_nulls(bins, p as u8);
        }
        self.sum_bins(Simd::Baseline, bins, ws, p)
    }

    /// The sums of `bins` with their weights `ws`; returns the OR of the weights' bits.
    fn sum_bins(&mut self, _simd: Simd, bins: &[u8], ws: &[f64], _p: usize) -> u64 {
        *self = BlockSums::new();
        let mut signs = 0u64;
        for (&b, &w) in bins.iter().zip(ws) {
            let k = usize::from(b) & BIN_MASK;
            self.n[k] += 1;
            self.sum[k] += w;
            self.sq[k] += w * w;
            signs |= w.to_bits();
        }
        signs
    }
}

#[cfg(not(target_family = "wasm"))]
use native::BlockSums;

/// The native block sums: 8 interleaved lanes.
#[cfg(not(target_family = "wasm"))]
mod native {
    use super::super::count::{BIN_MASK, BINS, Mask};
    use super::Score;
    use crate::simd::{Kernel, Simd};

    /// Interleaved lanes of the block sums: row `i` of a block is added to lane `i mod 8`.
    const LANES: usize = 8;

    /// The sums of one block of the weighted pass, per bin (`0..p` points, `p` missing,
    /// `p + 1` invalid): rows, Σw, Σw² (plain sums, each the lanes added in one fixed
    /// order), and the per-lane accumulators.
    pub(in crate::tally) struct BlockSums {
        pub(in crate::tally) n: [u32; BINS],
        pub(in crate::tally) sum: [f64; BINS],
        pub(in crate::tally) sq: [f64; BINS],
        lane_n: [[u32; LANES]; BINS],
        lane_sum: [[f64; LANES]; BINS],
        lane_sq: [[f64; LANES]; BINS],
    }

    impl BlockSums {
        pub(in crate::tally) fn new() -> Box<BlockSums> {
            Box::new(BlockSums {
                n: [0; BINS],
                sum: [0.0; BINS],
                sq: [0.0; BINS],
                lane_n: [[0; LANES]; BINS],
                lane_sum: [[0.0; LANES]; BINS],
                lane_sq: [[0.0; LANES]; BINS],
            })
        }

        /// The sums of one block of scores and weights at the level `simd`: `bins` set
        /// from `xs` (one read of each) at that level, null rows (unset bits of `mask`)
        /// moved to missing, then the scatter as compiled for the baseline (compiled with
        /// AVX2 it ran 5–30 % slower; per-point masked sums at AVX-512 ran 7.5× slower,
        /// both measured on an AMD EPYC). Returns the OR of the weights' bits (whose top
        /// bit says whether any weight had its sign bit set).
        #[allow(clippy::too_many_arguments)]
        pub(in crate::tally) fn block<T: Score>(
            &mut self,
            simd: Simd,
            xs: &[T],
            ws: &[f64],
            mask: Option<Mask<'_>>,
            bins: &mut [u8],
            min: i64,
            p: usize,
        ) -> u64 {
            let map = MapBins { xs, min, p, bins };
            match simd {
                #[cfg(target_arch = "x86_64")]
                Simd::Avx512 => crate::simd::avx512(map),
                #[cfg(target_arch = "x86_64")]
                Simd::Avx2 => crate::simd::avx2(map),
                _ => map.call(),
            }
            if let Some(m) = mask {
                #[allow(clippy::cast_possible_truncation)] // p < 127
                m.mark_nulls(bins, p as u8);
            }
            self.sum_bins(simd, bins, ws, p)
        }

        /// The sums of `bins` (already mapped) with their weights `ws` (the same at every
        /// level); returns the OR of the weights' bits.
        pub(in crate::tally) fn sum_bins(
            &mut self,
            _simd: Simd,
            bins: &[u8],
            ws: &[f64],
            p: usize,
        ) -> u64 {
            self.scatter(bins, ws, (p + 2).min(BINS));
            ws.iter().fold(0u64, |a, w| a | w.to_bits())
        }

        /// Rows, Σw and Σw² per bin scattered into 8 accumulator sets (row `i` to set
        /// `i mod 8`, so runs of equal scores do not serialise on one counter's store
        /// and reload), then added per bin; only the `used` bins are reset.
        #[allow(clippy::needless_range_loop)] // lane loops
        fn scatter(&mut self, bins: &[u8], ws: &[f64], used: usize) {
            for k in 0..used {
                self.lane_n[k] = [0; LANES];
                self.lane_sum[k] = [0.0; LANES];
                self.lane_sq[k] = [0.0; LANES];
            }
            let mut bc = bins.chunks_exact(LANES);
            let mut wc = ws.chunks_exact(LANES);
            for (b, w) in (&mut bc).zip(&mut wc) {
                for l in 0..LANES {
                    let k = usize::from(b[l]) & BIN_MASK;
                    self.lane_n[k][l] += 1;
                    self.lane_sum[k][l] += w[l];
                    self.lane_sq[k][l] += w[l] * w[l];
                }
            }
            for (l, (&b, &w)) in bc.remainder().iter().zip(wc.remainder()).enumerate() {
                let k = usize::from(b) & BIN_MASK;
                self.lane_n[k][l] += 1;
                self.lane_sum[k][l] += w;
                self.lane_sq[k][l] += w * w;
            }
            for k in 0..used {
                self.n[k] = self.lane_n[k].iter().sum();
                self.sum[k] = lane_total(&self.lane_sum[k]);
                self.sq[k] = lane_total(&self.lane_sq[k]);
            }
        }
    }

    /// The 8 lanes of a block sum added in one fixed order (a pairwise tree).
    fn lane_total(l: &[f64; LANES]) -> f64 {
        ((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7]))
    }

    /// [`Score::bins`] of one block, as a [`Kernel`].
    struct MapBins<'a, T> {
        xs: &'a [T],
        min: i64,
        p: usize,
        bins: &'a mut [u8],
    }

    impl<T: Score> Kernel for MapBins<'_, T> {
        type Output = ();
        #[inline(always)]
        fn call(self) {
            T::bins(self.xs, self.min, self.p, self.bins);
        }
    }
}
