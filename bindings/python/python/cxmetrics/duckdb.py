"""Survey metrics on DuckDB data, counted by DuckDB (issue 14).

``tally``, ``segment`` and ``trend`` take a DuckDB relation, a table or view name, or a
``SELECT`` query (on ``con``, default DuckDB's default connection). DuckDB groups the rows
by key and raw score (``count(*)``, Σw, Σw²), so at most keys × distinct values rows come
back; cxmetrics builds the tallies and the same :class:`SegmentTable` /
:class:`TrendTable` that :func:`cxmetrics.segment` / :func:`cxmetrics.trend` return on the
collected columns. Trend periods come from :func:`cxmetrics.period_pieces` and are found
with an ``ASOF JOIN`` on whole seconds, so they are exactly those of :func:`cxmetrics.trend`
in any time zone. ``ticket_durations`` (per-ticket business-hours work) fetches the ticket
columns it needs as Arrow and computes in process. Needs ``pip install cxmetrics[duckdb]``.

>>> import duckdb, cxmetrics.duckdb as cxd
>>> con = duckdb.connect()
>>> rel = con.sql("SELECT * FROM (VALUES ('web', 10), ('web', 9), ('app', 0)) t(channel, score)")
>>> t = cxd.segment(rel, "score", "channel", min_n=1)
>>> [(r.key, r.n, r.score) for r in t]
[(('app',), 1, -100.0), (('web',), 2, 100.0)]
"""

from __future__ import annotations

from typing import Any
from collections.abc import Sequence

from . import _cxmetrics as _cx
from . import _engines as _e

__all__ = ["segment", "tally", "ticket_durations", "trend"]


def _relation(data: Any, con: Any) -> Any:
    import duckdb

    if isinstance(data, duckdb.DuckDBPyRelation):
        return data
    if isinstance(data, str):
        con = con if con is not None else duckdb.default_connection()
        text = data.strip()
        if text.split(None, 1)[0].upper() in ("SELECT", "WITH", "FROM", "VALUES", "TABLE"):
            return con.sql(text)
        return con.table(text)
    raise TypeError(f"data must be a DuckDB relation, a table name or a SELECT query, not {type(data).__name__}")


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _weight_aggs(weight: str | None, prefix: str = "") -> str:
    if weight is None:
        return ""
    w = prefix + _q(weight)
    return (
        f", sum({w}::DOUBLE), sum({w}::DOUBLE * {w}::DOUBLE), min({w}::DOUBLE), max({w}::DOUBLE), count(*) - count({w})"
    )


def _count(rel: Any, keys: list[str], score: str, weight: str | None, counter: _e.Counter) -> None:
    cols = ", ".join([_q(k) for k in keys] + [_q(score)])
    sql = f"SELECT {cols}, count(*){_weight_aggs(weight)} FROM _cx_rel GROUP BY ALL"
    for row in rel.query("_cx_rel", sql).fetchall():
        nk = len(keys)
        counter.add(tuple(row[:nk]), row[nk], *row[nk + 1 :])


def tally(
    data: Any, score: str, *, scale: Any, weight: str | None = None, on_invalid: str = "error", con: Any = None
) -> _cx.Tally:
    """The :class:`Tally` of column ``score`` (and ``weight``), counted by DuckDB.

    Equals ``Tally(scale, column, weights=..., on_invalid=...)`` on the collected column
    (counts exactly; weight sums as DuckDB adds them, within 1e-13 relative).

    Raises:
        CxMetricsError: as :class:`Tally`; an invalid value in error mode names the value
            and how many rows have it (no row index). Under ``on_invalid="skip"`` an
            invalid *weight* raises too (the engine's sums cannot leave its row out).
        TypeError: for a column name that is not a str, or data of another type.
    """
    rel = _relation(data, con)
    counter = _e.Counter(_cx.Tally(scale).scale, on_invalid, weight is not None)
    _count(rel, [], _e.check_name(score, "score"), weight, counter)
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
    con: Any = None,
) -> _cx.SegmentTable:
    """:func:`cxmetrics.segment` of column ``score`` by the ``by`` columns, counted by
    DuckDB: the same :class:`SegmentTable` as on the collected columns (key columns named
    by ``by``). Options as :func:`cxmetrics.segment`; ``weight`` is a column name.

    Raises:
        CxMetricsError: as :func:`cxmetrics.segment` (invalid values name the value and
            how many rows have it, with no row index).
        TypeError: as :func:`cxmetrics.segment`.
    """
    options = _e.given(locals(), _e.SEGMENT_OPTIONS)
    if scale is not None:
        options["scale"] = scale
    keys = _e.by_list(by)
    counter = _e.Counter(_e.check_options(_cx.SegmentTable, options), on_invalid, weight is not None)
    _count(_relation(data, con), keys, _e.check_name(score, "score"), weight, counter)
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
    con: Any = None,
) -> _cx.TrendTable:
    """:func:`cxmetrics.trend` of column ``score`` over the ``TIMESTAMPTZ`` column ``time``,
    counted by DuckDB: the same :class:`TrendTable` as on the collected columns.

    Raises:
        CxMetricsError: as :func:`cxmetrics.trend`; ``invalid_argument`` for null times.
        TypeError: for a ``time`` column that is not ``TIMESTAMP WITH TIME ZONE`` (a naive
            ``TIMESTAMP`` names no instant, as in :func:`cxmetrics.trend`).
    """
    options = _e.given(locals(), _e.TREND_OPTIONS)
    if scale is not None:
        options["scale"] = scale
    counter = _e.Counter(_e.check_options(_cx.TrendTable, options), on_invalid, weight is not None)
    rel = _relation(data, con)
    score, time = _e.check_name(score, "score"), _e.check_name(time, "time")
    types = dict(zip(rel.columns, [str(t) for t in rel.types]))
    if types.get(time) != "TIMESTAMP WITH TIME ZONE":
        raise TypeError(f"time must be a TIMESTAMP WITH TIME ZONE column (an instant), not {types.get(time)}")
    t = _q(time)
    secs = f"((epoch_us({t}) - ((epoch_us({t}) % 1000000) + 1000000) % 1000000) // 1000000)"
    first, last, nulls = rel.query(
        "_cx_rel", f"SELECT min({secs}), max({secs}), count(*) - count({t}) FROM _cx_rel"
    ).fetchall()[0]
    if nulls:
        _cx.trend([0], [None])  # the core's error for a missing time
    if first is None:
        return _cx.TrendTable.from_tallies({}, **options)
    pcs = _e.pieces(first, last, period, time_zone)
    starts = ", ".join(str(int(p[0])) for p in pcs)
    sql = (
        f"SELECT p._cx_piece, d.{_q(score)}, count(*){_weight_aggs(weight, 'd.')} "
        f"FROM (SELECT *, {secs} AS _cx_s FROM _cx_rel) d ASOF JOIN "
        f"(SELECT unnest(l) AS _cx_start, generate_subscripts(l, 1) - 1 AS _cx_piece "
        f"FROM (SELECT [{starts}]::BIGINT[] AS l)) p ON d._cx_s >= p._cx_start GROUP BY ALL"
    )
    for row in rel.query("_cx_rel", sql).fetchall():
        counter.add((row[0],), row[1], *row[2:])
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
    con: Any = None,
) -> _cx.DurationSummary:
    """The :class:`DurationSummary` of one duration ``metric`` of the tickets in a DuckDB relation, table or query.

    Per-ticket work (business hours on a :class:`Schedule`) is no aggregate DuckDB can
    compute, so the ticket columns named are fetched as Arrow, :class:`Tickets` are built from it (Arrow, no Python rows) and the
    in-memory summary is computed: the same :class:`DurationSummary` as
    :func:`cxmetrics.first_response_time` (``metric="first_response"``),
    :func:`cxmetrics.resolution_time` (``"first_resolution"`` / ``"full_resolution"``) or
    :func:`cxmetrics.requester_wait_time` (``"requester_wait"``) on the collected columns.

    Args:
        data: a DuckDB relation, a table or view name, or a ``SELECT`` query (on ``con``), one row per ticket.
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

    >>> import duckdb, cxmetrics as cx, cxmetrics.duckdb as cxd
    >>> rel = duckdb.connect().sql(  # Fri 15:00 → Mon 15:00
    ...     "SELECT TIMESTAMPTZ '2026-11-06 15:00:00+00' AS created, TIMESTAMPTZ '2026-11-09 15:00:00+00' AS reply")
    >>> office = cx.Schedule("Europe/London", [(d, "09:00", "17:00") for d in ("mon", "tue", "wed", "thu", "fri")])
    >>> cxd.ticket_durations(rel, "first_response", first_response="reply", schedule=office).median
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
    rel = _relation(data, con)
    select = ", ".join(f"{_q(c)} AS {_q(a)}" for a, c in cols.items())
    table = rel.query("_cx_rel", f"SELECT {select} FROM _cx_rel").to_arrow_table()
    return _e.duration_summary(_e.tickets_from_arrow(table), metric, schedule, as_of)
