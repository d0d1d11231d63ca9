#!/usr/bin/env python3
"""Independent oracle for the cxmetrics statistics conformance vectors.

Writes tests/vectors/stats.json (format: tests/vectors/README.md, "stats.json").

This script deliberately does NOT import cxmetrics. The expected values come from
stats_model.py (scipy / statsmodels wherever a method has a library implementation, the
formulas of docs/metrics/statistics.md otherwise; its docstring lists which is which); the
hand-written cases are in stats_hand_cases.py.

Regenerate (from the repository root):

    .venv/bin/pip install -q numpy scipy statsmodels   # once
    .venv/bin/python tests/vectors/oracle_stats.py

Output is byte-stable for given Python / numpy / scipy / statsmodels versions:
no timestamps, a fixed seed (numpy.random.default_rng(SEED)), fixed case order.
"""

from __future__ import annotations

import platform
import sys
import warnings
from collections import Counter

import numpy as np
import scipy
import statsmodels

from oracle_common import (HERE, TOL, OracleError, VectorBug, check_intent, generator,
                           print_error_codes, print_function_counts, print_written, versions,
                           write_vectors)
from stats_hand_cases import hand_cases
from stats_model import (ERROR_CODES, FUNCTIONS, LEVELS, METHODS, NET_METHODS, PROP_METHODS,
                         PROP_COMPARE_METHODS, estimate, evaluate, nps_counts, prop_counts, survey)

warnings.simplefilter("error")  # a library warning means a case is degenerate: stop

SEED = 20261127
OUT = HERE / "stats.json"


# --------------------------------------------------------------------------
# Case building
# --------------------------------------------------------------------------

CASES: list[dict] = []
_SOURCE: dict[str, str] = {}


def case(cid: str, fn: str, *, error: str | None = None, index: int | None = None,
         check: dict | None = None, check_tol: float = 1e-12, note: str | None = None,
         source: str = "hand", **payload):
    """Add one case. Hand-written cases state their intent (error code / literal values in
    `check`, compared with |oracle - literal| <= check_tol); that is asserted here."""
    if cid in _SOURCE:
        raise VectorBug(f"duplicate id {cid}")
    c = {"id": cid, "function": fn}
    for k in ("input", "a", "b", "before", "after", "args", "options"):
        if k in payload:
            c[k] = payload.pop(k)
    if payload:
        raise VectorBug(f"unknown case keys {set(payload)}")
    if fn not in ("sample_size_nps", "sample_size_proportion", "sample_size_mean",
                  "sample_size_nps_difference", "sample_size_proportion_difference",
                  "adjust_p_values"):
        c.setdefault("options", {})
    try:
        result, err = evaluate(c), None
    except OracleError as e:
        result, err = None, e
    check_intent(cid, result, err, error, index)
    if err is not None:
        c["expected_error"] = err.as_json()
    else:
        for k, v in (check or {}).items():
            got = result[k]
            if isinstance(v, list):
                ok = len(v) == len(got) and all(abs(a - b) <= check_tol for a, b in zip(got, v))
            elif isinstance(v, float):
                ok = abs(got - v) <= check_tol
            else:
                ok = got == v
            if not ok:
                raise VectorBug(f"{cid}: check {k}: expected {v}, oracle gave {got}")
        c["expected"] = result
        c["tolerance"] = TOL
    if note:
        c["note"] = note
    CASES.append(c)
    _SOURCE[cid] = source


# --------------------------------------------------------------------------
# Seeded random cases
# --------------------------------------------------------------------------


def random_cases():
    rng = np.random.default_rng(SEED)
    counter = Counter()
    note = f"seeded random (default_rng({SEED}))"

    def rid(prefix):
        counter[prefix] += 1
        return f"{prefix}/random-{counter[prefix]:02d}"

    def level():
        return float(LEVELS[int(rng.integers(0, len(LEVELS)))])

    def rand_nps_counts():
        n = int(rng.choice([3, 8, 20, 50, 150, 600, 3000]))
        p = rng.dirichlet([1.0, 1.0, 1.0])
        P, A, D = (int(v) for v in rng.multinomial(n, p))
        return nps_counts(P, A, D)

    def rand_prop_counts():
        n = int(rng.choice([2, 5, 12, 40, 100, 400, 2500]))
        return prop_counts(int(rng.integers(0, n + 1)), n)

    def rand_scores(lo, hi, size, weighted, nulls):
        p = rng.dirichlet(np.full(hi - lo + 1, 0.9))
        scores = [int(v) for v in rng.choice(np.arange(lo, hi + 1), size=size, p=p)]
        weights = [round(float(v), 6) for v in rng.uniform(0.2, 3.0, size=size)] if weighted else None
        if nulls:
            for i in rng.choice(size, size=max(1, size // 10), replace=False):
                scores[int(i)] = None
        return scores, weights

    def rand_survey(kind=None):
        size = int(rng.choice([15, 30, 80, 200]))
        weighted = bool(rng.random() < 0.5)
        nulls = bool(rng.random() < 0.3)
        options = {
            "net": [("nps", 0, 10, {}), ("csat", 1, 5, {"method": "net"}),
                    ("ces", 1, 7, {"scale": [1, 7], "higher_is_better": True, "method": "net_effort"})],
            "proportion": [("top_box", 1, 5, {"scale": [1, 5]}), ("csat", 1, 5, {}),
                           ("bottom_box", 1, 7, {"scale": [1, 7]}),
                           ("ces", 1, 5, {"scale": [1, 5], "higher_is_better": False,
                                          "method": "percent_agree"})],
            "mean": [("mean", 1, 5, {"scale": [1, 5]}), ("csat", 1, 5, {"method": "mean"}),
                     ("csat", 1, 5, {"method": "percent_of_max"}),
                     ("ces", 1, 7, {"scale": [1, 7], "higher_is_better": True})],
        }
        kind = kind or ("net", "proportion", "mean")[int(rng.integers(0, 3))]
        fn, lo, hi, opts = options[kind][int(rng.integers(0, len(options[kind])))]
        scores, weights = rand_scores(lo, hi, size, weighted, nulls)
        return survey(fn, scores, weights, **opts)

    for _ in range(30):
        m = PROP_METHODS[int(rng.integers(0, len(PROP_METHODS)))]
        case(rid("interval/proportion"), "interval", input=rand_prop_counts(),
             options={"level": level(), "method": m}, note=note, source="random")
    for _ in range(16):
        m = NET_METHODS[int(rng.integers(0, 2))]
        case(rid("interval/nps"), "interval", input=rand_nps_counts(),
             options={"level": level(), "method": m}, note=note, source="random")
    for _ in range(24):
        inp = rand_survey()
        ms = METHODS[estimate(inp).kind]
        m = ms[int(rng.integers(0, len(ms)))]
        case(rid("interval/survey"), "interval", input=inp,
             options={"level": level(), "method": m}, note=note, source="random")
    for _ in range(8):
        case(rid("margin_of_error"), "margin_of_error", input=rand_survey(),
             options={"level": level()}, note=note, source="random")
    for _ in range(8):
        case(rid("compare/nps"), "compare", a=rand_nps_counts(), b=rand_nps_counts(),
             options={"level": level(), "method": NET_METHODS[int(rng.integers(0, 2))]},
             note=note, source="random")
    for _ in range(8):
        case(rid("compare/proportion"), "compare", a=rand_prop_counts(), b=rand_prop_counts(),
             options={"level": level()}, note=note, source="random")
    for kind in ("net", "proportion", "mean", "mean", "mean"):
        case(rid(f"compare/survey-{kind}"), "compare", a=rand_survey(kind), b=rand_survey(kind),
             options={"level": level()}, note=note, source="random")
    for _ in range(6):
        size = int(rng.choice([10, 40, 150]))
        b = [int(v) for v in rng.integers(0, 11, size=size)]
        shift = rng.integers(-2, 4, size=size)
        a = [int(min(10, max(0, bv + s))) for bv, s in zip(b, shift)]
        if rng.random() < 0.5:
            for i in rng.choice(size, size=max(1, size // 8), replace=False):
                if rng.random() < 0.5:
                    b[int(i)] = None
                else:
                    a[int(i)] = None
        case(rid("paired_nps"), "paired_nps", before=b, after=a, options={"level": level()},
             note=note, source="random")
    for _ in range(6):
        k = int(rng.integers(2, 15))
        ps = [round(float(v), 6) for v in rng.beta(0.4, 1.5, size=k)]
        for m in ("holm", "bh"):
            case(rid(f"adjust_p_values/{m}"), "adjust_p_values",
                 args={"p_values": ps, "method": m}, note=note, source="random")


PROP_COMPARE_SEED = SEED + 1  # its own stream: the cases above stay as they were


def random_prop_compare_cases():
    """Two proportions by every comparison method but the default (issue 16)."""
    rng = np.random.default_rng(PROP_COMPARE_SEED)
    note = f"seeded random (default_rng({PROP_COMPARE_SEED}))"
    methods = [m for m in PROP_COMPARE_METHODS if m != "pooled_z"]

    def counts():
        n = int(rng.choice([2, 5, 12, 40, 100, 400, 2500]))
        return prop_counts(int(rng.integers(0, n + 1)), n)

    for i in range(36):
        m = methods[i % len(methods)]
        level = float(LEVELS[int(rng.integers(0, len(LEVELS)))])
        a, b = counts(), counts()
        try:
            evaluate({"function": "compare", "a": a, "b": b,
                      "options": {"level": level, "method": m}})
            error = None
        except OracleError as e:
            error = e.code
        case(f"compare/proportion-{m.replace('_', '-')}/random-{i // len(methods) + 1:02d}",
             "compare", a=a, b=b, options={"level": level, "method": m}, error=error,
             note=note, source="random")


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------


def provenance() -> dict:
    return {
        "generator": generator(__file__),
        **versions(np, scipy, statsmodels),
        "seed": SEED,
        "method": ("scipy / statsmodels implementations where they exist (proportion_confint, "
                   "confint_proportions_2indep newcomb / wald / agresti-caffo, proportions_ztest, "
                   "test_proportions_2indep, multipletests, "
                   "ttest_ind_from_stats, ttest_rel, t.interval, samplesize_*); NPS (adjusted) "
                   "Wald and NPS/mean sample sizes from the spec formulas with scipy quantiles; "
                   "the Miettinen-Nurminen score interval from the corrected restricted MLE "
                   "(statsmodels issue #10269) with scipy brentq; not cxmetrics"),
        "spec": ("docs/metrics/statistics.md (intervals, comparisons, sample sizes, p-value "
                 "adjustment, weighted estimates, worked examples); docs/sources.md (statistics)"),
        "tolerance_rule": ("float fields: |actual - expected| <= tolerance * max(1, |expected|); "
                           "integer fields, strings and null exact"),
    }


def _method_of(c: dict) -> str:
    fn = c["function"]
    if fn in ("interval", "compare"):
        if "expected" in c:
            return c["expected"]["method"]
        return c.get("options", {}).get("method", "(default)")
    if fn == "adjust_p_values":
        return c["args"]["method"]
    return "-"


def _kind_of(c: dict) -> str:
    inp = c.get("input") or c.get("a")
    if inp is None:
        return "-"
    if inp["kind"] == "survey":
        o = inp["options"]
        return f"survey:{inp['function']}" + (f"/{o['method']}" if "method" in o else "") \
            + ("+w" if inp["weights"] else "")
    return inp["kind"]


def summary(text: str):
    print_written(OUT, text, CASES, _SOURCE)
    print(f"python {platform.python_version()}, numpy {np.__version__}, scipy {scipy.__version__}, "
          f"statsmodels {statsmodels.__version__}, seed {SEED}")
    print_function_counts(CASES, FUNCTIONS, 34)
    print("successful cases per function/method:")
    fm = Counter(f"{c['function']}/{_method_of(c)}" for c in CASES if "expected" in c)
    for k in sorted(fm):
        print(f"  {k:40s} {fm[k]:4d}")
    print("successful interval cases per input kind:")
    ki = Counter(_kind_of(c) for c in CASES if c["function"] == "interval" and "expected" in c)
    for k in sorted(ki):
        print(f"  {k:40s} {ki[k]:4d}")
    print("interval cases per level:")
    lv = Counter(c["expected"]["level"] for c in CASES if c["function"] == "interval" and "expected" in c)
    for k in sorted(lv):
        print(f"  {k:<8} {lv[k]:4d}")
    print_error_codes(CASES, ERROR_CODES)


def main():
    hand_cases(case)
    random_cases()
    random_prop_compare_cases()
    text = write_vectors(OUT, provenance(), CASES)
    summary(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())