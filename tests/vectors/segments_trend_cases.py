"""Hand-written trend cases of segments.json (called by oracle_segments.py).

Each case states its intent (an error, or literal values in `check`); the oracle in
segments_model.py must agree. The behaviour pinned here is in docs/metrics/segments.md
(trends) and docs/metrics/statistics.md (comparisons, p-value adjustment).
"""

from __future__ import annotations

from segments_model import iso, month_times, nps_counts_scores, spread, utc


def trend_cases(case):
    """The hand-written trend cases, added with `case` (oracle_segments.BOOK.add)."""
    # ---- monthly trend with one significant change and one low-n month (Berlin)
    jan = nps_counts_scores(60, 80, 60)  # NPS 0, n 200
    feb = nps_counts_scores(3, 4, 5)  # n 12: low_n
    mar = nps_counts_scores(100, 70, 30)  # NPS 35
    apr = nps_counts_scores(95, 75, 30)  # NPS 32.5
    scores, times = [], []
    for m, block in ((1, jan), (2, feb), (3, mar), (4, apr)):
        scores += block
        times += month_times(2026, m, len(block))
    opts = {
        "period": "month",
        "time_zone": "Europe/Berlin",
        "metric": "nps",
        "min_n": 30,
        "level": 0.95,
        "adjust": "holm",
        "alpha": 0.05,
    }
    case(
        "trend/monthly-one-significant-one-low-n",
        "trend",
        scores=scores,
        times=times,
        options=opts,
        check={
            "rows.0.label": "2026-01",
            "rows.1.label": "2026-02",
            "rows.1.low_n": True,
            "rows.1.change": None,
            "rows.1.p_value": None,
            "rows.2.change": 35.0,
            "rows.2.significant": True,
            "rows.3.change": -2.5,
            "rows.3.significant": False,
            "rows.0.change": None,
            "rows.3.start": "2026-04-01",
        },
        check_tol=1e-9,
        note="February (n = 12) is low_n: shown, not compared, not a baseline; March is "
        "compared with January (+35, significant after Holm), April with March (-2.5)",
    )
    case(
        "trend/monthly-bh",
        "trend",
        scores=scores,
        times=times,
        options={**opts, "adjust": "bh"},
        note="the same data, Benjamini-Hochberg",
    )
    case(
        "trend/monthly-min-n-10-compares-february",
        "trend",
        scores=scores,
        times=times,
        options={**opts, "min_n": 10},
        check={"rows.1.low_n": False},
        note="with min_n 10 February is compared too",
    )
    case("trend/monthly-alpha-0.001", "trend", scores=scores, times=times, options={**opts, "alpha": 0.001})
    case(
        "trend/monthly-quarterly",
        "trend",
        scores=scores,
        times=times,
        options={**opts, "period": "quarter"},
        check={
            "rows.0.label": "2026-Q1",
            "rows.1.label": "2026-Q2",
            "rows.0.start": "2026-01-01",
            "rows.1.start": "2026-04-01",
        },
    )
    case("trend/monthly-weekly", "trend", scores=scores, times=times, options={**opts, "period": "week", "min_n": 5})

    # ---- ISO week labels across a year boundary (Berlin)
    wk_times = [
        "2025-12-28T10:00:00Z",
        "2025-12-28T22:59:59Z",
        "2025-12-28T23:00:00Z",
        "2025-12-29T08:00:00+01:00",
        "2026-01-04T12:00:00Z",
        "2026-12-27T12:00:00Z",
        "2026-12-28T09:00:00Z",
        "2026-12-31T23:30:00Z",
        "2027-01-01T12:00:00Z",
        "2027-01-03T22:59:59Z",
        "2027-01-03T23:30:00Z",
        "2027-01-04T10:00:00Z",
        "2027-01-10T22:00:00Z",
    ]
    wk_scores = [10, 9, 3, 8, 10, 0, 9, 10, 7, 6, 9, 10, 2]
    case(
        "trend/iso-week-year-boundary",
        "trend",
        scores=wk_scores,
        times=wk_times,
        options={"period": "week", "time_zone": "Europe/Berlin", "metric": "nps", "min_n": 1},
        check={
            "rows.0.label": "2025-W52",
            "rows.0.start": "2025-12-22",
            "rows.1.label": "2026-W01",
            "rows.1.start": "2025-12-29",
            "rows.2.label": "2026-W52",
            "rows.3.label": "2026-W53",
            "rows.3.start": "2026-12-28",
            "rows.3.n": 4,
            "rows.4.label": "2027-W01",
            "rows.4.start": "2027-01-04",
            "rows.4.n": 3,
        },
        note="ISO weeks: 2025-12-29 starts 2026-W01; 2027-01-01 is in 2026-W53; 23:30 UTC on "
        "2027-01-03 is Monday 2027-01-04 in Berlin (2027-W01)",
    )
    case(
        "trend/iso-week-year-boundary-utc",
        "trend",
        scores=wk_scores,
        times=wk_times,
        options={"period": "week", "time_zone": "UTC", "metric": "nps", "min_n": 1},
        check={"rows.0.n": 3, "rows.3.n": 5, "rows.4.n": 2},
        note="the same instants in UTC: 23:00 UTC on 2025-12-28 stays in 2025-W52, 23:30 UTC on "
        "2027-01-03 stays in 2026-W53",
    )

    # ---- Berlin month boundary
    mb_times = [
        "2026-01-31T22:59:59Z",
        "2026-01-31T23:30:00Z",
        "2026-01-15T12:00:00Z",
        "2026-02-28T23:30:00Z",
        "2026-02-10T09:00:00+01:00",
        "2026-03-31T21:59:59Z",
        "2026-03-31T22:30:00Z",
        "2026-04-01T00:30:00+02:00",
        "2026-01-31T23:59:59-01:00",
    ]
    mb_scores = [10, 3, 9, 8, 10, 6, 9, 10, 0]
    case(
        "trend/berlin-month-boundary",
        "trend",
        scores=mb_scores,
        times=mb_times,
        options={"period": "month", "time_zone": "Europe/Berlin", "metric": "nps", "min_n": 1},
        check={
            "rows.0.label": "2026-01",
            "rows.0.n": 2,
            "rows.1.label": "2026-02",
            "rows.1.n": 3,
            "rows.2.label": "2026-03",
            "rows.2.n": 2,
            "rows.3.n": 2,
        },
        note="23:30 UTC on Jan 31 is 00:30 on Feb 1 in Berlin (February); 22:30 UTC on "
        "Mar 31 is 00:30 CEST on Apr 1 (April, after the DST change)",
    )
    case(
        "trend/berlin-month-boundary-utc",
        "trend",
        scores=mb_scores,
        times=mb_times,
        options={"period": "month", "time_zone": "UTC", "metric": "nps", "min_n": 1},
        check={"rows.0.n": 3, "rows.1.n": 3, "rows.2.n": 3, "rows.2.label": "2026-03"},
        note="the same instants bucketed in UTC: no April row",
    )
    case(
        "trend/berlin-month-boundary-default-utc",
        "trend",
        scores=mb_scores,
        times=mb_times,
        options={"period": "month", "metric": "nps", "min_n": 1},
        check={"rows.0.n": 3},
        note="time_zone defaults to UTC",
    )
    case(
        "trend/new-york-quarter-boundary",
        "trend",
        scores=[10, 9, 3, 10, 8, 7, 9],
        times=[
            "2026-12-31T12:00:00Z",
            "2027-01-01T03:00:00Z",
            "2027-01-01T04:59:59Z",
            "2027-01-01T05:00:00Z",
            "2026-10-01T03:59:59Z",
            "2026-10-01T04:00:00Z",
            "2027-02-14T15:00:00-05:00",
        ],
        options={"period": "quarter", "time_zone": "America/New_York", "metric": "nps", "min_n": 1},
        check={
            "rows.0.label": "2026-Q3",
            "rows.1.label": "2026-Q4",
            "rows.1.n": 4,
            "rows.2.label": "2027-Q1",
            "rows.2.n": 2,
        },
        note="New York is UTC-5 in winter, UTC-4 on Oct 1 (EDT)",
    )
    case(
        "trend/kolkata-day-boundary",
        "trend",
        scores=[10, 9, 3, 10, 8, 7],
        times=[
            "2026-06-10T18:29:59Z",
            "2026-06-10T18:30:00Z",
            "2026-06-10T00:00:00+05:30",
            "2026-06-11T23:59:59+05:30",
            "2026-06-09T18:30:00Z",
            "2026-06-12T00:00:00+05:30",
        ],
        options={"period": "day", "time_zone": "Asia/Kolkata", "metric": "nps", "min_n": 1},
        check={
            "rows.0.start": "2026-06-10",
            "rows.0.n": 3,
            "rows.1.start": "2026-06-11",
            "rows.1.n": 2,
            "rows.1.label": "2026-06-11",
            "rows.2.n": 1,
        },
        note="a +05:30 zone: 18:30 UTC is local midnight",
    )
    case(
        "trend/berlin-dst-days",
        "trend",
        scores=[10, 9, 3, 10, 8, 7, 2, 9],
        times=[
            "2026-03-28T22:59:59Z",
            "2026-03-28T23:00:00Z",
            "2026-03-29T00:59:59Z",
            "2026-03-29T01:00:00Z",
            "2026-03-29T21:59:59Z",
            "2026-03-29T22:00:00Z",
            "2026-10-24T22:00:00Z",
            "2026-10-25T22:59:59Z",
        ],
        options={"period": "day", "time_zone": "Europe/Berlin", "metric": "nps", "min_n": 1},
        check={"rows.1.start": "2026-03-29", "rows.1.n": 4, "rows.3.start": "2026-10-25", "rows.3.n": 2},
        note="the 23-hour day (Mar 29) and the 25-hour day (Oct 25) in Berlin",
    )

    # ---- metrics in trends
    def monthly(block_counts, scale, months=(1, 2, 3, 4)):
        sc, tm = [], []
        for m, counts in zip(months, block_counts):
            block = spread(counts)
            sc += block
            tm += month_times(2026, m, len(block))
        return sc, tm

    sc, tm = monthly(
        [
            {5: 20, 4: 20, 3: 5, 2: 3, 1: 2},
            {5: 12, 4: 18, 3: 12, 2: 5, 1: 3},
            {5: 30, 4: 15, 3: 3, 2: 1, 1: 1},
            {5: 28, 4: 16, 3: 4, 2: 1, 1: 1},
        ],
        (1, 5),
    )
    base = {"period": "month", "time_zone": "Europe/Berlin", "min_n": 30, "adjust": "holm", "alpha": 0.05}
    case(
        "trend/csat-top-box",
        "trend",
        scores=sc,
        times=tm,
        options={**base, "metric": "csat"},
        note="proportions: Wilson intervals, pooled z comparisons",
    )
    case(
        "trend/csat-mean",
        "trend",
        scores=sc,
        times=tm,
        options={**base, "metric": "csat", "method": "mean"},
        note="means: t intervals, Welch comparisons",
    )
    case(
        "trend/csat-percent-of-max",
        "trend",
        scores=sc,
        times=tm,
        options={**base, "metric": "csat", "method": "percent_of_max"},
    )
    case("trend/csat-net", "trend", scores=sc, times=tm, options={**base, "metric": "csat", "method": "net"})
    case(
        "trend/mean-bh",
        "trend",
        scores=sc,
        times=tm,
        options={**base, "metric": "mean", "scale": [1, 5], "adjust": "bh"},
    )
    case(
        "trend/top-box-100-percent-months",
        "trend",
        scores=[5] * 40 + [5] * 35 + [4, 5] * 20,
        times=month_times(2026, 5, 40) + month_times(2026, 6, 35) + month_times(2026, 7, 40),
        options={**base, "metric": "top_box", "scale": [1, 5], "threshold": 5},
        check={"rows.1.change": 0.0, "rows.1.p_value": 1.0},
        note="two months at 100 %: pooled proportion 1 -> z = 0, p = 1",
    )
    s7, t7 = monthly(
        [
            {7: 15, 6: 15, 5: 10, 4: 5, 3: 5, 2: 3, 1: 2},
            {7: 8, 6: 10, 5: 12, 4: 8, 3: 6, 2: 4, 1: 2},
            {7: 20, 6: 18, 5: 6, 4: 3, 3: 2, 2: 1, 1: 0},
        ],
        (1, 7),
    )
    for meth in ("mean", "percent_agree", "net_effort"):
        case(
            f"trend/ces-{meth.replace('_', '-')}",
            "trend",
            scores=s7,
            times=t7,
            options={**base, "metric": "ces", "scale": [1, 7], "higher_is_better": True, "method": meth},
        )
    case("trend/bottom-box", "trend", scores=s7, times=t7, options={**base, "metric": "bottom_box", "scale": [1, 7]})
    case(
        "trend/weighted-nps",
        "trend",
        scores=scores[:200] + scores[212:412],
        times=times[:200] + times[212:412],
        weights=[round(0.5 + ((i * 37) % 23) / 10, 1) for i in range(400)],
        options={"period": "month", "time_zone": "Europe/Berlin", "metric": "nps", "min_n": 30},
        note="weighted: n_eff in intervals and tests; low_n uses the unweighted n",
    )
    case(
        "trend/all-missing-month",
        "trend",
        scores=[10, 9, 3, None, None, 8, 10, 9],
        times=[
            "2026-01-05T10:00:00Z",
            "2026-01-06T10:00:00Z",
            "2026-01-07T10:00:00Z",
            "2026-02-05T10:00:00Z",
            "2026-02-06T10:00:00Z",
            "2026-03-05T10:00:00Z",
            "2026-03-06T10:00:00Z",
            "2026-03-07T10:00:00Z",
        ],
        options={"period": "month", "time_zone": "UTC", "metric": "nps", "min_n": 1},
        check={
            "rows.1.score": None,
            "rows.1.n": 0,
            "rows.1.missing": 2,
            "rows.1.low_n": True,
            "rows.2.change": 100 * (2 / 3) - 100 * (1 / 3),
        },
        check_tol=1e-9,
        note="a month with only missing answers is emitted (score null) and skipped: March is compared with January",
    )
    case(
        "trend/skip-invalid-only-period",
        "trend",
        scores=[10, 9, 11, 3, 8],
        times=[
            "2026-01-05T10:00:00Z",
            "2026-01-06T10:00:00Z",
            "2026-02-05T10:00:00Z",
            "2026-03-05T10:00:00Z",
            "2026-03-06T10:00:00Z",
        ],
        options={"period": "month", "time_zone": "UTC", "metric": "nps", "min_n": 1, "on_invalid": "skip"},
        check={"rows.1.label": "2026-02", "rows.1.n": 0, "rows.1.missing": 0, "rows.1.score": None},
        note="a period holding only an invalid (skipped) row is still emitted",
    )
    case(
        "trend/mean-zero-variance-not-compared",
        "trend",
        scores=[4, 4, 4, 4, 4, 4, 4, 4, 2, 5, 3, 4, 5, 3],
        times=month_times(2026, 1, 4) + month_times(2026, 2, 4) + month_times(2026, 3, 6),
        options={"period": "month", "time_zone": "UTC", "metric": "mean", "scale": [1, 5], "min_n": 1},
        check={
            "rows.0.lower": 4.0,
            "rows.0.upper": 4.0,
            "rows.1.change": None,
            "rows.1.p_value": None,
            "rows.2.change": 22 / 6 - 4,
        },
        note="January and February both have zero variance: Welch's t is undefined, so "
        "February has no change (null) but is still March's baseline",
    )
    case(
        "trend/mean-single-response-period",
        "trend",
        scores=[4, 5, 3, 4, 2, 5, 4, 1, 3],
        times=month_times(2026, 1, 4) + month_times(2026, 2, 1) + month_times(2026, 3, 4),
        options={"period": "month", "time_zone": "UTC", "metric": "mean", "scale": [1, 5], "min_n": 1},
        check={"rows.1.score": 2.0, "rows.1.lower": None, "rows.1.change": None, "rows.2.change": None},
        note="one response in February: no sd, so no interval and no comparison; February is "
        "still the baseline of March, whose comparison is therefore undefined too",
    )
    case(
        "trend/rustdoc-example",
        "trend",
        scores=[10, 0, 9],
        times=["2026-01-05T10:00:00Z", "2026-01-20T10:00:00Z", "2026-02-03T10:00:00Z"],
        options={"period": "month", "time_zone": "UTC", "metric": "nps", "min_n": 1},
        check={"rows.0.score": 0.0, "rows.1.change": 100.0},
    )
    case(
        "trend/no-responses",
        "trend",
        scores=[],
        times=[],
        options={"period": "month", "time_zone": "UTC", "metric": "nps"},
        check={"rows": []},
        note="no responses: no periods, no error",
    )
    case(
        "trend/defaults",
        "trend",
        scores=scores[:260],
        times=times[:260],
        note="no options: month, UTC, nps, min_n 30, level 0.95, holm, alpha 0.05",
    )

    # ---- rolling windows
    r_scores, r_times = [], []
    days = [1, 2, 3, 5, 8, 9, 10, 12, 15, 16, 17, 18, 19, 22, 23]
    pattern = [10, 9, 8, 3, 10, 7, 0, 9, 10, 6, 9, 10, 5, 8, 9, 10, 2, 9]
    for j, d in enumerate(days):
        for i in range(6 + (j * 5) % 7):
            r_scores.append(pattern[(j * 3 + i * 5) % len(pattern)])
            r_times.append(iso(utc(2026, 3, d, 8 + (i * 3) % 14, (i * 13) % 60)))
    case(
        "trend/rolling-7-days",
        "trend",
        scores=r_scores,
        times=r_times,
        options={"period": "day", "time_zone": "Europe/Berlin", "metric": "nps", "min_n": 20, "rolling_days": 7},
        check={"rows.0.label": "2026-03-01 (last 7 d)", "rows.0.start": "2026-03-01"},
        note="one row per day with data; the window for day d covers (d - 7, d]; each window "
        "is compared with the previous row's window",
    )
    case(
        "trend/rolling-3-days-bh",
        "trend",
        scores=r_scores,
        times=r_times,
        options={
            "period": "day",
            "time_zone": "Europe/Berlin",
            "metric": "nps",
            "min_n": 10,
            "rolling_days": 3,
            "adjust": "bh",
        },
    )
    case(
        "trend/rolling-1-day-equals-daily",
        "trend",
        scores=r_scores,
        times=r_times,
        options={"period": "day", "time_zone": "Europe/Berlin", "metric": "nps", "min_n": 10, "rolling_days": 1},
        note="a 1-day window is the daily trend with relabelled rows",
    )
    case(
        "trend/rolling-window-excludes-day-d-minus-n",
        "trend",
        scores=[10, 10, 0, 0, 9],
        times=[
            "2026-03-01T12:00:00Z",
            "2026-03-02T12:00:00Z",
            "2026-03-08T12:00:00Z",
            "2026-03-08T13:00:00Z",
            "2026-03-09T12:00:00Z",
        ],
        options={"period": "day", "time_zone": "UTC", "metric": "nps", "min_n": 1, "rolling_days": 7},
        check={"rows.2.start": "2026-03-08", "rows.2.n": 3, "rows.3.n": 3, "rows.2.label": "2026-03-08 (last 7 d)"},
        note="the window of Mar 8 is Mar 2..8 (Mar 1 = d - 7 is out); Mar 9 covers Mar 3..9",
    )
    case(
        "trend/rolling-csat-mean",
        "trend",
        scores=[((i * 7) % 5) + 1 for i in range(len(r_times))],
        times=r_times,
        options={
            "period": "day",
            "time_zone": "UTC",
            "metric": "csat",
            "method": "mean",
            "min_n": 15,
            "rolling_days": 5,
        },
    )

    # ---- errors
    t3 = ["2026-01-05T10:00:00Z", "2026-01-20T10:00:00Z", "2026-02-03T10:00:00Z"]
    case(
        "trend/error-times-scores-length",
        "trend",
        scores=[10, 9],
        times=t3,
        options={"metric": "nps"},
        error="length_mismatch",
    )
    case(
        "trend/error-weights-length",
        "trend",
        scores=[10, 9, 8],
        times=t3,
        weights=[1.0],
        options={"metric": "nps"},
        error="length_mismatch",
    )
    case(
        "trend/error-out-of-scale",
        "trend",
        scores=[10, 9, 8, 12],
        times=t3 + [t3[0]],
        options={"metric": "nps"},
        error="out_of_scale",
        index=3,
        note="the index is the row in the caller's input",
    )
    case(
        "trend/error-out-of-scale-later-period-first",
        "trend",
        scores=[10, 11, -1],
        times=["2026-03-05T10:00:00Z", "2026-02-20T10:00:00Z", "2026-01-03T10:00:00Z"],
        options={"metric": "nps"},
        error="out_of_scale",
        index=1,
        note="bad rows 1 (February) and 2 (January): the earliest input row wins",
    )
    case(
        "trend/error-unknown-period",
        "trend",
        scores=[10, 9, 8],
        times=t3,
        options={"period": "year"},
        error="invalid_argument",
    )
    case(
        "trend/error-unknown-metric",
        "trend",
        scores=[10, 9, 8],
        times=t3,
        options={"metric": "ces_mean"},
        error="invalid_argument",
    )
    case(
        "trend/error-unknown-adjust",
        "trend",
        scores=[10, 9, 8],
        times=t3,
        options={"adjust": "bonferroni"},
        error="invalid_argument",
    )
    case("trend/error-alpha-0", "trend", scores=[10, 9, 8], times=t3, options={"alpha": 0}, error="invalid_argument")
    case("trend/error-alpha-1", "trend", scores=[10, 9, 8], times=t3, options={"alpha": 1}, error="invalid_argument")
    case(
        "trend/error-alpha-1.5", "trend", scores=[10, 9, 8], times=t3, options={"alpha": 1.5}, error="invalid_argument"
    )
    case(
        "trend/error-alpha-nan",
        "trend",
        scores=[10, 9, 8],
        times=t3,
        options={"alpha": "nan"},
        error="invalid_argument",
    )
    case(
        "trend/error-rolling-monthly",
        "trend",
        scores=[10, 9, 8],
        times=t3,
        options={"period": "month", "rolling_days": 7},
        error="invalid_argument",
        note="rolling windows need period = day",
    )
    case(
        "trend/error-rolling-0-days",
        "trend",
        scores=[10, 9, 8],
        times=t3,
        options={"period": "day", "rolling_days": 0},
        error="invalid_argument",
    )
    case(
        "trend/error-unknown-time-zone",
        "trend",
        scores=[10, 9, 8],
        times=t3,
        options={"time_zone": "Mars/Olympus_Mons"},
        error="unknown_time_zone",
    )
    case(
        "trend/error-nps-scale-mismatch",
        "trend",
        scores=[5, 4, 3],
        times=t3,
        options={"metric": "nps", "scale": [1, 5]},
        error="scale_mismatch",
    )
