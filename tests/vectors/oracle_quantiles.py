#!/usr/bin/env python3
"""Independent oracle for the quantiles and tail probabilities the cxmetrics core uses.

Writes tests/vectors/quantiles.json: the envelope of the other vector files
(format, version, provenance, one case per line).

This script deliberately does NOT import cxmetrics. Every expected value is a
scipy / statsmodels call:

  norm_ppf   scipy.stats.norm.ppf(p)          norm_sf  scipy.stats.norm.sf(x)
  t_ppf      scipy.stats.t.ppf(p, df)         t_sf     scipy.stats.t.sf(x, df)
  beta_ppf   scipy.stats.beta.ppf(p, a, b)    (Boost's ibeta_inv / students_t in scipy 1.17)
  interval   statsmodels proportion_confint(method="beta" | "jeffreys") and
             scipy.stats.t.interval for the mean of Tally::from_counts((1, 5), counts)
  compare    scipy.stats.ttest_ind_from_stats(equal_var=False) and its interval
             (difference ± t.ppf(1 − α/2, Welch df) · se)

Grid: df and n in {1, 2, 5, 30, 1e3, 1e5, 3e6, 4e6, 1e7, 1.45e7, 1.5e7, 1e9, 1e12};
p from 1e-12 to 1 − 1e-12; beta parameters are the Clopper–Pearson and Jeffreys
parameters of x = 0, 1, n/2, n − 1, n for every n of the grid, plus a few others.
The interval cases are the ones that hung or were too narrow with statrs 0.19
(issue 15 item 1): the mean of 15 M responses, Clopper–Pearson of 0 / 10 M,
Jeffreys and Clopper–Pearson around n = 3e6.

Tolerance rule (as every vector file): |actual − expected| <= 1e-9 · max(1, |expected|),
applied here as a relative rule to quantiles, whose size varies over 40 decades:
|actual − expected| <= 1e-9 · |expected| (1e-9 · max(1e-300, …) for 0).

Regenerate (from the repository root):

    .venv/bin/pip install -q numpy scipy statsmodels   # once
    .venv/bin/python tests/vectors/oracle_quantiles.py

Output is byte-stable for given Python / scipy / statsmodels versions (no timestamps,
no randomness, fixed case order).
"""

from __future__ import annotations

import math

import numpy as np
import scipy
import statsmodels
from oracle_common import HERE, TOL, generator, versions, write_vectors
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

OUT = HERE / "quantiles.json"

GRID = [1, 2, 5, 30, 1e3, 1e5, 3e6, 4e6, 1e7, 1.45e7, 1.5e7, 1e9, 1e12]
P = [1e-12, 1e-9, 1e-6, 0.001, 0.025, 0.05, 0.3, 0.5, 0.7, 0.95, 0.975, 0.999, 1 - 1e-6, 1 - 1e-9, 1 - 1e-12]

cases: list[dict] = []


def num(v: float) -> float:
    v = float(v)
    if not math.isfinite(v):
        raise SystemExit(f"non-finite expected value {v}")
    return v


def add(id_: str, function: str, args: dict, expected, **extra) -> None:
    case = {"id": id_, "function": function, "args": args, "expected": expected, "tolerance": TOL}
    case.update(extra)
    cases.append(case)


# ── raw quantiles and tail probabilities ───────────────────────────────────────────

for p in P:
    add(f"norm_ppf/p={p!r}", "norm_ppf", {"p": p}, num(stats.norm.ppf(p)))
for x in [0.0, 0.5, 1.959963984540054, 5.0, 7.0, 10.0, 20.0, 37.0]:
    add(f"norm_sf/x={x!r}", "norm_sf", {"x": x}, num(stats.norm.sf(x)))

for df in GRID + [1.5, 0.7]:
    df = float(df)
    for p in P:
        add(f"t_ppf/df={df!r}/p={p!r}", "t_ppf", {"p": p, "df": df}, num(stats.t.ppf(p, df)))
    # tail probabilities at the quantiles of the grid (the p-values of those statistics)
    # and at a few fixed statistics
    xs = sorted({float(stats.t.isf(p, df)) for p in [1e-12, 1e-6, 0.025, 0.3]} | {0.5, 2.0, 10.0})
    for x in xs:
        v = num(stats.t.sf(x, df))
        if v == 0.0:
            continue
        add(f"t_sf/df={df!r}/x={x!r}", "t_sf", {"x": x, "df": df}, v)

pairs: list[tuple[str, float, float]] = []
for n in GRID:
    n = float(n)
    xs = sorted({0.0, 1.0, math.floor(n / 2), n - 1, n})
    for x in xs:
        if x < 0 or x > n:
            continue
        if x >= 1:
            pairs.append((f"cp-lower/n={n!r}/x={x!r}", x, n - x + 1))
        if x <= n - 1:
            pairs.append((f"cp-upper/n={n!r}/x={x!r}", x + 1, n - x))
        pairs.append((f"jeffreys/n={n!r}/x={x!r}", x + 0.5, n - x + 0.5))
pairs += [
    ("other/a=0.5/b=0.5", 0.5, 0.5),
    ("other/a=2/b=3", 2.0, 3.0),
    ("other/a=0.5/b=1e12", 0.5, 1e12),
    ("other/a=1e12/b=0.5", 1e12, 0.5),
    ("other/a=1e12/b=1e12", 1e12, 1e12),
    ("other/a=3.7/b=2e9", 3.7, 2e9),
    ("other/a=250.5/b=7e8", 250.5, 7e8),
    ("other/a=1e5/b=3e11", 1e5, 3e11),
]


def upper_closed(x: float, a: float, b: float) -> float:
    """1 − I_x(a, b) for a = 1 or 2: P(Binomial(a + b − 1, x) < a)."""
    n = a + b - 1
    if a == 1:
        return math.exp(b * math.log1p(-x))
    return math.exp((n - 1) * math.log1p(-x)) * ((1 - x) + n * x)


def refine_closed(x: float, a: float, b: float, q: float) -> float:
    """Newton on the closed form 1 − I_x(a, b) = q (a = 1, 2), from scipy's x."""
    for _ in range(20):
        # density x^(a−1) (1−x)^(b−1) / B(a, b), B(1, b) = 1/b, B(2, b) = 1/(b(b+1))
        dens = math.exp((b - 1) * math.log1p(-x)) * (b if a == 1 else x * b * (b + 1))
        step = (upper_closed(x, a, b) - q) / dens
        x += step
        if abs(step) <= 1e-17 * x:
            break
    return x


seen = set()
refined = []
for name, a, b in pairs:
    if (a, b) in seen:
        continue
    seen.add((a, b))
    for p in P:
        v = num(stats.beta.ppf(p, a, b))
        extra = {}
        if a in (1.0, 2.0) and p > 0.5 and 0 < v < 0.5:
            # scipy's beta.ppf misses 1e-8 here (a = 2, b = 1e9 − 1): check the upper tail
            # against the binomial identity and refine on it when it disagrees
            q = 1 - p
            if abs(upper_closed(v, a, b) / q - 1) > 1e-12:
                r = refine_closed(v, a, b, q)
                assert abs(upper_closed(r, a, b) / q - 1) < 1e-13
                extra["note"] = (
                    f"scipy beta.ppf gives {v!r} (upper tail off by "
                    f"{upper_closed(v, a, b) / q - 1:.1e}); refined by Newton on "
                    f"the binomial identity 1 - I_x({a:g}, b) = P(Bin(a+b-1, x) < a)"
                )
                refined.append((name, p, v, r))
                v = r
        add(f"beta_ppf/{name}/p={p!r}", "beta_ppf", {"p": p, "a": a, "b": b}, v, **extra)

# ── intervals through the public API ───────────────────────────────────────────────


def mean_interval(counts: list[int], level: float) -> None:
    pts = np.arange(1, 6, dtype=float)
    c = np.asarray(counts, dtype=float)
    n = c.sum()
    mean = float((pts * c).sum() / n)
    sd = math.sqrt(float((c * (pts - mean) ** 2).sum()) / (n - 1))
    lo, hi = stats.t.interval(level, n - 1, loc=mean, scale=sd / math.sqrt(n))
    lo, hi = max(lo, 1.0), min(hi, 5.0)  # the library clamps to the scale
    add(
        f"interval/mean/counts={counts}/level={level}",
        "interval",
        {"kind": "mean_counts", "scale": [1, 5], "counts": counts, "level": level, "method": "t"},
        {"lower": num(lo), "upper": num(hi)},
        tolerance=TOL,
        note=f"n = {n:.0f}: mean {mean}, sd {sd}; scipy t.interval with {n - 1:.0f} df, clamped to 1-5",
    )


for counts in (
    [3_000_000] * 5,
    [1_000_000] * 5,
    [800_000] * 5,
    [2_900_000] * 5,
    [200_000_000] * 5,
    [200_000_000_000] * 5,
    [1, 0, 0, 0, 1],
    [5, 1, 7, 2_000_000, 9],
):
    for level in (0.95, 0.99):
        mean_interval(counts, level)

SM = {"clopper_pearson": "beta", "jeffreys": "jeffreys"}
for n in [10_000_000, 3_000_000, 2_999_999, 4_000_000, 1_000_000_000_000, 30]:
    for x in sorted({0, 1, n // 2, n - 1, n}):
        for method in ("clopper_pearson", "jeffreys"):
            for level in (0.95, 0.99):
                lo, hi = proportion_confint(x, n, alpha=1 - level, method=SM[method])
                add(
                    f"interval/proportion/{method}/x={x}/n={n}/level={level}",
                    "interval",
                    {"kind": "proportion_counts", "successes": x, "n": n, "level": level, "method": method},
                    {"lower": num(100 * lo), "upper": num(100 * hi)},
                )

for ma, sa, na, mb, sb, nb in [
    (3.0, 1.2, 1e7, 3.001, 1.1, 2e7),
    (3.0, 1.2, 2e7, 3.0005, 1.25, 3e7),
    (4.1, 0.9, 1e12, 4.1000001, 0.95, 1e12),
    (3.2, 1.0, 3e6, 3.1, 1.1, 4e6),
]:
    res = stats.ttest_ind_from_stats(ma, sa, na, mb, sb, nb, equal_var=False)
    va, vb = sa * sa / na, sb * sb / nb
    se = math.sqrt(va + vb)
    df = (va + vb) ** 2 / (va * va / (na - 1) + vb * vb / (nb - 1))
    tc = stats.t.ppf(0.975, df)
    d = ma - mb
    add(
        f"compare/welch/na={na:g}/nb={nb:g}",
        "compare_welch",
        {"a": {"mean": ma, "sd": sa, "n": na}, "b": {"mean": mb, "sd": sb, "n": nb}, "level": 0.95},
        {
            "difference": num(d),
            "statistic": num(res.statistic),
            "p_value": num(res.pvalue),
            "df": num(df),
            "lower": num(d - tc * se),
            "upper": num(d + tc * se),
        },
        note="scipy ttest_ind_from_stats(equal_var=False); interval d ± t.ppf(0.975, df)·se",
    )

# ── sanity: scipy's own round trip cdf(ppf(p)) (printed, not recorded) ─────────────
# Below 5e-11 relative everywhere except at a = b ~ 1e12 (Jeffreys and Clopper–Pearson at
# x = n/2 = 5e11), where scipy's beta.cdf disagrees with its beta.ppf by up to 5e-4 while
# the ppf agrees with cxmetrics' independent evaluation to 1.5e-10: so only quantiles are
# recorded for the beta, not its cdf (the core uses no beta cdf for p-values).
worst = 0.0
for c in cases:
    if c["function"] == "beta_ppf":
        a, b, p = c["args"]["a"], c["args"]["b"], c["args"]["p"]
        x = c["expected"]
        tail = stats.beta.cdf(x, a, b) if p <= 0.5 else stats.beta.sf(x, a, b)
        want = p if p <= 0.5 else 1 - p
        if 0 < x <= 0.5 and tail > 0:  # above ½ the double x itself is coarse
            worst = max(worst, abs(tail / want - 1))

prov = {
    "generator": generator(__file__),
    **versions(np, scipy, statsmodels),
    "method": "scipy.stats norm.ppf / norm.sf / t.ppf / t.sf / beta.ppf (Boost in scipy); "
    "statsmodels proportion_confint (beta, jeffreys); scipy t.interval and "
    "ttest_ind_from_stats; beta.ppf refined on the binomial identity where it misses "
    "(a case note says so); not cxmetrics",
    "spec": "docs/metrics/statistics.md (t, Clopper-Pearson and Jeffreys intervals, Welch); issue 15 item 1",
    "tolerance_rule": "quantiles and probabilities (norm_*, t_*, beta_ppf): |actual - expected| "
    "<= tolerance * |expected| (relative; they span 40 decades); interval and "
    "compare_welch fields: |actual - expected| <= tolerance * max(1, |expected|)",
}
text = write_vectors(OUT, prov, cases)

counts: dict[str, int] = {}
for c in cases:
    counts[c["function"]] = counts.get(c["function"], 0) + 1
print(f"wrote {OUT} ({len(text)} bytes, {len(cases)} cases: {counts}); beta round-trip worst {worst:.2e}")
for name, p, v, r in refined:
    print(f"  refined {name} p={p}: scipy {v!r} -> {r!r} ({r / v - 1:+.1e})")
