// Statistics (issue 3): every case of tests/vectors/stats.json (mirrors
// crates/cxmetrics/tests/vectors_stats.rs) and the named cases of tests/shared/cases_stats.mjs
// (both also run in headless Chromium).

import assert from "node:assert/strict";
import { test } from "node:test";
import * as cx from "cxmetrics";
import { cases } from "../shared/cases_stats.mjs";
import { check } from "../shared/vectors_stats.mjs";
import { loadVectors } from "./helpers.mjs";

const vectors = loadVectors("stats");

test("stats.json: every function is covered, at least 500 cases", () => {
  assert.ok(vectors.cases.length >= 500, `${vectors.cases.length} cases`);
  const functions = new Set(vectors.cases.map((c) => c.function));
  assert.deepEqual([...functions].sort(), [
    "adjust_p_values",
    "compare",
    "interval",
    "margin_of_error",
    "mean_of",
    "paired_nps",
    "sample_size_mean",
    "sample_size_nps",
    "sample_size_nps_difference",
    "sample_size_proportion",
    "sample_size_proportion_difference",
  ]);
});

for (const c of vectors.cases) {
  test(`stats vector ${c.id}`, () => {
    const failures = check(cx, c);
    assert.deepEqual(failures, [], failures.join("\n"));
  });
}

for (const [name, fn] of cases) test(name, () => fn(cx));
