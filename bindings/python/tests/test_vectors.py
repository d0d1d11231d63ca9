"""Runs every case of the shared conformance vectors (tests/vectors/survey.json).

Each case runs with the scores as a Python list and as a float64 numpy array, and as an
int64 array when every score is an integer (no None / NaN / ±inf / fractions). Float
fields match within ``tolerance × max(1, |expected|)``; integers, strings, bools and
None exactly.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest

import cxmetrics as cx
from conftest import REPO, assert_close, check_error, load_vectors, survey_options
from conftest import decode as _decode

VECTORS = REPO / "tests" / "vectors" / "survey.json"
CASES = load_vectors("survey.json")


def _all_integers(scores: list[Any]) -> bool:
    return all(
        isinstance(s, int) or (isinstance(s, float) and math.isfinite(s) and s.is_integer())
        for s in scores
        if not isinstance(s, bool)
    ) and not any(s is None for s in scores)


def _params() -> list[Any]:
    out = []
    for case in CASES:
        scores = [_decode(s) for s in case["scores"]]
        variants = ["list", "float64"]
        if _all_integers(scores):
            variants.append("int64")
        for v in variants:
            out.append(pytest.param(case, v, id=f"{case['id']}[{v}]"))
    return out


def _scores(case: dict[str, Any], variant: str) -> Any:
    scores = [_decode(s) for s in case["scores"]]
    if variant == "list":
        return scores
    if variant == "float64":
        return np.array([math.nan if s is None else s for s in scores], dtype=np.float64)
    return np.array(scores, dtype=np.int64)


def _weights(case: dict[str, Any], variant: str) -> Any:
    w = case.get("weights")
    if w is None:
        return None
    w = [_decode(x) for x in w]
    return w if variant == "list" else np.array(w, dtype=np.float64)


def test_vectors_exist() -> None:
    assert VECTORS.exists(), f"missing {VECTORS}"
    assert len(CASES) > 100
    functions = {c["function"] for c in CASES}
    assert functions == {"nps", "csat", "ces", "mean", "top_box", "bottom_box", "distribution"}


@pytest.mark.parametrize(("case", "variant"), _params())
def test_vector(case: dict[str, Any], variant: str) -> None:
    func = getattr(cx, case["function"])
    kwargs = survey_options(case.get("options"))
    weights = _weights(case, variant)
    if weights is not None:
        kwargs["weights"] = weights
    scores = _scores(case, variant)
    if "expected_error" in case:
        with pytest.raises(cx.CxMetricsError) as info:
            func(scores, **kwargs)
        check_error(info.value, case["expected_error"], case["id"])
        return
    result = func(scores, **kwargs)
    got = result.to_dict()
    tol = float(case.get("tolerance", 1e-9))
    for key, expected in case["expected"].items():
        assert key in got, f"{case['id']}: result has no field {key!r}"
        assert getattr(result, key) == got[key] or (isinstance(got[key], float) and math.isnan(got[key]))
        assert_close(got[key], expected, tol, f"{case['id']}.{key}")


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, id=c["id"]) for c in CASES if "expected" in c],
)
def test_vector_via_tally(case: dict[str, Any]) -> None:
    """The same expected values come out of a Tally built first (the mergeable path)."""
    kwargs = survey_options(case.get("options"))
    scale = kwargs.pop("scale", None) or {"nps": (0, 10), "csat": (1, 5)}[case["function"]]
    tally_kwargs: dict[str, Any] = {}
    if "on_invalid" in kwargs:
        tally_kwargs["on_invalid"] = kwargs.pop("on_invalid")
    weights = _weights(case, "list")
    if weights is not None:
        tally_kwargs["weights"] = weights
    tally = cx.Tally(scale, _scores(case, "list"), **tally_kwargs)
    result = getattr(cx, case["function"])(tally, **kwargs)
    got = result.to_dict()
    for key, expected in case["expected"].items():
        assert_close(got[key], expected, float(case.get("tolerance", 1e-9)), f"{case['id']}.{key}")
