"""mean_of, the continuous mean: R's and scipy's t.test reference values (the sleep data),
containers, weights, missing values and errors. The vectors are run by test_stats.py."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import cxmetrics as cx
from conftest import raises_code

# R datasets::sleep, extra hours of sleep per drug group
SLEEP_1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]
SLEEP_2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]


def test_r_t_test_sleep_welch() -> None:
    # R: t.test(extra ~ group, data = sleep)
    #   t = -1.8608, df = 17.776, p-value = 0.07939, 95 % CI -3.3654832 0.2054832
    # scipy.stats.ttest_ind(g1, g2, equal_var=False) gives the unrounded values below
    c = cx.compare(cx.mean_of(SLEEP_1), cx.mean_of(SLEEP_2))
    assert c.method == "welch"
    assert c.difference == pytest.approx(-1.58, abs=1e-12)
    assert c.statistic == pytest.approx(-1.8608134674868526, abs=1e-9)
    assert c.df == pytest.approx(17.776473516178488, abs=1e-9)
    assert c.p_value == pytest.approx(0.0793941401873583, abs=1e-9)
    assert c.lower == pytest.approx(-3.3654832307117104, abs=1e-9)
    assert c.upper == pytest.approx(0.20548323071171137, abs=1e-9)
    assert (round(c.statistic, 4), round(c.df or 0.0, 3), round(c.p_value, 5)) == (-1.8608, 17.776, 0.07939)
    assert (round(c.lower, 7), round(c.upper, 7)) == (-3.3654832, 0.2054832)


def test_r_t_test_sleep_one_sample_interval() -> None:
    # R: t.test(sleep$extra[1:10]): 95 % CI -0.5297804 2.0297804
    r = cx.mean_of(SLEEP_1)
    assert r.score == pytest.approx(0.75, abs=1e-12)
    assert r.std_dev == pytest.approx(1.7890096577591623, abs=1e-12)
    lo, hi = r.interval()
    assert lo == pytest.approx(-0.5297804135262321, abs=1e-9)
    assert hi == pytest.approx(2.029780413526232, abs=1e-9)
    assert r.interval().method == "t"
    assert r.margin_of_error() == pytest.approx((hi - lo) / 2, abs=1e-12)
    with raises_code("invalid_argument"):
        r.interval(method="wilson")  # type: ignore[arg-type]


def test_fields_and_to_dict() -> None:
    r = cx.mean_of([1.0, 2.0, 4.0, None], weights=[1.0, 1.0, 2.0, None])
    assert r.to_dict() == {
        "score": 2.75,
        "std_dev": pytest.approx(math.sqrt(2.7), abs=1e-14),
        "n": 3,
        "missing": 1,
        "sum_weights": 4.0,
        "n_eff": pytest.approx(16 / 6, abs=1e-15),
        "weighted": True,
    }
    assert repr(r).startswith("MeanOfResult(score=2.75")
    u = cx.mean_of([12.5, 30.0, math.nan, 17.5])
    assert (u.score, u.n, u.missing, u.weighted, u.sum_weights, u.n_eff) == (20.0, 3, 1, False, 3.0, 3.0)


@pytest.mark.parametrize(
    "values",
    [
        np.array(SLEEP_1),
        pa.chunked_array([SLEEP_1[:4], SLEEP_1[4:]]),
        pd.Series(SLEEP_1),
        pl.Series(SLEEP_1),
        pa.array(SLEEP_1),
        tuple(SLEEP_1),
    ],
    ids=["numpy", "arrow-chunked", "pandas", "polars", "arrow", "tuple"],
)
def test_containers(values: object) -> None:
    r = cx.mean_of(values)  # type: ignore[arg-type]
    assert r.score == pytest.approx(0.75, abs=1e-12) and r.n == 10


@pytest.mark.parametrize("dtype", [np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint64, np.float32, np.float64])
def test_numpy_dtypes(dtype: type) -> None:
    r = cx.mean_of(np.array([1, 2, 3, 6], dtype=dtype))
    assert r.score == 3.0 and r.std_dev == pytest.approx(math.sqrt(14 / 3), abs=1e-12)


def test_missing_in_every_container() -> None:
    want = cx.mean_of([1.0, 5.0])
    for values in (
        [1.0, None, 5.0],
        np.array([1.0, np.nan, 5.0]),
        pd.Series([1.0, None, 5.0]),
        pl.Series([1.0, None, 5.0]),
        pa.array([1.0, None, 5.0]),
        pd.array([1, None, 5], dtype="Int64"),
    ):
        r = cx.mean_of(values)  # type: ignore[arg-type]
        assert (r.score, r.n, r.missing) == (3.0, 2, 1), type(values)
        assert r.std_dev == want.std_dev
    w = cx.mean_of(pd.Series([1.0, 2.0, 4.0]), weights=pl.Series([1.0, 1.0, 2.0]))
    assert w.score == 2.75 and w.weighted


def test_errors() -> None:
    with raises_code("empty"):
        cx.mean_of([])
    with raises_code("empty"):
        cx.mean_of([None, math.nan])
    with raises_code("not_finite", index=2):
        cx.mean_of([1.0, 2.0, math.inf, -math.inf])
    with raises_code("not_finite", index=1):
        cx.mean_of(np.array([1.0, -np.inf]))
    with raises_code("length_mismatch"):
        cx.mean_of([1.0, 2.0], weights=[1.0])
    with raises_code("invalid_weight", index=1):
        cx.mean_of([1.0, 2.0, 3.0], weights=[1.0, -0.5, math.nan])
    with raises_code("invalid_weight", index=None):
        cx.mean_of([1.0, 2.0], weights=[0.0, 0.0])
    with raises_code("insufficient_data"):
        cx.mean_of([42.0]).interval()
    with raises_code("invalid_argument"):
        cx.compare(cx.mean_of(SLEEP_1), cx.top_box([5, 1], scale=(1, 5)))
    with pytest.raises(TypeError):
        cx.mean_of("12")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        cx.mean_of([True, 1.0])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        cx.mean_of([1.0], 2.0)  # type: ignore[misc]


def test_scale_mean_still_validates_points() -> None:
    with raises_code("not_integer", index=1):
        cx.mean([4.0, 4.5], scale=(1, 5))
    assert cx.mean_of([4.0, 4.5]).score == 4.25


def test_compares_with_handle_time_and_survey_means() -> None:
    # all means are the same estimate kind: Welch applies between them
    c = cx.compare(cx.mean_of([300.0, 420.0, 380.0]), cx.handle_time([310.0, 290.0, 330.0]))
    assert c.method == "welch" and c.difference == pytest.approx(56.6666666667, abs=1e-9)
