//! Differential: tallies of arbitrary chunks of one input, merged (in order, in reverse,
//! and extended chunk by chunk into one tally), against the tally of one pass.
//!
//! Counts, `missing` and `invalid` must be equal exactly (the documented contract). The
//! weight sums Σw and Σw² are compensated (Neumaier) sums; the documented bound is 1e-12
//! relative to the one-pass sum, which is what this target asserts (weights here are
//! non-negative and bounded, so the relative bound is meaningful). The JSON form of a
//! merged tally decodes to the same tally.
#![no_main]

#[path = "common.rs"]
mod common;

use arbitrary::Arbitrary;
use common::{Raw, RawWeight};
use cxmetrics::{OnInvalid, Tally};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    min: i8,
    points: u8,
    rows: Vec<(Raw, RawWeight)>,
    weighted: bool,
    /// Which chunks carry weights (a mix of weighted and unweighted tallies).
    weighted_chunks: u64,
    splits: Vec<u16>,
}

fn close(a: f64, b: f64, what: &str) {
    assert!(
        (a - b).abs() <= 1e-12 * b.abs().max(a.abs()) + 1e-300,
        "{what}: merged {a} vs one pass {b}"
    );
}

fn same(merged: &Tally, whole: &Tally) {
    assert_eq!(merged.counts(), whole.counts());
    assert_eq!(
        (merged.missing(), merged.invalid()),
        (whole.missing(), whole.invalid())
    );
    if whole.is_weighted() {
        for (k, (a, b)) in merged
            .point_weights()
            .iter()
            .zip(whole.point_weights())
            .enumerate()
        {
            close(*a, b, &format!("Σw[{k}]"));
        }
        close(merged.sum_weights(), whole.sum_weights(), "Σw");
        close(merged.sum_weights_sq(), whole.sum_weights_sq(), "Σw²");
    }
}

fuzz_target!(|input: Input| {
    let scale = common::scale(input.min, input.points);
    let scores: Vec<f64> = input.rows.iter().map(|r| r.0.to_f64(scale.min())).collect();
    let weights: Vec<f64> = input.rows.iter().map(|r| r.1.bounded()).collect();
    let n = scores.len();
    let mut cuts: Vec<usize> = input
        .splits
        .iter()
        .map(|&s| usize::from(s) % (n + 1))
        .collect();
    cuts.push(0);
    cuts.push(n);
    cuts.sort_unstable();
    let chunks: Vec<(usize, usize)> = cuts.windows(2).map(|w| (w[0], w[1])).collect();
    let chunk_weighted = |c: usize| input.weighted && (input.weighted_chunks >> (c % 64)) & 1 == 1;

    // One pass: a row of an unweighted chunk has weight 1.
    let any_weighted = (0..chunks.len()).any(chunk_weighted);
    let whole_w: Vec<f64> = chunks
        .iter()
        .enumerate()
        .flat_map(|(c, &(a, b))| {
            let w = &weights[a..b];
            let weighted = chunk_weighted(c);
            w.iter().map(move |&x| if weighted { x } else { 1.0 })
        })
        .collect();
    let whole = Tally::from_scores_with(
        scale,
        &scores,
        any_weighted.then_some(&whole_w[..]),
        OnInvalid::Skip,
    )
    .expect("skip never fails on rows this short");

    let parts: Vec<Tally> = chunks
        .iter()
        .enumerate()
        .map(|(c, &(a, b))| {
            let w = chunk_weighted(c).then(|| &weights[a..b]);
            Tally::from_scores_with(scale, &scores[a..b], w, OnInvalid::Skip).expect("skip")
        })
        .collect();

    let mut forward = Tally::new(scale);
    for p in &parts {
        forward.merge(p).expect("same scale");
    }
    let mut backward = Tally::new(scale);
    for p in parts.iter().rev() {
        backward.merge(p).expect("same scale");
    }
    let mut extended = Tally::new(scale);
    for (c, &(a, b)) in chunks.iter().enumerate() {
        let w = chunk_weighted(c).then(|| &weights[a..b]);
        extended
            .extend_with(&scores[a..b], w, OnInvalid::Skip)
            .expect("skip");
    }
    for t in [&forward, &backward, &extended] {
        same(t, &whole);
    }
    // Counts are exact, so an unweighted merge is equal as a value.
    if !any_weighted {
        assert_eq!(forward, whole);
        assert_eq!(backward, whole);
    }
    let back = Tally::from_json(&forward.to_json()).expect("a tally's JSON decodes");
    assert_eq!(back, forward);
});
