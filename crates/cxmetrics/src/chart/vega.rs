//! Vega-Lite v5 specifications with the data inlined, written as JSON text (no JSON
//! library needed: the values are numbers, short strings and flags).

use std::fmt::Write as _;

use super::show::{SegmentView, TrendView, interval_words};
use crate::service::{DurationSummary, SlaResult};
use crate::stats::Interval;
use crate::survey::NpsResult;

/// The Vega-Lite v5 schema every specification names.
pub const VEGA_LITE_SCHEMA: &str = "https://vega.github.io/schema/vega-lite/v5.json";

/// A JSON value in a data record.
#[derive(Debug, Clone, PartialEq)]
pub enum J {
    /// A string.
    S(String),
    /// A number (`null` when not finite).
    F(f64),
    /// A number or `null`.
    O(Option<f64>),
    /// A count.
    U(u64),
    /// A whole number.
    I(i64),
    /// A flag.
    B(bool),
}

/// A Vega-Lite chart: a title, inlined data records and layers of marks.
#[derive(Debug, Clone, PartialEq)]
pub struct Vega {
    /// The chart's title.
    pub title: String,
    /// The data, one record per mark (field name → value).
    pub values: Vec<Vec<(&'static str, J)>>,
    /// The layers, each a JSON object (`mark` and `encoding`).
    pub layers: Vec<String>,
}

/// Writes `s` as a JSON string.
pub(super) fn json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn json_number(out: &mut String, x: f64) {
    if x.is_finite() {
        // Rust's shortest round-trip form (`{:?}` keeps `.0` on whole numbers, so a
        // reader sees a float): reading it back gives the same f64.
        let _ = write!(out, "{x:?}");
    } else {
        out.push_str("null");
    }
}

impl J {
    fn write(&self, out: &mut String) {
        match self {
            J::S(s) => json_string(out, s),
            J::F(x) | J::O(Some(x)) => json_number(out, *x),
            J::O(None) => out.push_str("null"),
            J::U(n) => {
                let _ = write!(out, "{n}");
            }
            J::I(n) => {
                let _ = write!(out, "{n}");
            }
            J::B(b) => out.push_str(if *b { "true" } else { "false" }),
        }
    }
}

/// `"scale":{"domain":[lo,hi]},` or nothing.
fn domain(d: Option<(f64, f64)>) -> String {
    d.map_or_else(String::new, |(lo, hi)| {
        let mut s = String::from("\"scale\":{\"domain\":[");
        json_number(&mut s, lo);
        s.push(',');
        json_number(&mut s, hi);
        s.push_str("]},");
        s
    })
}

const ACCENT: &str = "#3b6fd4";

impl Vega {
    /// The whole specification as JSON text.
    pub fn to_json(&self) -> String {
        let mut out = String::from("{\"$schema\":");
        json_string(&mut out, VEGA_LITE_SCHEMA);
        out.push_str(",\"title\":");
        json_string(&mut out, &self.title);
        out.push_str(",\"width\":480,\"data\":{\"values\":[");
        for (i, record) in self.values.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push('{');
            for (j, (name, v)) in record.iter().enumerate() {
                if j > 0 {
                    out.push(',');
                }
                json_string(&mut out, name);
                out.push(':');
                v.write(&mut out);
            }
            out.push('}');
        }
        out.push_str("]},\"layer\":[");
        out.push_str(&self.layers.join(","));
        out.push_str("]}");
        out
    }

    /// A score with its interval: a rule from `lower` to `upper` and a point at `score`.
    pub(super) fn estimate(
        title: &str,
        score: f64,
        interval: Option<&Interval>,
        axis: Option<(f64, f64)>,
    ) -> Vega {
        let title = match interval {
            Some(i) => format!("{title}: {}", interval_words(i)),
            None => title.to_owned(),
        };
        let mut record = vec![("score", J::F(score))];
        record.push(("lower", J::O(interval.map(|i| i.lower))));
        record.push(("upper", J::O(interval.map(|i| i.upper))));
        record.push(("level", J::O(interval.map(|i| i.level))));
        if let Some(i) = interval {
            record.push(("method", J::S(i.method.as_str().to_owned())));
        }
        let d = domain(axis);
        Vega {
            title,
            values: vec![record],
            layers: vec![
                format!(
                    "{{\"mark\":{{\"type\":\"rule\",\"strokeWidth\":6,\"opacity\":0.35,\"color\":\"{ACCENT}\"}},\"encoding\":{{\"x\":{{\"field\":\"lower\",\"type\":\"quantitative\",{d}\"title\":\"score\"}},\"x2\":{{\"field\":\"upper\"}}}}}}"
                ),
                format!(
                    "{{\"mark\":{{\"type\":\"point\",\"filled\":true,\"size\":80,\"color\":\"{ACCENT}\"}},\"encoding\":{{\"x\":{{\"field\":\"score\",\"type\":\"quantitative\",{d}\"title\":\"score\"}},\"tooltip\":[{{\"field\":\"score\"}},{{\"field\":\"lower\"}},{{\"field\":\"upper\"}}]}}}}"
                ),
            ],
        }
    }

    /// The NPS buckets as one stacked bar of shares.
    pub(super) fn nps(r: &NpsResult) -> Vega {
        let rec = |group: &str, order: i64, share: f64, n: u64| {
            vec![
                ("group", J::S(group.to_owned())),
                ("order", J::I(order)),
                ("share", J::F(share)),
                ("count", J::U(n)),
                ("nps", J::F(r.score)),
            ]
        };
        Vega {
            title: format!("NPS {}", super::svg::value(r.score)),
            values: vec![
                rec("detractors", 0, r.detractors, r.n_detractors),
                rec("passives", 1, r.passives, r.n_passives),
                rec("promoters", 2, r.promoters, r.n_promoters),
            ],
            layers: vec![
                "{\"mark\":\"bar\",\"encoding\":{\"x\":{\"field\":\"share\",\"type\":\"quantitative\",\"stack\":\"zero\",\"axis\":{\"format\":\"%\"},\"scale\":{\"domain\":[0,1]}},\"color\":{\"field\":\"group\",\"type\":\"nominal\",\"sort\":[\"detractors\",\"passives\",\"promoters\"],\"scale\":{\"domain\":[\"detractors\",\"passives\",\"promoters\"],\"range\":[\"#d64545\",\"#9aa0a6\",\"#2e9e5b\"]}},\"order\":{\"field\":\"order\"},\"tooltip\":[{\"field\":\"group\"},{\"field\":\"share\",\"format\":\".1%\"},{\"field\":\"count\"}]}}".to_owned(),
            ],
        }
    }

    /// One bar per scale point.
    pub(super) fn distribution(
        title: &str,
        points: &[i32],
        counts: &[u64],
        shares: &[f64],
    ) -> Vega {
        Vega {
            title: title.to_owned(),
            values: points
                .iter()
                .zip(counts)
                .zip(shares)
                .map(|((p, c), s)| {
                    vec![
                        ("point", J::I(i64::from(*p))),
                        ("count", J::U(*c)),
                        ("share", J::F(*s)),
                    ]
                })
                .collect(),
            layers: vec![format!(
                "{{\"mark\":{{\"type\":\"bar\",\"color\":\"{ACCENT}\"}},\"encoding\":{{\"x\":{{\"field\":\"point\",\"type\":\"ordinal\"}},\"y\":{{\"field\":\"share\",\"type\":\"quantitative\",\"axis\":{{\"format\":\"%\"}}}},\"tooltip\":[{{\"field\":\"point\"}},{{\"field\":\"count\"}},{{\"field\":\"share\",\"format\":\".1%\"}}]}}}}"
            )],
        }
    }

    /// An interval as a rule.
    pub(super) fn interval(title: &str, i: &Interval) -> Vega {
        Vega {
            title: format!("{title}: {}", interval_words(i)),
            values: vec![vec![
                ("lower", J::F(i.lower)),
                ("upper", J::F(i.upper)),
                ("level", J::F(i.level)),
                ("method", J::S(i.method.as_str().to_owned())),
            ]],
            layers: vec![format!(
                "{{\"mark\":{{\"type\":\"rule\",\"strokeWidth\":6,\"color\":\"{ACCENT}\"}},\"encoding\":{{\"x\":{{\"field\":\"lower\",\"type\":\"quantitative\",\"title\":\"value\"}},\"x2\":{{\"field\":\"upper\"}}}}}}"
            )],
        }
    }

    /// A difference with its interval, and the zero line.
    pub(super) fn difference(title: &str, difference: f64, lower: f64, upper: f64, p: f64) -> Vega {
        Vega {
            title: title.to_owned(),
            values: vec![vec![
                ("difference", J::F(difference)),
                ("lower", J::F(lower)),
                ("upper", J::F(upper)),
                ("p_value", J::F(p)),
            ]],
            layers: vec![
                format!(
                    "{{\"mark\":{{\"type\":\"rule\",\"strokeWidth\":6,\"opacity\":0.35,\"color\":\"{ACCENT}\"}},\"encoding\":{{\"x\":{{\"field\":\"lower\",\"type\":\"quantitative\",\"title\":\"difference (a − b)\"}},\"x2\":{{\"field\":\"upper\"}}}}}}"
                ),
                format!(
                    "{{\"mark\":{{\"type\":\"point\",\"filled\":true,\"size\":80,\"color\":\"{ACCENT}\"}},\"encoding\":{{\"x\":{{\"field\":\"difference\",\"type\":\"quantitative\"}},\"tooltip\":[{{\"field\":\"difference\"}},{{\"field\":\"lower\"}},{{\"field\":\"upper\"}},{{\"field\":\"p_value\"}}]}}}}"
                ),
                "{\"mark\":{\"type\":\"rule\",\"strokeDash\":[4,3],\"color\":\"#8c959f\"},\"encoding\":{\"x\":{\"datum\":0}}}".to_owned(),
            ],
        }
    }

    /// The duration statistics as points on a seconds axis.
    pub(super) fn durations(title: &str, d: &DurationSummary) -> Vega {
        let mut values = Vec::new();
        if d.n > 0 {
            for (name, v) in [
                ("min", d.min),
                ("median", d.median),
                ("mean", d.mean),
                ("p90", d.p90),
                ("max", d.max),
            ] {
                values.push(vec![
                    ("statistic", J::S(name.to_owned())),
                    ("seconds", J::F(v)),
                ]);
            }
        }
        if let Some(km) = d.km_median {
            values.push(vec![
                ("statistic", J::S("km_median".to_owned())),
                ("seconds", J::F(km)),
            ]);
        }
        Vega {
            title: format!(
                "{title} ({} clock), n = {}, open = {}",
                d.clock, d.n, d.open
            ),
            values,
            layers: vec![format!(
                "{{\"mark\":{{\"type\":\"point\",\"filled\":true,\"size\":80,\"color\":\"{ACCENT}\"}},\"encoding\":{{\"x\":{{\"field\":\"seconds\",\"type\":\"quantitative\"}},\"y\":{{\"field\":\"statistic\",\"type\":\"nominal\",\"sort\":null}},\"tooltip\":[{{\"field\":\"statistic\"}},{{\"field\":\"seconds\"}}]}}}}"
            )],
        }
    }

    /// One bar per priority and the overall row.
    pub(super) fn sla(title: &str, r: &SlaResult) -> Vega {
        let rec = |name: String, row: &crate::service::SlaRow| {
            vec![
                ("priority", J::S(name)),
                ("score", J::O(row.score)),
                ("target", J::O(row.target)),
                ("achieved", J::U(row.achieved)),
                ("breached", J::U(row.breached)),
                ("running", J::U(row.running)),
                ("n", J::U(row.n)),
            ]
        };
        let mut values: Vec<_> = r
            .rows
            .iter()
            .map(|row| {
                rec(
                    row.priority.clone().unwrap_or_else(|| "(none)".to_owned()),
                    row,
                )
            })
            .collect();
        values.push(rec("overall".to_owned(), &r.overall));
        Vega {
            title: title.to_owned(),
            values,
            layers: vec![format!(
                "{{\"mark\":{{\"type\":\"bar\",\"color\":\"{ACCENT}\"}},\"encoding\":{{\"y\":{{\"field\":\"priority\",\"type\":\"nominal\",\"sort\":null}},\"x\":{{\"field\":\"score\",\"type\":\"quantitative\",\"title\":\"% met\",\"scale\":{{\"domain\":[0,100]}}}},\"tooltip\":[{{\"field\":\"priority\"}},{{\"field\":\"score\"}},{{\"field\":\"achieved\"}},{{\"field\":\"breached\"}},{{\"field\":\"running\"}}]}}}}"
            )],
        }
    }

    /// One bar per segment with its interval.
    pub(super) fn segments(title: &str, v: &SegmentView<'_>) -> Vega {
        let values = v
            .report
            .rows
            .iter()
            .map(|r| {
                vec![
                    ("segment", J::S(super::pictures::key_words(&r.key))),
                    ("n", J::U(r.n)),
                    ("score", J::O(r.score)),
                    ("lower", J::O(r.lower)),
                    ("upper", J::O(r.upper)),
                    ("share", J::F(r.share)),
                    ("low_n", J::B(r.low_n)),
                    ("impact", J::O(r.impact)),
                ]
            })
            .collect();
        let d = domain(Some(v.metric.value_range(v.scale)));
        Vega {
            title: title.to_owned(),
            values,
            layers: vec![
                format!(
                    "{{\"mark\":{{\"type\":\"bar\",\"color\":\"{ACCENT}\"}},\"encoding\":{{\"y\":{{\"field\":\"segment\",\"type\":\"nominal\",\"sort\":null}},\"x\":{{\"field\":\"score\",\"type\":\"quantitative\",{d}\"title\":\"score\"}},\"opacity\":{{\"condition\":{{\"test\":\"datum.low_n\",\"value\":0.4}},\"value\":1}},\"tooltip\":[{{\"field\":\"segment\"}},{{\"field\":\"score\"}},{{\"field\":\"lower\"}},{{\"field\":\"upper\"}},{{\"field\":\"n\"}}]}}}}"
                ),
                format!(
                    "{{\"mark\":{{\"type\":\"rule\",\"color\":\"#8c959f\"}},\"encoding\":{{\"y\":{{\"field\":\"segment\",\"type\":\"nominal\",\"sort\":null}},\"x\":{{\"field\":\"lower\",\"type\":\"quantitative\",{d}\"title\":\"score\"}},\"x2\":{{\"field\":\"upper\"}}}}}}"
                ),
            ],
        }
    }

    /// The score per period as a line over its interval band.
    pub(super) fn trend(title: &str, v: &TrendView<'_>) -> Vega {
        let values = v
            .rows
            .iter()
            .map(|r| {
                vec![
                    ("period", J::S(r.label.clone())),
                    ("start", J::S(r.start.to_string())),
                    ("n", J::U(r.n)),
                    ("score", J::O(r.score)),
                    ("lower", J::O(r.lower)),
                    ("upper", J::O(r.upper)),
                    ("low_n", J::B(r.low_n)),
                    ("change", J::O(r.change)),
                    ("p_adjusted", J::O(r.p_adjusted)),
                    ("significant", J::B(r.significant)),
                ]
            })
            .collect();
        let d = domain(Some(v.metric.value_range(v.scale)));
        let x = "\"x\":{\"field\":\"start\",\"type\":\"temporal\",\"title\":\"period\"}";
        Vega {
            title: title.to_owned(),
            values,
            layers: vec![
                format!(
                    "{{\"mark\":{{\"type\":\"area\",\"opacity\":0.2,\"color\":\"{ACCENT}\"}},\"encoding\":{{{x},\"y\":{{\"field\":\"lower\",\"type\":\"quantitative\",{d}\"title\":\"score\"}},\"y2\":{{\"field\":\"upper\"}}}}}}"
                ),
                format!(
                    "{{\"mark\":{{\"type\":\"line\",\"point\":true,\"color\":\"{ACCENT}\"}},\"encoding\":{{{x},\"y\":{{\"field\":\"score\",\"type\":\"quantitative\",{d}\"title\":\"score\"}},\"tooltip\":[{{\"field\":\"period\"}},{{\"field\":\"score\"}},{{\"field\":\"lower\"}},{{\"field\":\"upper\"}},{{\"field\":\"n\"}},{{\"field\":\"change\"}},{{\"field\":\"p_adjusted\"}}]}}}}"
                ),
            ],
        }
    }
}
