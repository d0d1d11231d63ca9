// Runner of tests/vectors/stats.json (format in tests/vectors/README.md) against the JS
// API, mirroring crates/cxmetrics/tests/vectors_stats.rs. Runs in Node and in the browser.
//
// Inputs of kind nps_counts / proportion_counts go through npsInterval / proportionInterval
// for `interval` and, as a cross-check, through a result built from Tally.fromCounts (the
// same numbers must come out); `margin_of_error` and `compare` use that result. Inputs of
// kind survey are computed with the survey function and its options, as in survey.json.

import { checkCase, diff, num } from "./compare.mjs";
import { call as surveyCall } from "./vectors.mjs";

const decoded = (o) => Object.fromEntries(Object.entries(o ?? {}).map(([k, v]) => [k, num(v)]));

/** A result carrying the estimate a vector input describes. */
export function resultOf(cx, spec) {
  if (spec.kind === "nps_counts") {
    const counts = new Array(11).fill(0);
    counts[0] = spec.detractors;
    counts[7] = spec.passives;
    counts[9] = spec.promoters;
    return cx.nps(cx.Tally.fromCounts([0, 10], counts));
  }
  if (spec.kind === "proportion_counts") {
    return cx.topBox(cx.Tally.fromCounts([0, 1], [spec.n - spec.successes, spec.successes]), { threshold: 1 });
  }
  if (spec.kind === "continuous") {
    const weights = spec.weights === null ? undefined : numbers(spec.weights);
    return cx.meanOf(numbers(spec.values), { weights });
  }
  if (spec.kind !== "survey") throw new Error(`unknown input kind ${spec.kind}`);
  return surveyCall(cx, spec, "array");
}

function intervalOf(cx, spec, options) {
  if (spec.kind === "nps_counts") return cx.npsInterval(spec.promoters, spec.passives, spec.detractors, options);
  if (spec.kind === "proportion_counts") return cx.proportionInterval(spec.successes, spec.n, options);
  return resultOf(cx, spec).interval(options);
}

const numbers = (xs) => xs.map(num);

/** Calls the API for case `c`; returns a plain value shaped like `c.expected`. */
export function run(cx, c) {
  const o = decoded(c.options);
  const a = decoded(c.args);
  switch (c.function) {
    case "interval": {
      const i = intervalOf(cx, c.input, o);
      if (c.input.kind !== "survey" && c.input.kind !== "continuous") {
        const via = resultOf(cx, c.input).interval(o);
        const d = diff(via.toJSON(), i.toJSON(), 1e-12, "interval via a Tally");
        if (d) throw new Error(d);
      }
      const [lo, hi] = i;
      if (lo !== i.lower || hi !== i.upper) throw new Error("[lower, upper] = interval does not destructure");
      return i.toJSON();
    }
    case "margin_of_error":
      return { margin: resultOf(cx, c.input).marginOfError(o) };
    case "compare":
      return cx.compare(resultOf(cx, c.a), resultOf(cx, c.b), o).toJSON();
    case "mean_of":
      return resultOf(cx, c.input).toJSON();
    case "paired_nps":
      return cx.pairedNps(numbers(c.before), numbers(c.after), o).toJSON();
    case "sample_size_nps": {
      const { margin, ...rest } = a;
      return { n: cx.sampleSizeNps(margin, rest) };
    }
    case "sample_size_proportion": {
      const { margin, ...rest } = a;
      return { n: cx.sampleSizeProportion(margin, rest) };
    }
    case "sample_size_mean": {
      const { margin, ...rest } = a;
      return { n: cx.sampleSizeMean(margin, rest) };
    }
    case "sample_size_nps_difference": {
      const { difference, ...rest } = a;
      return { n: cx.sampleSizeNpsDifference(difference, rest) };
    }
    case "sample_size_proportion_difference": {
      const { p1, p2, ...rest } = a;
      return { n: cx.sampleSizeProportionDifference(p1, p2, rest) };
    }
    case "adjust_p_values":
      return { p_values: cx.adjustPValues(numbers(c.args.p_values), { method: c.args.method }) };
    default:
      throw new Error(`unknown function ${c.function}`);
  }
}

/** Runs case `c`; returns a list of failure messages (empty = pass). */
export const check = (cx, c) => checkCase(cx, c, () => run(cx, c));
