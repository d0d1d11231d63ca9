//! Comparisons of two groups, and the paired NPS change of the same respondents.

use super::{
    Estimate, Level, adjusted, clamp, net_var, t_crit, t_df, t_two_sided_p, too_wide, wilson,
    z_crit, z_two_sided_p,
};
use crate::error::{Error, Result};
use crate::scale::Scale;
use crate::tally::{Classified, Score};

/// How two groups are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CompareMethod {
    /// Two net scores (default): z test on adjusted (n + 3, +¾) estimates.
    AdjustedWald,
    /// Two net scores, or two proportions: z test on the raw estimates with the unpooled
    /// standard error, and the Wald interval (statsmodels `method="wald"`).
    Wald,
    /// Two proportions (default): pooled z test with a Newcombe hybrid score interval.
    PooledZ,
    /// Two proportions: Agresti–Caffo, a Wald test and interval after adding one success
    /// and one failure to each group (statsmodels `method="agresti-caffo"`).
    AgrestiCaffo,
    /// Two proportions: the Miettinen–Nurminen score test and the score interval that
    /// inverts it (statsmodels `method="score"`, with its default `correction=True`).
    Score,
    /// Two means (default): Welch's unequal-variance t test.
    Welch,
    /// The same respondents before and after: t test on per-respondent differences.
    PairedT,
}

impl CompareMethod {
    /// Parses `"adjusted_wald"`, `"wald"`, `"pooled_z"`, `"agresti_caffo"`, `"score"`,
    /// `"welch"` or `"paired_t"`.
    ///
    /// # Errors
    /// `invalid_argument` for any other string.
    pub fn parse(s: &str) -> Result<CompareMethod> {
        Ok(match s {
            "adjusted_wald" => CompareMethod::AdjustedWald,
            "wald" => CompareMethod::Wald,
            "pooled_z" => CompareMethod::PooledZ,
            "agresti_caffo" => CompareMethod::AgrestiCaffo,
            "score" => CompareMethod::Score,
            "welch" => CompareMethod::Welch,
            "paired_t" => CompareMethod::PairedT,
            other => {
                return Err(Error::invalid_argument(
                    "method",
                    format!(
                        "unknown comparison method {other:?}; expected adjusted_wald, wald, pooled_z, agresti_caffo, score, welch or paired_t"
                    ),
                ));
            }
        })
    }

    /// The binding spelling (`"adjusted_wald"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            CompareMethod::AdjustedWald => "adjusted_wald",
            CompareMethod::Wald => "wald",
            CompareMethod::PooledZ => "pooled_z",
            CompareMethod::AgrestiCaffo => "agresti_caffo",
            CompareMethod::Score => "score",
            CompareMethod::Welch => "welch",
            CompareMethod::PairedT => "paired_t",
        }
    }
}

/// The signed comparison `a − b` of two groups.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Comparison {
    /// `value(a) − value(b)` in the metric's unit (raw estimates, not adjusted ones).
    pub difference: f64,
    /// Lower limit of the interval for the difference.
    pub lower: f64,
    /// Upper limit of the interval for the difference.
    pub upper: f64,
    /// The test statistic (z, or t for Welch and paired).
    pub statistic: f64,
    /// Two-sided p-value of "no difference".
    pub p_value: f64,
    /// Degrees of freedom of a t statistic (`None` for z tests).
    pub df: Option<f64>,
    /// The method used.
    pub method: CompareMethod,
    /// Confidence level of the interval.
    pub level: f64,
}

fn two_sided_z(z: f64) -> f64 {
    z_two_sided_p(z)
}

/// Compares two independent groups: `a − b`, with an interval, statistic and p-value.
///
/// # Formula
/// ```text
/// net  adjusted_wald: c′ᵢ, v′ᵢ, n′ᵢ as in the adjusted-Wald interval;
///                     se = √(v′ₐ/n′ₐ + v′ᵦ/n′ᵦ), z = (c′ₐ − c′ᵦ)/se, CI 100(c′ₐ − c′ᵦ ± z₁₋α/₂ se)
/// net  wald:          se = √(vₐ/nₐ + vᵦ/nᵦ),   z = (cₐ − cᵦ)/se,     CI 100(cₐ − cᵦ ± z₁₋α/₂ se)
/// prop pooled_z:      p̄ = (xₐ + xᵦ)/(nₐ + nᵦ), z = (pₐ − pᵦ)/√(p̄(1−p̄)(1/nₐ + 1/nᵦ));
///                     CI Newcombe hybrid score: D ∓ √((pₐ−lₐ)² + (uᵦ−pᵦ)²) … from Wilson limits
/// prop wald:          se = √(pₐ(1−pₐ)/nₐ + pᵦ(1−pᵦ)/nᵦ), z = (pₐ − pᵦ)/se, CI pₐ − pᵦ ± z₁₋α/₂ se
/// prop agresti_caffo: the same on p̃ᵢ = (xᵢ + 1)/(nᵢ + 2), ñᵢ = nᵢ + 2
/// prop score:         T(δ) = (pₐ − pᵦ − δ)/√((p̃ₐ(1−p̃ₐ)/nₐ + p̃ᵦ(1−p̃ᵦ)/nᵦ) · N/(N−1)),
///                     N = nₐ + nᵦ, p̃ the restricted MLE with p̃ₐ − p̃ᵦ = δ (Miettinen–Nurminen);
///                     statistic T(0) (p̃ = p̄), CI {δ : |T(δ)| ≤ z₁₋α/₂} by bisection
/// mean welch:         t = (mₐ − mᵦ)/√(sₐ²/nₐ + sᵦ²/nᵦ), Welch–Satterthwaite df
/// p-value = 2(1 − F(|statistic|)),  F = Φ or Student's t
/// ```
///
/// # When to use it
/// For two *independent* groups (two channels, two months with different respondents).
/// For the same respondents measured twice use [`paired_nps`].
///
/// For proportions the four methods are those of statsmodels' `confint_proportions_2indep`
/// (`newcomb`, `wald`, `agresti-caffo`, `score`), with the statistic of
/// `test_proportions_2indep` (pooled z: `proportions_ztest`). `score` inverts its own test
/// (interval and p-value always agree about 0) and is R `PropCIs::diffscoreci`;
/// `agresti_caffo` is a closed-form repair of `wald`; `wald` is for large samples only.
/// statsmodels 0.15's `score` interval differs (a wrong coefficient in its restricted
/// estimate, statsmodels issue #10269); cxmetrics matches `diffscoreci`. Sources and the
/// published 7/34 vs 1/34 values: `docs/metrics/statistics.md`.
///
/// # Edge cases
/// - The sign is kept: a fall shows as a negative difference (R `NPS` loses it).
/// - Two proportions both 0 % or both 100 %: z = 0 and p = 1 (`pooled_z`, `wald`,
///   `score`; `agresti_caffo` tests the adjusted shares, which differ when nₐ ≠ nᵦ).
/// - Proportion intervals are clamped to −100 … 100; `difference` is always the raw
///   `100(pₐ − pᵦ)` (Agresti–Caffo centres its interval on the adjusted difference).
///
/// # Errors
/// `invalid_argument` for a bad level, estimates of different kinds, or a method that
/// does not apply; `insufficient_data` when a mean has n ≤ 1, when both groups have
/// zero variance and different values (the statistic is undefined; for proportions only
/// `wald`, 0 % against 100 %), or for `score` when nₐ + nᵦ ≤ 1. For two means
/// without bounds: `invalid_argument` (argument `a`) when the variance, the difference
/// or a limit of its interval would exceed `f64::MAX` (an error, never ±∞ or NaN).
///
/// # Examples
/// ```
/// use cxmetrics::{compare, CompareMethod, Estimate};
/// let a = Estimate::Net { plus: 0.5, minus: 0.2, n: 100.0 };
/// let b = Estimate::Net { plus: 0.4, minus: 0.3, n: 100.0 };
/// let c = compare(&a, &b, 0.95, Some(CompareMethod::Wald))?;
/// assert!((c.difference - 20.0).abs() < 1e-9);
/// assert!((c.statistic - 1.754116).abs() < 1e-6 && (c.p_value - 0.079411).abs() < 1e-6);
///
/// // 7 of 34 against 1 of 34, Miettinen–Nurminen (R PropCIs diffscoreci: 0.0270416, 0.3452912)
/// let x = Estimate::Proportion { p: 7.0 / 34.0, n: 34.0 };
/// let y = Estimate::Proportion { p: 1.0 / 34.0, n: 34.0 };
/// let s = compare(&x, &y, 0.95, Some(CompareMethod::Score))?;
/// assert!((s.lower - 2.70416).abs() < 1e-4 && (s.upper - 34.52912).abs() < 1e-4);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn compare(
    a: &Estimate,
    b: &Estimate,
    level: f64,
    method: Option<CompareMethod>,
) -> Result<Comparison> {
    let level = Level::new(level)?.get();
    a.validate()?;
    b.validate()?;
    let zc = z_crit(level);
    let wrong = |m: CompareMethod, allowed: &str| {
        Error::invalid_argument(
            "method",
            format!(
                "{} does not compare two {}s; use {allowed}",
                m.as_str(),
                a.kind()
            ),
        )
    };
    match (*a, *b) {
        (
            Estimate::Net {
                plus: pa,
                minus: da,
                n: na,
            },
            Estimate::Net {
                plus: pb,
                minus: db,
                n: nb,
            },
        ) => {
            let method = method.unwrap_or(CompareMethod::AdjustedWald);
            let (diff, se) = match method {
                CompareMethod::AdjustedWald => {
                    let (ca, va, na2) = adjusted(pa, da, na);
                    let (cb, vb, nb2) = adjusted(pb, db, nb);
                    (ca - cb, (va / na2 + vb / nb2).sqrt())
                }
                CompareMethod::Wald => (
                    (pa - da) - (pb - db),
                    (net_var(pa, da) / na + net_var(pb, db) / nb).sqrt(),
                ),
                m => return Err(wrong(m, "adjusted_wald or wald")),
            };
            let (statistic, p_value) = z_test(diff, se)?;
            let (lower, upper) = clamp(
                100.0 * (diff - zc * se),
                100.0 * (diff + zc * se),
                -200.0,
                200.0,
            );
            Ok(Comparison {
                difference: a.value() - b.value(),
                lower,
                upper,
                statistic,
                p_value,
                df: None,
                method,
                level,
            })
        }
        (Estimate::Proportion { p: pa, n: na }, Estimate::Proportion { p: pb, n: nb }) => {
            let method = method.unwrap_or(CompareMethod::PooledZ);
            let (statistic, p_value, lower, upper) = match method {
                CompareMethod::PooledZ => pooled_z_newcombe(pa, na, pb, nb, zc),
                CompareMethod::Wald | CompareMethod::AgrestiCaffo => {
                    let add = if method == CompareMethod::Wald {
                        0.0
                    } else {
                        1.0
                    };
                    let (na2, nb2) = (na + 2.0 * add, nb + 2.0 * add);
                    let (qa, qb) = ((pa * na + add) / na2, (pb * nb + add) / nb2);
                    let diff = qa - qb;
                    let se = (qa * (1.0 - qa) / na2 + qb * (1.0 - qb) / nb2)
                        .max(0.0)
                        .sqrt();
                    let (statistic, p_value) = z_test(diff, se)?;
                    (statistic, p_value, diff - zc * se, diff + zc * se)
                }
                CompareMethod::Score => {
                    let factor = mn_factor(na, nb)?;
                    let (statistic, p_value) = score_test(pa, na, pb, nb, factor);
                    let (lower, upper) = score_interval(pa, na, pb, nb, zc, factor);
                    (statistic, p_value, lower, upper)
                }
                m => return Err(wrong(m, "pooled_z, wald, agresti_caffo or score")),
            };
            let (lower, upper) = clamp(100.0 * lower, 100.0 * upper, -100.0, 100.0);
            Ok(Comparison {
                difference: 100.0 * (pa - pb),
                lower,
                upper,
                statistic,
                p_value,
                df: None,
                method,
                level,
            })
        }
        (
            Estimate::Mean {
                mean: ma,
                sd: sa,
                n: na,
                min: mina,
                max: maxa,
                factor: fa,
            },
            Estimate::Mean {
                mean: mb,
                sd: sb,
                n: nb,
                min: minb,
                max: maxb,
                factor: fb,
            },
        ) => {
            let method = method.unwrap_or(CompareMethod::Welch);
            if method != CompareMethod::Welch {
                return Err(wrong(method, "welch"));
            }
            let (Some(sa), Some(sb)) = (sa.filter(|_| na > 1.0), sb.filter(|_| nb > 1.0)) else {
                return Err(Error::InsufficientData(
                    "Welch's test needs more than one response in each group".to_owned(),
                ));
            };
            // in the metric's unit (percent_of_max is scaled)
            let (ma, sa, mb, sb) = (fa * ma, fa * sa, fb * mb, fb * sb);
            let (va, vb) = (sa * sa / na, sb * sb / nb);
            let se = (va + vb).sqrt();
            if se <= 0.0 {
                return Err(Error::InsufficientData(
                    "both groups have zero variance, so the t statistic is undefined".to_owned(),
                ));
            }
            let df = (va + vb).powi(2) / (va * va / (na - 1.0) + vb * vb / (nb - 1.0));
            if !(se.is_finite() && df.is_finite() && (ma - mb).is_finite()) {
                return Err(Error::beyond_double("a", "the difference or its variance"));
            }
            let df = t_df(df)?;
            let t = (ma - mb) / se;
            let p_value = t_two_sided_p(t, df);
            let tc = t_crit(df, level);
            let difference = ma - mb;
            let (lower, upper) = clamp(
                difference - tc * se,
                difference + tc * se,
                fa * mina - fb * maxb,
                fa * maxa - fb * minb,
            );
            if !(lower.is_finite() && upper.is_finite()) {
                return Err(too_wide());
            }
            Ok(Comparison {
                difference,
                lower,
                upper,
                statistic: t,
                p_value,
                df: Some(df),
                method,
                level,
            })
        }
        _ => Err(Error::invalid_argument(
            "b",
            format!(
                "cannot compare a {} with a {}; compare results of the same kind",
                a.kind(),
                b.kind()
            ),
        )),
    }
}

fn z_test(diff: f64, se: f64) -> Result<(f64, f64)> {
    if se > 0.0 {
        let z = diff / se;
        Ok((z, two_sided_z(z)))
    } else if diff == 0.0 {
        Ok((0.0, 1.0))
    } else {
        Err(Error::InsufficientData(
            "both groups have zero variance, so the z statistic is undefined".to_owned(),
        ))
    }
}

/// Pooled z test and Newcombe's hybrid score interval (as fractions):
/// `(statistic, p_value, lower, upper)`.
fn pooled_z_newcombe(pa: f64, na: f64, pb: f64, nb: f64, zc: f64) -> (f64, f64, f64, f64) {
    let pbar = (pa * na + pb * nb) / (na + nb);
    let se0 = (pbar * (1.0 - pbar) * (1.0 / na + 1.0 / nb)).sqrt();
    let (statistic, p_value) = if se0 > 0.0 {
        let z = (pa - pb) / se0;
        (z, two_sided_z(z))
    } else {
        (0.0, 1.0)
    };
    let (la, ua) = wilson(pa, na, zc);
    let (lb, ub) = wilson(pb, nb, zc);
    let d = pa - pb;
    let lower = d - ((pa - la).powi(2) + (ub - pb).powi(2)).sqrt();
    let upper = d + ((ua - pa).powi(2) + (pb - lb).powi(2)).sqrt();
    (statistic, p_value, lower, upper)
}

/// Miettinen–Nurminen's small-sample factor `N/(N − 1)`, `N = nₐ + nᵦ`.
fn mn_factor(na: f64, nb: f64) -> Result<f64> {
    let n = na + nb;
    if n > 1.0 {
        Ok(n / (n - 1.0))
    } else {
        Err(Error::InsufficientData(format!(
            "the score method needs a combined sample size above 1, got {n}"
        )))
    }
}

/// The Miettinen–Nurminen score test of `pₐ − pᵦ = 0`: the restricted estimate is the
/// pooled share, so `z = (pₐ − pᵦ)/√(p̄(1 − p̄)(1/nₐ + 1/nᵦ) · N/(N − 1))`.
fn score_test(pa: f64, na: f64, pb: f64, nb: f64, factor: f64) -> (f64, f64) {
    let pbar = (pa * na + pb * nb) / (na + nb);
    let var = pbar * (1.0 - pbar) * (1.0 / na + 1.0 / nb) * factor;
    if var > 0.0 {
        let z = (pa - pb) / var.sqrt();
        (z, two_sided_z(z))
    } else {
        (0.0, 1.0)
    }
}

/// The restricted maximum-likelihood shares `(p̃ₐ, p̃ᵦ)` under `pₐ − pᵦ = δ`: the root of
/// the score equation
/// `xₐ/p̃ₐ − (nₐ − xₐ)/(1 − p̃ₐ) + xᵦ/p̃ᵦ − (nᵦ − xᵦ)/(1 − p̃ᵦ) = 0`, `p̃ₐ = p̃ᵦ + δ`, on
/// `p̃ᵦ ∈ [max(0, −δ), min(1, 1 − δ)]`. The restricted log-likelihood is concave there, so
/// the left side falls and bisection finds its root (at most 200 halvings). The root is
/// the one the closed-form cubic of Farrington & Manning (1990) gives; bisection is used
/// because that formula is easy to get wrong (statsmodels issue #10269) and loses digits
/// near the ends of the range.
fn restricted_mle(xa: f64, na: f64, xb: f64, nb: f64, delta: f64) -> (f64, f64) {
    let term = |x: f64, share: f64| if x > 0.0 { x / share } else { 0.0 };
    let score = |rb: f64| {
        let ra = rb + delta;
        term(xa, ra) - term(na - xa, 1.0 - ra) + term(xb, rb) - term(nb - xb, 1.0 - rb)
    };
    let lo = (-delta).max(0.0);
    let hi = (1.0 - delta).min(1.0);
    let rb = if lo < hi {
        bisect(lo, hi, |rb| score(rb) > 0.0)
    } else {
        lo
    };
    (rb + delta, rb)
}

/// The Miettinen–Nurminen score statistic of `pₐ − pᵦ = δ`:
/// `T(δ) = (pₐ − pᵦ − δ)/√((p̃ₐ(1 − p̃ₐ)/nₐ + p̃ᵦ(1 − p̃ᵦ)/nᵦ) · N/(N − 1))` with the
/// restricted estimates. ±∞ when that variance is 0 and the numerator is not.
fn score_statistic(pa: f64, na: f64, pb: f64, nb: f64, delta: f64, factor: f64) -> f64 {
    let (ra, rb) = restricted_mle(pa * na, na, pb * nb, nb, delta);
    let num = pa - pb - delta;
    let var = ((ra * (1.0 - ra) / na + rb * (1.0 - rb) / nb) * factor).max(0.0);
    if var > 0.0 {
        num / var.sqrt()
    } else if num == 0.0 {
        0.0
    } else {
        num.signum() * f64::INFINITY
    }
}

/// The Miettinen–Nurminen interval: the `δ` where `|T(δ)| = z₁₋α/₂`, found by bisection
/// on `[−1, pₐ − pᵦ]` and `[pₐ − pᵦ, 1]` (`T` falls as `δ` rises). At most 200 halvings;
/// each stops once the bracket cannot be split further in `f64`.
fn score_interval(pa: f64, na: f64, pb: f64, nb: f64, zc: f64, factor: f64) -> (f64, f64) {
    let d = pa - pb;
    let t = |delta: f64| score_statistic(pa, na, pb, nb, delta, factor);
    // lower limit: T(δ) ≥ zc at δ = −1 (unless the data sit there), T = 0 at δ = d
    let lower = if t(-1.0) < zc {
        -1.0
    } else {
        bisect(-1.0, d, |delta| t(delta) >= zc)
    };
    let upper = if t(1.0) > -zc {
        1.0
    } else {
        bisect(d, 1.0, |delta| t(delta) > -zc)
    };
    (lower, upper)
}

/// Finds the point in `[lo, hi]` where `left` turns from true (at `lo`) to false (at
/// `hi`): the midpoint of the last bracket. At most 200 halvings.
fn bisect(mut lo: f64, mut hi: f64, left: impl Fn(f64) -> bool) -> f64 {
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if mid <= lo || mid >= hi {
            break;
        }
        if left(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

/// The NPS change of the same respondents, measured before and after.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct PairedNpsResult {
    /// NPS(after) − NPS(before), in points.
    pub difference: f64,
    /// Lower limit of the interval for the difference.
    pub lower: f64,
    /// Upper limit of the interval for the difference.
    pub upper: f64,
    /// The paired t statistic.
    pub statistic: f64,
    /// Two-sided p-value of "no change".
    pub p_value: f64,
    /// Degrees of freedom, n − 1.
    pub df: f64,
    /// Always [`CompareMethod::PairedT`].
    pub method: CompareMethod,
    /// Confidence level of the interval.
    pub level: f64,
    /// Pairs used (both answers present).
    pub n: u64,
    /// Pairs dropped because one or both answers were missing.
    pub missing: u64,
}

/// Paired NPS change for the same respondents, `after − before`, on the 0–10 scale.
///
/// Each respondent is coded +1 (promoter), 0 (passive), −1 (detractor) at both times;
/// the NPS change is the mean of the per-respondent differences, tested with a paired t
/// test. Treating the two waves as independent would overstate the uncertainty.
///
/// # Formula
/// ```text
/// dᵢ = code(afterᵢ) − code(beforeᵢ),   Δ = 100 · mean(d)
/// t = mean(d) / (s_d/√n),  df = n − 1,  CI 100(mean(d) ± t₍ₙ₋₁₎ s_d/√n), clamped to ±200
/// ```
///
/// # Edge cases
/// - A pair with either answer missing (NaN) is dropped and counted in `missing`.
/// - Everyone unchanged (all dᵢ = 0): difference 0, statistic 0, p-value 1, interval [0, 0].
///
/// # Errors
/// `length_mismatch` for inputs of different lengths; `out_of_scale`, `not_integer`,
/// `not_finite` (first offending index); `insufficient_data` with fewer than 2 pairs, or
/// when every respondent changed by the same amount (zero variance, undefined t);
/// `invalid_argument` for a bad level.
///
/// # Examples
/// ```
/// use cxmetrics::paired_nps;
/// let before = [6u8, 7, 9, 3, 8, 10];
/// let after = [9u8, 8, 9, 6, 9, 10];
/// let r = paired_nps(&before, &after, 0.95)?;
/// // codes before −1 0 1 −1 0 1, after 1 0 1 −1 1 1: differences 2 0 0 0 1 0
/// assert!((r.difference - 50.0).abs() < 1e-9);
/// assert_eq!(r.n, 6);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn paired_nps<T: Score>(before: &[T], after: &[T], level: f64) -> Result<PairedNpsResult> {
    let level = Level::new(level)?.get();
    if before.len() != after.len() {
        return Err(Error::LengthMismatch {
            what: "before and after",
            left: before.len(),
            right: after.len(),
        });
    }
    let code = |c: Classified, i: usize| -> Result<Option<f64>> {
        match c {
            Classified::Point(k) => Ok(Some(if k >= 9 {
                1.0
            } else if k <= 6 {
                -1.0
            } else {
                0.0
            })),
            Classified::Missing => Ok(None),
            bad => Err(bad.into_error(i, Scale::NPS)),
        }
    };
    let mut diffs = Vec::with_capacity(before.len());
    let mut missing = 0u64;
    for (i, (b, a)) in before.iter().zip(after).enumerate() {
        let cb = code(b.classify(Scale::NPS), i)?;
        let ca = code(a.classify(Scale::NPS), i)?;
        match (cb, ca) {
            (Some(cb), Some(ca)) => diffs.push(ca - cb),
            _ => missing += 1,
        }
    }
    let n = diffs.len();
    if n < 2 {
        return Err(Error::InsufficientData(format!(
            "a paired comparison needs at least 2 complete pairs, got {n} ({missing} dropped for missing answers)"
        )));
    }
    let nf = n as f64;
    let mean = diffs.iter().sum::<f64>() / nf;
    let sd = (diffs.iter().map(|d| (d - mean).powi(2)).sum::<f64>() / (nf - 1.0)).sqrt();
    let se = sd / nf.sqrt();
    let df = t_df(nf - 1.0)?;
    let (statistic, p_value) = if se > 0.0 {
        let t = mean / se;
        (t, t_two_sided_p(t, df))
    } else if mean == 0.0 {
        (0.0, 1.0)
    } else {
        return Err(Error::InsufficientData(
            "every respondent changed by the same amount (zero variance), so the t statistic is undefined".to_owned(),
        ));
    };
    // zero spread: the point interval at any level (never ∞ · 0)
    let half = if se > 0.0 {
        t_crit(df, level) * se
    } else {
        0.0
    };
    let (lower, upper) = clamp(100.0 * (mean - half), 100.0 * (mean + half), -200.0, 200.0);
    Ok(PairedNpsResult {
        difference: 100.0 * mean,
        lower,
        upper,
        statistic,
        p_value,
        df: nf - 1.0,
        method: CompareMethod::PairedT,
        level,
        n: n as u64,
        missing,
    })
}
