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
BLOCK = 1 << 16  # rows per block when a chunk has nulls (src/arrow.rs)


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

    cases: list[tuple[Any, str]] = [
        (pa.array(["10", "9"]), "'u'"),
        (pa.array(["10"], type=pa.large_string()), "'U'"),
        (pa.array([True, False]), "'b'"),
        (pa.array([decimal.Decimal("1.5")]), "'d:"),
        (pa.array(["a", "b"]).dictionary_encode(), "dictionary"),
        (pa.array([dt.datetime(2026, 1, 1)]), "'tsu:"),
        (pa.array([1.0], type=pa.float16()), "'e'"),
        (pl.Series(["10"]), "str"),
        (pl.Series([True]), "bool"),
        (pl.Series(["a"], dtype=pl.Categorical), "format"),
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
