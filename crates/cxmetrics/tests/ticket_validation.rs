//! Issue 15 item 6: records and columns validate the same ticket history the same way —
//! the same `out_of_order` error (code, index and message) or the same metrics.
//!
//! Each history is written as records; its columns are derived by the rule of
//! docs/metrics/service.md ("Derived per ticket"), written out here by hand:
//! `first_solved = min(solved)`, resolved when `max(solved) > max(reopened)`,
//! `final_solved = max(solved)` when resolved, `first_reopened = min(reopened)`.

use cxmetrics::jiff::{SignedDuration, Timestamp};
use cxmetrics::{
    Clock, DurationMetric, DurationOptions, Error, FcrDenominator, FcrOptions, Ticket,
    TicketColumns, Tickets, fcr, ticket_durations,
};

/// 2026-11-02 09:00 UTC plus `m` minutes.
fn at(m: i64) -> Timestamp {
    let base: Timestamp = "2026-11-02T09:00:00Z".parse().unwrap();
    base.checked_add(SignedDuration::from_mins(m)).unwrap()
}

fn ticket(solved: &[i64], reopened: &[i64]) -> Ticket {
    Ticket {
        created: at(0),
        solved: solved.iter().map(|&m| at(m)).collect(),
        reopened: reopened.iter().map(|&m| at(m)).collect(),
        agent_replies: 1,
        ..Default::default()
    }
}

/// Columns of records with at most one reopen, derived by the documented rule.
fn tickets_from_columns_of(records: &[Ticket]) -> Result<Tickets, Error> {
    let created: Vec<Timestamp> = records.iter().map(|r| r.created).collect();
    let first_response: Vec<_> = records.iter().map(|r| r.first_response).collect();
    let first_solved: Vec<_> = records
        .iter()
        .map(|r| r.solved.iter().min().copied())
        .collect();
    let final_solved: Vec<_> = records
        .iter()
        .map(|r| {
            let last = r.solved.iter().max().copied();
            match (last, r.reopened.iter().max()) {
                (Some(s), Some(&o)) if s > o => Some(s),
                (Some(s), None) => Some(s),
                _ => None,
            }
        })
        .collect();
    let first_reopened: Vec<_> = records
        .iter()
        .map(|r| r.reopened.iter().min().copied())
        .collect();
    let replies: Vec<u32> = records.iter().map(|r| r.agent_replies).collect();
    let paused: Vec<(usize, Timestamp, Timestamp)> = records
        .iter()
        .enumerate()
        .flat_map(|(i, r)| r.paused.iter().map(move |&(a, b)| (i, a, b)))
        .collect();
    Tickets::from_columns(TicketColumns {
        created: &created,
        first_response: Some(&first_response),
        first_solved: Some(&first_solved),
        final_solved: Some(&final_solved),
        first_reopened: Some(&first_reopened),
        agent_replies: Some(&replies),
        paused: Some(&paused),
        ..Default::default()
    })
}

/// Both forms refuse with `out_of_order` at `index`, with one message naming the rule.
fn same_refusal(records: &[Ticket], index: usize, fragment: &str) {
    let r = Tickets::from_records(records).unwrap_err();
    let c = tickets_from_columns_of(records).unwrap_err();
    assert_eq!((r.code(), r.index()), ("out_of_order", Some(index)), "{r}");
    assert_eq!(r, c, "records and columns disagree");
    let m = r.to_string();
    assert!(m.starts_with(&format!("ticket at index {index}: ")), "{m}");
    assert!(m.contains(fragment), "{m:?} lacks {fragment:?}");
    assert!(!m.contains("precede the ticket's creation"), "{m}");
}

/// Both forms accept, with the same FCR (both denominators) and the same durations.
fn same_metrics(records: &[Ticket]) {
    let r = Tickets::from_records(records).unwrap();
    let c = tickets_from_columns_of(records).unwrap();
    for denominator in [FcrDenominator::Resolved, FcrDenominator::Created] {
        let o = FcrOptions {
            denominator,
            ..Default::default()
        };
        assert_eq!(
            fcr(&r, &o).map(|x| (x.count, x.n)),
            fcr(&c, &o).map(|x| (x.count, x.n))
        );
    }
    let opts = DurationOptions {
        clock: Clock::Calendar,
        as_of: None,
    };
    for metric in [
        DurationMetric::FirstResponse,
        DurationMetric::FirstResolution,
        DurationMetric::FullResolution,
        DurationMetric::RequesterWait,
    ] {
        assert_eq!(
            ticket_durations(&r, metric, &opts).unwrap(),
            ticket_durations(&c, metric, &opts).unwrap(),
            "{metric:?}"
        );
    }
}

#[test]
fn events_before_creation() {
    let ok = ticket(&[60], &[]);
    let early_response = Ticket {
        first_response: Some(at(-5)),
        ..ok.clone()
    };
    same_refusal(
        &[ok.clone(), early_response],
        1,
        "the first response is before the ticket was created",
    );
    same_refusal(
        &[ok.clone(), ticket(&[-60], &[])],
        1,
        "a solve is before the ticket was created",
    );
    // a solve after creation, the reopen before it: the reopen's rule, in both forms
    same_refusal(
        &[ticket(&[60], &[-30])],
        0,
        "a reopen is before the ticket was created",
    );
}

#[test]
fn the_first_ticket_that_fails_is_reported_whichever_rule() {
    // ticket 0: a first response before creation; ticket 1: a solve before creation.
    // Records used to check solves of every ticket first (index 1), columns reported 0.
    let early_response = Ticket {
        first_response: Some(at(-5)),
        ..ticket(&[60], &[])
    };
    same_refusal(&[early_response, ticket(&[-60], &[])], 0, "first response");
    // ticket 0: a pause that ends before it starts; ticket 1: a reopen before any solve
    let bad_pause = Ticket {
        paused: vec![(at(30), at(20))],
        ..ticket(&[60], &[])
    };
    same_refusal(
        &[bad_pause, ticket(&[60], &[30])],
        0,
        "a paused interval ends before it starts",
    );
}

#[test]
fn reopens_follow_a_solve() {
    let fragment = "a reopen does not follow a solve";
    same_refusal(&[ticket(&[], &[30])], 0, fragment); // never solved
    same_refusal(&[ticket(&[], &[]), ticket(&[60], &[30])], 1, fragment); // before the solve
    same_refusal(&[ticket(&[60, 120], &[30])], 0, fragment); // before both solves
    // a solve and a reopen at one instant: the solve comes first (open, one period)
    same_metrics(&[ticket(&[60], &[60])]);
    // reopened then solved again: resolved at the final solve
    same_metrics(&[ticket(&[60, 180], &[120])]);
    // solved twice, then reopened: open, and the first reopen disqualifies FCR
    same_metrics(&[ticket(&[60, 90], &[120]), ticket(&[60], &[])]);
}

#[test]
fn pauses() {
    let with = |paused: Vec<(Timestamp, Timestamp)>| Ticket {
        paused,
        ..ticket(&[240], &[])
    };
    same_refusal(
        &[with(vec![(at(30), at(20))])],
        0,
        "a paused interval ends before it starts",
    );
    same_refusal(
        &[with(vec![(at(-10), at(20))])],
        0,
        "a paused interval starts before the ticket was created",
    );
    // overlapping pauses, in any order: their union (10…70 min) is left out of the wait
    let overlapping = with(vec![(at(40), at(70)), (at(10), at(50))]);
    same_metrics(std::slice::from_ref(&overlapping));
    let wait = ticket_durations(
        &Tickets::from_records(&[overlapping]).unwrap(),
        DurationMetric::RequesterWait,
        &DurationOptions::default(),
    )
    .unwrap();
    assert_eq!(wait, [Some((240.0 - 60.0) * 60.0)]);
}

#[test]
fn as_of_is_checked_the_same_way() {
    let tickets = [ticket(&[60], &[]), ticket(&[60, 180], &[120])];
    let as_of = DurationOptions {
        clock: Clock::Calendar,
        as_of: Some(at(150)),
    };
    let r = Tickets::from_records(&tickets).unwrap();
    let c = tickets_from_columns_of(&tickets).unwrap();
    let e = ticket_durations(&r, DurationMetric::FirstResponse, &as_of).unwrap_err();
    assert_eq!(
        e,
        ticket_durations(&c, DurationMetric::FirstResponse, &as_of).unwrap_err()
    );
    assert_eq!((e.code(), e.index()), ("out_of_order", Some(1)));
    let m = e.to_string();
    assert!(m.contains("after the as-of instant"), "{m}");
    assert!(!m.contains("creation"), "{m}");
}

/// What columns state beyond a record: which solve is first, and that a ticket with a
/// final solve is resolved now. A statement the events contradict is refused.
#[test]
fn columns_state_only_what_the_events_allow() {
    let created = [at(0)];
    let refused = |first: Option<i64>, last: Option<i64>, reopen: Option<i64>, fragment: &str| {
        let first = [first.map(at)];
        let last = [last.map(at)];
        let reopen = [reopen.map(at)];
        let e = Tickets::from_columns(TicketColumns {
            created: &created,
            first_solved: Some(&first),
            final_solved: Some(&last),
            first_reopened: Some(&reopen),
            ..Default::default()
        })
        .unwrap_err();
        assert_eq!((e.code(), e.index()), ("out_of_order", Some(0)));
        assert!(e.to_string().contains(fragment), "{e}");
    };
    refused(None, Some(60), None, "a final solve without a first solve");
    refused(
        Some(60),
        Some(30),
        None,
        "the final solve is before the first solve",
    );
    // the case: resolved at 09:45 but reopened at 10:00 — the ticket is open
    refused(
        Some(30),
        Some(45),
        Some(60),
        "the final solve is not after the first reopen",
    );
    refused(
        Some(30),
        Some(60),
        Some(60),
        "the final solve is not after the first reopen",
    );
    refused(None, None, Some(60), "a reopen does not follow a solve");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    /// Any history with at most two solves and one reopen (so columns can hold it): records
    /// and the documented columns of it give the same error, or the same metrics.
    #[test]
    fn records_and_columns_agree_on_any_history(
        rows in proptest::collection::vec(
            (
                proptest::option::of(-30i64..300),
                proptest::collection::vec(-30i64..300, 0..=2),
                proptest::collection::vec(-30i64..300, 0..=1),
                proptest::collection::vec((-30i64..300, -30i64..300), 0..=2),
                0u32..3,
            ),
            1..4,
        )
    ) {
        let records: Vec<Ticket> = rows
            .iter()
            .map(|(response, solved, reopened, paused, replies)| Ticket {
                first_response: response.map(at),
                paused: paused.iter().map(|&(a, b)| (at(a), at(b))).collect(),
                agent_replies: *replies,
                ..ticket(solved, reopened)
            })
            .collect();
        match (Tickets::from_records(&records), tickets_from_columns_of(&records)) {
            (Err(r), Err(c)) => {
                proptest::prop_assert_eq!(&r, &c);
                proptest::prop_assert_eq!(r.code(), "out_of_order");
            }
            (Ok(_), Ok(_)) => same_metrics(&records),
            (r, c) => proptest::prop_assert!(false, "records {:?}, columns {:?}", r.err(), c.err()),
        }
    }
}
