// Named cases of the zero-copy input (issue 17, item 3): `ScoresBuffer` and the chunked
// copy of large typed arrays. Run by Node (tests/node/buffer.test.mjs, both modules) and
// by the Chromium page (tests/browser/page.mjs, both modules). Expectations are hand
// counts (a plain JS loop over the same data) and the plain-array path.

import { close, deepEqual, equal, ok, throws } from "./assert.mjs";

/** Values per chunk of the chunked copy (js/src/buffer.mjs `CHUNK`). */
export const CHUNK = 65536;

export const cases = [];
const add = (name, fn) => cases.push([name, fn]);

/** A ScoresBuffer of `dtype` filled with `xs`. */
function filled(cx, xs, dtype = "f64") {
  const buf = new cx.ScoresBuffer(xs.length, dtype);
  buf.array.set(xs);
  return buf;
}

/** counts per point of 0–10 and the missing count, by a plain loop (the expectation). */
function handCounts(xs) {
  const counts = new Array(11).fill(0);
  let missing = 0;
  for (const x of xs) {
    if (Number.isNaN(x)) missing++;
    else counts[x]++;
  }
  return { counts, missing };
}

/** Skewed 0–10 answers (most 8–10) with a NaN every 97th value. */
function skewed(n, nan = true) {
  const xs = new Float64Array(n);
  let s = 12345;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const u = s / 2147483648;
    xs[i] = u < 0.6 ? 8 + Math.floor((u / 0.6) * 3) : Math.floor(((u - 0.6) / 0.4) * 11);
    if (nan && i % 97 === 96) xs[i] = NaN;
  }
  return xs;
}

const strip = (r) => JSON.parse(JSON.stringify(r));

add("ScoresBuffer f64: 3 promoters 2 passives 1 detractor -> 100/3 (hand count)", (cx) => {
  const buf = filled(cx, [10, 9, 9, 8, 7, 3]);
  equal(buf.length, 6);
  equal(buf.dtype, "f64");
  ok(buf.array instanceof Float64Array, "array is a Float64Array");
  const r = cx.nps(buf);
  close(r.score, 100 / 3, 1e-12, "score");
  deepEqual([r.nPromoters, r.nPassives, r.nDetractors, r.n], [3, 2, 1, 6]);
  buf.free();
});

add("ScoresBuffer u8: the same answers, the same result; Tally.buffer is the same class", (cx) => {
  const buf = cx.Tally.buffer(6, "u8");
  ok(buf instanceof cx.ScoresBuffer, "Tally.buffer makes a ScoresBuffer");
  ok(buf.array instanceof Uint8Array, "array is a Uint8Array");
  buf.array.set([10, 9, 9, 8, 7, 3]);
  close(cx.nps(buf).score, 100 / 3);
  buf.free();
});

add("ScoresBuffer: every survey function equals the plain-array path", (cx) => {
  const xs = [1, 2, 3, 4, 5, 5, 4, NaN, 2, 5];
  const five = { scale: [1, 5] };
  for (const dtype of ["f64", "u8"]) {
    const data = dtype === "u8" ? xs.map((x) => (Number.isNaN(x) ? 3 : x)) : xs;
    const plain = Array.from(data, (x) => (Number.isNaN(x) ? null : x));
    const buf = filled(cx, data, dtype);
    const same = (name, f) => deepEqual(strip(f(buf)), strip(f(plain)), `${name} (${dtype})`);
    same("csat", (s) => cx.csat(s));
    same("csat net", (s) => cx.csat(s, { method: "net" }));
    same("ces", (s) => cx.ces(s, { ...five, higherIsBetter: false }));
    same("mean", (s) => cx.mean(s, five));
    same("topBox", (s) => cx.topBox(s, five));
    same("bottomBox", (s) => cx.bottomBox(s, five));
    same("distribution", (s) => cx.distribution(s, five));
    same("nps 1-5 buckets", (s) => cx.nps(s, { ...five, buckets: { detractorMax: 2, promoterMin: 5 } }));
    same("weighted", (s) => cx.csat(s, { weights: data.map((_, i) => 1 + (i % 3)) }));
    buf.free();
  }
});

add("ScoresBuffer: new Tally(scale, buf) and tally.extend(buf) count it; the buffer can be refilled", (cx) => {
  const buf = filled(cx, [10, 9, 0]);
  const t = new cx.Tally([0, 10], buf);
  t.extend(buf);
  buf.array.set([5, 5, NaN]);
  t.extend(buf);
  deepEqual(t.counts, [2, 0, 0, 0, 0, 2, 0, 0, 0, 2, 2], "counts");
  equal(t.n, 8);
  equal(t.missing, 1);
  t.free();
  buf.free();
});

add(
  "ScoresBuffer: NaN is missing; ±∞, out-of-scale and fractional scores give the usual errors with their index",
  (cx) => {
    const buf = filled(cx, [10, NaN, 9, 3, 7]);
    const r = cx.nps(buf);
    equal(r.n, 4);
    equal(r.missing, 1);
    for (const [bad, code] of [
      [Infinity, "not_finite"],
      [-Infinity, "not_finite"],
      [11, "out_of_scale"],
      [-1, "out_of_scale"],
      [8.5, "not_integer"],
    ]) {
      buf.array[3] = bad;
      throws(() => cx.nps(buf), { type: cx.CxMetricsError, code, index: 3 }, `${bad}`);
      const skip = cx.nps(buf, { onInvalid: "skip" });
      deepEqual([skip.n, skip.missing, skip.invalid], [3, 1, 1], `skip ${bad}`);
    }
    const u8 = filled(cx, [10, 200, 3], "u8");
    throws(() => cx.nps(u8), { type: cx.CxMetricsError, code: "out_of_scale", index: 1 });
    buf.free();
    u8.free();
  },
);

add("ScoresBuffer: a failed extend leaves the tally unchanged", (cx) => {
  const t = new cx.Tally([0, 10], [1, 2]);
  const buf = filled(cx, [3, 4, 12]);
  throws(() => t.extend(buf), { code: "out_of_scale", index: 2 });
  deepEqual([t.n, t.counts[3]], [2, 0]);
  t.free();
  buf.free();
});

add("ScoresBuffer: wrong dtype, length and weights are refused clearly", (cx) => {
  throws(() => new cx.ScoresBuffer(3, "i32"), { type: cx.CxMetricsError, code: "invalid_argument" });
  throws(() => new cx.ScoresBuffer(3, "float64"), { type: cx.CxMetricsError, code: "invalid_argument" });
  for (const bad of [-1, 1.5, "3", NaN, undefined, 2 ** 53]) {
    throws(() => new cx.ScoresBuffer(bad), { type: TypeError }, `length ${bad}`);
  }
  throws(() => new cx.ScoresBuffer(2 ** 33, "f64"), { type: cx.CxMetricsError, code: "invalid_argument" });
  const buf = filled(cx, [1, 2, 3]);
  throws(() => cx.nps(buf, { weights: [1, 1] }), { type: cx.CxMetricsError, code: "length_mismatch" });
  throws(() => cx.nps(buf, { weights: [1, -1, 1] }), { type: cx.CxMetricsError, code: "invalid_weight", index: 1 });
  buf.free();
});

add("ScoresBuffer: an empty buffer is 0 responses (empty), not a trap", (cx) => {
  const buf = new cx.ScoresBuffer(0);
  equal(buf.array.length, 0);
  throws(() => cx.nps(buf), { type: cx.CxMetricsError, code: "empty" });
  buf.free();
});

add("ScoresBuffer: after free() every use is a TypeError; free() twice is fine", (cx) => {
  const buf = filled(cx, [10, 9]);
  buf.free();
  buf.free();
  throws(() => buf.array, { type: TypeError, message: /freed/ });
  throws(() => cx.nps(buf), { type: TypeError, message: /freed/ });
  const t = new cx.Tally([0, 10]);
  throws(() => t.extend(buf), { type: TypeError, message: /freed/ });
  equal(t.n, 0);
  equal(String(buf), "ScoresBuffer(freed)");
  if (typeof Symbol.dispose === "symbol") {
    const b = new cx.ScoresBuffer(2);
    b[Symbol.dispose]();
    throws(() => b.array, { type: TypeError });
  }
});

add("ScoresBuffer: memory growth detaches a held view; `array` re-derives it with the data intact", (cx) => {
  const buf = filled(cx, [10, 9, 9, 8, 7, 3]);
  const held = buf.array;
  // A buffer as large as the whole memory makes the memory grow.
  const big = new cx.ScoresBuffer(held.buffer.byteLength, "u8");
  equal(held.length, 0, "the old view is detached");
  const now = buf.array;
  ok(now !== held, "a new view");
  deepEqual(Array.from(now), [10, 9, 9, 8, 7, 3], "the data survived the growth");
  close(cx.nps(buf).score, 100 / 3);
  // a write through the detached view is lost (documented): never counted
  held[0] = 0;
  close(cx.nps(buf).score, 100 / 3);
  big.free();
  buf.free();
});

add("chunked copies: a Float64Array across chunk boundaries equals the hand count", (cx) => {
  for (const n of [CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + 5]) {
    const xs = skewed(n);
    const { counts, missing } = handCounts(xs);
    const t = new cx.Tally([0, 10], xs);
    deepEqual(t.counts, counts, `counts at ${n}`);
    equal(t.missing, missing, `missing at ${n}`);
    const r = cx.nps(xs);
    const p = counts[9] + counts[10];
    const d = counts.slice(0, 7).reduce((a, b) => a + b, 0);
    close(r.score, (100 * (p - d)) / (n - missing), 1e-12, `score at ${n}`);
    t.free();
  }
});

add("chunked copies: every staged typed array equals the plain path (u8, 16/32-bit, f32)", (cx) => {
  const xs = skewed(2 * CHUNK + 3, false);
  const { counts } = handCounts(xs);
  for (const Ctor of [Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array]) {
    const t = new cx.Tally([0, 10], Ctor.from(xs));
    deepEqual(t.counts, counts, Ctor.name);
    t.free();
  }
});

add("chunked copies: the first invalid value is named by its index in the whole input", (cx) => {
  for (const at of [0, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + 4]) {
    const xs = skewed(2 * CHUNK + 5);
    xs[at] = 11;
    throws(() => cx.nps(xs), { type: cx.CxMetricsError, code: "out_of_scale", index: at }, `at ${at}`);
    xs[at] = Infinity;
    throws(() => cx.nps(xs), { code: "not_finite", index: at, message: new RegExp(`index ${at}\\b`) }, `∞ at ${at}`);
    const i32 = Int32Array.from(xs, (x) => (Number.isFinite(x) ? x : 0));
    i32[at] = -4;
    throws(() => cx.nps(i32), { code: "out_of_scale", index: at }, `Int32Array at ${at}`);
  }
});

add("chunked copies: tally.extend of several chunks is all or nothing", (cx) => {
  const t = new cx.Tally([0, 10], [1, 2, 3]);
  const xs = skewed(3 * CHUNK);
  xs[2 * CHUNK + 7] = 8.5;
  throws(() => t.extend(xs), { code: "not_integer", index: 2 * CHUNK + 7 });
  deepEqual([t.n, t.missing], [3, 0], "unchanged");
  xs[2 * CHUNK + 7] = 8;
  t.extend(xs);
  const { counts, missing } = handCounts(xs);
  counts[1]++;
  counts[2]++;
  counts[3]++;
  deepEqual(t.counts, counts, "counts after the extend");
  equal(t.missing, missing);
  t.free();
});

add("chunked copies: onInvalid skip counts invalid values across chunks", (cx) => {
  const xs = skewed(2 * CHUNK + 9);
  const bad = [5, CHUNK - 1, CHUNK, 2 * CHUNK + 8];
  for (const i of bad) xs[i] = 42;
  const r = cx.nps(xs, { onInvalid: "skip" });
  equal(r.invalid, bad.length);
  const kept = xs.filter((x) => x !== 42);
  const { counts, missing } = handCounts(kept);
  equal(r.missing, missing);
  equal(r.n, kept.length - missing);
  const t = new cx.Tally([0, 10], xs, { onInvalid: "skip" });
  deepEqual(t.counts, counts);
  equal(t.invalid, bad.length);
  t.free();
});

add("chunked copies: a weighted call stays one pass and equals the weighted plain array", (cx) => {
  const xs = skewed(CHUNK + 10, false);
  const w = Float64Array.from(xs, (_, i) => 1 + (i % 4));
  const a = cx.nps(xs, { weights: w });
  const b = cx.nps(Array.from(xs), { weights: Array.from(w) });
  deepEqual(strip(a), strip(b));
});

add("chunked copies: 16/32-bit integers far outside the scale are out_of_scale with their value", (cx) => {
  for (const [Ctor, big] of [
    [Int32Array, 2147483647],
    [Int32Array, -2147483648],
    [Int16Array, 32767],
    [Uint32Array, 4294967295],
  ]) {
    const xs = new Ctor(CHUNK + 3).fill(7);
    xs[CHUNK + 1] = big;
    throws(() => cx.nps(xs), { code: "out_of_scale", index: CHUNK + 1, message: new RegExp(`${big}`) }, Ctor.name);
    equal(cx.nps(xs, { onInvalid: "skip" }).invalid, 1);
  }
});

add("a ScoresBuffer's array passed as plain scores or weights (a view of wasm memory) counts like the buffer", (cx) => {
  const xs = skewed(CHUNK + 17);
  const buf = filled(cx, xs);
  const w = filled(
    cx,
    Float64Array.from(xs, (_, i) => 1 + (i % 3)),
  );
  deepEqual(strip(cx.nps(buf.array)), strip(cx.nps(buf)), "scores");
  deepEqual(strip(cx.nps(buf.array, { weights: w.array })), strip(cx.nps(xs, { weights: w.array.slice() })), "weights");
  deepEqual(
    strip(cx.nps(buf, { weights: w.array })),
    strip(cx.nps(xs, { weights: w.array.slice() })),
    "buffer + weights",
  );
  const t = new cx.Tally([0, 10], [1]);
  t.extend(buf.array);
  equal(t.n, 1 + xs.length - handCounts(xs).missing);
  t.free();
  buf.free();
  w.free();
});
