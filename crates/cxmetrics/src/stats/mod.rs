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
//!
//! - **Intervals**: [`Estimate::interval`] on any result's estimate, or from counts with
//!   [`proportion_interval`] and [`nps_interval`].
//! - **Comparisons**: [`compare`] two independent groups (difference `a − b`, statistic,
//!   p-value, interval); [`paired_nps`] for the same respondents measured twice.
//! - **Continuous means**: [`mean_of`] (spend, time-on-task: any finite values, weights,
//!   NaN missing) gives a result whose interval is t and whose comparison is Welch.
//! - **Planning**: `sample_size_*` for a margin of error or a difference at a power.
//! - **Multiple comparisons**: [`adjust_p_values`] (Holm, Benjamini–Hochberg).
//!
//! A confidence level is a fraction strictly between 0 and 1 (0.95, not 95), checked by
//! [`Level::new`]; functions take it as `level: f64` and default to [`Level::DEFAULT`].
//!
//! **Defaults** (read them here rather than repeating the numbers): [`Level::DEFAULT`]
//! (0.95), [`DEFAULT_POWER`] (0.8), [`DEFAULT_NPS_VARIANCE`] (1.0, worst case),
//! [`DEFAULT_PROPORTION_PERCENT`] (50, worst case), [`DEFAULT_ALPHA`] (0.05); the default
//! interval method of a result is [`Estimate::default_method`] (adjusted Wald for net
//! scores, Wilson for proportions, t for means).
//!
//! ```
//! use cxmetrics::stats::{compare, nps_interval, sample_size_nps};
//! use cxmetrics::{nps, Scale, Tally};
//! let a = nps(&Tally::from_scores(Scale::NPS, &[10u8, 10, 9, 8, 3])?)?;
//! let b = nps(&Tally::from_scores(Scale::NPS, &[10u8, 7, 6, 5, 3])?)?;
//! let c = compare(&a.estimate(), &b.estimate(), 0.95, None)?;
//! assert!((c.difference - 80.0).abs() < 1e-9);                 // 40 − (−40), sign kept
//! let i = nps_interval(50, 30, 20, 0.95, None)?;
//! assert!(i.lower < 30.0 && 30.0 < i.upper);
//! assert_eq!(sample_size_nps(5.0, 0.95, 1.0)?, 1534);
//! # Ok::<(), cxmetrics::Error>(())
//! ```

mod adjust;
mod compare;
mod intervals;
mod level;
mod mean_of;
mod quantile;
mod sample_size;

pub use adjust::{DEFAULT_ALPHA, PAdjust, adjust_p_values};
pub use compare::{CompareMethod, Comparison, PairedNpsResult, compare, paired_nps};
pub use intervals::{nps_interval, proportion_interval};
pub use level::Level;
pub use mean_of::{MeanOfResult, mean_of};
pub(crate) use mean_of::{check_moments, moments};
pub use sample_size::{
    DEFAULT_NPS_VARIANCE, DEFAULT_POWER, DEFAULT_PROPORTION_PERCENT, MAX_SAMPLE_SIZE,
    sample_size_mean, sample_size_nps, sample_size_nps_difference, sample_size_proportion,
    sample_size_proportion_difference,
};

use crate::error::{Error, Result};

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

/// Two-sided critical value z₁₋α/₂ of the standard normal (from α/2, which keeps its
/// digits for levels close to 1).
fn z_crit(level: f64) -> f64 {
    -quantile::norm_ppf(0.5 * (1.0 - level))
}

/// Checks the degrees of freedom of a t distribution (> 0; +∞ is the normal).
fn t_df(df: f64) -> Result<f64> {
    if df > 0.0 {
        Ok(df)
    } else {
        Err(Error::InsufficientData(format!(
            "a t distribution with {df} degrees of freedom (they must be positive)"
        )))
    }
}

/// Two-sided critical value t₁₋α/₂ with `df` degrees of freedom.
fn t_crit(df: f64, level: f64) -> f64 {
    -quantile::t_ppf(0.5 * (1.0 - level), df)
}

/// Two-sided p-value `P(|T| ≥ |t|)` with `df` degrees of freedom.
fn t_two_sided_p(t: f64, df: f64) -> f64 {
    (2.0 * quantile::t_sf(t.abs(), df)).min(1.0)
}

/// Two-sided p-value `P(|Z| ≥ |z|)` of the standard normal.
fn z_two_sided_p(z: f64) -> f64 {
    (2.0 * quantile::norm_sf(z.abs())).min(1.0)
}

fn beta_ppf(q: f64, a: f64, b: f64) -> f64 {
    quantile::beta_ppf(q, a, b)
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
    /// `n ≤ 1`; `invalid_argument` (argument `level`) when a limit would lie beyond
    /// ±`f64::MAX` (an unbounded mean at a level so close to 1, or with so few degrees
    /// of freedom, that t · sd/√n overflows). A bounded metric's interval is clamped to
    /// its range instead, and zero spread gives the point interval at any level.
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
        let level = Level::new(level)?.get();
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
        if !(lower.is_finite() && upper.is_finite()) {
            return Err(too_wide());
        }
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
    /// `invalid_argument` for a bad level, or a margin beyond `f64::MAX` (as
    /// [`Estimate::interval`]); `insufficient_data` for a mean with `n ≤ 1`.
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
        let level = Level::new(level)?.get();
        self.validate()?;
        let z = z_crit(level);
        let margin = match *self {
            Estimate::Net { plus, minus, n } => {
                let (_, v, nn) = adjusted(plus, minus, n);
                100.0 * z * (v / nn).sqrt()
            }
            Estimate::Proportion { p, n } => {
                let (lo, hi) = wilson(p, n, z);
                100.0 * (hi - lo) / 2.0
            }
            Estimate::Mean { sd, n, factor, .. } => factor * t_half_width(sd, n, level)?,
        };
        if !margin.is_finite() {
            return Err(too_wide());
        }
        Ok(margin)
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

/// The t interval's half-width `t₍ₙ₋₁₎ · sd / √n`: 0 for zero spread (whatever the
/// quantile), +∞ when it exceeds `f64::MAX` (the caller clamps it to the metric's
/// range or refuses it with [`too_wide`]).
fn t_half_width(sd: Option<f64>, n: f64, level: f64) -> Result<f64> {
    let Some(sd) = sd.filter(|_| n > 1.0) else {
        return Err(Error::InsufficientData(format!(
            "a t interval needs more than one response (n = {n}); the standard deviation of one value is undefined"
        )));
    };
    if sd == 0.0 {
        return Ok(0.0);
    }
    let t = t_crit(t_df(n - 1.0)?, level);
    // sd/√n first: t · sd alone may overflow where the half-width does not
    Ok(t * (sd / n.sqrt()))
}

/// The `invalid_argument` for an interval (or margin) whose limits would lie beyond
/// ±`f64::MAX`: a level so close to 1, with so few degrees of freedom or such spread
/// values, that the critical value times the standard error overflows.
pub(crate) fn too_wide() -> Error {
    Error::beyond_double("level", "the interval's half-width at this level")
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
