// Every case of tests/vectors/survey.json, as a plain array, a Float64Array and a Tally.

import assert from "node:assert/strict";
import { test } from "node:test";
import * as cx from "cxmetrics";
import { applies, check, FUNCTIONS, VARIANTS } from "../shared/vectors.mjs";
import { loadVectors } from "./helpers.mjs";

const vectors = loadVectors("survey");

test("the vector file is the expected format", () => {
  assert.equal(vectors.format, "cxmetrics.vectors");
  assert.equal(vectors.version, 1);
  assert.ok(vectors.cases.length > 0);
  for (const c of vectors.cases) assert.ok(c.function in FUNCTIONS, `${c.id}: unknown function ${c.function}`);
});

for (const c of vectors.cases) {
  for (const variant of VARIANTS) {
    if (!applies(c, variant)) continue;
    test(`${c.id} [${variant}]`, () => {
      const failures = check(cx, c, variant);
      assert.deepEqual(
        failures,
        [],
        `${c.id} [${variant}]${c.note ? ` (${c.note})` : ""}:\n  ${failures.join("\n  ")}`,
      );
    });
  }
}
