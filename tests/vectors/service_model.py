"""Tickets, durations, FCR, SLA and handle time for the service oracle (oracle_service.py),
from docs/metrics/service.md. Never imports cxmetrics.
"""

from __future__ import annotations

import math
from collections import Counter
from fractions import Fraction

import numpy as np
from lifelines import KaplanMeierFitter

from oracle_common import OracleError, VectorBug
from service_calendar import calendar_for, iso_utc, num_cell, parse_instant

METRICS = ("first_response", "first_resolution", "full_resolution", "requester_wait")
FUNCTIONS = (
    "business_seconds",
    "add_business",
    "ticket_durations",
    "first_response_time",
    "resolution_time",
    "requester_wait_time",
    "fcr",
    "sla",
    "handle_time",
)
ERROR_CODES = (
    "unknown_time_zone",
    "empty_schedule",
    "overlapping_windows",
    "out_of_order",
    "invalid_argument",
    "length_mismatch",
    "empty",
)
KM_HALF_MARGIN = 1e-9  # no vector has an exact S(t) this close to 1/2 unless exactly 1/2


# --------------------------------------------------------------------------
# Tickets
# --------------------------------------------------------------------------

TICKET_KEYS = {
    "created",
    "first_response",
    "solved",
    "reopened",
    "agent_replies",
    "customer_followups",
    "paused",
    "channel",
    "priority",
}


class Ticket:
    def __init__(self, r: dict):
        if not isinstance(r, dict) or set(r) - TICKET_KEYS or "created" not in r:
            raise VectorBug(f"ticket keys: {r!r}")
        self.created = parse_instant(r["created"])
        fr = r.get("first_response")
        self.first_response = None if fr is None else parse_instant(fr)
        self.solved = [parse_instant(x) for x in r.get("solved", [])]
        self.reopened = [parse_instant(x) for x in r.get("reopened", [])]
        self.agent_replies = r.get("agent_replies", 0)
        self.customer_followups = r.get("customer_followups", 0)
        for v in (self.agent_replies, self.customer_followups):
            if isinstance(v, bool) or not isinstance(v, int) or v < 0:
                raise VectorBug("counts are integers >= 0")
        self.paused = [(parse_instant(a), parse_instant(b)) for a, b in r.get("paused", [])]
        self.channel = r.get("channel")
        self.priority = r.get("priority")
        # derived (docs/metrics/service.md, "Tickets")
        self.first_solved = min(self.solved) if self.solved else None
        self.resolved = bool(self.solved) and (not self.reopened or max(self.solved) > max(self.reopened))
        self.final_solved = max(self.solved) if self.resolved else None
        after = [x for x in self.reopened if self.first_solved is not None and x > self.first_solved]
        self.first_reopened = min(after) if after else None
        if self.reopened and self.solved and max(self.solved) == max(self.reopened):
            raise VectorBug("solve and reopen at the same instant")
        # solved periods (docs/metrics/service.md, "Tickets"): reopen i closes the period
        # that starts at the first solve in (reopen i-1, reopen i]; none there is an error
        self.solved_periods = []
        self.reopen_without_solve = False
        prev = None
        for r in sorted(self.reopened):
            run = [x for x in self.solved if (prev is None or x > prev) and x <= r]
            if not run:
                self.reopen_without_solve = True
                break
            self.solved_periods.append((min(run), r))
            prev = r

    def events(self) -> list:
        ev = [self.created] + self.solved + self.reopened
        if self.first_response is not None:
            ev.append(self.first_response)
        for a, b in self.paused:
            ev += [a, b]
        return ev

    def problem(self) -> bool:
        """Spec validation: an event before created; a reopen that does not follow a solve;
        a paused end before its start. Overlapping pauses are fine (their union counts)."""
        if any(x < self.created for x in self.events()):
            return True
        if self.reopen_without_solve:
            return True
        return any(b < a for a, b in self.paused)


def load_tickets(records) -> list:
    tickets = [Ticket(r) for r in records]
    for i, t in enumerate(tickets):
        if t.problem():
            raise OracleError("out_of_order", i)
    return tickets


def resolve_as_of(tickets, as_of_cell):
    """Explicit as_of: every event must be <= as_of (else out_of_order with the first
    ticket's index). Default: the latest timestamp anywhere in the tickets."""
    if as_of_cell is None:
        ev = [x for t in tickets for x in t.events()]
        return max(ev) if ev else None
    as_of = parse_instant(as_of_cell)
    for i, t in enumerate(tickets):
        if any(x > as_of for x in t.events()):
            raise OracleError("out_of_order", i)
    return as_of


class Clock:
    def __init__(self, options: dict):
        self.name = options.get("clock", "calendar")
        if self.name == "calendar":
            if "schedule" in options:
                raise VectorBug("schedule with the calendar clock is not pinned")
            self.cal = None
        elif self.name == "business":
            if options.get("schedule") is None:
                raise OracleError("invalid_argument")
            self.cal = calendar_for(options["schedule"])
        else:
            raise VectorBug(f"clock {self.name}")

    def seconds(self, a: int, b: int) -> float:
        if b < a:
            raise VectorBug("negative span inside a metric")
        if self.cal is None:
            return float(b - a)
        return self.cal.business_seconds(a, b)


def not_waiting_seconds(t: Ticket, clock: Clock, end: int) -> float:
    """Clock time inside [created, end] covered by a pause or a solved period, each instant
    counted once: cut [created, end] at every interval bound, and add up the pieces that lie
    inside some pause or solved period (no merging of intervals)."""
    spans = list(t.paused) + list(t.solved_periods)
    cuts = sorted({t.created, end} | {x for ab in spans for x in ab if t.created < x < end})
    total = 0.0
    for u, v in zip(cuts, cuts[1:]):
        if any(a <= u and v <= b for a, b in spans):
            total += clock.seconds(u, v)
    return total


def metric_end(t: Ticket, metric: str):
    if metric == "first_response":
        return t.first_response
    if metric == "first_resolution":
        return t.first_solved
    if metric in ("full_resolution", "requester_wait"):
        return t.final_solved
    raise VectorBug(metric)


def state(t: Ticket, metric: str, clock: Clock, as_of):
    """("done", seconds) or ("open", elapsed seconds up to as_of)."""
    end = metric_end(t, metric)
    kind = "done"
    if end is None:
        kind, end = "open", as_of
    d = clock.seconds(t.created, end)
    if metric == "requester_wait":
        d -= not_waiting_seconds(t, clock, end)
    if d < 0:
        raise VectorBug("negative duration")
    return kind, d


# --------------------------------------------------------------------------
# Summaries
# --------------------------------------------------------------------------


def percentile(sorted_x: np.ndarray, q: float) -> float:
    """R type 7 written out; cross-checked against numpy.quantile(method="linear")."""
    n = len(sorted_x)
    h = (n - 1) * q
    lo = math.floor(h)
    v = float(sorted_x[lo]) if lo + 1 >= n else float(sorted_x[lo] + (h - lo) * (sorted_x[lo + 1] - sorted_x[lo]))
    npv = float(np.quantile(sorted_x, q, method="linear"))
    if abs(v - npv) > 1e-9 * max(1.0, abs(v)):
        raise VectorBug(f"percentile mismatch {v} vs numpy {npv}")
    return npv


KM_STATS = Counter()
_LAST_KM: dict = {}


def km_median(done: list, censored: list):
    """Exact product-limit median (spec rule), cross-checked with lifelines."""
    times = sorted(set(done))
    s = Fraction(1)
    exact = None
    hit_half = False
    for t in times:
        n_i = sum(1 for x in done if x >= t) + sum(1 for x in censored if x >= t)
        d_i = sum(1 for x in done if x == t)
        s *= 1 - Fraction(d_i, n_i)
        if s != Fraction(1, 2) and abs(float(s) - 0.5) < KM_HALF_MARGIN:
            raise VectorBug("S(t) within 1e-9 of 1/2 without being 1/2")
        if s <= Fraction(1, 2):
            exact = t
            hit_half = s == Fraction(1, 2)
            break
    kmf = KaplanMeierFitter()
    kmf.fit(np.array(done + censored, dtype=np.float64), event_observed=np.array([1] * len(done) + [0] * len(censored)))
    ll = float(kmf.median_survival_time_)
    ll = None if math.isinf(ll) else ll
    if exact is None:
        KM_STATS["null"] += 1
    if hit_half:
        KM_STATS["S exactly 1/2"] += 1
    _LAST_KM.clear()
    _LAST_KM.update(hit_half=hit_half, lifelines=ll, exact=exact)
    if ll != exact:
        if hit_half:
            KM_STATS["lifelines float-rounded past S = 1/2 (exact kept)"] += 1
        else:
            raise VectorBug(f"KM median: exact {exact}, lifelines {ll}")
    return exact, hit_half


def duration_summary(states: list, clock_name: str, percentiles=None) -> dict:
    done = [d for k, d in states if k == "done"]
    open_ = [d for k, d in states if k == "open"]
    qs = []
    if percentiles is not None:
        for q in percentiles:
            qv = num_cell(q)
            if not (isinstance(qv, (int, float)) and 0 <= qv <= 1):
                raise OracleError("invalid_argument")
            qs.append(q)
    if not done:
        raise OracleError("empty")
    x = np.sort(np.array(done, dtype=np.float64))
    km, _ = km_median(done, open_)
    out = {
        "n": len(done),
        "open": len(open_),
        "mean": float(np.mean(x)),
        "median": percentile(x, 0.5),
        "p90": percentile(x, 0.9),
        "min": float(x[0]),
        "max": float(x[-1]),
        "km_median": km,
        "clock": clock_name,
    }
    if percentiles is not None:
        out["percentiles"] = {str(q): percentile(x, float(q)) for q in qs}
    if abs(out["median"] - float(np.median(x))) > 1e-9 * max(1.0, abs(out["median"])):
        raise VectorBug("median")
    return out


# --------------------------------------------------------------------------
# Evaluate one case
# --------------------------------------------------------------------------


def sorted_rows_key(p):
    return (p is None, p or "")


def evaluate(c: dict) -> dict:
    fn = c["function"]
    if fn == "business_seconds":
        cal = calendar_for(c["schedule"])
        a, b = parse_instant(c["start"]), parse_instant(c["end"])
        v = cal.business_seconds(a, b)
        if c.get("_slow"):
            slow = cal.business_seconds_slow(a, b)
            if slow != v:
                raise VectorBug(f"slow {slow} != memo {v}")
        return {"seconds": v}
    if fn == "add_business":
        cal = calendar_for(c["schedule"])
        t = cal.add_business(parse_instant(c["start"]), num_cell(c["seconds"]))
        # the definition, checked back: business_seconds(start, t) == seconds, t earliest
        s0 = parse_instant(c["start"])
        sec = int(num_cell(c["seconds"]))
        if t % 60 == 0 and cal.business_seconds(s0, t) != sec:
            raise VectorBug("add_business does not invert business_seconds")
        return {"instant": iso_utc(t)}
    if fn == "handle_time":
        return handle_time(c["args"])

    opts = c.get("options", {})
    tickets = load_tickets(c["tickets"])
    if fn == "fcr":
        return fcr(tickets, opts)
    clock = Clock(opts)
    if fn == "ticket_durations":
        as_of = resolve_as_of(tickets, None)
        out = []
        for t in tickets:
            k, d = state(t, opts["metric"], clock, as_of)
            out.append(d if k == "done" else None)
        return {"durations": out}
    as_of = resolve_as_of(tickets, opts.get("as_of"))
    if fn == "sla":
        return sla(tickets, opts, clock, as_of)
    if fn == "first_response_time":
        metric = "first_response"
    elif fn == "resolution_time":
        metric = {"first": "first_resolution", "full": "full_resolution"}[opts.get("kind", "full")]
    elif fn == "requester_wait_time":
        metric = "requester_wait"
    else:
        raise VectorBug(fn)
    states = [state(t, metric, clock, as_of) for t in tickets]
    return duration_summary(states, clock.name, opts.get("percentiles"))


def fcr(tickets: list, o: dict) -> dict:
    max_rep = o.get("max_agent_replies", 1)
    max_fu = o.get("max_customer_followups")
    w = o.get("reopen_window")
    den = o.get("denominator", "resolved")
    period = o.get("period")
    if w is not None and not (math.isfinite(num_cell(w)) and num_cell(w) >= 0):
        raise OracleError("invalid_argument")
    if period is not None:
        lo, hi = parse_instant(period[0]), parse_instant(period[1])
        if hi <= lo:
            raise OracleError("invalid_argument")

    def in_period(x):
        return x is not None and (period is None or lo <= x < hi)

    n = count = 0
    for t in tickets:
        if not in_period(t.first_solved if den == "resolved" else t.created):
            continue
        n += 1
        ok = (
            t.first_solved is not None
            and (max_rep is None or t.agent_replies <= max_rep)
            and (max_fu is None or t.customer_followups <= max_fu)
            and (t.first_reopened is None or (w is not None and t.first_reopened - t.first_solved > w))
        )
        count += ok
    if n == 0:
        raise OracleError("empty")
    return {"score": 100.0 * count / n, "count": count, "n": n}


def sla(tickets: list, o: dict, clock: Clock, as_of) -> dict:
    targets = o["targets"]
    if not targets:
        raise OracleError("invalid_argument")
    for v in targets.values():
        v = num_cell(v)
        if not (math.isfinite(v) and v > 0):
            raise OracleError("invalid_argument")
    metric = o.get("metric", "first_response")
    rows: dict = {}
    untargeted = 0

    def blank(p, target):
        return {"priority": p, "target": target, "achieved": 0, "breached": 0, "running": 0}

    overall = blank(None, None)
    for t in tickets:
        p = t.priority
        target = targets.get(p) if p is not None and p in targets else targets.get("*")
        if target is None:
            untargeted += 1
            continue
        kind, d = state(t, metric, clock, as_of)
        if kind == "done":
            outcome = "achieved" if d <= target else "breached"
        else:
            outcome = "breached" if d > target else "running"
        row = rows.setdefault(p, blank(p, float(target)))
        row[outcome] += 1
        overall[outcome] += 1

    def finish(r):
        r["n"] = r["achieved"] + r["breached"]
        r["score"] = 100.0 * r["achieved"] / r["n"] if r["n"] else None
        return r

    return {
        "rows": [finish(rows[p]) for p in sorted(rows, key=sorted_rows_key)],
        "overall": finish(overall),
        "untargeted": untargeted,
    }


def handle_time(args: dict) -> dict:
    talk = args["talk"]
    comps = {"talk": talk, "hold": args.get("hold"), "wrap": args.get("wrap")}
    for k in ("hold", "wrap"):
        if comps[k] is not None and len(comps[k]) != len(talk):
            raise OracleError("length_mismatch")
    used = {"talk": [], "hold": [], "wrap": []}
    missing = 0
    for i in range(len(talk)):
        vals = {}
        is_missing = False
        for k, col in comps.items():
            if col is None:
                vals[k] = 0.0
                continue
            v = col[i]
            if v is None or (isinstance(v, str) and v == "nan"):
                is_missing = True
                continue
            v = float(num_cell(v))
            if not math.isfinite(v) or v < 0:
                raise OracleError("invalid_argument", i)
            vals[k] = v
        if is_missing:
            missing += 1
            continue
        for k in used:
            used[k].append(vals[k])
    n = len(used["talk"])
    if n == 0:
        raise OracleError("empty")
    tot = np.array(used["talk"]) + np.array(used["hold"]) + np.array(used["wrap"])
    return {
        "score": float(np.mean(tot)),
        "n": n,
        "missing": missing,
        "talk": float(np.mean(used["talk"])),
        "hold": float(np.mean(used["hold"])),
        "wrap": float(np.mean(used["wrap"])),
        "std_dev": float(np.std(tot, ddof=1)) if n > 1 else None,
    }
