#!/usr/bin/env python3
"""The regression guard behind `scripts/bench-check`: reads a criterion run of the tally
bench and a `bench_survey.py --json` run, forms each ratio to its peer (ours ÷ peer, lower
is better; the criterion peers are the memory-read roof and, for the weighted pass, the
unweighted one), and compares them with the ratios committed in
`benches/results/bench-check.json`. Exits 1 when a ratio is more than `--tolerance`
(20 %) worse than its committed value; `--update` writes the new ratios as the baseline.

Only ratios are compared, never absolute times, so a slower or busier machine moves
ours and the peer together; a ratio measured on a loaded machine is still noisier.
"""

import argparse
import json
import platform
import sys
import time
from pathlib import Path

BASELINE = Path(__file__).resolve().parent / "results" / "bench-check.json"

# (criterion id, its peer's id) at the reduced size; `{n}` is the row count
CRITERION_PAIRS = [
    ("u8", "roof_sum_u8"),
    ("f64_nan", "roof_sum_u8"),
    ("i64", "roof_sum_u8"),
    ("f64_validity", "roof_sum_u8"),
    ("csat_u8", "roof_sum_u8"),
    ("f64_nan_weighted", "f64_nan"),
    ("u8_weighted", "u8"),
]


def criterion_ratios(root: Path, n: int) -> dict[str, float]:
    def median(name: str) -> float | None:
        f = root / "tally" / name / str(n) / "new" / "estimates.json"
        if not f.exists():
            return None
        return json.loads(f.read_text())["median"]["point_estimate"]

    out = {}
    for ours, peer in CRITERION_PAIRS:
        a, b = median(ours), median(peer)
        if a is not None and b is not None:
            out[f"rust tally/{ours} ÷ {peer}, {n:,} rows"] = a / b
    return out


def python_ratios(path: Path) -> dict[str, float]:
    data = json.loads(path.read_text())
    return {f"python nps {r['dtype']} ÷ {r['peer']}, {r['rows']:,} rows": r["ratio"] for r in data["results"]}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--criterion", type=Path, required=True, help="criterion's output directory (target/criterion)")
    ap.add_argument("--rows", type=int, default=1_000_000, help="the criterion size to read")
    ap.add_argument("--python", type=Path, required=True, help="bench_survey.py --json output")
    ap.add_argument("--tolerance", type=float, default=0.20)
    ap.add_argument("--update", action="store_true", help="write these ratios as the new baseline")
    a = ap.parse_args()
    ratios = {**criterion_ratios(a.criterion, a.rows), **python_ratios(a.python)}
    if not ratios:
        print("bench-check: no results found", file=sys.stderr)
        return 1
    if a.update:
        simd = json.loads(a.python.read_text()).get("simd")
        BASELINE.write_text(
            json.dumps(
                {
                    "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                    "machine": f"{platform.machine()}, {__import__('os').cpu_count()} cores",
                    "simd": simd,
                    "tolerance": a.tolerance,
                    "ratios": ratios,
                },
                indent=1,
                ensure_ascii=False,
            )
            + "\n"
        )
        print(f"bench-check: wrote {len(ratios)} ratios to {BASELINE}")
        return 0
    base = json.loads(BASELINE.read_text())["ratios"]
    worse = []
    print("| ratio (ours ÷ peer) | committed | now | change |")
    print("|---|---:|---:|---:|")
    for key, now in ratios.items():
        was = base.get(key)
        if was is None:
            print(f"| {key} | — | {now:.3f} | new |")
            continue
        change = now / was - 1
        flag = " **regressed**" if change > a.tolerance else ""
        print(f"| {key} | {was:.3f} | {now:.3f} | {change:+.0%}{flag} |")
        if change > a.tolerance:
            worse.append(key)
    for key in sorted(set(base) - set(ratios)):
        print(f"| {key} | {base[key]:.3f} | — | not measured |")
    if worse:
        print(f"\nbench-check: {len(worse)} ratio(s) regressed more than {a.tolerance:.0%}:", file=sys.stderr)
        for key in worse:
            print(f"  {key}", file=sys.stderr)
        return 1
    print(f"\nbench-check: every ratio within {a.tolerance:.0%} of benches/results/bench-check.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
