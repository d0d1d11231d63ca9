"""cxmetrics.Tally: construction, merge, push / extend atomicity, JSON, pickle."""

from __future__ import annotations

import copy
import json
import pickle

import numpy as np
import pytest

import cxmetrics as cx
from conftest import raises_code

NPS = cx.Scale.nps()


def test_construct_and_properties() -> None:
    t = cx.Tally(NPS, [10, 9, None, 3, 11], on_invalid="skip")
    assert t.scale == NPS
    assert t.counts == [0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1]
    assert (t.n, t.missing, t.invalid) == (3, 1, 1)
    assert (t.weighted, t.sum_weights, t.n_eff) == (False, 3.0, 3.0)
    assert t.point_weights == [float(c) for c in t.counts]
    empty = cx.Tally((1, 5))
    assert (empty.n, empty.n_eff, empty.counts) == (0, 0.0, [0] * 5)
    with raises_code("empty"):
        cx.csat(empty)


def test_scale_as_tuple_or_scale_is_the_same() -> None:
    assert cx.Tally((0, 10), [1, 2]) == cx.Tally(cx.Scale(0, 10), [1, 2])
    assert cx.Tally([0, 10], [1, 2]) == cx.Tally(NPS, [1, 2])  # a 2-item list works too


def test_weights_without_scores_is_invalid_argument() -> None:
    with raises_code("invalid_argument"):
        cx.Tally(NPS, weights=[1.0])


def test_merge_in_place_returns_none_and_equals_one_pass() -> None:
    a = cx.Tally(NPS, [10, 9, 7])
    b = cx.Tally(NPS, [None, 3, 10])
    assert a.merge(b) is None  # type: ignore[func-returns-value]
    assert a == cx.Tally(NPS, [10, 9, 7, None, 3, 10])
    assert cx.nps(a).score == 40.0
    assert b == cx.Tally(NPS, [None, 3, 10])  # the other is untouched


def test_merge_with_itself_doubles() -> None:
    a = cx.Tally(NPS, [10, 0])
    a.merge(a)
    assert a.counts[10] == 2 and a.counts[0] == 2


def test_merge_scale_mismatch() -> None:
    a = cx.Tally(NPS, [10])
    with raises_code("scale_mismatch", match="same scale"):
        a.merge(cx.Tally(cx.Scale.one_to_ten(), [10]))
    with raises_code("scale_mismatch"):
        _ = a + cx.Tally((1, 10), [10])
    assert a.n == 1
    with pytest.raises(TypeError):
        a.merge([10])  # type: ignore[arg-type]


def test_add_makes_a_new_tally_and_sum_works() -> None:
    parts = [cx.Tally(NPS, [10, 9]), cx.Tally(NPS, [3]), cx.Tally(NPS, [None])]
    total = parts[0] + parts[1]
    assert total.n == 3 and parts[0].n == 2
    assert sum(parts) == cx.Tally(NPS, [10, 9, 3, None])
    with pytest.raises(TypeError):
        _ = parts[0] + 1  # type: ignore[operator]
    with pytest.raises(TypeError):
        _ = 1 + parts[0]


def test_weighted_merge_mixed_with_unweighted() -> None:
    w = cx.Tally(NPS, [10, 0], weights=[2.0, 1.0])
    u = cx.Tally(NPS, [10])
    m = w + u
    assert m.weighted
    assert m.sum_weights == 4.0
    assert cx.nps(m).score == pytest.approx(100 * (3 - 1) / 4)


def test_from_counts() -> None:
    t = cx.Tally.from_counts(NPS, [1, 0, 0, 0, 0, 0, 0, 2, 0, 0, 3])
    assert cx.nps(t).score == pytest.approx(100 / 3)
    assert cx.Tally.from_counts((0, 1), np.array([4, 6], dtype=np.int64)).n == 10
    with raises_code("length_mismatch"):
        cx.Tally.from_counts(NPS, [1, 2])
    with raises_code("invalid_argument", match="counts"):
        cx.Tally.from_counts((0, 1), [1, -1])
    with raises_code("invalid_argument"):
        cx.Tally.from_counts((0, 1), [1, 2**64])
    assert cx.Tally.from_counts((0, 1), [0, 2**64 - 1]).n == 2**64 - 1
    for bad in ([1, 2.0], [1, True], [1, "2"], "12", 3, {0: 1, 1: 2}):
        with pytest.raises(TypeError):
            cx.Tally.from_counts((0, 1), bad)  # type: ignore[arg-type]


def test_push() -> None:
    t = cx.Tally(NPS)
    t.push(9)
    t.push(3.0, weight=2.0)
    t.push(None)
    t.push(float("nan"), weight=float("nan"))  # weight of a missing score is ignored
    assert (t.n, t.missing, t.sum_weights) == (2, 2, 3.0)
    t.push(11, on_invalid="skip")
    assert t.invalid == 1


def test_push_errors_leave_the_tally_unchanged_and_index_rows_seen() -> None:
    t = cx.Tally(NPS, [10, None])
    before = t.copy()
    with raises_code("out_of_scale", index=2):
        t.push(12)
    with raises_code("not_integer", index=2):
        t.push(8.5)
    with raises_code("invalid_weight", index=2):
        t.push(8, weight=-1.0)
    with raises_code("unknown_label", index=2):
        t.push("nine")  # text is read on the scale (issue 13)
    with pytest.raises(TypeError):
        t.push(True)
    with pytest.raises(TypeError):
        t.push([9])  # type: ignore[arg-type]
    assert t == before


def test_extend_is_all_or_nothing() -> None:
    t = cx.Tally((1, 5), [5, 4])
    before = t.copy()
    with raises_code("out_of_scale", index=1):
        t.extend([5, 9, 4])
    with raises_code("length_mismatch"):
        t.extend([5, 4], weights=[1.0])
    with raises_code("invalid_weight", index=2):
        t.extend(np.array([5, 4, 3]), weights=np.array([1.0, 1.0, np.inf]))
    with raises_code("unknown_label", index=1):
        t.extend([5, "four"])
    assert t == before
    t.extend(np.array([1, 2], dtype=np.uint8))
    t.extend([3, 9], on_invalid="skip")
    assert (t.n, t.invalid) == (5, 1)


def test_extend_large_input_equals_one_pass() -> None:
    rng = np.random.default_rng(7)
    a = rng.integers(0, 11, 200_000).astype(np.int16)
    t = cx.Tally(NPS)
    t.extend(a[:150_000])
    t.extend(a[150_000:])
    assert t == cx.Tally(NPS, a)


def test_metric_on_tally_rejects_scale_weights_on_invalid() -> None:
    t = cx.Tally(NPS, [10, 9, 3])
    assert cx.nps(t).n == 3
    with raises_code("invalid_argument", match="scale"):
        cx.nps(t, scale=NPS)  # type: ignore[call-overload]
    with raises_code("invalid_argument", match="weights"):
        cx.nps(t, weights=[1, 1, 1])  # type: ignore[call-overload]
    with raises_code("invalid_argument", match="on_invalid"):
        cx.nps(t, on_invalid="skip")  # type: ignore[call-overload]
    with raises_code("invalid_argument", match="scale"):
        cx.mean(t, scale=(0, 10))  # type: ignore[call-overload]
    assert cx.ces(t, higher_is_better=True).score == pytest.approx(22 / 3)
    assert cx.top_box(t, threshold=9).count == 2


def test_json_round_trip_is_exact() -> None:
    t = cx.Tally(NPS, [10, 9, None, 3], weights=[0.1, 0.2, 5.0, 0.3])
    s = t.to_json()
    doc = json.loads(s)
    assert doc["format"] == "cxmetrics.tally" and doc["version"] == 1
    back = cx.Tally.from_json(s)
    assert back == t
    assert back.sum_weights == t.sum_weights


@pytest.mark.parametrize(
    "text",
    [
        "",
        "{}",
        "[1, 2]",
        '{"format":"other","version":1,"scale":{"min":0,"max":1},"counts":[1,2],"missing":0,"invalid":0,"weights":null}',
        '{"format":"cxmetrics.tally","version":2,"scale":{"min":0,"max":1},"counts":[1,2],"missing":0,"invalid":0,"weights":null}',
        '{"format":"cxmetrics.tally","version":1,"scale":{"min":0,"max":1},"counts":[1],"missing":0,"invalid":0,"weights":null}',
        '{"format":"cxmetrics.tally","version":1,"scale":{"min":1,"max":1},"counts":[1],"missing":0,"invalid":0,"weights":null}',
        '{"format":"cxmetrics.tally","version":1,"scale":{"min":0,"max":1},"counts":[-1,2],"missing":0,"invalid":0,"weights":null}',
    ],
)
def test_from_json_rejects_bad_input(text: str) -> None:
    with raises_code("invalid_format"):
        cx.Tally.from_json(text)


def test_from_json_requires_a_str() -> None:
    with pytest.raises(TypeError):
        cx.Tally.from_json(b"{}")  # type: ignore[arg-type]


def test_pickle_and_copy() -> None:
    for t in (
        cx.Tally(NPS),
        cx.Tally((1, 5), [5, 4, None, 9], on_invalid="skip"),
        cx.Tally(NPS, [10, 0], weights=[0.1, 0.7]),
    ):
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            back = pickle.loads(pickle.dumps(t, protocol=protocol))
            assert back == t and back is not t
        c = copy.copy(t)
        d = copy.deepcopy(t)
        assert c == t == d
        c.push(1)
        assert c != t


def test_scale_value_semantics() -> None:
    s = cx.Scale(0, 10)
    assert (s.min, s.max, s.points) == (0, 10, 11)
    assert repr(s) == "Scale(0, 10)"
    assert s == cx.Scale.nps() and hash(s) == hash(cx.Scale.nps())
    assert len({s, cx.Scale.nps(), cx.Scale.one_to_ten()}) == 2
    assert s != (0, 10)
    assert pickle.loads(pickle.dumps(s)) == s
    assert 10 in s and 11 not in s and 9.5 not in s and "a" not in s
    assert 10.0 in s and np.uint8(3) in s and True not in s and None not in s and float("nan") not in s
    presets = [
        cx.Scale.nps(),
        cx.Scale.one_to_five(),
        cx.Scale.one_to_seven(),
        cx.Scale.one_to_ten(),
        cx.Scale.binary(),
    ]
    assert [(p.min, p.max) for p in presets] == [(0, 10), (1, 5), (1, 7), (1, 10), (0, 1)]
    with pytest.raises(AttributeError):
        s.min = 1  # type: ignore[misc]
    assert cx.Scale(-50, 50).points == 101


@pytest.mark.parametrize(
    "bounds", [(1, 1), (5, 1), (0, 101), (0, 2**31), (-(2**31) - 1, 0), (0, 2**70), (-(2**70), 2**70)]
)
def test_bad_scales_are_invalid_scale(bounds: tuple[int, int]) -> None:
    with raises_code("invalid_scale"):
        cx.Scale(*bounds)
    with raises_code("invalid_scale"):
        cx.nps([1], scale=bounds, buckets=(1, 2))


@pytest.mark.parametrize("bounds", [(1.0, 5), (True, 5), ("1", "5"), (None, 5)])
def test_scale_bounds_must_be_ints(bounds: tuple[object, object]) -> None:
    with pytest.raises(TypeError):
        cx.Scale(*bounds)  # type: ignore[arg-type]
    assert cx.Scale(np.int64(1), np.int8(5)) == cx.Scale(1, 5)


@pytest.mark.parametrize("scale", [(1, 2, 3), (1,), "0-10", 10, {"min": 0, "max": 10}, None])
def test_scale_argument_must_be_scale_or_pair(scale: object) -> None:
    with pytest.raises(TypeError):
        cx.Tally(scale)  # type: ignore[arg-type]


def test_tally_repr_and_hash() -> None:
    t = cx.Tally((0, 1), [1, 1, 0, None])
    assert repr(t) == "Tally(Scale(0, 1), n=3, missing=1, invalid=0, counts=[1, 2])"
    w = cx.Tally((0, 1), [1, 0], weights=[2.0, 2.0])
    assert "sum_weights=4.0" in repr(w) and "n_eff=2.0" in repr(w)
    with pytest.raises(TypeError):
        hash(t)


def test_concurrent_extends_from_threads_are_all_counted() -> None:
    """Large extends run detached from the interpreter; the shared tally stays exact."""
    import threading

    shared = cx.Tally(NPS)
    chunk = np.tile(np.arange(11, dtype=np.uint8), 10_000)  # 110 000 values: tallied detached
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(5):
                shared.extend(chunk)
                cx.nps(shared)
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert shared.n == 4 * 5 * chunk.size
    assert shared.counts == [4 * 5 * 10_000] * 11
