"""Named behaviours from the spec, one test each."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import cxmetrics as cx
from conftest import raises_code


def test_three_promoters_two_passives_one_detractor_is_a_third_not_rounded() -> None:
    r = cx.nps([10, 9, 9, 8, 7, 3])
    assert r.score == pytest.approx(100 / 3, abs=1e-12)
    assert r.score not in (33.0, 34.0)
    assert (r.n_promoters, r.n_passives, r.n_detractors) == (3, 2, 1)
    assert (r.promoters, r.passives, r.detractors) == pytest.approx((1 / 2, 1 / 3, 1 / 6))
    assert r.buckets == (6, 9)
    assert (r.n, r.missing, r.invalid, r.weighted) == (6, 0, 0, False)
    assert (r.sum_weights, r.n_eff) == (6.0, 6.0)


def test_nps_on_one_to_ten_is_refused_with_scale_mismatch_mentioning_buckets() -> None:
    with raises_code("scale_mismatch") as info:
        cx.nps([10, 9, 1, 5], scale=(1, 10))
    message = str(info.value)
    assert "buckets" in message
    assert "0–10" in message and "1–10" in message
    assert info.value.index is None
    # ... and works once buckets are explicit
    assert cx.nps([10, 9, 1, 5], scale=cx.Scale.one_to_ten(), buckets=(6, 9)).score == 0.0


def test_fractional_score_is_not_integer_with_index() -> None:
    with raises_code("not_integer", index=2) as info:
        cx.nps([10, 9, 8.5, 3])
    assert "8.5" in str(info.value) and "index 2" in str(info.value)


@pytest.mark.parametrize(
    "missing",
    [None, float("nan"), np.nan, pd.NA],
    ids=["None", "float-nan", "np-nan", "pd-NA"],
)
def test_missing_values_are_excluded_from_the_denominator(missing: object) -> None:
    scores = [10, 9, 9, missing, 8, 7, missing, 3, missing, missing]
    r = cx.nps(scores)
    assert r.score == pytest.approx(100 / 3)
    assert (r.n, r.missing) == (6, 4)


def test_missing_in_numpy_and_pandas_are_excluded() -> None:
    a = np.array([10, 9, 9, np.nan, 8, 7, 3])
    assert (cx.nps(a).n, cx.nps(a).missing) == (6, 1)
    s = pd.Series([10, 9, 9, pd.NA, 8, 7, 3, None], dtype="Int64")
    r = cx.nps(s)
    assert (r.n, r.missing) == (6, 2)
    assert r.score == pytest.approx(100 / 3)


@pytest.mark.parametrize(
    "scores", [[], [None, None], np.array([], dtype=np.float64)], ids=["list", "all-missing", "numpy"]
)
def test_empty_is_an_error_never_zero(scores: object) -> None:
    with raises_code("empty") as info:
        cx.nps(scores)
    assert "not 0" in str(info.value)


def test_out_of_scale_names_index_and_value() -> None:
    with raises_code("out_of_scale", index=3) as info:
        cx.nps([5, 6, 7, 12, 0])
    message = str(info.value)
    assert "12" in message and "index 3" in message and "0–10" in message


def test_negative_weight_is_invalid_weight() -> None:
    with raises_code("invalid_weight", index=1) as info:
        cx.nps([10, 9, 0], weights=[1.0, -0.5, 1.0])
    assert "-0.5" in str(info.value)


def test_error_is_a_value_error_with_code_and_index() -> None:
    with pytest.raises(ValueError) as info:
        cx.csat([5, 4, 0])
    err = info.value
    assert isinstance(err, cx.CxMetricsError)
    assert (err.code, err.index) == ("out_of_scale", 2)
    assert str(err) == err.args[0]


def test_on_invalid_skip_counts_invalid_and_leaves_them_out() -> None:
    r = cx.nps([10, 11, 8.5, math.inf, None, 0], on_invalid="skip")
    assert (r.n, r.invalid, r.missing) == (2, 3, 1)
    assert r.score == 0.0


def test_weighted_nps_reports_weight_base() -> None:
    r = cx.nps([10, 0, None], weights=[3.0, 1.0, float("nan")])
    assert r.score == pytest.approx(50.0)
    assert r.weighted is True
    assert r.sum_weights == 4.0
    assert r.n_eff == pytest.approx(16 / 10)
    assert (r.n_promoters, r.n_detractors, r.missing) == (1, 1, 1)


def test_zero_total_weight_is_invalid_weight_without_index() -> None:
    with raises_code("invalid_weight") as info:
        cx.nps([10, 9], weights=[0, 0])
    assert info.value.index is None


def test_csat_methods() -> None:
    scores = [5, 4, 3, 2, 5, 1]
    assert cx.csat(scores).score == pytest.approx(50.0)
    assert cx.csat(scores).method == "top_box"
    assert cx.csat(scores, method="mean").score == pytest.approx(20 / 6)
    assert cx.csat(scores, method="percent_of_max").score == pytest.approx(100 * 20 / 30)
    net = cx.csat(scores, method="net")
    assert net.score == pytest.approx(100 * (3 - 2) / 6)
    assert (net.threshold, net.bottom_threshold) == (4, 2)
    with raises_code("invalid_argument"):
        cx.csat(scores, method="nps")


def test_ces_requires_scale_and_polarity() -> None:
    with pytest.raises(TypeError, match="higher_is_better"):
        cx.ces([1, 2], scale=(1, 7))  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="scale"):
        cx.ces([1, 2], higher_is_better=True)  # type: ignore[call-overload]
    r = cx.ces([7, 6, 5, 4, 2], scale=(1, 7), higher_is_better=True, method="net_effort")
    assert r.score == pytest.approx(100 * (3 - 1) / 5)
    assert (r.method, r.higher_is_better, r.threshold) == ("net_effort", True, 5)


def test_generic_functions_require_scale() -> None:
    for f in (cx.mean, cx.top_box, cx.bottom_box, cx.distribution):
        with pytest.raises(TypeError, match="scale"):
            f([1, 2])


def test_results_are_immutable_value_objects() -> None:
    r = cx.nps([10, 9, 0])
    with pytest.raises(AttributeError):
        r.score = 1.0  # type: ignore[misc]
    assert r == cx.nps([10, 9, 0])
    assert r != cx.nps([10, 9, 1, 0])
    d = r.to_dict()
    assert list(d)[:2] == ["score", "promoters"]
    assert d["buckets"] == (6, 9)
    assert repr(r).startswith("NpsResult(score=33.33333333333333")
    assert "n=3" in repr(r)


def test_result_reprs_and_dicts_cover_every_field() -> None:
    results = [
        cx.nps([10, 0]),
        cx.csat([5, 1]),
        cx.ces([1, 5], scale=(1, 5), higher_is_better=False),
        cx.mean([1], scale=(1, 5)),
        cx.top_box([5, 1], scale=(1, 5)),
        cx.bottom_box([5, 1], scale=(1, 5)),
        cx.distribution([5, 1], scale=(1, 5)),
    ]
    for r in results:
        d = r.to_dict()
        for key, value in d.items():
            assert getattr(r, key) == value
            assert f"{key}=" in repr(r)
        assert repr(r).startswith(type(r).__name__ + "(")
        for base in ("n", "missing", "invalid", "sum_weights", "n_eff", "weighted"):
            assert base in d
    assert cx.mean([1], scale=(1, 5)).std_dev is None


def test_version_matches_the_workspace() -> None:
    from conftest import REPO

    text = (REPO / "Cargo.toml").read_text(encoding="utf-8")
    section = text.split("[workspace.package]", 1)[1]
    version = next(
        line.split("=", 1)[1].strip().strip('"') for line in section.splitlines() if line.strip().startswith("version")
    )
    assert cx.__version__ == version
