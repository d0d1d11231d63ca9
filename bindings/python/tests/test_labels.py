"""Labelled answers (issue 13): text on every scale, labels, presets, and every input
container of text. Expected values are hand-counted."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

import cxmetrics as cx

SAT = ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"]
# the same answers as numbers (None = missing)
ANSWERS = ["Very satisfied", "satisfied ", "NEUTRAL", None, "Dissatisfied", "Very satisfied", "n/a"]
NUMBERS = [5, 4, 3, None, 2, 5, None]


def test_numbers_stars_and_native_digits_on_a_plain_scale() -> None:
    r = cx.nps(["10 - Extremely likely", " ۹ ", "๑๐ คะแนน", "٠", "", "   ", None])
    assert (r.n, r.missing) == (4, 3)
    assert r.score == 100 * (3 - 1) / 4
    for text in ["★★★★☆", "★★★★", "****", "4 stars", "4/5", "4 out of 5"]:
        assert cx.Tally((1, 5), [text]).counts == [0, 0, 0, 1, 0], text
    with pytest.raises(cx.CxMetricsError) as e:
        cx.csat(["5", "4/10"])
    assert (e.value.code, e.value.index) == ("out_of_scale", 1)
    with pytest.raises(cx.CxMetricsError) as e:
        cx.csat([5, "9"])
    assert (e.value.code, e.value.index) == ("out_of_scale", 1)


def test_labels_match_numbers() -> None:
    s = cx.Scale.satisfaction5()
    assert cx.Tally(s, ANSWERS) == cx.Tally((1, 5), NUMBERS)
    assert cx.csat(ANSWERS, scale=s).score == cx.csat(NUMBERS).score == 60.0
    assert cx.mean(ANSWERS, scale=s).score == cx.mean(NUMBERS, scale=(1, 5)).score == 19 / 5
    d = cx.distribution(ANSWERS, scale=s)
    assert d.counts == [0, 1, 1, 1, 2]


def test_unknown_label_has_its_index_or_is_skipped() -> None:
    s = cx.Scale.satisfaction5()
    with pytest.raises(cx.CxMetricsError) as e:
        cx.csat(["Satisfied", None, "great"], scale=s)
    assert (e.value.code, e.value.index) == ("unknown_label", 2)
    assert "great" in str(e.value)
    r = cx.csat(["Satisfied", None, "great"], scale=s, on_invalid="skip")
    assert (r.n, r.missing, r.invalid) == (1, 1, 1)


def test_ambiguous_scales_are_refused() -> None:
    for labels in [{"Good": 4, "good ": 5}, {"5": 4}, {"n/a": 2}, {"great": 9}]:
        with pytest.raises(cx.CxMetricsError) as e:
            cx.Scale(1, 5, labels=labels)
        assert e.value.code == "invalid_scale"
        assert list(labels)[-1] in str(e.value)
    with pytest.raises(TypeError):
        cx.Scale(1, 5, labels=[("good", 4)])  # type: ignore[arg-type]


def test_custom_missing_replaces_the_default() -> None:
    s = cx.Scale(0, 1, labels={"yes": 1, "no": 0}, missing=["(no answer)"])
    assert s.missing == ["(no answer)"]
    t = cx.Tally(s, ["Yes", "(No Answer)", "no", ""])
    assert (t.counts, t.missing) == ([1, 1], 2)
    with pytest.raises(cx.CxMetricsError) as e:
        cx.Tally(s, ["n/a"])
    assert e.value.code == "unknown_label"


@pytest.mark.parametrize("lang", ["en", "vi", "th", "fa"])
def test_satisfaction_and_agreement_presets(lang: str) -> None:
    for preset in (cx.Scale.satisfaction5(lang), cx.Scale.agreement5(lang)):
        labels = list(preset.labels)
        assert [preset.labels[t] for t in labels] == [1, 2, 3, 4, 5]
        assert cx.Tally(preset, labels[::-1]).counts == [1, 1, 1, 1, 1]
    with pytest.raises(cx.CxMetricsError) as e:
        cx.Scale.satisfaction5("de")
    assert e.value.code == "invalid_argument"


def test_symbol_presets() -> None:
    assert cx.Tally(cx.Scale.faces5(), ["😠", "🙁", "😐", "🙂", "😍", "☹️"]).counts == [1, 2, 1, 1, 1]
    assert cx.Tally(cx.Scale.thumbs(), ["👍", "👎🏽", "👍🏿"]).counts == [1, 2]
    t = cx.Tally(cx.Scale.helpdesk_rating(), ["good", "bad", "offered", "unoffered", "Good"])
    assert (t.counts, t.missing) == ([1, 2], 2)
    r = cx.nps(
        ["10 - Extremely likely", "0 - Not at all likely", "9", "Extremely likely"], scale=cx.Scale.nps_choices()
    )
    assert r.score == 50.0


def test_containers_of_text() -> None:
    pd = pytest.importorskip("pandas")
    s = cx.Scale.satisfaction5()
    expected = cx.Tally((1, 5), NUMBERS)
    columns = [
        ANSWERS,
        tuple(ANSWERS),
        np.array(ANSWERS, dtype=object),
        np.array([a or "" for a in ANSWERS]),
        pd.Series(ANSWERS),
        pd.Series(ANSWERS, dtype="string"),
        pd.Series(ANSWERS, dtype="category"),
    ]
    pl = None
    try:
        import polars as pl
    except ImportError:
        pass
    if pl is not None:
        columns += [
            pl.Series(ANSWERS),
            pl.Series(ANSWERS, dtype=pl.Categorical),
            pl.Series(ANSWERS, dtype=pl.Enum(["n/a", "satisfied ", "NEUTRAL", "Dissatisfied", "Very satisfied"])),
        ]
    try:
        import pyarrow as pa
    except ImportError:
        pa = None
    if pa is not None:
        columns += [
            pa.array(ANSWERS),
            pa.array(ANSWERS).dictionary_encode(),
            pa.chunked_array([ANSWERS[:3], ANSWERS[3:]]),
            pa.chunked_array([pa.array(ANSWERS[:3]).dictionary_encode(), pa.array(ANSWERS[3:]).dictionary_encode()]),
        ]
    for col in columns:
        assert cx.Tally(s, col) == expected, type(col)
        assert cx.csat(col, scale=s).score == 60.0


def test_categorical_error_index_is_the_first_row() -> None:
    pd = pytest.importorskip("pandas")
    col = pd.Series(["Satisfied", "Satisfied", "meh", "meh"], dtype="category")
    with pytest.raises(cx.CxMetricsError) as e:
        cx.csat(col, scale=cx.Scale.satisfaction5())
    assert (e.value.code, e.value.index) == ("unknown_label", 2)
    # unused categories are never read
    unused = pd.Series(pd.Categorical(["Satisfied"], categories=["Satisfied", "meh"]))
    assert cx.csat(unused, scale=cx.Scale.satisfaction5()).n == 1


def test_weights_segments_trends_and_tally_extend() -> None:
    s = cx.Scale.thumbs()
    r = cx.csat(["👍", "👎", "👍"], scale=s, weights=[1.0, 2.0, 1.0], threshold=1)
    assert r.score == 50.0
    seg = cx.segment(["👍", "👎", "👍"], by=["a", "b", "a"], metric="csat", scale=s, threshold=1)
    assert [row.score for row in seg.rows] == [100.0, 0.0]
    t = cx.Tally(s)
    t.extend(["👍", "👎"])
    assert t.counts == [1, 1] and t.scale == s
    assert pickle.loads(pickle.dumps(s)) == s
    assert s != cx.Scale(0, 1)
    tr = cx.trend(
        ["👍", "👎"],
        times=["2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"],
        period="day",
        metric="csat",
        scale=s,
        threshold=1,
    )
    assert [row.n for row in tr.rows] == [1, 1]


def test_push_reads_text_like_the_columns() -> None:
    s = cx.Scale.satisfaction5()
    t = cx.Tally(s)
    for a in ANSWERS:
        t.push(a)
    assert t == cx.Tally((1, 5), NUMBERS) == cx.Tally(s, ANSWERS)
    # an unknown label: its index is the rows seen before; skipping counts it invalid
    with pytest.raises(cx.CxMetricsError) as e:
        t.push("great")
    assert (e.value.code, e.value.index) == ("unknown_label", 7)
    with pytest.raises(cx.CxMetricsError) as e:
        t.push("4/10")
    assert (e.value.code, e.value.index) == ("out_of_scale", 7)
    t.push("great", on_invalid="skip")
    assert (t.n, t.missing, t.invalid) == (5, 2, 1)
    # weights, and a plain scale reading numbers and stars
    w = cx.Tally((1, 5))
    w.push("★★★★☆", weight=2.0)
    w.push("5")
    assert (w.counts, w.sum_weights) == ([0, 0, 0, 1, 1], 3.0)
    with pytest.raises(cx.CxMetricsError) as e:
        w.push("Satisfied")
    assert (e.value.code, e.value.index) == ("unknown_label", 2)


def test_pickled_tally_keeps_its_labels() -> None:
    s = cx.Scale(0, 1, labels={"good": 1, "bad": 0}, missing=["offered"])
    t = cx.Tally(s, ["good", "bad", "good", "offered"])
    u = pickle.loads(pickle.dumps(t))
    assert u == t and u.scale == s and u.scale.labels == s.labels
    u.extend(["Good", "offered"])  # the labels still read
    u.push("BAD")
    assert (u.counts, u.missing) == ([2, 3], 2)
    # a plain tally stays plain
    p = pickle.loads(pickle.dumps(cx.Tally((1, 5), [5])))
    assert p.scale == cx.Scale(1, 5) and p.counts == [0, 0, 0, 0, 1]


def test_polars_categorical_codes_and_nulls() -> None:
    pl = pytest.importorskip("polars")
    s = cx.Scale.satisfaction5()
    # another column's categories share polars' mapping: codes need not start at 0
    pl.Series(["x", "y", "z"], dtype=pl.Categorical)
    col = pl.Series(["Satisfied", None, "Neutral", "Satisfied", None, "great"], dtype=pl.Categorical)
    t = cx.Tally(s, col, on_invalid="skip")
    assert (t.counts, t.missing, t.invalid) == ([0, 0, 1, 2, 0], 2, 1)
    with pytest.raises(cx.CxMetricsError) as e:
        cx.Tally(s, col)
    assert (e.value.code, e.value.index) == ("unknown_label", 5)
    chunked = pl.concat([col[:3], col[3:]], rechunk=False)
    with pytest.raises(cx.CxMetricsError) as e:
        cx.Tally(s, chunked)
    assert (e.value.code, e.value.index) == ("unknown_label", 5)
    r = cx.csat(col[:5], scale=s, weights=[1.0, 1.0, 2.0, 1.0, 1.0])
    assert r.score == 100 * 2 / 4
    # without nulls (the codes counted by the numeric kernel), in one chunk and in two
    clean = pl.Series(["Neutral", "Satisfied", "Neutral", "great", "Satisfied"], dtype=pl.Categorical)
    assert cx.Tally(s, clean[:3]).counts == [0, 0, 2, 1, 0]
    for c in (clean, pl.concat([clean[:2], clean[2:]], rechunk=False)):
        with pytest.raises(cx.CxMetricsError) as e:
            cx.Tally(s, c)
        assert (e.value.code, e.value.index) == ("unknown_label", 3)
        t = cx.Tally(s, c, on_invalid="skip")
        assert (t.counts, t.invalid) == ([0, 0, 2, 2, 0], 1)


def test_numpy_fixed_width_strings_any_byte_order_and_stride() -> None:
    s = cx.Scale.satisfaction5()
    words = ["Satisfied", "Very satisfied", "", "Neutral", "satisfied"]
    expected = cx.Tally((1, 5), [4, 5, None, 3, 4])
    native = np.array(words)
    assert cx.Tally(s, native) == expected
    assert cx.Tally(s, native.astype(native.dtype.newbyteorder(">"))) == expected
    assert cx.Tally(s, np.array(words * 2)[::2][: len(words)]) == cx.Tally((1, 5), [4, None, 4, 5, 3])
    assert cx.Tally(s, np.array([w.encode() for w in words])) == expected
    with pytest.raises(cx.CxMetricsError) as e:
        cx.Tally(s, np.array(["Satisfied", "meh"]))
    assert (e.value.code, e.value.index) == ("unknown_label", 1)


def test_large_text_columns_split_over_threads_agree_with_numbers() -> None:
    """Columns of 2 Mi+ rows are counted in parts on several threads (object identities,
    Arrow strings, numpy fixed-width rows): counts equal the numeric column's, the error
    names the first bad row wherever it falls, and columns with many distinct objects
    take the row-by-row path."""
    s = cx.Scale.satisfaction5()
    words = ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"]
    rng = np.random.default_rng(7)
    n = (1 << 21) + 12_345
    points = rng.choice(5, size=n, p=[0.05, 0.07, 0.13, 0.35, 0.40]) + 1
    numbers = points.astype(float)
    numbers[rng.random(n) < 0.03] = np.nan
    # equal texts in distinct objects ("Satisfied" twice), None, numbers among the text
    pool = np.array([None, *words, "Satisfied".lower().title(), 4, "  very SATISFIED "], dtype=object)
    text = np.array([pool[int(p)] for p in points], dtype=object)
    text[np.isnan(numbers)] = None
    late = rng.choice(n, size=20_000, replace=False)
    text[late[:10_000]] = pool[6]  # another "Satisfied" object
    text[late[10_000:]] = pool[7]  # the number 4
    numbers[late] = 4.0
    expected = cx.Tally((1, 5), numbers)
    assert cx.Tally(s, text) == expected
    assert cx.csat(text, scale=s).score == cx.csat(numbers).score
    strings = [None if x is None else str(x) for x in text]
    columns = [np.array([x or "" for x in strings])]
    try:
        import pyarrow as pa

        columns += [
            pa.array(strings),
            pa.array(strings, type=pa.large_string()),
            pa.array(strings, type=pa.string_view()),
        ]
    except ImportError:
        pass
    for col in columns:
        assert cx.Tally(s, col) == expected, type(col)
    # an unknown answer in the second half (another thread's part), and one earlier
    for bad_rows in ([n - 3], [n - 3, n // 2 - 1, 5]):
        bad = text.copy()
        bad[bad_rows] = "meh"
        bad_strings = [None if x is None else str(x) for x in bad]
        bad_columns = [bad, np.array([x or "" for x in bad_strings])]
        try:
            import pyarrow as pa

            bad_columns += [pa.array(bad_strings), pa.array(bad_strings, type=pa.string_view())]
        except ImportError:
            pass
        for col in bad_columns:
            with pytest.raises(cx.CxMetricsError) as e:
                cx.Tally(s, col)
            assert (e.value.code, e.value.index) == ("unknown_label", min(bad_rows)), type(col)
        skipped = cx.Tally(s, bad, on_invalid="skip")
        assert skipped.invalid == len(bad_rows)
        assert skipped.n == expected.n - sum(not np.isnan(numbers[r]) for r in bad_rows)
    # one str object a row past 256 distinct objects: the row-by-row path, same counts
    fresh = np.array([None if x is None else "".join(str(x)) + "" for x in text[:300_000]], dtype=object)
    fresh_each = np.array(
        [None if x is None else f"{x}" if not isinstance(x, str) else x.encode().decode() for x in text[:300_000]],
        dtype=object,
    )
    assert cx.Tally(s, fresh_each) == cx.Tally(s, fresh) == cx.Tally((1, 5), numbers[:300_000])


def test_object_columns_counted_from_threads_at_once() -> None:
    """Concurrent calls on one shared object array (its rows counted without the GIL)."""
    from concurrent.futures import ThreadPoolExecutor

    s = cx.Scale.satisfaction5()
    col = np.array(["Satisfied", "Neutral", None, "Very satisfied"] * 300_000, dtype=object)
    expected = cx.Tally((1, 5), [4, 3, None, 5] * 300_000)
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: cx.Tally(s, col), range(8)))
    assert all(r == expected for r in results)
