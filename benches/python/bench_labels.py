"""Labelled answers (issue 13): 10 M CSAT answers (skewed like real CSAT: 5 % / 7 % /
13 % / 35 % / 40 % from "Very dissatisfied" to "Very satisfied") counted by ``cx.csat``
from every text container the column paths read, against the same answers as ``int8``.
Prints the best of --repeat runs and the ratio to ``int8`` (all in one run).

    .venv/bin/python benches/python/bench_labels.py [--rows 10000000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import time
from typing import Any, Callable

import numpy as np
import pandas as pd

import cxmetrics as cx

WORDS = ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"]
SKEW = [0.05, 0.07, 0.13, 0.35, 0.40]


def best(f: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
    return min(times)


def columns(points: np.ndarray) -> list[tuple[str, Any]]:
    """The answers in every container, built once (outside the timing)."""
    words = np.array(WORDS, dtype=object)[points - 1]
    out: list[tuple[str, Any]] = [
        ("pandas categorical", pd.Series(pd.Categorical.from_codes(points - 1, WORDS))),
        ("numpy object (shared str objects)", words),
        ("numpy object (one str object a row)", np.array([str(w).encode().decode() for w in words], dtype=object)),
        ("numpy str (U17)", np.array(WORDS)[points - 1]),
        ("pandas object", pd.Series(words)),
        ("pandas string[python]", pd.Series(words, dtype="string[python]")),
    ]
    try:
        import pyarrow as pa

        arrow = pa.array(words, type=pa.string())
        out += [
            ("pandas string[pyarrow]", pd.Series(words, dtype="string[pyarrow]")),
            ("Arrow string", arrow),
            ("Arrow large_string", arrow.cast(pa.large_string())),
            ("Arrow string_view", arrow.cast(pa.string_view())),
            ("Arrow dictionary", arrow.dictionary_encode()),
        ]
    except ImportError:
        pass
    try:
        import polars as pl

        s = pl.Series(words.tolist(), dtype=pl.String)
        out += [
            ("polars String", s),
            ("polars Categorical", s.cast(pl.Categorical)),
            ("polars Enum", s.cast(pl.Enum(WORDS))),
        ]
    except ImportError:
        pass
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    rng = np.random.default_rng(13)
    points = (rng.choice(5, size=a.rows, p=SKEW) + 1).astype(np.int8)
    scale = cx.Scale.satisfaction5()
    expected = cx.csat(points).score
    cols = columns(points)
    for name, col in cols:
        assert cx.csat(col, scale=scale).score == expected, name
    base = best(lambda: cx.csat(points), a.repeat)
    print(f"{a.rows:,} answers, best of {a.repeat}")
    print(f"{'int8 numpy':38s} {base * 1e3:9.1f} ms  {1.0:7.1f}x int8")
    for name, col in cols:
        t = best(lambda col=col: cx.csat(col, scale=scale), a.repeat)
        print(f"{name:38s} {t * 1e3:9.1f} ms  {t / base:7.1f}x int8")


if __name__ == "__main__":
    main()
