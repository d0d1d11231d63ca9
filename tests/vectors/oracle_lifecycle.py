#!/usr/bin/env python3
"""Independent oracle for the cxmetrics lifecycle conformance vectors: conversion, churn,
retention and customer lifetime value.

Writes tests/vectors/lifecycle.json (format: tests/vectors/README.md, "lifecycle.json and
segments.json"). The formulas are in docs/metrics/lifecycle.md.

This script deliberately does NOT import cxmetrics. Expected values come from:

  conversion / churn /    exact rational arithmetic (fractions.Fraction) from the
  retention / CLV         formulas of docs/metrics/lifecycle.md; compound
                          annualisation as -expm1(k * log1p(-m)) (cross-checked
                          with 1 - (1 - m)^k)
  Wilson intervals        statsmodels proportion_confint(method="wilson")
                          (cross-checked with the closed form in
                          docs/metrics/statistics.md)

Regenerate (from the repository root):

    .venv/bin/pip install -q numpy scipy statsmodels   # once
    .venv/bin/python tests/vectors/oracle_lifecycle.py

Output is byte-stable for given Python / numpy / scipy / statsmodels versions: no
timestamps, a fixed seed (numpy.random.default_rng(SEED)), fixed case order.
"""

from __future__ import annotations

import math
import sys
import warnings
from collections import Counter
from fractions import Fraction

import numpy as np
import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

from oracle_common import (
    HERE,
    CaseBook,
    OracleError,
    VectorBug,
    generator,
    num_cell as _num,
    print_function_counts,
    print_written,
    random_ids,
    seeded_draws,
    versions,
    write_vectors,
)

warnings.simplefilter("error")  # a library warning means a case is degenerate: stop

SEED = 20261128  # shared with segments.json, which continues this stream (oracle_segments.py)
OUT = HERE / "lifecycle.json"

FUNCTIONS = (
    "conversion_rate",
    "churn_rate",
    "retention_rate",
    "revenue_retention",
    "clv_from_churn",
    "clv_from_retention",
)
ERROR_CODES = ("empty", "invalid_argument")


# --------------------------------------------------------------------------
# JSON cells
# --------------------------------------------------------------------------


def _frac(x: float) -> Fraction:
    return Fraction(x)  # exact: every finite float is a rational


def check_level(v) -> float:
    lv = _num(v)
    if not (0.0 < lv < 1.0):
        raise OracleError("invalid_argument")
    return lv


def clamp(v: float, lo: float, hi: float) -> float:
    return float(min(max(v, lo), hi))


# --------------------------------------------------------------------------
# Lifecycle metrics (conversion, churn, retention, CLV)
# --------------------------------------------------------------------------


def count_ok(v) -> float:
    """A finite count or amount >= 0 (lifecycle.rs `count_ok` / `money`)."""
    x = _num(v)
    if not (math.isfinite(x) and x >= 0.0):
        raise OracleError("invalid_argument")
    return x


def wilson_pct(x: float, n: float, level: float) -> tuple[float, float]:
    """Wilson interval in percent, clamped to [0, 100] (statsmodels)."""
    lo, hi = proportion_confint(x, n, alpha=1.0 - level, method="wilson")
    z = float(stats.norm.isf((1.0 - level) / 2.0))
    p = x / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    if abs(float(lo) - (centre - half)) > 1e-12 or abs(float(hi) - (centre + half)) > 1e-12:
        raise VectorBug("statsmodels Wilson disagrees with the closed form")
    return clamp(100 * float(lo), 0, 100), clamp(100 * float(hi), 0, 100)


def _opts(c: dict, allowed: set) -> dict:
    o = c.get("options", {})
    if set(o) - allowed:
        raise VectorBug(f"unknown options {set(o) - allowed}")
    return o


def f_conversion(c: dict) -> dict:
    a, o = c["args"], _opts(c, {"level"})
    if set(a) != {"conversions", "interactions"}:
        raise VectorBug("conversion args")
    conv = count_ok(a["conversions"])
    n = count_ok(a["interactions"])
    if n == 0:
        raise OracleError("empty")
    if conv > n:
        raise OracleError("invalid_argument")
    level = check_level(o.get("level", 0.95))
    lo, hi = wilson_pct(conv, n, level)
    return {"score": float(100 * _frac(conv) / _frac(n)), "count": conv, "n": n, "lower": lo, "upper": hi}


def f_churn(c: dict) -> dict:
    a = c["args"]
    o = _opts(c, {"level", "denominator", "up_for_renewal", "end", "periods_per_year", "annualize"})
    if set(a) != {"churned", "start"}:
        raise VectorBug("churn args")
    den = o.get("denominator", "start")
    ann = o.get("annualize", "compound")
    if den not in ("start", "up_for_renewal", "average") or ann not in ("compound", "simple"):
        raise OracleError("invalid_argument")
    if (den != "up_for_renewal" and "up_for_renewal" in o) or (den != "average" and "end" in o):
        raise VectorBug("irrelevant denominator option")
    churned = count_ok(a["churned"])
    start = count_ok(a["start"])
    if den == "start":
        n = _frac(start)
    elif den == "up_for_renewal":
        n = _frac(count_ok(o["up_for_renewal"]))
    else:
        n = (_frac(start) + _frac(count_ok(o["end"]))) / 2
    if n == 0:
        raise OracleError("empty")
    if _frac(churned) > n:
        raise OracleError("invalid_argument")
    m = _frac(churned) / n
    annualized = None
    if "periods_per_year" in o:
        k = _num(o["periods_per_year"])
        if not (math.isfinite(k) and k > 0):
            raise OracleError("invalid_argument")
        if ann == "simple":
            annualized = float(100 * m * _frac(k))
        else:
            mf = float(m)
            annualized = 100.0 * -math.expm1(k * math.log1p(-mf)) if mf < 1 else 100.0
            naive = 100.0 * (1.0 - (1.0 - mf) ** k)
            if abs(naive - annualized) > 1e-11:
                raise VectorBug("compound annualisation: expm1/log1p and 1-(1-m)^k disagree")
    elif "annualize" in o:
        raise VectorBug("annualize without periods_per_year")
    level = check_level(o.get("level", 0.95))
    lo, hi = wilson_pct(churned, float(n), level)
    return {
        "score": float(100 * m),
        "annualized": annualized,
        "churned": churned,
        "n": float(n),
        "lower": lo,
        "upper": hi,
    }


def f_retention(c: dict) -> dict:
    a, o = c["args"], _opts(c, {"level"})
    if set(a) != {"start", "end", "new"}:
        raise VectorBug("retention args")
    s = count_ok(a["start"])
    e = count_ok(a["end"])
    nw = count_ok(a["new"])
    if s == 0:
        raise OracleError("empty")
    if nw > e:
        raise OracleError("invalid_argument")
    retained = _frac(e) - _frac(nw)
    if retained > _frac(s):
        raise OracleError("invalid_argument")
    level = check_level(o.get("level", 0.95))
    lo, hi = wilson_pct(float(retained), s, level)
    return {"score": float(100 * retained / _frac(s)), "count": float(retained), "n": s, "lower": lo, "upper": hi}


def f_revenue_retention(c: dict) -> dict:
    """NRR and GRR of the starting cohort, exact (docs/metrics/lifecycle.md, revenue
    retention): NRR = 100 (start + expansion - contraction - churned) / start, GRR the
    same without expansion. Amounts are checked in argument order, then start = 0 (empty),
    then a loss larger than the start."""
    a = c["args"]
    if set(a) != {"start", "expansion", "contraction", "churned"} or c.get("options"):
        raise VectorBug("revenue_retention args")
    s, x, ct, ch = (count_ok(a[k]) for k in ("start", "expansion", "contraction", "churned"))
    if s == 0:
        raise OracleError("empty")
    lost = _frac(ct) + _frac(ch)
    if lost > _frac(s):
        raise OracleError("invalid_argument")
    fs = _frac(s)
    return {
        "score": float(100 * (fs + _frac(x) - lost) / fs),
        "gross": float(100 * (fs - lost) / fs),
        "start": s,
        "expansion": x,
        "contraction": ct,
        "churned": ch,
    }


def f_clv_churn(c: dict) -> dict:
    a = c["args"]
    if set(a) != {"arpu", "margin", "churn"} or c.get("options"):
        raise VectorBug("clv_from_churn args")
    arpu = count_ok(a["arpu"])
    margin = _num(a["margin"])
    if not (math.isfinite(margin) and 0.0 <= margin <= 1.0):
        raise OracleError("invalid_argument")
    churn = _num(a["churn"])
    if not (math.isfinite(churn) and 0.0 < churn <= 100.0):
        raise OracleError("invalid_argument")  # churn = 0: infinite lifetime
    return {"value": float(_frac(arpu) * _frac(margin) * 100 / _frac(churn))}


def f_clv_retention(c: dict) -> dict:
    a = c["args"]
    if set(a) != {"arpu", "retention"} or c.get("options"):
        raise VectorBug("clv_from_retention args")
    arpu = count_ok(a["arpu"])
    r = _num(a["retention"])
    if not (math.isfinite(r) and 0.0 <= r < 100.0):
        raise OracleError("invalid_argument")  # retention = 100: infinite lifetime
    return {"value": float(_frac(arpu) * 100 / (100 - _frac(r)))}


# --------------------------------------------------------------------------
# Case building
# --------------------------------------------------------------------------

BOOK = CaseBook(
    {
        "conversion_rate": f_conversion,
        "churn_rate": f_churn,
        "retention_rate": f_retention,
        "revenue_retention": f_revenue_retention,
        "clv_from_churn": f_clv_churn,
        "clv_from_retention": f_clv_retention,
    },
    lambda fn: (("args", CaseBook.MISSING), ("options", CaseBook.MISSING)),
)
case = BOOK.add


# --------------------------------------------------------------------------
# Hand-written cases
# --------------------------------------------------------------------------


def lifecycle_cases():
    # ---------------------------------------------------------- conversion_rate
    case(
        "conversion_rate/45-of-1500",
        "conversion_rate",
        args={"conversions": 45, "interactions": 1500},
        check={"score": 3.0},
        note="the rustdoc example: 3 %; Wilson 95 % interval",
    )
    case(
        "conversion_rate/45-of-1500-level-90",
        "conversion_rate",
        args={"conversions": 45, "interactions": 1500},
        options={"level": 0.9},
    )
    case(
        "conversion_rate/45-of-1500-level-99",
        "conversion_rate",
        args={"conversions": 45, "interactions": 1500},
        options={"level": 0.99},
    )
    case(
        "conversion_rate/70-of-100-wilson-reference",
        "conversion_rate",
        args={"conversions": 70, "interactions": 100},
        check={"lower": 60.4151, "upper": 78.1051},
        check_tol=1e-4,
        note="worked example (statistics.md): Wilson [0.604151, 0.781051]",
    )
    case(
        "conversion_rate/zero-conversions",
        "conversion_rate",
        args={"conversions": 0, "interactions": 250},
        check={"score": 0.0, "lower": 0.0},
        note="0 conversions is 0 %, not an error; Wilson upper > 0",
    )
    case(
        "conversion_rate/all-converted",
        "conversion_rate",
        args={"conversions": 12, "interactions": 12},
        check={"score": 100.0, "upper": 100.0},
    )
    case("conversion_rate/one-of-one", "conversion_rate", args={"conversions": 1, "interactions": 1})
    case("conversion_rate/large", "conversion_rate", args={"conversions": 31337, "interactions": 1234567})
    case(
        "conversion_rate/one-third",
        "conversion_rate",
        args={"conversions": 1, "interactions": 3},
        check={"score": 100 / 3},
        check_tol=1e-13,
    )
    case(
        "conversion_rate/error-more-conversions-than-interactions",
        "conversion_rate",
        args={"conversions": 11, "interactions": 10},
        error="invalid_argument",
        note="a conversion needs an interaction",
    )
    case(
        "conversion_rate/error-zero-interactions",
        "conversion_rate",
        args={"conversions": 0, "interactions": 0},
        error="empty",
    )
    case(
        "conversion_rate/error-negative-conversions",
        "conversion_rate",
        args={"conversions": -1, "interactions": 10},
        error="invalid_argument",
    )
    case(
        "conversion_rate/error-negative-interactions",
        "conversion_rate",
        args={"conversions": 1, "interactions": -10},
        error="invalid_argument",
    )
    case(
        "conversion_rate/error-nan-conversions",
        "conversion_rate",
        args={"conversions": "nan", "interactions": 10},
        error="invalid_argument",
    )
    case(
        "conversion_rate/error-infinite-interactions",
        "conversion_rate",
        args={"conversions": 1, "interactions": "inf"},
        error="invalid_argument",
    )
    case(
        "conversion_rate/error-level-1",
        "conversion_rate",
        args={"conversions": 5, "interactions": 10},
        options={"level": 1.0},
        error="invalid_argument",
        note="the interval's level must lie in (0, 1)",
    )

    # ---------------------------------------------------------- churn_rate
    case(
        "churn_rate/monthly-10pct-compound",
        "churn_rate",
        args={"churned": 100, "start": 1000},
        options={"periods_per_year": 12},
        check={"score": 10.0, "annualized": 71.75704635190001},
        check_tol=1e-9,
        note="10 % a month compounds to 1 - 0.9^12 = 71.76 % a year, not 120 %",
    )
    case(
        "churn_rate/monthly-10pct-simple",
        "churn_rate",
        args={"churned": 100, "start": 1000},
        options={"periods_per_year": 12, "annualize": "simple"},
        check={"score": 10.0, "annualized": 120.0},
        note="simple annualisation 12 x 10 % = 120 % overstates annual churn",
    )
    case(
        "churn_rate/monthly-10pct-compound-explicit",
        "churn_rate",
        args={"churned": 100, "start": 1000},
        options={"periods_per_year": 12, "annualize": "compound"},
        check={"annualized": 71.75704635190001},
        check_tol=1e-9,
    )
    case(
        "churn_rate/rustdoc-5pct",
        "churn_rate",
        args={"churned": 50, "start": 1000},
        options={"periods_per_year": 12},
        check={"score": 5.0, "annualized": 45.96399198},
        check_tol=1e-6,
        note="the rustdoc example: 5 % a month -> 45.96 % a year (not 60 %)",
    )
    case(
        "churn_rate/no-annualisation",
        "churn_rate",
        args={"churned": 37, "start": 820},
        check={"annualized": None},
        note="no periods_per_year: annualized is null",
    )
    case("churn_rate/weekly-52", "churn_rate", args={"churned": 3, "start": 1200}, options={"periods_per_year": 52})
    case(
        "churn_rate/quarterly-4-simple",
        "churn_rate",
        args={"churned": 45, "start": 600},
        options={"periods_per_year": 4, "annualize": "simple"},
        check={"annualized": 30.0},
        check_tol=1e-12,
    )
    case(
        "churn_rate/fractional-periods-per-year",
        "churn_rate",
        args={"churned": 9, "start": 700},
        options={"periods_per_year": 52.1775},
        note="k need not be an integer (weeks per year)",
    )
    case(
        "churn_rate/up-for-renewal",
        "churn_rate",
        args={"churned": 30, "start": 1000},
        options={"denominator": "up_for_renewal", "up_for_renewal": 120},
        check={"score": 25.0, "n": 120.0},
        note="Displayr: churn over the customers up for renewal (annual contracts)",
    )
    case(
        "churn_rate/up-for-renewal-annualised",
        "churn_rate",
        args={"churned": 30, "start": 1000},
        options={"denominator": "up_for_renewal", "up_for_renewal": 120, "periods_per_year": 12},
    )
    case(
        "churn_rate/average-denominator",
        "churn_rate",
        args={"churned": 50, "start": 1000},
        options={"denominator": "average", "end": 1100},
        check={"n": 1050.0, "score": 100 * 50 / 1050},
        check_tol=1e-12,
        note="(start + end) / 2 = 1050",
    )
    case(
        "churn_rate/average-half-customer",
        "churn_rate",
        args={"churned": 20, "start": 1000},
        options={"denominator": "average", "end": 1001},
        check={"n": 1000.5},
        note="a non-integer denominator; Wilson with n = 1000.5",
    )
    case(
        "churn_rate/zero-churn",
        "churn_rate",
        args={"churned": 0, "start": 500},
        options={"periods_per_year": 12},
        check={"score": 0.0, "annualized": 0.0},
    )
    case(
        "churn_rate/all-churned",
        "churn_rate",
        args={"churned": 40, "start": 40},
        options={"periods_per_year": 12},
        check={"score": 100.0, "annualized": 100.0},
    )
    case("churn_rate/level-80", "churn_rate", args={"churned": 12, "start": 150}, options={"level": 0.8})
    case(
        "churn_rate/error-churned-exceeds-start",
        "churn_rate",
        args={"churned": 1001, "start": 1000},
        error="invalid_argument",
        note="churn cannot exceed 100 %",
    )
    case(
        "churn_rate/error-churned-exceeds-up-for-renewal",
        "churn_rate",
        args={"churned": 130, "start": 1000},
        options={"denominator": "up_for_renewal", "up_for_renewal": 120},
        error="invalid_argument",
        note="the base is the renewals, not the start",
    )
    case(
        "churn_rate/error-churned-exceeds-average",
        "churn_rate",
        args={"churned": 80, "start": 100},
        options={"denominator": "average", "end": 40},
        error="invalid_argument",
        note="base (100 + 40) / 2 = 70 < 80",
    )
    case("churn_rate/error-zero-start", "churn_rate", args={"churned": 0, "start": 0}, error="empty")
    case(
        "churn_rate/error-zero-up-for-renewal",
        "churn_rate",
        args={"churned": 0, "start": 100},
        options={"denominator": "up_for_renewal", "up_for_renewal": 0},
        error="empty",
    )
    case(
        "churn_rate/error-periods-per-year-zero",
        "churn_rate",
        args={"churned": 10, "start": 100},
        options={"periods_per_year": 0},
        error="invalid_argument",
    )
    case(
        "churn_rate/error-periods-per-year-negative",
        "churn_rate",
        args={"churned": 10, "start": 100},
        options={"periods_per_year": -12},
        error="invalid_argument",
    )
    case(
        "churn_rate/error-periods-per-year-inf",
        "churn_rate",
        args={"churned": 10, "start": 100},
        options={"periods_per_year": "inf"},
        error="invalid_argument",
    )
    case(
        "churn_rate/error-negative-churned", "churn_rate", args={"churned": -1, "start": 100}, error="invalid_argument"
    )
    case("churn_rate/error-nan-start", "churn_rate", args={"churned": 1, "start": "nan"}, error="invalid_argument")
    case(
        "churn_rate/error-negative-end",
        "churn_rate",
        args={"churned": 1, "start": 100},
        options={"denominator": "average", "end": -5},
        error="invalid_argument",
    )
    case(
        "churn_rate/error-unknown-denominator",
        "churn_rate",
        args={"churned": 1, "start": 100},
        options={"denominator": "end"},
        error="invalid_argument",
    )
    case(
        "churn_rate/error-unknown-annualize",
        "churn_rate",
        args={"churned": 1, "start": 100},
        options={"periods_per_year": 12, "annualize": "linear"},
        error="invalid_argument",
    )

    # ---------------------------------------------------------- retention_rate
    case(
        "retention_rate/rustdoc-95",
        "retention_rate",
        args={"start": 1000, "end": 1030, "new": 80},
        check={"score": 95.0, "count": 950.0, "n": 1000.0},
        note="(1030 - 80) / 1000 = 95 %",
    )
    case(
        "retention_rate/full-retention",
        "retention_rate",
        args={"start": 200, "end": 260, "new": 60},
        check={"score": 100.0, "upper": 100.0},
    )
    case(
        "retention_rate/none-retained",
        "retention_rate",
        args={"start": 50, "end": 12, "new": 12},
        check={"score": 0.0, "lower": 0.0},
    )
    case("retention_rate/small", "retention_rate", args={"start": 7, "end": 9, "new": 4}, options={"level": 0.9})
    case("retention_rate/large", "retention_rate", args={"start": 84210, "end": 90112, "new": 11873})
    case("retention_rate/error-zero-start", "retention_rate", args={"start": 0, "end": 10, "new": 10}, error="empty")
    case(
        "retention_rate/error-new-exceeds-end",
        "retention_rate",
        args={"start": 100, "end": 90, "new": 95},
        error="invalid_argument",
    )
    case(
        "retention_rate/error-retained-exceeds-start",
        "retention_rate",
        args={"start": 100, "end": 130, "new": 20},
        error="invalid_argument",
        note="110 retained of 100: new customers must be counted in `new`",
    )
    case(
        "retention_rate/error-negative-end",
        "retention_rate",
        args={"start": 100, "end": -1, "new": 0},
        error="invalid_argument",
    )
    case(
        "retention_rate/error-nan-new",
        "retention_rate",
        args={"start": 100, "end": 90, "new": "nan"},
        error="invalid_argument",
    )

    # ---------------------------------------------------------- revenue_retention
    rr = "revenue_retention"
    case(
        f"{rr}/docs-105-90",
        rr,
        args={"start": 100000, "expansion": 15000, "contraction": 3000, "churned": 7000},
        check={"score": 105.0, "gross": 90.0},
        check_tol=1e-12,
        note="docs/metrics/lifecycle.md example: (100k + 15k - 3k - 7k) / 100k; GRR without the 15k",
    )
    case(
        f"{rr}/no-change",
        rr,
        args={"start": 2500, "expansion": 0, "contraction": 0, "churned": 0},
        check={"score": 100.0, "gross": 100.0},
    )
    case(
        f"{rr}/all-lost",
        rr,
        args={"start": 800, "expansion": 0, "contraction": 300, "churned": 500},
        check={"score": 0.0, "gross": 0.0},
        note="contraction + churned = start: allowed",
    )
    case(
        f"{rr}/expansion-hides-loss",
        rr,
        args={"start": 1000, "expansion": 400, "contraction": 100, "churned": 200},
        check={"score": 110.0, "gross": 70.0},
        note="NRR above 100 while GRR is 70",
    )
    case(f"{rr}/fractional", rr, args={"start": 12345.67, "expansion": 890.12, "contraction": 45.6, "churned": 789.01})
    case(
        f"{rr}/error-start-zero", rr, args={"start": 0, "expansion": 10, "contraction": 0, "churned": 0}, error="empty"
    )
    case(
        f"{rr}/error-loss-exceeds-start",
        rr,
        args={"start": 100, "expansion": 50, "contraction": 60, "churned": 41},
        error="invalid_argument",
        note="the cohort cannot lose more than it brought",
    )
    case(
        f"{rr}/error-negative-expansion",
        rr,
        args={"start": 100, "expansion": -1, "contraction": 0, "churned": 0},
        error="invalid_argument",
        note="a loss is contraction, not negative expansion",
    )
    case(
        f"{rr}/error-nan-churned",
        rr,
        args={"start": 100, "expansion": 0, "contraction": 0, "churned": "nan"},
        error="invalid_argument",
    )
    case(
        f"{rr}/error-inf-start",
        rr,
        args={"start": "inf", "expansion": 0, "contraction": 0, "churned": 0},
        error="invalid_argument",
    )
    case(
        f"{rr}/error-order-start-before-empty",
        rr,
        args={"start": 0, "expansion": "-inf", "contraction": 0, "churned": 0},
        error="invalid_argument",
        note="amounts are checked before the empty start",
    )

    # ---------------------------------------------------------- clv
    case(
        "clv_from_churn/rustdoc-1000",
        "clv_from_churn",
        args={"arpu": 50, "margin": 0.8, "churn": 4},
        check={"value": 1000.0},
        check_tol=1e-9,
        note="50 x 0.8 / 0.04",
    )
    case(
        "clv_from_churn/revenue-margin-1",
        "clv_from_churn",
        args={"arpu": 50, "margin": 1, "churn": 4},
        check={"value": 1250.0},
        check_tol=1e-9,
        note="margin 1 = revenue lifetime value; equals clv_from_retention(50, 96)",
    )
    case(
        "clv_from_churn/churn-100",
        "clv_from_churn",
        args={"arpu": 29.9, "margin": 0.65, "churn": 100},
        check={"value": 29.9 * 0.65},
        check_tol=1e-12,
        note="every customer leaves after one period",
    )
    case(
        "clv_from_churn/margin-0", "clv_from_churn", args={"arpu": 120, "margin": 0, "churn": 2.5}, check={"value": 0.0}
    )
    case("clv_from_churn/small-churn", "clv_from_churn", args={"arpu": 19.99, "margin": 0.72, "churn": 0.35})
    case(
        "clv_from_churn/error-churn-0",
        "clv_from_churn",
        args={"arpu": 50, "margin": 0.8, "churn": 0},
        error="invalid_argument",
        note="churn 0 = infinite lifetime: the model does not apply",
    )
    case(
        "clv_from_churn/error-churn-over-100",
        "clv_from_churn",
        args={"arpu": 50, "margin": 0.8, "churn": 100.5},
        error="invalid_argument",
    )
    case(
        "clv_from_churn/error-churn-negative",
        "clv_from_churn",
        args={"arpu": 50, "margin": 0.8, "churn": -3},
        error="invalid_argument",
    )
    case(
        "clv_from_churn/error-margin-over-1",
        "clv_from_churn",
        args={"arpu": 50, "margin": 70, "churn": 4},
        error="invalid_argument",
        note="margin is a fraction (0.7 for 70 %)",
    )
    case(
        "clv_from_churn/error-margin-negative",
        "clv_from_churn",
        args={"arpu": 50, "margin": -0.1, "churn": 4},
        error="invalid_argument",
    )
    case(
        "clv_from_churn/error-arpu-negative",
        "clv_from_churn",
        args={"arpu": -50, "margin": 0.8, "churn": 4},
        error="invalid_argument",
    )
    case(
        "clv_from_churn/error-arpu-nan",
        "clv_from_churn",
        args={"arpu": "nan", "margin": 0.8, "churn": 4},
        error="invalid_argument",
    )
    case(
        "clv_from_retention/profitwell-96",
        "clv_from_retention",
        args={"arpu": 50, "retention": 96},
        check={"value": 1250.0},
        check_tol=1e-9,
        note="ARPU / (1 - retention)",
    )
    case(
        "clv_from_retention/retention-0", "clv_from_retention", args={"arpu": 42, "retention": 0}, check={"value": 42.0}
    )
    case("clv_from_retention/fractional", "clv_from_retention", args={"arpu": 12.5, "retention": 87.3})
    case(
        "clv_from_retention/error-retention-100",
        "clv_from_retention",
        args={"arpu": 50, "retention": 100},
        error="invalid_argument",
        note="100 % retention = infinite lifetime",
    )
    case(
        "clv_from_retention/error-retention-over-100",
        "clv_from_retention",
        args={"arpu": 50, "retention": 101},
        error="invalid_argument",
    )
    case(
        "clv_from_retention/error-retention-negative",
        "clv_from_retention",
        args={"arpu": 50, "retention": -1},
        error="invalid_argument",
    )
    case(
        "clv_from_retention/error-arpu-negative",
        "clv_from_retention",
        args={"arpu": -0.01, "retention": 90},
        error="invalid_argument",
    )
    case(
        "clv_from_retention/error-arpu-inf",
        "clv_from_retention",
        args={"arpu": "inf", "retention": 90},
        error="invalid_argument",
    )


# --------------------------------------------------------------------------
# Seeded random cases
# --------------------------------------------------------------------------


def random_draws(rng, case, rid, pick, level):
    """The seeded random lifecycle cases, drawn from rng. segments.json continues the same
    stream after these draws: oracle_segments.py replays them with a case function that
    keeps nothing, so both files stay as they were when they were one file."""
    note = f"seeded random (default_rng({SEED}))"
    for _ in range(10):
        n = int(rng.choice([1, 7, 40, 250, 1500, 90000]))
        x = int(rng.integers(0, n + 1))
        case(
            rid("conversion_rate"),
            "conversion_rate",
            args={"conversions": x, "interactions": n},
            options={"level": level()},
            note=note,
            source="random",
        )
    for _ in range(12):
        start = int(rng.choice([20, 300, 1200, 50000]))
        den = pick(["start", "start", "up_for_renewal", "average"])
        opts = {"level": level()}
        if den == "up_for_renewal":
            base = int(rng.integers(1, start + 1))
            opts.update(denominator=den, up_for_renewal=base)
        elif den == "average":
            end = int(rng.integers(0, 2 * start))
            base = (start + end) // 2
            opts.update(denominator=den, end=end)
        else:
            base = start
        churned = int(rng.integers(0, max(1, base // 3) + 1))
        if rng.random() < 0.75:
            opts["periods_per_year"] = pick([12, 4, 52, 365])
            if rng.random() < 0.4:
                opts["annualize"] = pick(["compound", "simple"])
        case(
            rid("churn_rate"),
            "churn_rate",
            args={"churned": churned, "start": start},
            options=opts,
            note=note,
            source="random",
        )
    for _ in range(6):
        start = int(rng.choice([15, 400, 8000]))
        retained = int(rng.integers(0, start + 1))
        new = int(rng.integers(0, start))
        case(
            rid("retention_rate"),
            "retention_rate",
            args={"start": start, "end": retained + new, "new": new},
            options={"level": level()},
            note=note,
            source="random",
        )
    for _ in range(4):
        case(
            rid("clv_from_churn"),
            "clv_from_churn",
            args={
                "arpu": round(float(rng.uniform(1, 500)), 2),
                "margin": round(float(rng.uniform(0.1, 1.0)), 3),
                "churn": round(float(rng.uniform(0.2, 30)), 2),
            },
            note=note,
            source="random",
        )
        case(
            rid("clv_from_retention"),
            "clv_from_retention",
            args={"arpu": round(float(rng.uniform(1, 500)), 2), "retention": round(float(rng.uniform(50, 99.5)), 2)},
            note=note,
            source="random",
        )


REVENUE_SEED = SEED + 1  # its own stream: segments.json replays the main one


def random_revenue_cases(rid):
    rng = np.random.default_rng(REVENUE_SEED)
    note = f"seeded random (default_rng({REVENUE_SEED}))"
    for _ in range(8):
        start = round(float(rng.choice([90.0, 4200.0, 250000.0]) * rng.uniform(0.5, 2)), 2)
        churned = round(float(rng.uniform(0, 0.3)) * start, 2)
        contraction = round(float(rng.uniform(0, 0.2)) * start, 2)
        expansion = round(float(rng.uniform(0, 0.5)) * start, 2)
        case(
            rid("revenue_retention"),
            "revenue_retention",
            args={"start": start, "expansion": expansion, "contraction": contraction, "churned": churned},
            note=note,
            source="random",
        )


def random_cases():
    rng = np.random.default_rng(SEED)
    pick, level = seeded_draws(rng)
    rid = random_ids()
    random_draws(rng, case, rid, pick, level)
    random_revenue_cases(rid)


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------


def provenance() -> dict:
    return {
        "generator": generator(__file__),
        **versions(np, scipy, statsmodels),
        "seed": SEED,
        "method": (
            "exact rationals for the lifecycle formulas; statsmodels proportion_confint (wilson); not cxmetrics"
        ),
        "spec": (
            "docs/metrics/lifecycle.md (conversion, churn, retention, customer lifetime "
            "value); docs/metrics/statistics.md (Wilson interval); docs/conventions.md"
        ),
        "tolerance_rule": (
            "float fields: |actual - expected| <= tolerance * "
            "max(1, |expected|); integer fields, strings, booleans, keys "
            "and null exact"
        ),
    }


def summary(text: str):
    print_written(OUT, text, BOOK.cases, BOOK.source)
    print(", ".join(f"{k} {v}" for k, v in versions(np, scipy, statsmodels).items()) + f", seed {SEED}")
    print_function_counts(BOOK.cases, FUNCTIONS)
    print("successful churn_rate cases per denominator/annualisation:")
    fv = Counter(_variant(c) for c in BOOK.cases if "expected" in c and c["function"] == "churn_rate")
    for k in sorted(fv):
        print(f"  churn_rate {k:33s} {fv[k]:4d}")
    codes = Counter((c["expected_error"]["code"], c["function"]) for c in BOOK.cases if "expected_error" in c)
    print("cases per error code (function: count):")
    for code in ERROR_CODES:
        per = ", ".join(f"{fn} {k}" for (cd, fn), k in sorted(codes.items()) if cd == code)
        print(f"  {code:18s} {sum(k for (cd, _), k in codes.items() if cd == code):4d}  {per}")
    unexpected = {cd for cd, _ in codes} - set(ERROR_CODES)
    if unexpected:
        raise VectorBug(f"unexpected codes {unexpected}")


def _variant(c: dict) -> str:
    o = c.get("options", {})
    return o.get("denominator", "start") + (f"/{o.get('annualize', 'compound')}" if "periods_per_year" in o else "")


def main():
    lifecycle_cases()
    random_cases()
    if len(BOOK.cases) < 60:
        raise VectorBug(f"only {len(BOOK.cases)} cases")
    text = write_vectors(OUT, provenance(), BOOK.cases)
    summary(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
