#!/usr/bin/env python3
"""Business-hours resolution times: cxmetrics vs businesstimedelta, same tickets, one run.

    .venv/bin/pip install -r benches/requirements.txt
    (cd bindings/python && ../../.venv/bin/maturin develop --release)
    .venv/bin/python benches/python/bench_business_hours.py [--tickets 1000000] [--sample 20000]

Schedule: America/New_York, Mon–Fri 09:00–17:00, two holidays; tickets created over
Sep–Nov 2026 (across the DST change) and open for 1 minute … 10 days. cxmetrics computes
all tickets (columnar: numpy datetime64 → Tickets → ticket_durations); businesstimedelta
(WorkDayRule + HolidayRule, timezone-aware datetimes) computes a random sample, since it
is far slower; both are reported in tickets per second, and the two agree on the sample.
"""

import argparse
import datetime as dt
import random
import time
from zoneinfo import ZoneInfo

import numpy as np

import cxmetrics as cx

NY = ZoneInfo("America/New_York")
HOLIDAYS = ["2026-10-12", "2026-11-26"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tickets", type=int, default=1_000_000)
    ap.add_argument("--sample", type=int, default=20_000)
    a = ap.parse_args()
    rng = np.random.default_rng(20261126)
    start = np.datetime64("2026-09-01T00:00:00", "s")
    created = start + rng.integers(0, 90 * 86400, a.tickets).astype("timedelta64[s]")
    open_s = (60 * 14400 ** rng.random(a.tickets)).astype(np.int64)
    solved = created + open_s.astype("timedelta64[s]")

    schedule = cx.Schedule(
        "America/New_York", [(d, "09:00", "17:00") for d in ("mon", "tue", "wed", "thu", "fri")], HOLIDAYS
    )
    t0 = time.perf_counter()
    tickets = cx.Tickets(created, first_solved=solved, final_solved=solved)
    t1 = time.perf_counter()
    ours = cx.ticket_durations(tickets, "full_resolution", schedule=schedule)
    t2 = time.perf_counter()
    total = t2 - t0
    print(
        f"cxmetrics: {a.tickets:,} tickets in {total:.3f} s ({a.tickets / total:,.0f} tickets/s; "
        f"input conversion {t1 - t0:.3f} s, durations {t2 - t1:.3f} s)"
    )

    import businesstimedelta as btd
    import pytz  # businesstimedelta localizes with pytz

    ny = pytz.timezone("America/New_York")

    workday = btd.WorkDayRule(start_time=dt.time(9), end_time=dt.time(17), working_days=[0, 1, 2, 3, 4], tz=ny)
    # a set of dates; sentinels far outside the data keep businesstimedelta's 5-year
    # holiday search from returning None (which it cannot handle)
    hdays = {dt.date.fromisoformat(h) for h in HOLIDAYS} | {dt.date(2024, 1, 1), dt.date(2028, 1, 3)}
    rules = btd.Rules([workday, btd.HolidayRule(hdays, tz=ny)])
    idx = random.Random(1).sample(range(a.tickets), a.sample)
    pairs = [
        (
            created[i].astype(dt.datetime).replace(tzinfo=dt.timezone.utc).astimezone(ny),
            solved[i].astype(dt.datetime).replace(tzinfo=dt.timezone.utc).astimezone(ny),
        )
        for i in idx
    ]
    t0 = time.perf_counter()
    theirs = [rules.difference(s, e) for s, e in pairs]
    t_btd = time.perf_counter() - t0
    btd_rate = a.sample / t_btd
    print(f"businesstimedelta: {a.sample:,} tickets in {t_btd:.3f} s ({btd_rate:,.0f} tickets/s)")
    agree = sum(abs((d.hours * 3600 + d.seconds) - ours[i]) < 1e-6 for d, i in zip(theirs, idx))
    print(f"agreement on the sample: {agree}/{a.sample}")
    print(
        f"ratio (cxmetrics time per ticket ÷ businesstimedelta's): {(total / a.tickets) / (t_btd / a.sample):.4f}"
        f"  — cxmetrics is {(a.tickets / total) / btd_rate:,.0f}× faster"
    )


if __name__ == "__main__":
    main()
