//! Customer satisfaction (CSAT) by an explicit method.

use super::{base, default_bottom, default_top, mean_estimate, point_on_scale, share};
use crate::error::{Error, Result};
use crate::stats::{Estimate, Interval, IntervalMethod};
use crate::tally::Tally;

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
            p: share(tally, |x| Some(x) >= threshold),
            n: b.n_eff,
        },
        CsatMethod::Mean => mean_estimate(tally, &b, 1.0),
        CsatMethod::PercentOfMax => mean_estimate(tally, &b, 100.0 / f64::from(scale.max())),
        CsatMethod::Net => {
            let (t, bt) = (threshold.unwrap_or(0), bottom_threshold.unwrap_or(0));
            Estimate::Net {
                plus: share(tally, |x| x >= t),
                minus: share(tally, |x| x <= bt),
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

inference!(CsatResult);
