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

``ticket_durations`` is per-ticket work SQL cannot express (business hours on a
:class:`Schedule`): it runs cxmetrics *on the executors* with ``DataFrame.mapInArrow``, so
on a cluster the package must be installed on the executors too (in local mode it is).
"""

from __future__ import annotations

import datetime
from typing import Any
from collections.abc import Sequence

from . import _cxmetrics as _cx
from . import _engines as _e

__all__ = ["segment", "tally", "ticket_durations", "trend"]


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


_SPANS_SCHEMA = "seconds double, done boolean, error string"


def _spans(metric: str, schedule: Any, as_of: Any, ticket_id: str | None) -> Any:
    """The ``mapInArrow`` function: per batch of tickets, their spans (seconds, done), or
    one row describing the core's error."""

    def run(batches: Any) -> Any:
        import json

        import pyarrow as pa

        for batch in batches:
            if batch.num_rows == 0:
                continue
            try:
                secs, done = _cx.ticket_spans(_e.tickets_from_arrow(batch), metric, schedule=schedule, as_of=as_of)
            except _cx.CxMetricsError as e:
                yield pa.RecordBatch.from_pydict(
                    {"seconds": [float("nan")], "done": [None], "error": [json.dumps(_describe(e, batch, ticket_id))]},
                    schema=pa.schema([("seconds", pa.float64()), ("done", pa.bool_()), ("error", pa.string())]),
                )
                continue
            yield pa.RecordBatch.from_arrays(
                [pa.array(secs), pa.array(done), pa.nulls(len(secs), pa.string())],
                names=["seconds", "done", "error"],
            )

    return run


def _describe(e: Any, batch: Any, ticket_id: str | None) -> dict[str, Any]:
    """The core's error about one ticket of a batch, named by its creation (and id): a
    batch's row index means nothing on a cluster."""
    message, index = str(e), e.index
    which = ""
    if index is not None and 0 <= index < batch.num_rows:
        prefix = f"ticket at index {index}: "
        if message.startswith(prefix):
            message = message[len(prefix) :]
        created = batch.column("created")[index].as_py()
        when = None if created is None else created.astimezone(datetime.timezone.utc).isoformat()
        which = f"the ticket created at {when}"
        if ticket_id is not None:
            which += f" (id {batch.column('_cx_id')[index].as_py()!r})"
    return {"code": e.code, "message": message, "which": which}


def ticket_durations(
    data: Any,
    metric: str,
    *,
    created: str = "created",
    first_response: str | None = None,
    first_solved: str | None = None,
    final_solved: str | None = None,
    first_reopened: str | None = None,
    paused: str | None = None,
    schedule: _cx.Schedule | None = None,
    as_of: Any = None,
    ticket_id: str | None = None,
) -> _cx.DurationSummary:
    """The :class:`DurationSummary` of one duration ``metric`` of the tickets in a Spark
    DataFrame (one row per ticket), computed on the executors: the same summary as
    :func:`cxmetrics.first_response_time` (``metric="first_response"``),
    :func:`cxmetrics.resolution_time` (``"first_resolution"`` / ``"full_resolution"``) or
    :func:`cxmetrics.requester_wait_time` (``"requester_wait"``) on the collected columns.

    Each Arrow batch becomes :class:`Tickets` on an executor (``mapInArrow``), which sends
    back each ticket's span — the duration, or the elapsed time of an open ticket
    (:func:`cxmetrics.ticket_spans`) — and the driver rebuilds the summary
    (:meth:`DurationSummary.from_durations`). ``as_of`` defaults, as in memory, to the
    latest instant in all the tickets, found first by Spark SQL. The package must be
    installed on the executors (unlike :func:`tally` / :func:`segment` / :func:`trend`).

    Args:
        data: a ``pyspark.sql.DataFrame``, one row per ticket.
        metric: ``"first_response"``, ``"first_resolution"``, ``"full_resolution"`` or
            ``"requester_wait"`` (as :func:`cxmetrics.ticket_durations`).
        created, first_response, first_solved, final_solved, first_reopened: names of
            ``TimestampType`` columns (instants) holding :class:`Tickets`' columns of the
            same names (``None``: not given); ``created`` is required.
        paused: name of an ``array<struct<start, end>>`` column of paused intervals
            (two timestamps each; the field names do not matter).
        schedule: a :class:`Schedule` for business time (``None``: calendar time).
        as_of: the observation time for open tickets (an instant, as in memory).
        ticket_id: a column that names a ticket in error messages.

    Raises:
        CxMetricsError: as in memory — ``out_of_order`` for events out of order or after
            ``as_of``, ``invalid_argument`` for a missing ``created`` or an unknown
            metric, ``empty`` when no ticket is done — naming the ticket by its creation
            time (and ``ticket_id``), with ``index`` None (a cluster keeps no row order).
        TypeError: for data that is not a Spark DataFrame, or columns that are not
            ``TimestampType`` (``TimestampNTZType`` names no instant).
    """
    import json

    from pyspark.sql import functions as F
    from pyspark.sql.types import TimestampType

    df = _frame(data)
    _e.check_duration_options(metric, schedule, as_of)
    cols = _e.ticket_columns(
        {
            "created": created,
            "first_response": first_response,
            "first_solved": first_solved,
            "final_solved": final_solved,
            "first_reopened": first_reopened,
            "paused": paused,
        }
    )
    for arg, col in cols.items():
        if arg == "paused":
            continue
        dtype = df.schema[col].dataType
        if not isinstance(dtype, TimestampType):
            raise TypeError(f"{arg} must be a TimestampType column (an instant), not {dtype.simpleString()}")
    picked = [
        F.col(c).cast("array<struct<start:timestamp,end:timestamp>>").alias(a) if a == "paused" else F.col(c).alias(a)
        for a, c in cols.items()
    ]
    if ticket_id is not None:
        picked.append(F.col(_e.check_name(ticket_id, "ticket_id")).alias("_cx_id"))
    df = df.select(*picked)
    if as_of is None:
        # the latest instant anywhere in the tickets, as Tickets.latest (created, events,
        # ends of pauses): one SQL pass before the per-ticket one
        latest = [F.max(a) for a in cols if a != "paused"]
        if "paused" in cols:
            latest.append(F.max(F.expr("array_max(transform(paused, p -> p.end))")))
        top = df.select(F.unix_micros(F.greatest(*latest)) if len(latest) > 1 else F.unix_micros(latest[0])).first()[0]
        if top is not None:
            import numpy as np

            as_of = np.datetime64(int(top), "us")
    table = df.mapInArrow(_spans(metric, schedule, as_of, ticket_id), _SPANS_SCHEMA).toArrow()
    errors = [json.loads(x) for x in table.column("error").drop_null().to_pylist()]
    if errors:
        first = min(errors, key=lambda d: (d["which"], d["message"]))
        where = f"; {first['which']}" if first["which"] else ""
        err = _cx.CxMetricsError(f"{first['message']}{where} (a cluster keeps no row order, so no row index)")
        err.code = first["code"]
        err.index = None
        raise err
    secs = table.column("seconds").to_numpy()
    done = table.column("done").to_numpy(zero_copy_only=False).astype(bool)
    clock = "calendar" if schedule is None else "business"
    return _cx.DurationSummary.from_durations(secs[done], secs[~done], clock=clock)
