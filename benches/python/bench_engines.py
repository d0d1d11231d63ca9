#!/usr/bin/env python3
"""Per-segment NPS pushed down to Spark, DuckDB and Polars (issue 14), against in-process
cx.segment and pandas groupby on the same data, in one run; prints ratios (below 1 =
faster than pandas).

    .venv/bin/python benches/python/bench_engines.py [--rows 10000000] [--segments 100]

The data (int8 scores 0-10 with 2 % missing, int64 segment keys) is written once to a
Parquet file that every engine reads: DuckDB into an in-memory table, Polars into a
DataFrame, Spark (local[2], a cached DataFrame) — loading is not timed, the query is. Each
pushdown result is checked equal to cx.segment on the numpy columns before timing (the
same SegmentTable: counts, scores, intervals, impact).
"""

import argparse
import os
import shutil
import tempfile
import time

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

import cxmetrics as cx
import cxmetrics.duckdb as cxd
import cxmetrics.polars as cxp
import cxmetrics.spark as cxs


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
    ap.add_argument("--segments", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-spark", action="store_true")
    a = ap.parse_args()
    rng = np.random.default_rng(20261207)
    scores = rng.integers(0, 11, a.rows).astype(np.float32)
    scores[rng.random(a.rows) < 0.02] = np.nan
    keys = rng.integers(0, a.segments, a.rows).astype(np.int64)
    tmp = tempfile.mkdtemp()
    path = os.path.join(tmp, "survey.parquet")
    pq.write_table(pa.table({"k": keys, "score": scores}), path, row_group_size=1 << 20)

    want = cx.segment(scores, pd.Series(keys, name="k")).to_dict()

    def pandas_nps():
        df = pd.DataFrame({"k": keys, "p": scores >= 9, "d": scores <= 6, "v": ~np.isnan(scores)})
        g = df.groupby("k", sort=True)[["p", "d", "v"]].sum()
        return 100.0 * (g["p"] - g["d"]) / g["v"]

    import duckdb

    con = duckdb.connect()
    con.execute(f"CREATE TABLE survey AS SELECT * FROM read_parquet('{path}')")
    frame = pl.read_parquet(path)
    runs = {
        "cx.segment (numpy columns, in process)": lambda: cx.segment(scores, pd.Series(keys, name="k")),
        "cxmetrics.duckdb.segment (table)": lambda: cxd.segment(con.table("survey"), "score", "k"),
        "cxmetrics.polars.segment (DataFrame)": lambda: cxp.segment(frame, "score", "k"),
        "cxmetrics.polars.segment (LazyFrame over Parquet)": lambda: cxp.segment(pl.scan_parquet(path), "score", "k"),
    }
    spark = None
    if not a.no_spark:
        from pyspark.sql import SparkSession

        spark = (
            SparkSession.builder.master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.driver.memory", "6g")
            .getOrCreate()
        )
        spark.sparkContext.setLogLevel("ERROR")
        sdf = spark.read.parquet(path).cache()
        sdf.count()
        runs["cxmetrics.spark.segment (cached DataFrame, local[2])"] = lambda: cxs.segment(sdf, "score", "k")
        runs["cxmetrics.spark.segment (Parquet scan, local[2])"] = lambda: cxs.segment(
            spark.read.parquet(path), "score", "k"
        )

    t_pd, out = best(pandas_nps, a.repeat)
    ours = {r["key"][0]: r["score"] for r in want["rows"]}
    worst = max(abs(ours[k] - v) for k, v in out.items())
    if worst > 1e-9:
        raise SystemExit(f"pandas disagrees by {worst}")
    print(f"# NPS per segment — {a.rows:,} rows, {a.segments} segments, best of {a.repeat}")
    print(f"pandas groupby (boolean sums): {t_pd * 1e3:.0f} ms")
    print("| run | ms | ÷ pandas groupby |")
    print("|---|---:|---:|")
    for name, fn in runs.items():
        got = fn().to_dict()
        if got != want:
            raise SystemExit(f"{name}: not the table cx.segment gives")
        t, _ = best(fn, a.repeat)
        print(f"| {name} | {t * 1e3:.0f} | {t / t_pd:.2f} |", flush=True)
    if spark is not None:
        spark.stop()
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
