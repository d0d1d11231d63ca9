"""Python ``to_svg()`` equals the core's natively drawn SVG, byte for byte, for the inputs
of the shared conformance vectors — the same expectation the JS ``toSVG()`` is checked
against (``bindings/wasm/tests/node/charts.test.mjs``), so Python and JavaScript draw the
same bytes.

The expectation is produced by the Rust test ``crates/cxmetrics/tests/chart_svgs.rs``
(``CX_CHART_SVGS=<dir>``): every successful survey case's distribution chart (and NPS
chart with the default interval for ``nps`` cases), every successful segment / trend
case's chart, every successful duration-summary / SLA case's chart.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any, Callable

import pytest

import cxmetrics as cx
from conftest import REPO, decode, load_vectors, survey_options
from test_lifecycle_segments_vectors import segment_table, trend_table
from test_service_vectors import service_result

DEFAULT_SCALE = {"nps": (0, 10), "csat": (1, 5)}
SERVICE = ("first_response_time", "requester_wait_time", "resolution_time", "sla")


@pytest.fixture(scope="module")
def native(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("cargo") is None:
        pytest.skip("cargo is not installed: the native charts cannot be drawn")
    out = tmp_path_factory.mktemp("native-charts")
    subprocess.run(
        ["cargo", "test", "-q", "-p", "cxmetrics", "--test", "chart_svgs"],
        cwd=REPO,
        env={**os.environ, "CX_CHART_SVGS": str(out)},
        check=True,
        capture_output=True,
    )
    assert len(list(out.glob("*.svg"))) > 300
    return out


def _check(native: Path, name: str, draw: Callable[[], Any], seen: set[str]) -> int:
    file = native / f"{name}.svg"
    try:
        svg = draw()
    except cx.CxMetricsError:
        assert not file.exists(), f"{name}: the core drew a chart Python refused"
        return 0
    assert file.exists(), f"{name}: Python drew a chart the core did not"
    assert svg == file.read_text(encoding="utf-8"), f"{name}: to_svg() differs from the core's native SVG"
    seen.add(file.name)
    return 1


def _weights(case: dict[str, Any]) -> dict[str, Any]:
    w = case.get("weights")
    return {} if w is None else {"weights": [decode(x) for x in w]}


def test_survey_charts_equal_the_native_core(native: Path) -> None:
    seen: set[str] = set()
    compared = 0
    for i, case in enumerate(load_vectors("survey.json")):
        if "expected_error" in case:
            continue
        o = case.get("options") or {}
        scores = [decode(s) for s in case["scores"]]
        scale = o.get("scale") or DEFAULT_SCALE.get(case["function"])
        if scale is not None:
            kw = {"scale": tuple(scale), **_weights(case)}
            if o.get("on_invalid") is not None:
                kw["on_invalid"] = o["on_invalid"]
            compared += _check(native, f"survey-{i}-distribution", lambda: cx.distribution(scores, **kw).to_svg(), seen)
        if case["function"] == "nps":
            kw = {**survey_options(o), **_weights(case)}
            compared += _check(native, f"survey-{i}-nps", lambda: cx.nps(scores, **kw).to_svg(), seen)
    assert seen == {f.name for f in native.glob("survey-*.svg")}, "every native chart has its Python twin"
    assert compared >= 200


def test_segment_and_trend_charts_equal_the_native_core(native: Path) -> None:
    seen: set[str] = set()
    for i, case in enumerate(load_vectors("segments.json")):
        if "expected_error" in case:
            continue
        if case["function"] == "segment":
            _check(native, f"segments-{i}-segments", lambda: segment_table(case).to_svg(), seen)
        elif case["function"] == "trend":
            _check(native, f"segments-{i}-trend", lambda: trend_table(case).to_svg(), seen)
    assert seen == {f.name for f in native.glob("segments-*.svg")}, "every native chart has its Python twin"
    assert len(seen) >= 100


def test_service_charts_equal_the_native_core(native: Path) -> None:
    seen: set[str] = set()
    for i, case in enumerate(load_vectors("service.json")):
        if "expected_error" in case or case["function"] not in SERVICE:
            continue
        kind = "sla" if case["function"] == "sla" else "durations"
        _check(native, f"service-{i}-{kind}", lambda: service_result(case).to_svg(), seen)
    assert seen == {f.name for f in native.glob("service-*.svg")}, "every native chart has its Python twin"
    assert len(seen) >= 100
