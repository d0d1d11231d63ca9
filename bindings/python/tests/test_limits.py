"""Counts never wrap: a tally holds at most 2**64 - 1 rows (n + missing + invalid).

Python ints are exact, so the limit is the core's: everything above it is a
``CxMetricsError`` (``invalid_argument``; ``invalid_format`` when decoding) and the
tally is left unchanged.
"""

from __future__ import annotations

import json
import pickle

import numpy as np

import cxmetrics as cx
from conftest import raises_code

MAX = 2**64 - 1
LIMIT = r"2\^64 - 1 = 18446744073709551615"


def test_the_issues_example_is_an_error_not_a_wrap() -> None:
    # was: Tally.from_counts((0, 1), [2**64 - 1, 1]).n == 0
    with raises_code("invalid_argument", match=LIMIT):
        cx.Tally.from_counts((0, 1), [2**64 - 1, 1])
    with raises_code("invalid_argument", match=r"2\*\*64 - 1"):
        cx.Tally.from_counts((0, 1), [2**64, 0])
    with raises_code("invalid_argument"):
        cx.Tally.from_counts((0, 1), np.array([2**64 - 1, 1], dtype=np.uint64))
    t = cx.Tally.from_counts((0, 1), [MAX, 0])
    assert t.n == MAX
    assert t.counts == [MAX, 0]


def test_merge_add_and_sum_at_the_limit() -> None:
    a = cx.Tally.from_counts((0, 1), [MAX - 5, 0])
    b = cx.Tally.from_counts((0, 1), [0, 5])
    assert (a + b).n == MAX
    assert sum([a, b]).n == MAX
    one = cx.Tally.from_counts((0, 1), [0, 1])
    with raises_code("invalid_argument", match=LIMIT):
        a + b + one
    with raises_code("invalid_argument", match=LIMIT):
        sum([a, b, one])
    full = a + b
    before = full.to_json()
    with raises_code("invalid_argument", match=LIMIT):
        full.merge(one)
    with raises_code("invalid_argument", match=LIMIT):
        full.merge(full)
    assert full.to_json() == before
    half = cx.Tally.from_counts((0, 1), [2**63, 0])
    with raises_code("invalid_argument"):
        half + half
    assert half.n == 2**63


def test_push_and_extend_at_the_limit_leave_the_tally_unchanged() -> None:
    t = cx.Tally.from_counts((0, 1), [MAX - 1, 0])
    t.push(1)
    assert t.n == MAX
    before = t.to_json()
    with raises_code("invalid_argument", match=LIMIT):
        t.push(0)
    with raises_code("invalid_argument", match=LIMIT):
        t.push(None)  # a missing answer is a row too
    with raises_code("invalid_argument", match=LIMIT):
        t.push(1, weight=2.0)
    with raises_code("invalid_argument", match="`scores`"):
        t.extend([1, 0])
    with raises_code("invalid_argument"):
        t.extend(np.ones(3, dtype=np.uint8))
    assert t.to_json() == before
    assert t.n == MAX


def test_decoding_a_state_above_the_limit() -> None:
    state = json.loads(cx.Tally.from_counts((0, 1), [1, 1]).to_json())
    ok = cx.Tally.from_json(json.dumps({**state, "counts": [MAX - 3, 1], "missing": 1, "invalid": 1}))
    assert (ok.n, ok.missing, ok.invalid) == (MAX - 2, 1, 1)
    assert pickle.loads(pickle.dumps(ok)) == ok
    for bad in [
        {**state, "counts": [MAX, 1]},
        {**state, "counts": [MAX, 0], "missing": 1},
        {**state, "counts": [MAX, 0], "invalid": 1},
        {**state, "counts": [2**64, 0]},
    ]:
        with raises_code("invalid_format"):
            cx.Tally.from_json(json.dumps(bad))
