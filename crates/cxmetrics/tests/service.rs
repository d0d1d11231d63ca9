//! Business hours across DST, holidays and after-hours; ticket metrics. Expected values
//! are hand calculations (stated in each test).

use cxmetrics::jiff::Timestamp;
use cxmetrics::jiff::civil::{Date, Time, Weekday, date, time};
use cxmetrics::{
    Clock, DurationMetric, DurationOptions, FcrDenominator, FcrOptions, ResolutionKind, Schedule,
    Ticket, TicketColumns, Tickets, Window, fcr, first_response_time, handle_time,
    requester_wait_time, resolution_time, sla, ticket_durations,
};
use cxmetrics::{DurationSummary, TicketSpan, ticket_spans};
use proptest::prelude::*;

const H: f64 = 3600.0;

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn weekdays(start: Time, end: Time) -> Vec<Window> {
    [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
    ]
    .iter()
    .map(|&d| Window::new(d, start, end))
    .collect()
}

fn every_day(start: Time, end: Time) -> Vec<Window> {
    [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ]
    .iter()
    .map(|&d| Window::new(d, start, end))
    .collect()
}

/// Business seconds of `s` between two ISO instants (which must be valid and in order).
fn business_seconds(s: &Schedule, start: &str, end: &str) -> f64 {
    s.business_seconds(ts(start), ts(end)).unwrap()
}

fn nine_to_five(tz: &str, holidays: &[Date]) -> Schedule {
    Schedule::from_iana(tz, &weekdays(time(9, 0, 0, 0), time(17, 0, 0, 0)), holidays).unwrap()
}

#[test]
fn new_york_spring_forward_day() {
    // 2026-03-08 (Sunday) 02:00 → 03:00. A full-day window lasts 23 h.
    let s = Schedule::from_iana(
        "America/New_York",
        &every_day(Time::midnight(), Time::midnight()),
        &[],
    )
    .unwrap();
    let d = business_seconds(&s, "2026-03-08T00:00:00-05:00", "2026-03-09T00:00:00-04:00");
    assert_eq!(d, 23.0 * H);
    // 9–17 on the Monday after is 8 h, and the weekend counts nothing.
    let w = nine_to_five("America/New_York", &[]);
    let d = business_seconds(&w, "2026-03-06T17:00:00-05:00", "2026-03-09T17:00:00-04:00");
    assert_eq!(d, 8.0 * H);
}

#[test]
fn window_opening_inside_the_gap_opens_at_the_transition() {
    // Sunday window 02:30–04:00 on 2026-03-08 in New York: 02:30 does not exist; the
    // clock first reads ≥ 02:30 at 03:00 EDT, so the window is 03:00–04:00 = 1 h.
    let w = [Window::new(
        Weekday::Sunday,
        time(2, 30, 0, 0),
        time(4, 0, 0, 0),
    )];
    let s = Schedule::from_iana("America/New_York", &w, &[]).unwrap();
    let d = business_seconds(&s, "2026-03-08T00:00:00-05:00", "2026-03-08T12:00:00-04:00");
    assert_eq!(d, H);
    // a window 01:00–02:30 closes at the transition: 1 h (01:00–01:59:59 EST)
    let w = [Window::new(
        Weekday::Sunday,
        time(1, 0, 0, 0),
        time(2, 30, 0, 0),
    )];
    let s = Schedule::from_iana("America/New_York", &w, &[]).unwrap();
    let d = business_seconds(&s, "2026-03-08T00:00:00-05:00", "2026-03-08T12:00:00-04:00");
    assert_eq!(d, H);
}

#[test]
fn new_york_fall_back_day() {
    // 2026-11-01 (Sunday) 02:00 EDT → 01:00 EST: the full day lasts 25 h.
    let s = Schedule::from_iana(
        "America/New_York",
        &every_day(Time::midnight(), Time::midnight()),
        &[],
    )
    .unwrap();
    let d = business_seconds(&s, "2026-11-01T00:00:00-04:00", "2026-11-02T00:00:00-05:00");
    assert_eq!(d, 25.0 * H);
    // A window closing at 01:30 closes at its first occurrence (05:30 UTC): 00:00–01:30 = 1.5 h
    let w = [Window::new(
        Weekday::Sunday,
        Time::midnight(),
        time(1, 30, 0, 0),
    )];
    let s = Schedule::from_iana("America/New_York", &w, &[]).unwrap();
    let d = business_seconds(&s, "2026-11-01T00:00:00-04:00", "2026-11-01T12:00:00-05:00");
    assert_eq!(d, 1.5 * H);
}

#[test]
fn berlin_dst_days() {
    // 2026-03-29: 02:00 → 03:00 (23 h day); 2026-10-25: 03:00 → 02:00 (25 h day).
    let s = Schedule::from_iana(
        "Europe/Berlin",
        &every_day(Time::midnight(), Time::midnight()),
        &[],
    )
    .unwrap();
    let spring = business_seconds(&s, "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00");
    assert_eq!(spring, 23.0 * H);
    let fall = business_seconds(&s, "2026-10-25T00:00:00+02:00", "2026-10-26T00:00:00+01:00");
    assert_eq!(fall, 25.0 * H);
    // 9–17 on the Monday after each change is 8 h
    let w = nine_to_five("Europe/Berlin", &[]);
    let d = business_seconds(&w, "2026-03-30T00:00:00+02:00", "2026-03-31T00:00:00+02:00");
    assert_eq!(d, 8.0 * H);
}

#[test]
fn holiday_on_a_weekday_counts_nothing() {
    // Wed 2026-12-23 to Mon 2026-12-28 with Fri 25 Dec a holiday: Wed 1h (16–17),
    // Thu 8 h, Fri 0, Mon 3 h (9–12) = 12 h
    let s = nine_to_five("Europe/Berlin", &[date(2026, 12, 25)]);
    let d = business_seconds(&s, "2026-12-23T16:00:00+01:00", "2026-12-28T12:00:00+01:00");
    assert_eq!(d, 12.0 * H);
    let without = nine_to_five("Europe/Berlin", &[]);
    assert_eq!(
        business_seconds(
            &without,
            "2026-12-23T16:00:00+01:00",
            "2026-12-28T12:00:00+01:00"
        ),
        20.0 * H
    );
}

#[test]
fn ticket_opened_and_answered_after_hours() {
    let s = nine_to_five("America/New_York", &[]);
    let tickets = Tickets::from_records(&[Ticket {
        created: ts("2026-11-04T19:00:00-05:00"),
        first_response: Some(ts("2026-11-04T21:30:00-05:00")),
        ..Default::default()
    }])
    .unwrap();
    let business = first_response_time(
        &tickets,
        &DurationOptions {
            clock: Clock::Business(&s),
            as_of: None,
        },
    )
    .unwrap();
    let calendar = first_response_time(&tickets, &DurationOptions::default()).unwrap();
    assert_eq!((business.median, calendar.median), (0.0, 2.5 * H));
    assert_eq!(business.clock, "business");
}

#[test]
fn start_before_opening_and_end_after_closing_same_day() {
    let s = nine_to_five("Europe/Berlin", &[]);
    let d = business_seconds(&s, "2026-11-04T07:00:00+01:00", "2026-11-04T20:00:00+01:00");
    assert_eq!(d, 8.0 * H);
    // both before opening
    assert_eq!(
        business_seconds(&s, "2026-11-04T06:00:00+01:00", "2026-11-04T08:59:00+01:00"),
        0.0
    );
}

#[test]
fn overnight_window_belongs_to_its_start_day() {
    // Friday 22:00–06:00; Friday is a holiday, so nothing counts that night
    let w = [Window::new(
        Weekday::Friday,
        time(22, 0, 0, 0),
        time(6, 0, 0, 0),
    )];
    let open = Schedule::from_iana("UTC", &w, &[]).unwrap();
    let a = ts("2026-11-06T20:00:00Z");
    let b = ts("2026-11-07T12:00:00Z");
    assert_eq!(open.business_seconds(a, b).unwrap(), 8.0 * H);
    let closed = Schedule::from_iana("UTC", &w, &[date(2026, 11, 6)]).unwrap();
    assert_eq!(closed.business_seconds(a, b).unwrap(), 0.0);
}

#[test]
fn add_business_deadlines() {
    let s = nine_to_five("America/New_York", &[date(2026, 11, 26)]); // Thanksgiving
    // Wed 25 Nov 15:00 + 4 business hours: 2 h Wed, Thu closed, 2 h Fri → Fri 11:00
    let due = s
        .add_business(ts("2026-11-25T15:00:00-05:00"), 4.0 * H)
        .unwrap();
    assert_eq!(due, ts("2026-11-27T11:00:00-05:00"));
    // landing exactly on a closing time: the closing time itself
    assert_eq!(
        s.add_business(ts("2026-11-25T15:00:00-05:00"), 2.0 * H)
            .unwrap(),
        ts("2026-11-25T17:00:00-05:00")
    );
    // zero seconds outside hours: the next opening (Mon 30 Nov 09:00 from Sat)
    assert_eq!(
        s.add_business(ts("2026-11-28T10:00:00-05:00"), 0.0)
            .unwrap(),
        ts("2026-11-30T09:00:00-05:00")
    );
    assert_eq!(
        s.add_business(ts("2026-11-28T10:00:00-05:00"), -1.0)
            .unwrap_err()
            .code(),
        "invalid_argument"
    );
}

#[test]
fn schedule_errors() {
    let w = weekdays(time(9, 0, 0, 0), time(17, 0, 0, 0));
    assert_eq!(
        Schedule::from_iana("Mars/Olympus", &w, &[])
            .unwrap_err()
            .code(),
        "unknown_time_zone"
    );
    assert_eq!(
        Schedule::from_iana("UTC", &[], &[]).unwrap_err().code(),
        "empty_schedule"
    );
    let overlap = [
        Window::new(Weekday::Monday, time(9, 0, 0, 0), time(12, 0, 0, 0)),
        Window::new(Weekday::Monday, time(11, 0, 0, 0), time(17, 0, 0, 0)),
    ];
    assert_eq!(
        Schedule::from_iana("UTC", &overlap, &[])
            .unwrap_err()
            .code(),
        "overlapping_windows"
    );
    let spill = [
        Window::new(Weekday::Sunday, time(22, 0, 0, 0), time(10, 0, 0, 0)),
        Window::new(Weekday::Monday, time(9, 0, 0, 0), time(17, 0, 0, 0)),
    ];
    assert_eq!(
        Schedule::from_iana("UTC", &spill, &[]).unwrap_err().code(),
        "overlapping_windows"
    );
    let touching = [
        Window::new(Weekday::Monday, time(9, 0, 0, 0), time(12, 0, 0, 0)),
        Window::new(Weekday::Monday, time(12, 0, 0, 0), time(17, 0, 0, 0)),
    ];
    assert!(Schedule::from_iana("UTC", &touching, &[]).is_ok());
    let s = nine_to_five("UTC", &[]);
    assert_eq!(
        s.business_seconds(ts("2026-11-05T10:00:00Z"), ts("2026-11-04T10:00:00Z"))
            .unwrap_err()
            .code(),
        "out_of_order"
    );
}

fn reopened_ticket() -> Ticket {
    Ticket {
        created: ts("2026-11-02T09:00:00Z"),
        first_response: Some(ts("2026-11-02T09:15:00Z")),
        solved: vec![ts("2026-11-02T10:00:00Z"), ts("2026-11-03T10:00:00Z")],
        reopened: vec![ts("2026-11-02T15:00:00Z")],
        agent_replies: 1,
        paused: vec![(ts("2026-11-02T09:30:00Z"), ts("2026-11-02T09:45:00Z"))],
        priority: Some("high".into()),
        ..Default::default()
    }
}

#[test]
fn reopened_tickets_are_counted_once() {
    let open_again = Ticket {
        solved: vec![ts("2026-11-02T10:00:00Z")],
        ..reopened_ticket()
    };
    let t = Tickets::from_records(&[reopened_ticket(), open_again]).unwrap();
    let o = DurationOptions {
        clock: Clock::Calendar,
        as_of: Some(ts("2026-11-04T09:00:00Z")),
    };
    let first = resolution_time(&t, ResolutionKind::First, &o).unwrap();
    assert_eq!((first.n, first.open, first.median), (2, 0, H));
    let full = resolution_time(&t, ResolutionKind::Full, &o).unwrap();
    assert_eq!((full.n, full.open, full.median), (1, 1, 25.0 * H));
    // requester wait: 25 h − 15 min paused − 5 h solved (10:00 → reopened 15:00)
    assert_eq!(
        requester_wait_time(&t, &o).unwrap().median,
        20.0 * H - 900.0
    );
    // FCR: reopened, so not first contact (default rule); with a 1-hour reopen window it is
    let t1 = Tickets::from_records(&[reopened_ticket()]).unwrap();
    assert_eq!(fcr(&t1, &FcrOptions::default()).unwrap().count, 0);
    let lenient = FcrOptions {
        reopen_window: Some(H),
        ..FcrOptions::default()
    };
    assert_eq!(fcr(&t1, &lenient).unwrap().count, 1);
}

/// The example: created Thu 10:00, solved Fri 15:00, reopened four days later
/// (Tue 15:00), solved again Tue 17:00 (New York, EST).
fn solved_reopened_solved() -> Ticket {
    Ticket {
        created: ts("2026-11-05T10:00:00-05:00"),
        solved: vec![
            ts("2026-11-10T17:00:00-05:00"),
            ts("2026-11-06T15:00:00-05:00"),
        ],
        reopened: vec![ts("2026-11-10T15:00:00-05:00")],
        ..Default::default()
    }
}

#[test]
fn requester_wait_leaves_out_the_solved_period() {
    let t = Tickets::from_records(&[solved_reopened_solved()]).unwrap();
    let cal = DurationOptions::default();
    // calendar: Thu 10:00 → Fri 15:00 (29 h) + Tue 15:00 → 17:00 (2 h); not the 4 days solved
    assert_eq!(requester_wait_time(&t, &cal).unwrap().median, 31.0 * H);
    // full resolution still runs to the final solve: 5 days 7 h
    assert_eq!(
        resolution_time(&t, ResolutionKind::Full, &cal)
            .unwrap()
            .median,
        127.0 * H
    );
    // business 09:00–17:00 weekdays: Thu 7 h + Fri 6 h + Tue 2 h
    let s = nine_to_five("America/New_York", &[]);
    let biz = DurationOptions {
        clock: Clock::Business(&s),
        as_of: None,
    };
    assert_eq!(requester_wait_time(&t, &biz).unwrap().median, 15.0 * H);
    // the same ticket as columns (one reopen) gives the same
    let created = [ts("2026-11-05T10:00:00-05:00")];
    let first = [Some(ts("2026-11-06T15:00:00-05:00"))];
    let last = [Some(ts("2026-11-10T17:00:00-05:00"))];
    let reopened = [Some(ts("2026-11-10T15:00:00-05:00"))];
    let cols = Tickets::from_columns(TicketColumns {
        created: &created,
        first_solved: Some(&first),
        final_solved: Some(&last),
        first_reopened: Some(&reopened),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(requester_wait_time(&cols, &biz).unwrap().median, 15.0 * H);
}

#[test]
fn every_solved_period_is_left_out_and_open_tickets_too() {
    // solved 10:00, reopened 11:00, solved 12:00, reopened 14:00, solved 15:00:
    // waiting 09:00–10:00, 11:00–12:00, 14:00–15:00 = 3 h (columns would see only the first)
    let t = Ticket {
        created: ts("2026-11-02T09:00:00Z"),
        solved: vec![
            ts("2026-11-02T10:00:00Z"),
            ts("2026-11-02T12:00:00Z"),
            ts("2026-11-02T15:00:00Z"),
        ],
        reopened: vec![ts("2026-11-02T11:00:00Z"), ts("2026-11-02T14:00:00Z")],
        ..Default::default()
    };
    // reopened again at 16:00 and still open at 18:00: 3 h + 2 h so far
    let open = Ticket {
        reopened: vec![
            ts("2026-11-02T11:00:00Z"),
            ts("2026-11-02T14:00:00Z"),
            ts("2026-11-02T16:00:00Z"),
        ],
        ..t.clone()
    };
    let tickets = Tickets::from_records(&[t, open]).unwrap();
    let o = DurationOptions {
        clock: Clock::Calendar,
        as_of: Some(ts("2026-11-02T18:00:00Z")),
    };
    let r = requester_wait_time(&tickets, &o).unwrap();
    assert_eq!(
        (r.n, r.open, r.median, r.km_median),
        (1, 1, 3.0 * H, Some(3.0 * H))
    );
    // the latest event (the reopen at 16:00) is the default as_of
    assert_eq!(tickets.latest(), Some(ts("2026-11-02T16:00:00Z")));
}

#[test]
fn overlapping_pauses_from_two_sources_count_once() {
    // pending 10:00–12:00 and a third party 11:00–13:00 (nested on-hold 11:30–11:45):
    // paused 10:00–13:00; a pause overlapping another past the solve is clipped at 16:00
    let z = |hm: &str| ts(&format!("2026-11-16T{hm}:00-05:00"));
    let t = Tickets::from_records(&[
        Ticket {
            created: z("08:00"),
            solved: vec![z("16:00")],
            paused: vec![
                (z("10:00"), z("12:00")),
                (z("11:00"), z("13:00")),
                (z("11:30"), z("11:45")),
            ],
            ..Default::default()
        },
        Ticket {
            created: z("08:00"),
            solved: vec![z("16:00")],
            paused: vec![(z("14:30"), z("18:00")), (z("14:00"), z("15:00"))],
            ..Default::default()
        },
    ])
    .unwrap();
    let cal = DurationOptions::default();
    let d = ticket_durations(&t, DurationMetric::RequesterWait, &cal).unwrap();
    assert_eq!(d, [Some(5.0 * H), Some(6.0 * H)]);
    let s = nine_to_five("America/New_York", &[]);
    let biz = DurationOptions {
        clock: Clock::Business(&s),
        as_of: None,
    };
    let d = ticket_durations(&t, DurationMetric::RequesterWait, &biz).unwrap();
    assert_eq!(d, [Some(4.0 * H), Some(5.0 * H)]);
}

#[test]
fn fcr_denominators_differ() {
    let solved = Ticket {
        agent_replies: 1,
        solved: vec![ts("2026-11-02T10:00:00Z")],
        ..Default::default()
    };
    let unsolved = Ticket {
        created: ts("2026-11-02T08:00:00Z"),
        ..Default::default()
    };
    let solved = Ticket {
        created: ts("2026-11-02T08:00:00Z"),
        ..solved
    };
    let t = Tickets::from_records(&[solved, unsolved]).unwrap();
    assert_eq!(fcr(&t, &FcrOptions::default()).unwrap().score, 100.0);
    let created = FcrOptions {
        denominator: FcrDenominator::Created,
        ..FcrOptions::default()
    };
    let r = fcr(&t, &created).unwrap();
    assert_eq!((r.count, r.n, r.score), (1, 2, 50.0));
    let i = r.interval(0.95, None).unwrap();
    assert!(i.lower < 50.0 && i.upper > 50.0);
}

#[test]
fn sla_running_and_breached_while_open() {
    let base = Ticket {
        created: ts("2026-11-02T09:00:00Z"),
        priority: Some("high".into()),
        ..Default::default()
    };
    let answered = Ticket {
        first_response: Some(ts("2026-11-02T09:20:00Z")),
        ..base.clone()
    };
    let waiting_short = Ticket {
        created: ts("2026-11-02T11:30:00Z"),
        ..base.clone()
    };
    let waiting_long = base.clone();
    let low = Ticket {
        priority: Some("low".into()),
        ..answered.clone()
    };
    let none = Ticket {
        priority: None,
        ..answered.clone()
    };
    let t = Tickets::from_records(&[answered, waiting_short, waiting_long, low, none]).unwrap();
    let o = DurationOptions {
        clock: Clock::Calendar,
        as_of: Some(ts("2026-11-02T12:00:00Z")),
    };
    let targets = [("high".to_owned(), H)];
    let r = sla(&t, DurationMetric::FirstResponse, &targets, &o).unwrap();
    assert_eq!(r.untargeted, 2);
    let high = &r.rows[0];
    assert_eq!(
        (high.achieved, high.breached, high.running, high.score),
        (1, 1, 1, Some(50.0))
    );
    let with_default = [("high".to_owned(), H), ("*".to_owned(), 600.0)];
    let r = sla(&t, DurationMetric::FirstResponse, &with_default, &o).unwrap();
    assert_eq!(r.untargeted, 0);
    assert_eq!((r.overall.achieved, r.overall.breached), (1, 3));
    assert_eq!(
        sla(&t, DurationMetric::FirstResponse, &[], &o)
            .unwrap_err()
            .code(),
        "invalid_argument"
    );
}

#[test]
fn handle_time_validates() {
    assert_eq!(
        handle_time(&[1.0], Some(&[1.0, 2.0]), None)
            .unwrap_err()
            .code(),
        "length_mismatch"
    );
    let e = handle_time(&[1.0, -2.0], None, None).unwrap_err();
    assert_eq!((e.code(), e.index()), ("invalid_argument", Some(1)));
    assert_eq!(
        handle_time(&[f64::NAN], None, None).unwrap_err().code(),
        "empty"
    );
    assert_eq!(
        handle_time(&[f64::INFINITY], None, None)
            .unwrap_err()
            .code(),
        "invalid_argument"
    );
    let r = handle_time(&[100.0, 200.0, 300.0], None, None).unwrap();
    assert_eq!((r.score, r.std_dev), (200.0, Some(100.0)));
    assert!(r.interval(0.95, None).unwrap().lower >= 0.0);
}

#[test]
fn events_out_of_order_name_the_ticket() {
    let ok = Ticket {
        created: ts("2026-11-02T09:00:00Z"),
        ..Default::default()
    };
    let bad = Ticket {
        first_response: Some(ts("2026-11-01T09:00:00Z")),
        ..ok.clone()
    };
    let e = Tickets::from_records(&[ok.clone(), bad]).unwrap_err();
    assert_eq!((e.code(), e.index()), ("out_of_order", Some(1)));
    let overlapping = Ticket {
        paused: vec![
            (ts("2026-11-02T10:00:00Z"), ts("2026-11-02T12:00:00Z")),
            (ts("2026-11-02T11:00:00Z"), ts("2026-11-02T13:00:00Z")),
        ],
        ..ok.clone()
    };
    // overlapping pauses are merged, not refused; a pause ending before it starts is refused
    assert!(Tickets::from_records(&[overlapping]).is_ok());
    let reversed = Ticket {
        paused: vec![(ts("2026-11-02T12:00:00Z"), ts("2026-11-02T11:00:00Z"))],
        ..ok.clone()
    };
    let e = Tickets::from_records(&[ok.clone(), reversed]).unwrap_err();
    assert_eq!((e.code(), e.index()), ("out_of_order", Some(1)));
    // a reopen must follow a solve: before any solve, or twice without a solve between
    let reopen_first = Ticket {
        solved: vec![ts("2026-11-02T11:00:00Z")],
        reopened: vec![ts("2026-11-02T10:00:00Z")],
        ..ok.clone()
    };
    let e = Tickets::from_records(&[reopen_first]).unwrap_err();
    assert_eq!((e.code(), e.index()), ("out_of_order", Some(0)));
    let twice = Ticket {
        solved: vec![ts("2026-11-02T10:00:00Z")],
        reopened: vec![ts("2026-11-02T11:00:00Z"), ts("2026-11-02T12:00:00Z")],
        ..ok.clone()
    };
    assert_eq!(
        Tickets::from_records(&[twice]).unwrap_err().code(),
        "out_of_order"
    );
    // columns: a reopen without a first solve, or before it
    let created = [ts("2026-11-02T09:00:00Z")];
    let reopened = [Some(ts("2026-11-02T10:00:00Z"))];
    for solved in [None, Some(ts("2026-11-02T10:30:00Z"))] {
        let first = [solved];
        let cols = TicketColumns {
            created: &created,
            first_solved: Some(&first),
            first_reopened: Some(&reopened),
            ..Default::default()
        };
        let e = Tickets::from_columns(cols).unwrap_err();
        assert_eq!((e.code(), e.index()), ("out_of_order", Some(0)));
    }
    let t = Tickets::from_records(&[Ticket {
        first_response: Some(ts("2026-11-03T09:00:00Z")),
        ..ok
    }])
    .unwrap();
    let early = DurationOptions {
        clock: Clock::Calendar,
        as_of: Some(ts("2026-11-02T12:00:00Z")),
    };
    assert_eq!(
        first_response_time(&t, &early).unwrap_err().code(),
        "out_of_order"
    );
}

// ───────────────────────── properties ─────────────────────────

fn schedules() -> Vec<Schedule> {
    vec![
        nine_to_five("America/New_York", &[date(2026, 3, 10), date(2026, 11, 26)]),
        nine_to_five("Europe/Berlin", &[date(2026, 3, 30)]),
        Schedule::from_iana(
            "America/New_York",
            &[
                Window::new(Weekday::Saturday, time(22, 0, 0, 0), time(1, 0, 0, 0)),
                Window::new(Weekday::Sunday, time(1, 30, 0, 0), time(2, 30, 0, 0)),
                Window::new(Weekday::Sunday, time(3, 30, 0, 0), time(9, 0, 0, 0)),
            ],
            &[],
        )
        .unwrap(),
    ]
}

fn instant(offset_minutes: i64) -> Timestamp {
    // around the 2026 DST changes in both zones
    ts("2026-03-05T00:00:00Z")
        .checked_add(cxmetrics::jiff::SignedDuration::from_mins(offset_minutes))
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn business_time_is_additive_and_bounded(a in 0i64..40_000, b in 0i64..40_000, c in 0i64..40_000, k in 0usize..3) {
        let mut v = [a, b, c];
        v.sort_unstable();
        let (a, b, c) = (instant(v[0]), instant(v[1]), instant(v[2]));
        let s = &schedules()[k];
        let ab = s.business_seconds(a, b).unwrap();
        let bc = s.business_seconds(b, c).unwrap();
        let ac = s.business_seconds(a, c).unwrap();
        prop_assert!((ac - (ab + bc)).abs() < 1e-6, "{ac} vs {ab} + {bc}");
        let cal = (c.as_second() - a.as_second()) as f64;
        prop_assert!(ac <= cal + 1e-9 && ac >= 0.0);
    }

    #[test]
    fn add_business_inverts_business_seconds(a in 0i64..40_000, hours in 0u32..60, k in 0usize..3) {
        let s = &schedules()[k];
        let start = instant(a);
        let secs = f64::from(hours) * 1800.0;
        let due = s.add_business(start, secs).unwrap();
        prop_assert!((s.business_seconds(start, due).unwrap() - secs).abs() < 1e-6);
    }

    #[test]
    fn zero_outside_hours(day in 0i64..60, minute in 0i64..(9 * 60)) {
        // 00:00–08:59 local (before opening) is never business time in a 9–17 schedule
        let s = nine_to_five("UTC", &[]);
        let a = ts("2026-03-02T00:00:00Z").checked_add(cxmetrics::jiff::SignedDuration::from_hours(24 * day)).unwrap();
        let b = a.checked_add(cxmetrics::jiff::SignedDuration::from_mins(minute)).unwrap();
        prop_assert_eq!(s.business_seconds(a, b).unwrap(), 0.0);
    }
}

/// Tickets from `(created, response, first solve, reopen, final solve, pause)` offsets in
/// minutes after `instant(0)` (each event after the previous one; `None` where absent).
fn ticket_of(created: i64, steps: [Option<i64>; 4], pause: Option<(i64, i64)>) -> Ticket {
    let at = |m: i64| instant(created + m);
    let [response, solve, reopen, again] = steps;
    let mut solved = Vec::new();
    let mut reopened = Vec::new();
    if let Some(s) = solve {
        solved.push(at(s));
        if let Some(o) = reopen {
            reopened.push(at(s + o));
            if let Some(a) = again {
                solved.push(at(s + o + a));
            }
        }
    }
    Ticket {
        created: at(0),
        first_response: response.map(at),
        solved,
        reopened,
        paused: pause.map(|(a, b)| (at(a), at(a + b))).into_iter().collect(),
        ..Default::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// What an engine does (issue 14): the spans of batches of tickets, against the
    /// latest instant of all of them, rebuild the summary of all the tickets, `==`.
    #[test]
    fn spans_of_batches_rebuild_the_summary(
        raw in proptest::collection::vec(
            (0i64..30_000, proptest::array::uniform4(proptest::option::of(1i64..3_000)), proptest::option::of((0i64..2_000, 0i64..600))),
            1..40,
        ),
        cut in 0usize..40,
        k in 0usize..4,
        m in 0usize..4,
    ) {
        let records: Vec<Ticket> = raw.iter().map(|&(c, steps, p)| ticket_of(c, steps, p)).collect();
        let all = Tickets::from_records(&records).unwrap();
        let metric = [
            DurationMetric::FirstResponse,
            DurationMetric::FirstResolution,
            DurationMetric::FullResolution,
            DurationMetric::RequesterWait,
        ][m];
        let scheds = schedules();
        let clock = if k == 3 { Clock::Calendar } else { Clock::Business(&scheds[k]) };
        let whole = DurationOptions { clock, as_of: None };
        let expected = match metric {
            DurationMetric::FirstResponse => first_response_time(&all, &whole),
            DurationMetric::FirstResolution => resolution_time(&all, ResolutionKind::First, &whole),
            DurationMetric::FullResolution => resolution_time(&all, ResolutionKind::Full, &whole),
            _ => requester_wait_time(&all, &whole),
        };
        let parts = DurationOptions { clock, as_of: all.latest() };
        let cut = cut.min(records.len());
        let (mut done, mut open) = (Vec::new(), Vec::new());
        // the second batch first: the order of the batches does not matter
        for batch in [&records[cut..], &records[..cut]] {
            if batch.is_empty() {
                continue;
            }
            for s in ticket_spans(&Tickets::from_records(batch).unwrap(), metric, &parts).unwrap() {
                match s {
                    TicketSpan::Done(x) => done.push(x),
                    TicketSpan::Open(x) => open.push(x),
                }
            }
        }
        let rebuilt = DurationSummary::from_durations(&done, &open, clock.as_str());
        match expected {
            Ok(e) => prop_assert_eq!(rebuilt.unwrap(), e),
            Err(e) => prop_assert_eq!(rebuilt.unwrap_err().code(), e.code()),
        }
    }
}
