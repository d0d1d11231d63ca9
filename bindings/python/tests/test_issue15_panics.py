"""Issue 15, item 2: dates with negative years, the first / last instants and huge
``rolling_days`` give values or ``CxMetricsError`` — never pyo3's ``PanicException``."""

from __future__ import annotations

import pytest

import cxmetrics as cx


def test_negative_year_is_a_period() -> None:
    t = cx.trend([9], ["-000001-06-01T00:00:00Z"], min_n=1)  # the example
    (row,) = t.rows
    assert (row.label, row.n, row.score) == ("-0001-06", 1, 100.0)
    # Python's datetime.date cannot hold year -1: reading .start is an error, not a panic
    with pytest.raises(cx.CxMetricsError) as e:
        _ = row.start
    assert e.value.code == "invalid_argument"


def test_negative_years_order_and_labels() -> None:
    times = ["2026-01-01T00:00:00Z", "-000001-06-30T23:59:59Z", "0000-01-05T00:00:00Z", "-000001-06-01T00:00:00Z"]
    labels = [r.label for r in cx.trend([6, 0, 10, 9], times, min_n=1)]
    assert labels == ["-0001-06", "0000-01", "2026-01"]
    for period, want in [("day", "-0001-06-01"), ("quarter", "-0001-Q2"), ("week", "-0001-W22")]:
        assert [r.label for r in cx.trend([9], times[3:], period=period, min_n=1)] == [want]


def test_first_and_last_instants() -> None:
    times = ["-009999-01-02T01:59:59Z", "9999-12-30T22:00:00Z"]
    for period in ["day", "week", "month", "quarter"]:
        assert [r.n for r in cx.trend([10, 0], times, period=period, min_n=1)] == [1, 1]


@pytest.mark.parametrize("days", [7_304_484, 7_304_485, 2**31, 2**32 - 1])
def test_huge_rolling_window_holds_every_earlier_day(days: int) -> None:
    times = ["-009999-01-02T01:59:59Z", "-000001-06-01T00:00:00Z", "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"]
    rows = cx.trend([10, 0, 9, 6], times, period="day", rolling_days=days, min_n=1).rows
    assert [r.n for r in rows] == [1, 2, 3, 4]
    # cumulative NPS by hand: 1/1, (1-1)/2, (2-1)/3, (2-2)/4
    assert [r.score for r in rows] == pytest.approx([100.0, 0.0, 100.0 / 3, 0.0])
    assert rows[-1].label == f"2026-01-02 (last {days} d)"


@pytest.mark.parametrize("days", [0, 2**32, -1])
def test_rolling_days_outside_u32_is_an_error(days: int) -> None:
    with pytest.raises(cx.CxMetricsError) as e:
        cx.trend([9], ["2026-01-01T00:00:00Z"], period="day", rolling_days=days)
    assert e.value.code == "invalid_argument"
    assert "rolling_days" in str(e.value) or "days" in str(e.value)


def test_many_errors_then_a_normal_call() -> None:
    for _ in range(2000):
        with pytest.raises(cx.CxMetricsError):
            cx.trend([9], ["2026-01-01T00:00:00Z"], period="month", rolling_days=7)
    assert cx.nps([10, 9, 0]).score == pytest.approx(100 / 3)
