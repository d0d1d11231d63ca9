//! What a display shows of each result: the [`Card`] (title, facts, the convention
//! used, the chart, the rows of a table and the Vega-Lite data), built once here for
//! every binding.

use super::pictures::{key_words, nps as nps_chart};
use super::svg::{count, percent, value};
use super::vega::Vega;
use crate::Scale;
use crate::segments::{SegmentReport, SurveyMetric};
use crate::service::{AhtResult, DurationSummary, FcrResult, SlaResult};
use crate::stats::{Comparison, Estimate, Interval, PairedNpsResult};
use crate::survey::{
    BoxResult, CesMethod, CesOptions, CesResult, CsatMethod, CsatOptions, CsatResult, Distribution,
    MeanResult, NpsBuckets, NpsResult, default_bottom, default_top,
};
use crate::tally::Tally;
use crate::trends::TrendRow;
use crate::{ChurnResult, RateResult};

/// Everything a display shows of one result, in words and numbers people read.
///
/// Built by [`Show::card`]; rendered by [`html`](super::html), [`text`](super::text)
/// and [`vega_lite`](super::vega_lite).
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    /// What the result is, in words (`"Net Promoter Score"`).
    pub title: String,
    /// The headline facts, label and value, in reading order (value, interval, counts).
    pub facts: Vec<(String, String)>,
    /// The convention used, in words (`"promoters ≥9, passives 7–8, detractors ≤6"`),
    /// when the result depends on one.
    pub convention: Option<String>,
    /// The chart (standalone SVG text), where a chart fits the result.
    pub svg: Option<String>,
    /// The rows of a report (segments, trend periods), for tables.
    pub table: Option<Table>,
    /// The result as a Vega-Lite chart: its data records and marks.
    pub vega: Vega,
}

/// The rows of a report as a table of cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Column names, in order.
    pub columns: Vec<String>,
    /// One row of cells per segment or period, each as long as `columns`.
    pub rows: Vec<Vec<Cell>>,
    /// A summary row after the others (the overall row of a segment report).
    pub footer: Option<Vec<Cell>>,
    /// Which column's numbers are drawn as inline bars in HTML, and on which range.
    pub bar: Option<(usize, (f64, f64))>,
}

/// One cell of a [`Table`].
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text, left-aligned.
    Text(String),
    /// A count.
    Count(u64),
    /// A value shown with one decimal (`None`: undefined, shown as `-`).
    Value(Option<f64>),
    /// A share 0…1 shown as a percentage with one decimal.
    Percent(f64),
    /// A p-value, four decimals (`None`: not computed, shown as `-`).
    P(Option<f64>),
    /// A flag, shown as `yes` or left blank.
    Flag(bool),
}

/// A result that has a display.
///
/// Implemented for every result type of the library, and for [`SegmentView`] and
/// [`TrendView`] (reports with the metric and scale that fix their axis).
pub trait Show {
    /// The display's content.
    fn card(&self) -> Card;
}

/// A segment report with what its display needs: the metric and scale (the chart's
/// axis, [`SurveyMetric::value_range`]) and the names of the key columns.
#[derive(Debug, Clone, Copy)]
pub struct SegmentView<'a> {
    /// The report.
    pub report: &'a SegmentReport,
    /// The metric it reports.
    pub metric: &'a SurveyMetric,
    /// The scale of the answers.
    pub scale: Scale,
    /// The names of the key columns (joined by ` · ` as the first column's name).
    pub key_names: &'a [String],
}

/// A trend report with the metric and scale that fix its axis.
#[derive(Debug, Clone, Copy)]
pub struct TrendView<'a> {
    /// The periods, in time order.
    pub rows: &'a [TrendRow],
    /// The metric it reports.
    pub metric: &'a SurveyMetric,
    /// The scale of the answers.
    pub scale: Scale,
    /// The period's name (`"month"`), or a rolling window's description.
    pub period: &'a str,
}

// ---------------------------------------------------------------------------------------
// Words shared by the cards.

/// `95% CI 14.1 to 44.2 (adjusted Wald)`, the interval in words.
pub(super) fn interval_words(i: &Interval) -> String {
    format!(
        "{}% CI {} to {} ({})",
        value(i.level * 100.0).trim_end_matches(".0"),
        value(i.lower),
        value(i.upper),
        i.method.as_str().replace('_', " ")
    )
}

/// The default interval of an estimate (the core's default level and method), or why
/// there is none.
fn default_interval(e: &Estimate) -> (Option<Interval>, String) {
    match super::default_interval(e) {
        Ok(i) => {
            let words = interval_words(&i);
            (Some(i), words)
        }
        Err(err) => (None, format!("none ({err})")),
    }
}

fn fact(label: &str, v: impl Into<String>) -> (String, String) {
    (label.to_owned(), v.into())
}

/// The counts every survey result shares.
fn survey_counts(
    facts: &mut Vec<(String, String)>,
    n: u64,
    missing: u64,
    invalid: u64,
    weighted: bool,
    n_eff: f64,
) {
    facts.push(fact("n", count(n)));
    facts.push(fact("missing", count(missing)));
    facts.push(fact("invalid", count(invalid)));
    if weighted {
        facts.push(fact(
            "weighted",
            format!("yes (effective n {})", value(n_eff)),
        ));
    }
}

/// A range of points in words: `9–10`, `9`, or `≥9` when the top is unknown.
fn points(lo: i64, hi: i64) -> String {
    if lo == hi {
        lo.to_string()
    } else {
        format!("{lo}–{hi}")
    }
}

/// The NPS convention: `promoters ≥9, passives 7–8, detractors ≤6`.
pub(super) fn nps_words(detractor_max: i64, promoter_min: i64) -> String {
    let passives = if promoter_min - detractor_max >= 2 {
        points(detractor_max + 1, promoter_min - 1)
    } else {
        "none".to_owned()
    };
    format!("promoters ≥{promoter_min}, passives {passives}, detractors ≤{detractor_max}")
}

fn csat_words(r: &CsatResult) -> String {
    let th = |t: Option<i32>| t.map_or_else(|| "?".to_owned(), |t| t.to_string());
    match r.method {
        CsatMethod::TopBox => format!("top box: % of answers ≥{} (satisfied)", th(r.threshold)),
        CsatMethod::Net => format!(
            "net: % ≥{} minus % ≤{}",
            th(r.threshold),
            th(r.bottom_threshold)
        ),
        CsatMethod::Mean => "mean of the answers".to_owned(),
        CsatMethod::PercentOfMax => "percent of max: mean as % of the scale's top".to_owned(),
    }
}

fn ces_words(r: &CesResult) -> String {
    let direction = if r.higher_is_better {
        "higher is easier"
    } else {
        "lower is easier"
    };
    let th = r
        .threshold
        .map_or_else(String::new, |t| format!(", threshold {t}"));
    let method = match r.method {
        CesMethod::Mean => "mean of the answers",
        CesMethod::NetEffort => "net effort: % easy minus % hard",
        CesMethod::PercentAgree => "percent agree: % of easy answers",
    };
    format!("{method} ({direction}{th})")
}

/// A card for a score with an estimate: value, default interval, the rest.
fn scored(
    title: &str,
    score: f64,
    unit: &str,
    estimate: &Estimate,
    domain: Option<(f64, f64)>,
) -> (Vec<(String, String)>, Vega) {
    let (interval, words) = default_interval(estimate);
    let facts = vec![
        fact("value", format!("{}{unit}", value(score))),
        fact("interval", words),
    ];
    let vega = Vega::estimate(title, score, interval.as_ref(), domain);
    (facts, vega)
}

fn card(title: &str, facts: Vec<(String, String)>, convention: Option<String>, vega: Vega) -> Card {
    Card {
        title: title.to_owned(),
        facts,
        convention,
        svg: None,
        table: None,
        vega,
    }
}

// ---------------------------------------------------------------------------------------
// Survey results.

impl Show for NpsResult {
    /// The NPS chart shows the default interval (95%, adjusted Wald).
    fn card(&self) -> Card {
        let title = "Net Promoter Score";
        let (interval, words) = default_interval(&self.estimate());
        let mut facts = vec![
            fact("value", value(self.score)),
            fact("interval", words),
            fact(
                "promoters",
                format!("{} ({})", percent(self.promoters), count(self.n_promoters)),
            ),
            fact(
                "passives",
                format!("{} ({})", percent(self.passives), count(self.n_passives)),
            ),
            fact(
                "detractors",
                format!(
                    "{} ({})",
                    percent(self.detractors),
                    count(self.n_detractors)
                ),
            ),
        ];
        survey_counts(
            &mut facts,
            self.n,
            self.missing,
            self.invalid,
            self.weighted,
            self.n_eff,
        );
        let vega = Vega::nps(self);
        Card {
            svg: Some(nps_chart(self, interval.as_ref())),
            ..card(
                title,
                facts,
                Some(nps_words(
                    self.buckets.detractor_max,
                    self.buckets.promoter_min,
                )),
                vega,
            )
        }
    }
}

impl Show for CsatResult {
    fn card(&self) -> Card {
        let unit = if self.method == CsatMethod::Mean {
            ""
        } else {
            "%"
        };
        let domain = SurveyMetric::Csat(CsatOptions {
            method: self.method,
            ..CsatOptions::default()
        })
        .fixed_range();
        let title = "Customer Satisfaction (CSAT)";
        let (mut facts, vega) = scored(title, self.score, unit, &self.estimate(), domain);
        survey_counts(
            &mut facts,
            self.n,
            self.missing,
            self.invalid,
            self.weighted,
            self.n_eff,
        );
        card(title, facts, Some(csat_words(self)), vega)
    }
}

impl Show for CesResult {
    fn card(&self) -> Card {
        let unit = if self.method == CesMethod::PercentAgree {
            "%"
        } else {
            ""
        };
        let domain = SurveyMetric::Ces(CesOptions {
            method: self.method,
            ..CesOptions::new(self.higher_is_better)
        })
        .fixed_range();
        let title = "Customer Effort Score (CES)";
        let (mut facts, vega) = scored(title, self.score, unit, &self.estimate(), domain);
        survey_counts(
            &mut facts,
            self.n,
            self.missing,
            self.invalid,
            self.weighted,
            self.n_eff,
        );
        card(title, facts, Some(ces_words(self)), vega)
    }
}

impl Show for MeanResult {
    fn card(&self) -> Card {
        let title = "Mean score";
        let (mut facts, vega) = scored(title, self.score, "", &self.estimate(), None);
        if let Some(sd) = self.std_dev {
            facts.push(fact("std dev", value(sd)));
        }
        survey_counts(
            &mut facts,
            self.n,
            self.missing,
            self.invalid,
            self.weighted,
            self.n_eff,
        );
        card(title, facts, Some("mean of the answers".to_owned()), vega)
    }
}

impl Show for BoxResult {
    fn card(&self) -> Card {
        let title = "Box score";
        let (mut facts, vega) =
            scored(title, self.score, "%", &self.estimate(), Some((0.0, 100.0)));
        facts.push(fact("in the box", count(self.count)));
        survey_counts(
            &mut facts,
            self.n,
            self.missing,
            self.invalid,
            self.weighted,
            self.n_eff,
        );
        let words = format!(
            "% of answers in the box bounded by {} (top box: ≥, bottom box: ≤)",
            self.threshold
        );
        card(title, facts, Some(words), vega)
    }
}

/// The box thresholds of a distribution (the `top_box` / `bottom_box` defaults).
fn box_words(points: &[i32]) -> Option<String> {
    let scale = Scale::new(i64::from(*points.first()?), i64::from(*points.last()?)).ok()?;
    Some(format!(
        "scale {scale}; top box ≥{}, bottom box ≤{}",
        default_top(scale),
        default_bottom(scale)
    ))
}

impl Show for Distribution {
    fn card(&self) -> Card {
        let title = "Distribution of answers";
        let mut facts = vec![fact("n", count(self.n))];
        facts.push(fact(
            "shares",
            self.points
                .iter()
                .zip(&self.shares)
                .map(|(p, s)| format!("{p}: {}", percent(*s)))
                .collect::<Vec<_>>()
                .join(", "),
        ));
        Card {
            svg: Some(super::distribution(self, None, None)),
            ..card(
                title,
                facts,
                box_words(&self.points),
                Vega::distribution(title, &self.points, &self.counts, &self.shares),
            )
        }
    }
}

impl Show for Tally {
    /// The chart is the distribution of the answers (none while the tally is empty).
    fn card(&self) -> Card {
        let title = "Tally";
        let scale = self.scale();
        let mut facts = vec![fact("scale", scale.to_string())];
        survey_counts(
            &mut facts,
            self.n(),
            self.missing(),
            self.invalid(),
            self.is_weighted(),
            self.n_eff(),
        );
        let d = crate::survey::distribution(self).ok();
        let points: Vec<i32> = d.as_ref().map_or_else(Vec::new, |d| d.points.clone());
        let (counts, shares) = d.as_ref().map_or_else(
            || (Vec::new(), Vec::new()),
            |d| (d.counts.clone(), d.shares.clone()),
        );
        Card {
            svg: d
                .as_ref()
                .filter(|d| d.n > 0)
                .map(|d| super::distribution(d, None, None)),
            ..card(
                title,
                facts,
                box_words(&points),
                Vega::distribution(title, &points, &counts, &shares),
            )
        }
    }
}

// ---------------------------------------------------------------------------------------
// Statistics.

impl Show for Interval {
    fn card(&self) -> Card {
        let title = "Confidence interval";
        let facts = vec![
            fact("lower", value(self.lower)),
            fact("upper", value(self.upper)),
            fact("level", format!("{}%", value(self.level * 100.0))),
            fact("method", self.method.as_str().replace('_', " ")),
        ];
        let vega = Vega::interval(title, self);
        card(title, facts, None, vega)
    }
}

fn difference_card(
    title: &str,
    (difference, lower, upper, p, level): (f64, f64, f64, f64, f64),
    method: &str,
    mut more: Vec<(String, String)>,
) -> Card {
    let mut facts = vec![
        fact("difference", value(difference)),
        fact(
            "interval",
            format!(
                "{}% CI {} to {}",
                value(level * 100.0).trim_end_matches(".0"),
                value(lower),
                value(upper)
            ),
        ),
        fact("p-value", format!("{p:.4}")),
    ];
    facts.append(&mut more);
    let vega = Vega::difference(title, difference, lower, upper, p);
    card(
        title,
        facts,
        Some(format!("{} (a − b)", method.replace('_', " "))),
        vega,
    )
}

impl Show for Comparison {
    fn card(&self) -> Card {
        let mut more = vec![fact("statistic", format!("{:.3}", self.statistic))];
        if let Some(df) = self.df {
            more.push(fact("df", value(df)));
        }
        difference_card(
            "Comparison of two groups",
            (
                self.difference,
                self.lower,
                self.upper,
                self.p_value,
                self.level,
            ),
            self.method.as_str(),
            more,
        )
    }
}

impl Show for PairedNpsResult {
    fn card(&self) -> Card {
        let more = vec![
            fact("statistic", format!("{:.3}", self.statistic)),
            fact("df", value(self.df)),
            fact("pairs", count(self.n)),
            fact("missing", count(self.missing)),
        ];
        difference_card(
            "Paired NPS comparison",
            (
                self.difference,
                self.lower,
                self.upper,
                self.p_value,
                self.level,
            ),
            self.method.as_str(),
            more,
        )
    }
}

// ---------------------------------------------------------------------------------------
// Service and lifecycle.

/// Seconds for people, with the short duration alongside when it is not in seconds
/// already (`45.0 s`, `60.0 s`, `600.0 s (10.0 min)`).
fn seconds(s: f64) -> String {
    let words = super::pictures::duration(s);
    if words.ends_with(" s") {
        format!("{} s", value(s))
    } else {
        format!("{} s ({words})", value(s))
    }
}

impl Show for DurationSummary {
    fn card(&self) -> Card {
        let title = "Durations";
        let mut facts = vec![fact("n", count(self.n)), fact("open", count(self.open))];
        if self.n > 0 {
            for (label, v) in [
                ("median", self.median),
                ("mean", self.mean),
                ("p90", self.p90),
                ("min", self.min),
                ("max", self.max),
            ] {
                facts.push(fact(label, seconds(v)));
            }
        }
        if let Some(km) = self.km_median {
            facts.push(fact("Kaplan–Meier median", seconds(km)));
        }
        Card {
            svg: Some(super::durations(self)),
            ..card(
                title,
                facts,
                Some(format!("{} clock; open tickets censored", self.clock)),
                Vega::durations(title, self),
            )
        }
    }
}

impl Show for SlaResult {
    fn card(&self) -> Card {
        let title = "SLA attainment";
        let row_words = |r: &crate::service::SlaRow| {
            format!(
                "{} (met {}, breached {}, running {})",
                r.score
                    .map_or_else(|| "-".to_owned(), |s| format!("{}%", value(s))),
                count(r.achieved),
                count(r.breached),
                count(r.running)
            )
        };
        let mut facts = vec![
            fact("overall", row_words(&self.overall)),
            fact("n", count(self.overall.n)),
        ];
        for r in &self.rows {
            let name = r.priority.as_deref().unwrap_or("(none)");
            facts.push((format!("priority {name}"), row_words(r)));
        }
        facts.push(fact("untargeted", count(self.untargeted)));
        Card {
            svg: Some(super::sla(self)),
            ..card(
                title,
                facts,
                Some(format!(
                    "{} against each priority's target, {} clock",
                    self.metric.as_str().replace('_', " "),
                    self.clock
                )),
                Vega::sla(title, self),
            )
        }
    }
}

impl Show for FcrResult {
    fn card(&self) -> Card {
        let title = "First contact resolution";
        let (mut facts, vega) =
            scored(title, self.score, "%", &self.estimate(), Some((0.0, 100.0)));
        facts.push(fact("resolved first", count(self.count)));
        facts.push(fact("n", count(self.n)));
        let words = format!(
            "denominator: {}",
            self.denominator.as_str().replace('_', " ")
        );
        card(title, facts, Some(words), vega)
    }
}

impl Show for AhtResult {
    fn card(&self) -> Card {
        let title = "Average handle time";
        let (mut facts, vega) = scored(title, self.score, " s", &self.estimate(), None);
        for (label, v) in [
            ("talk", self.talk),
            ("hold", self.hold),
            ("wrap", self.wrap),
        ] {
            facts.push(fact(label, seconds(v)));
        }
        if let Some(sd) = self.std_dev {
            facts.push(fact("std dev", format!("{} s", value(sd))));
        }
        facts.push(fact("n", count(self.n)));
        facts.push(fact("missing", count(self.missing)));
        card(
            title,
            facts,
            Some("talk + hold + wrap per contact, mean".to_owned()),
            vega,
        )
    }
}

impl Show for RateResult {
    fn card(&self) -> Card {
        let title = "Rate";
        let (mut facts, vega) =
            scored(title, self.score, "%", &self.estimate(), Some((0.0, 100.0)));
        facts.push(fact("count", value(self.count)));
        facts.push(fact("n", value(self.n)));
        card(title, facts, Some("count / n, in percent".to_owned()), vega)
    }
}

impl Show for ChurnResult {
    fn card(&self) -> Card {
        let title = "Churn";
        let (mut facts, vega) =
            scored(title, self.score, "%", &self.estimate(), Some((0.0, 100.0)));
        if let Some(a) = self.annualized {
            facts.push(fact("annualized", format!("{}%", value(a))));
        }
        facts.push(fact("churned", value(self.churned)));
        facts.push(fact("n", value(self.n)));
        card(
            title,
            facts,
            Some("churned / customers at risk, in percent".to_owned()),
            vega,
        )
    }
}

// ---------------------------------------------------------------------------------------
// Reports.

/// The metric in words, with its convention: `NPS (promoters ≥9, …)`.
fn metric_words(m: &SurveyMetric) -> (String, String) {
    match m {
        SurveyMetric::Nps(o) => {
            let b = o.buckets.unwrap_or(NpsBuckets::STANDARD);
            ("NPS".to_owned(), nps_words(b.detractor_max, b.promoter_min))
        }
        SurveyMetric::Csat(o) => ("CSAT".to_owned(), o.method.as_str().replace('_', " ")),
        SurveyMetric::Ces(o) => ("CES".to_owned(), o.method.as_str().replace('_', " ")),
        SurveyMetric::Mean => ("Mean".to_owned(), "mean of the answers".to_owned()),
        SurveyMetric::TopBox(t) => (
            "Top box".to_owned(),
            t.map_or_else(
                || "top box (default threshold)".to_owned(),
                |t| format!("% of answers ≥{t}"),
            ),
        ),
        SurveyMetric::BottomBox(t) => (
            "Bottom box".to_owned(),
            t.map_or_else(
                || "bottom box (default threshold)".to_owned(),
                |t| format!("% of answers ≤{t}"),
            ),
        ),
    }
}

impl Show for SegmentView<'_> {
    fn card(&self) -> Card {
        let (name, words) = metric_words(self.metric);
        let title = format!("{name} by segment");
        let o = &self.report.overall;
        let mut facts = vec![
            fact("segments", count(self.report.rows.len() as u64)),
            fact("overall", o.score.map_or_else(|| "-".to_owned(), value)),
        ];
        if let (Some(l), Some(u)) = (o.lower, o.upper) {
            facts.push(fact(
                "overall interval",
                format!("{} to {}", value(l), value(u)),
            ));
        }
        facts.push(fact("n", count(o.n)));
        facts.push(fact("missing", count(o.missing)));
        facts.push(fact("invalid", count(o.invalid)));
        let key = if self.key_names.is_empty() {
            "segment".to_owned()
        } else {
            self.key_names.join(" · ")
        };
        let cells = |label: String, r: &crate::segments::SegmentRow| {
            vec![
                Cell::Text(label),
                Cell::Count(r.n),
                Cell::Value(r.score),
                Cell::Value(r.lower),
                Cell::Value(r.upper),
                Cell::Percent(r.share),
                Cell::Flag(r.low_n),
                Cell::Value(r.impact),
            ]
        };
        let table = Table {
            columns: [
                key.as_str(),
                "n",
                "score",
                "lower",
                "upper",
                "share",
                "low_n",
                "impact",
            ]
            .map(str::to_owned)
            .to_vec(),
            rows: self
                .report
                .rows
                .iter()
                .map(|r| cells(key_words(&r.key), r))
                .collect(),
            footer: Some(cells("overall".to_owned(), o)),
            bar: Some((2, self.metric.value_range(self.scale))),
        };
        Card {
            title: title.clone(),
            facts,
            convention: Some(words),
            svg: Some(super::segments(self.report, self.metric, self.scale)),
            table: Some(table),
            vega: Vega::segments(&title, self),
        }
    }
}

impl Show for TrendView<'_> {
    fn card(&self) -> Card {
        let (name, words) = metric_words(self.metric);
        let title = format!("{name} by {}", self.period);
        let facts = vec![
            fact("periods", count(self.rows.len() as u64)),
            fact(
                "significant changes",
                count(self.rows.iter().filter(|r| r.significant).count() as u64),
            ),
        ];
        let table = Table {
            columns: [
                "period",
                "n",
                "score",
                "lower",
                "upper",
                "change",
                "p_adjusted",
                "significant",
                "low_n",
            ]
            .map(str::to_owned)
            .to_vec(),
            rows: self
                .rows
                .iter()
                .map(|r| {
                    vec![
                        Cell::Text(r.label.clone()),
                        Cell::Count(r.n),
                        Cell::Value(r.score),
                        Cell::Value(r.lower),
                        Cell::Value(r.upper),
                        Cell::Value(r.change),
                        Cell::P(r.p_adjusted),
                        Cell::Flag(r.significant),
                        Cell::Flag(r.low_n),
                    ]
                })
                .collect(),
            footer: None,
            bar: Some((2, self.metric.value_range(self.scale))),
        };
        Card {
            title: title.clone(),
            facts,
            convention: Some(words),
            svg: Some(super::trend(self.rows, self.metric, self.scale)),
            table: Some(table),
            vega: Vega::trend(&title, self),
        }
    }
}
