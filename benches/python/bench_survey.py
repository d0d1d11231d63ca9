#!/usr/bin/env python3
"""Times cx.nps / cx.csat / cx.ces against idiomatic numpy, pandas, polars and DuckDB on the
same arrays, in one run, and prints ratios (ours ÷ peer; below 1 means cxmetrics is faster).
Arrow rows: a pyarrow float64 array and a polars Series, both with 5 % nulls, which
cxmetrics reads in place (Arrow PyCapsule interface), against pyarrow.compute and polars.

    .venv/bin/pip install -r benches/requirements.txt
    (cd bindings/python && ../../.venv/bin/maturin develop --release)   # a release build!
    .venv/bin/python benches/python/bench_survey.py [--rows 10000000] [--repeat 5] [--dist uniform skewed]

Answers are drawn uniformly from 0–10 (`uniform`) or from a realistic skewed distribution
where most answers are 8–10 (`skewed`). Also timed: weighted float64 against the same
unweighted call (target: within 2×), and a Python list of ints / floats of 10⁶ items
against `numpy.asarray` of the same list (the conversion alone). `CXMETRICS_SIMD`
(scalar, baseline, avx2, avx512) forces a SIMD level; the level used is recorded.

Every implementation computes the same number from the same data; the script checks they
agree before timing. The peers do not validate their input (out-of-scale or fractional
values would silently count), cxmetrics does, in the same pass.
"""

import argparse
import json
import platform
import time

import numpy as np

import cxmetrics as cx


def best(fn, repeat):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), out


def peers_nps(x):
    out = {}

    def numpy_nps():
        v = x[~np.isnan(x)] if x.dtype.kind == "f" else x
        return 100.0 * (np.count_nonzero(v >= 9) - np.count_nonzero(v <= 6)) / v.size

    out["numpy"] = numpy_nps
    try:
        import pandas as pd

        s = pd.Series(x)

        def pandas_nps():
            v = s.dropna()
            return 100.0 * ((v >= 9).mean() - (v <= 6).mean())

        out["pandas"] = pandas_nps
    except ImportError:
        pass
    try:
        import polars as pl

        ps = pl.Series("x", x, nan_to_null=True)

        def polars_nps():
            v = ps.drop_nulls()
            return 100.0 * ((v >= 9).mean() - (v <= 6).mean())

        out["polars"] = polars_nps
    except ImportError:
        pass
    try:
        import duckdb
        import pandas as pd

        con = duckdb.connect()
        con.register("t", pd.DataFrame({"x": x}))
        q = (
            (
                "select 100.0 * (count(*) filter (where x >= 9) - count(*) filter (where x <= 6)) / count(x) "
                "from t where not isnan(x)"
            )
            if x.dtype.kind == "f"
            else ("select 100.0 * (count(*) filter (where x >= 9) - count(*) filter (where x <= 6)) / count(x) from t")
        )

        def duckdb_nps():
            return con.execute(q).fetchone()[0]

        out["duckdb"] = duckdb_nps
    except ImportError:
        pass
    return out


def _arrow_nps_peers(arr):
    """Peers on Arrow data: pyarrow.compute on the array, polars on the same buffers."""
    out = {}
    import pyarrow.compute as pc

    def pyarrow_nps():
        n = pc.count(arr).as_py()  # non-null
        promoters = pc.sum(pc.greater_equal(arr, 9)).as_py()
        detractors = pc.sum(pc.less_equal(arr, 6)).as_py()
        return 100.0 * (promoters - detractors) / n

    out["pyarrow.compute"] = pyarrow_nps
    try:
        import polars as pl

        ps = pl.from_arrow(arr)

        def polars_nps():
            v = ps.drop_nulls()
            return 100.0 * ((v >= 9).mean() - (v <= 6).mean())

        out["polars"] = polars_nps
    except ImportError:
        pass
    return out


def arrow_inputs(rows, rng):
    """(label, column, peers): a pyarrow float64 array with 5 % nulls and a polars Int8
    Series with 5 % nulls, both read by cxmetrics in place through the Arrow PyCapsule
    interface."""
    try:
        import pyarrow as pa
    except ImportError:
        return []
    values = rng.integers(0, 11, size=rows)
    nulls = rng.random(rows) < 0.05
    arr = pa.array(values.astype(np.float64), mask=nulls)
    out = [("pyarrow float64+null", arr, _arrow_nps_peers(arr))]
    try:
        import polars as pl

        series = pl.from_arrow(pa.array(values.astype(np.int8), mask=nulls))
        out.append(("polars Int8+null", series, _arrow_nps_peers(series.to_arrow())))
    except ImportError:
        pass
    return out


# A realistic skewed NPS answer distribution (most answers 8–10), probabilities of 0..10.
SKEWED = np.array([1, 1, 1, 1.5, 1.5, 3, 4, 10, 22, 25, 30], dtype=np.float64)
SKEWED /= SKEWED.sum()


def answers(rows, rng, dist="uniform"):
    if dist == "skewed":
        return rng.choice(11, size=rows, p=SKEWED)
    return rng.integers(0, 11, size=rows)


def make(rows, dtype, rng, dist="uniform"):
    x = answers(rows, rng, dist)
    if dtype == "float64+nan":
        x = x.astype(np.float64)
        x[rng.random(rows) < 0.05] = np.nan
        return x
    return x.astype(dtype)


def _machine():
    import os

    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "os": f"{platform.system()} {platform.release()} {platform.machine()}"}


def _versions():
    from importlib.metadata import PackageNotFoundError, version

    out = {"cxmetrics": cx.__version__}
    for name in ["numpy", "pandas", "polars", "duckdb", "pyarrow"]:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            pass
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, nargs="+", default=[10_000_000])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--dist", nargs="+", default=["uniform", "skewed"], choices=["uniform", "skewed"])
    ap.add_argument("--list-items", type=int, default=1_000_000, help="items of the Python-list rows (0: skip)")
    ap.add_argument("--no-arrow", action="store_true", help="skip the Arrow rows")
    ap.add_argument("--json", help="also write the results here")
    a = ap.parse_args()
    rng = np.random.default_rng(20261126)
    results = []
    simd = cx._cxmetrics._simd()
    print(
        f"# cx.nps vs peers — {platform.machine()}, numpy {np.__version__}, cxmetrics {cx.__version__}, "
        f"SIMD {simd['current']} (available: {', '.join(simd['available'])})"
    )
    print("| rows | dtype | cxmetrics (ms) | peer | peer (ms) | ours ÷ peer |")
    print("|---:|---|---:|---|---:|---:|")

    def row(rows, dtype, name, t_cx, t_p):
        ratio = t_cx / t_p
        results.append({"rows": rows, "dtype": dtype, "peer": name, "ours_s": t_cx, "peer_s": t_p, "ratio": ratio})
        print(f"| {rows:,} | {dtype} | {t_cx * 1e3:.2f} | {name} | {t_p * 1e3:.2f} | {ratio:.3f} |", flush=True)

    for rows in a.rows:
        for dist in a.dist:
            for dtype in ["int8", "uint8", "int64", "float64+nan"]:
                x = make(rows, dtype, rng, dist)
                label = dtype if dist == "uniform" else f"{dtype} {dist}"
                t_cx, r = best(lambda: cx.nps(x), a.repeat)
                for name, fn in peers_nps(x).items():
                    t_p, v = best(fn, a.repeat)
                    if abs(v - r.score) > 1e-9:
                        raise SystemExit(f"{name} disagrees: {v} vs {r.score}")
                    row(rows, label, name, t_cx, t_p)
                if dtype == "float64+nan":
                    # weighted vs the same unweighted call (the target: within 2×)
                    w = rng.uniform(0.5, 2.0, size=rows)
                    t_w, _ = best(lambda: cx.nps(x, weights=w), a.repeat)
                    row(rows, f"{label} weighted", "cxmetrics unweighted", t_w, t_cx)
        if a.no_arrow:
            continue
        for dtype, col, peers in arrow_inputs(rows, rng):
            t_cx, r = best(lambda: cx.nps(col), a.repeat)
            for name, fn in peers.items():
                t_p, v = best(fn, a.repeat)
                if abs(v - r.score) > 1e-9:
                    raise SystemExit(f"{name} disagrees on {dtype}: {v} vs {r.score}")
                ratio = t_cx / t_p
                results.append(
                    {"rows": rows, "dtype": dtype, "peer": name, "ours_s": t_cx, "peer_s": t_p, "ratio": ratio}
                )
                print(f"| {rows:,} | {dtype} | {t_cx * 1e3:.2f} | {name} | {t_p * 1e3:.2f} | {ratio:.3f} |")
    # Python lists: cx.nps from a list vs numpy converting the same list (conversion only)
    if a.list_items:
        items = a.list_items
        ints = answers(items, rng, "skewed").tolist()
        floats = [float(v) for v in ints]
        for label, lst in [("list[int]", ints), ("list[float]", floats)]:
            t_cx, r = best(lambda: cx.nps(lst), a.repeat)
            t_p, arr = best(lambda: np.asarray(lst), a.repeat)
            if abs(cx.nps(arr).score - r.score) > 1e-9:
                raise SystemExit(f"list and array disagree on {label}")
            row(items, label, "numpy.asarray", t_cx, t_p)
            print(f"  {label}: {t_cx / items * 1e9:.1f} ns an item")
    # per-call overhead on a small input
    small = [10, 9, 9, 8, 7, 3] * 16 + [10, 2, 9, 8]
    n = 20000
    t0 = time.perf_counter()
    for _ in range(n):
        cx.nps(small)
    per_call = (time.perf_counter() - t0) / n
    arr = np.array(small, dtype=np.int64)
    t0 = time.perf_counter()
    for _ in range(n):
        cx.nps(arr)
    per_call_np = (time.perf_counter() - t0) / n
    print(f"\nper-call overhead, 100 responses: list {per_call * 1e6:.2f} µs, int64 array {per_call_np * 1e6:.2f} µs")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(
                {
                    "env": "python",
                    "runtime": f"Python {platform.python_version()}",
                    "machine": _machine(),
                    "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                    "versions": _versions(),
                    "repeat": a.repeat,
                    "simd": simd["current"],
                    "simd_available": simd["available"],
                    "results": results,
                    "per_call_list_s": per_call,
                    "per_call_array_s": per_call_np,
                },
                f,
                indent=1,
            )


if __name__ == "__main__":
    main()
