//! Customer Effort Score (CES) with explicit polarity.

use super::{base, mean_estimate, point_on_scale, share};
use crate::error::{Error, Result};
use crate::stats::{Estimate, Interval, IntervalMethod};
use crate::tally::Tally;

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
            p: share(tally, easy),
            n: b.n_eff,
        },
        CesMethod::NetEffort => Estimate::Net {
            plus: share(tally, easy),
            minus: share(tally, difficult),
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

inference!(CesResult);
