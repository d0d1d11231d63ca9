//! The `chart` module: every picture is well-formed XML with the promised frame
//! (viewBox, width, role, accessible name), draws the numbers it states (geometry checked
//! by hand), escapes user text and is deterministic.
//!
//! Set `CX_CHARTS_OUT=<dir>` to also write each SVG there (for looking at them).

use cxmetrics::jiff::{Timestamp, tz::TimeZone};
use cxmetrics::{
    Clock, DurationMetric, DurationOptions, DurationSummary, KeyPart, NpsOptions, OnInvalid,
    Period, ReportOptions, Scale, Segments, SurveyMetric, Tally, Ticket, Tickets, Trend, chart,
    distribution, nps, sla,
};

/// Parses `svg`, checks the frame every chart promises, and returns the accessible name.
fn check(name: &str, svg: &str) -> String {
    if let Ok(dir) = std::env::var("CX_CHARTS_OUT") {
        std::fs::write(format!("{dir}/{name}.svg"), svg).unwrap();
    }
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{name}: {e}\n{svg}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    assert!(
        root.attribute("viewBox").unwrap().starts_with("0 0 640 "),
        "{name}"
    );
    assert_eq!(root.attribute("width"), Some("100%"));
    assert_eq!(root.attribute("role"), Some("img"));
    let label = root.attribute("aria-label").unwrap().to_owned();
    let title = root.children().find(|n| n.has_tag_name("title")).unwrap();
    assert_eq!(
        title.text(),
        Some(label.as_str()),
        "{name}: <title> states the aria-label"
    );
    for node in doc.descendants() {
        assert!(!node.has_tag_name("script") && !node.has_tag_name("foreignObject"));
        for a in node.attributes() {
            assert!(!a.name().contains("href"), "{name}: no external references");
            assert!(
                !a.value().contains("NaN") && !a.value().contains("inf"),
                "{name}: {a:?}"
            );
        }
    }
    label
}

fn rect_widths(svg: &str) -> Vec<f64> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("rect"))
        .map(|n| n.attribute("width").unwrap().parse().unwrap())
        .collect()
}

#[test]
fn nps_bar_is_proportional_and_states_the_numbers() {
    // 3 promoters, 1 passive, 1 detractor of 5: 60 / 20 / 20 %, NPS 40.
    let r = nps(&Tally::from_scores(Scale::NPS, &[10u8, 10, 9, 8, 3]).unwrap()).unwrap();
    let i = r.interval(0.95, None).unwrap();
    let svg = chart::nps(&r, Some(&i));
    let label = check("nps", &svg);
    assert!(label.starts_with(
        "NPS 40.0: promoters 60.0%, passives 20.0%, detractors 20.0%, n = 5; 95% CI "
    ));
    assert!(label.ends_with("(adjusted wald)"));
    // The bar spans 640 − 2×16 = 608 units: 20 % = 121.6, 60 % = 364.8; then the
    // three 10-unit legend swatches.
    assert_eq!(rect_widths(&svg), [121.6, 121.6, 364.8, 10.0, 10.0, 10.0]);
    // The score's marker sits at 16 + (40 + 100) / 200 × 608 = 441.6.
    assert!(svg.contains("<circle cx=\"441.6\" cy=\"112\""));
}

#[test]
fn distribution_colours_the_boxes() {
    let d =
        distribution(&Tally::from_scores(Scale::ONE_TO_FIVE, &[5u8, 5, 4, 2]).unwrap()).unwrap();
    let svg = chart::distribution(&d, None, None);
    let label = check("distribution", &svg);
    assert_eq!(
        label,
        "Distribution, n = 4: 1: 0.0%, 2: 25.0%, 3: 0.0%, 4: 25.0%, 5: 50.0%; \
         top box ≥4: 75.0%, bottom box ≤2: 25.0%"
    );
    // Slots of 608 / 5 = 121.6, bars 70 % of a slot; the tallest (50 %) is 126 high.
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let bars: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("rect"))
        .collect();
    assert_eq!(bars.len(), 3, "points with no answers draw no bar");
    assert_eq!(bars[2].attribute("height"), Some("126"));
    assert!(
        bars[2]
            .attribute("style")
            .unwrap()
            .contains("--cx-promoter")
    );
    assert!(
        bars[0]
            .attribute("style")
            .unwrap()
            .contains("--cx-detractor")
    );
    // A custom top box of 5 only.
    let label = check(
        "distribution_top5",
        &chart::distribution(&d, Some(5), Some(1)),
    );
    assert!(label.ends_with("top box ≥5: 50.0%, bottom box ≤1: 0.0%"));
}

fn keys(ks: &[&str]) -> Vec<Vec<KeyPart>> {
    ks.iter()
        .map(|k| vec![KeyPart::Str((*k).to_owned())])
        .collect()
}

#[test]
fn segments_escape_keys_and_mark_low_n() {
    let m = SurveyMetric::Nps(NpsOptions::default());
    let ks = keys(&["<script>alert('x')</script>", "chat", "chat", "chat"]);
    let s =
        Segments::from_keys(Scale::NPS, &ks, &[0u8, 10, 10, 9], None, OnInvalid::Error).unwrap();
    let opts = ReportOptions {
        min_n: 2,
        ..Default::default()
    };
    let svg = chart::segments(&s.report(m, &opts).unwrap(), &m, Scale::NPS);
    let label = check("segments", &svg);
    assert!(!svg.contains("<script>"));
    assert!(
        svg.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/s…"),
        "clipped to 22 characters"
    );
    assert!(
        label.contains("<script>alert('x')</script> −100.0"),
        "the name holds the full key"
    );
    assert!(label.contains("n = 1, low n"));
    // Overall (3 − 1) / 4 = 50.
    assert!(
        label.ends_with("overall 50.0 (") || label.contains("; overall 50.0"),
        "{label}"
    );
    // The reference line for the overall score is dashed.
    assert!(svg.contains("stroke-dasharray"));
}

#[test]
fn trend_marks_significant_changes() {
    let t = |s: &str| s.parse::<Timestamp>().unwrap();
    let mut times = Vec::new();
    let mut scores = Vec::new();
    for _ in 0..200 {
        times.push(t("2026-01-10T10:00:00Z"));
        scores.push(0u8);
        times.push(t("2026-02-10T10:00:00Z"));
        scores.push(10u8);
    }
    times.push(t("2026-03-10T10:00:00Z"));
    scores.push(10u8);
    let m = SurveyMetric::Nps(NpsOptions::default());
    let rows = Trend::from_scores(
        Scale::NPS,
        &times,
        &scores,
        None,
        OnInvalid::Error,
        Period::Month,
        TimeZone::UTC,
    )
    .unwrap()
    .report(m, &ReportOptions::default())
    .unwrap();
    let svg = chart::trend(&rows, &m, Scale::NPS);
    let label = check("trend", &svg);
    assert!(label.contains("2026-02 100.0"), "{label}");
    assert!(label.contains("significant change 200.0"), "{label}");
    assert!(label.contains("2026-03 100.0"), "{label}");
    assert!(label.contains("n = 1, low n"));
    assert!(svg.contains(">▲</text>"));
    assert!(
        svg.contains("fill:none;stroke:var(--cx-muted"),
        "the low-n period is hollow"
    );
}

#[test]
fn durations_and_sla_draw() {
    let d = DurationSummary::from_durations(&[60.0, 120.0, 600.0, 7200.0], &[30.0], "calendar")
        .unwrap();
    let label = check("durations", &chart::durations(&d));
    // Median of 60, 120, 600, 7200 = 360 s = 6.0 min; p90 = 600 + 0.7 × 6600 = 5220 s
    // = 87.0 min; mean 7980 / 4 = 1995 s = 33.25 min. Kaplan–Meier: the open ticket (30 s)
    // is censored before any event, so S = 3/4 after 60 s and 2/4 after 120 s: 2.0 min.
    assert!(
        label.contains("median 6.0 min, 90th percentile 87.0 min"),
        "{label}"
    );
    assert!(
        label.contains("min 60.0 s, max 2.0 h, Kaplan–Meier median 2.0 min"),
        "{label}"
    );
}

#[test]
fn sla_bars_per_priority() {
    let ts = |s: &str| s.parse::<Timestamp>().unwrap();
    let ticket = |p: &str, answered: &str| Ticket {
        created: ts("2026-11-02T09:00:00Z"),
        first_response: Some(ts(answered)),
        priority: Some(p.into()),
        ..Default::default()
    };
    // high: 20 min and 2 h against a 1 h target → 1 of 2 met; low: 20 min against 1 h → met.
    let t = Tickets::from_records(&[
        ticket("high", "2026-11-02T09:20:00Z"),
        ticket("high", "2026-11-02T11:00:00Z"),
        ticket("low", "2026-11-02T09:20:00Z"),
    ])
    .unwrap();
    let o = DurationOptions {
        clock: Clock::Calendar,
        as_of: None,
    };
    let targets = [("high".to_owned(), 3600.0), ("low".to_owned(), 3600.0)];
    let r = sla(&t, DurationMetric::FirstResponse, &targets, &o).unwrap();
    let svg = chart::sla(&r);
    let label = check("sla", &svg);
    assert_eq!(
        label,
        "SLA attainment (calendar clock): high 50.0% met, 1 of 2 met, 1 breached, 0 running; \
         low 100.0% met, 1 of 1 met, 0 breached, 0 running; \
         overall 66.7% met, 2 of 3 met, 1 breached, 0 running"
    );
    // Bars on 0…100 % from x = 146 to 384 (238 units): high 119, low and the track 238,
    // overall 2/3 of 238 = 158.67.
    assert_eq!(
        rect_widths(&svg),
        [238.0, 119.0, 238.0, 238.0, 238.0, 158.67]
    );
}

#[test]
fn charts_are_deterministic() {
    let t = Tally::from_scores(Scale::NPS, &[10u8, 9, 3, 7, 7, 0]).unwrap();
    let a = chart::nps(&nps(&t).unwrap(), None);
    let b = chart::nps(&nps(&t.clone()).unwrap(), None);
    assert_eq!(a, b);
}
