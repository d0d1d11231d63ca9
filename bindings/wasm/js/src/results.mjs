// Result objects: frozen plain data with toJSON(), the private inference estimate,
// intervals and comparisons; rows of tables.

import { CxMetricsError, call } from "./errors.mjs";
import { optionalNumber, optionalString, optionsArg } from "./options.mjs";
import { raw } from "./raw.mjs";

// Every result leaves the raw layer in one shape (src/results.rs `Out`): a Float64Array
// `nums`, or `[nums, ...values]` when some values are not numbers. `nums[0]` is the id of
// the result's layout, a string fetched once per id (`raw.resultLayout`) that names the
// fields in order, each tagged `=` (a number), `?` (a number or null: NaN), `!` (a
// boolean: 0 / 1), `#` (a Float64Array) or `%` (a Uint8Array of booleans), the last two a
// length then the items, all read in turn from `nums`; or `*` (any other value: a string,
// an array), read in turn from `values`. `name:value` is a string written in the layout
// (a method's name, a clock); `a.b` is field `b` of a nested object `a`. `decode` is the
// one reader: field names live only in Rust.

const layouts = []; // layout id -> [[path, tag, constant]]

function parseLayout(layout) {
  return layout.split(" ").map((f) => {
    const colon = f.indexOf(":");
    if (colon >= 0) return [[f.slice(0, colon)], ":", f.slice(colon + 1)];
    return [f.slice(0, -1).split("."), f.at(-1)];
  });
}

/** The fields of a raw result, in order (lists and table columns as typed arrays). */
export function decode(out) {
  const nums = ArrayBuffer.isView(out) ? out : out[0];
  const id = nums[0];
  const fields = layouts[id] ?? (layouts[id] = parseLayout(raw.resultLayout(id)));
  const obj = {};
  let i = 1;
  let j = 1;
  for (const [path, tag, constant] of fields) {
    let v;
    if (tag === ":") v = constant;
    else if (tag === "*") v = out[j++];
    else if (tag === "#" || tag === "%") {
      const end = i + 1 + nums[i];
      v = tag === "#" ? nums.slice(i + 1, end) : Uint8Array.from(nums.subarray(i + 1, end));
      i = end;
    } else {
      v = nums[i++];
      if (tag === "!") v = v === 1;
      else if (tag === "?" && Number.isNaN(v)) v = null;
    }
    if (path.length === 1) obj[path[0]] = v;
    else (obj[path[0]] ??= {})[path[1]] = v;
  }
  return obj;
}

let coreDefaults;
/**
 * The core's defaults of the options the wrapper fills when they are not given
 * ({ level, minN, adjust, alpha, power, variance, p }; src/stats.rs `defaults`), read
 * once, on first use (the web build's module is not instantiated before `init()`).
 */
export const defaults = () => (coreDefaults ??= decode(call(() => raw.defaults())));

/** Plain data for a result: typed arrays as frozen arrays, nested objects frozen. */
function dataOf(obj) {
  for (const [k, v] of Object.entries(obj)) {
    if (ArrayBuffer.isView(v)) obj[k] = Object.freeze(Array.from(v));
    else if (v !== null && typeof v === "object") obj[k] = Object.freeze(dataOf(v));
  }
  return obj;
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

// toSVG() (the full module only: the light one has no charts, so no `raw.chartNps`).
// NPS and distributions are drawn from their own fields (`raw.chartNps` /
// `raw.chartDistribution`, which rebuild the core value); tables keep the core result in a
// raw `RawChart` handle (their `chart` field), held in a private field or closure.

/** Why there is no chart: the light module, or not a result computed by cxmetrics. */
export function noChart() {
  if (raw.chartNps === undefined) {
    return new Error(
      'toSVG(): charts are in the full module only; import "cxmetrics" (or "cxmetrics/web"), not "cxmetrics/survey"',
    );
  }
  return new TypeError("toSVG() draws a result computed by cxmetrics, not a copy of one");
}

/** The SVG of a table's kept core result (a RawChart; undefined: see noChart). */
export function svgOf(chart) {
  if (chart === undefined) throw noChart();
  return chart.svg();
}

export let estimateOf;
export let isResult;

/**
 * Frozen plain-data results with toJSON(). The inference estimate (the core's
 * sufficient statistics) lives in a private field: not a property, so it stays out of
 * Object.keys, JSON and equality checks, and cannot be forged.
 */
export class Result {
  #estimate;
  constructor(fields, estimate) {
    Object.assign(this, fields);
    this.#estimate = estimate;
    Object.freeze(this);
  }
  static {
    isResult = (r) => r !== null && typeof r === "object" && #estimate in r;
    estimateOf = (r) => (isResult(r) ? r.#estimate : undefined);
  }
  toJSON() {
    return copyFields(this);
  }
}

export const LEVEL = ["level"];
export const LEVEL_METHOD = ["level", "method"];
/** Confidence level: a number, default the core's (0.95; the core checks its range). */
export const levelArg = (o) => optionalNumber(o.level, "level") ?? defaults().level;

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

/** A result of class C from a raw result (its `estimate`, if any, kept apart and private). */
export function fromRaw(C, out) {
  const { estimate, ...rest } = decode(out);
  return new C(dataOf(rest), estimate !== undefined && estimate.length > 0 ? estimate : undefined);
}

export class NpsResult extends Estimated {
  /** The core's SVG chart: the stacked bar and the score with its default (95 %) interval. */
  toSVG() {
    if (!isResult(this) || raw.chartNps === undefined) throw noChart();
    return call(() => raw.chartNps(this, estimateOf(this)));
  }
}

export class CsatResult extends Estimated {}
export class CesResult extends Estimated {}
export class MeanResult extends Estimated {}
export class BoxResult extends Estimated {}
export class Distribution extends Result {
  /** The core's SVG chart: one bar per scale point, top and bottom boxes coloured. */
  toSVG() {
    if (!isResult(this) || raw.chartDistribution === undefined) throw noChart();
    return call(() => raw.chartDistribution(this));
  }
}

/** A confidence interval: { lower, upper, level, method }; `const [lo, hi] = interval` works. */
export class Interval {
  constructor(out) {
    Object.assign(this, decode(out));
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

/** The signed comparison a − b: difference, interval, statistic, p-value. */
export class Comparison {
  constructor(out) {
    Object.assign(this, decode(out));
    Object.freeze(this);
  }
  toJSON() {
    return copyFields(this);
  }
}

/** A paired NPS change: a comparison with the pairs used (`n`) and dropped (`missing`). */
export class PairedNpsResult extends Comparison {}

/**
 * Frozen row objects from the columns of a decoded table (its `rows` field: one column
 * per row field, in order; NaN in a number column = null).
 */
export function rowsOf(cols, make) {
  const names = Object.keys(cols);
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
