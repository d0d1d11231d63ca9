//! Tally construction at every SIMD level this CPU supports (one thread, best of
//! `--repeat` runs), on uniform and skewed answers: `cargo run --release -p
//! cxmetrics-benches --example simd_levels -- [rows] [repeat]`. Checks that every level
//! gives the same counts.
#![allow(missing_docs, clippy::many_single_char_names)]

use std::hint::black_box;
use std::time::Instant;

use cxmetrics::{OnInvalid, Scale, Simd, Tally};

/// Deterministic pseudo-random scores 0–10: uniform, or skewed (most answers 8–10).
fn scores(n: usize, skewed: bool) -> Vec<u8> {
    // cumulative weights (‰) of 0..=10 in the skewed case
    const SKEW: [u64; 11] = [10, 20, 30, 45, 60, 90, 130, 230, 450, 700, 1000];
    let mut s = 0x9E37_79B9_7F4A_7C15u64;
    (0..n)
        .map(|_| {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            if skewed {
                let r = (s >> 33) % 1000;
                SKEW.iter().position(|&c| r < c).unwrap_or(10) as u8
            } else {
                ((s >> 33) % 11) as u8
            }
        })
        .collect()
}

fn best(repeat: usize, mut f: impl FnMut() -> Tally) -> (f64, Tally) {
    let mut t = f();
    let mut best = f64::INFINITY;
    for _ in 0..repeat {
        let start = Instant::now();
        t = black_box(f());
        best = best.min(start.elapsed().as_secs_f64() * 1e3);
    }
    (best, t)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args
        .get(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000_000);
    let repeat: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(7);
    println!("rows {n}, best of {repeat}, ms (one thread)");
    println!(
        "{:<10} {:<8} {:>8} {:>8} {:>8} {:>9} {:>10}",
        "data", "level", "u8", "i64", "f64_nan", "f64_w", "w/unw"
    );
    for skewed in [false, true] {
        let u8s = scores(n, skewed);
        let i64s: Vec<i64> = u8s.iter().map(|&x| i64::from(x)).collect();
        let f64s: Vec<f64> = u8s
            .iter()
            .enumerate()
            .map(|(i, &x)| if i % 20 == 7 { f64::NAN } else { f64::from(x) })
            .collect();
        let ws: Vec<f64> = (0..n).map(|i| 0.5 + (i % 7) as f64 * 0.25).collect();
        let mut reference: Option<Vec<Vec<u64>>> = None;
        for level in Simd::available() {
            level.set().unwrap();
            let (a, ta) = best(repeat, || Tally::from_scores(Scale::NPS, &u8s).unwrap());
            let (b, tb) = best(repeat, || Tally::from_scores(Scale::NPS, &i64s).unwrap());
            let (c, tc) = best(repeat, || Tally::from_scores(Scale::NPS, &f64s).unwrap());
            let (d, td) = best(repeat, || {
                Tally::from_scores_with(Scale::NPS, &f64s, Some(&ws), OnInvalid::Error).unwrap()
            });
            let got = vec![
                ta.counts().to_vec(),
                tb.counts().to_vec(),
                tc.counts().to_vec(),
                td.counts().to_vec(),
            ];
            match &reference {
                None => reference = Some(got),
                Some(r) => assert_eq!(r, &got, "level {level} disagrees"),
            }
            let data = if skewed { "skewed" } else { "uniform" };
            println!(
                "{data:<10} {:<8} {a:>8.2} {b:>8.2} {c:>8.2} {d:>9.2} {:>10.2}",
                level.as_str(),
                d / c
            );
        }
    }
    Simd::best().set().unwrap();
}
