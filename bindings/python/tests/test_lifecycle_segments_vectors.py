"""Every case of tests/vectors/lifecycle.json (conversion, churn, retention, CLV) and of
tests/vectors/segments.json (segments and trends); format in tests/vectors/README.md.

Mirrors crates/cxmetrics/tests/vectors_lifecycle_segments.rs. Segment keys run as given (a list of
key columns) and, when there is one column, as that column alone, as a numpy array
and as a pandas Series; trends run with ISO strings and with a tz-aware pandas column.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

import cxmetrics as cx
from conftest import assert_close, check_error, decode, load_vectors

LIFECYCLE = load_vectors("lifecycle.json")
SEGMENTS = load_vectors("segments.json")
CASES = LIFECYCLE + SEGMENTS
METRIC_OPTIONS = {"scale", "buckets", "threshold", "bottom_threshold", "higher_is_better"}


def _rate(r: Any, level: float | None) -> dict[str, Any]:
    out = r.to_dict()
    i = r.interval() if level is None else r.interval(level)
    out.update(lower=i.lower, upper=i.upper)
    return out


def _metric_kwargs(o: dict[str, Any]) -> dict[str, Any]:
    kw: dict[str, Any] = {k: o[k] for k in METRIC_OPTIONS if o.get(k) is not None}
    if "scale" in kw:
        kw["scale"] = tuple(kw["scale"])
    if o.get("method") is not None:  # the CSAT / CES method
        kw["csat_method" if o.get("metric") == "csat" else "ces_method"] = o["method"]
    for k in ("metric", "on_invalid", "min_n", "level"):
        if k in o:
            kw[k] = decode(o[k])
    return kw


def segment_table(case: dict[str, Any], variant: str = "columns") -> Any:
    """The ``SegmentTable`` of a ``segment`` case (keys given as ``variant``)."""
    o = dict(case.get("options") or {})
    kw = _metric_kwargs(o)
    if case.get("weights") is not None:
        kw["weights"] = [decode(w) for w in case["weights"]]
    scores = [decode(s) for s in case["scores"]]
    keys = case["keys"]
    by: Any = {
        "columns": keys,
        "column": keys[0] if len(keys) == 1 else keys,
        "numpy": [np.array(k, dtype=object) for k in keys],
        "pandas": [pd.Series(k, dtype=object) for k in keys],
    }[variant]
    return cx.segment(scores, by, **kw)


def _segment(case: dict[str, Any], variant: str) -> dict[str, Any]:
    table = segment_table(case, variant)
    rows = [dict(r.to_dict(), key=list(r.key)) for r in table]
    assert len(table) == len(rows) == len(table.rows)
    overall = dict(table.overall.to_dict(), key=list(table.overall.key))
    return {"rows": rows, "overall": overall}


def trend_table(case: dict[str, Any], variant: str = "iso") -> Any:
    """The ``TrendTable`` of a ``trend`` case (times as ISO text, or pandas)."""
    o = dict(case.get("options") or {})
    kw = _metric_kwargs(o)
    for k in ("period", "time_zone", "adjust", "alpha", "rolling_days"):
        if k in o:
            kw[k] = decode(o[k])
    if case.get("weights") is not None:
        kw["weights"] = [decode(w) for w in case["weights"]]
    times: Any = case["times"]
    if variant == "pandas":
        times = pd.Series(pd.to_datetime(times, utc=True, format="ISO8601"))
    return cx.trend([decode(s) for s in case["scores"]], times, **kw)


def _trend(case: dict[str, Any], variant: str) -> dict[str, Any]:
    table = trend_table(case, variant)
    return {"rows": [dict(r.to_dict(), start=r.start.isoformat()) for r in table]}


def _run(case: dict[str, Any], variant: str) -> dict[str, Any]:
    fn = case["function"]
    a = {k: decode(v) for k, v in (case.get("args") or {}).items()}
    o = {k: decode(v) for k, v in (case.get("options") or {}).items()}
    level = o.pop("level", None)
    if fn == "conversion_rate":
        return _rate(cx.conversion_rate(a["conversions"], a["interactions"]), level)
    if fn == "retention_rate":
        return _rate(cx.retention_rate(a["start"], a["end"], a["new"]), level)
    if fn == "churn_rate":
        return _rate(cx.churn_rate(a["churned"], a["start"], **o), level)
    if fn == "revenue_retention":
        rest = {k: a[k] for k in ("expansion", "contraction", "churned")}
        return cx.revenue_retention(a["start"], **rest).to_dict()
    if fn == "clv_from_churn":
        return {"value": cx.clv_from_churn(a["arpu"], margin=a["margin"], churn=a["churn"])}
    if fn == "clv_from_retention":
        return {"value": cx.clv_from_retention(a["arpu"], retention=a["retention"])}
    if fn == "segment":
        return _segment(case, variant)
    assert fn == "trend", fn
    return _trend(case, variant)


def _variants(case: dict[str, Any]) -> list[str]:
    if case["function"] == "segment":
        return ["columns", "column", "numpy", "pandas"] if len(case["keys"]) == 1 else ["columns", "numpy", "pandas"]
    if case["function"] == "trend" and "expected" in case:
        return ["strings", "pandas"]
    return ["args"]


def test_lifecycle_and_segments_vectors_exist() -> None:
    assert len(LIFECYCLE) >= 60 and len(SEGMENTS) >= 60
    assert {c["function"] for c in LIFECYCLE} == {
        "conversion_rate",
        "churn_rate",
        "retention_rate",
        "revenue_retention",
        "clv_from_churn",
        "clv_from_retention",
    }
    assert {c["function"] for c in SEGMENTS} == {"segment", "trend"}


@pytest.mark.parametrize(
    ("case", "variant"),
    [pytest.param(c, v, id=f"{c['id']}[{v}]") for c in CASES for v in _variants(c)],
)
def test_lifecycle_segments_vector(case: dict[str, Any], variant: str) -> None:
    if "expected_error" in case:
        with pytest.raises(cx.CxMetricsError) as info:
            _run(case, variant)
        check_error(info.value, case["expected_error"], case["id"])
        return
    got = _run(case, variant)
    expected = case["expected"]
    tol = float(case.get("tolerance", 1e-9))
    if case["function"] in ("segment", "trend"):
        assert len(got["rows"]) == len(expected["rows"]), f"{case['id']}: {len(got['rows'])} rows"
        for k in expected["rows"][0] if expected["rows"] else []:  # no extra fields either way
            assert k in got["rows"][0]
    assert_close(got, expected, tol, case["id"])
