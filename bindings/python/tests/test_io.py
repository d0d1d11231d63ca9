"""cxmetrics.io: the survey-export readers on the bundled samples and on malformed files.

Every expectation is written by hand from the sample files in examples/data (read them
side by side): the answers column by column, the instants converted by hand from the
export's wall-clock time and zone (America/Denver is UTC-7 until 2026-03-08 02:00, UTC-6
after; America/New_York UTC-5 / UTC-4).
"""

from __future__ import annotations

import csv
import doctest
import io
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cxmetrics as cx
import cxmetrics.io as cxio
from cxmetrics.io import ExportError, read_google_forms, read_qualtrics, read_surveymonkey

REPO = Path(__file__).resolve().parents[3]
DATA = REPO / "examples" / "data"


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)  # type: ignore[misc]


# ----------------------------------------------------------------------------- samples

# The eight responses of both Qualtrics samples (choice text and numeric values).
Q_NUMBERS = {
    "Q1": (10, 9, 7, 0, None, 8, 10, 6),
    "Q2": (5, 4, 3, 1, 2, None, 5, 4),
    "Q3": (5, 4, 3, 1, None, 4, 4, 2),
}
Q_TEXTS = {
    "Q1": ("10 - Extremely likely", "9", "7", "0 - Not at all likely", None, "8", "10 - Extremely likely", "6"),
    "Q2": (
        "Very satisfied",
        "Satisfied",
        "Neutral",
        "Very dissatisfied",
        "Dissatisfied",
        None,
        "Very satisfied",
        "Satisfied",
    ),
    "Q3": (
        "Strongly agree",
        "Agree",
        "Neither agree nor disagree",
        "Strongly disagree",
        None,
        "Agree",
        "Agree",
        "Disagree",
    ),
}
Q_CHANNELS = (
    ("Email", "Chat"),
    ("Phone",),
    ("Chat", "Other"),
    ("Email", "Phone"),
    None,
    ("Chat",),
    ("Email",),
    ("Phone", "Chat"),
)
Q_COMMENTS = (
    "Quick and friendly.",
    None,
    "Waited a while.\nThen it was fine.",
    'Still "waiting", 3 weeks later',
    None,
    "Ok",
    "Danke – schnelle Hilfe! ✓",
    None,
)


@pytest.mark.parametrize("name", ["qualtrics_numeric.csv", "qualtrics_choice_text.csv"])
def test_qualtrics_samples(name: str) -> None:
    s = read_qualtrics(DATA / name)
    numeric = name == "qualtrics_numeric.csv"
    assert s.vendor == "qualtrics" and len(s) == 8
    assert [q.id for q in s.questions] == ["Q1", "Q2", "Q3", "Q4", "Q4_4_TEXT", "Q5"]
    for qid in ("Q1", "Q2", "Q3"):
        q = s[qid]
        assert q.answers == (Q_NUMBERS if numeric else Q_TEXTS)[qid]
        assert q.kind == ("number" if numeric else "text")
    assert s["Q1"].text == "How likely are you to recommend Acme Support to a friend or colleague?"
    assert s["Q1"].column == 12
    q4 = s["Q4"]
    assert q4.kind == "multi" and q4.column == 15
    assert q4.text == "Which channels did you use to contact us? (Select all that apply)"
    assert q4.choices == ("Email", "Phone", "Chat", "Other")
    assert q4.answers == Q_CHANNELS
    assert s["Q4_4_TEXT"].answers == (None, None, "Twitter DM", None, None, None, None, None)
    assert s["Q5"].kind == "text" and s["Q5"].answers == Q_COMMENTS
    # lookup by text too
    assert s["Is there anything else you would like to tell us?"] is s["Q5"]
    assert "Q5" in s and "Q9" not in s
    with pytest.raises(KeyError):
        s["Q9"]
    assert s.response_ids[0] == "R_1a2B3c4D5e6F7g8" and s.response_ids[7] == "R_8h9I0j1K2l3M4n5"
    assert s.fields["region"] == ("West", "East", "West", "East", "East", "West", None, "West")
    assert s.fields["Status"][0] == ("0" if numeric else "IP Address")
    assert set(s.times) == {"StartDate", "EndDate", "RecordedDate"}
    # 08:58:10 MST (UTC-7) on 5 March; the 4th response starts in MST and ends in MDT.
    assert s.started[0] == utc(2026, 3, 5, 15, 58, 10)
    assert s.submitted[0] == utc(2026, 3, 5, 16, 1, 42)
    assert s.started[3] == utc(2026, 3, 8, 8, 30, 0)
    assert s.submitted[3] == utc(2026, 3, 8, 9, 5, 0)
    assert s.submitted[3] - s.started[3] == timedelta(seconds=2100)  # its Duration column
    assert s.times["RecordedDate"][7] == utc(2026, 3, 11, 0, 3, 21)
    assert all(t is not None and t.utcoffset() is not None for t in s.submitted)


def test_qualtrics_numeric_answers_feed_the_metrics() -> None:
    s = read_qualtrics(DATA / "qualtrics_numeric.csv")
    # 7 answers: promoters 10, 9, 10; detractors 0, 6 -> (3 - 2) / 7
    r = cx.nps(s["Q1"].answers)
    assert (r.n, r.missing) == (7, 1)
    assert r.score == pytest.approx(100 / 7, rel=1e-12)
    # CSAT top-2 box: 5, 4, 5, 4 of 7
    assert cx.csat(s["Q2"].answers).score == pytest.approx(400 / 7, rel=1e-12)
    # CES 1-5, mean of 5, 4, 3, 1, 4, 4, 2
    assert cx.ces(s["Q3"].answers, scale=(1, 5), method="mean", higher_is_better=True).score == pytest.approx(
        23 / 7, rel=1e-12
    )


@pytest.mark.parametrize(
    ("read", "nps", "csat", "ces"),
    [
        # hand values: Qualtrics NPS (3 - 2) / 7, CSAT 4 of 7 in 4-5, CES mean 23 / 7;
        # SurveyMonkey and Google Forms NPS (2 - 2) / 5, CSAT 3 of 6, CES mean 15 / 5
        (lambda: read_qualtrics(DATA / "qualtrics_choice_text.csv"), 100 / 7, 400 / 7, 23 / 7),
        (lambda: read_qualtrics(DATA / "qualtrics_numeric.csv"), 100 / 7, 400 / 7, 23 / 7),
        (lambda: read_surveymonkey(DATA / "surveymonkey.csv", time_zone="UTC"), 0.0, 50.0, 3.0),
        (lambda: read_google_forms(DATA / "google_forms.csv", time_zone="America/New_York"), 0.0, 50.0, 3.0),
    ],
    ids=["qualtrics-choice-text", "qualtrics-numeric", "surveymonkey", "google-forms"],
)
def test_exports_into_the_labelled_scales(read: Any, nps: float, csat: float, ces: float) -> None:
    """End to end (issue 13): the answers as exported, text or numbers, go into the survey
    functions through the labelled scales; choice text and numbers give the same result."""
    s = read()
    q_nps, q_csat, q_ces = s.questions[:3]
    r = cx.nps(q_nps.answers, scale=cx.Scale.nps_choices())
    assert r.score == pytest.approx(nps, rel=1e-12, abs=1e-12) and r.missing == 1
    c = cx.csat(q_csat.answers, scale=cx.Scale.satisfaction5("en"))
    assert c.score == pytest.approx(csat, rel=1e-12)
    e = cx.ces(q_ces.answers, scale=cx.Scale.agreement5("en"), higher_is_better=True, method="mean")
    assert e.score == pytest.approx(ces, rel=1e-12)


def test_unknown_choice_text_names_the_response() -> None:
    s = read_surveymonkey(
        io.StringIO((DATA / "surveymonkey.csv").read_text(encoding="utf-8").replace("Neutral", "So-so")),
        time_zone="UTC",
    )
    with pytest.raises(cx.CxMetricsError) as info:
        cx.csat(s["Q2"].answers, scale=cx.Scale.satisfaction5("en"))
    assert (info.value.code, info.value.index) == ("unknown_label", 2)
    assert s.response_ids[2] == "114823000003"  # the index points back to the response


def test_surveymonkey_sample() -> None:
    s = read_surveymonkey(DATA / "surveymonkey.csv", time_zone="America/Denver")
    assert s.vendor == "surveymonkey" and len(s) == 6
    assert [q.id for q in s.questions] == ["Q1", "Q2", "Q3", "Q4", "Q4_4", "Q5"]
    assert s["Q1"].kind == "number" and s["Q1"].answers == (10, 9, 7, 0, None, 6)
    assert s["Q2"].answers == (
        "Very satisfied",
        "Satisfied",
        "Neutral",
        "Very dissatisfied",
        "Dissatisfied",
        "Satisfied",
    )
    assert s["Q2"].text == ("Overall, how satisfied or dissatisfied are you with the support you received?")
    assert s["Q3"].answers == (
        "Strongly agree",
        "Agree",
        "Neither agree nor disagree",
        "Strongly disagree",
        None,
        "Disagree",
    )
    q4 = s["Q4"]
    assert q4.kind == "multi" and q4.column == 13
    assert q4.choices == ("Email", "Phone", "Chat", "Other (please specify)")
    assert q4.answers == (
        ("Email", "Chat"),
        ("Phone",),
        ("Chat", "Other (please specify)"),
        ("Email", "Phone"),
        None,
        ("Phone", "Chat"),
    )
    assert s["Q4_4"].kind == "text"
    assert s["Q4_4"].answers == (None, None, "Twitter DM", None, None, None)
    assert s["Q4_4"].text == "Which channels did you use to contact us? - Other (please specify)"
    assert s["Q5"].answers == (
        "Quick and friendly.",
        None,
        "Waited a while.\nThen it was fine.",
        'Still "waiting", 3 weeks later',
        None,
        None,
    )
    assert s.response_ids == tuple(f"11482300000{k}" for k in range(1, 7))
    assert s.fields["Collector ID"][2] == "431200002"
    assert s.fields["Email Address"] == (None,) * 6
    assert s.started[0] == utc(2026, 3, 5, 15, 58, 10)  # 08:58:10 AM MST
    assert s.started[1] == utc(2026, 3, 6, 21, 20, 0)  # 02:20:00 PM MST
    assert s.started[3] == utc(2026, 3, 8, 8, 30, 0)  # 01:30:00 AM MST
    assert s.submitted[3] == utc(2026, 3, 8, 9, 5, 0)  # 03:05:00 AM MDT
    assert s.submitted[5] == utc(2026, 3, 10, 18, 3, 20)  # 12:03:20 PM MDT is noon
    # 5 scores: promoters 10, 9; detractors 0, 6 -> 0
    assert cx.nps(s["Q1"].answers).score == 0.0


def test_google_forms_sample() -> None:
    s = read_google_forms(DATA / "google_forms.csv", time_zone="America/New_York")
    assert s.vendor == "google_forms" and len(s) == 6
    assert [q.id for q in s.questions] == ["Q1", "Q2", "Q3", "Q4", "Q5"]
    assert s["Q1"].kind == "number" and s["Q1"].answers == (10, 9, 7, 0, None, 6)
    assert s["Q1"].column == 2
    assert s["Q2"].answers == (
        "Very satisfied",
        "Satisfied",
        "Neutral",
        "Very dissatisfied",
        "Dissatisfied",
        "Satisfied",
    )
    assert s["Q3"].answers[4] is None
    assert s["Q4"].kind == "text"
    assert s["Q4"].answers == ("Email, Chat", "Phone", "Chat, Twitter DM", "Email, Phone", None, "Phone, Chat")
    assert s["Q5"].answers[2] == "Waited a while.\nThen it was fine."
    assert s.response_ids == (None,) * 6 and s.started == (None,) * 6
    assert s.submitted[0] == utc(2026, 3, 5, 13, 58, 10)  # 8:58:10 AM EST
    assert s.submitted[2] == utc(2026, 3, 8, 0, 49, 30)  # 7:49:30 PM EST on the 7th
    assert s.submitted[3] == utc(2026, 3, 8, 7, 5, 0)  # 3:05:00 AM EDT
    assert s.submitted[5] == utc(2026, 3, 10, 16, 3, 20)  # 12:03:20 PM EDT
    assert s.times["Timestamp"] == s.submitted


def test_docstring_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)  # the examples name examples/data/… from the repository root
    result = doctest.testmod(cxio, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 15 and result.failed == 0


# ------------------------------------------------------------------- encodings, CSV

QUALTRICS = (
    "StartDate,EndDate,ResponseId,Q1,Q2_TEXT\n"
    'Start Date,End Date,Response ID,"How likely, 0-10?",Why?\n'
    '"{""ImportId"":""startDate"",""timeZone"":""Europe/Berlin""}",'
    '"{""ImportId"":""endDate"",""timeZone"":""Europe/Berlin""}",'
    '"{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2_TEXT""}"\n'
    '2026-01-10 10:00:00,2026-01-10 10:05:00,R_1,9,"two\nlines"\n'
    "2026-07-10 10:00:00,2026-07-10 10:05:00,R_2,3,7\n"
)


def _q(text: str = QUALTRICS, **kw: Any) -> cxio.SurveyExport:
    return read_qualtrics(io.StringIO(text), **kw)


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda t: io.StringIO(t), id="text"),
        pytest.param(lambda t: io.StringIO("\ufeff" + t), id="text-bom"),
        pytest.param(lambda t: io.BytesIO(t.encode()), id="bytes"),
        pytest.param(lambda t: io.BytesIO(b"\xef\xbb\xbf" + t.encode()), id="bytes-bom"),
        pytest.param(lambda t: io.BytesIO(t.replace("\n", "\r\n").encode()), id="crlf"),
        pytest.param(
            lambda t: io.BytesIO(b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode()),
            id="bom-crlf",
        ),
    ],
)
def test_bom_crlf_and_quoted_newlines(make: Any) -> None:
    s = read_qualtrics(make(QUALTRICS))
    assert s["Q1"].answers == (9, 3) and s["Q1"].text == "How likely, 0-10?"
    # a free-text column stays text even when an answer reads as a number
    assert s["Q2_TEXT"].kind == "text"
    assert s["Q2_TEXT"].answers[1] == "7"
    # a line break inside quotes is kept as the file has it
    assert s["Q2_TEXT"].answers[0] in ("two\nlines", "two\r\nlines")
    assert s.response_ids == ("R_1", "R_2")
    # Berlin: UTC+1 in January, UTC+2 in July
    assert s.started == (utc(2026, 1, 10, 9, 0, 0), utc(2026, 7, 10, 8, 0, 0))


def test_qualtrics_display_order_columns_are_fields() -> None:
    # Randomised option order is exported as QID…_DO columns with a choiceId each.
    text = (
        "ResponseId,Q1,Q1_DO_1,Q1_DO_2\n"
        "Response ID,Pick one,Pick one - Display Order - A,Pick one - Display Order - B\n"
        '"{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}",'
        '"{""ImportId"":""QID1_DO"",""choiceId"":""1""}","{""ImportId"":""QID1_DO"",""choiceId"":""2""}"\n'
        "R_1,A,2,1\n"
    )
    s = _q(text)
    assert [q.id for q in s.questions] == ["Q1"] and s["Q1"].answers == ("A",)
    assert s.fields["Q1_DO_1"] == ("2",) and s.fields["Q1_DO_2"] == ("1",)


def test_qualtrics_multi_choice_zero_is_not_chosen() -> None:
    # "Recode seen but unanswered multi-value fields as 0": 0 = shown, not chosen.
    text = (DATA / "qualtrics_numeric.csv").read_text(encoding="utf-8")
    lines = text.split("\n")
    # response 2 (Phone only): its Email, Chat, Other cells recoded to 0
    lines[4] = lines[4].replace('"9","4","4","","1","","",', '"9","4","4","0","1","0","0",')
    assert '"0","1","0","0"' in lines[4]
    s = _q("\n".join(lines))
    assert s["Q4"].answers[1] == ("Phone",)
    assert s["Q4"].answers[:3] == Q_CHANNELS[:3]


def test_path_as_str_and_open_files() -> None:
    path = DATA / "qualtrics_numeric.csv"
    by_str = read_qualtrics(str(path))
    with open(path, encoding="utf-8", newline="") as f:
        by_text = read_qualtrics(f)
    with open(path, "rb") as b:
        by_bytes = read_qualtrics(b)
    assert by_str == by_text == by_bytes
    with pytest.raises(TypeError):
        read_qualtrics(42)  # type: ignore[arg-type]


def test_crlf_sample_keeps_quoted_newline() -> None:
    raw = (DATA / "qualtrics_choice_text.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # the sample is BOM + CRLF
    s = read_qualtrics(DATA / "qualtrics_choice_text.csv")
    assert s["Q5"].answers[2] == "Waited a while.\nThen it was fine."
    assert s.fields["Status"][0] == "IP Address"  # the BOM did not stick to the first id
    assert "StartDate" in s.times


# ------------------------------------------------------------------------ malformed


def _raises(
    call: Any,
    *,
    row: int,
    column: int | None,
    index: int | None,
    code: str = "invalid_format",
    match: str | None = None,
) -> ExportError:
    with pytest.raises(ExportError, match=match) as info:
        call()
    e = info.value
    assert isinstance(e, cx.CxMetricsError) and isinstance(e, ValueError)
    assert (e.code, e.row, e.column, e.index) == (code, row, column, index), str(e)
    assert f"row {row}" in str(e)
    if column is not None:
        assert f"column {column}" in str(e)
    return e


def test_qualtrics_wrong_header_count() -> None:
    # the legacy layout: two header rows, so row 3 is a response where JSON belongs
    legacy = "\n".join(QUALTRICS.split("\n")[:2] + QUALTRICS.split("\n")[3:])
    e = _raises(lambda: _q(legacy), row=3, column=1, index=None, match="not JSON")
    assert e.column_id == "StartDate" and "legacy" in str(e)
    # only the column ids and the texts
    _raises(
        lambda: _q("\n".join(QUALTRICS.split("\n")[:2]) + "\n"),
        row=3,
        column=None,
        index=None,
        match="three header rows",
    )
    _raises(lambda: _q(""), row=1, column=None, index=None)


def test_surveymonkey_wrong_header_count() -> None:
    one_header = (DATA / "surveymonkey.csv").read_text(encoding="utf-8").split("\n")
    del one_header[1]
    e = _raises(
        lambda: read_surveymonkey(io.StringIO("\n".join(one_header)), time_zone="UTC"),
        row=2,
        column=1,
        index=None,
        match="two header rows",
    )
    assert e.column_id == "Respondent ID"
    _raises(lambda: read_surveymonkey(io.StringIO("Respondent ID,Q\n")), row=2, column=None, index=None)
    # a question column with no label in the second header row
    _raises(
        lambda: read_surveymonkey(io.StringIO("Respondent ID,How?\n,\n1,2\n")),
        row=2,
        column=2,
        index=None,
        match="label",
    )


def test_google_forms_without_timestamp_column() -> None:
    _raises(
        lambda: read_google_forms(io.StringIO("When,How likely?\n2026/03/05,9\n")),
        row=1,
        column=1,
        index=None,
        match="Timestamp",
    )
    _raises(lambda: read_google_forms(io.StringIO("")), row=1, column=None, index=None)


def test_ragged_rows_name_row_and_column() -> None:
    lines = QUALTRICS.split("\n")
    # a response with one cell too many: record 5 (the quoted newline is inside record 4)
    extra = "\n".join(lines[:5] + [lines[5] + ",surplus"] + lines[6:])
    _raises(lambda: _q(extra), row=5, column=6, index=1, match="6 cells")
    # a response cut short after its third cell
    short = "\n".join(lines[:5] + ["2026-07-10 10:00:00,2026-07-10 10:05:00,R_2"] + lines[6:])
    e = _raises(lambda: _q(short), row=5, column=4, index=1, match="3 cells")
    assert e.column_id == "Q1"
    # a ragged header row
    _raises(lambda: _q(QUALTRICS.replace("Why?\n", "Why?,extra\n")), row=2, column=6, index=None)
    sm = "Respondent ID,How likely?\n,Response\n1,9\n2\n"
    _raises(lambda: read_surveymonkey(io.StringIO(sm)), row=4, column=2, index=1)
    gf = "Timestamp,Q\n2026/03/05 8:58:10 AM GMT,1\n2026/03/05 8:58:11 AM GMT,1,2\n"
    _raises(lambda: read_google_forms(io.StringIO(gf)), row=3, column=3, index=1)


@pytest.mark.parametrize(
    ("cell", "match"),
    [
        ('"{""ImportId"":""QID1"""', "not JSON"),  # unclosed object
        ('"{ImportId: QID1}"', "not JSON"),
        ('"[""QID1""]"', "JSON object"),
        ('"{""importId"":""QID1""}"', "JSON object"),
        ('"{""ImportId"":1}"', "JSON object"),
    ],
)
def test_bad_import_id_json(cell: str, match: str) -> None:
    text = QUALTRICS.replace('"{""ImportId"":""QID1""}"', cell)
    e = _raises(lambda: _q(text), row=3, column=4, index=None, match=match)
    assert e.column_id == "Q1"


def test_bad_time_zone_in_import_id_and_argument() -> None:
    text = QUALTRICS.replace("Europe/Berlin", "Mars/Olympus", 1)
    _raises(lambda: _q(text), row=3, column=1, index=None, code="unknown_time_zone", match="Mars/Olympus")
    with pytest.raises(cx.CxMetricsError) as info:
        read_surveymonkey(DATA / "surveymonkey.csv", time_zone="Mars/Olympus")
    assert info.value.code == "unknown_time_zone"
    # a file whose ImportIds name no zone needs time_zone …
    bare = QUALTRICS.replace(',""timeZone"":""Europe/Berlin""', "")
    _raises(lambda: _q(bare), row=4, column=1, index=0, match="time_zone")
    # … and uses it
    assert _q(bare, time_zone="UTC").started[0] == utc(2026, 1, 10, 10, 0, 0)


@pytest.mark.parametrize(
    ("start", "match"),
    [
        ("2026-02-30 10:00:00", "not a valid date"),
        ("10/01/2026 10:00:00", "YYYY-MM-DD hh:mm:ss"),
        ("2026-01-10", "YYYY-MM-DD hh:mm:ss"),
        ("2026-01-10 25:00:00", "not a valid date"),
        ("2026-03-29 02:30:00", "does not exist"),  # Berlin skips 02:00-03:00 that day
    ],
)
def test_bad_qualtrics_timestamps(start: str, match: str) -> None:
    text = QUALTRICS.replace("2026-07-10 10:00:00,", f"{start},", 1)
    e = _raises(lambda: _q(text), row=5, column=1, index=1, match=match)
    assert e.column_id == "StartDate"


def test_repeated_hour_is_the_earlier_instant() -> None:
    # Berlin repeats 02:00-03:00 on 2026-10-25: the first 02:30 is CEST (UTC+2)
    text = QUALTRICS.replace("2026-07-10 10:00:00,", "2026-10-25 02:30:00,", 1)
    assert _q(text).started[1] == utc(2026, 10, 25, 0, 30, 0)


@pytest.mark.parametrize(
    ("stamp", "match"),
    [
        ("13/05/2026 10:00:00 AM", "not a valid date"),
        ("03/05/2026 13:00:00 PM", "not a valid date"),
        ("2026-03-05 10:00", "MM/DD/YYYY"),
        ("03/08/2026 02:30:00 AM", "does not exist"),
    ],
)
def test_bad_surveymonkey_dates(stamp: str, match: str) -> None:
    text = (DATA / "surveymonkey.csv").read_text(encoding="utf-8").replace("03/06/2026 02:20:00 PM", stamp)
    e = _raises(
        lambda: read_surveymonkey(io.StringIO(text), time_zone="America/Denver"), row=4, column=3, index=1, match=match
    )
    assert e.column_id == "Start Date"


def test_surveymonkey_dates_need_a_time_zone() -> None:
    _raises(lambda: read_surveymonkey(DATA / "surveymonkey.csv"), row=3, column=3, index=0, match="time_zone")


@pytest.mark.parametrize(
    ("stamp", "zone", "expected"),
    [
        ("2026/03/05 8:58:10 AM GMT", None, utc(2026, 3, 5, 8, 58, 10)),
        ("2026/03/05 8:58:10 AM UTC", None, utc(2026, 3, 5, 8, 58, 10)),
        ("2026/03/05 8:58:10 AM GMT+1", None, utc(2026, 3, 5, 7, 58, 10)),
        ("2026/03/05 8:58:10 PM GMT-5:30", None, utc(2026, 3, 6, 2, 28, 10)),
        ("2026/03/05 12:58:10 AM GMT+05:30", None, utc(2026, 3, 4, 19, 28, 10)),
        ("2026/03/05 8:58:10 AM CET", "Europe/Berlin", utc(2026, 3, 5, 7, 58, 10)),
        ("2026/03/05 20:58:10", "Asia/Tokyo", utc(2026, 3, 5, 11, 58, 10)),
        # clocks go back in New York at 2:00 EDT on 2026-11-01: 1:30 happens twice
        ("2026/11/01 1:30:00 AM EDT", "America/New_York", utc(2026, 11, 1, 5, 30, 0)),
        ("2026/11/01 1:30:00 AM EST", "America/New_York", utc(2026, 11, 1, 6, 30, 0)),
    ],
)
def test_google_forms_timestamps(stamp: str, zone: str | None, expected: datetime) -> None:
    s = read_google_forms(io.StringIO(f"Timestamp,Q\n{stamp},1\n"), time_zone=zone)
    assert s.submitted[0] == expected


@pytest.mark.parametrize(
    ("stamp", "zone", "match"),
    [
        ("2026/03/05 8:58:10 AM EST", None, "ambiguous"),
        ("2026/03/05 8:58:10 AM EST", "Europe/Berlin", "'EST' is not that of Europe/Berlin"),
        ("2026/07/05 8:58:10 AM EST", "America/New_York", "EDT"),
        ("2026/03/05 8:58:10", None, "no time zone"),
        ("05/03/2026 8:58:10", "UTC", "YYYY/MM/DD"),
        ("2026/02/29 8:58:10 AM GMT", None, "not a valid date"),
        ("2026/03/05 0:58:10 AM GMT", None, "not a valid date"),
        ("2026/03/05 8:58:10 AM GMT+25", None, "ambiguous"),
    ],
)
def test_bad_google_forms_timestamps(stamp: str, zone: str | None, match: str) -> None:
    text = f"Timestamp,Q\n2026/03/04 9:00:00 AM GMT,1\n{stamp},2\n"
    e = _raises(lambda: read_google_forms(io.StringIO(text), time_zone=zone), row=3, column=1, index=1, match=match)
    assert e.column_id == "Timestamp"


def test_not_utf8_and_broken_quoting() -> None:
    raw = QUALTRICS.encode().replace(b"R_2", b"R_\xff2")
    # record 5 (line 6: record 4 holds a quoted line break), in its third cell
    _raises(lambda: read_qualtrics(io.BytesIO(raw)), row=5, column=3, index=None, match="not UTF-8")
    # a quote that never closes runs to the end of the file
    _raises(
        lambda: _q(QUALTRICS + '2026-07-10 10:00:00,x,"R_3\n'), row=6, column=None, index=None, match="not valid CSV"
    )


# ------------------------------------------------------------------------ any input

_CELLS = st.sampled_from(
    [
        "",
        "1",
        "10 - Extremely likely",
        "x",
        '"',
        ",",
        "\n",
        "\r\n",
        "Respondent ID",
        "Response",
        "Timestamp",
        "Start Date",
        "Other (please specify)",
        "Open-Ended Response",
        '{"ImportId":"QID1"}',
        '{"ImportId":"QID1","choiceId":"1"}',
        '{"ImportId":"startDate","timeZone":"UTC"}',
        '{"ImportId":"startDate","timeZone":"Nope/X"}',
        '{"ImportId":"_recordId"}',
        '{"ImportId":"QID2_TEXT"}',
        "2026-03-05 08:58:10",
        "03/05/2026 08:58:10 AM",
        "2026/03/05 8:58:10 AM GMT+1",
        "2026/03/05 8:58:10 AM EST",
        "\ufeff",
        "é",
        "\x00",
    ]
)


@given(rows=st.lists(st.lists(_CELLS, max_size=6), max_size=7), zone=st.sampled_from([None, "UTC"]))
@settings(max_examples=300, deadline=None)
def test_any_csv_reads_or_raises_export_error(rows: list[list[str]], zone: str | None) -> None:
    """Whatever the cells, a reader returns an export or raises a CxMetricsError: never an
    IndexError, KeyError or another crash."""
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    for reader in (read_qualtrics, read_surveymonkey, read_google_forms):
        try:
            s = reader(io.StringIO(buf.getvalue()), time_zone=zone)
        except cx.CxMetricsError as e:
            assert e.code in ("invalid_format", "unknown_time_zone"), e
        else:
            assert all(len(q.answers) == len(s) for q in s.questions)


@given(raw=st.binary(max_size=200))
@settings(max_examples=200, deadline=None)
def test_any_bytes_read_or_raise_export_error(raw: bytes) -> None:
    for reader in (read_qualtrics, read_surveymonkey, read_google_forms):
        try:
            reader(io.BytesIO(raw), time_zone="UTC")
        except cx.CxMetricsError as e:
            assert e.code in ("invalid_format", "unknown_time_zone"), e
