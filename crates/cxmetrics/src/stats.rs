//! Statistical inference: intervals, comparisons, sample sizes and p-value adjustment.
//!
//! Every survey result carries an [`Estimate`]: the sufficient statistics inference
//! needs (shares and n for net scores and proportions; mean, sd and n for means). With
//! weights, `n` is the Kish effective sample size `n_eff` and shares are weighted — a
//! standard approximation that treats the weighted sample as `n_eff` independent draws.
//!
//! Defaults: NPS-style net scores use the adjusted Wald interval (Rocks 2016 /
//! MeasuringU: n + 3, +¾ promoters, +¾ detractors), proportions Wilson, means t.
//! Intervals are clamped to the metric's range and say which method and level made them.

use statrs::distribution::{Beta, ContinuousCDF, Normal, StudentsT};

use crate::error::{Error, Result};
use crate::scale::Scale;
use crate::tally::{Classified, Score};

/// The sufficient statistics of a result, in the form inference needs.
///
/// Shares are fractions (0…1); values and intervals are reported in the metric's unit
/// (points for net scores, percent for proportions, scale units for means).
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Estimate {
    /// A difference of two shares: NPS (promoters − detractors), CSAT `net`, CES
    /// `net_effort`. Value `100 × (plus − minus)`, range −100…100.
    Net {
        /// Share on the positive side (promoters).
        plus: f64,
        /// Share on the negative side (detractors).
        minus: f64,
        /// Sample size (Kish `n_eff` when weighted).
        n: f64,
    },
    /// One share: top box, bottom box, CSAT `top_box`, CES `percent_agree`. Value
    /// `100 × p`, range 0…100.
    Proportion {
        /// The share, 0…1.
        p: f64,
        /// Sample size (Kish `n_eff` when weighted).
        n: f64,
    },
    /// A mean score: `mean`, CSAT `mean` and `percent_of_max`, CES `mean`. Value
    /// `factor × mean`, range `factor × [min, max]`.
    Mean {
        /// The mean in scale units.
        mean: f64,
        /// Sample standard deviation in scale units, `None` when `n ≤ 1`.
        sd: Option<f64>,
        /// Sample size (Kish `n_eff` when weighted).
        n: f64,
        /// Lower bound of the values (scale minimum; 0 for durations).
        min: f64,
        /// Upper bound of the values (scale maximum; +∞ for durations).
        max: f64,
        /// Unit conversion: 1 for means, `100 / max` for CSAT `percent_of_max`.
        factor: f64,
    },
}

/// How to compute a confidence interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum IntervalMethod {
    /// Net scores (default): Wald on counts adjusted by n + 3, +¾ to each side.
    AdjustedWald,
    /// Net scores and proportions: estimate ± z·SE. Poor at small n and extreme shares.
    Wald,
    /// Proportions (default): the Wilson score interval.
    Wilson,
    /// Proportions: Agresti–Coull ("add z²/2 successes and failures").
    AgrestiCoull,
    /// Proportions: Clopper–Pearson exact (beta quantiles); conservative.
    ClopperPearson,
    /// Proportions: Jeffreys (beta(x + ½, n − x + ½) quantiles).
    Jeffreys,
    /// Means (default and only): Student's t with n − 1 degrees of freedom.
    T,
}

impl IntervalMethod {
    /// Parses the binding spelling: `"adjusted_wald"`, `"wald"`, `"wilson"`,
    /// `"agresti_coull"`, `"clopper_pearson"`, `"jeffreys"`, `"t"`.
    ///
    /// # Errors
    /// `invalid_argument` for any other string.
    pub fn parse(s: &str) -> Result<IntervalMethod> {
        Ok(match s {
            "adjusted_wald" => IntervalMethod::AdjustedWald,
            "wald" => IntervalMethod::Wald,
            "wilson" => IntervalMethod::Wilson,
            "agresti_coull" => IntervalMethod::AgrestiCoull,
            "clopper_pearson" => IntervalMethod::ClopperPearson,
            "jeffreys" => IntervalMethod::Jeffreys,
            "t" => IntervalMethod::T,
            other => {
                return Err(Error::invalid_argument(
                    "method",
                    format!(
                        "unknown interval method {other:?}; expected adjusted_wald, wald, wilson, agresti_coull, clopper_pearson, jeffreys or t"
                    ),
                ));
            }
        })
    }

    /// The binding spelling (`"adjusted_wald"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            IntervalMethod::AdjustedWald => "adjusted_wald",
            IntervalMethod::Wald => "wald",
            IntervalMethod::Wilson => "wilson",
            IntervalMethod::AgrestiCoull => "agresti_coull",
            IntervalMethod::ClopperPearson => "clopper_pearson",
            IntervalMethod::Jeffreys => "jeffreys",
            IntervalMethod::T => "t",
        }
    }
}

/// A confidence interval in the metric's unit, clamped to the metric's range.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Interval {
    /// Lower limit.
    pub lower: f64,
    /// Upper limit.
    pub upper: f64,
    /// Confidence level, in (0, 1).
    pub level: f64,
    /// The method that produced it.
    pub method: IntervalMethod,
}

fn check_level(level: f64) -> Result<f64> {
    if level.is_finite() && level > 0.0 && level < 1.0 {
        Ok(level)
    } else {
        Err(Error::invalid_argument(
            "level",
            format!(
                "the confidence level must lie strictly between 0 and 1 (e.g. 0.95), got {level}"
            ),
        ))
    }
}

fn std_normal() -> Normal {
    Normal::standard()
}

/// Two-sided critical value z₁₋α/₂ of the standard normal.
fn z_crit(level: f64) -> f64 {
    std_normal().inverse_cdf(0.5 + level / 2.0)
}

fn t_dist(df: f64) -> Result<StudentsT> {
    StudentsT::new(0.0, 1.0, df).map_err(|e| {
        Error::InsufficientData(format!(
            "a t distribution with {df} degrees of freedom ({e})"
        ))
    })
}

fn beta_ppf(q: f64, a: f64, b: f64) -> f64 {
    Beta::new(a, b).map_or(f64::NAN, |d| d.inverse_cdf(q))
}

fn wilson(p: f64, n: f64, z: f64) -> (f64, f64) {
    let z2 = z * z;
    let denom = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denom;
    let half = z / denom * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    (centre - half, centre + half)
}

/// Adjusted-Wald ingredients of a net score: (value′, variance′, n′).
fn adjusted(plus: f64, minus: f64, n: f64) -> (f64, f64, f64) {
    let n2 = n + 3.0;
    let p = (plus * n + 0.75) / n2;
    let d = (minus * n + 0.75) / n2;
    let c = p - d;
    (c, p + d - c * c, n2)
}

fn net_var(plus: f64, minus: f64) -> f64 {
    let c = plus - minus;
    (plus + minus - c * c).max(0.0)
}

/// Clamps both limits to `[min, max]` (never panics, unlike `f64::clamp` on odd bounds).
fn clamp(lo: f64, hi: f64, min: f64, max: f64) -> (f64, f64) {
    (lo.max(min).min(max), hi.max(min).min(max))
}

fn wrong_method(method: IntervalMethod, kind: &str, allowed: &str) -> Error {
    Error::invalid_argument(
        "method",
        format!(
            "the {} interval does not apply to a {kind}; use one of: {allowed}",
            method.as_str()
        ),
    )
}

impl Estimate {
    /// The point estimate in the metric's unit (NPS points, percent, scale units).
    pub fn value(&self) -> f64 {
        match *self {
            Estimate::Net { plus, minus, .. } => 100.0 * (plus - minus),
            Estimate::Proportion { p, .. } => 100.0 * p,
            Estimate::Mean { mean, factor, .. } => factor * mean,
        }
    }

    /// The sample size the statistics use (`n_eff` when weighted).
    pub fn n(&self) -> f64 {
        match *self {
            Estimate::Net { n, .. } | Estimate::Proportion { n, .. } | Estimate::Mean { n, .. } => {
                n
            }
        }
    }

    /// The default interval method for this kind of estimate.
    pub fn default_method(&self) -> IntervalMethod {
        match self {
            Estimate::Net { .. } => IntervalMethod::AdjustedWald,
            Estimate::Proportion { .. } => IntervalMethod::Wilson,
            Estimate::Mean { .. } => IntervalMethod::T,
        }
    }

    /// A confidence interval at `level` by `method` (`None`: the default for the kind).
    ///
    /// # Formula
    /// ```text
    /// z = Φ⁻¹(1 − α/2),  α = 1 − level;  p, d shares; n (n_eff when weighted)
    /// net  adjusted_wald: n′ = n+3, p′ = (pn + ¾)/n′, d′ = (dn + ¾)/n′, c = p′ − d′,
    ///                     100 × (c ± z √((p′ + d′ − c²)/n′))
    /// net  wald:          100 × (p − d ± z √((p + d − (p − d)²)/n))
    /// prop wilson:        (p + z²/2n ± z √(p(1−p)/n + z²/4n²)) / (1 + z²/n)
    /// prop wald:          p ± z √(p(1−p)/n)
    /// prop agresti_coull: ñ = n + z², p̃ = (pn + z²/2)/ñ,  p̃ ± z √(p̃(1−p̃)/ñ)
    /// prop clopper_pearson: [B⁻¹(α/2; x, n−x+1), B⁻¹(1−α/2; x+1, n−x)], x = pn
    /// prop jeffreys:      [B⁻¹(α/2; x+½, n−x+½), B⁻¹(1−α/2; x+½, n−x+½)]  (no pinning at 0 / n)
    /// mean t:             m ± t₍ₙ₋₁₎ s/√n
    /// ```
    /// Proportions are reported ×100; everything is clamped to the metric's range.
    ///
    /// # When to use which
    /// The defaults (adjusted Wald, Wilson, t) have close to nominal coverage down to
    /// small n. Wald is there for comparison with other tools; Clopper–Pearson when a
    /// guaranteed (conservative) coverage is required; Jeffreys and Agresti–Coull are
    /// close alternatives to Wilson.
    ///
    /// # Edge cases
    /// - n = 1 or all answers in one category: adjusted Wald, Wilson, Clopper–Pearson
    ///   and Jeffreys still give informative intervals; Wald collapses to a point.
    /// - Clopper–Pearson's lower limit is 0 when x = 0 and its upper limit 100 when x = n.
    ///   Jeffreys is the plain beta quantiles (statsmodels' convention), so at x = 0 its
    ///   lower limit is small but above 0.
    /// - Zero variance of a mean gives the point interval `[m, m]`.
    /// - The adjusted-Wald interval is centred on the shrunken estimate c′, not on the
    ///   raw score: with every answer in one category it can exclude the raw score at
    ///   tiny n (n = 1 at 95 %, n < 5 at 90 %, or at levels below ~84 %).
    /// - Wilson's coverage oscillates with n and p around the nominal level (exactly
    ///   92.98 % at n = 30, p = 0.3; 95.72 % at p = 0.5); Clopper–Pearson never
    ///   undercovers, at the cost of width.
    ///
    /// # Errors
    /// `invalid_argument` for a level outside (0, 1), a method that does not apply to
    /// this kind of estimate, or an incoherent hand-built estimate (a share outside
    /// [0, 1], n ≤ 0, a mean off its range); `insufficient_data` for a t interval with
    /// `n ≤ 1`.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::{Estimate, IntervalMethod};
    /// // 50 promoters, 30 passives, 20 detractors (reference §3.10)
    /// let e = Estimate::Net { plus: 0.5, minus: 0.2, n: 100.0 };
    /// let i = e.interval(0.95, None)?;
    /// assert!((i.lower - 14.0511).abs() < 1e-3 && (i.upper - 44.2013).abs() < 1e-3);
    /// let w = e.interval(0.95, Some(IntervalMethod::Wald))?;
    /// assert!((w.lower - 14.6922).abs() < 1e-3 && (w.upper - 45.3078).abs() < 1e-3);
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn interval(&self, level: f64, method: Option<IntervalMethod>) -> Result<Interval> {
        let level = check_level(level)?;
        self.validate()?;
        let method = method.unwrap_or_else(|| self.default_method());
        let z = z_crit(level);
        let (lower, upper) = match *self {
            Estimate::Net { plus, minus, n } => {
                let (c, v, nn) = match method {
                    IntervalMethod::AdjustedWald => adjusted(plus, minus, n),
                    IntervalMethod::Wald => (plus - minus, net_var(plus, minus), n),
                    m => return Err(wrong_method(m, "net score (NPS)", "adjusted_wald, wald")),
                };
                let half = z * (v / nn).sqrt();
                clamp(100.0 * (c - half), 100.0 * (c + half), -100.0, 100.0)
            }
            Estimate::Proportion { p, n } => {
                let (lo, hi) = proportion_limits(p, n, z, level, method)?;
                clamp(100.0 * lo, 100.0 * hi, 0.0, 100.0)
            }
            Estimate::Mean {
                mean,
                sd,
                n,
                min,
                max,
                factor,
            } => {
                if method != IntervalMethod::T {
                    return Err(wrong_method(method, "mean", "t"));
                }
                let half = t_half_width(sd, n, level)?;
                clamp(
                    factor * (mean - half),
                    factor * (mean + half),
                    factor * min,
                    factor * max,
                )
            }
        };
        Ok(Interval {
            lower,
            upper,
            level,
            method,
        })
    }

    /// The margin of error at `level`: the half-width of the default interval before
    /// clamping, in the metric's unit.
    ///
    /// # Formula
    /// ```text
    /// net:        100 × z √(v′/n′)           (adjusted Wald)
    /// proportion: 100 × z/(1 + z²/n) √(p(1−p)/n + z²/4n²)   (Wilson)
    /// mean:       factor × t₍ₙ₋₁₎ s/√n
    /// ```
    ///
    /// # Edge cases
    /// As [`Estimate::interval`].
    ///
    /// # Errors
    /// `invalid_argument` for a bad level; `insufficient_data` for a mean with `n ≤ 1`.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::Estimate;
    /// let e = Estimate::Proportion { p: 0.7, n: 100.0 };
    /// let i = e.interval(0.95, None)?;
    /// assert!((e.margin_of_error(0.95)? - (i.upper - i.lower) / 2.0).abs() < 1e-12);
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn margin_of_error(&self, level: f64) -> Result<f64> {
        let level = check_level(level)?;
        self.validate()?;
        let z = z_crit(level);
        Ok(match *self {
            Estimate::Net { plus, minus, n } => {
                let (_, v, nn) = adjusted(plus, minus, n);
                100.0 * z * (v / nn).sqrt()
            }
            Estimate::Proportion { p, n } => {
                let (lo, hi) = wilson(p, n, z);
                100.0 * (hi - lo) / 2.0
            }
            Estimate::Mean { sd, n, factor, .. } => factor * t_half_width(sd, n, level)?,
        })
    }

    /// Checks that hand-built estimates are coherent (shares in [0, 1], n > 0, …), so
    /// no formula is ever fed values that would produce NaN or a wrong number.
    fn validate(&self) -> Result<()> {
        let bad = |name: &'static str, msg: String| Err(Error::invalid_argument(name, msg));
        let share = |v: f64| v.is_finite() && (0.0..=1.0).contains(&v);
        let n = self.n();
        if !(n.is_finite() && n > 0.0) {
            return bad(
                "n",
                format!("the sample size must be finite and > 0, got {n}"),
            );
        }
        match *self {
            Estimate::Net { plus, minus, .. } => {
                if !(share(plus) && share(minus) && plus + minus <= 1.0 + 1e-12) {
                    return bad(
                        "plus",
                        format!(
                            "shares must lie in [0, 1] and sum to at most 1, got {plus} and {minus}"
                        ),
                    );
                }
            }
            Estimate::Proportion { p, .. } => {
                if !share(p) {
                    return bad("p", format!("the share must lie in [0, 1], got {p}"));
                }
            }
            Estimate::Mean {
                mean,
                sd,
                min,
                max,
                factor,
                ..
            } => {
                let ok = mean.is_finite()
                    && factor.is_finite()
                    && min < max
                    && (min..=max).contains(&mean)
                    && factor > 0.0
                    && sd.is_none_or(|s| s.is_finite() && s >= 0.0);
                if !ok {
                    return bad(
                        "mean",
                        format!(
                            "need min < max, min ≤ mean ≤ max, sd ≥ 0 and factor > 0 (mean {mean}, sd {sd:?}, range {min}–{max}, factor {factor})"
                        ),
                    );
                }
            }
        }
        Ok(())
    }

    fn kind(&self) -> &'static str {
        match self {
            Estimate::Net { .. } => "net score (NPS)",
            Estimate::Proportion { .. } => "proportion",
            Estimate::Mean { .. } => "mean",
        }
    }
}

fn t_half_width(sd: Option<f64>, n: f64, level: f64) -> Result<f64> {
    let Some(sd) = sd.filter(|_| n > 1.0) else {
        return Err(Error::InsufficientData(format!(
            "a t interval needs more than one response (n = {n}); the standard deviation of one value is undefined"
        )));
    };
    let t = t_dist(n - 1.0)?.inverse_cdf(0.5 + level / 2.0);
    Ok(t * sd / n.sqrt())
}

#[allow(clippy::many_single_char_names)] // p, n, z, x: the textbook notation
fn proportion_limits(
    p: f64,
    n: f64,
    z: f64,
    level: f64,
    method: IntervalMethod,
) -> Result<(f64, f64)> {
    let alpha = 1.0 - level;
    let x = p * n;
    Ok(match method {
        IntervalMethod::Wilson => wilson(p, n, z),
        IntervalMethod::Wald => {
            let half = z * (p * (1.0 - p) / n).sqrt();
            (p - half, p + half)
        }
        IntervalMethod::AgrestiCoull => {
            let nt = n + z * z;
            let pt = (x + z * z / 2.0) / nt;
            let half = z * (pt * (1.0 - pt) / nt).sqrt();
            (pt - half, pt + half)
        }
        IntervalMethod::ClopperPearson => {
            let lo = if x <= 0.0 {
                0.0
            } else {
                beta_ppf(alpha / 2.0, x, n - x + 1.0)
            };
            let hi = if x >= n {
                1.0
            } else {
                beta_ppf(1.0 - alpha / 2.0, x + 1.0, n - x)
            };
            (lo, hi)
        }
        IntervalMethod::Jeffreys => (
            beta_ppf(alpha / 2.0, x + 0.5, n - x + 0.5),
            beta_ppf(1.0 - alpha / 2.0, x + 0.5, n - x + 0.5),
        ),
        m => {
            return Err(wrong_method(
                m,
                "proportion",
                "wilson, wald, agresti_coull, clopper_pearson, jeffreys",
            ));
        }
    })
}

// ───────────────────────────── standalone intervals ─────────────────────────────

/// A confidence interval for `successes` out of `n`, in percent.
///
/// # Formula
/// As [`Estimate::interval`] for a proportion `p = successes / n`.
///
/// # Edge cases
/// `successes = 0` or `= n` give one-sided-looking intervals that still have width
/// (except Wald, which collapses to a point).
///
/// # Errors
/// `empty` when `n = 0`; `invalid_argument` when `successes > n`, for a bad level or a
/// method that is not a proportion method.
///
/// # Examples
/// ```
/// use cxmetrics::proportion_interval;
/// let i = proportion_interval(70, 100, 0.95, None)?;           // Wilson
/// assert!((i.lower - 60.4151).abs() < 1e-3 && (i.upper - 78.1051).abs() < 1e-3);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn proportion_interval(
    successes: u64,
    n: u64,
    level: f64,
    method: Option<IntervalMethod>,
) -> Result<Interval> {
    if n == 0 {
        return Err(Error::Empty {
            missing: 0,
            invalid: 0,
        });
    }
    if successes > n {
        return Err(Error::invalid_argument(
            "successes",
            format!("{successes} successes out of {n} trials; successes cannot exceed n"),
        ));
    }
    Estimate::Proportion {
        p: successes as f64 / n as f64,
        n: n as f64,
    }
    .interval(level, method)
}

/// A confidence interval for the NPS of `promoters`, `passives` and `detractors`
/// counts, in points.
///
/// # Formula
/// As [`Estimate::interval`] for a net score.
///
/// # Edge cases
/// All passives: adjusted Wald still has width; Wald gives `[0, 0]`.
///
/// # Errors
/// `empty` when all counts are 0; `invalid_argument` for a bad level or method.
///
/// # Examples
/// ```
/// use cxmetrics::nps_interval;
/// let i = nps_interval(50, 30, 20, 0.95, None)?;    // adjusted Wald
/// assert!((i.lower - 14.0511).abs() < 1e-3 && (i.upper - 44.2013).abs() < 1e-3);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn nps_interval(
    promoters: u64,
    passives: u64,
    detractors: u64,
    level: f64,
    method: Option<IntervalMethod>,
) -> Result<Interval> {
    let n = promoters as f64 + passives as f64 + detractors as f64;
    if n == 0.0 {
        return Err(Error::Empty {
            missing: 0,
            invalid: 0,
        });
    }
    Estimate::Net {
        plus: promoters as f64 / n,
        minus: detractors as f64 / n,
        n,
    }
    .interval(level, method)
}

// ───────────────────────────── comparisons ─────────────────────────────

/// How two groups are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CompareMethod {
    /// Two net scores (default): z test on adjusted (n + 3, +¾) estimates.
    AdjustedWald,
    /// Two net scores: z test on the raw estimates.
    Wald,
    /// Two proportions (default): pooled z test with a Newcombe hybrid score interval.
    PooledZ,
    /// Two means (default): Welch's unequal-variance t test.
    Welch,
    /// The same respondents before and after: t test on per-respondent differences.
    PairedT,
}

impl CompareMethod {
    /// Parses `"adjusted_wald"`, `"wald"`, `"pooled_z"`, `"welch"` or `"paired_t"`.
    ///
    /// # Errors
    /// `invalid_argument` for any other string.
    pub fn parse(s: &str) -> Result<CompareMethod> {
        Ok(match s {
            "adjusted_wald" => CompareMethod::AdjustedWald,
            "wald" => CompareMethod::Wald,
            "pooled_z" => CompareMethod::PooledZ,
            "welch" => CompareMethod::Welch,
            "paired_t" => CompareMethod::PairedT,
            other => {
                return Err(Error::invalid_argument(
                    "method",
                    format!(
                        "unknown comparison method {other:?}; expected adjusted_wald, wald, pooled_z, welch or paired_t"
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
    2.0 * std_normal().sf(z.abs())
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
/// mean welch:         t = (mₐ − mᵦ)/√(sₐ²/nₐ + sᵦ²/nᵦ), Welch–Satterthwaite df
/// p-value = 2(1 − F(|statistic|)),  F = Φ or Student's t
/// ```
///
/// # When to use it
/// For two *independent* groups (two channels, two months with different respondents).
/// For the same respondents measured twice use [`paired_nps`].
///
/// # Edge cases
/// - The sign is kept: a fall shows as a negative difference (R `NPS` loses it).
/// - Two proportions both 0 % or both 100 %: z = 0 and p = 1.
///
/// # Errors
/// `invalid_argument` for a bad level, estimates of different kinds, or a method that
/// does not apply; `insufficient_data` when a mean has n ≤ 1, or when both groups have
/// zero variance (the statistic is undefined).
///
/// # Examples
/// ```
/// use cxmetrics::{compare, CompareMethod, Estimate};
/// let a = Estimate::Net { plus: 0.5, minus: 0.2, n: 100.0 };
/// let b = Estimate::Net { plus: 0.4, minus: 0.3, n: 100.0 };
/// let c = compare(&a, &b, 0.95, Some(CompareMethod::Wald))?;
/// assert!((c.difference - 20.0).abs() < 1e-9);
/// assert!((c.statistic - 1.754116).abs() < 1e-6 && (c.p_value - 0.079411).abs() < 1e-6);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn compare(
    a: &Estimate,
    b: &Estimate,
    level: f64,
    method: Option<CompareMethod>,
) -> Result<Comparison> {
    let level = check_level(level)?;
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
            if method != CompareMethod::PooledZ {
                return Err(wrong(method, "pooled_z"));
            }
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
            let (lower, upper) = clamp(100.0 * lower, 100.0 * upper, -100.0, 100.0);
            Ok(Comparison {
                difference: 100.0 * d,
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
            let dist = t_dist(df)?;
            let t = (ma - mb) / se;
            let p_value = 2.0 * dist.sf(t.abs());
            let tc = dist.inverse_cdf(0.5 + level / 2.0);
            let (lower, upper) = clamp(
                ma - mb - tc * se,
                ma - mb + tc * se,
                fa * mina - fb * maxb,
                fa * maxa - fb * minb,
            );
            Ok(Comparison {
                difference: ma - mb,
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
    let level = check_level(level)?;
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
    let dist = t_dist(nf - 1.0)?;
    let (statistic, p_value) = if se > 0.0 {
        let t = mean / se;
        (t, 2.0 * dist.sf(t.abs()))
    } else if mean == 0.0 {
        (0.0, 1.0)
    } else {
        return Err(Error::InsufficientData(
            "every respondent changed by the same amount (zero variance), so the t statistic is undefined".to_owned(),
        ));
    };
    let tc = dist.inverse_cdf(0.5 + level / 2.0);
    let (lower, upper) = clamp(
        100.0 * (mean - tc * se),
        100.0 * (mean + tc * se),
        -200.0,
        200.0,
    );
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

// ───────────────────────────── planning ─────────────────────────────

fn positive(name: &'static str, v: f64) -> Result<f64> {
    if v.is_finite() && v > 0.0 {
        Ok(v)
    } else {
        Err(Error::invalid_argument(
            name,
            format!("must be a finite number > 0, got {v}"),
        ))
    }
}

fn open_unit(name: &'static str, v: f64) -> Result<f64> {
    if v.is_finite() && v > 0.0 && v < 1.0 {
        Ok(v)
    } else {
        Err(Error::invalid_argument(
            name,
            format!("must lie strictly between 0 and 1, got {v}"),
        ))
    }
}

fn open_percent(name: &'static str, v: f64) -> Result<f64> {
    if v.is_finite() && v > 0.0 && v < 100.0 {
        Ok(v / 100.0)
    } else {
        Err(Error::invalid_argument(
            name,
            format!("must be a percentage strictly between 0 and 100, got {v}"),
        ))
    }
}

fn nps_variance(v: f64) -> Result<f64> {
    if v.is_finite() && v > 0.0 && v <= 1.0 {
        Ok(v)
    } else {
        Err(Error::invalid_argument(
            "variance",
            format!(
                "the NPS variance p + d − (p − d)² lies in (0, 1] on the −1…1 scale (1 is the worst case), got {v}"
            ),
        ))
    }
}

fn ceil_n(x: f64) -> u64 {
    x.ceil().max(1.0) as u64
}

/// Respondents needed for an NPS margin of error of `margin` points (adjusted Wald).
///
/// # Formula
/// ```text
/// n = ⌈ z² σ² / (margin/100)² − 3 ⌉,   σ² = p + d − (p − d)² (worst case 1)
/// ```
///
/// # Edge cases
/// Never below 1.
///
/// # Errors
/// `invalid_argument` for a margin ≤ 0, a level outside (0, 1), or σ² outside (0, 1].
///
/// # Examples
/// ```
/// use cxmetrics::sample_size_nps;
/// assert_eq!(sample_size_nps(5.0, 0.95, 1.0)?, 1534);    // worst case
/// assert_eq!(sample_size_nps(5.0, 0.95, 0.61)?, 935);
/// assert_eq!(sample_size_nps(10.0, 0.95, 0.61)?, 232);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn sample_size_nps(margin: f64, level: f64, variance: f64) -> Result<u64> {
    let m = positive("margin", margin)? / 100.0;
    let z = z_crit(check_level(level)?);
    let v = nps_variance(variance)?;
    Ok(ceil_n(z * z * v / (m * m) - 3.0))
}

/// Respondents needed for a proportion's margin of error of `margin` percentage points.
///
/// # Formula
/// ```text
/// n = ⌈ z² p(1 − p) / (margin/100)² ⌉      p in percent, 50 = worst case
/// ```
///
/// # Edge cases
/// Never below 1.
///
/// # Errors
/// `invalid_argument` for margin ≤ 0, p outside (0, 100), or a bad level.
///
/// # Examples
/// ```
/// use cxmetrics::sample_size_proportion;
/// assert_eq!(sample_size_proportion(5.0, 0.95, 50.0)?, 385);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn sample_size_proportion(margin: f64, level: f64, p: f64) -> Result<u64> {
    let m = positive("margin", margin)? / 100.0;
    let z = z_crit(check_level(level)?);
    let p = open_percent("p", p)?;
    Ok(ceil_n(z * z * p * (1.0 - p) / (m * m)))
}

/// Respondents needed for a mean's margin of error of `margin` scale units.
///
/// # Formula
/// ```text
/// n = ⌈ (z · sd / margin)² ⌉
/// ```
///
/// # Edge cases
/// Never below 1.
///
/// # Errors
/// `invalid_argument` for margin ≤ 0, sd ≤ 0, or a bad level.
///
/// # Examples
/// ```
/// use cxmetrics::sample_size_mean;
/// assert_eq!(sample_size_mean(0.1, 0.95, 1.0)?, 385);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn sample_size_mean(margin: f64, level: f64, sd: f64) -> Result<u64> {
    let m = positive("margin", margin)?;
    let z = z_crit(check_level(level)?);
    let sd = positive("sd", sd)?;
    Ok(ceil_n((z * sd / m).powi(2)))
}

/// Respondents needed *per group* to detect an NPS difference of `difference` points.
///
/// # Formula
/// ```text
/// n = ⌈ 2σ² (z₁₋α/₂ + z_power)² / (difference/100)² − 3 ⌉     (MeasuringU)
/// ```
///
/// # Edge cases
/// Never below 1.
///
/// # Errors
/// `invalid_argument` for difference ≤ 0, power or level outside (0, 1), σ² outside (0, 1].
///
/// # Examples
/// ```
/// use cxmetrics::sample_size_nps_difference;
/// // worst case σ² = 1, 10-point difference, 95 %, 80 % power
/// assert_eq!(sample_size_nps_difference(10.0, 0.95, 0.8, 1.0)?, 1567);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn sample_size_nps_difference(
    difference: f64,
    level: f64,
    power: f64,
    variance: f64,
) -> Result<u64> {
    let d = positive("difference", difference)? / 100.0;
    let za = z_crit(check_level(level)?);
    let zb = std_normal().inverse_cdf(open_unit("power", power)?);
    let v = nps_variance(variance)?;
    Ok(ceil_n(2.0 * v * (za + zb).powi(2) / (d * d) - 3.0))
}

/// Respondents needed *per group* to detect proportions `p1` vs `p2` (percent).
///
/// # Formula
/// ```text
/// n = ⌈ (z₁₋α/₂ √(2 p̄ q̄) + z_power √(p₁q₁ + p₂q₂))² / (p₁ − p₂)² ⌉,   p̄ = (p₁ + p₂)/2
/// ```
///
/// # Edge cases
/// Never below 1.
///
/// # Errors
/// `invalid_argument` for p outside (0, 100), `p1 == p2`, or power / level outside (0, 1).
///
/// # Examples
/// ```
/// use cxmetrics::sample_size_proportion_difference;
/// assert_eq!(sample_size_proportion_difference(70.0, 80.0, 0.95, 0.8)?, 294);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn sample_size_proportion_difference(p1: f64, p2: f64, level: f64, power: f64) -> Result<u64> {
    let (a, b) = (open_percent("p1", p1)?, open_percent("p2", p2)?);
    if a == b {
        return Err(Error::invalid_argument(
            "p2",
            "p1 and p2 are equal; there is no difference to detect",
        ));
    }
    let za = z_crit(check_level(level)?);
    let zb = std_normal().inverse_cdf(open_unit("power", power)?);
    let pbar = f64::midpoint(a, b);
    let num = za * (2.0 * pbar * (1.0 - pbar)).sqrt() + zb * (a * (1.0 - a) + b * (1.0 - b)).sqrt();
    Ok(ceil_n(num * num / ((a - b) * (a - b))))
}

// ───────────────────────────── multiple comparisons ─────────────────────────────

/// How to adjust p-values for multiple comparisons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PAdjust {
    /// Holm's step-down method: controls the family-wise error rate.
    Holm,
    /// Benjamini–Hochberg step-up: controls the false discovery rate.
    BenjaminiHochberg,
}

impl PAdjust {
    /// Parses `"holm"` or `"bh"`.
    ///
    /// # Errors
    /// `invalid_argument` for any other string.
    pub fn parse(s: &str) -> Result<PAdjust> {
        match s {
            "holm" => Ok(PAdjust::Holm),
            "bh" => Ok(PAdjust::BenjaminiHochberg),
            other => Err(Error::invalid_argument(
                "method",
                format!("p-value adjustment must be \"holm\" or \"bh\", got {other:?}"),
            )),
        }
    }

    /// The binding spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            PAdjust::Holm => "holm",
            PAdjust::BenjaminiHochberg => "bh",
        }
    }
}

/// Adjusted p-values, in the input's order.
///
/// # Formula
/// ```text
/// sorted ascending p₍₁₎ ≤ … ≤ p₍ₘ₎
/// holm: p̃₍ᵢ₎ = maxⱼ≤ᵢ min(1, (m − j + 1) p₍ⱼ₎)
/// bh:   p̃₍ᵢ₎ = minⱼ≥ᵢ min(1, m/j · p₍ⱼ₎)
/// ```
///
/// # Edge cases
/// An empty list gives an empty list. Ties keep their order.
///
/// # Errors
/// `invalid_argument` for a p-value outside [0, 1] or NaN, naming its index.
///
/// # Examples
/// ```
/// use cxmetrics::{adjust_p_values, PAdjust};
/// let p = [0.01, 0.04, 0.03];
/// assert_eq!(adjust_p_values(&p, PAdjust::Holm)?, [0.03, 0.06, 0.06]);
/// let bh = adjust_p_values(&p, PAdjust::BenjaminiHochberg)?;
/// assert!((bh[0] - 0.03).abs() < 1e-12 && (bh[1] - 0.04).abs() < 1e-12);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn adjust_p_values(p_values: &[f64], method: PAdjust) -> Result<Vec<f64>> {
    if let Some((i, p)) = p_values
        .iter()
        .enumerate()
        .find(|(_, p)| !(0.0..=1.0).contains(*p))
    {
        return Err(Error::InvalidArgument {
            name: "p_values".into(),
            message: format!("p-value {p} at index {i} is not in [0, 1]"),
            index: Some(i),
        });
    }
    let m = p_values.len();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&a, &b| p_values[a].total_cmp(&p_values[b]));
    let mut out = vec![0.0; m];
    let mf = m as f64;
    match method {
        PAdjust::Holm => {
            let mut running: f64 = 0.0;
            for (rank, &i) in order.iter().enumerate() {
                let v = ((mf - rank as f64) * p_values[i]).min(1.0);
                running = running.max(v);
                out[i] = running;
            }
        }
        PAdjust::BenjaminiHochberg => {
            let mut running: f64 = 1.0;
            for (rank, &i) in order.iter().enumerate().rev() {
                let v = (mf / (rank as f64 + 1.0) * p_values[i]).min(1.0);
                running = running.min(v);
                out[i] = running;
            }
        }
    }
    Ok(out)
}
