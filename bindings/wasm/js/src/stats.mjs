// Statistics: comparisons, paired NPS, intervals from counts, sample sizes, p-value adjustment.

import { describe, floatsArg, tagOf } from "./convert.mjs";
import { argumentError, call } from "./errors.mjs";
import { given, intArg, numberArg, optionalNumber, optionalString, optionsArg } from "./options.mjs";
import { raw } from "./raw.mjs";
import {
  Comparison,
  defaults,
  Estimated,
  estimateFrom,
  estimateOf,
  fromRaw,
  Interval,
  LEVEL,
  LEVEL_METHOD,
  levelArg,
  PairedNpsResult,
} from "./results.mjs";

const RESULTS_WITH_ESTIMATE =
  "a result with an estimate (NpsResult, CsatResult, CesResult, MeanResult, BoxResult, MeanOfResult, FcrResult, SlaRow, RateResult, ChurnResult, AhtResult)";

function estimateArg(r, what) {
  const est = estimateOf(r);
  if (est === undefined) throw new TypeError(`${what} must be ${RESULTS_WITH_ESTIMATE}, not ${describe(r)}`);
  return estimateFrom(r);
}

/** Compares two independent groups, a − b (adjusted Wald, pooled z or Welch by default). */
export function compare(a, b, options) {
  const o = optionsArg(options, LEVEL_METHOD, "compare");
  const ea = estimateArg(a, "a");
  const eb = estimateArg(b, "b");
  const level = levelArg(o);
  const method = optionalString(o.method, "method");
  return new Comparison(call(() => raw.compareEstimates(ea, eb, level, method)));
}

/** Paired NPS change of the same respondents (after − before), paired t test. */
export function pairedNps(before, after, options) {
  const o = optionsArg(options, LEVEL, "pairedNps");
  const b = pairedArg(before, "before");
  const a = pairedArg(after, "after");
  const level = levelArg(o);
  return new PairedNpsResult(call(() => raw.pairedNps(b, a, level)));
}

/** 0–10 scores as one Float64Array (NaN = missing), whatever array they came in. */
function pairedArg(scores, what) {
  if (!Array.isArray(scores) && tagOf(scores) === undefined) {
    throw new TypeError(
      `${what} must be an array of numbers (null or undefined for a missing answer) or a typed array, not ${describe(scores)}`,
    );
  }
  return floatsArg(scores, what);
}

class MeanOfResult extends Estimated {}

/** Numbers as one Float64Array (null / undefined → NaN, missing), from an array or a typed array. */
function measureArg(values, what) {
  if (!Array.isArray(values) && tagOf(values) === undefined) {
    throw new TypeError(
      `${what} must be an array of numbers (null or NaN for a missing value) or a typed array, not ${describe(values)}`,
    );
  }
  return floatsArg(values, what);
}

/**
 * The mean of a continuous measure (spend, time-on-task) ({ weights }): null / undefined /
 * NaN are missing, ±Infinity is `not_finite`. `interval()` is t; `compare` of two is Welch.
 */
export function meanOf(values, options) {
  const o = optionsArg(options, ["weights"], "meanOf");
  const v = measureArg(values, "values");
  const w = given(o.weights) ? measureArg(o.weights, "weights") : undefined;
  return fromRaw(
    MeanOfResult,
    call(() => raw.meanOf(v, w)),
  );
}

const countArg = (v, what) => intArg(v, what);

/** Confidence interval for `successes` out of `n`, in percent (Wilson by default). */
export function proportionInterval(successes, n, options) {
  const o = optionsArg(options, LEVEL_METHOD, "proportionInterval");
  const s = countArg(successes, "successes");
  const t = countArg(n, "n");
  const level = levelArg(o);
  const method = optionalString(o.method, "method");
  return new Interval(call(() => raw.proportionInterval(s, t, level, method)));
}

/** Confidence interval for the NPS of counts, in points (adjusted Wald by default). */
export function npsInterval(promoters, passives, detractors, options) {
  const o = optionsArg(options, LEVEL_METHOD, "npsInterval");
  const p = countArg(promoters, "promoters");
  const a = countArg(passives, "passives");
  const d = countArg(detractors, "detractors");
  const level = levelArg(o);
  const method = optionalString(o.method, "method");
  return new Interval(call(() => raw.npsInterval(p, a, d, level, method)));
}

/** Respondents for an NPS margin of error of `margin` points ({ level = 0.95, variance = 1 }). */
export function sampleSizeNps(margin, options) {
  const o = optionsArg(options, ["level", "variance"], "sampleSizeNps");
  const m = numberArg(margin, "margin");
  const level = levelArg(o);
  const variance = optionalNumber(o.variance, "variance") ?? defaults().variance;
  return call(() => raw.sampleSizeNps(m, level, variance));
}

/** Respondents for a margin of error of `margin` percentage points ({ level = 0.95, p = 50 }). */
export function sampleSizeProportion(margin, options) {
  const o = optionsArg(options, ["level", "p"], "sampleSizeProportion");
  const m = numberArg(margin, "margin");
  const level = levelArg(o);
  const p = optionalNumber(o.p, "p") ?? defaults().p;
  return call(() => raw.sampleSizeProportion(m, level, p));
}

/** Respondents for a margin of error of `margin` scale units ({ sd (required), level = 0.95 }). */
export function sampleSizeMean(margin, options) {
  const o = optionsArg(options, ["sd", "level"], "sampleSizeMean");
  const m = numberArg(margin, "margin");
  if (!given(o.sd)) {
    throw argumentError("sd", "sampleSizeMean() needs the expected standard deviation, e.g. { sd: 1.2 }");
  }
  const sd = numberArg(o.sd, "sd");
  const level = levelArg(o);
  return call(() => raw.sampleSizeMean(m, level, sd));
}

/** Respondents per group to detect an NPS difference of `difference` points ({ level, power = 0.8, variance = 1 }). */
export function sampleSizeNpsDifference(difference, options) {
  const o = optionsArg(options, ["level", "power", "variance"], "sampleSizeNpsDifference");
  const d = numberArg(difference, "difference");
  const level = levelArg(o);
  const power = optionalNumber(o.power, "power") ?? defaults().power;
  const variance = optionalNumber(o.variance, "variance") ?? defaults().variance;
  return call(() => raw.sampleSizeNpsDifference(d, level, power, variance));
}

/** Respondents per group to detect p1 % vs p2 % ({ level = 0.95, power = 0.8 }). */
export function sampleSizeProportionDifference(p1, p2, options) {
  const o = optionsArg(options, ["level", "power"], "sampleSizeProportionDifference");
  const a = numberArg(p1, "p1");
  const b = numberArg(p2, "p2");
  const level = levelArg(o);
  const power = optionalNumber(o.power, "power") ?? defaults().power;
  return call(() => raw.sampleSizeProportionDifference(a, b, level, power));
}

/** p-values adjusted for multiple comparisons ({ method: "holm" (default) | "bh" }). */
export function adjustPValues(pValues, options) {
  const o = optionsArg(options, ["method"], "adjustPValues");
  if (!Array.isArray(pValues) && tagOf(pValues) === undefined) {
    throw new TypeError(`pValues must be an array of numbers or a typed array, not ${describe(pValues)}`);
  }
  const ps = floatsArg(pValues, "pValues");
  const method = optionalString(o.method, "method") ?? defaults().adjust;
  return Array.from(call(() => raw.adjustPValues(ps, method)));
}
