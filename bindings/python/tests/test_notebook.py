"""The example notebook (issue 12 item 4) runs headlessly, and every result it displays
carries an HTML display; the charted ones embed their chart as a base64 SVG image.

``examples/notebooks/quickstart.ipynb`` is committed without outputs; this executes it
with nbclient (the ``notebook`` extra / requirements-dev.txt) in a fresh kernel.
"""

from __future__ import annotations

import base64
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="needs nbformat (pip install cxmetrics[notebook])")
nbclient = pytest.importorskip("nbclient", reason="needs nbclient (pip install cxmetrics[notebook])")
pytest.importorskip("ipykernel", reason="needs ipykernel (pip install cxmetrics[notebook])")

NOTEBOOK = Path(__file__).resolve().parents[3] / "examples" / "notebooks" / "quickstart.ipynb"
IMG = '<img src="data:image/svg+xml;base64,'
# Results whose display has a chart (the rest show their table only).
CHARTED = ("NpsResult(", "Distribution(", "SegmentTable(", "TrendTable(", "DurationSummary(", "SlaResult(")


def test_quickstart_notebook_runs_and_displays_charts() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], "the notebook is committed without outputs"
    client = nbclient.NotebookClient(
        nb, timeout=60, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    )
    client.execute()
    displayed = [
        out
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.outputs
        if out.output_type in ("execute_result", "display_data")
    ]
    errors = [
        out for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs if out.output_type == "error"
    ]
    assert errors == []
    assert len(displayed) >= 9
    charted = 0
    for out in displayed:
        html = out.data.get("text/html", "")
        plain = out.data.get("text/plain", "")
        assert html.startswith('<div class="cxmetrics"'), plain
        assert "<script" not in html
        if plain.startswith(CHARTED):
            charted += 1
            assert IMG in html, plain
            src = html.split(IMG, 1)[1].split('"', 1)[0]
            svg = base64.b64decode(src, validate=True).decode("utf-8")
            assert ET.fromstring(svg).tag == "{http://www.w3.org/2000/svg}svg"
    assert charted >= 6
