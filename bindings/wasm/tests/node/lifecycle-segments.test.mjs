// Lifecycle metrics, segments and trends (issue 5): every case of tests/vectors/lifecycle.json
// and tests/vectors/segments.json (mirrors crates/cxmetrics/tests/vectors_lifecycle_segments.rs)
// and the named cases of tests/shared/cases_business.mjs (both also run in headless Chromium).

import assert from "node:assert/strict";
import { test } from "node:test";
import * as cx from "cxmetrics";
import { cases } from "../shared/cases_business.mjs";
import { check, variantsOf } from "../shared/vectors_lifecycle_segments.mjs";
import { loadVectors } from "./helpers.mjs";

const lifecycle = loadVectors("lifecycle");
const segments = loadVectors("segments");

test("lifecycle.json and segments.json: every function is covered", () => {
  assert.ok(lifecycle.cases.length >= 60, `${lifecycle.cases.length} lifecycle cases`);
  assert.ok(segments.cases.length >= 60, `${segments.cases.length} segments cases`);
  const functions = (v) => [...new Set(v.cases.map((c) => c.function))].sort();
  assert.deepEqual(functions(lifecycle), [
    "churn_rate",
    "clv_from_churn",
    "clv_from_retention",
    "conversion_rate",
    "retention_rate",
    "revenue_retention",
  ]);
  assert.deepEqual(functions(segments), ["segment", "trend"]);
});

for (const [file, vectors] of [
  ["lifecycle", lifecycle],
  ["segments", segments],
]) {
  for (const c of vectors.cases) {
    for (const variant of variantsOf(c)) {
      test(`${file} vector ${c.id} [${variant}]`, () => {
        const failures = check(cx, c, variant);
        assert.deepEqual(failures, [], failures.join("\n"));
      });
    }
  }
}

for (const [name, fn] of cases) test(name, () => fn(cx));
