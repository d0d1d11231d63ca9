"""Segment keys as the engines store them (issue 17, item 2): every layout the core reads in
place (numpy integers of any width and ``<U`` strings, object arrays, pandas
``Categorical`` / nullable / pyarrow-backed columns, pyarrow string / large_string /
string_view / dictionary arrays and chunked arrays, polars String / Categorical / Enum /
integers) gives the same table as the same keys passed as a Python list (the factorising
path, unchanged), including the documented order of rows (ints before strings, each
ascending) and the refusal of missing keys with the row's index."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import cxmetrics as cx
from conftest import raises_code

RNG = np.random.default_rng(17)
N = 3000
SCORES = RNG.integers(0, 11, N).astype(np.int8)
INTS = RNG.integers(-40, 40, N)  # dense, negative
SPARSE = RNG.choice(np.array([-(2**62), -7, 0, 2**40, 2**62 + 5]), N)
NAMES = np.array([f"store-{i:03d}" for i in range(60)] + ["", "ä-ß", "🙂"], dtype=object)
STRS = NAMES[RNG.integers(0, len(NAMES), N)]


def table(by: Any, **kw: Any) -> list[dict[str, Any]]:
    t = cx.segment(SCORES, by, min_n=1, **kw)
    return [r.to_dict() for r in t] + [t.overall.to_dict()]


def reference(values: list[Any], **kw: Any) -> list[dict[str, Any]]:
    """The same keys as a Python list: the factorising path."""
    return table(list(values), **kw)


def chunked(values: Any, type_: Any, pieces: int = 3) -> pa.ChunkedArray:
    parts = np.array_split(np.asarray(values, dtype=object), pieces)
    return pa.chunked_array([pa.array(p.tolist(), type=type_) for p in parts], type=type_)


INT_LAYOUTS = {
    **{f"numpy-{t}": (lambda v, t=t: np.asarray(v).astype(t)) for t in ("int8", "int16", "int32", "int64")},
    "numpy-big-endian": lambda v: np.asarray(v).astype(">i8"),
    "numpy-strided": lambda v: np.repeat(np.asarray(v), 2)[::2],
    "pandas-int64": lambda v: pd.Series(v),
    "pandas-Int32-nullable": lambda v: pd.Series(v, dtype="Int32"),
    "pandas-int64[pyarrow]": lambda v: pd.Series(v, dtype="int64[pyarrow]"),
    "pyarrow-int16": lambda v: pa.array(np.asarray(v).astype(np.int16)),
    "pyarrow-chunked": lambda v: chunked(v, pa.int64()),
    "polars-Int64": lambda v: pl.Series(v),
    "polars-Int8": lambda v: pl.Series(v, dtype=pl.Int8),
}

STR_LAYOUTS = {
    "numpy-object": lambda v: np.asarray(v, dtype=object),
    "numpy-object-copies": lambda v: np.array([str(x) + "" for x in v], dtype=object),
    "numpy-U": lambda v: np.asarray(v, dtype=str),
    "pandas-object": lambda v: pd.Series(v, dtype=object),
    "pandas-string-python": lambda v: pd.Series(v, dtype="string[python]"),
    "pandas-string-pyarrow": lambda v: pd.Series(v, dtype="string[pyarrow]"),
    "pandas-Categorical": lambda v: pd.Series(pd.Categorical(v)),
    "pandas-Categorical-unused-reordered": lambda v: pd.Series(
        pd.Categorical(v, categories=["zzz-unused", *sorted(set(v), reverse=True)])
    ),
    "pandas-dictionary[pyarrow]": lambda v: pd.Series(pd.arrays.ArrowExtensionArray(pa.array(v).dictionary_encode())),
    "pyarrow-string": lambda v: pa.array(v, type=pa.string()),
    "pyarrow-large_string": lambda v: pa.array(v, type=pa.large_string()),
    "pyarrow-string_view": lambda v: pa.array(v, type=pa.string_view()),
    "pyarrow-dictionary": lambda v: pa.array(v).dictionary_encode(),
    "pyarrow-chunked-dictionaries": lambda v: pa.chunked_array(
        [pa.array(p.tolist()).dictionary_encode() for p in np.array_split(np.asarray(v, dtype=object), 3)]
    ),
    "pyarrow-sliced": lambda v: pa.array(["pad", *v, "pad"]).slice(1, len(v)),
    "polars-String": lambda v: pl.Series(v, dtype=pl.String),
    "polars-Categorical": lambda v: pl.Series(v, dtype=pl.Categorical),
    "polars-Enum": lambda v: pl.Series(v, dtype=pl.Enum(sorted(set(v)))),
}


@pytest.mark.parametrize("layout", INT_LAYOUTS)
@pytest.mark.parametrize("values", [INTS, SPARSE], ids=["dense", "sparse"])
def test_integer_layouts_equal_the_list_path(layout: str, values: np.ndarray) -> None:
    narrow = ("numpy-int8", "numpy-int16", "numpy-int32", "pandas-Int32-nullable", "pyarrow-int16", "polars-Int8")
    if layout in narrow and values is SPARSE:
        values = INTS
    assert table(INT_LAYOUTS[layout](values)) == reference(values.tolist())


def test_unsigned_and_wide_integers() -> None:
    u = RNG.integers(0, 300, N)
    for t in ("uint8", "uint16", "uint32", "uint64"):
        v = u % 256 if t == "uint8" else u
        assert table(v.astype(t)) == reference(v.tolist())
    big = np.array([1, 2**63 + 1], dtype=np.uint64)
    with raises_code("invalid_argument", index=1, match="64-bit"):
        cx.segment([10, 9], big)
    with raises_code("invalid_argument", index=1, match="64-bit"):
        cx.segment([10, 9], pa.array(big))


@pytest.mark.parametrize("layout", STR_LAYOUTS)
def test_string_layouts_equal_the_list_path(layout: str) -> None:
    values = STRS.tolist()
    assert table(STR_LAYOUTS[layout](values)) == reference(values)


def test_weighted_and_other_metrics_through_every_kind() -> None:
    w = RNG.uniform(0.5, 2.0, N)
    for by in (pa.array(STRS.tolist()), pl.Series(STRS.tolist(), dtype=pl.Categorical), INTS.astype(np.int16)):
        want = reference(
            np.asarray(by).tolist() if not isinstance(by, pl.Series) else by.to_list(),
            weights=w,
            metric="csat",
            scale=(0, 10),
            threshold=8,
        )
        assert table(by, weights=w, metric="csat", scale=(0, 10), threshold=8) == want


def test_order_of_rows_is_the_documented_key_order() -> None:
    # ints before strings, each ascending; never the order of appearance or of a dictionary
    by = np.array(["b", 3, "a", -1, 3, "b"], dtype=object)
    t = cx.segment([10, 9, 0, 7, 8, 10], by, min_n=1)
    assert [r.key for r in t] == [(-1,), (3,), ("a",), ("b",)]
    cat = pd.Series(pd.Categorical(["z", "a", "m"], categories=["m", "z", "a"]))
    assert [r.key for r in cx.segment([1, 2, 3], cat, min_n=1)] == [("a",), ("m",), ("z",)]
    mixed = np.array([10, "10", 10], dtype=object)
    assert [r.key for r in cx.segment([1, 2, 3], mixed)] == [(10,), ("10",)]


@pytest.mark.parametrize(
    "by, index",
    [
        (np.array(["a", None, "b", None], dtype=object), 1),
        (np.array(["a", "b", float("nan"), "c"], dtype=object), 2),
        (pd.Series(["a", "b", "c", None], dtype="string[pyarrow]"), 3),
        (pd.Series(["a", "b", None, "c"], dtype="string[python]"), 2),
        (pd.Series(pd.Categorical(["a", None, "b", "a"])), 1),
        (pd.Series([1, 2, None, 4], dtype="Int64"), 2),
        (pa.array(["a", "b", None, "c"]), 2),
        (pa.array(["a", None, "b", "c"], type=pa.large_string()), 1),
        (pa.array(["a", "b", "c", None], type=pa.string_view()), 3),
        (pa.array(["a", None, "a", "b"]).dictionary_encode(), 1),
        (pa.chunked_array([pa.array([1, 2]), pa.array([None, 4], type=pa.int64())]), 2),
        (pa.nulls(4), 0),
        (pl.Series([1, None, 3, 4]), 1),
        (pl.Series(["a", "b", None, "c"]), 2),
        (pl.Series(["a", "b", "c", None], dtype=pl.Categorical), 3),
    ],
    ids=lambda x: type(x).__name__ if not isinstance(x, int) else str(x),
)
def test_missing_keys_are_refused_with_their_row(by: Any, index: int) -> None:
    with raises_code("invalid_argument", index=index, match="missing"):
        cx.segment([10, 9, 8, 7], by)


def test_several_columns_combine_like_the_list_path() -> None:
    a = pl.Series("channel", STRS.tolist(), dtype=pl.Categorical)
    b = INTS.astype(np.int16)
    c = pd.Series(STRS[::-1].tolist(), name="agent")
    want = reference_multi([a.to_list(), b.tolist(), c.tolist()])
    assert table([a, b, c]) == want
    # a product of key ranges too large for a table: the id pairs are hashed
    wide = RNG.integers(0, 2**40, N)
    assert table([wide, wide[::-1].copy()]) == reference_multi([wide.tolist(), wide[::-1].tolist()])
    # column position in the message when several columns are given; lengths first
    with raises_code("invalid_argument", index=2, match="column 1"):
        cx.segment([10, 9, 8], [np.array([1, 2, 3]), pa.array(["a", "b", None])])
    with raises_code("length_mismatch"):
        cx.segment([10, 9, 8], [np.array([1, 2, 3]), pa.array(["a", "b"])])


def reference_multi(columns: list[list[Any]]) -> list[dict[str, Any]]:
    t = cx.segment(SCORES, [list(c) for c in columns], min_n=1)
    return [r.to_dict() for r in t] + [t.overall.to_dict()]


@pytest.mark.parametrize(
    "by",
    [
        pa.array([True, False]),
        pa.array([1.5, 2.5]),
        pl.Series([1.0, 2.0]),
        pd.Series([True, False], dtype="boolean"),
        pa.array([1.0, 2.0]).dictionary_encode(),
        np.array([b"a", b"b"]),
        pd.Series(pd.Categorical([1.5, 2.5])),
    ],
    ids=["pa-bool", "pa-float", "pl-float", "pd-boolean", "pa-dict-float", "np-bytes", "pd-cat-float"],
)
def test_other_key_types_are_a_type_error(by: Any) -> None:
    with pytest.raises(TypeError, match="str or int"):
        cx.segment([10, 9], by)


def test_string_keys_release_the_gil(releases_gil: Any) -> None:
    n = 1_000_000
    scores = np.zeros(n, dtype=np.uint8)
    keys = pa.array(np.array(["x", "yy", "zzz"], dtype=object)[np.arange(n) % 3])
    for t in releases_gil(lambda: cx.segment(scores, keys), "hashing string keys"):
        assert len(t) == 3


def test_large_dense_keys_counted_on_threads_equal_the_general_path() -> None:
    """2 Mi+ rows of one dense integer or Categorical key column take the core's dense
    path (a value × bin histogram on the threads, no ids): the same table as the general
    path (Arrow keys), and the first invalid score by row wherever it falls."""
    rng = np.random.default_rng(5)
    n = (1 << 21) + 77
    keys = rng.integers(-300, 400, n)
    scores = rng.integers(0, 11, n).astype(float)
    scores[rng.random(n) < 0.02] = np.nan

    def tab(by: Any, s: np.ndarray = scores) -> list[dict[str, Any]]:
        t = cx.segment(s, by, min_n=1)
        return [r.to_dict() for r in t] + [t.overall.to_dict()]

    general = tab(chunked(keys, pa.int64(), pieces=2))
    assert tab(keys) == general
    assert tab(keys.astype(np.int16)) == general
    assert tab(pd.Series(pd.Categorical(keys))) == general
    bad = scores.copy()
    bad[[n - 3, n // 2 + 11]] = 11
    for by in (keys, pd.Series(pd.Categorical(keys)), chunked(keys, pa.int64(), pieces=2)):
        with raises_code("out_of_scale", index=n // 2 + 11):
            cx.segment(bad, by)
