"""Uses the public API as a user would; checked by ``mypy --strict`` (test_typecheck.py).

Not collected by pytest (no ``test_`` prefix); it also runs as a plain script.
"""

from __future__ import annotations

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
    return [lo, hi, moe, ci.lower, t.upper, c.p_value, paired.difference, float(paired.n), p_int.level,
            n_int.upper, float(sum(sizes)), *adjusted]


VERSION: str = cx.__version__

if __name__ == "__main__":
    print(summarize([10, 9, 9, 8, 7, 3]), numpy_input(), polars_input(), every_function(), tallies(), errors(), scales(), as_dicts())
    print(statistics())
