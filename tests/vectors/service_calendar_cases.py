"""Hand-written business-calendar cases of service.json (called by oracle_service.py with
its `case`), and the input helpers the ticket cases share. The behaviour pinned here is in
docs/metrics/service.md (business hours).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from service_calendar import WEEKDAYS, load_zone, parse_instant

NY = "America/New_York"
BER = "Europe/Berlin"
H = 3600


def sched(tz, windows, holidays=()):
    return {"time_zone": tz, "windows": [list(w) for w in windows], "holidays": list(holidays)}


def weekdays(start="09:00", end="17:00", days=WEEKDAYS[:5]):
    return [(d, start, end) for d in days]


def L(tz_name: str, s: str, fold: int = 0) -> str:
    """'2026-11-09 10:00' local in tz -> ISO with that zone's offset (input convenience)."""
    tz = load_zone(tz_name)
    dt = datetime.fromisoformat(s).replace(tzinfo=tz, fold=fold)
    return dt.isoformat()


def tk(
    created, fr=None, solved=(), reopened=(), replies=0, followups=0, paused=(), channel=None, priority=None
) -> dict:
    return {
        "created": created,
        "first_response": fr,
        "solved": list(solved),
        "reopened": list(reopened),
        "agent_replies": replies,
        "customer_followups": followups,
        "paused": [list(p) for p in paused],
        "channel": channel,
        "priority": priority,
    }


def hand_calendar_cases(case):
    bs = "business_seconds"
    # ---- DST days: New York (2026-03-08 spring forward, 2026-11-01 fall back) ----
    for zone, tag, sp, fb in ((NY, "ny", "2026-03-08", "2026-11-01"), (BER, "berlin", "2026-03-29", "2026-10-25")):
        spd, fbd = date.fromisoformat(sp), date.fromisoformat(fb)
        for day, kind, full in ((spd, "spring-forward", 23), (fbd, "fall-back", 25)):
            d0 = L(zone, f"{day} 00:00")
            d1 = L(zone, f"{day + timedelta(days=1)} 00:00")
            wide0 = L(zone, f"{day - timedelta(days=1)} 12:00")
            wide1 = L(zone, f"{day + timedelta(days=1)} 12:00")
            case(
                f"{bs}/{tag}/{kind}-9-17",
                bs,
                schedule=sched(zone, [("sun", "09:00", "17:00")]),
                start=d0,
                end=d1,
                check={"seconds": 8 * H},
                note=f"{day} is a DST day; a 09:00-17:00 window is unaffected (8 h)",
            )
            case(
                f"{bs}/{tag}/{kind}-full-day",
                bs,
                schedule=sched(zone, [("sun", "00:00", "00:00")]),
                start=wide0,
                end=wide1,
                check={"seconds": full * H},
                note=f"00:00-00:00 (24 h civil) lasts {full} h on {day}",
            )
            case(
                f"{bs}/{tag}/{kind}-full-day-exact",
                bs,
                schedule=sched(zone, [("sun", "00:00", "00:00")]),
                start=d0,
                end=d1,
                check={"seconds": full * H},
            )
        # window opening inside the spring-forward gap (02:00-03:00 skipped)
        case(
            f"{bs}/{tag}/spring-forward-gap-open",
            bs,
            schedule=sched(zone, [("sun", "02:30", "10:00")]),
            start=L(zone, f"{sp} 01:00"),
            end=L(zone, f"{sp} 12:00"),
            check={"seconds": 7 * H},
            note="02:30 does not exist: the window opens at the transition (03:00 new time); 7 h, not the civil 7.5 h",
        )
        case(
            f"{bs}/{tag}/spring-forward-gap-open-start-inside",
            bs,
            schedule=sched(zone, [("sun", "02:30", "10:00")]),
            start=L(zone, f"{sp} 03:30"),
            end=L(zone, f"{sp} 23:00"),
            check={"seconds": 6.5 * H},
        )
        case(
            f"{bs}/{tag}/spring-forward-gap-close",
            bs,
            schedule=sched(zone, [("sat", "22:00", "02:30")]),
            start=L(zone, f"{spd - timedelta(days=1)} 12:00"),
            end=L(zone, f"{sp} 12:00"),
            check={"seconds": 4 * H},
            note="overnight Sat 22:00-02:30 closes at the transition (03:00 new time): 4 h",
        )
        case(
            f"{bs}/{tag}/spring-forward-window-inside-gap",
            bs,
            schedule=sched(zone, [("sun", "02:10", "02:50")]),
            start=L(zone, f"{sp} 00:00"),
            end=L(zone, f"{sp} 12:00"),
            check={"seconds": 0},
            note="both boundaries fall in the gap and map to the transition: 0 s",
        )
        case(
            f"{bs}/{tag}/spring-forward-overnight",
            bs,
            schedule=sched(zone, [("sat", "22:00", "06:00")]),
            start=L(zone, f"{spd - timedelta(days=1)} 12:00"),
            end=L(zone, f"{sp} 12:00"),
            check={"seconds": 7 * H},
            note="Sat 22:00-06:00 across the gap: 7 h",
        )
        case(
            f"{bs}/{tag}/fall-back-overnight",
            bs,
            schedule=sched(zone, [("sat", "22:00", "06:00")]),
            start=L(zone, f"{fbd - timedelta(days=1)} 12:00"),
            end=L(zone, f"{fb} 12:00"),
            check={"seconds": 9 * H},
            note="Sat 22:00-06:00 across the repeated hour: 9 h",
        )
    # fall-back overlap specifics (times differ between the zones)
    case(
        f"{bs}/ny/fall-back-overlap-close",
        bs,
        schedule=sched(NY, [("sun", "00:00", "01:30")]),
        start="2026-10-31T12:00:00-04:00",
        end="2026-11-01T12:00:00-05:00",
        check={"seconds": 1.5 * H},
        note="01:30 occurs twice on 2026-11-01; the window closes at the first (01:30 EDT)",
    )
    case(
        f"{bs}/ny/fall-back-overlap-close-after-first",
        bs,
        schedule=sched(NY, [("sun", "00:00", "01:30")]),
        start="2026-11-01T01:45:00-04:00",
        end="2026-11-01T01:45:00-05:00",
        check={"seconds": 0},
        note="01:45 EDT to 01:45 EST is after the close at the first 01:30",
    )
    case(
        f"{bs}/ny/fall-back-overlap-open",
        bs,
        schedule=sched(NY, [("sun", "01:30", "05:00")]),
        start="2026-11-01T00:00:00-04:00",
        end="2026-11-01T12:00:00-05:00",
        check={"seconds": 4.5 * H},
        note="opens at the first 01:30 (EDT), closes 05:00 EST: 4.5 h, civil 3.5 h",
    )
    case(
        f"{bs}/berlin/fall-back-overlap-close",
        bs,
        schedule=sched(BER, [("sun", "00:00", "02:30")]),
        start="2026-10-24T12:00:00+02:00",
        end="2026-10-25T12:00:00+01:00",
        check={"seconds": 2.5 * H},
        note="02:30 occurs twice on 2026-10-25; the window closes at the first (02:30 CEST)",
    )
    case(
        f"{bs}/berlin/fall-back-overlap-open",
        bs,
        schedule=sched(BER, [("sun", "02:30", "05:00")]),
        start="2026-10-25T00:00:00+02:00",
        end="2026-10-25T12:00:00+01:00",
        check={"seconds": 3.5 * H},
        note="opens at the first 02:30 (CEST), closes 05:00 CET: 3.5 h, civil 2.5 h",
    )
    case(
        f"{bs}/lord-howe/half-hour-gap-open",
        bs,
        schedule=sched("Australia/Lord_Howe", [("sun", "02:10", "04:00")]),
        start="2026-10-03T12:00:00Z",
        end="2026-10-04T12:00:00Z",
        check={"seconds": 1.5 * H},
        note="Lord Howe springs forward 30 min (02:00 -> 02:30) on 2026-10-04: opens at 02:30",
    )

    # ---- one working week, New York ----
    ny = sched(NY, weekdays(), ["2026-12-25"])
    case(
        f"{bs}/ny/start-before-open-end-after-close",
        bs,
        schedule=ny,
        start="2026-11-17T07:00:00-05:00",
        end="2026-11-17T19:00:00-05:00",
        check={"seconds": 8 * H},
    )
    case(
        f"{bs}/ny/inside-hours",
        bs,
        schedule=ny,
        start="2026-11-17T10:15:00-05:00",
        end="2026-11-17T14:45:00-05:00",
        check={"seconds": 4.5 * H},
    )
    case(
        f"{bs}/ny/zero-length-in-hours",
        bs,
        schedule=ny,
        start="2026-11-17T10:15:00-05:00",
        end="2026-11-17T10:15:00-05:00",
        check={"seconds": 0},
    )
    case(
        f"{bs}/ny/after-hours-same-evening",
        bs,
        schedule=ny,
        start="2026-11-17T18:00:00-05:00",
        end="2026-11-17T23:00:00-05:00",
        check={"seconds": 0},
        note="opened and answered after hours: 0",
    )
    case(
        f"{bs}/ny/overnight-gap-between-days",
        bs,
        schedule=ny,
        start="2026-11-17T17:00:00-05:00",
        end="2026-11-18T09:00:00-05:00",
        check={"seconds": 0},
        note="from a closing time to the next opening",
    )
    case(
        f"{bs}/ny/exactly-open-to-close",
        bs,
        schedule=ny,
        start="2026-11-17T09:00:00-05:00",
        end="2026-11-17T17:00:00-05:00",
        check={"seconds": 8 * H},
    )
    case(
        f"{bs}/ny/weekend-only",
        bs,
        schedule=ny,
        start="2026-11-14T00:00:00-05:00",
        end="2026-11-16T00:00:00-05:00",
        check={"seconds": 0},
    )
    case(
        f"{bs}/ny/friday-to-monday",
        bs,
        schedule=ny,
        start="2026-11-13T16:00:00-05:00",
        end="2026-11-16T10:00:00-05:00",
        check={"seconds": 2 * H},
    )
    case(
        f"{bs}/ny/offsets-z-and-kolkata",
        bs,
        schedule=ny,
        start="2026-11-17T12:00:00Z",
        end="2026-11-18T03:30:00+05:30",
        check={"seconds": 8 * H},
        note="07:00 EST to 17:00 EST written as Z and +05:30: the offset is only notation",
    )
    case(
        f"{bs}/ny/holiday-weekday",
        bs,
        schedule=ny,
        start="2026-12-24T00:00:00-05:00",
        end="2026-12-29T00:00:00-05:00",
        check={"seconds": 16 * H},
        note="Fri 2026-12-25 is a holiday: Thu + Mon = 16 h",
    )
    case(
        f"{bs}/ny/holiday-weekday-not-listed",
        bs,
        schedule=sched(NY, weekdays()),
        start="2026-12-24T00:00:00-05:00",
        end="2026-12-29T00:00:00-05:00",
        check={"seconds": 24 * H},
    )
    case(
        f"{bs}/ny/holiday-only",
        bs,
        schedule=ny,
        start="2026-12-25T08:00:00-05:00",
        end="2026-12-25T18:00:00-05:00",
        check={"seconds": 0},
    )
    case(
        f"{bs}/ny/multi-week-with-weekends-and-dst",
        bs,
        schedule=ny,
        start="2026-03-02T00:00:00-05:00",
        end="2026-03-23T00:00:00-04:00",
        check={"seconds": 15 * 8 * H},
        note="three weeks Mon-Fri 09-17 across the 2026-03-08 change: 15 x 8 h",
    )
    case(
        f"{bs}/berlin/multi-week-holiday-dst",
        bs,
        schedule=sched(BER, weekdays(), ["2026-04-03"]),
        start="2026-03-16T00:00:00+01:00",
        end="2026-04-06T00:00:00+02:00",
        check={"seconds": 14 * 8 * H},
        note="three weeks across 2026-03-29, Good Friday 2026-04-03 a holiday: 14 x 8 h",
    )
    all_days = sched(BER, [(d, "00:00", "00:00") for d in WEEKDAYS])
    case(
        f"{bs}/berlin/24x7-equals-calendar",
        bs,
        schedule=all_days,
        start="2026-03-20T10:17:00+01:00",
        end="2026-04-02T08:05:00+02:00",
        check={
            "seconds": float(parse_instant("2026-04-02T08:05:00+02:00") - parse_instant("2026-03-20T10:17:00+01:00"))
        },
        note="seven touching 24 h windows: business time = calendar time, across DST",
    )
    case(
        f"{bs}/ny/24x7-fall-back-week",
        bs,
        schedule=sched(NY, [(d, "00:00", "00:00") for d in WEEKDAYS]),
        start="2026-10-28T00:00:00-04:00",
        end="2026-11-04T00:00:00-05:00",
        check={"seconds": 7 * 24 * H + H},
    )
    case(
        f"{bs}/ny/adjacent-windows",
        bs,
        schedule=sched(NY, [("tue", "09:00", "12:00"), ("tue", "12:00", "17:00")]),
        start="2026-11-17T08:00:00-05:00",
        end="2026-11-17T18:00:00-05:00",
        check={"seconds": 8 * H},
        note="touching windows do not overlap",
    )
    case(
        f"{bs}/ny/full-day-window-starting-09",
        bs,
        schedule=sched(NY, [("sat", "09:00", "09:00")]),
        start="2026-11-13T00:00:00-05:00",
        end="2026-11-17T00:00:00-05:00",
        check={"seconds": 24 * H},
        note="end == start: 24 h from Sat 09:00 to Sun 09:00",
    )
    # ---- overnight windows ----
    night = sched(NY, [("fri", "22:00", "06:00")])
    case(
        f"{bs}/ny/overnight-across-midnight",
        bs,
        schedule=night,
        start="2026-11-13T20:00:00-05:00",
        end="2026-11-14T08:00:00-05:00",
        check={"seconds": 8 * H},
    )
    case(
        f"{bs}/ny/overnight-after-midnight-part",
        bs,
        schedule=night,
        start="2026-11-14T00:00:00-05:00",
        end="2026-11-14T03:00:00-05:00",
        check={"seconds": 3 * H},
        note="the Saturday part belongs to Friday's window",
    )
    nights = [("wed", "22:00", "06:00"), ("thu", "22:00", "06:00")]
    case(
        f"{bs}/ny/overnight-into-holiday-counts",
        bs,
        schedule=sched(NY, nights, ["2026-12-24"]),
        start="2026-12-23T20:00:00-05:00",
        end="2026-12-25T08:00:00-05:00",
        check={"seconds": 8 * H},
        note="Wed 22:00-06:00 belongs to Wed (not a holiday) and runs into the holiday; Thu's window is closed",
    )
    case(
        f"{bs}/ny/overnight-from-holiday-closed-after-midnight",
        bs,
        schedule=sched(NY, nights, ["2026-12-23"]),
        start="2026-12-24T00:00:00-05:00",
        end="2026-12-24T12:00:00-05:00",
        check={"seconds": 0},
        note="a holiday on Wed closes Wed's window including its part after midnight",
    )
    case(
        f"{bs}/ny/overnight-from-holiday-not-listed",
        bs,
        schedule=sched(NY, nights),
        start="2026-12-24T00:00:00-05:00",
        end="2026-12-24T12:00:00-05:00",
        check={"seconds": 6 * H},
    )
    case(
        f"{bs}/berlin/sunday-overnight-into-monday",
        bs,
        schedule=sched(BER, [("sun", "22:00", "02:00"), ("mon", "08:00", "12:00")]),
        start="2026-11-15T00:00:00+01:00",
        end="2026-11-16T23:00:00+01:00",
        check={"seconds": 8 * H},
        note="week wrap: Sunday's window ends Monday 02:00",
    )

    # ---- add_business ----
    ab = "add_business"
    case(
        f"{ab}/ny/across-weekend",
        ab,
        schedule=ny,
        start="2026-11-13T16:00:00-05:00",
        seconds=2 * H,
        check={"instant": "2026-11-16T15:00:00Z"},
        note="Fri 16:00 + 2 h = Mon 10:00",
    )
    case(
        f"{ab}/ny/across-weekend-and-dst",
        ab,
        schedule=ny,
        start="2026-03-06T16:00:00-05:00",
        seconds=2 * H,
        check={"instant": "2026-03-09T14:00:00Z"},
        note="Fri 16:00 EST + 2 h = Mon 10:00 EDT",
    )
    case(
        f"{ab}/ny/across-holiday",
        ab,
        schedule=ny,
        start="2026-12-24T16:00:00-05:00",
        seconds=2 * H,
        check={"instant": "2026-12-28T15:00:00Z"},
        note="Thu 16:00 + 2 h skips the Fri 12-25 holiday and the weekend: Mon 10:00",
    )
    case(
        f"{ab}/ny/lands-on-closing",
        ab,
        schedule=ny,
        start="2026-11-16T15:00:00-05:00",
        seconds=2 * H,
        check={"instant": "2026-11-16T22:00:00Z"},
        note="the earliest instant: 17:00 itself, not the next opening",
    )
    case(
        f"{ab}/ny/lands-on-closing-friday",
        ab,
        schedule=ny,
        start="2026-11-13T16:00:00-05:00",
        seconds=H,
        check={"instant": "2026-11-13T22:00:00Z"},
    )
    case(
        f"{ab}/ny/full-week-lands-on-friday-close",
        ab,
        schedule=ny,
        start="2026-11-16T09:00:00-05:00",
        seconds=40 * H,
        check={"instant": "2026-11-20T22:00:00Z"},
    )
    case(
        f"{ab}/ny/full-week-plus-one-second",
        ab,
        schedule=ny,
        start="2026-11-16T09:00:00-05:00",
        seconds=40 * H + 1,
        check={"instant": "2026-11-23T14:00:01Z"},
    )
    case(
        f"{ab}/ny/ninety-seconds-over-close",
        ab,
        schedule=ny,
        start="2026-11-17T16:59:00-05:00",
        seconds=90,
        check={"instant": "2026-11-18T14:00:30Z"},
        note="60 s today, 30 s tomorrow",
    )
    case(
        f"{ab}/ny/zero-outside-hours",
        ab,
        schedule=ny,
        start="2026-11-14T12:00:00-05:00",
        seconds=0,
        check={"instant": "2026-11-16T14:00:00Z"},
        note="seconds = 0 outside hours: the next opening (Mon 09:00)",
    )
    case(
        f"{ab}/ny/zero-before-opening",
        ab,
        schedule=ny,
        start="2026-11-17T07:00:00-05:00",
        seconds=0,
        check={"instant": "2026-11-17T14:00:00Z"},
    )
    case(
        f"{ab}/ny/zero-inside-hours",
        ab,
        schedule=ny,
        start="2026-11-17T10:00:00-05:00",
        seconds=0,
        check={"instant": "2026-11-17T15:00:00Z"},
    )
    case(
        f"{ab}/ny/zero-at-opening",
        ab,
        schedule=ny,
        start="2026-11-17T09:00:00-05:00",
        seconds=0,
        check={"instant": "2026-11-17T14:00:00Z"},
    )
    case(
        f"{ab}/ny/zero-at-closing",
        ab,
        schedule=ny,
        start="2026-11-17T17:00:00-05:00",
        seconds=0,
        check={"instant": "2026-11-18T14:00:00Z"},
        note="windows are [open, close): the closing instant is not open",
    )
    case(
        f"{ab}/ny/zero-on-holiday",
        ab,
        schedule=ny,
        start="2026-12-25T10:00:00-05:00",
        seconds=0,
        check={"instant": "2026-12-28T14:00:00Z"},
    )
    case(
        f"{ab}/ny/zero-at-adjacent-boundary",
        ab,
        schedule=sched(NY, [("tue", "09:00", "12:00"), ("tue", "12:00", "17:00")]),
        start="2026-11-17T12:00:00-05:00",
        seconds=0,
        check={"instant": "2026-11-17T17:00:00Z"},
    )
    case(
        f"{ab}/ny/across-adjacent-windows",
        ab,
        schedule=sched(NY, [("tue", "09:00", "12:00"), ("tue", "12:00", "17:00")]),
        start="2026-11-17T11:00:00-05:00",
        seconds=2 * H,
        check={"instant": "2026-11-17T18:00:00Z"},
    )
    case(
        f"{ab}/ny/spring-forward-full-day",
        ab,
        schedule=sched(NY, [("sun", "00:00", "00:00")]),
        start="2026-03-08T00:00:00-05:00",
        seconds=23 * H,
        check={"instant": "2026-03-09T04:00:00Z"},
        note="the 23 h day is used up at its end",
    )
    case(
        f"{ab}/ny/spring-forward-full-day-plus-one",
        ab,
        schedule=sched(NY, [("sun", "00:00", "00:00")]),
        start="2026-03-08T00:00:00-05:00",
        seconds=23 * H + 60,
        check={"instant": "2026-03-15T04:01:00Z"},
    )
    case(
        f"{ab}/ny/zero-before-gap-window",
        ab,
        schedule=sched(NY, [("sun", "02:30", "10:00")]),
        start="2026-03-08T01:30:00-05:00",
        seconds=0,
        check={"instant": "2026-03-08T07:00:00Z"},
        note="opens at the transition, 03:00 EDT",
    )
    case(
        f"{ab}/berlin/fall-back-full-day",
        ab,
        schedule=sched(BER, [("sun", "00:00", "00:00")]),
        start="2026-10-25T00:00:00+02:00",
        seconds=25 * H,
        check={"instant": "2026-10-25T23:00:00Z"},
        note="Mon 00:00 CET",
    )
    case(
        f"{ab}/berlin/fall-back-overlap-open",
        ab,
        schedule=sched(BER, [("sun", "02:30", "05:00")]),
        start="2026-10-25T00:00:00+02:00",
        seconds=H,
        check={"instant": "2026-10-25T01:30:00Z"},
        note="opens at the first 02:30 (00:30Z); + 1 h = 02:30 CET",
    )
    berlin = sched(BER, weekdays(), ["2026-12-24", "2026-12-25", "2026-12-31"])
    case(
        f"{ab}/berlin/across-holidays-and-weekend",
        ab,
        schedule=berlin,
        start="2026-12-23T16:00:00+01:00",
        seconds=4 * H,
        check={"instant": "2026-12-28T11:00:00Z"},
        note="Wed 16:00 + 4 h = Mon 12:00 CET",
    )
    case(
        f"{ab}/ny/overnight-window",
        ab,
        schedule=night,
        start="2026-11-13T12:00:00-05:00",
        seconds=3 * H,
        check={"instant": "2026-11-14T06:00:00Z"},
        note="Sat 01:00 EST",
    )
    case(
        f"{ab}/ny/overnight-window-holiday-start",
        ab,
        schedule=sched(NY, [("fri", "22:00", "06:00")], ["2026-12-25"]),
        start="2026-12-25T12:00:00-05:00",
        seconds=60,
        check={"instant": "2027-01-02T03:01:00Z"},
        note="the 12-25 window is closed; the next one opens Fri 01-01 22:00 EST",
    )

    # ---- schedule and argument errors ----
    good = ("2026-11-17T09:00:00-05:00", "2026-11-17T17:00:00-05:00")

    def bad_sched(tag, s, code, note=None):
        case(f"{bs}/error-{tag}", bs, schedule=s, start=good[0], end=good[1], error=code, note=note)

    bad_sched("unknown-time-zone", sched("Mars/Olympus", weekdays()), "unknown_time_zone")
    bad_sched(
        "unknown-time-zone-not-a-zone-path",
        sched("America", weekdays()),
        "unknown_time_zone",
        note="a directory of the tz database, not a zone",
    )
    bad_sched("empty-schedule", sched(NY, []), "empty_schedule")
    bad_sched("empty-schedule-with-holidays", sched(NY, [], ["2026-12-25"]), "empty_schedule")
    bad_sched(
        "overlap-same-day", sched(NY, [("mon", "09:00", "12:00"), ("mon", "11:00", "13:00")]), "overlapping_windows"
    )
    bad_sched(
        "overlap-duplicate", sched(NY, [("tue", "09:00", "17:00"), ("tue", "09:00", "17:00")]), "overlapping_windows"
    )
    bad_sched(
        "overlap-nested", sched(NY, [("tue", "09:00", "17:00"), ("tue", "10:00", "11:00")]), "overlapping_windows"
    )
    bad_sched(
        "overlap-overnight-spill",
        sched(NY, [("mon", "22:00", "06:00"), ("tue", "05:00", "09:00")]),
        "overlapping_windows",
        note="Mon 22:00-06:00 spills into Tue 05:00-06:00",
    )
    bad_sched(
        "overlap-sunday-into-monday",
        sched(NY, [("sun", "22:00", "02:00"), ("mon", "01:00", "05:00")]),
        "overlapping_windows",
        note="week wrap: Sun 22:00-02:00 runs into Mon 01:00",
    )
    bad_sched(
        "overlap-full-day-window",
        sched(NY, [("sat", "09:00", "09:00"), ("sun", "08:00", "10:00")]),
        "overlapping_windows",
        note="Sat 09:00-09:00 runs until Sun 09:00",
    )
    bad_sched(
        "overlap-only-on-holiday",
        sched(NY, [("mon", "09:00", "12:00"), ("mon", "11:00", "13:00")], ["2026-11-16"]),
        "overlapping_windows",
        note="overlap is a property of the weekly clock; holidays do not matter",
    )
    bad_sched("bad-weekday", sched(NY, [("funday", "09:00", "17:00")]), "invalid_argument")
    bad_sched("bad-time-25", sched(NY, [("mon", "09:00", "25:00")]), "invalid_argument")
    bad_sched("bad-time-60-minutes", sched(NY, [("mon", "09:60", "17:00")]), "invalid_argument")
    bad_sched("bad-time-text", sched(NY, [("mon", "9am", "17:00")]), "invalid_argument")
    bad_sched("bad-holiday-date", sched(NY, weekdays(), ["2026-02-30"]), "invalid_argument")
    case(f"{bs}/error-end-before-start", bs, schedule=ny, start=good[1], end=good[0], error="out_of_order")
    case(
        f"{bs}/error-end-one-minute-before-start-off-hours",
        bs,
        schedule=ny,
        start="2026-11-14T12:01:00-05:00",
        end="2026-11-14T12:00:00-05:00",
        error="out_of_order",
        note="even when both are outside hours",
    )
    for tag, sec in (("negative", -1), ("nan", "nan"), ("inf", "inf"), ("negative-inf", "-inf")):
        case(f"{ab}/error-seconds-{tag}", ab, schedule=ny, start=good[0], seconds=sec, error="invalid_argument")
    case(
        f"{ab}/error-unknown-time-zone",
        ab,
        schedule=sched("Mars/Olympus", weekdays()),
        start=good[0],
        seconds=60,
        error="unknown_time_zone",
    )
    case(
        f"{ab}/error-overlapping-windows",
        ab,
        schedule=sched(BER, [("fri", "20:00", "04:00"), ("sat", "03:00", "08:00")]),
        start=good[0],
        seconds=60,
        error="overlapping_windows",
    )
