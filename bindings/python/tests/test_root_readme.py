"""The repository README's Python snippets run (the README is the newcomer's contract)."""

import os
import sys
from pathlib import Path

import pytest

ROOT_README = Path(__file__).resolve().parents[3] / "README.md"


def _blocks() -> list[str]:
    text = ROOT_README.read_text(encoding="utf-8")
    return [block.split("```", 1)[0] for block in text.split("```python\n")[1:]]


def test_the_root_readme_has_python_snippets() -> None:
    assert _blocks()


@pytest.mark.parametrize("block", _blocks())
def test_root_readme_python_blocks_run(block: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT_README.parent)  # as a newcomer runs them: from the repository root
    # ...in their environment: Spark's Python workers run `python3` on PATH unless told
    monkeypatch.setenv("PYSPARK_PYTHON", os.environ.get("PYSPARK_PYTHON", sys.executable))
    exec(compile(block, "README.md", "exec"), {})
