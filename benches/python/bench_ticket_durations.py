#!/usr/bin/env python3
"""Business-hours ticket durations on engine data (issue 14): ``ticket_durations`` of
``cxmetrics.spark`` (``mapInArrow`` on the executors), ``cxmetrics.duckdb`` and
``cxmetrics.polars`` (the ticket columns collected as Arrow), against the in-process
computation (``cx.Tickets`` from the Parquet file's Arrow columns + the summary), in one
run; prints times and ratios to in-process (no other library computes durations on a
business calendar with holidays and DST, so the in-process core is the reference).

    .venv/bin/python benches/python/bench_ticket_durations.py [--tickets 200000]

The data is skewed like support queues: creation times uniform over 300 days (so most
tickets arrive outside a 9-17 New York schedule), log-normal durations (first response
median 2 h, σ 1.5; resolution median 20 h, σ 1.2), 10 % unanswered, 25 % unsolved. It is
written once to Parquet that every engine reads. Each result is checked ``==`` to the
in-process summary before timing; the best of 3 runs (Spark: of 2, after a warm-up job
that starts the Python workers).
"""

import argparse
import os
import sys
import tempfile
import time

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

import cxmetrics as cx
import cxmetrics.duckdb as cxd
import cxmetrics.polars as cxp
import cxmetrics.spark as cxs
from cxmetrics import _engines

COLUMNS = {"first_response": "response", "first_solved": "solved", "final_solved": "final"}


def data(n: int, path: str) -> None:
    rng = np.random.default_rng(1)
    created = np.datetime64("2026-01-01T00:00:00", "us").astype(np.int64) + (rng.random(n) * 300 * 86400e6).astype(
        np.int64
    )
    response = created + (rng.lognormal(np.log(7200), 1.5, n) * 1e6).astype(np.int64)
    solved = created + (rng.lognormal(np.log(72000), 1.2, n) * 1e6).astype(np.int64)
    unanswered, unsolved = rng.random(n) < 0.1, rng.random(n) < 0.25
    ts = pa.timestamp("us", tz="UTC")
    table = pa.table(
        {
            "created": pa.array(created, ts),
            "response": pa.array(response, ts, mask=unanswered),
            "solved": pa.array(solved, ts, mask=unsolved),
            "final": pa.array(solved, ts, mask=unsolved),
        }
    )
    pq.write_table(table, path)


def best(f, k: int = 3):
    times, r = [], None
    for _ in range(k):
        t0 = time.perf_counter()
        r = f()
        times.append(time.perf_counter() - t0)
    return min(times), r


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tickets", type=int, default=200_000)
    n = ap.parse_args().tickets
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    office = cx.Schedule(
        "America/New_York",
        [(d, "09:00", "17:00") for d in ("mon", "tue", "wed", "thu", "fri")],
        ["2026-07-03", "2026-11-26", "2026-12-25"],
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "tickets.parquet")
        data(n, path)
        names = ["created", *COLUMNS]

        def in_process(metric: str):
            table = pq.read_table(path).rename_columns(names)
            return _engines.duration_summary(_engines.tickets_from_arrow(table), metric, office, None)

        from pyspark.sql import SparkSession

        spark = (
            SparkSession.builder.master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.memory", "2g")
            .getOrCreate()
        )
        spark.sparkContext.setLogLevel("ERROR")
        sdf = spark.read.parquet(path)
        cxs.ticket_durations(sdf.limit(10), "first_response", **COLUMNS, schedule=office)  # start the workers
        for metric in ("first_response", "full_resolution"):
            t_mem, want = best(lambda: in_process(metric))
            t_pl, got_pl = best(lambda: cxp.ticket_durations(pl.scan_parquet(path), metric, **COLUMNS, schedule=office))
            t_db, got_db = best(
                lambda: cxd.ticket_durations(
                    f"SELECT * FROM read_parquet('{path}')", metric, **COLUMNS, schedule=office
                )
            )
            t_sp, got_sp = best(lambda: cxs.ticket_durations(sdf, metric, **COLUMNS, schedule=office), 2)
            assert got_pl == want and got_db == want and got_sp == want, metric
            print(
                f"{n} tickets, {metric} (business): in-process {t_mem:.3f} s | polars {t_pl:.3f} s "
                f"({t_pl / t_mem:.2f}x) | duckdb {t_db:.3f} s ({t_db / t_mem:.2f}x) | spark local[2] "
                f"{t_sp:.3f} s ({t_sp / t_mem:.2f}x); n={want.n}, open={want.open}",
                flush=True,
            )
        spark.stop()


if __name__ == "__main__":
    main()
