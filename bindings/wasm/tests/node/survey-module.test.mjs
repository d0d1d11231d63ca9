// The light module `cxmetrics/survey` (its own .wasm, no date or time code): every
// survey, stats, lifecycle and segments vector (trends aside) and the named survey and stats cases
// run against it too.

import assert from "node:assert/strict";
import { test } from "node:test";
import * as light from "cxmetrics/survey";
import { cases } from "../shared/cases.mjs";
import { cases as statsCases } from "../shared/cases_stats.mjs";
import { applies, check, VARIANTS } from "../shared/vectors.mjs";
import { check as checkLifecycleSegments, variantsOf } from "../shared/vectors_lifecycle_segments.mjs";
import { check as checkStats } from "../shared/vectors_stats.mjs";
import { loadVectors } from "./helpers.mjs";

test("cxmetrics/survey: every survey vector in every variant", () => {
  const failures = [];
  for (const c of loadVectors("survey").cases) {
    for (const variant of VARIANTS) {
      if (applies(c, variant)) failures.push(...check(light, c, variant).map((f) => `${c.id} [${variant}]: ${f}`));
    }
  }
  assert.deepEqual(failures, []);
});

test("cxmetrics/survey: every stats vector", () => {
  const failures = [];
  for (const c of loadVectors("stats").cases) failures.push(...checkStats(light, c).map((f) => `${c.id}: ${f}`));
  assert.deepEqual(failures, []);
});

test("cxmetrics/survey: every lifecycle and segments vector (trends take instants: not here)", () => {
  const failures = [];
  for (const c of [...loadVectors("lifecycle").cases, ...loadVectors("segments").cases]) {
    if (c.function === "trend") continue;
    for (const v of variantsOf(c))
      failures.push(...checkLifecycleSegments(light, c, v).map((f) => `${c.id} [${v}]: ${f}`));
  }
  assert.deepEqual(failures, []);
});

for (const [name, fn] of [...cases, ...statsCases]) test(`cxmetrics/survey: ${name}`, () => fn(light));
