"""Business calendar for the service oracle (oracle_service.py): instants, the system tz
database, and business time counted minute by minute (docs/metrics/service.md, business
hours). Never imports cxmetrics.
"""

from __future__ import annotations

import json
import math
import re
from datetime import date, datetime, time, timedelta, timezone

import numpy as np

import oracle_common
from oracle_common import OracleError, VectorBug

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # date.weekday() order
EPOCH = datetime(1970, 1, 1)


def load_zone(name):
    """The system tz database's zone (oracle_common.load_zone); a non-string is a bug here."""
    if not isinstance(name, str):
        raise VectorBug("time_zone must be a string")
    return oracle_common.load_zone(name)


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
    """A schedule: IANA zone + weekly windows + holidays (docs/metrics/service.md, "Business hours")."""

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
        if (
            isinstance(seconds, bool)
            or not isinstance(seconds, (int, float))
            or not math.isfinite(seconds)
            or seconds < 0
        ):
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
