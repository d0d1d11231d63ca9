//! Property tests of the algebra: ranges, permutation invariance, merge laws, serde.

use cxmetrics::{OnInvalid, Scale, Tally, distribution, mean, nps};
use proptest::prelude::*;

fn scores() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(0u8..=10, 0..300)
}

fn weighted() -> impl Strategy<Value = Vec<(u8, f64)>> {
    prop::collection::vec((0u8..=10, 0.0f64..50.0), 1..200)
}

fn tally(xs: &[u8]) -> Tally {
    Tally::from_scores(Scale::NPS, xs).unwrap()
}

fn wtally(xs: &[(u8, f64)]) -> Tally {
    let (s, w): (Vec<u8>, Vec<f64>) = xs.iter().copied().unzip();
    Tally::from_scores_with(Scale::NPS, &s, Some(&w), OnInvalid::Error).unwrap()
}

/// [`wtally`], empty input included (the empty part of a split).
fn wtally_any(xs: &[(u8, f64)]) -> Tally {
    if xs.is_empty() {
        Tally::new(Scale::NPS)
    } else {
        wtally(xs)
    }
}

fn rel_close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1.0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn nps_is_in_range_and_shares_sum_to_one(xs in scores()) {
        prop_assume!(!xs.is_empty());
        let r = nps(&tally(&xs)).unwrap();
        prop_assert!((-100.0..=100.0).contains(&r.score));
        prop_assert!((r.promoters + r.passives + r.detractors - 1.0).abs() < 1e-12);
        prop_assert_eq!(r.n_promoters + r.n_passives + r.n_detractors, r.n);
    }

    #[test]
    fn weighted_nps_is_in_range(xs in weighted()) {
        let t = wtally(&xs);
        prop_assume!(t.sum_weights() > 0.0);
        let r = nps(&t).unwrap();
        prop_assert!((-100.0..=100.0).contains(&r.score));
        prop_assert!((r.promoters + r.passives + r.detractors - 1.0).abs() < 1e-9);
        prop_assert!(r.n_eff <= r.n as f64 + 1e-9 && r.n_eff >= 1.0 - 1e-9);
    }

    #[test]
    fn permutation_invariant(xs in scores(), seed in any::<u64>()) {
        let mut ys = xs.clone();
        // Fisher–Yates with a tiny LCG, to permute deterministically from the seed
        let mut s = seed | 1;
        for i in (1..ys.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ys.swap(i, (s >> 33) as usize % (i + 1));
        }
        prop_assert_eq!(tally(&xs), tally(&ys));
    }

    #[test]
    fn merge_equals_tally_of_concatenation(a in scores(), b in scores()) {
        let mut m = tally(&a);
        m.merge(&tally(&b)).unwrap();
        let all: Vec<u8> = a.iter().chain(&b).copied().collect();
        prop_assert_eq!(m, tally(&all));
    }

    #[test]
    fn merge_is_associative_with_empty_identity(a in scores(), b in scores(), c in scores()) {
        let (ta, tb, tc) = (tally(&a), tally(&b), tally(&c));
        let mut left = ta.clone();
        left.merge(&tb).unwrap();
        left.merge(&tc).unwrap();
        let mut bc = tb.clone();
        bc.merge(&tc).unwrap();
        let mut right = ta.clone();
        right.merge(&bc).unwrap();
        prop_assert_eq!(&left, &right);
        let mut with_empty = ta.clone();
        with_empty.merge(&Tally::new(Scale::NPS)).unwrap();
        prop_assert_eq!(with_empty, ta);
    }

    #[test]
    fn weighted_merge_agrees_with_one_pass(a in weighted(), b in weighted()) {
        let mut m = wtally(&a);
        m.merge(&wtally(&b)).unwrap();
        let all: Vec<(u8, f64)> = a.iter().chain(&b).copied().collect();
        let one = wtally(&all);
        prop_assert_eq!(m.counts(), one.counts());
        for (x, y) in m.point_weights().iter().zip(one.point_weights()) {
            prop_assert!(rel_close(*x, y), "{x} vs {y}");
        }
        prop_assert!(rel_close(m.sum_weights_sq(), one.sum_weights_sq()));
    }

    /// Issue 15 item 7: merged from any split into any number of parts, a weighted
    /// tally has the one-pass counts exactly and each per-point Σw and Σw² within the
    /// documented bound, 1e-13 of the exact-order sum (here the one-pass value).
    #[test]
    fn weighted_merge_of_any_split_is_within_the_documented_bound(
        xs in prop::collection::vec((0u8..=10, prop_oneof![0.0f64..1.0, 0.0f64..1e6, Just(0.0)]), 1..1500),
        cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..6),
    ) {
        let mut at: Vec<usize> = cuts.iter().map(|c| c.index(xs.len() + 1)).collect();
        at.extend([0, xs.len()]);
        at.sort_unstable();
        let mut m = Tally::new(Scale::NPS);
        for w in at.windows(2) {
            m.merge(&wtally_any(&xs[w[0]..w[1]])).unwrap();
        }
        let one = wtally(&xs);
        prop_assert_eq!(m.counts(), one.counts());
        prop_assert_eq!((m.missing(), m.invalid()), (one.missing(), one.invalid()));
        for (x, y) in m.point_weights().iter().zip(one.point_weights()) {
            prop_assert!((x - y).abs() <= 1e-13 * y, "Σw {x} vs {y}");
        }
        let sq = |t: &Tally| t.sum_weights_sq();
        prop_assert!((sq(&m) - sq(&one)).abs() <= 1e-13 * sq(&one));
    }

    #[test]
    fn serde_round_trip_is_exact(a in weighted(), b in scores()) {
        let t = wtally(&a);
        prop_assert_eq!(Tally::from_json(&t.to_json()).unwrap(), t);
        let mut u = Tally::from_scores_with(Scale::NPS, &b.iter().map(|&x| f64::from(x)).chain([f64::NAN, 42.0]).collect::<Vec<_>>(), None, OnInvalid::Skip).unwrap();
        u.merge(&Tally::new(Scale::NPS)).unwrap();
        prop_assert_eq!(Tally::from_json(&u.to_json()).unwrap(), u);
    }

    #[test]
    fn unit_weights_equal_unweighted(xs in scores()) {
        prop_assume!(!xs.is_empty());
        let ones = vec![1.0; xs.len()];
        let w = Tally::from_scores_with(Scale::NPS, &xs, Some(&ones), OnInvalid::Error).unwrap();
        let u = tally(&xs);
        let (rw, ru) = (nps(&w).unwrap(), nps(&u).unwrap());
        prop_assert!((rw.score - ru.score).abs() < 1e-9);
        prop_assert_eq!(rw.n_eff, ru.n_eff);
        prop_assert_eq!(rw.sum_weights, ru.sum_weights);
        let (mw, mu) = (mean(&w).unwrap(), mean(&u).unwrap());
        prop_assert!((mw.score - mu.score).abs() < 1e-9);
        prop_assert_eq!(distribution(&w).unwrap().counts, distribution(&u).unwrap().counts);
    }

    #[test]
    fn float_and_integer_inputs_agree(xs in scores()) {
        let f: Vec<f64> = xs.iter().map(|&x| f64::from(x)).collect();
        let g: Vec<f32> = xs.iter().map(|&x| f32::from(x)).collect();
        let i: Vec<i64> = xs.iter().map(|&x| i64::from(x)).collect();
        let t = tally(&xs);
        prop_assert_eq!(&Tally::from_scores(Scale::NPS, &f).unwrap(), &t);
        prop_assert_eq!(&Tally::from_scores(Scale::NPS, &g).unwrap(), &t);
        prop_assert_eq!(&Tally::from_scores(Scale::NPS, &i).unwrap(), &t);
    }

    #[test]
    fn any_f64_input_gives_a_value_or_a_clear_error(xs in prop::collection::vec(any::<f64>(), 0..50)) {
        match Tally::from_scores(Scale::NPS, &xs) {
            Ok(t) => prop_assert_eq!(t.n() + t.missing(), xs.len() as u64),
            Err(e) => prop_assert!(["out_of_scale", "not_integer", "not_finite"].contains(&e.code())),
        }
        let t = Tally::from_scores_with(Scale::NPS, &xs, None, OnInvalid::Skip).unwrap();
        prop_assert_eq!(t.n() + t.missing() + t.invalid(), xs.len() as u64);
    }
}
