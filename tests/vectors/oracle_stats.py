#!/usr/bin/env python3
"""Independent oracle for the cxmetrics statistics conformance vectors.

Writes tests/vectors/stats.json (format: tests/vectors/README.md, "stats.json").

This script deliberately does NOT import cxmetrics. Wherever a method has a
library implementation, the expected value comes from scipy / statsmodels:

  proportion intervals    statsmodels.stats.proportion.proportion_confint
                          (wilson, normal = wald, agresti_coull,
                           beta = clopper_pearson, jeffreys)
  Newcombe interval       statsmodels confint_proportions_2indep(method="newcomb")
  pooled z                statsmodels proportions_ztest (cross-checked with
                          test_proportions_2indep(method="score", correction=False))
  Welch                   scipy.stats.ttest_ind_from_stats(equal_var=False)
                          (cross-checked with scipy.stats.ttest_ind on raw data)
  paired NPS              scipy.stats.ttest_rel(after_codes, before_codes)
  t interval of a mean    scipy.stats.t.interval (cross-checked with ttest_1samp)
  p-value adjustment      statsmodels multipletests ("holm", "fdr_bh")
  proportion sample size  statsmodels samplesize_confint_proportion,
                          samplesize_proportions_2indep_onetail
  NPS difference planning statsmodels.stats.power.normal_sample_size_one_tail
  quantiles               scipy.stats.norm / scipy.stats.t

NPS (adjusted) Wald intervals/tests and the NPS / mean precision sample sizes
have no library implementation; they are computed from the formulas in
spec/STATS.md with scipy quantiles. Survey inputs (raw scores, optionally
weighted) are reduced to estimates (shares, mean, sd, n_eff) here with numpy;
the point estimate is cross-checked against oracle_survey.oracle.

Regenerate (from the repository root):

    .venv/bin/pip install -q numpy scipy statsmodels   # once
    .venv/bin/python tests/vectors/oracle_stats.py

Output is byte-stable for given Python / numpy / scipy / statsmodels versions:
no timestamps, a fixed seed (numpy.random.default_rng(SEED)), fixed case order.
"""

from __future__ import annotations

import json
import math
import platform
import sys
import warnings
from collections import Counter
from pathlib import Path

import numpy as np
import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.power import normal_sample_size_one_tail
from statsmodels.stats.proportion import (
    confint_proportions_2indep,
    proportion_confint,
    proportions_ztest,
    samplesize_confint_proportion,
    samplesize_proportions_2indep_onetail,
    test_proportions_2indep,
)

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import oracle_survey  # noqa: E402  (numpy survey oracle; used for scores and defaults)

SEED = 20261127
TOL = 1e-9
OUT = HERE / "stats.json"

NET_METHODS = ("adjusted_wald", "wald")
PROP_METHODS = ("wilson", "wald", "agresti_coull", "clopper_pearson", "jeffreys")
MEAN_METHODS = ("t",)
DEFAULT_METHOD = {"net": "adjusted_wald", "proportion": "wilson", "mean": "t"}
METHODS = {"net": NET_METHODS, "proportion": PROP_METHODS, "mean": MEAN_METHODS}
SM_METHOD = {"wilson": "wilson", "wald": "normal", "agresti_coull": "agresti_coull",
             "clopper_pearson": "beta", "jeffreys": "jeffreys"}
COMPARE_METHODS = {"net": ("adjusted_wald", "wald"), "proportion": ("pooled_z",),
                   "mean": ("welch",)}
DEFAULT_COMPARE = {"net": "adjusted_wald", "proportion": "pooled_z", "mean": "welch"}
LEVELS = (0.8, 0.9, 0.95, 0.99)
FUNCTIONS = ("interval", "margin_of_error", "compare", "paired_nps", "sample_size_nps",
             "sample_size_proportion", "sample_size_mean", "sample_size_nps_difference",
             "sample_size_proportion_difference", "adjust_p_values")
ERROR_CODES = ("invalid_argument", "insufficient_data", "length_mismatch")

warnings.simplefilter("error")  # a library warning means a case is degenerate: stop


# --------------------------------------------------------------------------
# Errors and JSON cells
# --------------------------------------------------------------------------


class OracleError(Exception):
    def __init__(self, code: str, index: int | None = None):
        super().__init__(code if index is None else f"{code}@{index}")
        self.code = code
        self.index = index

    def as_json(self) -> dict:
        d = {"code": self.code}
        if self.index is not None:
            d["index"] = self.index
        return d


class VectorBug(Exception):
    """The case itself is malformed or ambiguous (a bug in this script)."""


def _num(v) -> float:
    """JSON cell -> float. Strings "inf", "-inf", "nan" encode non-finite numbers."""
    if isinstance(v, str):
        return {"inf": math.inf, "-inf": -math.inf, "nan": math.nan}[v]
    if isinstance(v, bool) or v is None:
        raise VectorBug(f"not a number: {v!r}")
    return float(v)


def _f(v) -> float:
    return float(v)


# --------------------------------------------------------------------------
# Estimates
# --------------------------------------------------------------------------


class Est:
    """What a result carries for inference. Shares are fractions; n may be n_eff."""

    def __init__(self, kind, n, *, p=None, d=None, x=None, m=None, s=None, lo=None, hi=None,
                 factor=1.0, raw=None):
        self.kind = kind      # "net" | "proportion" | "mean"
        self.n = float(n)     # n or Kish n_eff
        self.p = p            # net: share plus; proportion: share
        self.d = d            # net: share minus
        self.x = x            # proportion: successes (p*n; integer for counts input)
        self.m = m            # mean (scale units)
        self.s = s            # sd (None when n_eff <= 1)
        self.lo, self.hi = lo, hi
        self.factor = factor  # mean unit factor: 1, or 100/max for percent_of_max
        self.raw = raw        # unweighted raw values (for scipy cross-checks) or None


def _bool_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def estimate(inp: dict) -> Est:
    kind = inp["kind"]
    if kind == "nps_counts":
        P, A, D = inp["promoters"], inp["passives"], inp["detractors"]
        if not all(_bool_int(v) and v >= 0 for v in (P, A, D)) or P + A + D == 0:
            raise VectorBug("nps_counts must be non-negative integers, n >= 1")
        n = P + A + D
        return Est("net", n, p=P / n, d=D / n)
    if kind == "proportion_counts":
        x, n = inp["successes"], inp["n"]
        if not (_bool_int(x) and _bool_int(n) and x >= 0 and n >= 1):
            raise VectorBug("proportion_counts must be integers, successes >= 0, n >= 1")
        if x > n:
            raise OracleError("invalid_argument")
        return Est("proportion", n, p=x / n, x=x)
    if kind == "survey":
        return survey_estimate(inp)
    raise VectorBug(f"unknown input kind {kind}")


def survey_estimate(inp: dict) -> Est:
    fn, scores, weights = inp["function"], inp["scores"], inp["weights"]
    opts = dict(inp["options"])
    if set(inp) != {"kind", "function", "scores", "weights", "options"}:
        raise VectorBug("survey input keys")
    if "on_invalid" in opts:
        raise VectorBug("stats inputs use valid rows only (nulls allowed)")
    if fn not in ("nps", "csat", "ces", "mean", "top_box", "bottom_box"):
        raise VectorBug(f"no estimate for {fn}")
    ref = oracle_survey.oracle(fn, scores, weights, opts)  # validates; raises on bad input
    if ref["invalid"]:
        raise VectorBug("invalid rows")

    lo, hi = opts.get("scale", oracle_survey.DEFAULT_SCALE.get(fn, (None, None)))
    keep = [i for i, v in enumerate(scores) if v is not None]
    x = np.array([_num(scores[i]) for i in keep], dtype=np.float64)
    w = (np.ones(len(keep)) if weights is None
         else np.array([_num(weights[i]) for i in keep], dtype=np.float64))
    sw = float(w.sum())
    n_eff = sw * sw / float((w * w).sum())

    def share(mask) -> float:
        return float(w[mask].sum()) / sw

    def mean_sd():
        m = float((w * x).sum()) / sw
        if n_eff <= 1.0:
            return m, None
        var = float((w * (x - m) ** 2).sum()) / sw * (n_eff / (n_eff - 1.0))
        return m, math.sqrt(var)

    raw = x if weights is None else None
    method = opts.get("method")
    top = opts.get("threshold", oracle_survey._default_top(lo, hi))
    bot = opts.get("bottom_threshold", oracle_survey._default_bottom(lo, hi))
    if fn == "nps":
        b = opts.get("buckets") or {"detractor_max": 6, "promoter_min": 9}
        est = Est("net", n_eff, p=share(x >= b["promoter_min"]), d=share(x <= b["detractor_max"]))
        score = 100 * (est.p - est.d)
    elif fn == "csat" and (method or "top_box") == "top_box" or fn == "top_box":
        p = share(x >= top)
        est = Est("proportion", n_eff, p=p, x=p * n_eff)
        score = 100 * p
    elif fn == "bottom_box":
        thr = opts.get("threshold", bot)
        p = share(x <= thr)
        est = Est("proportion", n_eff, p=p, x=p * n_eff)
        score = 100 * p
    elif fn == "csat" and method == "net":
        est = Est("net", n_eff, p=share(x >= top), d=share(x <= bot))
        score = 100 * (est.p - est.d)
    elif fn == "ces" and method in ("percent_agree", "net_effort"):
        hib = opts["higher_is_better"]
        thr = opts.get("threshold", oracle_survey._ces_default_threshold(lo, hi, hib))
        mirror = lo + hi - thr
        easy = share(x >= thr) if hib else share(x <= thr)
        hard = share(x <= mirror) if hib else share(x >= mirror)
        if method == "percent_agree":
            est = Est("proportion", n_eff, p=easy, x=easy * n_eff)
            score = 100 * easy
        else:
            est = Est("net", n_eff, p=easy, d=hard)
            score = 100 * (easy - hard)
    else:  # mean-type: mean, csat mean / percent_of_max, ces mean
        if not (fn == "mean" or (fn == "csat" and method in ("mean", "percent_of_max"))
                or (fn == "ces" and (method or "mean") == "mean")):
            raise VectorBug(f"unhandled {fn}/{method}")
        m, s = mean_sd()
        factor = 100.0 / hi if (fn == "csat" and method == "percent_of_max") else 1.0
        est = Est("mean", n_eff, m=m, s=s, lo=lo, hi=hi, factor=factor, raw=raw)
        score = factor * m
        if fn == "mean" and not _same(s, ref["std_dev"], 1e-12):
            raise VectorBug("sd disagrees with oracle_survey")
        if raw is not None and s is not None and abs(s - float(np.std(raw, ddof=1))) > 1e-12:
            raise VectorBug("sd disagrees with numpy ddof=1")
    if abs(score - ref["score"]) > 1e-10 or abs(n_eff - ref["n_eff"]) > 1e-10 * max(1, n_eff):
        raise VectorBug(f"estimate disagrees with oracle_survey: {score} vs {ref['score']}")
    return est


def _same(a, b, tol) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= tol * max(1.0, abs(b))


# --------------------------------------------------------------------------
# The oracle
# --------------------------------------------------------------------------


def check_level(level) -> float:
    lv = _num(level)
    if not (0.0 < lv < 1.0):  # NaN fails too
        raise OracleError("invalid_argument")
    return lv


def zcrit(level: float) -> float:
    return float(stats.norm.isf((1.0 - level) / 2.0))


def clamp(v: float, lo: float, hi: float) -> float:
    return float(min(max(v, lo), hi))


def net_adjusted(e: Est):
    n2 = e.n + 3.0
    p2 = (e.p * e.n + 0.75) / n2
    d2 = (e.d * e.n + 0.75) / n2
    c = p2 - d2
    return c, p2 + d2 - c * c, n2


def net_raw(e: Est):
    c = e.p - e.d
    return c, max(e.p + e.d - c * c, 0.0), e.n


def need_sd(e: Est):
    if e.s is None or e.n <= 1.0:
        raise OracleError("insufficient_data")


def interval(e: Est, level: float, method: str) -> dict:
    if method not in METHODS[e.kind]:
        raise OracleError("invalid_argument")
    if e.kind == "net":
        c, v, n = net_adjusted(e) if method == "adjusted_wald" else net_raw(e)
        half = zcrit(level) * math.sqrt(v / n)
        lower, upper = clamp(100 * (c - half), -100, 100), clamp(100 * (c + half), -100, 100)
    elif e.kind == "proportion":
        lo, hi = proportion_confint(e.x, e.n, alpha=1.0 - level, method=SM_METHOD[method])
        lower, upper = clamp(100 * _f(lo), 0, 100), clamp(100 * _f(hi), 0, 100)
    else:
        need_sd(e)
        se = e.s / math.sqrt(e.n)
        if se == 0.0:
            lo = hi = e.m
        else:
            lo, hi = stats.t.interval(level, e.n - 1.0, loc=e.m, scale=se)
        if e.raw is not None and se > 0:  # cross-check with the raw-data t-test
            ci = stats.ttest_1samp(e.raw, 0.0).confidence_interval(level)
            if abs(ci.low - lo) > 1e-10 or abs(ci.high - hi) > 1e-10:
                raise VectorBug("t interval disagrees with ttest_1samp")
        f = e.factor
        lower, upper = clamp(f * _f(lo), f * e.lo, f * e.hi), clamp(f * _f(hi), f * e.lo, f * e.hi)
    return {"lower": lower, "upper": upper, "level": level, "method": method}


def margin_of_error(e: Est, level: float) -> float:
    z = zcrit(level)
    if e.kind == "net":
        _, v, n = net_adjusted(e)
        return 100 * z * math.sqrt(v / n)
    if e.kind == "proportion":
        n, p = e.n, e.p
        half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
        lo, hi = proportion_confint(e.x, e.n, alpha=1.0 - level, method="wilson")
        if abs((_f(hi) - _f(lo)) / 2 - half) > 1e-12:
            raise VectorBug("Wilson half-width disagrees with statsmodels")
        return 100 * half
    need_sd(e)
    return e.factor * float(stats.t.ppf(1 - (1 - level) / 2, e.n - 1.0)) * e.s / math.sqrt(e.n)


def p_two_sided_z(z: float) -> float:
    return float(2.0 * stats.norm.sf(abs(z)))


def compare(a: Est, b: Est, level: float, method: str | None) -> dict:
    if a.kind != b.kind:
        raise OracleError("invalid_argument")
    kind = a.kind
    method = method or DEFAULT_COMPARE[kind]
    if method not in COMPARE_METHODS[kind]:
        raise OracleError("invalid_argument")
    zc = zcrit(level)
    df = None
    if kind == "net":
        diff_raw = (a.p - a.d) - (b.p - b.d)
        ca, va, na = net_adjusted(a) if method == "adjusted_wald" else net_raw(a)
        cb, vb, nb = net_adjusted(b) if method == "adjusted_wald" else net_raw(b)
        diff = ca - cb
        se = math.sqrt(va / na + vb / nb)
        if se == 0.0:
            raise VectorBug("zero SE in a net comparison (unspecified)")
        stat = diff / se
        pval = p_two_sided_z(stat)
        difference = 100 * diff_raw
        lower, upper = clamp(100 * (diff - zc * se), -200, 200), clamp(100 * (diff + zc * se), -200, 200)
    elif kind == "proportion":
        pbar = (a.x + b.x) / (a.n + b.n)
        if pbar in (0.0, 1.0):
            stat, pval = 0.0, 1.0  # spec: z = 0, p = 1 (statsmodels returns NaN here)
        else:
            stat, pval = (_f(v) for v in proportions_ztest([a.x, b.x], [a.n, b.n]))
            with warnings.catch_warnings():  # it also computes ratio / odds ratio (may be 0/0)
                warnings.simplefilter("ignore", RuntimeWarning)
                r = test_proportions_2indep(a.x, a.n, b.x, b.n, method="score", correction=False)
            if abs(r.statistic - stat) > 1e-9 * max(1, abs(stat)) or abs(r.pvalue - pval) > 1e-12:
                raise VectorBug("pooled z disagrees between statsmodels functions")
        lo, hi = confint_proportions_2indep(a.x, a.n, b.x, b.n, method="newcomb",
                                            compare="diff", alpha=1.0 - level)
        difference = 100 * (a.p - b.p)
        lower, upper = clamp(100 * _f(lo), -100, 100), clamp(100 * _f(hi), -100, 100)
    else:
        need_sd(a)
        need_sd(b)
        if a.s == 0.0 and b.s == 0.0:
            raise OracleError("insufficient_data")
        fa, fb = a.factor, b.factor
        ma, sa, mb, sb = fa * a.m, fa * a.s, fb * b.m, fb * b.s
        va, vb = sa * sa / a.n, sb * sb / b.n
        se = math.sqrt(va + vb)
        df = (va + vb) ** 2 / (va * va / (a.n - 1) + vb * vb / (b.n - 1))
        res = stats.ttest_ind_from_stats(ma, sa, a.n, mb, sb, b.n, equal_var=False)
        stat, pval = _f(res.statistic), _f(res.pvalue)
        difference = ma - mb
        tq = float(stats.t.ppf(1 - (1 - level) / 2, df))
        lower, upper = difference - tq * se, difference + tq * se
        if abs(stat - difference / se) > 1e-9 * max(1, abs(stat)):
            raise VectorBug("welch t disagrees")
        if abs(pval - 2 * float(stats.t.sf(abs(stat), df))) > 1e-12:
            raise VectorBug("welch p disagrees with the Welch df")
        if a.raw is not None and b.raw is not None and a.s > 0 and b.s > 0:
            r = stats.ttest_ind(fa * a.raw, fb * b.raw, equal_var=False)
            ci = r.confidence_interval(level)
            if (abs(r.statistic - stat) > 1e-9 or abs(r.pvalue - pval) > 1e-12
                    or abs(r.df - df) > 1e-9 * df or abs(ci.low - lower) > 1e-9
                    or abs(ci.high - upper) > 1e-9):
                raise VectorBug("welch disagrees with ttest_ind on raw data")
        # the spec does not say whether the Welch interval is clamped: keep vectors away
        span = max(fa * (a.hi - a.lo), fb * (b.hi - b.lo))
        if lower < -span or upper > span:
            raise VectorBug("Welch interval beyond the scale span (clamping unspecified)")
    return {"difference": difference, "lower": lower, "upper": upper, "statistic": stat,
            "p_value": pval, "method": method, "level": level, "df": df}


def nps_code(v) -> int:
    if not (_bool_int(v) and 0 <= v <= 10):
        raise VectorBug("paired scores must be integers 0..10 or null")
    return 1 if v >= 9 else (-1 if v <= 6 else 0)


def paired_nps(before: list, after: list, level) -> dict:
    if len(before) != len(after):
        raise OracleError("length_mismatch")
    level = check_level(level)
    pairs = [(nps_code(b), nps_code(a)) for b, a in zip(before, after)
             if b is not None and a is not None]
    missing = len(before) - len(pairs)
    n = len(pairs)
    if n < 2:
        raise OracleError("insufficient_data")
    cb = np.array([p[0] for p in pairs], dtype=np.float64)
    ca = np.array([p[1] for p in pairs], dtype=np.float64)
    dvals = ca - cb
    mean = float(dvals.mean())
    if float(np.std(dvals, ddof=1)) == 0.0:
        if mean != 0.0:
            raise VectorBug("s == 0 with mean != 0 is unspecified")
        # spec: all d = 0 -> statistic 0, p 1, interval [0, 0] (scipy gives NaN)
        stat, pval, lower, upper = 0.0, 1.0, 0.0, 0.0
    else:
        r = stats.ttest_rel(ca, cb)
        ci = r.confidence_interval(level)
        stat, pval = _f(r.statistic), _f(r.pvalue)
        lower, upper = clamp(100 * _f(ci.low), -200, 200), clamp(100 * _f(ci.high), -200, 200)
        if int(r.df) != n - 1:
            raise VectorBug("df")
    return {"difference": 100 * mean, "lower": lower, "upper": upper, "statistic": stat,
            "p_value": pval, "method": "paired_t", "level": level, "df": float(n - 1),
            "n": n, "missing": missing}


def _pos_finite(v) -> float:
    x = _num(v)
    if not (math.isfinite(x) and x > 0):
        raise OracleError("invalid_argument")
    return x


def _open01(v) -> float:
    x = _num(v)
    if not (0.0 < x < 1.0):
        raise OracleError("invalid_argument")
    return x


def _pct_open(v) -> float:
    x = _num(v)
    if not (0.0 < x < 100.0):
        raise OracleError("invalid_argument")
    return x


def _ceil(raw: float) -> int:
    if not math.isfinite(raw):
        raise VectorBug("non-finite sample size")
    if abs(raw - round(raw)) < 1e-6:
        raise VectorBug(f"sample size {raw!r} too close to an integer: ceil is fragile")
    return math.ceil(raw)


def planning(fn: str, args: dict) -> dict:
    allowed = {
        "sample_size_nps": {"margin", "level", "variance"},
        "sample_size_proportion": {"margin", "level", "p"},
        "sample_size_mean": {"margin", "sd", "level"},
        "sample_size_nps_difference": {"difference", "level", "power", "variance"},
        "sample_size_proportion_difference": {"p1", "p2", "level", "power"},
    }[fn]
    if set(args) - allowed:
        raise VectorBug(f"unknown args {set(args) - allowed}")
    level = check_level(args.get("level", 0.95))
    alpha = 1.0 - level
    z = zcrit(level)
    if fn == "sample_size_nps":
        m = _pos_finite(args["margin"]) / 100
        var = _num(args.get("variance", 1.0))
        if not (0.0 < var <= 1.0):
            raise OracleError("invalid_argument")
        raw = z * z * var / (m * m) - 3.0
        return {"n": max(1, _ceil(raw))}
    if fn == "sample_size_proportion":
        m = _pos_finite(args["margin"]) / 100
        p = _pct_open(args.get("p", 50.0)) / 100
        raw = float(samplesize_confint_proportion(p, m, alpha=alpha))
        if abs(raw - z * z * p * (1 - p) / (m * m)) > 1e-9 * raw:
            raise VectorBug("samplesize_confint_proportion disagrees with the formula")
        return {"n": _ceil(raw)}
    if fn == "sample_size_mean":
        m = _pos_finite(args["margin"])
        sd = _pos_finite(args["sd"])
        return {"n": _ceil((z * sd / m) ** 2)}
    power = _open01(args.get("power", 0.8))
    if fn == "sample_size_nps_difference":
        dd = _pos_finite(args["difference"]) / 100
        var = _num(args.get("variance", 1.0))
        if not (0.0 < var <= 1.0):
            raise OracleError("invalid_argument")
        base = float(normal_sample_size_one_tail(dd, power, alpha / 2,
                                                 std_null=math.sqrt(2 * var)))
        zp = float(stats.norm.ppf(power))
        if abs(base - 2 * var * (z + zp) ** 2 / dd ** 2) > 1e-9 * base:
            raise VectorBug("normal_sample_size_one_tail disagrees with the formula")
        raw = base - 3.0
        if raw < 1.0:
            raise VectorBug("nps_difference below 1 (floor unspecified)")
        return {"n": _ceil(raw)}
    # sample_size_proportion_difference
    p1 = _pct_open(args["p1"]) / 100
    p2 = _pct_open(args["p2"]) / 100
    if p1 == p2:
        raise OracleError("invalid_argument")
    raw = float(samplesize_proportions_2indep_onetail(p1 - p2, p2, power, alpha=alpha,
                                                      alternative="two-sided"))
    pb = (p1 + p2) / 2
    zp = float(stats.norm.ppf(power))
    ref = (z * math.sqrt(2 * pb * (1 - pb)) + zp * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 \
        / (p1 - p2) ** 2
    if abs(raw - ref) > 1e-9 * ref:
        raise VectorBug("samplesize_proportions_2indep_onetail disagrees with the formula")
    return {"n": _ceil(raw)}


def adjust(args: dict) -> dict:
    if set(args) != {"p_values", "method"}:
        raise VectorBug("adjust args")
    method = args["method"]
    ps = []
    for i, v in enumerate(args["p_values"]):
        x = _num(v)
        if not (0.0 <= x <= 1.0):
            raise OracleError("invalid_argument", i)
        ps.append(x)
    if method not in ("holm", "bh"):
        raise OracleError("invalid_argument")
    if not ps:
        return {"p_values": []}
    sm = {"holm": "holm", "bh": "fdr_bh"}[method]
    out = multipletests(np.array(ps, dtype=np.float64), method=sm)[1]
    return {"p_values": [float(v) for v in out]}


def evaluate(c: dict) -> dict:
    fn = c["function"]
    opts = c.get("options", {})
    if fn == "interval":
        if set(opts) - {"level", "method"}:
            raise VectorBug("interval options")
        level = check_level(opts.get("level", 0.95))
        e = estimate(c["input"])
        return interval(e, level, opts.get("method", DEFAULT_METHOD[e.kind]))
    if fn == "margin_of_error":
        if set(opts) - {"level"}:
            raise VectorBug("moe options")
        level = check_level(opts.get("level", 0.95))
        return {"margin": margin_of_error(estimate(c["input"]), level)}
    if fn == "compare":
        if set(opts) - {"level", "method"}:
            raise VectorBug("compare options")
        level = check_level(opts.get("level", 0.95))
        return compare(estimate(c["a"]), estimate(c["b"]), level, opts.get("method"))
    if fn == "paired_nps":
        if set(opts) - {"level"}:
            raise VectorBug("paired options")
        return paired_nps(c["before"], c["after"], opts.get("level", 0.95))
    if fn.startswith("sample_size_"):
        return planning(fn, c["args"])
    if fn == "adjust_p_values":
        return adjust(c["args"])
    raise VectorBug(f"unknown function {fn}")


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
    if error is not None:
        if err is None:
            raise VectorBug(f"{cid}: expected error {error}, oracle computed {result}")
        if err.code != error or err.index != index:
            raise VectorBug(f"{cid}: expected {error}@{index}, oracle gave {err}")
        c["expected_error"] = err.as_json()
    else:
        if err is not None:
            raise VectorBug(f"{cid}: unexpected oracle error {err}")
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


def nps_counts(P, A, D):
    return {"kind": "nps_counts", "promoters": P, "passives": A, "detractors": D}


def prop_counts(x, n):
    return {"kind": "proportion_counts", "successes": x, "n": n}


def survey(fn, scores, weights=None, **opts):
    return {"kind": "survey", "function": fn, "scores": scores, "weights": weights,
            "options": {k: v for k, v in opts.items() if v is not None}}


def lvl(level):
    return f"{int(round(level * 100))}"


# Fixed survey samples reused below (all valid; nulls allowed)
NPS_A = [10, 9, 9, 8, 7, 3, 10, 6, 9, 0, 8, 10, 9, 5, 7, 10, 9, 2, 10, 8]
NPS_W = [1.2, 0.8, 1.0, 2.0, 0.5, 1.5, 1.0, 0.7, 1.3, 2.2, 1.0, 0.6, 0.9, 1.1, 1.4, 0.8, 1.0, 1.6, 0.5, 1.2]
CSAT_A = [5, 4, 4, 3, 5, 2, 4, 5, 1, 4, 5, 3, 4, 4, 5, 2, 5, 4, 3, 5, 4, 5]
CSAT_W = [1.0, 0.5, 2.0, 1.5, 0.8, 1.2, 1.0, 0.9, 2.5, 1.1, 0.7, 1.3, 1.0, 0.6, 1.4, 2.0, 0.8, 1.0, 1.7, 0.9, 1.2, 0.5]
CES7_A = [7, 6, 5, 6, 2, 7, 4, 5, 6, 3, 7, 6, 1, 5, 6, 7]
CES7_W = [0.9, 1.1, 1.0, 2.0, 0.4, 1.3, 1.0, 0.8, 1.6, 1.2, 0.7, 1.0, 2.1, 0.9, 1.0, 1.5]


def hand_cases():
    # ============================================================ reference §3.10
    ref = nps_counts(50, 30, 20)
    case("interval/nps/ref-50-30-20-adjusted-wald", "interval", input=ref,
         options={"level": 0.95, "method": "adjusted_wald"},
         check={"lower": 14.0511, "upper": 44.2013}, check_tol=1e-4,
         note="reference §3.10: adjusted-Wald 95% = [0.140511, 0.442013]")
    case("interval/nps/ref-50-30-20-default", "interval", input=ref,
         check={"lower": 14.0511, "upper": 44.2013, "method": "adjusted_wald", "level": 0.95},
         check_tol=1e-4, note="default level 0.95 and default method adjusted_wald")
    case("interval/nps/ref-50-30-20-wald", "interval", input=ref,
         options={"level": 0.95, "method": "wald"},
         check={"lower": 14.6922, "upper": 45.3078}, check_tol=1e-4,
         note="reference §3.10: Wald 95% = [0.146922, 0.453078]")
    rp = prop_counts(70, 100)
    case("interval/proportion/ref-70-100-wilson", "interval", input=rp,
         options={"method": "wilson"}, check={"lower": 60.4151, "upper": 78.1051}, check_tol=1e-4,
         note="reference §3.10: Wilson = [0.604151, 0.781051]")
    case("interval/proportion/ref-70-100-default", "interval", input=rp,
         check={"lower": 60.4151, "upper": 78.1051, "method": "wilson"}, check_tol=1e-4,
         note="default method wilson")
    case("interval/proportion/ref-70-100-wald", "interval", input=rp,
         options={"method": "wald"}, check={"lower": 61.0183, "upper": 78.9817}, check_tol=1e-4,
         note="reference §3.10: Wald = [0.610183, 0.789817]")
    case("interval/proportion/ref-70-100-agresti-coull", "interval", input=rp,
         options={"method": "agresti_coull"}, check={"lower": 60.3854, "upper": 78.1349},
         check_tol=1e-4, note="reference §3.10: Agresti-Coull = [0.603854, 0.781349]")
    case("compare/nps/ref-wald", "compare", a=ref, b=nps_counts(40, 30, 30),
         options={"method": "wald"},
         check={"statistic": 1.754116, "p_value": 0.079411, "difference": 20.0}, check_tol=1e-6,
         note="reference §3.10: Wald z = 1.754116, p = 0.079411")
    case("compare/nps/ref-adjusted-wald", "compare", a=ref, b=nps_counts(40, 30, 30),
         options={"method": "adjusted_wald"},
         check={"statistic": 1.732324, "p_value": 0.083216, "difference": 20.0}, check_tol=1e-6,
         note="reference §3.10: adjusted-Wald z = 1.732324, p = 0.083216; difference is the raw "
              "NPS difference, the interval is centred on the adjusted difference")
    case("compare/nps/ref-default", "compare", a=ref, b=nps_counts(40, 30, 30),
         check={"statistic": 1.732324, "p_value": 0.083216, "method": "adjusted_wald"},
         check_tol=1e-6, note="default method adjusted_wald")
    case("compare/nps/ref-reversed", "compare", a=nps_counts(40, 30, 30), b=ref,
         options={"method": "wald"}, check={"statistic": -1.754116, "difference": -20.0},
         check_tol=1e-6, note="signed a - b")
    case("sample_size_nps/ref-5", "sample_size_nps", args={"margin": 5}, check={"n": 1534},
         note="reference §3.5: z²/0.05² - 3 = 1533.6 -> 1534")
    case("sample_size_nps/ref-5-var-0.61", "sample_size_nps", args={"margin": 5, "variance": 0.61},
         check={"n": 935}, note="reference §3.5")
    case("sample_size_nps/ref-10-var-0.61", "sample_size_nps",
         args={"margin": 10, "variance": 0.61}, check={"n": 232}, note="reference §3.5")
    case("margin_of_error/nps/ref-50-30-20", "margin_of_error", input=ref,
         check={"margin": 100 * 1.959964 * 0.076915}, check_tol=1e-3,
         note="adjusted-Wald half-width before clamping: 100·z·SE' (SE' = 0.076915)")

    # ============================================================ NPS intervals (counts)
    for level in LEVELS:
        for m in NET_METHODS:
            if level == 0.95:
                continue  # the reference cases above
            case(f"interval/nps/50-30-20-{m.replace('_', '-')}-{lvl(level)}", "interval", input=ref,
                 options={"level": level, "method": m})
    edges = [
        ("n1-promoter", (1, 0, 0), "n = 1, a single promoter"),
        ("n1-detractor", (0, 0, 1), "n = 1, a single detractor"),
        ("n1-passive", (0, 1, 0), "n = 1, a single passive"),
        ("all-promoters", (25, 0, 0), "all one category: Wald has zero width at +100"),
        ("all-detractors", (0, 0, 12), "all one category at -100"),
        ("all-passives", (0, 40, 0), "all passives: Wald [0, 0]"),
        ("clamp-9-0-1", (9, 0, 1), "Wald upper > 100 -> clamped to 100"),
        ("clamp-1-0-9", (1, 0, 9), "Wald lower < -100 -> clamped to -100"),
        ("clamp-2-0-0", (2, 0, 0), "adjusted Wald upper > 100 -> clamped"),
        ("no-passives-30-0-30", (30, 0, 30), "p = d = 0.5, maximal variance"),
        ("large-5200-2800-2000", (5200, 2800, 2000), "large n"),
    ]
    for tag, (P, A, D), note in edges:
        for m in NET_METHODS:
            case(f"interval/nps/{tag}-{m.replace('_', '-')}", "interval", input=nps_counts(P, A, D),
                 options={"method": m}, note=note)

    # ============================================================ proportion intervals (counts)
    for level in LEVELS:
        for m in PROP_METHODS:
            if level == 0.95 and m in ("wilson", "wald", "agresti_coull"):
                continue
            case(f"interval/proportion/70-100-{m.replace('_', '-')}-{lvl(level)}", "interval",
                 input=rp, options={"level": level, "method": m})
    pedges = [
        ("x0-n20", (0, 20), "x = 0"),
        ("x20-n20", (20, 20), "x = n"),
        ("x0-n1", (0, 1), "n = 1, x = 0"),
        ("x1-n1", (1, 1), "n = 1, x = 1"),
        ("x1-n10", (1, 10), "small x: Wald lower < 0 -> clamped to 0"),
        ("x9-n10", (9, 10), "Wald upper > 100 -> clamped to 100"),
        ("x3-n7", (3, 7), "small n"),
        ("x4321-n10000", (4321, 10000), "large n"),
    ]
    for tag, (x, n), note in pedges:
        for m in PROP_METHODS:
            extra = ""
            if m == "jeffreys" and x in (0, n):
                extra = ("; statsmodels does NOT pin Jeffreys to 0 at x = 0 / 1 at x = n: "
                         "the bound is the Beta(x+1/2, n-x+1/2) quantile")
            case(f"interval/proportion/{tag}-{m.replace('_', '-')}", "interval",
                 input=prop_counts(x, n), options={"method": m}, note=note + extra)

    # ============================================================ survey inputs
    surveys = {
        "nps": survey("nps", NPS_A),
        "nps-weighted": survey("nps", NPS_A, NPS_W),
        "nps-nulls": survey("nps", [10, None, 9, 3, None, 8, 7, 10, 0, 9]),
        "csat-net": survey("csat", CSAT_A, method="net"),
        "csat-net-weighted": survey("csat", CSAT_A, CSAT_W, method="net"),
        "ces-net-effort": survey("ces", CES7_A, scale=[1, 7], higher_is_better=True,
                                 method="net_effort"),
        "ces-net-effort-weighted": survey("ces", CES7_A, CES7_W, scale=[1, 7],
                                          higher_is_better=True, method="net_effort"),
        "top-box": survey("top_box", CSAT_A, scale=[1, 5]),
        "top-box-weighted": survey("top_box", CSAT_A, CSAT_W, scale=[1, 5]),
        "bottom-box-weighted": survey("bottom_box", CSAT_A, CSAT_W, scale=[1, 5]),
        "csat-top-box": survey("csat", CSAT_A),
        "csat-top-box-weighted": survey("csat", CSAT_A, CSAT_W),
        "ces-percent-agree": survey("ces", CES7_A, scale=[1, 7], higher_is_better=True,
                                    method="percent_agree"),
        "ces-percent-agree-weighted": survey("ces", CES7_A, CES7_W, scale=[1, 7],
                                             higher_is_better=True, method="percent_agree"),
        "mean": survey("mean", CSAT_A, scale=[1, 5]),
        "mean-weighted": survey("mean", CSAT_A, CSAT_W, scale=[1, 5]),
        "csat-mean": survey("csat", CSAT_A, method="mean"),
        "csat-mean-weighted": survey("csat", CSAT_A, CSAT_W, method="mean"),
        "csat-percent-of-max": survey("csat", CSAT_A, method="percent_of_max"),
        "csat-percent-of-max-weighted": survey("csat", CSAT_A, CSAT_W, method="percent_of_max"),
        "ces-mean": survey("ces", CES7_A, scale=[1, 7], higher_is_better=True),
        "ces-mean-weighted": survey("ces", CES7_A, CES7_W, scale=[1, 7], higher_is_better=True),
        "ces-mean-lib-1-5": survey("ces", [1, 2, 2, 3, 1, 5, 2, 1, 4, 2], scale=[1, 5],
                                   higher_is_better=False),
    }
    kinds = {}
    for tag, inp in surveys.items():
        e = estimate(inp)
        kinds[tag] = e.kind
        wnote = "weighted: n := Kish n_eff, shares/mean/sd weighted" if inp["weights"] else None
        for m in METHODS[e.kind]:
            case(f"interval/survey/{tag}-{m.replace('_', '-')}", "interval", input=inp,
                 options={"method": m}, note=wnote)
        for level in (0.8, 0.9, 0.99):
            case(f"interval/survey/{tag}-default-{lvl(level)}", "interval", input=inp,
                 options={"level": level}, note=wnote)
    # special survey edges
    case("interval/survey/mean-zero-variance", "interval",
         input=survey("mean", [4, 4, 4, 4], scale=[1, 5]),
         check={"lower": 4.0, "upper": 4.0}, note="sd = 0: zero-width interval at the mean")
    case("interval/survey/csat-mean-zero-variance-weighted", "interval",
         input=survey("csat", [3, 3, 3], [1, 2, 3], method="mean"),
         check={"lower": 3.0, "upper": 3.0})
    case("interval/survey/mean-clamp-upper", "interval",
         input=survey("mean", [5, 5, 5, 1], scale=[1, 5]),
         check={"upper": 5.0, "lower": 1.0},
         note="4 ± t3·1 -> [0.82, 7.18] clamped to the scale [1, 5]")
    case("interval/survey/mean-n2", "interval", input=survey("mean", [1, 2], scale=[1, 5]),
         note="n = 2, df = 1; clamped to the scale")
    case("interval/survey/csat-percent-of-max-clamp", "interval",
         input=survey("csat", [5, 5, 4], method="percent_of_max"),
         check={"upper": 100.0}, note="percent_of_max bounds are [100·min/max, 100] = [20, 100]")
    case("interval/survey/percent-of-max-0-10", "interval",
         input=survey("csat", [0, 10, 7, 8, 9, 3, 6], scale=[0, 10], method="percent_of_max"),
         note="0-10 scale: factor 100/10, bounds [0, 100]")
    case("interval/survey/nps-n1", "interval", input=survey("nps", [10]),
         note="n = 1 NPS survey: adjusted Wald still defined")
    case("interval/survey/nps-n1-wald", "interval", input=survey("nps", [10]),
         options={"method": "wald"}, check={"lower": 100.0, "upper": 100.0})
    case("interval/survey/top-box-all-top-wilson", "interval",
         input=survey("top_box", [5, 4, 5], scale=[1, 5]), check={"upper": 100.0},
         note="x = n")
    case("interval/survey/top-box-none-clopper-pearson", "interval",
         input=survey("top_box", [1, 2, 3], scale=[1, 5]), options={"method": "clopper_pearson"},
         check={"lower": 0.0}, note="x = 0: Clopper-Pearson lower = 0")
    case("interval/survey/top-box-weighted-all-top-clopper-pearson", "interval",
         input=survey("top_box", [5, 4, 5], [1, 2, 0.5], scale=[1, 5]),
         options={"method": "clopper_pearson"}, check={"upper": 100.0},
         note="weighted, p = 1: x = n_eff (non-integer), upper = 100")
    case("interval/survey/top-box-weighted-skewed-jeffreys-90", "interval",
         input=survey("top_box", [5, 1, 4, 2, 3, 5, 1], [0.3, 1.7, 1.0, 2.2, 0.5, 1.1, 0.9],
                      scale=[1, 5]),
         options={"method": "jeffreys", "level": 0.9},
         note="weighted: x = p·n_eff is non-integer; Beta(x+1/2, n_eff-x+1/2)")
    case("interval/survey/nps-weighted-nulls", "interval",
         input=survey("nps", [10, None, 9, 3, 8, None, 0, 10], [1, "nan", 2, 0.5, 1, -1, 1.5, 0.8]),
         options={"method": "wald", "level": 0.9},
         note="weights of null rows are ignored (as in survey.json)")
    case("interval/survey/mean-weighted-zero-weight-row", "interval",
         input=survey("mean", [1, 5, 3, 4], [1, 0, 2, 1], scale=[1, 5]),
         note="a zero weight row counts in n but not in n_eff")

    # ============================================================ margin of error
    moe_inputs = [
        ("nps-50-30-20", ref), ("nps-2-0-0", nps_counts(2, 0, 0)),
        ("proportion-70-100", rp), ("proportion-0-20", prop_counts(0, 20)),
        ("proportion-1-1", prop_counts(1, 1)),
        ("survey-nps-weighted", surveys["nps-weighted"]),
        ("survey-csat-net", surveys["csat-net"]),
        ("survey-ces-net-effort-weighted", surveys["ces-net-effort-weighted"]),
        ("survey-top-box-weighted", surveys["top-box-weighted"]),
        ("survey-ces-percent-agree", surveys["ces-percent-agree"]),
        ("survey-mean", surveys["mean"]), ("survey-mean-weighted", surveys["mean-weighted"]),
        ("survey-csat-mean", surveys["csat-mean"]),
        ("survey-csat-percent-of-max", surveys["csat-percent-of-max"]),
        ("survey-ces-mean-weighted", surveys["ces-mean-weighted"]),
        ("survey-mean-clamp", survey("mean", [5, 5, 5, 1], scale=[1, 5])),
    ]
    for tag, inp in moe_inputs:
        case(f"margin_of_error/{tag}", "margin_of_error", input=inp,
             note="half-width of the default interval before clamping" if "clamp" in tag
             or tag == "nps-2-0-0" else None)
    for level in (0.8, 0.9, 0.99):
        case(f"margin_of_error/nps-50-30-20-{lvl(level)}", "margin_of_error", input=ref,
             options={"level": level})
        case(f"margin_of_error/proportion-70-100-{lvl(level)}", "margin_of_error", input=rp,
             options={"level": level})
        case(f"margin_of_error/survey-ces-mean-{lvl(level)}", "margin_of_error",
             input=surveys["ces-mean"], options={"level": level})
    case("margin_of_error/survey-mean-zero-variance", "margin_of_error",
         input=survey("mean", [4, 4, 4], scale=[1, 5]), check={"margin": 0.0})

    # ============================================================ comparisons
    for level in LEVELS:
        for m in ("adjusted_wald", "wald"):
            if level == 0.95:
                continue
            case(f"compare/nps/ref-{m.replace('_', '-')}-{lvl(level)}", "compare", a=ref,
                 b=nps_counts(40, 30, 30), options={"method": m, "level": level})
    case("compare/nps/extremes-adjusted-wald", "compare", a=nps_counts(3, 0, 0),
         b=nps_counts(0, 0, 3), check={"difference": 200.0},
         note="the reported difference is the raw 200, the interval is centred on the adjusted "
              "difference and does not contain it")
    case("compare/nps/clamp-wald", "compare", a=nps_counts(9, 0, 1), b=nps_counts(1, 0, 9),
         options={"method": "wald"}, check={"upper": 200.0},
         note="100·(1.6 + z·0.268) > 200 -> clamped to 200")
    case("compare/nps/extremes-wald-one-zero-variance", "compare", a=nps_counts(20, 0, 0),
         b=nps_counts(5, 5, 10), options={"method": "wald"},
         note="group a has zero Wald variance; se comes from b")
    case("compare/nps/counts-vs-survey", "compare", a=ref, b=surveys["nps"],
         options={"method": "adjusted_wald"}, note="counts and raw scores are both net estimates")
    case("compare/nps/survey-weighted-vs-survey", "compare", a=surveys["nps-weighted"],
         b=surveys["nps"], options={"method": "wald"}, note="weighted group: n := n_eff")
    case("compare/nps/survey-weighted-vs-survey-adjusted", "compare", a=surveys["nps-weighted"],
         b=surveys["nps"])
    case("compare/net/csat-net-weighted-vs-unweighted", "compare", a=surveys["csat-net-weighted"],
         b=surveys["csat-net"], options={"method": "wald", "level": 0.9})
    case("compare/net/ces-net-effort", "compare", a=surveys["ces-net-effort"],
         b=surveys["ces-net-effort-weighted"], options={"level": 0.8})
    case("compare/nps/large", "compare", a=nps_counts(5200, 2800, 2000),
         b=nps_counts(4800, 3000, 2200), options={"method": "wald"})
    case("compare/nps/equal", "compare", a=nps_counts(10, 5, 5), b=nps_counts(10, 5, 5),
         check={"statistic": 0.0, "p_value": 1.0, "difference": 0.0})

    # proportions: pooled z + Newcombe
    for level in LEVELS:
        case(f"compare/proportion/70-100-vs-50-100-{lvl(level)}", "compare", a=rp,
             b=prop_counts(50, 100), options={"level": level},
             note="pooled z; Newcombe hybrid score interval (statsmodels method='newcomb')")
    case("compare/proportion/explicit-method", "compare", a=rp, b=prop_counts(50, 100),
         options={"method": "pooled_z"})
    case("compare/proportion/unequal-n", "compare", a=prop_counts(12, 40), b=prop_counts(130, 250))
    case("compare/proportion/both-zero", "compare", a=prop_counts(0, 15), b=prop_counts(0, 30),
         check={"statistic": 0.0, "p_value": 1.0, "difference": 0.0},
         note="pooled p = 0: z = 0 and p = 1 by spec (statsmodels gives NaN); Newcombe still defined")
    case("compare/proportion/both-all", "compare", a=prop_counts(15, 15), b=prop_counts(30, 30),
         check={"statistic": 0.0, "p_value": 1.0}, note="pooled p = 1")
    case("compare/proportion/zero-vs-all", "compare", a=prop_counts(0, 10), b=prop_counts(10, 10),
         note="largest possible difference at small n")
    case("compare/proportion/n1", "compare", a=prop_counts(1, 1), b=prop_counts(0, 1))
    case("compare/proportion/top-box-weighted", "compare", a=surveys["top-box-weighted"],
         b=surveys["top-box"], note="weighted: x = p·n_eff (non-integer)")
    case("compare/proportion/csat-vs-ces", "compare", a=surveys["csat-top-box"],
         b=surveys["ces-percent-agree-weighted"], options={"level": 0.9},
         note="any two proportion estimates can be compared")
    case("compare/proportion/counts-vs-survey", "compare", a=prop_counts(9, 20),
         b=surveys["bottom-box-weighted"])

    # means: Welch
    mean_b = survey("mean", [3, 4, 2, 5, 4, 3, 3, 4, 1, 2, 3, 4], scale=[1, 5])
    for level in LEVELS:
        case(f"compare/mean/welch-{lvl(level)}", "compare", a=surveys["mean"], b=mean_b,
             options={"level": level}, note="Welch t, Welch-Satterthwaite df (reported)")
    case("compare/mean/explicit-method", "compare", a=surveys["mean"], b=mean_b,
         options={"method": "welch"})
    case("compare/mean/weighted", "compare", a=surveys["mean-weighted"], b=mean_b,
         note="weighted: n := n_eff, sd Kish-weighted; df from n_eff")
    case("compare/mean/csat-mean", "compare", a=surveys["csat-mean"],
         b=surveys["csat-mean-weighted"])
    case("compare/mean/csat-percent-of-max", "compare", a=surveys["csat-percent-of-max"],
         b=survey("csat", [5, 5, 4, 3, 5, 4, 2, 5], method="percent_of_max"),
         note="percent_of_max: means and sds scaled by 100/max before the test")
    case("compare/mean/ces-mean", "compare", a=surveys["ces-mean"], b=surveys["ces-mean-weighted"],
         options={"level": 0.99})
    case("compare/mean/one-zero-variance", "compare",
         a=survey("mean", [4, 4, 4, 4, 4], scale=[1, 5]), b=mean_b,
         note="one group with sd = 0: df = n_b - 1")

    # ============================================================ paired NPS
    before = [6, 7, 9, 10, 3, 8, 8, 5, 9, 7, 10, 2, 6, 8, 9]
    after = [9, 8, 9, 10, 6, 9, 7, 8, 10, 9, 10, 5, 7, 9, 9]
    for level in LEVELS:
        case(f"paired_nps/basic-{lvl(level)}", "paired_nps", before=before, after=after,
             options={"level": level} if level != 0.95 else {},
             note="scipy.stats.ttest_rel(after_codes, before_codes); difference = NPS_after - NPS_before")
    case("paired_nps/reversed", "paired_nps", before=after, after=before,
         note="sign: after - before")
    case("paired_nps/missing-pairs", "paired_nps",
         before=[10, None, 6, 7, 9, 0, 8, None, 3, 9],
         after=[9, 10, None, 9, 9, 6, 10, None, 8, 10],
         check={"n": 7, "missing": 3}, note="a pair with any missing side is dropped and counted")
    case("paired_nps/all-unchanged", "paired_nps", before=[10, 7, 3, 9], after=[9, 8, 0, 10],
         check={"difference": 0.0, "statistic": 0.0, "p_value": 1.0, "lower": 0.0, "upper": 0.0},
         note="every code unchanged (d = 0, s = 0): spec pins statistic 0, p 1, interval [0, 0] "
              "(scipy ttest_rel returns NaN)")
    case("paired_nps/n2", "paired_nps", before=[6, 9], after=[9, 9], check={"n": 2},
         note="smallest valid n")
    case("paired_nps/clamp", "paired_nps", before=[0, 0, 10], after=[10, 10, 0],
         check={"lower": -200.0, "upper": 200.0}, note="interval clamped to [-200, 200]")
    case("paired_nps/larger", "paired_nps",
         before=[(i * 7) % 11 for i in range(60)], after=[(i * 5 + 3) % 11 for i in range(60)])

    # ============================================================ planning
    for m in (1, 2, 3, 7.5, 10):
        for level in (0.9, 0.95, 0.99):
            case(f"sample_size_nps/margin-{m}-{lvl(level)}", "sample_size_nps",
                 args={"margin": m, "level": level} if level != 0.95 else {"margin": m})
    case("sample_size_nps/variance-0.3", "sample_size_nps", args={"margin": 4, "variance": 0.3})
    case("sample_size_nps/at-least-1", "sample_size_nps",
         args={"margin": 90, "variance": 0.01, "level": 0.8}, check={"n": 1},
         note="z²·var/m² - 3 < 1 -> at least 1")
    case("sample_size_nps/variance-1-explicit", "sample_size_nps",
         args={"margin": 5, "variance": 1.0}, check={"n": 1534})
    for m, p, level in ((5, None, 0.95), (3, None, 0.95), (5, 20, 0.95), (2, 90, 0.99),
                        (10, 50, 0.8), (1, 35, 0.9)):
        args = {"margin": m}
        if p is not None:
            args["p"] = p
        if level != 0.95:
            args["level"] = level
        case(f"sample_size_proportion/margin-{m}-p{p or 50}-{lvl(level)}", "sample_size_proportion",
             args=args, note="statsmodels samplesize_confint_proportion; p in percent")
    for m, sd, level in ((0.1, 1.0, 0.95), (0.25, 1.2, 0.9), (0.05, 0.8, 0.99), (1, 15, 0.95),
                         (0.3, 2.5, 0.8)):
        args = {"margin": m, "sd": sd}
        if level != 0.95:
            args["level"] = level
        case(f"sample_size_mean/margin-{m}-sd{sd}-{lvl(level)}", "sample_size_mean", args=args)
    for dd, var, level, power in ((10, None, 0.95, None), (5, 0.61, 0.95, None),
                                  (15, 0.5, 0.9, 0.9), (20, None, 0.99, 0.95), (8, 0.7, 0.8, 0.5)):
        args = {"difference": dd}
        if var is not None:
            args["variance"] = var
        if level != 0.95:
            args["level"] = level
        if power is not None:
            args["power"] = power
        case(f"sample_size_nps_difference/d{dd}-v{var or 1}-{lvl(level)}-pw{power or 0.8}",
             "sample_size_nps_difference", args=args,
             note="per group: 2·variance·(z_{1-α/2} + z_power)²/(d/100)² - 3 "
                  "(statsmodels normal_sample_size_one_tail)")
    for p1, p2, level, power in ((50, 60, 0.95, None), (70, 65, 0.95, None), (10, 20, 0.9, 0.9),
                                 (85, 80, 0.99, 0.95), (30, 31.5, 0.95, 0.8), (95, 5, 0.8, 0.5)):
        args = {"p1": p1, "p2": p2}
        if level != 0.95:
            args["level"] = level
        if power is not None:
            args["power"] = power
        case(f"sample_size_proportion_difference/{p1}-{p2}-{lvl(level)}-pw{power or 0.8}",
             "sample_size_proportion_difference", args=args,
             note="statsmodels samplesize_proportions_2indep_onetail (two-sided alpha)")

    # ============================================================ p-value adjustment
    adj_lists = [
        ("basic", [0.01, 0.04, 0.03, 0.005]),
        ("unsorted", [0.2, 0.001, 0.05, 0.012, 0.9, 0.03]),
        ("ties", [0.02, 0.02, 0.01, 0.04, 0.04, 0.04]),
        ("zero-and-one", [0.0, 1.0, 0.5, 0.01]),
        ("all-zero", [0.0, 0.0, 0.0]),
        ("all-one", [1.0, 1.0]),
        ("single", [0.03]),
        ("cap-at-one", [0.6, 0.7, 0.8, 0.45]),
        ("many", [round(0.001 * (i * i % 97 + 1), 6) for i in range(25)]),
        ("empty", []),
    ]
    for tag, ps in adj_lists:
        for m in ("holm", "bh"):
            chk = {"p_values": []} if tag == "empty" else None
            case(f"adjust_p_values/{m}-{tag}", "adjust_p_values",
                 args={"p_values": ps, "method": m}, check=chk,
                 note="empty list -> empty list (not an error)" if tag == "empty" else None)
    case("adjust_p_values/holm-literal", "adjust_p_values",
         args={"p_values": [0.01, 0.04, 0.03, 0.005], "method": "holm"},
         check={"p_values": [0.03, 0.06, 0.06, 0.02]},
         note="sorted 0.005·4, 0.01·3, 0.03·2, 0.04·1 -> monotone 0.02, 0.03, 0.06, 0.06")
    case("adjust_p_values/bh-literal", "adjust_p_values",
         args={"p_values": [0.01, 0.04, 0.03, 0.005], "method": "bh"},
         check={"p_values": [0.02, 0.04, 0.04, 0.02]})

    # ============================================================ errors
    for tag, level in (("0", 0), ("1", 1), ("1.5", 1.5), ("nan", "nan"), ("negative", -0.5),
                       ("inf", "inf")):
        case(f"errors/interval-level-{tag}", "interval", input=ref, options={"level": level},
             error="invalid_argument")
    case("errors/interval-level-0-proportion", "interval", input=rp, options={"level": 0.0},
         error="invalid_argument")
    case("errors/interval-level-1-mean", "interval", input=surveys["mean"], options={"level": 1.0},
         error="invalid_argument")
    for tag, inp, m in (("wilson-on-nps", ref, "wilson"),
                        ("clopper-pearson-on-csat-net", surveys["csat-net"], "clopper_pearson"),
                        ("t-on-nps", ref, "t"),
                        ("adjusted-wald-on-proportion", rp, "adjusted_wald"),
                        ("t-on-top-box", surveys["top-box"], "t"),
                        ("wald-on-mean", surveys["mean"], "wald"),
                        ("wilson-on-ces-mean", surveys["ces-mean"], "wilson"),
                        ("jeffreys-on-ces-net-effort", surveys["ces-net-effort"], "jeffreys")):
        case(f"errors/interval-method-{tag}", "interval", input=inp, options={"method": m},
             error="invalid_argument", note="method not valid for the estimate kind")
    case("errors/interval-mean-n1", "interval", input=survey("mean", [3], scale=[1, 5]),
         error="insufficient_data", note="n = 1: no sd")
    case("errors/interval-csat-mean-n1", "interval", input=survey("csat", [4, None], method="mean"),
         error="insufficient_data")
    case("errors/interval-percent-of-max-n1", "interval",
         input=survey("csat", [4], method="percent_of_max"), error="insufficient_data")
    case("errors/interval-ces-mean-n1", "interval",
         input=survey("ces", [6], scale=[1, 7], higher_is_better=True), error="insufficient_data")
    case("errors/interval-mean-weighted-n-eff-1", "interval",
         input=survey("mean", [2, 5], [1, 0], scale=[1, 5]), error="insufficient_data",
         note="n = 2 but n_eff = 1 (one zero weight): sd undefined")
    case("errors/interval-successes-gt-n", "interval", input=prop_counts(11, 10),
         error="invalid_argument")
    case("errors/margin-level-1.5", "margin_of_error", input=rp, options={"level": 1.5},
         error="invalid_argument")
    case("errors/margin-mean-n1", "margin_of_error", input=survey("mean", [3], scale=[1, 5]),
         error="insufficient_data")
    case("errors/compare-nps-vs-proportion", "compare", a=ref, b=rp, error="invalid_argument")
    case("errors/compare-proportion-vs-nps", "compare", a=surveys["top-box"], b=surveys["nps"],
         error="invalid_argument")
    case("errors/compare-mean-vs-proportion", "compare", a=surveys["mean"], b=rp,
         error="invalid_argument")
    case("errors/compare-mean-vs-net", "compare", a=surveys["ces-mean"], b=surveys["ces-net-effort"],
         error="invalid_argument")
    case("errors/compare-method-welch-on-nps", "compare", a=ref, b=nps_counts(40, 30, 30),
         options={"method": "welch"}, error="invalid_argument")
    case("errors/compare-method-wald-on-proportion", "compare", a=rp, b=prop_counts(50, 100),
         options={"method": "wald"}, error="invalid_argument",
         note="proportions: only pooled_z")
    case("errors/compare-method-pooled-z-on-mean", "compare", a=surveys["mean"], b=mean_b,
         options={"method": "pooled_z"}, error="invalid_argument")
    case("errors/compare-level-1", "compare", a=ref, b=nps_counts(40, 30, 30),
         options={"level": 1}, error="invalid_argument")
    case("errors/compare-level-nan", "compare", a=rp, b=prop_counts(50, 100),
         options={"level": "nan"}, error="invalid_argument")
    case("errors/compare-welch-both-zero-variance", "compare",
         a=survey("mean", [4, 4, 4], scale=[1, 5]), b=survey("mean", [2, 2], scale=[1, 5]),
         error="insufficient_data", note="zero variance in both groups")
    case("errors/compare-welch-n1", "compare", a=survey("mean", [4], scale=[1, 5]), b=mean_b,
         error="insufficient_data")
    case("errors/paired-length-mismatch", "paired_nps", before=[1, 2, 3], after=[1, 2],
         error="length_mismatch")
    case("errors/paired-n1", "paired_nps", before=[9], after=[10], error="insufficient_data")
    case("errors/paired-n1-after-missing", "paired_nps", before=[9, None, 3], after=[10, 8, None],
         error="insufficient_data", note="only one complete pair")
    case("errors/paired-level-0", "paired_nps", before=before, after=after, options={"level": 0},
         error="invalid_argument")
    for tag, ps, idx in (("above-one", [0.01, 0.5, 1.2], 2), ("nan", ["nan", 0.1], 0),
                         ("negative", [0.1, -0.1, 0.2], 1), ("inf", [0.1, "inf"], 1)):
        for m in ("holm", "bh"):
            case(f"errors/adjust-{m}-{tag}", "adjust_p_values", args={"p_values": ps, "method": m},
                 error="invalid_argument", index=idx, note="the error names the index")
    case("errors/adjust-unknown-method", "adjust_p_values",
         args={"p_values": [0.1, 0.2], "method": "bonferroni"}, error="invalid_argument")
    plan_errs = [
        ("sample_size_nps", "margin-0", {"margin": 0}),
        ("sample_size_nps", "margin-negative", {"margin": -5}),
        ("sample_size_nps", "margin-inf", {"margin": "inf"}),
        ("sample_size_nps", "margin-nan", {"margin": "nan"}),
        ("sample_size_nps", "variance-0", {"margin": 5, "variance": 0}),
        ("sample_size_nps", "variance-1.5", {"margin": 5, "variance": 1.5}),
        ("sample_size_nps", "level-1", {"margin": 5, "level": 1}),
        ("sample_size_proportion", "margin-0", {"margin": 0}),
        ("sample_size_proportion", "p-0", {"margin": 5, "p": 0}),
        ("sample_size_proportion", "p-100", {"margin": 5, "p": 100}),
        ("sample_size_proportion", "p-150", {"margin": 5, "p": 150}),
        ("sample_size_proportion", "level-0", {"margin": 5, "level": 0}),
        ("sample_size_mean", "margin-0", {"margin": 0, "sd": 1}),
        ("sample_size_mean", "sd-0", {"margin": 0.1, "sd": 0}),
        ("sample_size_mean", "sd-negative", {"margin": 0.1, "sd": -1}),
        ("sample_size_nps_difference", "difference-0", {"difference": 0}),
        ("sample_size_nps_difference", "difference-negative", {"difference": -10}),
        ("sample_size_nps_difference", "power-0", {"difference": 10, "power": 0}),
        ("sample_size_nps_difference", "power-1", {"difference": 10, "power": 1}),
        ("sample_size_nps_difference", "variance-2", {"difference": 10, "variance": 2}),
        ("sample_size_proportion_difference", "equal", {"p1": 50, "p2": 50}),
        ("sample_size_proportion_difference", "p1-0", {"p1": 0, "p2": 50}),
        ("sample_size_proportion_difference", "p2-100", {"p1": 50, "p2": 100}),
        ("sample_size_proportion_difference", "power-1.2", {"p1": 50, "p2": 60, "power": 1.2}),
        ("sample_size_proportion_difference", "level-nan", {"p1": 50, "p2": 60, "level": "nan"}),
    ]
    for fn, tag, args in plan_errs:
        case(f"errors/{fn}-{tag}", fn, args=args, error="invalid_argument")


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


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------


def write(path: Path) -> str:
    header = {
        "format": "cxmetrics.vectors",
        "version": 1,
        "provenance": {
            "generator": "tests/vectors/oracle_stats.py",
            "python": platform.python_version(),
            "numpy": np.__version__,
            "scipy": scipy.__version__,
            "statsmodels": statsmodels.__version__,
            "seed": SEED,
            "method": ("scipy / statsmodels implementations where they exist (proportion_confint, "
                       "confint_proportions_2indep newcomb, proportions_ztest, multipletests, "
                       "ttest_ind_from_stats, ttest_rel, t.interval, samplesize_*); NPS (adjusted) "
                       "Wald and NPS/mean sample sizes from the spec formulas with scipy quantiles; "
                       "not cxmetrics"),
            "spec": "spec/STATS.md (statistics, issue 3); shared/reference/cx-metrics.md section 3",
            "tolerance_rule": ("float fields: |actual - expected| <= tolerance * max(1, |expected|); "
                               "integer fields, strings and null exact"),
        },
    }
    dump = lambda o: json.dumps(o, allow_nan=False, ensure_ascii=True)  # noqa: E731
    lines = ["{"]
    for k, v in header.items():
        lines.append(f"  {dump(k)}: {dump(v)},")
    lines.append('  "cases": [')
    for i, c in enumerate(CASES):
        lines.append("    " + dump(c) + ("," if i + 1 < len(CASES) else ""))
    lines.append("  ]")
    lines.append("}")
    text = "\n".join(lines) + "\n"
    json.loads(text)
    path.write_text(text, encoding="utf-8")
    return text


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
    by_src = Counter(_SOURCE.values())
    print(f"wrote {OUT} ({len(text)} bytes, {len(CASES)} cases: "
          f"{by_src['hand']} hand-written, {by_src['random']} seeded random)")
    print(f"python {platform.python_version()}, numpy {np.__version__}, scipy {scipy.__version__}, "
          f"statsmodels {statsmodels.__version__}, seed {SEED}")
    print("cases per function (total / ok / error):")
    for fn in FUNCTIONS:
        tot = sum(1 for c in CASES if c["function"] == fn)
        ok = sum(1 for c in CASES if c["function"] == fn and "expected" in c)
        print(f"  {fn:34s} {tot:4d} {ok:4d} {tot - ok:4d}")
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
    print("cases per error code:")
    codes = Counter(c["expected_error"]["code"] for c in CASES if "expected_error" in c)
    for code in ERROR_CODES:
        print(f"  {code:18s} {codes[code]:4d}")
    if set(codes) - set(ERROR_CODES):
        raise VectorBug(f"unexpected codes {set(codes) - set(ERROR_CODES)}")


def main():
    hand_cases()
    random_cases()
    text = write(OUT)
    summary(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
