"""The survey oracle: NPS, CSAT, CES, mean, top/bottom box and distribution recomputed with
numpy from the formulas in docs/metrics/survey.md (conventions in docs/conventions.md).

Never imports cxmetrics. Used by oracle_survey.py (survey.json) and by the stats and
segments oracles.
"""

from __future__ import annotations

import math

import numpy as np

from oracle_common import OracleError, VectorBug, is_int as _is_int
from oracle_common import num_cell as _num

DEFAULT_SCALE = {"nps": (0, 10), "csat": (1, 5)}
FUNCTIONS = ("nps", "csat", "ces", "mean", "top_box", "bottom_box", "distribution")
CSAT_METHODS = ("top_box", "mean", "percent_of_max", "net")
CES_METHODS = ("mean", "percent_agree", "net_effort")
MAX_POINTS = 101


def _default_top(lo: int, hi: int) -> int:
    """Top two points; the top point alone on 2- and 3-point scales (decision in CHANGELOG)."""
    return hi if hi - lo + 1 <= 3 else hi - 1


def _default_bottom(lo: int, hi: int) -> int:
    return lo if hi - lo + 1 <= 3 else lo + 1


def _ces_default_threshold(lo: int, hi: int, hib: bool) -> int:
    # points strictly beyond the midpoint (lo+hi)/2 on the easy side
    if hib:
        return (lo + hi) // 2 + 1  # smallest integer > midpoint
    return -((-(lo + hi)) // 2) - 1  # largest integer < midpoint (ceil(mid) - 1)


def oracle(fn: str, scores: list, weights: list | None, opts: dict) -> dict:
    """Return the expected result dict, or raise OracleError.

    Precedence (spec + brief): scale validation (invalid_scale, then
    scale_mismatch) -> length_mismatch -> per-row errors in index order
    (for one row: score problems before weight problems) -> option validation
    (thresholds / buckets) -> empty -> zero total weight.
    """
    if fn not in FUNCTIONS:
        raise VectorBug(f"unknown function {fn}")
    allowed = {"scale", "on_invalid", "buckets", "method", "threshold", "bottom_threshold", "higher_is_better"}
    if set(opts) - allowed:
        raise VectorBug(f"unknown options {set(opts) - allowed}")

    # ---- 1. scale validation ------------------------------------------------
    if "scale" in opts:
        lo, hi = opts["scale"]
    elif fn in DEFAULT_SCALE:
        lo, hi = DEFAULT_SCALE[fn]
    else:
        raise VectorBug(f"{fn} requires an explicit scale")
    if not (_is_int(lo) and _is_int(hi)):
        raise VectorBug("scale bounds must be JSON integers")
    if not (-(2**31) <= lo < 2**31 and -(2**31) <= hi < 2**31):
        raise VectorBug("scale bounds must fit in i32")
    if hi <= lo or hi - lo + 1 > MAX_POINTS:
        raise OracleError("invalid_scale")

    method = opts.get("method")
    if fn == "csat":
        method = method or "top_box"
        if method not in CSAT_METHODS:
            raise VectorBug(f"bad csat method {method}")
    elif fn == "ces":
        method = method or "mean"
        if method not in CES_METHODS:
            raise VectorBug(f"bad ces method {method}")
        if not isinstance(opts.get("higher_is_better"), bool):
            raise VectorBug("ces needs higher_is_better")
    elif method is not None:
        raise VectorBug(f"method not applicable to {fn}")

    # scale compatibility (part of scale validation)
    if fn == "nps" and opts.get("buckets") is None and (lo, hi) != (0, 10):
        raise OracleError("scale_mismatch")
    if fn == "csat" and method == "percent_of_max" and lo < 0:
        raise OracleError("scale_mismatch")

    # ---- 2. length ------------------------------------------------------------
    if weights is not None and len(weights) != len(scores):
        raise OracleError("length_mismatch")

    # ---- 3. rows --------------------------------------------------------------
    on_invalid = opts.get("on_invalid", "error")
    if on_invalid not in ("error", "skip"):
        raise VectorBug("bad on_invalid")
    skip = on_invalid == "skip"
    rows = classify_rows(scores, weights, lo, hi, skip)
    missing = sum(1 for r in rows if r[0] == "missing")
    invalid = sum(1 for r in rows if r[0] == "invalid")
    xs: list[float] = [r[1] for r in rows if r[0] == "valid"]
    ws: list[float] = [r[2] for r in rows if r[0] == "valid"]

    # ---- 4. options -------------------------------------------------------
    def on_scale(t) -> bool:
        if not _is_int(t):
            raise VectorBug("thresholds must be JSON integers")
        return lo <= t <= hi

    extra = set(opts) - {"scale", "on_invalid"}
    if fn == "nps":
        if extra - {"buckets"}:
            raise VectorBug(f"irrelevant options for nps: {extra}")
        b = opts.get("buckets")
        if b is not None:
            dmax, pmin = b["detractor_max"], b["promoter_min"]
            if not (_is_int(dmax) and _is_int(pmin)):
                raise VectorBug("bucket bounds must be integers")
            if not (lo <= dmax < pmin <= hi):
                raise OracleError("invalid_argument")
        else:
            dmax, pmin = 6, 9
    elif fn == "csat":
        relevant = {"method"}
        if method in ("top_box", "net"):
            relevant.add("threshold")
        if method == "net":
            relevant.add("bottom_threshold")
        if extra - relevant:
            raise VectorBug(f"irrelevant options for csat/{method}: {extra - relevant}")
        thr = opts.get("threshold", _default_top(lo, hi))
        bot = opts.get("bottom_threshold", _default_bottom(lo, hi))
        if method in ("top_box", "net") and not on_scale(thr):
            raise OracleError("invalid_argument")
        if method == "net":
            if not on_scale(bot):
                raise OracleError("invalid_argument")
            if bot >= thr:
                raise OracleError("invalid_argument")
    elif fn == "ces":
        hib = opts["higher_is_better"]
        relevant = {"method", "higher_is_better"}
        if method in ("percent_agree", "net_effort"):
            relevant.add("threshold")
        if extra - relevant:
            raise VectorBug(f"irrelevant options for ces/{method}: {extra - relevant}")
        thr = opts.get("threshold", _ces_default_threshold(lo, hi, hib))
        if not on_scale(thr):
            raise OracleError("invalid_argument")
        # keep vectors unambiguous: the easy side must lie strictly beyond the midpoint
        mid2 = lo + hi  # 2 * midpoint
        if (hib and 2 * thr <= mid2) or (not hib and 2 * thr >= mid2):
            raise VectorBug("ces threshold not strictly beyond the midpoint (unspecified)")
    elif fn in ("top_box", "bottom_box"):
        if extra - {"threshold"}:
            raise VectorBug(f"irrelevant options for {fn}: {extra}")
        thr = opts.get("threshold", _default_top(lo, hi) if fn == "top_box" else _default_bottom(lo, hi))
        if not on_scale(thr):
            raise OracleError("invalid_argument")
    else:  # mean, distribution
        if extra:
            raise VectorBug(f"irrelevant options for {fn}: {extra}")

    # ---- 5. empty / zero weight --------------------------------------------
    n = len(xs)
    if n == 0:
        raise OracleError("empty")
    x = np.asarray(xs, dtype=np.float64)
    w = np.asarray(ws, dtype=np.float64)
    weighted = weights is not None
    if weighted:
        sw = float(np.sum(w))
        if sw == 0.0:
            raise OracleError("invalid_weight")  # "total weight is zero", no index
        n_eff = sw * sw / float(np.sum(w * w))
    else:
        sw = float(n)
        n_eff = float(n)

    def share(mask) -> float:
        return float(np.sum(w[mask])) / sw

    base = {"n": n, "missing": missing, "invalid": invalid, "sum_weights": sw, "n_eff": n_eff}

    # ---- 6. metrics ---------------------------------------------------------
    if fn == "nps":
        pro = x >= pmin
        det = x <= dmax
        pas = ~(pro | det)
        wp, wd = float(np.sum(w[pro])), float(np.sum(w[det]))
        out = {
            "score": 100.0 * (wp - wd) / sw,
            "promoters": wp / sw,
            "passives": share(pas),
            "detractors": wd / sw,
            "n_promoters": int(pro.sum()),
            "n_passives": int(pas.sum()),
            "n_detractors": int(det.sum()),
        }
        out.update(base)
        return out

    if fn == "distribution":
        points = list(range(lo, hi + 1))
        counts = [int(np.sum(x == p)) for p in points]
        shares = [share(x == p) for p in points]
        return {"points": points, "counts": counts, "shares": shares, "n": n, "missing": missing, "invalid": invalid}

    mean = float(np.sum(w * x)) / sw
    if fn == "csat":
        if method == "top_box":
            score = 100.0 * share(x >= thr)
        elif method == "mean":
            score = mean
        elif method == "percent_of_max":
            score = 100.0 * float(np.sum(w * x)) / (sw * hi)
        else:  # net
            score = 100.0 * (share(x >= thr) - share(x <= bot))
    elif fn == "ces":
        mirror = lo + hi - thr
        easy = (x >= thr) if hib else (x <= thr)
        hard = (x <= mirror) if hib else (x >= mirror)
        if method == "mean":
            score = mean
        elif method == "percent_agree":
            score = 100.0 * share(easy)
        else:  # net_effort
            score = 100.0 * (share(easy) - share(hard))
    elif fn == "top_box":
        score = 100.0 * share(x >= thr)
    elif fn == "bottom_box":
        score = 100.0 * share(x <= thr)
    else:  # mean
        score = mean

    out = {"score": score}
    out.update(base)
    if fn == "mean":
        if n_eff <= 1.0:
            out["std_dev"] = None
        else:
            var = float(np.sum(w * (x - mean) ** 2)) / sw * (n_eff / (n_eff - 1.0))
            out["std_dev"] = math.sqrt(var)
    return out


def classify_rows(scores: list, weights: list | None, lo: int, hi: int, skip: bool) -> list:
    """Per row: ("valid", x, w) | ("missing",) | ("invalid",). Raises the first row error
    (index order; a score problem before a weight problem) unless skip. A missing row's
    weight is ignored, whatever it is."""
    out = []
    for i, s in enumerate(scores):
        if s is None:
            out.append(("missing",))
            continue
        x = _num(s)
        if math.isnan(x):
            raise VectorBug("write missing scores as null, not 'nan'")
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
            if not math.isfinite(w) or w < 0:
                code = "invalid_weight"
        if code is not None:
            if not skip:
                raise OracleError(code, i)
            out.append(("invalid",))
            continue
        out.append(("valid", x, w))
    return out
