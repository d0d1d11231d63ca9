"""Survey-tool exports read into answers for cxmetrics: Qualtrics, SurveyMonkey, Google Forms.

Each reader takes a path or an open file (text or binary) and returns a
:class:`SurveyExport`: the questions with their text and one answer per response
(``None`` where the respondent skipped it), the response ids, and the response times as
instants: :class:`datetime.datetime` in UTC, read in the zone the export was written
in (so ``submitted - started`` is the time that passed, even across a clock change). The
answers go straight into the survey functions:

>>> import cxmetrics as cx
>>> from cxmetrics.io import read_qualtrics
>>> survey = read_qualtrics("examples/data/qualtrics_numeric.csv")
>>> len(survey), survey["Q1"].kind, survey["Q1"].answers[:3]
(8, 'number', (10, 9, 7))
>>> round(cx.nps(survey["Q1"].answers).score, 4)
14.2857
>>> survey.submitted[0].isoformat()
'2026-03-05T16:01:42+00:00'

What each reader understands, and how it reads each vendor's timestamps, is in
``docs/exports.md``. The readers are pure Python (``csv``, ``json``, ``zoneinfo``); they
need no extra package. A file that is not the export it claims to be raises
:class:`ExportError` (a :class:`cxmetrics.CxMetricsError` with code ``invalid_format``)
naming the row and the column.
"""

from __future__ import annotations

import csv
import io as _io
import json
import os
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone, tzinfo
from typing import IO, Any, Literal, Union
from collections.abc import Mapping, Sequence
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ._cxmetrics import CxMetricsError

__all__ = [
    "Answer",
    "ExportError",
    "Question",
    "SurveyExport",
    "read_google_forms",
    "read_qualtrics",
    "read_surveymonkey",
]

Answer = Union[int, float, str, "tuple[str, ...]", None]
"""One response's answer: a number (numeric columns), text, the chosen options of a
multi-choice question (a tuple, in column order), or ``None`` when skipped."""

Source = Union[str, "os.PathLike[str]", IO[str], IO[bytes]]
Vendor = Literal["qualtrics", "surveymonkey", "google_forms"]
Kind = Literal["number", "text", "multi"]

_VENDOR_NAMES = {
    "qualtrics": "Qualtrics",
    "surveymonkey": "SurveyMonkey",
    "google_forms": "Google Forms",
}


class ExportError(CxMetricsError):
    """A survey export that cannot be read (code ``invalid_format``).

    A :class:`cxmetrics.CxMetricsError` (so a ``ValueError``) whose message names the
    vendor, the row and the column, e.g. ``Qualtrics export, row 3, column 12 ('Q1'):
    the ImportId cell is not JSON …``.

    Attributes:
        code (str): ``"invalid_format"``.
        index (int | None): the response's position (0 for the first response after
            the header rows), or ``None`` for an error in a header row.
        row (int): the 1-based row (CSV record) of the file, header rows included, as
            a spreadsheet numbers it.
        column (int | None): the 1-based column, or ``None`` when the error is about
            a whole row.
        column_id (str | None): that column's id (its first header cell).

    >>> import io
    >>> from cxmetrics.io import ExportError, read_google_forms
    >>> try:
    ...     read_google_forms(io.StringIO("Timestamp,Q\\n2026/03/05 8:58:10 AM GMT,1,2\\n"))
    ... except ExportError as e:
    ...     print(e.code, e.index, e.row, e.column)
    invalid_format 0 2 3
    """

    code: str
    index: int | None
    row: int
    column: int | None
    column_id: str | None


def _error(
    vendor: Vendor,
    message: str,
    *,
    row: int,
    column: int | None = None,
    column_id: str | None = None,
    index: int | None = None,
    code: str = "invalid_format",
) -> ExportError:
    where = f"{_VENDOR_NAMES[vendor]} export, row {row}"
    if column is not None:
        where += f", column {column}"
        if column_id:
            where += f" ({column_id!r})"
    err = ExportError(f"{where}: {message}")
    err.code = code
    err.index = index
    err.row = row
    err.column = column
    err.column_id = column_id
    return err


@dataclass(frozen=True)
class Question:
    """One question of an export: its id, text and one answer per response.

    Attributes:
        id: the export's column id (Qualtrics ``Q1``, ``Q4`` for a multi-choice group,
            ``Q4_4_TEXT``); SurveyMonkey and Google Forms have none, so ``Q1``, ``Q2``, …
            in column order (SurveyMonkey's extra columns of one question ``Q4_2``, …).
        text: the question text as the export shows it.
        kind: ``"number"`` when every answer in the column is a number (ints where
            whole), ``"multi"`` for a multi-choice question spread over one column per
            option (answers are tuples of the chosen options), ``"text"`` otherwise
            (choice text such as ``"Very satisfied"`` or ``"10 - Extremely likely"``,
            and free text).
        answers: one per response, ``None`` where skipped (an empty cell; for a
            multi-choice question, no option chosen).
        choices: the options of a multi-choice question, in column order; ``()``
            otherwise.
        column: the 1-based column of the question's (first) cell in the file.
    """

    id: str
    text: str
    kind: Kind
    answers: tuple[Any, ...]
    """Each an :data:`Answer`; typed ``Any`` so that they pass to the metric functions
    (which of them a function takes depends on ``kind``)."""
    choices: tuple[str, ...] = ()
    column: int = 0


@dataclass(frozen=True)
class SurveyExport:
    """The responses of one survey export (immutable).

    ``export[key]`` is the question whose id or exact text is ``key``; ``len(export)``
    is the number of responses.

    Attributes:
        vendor: ``"qualtrics"``, ``"surveymonkey"`` or ``"google_forms"``.
        questions: the questions in column order.
        response_ids: one per response (Qualtrics ``ResponseId``, SurveyMonkey
            ``Respondent ID``; ``None`` for Google Forms, which exports none).
        started: when each response was started (Qualtrics ``StartDate``,
            SurveyMonkey ``Start Date``; ``None`` for Google Forms, which records only
            the submission).
        submitted: when each response was submitted (Qualtrics ``EndDate``,
            SurveyMonkey ``End Date``, Google Forms ``Timestamp``).
        times: every timestamp column, by column id (Qualtrics also ``RecordedDate``).
        fields: every other column (metadata, embedded data) by column id, as text,
            ``None`` where empty.
    """

    vendor: Vendor
    questions: tuple[Question, ...]
    response_ids: tuple[str | None, ...]
    started: tuple[datetime | None, ...]
    submitted: tuple[datetime | None, ...]
    times: Mapping[str, tuple[datetime | None, ...]] = field(default_factory=dict)
    fields: Mapping[str, tuple[str | None, ...]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.response_ids)

    def __getitem__(self, key: str) -> Question:
        for q in self.questions:
            if q.id == key:
                return q
        for q in self.questions:
            if q.text == key:
                return q
        raise KeyError(key)

    def __contains__(self, key: object) -> bool:
        return any(q.id == key or q.text == key for q in self.questions)


# ---------------------------------------------------------------------------- reading


def _read_rows(vendor: Vendor, source: Source) -> list[tuple[int, list[str]]]:
    """The CSV records with their 1-based row numbers; blank records are left out."""
    if isinstance(source, (str, os.PathLike)):
        with open(source, "rb") as f:
            raw: str | bytes = f.read()
    elif hasattr(source, "read"):
        raw = source.read()
    else:
        raise TypeError(f"expected a path or an open file, got {type(source).__name__}")
    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            # The records before the bad byte say where it is: the last one is its row,
            # its last cell its column.
            before = raw[: e.start].decode("utf-8-sig", errors="replace")
            records = list(csv.reader(_io.StringIO(before + "\x00", newline="")))
            row = max(len(records), 1)
            column = len(records[-1]) if records else 1
            raise _error(
                vendor,
                f"byte {e.start} of the file is not UTF-8; export as UTF-8",
                row=row,
                column=column,
            ) from None
    elif isinstance(raw, str):
        text = raw
    else:
        raise TypeError(f"the file gave {type(raw).__name__}, not str or bytes")
    if text.startswith("\ufeff"):
        text = text[1:]
    reader = csv.reader(_io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, list[str]]] = []
    number = 0
    try:
        for record in reader:
            number += 1
            if record:
                rows.append((number, record))
    except csv.Error as e:
        raise _error(vendor, f"not valid CSV ({e})", row=number + 1) from None
    return rows


def _check_widths(vendor: Vendor, rows: list[tuple[int, list[str]]], ids: Sequence[str], headers: int) -> None:
    width = len(ids)
    for k, (number, record) in enumerate(rows):
        if len(record) != width:
            index = k - headers if k >= headers else None
            if len(record) > width:
                raise _error(
                    vendor,
                    f"{len(record)} cells where the header has {width}: a cell past the last column",
                    row=number,
                    column=width + 1,
                    index=index,
                )
            raise _error(
                vendor,
                f"{len(record)} cells where the header has {width}: the row ends before this column",
                row=number,
                column=len(record) + 1,
                column_id=ids[len(record)],
                index=index,
            )


_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")


def _number(text: str) -> int | float | None:
    t = text.strip()
    if not _NUMBER.fullmatch(t):
        return None
    return int(t) if re.fullmatch(r"[+-]?\d+", t) else float(t)


def _single(qid: str, text: str, column: int, cells: Sequence[str], free_text: bool) -> Question:
    present = [c for c in cells if c.strip()]
    numbers = [_number(c) for c in present]
    if present and not free_text and all(n is not None for n in numbers):
        answers: tuple[Answer, ...] = tuple(_number(c) if c.strip() else None for c in cells)
        return Question(qid, text, "number", answers, (), column)
    return Question(qid, text, "text", tuple(c if c.strip() else None for c in cells), (), column)


def _multi(
    qid: str,
    text: str,
    column: int,
    choices: Sequence[str],
    columns: Sequence[Sequence[str]],
    unchosen: frozenset[str] = frozenset(),
) -> Question:
    answers: list[Answer] = []
    for cells in zip(*columns):
        chosen = tuple(label for label, c in zip(choices, cells) if c.strip() and c.strip() not in unchosen)
        answers.append(chosen or None)
    return Question(qid, text, "multi", tuple(answers), tuple(choices), column)


def _zone(vendor: Vendor, name: str, **where: object) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        if where:
            raise _error(
                vendor,
                f"time zone {name!r} is not in the tz database",
                code="unknown_time_zone",
                **where,  # type: ignore[arg-type]
            ) from None
        err = CxMetricsError(
            f"time_zone: {name!r} is not a time zone in the tz database (use an IANA name such as 'Europe/Berlin')"
        )
        err.code = "unknown_time_zone"
        err.index = None
        raise err from None


def _localize(naive: datetime, zone: tzinfo, abbreviation: str | None = None) -> datetime | str:
    """``naive`` wall-clock time in ``zone``, or a reason it names no instant.

    A time skipped by a clock change is refused; a repeated one is the earlier instant,
    unless ``abbreviation`` (e.g. ``EDT``) says which.
    """
    first = naive.replace(tzinfo=zone, fold=0)
    second = naive.replace(tzinfo=zone, fold=1)
    utc = first.astimezone(timezone.utc)
    if utc.astimezone(zone).replace(tzinfo=None) != naive:
        return f"{naive} does not exist in {zone} (the clocks skipped it)"
    chosen = first
    if abbreviation is not None:
        names = {first.tzname(), second.tzname()}
        if abbreviation not in names:
            shown = " or ".join(sorted(n for n in names if n))
            return f"the zone abbreviation {abbreviation!r} is not that of {zone} at {naive} ({shown})"
        if second.tzname() == abbreviation and first.tzname() != abbreviation:
            chosen = second
    return chosen


_OFFSET = re.compile(r"(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?")


def _fixed_zone(token: str) -> timezone | None:
    m = _OFFSET.fullmatch(token)
    if not m:
        return None
    if not m.group(1):
        return timezone.utc
    minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
    if minutes >= 24 * 60:
        return None
    sign = -1 if m.group(1) == "-" else 1
    return timezone(timedelta(minutes=sign * minutes))


def _clock(hour: int, ampm: str | None) -> int:
    if ampm is None:
        return hour
    if not 1 <= hour <= 12:
        raise ValueError("a 12-hour clock hour must be 1 to 12")
    return hour % 12 + (12 if ampm.upper() == "PM" else 0)


class _Times:
    """Parses one vendor's timestamp column, naming the cell on failure."""

    def __init__(self, vendor: Vendor, zone: tzinfo | None, zone_source: str) -> None:
        self.vendor = vendor
        self.zone = zone
        self.zone_source = zone_source

    def column(
        self,
        cells: Sequence[str],
        rows: Sequence[int],
        column: int,
        column_id: str,
        parse: type[_Format],
    ) -> tuple[datetime | None, ...]:
        out: list[datetime | None] = []
        for k, (cell, row) in enumerate(zip(cells, rows)):
            if not cell.strip():
                out.append(None)
                continue
            got = parse.instant(cell.strip(), self.zone, self.zone_source)
            if isinstance(got, str):
                raise _error(
                    self.vendor,
                    got,
                    row=row,
                    column=column,
                    column_id=column_id,
                    index=k,
                )
            out.append(got.astimezone(timezone.utc))
        return tuple(out)


class _Format:
    pattern: re.Pattern[str]
    shown: str

    @classmethod
    def fields(cls, m: re.Match[str]) -> tuple[int, int, int, int, int, int, str | None]:
        raise NotImplementedError

    @classmethod
    def instant(cls, text: str, zone: tzinfo | None, zone_source: str) -> datetime | str:
        m = cls.pattern.fullmatch(text)
        if not m:
            return f"{text!r} is not a timestamp of the form {cls.shown}"
        try:
            y, mo, d, h, mi, s, token = cls.fields(m)
            naive = datetime(y, mo, d, h, mi, s)
        except ValueError as e:
            return f"{text!r} is not a valid date and time ({e})"
        if token is not None:
            fixed = _fixed_zone(token)
            if fixed is not None:
                return naive.replace(tzinfo=fixed)
            if zone is None:
                return (
                    f"{text!r} names its zone only by the abbreviation {token!r}, "
                    f"which is ambiguous: pass the form's time zone as time_zone "
                    "(an IANA name such as 'America/New_York')"
                )
            return _localize(naive, zone, token)
        if zone is None:
            return f"{text!r} has no time zone: {zone_source}"
        return _localize(naive, zone)


class _QualtricsTime(_Format):
    pattern = re.compile(r"(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
    shown = "YYYY-MM-DD hh:mm:ss"

    @classmethod
    def fields(cls, m: re.Match[str]) -> tuple[int, int, int, int, int, int, str | None]:
        y, mo, d, h, mi, s = (int(g) for g in m.groups())
        return y, mo, d, h, mi, s, None


class _SurveyMonkeyTime(_Format):
    pattern = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AaPp][Mm]))?")
    shown = "MM/DD/YYYY hh:mm:ss AM"

    @classmethod
    def fields(cls, m: re.Match[str]) -> tuple[int, int, int, int, int, int, str | None]:
        mo, d, y, h, mi = (int(g) for g in m.groups()[:5])
        s = int(m.group(6) or 0)
        return y, mo, d, _clock(h, m.group(7)), mi, s, None


class _GoogleTime(_Format):
    pattern = re.compile(
        r"(\d{4})/(\d{1,2})/(\d{1,2}) (\d{1,2}):(\d{2}):(\d{2})(?: ([AaPp][Mm]))?"
        r"(?: ([A-Za-z][A-Za-z0-9:+-]*))?"
    )
    shown = "YYYY/MM/DD h:mm:ss AM GMT+1"

    @classmethod
    def fields(cls, m: re.Match[str]) -> tuple[int, int, int, int, int, int, str | None]:
        y, mo, d, h, mi, s = (int(g) for g in m.groups()[:6])
        return y, mo, d, _clock(h, m.group(7)), mi, s, m.group(8)


def _caller_zone(vendor: Vendor, time_zone: str | None) -> ZoneInfo | None:
    if time_zone is None:
        return None
    if not isinstance(time_zone, str):
        raise TypeError(f"time_zone must be a str, got {type(time_zone).__name__}")
    return _zone(vendor, time_zone)


# ------------------------------------------------------------------------- Qualtrics

_QUALTRICS_TIMES = {"startDate": "started", "endDate": "submitted", "recordedDate": None}
_QID = re.compile(r"QID\d+")


def read_qualtrics(source: Source, *, time_zone: str | None = None) -> SurveyExport:
    """Reads a Qualtrics CSV export (numeric values or choice text).

    The file has three header rows: the column ids (``StartDate``, ``Q1``, …), the
    question text, and each column's ImportId as JSON (``{"ImportId":"QID1"}``); the
    responses follow, one per row. Question columns are those whose ImportId is a
    ``QID`` (display-order columns, ``QID…_DO``, are fields); a multi-choice question exported with one column per option (its
    ImportIds carry a ``choiceId``) becomes one ``"multi"`` question; every other
    column (metadata, embedded data) is in ``fields``. ``StartDate``, ``EndDate`` and
    ``RecordedDate`` (``YYYY-MM-DD hh:mm:ss``) are read in the time zone their ImportId
    names (``"timeZone"``); ``time_zone`` is used only for a file whose ImportIds name
    none.

    Args:
        source: a path, or a file opened in text or binary mode (UTF-8, with or
            without a byte-order mark).
        time_zone: an IANA zone for timestamps whose ImportId names no zone.

    Returns:
        SurveyExport: the questions (numbers where the column holds only numbers,
        text otherwise), ``response_ids`` (``ResponseId``), ``started``
        (``StartDate``), ``submitted`` (``EndDate``) and ``times``.

    Raises:
        ExportError: ``invalid_format`` for fewer than three header rows, an ImportId
            cell that is not a JSON object with an ``ImportId``, a row with more or
            fewer cells than the header, or a timestamp that is not one (each naming
            row and column); ``unknown_time_zone`` for a ``timeZone`` not in the tz
            database.
        CxMetricsError: ``unknown_time_zone`` for a ``time_zone`` not in the tz
            database.

    >>> from cxmetrics.io import read_qualtrics
    >>> s = read_qualtrics("examples/data/qualtrics_choice_text.csv")
    >>> s["Q1"].answers[:4]
    ('10 - Extremely likely', '9', '7', '0 - Not at all likely')
    >>> s["Q4"].kind, s["Q4"].choices, s["Q4"].answers[2]
    ('multi', ('Email', 'Phone', 'Chat', 'Other'), ('Chat', 'Other'))
    >>> s.started[3].isoformat(), s.submitted[3].isoformat()
    ('2026-03-08T08:30:00+00:00', '2026-03-08T09:05:00+00:00')
    >>> s.submitted[3] - s.started[3]  # 01:30 MST to 03:05 MDT
    datetime.timedelta(seconds=2100)
    """
    vendor: Vendor = "qualtrics"
    fallback = _caller_zone(vendor, time_zone)
    rows = _read_rows(vendor, source)
    if len(rows) < 3:
        at = rows[-1][0] + 1 if rows else 1
        raise _error(
            vendor,
            f"the file has {len(rows)} row(s); a Qualtrics export starts with three "
            "header rows (column ids, question text, ImportId JSON)",
            row=at,
        )
    ids = [c.strip() for c in rows[0][1]]
    _check_widths(vendor, rows, ids, 3)
    texts = rows[1][1]
    imports: list[dict[str, object]] = []
    third = rows[2][0]
    for c, cell in enumerate(rows[2][1]):
        try:
            value = json.loads(cell)
        except json.JSONDecodeError as e:
            hint = (
                "; is this a legacy export (two header rows) or a file with the third "
                "header row removed? Export with the ImportId row"
                if not cell.lstrip().startswith("{")
                else ""
            )
            raise _error(
                vendor,
                f"the ImportId cell is not JSON ({e.msg}): {cell!r}{hint}",
                row=third,
                column=c + 1,
                column_id=ids[c],
            ) from None
        if not isinstance(value, dict) or not isinstance(value.get("ImportId"), str):
            raise _error(
                vendor,
                f'the ImportId cell must be a JSON object with a string "ImportId": {cell!r}',
                row=third,
                column=c + 1,
                column_id=ids[c],
            )
        imports.append(value)

    data = rows[3:]
    numbers = [n for n, _ in data]
    columns = [[r[c] for _, r in data] for c in range(len(ids))]
    questions: list[Question] = []
    times: dict[str, tuple[datetime | None, ...]] = {}
    fields: dict[str, tuple[str | None, ...]] = {}
    started: tuple[datetime | None, ...] | None = None
    submitted: tuple[datetime | None, ...] | None = None
    c = 0
    while c < len(ids):
        imp = imports[c]
        import_id = str(imp["ImportId"])
        if import_id in _QUALTRICS_TIMES:
            zone_name = imp.get("timeZone")
            if zone_name is not None and not isinstance(zone_name, str):
                raise _error(
                    vendor,
                    f'"timeZone" must be a string: {rows[2][1][c]!r}',
                    row=third,
                    column=c + 1,
                    column_id=ids[c],
                )
            zone: tzinfo | None = (
                _zone(vendor, zone_name, row=third, column=c + 1, column_id=ids[c]) if zone_name else fallback
            )
            parsed = _Times(
                vendor,
                zone,
                "its ImportId names no timeZone, so pass time_zone",
            ).column(columns[c], numbers, c + 1, ids[c], _QualtricsTime)
            times[ids[c]] = parsed
            role = _QUALTRICS_TIMES[import_id]
            if role == "started":
                started = parsed
            elif role == "submitted":
                submitted = parsed
            c += 1
            continue
        if not _QID.match(import_id) or import_id.endswith("_DO"):
            # metadata, embedded data, and display-order columns (`QID1_DO`, which carry
            # a choiceId too, but hold the order the options were shown in)
            fields[ids[c]] = tuple(v or None for v in columns[c])
            c += 1
            continue
        if "choiceId" in imp:
            end = c
            while end < len(ids) and imports[end].get("ImportId") == import_id and ("choiceId" in imports[end]):
                end += 1
            group = range(c, end)
            qtext, labels = _split_choice_texts([texts[k] for k in group])
            choice = str(imp["choiceId"])
            qid = ids[c][: -len(choice) - 1] if ids[c].endswith(f"_{choice}") else ids[c]
            questions.append(
                # "0": an option seen but not chosen, when the export recodes those
                _multi(qid, qtext, c + 1, labels, [columns[k] for k in group], frozenset({"0"}))
            )
            c = end
            continue
        questions.append(_single(ids[c], texts[c], c + 1, columns[c], import_id.endswith("_TEXT")))
        c += 1

    response_ids = next(
        (fields[ids[k]] for k in range(len(ids)) if imports[k].get("ImportId") == "_recordId"),
        tuple(None for _ in data),
    )
    none = tuple(None for _ in data)
    return SurveyExport(
        vendor,
        tuple(questions),
        response_ids,
        started or none,
        submitted or none,
        times,
        fields,
    )


def _split_choice_texts(texts: Sequence[str]) -> tuple[str, list[str]]:
    """The question text and option labels of ``"<question> - <option>"`` headers."""
    parts = [t.split(" - ") for t in texts]
    if len(parts) > 1:
        common = 0
        while all(len(p) > common + 1 for p in parts) and len({p[common] for p in parts}) == 1:
            common += 1
    else:
        common = max(len(parts[0]) - 1, 0)
    if common == 0:
        return texts[0], list(texts)
    question = " - ".join(parts[0][:common])
    labels = [" - ".join(p[common:]) for p in parts]
    suffix = " - Selected Choice"
    if question.endswith(suffix):
        question = question[: -len(suffix)]
    return question, labels


# ---------------------------------------------------------------------- SurveyMonkey

_SM_META = {
    "Respondent ID",
    "Collector ID",
    "Start Date",
    "End Date",
    "IP Address",
    "Email Address",
    "First Name",
    "Last Name",
}
_SM_SINGLE = {"Response", "Open-Ended Response"}


def _sm_meta(header: str) -> bool:
    return header in _SM_META or re.fullmatch(r"Custom Data( \d+)?", header) is not None


def read_surveymonkey(source: Source, *, time_zone: str | None = None) -> SurveyExport:
    """Reads a SurveyMonkey "All responses" CSV export (expanded columns).

    The file has two header rows: the question text (empty over the further columns of
    the same question) and each column's answer label: ``Response`` for a single
    answer, ``Open-Ended Response`` for free text, and the option text for a
    multi-choice question, which has one column per option (a chosen option's cell
    holds its text; ``Other (please specify)`` holds what was typed). Metadata columns
    (``Respondent ID``, ``Collector ID``, ``Start Date``, ``End Date``, ``IP Address``,
    ``Email Address``, ``First Name``, ``Last Name``, ``Custom Data``) are recognised by
    name, the rest are questions, numbered ``Q1``, ``Q2``, … in order. A group whose
    cells are not its options' texts (a matrix) becomes one question per column
    (``Q5_1``, ``Q5_2``, … with the text ``"<question> - <row>"``).

    SurveyMonkey writes ``Start Date`` and ``End Date`` as ``MM/DD/YYYY hh:mm:ss AM``
    without a zone, in the time zone the account shows; ``time_zone`` says which.

    Args:
        source: a path, or a file opened in text or binary mode (UTF-8).
        time_zone: the IANA zone of the export's dates; required when the file has
            dates.

    Returns:
        SurveyExport: ``response_ids`` (``Respondent ID``), ``started``,
        ``submitted`` and the questions.

    Raises:
        ExportError: ``invalid_format`` for a missing second header row, a question
            column without a label, a row with more or fewer cells than the header, a
            date that is not one, or a date when ``time_zone`` is not given (each
            naming row and column).
        CxMetricsError: ``unknown_time_zone`` for a ``time_zone`` not in the tz
            database.

    >>> from cxmetrics.io import read_surveymonkey
    >>> s = read_surveymonkey("examples/data/surveymonkey.csv", time_zone="America/Denver")
    >>> s["Q1"].answers, s["Q4"].answers[2]
    ((10, 9, 7, 0, None, 6), ('Chat', 'Other (please specify)'))
    >>> s["Q4_4"].answers[2], s.submitted[5].isoformat()
    ('Twitter DM', '2026-03-10T18:03:20+00:00')
    """
    vendor: Vendor = "surveymonkey"
    zone = _caller_zone(vendor, time_zone)
    rows = _read_rows(vendor, source)
    if len(rows) < 2:
        raise _error(
            vendor,
            f"the file has {len(rows)} row(s); a SurveyMonkey export starts with two "
            "header rows (question text, answer labels)",
            row=rows[-1][0] + 1 if rows else 1,
        )
    heads = rows[0][1]
    ids = [h.strip() for h in heads]
    _check_widths(vendor, rows, ids, 2)
    second_row, labels = rows[1]
    if not ids or not ids[0]:
        raise _error(
            vendor,
            "the first header cell is empty: the question text row comes first",
            row=rows[0][0],
            column=1,
        )
    data = rows[2:]
    numbers = [n for n, _ in data]
    columns = [[r[c] for _, r in data] for c in range(len(ids))]
    questions: list[Question] = []
    fields: dict[str, tuple[str | None, ...]] = {}
    times: dict[str, tuple[datetime | None, ...]] = {}
    c = 0
    qn = 0
    while c < len(ids):
        if _sm_meta(ids[c]):
            if labels[c].strip():
                raise _error(
                    vendor,
                    f"expected the second header row (empty over a metadata column), "
                    f"found {labels[c]!r}; a SurveyMonkey export has two header rows",
                    row=second_row,
                    column=c + 1,
                    column_id=ids[c],
                )
            if ids[c] in ("Start Date", "End Date"):
                times[ids[c]] = _Times(
                    vendor,
                    zone,
                    "SurveyMonkey dates carry no zone, so pass time_zone",
                ).column(columns[c], numbers, c + 1, ids[c], _SurveyMonkeyTime)
            else:
                fields[ids[c]] = tuple(v or None for v in columns[c])
            c += 1
            continue
        end = c + 1
        while end < len(ids) and not ids[end]:
            end += 1
        qn += 1
        group = list(range(c, end))
        for k in group:
            if not labels[k].strip():
                raise _error(
                    vendor,
                    "a question column without its answer label in the second header "
                    "row ('Response', 'Open-Ended Response' or the option's text)",
                    row=second_row,
                    column=k + 1,
                    column_id=ids[k] or ids[c],
                )
        questions.extend(_sm_group(f"Q{qn}", heads[c], group, [labels[k] for k in group], columns))
        c = end
    none = tuple(None for _ in data)
    return SurveyExport(
        vendor,
        tuple(questions),
        fields.get("Respondent ID", none),
        times.get("Start Date", none),
        times.get("End Date", none),
        times,
        fields,
    )


def _sm_group(qid: str, text: str, group: list[int], labels: list[str], columns: list[list[str]]) -> list[Question]:
    if len(group) == 1:
        k = group[0]
        label = labels[0]
        return [_single(qid, text, k + 1, columns[k], label == "Open-Ended Response")]
    out: list[Question] = []
    options = [i for i, k in enumerate(group) if labels[i] not in _SM_SINGLE]
    # A multi-choice question: every option cell is empty or its option's text, except
    # a last "Other (please specify)" column, which holds what was typed.
    other = options[-1] if options and labels[options[-1]].startswith("Other") else None
    is_multi = (
        bool(options)
        and all(
            all(not v.strip() or v.strip() == labels[i].strip() for v in columns[group[i]])
            for i in options
            if i != other
        )
        and len(options) == len(group)
    )
    if is_multi:
        chosen = [columns[group[i]] for i in options]
        out.append(_multi(qid, text, group[0] + 1, [labels[i] for i in options], chosen))
        if other is not None:
            k = group[other]
            out.append(_single(f"{qid}_{other + 1}", f"{text} - {labels[other]}", k + 1, columns[k], True))
        return out
    for i, k in enumerate(group):
        sub = qid if i == 0 and labels[i] in _SM_SINGLE else f"{qid}_{i + 1}"
        sub_text = text if sub == qid else f"{text} - {labels[i]}"
        out.append(
            _single(
                sub, sub_text, k + 1, columns[k], labels[i] == "Open-Ended Response" or labels[i].startswith("Other")
            )
        )
    return out


# ---------------------------------------------------------------------- Google Forms


def read_google_forms(source: Source, *, time_zone: str | None = None) -> SurveyExport:
    """Reads a Google Forms responses CSV ("Download responses (.csv)").

    One header row, the question texts, after a ``Timestamp`` column; the questions
    are numbered ``Q1``, ``Q2``, … in column order. Checkbox answers stay one text, as
    Google joins them (``"Email, Chat"``).

    The download writes ``Timestamp`` as ``YYYY/MM/DD h:mm:ss AM`` followed by the
    form's zone: ``GMT``, ``UTC`` or an offset such as ``GMT+1`` / ``GMT-5:30`` is read
    as it stands; an abbreviation such as ``EST`` or ``CET`` is ambiguous, so it needs
    ``time_zone`` (the form's IANA zone) and must be that zone's abbreviation at that
    time (``EDT`` in July in ``America/New_York``), which also settles the repeated hour
    when clocks go back. A timestamp without a zone (a sheet re-saved as CSV) is read
    in ``time_zone``.

    Args:
        source: a path, or a file opened in text or binary mode (UTF-8).
        time_zone: the form's IANA zone, for abbreviations and zone-less timestamps.

    Returns:
        SurveyExport: the questions, ``submitted`` (``Timestamp``); ``started`` and
        ``response_ids`` are ``None`` for every response (Google exports neither).

    Raises:
        ExportError: ``invalid_format`` for a header without a ``Timestamp`` column, a
            row with more or fewer cells than the header, or a timestamp that is not
            one or whose zone cannot be told (each naming row and column).
        CxMetricsError: ``unknown_time_zone`` for a ``time_zone`` not in the tz
            database.

    >>> from cxmetrics.io import read_google_forms
    >>> s = read_google_forms("examples/data/google_forms.csv", time_zone="America/New_York")
    >>> s["Q1"].answers, s["Q2"].answers[0]
    ((10, 9, 7, 0, None, 6), 'Very satisfied')
    >>> [t.isoformat() for t in s.submitted[2:4]]
    ['2026-03-08T00:49:30+00:00', '2026-03-08T07:05:00+00:00']
    """
    vendor: Vendor = "google_forms"
    zone = _caller_zone(vendor, time_zone)
    rows = _read_rows(vendor, source)
    if not rows:
        raise _error(vendor, "the file is empty; expected a header row", row=1)
    heads = rows[0][1]
    ids = [h.strip() for h in heads]
    if "Timestamp" not in ids:
        raise _error(
            vendor,
            f"no 'Timestamp' column in the header row; a Google Forms download starts with one (found {ids[:3]!r}…)",
            row=rows[0][0],
            column=1,
            column_id=ids[0] if ids else None,
        )
    _check_widths(vendor, rows, ids, 1)
    data = rows[1:]
    numbers = [n for n, _ in data]
    columns = [[r[c] for _, r in data] for c in range(len(ids))]
    questions: list[Question] = []
    times: dict[str, tuple[datetime | None, ...]] = {}
    qn = 0
    for c, head in enumerate(ids):
        if head == "Timestamp" and "Timestamp" not in times:
            times[head] = _Times(
                vendor,
                zone,
                "pass the form's time zone as time_zone",
            ).column(columns[c], numbers, c + 1, head, _GoogleTime)
            continue
        qn += 1
        questions.append(_single(f"Q{qn}", heads[c], c + 1, columns[c], False))
    none = tuple(None for _ in data)
    return SurveyExport(vendor, tuple(questions), none, none, times["Timestamp"], times, {})
