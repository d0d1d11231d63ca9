"""Shared helpers of the cxmetrics Python test suite."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import json
import math
import threading
import time

import pytest

import cxmetrics as cx

REPO = Path(__file__).resolve().parents[3]
BINDING = Path(__file__).resolve().parents[1]

# Every public metric function with the keyword arguments it needs for raw 0-10 scores.
FUNCS: dict[str, tuple[Callable[..., Any], dict[str, Any]]] = {
    "nps": (cx.nps, {}),
    "csat": (cx.csat, {"scale": (0, 10)}),
    "ces": (cx.ces, {"scale": (0, 10), "higher_is_better": True}),
    "mean": (cx.mean, {"scale": (0, 10)}),
    "top_box": (cx.top_box, {"scale": (0, 10)}),
    "bottom_box": (cx.bottom_box, {"scale": (0, 10)}),
    "distribution": (cx.distribution, {"scale": (0, 10)}),
}


@pytest.fixture(params=sorted(FUNCS), ids=sorted(FUNCS))
def func(request: pytest.FixtureRequest) -> tuple[Callable[..., Any], dict[str, Any]]:
    """Each metric function with the kwargs it needs on the 0-10 scale."""
    return FUNCS[request.param]


@pytest.fixture
def releases_gil() -> Callable[..., list[Any]]:
    """``releases_gil(call, what)`` runs ``call()`` while another Python thread spins, up to 20
    times, and fails unless that thread ran during one call (the GIL was released). Returns the
    result of every attempt, for the caller to check. A call takes a few milliseconds, and on
    a loaded machine the spinning thread may not be scheduled inside that window even though
    the GIL is free, so one miss proves nothing; twenty in a row with the GIL released are
    vanishingly unlikely, while with the GIL held every attempt misses."""

    def check(call: Callable[[], Any], what: str) -> list[Any]:
        ticks: list[float] = []
        stop = threading.Event()
        results: list[Any] = []

        def spin() -> None:
            while not stop.is_set():
                ticks.append(time.perf_counter())

        for _attempt in range(20):
            ticks.clear()
            stop.clear()
            thread = threading.Thread(target=spin)
            thread.start()
            time.sleep(0.02)
            start = time.perf_counter()
            try:
                results.append(call())
            finally:
                end = time.perf_counter()
                stop.set()
                thread.join()
            if any(start < x < end for x in ticks):
                return results
        pytest.fail(f"no other thread ran while {what}: the GIL was held")

    return check


def raises_code(code: str, index: int | None = None, match: str | None = None) -> Any:
    """Context manager: expect a CxMetricsError with this code (and index)."""
    return _RaisesCode(code, index, match)


class _RaisesCode:
    def __init__(self, code: str, index: int | None, match: str | None) -> None:
        self.code, self.index, self.match = code, index, match
        self._ctx = pytest.raises(cx.CxMetricsError, match=match)

    def __enter__(self) -> Any:
        self.info = self._ctx.__enter__()
        return self.info

    def __exit__(self, *exc: object) -> bool:
        handled = self._ctx.__exit__(*exc)
        err = self.info.value
        assert err.code == self.code, f"code {err.code!r} != {self.code!r}: {err}"
        if self.index is not None:
            assert err.index == self.index, f"index {err.index!r} != {self.index!r}: {err}"
        return bool(handled)


# ---- shared by the vector runners (tests/vectors/*.json, format in tests/vectors/README.md)


def load_vectors(name: str) -> list[dict[str, Any]]:
    """The cases of ``tests/vectors/<name>`` ([] when the file is not there yet)."""
    path = REPO / "tests" / "vectors" / name
    if not path.exists():
        return []
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["format"] == "cxmetrics.vectors" and doc["version"] == 1
    return list(doc["cases"])


def decode(x: Any) -> Any:
    """A vector number cell: ``"inf"`` / ``"-inf"`` / ``"nan"`` -> float; else unchanged."""
    tokens = {"inf": math.inf, "-inf": -math.inf, "nan": math.nan}
    if isinstance(x, str) and x in tokens:
        return tokens[x]
    return x


def survey_options(options: dict[str, Any] | None) -> dict[str, Any]:
    """survey.json ``options`` as keyword arguments (scale as a tuple, nulls dropped)."""
    opts = dict(options or {})
    if opts.get("scale") is not None:
        opts["scale"] = tuple(opts["scale"])
    return {k: v for k, v in opts.items() if v is not None}


def assert_close(actual: Any, expected: Any, tol: float, path: str) -> None:
    """Vector comparison: None, bools, strings and ints exactly; floats within
    ``tol * max(1, |expected|)``; lists element by element; dicts key by key."""
    if expected is None or isinstance(expected, (bool, str)):
        assert actual == expected, f"{path}: {actual!r} != {expected!r}"
    elif isinstance(expected, list):
        assert isinstance(actual, (list, tuple)), f"{path}: {actual!r} is not a list"
        assert len(actual) == len(expected), f"{path}: length {len(actual)} != {len(expected)}"
        for i, (a, e) in enumerate(zip(actual, expected)):
            assert_close(a, e, tol, f"{path}[{i}]")
    elif isinstance(expected, dict):
        assert isinstance(actual, dict), f"{path}: {actual!r} is not a dict"
        for k, e in expected.items():
            assert k in actual, f"{path}: no key {k!r} in {actual!r}"
            assert_close(actual[k], e, tol, f"{path}.{k}")
    elif isinstance(expected, int):
        assert actual == expected and not isinstance(actual, bool), f"{path}: {actual!r} != {expected!r}"
    else:
        assert isinstance(actual, (int, float)) and not isinstance(actual, bool), f"{path}: {actual!r} != {expected!r}"
        assert abs(actual - expected) <= tol * max(1.0, abs(expected)), (
            f"{path}: {actual!r} != {expected!r} (tolerance {tol})"
        )


def check_error(err: Any, want: dict[str, Any], case_id: str) -> None:
    """An expected_error: the code, and the index when the vector gives one."""
    assert err.code == want["code"], f"{case_id}: {err.code} ({err}) != {want['code']}"
    if want.get("index") is not None:
        assert err.index == want["index"], f"{case_id}: index {err.index} != {want['index']} ({err})"
