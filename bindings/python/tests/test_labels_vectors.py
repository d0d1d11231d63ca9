"""tests/vectors/labels.json (tests/vectors/oracle_labels.py): labelled answers give the
tally of the same answers as numbers, or the stated error — as a list and as a pandas
categorical (each category read once)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import cxmetrics as cx

VECTORS = Path(__file__).resolve().parents[3] / "tests" / "vectors" / "labels.json"
CASES = json.loads(VECTORS.read_text(encoding="utf-8"))["cases"]


def _scale(c: dict[str, Any]) -> cx.Scale:
    if c["preset"] is not None:
        p = c["preset"]
        make = getattr(cx.Scale, p["name"])
        return make(p["lang"]) if p["lang"] is not None else make()
    lo, hi = c["scale"]
    labels = {t: p for t, p in c["labels"]} if c["labels"] is not None else None
    return cx.Scale(lo, hi, labels=labels, missing=c["missing"])


def _check(c: dict[str, Any], column: Any) -> None:
    if "error" in c:
        with pytest.raises(cx.CxMetricsError) as e:
            cx.Tally(_scale(c), column, on_invalid=c["on_invalid"])
        assert (e.value.code, e.value.index) == (c["error"], c.get("index"))
        if "label" in c:
            assert c["label"] in str(e.value)
        return
    t = cx.Tally(_scale(c), column, on_invalid=c["on_invalid"])
    x = c["expected"]
    assert (t.counts, t.missing, t.invalid) == (x["counts"], x["missing"], x["invalid"])


def test_every_case_is_read() -> None:
    assert len(CASES) >= 70 and {c["function"] for c in CASES} == {"tally_labels"}


@pytest.mark.parametrize("c", CASES, ids=[c["id"] for c in CASES])
def test_labels_vector(c: dict[str, Any]) -> None:
    _check(c, c["answers"])


@pytest.mark.parametrize("c", CASES, ids=[c["id"] for c in CASES])
def test_labels_vector_as_categorical(c: dict[str, Any]) -> None:
    pd = pytest.importorskip("pandas")
    if any(not isinstance(a, (str, type(None))) for a in c["answers"]):
        pytest.skip("numbers and text mixed: not one categorical")
    _check(c, pd.Series(c["answers"], dtype="category"))


def _text_containers(answers: list[Any]) -> list[tuple[str, Any]]:
    """The answers in every text container the column paths read (issue 13: each handed
    to the core as stored): numpy, pandas, polars, Arrow; chunked ones split in two so an
    error's index is counted across chunks."""
    import numpy as np

    out: list[tuple[str, Any]] = [("numpy object", np.array(answers + [0], dtype=object)[:-1])]
    if all(isinstance(a, str) for a in answers) and not any("\0" in a for a in answers):
        out.append(("numpy U", np.array(answers, dtype=str)))
        out.append(("numpy S", np.array([a.encode() for a in answers], dtype=bytes)))
    try:
        import pandas as pd
    except ImportError:
        return out
    out.append(("pandas object", pd.Series(answers, dtype=object)))
    out.append(("pandas string[python]", pd.Series(answers, dtype="string[python]")))
    try:
        import pyarrow as pa
    except ImportError:
        pa = None
    if pa is not None:
        half = len(answers) // 2
        out.append(("pandas string[pyarrow]", pd.Series(answers, dtype="string[pyarrow]")))
        for t in (pa.string(), pa.large_string(), pa.string_view()):
            out.append((f"arrow {t}", pa.array(answers, type=t)))
            out.append((f"arrow chunked {t}", pa.chunked_array([answers[:half], answers[half:]], type=t)))
        out.append(("arrow dictionary", pa.array(answers).dictionary_encode()))
        out.append(
            (
                "arrow chunked dictionary",
                pa.chunked_array(
                    [
                        pa.array(answers[:half], pa.string()).dictionary_encode(),
                        pa.array(answers[half:], pa.string()).dictionary_encode(),
                    ]
                ),
            )
        )
    try:
        import polars as pl
    except ImportError:
        return out
    out.append(("polars String", pl.Series(answers, dtype=pl.String)))
    out.append(("polars Categorical", pl.Series(answers, dtype=pl.Categorical)))
    cats = list(dict.fromkeys(a for a in answers if a is not None))
    out.append(("polars Enum", pl.Series(answers, dtype=pl.Enum(cats))))
    return out


@pytest.mark.parametrize("c", CASES, ids=[c["id"] for c in CASES])
def test_labels_vector_in_every_text_container(c: dict[str, Any]) -> None:
    if any(not isinstance(a, (str, type(None))) for a in c["answers"]):
        pytest.skip("numbers and text mixed: only lists and object arrays hold them")
    if not any(isinstance(a, str) for a in c["answers"]):
        pytest.skip("no text")
    for name, column in _text_containers(list(c["answers"])):
        try:
            _check(c, column)
        except AssertionError as e:
            raise AssertionError(f"{name}: {e}") from e
