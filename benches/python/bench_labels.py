"""Labelled answers (issue 13): 10 M CSAT answers counted as a pandas categorical, as a
plain string (object) column and as a polars Categorical, against the same answers as
int8. Prints the best of --repeat runs of cx.csat and the ratios to int8.

    .venv/bin/python benches/python/bench_labels.py [--rows 10000000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd

import cxmetrics as cx

WORDS = ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"]


def best(f, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    rng = np.random.default_rng(13)
    points = rng.integers(1, 6, size=a.rows).astype(np.int8)
    scale = cx.Scale.satisfaction5()
    words = np.array(WORDS, dtype=object)[points - 1]
    categorical = pd.Series(pd.Categorical.from_codes(points - 1, WORDS))
    strings = pd.Series(words)
    expected = cx.csat(points).score
    assert cx.csat(categorical, scale=scale).score == expected
    assert cx.csat(strings, scale=scale).score == expected
    rows = [("int8 numpy", lambda: cx.csat(points))]
    rows.append(("pandas categorical", lambda: cx.csat(categorical, scale=scale)))
    rows.append(("pandas object strings", lambda: cx.csat(strings, scale=scale)))
    try:
        import polars as pl

        pl_cat = pl.Series(words.tolist(), dtype=pl.Categorical)
        assert cx.csat(pl_cat, scale=scale).score == expected
        rows.append(("polars Categorical", lambda: cx.csat(pl_cat, scale=scale)))
    except ImportError:
        pass
    base = None
    print(f"{a.rows:,} answers, best of {a.repeat}")
    for name, f in rows:
        t = best(f, a.repeat)
        base = base or t
        print(f"{name:24s} {t * 1e3:9.1f} ms  {t / base:6.1f}x int8")


if __name__ == "__main__":
    main()
