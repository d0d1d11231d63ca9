// Counts are exact or refused, never rounded: a tally whose n, missing or invalid would
// be above Number.MAX_SAFE_INTEGER (2^53 - 1) is refused with invalid_argument and left
// unchanged; the core's own limit (2^64 - 1 rows) is refused the same way.

import assert from "node:assert/strict";
import { test } from "node:test";
import * as cx from "cxmetrics";

const SAFE = Number.MAX_SAFE_INTEGER;

function refused(fn, pattern = /2\^53 - 1/) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof cx.CxMetricsError, `${e?.constructor?.name}: ${e?.message}`);
    assert.equal(e.code, "invalid_argument");
    assert.match(e.message, pattern);
    return true;
  });
}

test("the issue's example: counts that wrap in u64 are refused", () => {
  refused(() => cx.Tally.fromCounts([0, 1], [2 ** 64 - 1, 1]));
  refused(() => cx.Tally.fromCounts([0, 1], [2 ** 64, 0]));
});

test("fromCounts: up to MAX_SAFE_INTEGER exact, n above it refused", () => {
  const t = cx.Tally.fromCounts([0, 1], [SAFE, 0]);
  assert.equal(t.n, SAFE);
  assert.deepEqual(Array.from(t.counts), [SAFE, 0]);
  refused(() => cx.Tally.fromCounts([0, 1], [2 ** 53, 0]));
  // each count is safe, their sum is not
  refused(() => cx.Tally.fromCounts([0, 1], [SAFE, 1]), /n would be 9007199254740992/);
});

test("merge, push, extend at the limit leave the tally unchanged", () => {
  const t = cx.Tally.fromCounts([0, 1], [SAFE - 1, 0]);
  t.push(1);
  assert.equal(t.n, SAFE);
  const json = JSON.stringify(t);
  refused(() => t.push(0));
  assert.equal(JSON.stringify(t), json);
  refused(() => t.extend([1, 0]));
  refused(() => t.merge(cx.Tally.fromCounts([0, 1], [0, 1])));
  refused(() => t.merge(t));
  assert.equal(JSON.stringify(t), json);
  assert.equal(t.n, SAFE);
  // each of n, missing and invalid is exact on its own: a missing answer still fits
  t.push(null);
  assert.deepEqual([t.n, t.missing], [SAFE, 1]);
  // a half that fits merges; the doubled one does not
  const h = cx.Tally.fromCounts([0, 1], [0, 2 ** 52]);
  refused(() => h.merge(h));
  assert.equal(h.n, 2 ** 52);
  const h2 = cx.Tally.fromCounts([0, 1], [0, 2 ** 52 - 1]);
  h2.merge(h);
  assert.equal(h2.n, SAFE);
});

test("fromJSON: counts, missing or invalid above MAX_SAFE_INTEGER are refused", () => {
  const base = cx.Tally.fromCounts([0, 1], [1, 1]).toJSON();
  const ok = cx.Tally.fromJSON({ ...base, counts: [SAFE - 2, 0], missing: 1, invalid: 1 });
  assert.deepEqual([ok.n, ok.missing, ok.invalid], [SAFE - 2, 1, 1]);
  for (const bad of [
    { ...base, counts: [2 ** 53, 0] },
    { ...base, counts: [SAFE, 1] },
    { ...base, missing: 2 ** 53 },
    { ...base, invalid: 2 ** 60 },
  ]) {
    refused(() => cx.Tally.fromJSON(bad));
    refused(() => cx.Tally.fromJSON(JSON.stringify(bad)));
  }
  // as JSON text, 2^53 + 1 is rounded by JSON.parse to 2^53, which is refused
  const text = JSON.stringify(base).replace('"counts":[1,1]', '"counts":[9007199254740993,0]');
  assert.ok(text.includes("9007199254740993"));
  refused(() => cx.Tally.fromJSON(text));
  // beyond the core's limit (the sum wraps a u64) the core's format check comes first
  assert.throws(
    () => cx.Tally.fromJSON({ ...base, counts: [2 ** 63, 2 ** 63] }),
    (e) => e instanceof cx.CxMetricsError && e.code === "invalid_format" && /2\^64 - 1/.test(e.message),
  );
});

test("other counts (proportion intervals) are refused above MAX_SAFE_INTEGER", () => {
  refused(() => cx.proportionInterval(0, 2 ** 53));
  assert.ok(cx.proportionInterval(0, SAFE).upper > 0);
});
