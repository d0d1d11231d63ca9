//! Counts never wrap: every way a tally grows is checked against `Tally::MAX_ROWS`
//! (2^64 - 1 rows in all), refuses with `invalid_argument` (`invalid_format` when
//! decoding) and leaves the tally unchanged.

use cxmetrics::{OnInvalid, Scale, Tally};

const MAX: u64 = u64::MAX;

fn full() -> Tally {
    Tally::from_counts(Scale::BINARY, &[MAX - 1, 1]).unwrap()
}

fn assert_limit(e: &cxmetrics::Error) {
    assert_eq!(e.code(), "invalid_argument", "{e}");
    assert!(
        e.to_string().contains("2^64 - 1 = 18446744073709551615"),
        "{e}"
    );
}

#[test]
fn from_counts_refuses_a_sum_above_the_limit() {
    // the issue's example: [2^64 - 1, 1] summed to n = 0
    let e = Tally::from_counts(Scale::BINARY, &[MAX, 1]).unwrap_err();
    assert_limit(&e);
    assert!(
        e.to_string().starts_with("invalid argument `counts`"),
        "{e}"
    );
    assert_eq!(
        Tally::from_counts(Scale::BINARY, &[MAX, 0]).unwrap().n(),
        MAX
    );
    assert_eq!(full().n(), MAX);
    let e = Tally::from_counts(Scale::NPS, &[MAX / 4 + 1; 11]).unwrap_err();
    assert_limit(&e);
}

#[test]
fn merge_at_the_limit() {
    let mut a = Tally::from_counts(Scale::BINARY, &[MAX - 5, 0]).unwrap();
    let b = Tally::from_counts(Scale::BINARY, &[0, 5]).unwrap();
    a.merge(&b).unwrap();
    assert_eq!((a.n(), a.counts()), (MAX, &[MAX - 5, 5][..]));
    let before = a.clone();
    let one = Tally::from_counts(Scale::BINARY, &[0, 1]).unwrap();
    assert_limit(&a.merge(&one).unwrap_err());
    assert_eq!(a, before);
    // self-merge of a tally above half the limit
    let mut half = Tally::from_counts(Scale::BINARY, &[MAX / 2 + 1, 0]).unwrap();
    let copy = half.clone();
    assert_limit(&half.merge(&copy).unwrap_err());
    assert_eq!(half, copy);
    // the check covers missing and invalid, which count as rows too
    let mut m = Tally::new(Scale::BINARY);
    m.extend_with(&[f64::NAN, 3.0], None, OnInvalid::Skip)
        .unwrap();
    let mut f = full();
    assert_limit(&f.merge(&m).unwrap_err());
    assert_eq!(f, full());
}

#[test]
fn merge_weighted_at_the_limit_is_unchanged() {
    let mut w =
        Tally::from_scores_with(Scale::BINARY, &[1u8], Some(&[2.5]), OnInvalid::Error).unwrap();
    let before = w.clone();
    assert_limit(&w.merge(&full()).unwrap_err());
    assert_eq!(w, before);
    let mut f = full();
    assert_limit(&f.merge(&before).unwrap_err());
    assert_eq!(f, full());
    assert!(!f.is_weighted());
}

#[test]
fn push_and_extend_at_the_limit() {
    let mut t = Tally::from_counts(Scale::BINARY, &[MAX - 1, 0]).unwrap();
    t.push(1u8).unwrap();
    assert_eq!(t.n(), MAX);
    let before = t.clone();
    assert_limit(&t.push(0u8).unwrap_err());
    // a missing or skipped row is a row too
    assert_limit(&t.push_with(f64::NAN, None, OnInvalid::Error).unwrap_err());
    assert_limit(&t.push_with(7.0, None, OnInvalid::Skip).unwrap_err());
    assert_limit(&t.push_with(1.0, Some(2.0), OnInvalid::Error).unwrap_err());
    assert_limit(&t.extend(&[1u8, 0]).unwrap_err());
    assert_limit(
        &t.extend_with_validity(&[1u8], &[0], 0, None, OnInvalid::Error)
            .unwrap_err(),
    );
    assert_eq!(t, before);
    // an empty extend still fits
    t.extend::<u8>(&[]).unwrap();
    assert_eq!(t, before);
}

#[cfg(feature = "serde")]
#[test]
fn decoding_refuses_a_state_above_the_limit() {
    let json = |counts: &str, missing: u64, invalid: u64| {
        format!(
            r#"{{"format":"cxmetrics.tally","version":1,"scale":{{"min":0,"max":1}},"counts":{counts},"missing":{missing},"invalid":{invalid},"weights":null}}"#
        )
    };
    let at = Tally::from_json(&json(&format!("[{}, 1]", MAX - 3), 1, 1)).unwrap();
    assert_eq!((at.n(), at.missing(), at.invalid()), (MAX - 2, 1, 1));
    assert_eq!(Tally::from_json(&at.to_json()).unwrap(), at);
    for (counts, missing, invalid) in [
        (format!("[{MAX}, 1]"), 0, 0),
        (format!("[{MAX}, 0]"), 1, 0),
        (format!("[{MAX}, 0]"), 0, 1),
        (format!("[{}, 0]", MAX - 1), 1, 1),
    ] {
        let e = Tally::from_json(&json(&counts, missing, invalid)).unwrap_err();
        assert_eq!(e.code(), "invalid_format", "{e}");
        assert!(e.to_string().contains("2^64 - 1"), "{e}");
    }
    // 2^64 itself is not a u64
    let e = Tally::from_json(&json("[18446744073709551616, 0]", 0, 0)).unwrap_err();
    assert_eq!(e.code(), "invalid_format");
}
