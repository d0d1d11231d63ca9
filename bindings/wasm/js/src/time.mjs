// Instants (Date, epoch milliseconds, ISO 8601 strings) and label columns for the raw layer.

import { describe, floats64, floatsArg, tagOf } from "./convert.mjs";
import { CxMetricsError } from "./errors.mjs";

const dateGetTime = Date.prototype.getTime;
/** Epoch ms of a Date (of any realm), or undefined when `v` is not a Date. */
export function dateMillis(v) {
  try {
    return dateGetTime.call(v);
  } catch {
    return undefined;
  }
}
export const INSTANT =
  "an instant (a Date, epoch milliseconds or an ISO 8601 string with an offset such as 2026-11-02T09:00:00Z)";
// An ISO 8601 instant is ~35 characters; the core names a bad one in its message.
export const shortText = (v) => (v.length > 64 ? `${v.slice(0, 64)}…` : v);

/**
 * One instant for the raw layer: epoch ms (NaN = absent), a string, or undefined
 * (absent). `label` names it in messages; `index` is the error's index.
 */
export function instantValue(v, label, index = null) {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "number") return v;
  if (typeof v === "string") return shortText(v);
  if (typeof v === "object") {
    const ms = dateMillis(v);
    if (ms !== undefined) {
      if (Number.isNaN(ms)) {
        throw new CxMetricsError(
          `invalid argument \`${label}\`: an invalid Date (its time is NaN)`,
          "invalid_argument",
          index,
        );
      }
      return ms;
    }
  }
  throw new TypeError(`${label} must be ${INSTANT}, not ${describe(v)}`);
}

/** A required single instant (a TypeError when absent, as for any missing argument). */
export function requiredInstant(v, what) {
  if (v === null || v === undefined) throw new TypeError(`${what} must be ${INSTANT}, not ${describe(v)}`);
  return instantValue(v, what);
}

/** Converted instants (numbers, strings, undefined) as { ms, strings? } for the raw layer. */
export function columnOf(values, what) {
  const n = values.length;
  const ms = floats64(what, n, () => new Float64Array(n));
  let strings;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v === "string") {
      (strings ??= new Array(n))[i] = v;
      ms[i] = NaN;
    } else ms[i] = v === undefined ? NaN : v;
  }
  return strings === undefined ? { ms } : { ms, strings };
}

/**
 * A column of instants for the raw layer: { ms: Float64Array (NaN where absent or a
 * string), strings?: the strings at their positions }.
 */
export function instantColumn(values, what) {
  const tag = tagOf(values);
  if (tag !== undefined && tag !== "BigInt64Array" && tag !== "BigUint64Array") {
    return { ms: floatsArg(values, what) };
  }
  if (!Array.isArray(values)) {
    throw new TypeError(
      `${what} must be an array of instants (Dates, epoch milliseconds or ISO 8601 strings with an offset), not ${describe(values)}`,
    );
  }
  return columnOf(
    Array.from(values, (v, i) => instantValue(v, `${what}[${i}]`, i)),
    what,
  );
}

/** Labels (channel, priority): strings or null / undefined. */
export function labelColumn(values, what) {
  if (!Array.isArray(values))
    throw new TypeError(`${what} must be an array of strings (or null), not ${describe(values)}`);
  return Array.from(values, (v, i) => {
    if (v === null || v === undefined) return null;
    if (typeof v !== "string") throw new TypeError(`${what}[${i}] must be a string or null, not ${describe(v)}`);
    return v;
  });
}
