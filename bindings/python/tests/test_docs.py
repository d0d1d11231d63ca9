"""Every public item is documented, its examples run, and the stubs match the module."""

from __future__ import annotations

import ast
import doctest
import inspect
import re
from pathlib import Path
from typing import Any
from collections.abc import Iterator

import pytest

import cxmetrics as cx
from cxmetrics import _cxmetrics

STUB = Path(_cxmetrics.__file__).with_name("_cxmetrics.pyi")


def _public_items() -> Iterator[tuple[str, Any]]:
    yield "cxmetrics", cx
    for name in cx.__all__:
        if name == "__version__":
            continue
        obj = getattr(cx, name)
        yield name, obj
        if inspect.isclass(obj):
            for attr, _value in vars(obj).items():
                if attr.startswith("_") and attr not in ("__init__",):
                    continue
                if attr == "__init__":
                    continue
                yield f"{name}.{attr}", getattr(obj, attr)


ITEMS = list(_public_items())


@pytest.mark.parametrize(("name", "obj"), ITEMS, ids=[n for n, _ in ITEMS])
def test_public_item_has_a_docstring(name: str, obj: Any) -> None:
    doc = inspect.getdoc(obj)
    assert doc and len(doc.strip()) > 10, f"{name} has no docstring"


def _run_doctests(name: str, doc: str) -> None:
    parser = doctest.DocTestParser()
    test = parser.get_doctest(doc, {}, name, None, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    failed, _attempted = runner.run(test, out=lambda s: None)
    if failed:
        report: list[str] = []
        runner2 = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
        runner2.run(parser.get_doctest(doc, {}, name, None, 0), out=report.append)
        pytest.fail("".join(report))


DOCS = [(n, inspect.getdoc(o) or "") for n, o in ITEMS]
DOCS.append(
    ("cxmetrics._convert.to_array", inspect.getdoc(__import__("cxmetrics._convert", fromlist=["x"]).to_array) or "")
)
WITH_EXAMPLES = [(n, d) for n, d in DOCS if ">>>" in d]


@pytest.mark.parametrize(("name", "doc"), WITH_EXAMPLES, ids=[n for n, _ in WITH_EXAMPLES])
def test_runtime_docstring_examples_run(name: str, doc: str) -> None:
    _run_doctests(name, doc)


def test_main_items_have_examples() -> None:
    with_examples = {n for n, _ in WITH_EXAMPLES}
    for name in cx.__all__:
        if name != "__version__":
            assert name in with_examples, f"{name} has no runnable example"


def _stub_docstrings() -> list[tuple[str, str]]:
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.Module)):
            doc = ast.get_docstring(node)
            if doc and ">>>" in doc:
                out.append((getattr(node, "name", "module") + f":{getattr(node, 'lineno', 0)}", doc))
    return out


STUB_DOCS = _stub_docstrings()


@pytest.mark.parametrize(("name", "doc"), STUB_DOCS, ids=[n for n, _ in STUB_DOCS])
def test_stub_docstring_examples_run(name: str, doc: str) -> None:
    _run_doctests(name, doc)


PRIVATE_FUNCTIONS = (
    "_scores_address",
    "_error_codes",
    "_defaults",
    "_ticket_fields",
    "_simd",
)
"""The private functions of the module (test hooks), declared in the stubs too."""


def _stub_names() -> tuple[set[str], dict[str, set[str]]]:
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    top: set[str] = set()
    members: dict[str, set[str]] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            top.add(node.name)
            members[node.name] = {
                n.name if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) else n.target.id  # type: ignore[union-attr]
                for n in node.body
                if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
                or (isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name))
            }
        elif isinstance(node, ast.FunctionDef):
            top.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            top.add(node.target.id)
    return top, members


def test_stubs_cover_the_module_and_nothing_more() -> None:
    top, members = _stub_names()
    runtime = {n for n in dir(_cxmetrics) if not n.startswith("__") or n == "__version__"}
    stub_public = {n for n in top if not n.startswith("_") or n in ("__version__", *PRIVATE_FUNCTIONS)}
    assert stub_public == runtime
    for cls_name, stub_members in members.items():
        if cls_name.startswith("_") or cls_name == "CxMetricsError":
            continue
        cls = getattr(_cxmetrics, cls_name)
        runtime_members = {n for n in vars(cls) if not n.startswith("_")}
        stub_plain = {n for n in stub_members if not n.startswith("_")}
        assert stub_plain == runtime_members, cls_name
        for dunder in stub_members - stub_plain:
            if dunder in ("__hash__", "__init__"):
                continue
            assert hasattr(cls, dunder), f"{cls_name}.{dunder}"


def test_error_attributes_are_documented_in_stubs() -> None:
    _top, members = _stub_names()
    assert {"code", "index"} <= members["CxMetricsError"]


def _readme_blocks() -> list[str]:
    text = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    return [block.split("```", 1)[0] for block in text.split("```python\n")[1:]]


@pytest.mark.parametrize("block", _readme_blocks())
def test_readme_python_blocks_run(block: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parents[3])  # examples/data/… from the repo root
    exec(compile(block, "README.md", "exec"), {})


def _stub_params(fn: ast.FunctionDef) -> list[tuple[str, str, str | None]]:
    a = fn.args
    positional = a.posonlyargs + a.args
    defaults: list[ast.expr | None] = [None] * (len(positional) - len(a.defaults)) + list(a.defaults)
    out = [(p.arg, "positional", None if d is None else ast.unparse(d)) for p, d in zip(positional, defaults)]
    out += [(p.arg, "keyword", None if d is None else ast.unparse(d)) for p, d in zip(a.kwonlyargs, a.kw_defaults)]
    return [(n, k, d.replace('"', "'") if d else d) for n, k, d in out if n not in ("self", "cls")]


def _runtime_params(obj: Any) -> list[tuple[str, str, str | None]]:
    out = []
    for p in inspect.signature(obj).parameters.values():
        kind = "keyword" if p.kind == p.KEYWORD_ONLY else "positional"
        default = None if p.default is p.empty else repr(p.default).replace('"', "'")
        out.append((p.name, kind, default))
    return [x for x in out if x[0] not in ("self", "cls")]


def _stub_callables() -> list[tuple[str, ast.FunctionDef, Any]]:
    tree = ast.parse(STUB.read_text(encoding="utf-8"))

    def decorated(node: ast.FunctionDef, name: str) -> bool:
        return any(isinstance(d, ast.Name) and d.id == name for d in node.decorator_list)

    out: list[tuple[str, ast.FunctionDef, Any]] = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and not decorated(node, "overload") and not node.name.startswith("_"):
            out.append((node.name, node, getattr(_cxmetrics, node.name)))
        elif isinstance(node, ast.ClassDef) and not node.name.startswith("_") and node.name != "CxMetricsError":
            cls = getattr(_cxmetrics, node.name)
            for m in node.body:
                if not isinstance(m, ast.FunctionDef) or decorated(m, "property"):
                    continue
                if m.name == "__init__":
                    out.append((f"{node.name}()", m, cls))
                elif not m.name.startswith("__"):
                    out.append((f"{node.name}.{m.name}", m, getattr(cls, m.name)))
    return out


CALLABLES = _stub_callables()


@pytest.mark.parametrize(("name", "stub", "obj"), CALLABLES, ids=[n for n, _, _ in CALLABLES])
def test_stub_signatures_match_the_runtime(name: str, stub: ast.FunctionDef, obj: Any) -> None:
    """Parameter names, kinds (positional / keyword-only) and shown defaults agree."""
    assert _stub_params(stub) == _runtime_params(obj), name


# ---- the stubs, the docs and the text signatures against the core's lists ----

_T0 = "2026-11-02T09:00:00Z"


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
        ]
    )


def _trend() -> Any:
    return cx.trend([10, 0, 9], ["2026-01-05T10:00:00Z", "2026-01-20T10:00:00Z", "2026-02-03T10:00:00Z"], min_n=1)


RESULT_SAMPLES: dict[str, Any] = {
    "NpsResult": lambda: cx.nps([10, 9, 3]),
    "CsatResult": lambda: cx.csat([5, 4, 1]),
    "CesResult": lambda: cx.ces([7, 2], scale=(1, 7), higher_is_better=True),
    "MeanResult": lambda: cx.mean([1, 2], scale=(1, 5)),
    "BoxResult": lambda: cx.top_box([5, 1], scale=(1, 5)),
    "Distribution": lambda: cx.distribution([1, 0], scale=(0, 1)),
    "Interval": lambda: cx.nps_interval(50, 30, 20),
    "Comparison": lambda: cx.compare(cx.nps([10, 9, 3]), cx.nps([10, 3, 3])),
    "PairedNpsResult": lambda: cx.paired_nps([10, 9, 3, 7], [9, 9, 5, 10]),
    "DurationSummary": lambda: cx.first_response_time(_tickets()),
    "FcrResult": lambda: cx.fcr(_tickets()),
    "AhtResult": lambda: cx.handle_time([300, 420]),
    "MeanOfResult": lambda: cx.mean_of([12.5, 30.0]),
    "SlaRow": lambda: cx.sla(_tickets(), targets={"high": 3600}).rows[0],
    "SlaResult": lambda: cx.sla(_tickets(), targets={"high": 3600}),
    "RateResult": lambda: cx.conversion_rate(3, 10),
    "ChurnResult": lambda: cx.churn_rate(10, 100),
    "RevenueRetentionResult": lambda: cx.revenue_retention(1000, expansion=400, contraction=100, churned=200),
    "SegmentRow": lambda: cx.segment([10, 0], ["a", "b"], min_n=1).rows[0],
    "SegmentTable": lambda: cx.segment([10, 0], ["a", "b"], min_n=1),
    "TrendRow": lambda: _trend().rows[0],
    "TrendTable": _trend,
}
"""One instance of every class with ``to_dict()``, built through the public API."""


def _is_property(m: ast.FunctionDef) -> bool:
    return any(isinstance(d, ast.Name) and d.id == "property" for d in m.decorator_list)


def _stub_result_classes() -> dict[str, list[str]]:
    """Class name → its stub properties, in declaration order, for every class with ``to_dict``."""
    out: dict[str, list[str]] = {}
    for node in ast.parse(STUB.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ClassDef):
            methods = [m for m in node.body if isinstance(m, ast.FunctionDef)]
            if any(m.name == "to_dict" for m in methods):
                out[node.name] = [m.name for m in methods if _is_property(m)]
    return out


STUB_RESULTS = _stub_result_classes()


def test_every_result_class_has_a_sample() -> None:
    assert set(STUB_RESULTS) == set(RESULT_SAMPLES)


@pytest.mark.parametrize("cls_name", sorted(STUB_RESULTS))
def test_stub_fields_match_the_runtime_fields(cls_name: str) -> None:
    """The stub's properties are the runtime getters and the ``to_dict()`` keys, in order."""
    fields = STUB_RESULTS[cls_name]
    cls = getattr(_cxmetrics, cls_name)
    getters = [n for n, v in vars(cls).items() if inspect.isgetsetdescriptor(v) and not n.startswith("_")]
    assert sorted(getters) == sorted(fields), cls_name
    sample = RESULT_SAMPLES[cls_name]()
    assert type(sample) is cls
    assert list(sample.to_dict()) == fields, cls_name
    for name in fields:
        getattr(sample, name)


TICKET_FIELDS: dict[str, list[str]] = _cxmetrics._ticket_fields()


def test_ticket_record_keys_are_the_cores() -> None:
    """``_TicketRecord`` in the stubs and the keys ``Tickets.from_records`` accepts (and
    lists when refusing one) are the core's ``Ticket::FIELDS``."""
    keys = TICKET_FIELDS["records"]
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    record = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "_TicketRecord")
    stub_keys = [n.target.id for n in record.body if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)]
    assert stub_keys == keys
    with pytest.raises(cx.CxMetricsError) as info:
        cx.Tickets.from_records([{"created": _T0, "no_such_key": 1}])
    listed = str(info.value).split("a record's keys are ", 1)[1]
    assert [k.strip() for k in listed.split(",")] == keys
    every_key = {k: None for k in keys} | {"created": _T0}
    assert len(cx.Tickets.from_records([every_key])) == 1


def test_ticket_columns_are_the_cores() -> None:
    """The ``Tickets`` constructor takes the core's ``Tickets::COLUMNS`` (then ``tz``)."""
    params = list(inspect.signature(cx.Tickets).parameters)
    assert params == [*TICKET_FIELDS["columns"], "tz"]


def _codes_in(text: str) -> list[str]:
    return re.findall(r"``(\w+)``", text)


def test_error_codes_are_the_cores() -> None:
    """The codes in the ``CxMetricsError`` docstring, the stubs and the binding README are
    the core's ``Error::CODES``, in its order."""
    codes = list(_cxmetrics._error_codes())
    assert len(codes) == len(set(codes)) and codes
    runtime_doc = cx.CxMetricsError.__doc__ or ""
    section = runtime_doc.split("code (str):", 1)[1].split("index (int | None)", 1)[0]
    assert _codes_in(section) == codes

    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    err = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "CxMetricsError")
    body = err.body
    i = next(k for k, n in enumerate(body) if isinstance(n, ast.AnnAssign) and getattr(n.target, "id", "") == "code")
    doc = body[i + 1]
    assert isinstance(doc, ast.Expr) and isinstance(doc.value, ast.Constant)
    assert _codes_in(doc.value.value) == codes

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    table = readme.split("| code | when |", 1)[1].split("\n\n", 1)[0]
    in_table = [c for line in table.splitlines()[2:] for c in re.findall(r"`(\w+)`", line.split("|")[1])]
    assert in_table == codes


DEFAULTS: dict[str, Any] = _cxmetrics._defaults()


def _signature_defaults() -> dict[str, dict[str, Any]]:
    """Callable name → parameter → default, from the text signatures."""
    objs: list[tuple[str, Any]] = []
    for name in dir(_cxmetrics):
        obj = getattr(_cxmetrics, name)
        if name.startswith("_") or name == "CxMetricsError":
            continue
        if inspect.isclass(obj):
            objs.append((f"{name}()", obj))
            objs += [
                (f"{name}.{m}", getattr(obj, m))
                for m, v in vars(obj).items()
                if not m.startswith("_") and callable(v) and not inspect.isgetsetdescriptor(v)
            ]
        elif callable(obj):
            objs.append((name, obj))
    out: dict[str, dict[str, Any]] = {}
    for name, obj in objs:
        try:
            params = inspect.signature(obj).parameters.values()
        except ValueError:  # no text signature (e.g. a class without a constructor)
            continue
        out[name] = {p.name: p.default for p in params if p.default is not p.empty}
    return out


def test_signature_defaults_are_the_cores() -> None:
    """Every default shown in a text signature for an option the core has a default for
    is the core's (``ReportOptions::default()``, ``FcrOptions::default()``, the method
    enums' ``Default``)."""
    used: set[str] = set()
    for func, params in _signature_defaults().items():
        for param, shown in params.items():
            for key in (f"{func}.{param}", param):
                if key in DEFAULTS:
                    assert shown == DEFAULTS[key], f"{func}({param}={shown!r}) but the core says {DEFAULTS[key]!r}"
                    used.add(key)
                    break
    assert used == set(DEFAULTS), f"core defaults no signature shows: {set(DEFAULTS) - used}"


def _stub_overloads() -> dict[str, list[ast.FunctionDef]]:
    out: dict[str, list[ast.FunctionDef]] = {}
    for node in ast.parse(STUB.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef) and any(
            isinstance(d, ast.Name) and d.id == "overload" for d in node.decorator_list
        ):
            out.setdefault(node.name, []).append(node)
    return out


OVERLOADS = _stub_overloads()


@pytest.mark.parametrize("name", sorted(OVERLOADS))
def test_overloaded_stub_signatures_match_the_runtime(name: str) -> None:
    """An overloaded function's widest overload (raw scores) is the runtime signature, and
    every other overload (a ``Tally``) shows a subset of its parameters with the same
    kinds and defaults."""
    runtime = _runtime_params(getattr(_cxmetrics, name))
    *narrow, widest = OVERLOADS[name]
    assert _stub_params(widest) == runtime, name
    for overload in narrow:
        for param in _stub_params(overload):
            assert param in runtime, (name, param)
