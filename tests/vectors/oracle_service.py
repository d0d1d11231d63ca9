#!/usr/bin/env python3
"""Independent oracle for the cxmetrics service-metrics conformance vectors.

Writes tests/vectors/service.json (format: tests/vectors/README.md, "service.json").

This script deliberately does NOT import cxmetrics. It recomputes every expected
value from docs/metrics/service.md with deliberately simple, slow-but-clear methods
(service_calendar.py, service_model.py; the hand-written cases are in
service_calendar_cases.py and service_ticket_cases.py):

  time zones          Python stdlib zoneinfo, loaded from the system tz database
                      (/usr/share/zoneinfo, Debian tzdata) with ZoneInfo.from_file,
                      so the pip "tzdata" fallback is never used
  window boundaries   minute scan: from the local start of the date, the first UTC
                      minute whose local wall-clock reading (naive datetime) is
                      >= the boundary time (docs/metrics/service.md, "Business hours", DST rule)
  business time       minute by minute: a UTC minute [u, u+1) counts when u lies in
                      an open interval [open, close); every vector instant and
                      window bound is a whole minute, so this is exact
  add_business        walk forward minute by minute from the start
  overlap check       mark every minute of the weekly clock (7 x 1440) per window;
                      a minute marked twice is an overlap
  requester wait      [created, end] cut at every pause and solved-period bound; the
                      pieces inside none of them are added up (no interval merging)
  percentiles         numpy.quantile (method "linear", R type 7)
  Kaplan-Meier median exact rational product-limit (fractions.Fraction), taken as
                      the expected value; cross-checked with lifelines
                      KaplanMeierFitter.median_survival_time_ (see README: lifelines
                      rounds S = 1/2 to 0.5000000000000001 for some n)

Regenerate (from the repository root):

    .venv/bin/pip install -q numpy lifelines   # once
    .venv/bin/python tests/vectors/oracle_service.py

Output is byte-stable for given Python / numpy / lifelines / tz database versions:
no timestamps, a fixed seed (numpy.random.default_rng(SEED)), fixed case order.
"""

from __future__ import annotations

import platform
import sys
import warnings
from collections import Counter
from datetime import date, timedelta

import lifelines
import numpy as np

from oracle_common import (
    HERE,
    TOL,
    OracleError,
    VectorBug,
    check_intent,
    generator,
    print_error_codes,
    print_function_counts,
    print_written,
    tzdata_field,
    tzdata_version,
    versions,
    write_vectors,
)
from service_calendar import iso_in, iso_utc, load_zone, parse_instant
from service_calendar_cases import BER, NY, L, hand_calendar_cases, sched, tk, weekdays
from service_model import _LAST_KM, ERROR_CODES, FUNCTIONS, METRICS, evaluate, fcr, load_tickets
from service_ticket_cases import hand_ticket_cases

OUT = HERE / "service.json"
SEED = 20261128

warnings.simplefilter("error")  # a library warning means a case is degenerate: stop


# --------------------------------------------------------------------------
# Case registry
# --------------------------------------------------------------------------

CASES: list = []
_SOURCE: dict = {}
_FLAGS: dict = {}


def _close(got, want, tol) -> bool:
    if isinstance(want, dict):
        return isinstance(got, dict) and all(k in got and _close(got[k], v, tol) for k, v in want.items())
    if isinstance(want, list):
        return isinstance(got, list) and len(got) == len(want) and all(_close(a, b, tol) for a, b in zip(got, want))
    if isinstance(want, float) and isinstance(got, (int, float)) and not isinstance(got, bool):
        return abs(got - want) <= tol
    if isinstance(want, int) and not isinstance(want, bool) and isinstance(got, float):
        return abs(got - want) <= tol  # literal 28800 vs oracle 28800.0
    return got == want


def case(
    cid: str,
    fn: str,
    *,
    error: str | None = None,
    index: int | None = None,
    check: dict | None = None,
    note: str | None = None,
    source: str = "hand",
    slow: bool = True,
    **payload,
):
    """Add one case. Hand-written cases state their intent (error code and index, or literal
    values in `check`); the oracle must agree or the script stops."""
    if cid in _SOURCE:
        raise VectorBug(f"duplicate id {cid}")
    if fn not in FUNCTIONS:
        raise VectorBug(fn)
    c = {"id": cid, "function": fn}
    for k in ("schedule", "start", "end", "seconds", "tickets", "args", "options"):
        if k in payload:
            c[k] = payload.pop(k)
    if payload:
        raise VectorBug(f"unknown case keys {set(payload)}")
    probe = dict(c, _slow=slow)
    _LAST_KM.clear()
    try:
        result, err = evaluate(probe), None
    except OracleError as e:
        result, err = None, e
    check_intent(cid, result, err, error, index)
    if err is not None:
        c["expected_error"] = err.as_json()
    else:
        if check is not None and not _close(result, check, 1e-9):
            raise VectorBug(f"{cid}: check {check} != oracle {result}")
        c["expected"] = result
        c["tolerance"] = TOL
    if _LAST_KM.get("hit_half") and "expected" in c:
        extra = "S(t) reaches exactly 1/2 at km_median"
        if _LAST_KM["lifelines"] != _LAST_KM["exact"]:
            extra += f" (lifelines {lifelines.__version__} rounds S above 1/2 and reports {_LAST_KM['lifelines']})"
        if not note or "1/2" not in note:
            note = f"{note}; {extra}" if note else extra
        _FLAGS[cid] = "half-lifelines" if _LAST_KM["lifelines"] != _LAST_KM["exact"] else "half"
    if note:
        c["note"] = note
    CASES.append(c)
    _SOURCE[cid] = source


# --------------------------------------------------------------------------
# Seeded random ticket sets
# --------------------------------------------------------------------------

RANDOM_SCHEDULES = [
    (
        "ny-weekdays",
        sched(
            NY,
            weekdays(),
            [
                "2026-01-19",
                "2026-05-25",
                "2026-07-03",
                "2026-09-07",
                "2026-11-26",
                "2026-11-27",
                "2026-12-24",
                "2026-12-25",
                "2027-01-01",
            ],
        ),
    ),
    ("ny-extended", sched(NY, weekdays("08:00", "20:00") + [("sat", "10:00", "14:00")], ["2026-11-26", "2026-12-25"])),
    (
        "ny-overnight",
        sched(
            NY,
            weekdays(days=("mon", "tue", "wed", "thu")) + [("fri", "22:00", "06:00"), ("sun", "20:00", "02:00")],
            ["2026-12-25"],
        ),
    ),
    (
        "berlin-weekdays",
        sched(
            BER,
            weekdays("08:00", "18:00"),
            [
                "2026-04-03",
                "2026-04-06",
                "2026-05-01",
                "2026-10-03",
                "2026-12-24",
                "2026-12-25",
                "2026-12-26",
                "2026-12-31",
                "2027-01-01",
            ],
        ),
    ),
    (
        "berlin-shifts",
        sched(
            BER,
            weekdays("06:00", "22:00") + [("sat", "22:00", "06:00"), ("sun", "12:00", "18:00")],
            ["2026-10-03", "2026-12-25", "2026-12-26"],
        ),
    ),
]
# period starts chosen to cross DST changes and holidays
RANDOM_STARTS = {
    NY: ["2026-02-26", "2026-03-02", "2026-10-22", "2026-10-26", "2026-11-16", "2026-12-14"],
    BER: ["2026-03-19", "2026-03-23", "2026-04-01", "2026-10-15", "2026-10-19", "2026-12-14"],
}
PRIORITIES = ["high", "normal", "low", "urgent", None]
CHANNELS = ["email", "chat", "phone", "web", None]


def random_cases():
    rng = np.random.default_rng(SEED)
    note = f"seeded random (default_rng({SEED}))"
    clocks = ("business", "calendar")
    sla_metrics = ("first_response", "first_resolution", "full_resolution")
    for k in range(20):
        name, schedule = RANDOM_SCHEDULES[k % len(RANDOM_SCHEDULES)]
        zone = schedule["time_zone"]
        tz = load_zone(zone)
        starts = RANDOM_STARTS[zone]
        d0 = date.fromisoformat(starts[int(rng.integers(0, len(starts)))])
        span_days = int(rng.integers(14, 22))
        t0 = parse_instant(L(zone, f"{d0} 00:00")) // 60  # UTC minutes
        t_end = parse_instant(L(zone, f"{d0 + timedelta(days=span_days)} 00:00")) // 60
        n = int(rng.integers(5, 61))
        all_closed = k in (3, 11)
        explicit_as_of = k % 3 != 2
        tickets = []
        for _ in range(n):
            created = int(t0 + rng.integers(0, int(0.85 * (t_end - t0))))
            ev_limit = t_end
            r = {"created": created, "fr": None, "solved": [], "reopened": [], "paused": []}
            cur = created
            if all_closed or rng.random() < 0.85:
                delay = 0 if rng.random() < 0.08 else int(rng.exponential(240))
                r["fr"] = created + delay
                cur = r["fr"]
            if all_closed or rng.random() < 0.75:
                cur = cur + 1 + int(rng.exponential(1440))
                r["solved"].append(cur)
                while rng.random() < 0.3 and len(r["reopened"]) < 3:
                    cur = cur + 1 + int(rng.exponential(720))
                    r["reopened"].append(cur)
                    if all_closed or rng.random() < 0.7:
                        cur = cur + 1 + int(rng.exponential(900))
                        r["solved"].append(cur)
                    else:
                        break
            # paused intervals inside the ticket's life, non-overlapping (touching allowed)
            life_end = min(cur + int(rng.integers(0, 600)), ev_limit)
            pc = created
            for _ in range(int(rng.choice([0, 0, 1, 1, 2]))):
                if life_end - pc < 10:
                    break
                a = int(pc + rng.integers(0, max(1, (life_end - pc) // 2)))
                b = min(life_end, a + 1 + int(rng.exponential(300)))
                r["paused"].append((a, b))
                pc = b
            if not all_closed:
                # events after the end of the observed span have not happened yet
                r["fr"] = r["fr"] if r["fr"] is not None and r["fr"] <= ev_limit else None
                seq = sorted([(x, "s") for x in r["solved"]] + [(x, "r") for x in r["reopened"]])
                seq = [e for e in seq if e[0] <= ev_limit]
                r["solved"] = [x for x, kind in seq if kind == "s"]
                r["reopened"] = [x for x, kind in seq if kind == "r"]
            else:
                ev_limit = None
            tickets.append(r)
        if all_closed:
            latest = max(
                max([r["created"], r["fr"] or 0] + r["solved"] + r["reopened"] + [b for _, b in r["paused"]])
                for r in tickets
            )
            as_of_min = max(latest, t_end)
        else:
            as_of_min = t_end
        records = []
        for r in tickets:
            use_z = rng.random() < 0.4

            def fmt(u):
                return iso_utc(u * 60) if use_z else iso_in(u * 60, tz)

            records.append(
                tk(
                    fmt(r["created"]),
                    None if r["fr"] is None else fmt(r["fr"]),
                    [fmt(x) for x in r["solved"]],
                    [fmt(x) for x in r["reopened"]],
                    replies=int(rng.poisson(1.2)),
                    followups=int(rng.poisson(0.7)),
                    paused=[(fmt(a), fmt(b)) for a, b in r["paused"]],
                    channel=CHANNELS[int(rng.integers(0, len(CHANNELS)))],
                    priority=PRIORITIES[int(rng.integers(0, len(PRIORITIES)))],
                )
            )
        as_of = iso_utc(as_of_min * 60) if explicit_as_of else None
        tag = f"random-{k + 1:02d}-{name}-n{n}" + ("-closed" if all_closed else "")

        def opts(clock, **extra):
            o = {"clock": clock}
            if clock == "business":
                o["schedule"] = schedule
            if as_of is not None:
                o["as_of"] = as_of
            o.update(extra)
            return o

        c0, c1 = clocks[k % 2], clocks[(k + 1) % 2]
        pct = [0.1, 0.25, 0.75, 0.99] if k % 4 == 0 else None
        summ = [
            ("first_response_time", c0, {}),
            ("resolution_time", c1, {"kind": "first"}),
            ("resolution_time", c0, {"kind": "full"}),
            ("requester_wait_time", c1, {}),
        ]
        for fn, clk, extra in summ:
            if pct is not None and fn == "first_response_time":
                extra = dict(extra, percentiles=pct)
            suffix = f"-{extra['kind']}" if "kind" in extra else ""
            try:
                evaluate({"function": fn, "tickets": records, "options": opts(clk, **extra)})
                err = None
            except OracleError as e:
                err = e
            case(
                f"{fn}/{tag}{suffix}-{clk}",
                fn,
                tickets=records,
                options=opts(clk, **extra),
                error=None if err is None else err.code,
                index=None if err is None else err.index,
                note=note,
                source="random",
                slow=False,
            )
        m = METRICS[k % 4]
        clk = clocks[(k // 4) % 2]
        to = {"metric": m, "clock": clk}
        if clk == "business":
            to["schedule"] = schedule
        case(
            f"ticket_durations/{tag}-{m}-{clk}",
            "ticket_durations",
            tickets=records,
            options=to,
            note=note,
            source="random",
            slow=False,
        )
        fo = {
            "max_agent_replies": [1, 2, None][int(rng.integers(0, 3))],
            "max_customer_followups": [None, 0, 1][int(rng.integers(0, 3))],
            "reopen_window": [None, 86400, 259200][int(rng.integers(0, 3))],
            "denominator": ["resolved", "created"][int(rng.integers(0, 2))],
            "period": None,
        }
        if rng.random() < 0.5:
            p0 = t0 + 1440 * int(rng.integers(1, 5))
            fo["period"] = [iso_in(p0 * 60, tz), iso_in((p0 + 1440 * int(rng.integers(5, 10))) * 60, tz)]
        try:
            fcr(load_tickets(records), fo)
            ferr = None
        except OracleError as e:
            ferr = e
        case(
            f"fcr/{tag}",
            "fcr",
            tickets=records,
            options=fo,
            note=note,
            source="random",
            error=None if ferr is None else ferr.code,
            slow=False,
        )
        sm = sla_metrics[k % 3]
        sclk = clocks[(k // 3) % 2]
        targets = [
            {"urgent": 1800, "high": 3600, "*": 28800},
            {"high": 7200, "normal": 86400, "low": 259200},
            {"*": 14400},
        ][k % 3]
        if sm != "first_response":
            targets = {p: v * 6 for p, v in targets.items()}
        case(
            f"sla/{tag}-{sm}-{sclk}",
            "sla",
            tickets=records,
            options=opts(sclk, metric=sm, targets=targets),
            note=note,
            source="random",
            slow=False,
        )


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------


def provenance() -> dict:
    return {
        "generator": generator(__file__),
        **versions(np, lifelines),
        "tzdata": tzdata_field(),
        "seed": SEED,
        "method": (
            "minute-by-minute business calendar on stdlib zoneinfo (system tz database); "
            "window boundaries by scanning minutes for the first local reading >= the "
            "boundary time; requester wait by cutting at every pause and solved-period bound; "
            "numpy quantile (linear); exact rational Kaplan-Meier median "
            "cross-checked with lifelines KaplanMeierFitter; not cxmetrics"
        ),
        "spec": (
            "docs/metrics/service.md (tickets, clocks, durations, business hours, FCR, "
            "SLA attainment, AHT, pitfalls guarded); docs/conventions.md"
        ),
        "tolerance_rule": (
            "float fields: |actual - expected| <= tolerance * max(1, |expected|); "
            "integer fields, strings, instants and null exact"
        ),
    }


def summary(text: str):
    print_written(OUT, text, CASES, _SOURCE)
    print(
        f"python {platform.python_version()}, numpy {np.__version__}, lifelines "
        f"{lifelines.__version__}, tzdata {tzdata_version()}, seed {SEED}"
    )
    print_function_counts(CASES, FUNCTIONS)
    print("successful ticket cases per function/metric/clock:")
    fm = Counter()
    for c in CASES:
        if "expected" not in c or "tickets" not in c:
            continue
        o = c["options"]
        m = {
            "first_response_time": "first_response",
            "requester_wait_time": "requester_wait",
            "resolution_time": f"{o.get('kind', 'first')}_resolution",
        }.get(c["function"], o.get("metric", "-"))
        clk = o.get("clock", "calendar") if c["function"] != "fcr" else "-"
        fm[f"{c['function']}/{m}/{clk}"] += 1
    for k in sorted(fm):
        print(f"  {k:52s} {fm[k]:4d}")
    feats = Counter()
    for c in CASES:
        e = c.get("expected", {})
        if "km_median" in e:
            feats["summary: km_median null"] += e["km_median"] is None
            feats["summary: km_median != median"] += (
                e["km_median"] is not None and abs(e["km_median"] - e["median"]) > 1e-9
            )
            feats["summary: open > 0"] += e["open"] > 0
            feats["summary: open == 0"] += e["open"] == 0
    for k in sorted(feats):
        print(f"  {k:52s} {feats[k]:4d}")
    fl = Counter(_FLAGS.values())
    print(f"  {'summary: S exactly 1/2 at km_median':52s} {fl['half'] + fl['half-lifelines']:4d}")
    print(f"  {'  of which lifelines disagrees (float rounding)':52s} {fl['half-lifelines']:4d}")
    print_error_codes(CASES, ERROR_CODES, 20)


def main():
    hand_calendar_cases(case)
    hand_ticket_cases(case)
    random_cases()
    text = write_vectors(OUT, provenance(), CASES)
    summary(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
