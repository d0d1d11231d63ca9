"""The shipped stubs type-check real usage under ``mypy --strict``, and catch misuse."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def _mypy(path: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("MYPYPATH", None)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-error-summary",
            "--cache-dir",
            str(cache),
            str(path),
        ],
        capture_output=True,
        text=True,
        cwd=path.parent,  # not the package source dir: mypy must find the installed package
        env=env,
        timeout=600,
    )


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("mypy-cache")


def test_consumer_passes_mypy_strict(cache: Path) -> None:
    pytest.importorskip("mypy")
    proc = _mypy(HERE / "typecheck_consumer.py", cache)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_consumer_runs() -> None:
    proc = subprocess.run(
        [sys.executable, str(HERE / "typecheck_consumer.py")], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr


def test_mypy_catches_misuse(cache: Path, tmp_path: Path) -> None:
    pytest.importorskip("mypy")
    bad = tmp_path / "misuse.py"
    source = textwrap.dedent(
        """
            import cxmetrics as cx

            cx.ces([1, 2], scale=(1, 5))                       # E1: higher_is_better missing
            cx.mean([1, 2])                                    # E2: scale missing for raw scores
            cx.csat([5], method="median")                      # E3: not a CSAT method
            cx.nps([10], on_invalid="drop")                    # E4: not an on_invalid value
            cx.nps(cx.Tally((0, 10)), scale=(0, 10))           # E5: scale with a Tally
            s: str = cx.nps([10]).score                        # E6: score is a float
            cx.nps("10")                                       # E7: a str is not scores
            cx.Scale(1.0, 5)                                   # E8: bounds are ints
            cx.nps([10]).interval(method="wilson")             # E9: not a net-score method
            cx.sample_size_mean(0.1)                           # E10: sd is required
            cx.compare(cx.nps([10]), [10])                     # E11: compare takes results
            cx.adjust_p_values([0.1], method="bonferroni")     # E12: holm or bh only
            cx.resolution_time(cx.Tickets(["2026-11-02T09:00:00Z"]), kind="last")  # E13: full or first
            cx.sla(cx.Tickets(["2026-11-02T09:00:00Z"]), targets=[3600])         # E14: targets is a dict
            cx.first_response_time([{"created": "2026-11-02T09:00:00Z"}])        # E15: needs Tickets
            cx.segment([10], ["a"], metric="nss")              # E16: not a metric
            cx.trend([10], ["2026-01-05T10:00:00Z"], period="year")  # E17: not a period
            cx.clv_from_churn(50, 0.8, 4)                      # E18: margin and churn are keyword-only
            """
    )
    bad.write_text(source)
    proc = _mypy(bad, cache)
    assert proc.returncode != 0
    lines = [line for line in proc.stdout.splitlines() if ": error:" in line]
    flagged = {int(line.split(":")[1]) for line in lines}
    expected = {i for i, line in enumerate(source.splitlines(), 1) if "# E" in line}
    assert len(expected) == 18
    assert flagged == expected, proc.stdout
