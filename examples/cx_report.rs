//! A survey report from the bundled sample data: n, NPS, CSAT and CES per channel and
//! overall.
//!
//! ```text
//! cargo run --example cx_report                    # examples/data/survey_responses.csv
//! cargo run --example cx_report -- path/to/file.csv
//! ```
//!
//! The CSV needs the columns `channel`, `ltr` (0–10), `csat` (1–5) and `ces` (1–7,
//! higher = easier); a blank cell is an unanswered question. Per-channel tallies are
//! built in one pass and merged for the overall row — the overall NPS is computed from
//! the merged counts, never by averaging channel scores.

use std::collections::BTreeMap;
use std::error::Error;

use cxmetrics::{CesOptions, CsatOptions, Scale, Tally, ces, csat, nps};

/// The three tallies of one segment.
struct Segment {
    ltr: Tally,
    csat: Tally,
    ces: Tally,
}

impl Segment {
    fn new() -> Segment {
        Segment {
            ltr: Tally::new(Scale::NPS),
            csat: Tally::new(Scale::ONE_TO_FIVE),
            ces: Tally::new(Scale::ONE_TO_SEVEN),
        }
    }

    fn merge(&mut self, other: &Segment) -> cxmetrics::Result<()> {
        self.ltr.merge(&other.ltr)?;
        self.csat.merge(&other.csat)?;
        self.ces.merge(&other.ces)
    }
}

/// A blank cell is a missing answer (NaN); anything else must parse as a number.
fn cell(v: &str, line: usize, col: &str) -> Result<f64, Box<dyn Error>> {
    if v.trim().is_empty() {
        return Ok(f64::NAN);
    }
    v.trim()
        .parse::<f64>()
        .map_err(|e| format!("line {line}, column {col}: {v:?} is not a number ({e})").into())
}

fn main() -> Result<(), Box<dyn Error>> {
    let (path, shown) = match std::env::args().nth(1) {
        Some(p) => (p.clone(), p),
        None => (
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../examples/data/survey_responses.csv"
            )
            .to_owned(),
            "examples/data/survey_responses.csv (bundled sample)".to_owned(),
        ),
    };
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().ok_or("empty file")?.split(',').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .ok_or_else(|| format!("{path}: no column {name:?}"))
    };
    let (c_channel, c_ltr, c_csat, c_ces) =
        (col("channel")?, col("ltr")?, col("csat")?, col("ces")?);

    let mut segments: BTreeMap<String, Segment> = BTreeMap::new();
    for (i, line) in lines.enumerate() {
        let f: Vec<&str> = line.split(',').collect();
        let line_no = i + 2;
        let get = |c: usize| {
            f.get(c)
                .copied()
                .ok_or(format!("line {line_no}: too few columns"))
        };
        let seg = segments
            .entry(get(c_channel)?.to_owned())
            .or_insert_with(Segment::new);
        // Tally::push validates each answer against its scale (a 0 on CSAT 1–5 is an error).
        let at = |e: cxmetrics::Error| format!("line {line_no}: {e}");
        seg.ltr
            .push(cell(get(c_ltr)?, line_no, "ltr")?)
            .map_err(at)?;
        seg.csat
            .push(cell(get(c_csat)?, line_no, "csat")?)
            .map_err(at)?;
        seg.ces
            .push(cell(get(c_ces)?, line_no, "ces")?)
            .map_err(at)?;
    }

    let mut overall = Segment::new();
    for s in segments.values() {
        overall.merge(s)?;
    }

    println!("cxmetrics survey report — {shown}");
    println!();
    println!(
        "{:<10} {:>6} {:>8} {:>7} {:>6} {:>6} {:>6}   {:>8} {:>8}",
        "channel", "n", "missing", "NPS", "prom%", "pass%", "detr%", "CSAT%", "CES"
    );
    let row = |name: &str, s: &Segment| -> cxmetrics::Result<()> {
        let n = nps(&s.ltr)?;
        let c = csat(&s.csat, CsatOptions::default())?;
        let e = ces(&s.ces, CesOptions::new(true))?;
        println!(
            "{:<10} {:>6} {:>8} {:>7.1} {:>6.1} {:>6.1} {:>6.1}   {:>8.1} {:>8.2}",
            name,
            n.n,
            n.missing,
            n.score,
            100.0 * n.promoters,
            100.0 * n.passives,
            100.0 * n.detractors,
            c.score,
            e.score
        );
        Ok(())
    };
    for (name, s) in &segments {
        row(name, s)?;
    }
    println!("{}", "-".repeat(84));
    row("overall", &overall)?;
    println!();
    println!(
        "NPS: 0–10 likelihood to recommend, promoters 9–10, detractors 0–6, in points (−100…100)."
    );
    println!(
        "CSAT: % of 1–5 answers ≥ 4 (top two box). CES: mean of 1–7, higher = easier (CES 2.0)."
    );
    println!(
        "n and missing are for the NPS question; unanswered questions are excluded, never scored 0."
    );
    println!("The overall row merges the channel tallies; it is not an average of channel scores.");
    Ok(())
}
