// Issue 15 item 5: inputs that overflow are errors, not wrong numbers. Finite inputs give
// finite results or a CxMetricsError — never Infinity, NaN, a saturated sample size or an
// interval that collapsed. Expected values by hand (arithmetic in the comments).

import assert from "node:assert/strict";
import { test } from "node:test";
import * as cx from "cxmetrics";

function refused(fn, pattern) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof cx.CxMetricsError, `${e?.constructor?.name}: ${e?.message}`);
    assert.equal(e.code, "invalid_argument");
    assert.match(e.message, pattern);
    return true;
  });
}

const close = (a, b, rel) => Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));

test("a level a hair below 1 gives a correct finite interval", () => {
  const level = 1 - 1e-16; // = 1 − 2^-53 < 1
  assert.ok(level < 1);
  // 1 df: the t quantile is cot(π α/2); [1, 2] has sd 1/√2, so half = t/2 around 1.5
  const t = 1 / Math.tan((Math.PI * (1 - level)) / 2);
  const i = cx.meanOf([1, 2]).interval({ level });
  assert.ok(close(i.upper - 1.5, t / 2, 1e-12), `${i.upper}`);
  assert.ok(close(1.5 - i.lower, t / 2, 1e-12), `${i.lower}`);
  // zero spread: the point interval at any level
  const p = cx.meanOf([1, 1]).interval({ level });
  assert.deepEqual([p.lower, p.upper], [1, 1]);
  // ~2e-9 degrees of freedom: the t quantile overflows, the limits would be ±Infinity
  refused(() => cx.meanOf([0, 1], { weights: [1, 1e-9] }).interval(), /`level`/);
  // a bounded metric clamps instead
  const n = cx.nps([9, 10, 0, 5, 9]).interval({ level });
  assert.deepEqual([n.lower, n.upper], [-100, 100]);
});

test("sample sizes above 2^53 - 1 are refused, not saturated", () => {
  refused(() => cx.sampleSizeNps(1e-10), /9007199254740991/);
  refused(() => cx.sampleSizeProportion(1e-10), /`margin`/);
  refused(() => cx.sampleSizeMean(1e-300, { sd: 1 }), /`margin`/);
  refused(() => cx.sampleSizeNpsDifference(1e-10), /`difference`/);
  refused(() => cx.sampleSizeProportionDifference(50, 50 + 1e-12), /`p2`/);
  // (z/margin)² with margin = z/2^26 is 2^52: returned, and exact as a number
  const z = 1.959963984540054;
  const n = cx.sampleSizeMean(z / 2 ** 26, { sd: 1 });
  assert.ok(Number.isSafeInteger(n) && close(n, 2 ** 52, 1e-9), `${n}`);
});

test("handle time sums beyond Number.MAX_VALUE are refused", () => {
  refused(() => cx.handleTime([1e308, 1e308]), /largest double/);
  refused(() => cx.handleTime([1e308], { hold: [1e308] }), /`talk`/);
  assert.equal(cx.handleTime([1e150, 1e150]).score, 1e150);
});

test("lifetime values and revenue retention never return Infinity", () => {
  refused(() => cx.clvFromChurn(1e308, { margin: 1, churn: 1e-10 }), /`churn`/);
  refused(() => cx.clvFromRetention(1e306, { retention: 99.999 }), /`retention`/);
  // the largest retention below 100 is 100 − 2^-46: CLV = 100 × 2^46
  assert.equal(cx.clvFromRetention(1, { retention: 100 - 2 ** -46 }), 100 * 2 ** 46);
  // 100 × start overflowed for a start near Number.MAX_VALUE
  const r = cx.revenueRetention(1e308, { expansion: 1e308, contraction: 0, churned: 0 });
  assert.deepEqual([r.score, r.gross], [200, 100]);
});

test("weights above 1e144 are invalid, so weight sums never overflow", () => {
  const invalidWeight = (fn, index) =>
    assert.throws(fn, (e) => e instanceof cx.CxMetricsError && e.code === "invalid_weight" && e.index === index);
  invalidWeight(() => cx.nps([9, 0], { weights: [1e308, 1e308] }), 0);
  invalidWeight(() => new cx.Tally([0, 10], [9, 0], { weights: [1, 1e200] }), 1);
  const t = new cx.Tally([0, 10], [9, 0], { weights: [1e144, 1e144] });
  assert.equal(cx.nps(t).score, 0);
  t.merge(t);
  assert.ok(Number.isFinite(cx.nps(t).nEff));
  refused(() => cx.meanOf([1, 3], { weights: [1e300, 1e300] }), /largest double/);
});
