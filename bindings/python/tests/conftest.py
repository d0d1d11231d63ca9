"""Shared helpers of the cxmetrics Python test suite."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

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

    def __exit__(self, *exc: Any) -> bool:
        handled = self._ctx.__exit__(*exc)
        err = self.info.value
        assert err.code == self.code, f"code {err.code!r} != {self.code!r}: {err}"
        if self.index is not None:
            assert err.index == self.index, f"index {err.index!r} != {self.index!r}: {err}"
        return bool(handled)
