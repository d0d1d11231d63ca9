"""Every public item is documented, its examples run, and the stubs match the module."""

from __future__ import annotations

import ast
import doctest
import inspect
from pathlib import Path
from typing import Any, Iterator

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
            for attr, value in vars(obj).items():
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
DOCS.append(("cxmetrics._convert.to_array", inspect.getdoc(__import__("cxmetrics._convert", fromlist=["x"]).to_array) or ""))
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
    stub_public = {n for n in top if not n.startswith("_") or n in ("__version__", "_scores_address")}
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
def test_readme_python_blocks_run(block: str) -> None:
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
