//! `Tally` construction and NPS from raw scores, 10³ … 10⁷ responses, u8 and f64
//! (with 5 % NaN). Run: `cargo bench -p cxmetrics-benches --bench tally`.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use cxmetrics::{Scale, Tally, nps};

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

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("tally");
    for exp in 3..=7 {
        let n = 10usize.pow(exp);
        let u8s = scores(n);
        let f64s: Vec<f64> = u8s
            .iter()
            .enumerate()
            .map(|(i, &x)| if i % 20 == 7 { f64::NAN } else { f64::from(x) })
            .collect();
        g.throughput(Throughput::Elements(n as u64));
        // the memory-read roof: the cheapest pass over the same bytes
        g.bench_with_input(BenchmarkId::new("roof_sum_u8", n), &u8s, |b, xs| {
            b.iter(|| black_box(xs).iter().map(|&x| u64::from(x)).sum::<u64>());
        });
        g.bench_with_input(BenchmarkId::new("u8", n), &u8s, |b, xs| {
            b.iter(|| Tally::from_scores(Scale::NPS, black_box(xs)).unwrap());
        });
        g.bench_with_input(BenchmarkId::new("f64_nan", n), &f64s, |b, xs| {
            b.iter(|| Tally::from_scores(Scale::NPS, black_box(xs)).unwrap());
        });
        let i64s: Vec<i64> = u8s.iter().map(|&x| i64::from(x)).collect();
        g.bench_with_input(BenchmarkId::new("i64", n), &i64s, |b, xs| {
            b.iter(|| Tally::from_scores(Scale::NPS, black_box(xs)).unwrap());
        });
        let weights: Vec<f64> = (0..n).map(|i| 0.5 + (i % 7) as f64 * 0.25).collect();
        g.bench_with_input(BenchmarkId::new("f64_nan_weighted", n), &f64s, |b, xs| {
            b.iter(|| {
                Tally::from_scores_with(
                    Scale::NPS,
                    black_box(xs),
                    Some(&weights),
                    cxmetrics::OnInvalid::Error,
                )
                .unwrap()
            });
        });
        g.bench_with_input(BenchmarkId::new("nps_f64_nan", n), &f64s, |b, xs| {
            b.iter(|| nps(&Tally::from_scores(Scale::NPS, black_box(xs)).unwrap()).unwrap());
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
