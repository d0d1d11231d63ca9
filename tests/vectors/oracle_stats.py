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

import math
import platform
import sys
import warnings
from collections import Counter

import numpy as np
import scipy
import statsmodels

from oracle_common import (
    HERE,
    TOL,
    OracleError,
    VectorBug,
    check_intent,
    generator,
    print_error_codes,
    print_function_counts,
    print_written,
    versions,
    write_vectors,
)
from stats_hand_cases import hand_cases
from stats_model import (
    ERROR_CODES,
    FUNCTIONS,
    LEVELS,
    METHODS,
    NET_METHODS,
    PROP_METHODS,
    PROP_COMPARE_METHODS,
    estimate,
    evaluate,
    nps_counts,
    prop_counts,
    survey,
)

warnings.simplefilter("error")  # a library warning means a case is degenerate: stop

SEED = 20261127
OUT = HERE / "stats.json"


# --------------------------------------------------------------------------
# Case building
# --------------------------------------------------------------------------

CASES: list[dict] = []
_SOURCE: dict[str, str] = {}


def case(
    cid: str,
    fn: str,
    *,
    error: str | None = None,
    index: int | None = None,
    check: dict | None = None,
    check_tol: float = 1e-12,
    note: str | None = None,
    source: str = "hand",
    **payload,
):
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
    if fn not in (
        "sample_size_nps",
        "sample_size_proportion",
        "sample_size_mean",
        "sample_size_nps_difference",
        "sample_size_proportion_difference",
        "adjust_p_values",
    ):
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
            "net": [
                ("nps", 0, 10, {}),
                ("csat", 1, 5, {"method": "net"}),
                ("ces", 1, 7, {"scale": [1, 7], "higher_is_better": True, "method": "net_effort"}),
            ],
            "proportion": [
                ("top_box", 1, 5, {"scale": [1, 5]}),
                ("csat", 1, 5, {}),
                ("bottom_box", 1, 7, {"scale": [1, 7]}),
                ("ces", 1, 5, {"scale": [1, 5], "higher_is_better": False, "method": "percent_agree"}),
            ],
            "mean": [
                ("mean", 1, 5, {"scale": [1, 5]}),
                ("csat", 1, 5, {"method": "mean"}),
                ("csat", 1, 5, {"method": "percent_of_max"}),
                ("ces", 1, 7, {"scale": [1, 7], "higher_is_better": True}),
            ],
        }
        kind = kind or ("net", "proportion", "mean")[int(rng.integers(0, 3))]
        fn, lo, hi, opts = options[kind][int(rng.integers(0, len(options[kind])))]
        scores, weights = rand_scores(lo, hi, size, weighted, nulls)
        return survey(fn, scores, weights, **opts)

    for _ in range(30):
        m = PROP_METHODS[int(rng.integers(0, len(PROP_METHODS)))]
        case(
            rid("interval/proportion"),
            "interval",
            input=rand_prop_counts(),
            options={"level": level(), "method": m},
            note=note,
            source="random",
        )
    for _ in range(16):
        m = NET_METHODS[int(rng.integers(0, 2))]
        case(
            rid("interval/nps"),
            "interval",
            input=rand_nps_counts(),
            options={"level": level(), "method": m},
            note=note,
            source="random",
        )
    for _ in range(24):
        inp = rand_survey()
        ms = METHODS[estimate(inp).kind]
        m = ms[int(rng.integers(0, len(ms)))]
        case(
            rid("interval/survey"),
            "interval",
            input=inp,
            options={"level": level(), "method": m},
            note=note,
            source="random",
        )
    for _ in range(8):
        case(
            rid("margin_of_error"),
            "margin_of_error",
            input=rand_survey(),
            options={"level": level()},
            note=note,
            source="random",
        )
    for _ in range(8):
        case(
            rid("compare/nps"),
            "compare",
            a=rand_nps_counts(),
            b=rand_nps_counts(),
            options={"level": level(), "method": NET_METHODS[int(rng.integers(0, 2))]},
            note=note,
            source="random",
        )
    for _ in range(8):
        case(
            rid("compare/proportion"),
            "compare",
            a=rand_prop_counts(),
            b=rand_prop_counts(),
            options={"level": level()},
            note=note,
            source="random",
        )
    for kind in ("net", "proportion", "mean", "mean", "mean"):
        case(
            rid(f"compare/survey-{kind}"),
            "compare",
            a=rand_survey(kind),
            b=rand_survey(kind),
            options={"level": level()},
            note=note,
            source="random",
        )
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
        case(rid("paired_nps"), "paired_nps", before=b, after=a, options={"level": level()}, note=note, source="random")
    for _ in range(6):
        k = int(rng.integers(2, 15))
        ps = [round(float(v), 6) for v in rng.beta(0.4, 1.5, size=k)]
        for m in ("holm", "bh"):
            case(
                rid(f"adjust_p_values/{m}"),
                "adjust_p_values",
                args={"p_values": ps, "method": m},
                note=note,
                source="random",
            )


PROP_COMPARE_SEED = SEED + 1  # its own stream: the cases above stay as they were
MEAN_OF_SEED = SEED + 2  # mean_of's random cases: a stream of their own too


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
            evaluate({"function": "compare", "a": a, "b": b, "options": {"level": level, "method": m}})
            error = None
        except OracleError as e:
            error = e.code
        case(
            f"compare/proportion-{m.replace('_', '-')}/random-{i // len(methods) + 1:02d}",
            "compare",
            a=a,
            b=b,
            options={"level": level, "method": m},
            error=error,
            note=note,
            source="random",
        )


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------


def provenance() -> dict:
    return {
        "generator": generator(__file__),
        **versions(np, scipy, statsmodels),
        "seed": SEED,
        "method": (
            "scipy / statsmodels implementations where they exist (proportion_confint, "
            "confint_proportions_2indep newcomb / wald / agresti-caffo, proportions_ztest, "
            "test_proportions_2indep, multipletests, "
            "ttest_ind_from_stats, ttest_rel, t.interval, samplesize_*; numpy average / std "
            "for mean_of, whose random cases use default_rng(seed + 2)); NPS (adjusted) "
            "Wald and NPS/mean sample sizes from the spec formulas with scipy quantiles; "
            "the Miettinen-Nurminen score interval from the corrected restricted MLE "
            "(statsmodels issue #10269) with scipy brentq; not cxmetrics"
        ),
        "spec": (
            "docs/metrics/statistics.md (intervals, comparisons, sample sizes, p-value "
            "adjustment, weighted estimates, worked examples); docs/sources.md (statistics)"
        ),
        "tolerance_rule": (
            "float fields: |actual - expected| <= tolerance * max(1, |expected|); "
            "integer fields, strings and null exact"
        ),
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
        return (
            f"survey:{inp['function']}"
            + (f"/{o['method']}" if "method" in o else "")
            + ("+w" if inp["weights"] else "")
        )
    return inp["kind"]


def summary(text: str):
    print_written(OUT, text, CASES, _SOURCE)
    print(
        f"python {platform.python_version()}, numpy {np.__version__}, scipy {scipy.__version__}, "
        f"statsmodels {statsmodels.__version__}, seed {SEED}"
    )
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


def continuous(values, weights=None):
    return {"kind": "continuous", "values": values, "weights": weights}


# R datasets::sleep, extra hours of sleep per drug group
SLEEP_1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]
SLEEP_2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]


def mean_of_cases():
    """mean_of (continuous means): hand cases with R's t.test reference values, every
    error, then random cases on their own stream (default_rng(SEED + 2)), after every
    other case so that none of them moves."""
    r_note = "R t.test (sleep data); scipy ttest_ind(equal_var=False) / ttest_1samp agree"
    case(
        "mean_of/sleep-group-1",
        "mean_of",
        input=continuous(SLEEP_1),
        check={"score": 0.75, "std_dev": 1.7890096577591623, "n": 10, "missing": 0},
    )
    case(
        "interval/continuous-sleep-1-r-t-test",
        "interval",
        input=continuous(SLEEP_1),
        options={"level": 0.95},
        check={"lower": -0.5297804135262321, "upper": 2.029780413526232},
        check_tol=1e-9,
        note="R: t.test(sleep$extra[1:10]) 95 % CI -0.5297804 2.0297804",
    )
    case(
        "compare/continuous-sleep-welch-r-t-test",
        "compare",
        a=continuous(SLEEP_1),
        b=continuous(SLEEP_2),
        options={"level": 0.95},
        check={
            "statistic": -1.8608134674868526,
            "df": 17.776473516178488,
            "p_value": 0.0793941401873583,
            "lower": -3.3654832307117104,
            "upper": 0.20548323071171137,
            "method": "welch",
        },
        check_tol=1e-9,
        note=r_note + "; R: t = -1.8608, df = 17.776, p-value = 0.07939, 95 % CI -3.3654832 0.2054832",
    )
    case("margin_of_error/continuous-sleep-2", "margin_of_error", input=continuous(SLEEP_2), options={"level": 0.9})
    case(
        "mean_of/weighted-kish",
        "mean_of",
        input=continuous([1.0, 2.0, 4.0, None], [1.0, 1.0, 2.0, None]),
        check={
            "score": 2.75,
            "std_dev": math.sqrt(2.7),
            "n_eff": 16 / 6,
            "sum_weights": 4.0,
            "missing": 1,
            "weighted": True,
        },
    )
    case(
        "mean_of/missing-null-and-nan",
        "mean_of",
        input=continuous([-12.0, None, 4.0, "nan", 2.0]),
        check={"score": -2.0, "n": 3, "missing": 2},
    )
    case(
        "mean_of/zero-weight-row-stays-in-n",
        "mean_of",
        input=continuous([1.0, 100.0, 3.0], [1.0, 0.0, 1.0]),
        check={"score": 2.0, "n": 3},
    )
    case(
        "mean_of/missing-value-weight-ignored",
        "mean_of",
        input=continuous([None, 2.0, 5.0], [-1.0, 1.0, 1.0]),
        check={"score": 3.5, "n": 2},
    )
    case("mean_of/one-value", "mean_of", input=continuous([42.0]), check={"score": 42.0, "std_dev": None})
    case("interval/continuous-one-value", "interval", input=continuous([42.0]), error="insufficient_data")
    case(
        "interval/continuous-constant",
        "interval",
        input=continuous([3.5, 3.5, 3.5]),
        check={"lower": 3.5, "upper": 3.5},
    )
    case(
        "interval/continuous-wrong-method",
        "interval",
        input=continuous(SLEEP_1),
        options={"method": "wilson"},
        error="invalid_argument",
    )
    case(
        "compare/continuous-vs-proportion",
        "compare",
        a=continuous(SLEEP_1),
        b=prop_counts(3, 10),
        error="invalid_argument",
    )
    case(
        "compare/continuous-both-constant",
        "compare",
        a=continuous([2.0, 2.0]),
        b=continuous([1.0, 1.0]),
        error="insufficient_data",
    )
    case("mean_of/error-empty", "mean_of", input=continuous([]), error="empty")
    case("mean_of/error-all-missing", "mean_of", input=continuous([None, "nan"]), error="empty")
    case("mean_of/error-inf", "mean_of", input=continuous([1.0, 2.0, "inf", "-inf"]), error="not_finite", index=2)
    case("mean_of/error-minus-inf", "mean_of", input=continuous([1.0, "-inf"]), error="not_finite", index=1)
    case("mean_of/error-value-before-weight", "mean_of", input=continuous(["inf"], [-1.0]), error="not_finite", index=0)
    case(
        "mean_of/error-negative-weight",
        "mean_of",
        input=continuous([1.0, 2.0, 3.0], [1.0, -0.5, "nan"]),
        error="invalid_weight",
        index=1,
    )
    case(
        "mean_of/error-nan-weight",
        "mean_of",
        input=continuous([1.0, 2.0], [1.0, "nan"]),
        error="invalid_weight",
        index=1,
    )
    case(
        "mean_of/error-inf-weight",
        "mean_of",
        input=continuous([1.0, 2.0], [1.0, "inf"]),
        error="invalid_weight",
        index=1,
    )
    case("mean_of/error-zero-total-weight", "mean_of", input=continuous([1.0, 2.0], [0.0, 0.0]), error="invalid_weight")
    case("mean_of/error-length-mismatch", "mean_of", input=continuous([1.0, 2.0], [1.0]), error="length_mismatch")

    rng = np.random.default_rng(MEAN_OF_SEED)
    counter = Counter()
    note = f"seeded random (default_rng({MEAN_OF_SEED}))"

    def rid(prefix):
        counter[prefix] += 1
        return f"{prefix}/random-{counter[prefix]:02d}"

    def level():
        return float(LEVELS[int(rng.integers(0, len(LEVELS)))])

    def rand_continuous():
        size = int(rng.choice([2, 5, 20, 100, 500]))
        if rng.random() < 0.5:  # spend per customer: skewed, positive
            values = [round(float(v), 2) for v in rng.lognormal(3.5, 1.0, size=size)]
        else:  # time-on-task minus a target: may be negative
            values = [round(float(v), 3) for v in rng.normal(0.0, 40.0, size=size)]
        weights = [round(float(v), 6) for v in rng.uniform(0.2, 3.0, size=size)] if rng.random() < 0.5 else None
        if size > 2 and rng.random() < 0.3:
            for i in rng.choice(size, size=max(1, size // 10), replace=False):
                values[int(i)] = None
        return continuous(values, weights)

    for _ in range(10):
        case(rid("mean_of"), "mean_of", input=rand_continuous(), note=note, source="random")
    for _ in range(10):
        case(
            rid("interval/continuous"),
            "interval",
            input=rand_continuous(),
            options={"level": level()},
            note=note,
            source="random",
        )
    for _ in range(4):
        case(
            rid("margin_of_error/continuous"),
            "margin_of_error",
            input=rand_continuous(),
            options={"level": level()},
            note=note,
            source="random",
        )
    for _ in range(10):
        case(
            rid("compare/continuous"),
            "compare",
            a=rand_continuous(),
            b=rand_continuous(),
            options={"level": level()},
            note=note,
            source="random",
        )


def main():
    hand_cases(case)
    random_cases()
    random_prop_compare_cases()
    mean_of_cases()
    text = write_vectors(OUT, provenance(), CASES)
    summary(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
