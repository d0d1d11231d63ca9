#!/usr/bin/env python3
"""NPS per segment on 10 M rows × 1,000 segments: cx.segment vs pandas groupby and polars
group_by on the same data, in one run; prints ratios (ours ÷ peer; below 1 = faster).

    .venv/bin/python benches/python/bench_segments.py [--rows 10000000] [--segments 1000]

Keys are integers (a customer-region id, say) and strings (channel names); the peers
compute the same per-segment NPS with idiomatic expressions and the script checks that
all three agree to 1e-9 before timing. cx.segment also returns the overall row, intervals,
low-n flags and impact; the peers compute the per-segment score only.
"""

import argparse
import time

import numpy as np
import pandas as pd
import polars as pl

import cxmetrics as cx


def best(fn, repeat):
    t = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        t.append(time.perf_counter() - t0)
    return min(t), out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--segments", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    rng = np.random.default_rng(20261126)
    scores = rng.integers(0, 11, a.rows).astype(np.int8)
    keys_int = rng.integers(0, a.segments, a.rows).astype(np.int64)
    names = np.array([f"seg-{i:04d}" for i in range(a.segments)], dtype=object)
    keys_str = names[keys_int]

    def pandas_nps(keys):
        df = pd.DataFrame({"k": keys, "s": scores})
        g = df.groupby("k", sort=True)["s"]
        return 100.0 * (g.apply(lambda s: (s >= 9).mean()) - g.apply(lambda s: (s <= 6).mean()))

    def pandas_nps_fast(keys):
        df = pd.DataFrame({"k": keys, "p": scores >= 9, "d": scores <= 6})
        m = df.groupby("k", sort=True)[["p", "d"]].mean()
        return 100.0 * (m["p"] - m["d"])

    def polars_nps(keys):
        df = pl.DataFrame({"k": keys, "s": scores})
        return df.group_by("k").agg(((pl.col("s") >= 9).mean() - (pl.col("s") <= 6).mean()) * 100.0).sort("k")

    print(f"# NPS per segment — {a.rows:,} rows, {a.segments:,} segments, best of {a.repeat}")
    print("| keys | cxmetrics (ms) | peer | peer (ms) | ours ÷ peer |")
    print("|---|---:|---|---:|---:|")
    for label, keys in [("int64", keys_int), ("str", keys_str)]:
        t_cx, table = best(lambda: cx.segment(scores, keys), a.repeat)
        ours = {row.key[0]: row.score for row in table}
        peers = {
            "pandas groupby (boolean means)": lambda: pandas_nps_fast(keys),
            "polars group_by": lambda: polars_nps(keys),
        }
        for name, fn in peers.items():
            t_p, out = best(fn, a.repeat)
            got = (
                dict(zip(out.index, out.values))
                if isinstance(out, pd.Series)
                else dict(zip(out["k"].to_list(), out[out.columns[1]].to_list()))
            )
            worst = max(abs(ours[k] - v) for k, v in got.items())
            if worst > 1e-9 or len(got) != len(ours):
                raise SystemExit(f"{name} disagrees by {worst}")
            print(f"| {label} | {t_cx * 1e3:.1f} | {name} | {t_p * 1e3:.1f} | {t_cx / t_p:.3f} |")


if __name__ == "__main__":
    main()
