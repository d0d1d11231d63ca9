//! The displays built on the charts (`chart::html`, `chart::text`, `chart::vega_lite`):
//! well-formed HTML with the chart as a base64 `data:` image, escaped user text, the
//! default interval and the convention in words, pandas-like truncated text tables and
//! Vega-Lite specifications whose data are the result's own numbers. Expectations are
//! hand-written (RFC 4648 base64 vectors, hand-computed scores and layouts).

use cxmetrics::chart::{Cell, SegmentView, Show, Table, TrendView};
use cxmetrics::{
    Comparison, CsatOptions, KeyPart, NpsOptions, OnInvalid, ReportOptions, Scale, SegmentReport,
    Segments, SurveyMetric, Tally, chart, compare, csat, distribution, nps,
};

/// Parses an HTML fragment as XML (every tag balanced or self-closed), refuses scripts
/// and external references, and returns the `src` and `alt` of its `<img>`, if any.
fn check_html(html: &str) -> Option<(String, String)> {
    let doc = roxmltree::Document::parse(html).unwrap_or_else(|e| panic!("{e}\n{html}"));
    let mut img = None;
    for node in doc.descendants() {
        assert!(!node.has_tag_name("script"));
        for a in node.attributes() {
            assert!(!a.name().starts_with("on") && a.name() != "href", "{a:?}");
        }
        if node.has_tag_name("img") {
            img = Some((
                node.attribute("src").unwrap().to_owned(),
                node.attribute("alt").unwrap().to_owned(),
            ));
        }
    }
    img
}

/// Standard base64 decoding, for checking what the display embeds.
fn unbase64(s: &str) -> Vec<u8> {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut n = 0;
    let mut out = Vec::new();
    for c in s.bytes().filter(|&c| c != b'=') {
        bits = (bits << 6) | A.iter().position(|&a| a == c).unwrap() as u32;
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
        }
    }
    out
}

fn sample_nps() -> cxmetrics::NpsResult {
    nps(&Tally::from_scores(Scale::NPS, &[10u8, 10, 9, 8, 3]).unwrap()).unwrap()
}

#[test]
fn base64_matches_rfc_4648_vectors() {
    // RFC 4648 §10 test vectors, through the image the display embeds.
    for (plain, encoded) in [
        ("f", "Zg=="),
        ("fo", "Zm8="),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg=="),
        ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ] {
        let img = chart::svg_img(plain);
        assert!(
            img.contains(&format!("src=\"data:image/svg+xml;base64,{encoded}\"")),
            "{img}"
        );
        assert_eq!(unbase64(encoded), plain.as_bytes());
        assert!(
            img.contains("alt=\"chart\""),
            "no aria-label: a generic alt"
        );
    }
}

#[test]
fn nps_display_has_the_default_interval_the_convention_and_the_chart() {
    let r = sample_nps();
    let html = chart::html(&r);
    let (src, alt) = check_html(&html).expect("an image");
    let svg = String::from_utf8(unbase64(
        src.strip_prefix("data:image/svg+xml;base64,").unwrap(),
    ))
    .unwrap();
    // The chart is the NPS chart with the default interval (95 %, adjusted Wald).
    let interval = r.interval(0.95, None).unwrap();
    assert_eq!(svg, chart::nps(&r, Some(&interval)));
    assert_eq!(chart::svg(&r).as_deref(), Some(svg.as_str()));
    // alt is the chart's accessible name.
    assert!(
        alt.starts_with(
            "NPS 40.0: promoters 60.0%, passives 20.0%, detractors 20.0%, n = 5; 95% CI"
        )
    );
    // Adjusted Wald by hand: n' = 8, p' = (3 + 0.75)/8 = 0.46875, d' = (1 + 0.75)/8 =
    // 0.21875, c' = 0.25, var = (0.6875 - 0.0625)/8 = 0.078125, z·√var = 1.959964 ×
    // 0.279508 = 0.547826 → 100 × (0.25 ± 0.547826) = −29.8 to 79.8.
    assert!(
        html.contains(">95% CI −29.8 to 79.8 (adjusted wald)<"),
        "{html}"
    );
    assert!(html.contains(">promoters ≥9, passives 7–8, detractors ≤6<"));
    assert!(html.contains(">60.0% (3)<"), "promoters with their count");
    for label in ["value", "interval", "n", "missing", "invalid", "convention"] {
        assert!(html.contains(&format!(">{label}</th>")), "{label}");
    }
    assert!(
        !html.contains(">weighted</th>"),
        "unweighted results do not say so"
    );
}

#[test]
fn every_card_renders_without_a_chart_where_none_fits() {
    let t = Tally::from_scores(Scale::ONE_TO_FIVE, &[5u8, 4, 4, 2]).unwrap();
    let c = csat(&t, CsatOptions::default()).unwrap();
    let html = chart::html(&c);
    assert!(check_html(&html).is_none(), "CSAT has no chart");
    assert!(chart::svg(&c).is_none());
    // 3 of 4 answers ≥ 4: 75.0 %. Wilson 95 % by hand (z² = 3.841459): centre
    // (0.75 + z²/8)/(1 + z²/4) = 1.230182/1.960365 = 0.627527; half-width
    // z/(1 + z²/4) × √(0.75 × 0.25/4 + z²/64) = 0.999795 × 0.326953 = 0.326886
    // → 30.1 to 95.4.
    assert!(html.contains(">75.0%<"), "{html}");
    assert!(html.contains(">95% CI 30.1 to 95.4 (wilson)<"), "{html}");
    assert!(html.contains(">top box: % of answers ≥4 (satisfied)<"));
    // A tally shows its distribution.
    let svg = chart::svg(&t).unwrap();
    assert_eq!(
        svg,
        chart::distribution(&distribution(&t).unwrap(), None, None)
    );
    // An empty tally has no chart and still displays.
    let empty = Tally::new(Scale::ONE_TO_FIVE);
    assert!(chart::svg(&empty).is_none());
    assert!(check_html(&chart::html(&empty)).is_none());
}

#[test]
fn a_missing_interval_is_stated_not_raised() {
    // A mean of one answer has no t interval: the display says so.
    let t = Tally::from_scores(Scale::ONE_TO_FIVE, &[4u8]).unwrap();
    let m = cxmetrics::mean(&t).unwrap();
    let text = chart::text(&m);
    assert!(text.contains("\n  interval: none ("), "{text}");
}

fn keys(ks: &[&str]) -> Vec<Vec<KeyPart>> {
    ks.iter()
        .map(|k| vec![KeyPart::Str((*k).to_owned())])
        .collect()
}

fn report(ks: &[&str], scores: &[u8], min_n: u64) -> (SegmentReport, SurveyMetric) {
    let m = SurveyMetric::Nps(NpsOptions::default());
    let s = Segments::from_keys(Scale::NPS, &keys(ks), scores, None, OnInvalid::Error).unwrap();
    let opts = ReportOptions {
        min_n,
        ..Default::default()
    };
    (s.report(m, &opts).unwrap(), m)
}

#[test]
fn segment_display_escapes_keys_and_draws_inline_bars() {
    let evil = "<script>alert(1)</script>";
    let (r, m) = report(&[evil, "chat", "chat", "chat"], &[0, 10, 10, 9], 2);
    let names = vec!["channel".to_owned()];
    let v = SegmentView {
        report: &r,
        metric: &m,
        scale: Scale::NPS,
        key_names: &names,
    };
    let html = chart::html(&v);
    let (_, alt) = check_html(&html).unwrap();
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        alt.contains("&lt;script&gt;") || alt.contains("<script>"),
        "{alt}"
    );
    // Rows sorted by key: "<script…" (U+003C) before "chat". chat: 100 on −100…100 →
    // from 50 % to 100 %; the evil key: −100 → from 0 % to 50 %.
    assert!(html.contains("left:50%;width:50%"), "{html}");
    assert!(html.contains("left:0%;width:50%"), "{html}");
    // Overall (3 − 1)/4 = 50 → 50 % to 75 %, in the bold footer row.
    assert!(html.contains(
        "<tr style=\"font-weight:600\"><td style=\"text-align:left;padding:2px 0\">overall</td>"
    ));
    assert!(html.contains("left:50%;width:25%"), "{html}");
    assert!(html.contains(">channel</th>"));
}

#[test]
fn text_tables_truncate_like_pandas() {
    let t = Table {
        columns: vec!["key".into(), "n".into(), "score".into()],
        rows: (0..61)
            .map(|i| {
                vec![
                    Cell::Text(format!("k{i}")),
                    Cell::Count(i),
                    Cell::Value(Some(-(i as f64) / 4.0)),
                ]
            })
            .collect(),
        footer: Some(vec![
            Cell::Text("overall".into()),
            Cell::Count(1830),
            Cell::Value(None),
        ]),
        bar: None,
    };
    // Column widths by hand: key 7 ("overall"), n 4 ("1830"), score 5 ("-14.0"); two
    // spaces between columns; text left-aligned, numbers right-aligned.
    let expected = "\
key         n  score
k0          0    0.0
k1          1   -0.2
k2          2   -0.5
k3          3   -0.8
k4          4   -1.0
...       ...    ...
k56        56  -14.0
k57        57  -14.2
k58        58  -14.5
k59        59  -14.8
k60        60  -15.0
overall  1830      -
[61 rows x 3 columns]";
    assert_eq!(chart::text_table(&t), expected);
    // At the limit (60 rows) nothing is cut and no shape line is added.
    let mut t60 = t.clone();
    t60.rows.truncate(60);
    let text = chart::text_table(&t60);
    assert_eq!(text.lines().count(), 1 + 60 + 1);
    assert!(!text.contains("..."));
}

#[test]
fn vega_lite_is_json_with_the_results_numbers() {
    let r = sample_nps();
    let spec: serde_json::Value = serde_json::from_str(&chart::vega_lite(&r)).unwrap();
    assert_eq!(
        spec["$schema"],
        "https://vega.github.io/schema/vega-lite/v5.json"
    );
    let values = spec["data"]["values"].as_array().unwrap();
    let share = |g: &str| {
        values.iter().find(|v| v["group"] == g).unwrap()["share"]
            .as_f64()
            .unwrap()
    };
    assert_eq!(share("promoters"), r.promoters);
    assert_eq!(share("passives"), r.passives);
    assert_eq!(share("detractors"), r.detractors);
    // A comparison: difference, limits and p-value exactly (shortest round-trip text).
    let group_a = Tally::from_scores(Scale::NPS, &[10u8, 10, 9, 3, 7]).unwrap();
    let group_b = Tally::from_scores(Scale::NPS, &[0u8, 10, 2, 3, 7]).unwrap();
    let c: Comparison = compare(
        &nps(&group_a).unwrap().estimate(),
        &nps(&group_b).unwrap().estimate(),
        0.95,
        None,
    )
    .unwrap();
    let spec: serde_json::Value = serde_json::from_str(&chart::vega_lite(&c)).unwrap();
    let v = &spec["data"]["values"][0];
    assert_eq!(v["difference"].as_f64(), Some(c.difference));
    assert_eq!(v["lower"].as_f64(), Some(c.lower));
    assert_eq!(v["upper"].as_f64(), Some(c.upper));
    assert_eq!(v["p_value"].as_f64(), Some(c.p_value));
    // Segment keys are JSON-escaped.
    let (rep, m) = report(&["a\"b\\c\n", "chat"], &[0, 10], 1);
    let names = vec!["k".to_owned()];
    let view = SegmentView {
        report: &rep,
        metric: &m,
        scale: Scale::NPS,
        key_names: &names,
    };
    let spec: serde_json::Value = serde_json::from_str(&chart::vega_lite(&view)).unwrap();
    assert_eq!(spec["data"]["values"][0]["segment"], "a\"b\\c\n");
    assert_eq!(spec["data"]["values"][0]["score"].as_f64(), Some(-100.0));
    assert!(
        spec["data"]["values"][0]["impact"].is_number()
            || spec["data"]["values"][0]["impact"].is_null()
    );
    assert_eq!(spec["layer"].as_array().unwrap().len(), 2);
    let _ = view.card();
}

/// Every result type's display: well-formed HTML (images decode to the chart), text
/// that starts with the title, and Vega-Lite that parses with data.
fn check_all<T: Show>(name: &str, x: &T) {
    let card = x.card();
    let html = chart::html(x);
    match (check_html(&html), &card.svg) {
        (Some((src, _)), Some(svg)) => {
            let bytes = unbase64(src.strip_prefix("data:image/svg+xml;base64,").unwrap());
            assert_eq!(&String::from_utf8(bytes).unwrap(), svg, "{name}");
            roxmltree::Document::parse(svg).unwrap();
        }
        (None, None) => {}
        other => panic!("{name}: image and chart disagree: {other:?}"),
    }
    assert!(chart::text(x).starts_with(&card.title), "{name}");
    let spec: serde_json::Value = serde_json::from_str(&chart::vega_lite(x)).unwrap();
    assert_eq!(
        spec["$schema"],
        cxmetrics::chart::VEGA_LITE_SCHEMA,
        "{name}"
    );
    assert!(
        !spec["data"]["values"].as_array().unwrap().is_empty(),
        "{name}"
    );
}

#[test]
fn every_result_type_displays() {
    use cxmetrics::jiff::{Timestamp, tz::TimeZone};
    use cxmetrics::{
        Annualize, CesOptions, ChurnDenominator, Clock, DurationMetric, DurationOptions,
        FcrOptions, Period, Ticket, Tickets, bottom_box, ces, churn_rate, conversion_rate, fcr,
        first_response_time, handle_time, mean, nps_interval, paired_nps, sla,
    };
    let t5 = Tally::from_scores(Scale::ONE_TO_FIVE, &[5u8, 4, 2, 1]).unwrap();
    let t7 = Tally::from_scores(Scale::new(1, 7).unwrap(), &[7u8, 6, 2]).unwrap();
    check_all("nps", &sample_nps());
    check_all("csat", &csat(&t5, CsatOptions::default()).unwrap());
    check_all("ces", &ces(&t7, CesOptions::new(true)).unwrap());
    check_all("mean", &mean(&t5).unwrap());
    check_all("box", &bottom_box(&t5, None).unwrap());
    check_all("distribution", &distribution(&t5).unwrap());
    check_all("tally", &t5);
    check_all("interval", &nps_interval(50, 30, 20, 0.95, None).unwrap());
    let (first, second) = (
        sample_nps(),
        nps(&Tally::from_scores(Scale::NPS, &[0u8, 3, 10]).unwrap()).unwrap(),
    );
    check_all(
        "comparison",
        &compare(&first.estimate(), &second.estimate(), 0.95, None).unwrap(),
    );
    check_all(
        "paired",
        &paired_nps(&[6u8, 7, 9, 3], &[9u8, 8, 9, 6], 0.95).unwrap(),
    );
    let ts = |s: &str| s.parse::<Timestamp>().unwrap();
    let ticket = |p: &str, answered: &str| Ticket {
        created: ts("2026-11-02T09:00:00Z"),
        first_response: Some(ts(answered)),
        solved: vec![ts("2026-11-02T12:00:00Z")],
        agent_replies: 1,
        priority: Some(p.into()),
        ..Default::default()
    };
    let tickets = Tickets::from_records(&[
        ticket("high", "2026-11-02T09:20:00Z"),
        ticket("low", "2026-11-02T11:00:00Z"),
    ])
    .unwrap();
    let opts = DurationOptions {
        clock: Clock::Calendar,
        as_of: None,
    };
    check_all("durations", &first_response_time(&tickets, &opts).unwrap());
    let targets = [("high".to_owned(), 3600.0), ("low".to_owned(), 3600.0)];
    check_all(
        "sla",
        &sla(&tickets, DurationMetric::FirstResponse, &targets, &opts).unwrap(),
    );
    check_all("fcr", &fcr(&tickets, &FcrOptions::default()).unwrap());
    check_all("aht", &handle_time(&[300.0, 420.0], None, None).unwrap());
    check_all("rate", &conversion_rate(3.0, 10.0).unwrap());
    let start = ChurnDenominator::from_name(None, None, None).unwrap();
    check_all(
        "churn",
        &churn_rate(10.0, 100.0, start, None, Annualize::Compound).unwrap(),
    );
    let (rep, m) = report(&["chat", "email"], &[10, 0], 1);
    let names = vec!["channel".to_owned()];
    check_all(
        "segments",
        &SegmentView {
            report: &rep,
            metric: &m,
            scale: Scale::NPS,
            key_names: &names,
        },
    );
    let rows = cxmetrics::Trend::from_scores(
        Scale::NPS,
        &[ts("2026-01-05T10:00:00Z"), ts("2026-02-03T10:00:00Z")],
        &[0u8, 10],
        None,
        OnInvalid::Error,
        Period::Month,
        TimeZone::UTC,
    )
    .unwrap()
    .report(
        m,
        &ReportOptions {
            min_n: 2,
            ..Default::default()
        },
    )
    .unwrap();
    let trend = TrendView {
        rows: &rows,
        metric: &m,
        scale: Scale::NPS,
        period: "month",
    };
    check_all("trend", &trend);
    // One answer a month, both under min_n = 2: shown, not compared. Adjusted Wald by
    // hand for January (one 0): n' = 4, p' = 0.1875, d' = 0.4375, c' = −0.25,
    // √((0.625 − 0.0625)/4) = 0.375, × 1.959964 = 0.735 → −98.5 to 48.5; February mirrors it.
    assert_eq!(
        chart::text_rows(&trend).unwrap(),
        "\
period   n   score  lower  upper  change  p_adjusted  significant  low_n
2026-01  1  -100.0  -98.5   48.5       -           -                 yes
2026-02  1   100.0  -48.5   98.5       -           -                 yes"
    );
}

#[test]
fn people_read_durations_and_counts() {
    let d = cxmetrics::DurationSummary::from_durations(&[60.0, 600.0, 5400.0], &[], "calendar")
        .unwrap();
    let text = chart::text(&d);
    // 60 s stays in seconds (under 90 s); 600 s = 10.0 min; 5400 s = 1.5 h.
    assert!(text.contains("\n  min: 60.0 s\n"), "{text}");
    assert!(text.contains("\n  median: 600.0 s (10.0 min)\n"), "{text}");
    assert!(text.contains("\n  max: 5400.0 s (1.5 h)\n"), "{text}");
    // Counts in HTML tables have thousands separators; in text they do not.
    let t = Table {
        columns: vec!["key".into(), "n".into()],
        rows: vec![vec![Cell::Text("chat".into()), Cell::Count(1323)]],
        footer: None,
        bar: None,
    };
    assert!(chart::html_table(&t).contains(">1,323</td>"));
    assert_eq!(chart::text_table(&t), "key      n\nchat  1323");
}
