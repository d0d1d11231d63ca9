"""Input containers: every numpy dtype (zero-copy and views), pandas, polars."""

from __future__ import annotations

from typing import Any, Callable

import numpy as np
import pandas as pd
import polars as pl
import pytest

import cxmetrics as cx
from cxmetrics._cxmetrics import _scores_address
from conftest import raises_code

BASIC = [10, 9, 9, 8, 7, 3]
THIRD = 100 / 3

INT_DTYPES = [np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64]
FLOAT_DTYPES = [np.float32, np.float64]
ALL_DTYPES = INT_DTYPES + FLOAT_DTYPES


@pytest.mark.parametrize("dtype", ALL_DTYPES, ids=lambda d: np.dtype(d).name)
def test_every_dtype_is_read_zero_copy(dtype: Any) -> None:
    a = np.array(BASIC, dtype=dtype)
    assert _scores_address(a) == a.ctypes.data
    assert cx.nps(a).score == pytest.approx(THIRD)
    assert cx.Tally((0, 10), a).counts == cx.Tally((0, 10), BASIC).counts


@pytest.mark.parametrize("dtype", ALL_DTYPES, ids=lambda d: np.dtype(d).name)
def test_every_dtype_non_contiguous_view_is_copied_and_correct(dtype: Any) -> None:
    a = np.array([x for s in BASIC for x in (s, 0)], dtype=dtype)[::2]
    assert not a.flags["C_CONTIGUOUS"]
    assert _scores_address(a) is None
    assert cx.nps(a).score == pytest.approx(THIRD)
    reversed_view = np.array(BASIC, dtype=dtype)[::-1]
    assert cx.nps(reversed_view).score == pytest.approx(THIRD)


@pytest.mark.parametrize("dtype", ALL_DTYPES, ids=lambda d: np.dtype(d).name)
def test_every_dtype_reports_out_of_scale_by_position(dtype: Any) -> None:
    a = np.array([10, 9, 11, 3], dtype=dtype)
    with raises_code("out_of_scale", index=2, match="11"):
        cx.nps(a)


def test_column_of_a_2d_array_and_read_only_arrays() -> None:
    m = np.array([[10, 0], [9, 0], [9, 0], [8, 0], [7, 0], [3, 0]], dtype=np.int64)
    assert cx.nps(m[:, 0]).score == pytest.approx(THIRD)  # strided view
    col = np.asfortranarray(m)[:, 0]  # a contiguous column
    assert _scores_address(col) == col.ctypes.data
    ro = np.array(BASIC, dtype=np.float64)
    ro.flags.writeable = False
    assert _scores_address(ro) == ro.ctypes.data
    assert cx.nps(ro).score == pytest.approx(THIRD)


@pytest.mark.parametrize("dtype", [">i4", ">f8", "<f2", np.longdouble], ids=str)
def test_other_byte_orders_and_widths_are_converted(dtype: Any) -> None:
    a = np.array(BASIC, dtype=dtype)
    assert cx.nps(a).score == pytest.approx(THIRD)


def test_float_dtypes_nan_is_missing_inf_is_not_finite() -> None:
    for dtype in FLOAT_DTYPES:
        a = np.array([10, np.nan, 9], dtype=dtype)
        assert (cx.nps(a).n, cx.nps(a).missing) == (2, 1)
        with raises_code("not_finite", index=1):
            cx.nps(np.array([10, -np.inf], dtype=dtype))


def test_numpy_object_arrays_and_scalars_in_lists() -> None:
    obj = np.array([10, None, 9.0, np.int64(3)], dtype=object)
    r = cx.nps(obj)
    assert (r.n, r.missing) == (3, 1)
    assert cx.nps([np.int64(10), np.float32(9), np.uint8(3)]).n == 3
    with pytest.raises(TypeError, match="bool"):
        cx.nps([np.bool_(True)])


def test_weights_in_any_container_and_dtype() -> None:
    scores = np.array([10, 0, 9], dtype=np.int8)
    expected = cx.nps(scores, weights=[2.0, 1.0, 1.0])
    for w in (
        (2, 1, 1),
        np.array([2, 1, 1], dtype=np.int32),
        np.array([2, 1, 1], dtype=np.float32),
        np.array([2.0, 0.0, 1.0, 0.0, 1.0])[::2],
        pd.Series([2.0, 1.0, 1.0]),
        pl.Series([2.0, 1.0, 1.0]),
    ):
        assert cx.nps(scores, weights=w) == expected


def test_pandas_numeric_series() -> None:
    s = pd.Series(BASIC, index=list("abcdef"))
    assert cx.nps(s).score == pytest.approx(THIRD)
    assert cx.nps(s.astype("float32")).score == pytest.approx(THIRD)
    assert cx.nps(pd.Series([10.0, np.nan, 9.0])).missing == 1


def test_pandas_nullable_int64_with_pd_na() -> None:
    s = pd.Series([10, 9, 9, pd.NA, 8, 7, 3], dtype="Int64")
    r = cx.nps(s)
    assert r.score == pytest.approx(THIRD)
    assert (r.n, r.missing) == (6, 1)
    assert cx.nps(s.dropna()).missing == 0  # no NA: read as int64


def test_pandas_nullable_float64_and_uint8() -> None:
    s = pd.Series([10.0, None, 9.0, pd.NA], dtype="Float64")
    assert (cx.nps(s).n, cx.nps(s).missing) == (2, 2)
    u = pd.Series([10, 3], dtype="UInt8")
    assert cx.nps(u).score == 0.0


def test_pandas_object_series_with_none_nan_and_na() -> None:
    s = pd.Series([10, None, np.nan, pd.NA, 9, 3], dtype=object)
    r = cx.nps(s)
    assert (r.n, r.missing) == (3, 3)
    # text is read as answers (issue 13): numbers written as text are those numbers
    assert cx.nps(pd.Series(["10", "9"])).score == 100.0


def test_pandas_error_index_is_a_position_not_a_label() -> None:
    s = pd.Series([5, 11], index=[100, 200])
    with raises_code("out_of_scale", index=1):
        cx.nps(s)


def test_pandas_categorical_of_numbers() -> None:
    s = pd.Series([10, 9, 3, None], dtype="category")
    r = cx.nps(s)
    assert (r.n, r.missing) == (3, 1)


def test_pandas_bool_series_and_dataframe_are_refused() -> None:
    with pytest.raises(TypeError, match="bool"):
        cx.nps(pd.Series([True, False]))
    with pytest.raises(TypeError, match="bool"):
        cx.nps(pd.Series([True, None], dtype="boolean"))
    with raises_code("invalid_argument", match="one-dimensional"):
        cx.nps(pd.DataFrame({"a": [10], "b": [9]}))


def test_polars_series_with_null() -> None:
    s = pl.Series("ltr", [10, 9, 9, None, 8, 7, 3])
    r = cx.nps(s)
    assert r.score == pytest.approx(THIRD)
    assert (r.n, r.missing) == (6, 1)


def test_polars_dtypes_and_nan() -> None:
    for dtype in (pl.Int8, pl.Int16, pl.Int32, pl.Int64, pl.UInt8, pl.UInt16, pl.UInt32, pl.UInt64, pl.Float32, pl.Float64):
        s = pl.Series(BASIC, dtype=dtype)
        assert cx.nps(s).score == pytest.approx(THIRD), dtype
    f = pl.Series([10.0, None, float("nan"), 3.0])
    assert (cx.nps(f).n, cx.nps(f).missing) == (2, 2)


def test_polars_refusals() -> None:
    with pytest.raises(TypeError, match="bool"):
        cx.nps(pl.Series([True, False]))
    assert cx.nps(pl.Series(["10"])).score == 100.0  # text answers (issue 13)
    with raises_code("invalid_argument", match="one-dimensional"):
        cx.nps(pl.DataFrame({"a": [10], "b": [9]}))


def test_pyarrow_arrays_when_installed() -> None:
    pa = pytest.importorskip("pyarrow")
    r = cx.nps(pa.array([10, 9, None, 3]))
    assert (r.n, r.missing) == (3, 1)
    assert cx.nps(pa.chunked_array([[10, 9], [3]])).n == 3


def test_numpy_masked_arrays_treat_masked_entries_as_missing() -> None:
    m = np.ma.masked_array([10, 9, 0, 3], mask=[False, False, True, False])
    r = cx.nps(m)
    assert (r.n, r.missing, r.n_detractors) == (3, 1, 1)
    unmasked = np.ma.masked_array(np.array(BASIC, dtype=np.int16))
    assert cx.nps(unmasked).score == pytest.approx(THIRD)
    w = np.ma.masked_array([1.0, 5.0], mask=[False, True])
    with raises_code("invalid_weight", index=1):
        cx.nps([10, 9], weights=w)
    with pytest.raises(TypeError, match="bool"):
        cx.nps(np.ma.masked_array([True]))


def test_objects_with_array_protocol() -> None:
    class Column:
        def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
            return np.array(BASIC, dtype=np.uint8)

    assert cx.nps(Column()).score == pytest.approx(THIRD)


def test_large_input_releases_the_gil(releases_gil: Callable[..., list[Any]]) -> None:
    """Another Python thread runs while a large array is being tallied."""
    a = np.full(30_000_000, 9, dtype=np.uint8)
    for r in releases_gil(lambda: cx.nps(a), "tallying 30M responses"):
        assert r.n == a.size
