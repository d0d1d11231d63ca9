// Comparison of a JS result with a vector's `expected` value (stats, service and business
// vectors; tests/vectors/README.md): keys are snake_case in the vectors, camelCase in JS;
// integer fields and strings, booleans and null must match exactly; every other number
// within |actual − expected| <= tolerance · max(1, |expected|). Runs in Node and in the browser.

export const camel = (key) => key.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

/** JSON cell -> JS number: "nan", "inf", "-inf" strings; everything else unchanged. */
export function num(v) {
  if (v === "inf") return Infinity;
  if (v === "-inf") return -Infinity;
  if (v === "nan") return NaN;
  return v;
}

/** Fields compared exactly (counts). */
const EXACT = new Set([
  "n",
  "missing",
  "invalid",
  "count",
  "open",
  "achieved",
  "breached",
  "running",
  "untargeted",
  "churned",
]);

const show = (v) => {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
};

/**
 * The first difference between `actual` and `expected` as a message, or null when they
 * match. `same(actual, expected, path)` may decide a pair first (return true / false) or
 * defer (undefined), e.g. to compare instants as instants.
 */
export function diff(actual, expected, tol, path = "expected", same = undefined) {
  const decided = same?.(actual, expected, path);
  if (decided === true) return null;
  if (decided === false) return `${path}: got ${show(actual)}, expected ${show(expected)}`;
  if (expected === null) {
    return actual === null || actual === undefined ? null : `${path}: got ${show(actual)}, expected null`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      return `${path}: got ${show(actual)}, expected ${show(expected)}`;
    }
    for (let i = 0; i < expected.length; i++) {
      const d = diff(actual[i], expected[i], tol, `${path}[${i}]`, same);
      if (d) return d;
    }
    return null;
  }
  if (typeof expected === "object") {
    if (actual === null || typeof actual !== "object") return `${path}: got ${show(actual)}, expected an object`;
    for (const [k, e] of Object.entries(expected)) {
      const key = camel(k);
      const a = key in actual ? actual[key] : actual[k];
      const d = diff(a, e, tol, `${path}.${key}`, same);
      if (d) return d;
    }
    return null;
  }
  if (typeof expected === "number") {
    if (typeof actual !== "number") return `${path}: got ${show(actual)}, expected the number ${expected}`;
    const field = path
      .replace(/\[\d+\]$/, "")
      .split(".")
      .pop();
    const ok = EXACT.has(field)
      ? actual === expected
      : Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected));
    return ok ? null : `${path}: got ${actual}, expected ${expected} (tolerance ${tol})`;
  }
  return actual === expected ? null : `${path}: got ${show(actual)}, expected ${show(expected)}`;
}

/**
 * Runs `run()` for vector case `c`; returns a list of failures (empty = pass): the
 * expected error (a CxMetricsError with the code and, when given, the index) or the
 * expected value.
 */
export function checkCase(cx, c, run, same = undefined) {
  let result;
  try {
    result = run();
  } catch (e) {
    if (!c.expected_error) return [`threw ${e?.name}: ${e?.message}`];
    if (!(e instanceof cx.CxMetricsError)) return [`threw ${e?.name} (${e?.message}), expected a CxMetricsError`];
    const want = c.expected_error;
    const failures = [];
    if (e.code !== want.code) failures.push(`code ${e.code}, expected ${want.code} (${e.message})`);
    if (want.index !== undefined && want.index !== null && e.index !== want.index) {
      failures.push(`index ${e.index}, expected ${want.index} (${e.message})`);
    }
    return failures;
  }
  if (c.expected_error) return [`returned ${show(result)}, expected error ${c.expected_error.code}`];
  const d = diff(result, c.expected, c.tolerance ?? 1e-9, "expected", same);
  return d ? [d] : [];
}
