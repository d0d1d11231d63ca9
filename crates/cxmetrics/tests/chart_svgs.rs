//! The core's charts of the shared conformance vectors' inputs, drawn natively: the
//! expectation of the cross-language check (a binding's `toSVG()` / `to_svg()` must give
//! these bytes for the same inputs).
//!
//! Every successful case of `tests/vectors/survey.json` gives a distribution chart (the
//! case's scale, weights and invalid-value policy) and, for `nps` cases, an NPS chart
//! with the default 95 % interval; every successful `segment` / `trend` case of
//! `segments.json` its segments / trend chart; every successful duration-summary and `sla`
//! case of `service.json` its durations / SLA chart. Each SVG must parse as XML. With
//! `CX_CHART_SVGS=<dir>` they are also written to `<dir>/<file stem>-<case index>-<kind>.svg`
//! (what `bindings/wasm/tests/node/charts.test.mjs` compares the JS build against).

mod common;

use common::{number, numbers, vectors};
use cxmetrics::jiff::Timestamp;
use cxmetrics::jiff::tz::TimeZone;
use cxmetrics::{
    Clock, DurationMetric, DurationOptions, Error, KeyPart, Level, MetricKind, MetricOptions,
    NpsBuckets, NpsOptions, OnInvalid, PAdjust, Period, ReportOptions, ResolutionKind, Scale,
    Schedule, Segments, SurveyMetric, Tally, Ticket, Tickets, Trend, Window, chart, distribution,
    first_response_time, nps_with, parse_date, parse_instant, requester_wait_time, resolution_time,
    sla,
};
use serde_json::Value;

fn opt<'a>(o: &'a Value, k: &str) -> Option<&'a Value> {
    o.get(k).filter(|v| !v.is_null())
}

fn opt_str<'a>(o: &'a Value, k: &str, default: &'a str) -> &'a str {
    opt(o, k).and_then(Value::as_str).unwrap_or(default)
}

fn on_invalid(o: &Value) -> Result<OnInvalid, Error> {
    OnInvalid::parse(opt_str(o, "on_invalid", "error"))
}

/// The SVGs of one survey case: `[("distribution", svg), ("nps", svg)]` as far as they
/// can be drawn (a case that errors draws nothing).
fn survey(case: &Value) -> Vec<(&'static str, String)> {
    let o = &case["options"];
    let function = case["function"].as_str().unwrap();
    let (lo, hi) = match (opt(o, "scale"), function) {
        (Some(s), _) => (s[0].as_i64().unwrap(), s[1].as_i64().unwrap()),
        (None, "nps") => (0, 10),
        (None, "csat") => (1, 5),
        _ => return Vec::new(),
    };
    let Ok(scale) = Scale::new(lo, hi) else {
        return Vec::new();
    };
    let Ok(policy) = on_invalid(o) else {
        return Vec::new();
    };
    let weights = opt(case, "weights").map(numbers);
    let scores = numbers(&case["scores"]);
    let Ok(tally) = Tally::from_scores_with(scale, &scores, weights.as_deref(), policy) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Ok(d) = distribution(&tally) {
        out.push(("distribution", chart::distribution(&d, None, None)));
    }
    if function == "nps" {
        let buckets = opt(o, "buckets").map(|b| NpsBuckets {
            detractor_max: b["detractor_max"].as_i64().unwrap(),
            promoter_min: b["promoter_min"].as_i64().unwrap(),
        });
        if let Ok(r) = nps_with(&tally, NpsOptions { buckets }) {
            let interval = r.interval(Level::DEFAULT.get(), None).ok();
            out.push(("nps", chart::nps(&r, interval.as_ref())));
        }
    }
    out
}

/// The survey metric and scale of a segment / trend case, resolved by the core.
fn metric(o: &Value) -> Result<(SurveyMetric, Scale), Error> {
    let kind = MetricKind::parse(opt_str(o, "metric", "nps"))?;
    let method = opt(o, "method").and_then(Value::as_str).map(str::to_owned);
    let options = MetricOptions {
        buckets: opt(o, "buckets").map(|b| NpsBuckets {
            detractor_max: b["detractor_max"].as_i64().unwrap(),
            promoter_min: b["promoter_min"].as_i64().unwrap(),
        }),
        csat_method: method.clone().filter(|_| kind == MetricKind::Csat),
        ces_method: method.filter(|_| kind == MetricKind::Ces),
        threshold: opt(o, "threshold").and_then(Value::as_i64),
        bottom_threshold: opt(o, "bottom_threshold").and_then(Value::as_i64),
        higher_is_better: opt(o, "higher_is_better").and_then(Value::as_bool),
    };
    let m = SurveyMetric::resolve(kind, options)?;
    let scale = match opt(o, "scale") {
        Some(s) => Scale::new(s[0].as_i64().unwrap(), s[1].as_i64().unwrap())?,
        None => kind.default_scale().expect("the case names a scale"),
    };
    Ok((m, scale))
}

fn report_options(o: &Value) -> Result<ReportOptions, Error> {
    let d = ReportOptions::default();
    Ok(ReportOptions {
        level: opt(o, "level").map_or(d.level, number),
        min_n: opt(o, "min_n").map_or(d.min_n, |v| v.as_u64().unwrap()),
        adjust: opt(o, "adjust")
            .and_then(Value::as_str)
            .map_or(Ok(d.adjust), PAdjust::parse)?,
        alpha: opt(o, "alpha").map_or(d.alpha, number),
        ..d
    })
}

fn segment(case: &Value) -> Result<String, Error> {
    let o = &case["options"];
    let (m, scale) = metric(o)?;
    let scores = numbers(&case["scores"]);
    let cols: Vec<&Vec<Value>> = case["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_array().unwrap())
        .collect();
    let keys: Vec<Vec<KeyPart>> = (0..scores.len())
        .map(|i| {
            cols.iter()
                .map(|c| match &c[i] {
                    Value::String(s) => KeyPart::Str(s.clone()),
                    v => KeyPart::Int(v.as_i64().expect("int or str key")),
                })
                .collect()
        })
        .collect();
    let weights = opt(case, "weights").map(numbers);
    let s = Segments::from_keys(scale, &keys, &scores, weights.as_deref(), on_invalid(o)?)?;
    let r = s.report(m, &report_options(o)?)?;
    Ok(chart::segments(&r, &m, scale))
}

fn trend(case: &Value) -> Result<String, Error> {
    let o = &case["options"];
    let (m, scale) = metric(o)?;
    let period = Period::parse(opt_str(o, "period", "month"))?;
    let options = report_options(o)?;
    let tz = TimeZone::get(opt_str(o, "time_zone", "UTC")).expect("a known zone");
    let times = case["times"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| parse_instant(t.as_str().expect("an ISO instant")))
        .collect::<Result<Vec<_>, _>>()?;
    let scores = numbers(&case["scores"]);
    let weights = opt(case, "weights").map(numbers);
    let tr = Trend::from_scores(
        scale,
        &times,
        &scores,
        weights.as_deref(),
        on_invalid(o)?,
        period,
        tz,
    )?;
    let rows = match opt(o, "rolling_days") {
        Some(d) => tr.rolling(u32::try_from(d.as_u64().unwrap()).unwrap(), m, &options)?,
        None => tr.report(m, &options)?,
    };
    Ok(chart::trend(&rows, &m, scale))
}

/// Checks `svg` is XML with the chart frame; writes it when `CX_CHART_SVGS` is set.
fn emit(stem: &str, index: usize, kind: &str, svg: &str) {
    let doc = roxmltree::Document::parse(svg)
        .unwrap_or_else(|e| panic!("{stem} case {index} {kind}: {e}\n{svg}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert!(root.attribute("aria-label").is_some());
    if let Ok(dir) = std::env::var("CX_CHART_SVGS") {
        std::fs::write(format!("{dir}/{stem}-{index}-{kind}.svg"), svg).unwrap();
    }
}

#[test]
fn every_survey_vector_draws() {
    let v = vectors("survey.json");
    let mut drawn = 0;
    for (i, case) in v["cases"].as_array().unwrap().iter().enumerate() {
        if case.get("expected_error").is_some_and(|e| !e.is_null()) {
            continue;
        }
        for (kind, svg) in survey(case) {
            emit("survey", i, kind, &svg);
            drawn += 1;
        }
    }
    assert!(drawn >= 200, "only {drawn} survey charts");
}

#[test]
fn every_segments_vector_draws() {
    let v = vectors("segments.json");
    let mut drawn = 0;
    for (i, case) in v["cases"].as_array().unwrap().iter().enumerate() {
        if case.get("expected_error").is_some_and(|e| !e.is_null()) {
            continue;
        }
        let (kind, svg) = match case["function"].as_str().unwrap() {
            "segment" => ("segments", segment(case)),
            _ => ("trend", trend(case)),
        };
        let svg = svg.unwrap_or_else(|e| panic!("segments.json case {i}: {e}"));
        emit("segments", i, kind, &svg);
        drawn += 1;
    }
    assert!(drawn >= 100, "only {drawn} segment and trend charts");
}

fn instant(v: &Value) -> Option<Timestamp> {
    v.as_str().map(|s| parse_instant(s).expect("an instant"))
}

fn schedule(v: &Value) -> Result<Schedule, Error> {
    let windows = v["windows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            Window::parse(
                w[0].as_str().unwrap(),
                w[1].as_str().unwrap(),
                w[2].as_str().unwrap(),
            )
        })
        .collect::<Result<Vec<_>, _>>()?;
    let holidays = v["holidays"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| parse_date(d.as_str().unwrap()))
        .collect::<Result<Vec<_>, _>>()?;
    Schedule::from_iana(v["time_zone"].as_str().unwrap(), &windows, &holidays)
}

fn tickets(v: &Value) -> Result<Tickets, Error> {
    let list = |r: &Value, k: &str| -> Vec<Timestamp> {
        r.get(k)
            .and_then(Value::as_array)
            .map_or(Vec::new(), |a| a.iter().filter_map(instant).collect())
    };
    let records: Vec<Ticket> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| Ticket {
            created: instant(&r["created"]).unwrap(),
            first_response: r.get("first_response").and_then(instant),
            solved: list(r, "solved"),
            reopened: list(r, "reopened"),
            agent_replies: r.get("agent_replies").and_then(Value::as_u64).unwrap_or(0) as u32,
            customer_followups: r
                .get("customer_followups")
                .and_then(Value::as_u64)
                .unwrap_or(0) as u32,
            paused: r
                .get("paused")
                .and_then(Value::as_array)
                .map_or(Vec::new(), |a| {
                    a.iter()
                        .map(|p| (instant(&p[0]).unwrap(), instant(&p[1]).unwrap()))
                        .collect()
                }),
            channel: r.get("channel").and_then(Value::as_str).map(str::to_owned),
            priority: r.get("priority").and_then(Value::as_str).map(str::to_owned),
        })
        .collect();
    Tickets::from_records(&records)
}

/// The durations / SLA chart of a service case (`None` for the other functions).
fn service(case: &Value) -> Option<(&'static str, Result<String, Error>)> {
    let function = case["function"].as_str().unwrap();
    if !matches!(
        function,
        "first_response_time" | "requester_wait_time" | "resolution_time" | "sla"
    ) {
        return None;
    }
    let draw = || -> Result<String, Error> {
        let o = &case["options"];
        let sched = opt(o, "schedule").map(schedule).transpose()?;
        let clock = match (opt_str(o, "clock", "calendar"), &sched) {
            ("business", Some(s)) => Clock::Business(s),
            _ => Clock::Calendar,
        };
        let opts = DurationOptions {
            clock,
            as_of: opt(o, "as_of").and_then(instant),
        };
        let t = tickets(&case["tickets"])?;
        Ok(match function {
            "first_response_time" => chart::durations(&first_response_time(&t, &opts)?),
            "requester_wait_time" => chart::durations(&requester_wait_time(&t, &opts)?),
            "resolution_time" => {
                let kind = ResolutionKind::parse(opt_str(o, "kind", "full"))?;
                chart::durations(&resolution_time(&t, kind, &opts)?)
            }
            _ => {
                let metric = DurationMetric::parse(opt_str(o, "metric", "first_response"))?;
                let targets: Vec<(String, f64)> = o["targets"]
                    .as_object()
                    .unwrap()
                    .iter()
                    .map(|(k, v)| (k.clone(), number(v)))
                    .collect();
                chart::sla(&sla(&t, metric, &targets, &opts)?)
            }
        })
    };
    Some((
        if function == "sla" {
            "sla"
        } else {
            "durations"
        },
        draw(),
    ))
}

#[test]
fn every_service_vector_draws() {
    let v = vectors("service.json");
    let mut drawn = 0;
    for (i, case) in v["cases"].as_array().unwrap().iter().enumerate() {
        if case.get("expected_error").is_some_and(|e| !e.is_null()) {
            continue;
        }
        if let Some((kind, svg)) = service(case) {
            let svg = svg.unwrap_or_else(|e| panic!("service.json case {i}: {e}"));
            emit("service", i, kind, &svg);
            drawn += 1;
        }
    }
    assert!(drawn >= 100, "only {drawn} duration and SLA charts");
}
