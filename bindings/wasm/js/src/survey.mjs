// Survey metrics: nps, csat, ces, mean, topBox, bottomBox, distribution.

import { describe } from "./convert.mjs";
import { argumentError, call } from "./errors.mjs";
import { given, intArg, optionalInt, optionalString, optionsArg } from "./options.mjs";
import { raw } from "./raw.mjs";
import { BoxResult, CesResult, CsatResult, Distribution, fromRaw, MeanResult, NpsResult } from "./results.mjs";
import { Scale, scaleArg } from "./scale.mjs";
import { extendRaw, rawOf, release, Tally } from "./tally.mjs";

const INPUT = ["scale", "weights", "onInvalid"];

/** Metrics without a default scale need one for raw scores (not for a Tally). */
function requireScale(fn, scores, o, defaultScale) {
  if (!defaultScale && !given(o.scale) && !(scores instanceof Tally)) {
    throw argumentError(
      "scale",
      `${fn}() needs the survey's response scale, e.g. { scale: [1, 5] } or { scale: Scale.oneToSeven() }`,
    );
  }
}

/**
 * Runs `metric` on a tally: the given Tally (then scale, weights and onInvalid must be
 * unset), or one built from raw scores on options.scale (or the metric's default).
 */
function onTally(fn, scores, o, defaultScale, metric) {
  if (scores instanceof Tally) {
    for (const name of INPUT) {
      if (given(o[name])) {
        throw argumentError(
          name,
          `${name} cannot be combined with a Tally: the tally fixed its scale, weights and invalid-value policy when it was built; leave ${name} unset`,
        );
      }
    }
    const t = rawOf(scores);
    return call(() => metric(t));
  }
  requireScale(fn, scores, o, defaultScale);
  const scale = given(o.scale) ? scaleArg(o.scale) : defaultScale();
  const t = call(() => new raw.RawTally(scale.min, scale.max));
  try {
    extendRaw(t, scale, scores, o.weights, o.onInvalid, true);
    return call(() => metric(t));
  } finally {
    release(t);
  }
}

/** Net Promoter Score in points (−100…100); standard buckets on 0–10. */
export function nps(scores, options) {
  const o = optionsArg(options, [...INPUT, "buckets"], "nps");
  let dmax;
  let pmin;
  if (given(o.buckets)) {
    if (typeof o.buckets !== "object" || Array.isArray(o.buckets)) {
      throw new TypeError(`buckets must be an object { detractorMax, promoterMin }, not ${describe(o.buckets)}`);
    }
    const b = optionsArg(o.buckets, ["detractorMax", "promoterMin"], "nps() buckets");
    dmax = intArg(b.detractorMax, "buckets.detractorMax");
    pmin = intArg(b.promoterMin, "buckets.promoterMin");
  }
  return fromRaw(
    NpsResult,
    onTally("nps", scores, o, Scale.nps, (t) => t.nps(dmax, pmin)),
  );
}

/** CSAT by an explicit method (default top_box on 1–5). */
export function csat(scores, options) {
  const o = optionsArg(options, [...INPUT, "method", "threshold", "bottomThreshold"], "csat");
  const method = optionalString(o.method, "method");
  const threshold = optionalInt(o.threshold, "threshold");
  const bottom = optionalInt(o.bottomThreshold, "bottomThreshold");
  return fromRaw(
    CsatResult,
    onTally("csat", scores, o, Scale.oneToFive, (t) => t.csat(method, threshold, bottom)),
  );
}

/** Customer Effort Score; scale and higherIsBetter are required. */
export function ces(scores, options) {
  const o = optionsArg(options, [...INPUT, "higherIsBetter", "method", "threshold"], "ces");
  requireScale("ces", scores, o, null);
  if (!given(o.higherIsBetter)) {
    throw argumentError(
      "higherIsBetter",
      "ces() needs the scale's polarity: higherIsBetter: true when a higher score means less effort (CES 2.0, 1–7 agreement), false when lower is easier (CES 1.0, 1–5)",
    );
  }
  if (typeof o.higherIsBetter !== "boolean") {
    throw new TypeError(`higherIsBetter must be a boolean, not ${describe(o.higherIsBetter)}`);
  }
  const hib = o.higherIsBetter;
  const method = optionalString(o.method, "method");
  const threshold = optionalInt(o.threshold, "threshold");
  return fromRaw(
    CesResult,
    onTally("ces", scores, o, null, (t) => t.ces(hib, method, threshold)),
  );
}

/** Mean score with its sample standard deviation; scale required. */
export function mean(scores, options) {
  const o = optionsArg(options, INPUT, "mean");
  return fromRaw(
    MeanResult,
    onTally("mean", scores, o, null, (t) => t.mean()),
  );
}

/** Percent of responses at or above threshold (default: the top two points). */
export function topBox(scores, options) {
  const o = optionsArg(options, [...INPUT, "threshold"], "topBox");
  const threshold = optionalInt(o.threshold, "threshold");
  return fromRaw(
    BoxResult,
    onTally("topBox", scores, o, null, (t) => t.topBox(threshold)),
  );
}

/** Percent of responses at or below threshold (default: the bottom two points). */
export function bottomBox(scores, options) {
  const o = optionsArg(options, [...INPUT, "threshold"], "bottomBox");
  const threshold = optionalInt(o.threshold, "threshold");
  return fromRaw(
    BoxResult,
    onTally("bottomBox", scores, o, null, (t) => t.bottomBox(threshold)),
  );
}

/** Responses per scale point: points, counts, shares. */
export function distribution(scores, options) {
  const o = optionsArg(options, INPUT, "distribution");
  return fromRaw(
    Distribution,
    onTally("distribution", scores, o, null, (t) => t.distribution()),
  );
}
