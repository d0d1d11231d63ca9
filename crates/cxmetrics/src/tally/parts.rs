//! [`Tally::from_parts`]: a tally from aggregates computed elsewhere (an engine's
//! `GROUP BY point` with count, Σw and Σw², plus the missing and invalid counts).

use super::{NeumaierSum, PointWeight, Tally, over_limit, rows_in};
use crate::error::{Error, Result};
use crate::scale::Scale;

/// Relative slack of the consistency checks of [`Tally::from_parts`]: sums computed
/// by an engine (plain left-to-right addition) are off by up to about `n·u` relative
/// (`u` = 2⁻⁵³; 1e-7 for 10⁹ rows), and the inequalities below are tight (equal
/// weights, one weight per point). The checks are there to catch mismatched or swapped
/// columns, which break them by far more than that.
pub(crate) const PARTS_SLACK: f64 = 1e-6;

/// Σw and mean weights below this (2⁻⁵⁰⁰ ≈ 3e-151) are not checked against Σw² / Σw:
/// the squares of such weights are subnormal or round to 0, so Σw² has lost its
/// precision (a tally built from rows holds Σw > 0 with Σw² = 0 when every weight is
/// below about 1e-162, and a subnormal Σw² may round above (Σw)²; found by the
/// `tally_bytes` fuzz target).
const TINY_WEIGHT: f64 = 3.054_936_363_499_605e-151;

impl Tally {
    /// A tally from its parts: per-point counts, optionally per-point Σw and Σw², and
    /// the `missing` and `invalid` counts — what an engine's `GROUP BY score` with
    /// `count(*)`, `sum(w)` and `sum(w * w)` returns, so a tally counted elsewhere is
    /// brought back and merged or measured here.
    ///
    /// `counts[k]`, `weight_sums[k]`, `weight_sq_sums[k]` belong to the score
    /// `scale.min() + k`. Without weight sums (both `None`) the tally is unweighted and
    /// `==` the one built row by row from the same responses; with them it is weighted,
    /// its counts equal bit for bit and its weight sums are the ones given (so within
    /// the precision of whoever summed them: `1e-13 · Σw` when they come from another
    /// tally, see [`Tally::merge`]).
    ///
    /// # Contract
    /// Per point `k` with count `c`, Σw = `s`, Σw² = `q` (weights `w` in
    /// `[0, MAX_WEIGHT]`, so Σw = 0 with `c > 0` is allowed: zero weights), with a
    /// relative slack `ε = 1e-6` for the rounding of sums computed elsewhere:
    /// ```text
    /// s, q finite and ≥ 0
    /// c = 0          ⇒ s = 0 and q = 0
    /// s = 0          ⇒ q = 0                     (all weights of the point are 0)
    /// s / c          ≤ MAX_WEIGHT · (1 + ε)      (the mean weight)
    /// q / s          ≤ MAX_WEIGHT · (1 + ε)      (Σw²/Σw is at most the largest weight)
    /// q / s          ≤ s · (1 + ε)               (Σw² ≤ (Σw)²)
    ///                                             — not checked for s < 2⁻⁵⁰⁰
    /// s / c          ≤ (q / s) · (1 + ε)         (Σw² ≥ (Σw)²/c, Cauchy–Schwarz)
    ///                                             — not checked for s / c < 2⁻⁵⁰⁰
    /// Σ c + missing + invalid ≤ MAX_ROWS
    /// ```
    /// The rules are ratios, so none of them overflows; the last two are skipped for
    /// sums so small that squares underflow (Σw² is then rounded to few bits or to 0).
    ///
    /// # Errors
    /// - `length_mismatch` unless `counts` (and each weight-sum array) has
    ///   `scale.points()` entries;
    /// - `invalid_argument` naming `weight_sums` or `weight_sq_sums` when only one of
    ///   them is given;
    /// - `invalid_argument` naming the array (`weight_sums` / `weight_sq_sums`), with the
    ///   point's index as the error's index, for the first point that breaks a rule
    ///   above (the message gives the score, the rule and the count);
    /// - `invalid_argument` (`counts`) when the rows would exceed [`Tally::MAX_ROWS`].
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::{csat, CsatOptions, OnInvalid, Scale, Tally};
    /// // rows: score 5 weight 2, score 4 weights 1 and 3, one missing, one invalid
    /// let rows = Tally::from_scores_with(
    ///     Scale::ONE_TO_FIVE,
    ///     &[5.0, 4.0, 4.0, f64::NAN, 9.0],
    ///     Some(&[2.0, 1.0, 3.0, 1.0, 1.0]),
    ///     OnInvalid::Skip,
    /// )?;
    /// let parts = Tally::from_parts(
    ///     Scale::ONE_TO_FIVE,
    ///     &[0, 0, 0, 2, 1],
    ///     Some(&[0.0, 0.0, 0.0, 4.0, 2.0]),
    ///     Some(&[0.0, 0.0, 0.0, 10.0, 4.0]),
    ///     1,
    ///     1,
    /// )?;
    /// assert_eq!(parts, rows);
    /// let o = CsatOptions::default();
    /// assert_eq!(csat(&parts, o)?.score, csat(&rows, o)?.score);
    ///
    /// // Σw² = 20 > (Σw)² = 16 at score 4: no non-negative weights give that
    /// let e = Tally::from_parts(
    ///     Scale::ONE_TO_FIVE,
    ///     &[0, 0, 0, 2, 1],
    ///     Some(&[0.0, 0.0, 0.0, 4.0, 2.0]),
    ///     Some(&[0.0, 0.0, 0.0, 20.0, 4.0]),
    ///     0,
    ///     0,
    /// )
    /// .unwrap_err();
    /// assert_eq!((e.code(), e.index()), ("invalid_argument", Some(3)));
    /// assert!(e.to_string().contains("weight_sq_sums"));
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn from_parts(
        scale: Scale,
        counts: &[u64],
        weight_sums: Option<&[f64]>,
        weight_sq_sums: Option<&[f64]>,
        missing: u64,
        invalid: u64,
    ) -> Result<Tally> {
        let p = scale.points();
        for (name, len) in [
            ("counts and scale points", Some(counts.len())),
            (
                "weight_sums and scale points",
                weight_sums.map(<[f64]>::len),
            ),
            (
                "weight_sq_sums and scale points",
                weight_sq_sums.map(<[f64]>::len),
            ),
        ] {
            if let Some(len) = len.filter(|&l| l != p) {
                return Err(Error::LengthMismatch {
                    what: name,
                    left: len,
                    right: p,
                });
            }
        }
        rows_in(counts, missing, invalid)
            .ok_or_else(|| over_limit("counts", "counts, missing and invalid sum"))?;
        let weights = match (weight_sums, weight_sq_sums) {
            (None, None) => None,
            (Some(_), None) => {
                return Err(Error::invalid_argument(
                    "weight_sq_sums",
                    "weight_sums were given without weight_sq_sums; give both (a weighted tally) or neither",
                ));
            }
            (None, Some(_)) => {
                return Err(Error::invalid_argument(
                    "weight_sums",
                    "weight_sq_sums were given without weight_sums; give both (a weighted tally) or neither",
                ));
            }
            (Some(s), Some(q)) => Some(point_weights(scale, counts, s, q)?),
        };
        Ok(Tally {
            scale,
            counts: counts.to_vec(),
            weights,
            missing,
            invalid,
        })
    }
}

/// Checks the weight sums of every point against the rules of [`Tally::from_parts`].
fn point_weights(
    scale: Scale,
    counts: &[u64],
    sums: &[f64],
    sq_sums: &[f64],
) -> Result<Vec<PointWeight>> {
    let mut out = Vec::with_capacity(counts.len());
    for (k, ((&c, &s), &q)) in counts.iter().zip(sums).zip(sq_sums).enumerate() {
        check_point(c, s, q).map_err(|(name, why)| point_error(scale, k, c, name, why))?;

        out.push(PointWeight {
            // +0.0 for -0.0, so the state is the one a tally of rows holds
            sum: NeumaierSum {
                sum: s + 0.0,
                comp: 0.0,
            },
            sum_sq: NeumaierSum {
                sum: q + 0.0,
                comp: 0.0,
            },
        });
    }
    Ok(out)
}

/// The refusal of point `k` (formatted here only, off the checking path).
#[cold]
#[inline(never)]
fn point_error(scale: Scale, k: usize, c: u64, name: &'static str, why: &str) -> Error {
    Error::invalid_argument_at(
        name,
        format!(
            "at point {k} (score {}): {why} (count {c})",
            i64::from(scale.min()) + k as i64
        ),
        k,
    )
}

/// The rule one point's `(count, Σw, Σw²)` breaks, as (argument, why), if any.
#[allow(clippy::cast_precision_loss)] // a count as a double: a ratio, within the slack
pub(crate) fn check_point(
    c: u64,
    s: f64,
    q: f64,
) -> std::result::Result<(), (&'static str, &'static str)> {
    const SUMS: &str = "weight_sums";
    const SQ: &str = "weight_sq_sums";
    if !(s.is_finite() && s >= 0.0) {
        return Err((SUMS, "Σw must be a finite number ≥ 0"));
    }
    if !(q.is_finite() && q >= 0.0) {
        return Err((SQ, "Σw² must be a finite number ≥ 0"));
    }
    if c == 0 {
        if s != 0.0 {
            return Err((SUMS, "Σw must be 0 where the count is 0"));
        }
        if q != 0.0 {
            return Err((SQ, "Σw² must be 0 where the count is 0"));
        }
        return Ok(());
    }
    if s == 0.0 {
        if q != 0.0 {
            return Err((SQ, "Σw² must be 0 where Σw is 0 (all weights 0)"));
        }
        return Ok(());
    }
    let up = 1.0 + PARTS_SLACK;
    let mean = s / c as f64;
    let h = q / s; // Σw²/Σw: a weighted mean of the weights, between the mean and the largest
    if mean > Tally::MAX_WEIGHT * up {
        return Err((
            SUMS,
            "the mean weight Σw/count is above the largest weight, 1e144",
        ));
    }
    if h > Tally::MAX_WEIGHT * up {
        return Err((SQ, "Σw²/Σw is above the largest weight, 1e144"));
    }
    if s >= TINY_WEIGHT && h > s * up {
        return Err((SQ, "Σw² is above (Σw)², which no weights ≥ 0 give"));
    }
    if mean >= TINY_WEIGHT && mean > h * up {
        return Err((
            SQ,
            "Σw² is below (Σw)²/count, which no weights give (Cauchy–Schwarz)",
        ));
    }
    Ok(())
}
