// Result objects: frozen plain data with toJSON(), the private inference estimate,
// intervals and comparisons; rows of tables.

import { raw } from "./raw.mjs";
import { call, CxMetricsError } from "./errors.mjs";
import { optionalNumber, optionalString, optionsArg } from "./options.mjs";

// The raw layer returns results as small wasm structs with one getter per field
// (src/results.rs). Copy them into plain data and free the struct at once.
// wasm-bindgen lists getters alphabetically; results list their fields in this order
// (the order of the Rust and Python results); any other field follows.
const ORDER = [
  "score",
  "promoters",
  "passives",
  "detractors",
  "nPromoters",
  "nPassives",
  "nDetractors",
  "buckets",
  "detractorMax",
  "promoterMin",
  "method",
  "higherIsBetter",
  "threshold",
  "bottomThreshold",
  "stdDev",
  "count",
  "points",
  "counts",
  "shares",
  "n",
  "missing",
  "invalid",
  "sumWeights",
  "nEff",
  "weighted",
];
const rank = (k) => (ORDER.includes(k) ? ORDER.indexOf(k) : ORDER.length);
const getterNames = new Map();
function fieldsOf(out) {
  const proto = Object.getPrototypeOf(out);
  let names = getterNames.get(proto);
  if (!names) {
    names = Object.entries(Object.getOwnPropertyDescriptors(proto))
      .filter(([, d]) => typeof d.get === "function")
      .map(([k]) => k)
      .sort((a, b) => rank(a) - rank(b));
    getterNames.set(proto, names);
  }
  return names;
}
/** The getters of a raw result as plain data (the estimate apart), then frees it. */
function plain(out) {
  try {
    const fields = {};
    for (const key of fieldsOf(out)) {
      if (key === "estimate") continue;
      let v = out[key];
      if (v === undefined) v = null; // Option::None
      else if (ArrayBuffer.isView(v)) v = Object.freeze(Array.from(v));
      else if (v !== null && typeof v === "object") v = Object.freeze(plain(v)); // nested struct
      fields[key] = v;
    }
    return fields;
  } finally {
    out.free();
  }
}

/** A raw result's fields and its estimate (a Float64Array, or undefined when it has none). */
function unwrap(out) {
  const est = out.estimate;
  return [plain(out), est !== undefined && est.length > 0 ? est : undefined];
}

/** A plain copy of a result's fields (arrays and nested objects copied too). */
export function copyFields(obj) {
  const out = {};
  for (const [k, v] of Object.entries(obj)) {
    out[k] = Array.isArray(v)
      ? v.map((x) => (x !== null && typeof x === "object" ? copyFields(x) : x))
      : v !== null && typeof v === "object"
        ? copyFields(v)
        : v;
  }
  return out;
}

export let estimateOf;

/**
 * Frozen plain-data results with toJSON(). The inference estimate (the core's
 * sufficient statistics) lives in a private field: not a property, so it stays out of
 * Object.keys, JSON and equality checks, and cannot be forged.
 */
class Result {
  #estimate;
  constructor(fields, estimate) {
    Object.assign(this, fields);
    this.#estimate = estimate;
    Object.freeze(this);
  }
  static {
    estimateOf = (r) => (r !== null && typeof r === "object" && #estimate in r ? r.#estimate : undefined);
  }
  toJSON() {
    return copyFields(this);
  }
}

export const LEVEL = ["level"];
export const LEVEL_METHOD = ["level", "method"];
/** Confidence level: a number, default 0.95 (the core checks its range). */
export const levelArg = (o) => optionalNumber(o.level, "level") ?? 0.95;

/** A result with an estimate: interval() and marginOfError() (shared prototype). */
export class Estimated extends Result {
  /** A confidence interval ({ level = 0.95, method = the kind's default }). */
  interval(options) {
    const o = optionsArg(options, LEVEL_METHOD, "interval");
    const level = levelArg(o);
    const method = optionalString(o.method, "method");
    const est = estimateFrom(this);
    return new Interval(call(() => raw.estimateInterval(est, level, method)));
  }
  /** Half-width of the default interval before clamping ({ level = 0.95 }). */
  marginOfError(options) {
    const o = optionsArg(options, LEVEL, "marginOfError");
    const level = levelArg(o);
    const est = estimateFrom(this);
    return call(() => raw.estimateMargin(est, level));
  }
}

/** The estimate of an Estimated result; a stored core error (e.g. `empty`) is thrown. */
export function estimateFrom(r) {
  const est = estimateOf(r);
  if (est instanceof CxMetricsError) throw new CxMetricsError(est.message, est.code, est.index);
  if (est === undefined) throw new TypeError("this result has no estimate to infer from");
  return est;
}

/** A result of class C from a raw result struct. */
export const result = (C, out) => new C(...unwrap(out));

export class NpsResult extends Estimated {}
export class CsatResult extends Estimated {}
export class CesResult extends Estimated {}
export class MeanResult extends Estimated {}
export class BoxResult extends Estimated {}
export class Distribution extends Result {}

/** Reads fixed fields of a raw struct, in order, then frees it. */
function take(out, keys) {
  try {
    const fields = {};
    for (const k of keys) {
      const v = out[k];
      fields[k] = v === undefined ? null : v;
    }
    return fields;
  } finally {
    out.free();
  }
}

/** A confidence interval: { lower, upper, level, method }; `const [lo, hi] = interval` works. */
export class Interval {
  constructor(out) {
    Object.assign(this, take(out, ["lower", "upper", "level", "method"]));
    Object.freeze(this);
  }
  *[Symbol.iterator]() {
    yield this.lower;
    yield this.upper;
  }
  toJSON() {
    return copyFields(this);
  }
}

const COMPARISON = ["difference", "lower", "upper", "statistic", "pValue", "df", "method", "level"];

/** The signed comparison a − b: difference, interval, statistic, p-value. */
export class Comparison {
  constructor(out, keys = COMPARISON) {
    Object.assign(this, take(out, keys));
    Object.freeze(this);
  }
  toJSON() {
    return copyFields(this);
  }
}
export class PairedNpsResult extends Comparison {
  constructor(out) {
    super(out, [...COMPARISON, "n", "missing"]);
  }
}

// Results the raw layer built as plain objects.

/** A result from a plain object made by the raw layer (its `estimate` kept apart). */
export function fromObject(C, obj) {
  const { estimate, ...fields } = obj;
  return new C(fields, estimate !== undefined && estimate.length > 0 ? estimate : undefined);
}

/** Frozen row objects from a raw table (NaN in a number column = null). */
export function rowsOf(cols, names, make) {
  const n = cols[names[0]].length;
  const rows = new Array(n);
  for (let i = 0; i < n; i++) {
    const fields = {};
    for (const k of names) {
      const col = cols[k];
      let v = col[i];
      if (col instanceof Uint8Array) v = v === 1;
      else if (typeof v === "number" && Number.isNaN(v)) v = null;
      fields[k] = v;
    }
    rows[i] = make(fields, i);
  }
  return rows;
}

/** Frozen data rows (segments, trends) with toJSON. */
export class Row {
  constructor(fields) {
    Object.assign(this, fields);
    Object.freeze(this);
  }
  toJSON() {
    return copyFields(this);
  }
}
