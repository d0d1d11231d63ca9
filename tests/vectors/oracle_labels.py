"""Conformance vectors for labelled answers (issue 13): writes tests/vectors/labels.json.

An independent implementation of docs/labels.md in plain Python: ``unicodedata`` NFC,
``str.casefold``, regular expressions for numbers written in four digit systems and for
stars, and the preset wording typed here by hand from the issue and docs/labels.md.
Never imports cxmetrics. Every case states the tally (counts per point, missing,
invalid) the same answers give as numbers, or the error code and index.

Run from the repository root: .venv/bin/python tests/vectors/oracle_labels.py
"""

from __future__ import annotations

import random
import re
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from oracle_common import generator, write_vectors

OUT = Path(__file__).with_name("labels.json")
SEED = 13

DEFAULT_MISSING = ["", "n/a", "na", "-", "skipped", "prefer not to say"]

# The presets, typed by hand (docs/labels.md; issue 13 for the satisfaction wording).
PRESETS = {
    ("satisfaction5", "en"): (
        1,
        5,
        ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"],
        [],
    ),
    ("satisfaction5", "vi"): (
        1,
        5,
        ["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"],
        [],
    ),
    ("satisfaction5", "th"): (1, 5, ["ไม่พอใจมาก", "ไม่พอใจ", "เฉยๆ", "พอใจ", "พอใจมาก"], []),
    ("satisfaction5", "fa"): (1, 5, ["خیلی ناراضی", "ناراضی", "نه راضی نه ناراضی", "راضی", "خیلی راضی"], []),
    ("agreement5", "en"): (
        1,
        5,
        ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"],
        [],
    ),
    ("agreement5", "vi"): (
        1,
        5,
        ["Hoàn toàn không đồng ý", "Không đồng ý", "Trung lập", "Đồng ý", "Hoàn toàn đồng ý"],
        [],
    ),
    ("agreement5", "th"): (1, 5, ["ไม่เห็นด้วยอย่างยิ่ง", "ไม่เห็นด้วย", "ไม่แน่ใจ", "เห็นด้วย", "เห็นด้วยอย่างยิ่ง"], []),
    ("agreement5", "fa"): (1, 5, ["کاملاً مخالفم", "مخالفم", "نظری ندارم", "موافقم", "کاملاً موافقم"], []),
    ("faces5", None): (1, 5, ["😠", "🙁", "😐", "🙂", "😍"], []),
    ("thumbs", None): (0, 1, ["👎", "👍"], []),
    ("helpdesk_rating", None): (0, 1, ["bad", "good"], ["offered", "unoffered"]),
    ("nps_choices", None): (
        0,
        10,
        ["0 - Not at all likely"] + [str(i) for i in range(1, 10)] + ["10 - Extremely likely"],
        [],
    ),
}
# extra labels of the presets (variants), point -> texts
VARIANTS = {
    "faces5": {1: ["😡", "😞"], 2: ["☹️", "😕"], 3: ["😶"], 4: ["😊"], 5: ["😀", "😃", "😄", "🤩"]},
    "nps_choices": {0: ["Not at all likely"], 10: ["Extremely likely"]},
}

DIGITS = {}
for zero in ("0", "\u0660", "\u06f0", "\u0e50"):
    for d in range(10):
        DIGITS[chr(ord(zero) + d)] = d
DIGIT_CLASS = "[" + "".join(DIGITS) + "]"


def norm(text: str) -> str:
    t = unicodedata.normalize("NFC", text)
    t = "".join(c for c in t if c not in "\ufe0e\ufe0f" and not 0x1F3FB <= ord(c) <= 0x1F3FF)
    # Persian typed on an Arabic keyboard: Arabic yeh (U+064A) and alef maksura (U+0649)
    # are the Persian yeh (U+06CC), Arabic kaf (U+0643) the keheh (U+06A9) (docs/labels.md)
    t = t.translate({0x064A: 0x06CC, 0x0649: 0x06CC, 0x0643: 0x06A9})
    return " ".join(t.split()).casefold()


def to_int(digits: str) -> int:
    return int("".join(str(DIGITS[c]) for c in digits))


NUMBER = re.compile(rf"^([-+\u2212]?)({DIGIT_CLASS}+)(.*)$", re.S)


def read_number(t: str, lo: int, hi: int):
    """("value", v) | ("wrong_max", m) | None, as docs/labels.md."""
    stripped = t.replace(" ", "")
    if stripped and all(c in "★☆*⭐" for c in stripped):
        filled = sum(c in "★*⭐" for c in stripped)
        empty = stripped.count("☆")
        if empty and filled + empty != hi:
            return ("wrong_max", filled + empty)
        return ("value", filled)
    m = NUMBER.match(t)
    if not m:
        return None
    sign, digits, rest = m.groups()
    value = to_int(digits)
    frac = re.match(rf"^\.({DIGIT_CLASS}+)$", rest)
    if frac:
        v = float(f"{value}.{to_int(frac.group(1))}")
        return ("value", -v if sign in "-\u2212" and sign else v)
    if sign in ("-", "\u2212"):
        value = -value
    over = re.match(rf"^\s*(?:/|out of )\s*({DIGIT_CLASS}+)(.*)$", rest)
    if over:
        after = over.group(2)
        if (after and after[0].isalnum()) or re.search(DIGIT_CLASS, after):
            return None
        written = to_int(over.group(1))
        return ("value", value) if written == hi else ("wrong_max", written)
    if (rest and rest[0].isalnum()) or re.search(DIGIT_CLASS, rest):
        return None
    return ("value", value)


class Refused(Exception):
    pass


def build(lo, hi, labels, missing):
    """(label map, missing set) or Refused (invalid_scale)."""
    miss = {norm(m) for m in (DEFAULT_MISSING if missing is None else missing)}
    by = {}
    for text, point in labels:
        key = norm(text)
        if not lo <= point <= hi or not key or key in miss or by.get(key, point) != point:
            raise Refused(text)
        r = read_number(key, lo, hi)
        if r and (r[0] == "wrong_max" or r[1] != point):
            raise Refused(text)
        by[key] = point
    for m in miss:
        r = read_number(m, lo, hi)
        if r and r[0] == "value" and float(r[1]).is_integer() and lo <= r[1] <= hi:
            raise Refused(m)
    return by, miss


def tally(lo, hi, labels, missing, answers, on_invalid):
    by, miss = build(lo, hi, labels, missing)
    counts = [0] * (hi - lo + 1)
    n_missing = n_invalid = 0
    for i, a in enumerate(answers):
        if a is None:
            n_missing += 1
            continue
        if isinstance(a, str):
            key = norm(a)
            if key == "" or key in miss:
                n_missing += 1
                continue
            if key in by:
                counts[by[key] - lo] += 1
                continue
            r = read_number(key, lo, hi)
            if r is None:
                if on_invalid == "error":
                    return {"error": "unknown_label", "index": i}
                n_invalid += 1
                continue
            if r[0] == "wrong_max":
                if on_invalid == "error":
                    return {"error": "out_of_scale", "index": i}
                n_invalid += 1
                continue
            a = r[1]
        if lo <= a <= hi and float(a).is_integer():
            counts[int(a) - lo] += 1
        elif on_invalid == "error":
            return {"error": "out_of_scale" if not lo <= a <= hi else "not_integer", "index": i}
        else:
            n_invalid += 1
    return {"expected": {"counts": counts, "missing": n_missing, "invalid": n_invalid}}


def preset_labels(name, lang):
    lo, hi, words, extra_missing = PRESETS[(name, lang)]
    pairs = [(w, lo + k) for k, w in enumerate(words) if not (name == "nps_choices" and 0 < k < 10)]
    for point, texts in VARIANTS.get(name, {}).items():
        pairs += [(t, point) for t in texts]
    return lo, hi, pairs, DEFAULT_MISSING + extra_missing


CASES = []


def case(cid, *, scale=None, preset=None, labels=None, missing=None, answers, on_invalid="error", expect=None):
    if preset is not None:
        lo, hi, pairs, miss = preset_labels(preset["name"], preset.get("lang"))
    else:
        lo, hi = scale
        pairs, miss = labels or [], missing
    try:
        out = tally(lo, hi, pairs, miss, answers, on_invalid)
    except Refused as r:
        out = {"error": "invalid_scale", "label": str(r)}
    if expect is not None and (out.get("error"), out.get("index")) != expect and out.get("expected") != expect:
        raise SystemExit(f"{cid}: oracle gives {out}, the case states {expect}")
    c = {
        "id": cid,
        "function": "tally_labels",
        "scale": [lo, hi] if preset is None else None,
        "preset": preset,
        "labels": labels if preset is None else None,
        "missing": missing if preset is None else None,
        "answers": answers,
        "on_invalid": on_invalid,
    }
    c.update(out)
    CASES.append(c)


def main() -> None:
    # every preset in every language: each label, upper-cased and padded, and the
    # missing vocabulary
    for (name, lang), (_lo, _hi, _words, _extra) in PRESETS.items():
        _, _, pairs, miss = preset_labels(name, lang)
        p = {"name": name, "lang": lang}
        answers = [t for t, _ in pairs] + [f"  {t.upper()} " for t, _ in pairs] + [m.upper() for m in miss] + [None]
        case(f"preset/{name}/{lang or '-'}", preset=p, answers=answers)
        case(
            f"preset/{name}/{lang or '-'}/unknown",
            preset=p,
            answers=[pairs[0][0], "certainly not a label"],
            expect=("unknown_label", 1),
        )
        case(f"preset/{name}/{lang or '-'}/skip", preset=p, answers=[pairs[0][0], "???", "n/a"], on_invalid="skip")
    # Persian answers typed with the Arabic yeh, alef maksura and kaf (docs/labels.md)
    case(
        "preset/satisfaction5/fa/arabic-letters",
        preset={"name": "satisfaction5", "lang": "fa"},
        answers=[
            "\u062e\u064a\u0644\u064a \u0631\u0627\u0636\u064a",
            "\u0631\u0627\u0636\u0649",
            "\u0646\u0627\u0631\u0627\u0636\u064a",
        ],
    )
    case(
        "preset/agreement5/fa/arabic-letters",
        preset={"name": "agreement5", "lang": "fa"},
        answers=[
            "\u0643\u0627\u0645\u0644\u0627\u064b \u0645\u0648\u0627\u0641\u0642\u0645",
            "\u0646\u0638\u0631\u064a \u0646\u062f\u0627\u0631\u0645",
        ],
    )
    # numbers, stars, native digits on plain scales
    case(
        "plain/nps-text",
        scale=[0, 10],
        answers=["10 - Extremely likely", " ۹ ", "๑๐ คะแนน", "٧", "0", "", "   ", None, 6],
    )
    case(
        "plain/stars",
        scale=[1, 5],
        answers=["★★★★☆", "★★★★", "****", "4 stars", "4/5", "4 / 5", "4 out of 5", "⭐⭐"],
        expect={"counts": [0, 1, 0, 7, 0], "missing": 0, "invalid": 0},
    )
    case("plain/wrong-max", scale=[1, 5], answers=["4", "4/10"], expect=("out_of_scale", 1))
    case("plain/wrong-stars", scale=[1, 5], answers=["★★☆"], expect=("out_of_scale", 0))
    case("plain/off-scale-number", scale=[1, 5], answers=["5", "9"], expect=("out_of_scale", 1))
    case("plain/fraction", scale=[1, 5], answers=["4.5"], expect=("not_integer", 0))
    case(
        "plain/not-numbers",
        scale=[1, 5],
        answers=["3-5", "4 5", "4th", "4,5"],
        on_invalid="skip",
        expect={"counts": [0, 0, 0, 0, 0], "missing": 0, "invalid": 4},
    )
    case("plain/earlier-number-first", scale=[1, 5], answers=[9, "great"], expect=("out_of_scale", 0))
    case(
        "plain/negative",
        scale=[-3, 3],
        answers=["-3", "−2", "+1", "3 - agree"],
        expect={"counts": [1, 1, 0, 0, 1, 0, 1], "missing": 0, "invalid": 0},
    )
    case(
        "plain/missing-vocabulary",
        scale=[0, 10],
        answers=DEFAULT_MISSING + ["N/A", "Prefer  not to say", "SKIPPED"],
        expect={"counts": [0] * 11, "missing": 9, "invalid": 0},
    )
    # custom labels and missing texts
    case(
        "custom/yes-no",
        scale=[0, 1],
        labels=[["Yes", 1], ["No", 0]],
        missing=["(no answer)"],
        answers=["yes", "NO", "(No Answer)", "", "n/a"],
        on_invalid="skip",
        expect={"counts": [1, 1], "missing": 2, "invalid": 1},
    )
    case(
        "custom/composition",
        scale=[1, 5],
        labels=[["Hài lòng", 4]],
        answers=["Ha\u0300i lo\u0300ng", "HÀI LÒNG"],
        expect={"counts": [0, 0, 0, 2, 0], "missing": 0, "invalid": 0},
    )
    case(
        "custom/sharp-s",
        scale=[0, 1],
        labels=[["Groß", 1]],
        answers=["GROSS", "groß"],
        expect={"counts": [0, 2], "missing": 0, "invalid": 0},
    )
    # refused scales
    for i, (labels, missing) in enumerate(
        [
            ([["Good", 4], ["good ", 5]], None),
            ([["5", 4]], None),
            ([["3 - okay", 4]], None),
            ([["n/a", 3]], None),
            ([["great", 9]], None),
            ([["", 1]], None),
            ([["yes", 1]], ["YES"]),
            ([], ["3"]),
        ]
    ):
        case(f"refused/{i}", scale=[1, 5], labels=labels, missing=missing, answers=["1"])
        assert CASES[-1]["error"] == "invalid_scale", CASES[-1]
    # seeded: numeric answers written in random forms give the numeric tally
    rng = random.Random(SEED)
    forms = [
        lambda v, hi: str(v),
        lambda v, hi: "".join(chr(0x06F0 + int(c)) for c in str(v)),
        lambda v, hi: "".join(chr(0x0660 + int(c)) for c in str(v)),
        lambda v, hi: "".join(chr(0x0E50 + int(c)) for c in str(v)) + " คะแนน",
        lambda v, hi: f" {v}/{hi} ",
        lambda v, hi: f"{v} out of {hi}",
        lambda v, hi: "★" * v + "☆" * (hi - v),
    ]
    for k in range(20):
        lo, hi = rng.choice([(0, 10), (1, 5), (1, 7), (0, 1)])
        answers = []
        for _ in range(rng.randint(5, 40)):
            r = rng.random()
            if r < 0.1:
                answers.append(rng.choice([None, "", "n/a", "skipped"]))
            elif r < 0.15:
                answers.append(rng.choice(["meh", "11/10", "4th"]))
            else:
                v = rng.randint(lo, hi)
                form = rng.choice(forms if v > 0 else forms[:6])
                answers.append(form(v, hi))
        case(f"random/{k:02d}", scale=[lo, hi], answers=answers, on_invalid=rng.choice(["error", "skip"]))
    import platform

    provenance = {
        "generator": generator(__file__),
        "python": platform.python_version(),
        "unicodedata": unicodedata.unidata_version,
        "seed": SEED,
        "method": "plain Python: unicodedata NFC, str.casefold, regular expressions for numbers in four digit systems and stars; preset wording typed by hand; not cxmetrics",
        "spec": "docs/labels.md; issue 13",
        "tolerance_rule": "counts, missing, invalid, error codes and indices match exactly",
    }
    write_vectors(OUT, provenance, CASES)
    print(f"wrote {OUT} ({len(CASES)} cases)")


if __name__ == "__main__":
    main()
