//! Issue 15 item 8: every message says what happened for that input — a length mismatch
//! names the two inputs (and no unrelated advice), an `out_of_order` names the events and
//! the rule, an instant out of range says so. Expected fragments are written by hand.

use cxmetrics::jiff::Timestamp;
use cxmetrics::{
    Clock, Error, KeyPart, OnInvalid, Scale, Segments, Tally, TicketColumns, Tickets, handle_time,
    parse_instant,
};

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

/// `length_mismatch` with this message, exactly.
fn mismatch(e: Error, message: &str) {
    assert_eq!(e.code(), "length_mismatch");
    assert_eq!(e.to_string(), message);
}

#[test]
fn length_mismatches_name_their_two_inputs() {
    let keys = vec![vec![KeyPart::Int(1)]; 3];
    mismatch(
        Segments::from_keys(Scale::NPS, &keys, &[9u8, 9], None, OnInvalid::Error).unwrap_err(),
        "keys and scores: lengths differ (3 vs 2)",
    );
    let created = [ts("2026-11-02T09:00:00Z"); 2];
    let replies = [1u32; 3];
    let cols = TicketColumns {
        created: &created,
        agent_replies: Some(&replies),
        ..Default::default()
    };
    mismatch(
        Tickets::from_columns(cols).unwrap_err(),
        "created and agent_replies: lengths differ (2 vs 3)",
    );
    mismatch(
        handle_time(&[1.0, 2.0], Some(&[1.0]), None).unwrap_err(),
        "hold and talk: lengths differ (1 vs 2)",
    );
    mismatch(
        Tally::from_counts(Scale::ONE_TO_FIVE, &[1, 2]).unwrap_err(),
        "counts and scale points: lengths differ (2 vs 5)",
    );
    // weights keep their name; no message carries another input's advice
    mismatch(
        Tally::from_scores_with(Scale::NPS, &[9u8, 9, 9], Some(&[1.0]), OnInvalid::Error)
            .unwrap_err(),
        "scores and weights: lengths differ (3 vs 1)",
    );
}

#[test]
fn out_of_order_without_a_ticket_names_the_duration() {
    let e = Clock::Calendar
        .seconds(ts("2026-11-02T10:00:00Z"), ts("2026-11-02T09:00:00Z"))
        .unwrap_err();
    assert_eq!((e.code(), e.index()), ("out_of_order", None));
    assert_eq!(e.to_string(), "the end of a duration is before its start");
}

#[test]
fn instants_out_of_range_say_so() {
    // well-formed, with an offset, past the last representable instant
    for s in ["9999-12-31T23:00:00Z", "-009999-01-01T00:00:00+00:00"] {
        let e = parse_instant(s).unwrap_err();
        assert_eq!(e.code(), "invalid_argument");
        let m = e.to_string();
        assert!(m.contains("out of the supported range"), "{m}");
        assert!(
            !m.contains("UTC offset") && !m.contains("not a valid instant"),
            "{m}"
        );
    }
    // a local date or time without an offset is ambiguous
    for s in ["2026-11-02T09:00:00", "2026-11-02"] {
        let m = parse_instant(s).unwrap_err().to_string();
        assert!(m.contains("has no UTC offset"), "{m}");
    }
    // text that is no instant at all, or an impossible date, says just that
    for s in [
        "yesterday",
        "2026-13-01T09:00:00Z",
        "2026-02-30T09:00:00Z",
        "+010000-01-01T00:00:00Z",
    ] {
        let m = parse_instant(s).unwrap_err().to_string();
        assert!(m.contains("is not a valid instant"), "{m}");
    }
}
