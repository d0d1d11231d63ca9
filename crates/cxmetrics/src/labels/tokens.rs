//! Columns of opaque tokens (a binding's object identities) counted per distinct token
//! in one pass, split over the threads with `parallel`, so that the caller reads each
//! distinct token once ([`LabelledScale::tally_category_counts`](super::LabelledScale::tally_category_counts)).

#![allow(clippy::inline_always)] // the kernel is inlined into each SIMD level's target-feature function (pulp)

use crate::simd::{Kernel, Simd};

/// Rows read at a time: copied (as tokens) into a buffer that stays in L1 while each
/// known token is counted in it.
const BLOCK: usize = 256;

/// Known tokens counted by comparison in a block (a 0–10 scale's words and "no answer");
/// past this many, each row is looked up (about as fast as 12 comparisons).
const COMPARED: usize = 12;

/// Slots of the direct-mapped cache of the row-by-row lookup (a power of two).
const WAYS: usize = 1024;

/// The most distinct tokens [`count_tokens`] follows in one part.
const MAX_TOKENS: usize = 256;

/// Rows from which the text passes ([`count_tokens`],
/// [`LabelledScale::tally_keyed_rows`](super::LabelledScale::tally_keyed_rows)) split a
/// column over the threads (with `parallel`): a row costs a nanosecond or more, so a
/// million rows pay for the threads.
pub(super) const PARALLEL_MIN: usize = 1 << 20;

/// A distinct token of a column, with the row where it first occurs and its rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenCount {
    /// The token.
    pub token: usize,
    /// The first row holding it.
    pub first: usize,
    /// How many rows hold it.
    pub count: u64,
}

/// Counts the rows of each distinct `token(item)` (an opaque identity, such as an
/// object's address): the distinct tokens in the order they first occur, each with its
/// first row and its number of rows.
///
/// Rows are read a block of 256 at a time: with at most 16 distinct tokens seen so far
/// at most 12 distinct tokens seen so far each is counted in the block by comparison (vectorised at the [`Simd`] level in use);
/// a block holding a new token, and every block once more than 12 are known, is read row
/// by row (a lookup in a 1 024-slot direct-mapped cache keyed on the token). With the `parallel` feature a column of a million rows or more is split over
/// the threads and the parts' counts added (exactly).
///
/// Returns `None` when a part holds more than 256 distinct tokens (the caller counts such
/// a column another way); `None` is returned as soon as that is seen.
///
/// # Examples
/// ```
/// use cxmetrics::labels::{TokenCount, count_tokens};
/// let counts = count_tokens(&[7u32, 7, 9, 7, 0], |&x| x as usize).unwrap();
/// let t = |token, first, count| TokenCount { token, first, count };
/// assert_eq!(counts, vec![t(7, 0, 3), t(9, 2, 1), t(0, 4, 1)]);
/// assert!(count_tokens(&(0..300).collect::<Vec<usize>>(), |&x| x).is_none());
/// ```
pub fn count_tokens<T: Sync>(
    items: &[T],
    token: impl Fn(&T) -> usize + Sync,
) -> Option<Vec<TokenCount>> {
    let parts = crate::threads::split(items.len(), PARALLEL_MIN, |rows| {
        count_part(&items[rows.clone()], rows.start, &token)
    });
    // parts in row order: a token's first row is that of the first part holding it
    let mut all: Vec<TokenCount> = Vec::new();
    for part in parts {
        for c in part? {
            match all.iter_mut().find(|a| a.token == c.token) {
                Some(a) => a.count += c.count,
                None => all.push(c),
            }
        }
    }
    Some(all)
}

/// One part (rows `start..`) at the SIMD level in use.
fn count_part<T>(
    items: &[T],
    start: usize,
    token: &impl Fn(&T) -> usize,
) -> Option<Vec<TokenCount>> {
    let k = CountPart {
        items,
        start,
        token,
    };
    match Simd::current() {
        #[cfg(target_arch = "x86_64")]
        Simd::Avx512 => crate::simd::avx512(k),
        #[cfg(target_arch = "x86_64")]
        Simd::Avx2 => crate::simd::avx2(k),
        _ => k.call(),
    }
}

struct CountPart<'a, T, F> {
    items: &'a [T],
    start: usize,
    token: &'a F,
}

impl<T, F: Fn(&T) -> usize> Kernel for CountPart<'_, T, F> {
    type Output = Option<Vec<TokenCount>>;

    #[inline(always)]
    fn call(self) -> Self::Output {
        let CountPart {
            items,
            start,
            token,
        } = self;
        let mut found: Vec<TokenCount> = Vec::new();
        let mut buf = [0usize; BLOCK];
        let mut ways = [(0usize, EMPTY); WAYS];
        for (b, rows) in items.chunks(BLOCK).enumerate() {
            let buf = &mut buf[..rows.len()];
            for (slot, item) in buf.iter_mut().zip(rows) {
                *slot = token(item);
            }
            if found.len() <= COMPARED && !found.is_empty() {
                let mut here = [0u64; COMPARED];
                for (n, c) in here.iter_mut().zip(&found) {
                    *n = count_equal(buf, c.token);
                }
                if here.iter().sum::<u64>() == buf.len() as u64 {
                    for (c, n) in found.iter_mut().zip(here) {
                        c.count += n;
                    }
                    continue;
                }
            }
            // a new token in the block (or many known): row by row
            let base = start + b * BLOCK;
            for (i, &t) in buf.iter().enumerate() {
                let w = slot(t);
                let (wt, wi) = ways[w];
                if wi != EMPTY && wt == t {
                    found[usize::from(wi)].count += 1;
                    continue;
                }
                let j = match found.iter().position(|c| c.token == t) {
                    Some(j) => {
                        found[j].count += 1;
                        j
                    }
                    None if found.len() == MAX_TOKENS => return None,
                    None => {
                        found.push(TokenCount {
                            token: t,
                            first: base + i,
                            count: 1,
                        });
                        found.len() - 1
                    }
                };
                ways[w] = (t, u16::try_from(j).unwrap_or(EMPTY));
            }
        }
        Some(found)
    }
}

/// An empty slot of the cache.
const EMPTY: u16 = u16::MAX;

/// The cache slot of a token (Fibonacci hashing, without the low alignment bits).
#[inline(always)]
fn slot(token: usize) -> usize {
    ((token as u64 >> 4).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 54) as usize & (WAYS - 1)
}

/// The rows of `buf` equal to `t` (compiled to vector compares).
#[inline(always)]
fn count_equal(buf: &[usize], t: usize) -> u64 {
    buf.iter().map(|&x| u64::from(x == t)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The naive count, in order of first occurrence.
    fn naive(items: &[usize]) -> Vec<TokenCount> {
        let mut out: Vec<TokenCount> = Vec::new();
        for (i, &t) in items.iter().enumerate() {
            match out.iter_mut().find(|c| c.token == t) {
                Some(c) => c.count += 1,
                None => out.push(TokenCount {
                    token: t,
                    first: i,
                    count: 1,
                }),
            }
        }
        out
    }

    #[test]
    fn empty_and_extremes() {
        assert_eq!(count_tokens::<usize>(&[], |&x| x), Some(vec![]));
        let c = count_tokens(&[usize::MAX, 0, usize::MAX], |&x| x).unwrap();
        assert_eq!(c, naive(&[usize::MAX, 0, usize::MAX]));
    }

    #[test]
    fn agrees_with_naive_at_every_level() {
        let mut state = 0x2545_F491_4F6C_DD1D_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let best = Simd::current();
        // 3 Mi rows: split over the threads with `parallel`; distinct counts around the
        // compared limit (12) and at the most followed (256); new tokens late in a part
        for distinct in [1usize, 5, 12, 13, 40, 256] {
            let pool: Vec<usize> = (0..distinct).map(|k| 0x7f00_0000_0000 + k * 48).collect();
            let mut items: Vec<usize> = (0..(3 << 20))
                .map(|_| {
                    let r = next();
                    // most rows from the first few tokens, like real answers
                    let k = if r % 8 == 0 { r >> 8 } else { (r >> 8) % 3 };
                    pool[(k as usize) % distinct]
                })
                .collect();
            let late = items.len() - 5;
            items[late] = pool[distinct - 1];
            let expected = naive(&items);
            for level in Simd::available() {
                level.set().unwrap();
                assert_eq!(
                    count_tokens(&items, |&x| x).unwrap(),
                    expected,
                    "{distinct} tokens at {level}"
                );
            }
        }
        best.set().unwrap();
        let many: Vec<usize> = (0..257).map(|k| k * 16).collect();
        assert!(count_tokens(&many, |&x| x).is_none());
        assert_eq!(
            count_tokens(&many[..256], |&x| x).map(|c| c.len()),
            Some(256)
        );
    }
}
