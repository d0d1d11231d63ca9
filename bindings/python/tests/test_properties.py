"""Hypothesis properties of the algebra: merge(a, b) == tally(a ++ b), ranges, invariance."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cxmetrics as cx

NPS = cx.Scale.nps()

score = st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=False).filter(math.isnan), st.integers(0, 10))
scores = st.lists(score, max_size=60)
weight = st.floats(min_value=0.0, max_value=1e6, allow_nan=False, allow_infinity=False)


@st.composite
def weighted(draw: st.DrawFn) -> tuple[list[float | None], list[float]]:
    s = draw(scores)
    w = draw(st.lists(weight, min_size=len(s), max_size=len(s)))
    return s, w


@settings(max_examples=300, deadline=None)
@given(scores, scores)
def test_merge_equals_tally_of_concatenation(a: list[float | None], b: list[float | None]) -> None:
    ta, tb = cx.Tally(NPS, a), cx.Tally(NPS, b)
    whole = cx.Tally(NPS, a + b)
    assert ta + tb == whole
    assert tb + ta == whole
    ta.merge(tb)
    assert ta == whole
    # the same through numpy arrays
    arr = np.array([math.nan if x is None else x for x in a + b], dtype=np.float64)
    assert cx.Tally(NPS, arr) == whole


@settings(max_examples=200, deadline=None)
@given(weighted(), weighted())
def test_weighted_merge_agrees_with_one_pass(
    a: tuple[list[float | None], list[float]], b: tuple[list[float | None], list[float]]
) -> None:
    (sa, wa), (sb, wb) = a, b
    merged = cx.Tally(NPS, sa, weights=wa) + cx.Tally(NPS, sb, weights=wb)
    whole = cx.Tally(NPS, sa + sb, weights=wa + wb)
    # counts merge exactly; compensated weight sums agree within 1e-12 relative
    assert merged.counts == whole.counts
    assert (merged.n, merged.missing, merged.invalid) == (whole.n, whole.missing, whole.invalid)
    assert merged.point_weights == pytest.approx(whole.point_weights, rel=1e-12, abs=1e-300)
    if whole.n and whole.sum_weights > 0:
        assert cx.nps(merged).score == pytest.approx(cx.nps(whole).score, rel=1e-12, abs=1e-9)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 10), min_size=1, max_size=80), st.randoms(use_true_random=False))
def test_nps_range_and_permutation_invariance(values: list[int], rnd: object) -> None:
    r = cx.nps(values)
    assert -100.0 <= r.score <= 100.0
    assert r.promoters + r.passives + r.detractors == pytest.approx(1.0)
    assert r.n_promoters + r.n_passives + r.n_detractors == r.n == len(values)
    shuffled = list(values)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert cx.nps(shuffled) == r


@settings(max_examples=200, deadline=None)
@given(scores)
def test_json_and_counts_round_trip(values: list[float | None]) -> None:
    t = cx.Tally(NPS, values)
    assert cx.Tally.from_json(t.to_json()) == t
    from_counts = cx.Tally.from_counts(NPS, t.counts)
    assert from_counts.counts == t.counts and from_counts.missing == 0


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), st.floats(), st.integers(-(2**70), 2**70)), max_size=30))
def test_arbitrary_numbers_never_crash(values: list[object]) -> None:
    """Any list of numbers gives a result or a CxMetricsError, never anything else."""
    try:
        r = cx.nps(values, on_invalid="skip")
    except cx.CxMetricsError as e:
        assert e.code == "empty"
        return
    assert r.n + r.missing + r.invalid == len(values)
