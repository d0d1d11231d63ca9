// Service metrics (issue 4): every case of tests/vectors/service.json in record and
// columnar forms (mirrors crates/cxmetrics/tests/vectors_service.rs) and the named cases
// of tests/shared/cases_service.mjs (both also run in headless Chromium).

import assert from "node:assert/strict";
import { test } from "node:test";
import * as cx from "cxmetrics";
import { cases } from "../shared/cases_service.mjs";
import { check, expressible, formsOf } from "../shared/vectors_service.mjs";
import { loadVectors } from "./helpers.mjs";

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
  assert.deepEqual(
    skipped.map((c) => c.expected_error?.code),
    ["invalid_argument"],
  );
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

test("a window boundary at the start of a DST gap is the transition (fuzzing finding)", () => {
  const HOUR = 3600;
  const day = "2026-03-08T05:00:00Z"; // 00:00 EST, the spring-forward Sunday in New York
  const end = "2026-03-09T04:00:00Z"; // the next local midnight (EDT)
  const ny = (w) => new cx.Schedule("America/New_York", [w]);
  assert.equal(ny(["sun", "00:00", "02:00"]).businessSeconds(day, end), 2 * HOUR);
  assert.equal(ny(["sun", "02:00", "04:00"]).businessSeconds(day, end), 1 * HOUR);
  // Pacific/Apia skipped Friday 2011-12-30: Thursday's 24-hour window closes at the jump
  const apia = new cx.Schedule("Pacific/Apia", [["thu", "00:00", "00:00"]]);
  assert.equal(apia.businessSeconds("2011-12-28T18:28:00Z", "2011-12-31T12:20:00Z"), 24 * HOUR);
});
