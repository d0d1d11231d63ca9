"""Arrow input through the PyCapsule interface: pyarrow arrays and chunked arrays, polars
Series, pandas Series with pyarrow dtypes. Nulls are missing answers, like NaN / None.

Every expected value comes from an independent path: the same data as a numpy float64
array with NaN at the nulls (the tested numpy path), and for NPS also a hand formula
over the valid values.
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np
import pandas as pd
import polars as pl
import pytest

import cxmetrics as cx
from cxmetrics._cxmetrics import _scores_address
from conftest import raises_code

pa = pytest.importorskip("pyarrow")

PA_TYPES = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float32", "float64"]
PL_TYPES = [pl.Int8, pl.Int16, pl.Int32, pl.Int64, pl.UInt8, pl.UInt16, pl.UInt32, pl.UInt64, pl.Float32, pl.Float64]
BLOCK = 1 << 16  # rows per block when weights must be assembled (src/arrow.rs)
PARALLEL_MIN = 1 << 22  # the core counts unweighted inputs this long on all cores


def with_nulls(n: int, seed: int, null_share: float = 0.2) -> list[int | None]:
    rng = np.random.default_rng(seed)
    values = rng.integers(0, 11, n).tolist()
    nulls = rng.random(n) < null_share
    return [None if m else v for v, m in zip(values, nulls)]


def as_numpy(values: list[Any]) -> Any:
    """The numpy equivalent: float64 with NaN for None."""
    return np.array([np.nan if v is None else v for v in values], dtype=np.float64)


def hand_nps(values: list[Any]) -> float:
    """NPS by hand over the valid values: 100 × (promoters − detractors) / n."""
    v = np.array([x for x in values if x is not None and x == x], dtype=np.float64)
    return 100.0 * (np.count_nonzero(v >= 9) - np.count_nonzero(v <= 6)) / v.size


def funcs() -> dict[str, tuple[Callable[..., Any], dict[str, Any]]]:
    from conftest import FUNCS

    return FUNCS


# ---- every type, every metric ------------------------------------------------------------


@pytest.mark.parametrize("type_name", PA_TYPES)
def test_every_pyarrow_type_with_nulls_matches_numpy(type_name: str) -> None:
    values = with_nulls(500, seed=len(type_name))
    arr = pa.array(values, type=getattr(pa, type_name)())
    ref = as_numpy(values)
    assert arr.null_count > 0
    for name, (f, kw) in funcs().items():
        assert f(arr, **kw) == f(ref, **kw), name
    r = cx.nps(arr)
    assert r.score == pytest.approx(hand_nps(values), abs=1e-12)
    assert (r.n, r.missing) == (sum(v is not None for v in values), sum(v is None for v in values))
    assert cx.Tally((0, 10), arr) == cx.Tally((0, 10), ref)


@pytest.mark.parametrize("type_name", PA_TYPES)
def test_every_pyarrow_type_without_nulls_is_read_in_place(type_name: str) -> None:
    values = [10, 9, 9, 8, 7, 3]
    arr = pa.array(values, type=getattr(pa, type_name)())
    itemsize = np.dtype(arr.type.to_pandas_dtype()).itemsize
    assert _scores_address(arr) == arr.buffers()[1].address
    sliced = arr.slice(2, 3)
    assert _scores_address(sliced) == arr.buffers()[1].address + 2 * itemsize
    assert cx.nps(arr).score == pytest.approx(100 / 3)
    assert cx.nps(sliced) == cx.nps(np.array([9, 8, 7]))
    assert cx.nps(arr) == cx.nps(np.array(values))


def test_nps_by_hand_on_a_small_array() -> None:
    # 3 promoters (10, 9, 9), 2 passives (8, 7), 1 detractor (3), 2 nulls
    r = cx.nps(pa.array([10, None, 9, 9, 8, None, 7, 3], type=pa.int16()))
    assert (r.n, r.missing, r.n_promoters, r.n_passives, r.n_detractors) == (6, 2, 3, 2, 1)
    assert r.score == pytest.approx(100 * (3 - 1) / 6)


# ---- slices, chunks, empties -------------------------------------------------------------


@pytest.mark.parametrize("type_name", ["int8", "uint32", "float32", "float64"])
def test_sliced_arrays_with_nulls_use_the_offset(type_name: str) -> None:
    values = with_nulls(300, seed=7)
    arr = pa.array(values, type=getattr(pa, type_name)())
    for start, length in [(0, 300), (3, 50), (13, 200), (299, 1), (150, 0)]:
        part = arr.slice(start, length)
        ref = as_numpy(values[start : start + length])
        assert cx.Tally((0, 10), part) == cx.Tally((0, 10), ref), (start, length)
        # the sliced validity bitmap must not leak neighbours into the counts
        assert cx.Tally((0, 10), part).missing == sum(v is None for v in values[start : start + length])


def test_chunked_arrays_count_every_chunk() -> None:
    chunks = [with_nulls(n, seed=n) for n in (5, 0, 17, 1, 64)]
    ca = pa.chunked_array([pa.array(c, type=pa.int32()) for c in chunks], type=pa.int32())
    flat = [v for c in chunks for v in c]
    assert ca.num_chunks == 5
    for name, (f, kw) in funcs().items():
        assert f(ca, **kw) == f(as_numpy(flat), **kw), name
    assert cx.nps(ca).score == pytest.approx(hand_nps(flat), abs=1e-12)
    # chunks that are themselves slices
    sliced = pa.chunked_array([pa.array(flat, type=pa.int32()).slice(3, 40), pa.array(flat, type=pa.int32()).slice(50)])
    assert cx.Tally((0, 10), sliced) == cx.Tally((0, 10), as_numpy(flat[3:43] + flat[50:]))


def test_large_chunked_arrays_with_nulls_across_blocks() -> None:
    sizes = (BLOCK + 5, 3, 2 * BLOCK + 17)
    chunks = [with_nulls(n, seed=i) for i, n in enumerate(sizes)]
    flat = [v for c in chunks for v in c]
    for type_name in ("int64", "float32", "float64"):
        ca = pa.chunked_array([pa.array(c, type=getattr(pa, type_name)()) for c in chunks])
        t = cx.Tally((0, 10), ca)
        assert t == cx.Tally((0, 10), as_numpy(flat)), type_name
        assert (t.n + t.missing) == len(flat)
    ca = pa.chunked_array([pa.array(c, type=pa.int8()) for c in chunks])
    assert cx.nps(ca).score == pytest.approx(hand_nps(flat), abs=1e-9)


def test_empty_arrays_are_empty_not_zero() -> None:
    for arr in (pa.array([], type=pa.int64()), pa.chunked_array([], type=pa.float64()), pl.Series([], dtype=pl.Int8)):
        with raises_code("empty"):
            cx.nps(arr)
        t = cx.Tally((0, 10), arr)
        assert (t.n, t.missing) == (0, 0)
        with raises_code("empty"):
            cx.nps(arr, weights=pa.array([], type=pa.float64()))


def test_all_null_arrays_are_all_missing() -> None:
    for arr in (
        pa.array([None] * 5, type=pa.float64()),
        pa.array([None] * 5, type=pa.int16()),
        pa.array([None] * 5),  # Arrow's null type
        pa.nulls(5),
        pa.chunked_array([pa.nulls(2), pa.nulls(3)]),
        pl.Series([None] * 5, dtype=pl.Int64),
    ):
        with raises_code("empty"):
            cx.nps(arr)
        assert cx.Tally((0, 10), arr).missing == 5
    big = pa.nulls(BLOCK + 3)
    assert cx.Tally((0, 10), big).missing == BLOCK + 3


def test_nan_and_null_are_both_missing() -> None:
    arr = pa.array([10.0, float("nan"), None, 3.0, 9.0], type=pa.float64())
    r = cx.nps(arr)
    assert (r.n, r.missing) == (3, 2)
    assert r == cx.nps(np.array([10.0, np.nan, np.nan, 3.0, 9.0]))
    f32 = pa.array([10.0, float("nan"), None, 3.0], type=pa.float32())
    assert cx.nps(f32) == cx.nps(np.array([10, np.nan, np.nan, 3], dtype=np.float32))


# ---- invalid values: same errors and indices as numpy ----------------------------------------


@pytest.mark.parametrize(
    "bad, code",
    [(11, "out_of_scale"), (-1, "out_of_scale"), (8.5, "not_integer"), (float("inf"), "not_finite")],
)
def test_invalid_values_name_the_index_in_the_whole_column(bad: Any, code: str) -> None:
    chunks: list[list[Any]] = [[10, None, 9], [], [None, 8], [7, bad, 3]]
    flat = [v for c in chunks for v in c]
    typ = pa.float64() if isinstance(bad, float) else pa.int64()
    ca = pa.chunked_array([pa.array(c, type=typ) for c in chunks], type=typ)
    with raises_code(code, index=6) as numpy_err:
        cx.nps(as_numpy(flat))
    with raises_code(code, index=6) as arrow_err:
        cx.nps(ca)
    assert str(arrow_err.value) == str(numpy_err.value)
    skipped = cx.nps(ca, on_invalid="skip")
    assert skipped == cx.nps(as_numpy(flat), on_invalid="skip")
    assert skipped.invalid == 1


def test_invalid_index_after_block_boundaries_and_chunks() -> None:
    first = with_nulls(BLOCK + 100, seed=1)
    second = with_nulls(2 * BLOCK, seed=2)
    second[BLOCK + 7] = 12
    ca = pa.chunked_array([pa.array(first, type=pa.int16()), pa.array(second, type=pa.int16())])
    expected = len(first) + BLOCK + 7
    with raises_code("out_of_scale", index=expected):
        cx.nps(as_numpy(first + second))
    with raises_code("out_of_scale", index=expected):
        cx.nps(ca)
    sliced = pa.array(first + second, type=pa.float64()).slice(10)
    with raises_code("out_of_scale", index=expected - 10):
        cx.nps(sliced)


def test_a_failed_extend_leaves_the_tally_unchanged() -> None:
    t = cx.Tally((0, 10), pa.array([10, None], type=pa.int8()))
    with raises_code("out_of_scale", index=2):
        t.extend(pa.chunked_array([[9, 8], [11]]))
    assert (t.n, t.missing) == (1, 1)
    t.extend(pl.Series([3, None]))
    assert (t.n, t.missing) == (2, 2)


# ---- validity bitmaps read in place: offsets, garbage under nulls ----------------------------
# A chunk with nulls goes to the core in place with its validity bitmap and bit offset.
# Expected values are counted by hand with numpy on the valid values only.


def garbage_array(typ: Any, values: np.ndarray, valid: np.ndarray, offset: int = 0) -> Any:
    """An Arrow array built from raw buffers: `values` as stored (null slots included, so
    they can hold anything), `valid` the rows that are not null, from row `offset` on."""
    bitmap = np.packbits(valid.astype(np.uint8), bitorder="little").tobytes()
    data = np.ascontiguousarray(values, dtype=typ.to_pandas_dtype()).tobytes()
    n = len(values) - offset
    nulls = int(np.count_nonzero(~valid[offset:]))
    return pa.Array.from_buffers(typ, n, [pa.py_buffer(bitmap), pa.py_buffer(data)], null_count=nulls, offset=offset)


def hand_counts(values: np.ndarray, valid: np.ndarray, points: int = 11, weights: Any = None) -> list[Any]:
    """Responses (or Σw) per point 0..points-1 over the valid rows only."""
    v = values[valid].astype(np.int64)
    w = None if weights is None else np.asarray(weights)[valid]
    out = np.bincount(v, weights=w, minlength=points)
    return out.tolist() if w is not None else [int(c) for c in out]


def random_column(n: int, seed: int, null_share: float = 0.2) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return rng.integers(0, 11, n), rng.random(n) >= null_share


@pytest.mark.parametrize("type_name", ["int8", "uint16", "int64", "float32", "float64"])
@pytest.mark.parametrize("start, length", [(3, None), (13, None), (1, 62), (7, 1), (64 + 5, 130), (299, None)])
def test_slices_with_nulls_at_unaligned_offsets_count_by_hand(type_name: str, start: int, length: Any) -> None:
    values, valid = random_column(300, seed=21)
    arr = pa.array(values, type=getattr(pa, type_name)(), mask=~valid).slice(start, length)
    stop = 300 if length is None else start + length
    assert arr.offset == start
    t = cx.Tally((0, 10), arr)
    assert t.counts == hand_counts(values[start:stop], valid[start:stop])
    assert (t.missing, t.invalid) == (int(np.count_nonzero(~valid[start:stop])), 0)


def test_large_slices_with_nulls_at_unaligned_offsets() -> None:
    # long enough for the core to split the chunk over threads (validity offsets per part)
    n = PARALLEL_MIN + 3 * BLOCK + 29
    values, valid = random_column(n, seed=22, null_share=0.05)
    full = pa.array(values.astype(np.int8), mask=~valid)
    for start in (3, 13):
        t = cx.Tally((0, 10), full.slice(start))
        assert t.counts == hand_counts(values[start:], valid[start:])
        assert t.missing == int(np.count_nonzero(~valid[start:]))
    r = cx.nps(full.slice(13))
    v = values[13:][valid[13:]]
    assert r.score == pytest.approx(100.0 * (np.count_nonzero(v >= 9) - np.count_nonzero(v <= 6)) / v.size, abs=1e-9)


def test_chunks_with_different_offsets() -> None:
    values, valid = random_column(400, seed=23)
    base = pa.array(values.astype(np.float64), mask=~valid)
    cuts = [(3, 40), (13, 77), (64, 5), (8, 8), (101, 0), (1, 299)]
    ca = pa.chunked_array([base.slice(a, b) for a, b in cuts])
    assert {c.offset for c in ca.chunks} == {3, 13, 64, 8, 101, 1}
    idx = np.concatenate([np.arange(a, a + b) for a, b in cuts])
    t = cx.Tally((0, 10), ca)
    assert t.counts == hand_counts(values[idx], valid[idx])
    assert t.missing == int(np.count_nonzero(~valid[idx]))
    # an invalid value in the fourth chunk (row 10 of its array, row 2 of the chunk): its
    # position in the whole column
    bad_values, bad_valid = values.copy(), valid.copy()
    bad_values[10], bad_valid[10] = 11, True
    bad = pa.array(bad_values.astype(np.float64), mask=~bad_valid)
    chunks = [base.slice(a, b) for a, b in cuts]
    chunks[3] = bad.slice(8, 8)
    with raises_code("out_of_scale", index=40 + 77 + 5 + 2):
        cx.nps(pa.chunked_array(chunks))


@pytest.mark.parametrize(
    "typ, garbage",
    [(pa.uint8(), 255), (pa.int16(), -7), (pa.int64(), 2**40), (pa.float64(), 1e300), (pa.float64(), 8.5),
     (pa.float64(), float("nan")), (pa.float64(), float("inf")), (pa.float32(), 1e30)],
    ids=str,
)
def test_values_under_nulls_are_never_read(typ: Any, garbage: Any) -> None:
    # rows 1, 3 and 7 are null and hold garbage; the valid rows are 10, 3, 9, 8, 0, 6, 9
    values = np.array([10, garbage, 3, garbage, 9, 8, 0, garbage, 6, 9], dtype=typ.to_pandas_dtype())
    valid = np.array([True, False, True, False, True, True, True, False, True, True])
    arr = garbage_array(typ, values, valid)
    assert arr.null_count == 3
    r = cx.nps(arr)  # on_invalid="error": reading a null slot would raise
    # 3 promoters (10, 9, 9), 1 passive (8), 3 detractors (3, 0, 6)
    assert (r.n, r.missing, r.invalid) == (7, 3, 0)
    assert (r.n_promoters, r.n_passives, r.n_detractors) == (3, 1, 3)
    assert r.score == pytest.approx(0.0, abs=1e-12)
    assert cx.nps(arr, on_invalid="skip").invalid == 0
    # the same buffers read from row 3 on (offset into the bitmap's first byte)
    part = garbage_array(typ, values, valid, offset=3)
    t = cx.Tally((0, 10), part)
    assert t.counts == hand_counts(values[3:], valid[3:])
    assert (t.missing, t.invalid) == (2, 0)
    # weighted: a null row's weight is not used either
    w = np.array([1.0, -5.0, 2.0, float("nan"), 0.5, 1.0, 3.0, float("inf"), 1.0, 2.0])
    tw = cx.Tally((0, 10), arr, weights=pa.array(w))
    assert tw.point_weights == pytest.approx(hand_counts(values, valid, weights=w), rel=1e-12)
    assert (tw.n, tw.missing) == (7, 3)


def test_large_column_with_garbage_in_every_null_slot() -> None:
    n = 2 * BLOCK + 77
    values, valid = random_column(n, seed=24, null_share=0.1)
    stored = np.where(valid, values, 200).astype(np.uint8)  # 200 is out of the 0–10 scale
    arr = garbage_array(pa.uint8(), stored, valid)
    t = cx.Tally((0, 10), arr)
    assert t.counts == hand_counts(values, valid)
    assert (t.missing, t.invalid) == (int(np.count_nonzero(~valid)), 0)
    sliced = garbage_array(pa.uint8(), stored, valid, offset=13)
    assert cx.Tally((0, 10), sliced).counts == hand_counts(values[13:], valid[13:])
    w = np.random.default_rng(25).random(n)
    chunked_w = pa.chunked_array([w[:1000], w[1000:]])  # not aligned with the scores: blocks
    tw = cx.Tally((0, 10), arr, weights=chunked_w)
    assert tw.point_weights == pytest.approx(hand_counts(values, valid, weights=w), rel=1e-12)
    assert tw.counts == hand_counts(values, valid)


@pytest.mark.parametrize("typ", [pa.int8(), pa.uint32(), pa.float64()], ids=str)
def test_an_invalid_value_right_after_a_null(typ: Any) -> None:
    # row 7 is the last bit of the bitmap's first byte (null, garbage 99), row 8 is invalid
    values = np.array([10, 9, 8, 7, 6, 5, 4, 99, 12, 3, 99, 11], dtype=typ.to_pandas_dtype())
    valid = np.array([True] * 7 + [False, True, True, False, True])
    arr = garbage_array(typ, values, valid)
    with raises_code("out_of_scale", index=8, match="12"):
        cx.nps(arr)
    with raises_code("out_of_scale", index=8 - 3):
        cx.nps(garbage_array(typ, values, valid, offset=3))
    with raises_code("out_of_scale", index=8 - 3):
        cx.nps(arr.slice(3))
    with raises_code("out_of_scale", index=5 + 8):
        cx.nps(pa.chunked_array([pa.array([1, None, 2, 3, 4], type=typ), arr]))
    with raises_code("out_of_scale", index=8):
        cx.nps(arr, weights=pa.chunked_array([[1.0] * 4, [1.0] * 8]))
    skipped = cx.nps(arr, on_invalid="skip")
    assert (skipped.n, skipped.missing, skipped.invalid) == (8, 2, 2)


def test_weighted_with_nulls_in_scores_and_weights() -> None:
    n = 1000
    values, valid = random_column(n, seed=26)
    rng = np.random.default_rng(27)
    w = rng.random(n) * 2
    scores = pa.array(values.astype(np.int16), mask=~valid)
    w_nulls = ~valid & (rng.random(n) < 0.5)  # null weights only where the score is null
    cases = [
        pa.array(w),
        pa.array(w, mask=w_nulls),
        pa.chunked_array([w[:333], w[333:]]),
        pa.array(w.astype(np.float32)),
        w,
    ]
    expected = hand_counts(values, valid, weights=w)
    for wa in cases:
        t = cx.Tally((0, 10), scores, weights=wa)
        tol = 1e-6 if getattr(wa, "type", None) == pa.float32() else 1e-12
        assert t.point_weights == pytest.approx(expected, rel=tol)
        assert t.counts == hand_counts(values, valid)
        assert (t.missing, t.weighted) == (int(np.count_nonzero(~valid)), True)
    # sliced scores at an unaligned offset, weights of the same rows
    t = cx.Tally((0, 10), scores.slice(13), weights=pa.array(w).slice(13))
    assert t.point_weights == pytest.approx(hand_counts(values[13:], valid[13:], weights=w[13:]), rel=1e-12)
    # a null weight where the score is valid is invalid
    first = int(np.flatnonzero(valid)[0])
    with raises_code("invalid_weight", index=first):
        cx.nps(scores, weights=pa.array(w, mask=np.arange(n) == first))


# ---- polars and pandas ---------------------------------------------------------------------


@pytest.mark.parametrize("dtype", PL_TYPES, ids=str)
def test_polars_series_with_and_without_nulls(dtype: Any) -> None:
    values = with_nulls(400, seed=3)
    s = pl.Series(values, dtype=dtype)
    assert cx.Tally((0, 10), s) == cx.Tally((0, 10), as_numpy(values))
    dense = [v for v in values if v is not None]
    d = pl.Series(dense, dtype=dtype)
    assert cx.nps(d) == cx.nps(np.array(dense))
    assert cx.nps(d).score == pytest.approx(hand_nps(dense), abs=1e-12)


def test_polars_series_of_several_chunks() -> None:
    a, b = with_nulls(50, seed=4), with_nulls(70, seed=5)
    s = pl.concat([pl.Series(a, dtype=pl.Int32), pl.Series(b, dtype=pl.Int32)], rechunk=False)
    assert s.n_chunks() == 2
    assert cx.Tally((0, 10), s) == cx.Tally((0, 10), as_numpy(a + b))
    bad = pl.concat([pl.Series(a, dtype=pl.Float64), pl.Series([1.0, 2.5]), pl.Series(b, dtype=pl.Float64)], rechunk=False)
    with raises_code("not_integer", index=51):
        cx.nps(bad)


@pytest.mark.parametrize("dtype", ["int8[pyarrow]", "double[pyarrow]", "uint16[pyarrow]", "float[pyarrow]"])
def test_pandas_series_with_pyarrow_dtypes(dtype: str) -> None:
    values = with_nulls(200, seed=6)
    s = pd.Series(values, dtype=dtype, index=range(1000, 1200))
    assert s.isna().any()
    for name, (f, kw) in funcs().items():
        assert f(s, **kw) == f(as_numpy(values), **kw), name
    dense = pd.Series([10, 9, 3], dtype=dtype)
    assert cx.nps(dense) == cx.nps([10, 9, 3])
    bad = pd.Series([10, None, 11], dtype=dtype, index=[7, 8, 9])
    with raises_code("out_of_scale", index=2):  # a position, not an index label
        cx.nps(bad)


# ---- weights -------------------------------------------------------------------------------


def test_arrow_weights_match_numpy_weights() -> None:
    scores = with_nulls(300, seed=8)
    rng = np.random.default_rng(9)
    w = rng.random(300) * 3
    expected = cx.nps(as_numpy(scores), weights=w)
    cases = [
        (pa.array(scores, type=pa.int8()), pa.array(w)),
        (pa.array(scores, type=pa.int8()), pa.chunked_array([w[:100], w[100:250], w[250:]])),
        (pa.chunked_array([scores[:130], scores[130:]], type=pa.int64()), pa.chunked_array([w[:7], w[7:]])),
        (as_numpy(scores), pa.chunked_array([w[:7], w[7:]])),
        (pa.array(scores, type=pa.float32()), w),
        (pl.Series(scores, dtype=pl.UInt8), pl.Series(w)),
    ]
    for s, wa in cases:
        r = cx.nps(s, weights=wa)
        assert r.score == pytest.approx(expected.score, rel=1e-12)
        assert r.sum_weights == pytest.approx(expected.sum_weights, rel=1e-12)
        assert r.n_eff == pytest.approx(expected.n_eff, rel=1e-12)
        assert (r.n, r.missing, r.weighted) == (expected.n, expected.missing, True)
    int_weights = pa.array([2, 1, 1], type=pa.int32())
    assert cx.nps([10, 0, 9], weights=int_weights) == cx.nps([10, 0, 9], weights=[2.0, 1.0, 1.0])


def test_large_weighted_arrow_input_across_blocks() -> None:
    n = 2 * BLOCK + 11
    scores = with_nulls(n, seed=10)
    w = np.random.default_rng(11).random(n)
    expected = cx.Tally((0, 10), as_numpy(scores), weights=w)
    ca = pa.chunked_array([pa.array(scores[:BLOCK + 1], type=pa.int16()), pa.array(scores[BLOCK + 1 :], type=pa.int16())])
    wa = pa.chunked_array([w[:5], w[5:]])
    t = cx.Tally((0, 10), ca, weights=wa)
    assert t.counts == expected.counts
    assert (t.n, t.missing) == (expected.n, expected.missing)
    assert t.point_weights == pytest.approx(expected.point_weights, rel=1e-12)
    assert t.n_eff == pytest.approx(expected.n_eff, rel=1e-12)


def test_bad_arrow_weights() -> None:
    scores = pa.array([10, 9, None, 3])
    # a null weight is NaN: invalid where the score is valid, ignored where it is missing
    with raises_code("invalid_weight", index=1):
        cx.nps(scores, weights=pa.array([1.0, None, 1.0, 1.0]))
    assert cx.nps(scores, weights=pa.array([1.0, 1.0, None, 1.0])).n == 3
    with raises_code("invalid_weight", index=3):
        cx.nps(scores, weights=pa.chunked_array([[1.0, 1.0], [1.0, -2.0]]))
    with raises_code("length_mismatch"):
        cx.nps(scores, weights=pa.array([1.0, 1.0]))
    with raises_code("length_mismatch"):
        cx.nps([10, 9], weights=pa.array([1.0]))
    with pytest.raises(TypeError, match=r"weights.*'u'"):
        cx.nps(scores, weights=pa.array(["a", "b", "c", "d"]))


# ---- refused types -------------------------------------------------------------------------


def test_unsupported_arrow_types_name_the_argument_and_format() -> None:
    import datetime as dt
    import decimal

    # string, dictionary and categorical columns are text answers (issue 13): read,
    # never refused by type
    for text in (
        pa.array(["10", "9"]),
        pa.array(["10"], type=pa.large_string()),
        pa.array(["10", "9"]).dictionary_encode(),
        pl.Series(["10"]),
        pl.Series(["10"], dtype=pl.Categorical),
    ):
        assert cx.nps(text).score == 100.0
    with raises_code("unknown_label", index=0):
        cx.nps(pa.array(["a", "b"]).dictionary_encode())
    cases: list[tuple[Any, str]] = [
        (pa.array([True, False]), "'b'"),
        (pa.array([decimal.Decimal("1.5")]), "'d:"),
        (pa.array([dt.datetime(2026, 1, 1)]), "'tsu:"),
        (pa.array([1.0], type=pa.float16()), "'e'"),
        (pl.Series([True]), "bool"),
    ]
    for arr, fragment in cases:
        with pytest.raises(TypeError, match="scores") as info:
            cx.nps(arr)
        assert fragment in str(info.value), (arr, str(info.value))
    for table in (pa.table({"a": [10], "b": [9]}), pa.record_batch({"a": [10]}), pl.DataFrame({"a": [10]})):
        with raises_code("invalid_argument", match="one-dimensional.*'\\+s'"):
            cx.nps(table)


class _Broken:
    """An object that claims to export Arrow data but does not."""

    def __init__(self, result: Any, method: str = "__arrow_c_array__") -> None:
        self._result = result
        setattr(self, method, lambda *a, **k: self._result)


def test_broken_exporters_raise_not_panic() -> None:
    capsule = pa.array([1]).__arrow_c_array__()[1]
    stream = pa.chunked_array([[1]]).__arrow_c_stream__()
    for obj in (
        _Broken(None),
        _Broken((1, 2)),
        _Broken((capsule,)),
        _Broken((capsule, capsule)),
        _Broken(None, "__arrow_c_stream__"),
        _Broken(capsule, "__arrow_c_stream__"),
    ):
        with pytest.raises((TypeError, ValueError)):
            cx.nps(obj)
    r = cx.nps(_Broken(stream, "__arrow_c_stream__"))  # a well-formed stream: read
    assert (r.n, r.n_detractors) == (1, 1)


# ---- other entry points --------------------------------------------------------------------


def test_other_entry_points_accept_arrow() -> None:
    scores = [10, 9, None, 3, 8, 10]
    arr = pa.chunked_array([scores[:2], scores[2:]], type=pa.int64())
    ref = as_numpy(scores)
    assert cx.segment(arr, ["a", "a", "b", "b", "a", "b"], min_n=1).overall.score == pytest.approx(
        cx.segment(ref, ["a", "a", "b", "b", "a", "b"], min_n=1).overall.score
    )
    times = ["2026-01-10T12:00:00Z"] * 3 + ["2026-02-10T12:00:00Z"] * 3
    assert [r.n for r in cx.trend(arr, times, min_n=1)] == [r.n for r in cx.trend(ref, times, min_n=1)]
    before = pa.array([6, 7, 9, 3, None])
    after = pl.Series([9, 8, 9, 6, 10])
    assert cx.paired_nps(before, after) == cx.paired_nps([6, 7, 9, 3, None], [9, 8, 9, 6, 10])
    assert cx.handle_time(pa.array([300.0, 420.0, None])).score == cx.handle_time([300, 420, None]).score
    assert cx.adjust_p_values(pa.array([0.01, 0.04, 0.03])) == cx.adjust_p_values([0.01, 0.04, 0.03])
    t = cx.Tally(cx.Scale.nps())
    t.extend(arr)
    assert t == cx.Tally((0, 10), ref)


def test_large_arrow_input_releases_no_memory_it_does_not_own() -> None:
    # the imported buffers stay alive while tallying and are released once afterwards
    arr = pa.array(np.tile(np.arange(11, dtype=np.int64), 20000))
    before = pa.total_allocated_bytes()
    for _ in range(3):
        assert cx.nps(arr).n == len(arr)
        assert cx.nps(pa.chunked_array([arr, arr])).n == 2 * len(arr)
    assert pa.total_allocated_bytes() == before
