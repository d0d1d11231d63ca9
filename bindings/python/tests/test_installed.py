"""The package under test is the installed artefact, not the source tree (issue 18).

scripts/test-artefacts installs the release wheel (and, in another venv, the sdist) with pip
and runs the suite from a scratch directory with ``CXMETRICS_TEST_INSTALLED`` set; these
tests then check that ``import cxmetrics`` came from that environment's site-packages and
that the artefact ships what a user needs. In the developer run (editable build) they skip.
"""

from __future__ import annotations

import os
import re
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

import pytest

import cxmetrics as cx

REPO = Path(__file__).resolve().parents[3]
KIND = os.environ.get("CXMETRICS_TEST_INSTALLED")

pytestmark = pytest.mark.skipif(KIND is None, reason="only against an installed wheel or sdist")


def _workspace_version() -> str:
    text = (REPO / "Cargo.toml").read_text(encoding="utf-8")
    found = re.search(r'^\[workspace\.package\][^\[]*?^version = "([^"]+)"', text, re.M | re.S)
    assert found, "the workspace version in Cargo.toml"
    return found.group(1)


def test_imports_resolve_to_site_packages() -> None:
    site = Path(sysconfig.get_paths()["purelib"]).resolve()
    pkg = Path(cx.__file__).resolve()
    ext = Path(cx._cxmetrics.__file__).resolve()
    assert pkg.is_relative_to(site), f"cxmetrics imported from {pkg}, not {site}"
    assert ext.is_relative_to(site), f"the extension came from {ext}"
    assert not pkg.is_relative_to(REPO), "the source tree must not be importable"
    assert Path(sys.prefix).resolve() != Path(sys.base_prefix).resolve(), "runs in a venv"


def test_distribution_metadata() -> None:
    dist = metadata.distribution("cxmetrics")
    assert dist.version == _workspace_version() == cx.__version__
    meta = dist.metadata
    assert meta["Name"] == "cxmetrics"
    assert meta["Requires-Python"] == ">=3.9"
    requires = dist.requires or []
    assert any(r.startswith("numpy") and "extra" not in r for r in requires), requires
    extras = set(meta.get_all("Provides-Extra") or [])
    assert {"arrow", "pandas", "polars"} <= extras, extras
    # the README is the long description PyPI shows
    assert "## Errors" in (dist.read_text("METADATA") or "")


def test_ships_types_and_one_abi3_extension() -> None:
    files = {str(f) for f in metadata.distribution("cxmetrics").files or []}
    assert "cxmetrics/py.typed" in files
    assert "cxmetrics/_cxmetrics.pyi" in files
    exts = [f for f in files if f.startswith("cxmetrics/_cxmetrics") and f.endswith(".so")]
    assert exts == ["cxmetrics/_cxmetrics.abi3.so"], exts
    # nothing of the test suite or the Rust sources inside the installed package
    assert not any(f.startswith(("tests/", "src/")) or f.endswith(".rs") for f in files), files


def test_a_first_call_works() -> None:
    r = cx.nps([10, 9, 9, 8, 7, 3, None])
    assert abs(r.score - 100 / 3) < 1e-12 and r.n == 6 and r.missing == 1
    with pytest.raises(cx.CxMetricsError) as e:
        cx.nps([1, 2, 11])
    assert (e.value.code, e.value.index) == ("out_of_scale", 2)
