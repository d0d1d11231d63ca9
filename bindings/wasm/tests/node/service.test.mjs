// Service metrics (issue 4): every case of tests/vectors/service.json in record and
// columnar forms (mirrors crates/cxmetrics/tests/vectors_service.rs) and the named cases
// of tests/shared/cases_service.mjs (both also run in headless Chromium).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as cx from "cxmetrics";
import { loadVectors } from "./helpers.mjs";
import { check, expressible, formsOf } from "../shared/vectors_service.mjs";
import { cases } from "../shared/cases_service.mjs";

const vectors = loadVectors("service");

test("service.json: every function is covered; one case needs a clock option JS does not have", () => {
  assert.ok(vectors.cases.length >= 300, `${vectors.cases.length} cases`);
  const functions = new Set(vectors.cases.map((c) => c.function));
  assert.deepEqual([...functions].sort(), [
    "add_business",
    "business_seconds",
    "fcr",
    "first_response_time",
    "handle_time",
    "requester_wait_time",
    "resolution_time",
    "sla",
    "ticket_durations",
  ]);
  const skipped = vectors.cases.filter((c) => !expressible(c));
  assert.deepEqual(skipped.map((c) => c.expected_error?.code), ["invalid_argument"]);
});

for (const c of vectors.cases) {
  for (const form of formsOf(c)) {
    const skip = expressible(c)
      ? false
      : "needs clock: 'business' without a schedule; in JS the clock is business time iff a schedule is given";
    test(`service vector ${c.id} [${form}]`, { skip }, () => {
      const failures = check(cx, c, form);
      assert.deepEqual(failures, [], failures.join("\n"));
    });
  }
}

for (const [name, fn] of cases) test(name, () => fn(cx));
