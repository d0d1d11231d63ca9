#!/usr/bin/env python3
"""Writes examples/data/survey_responses.csv: realistic, seeded sample survey responses.

Standard library only, so the bytes are the same on every machine:
    python3 examples/data/generate_survey.py

Each row is one survey response after a support contact, with three questions:
  ltr   likelihood to recommend, 0–10 (NPS)            — blank when unanswered
  csat  "how satisfied were you", 1–5 (CSAT)            — blank when unanswered
  ces   "the company made it easy", 1–7, high = easy    — blank when unanswered
Channels differ on purpose (chat best, phone worst) and answers correlate through a
per-respondent "experience" level, as they do in real data. About 6 % of LTR, 9 % of
CSAT and 15 % of CES answers are missing (people skip questions).
"""

import csv
import datetime as dt
import random
from pathlib import Path

SEED = 20261126
N = 4000
CHANNELS = {  # channel: (share of contacts, mean experience in -1..1)
    "chat": (0.35, 0.45),
    "email": (0.30, 0.20),
    "phone": (0.20, -0.05),
    "social": (0.15, 0.10),
}
REGIONS = ["NA", "EMEA", "APAC", "LATAM"]


def clamp(x, lo, hi):
    return max(lo, min(hi, x))


def main() -> None:
    rng = random.Random(SEED)
    start = dt.date(2026, 1, 1)
    names = list(CHANNELS)
    shares = [CHANNELS[c][0] for c in names]
    rows = []
    for i in range(N):
        channel = rng.choices(names, shares)[0]
        exp = clamp(rng.gauss(CHANNELS[channel][1], 0.45), -1.0, 1.0)
        day = start + dt.timedelta(days=rng.randrange(0, 304))  # Jan–Oct 2026
        ltr = round(clamp(7.2 + 3.2 * exp + rng.gauss(0, 1.3), 0, 10))
        csat = round(clamp(3.7 + 1.6 * exp + rng.gauss(0, 0.7), 1, 5))
        ces = round(clamp(5.0 + 2.2 * exp + rng.gauss(0, 1.0), 1, 7))
        rows.append(
            {
                "response_id": f"R{i + 1:05d}",
                "date": day.isoformat(),
                "channel": channel,
                "region": rng.choice(REGIONS),
                "ltr": "" if rng.random() < 0.06 else ltr,
                "csat": "" if rng.random() < 0.09 else csat,
                "ces": "" if rng.random() < 0.15 else ces,
            }
        )
    rows.sort(key=lambda r: (r["date"], r["response_id"]))
    out = Path(__file__).with_name("survey_responses.csv")
    with out.open("w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} responses to {out}")


if __name__ == "__main__":
    main()
