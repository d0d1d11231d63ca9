// Options objects and scalar arguments: type checks only (the core checks values).

import { describe } from "./convert.mjs";

export const given = (v) => v !== undefined && v !== null;

export function intArg(v, what) {
  if (typeof v !== "number" || !Number.isInteger(v)) {
    throw new TypeError(`${what} must be an integer, not ${describe(v)}`);
  }
  return v;
}

export const optionalInt = (v, what) => (given(v) ? intArg(v, what) : undefined);

export function numberArg(v, what) {
  if (typeof v !== "number") throw new TypeError(`${what} must be a number, not ${describe(v)}`);
  return v;
}

export const optionalNumber = (v, what) => (given(v) ? numberArg(v, what) : undefined);

export function optionalString(v, what) {
  if (!given(v)) return undefined;
  if (typeof v !== "string") throw new TypeError(`${what} must be a string, not ${describe(v)}`);
  // Valid values are short words; the core names an invalid one in its message, so keep
  // that (and the copy into wasm memory) small whatever the input.
  return v.length > 64 ? `${v.slice(0, 64)}…` : v;
}

export const onInvalidArg = (v) => optionalString(v, "onInvalid") ?? "error";

export function optionsArg(options, allowed, fn) {
  if (options === undefined || options === null) return {};
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`${fn}() options must be an object, not ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      const hint = key.includes("_") ? " (options are camelCase)" : "";
      throw new TypeError(
        `${fn}() got an unknown option ${JSON.stringify(key)}${hint}; expected ${allowed.join(", ")}`,
      );
    }
  }
  return options;
}
