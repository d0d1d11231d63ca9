#!/usr/bin/env python3
"""Independent oracle for the cxmetrics segment and trend conformance vectors.

Writes tests/vectors/segments.json (format: tests/vectors/README.md, "lifecycle.json and
segments.json"). The behaviour is in docs/metrics/segments.md; the formulas and their
sources are in segments_model.py, the hand-written trend cases in segments_trend_cases.py.

This script deliberately does NOT import cxmetrics (it uses the survey and stats oracles,
survey_model.py and stats_model.py, see segments_model.py).

Regenerate (from the repository root):

    .venv/bin/pip install -q numpy scipy statsmodels pandas   # once
    .venv/bin/python tests/vectors/oracle_segments.py

Output is byte-stable for given Python / numpy / scipy / statsmodels / pandas versions
and tz database: no timestamps, a fixed seed (numpy.random.default_rng(SEED)), fixed
case order.
"""

from __future__ import annotations

import sys
import warnings
from collections import Counter
from datetime import datetime, timezone

import numpy as np
import pandas as pd
import scipy
import statsmodels

from oracle_common import (
    HERE,
    CaseBook,
    VectorBug,
    generator,
    print_function_counts,
    print_written,
    random_ids,
    seeded_draws,
    tzdata_field,
    versions,
    write_vectors,
)
import oracle_lifecycle
from segments_model import PERIODS, Fragile, f_segment, f_trend, iso, nps_counts_scores, utc
from segments_trend_cases import trend_cases

warnings.simplefilter("error")  # a library warning means a case is degenerate: stop

SEED = oracle_lifecycle.SEED  # one seeded stream, lifecycle.json's draws first
OUT = HERE / "segments.json"

FUNCTIONS = ("segment", "trend")
ERROR_CODES = (
    "empty",
    "invalid_argument",
    "length_mismatch",
    "out_of_scale",
    "not_integer",
    "not_finite",
    "invalid_weight",
    "scale_mismatch",
    "invalid_scale",
    "unknown_time_zone",
)

BOOK = CaseBook(
    {"segment": f_segment, "trend": f_trend},
    lambda fn: (
        ("scores", CaseBook.MISSING),
        ("keys" if fn == "segment" else "times", CaseBook.MISSING),
        ("weights", None),
        ("options", dict),
    ),
)
case = BOOK.add


# --------------------------------------------------------------------------
# Hand-written segment cases
# --------------------------------------------------------------------------


def segment_cases():
    # ---- overall NPS is not the mean of segment NPS: segments of 12 and 5,000
    small = [10, 9, 10, 10, 9, 10, 9, 10, 10, 9, 10, 9]
    big = nps_counts_scores(1000, 2000, 2000)
    scores, chan = [], []
    bi = si = 0
    for i in range(len(small) + len(big)):
        if i % 400 == 7 and si < len(small):
            scores.append(small[si])
            chan.append("small")
            si += 1
        else:
            scores.append(big[bi])
            chan.append("big")
            bi += 1
    assert si == len(small) and bi == len(big)
    overall = 100 * (1012 - 2000) / 5012
    case(
        "segment/nps-overall-is-not-mean-of-segments",
        "segment",
        scores=scores,
        keys=[chan],
        options={"metric": "nps", "min_n": 30, "level": 0.95},
        check={
            "overall.score": overall,
            "rows.0.key": ["big"],
            "rows.0.score": -20.0,
            "rows.1.score": 100.0,
            "rows.1.low_n": True,
            "rows.1.n": 12,
            "rows.1.impact": overall + 20.0,
            "rows.0.impact": overall - 100.0,
            "rows.1.share": 12 / 5012,
            "overall.share": 1.0,
        },
        check_tol=1e-9,
        note="12 promoters and a 5,000-response segment at NPS -20: the overall NPS is the "
        "merged (1012 - 2000) / 5012 = -19.71, not the mean of 100 and -20 (= 40)",
    )

    # ---- rustdoc example
    case(
        "segment/rustdoc-chat-email",
        "segment",
        scores=[10, 9, 0, 3, 10],
        keys=[["chat", "chat", "email", "email", "email"]],
        options={"metric": "nps", "min_n": 30},
        check={"rows.0.score": 100.0, "rows.1.score": -100 / 3, "overall.score": 20.0},
        check_tol=1e-12,
        note="overall (3 - 2) / 5 = 20, not the mean of 100 and -33.3",
    )

    # ---- multi-column keys with ints and strings
    chans = ["chat", "email", "phone"]
    regions = [10, 2, 1, -3]
    sc, k1, k2 = [], [], []
    base = [10, 9, 8, 7, 6, 3, 9, 10, 0, 8, 9, 5, 10, 7, 9]
    for i in range(150):
        k1.append(chans[i % 3])
        k2.append(regions[(i // 3 + i // 17) % 4])
        sc.append(base[(i * 11) % len(base)])
    case(
        "segment/multi-column-str-int",
        "segment",
        scores=sc,
        keys=[k1, k2],
        options={"metric": "nps", "min_n": 10},
        check={
            "rows.0.key": ["chat", -3],
            "rows.1.key": ["chat", 1],
            "rows.2.key": ["chat", 2],
            "rows.3.key": ["chat", 10],
        },
        note="two key columns (channel str, region int); ints sort numerically (-3, 1, 2, 10), "
        "keys compare part by part",
    )
    case(
        "segment/multi-column-int-str",
        "segment",
        scores=sc,
        keys=[k2, k1],
        options={"metric": "nps", "min_n": 10},
        check={"rows.0.key": [-3, "chat"], "rows.11.key": [10, "phone"]},
        note="the same data keyed (region, channel)",
    )
    case(
        "segment/mixed-int-and-str-in-one-column",
        "segment",
        scores=[5, 4, 3, 5, 2, 4, 5, 1, 4, 3, 5, 4],
        keys=[["b", 2, "a", 10, "B", 2, "a", "10", 10, "b", -1, "B"]],
        options={"metric": "csat", "min_n": 2},
        check={
            "rows.0.key": [-1],
            "rows.1.key": [2],
            "rows.2.key": [10],
            "rows.3.key": ["10"],
            "rows.4.key": ["B"],
            "rows.5.key": ["a"],
            "rows.6.key": ["b"],
        },
        note='KeyPart order: every Int before every Str; 10 and "10" are different keys; '
        'strings by bytes ("10" < "B" < "a" < "b")',
    )
    case(
        "segment/utf8-byte-order",
        "segment",
        scores=[9, 10, 3, 8, 9, 10, 7, 6, 10, 9, 2, 10],
        keys=[["Zug", "Zürich", "zoo", "Zug", "Émile", "Zürich", "Zz", "zoo", "Émile", "Zz", "Zug", "Zürich"]],
        options={"metric": "nps", "min_n": 1},
        check={
            "rows.0.key": ["Zug"],
            "rows.1.key": ["Zz"],
            "rows.2.key": ["Zürich"],
            "rows.3.key": ["zoo"],
            "rows.4.key": ["Émile"],
        },
        note="strings by UTF-8 bytes: 'Zug' < 'Zz' < 'Zürich' (0xC3) < 'zoo' < 'Émile' (0xC3 0x89)",
    )

    # ---- weighted segments
    ws_scores = [10, 9, 7, 3, 10, 0, 8, 9, 6, 10, 9, 5, 10, 8, 2, 9, 10, 7, 9, 4]
    ws_w = [1.5, 0.5, 2.0, 1.0, 0.8, 3.0, 1.2, 0.7, 1.1, 2.4, 0.9, 1.3, 0.6, 1.7, 2.2, 1.0, 0.4, 1.8, 1.6, 0.5]
    ws_k = [
        "web",
        "app",
        "web",
        "app",
        "store",
        "web",
        "app",
        "store",
        "web",
        "app",
        "store",
        "web",
        "app",
        "store",
        "web",
        "app",
        "web",
        "store",
        "app",
        "web",
    ]
    case(
        "segment/weighted-nps",
        "segment",
        scores=ws_scores,
        keys=[ws_k],
        weights=ws_w,
        options={"metric": "nps", "min_n": 5},
        note="weighted: shares of Σw, n_eff for the intervals, share = Σw(segment) / Σw(all)",
    )
    case(
        "segment/weighted-csat-top-box",
        "segment",
        scores=[5, 4, 3, 5, 2, 4, 5, 1, 4, 3, 5, 4, 5, 5, 3, 4],
        keys=[[1, 1, 2, 2, 1, 2, 3, 3, 1, 2, 3, 1, 2, 3, 3, 1]],
        weights=[1.2, 0.8, 1.0, 2.0, 0.5, 1.5, 1.0, 0.7, 1.3, 2.2, 1.0, 0.6, 0.9, 1.1, 1.4, 0.8],
        options={"metric": "csat", "min_n": 5},
        note="weighted Wilson with x = p·n_eff",
    )
    case(
        "segment/weighted-mean",
        "segment",
        scores=[4, 5, 2, 3, 5, 4, 1, 5, 3, 4, 2, 5],
        keys=[["a", "b", "a", "b", "a", "b", "a", "b", "a", "b", "a", "b"]],
        weights=[1.0, 2.0, 0.5, 1.5, 3.0, 1.0, 0.8, 0.6, 1.2, 1.4, 2.0, 0.9],
        options={"metric": "mean", "scale": [1, 5], "min_n": 3},
        note="weighted t interval: Kish-weighted sd, df = n_eff - 1",
    )
    case(
        "segment/weighted-zero-weight-segment",
        "segment",
        scores=[10, 9, 3, 8, 10, 6, 9],
        keys=[["x", "x", "y", "z", "z", "y", "x"]],
        weights=[1.0, 2.0, 0.0, 1.5, 0.5, 0.0, 1.0],
        options={"metric": "nps", "min_n": 1},
        check={"rows.1.key": ["y"], "rows.1.n": 2, "rows.1.score": None, "rows.1.share": 0.0, "rows.1.impact": 0.0},
        note="a segment whose weights are all 0: n = 2 but no weighted score (null), share 0, "
        "impact 0 (removing it changes nothing)",
    )
    case(
        "segment/weighted-missing-rows-ignore-weight",
        "segment",
        scores=[10, None, 9, 3, None, 7],
        keys=[["a", "a", "a", "b", "b", "b"]],
        weights=[1.0, "nan", 2.0, 1.0, -4.0, 3.0],
        options={"metric": "nps", "min_n": 1},
        check={"rows.0.missing": 1, "rows.1.missing": 1},
        note="the weight of a missing row is ignored, even NaN or negative",
    )

    # ---- every metric
    cs = [5, 4, 4, 3, 5, 2, 4, 5, 1, 4, 5, 3, 4, 4, 5, 2, 5, 4, 3, 5, 4, 5, 1, 2, 4, 5, 3, 4]
    ck = ["north", "south", "east"] * 9 + ["north"]
    case(
        "segment/csat-default-top-box",
        "segment",
        scores=cs,
        keys=[ck],
        options={"metric": "csat", "min_n": 5},
        note="CSAT top-two-box, Wilson intervals",
    )
    case(
        "segment/csat-mean",
        "segment",
        scores=cs,
        keys=[ck],
        options={"metric": "csat", "method": "mean", "min_n": 5},
        note="t intervals",
    )
    case(
        "segment/csat-percent-of-max",
        "segment",
        scores=cs,
        keys=[ck],
        options={"metric": "csat", "method": "percent_of_max", "min_n": 5},
        note="t interval x 100/max; impact in percent-of-max points",
    )
    case(
        "segment/csat-net",
        "segment",
        scores=cs,
        keys=[ck],
        options={"metric": "csat", "method": "net", "min_n": 5},
        note="adjusted Wald",
    )
    case(
        "segment/csat-top-box-threshold-5",
        "segment",
        scores=cs,
        keys=[ck],
        options={"metric": "csat", "threshold": 5, "min_n": 5},
    )
    c7 = [7, 6, 5, 6, 2, 7, 4, 5, 6, 3, 7, 6, 1, 5, 6, 7, 2, 4, 6, 7, 5, 3]
    k7 = ["self-service", "agent"] * 11
    case(
        "segment/ces-mean",
        "segment",
        scores=c7,
        keys=[k7],
        options={"metric": "ces", "scale": [1, 7], "higher_is_better": True, "min_n": 5},
    )
    case(
        "segment/ces-percent-agree",
        "segment",
        scores=c7,
        keys=[k7],
        options={"metric": "ces", "scale": [1, 7], "higher_is_better": True, "method": "percent_agree", "min_n": 5},
    )
    case(
        "segment/ces-net-effort",
        "segment",
        scores=c7,
        keys=[k7],
        options={"metric": "ces", "scale": [1, 7], "higher_is_better": True, "method": "net_effort", "min_n": 5},
    )
    case(
        "segment/ces-lower-is-better",
        "segment",
        scores=[1, 2, 2, 3, 1, 5, 2, 1, 4, 2, 5, 4],
        keys=[["a", "b"] * 6],
        options={"metric": "ces", "scale": [1, 5], "higher_is_better": False, "method": "percent_agree", "min_n": 5},
    )
    case(
        "segment/mean-1-10",
        "segment",
        scores=[7, 8, 10, 3, 6, 9, 8, 5, 7, 10, 2, 8, 9, 6],
        keys=[[1, 2] * 7],
        options={"metric": "mean", "scale": [1, 10], "min_n": 5},
    )
    case(
        "segment/top-box-1-7",
        "segment",
        scores=[7, 6, 5, 6, 2, 7, 4, 5, 6, 3, 7, 6],
        keys=[["a", "b", "c"] * 4],
        options={"metric": "top_box", "scale": [1, 7], "min_n": 3},
    )
    case(
        "segment/top-box-threshold",
        "segment",
        scores=[7, 6, 5, 6, 2, 7, 4, 5, 6, 3, 7, 6],
        keys=[["a", "b", "c"] * 4],
        options={"metric": "top_box", "scale": [1, 7], "threshold": 7, "min_n": 3},
    )
    case(
        "segment/bottom-box-0-10",
        "segment",
        scores=[0, 3, 7, 9, 10, 2, 6, 8, 1, 10, 4, 9],
        keys=[["a", "b"] * 6],
        options={"metric": "bottom_box", "scale": [0, 10], "threshold": 3, "min_n": 3},
        note="bottom_box threshold: share of scores <= 3",
    )
    case(
        "segment/bottom-box-default",
        "segment",
        scores=[1, 2, 5, 4, 3, 1, 5, 5, 2, 4],
        keys=[["a", "b"] * 5],
        options={"metric": "bottom_box", "scale": [1, 5], "min_n": 3},
    )
    case(
        "segment/nps-custom-buckets",
        "segment",
        scores=[5, 4, 3, 5, 1, 2, 5, 4, 3, 5],
        keys=[["a", "b"] * 5],
        options={"metric": "nps", "scale": [1, 5], "buckets": {"detractor_max": 2, "promoter_min": 5}, "min_n": 3},
        note="NPS-style net on 1-5 with explicit buckets",
    )

    # ---- edges
    case(
        "segment/defaults",
        "segment",
        scores=[10, 9, 8, 3, 10, 7, 0, 9],
        keys=[["a", "b", "a", "b", "a", "b", "a", "b"]],
        note="no options: metric nps, min_n 30 (every row low_n), level 0.95",
        check={"rows.0.low_n": True, "overall.low_n": True},
    )
    case(
        "segment/single-segment-no-impact",
        "segment",
        scores=[10, 9, 3, 8, 10],
        keys=[["only"] * 5],
        options={"metric": "nps", "min_n": 1},
        check={"rows.0.impact": None, "rows.0.share": 1.0, "overall.impact": None},
        note="one segment: the rest is empty, so impact is null",
    )
    case(
        "segment/all-missing-segment",
        "segment",
        scores=[10, None, 9, None, 3, None],
        keys=[["a", "z", "a", "z", "a", "z"]],
        options={"metric": "nps", "min_n": 1},
        check={
            "rows.1.score": None,
            "rows.1.lower": None,
            "rows.1.n": 0,
            "rows.1.missing": 3,
            "rows.1.share": 0.0,
            "rows.1.impact": 0.0,
            "rows.1.low_n": True,
        },
        note="a segment with only missing answers still appears, score null",
    )
    case(
        "segment/mean-single-response-no-interval",
        "segment",
        scores=[4, 5, 3, 4, 2],
        keys=[["a", "a", "a", "a", "b"]],
        options={"metric": "mean", "scale": [1, 5], "min_n": 1},
        check={"rows.1.score": 2.0, "rows.1.lower": None, "rows.1.upper": None},
        note="a mean from one response has no sd: no t interval (null), the score stays",
    )
    case(
        "segment/mean-zero-variance",
        "segment",
        scores=[4, 4, 4, 2, 3, 5],
        keys=[["a", "a", "a", "b", "b", "b"]],
        options={"metric": "mean", "scale": [1, 5], "min_n": 1},
        check={"rows.0.lower": 4.0, "rows.0.upper": 4.0},
        note="zero variance: point interval",
    )
    case(
        "segment/skip-invalid",
        "segment",
        scores=[10, 11, 9, 3.5, "inf", 7, -1, 0, 10, None],
        keys=[["a", "a", "b", "b", "a", "b", "b", "a", "a", "b"]],
        options={"metric": "nps", "on_invalid": "skip", "min_n": 1},
        check={"rows.0.invalid": 2, "rows.1.invalid": 2, "overall.invalid": 4, "rows.1.missing": 1},
        note="on_invalid skip: invalid rows counted per segment and excluded",
    )
    case(
        "segment/skip-invalid-weights",
        "segment",
        scores=[10, 9, 3, 8, 10, 6],
        keys=[["a", "b", "a", "b", "a", "b"]],
        weights=[1.0, -1.0, 2.0, "inf", 0.5, 1.0],
        options={"metric": "nps", "on_invalid": "skip", "min_n": 1},
        check={"rows.1.invalid": 2, "rows.1.n": 1},
    )
    case("segment/level-80", "segment", scores=sc, keys=[k1], options={"metric": "nps", "min_n": 30, "level": 0.8})
    case("segment/level-99", "segment", scores=sc, keys=[k1], options={"metric": "nps", "min_n": 30, "level": 0.99})
    case(
        "segment/min-n-boundary",
        "segment",
        scores=[10] * 5 + [3] * 4,
        keys=[["five"] * 5 + ["four"] * 4],
        options={"metric": "nps", "min_n": 5},
        check={"rows.0.low_n": False, "rows.1.low_n": True},
        note="low_n = n < min_n: 5 is not low at min_n 5, 4 is",
    )
    case(
        "segment/min-n-counts-valid-only",
        "segment",
        scores=[10, 9, None, None, 8],
        keys=[["a"] * 5],
        options={"metric": "nps", "min_n": 4},
        check={"rows.0.low_n": True, "rows.0.n": 3},
        note="missing answers do not count towards min_n",
    )

    # ---- errors
    case(
        "segment/error-keys-scores-length",
        "segment",
        scores=[10, 9, 8],
        keys=[["a", "b"]],
        options={"metric": "nps"},
        error="length_mismatch",
    )
    case(
        "segment/error-second-key-column-length",
        "segment",
        scores=[10, 9, 8],
        keys=[["a", "b", "a"], [1, 2]],
        options={"metric": "nps"},
        error="length_mismatch",
        note="every key column needs one value per score",
    )
    case(
        "segment/error-weights-length",
        "segment",
        scores=[10, 9, 8],
        keys=[["a", "b", "a"]],
        weights=[1.0, 2.0],
        options={"metric": "nps"},
        error="length_mismatch",
    )
    case(
        "segment/error-out-of-scale-index-in-input",
        "segment",
        scores=[10, 9, 8, 7, 6, 11, 9, 10],
        keys=[["b", "a", "b", "a", "c", "a", "c", "b"]],
        options={"metric": "nps"},
        error="out_of_scale",
        index=5,
        note="the index is the row in the caller's input (row 5), not its position in segment 'a' (2)",
    )
    case(
        "segment/error-earliest-index-across-segments",
        "segment",
        scores=[10, 9, 8, 7, 6, 9, 12, 10, -2],
        keys=[["z", "a", "z", "a", "z", "a", "z", "a", "a"]],
        options={"metric": "nps"},
        error="out_of_scale",
        index=6,
        note="bad rows 6 (segment z, sorted last) and 8 (segment a): the earliest row wins",
    )
    case(
        "segment/error-not-integer",
        "segment",
        scores=[10, 9, 8.5, 7],
        keys=[["a", "b", "a", "b"]],
        options={"metric": "nps"},
        error="not_integer",
        index=2,
    )
    case(
        "segment/error-not-finite",
        "segment",
        scores=[10, 9, 8, "-inf"],
        keys=[["a", "b", "a", "b"]],
        options={"metric": "nps"},
        error="not_finite",
        index=3,
    )
    case(
        "segment/error-invalid-weight",
        "segment",
        scores=[10, 9, 8, 7],
        keys=[["a", "b", "a", "b"]],
        weights=[1.0, 1.0, 1.0, -0.5],
        options={"metric": "nps"},
        error="invalid_weight",
        index=3,
    )
    case(
        "segment/error-unknown-metric",
        "segment",
        scores=[10, 9, 8, 7],
        keys=[["a", "b", "a", "b"]],
        options={"metric": "nss"},
        error="invalid_argument",
    )
    case(
        "segment/error-nps-scale-mismatch",
        "segment",
        scores=[5, 4, 3, 1],
        keys=[["a", "b", "a", "b"]],
        options={"metric": "nps", "scale": [1, 5]},
        error="scale_mismatch",
        note="NPS on 1-5 without explicit buckets",
    )
    case(
        "segment/error-threshold-off-scale",
        "segment",
        scores=[5, 4, 3, 1],
        keys=[["a", "b", "a", "b"]],
        options={"metric": "top_box", "scale": [1, 5], "threshold": 6},
        error="invalid_argument",
    )
    case(
        "segment/error-invalid-scale",
        "segment",
        scores=[5, 4, 3, 1],
        keys=[["a", "b", "a", "b"]],
        options={"metric": "mean", "scale": [5, 5]},
        error="invalid_scale",
    )
    case(
        "segment/error-all-missing",
        "segment",
        scores=[None, None, None],
        keys=[["a", "b", "a"]],
        options={"metric": "nps"},
        error="empty",
        note="no segment has a valid response",
    )
    case("segment/error-no-rows", "segment", scores=[], keys=[[]], options={"metric": "nps"}, error="empty")


# --------------------------------------------------------------------------
# Seeded random cases
# --------------------------------------------------------------------------

SEG_CONFIGS = [
    ("nps", {}, (0, 10)),
    ("csat", {}, (1, 5)),
    ("csat", {"method": "mean"}, (1, 5)),
    ("csat", {"method": "percent_of_max"}, (1, 5)),
    ("csat", {"method": "net"}, (1, 5)),
    ("ces", {"scale": [1, 7], "higher_is_better": True}, (1, 7)),
    ("ces", {"scale": [1, 7], "higher_is_better": True, "method": "percent_agree"}, (1, 7)),
    ("ces", {"scale": [1, 5], "higher_is_better": False, "method": "net_effort"}, (1, 5)),
    ("mean", {"scale": [1, 10]}, (1, 10)),
    ("top_box", {"scale": [1, 7]}, (1, 7)),
    ("bottom_box", {"scale": [0, 10], "threshold": 3}, (0, 10)),
]
STR_POOL = ["chat", "email", "phone", "web", "app", "Zürich", "B2B", "b2c"]
INT_POOL = [-7, 0, 1, 2, 10, 42, 2025]
ZONES = ["Europe/Berlin", "UTC", "America/New_York", "Asia/Kolkata", "Australia/Sydney"]
OFFSETS = ["Z", "+02:00", "-05:00", "+05:30"]


def random_cases():
    rng = np.random.default_rng(SEED)
    rid = random_ids()
    pick, level = seeded_draws(rng)
    note = f"seeded random (default_rng({SEED}))"
    # lifecycle.json's random cases come first in the stream: draw them, keep nothing
    oracle_lifecycle.random_draws(rng, lambda *a, **k: None, random_ids(), pick, level)

    # ---- segments
    def rand_scores(lo, hi, size):
        p = rng.dirichlet(np.full(hi - lo + 1, 0.9))
        return [int(v) for v in rng.choice(np.arange(lo, hi + 1), size=size, p=p)]

    for j in range(2 * len(SEG_CONFIGS)):  # every metric configuration twice
        metric, mopts, (lo, hi) = SEG_CONFIGS[j % len(SEG_CONFIGS)]
        size = int(rng.choice([20, 60, 150, 400]))
        scores = rand_scores(lo, hi, size)
        ncols = int(rng.integers(1, 3))
        keys = []
        for _c in range(ncols):
            pool = pick([STR_POOL, INT_POOL])
            k = int(rng.integers(2, 5))
            vals = [pool[int(i)] for i in rng.choice(len(pool), size=k, replace=False)]
            probs = rng.dirichlet(np.full(k, 1.5))
            keys.append([vals[int(i)] for i in rng.choice(k, size=size, p=probs)])
        weights = [round(float(v), 6) for v in rng.uniform(0.2, 3.0, size=size)] if rng.random() < 0.4 else None
        if rng.random() < 0.3:
            for i in rng.choice(size, size=max(1, size // 10), replace=False):
                scores[int(i)] = None
        opts = {"metric": metric, **mopts, "min_n": int(pick([5, 10, 30])), "level": level()}
        if rng.random() < 0.2:
            opts["on_invalid"] = "skip"
            for i in rng.choice(size, size=max(1, size // 20), replace=False):
                scores[int(i)] = pick([hi + 1, lo - 1, lo + 0.5, "inf"])
        case(
            rid(f"segment/{metric}"),
            "segment",
            scores=scores,
            keys=keys,
            weights=weights,
            options=opts,
            note=note,
            source="random",
        )

    # ---- trends
    spans = {"day": 24 * 3600 * 21, "week": 24 * 3600 * 7 * 10, "month": 24 * 3600 * 240, "quarter": 24 * 3600 * 600}
    t0 = utc(2025, 11, 20).timestamp()
    made = attempts = 0
    while made < 14:
        rolling = made >= 10
        period = "day" if rolling else PERIODS[made % len(PERIODS)]
        metric, mopts, (lo, hi) = SEG_CONFIGS[(3 * made + attempts) % len(SEG_CONFIGS)]
        size = int(rng.choice([150, 400, 900]))
        span = spans[period] if not rolling else 24 * 3600 * 30
        secs = np.sort(rng.uniform(0, span, size=size) ** 1.15 / span**0.15).astype(np.int64)
        regimes = [rng.dirichlet(np.full(hi - lo + 1, 0.8)) for _ in range(3)]
        scores, times = [], []
        for s in secs:
            reg = regimes[min(2, int(3 * int(s) / span))]
            scores.append(int(rng.choice(np.arange(lo, hi + 1), p=reg)))
            t = datetime.fromtimestamp(t0 + int(s), tz=timezone.utc)
            times.append(iso(t, pick(OFFSETS)))
        order = rng.permutation(size)  # input order need not be chronological
        scores = [scores[int(i)] for i in order]
        times = [times[int(i)] for i in order]
        weights = [round(float(v), 6) for v in rng.uniform(0.3, 2.5, size=size)] if rng.random() < 0.3 else None
        if rng.random() < 0.25:
            for i in rng.choice(size, size=max(1, size // 15), replace=False):
                scores[int(i)] = None
        opts = {
            "period": period,
            "time_zone": pick(ZONES),
            "metric": metric,
            **mopts,
            "min_n": int(pick([10, 20, 30, 50])),
            "level": level(),
            "adjust": pick(["holm", "bh"]),
            "alpha": float(pick([0.05, 0.1, 0.01])),
        }
        if rolling:
            opts["rolling_days"] = int(pick([3, 7, 14]))
        cid = f"trend/random-{made + 1:02d}-{period}" + ("-rolling" if rolling else "")
        try:
            case(cid, "trend", scores=scores, times=times, weights=weights, options=opts, note=note, source="random")
        except Fragile:
            BOOK.source.pop(cid, None)
            attempts += 1
            continue  # redraw (deterministic: the rng stream moves on)
        made += 1


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------


def provenance() -> dict:
    return {
        "generator": generator(__file__),
        **versions(np, scipy, statsmodels, pd),
        "tzdata": tzdata_field(),
        "seed": SEED,
        "method": (
            "pandas groupby for segments with numpy metrics (oracle_survey) and "
            "statsmodels / scipy intervals (oracle_stats); stdlib zoneinfo local dates "
            "cross-checked with pandas tz_convert / to_period; adjusted-Wald z, "
            "statsmodels proportions_ztest, scipy ttest_ind_from_stats (Welch) and "
            "statsmodels multipletests for trends; not cxmetrics"
        ),
        "spec": (
            "docs/metrics/segments.md (segments, trends); docs/metrics/statistics.md "
            "(intervals, comparisons, p-value adjustment); docs/metrics/survey.md; "
            "docs/conventions.md"
        ),
        "tolerance_rule": (
            "float fields: |actual - expected| <= tolerance * "
            "max(1, |expected|); integer fields, strings, booleans, keys "
            "and null exact"
        ),
    }


def _variant(c: dict) -> str:
    o = c["options"]
    v = o.get("metric", "nps") + (f"/{o['method']}" if "method" in o else "")
    if c.get("weights"):
        v += "+w"
    if c["function"] == "trend":
        v = f"{o.get('period', 'month')}" + ("-rolling" if "rolling_days" in o else "") + f" {v}"
    return v


def summary(text: str):
    cases = BOOK.cases
    print_written(OUT, text, cases, BOOK.source)
    print(
        ", ".join(f"{k} {v}" for k, v in versions(np, scipy, statsmodels, pd).items())
        + f", {tzdata_field()}, seed {SEED}"
    )
    print_function_counts(cases, FUNCTIONS)
    print("successful cases per function/variant:")
    fv = Counter(f"{c['function']} {_variant(c)}" for c in cases if "expected" in c)
    for k in sorted(fv):
        print(f"  {k:44s} {fv[k]:4d}")
    sig = sum(
        1
        for c in cases
        if c["function"] == "trend" and "expected" in c
        for r in c["expected"]["rows"]
        if r["significant"]
    )
    cmp_ = sum(
        1
        for c in cases
        if c["function"] == "trend" and "expected" in c
        for r in c["expected"]["rows"]
        if r["p_value"] is not None
    )
    print(f"trend comparisons: {cmp_}, significant after adjustment: {sig}")
    print("cases per error code (function: count):")
    codes = Counter((c["expected_error"]["code"], c["function"]) for c in cases if "expected_error" in c)
    for code in ERROR_CODES:
        per = ", ".join(f"{fn} {k}" for (cd, fn), k in sorted(codes.items()) if cd == code)
        print(f"  {code:18s} {sum(k for (cd, _), k in codes.items() if cd == code):4d}  {per}")
    unexpected = {cd for cd, _ in codes} - set(ERROR_CODES)
    if unexpected:
        raise VectorBug(f"unexpected codes {unexpected}")


def main():
    segment_cases()
    trend_cases(case)
    random_cases()
    if len(BOOK.cases) < 60:
        raise VectorBug(f"only {len(BOOK.cases)} cases")
    text = write_vectors(OUT, provenance(), BOOK.cases)
    summary(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
