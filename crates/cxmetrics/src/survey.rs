//! Survey metrics: NPS, CSAT, CES and the generic box scores, mean and distribution.
//!
//! Every function here is a formula over a [`Tally`]; none re-reads raw data.

use crate::error::{Error, Result};
use crate::scale::Scale;
use crate::stats::{Estimate, Interval, IntervalMethod};
use crate::tally::Tally;

/// The sample behind a result: who was counted, who was not, and the weight base.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Base {
    n: u64,
    missing: u64,
    invalid: u64,
    sum_weights: f64,
    n_eff: f64,
    weighted: bool,
}

/// Checks that the tally has something to compute on and returns its base.
fn base(t: &Tally) -> Result<Base> {
    let n = t.n();
    if n == 0 {
        return Err(Error::Empty {
            missing: t.missing(),
            invalid: t.invalid(),
        });
    }
    let sum_weights = t.sum_weights();
    if sum_weights <= 0.0 {
        return Err(Error::InvalidWeight {
            index: None,
            value: 0.0,
        });
    }
    Ok(Base {
        n,
        missing: t.missing(),
        invalid: t.invalid(),
        sum_weights,
        n_eff: t.n_eff(),
        weighted: t.is_weighted(),
    })
}

/// Weighted share of the points whose value satisfies `pred`.
///
/// The denominator is summed over the same per-point weights in the same order as the
/// numerator, so a share is never above 1 by rounding (adding non-negative terms is
/// monotone in floating point); `_total` (the compensated Σw) is only reported.
fn share(t: &Tally, _total: f64, pred: impl Fn(i32) -> bool) -> f64 {
    let (mut part, mut all) = (0.0, 0.0);
    for (x, w) in t.scale().iter().zip(t.point_weights()) {
        all += w;
        if pred(x) {
            part += w;
        }
    }
    part / all
}

/// Unweighted count of the points whose value satisfies `pred`.
fn count(t: &Tally, pred: impl Fn(i32) -> bool) -> u64 {
    t.scale()
        .iter()
        .zip(t.counts())
        .filter(|(x, _)| pred(*x))
        .map(|(_, c)| *c)
        .sum()
}

/// Weighted mean and (when defined) the sample standard deviation.
fn moments(t: &Tally, b: &Base) -> (f64, Option<f64>) {
    let pw = t.point_weights();
    let total: f64 = pw.iter().sum();
    let m = (t
        .scale()
        .iter()
        .zip(&pw)
        .map(|(x, w)| f64::from(x) * w)
        .sum::<f64>()
        / total)
        // a weighted mean of points lies within the scale; keep rounding from leaving it
        .clamp(f64::from(t.scale().min()), f64::from(t.scale().max()));
    let sd = (b.n_eff > 1.0).then(|| {
        let ss: f64 = t
            .scale()
            .iter()
            .zip(&pw)
            .map(|(x, w)| w * (f64::from(x) - m).powi(2))
            .sum();
        (ss / total * b.n_eff / (b.n_eff - 1.0)).sqrt()
    });
    (m, sd)
}

fn mean_estimate(t: &Tally, b: &Base, factor: f64) -> Estimate {
    let (mean, sd) = moments(t, b);
    Estimate::Mean {
        mean,
        sd,
        n: b.n_eff,
        min: f64::from(t.scale().min()),
        max: f64::from(t.scale().max()),
        factor,
    }
}

/// `interval`, `margin_of_error` and `estimate` for a result with an `estimate` field.
macro_rules! inference {
    ($($name:ident),*) => {$(
        impl $name {
            /// The sufficient statistics for inference (shares or mean, sd and n; `n_eff`
            /// when weighted).
            pub fn estimate(&self) -> Estimate {
                self.estimate
            }

            /// A confidence interval at `level` (e.g. 0.95) by `method` (`None`: adjusted
            /// Wald for net scores, Wilson for proportions, t for means); see
            /// [`Estimate::interval`] for the formulas.
            ///
            /// # Errors
            /// `invalid_argument` for a level outside (0, 1) or a method that does not
            /// apply; `insufficient_data` for a t interval from one response.
            pub fn interval(&self, level: f64, method: Option<IntervalMethod>) -> Result<Interval> {
                self.estimate.interval(level, method)
            }

            /// The margin of error at `level`: half-width of the default interval, in the
            /// metric's unit; see [`Estimate::margin_of_error`].
            ///
            /// # Errors
            /// As [`Self::interval`].
            pub fn margin_of_error(&self, level: f64) -> Result<f64> {
                self.estimate.margin_of_error(level)
            }
        }
    )*};
}

inference!(NpsResult, CsatResult, CesResult, MeanResult, BoxResult);

fn point_on_scale(name: &'static str, value: i64, scale: Scale) -> Result<i32> {
    match i32::try_from(value) {
        Ok(v) if scale.contains(v) => Ok(v),
        _ => Err(Error::invalid_argument(
            name,
            format!("{value} is not a point of the scale {scale}"),
        )),
    }
}

/// Default top-box threshold: the top two points, or the top point alone on scales of
/// 2 or 3 points (good / bad, great / okay / bad), where "top two" would be (nearly) everyone.
fn default_top(scale: Scale) -> i64 {
    let k = i64::from(scale.points() > 3);
    i64::from(scale.max()) - k
}

/// Default bottom-box threshold: the bottom two points, or the bottom point alone on
/// scales of 2 or 3 points.
fn default_bottom(scale: Scale) -> i64 {
    let k = i64::from(scale.points() > 3);
    i64::from(scale.min()) + k
}

macro_rules! base_fields {
    ($(#[$m:meta])* $vis:vis struct $name:ident { $($body:tt)* }) => {
        $(#[$m])*
        $vis struct $name {
            $($body)*
            /// Valid responses used (unweighted).
            pub n: u64,
            /// Missing inputs, excluded from every denominator.
            pub missing: u64,
            /// Invalid inputs skipped under `on_invalid = skip`.
            pub invalid: u64,
            /// Σw of the valid responses (`n` when unweighted).
            pub sum_weights: f64,
            /// Kish effective sample size (Σw)²/Σw² (`n` when unweighted).
            pub n_eff: f64,
            /// Whether weights were given.
            pub weighted: bool,
        }
    };
}

macro_rules! fill_base {
    ($b:expr, $name:ident { $($f:ident : $v:expr),* $(,)? }) => {
        $name {
            $($f: $v,)*
            n: $b.n,
            missing: $b.missing,
            invalid: $b.invalid,
            sum_weights: $b.sum_weights,
            n_eff: $b.n_eff,
            weighted: $b.weighted,
        }
    };
}

// ───────────────────────────── NPS ─────────────────────────────

/// Where detractors end and promoters begin, on the tally's scale (both inclusive).
///
/// Detractors are `min..=detractor_max`, promoters `promoter_min..=max`, passives
/// everything in between. The standard buckets on 0–10 are `{6, 9}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NpsBuckets {
    /// The highest detractor score.
    pub detractor_max: i64,
    /// The lowest promoter score.
    pub promoter_min: i64,
}

impl NpsBuckets {
    /// 0–6 detractors, 7–8 passives, 9–10 promoters.
    pub const STANDARD: NpsBuckets = NpsBuckets {
        detractor_max: 6,
        promoter_min: 9,
    };
}

/// Options of [`nps_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct NpsOptions {
    /// Explicit buckets. `None` means the standard buckets, which exist only on 0–10.
    pub buckets: Option<NpsBuckets>,
}

/// A Net Promoter Score.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct NpsResult {
    /// NPS in points, −100…100: `100 × (promoters − detractors)`.
    pub score: f64,
    /// Share of promoters, 0…1 (weighted when weighted).
    pub promoters: f64,
    /// Share of passives, 0…1.
    pub passives: f64,
    /// Share of detractors, 0…1.
    pub detractors: f64,
    /// Promoter responses (unweighted count).
    pub n_promoters: u64,
    /// Passive responses (unweighted count).
    pub n_passives: u64,
    /// Detractor responses (unweighted count).
    pub n_detractors: u64,
    /// The buckets used.
    pub buckets: NpsBuckets,
    /// Valid responses used (unweighted).
    pub n: u64,
    /// Missing inputs, excluded from every denominator.
    pub missing: u64,
    /// Invalid inputs skipped under `on_invalid = skip`.
    pub invalid: u64,
    /// Σw of the valid responses (`n` when unweighted).
    pub sum_weights: f64,
    /// Kish effective sample size (Σw)²/Σw² (`n` when unweighted).
    pub n_eff: f64,
    /// Whether weights were given.
    pub weighted: bool,
    estimate: Estimate,
}

/// Net Promoter Score with the standard 0–6 / 7–8 / 9–10 buckets on the 0–10 scale.
///
/// # Formula
/// ```text
/// NPS = 100 × (Σw[promoters] − Σw[detractors]) / Σw        (w = 1 when unweighted)
/// ```
///
/// # Edge cases
/// - Missing responses are excluded from the denominator (3 promoters, 2 passives,
///   1 detractor and 4 missing → 33.33…, with `missing = 4`).
/// - Nothing is rounded: 3 / 2 / 1 gives 33.333…, not 33 or 34.
/// - All passives give 0; all promoters 100; all detractors −100.
///
/// # Errors
/// - `empty` when no valid response is left; `invalid_weight` when the total weight is 0.
/// - `scale_mismatch` when the tally is not on 0–10: rescaling a 1–10 or 1–5 survey
///   changes who counts as a promoter, so pass explicit buckets to [`nps_with`].
///
/// # Examples
/// ```
/// use cxmetrics::{nps, Scale, Tally};
/// let t = Tally::from_scores(Scale::NPS, &[10, 9, 9, 8, 7, 3])?;
/// let r = nps(&t)?;
/// assert!((r.score - 100.0 / 3.0).abs() < 1e-12);
/// assert_eq!((r.n_promoters, r.n_passives, r.n_detractors), (3, 2, 1));
///
/// let t10 = Tally::from_scores(Scale::ONE_TO_TEN, &[10, 9, 1])?;
/// assert_eq!(nps(&t10).unwrap_err().code(), "scale_mismatch");
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn nps(tally: &Tally) -> Result<NpsResult> {
    nps_with(tally, NpsOptions::default())
}

/// Net Promoter Score with explicit options (custom buckets for other scales).
///
/// # Formula
/// As [`nps`], with detractors `min..=detractor_max` and promoters `promoter_min..=max`.
///
/// # Edge cases
/// As [`nps`]. Explicit buckets on 0–10 may differ from the standard ones; the
/// result's `buckets` field says which were used.
///
/// # Errors
/// As [`nps`]; `invalid_argument` unless `min ≤ detractor_max < promoter_min ≤ max`.
///
/// # Examples
/// ```
/// use cxmetrics::{nps_with, NpsBuckets, NpsOptions, Scale, Tally};
/// // a 1–5 "recommend" item: 1–3 detractors, 4 passive, 5 promoter
/// let t = Tally::from_scores(Scale::ONE_TO_FIVE, &[5, 5, 4, 2])?;
/// let opts = NpsOptions { buckets: Some(NpsBuckets { detractor_max: 3, promoter_min: 5 }) };
/// assert_eq!(nps_with(&t, opts)?.score, 25.0);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn nps_with(tally: &Tally, options: NpsOptions) -> Result<NpsResult> {
    let scale = tally.scale();
    let buckets = match options.buckets {
        Some(b) => {
            let d = point_on_scale("buckets.detractor_max", b.detractor_max, scale)?;
            let p = point_on_scale("buckets.promoter_min", b.promoter_min, scale)?;
            if d >= p {
                return Err(Error::invalid_argument(
                    "buckets",
                    format!("detractor_max ({d}) must be below promoter_min ({p})"),
                ));
            }
            b
        }
        None if scale == Scale::NPS => NpsBuckets::STANDARD,
        None => {
            return Err(Error::ScaleMismatch(format!(
                "NPS is defined on the 0–10 scale (detractors 0–6, passives 7–8, promoters 9–10), \
                 but these responses are on {scale}; shifting or rescaling them changes who counts \
                 as a promoter. Declare the survey's real scale, or pass explicit buckets \
                 (detractor_max, promoter_min) if your survey defines them"
            )));
        }
    };
    let b = base(tally)?;
    let (d, p) = (buckets.detractor_max, buckets.promoter_min);
    let is_det = |x: i32| i64::from(x) <= d;
    let is_pro = |x: i32| i64::from(x) >= p;
    let is_pas = |x: i32| !is_det(x) && !is_pro(x);
    let promoters = share(tally, b.sum_weights, is_pro);
    let detractors = share(tally, b.sum_weights, is_det);
    let passives = share(tally, b.sum_weights, is_pas);
    Ok(NpsResult {
        score: 100.0 * (promoters - detractors),
        promoters,
        passives,
        detractors,
        n_promoters: count(tally, is_pro),
        n_passives: count(tally, is_pas),
        n_detractors: count(tally, is_det),
        buckets,
        estimate: Estimate::Net {
            plus: promoters,
            minus: detractors,
            n: b.n_eff,
        },
        n: b.n,
        missing: b.missing,
        invalid: b.invalid,
        sum_weights: b.sum_weights,
        n_eff: b.n_eff,
        weighted: b.weighted,
    })
}

// ───────────────────────────── CSAT ─────────────────────────────

/// How CSAT is computed; vendors disagree, so the choice is explicit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum CsatMethod {
    /// % of responses at or above `threshold` (default: the top two points). Delighted, Zendesk.
    #[default]
    TopBox,
    /// Mean score, in scale units. Intercom, QuestionPro "mean CSAT".
    Mean,
    /// Σ score ÷ (n × max) × 100. SmartSurvey's default.
    PercentOfMax,
    /// % top box − % bottom box, −100…100. FreeScout's "net" satisfaction.
    Net,
}

impl CsatMethod {
    /// Parses `"top_box"`, `"mean"`, `"percent_of_max"` or `"net"`.
    ///
    /// # Errors
    /// `invalid_argument` for any other string.
    pub fn parse(s: &str) -> Result<CsatMethod> {
        Ok(match s {
            "top_box" => CsatMethod::TopBox,
            "mean" => CsatMethod::Mean,
            "percent_of_max" => CsatMethod::PercentOfMax,
            "net" => CsatMethod::Net,
            other => {
                return Err(Error::invalid_argument(
                    "method",
                    format!(
                        "CSAT method must be \"top_box\", \"mean\", \"percent_of_max\" or \"net\", got {other:?}"
                    ),
                ));
            }
        })
    }

    /// The binding spelling (`"top_box"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            CsatMethod::TopBox => "top_box",
            CsatMethod::Mean => "mean",
            CsatMethod::PercentOfMax => "percent_of_max",
            CsatMethod::Net => "net",
        }
    }
}

/// Options of [`csat`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct CsatOptions {
    /// The formula (default [`CsatMethod::TopBox`]).
    pub method: CsatMethod,
    /// Lowest satisfied score, inclusive (default `max − 1`: the top two points; on
    /// scales of 2–3 points, `max`).
    pub threshold: Option<i64>,
    /// Highest dissatisfied score for `Net`, inclusive (default `min + 1`; on scales of
    /// 2–3 points, `min`).
    pub bottom_threshold: Option<i64>,
}

/// A CSAT score and the convention that produced it.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct CsatResult {
    /// Percent (top box, percent of max), −100…100 (net) or scale units (mean).
    pub score: f64,
    /// The formula used.
    pub method: CsatMethod,
    /// The satisfied threshold used (top box and net), inclusive.
    pub threshold: Option<i32>,
    /// The dissatisfied threshold used (net), inclusive.
    pub bottom_threshold: Option<i32>,
    /// Valid responses used (unweighted).
    pub n: u64,
    /// Missing inputs, excluded from every denominator.
    pub missing: u64,
    /// Invalid inputs skipped under `on_invalid = skip`.
    pub invalid: u64,
    /// Σw of the valid responses (`n` when unweighted).
    pub sum_weights: f64,
    /// Kish effective sample size (Σw)²/Σw² (`n` when unweighted).
    pub n_eff: f64,
    /// Whether weights were given.
    pub weighted: bool,
    estimate: Estimate,
}

/// Customer satisfaction score by an explicit method.
///
/// # Formula
/// ```text
/// top_box        = 100 × Σw[x ≥ threshold] / Σw                 threshold = max − 1
/// mean           = Σw·x / Σw
/// percent_of_max = 100 × Σw·x / (Σw × max)                      needs min ≥ 0
/// net            = 100 × (Σw[x ≥ threshold] − Σw[x ≤ bottom]) / Σw   bottom = min + 1
/// ```
///
/// # Edge cases
/// - Neutral answers stay in the denominator; missing ones never do.
/// - On 1–5 the default top box is 4–5 (`≥ 4`, inclusive), Zendesk's convention.
/// - On 2- and 3-point scales the defaults are the top and bottom point alone
///   (good vs bad; great vs bad), since "top two" would count (nearly) everyone.
/// - percent_of_max of all-minimum answers on 1–5 is 20, not 0 (SmartSurvey's formula).
///
/// # Errors
/// `empty`; `invalid_weight` (zero total weight); `invalid_argument` for a threshold
/// off the scale or `bottom_threshold ≥ threshold`; `scale_mismatch` for
/// percent_of_max on a scale with a negative minimum.
///
/// # Examples
/// ```
/// use cxmetrics::{csat, CsatMethod, CsatOptions, Scale, Tally};
/// let t = Tally::from_scores(Scale::ONE_TO_FIVE, &[5, 4, 3, 2, 5])?;
/// assert_eq!(csat(&t, CsatOptions::default())?.score, 60.0);
/// let mean = csat(&t, CsatOptions { method: CsatMethod::Mean, ..Default::default() })?;
/// assert_eq!(mean.score, 3.8);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn csat(tally: &Tally, options: CsatOptions) -> Result<CsatResult> {
    let scale = tally.scale();
    let top = |o: Option<i64>| point_on_scale("threshold", o.unwrap_or(default_top(scale)), scale);
    let bottom = |o: Option<i64>| {
        point_on_scale(
            "bottom_threshold",
            o.unwrap_or(default_bottom(scale)),
            scale,
        )
    };
    let (threshold, bottom_threshold) = match options.method {
        CsatMethod::TopBox => (Some(top(options.threshold)?), None),
        CsatMethod::Net => {
            let (t, b) = (top(options.threshold)?, bottom(options.bottom_threshold)?);
            if b >= t {
                return Err(Error::invalid_argument(
                    "bottom_threshold",
                    format!(
                        "the dissatisfied box (≤ {b}) must lie below the satisfied box (≥ {t})"
                    ),
                ));
            }
            (Some(t), Some(b))
        }
        CsatMethod::PercentOfMax => {
            if scale.min() < 0 {
                return Err(Error::ScaleMismatch(format!(
                    "percent_of_max needs a scale starting at 0 or above, got {scale}"
                )));
            }
            (None, None)
        }
        CsatMethod::Mean => (None, None),
    };
    let b = base(tally)?;
    let estimate = match options.method {
        CsatMethod::TopBox => Estimate::Proportion {
            p: share(tally, b.sum_weights, |x| Some(x) >= threshold),
            n: b.n_eff,
        },
        CsatMethod::Mean => mean_estimate(tally, &b, 1.0),
        CsatMethod::PercentOfMax => mean_estimate(tally, &b, 100.0 / f64::from(scale.max())),
        CsatMethod::Net => {
            let (t, bt) = (threshold.unwrap_or(0), bottom_threshold.unwrap_or(0));
            Estimate::Net {
                plus: share(tally, b.sum_weights, |x| x >= t),
                minus: share(tally, b.sum_weights, |x| x <= bt),
                n: b.n_eff,
            }
        }
    };
    Ok(fill_base!(
        b,
        CsatResult {
            score: estimate.value(),
            method: options.method,
            threshold: threshold,
            bottom_threshold: bottom_threshold,
            estimate: estimate,
        }
    ))
}

// ───────────────────────────── CES ─────────────────────────────

/// How CES is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum CesMethod {
    /// Mean score in scale units (default; Nicereply, SoGoSurvey).
    #[default]
    Mean,
    /// % of responses on the easy side of the scale (Delighted, Zonka).
    PercentAgree,
    /// % easy − % difficult, −100…100 (Mopinion's "net effort score").
    NetEffort,
}

impl CesMethod {
    /// Parses `"mean"`, `"percent_agree"` or `"net_effort"`.
    ///
    /// # Errors
    /// `invalid_argument` for any other string.
    pub fn parse(s: &str) -> Result<CesMethod> {
        Ok(match s {
            "mean" => CesMethod::Mean,
            "percent_agree" => CesMethod::PercentAgree,
            "net_effort" => CesMethod::NetEffort,
            other => {
                return Err(Error::invalid_argument(
                    "method",
                    format!(
                        "CES method must be \"mean\", \"percent_agree\" or \"net_effort\", got {other:?}"
                    ),
                ));
            }
        })
    }

    /// The binding spelling (`"mean"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            CesMethod::Mean => "mean",
            CesMethod::PercentAgree => "percent_agree",
            CesMethod::NetEffort => "net_effort",
        }
    }
}

/// Options of [`ces`]. Polarity has no default: CES 1.0 (1–5, low = easy) and
/// CES 2.0 (1–7, high = easy) are both in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CesOptions {
    /// `true` when a higher score means less effort (CES 2.0 agreement scale).
    pub higher_is_better: bool,
    /// The formula (default [`CesMethod::Mean`]).
    pub method: CesMethod,
    /// First point of the easy side, inclusive. Default: the points strictly beyond
    /// the midpoint on the easy side (1–7 → 5, 1–5 → 4; low-is-easy 1–5 → 2).
    pub threshold: Option<i64>,
}

impl CesOptions {
    /// Options with the given polarity and the default method (mean).
    pub fn new(higher_is_better: bool) -> CesOptions {
        CesOptions {
            higher_is_better,
            method: CesMethod::Mean,
            threshold: None,
        }
    }
}

/// A Customer Effort Score and the convention that produced it.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct CesResult {
    /// Scale units (mean), percent (percent_agree) or −100…100 (net_effort).
    pub score: f64,
    /// The formula used.
    pub method: CesMethod,
    /// The polarity used.
    pub higher_is_better: bool,
    /// First point of the easy side (inclusive), for percent_agree and net_effort.
    pub threshold: Option<i32>,
    /// Valid responses used (unweighted).
    pub n: u64,
    /// Missing inputs, excluded from every denominator.
    pub missing: u64,
    /// Invalid inputs skipped under `on_invalid = skip`.
    pub invalid: u64,
    /// Σw of the valid responses (`n` when unweighted).
    pub sum_weights: f64,
    /// Kish effective sample size (Σw)²/Σw² (`n` when unweighted).
    pub n_eff: f64,
    /// Whether weights were given.
    pub weighted: bool,
    estimate: Estimate,
}

/// Customer Effort Score with explicit scale polarity and method.
///
/// # Formula
/// ```text
/// easy(x)      = x ≥ t   if higher_is_better,  x ≤ t   otherwise
/// difficult(x) = x ≤ min + max − t  (mirror)   x ≥ min + max − t
/// mean          = Σw·x / Σw
/// percent_agree = 100 × Σw[easy] / Σw
/// net_effort    = 100 × (Σw[easy] − Σw[difficult]) / Σw
/// ```
///
/// # Edge cases
/// - The mean does not depend on polarity, but the result records it, since the
///   reader must know whether 2.1 is good.
/// - The neutral midpoint of an odd scale is neither easy nor difficult.
///
/// # Errors
/// `empty`; `invalid_weight`; `invalid_argument` for a threshold off the scale, or
/// (net_effort) a threshold not strictly beyond the midpoint on the easy side.
///
/// # Examples
/// ```
/// use cxmetrics::{ces, CesMethod, CesOptions, Scale, Tally};
/// // CES 2.0: 1–7, "the company made it easy" (higher is better)
/// let t = Tally::from_scores(Scale::ONE_TO_SEVEN, &[7, 6, 5, 4, 2])?;
/// assert_eq!(ces(&t, CesOptions::new(true))?.score, 4.8);
/// let agree = CesOptions { method: CesMethod::PercentAgree, ..CesOptions::new(true) };
/// assert_eq!(ces(&t, agree)?.score, 60.0);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn ces(tally: &Tally, options: CesOptions) -> Result<CesResult> {
    let scale = tally.scale();
    let (lo, hi) = (i64::from(scale.min()), i64::from(scale.max()));
    let default_t = if options.higher_is_better {
        (lo + hi).div_euclid(2) + 1
    } else {
        (lo + hi + 1).div_euclid(2) - 1
    };
    let threshold = match options.method {
        CesMethod::Mean => None,
        CesMethod::PercentAgree | CesMethod::NetEffort => Some(point_on_scale(
            "threshold",
            options.threshold.unwrap_or(default_t),
            scale,
        )?),
    };
    let hib = options.higher_is_better;
    let t = threshold.map_or(0, i64::from);
    let mirror = lo + hi - t;
    if options.method == CesMethod::NetEffort && ((hib && mirror >= t) || (!hib && mirror <= t)) {
        return Err(Error::invalid_argument(
            "threshold",
            format!(
                "for net_effort the easy side (from {t}) must lie strictly beyond the midpoint of {scale}, so that it does not overlap its mirror (difficult) side"
            ),
        ));
    }
    let easy = |x: i32| {
        if hib {
            i64::from(x) >= t
        } else {
            i64::from(x) <= t
        }
    };
    let difficult = |x: i32| {
        if hib {
            i64::from(x) <= mirror
        } else {
            i64::from(x) >= mirror
        }
    };
    let b = base(tally)?;
    let estimate = match options.method {
        CesMethod::Mean => mean_estimate(tally, &b, 1.0),
        CesMethod::PercentAgree => Estimate::Proportion {
            p: share(tally, b.sum_weights, easy),
            n: b.n_eff,
        },
        CesMethod::NetEffort => Estimate::Net {
            plus: share(tally, b.sum_weights, easy),
            minus: share(tally, b.sum_weights, difficult),
            n: b.n_eff,
        },
    };
    Ok(fill_base!(
        b,
        CesResult {
            score: estimate.value(),
            method: options.method,
            higher_is_better: hib,
            threshold: threshold,
            estimate: estimate,
        }
    ))
}

// ───────────────────────────── generic ─────────────────────────────

base_fields! {
    /// A mean score with its sample standard deviation.
    #[derive(Debug, Clone, Copy, PartialEq)]
    #[non_exhaustive]
    pub struct MeanResult {
        /// The mean, in scale units.
        pub score: f64,
        /// Sample standard deviation (n − 1 denominator; weighted: Kish-corrected),
        /// `None` when `n_eff ≤ 1`.
        pub std_dev: Option<f64>,
        estimate: Estimate,
    }
}

/// Mean score in scale units, with its sample standard deviation.
///
/// # Formula
/// ```text
/// mean = Σw·x / Σw
/// sd   = √( Σw(x − mean)² / Σw × n_eff / (n_eff − 1) )    (= the usual n − 1 sd when unweighted)
/// ```
///
/// # Edge cases
/// - `std_dev` is `None` for a single response (or n_eff ≤ 1), 0 when all agree.
///
/// # Errors
/// `empty`; `invalid_weight` (zero total weight).
///
/// # Examples
/// ```
/// use cxmetrics::{mean, Scale, Tally};
/// let r = mean(&Tally::from_scores(Scale::ONE_TO_FIVE, &[1, 2, 3, 4, 5])?)?;
/// assert_eq!(r.score, 3.0);
/// assert!((r.std_dev.unwrap() - 2.5f64.sqrt()).abs() < 1e-12);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn mean(tally: &Tally) -> Result<MeanResult> {
    let b = base(tally)?;
    let (m, sd) = moments(tally, &b);
    Ok(fill_base!(
        b,
        MeanResult {
            score: m,
            std_dev: sd,
            estimate: mean_estimate(tally, &b, 1.0),
        }
    ))
}

base_fields! {
    /// A top-box or bottom-box percentage.
    #[derive(Debug, Clone, Copy, PartialEq)]
    #[non_exhaustive]
    pub struct BoxResult {
        /// Percent of responses in the box, 0…100.
        pub score: f64,
        /// The box boundary used, inclusive.
        pub threshold: i32,
        /// Responses in the box (unweighted count).
        pub count: u64,
        estimate: Estimate,
    }
}

/// Percent of responses at or above `threshold` (default: the top two points; the top
/// point alone on scales of 2–3 points).
///
/// # Formula
/// ```text
/// top_box = 100 × Σw[x ≥ threshold] / Σw      threshold = max − 1 by default
/// ```
///
/// # Edge cases
/// - The threshold is inclusive: `≥ 4` on 1–5 is 4 and 5 (not `> 4`).
///
/// # Errors
/// `empty`; `invalid_weight`; `invalid_argument` for a threshold off the scale.
///
/// # Examples
/// ```
/// use cxmetrics::{top_box, Scale, Tally};
/// let t = Tally::from_scores(Scale::ONE_TO_FIVE, &[5, 4, 3, 1])?;
/// assert_eq!(top_box(&t, None)?.score, 50.0);
/// assert_eq!(top_box(&t, Some(5))?.score, 25.0);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn top_box(tally: &Tally, threshold: Option<i64>) -> Result<BoxResult> {
    let scale = tally.scale();
    let t = point_on_scale("threshold", threshold.unwrap_or(default_top(scale)), scale)?;
    boxed(tally, t, |x| x >= t)
}

/// Percent of responses at or below `threshold` (default: the bottom two points; the
/// bottom point alone on scales of 2–3 points).
///
/// # Formula
/// ```text
/// bottom_box = 100 × Σw[x ≤ threshold] / Σw      threshold = min + 1 by default
/// ```
///
/// # Edge cases
/// - The threshold is inclusive.
///
/// # Errors
/// `empty`; `invalid_weight`; `invalid_argument` for a threshold off the scale.
///
/// # Examples
/// ```
/// use cxmetrics::{bottom_box, Scale, Tally};
/// let t = Tally::from_scores(Scale::ONE_TO_FIVE, &[5, 4, 2, 1])?;
/// assert_eq!(bottom_box(&t, None)?.score, 50.0);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn bottom_box(tally: &Tally, threshold: Option<i64>) -> Result<BoxResult> {
    let scale = tally.scale();
    let t = point_on_scale(
        "threshold",
        threshold.unwrap_or(default_bottom(scale)),
        scale,
    )?;
    boxed(tally, t, |x| x <= t)
}

fn boxed(tally: &Tally, t: i32, pred: impl Fn(i32) -> bool + Copy) -> Result<BoxResult> {
    let b = base(tally)?;
    let p = share(tally, b.sum_weights, pred);
    Ok(fill_base!(
        b,
        BoxResult {
            score: 100.0 * p,
            threshold: t,
            count: count(tally, pred),
            estimate: Estimate::Proportion { p, n: b.n_eff },
        }
    ))
}

base_fields! {
    /// Responses per scale point.
    #[derive(Debug, Clone, PartialEq)]
    #[non_exhaustive]
    pub struct Distribution {
        /// The scale's points, ascending.
        pub points: Vec<i32>,
        /// Responses per point (unweighted).
        pub counts: Vec<u64>,
        /// Share per point, 0…1, weighted when weighted; sums to 1.
        pub shares: Vec<f64>,
    }
}

/// The distribution of responses over the scale's points.
///
/// # Formula
/// ```text
/// share[k] = Σw[k] / Σw
/// ```
///
/// # Edge cases
/// - Points nobody chose are listed with count 0.
///
/// # Errors
/// `empty`; `invalid_weight` (zero total weight).
///
/// # Examples
/// ```
/// use cxmetrics::{distribution, Scale, Tally};
/// let d = distribution(&Tally::from_scores(Scale::BINARY, &[1, 1, 0, 1])?)?;
/// assert_eq!(d.points, [0, 1]);
/// assert_eq!(d.counts, [1, 3]);
/// assert_eq!(d.shares, [0.25, 0.75]);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn distribution(tally: &Tally) -> Result<Distribution> {
    let b = base(tally)?;
    Ok(fill_base!(
        b,
        Distribution {
            points: tally.scale().iter().collect(),
            counts: tally.counts().to_vec(),
            shares: tally
                .point_weights()
                .iter()
                .map(|w| w / b.sum_weights)
                .collect(),
        }
    ))
}
