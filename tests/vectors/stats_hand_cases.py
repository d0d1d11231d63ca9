"""Hand-written cases of stats.json (called by oracle_stats.py with its `case`).

Each case states its intent (an error, or literal values in `check`); the oracle in
stats_model.py must agree. The worked examples come from docs/metrics/statistics.md.
"""

from __future__ import annotations

from stats_model import LEVELS, METHODS, NET_METHODS, PROP_METHODS, estimate, nps_counts, prop_counts, survey


def lvl(level):
    return f"{round(level * 100)}"


# Fixed survey samples reused below (all valid; nulls allowed)
NPS_A = [10, 9, 9, 8, 7, 3, 10, 6, 9, 0, 8, 10, 9, 5, 7, 10, 9, 2, 10, 8]
NPS_W = [1.2, 0.8, 1.0, 2.0, 0.5, 1.5, 1.0, 0.7, 1.3, 2.2, 1.0, 0.6, 0.9, 1.1, 1.4, 0.8, 1.0, 1.6, 0.5, 1.2]
CSAT_A = [5, 4, 4, 3, 5, 2, 4, 5, 1, 4, 5, 3, 4, 4, 5, 2, 5, 4, 3, 5, 4, 5]
CSAT_W = [1.0, 0.5, 2.0, 1.5, 0.8, 1.2, 1.0, 0.9, 2.5, 1.1, 0.7, 1.3, 1.0, 0.6, 1.4, 2.0, 0.8, 1.0, 1.7, 0.9, 1.2, 0.5]
CES7_A = [7, 6, 5, 6, 2, 7, 4, 5, 6, 3, 7, 6, 1, 5, 6, 7]
CES7_W = [0.9, 1.1, 1.0, 2.0, 0.4, 1.3, 1.0, 0.8, 1.6, 1.2, 0.7, 1.0, 2.1, 0.9, 1.0, 1.5]


def hand_cases(case):
    # ====================== worked examples of docs/metrics/statistics.md
    ref = nps_counts(50, 30, 20)
    case(
        "interval/nps/ref-50-30-20-adjusted-wald",
        "interval",
        input=ref,
        options={"level": 0.95, "method": "adjusted_wald"},
        check={"lower": 14.0511, "upper": 44.2013},
        check_tol=1e-4,
        note="worked example (statistics.md): adjusted-Wald 95% = [0.140511, 0.442013]",
    )
    case(
        "interval/nps/ref-50-30-20-default",
        "interval",
        input=ref,
        check={"lower": 14.0511, "upper": 44.2013, "method": "adjusted_wald", "level": 0.95},
        check_tol=1e-4,
        note="default level 0.95 and default method adjusted_wald",
    )
    case(
        "interval/nps/ref-50-30-20-wald",
        "interval",
        input=ref,
        options={"level": 0.95, "method": "wald"},
        check={"lower": 14.6922, "upper": 45.3078},
        check_tol=1e-4,
        note="worked example (statistics.md): Wald 95% = [0.146922, 0.453078]",
    )
    rp = prop_counts(70, 100)
    case(
        "interval/proportion/ref-70-100-wilson",
        "interval",
        input=rp,
        options={"method": "wilson"},
        check={"lower": 60.4151, "upper": 78.1051},
        check_tol=1e-4,
        note="worked example (statistics.md): Wilson = [0.604151, 0.781051]",
    )
    case(
        "interval/proportion/ref-70-100-default",
        "interval",
        input=rp,
        check={"lower": 60.4151, "upper": 78.1051, "method": "wilson"},
        check_tol=1e-4,
        note="default method wilson",
    )
    case(
        "interval/proportion/ref-70-100-wald",
        "interval",
        input=rp,
        options={"method": "wald"},
        check={"lower": 61.0183, "upper": 78.9817},
        check_tol=1e-4,
        note="worked example (statistics.md): Wald = [0.610183, 0.789817]",
    )
    case(
        "interval/proportion/ref-70-100-agresti-coull",
        "interval",
        input=rp,
        options={"method": "agresti_coull"},
        check={"lower": 60.3854, "upper": 78.1349},
        check_tol=1e-4,
        note="worked example (statistics.md): Agresti-Coull = [0.603854, 0.781349]",
    )
    case(
        "compare/nps/ref-wald",
        "compare",
        a=ref,
        b=nps_counts(40, 30, 30),
        options={"method": "wald"},
        check={"statistic": 1.754116, "p_value": 0.079411, "difference": 20.0},
        check_tol=1e-6,
        note="worked example (statistics.md): Wald z = 1.754116, p = 0.079411",
    )
    case(
        "compare/nps/ref-adjusted-wald",
        "compare",
        a=ref,
        b=nps_counts(40, 30, 30),
        options={"method": "adjusted_wald"},
        check={"statistic": 1.732324, "p_value": 0.083216, "difference": 20.0},
        check_tol=1e-6,
        note="worked example (statistics.md): adjusted-Wald z = 1.732324, p = 0.083216; difference is the raw "
        "NPS difference, the interval is centred on the adjusted difference",
    )
    case(
        "compare/nps/ref-default",
        "compare",
        a=ref,
        b=nps_counts(40, 30, 30),
        check={"statistic": 1.732324, "p_value": 0.083216, "method": "adjusted_wald"},
        check_tol=1e-6,
        note="default method adjusted_wald",
    )
    case(
        "compare/nps/ref-reversed",
        "compare",
        a=nps_counts(40, 30, 30),
        b=ref,
        options={"method": "wald"},
        check={"statistic": -1.754116, "difference": -20.0},
        check_tol=1e-6,
        note="signed a - b",
    )
    case(
        "sample_size_nps/ref-5",
        "sample_size_nps",
        args={"margin": 5},
        check={"n": 1534},
        note="worked example (statistics.md, sample sizes): z²/0.05² - 3 = 1533.6 -> 1534",
    )
    case(
        "sample_size_nps/ref-5-var-0.61",
        "sample_size_nps",
        args={"margin": 5, "variance": 0.61},
        check={"n": 935},
        note="worked example (statistics.md, sample sizes)",
    )
    case(
        "sample_size_nps/ref-10-var-0.61",
        "sample_size_nps",
        args={"margin": 10, "variance": 0.61},
        check={"n": 232},
        note="worked example (statistics.md, sample sizes)",
    )
    case(
        "margin_of_error/nps/ref-50-30-20",
        "margin_of_error",
        input=ref,
        check={"margin": 100 * 1.959964 * 0.076915},
        check_tol=1e-3,
        note="adjusted-Wald half-width before clamping: 100·z·SE' (SE' = 0.076915)",
    )

    # ============================================================ NPS intervals (counts)
    for level in LEVELS:
        for m in NET_METHODS:
            if level == 0.95:
                continue  # the worked examples above
            case(
                f"interval/nps/50-30-20-{m.replace('_', '-')}-{lvl(level)}",
                "interval",
                input=ref,
                options={"level": level, "method": m},
            )
    edges = [
        ("n1-promoter", (1, 0, 0), "n = 1, a single promoter"),
        ("n1-detractor", (0, 0, 1), "n = 1, a single detractor"),
        ("n1-passive", (0, 1, 0), "n = 1, a single passive"),
        ("all-promoters", (25, 0, 0), "all one category: Wald has zero width at +100"),
        ("all-detractors", (0, 0, 12), "all one category at -100"),
        ("all-passives", (0, 40, 0), "all passives: Wald [0, 0]"),
        ("clamp-9-0-1", (9, 0, 1), "Wald upper > 100 -> clamped to 100"),
        ("clamp-1-0-9", (1, 0, 9), "Wald lower < -100 -> clamped to -100"),
        ("clamp-2-0-0", (2, 0, 0), "adjusted Wald upper > 100 -> clamped"),
        ("no-passives-30-0-30", (30, 0, 30), "p = d = 0.5, maximal variance"),
        ("large-5200-2800-2000", (5200, 2800, 2000), "large n"),
    ]
    for tag, (P, A, D), note in edges:
        for m in NET_METHODS:
            case(
                f"interval/nps/{tag}-{m.replace('_', '-')}",
                "interval",
                input=nps_counts(P, A, D),
                options={"method": m},
                note=note,
            )

    # ============================================================ proportion intervals (counts)
    for level in LEVELS:
        for m in PROP_METHODS:
            if level == 0.95 and m in ("wilson", "wald", "agresti_coull"):
                continue
            case(
                f"interval/proportion/70-100-{m.replace('_', '-')}-{lvl(level)}",
                "interval",
                input=rp,
                options={"level": level, "method": m},
            )
    pedges = [
        ("x0-n20", (0, 20), "x = 0"),
        ("x20-n20", (20, 20), "x = n"),
        ("x0-n1", (0, 1), "n = 1, x = 0"),
        ("x1-n1", (1, 1), "n = 1, x = 1"),
        ("x1-n10", (1, 10), "small x: Wald lower < 0 -> clamped to 0"),
        ("x9-n10", (9, 10), "Wald upper > 100 -> clamped to 100"),
        ("x3-n7", (3, 7), "small n"),
        ("x4321-n10000", (4321, 10000), "large n"),
    ]
    for tag, (x, n), note in pedges:
        for m in PROP_METHODS:
            extra = ""
            if m == "jeffreys" and x in (0, n):
                extra = (
                    "; statsmodels does NOT pin Jeffreys to 0 at x = 0 / 1 at x = n: "
                    "the bound is the Beta(x+1/2, n-x+1/2) quantile"
                )
            case(
                f"interval/proportion/{tag}-{m.replace('_', '-')}",
                "interval",
                input=prop_counts(x, n),
                options={"method": m},
                note=note + extra,
            )

    # ============================================================ survey inputs
    surveys = {
        "nps": survey("nps", NPS_A),
        "nps-weighted": survey("nps", NPS_A, NPS_W),
        "nps-nulls": survey("nps", [10, None, 9, 3, None, 8, 7, 10, 0, 9]),
        "csat-net": survey("csat", CSAT_A, method="net"),
        "csat-net-weighted": survey("csat", CSAT_A, CSAT_W, method="net"),
        "ces-net-effort": survey("ces", CES7_A, scale=[1, 7], higher_is_better=True, method="net_effort"),
        "ces-net-effort-weighted": survey(
            "ces", CES7_A, CES7_W, scale=[1, 7], higher_is_better=True, method="net_effort"
        ),
        "top-box": survey("top_box", CSAT_A, scale=[1, 5]),
        "top-box-weighted": survey("top_box", CSAT_A, CSAT_W, scale=[1, 5]),
        "bottom-box-weighted": survey("bottom_box", CSAT_A, CSAT_W, scale=[1, 5]),
        "csat-top-box": survey("csat", CSAT_A),
        "csat-top-box-weighted": survey("csat", CSAT_A, CSAT_W),
        "ces-percent-agree": survey("ces", CES7_A, scale=[1, 7], higher_is_better=True, method="percent_agree"),
        "ces-percent-agree-weighted": survey(
            "ces", CES7_A, CES7_W, scale=[1, 7], higher_is_better=True, method="percent_agree"
        ),
        "mean": survey("mean", CSAT_A, scale=[1, 5]),
        "mean-weighted": survey("mean", CSAT_A, CSAT_W, scale=[1, 5]),
        "csat-mean": survey("csat", CSAT_A, method="mean"),
        "csat-mean-weighted": survey("csat", CSAT_A, CSAT_W, method="mean"),
        "csat-percent-of-max": survey("csat", CSAT_A, method="percent_of_max"),
        "csat-percent-of-max-weighted": survey("csat", CSAT_A, CSAT_W, method="percent_of_max"),
        "ces-mean": survey("ces", CES7_A, scale=[1, 7], higher_is_better=True),
        "ces-mean-weighted": survey("ces", CES7_A, CES7_W, scale=[1, 7], higher_is_better=True),
        "ces-mean-lib-1-5": survey("ces", [1, 2, 2, 3, 1, 5, 2, 1, 4, 2], scale=[1, 5], higher_is_better=False),
    }
    kinds = {}
    for tag, inp in surveys.items():
        e = estimate(inp)
        kinds[tag] = e.kind
        wnote = "weighted: n := Kish n_eff, shares/mean/sd weighted" if inp["weights"] else None
        for m in METHODS[e.kind]:
            case(
                f"interval/survey/{tag}-{m.replace('_', '-')}", "interval", input=inp, options={"method": m}, note=wnote
            )
        for level in (0.8, 0.9, 0.99):
            case(
                f"interval/survey/{tag}-default-{lvl(level)}",
                "interval",
                input=inp,
                options={"level": level},
                note=wnote,
            )
    # special survey edges
    case(
        "interval/survey/mean-zero-variance",
        "interval",
        input=survey("mean", [4, 4, 4, 4], scale=[1, 5]),
        check={"lower": 4.0, "upper": 4.0},
        note="sd = 0: zero-width interval at the mean",
    )
    case(
        "interval/survey/csat-mean-zero-variance-weighted",
        "interval",
        input=survey("csat", [3, 3, 3], [1, 2, 3], method="mean"),
        check={"lower": 3.0, "upper": 3.0},
    )
    case(
        "interval/survey/mean-clamp-upper",
        "interval",
        input=survey("mean", [5, 5, 5, 1], scale=[1, 5]),
        check={"upper": 5.0, "lower": 1.0},
        note="4 ± t3·1 -> [0.82, 7.18] clamped to the scale [1, 5]",
    )
    case(
        "interval/survey/mean-n2",
        "interval",
        input=survey("mean", [1, 2], scale=[1, 5]),
        note="n = 2, df = 1; clamped to the scale",
    )
    case(
        "interval/survey/csat-percent-of-max-clamp",
        "interval",
        input=survey("csat", [5, 5, 4], method="percent_of_max"),
        check={"upper": 100.0},
        note="percent_of_max bounds are [100·min/max, 100] = [20, 100]",
    )
    case(
        "interval/survey/percent-of-max-0-10",
        "interval",
        input=survey("csat", [0, 10, 7, 8, 9, 3, 6], scale=[0, 10], method="percent_of_max"),
        note="0-10 scale: factor 100/10, bounds [0, 100]",
    )
    case(
        "interval/survey/nps-n1",
        "interval",
        input=survey("nps", [10]),
        note="n = 1 NPS survey: adjusted Wald still defined",
    )
    case(
        "interval/survey/nps-n1-wald",
        "interval",
        input=survey("nps", [10]),
        options={"method": "wald"},
        check={"lower": 100.0, "upper": 100.0},
    )
    case(
        "interval/survey/top-box-all-top-wilson",
        "interval",
        input=survey("top_box", [5, 4, 5], scale=[1, 5]),
        check={"upper": 100.0},
        note="x = n",
    )
    case(
        "interval/survey/top-box-none-clopper-pearson",
        "interval",
        input=survey("top_box", [1, 2, 3], scale=[1, 5]),
        options={"method": "clopper_pearson"},
        check={"lower": 0.0},
        note="x = 0: Clopper-Pearson lower = 0",
    )
    case(
        "interval/survey/top-box-weighted-all-top-clopper-pearson",
        "interval",
        input=survey("top_box", [5, 4, 5], [1, 2, 0.5], scale=[1, 5]),
        options={"method": "clopper_pearson"},
        check={"upper": 100.0},
        note="weighted, p = 1: x = n_eff (non-integer), upper = 100",
    )
    case(
        "interval/survey/top-box-weighted-skewed-jeffreys-90",
        "interval",
        input=survey("top_box", [5, 1, 4, 2, 3, 5, 1], [0.3, 1.7, 1.0, 2.2, 0.5, 1.1, 0.9], scale=[1, 5]),
        options={"method": "jeffreys", "level": 0.9},
        note="weighted: x = p·n_eff is non-integer; Beta(x+1/2, n_eff-x+1/2)",
    )
    case(
        "interval/survey/nps-weighted-nulls",
        "interval",
        input=survey("nps", [10, None, 9, 3, 8, None, 0, 10], [1, "nan", 2, 0.5, 1, -1, 1.5, 0.8]),
        options={"method": "wald", "level": 0.9},
        note="weights of null rows are ignored (as in survey.json)",
    )
    case(
        "interval/survey/mean-weighted-zero-weight-row",
        "interval",
        input=survey("mean", [1, 5, 3, 4], [1, 0, 2, 1], scale=[1, 5]),
        note="a zero weight row counts in n but not in n_eff",
    )

    # ============================================================ margin of error
    moe_inputs = [
        ("nps-50-30-20", ref),
        ("nps-2-0-0", nps_counts(2, 0, 0)),
        ("proportion-70-100", rp),
        ("proportion-0-20", prop_counts(0, 20)),
        ("proportion-1-1", prop_counts(1, 1)),
        ("survey-nps-weighted", surveys["nps-weighted"]),
        ("survey-csat-net", surveys["csat-net"]),
        ("survey-ces-net-effort-weighted", surveys["ces-net-effort-weighted"]),
        ("survey-top-box-weighted", surveys["top-box-weighted"]),
        ("survey-ces-percent-agree", surveys["ces-percent-agree"]),
        ("survey-mean", surveys["mean"]),
        ("survey-mean-weighted", surveys["mean-weighted"]),
        ("survey-csat-mean", surveys["csat-mean"]),
        ("survey-csat-percent-of-max", surveys["csat-percent-of-max"]),
        ("survey-ces-mean-weighted", surveys["ces-mean-weighted"]),
        ("survey-mean-clamp", survey("mean", [5, 5, 5, 1], scale=[1, 5])),
    ]
    for tag, inp in moe_inputs:
        case(
            f"margin_of_error/{tag}",
            "margin_of_error",
            input=inp,
            note="half-width of the default interval before clamping" if "clamp" in tag or tag == "nps-2-0-0" else None,
        )
    for level in (0.8, 0.9, 0.99):
        case(f"margin_of_error/nps-50-30-20-{lvl(level)}", "margin_of_error", input=ref, options={"level": level})
        case(f"margin_of_error/proportion-70-100-{lvl(level)}", "margin_of_error", input=rp, options={"level": level})
        case(
            f"margin_of_error/survey-ces-mean-{lvl(level)}",
            "margin_of_error",
            input=surveys["ces-mean"],
            options={"level": level},
        )
    case(
        "margin_of_error/survey-mean-zero-variance",
        "margin_of_error",
        input=survey("mean", [4, 4, 4], scale=[1, 5]),
        check={"margin": 0.0},
    )

    # ============================================================ comparisons
    for level in LEVELS:
        for m in ("adjusted_wald", "wald"):
            if level == 0.95:
                continue
            case(
                f"compare/nps/ref-{m.replace('_', '-')}-{lvl(level)}",
                "compare",
                a=ref,
                b=nps_counts(40, 30, 30),
                options={"method": m, "level": level},
            )
    case(
        "compare/nps/extremes-adjusted-wald",
        "compare",
        a=nps_counts(3, 0, 0),
        b=nps_counts(0, 0, 3),
        check={"difference": 200.0},
        note="the reported difference is the raw 200, the interval is centred on the adjusted "
        "difference and does not contain it",
    )
    case(
        "compare/nps/clamp-wald",
        "compare",
        a=nps_counts(9, 0, 1),
        b=nps_counts(1, 0, 9),
        options={"method": "wald"},
        check={"upper": 200.0},
        note="100·(1.6 + z·0.268) > 200 -> clamped to 200",
    )
    case(
        "compare/nps/extremes-wald-one-zero-variance",
        "compare",
        a=nps_counts(20, 0, 0),
        b=nps_counts(5, 5, 10),
        options={"method": "wald"},
        note="group a has zero Wald variance; se comes from b",
    )
    case(
        "compare/nps/counts-vs-survey",
        "compare",
        a=ref,
        b=surveys["nps"],
        options={"method": "adjusted_wald"},
        note="counts and raw scores are both net estimates",
    )
    case(
        "compare/nps/survey-weighted-vs-survey",
        "compare",
        a=surveys["nps-weighted"],
        b=surveys["nps"],
        options={"method": "wald"},
        note="weighted group: n := n_eff",
    )
    case("compare/nps/survey-weighted-vs-survey-adjusted", "compare", a=surveys["nps-weighted"], b=surveys["nps"])
    case(
        "compare/net/csat-net-weighted-vs-unweighted",
        "compare",
        a=surveys["csat-net-weighted"],
        b=surveys["csat-net"],
        options={"method": "wald", "level": 0.9},
    )
    case(
        "compare/net/ces-net-effort",
        "compare",
        a=surveys["ces-net-effort"],
        b=surveys["ces-net-effort-weighted"],
        options={"level": 0.8},
    )
    case(
        "compare/nps/large",
        "compare",
        a=nps_counts(5200, 2800, 2000),
        b=nps_counts(4800, 3000, 2200),
        options={"method": "wald"},
    )
    case(
        "compare/nps/equal",
        "compare",
        a=nps_counts(10, 5, 5),
        b=nps_counts(10, 5, 5),
        check={"statistic": 0.0, "p_value": 1.0, "difference": 0.0},
    )

    # proportions: pooled z + Newcombe
    for level in LEVELS:
        case(
            f"compare/proportion/70-100-vs-50-100-{lvl(level)}",
            "compare",
            a=rp,
            b=prop_counts(50, 100),
            options={"level": level},
            note="pooled z; Newcombe hybrid score interval (statsmodels method='newcomb')",
        )
    case("compare/proportion/explicit-method", "compare", a=rp, b=prop_counts(50, 100), options={"method": "pooled_z"})
    case("compare/proportion/unequal-n", "compare", a=prop_counts(12, 40), b=prop_counts(130, 250))
    case(
        "compare/proportion/both-zero",
        "compare",
        a=prop_counts(0, 15),
        b=prop_counts(0, 30),
        check={"statistic": 0.0, "p_value": 1.0, "difference": 0.0},
        note="pooled p = 0: z = 0 and p = 1 by spec (statsmodels gives NaN); Newcombe still defined",
    )
    case(
        "compare/proportion/both-all",
        "compare",
        a=prop_counts(15, 15),
        b=prop_counts(30, 30),
        check={"statistic": 0.0, "p_value": 1.0},
        note="pooled p = 1",
    )
    case(
        "compare/proportion/zero-vs-all",
        "compare",
        a=prop_counts(0, 10),
        b=prop_counts(10, 10),
        note="largest possible difference at small n",
    )
    case("compare/proportion/n1", "compare", a=prop_counts(1, 1), b=prop_counts(0, 1))
    case(
        "compare/proportion/top-box-weighted",
        "compare",
        a=surveys["top-box-weighted"],
        b=surveys["top-box"],
        note="weighted: x = p·n_eff (non-integer)",
    )
    case(
        "compare/proportion/csat-vs-ces",
        "compare",
        a=surveys["csat-top-box"],
        b=surveys["ces-percent-agree-weighted"],
        options={"level": 0.9},
        note="any two proportion estimates can be compared",
    )
    case("compare/proportion/counts-vs-survey", "compare", a=prop_counts(9, 20), b=surveys["bottom-box-weighted"])

    # proportions: wald, agresti_caffo, score (Miettinen-Nurminen), from statsmodels.
    # 7/34 vs 1/34: published values quoted in statsmodels' test_proportion.py. R PropCIs
    # wald2ci(7, 34, 1, 34, 0.95, adjust="Wald") = 0.02916942, 0.32377176; adjust="AC" =
    # 0.01161167, 0.32172166; diffscoreci(7, 34, 1, 34, 0.95) = 0.0270416, 0.3452912
    # (statsmodels itself is 0.002 off there: its issue #10269); Fagerland, Lydersen &
    # Laake (2015): Newcombe 0.019 to 0.34
    f7, f1 = prop_counts(7, 34), prop_counts(1, 34)
    case(
        "compare/proportion/propcis-7-34-vs-1-34-wald",
        "compare",
        a=f7,
        b=f1,
        options={"method": "wald"},
        check={"lower": 2.916942, "upper": 32.377176},
        check_tol=6e-5,
        note="R PropCIs wald2ci(adjust='Wald')",
    )
    case(
        "compare/proportion/propcis-7-34-vs-1-34-agresti-caffo",
        "compare",
        a=f7,
        b=f1,
        options={"method": "agresti_caffo"},
        check={"lower": 1.161167, "upper": 32.172166},
        check_tol=6e-5,
        note="R PropCIs wald2ci(adjust='AC')",
    )
    case(
        "compare/proportion/propcis-7-34-vs-1-34-score",
        "compare",
        a=f7,
        b=f1,
        options={"method": "score"},
        check={"lower": 2.70416, "upper": 34.52912},
        check_tol=6e-5,
        note="R PropCIs diffscoreci (Miettinen-Nurminen)",
    )
    case(
        "compare/proportion/fagerland-7-34-vs-1-34-pooled-z",
        "compare",
        a=f7,
        b=f1,
        check={"lower": 1.9, "upper": 34.0},
        check_tol=0.05,
        note="Fagerland et al. (2015) Newcombe hybrid score 0.019 to 0.34",
    )
    for m in ("wald", "agresti_caffo", "score"):
        t = m.replace("_", "-")
        for level in LEVELS:
            case(
                f"compare/proportion/70-100-vs-50-100-{t}-{lvl(level)}",
                "compare",
                a=rp,
                b=prop_counts(50, 100),
                options={"level": level, "method": m},
            )
        case(
            f"compare/proportion/unequal-n-{t}",
            "compare",
            a=prop_counts(12, 40),
            b=prop_counts(130, 250),
            options={"method": m},
        )
        case(
            f"compare/proportion/zero-vs-some-{t}",
            "compare",
            a=prop_counts(0, 20),
            b=prop_counts(3, 25),
            options={"method": m},
        )
        case(
            f"compare/proportion/all-vs-most-{t}",
            "compare",
            a=prop_counts(40, 40),
            b=prop_counts(30, 35),
            options={"method": m, "level": 0.99},
        )
        case(
            f"compare/proportion/top-box-weighted-{t}",
            "compare",
            a=surveys["top-box-weighted"],
            b=surveys["top-box"],
            options={"method": m},
            note="weighted: x = p·n_eff (non-integer)",
        )
    for m in ("wald", "score"):
        t = m.replace("_", "-")
        case(
            f"compare/proportion/both-zero-{t}",
            "compare",
            a=prop_counts(0, 15),
            b=prop_counts(0, 30),
            options={"method": m},
            check={"statistic": 0.0, "p_value": 1.0, "difference": 0.0},
            note="zero variance, zero difference: z = 0 and p = 1 by spec (statsmodels gives NaN)",
        )
        case(
            f"compare/proportion/both-all-{t}",
            "compare",
            a=prop_counts(15, 15),
            b=prop_counts(30, 30),
            options={"method": m},
            check={"statistic": 0.0, "p_value": 1.0},
        )
    case(
        "compare/proportion/both-zero-agresti-caffo",
        "compare",
        a=prop_counts(0, 15),
        b=prop_counts(0, 30),
        options={"method": "agresti_caffo"},
        note="the adjusted shares 1/17 and 1/32 differ: statistic > 0",
    )
    case(
        "compare/proportion/zero-vs-all-score",
        "compare",
        a=prop_counts(0, 10),
        b=prop_counts(10, 10),
        options={"method": "score"},
        check={"lower": -100.0},
        note="difference -1: the lower score limit is -1",
    )
    case(
        "compare/proportion/zero-vs-all-agresti-caffo",
        "compare",
        a=prop_counts(0, 10),
        b=prop_counts(10, 10),
        options={"method": "agresti_caffo"},
    )
    case(
        "compare/proportion/n1-score",
        "compare",
        a=prop_counts(1, 1),
        b=prop_counts(0, 1),
        options={"method": "score"},
        check={"upper": 100.0},
    )
    case(
        "compare/proportion/n1-agresti-caffo",
        "compare",
        a=prop_counts(1, 1),
        b=prop_counts(0, 1),
        options={"method": "agresti_caffo"},
    )

    # means: Welch
    mean_b = survey("mean", [3, 4, 2, 5, 4, 3, 3, 4, 1, 2, 3, 4], scale=[1, 5])
    for level in LEVELS:
        case(
            f"compare/mean/welch-{lvl(level)}",
            "compare",
            a=surveys["mean"],
            b=mean_b,
            options={"level": level},
            note="Welch t, Welch-Satterthwaite df (reported)",
        )
    case("compare/mean/explicit-method", "compare", a=surveys["mean"], b=mean_b, options={"method": "welch"})
    case(
        "compare/mean/weighted",
        "compare",
        a=surveys["mean-weighted"],
        b=mean_b,
        note="weighted: n := n_eff, sd Kish-weighted; df from n_eff",
    )
    case("compare/mean/csat-mean", "compare", a=surveys["csat-mean"], b=surveys["csat-mean-weighted"])
    case(
        "compare/mean/csat-percent-of-max",
        "compare",
        a=surveys["csat-percent-of-max"],
        b=survey("csat", [5, 5, 4, 3, 5, 4, 2, 5], method="percent_of_max"),
        note="percent_of_max: means and sds scaled by 100/max before the test",
    )
    case(
        "compare/mean/ces-mean",
        "compare",
        a=surveys["ces-mean"],
        b=surveys["ces-mean-weighted"],
        options={"level": 0.99},
    )
    case(
        "compare/mean/one-zero-variance",
        "compare",
        a=survey("mean", [4, 4, 4, 4, 4], scale=[1, 5]),
        b=mean_b,
        note="one group with sd = 0: df = n_b - 1",
    )

    # ============================================================ paired NPS
    before = [6, 7, 9, 10, 3, 8, 8, 5, 9, 7, 10, 2, 6, 8, 9]
    after = [9, 8, 9, 10, 6, 9, 7, 8, 10, 9, 10, 5, 7, 9, 9]
    for level in LEVELS:
        case(
            f"paired_nps/basic-{lvl(level)}",
            "paired_nps",
            before=before,
            after=after,
            options={"level": level} if level != 0.95 else {},
            note="scipy.stats.ttest_rel(after_codes, before_codes); difference = NPS_after - NPS_before",
        )
    case("paired_nps/reversed", "paired_nps", before=after, after=before, note="sign: after - before")
    case(
        "paired_nps/missing-pairs",
        "paired_nps",
        before=[10, None, 6, 7, 9, 0, 8, None, 3, 9],
        after=[9, 10, None, 9, 9, 6, 10, None, 8, 10],
        check={"n": 7, "missing": 3},
        note="a pair with any missing side is dropped and counted",
    )
    case(
        "paired_nps/all-unchanged",
        "paired_nps",
        before=[10, 7, 3, 9],
        after=[9, 8, 0, 10],
        check={"difference": 0.0, "statistic": 0.0, "p_value": 1.0, "lower": 0.0, "upper": 0.0},
        note="every code unchanged (d = 0, s = 0): spec pins statistic 0, p 1, interval [0, 0] "
        "(scipy ttest_rel returns NaN)",
    )
    case("paired_nps/n2", "paired_nps", before=[6, 9], after=[9, 9], check={"n": 2}, note="smallest valid n")
    case(
        "paired_nps/clamp",
        "paired_nps",
        before=[0, 0, 10],
        after=[10, 10, 0],
        check={"lower": -200.0, "upper": 200.0},
        note="interval clamped to [-200, 200]",
    )
    case(
        "paired_nps/larger",
        "paired_nps",
        before=[(i * 7) % 11 for i in range(60)],
        after=[(i * 5 + 3) % 11 for i in range(60)],
    )

    # ============================================================ planning
    for m in (1, 2, 3, 7.5, 10):
        for level in (0.9, 0.95, 0.99):
            case(
                f"sample_size_nps/margin-{m}-{lvl(level)}",
                "sample_size_nps",
                args={"margin": m, "level": level} if level != 0.95 else {"margin": m},
            )
    case("sample_size_nps/variance-0.3", "sample_size_nps", args={"margin": 4, "variance": 0.3})
    case(
        "sample_size_nps/at-least-1",
        "sample_size_nps",
        args={"margin": 90, "variance": 0.01, "level": 0.8},
        check={"n": 1},
        note="z²·var/m² - 3 < 1 -> at least 1",
    )
    case(
        "sample_size_nps/variance-1-explicit", "sample_size_nps", args={"margin": 5, "variance": 1.0}, check={"n": 1534}
    )
    for m, p, level in ((5, None, 0.95), (3, None, 0.95), (5, 20, 0.95), (2, 90, 0.99), (10, 50, 0.8), (1, 35, 0.9)):
        args = {"margin": m}
        if p is not None:
            args["p"] = p
        if level != 0.95:
            args["level"] = level
        case(
            f"sample_size_proportion/margin-{m}-p{p or 50}-{lvl(level)}",
            "sample_size_proportion",
            args=args,
            note="statsmodels samplesize_confint_proportion; p in percent",
        )
    for m, sd, level in ((0.1, 1.0, 0.95), (0.25, 1.2, 0.9), (0.05, 0.8, 0.99), (1, 15, 0.95), (0.3, 2.5, 0.8)):
        args = {"margin": m, "sd": sd}
        if level != 0.95:
            args["level"] = level
        case(f"sample_size_mean/margin-{m}-sd{sd}-{lvl(level)}", "sample_size_mean", args=args)
    for dd, var, level, power in (
        (10, None, 0.95, None),
        (5, 0.61, 0.95, None),
        (15, 0.5, 0.9, 0.9),
        (20, None, 0.99, 0.95),
        (8, 0.7, 0.8, 0.5),
    ):
        args = {"difference": dd}
        if var is not None:
            args["variance"] = var
        if level != 0.95:
            args["level"] = level
        if power is not None:
            args["power"] = power
        case(
            f"sample_size_nps_difference/d{dd}-v{var or 1}-{lvl(level)}-pw{power or 0.8}",
            "sample_size_nps_difference",
            args=args,
            note="per group: 2·variance·(z_{1-α/2} + z_power)²/(d/100)² - 3 (statsmodels normal_sample_size_one_tail)",
        )
    for p1, p2, level, power in (
        (50, 60, 0.95, None),
        (70, 65, 0.95, None),
        (10, 20, 0.9, 0.9),
        (85, 80, 0.99, 0.95),
        (30, 31.5, 0.95, 0.8),
        (95, 5, 0.8, 0.5),
    ):
        args = {"p1": p1, "p2": p2}
        if level != 0.95:
            args["level"] = level
        if power is not None:
            args["power"] = power
        case(
            f"sample_size_proportion_difference/{p1}-{p2}-{lvl(level)}-pw{power or 0.8}",
            "sample_size_proportion_difference",
            args=args,
            note="statsmodels samplesize_proportions_2indep_onetail (two-sided alpha)",
        )

    # ============================================================ p-value adjustment
    adj_lists = [
        ("basic", [0.01, 0.04, 0.03, 0.005]),
        ("unsorted", [0.2, 0.001, 0.05, 0.012, 0.9, 0.03]),
        ("ties", [0.02, 0.02, 0.01, 0.04, 0.04, 0.04]),
        ("zero-and-one", [0.0, 1.0, 0.5, 0.01]),
        ("all-zero", [0.0, 0.0, 0.0]),
        ("all-one", [1.0, 1.0]),
        ("single", [0.03]),
        ("cap-at-one", [0.6, 0.7, 0.8, 0.45]),
        ("many", [round(0.001 * (i * i % 97 + 1), 6) for i in range(25)]),
        ("empty", []),
    ]
    for tag, ps in adj_lists:
        for m in ("holm", "bh"):
            chk = {"p_values": []} if tag == "empty" else None
            case(
                f"adjust_p_values/{m}-{tag}",
                "adjust_p_values",
                args={"p_values": ps, "method": m},
                check=chk,
                note="empty list -> empty list (not an error)" if tag == "empty" else None,
            )
    case(
        "adjust_p_values/holm-literal",
        "adjust_p_values",
        args={"p_values": [0.01, 0.04, 0.03, 0.005], "method": "holm"},
        check={"p_values": [0.03, 0.06, 0.06, 0.02]},
        note="sorted 0.005·4, 0.01·3, 0.03·2, 0.04·1 -> monotone 0.02, 0.03, 0.06, 0.06",
    )
    case(
        "adjust_p_values/bh-literal",
        "adjust_p_values",
        args={"p_values": [0.01, 0.04, 0.03, 0.005], "method": "bh"},
        check={"p_values": [0.02, 0.04, 0.04, 0.02]},
    )

    # ============================================================ errors
    for tag, level in (("0", 0), ("1", 1), ("1.5", 1.5), ("nan", "nan"), ("negative", -0.5), ("inf", "inf")):
        case(f"errors/interval-level-{tag}", "interval", input=ref, options={"level": level}, error="invalid_argument")
    case("errors/interval-level-0-proportion", "interval", input=rp, options={"level": 0.0}, error="invalid_argument")
    case(
        "errors/interval-level-1-mean",
        "interval",
        input=surveys["mean"],
        options={"level": 1.0},
        error="invalid_argument",
    )
    for tag, inp, m in (
        ("wilson-on-nps", ref, "wilson"),
        ("clopper-pearson-on-csat-net", surveys["csat-net"], "clopper_pearson"),
        ("t-on-nps", ref, "t"),
        ("adjusted-wald-on-proportion", rp, "adjusted_wald"),
        ("t-on-top-box", surveys["top-box"], "t"),
        ("wald-on-mean", surveys["mean"], "wald"),
        ("wilson-on-ces-mean", surveys["ces-mean"], "wilson"),
        ("jeffreys-on-ces-net-effort", surveys["ces-net-effort"], "jeffreys"),
    ):
        case(
            f"errors/interval-method-{tag}",
            "interval",
            input=inp,
            options={"method": m},
            error="invalid_argument",
            note="method not valid for the estimate kind",
        )
    case(
        "errors/interval-mean-n1",
        "interval",
        input=survey("mean", [3], scale=[1, 5]),
        error="insufficient_data",
        note="n = 1: no sd",
    )
    case(
        "errors/interval-csat-mean-n1",
        "interval",
        input=survey("csat", [4, None], method="mean"),
        error="insufficient_data",
    )
    case(
        "errors/interval-percent-of-max-n1",
        "interval",
        input=survey("csat", [4], method="percent_of_max"),
        error="insufficient_data",
    )
    case(
        "errors/interval-ces-mean-n1",
        "interval",
        input=survey("ces", [6], scale=[1, 7], higher_is_better=True),
        error="insufficient_data",
    )
    case(
        "errors/interval-mean-weighted-n-eff-1",
        "interval",
        input=survey("mean", [2, 5], [1, 0], scale=[1, 5]),
        error="insufficient_data",
        note="n = 2 but n_eff = 1 (one zero weight): sd undefined",
    )
    case("errors/interval-successes-gt-n", "interval", input=prop_counts(11, 10), error="invalid_argument")
    case("errors/margin-level-1.5", "margin_of_error", input=rp, options={"level": 1.5}, error="invalid_argument")
    case("errors/margin-mean-n1", "margin_of_error", input=survey("mean", [3], scale=[1, 5]), error="insufficient_data")
    case("errors/compare-nps-vs-proportion", "compare", a=ref, b=rp, error="invalid_argument")
    case(
        "errors/compare-proportion-vs-nps", "compare", a=surveys["top-box"], b=surveys["nps"], error="invalid_argument"
    )
    case("errors/compare-mean-vs-proportion", "compare", a=surveys["mean"], b=rp, error="invalid_argument")
    case(
        "errors/compare-mean-vs-net",
        "compare",
        a=surveys["ces-mean"],
        b=surveys["ces-net-effort"],
        error="invalid_argument",
    )
    case(
        "errors/compare-method-welch-on-nps",
        "compare",
        a=ref,
        b=nps_counts(40, 30, 30),
        options={"method": "welch"},
        error="invalid_argument",
    )
    case(
        "errors/compare-method-adjusted-wald-on-proportion",
        "compare",
        a=rp,
        b=prop_counts(50, 100),
        options={"method": "adjusted_wald"},
        error="invalid_argument",
        note="proportions: pooled_z, wald, agresti_caffo or score",
    )
    case(
        "errors/compare-method-welch-on-proportion",
        "compare",
        a=rp,
        b=prop_counts(50, 100),
        options={"method": "welch"},
        error="invalid_argument",
    )
    case(
        "errors/compare-method-agresti-caffo-on-nps",
        "compare",
        a=ref,
        b=nps_counts(40, 30, 30),
        options={"method": "agresti_caffo"},
        error="invalid_argument",
    )
    case(
        "errors/compare-method-score-on-mean",
        "compare",
        a=surveys["mean"],
        b=mean_b,
        options={"method": "score"},
        error="invalid_argument",
    )
    case(
        "errors/compare-wald-zero-vs-all",
        "compare",
        a=prop_counts(0, 10),
        b=prop_counts(10, 10),
        options={"method": "wald"},
        error="insufficient_data",
        note="zero variance, non-zero difference: the Wald statistic is undefined",
    )
    case(
        "errors/compare-wald-n1",
        "compare",
        a=prop_counts(1, 1),
        b=prop_counts(0, 1),
        options={"method": "wald"},
        error="insufficient_data",
    )
    case(
        "errors/compare-method-pooled-z-on-mean",
        "compare",
        a=surveys["mean"],
        b=mean_b,
        options={"method": "pooled_z"},
        error="invalid_argument",
    )
    case(
        "errors/compare-level-1",
        "compare",
        a=ref,
        b=nps_counts(40, 30, 30),
        options={"level": 1},
        error="invalid_argument",
    )
    case(
        "errors/compare-level-nan",
        "compare",
        a=rp,
        b=prop_counts(50, 100),
        options={"level": "nan"},
        error="invalid_argument",
    )
    case(
        "errors/compare-welch-both-zero-variance",
        "compare",
        a=survey("mean", [4, 4, 4], scale=[1, 5]),
        b=survey("mean", [2, 2], scale=[1, 5]),
        error="insufficient_data",
        note="zero variance in both groups",
    )
    case("errors/compare-welch-n1", "compare", a=survey("mean", [4], scale=[1, 5]), b=mean_b, error="insufficient_data")
    case("errors/paired-length-mismatch", "paired_nps", before=[1, 2, 3], after=[1, 2], error="length_mismatch")
    case("errors/paired-n1", "paired_nps", before=[9], after=[10], error="insufficient_data")
    case(
        "errors/paired-n1-after-missing",
        "paired_nps",
        before=[9, None, 3],
        after=[10, 8, None],
        error="insufficient_data",
        note="only one complete pair",
    )
    case(
        "errors/paired-level-0",
        "paired_nps",
        before=before,
        after=after,
        options={"level": 0},
        error="invalid_argument",
    )
    for tag, ps, idx in (
        ("above-one", [0.01, 0.5, 1.2], 2),
        ("nan", ["nan", 0.1], 0),
        ("negative", [0.1, -0.1, 0.2], 1),
        ("inf", [0.1, "inf"], 1),
    ):
        for m in ("holm", "bh"):
            case(
                f"errors/adjust-{m}-{tag}",
                "adjust_p_values",
                args={"p_values": ps, "method": m},
                error="invalid_argument",
                index=idx,
                note="the error names the index",
            )
    case(
        "errors/adjust-unknown-method",
        "adjust_p_values",
        args={"p_values": [0.1, 0.2], "method": "bonferroni"},
        error="invalid_argument",
    )
    plan_errs = [
        ("sample_size_nps", "margin-0", {"margin": 0}),
        ("sample_size_nps", "margin-negative", {"margin": -5}),
        ("sample_size_nps", "margin-inf", {"margin": "inf"}),
        ("sample_size_nps", "margin-nan", {"margin": "nan"}),
        ("sample_size_nps", "variance-0", {"margin": 5, "variance": 0}),
        ("sample_size_nps", "variance-1.5", {"margin": 5, "variance": 1.5}),
        ("sample_size_nps", "level-1", {"margin": 5, "level": 1}),
        ("sample_size_proportion", "margin-0", {"margin": 0}),
        ("sample_size_proportion", "p-0", {"margin": 5, "p": 0}),
        ("sample_size_proportion", "p-100", {"margin": 5, "p": 100}),
        ("sample_size_proportion", "p-150", {"margin": 5, "p": 150}),
        ("sample_size_proportion", "level-0", {"margin": 5, "level": 0}),
        ("sample_size_mean", "margin-0", {"margin": 0, "sd": 1}),
        ("sample_size_mean", "sd-0", {"margin": 0.1, "sd": 0}),
        ("sample_size_mean", "sd-negative", {"margin": 0.1, "sd": -1}),
        ("sample_size_nps_difference", "difference-0", {"difference": 0}),
        ("sample_size_nps_difference", "difference-negative", {"difference": -10}),
        ("sample_size_nps_difference", "power-0", {"difference": 10, "power": 0}),
        ("sample_size_nps_difference", "power-1", {"difference": 10, "power": 1}),
        ("sample_size_nps_difference", "variance-2", {"difference": 10, "variance": 2}),
        ("sample_size_proportion_difference", "equal", {"p1": 50, "p2": 50}),
        ("sample_size_proportion_difference", "p1-0", {"p1": 0, "p2": 50}),
        ("sample_size_proportion_difference", "p2-100", {"p1": 50, "p2": 100}),
        ("sample_size_proportion_difference", "power-1.2", {"p1": 50, "p2": 60, "power": 1.2}),
        ("sample_size_proportion_difference", "level-nan", {"p1": 50, "p2": 60, "level": "nan"}),
    ]
    for fn, tag, args in plan_errs:
        case(f"errors/{fn}-{tag}", fn, args=args, error="invalid_argument")
