"""Type stubs of the compiled ``cxmetrics._cxmetrics`` module (re-exported by ``cxmetrics``).

Units: NPS in points (−100…100); rates in percent (0…100); means in scale units;
shares inside results (``promoters``, ``shares``) in fractions (0…1). Nothing is rounded.
"""

import datetime
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, ClassVar, Literal, Protocol, TypedDict, final, overload

import numpy as np
import numpy.typing as npt

__version__: str
"""The package version (the Cargo workspace version)."""

class _ToNumpy(Protocol):
    """A dataframe-library column: pandas / polars Series, pyarrow arrays."""

    def to_numpy(self) -> Any: ...

class _ArrowArray(Protocol):
    """An Arrow array exporter (PyCapsule interface): pyarrow.Array, nanoarrow, arro3 …"""

    def __arrow_c_array__(self, requested_schema: Any = None) -> tuple[Any, Any]: ...

class _ArrowStream(Protocol):
    """An Arrow stream exporter (PyCapsule interface): pyarrow.ChunkedArray, polars.Series …"""

    def __arrow_c_stream__(self, requested_schema: Any = None) -> Any: ...

_Arrow = _ArrowArray | _ArrowStream
"""Arrow data of an integer or float type, read in place; nulls are missing."""

class _BucketsDict(TypedDict):
    detractor_max: int
    promoter_min: int

_Scores = (
    Sequence[float | None]
    | list[str]
    | list[str | None]
    | list[float | str | None]
    | tuple[float | str | None, ...]
    | npt.NDArray[np.integer[Any]]
    | npt.NDArray[np.floating[Any]]
    | npt.NDArray[np.object_]
    | npt.NDArray[np.str_]
    | _ToNumpy
    | _Arrow
)
"""Scores: a list / tuple (None and NaN = missing), a 1-D numpy array of any integer or
float dtype, a pandas / polars Series (NaN, None, pd.NA, null = missing), or any Arrow
array or chunked array (``__arrow_c_array__`` / ``__arrow_c_stream__``; null = missing)."""

_Weights = (
    Sequence[float | None]
    | npt.NDArray[np.integer[Any]]
    | npt.NDArray[np.floating[Any]]
    | npt.NDArray[np.object_]
    | _ToNumpy
    | _Arrow
)
"""Weights: one float >= 0 per score, in the same containers as scores."""

_ScaleLike = Scale | tuple[int, int]
_OnInvalid = Literal["error", "skip"]
_Buckets = tuple[int, int] | _BucketsDict
# A segment key: a tuple of str / int parts, or one str / int (SegmentTable.from_tallies).
_KeyLike = tuple[str | int, ...] | str | int
_CsatMethod = Literal["top_box", "mean", "percent_of_max", "net"]
_CesMethod = Literal["mean", "percent_agree", "net_effort"]
_NetIntervalMethod = Literal["adjusted_wald", "wald"]
_ProportionIntervalMethod = Literal["wilson", "wald", "agresti_coull", "clopper_pearson", "jeffreys"]
_IntervalMethod = Literal["adjusted_wald", "wald", "wilson", "agresti_coull", "clopper_pearson", "jeffreys", "t"]
_CompareMethod = Literal["adjusted_wald", "wald", "pooled_z", "agresti_caffo", "score", "welch"]
_PAdjust = Literal["holm", "bh"]
_Floats = Sequence[float | None] | npt.NDArray[np.integer[Any]] | npt.NDArray[np.floating[Any]] | _ToNumpy | _Arrow
"""Numbers: a list / tuple (None and NaN = NaN), a 1-D numpy array, a pandas / polars Series,
or an Arrow array (null = NaN)."""
_Instant = datetime.datetime | np.datetime64 | str
"""An instant: an aware datetime (or pandas Timestamp), a numpy datetime64 (UTC) or an ISO
8601 string with an offset or ``Z``."""
_Instants = Sequence[_Instant | None] | npt.NDArray[np.datetime64] | npt.NDArray[np.object_] | _ToNumpy
"""A column of instants: a list / tuple (None = absent), a numpy datetime64 array (UTC), or a
pandas / polars datetime column (tz-aware; naive ones need ``tz=``); NaT = absent."""
_Labels = Sequence[str | None] | npt.NDArray[np.object_] | npt.NDArray[np.str_] | _ToNumpy
_Counts = Sequence[int] | npt.NDArray[np.integer[Any]] | npt.NDArray[np.floating[Any]] | _ToNumpy
_Seconds = float | datetime.timedelta
_WindowDay = str | int
_WindowTime = str | datetime.time
_Holiday = str | datetime.date
_DurationMetric = Literal["first_response", "first_resolution", "full_resolution", "requester_wait"]
_SlaMetric = Literal["first_response", "first_resolution", "full_resolution", "requester_wait"]
_SurveyMetric = Literal["nps", "csat", "ces", "mean", "top_box", "bottom_box"]
_KeyValue = str | int
_KeyColumn = (
    Sequence[_KeyValue] | npt.NDArray[np.integer[Any]] | npt.NDArray[np.str_] | npt.NDArray[np.object_] | _ToNumpy
)
"""A key column: str / int values (lists, numpy arrays, pandas / polars columns)."""
_By = _KeyColumn | Sequence[_KeyColumn] | Sequence[object] | _ToNumpy
"""One key column, a list of key columns, or a pandas / polars DataFrame of key columns.
(``Sequence[object]`` because mypy infers a list of differently typed columns as
``list[object]``; the values are checked at run time.)"""

class _TicketRecord(TypedDict, total=False):
    created: _Instant
    first_response: _Instant | None
    solved: Sequence[_Instant] | None
    reopened: Sequence[_Instant] | None
    agent_replies: int | None
    customer_followups: int | None
    paused: Sequence[tuple[_Instant, _Instant]] | None
    channel: str | None
    priority: str | None

class CxMetricsError(ValueError):
    """Raised for invalid data or options (a ``ValueError`` subclass).

    The message says what was wrong and what to do.

    Example:

    >>> import cxmetrics as cx
    >>> try:
    ...     cx.nps([10, 9, 8.5])
    ... except cx.CxMetricsError as e:
    ...     print(e.code, e.index)
    not_integer 2
    """

    code: str
    """Stable snake_case code: ``empty``, ``out_of_scale``, ``not_integer``, ``not_finite``,
    ``invalid_weight``, ``length_mismatch``, ``scale_mismatch``, ``invalid_scale``,
    ``invalid_argument``, ``invalid_format``, ``unknown_time_zone``, ``empty_schedule``,
    ``overlapping_windows``, ``out_of_order`` (an event before the one it must follow),
    ``insufficient_data`` (too few responses or no variance for a statistic) or
    ``unknown_label`` (a text answer that is not a label of the scale). Codes never
    change between releases."""
    index: int | None
    """The position of the offending input value, when the error refers to one."""

@final
class Scale:
    """An integer response scale ``min..=max`` with 2 to 101 points (immutable, hashable).

    Scores are validated against the scale when tallied: a value outside ``min..=max``
    is ``out_of_scale``, a non-integer is ``not_integer``. Nothing is shifted or rescaled.
    Anywhere a scale is accepted, a ``(min, max)`` tuple works too.

    Text answers are read on every scale: whole numbers in ASCII, Arabic-Indic, Persian
    or Thai digits, alone or leading a label (``"10 - Extremely likely"``, ``"۹"``),
    stars (``"★★★★☆"``, ``"4 stars"``, ``"4/5"``, ``"4 out of 5"``; a written maximum
    other than the scale's is ``out_of_scale``) and the missing-value texts. ``labels``
    maps answer text to points; matching is on normalised text (Unicode NFC, trimmed,
    whitespace collapsed, case-folded). Unknown text is ``unknown_label`` with its
    ``index`` (counted ``invalid`` with ``on_invalid="skip"``). Presets and their
    sources: docs/labels.md.

    Args:
        min, max: the integer bounds.
        labels: answer text -> point.
        missing: texts that mean "no answer" (replacing the default
            ``("", "n/a", "na", "-", "skipped", "prefer not to say")``).

    Raises:
        CxMetricsError: ``invalid_scale`` when ``max <= min``, there are more than 101
            points, or a label is ambiguous (on two points, reading as another point's
            number, outside the scale, or also a missing-value text).
        TypeError: when a bound is not an int, or labels are not a dict of str to int.

    >>> import cxmetrics as cx
    >>> cx.Scale(1, 5).points, cx.Scale(1, 5) == cx.Scale.one_to_five()
    (5, True)
    >>> cx.csat(["Very satisfied", "4", "★★☆☆☆", "n/a"], scale=cx.Scale.satisfaction5()).n
    3
    """

    def __init__(
        self, min: int, max: int, *, labels: Mapping[str, int] | None = None, missing: Iterable[str] | None = None
    ) -> None: ...
    @staticmethod
    def satisfaction5(lang: str | None = None) -> Scale:
        """1–5 satisfaction ("Very dissatisfied" … "Very satisfied") in ``"en"`` (default),
        ``"vi"``, ``"th"`` or ``"fa"``."""
    @staticmethod
    def agreement5(lang: str | None = None) -> Scale:
        """1–5 agreement ("Strongly disagree" … "Strongly agree") in ``"en"`` (default),
        ``"vi"``, ``"th"`` or ``"fa"``."""
    @staticmethod
    def faces5() -> Scale:
        """1–5 faces: 😠 🙁 😐 🙂 😍 and common variants."""
    @staticmethod
    def thumbs() -> Scale:
        """Binary thumbs: 👎 -> 0, 👍 -> 1."""
    @staticmethod
    def helpdesk_rating() -> Scale:
        """Binary helpdesk ratings: "bad" -> 0, "good" -> 1; "offered", "unoffered" missing."""
    @staticmethod
    def nps_choices() -> Scale:
        """0–10 with "0 - Not at all likely", "10 - Extremely likely" and the plain numbers."""
    @property
    def labels(self) -> dict[str, int]:
        """The labels, answer text -> point (empty without labels)."""
    @property
    def missing(self) -> list[str]:
        """The texts that mean "no answer", as given."""
    def read(self, text: str) -> float | None:
        """What ``text`` means: its point, ``None`` for missing; raises for unknown text."""
    @staticmethod
    def default_for(metric: _SurveyMetric) -> Scale | None:
        """The scale a metric uses when none is given (``Scale(0, 10)`` for ``"nps"``,
        ``Scale(1, 5)`` for ``"csat"``), or ``None`` when it needs one: the defaults of
        :func:`segment` and :func:`trend`.

        Raises:
            CxMetricsError: ``invalid_argument`` for an unknown metric name.

        >>> import cxmetrics as cx
        >>> cx.Scale.default_for("csat"), cx.Scale.default_for("mean")
        (Scale(1, 5), None)
        """
    @staticmethod
    def nps() -> Scale:
        """0–10, the Net Promoter Score "likelihood to recommend" scale."""
    @staticmethod
    def one_to_five() -> Scale:
        """1–5 (CSAT, CES 1.0)."""
    @staticmethod
    def one_to_seven() -> Scale:
        """1–7 (CES 2.0)."""
    @staticmethod
    def one_to_ten() -> Scale:
        """1–10 (a common mistake for NPS, which is 0–10; fine for other ratings)."""
    @staticmethod
    def binary() -> Scale:
        """0–1 (binary: resolved / not resolved, good / bad)."""
    @property
    def min(self) -> int:
        """The lowest point."""
    @property
    def max(self) -> int:
        """The highest point."""
    @property
    def points(self) -> int:
        """The number of points, ``max - min + 1`` (2…101)."""
    def __contains__(self, value: object) -> bool:
        """Whether ``value`` is a number with an integer value between ``min`` and ``max``."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]: ...

class Tally:
    """Mergeable sufficient statistics of survey responses on one scale.

    Per scale point: the count of responses and (when weighted) the compensated sums
    Σw and Σw²; plus how many inputs were ``missing`` and ``invalid`` (skipped). Every
    metric accepts a tally instead of raw scores, so tallies of chunks, files, threads
    or processes can be merged and give the result of one pass: counts exactly (``==``
    the one-pass tally when unweighted), weight sums within 1e-13 relative (``==``
    compares them bit for bit, so compare weighted results with a tolerance).

    Args:
        scale: a :class:`Scale` or a ``(min, max)`` tuple.
        scores: optional initial scores (None / NaN / pd.NA / null are missing).
        weights: optional per-response weights (floats >= 0).
        on_invalid: ``"error"`` (default) raises on the first invalid score or weight;
            ``"skip"`` counts it in ``invalid`` and leaves it out.

    Raises:
        CxMetricsError: ``out_of_scale``, ``not_integer``, ``not_finite``,
            ``invalid_weight``, ``length_mismatch``, ``invalid_scale``;
            ``invalid_argument`` for weights without scores.
        TypeError: for a container or value that is not numeric.

    A failed ``extend`` / ``push`` leaves the tally unchanged. Tallies pickle, compare
    with ``==`` and are not hashable (they are mutable).

    >>> import cxmetrics as cx
    >>> a = cx.Tally(cx.Scale.nps(), [10, 9, 7])
    >>> a.merge(cx.Tally((0, 10), [None, 3, 10]))
    >>> a.n, a.missing, cx.nps(a).score
    (5, 1, 40.0)
    """

    __hash__: ClassVar[None]  # type: ignore[assignment]

    def __init__(
        self,
        scale: _ScaleLike,
        scores: _Scores | None = None,
        *,
        weights: _Weights | None = None,
        on_invalid: _OnInvalid = "error",
    ) -> None: ...
    @classmethod
    def from_counts(cls, scale: _ScaleLike, counts: Sequence[int] | npt.NDArray[np.integer[Any]]) -> Tally:
        """A tally from counts per point: ``counts[k]`` responses scored ``scale.min + k``.

        Raises:
            CxMetricsError: ``length_mismatch`` unless ``len(counts) == scale.points``;
                ``invalid_argument`` for a negative count, one of ``2**64`` or more, or counts
                that sum to more than ``2**64 - 1`` (the most rows a tally holds).
            TypeError: for a count that is not an int.

        >>> import cxmetrics as cx
        >>> t = cx.Tally.from_counts((0, 10), [1, 0, 0, 0, 0, 0, 0, 2, 0, 0, 3])
        >>> t.n, round(cx.nps(t).score, 2)
        (6, 33.33)
        """
    @classmethod
    def from_parts(
        cls,
        scale: _ScaleLike,
        counts: Sequence[int] | npt.NDArray[np.integer[Any]],
        weight_sums: Sequence[float] | npt.NDArray[np.floating[Any]] | None,
        weight_sq_sums: Sequence[float] | npt.NDArray[np.floating[Any]] | None,
        *,
        missing: int = 0,
        invalid: int = 0,
    ) -> Tally:
        """A tally from its parts: per-point counts, Σw and Σw², and the ``missing`` and
        ``invalid`` counts — what an engine's ``GROUP BY score`` with ``count(*)``,
        ``sum(w)`` and ``sum(w * w)`` returns.

        ``counts[k]``, ``weight_sums[k]`` and ``weight_sq_sums[k]`` belong to the score
        ``scale.min + k``. With both sums ``None`` the tally is unweighted and ``==`` the
        one built row by row; with them it is weighted: counts equal bit for bit, weight
        sums as given. Each point must be consistent (the exact rules, with a 1e-6
        relative slack for sums rounded elsewhere, are in docs/conventions.md, "Tally
        from parts"): sums finite and >= 0, 0 where the count is 0, Σw² = 0 where Σw = 0,
        ``(Σw)²/count <= Σw² <= (Σw)²`` and weights at most 1e144.

        Raises:
            CxMetricsError: ``length_mismatch`` unless each array has ``scale.points``
                entries; ``invalid_argument`` naming ``weight_sums`` or ``weight_sq_sums``
                (``index`` = the point) for the first inconsistent point or when only one
                is given, or naming a negative count or rows above ``2**64 - 1``.
            TypeError: for a count that is not an int or a sum that is not a number.

        >>> import cxmetrics as cx
        >>> rows = cx.Tally((1, 5), [5, 4, 4, None], weights=[2.0, 1.0, 3.0, 1.0])
        >>> parts = cx.Tally.from_parts((1, 5), [0, 0, 0, 2, 1], [0, 0, 0, 4.0, 2.0],
        ...                             [0, 0, 0, 10.0, 4.0], missing=1)
        >>> parts == rows
        True
        """
    @classmethod
    def from_json(cls, s: str) -> Tally:
        """Reads a tally written by :meth:`to_json` (in any language binding).

        Raises:
            CxMetricsError: ``invalid_format`` for malformed JSON, another format or
                version, arrays of the wrong length, bad weight sums, or counts, ``missing``
                and ``invalid`` that sum to more than ``2**64 - 1``.
        """
    def to_json(self) -> str:
        """The tally as JSON in the versioned ``cxmetrics.tally`` format (version 1).

        Counts, compensated weight sums (with their compensation terms), ``missing`` and
        ``invalid`` are stored, so a round trip is exact.

        >>> import cxmetrics as cx
        >>> t = cx.Tally((1, 5), [5, 4, 1])
        >>> cx.Tally.from_json(t.to_json()) == t
        True
        """
    def to_bytes(self) -> bytes:
        """The tally in its compact binary form (``CXTY`` version 1, little-endian; layout in
        docs/conventions.md, "Binary form"), the same bytes from Rust, Python and
        JavaScript. A round trip through :meth:`from_bytes` is exact (``==``).

        >>> import cxmetrics as cx
        >>> cx.Tally((1, 5), [5, 4, 4]).to_bytes()
        b'CXTY\\x01\\x00\\x02\\n\\x00\\x00\\x00\\x00\\x00\\x02\\x01'
        """
    @classmethod
    def from_bytes(cls, data: bytes | bytearray | memoryview) -> Tally:
        """Reads a tally written by :meth:`to_bytes` (in any language binding): ``bytes``,
        ``bytearray`` or ``memoryview``.

        Raises:
            CxMetricsError: ``invalid_format`` naming the byte offset and the field for
                truncated input, another magic, an unknown version or flag, an invalid
                scale, a bad varint, rows above ``2**64 - 1``, inconsistent weight sums (the
                rules of :meth:`from_parts`) or trailing bytes.
            TypeError: for anything but bytes-like data.

        >>> import cxmetrics as cx
        >>> t = cx.Tally((0, 10), [9, None], weights=[0.5, 1.0])
        >>> cx.Tally.from_bytes(t.to_bytes()) == t
        True
        """
    def push(self, score: float | str | None, *, weight: float | None = None, on_invalid: _OnInvalid = "error") -> None:
        """Adds one score (``None`` / NaN = missing), with an optional weight.

        An error's ``index`` is the number of rows seen before (``n + missing + invalid``).
        On error the tally is unchanged.

        >>> import cxmetrics as cx
        >>> t = cx.Tally((0, 10))
        >>> t.push(9)
        >>> t.push(3, weight=2.0)
        >>> t.n, t.sum_weights
        (2, 3.0)
        """
    def extend(
        self,
        scores: _Scores,
        *,
        weights: _Weights | None = None,
        on_invalid: _OnInvalid = "error",
    ) -> None:
        """Adds many scores (with optional weights) in one pass; all-or-nothing on error.

        Error indices are positions in ``scores``. Large inputs are tallied without
        holding the GIL.

        >>> import cxmetrics as cx
        >>> t = cx.Tally((1, 5))
        >>> t.extend([5, 4, None])
        >>> t.n, t.missing
        (2, 1)
        """
    def merge(self, other: Tally) -> None:
        """Adds another tally's responses to this one, in place (returns ``None``).

        Counts merge exactly in any order and split; weight sums within 1e-13 relative of
        one pass, not bit for bit (a merged weighted tally is generally not ``==`` the
        one-pass one).

        Raises:
            CxMetricsError: ``scale_mismatch`` when the scales differ; ``invalid_argument``
                when the result would hold more than ``2**64 - 1`` rows (the tally is unchanged).

        >>> import cxmetrics as cx
        >>> a = cx.Tally((1, 5), [5, 4])
        >>> a.merge(cx.Tally((1, 5), [1]))
        >>> a.n
        3
        """
    def copy(self) -> Tally:
        """A copy of this tally."""
    def __add__(self, other: Tally) -> Tally:
        """A new tally with the responses of both (``scale_mismatch`` if scales differ)."""
    def __radd__(self, other: int) -> Tally:
        """``0 + tally`` is a copy, so that ``sum(tallies)`` works."""
    def __eq__(self, other: object) -> bool: ...
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...
    @property
    def scale(self) -> Scale:
        """The response scale of this tally."""
    @property
    def counts(self) -> list[int]:
        """Responses per point (a new list): ``counts[k]`` were scored ``scale.min + k``."""
    @property
    def point_weights(self) -> list[float]:
        """Σw per point (equal to the counts when unweighted)."""
    @property
    def n(self) -> int:
        """Valid responses (the denominator of unweighted metrics)."""
    @property
    def missing(self) -> int:
        """Missing inputs (None / NaN / pd.NA / null), excluded from every denominator."""
    @property
    def invalid(self) -> int:
        """Invalid inputs skipped under ``on_invalid="skip"``."""
    @property
    def weighted(self) -> bool:
        """Whether any weights were given."""
    @property
    def sum_weights(self) -> float:
        """Σw over all valid responses (``n`` when unweighted)."""
    @property
    def n_eff(self) -> float:
        """Kish effective sample size ``(Σw)² / Σw²`` (``n`` when unweighted; 0 when empty)."""
    def _repr_html_(self) -> str:
        """The display as HTML, written by the core: a compact table (value, default interval
        with its method and level, counts, the convention used) and the chart as
        ``<img src="data:image/svg+xml;base64,…" alt="…">``. No scripts, no external requests."""
    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> dict[str, str]:
        """``{"text/plain": repr(self), "text/html": self._repr_html_()}``, less the MIME
        types not in ``include`` / in ``exclude``."""
    def to_vega_lite(self) -> dict[str, Any]:
        """A Vega-Lite v5 specification (a new ``dict``) with the result's numbers inlined
        under their field names, for Altair (``alt.Chart.from_dict(...)``) or any Vega-Lite
        renderer."""
    def to_svg(self) -> str | None:
        """The distribution of the answers as standalone SVG text; ``None`` while empty."""

@final
class NpsResult:
    """A Net Promoter Score (returned by :func:`nps`).

    >>> import cxmetrics as cx
    >>> r = cx.nps([10, 9, 9, 8, 7, 3])
    >>> r.score, r.n_promoters, r.n_passives, r.n_detractors, r.buckets
    (33.333333333333336, 3, 2, 1, (6, 9))
    >>> lo, hi = cx.nps([10] * 50 + [8] * 30 + [3] * 20).interval()
    >>> round(lo, 2), round(hi, 2)
    (14.05, 44.2)
    """

    @property
    def score(self) -> float:
        """NPS in points, −100…100: ``100 × (promoters − detractors)``."""
    @property
    def promoters(self) -> float:
        """Share of promoters, 0…1 (weighted when weighted)."""
    @property
    def passives(self) -> float:
        """Share of passives, 0…1."""
    @property
    def detractors(self) -> float:
        """Share of detractors, 0…1."""
    @property
    def n_promoters(self) -> int:
        """Promoter responses (unweighted count)."""
    @property
    def n_passives(self) -> int:
        """Passive responses (unweighted count)."""
    @property
    def n_detractors(self) -> int:
        """Detractor responses (unweighted count)."""
    @property
    def buckets(self) -> tuple[int, int]:
        """The buckets used: ``(detractor_max, promoter_min)``, both inclusive."""
    @property
    def n(self) -> int:
        """Valid responses used (unweighted count)."""
    @property
    def missing(self) -> int:
        """Missing inputs (None / NaN / pd.NA / null), excluded from every denominator."""
    @property
    def invalid(self) -> int:
        """Invalid inputs skipped under ``on_invalid="skip"``."""
    @property
    def sum_weights(self) -> float:
        """Σw of the valid responses (``n`` when unweighted)."""
    @property
    def n_eff(self) -> float:
        """Kish effective sample size (Σw)²/Σw² (``n`` when unweighted)."""
    @property
    def weighted(self) -> bool:
        """Whether weights were given."""
    def interval(self, level: float = 0.95, *, method: _NetIntervalMethod | None = None) -> Interval:
        """A confidence interval for ``score``, in its unit, clamped to the metric's range.

        ``method=None`` uses the default of this kind of score: ``"adjusted_wald"`` (n + 3, +¾ promoters and detractors); ``"wald"`` is the other choice.
        With weights, n is the Kish ``n_eff``.

        Raises:
            CxMetricsError: ``invalid_argument`` for a level outside (0, 1) or a method that
                does not apply; ``insufficient_data`` for a t interval from one response.
        """
    def margin_of_error(self, level: float = 0.95) -> float:
        """The half-width of the default interval before clamping, in the unit of ``score``.

        Raises:
            CxMetricsError: ``invalid_argument`` for a level outside (0, 1);
                ``insufficient_data`` for a mean of one response.
        """
    def to_dict(self) -> dict[str, Any]:
        """The fields as a new ``dict`` (field name → value), in declaration order."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def _repr_html_(self) -> str:
        """The display as HTML, written by the core: a compact table (value, default interval
        with its method and level, counts, the convention used) and the chart as
        ``<img src="data:image/svg+xml;base64,…" alt="…">``. No scripts, no external requests."""
    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> dict[str, str]:
        """``{"text/plain": repr(self), "text/html": self._repr_html_()}``, less the MIME
        types not in ``include`` / in ``exclude``."""
    def to_vega_lite(self) -> dict[str, Any]:
        """A Vega-Lite v5 specification (a new ``dict``) with the result's numbers inlined
        under their field names, for Altair (``alt.Chart.from_dict(...)``) or any Vega-Lite
        renderer."""
    def to_svg(self) -> str:
        """The chart as standalone SVG text: the NPS bar and the score with its default interval (95%, adjusted Wald) on −100…100."""

@final
class CsatResult:
    """A CSAT score and the convention that produced it (returned by :func:`csat`).

    >>> import cxmetrics as cx
    >>> r = cx.csat([5, 4, 3, 2, 5])
    >>> r.score, r.method, r.threshold
    (60.0, 'top_box', 4)
    """

    @property
    def score(self) -> float:
        """Percent (top_box, percent_of_max), −100…100 (net) or scale units (mean)."""
    @property
    def method(self) -> _CsatMethod:
        """The formula used."""
    @property
    def threshold(self) -> int | None:
        """The satisfied threshold used (top_box and net), inclusive; else ``None``."""
    @property
    def bottom_threshold(self) -> int | None:
        """The dissatisfied threshold used (net), inclusive; else ``None``."""
    @property
    def n(self) -> int:
        """Valid responses used (unweighted count)."""
    @property
    def missing(self) -> int:
        """Missing inputs (None / NaN / pd.NA / null), excluded from every denominator."""
    @property
    def invalid(self) -> int:
        """Invalid inputs skipped under ``on_invalid="skip"``."""
    @property
    def sum_weights(self) -> float:
        """Σw of the valid responses (``n`` when unweighted)."""
    @property
    def n_eff(self) -> float:
        """Kish effective sample size (Σw)²/Σw² (``n`` when unweighted)."""
    @property
    def weighted(self) -> bool:
        """Whether weights were given."""
    def interval(self, level: float = 0.95, *, method: _IntervalMethod | None = None) -> Interval:
        """A confidence interval for ``score``, in its unit, clamped to the metric's range.

        ``method=None`` uses the default of this kind of score: ``"wilson"`` for top_box, ``"adjusted_wald"`` for net, ``"t"`` for mean and percent_of_max.
        With weights, n is the Kish ``n_eff``.

        Raises:
            CxMetricsError: ``invalid_argument`` for a level outside (0, 1) or a method that
                does not apply; ``insufficient_data`` for a t interval from one response.
        """
    def margin_of_error(self, level: float = 0.95) -> float:
        """The half-width of the default interval before clamping, in the unit of ``score``.

        Raises:
            CxMetricsError: ``invalid_argument`` for a level outside (0, 1);
                ``insufficient_data`` for a mean of one response.
        """
    def to_dict(self) -> dict[str, Any]:
        """The fields as a new ``dict`` (field name → value), in declaration order."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def _repr_html_(self) -> str:
        """The display as HTML, written by the core: a compact table (value, default interval
        with its method and level, counts, the convention used). No scripts, no external requests."""
    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> dict[str, str]:
        """``{"text/plain": repr(self), "text/html": self._repr_html_()}``, less the MIME
        types not in ``include`` / in ``exclude``."""
    def to_vega_lite(self) -> dict[str, Any]:
        """A Vega-Lite v5 specification (a new ``dict``) with the result's numbers inlined
        under their field names, for Altair (``alt.Chart.from_dict(...)``) or any Vega-Lite
        renderer."""

@final
class CesResult:
    """A Customer Effort Score and the convention that produced it (returned by :func:`ces`).

    >>> import cxmetrics as cx
    >>> r = cx.ces([7, 6, 5, 4, 2], scale=(1, 7), higher_is_better=True, method="percent_agree")
    >>> r.score, r.method, r.threshold
    (60.0, 'percent_agree', 5)
    """

    @property
    def score(self) -> float:
        """Scale units (mean), percent (percent_agree) or −100…100 (net_effort)."""
    @property
    def method(self) -> _CesMethod:
        """The formula used."""
    @property
    def higher_is_better(self) -> bool:
        """The polarity used."""
    @property
    def threshold(self) -> int | None:
        """First point of the easy side (inclusive) for percent_agree and net_effort; else ``None``."""
    @property
    def n(self) -> int:
        """Valid responses used (unweighted count)."""
    @property
    def missing(self) -> int:
        """Missing inputs (None / NaN / pd.NA / null), excluded from every denominator."""
    @property
    def invalid(self) -> int:
        """Invalid inputs skipped under ``on_invalid="skip"``."""
    @property
    def sum_weights(self) -> float:
        """Σw of the valid responses (``n`` when unweighted)."""
    @property
    def n_eff(self) -> float:
        """Kish effective sample size (Σw)²/Σw² (``n`` when unweighted)."""
    @property
    def weighted(self) -> bool:
        """Whether weights were given."""
    def interval(self, level: float = 0.95, *, method: _IntervalMethod | None = None) -> Interval:
        """A confidence interval for ``score``, in its unit, clamped to the metric's range.

        ``method=None`` uses the default of this kind of score: ``"t"`` for mean, ``"wilson"`` for percent_agree, ``"adjusted_wald"`` for net_effort.
        With weights, n is the Kish ``n_eff``.

        Raises:
            CxMetricsError: ``invalid_argument`` for a level outside (0, 1) or a method that
                does not apply; ``insufficient_data`` for a t interval from one response.
        """
    def margin_of_error(self, level: float = 0.95) -> float:
        """The half-width of the default interval before clamping, in the unit of ``score``.

        Raises:
            CxMetricsError: ``invalid_argument`` for a level outside (0, 1);
                ``insufficient_data`` for a mean of one response.
        """
    def to_dict(self) -> dict[str, Any]:
        """The fields as a new ``dict`` (field name → value), in declaration order."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def _repr_html_(self) -> str:
        """The display as HTML, written by the core: a compact table (value, default interval
        with its method and level, counts, the convention used). No scripts, no external requests."""
    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> dict[str, str]:
        """``{"text/plain": repr(self), "text/html": self._repr_html_()}``, less the MIME
        types not in ``include`` / in ``exclude``."""
    def to_vega_lite(self) -> dict[str, Any]:
        """A Vega-Lite v5 specification (a new ``dict``) with the result's numbers inlined
        under their field names, for Altair (``alt.Chart.from_dict(...)``) or any Vega-Lite
        renderer."""

@final
class MeanResult:
    """A mean score with its sample standard deviation (returned by :func:`mean`).

    >>> import cxmetrics as cx
    >>> r = cx.mean([1, 2, 3, 4, 5], scale=(1, 5))
    >>> r.score, round(r.std_dev or 0, 6)
    (3.0, 1.581139)
    """

    @property
    def score(self) -> float:
        """The mean, in scale units."""
    @property
    def std_dev(self) -> float | None:
        """Sample standard deviation (n − 1; weighted: Kish-corrected), ``None`` when ``n_eff <= 1``."""
    @property
    def n(self) -> int:
        """Valid responses used (unweighted count)."""
    @property
    def missing(self) -> int:
        """Missing inputs (None / NaN / pd.NA / null), excluded from every denominator."""
    @property
    def invalid(self) -> int:
        """Invalid inputs skipped under ``on_invalid="skip"``."""
    @property
    def sum_weights(self) -> float:
        """Σw of the valid responses (``n`` when unweighted)."""
    @property
    def n_eff(self) -> float:
        """Kish effective sample size (Σw)²/Σw² (``n`` when unweighted)."""
    @property
    def weighted(self) -> bool:
        """Whether weights were given."""
    def interval(self, level: float = 0.95, *, method: Literal["t"] | None = None) -> Interval:
        """A confidence interval for ``score``, in its unit, clamped to the metric's range.

        ``method=None`` uses the default of this kind of score: ``"t"`` (Student's t with n − 1 degrees of freedom), the only one.
        With weights, n is the Kish ``n_eff``.

        Raises:
            CxMetricsError: ``invalid_argument`` for a level outside (0, 1) or a method that
                does not apply; ``insufficient_data`` for a t interval from one response.
        """
    def margin_of_error(self, level: float = 0.95) -> float:
        """The half-width of the default interval before clamping, in the unit of ``score``.

        Raises:
            CxMetricsError: ``invalid_argument`` for a level outside (0, 1);
                ``insufficient_data`` for a mean of one response.
        """
    def to_dict(self) -> dict[str, Any]:
        """The fields as a new ``dict`` (field name → value), in declaration order."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def _repr_html_(self) -> str:
        """The display as HTML, written by the core: a compact table (value, default interval
        with its method and level, counts, the convention used). No scripts, no external requests."""
    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> dict[str, str]:
        """``{"text/plain": repr(self), "text/html": self._repr_html_()}``, less the MIME
        types not in ``include`` / in ``exclude``."""
    def to_vega_lite(self) -> dict[str, Any]:
        """A Vega-Lite v5 specification (a new ``dict``) with the result's numbers inlined
        under their field names, for Altair (``alt.Chart.from_dict(...)``) or any Vega-Lite
        renderer."""

@final
class BoxResult:
    """A top-box or bottom-box percentage (returned by :func:`top_box` / :func:`bottom_box`).

    >>> import cxmetrics as cx
    >>> r = cx.top_box([5, 4, 3, 1], scale=(1, 5))
    >>> r.score, r.threshold, r.count
    (50.0, 4, 2)
    """

    @property
    def score(self) -> float:
        """Percent of responses in the box, 0…100."""
    @property
    def threshold(self) -> int:
        """The box boundary used, inclusive."""
    @property
    def count(self) -> int:
        """Responses in the box (unweighted count)."""
    @property
    def n(self) -> int:
        """Valid responses used (unweighted count)."""
    @property
    def missing(self) -> int:
        """Missing inputs (None / NaN / pd.NA / null), excluded from every denominator."""
    @property
    def invalid(self) -> int:
        """Invalid inputs skipped under ``on_invalid="skip"``."""
    @property
    def sum_weights(self) -> float:
        """Σw of the valid responses (``n`` when unweighted)."""
    @property
    def n_eff(self) -> float:
        """Kish effective sample size (Σw)²/Σw² (``n`` when unweighted)."""
    @property
    def weighted(self) -> bool:
        """Whether weights were given."""
    def interval(self, level: float = 0.95, *, method: _ProportionIntervalMethod | None = None) -> Interval:
        """A confidence interval for ``score``, in its unit, clamped to the metric's range.

        ``method=None`` uses the default of this kind of score: ``"wilson"``; also ``"wald"``, ``"agresti_coull"``, ``"clopper_pearson"``, ``"jeffreys"``.
        With weights, n is the Kish ``n_eff``.

        Raises:
            CxMetricsError: ``invalid_argument`` for a level outside (0, 1) or a method that
                does not apply; ``insufficient_data`` for a t interval from one response.
        """
    def margin_of_error(self, level: float = 0.95) -> float:
        """The half-width of the default interval before clamping, in the unit of ``score``.

        Raises:
            CxMetricsError: ``invalid_argument`` for a level outside (0, 1);
                ``insufficient_data`` for a mean of one response.
        """
    def to_dict(self) -> dict[str, Any]:
        """The fields as a new ``dict`` (field name → value), in declaration order."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def _repr_html_(self) -> str:
        """The display as HTML, written by the core: a compact table (value, default interval
        with its method and level, counts, the convention used). No scripts, no external requests."""
    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> dict[str, str]:
        """``{"text/plain": repr(self), "text/html": self._repr_html_()}``, less the MIME
        types not in ``include`` / in ``exclude``."""
    def to_vega_lite(self) -> dict[str, Any]:
        """A Vega-Lite v5 specification (a new ``dict``) with the result's numbers inlined
        under their field names, for Altair (``alt.Chart.from_dict(...)``) or any Vega-Lite
        renderer."""

@final
class Distribution:
    """Responses per scale point (returned by :func:`distribution`).

    >>> import cxmetrics as cx
    >>> d = cx.distribution([1, 1, 0, 1], scale=(0, 1))
    >>> d.points, d.counts, d.shares
    ([0, 1], [1, 3], [0.25, 0.75])
    """

    @property
    def points(self) -> list[int]:
        """The scale's points, ascending."""
    @property
    def counts(self) -> list[int]:
        """Responses per point (unweighted counts)."""
    @property
    def shares(self) -> list[float]:
        """Share per point, 0…1, weighted when weighted; sums to 1."""
    @property
    def n(self) -> int:
        """Valid responses used (unweighted count)."""
    @property
    def missing(self) -> int:
        """Missing inputs (None / NaN / pd.NA / null), excluded from every denominator."""
    @property
    def invalid(self) -> int:
        """Invalid inputs skipped under ``on_invalid="skip"``."""
    @property
    def sum_weights(self) -> float:
        """Σw of the valid responses (``n`` when unweighted)."""
    @property
    def n_eff(self) -> float:
        """Kish effective sample size (Σw)²/Σw² (``n`` when unweighted)."""
    @property
    def weighted(self) -> bool:
        """Whether weights were given."""
    def to_dict(self) -> dict[str, Any]:
        """The fields as a new ``dict`` (field name → value), in declaration order."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def _repr_html_(self) -> str:
        """The display as HTML, written by the core: a compact table (value, default interval
        with its method and level, counts, the convention used) and the chart as
        ``<img src="data:image/svg+xml;base64,…" alt="…">``. No scripts, no external requests."""
    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> dict[str, str]:
        """``{"text/plain": repr(self), "text/html": self._repr_html_()}``, less the MIME
        types not in ``include`` / in ``exclude``."""
    def to_vega_lite(self) -> dict[str, Any]:
        """A Vega-Lite v5 specification (a new ``dict``) with the result's numbers inlined
        under their field names, for Altair (``alt.Chart.from_dict(...)``) or any Vega-Lite
        renderer."""
    def to_svg(self) -> str:
        """The chart as standalone SVG text: one bar per scale point, the top and bottom boxes coloured."""

@overload
def nps(scores: Tally, *, buckets: _Buckets | None = None) -> NpsResult:
    """Net Promoter Score of a :class:`Tally` (leave scale / weights / on_invalid unset)."""

@overload
def nps(
    scores: _Scores,
    *,
    scale: _ScaleLike | None = None,
    weights: _Weights | None = None,
    on_invalid: _OnInvalid = "error",
    buckets: _Buckets | None = None,
) -> NpsResult:
    """Net Promoter Score, in points (−100…100).

    Standard buckets on the 0–10 scale: detractors 0–6, passives 7–8, promoters 9–10.
    ``score = 100 × (Σw[promoters] − Σw[detractors]) / Σw``. Nothing is rounded.

    Args:
        scores: list / tuple (None, NaN = missing), numpy array of any integer or
            float dtype (zero-copy when contiguous), pandas / polars Series, or a Tally.
        scale: the response scale (default 0–10). Any other scale needs ``buckets``.
        weights: optional per-response weights (floats >= 0).
        on_invalid: ``"error"`` (default) or ``"skip"``.
        buckets: ``(detractor_max, promoter_min)`` or a dict with those keys, inclusive.

    Raises:
        CxMetricsError: ``empty``, ``scale_mismatch`` (not 0–10 without buckets),
            ``out_of_scale`` / ``not_integer`` / ``not_finite`` (with ``index``),
            ``invalid_weight``, ``length_mismatch``, ``invalid_argument``, ``invalid_scale``.
        TypeError: for a container or value that is not numeric.

    >>> import cxmetrics as cx
    >>> r = cx.nps([10, 9, 9, 8, 7, 3, None])
    >>> r.score == 100 / 3, r.n, r.missing
    (True, 6, 1)
    """

@overload
def csat(
    scores: Tally,
    *,
    method: _CsatMethod = "top_box",
    threshold: int | None = None,
    bottom_threshold: int | None = None,
) -> CsatResult:
    """CSAT of a :class:`Tally` (leave scale / weights / on_invalid unset)."""

@overload
def csat(
    scores: _Scores,
    *,
    scale: _ScaleLike | None = None,
    method: _CsatMethod = "top_box",
    threshold: int | None = None,
    bottom_threshold: int | None = None,
    weights: _Weights | None = None,
    on_invalid: _OnInvalid = "error",
) -> CsatResult:
    """Customer satisfaction score by an explicit method.

    - ``"top_box"`` (default): ``100 × share(score >= threshold)``, threshold ``max - 1``.
    - ``"mean"``: the mean score, in scale units.
    - ``"percent_of_max"``: ``100 × Σscore / (n × max)`` (needs ``min >= 0``).
    - ``"net"``: ``100 × (share(>= threshold) − share(<= bottom_threshold))``,
      bottom_threshold ``min + 1``.

    Args:
        scores: list, tuple, numpy array, pandas / polars Series, or a Tally.
        scale: the response scale (default 1–5).
        method: the formula.
        threshold: lowest satisfied score, inclusive (top_box, net).
        bottom_threshold: highest dissatisfied score, inclusive (net).
        weights: optional per-response weights.
        on_invalid: ``"error"`` (default) or ``"skip"``.

    Raises:
        CxMetricsError: ``empty``, ``invalid_argument`` (method, thresholds),
            ``scale_mismatch`` (percent_of_max with a negative minimum), data errors.
        TypeError: for a container or value that is not numeric.

    >>> import cxmetrics as cx
    >>> cx.csat([5, 4, 3, 2, 5]).score, cx.csat([5, 4, 3, 2, 5], method="mean").score
    (60.0, 3.8)
    """

@overload
def ces(
    scores: Tally,
    *,
    higher_is_better: bool,
    method: _CesMethod = "mean",
    threshold: int | None = None,
) -> CesResult:
    """CES of a :class:`Tally` (leave scale / weights / on_invalid unset)."""

@overload
def ces(
    scores: _Scores,
    *,
    scale: _ScaleLike,
    higher_is_better: bool,
    method: _CesMethod = "mean",
    threshold: int | None = None,
    weights: _Weights | None = None,
    on_invalid: _OnInvalid = "error",
) -> CesResult:
    """Customer Effort Score with an explicit scale and polarity (both required).

    - ``"mean"`` (default): the mean score, in scale units.
    - ``"percent_agree"``: ``100 × share(easy)``; easy is ``>= threshold`` when higher
      is better, else ``<= threshold``.
    - ``"net_effort"``: ``100 × (share(easy) − share(difficult))``, difficult being the
      mirror of the easy side.

    Default threshold: the first point strictly beyond the midpoint on the easy side
    (1–7 higher-is-better → 5; 1–5 → 4; 1–5 lower-is-better → 2).

    Raises:
        CxMetricsError: ``empty``, ``invalid_argument`` (method, threshold), data errors.
        TypeError: when ``scale`` or ``higher_is_better`` is missing, or for non-numeric input.

    >>> import cxmetrics as cx
    >>> cx.ces([7, 6, 5, 4, 2], scale=(1, 7), higher_is_better=True).score
    4.8
    """

@overload
def mean(scores: Tally) -> MeanResult:
    """Mean of a :class:`Tally`."""

@overload
def mean(
    scores: _Scores,
    *,
    scale: _ScaleLike,
    weights: _Weights | None = None,
    on_invalid: _OnInvalid = "error",
) -> MeanResult:
    """Mean score in scale units, with its sample standard deviation (n − 1).

    Raises:
        CxMetricsError: ``empty``, ``invalid_weight``, data errors.
        TypeError: when ``scale`` is missing, or for non-numeric input.

    >>> import cxmetrics as cx
    >>> cx.mean([1, 2, 3, 4, 5], scale=(1, 5)).score
    3.0
    """

@overload
def top_box(scores: Tally, *, threshold: int | None = None) -> BoxResult:
    """Top box of a :class:`Tally`."""

@overload
def top_box(
    scores: _Scores,
    *,
    scale: _ScaleLike,
    threshold: int | None = None,
    weights: _Weights | None = None,
    on_invalid: _OnInvalid = "error",
) -> BoxResult:
    """Percent of responses at or above ``threshold`` (default ``max - 1``).

    Raises:
        CxMetricsError: ``empty``, ``invalid_argument`` (threshold off the scale), data errors.
        TypeError: when ``scale`` is missing, or for non-numeric input.

    >>> import cxmetrics as cx
    >>> cx.top_box([5, 4, 3, 1], scale=(1, 5)).score
    50.0
    """

@overload
def bottom_box(scores: Tally, *, threshold: int | None = None) -> BoxResult:
    """Bottom box of a :class:`Tally`."""

@overload
def bottom_box(
    scores: _Scores,
    *,
    scale: _ScaleLike,
    threshold: int | None = None,
    weights: _Weights | None = None,
    on_invalid: _OnInvalid = "error",
) -> BoxResult:
    """Percent of responses at or below ``threshold`` (default ``min + 1``).

    Raises:
        CxMetricsError: ``empty``, ``invalid_argument`` (threshold off the scale), data errors.
        TypeError: when ``scale`` is missing, or for non-numeric input.

    >>> import cxmetrics as cx
    >>> cx.bottom_box([5, 4, 2, 1], scale=(1, 5)).score
    50.0
    """

@overload
def distribution(scores: Tally) -> Distribution:
    """Distribution of a :class:`Tally`."""

@overload
def distribution(
    scores: _Scores,
    *,
    scale: _ScaleLike,
    weights: _Weights | None = None,
    on_invalid: _OnInvalid = "error",
) -> Distribution:
    """The distribution of responses over the scale's points (``shares[k] = Σw[k] / Σw``).

    Raises:
        CxMetricsError: ``empty``, ``invalid_weight``, data errors.
        TypeError: when ``scale`` is missing, or for non-numeric input.

    >>> import cxmetrics as cx
    >>> cx.distribution([1, 1, 0, 1], scale=(0, 1)).shares
    [0.25, 0.75]
    """

@final
class Interval:
    """A confidence interval: ``lower``, ``upper`` (in the unit of its score), the
    ``level`` and the ``method`` that produced it.

    Returned by every result's ``interval()`` and by :func:`proportion_interval` and
    :func:`nps_interval`. Immutable; iterating yields ``lower`` then ``upper``.

    >>> import cxmetrics as cx
    >>> ci = cx.nps_interval(50, 30, 20)
    >>> round(ci.lower, 2), round(ci.upper, 2), ci.level, ci.method
    (14.05, 44.2, 0.95, 'adjusted_wald')
    >>> lo, hi = ci
    >>> lo == ci.lower and hi == ci.upper
    True
    """

    @property
    def lower(self) -> float:
        """Lower limit, in the unit of the score (points, percent or scale units)."""
    @property
    def upper(self) -> float:
        """Upper limit, in the unit of the score."""
    @property
    def level(self) -> float:
        """Confidence level, strictly between 0 and 1."""
    @property
    def method(self) -> _IntervalMethod:
        """The method that produced it."""
    def to_dict(self) -> dict[str, Any]:
        """The fields as a new ``dict``: ``lower``, ``upper``, ``level``, ``method``."""
    def __iter__(self) -> Iterator[float]:
        """Yields ``lower`` then ``upper`` (``lo, hi = r.interval()``)."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def _repr_html_(self) -> str:
        """The display as HTML, written by the core: a compact table (value, default interval
        with its method and level, counts, the convention used). No scripts, no external requests."""
    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> dict[str, str]:
        """``{"text/plain": repr(self), "text/html": self._repr_html_()}``, less the MIME
        types not in ``include`` / in ``exclude``."""
    def to_vega_lite(self) -> dict[str, Any]:
        """A Vega-Lite v5 specification (a new ``dict``) with the result's numbers inlined
        under their field names, for Altair (``alt.Chart.from_dict(...)``) or any Vega-Lite
        renderer."""

@final
class Comparison:
    """The comparison ``a − b`` of two independent groups (returned by :func:`compare`).

    >>> import cxmetrics as cx
    >>> a = cx.nps([10] * 50 + [8] * 30 + [3] * 20)
    >>> b = cx.nps([10] * 40 + [8] * 30 + [3] * 30)
    >>> c = cx.compare(a, b, method="wald")
    >>> round(c.difference, 6), round(c.statistic, 4), round(c.p_value, 4), c.df
    (20.0, 1.7541, 0.0794, None)
    """

    @property
    def difference(self) -> float:
        """``score(a) − score(b)`` in the metric's unit (raw scores, not adjusted ones)."""
    @property
    def lower(self) -> float:
        """Lower limit of the interval for the difference."""
    @property
    def upper(self) -> float:
        """Upper limit of the interval for the difference."""
    @property
    def statistic(self) -> float:
        """The test statistic: z, or t for ``"welch"``."""
    @property
    def p_value(self) -> float:
        """Two-sided p-value of "no difference"."""
    @property
    def df(self) -> float | None:
        """Degrees of freedom of a t statistic (Welch–Satterthwaite); ``None`` for z tests."""
    @property
    def method(self) -> _CompareMethod:
        """The method used."""
    @property
    def level(self) -> float:
        """Confidence level of the interval."""
    def to_dict(self) -> dict[str, Any]:
        """The fields as a new ``dict`` (field name → value), in declaration order."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def _repr_html_(self) -> str:
        """The display as HTML, written by the core: a compact table (value, default interval
        with its method and level, counts, the convention used). No scripts, no external requests."""
    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> dict[str, str]:
        """``{"text/plain": repr(self), "text/html": self._repr_html_()}``, less the MIME
        types not in ``include`` / in ``exclude``."""
    def to_vega_lite(self) -> dict[str, Any]:
        """A Vega-Lite v5 specification (a new ``dict``) with the result's numbers inlined
        under their field names, for Altair (``alt.Chart.from_dict(...)``) or any Vega-Lite
        renderer."""

@final
class PairedNpsResult:
    """The NPS change of the same respondents, ``after − before`` (returned by
    :func:`paired_nps`), tested with a paired t test.

    >>> import cxmetrics as cx
    >>> r = cx.paired_nps([6, 7, 9, 3, 8, 10], [9, 8, 9, 6, 9, 10])
    >>> round(r.difference, 9), r.n, r.missing, r.df, r.method
    (50.0, 6, 0, 5.0, 'paired_t')
    """

    @property
    def difference(self) -> float:
        """NPS(after) − NPS(before), in points."""
    @property
    def lower(self) -> float:
        """Lower limit of the interval for the difference (clamped to −200)."""
    @property
    def upper(self) -> float:
        """Upper limit of the interval for the difference (clamped to 200)."""
    @property
    def statistic(self) -> float:
        """The paired t statistic."""
    @property
    def p_value(self) -> float:
        """Two-sided p-value of "no change"."""
    @property
    def df(self) -> float:
        """Degrees of freedom, ``n − 1``."""
    @property
    def method(self) -> Literal["paired_t"]:
        """Always ``"paired_t"``."""
    @property
    def level(self) -> float:
        """Confidence level of the interval."""
    @property
    def n(self) -> int:
        """Pairs used (both answers present)."""
    @property
    def missing(self) -> int:
        """Pairs dropped because one or both answers were missing."""
    def to_dict(self) -> dict[str, Any]:
        """The fields as a new ``dict`` (field name → value), in declaration order."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def _repr_html_(self) -> str:
        """The display as HTML, written by the core: a compact table (value, default interval
        with its method and level, counts, the convention used). No scripts, no external requests."""
    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> dict[str, str]:
        """``{"text/plain": repr(self), "text/html": self._repr_html_()}``, less the MIME
        types not in ``include`` / in ``exclude``."""
    def to_vega_lite(self) -> dict[str, Any]:
        """A Vega-Lite v5 specification (a new ``dict``) with the result's numbers inlined
        under their field names, for Altair (``alt.Chart.from_dict(...)``) or any Vega-Lite
        renderer."""

@final
class MeanOfResult:
    """The mean of a continuous measure with its sample standard deviation (returned by
    :func:`mean_of`). ``interval()`` is the t interval; :func:`compare` of two is Welch.

    >>> import cxmetrics as cx
    >>> r = cx.mean_of([12.5, 30.0, None, 17.5])
    >>> r.score, r.n, r.missing
    (20.0, 3, 1)
    """

    @property
    def score(self) -> float:
        """The (weighted) mean, in the values' unit."""
    @property
    def std_dev(self) -> float | None:
        """Sample standard deviation (n − 1 denominator; weighted: Kish-corrected), ``None`` when ``n_eff <= 1``."""
    @property
    def n(self) -> int:
        """Values used (unweighted count)."""
    @property
    def missing(self) -> int:
        """Missing values (None / NaN), left out."""
    @property
    def sum_weights(self) -> float:
        """Σw of the values used (``n`` when unweighted)."""
    @property
    def n_eff(self) -> float:
        """Kish effective sample size (Σw)²/Σw² (``n`` when unweighted)."""
    @property
    def weighted(self) -> bool:
        """Whether weights were given."""
    def interval(self, level: float = 0.95, *, method: Literal["t"] | None = None) -> Interval:
        """The t confidence interval for ``score`` (not clamped).

        Raises:
            CxMetricsError: ``insufficient_data`` when ``n_eff <= 1``.
        """
    def margin_of_error(self, level: float = 0.95) -> float:
        """The half-width of the t interval."""
    def to_dict(self) -> dict[str, Any]:
        """The fields as a new ``dict`` (field name → value), in declaration order."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

def mean_of(values: _Floats, *, weights: _Weights | None = None) -> MeanOfResult:
    """The mean of a continuous measure (spend per customer, time-on-task), optionally
    weighted, with its t interval; :func:`compare` two results for Welch's t test.

    Unlike :func:`mean` (integer points of a response scale) the values may be any finite
    numbers; None / NaN is missing.

    Raises:
        CxMetricsError: ``not_finite`` for ±∞ (with its ``index``); ``invalid_weight``;
            ``length_mismatch``; ``empty``; ``invalid_argument`` when the sums overflow.
        TypeError: for a container or value that is not numeric.

    >>> import cxmetrics as cx
    >>> c = cx.compare(cx.mean_of([0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]),
    ...                cx.mean_of([1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]))
    >>> c.method, round(c.statistic, 4), round(c.df, 3), round(c.p_value, 5)
    ('welch', -1.8608, 17.776, 0.07939)
    """

_Estimated = (
    NpsResult
    | CsatResult
    | CesResult
    | MeanResult
    | BoxResult
    | FcrResult
    | AhtResult
    | RateResult
    | ChurnResult
    | MeanOfResult
)
"""Results that carry an inference estimate (``interval()``, ``compare()``)."""

def compare(a: _Estimated, b: _Estimated, *, level: float = 0.95, method: _CompareMethod | None = None) -> Comparison:
    """Compares two independent groups: ``a − b``, with an interval, a statistic and a p-value.

    ``a`` and ``b`` must be of the same kind: two net scores (default ``"adjusted_wald"``,
    or ``"wald"``), two proportions (default ``"pooled_z"`` with the Newcombe interval;
    ``"wald"``, ``"agresti_caffo"``, or ``"score"``, the Miettinen–Nurminen score test and
    interval) or two means (``"welch"``). For the same respondents measured twice use
    :func:`paired_nps`.

    Raises:
        CxMetricsError: ``invalid_argument`` for a bad level, results of different kinds or
            a method that does not apply; ``insufficient_data`` for a mean of one response,
            or two groups with zero variance and different values (for proportions only
            ``"wald"``, 0 % against 100 %).
        TypeError: when ``a`` or ``b`` is not a result.

    >>> import cxmetrics as cx
    >>> a = cx.top_box([5] * 70 + [1] * 30, scale=(1, 5))
    >>> b = cx.top_box([5] * 60 + [1] * 40, scale=(1, 5))
    >>> c = cx.compare(a, b)
    >>> c.method, round(c.difference, 9), round(c.p_value, 4)
    ('pooled_z', 10.0, 0.1382)
    >>> s = cx.compare(a, b, method="score")
    >>> s.method, round(s.lower, 4), round(s.upper, 4)
    ('score', -3.2584, 22.9481)
    """

def paired_nps(before: _Scores, after: _Scores, *, level: float = 0.95) -> PairedNpsResult:
    """Paired NPS change for the same respondents, ``after − before``, on the 0–10 scale.

    Each answer is coded +1 / 0 / −1 (promoter / passive / detractor); the change is
    100 × the mean per-respondent difference, tested with a paired t test (df = n − 1).
    Pairs with a missing answer are dropped and counted in ``missing``; everyone unchanged
    gives difference 0, statistic 0, p-value 1.

    Raises:
        CxMetricsError: ``length_mismatch``; ``out_of_scale`` / ``not_integer`` /
            ``not_finite`` (with ``index``); ``insufficient_data`` (fewer than 2 pairs, or
            everyone changed by the same non-zero amount); ``invalid_argument`` (level).
        TypeError: for a container or value that is not numeric.

    >>> import cxmetrics as cx
    >>> r = cx.paired_nps([6, 7, 9, 3, None], [9, 8, 9, 6, 10])
    >>> r.difference, r.n, r.missing
    (50.0, 4, 1)
    """

def proportion_interval(
    successes: int, n: int, *, level: float = 0.95, method: _ProportionIntervalMethod | None = None
) -> Interval:
    """A confidence interval for ``successes`` out of ``n``, in percent (Wilson by default).

    Raises:
        CxMetricsError: ``empty`` when ``n == 0``; ``invalid_argument`` when ``successes > n``,
            a count is negative, the level is bad or the method is not a proportion method.
        TypeError: for a count that is not an int.

    >>> import cxmetrics as cx
    >>> ci = cx.proportion_interval(70, 100)
    >>> round(ci.lower, 2), round(ci.upper, 2), ci.method
    (60.42, 78.11, 'wilson')
    """

def nps_interval(
    promoters: int,
    passives: int,
    detractors: int,
    *,
    level: float = 0.95,
    method: _NetIntervalMethod | None = None,
) -> Interval:
    """A confidence interval for the NPS of promoter / passive / detractor counts, in points.

    Adjusted Wald by default (n + 3, +¾ promoters and detractors), or ``"wald"``; clamped
    to [−100, 100].

    Raises:
        CxMetricsError: ``empty`` when all counts are 0; ``invalid_argument`` for a negative
            count, a bad level or a method that is not a net-score method.
        TypeError: for a count that is not an int.

    >>> import cxmetrics as cx
    >>> ci = cx.nps_interval(50, 30, 20)
    >>> round(ci.lower, 2), round(ci.upper, 2)
    (14.05, 44.2)
    """

def sample_size_nps(margin: float, *, level: float = 0.95, variance: float = 1.0) -> int:
    """Respondents needed for an NPS margin of error of ``margin`` points.

    ``n = ⌈z² σ² / (margin/100)² − 3⌉`` (at least 1); σ² = 1 is the worst case.

    Raises:
        CxMetricsError: ``invalid_argument`` for margin <= 0, a bad level or σ² outside (0, 1].

    >>> import cxmetrics as cx
    >>> cx.sample_size_nps(5), cx.sample_size_nps(5, variance=0.61)
    (1534, 935)
    """

def sample_size_proportion(margin: float, *, level: float = 0.95, p: float = 50.0) -> int:
    """Respondents needed for a proportion's margin of error of ``margin`` percentage points.

    ``n = ⌈z² p(1 − p) / (margin/100)²⌉`` (at least 1), p in percent (50 = worst case).

    Raises:
        CxMetricsError: ``invalid_argument`` for margin <= 0, p outside (0, 100) or a bad level.

    >>> import cxmetrics as cx
    >>> cx.sample_size_proportion(5)
    385
    """

def sample_size_mean(margin: float, *, sd: float, level: float = 0.95) -> int:
    """Respondents needed for a mean's margin of error of ``margin`` scale units.

    ``n = ⌈(z · sd / margin)²⌉`` (at least 1).

    Raises:
        CxMetricsError: ``invalid_argument`` for margin or sd <= 0, or a bad level.

    >>> import cxmetrics as cx
    >>> cx.sample_size_mean(0.1, sd=1.0)
    385
    """

def sample_size_nps_difference(
    difference: float, *, level: float = 0.95, power: float = 0.8, variance: float = 1.0
) -> int:
    """Respondents needed *per group* to detect an NPS difference of ``difference`` points.

    ``n = ⌈2σ²(z₁₋α/₂ + z_power)² / (difference/100)² − 3⌉`` (at least 1).

    Raises:
        CxMetricsError: ``invalid_argument`` for difference <= 0, power or level outside
            (0, 1), or σ² outside (0, 1].

    >>> import cxmetrics as cx
    >>> cx.sample_size_nps_difference(10)
    1567
    """

def sample_size_proportion_difference(p1: float, p2: float, *, level: float = 0.95, power: float = 0.8) -> int:
    """Respondents needed *per group* to detect proportions ``p1`` vs ``p2`` (percent).

    ``n = ⌈(z₁₋α/₂ √(2p̄q̄) + z_power √(p₁q₁ + p₂q₂))² / (p₁ − p₂)²⌉`` (at least 1).

    Raises:
        CxMetricsError: ``invalid_argument`` for p outside (0, 100), ``p1 == p2``, or power /
            level outside (0, 1).

    >>> import cxmetrics as cx
    >>> cx.sample_size_proportion_difference(70, 80)
    294
    """

def adjust_p_values(p_values: _Floats, *, method: _PAdjust = "holm") -> list[float]:
    """P-values adjusted for multiple comparisons (Holm, or Benjamini–Hochberg ``"bh"``),
    in the input's order.

    Raises:
        CxMetricsError: ``invalid_argument`` for a p-value outside [0, 1] or NaN (with its
            ``index``) or an unknown method.

    >>> import cxmetrics as cx
    >>> cx.adjust_p_values([0.01, 0.04, 0.03])
    [0.03, 0.06, 0.06]
    """

@final
class Schedule:
    """A business calendar: an IANA time zone, weekly opening windows and holiday dates.

    Durations on a schedule count only the seconds inside an opening window, per local
    day in the schedule's zone, so they stay right across daylight-saving changes.

    Rules: ``end <= start`` runs past midnight, ``end == start`` is 24 h. A boundary in a
    spring-forward gap is the first instant the clock reads at or after it; one that
    happens twice at fall-back is its first occurrence. A holiday closes every window that
    starts on that date. Open windows are half-open ``[open, close)``.

    Args:
        time_zone: an IANA name such as ``"America/New_York"`` (a tz database is built in).
        windows: ``(weekday, start, end)``; weekday ``"mon"`` … ``"sun"`` (any case, or the
            full name) or 0 = Monday … 6 = Sunday; times ``"HH:MM"``, ``"HH:MM:SS"`` or a
            ``datetime.time``.
        holidays: ``"YYYY-MM-DD"`` strings or ``datetime.date`` objects.

    Raises:
        CxMetricsError: ``unknown_time_zone``, ``empty_schedule``, ``overlapping_windows``;
            ``invalid_argument`` (with ``index``) for a bad weekday, time or date.
        TypeError: for values of the wrong type.

    >>> import cxmetrics as cx
    >>> days = ["mon", "tue", "wed", "thu", "fri"]
    >>> s = cx.Schedule("America/New_York", [(d, "09:00", "17:00") for d in days], ["2026-12-25"])
    >>> s.business_seconds("2026-03-06T16:00:00-05:00", "2026-03-09T10:00:00-04:00")
    7200.0
    """

    def __init__(
        self,
        time_zone: str,
        windows: Iterable[tuple[_WindowDay, _WindowTime, _WindowTime] | Sequence[_WindowDay | _WindowTime]],
        holidays: Iterable[_Holiday] = (),
    ) -> None: ...
    @property
    def time_zone(self) -> str:
        """The IANA name of the schedule's time zone, as given."""
    def business_seconds(self, start: _Instant, end: _Instant) -> float:
        """Business seconds between two instants (``out_of_order`` when ``end < start``).

        >>> import cxmetrics as cx
        >>> s = cx.Schedule("Europe/Berlin", [("mon", "09:00", "17:00")], ["2026-12-28"])
        >>> s.business_seconds("2026-12-21T08:00:00+01:00", "2026-12-29T12:00:00+01:00")
        28800.0
        """
    def __reduce__(self) -> tuple[Any, tuple[str, list[tuple[int, str, str]], list[str]]]:
        """Pickling: the constructor's arguments (a schedule travels to Spark executors)."""
    def add_business(self, start: _Instant, seconds: _Seconds) -> datetime.datetime:
        """The instant ``seconds`` business seconds after ``start`` (aware, UTC).

        A deadline that lands on a closing time is that closing time; ``seconds = 0``
        gives the first open instant at or after ``start``.

        Raises:
            CxMetricsError: ``invalid_argument`` for negative or non-finite seconds, or no
                opening time in the next ten years.

        >>> import cxmetrics as cx
        >>> s = cx.Schedule("UTC", [(d, "09:00", "17:00") for d in ("thu", "fri", "mon")])
        >>> s.add_business("2026-11-26T15:00:00Z", 8 * 3600)
        datetime.datetime(2026, 11, 27, 15, 0, tzinfo=datetime.timezone.utc)
        """

@final
class Tickets:
    """Tickets for the service metrics, validated once and used by every metric.

    Columns (this constructor): one entry per ticket in each column — lists, numpy
    arrays, pandas or polars columns. ``final_solved`` is the latest solve of a ticket
    resolved now (``None`` while open); ``first_reopened`` the first reopen after the first
    solve; ``paused`` lists ``(ticket_index, start, end)`` (overlaps merged). Columns hold
    one reopen: the solved period is ``[first_solved, first_reopened)``. Or use
    :meth:`from_records`, which keeps every solve and reopen.

    Instants: aware datetimes, pandas Timestamps / tz-aware columns, numpy datetime64
    (UTC), ISO 8601 strings with an offset; None / NaT / NaN = absent. Naive datetimes
    (and naive pandas / polars columns) need ``tz``.

    Raises:
        CxMetricsError: ``out_of_order`` (with the ticket's ``index``; the same validation
            as :meth:`from_records`, plus a ``final_solved`` that must follow
            ``first_solved`` and ``first_reopened``), ``length_mismatch``,
            ``invalid_argument`` (naive datetime without ``tz``, string without offset,
            missing ``created``, bad count; with ``index``), ``unknown_time_zone``.
        TypeError: for values of the wrong type.

    >>> import cxmetrics as cx
    >>> t = cx.Tickets(["2026-11-02T09:00:00Z", "2026-11-02T10:00:00Z"],
    ...                first_response=["2026-11-02T09:30:00Z", None], priority=["high", "low"])
    >>> len(t), cx.first_response_time(t).median
    (2, 1800.0)
    """

    def __init__(
        self,
        created: _Instants,
        *,
        first_response: _Instants | None = None,
        first_solved: _Instants | None = None,
        final_solved: _Instants | None = None,
        first_reopened: _Instants | None = None,
        agent_replies: _Counts | None = None,
        customer_followups: _Counts | None = None,
        paused: Iterable[tuple[int, _Instant, _Instant]] | None = None,
        channel: _Labels | None = None,
        priority: _Labels | None = None,
        tz: str | None = None,
    ) -> None: ...
    @classmethod
    def from_records(cls, records: Iterable[_TicketRecord | Mapping[str, Any]], *, tz: str | None = None) -> Tickets:
        """Tickets from records: one dict per ticket.

        Keys (only ``created`` required; None = absent): ``created``, ``first_response``,
        ``solved`` (every solve), ``reopened`` (every reopen), ``agent_replies``,
        ``customer_followups`` (default 0), ``paused`` (``(start, end)`` pairs),
        ``channel``, ``priority``. Resolved = solved, and the last solve after the last
        reopen; each reopen must follow a solve (``out_of_order``). An unknown key is
        ``invalid_argument`` with the record's ``index``.

        >>> import cxmetrics as cx
        >>> t = cx.Tickets.from_records([{"created": "2026-11-02T09:00:00Z",
        ...     "solved": ["2026-11-02T10:00:00Z", "2026-11-02T12:00:00Z"], "reopened": ["2026-11-02T11:00:00Z"]}])
        >>> cx.resolution_time(t).median, cx.resolution_time(t, kind="first").median
        (10800.0, 3600.0)
        """
    def __len__(self) -> int:
        """The number of tickets."""

@final
class DurationSummary:
    """A summary of ticket durations in seconds, open tickets counted and censored.

    ``n``, ``mean``, the percentiles, ``min``, ``max``: completed tickets; ``open``: the
    rest; ``km_median``: Kaplan–Meier median with the open tickets censored.

    >>> import cxmetrics as cx
    >>> t = cx.Tickets(["2026-11-02T09:00:00Z"] * 3,
    ...                first_response=["2026-11-02T09:10:00Z", "2026-11-02T09:30:00Z", None])
    >>> s = cx.first_response_time(t)
    >>> s.n, s.open, s.median, s.percentile(0.25), s.clock
    (2, 1, 1200.0, 900.0, 'calendar')
    """

    @property
    def n(self) -> int:
        """Completed durations."""
    @property
    def open(self) -> int:
        """Tickets still open for this metric (censored; only in ``km_median``)."""
    @property
    def mean(self) -> float:
        """Mean of the completed durations, seconds."""
    @property
    def median(self) -> float:
        """Median of the completed durations (linear interpolation), seconds."""
    @property
    def p90(self) -> float:
        """90th percentile of the completed durations (linear interpolation), seconds."""
    @property
    def min(self) -> float:
        """Shortest completed duration, seconds."""
    @property
    def max(self) -> float:
        """Longest completed duration, seconds."""
    @property
    def km_median(self) -> float | None:
        """Kaplan–Meier median with open tickets censored; ``None`` while fewer than half
        are known to have finished."""
    @property
    def clock(self) -> Literal["calendar", "business"]:
        """``"calendar"`` or ``"business"``."""
    def percentile(self, q: float) -> float:
        """The ``q``-quantile of the completed durations, ``q`` in [0, 1] (linear,
        numpy's default); ``invalid_argument`` outside [0, 1]."""
    @staticmethod
    def from_durations(
        done: Sequence[float] | npt.NDArray[np.floating[Any]] | _ToNumpy,
        open: Sequence[float] | npt.NDArray[np.floating[Any]] | _ToNumpy | None = (),
        *,
        clock: Literal["calendar", "business"] = "calendar",
    ) -> DurationSummary:
        """The summary of completed durations ``done`` and the elapsed times ``open`` of
        tickets still open (censored), in seconds — rebuilt from durations computed
        elsewhere (e.g. :func:`ticket_spans` on batches, against one ``as_of``). Order does
        not matter.

        Raises:
            CxMetricsError: ``empty`` when ``done`` is empty; ``invalid_argument`` (with
                ``index``) for a negative or non-finite duration, or another clock.
            TypeError: for values that are not numbers.

        >>> import cxmetrics as cx
        >>> s = cx.DurationSummary.from_durations([60.0, 120.0, 180.0, 240.0], [30.0, 500.0])
        >>> s.n, s.open, s.median, s.km_median
        (4, 2, 150.0, 180.0)
        """
    def to_dict(self) -> dict[str, Any]:
        """The fields as a new ``dict`` (field name → value), in declaration order."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def _repr_html_(self) -> str:
        """The display as HTML, written by the core: a compact table (value, default interval
        with its method and level, counts, the convention used) and the chart as
        ``<img src="data:image/svg+xml;base64,…" alt="…">``. No scripts, no external requests."""
    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> dict[str, str]:
        """``{"text/plain": repr(self), "text/html": self._repr_html_()}``, less the MIME
        types not in ``include`` / in ``exclude``."""
    def to_vega_lite(self) -> dict[str, Any]:
        """A Vega-Lite v5 specification (a new ``dict``) with the result's numbers inlined
        under their field names, for Altair (``alt.Chart.from_dict(...)``) or any Vega-Lite
        renderer."""
    def to_svg(self) -> str:
        """The chart as standalone SVG text: min–max line, median–p90 box, mean and Kaplan–Meier median."""

@final
class FcrResult:
    """First contact resolution rate, in percent (returned by :func:`fcr`).

    >>> import cxmetrics as cx
    >>> t = cx.Tickets.from_records([
    ...     {"created": "2026-11-02T09:00:00Z", "solved": ["2026-11-02T09:20:00Z"], "agent_replies": 1},
    ...     {"created": "2026-11-02T09:00:00Z", "solved": ["2026-11-02T11:00:00Z"], "agent_replies": 3},
    ... ])
    >>> r = cx.fcr(t)
    >>> r.score, r.count, r.n, r.denominator
    (50.0, 1, 2, 'resolved')
    """

    @property
    def score(self) -> float:
        """Percent of the denominator resolved on first contact, 0…100."""
    @property
    def count(self) -> int:
        """Tickets resolved on first contact."""
    @property
    def n(self) -> int:
        """Tickets in the denominator."""
    @property
    def denominator(self) -> Literal["resolved", "created"]:
        """The denominator used."""
    def interval(self, level: float = 0.95, *, method: _ProportionIntervalMethod | None = None) -> Interval:
        """A confidence interval for ``score``, in percent (Wilson by default)."""
    def margin_of_error(self, level: float = 0.95) -> float:
        """The half-width of the Wilson interval, in percentage points."""
    def to_dict(self) -> dict[str, Any]:
        """The fields as a new ``dict`` (field name → value), in declaration order."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def _repr_html_(self) -> str:
        """The display as HTML, written by the core: a compact table (value, default interval
        with its method and level, counts, the convention used). No scripts, no external requests."""
    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> dict[str, str]:
        """``{"text/plain": repr(self), "text/html": self._repr_html_()}``, less the MIME
        types not in ``include`` / in ``exclude``."""
    def to_vega_lite(self) -> dict[str, Any]:
        """A Vega-Lite v5 specification (a new ``dict``) with the result's numbers inlined
        under their field names, for Altair (``alt.Chart.from_dict(...)``) or any Vega-Lite
        renderer."""

@final
class AhtResult:
    """Average handle time and its components, in seconds (returned by :func:`handle_time`).

    >>> import cxmetrics as cx
    >>> r = cx.handle_time([300, 420, None], hold=[60, 0, 10], wrap=[120, 60, 30])
    >>> r.score, r.n, r.missing
    (480.0, 2, 1)
    """

    @property
    def score(self) -> float:
        """Mean handle time (talk + hold + wrap-up), seconds."""
    @property
    def n(self) -> int:
        """Contacts used."""
    @property
    def missing(self) -> int:
        """Contacts with a missing (None / NaN) component, left out."""
    @property
    def talk(self) -> float:
        """Mean talk time, seconds."""
    @property
    def hold(self) -> float:
        """Mean hold time, seconds (0 when ``hold`` was not given)."""
    @property
    def wrap(self) -> float:
        """Mean wrap-up time, seconds (0 when ``wrap`` was not given)."""
    @property
    def std_dev(self) -> float | None:
        """Sample standard deviation of handle time (n − 1); ``None`` for one contact."""
    def interval(self, level: float = 0.95, *, method: Literal["t"] | None = None) -> Interval:
        """A t confidence interval for ``score``, in seconds (clamped at 0).

        Raises:
            CxMetricsError: ``insufficient_data`` for one contact.
        """
    def margin_of_error(self, level: float = 0.95) -> float:
        """The half-width of the t interval, in seconds."""
    def to_dict(self) -> dict[str, Any]:
        """The fields as a new ``dict`` (field name → value), in declaration order."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def _repr_html_(self) -> str:
        """The display as HTML, written by the core: a compact table (value, default interval
        with its method and level, counts, the convention used). No scripts, no external requests."""
    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> dict[str, str]:
        """``{"text/plain": repr(self), "text/html": self._repr_html_()}``, less the MIME
        types not in ``include`` / in ``exclude``."""
    def to_vega_lite(self) -> dict[str, Any]:
        """A Vega-Lite v5 specification (a new ``dict``) with the result's numbers inlined
        under their field names, for Altair (``alt.Chart.from_dict(...)``) or any Vega-Lite
        renderer."""

@final
class SlaRow:
    """One row of an SLA report: a priority, or the overall row (see :func:`sla`).

    >>> import cxmetrics as cx
    >>> t = cx.Tickets(["2026-11-02T09:00:00Z"] * 2, priority=["high", "high"],
    ...                first_response=["2026-11-02T09:30:00Z", "2026-11-02T11:00:00Z"])
    >>> row = cx.sla(t, targets={"high": 3600}).rows[0]
    >>> row.priority, row.target, row.achieved, row.breached, row.score
    ('high', 3600.0, 1, 1, 50.0)
    """

    @property
    def priority(self) -> str | None:
        """The priority (``None`` on the overall row and for tickets without one)."""
    @property
    def target(self) -> float | None:
        """The target in seconds (``None`` on the overall row)."""
    @property
    def achieved(self) -> int:
        """Completed within the target (equal counts as achieved)."""
    @property
    def breached(self) -> int:
        """Completed late, or still open and already past the target."""
    @property
    def running(self) -> int:
        """Still open and within the target (not decided, not in ``n``)."""
    @property
    def n(self) -> int:
        """``achieved + breached``."""
    @property
    def score(self) -> float | None:
        """``100 × achieved / n``; ``None`` when nothing is decided yet."""
    def interval(self, level: float = 0.95, *, method: _ProportionIntervalMethod | None = None) -> Interval:
        """A confidence interval for ``score``, in percent (Wilson by default).

        Raises:
            CxMetricsError: ``empty`` when ``n == 0``; ``invalid_argument`` for a bad level
                or method.
        """
    def to_dict(self) -> dict[str, Any]:
        """The fields as a new ``dict`` (field name → value), in declaration order."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class SlaResult:
    """An SLA report (returned by :func:`sla`).

    >>> import cxmetrics as cx
    >>> t = cx.Tickets(["2026-11-02T09:00:00Z"] * 3, priority=["high", "low", None],
    ...                first_response=["2026-11-02T09:30:00Z", "2026-11-02T11:00:00Z", None])
    >>> r = cx.sla(t, targets={"high": 3600, "*": 7200})
    >>> [(row.priority, row.achieved, row.breached, row.running) for row in r.rows]
    [('high', 1, 0, 0), ('low', 1, 0, 0), (None, 0, 0, 1)]
    >>> r.overall.score, r.untargeted, r.metric, r.clock
    (100.0, 0, 'first_response', 'calendar')
    """

    @property
    def rows(self) -> list[SlaRow]:
        """One row per priority among the targeted tickets, sorted, ``None`` last."""
    @property
    def overall(self) -> SlaRow:
        """All targeted tickets together."""
    @property
    def untargeted(self) -> int:
        """Tickets without a target of their own and no ``"*"`` default."""
    @property
    def metric(self) -> _SlaMetric:
        """The duration measured."""
    @property
    def clock(self) -> Literal["calendar", "business"]:
        """``"calendar"`` or ``"business"``."""
    def to_dict(self) -> dict[str, Any]:
        """``rows`` (list of dicts), ``overall`` (dict), ``untargeted``, ``metric``, ``clock``."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def _repr_html_(self) -> str:
        """The display as HTML, written by the core: a compact table (value, default interval
        with its method and level, counts, the convention used) and the chart as
        ``<img src="data:image/svg+xml;base64,…" alt="…">``. No scripts, no external requests."""
    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> dict[str, str]:
        """``{"text/plain": repr(self), "text/html": self._repr_html_()}``, less the MIME
        types not in ``include`` / in ``exclude``."""
    def to_vega_lite(self) -> dict[str, Any]:
        """A Vega-Lite v5 specification (a new ``dict``) with the result's numbers inlined
        under their field names, for Altair (``alt.Chart.from_dict(...)``) or any Vega-Lite
        renderer."""
    def to_svg(self) -> str:
        """The chart as standalone SVG text: % met per priority and overall."""

def first_response_time(
    tickets: Tickets, *, schedule: Schedule | None = None, as_of: _Instant | None = None
) -> DurationSummary:
    """First response time (created → first agent response), summarised in seconds.

    Business time when ``schedule`` is given, else calendar time. Unanswered tickets are
    ``open``, censored at ``as_of`` (default: the latest instant in the tickets).

    Raises:
        CxMetricsError: ``empty`` when no ticket has a response; ``out_of_order`` (with
            ``index``) when an event is after ``as_of``.

    >>> import cxmetrics as cx
    >>> office = cx.Schedule("America/New_York", [(d, "09:00", "17:00") for d in ("mon", "tue", "wed", "thu", "fri")])
    >>> t = cx.Tickets(["2026-11-10T19:00:00-05:00"], first_response=["2026-11-10T20:00:00-05:00"])
    >>> cx.first_response_time(t).median, cx.first_response_time(t, schedule=office).median
    (3600.0, 0.0)
    """

def resolution_time(
    tickets: Tickets,
    *,
    kind: Literal["full", "first"] = "full",
    schedule: Schedule | None = None,
    as_of: _Instant | None = None,
) -> DurationSummary:
    """Resolution time, summarised in seconds: to the final solve (``"full"``, default)
    or to the first solve (``"first"``). A reopened ticket not solved again is open.

    >>> import cxmetrics as cx
    >>> t = cx.Tickets.from_records([{"created": "2026-11-02T09:00:00Z",
    ...     "solved": ["2026-11-02T10:00:00Z", "2026-11-02T12:00:00Z"], "reopened": ["2026-11-02T11:00:00Z"]}])
    >>> cx.resolution_time(t).median, cx.resolution_time(t, kind="first").median
    (10800.0, 3600.0)
    """

def requester_wait_time(
    tickets: Tickets, *, schedule: Schedule | None = None, as_of: _Instant | None = None
) -> DurationSummary:
    """Requester wait time: created → final solve minus paused time and solved periods
    (solve → reopen), in seconds: Zendesk's New + Open + On-hold time.

    >>> import cxmetrics as cx
    >>> t = cx.Tickets.from_records([{"created": "2026-11-02T09:00:00Z", "solved": ["2026-11-02T12:00:00Z"],
    ...     "paused": [("2026-11-02T10:00:00Z", "2026-11-02T11:00:00Z")]}])
    >>> cx.requester_wait_time(t).median
    7200.0
    """

def ticket_durations(
    tickets: Tickets, metric: _DurationMetric, *, schedule: Schedule | None = None, as_of: _Instant | None = None
) -> list[float | None]:
    """Per-ticket durations in seconds, ``None`` where the event has not happened yet.

    >>> import cxmetrics as cx
    >>> t = cx.Tickets(["2026-11-02T09:00:00Z"] * 2, first_response=["2026-11-02T09:30:00Z", None])
    >>> cx.ticket_durations(t, "first_response")
    [1800.0, None]
    """

def ticket_spans(
    tickets: Tickets, metric: _DurationMetric, *, schedule: Schedule | None = None, as_of: _Instant | None = None
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_]]:
    """Per-ticket spans ``(seconds, done)``: the duration of a ticket that is done, the time
    elapsed until ``as_of`` of one still open. The spans of batches of tickets computed
    against one ``as_of`` rebuild the summary of all of them with
    :meth:`DurationSummary.from_durations` (``as_of`` defaults to the latest instant of
    *these* tickets, so give batches the same one).

    Raises:
        CxMetricsError: ``invalid_argument`` for an unknown metric; ``out_of_order`` (with
            ``index``) for an event after ``as_of`` or a ticket created after it.

    >>> import cxmetrics as cx
    >>> t = cx.Tickets(["2026-11-02T09:00:00Z"] * 2, first_response=["2026-11-02T09:30:00Z", None])
    >>> seconds, done = cx.ticket_spans(t, "first_response", as_of="2026-11-02T10:00:00Z")
    >>> seconds.tolist(), done.tolist()
    ([1800.0, 3600.0], [True, False])
    >>> cx.DurationSummary.from_durations(seconds[done], seconds[~done]) == cx.first_response_time(t, as_of="2026-11-02T10:00:00Z")
    True
    """

def fcr(
    tickets: Tickets,
    *,
    max_agent_replies: int | None = 1,
    max_customer_followups: int | None = None,
    reopen_window: _Seconds | None = None,
    denominator: Literal["resolved", "created"] = "resolved",
    period: tuple[_Instant, _Instant] | None = None,
) -> FcrResult:
    """First contact resolution, in percent: solved with at most ``max_agent_replies``
    replies (``None``: any) and ``max_customer_followups`` follow-ups, and not reopened
    (within ``reopen_window`` seconds). ``period`` is half-open ``[from, to)``.

    Raises:
        CxMetricsError: ``empty`` (empty denominator), ``invalid_argument`` (negative
            window, ``to <= from``, unknown denominator, negative count).

    >>> import cxmetrics as cx
    >>> t = cx.Tickets.from_records([
    ...     {"created": "2026-11-02T09:00:00Z", "solved": ["2026-11-02T09:20:00Z"], "agent_replies": 1},
    ...     {"created": "2026-11-02T09:00:00Z", "solved": ["2026-11-02T11:00:00Z"], "agent_replies": 3},
    ...     {"created": "2026-11-02T09:00:00Z"},
    ... ])
    >>> cx.fcr(t).score, cx.fcr(t, max_agent_replies=None).score, cx.fcr(t, denominator="created").n
    (50.0, 100.0, 3)
    """

def sla(
    tickets: Tickets,
    *,
    targets: Mapping[str, _Seconds],
    metric: _SlaMetric = "first_response",
    schedule: Schedule | None = None,
    as_of: _Instant | None = None,
) -> SlaResult:
    """SLA attainment per priority: achieved ÷ (achieved + breached), in percent.

    ``targets`` maps priorities to seconds; ``"*"`` is the default (also for tickets
    without a priority). Open tickets past the target are breached, within it running.

    Raises:
        CxMetricsError: ``invalid_argument`` (no targets, a target <= 0 or not finite,
            unknown metric), ``out_of_order`` (events after ``as_of``).

    >>> import cxmetrics as cx
    >>> t = cx.Tickets(["2026-11-02T09:00:00Z"] * 2, priority=["high", "low"],
    ...                first_response=["2026-11-02T09:30:00Z", "2026-11-02T11:00:00Z"])
    >>> r = cx.sla(t, targets={"high": 3600, "low": 3600})
    >>> [(row.priority, row.score) for row in r.rows], r.overall.score
    ([('high', 100.0), ('low', 0.0)], 50.0)
    """

def handle_time(talk: _Floats, *, hold: _Floats | None = None, wrap: _Floats | None = None) -> AhtResult:
    """Average handle time: mean of talk + hold + wrap-up per contact, in seconds.

    Absent ``hold`` / ``wrap`` count as 0; a contact with a None / NaN component is missing.

    Raises:
        CxMetricsError: ``length_mismatch``; ``invalid_argument`` (negative or infinite
            component, with ``index``); ``empty``.

    >>> import cxmetrics as cx
    >>> r = cx.handle_time([300, 420], hold=[60, 0], wrap=[30, 45])
    >>> r.score, r.n
    (427.5, 2)
    """

@final
class RateResult:
    """A rate in percent with its counts (returned by :func:`conversion_rate` and
    :func:`retention_rate`); a proportion, so it has Wilson intervals.

    >>> import cxmetrics as cx
    >>> r = cx.conversion_rate(45, 1500)
    >>> r.score, r.count, r.n
    (3.0, 45.0, 1500.0)
    >>> lo, hi = r.interval()
    >>> round(lo, 2), round(hi, 2)
    (2.25, 3.99)
    """

    @property
    def score(self) -> float:
        """The rate in percent, 0…100."""
    @property
    def count(self) -> float:
        """The numerator (conversions, retained customers)."""
    @property
    def n(self) -> float:
        """The denominator (interactions, customers at the start)."""
    def interval(self, level: float = 0.95, *, method: _ProportionIntervalMethod | None = None) -> Interval:
        """A confidence interval for ``score``, in percent (Wilson by default)."""
    def margin_of_error(self, level: float = 0.95) -> float:
        """The half-width of the Wilson interval, in percentage points."""
    def to_dict(self) -> dict[str, Any]:
        """The fields as a new ``dict`` (field name → value), in declaration order."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def _repr_html_(self) -> str:
        """The display as HTML, written by the core: a compact table (value, default interval
        with its method and level, counts, the convention used). No scripts, no external requests."""
    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> dict[str, str]:
        """``{"text/plain": repr(self), "text/html": self._repr_html_()}``, less the MIME
        types not in ``include`` / in ``exclude``."""
    def to_vega_lite(self) -> dict[str, Any]:
        """A Vega-Lite v5 specification (a new ``dict``) with the result's numbers inlined
        under their field names, for Altair (``alt.Chart.from_dict(...)``) or any Vega-Lite
        renderer."""

@final
class ChurnResult:
    """A churn rate for one period and, when asked, annualised (returned by :func:`churn_rate`).

    >>> import cxmetrics as cx
    >>> r = cx.churn_rate(50, 1000, periods_per_year=12)
    >>> r.score, round(r.annualized or 0, 2), r.churned, r.n
    (5.0, 45.96, 50.0, 1000.0)
    """

    @property
    def score(self) -> float:
        """Churn in the period, percent."""
    @property
    def annualized(self) -> float | None:
        """The annualised churn in percent (``None`` without ``periods_per_year``)."""
    @property
    def churned(self) -> float:
        """Customers lost."""
    @property
    def n(self) -> float:
        """The denominator used."""
    def interval(self, level: float = 0.95, *, method: _ProportionIntervalMethod | None = None) -> Interval:
        """A confidence interval for the period's churn ``score``, in percent (Wilson)."""
    def margin_of_error(self, level: float = 0.95) -> float:
        """The half-width of the Wilson interval, in percentage points."""
    def to_dict(self) -> dict[str, Any]:
        """The fields as a new ``dict`` (field name → value), in declaration order."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def _repr_html_(self) -> str:
        """The display as HTML, written by the core: a compact table (value, default interval
        with its method and level, counts, the convention used). No scripts, no external requests."""
    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> dict[str, str]:
        """``{"text/plain": repr(self), "text/html": self._repr_html_()}``, less the MIME
        types not in ``include`` / in ``exclude``."""
    def to_vega_lite(self) -> dict[str, Any]:
        """A Vega-Lite v5 specification (a new ``dict``) with the result's numbers inlined
        under their field names, for Altair (``alt.Chart.from_dict(...)``) or any Vega-Lite
        renderer."""

@final
class RevenueRetentionResult:
    """Net and gross revenue retention of the customers present at the start of a period
    (returned by :func:`revenue_retention`). A ratio of amounts, so it has no interval.

    >>> import cxmetrics as cx
    >>> r = cx.revenue_retention(100_000, expansion=15_000, contraction=3_000, churned=7_000)
    >>> r.score, r.gross
    (105.0, 90.0)
    """

    @property
    def score(self) -> float:
        """Net revenue retention (NRR) in percent; above 100 when expansion outweighs the losses."""
    @property
    def gross(self) -> float:
        """Gross revenue retention (GRR) in percent, 0…100: expansion never counts."""
    @property
    def start(self) -> float:
        """Recurring revenue of the cohort at the start of the period."""
    @property
    def expansion(self) -> float:
        """Revenue the cohort added (upgrades, add-ons)."""
    @property
    def contraction(self) -> float:
        """Revenue the cohort's remaining customers gave up (downgrades)."""
    @property
    def churned(self) -> float:
        """Revenue of the customers who left."""
    def to_dict(self) -> dict[str, Any]:
        """The fields as a new ``dict`` (field name → value), in declaration order."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

def conversion_rate(conversions: float, interactions: float) -> RateResult:
    """Conversion rate: ``100 × conversions / interactions``, in percent.

    Raises:
        CxMetricsError: ``empty`` (no interactions); ``invalid_argument`` (negative or
            non-finite counts, more conversions than interactions).

    >>> import cxmetrics as cx
    >>> cx.conversion_rate(45, 1500).score
    3.0
    """

def churn_rate(
    churned: float,
    start: float,
    *,
    denominator: Literal["start", "up_for_renewal", "average"] = "start",
    up_for_renewal: float | None = None,
    end: float | None = None,
    periods_per_year: float | None = None,
    annualize: Literal["compound", "simple"] = "compound",
) -> ChurnResult:
    """Churn for a period, in percent: ``100 × churned / base``; base = start (default),
    ``up_for_renewal`` or the average of start and ``end``. Annualised with
    ``periods_per_year``: ``1 − (1 − m)^k`` (compound, default) or ``m × k`` (simple).

    Raises:
        CxMetricsError: ``empty`` (zero base); ``invalid_argument`` (bad counts, more churned
            than the base, ``periods_per_year <= 0``, unknown strings, a denominator without
            its count or a count for another denominator).

    >>> import cxmetrics as cx
    >>> m = cx.churn_rate(100, 1000, periods_per_year=12)
    >>> m.score, round(m.annualized or 0, 2)
    (10.0, 71.76)
    """

def retention_rate(start: float, end: float, new: float) -> RateResult:
    """Retention: ``100 × (end − new) / start``, in percent.

    Raises:
        CxMetricsError: ``empty`` (``start == 0``); ``invalid_argument`` (bad counts,
            ``new > end``, more retained than at the start).

    >>> import cxmetrics as cx
    >>> cx.retention_rate(1000, 1030, 80).score
    95.0
    """

def revenue_retention(start: float, *, expansion: float, contraction: float, churned: float) -> RevenueRetentionResult:
    """Net and gross revenue retention (NRR / GRR) of the starting cohort, in percent:
    ``NRR = 100 × (start + expansion − contraction − churned) / start``, GRR the same
    without ``expansion``.

    Raises:
        CxMetricsError: ``empty`` (``start == 0``); ``invalid_argument`` (a negative or
            non-finite amount, or ``contraction + churned`` above ``start``).

    >>> import cxmetrics as cx
    >>> r = cx.revenue_retention(1000, expansion=400, contraction=100, churned=200)
    >>> r.score, r.gross
    (110.0, 70.0)
    """

def clv_from_churn(arpu: float, *, margin: float, churn: float) -> float:
    """Lifetime value: ``arpu × margin / (churn/100)`` (margin a fraction, churn in percent).

    Raises:
        CxMetricsError: ``invalid_argument`` for churn outside (0, 100], margin outside
            [0, 1] or a bad ARPU.

    >>> import cxmetrics as cx
    >>> cx.clv_from_churn(50, margin=0.8, churn=4)
    1000.0
    """

def clv_from_retention(arpu: float, *, retention: float) -> float:
    """Lifetime value: ``arpu / (1 − retention/100)`` (retention in percent, in [0, 100)).

    Raises:
        CxMetricsError: ``invalid_argument`` for retention outside [0, 100) or a bad ARPU.

    >>> import cxmetrics as cx
    >>> round(cx.clv_from_retention(50, retention=96), 9)
    1250.0
    """

@final
class SegmentRow:
    """One row of a :class:`SegmentTable`: a segment, or the overall row.

    >>> import cxmetrics as cx
    >>> t = cx.segment([10, 9, 0, 3, 10], ["chat", "chat", "email", "email", "email"], min_n=1)
    >>> row = t.rows[0]
    >>> row.key, row.n, row.score, row.share, row.low_n
    (('chat',), 2, 100.0, 0.4, False)
    """

    @property
    def key(self) -> tuple[_KeyValue, ...]:
        """The segment's key, one part per key column; ``()`` on the overall row."""
    @property
    def n(self) -> int:
        """Valid responses (unweighted)."""
    @property
    def missing(self) -> int:
        """Missing responses."""
    @property
    def invalid(self) -> int:
        """Invalid responses skipped under ``on_invalid="skip"``."""
    @property
    def share(self) -> float:
        """The segment's share of the overall weight (counts when unweighted), 0…1."""
    @property
    def score(self) -> float | None:
        """The metric's value (``None`` without a valid response)."""
    @property
    def lower(self) -> float | None:
        """Lower limit of the default interval (``None`` when undefined)."""
    @property
    def upper(self) -> float | None:
        """Upper limit of the default interval (``None`` when undefined)."""
    @property
    def low_n(self) -> bool:
        """``n < min_n``."""
    @property
    def impact(self) -> float | None:
        """Overall score − score of everyone outside this segment (``None`` overall, or when
        nobody else has a valid response)."""
    def to_dict(self) -> dict[str, Any]:
        """The fields as a new ``dict`` (field name → value), in declaration order."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class SegmentTable:
    """A segment report: rows by key (ints before strings) and an ``overall`` row from the
    merged responses — never the mean of the segment scores.

    >>> import cxmetrics as cx
    >>> t = cx.segment([10, 9, 0, 3, 10], ["chat", "chat", "email", "email", "email"], min_n=1)
    >>> [(r.key[0], r.score) for r in t]
    [('chat', 100.0), ('email', -33.33333333333333)]
    >>> round(t.overall.score or 0, 9), len(t)
    (20.0, 2)
    """

    @staticmethod
    def from_tallies(
        tallies: Mapping[_KeyLike, Tally] | Iterable[tuple[_KeyLike, Tally]],
        *,
        key_names: list[str] | None = None,
        metric: _SurveyMetric = "nps",
        scale: _ScaleLike | None = None,
        min_n: int = 30,
        level: float = 0.95,
        method: _IntervalMethod | None = None,
        buckets: _Buckets | None = None,
        csat_method: _CsatMethod | None = None,
        threshold: int | None = None,
        bottom_threshold: int | None = None,
        higher_is_better: bool | None = None,
        ces_method: _CesMethod | None = None,
    ) -> SegmentTable:
        """A segment table from tallies counted elsewhere, ``{key: Tally}`` (a key is a
        tuple of str / int, or one str / int; a key given twice is merged): what
        ``cxmetrics.spark`` / ``.duckdb`` / ``.polars`` build from an engine's counts.
        Equals :func:`segment` on the same rows. ``scale`` defaults to the tallies'.

        Raises:
            CxMetricsError: ``scale_mismatch``; ``empty`` without a valid response; as
                :func:`segment`.
            TypeError: for a key or value of the wrong type.

        >>> import cxmetrics as cx
        >>> t = cx.SegmentTable.from_tallies({"chat": cx.Tally((0, 10), [10, 9]), "email": cx.Tally((0, 10), [0, 3, 10])}, min_n=1)
        >>> [(r.key, r.n) for r in t], round(t.overall.score or 0, 9)
        ([(('chat',), 2), (('email',), 3)], 20.0)
        """
    @property
    def rows(self) -> list[SegmentRow]:
        """The segment rows, sorted by key."""
    @property
    def overall(self) -> SegmentRow:
        """All segments merged (``key == ()``, ``share == 1``)."""
    @property
    def key_names(self) -> list[str]:
        """Names of the key columns (their own names when named, else ``key`` / ``key_i``)."""
    @property
    def metric(self) -> _SurveyMetric:
        """The metric."""
    def to_dict(self) -> dict[str, Any]:
        """``rows`` (list of dicts), ``overall`` (dict), ``key_names``, ``metric``."""
    def to_pandas(self) -> Any:
        """The segment rows as a pandas DataFrame (key columns, then the row fields).

        Raises:
            ImportError: without pandas (``pip install cxmetrics[pandas]``).
        """
    def to_polars(self) -> Any:
        """The segment rows as a polars DataFrame.

        Raises:
            ImportError: without polars (``pip install cxmetrics[polars]``).
        """
    def __len__(self) -> int:
        """The number of segments."""
    def __iter__(self) -> Iterator[SegmentRow]:
        """The segment rows, sorted by key."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def _repr_html_(self) -> str:
        """The display as HTML, written by the core: a compact table (value, default interval
        with its method and level, counts, the convention used), the rows with inline bars and the chart as
        ``<img src="data:image/svg+xml;base64,…" alt="…">``. No scripts, no external requests."""
    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> dict[str, str]:
        """``{"text/plain": repr(self), "text/html": self._repr_html_()}``, less the MIME
        types not in ``include`` / in ``exclude``."""
    def to_vega_lite(self) -> dict[str, Any]:
        """A Vega-Lite v5 specification (a new ``dict``) with the result's numbers inlined
        under their field names, for Altair (``alt.Chart.from_dict(...)``) or any Vega-Lite
        renderer."""
    def to_svg(self) -> str:
        """The chart as standalone SVG text: one bar per segment with its interval, the overall score as a dashed line, on the metric's range."""
    @overload
    def __getitem__(self, index: int) -> SegmentRow: ...
    @overload
    def __getitem__(self, index: slice) -> list[SegmentRow]: ...
    def __getitem__(self, index: int | slice) -> SegmentRow | list[SegmentRow]:
        """``table[i]`` (negative from the end) or ``table[a:b]`` (a list), as a list indexes.

        Raises:
            IndexError: for an index outside the rows.
        """

@final
class TrendRow:
    """One period of a :class:`TrendTable`.

    >>> import cxmetrics as cx
    >>> t = cx.trend([10, 0, 9], ["2026-01-05T10:00:00Z", "2026-01-20T10:00:00Z", "2026-02-03T10:00:00Z"], min_n=1)
    >>> r = t.rows[1]
    >>> r.start, r.label, r.n, r.score, r.change
    (datetime.date(2026, 2, 1), '2026-02', 1, 100.0, 100.0)
    """

    @property
    def start(self) -> datetime.date:
        """The first local date of the period."""
    @property
    def label(self) -> str:
        """``"2026-03-02"``, ``"2026-W10"``, ``"2026-03"``, ``"2026-Q1"`` (rolling:
        ``"2026-03-02 (last 7 d)"``)."""
    @property
    def n(self) -> int:
        """Valid responses."""
    @property
    def missing(self) -> int:
        """Missing responses."""
    @property
    def score(self) -> float | None:
        """The metric (``None`` without a valid response)."""
    @property
    def lower(self) -> float | None:
        """Lower limit of the default interval."""
    @property
    def upper(self) -> float | None:
        """Upper limit of the default interval."""
    @property
    def low_n(self) -> bool:
        """``n < min_n``: shown, not compared."""
    @property
    def change(self) -> float | None:
        """Score − score of the previous compared period."""
    @property
    def p_value(self) -> float | None:
        """Two-sided p-value of the change."""
    @property
    def p_adjusted(self) -> float | None:
        """The p-value adjusted across the compared periods."""
    @property
    def significant(self) -> bool:
        """``p_adjusted < alpha``."""
    def to_dict(self) -> dict[str, Any]:
        """The fields as a new ``dict`` (field name → value), in declaration order."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class TrendTable:
    """A trend report: one :class:`TrendRow` per period with data, in time order.

    >>> import cxmetrics as cx
    >>> t = cx.trend([10, 0, 9], ["2026-01-05T10:00:00Z", "2026-01-20T10:00:00Z", "2026-02-03T10:00:00Z"], min_n=1)
    >>> [(r.label, r.score) for r in t]
    [('2026-01', 0.0), ('2026-02', 100.0)]
    """

    @staticmethod
    def from_tallies(
        tallies: Mapping[datetime.date, Tally] | Iterable[tuple[datetime.date, Tally]],
        *,
        period: Literal["month", "week", "day", "quarter"] = "month",
        metric: _SurveyMetric = "nps",
        scale: _ScaleLike | None = None,
        min_n: int = 30,
        level: float = 0.95,
        method: _IntervalMethod | None = None,
        adjust: _PAdjust = "holm",
        alpha: float = 0.05,
        rolling_days: int | None = None,
        buckets: _Buckets | None = None,
        csat_method: _CsatMethod | None = None,
        threshold: int | None = None,
        bottom_threshold: int | None = None,
        higher_is_better: bool | None = None,
        ces_method: _CesMethod | None = None,
    ) -> TrendTable:
        """A trend table from tallies counted elsewhere, ``{period_start: Tally}`` keyed by
        each period's first local date (as :func:`period_pieces` gives them; a date given
        twice is merged). Equals :func:`trend` on the same rows.

        Raises:
            CxMetricsError: ``invalid_argument`` for a date that does not start its period;
                ``scale_mismatch``; as :func:`trend`.
            TypeError: for a key that is not a ``datetime.date`` or a value not a Tally.

        >>> import cxmetrics as cx, datetime as dt
        >>> t = cx.TrendTable.from_tallies({dt.date(2026, 1, 1): cx.Tally((0, 10), [10, 0]), dt.date(2026, 2, 1): cx.Tally((0, 10), [9])}, min_n=1)
        >>> [(r.label, r.score, r.change) for r in t]
        [('2026-01', 0.0, None), ('2026-02', 100.0, 100.0)]
        """
    @property
    def rows(self) -> list[TrendRow]:
        """The periods, in time order."""
    @property
    def metric(self) -> _SurveyMetric:
        """The metric."""
    @property
    def period(self) -> Literal["day", "week", "month", "quarter"]:
        """The period."""
    def to_dict(self) -> dict[str, Any]:
        """``rows`` (list of dicts), ``metric``, ``period``."""
    def to_pandas(self) -> Any:
        """The periods as a pandas DataFrame (``start`` holds ``datetime.date``).

        Raises:
            ImportError: without pandas (``pip install cxmetrics[pandas]``).
        """
    def to_polars(self) -> Any:
        """The periods as a polars DataFrame (``start`` is a Date column).

        Raises:
            ImportError: without polars (``pip install cxmetrics[polars]``).
        """
    def __len__(self) -> int:
        """The number of periods."""
    def __iter__(self) -> Iterator[TrendRow]:
        """The periods, in time order."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def _repr_html_(self) -> str:
        """The display as HTML, written by the core: a compact table (value, default interval
        with its method and level, counts, the convention used), the rows with inline bars and the chart as
        ``<img src="data:image/svg+xml;base64,…" alt="…">``. No scripts, no external requests."""
    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> dict[str, str]:
        """``{"text/plain": repr(self), "text/html": self._repr_html_()}``, less the MIME
        types not in ``include`` / in ``exclude``."""
    def to_vega_lite(self) -> dict[str, Any]:
        """A Vega-Lite v5 specification (a new ``dict``) with the result's numbers inlined
        under their field names, for Altair (``alt.Chart.from_dict(...)``) or any Vega-Lite
        renderer."""
    def to_svg(self) -> str:
        """The chart as standalone SVG text: the score per period as a line over its interval band, low-n periods hollow, significant changes marked."""
    @overload
    def __getitem__(self, index: int) -> TrendRow: ...
    @overload
    def __getitem__(self, index: slice) -> list[TrendRow]: ...
    def __getitem__(self, index: int | slice) -> TrendRow | list[TrendRow]:
        """``table[i]`` (negative from the end) or ``table[a:b]`` (a list), as a list indexes.

        Raises:
            IndexError: for an index outside the rows.
        """

def segment(
    scores: _Scores,
    by: _By,
    *,
    metric: _SurveyMetric = "nps",
    scale: _ScaleLike | None = None,
    weights: _Weights | None = None,
    on_invalid: _OnInvalid = "error",
    min_n: int = 30,
    level: float = 0.95,
    method: _IntervalMethod | None = None,
    buckets: _Buckets | None = None,
    csat_method: _CsatMethod | None = None,
    threshold: int | None = None,
    bottom_threshold: int | None = None,
    higher_is_better: bool | None = None,
    ces_method: _CesMethod | None = None,
) -> SegmentTable:
    """A survey metric per segment, with intervals, ``low_n`` flags and each segment's
    impact, plus an overall row from the merged responses (never a mean of segments).

    ``by`` is one key column, a list of key columns or a DataFrame (str / int values).
    Options that do not apply to ``metric`` are refused; ``metric="ces"`` needs
    ``higher_is_better``, and ``ces`` / ``mean`` / ``top_box`` / ``bottom_box`` a scale.

    Raises:
        CxMetricsError: ``length_mismatch``; row errors with their ``index``; ``empty``;
            ``invalid_argument`` (unknown metric, option for another metric, missing key with
            its ``index``, bad level / method / min_n); ``scale_mismatch``.
        TypeError: for keys that are not str / int, or values of the wrong type.

    >>> import cxmetrics as cx
    >>> t = cx.segment([10] * 12 + [0] * 4000 + [10] * 1000, ["north"] * 12 + ["south"] * 5000)
    >>> [(r.key, r.n, round(r.score or 0, 1)) for r in t], round(t.overall.score or 0, 2)
    ([(('north',), 12, 100.0), (('south',), 5000, -60.0)], -59.62)
    """

def trend(
    scores: _Scores,
    times: _Instants,
    *,
    period: Literal["month", "week", "day", "quarter"] = "month",
    time_zone: str = "UTC",
    metric: _SurveyMetric = "nps",
    scale: _ScaleLike | None = None,
    weights: _Weights | None = None,
    on_invalid: _OnInvalid = "error",
    min_n: int = 30,
    level: float = 0.95,
    method: _IntervalMethod | None = None,
    adjust: _PAdjust = "holm",
    alpha: float = 0.05,
    rolling_days: int | None = None,
    buckets: _Buckets | None = None,
    csat_method: _CsatMethod | None = None,
    threshold: int | None = None,
    bottom_threshold: int | None = None,
    higher_is_better: bool | None = None,
    ces_method: _CesMethod | None = None,
) -> TrendTable:
    """A survey metric per calendar period (local dates in ``time_zone``), with intervals
    and period-over-period changes; p-values adjusted across the compared periods.

    Raises:
        CxMetricsError: ``length_mismatch``; row errors with their ``index``;
            ``invalid_argument`` (unknown period / metric / adjust, alpha outside (0, 1),
            bad ``rolling_days``, a missing or naive time); ``unknown_time_zone``.
        TypeError: for values of the wrong type.

    >>> import cxmetrics as cx
    >>> times = ["2026-01-31T23:30:00Z", "2026-02-01T10:00:00+01:00"]
    >>> [r.label for r in cx.trend([10, 9], times, time_zone="Europe/Berlin", min_n=1)]
    ['2026-02']
    """

def period_pieces(
    first: int,
    last: int,
    *,
    period: Literal["month", "week", "day", "quarter"] = "month",
    time_zone: str = "UTC",
) -> list[tuple[int, datetime.date]]:
    """The pieces of ``[first, last]`` (whole Unix seconds) on which the period of a time in
    ``time_zone`` is constant, ``[(start_second, period_start), …]``: an engine finds each
    time's piece by comparing its whole seconds (rounded down) with the starts, counts per
    piece, and :meth:`TrendTable.from_tallies` takes the tallies by ``period_start`` —
    exactly the periods of :func:`trend`, across DST and clock changes at midnight.

    Raises:
        CxMetricsError: ``invalid_argument`` when ``last < first``, for a second outside
            the years −9999…9999 or more than 10 million pieces; ``unknown_time_zone``.

    >>> import cxmetrics as cx
    >>> cx.period_pieces(1769860800, 1772323200, time_zone="Europe/Berlin")
    [(1769860800, datetime.date(2026, 1, 1)), (1769900400, datetime.date(2026, 2, 1)), (1772319600, datetime.date(2026, 3, 1))]
    """

def _scores_address(scores: _Scores) -> int | None:
    """Test hook: the address ``scores`` are read from when read in place (zero-copy), else None."""

def _error_codes() -> tuple[str, ...]:
    """Not public (for the tests): every ``CxMetricsError.code``, in the core's order."""

def _defaults() -> dict[str, Any]:
    """Not public (for the tests): the core's defaults, keyed by parameter name or ``"function.parameter"``."""

def _ticket_fields() -> dict[str, list[str]]:
    """Not public (for the tests): the core's ticket record keys (``records``) and constructor columns (``columns``)."""

def _simd() -> dict[str, Any]:
    """Not public (tests, benchmarks): the SIMD level in use (``current``; ``CXMETRICS_SIMD`` at import) and the ``available`` ones."""
