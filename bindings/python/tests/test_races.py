"""Issue 15 item 4: races at the boundary.

Large numpy arrays and Arrow buffers are read in place with the GIL released, so another
Python thread may write them while the core counts. The contract (docs/conventions.md,
"Concurrent writes"): such a write changes the answer only as writing that row before or
after it was read would — never a panic, never a count above the rows read, and the
values stored under Arrow nulls never matter.

Each test runs a writer thread that toggles one row for a bounded number of calls (no
timed assertions) and checks every call's outcome against a hand-derived expectation:
the result with the row's old value, the result with its new value, or the documented
error for the new value at that row's index.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np
import pytest

import cxmetrics as cx

N = 2_000_000
ROW = 1_234_567  # the row the writer toggles (well past the first counting blocks)
CALLS = 40  # calls per test while the writer runs


@contextmanager
def writer(write: Callable[[int], None]) -> Iterator[None]:
    """Runs `write(k)` for k = 0, 1, 2, … on another thread until the block exits."""
    stop = threading.Event()

    def run() -> None:
        k = 0
        while not stop.is_set():
            write(k)
            k += 1

    t = threading.Thread(target=run, daemon=True)
    t.start()
    try:
        yield
    finally:
        stop.set()
        t.join()


def base_scores() -> np.ndarray:
    # 0..10 repeating: per score exactly N / 11 rows (rounded), so counts are known
    return (np.arange(N) % 11).astype(np.float64)


def expected_nps_counts(scores: np.ndarray) -> tuple[int, int, int]:
    valid = scores[~np.isnan(scores)]
    return (int((valid >= 9).sum()), int(((valid >= 7) & (valid <= 8)).sum()), int((valid <= 6).sum()))


def check_error(e: cx.CxMetricsError, code: str, index: int) -> None:
    assert (e.code, e.index) == (code, index), (e.code, e.index, str(e))


@pytest.mark.parametrize("dtype", ["float64", "int8"])
def test_toggling_a_score_gives_old_new_or_the_error(dtype: str) -> None:
    scores = base_scores().astype(dtype)
    old = scores.copy()
    old[ROW] = 10
    new_valid = scores.copy()
    new_valid[ROW] = 3
    allowed = {expected_nps_counts(old.astype(np.float64)), expected_nps_counts(new_valid.astype(np.float64))}
    values = [10, 3, 12]  # promoter, detractor, out of scale

    def write(k: int) -> None:
        scores[ROW] = values[k % 3]

    ok = errors = 0
    with writer(write):
        for _ in range(CALLS):
            try:
                r = cx.nps(scores)
            except cx.CxMetricsError as e:
                check_error(e, "out_of_scale", ROW)
                errors += 1
                continue
            assert (r.n_promoters, r.n_passives, r.n_detractors) in allowed
            assert r.n_promoters + r.n_passives + r.n_detractors == N
            ok += 1
            t = cx.Tally(cx.Scale.nps(), scores, on_invalid="skip")
            assert t.n + t.missing + t.invalid == N
            assert t.invalid in (0, 1) and t.missing == 0
    assert ok + errors == CALLS


def test_toggling_a_weight_gives_old_new_or_the_error() -> None:
    scores = base_scores()
    weights = np.ones(N)
    values = [1.0, 2.0, -1.0, float("nan")]
    sums = {float(N), float(N + 1)}

    def write(k: int) -> None:
        weights[ROW] = values[k % 4]

    with writer(write):
        for _ in range(CALLS):
            try:
                t = cx.Tally(cx.Scale.nps(), scores, weights=weights)
            except cx.CxMetricsError as e:
                check_error(e, "invalid_weight", ROW)
                continue
            assert t.n == N and t.sum_weights in sums
            s = cx.Tally(cx.Scale.nps(), scores, weights=weights, on_invalid="skip")
            assert s.n + s.invalid == N and s.invalid in (0, 1)
            assert s.sum_weights in (float(N - 1), *sums)


def arrow_with_writable_nulls() -> tuple[Any, np.ndarray, np.ndarray]:
    """A float64 Arrow array over numpy memory we can write: every 10th row null."""
    pa = pytest.importorskip("pyarrow")
    values = base_scores()
    valid = np.arange(N) % 10 != 3
    bitmap = np.packbits(valid, bitorder="little")
    arr = pa.Array.from_buffers(pa.float64(), N, [pa.py_buffer(bitmap), pa.py_buffer(values)])
    assert arr.null_count == N // 10
    return arr, values, valid


def test_values_under_arrow_nulls_never_matter() -> None:
    arr, values, valid = arrow_with_writable_nulls()
    expected = cx.nps(values[valid])
    null_rows = np.flatnonzero(~valid)[[0, 1, 7, 50_000, 150_000, -1]]
    garbage = [11.0, -1e300, float("nan"), 0.0, 10.0, float("inf"), 9.5]

    def write(k: int) -> None:
        values[null_rows] = garbage[k % len(garbage)]

    with writer(write):
        for _ in range(CALLS):
            r = cx.nps(arr)
            assert (r.score, r.n_promoters, r.n_passives, r.n_detractors, r.missing) == (
                expected.score,
                expected.n_promoters,
                expected.n_passives,
                expected.n_detractors,
                N // 10,
            )
            t = cx.Tally(cx.Scale.nps(), arr, weights=np.ones(N))
            assert (t.n, t.missing, t.invalid, t.sum_weights) == (expected.n, N // 10, 0, float(expected.n))


def test_segments_and_trends_under_a_writer() -> None:
    scores = base_scores()
    keys = np.arange(N) % 3
    values = [10.0, 3.0, 5.5]  # promoter, detractor, not an integer

    def write(k: int) -> None:
        scores[ROW] = values[k % 3]

    import datetime

    day = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
    times = np.full(N, np.datetime64(day.replace(tzinfo=None), "s"))
    with writer(write):
        for _ in range(CALLS // 4):
            try:
                table = cx.segment(scores, keys)
            except cx.CxMetricsError as e:
                check_error(e, "not_integer", ROW)
            else:
                assert sum(row.n for row in table.rows) == N
                assert table.overall.n == N
            try:
                trend = cx.trend(scores, times, period="month")
            except cx.CxMetricsError as e:
                check_error(e, "not_integer", ROW)
            else:
                assert [row.n for row in trend.rows] == [N]
            try:
                m = cx.mean_of(scores)
            except cx.CxMetricsError as e:  # pragma: no cover - every value is finite
                raise AssertionError(e) from e
            assert m.n == N
