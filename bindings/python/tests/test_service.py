"""Service metrics (issue 4): named behaviours (DST, holidays, after hours), every kind
of instant input, and bad input for Schedule, Tickets and each function."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any, Callable
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
import polars as pl
import pytest

import cxmetrics as cx
from conftest import raises_code

UTC = dt.timezone.utc
NY = "America/New_York"
BERLIN = "Europe/Berlin"
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"]
OFFICE = [(d, "09:00", "17:00") for d in WEEKDAYS]
HOUR = 3600.0


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


# ---------------------------------------------------------------- named: DST


@pytest.mark.parametrize(
    ("zone", "day", "weekday", "hours"),
    [
        (NY, "2026-03-08", "sun", 23),  # spring forward
        (NY, "2026-11-01", "sun", 25),  # fall back
        (BERLIN, "2026-03-29", "sun", 23),
        (BERLIN, "2026-10-25", "sun", 25),
    ],
    ids=["ny-spring-forward", "ny-fall-back", "berlin-spring-forward", "berlin-fall-back"],
)
def test_dst_days_in_new_york_and_berlin(zone: str, day: str, weekday: str, hours: int) -> None:
    tz = ZoneInfo(zone)
    start = dt.datetime.fromisoformat(day).replace(tzinfo=tz)
    end = start + dt.timedelta(days=1)  # wall-clock arithmetic: the next local midnight
    full_day = cx.Schedule(zone, [(weekday, "00:00", "00:00")])
    assert full_day.business_seconds(start, end) == hours * HOUR
    # a 09:00-17:00 window is 8 h whatever the day's length
    assert cx.Schedule(zone, [(weekday, "09:00", "17:00")]).business_seconds(start, end) == 8 * HOUR
    # a window over the change (00:00-06:00) loses or gains the hour
    night = cx.Schedule(zone, [(weekday, "00:00", "06:00")])
    assert night.business_seconds(start, end) == (hours - 18) * HOUR


def test_dst_window_boundary_inside_the_gap_opens_at_the_transition() -> None:
    s = cx.Schedule(NY, [("sun", "02:30", "10:00")])
    day = dt.datetime(2026, 3, 8, tzinfo=ZoneInfo(NY))
    assert s.business_seconds(day, day + dt.timedelta(days=1)) == 7 * HOUR  # 03:00 EDT - 10:00
    opening = s.add_business(day, 0)
    assert opening == dt.datetime(2026, 3, 8, 7, 0, tzinfo=UTC)  # 03:00 EDT


def test_dst_window_boundary_at_the_gap_start_is_the_transition() -> None:
    # fuzzing finding (fuzz/README.md): 02:00 on a spring-forward day, the gap's first
    # reading, closed or opened a window at the previous transition (0 s counted)
    day = dt.datetime(2026, 3, 8, tzinfo=ZoneInfo(NY))
    end = day + dt.timedelta(days=1)
    assert cx.Schedule(NY, [("sun", "00:00", "02:00")]).business_seconds(day, end) == 2 * HOUR
    assert cx.Schedule(NY, [("sun", "02:00", "04:00")]).business_seconds(day, end) == 1 * HOUR
    # Pacific/Apia skipped Friday 2011-12-30: Thursday's 24-hour window closes at the jump
    apia = cx.Schedule("Pacific/Apia", [("thu", "00:00", "00:00")])
    start = dt.datetime(2011, 12, 28, 18, 28, tzinfo=UTC)
    assert apia.business_seconds(start, dt.datetime(2011, 12, 31, 12, 20, tzinfo=UTC)) == 24 * HOUR


def test_dst_fall_back_boundary_is_the_first_occurrence() -> None:
    s = cx.Schedule(NY, [("sun", "00:00", "01:30")])
    day = dt.datetime(2026, 11, 1, tzinfo=ZoneInfo(NY))
    assert s.business_seconds(day, day + dt.timedelta(days=1)) == 1.5 * HOUR


def test_dst_changes_business_durations_of_tickets() -> None:
    # created Saturday 20:00 EST, answered Monday 10:00 EDT; open Sunday 00:00-24:00 and Monday 09:00-17:00
    s = cx.Schedule(NY, [("sun", "00:00", "00:00"), ("mon", "09:00", "17:00")])
    t = cx.Tickets(["2026-03-07T20:00:00-05:00"], first_response=["2026-03-09T10:00:00-04:00"])
    assert cx.first_response_time(t, schedule=s).median == (23 + 1) * HOUR
    assert cx.first_response_time(t).median == 37 * HOUR  # calendar: Sat 20:00 EST -> Mon 10:00 EDT


# ---------------------------------------------------------------- named: holidays, after hours


def test_weekday_holiday_is_closed() -> None:
    s = cx.Schedule(BERLIN, [("mon", "09:00", "17:00"), ("tue", "09:00", "17:00")], ["2026-12-28"])
    a = "2026-12-28T08:00:00+01:00"  # Monday, a holiday
    b = "2026-12-29T12:00:00+01:00"
    assert s.business_seconds(a, b) == 3 * HOUR
    no_holiday = cx.Schedule(BERLIN, [("mon", "09:00", "17:00"), ("tue", "09:00", "17:00")])
    assert no_holiday.business_seconds(a, b) == 11 * HOUR
    # a deadline from the holiday starts counting on the next opening
    assert s.add_business(a, HOUR) == utc(2026, 12, 29, 9, 0)  # 10:00 CET
    # datetime.date holidays work the same
    assert (
        cx.Schedule(
            BERLIN, [("mon", "09:00", "17:00"), ("tue", "09:00", "17:00")], [dt.date(2026, 12, 28)]
        ).business_seconds(a, b)
        == 3 * HOUR
    )


def test_ticket_opened_and_answered_after_hours() -> None:
    office = cx.Schedule(NY, OFFICE)
    t = cx.Tickets(["2026-11-10T19:00:00-05:00"], first_response=["2026-11-10T20:00:00-05:00"])
    assert cx.first_response_time(t, schedule=office).median == 0.0
    assert cx.first_response_time(t).median == HOUR
    s = cx.first_response_time(t, schedule=office)
    assert (s.clock, cx.first_response_time(t).clock) == ("business", "calendar")


def test_start_before_opening_and_end_after_closing_on_the_same_day() -> None:
    office = cx.Schedule(NY, OFFICE)
    assert office.business_seconds("2026-11-10T07:00:00-05:00", "2026-11-10T19:30:00-05:00") == 8 * HOUR
    t = cx.Tickets(
        ["2026-11-10T07:00:00-05:00"],
        final_solved=["2026-11-10T19:30:00-05:00"],
        first_solved=["2026-11-10T19:30:00-05:00"],
    )
    assert cx.resolution_time(t, schedule=office).median == 8 * HOUR
    assert cx.resolution_time(t).median == 12.5 * HOUR


def test_schedule_window_forms_are_equivalent() -> None:
    a = cx.Schedule(NY, OFFICE)
    forms = [
        [(d.upper(), "09:00", "17:00") for d in WEEKDAYS],
        [(full, "09:00:00", "17:00:00") for full in ("Monday", "tuesday", "WEDNESDAY", "thursday", "friday")],
        [(i, dt.time(9), dt.time(17)) for i in range(5)],
        [[i, "09:00", dt.time(17, 0, 0)] for i in range(5)],
    ]
    start, end = "2026-11-09T00:00:00-05:00", "2026-11-16T00:00:00-05:00"
    for windows in forms:
        assert cx.Schedule(NY, windows).business_seconds(start, end) == a.business_seconds(start, end) == 40 * HOUR
    assert cx.Schedule(NY, iter(OFFICE), holidays=iter(["2026-11-11"])).business_seconds(start, end) == 32 * HOUR
    assert a.time_zone == NY
    assert repr(a) == "Schedule('America/New_York', 5 windows, 0 holidays)"


def test_add_business_returns_aware_utc_and_accepts_timedelta() -> None:
    s = cx.Schedule("UTC", [(d, "09:00", "17:00") for d in ("thu", "fri", "mon")])
    due = s.add_business(utc(2026, 11, 26, 15), dt.timedelta(hours=8))
    assert due == utc(2026, 11, 27, 15) and due.tzinfo is UTC
    assert s.add_business(utc(2026, 11, 26, 15), 8 * HOUR) == due
    assert s.add_business(utc(2026, 11, 26, 16), 3600) == utc(2026, 11, 26, 17)  # lands on the close
    assert s.add_business(utc(2026, 11, 26, 17), 0) == utc(2026, 11, 27, 9)  # half-open windows


def test_overnight_windows_and_touching_windows() -> None:
    s = cx.Schedule("UTC", [("fri", "22:00", "06:00")])
    assert s.business_seconds(utc(2026, 11, 27, 0), utc(2026, 11, 29, 0)) == 8 * HOUR
    touching = cx.Schedule("UTC", [("tue", "09:00", "12:00"), ("tue", "12:00", "17:00")])
    assert touching.add_business(utc(2026, 11, 24, 12), 0) == utc(2026, 11, 24, 12)


# ---------------------------------------------------------------- instants


def test_every_instant_form_gives_the_same_tickets() -> None:
    iso = ["2026-11-02T09:00:00-05:00", "2026-11-02T10:00:00-05:00"]
    resp = ["2026-11-02T09:30:00-05:00", None]
    aware = [dt.datetime(2026, 11, 2, 9, tzinfo=ZoneInfo(NY)), dt.datetime(2026, 11, 2, 15, tzinfo=UTC)]
    aware_resp = [dt.datetime(2026, 11, 2, 14, 30, tzinfo=UTC), None]
    base = cx.ticket_durations(cx.Tickets(iso, first_response=resp), "first_response")
    assert base == [1800.0, None]
    forms: list[tuple[Any, Any]] = [
        (aware, aware_resp),
        (tuple(iso), tuple(resp)),
        (
            np.array(["2026-11-02T14:00", "2026-11-02T15:00"], dtype="datetime64[m]"),
            np.array(["2026-11-02T14:30", "NaT"], dtype="datetime64[s]"),
        ),
        (pd.Series(pd.to_datetime(iso, utc=True)), pd.Series([pd.Timestamp(resp[0]), pd.NaT])),
        (pd.DatetimeIndex(iso).tz_convert(NY), pd.to_datetime(pd.Series(resp), utc=True)),
        (
            pl.Series([dt.datetime(2026, 11, 2, 14), dt.datetime(2026, 11, 2, 15)]).dt.replace_time_zone("UTC"),
            pl.Series([dt.datetime(2026, 11, 2, 14, 30), None]).dt.replace_time_zone("UTC"),
        ),
        (pd.Series(iso, dtype=object), np.array(resp, dtype=object)),
        ([pd.Timestamp(iso[0]), iso[1]], [np.datetime64("2026-11-02T14:30:00"), pd.NaT]),
    ]
    for created, first_response in forms:
        t = cx.Tickets(created, first_response=first_response)
        assert cx.ticket_durations(t, "first_response") == base, (created, first_response)


def test_nanoseconds_of_pandas_and_numpy_are_kept() -> None:
    created = pd.Series(pd.to_datetime(["2026-11-02T09:00:00.000000001Z"]))
    resp = [pd.Timestamp("2026-11-02T09:00:01.000000003Z")]
    t = cx.Tickets(created, first_response=resp)
    assert cx.ticket_durations(t, "first_response")[0] == pytest.approx(1.000000002, abs=1e-12)
    a = np.array(["2026-11-02T09:00:00.000000001"], dtype="datetime64[ns]")
    b = np.array(["2026-11-02T09:00:00.000000004"], dtype="datetime64[ns]")
    assert cx.ticket_durations(cx.Tickets(a, first_response=b), "first_response")[0] == pytest.approx(3e-9, abs=1e-15)


def test_naive_datetimes_are_refused_unless_tz_is_given() -> None:
    naive = [dt.datetime(2026, 11, 2, 9)]
    with raises_code("invalid_argument", index=0, match="tz") as info:
        cx.Tickets(naive)
    assert "created[0]" in str(info.value) and "time zone" in str(info.value)
    with raises_code("invalid_argument", index=1):
        cx.Tickets([dt.datetime(2026, 11, 2, 9, tzinfo=UTC), dt.datetime(2026, 11, 2, 9)])
    with raises_code("invalid_argument", match="tz"):
        cx.Tickets(pd.Series(pd.to_datetime(["2026-11-02T09:00"])))
    with raises_code("invalid_argument", match="tz"):
        cx.Tickets(pl.Series([dt.datetime(2026, 11, 2, 9)]))
    with raises_code("invalid_argument", index=0):
        cx.Tickets.from_records([{"created": dt.datetime(2026, 11, 2, 9)}])
    # with tz= the wall-clock readings are localised (DST included)
    t = cx.Tickets(
        [dt.datetime(2026, 11, 2, 9), dt.datetime(2026, 7, 1, 9)],
        tz=NY,
        first_response=[dt.datetime(2026, 11, 2, 10), dt.datetime(2026, 7, 1, 9, 30)],
    )
    assert cx.ticket_durations(t, "first_response") == [HOUR, 1800.0]
    same = cx.Tickets(
        pd.Series(pd.to_datetime(["2026-11-02T09:00", "2026-07-01T09:00"])),
        tz=NY,
        first_response=pd.Series(pd.to_datetime(["2026-11-02T10:00", "2026-07-01T09:30"])),
    )
    assert cx.ticket_durations(same, "first_response") == [HOUR, 1800.0]
    local = cx.Tickets.from_records(
        [{"created": dt.datetime(2026, 11, 2, 9), "first_response": "2026-11-02T14:30:00Z"}], tz=NY
    )
    assert cx.ticket_durations(local, "first_response") == [1800.0]


def test_naive_times_in_dst_gaps_and_folds_follow_pep_495() -> None:
    # 01:30 happens twice on 2026-11-01 in New York: fold=0 is the first (EDT), fold=1 the second
    first = dt.datetime(2026, 11, 1, 1, 30)
    second = dt.datetime(2026, 11, 1, 1, 30, fold=1)
    t = cx.Tickets([first], first_response=[second], tz=NY)
    assert cx.ticket_durations(t, "first_response") == [HOUR]
    # 02:30 does not exist on 2026-03-08: fold=0 reads it with the offset before the gap (03:30 EDT)
    gap = cx.Tickets([dt.datetime(2026, 3, 8, 2, 30)], first_response=["2026-03-08T07:30:00Z"], tz=NY)
    assert cx.ticket_durations(gap, "first_response") == [0.0]


def test_numpy_datetime64_is_utc_even_with_tz() -> None:
    created = np.array(["2026-11-02T09:00"], dtype="datetime64[s]")
    t = cx.Tickets(created, first_response=["2026-11-02T09:00:00Z"], tz=NY)
    assert cx.ticket_durations(t, "first_response") == [0.0]


def test_strings_need_an_offset() -> None:
    with raises_code("invalid_argument", index=0, match="offset"):
        cx.Tickets(["2026-11-02T09:00:00"])
    with raises_code("invalid_argument", index=0, match="offset"):
        cx.Tickets(["2026-11-02T09:00:00"], tz=NY)  # tz= is for datetimes, strings carry their own
    with raises_code("invalid_argument", match="offset"):
        cx.Schedule("UTC", OFFICE).business_seconds("2026-11-02T09:00", "2026-11-02T10:00:00Z")
    with raises_code("invalid_argument", index=1):
        cx.Tickets(["2026-11-02T09:00:00Z", "yesterday"])


# ---------------------------------------------------------------- tickets and metrics


def test_records_and_columns_agree_and_len_repr() -> None:
    records = [
        {
            "created": "2026-11-02T09:00:00Z",
            "first_response": "2026-11-02T09:10:00Z",
            "solved": ["2026-11-02T10:00:00Z", "2026-11-02T12:00:00Z"],
            "reopened": ["2026-11-02T11:00:00Z"],
            "agent_replies": 2,
            "customer_followups": 1,
            "paused": [("2026-11-02T09:20:00Z", "2026-11-02T09:40:00Z")],
            "channel": "email",
            "priority": "high",
        },
        {
            "created": "2026-11-02T09:30:00Z",
            "solved": ["2026-11-02T09:45:00Z"],
            "agent_replies": 1,
            "channel": None,
            "priority": None,
        },
    ]
    a = cx.Tickets.from_records(records)
    b = cx.Tickets(
        ["2026-11-02T09:00:00Z", "2026-11-02T09:30:00Z"],
        first_response=["2026-11-02T09:10:00Z", None],
        first_solved=["2026-11-02T10:00:00Z", "2026-11-02T09:45:00Z"],
        final_solved=["2026-11-02T12:00:00Z", "2026-11-02T09:45:00Z"],
        first_reopened=["2026-11-02T11:00:00Z", None],
        agent_replies=np.array([2, 1]),
        customer_followups=pd.Series([1, 0]),
        paused=[(0, "2026-11-02T09:20:00Z", "2026-11-02T09:40:00Z")],
        channel=pd.Series(["email", None]),
        priority=pl.Series(["high", None]),
    )
    assert len(a) == len(b) == 2 and repr(a) == "Tickets(n=2)"
    for metric in ("first_response", "first_resolution", "full_resolution", "requester_wait"):
        assert cx.ticket_durations(a, metric) == cx.ticket_durations(b, metric)
    assert cx.fcr(a).to_dict() == cx.fcr(b).to_dict()
    assert cx.sla(a, targets={"*": 600}).to_dict() == cx.sla(b, targets={"*": 600}).to_dict()
    assert cx.requester_wait_time(a).to_dict() == cx.requester_wait_time(b).to_dict()


def test_resolution_kind_defaults_to_full() -> None:
    t = cx.Tickets.from_records(
        [
            {
                "created": "2026-11-02T09:00:00Z",
                "solved": ["2026-11-02T10:00:00Z", "2026-11-02T12:00:00Z"],
                "reopened": ["2026-11-02T11:00:00Z"],
            }
        ]
    )
    assert cx.resolution_time(t) == cx.resolution_time(t, kind="full")
    assert (cx.resolution_time(t).median, cx.resolution_time(t, kind="first").median) == (3 * HOUR, HOUR)


def test_summary_fields_percentile_and_km_median() -> None:
    t = cx.Tickets(
        ["2026-11-02T09:00:00Z"] * 6,
        first_response=[
            "2026-11-02T09:01:00Z",
            "2026-11-02T09:02:00Z",
            "2026-11-02T09:03:00Z",
            "2026-11-02T09:04:00Z",
            None,
            None,
        ],
    )
    s = cx.first_response_time(t, as_of="2026-11-02T09:30:00Z")
    assert (s.n, s.open, s.mean, s.median, s.min, s.max) == (4, 2, 150.0, 150.0, 60.0, 240.0)
    assert s.p90 == pytest.approx(222.0) and s.percentile(0.9) == s.p90 and s.percentile(0) == 60.0
    assert s.km_median == 180.0  # the two open tickets (censored at 30 min) are still at risk
    assert set(s.to_dict()) == {"n", "open", "mean", "median", "p90", "min", "max", "km_median", "clock"}
    assert repr(s).startswith("DurationSummary(n=4, open=2,")
    with pytest.raises(AttributeError):
        s.n = 3  # type: ignore[misc]


def test_fcr_options() -> None:
    t = cx.Tickets.from_records(
        [
            {"created": "2026-11-02T09:00:00Z", "solved": ["2026-11-02T09:20:00Z"], "agent_replies": 1},
            {
                "created": "2026-11-02T09:00:00Z",
                "solved": ["2026-11-02T10:00:00Z"],
                "reopened": ["2026-11-02T12:00:00Z"],
                "agent_replies": 1,
                "customer_followups": 2,
            },
            {"created": "2026-11-03T09:00:00Z", "agent_replies": 0},
        ]
    )
    assert (cx.fcr(t).count, cx.fcr(t).n) == (1, 2)
    assert cx.fcr(t, reopen_window=3600).count == 2  # the reopen came 2 h after the solve
    assert cx.fcr(t, reopen_window=dt.timedelta(hours=2)).count == 1  # equality fails
    assert cx.fcr(t, reopen_window=3600, max_customer_followups=0).count == 1
    assert cx.fcr(t, max_agent_replies=0).count == 0
    created = cx.fcr(t, denominator="created")
    assert (created.n, created.denominator) == (3, "created")
    assert cx.fcr(t, denominator="created", period=("2026-11-03T00:00:00Z", utc(2026, 11, 4))).n == 1
    ci = cx.fcr(t).interval()
    assert ci.method == "wilson" and cx.fcr(t).margin_of_error() > 0
    assert cx.compare(cx.fcr(t), cx.fcr(t, reopen_window=3600)).method == "pooled_z"


def test_sla_rows_and_interval() -> None:
    t = cx.Tickets(
        ["2026-11-02T09:00:00Z"] * 4,
        priority=["high", "high", "low", "urgent"],
        first_response=["2026-11-02T09:30:00Z", "2026-11-02T11:00:00Z", None, "2026-11-02T09:05:00Z"],
    )
    r = cx.sla(t, targets={"high": 3600, "low": dt.timedelta(hours=3)})  # as_of: 11:00, the latest event
    assert [row.priority for row in r.rows] == ["high", "low"]
    assert r.untargeted == 1 and r.overall.running == 1
    assert r.rows[1].score is None and r.rows[1].running == 1
    with raises_code("empty"):
        r.rows[1].interval()
    assert r.rows[0].interval(0.9, method="jeffreys").method == "jeffreys"
    d = r.to_dict()
    assert d["rows"][0]["priority"] == "high" and d["overall"]["priority"] is None
    assert repr(r).startswith("SlaResult(metric='first_response', clock='calendar', rows=2")
    res = cx.sla(t, targets={"*": 600}, metric="full_resolution")
    assert res.metric == "full_resolution" and res.overall.breached == res.overall.n == 4


def test_handle_time_containers_and_inference() -> None:
    r = cx.handle_time(np.array([300.0, 420.0, np.nan]), hold=pd.Series([60, 0, 10]), wrap=pl.Series([120, 60, 30]))
    assert (r.score, r.n, r.missing, r.talk, r.hold, r.wrap) == (480.0, 2, 1, 360.0, 30.0, 90.0)
    assert r.interval().method == "t" and r.std_dev == 0.0  # both contacts took 480 s
    spread = cx.handle_time([300, 420, 200])
    assert spread.interval().lower >= 0 and spread.margin_of_error() > 0
    assert cx.handle_time([100]).std_dev is None and cx.handle_time([100]).hold == 0.0
    with raises_code("insufficient_data"):
        cx.handle_time([100]).interval()


def test_bundled_tz_database_is_in_the_extension() -> None:
    # jiff's tzdb-bundle-always: the zone files are compiled in (wheels need no system tzdata)
    so = Path(cx._cxmetrics.__file__).read_bytes()
    assert so.count(b"TZif") > 300


def test_durations_release_the_gil(releases_gil: Callable[..., list[Any]]) -> None:
    """Another Python thread runs while business-time durations are computed."""
    n = 100_000
    created = np.datetime64("2026-01-05T00:00:00") + np.arange(n) * np.timedelta64(7, "m")
    t = cx.Tickets(created, first_response=created + np.timedelta64(50, "h"))
    office = cx.Schedule(NY, OFFICE)
    for s in releases_gil(lambda: cx.first_response_time(t, schedule=office), "computing durations"):
        assert s.n == n


# ---------------------------------------------------------------- bad input


def test_schedule_errors() -> None:
    with raises_code("unknown_time_zone"):
        cx.Schedule("Mars/Olympus", OFFICE)
    with raises_code("unknown_time_zone"):
        cx.Schedule("America", OFFICE)
    with raises_code("empty_schedule"):
        cx.Schedule("UTC", [])
    with raises_code("overlapping_windows"):
        cx.Schedule("UTC", [("mon", "09:00", "17:00"), ("mon", "16:00", "18:00")])
    with raises_code("overlapping_windows"):
        cx.Schedule("UTC", [("sun", "22:00", "06:00"), ("mon", "05:00", "09:00")])  # week wrap
    for bad, index in [
        ([("funday", "09:00", "17:00")], 0),
        ([("mon", "09:00", "17:00"), ("tue", "25:00", "17:00")], 1),
        ([("mon", "09:60", "17:00")], 0),
        ([("mon", "9am", "17:00")], 0),
        ([(7, "09:00", "17:00")], 0),
        ([(-1, "09:00", "17:00")], 0),
        ([("mon", dt.time(9, 0, 0, 5), "17:00")], 0),
        ([("mon", dt.time(9, tzinfo=UTC), "17:00")], 0),
    ]:
        with raises_code("invalid_argument", index=index, match=f"windows\\[{index}\\]"):
            cx.Schedule("UTC", bad)
    with raises_code("invalid_argument", index=1, match="holidays"):
        cx.Schedule("UTC", OFFICE, ["2026-12-25", "2026-02-30"])


@pytest.mark.parametrize(
    "windows",
    [
        "mon 09:00-17:00",
        [("mon", "09:00")],
        [("mon", 9, 17)],
        [("mon", "09:00", "17:00", "x")],
        [(True, "09:00", "17:00")],
        [("mon", dt.datetime(2026, 1, 1, 9), "17:00")],
        None,
        {"mon": ("09:00", "17:00")},
    ],
    ids=["str", "pair", "int-times", "4-tuple", "bool-day", "datetime-time", "None", "dict"],
)
def test_schedule_wrong_types(windows: Any) -> None:
    with pytest.raises(TypeError):
        cx.Schedule("UTC", windows)


def test_schedule_other_wrong_types() -> None:
    with pytest.raises(TypeError):
        cx.Schedule(ZoneInfo("UTC"), OFFICE)  # type: ignore[arg-type]
    for holidays in (["2026-12-25", dt.datetime(2026, 12, 26)], [20261225], "2026-12-25"):
        with pytest.raises(TypeError):
            cx.Schedule("UTC", OFFICE, holidays)
    s = cx.Schedule("UTC", OFFICE)
    with pytest.raises(TypeError):
        s.business_seconds(None, "2026-11-02T09:00:00Z")
    with pytest.raises(TypeError):
        s.business_seconds(dt.date(2026, 11, 2), "2026-11-02T09:00:00Z")
    with pytest.raises(TypeError):
        s.business_seconds(1767225600, "2026-11-02T09:00:00Z")
    with pytest.raises(TypeError):
        s.add_business("2026-11-02T09:00:00Z", "1h")


def test_schedule_bad_values() -> None:
    s = cx.Schedule("UTC", OFFICE)
    with raises_code("out_of_order"):
        s.business_seconds("2026-11-02T10:00:00Z", "2026-11-02T09:00:00Z")
    for seconds in (-1, math.nan, math.inf, -math.inf):
        with raises_code("invalid_argument", match="seconds"):
            s.add_business("2026-11-02T09:00:00Z", seconds)
    with raises_code("invalid_argument", match="naive"):
        s.business_seconds(dt.datetime(2026, 11, 2, 9), "2026-11-02T10:00:00Z")
    mondays = [dt.date(2026, 11, 30) + dt.timedelta(weeks=k) for k in range(600)]  # every Monday for 11 years
    closed = cx.Schedule("UTC", [("mon", "09:00", "17:00")], mondays)
    with raises_code("invalid_argument", match="opening time"):
        closed.add_business("2026-11-29T00:00:00Z", 60)


def test_resolution_before_creation_is_out_of_order_with_index() -> None:
    with raises_code("out_of_order", index=1) as info:
        cx.Tickets.from_records(
            [
                {"created": "2026-11-02T09:00:00Z", "solved": ["2026-11-02T10:00:00Z"]},
                {"created": "2026-11-02T09:00:00Z", "solved": ["2026-11-01T10:00:00Z"]},
            ]
        )
    assert "index 1" in str(info.value)
    with raises_code("out_of_order", index=2):
        cx.Tickets(["2026-11-02T09:00:00Z"] * 3, first_solved=[None, None, "2026-11-02T08:00:00Z"])
    with raises_code("out_of_order", index=0):
        cx.Tickets(
            ["2026-11-02T09:00:00Z"], first_solved=["2026-11-02T10:00:00Z"], final_solved=["2026-11-02T09:30:00Z"]
        )
    with raises_code("out_of_order", index=0):  # a pause ends before it starts
        cx.Tickets(["2026-11-02T09:00:00Z"], paused=[(0, "2026-11-02T09:30:00Z", "2026-11-02T09:10:00Z")])
    with raises_code("out_of_order", index=0):  # a reopen without a solve
        cx.Tickets(["2026-11-02T09:00:00Z"], first_reopened=["2026-11-02T10:00:00Z"])
    with raises_code("out_of_order", index=1):  # a reopen before any solve
        cx.Tickets.from_records(
            [
                {"created": "2026-11-02T09:00:00Z"},
                {
                    "created": "2026-11-02T09:00:00Z",
                    "solved": ["2026-11-02T11:00:00Z"],
                    "reopened": ["2026-11-02T10:00:00Z"],
                },
            ]
        )
    t = cx.Tickets(["2026-11-02T09:00:00Z", "2026-11-02T09:00:00Z"], first_response=[None, "2026-11-02T12:00:00Z"])
    with raises_code("out_of_order", index=1):
        cx.first_response_time(t, as_of="2026-11-02T10:00:00Z")


def test_ticket_column_errors() -> None:
    with raises_code("length_mismatch"):
        cx.Tickets(["2026-11-02T09:00:00Z"] * 2, first_response=["2026-11-02T09:30:00Z"])
    with raises_code("invalid_argument", index=1, match="created"):
        cx.Tickets(["2026-11-02T09:00:00Z", None])
    with raises_code("unknown_time_zone"):
        cx.Tickets([dt.datetime(2026, 11, 2, 9)], tz="Nowhere/City")
    with raises_code("invalid_argument", index=1, match="agent_replies"):
        cx.Tickets(["2026-11-02T09:00:00Z"] * 2, agent_replies=[1, -1])
    with raises_code("invalid_argument", index=0, match="missing"):
        cx.Tickets(["2026-11-02T09:00:00Z"], agent_replies=pd.Series([np.nan]))
    with raises_code("invalid_argument", index=0):
        cx.Tickets(["2026-11-02T09:00:00Z"], customer_followups=[1.5])
    with raises_code("invalid_argument", match="paused"):
        cx.Tickets(["2026-11-02T09:00:00Z"], paused=[(3, "2026-11-02T09:10:00Z", "2026-11-02T09:30:00Z")])
    with raises_code("invalid_argument", index=0, match="both ends"):
        cx.Tickets(["2026-11-02T09:00:00Z"], paused=[(0, "2026-11-02T09:10:00Z", None)])
    for bad in (
        "2026-11-02T09:00:00Z",
        dt.datetime(2026, 11, 2, tzinfo=UTC),
        5,
        np.array([1, 2]),
        pd.DataFrame({"a": pd.to_datetime(["2026-11-02"], utc=True)}),
    ):
        with pytest.raises(TypeError):
            cx.Tickets(bad)
    for kw in (
        {"channel": [1]},
        {"priority": "high"},
        {"agent_replies": ["1"]},
        {"tz": 5},
        {"paused": [("0", "2026-11-02T09:10:00Z", "2026-11-02T09:30:00Z")]},
        {"paused": [(0, "2026-11-02T09:10:00Z")]},
        {"first_response": [dt.date(2026, 11, 2)]},
        {"agent_replies": [True]},
    ):
        with pytest.raises(TypeError):
            cx.Tickets(["2026-11-02T09:00:00Z"], **kw)


def test_record_errors() -> None:
    with raises_code("invalid_argument", index=1, match="unknown key 'first_reponse'"):
        cx.Tickets.from_records(
            [{"created": "2026-11-02T09:00:00Z"}, {"created": "2026-11-02T09:00:00Z", "first_reponse": None}]
        )
    with raises_code("invalid_argument", index=0, match="created"):
        cx.Tickets.from_records([{"solved": ["2026-11-02T09:00:00Z"]}])
    with raises_code("invalid_argument", index=0):
        cx.Tickets.from_records([{"created": "2026-11-02T09:00:00Z", "agent_replies": -2}])
    with raises_code("invalid_argument", index=0):
        cx.Tickets.from_records([{"created": "2026-11-02T09:00:00Z", "solved": [None]}])
    for bad in (
        [["2026-11-02T09:00:00Z"]],
        "records",
        [{"created": "2026-11-02T09:00:00Z", "solved": "2026-11-02T10:00:00Z"}],
        [{"created": "2026-11-02T09:00:00Z", "agent_replies": 1.0}],
        [{"created": "2026-11-02T09:00:00Z", "channel": 3}],
        [{"created": "2026-11-02T09:00:00Z", "paused": [("2026-11-02T09:10:00Z",)]}],
    ):
        with pytest.raises(TypeError):
            cx.Tickets.from_records(bad)
    assert len(cx.Tickets.from_records([])) == 0


def test_metric_argument_errors() -> None:
    t = cx.Tickets(
        ["2026-11-02T09:00:00Z"],
        first_response=["2026-11-02T09:30:00Z"],
        first_solved=["2026-11-02T10:00:00Z"],
        final_solved=["2026-11-02T10:00:00Z"],
    )
    with pytest.raises(TypeError, match=r"cxmetrics\.Tickets"):
        cx.first_response_time([{"created": "2026-11-02T09:00:00Z"}])
    with pytest.raises(TypeError, match="Schedule"):
        cx.first_response_time(t, schedule="UTC")
    with raises_code("invalid_argument", match="kind"):
        cx.resolution_time(t, kind="final")
    with raises_code("invalid_argument", match="metric"):
        cx.ticket_durations(t, "response")
    with raises_code("invalid_argument", match="metric"):
        cx.sla(t, targets={"*": 60}, metric="first")
    with raises_code("invalid_argument", match="denominator"):
        cx.fcr(t, denominator="all")
    with raises_code("invalid_argument", match="period"):
        cx.fcr(t, period=("2026-11-03T00:00:00Z", "2026-11-02T00:00:00Z"))
    with raises_code("invalid_argument", match="reopen_window"):
        cx.fcr(t, reopen_window=-1)
    with raises_code("invalid_argument", match="max_agent_replies"):
        cx.fcr(t, max_agent_replies=-1)
    with pytest.raises(TypeError):
        cx.fcr(t, max_agent_replies=1.5)
    with pytest.raises(TypeError):
        cx.fcr(t, period="2026-11")
    for targets in ({}, {"*": 0}, {"*": -5}, {"*": math.nan}, {"*": math.inf}):
        with raises_code("invalid_argument", match="target"):
            cx.sla(t, targets=targets)
    for targets in ({1: 60}, [("*", 60)], {"*": "60"}):
        with pytest.raises(TypeError):
            cx.sla(t, targets=targets)
    with raises_code("empty"):
        cx.first_response_time(cx.Tickets(["2026-11-02T09:00:00Z"]))
    with raises_code("empty"):
        cx.fcr(cx.Tickets([]))


def test_handle_time_errors() -> None:
    with raises_code("length_mismatch"):
        cx.handle_time([1, 2], hold=[1])
    with raises_code("invalid_argument", index=1):
        cx.handle_time([1, -2])
    with raises_code("invalid_argument", index=0):
        cx.handle_time([1], wrap=[math.inf])
    with raises_code("empty"):
        cx.handle_time([None, math.nan])
    with pytest.raises(TypeError):
        cx.handle_time("300")
    with pytest.raises(TypeError):
        cx.handle_time([True])


def test_requester_wait_leaves_out_the_solved_period() -> None:
    # created Thu 10:00, solved Fri 15:00, reopened four days later (Tue 15:00), solved
    # again Tue 17:00 (New York): 29 h + 2 h of calendar wait, not the four days solved
    t = cx.Tickets.from_records(
        [
            {
                "created": "2026-11-05T10:00:00-05:00",
                "solved": ["2026-11-06T15:00:00-05:00", "2026-11-10T17:00:00-05:00"],
                "reopened": ["2026-11-10T15:00:00-05:00"],
            }
        ]
    )
    assert cx.requester_wait_time(t).median == 31 * 3600
    assert cx.resolution_time(t).median == 127 * 3600
    office = cx.Schedule("America/New_York", [(d, "09:00", "17:00") for d in ("mon", "tue", "wed", "thu", "fri")])
    assert cx.requester_wait_time(t, schedule=office).median == 15 * 3600  # 7 h + 6 h + 2 h
    cols = cx.Tickets(
        ["2026-11-05T10:00:00-05:00"],
        first_solved=["2026-11-06T15:00:00-05:00"],
        final_solved=["2026-11-10T17:00:00-05:00"],
        first_reopened=["2026-11-10T15:00:00-05:00"],
    )
    assert cx.ticket_durations(cols, "requester_wait", schedule=office) == [15 * 3600]


def test_overlapping_pauses_from_two_sources_are_merged() -> None:
    # pending 10:00-12:00 and a third party 11:00-13:00: paused 10:00-13:00, counted once
    z = "2026-11-16T{}:00-05:00".format
    t = cx.Tickets(
        [z("08:00")],
        final_solved=[z("16:00")],
        first_solved=[z("16:00")],
        paused=[(0, z("10:00"), z("12:00")), (0, z("11:00"), z("13:00"))],
    )
    assert cx.ticket_durations(t, "requester_wait") == [5 * 3600]
