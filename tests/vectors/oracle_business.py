#!/usr/bin/env python3
"""Independent oracle for the cxmetrics business, segment and trend conformance vectors.

Writes tests/vectors/business.json (format: tests/vectors/README.md, "business.json").

This script deliberately does NOT import cxmetrics. Expected values come from:

  conversion / churn /    exact rational arithmetic (fractions.Fraction) from the
  retention / CLV         formulas in crates/cxmetrics/src/business.rs; compound
                          annualisation as -expm1(k * log1p(-m)) (cross-checked
                          with 1 - (1 - m)^k)
  Wilson intervals        statsmodels proportion_confint(method="wilson")
                          (cross-checked with the closed form of spec/STATS.md)
  segments                pandas groupby over the key columns; each group's metric,
                          estimate and default interval from oracle_survey (numpy)
                          and oracle_stats (statsmodels / scipy); the overall row
                          from all valid rows (never from segment scores); the
                          leave-one-out impact from the rows outside the segment
  trends                  stdlib zoneinfo on the system tz database for local
                          dates (cross-checked with pandas tz_convert and
                          to_period); ISO weeks from date.isocalendar();
                          period-over-period tests: adjusted-Wald z (spec formula,
                          scipy.stats.norm), statsmodels proportions_ztest,
                          scipy ttest_ind_from_stats(equal_var=False); p-value
                          adjustment statsmodels multipletests("holm" / "fdr_bh")

Regenerate (from the repository root):

    .venv/bin/pip install -q numpy scipy statsmodels pandas   # once
    .venv/bin/python tests/vectors/oracle_business.py

Output is byte-stable for given Python / numpy / scipy / statsmodels / pandas versions
and tz database: no timestamps, a fixed seed (numpy.random.default_rng(SEED)), fixed
case order.
"""

from __future__ import annotations

import json
import math
import platform
import re
import sys
import warnings
import zoneinfo
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from fractions import Fraction
from pathlib import Path

import numpy as np
import pandas as pd
import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint, proportions_ztest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import oracle_stats  # noqa: E402  (statsmodels / scipy estimates, intervals, comparisons)
import oracle_survey  # noqa: E402  (numpy survey metrics)

warnings.simplefilter("error")  # a library warning means a case is degenerate: stop

SEED = 20261128
TOL = 1e-9
OUT = HERE / "business.json"
TZ_ROOT = Path("/usr/share/zoneinfo")

FUNCTIONS = ("conversion_rate", "churn_rate", "retention_rate", "clv_from_churn",
             "clv_from_retention", "segment", "trend")
ERROR_CODES = ("empty", "invalid_argument", "length_mismatch", "out_of_scale", "not_integer",
               "not_finite", "invalid_weight", "scale_mismatch", "invalid_scale",
               "unknown_time_zone")
METRICS = ("nps", "csat", "ces", "mean", "top_box", "bottom_box")
METRIC_OPTION_KEYS = ("scale", "buckets", "method", "threshold", "bottom_threshold",
                      "higher_is_better")
PERIODS = ("day", "week", "month", "quarter")
ADJUST = {"holm": "holm", "bh": "fdr_bh"}


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


class Fragile(VectorBug):
    """A result sits on a knife edge (e.g. an adjusted p-value within 1e-6 of alpha)."""


def _num(v) -> float:
    """JSON cell -> float. Strings "inf", "-inf", "nan" encode non-finite numbers."""
    if isinstance(v, str):
        return {"inf": math.inf, "-inf": -math.inf, "nan": math.nan}[v]
    if isinstance(v, bool) or v is None:
        raise VectorBug(f"not a number: {v!r}")
    return float(v)


def _is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


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
# Business metrics (business.rs)
# --------------------------------------------------------------------------


def count_ok(v) -> float:
    """A finite count >= 0 (business.rs `count_ok` / `money`)."""
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
    return {"score": float(100 * _frac(conv) / _frac(n)), "count": conv, "n": n,
            "lower": lo, "upper": hi}


def f_churn(c: dict) -> dict:
    a = c["args"]
    o = _opts(c, {"level", "denominator", "up_for_renewal", "end", "periods_per_year",
                  "annualize"})
    if set(a) != {"churned", "start"}:
        raise VectorBug("churn args")
    den = o.get("denominator", "start")
    ann = o.get("annualize", "compound")
    if den not in ("start", "up_for_renewal", "average") or ann not in ("compound", "simple"):
        raise OracleError("invalid_argument")
    if den != "up_for_renewal" and "up_for_renewal" in o or den != "average" and "end" in o:
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
    return {"score": float(100 * m), "annualized": annualized, "churned": churned,
            "n": float(n), "lower": lo, "upper": hi}


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
    return {"score": float(100 * retained / _frac(s)), "count": float(retained), "n": s,
            "lower": lo, "upper": hi}


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
# Survey metric on a group of valid rows (oracle_survey + oracle_stats)
# --------------------------------------------------------------------------


def scale_of(metric: str, mopts: dict) -> tuple[int, int]:
    if "scale" in mopts:
        lo, hi = mopts["scale"]
    elif metric in oracle_survey.DEFAULT_SCALE:
        lo, hi = oracle_survey.DEFAULT_SCALE[metric]
    else:
        raise VectorBug(f"{metric} needs an explicit scale")
    if not (_is_int(lo) and _is_int(hi)):
        raise VectorBug("scale bounds must be integers")
    return lo, hi


def check_metric_options(metric: str, mopts: dict):
    """Data-independent metric errors (scale_mismatch, invalid_argument), via oracle_survey
    on no data: anything but `empty` is an option error."""
    try:
        oracle_survey.oracle(metric, [], None, mopts)
    except oracle_survey.OracleError as e:
        if e.code != "empty":
            raise OracleError(e.code) from None
    else:
        raise VectorBug("no data but no error")


def metric_est(metric: str, mopts: dict, xs: list, ws: list | None):
    """(score, Est) of the valid rows xs (weights ws when the input is weighted), or None
    when the metric is undefined (no valid row, or a total weight of zero)."""
    if not xs:
        return None
    if ws is not None and math.fsum(ws) == 0.0:
        return None
    est = oracle_stats.survey_estimate(oracle_stats.survey(metric, xs, ws, **mopts))
    ref = oracle_survey.oracle(metric, xs, ws, mopts)["score"]
    return ref, est


def default_interval(est, level: float):
    try:
        iv = oracle_stats.interval(est, level, oracle_stats.DEFAULT_METHOD[est.kind])
    except oracle_stats.OracleError:  # a mean from n_eff <= 1: no t interval
        return None, None
    return iv["lower"], iv["upper"]


def classify_rows(scores: list, weights: list | None, lo: int, hi: int, skip: bool):
    """Per row: ("valid", x, w) | ("missing",) | ("invalid",). Raises the first row error
    (index order; a score problem before a weight problem)."""
    out = []
    for i, s in enumerate(scores):
        if s is None:
            out.append(("missing",))
            continue
        x = _num(s)
        if math.isnan(x):
            raise VectorBug("write missing scores as null")
        code = None
        if not math.isfinite(x):
            code = "not_finite"
        elif x < lo or x > hi:
            code = "out_of_scale"
        elif x != math.floor(x):
            code = "not_integer"
        w = 1.0
        if code is None and weights is not None:
            w = _num(weights[i])
            if not (math.isfinite(w) and w >= 0):
                code = "invalid_weight"
        if code is not None:
            if not skip:
                raise OracleError(code, i)
            out.append(("invalid",))
            continue
        out.append(("valid", int(x), w))
    return out


def group_stats(metric, mopts, rows, idx, weighted, level):
    xs = [rows[i][1] for i in idx if rows[i][0] == "valid"]
    ws = [rows[i][2] for i in idx if rows[i][0] == "valid"] if weighted else None
    r = metric_est(metric, mopts, xs, ws)
    out = {
        "n": len(xs),
        "missing": sum(1 for i in idx if rows[i][0] == "missing"),
        "invalid": sum(1 for i in idx if rows[i][0] == "invalid"),
        "sum_weights": math.fsum(ws) if weighted else float(len(xs)),
        "score": None, "lower": None, "upper": None, "est": None,
    }
    if r is not None:
        score, est = r
        lo, hi = default_interval(est, level)
        out.update(score=score, lower=lo, upper=hi, est=est)
    return out


def split_options(opts: dict, extra: set):
    allowed = {"metric", "on_invalid", "min_n", "level"} | set(METRIC_OPTION_KEYS) | extra
    if set(opts) - allowed:
        raise VectorBug(f"unknown options {set(opts) - allowed}")
    metric = opts.get("metric", "nps")
    mopts = {k: opts[k] for k in METRIC_OPTION_KEYS if k in opts}
    on_invalid = opts.get("on_invalid", "error")
    if on_invalid not in ("error", "skip"):
        raise VectorBug("on_invalid")
    min_n = opts.get("min_n", 30)
    if not (_is_int(min_n) and min_n >= 0):
        raise VectorBug("min_n must be an integer >= 0")
    level = _num(opts.get("level", 0.95))
    if not (0.0 < level < 1.0):
        # the core drops the interval silently (Estimate::interval(..).ok()): unpinned
        raise VectorBug("segment / trend levels outside (0, 1) are not pinned")
    return metric, mopts, on_invalid == "skip", min_n, level


# --------------------------------------------------------------------------
# Segments
# --------------------------------------------------------------------------


def key_sort(key: tuple):
    """KeyPart order: Int before Str, ints numerically, strings by UTF-8 bytes."""
    return tuple((0, v, b"") if _is_int(v) else (1, 0, v.encode("utf-8")) for v in key)


def f_segment(c: dict) -> dict:
    scores, keys, weights = c["scores"], c["keys"], c["weights"]
    metric, mopts, skip, min_n, level = split_options(c["options"], set())
    if metric not in METRICS:
        raise OracleError("invalid_argument")
    lo, hi = scale_of(metric, mopts)
    if hi <= lo or hi - lo + 1 > oracle_survey.MAX_POINTS:
        raise OracleError("invalid_scale")
    if not keys:
        raise VectorBug("at least one key column")
    for col in keys:
        for v in col:
            if not (_is_int(v) and abs(v) < 2**31 or isinstance(v, str)):
                raise VectorBug(f"key values are str or (small) int, got {v!r}")
        if len(col) != len(scores):
            raise OracleError("length_mismatch")
    if weights is not None and len(weights) != len(scores):
        raise OracleError("length_mismatch")
    rows = classify_rows(scores, weights, lo, hi, skip)
    check_metric_options(metric, mopts)
    weighted = weights is not None

    everything = list(range(len(scores)))
    overall = group_stats(metric, mopts, rows, everything, weighted, level)
    if overall["n"] == 0:
        raise OracleError("empty")
    if overall["sum_weights"] == 0.0:
        raise VectorBug("a total weight of zero across all segments is not pinned")
    total = overall["sum_weights"]

    df = pd.DataFrame({f"k{j}": pd.Series(col, dtype=object) for j, col in enumerate(keys)})
    groups = df.groupby(list(df.columns), sort=False, dropna=False).indices
    out_rows = []
    for gkey, gidx in groups.items():
        key = tuple(gkey) if isinstance(gkey, tuple) else (gkey,)
        key = tuple(int(v) if isinstance(v, (int, np.integer)) else str(v) for v in key)
        idx = [int(i) for i in gidx]
        if [tuple(col[i] for col in keys) for i in idx] != [key] * len(idx):
            raise VectorBug("pandas grouping disagrees with the key columns")
        g = group_stats(metric, mopts, rows, idx, weighted, level)
        inside = set(idx)
        rest = [i for i in everything if i not in inside]
        r = group_stats(metric, mopts, rows, rest, weighted, level)
        if r["n"] > 0 and r["score"] is None:
            raise VectorBug("a rest with only zero weights is not pinned (rounding residue)")
        impact = None if r["score"] is None else overall["score"] - r["score"]
        out_rows.append((key_sort(key), seg_row(list(key), g, total, min_n, impact)))
    out_rows.sort(key=lambda t: t[0])
    if len({k for k, _ in out_rows}) != len(out_rows):
        raise VectorBug("duplicate keys")
    if sum(r["n"] for _, r in out_rows) != overall["n"]:
        raise VectorBug("segment n do not add up")
    return {"rows": [r for _, r in out_rows],
            "overall": seg_row([], overall, total, min_n, None)}


def seg_row(key, g, total, min_n, impact):
    return {"key": key, "n": g["n"], "missing": g["missing"], "invalid": g["invalid"],
            "share": g["sum_weights"] / total if total > 0 else 0.0,
            "score": g["score"], "lower": g["lower"], "upper": g["upper"],
            "low_n": g["n"] < min_n, "impact": impact}


# --------------------------------------------------------------------------
# Trends
# --------------------------------------------------------------------------

_ZONES: dict = {}


def load_zone(name: str):
    if name in _ZONES:
        return _ZONES[name]
    path = TZ_ROOT / name
    if (not isinstance(name, str) or ".." in name
            or not re.fullmatch(r"[A-Za-z0-9_+\-]+(/[A-Za-z0-9_+\-]+)*", name)
            or not path.is_file()):
        raise OracleError("unknown_time_zone")
    with open(path, "rb") as f:
        if f.read(4) != b"TZif":
            raise OracleError("unknown_time_zone")
        f.seek(0)
        tz = zoneinfo.ZoneInfo.from_file(f, key=name)
    _ZONES[name] = tz
    return tz


def tzdata_version() -> str:
    zi = TZ_ROOT / "tzdata.zi"
    v = "unknown"
    if zi.is_file():
        first = zi.read_text(encoding="utf-8").splitlines()[0]
        if first.startswith("# version "):
            v = first[len("# version "):].strip()
    deb = "unknown"
    status = Path("/var/lib/dpkg/status")
    if status.is_file():
        block = None
        for line in status.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("Package: "):
                block = line[len("Package: "):].strip()
            elif block == "tzdata" and line.startswith("Version: "):
                deb = line[len("Version: "):].strip()
                break
    return f"{v} (Debian package tzdata {deb})"


def period_start(d: date, period: str) -> date:
    if period == "day":
        return d
    if period == "week":
        return d - timedelta(days=d.weekday())  # Monday
    if period == "month":
        return d.replace(day=1)
    return date(d.year, (d.month - 1) // 3 * 3 + 1, 1)


def period_label(start: date, period: str) -> str:
    if period == "day":
        return start.isoformat()
    if period == "week":
        y, w, _ = start.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if period == "month":
        return f"{start.year:04d}-{start.month:02d}"
    return f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"


def local_dates(times: list, tz_name: str, tz) -> list:
    out = []
    for s in times:
        if not isinstance(s, str):
            raise VectorBug("times are ISO 8601 strings")
        t = datetime.fromisoformat(s)
        if t.tzinfo is None:
            raise VectorBug("times need an offset or Z")
        out.append(t.astimezone(tz).date())
    if times:  # cross-check with pandas' own tz conversion
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pdl = pd.to_datetime(pd.Series(times), utc=True, format="ISO8601") \
                .dt.tz_convert(tz_name)
        if [d.date() for d in pdl] != out:
            raise VectorBug("pandas and zoneinfo disagree on local dates")
    return out


def pandas_period_start(d: date, period: str) -> date:
    freq = {"day": "D", "week": "W-SUN", "month": "M", "quarter": "Q"}[period]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pd.Period(pd.Timestamp(d), freq=freq).start_time.date()


def trend_compare(a, b):
    """(change, p_value) of a − b by the default comparison of the kind, or None when the
    comparison is undefined (insufficient data)."""
    diff = est_value(a) - est_value(b)
    if a.kind == "net":
        ca, va, na = oracle_stats.net_adjusted(a)
        cb, vb, nb = oracle_stats.net_adjusted(b)
        z = (ca - cb) / math.sqrt(va / na + vb / nb)
        p = float(2.0 * stats.norm.sf(abs(z)))
    elif a.kind == "proportion":
        pbar = (a.x + b.x) / (a.n + b.n)
        if pbar in (0.0, 1.0):
            p = 1.0
        else:
            p = float(proportions_ztest([a.x, b.x], [a.n, b.n])[1])
    else:
        if a.s is None or b.s is None or a.n <= 1 or b.n <= 1 or (a.s == 0 and b.s == 0):
            return None
        fa, fb = a.factor, b.factor
        r = stats.ttest_ind_from_stats(fa * a.m, fa * a.s, a.n, fb * b.m, fb * b.s, b.n,
                                       equal_var=False)
        p = float(r.pvalue)
    try:  # cross-check with the stats oracle where it applies
        ref = oracle_stats.compare(a, b, 0.95, None)
    except VectorBug:
        pass  # a Welch interval beyond the scale span: irrelevant here
    else:
        if abs(ref["p_value"] - p) > 1e-12 or abs(ref["difference"] - diff) > 1e-9:
            raise VectorBug("trend comparison disagrees with oracle_stats.compare")
    return diff, p


def est_value(e) -> float:
    if e.kind == "net":
        return 100.0 * (e.p - e.d)
    if e.kind == "proportion":
        return 100.0 * e.p
    return e.factor * e.m


def f_trend(c: dict) -> dict:
    scores, times, weights, opts = c["scores"], c["times"], c["weights"], c["options"]
    metric, mopts, skip, min_n, level = split_options(
        opts, {"period", "time_zone", "adjust", "alpha", "rolling_days"})
    if metric not in METRICS:
        raise OracleError("invalid_argument")
    period = opts.get("period", "month")
    adjust = opts.get("adjust", "holm")
    if period not in PERIODS or adjust not in ADJUST:
        raise OracleError("invalid_argument")
    tz_name = opts.get("time_zone", "UTC")
    tz = load_zone(tz_name)
    lo, hi = scale_of(metric, mopts)
    if hi <= lo or hi - lo + 1 > oracle_survey.MAX_POINTS:
        raise OracleError("invalid_scale")
    if len(times) != len(scores):
        raise OracleError("length_mismatch")
    if weights is not None and len(weights) != len(scores):
        raise OracleError("length_mismatch")
    rows = classify_rows(scores, weights, lo, hi, skip)
    rolling = opts.get("rolling_days")
    if rolling is not None:
        if not _is_int(rolling):
            raise VectorBug("rolling_days is an integer")
        if period != "day" or rolling < 1:
            raise OracleError("invalid_argument")
    alpha = _num(opts.get("alpha", 0.05))
    if not (0.0 < alpha < 1.0):
        raise OracleError("invalid_argument")
    if scores:
        check_metric_options(metric, mopts)
    weighted = weights is not None

    dates = local_dates(times, tz_name, tz)
    starts = [period_start(d, period) for d in dates]
    for d, s in zip(dates, starts):
        if pandas_period_start(d, period) != s:
            raise VectorBug("pandas to_period disagrees on the period start")
    if rolling is None:
        grouped = pd.Series(range(len(starts)), dtype="int64").groupby(
            pd.Series(starts, dtype=object), sort=True).indices
        windows = [(s, period_label(s, period), [int(i) for i in grouped[s]])
                   for s in sorted(grouped)]
    else:
        windows = []
        for d in sorted(set(dates)):
            first = d - timedelta(days=rolling)  # window (d − N, d]
            idx = [i for i, x in enumerate(dates) if first < x <= d]
            windows.append((d, f"{d.isoformat()} (last {rolling} d)", idx))

    out, ests = [], []
    for start, label, idx in windows:
        g = group_stats(metric, mopts, rows, idx, weighted, level)
        out.append({"start": start.isoformat(), "label": label, "n": g["n"],
                    "missing": g["missing"], "score": g["score"], "lower": g["lower"],
                    "upper": g["upper"], "low_n": g["n"] < min_n, "change": None,
                    "p_value": None, "p_adjusted": None, "significant": False})
        ests.append(g["est"])
    compared, prev = [], None
    for i, r in enumerate(out):
        if ests[i] is None or r["low_n"]:
            continue
        if prev is not None:
            cmp = trend_compare(ests[i], ests[prev])
            if cmp is not None:
                r["change"], r["p_value"] = cmp
                compared.append(i)
        prev = i
    if compared:
        adj = multipletests(np.array([out[i]["p_value"] for i in compared], dtype=np.float64),
                            method=ADJUST[adjust])[1]
        for i, p in zip(compared, adj):
            p = float(p)
            if abs(p - alpha) < 1e-6:
                raise Fragile(f"adjusted p {p} too close to alpha {alpha}")
            out[i]["p_adjusted"] = p
            out[i]["significant"] = p < alpha
    return {"rows": out}


# --------------------------------------------------------------------------
# Case building
# --------------------------------------------------------------------------

EVAL = {"conversion_rate": f_conversion, "churn_rate": f_churn, "retention_rate": f_retention,
        "clv_from_churn": f_clv_churn, "clv_from_retention": f_clv_retention,
        "segment": f_segment, "trend": f_trend}
CASES: list[dict] = []
_SOURCE: dict[str, str] = {}


def _get(result, path: str):
    v = result
    for part in path.split("."):
        v = v[int(part)] if isinstance(v, list) else v[part]
    return v


def case(cid: str, fn: str, *, error: str | None = None, index: int | None = None,
         check: dict | None = None, check_tol: float = 1e-12, note: str | None = None,
         source: str = "hand", **payload) -> dict:
    """Add one case. Hand-written cases state their intent (an error code and index, or
    literal values in `check` keyed by a dotted path such as "rows.0.score"); the
    oracle's result must agree."""
    if cid in _SOURCE:
        raise VectorBug(f"duplicate id {cid}")
    if not cid.startswith(fn + "/"):
        raise VectorBug(f"id {cid} must start with {fn}/")
    c = {"id": cid, "function": fn}
    order = {"segment": ("scores", "keys", "weights", "options"),
             "trend": ("scores", "times", "weights", "options")}.get(fn, ("args", "options"))
    for k in order:
        if k in payload:
            c[k] = payload.pop(k)
        elif k == "weights":
            c[k] = None
        elif k == "options" and fn in ("segment", "trend"):
            c[k] = {}
    if payload:
        raise VectorBug(f"unknown case keys {set(payload)}")
    try:
        result, err = EVAL[fn](c), None
    except OracleError as e:
        result, err = None, e
    if error is not None:
        if err is None:
            raise VectorBug(f"{cid}: expected error {error}, oracle computed a result")
        if err.code != error or err.index != index:
            raise VectorBug(f"{cid}: expected {error}@{index}, oracle gave {err}")
        c["expected_error"] = err.as_json()
    else:
        if err is not None:
            raise VectorBug(f"{cid}: unexpected oracle error {err}")
        for path, want in (check or {}).items():
            got = _get(result, path)
            if isinstance(want, float) and got is not None and not isinstance(got, bool):
                ok = abs(got - want) <= check_tol
            else:
                ok = got == want
            if not ok:
                raise VectorBug(f"{cid}: check {path}: expected {want!r}, oracle gave {got!r}")
        c["expected"] = result
        c["tolerance"] = TOL
    if note:
        c["note"] = note
    CASES.append(c)
    _SOURCE[cid] = source
    return c


# ----- helpers for hand-written data ---------------------------------------


def spread(counts: dict, stride: int = 7919) -> list:
    """Scores from {score: count}, deterministically interleaved (no rng)."""
    flat = [s for s, k in sorted(counts.items(), key=lambda t: str(t[0])) for _ in range(k)]
    n = len(flat)
    order = sorted(range(n), key=lambda i: ((i * stride) % max(n, 1), i))
    return [flat[i] for i in order]


def iso(t: datetime, offset: str = "Z") -> str:
    """An instant as ISO 8601 text with the given offset ("Z" or "+02:00")."""
    if offset == "Z":
        return t.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    sign = 1 if offset[0] == "+" else -1
    h, m = int(offset[1:3]), int(offset[4:6])
    return t.astimezone(timezone(sign * timedelta(hours=h, minutes=m))).isoformat()


def utc(*a) -> datetime:
    return datetime(*a, tzinfo=timezone.utc)


def month_times(year: int, month: int, n: int, hour0: int = 6) -> list:
    """n instants spread over the middle of a month (days 2..27), in UTC."""
    out = []
    for i in range(n):
        day = 2 + (i * 13) % 26
        out.append(iso(utc(year, month, day, (hour0 + i * 5) % 24, (i * 17) % 60)))
    return out


def nps_counts_scores(promoters: int, passives: int, detractors: int) -> list:
    counts = Counter()
    for i in range(promoters):
        counts[(9, 10)[i % 2]] += 1
    for i in range(passives):
        counts[(7, 8)[i % 2]] += 1
    for i in range(detractors):
        counts[(0, 3, 5, 6, 6)[i % 5]] += 1
    return spread(dict(counts))


# --------------------------------------------------------------------------
# Hand-written cases
# --------------------------------------------------------------------------


def business_cases():
    # ---------------------------------------------------------- conversion_rate
    case("conversion_rate/45-of-1500", "conversion_rate",
         args={"conversions": 45, "interactions": 1500},
         check={"score": 3.0}, note="the rustdoc example: 3 %; Wilson 95 % interval")
    case("conversion_rate/45-of-1500-level-90", "conversion_rate",
         args={"conversions": 45, "interactions": 1500}, options={"level": 0.9})
    case("conversion_rate/45-of-1500-level-99", "conversion_rate",
         args={"conversions": 45, "interactions": 1500}, options={"level": 0.99})
    case("conversion_rate/70-of-100-wilson-reference", "conversion_rate",
         args={"conversions": 70, "interactions": 100},
         check={"lower": 60.4151, "upper": 78.1051}, check_tol=1e-4,
         note="reference §3.10: Wilson [0.604151, 0.781051]")
    case("conversion_rate/zero-conversions", "conversion_rate",
         args={"conversions": 0, "interactions": 250}, check={"score": 0.0, "lower": 0.0},
         note="0 conversions is 0 %, not an error; Wilson upper > 0")
    case("conversion_rate/all-converted", "conversion_rate",
         args={"conversions": 12, "interactions": 12}, check={"score": 100.0, "upper": 100.0})
    case("conversion_rate/one-of-one", "conversion_rate",
         args={"conversions": 1, "interactions": 1})
    case("conversion_rate/large", "conversion_rate",
         args={"conversions": 31337, "interactions": 1234567})
    case("conversion_rate/one-third", "conversion_rate",
         args={"conversions": 1, "interactions": 3}, check={"score": 100 / 3}, check_tol=1e-13)
    case("conversion_rate/error-more-conversions-than-interactions", "conversion_rate",
         args={"conversions": 11, "interactions": 10}, error="invalid_argument",
         note="a conversion needs an interaction")
    case("conversion_rate/error-zero-interactions", "conversion_rate",
         args={"conversions": 0, "interactions": 0}, error="empty")
    case("conversion_rate/error-negative-conversions", "conversion_rate",
         args={"conversions": -1, "interactions": 10}, error="invalid_argument")
    case("conversion_rate/error-negative-interactions", "conversion_rate",
         args={"conversions": 1, "interactions": -10}, error="invalid_argument")
    case("conversion_rate/error-nan-conversions", "conversion_rate",
         args={"conversions": "nan", "interactions": 10}, error="invalid_argument")
    case("conversion_rate/error-infinite-interactions", "conversion_rate",
         args={"conversions": 1, "interactions": "inf"}, error="invalid_argument")
    case("conversion_rate/error-level-1", "conversion_rate",
         args={"conversions": 5, "interactions": 10}, options={"level": 1.0},
         error="invalid_argument", note="the interval's level must lie in (0, 1)")

    # ---------------------------------------------------------- churn_rate
    case("churn_rate/monthly-10pct-compound", "churn_rate",
         args={"churned": 100, "start": 1000}, options={"periods_per_year": 12},
         check={"score": 10.0, "annualized": 71.75704635190001}, check_tol=1e-9,
         note="10 % a month compounds to 1 - 0.9^12 = 71.76 % a year, not 120 %")
    case("churn_rate/monthly-10pct-simple", "churn_rate",
         args={"churned": 100, "start": 1000},
         options={"periods_per_year": 12, "annualize": "simple"},
         check={"score": 10.0, "annualized": 120.0},
         note="simple annualisation 12 x 10 % = 120 % overstates annual churn")
    case("churn_rate/monthly-10pct-compound-explicit", "churn_rate",
         args={"churned": 100, "start": 1000},
         options={"periods_per_year": 12, "annualize": "compound"},
         check={"annualized": 71.75704635190001}, check_tol=1e-9)
    case("churn_rate/rustdoc-5pct", "churn_rate",
         args={"churned": 50, "start": 1000}, options={"periods_per_year": 12},
         check={"score": 5.0, "annualized": 45.96399198}, check_tol=1e-6,
         note="the rustdoc example: 5 % a month -> 45.96 % a year (not 60 %)")
    case("churn_rate/no-annualisation", "churn_rate",
         args={"churned": 37, "start": 820}, check={"annualized": None},
         note="no periods_per_year: annualized is null")
    case("churn_rate/weekly-52", "churn_rate",
         args={"churned": 3, "start": 1200}, options={"periods_per_year": 52})
    case("churn_rate/quarterly-4-simple", "churn_rate",
         args={"churned": 45, "start": 600},
         options={"periods_per_year": 4, "annualize": "simple"}, check={"annualized": 30.0},
         check_tol=1e-12)
    case("churn_rate/fractional-periods-per-year", "churn_rate",
         args={"churned": 9, "start": 700}, options={"periods_per_year": 52.1775},
         note="k need not be an integer (weeks per year)")
    case("churn_rate/up-for-renewal", "churn_rate",
         args={"churned": 30, "start": 1000},
         options={"denominator": "up_for_renewal", "up_for_renewal": 120},
         check={"score": 25.0, "n": 120.0},
         note="Displayr: churn over the customers up for renewal (annual contracts)")
    case("churn_rate/up-for-renewal-annualised", "churn_rate",
         args={"churned": 30, "start": 1000},
         options={"denominator": "up_for_renewal", "up_for_renewal": 120, "periods_per_year": 12})
    case("churn_rate/average-denominator", "churn_rate",
         args={"churned": 50, "start": 1000}, options={"denominator": "average", "end": 1100},
         check={"n": 1050.0, "score": 100 * 50 / 1050}, check_tol=1e-12,
         note="(start + end) / 2 = 1050")
    case("churn_rate/average-half-customer", "churn_rate",
         args={"churned": 20, "start": 1000}, options={"denominator": "average", "end": 1001},
         check={"n": 1000.5}, note="a non-integer denominator; Wilson with n = 1000.5")
    case("churn_rate/zero-churn", "churn_rate",
         args={"churned": 0, "start": 500}, options={"periods_per_year": 12},
         check={"score": 0.0, "annualized": 0.0})
    case("churn_rate/all-churned", "churn_rate",
         args={"churned": 40, "start": 40}, options={"periods_per_year": 12},
         check={"score": 100.0, "annualized": 100.0})
    case("churn_rate/level-80", "churn_rate",
         args={"churned": 12, "start": 150}, options={"level": 0.8})
    case("churn_rate/error-churned-exceeds-start", "churn_rate",
         args={"churned": 1001, "start": 1000}, error="invalid_argument",
         note="churn cannot exceed 100 %")
    case("churn_rate/error-churned-exceeds-up-for-renewal", "churn_rate",
         args={"churned": 130, "start": 1000},
         options={"denominator": "up_for_renewal", "up_for_renewal": 120},
         error="invalid_argument", note="the base is the renewals, not the start")
    case("churn_rate/error-churned-exceeds-average", "churn_rate",
         args={"churned": 80, "start": 100}, options={"denominator": "average", "end": 40},
         error="invalid_argument", note="base (100 + 40) / 2 = 70 < 80")
    case("churn_rate/error-zero-start", "churn_rate",
         args={"churned": 0, "start": 0}, error="empty")
    case("churn_rate/error-zero-up-for-renewal", "churn_rate",
         args={"churned": 0, "start": 100},
         options={"denominator": "up_for_renewal", "up_for_renewal": 0}, error="empty")
    case("churn_rate/error-periods-per-year-zero", "churn_rate",
         args={"churned": 10, "start": 100}, options={"periods_per_year": 0},
         error="invalid_argument")
    case("churn_rate/error-periods-per-year-negative", "churn_rate",
         args={"churned": 10, "start": 100}, options={"periods_per_year": -12},
         error="invalid_argument")
    case("churn_rate/error-periods-per-year-inf", "churn_rate",
         args={"churned": 10, "start": 100}, options={"periods_per_year": "inf"},
         error="invalid_argument")
    case("churn_rate/error-negative-churned", "churn_rate",
         args={"churned": -1, "start": 100}, error="invalid_argument")
    case("churn_rate/error-nan-start", "churn_rate",
         args={"churned": 1, "start": "nan"}, error="invalid_argument")
    case("churn_rate/error-negative-end", "churn_rate",
         args={"churned": 1, "start": 100}, options={"denominator": "average", "end": -5},
         error="invalid_argument")
    case("churn_rate/error-unknown-denominator", "churn_rate",
         args={"churned": 1, "start": 100}, options={"denominator": "end"},
         error="invalid_argument")
    case("churn_rate/error-unknown-annualize", "churn_rate",
         args={"churned": 1, "start": 100}, options={"periods_per_year": 12, "annualize": "linear"},
         error="invalid_argument")

    # ---------------------------------------------------------- retention_rate
    case("retention_rate/rustdoc-95", "retention_rate",
         args={"start": 1000, "end": 1030, "new": 80},
         check={"score": 95.0, "count": 950.0, "n": 1000.0},
         note="(1030 - 80) / 1000 = 95 %")
    case("retention_rate/full-retention", "retention_rate",
         args={"start": 200, "end": 260, "new": 60},
         check={"score": 100.0, "upper": 100.0})
    case("retention_rate/none-retained", "retention_rate",
         args={"start": 50, "end": 12, "new": 12},
         check={"score": 0.0, "lower": 0.0})
    case("retention_rate/small", "retention_rate",
         args={"start": 7, "end": 9, "new": 4},
         options={"level": 0.9})
    case("retention_rate/large", "retention_rate",
         args={"start": 84210, "end": 90112, "new": 11873})
    case("retention_rate/error-zero-start", "retention_rate",
         args={"start": 0, "end": 10, "new": 10},
         error="empty")
    case("retention_rate/error-new-exceeds-end", "retention_rate",
         args={"start": 100, "end": 90, "new": 95}, error="invalid_argument")
    case("retention_rate/error-retained-exceeds-start", "retention_rate",
         args={"start": 100, "end": 130, "new": 20}, error="invalid_argument",
         note="110 retained of 100: new customers must be counted in `new`")
    case("retention_rate/error-negative-end", "retention_rate",
         args={"start": 100, "end": -1, "new": 0}, error="invalid_argument")
    case("retention_rate/error-nan-new", "retention_rate",
         args={"start": 100, "end": 90, "new": "nan"}, error="invalid_argument")

    # ---------------------------------------------------------- clv
    case("clv_from_churn/rustdoc-1000", "clv_from_churn",
         args={"arpu": 50, "margin": 0.8, "churn": 4}, check={"value": 1000.0}, check_tol=1e-9,
         note="50 x 0.8 / 0.04")
    case("clv_from_churn/revenue-margin-1", "clv_from_churn",
         args={"arpu": 50, "margin": 1, "churn": 4}, check={"value": 1250.0}, check_tol=1e-9,
         note="margin 1 = revenue lifetime value; equals clv_from_retention(50, 96)")
    case("clv_from_churn/churn-100", "clv_from_churn",
         args={"arpu": 29.9, "margin": 0.65, "churn": 100}, check={"value": 29.9 * 0.65},
         check_tol=1e-12, note="every customer leaves after one period")
    case("clv_from_churn/margin-0", "clv_from_churn",
         args={"arpu": 120, "margin": 0, "churn": 2.5}, check={"value": 0.0})
    case("clv_from_churn/small-churn", "clv_from_churn",
         args={"arpu": 19.99, "margin": 0.72, "churn": 0.35})
    case("clv_from_churn/error-churn-0", "clv_from_churn",
         args={"arpu": 50, "margin": 0.8, "churn": 0}, error="invalid_argument",
         note="churn 0 = infinite lifetime: the model does not apply")
    case("clv_from_churn/error-churn-over-100", "clv_from_churn",
         args={"arpu": 50, "margin": 0.8, "churn": 100.5}, error="invalid_argument")
    case("clv_from_churn/error-churn-negative", "clv_from_churn",
         args={"arpu": 50, "margin": 0.8, "churn": -3}, error="invalid_argument")
    case("clv_from_churn/error-margin-over-1", "clv_from_churn",
         args={"arpu": 50, "margin": 70, "churn": 4}, error="invalid_argument",
         note="margin is a fraction (0.7 for 70 %)")
    case("clv_from_churn/error-margin-negative", "clv_from_churn",
         args={"arpu": 50, "margin": -0.1, "churn": 4}, error="invalid_argument")
    case("clv_from_churn/error-arpu-negative", "clv_from_churn",
         args={"arpu": -50, "margin": 0.8, "churn": 4}, error="invalid_argument")
    case("clv_from_churn/error-arpu-nan", "clv_from_churn",
         args={"arpu": "nan", "margin": 0.8, "churn": 4}, error="invalid_argument")
    case("clv_from_retention/profitwell-96", "clv_from_retention",
         args={"arpu": 50, "retention": 96}, check={"value": 1250.0}, check_tol=1e-9,
         note="ARPU / (1 - retention)")
    case("clv_from_retention/retention-0", "clv_from_retention",
         args={"arpu": 42, "retention": 0}, check={"value": 42.0})
    case("clv_from_retention/fractional", "clv_from_retention",
         args={"arpu": 12.5, "retention": 87.3})
    case("clv_from_retention/error-retention-100", "clv_from_retention",
         args={"arpu": 50, "retention": 100}, error="invalid_argument",
         note="100 % retention = infinite lifetime")
    case("clv_from_retention/error-retention-over-100", "clv_from_retention",
         args={"arpu": 50, "retention": 101}, error="invalid_argument")
    case("clv_from_retention/error-retention-negative", "clv_from_retention",
         args={"arpu": 50, "retention": -1}, error="invalid_argument")
    case("clv_from_retention/error-arpu-negative", "clv_from_retention",
         args={"arpu": -0.01, "retention": 90}, error="invalid_argument")
    case("clv_from_retention/error-arpu-inf", "clv_from_retention",
         args={"arpu": "inf", "retention": 90}, error="invalid_argument")


def segment_cases():
    # ---- overall NPS is not the mean of segment NPS: segments of 12 and 5,000
    small = [10, 9, 10, 10, 9, 10, 9, 10, 10, 9, 10, 9]
    big = nps_counts_scores(1000, 2000, 2000)
    scores, chan = [], []
    bi = si = 0
    for i in range(len(small) + len(big)):
        if i % 400 == 7 and si < len(small):
            scores.append(small[si])
            chan.append("small")
            si += 1
        else:
            scores.append(big[bi])
            chan.append("big")
            bi += 1
    assert si == len(small) and bi == len(big)
    overall = 100 * (1012 - 2000) / 5012
    case("segment/nps-overall-is-not-mean-of-segments", "segment", scores=scores, keys=[chan],
         options={"metric": "nps", "min_n": 30, "level": 0.95},
         check={"overall.score": overall, "rows.0.key": ["big"], "rows.0.score": -20.0,
                "rows.1.score": 100.0, "rows.1.low_n": True, "rows.1.n": 12,
                "rows.1.impact": overall + 20.0, "rows.0.impact": overall - 100.0,
                "rows.1.share": 12 / 5012, "overall.share": 1.0},
         check_tol=1e-9,
         note="12 promoters and a 5,000-response segment at NPS -20: the overall NPS is the "
              "merged (1012 - 2000) / 5012 = -19.71, not the mean of 100 and -20 (= 40)")

    # ---- rustdoc example
    case("segment/rustdoc-chat-email", "segment", scores=[10, 9, 0, 3, 10],
         keys=[["chat", "chat", "email", "email", "email"]],
         options={"metric": "nps", "min_n": 30},
         check={"rows.0.score": 100.0, "rows.1.score": -100 / 3, "overall.score": 20.0},
         check_tol=1e-12, note="overall (3 - 2) / 5 = 20, not the mean of 100 and -33.3")

    # ---- multi-column keys with ints and strings
    chans = ["chat", "email", "phone"]
    regions = [10, 2, 1, -3]
    sc, k1, k2 = [], [], []
    base = [10, 9, 8, 7, 6, 3, 9, 10, 0, 8, 9, 5, 10, 7, 9]
    for i in range(150):
        k1.append(chans[i % 3])
        k2.append(regions[(i // 3 + i // 17) % 4])
        sc.append(base[(i * 11) % len(base)])
    case("segment/multi-column-str-int", "segment", scores=sc, keys=[k1, k2],
         options={"metric": "nps", "min_n": 10},
         check={"rows.0.key": ["chat", -3], "rows.1.key": ["chat", 1], "rows.2.key": ["chat", 2],
                "rows.3.key": ["chat", 10]},
         note="two key columns (channel str, region int); ints sort numerically (-3, 1, 2, 10), "
              "keys compare part by part")
    case("segment/multi-column-int-str", "segment", scores=sc, keys=[k2, k1],
         options={"metric": "nps", "min_n": 10},
         check={"rows.0.key": [-3, "chat"], "rows.11.key": [10, "phone"]},
         note="the same data keyed (region, channel)")
    case("segment/mixed-int-and-str-in-one-column", "segment",
         scores=[5, 4, 3, 5, 2, 4, 5, 1, 4, 3, 5, 4],
         keys=[["b", 2, "a", 10, "B", 2, "a", "10", 10, "b", -1, "B"]],
         options={"metric": "csat", "min_n": 2},
         check={"rows.0.key": [-1], "rows.1.key": [2], "rows.2.key": [10], "rows.3.key": ["10"],
                "rows.4.key": ["B"], "rows.5.key": ["a"], "rows.6.key": ["b"]},
         note="KeyPart order: every Int before every Str; 10 and \"10\" are different keys; "
              "strings by bytes (\"10\" < \"B\" < \"a\" < \"b\")")
    case("segment/utf8-byte-order", "segment",
         scores=[9, 10, 3, 8, 9, 10, 7, 6, 10, 9, 2, 10],
         keys=[["Zug", "Zürich", "zoo", "Zug", "Émile", "Zürich", "Zz", "zoo", "Émile", "Zz",
                "Zug", "Zürich"]],
         options={"metric": "nps", "min_n": 1},
         check={"rows.0.key": ["Zug"], "rows.1.key": ["Zz"], "rows.2.key": ["Zürich"],
                "rows.3.key": ["zoo"], "rows.4.key": ["Émile"]},
         note="strings by UTF-8 bytes: 'Zug' < 'Zz' < 'Zürich' (0xC3) < 'zoo' < 'Émile' "
              "(0xC3 0x89)")

    # ---- weighted segments
    ws_scores = [10, 9, 7, 3, 10, 0, 8, 9, 6, 10, 9, 5, 10, 8, 2, 9, 10, 7, 9, 4]
    ws_w = [1.5, 0.5, 2.0, 1.0, 0.8, 3.0, 1.2, 0.7, 1.1, 2.4, 0.9, 1.3, 0.6, 1.7, 2.2, 1.0, 0.4,
            1.8, 1.6, 0.5]
    ws_k = ["web", "app", "web", "app", "store", "web", "app", "store", "web", "app", "store",
            "web", "app", "store", "web", "app", "web", "store", "app", "web"]
    case("segment/weighted-nps", "segment", scores=ws_scores, keys=[ws_k], weights=ws_w,
         options={"metric": "nps", "min_n": 5},
         note="weighted: shares of Σw, n_eff for the intervals, share = Σw(segment) / Σw(all)")
    case("segment/weighted-csat-top-box", "segment",
         scores=[5, 4, 3, 5, 2, 4, 5, 1, 4, 3, 5, 4, 5, 5, 3, 4], keys=[[
             1, 1, 2, 2, 1, 2, 3, 3, 1, 2, 3, 1, 2, 3, 3, 1]],
         weights=[1.2, 0.8, 1.0, 2.0, 0.5, 1.5, 1.0, 0.7, 1.3, 2.2, 1.0, 0.6, 0.9, 1.1, 1.4, 0.8],
         options={"metric": "csat", "min_n": 5}, note="weighted Wilson with x = p·n_eff")
    case("segment/weighted-mean", "segment",
         scores=[4, 5, 2, 3, 5, 4, 1, 5, 3, 4, 2, 5],
         keys=[["a", "b", "a", "b", "a", "b", "a", "b", "a", "b", "a", "b"]],
         weights=[1.0, 2.0, 0.5, 1.5, 3.0, 1.0, 0.8, 0.6, 1.2, 1.4, 2.0, 0.9],
         options={"metric": "mean", "scale": [1, 5], "min_n": 3},
         note="weighted t interval: Kish-weighted sd, df = n_eff - 1")
    case("segment/weighted-zero-weight-segment", "segment",
         scores=[10, 9, 3, 8, 10, 6, 9], keys=[["x", "x", "y", "z", "z", "y", "x"]],
         weights=[1.0, 2.0, 0.0, 1.5, 0.5, 0.0, 1.0],
         options={"metric": "nps", "min_n": 1},
         check={"rows.1.key": ["y"], "rows.1.n": 2, "rows.1.score": None, "rows.1.share": 0.0,
                "rows.1.impact": 0.0},
         note="a segment whose weights are all 0: n = 2 but no weighted score (null), share 0, "
              "impact 0 (removing it changes nothing)")
    case("segment/weighted-missing-rows-ignore-weight", "segment",
         scores=[10, None, 9, 3, None, 7], keys=[["a", "a", "a", "b", "b", "b"]],
         weights=[1.0, "nan", 2.0, 1.0, -4.0, 3.0],
         options={"metric": "nps", "min_n": 1},
         check={"rows.0.missing": 1, "rows.1.missing": 1},
         note="the weight of a missing row is ignored, even NaN or negative")

    # ---- every metric
    cs = [5, 4, 4, 3, 5, 2, 4, 5, 1, 4, 5, 3, 4, 4, 5, 2, 5, 4, 3, 5, 4, 5, 1, 2, 4, 5, 3, 4]
    ck = ["north", "south", "east"] * 9 + ["north"]
    case("segment/csat-default-top-box", "segment", scores=cs, keys=[ck],
         options={"metric": "csat", "min_n": 5}, note="CSAT top-two-box, Wilson intervals")
    case("segment/csat-mean", "segment", scores=cs, keys=[ck],
         options={"metric": "csat", "method": "mean", "min_n": 5}, note="t intervals")
    case("segment/csat-percent-of-max", "segment", scores=cs, keys=[ck],
         options={"metric": "csat", "method": "percent_of_max", "min_n": 5},
         note="t interval x 100/max; impact in percent-of-max points")
    case("segment/csat-net", "segment", scores=cs, keys=[ck],
         options={"metric": "csat", "method": "net", "min_n": 5}, note="adjusted Wald")
    case("segment/csat-top-box-threshold-5", "segment", scores=cs, keys=[ck],
         options={"metric": "csat", "threshold": 5, "min_n": 5})
    c7 = [7, 6, 5, 6, 2, 7, 4, 5, 6, 3, 7, 6, 1, 5, 6, 7, 2, 4, 6, 7, 5, 3]
    k7 = ["self-service", "agent"] * 11
    case("segment/ces-mean", "segment", scores=c7, keys=[k7],
         options={"metric": "ces", "scale": [1, 7], "higher_is_better": True, "min_n": 5})
    case("segment/ces-percent-agree", "segment", scores=c7, keys=[k7],
         options={"metric": "ces", "scale": [1, 7], "higher_is_better": True,
                  "method": "percent_agree", "min_n": 5})
    case("segment/ces-net-effort", "segment", scores=c7, keys=[k7],
         options={"metric": "ces", "scale": [1, 7], "higher_is_better": True,
                  "method": "net_effort", "min_n": 5})
    case("segment/ces-lower-is-better", "segment",
         scores=[1, 2, 2, 3, 1, 5, 2, 1, 4, 2, 5, 4], keys=[["a", "b"] * 6],
         options={"metric": "ces", "scale": [1, 5], "higher_is_better": False,
                  "method": "percent_agree", "min_n": 5})
    case("segment/mean-1-10", "segment",
         scores=[7, 8, 10, 3, 6, 9, 8, 5, 7, 10, 2, 8, 9, 6], keys=[[1, 2] * 7],
         options={"metric": "mean", "scale": [1, 10], "min_n": 5})
    case("segment/top-box-1-7", "segment",
         scores=[7, 6, 5, 6, 2, 7, 4, 5, 6, 3, 7, 6], keys=[["a", "b", "c"] * 4],
         options={"metric": "top_box", "scale": [1, 7], "min_n": 3})
    case("segment/top-box-threshold", "segment",
         scores=[7, 6, 5, 6, 2, 7, 4, 5, 6, 3, 7, 6], keys=[["a", "b", "c"] * 4],
         options={"metric": "top_box", "scale": [1, 7], "threshold": 7, "min_n": 3})
    case("segment/bottom-box-0-10", "segment",
         scores=[0, 3, 7, 9, 10, 2, 6, 8, 1, 10, 4, 9], keys=[["a", "b"] * 6],
         options={"metric": "bottom_box", "scale": [0, 10], "threshold": 3, "min_n": 3},
         note="bottom_box threshold: share of scores <= 3")
    case("segment/bottom-box-default", "segment",
         scores=[1, 2, 5, 4, 3, 1, 5, 5, 2, 4], keys=[["a", "b"] * 5],
         options={"metric": "bottom_box", "scale": [1, 5], "min_n": 3})
    case("segment/nps-custom-buckets", "segment",
         scores=[5, 4, 3, 5, 1, 2, 5, 4, 3, 5], keys=[["a", "b"] * 5],
         options={"metric": "nps", "scale": [1, 5], "buckets": {"detractor_max": 2,
                                                               "promoter_min": 5},
                  "min_n": 3}, note="NPS-style net on 1-5 with explicit buckets")

    # ---- edges
    case("segment/defaults", "segment",
         scores=[10, 9, 8, 3, 10, 7, 0, 9], keys=[["a", "b", "a", "b", "a", "b", "a", "b"]],
         note="no options: metric nps, min_n 30 (every row low_n), level 0.95",
         check={"rows.0.low_n": True, "overall.low_n": True})
    case("segment/single-segment-no-impact", "segment", scores=[10, 9, 3, 8, 10],
         keys=[["only"] * 5], options={"metric": "nps", "min_n": 1},
         check={"rows.0.impact": None, "rows.0.share": 1.0, "overall.impact": None},
         note="one segment: the rest is empty, so impact is null")
    case("segment/all-missing-segment", "segment",
         scores=[10, None, 9, None, 3, None], keys=[["a", "z", "a", "z", "a", "z"]],
         options={"metric": "nps", "min_n": 1},
         check={"rows.1.score": None, "rows.1.lower": None, "rows.1.n": 0, "rows.1.missing": 3,
                "rows.1.share": 0.0, "rows.1.impact": 0.0, "rows.1.low_n": True},
         note="a segment with only missing answers still appears, score null")
    case("segment/mean-single-response-no-interval", "segment",
         scores=[4, 5, 3, 4, 2], keys=[["a", "a", "a", "a", "b"]],
         options={"metric": "mean", "scale": [1, 5], "min_n": 1},
         check={"rows.1.score": 2.0, "rows.1.lower": None, "rows.1.upper": None},
         note="a mean from one response has no sd: no t interval (null), the score stays")
    case("segment/mean-zero-variance", "segment",
         scores=[4, 4, 4, 2, 3, 5], keys=[["a", "a", "a", "b", "b", "b"]],
         options={"metric": "mean", "scale": [1, 5], "min_n": 1},
         check={"rows.0.lower": 4.0, "rows.0.upper": 4.0}, note="zero variance: point interval")
    case("segment/skip-invalid", "segment",
         scores=[10, 11, 9, 3.5, "inf", 7, -1, 0, 10, None],
         keys=[["a", "a", "b", "b", "a", "b", "b", "a", "a", "b"]],
         options={"metric": "nps", "on_invalid": "skip", "min_n": 1},
         check={"rows.0.invalid": 2, "rows.1.invalid": 2, "overall.invalid": 4,
                "rows.1.missing": 1},
         note="on_invalid skip: invalid rows counted per segment and excluded")
    case("segment/skip-invalid-weights", "segment",
         scores=[10, 9, 3, 8, 10, 6], keys=[["a", "b", "a", "b", "a", "b"]],
         weights=[1.0, -1.0, 2.0, "inf", 0.5, 1.0],
         options={"metric": "nps", "on_invalid": "skip", "min_n": 1},
         check={"rows.1.invalid": 2, "rows.1.n": 1})
    case("segment/level-80", "segment", scores=sc, keys=[k1],
         options={"metric": "nps", "min_n": 30, "level": 0.8})
    case("segment/level-99", "segment", scores=sc, keys=[k1],
         options={"metric": "nps", "min_n": 30, "level": 0.99})
    case("segment/min-n-boundary", "segment",
         scores=[10] * 5 + [3] * 4, keys=[["five"] * 5 + ["four"] * 4],
         options={"metric": "nps", "min_n": 5},
         check={"rows.0.low_n": False, "rows.1.low_n": True},
         note="low_n = n < min_n: 5 is not low at min_n 5, 4 is")
    case("segment/min-n-counts-valid-only", "segment",
         scores=[10, 9, None, None, 8], keys=[["a"] * 5], options={"metric": "nps", "min_n": 4},
         check={"rows.0.low_n": True, "rows.0.n": 3},
         note="missing answers do not count towards min_n")

    # ---- errors
    case("segment/error-keys-scores-length", "segment", scores=[10, 9, 8],
         keys=[["a", "b"]], options={"metric": "nps"}, error="length_mismatch")
    case("segment/error-second-key-column-length", "segment", scores=[10, 9, 8],
         keys=[["a", "b", "a"], [1, 2]], options={"metric": "nps"}, error="length_mismatch",
         note="every key column needs one value per score")
    case("segment/error-weights-length", "segment", scores=[10, 9, 8],
         keys=[["a", "b", "a"]], weights=[1.0, 2.0], options={"metric": "nps"},
         error="length_mismatch")
    case("segment/error-out-of-scale-index-in-input", "segment",
         scores=[10, 9, 8, 7, 6, 11, 9, 10], keys=[["b", "a", "b", "a", "c", "a", "c", "b"]],
         options={"metric": "nps"}, error="out_of_scale", index=5,
         note="the index is the row in the caller's input (row 5), not its position in segment "
              "'a' (2)")
    case("segment/error-earliest-index-across-segments", "segment",
         scores=[10, 9, 8, 7, 6, 9, 12, 10, -2], keys=[["z", "a", "z", "a", "z", "a", "z", "a",
                                                        "a"]],
         options={"metric": "nps"}, error="out_of_scale", index=6,
         note="bad rows 6 (segment z, sorted last) and 8 (segment a): the earliest row wins")
    case("segment/error-not-integer", "segment", scores=[10, 9, 8.5, 7],
         keys=[["a", "b", "a", "b"]], options={"metric": "nps"}, error="not_integer", index=2)
    case("segment/error-not-finite", "segment", scores=[10, 9, 8, "-inf"],
         keys=[["a", "b", "a", "b"]], options={"metric": "nps"}, error="not_finite", index=3)
    case("segment/error-invalid-weight", "segment", scores=[10, 9, 8, 7],
         keys=[["a", "b", "a", "b"]], weights=[1.0, 1.0, 1.0, -0.5], options={"metric": "nps"},
         error="invalid_weight", index=3)
    case("segment/error-unknown-metric", "segment", scores=[10, 9, 8, 7],
         keys=[["a", "b", "a", "b"]], options={"metric": "nss"}, error="invalid_argument")
    case("segment/error-nps-scale-mismatch", "segment", scores=[5, 4, 3, 1],
         keys=[["a", "b", "a", "b"]], options={"metric": "nps", "scale": [1, 5]},
         error="scale_mismatch", note="NPS on 1-5 without explicit buckets")
    case("segment/error-threshold-off-scale", "segment", scores=[5, 4, 3, 1],
         keys=[["a", "b", "a", "b"]], options={"metric": "top_box", "scale": [1, 5],
                                               "threshold": 6},
         error="invalid_argument")
    case("segment/error-invalid-scale", "segment", scores=[5, 4, 3, 1],
         keys=[["a", "b", "a", "b"]], options={"metric": "mean", "scale": [5, 5]},
         error="invalid_scale")
    case("segment/error-all-missing", "segment", scores=[None, None, None],
         keys=[["a", "b", "a"]], options={"metric": "nps"}, error="empty",
         note="no segment has a valid response")
    case("segment/error-no-rows", "segment", scores=[], keys=[[]], options={"metric": "nps"},
         error="empty")


def trend_cases():
    # ---- monthly trend with one significant change and one low-n month (Berlin)
    jan = nps_counts_scores(60, 80, 60)       # NPS 0, n 200
    feb = nps_counts_scores(3, 4, 5)          # n 12: low_n
    mar = nps_counts_scores(100, 70, 30)      # NPS 35
    apr = nps_counts_scores(95, 75, 30)       # NPS 32.5
    scores, times = [], []
    for m, block in ((1, jan), (2, feb), (3, mar), (4, apr)):
        scores += block
        times += month_times(2026, m, len(block))
    opts = {"period": "month", "time_zone": "Europe/Berlin", "metric": "nps", "min_n": 30,
            "level": 0.95, "adjust": "holm", "alpha": 0.05}
    case("trend/monthly-one-significant-one-low-n", "trend", scores=scores, times=times,
         options=opts,
         check={"rows.0.label": "2026-01", "rows.1.label": "2026-02", "rows.1.low_n": True,
                "rows.1.change": None, "rows.1.p_value": None, "rows.2.change": 35.0,
                "rows.2.significant": True, "rows.3.change": -2.5,
                "rows.3.significant": False, "rows.0.change": None, "rows.3.start": "2026-04-01"},
         check_tol=1e-9,
         note="February (n = 12) is low_n: shown, not compared, not a baseline; March is "
              "compared with January (+35, significant after Holm), April with March (-2.5)")
    case("trend/monthly-bh", "trend", scores=scores, times=times,
         options={**opts, "adjust": "bh"}, note="the same data, Benjamini-Hochberg")
    case("trend/monthly-min-n-10-compares-february", "trend", scores=scores, times=times,
         options={**opts, "min_n": 10},
         check={"rows.1.low_n": False}, note="with min_n 10 February is compared too")
    case("trend/monthly-alpha-0.001", "trend", scores=scores, times=times,
         options={**opts, "alpha": 0.001})
    case("trend/monthly-quarterly", "trend", scores=scores, times=times,
         options={**opts, "period": "quarter"},
         check={"rows.0.label": "2026-Q1", "rows.1.label": "2026-Q2", "rows.0.start": "2026-01-01",
                "rows.1.start": "2026-04-01"})
    case("trend/monthly-weekly", "trend", scores=scores, times=times,
         options={**opts, "period": "week", "min_n": 5})

    # ---- ISO week labels across a year boundary (Berlin)
    wk_times = ["2025-12-28T10:00:00Z", "2025-12-28T22:59:59Z", "2025-12-28T23:00:00Z",
                "2025-12-29T08:00:00+01:00", "2026-01-04T12:00:00Z", "2026-12-27T12:00:00Z",
                "2026-12-28T09:00:00Z", "2026-12-31T23:30:00Z", "2027-01-01T12:00:00Z",
                "2027-01-03T22:59:59Z", "2027-01-03T23:30:00Z", "2027-01-04T10:00:00Z",
                "2027-01-10T22:00:00Z"]
    wk_scores = [10, 9, 3, 8, 10, 0, 9, 10, 7, 6, 9, 10, 2]
    case("trend/iso-week-year-boundary", "trend", scores=wk_scores, times=wk_times,
         options={"period": "week", "time_zone": "Europe/Berlin", "metric": "nps", "min_n": 1},
         check={"rows.0.label": "2025-W52", "rows.0.start": "2025-12-22",
                "rows.1.label": "2026-W01", "rows.1.start": "2025-12-29",
                "rows.2.label": "2026-W52", "rows.3.label": "2026-W53",
                "rows.3.start": "2026-12-28", "rows.3.n": 4, "rows.4.label": "2027-W01",
                "rows.4.start": "2027-01-04", "rows.4.n": 3},
         note="ISO weeks: 2025-12-29 starts 2026-W01; 2027-01-01 is in 2026-W53; 23:30 UTC on "
              "2027-01-03 is Monday 2027-01-04 in Berlin (2027-W01)")
    case("trend/iso-week-year-boundary-utc", "trend", scores=wk_scores, times=wk_times,
         options={"period": "week", "time_zone": "UTC", "metric": "nps", "min_n": 1},
         check={"rows.0.n": 3, "rows.3.n": 5, "rows.4.n": 2},
         note="the same instants in UTC: 23:00 UTC on 2025-12-28 stays in 2025-W52, 23:30 UTC on "
              "2027-01-03 stays in 2026-W53")

    # ---- Berlin month boundary
    mb_times = ["2026-01-31T22:59:59Z", "2026-01-31T23:30:00Z", "2026-01-15T12:00:00Z",
                "2026-02-28T23:30:00Z", "2026-02-10T09:00:00+01:00", "2026-03-31T21:59:59Z",
                "2026-03-31T22:30:00Z", "2026-04-01T00:30:00+02:00", "2026-01-31T23:59:59-01:00"]
    mb_scores = [10, 3, 9, 8, 10, 6, 9, 10, 0]
    case("trend/berlin-month-boundary", "trend", scores=mb_scores, times=mb_times,
         options={"period": "month", "time_zone": "Europe/Berlin", "metric": "nps", "min_n": 1},
         check={"rows.0.label": "2026-01", "rows.0.n": 2, "rows.1.label": "2026-02",
                "rows.1.n": 3, "rows.2.label": "2026-03", "rows.2.n": 2, "rows.3.n": 2},
         note="23:30 UTC on Jan 31 is 00:30 on Feb 1 in Berlin (February); 22:30 UTC on "
              "Mar 31 is 00:30 CEST on Apr 1 (April, after the DST change)")
    case("trend/berlin-month-boundary-utc", "trend", scores=mb_scores, times=mb_times,
         options={"period": "month", "time_zone": "UTC", "metric": "nps", "min_n": 1},
         check={"rows.0.n": 3, "rows.1.n": 3, "rows.2.n": 3, "rows.2.label": "2026-03"},
         note="the same instants bucketed in UTC: no April row")
    case("trend/berlin-month-boundary-default-utc", "trend", scores=mb_scores, times=mb_times,
         options={"period": "month", "metric": "nps", "min_n": 1},
         check={"rows.0.n": 3}, note="time_zone defaults to UTC")
    case("trend/new-york-quarter-boundary", "trend",
         scores=[10, 9, 3, 10, 8, 7, 9],
         times=["2026-12-31T12:00:00Z", "2027-01-01T03:00:00Z", "2027-01-01T04:59:59Z",
                "2027-01-01T05:00:00Z", "2026-10-01T03:59:59Z", "2026-10-01T04:00:00Z",
                "2027-02-14T15:00:00-05:00"],
         options={"period": "quarter", "time_zone": "America/New_York", "metric": "nps",
                  "min_n": 1},
         check={"rows.0.label": "2026-Q3", "rows.1.label": "2026-Q4", "rows.1.n": 4,
                "rows.2.label": "2027-Q1", "rows.2.n": 2},
         note="New York is UTC-5 in winter, UTC-4 on Oct 1 (EDT)")
    case("trend/kolkata-day-boundary", "trend",
         scores=[10, 9, 3, 10, 8, 7],
         times=["2026-06-10T18:29:59Z", "2026-06-10T18:30:00Z", "2026-06-10T00:00:00+05:30",
                "2026-06-11T23:59:59+05:30", "2026-06-09T18:30:00Z", "2026-06-12T00:00:00+05:30"],
         options={"period": "day", "time_zone": "Asia/Kolkata", "metric": "nps", "min_n": 1},
         check={"rows.0.start": "2026-06-10", "rows.0.n": 3, "rows.1.start": "2026-06-11",
                "rows.1.n": 2, "rows.1.label": "2026-06-11", "rows.2.n": 1},
         note="a +05:30 zone: 18:30 UTC is local midnight")
    case("trend/berlin-dst-days", "trend",
         scores=[10, 9, 3, 10, 8, 7, 2, 9],
         times=["2026-03-28T22:59:59Z", "2026-03-28T23:00:00Z", "2026-03-29T00:59:59Z",
                "2026-03-29T01:00:00Z", "2026-03-29T21:59:59Z", "2026-03-29T22:00:00Z",
                "2026-10-24T22:00:00Z", "2026-10-25T22:59:59Z"],
         options={"period": "day", "time_zone": "Europe/Berlin", "metric": "nps", "min_n": 1},
         check={"rows.1.start": "2026-03-29", "rows.1.n": 4, "rows.3.start": "2026-10-25",
                "rows.3.n": 2},
         note="the 23-hour day (Mar 29) and the 25-hour day (Oct 25) in Berlin")

    # ---- metrics in trends
    def monthly(block_counts, scale, months=(1, 2, 3, 4)):
        sc, tm = [], []
        for m, counts in zip(months, block_counts):
            block = spread(counts)
            sc += block
            tm += month_times(2026, m, len(block))
        return sc, tm

    sc, tm = monthly([{5: 20, 4: 20, 3: 5, 2: 3, 1: 2}, {5: 12, 4: 18, 3: 12, 2: 5, 1: 3},
                      {5: 30, 4: 15, 3: 3, 2: 1, 1: 1}, {5: 28, 4: 16, 3: 4, 2: 1, 1: 1}], (1, 5))
    base = {"period": "month", "time_zone": "Europe/Berlin", "min_n": 30, "adjust": "holm",
            "alpha": 0.05}
    case("trend/csat-top-box", "trend", scores=sc, times=tm, options={**base, "metric": "csat"},
         note="proportions: Wilson intervals, pooled z comparisons")
    case("trend/csat-mean", "trend", scores=sc, times=tm,
         options={**base, "metric": "csat", "method": "mean"},
         note="means: t intervals, Welch comparisons")
    case("trend/csat-percent-of-max", "trend", scores=sc, times=tm,
         options={**base, "metric": "csat", "method": "percent_of_max"})
    case("trend/csat-net", "trend", scores=sc, times=tm,
         options={**base, "metric": "csat", "method": "net"})
    case("trend/mean-bh", "trend", scores=sc, times=tm,
         options={**base, "metric": "mean", "scale": [1, 5], "adjust": "bh"})
    case("trend/top-box-100-percent-months", "trend",
         scores=[5] * 40 + [5] * 35 + [4, 5] * 20,
         times=month_times(2026, 5, 40) + month_times(2026, 6, 35) + month_times(2026, 7, 40),
         options={**base, "metric": "top_box", "scale": [1, 5], "threshold": 5},
         check={"rows.1.change": 0.0, "rows.1.p_value": 1.0},
         note="two months at 100 %: pooled proportion 1 -> z = 0, p = 1")
    s7, t7 = monthly([{7: 15, 6: 15, 5: 10, 4: 5, 3: 5, 2: 3, 1: 2},
                      {7: 8, 6: 10, 5: 12, 4: 8, 3: 6, 2: 4, 1: 2},
                      {7: 20, 6: 18, 5: 6, 4: 3, 3: 2, 2: 1, 1: 0}], (1, 7))
    for meth in ("mean", "percent_agree", "net_effort"):
        case(f"trend/ces-{meth.replace('_', '-')}", "trend", scores=s7, times=t7,
             options={**base, "metric": "ces", "scale": [1, 7], "higher_is_better": True,
                      "method": meth})
    case("trend/bottom-box", "trend", scores=s7, times=t7,
         options={**base, "metric": "bottom_box", "scale": [1, 7]})
    case("trend/weighted-nps", "trend",
         scores=scores[:200] + scores[212:412],
         times=times[:200] + times[212:412],
         weights=[round(0.5 + ((i * 37) % 23) / 10, 1) for i in range(400)],
         options={"period": "month", "time_zone": "Europe/Berlin", "metric": "nps", "min_n": 30},
         note="weighted: n_eff in intervals and tests; low_n uses the unweighted n")
    case("trend/all-missing-month", "trend",
         scores=[10, 9, 3, None, None, 8, 10, 9],
         times=["2026-01-05T10:00:00Z", "2026-01-06T10:00:00Z", "2026-01-07T10:00:00Z",
                "2026-02-05T10:00:00Z", "2026-02-06T10:00:00Z", "2026-03-05T10:00:00Z",
                "2026-03-06T10:00:00Z", "2026-03-07T10:00:00Z"],
         options={"period": "month", "time_zone": "UTC", "metric": "nps", "min_n": 1},
         check={"rows.1.score": None, "rows.1.n": 0, "rows.1.missing": 2, "rows.1.low_n": True,
                "rows.2.change": 100 * (2 / 3) - 100 * (1 / 3)},
         check_tol=1e-9,
         note="a month with only missing answers is emitted (score null) and skipped: March "
              "is compared with January")
    case("trend/skip-invalid-only-period", "trend",
         scores=[10, 9, 11, 3, 8],
         times=["2026-01-05T10:00:00Z", "2026-01-06T10:00:00Z", "2026-02-05T10:00:00Z",
                "2026-03-05T10:00:00Z", "2026-03-06T10:00:00Z"],
         options={"period": "month", "time_zone": "UTC", "metric": "nps", "min_n": 1,
                  "on_invalid": "skip"},
         check={"rows.1.label": "2026-02", "rows.1.n": 0, "rows.1.missing": 0,
                "rows.1.score": None},
         note="a period holding only an invalid (skipped) row is still emitted")
    case("trend/mean-zero-variance-not-compared", "trend",
         scores=[4, 4, 4, 4, 4, 4, 4, 4, 2, 5, 3, 4, 5, 3],
         times=month_times(2026, 1, 4) + month_times(2026, 2, 4) + month_times(2026, 3, 6),
         options={"period": "month", "time_zone": "UTC", "metric": "mean", "scale": [1, 5],
                  "min_n": 1},
         check={"rows.0.lower": 4.0, "rows.0.upper": 4.0, "rows.1.change": None,
                "rows.1.p_value": None, "rows.2.change": 22 / 6 - 4},
         note="January and February both have zero variance: Welch's t is undefined, so "
              "February has no change (null) but is still March's baseline")
    case("trend/mean-single-response-period", "trend",
         scores=[4, 5, 3, 4, 2, 5, 4, 1, 3],
         times=month_times(2026, 1, 4) + month_times(2026, 2, 1) + month_times(2026, 3, 4),
         options={"period": "month", "time_zone": "UTC", "metric": "mean", "scale": [1, 5],
                  "min_n": 1},
         check={"rows.1.score": 2.0, "rows.1.lower": None, "rows.1.change": None,
                "rows.2.change": None},
         note="one response in February: no sd, so no interval and no comparison; February is "
              "still the baseline of March, whose comparison is therefore undefined too")
    case("trend/rustdoc-example", "trend", scores=[10, 0, 9],
         times=["2026-01-05T10:00:00Z", "2026-01-20T10:00:00Z", "2026-02-03T10:00:00Z"],
         options={"period": "month", "time_zone": "UTC", "metric": "nps", "min_n": 1},
         check={"rows.0.score": 0.0, "rows.1.change": 100.0})
    case("trend/no-responses", "trend", scores=[], times=[],
         options={"period": "month", "time_zone": "UTC", "metric": "nps"},
         check={"rows": []}, note="no responses: no periods, no error")
    case("trend/defaults", "trend", scores=scores[:260], times=times[:260],
         note="no options: month, UTC, nps, min_n 30, level 0.95, holm, alpha 0.05")

    # ---- rolling windows
    r_scores, r_times = [], []
    days = [1, 2, 3, 5, 8, 9, 10, 12, 15, 16, 17, 18, 19, 22, 23]
    pattern = [10, 9, 8, 3, 10, 7, 0, 9, 10, 6, 9, 10, 5, 8, 9, 10, 2, 9]
    for j, d in enumerate(days):
        for i in range(6 + (j * 5) % 7):
            r_scores.append(pattern[(j * 3 + i * 5) % len(pattern)])
            r_times.append(iso(utc(2026, 3, d, 8 + (i * 3) % 14, (i * 13) % 60)))
    case("trend/rolling-7-days", "trend", scores=r_scores, times=r_times,
         options={"period": "day", "time_zone": "Europe/Berlin", "metric": "nps", "min_n": 20,
                  "rolling_days": 7},
         check={"rows.0.label": "2026-03-01 (last 7 d)", "rows.0.start": "2026-03-01"},
         note="one row per day with data; the window for day d covers (d - 7, d]; each window "
              "is compared with the previous row's window")
    case("trend/rolling-3-days-bh", "trend", scores=r_scores, times=r_times,
         options={"period": "day", "time_zone": "Europe/Berlin", "metric": "nps", "min_n": 10,
                  "rolling_days": 3, "adjust": "bh"})
    case("trend/rolling-1-day-equals-daily", "trend", scores=r_scores, times=r_times,
         options={"period": "day", "time_zone": "Europe/Berlin", "metric": "nps", "min_n": 10,
                  "rolling_days": 1},
         note="a 1-day window is the daily trend with relabelled rows")
    case("trend/rolling-window-excludes-day-d-minus-n", "trend",
         scores=[10, 10, 0, 0, 9],
         times=["2026-03-01T12:00:00Z", "2026-03-02T12:00:00Z", "2026-03-08T12:00:00Z",
                "2026-03-08T13:00:00Z", "2026-03-09T12:00:00Z"],
         options={"period": "day", "time_zone": "UTC", "metric": "nps", "min_n": 1,
                  "rolling_days": 7},
         check={"rows.2.start": "2026-03-08", "rows.2.n": 3, "rows.3.n": 3,
                "rows.2.label": "2026-03-08 (last 7 d)"},
         note="the window of Mar 8 is Mar 2..8 (Mar 1 = d - 7 is out); Mar 9 covers Mar 3..9")
    case("trend/rolling-csat-mean", "trend",
         scores=[((i * 7) % 5) + 1 for i in range(len(r_times))], times=r_times,
         options={"period": "day", "time_zone": "UTC", "metric": "csat", "method": "mean",
                  "min_n": 15, "rolling_days": 5})

    # ---- errors
    t3 = ["2026-01-05T10:00:00Z", "2026-01-20T10:00:00Z", "2026-02-03T10:00:00Z"]
    case("trend/error-times-scores-length", "trend", scores=[10, 9], times=t3,
         options={"metric": "nps"}, error="length_mismatch")
    case("trend/error-weights-length", "trend", scores=[10, 9, 8], times=t3, weights=[1.0],
         options={"metric": "nps"}, error="length_mismatch")
    case("trend/error-out-of-scale", "trend", scores=[10, 9, 8, 12], times=t3 + [t3[0]],
         options={"metric": "nps"}, error="out_of_scale", index=3,
         note="the index is the row in the caller's input")
    case("trend/error-out-of-scale-later-period-first", "trend", scores=[10, 11, -1],
         times=["2026-03-05T10:00:00Z", "2026-02-20T10:00:00Z", "2026-01-03T10:00:00Z"],
         options={"metric": "nps"}, error="out_of_scale", index=1,
         note="bad rows 1 (February) and 2 (January): the earliest input row wins")
    case("trend/error-unknown-period", "trend", scores=[10, 9, 8], times=t3,
         options={"period": "year"}, error="invalid_argument")
    case("trend/error-unknown-metric", "trend", scores=[10, 9, 8], times=t3,
         options={"metric": "ces_mean"}, error="invalid_argument")
    case("trend/error-unknown-adjust", "trend", scores=[10, 9, 8], times=t3,
         options={"adjust": "bonferroni"}, error="invalid_argument")
    case("trend/error-alpha-0", "trend", scores=[10, 9, 8], times=t3, options={"alpha": 0},
         error="invalid_argument")
    case("trend/error-alpha-1", "trend", scores=[10, 9, 8], times=t3, options={"alpha": 1},
         error="invalid_argument")
    case("trend/error-alpha-1.5", "trend", scores=[10, 9, 8], times=t3, options={"alpha": 1.5},
         error="invalid_argument")
    case("trend/error-alpha-nan", "trend", scores=[10, 9, 8], times=t3,
         options={"alpha": "nan"}, error="invalid_argument")
    case("trend/error-rolling-monthly", "trend", scores=[10, 9, 8], times=t3,
         options={"period": "month", "rolling_days": 7}, error="invalid_argument",
         note="rolling windows need period = day")
    case("trend/error-rolling-0-days", "trend", scores=[10, 9, 8], times=t3,
         options={"period": "day", "rolling_days": 0}, error="invalid_argument")
    case("trend/error-unknown-time-zone", "trend", scores=[10, 9, 8], times=t3,
         options={"time_zone": "Mars/Olympus_Mons"}, error="unknown_time_zone")
    case("trend/error-nps-scale-mismatch", "trend", scores=[5, 4, 3], times=t3,
         options={"metric": "nps", "scale": [1, 5]}, error="scale_mismatch")


# --------------------------------------------------------------------------
# Seeded random cases
# --------------------------------------------------------------------------

SEG_CONFIGS = [
    ("nps", {}, (0, 10)),
    ("csat", {}, (1, 5)),
    ("csat", {"method": "mean"}, (1, 5)),
    ("csat", {"method": "percent_of_max"}, (1, 5)),
    ("csat", {"method": "net"}, (1, 5)),
    ("ces", {"scale": [1, 7], "higher_is_better": True}, (1, 7)),
    ("ces", {"scale": [1, 7], "higher_is_better": True, "method": "percent_agree"}, (1, 7)),
    ("ces", {"scale": [1, 5], "higher_is_better": False, "method": "net_effort"}, (1, 5)),
    ("mean", {"scale": [1, 10]}, (1, 10)),
    ("top_box", {"scale": [1, 7]}, (1, 7)),
    ("bottom_box", {"scale": [0, 10], "threshold": 3}, (0, 10)),
]
STR_POOL = ["chat", "email", "phone", "web", "app", "Zürich", "B2B", "b2c"]
INT_POOL = [-7, 0, 1, 2, 10, 42, 2025]
ZONES = ["Europe/Berlin", "UTC", "America/New_York", "Asia/Kolkata", "Australia/Sydney"]
OFFSETS = ["Z", "+02:00", "-05:00", "+05:30"]


def random_cases():
    rng = np.random.default_rng(SEED)
    counter = Counter()
    note = f"seeded random (default_rng({SEED}))"

    def rid(prefix):
        counter[prefix] += 1
        return f"{prefix}/random-{counter[prefix]:02d}"

    def pick(seq):
        return seq[int(rng.integers(0, len(seq)))]

    def level():
        return float(pick([0.8, 0.9, 0.95, 0.99]))

    # ---- business
    for _ in range(10):
        n = int(rng.choice([1, 7, 40, 250, 1500, 90000]))
        x = int(rng.integers(0, n + 1))
        case(rid("conversion_rate"), "conversion_rate",
             args={"conversions": x, "interactions": n}, options={"level": level()},
             note=note, source="random")
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
        case(rid("churn_rate"), "churn_rate", args={"churned": churned, "start": start},
             options=opts, note=note, source="random")
    for _ in range(6):
        start = int(rng.choice([15, 400, 8000]))
        retained = int(rng.integers(0, start + 1))
        new = int(rng.integers(0, start))
        case(rid("retention_rate"), "retention_rate",
             args={"start": start, "end": retained + new, "new": new},
             options={"level": level()}, note=note, source="random")
    for _ in range(4):
        case(rid("clv_from_churn"), "clv_from_churn",
             args={"arpu": round(float(rng.uniform(1, 500)), 2),
                   "margin": round(float(rng.uniform(0.1, 1.0)), 3),
                   "churn": round(float(rng.uniform(0.2, 30)), 2)}, note=note, source="random")
        case(rid("clv_from_retention"), "clv_from_retention",
             args={"arpu": round(float(rng.uniform(1, 500)), 2),
                   "retention": round(float(rng.uniform(50, 99.5)), 2)}, note=note,
             source="random")

    # ---- segments
    def rand_scores(lo, hi, size):
        p = rng.dirichlet(np.full(hi - lo + 1, 0.9))
        return [int(v) for v in rng.choice(np.arange(lo, hi + 1), size=size, p=p)]

    for j in range(2 * len(SEG_CONFIGS)):  # every metric configuration twice
        metric, mopts, (lo, hi) = SEG_CONFIGS[j % len(SEG_CONFIGS)]
        size = int(rng.choice([20, 60, 150, 400]))
        scores = rand_scores(lo, hi, size)
        ncols = int(rng.integers(1, 3))
        keys = []
        for _c in range(ncols):
            pool = pick([STR_POOL, INT_POOL])
            k = int(rng.integers(2, 5))
            vals = [pool[int(i)] for i in rng.choice(len(pool), size=k, replace=False)]
            probs = rng.dirichlet(np.full(k, 1.5))
            keys.append([vals[int(i)] for i in rng.choice(k, size=size, p=probs)])
        weights = ([round(float(v), 6) for v in rng.uniform(0.2, 3.0, size=size)]
                   if rng.random() < 0.4 else None)
        if rng.random() < 0.3:
            for i in rng.choice(size, size=max(1, size // 10), replace=False):
                scores[int(i)] = None
        opts = {"metric": metric, **mopts, "min_n": int(pick([5, 10, 30])), "level": level()}
        if rng.random() < 0.2:
            opts["on_invalid"] = "skip"
            for i in rng.choice(size, size=max(1, size // 20), replace=False):
                scores[int(i)] = pick([hi + 1, lo - 1, lo + 0.5, "inf"])
        case(rid(f"segment/{metric}"), "segment", scores=scores, keys=keys, weights=weights,
             options=opts, note=note, source="random")

    # ---- trends
    spans = {"day": 24 * 3600 * 21, "week": 24 * 3600 * 7 * 10, "month": 24 * 3600 * 240,
             "quarter": 24 * 3600 * 600}
    t0 = utc(2025, 11, 20).timestamp()
    made = attempts = 0
    while made < 14:
        rolling = made >= 10
        period = "day" if rolling else PERIODS[made % len(PERIODS)]
        metric, mopts, (lo, hi) = SEG_CONFIGS[(3 * made + attempts) % len(SEG_CONFIGS)]
        size = int(rng.choice([150, 400, 900]))
        span = spans[period] if not rolling else 24 * 3600 * 30
        secs = np.sort(rng.uniform(0, span, size=size) ** 1.15 / span ** 0.15).astype(np.int64)
        regimes = [rng.dirichlet(np.full(hi - lo + 1, 0.8)) for _ in range(3)]
        scores, times = [], []
        for s in secs:
            reg = regimes[min(2, int(3 * int(s) / span))]
            scores.append(int(rng.choice(np.arange(lo, hi + 1), p=reg)))
            t = datetime.fromtimestamp(t0 + int(s), tz=timezone.utc)
            times.append(iso(t, pick(OFFSETS)))
        order = rng.permutation(size)  # input order need not be chronological
        scores = [scores[int(i)] for i in order]
        times = [times[int(i)] for i in order]
        weights = ([round(float(v), 6) for v in rng.uniform(0.3, 2.5, size=size)]
                   if rng.random() < 0.3 else None)
        if rng.random() < 0.25:
            for i in rng.choice(size, size=max(1, size // 15), replace=False):
                scores[int(i)] = None
        opts = {"period": period, "time_zone": pick(ZONES), "metric": metric, **mopts,
                "min_n": int(pick([10, 20, 30, 50])), "level": level(),
                "adjust": pick(["holm", "bh"]), "alpha": float(pick([0.05, 0.1, 0.01]))}
        if rolling:
            opts["rolling_days"] = int(pick([3, 7, 14]))
        cid = f"trend/random-{made + 1:02d}-{period}" + ("-rolling" if rolling else "")
        try:
            case(cid, "trend", scores=scores, times=times, weights=weights, options=opts,
                 note=note, source="random")
        except Fragile:
            _SOURCE.pop(cid, None)
            attempts += 1
            continue  # redraw (deterministic: the rng stream moves on)
        made += 1


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------


def write(path: Path) -> str:
    header = {
        "format": "cxmetrics.vectors",
        "version": 1,
        "provenance": {
            "generator": "tests/vectors/oracle_business.py",
            "python": platform.python_version(),
            "numpy": np.__version__,
            "scipy": scipy.__version__,
            "statsmodels": statsmodels.__version__,
            "pandas": pd.__version__,
            "tzdata": f"system zoneinfo {TZ_ROOT}: {tzdata_version()}",
            "seed": SEED,
            "method": ("exact rationals for the business formulas; statsmodels proportion_confint "
                       "(wilson); pandas groupby for segments with numpy metrics "
                       "(oracle_survey) and statsmodels / scipy intervals (oracle_stats); "
                       "stdlib zoneinfo local dates cross-checked with pandas tz_convert / "
                       "to_period; adjusted-Wald z, statsmodels proportions_ztest, scipy "
                       "ttest_ind_from_stats (Welch) and statsmodels multipletests for trends; "
                       "not cxmetrics"),
            "spec": ("crates/cxmetrics/src/business.rs and segment.rs (rustdoc); spec/STATS.md; "
                     "spec/BINDINGS2.md issue 5; shared/reference/cx-metrics.md 2.6, 3.9"),
            "tolerance_rule": ("float fields: |actual - expected| <= tolerance * "
                               "max(1, |expected|); integer fields, strings, booleans, keys "
                               "and null exact"),
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


def _variant(c: dict) -> str:
    fn = c["function"]
    if fn == "segment" or fn == "trend":
        o = c["options"]
        v = o.get("metric", "nps") + (f"/{o['method']}" if "method" in o else "")
        if c.get("weights"):
            v += "+w"
        if fn == "trend":
            v = f"{o.get('period', 'month')}" + ("-rolling" if "rolling_days" in o else "") \
                + f" {v}"
        return v
    if fn == "churn_rate":
        o = c.get("options", {})
        return o.get("denominator", "start") + (
            f"/{o.get('annualize', 'compound')}" if "periods_per_year" in o else "")
    return "-"


def summary(text: str):
    by_src = Counter(_SOURCE.values())
    print(f"wrote {OUT} ({len(text)} bytes, {len(CASES)} cases: "
          f"{by_src['hand']} hand-written, {by_src['random']} seeded random)")
    print(f"python {platform.python_version()}, numpy {np.__version__}, scipy {scipy.__version__}, "
          f"statsmodels {statsmodels.__version__}, pandas {pd.__version__}, "
          f"tzdata {tzdata_version()}, seed {SEED}")
    print("cases per function (total / ok / error):")
    for fn in FUNCTIONS:
        tot = sum(1 for c in CASES if c["function"] == fn)
        ok = sum(1 for c in CASES if c["function"] == fn and "expected" in c)
        print(f"  {fn:22s} {tot:4d} {ok:4d} {tot - ok:4d}")
    print("successful cases per function/variant:")
    fv = Counter(f"{c['function']} {_variant(c)}" for c in CASES if "expected" in c
                 and c["function"] in ("segment", "trend", "churn_rate"))
    for k in sorted(fv):
        print(f"  {k:44s} {fv[k]:4d}")
    sig = sum(1 for c in CASES if c["function"] == "trend" and "expected" in c
              for r in c["expected"]["rows"] if r["significant"])
    cmp_ = sum(1 for c in CASES if c["function"] == "trend" and "expected" in c
               for r in c["expected"]["rows"] if r["p_value"] is not None)
    print(f"trend comparisons: {cmp_}, significant after adjustment: {sig}")
    print("cases per error code (function: count):")
    codes = Counter((c["expected_error"]["code"], c["function"]) for c in CASES
                    if "expected_error" in c)
    for code in ERROR_CODES:
        per = ", ".join(f"{fn} {k}" for (cd, fn), k in sorted(codes.items()) if cd == code)
        print(f"  {code:18s} {sum(k for (cd, _), k in codes.items() if cd == code):4d}  {per}")
    unexpected = {cd for cd, _ in codes} - set(ERROR_CODES)
    if unexpected:
        raise VectorBug(f"unexpected codes {unexpected}")


def main():
    business_cases()
    segment_cases()
    trend_cases()
    random_cases()
    if len(CASES) < 120:
        raise VectorBug(f"only {len(CASES)} cases")
    text = write(OUT)
    summary(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
