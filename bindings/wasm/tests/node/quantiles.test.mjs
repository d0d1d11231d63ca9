// Intervals at extreme sizes (issue 15, item 1): the `interval` cases of
// tests/vectors/quantiles.json (scipy / statsmodels, written by oracle_quantiles.py). With the
// old quantiles these hung (a t interval from 15 M answers, Clopper–Pearson for 0 of 10 M)
// or came out too narrow (n of 3–14.5 M).

import assert from "node:assert/strict";
import { test } from "node:test";
import * as cx from "cxmetrics";
import { checkCase } from "../shared/compare.mjs";
import { loadVectors } from "./helpers.mjs";

const cases = loadVectors("quantiles").cases.filter((c) => c.function === "interval");

test("quantiles.json: the interval cases are there", () => {
  const kinds = new Set(cases.map((c) => `${c.args.kind}/${c.args.method}`));
  assert.deepEqual([...kinds].sort(), [
    "mean_counts/t",
    "proportion_counts/clopper_pearson",
    "proportion_counts/jeffreys",
  ]);
  assert.ok(cases.length >= 100, `${cases.length} cases`);
});

function interval(a) {
  if (a.kind === "mean_counts") {
    const tally = cx.Tally.fromCounts(a.scale, a.counts);
    return cx.mean(tally).interval({ level: a.level, method: "t" });
  }
  return cx.proportionInterval(a.successes, a.n, { level: a.level, method: a.method });
}

for (const c of cases) {
  test(`quantiles vector ${c.id}`, () => {
    const failures = checkCase(cx, c, () => {
      const i = interval(c.args);
      return { lower: i.lower, upper: i.upper };
    });
    assert.deepEqual(failures, [], failures.join("\n"));
  });
}

test("the issue's examples return", () => {
  const i = cx.mean(cx.Tally.fromCounts([1, 5], [3e6, 3e6, 3e6, 3e6, 3e6])).interval();
  assert.ok(i.lower < 3 && 3 < i.upper);
  const cp = cx.proportionInterval(0, 1e7, { method: "clopper_pearson" });
  assert.ok(cp.lower === 0 && cp.upper > 0 && cp.upper < 1e-4);
});
