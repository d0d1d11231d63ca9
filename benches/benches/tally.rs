//! `Tally` construction and NPS / CSAT / CES from raw scores, 10³ … 10⁸ responses, for
//! `u8`, `i64` and `f64` (with 5 % NaN) input, weighted and unweighted, next to the
//! memory-read roof the issue defines (a plain sum of all bytes of the same `u8`
//! buffer) and, for context, the same bytes summed as 64-bit words (closer to the
//! machine's read bandwidth). Run: `cargo bench -p cxmetrics-benches --bench tally`;
//! `CXM_BENCH_MAX_EXP=7` stops at 10⁷ (10⁸ needs ~1.8 GB of memory and several minutes).
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use cxmetrics::{CesOptions, CsatOptions, OnInvalid, Scale, Tally, ces, csat, nps};

/// Deterministic pseudo-random scores 0–10 (a 64-bit LCG; no dependency needed).
fn scores(n: usize) -> Vec<u8> {
    let mut s = 0x9E37_79B9_7F4A_7C15u64;
    (0..n)
        .map(|_| {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((s >> 33) % 11) as u8
        })
        .collect()
}

fn sum_words(xs: &[u8]) -> u64 {
    let mut acc = [0u64; 4];
    let mut chunks = xs.chunks_exact(32);
    for c in &mut chunks {
        for (l, a) in acc.iter_mut().enumerate() {
            let w = u64::from_le_bytes(c[l * 8..l * 8 + 8].try_into().unwrap());
            *a = a.wrapping_add(w);
        }
    }
    let tail: u64 = chunks.remainder().iter().map(|&x| u64::from(x)).sum();
    acc.iter().fold(tail, |a, &b| a.wrapping_add(b))
}

fn bench(c: &mut Criterion) {
    let max_exp: u32 = std::env::var("CXM_BENCH_MAX_EXP")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(8);
    let mut g = c.benchmark_group("tally");
    for exp in 3..=max_exp {
        let n = 10usize.pow(exp);
        if exp >= 8 {
            g.sample_size(10);
        }
        let u8s = scores(n);
        let f64s: Vec<f64> = u8s
            .iter()
            .enumerate()
            .map(|(i, &x)| if i % 20 == 7 { f64::NAN } else { f64::from(x) })
            .collect();
        g.throughput(Throughput::Elements(n as u64));
        // the memory-read roof of the issue: a plain sum of every byte
        g.bench_with_input(BenchmarkId::new("roof_sum_u8", n), &u8s, |b, xs| {
            b.iter(|| black_box(xs).iter().map(|&x| u64::from(x)).sum::<u64>());
        });
        g.bench_with_input(BenchmarkId::new("read_u64_words", n), &u8s, |b, xs| {
            b.iter(|| sum_words(black_box(xs)));
        });
        g.bench_with_input(BenchmarkId::new("u8", n), &u8s, |b, xs| {
            b.iter(|| Tally::from_scores(Scale::NPS, black_box(xs)).unwrap());
        });
        g.bench_with_input(BenchmarkId::new("f64_nan", n), &f64s, |b, xs| {
            b.iter(|| Tally::from_scores(Scale::NPS, black_box(xs)).unwrap());
        });
        g.bench_with_input(BenchmarkId::new("nps_f64_nan", n), &f64s, |b, xs| {
            b.iter(|| nps(&Tally::from_scores(Scale::NPS, black_box(xs)).unwrap()).unwrap());
        });
        if exp >= 8 {
            continue; // the 10⁸ run keeps to u8 / f64 and the roofs
        }
        let i64s: Vec<i64> = u8s.iter().map(|&x| i64::from(x)).collect();
        g.bench_with_input(BenchmarkId::new("i64", n), &i64s, |b, xs| {
            b.iter(|| Tally::from_scores(Scale::NPS, black_box(xs)).unwrap());
        });
        let weights: Vec<f64> = (0..n).map(|i| 0.5 + (i % 7) as f64 * 0.25).collect();
        g.bench_with_input(BenchmarkId::new("u8_weighted", n), &u8s, |b, xs| {
            b.iter(|| {
                Tally::from_scores_with(Scale::NPS, black_box(xs), Some(&weights), OnInvalid::Error)
                    .unwrap()
            });
        });
        g.bench_with_input(BenchmarkId::new("f64_nan_weighted", n), &f64s, |b, xs| {
            b.iter(|| {
                Tally::from_scores_with(Scale::NPS, black_box(xs), Some(&weights), OnInvalid::Error)
                    .unwrap()
            });
        });
        // an Arrow-style nullable column: every 20th row null (bit 0), whatever is stored there
        let validity: Vec<u8> = (0..n.div_ceil(8))
            .map(|b| {
                (0..8)
                    .filter(|k| (b * 8 + k) % 20 != 7)
                    .fold(0u8, |acc, k| acc | (1 << k))
            })
            .collect();
        g.bench_with_input(BenchmarkId::new("u8_validity", n), &u8s, |b, xs| {
            b.iter(|| {
                let mut t = Tally::new(Scale::NPS);
                t.extend_with_validity(black_box(xs), &validity, 0, None, OnInvalid::Error)
                    .unwrap();
                t
            });
        });
        g.bench_with_input(BenchmarkId::new("f64_validity", n), &f64s, |b, xs| {
            b.iter(|| {
                let mut t = Tally::new(Scale::NPS);
                t.extend_with_validity(black_box(xs), &validity, 0, None, OnInvalid::Error)
                    .unwrap();
                t
            });
        });
        // CSAT on 1–5 and CES on 1–7 (scores mapped onto those scales)
        let five: Vec<u8> = u8s.iter().map(|&x| 1 + x % 5).collect();
        g.bench_with_input(BenchmarkId::new("csat_u8", n), &five, |b, xs| {
            b.iter(|| {
                let t = Tally::from_scores(Scale::ONE_TO_FIVE, black_box(xs)).unwrap();
                csat(&t, CsatOptions::default()).unwrap()
            });
        });
        let seven: Vec<f64> = u8s.iter().map(|&x| f64::from(1 + x % 7)).collect();
        g.bench_with_input(BenchmarkId::new("ces_f64", n), &seven, |b, xs| {
            b.iter(|| {
                let t = Tally::from_scores(Scale::ONE_TO_SEVEN, black_box(xs)).unwrap();
                ces(&t, CesOptions::new(true)).unwrap()
            });
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
