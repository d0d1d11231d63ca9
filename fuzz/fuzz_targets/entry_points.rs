//! Every public core entry point on arbitrary input: a value or an error, never a panic,
//! and never a long loop (libFuzzer's `-timeout`, 5 s in `scripts/fuzz`, fails any input
//! that takes longer). Each input is a list of calls, so state built by one call (a
//! tally, a schedule) is used by the next. Every error must carry a code of
//! `Error::CODES` and a message.
#![no_main]

use arbitrary::Arbitrary;
use cxmetrics::jiff::Timestamp;
use cxmetrics::jiff::civil::{Time, Weekday};
use cxmetrics::jiff::tz::TimeZone;
use cxmetrics::*;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
enum Call {
    Parse {
        which: u8,
        text: String,
    },
    ScaleNew {
        min: i64,
        max: i64,
    },
    Tally {
        min: i64,
        max: i64,
        counts: Vec<u64>,
    },
    Scores {
        min: i64,
        max: i64,
        scores: Vec<f64>,
        weights: Option<Vec<f64>>,
        skip: bool,
    },
    Survey {
        which: u8,
        threshold: Option<i64>,
        bottom: Option<i64>,
        method: u8,
        flag: bool,
    },
    Interval {
        kind: u8,
        a: f64,
        b: f64,
        c: f64,
        level: f64,
        method: u8,
    },
    Counts {
        which: u8,
        x: u64,
        y: u64,
        z: u64,
        level: f64,
        method: u8,
    },
    Compare {
        a: (f64, f64, f64),
        b: (f64, f64, f64),
        kind: u8,
        level: f64,
        method: u8,
    },
    PairedNps {
        before: Vec<f64>,
        after: Vec<f64>,
        level: f64,
    },
    Adjust {
        p: Vec<f64>,
        bh: bool,
    },
    MeanOf {
        values: Vec<f64>,
        weights: Option<Vec<f64>>,
    },
    SampleSize {
        which: u8,
        a: f64,
        b: f64,
        c: f64,
        d: f64,
    },
    Lifecycle {
        which: u8,
        a: f64,
        b: f64,
        c: f64,
        d: f64,
        name: Option<String>,
        e: Option<f64>,
    },
    Schedule {
        zone: String,
        windows: Vec<(u8, u32, u32)>,
        holidays: Vec<i32>,
    },
    Business {
        a: i64,
        b: i64,
        seconds: f64,
    },
    Tickets {
        tickets: Vec<RawTicket>,
        business: bool,
        as_of: Option<i64>,
        which: u8,
        x: f64,
    },
    Durations {
        done: Vec<f64>,
        open: Vec<f64>,
        q: f64,
    },
    Handle {
        talk: Vec<f64>,
        hold: Option<Vec<f64>>,
        wrap: Option<Vec<f64>>,
    },
    Segments {
        keys: Vec<(u8, bool)>,
        scores: Vec<f64>,
        metric: u8,
        opts: RawOptions,
    },
    Trend {
        times: Vec<i64>,
        scores: Vec<f64>,
        period: u8,
        days: u32,
        metric: u8,
        opts: RawOptions,
    },
}

#[derive(Arbitrary, Debug)]
struct RawTicket {
    created: i64,
    first_response: Option<i64>,
    solved: Vec<i64>,
    reopened: Vec<i64>,
    agent_replies: u32,
    customer_followups: u32,
    paused: Vec<(i64, i64)>,
    channel: Option<String>,
}

#[derive(Arbitrary, Debug)]
struct RawOptions {
    level: f64,
    min_n: u64,
    alpha: f64,
    bh: bool,
    threshold: Option<i64>,
    higher_is_better: Option<bool>,
    csat_method: Option<String>,
}

/// A timestamp anywhere in jiff's range (−9999 … 9999), from any integer.
fn ts(x: i64) -> Timestamp {
    let (lo, hi) = (Timestamp::MIN.as_second(), Timestamp::MAX.as_second());
    Timestamp::from_second(lo + x.rem_euclid(hi - lo)).unwrap_or(Timestamp::UNIX_EPOCH)
}

/// A timestamp within ±200 years of 1970, for business-clock calls: `business_seconds`
/// walks the span day by day, 0.25–0.45 s (release) for the whole −9999…9999 range and
/// over the 5 s limit under ASAN, so spans are kept to centuries here (see README.md,
/// "Found and left").
fn ts_near(x: i64) -> Timestamp {
    const R: i64 = 200 * 31_556_952;
    Timestamp::from_second(x.rem_euclid(2 * R) - R).unwrap_or(Timestamp::UNIX_EPOCH)
}

fn time(x: u32) -> Time {
    let s = x % 86_400;
    Time::new((s / 3600) as i8, (s / 60 % 60) as i8, (s % 60) as i8, 0).unwrap()
}

fn pick<T: Copy>(xs: &[T], k: u8) -> T {
    xs[usize::from(k) % xs.len()]
}

fn check<T>(r: Result<T>) -> Option<T> {
    match r {
        Ok(v) => Some(v),
        Err(e) => {
            assert!(
                Error::CODES.contains(&e.code()),
                "unknown code {}",
                e.code()
            );
            assert!(!e.to_string().is_empty());
            None
        }
    }
}

/// Calls and discards the result (after `check`).
fn call<T>(r: Result<T>) {
    let _ = check(r);
}

const INTERVALS: [&str; 6] = [
    "adjusted_wald",
    "wald",
    "wilson",
    "agresti_coull",
    "clopper_pearson",
    "jeffreys",
];
const COMPARES: [&str; 5] = [
    "adjusted_wald",
    "wald",
    "pooled_z",
    "agresti_caffo",
    "score",
];

fn interval_method(k: u8) -> Option<IntervalMethod> {
    if k % 8 >= 6 {
        None
    } else {
        IntervalMethod::parse(pick(&INTERVALS, k)).ok()
    }
}

fn estimate(kind: u8, a: f64, b: f64, c: f64) -> Estimate {
    match kind % 3 {
        0 => Estimate::Net {
            plus: a,
            minus: b,
            n: c,
        },
        1 => Estimate::Proportion { p: a, n: c },
        _ => Estimate::Mean {
            mean: a,
            sd: (b >= 0.0).then_some(b),
            n: c,
            min: a.min(b),
            max: a.max(c),
            factor: b,
        },
    }
}

fn metric(kind: u8, o: &RawOptions) -> Option<SurveyMetric> {
    let kind = pick(&MetricKind::ALL, kind);
    let opts = MetricOptions {
        threshold: o.threshold,
        higher_is_better: o.higher_is_better,
        csat_method: o.csat_method.clone(),
        ..MetricOptions::default()
    };
    check(SurveyMetric::resolve(kind, opts))
}

fn report_options(o: &RawOptions) -> ReportOptions {
    ReportOptions {
        level: o.level,
        min_n: o.min_n,
        alpha: o.alpha,
        adjust: if o.bh {
            PAdjust::BenjaminiHochberg
        } else {
            PAdjust::Holm
        },
        ..ReportOptions::default()
    }
}

#[derive(Default)]
struct State {
    tally: Option<Tally>,
    schedule: Option<Schedule>,
}

fn run(c: Call, st: &mut State) {
    match c {
        Call::Parse { which, text } => {
            let t = text.as_str();
            match which % 16 {
                0 => call(OnInvalid::parse(t)),
                1 => call(CsatMethod::parse(t)),
                2 => call(CesMethod::parse(t)),
                3 => call(IntervalMethod::parse(t)),
                4 => call(CompareMethod::parse(t)),
                5 => call(PAdjust::parse(t)),
                6 => call(DurationMetric::parse(t)),
                7 => call(ResolutionKind::parse(t)),
                8 => call(FcrDenominator::parse(t)),
                9 => call(Annualize::parse(t)),
                10 => call(Period::parse(t)),
                11 => call(MetricKind::parse(t)),
                12 => call(parse_date(t)),
                13 => call(parse_instant(t)),
                14 => call(parse_weekday(t)),
                _ => call(Window::parse(t, t, t)),
            }
        }
        Call::ScaleNew { min, max } => call(Scale::new(min, max)),
        Call::Tally { min, max, counts } => {
            if let Some(s) = check(Scale::new(min, max)) {
                st.tally = check(Tally::from_counts(s, &counts));
            }
        }
        Call::Scores {
            min,
            max,
            scores,
            weights,
            skip,
        } => {
            if let Some(s) = check(Scale::new(min, max)) {
                let p = if skip {
                    OnInvalid::Skip
                } else {
                    OnInvalid::Error
                };
                let t = check(Tally::from_scores_with(s, &scores, weights.as_deref(), p));
                if let (Some(t), Some(old)) = (&t, &mut st.tally) {
                    let _ = check(old.merge(t));
                } else {
                    st.tally = t;
                }
            }
        }
        Call::Survey {
            which,
            threshold,
            bottom,
            method,
            flag,
        } => {
            let Some(t) = &st.tally else { return };
            let _ = (t.n_eff(), t.sum_weights(), t.point_weights());
            match which % 8 {
                0 => call(nps(t)),
                1 => {
                    let buckets = threshold.zip(bottom).map(|(d, p)| NpsBuckets {
                        detractor_max: d,
                        promoter_min: p,
                    });
                    call(nps_with(t, NpsOptions { buckets }))
                }
                2 => {
                    let m = [
                        CsatMethod::TopBox,
                        CsatMethod::Mean,
                        CsatMethod::PercentOfMax,
                        CsatMethod::Net,
                    ];
                    let o = CsatOptions {
                        method: pick(&m, method),
                        threshold,
                        bottom_threshold: bottom,
                    };
                    if let Some(r) = check(csat(t, o)) {
                        let _ = check(r.interval(0.95, None));
                    }
                }
                3 => {
                    let m = [
                        CesMethod::Mean,
                        CesMethod::PercentAgree,
                        CesMethod::NetEffort,
                    ];
                    let o = CesOptions {
                        method: pick(&m, method),
                        threshold,
                        ..CesOptions::new(flag)
                    };
                    call(ces(t, o))
                }
                4 => call(mean(t)),
                5 => call(top_box(t, threshold)),
                6 => call(bottom_box(t, threshold)),
                _ => call(distribution(t)),
            }
        }
        Call::Interval {
            kind,
            a,
            b,
            c,
            level,
            method,
        } => {
            let e = estimate(kind, a, b, c);
            let _ = check(e.interval(level, interval_method(method)));
            let _ = check(e.margin_of_error(level));
        }
        Call::Counts {
            which,
            x,
            y,
            z,
            level,
            method,
        } => match which % 2 {
            0 => call(proportion_interval(x, y, level, interval_method(method))),
            _ => call(nps_interval(x, y, z, level, interval_method(method))),
        },
        Call::Compare {
            a,
            b,
            kind,
            level,
            method,
        } => {
            let (ea, eb) = (estimate(kind, a.0, a.1, a.2), estimate(kind, b.0, b.1, b.2));
            let m =
                (method % 6 < 5).then(|| CompareMethod::parse(pick(&COMPARES, method)).unwrap());
            let _ = check(compare(&ea, &eb, level, m));
        }
        Call::PairedNps {
            before,
            after,
            level,
        } => call(paired_nps(&before, &after, level)),
        Call::Adjust { p, bh } => {
            let m = if bh {
                PAdjust::BenjaminiHochberg
            } else {
                PAdjust::Holm
            };
            call(adjust_p_values(&p, m))
        }
        Call::MeanOf { values, weights } => {
            if let Some(r) = check(mean_of(&values, weights.as_deref())) {
                let _ = check(r.interval(0.95, None));
            }
        }
        Call::SampleSize { which, a, b, c, d } => match which % 5 {
            0 => call(sample_size_nps(a, b, c)),
            1 => call(sample_size_proportion(a, b, c)),
            2 => call(sample_size_mean(a, b, c)),
            3 => call(sample_size_nps_difference(a, b, c, d)),
            _ => call(sample_size_proportion_difference(a, b, c, d)),
        },
        Call::Lifecycle {
            which,
            a,
            b,
            c,
            d,
            name,
            e,
        } => match which % 6 {
            0 => call(conversion_rate(a, b)),
            1 => {
                if let Some(den) = check(ChurnDenominator::from_name(name.as_deref(), e, Some(d))) {
                    let ann = if which & 8 == 0 {
                        Annualize::Compound
                    } else {
                        Annualize::Simple
                    };
                    let _ = check(churn_rate(a, b, den, e, ann));
                }
            }
            2 => call(retention_rate(a, b, c)),
            3 => call(revenue_retention(a, b, c, d)),
            4 => call(clv_from_churn(a, b, c)),
            _ => call(clv_from_retention(a, b)),
        },
        Call::Schedule {
            zone,
            windows,
            holidays,
        } => {
            let zones = [
                "UTC",
                "America/New_York",
                "Pacific/Apia",
                "Australia/Lord_Howe",
            ];
            let name = if zone.len() == 1 {
                pick(&zones, zone.as_bytes()[0])
            } else {
                zone.as_str()
            };
            let ws: Vec<Window> = windows
                .iter()
                .map(|&(d, s, e)| {
                    Window::new(
                        Weekday::from_monday_zero_offset((d % 7) as i8).unwrap(),
                        time(s),
                        time(e),
                    )
                })
                .collect();
            let hs: Vec<_> = holidays
                .iter()
                .filter_map(|&h| {
                    cxmetrics::jiff::civil::Date::MIN
                        .checked_add(cxmetrics::jiff::Span::new().days(h.rem_euclid(7_304_484)))
                        .ok()
                })
                .collect();
            st.schedule = check(Schedule::from_iana(name, &ws, &hs));
        }
        Call::Business { a, b, seconds } => {
            let Some(s) = &st.schedule else { return };
            let _ = check(s.business_seconds(ts_near(a), ts_near(b)));
            let _ = check(
                s.business_seconds(
                    ts(a),
                    ts(a)
                        .saturating_add(cxmetrics::jiff::SignedDuration::from_secs(
                            b % 1_000_000_000,
                        ))
                        .unwrap_or(ts(a)),
                ),
            );
            let _ = check(s.add_business(ts(a), seconds));
            let _ = s.is_holiday(TimeZone::UTC.to_datetime(ts(b)).date());
        }
        Call::Tickets {
            tickets,
            business,
            as_of,
            which,
            x,
        } => {
            let ts = if business { ts_near } else { ts };
            let records: Vec<Ticket> = tickets
                .iter()
                .take(16)
                .map(|r| Ticket {
                    created: ts(r.created),
                    first_response: r.first_response.map(ts),
                    solved: r.solved.iter().take(4).map(|&t| ts(t)).collect(),
                    reopened: r.reopened.iter().take(4).map(|&t| ts(t)).collect(),
                    agent_replies: r.agent_replies,
                    customer_followups: r.customer_followups,
                    paused: r
                        .paused
                        .iter()
                        .take(4)
                        .map(|&(a, b)| (ts(a), ts(b)))
                        .collect(),
                    channel: r.channel.clone(),
                    ..Ticket::default()
                })
                .collect();
            let Some(tk) = check(Tickets::from_records(&records)) else {
                return;
            };
            let clock = match (&st.schedule, business) {
                (Some(s), true) => Clock::Business(s),
                _ => Clock::Calendar,
            };
            let opts = DurationOptions {
                clock,
                as_of: as_of.map(ts),
            };
            match which % 7 {
                0 => call(first_response_time(&tk, &opts)),
                1 => call(resolution_time(&tk, ResolutionKind::Full, &opts)),
                2 => call(requester_wait_time(&tk, &opts)),
                3 => call(ticket_durations(
                    &tk,
                    DurationMetric::FirstResolution,
                    &opts,
                )),
                4 => call(sla(
                    &tk,
                    DurationMetric::FirstResponse,
                    &[("*".to_owned(), x)],
                    &opts,
                )),
                5 => {
                    let o = FcrOptions {
                        reopen_window: Some(x),
                        ..FcrOptions::default()
                    };
                    call(fcr(&tk, &o))
                }
                _ => {
                    if let Some(s) = check(first_response_time(&tk, &opts)) {
                        let _ = check(s.percentile(x));
                    }
                }
            }
        }
        Call::Durations { done, open, q } => {
            if let Some(s) = check(DurationSummary::from_durations(&done, &open, "calendar")) {
                let _ = check(s.percentile(q));
            }
        }
        Call::Handle { talk, hold, wrap } => {
            call(handle_time(&talk, hold.as_deref(), wrap.as_deref()))
        }
        Call::Segments {
            keys,
            scores,
            metric: m,
            opts,
        } => {
            let keys: Vec<Key> = keys
                .iter()
                .map(|&(k, s)| {
                    vec![if s {
                        KeyPart::Str(format!("g{}", k % 4))
                    } else {
                        KeyPart::Int(i64::from(k % 4))
                    }]
                })
                .collect();
            let Some(seg) = check(Segments::from_keys(
                Scale::NPS,
                &keys,
                &scores,
                None,
                OnInvalid::Skip,
            )) else {
                return;
            };
            let _ = check(seg.overall());
            if let Some(metric) = metric(m, &opts) {
                let _ = check(seg.report(metric, &report_options(&opts)));
            }
        }
        Call::Trend {
            times,
            scores,
            period,
            days,
            metric: m,
            opts,
        } => {
            let times: Vec<Timestamp> = times.iter().map(|&t| ts(t)).collect();
            let periods = [Period::Day, Period::IsoWeek, Period::Month, Period::Quarter];
            let Some(tr) = check(Trend::from_scores(
                Scale::NPS,
                &times,
                &scores,
                None,
                OnInvalid::Skip,
                pick(&periods, period),
                TimeZone::UTC,
            )) else {
                return;
            };
            if let Some(metric) = metric(m, &opts) {
                let _ = check(tr.report(metric.clone(), &report_options(&opts)));
                let _ = check(tr.rolling(days, metric, &report_options(&opts)));
            }
        }
    }
}

fuzz_target!(|calls: Vec<Call>| {
    let mut st = State::default();
    for c in calls.into_iter().take(8) {
        run(c, &mut st);
    }
});
