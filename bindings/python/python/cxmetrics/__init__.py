"""cxmetrics: customer-experience metrics computed correctly.

NPS, CSAT, CES, box scores, means and distributions over survey responses, from a
pure Rust core. Inputs can be lists, tuples, numpy arrays (read without copying),
pandas Series or polars Series; missing answers (None, NaN, ``pd.NA``, null) are
counted and excluded, invalid ones raise :class:`CxMetricsError` naming the first
offending position. Nothing is rounded.

>>> import cxmetrics as cx
>>> r = cx.nps([10, 9, 9, 8, 7, 3, None])
>>> r.score == 100 / 3, r.n, r.missing
(True, 6, 1)
>>> cx.csat([5, 4, 3, 2, 5], method="top_box").score
60.0
>>> t = cx.Tally(cx.Scale.nps(), [10, 9]) + cx.Tally(cx.Scale.nps(), [3])
>>> round(cx.nps(t).score, 6)
33.333333

Every metric also accepts a :class:`Tally`, the mergeable state behind every metric:
tally chunks, files or partitions separately, merge them, then compute.

Every result has ``interval()`` and ``margin_of_error()``; :func:`compare` tests two
groups, :func:`paired_nps` the same respondents twice, and the ``sample_size_*``
functions plan a survey:

>>> lo, hi = cx.nps([10] * 50 + [8] * 30 + [3] * 20).interval()
>>> round(lo, 2), round(hi, 2)
(14.05, 44.2)
"""

from ._cxmetrics import (
    AhtResult,
    BoxResult,
    CesResult,
    ChurnResult,
    RevenueRetentionResult,
    Comparison,
    CsatResult,
    CxMetricsError,
    Distribution,
    DurationSummary,
    FcrResult,
    Interval,
    MeanOfResult,
    MeanResult,
    NpsResult,
    PairedNpsResult,
    RateResult,
    Scale,
    Schedule,
    SegmentRow,
    SegmentTable,
    SlaResult,
    SlaRow,
    Tally,
    Tickets,
    TrendRow,
    TrendTable,
    __version__,
    adjust_p_values,
    bottom_box,
    ces,
    churn_rate,
    clv_from_churn,
    clv_from_retention,
    compare,
    conversion_rate,
    csat,
    distribution,
    fcr,
    first_response_time,
    handle_time,
    mean,
    mean_of,
    nps,
    nps_interval,
    paired_nps,
    proportion_interval,
    requester_wait_time,
    resolution_time,
    retention_rate,
    revenue_retention,
    sample_size_mean,
    sample_size_nps,
    sample_size_nps_difference,
    sample_size_proportion,
    sample_size_proportion_difference,
    segment,
    sla,
    ticket_durations,
    ticket_spans,
    top_box,
    trend,
    period_pieces,
)

__all__ = [
    "AhtResult",
    "BoxResult",
    "CesResult",
    "ChurnResult",
    "Comparison",
    "CsatResult",
    "CxMetricsError",
    "Distribution",
    "DurationSummary",
    "FcrResult",
    "Interval",
    "MeanOfResult",
    "MeanResult",
    "NpsResult",
    "PairedNpsResult",
    "RateResult",
    "RevenueRetentionResult",
    "Scale",
    "Schedule",
    "SegmentRow",
    "SegmentTable",
    "SlaResult",
    "SlaRow",
    "Tally",
    "Tickets",
    "TrendRow",
    "TrendTable",
    "__version__",
    "adjust_p_values",
    "bottom_box",
    "ces",
    "churn_rate",
    "clv_from_churn",
    "clv_from_retention",
    "compare",
    "conversion_rate",
    "csat",
    "distribution",
    "fcr",
    "first_response_time",
    "handle_time",
    "mean",
    "mean_of",
    "nps",
    "nps_interval",
    "paired_nps",
    "period_pieces",
    "proportion_interval",
    "requester_wait_time",
    "resolution_time",
    "retention_rate",
    "revenue_retention",
    "sample_size_mean",
    "sample_size_nps",
    "sample_size_nps_difference",
    "sample_size_proportion",
    "sample_size_proportion_difference",
    "segment",
    "sla",
    "ticket_durations",
    "ticket_spans",
    "top_box",
    "trend",
]
