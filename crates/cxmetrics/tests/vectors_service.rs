//! Runs every case of `tests/vectors/service.json` (expected values from a
//! minute-by-minute zoneinfo oracle and lifelines, `tests/vectors/oracle_service.py`).
#![allow(clippy::many_single_char_names)]

mod common;

use common::{Compare, every_case_passes};
use cxmetrics::jiff::Timestamp;
use cxmetrics::{
    Clock, DurationMetric, DurationOptions, DurationSummary, Error, FcrDenominator, FcrOptions,
    ResolutionKind, Schedule, Ticket, Tickets, Window, fcr, first_response_time, handle_time,
    parse_date, parse_instant, requester_wait_time, resolution_time, sla, ticket_durations,
};
use serde_json::{Map, Value, json};

fn instant(v: &Value) -> Result<Option<Timestamp>, Error> {
    v.as_str().map(parse_instant).transpose()
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
    let mut out = Vec::new();
    for r in v.as_array().unwrap() {
        let list = |k: &str| -> Result<Vec<Timestamp>, Error> {
            r.get(k)
                .and_then(Value::as_array)
                .map_or(Ok(Vec::new()), |a| {
                    a.iter().map(|x| Ok(instant(x)?.unwrap())).collect()
                })
        };
        let paused = r
            .get("paused")
            .and_then(Value::as_array)
            .map_or(Ok(Vec::new()), |a| {
                a.iter()
                    .map(|p| Ok((instant(&p[0])?.unwrap(), instant(&p[1])?.unwrap())))
                    .collect::<Result<Vec<_>, Error>>()
            })?;
        out.push(Ticket {
            created: instant(&r["created"])?.unwrap(),
            first_response: r.get("first_response").map_or(Ok(None), instant)?,
            solved: list("solved")?,
            reopened: list("reopened")?,
            agent_replies: r.get("agent_replies").and_then(Value::as_u64).unwrap_or(0) as u32,
            customer_followups: r
                .get("customer_followups")
                .and_then(Value::as_u64)
                .unwrap_or(0) as u32,
            paused,
            channel: r.get("channel").and_then(Value::as_str).map(str::to_owned),
            priority: r.get("priority").and_then(Value::as_str).map(str::to_owned),
        });
    }
    Tickets::from_records(&out)
}

fn summary_json(s: &DurationSummary, o: &Map<String, Value>) -> Result<Value, Error> {
    let mut v = json!({"n": s.n, "open": s.open, "mean": s.mean, "median": s.median, "p90": s.p90,
        "min": s.min, "max": s.max, "km_median": s.km_median, "clock": s.clock});
    if let Some(qs) = o.get("percentiles").and_then(Value::as_array) {
        let mut m = Map::new();
        for q in qs {
            let q = common::number(q);
            m.insert(format!("{q:?}"), json!(s.percentile(q)?));
        }
        v["percentiles"] = Value::Object(m);
    }
    Ok(v)
}

fn run(case: &Value) -> Result<Value, Error> {
    let empty = Map::new();
    let o = case
        .get("options")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let sched = o.get("schedule").map(schedule).transpose()?;
    let clock = match (o.get("clock").and_then(Value::as_str), &sched) {
        (Some("business"), Some(s)) => Clock::Business(s),
        (Some("business"), None) => {
            return Err(Error::invalid_argument(
                "schedule",
                "business time needs a schedule",
            ));
        }
        _ => Clock::Calendar,
    };
    let opts = DurationOptions {
        clock,
        as_of: o.get("as_of").map_or(Ok(None), instant)?,
    };
    Ok(match case["function"].as_str().unwrap() {
        "business_seconds" => {
            let s = schedule(&case["schedule"])?;
            let (a, b) = (
                instant(&case["start"])?.unwrap(),
                instant(&case["end"])?.unwrap(),
            );
            json!({"seconds": s.business_seconds(a, b)?})
        }
        "add_business" => {
            let s = schedule(&case["schedule"])?;
            let t = s.add_business(
                instant(&case["start"])?.unwrap(),
                common::number(&case["seconds"]),
            )?;
            json!({"instant": t.to_string()})
        }
        "ticket_durations" => {
            let t = tickets(&case["tickets"])?;
            let metric = DurationMetric::parse(o["metric"].as_str().unwrap())?;
            json!({"durations": ticket_durations(&t, metric, &DurationOptions { clock, as_of: None })?})
        }
        "first_response_time" => {
            summary_json(&first_response_time(&tickets(&case["tickets"])?, &opts)?, o)?
        }
        "requester_wait_time" => {
            summary_json(&requester_wait_time(&tickets(&case["tickets"])?, &opts)?, o)?
        }
        "resolution_time" => {
            let kind =
                ResolutionKind::parse(o.get("kind").and_then(Value::as_str).unwrap_or("full"))?;
            summary_json(
                &resolution_time(&tickets(&case["tickets"])?, kind, &opts)?,
                o,
            )?
        }
        "fcr" => {
            let d = FcrOptions::default();
            let limit = |k: &str, default: Option<u32>| match o.get(k) {
                None => default,
                Some(Value::Null) => None,
                Some(v) => Some(v.as_u64().unwrap() as u32),
            };
            let period = match o.get("period") {
                Some(Value::Array(p)) => Some((instant(&p[0])?.unwrap(), instant(&p[1])?.unwrap())),
                _ => None,
            };
            let options = FcrOptions {
                max_agent_replies: limit("max_agent_replies", d.max_agent_replies),
                max_customer_followups: limit("max_customer_followups", d.max_customer_followups),
                reopen_window: o.get("reopen_window").and_then(Value::as_f64),
                denominator: FcrDenominator::parse(
                    o.get("denominator")
                        .and_then(Value::as_str)
                        .unwrap_or("resolved"),
                )?,
                period,
            };
            let r = fcr(&tickets(&case["tickets"])?, &options)?;
            json!({"score": r.score, "count": r.count, "n": r.n})
        }
        "sla" => {
            let metric = DurationMetric::parse(
                o.get("metric")
                    .and_then(Value::as_str)
                    .unwrap_or("first_response"),
            )?;
            let targets: Vec<(String, f64)> = o["targets"]
                .as_object()
                .unwrap()
                .iter()
                .map(|(k, v)| (k.clone(), common::number(v)))
                .collect();
            let r = sla(&tickets(&case["tickets"])?, metric, &targets, &opts)?;
            let row = |r: &cxmetrics::SlaRow| {
                json!({"priority": r.priority, "target": r.target,
                "achieved": r.achieved, "breached": r.breached, "running": r.running, "n": r.n, "score": r.score})
            };
            json!({"rows": r.rows.iter().map(row).collect::<Vec<_>>(), "overall": row(&r.overall), "untargeted": r.untargeted})
        }
        "handle_time" => {
            let a = &case["args"];
            let col = |k: &str| a.get(k).filter(|v| !v.is_null()).map(common::numbers);
            let talk = col("talk").unwrap();
            let (hold, wrap) = (col("hold"), col("wrap"));
            let r = handle_time(&talk, hold.as_deref(), wrap.as_deref())?;
            json!({"score": r.score, "n": r.n, "missing": r.missing, "talk": r.talk, "hold": r.hold,
                   "wrap": r.wrap, "std_dev": r.std_dev})
        }
        other => panic!("unknown function {other}"),
    })
}

/// Compares JSON values: numbers within tolerance, everything else exactly, instants as
/// instants.
/// Two spellings of one instant are equal; other strings exactly.
fn same_instant(g: &str, w: &str) -> bool {
    g == w || matches!((parse_instant(g), parse_instant(w)), (Ok(a), Ok(b)) if a == b)
}

#[test]
fn every_service_vector_passes() {
    let how = Compare {
        extra_fields: true,
        same_str: same_instant,
    };
    every_case_passes("service.json", 150, how, run);
}
