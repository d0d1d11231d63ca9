"""Lifecycle metrics (conversion, churn, retention, CLV), segments and trends (issue 5): named
behaviours, key and time inputs, frames (pandas / polars and a clear ImportError without
them), bad input."""

from __future__ import annotations

import builtins
import datetime as dt
import math
import subprocess
import sys
from typing import Any, Callable

import numpy as np
import pandas as pd
import polars as pl
import pytest

import cxmetrics as cx
from conftest import raises_code

# --------------------------------------------------------------- lifecycle metrics


def test_lifecycle_reference_values() -> None:
    c = cx.conversion_rate(45, 1500)
    assert (c.score, c.count, c.n) == (3.0, 45.0, 1500.0)
    lo, hi = c.interval()
    assert (round(lo, 4), round(hi, 4)) == (2.2496, 3.9905)
    assert c.margin_of_error() == pytest.approx((hi - lo) / 2)
    monthly = cx.churn_rate(100, 1000, periods_per_year=12)
    assert monthly.score == 10.0 and monthly.annualized == pytest.approx(71.7570463519)
    assert cx.churn_rate(100, 1000, periods_per_year=12, annualize="simple").annualized == pytest.approx(120.0)
    assert cx.churn_rate(100, 1000).annualized is None
    assert cx.churn_rate(30, 1000, denominator="up_for_renewal", up_for_renewal=200).n == 200.0
    assert cx.churn_rate(30, 1000, denominator="average", end=1001).n == 1000.5
    assert cx.retention_rate(1000, 1030, 80).score == 95.0
    assert cx.clv_from_churn(50, margin=0.8, churn=4) == 1000.0
    assert cx.clv_from_retention(50, retention=96) == pytest.approx(1250.0)
    assert cx.clv_from_retention(50, retention=96) == pytest.approx(cx.clv_from_churn(50, margin=1, churn=4))
    r = cx.revenue_retention(100_000, expansion=15_000, contraction=3_000, churned=7_000)
    assert (r.score, r.gross) == (105.0, 90.0)  # (100k + 15k − 3k − 7k) / 100k; GRR without the 15k
    assert r.to_dict() == {"score": 105.0, "gross": 90.0, "start": 100_000.0, "expansion": 15_000.0,
                           "contraction": 3_000.0, "churned": 7_000.0}
    with pytest.raises(TypeError):
        cx.revenue_retention(1000, 400, 100, 200)  # type: ignore[call-arg]
    with pytest.raises(cx.CxMetricsError, match="`churned`") as e:
        cx.revenue_retention(100, expansion=50, contraction=60, churned=41)
    assert e.value.code == "invalid_argument"


def test_rates_have_inference_and_compare() -> None:
    a, b = cx.conversion_rate(60, 1000), cx.conversion_rate(45, 1000)
    c = cx.compare(a, b)
    assert c.method == "pooled_z" and c.difference == pytest.approx(1.5)
    churn = cx.churn_rate(50, 1000)
    assert churn.interval(method="clopper_pearson").method == "clopper_pearson"
    assert cx.compare(churn, cx.churn_rate(70, 1000)).difference == pytest.approx(-2.0)
    assert repr(churn).startswith("ChurnResult(score=5.0, annualized=None")
    assert churn.to_dict() == {"score": 5.0, "annualized": None, "churned": 50.0, "n": 1000.0}


def test_lifecycle_bad_input() -> None:
    with raises_code("empty"):
        cx.conversion_rate(0, 0)
    with raises_code("invalid_argument", match="conversions"):
        cx.conversion_rate(10, 5)
    for bad in (-1, math.nan, math.inf):
        with raises_code("invalid_argument"):
            cx.conversion_rate(bad, 100)
        with raises_code("invalid_argument"):
            cx.churn_rate(bad, 100)
        with raises_code("invalid_argument"):
            cx.retention_rate(100, 100, bad)
        with raises_code("invalid_argument"):
            cx.clv_from_churn(bad, margin=0.5, churn=5)
        with raises_code("invalid_argument"):
            cx.clv_from_retention(50, retention=bad)
    with raises_code("empty"):
        cx.churn_rate(0, 0)
    with raises_code("invalid_argument", match="periods_per_year"):
        cx.churn_rate(1, 10, periods_per_year=0)
    with raises_code("invalid_argument", match="denominator"):
        cx.churn_rate(1, 10, denominator="end")
    with raises_code("invalid_argument", match="annualize"):
        cx.churn_rate(1, 10, periods_per_year=12, annualize="linear")
    with raises_code("invalid_argument", match=r"`up_for_renewal`: denominator \"up_for_renewal\" needs this count"):
        cx.churn_rate(1, 10, denominator="up_for_renewal")
    with raises_code("invalid_argument", match=r"`end`: denominator \"average\" needs this count"):
        cx.churn_rate(1, 10, denominator="average")
    with raises_code("invalid_argument", match="only used with"):
        cx.churn_rate(1, 10, end=12)
    with raises_code("invalid_argument", match="only used with"):
        cx.churn_rate(1, 10, denominator="average", end=12, up_for_renewal=5)
    with raises_code("invalid_argument", match="churn"):
        cx.clv_from_churn(50, margin=0.8, churn=0)
    with raises_code("invalid_argument", match="margin"):
        cx.clv_from_churn(50, margin=80, churn=5)
    with raises_code("invalid_argument", match="retention"):
        cx.clv_from_retention(50, retention=100)
    with raises_code("invalid_argument", match="level"):
        cx.conversion_rate(1, 10).interval(1.5)
    for call in (
        lambda: cx.conversion_rate("45", 1500),
        lambda: cx.churn_rate(True, 10),
        lambda: cx.churn_rate(1, 10, denominator=1),
        lambda: cx.retention_rate(None, 1, 1),
        lambda: cx.clv_from_churn(50, margin="0.8", churn=4),
        lambda: cx.clv_from_churn(50, 0.8, 4),  # margin and churn are keyword-only
    ):
        with pytest.raises(TypeError):
            call()


# ---------------------------------------------------------------- segments: named


def test_overall_nps_is_not_the_mean_of_segment_nps() -> None:
    scores = [10] * 12 + [10] * 1000 + [8] * 1000 + [0] * 3000
    region = ["north"] * 12 + ["south"] * 5000
    t = cx.segment(scores, region)
    north, south = t.rows
    assert (north.key, north.n, north.score, north.low_n) == (("north",), 12, 100.0, True)
    assert (south.key, south.n, south.score, south.low_n) == (("south",), 5000, -40.0, False)
    mean_of_segments = (north.score + south.score) / 2
    assert mean_of_segments == 30.0
    assert t.overall.score == pytest.approx(100 * (1012 - 3000) / 5012)  # -39.66…, from merged counts
    assert t.overall.score == pytest.approx(cx.nps(scores).score)
    assert t.overall.score != pytest.approx(mean_of_segments)
    assert (t.overall.key, t.overall.n, t.overall.share, t.overall.impact) == ((), 5012, 1.0, None)
    assert north.share == pytest.approx(12 / 5012)
    assert north.impact == pytest.approx(t.overall.score - south.score)  # overall minus everyone else
    assert north.lower is not None and north.lower < north.score <= north.upper  # adjusted Wald shrinks


def test_multi_column_keys_in_every_form() -> None:
    scores = [10, 9, 0, 3, 10, 8, 7, 1]
    channel = ["chat", "chat", "email", "email", "chat", "email", "chat", "email"]
    year = [2025, 2026, 2025, 2026, 2025, 2025, 2026, 2026]
    base = cx.segment(scores, [channel, year], min_n=1)
    assert [r.key for r in base] == [("chat", 2025), ("chat", 2026), ("email", 2025), ("email", 2026)]
    assert base.key_names == ["key_0", "key_1"]
    df = pd.DataFrame({"channel": channel, "year": year})
    forms: list[Any] = [
        (channel, year),
        [np.array(channel), np.array(year)],
        [pd.Series(channel), pd.Series(year)],
        df,
        [df["channel"], df["year"]],
        pl.DataFrame({"channel": channel, "year": year}),
        [pl.Series(channel), np.array(year, dtype=np.int16)],
    ]
    for by in forms:
        t = cx.segment(scores, by, min_n=1)
        assert [r.to_dict() for r in t] == [r.to_dict() for r in base], type(by)
    assert cx.segment(scores, df, min_n=1).key_names == ["channel", "year"]
    assert cx.segment(scores, df["channel"], min_n=1).key_names == ["channel"]


def test_single_key_column_in_every_form() -> None:
    scores = [10, 9, 0, 3, 10, 8]
    keys = ["b", "a", "b", "c", "a", "b"]
    base = cx.segment(scores, keys, min_n=1)
    assert [r.key for r in base] == [("a",), ("b",), ("c",)]
    for by in (tuple(keys), [keys], np.array(keys), np.array(keys, dtype=object), pd.Series(keys),
               pd.Series(keys, dtype="category"), pd.Series(keys, dtype="string"), pd.Index(keys), pl.Series(keys),
               pl.Series(keys, dtype=pl.Categorical), iter(keys)):
        assert cx.segment(scores, by, min_n=1).to_dict()["rows"] == base.to_dict()["rows"], type(by)


def test_int_and_mixed_keys_sort_ints_first_and_keep_10_apart_from_str_10() -> None:
    scores = [10, 0, 9, 3, 10]
    t = cx.segment(scores, [10, "10", 2, "a", 10], min_n=1)
    assert [r.key for r in t] == [(2,), (10,), ("10",), ("a",)]
    assert [r.n for r in t] == [1, 2, 1, 1]
    ints = cx.segment(scores, np.array([3, 1, 3, 2, 1], dtype=np.uint8), min_n=1)
    assert [r.key for r in ints] == [(1,), (2,), (3,)] and all(type(r.key[0]) is int for r in ints)
    assert [r.key for r in cx.segment(scores, pl.Series([3, 1, 3, 2, 1]), min_n=1)] == [(1,), (2,), (3,)]
    assert [r.key for r in cx.segment(scores, pd.Series([3, 1, 3, 2, 1], dtype="Int64"), min_n=1)] == [(1,), (2,), (3,)]


def test_segments_with_weights_other_metrics_and_all_missing_segment() -> None:
    t = cx.segment([5, 4, None, None, 1], ["a", "a", "b", "b", "c"], metric="csat", min_n=1,
                   weights=[1.0, 3.0, 1.0, 1.0, 2.0])
    a, b, c = t.rows
    assert a.score == 100.0 and a.share == pytest.approx(4 / 6) and c.score == 0.0
    assert (b.n, b.missing, b.score, b.lower, b.share) == (0, 2, None, None, 0.0)
    assert t.overall.score == pytest.approx(100 * 4 / 6)
    m = cx.segment([1, 2, 3, 4], ["x", "x", "y", "z"], metric="mean", scale=(1, 5), min_n=1)
    assert m.rows[1].score == 3.0 and m.rows[1].lower is None  # a mean of one response has no interval
    ces = cx.segment([7, 6, 2, 1], ["x", "x", "y", "y"], metric="ces", scale=(1, 7), higher_is_better=True,
                     ces_method="net_effort", min_n=1)
    assert [r.score for r in ces] == [100.0, -100.0]
    box = cx.segment([5, 4, 2, 1], ["x", "x", "y", "y"], metric="bottom_box", scale=(1, 5), threshold=1, min_n=1)
    assert [r.score for r in box] == [0.0, 50.0] and box.metric == "bottom_box"
    nps = cx.segment([5, 4, 1], ["x", "x", "y"], buckets=(2, 5), scale=(1, 5), min_n=1, level=0.8, method="wald")
    assert nps.rows[0].score == 50.0
    skip = cx.segment([10, 11, 9.5, 9], ["x", "x", "y", "y"], on_invalid="skip", min_n=1)
    assert [r.invalid for r in skip] == [1, 1] and skip.overall.invalid == 2


def test_segment_table_dict_repr_iter_and_immutability() -> None:
    t = cx.segment([10, 0], ["a", "b"], min_n=1)
    d = t.to_dict()
    assert d["metric"] == "nps" and d["key_names"] == ["key"] and d["overall"]["key"] == ()
    assert [r["key"] for r in d["rows"]] == [("a",), ("b",)]
    # The text form lists the rows, then the overall row (issue 12; details in test_display.py).
    lines = repr(t).split("\n")
    assert lines[0] == "SegmentTable(metric='nps', key_names=['key'], rows=2)"
    assert [ln.split()[0] for ln in lines[1:]] == ["key", "a", "b", "overall"]
    assert list(t) == t.rows and len(t) == 2
    assert t == cx.segment([10, 0], ["a", "b"], min_n=1)
    with pytest.raises(AttributeError):
        t.rows[0].score = 1.0  # type: ignore[misc]


def test_segment_to_pandas_and_to_polars_round_trip() -> None:
    scores = [10, 9, 0, 3, 10, 8, None]
    t = cx.segment(scores, pd.DataFrame({"channel": ["chat"] * 3 + ["email"] * 4, "tier": [1, 2, 1, 2, 1, 2, 1]}), min_n=2)
    expected = [{"channel": r.key[0], "tier": r.key[1], **{k: v for k, v in r.to_dict().items() if k != "key"}} for r in t]
    df = t.to_pandas()
    assert isinstance(df, pd.DataFrame) and list(df.columns) == [
        "channel", "tier", "n", "missing", "invalid", "share", "score", "lower", "upper", "low_n", "impact"]
    back = df.to_dict("records")
    assert len(back) == len(expected)
    for got, want in zip(back, expected):
        for k, v in want.items():
            assert got[k] == v or (v is None and math.isnan(got[k])), (k, got[k], v)
    assert df["score"].dtype == np.float64 and df["n"].dtype == np.int64 and df["low_n"].dtype == bool
    pf = t.to_polars()
    assert isinstance(pf, pl.DataFrame) and pf.columns == list(df.columns)
    assert pf.to_dicts() == expected
    assert pf.schema["tier"] == pl.Int64 and pf.schema["score"] == pl.Float64


def test_to_pandas_and_to_polars_name_the_extra_when_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    t = cx.segment([10, 0], ["a", "b"])
    tr = cx.trend([10, 0], ["2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"])
    real_import = builtins.__import__

    def fake_import(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.partition(".")[0] in ("pandas", "polars"):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    for table in (t, tr):
        with pytest.raises(ImportError, match=r"pip install cxmetrics\[pandas\]"):
            table.to_pandas()
        with pytest.raises(ImportError, match=r"pip install cxmetrics\[polars\]"):
            table.to_polars()


def test_segment_of_lists_and_arrays_does_not_import_pandas() -> None:
    code = (
        "import sys, numpy as np, cxmetrics as cx\n"
        "t = cx.segment([10, 0, 9, 7], ['a', 'b', 'a', 'b'], min_n=1)\n"
        "u = cx.segment(np.array([10, 0, 9, 7]), [np.array([1, 2, 1, 2]), ['x', 'x', 'y', 'y']], min_n=1)\n"
        "v = cx.segment([10, 0], [10, '10'], min_n=1)\n"
        "assert [r.key for r in t] == [('a',), ('b',)] and len(u) == 4 and [r.key for r in v] == [(10,), ('10',)]\n"
        "assert 'pandas' not in sys.modules and 'polars' not in sys.modules, 'imported a dataframe library'\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_large_segment_releases_the_gil(releases_gil: Callable[..., list[Any]]) -> None:
    n = 4_000_000
    scores = np.tile(np.arange(11, dtype=np.uint8), n // 11 + 1)[:n]
    keys = np.arange(n, dtype=np.int64) % 7
    for t in releases_gil(lambda: cx.segment(scores, keys), "segmenting"):
        assert t.overall.n == n and len(t) == 7


# ---------------------------------------------------------------- segments: bad input


def test_segment_errors() -> None:
    with raises_code("length_mismatch"):
        cx.segment([10, 9, 0], ["a", "b"])
    with raises_code("length_mismatch"):
        cx.segment([10, 9], [["a", "b"], ["x"]])
    with raises_code("length_mismatch"):
        cx.segment([10, 9], ["a", "b"], weights=[1.0])
    with raises_code("out_of_scale", index=3):
        cx.segment([10, 9, 0, 11], ["a", "b", "b", "a"])
    with raises_code("empty"):
        cx.segment([], [])
    with raises_code("empty"):
        cx.segment([None, None], ["a", "b"])
    for by, index in ((["a", None, "b"], 1), (pd.Series(["a", "b", np.nan]), 2), ([np.array(["a", "b", "c"], dtype=object), ["x", pd.NA, "y"]], 1)):
        with raises_code("invalid_argument", index=index, match="missing"):
            cx.segment([10, 9, 0], by)
    with raises_code("invalid_argument", match="metric"):
        cx.segment([10], ["a"], metric="nss")
    with raises_code("invalid_argument", match="does not apply"):
        cx.segment([10], ["a"], threshold=9)
    with raises_code("invalid_argument", match="does not apply"):
        cx.segment([5], ["a"], metric="csat", buckets=(6, 9))
    with raises_code("invalid_argument", match="does not apply"):
        cx.segment([5], ["a"], metric="mean", scale=(1, 5), higher_is_better=True)
    with raises_code("invalid_argument", match="level"):
        cx.segment([10], ["a"], level=1.0)
    with raises_code("invalid_argument", match="method"):
        cx.segment([10], ["a"], method="wilson")
    with raises_code("invalid_argument", match="min_n"):
        cx.segment([10], ["a"], min_n=-1)
    with raises_code("scale_mismatch"):
        cx.segment([5], ["a"], scale=(1, 5))
    with raises_code("invalid_argument", match="csat"):
        cx.segment([5], ["a"], metric="csat", csat_method="median")


@pytest.mark.parametrize(
    "by",
    [[True, False], np.array([True, False]), [1.5, 2.5], np.array([1.0, 2.0]), [dt.date(2026, 1, 1)] * 2,
     "ab", 5, None, {"a": 1}, [[1], [2]], pl.Series([True, False])],
    ids=["bools", "np-bool", "floats", "np-float", "dates", "str", "int", "None", "dict", "nested", "pl-bool"],
)
def test_segment_key_types(by: Any) -> None:
    with pytest.raises((TypeError, cx.CxMetricsError)) as info:
        cx.segment([10, 9], by)
    if isinstance(info.value, cx.CxMetricsError):  # a list of 2 one-element columns has the wrong length
        assert info.value.code == "length_mismatch"


def test_segment_other_wrong_types() -> None:
    with pytest.raises(TypeError, match="higher_is_better"):
        cx.segment([5], ["a"], metric="ces", scale=(1, 5))
    with pytest.raises(TypeError, match="bool"):
        cx.segment([5], ["a"], metric="ces", scale=(1, 5), higher_is_better=1)
    with pytest.raises(TypeError, match="scale"):
        cx.segment([5], ["a"], metric="mean")
    for kw in ({"metric": 1}, {"min_n": 2.5}, {"level": "0.9"}, {"scale": "1-5"}, {"on_invalid": True}):
        with pytest.raises(TypeError):
            cx.segment([10], ["a"], **kw)
    with pytest.raises(TypeError):
        cx.segment("10", ["a"])


# ---------------------------------------------------------------- trends


MONTHS = ["2026-01-10T12:00:00Z"] * 40 + ["2026-02-10T12:00:00Z"] * 40 + ["2026-03-10T12:00:00Z"] * 5


def test_monthly_trend_with_a_significant_change_and_a_low_n_month() -> None:
    scores = [10] * 10 + [0] * 30 + [10] * 35 + [0] * 5 + [10] * 5
    t = cx.trend(scores, MONTHS)
    jan, feb, mar = t.rows
    assert [r.label for r in t] == ["2026-01", "2026-02", "2026-03"]
    assert (jan.start, jan.score, jan.change, jan.p_value) == (dt.date(2026, 1, 1), -50.0, None, None)
    assert feb.change == 125.0 and feb.p_value is not None and feb.p_value < 1e-6
    assert feb.p_adjusted == feb.p_value and feb.significant  # one comparison: Holm changes nothing
    assert mar.low_n and mar.change is None and not mar.significant
    assert t.metric == "nps" and t.period == "month" and len(t) == 3
    assert repr(t).split("\n")[0] == "TrendTable(metric='nps', period='month', rows=3)"
    assert [ln.split()[0] for ln in repr(t).split("\n")[1:]] == ["period", "2026-01", "2026-02", "2026-03"]


def test_trend_periods_time_zones_and_rolling() -> None:
    # 23:30 UTC on 31 January is February in Berlin
    times = ["2026-01-31T23:30:00Z", "2026-02-01T10:00:00+01:00"]
    assert [r.label for r in cx.trend([10, 9], times, min_n=1)] == ["2026-01", "2026-02"]
    assert [r.label for r in cx.trend([10, 9], times, time_zone="Europe/Berlin", min_n=1)] == ["2026-02"]
    # ISO weeks across a year boundary
    weeks = cx.trend([10, 9, 0], ["2025-12-29T12:00:00Z", "2027-01-01T12:00:00Z", "2026-06-15T12:00:00Z"], period="week", min_n=1)
    assert [(r.label, r.start) for r in weeks] == [("2026-W01", dt.date(2025, 12, 29)), ("2026-W25", dt.date(2026, 6, 15)),
                                                   ("2026-W53", dt.date(2026, 12, 28))]
    q = cx.trend([10, 9], ["2026-02-01T00:00:00Z", "2026-05-01T00:00:00Z"], period="quarter", min_n=1)
    assert [r.label for r in q] == ["2026-Q1", "2026-Q2"]
    days = cx.trend([10, 0, 9, 9], ["2026-03-01T10:00:00Z", "2026-03-02T10:00:00Z", "2026-03-03T10:00:00Z", "2026-03-05T10:00:00Z"],
                    period="day", rolling_days=2, min_n=1)
    assert [r.label for r in days] == ["2026-03-01 (last 2 d)", "2026-03-02 (last 2 d)", "2026-03-03 (last 2 d)", "2026-03-05 (last 2 d)"]
    assert [r.n for r in days] == [1, 2, 2, 1]
    assert cx.trend([], []).rows == []


def test_trend_time_inputs() -> None:
    scores = [10, 0, 9]
    iso = ["2026-01-05T10:00:00Z", "2026-01-20T10:00:00Z", "2026-02-03T10:00:00Z"]
    base = cx.trend(scores, iso, min_n=1).to_dict()
    for times in (
        [dt.datetime.fromisoformat(s.replace("Z", "+00:00")) for s in iso],
        np.array([s[:-1] for s in iso], dtype="datetime64[s]"),
        pd.to_datetime(pd.Series(iso), utc=True),
        pl.Series([dt.datetime.fromisoformat(s[:-1]) for s in iso]).dt.replace_time_zone("UTC"),
    ):
        assert cx.trend(scores, times, min_n=1).to_dict() == base
    assert cx.trend(np.array(scores), iso, min_n=1, weights=[1.0, 1.0, 2.0]).to_dict()["rows"][1]["score"] == 100.0


def test_trend_frames_round_trip() -> None:
    t = cx.trend([10, 0, 9, 9], ["2026-01-05T10:00:00Z", "2026-01-20T10:00:00Z", "2026-02-03T10:00:00Z", "2026-03-03T10:00:00Z"], min_n=1)
    rows = [r.to_dict() for r in t]
    df = t.to_pandas()
    assert list(df.columns) == list(rows[0])
    for got, want in zip(df.to_dict("records"), rows):
        for k, v in want.items():
            assert got[k] == v or (v is None and math.isnan(got[k])), (k, got[k], v)
    pf = t.to_polars()
    assert pf.schema["start"] == pl.Date and pf.to_dicts() == rows


def test_trend_errors() -> None:
    with raises_code("length_mismatch"):
        cx.trend([10, 9], ["2026-01-05T10:00:00Z"])
    with raises_code("invalid_argument", index=1, match="missing"):
        cx.trend([10, 9], ["2026-01-05T10:00:00Z", None])
    with raises_code("invalid_argument", index=0, match="time zone"):
        cx.trend([10], [dt.datetime(2026, 1, 5)])
    with raises_code("invalid_argument", index=0, match="offset"):
        cx.trend([10], ["2026-01-05T10:00:00"])
    with raises_code("unknown_time_zone"):
        cx.trend([10], ["2026-01-05T10:00:00Z"], time_zone="Europe/Paris2")
    with raises_code("out_of_scale", index=1):
        cx.trend([10, 12], ["2026-01-05T10:00:00Z", "2026-03-05T10:00:00Z"])
    one = (["10"], ["2026-01-05T10:00:00Z"])
    for kw, match in (({"period": "year"}, "period"), ({"adjust": "bonferroni"}, "holm"), ({"alpha": 0.0}, "alpha"),
                      ({"alpha": math.nan}, "alpha"), ({"rolling_days": 7}, "daily"), ({"period": "day", "rolling_days": 0}, "daily"),
                      ({"rolling_days": -1}, "rolling_days"), ({"metric": "csat", "higher_is_better": True}, "does not apply")):
        with raises_code("invalid_argument", match=match):
            cx.trend([10], one[1], **kw)
    for kw in ({"period": 1}, {"time_zone": 0}, {"alpha": "0.05"}, {"rolling_days": 1.5}):
        with pytest.raises(TypeError):
            cx.trend([10], one[1], **kw)
    with pytest.raises(TypeError):
        cx.trend([10], "2026-01-05T10:00:00Z")
    with raises_code("unknown_label", index=0):
        cx.trend(["ten"], one[1])
