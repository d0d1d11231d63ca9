"""The statistics oracle behind stats.json (oracle_stats.py), also used by the segments
oracle. Formulas: docs/metrics/statistics.md.

Never imports cxmetrics. Wherever a method has a
library implementation, the expected value comes from scipy / statsmodels:

  proportion intervals    statsmodels.stats.proportion.proportion_confint
                          (wilson, normal = wald, agresti_coull,
                           beta = clopper_pearson, jeffreys)
  Newcombe interval       statsmodels confint_proportions_2indep(method="newcomb")
  pooled z                statsmodels proportions_ztest (cross-checked with
                          test_proportions_2indep(method="score", correction=False))
  two proportions: wald,  statsmodels confint_proportions_2indep and
  agresti_caffo, score    test_proportions_2indep (method "wald", "agresti-caffo",
                          "score" with correction=True: Miettinen-Nurminen). The score
                          interval: statsmodels' restricted-MLE cubic with the
                          correction of statsmodels issue #10269, checked against scipy
                          brentq on the score equation, inverted by scipy brentq (its
                          own confint inherits the bug; R PropCIs diffscoreci agrees
                          with the corrected one)
  Welch                   scipy.stats.ttest_ind_from_stats(equal_var=False)
                          (cross-checked with scipy.stats.ttest_ind on raw data)
  paired NPS              scipy.stats.ttest_rel(after_codes, before_codes)
  t interval of a mean    scipy.stats.t.interval (cross-checked with ttest_1samp)
  continuous mean_of      numpy average / std(ddof=1) (weighted: the Kish-corrected sd
                          of the survey mean); its interval and Welch comparison as above
  p-value adjustment      statsmodels multipletests ("holm", "fdr_bh")
  proportion sample size  statsmodels samplesize_confint_proportion,
                          samplesize_proportions_2indep_onetail
  NPS difference planning statsmodels.stats.power.normal_sample_size_one_tail
  quantiles               scipy.stats.norm / scipy.stats.t

NPS (adjusted) Wald intervals/tests and the NPS / mean precision sample sizes
have no library implementation; they are computed from the formulas in
docs/metrics/statistics.md with scipy quantiles. Survey inputs (raw scores, optionally
weighted) are reduced to estimates (shares, mean, sd, n_eff) here with numpy;
the point estimate is cross-checked against survey_model.oracle.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
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

import survey_model
from oracle_common import OracleError, VectorBug
from oracle_common import num_cell as _num

NET_METHODS = ("adjusted_wald", "wald")
PROP_METHODS = ("wilson", "wald", "agresti_coull", "clopper_pearson", "jeffreys")
MEAN_METHODS = ("t",)
DEFAULT_METHOD = {"net": "adjusted_wald", "proportion": "wilson", "mean": "t"}
METHODS = {"net": NET_METHODS, "proportion": PROP_METHODS, "mean": MEAN_METHODS}
SM_METHOD = {
    "wilson": "wilson",
    "wald": "normal",
    "agresti_coull": "agresti_coull",
    "clopper_pearson": "beta",
    "jeffreys": "jeffreys",
}
PROP_COMPARE_METHODS = ("pooled_z", "wald", "agresti_caffo", "score")
COMPARE_METHODS = {"net": ("adjusted_wald", "wald"), "proportion": PROP_COMPARE_METHODS, "mean": ("welch",)}
SM_COMPARE = {"wald": "wald", "agresti_caffo": "agresti-caffo", "score": "score"}
DEFAULT_COMPARE = {"net": "adjusted_wald", "proportion": "pooled_z", "mean": "welch"}
LEVELS = (0.8, 0.9, 0.95, 0.99)
FUNCTIONS = (
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
)
ERROR_CODES = ("invalid_argument", "insufficient_data", "length_mismatch", "empty", "not_finite", "invalid_weight")


def _f(v) -> float:
    return float(v)


# --------------------------------------------------------------------------
# Estimates
# --------------------------------------------------------------------------


class Est:
    """What a result carries for inference. Shares are fractions; n may be n_eff."""

    def __init__(self, kind, n, *, p=None, d=None, x=None, m=None, s=None, lo=None, hi=None, factor=1.0, raw=None):
        self.kind = kind  # "net" | "proportion" | "mean"
        self.n = float(n)  # n or Kish n_eff
        self.p = p  # net: share plus; proportion: share
        self.d = d  # net: share minus
        self.x = x  # proportion: successes (p*n; integer for counts input)
        self.m = m  # mean (scale units)
        self.s = s  # sd (None when n_eff <= 1)
        self.lo, self.hi = lo, hi
        self.factor = factor  # mean unit factor: 1, or 100/max for percent_of_max
        self.raw = raw  # unweighted raw values (for scipy cross-checks) or None


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
    if kind == "continuous":
        return continuous_estimate(inp)
    raise VectorBug(f"unknown input kind {kind}")


def continuous_mean(inp: dict) -> dict:
    """mean_of(values, weights): validation order and result fields of
    docs/metrics/statistics.md ("Continuous means")."""
    if set(inp) != {"kind", "values", "weights"} or inp["kind"] != "continuous":
        raise VectorBug("continuous input keys")
    values, weights = inp["values"], inp["weights"]
    if weights is not None and len(weights) != len(values):
        raise OracleError("length_mismatch")
    keep, missing = [], 0
    for i, v in enumerate(values):
        x = math.nan if v is None else _num(v)
        if math.isnan(x):
            missing += 1
            continue
        if math.isinf(x):
            raise OracleError("not_finite", i)
        if weights is not None:
            w = math.nan if weights[i] is None else _num(weights[i])
            if not (math.isfinite(w) and w >= 0.0):
                raise OracleError("invalid_weight", i)
        keep.append(i)
    if not keep:
        raise OracleError("empty")
    x = np.array([_num(values[i]) for i in keep], dtype=np.float64)
    w = np.ones(len(keep)) if weights is None else np.array([_num(weights[i]) for i in keep], dtype=np.float64)
    sw = float(w.sum())
    if sw <= 0.0:
        raise OracleError("invalid_weight")
    n_eff = sw * sw / float((w * w).sum())
    m = float(np.average(x, weights=w))
    s = None
    if n_eff > 1.0:
        s = math.sqrt(float((w * (x - m) ** 2).sum()) / sw * (n_eff / (n_eff - 1.0)))
    if weights is None:
        if abs(m - float(np.mean(x))) > 1e-12 * max(1.0, abs(m)):
            raise VectorBug("mean disagrees with numpy mean")
        if s is not None and abs(s - float(np.std(x, ddof=1))) > 1e-12 * max(1.0, s):
            raise VectorBug("sd disagrees with numpy ddof=1")
    return {
        "score": m,
        "std_dev": s,
        "n": len(keep),
        "missing": missing,
        "sum_weights": sw,
        "n_eff": n_eff,
        "weighted": weights is not None,
        "_x": x,
    }


def continuous_estimate(inp: dict) -> Est:
    r = continuous_mean(inp)
    return Est(
        "mean",
        r["n_eff"],
        m=r["score"],
        s=r["std_dev"],
        lo=-math.inf,
        hi=math.inf,
        raw=r["_x"] if inp["weights"] is None else None,
    )


def survey_estimate(inp: dict) -> Est:
    fn, scores, weights = inp["function"], inp["scores"], inp["weights"]
    opts = dict(inp["options"])
    if set(inp) != {"kind", "function", "scores", "weights", "options"}:
        raise VectorBug("survey input keys")
    if "on_invalid" in opts:
        raise VectorBug("stats inputs use valid rows only (nulls allowed)")
    if fn not in ("nps", "csat", "ces", "mean", "top_box", "bottom_box"):
        raise VectorBug(f"no estimate for {fn}")
    ref = survey_model.oracle(fn, scores, weights, opts)  # validates; raises on bad input
    if ref["invalid"]:
        raise VectorBug("invalid rows")

    lo, hi = opts.get("scale", survey_model.DEFAULT_SCALE.get(fn, (None, None)))
    keep = [i for i, v in enumerate(scores) if v is not None]
    x = np.array([_num(scores[i]) for i in keep], dtype=np.float64)
    w = np.ones(len(keep)) if weights is None else np.array([_num(weights[i]) for i in keep], dtype=np.float64)
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
    top = opts.get("threshold", survey_model._default_top(lo, hi))
    bot = opts.get("bottom_threshold", survey_model._default_bottom(lo, hi))
    if fn == "nps":
        b = opts.get("buckets") or {"detractor_max": 6, "promoter_min": 9}
        est = Est("net", n_eff, p=share(x >= b["promoter_min"]), d=share(x <= b["detractor_max"]))
        score = 100 * (est.p - est.d)
    elif (fn == "csat" and (method or "top_box") == "top_box") or fn == "top_box":
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
        thr = opts.get("threshold", survey_model._ces_default_threshold(lo, hi, hib))
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
        if not (
            fn == "mean"
            or (fn == "csat" and method in ("mean", "percent_of_max"))
            or (fn == "ces" and (method or "mean") == "mean")
        ):
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
    elif kind == "proportion" and method != "pooled_z":
        stat, pval, lower, upper = compare_two_proportions(a, b, level, method)
        difference = 100 * (a.p - b.p)
        lower, upper = clamp(100 * lower, -100, 100), clamp(100 * upper, -100, 100)
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
        lo, hi = confint_proportions_2indep(a.x, a.n, b.x, b.n, method="newcomb", compare="diff", alpha=1.0 - level)
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
            if (
                abs(r.statistic - stat) > 1e-9
                or abs(r.pvalue - pval) > 1e-12
                or abs(r.df - df) > 1e-9 * df
                or abs(ci.low - lower) > 1e-9
                or abs(ci.high - upper) > 1e-9
            ):
                raise VectorBug("welch disagrees with ttest_ind on raw data")
        # the spec does not say whether the Welch interval is clamped: keep vectors away
        span = max(fa * (a.hi - a.lo), fb * (b.hi - b.lo))
        if lower < -span or upper > span:
            raise VectorBug("Welch interval beyond the scale span (clamping unspecified)")
    return {
        "difference": difference,
        "lower": lower,
        "upper": upper,
        "statistic": stat,
        "p_value": pval,
        "method": method,
        "level": level,
        "df": df,
    }


def _mn_restricted(a: Est, b: Est, d: float) -> tuple[float, float]:
    """Restricted MLE (p1, p0) under p1 - p0 = d: the root of the score equation on the
    feasible range by scipy brentq, cross-checked (away from the ends of the range, where
    the formula loses digits) against statsmodels' closed-form cubic
    (score_test_proportions_2indep) with its linear coefficient corrected (statsmodels
    issue #10269: count0 -> nobs0)."""
    from scipy.optimize import brentq

    x1, n1, x0, n0 = a.x, a.n, b.x, b.n
    nobs, count = n1 + n0, x1 + x0
    tmp3 = nobs
    tmp2 = (n1 + 2 * n0) * d - nobs - count
    tmp1 = (n0 * d - nobs - 2 * x0) * d + count
    tmp0 = x0 * d * (1 - d)
    q = (tmp2 / (3 * tmp3)) ** 3 - tmp1 * tmp2 / (6 * tmp3**2) + tmp0 / (2 * tmp3)
    p = math.copysign(1.0, q) * math.sqrt(max(0.0, (tmp2 / (3 * tmp3)) ** 2 - tmp1 / (3 * tmp3)))
    ang = (math.pi + math.acos(max(-1.0, min(1.0, q / p**3)))) / 3 if p != 0 else math.pi / 2
    prop0 = 2 * p * math.cos(ang) - tmp2 / (3 * tmp3)
    # independent: the root of the score equation on the feasible range
    lo, hi = max(0.0, -d), min(1.0, 1.0 - d)

    def score(p0):
        p1 = p0 + d
        t = lambda x, s: (x / s if s > 0 else math.inf) if x > 0 else 0.0  # noqa: E731
        return t(x1, p1) - t(n1 - x1, 1 - p1) + t(x0, p0) - t(n0 - x0, 1 - p0)

    e = 1e-300
    if score(lo + e) <= 0:
        root = lo
    elif score(hi - 1e-16) >= 0:
        root = hi
    else:
        root = brentq(score, lo + e, hi - 1e-16, xtol=1e-16, rtol=8.9e-16)
    # the cubic loses digits near the ends of the range: checked away from them
    if min(root - lo, hi - root) > 1e-3 and abs(root - prop0) > 1e-9:
        raise VectorBug(f"restricted MLE: cubic {prop0} vs score root {root} (d={d})")
    return root + d, root


def _mn_stat(a: Est, b: Est, d: float) -> float:
    """Miettinen-Nurminen statistic of p1 - p0 = d (with the N/(N-1) factor)."""
    p1n, p0n = _mn_restricted(a, b, d)
    nobs = a.n + b.n
    var = (p1n * (1 - p1n) / a.n + p0n * (1 - p0n) / b.n) * nobs / (nobs - 1)
    num = a.p - b.p - d
    if var <= 0:
        return 0.0 if num == 0 else math.copysign(math.inf, num)
    return num / math.sqrt(var)


def _score_ci_brentq(a: Est, b: Est, level: float) -> tuple[float, float]:
    """The Miettinen-Nurminen limits: where |T(d)| = z, by scipy brentq over the whole
    range of the difference (T falls as d rises)."""
    from scipy.optimize import brentq

    z, d = zcrit(level), a.p - b.p
    ends = (-1.0 + 1e-9, 1.0 - 1e-9)
    if (d > -1.0 and _mn_stat(a, b, ends[0]) <= z) or (d < 1.0 and _mn_stat(a, b, ends[1]) >= -z):
        raise VectorBug("score limit within 1e-9 of -1 or 1: pick another case")
    if d == -1.0:
        lo = -1.0
    else:
        lo = brentq(lambda v: _mn_stat(a, b, v) - z, ends[0], d, xtol=1e-15, rtol=8.9e-16)
    if d == 1.0:
        hi = 1.0
    else:
        hi = brentq(lambda v: _mn_stat(a, b, v) + z, d, ends[1], xtol=1e-15, rtol=8.9e-16)
    return lo, hi


def compare_two_proportions(a: Est, b: Est, level: float, method: str):
    """wald, agresti_caffo and score (Miettinen-Nurminen) from statsmodels: (statistic,
    p-value, lower, upper) with the limits as fractions."""
    sm = SM_COMPARE[method]
    if method == "score":
        if a.n + b.n <= 1:
            raise OracleError("insufficient_data")
        pbar = (a.x + b.x) / (a.n + b.n)
        if pbar in (0.0, 1.0):
            stat, pval = 0.0, 1.0  # spec: z = 0, p = 1 (statsmodels returns NaN here)
        else:
            with warnings.catch_warnings():  # ratio / odds ratio fields may be 0/0
                warnings.simplefilter("ignore", RuntimeWarning)
                r = test_proportions_2indep(a.x, a.n, b.x, b.n, method="score", correction=True)
            stat, pval = _f(r.statistic), _f(r.pvalue)
            if abs(stat - _mn_stat(a, b, 0.0)) > 1e-9 * max(1, abs(stat)):
                raise VectorBug("score statistic disagrees with the Miettinen-Nurminen formula")
        # statsmodels' confint_proportions_2indep(method="score") inherits issue #10269
        # (its restricted MLE is wrong for d != 0), so the limits come from the corrected
        # restricted MLE; tests/vectors/README.md and the 7/34 vs 1/34 case (R PropCIs) say so
        lo, hi = _score_ci_brentq(a, b, level)
        return stat, pval, lo, hi
    add = 1 if method == "agresti_caffo" else 0
    qa, qb = (a.x + add) / (a.n + 2 * add), (b.x + add) / (b.n + 2 * add)
    var = qa * (1 - qa) / (a.n + 2 * add) + qb * (1 - qb) / (b.n + 2 * add)
    if var == 0.0:
        if qa != qb:
            raise OracleError("insufficient_data")  # zero variance, non-zero difference
        stat, pval = 0.0, 1.0  # spec: z = 0, p = 1 (statsmodels returns NaN here)
    else:
        with warnings.catch_warnings():  # ratio / odds ratio fields may be x/0
            warnings.simplefilter("ignore", RuntimeWarning)
            r = test_proportions_2indep(a.x, a.n, b.x, b.n, method=sm)
        stat, pval = _f(r.statistic), _f(r.pvalue)
    lo, hi = confint_proportions_2indep(a.x, a.n, b.x, b.n, method=sm, compare="diff", alpha=1.0 - level)
    return stat, pval, _f(lo), _f(hi)


def nps_code(v) -> int:
    if not (_bool_int(v) and 0 <= v <= 10):
        raise VectorBug("paired scores must be integers 0..10 or null")
    return 1 if v >= 9 else (-1 if v <= 6 else 0)


def paired_nps(before: list, after: list, level) -> dict:
    if len(before) != len(after):
        raise OracleError("length_mismatch")
    level = check_level(level)
    pairs = [(nps_code(b), nps_code(a)) for b, a in zip(before, after) if b is not None and a is not None]
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
    return {
        "difference": 100 * mean,
        "lower": lower,
        "upper": upper,
        "statistic": stat,
        "p_value": pval,
        "method": "paired_t",
        "level": level,
        "df": float(n - 1),
        "n": n,
        "missing": missing,
    }


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
        base = float(normal_sample_size_one_tail(dd, power, alpha / 2, std_null=math.sqrt(2 * var)))
        zp = float(stats.norm.ppf(power))
        if abs(base - 2 * var * (z + zp) ** 2 / dd**2) > 1e-9 * base:
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
    raw = float(samplesize_proportions_2indep_onetail(p1 - p2, p2, power, alpha=alpha, alternative="two-sided"))
    pb = (p1 + p2) / 2
    zp = float(stats.norm.ppf(power))
    ref = (z * math.sqrt(2 * pb * (1 - pb)) + zp * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / (p1 - p2) ** 2
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
    if fn == "mean_of":
        if opts:
            raise VectorBug("mean_of has no options")
        r = continuous_mean(c["input"])
        del r["_x"]
        return r
    raise VectorBug(f"unknown function {fn}")


# Inputs of the "interval" / "compare" cases


def nps_counts(P, A, D):
    return {"kind": "nps_counts", "promoters": P, "passives": A, "detractors": D}


def prop_counts(x, n):
    return {"kind": "proportion_counts", "successes": x, "n": n}


def survey(fn, scores, weights=None, **opts):
    return {
        "kind": "survey",
        "function": fn,
        "scores": scores,
        "weights": weights,
        "options": {k: v for k, v in opts.items() if v is not None},
    }
