"""Statistics (issue 3): every case of tests/vectors/stats.json, the named reference
intervals, and bad input for every new function.

The vector runner mirrors crates/cxmetrics/tests/vectors_stats.rs. Inputs of kind
``nps_counts`` / ``proportion_counts`` go through :func:`cx.nps_interval` /
:func:`cx.proportion_interval` for ``interval`` (and, as a cross-check, through a result
built from a :class:`cx.Tally` of the counts); ``margin_of_error`` and ``compare`` use
that result. Inputs of kind ``survey`` are computed with the survey function and its
options, exactly as in survey.json.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pytest

import cxmetrics as cx
from conftest import assert_close, check_error, decode, load_vectors, raises_code, survey_options

CASES = load_vectors("stats.json")


def _kwargs(options: dict[str, Any] | None) -> dict[str, Any]:
    """Only the options the case sets (an absent key means the library default)."""
    return {k: decode(v) for k, v in (options or {}).items()}


def _result(spec: dict[str, Any]) -> Any:
    """A result object carrying the estimate described by a vector input."""
    kind = spec["kind"]
    if kind == "nps_counts":
        counts = [0] * 11
        counts[0], counts[7], counts[9] = spec["detractors"], spec["passives"], spec["promoters"]
        return cx.nps(cx.Tally.from_counts((0, 10), counts))
    if kind == "proportion_counts":
        tally = cx.Tally.from_counts((0, 1), [spec["n"] - spec["successes"], spec["successes"]])
        return cx.top_box(tally, threshold=1)
    if kind == "continuous":
        weights = spec["weights"]
        return cx.mean_of(
            [decode(v) for v in spec["values"]], weights=None if weights is None else [decode(w) for w in weights]
        )
    assert kind == "survey", kind
    scores = [decode(s) for s in spec["scores"]]
    kwargs = survey_options(spec.get("options"))
    if spec.get("weights") is not None:
        kwargs["weights"] = [decode(w) for w in spec["weights"]]
    return getattr(cx, spec["function"])(scores, **kwargs)


def _interval_direct(spec: dict[str, Any], kwargs: dict[str, Any]) -> cx.Interval:
    """``interval`` through the function the vector format maps the input kind to."""
    if spec["kind"] == "nps_counts":
        return cx.nps_interval(spec["promoters"], spec["passives"], spec["detractors"], **kwargs)
    if spec["kind"] == "proportion_counts":
        return cx.proportion_interval(spec["successes"], spec["n"], **kwargs)
    return _result(spec).interval(**kwargs)


def _run(case: dict[str, Any]) -> dict[str, Any]:
    fn = case["function"]
    opts = _kwargs(case.get("options"))
    args = _kwargs(case.get("args"))
    if fn == "interval":
        direct = _interval_direct(case["input"], opts)
        if case["input"]["kind"] not in ("survey", "continuous"):  # the same numbers from a tallied result
            via = _result(case["input"]).interval(**opts)
            assert_close(via.to_dict(), direct.to_dict(), 1e-12, case["id"] + "(tally)")
        assert tuple(direct) == (direct.lower, direct.upper)
        return direct.to_dict()
    if fn == "margin_of_error":
        return {"margin": _result(case["input"]).margin_of_error(**opts)}
    if fn == "compare":
        return cx.compare(_result(case["a"]), _result(case["b"]), **opts).to_dict()
    if fn == "mean_of":
        return _result(case["input"]).to_dict()
    if fn == "paired_nps":
        before = [decode(x) for x in case["before"]]
        after = [decode(x) for x in case["after"]]
        return cx.paired_nps(before, after, **opts).to_dict()
    if fn == "adjust_p_values":
        p_values = [decode(p) for p in args.pop("p_values")]
        return {"p_values": cx.adjust_p_values(p_values, **args)}
    if fn == "sample_size_proportion_difference":
        return {"n": cx.sample_size_proportion_difference(args.pop("p1"), args.pop("p2"), **args)}
    first = {"sample_size_nps_difference": "difference"}.get(fn, "margin")
    assert fn.startswith("sample_size_"), fn
    return {"n": getattr(cx, fn)(args.pop(first), **args)}


def test_stats_vectors_exist() -> None:
    assert len(CASES) >= 150
    assert {c["function"] for c in CASES} == {
        "interval",
        "margin_of_error",
        "compare",
        "paired_nps",
        "sample_size_nps",
        "sample_size_proportion",
        "sample_size_mean",
        "sample_size_nps_difference",
        "sample_size_proportion_difference",
        "adjust_p_values",
        "mean_of",
    }


@pytest.mark.parametrize("case", [pytest.param(c, id=c["id"]) for c in CASES])
def test_stats_vector(case: dict[str, Any]) -> None:
    if "expected_error" in case:
        with pytest.raises(cx.CxMetricsError) as info:
            _run(case)
        check_error(info.value, case["expected_error"], case["id"])
        return
    got = _run(case)
    assert_close(got, case["expected"], float(case.get("tolerance", 1e-9)), case["id"])


# ---------------------------------------------------------------- named reference cases


def test_50_30_20_adjusted_wald_and_wald() -> None:
    r = cx.nps([10] * 50 + [8] * 30 + [3] * 20)
    ci = r.interval()
    assert (round(ci.lower, 2), round(ci.upper, 2)) == (14.05, 44.20)
    assert (ci.level, ci.method) == (0.95, "adjusted_wald")
    w = r.interval(method="wald")
    assert (round(w.lower, 2), round(w.upper, 2)) == (14.69, 45.31)
    assert cx.nps_interval(50, 30, 20) == ci
    assert cx.nps_interval(50, 30, 20, method="wald") == w
    # the margin of error is the half-width of the default interval (no clamping here)
    assert r.margin_of_error() == pytest.approx((ci.upper - ci.lower) / 2, abs=1e-12)


def test_70_of_100_wilson() -> None:
    ci = cx.proportion_interval(70, 100)
    assert (round(ci.lower, 2), round(ci.upper, 2), ci.method) == (60.42, 78.11, "wilson")
    box = cx.top_box([5] * 70 + [1] * 30, scale=(1, 5))
    assert box.interval() == ci
    assert box.margin_of_error() == pytest.approx((ci.upper - ci.lower) / 2, abs=1e-12)


def test_interval_unpacks_and_has_dict_and_repr() -> None:
    ci = cx.nps_interval(50, 30, 20, level=0.9)
    lo, hi = ci
    assert (lo, hi) == (ci.lower, ci.upper) and lo < hi
    assert list(ci) == [lo, hi]
    assert ci.to_dict() == {"lower": lo, "upper": hi, "level": 0.9, "method": "adjusted_wald"}
    assert repr(ci) == f"Interval(lower={lo!r}, upper={hi!r}, level=0.9, method='adjusted_wald')"
    with pytest.raises(AttributeError):
        ci.lower = 0.0  # type: ignore[misc]


def test_every_survey_result_has_interval_and_margin() -> None:
    scores = [5, 4, 4, 3, 5, 2, 4, 5, 1, 4]
    cases = [
        (cx.nps([10, 9, 8, 3, 10, 0]), "adjusted_wald", (-100, 100)),
        (cx.csat(scores), "wilson", (0, 100)),
        (cx.csat(scores, method="net"), "adjusted_wald", (-100, 100)),
        (cx.csat(scores, method="mean"), "t", (1, 5)),
        (cx.csat(scores, method="percent_of_max"), "t", (20, 100)),
        (cx.ces(scores, scale=(1, 5), higher_is_better=False), "t", (1, 5)),
        (cx.ces(scores, scale=(1, 5), higher_is_better=False, method="percent_agree"), "wilson", (0, 100)),
        (cx.ces(scores, scale=(1, 5), higher_is_better=False, method="net_effort"), "adjusted_wald", (-100, 100)),
        (cx.mean(scores, scale=(1, 5)), "t", (1, 5)),
        (cx.top_box(scores, scale=(1, 5)), "wilson", (0, 100)),
        (cx.bottom_box(scores, scale=(1, 5)), "wilson", (0, 100)),
    ]
    for r, method, (lo, hi) in cases:
        ci = r.interval()
        assert ci.method == method, r
        assert lo <= ci.lower <= ci.upper <= hi, (r, ci)
        assert r.margin_of_error() > 0
        wider = r.interval(0.99)
        assert wider.lower <= ci.lower and wider.upper >= ci.upper
        assert r.interval(level=0.8).level == 0.8


def test_weighted_intervals_use_the_effective_sample_size() -> None:
    scores = [10, 9, 3, 8, 10, 0, 9, 7]
    plain = cx.nps(scores)
    # doubling every weight changes nothing; unequal weights shrink n_eff and widen the interval
    assert cx.nps(scores, weights=[2.0] * 8).interval() == plain.interval()
    skewed = cx.nps(scores, weights=[5.0, 1, 1, 1, 1, 1, 1, 1])
    assert skewed.n_eff < skewed.n
    assert skewed.margin_of_error() > plain.margin_of_error()


def test_interval_methods_of_the_right_kind_only() -> None:
    box = cx.top_box([5, 4, 1, 2, 5], scale=(1, 5))
    for m in ("wilson", "wald", "agresti_coull", "clopper_pearson", "jeffreys"):
        assert box.interval(method=m).method == m
    for m in ("adjusted_wald", "t"):
        with raises_code("invalid_argument", match="does not apply"):
            box.interval(method=m)
    with raises_code("invalid_argument"):
        cx.nps([10, 0]).interval(method="wilson")
    with raises_code("invalid_argument"):
        cx.mean([1, 2], scale=(1, 5)).interval(method="wald")


def test_mean_of_one_response_has_no_interval() -> None:
    r = cx.mean([3], scale=(1, 5))
    with raises_code("insufficient_data"):
        r.interval()
    with raises_code("insufficient_data"):
        r.margin_of_error()


def test_compare_keeps_the_sign_and_defaults_per_kind() -> None:
    up = cx.nps([10] * 60 + [3] * 40)
    down = cx.nps([10] * 40 + [3] * 60)
    c = cx.compare(down, up)
    assert c.method == "adjusted_wald" and c.difference == pytest.approx(-40.0)
    assert c.upper < 0 and c.p_value < 0.01 and c.df is None
    assert cx.compare(up, down).difference == pytest.approx(40.0)
    m = cx.compare(cx.mean([1, 2, 3, 4], scale=(1, 5)), cx.mean([3, 4, 5, 5], scale=(1, 5)))
    assert m.method == "welch" and m.df is not None and m.difference == pytest.approx(-1.75)
    assert set(c.to_dict()) == {"difference", "lower", "upper", "statistic", "p_value", "df", "method", "level"}
    assert repr(c).startswith("Comparison(difference=")


def test_compare_different_kinds_is_invalid_argument() -> None:
    with raises_code("invalid_argument", match="same kind"):
        cx.compare(cx.nps([10, 0]), cx.top_box([5, 1], scale=(1, 5)))


def test_paired_nps_reference_and_fields() -> None:
    before = [6, 7, 9, 10, 3, 8, 8, 5, 9, 7, 10, 2, 6, 8, 9]
    after = [9, 8, 9, 10, 6, 9, 7, 8, 10, 9, 10, 5, 7, 9, 9]
    r = cx.paired_nps(before, after, level=0.8)
    assert r.difference == pytest.approx(46.666666666666664)
    assert (r.n, r.missing, r.df, r.method, r.level) == (15, 0, 14.0, "paired_t", 0.8)
    assert r.to_dict()["n"] == 15 and "missing=0" in repr(r)
    # numpy, pandas and polars inputs, mixed dtypes
    r2 = cx.paired_nps(np.array(before, dtype=np.uint8), pd.Series(after, dtype="float64"), level=0.8)
    assert r2 == r
    assert cx.paired_nps(pl.Series(before), after, level=0.8) == r


def test_paired_nps_everyone_unchanged_and_missing_pairs() -> None:
    r = cx.paired_nps([9, 7, 3, None], [10, 8, 0, 5])
    assert (r.difference, r.statistic, r.p_value, r.lower, r.upper) == (0.0, 0.0, 1.0, 0.0, 0.0)
    assert (r.n, r.missing) == (3, 1)


def test_sample_sizes_reference_values() -> None:
    assert cx.sample_size_nps(5) == 1534
    assert cx.sample_size_nps(5, variance=0.61) == 935
    assert cx.sample_size_nps(10, level=0.95, variance=0.61) == 232
    assert cx.sample_size_proportion(5) == 385
    assert cx.sample_size_proportion(5, p=50.0, level=0.95) == 385
    assert cx.sample_size_mean(0.1, sd=1) == 385
    assert cx.sample_size_nps_difference(10) == 1567
    assert cx.sample_size_proportion_difference(70, 80) == 294
    assert isinstance(cx.sample_size_nps(5), int)
    assert cx.sample_size_nps(np.float64(5.0)) == 1534  # numpy scalars are numbers


def test_adjust_p_values_reference_and_containers() -> None:
    p = [0.01, 0.04, 0.03, 0.005]
    assert cx.adjust_p_values(p) == [0.03, 0.06, 0.06, 0.02]
    assert cx.adjust_p_values(p, method="holm") == cx.adjust_p_values(np.array(p))
    bh = cx.adjust_p_values(p, method="bh")
    assert bh == pytest.approx([0.02, 0.04, 0.04, 0.02])
    assert cx.adjust_p_values(pd.Series(p), method="bh") == bh
    assert cx.adjust_p_values(pl.Series(p), method="bh") == bh
    assert cx.adjust_p_values([]) == []


# ---------------------------------------------------------------- bad input

BAD_LEVELS = [0, 1, 1.5, -0.5, math.nan, math.inf, -math.inf]
LEVEL_IDS = ["0", "1", "1.5", "-0.5", "nan", "inf", "-inf"]


@pytest.mark.parametrize("level", BAD_LEVELS, ids=LEVEL_IDS)
def test_bad_levels_everywhere(level: float) -> None:
    r = cx.nps([10, 9, 0, 8])
    m = cx.mean([1, 2, 3], scale=(1, 5))
    calls = [
        lambda: r.interval(level),
        lambda: r.interval(level=level),
        lambda: r.margin_of_error(level),
        lambda: m.interval(level),
        lambda: cx.compare(r, r, level=level),
        lambda: cx.paired_nps([9, 3], [10, 8], level=level),
        lambda: cx.proportion_interval(7, 10, level=level),
        lambda: cx.nps_interval(5, 3, 2, level=level),
        lambda: cx.sample_size_nps(5, level=level),
        lambda: cx.sample_size_proportion(5, level=level),
        lambda: cx.sample_size_mean(1, sd=1, level=level),
        lambda: cx.sample_size_nps_difference(10, level=level),
        lambda: cx.sample_size_proportion_difference(40, 50, level=level),
    ]
    for call in calls:
        with raises_code("invalid_argument", match="level"):
            call()


@pytest.mark.parametrize("value", [0, -1, math.nan, math.inf, -math.inf], ids=["0", "-1", "nan", "inf", "-inf"])
def test_bad_planning_numbers(value: float) -> None:
    calls = [
        lambda: cx.sample_size_nps(value),
        lambda: cx.sample_size_nps(5, variance=value),
        lambda: cx.sample_size_proportion(value),
        lambda: cx.sample_size_proportion(5, p=value),
        lambda: cx.sample_size_mean(value, sd=1),
        lambda: cx.sample_size_mean(1, sd=value),
        lambda: cx.sample_size_nps_difference(value),
        lambda: cx.sample_size_nps_difference(10, power=value),
        lambda: cx.sample_size_nps_difference(10, variance=value),
        lambda: cx.sample_size_proportion_difference(value, 50),
        lambda: cx.sample_size_proportion_difference(40, value),
        lambda: cx.sample_size_proportion_difference(40, 50, power=value),
    ]
    for call in calls:
        with raises_code("invalid_argument"):
            call()


def test_out_of_range_planning_numbers() -> None:
    with raises_code("invalid_argument", match="variance"):
        cx.sample_size_nps(5, variance=1.5)
    with raises_code("invalid_argument", match="`p`"):
        cx.sample_size_proportion(5, p=100)
    with raises_code("invalid_argument", match="power"):
        cx.sample_size_nps_difference(10, power=1.0)
    with raises_code("invalid_argument", match="equal"):
        cx.sample_size_proportion_difference(50, 50)


@pytest.mark.parametrize("method", ["Wilson", "exact", "", "t-test", "adjusted-wald"])
def test_unknown_method_names(method: str) -> None:
    r = cx.nps([10, 0, 9])
    with raises_code("invalid_argument", match="method"):
        r.interval(method=method)
    with raises_code("invalid_argument", match="method"):
        cx.proportion_interval(7, 10, method=method)
    with raises_code("invalid_argument", match="method"):
        cx.nps_interval(5, 3, 2, method=method)
    with raises_code("invalid_argument", match="method"):
        cx.compare(r, r, method=method)
    with raises_code("invalid_argument", match="method"):
        cx.adjust_p_values([0.1], method=method)


def test_methods_of_the_wrong_kind() -> None:
    with raises_code("invalid_argument"):
        cx.proportion_interval(7, 10, method="adjusted_wald")
    with raises_code("invalid_argument"):
        cx.nps_interval(5, 3, 2, method="wilson")
    with raises_code("invalid_argument"):
        cx.compare(cx.nps([10, 0]), cx.nps([9, 1]), method="welch")
    with raises_code("invalid_argument"):
        cx.compare(cx.mean([1, 2], scale=(1, 5)), cx.mean([2, 3], scale=(1, 5)), method="pooled_z")
    with raises_code("invalid_argument"):
        cx.compare(cx.nps([10, 0]), cx.nps([9, 1]), method="score")
    with raises_code("invalid_argument"):
        cx.compare(cx.top_box([5, 1], scale=(1, 5)), cx.top_box([5, 5], scale=(1, 5)), method="adjusted_wald")


def _seven_vs_one(method: str | None = None) -> cx.Comparison:
    a = cx.top_box([5] * 7 + [1] * 27, scale=(1, 5))
    b = cx.top_box([5] * 1 + [1] * 33, scale=(1, 5))
    return cx.compare(a, b) if method is None else cx.compare(a, b, method=method)


def test_propcis_wald2ci_wald_7_34_vs_1_34() -> None:
    # R PropCIs wald2ci(7, 34, 1, 34, 0.95, adjust="Wald") = 0.02916942, 0.32377176
    # (quoted in statsmodels' test_proportion.py); statsmodels test_proportions_2indep
    c = _seven_vs_one("wald")
    assert c.method == "wald"
    assert (c.lower, c.upper) == pytest.approx((2.916942, 32.377176), abs=6e-5)
    assert (c.statistic, c.p_value) == pytest.approx((2.3480872031322675, 0.018870102830341826), abs=1e-9)


def test_propcis_wald2ci_agresti_caffo_7_34_vs_1_34() -> None:
    # R PropCIs wald2ci(7, 34, 1, 34, 0.95, adjust="AC") = 0.01161167, 0.32172166
    c = _seven_vs_one("agresti_caffo")
    assert c.method == "agresti_caffo"
    assert (c.lower, c.upper) == pytest.approx((1.161167, 32.172166), abs=6e-5)
    assert (c.statistic, c.p_value) == pytest.approx((2.1067406495303502, 0.035140066579092785), abs=1e-9)
    assert c.difference == pytest.approx(100 * 6 / 34, abs=1e-12)  # the raw difference


def test_propcis_diffscoreci_miettinen_nurminen_7_34_vs_1_34() -> None:
    # R PropCIs diffscoreci(7, 34, 1, 34, 0.95) = 0.0270416, 0.3452912. statsmodels 0.15's
    # own score interval (0.027325, 0.343429) has a wrong restricted MLE (its issue #10269);
    # its score test of no difference (pooled share) is right: statistic and p-value
    c = _seven_vs_one("score")
    assert c.method == "score"
    assert (c.lower, c.upper) == pytest.approx((2.70416, 34.52912), abs=6e-5)
    assert (c.statistic, c.p_value) == pytest.approx((2.241651177145989, 0.0249839256169589), abs=1e-9)


def test_fagerland_table_7_34_vs_1_34() -> None:
    # Fagerland, Lydersen & Laake (2015): Wald 0.029 to 0.32, Agresti-Caffo 0.012 to 0.32,
    # Newcombe 0.019 to 0.34 (the default, pooled z)
    for method, lo, hi in (("wald", 2.9, 32.4), ("agresti_caffo", 1.2, 32.2), (None, 1.9, 34.0)):
        c = _seven_vs_one(method)
        assert (c.lower, c.upper) == pytest.approx((lo, hi), abs=0.5)
    assert _seven_vs_one().method == "pooled_z"


def test_wald_proportions_zero_variance() -> None:
    zero = cx.top_box([1] * 10, scale=(1, 5))
    full = cx.top_box([5] * 10, scale=(1, 5))
    with raises_code("insufficient_data"):
        cx.compare(zero, full, method="wald")
    c = cx.compare(zero, zero, method="wald")
    assert (c.statistic, c.p_value, c.lower, c.upper) == (0.0, 1.0, 0.0, 0.0)
    s = cx.compare(zero, full, method="score")
    assert s.lower == -100.0 and s.upper < -50.0


@pytest.mark.parametrize(
    "bad",
    ["0.95", b"0.95", [0.95], None, True, object()],
    ids=["str", "bytes", "list", "None-positional", "bool", "object"],
)
def test_wrong_types_for_numbers_are_type_errors(bad: Any) -> None:
    r = cx.nps([10, 9, 0])
    calls = [
        lambda: cx.sample_size_nps(bad),
        lambda: cx.sample_size_proportion(bad),
        lambda: cx.sample_size_mean(bad, sd=1),
        lambda: cx.sample_size_mean(1, sd=bad),
        lambda: cx.sample_size_nps_difference(bad),
        lambda: cx.sample_size_proportion_difference(bad, 50),
    ]
    if bad is not None:  # level=None means "the default" where level is optional
        calls += [
            lambda: r.interval(bad),
            lambda: r.margin_of_error(bad),
            lambda: cx.compare(r, r, level=bad),
            lambda: cx.nps_interval(5, 3, 2, level=bad),
            lambda: cx.sample_size_nps(5, variance=bad),
        ]
    for call in calls:
        with pytest.raises(TypeError):
            call()


@pytest.mark.parametrize("bad", [1, 0.5, b"wilson", ["wilson"]], ids=["int", "float", "bytes", "list"])
def test_method_must_be_a_str(bad: Any) -> None:
    r = cx.nps([10, 9, 0])
    for call in (
        lambda: r.interval(method=bad),
        lambda: cx.compare(r, r, method=bad),
        lambda: cx.proportion_interval(1, 2, method=bad),
        lambda: cx.adjust_p_values([0.5], method=bad),
    ):
        with pytest.raises(TypeError, match="method must be a str"):
            call()


@pytest.mark.parametrize(
    "bad", [7.0, True, "7", None, -1, 2**64], ids=["float", "bool", "str", "None", "negative", "huge"]
)
def test_counts_must_be_non_negative_ints(bad: Any) -> None:
    for call in (
        lambda: cx.proportion_interval(bad, 10),
        lambda: cx.proportion_interval(1, bad),
        lambda: cx.nps_interval(bad, 1, 1),
        lambda: cx.nps_interval(1, 1, bad),
    ):
        if isinstance(bad, int) and not isinstance(bad, bool):
            with raises_code("invalid_argument"):
                call()
        else:
            with pytest.raises(TypeError):
                call()
    assert cx.proportion_interval(np.int64(7), np.uint8(10)).method == "wilson"  # numpy ints


def test_count_edge_errors() -> None:
    with raises_code("empty"):
        cx.proportion_interval(0, 0)
    with raises_code("empty"):
        cx.nps_interval(0, 0, 0)
    with raises_code("invalid_argument", match="exceed"):
        cx.proportion_interval(11, 10)


def test_compare_needs_results() -> None:
    r = cx.nps([10, 0])
    for bad in (None, 3.0, [10, 0], cx.Tally((0, 10), [10]), cx.distribution([1], scale=(0, 1)), r.interval()):
        with pytest.raises(TypeError, match="must be a result"):
            cx.compare(r, bad)
        with pytest.raises(TypeError, match="must be a result"):
            cx.compare(bad, r)


@pytest.mark.parametrize("p", [math.nan, None, -0.1, 1.5, math.inf], ids=["nan", "None", "neg", "1.5", "inf"])
def test_bad_p_values_name_their_index(p: Any) -> None:
    with raises_code("invalid_argument", index=2, match="index 2"):
        cx.adjust_p_values([0.1, 0.2, p, 0.3])
    with raises_code("invalid_argument", index=1):
        cx.adjust_p_values(np.array([0.1, np.nan if p is None else p]))


def test_bad_p_value_containers() -> None:
    for bad in ("0.1", 0.1, {0.1: 1}, [0.1, "x"], [True]):
        with pytest.raises(TypeError):
            cx.adjust_p_values(bad)


def test_paired_nps_bad_input() -> None:
    with raises_code("length_mismatch"):
        cx.paired_nps([9, 3, 7], [9, 3])
    with raises_code("out_of_scale", index=1):
        cx.paired_nps([9, 11], [9, 3])
    with raises_code("not_integer", index=0):
        cx.paired_nps([9, 3], [8.5, 3])
    with raises_code("not_finite", index=1):
        cx.paired_nps([9, math.inf], [9, 3])
    with raises_code("insufficient_data"):
        cx.paired_nps([9, None], [9, 3])
    with raises_code("insufficient_data", match="same amount"):
        cx.paired_nps([3, 0, 5], [10, 9, 9])
    with pytest.raises(TypeError):
        cx.paired_nps("9", [9])
    with pytest.raises(TypeError):
        cx.paired_nps([True, False], [9, 9])
