//! Net Promoter Score.

use super::{base, count, point_on_scale, share};
use crate::error::{Error, Result};
use crate::scale::Scale;
use crate::stats::{Estimate, Interval, IntervalMethod};
use crate::tally::Tally;

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
    let promoters = share(tally, is_pro);
    let detractors = share(tally, is_det);
    let passives = share(tally, is_pas);
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

inference!(NpsResult);
