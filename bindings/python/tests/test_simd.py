"""Every SIMD level of the counting passes (issue 17): `CXMETRICS_SIMD` chosen at import,
each level the CPU supports run in its own process on the same inputs and checked against
a naive numpy reference (one comparison per value, written here); an unknown level fails
the import with the core's error. The Rust suite runs the conformance vectors at every
level (crates/cxmetrics/tests/vectors.rs)."""

import json
import os
import subprocess
import sys
from typing import Any

import numpy as np
import pytest

import cxmetrics as cx
from cxmetrics import _cxmetrics

# Runs in a child process: tallies of several dtypes (NaN, out-of-scale, fractional values,
# lengths crossing the 16/32/64-lane blocks), skip policy, weights and an Arrow column
# with nulls; prints the level in use and the results as JSON.
CHILD = r"""
import json, sys
import numpy as np
import cxmetrics as cx
from cxmetrics import _cxmetrics

rng = np.random.default_rng(17)
out = {"level": _cxmetrics._simd()["current"], "cases": []}
for n in [0, 1, 63, 4081, 16321, 100_003]:
    base = rng.integers(-2, 13, size=n)
    f = base.astype(np.float64)
    f[rng.random(n) < 0.05] = np.nan
    f[rng.random(n) < 0.01] = 2.5
    w = rng.uniform(0.0, 3.0, size=n)
    for name, x in [("int8", base.astype(np.int8)), ("uint8", np.abs(base).astype(np.uint8)),
                    ("int16", base.astype(np.int16)), ("int32", base.astype(np.int32)),
                    ("int64", base.astype(np.int64)), ("float32", f.astype(np.float32)),
                    ("float64", f)]:
        t = cx.Tally((0, 10), x, on_invalid="skip")
        tw = cx.Tally((0, 10), x, weights=w, on_invalid="skip")
        out["cases"].append({"n": n, "dtype": name, "counts": list(t.counts), "missing": t.missing,
                             "invalid": t.invalid, "w_counts": list(tw.counts), "w_sum": tw.sum_weights})
json.dump(out, sys.stdout)
"""


def reference(x: np.ndarray, w: np.ndarray) -> dict:
    """Naive counts on the 0–10 scale: NaN missing, anything not a whole 0..10 invalid."""
    xf = x.astype(np.float64)
    missing = int(np.isnan(xf).sum())
    counts = [int((xf == k).sum()) for k in range(11)]
    valid = np.isin(xf, np.arange(11))
    return {
        "counts": counts,
        "missing": missing,
        "invalid": len(x) - sum(counts) - missing,
        "w_sum": float(w[valid].sum()),
    }


def run_child(level: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "CXMETRICS_SIMD": level}
    return subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=300)


def expected() -> list:
    rng = np.random.default_rng(17)
    out = []
    for n in [0, 1, 63, 4081, 16321, 100_003]:
        base = rng.integers(-2, 13, size=n)
        f = base.astype(np.float64)
        f[rng.random(n) < 0.05] = np.nan
        f[rng.random(n) < 0.01] = 2.5
        w = rng.uniform(0.0, 3.0, size=n)
        for x in [
            base.astype(np.int8),
            np.abs(base).astype(np.uint8),
            base.astype(np.int16),
            base.astype(np.int32),
            base.astype(np.int64),
            f.astype(np.float32),
            f,
        ]:
            out.append(reference(x, w))
    return out


SIMD = _cxmetrics._simd()


def test_the_best_level_is_used_unless_one_is_forced() -> None:
    assert SIMD["available"][:2] == ["scalar", "baseline"]
    if "CXMETRICS_SIMD" not in os.environ:
        assert SIMD["current"] == SIMD["available"][-1]


@pytest.mark.parametrize("level", SIMD["available"])
def test_every_level_matches_the_naive_reference(level: str) -> None:
    done = run_child(level)
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    assert got["level"] == level
    for case, want in zip(got["cases"], expected(), strict=True):
        where = f"{level}, {case['dtype']}, n={case['n']}"
        assert case["counts"] == want["counts"], where
        assert (case["missing"], case["invalid"]) == (want["missing"], want["invalid"]), where
        assert case["w_counts"] == want["counts"], where
        assert case["w_sum"] == pytest.approx(want["w_sum"], rel=1e-12, abs=1e-12), where


def test_an_unknown_or_unsupported_level_fails_the_import() -> None:
    done = run_child("sse9")
    assert done.returncode != 0
    assert "invalid_argument" in done.stderr or "CxMetricsError" in done.stderr
    assert "simd" in done.stderr
    assert cx.CxMetricsError is not None


# Python lists (issue 17 item 4): ints in CPython's shared small-int range are read by
# identity, everything else item by item; the counts must not depend on the path.
LIST_ITEMS = [*range(-7, 260), 10**20, -(10**20), 2**63, 5.0, 5.5, -0.0, None, float("nan"), 7, 7, 300]


def _reference(seq: Any, lo: int, hi: int) -> tuple[list[int], int, int]:
    xf = np.array([np.nan if v is None else float(v) for v in seq], dtype=np.float64)
    counts = [int((xf == k).sum()) for k in range(lo, hi + 1)]
    missing = int(np.isnan(xf).sum())
    return counts, missing, len(xf) - sum(counts) - missing


@pytest.mark.parametrize(("lo", "hi"), [(0, 10), (-5, 5), (250, 256), (1, 5)])
@pytest.mark.parametrize("kind", [list, tuple])
def test_lists_of_numbers_match_a_numpy_reference(lo: int, hi: int, kind: type) -> None:
    seq = kind(LIST_ITEMS)
    t = cx.Tally((lo, hi), seq, on_invalid="skip")
    assert (list(t.counts), t.missing, t.invalid) == _reference(seq, lo, hi)
    floats = kind(float(v) for v in range(-3, 14))
    t = cx.Tally((lo, hi), floats, on_invalid="skip")
    assert (list(t.counts), t.missing, t.invalid) == _reference(floats, lo, hi)


def test_list_errors_are_unchanged_by_the_small_int_path() -> None:
    with pytest.raises(cx.CxMetricsError) as e:
        cx.nps([10, 9, 3, 11, 2])
    assert (e.value.code, e.value.index) == ("out_of_scale", 3)
    with pytest.raises(TypeError):
        cx.nps([10, True, 3])
    assert cx.nps([10, 9, 0, None]).score == pytest.approx(100 / 3)
