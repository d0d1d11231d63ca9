"""Intervals at extreme sizes (issue 15, item 1): the ``interval`` cases of
``tests/vectors/quantiles.json`` (scipy / statsmodels, written by
``tests/vectors/oracle_quantiles.py``). With the old quantiles these hung (a t interval
from 15 M answers, Clopper–Pearson for 0 of 10 M) or came out too narrow (n of 3–14.5 M)."""

from __future__ import annotations

from typing import Any

import pytest

import cxmetrics as cx
from conftest import assert_close, load_vectors

CASES = [c for c in load_vectors("quantiles.json") if c["function"] == "interval"]


def test_quantile_interval_cases_exist() -> None:
    kinds = {(c["args"]["kind"], c["args"]["method"]) for c in CASES}
    assert kinds == {("mean_counts", "t"), ("proportion_counts", "clopper_pearson"), ("proportion_counts", "jeffreys")}
    assert len(CASES) >= 100


def _interval(args: dict[str, Any]) -> cx.Interval:
    if args["kind"] == "mean_counts":
        tally = cx.Tally.from_counts(tuple(args["scale"]), args["counts"])
        return cx.mean(tally).interval(args["level"], method="t")
    return cx.proportion_interval(args["successes"], args["n"], level=args["level"], method=args["method"])


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_quantile_interval_vector(case: dict[str, Any]) -> None:
    i = _interval(case["args"])
    assert_close({"lower": i.lower, "upper": i.upper}, case["expected"], case["tolerance"], case["id"])


def test_issue_examples_return() -> None:
    # the two examples of the issue, which never returned before
    i = cx.mean(cx.Tally.from_counts((1, 5), [3_000_000] * 5)).interval()
    assert i.lower < 3.0 < i.upper
    cp = cx.proportion_interval(0, 10**7, method="clopper_pearson")
    assert cp.lower == 0.0 and 0 < cp.upper < 1e-4
