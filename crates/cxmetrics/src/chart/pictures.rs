//! The pictures: NPS, distribution, segments, trend, durations and SLA.

use super::show::interval_words;
use super::svg::{Anchor, Axis, Colour, Font, PAD, Svg, WIDTH, clip, count, percent, value};
use crate::Scale;
use crate::segments::{Key, SegmentReport, SegmentRow, SurveyMetric};
use crate::service::{DurationSummary, SlaResult};
use crate::stats::Interval;
use crate::survey::{Distribution, NpsResult, default_bottom, default_top};
use crate::trends::TrendRow;

const RIGHT: f64 = WIDTH - PAD;

fn passives_words(detractor_max: i64, promoter_min: i64) -> String {
    match promoter_min - detractor_max {
        2 => format!("Passives {}", detractor_max + 1),
        d if d > 2 => format!("Passives {}–{}", detractor_max + 1, promoter_min - 1),
        _ => "Passives (none)".to_owned(),
    }
}

/// A Net Promoter Score: a stacked bar of detractors, passives and promoters, and the
/// score with its interval on a −100…100 axis.
///
/// `interval` is the score's confidence interval, if one should be drawn (in NPS points,
/// as [`NpsResult::interval`] returns it).
///
/// # Examples
/// ```
/// use cxmetrics::{chart, nps, Scale, Tally};
/// let r = nps(&Tally::from_scores(Scale::NPS, &[10u8, 10, 9, 8, 3])?)?;
/// let svg = chart::nps(&r, None);
/// assert!(svg.contains("aria-label=\"NPS 40.0: promoters 60.0%, passives 20.0%, detractors 20.0%, n = 5\""));
/// # Ok::<(), cxmetrics::Error>(())
/// ```
#[allow(
    clippy::many_single_char_names,
    reason = "x, y, w, h: the geometry's own names"
)]
pub fn nps(r: &NpsResult, interval: Option<&Interval>) -> String {
    let b = r.buckets;
    let mut label = format!(
        "NPS {}: promoters {}, passives {}, detractors {}, n = {}",
        value(r.score),
        percent(r.promoters),
        percent(r.passives),
        percent(r.detractors),
        count(r.n)
    );
    if let Some(i) = interval {
        label = format!("{label}; {}", interval_words(i));
    }
    let mut s = Svg::new(150.0, &label);
    s.text(
        (PAD, 24.0),
        Anchor::Start,
        Font::Head,
        &format!("NPS {}", value(r.score)),
    );
    let note = match interval {
        Some(i) => format!("{} · n = {}", interval_words(i), count(r.n)),
        None => format!("n = {}", count(r.n)),
    };
    s.text((RIGHT, 24.0), Anchor::End, Font::Small, &note);

    // The stacked bar, detractors on the left.
    let (y, h, width) = (36.0, 26.0, RIGHT - PAD);
    let parts = [
        (
            r.detractors,
            Colour::Detractor,
            format!("Detractors ≤{}", b.detractor_max),
        ),
        (
            r.passives,
            Colour::Passive,
            passives_words(b.detractor_max, b.promoter_min),
        ),
        (
            r.promoters,
            Colour::Promoter,
            format!("Promoters ≥{}", b.promoter_min),
        ),
    ];
    let mut x = PAD;
    for (share, colour, _) in &parts {
        let w = share * width;
        s.rect(x, y, w, h, *colour, 1.0);
        if w >= 44.0 {
            s.text_coloured(
                (x + w / 2.0, y + 17.0),
                Anchor::Middle,
                Font::Body,
                Colour::OnBar,
                &percent(*share),
            );
        }
        x += w;
    }
    // Legend.
    let mut lx = PAD;
    for (share, colour, name) in &parts {
        s.rect(lx, 72.0, 10.0, 10.0, *colour, 1.0);
        let text = format!("{name}: {}", percent(*share));
        s.text((lx + 14.0, 81.0), Anchor::Start, Font::Small, &text);
        lx += 200.0;
    }
    // The score on its −100…100 axis.
    let axis = Axis::new((-100.0, 100.0), PAD, RIGHT);
    let ay = 112.0;
    s.line((PAD, ay), (RIGHT, ay), Colour::Grid, 1.0, 1.0, false);
    for t in axis.ticks() {
        s.line(
            (axis.at(t), ay - 3.0),
            (axis.at(t), ay + 3.0),
            Colour::Grid,
            1.0,
            1.0,
            false,
        );
        s.text(
            (axis.at(t), ay + 18.0),
            Anchor::Middle,
            Font::Small,
            &value(t).replace(".0", ""),
        );
    }
    if let Some(i) = interval {
        s.line(
            (axis.at(i.lower), ay),
            (axis.at(i.upper), ay),
            Colour::Accent,
            6.0,
            0.35,
            false,
        );
    }
    s.circle((axis.at(r.score), ay), 5.0, Colour::Accent, false);
    s.finish()
}

/// The distribution of answers over a scale's points, one bar per point, with the top
/// box (points ≥ `top`) and bottom box (points ≤ `bottom`) coloured.
///
/// `top` / `bottom` default to the thresholds [`top_box`](crate::top_box) and
/// [`bottom_box`](crate::bottom_box) use (the top and bottom two points; one point on
/// scales of 2–3 points). Bars are shares of the (weighted) answers.
///
/// # Examples
/// ```
/// use cxmetrics::{chart, distribution, Scale, Tally};
/// let d = distribution(&Tally::from_scores(Scale::ONE_TO_FIVE, &[5u8, 5, 4, 2])?)?;
/// let svg = chart::distribution(&d, None, None);
/// assert!(svg.contains("aria-label=\"Distribution, n = 4: 1: 0.0%, 2: 25.0%, 3: 0.0%, 4: 25.0%, 5: 50.0%; top box ≥4: 75.0%, bottom box ≤2: 25.0%\""));
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn distribution(d: &Distribution, top: Option<i32>, bottom: Option<i32>) -> String {
    let (first, last) = (
        d.points.first().copied().unwrap_or(0),
        d.points.last().copied().unwrap_or(0),
    );
    let scale = Scale::new(i64::from(first), i64::from(last)).ok();
    let pick = |given: Option<i32>, default: fn(Scale) -> i64| {
        given.or_else(|| scale.and_then(|s| i32::try_from(default(s)).ok()))
    };
    let (top, bottom) = (pick(top, default_top), pick(bottom, default_bottom));
    let share_where = |f: &dyn Fn(i32) -> bool| -> f64 {
        d.points
            .iter()
            .zip(&d.shares)
            .filter(|(p, _)| f(**p))
            .map(|(_, s)| s)
            .sum()
    };
    let mut label = format!("Distribution, n = {}: ", count(d.n));
    label.push_str(
        &d.points
            .iter()
            .zip(&d.shares)
            .map(|(p, s)| format!("{p}: {}", percent(*s)))
            .collect::<Vec<_>>()
            .join(", "),
    );
    let mut boxes = Vec::new();
    if let Some(t) = top {
        boxes.push(format!(
            "top box ≥{t}: {}",
            percent(share_where(&|p| p >= t))
        ));
    }
    if let Some(b) = bottom {
        boxes.push(format!(
            "bottom box ≤{b}: {}",
            percent(share_where(&|p| p <= b))
        ));
    }
    if !boxes.is_empty() {
        label = format!("{label}; {}", boxes.join(", "));
    }

    let mut s = Svg::new(210.0, &label);
    s.text((PAD, 24.0), Anchor::Start, Font::Head, "Distribution");
    s.text(
        (RIGHT, 24.0),
        Anchor::End,
        Font::Small,
        &format!("{} · n = {}", boxes.join(" · "), count(d.n)),
    );
    let (top_y, base_y) = (44.0, 170.0);
    let slot = (RIGHT - PAD) / d.points.len().max(1) as f64;
    let max = d.shares.iter().copied().fold(0.0, f64::max);
    // Label every k-th point so that labels do not collide on long scales.
    let every = ((28.0 / slot).ceil() as usize).max(1);
    for (i, (p, share)) in d.points.iter().zip(&d.shares).enumerate() {
        let x = PAD + slot * i as f64;
        let colour = match (top, bottom) {
            (Some(t), _) if *p >= t => Colour::Promoter,
            (_, Some(b)) if *p <= b => Colour::Detractor,
            _ => Colour::Accent,
        };
        let h = if max > 0.0 {
            share / max * (base_y - top_y)
        } else {
            0.0
        };
        s.rect(x + slot * 0.15, base_y - h, slot * 0.7, h, colour, 1.0);
        if slot >= 40.0 {
            s.text(
                (x + slot / 2.0, base_y - h - 5.0),
                Anchor::Middle,
                Font::Small,
                &percent(*share),
            );
        }
        if i % every == 0 || i + 1 == d.points.len() {
            s.text(
                (x + slot / 2.0, base_y + 16.0),
                Anchor::Middle,
                Font::Body,
                &p.to_string(),
            );
        }
    }
    s.line(
        (PAD, base_y),
        (RIGHT, base_y),
        Colour::Grid,
        1.0,
        1.0,
        false,
    );
    s.finish()
}

/// The key of a segment row as text: its parts joined by ` · `.
pub(super) fn key_words(key: &Key) -> String {
    key.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" · ")
}

fn row_words(name: &str, r: &SegmentRow) -> String {
    let score = r.score.map_or_else(|| "no valid answers".to_owned(), value);
    let ci = match (r.lower, r.upper) {
        (Some(l), Some(u)) => format!(" ({} to {})", value(l), value(u)),
        _ => String::new(),
    };
    let low = if r.low_n { ", low n" } else { "" };
    format!("{name} {score}{ci}, n = {}{low}", count(r.n))
}

/// A segment report: one bar per segment from the axis origin to its score, its
/// interval as a whisker, low-n segments faded and marked, and the overall score as a
/// dashed reference line.
///
/// `metric` and `scale` fix the axis: the metric's full range
/// ([`SurveyMetric::value_range`]), so charts of the same metric compare by eye.
///
/// # Examples
/// ```
/// use cxmetrics::{chart, KeyPart, NpsOptions, OnInvalid, ReportOptions, Scale, Segments, SurveyMetric};
/// let keys: Vec<Vec<KeyPart>> = ["chat", "chat", "email"].iter().map(|k| vec![KeyPart::Str((*k).into())]).collect();
/// let m = SurveyMetric::Nps(NpsOptions::default());
/// let r = Segments::from_keys(Scale::NPS, &keys, &[10u8, 9, 0], None, OnInvalid::Error)?
///     .report(m, &ReportOptions::default())?;
/// let svg = chart::segments(&r, &m, Scale::NPS);
/// assert!(svg.contains("chat 100.0"));
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn segments(report: &SegmentReport, metric: &SurveyMetric, scale: Scale) -> String {
    let name = metric.kind().name().to_uppercase();
    let label = format!(
        "{name} by segment: {}; overall {}",
        report
            .rows
            .iter()
            .map(|r| row_words(&key_words(&r.key), r))
            .collect::<Vec<_>>()
            .join("; "),
        row_words("", &report.overall).trim_start()
    );
    let row_h = 26.0;
    let top = 48.0;
    let height = top + row_h * report.rows.len() as f64 + 36.0;
    let mut s = Svg::new(height, &label);
    s.text(
        (PAD, 24.0),
        Anchor::Start,
        Font::Head,
        &format!("{name} by segment"),
    );
    let overall = report.overall.score;
    let note = format!(
        "overall {} · n = {}",
        overall.map_or_else(|| "—".to_owned(), value),
        count(report.overall.n)
    );
    s.text((RIGHT, 24.0), Anchor::End, Font::Small, &note);

    let (label_w, n_w) = (150.0, 70.0);
    let axis = Axis::new(metric.value_range(scale), PAD + label_w, RIGHT - n_w);
    let origin = axis.at(0.0_f64.clamp(axis.lo, axis.hi));
    let bottom = top + row_h * report.rows.len() as f64;
    for (i, r) in report.rows.iter().enumerate() {
        let y = top + row_h * i as f64;
        let name = clip(&key_words(&r.key), 22);
        let (colour, opacity) = if r.low_n {
            (Colour::Muted, 0.6)
        } else {
            (Colour::Accent, 1.0)
        };
        s.text(
            (PAD + label_w - 8.0, y + 16.0),
            Anchor::End,
            Font::Body,
            &name,
        );
        if let Some(v) = r.score {
            let x = axis.at(v);
            s.rect(
                origin.min(x),
                y + 6.0,
                (x - origin).abs(),
                row_h - 12.0,
                colour,
                opacity,
            );
            if let (Some(l), Some(u)) = (r.lower, r.upper) {
                let c = y + row_h / 2.0;
                s.line(
                    (axis.at(l), c),
                    (axis.at(u), c),
                    Colour::Grid,
                    1.5,
                    1.0,
                    false,
                );
                s.line(
                    (axis.at(l), c - 4.0),
                    (axis.at(l), c + 4.0),
                    Colour::Grid,
                    1.5,
                    1.0,
                    false,
                );
                s.line(
                    (axis.at(u), c - 4.0),
                    (axis.at(u), c + 4.0),
                    Colour::Grid,
                    1.5,
                    1.0,
                    false,
                );
            }
        }
        let right = format!(
            "{}{}",
            r.score.map_or_else(|| "—".to_owned(), value),
            if r.low_n { " low n" } else { "" }
        );
        s.text((RIGHT, y + 16.0), Anchor::End, Font::Small, &right);
    }
    s.line(
        (axis.at(axis.lo), bottom),
        (axis.at(axis.hi), bottom),
        Colour::Grid,
        1.0,
        1.0,
        false,
    );
    for t in axis.ticks() {
        s.text(
            (axis.at(t), bottom + 16.0),
            Anchor::Middle,
            Font::Small,
            &tick(t),
        );
    }
    if let Some(o) = overall {
        let x = axis.at(o);
        s.line((x, top - 4.0), (x, bottom), Colour::Grid, 1.5, 1.0, true);
    }
    s.finish()
}

/// A tick label: no decimals for whole numbers.
fn tick(t: f64) -> String {
    let v = value(t);
    v.strip_suffix(".0").map_or(v.clone(), str::to_owned)
}

/// A trend: the score per period as a line, its interval as a band, low-n periods as
/// hollow points, and significant changes marked ▲ or ▼.
///
/// `metric` and `scale` fix the vertical axis as in [`segments`].
///
/// # Examples
/// ```
/// use cxmetrics::{chart, NpsOptions, OnInvalid, Period, ReportOptions, Scale, SurveyMetric, Trend};
/// use cxmetrics::jiff::{Timestamp, tz::TimeZone};
/// let t = |s: &str| s.parse::<Timestamp>().unwrap();
/// let times = [t("2026-01-05T10:00:00Z"), t("2026-02-03T10:00:00Z")];
/// let m = SurveyMetric::Nps(NpsOptions::default());
/// let rows = Trend::from_scores(Scale::NPS, &times, &[0u8, 10], None, OnInvalid::Error, Period::Month, TimeZone::UTC)?
///     .report(m, &ReportOptions { min_n: 1, ..Default::default() })?;
/// let svg = chart::trend(&rows, &m, Scale::NPS);
/// assert!(svg.contains("2026-01 −100.0") && svg.contains("2026-02 100.0"));
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn trend(rows: &[TrendRow], metric: &SurveyMetric, scale: Scale) -> String {
    let name = metric.kind().name().to_uppercase();
    let label = format!(
        "{name} by period: {}",
        rows.iter()
            .map(trend_row_words)
            .collect::<Vec<_>>()
            .join("; ")
    );
    let mut s = Svg::new(240.0, &label);
    s.text(
        (PAD, 24.0),
        Anchor::Start,
        Font::Head,
        &format!("{name} by period"),
    );
    let (top, bottom, left) = (44.0, 190.0, PAD + 40.0);
    let yaxis = Axis::new(metric.value_range(scale), bottom, top);
    for t in yaxis.ticks() {
        let y = yaxis.at(t);
        s.line((left, y), (RIGHT, y), Colour::Grid, 0.5, 0.5, false);
        s.text((left - 6.0, y + 4.0), Anchor::End, Font::Small, &tick(t));
    }
    let step = if rows.len() > 1 {
        (RIGHT - left - 20.0) / (rows.len() - 1) as f64
    } else {
        0.0
    };
    let x = |i: usize| {
        left + 10.0
            + step * i as f64
            + if rows.len() == 1 {
                (RIGHT - left - 20.0) / 2.0
            } else {
                0.0
            }
    };
    // The band and the line, broken where a period has no score.
    let mut band_hi = Vec::new();
    let mut band_lo = Vec::new();
    let mut line = Vec::new();
    let flush = |s: &mut Svg,
                 hi: &mut Vec<(f64, f64)>,
                 lo: &mut Vec<(f64, f64)>,
                 line: &mut Vec<(f64, f64)>| {
        lo.reverse();
        hi.append(lo);
        s.path(hi, Colour::Accent, true);
        s.path(line, Colour::Accent, false);
        hi.clear();
        line.clear();
    };
    for (i, r) in rows.iter().enumerate() {
        match r.score {
            Some(v) => {
                line.push((x(i), yaxis.at(v)));
                if let (Some(l), Some(u)) = (r.lower, r.upper) {
                    band_hi.push((x(i), yaxis.at(u)));
                    band_lo.push((x(i), yaxis.at(l)));
                }
            }
            None => flush(&mut s, &mut band_hi, &mut band_lo, &mut line),
        }
    }
    flush(&mut s, &mut band_hi, &mut band_lo, &mut line);
    let every = ((60.0 / step.max(1.0)).ceil() as usize).max(1);
    for (i, r) in rows.iter().enumerate() {
        if let Some(v) = r.score {
            s.circle(
                (x(i), yaxis.at(v)),
                3.5,
                if r.low_n {
                    Colour::Muted
                } else {
                    Colour::Accent
                },
                r.low_n,
            );
            if r.significant {
                let up = r.change.is_some_and(|c| c > 0.0);
                let (mark, colour, dy) = if up {
                    ("▲", Colour::Up, -9.0)
                } else {
                    ("▼", Colour::Down, 17.0)
                };
                s.text_coloured(
                    (x(i), yaxis.at(v) + dy),
                    Anchor::Middle,
                    Font::Body,
                    colour,
                    mark,
                );
            }
        }
        if i % every == 0 || i + 1 == rows.len() {
            s.text((x(i), bottom + 18.0), Anchor::Middle, Font::Small, &r.label);
        }
    }
    s.text(
        (RIGHT, 24.0),
        Anchor::End,
        Font::Small,
        "▲▼ significant change · ○ low n",
    );
    s.finish()
}

fn trend_row_words(r: &TrendRow) -> String {
    let score = r.score.map_or_else(|| "no valid answers".to_owned(), value);
    let ci = match (r.lower, r.upper) {
        (Some(l), Some(u)) => format!(" ({} to {})", value(l), value(u)),
        _ => String::new(),
    };
    let low = if r.low_n { ", low n" } else { "" };
    let change = match r.change {
        Some(c) if r.significant => format!(", significant change {}", value(c)),
        _ => String::new(),
    };
    format!("{} {score}{ci}, n = {}{low}{change}", r.label, count(r.n))
}

/// Seconds as a short duration: `45 s`, `12.5 min`, `3.2 h`, `2.1 d`.
pub(super) fn duration(secs: f64) -> String {
    let (v, unit) = match secs.abs() {
        a if a < 90.0 => (secs, "s"),
        a if a < 90.0 * 60.0 => (secs / 60.0, "min"),
        a if a < 36.0 * 3600.0 => (secs / 3600.0, "h"),
        _ => (secs / 86_400.0, "d"),
    };
    format!("{} {unit}", value(v))
}

/// A duration summary: the range of completed durations as a line from min to max,
/// with the median, the 90th percentile, the mean and the Kaplan–Meier median (open
/// tickets censored) marked.
///
/// # Examples
/// ```
/// use cxmetrics::{chart, DurationSummary};
/// let d = DurationSummary::from_durations(&[60.0, 120.0, 600.0], &[], "calendar")?;
/// assert!(chart::durations(&d).contains("median 2.0 min"));
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn durations(d: &DurationSummary) -> String {
    let km = d
        .km_median
        .map_or_else(|| "not reached".to_owned(), duration);
    let label = format!(
        "Durations ({} clock), n = {}, open {}: median {}, 90th percentile {}, mean {}, min {}, max {}, Kaplan–Meier median {km}",
        d.clock,
        count(d.n),
        count(d.open),
        duration(d.median),
        duration(d.p90),
        duration(d.mean),
        duration(d.min),
        duration(d.max),
    );
    let mut s = Svg::new(130.0, &label);
    s.text(
        (PAD, 24.0),
        Anchor::Start,
        Font::Head,
        &format!("Median {}", duration(d.median)),
    );
    let note = format!(
        "{} clock · n = {} · open {}",
        d.clock,
        count(d.n),
        count(d.open)
    );
    s.text((RIGHT, 24.0), Anchor::End, Font::Small, &note);
    let hi = d.max.max(d.km_median.unwrap_or(0.0));
    let axis = Axis::new(
        (0.0, if hi > 0.0 { hi } else { 1.0 }),
        PAD + 10.0,
        RIGHT - 10.0,
    );
    let y = 66.0;
    s.line(
        (axis.at(d.min), y),
        (axis.at(d.max), y),
        Colour::Grid,
        2.0,
        1.0,
        false,
    );
    s.rect(
        axis.at(d.median),
        y - 10.0,
        axis.at(d.p90) - axis.at(d.median),
        20.0,
        Colour::Accent,
        0.35,
    );
    s.line(
        (axis.at(d.median), y - 12.0),
        (axis.at(d.median), y + 12.0),
        Colour::Accent,
        3.0,
        1.0,
        false,
    );
    s.circle((axis.at(d.mean), y), 4.0, Colour::Accent, true);
    if let Some(k) = d.km_median {
        s.line(
            (axis.at(k), y - 14.0),
            (axis.at(k), y + 14.0),
            Colour::Grid,
            1.5,
            1.0,
            true,
        );
    }
    let marks = [
        ("min", d.min),
        ("median", d.median),
        ("p90", d.p90),
        ("max", d.max),
    ];
    let legend: Vec<String> = marks
        .iter()
        .map(|(n, v)| format!("{n} {}", duration(*v)))
        .collect();
    s.text(
        (PAD, 104.0),
        Anchor::Start,
        Font::Small,
        &format!("{} · mean {} (○)", legend.join(" · "), duration(d.mean)),
    );
    s.text(
        (PAD, 120.0),
        Anchor::Start,
        Font::Small,
        &format!("Kaplan–Meier median {km} (dashed; open tickets censored)"),
    );
    s.finish()
}

/// SLA attainment: one bar per priority (share of targeted tickets that met their
/// target, breaches and still-running tickets stated), and the overall row.
///
/// # Examples
/// See the bindings' `to_svg()`; the picture is a function of the [`SlaResult`] alone.
pub fn sla(r: &SlaResult) -> String {
    let rows: Vec<(String, &crate::service::SlaRow)> = r
        .rows
        .iter()
        .map(|row| {
            (
                row.priority
                    .clone()
                    .unwrap_or_else(|| "(no priority)".to_owned()),
                row,
            )
        })
        .chain(std::iter::once(("overall".to_owned(), &r.overall)))
        .collect();
    let words = |row: &crate::service::SlaRow| {
        format!(
            "{} met, {} of {} met, {} breached, {} running",
            row.score
                .map_or_else(|| "—".to_owned(), |v| format!("{}%", value(v))),
            count(row.achieved),
            count(row.n),
            count(row.breached),
            count(row.running)
        )
    };
    let label = format!(
        "SLA attainment ({} clock): {}",
        r.clock,
        rows.iter()
            .map(|(k, row)| format!("{k} {}", words(row)))
            .collect::<Vec<_>>()
            .join("; ")
    );
    let row_h = 26.0;
    let top = 44.0;
    let mut s = Svg::new(top + row_h * rows.len() as f64 + 30.0, &label);
    s.text((PAD, 24.0), Anchor::Start, Font::Head, "SLA attainment");
    s.text(
        (RIGHT, 24.0),
        Anchor::End,
        Font::Small,
        &format!("{} clock", r.clock),
    );
    let (label_w, note_w) = (130.0, 240.0);
    let axis = Axis::new((0.0, 100.0), PAD + label_w, RIGHT - note_w);
    for (i, (k, row)) in rows.iter().enumerate() {
        let y = top + row_h * i as f64;
        let overall = i + 1 == rows.len();
        s.text(
            (PAD + label_w - 8.0, y + 16.0),
            Anchor::End,
            Font::Body,
            &clip(k, 18),
        );
        s.rect(
            axis.at(0.0),
            y + 6.0,
            axis.at(100.0) - axis.at(0.0),
            row_h - 12.0,
            Colour::Grid,
            0.2,
        );
        if let Some(v) = row.score {
            let colour = if overall {
                Colour::Promoter
            } else {
                Colour::Accent
            };
            s.rect(
                axis.at(0.0),
                y + 6.0,
                axis.at(v) - axis.at(0.0),
                row_h - 12.0,
                colour,
                1.0,
            );
        }
        let note = format!(
            "{} · {}/{} met · {} running",
            row.score
                .map_or_else(|| "—".to_owned(), |v| format!("{}%", value(v))),
            count(row.achieved),
            count(row.n),
            count(row.running)
        );
        s.text((RIGHT, y + 16.0), Anchor::End, Font::Small, &note);
    }
    s.finish()
}
