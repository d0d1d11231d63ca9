"""Issue 15 items 6 and 8: records and columns validate one ticket history the same way
(the same ``out_of_order`` code, index and message, or the same metrics), and messages
say what happened. Columns are derived from records by the rule of
docs/metrics/service.md ("Derived per ticket"), written out here by hand."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

import cxmetrics as cx
from conftest import raises_code

BASE = dt.datetime(2026, 11, 2, 9, tzinfo=dt.timezone.utc)
METRICS = ["first_response", "first_resolution", "full_resolution", "requester_wait"]


def at(minutes: int) -> str:
    return (BASE + dt.timedelta(minutes=minutes)).isoformat()


def ticket(solved: list[int], reopened: list[int], **extra: Any) -> dict[str, Any]:
    return {
        "created": at(0),
        "solved": [at(m) for m in solved],
        "reopened": [at(m) for m in reopened],
        "agent_replies": 1,
        **extra,
    }


def columns_of(records: list[dict[str, Any]]) -> cx.Tickets:
    """first_solved = min(solved); resolved when max(solved) > max(reopened);
    final_solved = max(solved) when resolved; first_reopened = min(reopened)."""

    def final(r: dict[str, Any]) -> str | None:
        if not r["solved"]:
            return None
        last = max(r["solved"])
        return last if not r["reopened"] or last > max(r["reopened"]) else None

    return cx.Tickets(
        [r["created"] for r in records],
        first_response=[r.get("first_response") for r in records],
        first_solved=[min(r["solved"]) if r["solved"] else None for r in records],
        final_solved=[final(r) for r in records],
        first_reopened=[min(r["reopened"]) if r["reopened"] else None for r in records],
        agent_replies=[r["agent_replies"] for r in records],
        paused=[(i, a, b) for i, r in enumerate(records) for a, b in r.get("paused", [])],
    )


def same_refusal(records: list[dict[str, Any]], index: int, fragment: str) -> None:
    with raises_code("out_of_order", index=index) as from_records:
        cx.Tickets.from_records(records)
    with raises_code("out_of_order", index=index) as from_columns:
        columns_of(records)
    message = str(from_records.value)
    assert str(from_columns.value) == message
    assert message.startswith(f"ticket at index {index}: ")
    assert fragment in message
    assert "precede the ticket's creation" not in message


def same_metrics(records: list[dict[str, Any]]) -> None:
    r, c = cx.Tickets.from_records(records), columns_of(records)
    for denominator in ["resolved", "created"]:
        a, b = cx.fcr(r, denominator=denominator), cx.fcr(c, denominator=denominator)
        assert (a.count, a.n) == (b.count, b.n)
    for metric in METRICS:
        assert cx.ticket_durations(r, metric) == cx.ticket_durations(c, metric)


def test_events_before_creation() -> None:
    ok = ticket([60], [])
    same_refusal([ok, {**ok, "first_response": at(-5)}], 1, "the first response is before the ticket was created")
    same_refusal([ok, ticket([-60], [])], 1, "a solve is before the ticket was created")
    same_refusal([ticket([60], [-30])], 0, "a reopen is before the ticket was created")


def test_the_first_ticket_that_fails_is_reported() -> None:
    # records used to report ticket 1 (its solve) before ticket 0 (its first response)
    same_refusal([{**ticket([60], []), "first_response": at(-5)}, ticket([-60], [])], 0, "first response")
    bad_pause = ticket([60], [], paused=[(at(30), at(20))])
    same_refusal([bad_pause, ticket([60], [30])], 0, "a paused interval ends before it starts")


def test_reopens_follow_a_solve() -> None:
    fragment = "a reopen does not follow a solve"
    same_refusal([ticket([], [30])], 0, fragment)
    same_refusal([ticket([], []), ticket([60], [30])], 1, fragment)
    same_refusal([ticket([60, 120], [30])], 0, fragment)
    same_metrics([ticket([60], [60])])  # same instant: the solve comes first
    same_metrics([ticket([60, 180], [120])])
    same_metrics([ticket([60, 90], [120]), ticket([60], [])])  # solved twice, then reopened: open


def test_pauses() -> None:
    same_refusal([ticket([240], [], paused=[(at(30), at(20))])], 0, "a paused interval ends before it starts")
    same_refusal(
        [ticket([240], [], paused=[(at(-10), at(20))])], 0, "a paused interval starts before the ticket was created"
    )
    overlapping = [ticket([240], [], paused=[(at(40), at(70)), (at(10), at(50))])]
    same_metrics(overlapping)
    # 240 min to the solve, less the union 10…70 of the pauses
    assert cx.ticket_durations(cx.Tickets.from_records(overlapping), "requester_wait") == [180 * 60.0]


def test_as_of_is_checked_the_same_way() -> None:
    records = [ticket([60], []), ticket([60, 180], [120])]
    errors = []
    for t in [cx.Tickets.from_records(records), columns_of(records)]:
        with raises_code("out_of_order", index=1) as info:
            cx.ticket_durations(t, "first_response", as_of=at(150))
        errors.append(str(info.value))
    assert errors[0] == errors[1]
    assert "after the as-of instant" in errors[0] and "creation" not in errors[0]


@pytest.mark.parametrize(
    ("first", "final", "reopen", "fragment"),
    [
        (None, 60, None, "a final solve without a first solve"),
        (60, 30, None, "the final solve is before the first solve"),
        (30, 45, 60, "the final solve is not after the first reopen"),  # the case
        (30, 60, 60, "the final solve is not after the first reopen"),
        (None, None, 60, "a reopen does not follow a solve"),
    ],
)
def test_columns_state_only_what_the_events_allow(
    first: int | None, final: int | None, reopen: int | None, fragment: str
) -> None:
    def col(m: int | None) -> list[str | None]:
        return [None if m is None else at(m)]

    with raises_code("out_of_order", index=0, match=fragment):
        cx.Tickets([at(0)], first_solved=col(first), final_solved=col(final), first_reopened=col(reopen))


def test_length_mismatches_name_their_inputs() -> None:
    with raises_code("length_mismatch") as info:
        cx.Tickets([at(0)] * 2, agent_replies=[1, 1, 1])
    assert str(info.value) == "created and agent_replies: lengths differ (2 vs 3)"
    with raises_code("length_mismatch") as info:
        cx.segment([9, 9], by=["a", "b", "c"], metric="nps")
    assert str(info.value) == "keys and scores: lengths differ (3 vs 2)"


def test_instants_out_of_range_say_so() -> None:
    with raises_code("invalid_argument", match="out of the supported range"):
        cx.Tickets(["9999-12-31T23:00:00Z"])
    with raises_code("invalid_argument", match="has no UTC offset"):
        cx.Tickets(["2026-11-02T09:00:00"])
    with raises_code("invalid_argument", match="is not a valid instant"):
        cx.Tickets(["2026-13-01T09:00:00Z"])


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"a":' * 100_000 + "1" + "}" * 100_000,
        json.dumps({"format": "cxmetrics.tally", "version": 1, "extra": "X"}).replace('"X"', "[" * 5000 + "]" * 5000),
    ],
    ids=["deep-array", "deep-object", "deep-unknown-field"],
)
def test_from_json_of_deeply_nested_text_is_invalid_format(text: str) -> None:
    with raises_code("invalid_format", match="invalid serialized tally"):
        cx.Tally.from_json(text)
