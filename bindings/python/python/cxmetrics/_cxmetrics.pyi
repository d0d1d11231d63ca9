"""Type stubs of the compiled ``cxmetrics._cxmetrics`` module (re-exported by ``cxmetrics``).

Units: NPS in points (−100…100); rates in percent (0…100); means in scale units;
shares inside results (``promoters``, ``shares``) in fractions (0…1). Nothing is rounded.
"""

from collections.abc import Iterator, Sequence
from typing import Any, ClassVar, Literal, Protocol, TypedDict, final, overload

import numpy as np
import numpy.typing as npt

__version__: str
"""The package version (the Cargo workspace version)."""

class _ToNumpy(Protocol):
    """A dataframe-library column: pandas / polars Series, pyarrow arrays."""

    def to_numpy(self) -> Any: ...

class _BucketsDict(TypedDict):
    detractor_max: int
    promoter_min: int

_Scores = Sequence[float | None] | npt.NDArray[np.integer[Any]] | npt.NDArray[np.floating[Any]] | npt.NDArray[np.object_] | _ToNumpy
"""Scores: a list / tuple (None and NaN = missing), a 1-D numpy array of any integer or
float dtype, or a pandas / polars Series (NaN, None, pd.NA, null = missing)."""

_Weights = Sequence[float | None] | npt.NDArray[np.integer[Any]] | npt.NDArray[np.floating[Any]] | npt.NDArray[np.object_] | _ToNumpy
"""Weights: one float >= 0 per score, in the same containers as scores."""

_ScaleLike = Scale | tuple[int, int]
_OnInvalid = Literal["error", "skip"]
_Buckets = tuple[int, int] | _BucketsDict
_CsatMethod = Literal["top_box", "mean", "percent_of_max", "net"]
_CesMethod = Literal["mean", "percent_agree", "net_effort"]
_NetIntervalMethod = Literal["adjusted_wald", "wald"]
_ProportionIntervalMethod = Literal["wilson", "wald", "agresti_coull", "clopper_pearson", "jeffreys"]
_IntervalMethod = Literal["adjusted_wald", "wald", "wilson", "agresti_coull", "clopper_pearson", "jeffreys", "t"]
_CompareMethod = Literal["adjusted_wald", "wald", "pooled_z", "welch"]
_PAdjust = Literal["holm", "bh"]
_Floats = Sequence[float | None] | npt.NDArray[np.integer[Any]] | npt.NDArray[np.floating[Any]] | _ToNumpy
"""Numbers: a list / tuple (None and NaN = NaN), a 1-D numpy array, or a pandas / polars Series."""

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
    ``invalid_argument``, ``invalid_format``, ``insufficient_data`` (too few responses or
    no variance for a statistic), ``unknown_time_zone``, ``empty_schedule``,
    ``overlapping_windows`` or ``out_of_order`` (an event before the one it must follow).
    Codes never change between releases."""
    index: int | None
    """The position of the offending input value, when the error refers to one."""

@final
class Scale:
    """An integer response scale ``min..=max`` with 2 to 101 points (immutable, hashable).

    Scores are validated against the scale when tallied: a value outside ``min..=max``
    is ``out_of_scale``, a non-integer is ``not_integer``. Nothing is shifted or rescaled.
    Anywhere a scale is accepted, a ``(min, max)`` tuple works too.

    Raises:
        CxMetricsError: ``invalid_scale`` when ``max <= min`` or there are more than 101 points.
        TypeError: when a bound is not an int.

    >>> import cxmetrics as cx
    >>> cx.Scale(1, 5).points, cx.Scale(1, 5) == cx.Scale.one_to_five()
    (5, True)
    """

    def __init__(self, min: int, max: int) -> None: ...
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
    def __reduce__(self) -> tuple[Any, tuple[int, int]]: ...

class Tally:
    """Mergeable sufficient statistics of survey responses on one scale.

    Per scale point: the count of responses and (when weighted) the compensated sums
    Σw and Σw²; plus how many inputs were ``missing`` and ``invalid`` (skipped). Every
    metric accepts a tally instead of raw scores, so tallies of chunks, files, threads
    or processes can be merged and give exactly the result of one pass.

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
                ``invalid_argument`` for a negative count.
            TypeError: for a count that is not an int.

        >>> import cxmetrics as cx
        >>> t = cx.Tally.from_counts((0, 10), [1, 0, 0, 0, 0, 0, 0, 2, 0, 0, 3])
        >>> t.n, round(cx.nps(t).score, 2)
        (6, 33.33)
        """
    @classmethod
    def from_json(cls, s: str) -> Tally:
        """Reads a tally written by :meth:`to_json` (in any language binding).

        Raises:
            CxMetricsError: ``invalid_format`` for malformed JSON, another format or
                version, arrays of the wrong length or bad weight sums.
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
    def push(self, score: float | None, *, weight: float | None = None, on_invalid: _OnInvalid = "error") -> None:
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

        Raises:
            CxMetricsError: ``scale_mismatch`` when the scales differ.

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

_Estimated = NpsResult | CsatResult | CesResult | MeanResult | BoxResult
"""Results that carry an inference estimate (``interval()``, ``compare()``)."""

def compare(a: _Estimated, b: _Estimated, *, level: float = 0.95, method: _CompareMethod | None = None) -> Comparison:
    """Compares two independent groups: ``a − b``, with an interval, a statistic and a p-value.

    ``a`` and ``b`` must be of the same kind: two net scores (default ``"adjusted_wald"``,
    or ``"wald"``), two proportions (``"pooled_z"`` with the Newcombe interval) or two
    means (``"welch"``). For the same respondents measured twice use :func:`paired_nps`.

    Raises:
        CxMetricsError: ``invalid_argument`` for a bad level, results of different kinds or
            a method that does not apply; ``insufficient_data`` for a mean of one response
            or two groups with zero variance.
        TypeError: when ``a`` or ``b`` is not a result.

    >>> import cxmetrics as cx
    >>> a = cx.top_box([5] * 70 + [1] * 30, scale=(1, 5))
    >>> b = cx.top_box([5] * 60 + [1] * 40, scale=(1, 5))
    >>> c = cx.compare(a, b)
    >>> c.method, round(c.difference, 9), round(c.p_value, 4)
    ('pooled_z', 10.0, 0.1382)
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
def _scores_address(scores: _Scores) -> int | None:
    """Test hook: the address ``scores`` are read from when read in place (zero-copy), else None."""
