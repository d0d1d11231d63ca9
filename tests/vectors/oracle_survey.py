#!/usr/bin/env python3
"""Independent oracle for the cxmetrics survey conformance vectors.

Writes tests/vectors/survey.json (format: tests/vectors/README.md, "Format").

This script deliberately does NOT import cxmetrics. Every expected value is
recomputed with numpy in survey_model.py, directly from the formulas in
docs/metrics/survey.md (NPS, CSAT, CES, mean, top/bottom box, distribution), so that
the Rust core and the Python / JS bindings can be checked against an independent
implementation.

Regenerate (from the repository root):

    .venv/bin/python tests/vectors/oracle_survey.py

Output is byte-stable for a given Python / numpy version: no timestamps, a fixed
seed (numpy.random.default_rng(20261126)), and a fixed case order.
"""

from __future__ import annotations

import math
import platform
import sys
from collections import Counter

import numpy as np

from oracle_common import (
    HERE,
    TOL,
    OracleError,
    VectorBug,
    check_intent,
    generator,
    print_written,
    versions,
    write_vectors,
)
from survey_model import CES_METHODS, CSAT_METHODS, FUNCTIONS, oracle

SEED = 20261126
OUT = HERE / "survey.json"


# --------------------------------------------------------------------------
# Case building
# --------------------------------------------------------------------------

CASES: list[dict] = []
_IDS: set[str] = set()
_SOURCE: dict[str, str] = {}


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= TOL * max(1.0, abs(b))


def case(
    cid: str,
    fn: str,
    scores: list,
    weights=None,
    *,
    note: str | None = None,
    error: str | None = None,
    index: int | None = None,
    check: dict | None = None,
    source: str = "hand",
    **opts,
):
    """Add one case. Hand-written cases state what they intend (error / index /
    some literal expected values in `check`); that is asserted against the oracle."""
    if cid in _IDS:
        raise VectorBug(f"duplicate id {cid}")
    _IDS.add(cid)
    opts = {k: v for k, v in opts.items() if v is not None}
    try:
        result = oracle(fn, scores, weights, opts)
        err = None
    except OracleError as e:
        result, err = None, e

    check_intent(cid, result, err, error, index)
    for k, v in (check or {}).items():
        got = result[k]
        if isinstance(v, list):
            ok = len(v) == len(got) and all(_close(a, b) for a, b in zip(got, v))
        elif isinstance(v, float):
            ok = _close(got, v)
        else:
            ok = got == v
        if not ok:
            raise VectorBug(f"{cid}: check {k}: expected {v}, oracle gave {got}")

    c = {"id": cid, "function": fn, "scores": scores, "weights": weights, "options": opts}
    if err is not None:
        c["expected_error"] = err.as_json()
    else:
        c["expected"] = result
        c["tolerance"] = TOL
    if note:
        c["note"] = note
    CASES.append(c)
    _SOURCE[cid] = source


def hand_cases():
    # ------------------------------------------------------------------ NPS
    case(
        "nps/3p-2a-1d",
        "nps",
        [10, 9, 9, 8, 7, 3],
        note="3 promoters 2 passives 1 detractor -> 33.33..., not 33 or 34 (no rounding of parts)",
        check={
            "score": 100 / 3,
            "n_promoters": 3,
            "n_passives": 2,
            "n_detractors": 1,
            "promoters": 0.5,
            "passives": 1 / 3,
            "detractors": 1 / 6,
            "n": 6,
        },
    )
    case(
        "nps/explicit-default-scale",
        "nps",
        [10, 9, 9, 8, 7, 3],
        scale=[0, 10],
        on_invalid="error",
        note="same as nps/3p-2a-1d with the 0-10 scale and on_invalid passed explicitly",
        check={"score": 100 / 3},
    )
    case("nps/all-promoters", "nps", [9, 10, 10, 9], check={"score": 100.0})
    case("nps/all-detractors", "nps", [0, 1, 2, 3, 4, 5, 6], check={"score": -100.0})
    case("nps/all-passives", "nps", [7, 8, 8, 7, 7], check={"score": 0.0, "passives": 1.0})
    case("nps/single-promoter", "nps", [10], check={"score": 100.0, "n": 1})
    case(
        "nps/single-detractor-zero",
        "nps",
        [0],
        note="0 is a valid score (detractor), not missing",
        check={"score": -100.0, "n": 1},
    )
    case(
        "nps/bucket-boundaries",
        "nps",
        [0, 6, 7, 8, 9, 10],
        note="6 is a detractor, 7-8 passives, 9 a promoter",
        check={"score": 0.0, "n_promoters": 2, "n_passives": 2, "n_detractors": 2},
    )
    case(
        "nps/integer-valued-floats",
        "nps",
        [10.0, 9.0, 6.0, 8.0],
        note="integer-valued floats are valid scores",
        check={"score": 25.0},
    )
    case(
        "nps/nan-is-missing",
        "nps",
        [10, None, 9, 0, None],
        note="null (NaN/None) is missing: counted in `missing`, excluded from the denominator (N=3)",
        check={"score": 100 / 3, "n": 3, "missing": 2, "sum_weights": 3.0},
    )
    case(
        "nps/weighted-basic",
        "nps",
        [10, 7, 0],
        [2, 1, 1],
        note="weighted shares: P=2/4, D=1/4 -> 25; counts stay unweighted",
        check={"score": 25.0, "promoters": 0.5, "n_promoters": 1, "sum_weights": 4.0, "n_eff": 16 / 6},
    )
    case(
        "nps/weighted-fractional",
        "nps",
        [10, 9, 8, 3, 5],
        [0.5, 1.5, 2.25, 0.75, 1.0],
        check={"score": 100 * (2.0 - 1.75) / 6.0, "sum_weights": 6.0},
    )
    case(
        "nps/weighted-all-ones",
        "nps",
        [10, 9, 9, 8, 7, 3],
        [1, 1, 1, 1, 1, 1],
        note="all weights 1 -> same values as unweighted; n_eff = n",
        check={"score": 100 / 3, "n_eff": 6.0, "sum_weights": 6.0},
    )
    case(
        "nps/weighted-zero-weight-row",
        "nps",
        [10, 0, 8],
        [1, 0, 1],
        note="a zero weight is valid: the row counts in n and n_detractors but adds nothing to shares",
        check={"score": 50.0, "n": 3, "n_detractors": 1, "detractors": 0.0, "n_eff": 2.0},
    )
    case(
        "nps/weighted-missing-score-nan-weight",
        "nps",
        [10, None, 3],
        [1, "nan", 3],
        note="the weight of a missing score is ignored, even NaN",
        check={"score": -50.0, "missing": 1, "sum_weights": 4.0},
    )
    case(
        "nps/weighted-missing-score-negative-weight",
        "nps",
        [None, 9, 9, 2],
        [-5, 1, 1, 2],
        note="the weight of a missing score is ignored, even negative",
        check={"score": 0.0, "missing": 1, "n": 3},
    )
    case(
        "nps/weighted-missing-score-inf-weight",
        "nps",
        [9, None],
        [2, "inf"],
        note="the weight of a missing score is ignored, even inf",
        check={"score": 100.0},
    )
    case(
        "nps/skip-out-of-scale",
        "nps",
        [10, 11, -1, 5, 9],
        on_invalid="skip",
        note="11 and -1 are out of the 0-10 scale: counted in `invalid`, excluded",
        check={"score": 100 / 3, "invalid": 2, "n": 3},
    )
    case(
        "nps/skip-mixed",
        "nps",
        [10, 8.5, "inf", None, 12, 9, 0, 7, "-inf"],
        [1, 1, 1, 1, 1, -1, 2, "nan", 1],
        on_invalid="skip",
        note="8.5 (not_integer), inf, 12, weight -1, weight NaN, -inf are invalid; the null is missing",
        check={"n": 2, "missing": 1, "invalid": 6, "score": 100 * (1 - 2) / 3},
    )
    case(
        "nps/skip-some-missing-some-invalid-weighted",
        "nps",
        [9, 10, None, 4, 6, 3],
        [1.5, "-inf", 2, 0.5, 0.5, "inf"],
        on_invalid="skip",
        check={"n": 3, "invalid": 2, "missing": 1, "score": 100 * (1.5 - 1.0) / 2.5},
    )
    case(
        "nps/buckets-1-5",
        "nps",
        [5, 4, 3, 1, 5, 2],
        scale=[1, 5],
        buckets={"detractor_max": 3, "promoter_min": 5},
        note="5-point NPS mapping: detractors 1-3, passive 4, promoter 5",
        check={"score": 100 * (2 - 3) / 6, "n_passives": 1},
    )
    case(
        "nps/buckets-1-10",
        "nps",
        [10, 9, 7, 6, 1, 8],
        scale=[1, 10],
        buckets={"detractor_max": 6, "promoter_min": 9},
        check={"score": 0.0, "n_promoters": 2, "n_detractors": 2},
    )
    case(
        "nps/buckets-1-7",
        "nps",
        [7, 6, 5, 4, 1, 7, 7],
        scale=[1, 7],
        buckets={"detractor_max": 4, "promoter_min": 6},
        check={"score": 100 * (4 - 2) / 7},
    )
    case(
        "nps/buckets-no-passives",
        "nps",
        [7, 6, 10, 0],
        buckets={"detractor_max": 6, "promoter_min": 7},
        note="detractor_max + 1 == promoter_min: no passive band",
        check={"score": 0.0, "n_passives": 0, "passives": 0.0},
    )
    case(
        "nps/buckets-custom-on-0-10",
        "nps",
        [5, 6, 8, 9, 10],
        scale=[0, 10],
        buckets={"detractor_max": 5, "promoter_min": 9},
        check={"score": 100 * (2 - 1) / 5},
    )
    case(
        "nps/buckets-0-1",
        "nps",
        [0, 1, 1, 1],
        scale=[0, 1],
        buckets={"detractor_max": 0, "promoter_min": 1},
        check={"score": 50.0},
    )
    case(
        "nps/buckets-negative-scale",
        "nps",
        [-3, -1, 0, 2, 3, 3],
        scale=[-3, 3],
        buckets={"detractor_max": -1, "promoter_min": 2},
        check={"score": 100 * (3 - 2) / 6},
    )
    case(
        "nps/buckets-full-range",
        "nps",
        [0, 5, 10],
        scale=[0, 10],
        buckets={"detractor_max": 0, "promoter_min": 10},
        note="buckets may sit at the very ends: min == detractor_max, promoter_min == max",
        check={"score": 0.0, "n_passives": 1},
    )
    case(
        "nps/buckets-0-100",
        "nps",
        [100, 95, 90, 89, 60, 61, 0, 30],
        scale=[0, 100],
        buckets={"detractor_max": 60, "promoter_min": 90},
        check={"score": 100 * (3 - 3) / 8, "n_passives": 2},
    )
    case(
        "nps/buckets-weighted-1-5",
        "nps",
        [5, 1, 4, None],
        [3, 1, 0.5, "nan"],
        scale=[1, 5],
        buckets={"detractor_max": 2, "promoter_min": 5},
        check={"score": 100 * (3 - 1) / 4.5, "missing": 1},
    )
    # errors
    case("nps/empty", "nps", [], error="empty", note="no responses -> empty, never a score of 0")
    case("nps/empty-weighted", "nps", [], [], error="empty")
    case("nps/all-missing", "nps", [None, None, None], error="empty", note="only missing values -> empty")
    case(
        "nps/skip-all-invalid",
        "nps",
        [11, 8.5, -2],
        on_invalid="skip",
        error="empty",
        note="every row invalid and skipped -> empty",
    )
    case("nps/skip-all-weights-invalid", "nps", [10, 9], [-1, "nan"], on_invalid="skip", error="empty")
    case(
        "nps/scale-1-10-refused",
        "nps",
        [10, 9, 1, 5],
        scale=[1, 10],
        error="scale_mismatch",
        note="NPS on a non 0-10 scale needs explicit buckets",
    )
    case("nps/scale-1-5-refused", "nps", [5, 4], scale=[1, 5], error="scale_mismatch")
    case("nps/scale-0-100-refused", "nps", [100, 0], scale=[0, 100], error="scale_mismatch")
    case(
        "nps/8.5-not-integer",
        "nps",
        [10, 9, 8.5, 3],
        error="not_integer",
        index=2,
        note="non-integer on an integer scale is rejected, not bucketed or rounded",
    )
    case("nps/not-integer-first-row", "nps", [0.5, 10], error="not_integer", index=0)
    case(
        "nps/out-of-scale-index",
        "nps",
        [10, 9, 11, 12, 0],
        error="out_of_scale",
        index=2,
        note="index of the FIRST out-of-scale value",
    )
    case("nps/out-of-scale-negative", "nps", [5, 6, 7, -1], error="out_of_scale", index=3)
    case(
        "nps/out-of-scale-with-missing-before",
        "nps",
        [None, None, 10, 20],
        error="out_of_scale",
        index=3,
        note="index is the position in the scores array, missing rows included",
    )
    case("nps/not-finite-inf", "nps", [10, "inf", 9], error="not_finite", index=1)
    case("nps/not-finite-neg-inf", "nps", [10, 9, 8, "-inf"], error="not_finite", index=3)
    case("nps/negative-weight", "nps", [10, 9, 0], [1, -0.5, 1], error="invalid_weight", index=1)
    case("nps/nan-weight", "nps", [10, 9, 0], [1, 1, "nan"], error="invalid_weight", index=2)
    case("nps/inf-weight", "nps", [10, 9, 0], ["inf", 1, 1], error="invalid_weight", index=0)
    case("nps/neg-inf-weight", "nps", [10, 9, 0], [1, "-inf", 1], error="invalid_weight", index=1)
    case(
        "nps/zero-total-weight",
        "nps",
        [10, 9, 3],
        [0, 0, 0],
        error="invalid_weight",
        note="n > 0 but total weight 0 -> invalid_weight ('total weight is zero') with no index",
    )
    case(
        "nps/zero-total-weight-with-missing",
        "nps",
        [10, None],
        [0, 5],
        error="invalid_weight",
        note="the only valid row has weight 0; the missing row's weight 5 is ignored",
    )
    case("nps/length-mismatch-short", "nps", [10, 9, 3], [1, 1], error="length_mismatch")
    case("nps/length-mismatch-long", "nps", [10, 9], [1, 1, 1], error="length_mismatch")
    case("nps/length-mismatch-empty-weights", "nps", [10], [], error="length_mismatch")
    case(
        "nps/buckets-overlap",
        "nps",
        [10, 0],
        buckets={"detractor_max": 8, "promoter_min": 8},
        error="invalid_argument",
        note="need detractor_max < promoter_min",
    )
    case(
        "nps/buckets-reversed",
        "nps",
        [10, 0],
        buckets={"detractor_max": 9, "promoter_min": 7},
        error="invalid_argument",
    )
    case(
        "nps/buckets-below-min",
        "nps",
        [5, 1],
        scale=[1, 5],
        buckets={"detractor_max": 0, "promoter_min": 5},
        error="invalid_argument",
        note="detractor_max below the scale minimum",
    )
    case(
        "nps/buckets-above-max",
        "nps",
        [5, 1],
        scale=[1, 5],
        buckets={"detractor_max": 3, "promoter_min": 6},
        error="invalid_argument",
        note="promoter_min above the scale maximum",
    )
    case(
        "nps/invalid-scale-102-points",
        "nps",
        [0, 50],
        scale=[0, 101],
        buckets={"detractor_max": 60, "promoter_min": 90},
        error="invalid_scale",
        note="0..101 has 102 points (max 101)",
    )
    case(
        "nps/invalid-scale-reversed",
        "nps",
        [5],
        scale=[10, 0],
        buckets={"detractor_max": 6, "promoter_min": 9},
        error="invalid_scale",
    )
    # deliberate precedence cases (several problems)
    case(
        "nps/precedence-out-of-scale-before-not-integer",
        "nps",
        [5, 11, 8.5, "inf"],
        error="out_of_scale",
        index=1,
        note="PRECEDENCE: per-row errors in index order",
    )
    case(
        "nps/precedence-not-integer-before-out-of-scale",
        "nps",
        [5, 8.5, 11, "inf"],
        error="not_integer",
        index=1,
        note="PRECEDENCE: per-row errors in index order",
    )
    case(
        "nps/precedence-score-before-weight-same-row",
        "nps",
        [5, 11, 3],
        [1, -1, 1],
        error="out_of_scale",
        index=1,
        note="PRECEDENCE: row 1 has a bad score and a bad weight -> the score error wins",
    )
    case(
        "nps/precedence-weight-row-before-score-row",
        "nps",
        [5, 9, 11],
        [1, "nan", 1],
        error="invalid_weight",
        index=1,
        note="PRECEDENCE: row 1 bad weight comes before row 2 bad score",
    )

    # ------------------------------------------------------------------ CSAT
    s15 = [5, 4, 3, 2, 1, 5, 4, 4]
    case(
        "csat/top-box-default",
        "csat",
        s15,
        note="default scale 1-5, method top_box, threshold 4",
        check={"score": 62.5, "n": 8, "sum_weights": 8.0},
    )
    case("csat/top-box-explicit", "csat", s15, scale=[1, 5], method="top_box", threshold=4, check={"score": 62.5})
    case(
        "csat/top-box-threshold-5",
        "csat",
        s15,
        method="top_box",
        threshold=5,
        note="threshold is inclusive",
        check={"score": 25.0},
    )
    case("csat/top-box-threshold-min", "csat", s15, threshold=1, check={"score": 100.0})
    case(
        "csat/top-box-1-7-default",
        "csat",
        [7, 6, 5, 4, 1, 7],
        scale=[1, 7],
        note="default threshold = max-1 = 6",
        check={"score": 50.0},
    )
    case("csat/top-box-1-10-threshold-9", "csat", [10, 9, 8, 7, 1], scale=[1, 10], threshold=9, check={"score": 40.0})
    case(
        "csat/top-box-0-1",
        "csat",
        [1, 0, 1, 1],
        scale=[0, 1],
        threshold=1,
        note="binary scale with explicit threshold 1",
        check={"score": 75.0},
    )
    case(
        "csat/top-box-weighted",
        "csat",
        [5, 4, 3, 1],
        [1, 2, 3, 4],
        check={"score": 30.0, "sum_weights": 10.0, "n_eff": 100 / 30},
    )
    case("csat/mean", "csat", s15, method="mean", check={"score": 28 / 8})
    case("csat/mean-weighted", "csat", [5, 1, 3], [3, 1, 0], method="mean", check={"score": 4.0, "n": 3})
    case("csat/mean-1-7", "csat", [7, 1, 4, 4], scale=[1, 7], method="mean", check={"score": 4.0})
    case(
        "csat/mean-negative-scale",
        "csat",
        [-3, 3, 2, -1],
        scale=[-3, 3],
        method="mean",
        note="mean works on scales with negative min",
        check={"score": 0.25},
    )
    case(
        "csat/percent-of-max",
        "csat",
        s15,
        method="percent_of_max",
        note="100 * sum / (n * max) = 100*28/40",
        check={"score": 70.0},
    )
    case(
        "csat/percent-of-max-0-10", "csat", [10, 0, 5, 7], scale=[0, 10], method="percent_of_max", check={"score": 55.0}
    )
    case(
        "csat/percent-of-max-weighted",
        "csat",
        [5, 1],
        [3, 1],
        method="percent_of_max",
        check={"score": 100 * 16 / (4 * 5)},
    )
    case(
        "csat/percent-of-max-min-zero-ok",
        "csat",
        [0, 1, 1],
        scale=[0, 1],
        method="percent_of_max",
        note="min = 0 is allowed",
        check={"score": 200 / 3},
    )
    case(
        "csat/net-default", "csat", s15, method="net", note="share(>=4) - share(<=2) = 5/8 - 2/8", check={"score": 37.5}
    )
    case(
        "csat/net-1-7-custom",
        "csat",
        [7, 6, 5, 4, 3, 2, 1, 7],
        scale=[1, 7],
        method="net",
        threshold=6,
        bottom_threshold=3,
        check={"score": 0.0},
    )
    case("csat/net-negative", "csat", [1, 1, 2, 5], method="net", check={"score": -50.0})
    case(
        "csat/net-0-1",
        "csat",
        [0, 1, 1],
        scale=[0, 1],
        method="net",
        threshold=1,
        bottom_threshold=0,
        check={"score": 100 / 3},
    )
    case(
        "csat/net-adjacent-thresholds",
        "csat",
        [3, 2, 4, 5],
        method="net",
        threshold=3,
        bottom_threshold=2,
        note="bottom_threshold = threshold - 1 is allowed",
        check={"score": 50.0},
    )
    case(
        "csat/net-weighted",
        "csat",
        [5, 4, 2, 3],
        [0.5, 0.5, 2, 1],
        method="net",
        check={"score": 100 * (1.0 - 2.0) / 4.0},
    )
    case(
        "csat/skip-invalid",
        "csat",
        [5, 0, 6, 4.5, None, 4, 2],
        on_invalid="skip",
        note="0 and 6 out of 1-5, 4.5 not integer",
        check={"invalid": 3, "missing": 1, "n": 3, "score": 200 / 3},
    )
    case("csat/missing-excluded", "csat", [None, 5, None, 2], method="mean", check={"score": 3.5, "missing": 2})
    # errors
    case(
        "csat/percent-of-max-negative-min",
        "csat",
        [3, -3],
        scale=[-3, 3],
        method="percent_of_max",
        error="scale_mismatch",
        note="percent_of_max requires min >= 0",
    )
    case("csat/threshold-above-max", "csat", [5, 4], threshold=6, error="invalid_argument")
    case("csat/threshold-below-min", "csat", [5, 4], threshold=0, error="invalid_argument")
    case("csat/net-threshold-off-scale", "csat", [5, 4], method="net", threshold=7, error="invalid_argument")
    case("csat/net-bottom-off-scale", "csat", [5, 4], method="net", bottom_threshold=0, error="invalid_argument")
    case(
        "csat/net-bottom-equals-threshold",
        "csat",
        [5, 4],
        method="net",
        threshold=4,
        bottom_threshold=4,
        error="invalid_argument",
        note="net needs bottom_threshold < threshold",
    )
    case(
        "csat/net-bottom-above-threshold",
        "csat",
        [5, 4],
        method="net",
        threshold=3,
        bottom_threshold=4,
        error="invalid_argument",
    )
    case("csat/invalid-scale-equal", "csat", [3], scale=[3, 3], error="invalid_scale", note="max <= min")
    case("csat/invalid-scale-reversed", "csat", [3], scale=[5, 1], error="invalid_scale")
    case("csat/empty", "csat", [], method="mean", error="empty")
    case(
        "csat/out-of-scale-zero",
        "csat",
        [5, 4, 0],
        error="out_of_scale",
        index=2,
        note="0 is outside the default 1-5 scale",
    )
    case("csat/not-integer", "csat", [4.5, 5], method="mean", error="not_integer", index=0)
    case("csat/not-finite", "csat", [4, "-inf"], method="percent_of_max", error="not_finite", index=1)
    case("csat/invalid-weight", "csat", [4, 5, 1], [1, 2, -3], method="net", error="invalid_weight", index=2)
    case("csat/zero-total-weight", "csat", [4, 5], [0, 0.0], method="mean", error="invalid_weight")
    case("csat/length-mismatch", "csat", [4, 5], [1], error="length_mismatch")

    # ------------------------------------------------------------------ CES
    c17 = [7, 6, 5, 4, 3, 2, 1, 7, 6, 5]
    case(
        "ces/mean-1-7-hib",
        "ces",
        c17,
        scale=[1, 7],
        higher_is_better=True,
        note="default method mean",
        check={"score": 4.6},
    )
    case(
        "ces/percent-agree-1-7-hib",
        "ces",
        c17,
        scale=[1, 7],
        higher_is_better=True,
        method="percent_agree",
        note="default threshold 5 (beyond midpoint 4): 5-7 agree",
        check={"score": 60.0},
    )
    case(
        "ces/net-effort-1-7-hib",
        "ces",
        c17,
        scale=[1, 7],
        higher_is_better=True,
        method="net_effort",
        note="easy 5-7 minus difficult 1-3",
        check={"score": 30.0},
    )
    case(
        "ces/percent-agree-1-7-hib-threshold-6",
        "ces",
        c17,
        scale=[1, 7],
        higher_is_better=True,
        method="percent_agree",
        threshold=6,
        check={"score": 40.0},
    )
    case(
        "ces/net-effort-1-7-hib-threshold-6",
        "ces",
        c17,
        scale=[1, 7],
        higher_is_better=True,
        method="net_effort",
        threshold=6,
        note="easy 6-7 minus difficult 1-2 (mirror)",
        check={"score": 20.0},
    )
    c15 = [1, 1, 2, 3, 4, 5, 2, 1]
    case("ces/mean-1-5-lib", "ces", c15, scale=[1, 5], higher_is_better=False, method="mean", check={"score": 19 / 8})
    case(
        "ces/percent-agree-1-5-lib",
        "ces",
        c15,
        scale=[1, 5],
        higher_is_better=False,
        method="percent_agree",
        note="lower is better: default threshold 2, easy = 1-2",
        check={"score": 62.5},
    )
    case(
        "ces/net-effort-1-5-lib",
        "ces",
        c15,
        scale=[1, 5],
        higher_is_better=False,
        method="net_effort",
        note="easy 1-2 minus difficult 4-5",
        check={"score": 37.5},
    )
    case(
        "ces/net-effort-1-5-lib-threshold-1",
        "ces",
        c15,
        scale=[1, 5],
        higher_is_better=False,
        method="net_effort",
        threshold=1,
        note="easy 1 minus difficult 5",
        check={"score": 25.0},
    )
    case(
        "ces/percent-agree-1-5-hib",
        "ces",
        [5, 4, 3, 2],
        scale=[1, 5],
        higher_is_better=True,
        method="percent_agree",
        note="default threshold 4",
        check={"score": 50.0},
    )
    case(
        "ces/net-effort-1-10-hib",
        "ces",
        [10, 6, 5, 1, 8],
        scale=[1, 10],
        higher_is_better=True,
        method="net_effort",
        note="even scale: midpoint 5.5 -> easy 6-10, difficult 1-5",
        check={"score": 20.0},
    )
    case(
        "ces/net-effort-1-10-lib",
        "ces",
        [10, 6, 5, 1, 8],
        scale=[1, 10],
        higher_is_better=False,
        method="net_effort",
        note="even scale lower-is-better: easy 1-5, difficult 6-10",
        check={"score": -20.0},
    )
    case(
        "ces/percent-agree-0-1-hib",
        "ces",
        [0, 1, 1],
        scale=[0, 1],
        higher_is_better=True,
        method="percent_agree",
        check={"score": 200 / 3},
    )
    case(
        "ces/net-effort-negative-scale",
        "ces",
        [-3, -2, 0, 1, 3, 3],
        scale=[-3, 3],
        higher_is_better=True,
        method="net_effort",
        note="midpoint 0: easy 1..3, difficult -3..-1",
        check={"score": 100 * (3 - 2) / 6},
    )
    case(
        "ces/mean-weighted",
        "ces",
        [7, 1, 4],
        [1, 1, 2],
        scale=[1, 7],
        higher_is_better=True,
        check={"score": 4.0, "sum_weights": 4.0, "n_eff": 16 / 6},
    )
    case(
        "ces/percent-agree-weighted-lib",
        "ces",
        [1, 2, 5, None],
        [2, 1, 1, "nan"],
        scale=[1, 5],
        higher_is_better=False,
        method="percent_agree",
        check={"score": 75.0, "missing": 1},
    )
    case(
        "ces/net-effort-skip",
        "ces",
        [7, 8, 1, 0, 3.5, 5],
        scale=[1, 7],
        higher_is_better=True,
        method="net_effort",
        on_invalid="skip",
        check={"invalid": 3, "score": 100 / 3},
    )
    # errors
    case(
        "ces/threshold-off-scale",
        "ces",
        [5, 4],
        scale=[1, 5],
        higher_is_better=True,
        method="percent_agree",
        threshold=6,
        error="invalid_argument",
    )
    case(
        "ces/threshold-off-scale-lib",
        "ces",
        [5, 4],
        scale=[1, 5],
        higher_is_better=False,
        method="net_effort",
        threshold=0,
        error="invalid_argument",
    )
    case("ces/invalid-scale", "ces", [1], scale=[7, 1], higher_is_better=True, error="invalid_scale")
    case("ces/empty", "ces", [None], scale=[1, 7], higher_is_better=True, error="empty")
    case("ces/out-of-scale", "ces", [1, 2, 6], scale=[1, 5], higher_is_better=False, error="out_of_scale", index=2)
    case(
        "ces/not-integer",
        "ces",
        [1, 2.25],
        scale=[1, 5],
        higher_is_better=False,
        method="percent_agree",
        error="not_integer",
        index=1,
    )
    case("ces/not-finite", "ces", ["inf"], scale=[1, 7], higher_is_better=True, error="not_finite", index=0)
    case(
        "ces/invalid-weight",
        "ces",
        [1, 2],
        [1, "inf"],
        scale=[1, 7],
        higher_is_better=True,
        error="invalid_weight",
        index=1,
    )
    case("ces/length-mismatch", "ces", [1, 2], [1, 1, 1], scale=[1, 7], higher_is_better=True, error="length_mismatch")

    # ------------------------------------------------------------------ mean
    case("mean/basic-1-5", "mean", [1, 2, 3, 4, 5], scale=[1, 5], check={"score": 3.0, "std_dev": math.sqrt(2.5)})
    case(
        "mean/single-std-null",
        "mean",
        [4],
        scale=[1, 5],
        note="n == 1 -> std_dev null",
        check={"score": 4.0, "std_dev": None},
    )
    case("mean/two-values", "mean", [0, 10], scale=[0, 10], check={"score": 5.0, "std_dev": math.sqrt(50.0)})
    case("mean/constant", "mean", [3, 3, 3], scale=[1, 7], check={"score": 3.0, "std_dev": 0.0})
    case("mean/negative-scale", "mean", [-3, -3, 0, 3, 2], scale=[-3, 3], check={"score": -0.2})
    case("mean/scale-0-100", "mean", [100, 0, 50, 75], scale=[0, 100], check={"score": 56.25})
    case(
        "mean/scale-101-points-symmetric",
        "mean",
        [-50, 50, 0],
        scale=[-50, 50],
        note="-50..50 has exactly 101 points: valid",
        check={"score": 0.0, "std_dev": 50.0},
    )
    case(
        "mean/scale-101-points-1-101",
        "mean",
        [1, 101],
        scale=[1, 101],
        note="1..101 has exactly 101 points: valid",
        check={"score": 51.0},
    )
    case(
        "mean/weighted",
        "mean",
        [1, 5],
        [3, 1],
        scale=[1, 5],
        note="m = 2; var = (3*1 + 1*9)/4 * n_eff/(n_eff-1), n_eff = 16/10",
        check={"score": 2.0, "n_eff": 1.6, "std_dev": math.sqrt(3.0 * 1.6 / 0.6)},
    )
    case(
        "mean/weighted-single-row",
        "mean",
        [4],
        [2.5],
        scale=[1, 5],
        note="weighted with n_eff == 1 -> std_dev null",
        check={"std_dev": None, "n_eff": 1.0},
    )
    case(
        "mean/weighted-neff-exactly-1",
        "mean",
        [3, 5],
        [1, 0],
        scale=[1, 5],
        note="n = 2 but n_eff = 1 (second weight 0) -> std_dev null",
        check={"score": 3.0, "n": 2, "n_eff": 1.0, "std_dev": None},
    )
    case(
        "mean/weighted-equal-weights",
        "mean",
        [1, 2, 3, 4, 5],
        [2, 2, 2, 2, 2],
        scale=[1, 5],
        note="equal weights: n_eff = n, std_dev equals the unweighted ddof=1 value",
        check={"score": 3.0, "n_eff": 5.0, "sum_weights": 10.0, "std_dev": math.sqrt(2.5)},
    )
    case(
        "mean/missing-and-skip",
        "mean",
        [None, 2, 9, 4, "-inf"],
        scale=[1, 7],
        on_invalid="skip",
        check={"score": 3.0, "missing": 1, "invalid": 2, "n": 2},
    )
    case("mean/invalid-scale-102-points", "mean", [0, 1], scale=[0, 101], error="invalid_scale")
    case("mean/invalid-scale-equal", "mean", [0], scale=[0, 0], error="invalid_scale")
    case(
        "mean/invalid-scale-i32-extremes",
        "mean",
        [0],
        scale=[-2147483648, 2147483647],
        error="invalid_scale",
        note="i32::MIN..i32::MAX: far more than 101 points; the point count must not overflow",
    )
    case("mean/not-finite", "mean", [1, "inf"], scale=[1, 5], error="not_finite", index=1)
    case("mean/not-integer", "mean", [1, 2, 2.5], scale=[1, 5], error="not_integer", index=2)
    case("mean/out-of-scale", "mean", [1, -4], scale=[-3, 3], error="out_of_scale", index=1)
    case("mean/empty", "mean", [], scale=[1, 5], error="empty")
    case("mean/zero-total-weight", "mean", [1, 2], [0, 0], scale=[1, 5], error="invalid_weight")
    case("mean/invalid-weight-nan", "mean", [1, 2], ["nan", 1], scale=[1, 5], error="invalid_weight", index=0)

    # ------------------------------------------------------------------ top / bottom box
    b = [5, 4, 3, 2, 1, 5, 4, 2, 1, 1]
    case("top_box/default", "top_box", b, scale=[1, 5], note="default threshold max-1 = 4", check={"score": 40.0})
    case("top_box/threshold-5", "top_box", b, scale=[1, 5], threshold=5, check={"score": 20.0})
    case("top_box/threshold-min", "top_box", b, scale=[1, 5], threshold=1, check={"score": 100.0})
    case("top_box/0-10-threshold-9", "top_box", [10, 9, 8, 0], scale=[0, 10], threshold=9, check={"score": 50.0})
    case(
        "top_box/negative-scale",
        "top_box",
        [-3, 2, 3, 0],
        scale=[-3, 3],
        note="default threshold 2",
        check={"score": 50.0},
    )
    case(
        "top_box/weighted",
        "top_box",
        [5, 1, 4],
        [0.25, 0.5, 0.25],
        scale=[1, 5],
        check={"score": 50.0, "sum_weights": 1.0},
    )
    case("top_box/threshold-off-scale", "top_box", [5], scale=[1, 5], threshold=6, error="invalid_argument")
    case("top_box/invalid-scale", "top_box", [5], scale=[1, 1], error="invalid_scale")
    case("top_box/empty-skip", "top_box", [0, 6], scale=[1, 5], on_invalid="skip", error="empty")
    case("bottom_box/default", "bottom_box", b, scale=[1, 5], note="default threshold min+1 = 2", check={"score": 50.0})
    case("bottom_box/threshold-1", "bottom_box", b, scale=[1, 5], threshold=1, check={"score": 30.0})
    case("bottom_box/threshold-max", "bottom_box", b, scale=[1, 5], threshold=5, check={"score": 100.0})
    case("bottom_box/1-7", "bottom_box", [1, 2, 3, 7, 7], scale=[1, 7], check={"score": 40.0})
    case(
        "bottom_box/weighted-missing",
        "bottom_box",
        [1, None, 5, 2],
        [1, -1, 3, 1],
        scale=[1, 5],
        check={"score": 40.0, "missing": 1},
    )
    case("bottom_box/threshold-off-scale", "bottom_box", [5], scale=[1, 5], threshold=0, error="invalid_argument")
    case("bottom_box/out-of-scale", "bottom_box", [3, 8], scale=[1, 7], error="out_of_scale", index=1)

    # ------------------------------------------------------------------ distribution
    case(
        "distribution/basic-1-5",
        "distribution",
        [1, 2, 2, 5, 5, 5],
        scale=[1, 5],
        check={"points": [1, 2, 3, 4, 5], "counts": [1, 2, 0, 0, 3], "shares": [1 / 6, 2 / 6, 0.0, 0.0, 0.5]},
    )
    case(
        "distribution/weighted",
        "distribution",
        [1, 2, 2],
        [2, 1, 1],
        scale=[1, 3],
        note="counts unweighted, shares weighted",
        check={"counts": [1, 2, 0], "shares": [0.5, 0.5, 0.0]},
    )
    case(
        "distribution/negative-scale",
        "distribution",
        [-3, 3, 0, 0],
        scale=[-3, 3],
        check={"points": [-3, -2, -1, 0, 1, 2, 3], "counts": [1, 0, 0, 2, 0, 0, 1]},
    )
    # default boxes on 2- and 3-point scales: the single top / bottom point
    case(
        "top_box/default-0-1",
        "top_box",
        [1, 1, 0, None],
        scale=[0, 1],
        note="on 2-3 point scales the default top box is the top point alone",
        check={"score": 200 / 3},
    )
    case("bottom_box/default-1-3", "bottom_box", [1, 2, 3, 3], scale=[1, 3], check={"score": 25.0})
    case(
        "csat/net-default-1-3",
        "csat",
        [3, 3, 2, 1],
        scale=[1, 3],
        method="net",
        note="great/okay/bad: great% - bad%",
        check={"score": 25.0},
    )
    case("csat/top-box-default-0-1", "csat", [1, 0, 1, 1], scale=[0, 1], check={"score": 75.0})
    case("distribution/0-1", "distribution", [0, 1, 1, None], scale=[0, 1], check={"counts": [1, 2], "missing": 1})
    case(
        "distribution/skip",
        "distribution",
        [1, 9, 2.5, 2],
        scale=[1, 5],
        on_invalid="skip",
        check={"counts": [1, 1, 0, 0, 0], "invalid": 2},
    )
    case("distribution/empty", "distribution", [], scale=[1, 5], error="empty")
    case("distribution/out-of-scale", "distribution", [0, 11], scale=[0, 10], error="out_of_scale", index=1)
    case("distribution/length-mismatch", "distribution", [1, 2], [1], scale=[1, 5], error="length_mismatch")
    case("distribution/invalid-scale", "distribution", [1], scale=[0, 200], error="invalid_scale")
    case("distribution/invalid-weight", "distribution", [1, 2], [1, -2], scale=[1, 5], error="invalid_weight", index=1)
    case("distribution/zero-total-weight", "distribution", [1, 2], [0, 0], scale=[1, 5], error="invalid_weight")


# --------------------------------------------------------------------------
# Seeded random cases
# --------------------------------------------------------------------------

SCALES = [(0, 10), (1, 5), (1, 7), (1, 10), (0, 1), (-3, 3), (0, 100)]
SIZES = [1, 2, 3, 5, 8, 13, 21, 40, 100, 250, 500, 1000, 2000]


def _py(v):
    """numpy scalar -> plain JSON-friendly Python value (ints stay ints)."""
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.floating,)):
        return float(v)
    return v


def random_cases():
    rng = np.random.default_rng(SEED)
    counter = Counter()

    def gen(fn, lo, hi, size, *, weighted, nulls, skip):
        k = hi - lo + 1
        p = rng.dirichlet(np.full(k, 0.8))
        scores = [int(v) for v in rng.choice(np.arange(lo, hi + 1), size=size, p=p)]
        weights = [float(v) for v in rng.uniform(0.1, 3.0, size=size)] if weighted else None
        if nulls and size > 1:
            m = min(size - 1, int(rng.integers(1, max(2, size // 5) + 1)))
            for i in rng.choice(size, size=m, replace=False):
                scores[int(i)] = None
                if weights is not None and rng.random() < 0.5:
                    weights[int(i)] = ["nan", -1.0, "inf"][int(rng.integers(0, 3))]
        if skip:
            m = min(size, int(rng.integers(1, max(2, size // 10) + 1)))
            for i in rng.choice(size, size=m, replace=False):
                i = int(i)
                kind = int(rng.integers(0, 5 if weighted else 4))
                if kind == 0:
                    scores[i] = hi + int(rng.integers(1, 5))
                elif kind == 1:
                    scores[i] = lo - int(rng.integers(1, 5))
                elif kind == 2:
                    scores[i] = lo + 0.5 + int(rng.integers(0, hi - lo))  # non-integer, in range
                elif kind == 3:
                    scores[i] = ["inf", "-inf"][int(rng.integers(0, 2))]
                else:
                    if scores[i] is None:
                        scores[i] = lo
                    weights[i] = ["nan", "inf", -0.5][int(rng.integers(0, 3))]
        # guarantee at least one valid row with positive weight
        if not any(
            s is not None
            and not isinstance(s, str)
            and lo <= s <= hi
            and s == int(s)
            and (weights is None or (not isinstance(weights[j], str) and weights[j] > 0))
            for j, s in enumerate(scores)
        ):
            scores[0] = lo
            if weights is not None:
                weights[0] = 1.0
        return scores, weights

    def emit(fn, lo, hi, size, opts, tag):
        weighted = bool(rng.random() < 0.5)
        nulls = bool(rng.random() < 0.4)
        skip = bool(rng.random() < 0.3)
        scores, weights = gen(fn, lo, hi, size, weighted=weighted, nulls=nulls, skip=skip)
        counter[fn] += 1
        flags = "".join(["w" if weighted else "", "m" if nulls else "", "s" if skip else ""])
        cid = f"{fn}/random-{counter[fn]:02d}-{tag}-n{size}" + (f"-{flags}" if flags else "")
        opts = dict(opts)
        if skip:
            opts["on_invalid"] = "skip"
        note = (
            f"seeded random (default_rng({SEED})), scale {lo}..{hi}, {size} rows"
            + (", weights ~ uniform(0.1, 3)" if weighted else "")
            + (", with nulls" if nulls else "")
            + (", invalid rows skipped" if skip else "")
        )
        case(cid, fn, scores, weights, note=note, source="random", **opts)

    def size():
        return SIZES[int(rng.integers(0, len(SIZES)))]

    def scale_opt(lo, hi):
        return [lo, hi]

    def sc(lo, hi):  # scale tag for ids: -3..3 -> "m3-3"
        return f"{lo}-{hi}".replace("-", "m", 1) if lo < 0 else f"{lo}-{hi}"

    # NPS: default scale, and custom buckets on every other scale
    for sz in (1, 8, 100, 1000, 2000):
        emit("nps", 0, 10, sz, {}, "0-10")
    for lo, hi in SCALES:
        if (lo, hi) == (0, 10):
            dmax, pmin = 4, 8
        else:
            dmax = int(rng.integers(lo, hi))  # lo <= dmax < hi
            pmin = int(rng.integers(dmax + 1, hi + 1))  # dmax < pmin <= hi
        emit(
            "nps",
            lo,
            hi,
            size(),
            {"scale": scale_opt(lo, hi), "buckets": {"detractor_max": dmax, "promoter_min": pmin}},
            f"{sc(lo, hi)}-b{dmax}-{pmin}",
        )

    # CSAT: every method on several scales
    for method in CSAT_METHODS:
        for lo, hi in SCALES:
            if method == "percent_of_max" and lo < 0:
                continue
            if (lo, hi) in ((0, 100), (1, 7)) and method in ("mean", "percent_of_max"):
                continue  # keep the count moderate
            opts = {"scale": scale_opt(lo, hi), "method": method}
            if method == "top_box" and (hi - lo == 1 or rng.random() < 0.4):
                opts["threshold"] = int(rng.integers(lo + 1, hi + 1))
            if method == "net" and (hi - lo <= 2 or rng.random() < 0.4):
                t = int(rng.integers(lo + 1, hi + 1))
                opts["threshold"] = t
                opts["bottom_threshold"] = int(rng.integers(lo, t))
            if (lo, hi) == (1, 5) and method == "top_box":
                opts.pop("scale")  # exercise the default scale
            emit("csat", lo, hi, size(), opts, f"{method}-{sc(lo, hi)}")

    # CES: all methods x both polarities
    for method in CES_METHODS:
        for hib in (True, False):
            for lo, hi in ((1, 7), (1, 5), (1, 10), (-3, 3), (0, 100)):
                if method == "mean" and (lo, hi) in ((1, 10), (-3, 3)):
                    continue
                opts = {"scale": scale_opt(lo, hi), "higher_is_better": hib, "method": method}
                if method != "mean" and rng.random() < 0.35:
                    mid2 = lo + hi
                    cands = [t for t in range(lo, hi + 1) if (2 * t > mid2 if hib else 2 * t < mid2)]
                    opts["threshold"] = int(cands[int(rng.integers(0, len(cands)))])
                pol = "hib" if hib else "lib"
                emit("ces", lo, hi, size(), opts, f"{method}-{pol}-{sc(lo, hi)}")

    # generic functions
    for fn in ("mean", "top_box", "bottom_box", "distribution"):
        for lo, hi in SCALES:
            opts = {"scale": scale_opt(lo, hi)}
            if fn in ("top_box", "bottom_box") and (hi - lo == 1 or rng.random() < 0.4):
                opts["threshold"] = int(rng.integers(lo, hi + 1))
            sz = size() if fn != "mean" or (lo, hi) != (1, 5) else 2000
            emit(fn, lo, hi, sz, opts, sc(lo, hi))


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------


def provenance() -> dict:
    return {
        "generator": generator(__file__),
        **versions(np),
        "seed": SEED,
        "method": "numpy reimplementation from the formulas in the spec; not cxmetrics",
        "spec": (
            "docs/metrics/survey.md (scales, NPS, CSAT, CES, top and bottom box, mean, "
            "distribution, weights and effective sample size, pitfalls guarded); "
            "docs/conventions.md"
        ),
        "tolerance_rule": (
            "float fields: |actual - expected| <= tolerance; sum_weights and n_eff: "
            "|actual - expected| <= tolerance * max(1, |expected|); "
            "integer fields and null exact"
        ),
    }


def summary(text: str):
    by_fn = Counter(c["function"] for c in CASES)
    by_fn_ok = Counter(c["function"] for c in CASES if "expected" in c)
    by_code = Counter(c["expected_error"]["code"] for c in CASES if "expected_error" in c)
    methods = Counter()
    for c in CASES:
        if c["function"] in ("csat", "ces"):
            m = c["options"].get("method") or ("top_box" if c["function"] == "csat" else "mean")
            pol = ""
            if c["function"] == "ces":
                pol = "/hib" if c["options"]["higher_is_better"] else "/lib"
            methods[f"{c['function']}/{m}{pol}"] += 1
    feats = Counter()
    for c in CASES:
        if c["weights"] is not None:
            feats["weighted"] += 1
        if any(s is None for s in c["scores"]):
            feats["with missing (null)"] += 1
        if c["options"].get("on_invalid") == "skip":
            feats["on_invalid=skip"] += 1
        if c["options"].get("buckets"):
            feats["custom buckets"] += 1
        if "threshold" in c["options"] or "bottom_threshold" in c["options"]:
            feats["explicit threshold(s)"] += 1
        if "expected" in c and c["expected"].get("invalid", 0) > 0:
            feats["expected invalid > 0"] += 1
        if "expected_error" in c and "index" in c["expected_error"]:
            feats["error with index"] += 1
    sizes = [len(c["scores"]) for c in CASES]
    print_written(OUT, text, CASES, _SOURCE)
    print(f"python {platform.python_version()}, numpy {np.__version__}, seed {SEED}")
    print("cases per function (total / ok / error):")
    for fn in FUNCTIONS:
        print(f"  {fn:13s} {by_fn[fn]:4d} {by_fn_ok[fn]:4d} {by_fn[fn] - by_fn_ok[fn]:4d}")
    print("cases per method (csat/ces):")
    for k in sorted(methods):
        print(f"  {k:28s} {methods[k]:4d}")
    print("cases per error code:")
    for code in (
        "empty",
        "out_of_scale",
        "not_integer",
        "not_finite",
        "invalid_weight",
        "length_mismatch",
        "scale_mismatch",
        "invalid_scale",
        "invalid_argument",
        "invalid_format",
    ):
        print(f"  {code:17s} {by_code[code]:4d}")
    print("features:")
    for k in sorted(feats):
        print(f"  {k:24s} {feats[k]:4d}")
    print(f"sizes: min {min(sizes)}, max {max(sizes)}")


def main():
    hand_cases()
    random_cases()
    text = write_vectors(OUT, provenance(), CASES)
    summary(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
