"""Survey metrics on Spark data, counted by Spark (issue 14).

``tally``, ``segment`` and ``trend`` take a ``pyspark.sql.DataFrame`` and column names.
Spark SQL groups the rows by key and raw score (``count``, Σw, Σw², and the weights'
extremes), so at most keys × distinct values rows reach the driver; cxmetrics, needed on
the driver only, builds the tallies and the same :class:`SegmentTable` /
:class:`TrendTable` that :func:`cxmetrics.segment` / :func:`cxmetrics.trend` return on the
collected columns. Trend periods come from :func:`cxmetrics.period_pieces`, found with
Spark ML's ``Bucketizer`` on whole seconds, so they are exactly those of
:func:`cxmetrics.trend` in any time zone, whatever the session time zone. Needs ``pip
install cxmetrics[spark]`` (pyspark; Java 17).
"""

from __future__ import annotations

from typing import Any
from collections.abc import Sequence

from . import _cxmetrics as _cx
from . import _engines as _e

__all__ = ["segment", "tally", "trend"]


def _frame(data: Any) -> Any:
    from pyspark.sql import DataFrame

    if not isinstance(data, DataFrame):
        raise TypeError(f"data must be a pyspark DataFrame, not {type(data).__name__}")
    return data


def _aggs(weight: str | None) -> list[Any]:
    from pyspark.sql import functions as F

    out = [F.count(F.lit(1)).alias("_cx_n")]
    if weight is not None:
        w = F.col(weight).cast("double")
        out += [
            F.sum(w).alias("_cx_sw"),
            F.sum(w * w).alias("_cx_sq"),
            F.min(w).alias("_cx_wmin"),
            F.max(w).alias("_cx_wmax"),  # NaN is Spark's largest double
            F.sum(F.when(w.isNull(), 1).otherwise(0)).alias("_cx_wnull"),
        ]
    return out


def _count(df: Any, group: list[Any], nkeys: int, score: str, weight: str | None, counter: _e.Counter) -> None:
    for row in df.groupBy(*group, score).agg(*_aggs(weight)).collect():
        row = tuple(row)
        counter.add(tuple(row[:nkeys]), row[nkeys], *row[nkeys + 1 :])


def tally(data: Any, score: str, *, scale: Any, weight: str | None = None, on_invalid: str = "error") -> _cx.Tally:
    """The :class:`Tally` of column ``score`` (and ``weight``), counted by Spark.

    Raises:
        CxMetricsError: as :class:`Tally`; an invalid value in error mode names the value
            and how many rows have it (a cluster has no stable row index). Under
            ``on_invalid="skip"`` an invalid *weight* raises too.
        TypeError: for data that is not a Spark DataFrame.
    """
    counter = _e.Counter(_cx.Tally(scale).scale, on_invalid, weight is not None)
    _count(_frame(data), [], 0, _e.check_name(score, "score"), weight, counter)
    return _e.one_tally(counter)


def segment(
    data: Any,
    score: str,
    by: str | Sequence[str],
    *,
    metric: str | None = None,
    scale: Any = None,
    weight: str | None = None,
    on_invalid: str | None = None,
    min_n: int | None = None,
    level: float | None = None,
    method: str | None = None,
    buckets: Any = None,
    csat_method: str | None = None,
    threshold: int | None = None,
    bottom_threshold: int | None = None,
    higher_is_better: bool | None = None,
    ces_method: str | None = None,
) -> _cx.SegmentTable:
    """:func:`cxmetrics.segment` of column ``score`` by the ``by`` columns, counted by
    Spark: the same :class:`SegmentTable` as on the collected columns. Options as
    :func:`cxmetrics.segment`; ``weight`` is a column name.
    """
    options = _e.given(locals(), _e.SEGMENT_OPTIONS)
    if scale is not None:
        options["scale"] = scale
    keys = _e.by_list(by)
    counter = _e.Counter(_e.check_options(_cx.SegmentTable, options), on_invalid, weight is not None)
    _count(_frame(data), keys, len(keys), _e.check_name(score, "score"), weight, counter)
    return _e.segment_table(counter, keys, options)


def trend(
    data: Any,
    score: str,
    time: str,
    *,
    period: str | None = None,
    time_zone: str | None = None,
    metric: str | None = None,
    scale: Any = None,
    weight: str | None = None,
    on_invalid: str | None = None,
    min_n: int | None = None,
    level: float | None = None,
    method: str | None = None,
    adjust: str | None = None,
    alpha: float | None = None,
    rolling_days: int | None = None,
    buckets: Any = None,
    csat_method: str | None = None,
    threshold: int | None = None,
    bottom_threshold: int | None = None,
    higher_is_better: bool | None = None,
    ces_method: str | None = None,
) -> _cx.TrendTable:
    """:func:`cxmetrics.trend` of column ``score`` over the ``TimestampType`` column
    ``time``, counted by Spark: the same :class:`TrendTable` as on the collected columns.

    Raises:
        CxMetricsError: as :func:`cxmetrics.trend`; ``invalid_argument`` for null times.
        TypeError: for a ``time`` column that is not a ``TimestampType`` (an instant;
            ``TimestampNTZType`` names no instant, as naive times in :func:`cxmetrics.trend`).
    """
    from pyspark.sql import functions as F
    from pyspark.sql.types import TimestampType

    options = _e.given(locals(), _e.TREND_OPTIONS)
    if scale is not None:
        options["scale"] = scale
    counter = _e.Counter(_e.check_options(_cx.TrendTable, options), on_invalid, weight is not None)
    df = _frame(data)
    score, time = _e.check_name(score, "score"), _e.check_name(time, "time")
    dtype = df.schema[time].dataType
    if not isinstance(dtype, TimestampType):
        raise TypeError(f"time must be a TimestampType column (an instant), not {dtype.simpleString()}")
    # whole seconds, rounded down, in integer arithmetic (`div` of a multiple of 10^6)
    secs = F.expr(f"(unix_micros(`{time}`) - pmod(unix_micros(`{time}`), 1000000)) div 1000000")
    first, last, nulls = df.select(
        F.min(secs), F.max(secs), F.sum(F.when(F.col(time).isNull(), 1).otherwise(0))
    ).first()
    if nulls:
        _cx.trend([0], [None])  # the core's error for a missing time
    if first is None:
        return _cx.TrendTable.from_tallies({}, **options)
    pcs = _e.pieces(first, last, period, time_zone)
    df = df.withColumn("_cx_s", secs.cast("double"))  # whole seconds: exact in a double
    if len(pcs) == 1:
        df = df.withColumn("_cx_piece", F.lit(0.0))
    else:
        from pyspark.ml.feature import Bucketizer

        splits = [float("-inf")] + [float(p[0]) for p in pcs[1:]] + [float("inf")]
        df = Bucketizer(splits=splits, inputCol="_cx_s", outputCol="_cx_piece").transform(df)
    _count(df, [F.col("_cx_piece").cast("long").alias("_cx_piece")], 1, score, weight, counter)
    return _e.trend_table(counter, [p[1] for p in pcs], options)
