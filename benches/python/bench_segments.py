#!/usr/bin/env python3
"""NPS per segment on 10 M rows × 1,000 segments: cx.segment vs pandas groupby, polars
group_by and DuckDB on the same data, in one run; prints ratios (ours ÷ peer; below 1 =
faster).

    .venv/bin/python benches/python/bench_segments.py [--rows 10000000] [--segments 1000]

Keys are integers (a customer-region id, say) and strings (``store-0001`` …), each in the
layouts the engines store them in: numpy int64 / int32, a pandas object column, a pandas
``Categorical``, a numpy ``<U`` array, a pyarrow string array, polars String and
Categorical. The peers compute the same per-segment NPS with idiomatic expressions on the
same pandas frame (DuckDB reads it in place) or on a polars frame with the same column;
the script checks that all agree to 1e-9 before timing. cx.segment also returns the
overall row, intervals, low-n flags and impact; the peers compute the per-segment score
only.
"""

import argparse
import time

import duckdb
import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa

import cxmetrics as cx


def best(fn, repeat):
    t = []
    out = None
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
    ids = rng.integers(0, a.segments, a.rows).astype(np.int64)
    names = np.array([f"store-{i:04d}" for i in range(a.segments)], dtype=object)
    strs = names[ids]
    con = duckdb.connect()

    def pandas_nps(df):
        d = pd.DataFrame({"k": df["k"], "p": df["s"] >= 9, "d": df["s"] <= 6})
        m = d.groupby("k", sort=True, observed=True)[["p", "d"]].mean()
        return dict(zip(m.index, (100.0 * (m["p"] - m["d"])).to_numpy()))

    def duckdb_nps(df):
        out = con.execute("SELECT k, 100.0 * (avg((s >= 9)::INT) - avg((s <= 6)::INT)) FROM df GROUP BY k").fetchall()
        return dict(out)

    def polars_nps(pf):
        out = pf.group_by("k").agg(((pl.col("s") >= 9).mean() - (pl.col("s") <= 6).mean()) * 100.0)
        return dict(zip(out["k"].to_list(), out[out.columns[1]].to_list()))

    layouts = [
        ("int64 (numpy)", "int", ids),
        ("int32 (numpy)", "int", ids.astype(np.int32)),
        ("str (pandas object)", "str", pd.Series(strs)),
        ("str (numpy <U10)", "str", strs.astype("U10")),
        ("str (pyarrow string)", "str", pa.array(strs, type=pa.string())),
        ("pandas Categorical", "str", pd.Series(pd.Categorical(strs, categories=names))),
        ("polars String", "str", pl.Series("k", strs, dtype=pl.String)),
        ("polars Categorical", "str", pl.Series("k", strs, dtype=pl.Categorical)),
    ]
    print(f"# NPS per segment — {a.rows:,} rows, {a.segments:,} segments, best of {a.repeat}")
    print("| keys | cxmetrics (ms) | ÷ DuckDB | ÷ pandas | ÷ polars | DuckDB (ms) | pandas (ms) | polars (ms) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for label, kind, keys in layouts:
        t_cx, table = best(lambda: cx.segment(scores, keys), a.repeat)
        ours = {row.key[0]: row.score for row in table}
        if isinstance(keys, pl.Series):
            pf = pl.DataFrame({"k": keys, "s": scores})
            df = pf.to_pandas()
        else:
            col = keys.to_pandas() if isinstance(keys, pa.Array) else keys
            df = pd.DataFrame({"k": col, "s": scores})
            pf = pl.DataFrame({"k": ids if kind == "int" else strs.astype(str), "s": scores})
        times = {}
        for name, fn in (
            ("duckdb", lambda: duckdb_nps(df)),
            ("pandas", lambda: pandas_nps(df)),
            ("polars", lambda: polars_nps(pf)),
        ):
            t_p, got = best(fn, a.repeat)
            worst = max(abs(ours[k if kind == "str" else int(k)] - v) for k, v in got.items())
            if worst > 1e-9 or len(got) != len(ours):
                raise SystemExit(f"{name} disagrees on {label} by {worst}")
            times[name] = t_p
        print(
            f"| {label} | {t_cx * 1e3:.1f} | {t_cx / times['duckdb']:.2f} | {t_cx / times['pandas']:.3f} | "
            f"{t_cx / times['polars']:.2f} | {times['duckdb'] * 1e3:.1f} | {times['pandas'] * 1e3:.1f} | "
            f"{times['polars'] * 1e3:.1f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
