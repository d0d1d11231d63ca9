// ScoresBuffer: scores written straight into wasm memory and counted there without a
// copy; and the chunked copy of large typed arrays through one reused staging buffer.

import { describe } from "./convert.mjs";
import { argumentError, call } from "./errors.mjs";
import { raw } from "./raw.mjs";

/** Values per chunk when a typed array is copied into wasm memory and counted. */
export const CHUNK = 65536;

const DTYPES = { u8: Uint8Array, f64: Float64Array };
// The staging buffers may also be 16/32-bit integers (full module, `raw.intScores`).
const VIEWS = { ...DTYPES, i16: Int16Array, i32: Int32Array };
const STAGING = Symbol("staging");
// Typed arrays counted through the staging buffer: [buffer dtype] per tag. `set()`
// converts 16/32-bit integers and Float32Array to f64 natively while it copies; the full
// module (`raw.intScores`) stages Int16Array / Int32Array as themselves instead.
export const STAGED = {
  Uint8Array: "u8",
  Uint8ClampedArray: "u8",
  Float64Array: "f64",
  Float32Array: "f64",
  Int16Array: "f64",
  Uint16Array: "f64",
  Int32Array: "f64",
  Uint32Array: "f64",
};

let memory;
const staging = {};
export let bufferParts;

/**
 * Scores in wasm memory: fill `array` (a typed-array view into the module's memory),
 * then count it (`nps(buf)`, `new Tally(scale, buf)`, `tally.extend(buf)`) without a copy.
 */
export class ScoresBuffer {
  #raw;
  #view;
  #ptr = 0;
  #length;
  #dtype;

  static {
    bufferParts = (b) => {
      if (!b.#raw) throw new TypeError("this ScoresBuffer was freed (free()) and cannot be used");
      return [b.#raw, b.#length];
    };
  }

  constructor(length, dtype = "f64", staging) {
    if (!Number.isSafeInteger(length) || length < 0) {
      throw new TypeError(`length must be an integer ≥ 0, not ${describe(length)}`);
    }
    if (!Object.hasOwn(DTYPES, dtype) && !(staging === STAGING && Object.hasOwn(VIEWS, dtype))) {
      throw argumentError("dtype", `${describe(dtype)} is not a buffer type; use "u8" or "f64"`);
    }
    this.#raw = call(() => new raw.RawBuffer(dtype, length));
    this.#length = length;
    this.#dtype = dtype;
  }

  get length() {
    return this.#length;
  }
  get dtype() {
    return this.#dtype;
  }

  /**
   * The view to fill: a Uint8Array / Float64Array over wasm memory. When the memory
   * grows (any call into cxmetrics may grow it) earlier views detach (length 0, writes
   * lost); read `array` again after each call rather than keeping it.
   */
  get array() {
    const r = this.#raw;
    if (!r) throw new TypeError("this ScoresBuffer was freed (free()) and cannot be used");
    const v = this.#view;
    if (v !== undefined && (v.byteLength !== 0 || this.#length === 0)) return v;
    memory ??= raw.wasmMemory();
    if (v === undefined) this.#ptr = r.ptr();
    return (this.#view = new VIEWS[this.#dtype](memory.buffer, this.#ptr, this.#length));
  }

  /** Releases the wasm memory now (also on garbage collection); unusable afterwards. */
  free() {
    if (this.#raw) {
      this.#raw.free();
      this.#raw = undefined;
      this.#view = undefined;
    }
  }

  toString() {
    return this.#raw ? `ScoresBuffer(${this.#length} × ${this.#dtype})` : "ScoresBuffer(freed)";
  }
}
if (typeof Symbol.dispose === "symbol") {
  ScoresBuffer.prototype[Symbol.dispose] = function dispose() {
    this.free();
  };
}

/**
 * `a` (a typed array), copied into JS memory when it views wasm memory (e.g. a
 * `ScoresBuffer`'s `array` passed as plain scores or weights): any allocation in wasm
 * during the call could grow the memory and detach it halfway.
 */
export function outsideWasm(a) {
  if (a === undefined) return a;
  memory ??= raw.wasmMemory();
  return a.buffer === memory.buffer ? a.slice() : a;
}

/** The reused staging buffer of `dtype` (CHUNK values), made on first use. */
function stage(dtype) {
  return (staging[dtype] ??= new ScoresBuffer(CHUNK, dtype, STAGING));
}

/**
 * Counts `array` (a typed array of a STAGED tag, already an own view) into the raw tally
 * `t` in chunks of CHUNK values copied into the staging buffer: memory stays bounded
 * whatever the input's size. Each chunk is all or nothing; across chunks the caller
 * keeps the whole call all or nothing (a fresh tally, or a copy it swaps in). Error
 * indices are positions in `array`.
 */
export function extendChunked(t, tag, array, policy) {
  let dtype = STAGED[tag];
  if (raw.intScores !== undefined && (tag === "Int16Array" || tag === "Int32Array"))
    dtype = tag === "Int16Array" ? "i16" : "i32";
  const buf = stage(dtype);
  const [rb] = bufferParts(buf);
  const n = array.length;
  for (let i = 0; i < n; i += CHUNK) {
    const len = Math.min(CHUNK, n - i);
    buf.array.set(len === n ? array : array.subarray(i, i + len));
    call(() => t.extendBuffer(rb, len, i, undefined, policy));
  }
}
