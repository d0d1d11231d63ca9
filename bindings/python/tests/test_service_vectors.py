"""Every case of tests/vectors/service.json (format in tests/vectors/README.md).

Mirrors crates/cxmetrics/tests/vectors_service.rs. Tickets run in record form
(:meth:`cx.Tickets.from_records`, ISO strings) and, for every successful case, again in
columnar form with the records converted here (aware datetimes, and pandas columns),
so both constructors and all instant types meet the same expected values (except requester
wait with a ticket reopened more than once, which columns cannot express).

The Python API has no ``clock`` argument: the clock is business time exactly when a
``schedule`` is given. The one vector that asks for the business clock *without* a
schedule (an error case) therefore cannot be expressed and is skipped, saying so.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import pytest

import cxmetrics as cx
from conftest import assert_close, check_error, decode, load_vectors

CASES = load_vectors("service.json")
TICKET_FUNCTIONS = {
    "ticket_durations",
    "first_response_time",
    "resolution_time",
    "requester_wait_time",
    "fcr",
    "sla",
}


def _schedule(spec: dict[str, Any]) -> cx.Schedule:
    return cx.Schedule(spec["time_zone"], [tuple(w) for w in spec["windows"]], spec["holidays"])


def _instant(s: str | None) -> dt.datetime | None:
    return None if s is None else dt.datetime.fromisoformat(s.replace("Z", "+00:00"))


def _columns(records: list[dict[str, Any]], form: str) -> cx.Tickets:
    """The records as columns: derived first/final solve and first reopen, as the
    spec defines them (first_solved = min(solved); resolved iff solved and the last solve
    is after the last reopen; first_reopened = first reopen at or after the first solve)."""

    def key(s: str) -> dt.datetime:
        d = _instant(s)
        assert d is not None
        return d

    cols: dict[str, list[Any]] = {
        k: [] for k in ("created", "first_response", "first_solved", "final_solved", "first_reopened")
    }
    paused: list[tuple[int, Any, Any]] = []
    replies, followups, channel, priority = [], [], [], []
    for i, r in enumerate(records):
        solved = sorted(r.get("solved") or [], key=key)
        reopened = sorted(r.get("reopened") or [], key=key)
        first = solved[0] if solved else None
        resolved = bool(solved) and (not reopened or key(solved[-1]) > key(reopened[-1]))
        after = [o for o in reopened if first is not None and key(o) >= key(first)]
        cols["created"].append(r["created"])
        cols["first_response"].append(r.get("first_response"))
        cols["first_solved"].append(first)
        cols["final_solved"].append(solved[-1] if resolved else None)
        cols["first_reopened"].append(after[0] if after else None)
        paused += [(i, a, b) for a, b in r.get("paused") or []]
        replies.append(r.get("agent_replies") or 0)
        followups.append(r.get("customer_followups") or 0)
        channel.append(r.get("channel"))
        priority.append(r.get("priority"))
    if form == "datetime":
        cols = {k: [_instant(x) for x in v] for k, v in cols.items()}
        paused = [(i, _instant(a), _instant(b)) for i, a, b in paused]
    elif form == "pandas":
        cols = {k: pd.Series(pd.to_datetime(v, utc=True, format="ISO8601")) for k, v in cols.items()}
    kwargs: dict[str, Any] = {k: v for k, v in cols.items() if k != "created"}
    return cx.Tickets(
        cols["created"],
        agent_replies=replies,
        customer_followups=followups,
        paused=paused,
        channel=channel,
        priority=priority,
        **kwargs,
    )


def _tickets(case: dict[str, Any], form: str) -> cx.Tickets:
    if form == "records":
        return cx.Tickets.from_records(case["tickets"])
    return _columns(case["tickets"], form)


def _summary(s: cx.DurationSummary, options: dict[str, Any]) -> dict[str, Any]:
    out = s.to_dict()
    if "percentiles" in options:
        out["percentiles"] = {str(float(decode(q))): s.percentile(decode(q)) for q in options["percentiles"]}
    return out


def _run(case: dict[str, Any], form: str) -> dict[str, Any]:
    fn = case["function"]
    o = dict(case.get("options") or {})
    if fn == "business_seconds":
        return {"seconds": _schedule(case["schedule"]).business_seconds(case["start"], case["end"])}
    if fn == "add_business":
        t = _schedule(case["schedule"]).add_business(case["start"], decode(case["seconds"]))
        assert t.tzinfo is dt.timezone.utc
        return {"instant": t}
    if fn == "handle_time":
        a = case["args"]
        cells = {k: None if a.get(k) is None else [decode(x) for x in a[k]] for k in ("talk", "hold", "wrap")}
        return cx.handle_time(cells["talk"], hold=cells["hold"], wrap=cells["wrap"]).to_dict()
    tickets = _tickets(case, form)
    kw: dict[str, Any] = {}
    if "schedule" in o:
        kw["schedule"] = _schedule(o["schedule"])
    if fn == "fcr":
        for k in ("max_agent_replies", "max_customer_followups", "reopen_window", "denominator", "period"):
            if k in o:
                kw[k] = o[k]
        return cx.fcr(tickets, **kw).to_dict()
    if "as_of" in o:
        kw["as_of"] = o["as_of"]
    if fn == "ticket_durations":
        kw.pop("as_of", None)
        return {"durations": cx.ticket_durations(tickets, o["metric"], **kw)}
    if fn == "sla":
        return service_result(case, form).to_dict()
    return _summary(service_result(case, form), o)


def service_result(case: dict[str, Any], form: str = "records") -> Any:
    """The result object of a duration-summary or ``sla`` case."""
    fn = case["function"]
    o = dict(case.get("options") or {})
    tickets = _tickets(case, form)
    kw: dict[str, Any] = {}
    if "schedule" in o:
        kw["schedule"] = _schedule(o["schedule"])
    if "as_of" in o:
        kw["as_of"] = o["as_of"]
    if fn == "sla":
        targets = {k: decode(v) for k, v in o["targets"].items()}
        return cx.sla(tickets, targets=targets, metric=o.get("metric", "first_response"), **kw)
    if fn == "resolution_time" and "kind" in o:
        kw["kind"] = o["kind"]
    return getattr(cx, fn)(tickets, **kw)


def _expressible(case: dict[str, Any]) -> bool:
    o = case.get("options") or {}
    return not (o.get("clock") == "business" and "schedule" not in o)


def _compare(got: dict[str, Any], expected: dict[str, Any], tol: float, case_id: str) -> None:
    if "instant" in expected:
        want = _instant(expected["instant"])
        assert got["instant"] == want, f"{case_id}: {got['instant']} != {want}"
        return
    if "percentiles" in expected:  # keys are Python's str(q); compare by value
        want = {float(k): v for k, v in expected["percentiles"].items()}
        have = {float(k): v for k, v in got["percentiles"].items()}
        assert_close(have, want, tol, case_id + ".percentiles")
        expected = {k: v for k, v in expected.items() if k != "percentiles"}
    assert_close(got, expected, tol, case_id)


def _columns_express(case: dict[str, Any]) -> bool:
    """Columns hold one reopen (one solved period, [first_solved, first_reopened)), so a case
    measuring requester wait with a ticket reopened more than once runs as records only
    (tests/vectors/README.md)."""
    o = case.get("options") or {}
    waits = case["function"] == "requester_wait_time" or o.get("metric") == "requester_wait"
    return not (waits and any(len(r.get("reopened") or []) > 1 for r in case["tickets"]))


def _params() -> list[Any]:
    out = []
    for case in CASES:
        marks = (
            []
            if _expressible(case)
            else [
                pytest.mark.skip(
                    reason="needs clock='business' without a schedule; in Python the clock is business iff schedule= is given"
                )
            ]
        )
        out.append(pytest.param(case, "records", id=f"{case['id']}[records]", marks=marks))
        if case["function"] in TICKET_FUNCTIONS and "expected" in case and _columns_express(case):
            for form in ("strings", "datetime", "pandas"):
                out.append(pytest.param(case, form, id=f"{case['id']}[columns-{form}]"))
    return out


def test_service_vectors_exist() -> None:
    assert len(CASES) >= 300
    assert {c["function"] for c in CASES} == TICKET_FUNCTIONS | {"business_seconds", "add_business", "handle_time"}
    assert sum(not _expressible(c) for c in CASES) == 1


@pytest.mark.parametrize(("case", "form"), _params())
def test_service_vector(case: dict[str, Any], form: str) -> None:
    if "expected_error" in case:
        with pytest.raises(cx.CxMetricsError) as info:
            _run(case, form)
        check_error(info.value, case["expected_error"], case["id"])
        return
    _compare(_run(case, form), case["expected"], float(case.get("tolerance", 1e-9)), case["id"])
