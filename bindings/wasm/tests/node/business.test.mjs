// Business metrics, segments and trends (issue 5): every case of tests/vectors/business.json
// (mirrors crates/cxmetrics/tests/vectors_business.rs) and the named cases of
// tests/shared/cases_business.mjs (both also run in headless Chromium).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as cx from "cxmetrics";
import { loadVectors } from "./helpers.mjs";
import { check, variantsOf } from "../shared/vectors_business.mjs";
import { cases } from "../shared/cases_business.mjs";

const vectors = loadVectors("business");

test("business.json: every function is covered", () => {
  assert.ok(vectors.cases.length >= 200, `${vectors.cases.length} cases`);
  const functions = new Set(vectors.cases.map((c) => c.function));
  assert.deepEqual([...functions].sort(), [
    "churn_rate",
    "clv_from_churn",
    "clv_from_retention",
    "conversion_rate",
    "retention_rate",
    "segment",
    "trend",
  ]);
});

for (const c of vectors.cases) {
  for (const variant of variantsOf(c)) {
    test(`business vector ${c.id} [${variant}]`, () => {
      const failures = check(cx, c, variant);
      assert.deepEqual(failures, [], failures.join("\n"));
    });
  }
}

for (const [name, fn] of cases) test(name, () => fn(cx));
