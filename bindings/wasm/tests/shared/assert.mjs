// A tiny assertion library that runs in Node and in the browser (no node:assert there).

export class AssertionError extends Error {}
AssertionError.prototype.name = "AssertionError";

const fmt = (v) => {
  if (typeof v === "bigint") return `${v}n`;
  if (typeof v === "number" && Number.isNaN(v)) return "NaN";
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
};

export function ok(cond, msg = "expected a truthy value") {
  if (!cond) throw new AssertionError(msg);
}

export function equal(actual, expected, msg = "values differ") {
  if (!Object.is(actual, expected)) throw new AssertionError(`${msg}: got ${fmt(actual)}, expected ${fmt(expected)}`);
}

export function deepEqual(actual, expected, msg = "values differ") {
  const a = fmt(actual);
  const e = fmt(expected);
  if (a !== e) throw new AssertionError(`${msg}: got ${a}, expected ${e}`);
}

export function close(actual, expected, tol = 1e-12, msg = "not close") {
  if (typeof actual !== "number" || !(Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)))) {
    throw new AssertionError(`${msg}: got ${fmt(actual)}, expected ${fmt(expected)} (tolerance ${tol})`);
  }
}

/**
 * Asserts that `fn` throws; checks `type` (a constructor), `code`, `index` and `message`
 * (a RegExp) when given. Returns the error.
 */
export function throws(fn, expect = {}, msg = "expected an error") {
  let error;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  if (error === undefined) throw new AssertionError(`${msg}: nothing was thrown`);
  const { type, code, index, message } = expect;
  if (type && !(error instanceof type)) {
    throw new AssertionError(`${msg}: threw ${error?.name ?? typeof error} (${error?.message}), expected ${type.name}`);
  }
  if (code !== undefined && error.code !== code) {
    throw new AssertionError(`${msg}: code ${fmt(error.code)}, expected ${fmt(code)} (${error.message})`);
  }
  if (index !== undefined && error.index !== index) {
    throw new AssertionError(`${msg}: index ${fmt(error.index)}, expected ${fmt(index)} (${error.message})`);
  }
  if (message && !message.test(error.message)) {
    throw new AssertionError(`${msg}: message ${fmt(error.message)} does not match ${message}`);
  }
  return error;
}
