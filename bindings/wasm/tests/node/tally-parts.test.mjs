// Tally.fromParts: a tally rebuilt from per-point aggregates (summed here by plain loops,
// as an engine's GROUP BY would) equals the one built row by row; inconsistent parts
// are refused naming the array (camelCase) and the point.

import assert from "node:assert/strict";
import { test } from "node:test";
import * as cx from "cxmetrics";

/** [counts, Σw, Σw², missing, invalid] of rows on min..max, by hand. */
function aggregate(min, max, scores, weights) {
  const p = max - min + 1;
  const c = new Array(p).fill(0);
  const s = new Array(p).fill(0);
  const q = new Array(p).fill(0);
  let missing = 0;
  let invalid = 0;
  scores.forEach((x, i) => {
    if (x === null || Number.isNaN(x)) missing++;
    else if (!Number.isInteger(x) || x < min || x > max) invalid++;
    else {
      c[x - min]++;
      s[x - min] += weights[i];
      q[x - min] += weights[i] * weights[i];
    }
  });
  return [c, s, q, missing, invalid];
}

function rows(n, seed) {
  let x = seed;
  const r = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
  const scores = [];
  const weights = [];
  for (let i = 0; i < n; i++) {
    const u = r();
    scores.push(u < 0.05 ? null : u < 0.08 ? 12 : Math.floor(r() * 11));
    weights.push(0.1 + 3 * r());
  }
  return [scores, weights];
}

test("weighted, with missing and invalid: equal to row by row within the merge bound", () => {
  const [scores, weights] = rows(3000, 7);
  const byRows = new cx.Tally([0, 10], scores, { weights, onInvalid: "skip" });
  const [c, s, q, missing, invalid] = aggregate(0, 10, scores, weights);
  assert.ok(missing > 0 && invalid > 0);
  const parts = cx.Tally.fromParts([0, 10], c, s, q, { missing, invalid });
  assert.deepEqual(parts.counts, byRows.counts);
  assert.equal(parts.missing, byRows.missing);
  assert.equal(parts.invalid, byRows.invalid);
  assert.equal(parts.weighted, true);
  parts.pointWeights.forEach((w, k) => {
    const b = byRows.pointWeights[k];
    assert.ok(Math.abs(w - b) <= 1e-13 * b, `${w} vs ${b}`);
  });
  assert.ok(Math.abs(cx.nps(parts).score - cx.nps(byRows).score) <= 1e-10);
  // typed arrays as an engine hands them over
  const again = cx.Tally.fromParts([0, 10], Float64Array.from(c), Float64Array.from(s), Float64Array.from(q), {
    missing,
    invalid,
  });
  assert.deepEqual(again.toJSON(), parts.toJSON());
});

test("unweighted parts are the row-by-row tally, state for state", () => {
  const scores = [10, 9, null, 3, 11, 7, 7, 0.5];
  const byRows = new cx.Tally([0, 10], scores, { onInvalid: "skip" });
  const [c, , , missing, invalid] = aggregate(0, 10, scores, []);
  assert.deepEqual([missing, invalid], [1, 2]);
  const parts = cx.Tally.fromParts([0, 10], c, null, undefined, { missing, invalid });
  assert.deepEqual(parts.toJSON(), byRows.toJSON());
  assert.equal(parts.weighted, false);
});

test("hand example: exact sums give the same state", () => {
  const parts = cx.Tally.fromParts([1, 5], [1, 0, 2, 0, 0], [0.5, 0, 3, 0, 0], [0.25, 0, 5, 0, 0]);
  const byRows = new cx.Tally([1, 5], [1, 3, 3], { weights: [0.5, 1, 2] });
  assert.deepEqual(parts.toJSON(), byRows.toJSON());
  assert.ok(Math.abs(parts.nEff - 12.25 / 5.25) < 1e-15);
  // zero weights are allowed, as in rows
  const zero = cx.Tally.fromParts([0, 1], [1, 2], [2, 0], [4, 0]);
  assert.deepEqual(zero.toJSON(), new cx.Tally([0, 1], [1, 1, 0], { weights: [0, 0, 2] }).toJSON());
});

function refused(fn, code, pattern, index) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof cx.CxMetricsError, `${e?.constructor?.name}: ${e?.message}`);
    assert.equal(e.code, code);
    assert.match(e.message, pattern);
    if (index !== undefined) assert.equal(e.index, index);
    return true;
  });
}

test("every inconsistent part is refused, naming the array and the point", () => {
  const cases = [
    [[0, 1], [0, -1], [0, 1], "weightSums", 1, /finite number ≥ 0/],
    [[0, 1], [0, NaN], [0, 1], "weightSums", 1, /finite number ≥ 0/],
    [[0, 1], [0, 1], [0, Infinity], "weightSqSums", 1, /finite number ≥ 0/],
    [[0, 1], [1, 1], [0, 1], "weightSums", 0, /where the count is 0/],
    [[0, 1], [0, 1], [1, 1], "weightSqSums", 0, /where the count is 0/],
    [[0, 3], [0, 0], [0, 1], "weightSqSums", 1, /where Σw is 0/],
    [[0, 2], [0, 2], [0, 5], "weightSqSums", 1, /above \(Σw\)²/],
    [[0, 2], [0, 2], [0, 1.9], "weightSqSums", 1, /Cauchy–Schwarz/],
    [[0, 1], [0, 1e146], [0, 1e292], "weightSums", 1, /1e144/],
  ];
  for (const [c, s, q, name, k, words] of cases) {
    refused(
      () => cx.Tally.fromParts([0, 1], c, s, q),
      "invalid_argument",
      new RegExp(`\`${name}\`: at point ${k} \\(score ${k}\\)`),
      k,
    );
    refused(() => cx.Tally.fromParts([0, 1], c, s, q), "invalid_argument", words, k);
  }
  refused(() => cx.Tally.fromParts([0, 1], [1], null, null), "length_mismatch", /counts/);
  refused(() => cx.Tally.fromParts([0, 1], [0, 1], [0, 1, 0], [0, 1]), "length_mismatch", /weight_sums|weightSums/);
  refused(() => cx.Tally.fromParts([0, 1], [0, 1], [0, 1], null), "invalid_argument", /`weightSqSums`/);
  refused(() => cx.Tally.fromParts([0, 1], [0, 1], null, [0, 1]), "invalid_argument", /`weightSums`/);
  refused(() => cx.Tally.fromParts([0, 1], [0, -1], null, null), "invalid_argument", /counts/);
  refused(() => cx.Tally.fromParts([0, 1], [0, 1], null, null, { missing: 1.5 }), "invalid_argument", /missing/);
  refused(() => cx.Tally.fromParts([0, 1], [0, 1], null, null, { invalid: -1 }), "invalid_argument", /invalid/);
  refused(() => cx.Tally.fromParts([0, 1], [1, Number.MAX_SAFE_INTEGER], null, null), "invalid_argument", /2\^53 - 1/);
  assert.throws(() => cx.Tally.fromParts([0, 1], [0, 1], null, null, { missing: "1" }), TypeError);
  assert.throws(() => cx.Tally.fromParts([0, 1], [0, 1], null, null, { misssing: 1 }), TypeError);
  assert.throws(() => cx.Tally.fromParts([0, 1], "01", null, null), TypeError);
});

// ---- the binary form (CXTY v1, docs/conventions.md "Binary form") ----

const f64le = (xs) => new Uint8Array(Float64Array.from(xs).buffer); // little-endian on every JS host we run

test("toBytes follows the documented layout (written out by hand)", () => {
  const t = cx.Tally.fromParts([0, 1], [300, 1], null, null, { missing: 2 });
  const b = t.toBytes();
  assert.ok(b instanceof Uint8Array);
  assert.deepEqual(Array.from(b), [0x43, 0x58, 0x54, 0x59, 1, 0, 0, 2, 2, 0, 0xac, 0x02, 1]);
  const w = new cx.Tally([-1, 0], [0], { weights: [0.5] });
  const expected = new Uint8Array([
    0x43,
    0x58,
    0x54,
    0x59,
    1,
    1,
    1,
    0,
    0,
    0,
    0,
    1,
    ...f64le([0, 0, 0, 0, 0.5, 0, 0.25, 0]),
  ]);
  assert.deepEqual(Array.from(w.toBytes()), Array.from(expected));
  assert.deepEqual(cx.Tally.fromBytes(expected).toJSON(), w.toJSON());
});

test("bytes round trip exactly (weighted, unweighted, merged, wide scale)", () => {
  const [scores, weights] = rows(4000, 3);
  const weighted = new cx.Tally([0, 10], scores, { weights, onInvalid: "skip" });
  const merged = weighted.copy().merge(new cx.Tally([0, 10], scores, { onInvalid: "skip" }));
  for (const t of [weighted, merged, new cx.Tally([-50, 50], [-50, 50, 0]), new cx.Tally([1, 5])]) {
    const b = t.toBytes();
    const back = cx.Tally.fromBytes(b);
    assert.deepEqual(back.toJSON(), t.toJSON());
    assert.deepEqual(Array.from(back.toBytes()), Array.from(b));
    assert.ok(b.length < JSON.stringify(t).length);
  }
  // a Node Buffer is a Uint8Array
  assert.equal(cx.Tally.fromBytes(Buffer.from(weighted.toBytes())).n, weighted.n);
});

test("malformed bytes are refused with invalid_format naming the offset and field", () => {
  const good = new cx.Tally([0, 10], [9, 10, null], { weights: [1, 2, 1] }).toBytes();
  for (let n = 0; n < good.length; n++) {
    refused(() => cx.Tally.fromBytes(good.slice(0, n)), "invalid_format", /truncated/);
  }
  const withByte = (i, v) => {
    const b = good.slice();
    b[i] = v;
    return b;
  };
  refused(() => cx.Tally.fromBytes(withByte(0, 0x7b)), "invalid_format", /at byte 0 \(magic\): not a binary tally/);
  refused(() => cx.Tally.fromBytes(withByte(4, 7)), "invalid_format", /at byte 4 \(version\): an unknown version/);
  refused(() => cx.Tally.fromBytes(withByte(5, 2)), "invalid_format", /at byte 5 \(flags\)/);
  refused(
    () => cx.Tally.fromBytes(new Uint8Array([...good, 0])),
    "invalid_format",
    new RegExp(`at byte ${good.length} \\(end\\): trailing bytes`),
  );
  const bad = new Uint8Array([0x43, 0x58, 0x54, 0x59, 1, 1, 0, 2, 0, 0, 0, 2, ...f64le([0, 0, 0, 0, 3, 0, 10, 0])]);
  refused(() => cx.Tally.fromBytes(bad), "invalid_format", /at byte 44 \(weights\[1\]\): Σw² is above/);
  // more rows than JS counts exactly
  const big = [0x43, 0x58, 0x54, 0x59, 1, 0, 0, 2, 0, 0, 0, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10];
  refused(() => cx.Tally.fromBytes(new Uint8Array(big)), "invalid_argument", /2\^53 - 1/);
  assert.throws(() => cx.Tally.fromBytes([1, 2, 3]), TypeError);
  assert.throws(() => cx.Tally.fromBytes("CXTY"), TypeError);
});

test("cxmetrics/survey (the light module) says these are in the full module", async () => {
  const light = await import("cxmetrics/survey");
  const full = /full module only; import "cxmetrics"/;
  assert.throws(() => light.Tally.fromParts([0, 1], [1, 1], null, null), full);
  assert.throws(() => light.Tally.fromBytes(new Uint8Array([0x43])), full);
  assert.throws(() => new light.Tally([0, 1], [1]).toBytes(), full);
});
