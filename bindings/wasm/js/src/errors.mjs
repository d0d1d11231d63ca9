// CxMetricsError and the one call() that re-throws the raw layer's errors.

import { assertReady } from "./raw.mjs";

/**
 * The error of every invalid input or option: `code` is stable (`"empty"`,
 * `"out_of_scale"`, ...), `index` is the offending position or `null`.
 */
export class CxMetricsError extends Error {
  constructor(message, code, index = null) {
    super(message);
    this.code = code;
    this.index = index;
  }
}
Object.defineProperty(CxMetricsError.prototype, "name", {
  value: "CxMetricsError",
  writable: true,
  configurable: true,
});

/** Calls into wasm; re-throws the raw layer's errors as CxMetricsError. */
export function call(f) {
  if (assertReady) assertReady();
  try {
    return f();
  } catch (e) {
    if (e instanceof Error && e.cxmetrics === true && !(e instanceof CxMetricsError)) {
      throw new CxMetricsError(e.message, e.code, e.index ?? null);
    }
    throw e;
  }
}

/** An invalid_argument error made here, worded like the core's. */
export function argumentError(name, message) {
  return new CxMetricsError(`invalid argument \`${name}\`: ${message}`, "invalid_argument", null);
}
