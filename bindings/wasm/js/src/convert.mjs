// Argument types into what the raw layer takes: typed arrays (re-viewed through the
// intrinsic accessors), plain arrays as Float64Array, sizes checked against wasm memory.

import { argumentError } from "./errors.mjs";

// The intrinsic %TypedArray% accessors: they read internal slots, so a subclass or a
// proxy cannot make them lie (a lying `length` could make the copy into wasm fail).
const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const intrinsic = (key) => Object.getOwnPropertyDescriptor(TypedArrayPrototype, key).get;
const typedArrayTag = intrinsic(Symbol.toStringTag);
const typedArrayLength = intrinsic("length");
const typedArrayBuffer = intrinsic("buffer");
const typedArrayOffset = intrinsic("byteOffset");
/** "Uint8Array", "Float64Array", ... for a typed array (of any realm), else undefined. */
export const tagOf = (x) => typedArrayTag.call(x);
// Typed arrays handed to wasm as they are (one copy), each as its own Rust slice type.
const NATIVE = {
  Uint8Array,
  Uint8ClampedArray,
  Int8Array,
  Uint16Array,
  Int16Array,
  Uint32Array,
  Int32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
};
// wasm32 linear memory is 4 GiB at most.
const MAX_BYTES = 2 ** 32;

export function describe(v) {
  switch (typeof v) {
    case "string":
      return `the string ${JSON.stringify(v.length > 24 ? `${v.slice(0, 24)}…` : v)}`;
    case "bigint":
      return `the bigint ${v}n`;
    case "boolean":
    case "number":
      return `${typeof v} ${v}`;
    case "undefined":
      return "undefined";
    case "symbol":
      return "a symbol";
    case "function":
      return "a function";
    default: {
      if (v === null) return "null";
      if (Array.isArray(v)) return "an array";
      const tag = tagOf(v);
      if (tag) return `a ${tag}`;
      return `an object (${Object.prototype.toString.call(v).slice(8, -1)})`;
    }
  }
}

function tooLarge(what, length) {
  return argumentError(
    what,
    `${length} values do not fit in WebAssembly memory (4 GiB); pass the data in chunks and merge Tally objects`,
  );
}

/**
 * A fresh view of this realm's own class over the same memory (no copy): no getter of
 * a subclass runs while wasm copies it, and a detached array reads as empty.
 */
function ownView(what, typed, tag) {
  const Ctor = NATIVE[tag];
  const length = typedArrayLength.call(typed);
  if (length * Ctor.BYTES_PER_ELEMENT >= MAX_BYTES) throw tooLarge(what, length);
  if (length === 0) return new Ctor(0);
  return new Ctor(typedArrayBuffer.call(typed), typedArrayOffset.call(typed), length);
}

/** A new Float64Array from `make()`; too little memory is an error, not a RangeError. */
export function floats64(what, length, make) {
  if (length * 8 >= MAX_BYTES) throw tooLarge(what, length);
  try {
    return make();
  } catch (e) {
    if (e instanceof RangeError) throw tooLarge(what, length);
    throw e;
  }
}

/** A plain array of numbers (null / undefined = NaN) as a Float64Array. */
export function numbers(array, what) {
  const n = array.length;
  const out = floats64(what, n, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const v = array[i];
    if (typeof v === "number") out[i] = v;
    else if (v === null || v === undefined) out[i] = NaN;
    else {
      throw new TypeError(
        `${what}[${i}] is ${describe(v)}; ${what} must be numbers, with null, undefined or NaN for a missing value`,
      );
    }
  }
  return out;
}

/** Scores as [typed array tag, typed array]. */
export function scoresArg(scores) {
  const tag = tagOf(scores);
  if (tag !== undefined) {
    if (tag in NATIVE) return [tag, ownView("scores", scores, tag)];
    // A typed array this build does not know (e.g. Float16Array): widen it.
    const widened = floats64("scores", typedArrayLength.call(scores), () => Float64Array.from(scores));
    return ["Float64Array", ownView("scores", widened, "Float64Array")];
  }
  if (Array.isArray(scores)) return ["Float64Array", ownView("scores", numbers(scores, "scores"), "Float64Array")];
  throw new TypeError(
    `scores must be an array of numbers (null or undefined for a missing answer), a typed array or a Tally, not ${describe(scores)}`,
  );
}

/**
 * Scores for the raw layer's one-piece copy (`RawTally.extend`), which reads
 * Uint8Array, Int8Array and Float64Array: a Uint8ClampedArray is viewed as a
 * Uint8Array (same bytes), every other typed array widened to a Float64Array here
 * (exact for every score; a 64-bit integer beyond 2^53 rounds to a float that is still
 * out of every scale).
 */
export function oneShot(kind, array) {
  if (kind === "Uint8Array" || kind === "Int8Array" || kind === "Float64Array") return [kind, array];
  if (kind === "Uint8ClampedArray") {
    return ["Uint8Array", new Uint8Array(array.buffer, array.byteOffset, array.length)];
  }
  const big = kind === "BigInt64Array" || kind === "BigUint64Array";
  const n = array.length;
  const f = floats64("scores", n, () => (big ? Float64Array.from(array, Number) : new Float64Array(array)));
  return ["Float64Array", f];
}

/** Weights (or counts) as a Float64Array; undefined when absent. */
export function floatsArg(values, what) {
  if (values === undefined || values === null) return undefined;
  const tag = tagOf(values);
  let floats;
  if (tag === "Float64Array") return ownView(what, values, tag);
  const length = tag === undefined ? 0 : typedArrayLength.call(values);
  if (tag === "BigInt64Array" || tag === "BigUint64Array") {
    const view = ownView(what, values, tag);
    floats = floats64(what, length, () => Float64Array.from(view, Number));
  } else if (tag in NATIVE) {
    const view = ownView(what, values, tag);
    floats = floats64(what, length, () => new Float64Array(view));
  } else if (tag !== undefined) floats = floats64(what, length, () => Float64Array.from(values));
  else if (Array.isArray(values)) floats = numbers(values, what);
  else throw new TypeError(`${what} must be an array of numbers or a typed array, not ${describe(values)}`);
  return ownView(what, floats, "Float64Array");
}
