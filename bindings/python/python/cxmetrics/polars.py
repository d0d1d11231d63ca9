"""Survey metrics on Polars data, counted by Polars (issue 14).

``tally``, ``segment`` and ``trend`` take a ``polars.DataFrame`` or ``LazyFrame`` and
column names. Polars groups the rows by key and raw score (``len``, Σw, Σw²) in its
(lazy, streaming-capable) engine, so at most keys × distinct values rows are collected;
cxmetrics builds the tallies and the same :class:`SegmentTable` / :class:`TrendTable` that
:func:`cxmetrics.segment` / :func:`cxmetrics.trend` return on the columns. Trend periods
come from :func:`cxmetrics.period_pieces` (a sorted search on whole seconds), so they are
exactly those of :func:`cxmetrics.trend` in any time zone. ``ticket_durations`` (per-ticket
business-hours work) collects the ticket columns it needs and computes in process. Needs
``pip install cxmetrics[polars]``.

>>> import polars as pl, cxmetrics.polars as cxp
>>> df = pl.DataFrame({"channel": ["web", "web", "app"], "score": [10, 9, 0]})
>>> [(r.key, r.n, r.score) for r in cxp.segment(df.lazy(), "score", "channel", min_n=1)]
[(('app',), 1, -100.0), (('web',), 2, 100.0)]
"""

from __future__ import annotations

from typing import Any
from collections.abc import Sequence

from . import _cxmetrics as _cx
from . import _engines as _e

__all__ = ["segment", "tally", "ticket_durations", "trend"]


def _lazy(data: Any) -> Any:
    import polars as pl

    if isinstance(data, pl.LazyFrame):
        return data
    if isinstance(data, pl.DataFrame):
        return data.lazy()
    raise TypeError(f"data must be a polars DataFrame or LazyFrame, not {type(data).__name__}")


def _aggs(weight: str | None) -> list[Any]:
    import polars as pl

    out = [pl.len().alias("_cx_n")]
    if weight is not None:
        w = pl.col(weight).cast(pl.Float64)
        out += [
            w.sum().alias("_cx_sw"),
            (w * w).sum().alias("_cx_sq"),
            w.min().alias("_cx_wmin"),
            w.nan_max().alias("_cx_wmax"),
            w.null_count().alias("_cx_wnull"),
        ]
    return out


def _count(lf: Any, group: list[str], nkeys: int, score: str, weight: str | None, counter: _e.Counter) -> None:
    # NaN weights: Polars' sum propagates them; min skips them, so probe nan_max too.
    res = lf.group_by(group + [score]).agg(_aggs(weight)).collect()
    for row in res.iter_rows():
        counter.add(tuple(row[:nkeys]), row[nkeys], *row[nkeys + 1 :])


def tally(data: Any, score: str, *, scale: Any, weight: str | None = None, on_invalid: str = "error") -> _cx.Tally:
    """The :class:`Tally` of column ``score`` (and ``weight``), counted by Polars.

    Raises:
        CxMetricsError: as :class:`Tally`; an invalid value in error mode names the value
            and how many rows have it (no row index). Under ``on_invalid="skip"`` an
            invalid *weight* raises too.
        TypeError: for data that is not a DataFrame / LazyFrame.
    """
    counter = _e.Counter(_cx.Tally(scale).scale, on_invalid, weight is not None)
    _count(_lazy(data), [], 0, _e.check_name(score, "score"), weight, counter)
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
    Polars: the same :class:`SegmentTable` as on the columns. Options as
    :func:`cxmetrics.segment`; ``weight`` is a column name.
    """
    options = _e.given(locals(), _e.SEGMENT_OPTIONS)
    if scale is not None:
        options["scale"] = scale
    keys = _e.by_list(by)
    counter = _e.Counter(_e.check_options(_cx.SegmentTable, options), on_invalid, weight is not None)
    _count(_lazy(data), keys, len(keys), _e.check_name(score, "score"), weight, counter)
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
    """:func:`cxmetrics.trend` of column ``score`` over the time-zone-aware ``Datetime``
    column ``time``, counted by Polars: the same :class:`TrendTable` as on the columns.

    Raises:
        CxMetricsError: as :func:`cxmetrics.trend`; ``invalid_argument`` for null times.
        TypeError: for a ``time`` column that is not a ``Datetime`` with a time zone (a
            naive one names no instant, as in :func:`cxmetrics.trend`).
    """
    import polars as pl

    options = _e.given(locals(), _e.TREND_OPTIONS)
    if scale is not None:
        options["scale"] = scale
    counter = _e.Counter(_e.check_options(_cx.TrendTable, options), on_invalid, weight is not None)
    lf = _lazy(data)
    score, time = _e.check_name(score, "score"), _e.check_name(time, "time")
    dtype = lf.collect_schema().get(time)
    if not isinstance(dtype, pl.Datetime) or dtype.time_zone is None:
        raise TypeError(f"time must be a polars Datetime column with a time zone (an instant), not {dtype}")
    unit = dtype.time_unit or "us"
    per_second = {"ms": 1_000, "us": 1_000_000, "ns": 1_000_000_000}[unit]
    # whole seconds, rounded down (floor division of the stored integer)
    secs = pl.col(time).dt.epoch(unit).floordiv(per_second)
    first, last, nulls = (
        lf.select(secs.min().alias("a"), secs.max().alias("b"), pl.col(time).null_count().alias("c")).collect().row(0)
    )
    if nulls:
        _cx.trend([0], [None])  # the core's error for a missing time
    if first is None:
        return _cx.TrendTable.from_tallies({}, **options)
    pcs = _e.pieces(first, last, period, time_zone)
    starts = pl.Series("_cx_starts", [p[0] for p in pcs], dtype=pl.Int64)
    lf = lf.with_columns(
        (pl.lit(starts).search_sorted(secs.cast(pl.Int64), side="right").cast(pl.Int64) - 1).alias("_cx_piece")
    )
    _count(lf, ["_cx_piece"], 1, score, weight, counter)
    return _e.trend_table(counter, [p[1] for p in pcs], options)


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
) -> _cx.DurationSummary:
    """The :class:`DurationSummary` of one duration ``metric`` of the tickets in a Polars ``DataFrame`` / ``LazyFrame``.

    Per-ticket work (business hours on a :class:`Schedule`) is no aggregate Polars can
    compute, so the ticket columns named are selected and collected, :class:`Tickets` are built from it (Arrow, no Python rows) and the
    in-memory summary is computed: the same :class:`DurationSummary` as
    :func:`cxmetrics.first_response_time` (``metric="first_response"``),
    :func:`cxmetrics.resolution_time` (``"first_resolution"`` / ``"full_resolution"``) or
    :func:`cxmetrics.requester_wait_time` (``"requester_wait"``) on the collected columns.

    Args:
        data: a ``polars.DataFrame`` or ``LazyFrame``, one row per ticket.
        metric: ``"first_response"``, ``"first_resolution"``, ``"full_resolution"`` or
            ``"requester_wait"`` (as :func:`cxmetrics.ticket_durations`).
        created, first_response, first_solved, final_solved, first_reopened: names of
            timestamp-with-time-zone columns (instants) holding :class:`Tickets`' columns
            of the same names (``None``: not given); ``created`` is required.
        paused: name of a list-of-structs column of paused intervals (two timestamps
            each, start then end; the field names do not matter).
        schedule: a :class:`Schedule` for business time (``None``: calendar time).
        as_of: the observation time for open tickets (default: the latest instant).

    Raises:
        CxMetricsError: as in memory (``out_of_order`` with the ticket's ``index`` in
            the collected order, ``invalid_argument``, ``empty``).
        TypeError: for other data, or times without a time zone (they name no instant).

    >>> import datetime as dt, polars as pl, cxmetrics as cx, cxmetrics.polars as cxp
    >>> at = lambda day, hour: dt.datetime(2026, 11, day, hour, tzinfo=dt.timezone.utc)
    >>> df = pl.DataFrame({"created": [at(6, 15)], "reply": [at(9, 15)]})  # Fri 15:00 → Mon 15:00
    >>> office = cx.Schedule("Europe/London", [(d, "09:00", "17:00") for d in ("mon", "tue", "wed", "thu", "fri")])
    >>> cxp.ticket_durations(df, "first_response", first_response="reply", schedule=office).median
    28800.0
    """
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
    import polars as pl

    lf = _lazy(data)
    table = lf.select([pl.col(c).alias(a) for a, c in cols.items()]).collect().to_arrow()
    return _e.duration_summary(_e.tickets_from_arrow(table), metric, schedule, as_of)
