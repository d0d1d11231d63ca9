"""Hand-written ticket cases of service.json (called by oracle_service.py with its `case`):
durations, FCR, SLA and handle time (docs/metrics/service.md).
"""

from __future__ import annotations

import math

from service_calendar_cases import H, NY, sched, tk, weekdays


# ---- hand-written tickets ----


def ny_set_a():
    """Five tickets in New York, Mon 2026-11-09 .. Fri 11-20 (EST, no holiday in range)."""
    e = lambda s: f"2026-11-{s}-05:00"  # noqa: E731  "09T10:00:00" -> ISO EST
    return [
        tk(e("09T10:00:00"), e("09T10:30:00"), [e("09T12:00:00")], replies=1, channel="email", priority="high"),
        tk(
            e("10T19:00:00"),
            e("10T20:00:00"),
            [e("11T10:00:00")],
            replies=1,
            followups=1,
            channel="chat",
            priority="normal",
        ),
        tk(
            e("13T16:00:00"),
            e("16T10:00:00"),
            [e("16T11:00:00"), e("17T12:00:00")],
            [e("17T09:30:00")],
            replies=3,
            followups=2,
            channel="email",
            priority="high",
        ),
        tk(e("18T09:00:00"), channel="phone", priority="low"),
        tk(
            e("19T08:00:00"),
            e("19T09:15:00"),
            [e("19T16:00:00")],
            replies=1,
            paused=[(e("19T10:00:00"), e("19T14:00:00"))],
            channel="email",
        ),
    ]


NY_A_AS_OF = "2026-11-20T12:00:00-05:00"


def hand_ticket_cases(case):
    nyw = sched(NY, weekdays(), ["2026-11-26"])
    A = ny_set_a()
    biz = {"clock": "business", "schedule": nyw, "as_of": NY_A_AS_OF}
    cal = {"clock": "calendar", "as_of": NY_A_AS_OF}
    td = "ticket_durations"

    # per-ticket durations, both clocks, all four metrics (worked by hand; see README)
    expect = {
        ("first_response", "business"): [1800, 0, 7200, None, 900],
        ("first_response", "calendar"): [1800, 3600, 237600, None, 4500],
        ("first_resolution", "business"): [7200, 3600, 10800, None, 25200],
        ("first_resolution", "calendar"): [7200, 54000, 241200, None, 28800],
        ("full_resolution", "business"): [7200, 3600, 43200, None, 25200],
        ("full_resolution", "calendar"): [7200, 54000, 331200, None, 28800],
        # ticket 2 sat solved Mon 11:00 -> Tue 09:30 before its reopen: left out
        ("requester_wait", "business"): [7200, 3600, 19800, None, 10800],
        ("requester_wait", "calendar"): [7200, 54000, 250200, None, 14400],
    }
    for (m, clk), want in expect.items():
        o = {"metric": m, "clock": clk}
        if clk == "business":
            o["schedule"] = nyw
        case(f"{td}/ny-set-a/{m}-{clk}", td, tickets=A, options=o, check={"durations": want})

    frt = "first_response_time"
    case(
        f"{frt}/ny-set-a/business",
        frt,
        tickets=A,
        options=biz,
        check={
            "n": 4,
            "open": 1,
            "mean": 2475.0,
            "median": 1350.0,
            "p90": 5580.0,
            "min": 0.0,
            "max": 7200.0,
            "km_median": 1800.0,
            "clock": "business",
        },
        note="done [0, 900, 1800, 7200], one open censored at 68400 (19 business hours): "
        "KM median 1800 differs from the median 1350",
    )
    case(
        f"{frt}/ny-set-a/calendar",
        frt,
        tickets=A,
        options=cal,
        check={"n": 4, "open": 1, "mean": 61875.0, "median": 4050.0, "km_median": 4500.0, "clock": "calendar"},
    )
    case(
        f"{frt}/ny-set-a/business-percentiles",
        frt,
        tickets=A,
        options=dict(biz, percentiles=[0.0, 0.25, 0.75, 1.0]),
        check={"percentiles": {"0.0": 0.0, "0.25": 675.0, "0.75": 3150.0, "1.0": 7200.0}},
    )
    case(
        f"{frt}/ny-set-a/calendar-default-as-of",
        frt,
        tickets=A,
        options={"clock": "calendar"},
        check={"n": 4, "open": 1, "km_median": 4500.0},
        note="as_of defaults to the latest timestamp (11-19 16:00), the open ticket is censored at 31 h",
    )
    case(
        f"{frt}/ny-set-a/default-clock",
        frt,
        tickets=A,
        options={"as_of": NY_A_AS_OF},
        check={"mean": 61875.0, "clock": "calendar"},
        note="clock defaults to calendar",
    )
    rt = "resolution_time"
    case(
        f"{rt}/ny-set-a/full-business",
        rt,
        tickets=A,
        options=dict(biz, kind="full"),
        check={"n": 4, "open": 1, "mean": 19800.0, "median": 16200.0, "km_median": 25200.0},
    )
    case(
        f"{rt}/ny-set-a/first-business", rt, tickets=A, options=dict(biz, kind="first"), check={"n": 4, "mean": 11700.0}
    )
    case(f"{rt}/ny-set-a/full-calendar", rt, tickets=A, options=dict(cal, kind="full"), check={"n": 4, "max": 331200.0})
    case(
        f"{rt}/ny-set-a/first-calendar", rt, tickets=A, options=dict(cal, kind="first"), check={"n": 4, "max": 241200.0}
    )
    case(
        f"{rt}/ny-set-a/kind-default-full",
        rt,
        tickets=A,
        options=cal,
        check={"max": 331200.0},
        note="kind defaults to full: a reopened ticket is resolved only when solved again",
    )
    rw = "requester_wait_time"
    case(f"{rw}/ny-set-a/business", rw, tickets=A, options=biz, check={"n": 4, "min": 3600.0, "mean": 10350.0})
    case(f"{rw}/ny-set-a/calendar", rw, tickets=A, options=cal, check={"n": 4, "min": 7200.0})

    # after hours: a ticket opened and answered outside business hours
    after = [tk("2026-11-17T19:00:00-05:00", "2026-11-17T20:30:00-05:00", ["2026-11-17T21:00:00-05:00"], replies=1)]
    case(
        f"{frt}/after-hours/business",
        frt,
        tickets=after,
        options={"clock": "business", "schedule": nyw},
        check={"n": 1, "open": 0, "mean": 0.0, "median": 0.0, "km_median": 0.0},
        note="opened and answered after hours: business 0",
    )
    case(
        f"{frt}/after-hours/calendar",
        frt,
        tickets=after,
        options={"clock": "calendar"},
        check={"n": 1, "mean": 5400.0, "km_median": 5400.0},
    )
    case(
        f"{td}/after-hours/first-response-business",
        td,
        tickets=after,
        options={"metric": "first_response", "clock": "business", "schedule": nyw},
        check={"durations": [0.0]},
    )

    # KM median: null; censored tied with an event; S exactly 1/2; all done
    z = lambda hm: f"2026-11-18T{hm}:00Z"  # noqa: E731
    km_null = [tk(z("10:00"), z("10:05")), tk(z("10:00"), z("10:10")), tk(z("10:00")), tk(z("10:30")), tk(z("11:00"))]
    case(
        f"{frt}/km-null-more-than-half-open",
        frt,
        tickets=km_null,
        options={"clock": "calendar", "as_of": z("12:00")},
        check={"n": 2, "open": 3, "median": 450.0, "km_median": None},
        note="S = 0.8, 0.6 and never <= 0.5: km_median null (lifelines inf)",
    )
    m = lambda hm: f"2026-11-16T{hm}:00-05:00"  # noqa: E731  Monday, EST
    km_null_biz = [
        tk(m("10:00"), m("10:20"), [m("11:00")]),
        tk(m("10:00"), m("10:30")),
        tk(m("10:00")),
        tk(m("12:00")),
        tk(m("16:00"), m("16:05"), [m("16:30")]),
    ]
    case(
        f"{rw}/km-null-business",
        rw,
        tickets=km_null_biz,
        options={"clock": "business", "schedule": nyw, "as_of": "2026-11-18T12:00:00-05:00"},
        check={"n": 2, "open": 3, "mean": 2700.0, "km_median": None},
        note="two of five resolved, three open (censored at 18 and 16 business hours): S = 4/5, 3/5, never <= 1/2",
    )
    km_tie = [tk(z("09:00"), z("10:00")), tk(z("11:00")), tk(z("08:00"), z("10:00"))]
    case(
        f"{frt}/km-censored-at-event-time-stays-at-risk",
        frt,
        tickets=km_tie,
        options={"clock": "calendar", "as_of": z("12:00")},
        check={"n": 2, "open": 1, "median": 5400.0, "km_median": 7200.0},
        note="event and censoring both at 3600: n_i = 3, S(3600) = 2/3, S(7200) = 0",
    )
    km_half = [tk(z("09:00"), f"2026-11-18T09:{m:02d}:00Z") for m in (10, 20, 30, 40, 50)] + [
        tk(z("09:00"), z("10:00"))
    ]
    case(
        f"{frt}/km-exact-half-no-censoring",
        frt,
        tickets=km_half,
        options={"clock": "calendar"},
        check={"n": 6, "open": 0, "median": 2100.0, "km_median": 1800.0},
        note="S(1800) = 1/2 exactly, so km_median = 1800 (lifelines 0.30 rounds S to "
        "0.5000000000000001 here and reports 2400)",
    )
    km_four = km_half[:4]
    case(
        f"{frt}/km-even-n-lower-median",
        frt,
        tickets=km_four,
        options={"clock": "calendar"},
        check={"n": 4, "median": 1500.0, "km_median": 1200.0},
    )
    case(
        f"{frt}/km-odd-n-equals-median",
        frt,
        tickets=km_half[:5],
        options={"clock": "calendar"},
        check={"n": 5, "median": 1800.0, "km_median": 1800.0},
    )
    case(
        f"{frt}/zero-elapsed-censoring",
        frt,
        tickets=[tk(z("09:00"), z("09:30")), tk(z("09:30"))],
        options={"clock": "calendar"},
        check={"n": 1, "open": 1, "km_median": 1800.0},
        note="default as_of = 09:30, the open ticket is censored at 0",
    )

    # requester wait: pauses touching, unsorted, clipped, after the solve, open ticket
    p = lambda hm: f"2026-11-17T{hm}:00-05:00"  # noqa: E731
    waits = [
        tk(p("08:00"), p("08:30"), [p("16:00")], paused=[(p("10:00"), p("11:00")), (p("11:00"), p("12:00"))]),
        tk(p("08:00"), p("08:30"), [p("16:00")], paused=[(p("13:00"), p("14:00")), (p("10:00"), p("11:00"))]),
        tk(p("08:00"), p("08:30"), [p("16:00")], paused=[(p("15:00"), p("18:00"))]),
        tk(p("08:00"), p("08:30"), [p("12:00")], paused=[(p("13:00"), p("14:00"))]),
        tk(p("08:00"), p("08:30"), paused=[(p("10:00"), p("12:00"))]),
        tk(p("08:00"), p("08:30"), [p("10:00"), p("15:00")], [p("11:00")], paused=[(p("10:00"), p("11:00"))]),
    ]
    wo = {"clock": "calendar", "as_of": p("18:00")}
    case(
        f"{td}/pauses/requester-wait-calendar",
        td,
        tickets=waits,
        options={"metric": "requester_wait", "clock": "calendar"},
        check={"durations": [6 * H, 6 * H, 7 * H, 4 * H, None, 6 * H]},
        note="touching pauses; unsorted pauses; pause clipped at the final solve; pause after "
        "the final solve; open; paused while solved before a reopen",
    )
    case(
        f"{td}/pauses/requester-wait-business",
        td,
        tickets=waits,
        options={"metric": "requester_wait", "clock": "business", "schedule": nyw},
        check={"durations": [5 * H, 5 * H, 6 * H, 3 * H, None, 5 * H]},
    )
    case(
        f"{rw}/pauses/calendar-open-minus-paused",
        rw,
        tickets=waits,
        options=wo,
        check={"n": 5, "open": 1, "km_median": 6 * H},
        note="the open ticket waited 10 h - 2 h paused = 8 h up to as_of",
    )
    case(
        f"{rw}/pauses/business",
        rw,
        tickets=waits,
        options={"clock": "business", "schedule": nyw, "as_of": p("18:00")},
        check={"n": 5, "open": 1, "mean": 4.8 * H},
    )
    case(
        f"{td}/pauses/full-resolution-ignores-pauses",
        td,
        tickets=waits,
        options={"metric": "full_resolution", "clock": "calendar"},
        check={"durations": [8 * H, 8 * H, 8 * H, 4 * H, None, 7 * H]},
    )

    # reopened and open again; solved without a response; defaults of optional keys
    ro = [
        tk(p("09:00"), p("09:10"), [p("10:00")], [p("11:00")]),
        tk(p("09:00"), None, [p("09:45")]),
        {"created": p("09:00"), "solved": [p("12:00")]},
    ]
    case(
        f"{td}/reopened-open/full-resolution",
        td,
        tickets=ro,
        options={"metric": "full_resolution", "clock": "calendar"},
        check={"durations": [None, 2700.0, 3 * H]},
        note="reopened after its last solve: open for full resolution; a record with only "
        "created and solved (defaults: no response, no reopen, no pauses, counts 0)",
    )
    case(
        f"{td}/reopened-open/first-resolution",
        td,
        tickets=ro,
        options={"metric": "first_resolution", "clock": "calendar"},
        check={"durations": [H, 2700.0, 3 * H]},
    )
    case(
        f"{td}/reopened-open/first-response",
        td,
        tickets=ro,
        options={"metric": "first_response", "clock": "calendar"},
        check={"durations": [600.0, None, None]},
        note="solved without any response: null",
    )
    case(
        f"{rt}/reopened-open/full-calendar",
        rt,
        tickets=ro,
        options={"clock": "calendar", "kind": "full"},
        check={"n": 2, "open": 1, "mean": 6750.0, "km_median": 3 * H},
        note="open ticket censored at 3 h (default as_of 12:00) tied with the 3 h event",
    )

    # requester wait leaves out solved periods (Zendesk "requester wait time": New, Open and
    # On-hold, not Pending nor Solved). The issue's example: created Thu 10:00, solved Fri
    # 15:00, reopened four days later (Tue 15:00), solved again Tue 17:00 (New York, EST)
    q = lambda d, hm: f"2026-11-{d}T{hm}:00-05:00"  # noqa: E731
    issue = [
        tk(q("05", "10:00"), q("05", "10:30"), [q("10", "17:00"), q("06", "15:00")], [q("10", "15:00")], replies=2)
    ]
    case(
        f"{td}/solved-period/issue-example-requester-wait-calendar",
        td,
        tickets=issue,
        options={"metric": "requester_wait", "clock": "calendar"},
        check={"durations": [31 * H]},
        note="Thu 10:00 -> Fri 15:00 (29 h) + Tue 15:00 -> 17:00 (2 h); the four days solved "
        "(Fri 15:00 -> Tue 15:00) do not count",
    )
    case(
        f"{td}/solved-period/issue-example-requester-wait-business",
        td,
        tickets=issue,
        options={"metric": "requester_wait", "clock": "business", "schedule": nyw},
        check={"durations": [15 * H]},
        note="09:00-17:00 weekdays: Thu 7 h + Fri 6 h + Tue 2 h",
    )
    case(
        f"{td}/solved-period/issue-example-full-resolution-calendar",
        td,
        tickets=issue,
        options={"metric": "full_resolution", "clock": "calendar"},
        check={"durations": [127 * H]},
        note="full resolution still runs to the final solve",
    )
    case(
        f"{rw}/solved-period/issue-example-business",
        rw,
        tickets=issue,
        options={"clock": "business", "schedule": nyw},
        check={"n": 1, "open": 0, "mean": 15 * H, "km_median": 15 * H},
    )
    multi = [
        tk(p("09:00"), p("09:10"), [p("10:00"), p("12:00"), p("15:00")], [p("11:00"), p("14:00")]),
        tk(p("09:00"), p("09:10"), [p("12:00"), p("10:00"), p("15:00")], [p("16:00"), p("11:00"), p("14:00")]),
        tk(p("08:00"), p("08:30"), [p("10:00"), p("15:00")], [p("12:00")], paused=[(p("11:00"), p("13:00"))]),
    ]
    case(
        f"{rw}/solved-period/every-reopen-calendar",
        rw,
        tickets=multi,
        options={"clock": "calendar", "as_of": p("18:00")},
        check={"n": 2, "open": 1, "min": 3 * H, "max": 4 * H, "km_median": 4 * H},
        note="solved 10-11 and 12-14 left out: 3 h; the same reopened at 16:00, open: 5 h so "
        "far; a pause inside a solved period counts once: 7 h - 3 h (10:00-13:00) = 4 h",
    )
    case(
        f"{td}/solved-period/every-reopen-business",
        td,
        tickets=multi,
        options={"metric": "requester_wait", "clock": "business", "schedule": nyw},
        check={"durations": [3 * H, None, 3 * H]},
        note="business 09:00-17:00: 1 h + 1 h + 1 h; 09:00-15:00 minus 10:00-13:00",
    )

    # overlapping pauses from several sources are merged (their union), not refused
    ov = [
        tk(
            p("08:00"),
            p("08:30"),
            [p("16:00")],
            paused=[(p("10:00"), p("12:00")), (p("11:00"), p("13:00")), (p("11:30"), p("11:45"))],
        ),
        tk(p("08:00"), p("08:30"), [p("16:00")], paused=[(p("14:30"), p("18:00")), (p("14:00"), p("15:00"))]),
        tk(p("08:00"), p("08:30"), paused=[(p("09:00"), p("10:00")), (p("09:00"), p("10:00"))]),
    ]
    case(
        f"{td}/overlapping-pauses/two-sources-calendar",
        td,
        tickets=ov,
        options={"metric": "requester_wait", "clock": "calendar"},
        check={"durations": [5 * H, 6 * H, None]},
        note="pending 10-12 and third party 11-13 (on-hold 11:30-11:45 inside): paused "
        "10-13; 14:30-18:00 with 14-15 clipped at the solve: 14-16; a duplicated pause",
    )
    case(
        f"{td}/overlapping-pauses/two-sources-business",
        td,
        tickets=ov,
        options={"metric": "requester_wait", "clock": "business", "schedule": nyw},
        check={"durations": [4 * H, 5 * H, None]},
    )
    case(
        f"{rw}/overlapping-pauses/open-ticket-counts-once",
        rw,
        tickets=ov,
        options={"clock": "calendar", "as_of": p("18:00")},
        check={"n": 2, "open": 1, "min": 5 * H, "max": 6 * H},
        note="the open ticket: 10 h - 1 h paused (the duplicate counts once) = 9 h so far",
    )

    # ---- SLA ----
    s = "sla"
    tg = {"high": 3600, "*": 14400}
    case(
        f"{s}/ny-set-a/first-response-business",
        s,
        tickets=A,
        options=dict(biz, metric="first_response", targets=tg),
        check={
            "rows": [
                {"priority": "high", "target": 3600, "achieved": 1, "breached": 1, "running": 0, "n": 2, "score": 50.0},
                {"priority": "low", "target": 14400, "achieved": 0, "breached": 1, "running": 0, "n": 1, "score": 0.0},
                {
                    "priority": "normal",
                    "target": 14400,
                    "achieved": 1,
                    "breached": 0,
                    "running": 0,
                    "n": 1,
                    "score": 100.0,
                },
                {"priority": None, "target": 14400, "achieved": 1, "breached": 0, "running": 0, "n": 1, "score": 100.0},
            ],
            "overall": {
                "priority": None,
                "target": None,
                "achieved": 3,
                "breached": 2,
                "running": 0,
                "n": 5,
                "score": 60.0,
            },
            "untargeted": 0,
        },
        note="rows sorted by priority name, the null-priority row last; the open low ticket "
        "has waited 19 business hours > 4 h: breached",
    )
    case(
        f"{s}/ny-set-a/first-response-calendar",
        s,
        tickets=A,
        options=dict(cal, metric="first_response", targets={"high": 3600, "normal": 1800, "*": 14400}),
        check={"overall": {"achieved": 2, "breached": 3, "running": 0, "n": 5, "score": 40.0}},
    )
    case(
        f"{s}/ny-set-a/no-default-untargeted",
        s,
        tickets=A,
        options=dict(biz, metric="full_resolution", targets={"high": 4 * H, "normal": 3600}),
        check={
            "rows": [
                {
                    "priority": "high",
                    "target": 14400,
                    "achieved": 1,
                    "breached": 1,
                    "running": 0,
                    "n": 2,
                    "score": 50.0,
                },
                {
                    "priority": "normal",
                    "target": 3600,
                    "achieved": 1,
                    "breached": 0,
                    "running": 0,
                    "n": 1,
                    "score": 100.0,
                },
            ],
            "untargeted": 2,
        },
        note="without '*', the low and null-priority tickets are untargeted",
    )
    case(
        f"{s}/ny-set-a/first-resolution-calendar",
        s,
        tickets=A,
        options=dict(cal, metric="first_resolution", targets={"*": 86400}),
        check={"overall": {"achieved": 3, "breached": 2, "n": 5}},
    )
    run = [
        tk(z("09:00"), z("09:30"), priority="p1"),
        tk(z("09:00"), priority="p1"),
        tk(z("11:00"), priority="p1"),
        tk(z("08:00"), priority="p1"),
    ]
    case(
        f"{s}/running-and-on-target",
        s,
        tickets=run,
        options={"metric": "first_response", "clock": "calendar", "as_of": z("12:00"), "targets": {"p1": 3 * H}},
        check={
            "rows": [
                {"priority": "p1", "target": 10800, "achieved": 1, "breached": 1, "running": 2, "n": 2, "score": 50.0}
            ]
        },
        note="open at exactly the target (3 h) is running; 4 h is breached",
    )
    case(
        f"{s}/done-exactly-on-target",
        s,
        tickets=[tk(z("09:00"), z("10:00"), priority="p1")],
        options={"metric": "first_response", "clock": "calendar", "targets": {"p1": 3600}},
        check={"overall": {"achieved": 1, "breached": 0, "n": 1, "score": 100.0}},
    )
    case(
        f"{s}/all-running-score-null",
        s,
        tickets=[tk(z("09:00")), tk(z("10:00"))],
        options={"metric": "first_response", "clock": "calendar", "targets": {"*": 86400}},
        check={"overall": {"running": 2, "n": 0, "score": None}},
        note="n = achieved + breached = 0: score null, not an error",
    )
    case(
        f"{s}/all-untargeted",
        s,
        tickets=[tk(z("09:00"), z("09:30"), priority="low")],
        options={"metric": "first_response", "clock": "calendar", "targets": {"high": 60}},
        check={"rows": [], "overall": {"n": 0, "score": None}, "untargeted": 1},
    )

    # ---- FCR ----
    f = "fcr"
    base = {
        "max_agent_replies": 1,
        "max_customer_followups": None,
        "reopen_window": None,
        "denominator": "resolved",
        "period": None,
    }
    fc = [
        ("resolved-default", {}, {"score": 75.0, "count": 3, "n": 4}),
        ("created", {"denominator": "created"}, {"score": 60.0, "count": 3, "n": 5}),
        ("max-followups-0", {"max_customer_followups": 0}, {"count": 2, "n": 4}),
        ("no-reply-limit", {"max_agent_replies": None}, {"count": 3, "n": 4}),
        (
            "no-reply-limit-reopen-window-1h",
            {"max_agent_replies": None, "reopen_window": 3600},
            {"count": 4, "n": 4, "score": 100.0},
        ),
        ("reopen-window-equal-is-failure", {"max_agent_replies": None, "reopen_window": 81000}, {"count": 3, "n": 4}),
        ("reopen-window-just-below", {"max_agent_replies": None, "reopen_window": 80940}, {"count": 4, "n": 4}),
        ("reopen-window-just-above", {"max_agent_replies": None, "reopen_window": 81060}, {"count": 3, "n": 4}),
        ("max-replies-3", {"max_agent_replies": 3}, {"count": 3, "n": 4}),
        ("max-replies-0", {"max_agent_replies": 0}, {"count": 0, "n": 4, "score": 0.0}),
        (
            "period-resolved-first-week",
            {"period": ["2026-11-09T00:00:00-05:00", "2026-11-16T00:00:00-05:00"]},
            {"count": 2, "n": 2},
        ),
        (
            "period-resolved-second-week",
            {"period": ["2026-11-16T00:00:00-05:00", "2026-11-21T00:00:00-05:00"]},
            {"count": 1, "n": 2},
        ),
        ("period-from-inclusive", {"period": ["2026-11-16T11:00:00-05:00", "2026-11-21T00:00:00-05:00"]}, {"n": 2}),
        (
            "period-to-exclusive",
            {"period": ["2026-11-16T00:00:00-05:00", "2026-11-19T16:00:00-05:00"]},
            {"n": 1, "count": 0},
        ),
        (
            "period-created-second-week",
            {"denominator": "created", "period": ["2026-11-16T00:00:00-05:00", "2026-11-21T00:00:00-05:00"]},
            {"count": 1, "n": 2, "score": 50.0},
        ),
    ]
    for tag, over, chk in fc:
        case(f"{f}/ny-set-a/{tag}", f, tickets=A, options=dict(base, **over), check=chk)
    case(
        f"{f}/ny-set-a/library-defaults",
        f,
        tickets=A,
        options={},
        check={"score": 75.0, "count": 3, "n": 4},
        note="options absent: max_agent_replies 1, no follow-up limit, no reopen allowed, "
        "denominator resolved, no period",
    )
    case(
        f"{f}/record-defaults-zero-replies",
        f,
        tickets=[ro[2]],
        options=dict(base),
        check={"count": 1, "n": 1},
        note="agent_replies defaults to 0",
    )

    # ---- handle time ----
    ht = "handle_time"
    case(
        f"{ht}/basic",
        ht,
        args={"talk": [300, 420, 180], "hold": [60, 0, 30], "wrap": [30, 45, 15]},
        check={
            "score": 360.0,
            "n": 3,
            "missing": 0,
            "talk": 300.0,
            "hold": 30.0,
            "wrap": 30.0,
            "std_dev": math.sqrt(15075.0),
        },
    )
    case(
        f"{ht}/talk-only",
        ht,
        args={"talk": [300, 420, 180], "hold": None, "wrap": None},
        check={"score": 300.0, "hold": 0.0, "wrap": 0.0, "std_dev": 120.0},
        note="absent hold / wrap count as 0; their means are 0",
    )
    case(
        f"{ht}/nan-is-missing",
        ht,
        args={"talk": [300, 420, None, 180], "hold": [60, None, 10, 30], "wrap": [30, 45, 5, 15]},
        check={"n": 2, "missing": 2, "score": 307.5, "hold": 45.0},
        note="null = NaN in any given component: the contact is missing",
    )
    case(
        f"{ht}/nan-string-is-missing",
        ht,
        args={"talk": [300, "nan"], "hold": None, "wrap": None},
        check={"n": 1, "missing": 1, "std_dev": None},
        note="n = 1: std_dev null",
    )
    case(f"{ht}/zeros", ht, args={"talk": [0, 0], "hold": [0, 0], "wrap": None}, check={"score": 0.0, "std_dev": 0.0})
    case(
        f"{ht}/fractional",
        ht,
        args={"talk": [12.5, 7.25, 100.125], "hold": None, "wrap": [1.5, 0, 2.75]},
        check={"n": 3},
    )
    case(
        f"{ht}/error-length-mismatch-hold",
        ht,
        args={"talk": [1, 2, 3], "hold": [1, 2], "wrap": None},
        error="length_mismatch",
    )
    case(
        f"{ht}/error-length-mismatch-wrap",
        ht,
        args={"talk": [1, 2], "hold": None, "wrap": [1, 2, 3]},
        error="length_mismatch",
    )
    case(
        f"{ht}/error-negative-talk",
        ht,
        args={"talk": [1, -2, 3], "hold": None, "wrap": None},
        error="invalid_argument",
        index=1,
    )
    case(
        f"{ht}/error-inf-wrap",
        ht,
        args={"talk": [1, 2, 3], "hold": None, "wrap": [0, 0, "inf"]},
        error="invalid_argument",
        index=2,
    )
    case(
        f"{ht}/error-negative-inf-hold",
        ht,
        args={"talk": [1, 2], "hold": ["-inf", 0], "wrap": None},
        error="invalid_argument",
        index=0,
    )
    case(
        f"{ht}/error-first-bad-index",
        ht,
        args={"talk": [1, 2, -3, 4], "hold": [0, -1, 0, 0], "wrap": None},
        error="invalid_argument",
        index=1,
        note="the first bad contact",
    )
    case(f"{ht}/error-all-nan", ht, args={"talk": [None, "nan"], "hold": None, "wrap": None}, error="empty")
    case(f"{ht}/error-no-contacts", ht, args={"talk": [], "hold": None, "wrap": None}, error="empty")

    # ---- ticket errors ----
    case(
        f"{frt}/error-empty-all-open",
        frt,
        tickets=[tk(z("09:00")), tk(z("10:00"))],
        options={"clock": "calendar"},
        error="empty",
        note="nothing completed",
    )
    case(f"{frt}/error-empty-no-tickets", frt, tickets=[], options={"clock": "calendar"}, error="empty")
    case(
        f"{rt}/error-empty-reopened-never-resolved",
        rt,
        tickets=[tk(z("09:00"), z("09:10"), [z("10:00")], [z("11:00")])],
        options={"clock": "calendar", "kind": "full"},
        error="empty",
    )
    case(
        f"{f}/error-empty-nothing-solved",
        f,
        tickets=[tk(z("09:00"), z("09:10"))],
        options=dict(base),
        error="empty",
        note="denominator resolved with no solved ticket",
    )
    case(
        f"{f}/error-empty-period",
        f,
        tickets=A,
        options=dict(base, period=["2026-12-01T00:00:00Z", "2026-12-08T00:00:00Z"]),
        error="empty",
    )
    case(
        f"{f}/error-period-reversed",
        f,
        tickets=A,
        options=dict(base, period=["2026-11-16T00:00:00Z", "2026-11-09T00:00:00Z"]),
        error="invalid_argument",
        note="a period must end after it starts",
    )
    case(
        f"{f}/error-period-empty-interval",
        f,
        tickets=A,
        options=dict(base, period=["2026-11-16T00:00:00Z", "2026-11-16T00:00:00Z"]),
        error="invalid_argument",
    )
    case(
        f"{f}/error-reopen-window-negative",
        f,
        tickets=A,
        options=dict(base, reopen_window=-1),
        error="invalid_argument",
    )
    for tag, q in (("above-one", 1.5), ("negative", -0.1), ("nan", "nan")):
        case(
            f"{frt}/error-percentile-{tag}",
            frt,
            tickets=A,
            options=dict(cal, percentiles=[0.5, q]),
            error="invalid_argument",
        )
    for tag, t in (
        ("zero", {"high": 0, "*": 3600}),
        ("negative", {"*": -60}),
        ("nan", {"*": "nan"}),
        ("inf", {"high": "inf", "*": 60}),
        ("empty", {}),
    ):
        case(
            f"{s}/error-target-{tag}",
            s,
            tickets=A,
            options=dict(cal, metric="first_response", targets=t),
            error="invalid_argument",
        )
    case(
        f"{frt}/error-business-without-schedule",
        frt,
        tickets=A,
        options={"clock": "business"},
        error="invalid_argument",
        note="the business clock needs a schedule",
    )
    case(
        f"{frt}/error-bad-schedule-unknown-zone",
        frt,
        tickets=A,
        options={"clock": "business", "schedule": sched("Mars/Olympus", weekdays())},
        error="unknown_time_zone",
    )
    bad = [
        ("solved-before-created", 2, [A[0], A[1], tk(z("09:00"), None, [z("08:59")])]),
        ("response-before-created", 1, [A[0], tk(z("09:00"), z("08:00"))]),
        ("reopened-before-created", 0, [tk(z("09:00"), z("09:10"), [z("10:00")], [z("08:00")]), A[0]]),
        (
            "paused-end-before-start",
            1,
            [A[0], tk(z("09:00"), z("09:10"), [z("12:00")], paused=[(z("10:00"), z("09:30"))])],
        ),
        (
            "paused-start-before-created",
            0,
            [tk(z("09:00"), z("09:10"), [z("12:00")], paused=[(z("08:00"), z("09:30"))])],
        ),
        ("reopen-before-first-solve", 1, [A[0], tk(z("09:00"), z("09:10"), [z("11:00")], [z("10:00")])]),
        (
            "two-reopens-without-a-solve-between",
            0,
            [tk(z("09:00"), z("09:10"), [z("10:00"), z("13:00")], [z("11:00"), z("12:00")])],
        ),
        ("second-bad-ticket-index", 3, [A[0], A[1], A[2], tk(z("09:00"), z("08:00")), tk(z("09:00"), z("08:00"))]),
    ]
    for tag, idx, ts in bad:
        case(f"{rw}/error-{tag}", rw, tickets=ts, options={"clock": "calendar"}, error="out_of_order", index=idx)
    case(
        f"{frt}/error-reopen-order-validated-for-any-metric",
        frt,
        tickets=bad[6][2],
        options={"clock": "calendar"},
        error="out_of_order",
        index=0,
        note="tickets are validated in full, whatever the metric",
    )
    overlap = [tk(z("09:00"), z("09:10"), [z("12:00")], paused=[(z("10:30"), z("11:30")), (z("10:00"), z("11:00"))])]
    case(
        f"{rw}/paused-overlapping-merged",
        rw,
        tickets=overlap,
        options={"clock": "calendar"},
        check={"n": 1, "mean": 5400.0},
        note="pauses 10:30-11:30 and 10:00-11:00 overlap: paused 10:00-11:30, 3 h - 1.5 h "
        "(out_of_order before issue 16)",
    )
    case(f"{f}/error-solved-before-created", f, tickets=bad[0][2], options=dict(base), error="out_of_order", index=2)
    case(
        f"{td}/error-response-before-created",
        td,
        tickets=bad[1][2],
        options={"metric": "first_response", "clock": "calendar"},
        error="out_of_order",
        index=1,
    )
    case(
        f"{frt}/error-event-after-as-of",
        frt,
        tickets=A,
        options={"clock": "calendar", "as_of": "2026-11-19T12:00:00-05:00"},
        error="out_of_order",
        index=4,
        note="ticket 4 is solved after as_of",
    )
    case(
        f"{frt}/error-response-after-as-of",
        frt,
        tickets=A,
        options={"clock": "calendar", "as_of": "2026-11-16T09:30:00-05:00"},
        error="out_of_order",
        index=2,
        note="ticket 2 is answered at 10:00, after as_of",
    )
    case(
        f"{frt}/error-created-after-as-of",
        frt,
        tickets=A,
        options={"clock": "calendar", "as_of": "2026-11-13T12:00:00-05:00"},
        error="out_of_order",
        index=2,
        note="ticket 2 and later are after as_of; first index",
    )
    case(
        f"{s}/error-event-after-as-of",
        s,
        tickets=A,
        options=dict(biz, as_of="2026-11-19T15:59:00-05:00", metric="first_response", targets={"*": 3600}),
        error="out_of_order",
        index=4,
    )
    case(
        f"{frt}/as-of-equal-to-last-event",
        frt,
        tickets=A,
        options={"clock": "calendar", "as_of": "2026-11-19T16:00:00-05:00"},
        check={"n": 4, "open": 1},
        note="an event at as_of is allowed",
    )
