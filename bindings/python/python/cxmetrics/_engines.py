"""What the engine modules share (:mod:`cxmetrics.spark`, :mod:`cxmetrics.duckdb`,
:mod:`cxmetrics.polars`, issue 14).

An engine counts rows per ``(key…, raw score value)`` — and per time piece for trends —
with ``count``, Σw, Σw² and, for weights, their minimum, maximum and null count. Every
rule stays in the core: each distinct raw value is classified by tallying it
(:class:`Tally`, so a point, missing or invalid exactly as :func:`segment` decides), a
group's weights are checked by tallying their extremes, the tallies are rebuilt with
:meth:`Tally.from_parts`, the tables with :meth:`SegmentTable.from_tallies` /
:meth:`TrendTable.from_tallies`, and the periods come from :func:`period_pieces`.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any
from collections.abc import Iterable, Sequence

from . import _cxmetrics as _cx

#: Options of :func:`segment` that go to :meth:`SegmentTable.from_tallies` as given.
SEGMENT_OPTIONS = (
    "metric",
    "min_n",
    "level",
    "method",
    "buckets",
    "csat_method",
    "threshold",
    "bottom_threshold",
    "higher_is_better",
    "ces_method",
)
#: Options of :func:`trend` that go to :meth:`TrendTable.from_tallies` as given.
TREND_OPTIONS = SEGMENT_OPTIONS + ("period", "adjust", "alpha", "rolling_days")


def given(options: dict[str, Any], names: Sequence[str]) -> dict[str, Any]:
    """The options the caller gave (``None`` means the default, as in :func:`segment`)."""
    return {k: options[k] for k in names if options.get(k) is not None}


def check_options(table: Any, options: dict[str, Any]) -> Any:
    """Checks the report options before the engine runs (the core refuses bad ones and
    says which scale a metric needs); returns the scale to count on."""
    scale = options.get("scale")
    try:
        table.from_tallies({}, **options)
    except _cx.CxMetricsError as e:
        if e.code != "empty":
            raise
    if scale is None:
        scale = _cx.Scale.default_for(options.get("metric") or "nps")
    return _cx.Tally(scale).scale


def as_number(v: Any) -> Any:
    """A raw value as the core reads it (Decimal from SQL engines → float)."""
    if isinstance(v, Decimal):
        return float(v)
    return v


class Counter:
    """Per-key point counts, Σw, Σw², missing and invalid, from an engine's rows."""

    def __init__(self, scale: Any, on_invalid: str | None, weighted: bool) -> None:
        self.scale = scale
        self.points = scale.points
        self.skip = (on_invalid or "error") == "skip"
        if not self.skip:
            _cx.Tally(scale, [], on_invalid=on_invalid or "error")  # the core checks the name
        self.weighted = weighted
        self.kinds: dict[Any, tuple[str, int]] = {}
        self.keys: dict[tuple[Any, ...], list[Any]] = {}
        self.bad: dict[Any, list[Any]] = {}  # invalid value → [value, rows]
        self.bad_weights: tuple[int, Any, Any, int, int] | None = None

    def kind(self, value: Any) -> tuple[str, int]:
        """``("point", k)``, ``("missing", 0)`` or ``("invalid", 0)``, as the core tallies it."""
        v = as_number(value)
        cache_key = "nan" if isinstance(v, float) and math.isnan(v) else (type(v).__name__, v)
        got = self.kinds.get(cache_key)
        if got is None:
            t = _cx.Tally(self.scale)
            t.push(v, on_invalid="skip")
            if t.n:
                got = ("point", list(t.counts).index(1))
            elif t.missing:
                got = ("missing", 0)
            else:
                got = ("invalid", 0)
            self.kinds[cache_key] = got
        return got

    def weights_ok(self, k: int, wmin: Any, wmax: Any, nulls: int, s: float, q: float) -> bool:
        """Whether every weight of a group is one the core takes: tallying the group's
        smallest and largest weight (and a null one, if any) with a valid score."""
        probe = [wmin, wmax] + ([None] if nulls else [])
        probe = [float("nan") if w is None else float(w) for w in probe]
        try:
            _cx.Tally(self.scale, [self.scale.min + k] * len(probe), weights=probe)
        except _cx.CxMetricsError:
            return False
        return math.isfinite(s) and math.isfinite(q)

    def add(
        self,
        key: tuple[Any, ...],
        value: Any,
        n: int,
        wsum: float = 0.0,
        wsq: float = 0.0,
        wmin: Any = None,
        wmax: Any = None,
        wnull: int = 0,
    ) -> None:
        acc = self.keys.get(key)
        if acc is None:
            p = self.points
            acc = self.keys[key] = [[0] * p, [0.0] * p, [0.0] * p, 0, 0]
        kind, k = self.kind(value)
        n = int(n)
        if kind == "point":
            if self.weighted and not self.weights_ok(
                k, wmin, wmax, int(wnull or 0), float(wsum or 0.0), float(wsq or 0.0)
            ):
                bad = (k, wmin, wmax, int(wnull or 0), n)
                if self.skip:
                    # the engine's sums mix valid and invalid weights: not separable here
                    raise _weights_error(self.scale, *bad)
                if self.bad_weights is None:
                    self.bad_weights = bad
                return
            acc[0][k] += n
            if self.weighted:
                acc[1][k] += float(wsum or 0.0)
                acc[2][k] += float(wsq or 0.0)
        elif kind == "missing":
            acc[3] += n
        else:
            acc[4] += n
            if not self.skip:
                entry = self.bad.setdefault(repr(as_number(value)), [value, 0])
                entry[1] += n

    def tallies(self) -> dict[tuple[Any, ...], Any]:
        """The tallies per key; in error mode, the core's error for one invalid value
        (with how many rows have it: an engine has no row index)."""
        if self.bad:
            value, rows = max(self.bad.values(), key=lambda e: e[1])
            raise _value_error(self.scale, value, rows)
        if self.bad_weights is not None:
            raise _weights_error(self.scale, *self.bad_weights)
        out = {}
        for key, (c, s, q, missing, invalid) in self.keys.items():
            if self.weighted:
                out[key] = _cx.Tally.from_parts(self.scale, c, s, q, missing=missing, invalid=invalid)
            else:
                out[key] = _cx.Tally.from_parts(self.scale, c, None, None, missing=missing, invalid=invalid)
        return out


def _with_rows(e: Any, rows: int) -> Any:
    """The core's error for one value, without a row index, saying how many rows have it."""
    err = _cx.CxMetricsError(f"{e}; {rows} rows have this value (an engine keeps no row order, so no row index)")
    err.code = e.code
    err.index = None
    return err


def _value_error(scale: Any, value: Any, rows: int) -> Any:
    try:
        _cx.Tally(scale, [as_number(value)])
    except _cx.CxMetricsError as e:
        return _with_rows(e, rows)
    return _cx.CxMetricsError(f"value {value!r} was counted as invalid")  # pragma: no cover


def _weights_error(scale: Any, k: int, wmin: Any, wmax: Any, nulls: int, rows: int) -> Any:
    probe = [w for w in (wmin, wmax) if w is not None] + ([float("nan")] if nulls else [])
    try:
        _cx.Tally(scale, [scale.min + k] * len(probe), weights=[float(w) for w in probe])
    except _cx.CxMetricsError as e:
        return _with_rows(e, rows)
    return _cx.CxMetricsError("the weight sums are not finite")  # pragma: no cover


def key_tuple(row: Sequence[Any], nkeys: int) -> tuple[Any, ...]:
    return tuple(row[:nkeys])


def pieces(first: int, last: int, period: str | None, time_zone: str | None) -> list[tuple[int, Any]]:
    """:func:`period_pieces` with the caller's spelling of the defaults."""
    return _cx.period_pieces(int(first), int(last), period=period, time_zone=time_zone)


def by_list(by: Any) -> list[str]:
    """Key column names: one name or a list of names."""
    if isinstance(by, str):
        return [by]
    names = list(by)
    if not names or not all(isinstance(b, str) for b in names):
        raise TypeError("by must be a column name or a non-empty list of column names")
    return names


def check_name(name: Any, what: str) -> str:
    if not isinstance(name, str):
        raise TypeError(f"{what} must be a column name (str), not {type(name).__name__}")
    return name


def segment_table(counter: Counter, key_names: list[str], options: dict[str, Any]) -> Any:
    return _cx.SegmentTable.from_tallies(counter.tallies(), key_names=key_names, **options)


def trend_table(counter: Counter, dates: list[Any], options: dict[str, Any]) -> Any:
    by_date: dict[Any, Any] = {}
    for (piece,), t in counter.tallies().items():
        d = dates[int(piece)]
        if d in by_date:
            by_date[d].merge(t)
        else:
            by_date[d] = t
    return _cx.TrendTable.from_tallies(by_date, **options)


def one_tally(counter: Counter) -> Any:
    t = _cx.Tally(counter.scale)
    for part in counter.tallies().values():
        t.merge(part)
    return t


Rows = Iterable[Sequence[Any]]


# ───────────────────────── ticket durations (per-ticket work) ─────────────────────────

#: The instant columns a duration reads, in :class:`Tickets`' argument names.
TICKET_INSTANTS = ("created", "first_response", "first_solved", "final_solved", "first_reopened")

#: The summary function of each duration metric (:func:`ticket_durations`' names).
DURATION_SUMMARIES = {
    "first_response": ("first_response_time", {}),
    "first_resolution": ("resolution_time", {"kind": "first"}),
    "full_resolution": ("resolution_time", {"kind": "full"}),
    "requester_wait": ("requester_wait_time", {}),
}


def ticket_columns(names: dict[str, Any]) -> dict[str, str]:
    """The given ticket columns, ``{Tickets argument: column name}`` (``created`` required)."""
    out = {}
    for arg, col in names.items():
        if col is not None:
            out[arg] = check_name(col, arg)
    if "created" not in out:
        raise TypeError("created must be a column name (str), not None")
    return out


def check_duration_options(metric: Any, schedule: Any, as_of: Any) -> None:
    """The core's checks of the options (metric name, schedule type, ``as_of`` instant),
    before the engine runs."""
    _cx.ticket_spans(_cx.Tickets([]), metric, schedule=schedule, as_of=as_of)


def _instants(arr: Any) -> Any:
    """An Arrow timestamp column (an instant: with a time zone) → numpy datetime64 (UTC),
    NaT for nulls."""
    import pyarrow as pa

    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    if not pa.types.is_timestamp(arr.type) or arr.type.tz is None:
        raise TypeError(
            f"ticket times must be timestamps with a time zone (instants), not {arr.type}; naive times name no instant"
        )
    return arr.to_numpy(zero_copy_only=False)


def tickets_from_arrow(table: Any) -> Any:
    """:class:`Tickets` from an Arrow table / record batch whose columns carry
    :class:`Tickets`' argument names: instants as timestamps with a zone, ``paused`` as a
    list of ``(start, end)`` structs (any field names; the first is the start)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    names = table.schema.names
    cols = {n: _instants(table.column(n)) for n in TICKET_INSTANTS if n in names}
    paused = None
    if "paused" in names:
        col = table.column("paused")
        if isinstance(col, pa.ChunkedArray):
            col = col.combine_chunks()
        if not (pa.types.is_list(col.type) or pa.types.is_large_list(col.type)) or not (
            pa.types.is_struct(col.type.value_type) and col.type.value_type.num_fields == 2
        ):
            raise TypeError(f"paused must be a list of (start, end) structs, not {col.type}")
        owner = pc.list_parent_indices(col).to_numpy(zero_copy_only=False).tolist()
        flat = pc.list_flatten(col)
        starts = _instants(pc.struct_field(flat, [0]))
        ends = _instants(pc.struct_field(flat, [1]))
        paused = list(zip(owner, starts, ends))
    created = cols.pop("created")
    return _cx.Tickets(created, paused=paused, **cols)


def duration_summary(tickets: Any, metric: str, schedule: Any, as_of: Any) -> Any:
    """The in-memory summary of ``metric`` (first response / resolution / requester wait)."""
    name, extra = DURATION_SUMMARIES[metric]
    return getattr(_cx, name)(tickets, schedule=schedule, as_of=as_of, **extra)
