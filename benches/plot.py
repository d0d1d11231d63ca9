#!/usr/bin/env python3
"""Draws benches/ratios.png from the benchmarks' JSON output: ours ÷ peer on a log axis
(below 1 = cxmetrics is faster), one panel for Python (cx.nps at 10 M rows per dtype vs
numpy / pandas / polars / DuckDB), one for JavaScript (wasm in Node and in headless
Chromium at 10⁶ rows vs filter/reduce and a hand-written typed-array loop) and one for
the zero-copy input (issue 17 item 3: a filled ScoresBuffer and the chunked copy vs the
faster validating loop and filter/reduce).

    .venv/bin/python benches/python/bench_survey.py --rows 10000000 --json benches/results/python.json
    node benches/js/bench_nps.mjs --json benches/results/node.json
    node benches/js/bench_browser.mjs --json benches/results/chromium.json
    node benches/js/bench_nps.mjs --zero --json benches/results/node_zero.json
    node benches/js/bench_browser.mjs --zero --json benches/results/chromium_zero.json
    .venv/bin/python benches/plot.py            # → benches/ratios.png

A missing JSON file leaves its part of the chart out.
"""

import argparse
import json
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter, LogLocator

HERE = os.path.dirname(os.path.abspath(__file__))
RESULTS = os.path.join(HERE, "results")


def load(path):
    if path and os.path.exists(path):
        with open(path) as f:
            return json.load(f)
    return None


def hbars(ax, categories, series, title):
    """categories: labels top to bottom; series: [(label, color, hatch, [ratio or None per category])]."""
    k = len(series)
    h = 0.8 / k
    for j, (label, color, hatch, values) in enumerate(series):
        for i, v in enumerate(values):
            if v is None:
                continue
            y = i - 0.4 + h * (j + 0.5)
            # bars grow from 1 (parity): leftwards = cxmetrics faster, length = log of the ratio
            ax.barh(
                y,
                v - 1,
                height=h * 0.92,
                left=1,
                color=color,
                hatch=hatch,
                edgecolor="white",
                linewidth=0.4,
                label=label if i == next(ii for ii, vv in enumerate(values) if vv is not None) else None,
            )
            txt = f"{v:.2f}" if v < 10 else f"{v:.0f}"
            if v < 1:
                ax.text(v / 1.06, y, txt, va="center", ha="right", fontsize=6.5, color="#333")
            else:
                ax.text(v * 1.06, y, txt, va="center", ha="left", fontsize=6.5, color="#333")
    lo = min(v for *_, vals in series for v in vals if v is not None)
    hi = max(v for *_, vals in series for v in vals if v is not None)
    ax.set_xlim(min(lo, 1) / 2.2, max(hi, 1) * 2.2)
    ax.set_yticks(range(len(categories)), categories, fontsize=8.5)
    ax.invert_yaxis()
    ax.set_xscale("log")
    ax.axvline(1, color="black", linewidth=1)
    ax.xaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{x:g}"))
    ax.tick_params(axis="x", labelsize=7.5)
    ax.grid(axis="x", which="major", color="#ddd", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.set_title(title, fontsize=9.5, loc="left")
    ax.set_xlabel("ours ÷ peer (time; log scale; < 1 = cxmetrics faster)", fontsize=8)
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)


def python_panel(ax, data, rows):
    # peers only (the weighted ÷ unweighted rows compare cxmetrics with itself)
    res = [r for r in data["results"] if r["rows"] == rows and not r["peer"].startswith("cxmetrics")]
    dtypes = list(dict.fromkeys(r["dtype"] for r in res))
    peers = list(dict.fromkeys(r["peer"] for r in res))
    colors = {
        "numpy": "#4c72b0",
        "pandas": "#55a868",
        "polars": "#c44e52",
        "duckdb": "#8172b2",
        "pyarrow.compute": "#dd8452",
    }
    spare = iter(["#937860", "#da8bc3", "#8c8c8c", "#ccb974", "#64b5cd"])
    names = {"numpy": "numpy", "pandas": "pandas", "polars": "polars", "duckdb": "DuckDB"}
    series = []
    for p in peers:
        colors.setdefault(p, next(spare, "#444"))
        vals = [next((r["ratio"] for r in res if r["dtype"] == d and r["peer"] == p), None) for d in dtypes]
        series.append((f"÷ {names.get(p, p)}", colors.get(p, None), None, vals))
    ours = {d: next(r["ours_s"] for r in res if r["dtype"] == d) for d in dtypes}
    labels = [f"{d.replace('+nan', ', 5 % NaN')}\n({ours[d] * 1e3:.1f} ms)" for d in dtypes]
    hbars(ax, labels, series, f"Python: cx.nps, {rows / 1e6:g} M rows ({data.get('runtime', 'Python')})")


def js_panel(ax, runs, n):
    cats = []
    for run in runs:
        for r in run["results"]:
            if r["n"] == n and (r["metric"], r["input"]) not in cats:
                cats.append((r["metric"], r["input"]))
    palette = {"node": ("#c6dbef", "#6baed6", "#08519c"), "chromium": ("#fdd0a2", "#fd8d3c", "#a63603")}
    series = []
    for run in runs:
        light, mid, dark = palette.get(run["env"], ("#ddd", "#999", "#444"))
        who = "Node" if run["env"] == "node" else "Chromium"
        for key, peer, color, hatch in [
            ("ratio_filter_reduce", "filter/reduce", light, None),
            ("ratio_typed_loop", "typed loop (if/else)", mid, None),
            ("ratio_typed_flat", "typed loop (branch-free)", dark, None),
        ]:
            if not any(key in r for r in run["results"]):
                continue
            vals = [
                next((r.get(key) for r in run["results"] if r["n"] == n and (r["metric"], r["input"]) == c), None)
                for c in cats
            ]
            series.append((f"{who}: ÷ {peer}", color, hatch, vals))
    labels = [f"{m} {i}" for m, i in cats]
    runtimes = " vs ".join(r.get("runtime", r["env"]) for r in runs)
    hbars(ax, labels, series, f"JavaScript: wasm (copy into wasm included), {n:,} rows ({runtimes})")


def zero_panel(ax, runs):
    """Issue 17 item 3: ours from a filled ScoresBuffer and from a Float64Array (chunked
    copy) ÷ the faster validating JS loop and ÷ filter/reduce, per metric and answers."""
    cats = []
    for run in runs:
        for r in run["zero_copy"]:
            if (r["metric"], r["dist"]) not in cats:
                cats.append((r["metric"], r["dist"]))
    palette = {"node": ("#c6dbef", "#6baed6", "#08519c"), "chromium": ("#fdd0a2", "#fd8d3c", "#a63603")}
    series = []
    for run in runs:
        light, mid, dark = palette.get(run["env"], ("#ddd", "#999", "#444"))
        who = "Node" if run["env"] == "node" else "Chromium"
        for key, what, color in [
            ("speedup_buffer_vs_faster_loop", "buffer ÷ faster validating loop", dark),
            ("speedup_copy_vs_faster_loop", "copy ÷ faster validating loop", mid),
            ("speedup_buffer_vs_filter_reduce", "buffer ÷ filter/reduce", light),
        ]:
            vals = []
            for c in cats:
                r = next((r for r in run["zero_copy"] if (r["metric"], r["dist"]) == c), None)
                vals.append(1 / r[key] if r and r.get(key) else None)
            series.append((f"{who}: {what}", color, None, vals))
    runtimes = " vs ".join(r.get("runtime", r["env"]) for r in runs)
    n = runs[0]["zero_copy"][0]["n"]
    hbars(
        ax,
        [f"{m} {d}" for m, d in cats],
        series,
        f"JavaScript zero-copy: ScoresBuffer / chunked copy, {n:,} rows ({runtimes})",
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--python", default=os.path.join(RESULTS, "python.json"))
    ap.add_argument("--node", default=os.path.join(RESULTS, "node.json"))
    ap.add_argument("--chromium", default=os.path.join(RESULTS, "chromium.json"))
    ap.add_argument("--node-zero", default=os.path.join(RESULTS, "node_zero.json"))
    ap.add_argument("--chromium-zero", default=os.path.join(RESULTS, "chromium_zero.json"))
    ap.add_argument("--rows", type=int, default=10_000_000, help="Python panel: rows")
    ap.add_argument("--n", type=int, default=1_000_000, help="JS panel: rows")
    ap.add_argument("--out", default=os.path.join(HERE, "ratios.png"))
    a = ap.parse_args()
    py = load(a.python)
    js = [d for d in (load(a.node), load(a.chromium)) if d]
    zero = [d for d in (load(a.node_zero), load(a.chromium_zero)) if d and d.get("zero_copy")]
    panels = ([("py", py)] if py else []) + ([("js", js)] if js else []) + ([("zero", zero)] if zero else [])
    if not panels:
        raise SystemExit("no results to plot (run the benchmarks with --json first)")

    # panel heights follow their number of bars
    def bars(kind, data):
        if kind == "py":
            res = [r for r in data["results"] if r["rows"] == a.rows and not r["peer"].startswith("cxmetrics")]
            return len(res) + len({r["dtype"] for r in res})
        if kind == "zero":
            return len({(r["metric"], r["dist"]) for run in data for r in run["zero_copy"]}) * (3 * len(data) + 1)
        keys = {(r["metric"], r["input"]) for run in data for r in run["results"] if r["n"] == a.n}
        return len(keys) * (3 * len(data) + 1)

    heights = [max(bars(k, d), 4) for k, d in panels]
    fig, axes = plt.subplots(
        len(panels),
        1,
        figsize=(9.5, 1.6 + 0.12 * sum(heights) + 0.9 * len(panels)),
        squeeze=False,
        gridspec_kw={"height_ratios": heights},
    )
    for ax, (kind, data) in zip(axes[:, 0], panels):
        if kind == "py":
            python_panel(ax, data, a.rows)
        elif kind == "zero":
            zero_panel(ax, data)
        else:
            js_panel(ax, data, a.n)
    meta = py or js[0]
    m = meta.get("machine", {})
    dates = sorted({d["date"][:10] for d in ([py] if py else []) + js + zero if d.get("date")})
    fig.suptitle(
        f"cxmetrics ÷ peers — {m.get('cpu', '?')}, {m.get('cores', '?')} cores, {m.get('os', '')}; "
        f"{', '.join(dates)}\none run each, best-of-N timing, on a shared cloud VM (noisy)",
        fontsize=9,
    )
    fig.tight_layout(rect=(0, 0, 1, 0.97))
    fig.savefig(a.out, dpi=100, pil_kwargs={"optimize": True})
    print(f"wrote {a.out} ({os.path.getsize(a.out) / 1024:.0f} KB)")


if __name__ == "__main__":
    main()
