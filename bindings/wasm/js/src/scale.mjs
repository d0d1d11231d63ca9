// Scale: an integer response scale.

import { describe } from "./convert.mjs";
import { call } from "./errors.mjs";
import { intArg } from "./options.mjs";
import { raw } from "./raw.mjs";

/** An integer response scale min..=max with 2 to 101 points. */
export class Scale {
  constructor(min, max) {
    intArg(min, "Scale min");
    intArg(max, "Scale max");
    call(() => raw.checkScale(min, max));
    Object.defineProperty(this, "min", { value: min + 0, enumerable: true });
    Object.defineProperty(this, "max", { value: max + 0, enumerable: true });
    Object.freeze(this);
  }
  /** The number of points, max - min + 1. */
  get points() {
    return this.max - this.min + 1;
  }
  /** Whether `value` is a point of this scale (an integer in min..=max). */
  contains(value) {
    return Number.isInteger(value) && value >= this.min && value <= this.max;
  }
  /** Whether `other` (a Scale or [min, max]) is the same scale. */
  equals(other) {
    if (other instanceof Scale) return other.min === this.min && other.max === this.max;
    return Array.isArray(other) && other.length === 2 && other[0] === this.min && other[1] === this.max;
  }
  toString() {
    return `${this.min}–${this.max}`;
  }
  toJSON() {
    return { min: this.min, max: this.max };
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
}

export function scaleArg(s, what = "scale") {
  if (s instanceof Scale) return s;
  if (Array.isArray(s) && s.length === 2) return new Scale(s[0], s[1]);
  throw new TypeError(`${what} must be a Scale or a [min, max] pair of integers, not ${describe(s)}`);
}
