// Runner of tests/vectors/lifecycle.json (conversion, churn, retention, CLV) and
// tests/vectors/segments.json (segments, trends) against the JS API (format in
// tests/vectors/README.md), mirroring crates/cxmetrics/tests/vectors_lifecycle_segments.rs.
// Runs in Node and in the browser.
//
// Segment keys run as given (an array of key columns) and, with one column, as that
// column alone; trend times run as ISO strings, as Dates and as epoch milliseconds.

import { camel, checkCase, num } from "./compare.mjs";

const METRIC_OPTIONS = ["metric", "scale", "buckets", "threshold", "bottom_threshold", "higher_is_better"];

/** The variants a case runs in. */
export function variantsOf(c) {
  if (c.function === "segment") return c.keys.length === 1 ? ["columns", "column"] : ["columns"];
  if (c.function === "trend" && c.expected) return ["iso", "date", "ms"];
  return ["args"];
}

const decode = (o) => Object.fromEntries(Object.entries(o ?? {}).map(([k, v]) => [camel(k), num(v)]));
const values = (xs) => xs.map((x) => (x === null ? null : num(x)));

/** The survey-metric and report options of a segment / trend case, in JS spelling. */
function metricOptions(o) {
  const out = {};
  for (const k of METRIC_OPTIONS) {
    const v = o[k];
    if (v === undefined || v === null) continue;
    out[camel(k)] = k === "buckets" ? { detractorMax: v.detractor_max, promoterMin: v.promoter_min } : v;
  }
  if (o.method !== undefined && o.method !== null) out[o.metric === "csat" ? "csatMethod" : "cesMethod"] = o.method;
  for (const k of ["on_invalid", "min_n", "level"]) if (k in o) out[camel(k)] = num(o[k]);
  return out;
}

function rate(r, level) {
  const i = level === undefined ? r.interval() : r.interval({ level });
  return { ...r.toJSON(), lower: i.lower, upper: i.upper };
}

/** The segment report of case `c` (the result object itself). */
export function segmentOf(cx, c, variant = "columns") {
  const o = c.options ?? {};
  const options = metricOptions(o);
  if (c.weights !== null && c.weights !== undefined) options.weights = values(c.weights);
  const by = variant === "column" ? c.keys[0] : c.keys;
  return cx.segment(values(c.scores), by, options);
}

function segment(cx, c, variant) {
  return segmentOf(cx, c, variant).toJSON();
}

/** The trend rows of case `c` (the frozen array itself). */
export function trendOf(cx, c, variant = "iso") {
  const o = c.options ?? {};
  const options = metricOptions(o);
  for (const k of ["period", "time_zone", "adjust", "alpha", "rolling_days"]) if (k in o) options[camel(k)] = num(o[k]);
  if (c.weights !== null && c.weights !== undefined) options.weights = values(c.weights);
  const times = c.times.map((t) => (variant === "date" ? new Date(t) : variant === "ms" ? Date.parse(t) : t));
  return cx.trend(values(c.scores), times, options);
}

function trend(cx, c, variant) {
  const rows = trendOf(cx, c, variant);
  if (!Object.isFrozen(rows)) throw new Error("trend rows are not frozen");
  return { rows: rows.map((r) => r.toJSON()) };
}

/** Calls the API for case `c` in `variant`; returns a plain value shaped like `c.expected`. */
export function run(cx, c, variant = "args") {
  const a = decode(c.args);
  const { level, ...o } = decode(c.options);
  switch (c.function) {
    case "conversion_rate":
      return rate(cx.conversionRate(a.conversions, a.interactions), level);
    case "retention_rate":
      return rate(cx.retentionRate(a.start, a.end, a.new), level);
    case "churn_rate":
      return rate(cx.churnRate(a.churned, a.start, o), level);
    case "revenue_retention": {
      const r = cx.revenueRetention(a.start, {
        expansion: a.expansion,
        contraction: a.contraction,
        churned: a.churned,
      });
      if (!Object.isFrozen(r)) throw new Error("revenue retention result is not frozen");
      return r.toJSON();
    }
    case "clv_from_churn":
      return { value: cx.clvFromChurn(a.arpu, { margin: a.margin, churn: a.churn }) };
    case "clv_from_retention":
      return { value: cx.clvFromRetention(a.arpu, { retention: a.retention }) };
    case "segment":
      return segment(cx, c, variant);
    case "trend":
      return trend(cx, c, variant);
    default:
      throw new Error(`unknown function ${c.function}`);
  }
}

/** Segment and trend tables must have exactly the expected fields (none missing or extra). */
function sameFields(actual, expected) {
  const rows = [...(expected.rows ?? []), ...(expected.overall ? [expected.overall] : [])];
  const got = [...(actual.rows ?? []), ...(actual.overall ? [actual.overall] : [])];
  if (rows.length === 0 || got.length === 0) return [];
  const want = Object.keys(rows[0]).map(camel).sort();
  const have = Object.keys(got[0]).sort();
  return JSON.stringify(want) === JSON.stringify(have) ? [] : [`fields ${have}, expected ${want}`];
}

/** Runs case `c` in `variant`; returns a list of failure messages (empty = pass). */
export function check(cx, c, variant = "args") {
  let result;
  const failures = checkCase(cx, c, () => {
    result = run(cx, c, variant);
    return result;
  });
  if (failures.length === 0 && c.expected && (c.function === "segment" || c.function === "trend")) {
    return sameFields(result, c.expected);
  }
  return failures;
}
