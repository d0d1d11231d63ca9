"""Segment and trend formulas for the segments.json oracle (oracle_segments.py).

Never imports cxmetrics. Expected values come from:

  segments                pandas groupby over the key columns; each group's metric,
                          estimate and default interval from survey_model (numpy)
                          and stats_model (statsmodels / scipy); the overall row
                          from all valid rows (never from segment scores); the
                          leave-one-out impact from the rows outside the segment
  trends                  stdlib zoneinfo on the system tz database for local
                          dates (cross-checked with pandas tz_convert and
                          to_period); ISO weeks from date.isocalendar();
                          period-over-period tests: adjusted-Wald z (the formula in
                          docs/metrics/statistics.md, scipy.stats.norm), statsmodels
                          proportions_ztest, scipy ttest_ind_from_stats(equal_var=False);
                          p-value adjustment statsmodels multipletests("holm" / "fdr_bh")

Also the helpers the hand-written segment and trend cases share (spread, iso, ...).
"""

from __future__ import annotations

import math
import warnings
from collections import Counter
from datetime import date, datetime, timedelta, timezone

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportions_ztest

from oracle_common import OracleError, VectorBug, is_int as _is_int, load_zone
from oracle_common import num_cell as _num

import stats_model  # (statsmodels / scipy estimates, intervals, comparisons)
import survey_model  # (numpy survey metrics)

METRICS = ("nps", "csat", "ces", "mean", "top_box", "bottom_box")
METRIC_OPTION_KEYS = ("scale", "buckets", "method", "threshold", "bottom_threshold", "higher_is_better")
PERIODS = ("day", "week", "month", "quarter")
ADJUST = {"holm": "holm", "bh": "fdr_bh"}


class Fragile(VectorBug):
    """A result sits on a knife edge (e.g. an adjusted p-value within 1e-6 of alpha)."""


def check_level(v) -> float:
    lv = _num(v)
    if not (0.0 < lv < 1.0):
        raise OracleError("invalid_argument")
    return lv


# --------------------------------------------------------------------------
# Survey metric on a group of valid rows (survey_model + stats_model)
# --------------------------------------------------------------------------


def scale_of(metric: str, mopts: dict) -> tuple[int, int]:
    if "scale" in mopts:
        lo, hi = mopts["scale"]
    elif metric in survey_model.DEFAULT_SCALE:
        lo, hi = survey_model.DEFAULT_SCALE[metric]
    else:
        raise VectorBug(f"{metric} needs an explicit scale")
    if not (_is_int(lo) and _is_int(hi)):
        raise VectorBug("scale bounds must be integers")
    return lo, hi


def check_metric_options(metric: str, mopts: dict):
    """Data-independent metric errors (scale_mismatch, invalid_argument), via survey_model
    on no data: anything but `empty` is an option error."""
    try:
        survey_model.oracle(metric, [], None, mopts)
    except survey_model.OracleError as e:
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
    est = stats_model.survey_estimate(stats_model.survey(metric, xs, ws, **mopts))
    ref = survey_model.oracle(metric, xs, ws, mopts)["score"]
    return ref, est


def default_interval(est, level: float):
    try:
        iv = stats_model.interval(est, level, stats_model.DEFAULT_METHOD[est.kind])
    except stats_model.OracleError:  # a mean from n_eff <= 1: no t interval
        return None, None
    return iv["lower"], iv["upper"]


def classify_rows(scores: list, weights: list | None, lo: int, hi: int, skip: bool):
    """Per row: ("valid", x, w) with an integer x | ("missing",) | ("invalid",), by the survey
    oracle's row rules (survey_model.classify_rows)."""
    return [
        ("valid", int(r[1]), r[2]) if r[0] == "valid" else r
        for r in survey_model.classify_rows(scores, weights, lo, hi, skip)
    ]


def group_stats(metric, mopts, rows, idx, weighted, level):
    xs = [rows[i][1] for i in idx if rows[i][0] == "valid"]
    ws = [rows[i][2] for i in idx if rows[i][0] == "valid"] if weighted else None
    r = metric_est(metric, mopts, xs, ws)
    out = {
        "n": len(xs),
        "missing": sum(1 for i in idx if rows[i][0] == "missing"),
        "invalid": sum(1 for i in idx if rows[i][0] == "invalid"),
        "sum_weights": math.fsum(ws) if weighted else float(len(xs)),
        "score": None,
        "lower": None,
        "upper": None,
        "est": None,
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
    if hi <= lo or hi - lo + 1 > survey_model.MAX_POINTS:
        raise OracleError("invalid_scale")
    if not keys:
        raise VectorBug("at least one key column")
    for col in keys:
        for v in col:
            if not ((_is_int(v) and abs(v) < 2**31) or isinstance(v, str)):
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
    return {"rows": [r for _, r in out_rows], "overall": seg_row([], overall, total, min_n, None)}


def seg_row(key, g, total, min_n, impact):
    return {
        "key": key,
        "n": g["n"],
        "missing": g["missing"],
        "invalid": g["invalid"],
        "share": g["sum_weights"] / total if total > 0 else 0.0,
        "score": g["score"],
        "lower": g["lower"],
        "upper": g["upper"],
        "low_n": g["n"] < min_n,
        "impact": impact,
    }


# --------------------------------------------------------------------------
# Trends
# --------------------------------------------------------------------------


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
            pdl = pd.to_datetime(pd.Series(times), utc=True, format="ISO8601").dt.tz_convert(tz_name)
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
        ca, va, na = stats_model.net_adjusted(a)
        cb, vb, nb = stats_model.net_adjusted(b)
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
        r = stats.ttest_ind_from_stats(fa * a.m, fa * a.s, a.n, fb * b.m, fb * b.s, b.n, equal_var=False)
        p = float(r.pvalue)
    try:  # cross-check with the stats oracle where it applies
        ref = stats_model.compare(a, b, 0.95, None)
    except VectorBug:
        pass  # a Welch interval beyond the scale span: irrelevant here
    else:
        if abs(ref["p_value"] - p) > 1e-12 or abs(ref["difference"] - diff) > 1e-9:
            raise VectorBug("trend comparison disagrees with stats_model.compare")
    return diff, p


def est_value(e) -> float:
    if e.kind == "net":
        return 100.0 * (e.p - e.d)
    if e.kind == "proportion":
        return 100.0 * e.p
    return e.factor * e.m


def f_trend(c: dict) -> dict:
    scores, times, weights, opts = c["scores"], c["times"], c["weights"], c["options"]
    metric, mopts, skip, min_n, level = split_options(opts, {"period", "time_zone", "adjust", "alpha", "rolling_days"})
    if metric not in METRICS:
        raise OracleError("invalid_argument")
    period = opts.get("period", "month")
    adjust = opts.get("adjust", "holm")
    if period not in PERIODS or adjust not in ADJUST:
        raise OracleError("invalid_argument")
    tz_name = opts.get("time_zone", "UTC")
    tz = load_zone(tz_name)
    lo, hi = scale_of(metric, mopts)
    if hi <= lo or hi - lo + 1 > survey_model.MAX_POINTS:
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
        grouped = (
            pd.Series(range(len(starts)), dtype="int64").groupby(pd.Series(starts, dtype=object), sort=True).indices
        )
        windows = [(s, period_label(s, period), [int(i) for i in grouped[s]]) for s in sorted(grouped)]
    else:
        windows = []
        for d in sorted(set(dates)):
            first = d - timedelta(days=rolling)  # window (d − N, d]
            idx = [i for i, x in enumerate(dates) if first < x <= d]
            windows.append((d, f"{d.isoformat()} (last {rolling} d)", idx))

    out, ests = [], []
    for start, label, idx in windows:
        g = group_stats(metric, mopts, rows, idx, weighted, level)
        out.append(
            {
                "start": start.isoformat(),
                "label": label,
                "n": g["n"],
                "missing": g["missing"],
                "score": g["score"],
                "lower": g["lower"],
                "upper": g["upper"],
                "low_n": g["n"] < min_n,
                "change": None,
                "p_value": None,
                "p_adjusted": None,
                "significant": False,
            }
        )
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
        adj = multipletests(np.array([out[i]["p_value"] for i in compared], dtype=np.float64), method=ADJUST[adjust])[1]
        for i, p in zip(compared, adj):
            p = float(p)
            if abs(p - alpha) < 1e-6:
                raise Fragile(f"adjusted p {p} too close to alpha {alpha}")
            out[i]["p_adjusted"] = p
            out[i]["significant"] = p < alpha
    return {"rows": out}


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
