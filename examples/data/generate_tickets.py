#!/usr/bin/env python3
"""Writes examples/data/tickets.csv: seeded, realistic support tickets (stdlib only).

    python3 examples/data/generate_tickets.py

2,000 tickets created 2026-09-01 … 2026-11-20 (across the US DST change on Nov 1),
mostly during New York office hours, some at night and on weekends. Columns:
  ticket_id, channel, priority, created,
  first_response            ISO 8601 UTC, blank if no agent has answered yet
  solved / reopened         ';'-separated ISO instants (a ticket can be solved, reopened, solved again)
  agent_replies, customer_followups
  paused                    ';'-separated "start/end" on-hold intervals
About 4 % of tickets have no response yet and 8 % are still open at the end of the data.
"""

import csv
import datetime as dt
import random
from pathlib import Path
from zoneinfo import ZoneInfo

SEED = 20261126
N = 2000
NY = ZoneInfo("America/New_York")
UTC = dt.timezone.utc
CHANNELS = [("email", 0.45), ("chat", 0.35), ("phone", 0.20)]
PRIORITIES = [("low", 0.35), ("normal", 0.45), ("high", 0.15), ("urgent", 0.05)]
AS_OF = dt.datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


def iso(t: dt.datetime) -> str:
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def pick(rng, items):
    return rng.choices([k for k, _ in items], [w for _, w in items])[0]


def created_at(rng) -> dt.datetime:
    day = dt.date(2026, 9, 1) + dt.timedelta(days=rng.randrange(81))
    if rng.random() < 0.8:  # office hours, local time
        hour = rng.uniform(8.0, 18.0)
    else:
        hour = rng.uniform(0.0, 24.0)
    local = dt.datetime.combine(day, dt.time()) + dt.timedelta(hours=hour)
    return local.replace(tzinfo=NY, second=0, microsecond=0)


def main() -> None:
    rng = random.Random(SEED)
    rows = []
    for i in range(N):
        channel = pick(rng, CHANNELS)
        priority = pick(rng, PRIORITIES)
        created = created_at(rng)
        speed = {"chat": 0.3, "phone": 0.5, "email": 1.0}[channel] * {
            "urgent": 0.3,
            "high": 0.6,
            "normal": 1.0,
            "low": 1.6,
        }[priority]
        first_response = None
        if rng.random() > 0.04:
            first_response = created + dt.timedelta(minutes=max(1.0, rng.lognormvariate(4.0, 1.0) * speed))
        solved, reopened, paused = [], [], []
        agent_replies = 0 if first_response is None else 1 + int(rng.expovariate(0.9))
        followups = int(rng.expovariate(1.2))
        t = first_response
        if t is not None and rng.random() > 0.08:
            if rng.random() < 0.25:  # waiting on the customer for a while
                p0 = t + dt.timedelta(minutes=rng.uniform(5, 60))
                p1 = p0 + dt.timedelta(hours=rng.uniform(1, 30))
                paused.append((p0, p1))
                t = p1
            t = t + dt.timedelta(hours=rng.lognormvariate(1.5, 1.2) * speed)
            solved.append(t)
            if rng.random() < 0.12:  # reopened
                t = t + dt.timedelta(hours=rng.uniform(2, 96))
                reopened.append(t)
                agent_replies += 1
                followups += 1
                if rng.random() < 0.85:
                    t = t + dt.timedelta(hours=rng.lognormvariate(1.0, 1.0))
                    solved.append(t)
        # nothing happens after the end of the data: drop later events
        if first_response and first_response > AS_OF:
            first_response, solved, reopened, paused, agent_replies = None, [], [], [], 0
        solved = [s for s in solved if s <= AS_OF]
        reopened = [r for r in reopened if r <= AS_OF]
        paused = [(a, min(b, AS_OF)) for a, b in paused if a <= AS_OF]
        rows.append(
            {
                "ticket_id": f"T{i + 1:05d}",
                "channel": channel,
                "priority": priority,
                "created": iso(created),
                "first_response": iso(first_response) if first_response else "",
                "solved": ";".join(iso(s) for s in solved),
                "reopened": ";".join(iso(r) for r in reopened),
                "agent_replies": agent_replies,
                "customer_followups": followups,
                "paused": ";".join(f"{iso(a)}/{iso(b)}" for a, b in paused),
            }
        )
    rows.sort(key=lambda r: (r["created"], r["ticket_id"]))
    out = Path(__file__).with_name("tickets.csv")
    with out.open("w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} tickets to {out}")


if __name__ == "__main__":
    main()
