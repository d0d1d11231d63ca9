"""Notebook displays (issue 12 item 2): ``_repr_html_``, ``_repr_mimebundle_``, ``to_svg``,
``to_vega_lite``, the text form of reports and reports as sequences.

The HTML is parsed with the standard library (balanced tags, no scripts), the embedded
image decoded and parsed as XML, and the Vega-Lite data compared with the result's own
fields. Text tables are compared with hand-written expectations.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Callable

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import cxmetrics as cx

_T0 = "2026-11-02T09:00:00Z"
VOID = {"img", "br", "hr", "meta", "input", "col", "wbr"}
SVG_NS = "{http://www.w3.org/2000/svg}"


def _tickets() -> Any:
    return cx.Tickets.from_records(
        [
            {
                "created": _T0,
                "first_response": "2026-11-02T09:30:00Z",
                "solved": ["2026-11-02T10:00:00Z"],
                "agent_replies": 1,
                "priority": "high",
            },
            {
                "created": _T0,
                "first_response": "2026-11-02T11:30:00Z",
                "solved": ["2026-11-02T12:00:00Z"],
                "agent_replies": 2,
                "priority": "low",
            },
            {"created": _T0, "first_response": "2026-11-02T09:10:00Z", "agent_replies": 1, "priority": "high"},
        ]
    )


def _trend() -> Any:
    return cx.trend(
        [10, 0, 9, 10, 7],
        [
            "2026-01-05T10:00:00Z",
            "2026-01-20T10:00:00Z",
            "2026-02-03T10:00:00Z",
            "2026-02-04T10:00:00Z",
            "2026-03-01T10:00:00Z",
        ],
        min_n=1,
    )


SAMPLES: dict[str, Callable[[], Any]] = {
    "NpsResult": lambda: cx.nps([10, 10, 9, 8, 3]),
    "CsatResult": lambda: cx.csat([5, 4, 4, 2]),
    "CesResult": lambda: cx.ces([7, 2, 6], scale=(1, 7), higher_is_better=True),
    "MeanResult": lambda: cx.mean([1, 2, 5], scale=(1, 5)),
    "BoxResult": lambda: cx.top_box([5, 1, 4], scale=(1, 5)),
    "Distribution": lambda: cx.distribution([1, 2, 5, 5], scale=(1, 5)),
    "Interval": lambda: cx.nps_interval(50, 30, 20),
    "Comparison": lambda: cx.compare(cx.nps([10, 9, 3, 10]), cx.nps([10, 3, 3, 0])),
    "PairedNpsResult": lambda: cx.paired_nps([10, 9, 3, 7], [9, 9, 5, 10]),
    "SegmentTable": lambda: cx.segment([10, 9, 0, 3, 10], ["chat", "chat", "email", "email", "email"], min_n=1),
    "TrendTable": _trend,
    "DurationSummary": lambda: cx.first_response_time(_tickets()),
    "FcrResult": lambda: cx.fcr(_tickets()),
    "SlaResult": lambda: cx.sla(_tickets(), targets={"high": 3600, "low": 3600}),
    "AhtResult": lambda: cx.handle_time([300, 420, 390]),
    "RateResult": lambda: cx.conversion_rate(3, 10),
    "ChurnResult": lambda: cx.churn_rate(10, 100),
    "Tally": lambda: cx.Tally(cx.Scale(0, 10), [10, 9, 8, 0]),
}
"""One instance of every class with a display (the issue's list)."""

CHARTED = {"NpsResult", "Distribution", "Tally", "SegmentTable", "TrendTable", "DurationSummary", "SlaResult"}
"""The classes where a chart fits: they have ``to_svg()`` and embed it."""


class _Page(HTMLParser):
    """Checks that tags balance and collects the ``<img>`` elements and all text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.images: list[dict[str, str | None]] = []
        self.tags: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, _ in attrs:
            assert not name.startswith("on"), f"event handler attribute {name}"
            assert name != "href", "no links"
        if tag == "img":
            self.images.append(dict(attrs))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag == "img":
            self.images.append(dict(attrs))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        assert self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1]}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    assert page.stack == [], f"unclosed tags: {page.stack}"
    assert "<script" not in html.lower()
    assert "script" not in page.tags
    return page


def decode_image(src: str) -> str:
    prefix = "data:image/svg+xml;base64,"
    assert src.startswith(prefix)
    return base64.b64decode(src[len(prefix) :], validate=True).decode("utf-8")


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_html_display(name: str) -> None:
    obj = SAMPLES[name]()
    assert type(obj).__name__ == name
    html = obj._repr_html_()
    page = parse_html(html)
    cells = page.text
    if name in CHARTED:
        svg = obj.to_svg()
        assert isinstance(svg, str)
        assert len(page.images) == 1
        img = page.images[0]
        assert decode_image(img["src"] or "") == svg
        root = ET.fromstring(svg)
        assert root.tag == f"{SVG_NS}svg"
        assert img["alt"] == root.get("aria-label")
        assert not [e for e in root.iter() if e.tag.endswith("script")]
    else:
        assert not hasattr(obj, "to_svg")
        assert page.images == []
    # The compact table states the counts (every class but Interval / comparisons has n).
    if name not in ("Interval", "Comparison"):
        assert {"n", "pairs", "periods"} & set(cells), cells


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_mimebundle(name: str) -> None:
    obj = SAMPLES[name]()
    bundle = obj._repr_mimebundle_()
    assert set(bundle) == {"text/plain", "text/html"}
    assert bundle["text/plain"] == repr(obj)
    assert bundle["text/html"] == obj._repr_html_()
    assert set(obj._repr_mimebundle_(include=["text/html"])) == {"text/html"}
    assert set(obj._repr_mimebundle_(exclude=["text/html"])) == {"text/plain"}
    assert set(obj._repr_mimebundle_(include=None, exclude=None)) == {"text/plain", "text/html"}


def test_nps_display_states_the_interval_method_level_and_convention() -> None:
    r = cx.nps([10, 10, 9, 8, 3])
    text = "\n".join(parse_html(r._repr_html_()).text)
    # The default interval (0.95, adjusted Wald), as interval() gives it.
    lo, hi = r.interval()
    assert f"95% CI {lo:.1f} to {hi:.1f} (adjusted wald)".replace("-", "\u2212") in text
    assert "promoters ≥9, passives 7–8, detractors ≤6" in text
    for label in ("value", "interval", "n", "missing", "invalid", "convention"):
        assert label in text
    svg = r.to_svg()
    assert "95% CI" in ET.fromstring(svg).get("aria-label", "")


def test_display_never_raises_where_an_interval_is_undefined() -> None:
    # A mean of one answer has no t interval: the display says so instead of raising.
    m = cx.mean([4], scale=(1, 5))
    text = "\n".join(parse_html(m._repr_html_()).text)
    assert "none (" in text
    # An empty tally has no chart.
    t = cx.Tally(cx.Scale(1, 5))
    assert t.to_svg() is None
    assert parse_html(t._repr_html_()).images == []
    # A segment with no valid answer.
    s = cx.segment([None, 5, 4], ["a", "b", "b"], scale=(1, 5), metric="mean", min_n=1)
    parse_html(s._repr_html_())
    assert "-" in repr(s)


def test_segment_keys_are_escaped() -> None:
    evil = "<script>alert(1)</script>"
    t = cx.segment([10, 0, 9], [evil, "chat", "chat"], min_n=1)
    html = t._repr_html_()
    page = parse_html(html)
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert evil in page.text  # shown as text, not run
    svg = decode_image(page.images[0]["src"] or "")
    assert evil in (ET.fromstring(svg).get("aria-label") or "")
    assert "<script>" not in svg
    spec = t.to_vega_lite()
    assert evil in [v["segment"] for v in spec["data"]["values"]]
    assert evil in repr(t)


def _vega_values(obj: Any) -> list[dict[str, Any]]:
    spec = obj.to_vega_lite()
    assert isinstance(spec, dict)
    assert spec["$schema"] == "https://vega.github.io/schema/vega-lite/v5.json"
    assert isinstance(spec["layer"], list) and spec["layer"]
    json.dumps(spec)
    values = spec["data"]["values"]
    assert isinstance(values, list)
    return values


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_vega_lite_data_are_the_results_numbers(name: str) -> None:
    obj = SAMPLES[name]()
    values = _vega_values(obj)
    if name == "NpsResult":
        by = {v["group"]: v for v in values}
        assert by["promoters"]["share"] == obj.promoters
        assert by["passives"]["share"] == obj.passives
        assert by["detractors"]["share"] == obj.detractors
        assert by["promoters"]["count"] == obj.n_promoters
    elif name in (
        "CsatResult",
        "CesResult",
        "MeanResult",
        "BoxResult",
        "FcrResult",
        "AhtResult",
        "RateResult",
        "ChurnResult",
    ):
        (v,) = values
        ci = obj.interval()
        assert (v["score"], v["lower"], v["upper"], v["level"], v["method"]) == (
            obj.score,
            ci.lower,
            ci.upper,
            ci.level,
            ci.method,
        )
    elif name in ("Distribution", "Tally"):
        d = obj if name == "Distribution" else cx.distribution(obj)
        assert [v["point"] for v in values] == list(d.points)
        assert [v["count"] for v in values] == list(d.counts)
        assert [v["share"] for v in values] == list(d.shares)
    elif name == "Interval":
        assert values == [{"lower": obj.lower, "upper": obj.upper, "level": obj.level, "method": obj.method}]
    elif name in ("Comparison", "PairedNpsResult"):
        assert values == [
            {"difference": obj.difference, "lower": obj.lower, "upper": obj.upper, "p_value": obj.p_value}
        ]
    elif name == "SegmentTable":
        assert [
            (v["segment"], v["n"], v["score"], v["lower"], v["upper"], v["share"], v["impact"]) for v in values
        ] == [(r.key[0], r.n, r.score, r.lower, r.upper, r.share, r.impact) for r in obj]
    elif name == "TrendTable":
        assert [(v["period"], v["start"], v["n"], v["score"], v["lower"], v["upper"], v["change"]) for v in values] == [
            (r.label, r.start.isoformat(), r.n, r.score, r.lower, r.upper, r.change) for r in obj
        ]
    elif name == "DurationSummary":
        by = {v["statistic"]: v["seconds"] for v in values}
        assert (by["min"], by["median"], by["mean"], by["p90"], by["max"]) == (
            obj.min,
            obj.median,
            obj.mean,
            obj.p90,
            obj.max,
        )
    elif name == "SlaResult":
        rows = [*obj.rows, obj.overall]
        assert [(v["achieved"], v["breached"], v["running"], v["n"], v["score"]) for v in values] == [
            (r.achieved, r.breached, r.running, r.n, r.score) for r in rows
        ]
        assert values[-1]["priority"] == "overall"
    else:  # pragma: no cover - every sample is handled above
        pytest.fail(name)


@pytest.mark.parametrize("name", ["SegmentTable", "TrendTable"])
def test_reports_are_sequences_of_their_rows(name: str) -> None:
    t = SAMPLES[name]()
    rows = t.rows
    assert len(t) == len(rows) >= 2
    assert t[0] == rows[0]
    assert t[-1] == rows[-1]
    assert t[-len(t)] == rows[0]
    assert t[0:2] == rows[0:2] and isinstance(t[0:2], list)
    assert t[::-1] == rows[::-1]
    assert t[5:] == [] and t[:] == rows
    assert list(t) == rows
    assert [r for r in t] == rows
    with pytest.raises(IndexError):
        t[len(t)]
    with pytest.raises(IndexError):
        t[-len(t) - 1]
    with pytest.raises(TypeError):
        t["chat"]


def test_segment_text_lists_rows_and_the_overall_row() -> None:
    t = cx.segment([10, 9, 0, 3, 10], ["chat", "chat", "email", "email", "email"], min_n=1)
    # By hand: chat 10, 9 → NPS 100, adjusted Wald n' = 5, p' = 0.55, d' = 0.15:
    # 100 × (0.4 ± 1.96 √(0.108/5·5)) → −24.4 to 100 (clamped); email 0, 3, 10 → −33.3
    # (−84.7 to 51.3); overall 3 promoters, 2 detractors of 5 → 20.0 (−49.4 to 74.4).
    # Impact: overall − the others' score: chat 20 − (−33.3) = 53.3, email 20 − 100 = −80.
    assert repr(t) == (
        "SegmentTable(metric='nps', key_names=['key'], rows=2)\n"
        "key      n  score  lower  upper   share  low_n  impact\n"
        "chat     2  100.0  -24.4  100.0   40.0%           53.3\n"
        "email    3  -33.3  -84.7   51.3   60.0%          -80.0\n"
        "overall  5   20.0  -49.4   74.4  100.0%              -"
    )


def test_long_tables_are_truncated_like_pandas() -> None:
    keys = [f"k{i:02d}" for i in range(61)]
    t = cx.segment([10] * 61, keys, min_n=1)
    lines = repr(t).split("\n")
    assert lines[0] == "SegmentTable(metric='nps', key_names=['key'], rows=61)"
    assert lines[1].split() == ["key", "n", "score", "lower", "upper", "share", "low_n", "impact"]
    # First 5, a row of '...', last 5, the overall row, the shape: 1 + 1 + 5 + 1 + 5 + 1 + 1.
    assert len(lines) == 15
    assert [ln.split()[0] for ln in lines[2:7]] == ["k00", "k01", "k02", "k03", "k04"]
    assert lines[7].split() == ["..."] * 8
    assert [ln.split()[0] for ln in lines[8:13]] == ["k56", "k57", "k58", "k59", "k60"]
    assert lines[13].split()[:3] == ["overall", "61", "100.0"]
    assert lines[14] == "[61 rows x 8 columns]"
    # 60 rows: all shown, no shape line.
    t60 = cx.segment([10] * 60, keys[:60], min_n=1)
    lines = repr(t60).split("\n")
    assert len(lines) == 1 + 1 + 60 + 1 and "..." not in repr(t60)
    # The HTML table is cut the same way.
    html = t._repr_html_()
    parse_html(html)
    assert ">k04<" in html and ">k05<" not in html and ">k56<" in html
    assert "61 rows × 8 columns" in html


def test_trend_text_lists_periods() -> None:
    t = cx.trend([10, 0, 9], ["2026-01-05T10:00:00Z", "2026-01-20T10:00:00Z", "2026-02-03T10:00:00Z"], min_n=1)
    lines = repr(t).split("\n")
    assert lines[0] == "TrendTable(metric='nps', period='month', rows=2)"
    assert lines[1].split() == [
        "period",
        "n",
        "score",
        "lower",
        "upper",
        "change",
        "p_adjusted",
        "significant",
        "low_n",
    ]
    # January: 10 and 0 → 1 promoter, 1 detractor: 0.0; February: 9 → 100.0, change +100.
    assert lines[2].split()[:3] == ["2026-01", "2", "0.0"]
    assert lines[3].split()[:3] == ["2026-02", "1", "100.0"]
    assert lines[3].split()[5] == "100.0"
    assert len(lines) == 4


REPO = Path(__file__).resolve().parents[3]
WASM = REPO / "bindings" / "wasm"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def _skip_reason() -> str | None:
    if shutil.which("node") is None:
        return "node is not installed"
    if not (WASM / "node_modules" / "playwright-core").is_dir():
        return "bindings/wasm/node_modules/playwright-core is missing (run scripts/setup)"
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM} (set CHROMIUM)"
    return None


@pytest.mark.skipif(_skip_reason() is not None, reason=_skip_reason() or "")
def test_displays_render_in_chromium(tmp_path: Path) -> None:
    """Every display on one page in headless Chromium (light and dark): every image
    decodes, nothing is requested, no script error; the PNGs are kept for looking at
    (``CX_DISPLAYS_OUT=<dir>`` writes them there instead of a temporary folder)."""
    out = Path(os.environ.get("CX_DISPLAYS_OUT", tmp_path))
    out.mkdir(parents=True, exist_ok=True)
    evil = cx.segment([10, 0, 9, 7], ["<script>alert(1)</script>", "chat", "chat", "email"], min_n=2)
    parts = [f"<section><h2>{name}</h2>{SAMPLES[name]()._repr_html_()}</section>" for name in sorted(SAMPLES)]
    parts.append(f"<section><h2>SegmentTable with a hostile key</h2>{evil._repr_html_()}</section>")
    page = out / "displays.html"
    page.write_text(
        "<!doctype html><meta charset='utf-8'><title>cxmetrics displays</title>"
        "<style>:root{color-scheme:light dark}body{font-family:system-ui,sans-serif;margin:16px}"
        "h2{font-size:13px;color:#888;margin:24px 0 4px}</style>" + "".join(parts),
        encoding="utf-8",
    )
    run = subprocess.run(
        ["node", str(Path(__file__).parent / "browser" / "screenshot.mjs"), str(page), str(out), str(WASM)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["errors"] == []
    assert report["requests"] == []
    assert report["broken"] == []
    # One image per charted sample, and one for the hostile segment table.
    assert report["images"] == len(CHARTED) + 1
    for shot in report["shots"]:
        assert Path(shot).stat().st_size > 10_000


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.one_of(st.none(), st.integers(0, 10)), st.text(min_size=1, max_size=12)), min_size=1, max_size=30
    ),
    st.sampled_from(["nps", "csat", "mean", "top_box"]),
)
def test_displays_never_raise_and_escape_any_key(rows: list[tuple[int | None, str]], metric: str) -> None:
    """Any valid report displays: balanced HTML without scripts, the image decodes to the
    chart, the text form and Vega-Lite work, and every key survives escaping."""
    scores = [s for s, _ in rows]
    keys = [k for _, k in rows]
    assume(any(s is not None for s in scores))
    t = cx.segment(scores, keys, metric=metric, scale=(0, 10), min_n=1)
    page = parse_html(t._repr_html_())
    assert decode_image(page.images[0]["src"] or "") == t.to_svg()
    ET.fromstring(t.to_svg())
    assert repr(t).startswith("SegmentTable(")
    values = _vega_values(t)
    assert [v["segment"] for v in values] == [r.key[0] for r in t]
