#!/usr/bin/env python3
"""Independent oracle for the cxmetrics service-metrics conformance vectors.

Writes tests/vectors/service.json (format: tests/vectors/README.md, "service.json").

This script deliberately does NOT import cxmetrics. It recomputes every expected
value from spec/SERVICE.md with deliberately simple, slow-but-clear methods:

  time zones          Python stdlib zoneinfo, loaded from the system tz database
                      (/usr/share/zoneinfo, Debian tzdata) with ZoneInfo.from_file,
                      so the pip "tzdata" fallback is never used
  window boundaries   minute scan: from the local start of the date, the first UTC
                      minute whose local wall-clock reading (naive datetime) is
                      >= the boundary time (spec "Boundary rule (DST)")
  business time       minute by minute: a UTC minute [u, u+1) counts when u lies in
                      an open interval [open, close); every vector instant and
                      window bound is a whole minute, so this is exact
  add_business        walk forward minute by minute from the start
  overlap check       mark every minute of the weekly clock (7 x 1440) per window;
                      a minute marked twice is an overlap
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

import json
import math
import platform
import re
import sys
import warnings
import zoneinfo
from collections import Counter
from datetime import date, datetime, time, timedelta, timezone
from fractions import Fraction
from pathlib import Path

import lifelines
import numpy as np
from lifelines import KaplanMeierFitter

HERE = Path(__file__).resolve().parent
OUT = HERE / "service.json"
SEED = 20261128
TOL = 1e-9
TZ_ROOT = Path("/usr/share/zoneinfo")

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # date.weekday() order
METRICS = ("first_response", "first_resolution", "full_resolution", "requester_wait")
FUNCTIONS = ("business_seconds", "add_business", "ticket_durations", "first_response_time",
             "resolution_time", "requester_wait_time", "fcr", "sla", "handle_time")
ERROR_CODES = ("unknown_time_zone", "empty_schedule", "overlapping_windows", "out_of_order",
               "invalid_argument", "length_mismatch", "empty")
EPOCH = datetime(1970, 1, 1)
KM_HALF_MARGIN = 1e-9  # no vector has an exact S(t) this close to 1/2 unless exactly 1/2

warnings.simplefilter("error")  # a library warning means a case is degenerate: stop


# --------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------


class OracleError(Exception):
    """A conformance error: stable code plus optional 0-based index (ticket / contact)."""

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
    """The case itself is malformed or outside what the vectors pin (a bug in this script)."""


# --------------------------------------------------------------------------
# Instants (integer seconds since the Unix epoch, UTC)
# --------------------------------------------------------------------------


def parse_instant(s) -> int:
    """ISO 8601 with an offset or "Z" -> integer epoch seconds."""
    if not isinstance(s, str):
        raise VectorBug(f"instant must be a string: {s!r}")
    dt = datetime.fromisoformat(s)
    if dt.tzinfo is None:
        raise VectorBug(f"instant without offset: {s}")
    if dt.microsecond:
        raise VectorBug(f"sub-second instant: {s}")
    return int((dt - datetime(1970, 1, 1, tzinfo=timezone.utc)).total_seconds())


def iso_utc(sec: int) -> str:
    return (EPOCH + timedelta(seconds=sec)).strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_in(sec: int, tz) -> str:
    """Render an instant with the local offset of tz (input side only)."""
    return datetime.fromtimestamp(sec, tz).isoformat()


def whole_minute(sec: int, what: str) -> int:
    if sec % 60:
        raise VectorBug(f"{what} is not a whole minute; the business oracle counts minutes")
    return sec // 60


# --------------------------------------------------------------------------
# Time zones: the system tz database only
# --------------------------------------------------------------------------

_ZONES: dict = {}


def load_zone(name):
    if not isinstance(name, str):
        raise VectorBug("time_zone must be a string")
    if name in _ZONES:
        return _ZONES[name]
    path = TZ_ROOT / name
    if (not re.fullmatch(r"[A-Za-z0-9_+\-]+(/[A-Za-z0-9_+\-]+)*", name) or ".." in name
            or not path.is_file()):
        raise OracleError("unknown_time_zone")
    with open(path, "rb") as f:
        head = f.read(4)
        if head != b"TZif":
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
            v = first[len("# version "):].strip()
    deb = "unknown"
    status = Path("/var/lib/dpkg/status")
    if status.is_file():
        block = None
        for line in status.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("Package: "):
                block = line[len("Package: "):].strip()
            elif block == "tzdata" and line.startswith("Version: "):
                deb = line[len("Version: "):].strip()
                break
    return f"{v} (Debian package tzdata {deb})"


# --------------------------------------------------------------------------
# Business calendar: minute by minute
# --------------------------------------------------------------------------

TIME_RE = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])")


def parse_hhmm(s) -> int:
    if not isinstance(s, str) or not TIME_RE.fullmatch(s):
        raise OracleError("invalid_argument")
    return int(s[:2]) * 60 + int(s[3:])


_START_OF_DATE: dict = {}
_BOUNDARY: dict = {}


class Calendar:
    """A schedule: IANA zone + weekly windows + holidays (spec/SERVICE.md "Schedule")."""

    def __init__(self, spec):
        if not isinstance(spec, dict) or set(spec) - {"time_zone", "windows", "holidays"}:
            raise VectorBug(f"schedule keys: {spec!r}")
        self.zone_name = spec["time_zone"]
        self.tz = load_zone(self.zone_name)
        self.windows = []  # (weekday 0=mon, start minute of day, end minute of day)
        for w in spec["windows"]:
            if not (isinstance(w, list) and len(w) == 3):
                raise VectorBug(f"window must be [day, start, end]: {w!r}")
            day, s, e = w
            if day not in WEEKDAYS:
                raise OracleError("invalid_argument")
            self.windows.append((WEEKDAYS.index(day), parse_hhmm(s), parse_hhmm(e)))
        self.holidays = set()
        for h in spec.get("holidays", []):
            try:
                if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", h):
                    raise ValueError(h)
                self.holidays.add(date.fromisoformat(h))
            except (TypeError, ValueError):
                raise OracleError("invalid_argument") from None
        if not self.windows:
            raise OracleError("empty_schedule")
        self._check_overlap()
        self._intervals: dict = {}
        self._day_cum: dict = {}

    @staticmethod
    def civil_minutes(s: int, e: int) -> int:
        """end <= start: overnight (ends next day); end == start: a full 24 h."""
        return e - s if e > s else e - s + 1440

    def _check_overlap(self):
        week = [0] * (7 * 1440)
        for d, s, e in self.windows:
            first = d * 1440 + s
            for k in range(self.civil_minutes(s, e)):
                m = (first + k) % (7 * 1440)  # Sunday overnight wraps into Monday
                week[m] += 1
                if week[m] > 1:
                    raise OracleError("overlapping_windows")

    # ---- wall clock ----

    def local(self, u: int) -> datetime:
        """The local wall-clock reading (naive) at UTC minute u."""
        return datetime.fromtimestamp(u * 60, self.tz).replace(tzinfo=None)

    def start_of_date(self, d: date) -> int:
        """The first UTC minute whose local reading is on date d or later."""
        key = (self.zone_name, d)
        if key not in _START_OF_DATE:
            midnight = datetime.combine(d, time())
            # no UTC offset exceeds +14 h, so 14 h before "midnight as if UTC" is still on d - 1
            u = int((midnight - EPOCH).total_seconds()) // 60 - 14 * 60
            if self.local(u) >= midnight:
                raise VectorBug("scan started too late")
            while self.local(u) < midnight:
                u += 1
            _START_OF_DATE[key] = u
        return _START_OF_DATE[key]

    def boundary(self, d: date, minute_of_day: int) -> int:
        """Boundary "T on date D": scanning from the local start of D, the first UTC minute
        whose local reading is >= D T (naive comparison). In a spring-forward gap that is
        the transition; in a fall-back overlap the first occurrence."""
        key = (self.zone_name, d, minute_of_day)
        if key not in _BOUNDARY:
            target = datetime.combine(d, time()) + timedelta(minutes=minute_of_day)
            u = self.start_of_date(d)
            while self.local(u) < target:
                u += 1
            _BOUNDARY[key] = u
        return _BOUNDARY[key]

    def intervals(self, d: date) -> list:
        """Open intervals [open, close) (UTC minutes) of the windows that START on d."""
        if d not in self._intervals:
            out = []
            if d not in self.holidays:  # a holiday closes the whole window, after midnight too
                for wd, s, e in self.windows:
                    if wd != d.weekday():
                        continue
                    o = self.boundary(d, s)
                    c = self.boundary(d + timedelta(days=1), e) if e <= s else self.boundary(d, e)
                    out.append((o, c))
            self._intervals[d] = out
        return self._intervals[d]

    def is_open(self, u: int) -> bool:
        """Minute [u, u+1) is business time. A window lasts at most 25 h, so only windows
        that start on the local date of u or the day before can contain u."""
        ld = self.local(u).date()
        for d in (ld - timedelta(days=1), ld):
            for o, c in self.intervals(d):
                if o <= u < c:
                    return True
        return False

    # ---- counting ----

    def _cum(self, day: int) -> np.ndarray:
        """Prefix counts of open minutes within UTC day `day` (built with is_open)."""
        if day not in self._day_cum:
            flags = [1 if self.is_open(day * 1440 + k) else 0 for k in range(1440)]
            self._day_cum[day] = np.concatenate(([0], np.cumsum(flags, dtype=np.int64)))
        return self._day_cum[day]

    def open_minutes(self, a: int, b: int) -> int:
        """#{u in [a, b): is_open(u)}, a <= b in UTC minutes (memoised per UTC day)."""
        total = 0
        u = a
        while u < b:
            day = u // 1440
            hi = min(b, (day + 1) * 1440)
            cum = self._cum(day)
            total += int(cum[hi - day * 1440] - cum[u - day * 1440])
            u = hi
        return total

    def business_seconds(self, a_sec: int, b_sec: int) -> float:
        if b_sec < a_sec:
            raise OracleError("out_of_order")
        a = whole_minute(a_sec, "start")
        b = whole_minute(b_sec, "end")
        return float(60 * self.open_minutes(a, b))

    def business_seconds_slow(self, a_sec: int, b_sec: int) -> float:
        """The literal definition, no memo: used to cross-check the hand cases."""
        if b_sec < a_sec:
            raise OracleError("out_of_order")
        a = whole_minute(a_sec, "start")
        b = whole_minute(b_sec, "end")
        return float(60 * sum(1 for u in range(a, b) if self.is_open(u)))

    def add_business(self, start_sec: int, seconds) -> int:
        """Earliest t >= start with business_seconds(start, t) == seconds; seconds == 0: the
        first open instant >= start (windows are [open, close), so a closing instant is not
        open)."""
        if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) \
                or not math.isfinite(seconds) or seconds < 0:
            raise OracleError("invalid_argument")
        if seconds != int(seconds):
            raise VectorBug("whole seconds only")
        seconds = int(seconds)
        u = whole_minute(start_sec, "start")
        done = 0  # business seconds in [start, u)
        for _ in range(120 * 1440):
            if self.is_open(u):
                if seconds == 0:
                    return u * 60
                if done + 60 >= seconds:
                    return u * 60 + (seconds - done)
                done += 60
            u += 1
        raise VectorBug("add_business searched 120 days")


_CALENDARS: dict = {}


def calendar_for(spec) -> Calendar:
    """One Calendar per distinct schedule, so the per-day minute memo is shared by cases."""
    key = json.dumps(spec, sort_keys=True)
    if key not in _CALENDARS:
        _CALENDARS[key] = Calendar(spec)
    return _CALENDARS[key]


def num_cell(v):
    """JSON number cell; strings "nan", "inf", "-inf" encode non-finite numbers."""
    if isinstance(v, str):
        return {"nan": math.nan, "inf": math.inf, "-inf": -math.inf}[v]
    if isinstance(v, bool) or v is None:
        raise VectorBug(f"not a number: {v!r}")
    return v


# --------------------------------------------------------------------------
# Tickets
# --------------------------------------------------------------------------

TICKET_KEYS = {"created", "first_response", "solved", "reopened", "agent_replies",
               "customer_followups", "paused", "channel", "priority"}


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
        # derived (spec "Derived")
        self.first_solved = min(self.solved) if self.solved else None
        self.resolved = bool(self.solved) and (not self.reopened
                                               or max(self.solved) > max(self.reopened))
        self.final_solved = max(self.solved) if self.resolved else None
        after = [x for x in self.reopened
                 if self.first_solved is not None and x > self.first_solved]
        self.first_reopened = min(after) if after else None
        if self.reopened and self.solved and max(self.solved) == max(self.reopened):
            raise VectorBug("solve and reopen at the same instant")

    def events(self) -> list:
        ev = [self.created] + self.solved + self.reopened
        if self.first_response is not None:
            ev.append(self.first_response)
        for a, b in self.paused:
            ev += [a, b]
        return ev

    def problem(self) -> bool:
        """Spec validation: an event before created; a paused end before its start;
        paused intervals overlapping (after sorting by start; touching is allowed)."""
        if any(x < self.created for x in self.events()):
            return True
        if any(b < a for a, b in self.paused):
            return True
        ps = sorted(self.paused)
        return any(ps[k + 1][0] < ps[k][1] for k in range(len(ps) - 1))


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


def paused_seconds(t: Ticket, clock: Clock, end: int) -> float:
    """Sum over paused intervals of clock time inside [created, end]."""
    total = 0.0
    for a, b in t.paused:
        lo, hi = max(a, t.created), min(b, end)
        if hi > lo:
            total += clock.seconds(lo, hi)
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
        d -= paused_seconds(t, clock, end)
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
    v = float(sorted_x[lo]) if lo + 1 >= n else \
        float(sorted_x[lo] + (h - lo) * (sorted_x[lo + 1] - sorted_x[lo]))
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
    kmf.fit(np.array(done + censored, dtype=np.float64),
            event_observed=np.array([1] * len(done) + [0] * len(censored)))
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
    out = {"n": len(done), "open": len(open_), "mean": float(np.mean(x)),
           "median": percentile(x, 0.5), "p90": percentile(x, 0.9),
           "min": float(x[0]), "max": float(x[-1]), "km_median": km, "clock": clock_name}
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
        ok = (t.first_solved is not None
              and (max_rep is None or t.agent_replies <= max_rep)
              and (max_fu is None or t.customer_followups <= max_fu)
              and (t.first_reopened is None
                   or (w is not None and t.first_reopened - t.first_solved > w)))
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

    return {"rows": [finish(rows[p]) for p in sorted(rows, key=sorted_rows_key)],
            "overall": finish(overall), "untargeted": untargeted}


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
    return {"score": float(np.mean(tot)), "n": n, "missing": missing,
            "talk": float(np.mean(used["talk"])), "hold": float(np.mean(used["hold"])),
            "wrap": float(np.mean(used["wrap"])),
            "std_dev": float(np.std(tot, ddof=1)) if n > 1 else None}


# --------------------------------------------------------------------------
# Case registry
# --------------------------------------------------------------------------

CASES: list = []
_SOURCE: dict = {}
_FLAGS: dict = {}


def _close(got, want, tol) -> bool:
    if isinstance(want, dict):
        return isinstance(got, dict) and all(k in got and _close(got[k], v, tol)
                                             for k, v in want.items())
    if isinstance(want, list):
        return isinstance(got, list) and len(got) == len(want) and \
            all(_close(a, b, tol) for a, b in zip(got, want))
    if isinstance(want, float) and isinstance(got, (int, float)) and not isinstance(got, bool):
        return abs(got - want) <= tol
    if isinstance(want, int) and not isinstance(want, bool) and isinstance(got, float):
        return abs(got - want) <= tol  # literal 28800 vs oracle 28800.0
    return got == want


def case(cid: str, fn: str, *, error: str | None = None, index: int | None = None,
         check: dict | None = None, note: str | None = None, source: str = "hand",
         slow: bool = True, **payload):
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
    if error is not None:
        if err is None:
            raise VectorBug(f"{cid}: expected error {error}, oracle computed {result}")
        if err.code != error or err.index != index:
            raise VectorBug(f"{cid}: expected {error}@{index}, oracle gave {err}")
        c["expected_error"] = err.as_json()
    else:
        if err is not None:
            raise VectorBug(f"{cid}: unexpected oracle error {err}")
        if check is not None and not _close(result, check, 1e-9):
            raise VectorBug(f"{cid}: check {check} != oracle {result}")
        c["expected"] = result
        c["tolerance"] = TOL
    if _LAST_KM.get("hit_half") and "expected" in c:
        extra = "S(t) reaches exactly 1/2 at km_median"
        if _LAST_KM["lifelines"] != _LAST_KM["exact"]:
            extra += (f" (lifelines {lifelines.__version__} rounds S above 1/2 and reports "
                      f"{_LAST_KM['lifelines']})")
        if not note or "1/2" not in note:
            note = f"{note}; {extra}" if note else extra
        _FLAGS[cid] = "half-lifelines" if _LAST_KM["lifelines"] != _LAST_KM["exact"] else "half"
    if note:
        c["note"] = note
    CASES.append(c)
    _SOURCE[cid] = source


# --------------------------------------------------------------------------
# Hand-written cases
# --------------------------------------------------------------------------

NY = "America/New_York"
BER = "Europe/Berlin"
H = 3600


def sched(tz, windows, holidays=()):
    return {"time_zone": tz, "windows": [list(w) for w in windows], "holidays": list(holidays)}


def weekdays(start="09:00", end="17:00", days=WEEKDAYS[:5]):
    return [(d, start, end) for d in days]


def L(tz_name: str, s: str, fold: int = 0) -> str:
    """'2026-11-09 10:00' local in tz -> ISO with that zone's offset (input convenience)."""
    tz = load_zone(tz_name)
    dt = datetime.fromisoformat(s).replace(tzinfo=tz, fold=fold)
    return dt.isoformat()


def tk(created, fr=None, solved=(), reopened=(), replies=0, followups=0, paused=(),
       channel=None, priority=None) -> dict:
    return {"created": created, "first_response": fr, "solved": list(solved),
            "reopened": list(reopened), "agent_replies": replies, "customer_followups": followups,
            "paused": [list(p) for p in paused], "channel": channel, "priority": priority}


def hand_calendar_cases():
    bs = "business_seconds"
    # ---- DST days: New York (2026-03-08 spring forward, 2026-11-01 fall back) ----
    for zone, tag, sp, fb in ((NY, "ny", "2026-03-08", "2026-11-01"),
                              (BER, "berlin", "2026-03-29", "2026-10-25")):
        spd, fbd = date.fromisoformat(sp), date.fromisoformat(fb)
        for day, kind, full in ((spd, "spring-forward", 23), (fbd, "fall-back", 25)):
            d0 = L(zone, f"{day} 00:00")
            d1 = L(zone, f"{day + timedelta(days=1)} 00:00")
            wide0 = L(zone, f"{day - timedelta(days=1)} 12:00")
            wide1 = L(zone, f"{day + timedelta(days=1)} 12:00")
            case(f"{bs}/{tag}/{kind}-9-17", bs, schedule=sched(zone, [("sun", "09:00", "17:00")]),
                 start=d0, end=d1, check={"seconds": 8 * H},
                 note=f"{day} is a DST day; a 09:00-17:00 window is unaffected (8 h)")
            case(f"{bs}/{tag}/{kind}-full-day", bs,
                 schedule=sched(zone, [("sun", "00:00", "00:00")]), start=wide0, end=wide1,
                 check={"seconds": full * H},
                 note=f"00:00-00:00 (24 h civil) lasts {full} h on {day}")
            case(f"{bs}/{tag}/{kind}-full-day-exact", bs,
                 schedule=sched(zone, [("sun", "00:00", "00:00")]), start=d0, end=d1,
                 check={"seconds": full * H})
        # window opening inside the spring-forward gap (02:00-03:00 skipped)
        case(f"{bs}/{tag}/spring-forward-gap-open", bs,
             schedule=sched(zone, [("sun", "02:30", "10:00")]),
             start=L(zone, f"{sp} 01:00"), end=L(zone, f"{sp} 12:00"), check={"seconds": 7 * H},
             note="02:30 does not exist: the window opens at the transition (03:00 new time); "
                  "7 h, not the civil 7.5 h")
        case(f"{bs}/{tag}/spring-forward-gap-open-start-inside", bs,
             schedule=sched(zone, [("sun", "02:30", "10:00")]),
             start=L(zone, f"{sp} 03:30"), end=L(zone, f"{sp} 23:00"),
             check={"seconds": 6.5 * H})
        case(f"{bs}/{tag}/spring-forward-gap-close", bs,
             schedule=sched(zone, [("sat", "22:00", "02:30")]),
             start=L(zone, f"{spd - timedelta(days=1)} 12:00"), end=L(zone, f"{sp} 12:00"),
             check={"seconds": 4 * H},
             note="overnight Sat 22:00-02:30 closes at the transition (03:00 new time): 4 h")
        case(f"{bs}/{tag}/spring-forward-window-inside-gap", bs,
             schedule=sched(zone, [("sun", "02:10", "02:50")]),
             start=L(zone, f"{sp} 00:00"), end=L(zone, f"{sp} 12:00"), check={"seconds": 0},
             note="both boundaries fall in the gap and map to the transition: 0 s")
        case(f"{bs}/{tag}/spring-forward-overnight", bs,
             schedule=sched(zone, [("sat", "22:00", "06:00")]),
             start=L(zone, f"{spd - timedelta(days=1)} 12:00"), end=L(zone, f"{sp} 12:00"),
             check={"seconds": 7 * H}, note="Sat 22:00-06:00 across the gap: 7 h")
        case(f"{bs}/{tag}/fall-back-overnight", bs,
             schedule=sched(zone, [("sat", "22:00", "06:00")]),
             start=L(zone, f"{fbd - timedelta(days=1)} 12:00"), end=L(zone, f"{fb} 12:00"),
             check={"seconds": 9 * H}, note="Sat 22:00-06:00 across the repeated hour: 9 h")
    # fall-back overlap specifics (times differ between the zones)
    case(f"{bs}/ny/fall-back-overlap-close", bs, schedule=sched(NY, [("sun", "00:00", "01:30")]),
         start="2026-10-31T12:00:00-04:00", end="2026-11-01T12:00:00-05:00",
         check={"seconds": 1.5 * H},
         note="01:30 occurs twice on 2026-11-01; the window closes at the first (01:30 EDT)")
    case(f"{bs}/ny/fall-back-overlap-close-after-first", bs,
         schedule=sched(NY, [("sun", "00:00", "01:30")]),
         start="2026-11-01T01:45:00-04:00", end="2026-11-01T01:45:00-05:00",
         check={"seconds": 0},
         note="01:45 EDT to 01:45 EST is after the close at the first 01:30")
    case(f"{bs}/ny/fall-back-overlap-open", bs, schedule=sched(NY, [("sun", "01:30", "05:00")]),
         start="2026-11-01T00:00:00-04:00", end="2026-11-01T12:00:00-05:00",
         check={"seconds": 4.5 * H},
         note="opens at the first 01:30 (EDT), closes 05:00 EST: 4.5 h, civil 3.5 h")
    case(f"{bs}/berlin/fall-back-overlap-close", bs,
         schedule=sched(BER, [("sun", "00:00", "02:30")]),
         start="2026-10-24T12:00:00+02:00", end="2026-10-25T12:00:00+01:00",
         check={"seconds": 2.5 * H},
         note="02:30 occurs twice on 2026-10-25; the window closes at the first (02:30 CEST)")
    case(f"{bs}/berlin/fall-back-overlap-open", bs,
         schedule=sched(BER, [("sun", "02:30", "05:00")]),
         start="2026-10-25T00:00:00+02:00", end="2026-10-25T12:00:00+01:00",
         check={"seconds": 3.5 * H},
         note="opens at the first 02:30 (CEST), closes 05:00 CET: 3.5 h, civil 2.5 h")
    case(f"{bs}/lord-howe/half-hour-gap-open", bs,
         schedule=sched("Australia/Lord_Howe", [("sun", "02:10", "04:00")]),
         start="2026-10-03T12:00:00Z", end="2026-10-04T12:00:00Z", check={"seconds": 1.5 * H},
         note="Lord Howe springs forward 30 min (02:00 -> 02:30) on 2026-10-04: opens at 02:30")

    # ---- one working week, New York ----
    ny = sched(NY, weekdays(), ["2026-12-25"])
    case(f"{bs}/ny/start-before-open-end-after-close", bs, schedule=ny,
         start="2026-11-17T07:00:00-05:00", end="2026-11-17T19:00:00-05:00",
         check={"seconds": 8 * H})
    case(f"{bs}/ny/inside-hours", bs, schedule=ny,
         start="2026-11-17T10:15:00-05:00", end="2026-11-17T14:45:00-05:00",
         check={"seconds": 4.5 * H})
    case(f"{bs}/ny/zero-length-in-hours", bs, schedule=ny,
         start="2026-11-17T10:15:00-05:00", end="2026-11-17T10:15:00-05:00",
         check={"seconds": 0})
    case(f"{bs}/ny/after-hours-same-evening", bs, schedule=ny,
         start="2026-11-17T18:00:00-05:00", end="2026-11-17T23:00:00-05:00",
         check={"seconds": 0}, note="opened and answered after hours: 0")
    case(f"{bs}/ny/overnight-gap-between-days", bs, schedule=ny,
         start="2026-11-17T17:00:00-05:00", end="2026-11-18T09:00:00-05:00",
         check={"seconds": 0}, note="from a closing time to the next opening")
    case(f"{bs}/ny/exactly-open-to-close", bs, schedule=ny,
         start="2026-11-17T09:00:00-05:00", end="2026-11-17T17:00:00-05:00",
         check={"seconds": 8 * H})
    case(f"{bs}/ny/weekend-only", bs, schedule=ny,
         start="2026-11-14T00:00:00-05:00", end="2026-11-16T00:00:00-05:00",
         check={"seconds": 0})
    case(f"{bs}/ny/friday-to-monday", bs, schedule=ny,
         start="2026-11-13T16:00:00-05:00", end="2026-11-16T10:00:00-05:00",
         check={"seconds": 2 * H})
    case(f"{bs}/ny/offsets-z-and-kolkata", bs, schedule=ny,
         start="2026-11-17T12:00:00Z", end="2026-11-18T03:30:00+05:30",
         check={"seconds": 8 * H},
         note="07:00 EST to 17:00 EST written as Z and +05:30: the offset is only notation")
    case(f"{bs}/ny/holiday-weekday", bs, schedule=ny,
         start="2026-12-24T00:00:00-05:00", end="2026-12-29T00:00:00-05:00",
         check={"seconds": 16 * H}, note="Fri 2026-12-25 is a holiday: Thu + Mon = 16 h")
    case(f"{bs}/ny/holiday-weekday-not-listed", bs, schedule=sched(NY, weekdays()),
         start="2026-12-24T00:00:00-05:00", end="2026-12-29T00:00:00-05:00",
         check={"seconds": 24 * H})
    case(f"{bs}/ny/holiday-only", bs, schedule=ny,
         start="2026-12-25T08:00:00-05:00", end="2026-12-25T18:00:00-05:00",
         check={"seconds": 0})
    case(f"{bs}/ny/multi-week-with-weekends-and-dst", bs, schedule=ny,
         start="2026-03-02T00:00:00-05:00", end="2026-03-23T00:00:00-04:00",
         check={"seconds": 15 * 8 * H},
         note="three weeks Mon-Fri 09-17 across the 2026-03-08 change: 15 x 8 h")
    case(f"{bs}/berlin/multi-week-holiday-dst", bs,
         schedule=sched(BER, weekdays(), ["2026-04-03"]),
         start="2026-03-16T00:00:00+01:00", end="2026-04-06T00:00:00+02:00",
         check={"seconds": 14 * 8 * H},
         note="three weeks across 2026-03-29, Good Friday 2026-04-03 a holiday: 14 x 8 h")
    all_days = sched(BER, [(d, "00:00", "00:00") for d in WEEKDAYS])
    case(f"{bs}/berlin/24x7-equals-calendar", bs, schedule=all_days,
         start="2026-03-20T10:17:00+01:00", end="2026-04-02T08:05:00+02:00",
         check={"seconds": float(parse_instant("2026-04-02T08:05:00+02:00")
                                 - parse_instant("2026-03-20T10:17:00+01:00"))},
         note="seven touching 24 h windows: business time = calendar time, across DST")
    case(f"{bs}/ny/24x7-fall-back-week", bs, schedule=sched(NY, [(d, "00:00", "00:00") for d in WEEKDAYS]),
         start="2026-10-28T00:00:00-04:00", end="2026-11-04T00:00:00-05:00",
         check={"seconds": 7 * 24 * H + H})
    case(f"{bs}/ny/adjacent-windows", bs,
         schedule=sched(NY, [("tue", "09:00", "12:00"), ("tue", "12:00", "17:00")]),
         start="2026-11-17T08:00:00-05:00", end="2026-11-17T18:00:00-05:00",
         check={"seconds": 8 * H}, note="touching windows do not overlap")
    case(f"{bs}/ny/full-day-window-starting-09", bs,
         schedule=sched(NY, [("sat", "09:00", "09:00")]),
         start="2026-11-13T00:00:00-05:00", end="2026-11-17T00:00:00-05:00",
         check={"seconds": 24 * H}, note="end == start: 24 h from Sat 09:00 to Sun 09:00")
    # ---- overnight windows ----
    night = sched(NY, [("fri", "22:00", "06:00")])
    case(f"{bs}/ny/overnight-across-midnight", bs, schedule=night,
         start="2026-11-13T20:00:00-05:00", end="2026-11-14T08:00:00-05:00",
         check={"seconds": 8 * H})
    case(f"{bs}/ny/overnight-after-midnight-part", bs, schedule=night,
         start="2026-11-14T00:00:00-05:00", end="2026-11-14T03:00:00-05:00",
         check={"seconds": 3 * H}, note="the Saturday part belongs to Friday's window")
    nights = [("wed", "22:00", "06:00"), ("thu", "22:00", "06:00")]
    case(f"{bs}/ny/overnight-into-holiday-counts", bs,
         schedule=sched(NY, nights, ["2026-12-24"]),
         start="2026-12-23T20:00:00-05:00", end="2026-12-25T08:00:00-05:00",
         check={"seconds": 8 * H},
         note="Wed 22:00-06:00 belongs to Wed (not a holiday) and runs into the holiday; "
              "Thu's window is closed")
    case(f"{bs}/ny/overnight-from-holiday-closed-after-midnight", bs,
         schedule=sched(NY, nights, ["2026-12-23"]),
         start="2026-12-24T00:00:00-05:00", end="2026-12-24T12:00:00-05:00",
         check={"seconds": 0},
         note="a holiday on Wed closes Wed's window including its part after midnight")
    case(f"{bs}/ny/overnight-from-holiday-not-listed", bs, schedule=sched(NY, nights),
         start="2026-12-24T00:00:00-05:00", end="2026-12-24T12:00:00-05:00",
         check={"seconds": 6 * H})
    case(f"{bs}/berlin/sunday-overnight-into-monday", bs,
         schedule=sched(BER, [("sun", "22:00", "02:00"), ("mon", "08:00", "12:00")]),
         start="2026-11-15T00:00:00+01:00", end="2026-11-16T23:00:00+01:00",
         check={"seconds": 8 * H}, note="week wrap: Sunday's window ends Monday 02:00")

    # ---- add_business ----
    ab = "add_business"
    case(f"{ab}/ny/across-weekend", ab, schedule=ny, start="2026-11-13T16:00:00-05:00",
         seconds=2 * H, check={"instant": "2026-11-16T15:00:00Z"}, note="Fri 16:00 + 2 h = Mon 10:00")
    case(f"{ab}/ny/across-weekend-and-dst", ab, schedule=ny, start="2026-03-06T16:00:00-05:00",
         seconds=2 * H, check={"instant": "2026-03-09T14:00:00Z"},
         note="Fri 16:00 EST + 2 h = Mon 10:00 EDT")
    case(f"{ab}/ny/across-holiday", ab, schedule=ny, start="2026-12-24T16:00:00-05:00",
         seconds=2 * H, check={"instant": "2026-12-28T15:00:00Z"},
         note="Thu 16:00 + 2 h skips the Fri 12-25 holiday and the weekend: Mon 10:00")
    case(f"{ab}/ny/lands-on-closing", ab, schedule=ny, start="2026-11-16T15:00:00-05:00",
         seconds=2 * H, check={"instant": "2026-11-16T22:00:00Z"},
         note="the earliest instant: 17:00 itself, not the next opening")
    case(f"{ab}/ny/lands-on-closing-friday", ab, schedule=ny, start="2026-11-13T16:00:00-05:00",
         seconds=H, check={"instant": "2026-11-13T22:00:00Z"})
    case(f"{ab}/ny/full-week-lands-on-friday-close", ab, schedule=ny,
         start="2026-11-16T09:00:00-05:00", seconds=40 * H,
         check={"instant": "2026-11-20T22:00:00Z"})
    case(f"{ab}/ny/full-week-plus-one-second", ab, schedule=ny,
         start="2026-11-16T09:00:00-05:00", seconds=40 * H + 1,
         check={"instant": "2026-11-23T14:00:01Z"})
    case(f"{ab}/ny/ninety-seconds-over-close", ab, schedule=ny,
         start="2026-11-17T16:59:00-05:00", seconds=90,
         check={"instant": "2026-11-18T14:00:30Z"}, note="60 s today, 30 s tomorrow")
    case(f"{ab}/ny/zero-outside-hours", ab, schedule=ny, start="2026-11-14T12:00:00-05:00",
         seconds=0, check={"instant": "2026-11-16T14:00:00Z"},
         note="seconds = 0 outside hours: the next opening (Mon 09:00)")
    case(f"{ab}/ny/zero-before-opening", ab, schedule=ny, start="2026-11-17T07:00:00-05:00",
         seconds=0, check={"instant": "2026-11-17T14:00:00Z"})
    case(f"{ab}/ny/zero-inside-hours", ab, schedule=ny, start="2026-11-17T10:00:00-05:00",
         seconds=0, check={"instant": "2026-11-17T15:00:00Z"})
    case(f"{ab}/ny/zero-at-opening", ab, schedule=ny, start="2026-11-17T09:00:00-05:00",
         seconds=0, check={"instant": "2026-11-17T14:00:00Z"})
    case(f"{ab}/ny/zero-at-closing", ab, schedule=ny, start="2026-11-17T17:00:00-05:00",
         seconds=0, check={"instant": "2026-11-18T14:00:00Z"},
         note="windows are [open, close): the closing instant is not open")
    case(f"{ab}/ny/zero-on-holiday", ab, schedule=ny, start="2026-12-25T10:00:00-05:00",
         seconds=0, check={"instant": "2026-12-28T14:00:00Z"})
    case(f"{ab}/ny/zero-at-adjacent-boundary", ab,
         schedule=sched(NY, [("tue", "09:00", "12:00"), ("tue", "12:00", "17:00")]),
         start="2026-11-17T12:00:00-05:00", seconds=0, check={"instant": "2026-11-17T17:00:00Z"})
    case(f"{ab}/ny/across-adjacent-windows", ab,
         schedule=sched(NY, [("tue", "09:00", "12:00"), ("tue", "12:00", "17:00")]),
         start="2026-11-17T11:00:00-05:00", seconds=2 * H,
         check={"instant": "2026-11-17T18:00:00Z"})
    case(f"{ab}/ny/spring-forward-full-day", ab, schedule=sched(NY, [("sun", "00:00", "00:00")]),
         start="2026-03-08T00:00:00-05:00", seconds=23 * H,
         check={"instant": "2026-03-09T04:00:00Z"}, note="the 23 h day is used up at its end")
    case(f"{ab}/ny/spring-forward-full-day-plus-one", ab,
         schedule=sched(NY, [("sun", "00:00", "00:00")]),
         start="2026-03-08T00:00:00-05:00", seconds=23 * H + 60,
         check={"instant": "2026-03-15T04:01:00Z"})
    case(f"{ab}/ny/zero-before-gap-window", ab, schedule=sched(NY, [("sun", "02:30", "10:00")]),
         start="2026-03-08T01:30:00-05:00", seconds=0,
         check={"instant": "2026-03-08T07:00:00Z"}, note="opens at the transition, 03:00 EDT")
    case(f"{ab}/berlin/fall-back-full-day", ab, schedule=sched(BER, [("sun", "00:00", "00:00")]),
         start="2026-10-25T00:00:00+02:00", seconds=25 * H,
         check={"instant": "2026-10-25T23:00:00Z"}, note="Mon 00:00 CET")
    case(f"{ab}/berlin/fall-back-overlap-open", ab,
         schedule=sched(BER, [("sun", "02:30", "05:00")]),
         start="2026-10-25T00:00:00+02:00", seconds=H,
         check={"instant": "2026-10-25T01:30:00Z"},
         note="opens at the first 02:30 (00:30Z); + 1 h = 02:30 CET")
    berlin = sched(BER, weekdays(), ["2026-12-24", "2026-12-25", "2026-12-31"])
    case(f"{ab}/berlin/across-holidays-and-weekend", ab, schedule=berlin,
         start="2026-12-23T16:00:00+01:00", seconds=4 * H,
         check={"instant": "2026-12-28T11:00:00Z"}, note="Wed 16:00 + 4 h = Mon 12:00 CET")
    case(f"{ab}/ny/overnight-window", ab, schedule=night, start="2026-11-13T12:00:00-05:00",
         seconds=3 * H, check={"instant": "2026-11-14T06:00:00Z"}, note="Sat 01:00 EST")
    case(f"{ab}/ny/overnight-window-holiday-start", ab,
         schedule=sched(NY, [("fri", "22:00", "06:00")], ["2026-12-25"]),
         start="2026-12-25T12:00:00-05:00", seconds=60,
         check={"instant": "2027-01-02T03:01:00Z"},
         note="the 12-25 window is closed; the next one opens Fri 01-01 22:00 EST")

    # ---- schedule and argument errors ----
    good = ("2026-11-17T09:00:00-05:00", "2026-11-17T17:00:00-05:00")

    def bad_sched(tag, s, code, note=None):
        case(f"{bs}/error-{tag}", bs, schedule=s, start=good[0], end=good[1], error=code, note=note)

    bad_sched("unknown-time-zone", sched("Mars/Olympus", weekdays()), "unknown_time_zone")
    bad_sched("unknown-time-zone-not-a-zone-path", sched("America", weekdays()),
              "unknown_time_zone", note="a directory of the tz database, not a zone")
    bad_sched("empty-schedule", sched(NY, []), "empty_schedule")
    bad_sched("empty-schedule-with-holidays", sched(NY, [], ["2026-12-25"]), "empty_schedule")
    bad_sched("overlap-same-day", sched(NY, [("mon", "09:00", "12:00"), ("mon", "11:00", "13:00")]),
              "overlapping_windows")
    bad_sched("overlap-duplicate", sched(NY, [("tue", "09:00", "17:00"), ("tue", "09:00", "17:00")]),
              "overlapping_windows")
    bad_sched("overlap-nested", sched(NY, [("tue", "09:00", "17:00"), ("tue", "10:00", "11:00")]),
              "overlapping_windows")
    bad_sched("overlap-overnight-spill", sched(NY, [("mon", "22:00", "06:00"), ("tue", "05:00", "09:00")]),
              "overlapping_windows", note="Mon 22:00-06:00 spills into Tue 05:00-06:00")
    bad_sched("overlap-sunday-into-monday", sched(NY, [("sun", "22:00", "02:00"), ("mon", "01:00", "05:00")]),
              "overlapping_windows", note="week wrap: Sun 22:00-02:00 runs into Mon 01:00")
    bad_sched("overlap-full-day-window", sched(NY, [("sat", "09:00", "09:00"), ("sun", "08:00", "10:00")]),
              "overlapping_windows", note="Sat 09:00-09:00 runs until Sun 09:00")
    bad_sched("overlap-only-on-holiday", sched(NY, [("mon", "09:00", "12:00"), ("mon", "11:00", "13:00")],
                                               ["2026-11-16"]), "overlapping_windows",
              note="overlap is a property of the weekly clock; holidays do not matter")
    bad_sched("bad-weekday", sched(NY, [("funday", "09:00", "17:00")]), "invalid_argument")
    bad_sched("bad-time-25", sched(NY, [("mon", "09:00", "25:00")]), "invalid_argument")
    bad_sched("bad-time-60-minutes", sched(NY, [("mon", "09:60", "17:00")]), "invalid_argument")
    bad_sched("bad-time-text", sched(NY, [("mon", "9am", "17:00")]), "invalid_argument")
    bad_sched("bad-holiday-date", sched(NY, weekdays(), ["2026-02-30"]), "invalid_argument")
    case(f"{bs}/error-end-before-start", bs, schedule=ny, start=good[1], end=good[0],
         error="out_of_order")
    case(f"{bs}/error-end-one-minute-before-start-off-hours", bs, schedule=ny,
         start="2026-11-14T12:01:00-05:00", end="2026-11-14T12:00:00-05:00", error="out_of_order",
         note="even when both are outside hours")
    for tag, sec in (("negative", -1), ("nan", "nan"), ("inf", "inf"), ("negative-inf", "-inf")):
        case(f"{ab}/error-seconds-{tag}", ab, schedule=ny, start=good[0], seconds=sec,
             error="invalid_argument")
    case(f"{ab}/error-unknown-time-zone", ab, schedule=sched("Mars/Olympus", weekdays()),
         start=good[0], seconds=60, error="unknown_time_zone")
    case(f"{ab}/error-overlapping-windows", ab,
         schedule=sched(BER, [("fri", "20:00", "04:00"), ("sat", "03:00", "08:00")]),
         start=good[0], seconds=60, error="overlapping_windows")


# ---- hand-written tickets ----


def ny_set_a():
    """Five tickets in New York, Mon 2026-11-09 .. Fri 11-20 (EST, no holiday in range)."""
    e = lambda s: f"2026-11-{s}-05:00"  # noqa: E731  "09T10:00:00" -> ISO EST
    return [
        tk(e("09T10:00:00"), e("09T10:30:00"), [e("09T12:00:00")], replies=1, channel="email",
           priority="high"),
        tk(e("10T19:00:00"), e("10T20:00:00"), [e("11T10:00:00")], replies=1, followups=1,
           channel="chat", priority="normal"),
        tk(e("13T16:00:00"), e("16T10:00:00"), [e("16T11:00:00"), e("17T12:00:00")],
           [e("17T09:30:00")], replies=3, followups=2, channel="email", priority="high"),
        tk(e("18T09:00:00"), channel="phone", priority="low"),
        tk(e("19T08:00:00"), e("19T09:15:00"), [e("19T16:00:00")], replies=1,
           paused=[(e("19T10:00:00"), e("19T14:00:00"))], channel="email"),
    ]


NY_A_AS_OF = "2026-11-20T12:00:00-05:00"


def hand_ticket_cases():
    nyw = sched(NY, weekdays(), ["2026-11-26"])
    A = ny_set_a()
    biz = {"clock": "business", "schedule": nyw, "as_of": NY_A_AS_OF}
    cal = {"clock": "calendar", "as_of": NY_A_AS_OF}
    td = "ticket_durations"

    # per-ticket durations, both clocks, all four metrics (worked by hand; see README)
    expect = {
        ("first_response", "business"): [1800, 0, 7200, None, 900],
        ("first_response", "calendar"): [1800, 3600, 237600, None, 4500],
        ("first_resolution", "business"): [7200, 3600, 10800, None, 25200],
        ("first_resolution", "calendar"): [7200, 54000, 241200, None, 28800],
        ("full_resolution", "business"): [7200, 3600, 43200, None, 25200],
        ("full_resolution", "calendar"): [7200, 54000, 331200, None, 28800],
        ("requester_wait", "business"): [7200, 3600, 43200, None, 10800],
        ("requester_wait", "calendar"): [7200, 54000, 331200, None, 14400],
    }
    for (m, clk), want in expect.items():
        o = {"metric": m, "clock": clk}
        if clk == "business":
            o["schedule"] = nyw
        case(f"{td}/ny-set-a/{m}-{clk}", td, tickets=A, options=o, check={"durations": want})

    frt = "first_response_time"
    case(f"{frt}/ny-set-a/business", frt, tickets=A, options=biz,
         check={"n": 4, "open": 1, "mean": 2475.0, "median": 1350.0, "p90": 5580.0, "min": 0.0,
                "max": 7200.0, "km_median": 1800.0, "clock": "business"},
         note="done [0, 900, 1800, 7200], one open censored at 68400 (19 business hours): "
              "KM median 1800 differs from the median 1350")
    case(f"{frt}/ny-set-a/calendar", frt, tickets=A, options=cal,
         check={"n": 4, "open": 1, "mean": 61875.0, "median": 4050.0, "km_median": 4500.0,
                "clock": "calendar"})
    case(f"{frt}/ny-set-a/business-percentiles", frt, tickets=A,
         options=dict(biz, percentiles=[0.0, 0.25, 0.75, 1.0]),
         check={"percentiles": {"0.0": 0.0, "0.25": 675.0, "0.75": 3150.0, "1.0": 7200.0}})
    case(f"{frt}/ny-set-a/calendar-default-as-of", frt, tickets=A, options={"clock": "calendar"},
         check={"n": 4, "open": 1, "km_median": 4500.0},
         note="as_of defaults to the latest timestamp (11-19 16:00), the open ticket is censored "
              "at 31 h")
    case(f"{frt}/ny-set-a/default-clock", frt, tickets=A, options={"as_of": NY_A_AS_OF},
         check={"mean": 61875.0, "clock": "calendar"}, note="clock defaults to calendar")
    rt = "resolution_time"
    case(f"{rt}/ny-set-a/full-business", rt, tickets=A, options=dict(biz, kind="full"),
         check={"n": 4, "open": 1, "mean": 19800.0, "median": 16200.0, "km_median": 25200.0})
    case(f"{rt}/ny-set-a/first-business", rt, tickets=A, options=dict(biz, kind="first"),
         check={"n": 4, "mean": 11700.0})
    case(f"{rt}/ny-set-a/full-calendar", rt, tickets=A, options=dict(cal, kind="full"),
         check={"n": 4, "max": 331200.0})
    case(f"{rt}/ny-set-a/first-calendar", rt, tickets=A, options=dict(cal, kind="first"),
         check={"n": 4, "max": 241200.0})
    case(f"{rt}/ny-set-a/kind-default-full", rt, tickets=A, options=cal,
         check={"max": 331200.0},
         note="kind defaults to full: a reopened ticket is resolved only when solved again")
    rw = "requester_wait_time"
    case(f"{rw}/ny-set-a/business", rw, tickets=A, options=biz,
         check={"n": 4, "min": 3600.0, "mean": 16200.0})
    case(f"{rw}/ny-set-a/calendar", rw, tickets=A, options=cal, check={"n": 4, "min": 7200.0})

    # after hours: a ticket opened and answered outside business hours
    after = [tk("2026-11-17T19:00:00-05:00", "2026-11-17T20:30:00-05:00",
                ["2026-11-17T21:00:00-05:00"], replies=1)]
    case(f"{frt}/after-hours/business", frt, tickets=after,
         options={"clock": "business", "schedule": nyw},
         check={"n": 1, "open": 0, "mean": 0.0, "median": 0.0, "km_median": 0.0},
         note="opened and answered after hours: business 0")
    case(f"{frt}/after-hours/calendar", frt, tickets=after, options={"clock": "calendar"},
         check={"n": 1, "mean": 5400.0, "km_median": 5400.0})
    case(f"{td}/after-hours/first-response-business", td, tickets=after,
         options={"metric": "first_response", "clock": "business", "schedule": nyw},
         check={"durations": [0.0]})

    # KM median: null; censored tied with an event; S exactly 1/2; all done
    z = lambda hm: f"2026-11-18T{hm}:00Z"  # noqa: E731
    km_null = [tk(z("10:00"), z("10:05")), tk(z("10:00"), z("10:10")), tk(z("10:00")),
               tk(z("10:30")), tk(z("11:00"))]
    case(f"{frt}/km-null-more-than-half-open", frt, tickets=km_null,
         options={"clock": "calendar", "as_of": z("12:00")},
         check={"n": 2, "open": 3, "median": 450.0, "km_median": None},
         note="S = 0.8, 0.6 and never <= 0.5: km_median null (lifelines inf)")
    m = lambda hm: f"2026-11-16T{hm}:00-05:00"  # noqa: E731  Monday, EST
    km_null_biz = [tk(m("10:00"), m("10:20"), [m("11:00")]), tk(m("10:00"), m("10:30")),
                   tk(m("10:00")), tk(m("12:00")), tk(m("16:00"), m("16:05"), [m("16:30")])]
    case(f"{rw}/km-null-business", rw, tickets=km_null_biz,
         options={"clock": "business", "schedule": nyw, "as_of": "2026-11-18T12:00:00-05:00"},
         check={"n": 2, "open": 3, "mean": 2700.0, "km_median": None},
         note="two of five resolved, three open (censored at 18 and 16 business hours): "
              "S = 4/5, 3/5, never <= 1/2")
    km_tie = [tk(z("09:00"), z("10:00")), tk(z("11:00")), tk(z("08:00"), z("10:00"))]
    case(f"{frt}/km-censored-at-event-time-stays-at-risk", frt, tickets=km_tie,
         options={"clock": "calendar", "as_of": z("12:00")},
         check={"n": 2, "open": 1, "median": 5400.0, "km_median": 7200.0},
         note="event and censoring both at 3600: n_i = 3, S(3600) = 2/3, S(7200) = 0")
    km_half = [tk(z("09:00"), f"2026-11-18T09:{m:02d}:00Z") for m in (10, 20, 30, 40, 50)] + \
        [tk(z("09:00"), z("10:00"))]
    case(f"{frt}/km-exact-half-no-censoring", frt, tickets=km_half,
         options={"clock": "calendar"},
         check={"n": 6, "open": 0, "median": 2100.0, "km_median": 1800.0},
         note="S(1800) = 1/2 exactly, so km_median = 1800 (lifelines 0.30 rounds S to "
              "0.5000000000000001 here and reports 2400)")
    km_four = km_half[:4]
    case(f"{frt}/km-even-n-lower-median", frt, tickets=km_four, options={"clock": "calendar"},
         check={"n": 4, "median": 1500.0, "km_median": 1200.0})
    case(f"{frt}/km-odd-n-equals-median", frt, tickets=km_half[:5], options={"clock": "calendar"},
         check={"n": 5, "median": 1800.0, "km_median": 1800.0})
    case(f"{frt}/zero-elapsed-censoring", frt,
         tickets=[tk(z("09:00"), z("09:30")), tk(z("09:30"))], options={"clock": "calendar"},
         check={"n": 1, "open": 1, "km_median": 1800.0},
         note="default as_of = 09:30, the open ticket is censored at 0")

    # requester wait: pauses touching, unsorted, clipped, after the solve, open ticket
    p = lambda hm: f"2026-11-17T{hm}:00-05:00"  # noqa: E731
    waits = [
        tk(p("08:00"), p("08:30"), [p("16:00")], paused=[(p("10:00"), p("11:00")), (p("11:00"), p("12:00"))]),
        tk(p("08:00"), p("08:30"), [p("16:00")], paused=[(p("13:00"), p("14:00")), (p("10:00"), p("11:00"))]),
        tk(p("08:00"), p("08:30"), [p("16:00")], paused=[(p("15:00"), p("18:00"))]),
        tk(p("08:00"), p("08:30"), [p("12:00")], paused=[(p("13:00"), p("14:00"))]),
        tk(p("08:00"), p("08:30"), paused=[(p("10:00"), p("12:00"))]),
        tk(p("08:00"), p("08:30"), [p("10:00"), p("15:00")], [p("11:00")],
           paused=[(p("10:00"), p("11:00"))]),
    ]
    wo = {"clock": "calendar", "as_of": p("18:00")}
    case(f"{td}/pauses/requester-wait-calendar", td, tickets=waits,
         options={"metric": "requester_wait", "clock": "calendar"},
         check={"durations": [6 * H, 6 * H, 7 * H, 4 * H, None, 6 * H]},
         note="touching pauses; unsorted pauses; pause clipped at the final solve; pause after "
              "the final solve; open; paused while solved before a reopen")
    case(f"{td}/pauses/requester-wait-business", td, tickets=waits,
         options={"metric": "requester_wait", "clock": "business", "schedule": nyw},
         check={"durations": [5 * H, 5 * H, 6 * H, 3 * H, None, 5 * H]})
    case(f"{rw}/pauses/calendar-open-minus-paused", rw, tickets=waits, options=wo,
         check={"n": 5, "open": 1, "km_median": 6 * H},
         note="the open ticket waited 10 h - 2 h paused = 8 h up to as_of")
    case(f"{rw}/pauses/business", rw, tickets=waits,
         options={"clock": "business", "schedule": nyw, "as_of": p("18:00")},
         check={"n": 5, "open": 1, "mean": 4.8 * H})
    case(f"{td}/pauses/full-resolution-ignores-pauses", td, tickets=waits,
         options={"metric": "full_resolution", "clock": "calendar"},
         check={"durations": [8 * H, 8 * H, 8 * H, 4 * H, None, 7 * H]})

    # reopened and open again; solved without a response; defaults of optional keys
    ro = [
        tk(p("09:00"), p("09:10"), [p("10:00")], [p("11:00")]),
        tk(p("09:00"), None, [p("09:45")]),
        {"created": p("09:00"), "solved": [p("12:00")]},
    ]
    case(f"{td}/reopened-open/full-resolution", td, tickets=ro,
         options={"metric": "full_resolution", "clock": "calendar"},
         check={"durations": [None, 2700.0, 3 * H]},
         note="reopened after its last solve: open for full resolution; a record with only "
              "created and solved (defaults: no response, no reopen, no pauses, counts 0)")
    case(f"{td}/reopened-open/first-resolution", td, tickets=ro,
         options={"metric": "first_resolution", "clock": "calendar"},
         check={"durations": [H, 2700.0, 3 * H]})
    case(f"{td}/reopened-open/first-response", td, tickets=ro,
         options={"metric": "first_response", "clock": "calendar"},
         check={"durations": [600.0, None, None]}, note="solved without any response: null")
    case(f"{rt}/reopened-open/full-calendar", rt, tickets=ro,
         options={"clock": "calendar", "kind": "full"},
         check={"n": 2, "open": 1, "mean": 6750.0, "km_median": 3 * H},
         note="open ticket censored at 3 h (default as_of 12:00) tied with the 3 h event")

    # ---- SLA ----
    s = "sla"
    tg = {"high": 3600, "*": 14400}
    case(f"{s}/ny-set-a/first-response-business", s, tickets=A,
         options=dict(biz, metric="first_response", targets=tg),
         check={"rows": [
             {"priority": "high", "target": 3600, "achieved": 1, "breached": 1, "running": 0, "n": 2, "score": 50.0},
             {"priority": "low", "target": 14400, "achieved": 0, "breached": 1, "running": 0, "n": 1, "score": 0.0},
             {"priority": "normal", "target": 14400, "achieved": 1, "breached": 0, "running": 0, "n": 1, "score": 100.0},
             {"priority": None, "target": 14400, "achieved": 1, "breached": 0, "running": 0, "n": 1, "score": 100.0}],
             "overall": {"priority": None, "target": None, "achieved": 3, "breached": 2, "running": 0, "n": 5,
                         "score": 60.0},
             "untargeted": 0},
         note="rows sorted by priority name, the null-priority row last; the open low ticket "
              "has waited 19 business hours > 4 h: breached")
    case(f"{s}/ny-set-a/first-response-calendar", s, tickets=A,
         options=dict(cal, metric="first_response", targets={"high": 3600, "normal": 1800, "*": 14400}),
         check={"overall": {"achieved": 2, "breached": 3, "running": 0, "n": 5, "score": 40.0}})
    case(f"{s}/ny-set-a/no-default-untargeted", s, tickets=A,
         options=dict(biz, metric="full_resolution", targets={"high": 4 * H, "normal": 3600}),
         check={"rows": [
             {"priority": "high", "target": 14400, "achieved": 1, "breached": 1, "running": 0, "n": 2, "score": 50.0},
             {"priority": "normal", "target": 3600, "achieved": 1, "breached": 0, "running": 0, "n": 1, "score": 100.0}],
             "untargeted": 2},
         note="without '*', the low and null-priority tickets are untargeted")
    case(f"{s}/ny-set-a/first-resolution-calendar", s, tickets=A,
         options=dict(cal, metric="first_resolution", targets={"*": 86400}),
         check={"overall": {"achieved": 3, "breached": 2, "n": 5}})
    run = [tk(z("09:00"), z("09:30"), priority="p1"), tk(z("09:00"), priority="p1"),
           tk(z("11:00"), priority="p1"), tk(z("08:00"), priority="p1")]
    case(f"{s}/running-and-on-target", s, tickets=run,
         options={"metric": "first_response", "clock": "calendar", "as_of": z("12:00"),
                  "targets": {"p1": 3 * H}},
         check={"rows": [{"priority": "p1", "target": 10800, "achieved": 1, "breached": 1,
                          "running": 2, "n": 2, "score": 50.0}]},
         note="open at exactly the target (3 h) is running; 4 h is breached")
    case(f"{s}/done-exactly-on-target", s, tickets=[tk(z("09:00"), z("10:00"), priority="p1")],
         options={"metric": "first_response", "clock": "calendar", "targets": {"p1": 3600}},
         check={"overall": {"achieved": 1, "breached": 0, "n": 1, "score": 100.0}})
    case(f"{s}/all-running-score-null", s, tickets=[tk(z("09:00")), tk(z("10:00"))],
         options={"metric": "first_response", "clock": "calendar", "targets": {"*": 86400}},
         check={"overall": {"running": 2, "n": 0, "score": None}},
         note="n = achieved + breached = 0: score null, not an error")
    case(f"{s}/all-untargeted", s, tickets=[tk(z("09:00"), z("09:30"), priority="low")],
         options={"metric": "first_response", "clock": "calendar", "targets": {"high": 60}},
         check={"rows": [], "overall": {"n": 0, "score": None}, "untargeted": 1})

    # ---- FCR ----
    f = "fcr"
    base = {"max_agent_replies": 1, "max_customer_followups": None, "reopen_window": None,
            "denominator": "resolved", "period": None}
    fc = [("resolved-default", {}, {"score": 75.0, "count": 3, "n": 4}),
          ("created", {"denominator": "created"}, {"score": 60.0, "count": 3, "n": 5}),
          ("max-followups-0", {"max_customer_followups": 0}, {"count": 2, "n": 4}),
          ("no-reply-limit", {"max_agent_replies": None}, {"count": 3, "n": 4}),
          ("no-reply-limit-reopen-window-1h", {"max_agent_replies": None, "reopen_window": 3600},
           {"count": 4, "n": 4, "score": 100.0}),
          ("reopen-window-equal-is-failure", {"max_agent_replies": None, "reopen_window": 81000},
           {"count": 3, "n": 4}),
          ("reopen-window-just-below", {"max_agent_replies": None, "reopen_window": 80940},
           {"count": 4, "n": 4}),
          ("reopen-window-just-above", {"max_agent_replies": None, "reopen_window": 81060},
           {"count": 3, "n": 4}),
          ("max-replies-3", {"max_agent_replies": 3}, {"count": 3, "n": 4}),
          ("max-replies-0", {"max_agent_replies": 0}, {"count": 0, "n": 4, "score": 0.0}),
          ("period-resolved-first-week",
           {"period": ["2026-11-09T00:00:00-05:00", "2026-11-16T00:00:00-05:00"]},
           {"count": 2, "n": 2}),
          ("period-resolved-second-week",
           {"period": ["2026-11-16T00:00:00-05:00", "2026-11-21T00:00:00-05:00"]},
           {"count": 1, "n": 2}),
          ("period-from-inclusive",
           {"period": ["2026-11-16T11:00:00-05:00", "2026-11-21T00:00:00-05:00"]},
           {"n": 2}),
          ("period-to-exclusive",
           {"period": ["2026-11-16T00:00:00-05:00", "2026-11-19T16:00:00-05:00"]},
           {"n": 1, "count": 0}),
          ("period-created-second-week",
           {"denominator": "created",
            "period": ["2026-11-16T00:00:00-05:00", "2026-11-21T00:00:00-05:00"]},
           {"count": 1, "n": 2, "score": 50.0}),
          ]
    for tag, over, chk in fc:
        case(f"{f}/ny-set-a/{tag}", f, tickets=A, options=dict(base, **over), check=chk)
    case(f"{f}/ny-set-a/library-defaults", f, tickets=A, options={},
         check={"score": 75.0, "count": 3, "n": 4},
         note="options absent: max_agent_replies 1, no follow-up limit, no reopen allowed, "
              "denominator resolved, no period")
    case(f"{f}/record-defaults-zero-replies", f, tickets=[ro[2]], options=dict(base),
         check={"count": 1, "n": 1}, note="agent_replies defaults to 0")

    # ---- handle time ----
    ht = "handle_time"
    case(f"{ht}/basic", ht, args={"talk": [300, 420, 180], "hold": [60, 0, 30], "wrap": [30, 45, 15]},
         check={"score": 360.0, "n": 3, "missing": 0, "talk": 300.0, "hold": 30.0, "wrap": 30.0,
                "std_dev": math.sqrt(15075.0)})
    case(f"{ht}/talk-only", ht, args={"talk": [300, 420, 180], "hold": None, "wrap": None},
         check={"score": 300.0, "hold": 0.0, "wrap": 0.0, "std_dev": 120.0},
         note="absent hold / wrap count as 0; their means are 0")
    case(f"{ht}/nan-is-missing", ht,
         args={"talk": [300, 420, None, 180], "hold": [60, None, 10, 30], "wrap": [30, 45, 5, 15]},
         check={"n": 2, "missing": 2, "score": 307.5, "hold": 45.0},
         note="null = NaN in any given component: the contact is missing")
    case(f"{ht}/nan-string-is-missing", ht, args={"talk": [300, "nan"], "hold": None, "wrap": None},
         check={"n": 1, "missing": 1, "std_dev": None}, note="n = 1: std_dev null")
    case(f"{ht}/zeros", ht, args={"talk": [0, 0], "hold": [0, 0], "wrap": None},
         check={"score": 0.0, "std_dev": 0.0})
    case(f"{ht}/fractional", ht, args={"talk": [12.5, 7.25, 100.125], "hold": None, "wrap": [1.5, 0, 2.75]},
         check={"n": 3})
    case(f"{ht}/error-length-mismatch-hold", ht, args={"talk": [1, 2, 3], "hold": [1, 2], "wrap": None},
         error="length_mismatch")
    case(f"{ht}/error-length-mismatch-wrap", ht, args={"talk": [1, 2], "hold": None, "wrap": [1, 2, 3]},
         error="length_mismatch")
    case(f"{ht}/error-negative-talk", ht, args={"talk": [1, -2, 3], "hold": None, "wrap": None},
         error="invalid_argument", index=1)
    case(f"{ht}/error-inf-wrap", ht, args={"talk": [1, 2, 3], "hold": None, "wrap": [0, 0, "inf"]},
         error="invalid_argument", index=2)
    case(f"{ht}/error-negative-inf-hold", ht, args={"talk": [1, 2], "hold": ["-inf", 0], "wrap": None},
         error="invalid_argument", index=0)
    case(f"{ht}/error-first-bad-index", ht, args={"talk": [1, 2, -3, 4], "hold": [0, -1, 0, 0], "wrap": None},
         error="invalid_argument", index=1, note="the first bad contact")
    case(f"{ht}/error-all-nan", ht, args={"talk": [None, "nan"], "hold": None, "wrap": None}, error="empty")
    case(f"{ht}/error-no-contacts", ht, args={"talk": [], "hold": None, "wrap": None}, error="empty")

    # ---- ticket errors ----
    case(f"{frt}/error-empty-all-open", frt, tickets=[tk(z("09:00")), tk(z("10:00"))],
         options={"clock": "calendar"}, error="empty", note="nothing completed")
    case(f"{frt}/error-empty-no-tickets", frt, tickets=[], options={"clock": "calendar"}, error="empty")
    case(f"{rt}/error-empty-reopened-never-resolved", rt,
         tickets=[tk(z("09:00"), z("09:10"), [z("10:00")], [z("11:00")])],
         options={"clock": "calendar", "kind": "full"}, error="empty")
    case(f"{f}/error-empty-nothing-solved", f, tickets=[tk(z("09:00"), z("09:10"))],
         options=dict(base), error="empty", note="denominator resolved with no solved ticket")
    case(f"{f}/error-empty-period", f, tickets=A,
         options=dict(base, period=["2026-12-01T00:00:00Z", "2026-12-08T00:00:00Z"]), error="empty")
    case(f"{f}/error-period-reversed", f, tickets=A,
         options=dict(base, period=["2026-11-16T00:00:00Z", "2026-11-09T00:00:00Z"]),
         error="invalid_argument", note="a period must end after it starts")
    case(f"{f}/error-period-empty-interval", f, tickets=A,
         options=dict(base, period=["2026-11-16T00:00:00Z", "2026-11-16T00:00:00Z"]),
         error="invalid_argument")
    case(f"{f}/error-reopen-window-negative", f, tickets=A,
         options=dict(base, reopen_window=-1), error="invalid_argument")
    for tag, q in (("above-one", 1.5), ("negative", -0.1), ("nan", "nan")):
        case(f"{frt}/error-percentile-{tag}", frt, tickets=A,
             options=dict(cal, percentiles=[0.5, q]), error="invalid_argument")
    for tag, t in (("zero", {"high": 0, "*": 3600}), ("negative", {"*": -60}),
                   ("nan", {"*": "nan"}), ("inf", {"high": "inf", "*": 60}), ("empty", {})):
        case(f"{s}/error-target-{tag}", s, tickets=A,
             options=dict(cal, metric="first_response", targets=t), error="invalid_argument")
    case(f"{frt}/error-business-without-schedule", frt, tickets=A, options={"clock": "business"},
         error="invalid_argument", note="the business clock needs a schedule")
    case(f"{frt}/error-bad-schedule-unknown-zone", frt, tickets=A,
         options={"clock": "business", "schedule": sched("Mars/Olympus", weekdays())},
         error="unknown_time_zone")
    bad = [
        ("solved-before-created", 2,
         [A[0], A[1], tk(z("09:00"), None, [z("08:59")])]),
        ("response-before-created", 1, [A[0], tk(z("09:00"), z("08:00"))]),
        ("reopened-before-created", 0, [tk(z("09:00"), z("09:10"), [z("10:00")], [z("08:00")]), A[0]]),
        ("paused-end-before-start", 1,
         [A[0], tk(z("09:00"), z("09:10"), [z("12:00")], paused=[(z("10:00"), z("09:30"))])]),
        ("paused-start-before-created", 0,
         [tk(z("09:00"), z("09:10"), [z("12:00")], paused=[(z("08:00"), z("09:30"))])]),
        ("paused-overlapping", 0,
         [tk(z("09:00"), z("09:10"), [z("12:00")],
             paused=[(z("10:30"), z("11:30")), (z("10:00"), z("11:00"))])]),
        ("second-bad-ticket-index", 3,
         [A[0], A[1], A[2], tk(z("09:00"), z("08:00")), tk(z("09:00"), z("08:00"))]),
    ]
    for tag, idx, ts in bad:
        case(f"{rw}/error-{tag}", rw, tickets=ts, options={"clock": "calendar"},
             error="out_of_order", index=idx)
    case(f"{frt}/error-paused-overlap-validated-for-any-metric", frt, tickets=bad[5][2],
         options={"clock": "calendar"}, error="out_of_order", index=0,
         note="tickets are validated in full, whatever the metric")
    case(f"{f}/error-solved-before-created", f, tickets=bad[0][2], options=dict(base),
         error="out_of_order", index=2)
    case(f"{td}/error-response-before-created", td, tickets=bad[1][2],
         options={"metric": "first_response", "clock": "calendar"}, error="out_of_order", index=1)
    case(f"{frt}/error-event-after-as-of", frt, tickets=A,
         options={"clock": "calendar", "as_of": "2026-11-19T12:00:00-05:00"},
         error="out_of_order", index=4, note="ticket 4 is solved after as_of")
    case(f"{frt}/error-response-after-as-of", frt, tickets=A,
         options={"clock": "calendar", "as_of": "2026-11-16T09:30:00-05:00"},
         error="out_of_order", index=2, note="ticket 2 is answered at 10:00, after as_of")
    case(f"{frt}/error-created-after-as-of", frt, tickets=A,
         options={"clock": "calendar", "as_of": "2026-11-13T12:00:00-05:00"},
         error="out_of_order", index=2, note="ticket 2 and later are after as_of; first index")
    case(f"{s}/error-event-after-as-of", s, tickets=A,
         options=dict(biz, as_of="2026-11-19T15:59:00-05:00", metric="first_response",
                      targets={"*": 3600}), error="out_of_order", index=4)
    case(f"{frt}/as-of-equal-to-last-event", frt, tickets=A,
         options={"clock": "calendar", "as_of": "2026-11-19T16:00:00-05:00"},
         check={"n": 4, "open": 1}, note="an event at as_of is allowed")


# --------------------------------------------------------------------------
# Seeded random ticket sets
# --------------------------------------------------------------------------

RANDOM_SCHEDULES = [
    ("ny-weekdays", sched(NY, weekdays(), ["2026-01-19", "2026-05-25", "2026-07-03", "2026-09-07",
                                           "2026-11-26", "2026-11-27", "2026-12-24", "2026-12-25",
                                           "2027-01-01"])),
    ("ny-extended", sched(NY, weekdays("08:00", "20:00") + [("sat", "10:00", "14:00")],
                          ["2026-11-26", "2026-12-25"])),
    ("ny-overnight", sched(NY, weekdays(days=("mon", "tue", "wed", "thu")) +
                           [("fri", "22:00", "06:00"), ("sun", "20:00", "02:00")], ["2026-12-25"])),
    ("berlin-weekdays", sched(BER, weekdays("08:00", "18:00"),
                              ["2026-04-03", "2026-04-06", "2026-05-01", "2026-10-03", "2026-12-24",
                               "2026-12-25", "2026-12-26", "2026-12-31", "2027-01-01"])),
    ("berlin-shifts", sched(BER, weekdays("06:00", "22:00") + [("sat", "22:00", "06:00"),
                                                               ("sun", "12:00", "18:00")],
                            ["2026-10-03", "2026-12-25", "2026-12-26"])),
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
        t0 = parse_instant(L(zone, f"{d0} 00:00")) // 60          # UTC minutes
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
            latest = max(max([r["created"], r["fr"] or 0] + r["solved"] + r["reopened"]
                             + [b for _, b in r["paused"]]) for r in tickets)
            as_of_min = max(latest, t_end)
        else:
            as_of_min = t_end
        records = []
        for r in tickets:
            use_z = rng.random() < 0.4

            def fmt(u):
                return iso_utc(u * 60) if use_z else iso_in(u * 60, tz)

            records.append(tk(fmt(r["created"]), None if r["fr"] is None else fmt(r["fr"]),
                              [fmt(x) for x in r["solved"]], [fmt(x) for x in r["reopened"]],
                              replies=int(rng.poisson(1.2)), followups=int(rng.poisson(0.7)),
                              paused=[(fmt(a), fmt(b)) for a, b in r["paused"]],
                              channel=CHANNELS[int(rng.integers(0, len(CHANNELS)))],
                              priority=PRIORITIES[int(rng.integers(0, len(PRIORITIES)))]))
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
        summ = [("first_response_time", c0, {}), ("resolution_time", c1, {"kind": "first"}),
                ("resolution_time", c0, {"kind": "full"}), ("requester_wait_time", c1, {})]
        for fn, clk, extra in summ:
            if pct is not None and fn == "first_response_time":
                extra = dict(extra, percentiles=pct)
            suffix = f"-{extra['kind']}" if "kind" in extra else ""
            try:
                evaluate({"function": fn, "tickets": records, "options": opts(clk, **extra)})
                err = None
            except OracleError as e:
                err = e
            case(f"{fn}/{tag}{suffix}-{clk}", fn, tickets=records, options=opts(clk, **extra),
                 error=None if err is None else err.code, index=None if err is None else err.index,
                 note=note, source="random", slow=False)
        m = METRICS[k % 4]
        clk = clocks[(k // 4) % 2]
        to = {"metric": m, "clock": clk}
        if clk == "business":
            to["schedule"] = schedule
        case(f"ticket_durations/{tag}-{m}-{clk}", "ticket_durations", tickets=records, options=to,
             note=note, source="random", slow=False)
        fo = {"max_agent_replies": [1, 2, None][int(rng.integers(0, 3))],
              "max_customer_followups": [None, 0, 1][int(rng.integers(0, 3))],
              "reopen_window": [None, 86400, 259200][int(rng.integers(0, 3))],
              "denominator": ["resolved", "created"][int(rng.integers(0, 2))],
              "period": None}
        if rng.random() < 0.5:
            p0 = t0 + 1440 * int(rng.integers(1, 5))
            fo["period"] = [iso_in(p0 * 60, tz), iso_in((p0 + 1440 * int(rng.integers(5, 10))) * 60, tz)]
        try:
            fcr(load_tickets(records), fo)
            ferr = None
        except OracleError as e:
            ferr = e
        case(f"fcr/{tag}", "fcr", tickets=records, options=fo, note=note, source="random",
             error=None if ferr is None else ferr.code, slow=False)
        sm = sla_metrics[k % 3]
        sclk = clocks[(k // 3) % 2]
        targets = [{"urgent": 1800, "high": 3600, "*": 28800},
                   {"high": 7200, "normal": 86400, "low": 259200},
                   {"*": 14400}][k % 3]
        if sm != "first_response":
            targets = {p: v * 6 for p, v in targets.items()}
        case(f"sla/{tag}-{sm}-{sclk}", "sla", tickets=records,
             options=opts(sclk, metric=sm, targets=targets), note=note, source="random", slow=False)


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------


def write(path: Path) -> str:
    header = {
        "format": "cxmetrics.vectors",
        "version": 1,
        "provenance": {
            "generator": "tests/vectors/oracle_service.py",
            "python": platform.python_version(),
            "numpy": np.__version__,
            "lifelines": lifelines.__version__,
            "tzdata": f"system zoneinfo {TZ_ROOT}: {tzdata_version()}",
            "seed": SEED,
            "method": ("minute-by-minute business calendar on stdlib zoneinfo (system tz database); "
                       "window boundaries by scanning minutes for the first local reading >= the "
                       "boundary time; numpy quantile (linear); exact rational Kaplan-Meier median "
                       "cross-checked with lifelines KaplanMeierFitter; not cxmetrics"),
            "spec": "spec/SERVICE.md (service metrics, issue 4); shared/reference/cx-metrics.md "
                    "sections 2.4-2.5, 4.1-4.3, 5 rows 12-18",
            "tolerance_rule": ("float fields: |actual - expected| <= tolerance * max(1, |expected|); "
                               "integer fields, strings, instants and null exact"),
        },
    }
    dump = lambda o: json.dumps(o, allow_nan=False, ensure_ascii=True)  # noqa: E731
    lines = ["{"]
    for k, v in header.items():
        lines.append(f"  {dump(k)}: {dump(v)},")
    lines.append('  "cases": [')
    for i, c in enumerate(CASES):
        lines.append("    " + dump(c) + ("," if i + 1 < len(CASES) else ""))
    lines.append("  ]")
    lines.append("}")
    text = "\n".join(lines) + "\n"
    json.loads(text)
    path.write_text(text, encoding="utf-8")
    return text


def summary(text: str):
    by_src = Counter(_SOURCE.values())
    print(f"wrote {OUT} ({len(text)} bytes, {len(CASES)} cases: "
          f"{by_src['hand']} hand-written, {by_src['random']} seeded random)")
    print(f"python {platform.python_version()}, numpy {np.__version__}, lifelines "
          f"{lifelines.__version__}, tzdata {tzdata_version()}, seed {SEED}")
    print("cases per function (total / ok / error):")
    for fn in FUNCTIONS:
        tot = sum(1 for c in CASES if c["function"] == fn)
        ok = sum(1 for c in CASES if c["function"] == fn and "expected" in c)
        print(f"  {fn:22s} {tot:4d} {ok:4d} {tot - ok:4d}")
    print("successful ticket cases per function/metric/clock:")
    fm = Counter()
    for c in CASES:
        if "expected" not in c or "tickets" not in c:
            continue
        o = c["options"]
        m = {"first_response_time": "first_response", "requester_wait_time": "requester_wait",
             "resolution_time": f"{o.get('kind', 'first')}_resolution"}.get(c["function"], o.get("metric", "-"))
        clk = o.get("clock", "calendar") if c["function"] != "fcr" else "-"
        fm[f"{c['function']}/{m}/{clk}"] += 1
    for k in sorted(fm):
        print(f"  {k:52s} {fm[k]:4d}")
    feats = Counter()
    for c in CASES:
        e = c.get("expected", {})
        if "km_median" in e:
            feats["summary: km_median null"] += e["km_median"] is None
            feats["summary: km_median != median"] += (e["km_median"] is not None
                                                      and abs(e["km_median"] - e["median"]) > 1e-9)
            feats["summary: open > 0"] += e["open"] > 0
            feats["summary: open == 0"] += e["open"] == 0
    for k in sorted(feats):
        print(f"  {k:52s} {feats[k]:4d}")
    fl = Counter(_FLAGS.values())
    print(f"  {'summary: S exactly 1/2 at km_median':52s} {fl['half'] + fl['half-lifelines']:4d}")
    print(f"  {'  of which lifelines disagrees (float rounding)':52s} {fl['half-lifelines']:4d}")
    print("cases per error code:")
    codes = Counter(c["expected_error"]["code"] for c in CASES if "expected_error" in c)
    for code in ERROR_CODES:
        print(f"  {code:20s} {codes[code]:4d}")
    if set(codes) - set(ERROR_CODES):
        raise VectorBug(f"unexpected codes {set(codes) - set(ERROR_CODES)}")


def main():
    hand_calendar_cases()
    hand_ticket_cases()
    random_cases()
    text = write(OUT)
    summary(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
