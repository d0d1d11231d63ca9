// Segment reports: a survey metric per segment of one or more key columns.

import { raw } from "./raw.mjs";
import { call, CxMetricsError } from "./errors.mjs";
import { describe, floatsArg, numbers, tagOf } from "./convert.mjs";
import { given, intArg, onInvalidArg, optionalInt, optionalString, optionsArg } from "./options.mjs";
import { needLabels, Scale, scaleArg, textValues } from "./scale.mjs";
import { copyFields, decode, defaults, levelArg, Row, rowsOf, svgOf } from "./results.mjs";

const METRIC_OPTIONS = ["metric", "scale", "buckets", "csatMethod", "cesMethod", "threshold", "bottomThreshold", "higherIsBetter"];
/**
 * The metric of a segment / trend call for the raw layer: options type-checked and spelled
 * for it. The rules (which options apply, which are required, default scales) are the
 * core's (`MetricKind`, `SurveyMetric::resolve`).
 */
export function metricSpec(fn, o) {
  const spec = { fn };
  const metric = optionalString(o.metric, "metric");
  if (metric !== undefined) spec.metric = metric;
  if (given(o.buckets)) {
    if (typeof o.buckets !== "object" || Array.isArray(o.buckets)) {
      throw new TypeError(`buckets must be an object { detractorMax, promoterMin }, not ${describe(o.buckets)}`);
    }
    const b = optionsArg(o.buckets, ["detractorMax", "promoterMin"], `${fn}() buckets`);
    spec.detractorMax = intArg(b.detractorMax, "buckets.detractorMax");
    spec.promoterMin = intArg(b.promoterMin, "buckets.promoterMin");
  }
  for (const k of ["csatMethod", "cesMethod"]) {
    const v = optionalString(o[k], k);
    if (v !== undefined) spec[k] = v;
  }
  for (const k of ["threshold", "bottomThreshold"]) {
    const v = optionalInt(o[k], k);
    if (v !== undefined) spec[k] = v;
  }
  if (given(o.higherIsBetter)) {
    if (typeof o.higherIsBetter !== "boolean") {
      throw new TypeError(`higherIsBetter must be a boolean, not ${describe(o.higherIsBetter)}`);
    }
    spec.higherIsBetter = o.higherIsBetter;
  }
  if (given(o.scale)) {
    const scale = scaleArg(o.scale);
    spec.min = scale.min;
    spec.max = scale.max;
  }
  return spec;
}

/**
 * Raw scores for segments and trends: one Float64Array (NaN = missing); text answers
 * are read on the given scale (labels included) or the metric's default scale.
 */
export function floatScores(scores, o, spec) {
  if (Array.isArray(scores) && scores.some((v) => typeof v === "string")) {
    needLabels();
    const scale = given(o.scale) ? scaleArg(o.scale) : new Scale(...call(() => raw.specScale(spec)));
    return textValues(scale, scores, onInvalidArg(o.onInvalid));
  }
  if (!Array.isArray(scores) && tagOf(scores) === undefined) {
    throw new TypeError(
      `scores must be an array of numbers (null or undefined for a missing answer) or a typed array, not ${describe(scores)}`,
    );
  }
  return floatsArg(scores, "scores");
}

/** One part of a segment key: a string or a safe integer; null / undefined / NaN are missing. */
function keyPart(v, i) {
  if (typeof v === "string") return v;
  if (typeof v === "number") {
    if (Number.isSafeInteger(v)) return v + 0; // -0 -> 0
    if (!Number.isNaN(v)) throw new TypeError(`keys must be strings or integers; the key at index ${i} is ${describe(v)}`);
  }
  if (v === null || v === undefined || Number.isNaN(v)) {
    throw new CxMetricsError(
      `invalid argument \`by\`: the key at index ${i} is missing; give every row a key (e.g. "(none)")`,
      "invalid_argument",
      i,
    );
  }
  throw new TypeError(`keys must be strings or integers; the key at index ${i} is ${describe(v)}`);
}

/** Factorises the key columns: codes per row and labels (flattened parts) per code. */
function factorize(by) {
  const isColumn = (c) => Array.isArray(c) || tagOf(c) !== undefined;
  if (!isColumn(by)) {
    throw new TypeError(`by must be a key column (an array of strings or integers) or an array of key columns, not ${describe(by)}`);
  }
  const columns = by.length > 0 && isColumn(by[0]) ? Array.from(by) : [by];
  columns.forEach((c, j) => {
    if (!isColumn(c)) throw new TypeError(`by[${j}] must be a key column, not ${describe(c)}`);
  });
  const n = columns[0].length;
  for (const c of columns) {
    if (c.length !== n) {
      throw new CxMetricsError(`keys: columns of different lengths (${n} vs ${c.length}); pass one key per score in every column`, "length_mismatch", null);
    }
  }
  const width = columns.length;
  const codes = new Uint32Array(n);
  const index = new Map();
  const parts = [];
  for (let i = 0; i < n; i++) {
    const key = columns.map((c) => keyPart(c[i], i));
    const id = width === 1 ? key[0] : JSON.stringify(key);
    let code = index.get(id);
    if (code === undefined) {
      code = index.size;
      index.set(id, code);
      parts.push(...key);
    }
    codes[i] = code;
  }
  const kinds = Uint8Array.from(parts, (p) => (typeof p === "string" ? 1 : 0));
  const ints = Float64Array.from(parts, (p) => (typeof p === "string" ? 0 : p));
  const strings = parts.map((p) => (typeof p === "string" ? p : undefined));
  return { codes, kinds, ints, strings, width };
}

class SegmentRow extends Row {}
/** A segment report: rows per key (the core's order) and the overall row from merged tallies. */
class SegmentReport {
  #chart;
  constructor(fields, chart) {
    Object.assign(this, fields);
    this.#chart = chart;
    Object.freeze(this);
  }
  /** The core's SVG chart: a bar and interval per segment on the metric's axis, the overall line. */
  toSVG() {
    return svgOf(#chart in this ? this.#chart : undefined);
  }
  toJSON() {
    return copyFields(this);
  }
}

const INPUT_OPTIONS = ["weights", "onInvalid", "minN", "level", "method"];

/** The survey metric per segment of `by` (one key column or an array of columns), overall from merged counts. */
export function segment(scores, by, options) {
  const o = optionsArg(options, [...METRIC_OPTIONS, ...INPUT_OPTIONS], "segment");
  const spec = metricSpec("segment", o);
  const s = floatScores(scores, o, spec);
  const keys = factorize(by);
  const weights = floatsArg(o.weights, "weights");
  const policy = onInvalidArg(o.onInvalid);
  const level = levelArg(o);
  const method = optionalString(o.method, "method");
  const minN = optionalInt(o.minN, "minN") ?? defaults().minN;
  const cols = decode(
    call(() =>
      raw.segmentReport(spec, keys.codes, keys.kinds, keys.ints, keys.strings, keys.width, s, weights, policy, level, method, minN),
    ),
  );
  const rows = rowsOf(cols.rows, (fields) => new SegmentRow({ ...fields, key: Object.freeze(fields.key) }));
  const overall = rows.pop();
  return new SegmentReport({ rows: Object.freeze(rows), overall }, cols.chart);
}
