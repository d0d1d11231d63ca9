"""Code shared by the oracle scripts (tests/vectors/oracle_*.py).

The oracles depend on each other and on this module, never on cxmetrics. This module
holds what every script did the same way: the conformance error and the "bug in the
script" exception, JSON number cells, the vector-file header (format, version,
provenance with the library versions) and the byte-stable JSON writer, the system tz
database, and the hand-written-case checks.
"""

from __future__ import annotations

import json
import math
import platform
import re
import zoneinfo
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
TZ_ROOT = Path("/usr/share/zoneinfo")
TOL = 1e-9  # the `tolerance` written on every successful case


# --------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------


class OracleError(Exception):
    """A conformance error: stable code plus optional 0-based index."""

    def __init__(self, code: str, index: int | None = None):
        super().__init__(code if index is None else f"{code}@{index}")
        self.code = code
        self.index = index

    def as_json(self) -> dict:
        d = {"code": self.code}
        if self.index is not None:
            d["index"] = self.index
        return d


class VectorBug(Exception):
    """The case itself is malformed or outside what the vectors pin (a bug in the script)."""


# --------------------------------------------------------------------------
# JSON cells
# --------------------------------------------------------------------------


def num_cell(v) -> float:
    """JSON cell -> float. Strings "inf", "-inf", "nan" encode non-finite numbers."""
    if isinstance(v, str):
        return {"inf": math.inf, "-inf": -math.inf, "nan": math.nan}[v]
    if isinstance(v, bool) or v is None:
        raise VectorBug(f"not a number: {v!r}")
    return float(v)


def is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def get_path(result, path: str):
    """The value at a dotted path such as "rows.0.score" (list indices as numbers)."""
    v = result
    for part in path.split("."):
        v = v[int(part)] if isinstance(v, list) else v[part]
    return v


# --------------------------------------------------------------------------
# Output: header, provenance, byte-stable JSON
# --------------------------------------------------------------------------


def generator(script: str) -> str:
    """The generator field: the entry script, relative to the repository root."""
    return f"tests/vectors/{Path(script).name}"


def versions(*modules) -> dict:
    """{"python": ..., "<module>": <version>, ...} in the given order."""
    out = {"python": platform.python_version()}
    for m in modules:
        out[m.__name__.split(".")[0]] = m.__version__
    return out


def tzdata_field() -> str:
    return f"system zoneinfo {TZ_ROOT}: {tzdata_version()}"


def write_vectors(path: Path, provenance: dict, cases: list) -> str:
    """Writes {"format", "version", "provenance", "cases"} with one case per line and no
    timestamps, so the same inputs and library versions give byte-identical files."""
    header = {"format": "cxmetrics.vectors", "version": 1, "provenance": provenance}
    dump = lambda o: json.dumps(o, allow_nan=False, ensure_ascii=True)  # noqa: E731
    lines = ["{"]
    for k, v in header.items():
        lines.append(f"  {dump(k)}: {dump(v)},")
    lines.append('  "cases": [')
    for i, c in enumerate(cases):
        lines.append("    " + dump(c) + ("," if i + 1 < len(cases) else ""))
    lines.append("  ]")
    lines.append("}")
    text = "\n".join(lines) + "\n"
    json.loads(text)  # must be valid JSON
    path.write_text(text, encoding="utf-8")
    return text


# --------------------------------------------------------------------------
# Time zones: the system tz database only (never the pip "tzdata" fallback)
# --------------------------------------------------------------------------

_ZONES: dict = {}


def load_zone(name):
    """ZoneInfo from the system tz database; unknown names raise unknown_time_zone."""
    if isinstance(name, str) and name in _ZONES:
        return _ZONES[name]
    if (
        not isinstance(name, str)
        or ".." in name
        or not re.fullmatch(r"[A-Za-z0-9_+\-]+(/[A-Za-z0-9_+\-]+)*", name)
        or not (TZ_ROOT / name).is_file()
    ):
        raise OracleError("unknown_time_zone")
    with open(TZ_ROOT / name, "rb") as f:
        if f.read(4) != b"TZif":
            raise OracleError("unknown_time_zone")
        f.seek(0)
        tz = zoneinfo.ZoneInfo.from_file(f, key=name)
    _ZONES[name] = tz
    return tz


def tzdata_version() -> str:
    zi = TZ_ROOT / "tzdata.zi"
    v = "unknown"
    if zi.is_file():
        first = zi.read_text(encoding="utf-8").splitlines()[0]
        if first.startswith("# version "):
            v = first[len("# version ") :].strip()
    deb = "unknown"
    status = Path("/var/lib/dpkg/status")
    if status.is_file():
        block = None
        for line in status.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("Package: "):
                block = line[len("Package: ") :].strip()
            elif block == "tzdata" and line.startswith("Version: "):
                deb = line[len("Version: ") :].strip()
                break
    return f"{v} (Debian package tzdata {deb})"


# --------------------------------------------------------------------------
# Hand-written intent: the error a case states must be the one the oracle raises
# --------------------------------------------------------------------------


def evaluate_case(evaluate, c: dict):
    """(result, None) or (None, OracleError) for one case."""
    try:
        return evaluate(c), None
    except OracleError as e:
        return None, e


def check_intent(cid: str, result, err, error: str | None, index: int | None):
    """Stops the script when a case's stated outcome (an error code and index, or a result)
    is not what the oracle computed."""
    if error is not None:
        if err is None:
            raise VectorBug(f"{cid}: expected error {error}, oracle computed {result}")
        if err.code != error or err.index != index:
            raise VectorBug(f"{cid}: expected {error}@{index}, oracle gave {err}")
    elif err is not None:
        raise VectorBug(f"{cid}: unexpected oracle error {err}")


# --------------------------------------------------------------------------
# A vector file's cases (lifecycle.json, segments.json)
# --------------------------------------------------------------------------


class CaseBook:
    """The ordered cases of one vector file. `evaluators` maps a function name to its oracle;
    `layout` maps a function name to its input keys in file order, each with a default
    (`MISSING`: the key is left out when the case does not give it)."""

    MISSING = object()

    def __init__(self, evaluators: dict, layout, tol: float = TOL):
        self.evaluators, self.layout, self.tol = evaluators, layout, tol
        self.cases: list[dict] = []
        self.source: dict[str, str] = {}

    def add(
        self,
        cid: str,
        fn: str,
        *,
        error: str | None = None,
        index: int | None = None,
        check: dict | None = None,
        check_tol: float = 1e-12,
        note: str | None = None,
        source: str = "hand",
        **payload,
    ) -> dict:
        """Add one case. Hand-written cases state their intent (an error code and index, or
        literal values in `check` keyed by a dotted path such as "rows.0.score"); the
        oracle's result must agree."""
        if cid in self.source:
            raise VectorBug(f"duplicate id {cid}")
        if not cid.startswith(fn + "/"):
            raise VectorBug(f"id {cid} must start with {fn}/")
        c = {"id": cid, "function": fn}
        for k, default in self.layout(fn):
            if k in payload:
                c[k] = payload.pop(k)
            elif default is not CaseBook.MISSING:
                c[k] = default() if callable(default) else default
        if payload:
            raise VectorBug(f"unknown case keys {set(payload)}")
        result, err = evaluate_case(self.evaluators[fn], c)
        check_intent(cid, result, err, error, index)
        if err is not None:
            c["expected_error"] = err.as_json()
        else:
            for path, want in (check or {}).items():
                got = get_path(result, path)
                if isinstance(want, float) and got is not None and not isinstance(got, bool):
                    ok = abs(got - want) <= check_tol
                else:
                    ok = got == want
                if not ok:
                    raise VectorBug(f"{cid}: check {path}: expected {want!r}, oracle gave {got!r}")
            c["expected"] = result
            c["tolerance"] = self.tol
        if note:
            c["note"] = note
        self.cases.append(c)
        self.source[cid] = source
        return c


def seeded_draws(rng):
    """(pick, level) drawing from rng: one item of a sequence, one confidence level."""

    def pick(seq):
        return seq[int(rng.integers(0, len(seq)))]

    def level():
        return float(pick([0.8, 0.9, 0.95, 0.99]))

    return pick, level


def random_ids():
    """rid(prefix) -> "prefix/random-NN", numbered per prefix from 01."""
    counter: dict[str, int] = {}

    def rid(prefix):
        counter[prefix] = counter.get(prefix, 0) + 1
        return f"{prefix}/random-{counter[prefix]:02d}"

    return rid


# --------------------------------------------------------------------------
# The summary an oracle prints after writing its file
# --------------------------------------------------------------------------


def print_written(out: Path, text: str, cases: list, source: dict):
    by_src = Counter(source.values())
    print(
        f"wrote {out} ({len(text)} bytes, {len(cases)} cases: "
        f"{by_src['hand']} hand-written, {by_src['random']} seeded random)"
    )


def print_function_counts(cases: list, functions, width: int = 22):
    """Cases per function: total, successful, error."""
    print("cases per function (total / ok / error):")
    for fn in functions:
        tot = sum(1 for c in cases if c["function"] == fn)
        ok = sum(1 for c in cases if c["function"] == fn and "expected" in c)
        print(f"  {fn:{width}s} {tot:4d} {ok:4d} {tot - ok:4d}")


def print_error_codes(cases: list, error_codes, width: int = 18):
    """Cases per error code; a code outside error_codes stops the script."""
    print("cases per error code:")
    codes = Counter(c["expected_error"]["code"] for c in cases if "expected_error" in c)
    for code in error_codes:
        print(f"  {code:{width}s} {codes[code]:4d}")
    if set(codes) - set(error_codes):
        raise VectorBug(f"unexpected codes {set(codes) - set(error_codes)}")
