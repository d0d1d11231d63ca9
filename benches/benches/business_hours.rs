//! Business-hours durations for 1 million tickets (New York, Mon–Fri 09:00–17:00, two
//! holidays, across the November DST change). Run:
//! `cargo bench -p cxmetrics-benches --bench business_hours`.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use cxmetrics::jiff::civil::{Weekday, date, time};
use cxmetrics::jiff::{SignedDuration, Timestamp};
use cxmetrics::{Schedule, Window};

/// (created, resolved) pairs: created uniformly over Sep–Nov 2026, open for a
/// log-uniform 1 minute … 10 days.
fn tickets(n: usize) -> Vec<(Timestamp, Timestamp)> {
    let start: Timestamp = "2026-09-01T00:00:00Z".parse().unwrap();
    let mut s = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        (s >> 11) as f64 / (1u64 << 53) as f64
    };
    (0..n)
        .map(|_| {
            let created = start + SignedDuration::from_secs((next() * 90.0 * 86_400.0) as i64);
            let open = 60.0 * (14_400f64).powf(next());
            (created, created + SignedDuration::from_secs(open as i64))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let days = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
    ];
    let windows: Vec<Window> = days
        .iter()
        .map(|&d| Window::new(d, time(9, 0, 0, 0), time(17, 0, 0, 0)))
        .collect();
    let schedule = Schedule::from_iana(
        "America/New_York",
        &windows,
        &[date(2026, 10, 12), date(2026, 11, 26)],
    )
    .unwrap();
    let data = tickets(1_000_000);
    let mut g = c.benchmark_group("business_hours");
    g.sample_size(10);
    g.throughput(Throughput::Elements(data.len() as u64));
    g.bench_function("business_seconds_1M_tickets", |b| {
        b.iter(|| {
            let mut total = 0.0;
            for &(a, z) in black_box(&data) {
                total += schedule.business_seconds(a, z).unwrap();
            }
            total
        });
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
