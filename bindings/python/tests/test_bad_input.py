"""Bad input for every public metric function: never a panic, always a clear error."""

from __future__ import annotations

import array
import datetime
import math
from typing import Any, Callable

import numpy as np
import pytest

import cxmetrics as cx
from conftest import raises_code

Func = tuple[Callable[..., Any], dict[str, Any]]


def test_empty(func: Func) -> None:
    f, kw = func
    for scores in ([], (), np.array([], dtype=np.int64), np.array([], dtype=np.float32)):
        with raises_code("empty"):
            f(scores, **kw)


def test_all_missing_and_all_skipped_are_empty(func: Func) -> None:
    f, kw = func
    with raises_code("empty", match="missing = 3"):
        f([None, math.nan, np.nan], **kw)
    with raises_code("empty", match="invalid = 2"):
        f([11, -1], on_invalid="skip", **kw)


@pytest.mark.parametrize("value", [math.inf, -math.inf], ids=["inf", "-inf"])
def test_infinite_scores_are_not_finite(func: Func, value: float) -> None:
    f, kw = func
    with raises_code("not_finite", index=1, match="not finite"):
        f([5, value, 5], **kw)
    with raises_code("not_finite", index=1):
        f(np.array([5, value, 5]), **kw)
    assert f([5, value, 5], on_invalid="skip", **kw).invalid == 1


def test_nan_scores_are_missing(func: Func) -> None:
    f, kw = func
    r = f([5, math.nan, 6, None], **kw)
    assert (r.n, r.missing) == (2, 2)


def test_out_of_scale(func: Func) -> None:
    f, kw = func
    for bad in (11, -1, 1e300, 2**70):
        with raises_code("out_of_scale", index=2) as info:
            f([5, 6, bad, 100], **kw)
        assert "index 2" in str(info.value)
    with raises_code("out_of_scale", index=0, match="12"):
        f(np.array([12], dtype=np.uint64), **kw)
    with raises_code("out_of_scale", index=0):
        f(np.array([np.iinfo(np.int64).min], dtype=np.int64), **kw)


def test_non_integer(func: Func) -> None:
    f, kw = func
    with raises_code("not_integer", index=0, match="4.5"):
        f([4.5], **kw)
    with raises_code("not_integer", index=1):
        f(np.array([4, 4.25], dtype=np.float32), **kw)


def test_fraction_off_the_scale_and_tiny_fractions(func: Func) -> None:
    # fuzzing findings (fuzz/README.md): a fraction outside min..=max is out_of_scale at
    # either end; a tiny fraction (a subnormal, 1e-300) is not_integer at its row
    f, kw = func
    with raises_code("out_of_scale", index=0):
        f([10.5], **kw)
    with raises_code("out_of_scale", index=0):
        f([-0.5], **kw)
    with raises_code("not_integer", index=1):
        f([4, 4 + 2.0**-50], **kw)
    with raises_code("not_integer", index=0):
        f(np.array([5e-324, 4]), **kw)


def test_weights_length_mismatch(func: Func) -> None:
    f, kw = func
    with raises_code("length_mismatch", match="3 vs 2"):
        f([5, 6, 7], weights=[1.0, 1.0], **kw)
    with raises_code("length_mismatch"):
        f(np.array([5, 6]), weights=np.ones(3), **kw)
    with raises_code("length_mismatch"):
        f([5], weights=[], **kw)


@pytest.mark.parametrize("weight", [-1.0, math.inf, -math.inf, math.nan, None], ids=["neg", "inf", "-inf", "nan", "None"])
def test_bad_weights_are_invalid_weight(func: Func, weight: float | None) -> None:
    f, kw = func
    with raises_code("invalid_weight", index=1):
        f([5, 6], weights=[1.0, weight], **kw)
    # a missing score's weight is ignored
    assert f([5, None], weights=[1.0, weight], **kw).n == 1
    assert f([5, 6], weights=[1.0, weight], on_invalid="skip", **kw).invalid == 1


def test_zero_total_weight(func: Func) -> None:
    f, kw = func
    with raises_code("invalid_weight", match="zero"):
        f([5, 6], weights=[0.0, 0.0], **kw)


def test_huge_input_works(func: Func) -> None:
    f, kw = func
    a = np.zeros(10_000_000, dtype=np.uint8)
    a[::2] = 10
    r = f(a, **kw)
    assert r.n == 10_000_000
    w = np.ones(a.size)
    assert f(a, weights=w, **kw).sum_weights == pytest.approx(1e7)


@pytest.mark.parametrize(
    "scores",
    [
        "9",
        b"9",
        9,
        9.0,
        {1: 2},
        {9, 10},
        (x for x in [9]),
        range(3),
        array.array("d", [9.0]),
        object(),
    ],
    ids=["str", "bytes", "int", "float", "dict", "set", "generator", "range", "array.array", "object"],
)
def test_wrong_container_is_type_error(func: Func, scores: Any) -> None:
    f, kw = func
    with pytest.raises(TypeError, match="scores must be"):
        f(scores, **kw)
    with pytest.raises(TypeError, match="weights must be"):
        f([9], weights=scores, **kw)


@pytest.mark.parametrize(
    "scores",
    [[[9]], [True, 9], [9, False], [1 + 2j], [datetime.date(2024, 1, 1)]],
    ids=["nested", "bool", "bool-later", "complex", "date"],
)
def test_wrong_element_is_type_error(func: Func, scores: Any) -> None:
    f, kw = func
    with pytest.raises(TypeError, match="score at index"):
        f(scores, **kw)
    with pytest.raises(TypeError, match="weight at index"):
        f([9] * len(scores), weights=scores, **kw)


@pytest.mark.parametrize("scores", [["9"], [9, "x"]], ids=["str", "str-later"])
def test_text_scores_are_read_but_text_weights_are_type_error(func: Func, scores: Any) -> None:
    # text scores are answers (issue 13: numbers written as text, labels); "x" is
    # unknown_label with its index, never a guess
    f, kw = func
    if scores == ["9"]:
        try:
            f(scores, **kw)  # the number 9, validated on the function's scale
        except cx.CxMetricsError as e:
            assert (e.code, e.index) == ("out_of_scale", 0)
    else:
        with raises_code("unknown_label", index=1):
            f(scores, **kw)
    with pytest.raises(TypeError, match="weight at index"):
        f([9] * len(scores), weights=scores, **kw)


@pytest.mark.parametrize(
    "array_",
    [
        np.array([True, False]),
        np.array([1 + 0j]),
        np.array(["2024-01-01"], dtype="datetime64[D]"),
        np.array([1], dtype="timedelta64[s]"),
    ],
    ids=["bool", "complex", "datetime", "timedelta"],
)
def test_non_numeric_dtypes_are_type_error(func: Func, array_: Any) -> None:
    f, kw = func
    with pytest.raises(TypeError):
        f(array_, **kw)


@pytest.mark.parametrize("shape", [(2, 2), (1, 3), ()], ids=["2x2", "1x3", "0-d"])
def test_not_one_dimensional_is_invalid_argument(func: Func, shape: tuple[int, ...]) -> None:
    f, kw = func
    a = np.full(shape, 5.0)
    with raises_code("invalid_argument", match="one-dimensional"):
        f(a, **kw)
    with raises_code("invalid_argument", match="weights"):
        f(np.full(a.size, 5.0), weights=a, **kw)


def test_on_invalid_values(func: Func) -> None:
    f, kw = func
    with raises_code("invalid_argument", match="on_invalid"):
        f([5], on_invalid="drop", **kw)
    with pytest.raises(TypeError, match="on_invalid"):
        f([5], on_invalid=1, **kw)
    assert f([5], on_invalid=None, **kw).n == 1


def test_tally_with_data_options_is_invalid_argument(func: Func) -> None:
    f, kw = func
    t = cx.Tally((0, 10), [5, 6])
    tally_kw = {k: v for k, v in kw.items() if k != "scale"}
    assert f(t, **tally_kw).n == 2
    for extra in ({"scale": (0, 10)}, {"weights": [1.0, 1.0]}, {"on_invalid": "error"}):
        with raises_code("invalid_argument"):
            f(t, **tally_kw, **extra)


def test_unknown_keyword_and_positional_options_are_type_errors(func: Func) -> None:
    f, kw = func
    with pytest.raises(TypeError):
        f([5], bogus=1, **kw)
    with pytest.raises(TypeError):
        f([5], (0, 10), **kw)
    with pytest.raises(TypeError):
        f(**kw)


@pytest.mark.parametrize("name", ["csat", "top_box", "bottom_box", "ces"])
@pytest.mark.parametrize("value", [4.0, True, "4", [4]], ids=["float", "bool", "str", "list"])
def test_threshold_must_be_an_int(name: str, value: Any) -> None:
    from conftest import FUNCS

    f, kw = FUNCS[name]
    extra = {"method": "percent_agree"} if name == "ces" else {}
    with pytest.raises(TypeError, match="threshold"):
        f([5], threshold=value, **kw, **extra)
    assert f([5], threshold=np.int64(5), **kw, **extra).n == 1


@pytest.mark.parametrize("name", ["csat", "top_box", "bottom_box", "ces"])
@pytest.mark.parametrize("value", [-1, 11, 2**63, -(2**70)])
def test_threshold_off_the_scale_is_invalid_argument(name: str, value: int) -> None:
    from conftest import FUNCS

    f, kw = FUNCS[name]
    extra = {"method": "percent_agree"} if name == "ces" else {}
    with raises_code("invalid_argument", match="threshold"):
        f([5], threshold=value, **kw, **extra)


def test_method_option_errors() -> None:
    with raises_code("invalid_argument", match="method"):
        cx.csat([5], method="median")  # type: ignore[call-overload]
    with raises_code("invalid_argument", match="method"):
        cx.ces([5], scale=(1, 5), higher_is_better=True, method="top_box")  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="method"):
        cx.csat([5], method=1)  # type: ignore[call-overload]
    with pytest.raises(TypeError):
        cx.ces([5], scale=(1, 5), higher_is_better=1)  # type: ignore[call-overload]
    with pytest.raises(TypeError):
        cx.ces([5], scale=(1, 5), higher_is_better=None)  # type: ignore[call-overload]


@pytest.mark.parametrize(
    "buckets",
    [(8, 8), (9, 7), (-1, 9), (6, 11), {"detractor_max": 6}, {"detractor_max": 6, "promoter_min": 9, "x": 1}],
    ids=["overlap", "reversed", "below", "above", "missing-key", "extra-key"],
)
def test_bad_buckets_are_invalid_argument(buckets: Any) -> None:
    with raises_code("invalid_argument", match="buckets"):
        cx.nps([10, 0], buckets=buckets)


@pytest.mark.parametrize("buckets", [(6,), (6, 9, 10), [6], "6,9", 6, (6.0, 9), (True, 9)], ids=str)
def test_malformed_buckets_are_type_errors(buckets: Any) -> None:
    with pytest.raises(TypeError, match="buckets"):
        cx.nps([10, 0], buckets=buckets)


def test_buckets_as_tuple_or_dict_agree() -> None:
    a = cx.nps([5, 5, 4, 2], scale=(1, 5), buckets=(3, 5))
    b = cx.nps([5, 5, 4, 2], scale=(1, 5), buckets={"detractor_max": 3, "promoter_min": 5})
    assert a == b and a.score == 25.0 and a.buckets == (3, 5)
    assert cx.nps([5, 5, 4, 2], scale=[1, 5], buckets=[3, 5]) == a  # 2-item lists work too


def test_percent_of_max_with_negative_minimum() -> None:
    with raises_code("scale_mismatch"):
        cx.csat([0, 1], scale=(-3, 3), method="percent_of_max")
