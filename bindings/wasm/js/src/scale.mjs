// Scale: an integer response scale.

import { describe } from "./convert.mjs";
import { call } from "./errors.mjs";
import { given, intArg, optionsArg } from "./options.mjs";
import { raw } from "./raw.mjs";

// Text is matched in NFC and lower case: done here with the engine's own Unicode tables
// (String.prototype.normalize, toLowerCase), so the wasm modules carry none; the core
// does the rest of the matching and every refusal.
const fold = (t) => t.normalize("NFC").toLowerCase();

/** The light module (`cxmetrics/survey`) is built without text answers (size budget). */
export function needLabels() {
  if (typeof raw.labelValues !== "function") {
    throw new TypeError(
      "text answers and labelled scales need the full cxmetrics module; cxmetrics/survey reads numbers only",
    );
  }
}

/** Scores as a Float64Array when `scores` is an array holding text (read on `scale`), else null. */
export let textValues;

/** Adds the text answer `text`, read on `scale`, to the raw tally `t` (Tally.push). */
export let pushText;

/**
 * Whether `scores` is an array with a string in it. Arrays too long for wasm memory are
 * left to the numeric path, which refuses them before reading any element (a sparse
 * array of 2^32 - 1 holes must not be scanned).
 */
export function hasText(scores) {
  if (!Array.isArray(scores) || scores.length >= 2 ** 29) return false;
  for (let i = 0; i < scores.length; i++) if (typeof scores[i] === "string") return true;
  return false;
}

/**
 * An integer response scale min..=max with 2 to 101 points; optionally with labels
 * (answer text -> point) and the texts that mean "no answer".
 */
export class Scale {
  #texts;
  #points;
  #missing;

  constructor(min, max, options) {
    intArg(min, "Scale min");
    intArg(max, "Scale max");
    call(() => raw.checkScale(min, max));
    const o = optionsArg(options, ["labels", "missing"], "new Scale");
    let labels = null;
    let missing = null;
    if (given(o.labels)) {
      const entries =
        o.labels instanceof Map
          ? [...o.labels]
          : typeof o.labels === "object" && !Array.isArray(o.labels)
            ? Object.entries(o.labels)
            : null;
      if (entries === null)
        throw new TypeError(`labels must be an object of answer text to point, not ${describe(o.labels)}`);
      for (const [t, p] of entries) {
        if (typeof t !== "string") throw new TypeError(`a label must be a string, not ${describe(t)}`);
        intArg(p, `labels[${JSON.stringify(t)}]`);
      }
      labels = Object.freeze(Object.fromEntries(entries));
      this.#texts = entries.map(([t]) => fold(t));
      this.#points = Float64Array.from(entries, ([, p]) => p);
    }
    if (given(o.missing)) {
      if (!Array.isArray(o.missing))
        throw new TypeError(`missing must be an array of texts, not ${describe(o.missing)}`);
      for (const t of o.missing)
        if (typeof t !== "string") throw new TypeError(`a missing-value text must be a string, not ${describe(t)}`);
      missing = Object.freeze([...o.missing]);
      this.#missing = o.missing.map(fold);
    }
    if (labels !== null || missing !== null) {
      needLabels();
      this.#texts ??= [];
      this.#points ??= new Float64Array(0);
      call(() => raw.checkLabels(min, max, this.#texts, this.#points, this.#missing));
    }
    Object.defineProperty(this, "min", { value: min + 0, enumerable: true });
    Object.defineProperty(this, "max", { value: max + 0, enumerable: true });
    Object.defineProperty(this, "labels", { value: labels, enumerable: true });
    Object.defineProperty(this, "missing", { value: missing, enumerable: true });
    Object.freeze(this);
  }

  static {
    pushText = (t, scale, text, weight, policy) => {
      needLabels();
      const labelled = scale.#texts !== undefined;
      call(() =>
        t.pushText(
          scale.min,
          scale.max,
          labelled ? scale.#texts : [],
          labelled ? scale.#points : new Float64Array(0),
          scale.#missing,
          fold(text),
          weight,
          policy,
        ),
      );
    };
    textValues = (scale, scores, policy) => {
      if (!hasText(scores)) return null;
      needLabels();
      const index = new Map();
      const texts = [];
      const nums = [];
      const codes = new Int32Array(scores.length);
      for (let i = 0; i < scores.length; i++) {
        const v = scores[i];
        if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) {
          codes[i] = -1;
          continue;
        }
        if (typeof v !== "string" && typeof v !== "number") {
          throw new TypeError(
            `scores[${i}] is ${describe(v)}; scores must be numbers or text, with null or undefined for a missing answer`,
          );
        }
        const key = typeof v === "string" ? `s${v}` : `n${v}`;
        let c = index.get(key);
        if (c === undefined) {
          c = texts.length;
          index.set(key, c);
          texts.push(typeof v === "string" ? fold(v) : "");
          nums.push(typeof v === "string" ? NaN : v);
        }
        codes[i] = c;
      }
      const labelled = scale.#texts !== undefined;
      return call(() =>
        raw.labelValues(
          scale.min,
          scale.max,
          labelled ? scale.#texts : [],
          labelled ? scale.#points : new Float64Array(0),
          scale.#missing,
          texts,
          Float64Array.from(nums),
          codes,
          policy,
        ),
      );
    };
  }
  /** The number of points, max - min + 1. */
  get points() {
    return this.max - this.min + 1;
  }
  /** Whether `value` is a point of this scale (an integer in min..=max). */
  contains(value) {
    return Number.isInteger(value) && value >= this.min && value <= this.max;
  }
  /** Whether `other` (a Scale or [min, max]) is the same scale (with the same labels). */
  equals(other) {
    if (other instanceof Scale) {
      return (
        other.min === this.min &&
        other.max === this.max &&
        JSON.stringify([other.labels, other.missing]) === JSON.stringify([this.labels, this.missing])
      );
    }
    return (
      this.labels === null &&
      this.missing === null &&
      Array.isArray(other) &&
      other.length === 2 &&
      other[0] === this.min &&
      other[1] === this.max
    );
  }
  toString() {
    return `${this.min}–${this.max}`;
  }
  toJSON() {
    if (this.labels === null && this.missing === null) return { min: this.min, max: this.max };
    return { min: this.min, max: this.max, labels: this.labels, missing: this.missing };
  }
  /** 0–10, the NPS "likelihood to recommend" scale. */
  static nps() {
    return new Scale(0, 10);
  }
  /** 1–5 (CSAT, CES 1.0). */
  static oneToFive() {
    return new Scale(1, 5);
  }
  /** 1–7 (CES 2.0). */
  static oneToSeven() {
    return new Scale(1, 7);
  }
  /** 1–10. */
  static oneToTen() {
    return new Scale(1, 10);
  }
  /** 0–1 (binary). */
  static binary() {
    return new Scale(0, 1);
  }
  /** 1–5 satisfaction ("Very dissatisfied" … "Very satisfied") in "en" (default), "vi", "th" or "fa". */
  static satisfaction5(lang) {
    return preset("satisfaction5", lang ?? "en");
  }
  /** 1–5 agreement ("Strongly disagree" … "Strongly agree") in "en" (default), "vi", "th" or "fa". */
  static agreement5(lang) {
    return preset("agreement5", lang ?? "en");
  }
  /** 1–5 faces: 😠 🙁 😐 🙂 😍 and common variants. */
  static faces5() {
    return preset("faces5");
  }
  /** Binary thumbs: 👎 -> 0, 👍 -> 1. */
  static thumbs() {
    return preset("thumbs");
  }
  /** Binary helpdesk ratings: "bad" -> 0, "good" -> 1; "offered" and "unoffered" are missing. */
  static helpdeskRating() {
    return preset("helpdesk_rating");
  }
  /** 0–10 with "0 - Not at all likely", "10 - Extremely likely" and the plain numbers. */
  static npsChoices() {
    return preset("nps_choices");
  }
}

function preset(name, lang) {
  if (lang !== undefined && typeof lang !== "string")
    throw new TypeError(`lang must be a string, not ${describe(lang)}`);
  needLabels();
  const [min, max, labels, missing] = call(() => raw.presetLabels(name, lang));
  return new Scale(min, max, { labels: Object.fromEntries(labels), missing });
}

export function scaleArg(s, what = "scale") {
  if (s instanceof Scale) return s;
  if (Array.isArray(s) && s.length === 2) return new Scale(s[0], s[1]);
  throw new TypeError(`${what} must be a Scale or a [min, max] pair of integers, not ${describe(s)}`);
}
