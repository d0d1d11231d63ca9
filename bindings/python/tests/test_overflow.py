"""Issue 15 item 5: inputs that overflow are errors, not wrong numbers.

numpy ``datetime64`` values in every unit are converted with checked arithmetic in the
extension (numpy's ``astype`` between units wraps silently): a value outside the
instants the core holds is ``invalid_argument`` naming the value's position. The
core-level instances (levels, sample sizes, handle time, lifetime value, weights) are
checked through the binding too. Expected instants are by hand (the arithmetic is in
the comments) or numpy's own calendar.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest

import cxmetrics as cx
from conftest import raises_code

NEW_YEAR = "2026-01-01T00:00:00Z"
# 2026-01-01 is day 56 × 365 + 14 (leap days 1972 … 2024) = 20454 after 1970-01-01,
# a Thursday like 1970-01-01: week 2922
NEW_YEAR_IN = {
    "Y": 56,
    "M": 56 * 12,
    "W": 20454 // 7,
    "D": 20454,
    "h": 20454 * 24,
    "m": 20454 * 24 * 60,
    "s": 20454 * 86400,
    "ms": 20454 * 86400 * 10**3,
    "us": 20454 * 86400 * 10**6,
    "ns": 20454 * 86400 * 10**9,
}
OUTSIDE = "outside the instants cxmetrics holds"


def first_response_after(created: Any, at: str = NEW_YEAR) -> list[float | None]:
    """Seconds from ``created`` to ``at``: 0 when the conversion is right."""
    n = len(created)
    return cx.ticket_durations(cx.Tickets(created, first_response=[at] * n), "first_response")


@pytest.mark.parametrize("unit", list(NEW_YEAR_IN))
def test_every_unit_converts_exactly(unit: str) -> None:
    assert 20454 % 7 == 0
    assert str(np.datetime64(NEW_YEAR_IN[unit], unit)).startswith("2026-01-01" if unit not in "YM" else "2026")
    assert first_response_after(np.array([NEW_YEAR_IN[unit]], f"datetime64[{unit}]")) == [0.0]


@pytest.mark.parametrize(("unit", "per_second"), [("ps", 10**12), ("fs", 10**15), ("as", 10**18)])
def test_units_finer_than_a_nanosecond(unit: str, per_second: int) -> None:
    # 3 s after the epoch
    created = np.array([3 * per_second], f"datetime64[{unit}]")
    assert first_response_after(created, "1970-01-01T00:00:03Z") == [0.0]


def test_unit_multiples() -> None:
    # datetime64[10s]: 10 s per step; datetime64[3M]: 3 months per step
    assert first_response_after(np.array([20454 * 8640], "datetime64[10s]")) == [0.0]
    assert first_response_after(np.array([56 * 4], "datetime64[3M]")) == [0.0]
    assert first_response_after(np.array([56 // 4], "datetime64[4Y]")) == [0.0]


def test_the_issues_example_is_an_error_not_1970() -> None:
    # was: np.array([2**62], "datetime64[D]") became a 1970 instant
    with raises_code("invalid_argument", index=0, match=OUTSIDE):
        cx.Tickets(np.array([2**62], "datetime64[D]"))
    with raises_code("invalid_argument", index=1, match="created\\[1\\]"):
        cx.Tickets(np.array([20454, 2**62], "datetime64[D]"))


@pytest.mark.parametrize("unit", ["Y", "M", "W", "D", "h", "m", "s", "ms", "us"])
@pytest.mark.parametrize("value", [2**63 - 1, -(2**63) + 1, 2**62, -(2**62)])
def test_int64_extremes_are_refused_in_coarse_units(unit: str, value: int) -> None:
    with raises_code("invalid_argument", index=0, match=OUTSIDE):
        cx.Tickets(np.array([value], f"datetime64[{unit}]"))


def test_int64_extremes_in_nanoseconds_are_instants() -> None:
    # int64 nanoseconds span 1677-09-21T00:12:43.145224193Z … 2262-04-11T23:47:16.854775807Z
    hi = np.array([2**63 - 1], "datetime64[ns]")
    lo = np.array([-(2**63) + 1], "datetime64[ns]")
    assert str(hi[0]) == "2262-04-11T23:47:16.854775807"
    assert first_response_after(hi, "2262-04-11T23:47:16.854775807Z") == [0.0]
    assert first_response_after(lo, "1677-09-21T00:12:43.145224193Z") == [0.0]


def test_the_core_range_is_the_limit() -> None:
    # the core holds instants up to 9999-12-30T22:00:00.999999999Z (jiff's Timestamp::MAX)
    ok = np.array(["9999-12-30"], "datetime64[D]")
    assert first_response_after(ok, "9999-12-30T00:00:00Z") == [0.0]
    with raises_code("invalid_argument", index=1, match=OUTSIDE):
        cx.Tickets(np.array(["9999-12-30", "10000-01-02"], "datetime64[D]"))
    with raises_code("invalid_argument", index=0, match=OUTSIDE):
        cx.Tickets(np.array(["-10000-01-01"], "datetime64[Y]"))


def test_nat_is_missing_in_every_unit() -> None:
    for unit in [*NEW_YEAR_IN, "ps", "fs", "as"]:
        created = np.array([0], f"datetime64[{unit}]")
        t = cx.Tickets(created, first_response=np.array(["NaT"], f"datetime64[{unit}]"))
        assert cx.ticket_durations(t, "first_response") == [None]
    with raises_code("invalid_argument", index=0, match="missing"):
        cx.Tickets(np.array(["NaT"], "datetime64[D]"))


def test_scalars_are_checked_too() -> None:
    schedule = cx.Schedule("UTC", [(d, "00:00", "12:00") for d in range(7)])
    assert schedule.business_seconds(np.datetime64(NEW_YEAR_IN["D"], "D"), "2026-01-01T01:00:00Z") == 3600.0
    with raises_code("invalid_argument", match=OUTSIDE):
        schedule.business_seconds(np.datetime64(2**62, "D"), NEW_YEAR)


def test_pandas_columns_and_timestamps() -> None:
    pd = pytest.importorskip("pandas")
    created = pd.Series(pd.to_datetime(["2026-01-01T00:00:00"]).tz_localize("UTC"))
    assert first_response_after(created) == [0.0]
    # a second-unit column far beyond the core's range: refused, with its index
    far = pd.Series(np.array([0, 2**40], "datetime64[s]")).dt.tz_localize("UTC")
    with raises_code("invalid_argument", index=1, match=OUTSIDE):
        cx.Tickets(far)
    assert first_response_after([pd.Timestamp("2026-01-01", tz="UTC")]) == [0.0]
    assert first_response_after([pd.Timestamp.max.tz_localize("UTC")], "2262-04-11T23:47:16.854775807Z") == [0.0]


def test_polars_datetimes() -> None:
    pl = pytest.importorskip("polars")
    ms = NEW_YEAR_IN["ms"]
    ok = pl.Series([ms], dtype=pl.Int64).cast(pl.Datetime("ms", "UTC"))
    assert first_response_after(ok) == [0.0]
    far = pl.Series([ms, 2**62], dtype=pl.Int64).cast(pl.Datetime("ms", "UTC"))
    with raises_code("invalid_argument", index=1, match=OUTSIDE):
        cx.Tickets(far)
    naive = pl.Series([2**62], dtype=pl.Int64).cast(pl.Datetime("us"))
    with raises_code("invalid_argument", index=0, match=OUTSIDE):
        cx.Tickets(naive, tz="UTC")


# ------------------------------------------------------------ core-level instances


def test_level_a_hair_below_one() -> None:
    level = 1 - 1e-16  # = 1 − 2**-53 < 1
    # 1 df: the t quantile is cot(π α/2) (Cauchy); [1, 2] has sd 1/√2, half = t/2
    t = 1 / math.tan(math.pi * (1 - level) / 2)
    i = cx.mean_of([1.0, 2.0]).interval(level=level)
    assert i.upper - 1.5 == pytest.approx(t / 2, rel=1e-12)
    assert tuple(cx.mean_of([1.0, 1.0]).interval(level=level)) == (1.0, 1.0)
    with raises_code("invalid_argument", match="level"):
        cx.mean_of([0.0, 1.0], weights=[1.0, 1e-9]).interval()


def test_sample_sizes_are_refused_not_saturated() -> None:
    # were 2**64 - 1
    with raises_code("invalid_argument", match="9007199254740991"):
        cx.sample_size_nps(1e-10)
    with raises_code("invalid_argument", match="margin"):
        cx.sample_size_mean(1e-300, sd=1.0)
    with raises_code("invalid_argument", match="p2"):
        cx.sample_size_proportion_difference(50.0, 50.0 + 1e-12)


def test_handle_time_and_lifetime_value_stay_finite() -> None:
    # sums of durations beyond the largest double: an error, never inf / NaN
    with raises_code("invalid_argument", match="largest double"):
        cx.handle_time([1e308, 1e308])
    with raises_code("invalid_argument", match="talk"):
        cx.handle_time([1e308], hold=[1e308])
    assert cx.handle_time([1e150, 1e150]).score == 1e150
    with raises_code("invalid_argument", match="churn"):
        cx.clv_from_churn(1e308, margin=1.0, churn=1e-10)
    # the largest retention below 100 is 100 − 2**-46: CLV = 100 × 2**46
    assert cx.clv_from_retention(1.0, retention=math.nextafter(100.0, 0.0)) == 100.0 * 2.0**46


def test_weights_above_the_limit_are_invalid() -> None:
    # the issue's example: weights whose sums overflow gave NaN results
    with raises_code("invalid_weight", index=0, match="1e144"):
        cx.nps([9, 0], weights=[1e308, 1e308])
    with raises_code("invalid_weight", index=1):
        cx.Tally((0, 10), [9, 0], weights=[1.0, 1e200])
    t = cx.Tally((0, 10), [9, 0], weights=[1e144, 1e144])
    assert cx.nps(t).score == 0.0
    t.merge(t)
    assert math.isfinite(t.n_eff)
    with raises_code("invalid_argument", match="largest double"):
        cx.mean_of([1.0, 3.0], weights=[1e300, 1e300])
