//! Trends: responses bucketed by local calendar period (day, ISO week, month,
//! quarter) in an IANA time zone, one mergeable [`Tally`] per period; each period's
//! metric with its interval, compared with the latest earlier period that has
//! `n ≥ min_n`, the p-values adjusted across the compared periods (Holm or
//! Benjamini–Hochberg). Rolling windows merge the tallies of the days in the window.
//!
//! The metric and report options are those of [`crate::segments`].

use std::collections::{BTreeMap, HashMap};

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::error::{Error, Result};
use crate::scale::Scale;
use crate::segments::{
    Key, KeyPart, ReportOptions, Segments, SurveyMetric, check_options, group_interval,
};
use crate::stats::{CompareMethod, Estimate, adjust_p_values, compare};
use crate::tally::{OnInvalid, Score, Tally};

/// The name of the time zone whose local dates define the periods when none is given.
pub const DEFAULT_TIME_ZONE: &str = "UTC";

/// The time zone named by [`DEFAULT_TIME_ZONE`].
///
/// ```
/// use cxmetrics::trends::{default_time_zone, DEFAULT_TIME_ZONE};
/// assert_eq!(default_time_zone().iana_name(), Some(DEFAULT_TIME_ZONE));
/// ```
pub fn default_time_zone() -> TimeZone {
    TimeZone::UTC
}

/// A calendar period for trends; the default is [`Period::Month`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Period {
    /// Local calendar day.
    Day,
    /// ISO 8601 week (Monday to Sunday; weeks belong to the ISO week-year).
    IsoWeek,
    /// Calendar month (the default).
    #[default]
    Month,
    /// Calendar quarter.
    Quarter,
}

impl Period {
    /// Parses `"day"`, `"week"`, `"month"` or `"quarter"`.
    ///
    /// # Errors
    /// `invalid_argument` for any other string.
    pub fn parse(s: &str) -> Result<Period> {
        Ok(match s {
            "day" => Period::Day,
            "week" => Period::IsoWeek,
            "month" => Period::Month,
            "quarter" => Period::Quarter,
            other => {
                return Err(Error::invalid_argument(
                    "period",
                    format!("expected \"day\", \"week\", \"month\" or \"quarter\", got {other:?}"),
                ));
            }
        })
    }

    /// The name [`Period::parse`] reads (`"day"`, `"week"`, `"month"`, `"quarter"`).
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::Period;
    /// assert_eq!(Period::default().as_str(), "month");
    /// assert_eq!(Period::parse(Period::IsoWeek.as_str())?, Period::IsoWeek);
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::IsoWeek => "week",
            Period::Month => "month",
            Period::Quarter => "quarter",
        }
    }

    /// The first local date of the period containing `date`.
    pub fn start(self, date: Date) -> Date {
        match self {
            Period::Day => date,
            Period::IsoWeek => {
                // The Monday of the week containing `Date::MIN` precedes it: that
                // partial week starts at `Date::MIN` (all its days share one period).
                let back = i64::from(date.weekday().to_monday_zero_offset());
                jiff::Span::new()
                    .try_days(back)
                    .and_then(|s| date.checked_sub(s))
                    .unwrap_or(Date::MIN)
            }
            Period::Month => date.first_of_month(),
            Period::Quarter => {
                let m = (date.month() - 1) / 3 * 3 + 1;
                Date::new(date.year(), m, 1).unwrap_or(date)
            }
        }
    }

    /// A label for the period starting at `start`: `2026-03-02`, `2026-W10`, `2026-03`
    /// or `2026-Q1`. Years before 1 are written with a sign and at least four digits
    /// (`-0001-06`, year 0 is `0000`), as ISO 8601 expanded years.
    pub fn label(self, start: Date) -> String {
        match self {
            Period::Day => format!(
                "{}-{:02}-{:02}",
                year_label(start.year()),
                start.month(),
                start.day()
            ),
            Period::IsoWeek => {
                let w = start.iso_week_date();
                format!("{}-W{:02}", year_label(w.year()), w.week())
            }
            Period::Month => format!("{}-{:02}", year_label(start.year()), start.month()),
            Period::Quarter => format!(
                "{}-Q{}",
                year_label(start.year()),
                (start.month() - 1) / 3 + 1
            ),
        }
    }
}

/// `2026`, `0000`, `-0001`: four digits at least, a sign for years before 0.
fn year_label(year: i16) -> String {
    if year < 0 {
        format!("-{:04}", year.unsigned_abs())
    } else {
        format!("{year:04}")
    }
}

/// One period of a trend.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct TrendRow {
    /// First local date of the period.
    pub start: Date,
    /// `2026-W10`, `2026-03`, …
    pub label: String,
    /// Valid responses.
    pub n: u64,
    /// Missing responses.
    pub missing: u64,
    /// The metric (`None` without valid responses).
    pub score: Option<f64>,
    /// Lower interval limit.
    pub lower: Option<f64>,
    /// Upper interval limit.
    pub upper: Option<f64>,
    /// `n < min_n`: shown, but not compared.
    pub low_n: bool,
    /// Change from the previous compared period (`score − previous`).
    pub change: Option<f64>,
    /// Two-sided p-value of that change (adjusted Wald / pooled z / Welch).
    pub p_value: Option<f64>,
    /// The p-value adjusted across all compared periods (Holm or BH).
    pub p_adjusted: Option<f64>,
    /// `p_adjusted < alpha`.
    pub significant: bool,
}

/// Per-period tallies of timestamped responses.
///
/// # Formula
/// Each response falls in the period containing its local date in `tz`; each period's
/// change is `compare(this, previous)` where `previous` is the latest earlier period
/// with `n ≥ min_n`; p-values are then adjusted across the compared periods.
///
/// # Edge cases
/// Periods without any response are not emitted. Low-n periods are shown but neither
/// compared nor used as the baseline of the next comparison.
///
/// # Errors
/// `length_mismatch` for times vs scores; row errors as [`Tally::from_scores_with`].
///
/// # Examples
/// ```
/// use cxmetrics::{NpsOptions, OnInvalid, Period, ReportOptions, Scale, SurveyMetric, Trend};
/// use cxmetrics::jiff::{Timestamp, tz::TimeZone};
/// let t = |s: &str| s.parse::<Timestamp>().unwrap();
/// let times = [t("2026-01-05T10:00:00Z"), t("2026-01-20T10:00:00Z"), t("2026-02-03T10:00:00Z")];
/// let tr = Trend::from_scores(Scale::NPS, &times, &[10u8, 0, 9], None, OnInvalid::Error, Period::Month, TimeZone::UTC)?;
/// let rows = tr.report(SurveyMetric::Nps(NpsOptions::default()), &ReportOptions { min_n: 1, ..Default::default() })?;
/// assert_eq!((rows[0].label.as_str(), rows[0].score), ("2026-01", Some(0.0)));
/// assert_eq!((rows[1].label.as_str(), rows[1].change), ("2026-02", Some(100.0)));
/// # Ok::<(), cxmetrics::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Trend {
    period: Period,
    periods: BTreeMap<Date, Tally>,
}

impl Trend {
    /// Buckets `scores` by the period of `times` (local dates in `tz`).
    ///
    /// # Errors
    /// `length_mismatch`; row errors as [`Tally::from_scores_with`].
    pub fn from_scores<T: Score>(
        scale: Scale,
        times: &[Timestamp],
        scores: &[T],
        weights: Option<&[f64]>,
        on_invalid: OnInvalid,
        period: Period,
        tz: TimeZone,
    ) -> Result<Trend> {
        if times.len() != scores.len() {
            return Err(Error::LengthMismatch {
                what: "times and scores",
                left: times.len(),
                right: scores.len(),
            });
        }
        // Each distinct period gets a code; its segment key is that code, and the
        // period's first date is `starts[code]` (any year jiff represents, negative
        // ones included).
        let mut starts: Vec<Date> = Vec::new();
        let mut labels: Vec<Key> = Vec::new();
        let mut codes = Vec::with_capacity(times.len());
        let mut index: HashMap<Date, u32> = HashMap::new();
        for &t in times {
            let d = period.start(tz.to_datetime(t).date());
            let next = u32::try_from(starts.len()).map_err(|_| {
                Error::invalid_argument("times", "more than 2^32 - 1 distinct periods")
            })?;
            let c = *index.entry(d).or_insert_with(|| {
                starts.push(d);
                labels.push(vec![KeyPart::Int(i64::from(next))]);
                next
            });
            codes.push(c);
        }
        let segs = Segments::from_codes(scale, &codes, &labels, scores, weights, on_invalid)?;
        let periods = segs
            .into_groups()
            .into_iter()
            .filter_map(|(k, t)| match k.first() {
                Some(KeyPart::Int(c)) => {
                    let d = usize::try_from(*c).ok().and_then(|c| starts.get(c))?;
                    Some((*d, t))
                }
                _ => None,
            })
            .collect();
        Ok(Trend { period, periods })
    }

    /// A trend from tallies counted elsewhere, one per period (keyed by the period's
    /// first local date, as [`Trend::periods`] and [`period_pieces`] give them) — what a
    /// query engine returns once its per-period counts are brought back as [`Tally`]s.
    /// A date given twice has its tallies merged. The report equals the one of
    /// [`Trend::from_scores`] on the same rows.
    ///
    /// # Errors
    /// `invalid_argument` (`tallies`) for a date that is not the first date of its
    /// period; `scale_mismatch` for tallies on different scales; `invalid_argument` when
    /// a period's merged tallies would hold more than [`Tally::MAX_ROWS`] rows.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::{NpsOptions, Period, ReportOptions, Scale, SurveyMetric, Tally, Trend};
    /// use cxmetrics::jiff::civil::date;
    /// let jan = Tally::from_scores(Scale::NPS, &[10u8, 0])?;
    /// let feb = Tally::from_scores(Scale::NPS, &[9u8])?;
    /// let tr = Trend::from_tallies(Period::Month, [(date(2026, 2, 1), feb), (date(2026, 1, 1), jan)])?;
    /// let rows = tr.report(SurveyMetric::Nps(NpsOptions::default()), &ReportOptions { min_n: 1, ..Default::default() })?;
    /// assert_eq!((rows[0].label.as_str(), rows[1].change), ("2026-01", Some(100.0)));
    /// assert!(Trend::from_tallies(Period::Month, [(date(2026, 2, 3), Tally::new(Scale::NPS))]).is_err());
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn from_tallies(
        period: Period,
        tallies: impl IntoIterator<Item = (Date, Tally)>,
    ) -> Result<Trend> {
        let mut periods: BTreeMap<Date, Tally> = BTreeMap::new();
        let mut scale: Option<Scale> = None;
        for (d, t) in tallies {
            if period.start(d) != d {
                return Err(Error::invalid_argument(
                    "tallies",
                    format!(
                        "{d} is not the first date of a {} period (that is {})",
                        period.as_str(),
                        period.start(d)
                    ),
                ));
            }
            let s = *scale.get_or_insert(t.scale());
            periods
                .entry(d)
                .or_insert_with(|| Tally::new(s))
                .merge(&t)?;
        }
        Ok(Trend { period, periods })
    }

    /// The per-period tallies, by first date.
    pub fn periods(&self) -> &BTreeMap<Date, Tally> {
        &self.periods
    }

    /// The metric per period with intervals, changes, p-values and adjusted significance.
    ///
    /// # Errors
    /// Data-independent metric errors (`scale_mismatch`, `invalid_argument`); an alpha
    /// outside (0, 1) is `invalid_argument`.
    pub fn report(&self, metric: SurveyMetric, options: &ReportOptions) -> Result<Vec<TrendRow>> {
        trend_rows(
            self.period,
            self.periods.iter().map(|(d, t)| (*d, t.clone())),
            metric,
            options,
        )
    }

    /// Rolling windows: for each day with data, the metric over the last `days` days
    /// (that day included: the window `(d − days, d]`), compared with the previous row's
    /// window (they overlap, so read the p-values as a smoothing aid, not as tests of
    /// independent samples).
    ///
    /// # Errors
    /// `invalid_argument` unless the trend is daily and `days ≥ 1`, or when a window
    /// would hold more than [`Tally::MAX_ROWS`] rows; otherwise as [`Trend::report`].
    pub fn rolling(
        &self,
        days: u32,
        metric: SurveyMetric,
        options: &ReportOptions,
    ) -> Result<Vec<TrendRow>> {
        if self.period != Period::Day || days == 0 {
            return Err(Error::invalid_argument(
                "days",
                "rolling windows need a daily trend (period = day) and a window of at least 1 day",
            ));
        }
        // The window (end − days, end]: its first day is end − days + 1, or `Date::MIN`
        // when that precedes the first representable date (a window longer than the
        // calendar — jiff spans stop at about 7.3 million days — holds every day up to
        // `end`).
        let span = jiff::Span::new().try_days(i64::from(days) - 1).ok();
        let window = |end: Date| -> Result<Tally> {
            let first = span
                .and_then(|s| end.checked_sub(s).ok())
                .unwrap_or(Date::MIN);
            let mut acc: Option<Tally> = None;
            for (_, t) in self.periods.range(first..=end) {
                match acc.as_mut() {
                    // same scale by construction; a window above the tally limit is
                    // an error, never a wrapped count
                    Some(a) => a.merge(t)?,
                    None => acc = Some(t.clone()),
                }
            }
            Ok(acc.unwrap_or_else(|| {
                Tally::new(
                    self.periods
                        .values()
                        .next()
                        .map_or(Scale::NPS, Tally::scale),
                )
            }))
        };
        let rows = self
            .periods
            .keys()
            .map(|&d| window(d).map(|t| (d, t)))
            .collect::<Result<Vec<_>>>()?;
        let mut out = trend_rows(Period::Day, rows.into_iter(), metric, options)?;
        for r in &mut out {
            r.label = format!("{} (last {days} d)", r.label);
        }
        Ok(out)
    }
}

/// The most pieces [`period_pieces`] returns (about 27 400 years of days).
pub const MAX_PERIOD_PIECES: usize = 10_000_000;

/// The instants where the period of a time changes, from `first` to `last`: each
/// piece `(start, period_start)` covers `[start, next piece's start)` (the last one up
/// to `last`), and every instant in it falls in the period whose first local date in
/// `tz` is `period_start` — exactly as [`Trend::from_scores`] buckets it.
///
/// This lets a query engine bucket times by period without a time zone database: it
/// finds each time's piece by comparison (a sorted search, an as-of join, a
/// bucketizer), counts per piece, and [`Trend::from_tallies`] takes the tallies keyed
/// by `period_start`. The first piece starts at `first` rounded down to a whole second;
/// later ones start on whole seconds (local midnights and zone transitions), so
/// comparing a time's whole seconds (rounded down) with them gives the same piece.
///
/// # Formula
/// Between two transitions of `tz` the offset `o` is constant, so the local date — and
/// the period — changes only at the instant `next period start (local midnight) − o`;
/// the pieces are those instants and the transitions, keeping the ones where the
/// period differs from the previous piece's (a zone that moves its clock back over
/// midnight can return to an earlier period: that is a new piece too).
///
/// # Errors
/// `invalid_argument` (`last`) when `last < first`, or when there would be more than
/// [`MAX_PERIOD_PIECES`] pieces.
///
/// # Examples
/// ```
/// use cxmetrics::jiff::{civil::date, tz::TimeZone, Timestamp};
/// use cxmetrics::trends::{period_pieces, Period};
/// let tz = TimeZone::get("Europe/Berlin").unwrap();
/// let t = |s: &str| s.parse::<Timestamp>().unwrap();
/// let p = period_pieces(Period::Month, &tz, t("2026-01-20T12:00:00Z"), t("2026-03-05T00:00:00Z"))?;
/// assert_eq!(p[0], (t("2026-01-20T12:00:00Z"), date(2026, 1, 1)));
/// assert_eq!(p[1], (t("2026-01-31T23:00:00Z"), date(2026, 2, 1))); // Berlin midnight, UTC+1
/// assert_eq!(p.len(), 3);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn period_pieces(
    period: Period,
    tz: &TimeZone,
    first: Timestamp,
    last: Timestamp,
) -> Result<Vec<(Timestamp, Date)>> {
    if last < first {
        return Err(Error::invalid_argument(
            "last",
            format!("the last time {last} precedes the first {first}"),
        ));
    }
    // whole seconds, rounded down (`as_second` truncates towards zero)
    let floor = |t: Timestamp| {
        let s = t.as_second();
        if t.subsec_nanosecond() < 0 { s - 1 } else { s }
    };
    let mut t = Timestamp::from_second(floor(first)).unwrap_or(first);
    let period_of = |t: Timestamp| period.start(tz.to_datetime(t).date());
    let mut current = period_of(t);
    let mut out = vec![(t, current)];
    loop {
        let offset = i64::from(tz.to_offset(t).seconds());
        // The first date of the next period, at local midnight under this offset.
        let next_start = match period {
            Period::Day => current.tomorrow().ok(),
            Period::IsoWeek => current.checked_add(jiff::Span::new().days(7)).ok(),
            Period::Month => current.checked_add(jiff::Span::new().months(1)).ok(),
            Period::Quarter => current.checked_add(jiff::Span::new().months(3)).ok(),
        };
        let midnight = next_start.and_then(|d| {
            let local = jiff::tz::Offset::UTC
                .to_timestamp(d.to_datetime(jiff::civil::Time::midnight()))
                .ok()?;
            Timestamp::from_second(local.as_second() - offset).ok()
        });
        let transition = tz.following(t).next().map(|tr| tr.timestamp());
        let next = match (midnight, transition) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => match a.or(b) {
                Some(x) => x,
                None => break,
            },
        };
        if next > last || next <= t {
            break;
        }
        t = next;
        let p = period_of(t);
        if p != current {
            if out.len() >= MAX_PERIOD_PIECES {
                return Err(Error::invalid_argument(
                    "last",
                    format!("the times span more than {MAX_PERIOD_PIECES} periods"),
                ));
            }
            out.push((t, p));
            current = p;
        }
    }
    Ok(out)
}

fn trend_rows(
    period: Period,
    tallies: impl Iterator<Item = (Date, Tally)>,
    metric: SurveyMetric,
    options: &ReportOptions,
) -> Result<Vec<TrendRow>> {
    check_options(options)?;
    let mut rows = Vec::new();
    let mut estimates: Vec<Option<Estimate>> = Vec::new();
    for (d, t) in tallies {
        let computed = match metric.compute(&t) {
            Ok(v) => Some(v),
            Err(Error::Empty { .. } | Error::InvalidWeight { index: None, .. }) => None,
            Err(e) => return Err(e),
        };
        let interval = match computed {
            Some((_, e)) => group_interval(&e, options)?,
            None => None,
        };
        rows.push(TrendRow {
            start: d,
            label: period.label(d),
            n: t.n(),
            missing: t.missing(),
            score: computed.map(|(s, _)| s),
            lower: interval.map(|i| i.lower),
            upper: interval.map(|i| i.upper),
            low_n: t.n() < options.min_n,
            change: None,
            p_value: None,
            p_adjusted: None,
            significant: false,
        });
        estimates.push(computed.map(|(_, e)| e));
    }
    let mut compared: Vec<usize> = Vec::new();
    let mut previous: Option<usize> = None;
    for i in 0..rows.len() {
        let Some(cur) = estimates[i].filter(|_| !rows[i].low_n) else {
            continue;
        };
        if let Some(p) = previous
            && let Some(prev) = estimates[p]
            && let Ok(c) = compare(&cur, &prev, options.level, None::<CompareMethod>)
        {
            rows[i].change = Some(c.difference);
            rows[i].p_value = Some(c.p_value);
            compared.push(i);
        }
        previous = Some(i);
    }
    let raw: Vec<f64> = compared
        .iter()
        .map(|&i| rows[i].p_value.unwrap_or(1.0))
        .collect();
    let adjusted = adjust_p_values(&raw, options.adjust)?;
    for (&i, p) in compared.iter().zip(adjusted) {
        rows[i].p_adjusted = Some(p);
        rows[i].significant = p < options.alpha;
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Periods are built from rows; they are set directly to reach the limit.
    #[test]
    fn rolling_windows_never_wrap() {
        let half = Tally::from_counts(Scale::BINARY, &[0, u64::MAX / 2 + 1]).unwrap();
        let d1 = Date::constant(2026, 1, 1);
        let d2 = Date::constant(2026, 1, 2);
        let metric = SurveyMetric::Nps(crate::NpsOptions {
            buckets: Some(crate::NpsBuckets {
                detractor_max: 0,
                promoter_min: 1,
            }),
        });
        let tr = Trend {
            period: Period::Day,
            periods: BTreeMap::from([(d1, half.clone()), (d2, half)]),
        };
        // one-day windows fit; two-day windows would hold 2^64 rows
        assert_eq!(
            tr.rolling(1, metric, &ReportOptions::default())
                .unwrap()
                .len(),
            2
        );
        let e = tr
            .rolling(2, metric, &ReportOptions::default())
            .unwrap_err();
        assert_eq!(e.code(), "invalid_argument");
        assert!(e.to_string().contains("2^64 - 1"), "{e}");
    }
}
