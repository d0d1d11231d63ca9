"""Engine pushdown (issue 14): cxmetrics.spark / .duckdb / .polars give the same tables as
cx.segment / cx.trend / cx.Tally on the collected columns — for several partitionings and
chunkings, weighted and unweighted, with missing and invalid values, string and integer
keys, and trends in several time zones (DST, midnight transitions, +05:30).

The expectation is the in-memory computation on the same rows (itself checked against the
oracle vectors elsewhere): unweighted tables must be equal, weighted ones equal within
1e-9 relative (the engines add weights in their own order).
"""

from __future__ import annotations

import datetime as dt
import math
import random
from typing import Any

import pytest

import cxmetrics as cx

duckdb = pytest.importorskip("duckdb")
pl = pytest.importorskip("polars")

UTC = dt.timezone.utc
ZONES = ["UTC", "Europe/Berlin", "America/Santiago", "America/Sao_Paulo", "Asia/Kolkata"]


def _rows(n: int, seed: int, *, invalid: bool, weighted: bool, int_keys: bool) -> dict[str, list]:
    rng = random.Random(seed)
    scores: list[Any] = []
    for _ in range(n):
        r = rng.random()
        if r < 0.05:
            scores.append(None)
        elif invalid and r < 0.08:
            scores.append(rng.choice([11.0, -1.0, 2.5]))
        else:
            scores.append(float(rng.randint(0, 10)))
    keys: list[Any] = [rng.randint(1, 4) if int_keys else rng.choice(["web", "app", "phone"]) for _ in range(n)]
    keys2: list[Any] = [rng.choice(["a", "b"]) for _ in range(n)]
    # times over 2017-2019 (DST changes in every zone that has them), some at local midnights
    base = dt.datetime(2017, 1, 1, tzinfo=UTC).timestamp()
    times = [
        dt.datetime.fromtimestamp(base + rng.random() * 3 * 365 * 86400 // 1 + rng.choice([0, 0.5]), UTC)
        for _ in range(n)
    ]
    out: dict[str, list] = {"k": keys, "k2": keys2, "score": scores, "t": times}
    if weighted:
        out["w"] = [rng.choice([0.5, 1.0, 2.25, 3.0, 0.0]) for _ in range(n)]
    return out


def _same(a: Any, b: Any, weighted: bool) -> None:
    da, db = a.to_dict(), b.to_dict()
    if not weighted:
        assert da == db
        return
    _close(da, db)


def _close(a: Any, b: Any) -> None:
    if isinstance(a, dict):
        assert a.keys() == b.keys()
        for k in a:
            _close(a[k], b[k])
    elif isinstance(a, (list, tuple)):
        assert len(a) == len(b)
        for x, y in zip(a, b):
            _close(x, y)
    elif isinstance(a, float) and isinstance(b, float):
        assert math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9), (a, b)
    else:
        assert a == b


# ───────────────────────────── engines ─────────────────────────────


def _duckdb_rel(data: dict[str, list], chunks: int) -> Any:
    import pyarrow as pa

    con = duckdb.connect()
    con.execute("SET TimeZone = 'Asia/Tokyo'")  # the session zone must not matter
    table = pa.table({k: v for k, v in data.items()})
    n = len(data["score"])
    size = max(1, n // chunks)
    parts = [table.slice(i, size) for i in range(0, n, size)]
    con.register("src", pa.Table.from_batches([b for p in parts for b in p.to_batches()]))
    # a table (not a view of Python memory) with TIMESTAMPTZ times
    con.execute("CREATE TABLE survey AS SELECT * FROM src")
    return con


def _polars_frame(data: dict[str, list], chunks: int) -> Any:
    df = pl.DataFrame(data, schema_overrides={"t": pl.Datetime("us", "UTC")})
    n = len(df)
    size = max(1, n // chunks)
    parts = [df.slice(i, size) for i in range(0, n, size)]
    return pl.concat(parts, rechunk=False)


@pytest.fixture(scope="session")
def spark() -> Any:
    pytest.importorskip("pyspark")
    import os
    import sys

    from pyspark.sql import SparkSession

    # Python workers (ticket_durations' mapInArrow) run PYSPARK_PYTHON, default `python3` on
    # PATH: this interpreter, where cxmetrics is installed, whether or not the venv is active
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

    s = (
        SparkSession.builder.master("local[2]")
        .appName("cxmetrics-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "3")
        .config("spark.sql.session.timeZone", "America/Los_Angeles")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()


def _spark_frame(spark: Any, data: dict[str, list], parts: int) -> Any:
    import pandas as pd

    pdf = pd.DataFrame(data)
    pdf["score"] = pdf["score"].astype("float64")
    return spark.createDataFrame(pdf).repartition(parts)


# ───────────────────────────── segment / tally ─────────────────────────────

CASES = [
    # (seed, invalid, weighted, int_keys, chunks)
    (1, False, False, False, 1),
    (2, True, False, True, 3),
    (3, False, True, False, 4),
    (4, True, True, True, 7),
]


def _expected(data: dict[str, list], invalid: bool, weighted: bool) -> tuple[Any, Any, Any, dict[str, Any]]:
    on_invalid = "skip" if invalid else "error"
    opts: dict[str, Any] = {"on_invalid": on_invalid, "min_n": 5}
    w = data.get("w")
    # named key columns, as collected: the table names its keys after them
    k, k2 = pl.Series("k", data["k"]), pl.Series("k2", data["k2"])
    one = cx.segment(data["score"], k, weights=w, **opts)
    two = cx.segment(data["score"], [k, k2], weights=w, metric="mean", scale=(0, 10), **opts)
    tally = cx.Tally((0, 10), data["score"], weights=w, on_invalid=on_invalid)
    return one, two, tally, opts


def _tally_same(a: Any, b: Any, weighted: bool) -> None:
    assert (a.counts, a.missing, a.invalid, a.n) == (b.counts, b.missing, b.invalid, b.n)
    if weighted:
        _close(a.point_weights, b.point_weights)
        _close(a.n_eff, b.n_eff)
    else:
        assert a == b


@pytest.mark.parametrize("seed,invalid,weighted,int_keys,chunks", CASES)
def test_duckdb_segment_and_tally_equal_in_memory(
    seed: int, invalid: bool, weighted: bool, int_keys: bool, chunks: int
) -> None:
    import cxmetrics.duckdb as cxd

    data = _rows(3000, seed, invalid=invalid, weighted=weighted, int_keys=int_keys)
    one, two, tally, opts = _expected(data, invalid, weighted)
    w = "w" if weighted else None
    con = _duckdb_rel(data, chunks)
    for src in (con.table("survey"), "survey", "SELECT * FROM survey"):
        _same(cxd.segment(src, "score", "k", weight=w, con=con, **opts), one, weighted)
    got = cxd.segment(con.table("survey"), "score", ["k", "k2"], weight=w, metric="mean", scale=(0, 10), **opts)
    assert got.key_names == ["k", "k2"]
    _same(got, two, weighted)
    _tally_same(
        cxd.tally(con.table("survey"), "score", scale=(0, 10), weight=w, on_invalid=opts["on_invalid"]), tally, weighted
    )


@pytest.mark.parametrize("seed,invalid,weighted,int_keys,chunks", CASES)
def test_polars_segment_and_tally_equal_in_memory(
    seed: int, invalid: bool, weighted: bool, int_keys: bool, chunks: int
) -> None:
    import cxmetrics.polars as cxp

    data = _rows(3000, seed, invalid=invalid, weighted=weighted, int_keys=int_keys)
    one, two, tally, opts = _expected(data, invalid, weighted)
    w = "w" if weighted else None
    df = _polars_frame(data, chunks)
    for src in (df, df.lazy()):
        _same(cxp.segment(src, "score", "k", weight=w, **opts), one, weighted)
        _same(cxp.segment(src, "score", ["k", "k2"], weight=w, metric="mean", scale=(0, 10), **opts), two, weighted)
        _tally_same(cxp.tally(src, "score", scale=(0, 10), weight=w, on_invalid=opts["on_invalid"]), tally, weighted)


def test_spark_segment_and_tally_equal_in_memory(spark: Any) -> None:
    import cxmetrics.spark as cxs

    for seed, invalid, weighted, int_keys, parts in CASES:
        data = _rows(2000, seed, invalid=invalid, weighted=weighted, int_keys=int_keys)
        one, two, tally, opts = _expected(data, invalid, weighted)
        w = "w" if weighted else None
        sdf = _spark_frame(spark, data, parts)
        _same(cxs.segment(sdf, "score", "k", weight=w, **opts), one, weighted)
        _same(cxs.segment(sdf, "score", ["k", "k2"], weight=w, metric="mean", scale=(0, 10), **opts), two, weighted)
        _tally_same(cxs.tally(sdf, "score", scale=(0, 10), weight=w, on_invalid=opts["on_invalid"]), tally, weighted)


# ───────────────────────────── trend ─────────────────────────────

TREND_CASES = [
    # (zone, period, weighted)
    ("UTC", "month", False),
    ("Europe/Berlin", "day", True),
    ("America/Santiago", "week", False),
    ("America/Sao_Paulo", "day", False),
    ("Asia/Kolkata", "quarter", True),
]


def _trend_expected(data: dict[str, list], zone: str, period: str, weighted: bool) -> Any:
    return cx.trend(
        data["score"], data["t"], period=period, time_zone=zone, weights=data.get("w") if weighted else None, min_n=5
    )


@pytest.mark.parametrize("zone,period,weighted", TREND_CASES)
def test_duckdb_and_polars_trend_equal_in_memory(zone: str, period: str, weighted: bool) -> None:
    import cxmetrics.duckdb as cxd
    import cxmetrics.polars as cxp

    data = _rows(4000, 7, invalid=False, weighted=weighted, int_keys=False)
    want = _trend_expected(data, zone, period, weighted)
    w = "w" if weighted else None
    con = _duckdb_rel(data, 3)
    _same(
        cxd.trend(con.table("survey"), "score", "t", period=period, time_zone=zone, weight=w, min_n=5), want, weighted
    )
    df = _polars_frame(data, 3)
    for src in (df, df.lazy()):
        _same(cxp.trend(src, "score", "t", period=period, time_zone=zone, weight=w, min_n=5), want, weighted)
    # another time unit and column zone: the same instants
    df_ns = df.with_columns(pl.col("t").dt.cast_time_unit("ns").dt.convert_time_zone("Asia/Tokyo"))
    _same(cxp.trend(df_ns, "score", "t", period=period, time_zone=zone, weight=w, min_n=5), want, weighted)


def test_spark_trend_equal_in_memory(spark: Any) -> None:
    import cxmetrics.spark as cxs

    data = _rows(3000, 8, invalid=False, weighted=True, int_keys=False)
    sdf = _spark_frame(spark, data, 4)
    for zone, period, weighted in TREND_CASES:
        want = _trend_expected(data, zone, period, weighted)
        _same(
            cxs.trend(sdf, "score", "t", period=period, time_zone=zone, weight="w" if weighted else None, min_n=5),
            want,
            weighted,
        )


def test_trend_boundaries_to_the_second() -> None:
    """Times a second and half a second either side of local midnights, DST changes and a
    clock change at midnight, before 1970 too: each lands in cx.trend's period."""
    import cxmetrics.duckdb as cxd
    import cxmetrics.polars as cxp

    marks = [
        "2018-11-04T03:00:00Z",  # Sao Paulo: DST began at local midnight
        "2019-04-07T03:00:00Z",  # Santiago: 24:00 -> 23:00
        "2019-03-31T01:00:00Z",  # Berlin DST
        "2019-03-31T22:00:00Z",  # Berlin midnight (UTC+2)
        "1965-06-30T23:00:00Z",  # before the epoch
    ]
    times = []
    for m in marks:
        base = dt.datetime.fromisoformat(m.replace("Z", "+00:00"))
        for d in (-1.0, -0.5, -0.000001, 0.0, 0.5, 1.0, 3600.0, -3600.0):
            times.append(base + dt.timedelta(seconds=d))
    scores = [float(i % 11) for i in range(len(times))]
    data = {"score": scores, "t": times}
    con = duckdb.connect()
    import pyarrow as pa

    con.register("src", pa.table(data))
    rel = con.sql("SELECT * FROM src")
    df = pl.DataFrame(data, schema_overrides={"t": pl.Datetime("us", "UTC")})
    for zone in ZONES:
        for period in ("day", "week", "month"):
            want = cx.trend(scores, times, period=period, time_zone=zone, min_n=1)
            assert cxd.trend(rel, "score", "t", period=period, time_zone=zone, min_n=1).to_dict() == want.to_dict()
            assert cxp.trend(df, "score", "t", period=period, time_zone=zone, min_n=1).to_dict() == want.to_dict()


# ───────────────────────────── errors ─────────────────────────────


def test_invalid_values_name_the_value_and_its_rows() -> None:
    import cxmetrics.duckdb as cxd
    import cxmetrics.polars as cxp

    df = pl.DataFrame({"k": ["a", "a", "b", "b", "b"], "score": [10.0, 11.0, 11.0, 2.5, 3.0]})
    con = duckdb.connect()
    rel = con.sql("SELECT * FROM (VALUES ('a', 10.0), ('a', 11.0), ('b', 11.0), ('b', 2.5)) t(k, score)")
    for run in (lambda: cxp.segment(df, "score", "k"), lambda: cxd.segment(rel, "score", "k")):
        with pytest.raises(cx.CxMetricsError) as e:
            run()
        assert e.value.code == "out_of_scale" and e.value.index is None
        assert "11" in str(e.value) and "2 rows have this value" in str(e.value)
    with pytest.raises(cx.CxMetricsError) as e:
        cxp.segment(df.filter(pl.col("score") != 11.0), "score", "k")
    assert e.value.code == "not_integer" and "1 rows" in str(e.value)
    # weights: a negative one is the core's invalid_weight
    dw = pl.DataFrame({"k": ["a", "a"], "score": [10, 9], "w": [1.0, -2.0]})
    with pytest.raises(cx.CxMetricsError) as e:
        cxp.segment(dw, "score", "k", weight="w")
    assert e.value.code == "invalid_weight"
    # the report options are checked before the engine runs, by the core
    with pytest.raises(cx.CxMetricsError) as e:
        cxp.segment(df, "score", "k", metric="nope")
    assert e.value.code == "invalid_argument"
    with pytest.raises(TypeError):
        cxp.segment(df, "score", "k", metric="mean")  # needs scale=
    with pytest.raises(cx.CxMetricsError) as e:
        cxp.segment(df.filter(pl.col("score") > 100), "score", "k")
    assert e.value.code == "empty"
    # naive times name no instant
    naive = pl.DataFrame({"score": [1], "t": [dt.datetime(2020, 1, 1)]})
    with pytest.raises(TypeError):
        cxp.trend(naive, "score", "t")
    with pytest.raises(TypeError):
        cxd.trend(con.sql("SELECT 1 AS score, TIMESTAMP '2020-01-01' AS t"), "score", "t")
    with pytest.raises(TypeError):
        cxp.segment({"score": [1]}, "score", "k")


def test_spark_errors(spark: Any) -> None:
    import cxmetrics.spark as cxs

    sdf = spark.createDataFrame([("a", 10.0), ("a", 11.0), ("b", 11.0)], ["k", "score"])
    with pytest.raises(cx.CxMetricsError) as e:
        cxs.segment(sdf, "score", "k")
    assert e.value.code == "out_of_scale" and "2 rows have this value" in str(e.value)
    ntz = spark.sql("SELECT 1.0 AS score, TIMESTAMP_NTZ '2020-01-01 00:00:00' AS t")
    with pytest.raises(TypeError):
        cxs.trend(ntz, "score", "t")


def test_module_examples_run() -> None:
    import doctest

    import cxmetrics.duckdb as cxd
    import cxmetrics.polars as cxp

    for mod in (cxd, cxp):
        result = doctest.testmod(mod, verbose=False)
        assert result.attempted > 0 and result.failed == 0, mod.__name__


# ───────────────────────────── ticket durations (per-ticket work) ─────────────────────────────

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")
SCHEDULES = {
    "calendar": None,
    # DST changes in March and November, a holiday
    "new_york": cx.Schedule("America/New_York", [(d, "09:00", "17:00") for d in WEEKDAYS], ["2026-11-26"]),
    # an overnight shift in a +05:30 zone
    "kolkata": cx.Schedule("Asia/Kolkata", [(d, "22:00", "06:00") for d in WEEKDAYS] + [("sat", "10:00", "14:00")]),
}
METRICS = ["first_response", "first_resolution", "full_resolution", "requester_wait"]


def _tickets(n: int, seed: int) -> dict[str, list]:
    """Valid tickets over two DST changes: some unanswered, unsolved, reopened (and open
    again), paused (overlapping pauses too), times to the microsecond."""
    rng = random.Random(seed)
    base = dt.datetime(2026, 3, 1, tzinfo=UTC)
    out: dict[str, list] = {k: [] for k in ("id", "created", "response", "solved", "final", "reopened", "paused")}
    h = dt.timedelta(hours=1)
    for i in range(n):
        c = base + dt.timedelta(seconds=rng.randrange(0, 270 * 86400), microseconds=rng.choice([0, 250_000]))
        r = c + rng.random() * 30 * h if rng.random() < 0.85 else None
        s = c + rng.random() * 90 * h if rng.random() < 0.7 else None
        o = s + rng.random() * 50 * h if s is not None and rng.random() < 0.25 else None
        f = (o + rng.random() * 20 * h if rng.random() < 0.6 else None) if o is not None else s
        paused = []
        for _ in range(rng.choice([0, 0, 1, 2])):
            a = c + rng.random() * 40 * h
            paused.append((a, a + rng.random() * 10 * h))
        for k, v in zip(out, (f"T{i}", c, r, s, f, o, paused)):
            out[k].append(v)
    return out


def _memory_tickets(d: dict[str, list]) -> Any:
    paused = [(i, a, b) for i, ps in enumerate(d["paused"]) for a, b in ps]
    return cx.Tickets(
        d["created"],
        first_response=d["response"],
        first_solved=d["solved"],
        final_solved=d["final"],
        first_reopened=d["reopened"],
        paused=paused,
    )


def _memory_summary(t: Any, metric: str, schedule: Any, as_of: Any = None) -> Any:
    if metric == "first_response":
        return cx.first_response_time(t, schedule=schedule, as_of=as_of)
    if metric == "requester_wait":
        return cx.requester_wait_time(t, schedule=schedule, as_of=as_of)
    kind = "first" if metric == "first_resolution" else "full"
    return cx.resolution_time(t, kind=kind, schedule=schedule, as_of=as_of)


def _spark_tickets(spark: Any, d: dict[str, list], parts: int) -> Any:
    from pyspark.sql import types as T

    ts = T.TimestampType()
    pause = T.StructType([T.StructField("a", ts), T.StructField("b", ts)])  # any field names
    schema = T.StructType(
        [T.StructField("id", T.StringType())]
        + [T.StructField(k, ts) for k in ("created", "response", "solved", "final", "reopened")]
        + [T.StructField("paused", T.ArrayType(pause))]
    )
    rows = list(zip(*(d[k] for k in ("id", "created", "response", "solved", "final", "reopened", "paused"))))
    return spark.createDataFrame(rows, schema).repartition(parts)


SPARK_COLUMNS = {
    "first_response": "response",
    "first_solved": "solved",
    "final_solved": "final",
    "first_reopened": "reopened",
    "paused": "paused",
}


def test_ticket_spans_rebuild_the_summary_by_hand() -> None:
    # created 09:00; answered 09:30; unanswered until as_of 10:00 (open, 3600 s elapsed)
    t = cx.Tickets(["2026-11-02T09:00:00Z"] * 3, first_response=["2026-11-02T09:30:00Z", None, "2026-11-02T09:10:00Z"])
    secs, done = cx.ticket_spans(t, "first_response", as_of="2026-11-02T10:00:00Z")
    assert secs.tolist() == [1800.0, 3600.0, 600.0] and done.tolist() == [True, False, True]
    s = cx.DurationSummary.from_durations(secs[done], secs[~done])
    assert (s.n, s.open, s.median, s.mean, s.clock) == (2, 1, 1200.0, 1200.0, "calendar")
    assert s == cx.first_response_time(t, as_of="2026-11-02T10:00:00Z")
    # the order of the inputs does not matter; the clock is a label
    assert cx.DurationSummary.from_durations([600.0, 1800.0], [3600.0]) == s
    assert cx.DurationSummary.from_durations([1.0], clock="business").clock == "business"
    # the summary's documented example: KM with a censoring at 30 s (at risk 5 from 60 s on)
    k = cx.DurationSummary.from_durations([60.0, 120.0, 180.0, 240.0], [30.0, 500.0])
    assert (k.median, k.km_median, k.open) == (150.0, 180.0, 2)


def test_ticket_spans_and_from_durations_refuse_bad_input() -> None:
    t = cx.Tickets(["2026-11-02T09:00:00Z", "2026-11-02T11:00:00Z"], first_response=[None, "2026-11-02T12:00:00Z"])
    with pytest.raises(cx.CxMetricsError) as e:
        cx.ticket_spans(t, "first_response", as_of="2026-11-02T11:30:00Z")
    assert (e.value.code, e.value.index) == ("out_of_order", 1)
    with pytest.raises(cx.CxMetricsError) as e:
        cx.ticket_spans(t, "first_reply")
    assert e.value.code == "invalid_argument"
    with pytest.raises(cx.CxMetricsError) as e:
        cx.DurationSummary.from_durations([1.0, -2.0])
    assert (e.value.code, e.value.index) == ("invalid_argument", 1)
    with pytest.raises(cx.CxMetricsError) as e:
        cx.DurationSummary.from_durations([1.0], [float("nan")])
    assert (e.value.code, e.value.index) == ("invalid_argument", 0)
    with pytest.raises(cx.CxMetricsError) as e:
        cx.DurationSummary.from_durations([], [5.0])
    assert e.value.code == "empty"
    with pytest.raises(cx.CxMetricsError) as e:
        cx.DurationSummary.from_durations([1.0], clock="wall")
    assert e.value.code == "invalid_argument"
    with pytest.raises(TypeError):
        cx.DurationSummary.from_durations(["1"])


def test_schedule_pickles() -> None:
    import pickle

    for s in SCHEDULES.values():
        if s is None:
            continue
        back = pickle.loads(pickle.dumps(s))
        assert repr(back) == repr(s) and back.time_zone == s.time_zone
        a, b = "2026-03-06T16:00:00-05:00", "2026-11-30T10:00:00-05:00"
        assert back.business_seconds(a, b) == s.business_seconds(a, b)


def test_spark_ticket_durations_equal_in_memory(spark: Any) -> None:
    import cxmetrics.spark as cxs

    d = _tickets(240, 7)
    t = _memory_tickets(d)
    frames = {p: _spark_tickets(spark, d, p).cache() for p in (1, 3, 7)}
    # every metric, every clock, every partitioning (the suite's time: a job pair per call;
    # the memory side of all 12 metric × clock pairs is what the DuckDB / Polars test uses)
    combos = [
        ("first_response", "calendar", 1),
        ("first_response", "new_york", 7),
        ("first_resolution", "kolkata", 3),
        ("full_resolution", "new_york", 1),
        ("requester_wait", "kolkata", 7),
        ("requester_wait", "calendar", 3),
    ]
    for metric, clock, parts in combos:
        sdf = frames[parts]
        got = cxs.ticket_durations(sdf, metric, **SPARK_COLUMNS, schedule=SCHEDULES[clock])
        want = _memory_summary(t, metric, SCHEDULES[clock])
        assert want.open > 0, (metric, clock)  # open tickets are part of every case
        assert got == want and got.to_dict() == want.to_dict(), (metric, clock)
    # an explicit as_of, in another session time zone (instants do not depend on it)
    as_of = dt.datetime(2027, 1, 15, tzinfo=UTC)
    old = spark.conf.get("spark.sql.session.timeZone")
    spark.conf.set("spark.sql.session.timeZone", "Asia/Kolkata")
    try:
        got = cxs.ticket_durations(
            frames[3], "requester_wait", **SPARK_COLUMNS, schedule=SCHEDULES["new_york"], as_of=as_of
        )
    finally:
        spark.conf.set("spark.sql.session.timeZone", old)
    assert got == _memory_summary(t, "requester_wait", SCHEDULES["new_york"], as_of)


def test_spark_ticket_durations_errors(spark: Any) -> None:
    import cxmetrics.spark as cxs

    d = _tickets(40, 3)
    d["response"][17] = d["created"][17] - dt.timedelta(minutes=5)  # answered before created
    sdf = _spark_tickets(spark, d, 3)
    with pytest.raises(cx.CxMetricsError) as e:
        cxs.ticket_durations(sdf, "first_response", **SPARK_COLUMNS, ticket_id="id")
    with pytest.raises(cx.CxMetricsError) as mem:
        _memory_tickets(d)
    assert e.value.code == mem.value.code == "out_of_order" and e.value.index is None
    assert "the first response is before the ticket was created" in str(e.value)
    assert d["created"][17].isoformat() in str(e.value) and "'T17'" in str(e.value)
    # an event after the given as_of
    good = _spark_tickets(spark, _tickets(40, 4), 2)
    with pytest.raises(cx.CxMetricsError) as e:
        cxs.ticket_durations(good, "first_response", **SPARK_COLUMNS, as_of=dt.datetime(2026, 3, 2, tzinfo=UTC))
    assert e.value.code == "out_of_order" and "after the as-of instant" in str(e.value)
    # options are checked by the core before Spark runs
    with pytest.raises(cx.CxMetricsError) as e:
        cxs.ticket_durations(good, "first_reply", **SPARK_COLUMNS)
    assert e.value.code == "invalid_argument"
    with pytest.raises(TypeError):
        cxs.ticket_durations(good, "first_response", schedule="Mon-Fri")
    # nothing done yet: the core's `empty`, as in memory
    with pytest.raises(cx.CxMetricsError) as e:
        cxs.ticket_durations(good.limit(0), "first_response", **SPARK_COLUMNS)
    assert e.value.code == "empty"
    ntz = spark.sql("SELECT TIMESTAMP_NTZ '2020-01-01 00:00:00' AS created")
    with pytest.raises(TypeError):
        cxs.ticket_durations(ntz, "first_response")


def _arrow_tickets(d: dict[str, list]) -> Any:
    import pyarrow as pa

    ts = pa.timestamp("us", tz="UTC")
    pause = pa.struct([("a", ts), ("b", ts)])
    cols = {k: pa.array(d[k], ts) for k in ("created", "response", "solved", "final", "reopened")}
    cols["paused"] = pa.array([[{"a": a, "b": b} for a, b in ps] for ps in d["paused"]], pa.list_(pause))
    cols["id"] = pa.array(d["id"])
    return pa.table(cols)


def test_duckdb_and_polars_ticket_durations_equal_in_memory() -> None:
    import cxmetrics.duckdb as cxd
    import cxmetrics.polars as cxp

    d = _tickets(150, 11)
    t = _memory_tickets(d)
    table = _arrow_tickets(d)
    con = duckdb.connect()
    con.execute("SET TimeZone = 'Asia/Tokyo'")  # the session zone must not matter
    con.register("src", table)
    con.execute("CREATE TABLE tickets AS SELECT * FROM src")
    frame = pl.from_arrow(table)
    for metric, clock in [(m, c) for m in METRICS for c in SCHEDULES]:
        want = _memory_summary(t, metric, SCHEDULES[clock])
        got_d = cxd.ticket_durations("tickets", metric, **SPARK_COLUMNS, schedule=SCHEDULES[clock], con=con)
        got_p = cxp.ticket_durations(frame.lazy(), metric, **SPARK_COLUMNS, schedule=SCHEDULES[clock])
        assert got_d == want and got_p == want, (metric, clock)
    with pytest.raises(TypeError):  # naive times name no instant
        cxd.ticket_durations(con.sql("SELECT TIMESTAMP '2020-01-01' AS created"), "first_response")
    with pytest.raises(TypeError):
        cxp.ticket_durations(pl.DataFrame({"created": [dt.datetime(2020, 1, 1)]}), "first_response")
    bad = dict(d, response=list(d["response"]))
    bad["response"][5] = bad["created"][5] - dt.timedelta(seconds=1)
    with pytest.raises(cx.CxMetricsError) as e:
        cxp.ticket_durations(pl.from_arrow(_arrow_tickets(bad)), "first_response", **SPARK_COLUMNS)
    assert (e.value.code, e.value.index) == ("out_of_order", 5)
