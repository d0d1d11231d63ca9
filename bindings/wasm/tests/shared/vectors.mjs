// Runner of the shared conformance vectors (tests/vectors/survey.json, format in
// tests/vectors/README.md) against the JS API. Runs in Node and in the browser: it gets the API
// object (`import * as cx`) and the parsed JSON from its caller.
//
// Every case runs in three variants:
//   array         scores and weights as plain arrays (null = missing)
//   Float64Array  scores and weights as Float64Array (NaN = missing)
//   Tally         new Tally(scale, scores, { weights, onInvalid }) then metric(tally, options)

export const VARIANTS = ["array", "Float64Array", "Tally"];

/** JSON function name -> JS export. */
export const FUNCTIONS = {
  nps: "nps",
  csat: "csat",
  ces: "ces",
  mean: "mean",
  top_box: "topBox",
  bottom_box: "bottomBox",
  distribution: "distribution",
};

/** Scales the metrics use when none is given (others require one). */
const DEFAULT_SCALE = { nps: [0, 10], csat: [1, 5] };

/** Result fields compared with a tolerance; every other field must be exact. */
const FLOAT_FIELDS = new Set([
  "score",
  "promoters",
  "passives",
  "detractors",
  "sumWeights",
  "nEff",
  "stdDev",
  "shares",
]);

export const camel = (key) => key.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

/** JSON value -> JS number: null stays null (missing); "inf", "-inf", "nan" strings. */
function num(v) {
  if (v === "inf") return Infinity;
  if (v === "-inf") return -Infinity;
  if (v === "nan") return NaN;
  return v;
}

function values(list, variant) {
  const xs = list.map(num);
  return variant === "Float64Array" ? Float64Array.from(xs, (x) => (x === null ? NaN : x)) : xs;
}

/** The case's options in JS spelling (camelCase keys, buckets object). */
export function jsOptions(c) {
  const o = {};
  for (const [k, v] of Object.entries(c.options ?? {})) {
    if (k === "buckets" && v !== null) o.buckets = { detractorMax: v.detractor_max, promoterMin: v.promoter_min };
    else o[camel(k)] = v;
  }
  return o;
}

/** Calls the API for case `c` in `variant`; returns the result (or throws). */
export function call(cx, c, variant) {
  const fn = cx[FUNCTIONS[c.function]];
  if (typeof fn !== "function") throw new Error(`unknown function ${c.function}`);
  const options = jsOptions(c);
  const scores = values(c.scores, variant);
  const weights = c.weights === null || c.weights === undefined ? undefined : values(c.weights, variant);
  if (variant !== "Tally") {
    if (weights !== undefined) options.weights = weights;
    return fn(scores, options);
  }
  const { scale, onInvalid, ...metricOptions } = options;
  const tally = new cx.Tally(scale ?? DEFAULT_SCALE[c.function], scores, { weights, onInvalid });
  try {
    return fn(tally, metricOptions);
  } finally {
    tally.free();
  }
}

/** Whether the case can run in the variant (a Tally needs a scale up front). */
export function applies(c, variant) {
  return variant !== "Tally" || c.options?.scale !== undefined || c.function in DEFAULT_SCALE;
}

function compareValue(key, actual, expected, tol, failures) {
  if (expected === null || typeof expected !== "number") {
    if (actual !== expected)
      failures.push(`${key}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
    return;
  }
  if (typeof actual !== "number") {
    failures.push(`${key}: got ${JSON.stringify(actual)}, expected the number ${expected}`);
    return;
  }
  if (FLOAT_FIELDS.has(key.replace(/\[\d+\]$/, ""))) {
    if (!(Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)))) {
      failures.push(`${key}: got ${actual}, expected ${expected} (tolerance ${tol})`);
    }
  } else if (actual !== expected) failures.push(`${key}: got ${actual}, expected exactly ${expected}`);
}

/** Runs case `c` in `variant`; returns a list of failure messages (empty = pass). */
export function check(cx, c, variant) {
  const failures = [];
  let result;
  try {
    result = call(cx, c, variant);
  } catch (e) {
    if (!c.expected_error) return [`threw ${e?.name}: ${e?.message}`];
    if (!(e instanceof cx.CxMetricsError)) return [`threw ${e?.name} (${e?.message}), expected a CxMetricsError`];
    const want = c.expected_error;
    if (e.code !== want.code) failures.push(`code ${e.code}, expected ${want.code} (${e.message})`);
    if ("index" in want && e.index !== want.index)
      failures.push(`index ${e.index}, expected ${want.index} (${e.message})`);
    return failures;
  }
  if (c.expected_error) return [`returned ${JSON.stringify(result)}, expected error ${c.expected_error.code}`];
  for (const [k, expected] of Object.entries(c.expected)) {
    const key = camel(k);
    if (!(key in result)) {
      failures.push(`result has no field ${key}`);
      continue;
    }
    const actual = result[key];
    if (Array.isArray(expected)) {
      if (!Array.isArray(actual) || actual.length !== expected.length) {
        failures.push(`${key}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
        continue;
      }
      expected.forEach((e, i) => {
        compareValue(`${key}[${i}]`, actual[i], e, c.tolerance, failures);
      });
    } else compareValue(key, actual, expected, c.tolerance, failures);
  }
  return failures;
}
