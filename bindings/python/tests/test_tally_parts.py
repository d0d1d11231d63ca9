"""Tally.from_parts: a tally rebuilt from per-point aggregates (summed here with numpy,
as an engine's GROUP BY would) equals the one built row by row; inconsistent parts are
refused naming the argument and the point."""

from __future__ import annotations


import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cxmetrics as cx
from conftest import raises_code

NPS = cx.Scale.nps()


def aggregate(
    lo: int, hi: int, scores: list[float | None], weights: list[float]
) -> tuple[list[int], list[float], list[float], int, int]:
    """(counts, Σw, Σw², missing, invalid) by numpy: None/NaN missing, off-scale invalid."""
    x = np.array([np.nan if s is None else s for s in scores], dtype=float)
    w = np.array(weights, dtype=float)
    missing = np.isnan(x)
    valid = ~missing & (x >= lo) & (x <= hi) & (np.floor(x) == x)
    k = (x[valid] - lo).astype(int)
    p = hi - lo + 1
    counts = np.bincount(k, minlength=p)
    s = np.bincount(k, weights=w[valid], minlength=p)
    q = np.bincount(k, weights=w[valid] ** 2, minlength=p)
    invalid = int(len(x) - missing.sum() - valid.sum())
    return [int(c) for c in counts], s.tolist(), q.tolist(), int(missing.sum()), invalid


def assert_equal_within_bound(a: cx.Tally, b: cx.Tally) -> None:
    assert a.counts == b.counts  # bit for bit
    assert (a.missing, a.invalid, a.weighted) == (b.missing, b.invalid, b.weighted)
    for x, y in zip(a.point_weights, b.point_weights):
        assert abs(x - y) <= 1e-13 * y
    assert a.sum_weights == pytest.approx(b.sum_weights, rel=1e-13, abs=0)


def test_weighted_with_missing_and_invalid_equals_row_by_row() -> None:
    rng = np.random.default_rng(14)
    n = 5000
    scores: list[float | None] = [float(v) for v in rng.integers(-2, 13, n)]
    for i in rng.choice(n, 200, replace=False):
        scores[int(i)] = None
    weights = rng.uniform(0.05, 4.0, n).tolist()
    rows = cx.Tally(NPS, scores, weights=weights, on_invalid="skip")
    c, s, q, missing, invalid = aggregate(0, 10, scores, weights)
    assert missing == 200 and invalid > 0
    parts = cx.Tally.from_parts(NPS, c, s, q, missing=missing, invalid=invalid)
    assert_equal_within_bound(parts, rows)
    assert parts.n_eff == pytest.approx(rows.n_eff, rel=1e-12)
    assert cx.nps(parts).score == pytest.approx(cx.nps(rows).score, rel=1e-12, abs=1e-12)
    # numpy arrays are accepted as they come from an engine
    again = cx.Tally.from_parts(NPS, np.array(c), np.array(s), np.array(q), missing=np.int64(missing), invalid=invalid)
    assert again == parts


def test_unweighted_parts_equal_row_by_row_exactly() -> None:
    scores = [10, 9, None, 3, 11, 7, 7, 0.5]
    rows = cx.Tally(NPS, scores, on_invalid="skip")
    c, _, _, missing, invalid = aggregate(0, 10, scores, [1.0] * len(scores))
    assert (missing, invalid) == (1, 2)
    parts = cx.Tally.from_parts(NPS, c, None, None, missing=missing, invalid=invalid)
    assert parts == rows
    assert not parts.weighted


def test_hand_example() -> None:
    # score 1 weight 0.5; score 3 weights 1 and 2
    parts = cx.Tally.from_parts((1, 5), [1, 0, 2, 0, 0], [0.5, 0, 3.0, 0, 0], [0.25, 0, 5.0, 0, 0])
    assert parts == cx.Tally((1, 5), [1, 3, 3], weights=[0.5, 1.0, 2.0])
    assert parts.n_eff == pytest.approx(3.5**2 / 5.25, rel=1e-15)
    assert parts.sum_weights == 3.5


def test_zero_weights_are_accepted() -> None:
    rows = cx.Tally((0, 1), [1, 1, 0], weights=[0.0, 0.0, 2.0])
    assert cx.Tally.from_parts((0, 1), [1, 2], [2.0, 0.0], [4.0, 0.0]) == rows


@pytest.mark.parametrize(
    ("counts", "s", "q", "name", "index", "words"),
    [
        ([0, 1], [0, -1.0], [0, 1.0], "weight_sums", 1, "finite number ≥ 0"),
        ([0, 1], [0, float("nan")], [0, 1.0], "weight_sums", 1, "finite number ≥ 0"),
        ([0, 1], [0, 1.0], [0, float("inf")], "weight_sq_sums", 1, "finite number ≥ 0"),
        ([0, 1], [0, 1.0], [0, None], "weight_sq_sums", 1, "finite number ≥ 0"),
        ([0, 1], [1.0, 1.0], [0, 1.0], "weight_sums", 0, "where the count is 0"),
        ([0, 1], [0, 1.0], [1.0, 1.0], "weight_sq_sums", 0, "where the count is 0"),
        ([0, 3], [0, 0.0], [0, 1.0], "weight_sq_sums", 1, "where Σw is 0"),
        ([0, 2], [0, 2.0], [0, 5.0], "weight_sq_sums", 1, "above (Σw)²"),
        ([0, 2], [0, 2.0], [0, 1.9], "weight_sq_sums", 1, "Cauchy–Schwarz"),
        ([0, 1], [0, 1e146], [0, 1e292], "weight_sums", 1, "1e144"),
    ],
)
def test_inconsistent_parts_are_refused(
    counts: list[int], s: list[float | None], q: list[float | None], name: str, index: int, words: str
) -> None:
    with raises_code("invalid_argument", match=f"`{name}`: at point {index} \\(score {index}\\)") as e:
        cx.Tally.from_parts((0, 1), counts, s, q)
    assert e.value.index == index
    assert words in str(e.value)


def test_shape_and_type_refusals() -> None:
    with raises_code("length_mismatch", match="counts"):
        cx.Tally.from_parts((0, 1), [1], None, None)
    with raises_code("length_mismatch", match="weight_sums"):
        cx.Tally.from_parts((0, 1), [0, 1], [0, 1, 0], [0, 1])
    with raises_code("length_mismatch", match="weight_sq_sums"):
        cx.Tally.from_parts((0, 1), [0, 1], [0, 1], [1])
    with raises_code("invalid_argument", match="weight_sq_sums"):
        cx.Tally.from_parts((0, 1), [0, 1], [0, 1.0], None)
    with raises_code("invalid_argument", match="weight_sums"):
        cx.Tally.from_parts((0, 1), [0, 1], None, [0, 1.0])
    with raises_code("invalid_argument", match="counts"):
        cx.Tally.from_parts((0, 1), [0, -1], None, None)
    with raises_code("invalid_argument", match="missing"):
        cx.Tally.from_parts((0, 1), [0, 1], None, None, missing=-1)
    with raises_code("invalid_argument", match="2\\^64 - 1"):
        cx.Tally.from_parts((0, 1), [0, 2**64 - 1], None, None, invalid=1)
    with pytest.raises(TypeError):
        cx.Tally.from_parts((0, 1), [0, 1.5], None, None)  # type: ignore[list-item]
    with pytest.raises(TypeError):
        cx.Tally.from_parts((0, 1), [0, 1], ["a", "b"], [0, 1])  # type: ignore[list-item]
    with raises_code("invalid_scale"):
        cx.Tally.from_parts((0, 0), [1], None, None)


rows_strategy = st.lists(
    st.tuples(
        st.one_of(st.none(), st.integers(-1, 11).map(float), st.just(2.5)),
        st.floats(0.0, 1e3, allow_nan=False),
    ),
    max_size=60,
)


@settings(max_examples=200, deadline=None)
@given(rows_strategy)
def test_parts_of_any_rows_rebuild_the_tally(data: list[tuple[float | None, float]]) -> None:
    scores = [s for s, _ in data]
    weights = [w for _, w in data]
    rows = cx.Tally(NPS, scores, weights=weights, on_invalid="skip")
    c, s, q, missing, invalid = aggregate(0, 10, scores, weights)
    parts = cx.Tally.from_parts(NPS, c, s, q, missing=missing, invalid=invalid)
    assert parts.counts == rows.counts
    assert (parts.missing, parts.invalid) == (rows.missing, rows.invalid)
    for x, y in zip(parts.point_weights, rows.point_weights):
        assert abs(x - y) <= 1e-13 * y


# ---- the binary form (CXTY v1, docs/conventions.md "Binary form") ----


def test_bytes_layout_by_hand() -> None:
    t = cx.Tally.from_parts((0, 1), [300, 1], None, None, missing=2)
    # magic, version 1, flags 0, zigzag(min 0) = 0, zigzag(max 1) = 2, missing 2,
    # invalid 0, counts 300 (LEB128 0xAC 0x02) and 1
    assert t.to_bytes() == b"CXTY\x01\x00\x00\x02\x02\x00\xac\x02\x01"
    w = cx.Tally((-1, 0), [0], weights=[0.5])
    expected = b"CXTY\x01\x01\x01\x00\x00\x00\x00\x01" + np.array([0, 0, 0, 0, 0.5, 0, 0.25, 0], "<f8").tobytes()
    assert w.to_bytes() == expected
    assert cx.Tally.from_bytes(expected) == w


def test_bytes_round_trip() -> None:
    rng = np.random.default_rng(3)
    scores = rng.integers(-1, 12, 3000).astype(float)
    scores[::17] = np.nan
    weights = rng.uniform(0.01, 5, 3000)
    tallies = [
        cx.Tally(NPS, scores, weights=weights, on_invalid="skip"),
        cx.Tally(NPS, scores, on_invalid="skip"),
        cx.Tally((-50, 50), [-50, 50, 0]),
        cx.Tally((1, 5)),
        cx.Tally.from_parts((0, 1), [2**64 - 2, 0], None, None, invalid=1),
    ]
    for t in tallies:
        b = t.to_bytes()
        assert isinstance(b, bytes)
        for data in (b, bytearray(b), memoryview(b)):
            assert cx.Tally.from_bytes(data) == t
        assert len(b) < len(t.to_json())


def test_bytes_refusals_name_offset_and_field() -> None:
    good = cx.Tally(NPS, [9, 10, None], weights=[1.0, 2.0, 1.0]).to_bytes()
    for n in range(len(good)):
        with raises_code("invalid_format", match="truncated"):
            cx.Tally.from_bytes(good[:n])
    with raises_code("invalid_format", match=r"at byte 0 \(magic\): not a binary tally"):
        cx.Tally.from_bytes(b"{" + good[1:])
    with raises_code("invalid_format", match=r"at byte 4 \(version\): an unknown version"):
        cx.Tally.from_bytes(good[:4] + b"\x07" + good[5:])
    with raises_code("invalid_format", match=r"at byte 5 \(flags\)"):
        cx.Tally.from_bytes(good[:5] + b"\x02" + good[6:])
    with raises_code("invalid_format", match=rf"at byte {len(good)} \(end\): trailing bytes"):
        cx.Tally.from_bytes(good + b"\x00\x00")
    with raises_code("invalid_format", match=r"at byte 8 \(missing\): over-long varint"):
        cx.Tally.from_bytes(b"CXTY\x01\x00\x00\x02\x80\x00\x00\x00\x00")
    # Σw² above (Σw)² at point 1 (count 2, Σw 3, Σw² 10)
    bad = b"CXTY\x01\x01\x00\x02\x00\x00\x00\x02" + np.array([0, 0, 0, 0, 3, 0, 10, 0], "<f8").tobytes()
    with raises_code("invalid_format", match=r"at byte 44 \(weights\[1\]\): Σw² is above"):
        cx.Tally.from_bytes(bad)
    with pytest.raises(TypeError):
        cx.Tally.from_bytes("CXTY")  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=64))
def test_arbitrary_bytes_decode_or_refuse(data: bytes) -> None:
    try:
        t = cx.Tally.from_bytes(b"CXTY\x01" + data)
    except cx.CxMetricsError as e:
        assert e.code == "invalid_format"
    else:
        assert cx.Tally.from_bytes(t.to_bytes()) == t
        assert t.to_bytes() == b"CXTY\x01" + data  # one encoding per tally
