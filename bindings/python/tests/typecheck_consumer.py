"""Uses the public API as a user would; checked by ``mypy --strict`` (test_typecheck.py).

Not collected by pytest (no ``test_`` prefix); it also runs as a plain script.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
import polars as pl

import cxmetrics as cx
from cxmetrics import CxMetricsError, NpsResult, Scale, Tally


def summarize(scores: list[float | None]) -> dict[str, float]:
    r: NpsResult = cx.nps(scores)
    out: dict[str, float] = {"nps": r.score, "promoters": r.promoters, "n": float(r.n)}
    lo, hi = r.buckets
    out["buckets"] = float(hi - lo)
    return out


def numpy_input() -> float:
    a: npt.NDArray[np.uint8] = np.array([10, 9, 3], dtype=np.uint8)
    w: npt.NDArray[np.float64] = np.ones(3)
    return cx.nps(a, weights=w, on_invalid="skip").score


def polars_input() -> float:
    s = pl.Series("ltr", [10, 9, None, 3])
    return cx.nps(s, weights=pl.Series([1.0, 2.0, 1.0, 1.0])).score


def every_function() -> list[float]:
    scores = [5, 4, 3, None]
    one_to_five = Scale.one_to_five()
    csat = cx.csat(scores, method="net", threshold=4, bottom_threshold=2)
    ces = cx.ces(scores, scale=(1, 5), higher_is_better=False, method="percent_agree")
    mean = cx.mean(scores, scale=one_to_five)
    top = cx.top_box(scores, scale=one_to_five, threshold=5)
    bottom = cx.bottom_box(scores, scale=(1, 5))
    dist = cx.distribution(scores, scale=(1, 5), weights=[1.0, 2.0, 1.0, 0.5])
    sd: float | None = mean.std_dev
    method: str = csat.method
    threshold: int | None = ces.threshold
    shares: list[float] = dist.shares
    counts: list[int] = dist.counts
    assert method and threshold is not None and shares and counts
    return [csat.score, ces.score, mean.score, top.score, bottom.score, sd or 0.0, float(top.count)]


def tallies() -> float:
    t = Tally((0, 10), [10, 9, None], weights=[1.0, 2.0, 1.0])
    t.push(7, weight=1.5)
    t.extend([3, 4], on_invalid="skip")
    other = Tally.from_counts(Scale.nps(), [1] * 11)
    t.merge(other)
    total: Tally = t + other
    total = sum([t, other], start=Tally(Scale.nps()))
    back = Tally.from_json(total.to_json())
    counts: list[int] = back.counts
    n: int = back.n
    assert counts and n
    r = cx.nps(back, buckets={"detractor_max": 6, "promoter_min": 9})
    c = cx.csat(Tally((1, 5), [5]), method="mean")
    e = cx.ces(Tally((1, 7), [7]), higher_is_better=True)
    m = cx.mean(back)
    return r.score + c.score + e.score + m.score + back.n_eff + back.sum_weights


def errors() -> tuple[str, int | None]:
    try:
        cx.nps([10, 11])
    except CxMetricsError as e:
        return e.code, e.index
    return "", None


def scales() -> bool:
    s = Scale(1, 7)
    presets = {Scale.nps(), Scale.one_to_five(), Scale.one_to_seven(), Scale.one_to_ten(), Scale.binary()}
    return s in presets and s.points == 7 and 4 in s and s.min < s.max


def as_dicts() -> list[dict[str, object]]:
    return [cx.nps([10]).to_dict(), cx.distribution([1], scale=(0, 1)).to_dict()]


def statistics() -> list[float]:
    r = cx.nps([10, 9, 3, 8])
    ci: cx.Interval = r.interval()
    lo, hi = r.interval(0.9, method="wald")
    moe: float = r.margin_of_error(0.99)
    box = cx.top_box([5, 4, 1], scale=(1, 5))
    cp = box.interval(method="clopper_pearson")
    m = cx.mean([1, 2, 3], scale=(1, 5))
    t = m.interval(method="t")
    c: cx.Comparison = cx.compare(r, cx.nps([10, 0]), level=0.9, method="adjusted_wald")
    df: float | None = c.df
    welch = cx.compare(m, cx.mean([2, 3, 4], scale=(1, 5)), method="welch")
    mn = cx.compare(box, cx.top_box([5, 1, 1], scale=(1, 5)), method="score")
    ac = cx.compare(box, box, method="agresti_caffo")
    assert mn.method == "score" and ac.method == "agresti_caffo"
    paired: cx.PairedNpsResult = cx.paired_nps([9, 3, None], np.array([10, 8, 7]), level=0.9)
    p_int = cx.proportion_interval(70, 100, method="jeffreys")
    n_int = cx.nps_interval(50, 30, 20, level=0.9)
    sizes: list[int] = [
        cx.sample_size_nps(5),
        cx.sample_size_nps(5, level=0.9, variance=0.6),
        cx.sample_size_proportion(3, p=30.0),
        cx.sample_size_mean(0.1, sd=1.2, level=0.99),
        cx.sample_size_nps_difference(10, power=0.9, variance=0.8),
        cx.sample_size_proportion_difference(70, 80, level=0.9, power=0.8),
    ]
    adjusted: list[float] = cx.adjust_p_values([0.01, 0.02], method="bh") + cx.adjust_p_values(np.array([0.5]))
    d: dict[str, object] = ci.to_dict()
    method: str = cp.method
    assert d and method and df is None and welch.df is not None
    return [
        lo,
        hi,
        moe,
        ci.lower,
        t.upper,
        c.p_value,
        paired.difference,
        float(paired.n),
        p_int.level,
        n_int.upper,
        float(sum(sizes)),
        *adjusted,
    ]


def service() -> list[float]:
    import datetime as dt

    office = cx.Schedule(
        "America/New_York",
        [("mon", "09:00", "17:00"), (1, dt.time(9), dt.time(17)), ["wed", "09:00", "17:00"]],
        holidays=["2026-12-25", dt.date(2026, 12, 31)],
    )
    due: dt.datetime = office.add_business(dt.datetime(2026, 11, 2, 9, tzinfo=dt.timezone.utc), dt.timedelta(hours=4))
    secs: float = office.business_seconds("2026-11-02T09:00:00-05:00", np.datetime64("2026-11-03T20:00:00"))
    tickets = cx.Tickets(
        pl.Series([dt.datetime(2026, 11, 2, 9), dt.datetime(2026, 11, 2, 10)]).dt.replace_time_zone("UTC"),
        first_response=np.array(["2026-11-02T09:30", "NaT"], dtype="datetime64[s]"),
        first_solved=["2026-11-02T11:00:00Z", None],
        final_solved=[dt.datetime(2026, 11, 2, 11, tzinfo=dt.timezone.utc), None],
        agent_replies=[1, 0],
        paused=[(0, "2026-11-02T09:40:00Z", "2026-11-02T09:50:00Z")],
        channel=["email", None],
        priority=pl.Series(["high", "low"]),
    )
    records = cx.Tickets.from_records(
        [{"created": dt.datetime(2026, 11, 2, 9), "solved": ["2026-11-02T10:00:00Z"], "agent_replies": 1}],
        tz="Europe/Berlin",
    )
    n: int = len(tickets) + len(records)
    frt: cx.DurationSummary = cx.first_response_time(tickets, schedule=office, as_of="2026-11-02T12:00:00Z")
    km: float | None = frt.km_median
    full = cx.resolution_time(tickets, kind="full")
    first = cx.resolution_time(records, kind="first", schedule=office)
    wait = cx.requester_wait_time(tickets, as_of=dt.datetime(2026, 11, 3, tzinfo=dt.timezone.utc))
    durations: list[float | None] = cx.ticket_durations(tickets, "requester_wait", schedule=office)
    f: cx.FcrResult = cx.fcr(
        tickets,
        max_agent_replies=None,
        reopen_window=dt.timedelta(days=1),
        denominator="created",
        period=("2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z"),
    )
    lo, hi = f.interval(method="wilson")
    r: cx.SlaResult = cx.sla(tickets, targets={"high": 3600, "*": dt.timedelta(hours=8)}, metric="first_resolution")
    rows: list[cx.SlaRow] = r.rows
    score: float | None = r.overall.score
    aht: cx.AhtResult = cx.handle_time(np.array([300.0, 420.0, 200.0]), hold=[60, None, 0], wrap=None)
    sd: float | None = aht.std_dev
    spend: cx.MeanOfResult = cx.mean_of(np.array([12.5, np.nan, 17.5]), weights=[1.0, None, 2.0])
    spend_sd: float | None = spend.std_dev
    welch: cx.Comparison = cx.compare(spend, cx.mean_of([10, 20]))
    assert spend_sd is None or welch.df is not None
    assert (due and km is None) or km is not None
    return [
        secs,
        float(n),
        frt.percentile(0.5),
        full.p90,
        first.mean,
        wait.median,
        *[d or 0.0 for d in durations],
        f.score,
        lo,
        hi,
        float(len(rows)),
        score or 0.0,
        aht.score,
        aht.margin_of_error(),
        sd or 0.0,
    ]


def lifecycle_and_segments() -> list[float]:
    import datetime as dt

    conv: cx.RateResult = cx.conversion_rate(45, 1500)
    churn: cx.ChurnResult = cx.churn_rate(
        50, 1000, denominator="average", end=1020, periods_per_year=12, annualize="simple"
    )
    annual: float | None = churn.annualized
    ret = cx.retention_rate(1000, 1030, 80)
    value: float = cx.clv_from_churn(50, margin=0.8, churn=4) + cx.clv_from_retention(50, retention=96)
    revenue: cx.RevenueRetentionResult = cx.revenue_retention(1000, expansion=400, contraction=100, churned=200)
    value += revenue.score + revenue.gross
    c = cx.compare(conv, ret)
    table: cx.SegmentTable = cx.segment(
        [10, 9, None, 3],
        ["chat", "chat", "email", "email"],
        metric="nps",
        min_n=1,
        level=0.9,
        method="wald",
        buckets=(6, 9),
        weights=[1.0, 2.0, 1.0, 1.0],
        on_invalid="skip",
    )
    multi = cx.segment(
        np.array([5, 4, 1, 2]),
        [["a", "a", "b", "b"], np.array([1, 2, 1, 2])],
        metric="csat",
        csat_method="net",
        threshold=4,
        bottom_threshold=2,
    )
    ces = cx.segment(
        pl.Series([7, 1]),
        pl.Series(["x", "y"]),
        metric="ces",
        scale=(1, 7),
        higher_is_better=True,
        ces_method="percent_agree",
    )
    rows: list[cx.SegmentRow] = table.rows
    key: tuple[str | int, ...] = rows[0].key
    overall: float | None = table.overall.score
    names: list[str] = multi.key_names
    frame = table.to_pandas()
    pframe = ces.to_polars()
    tr: cx.TrendTable = cx.trend(
        [10, 0, 9],
        ["2026-01-05T10:00:00Z", dt.datetime(2026, 1, 20, tzinfo=dt.timezone.utc), "2026-02-03T10:00:00Z"],
        period="week",
        time_zone="Europe/Berlin",
        metric="top_box",
        scale=(0, 10),
        threshold=9,
        min_n=1,
        adjust="bh",
        alpha=0.1,
    )
    daily = cx.trend(
        [10, 0],
        np.array(["2026-01-05T10:00", "2026-01-06T10:00"], dtype="datetime64[s]"),
        period="day",
        rolling_days=7,
        min_n=1,
    )
    first: cx.TrendRow = tr.rows[0]
    start: dt.date = first.start
    p: float | None = first.p_adjusted
    significant: bool = first.significant
    labels = [r.label for r in tr] + [r.label for r in daily] + [str(r.key) for r in multi]
    assert key and names and labels and start and frame is not None and pframe is not None and not significant
    return [
        conv.score,
        churn.score,
        annual or 0.0,
        ret.interval().lower,
        ret.margin_of_error(),
        value,
        c.difference,
        overall or 0.0,
        p or 0.0,
        float(len(table) + len(tr)),
    ]


def every_new_field() -> dict[str, object]:
    """Each field of the issue 3-5 result classes, with the type a user would expect."""
    aht = cx.handle_time([300, 420], hold=[60, 0], wrap=[30, 45])
    aht_parts: list[float] = [aht.talk, aht.hold, aht.wrap]
    aht_missing: int = aht.missing
    churn = cx.churn_rate(50, 1000)
    churned: float = churn.churned
    comparison = cx.compare(cx.nps([10, 0, 9]), cx.nps([10, 0, 0]))
    z: float = comparison.statistic
    paired = cx.paired_nps([6, 7, 9, 3], [9, 8, 9, 6])
    paired_parts: tuple[float, int] = (paired.statistic, paired.missing)
    office = cx.Schedule("UTC", [("mon", "09:00", "17:00")])
    zone: str = office.time_zone
    tickets = cx.Tickets(
        ["2026-11-02T09:00:00Z", "2026-11-02T10:00:00Z"],
        first_response=["2026-11-02T09:30:00Z", None],
        first_solved=["2026-11-02T11:00:00Z", None],
        priority=["high", None],
    )
    summary = cx.first_response_time(tickets, schedule=office)
    open_tickets: int = summary.open
    clock: str = summary.clock
    denominator: str = cx.fcr(tickets).denominator
    report = cx.sla(tickets, targets={"high": 3600})
    sla_fields: tuple[str, str, int] = (report.metric, report.clock, report.untargeted)
    row = report.rows[0]
    row_fields: tuple[str | None, float | None, int, int, int] = (
        row.priority,
        row.target,
        row.achieved,
        row.breached,
        row.running,
    )
    table = cx.segment([10, 0, 9], ["a", "b", "a"], min_n=1)
    seg = table.rows[0]
    seg_fields: tuple[float, float | None, int, int, bool] = (
        seg.share,
        seg.impact,
        seg.invalid,
        seg.missing,
        seg.low_n,
    )
    seg_metric: str = table.metric
    trend = cx.trend([10, 0], ["2026-01-05T10:00:00Z", "2026-02-05T10:00:00Z"], min_n=1)
    trend_row = trend.rows[-1]
    trend_fields: tuple[float | None, int, bool] = (trend_row.change, trend_row.missing, trend_row.low_n)
    trend_kind: tuple[str, str] = (trend.period, trend.metric)
    frame = trend.to_pandas()
    return {
        "aht": (aht_parts, aht_missing),
        "churn": churned,
        "z": z,
        "paired": paired_parts,
        "zone": zone,
        "summary": (open_tickets, clock),
        "fcr": denominator,
        "sla": (sla_fields, row_fields),
        "segment": (seg_fields, seg_metric),
        "trend": (trend_fields, trend_kind, frame is not None),
    }


def displays() -> list[str]:
    """Notebook displays (issue 12): HTML, MIME bundles, SVG, Vega-Lite, reports as sequences."""
    r = cx.nps([10, 9, 3])
    table = cx.segment([10, 0, 9], ["a", "b", "a"], min_n=1)
    trend = cx.trend([10, 0], ["2026-01-05T10:00:00Z", "2026-02-05T10:00:00Z"], min_n=1)
    tally = cx.Tally(cx.Scale(0, 10), [10, 9])
    html: str = r._repr_html_() + cx.csat([5, 4])._repr_html_() + cx.nps_interval(5, 3, 2)._repr_html_()
    bundle: dict[str, str] = table._repr_mimebundle_(include=["text/html"], exclude=None)
    svg: str = r.to_svg() + table.to_svg() + trend.to_svg() + cx.distribution([1, 2], scale=(1, 5)).to_svg()
    maybe: str | None = tally.to_svg()
    spec: dict[str, Any] = trend.to_vega_lite()
    first: cx.SegmentRow = table[0]
    some: list[cx.SegmentRow] = table[0:1]
    last: cx.TrendRow = trend[-1]
    periods: list[cx.TrendRow] = trend[::-1]
    assert first and some and last and periods and spec and bundle
    return [html, svg, maybe or "", tally._repr_mimebundle_()["text/plain"]]


def survey_exports() -> float:
    """cxmetrics.io (issue 13): a reader's questions feed the metrics; typed instants."""
    import io
    from datetime import datetime

    from cxmetrics.io import ExportError, Question, SurveyExport, read_google_forms

    s: SurveyExport = read_google_forms(io.StringIO("Timestamp,Q\n2026/03/05 8:58:10 AM GMT,9\n"))
    q: Question = s["Q1"]
    when: datetime | None = s.submitted[0]
    try:
        read_google_forms(io.StringIO("Q\n1\n"), time_zone="UTC")
    except ExportError as e:
        row: int = e.row
        column: int | None = e.column
        assert row and column
    assert when is not None and len(s) == 1 and q.kind == "number"
    return cx.nps(q.answers).score


VERSION: str = cx.__version__

if __name__ == "__main__":
    print(
        summarize([10, 9, 9, 8, 7, 3]),
        numpy_input(),
        polars_input(),
        every_function(),
        tallies(),
        errors(),
        scales(),
        as_dicts(),
    )
    print(statistics(), service(), lifecycle_and_segments(), every_new_field(), len(displays()), survey_exports())
