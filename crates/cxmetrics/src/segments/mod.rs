//! Segments: group responses by key, keep one mergeable [`Tally`] per group, and
//! compute any survey metric per group plus an overall row obtained by **merging** the
//! groups — never by averaging their scores.
//!
//! - [`Segments`] holds the per-group tallies ([`Segments::from_keys`] /
//!   [`Segments::from_codes`]); [`Segments::report`] computes a [`SurveyMetric`] per
//!   group with its interval, the `low_n` flag (`n < min_n`) and the leave-one-out
//!   `impact` (overall − overall without the group).
//! - A metric chosen **by name** (as the Python and JavaScript bindings do) resolves
//!   through [`MetricKind::parse`] and [`SurveyMetric::resolve`], which also refuse
//!   options that do not apply to the metric.
//! - [`ReportOptions`] holds the defaults (level 0.95, `min_n` 30, Holm, α 0.05) every
//!   binding reads. Trends over calendar periods are in [`crate::trends`].
//!
//! # Example
//! ```
//! use cxmetrics::segments::{MetricKind, MetricOptions, ReportOptions, Segments, SurveyMetric};
//! use cxmetrics::{KeyPart, OnInvalid};
//!
//! let kind = MetricKind::parse("nps")?;
//! let metric = SurveyMetric::resolve(kind, MetricOptions::default())?;
//! let keys: Vec<Vec<KeyPart>> = ["web", "web", "phone", "phone"]
//!     .iter().map(|k| vec![KeyPart::Str(k.to_string())]).collect();
//! let segs = Segments::from_keys(kind.default_scale().unwrap(), &keys, &[10u8, 9, 3, 10], None, OnInvalid::Error)?;
//! let report = segs.report(metric, &ReportOptions::default())?;
//! assert_eq!(report.rows.len(), 2);
//! assert_eq!(report.overall.score, Some(50.0)); // merged counts: (3 − 1) / 4
//! # Ok::<(), cxmetrics::Error>(())
//! ```

mod keys;
mod metric;

use std::collections::{BTreeMap, HashMap};

use crate::error::{Error, Result};
use crate::scale::Scale;
use crate::stats::{DEFAULT_ALPHA, Estimate, IntervalMethod, Level, PAdjust};
use crate::tally::{BLOCK, COPIES, Classified, OnInvalid, Score, Tally};

pub use keys::{ColumnIds, GroupIds, Ints, KeyColumn, Validity};
pub use metric::{MetricKind, MetricOption, MetricOptions, SurveyMetric};

/// One part of a segment key: an integer or a string.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum KeyPart {
    /// An integer key (region id, year, …).
    Int(i64),
    /// A string key (channel, agent, …).
    Str(String),
}

impl std::fmt::Display for KeyPart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeyPart::Int(i) => write!(f, "{i}"),
            KeyPart::Str(s) => f.write_str(s),
        }
    }
}

/// A segment key: one part per grouping column.
pub type Key = Vec<KeyPart>;

/// Groups with fewer valid responses than this are flagged `low_n` by default.
pub const DEFAULT_MIN_N: u64 = 30;

/// Options of a segment or trend report.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReportOptions {
    /// Confidence level of the intervals (default 0.95).
    pub level: f64,
    /// Interval method (`None`: the metric's default).
    pub method: Option<IntervalMethod>,
    /// Groups with fewer valid responses are flagged `low_n` (default 30), and trends
    /// skip them in period-over-period comparisons.
    pub min_n: u64,
    /// Multiple-comparison adjustment of trend p-values (default Holm).
    pub adjust: PAdjust,
    /// Significance threshold on adjusted p-values (default 0.05).
    pub alpha: f64,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            level: Level::DEFAULT.get(),
            method: None,
            min_n: DEFAULT_MIN_N,
            adjust: PAdjust::Holm,
            alpha: DEFAULT_ALPHA,
        }
    }
}

/// One row of a segment report.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SegmentRow {
    /// The segment's key (empty for the overall row).
    pub key: Key,
    /// Valid responses.
    pub n: u64,
    /// Missing responses.
    pub missing: u64,
    /// Invalid responses skipped.
    pub invalid: u64,
    /// The segment's share of the overall weight (Σw), 0…1.
    pub share: f64,
    /// The metric's value (`None` when the segment has no valid response).
    pub score: Option<f64>,
    /// Lower limit of the interval.
    pub lower: Option<f64>,
    /// Upper limit of the interval.
    pub upper: Option<f64>,
    /// `n < min_n`.
    pub low_n: bool,
    /// Leave-one-out impact: overall score − overall score without this segment, in
    /// the metric's unit (`None` when no other segment has data).
    pub impact: Option<f64>,
}

/// A segment report: rows per key (ascending) and the overall row from merged tallies.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SegmentReport {
    /// One row per segment, sorted by key.
    pub rows: Vec<SegmentRow>,
    /// All segments merged.
    pub overall: SegmentRow,
}

/// Mergeable per-segment tallies.
///
/// # Formula
/// ```text
/// tally[k] = Tally of the responses whose key is k;  overall = merge of all tally[k]
/// impact[k] = metric(overall) − metric(overall without k)
/// ```
///
/// # Edge cases
/// - The overall row is the metric of the merged counts. It is never the mean of the
///   segment scores (with segments of 12 and 5,000 responses they differ).
/// - Segments whose responses are all missing still appear (score `None`).
///
/// # Errors
/// As [`Tally::from_scores_with`], plus `length_mismatch` for keys vs scores and
/// `scale_mismatch` when merging segment sets on different scales.
///
/// # Examples
/// ```
/// use cxmetrics::{KeyPart, NpsOptions, OnInvalid, ReportOptions, Scale, Segments, SurveyMetric};
/// let keys: Vec<Vec<KeyPart>> = ["chat", "chat", "email", "email", "email"]
///     .iter().map(|k| vec![KeyPart::Str((*k).to_owned())]).collect();
/// let s = Segments::from_keys(Scale::NPS, &keys, &[10u8, 9, 0, 3, 10], None, OnInvalid::Error)?;
/// let r = s.report(SurveyMetric::Nps(NpsOptions::default()), &ReportOptions::default())?;
/// assert_eq!(r.rows[0].score, Some(100.0));                 // chat
/// assert!((r.rows[1].score.unwrap() + 100.0 / 3.0).abs() < 1e-9); // email
/// let overall = r.overall.score.unwrap();                   // (3 − 2) / 5 = 20, not the
/// assert!((overall - 20.0).abs() < 1e-9);                   // mean of 100 and −33.3
/// # Ok::<(), cxmetrics::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Segments {
    scale: Scale,
    groups: BTreeMap<Key, Tally>,
}

impl Segments {
    /// No segments yet.
    pub fn new(scale: Scale) -> Segments {
        Segments {
            scale,
            groups: BTreeMap::new(),
        }
    }

    /// Groups `scores` by `keys` in one pass.
    ///
    /// # Errors
    /// `length_mismatch`; row errors as [`Tally::from_scores_with`] (indices are rows).
    pub fn from_keys<T: Score>(
        scale: Scale,
        keys: &[Key],
        scores: &[T],
        weights: Option<&[f64]>,
        on_invalid: OnInvalid,
    ) -> Result<Segments> {
        let mut codes = Vec::with_capacity(keys.len());
        let mut labels: Vec<Key> = Vec::new();
        let mut index: HashMap<&Key, u32> = HashMap::new();
        for k in keys {
            let next = labels.len() as u32;
            let c = *index.entry(k).or_insert_with(|| {
                labels.push(k.clone());
                next
            });
            codes.push(c);
        }
        Segments::from_codes(scale, &codes, &labels, scores, weights, on_invalid)
    }

    /// Groups `scores` by integer `codes` (`labels[code]` is the key) — the fast path
    /// for factorised columns.
    ///
    /// # Errors
    /// `length_mismatch` for codes vs scores (or weights); `invalid_argument` for a
    /// code without a label; row errors as [`Tally::from_scores_with`].
    pub fn from_codes<T: Score>(
        scale: Scale,
        codes: &[u32],
        labels: &[Key],
        scores: &[T],
        weights: Option<&[f64]>,
        on_invalid: OnInvalid,
    ) -> Result<Segments> {
        Segments::grouped(scale, codes, labels, scores, weights, on_invalid, true)
    }

    /// Groups `scores` by the group ids of key columns as engines store them (see
    /// [`GroupIds::combine`]): [`Segments::from_codes`] with `ids.codes()` and
    /// `ids.labels()`, whose codes are known to have labels.
    ///
    /// # Errors
    /// As [`Segments::from_codes`].
    ///
    /// # Example
    /// ```
    /// use cxmetrics::segments::{ColumnIds, GroupIds, Ints, KeyColumn, Segments};
    /// use cxmetrics::{OnInvalid, Scale};
    /// let region = ColumnIds::from_column(&KeyColumn::Int(Ints::I32(&[20, 10, 20]), None))?;
    /// let ids = GroupIds::combine(vec![region])?;
    /// let s = Segments::from_group_ids(Scale::NPS, &ids, &[10u8, 0, 9], None, OnInvalid::Error)?;
    /// assert_eq!(s.groups().len(), 2);
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn from_group_ids<T: Score>(
        scale: Scale,
        ids: &GroupIds,
        scores: &[T],
        weights: Option<&[f64]>,
        on_invalid: OnInvalid,
    ) -> Result<Segments> {
        Segments::grouped(
            scale,
            ids.codes(),
            ids.labels(),
            scores,
            weights,
            on_invalid,
            false,
        )
    }

    /// Groups `scores` by one key column as an engine stores it: integers of a small
    /// range (≤ 65 536 distinct values from the smallest to the largest, no missing
    /// keys) and dictionary codes are counted straight into a (value × bin) histogram,
    /// split over the threads with `parallel`, without giving each row an id; any other
    /// column, or weights, takes [`ColumnIds::from_column`], [`GroupIds::combine`] and
    /// [`Segments::from_group_ids`]. The segments are the same either way.
    ///
    /// # Errors
    /// As [`ColumnIds::from_column`], [`GroupIds::combine`] and
    /// [`Segments::from_group_ids`].
    ///
    /// # Example
    /// ```
    /// use cxmetrics::segments::{Ints, KeyColumn, Segments};
    /// use cxmetrics::{KeyPart, OnInvalid, Scale};
    /// let store = KeyColumn::Int(Ints::I32(&[20, 10, 20]), None);
    /// let s = Segments::from_key_column(Scale::NPS, &store, &[10u8, 0, 9], None, OnInvalid::Error)?;
    /// assert_eq!(s.groups()[&vec![KeyPart::Int(20)]].counts()[9..], [1, 1]);
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn from_key_column<T: Score>(
        scale: Scale,
        key: &KeyColumn<'_>,
        scores: &[T],
        weights: Option<&[f64]>,
        on_invalid: OnInvalid,
    ) -> Result<Segments> {
        if weights.is_none()
            && let Some(groups) = keys::dense_groups(scale, key, scores, on_invalid)?
        {
            return Ok(Segments { scale, groups });
        }
        let ids = GroupIds::combine(vec![ColumnIds::from_column(key)?])?;
        Segments::from_group_ids(scale, &ids, scores, weights, on_invalid)
    }

    /// [`Segments::from_codes`]; `check`: whether the codes still need checking against
    /// the labels (a [`GroupIds`] was built with them).
    fn grouped<T: Score>(
        scale: Scale,
        codes: &[u32],
        labels: &[Key],
        scores: &[T],
        weights: Option<&[f64]>,
        on_invalid: OnInvalid,
        check: bool,
    ) -> Result<Segments> {
        if codes.len() != scores.len() {
            return Err(Error::LengthMismatch {
                what: "keys and scores",
                left: codes.len(),
                right: scores.len(),
            });
        }
        if let Some(w) = weights
            && w.len() != scores.len()
        {
            return Err(Error::LengthMismatch {
                what: "scores and weights",
                left: scores.len(),
                right: w.len(),
            });
        }
        if let Some((i, c)) = codes
            .iter()
            .enumerate()
            .filter(|_| check)
            .find(|(_, c)| **c as usize >= labels.len())
        {
            return Err(Error::InvalidArgument {
                name: "codes".into(),
                message: format!(
                    "code {c} at index {i} has no label ({} labels)",
                    labels.len()
                ),
                index: Some(i),
            });
        }
        let tallies: Vec<Tally> = if weights.is_none() {
            // Unweighted: one branch-free pass into a (group × bin) histogram
            // ([`group_hist`]), per thread's rows with `parallel`, the histograms added.
            {
                let p = scale.points();
                let stride = p + 2;
                let cells = labels.len() * stride;
                let hist = group_hists(scale, codes, |c| c as usize, scores, cells, on_invalid)?;
                (0..labels.len())
                    .map(|g| {
                        let row = &hist[g * stride..(g + 1) * stride];
                        Tally::from_bins(scale, &row[..p], row[p], row[p + 1])
                    })
                    .collect()
            }
        } else {
            // Weighted: rows of each group gathered, each group tallied in one validated
            // pass; errors name the row position in the caller's input.
            {
                let mut tallies: Vec<Tally> = vec![Tally::new(scale); labels.len()];
                let mut rows: Vec<Vec<usize>> = vec![Vec::new(); labels.len()];
                for (i, &c) in codes.iter().enumerate() {
                    rows[c as usize].push(i);
                }
                let mut first_error: Option<Error> = None;
                for (g, idx) in rows.iter().enumerate() {
                    let s: Vec<T> = idx.iter().map(|&i| scores[i]).collect();
                    let w: Option<Vec<f64>> = weights.map(|w| idx.iter().map(|&i| w[i]).collect());
                    if let Err(e) = tallies[g].extend_with(&s, w.as_deref(), on_invalid) {
                        let e = reindex(e, idx);
                        if first_error.as_ref().is_none_or(|f| e.index() < f.index()) {
                            first_error = Some(e);
                        }
                    }
                }
                if let Some(e) = first_error {
                    return Err(e);
                }
                tallies
            }
        };
        let mut groups = BTreeMap::new();
        for (label, t) in labels.iter().zip(tallies) {
            groups
                .entry(label.clone())
                .or_insert_with(|| Tally::new(scale))
                .merge(&t)?;
        }
        Ok(Segments { scale, groups })
    }

    /// Segments from tallies counted elsewhere, one per key — what a query engine's
    /// `GROUP BY key, score` returns once each key's counts are brought back as a
    /// [`Tally`] (e.g. with [`Tally::from_parts`]). The report is the one
    /// [`Segments::from_keys`] gives on the same rows: a key given twice has its tallies
    /// merged.
    ///
    /// # Errors
    /// `scale_mismatch` for a tally on another scale than `scale`; `invalid_argument`
    /// when a key's merged tallies would hold more than [`Tally::MAX_ROWS`] rows.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::{KeyPart, NpsOptions, ReportOptions, Scale, Segments, SurveyMetric, Tally};
    /// let web = Tally::from_scores(Scale::NPS, &[10u8, 9])?;
    /// let phone = Tally::from_scores(Scale::NPS, &[0u8, 3, 10])?;
    /// let s = Segments::from_tallies(Scale::NPS, [
    ///     (vec![KeyPart::Str("web".into())], web),
    ///     (vec![KeyPart::Str("phone".into())], phone),
    /// ])?;
    /// let r = s.report(SurveyMetric::Nps(NpsOptions::default()), &ReportOptions::default())?;
    /// assert_eq!(r.rows[1].key, vec![KeyPart::Str("web".into())]); // keys ascending
    /// assert!((r.overall.score.unwrap() - 20.0).abs() < 1e-9);      // (3 − 2) / 5
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn from_tallies(
        scale: Scale,
        tallies: impl IntoIterator<Item = (Key, Tally)>,
    ) -> Result<Segments> {
        let mut groups: BTreeMap<Key, Tally> = BTreeMap::new();
        for (k, t) in tallies {
            groups
                .entry(k)
                .or_insert_with(|| Tally::new(scale))
                .merge(&t)?;
        }
        Ok(Segments { scale, groups })
    }

    /// Adds another set of segments (e.g. from another file or thread).
    ///
    /// # Errors
    /// `scale_mismatch` for a different scale.
    pub fn merge(&mut self, other: &Segments) -> Result<()> {
        if self.scale != other.scale {
            return Err(Error::ScaleMismatch(format!(
                "cannot merge segments on scale {} into segments on {}",
                other.scale, self.scale
            )));
        }
        for (k, t) in &other.groups {
            self.groups
                .entry(k.clone())
                .or_insert_with(|| Tally::new(self.scale))
                .merge(t)?;
        }
        Ok(())
    }

    /// The per-segment tallies.
    pub fn groups(&self) -> &BTreeMap<Key, Tally> {
        &self.groups
    }

    /// The per-segment tallies, by value (for trends, whose periods are segments).
    pub(crate) fn into_groups(self) -> BTreeMap<Key, Tally> {
        self.groups
    }

    /// All segments merged into one tally.
    ///
    /// # Errors
    /// `invalid_argument` when the segments together hold more than
    /// [`Tally::MAX_ROWS`] rows (counts never wrap).
    pub fn overall(&self) -> Result<Tally> {
        let mut all = Tally::new(self.scale);
        for t in self.groups.values() {
            all.merge(t)?;
        }
        Ok(all)
    }

    /// The metric per segment and overall, with intervals, `low_n` flags and impact.
    ///
    /// # Errors
    /// Errors of the metric that do not depend on the data (`scale_mismatch`,
    /// `invalid_argument` — including a level outside (0, 1) or an interval method that
    /// does not apply to the metric), `empty` when no segment has a valid response, or
    /// `invalid_weight` when they all have zero weight. Row errors are reported when the
    /// segments are built, so they come before metric errors.
    pub fn report(&self, metric: SurveyMetric, options: &ReportOptions) -> Result<SegmentReport> {
        check_options(options)?;
        let overall_tally = self.overall()?;
        let overall = row(
            Vec::new(),
            &overall_tally,
            &overall_tally,
            metric,
            options,
            None,
        )?;
        let Some(overall_score) = overall.score else {
            return Err(if overall_tally.n() > 0 {
                Error::InvalidWeight {
                    index: None,
                    value: 0.0,
                }
            } else {
                Error::Empty {
                    missing: overall_tally.missing(),
                    invalid: overall_tally.invalid(),
                }
            });
        };
        let mut rows = Vec::with_capacity(self.groups.len());
        for (k, t) in &self.groups {
            let rest = overall_tally.without(t);
            let impact = metric.compute(&rest).ok().map(|(s, _)| overall_score - s);
            rows.push(row(k.clone(), t, &overall_tally, metric, options, impact)?);
        }
        Ok(SegmentReport { rows, overall })
    }
}

/// Options errors surface once, up front; per-group interval problems that depend on the
/// data (a t interval from one response) leave that group's interval empty instead.
pub(crate) fn check_options(options: &ReportOptions) -> Result<()> {
    Level::new(options.level)?;
    if !(options.alpha > 0.0 && options.alpha < 1.0) {
        return Err(Error::invalid_argument(
            "alpha",
            format!(
                "the significance level must lie in (0, 1), got {}",
                options.alpha
            ),
        ));
    }
    Ok(())
}

/// The interval of one group: option errors (a method that does not apply to the
/// metric) propagate; data-dependent ones (`insufficient_data`) give no interval.
pub(crate) fn group_interval(
    est: &Estimate,
    options: &ReportOptions,
) -> Result<Option<crate::stats::Interval>> {
    match est.interval(options.level, options.method) {
        Ok(i) => Ok(Some(i)),
        Err(Error::InsufficientData(_)) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Rows from which the unweighted grouping pass is split over the threads.
pub(crate) const GROUP_PARALLEL_MIN: usize = 1 << 20;

/// [`group_hist`] of all the rows: on several threads (with `parallel`) when the rows
/// outnumber the per-thread histograms' cells enough to pay for adding them up, the
/// histograms added; the error is the one of the lowest row. wasm (one thread) makes
/// one pass and no more code than it needs (the light module's size budget).
pub(crate) fn group_hists<T: Score, C: Copy + Sync>(
    scale: Scale,
    codes: &[C],
    group: impl Fn(C) -> usize + Sync,
    scores: &[T],
    cells: usize,
    on_invalid: OnInvalid,
) -> Result<Vec<u64>> {
    #[cfg(target_family = "wasm")]
    return group_hist(scale, codes, group, scores, cells, 0, on_invalid);
    #[cfg(not(target_family = "wasm"))]
    {
        let min_rows = if cells.saturating_mul(8) <= codes.len() {
            GROUP_PARALLEL_MIN
        } else {
            usize::MAX
        };
        let parts = crate::threads::split(codes.len(), min_rows, |rows| {
            group_hist(
                scale,
                &codes[rows.clone()],
                &group,
                &scores[rows.clone()],
                cells,
                rows.start,
                on_invalid,
            )
        });
        let mut parts = parts.into_iter();
        let mut hist = parts.next().unwrap_or_else(|| Ok(vec![0; cells]))?;
        for part in parts {
            for (h, n) in hist.iter_mut().zip(part?) {
                *h += n;
            }
        }
        Ok(hist)
    }
}

/// A key past the histogram: the key column changed (another thread wrote it) after its
/// range was measured.
#[cold]
fn keys_changed() -> Error {
    Error::invalid_argument("by", "the key column changed while it was read")
}

/// The (group × bin) histogram of one run of rows, `start` its first row in the
/// caller's input: one branch-free pass, the same binning as Tally's hot path. Block by
/// block the scores are first copied (but on wasm, whose input is already private): the
/// copy alone is counted and (to name the first invalid row) searched, so another thread
/// writing the caller's buffer changes the result only as a write before or after the
/// read would. (Codes are checked by the caller and are its own: the bindings build
/// them.)
fn group_hist<T: Score, C: Copy>(
    scale: Scale,
    codes: &[C],
    group: impl Fn(C) -> usize,
    scores: &[T],
    cells: usize,
    start: usize,
    on_invalid: OnInvalid,
) -> Result<Vec<u64>> {
    let p = scale.points();
    let stride = p + 2;
    let min = i64::from(scale.min());
    let stop = on_invalid == OnInvalid::Error;
    let mut hist = vec![0u64; cells];
    let mut copy: Vec<T> = Vec::new();
    for (k, (cs, sb)) in codes.chunks(BLOCK).zip(scores.chunks(BLOCK)).enumerate() {
        let first = start + k * BLOCK;
        let xs: &[T] = if COPIES {
            copy.clear();
            copy.extend_from_slice(sb);
            &copy
        } else {
            sb
        };
        let mut bad = 0u64;
        for (&c, &x) in cs.iter().zip(xs) {
            let b = x.bin(min, p);
            // a group past the histogram (keys another thread changed since they were
            // measured) is refused, never counted elsewhere
            let Some(h) = hist.get_mut(group(c) * stride + b) else {
                return Err(keys_changed());
            };
            *h += 1;
            bad += u64::from(b == p + 1);
        }
        if bad > 0 && stop {
            return Err(xs
                .iter()
                .enumerate()
                .map(|(i, x)| (i, x.classify(scale)))
                .find(|(_, cl)| !matches!(cl, Classified::Point(_) | Classified::Missing))
                .map_or_else(
                    || {
                        Error::invalid_argument(
                            "scores",
                            "an invalid row was counted but could not be named; please report this as a bug",
                        )
                    },
                    |(i, cl)| cl.into_error(first + i, scale),
                ));
        }
    }
    Ok(hist)
}

fn reindex(e: Error, rows: &[usize]) -> Error {
    let map = |i: usize| rows.get(i).copied().unwrap_or(i);
    match e {
        Error::OutOfScale {
            index,
            value,
            min,
            max,
        } => Error::OutOfScale {
            index: map(index),
            value,
            min,
            max,
        },
        Error::NotInteger { index, value } => Error::NotInteger {
            index: map(index),
            value,
        },
        Error::NotFinite { index, value } => Error::NotFinite {
            index: map(index),
            value,
        },
        Error::InvalidWeight { index, value } => Error::InvalidWeight {
            index: index.map(map),
            value,
        },
        other => other,
    }
}

fn row(
    key: Key,
    t: &Tally,
    overall: &Tally,
    metric: SurveyMetric,
    options: &ReportOptions,
    impact: Option<f64>,
) -> Result<SegmentRow> {
    let computed = match metric.compute(t) {
        Ok(v) => Some(v),
        Err(Error::Empty { .. } | Error::InvalidWeight { index: None, .. }) => None,
        Err(e) => return Err(e),
    };
    let interval = match computed {
        Some((_, est)) => group_interval(&est, options)?,
        None => None,
    };
    let total = overall.sum_weights();
    Ok(SegmentRow {
        key,
        n: t.n(),
        missing: t.missing(),
        invalid: t.invalid(),
        share: if total > 0.0 {
            t.sum_weights() / total
        } else {
            0.0
        },
        score: computed.map(|(s, _)| s),
        lower: interval.map(|i| i.lower),
        upper: interval.map(|i| i.upper),
        low_n: t.n() < options.min_n,
        impact,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One key column: the dense histogram path gives the id path's segments and errors
    /// (integers of every width, negative values, codes with a label given twice,
    /// millions of rows on the threads), and the columns it leaves alone still work.
    #[test]
    fn key_column_dense_path_equals_the_id_path() {
        fn both(key: &KeyColumn<'_>, scores: &[f64]) -> (Result<Segments>, Result<Segments>) {
            let dense = Segments::from_key_column(Scale::NPS, key, scores, None, OnInvalid::Error);
            let ids = ColumnIds::from_column(key)
                .and_then(|c| GroupIds::combine(vec![c]))
                .and_then(|g| {
                    Segments::from_group_ids(Scale::NPS, &g, scores, None, OnInvalid::Error)
                });
            (dense, ids)
        }
        fn same(key: &KeyColumn<'_>, scores: &[f64]) {
            match both(key, scores) {
                (Ok(a), Ok(b)) => assert_eq!(a.groups(), b.groups()),
                (Err(a), Err(b)) => assert_eq!(
                    (a.code(), a.index(), a.to_string()),
                    (b.code(), b.index(), b.to_string())
                ),
                (a, b) => panic!("{a:?} vs {b:?}"),
            }
        }
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let n = (3 << 20) + 5;
        let raw: Vec<i64> = (0..n).map(|_| (next() % 700) as i64 - 300).collect();
        let mut scores: Vec<f64> = (0..n)
            .map(|_| match next() % 25 {
                0 => f64::NAN,
                k => (k % 11) as f64,
            })
            .collect();
        let i64s = raw.clone();
        let i16s: Vec<i16> = raw.iter().map(|&x| x as i16).collect();
        let u16s: Vec<u16> = raw.iter().map(|&x| (x + 300) as u16).collect();
        let labels: Vec<KeyPart> = (0..700)
            .map(|c| KeyPart::Str(format!("g{}", c % 650)))
            .collect();
        let codes: Vec<i32> = raw.iter().map(|&x| (x + 300) as i32).collect();
        let columns = [
            KeyColumn::Int(Ints::I64(&i64s), None),
            KeyColumn::Int(Ints::I16(&i16s), None),
            KeyColumn::Int(Ints::U16(&u16s), None),
            KeyColumn::Codes {
                codes: Ints::I32(&codes),
                labels: &labels,
                validity: None,
            },
        ];
        for key in &columns {
            same(key, &scores);
            assert_eq!(
                both(key, &scores).0.unwrap().groups().len(),
                if matches!(key, KeyColumn::Codes { .. }) {
                    650
                } else {
                    700
                }
            );
        }
        // invalid scores in either thread's part: the lowest row
        scores[n - 4] = 12.0;
        scores[n / 2 + 9] = -1.0;
        for key in &columns {
            same(key, &scores);
        }
        let e = both(&columns[0], &scores).0.unwrap_err();
        assert_eq!((e.code(), e.index()), ("out_of_scale", Some(n / 2 + 9)));
        // left to the id path: a wide range, a code without a label, a length mismatch
        let wide = [0i64, 1 << 40, 0];
        same(&KeyColumn::Int(Ints::I64(&wide), None), &[1.0, 2.0, 3.0]);
        let bad = [0i32, 700, 1];
        same(
            &KeyColumn::Codes {
                codes: Ints::I32(&bad),
                labels: &labels,
                validity: None,
            },
            &[1.0, 2.0, 3.0],
        );
        let short = [1i64, 2];
        same(&KeyColumn::Int(Ints::I64(&short), None), &[1.0, 2.0, 3.0]);
        same(&KeyColumn::Int(Ints::I64(&[]), None), &[]);
    }

    /// Millions of rows (split over the threads with `parallel`): every group's tally is
    /// the one of its rows alone, and the error names the lowest invalid row in either
    /// thread's part.
    #[test]
    fn large_grouping_equals_per_group_tallies() {
        let mut state = 0x2545_F491_4F6C_DD1D_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let n = 3 << 20;
        let groups = 37u32;
        let codes: Vec<u32> = (0..n)
            .map(|_| (next() % u64::from(groups)) as u32)
            .collect();
        let scores: Vec<f64> = (0..n)
            .map(|_| match next() % 20 {
                0 => f64::NAN,
                k => (k % 11) as f64,
            })
            .collect();
        let labels: Vec<Key> = (0..groups)
            .map(|g| vec![KeyPart::Int(i64::from(g))])
            .collect();
        let s = Segments::from_codes(Scale::NPS, &codes, &labels, &scores, None, OnInvalid::Error)
            .unwrap();
        for (g, label) in labels.iter().enumerate() {
            let mine: Vec<f64> = codes
                .iter()
                .zip(&scores)
                .filter(|(c, _)| **c as usize == g)
                .map(|(_, &x)| x)
                .collect();
            assert_eq!(
                s.groups()[label],
                Tally::from_scores(Scale::NPS, &mine).unwrap()
            );
        }
        for bad in [vec![n - 2], vec![n - 2, n / 2 + 3, 7]] {
            let mut xs = scores.clone();
            for &i in &bad {
                xs[i] = 11.0;
            }
            let e = Segments::from_codes(Scale::NPS, &codes, &labels, &xs, None, OnInvalid::Error)
                .unwrap_err();
            assert_eq!(
                (e.code(), e.index()),
                ("out_of_scale", bad.iter().min().copied())
            );
            let skipped =
                Segments::from_codes(Scale::NPS, &codes, &labels, &xs, None, OnInvalid::Skip)
                    .unwrap();
            let invalid: u64 = skipped.groups().values().map(Tally::invalid).sum();
            assert_eq!(invalid, bad.len() as u64);
        }
    }

    // Segments are built from rows, so the limit cannot be reached from the public
    // API; the groups are set directly to check that `overall` refuses rather than wraps.
    #[test]
    fn overall_never_wraps() {
        let half = Tally::from_counts(Scale::BINARY, &[u64::MAX / 2 + 1, 0]).unwrap();
        let mut s = Segments::new(Scale::BINARY);
        s.groups.insert(vec![KeyPart::Int(1)], half.clone());
        assert_eq!(s.overall().unwrap().n(), u64::MAX / 2 + 1);
        s.groups.insert(vec![KeyPart::Int(2)], half);
        let e = s.overall().unwrap_err();
        assert_eq!(e.code(), "invalid_argument");
        assert!(e.to_string().contains("18446744073709551615"), "{e}");
        let metric = SurveyMetric::Nps(crate::NpsOptions::default());
        let e = s.report(metric, &ReportOptions::default()).unwrap_err();
        assert_eq!(e.code(), "invalid_argument");
    }
}
