// Tally: mergeable counts of responses, a RawTally owned by wasm memory.

import { bufferParts, CHUNK, extendChunked, ScoresBuffer, STAGED } from "./buffer.mjs";
import { describe, floatsArg, oneShot, scoresArg } from "./convert.mjs";
import { CxMetricsError, call } from "./errors.mjs";
import { given, onInvalidArg, optionalNumber, optionsArg } from "./options.mjs";
import { raw } from "./raw.mjs";
import { pushText, Scale, scaleArg, textValues } from "./scale.mjs";

export const INTERNAL = Symbol("cxmetrics.internal");
const MAX_JSON = 1 << 20;
export let rawOf;

/** Frees a temporary RawTally; never masks the error being thrown, if any. */
export function release(t) {
  try {
    t.free();
  } catch {}
}

/**
 * Adds scores to the raw tally `t`, all or nothing, and returns the raw tally that holds
 * the result: `t`, or (`fresh` false, an input of several chunks) a grown copy of it that
 * the caller keeps instead (`t` is then untouched).
 */
export function extendRaw(t, scale, scores, weights, onInvalid, fresh) {
  const policy = onInvalidArg(onInvalid);
  if (scores instanceof ScoresBuffer) {
    const [rb, len] = bufferParts(scores);
    const w = outsideWasm(floatsArg(weights, "weights"));
    call(() => t.extendBuffer(rb, len, 0, w, policy));
    return t;
  }
  const text = textValues(scale, scores, policy);
  const [kind, view] = text ? ["Float64Array", text] : scoresArg(scores);
  const array = outsideWasm(view);
  const w = outsideWasm(floatsArg(weights, "weights"));
  if (w !== undefined || !Object.hasOwn(STAGED, kind)) {
    const [k, a] = oneShot(kind, array);
    call(() => t.extend(k, a, w, policy));
    return t;
  }
  if (fresh || array.length <= CHUNK) {
    extendChunked(t, kind, array, policy);
    return t;
  }
  const c = call(() => t.copy());
  try {
    extendChunked(c, kind, array, policy);
  } catch (e) {
    release(c);
    throw e;
  }
  return c;
}

/** Throws in the light module, which has no fromParts / toBytes / fromBytes (its size budget). */
function interchange(what) {
  if (raw.RawTally.fromParts === undefined) {
    throw new Error(
      `${what}: tallies from parts and in bytes are in the full module only; import "cxmetrics" (or "cxmetrics/web"), not "cxmetrics/survey"`,
    );
  }
}

/** Mergeable counts (and weight sums) of responses on one scale. */
export class Tally {
  #raw;
  #scale;

  static {
    rawOf = (t) => {
      if (!t.#raw) throw new TypeError("this Tally was freed (Tally.free()) and cannot be used");
      return t.#raw;
    };
  }

  constructor(scale, scores, options) {
    if (scale === INTERNAL) {
      this.#raw = scores;
      return;
    }
    const s = scaleArg(scale);
    const o = optionsArg(options, ["weights", "onInvalid"], "new Tally");
    const t = call(() => new raw.RawTally(s.min, s.max));
    if (given(scores) || given(o.weights)) {
      try {
        extendRaw(t, s, scores ?? [], o.weights, o.onInvalid, true);
      } catch (e) {
        release(t);
        throw e;
      }
    } else onInvalidArg(o.onInvalid);
    this.#raw = t;
    this.#scale = s;
  }

  /** A `ScoresBuffer` of `length` scores (`"u8"` or `"f64"`) to fill in wasm memory and count. */
  static buffer(length, dtype) {
    return new ScoresBuffer(length, dtype);
  }

  /** A tally from counts per point: counts[k] responses scored scale.min + k. */
  static fromCounts(scale, counts) {
    const s = scaleArg(scale);
    const c = floatsArg(counts, "counts");
    if (c === undefined) throw new TypeError(`counts must be an array of integers, not ${describe(counts)}`);
    return new Tally(
      INTERNAL,
      call(() => raw.RawTally.fromCounts(s.min, s.max, c)),
    );
  }

  /**
   * A tally from its parts: counts, Σw and Σw² per point (both null / undefined for an
   * unweighted tally) and `{ missing, invalid }` (default 0); checked by the core.
   */
  static fromParts(scale, counts, weightSums, weightSqSums, options) {
    interchange("Tally.fromParts()");
    const s = scaleArg(scale);
    const c = floatsArg(counts, "counts");
    if (c === undefined) throw new TypeError("counts must be an array of integers, not " + describe(counts));
    const ws = floatsArg(weightSums, "weightSums");
    const wq = floatsArg(weightSqSums, "weightSqSums");
    const o = optionsArg(options, ["missing", "invalid"], "Tally.fromParts");
    const missing = optionalNumber(o.missing, "missing") ?? 0;
    const invalid = optionalNumber(o.invalid, "invalid") ?? 0;
    return new Tally(
      INTERNAL,
      call(() => raw.RawTally.fromParts(s.min, s.max, c, ws, wq, missing, invalid)),
    );
  }

  /** Reads the compact binary form `toBytes()` (or Rust / Python `to_bytes`) wrote. */
  static fromBytes(bytes) {
    interchange("Tally.fromBytes()");
    if (!(bytes instanceof Uint8Array)) {
      throw new TypeError(`Tally.fromBytes needs a Uint8Array, not ${describe(bytes)}`);
    }
    return new Tally(
      INTERNAL,
      call(() => raw.RawTally.fromBytes(bytes)),
    );
  }

  /** Reads the `cxmetrics.tally` JSON format: a string or the object `toJSON()` returns. */
  static fromJSON(json) {
    let text = json;
    if (typeof json !== "string") {
      if (json === null || typeof json !== "object") {
        throw new TypeError(`Tally.fromJSON needs a JSON string or object, not ${describe(json)}`);
      }
      // JSON.stringify throws on BigInts and cycles, overflows the stack on deep
      // nesting, runs toJSON methods (which may throw) and may return undefined: each
      // is a value that is not a serialized tally.
      try {
        text = JSON.stringify(json);
      } catch (e) {
        throw new CxMetricsError(
          `invalid serialized tally: the object cannot be written as JSON (${e instanceof Error ? e.message : describe(e)})`,
          "invalid_format",
          null,
        );
      }
      if (typeof text !== "string") {
        throw new CxMetricsError("invalid serialized tally: the object has no JSON form", "invalid_format", null);
      }
    }
    // A serialized tally is a few kB at most (101 points); refuse megabytes up front
    // rather than copying them into wasm memory.
    if (text.length > MAX_JSON) {
      throw new CxMetricsError(
        `invalid serialized tally: ${text.length} characters is far more than a tally takes`,
        "invalid_format",
        null,
      );
    }
    // JSON.parse here, not in wasm: the module carries no JSON parser. Its result is
    // plain data (objects, arrays, strings, numbers, booleans, null) for the core's
    // serde reader.
    let value;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new CxMetricsError(`invalid serialized tally: not JSON (${e.message})`, "invalid_format", null);
    }
    return new Tally(
      INTERNAL,
      call(() => raw.RawTally.fromJson(value)),
    );
  }

  /**
   * Adds one score (null / undefined / NaN = missing) or text answer (read on the
   * scale's labels, as the column paths read it); returns this tally.
   */
  push(score, options) {
    const o = optionsArg(options, ["weight", "onInvalid"], "Tally.push");
    let x = score;
    if (!given(x)) x = NaN;
    else if (typeof x !== "number" && typeof x !== "string") {
      throw new TypeError(
        `score must be a number or text (null or undefined for a missing answer), not ${describe(x)}`,
      );
    }
    let w;
    if (given(o.weight)) {
      if (typeof o.weight !== "number") throw new TypeError(`weight must be a number, not ${describe(o.weight)}`);
      w = o.weight;
    }
    const policy = onInvalidArg(o.onInvalid);
    const t = rawOf(this);
    if (typeof x === "string") pushText(t, this.scale, x, w, policy);
    else call(() => t.push(x, w, policy));
    return this;
  }

  /** Adds many scores in one pass, all or nothing; returns this tally. */
  extend(scores, options) {
    const o = optionsArg(options, ["weights", "onInvalid"], "Tally.extend");
    const t = rawOf(this);
    const grown = extendRaw(t, this.scale, scores, o.weights, o.onInvalid, false);
    if (grown !== t) {
      this.#raw = grown;
      release(t);
    }
    return this;
  }

  /** Adds another tally's responses to this one (same scale); returns this tally. */
  merge(other) {
    if (!(other instanceof Tally)) throw new TypeError(`Tally.merge needs a Tally, not ${describe(other)}`);
    const t = rawOf(this);
    if (other === this) call(() => t.mergeSelf());
    else {
      const o = rawOf(other);
      call(() => t.merge(o));
    }
    return this;
  }

  get scale() {
    if (this.#scale === undefined) {
      const t = rawOf(this);
      this.#scale = new Scale(t.min, t.max);
    }
    return this.#scale;
  }
  get counts() {
    return Array.from(rawOf(this).counts);
  }
  /** Σw per point (equal to `counts` when unweighted). */
  get pointWeights() {
    return Array.from(rawOf(this).pointWeights);
  }
  get n() {
    return rawOf(this).n;
  }
  get missing() {
    return rawOf(this).missing;
  }
  get invalid() {
    return rawOf(this).invalid;
  }
  get weighted() {
    return rawOf(this).weighted;
  }
  get sumWeights() {
    return rawOf(this).sumWeights;
  }
  get nEff() {
    return rawOf(this).nEff;
  }

  /** The serialized state (`cxmetrics.tally` format, version 1) as an object. */
  toJSON() {
    return rawOf(this).toJson();
  }

  /** The compact binary form (`CXTY` version 1, the same bytes as Rust and Python). */
  toBytes() {
    const t = rawOf(this);
    interchange("Tally.toBytes()");
    return t.toBytes();
  }

  /** An independent copy of this tally. */
  copy() {
    const t = rawOf(this);
    return new Tally(
      INTERNAL,
      call(() => t.copy()),
    );
  }

  /** Releases the wasm memory now, rather than when the tally is garbage-collected. */
  free() {
    if (this.#raw) {
      this.#raw.free();
      this.#raw = undefined;
    }
  }

  toString() {
    const t = rawOf(this);
    return `Tally(${this.scale}, n=${t.n}, missing=${t.missing}, invalid=${t.invalid}${t.weighted ? ", weighted" : ""})`;
  }

  [Symbol.for("nodejs.util.inspect.custom")]() {
    return this.#raw ? this.toString() : "Tally(freed)";
  }
}
