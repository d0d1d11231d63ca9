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
