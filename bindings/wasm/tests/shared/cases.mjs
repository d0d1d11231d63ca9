// Named cases run in Node (tests/node/cases.test.mjs) and in headless Chromium
// (tests/browser): the conventions of docs/conventions.md and docs/metrics/survey.md, every typed array, and Tally.
// Each case is [name, (cx) => void] and throws an AssertionError on failure.

import { close, deepEqual, equal, ok, throws } from "./assert.mjs";

const NPS_SCORES = [10, 9, 9, 8, 7, 3];

/** Every typed array the package accepts, with a constructor from plain numbers. */
export const TYPED = [
  ["Uint8Array", (xs) => Uint8Array.from(xs)],
  ["Uint8ClampedArray", (xs) => Uint8ClampedArray.from(xs)],
  ["Int8Array", (xs) => Int8Array.from(xs)],
  ["Uint16Array", (xs) => Uint16Array.from(xs)],
  ["Int16Array", (xs) => Int16Array.from(xs)],
  ["Uint32Array", (xs) => Uint32Array.from(xs)],
  ["Int32Array", (xs) => Int32Array.from(xs)],
  ["Float32Array", (xs) => Float32Array.from(xs)],
  ["Float64Array", (xs) => Float64Array.from(xs)],
  ["BigInt64Array", (xs) => BigInt64Array.from(xs, BigInt)],
  ["BigUint64Array", (xs) => BigUint64Array.from(xs, BigInt)],
];

export const cases = [];
const add = (name, fn) => cases.push([name, fn]);

// ───────────────────────────── conventions (docs/conventions.md) ─────────────────────────────

add("3 promoters 2 passives 1 detractor -> 33.333..., not 33 or 34", (cx) => {
  const r = cx.nps(NPS_SCORES);
  close(r.score, 100 / 3, 1e-12, "score");
  ok(r.score !== 33 && r.score !== 34, "never rounded");
  deepEqual([r.nPromoters, r.nPassives, r.nDetractors, r.n], [3, 2, 1, 6], "counts");
  close(r.promoters, 0.5);
  close(r.passives, 1 / 3);
  close(r.detractors, 1 / 6);
  deepEqual(r.buckets, { detractorMax: 6, promoterMin: 9 }, "standard buckets");
});

add("NPS on a 1-10 scale is refused (scale_mismatch, message names the buckets)", (cx) => {
  for (const scale of [[1, 10], cx.Scale.oneToTen()]) {
    throws(() => cx.nps([10, 9, 1], { scale }), {
      type: cx.CxMetricsError,
      code: "scale_mismatch",
      message: /buckets/,
    });
  }
  throws(() => cx.nps(new cx.Tally([1, 10], [10, 9, 1])), { code: "scale_mismatch", message: /buckets/ });
  const r = cx.nps([10, 9, 1], { scale: [1, 10], buckets: { detractorMax: 6, promoterMin: 9 } });
  close(r.score, 100 / 3, 1e-12, "explicit buckets work");
});

add("8.5 -> not_integer naming the index", (cx) => {
  const e = throws(() => cx.nps([10, 9, 8.5, 3]), { type: cx.CxMetricsError, code: "not_integer", index: 2 });
  ok(/8\.5/.test(e.message) && /index 2/.test(e.message), e.message);
  throws(() => cx.nps(Float64Array.of(10, 8.5)), { code: "not_integer", index: 1 });
  throws(() => cx.nps(Float32Array.of(8.5)), { code: "not_integer", index: 0 });
});

add("null, undefined and NaN are missing: counted, never in the denominator", (cx) => {
  // biome-ignore lint/suspicious/noSparseArray: a hole is one of the missing answers tested here
  const r = cx.nps([10, null, 9, undefined, NaN, 0, , 8]);
  equal(r.n, 4, "n");
  equal(r.missing, 4, "missing (null, undefined, NaN, hole)");
  close(r.score, 25, 1e-12, "score over the 4 answers");
  const f = cx.nps(Float64Array.of(10, NaN, 0, NaN));
  deepEqual([f.n, f.missing, f.score], [2, 2, 0]);
  const w = cx.nps([10, null, 0], { weights: [1, NaN, 3] });
  deepEqual([w.n, w.missing, w.sumWeights], [2, 1, 4], "the weight of a missing score is ignored");
});

add("no valid response -> empty, never 0", (cx) => {
  for (const scores of [[], [null, undefined, NaN], new Float64Array(0), new Uint8Array(0)]) {
    const e = throws(() => cx.nps(scores), { type: cx.CxMetricsError, code: "empty", index: null });
    ok(/n = 0/.test(e.message), e.message);
  }
  throws(() => cx.nps([11, 12], { onInvalid: "skip" }), { code: "empty" });
  throws(() => cx.mean([], { scale: [1, 5] }), { code: "empty" });
});

add("out of scale names the index and the value", (cx) => {
  const e = throws(() => cx.nps([10, 9, 11, 12, 0]), { type: cx.CxMetricsError, code: "out_of_scale", index: 2 });
  ok(/\b11\b/.test(e.message) && /index 2/.test(e.message) && /0–10/.test(e.message), e.message);
  throws(() => cx.nps(Uint8Array.of(10, 200)), { code: "out_of_scale", index: 1, message: /200/ });
  throws(() => cx.csat(Int8Array.of(5, -1), {}), { code: "out_of_scale", index: 1, message: /-1/ });
});

add("a negative weight -> invalid_weight naming the index", (cx) => {
  throws(() => cx.nps([10, 9, 0], { weights: [1, -0.5, 1] }), {
    type: cx.CxMetricsError,
    code: "invalid_weight",
    index: 1,
    message: /-0\.5/,
  });
  throws(() => cx.nps([10, 9], { weights: [1, Infinity] }), { code: "invalid_weight", index: 1 });
  throws(() => cx.nps([10, 9], { weights: [0, 0] }), { code: "invalid_weight", index: null, message: /zero/ });
});

add("onInvalid: skip counts invalid rows and leaves them out", (cx) => {
  const r = cx.nps([10, 11, 8.5, Infinity, 0, null], { onInvalid: "skip" });
  deepEqual([r.n, r.invalid, r.missing, r.score], [2, 3, 1, 0]);
  throws(() => cx.nps([10], { onInvalid: "drop" }), { code: "invalid_argument", message: /`onInvalid`/ });
});

add("length mismatch of scores and weights", (cx) => {
  throws(() => cx.nps([10, 9, 3], { weights: [1, 1] }), { code: "length_mismatch" });
  throws(() => cx.nps(Uint8Array.of(10), { weights: new Float64Array(0) }), { code: "length_mismatch" });
});

add("weights: sumWeights and Kish nEff", (cx) => {
  const r = cx.nps([10, 9, 3, 0, 7], { weights: [1, 1, 2, 2, 4] });
  equal(r.weighted, true);
  equal(r.sumWeights, 10);
  close(r.nEff, 100 / 26);
  close(r.score, (100 * (2 - 4)) / 10);
  const u = cx.nps([10, 0]);
  deepEqual([u.weighted, u.sumWeights, u.nEff], [false, 2, 2], "unweighted: sumWeights = nEff = n");
});

add("CxMetricsError: an Error with name, code, index and the core's message", (cx) => {
  const e = throws(() => cx.nps([]), { type: cx.CxMetricsError });
  ok(e instanceof Error, "instanceof Error");
  equal(e.name, "CxMetricsError");
  equal(e.code, "empty");
  equal(e.index, null);
  equal(e.message, "no valid responses: n = 0 (missing = 0, invalid = 0); a metric of nothing is undefined, not 0");
  ok(String(e).startsWith("CxMetricsError: no valid responses"), String(e));
  ok(typeof e.stack === "string");
  const mine = new cx.CxMetricsError("boom", "empty");
  deepEqual([mine.message, mine.code, mine.index, mine.name], ["boom", "empty", null, "CxMetricsError"]);
});

add("Scale: presets, points, equals, invalid_scale", (cx) => {
  const presets = [
    [cx.Scale.nps(), 0, 10],
    [cx.Scale.oneToFive(), 1, 5],
    [cx.Scale.oneToSeven(), 1, 7],
    [cx.Scale.oneToTen(), 1, 10],
    [cx.Scale.binary(), 0, 1],
  ];
  for (const [s, min, max] of presets) {
    deepEqual([s.min, s.max, s.points], [min, max, max - min + 1]);
    ok(s.equals(new cx.Scale(min, max)) && s.equals([min, max]), "equals");
  }
  ok(!cx.Scale.nps().equals([1, 10]), "not equal");
  ok(cx.Scale.nps().contains(0) && cx.Scale.nps().contains(10), "contains");
  ok(![-1, 11, 5.5, NaN, "5", null].some((v) => cx.Scale.nps().contains(v)), "does not contain");
  equal(String(new cx.Scale(-3, 3)), "-3–3");
  deepEqual(JSON.parse(JSON.stringify(new cx.Scale(1, 5))), { min: 1, max: 5 });
  ok(Object.isFrozen(cx.Scale.nps()), "frozen");
  for (const [min, max] of [
    [3, 3],
    [5, 1],
    [0, 101],
    [-2147483648, 2147483647],
    [0, 1e20],
    [-1e300, 1e300],
  ]) {
    throws(() => new cx.Scale(min, max), { type: cx.CxMetricsError, code: "invalid_scale" }, `${min}–${max}`);
    throws(() => cx.mean([1], { scale: [min, max] }), { code: "invalid_scale" });
  }
  const s = new cx.Scale(-100, 0);
  equal(s.points, 101);
  for (const bad of [0.5, "1", null, undefined, NaN, Infinity, 1n]) {
    throws(() => new cx.Scale(bad, 10), { type: TypeError }, `min ${String(bad)}`);
  }
  throws(() => cx.nps([1], { scale: [0] }), { type: TypeError });
  throws(() => cx.nps([1], { scale: "0-10" }), { type: TypeError });
});

add("CSAT: methods (snake_case strings), thresholds, defaults", (cx) => {
  const xs = [5, 4, 3, 2, 5];
  const top = cx.csat(xs);
  deepEqual([top.score, top.method, top.threshold, top.bottomThreshold], [60, "top_box", 4, null]);
  const mean = cx.csat(xs, { method: "mean" });
  deepEqual([mean.score, mean.method, mean.threshold], [3.8, "mean", null]);
  close(cx.csat([1, 1], { method: "percent_of_max" }).score, 20);
  const net = cx.csat(xs, { method: "net" });
  deepEqual([net.score, net.threshold, net.bottomThreshold], [40, 4, 2]);
  equal(cx.csat(xs, { threshold: 5 }).score, 40);
  equal(cx.csat([1, 0], { scale: cx.Scale.binary() }).threshold, 1, "top point alone on 2-point scales");
  throws(() => cx.csat(xs, { method: "topBox" }), { code: "invalid_argument", message: /top_box/ });
  throws(() => cx.csat(xs, { threshold: 6 }), { code: "invalid_argument" });
  throws(() => cx.csat(xs, { threshold: 4.5 }), { type: TypeError });
});

add("CES: scale and higherIsBetter are required", (cx) => {
  const r = cx.ces([7, 6, 5, 4, 2], { scale: [1, 7], higherIsBetter: true });
  deepEqual([r.score, r.method, r.higherIsBetter, r.threshold], [4.8, "mean", true, null]);
  const a = cx.ces([7, 6, 5, 4, 2], { scale: cx.Scale.oneToSeven(), higherIsBetter: true, method: "percent_agree" });
  deepEqual([a.score, a.threshold], [60, 5]);
  const lib = cx.ces([1, 2, 5], { scale: [1, 5], higherIsBetter: false, method: "net_effort" });
  close(lib.score, (100 * (2 - 1)) / 3);
  throws(() => cx.ces([1, 2], { higherIsBetter: true }), {
    type: cx.CxMetricsError,
    code: "invalid_argument",
    message: /scale/,
  });
  throws(() => cx.ces([1, 2], { scale: [1, 5] }), { code: "invalid_argument", message: /higherIsBetter/ });
  throws(() => cx.ces([1, 2]), { code: "invalid_argument" });
  throws(() => cx.ces([1, 2], { scale: [1, 5], higherIsBetter: "yes" }), { type: TypeError });
});

add("mean, topBox, bottomBox, distribution need a scale; results", (cx) => {
  const m = cx.mean([1, 2, 3, 4, 5], { scale: [1, 5] });
  equal(m.score, 3);
  close(m.stdDev, Math.sqrt(2.5));
  equal(cx.mean([4], { scale: [1, 5] }).stdDev, null, "stdDev null when n_eff <= 1");
  const t = cx.topBox([5, 4, 3, 1], { scale: [1, 5] });
  deepEqual([t.score, t.threshold, t.count], [50, 4, 2]);
  equal(cx.topBox([5, 4, 3, 1], { scale: [1, 5], threshold: 5 }).score, 25);
  const b = cx.bottomBox([5, 4, 2, 1], { scale: [1, 5] });
  deepEqual([b.score, b.threshold, b.count], [50, 2, 2]);
  const d = cx.distribution([1, 1, 0, 1], { scale: [0, 1] });
  deepEqual(
    [d.points, d.counts, d.shares],
    [
      [0, 1],
      [1, 3],
      [0.25, 0.75],
    ],
  );
  for (const fn of [cx.mean, cx.topBox, cx.bottomBox, cx.distribution]) {
    throws(() => fn([1, 2]), { type: cx.CxMetricsError, code: "invalid_argument", message: /scale/ }, fn.name);
    throws(() => fn([1, 2], {}), { code: "invalid_argument" }, fn.name);
  }
});

add("results are frozen plain data with toJSON()", (cx) => {
  const r = cx.nps(NPS_SCORES);
  ok(Object.isFrozen(r) && Object.isFrozen(r.buckets), "frozen");
  throws(
    () => {
      r.score = 1;
    },
    { type: TypeError },
  );
  const j = r.toJSON();
  equal(Object.getPrototypeOf(j), Object.prototype, "toJSON returns a plain object");
  deepEqual(Object.keys(j), [
    "score",
    "promoters",
    "passives",
    "detractors",
    "nPromoters",
    "nPassives",
    "nDetractors",
    "buckets",
    "n",
    "missing",
    "invalid",
    "sumWeights",
    "nEff",
    "weighted",
  ]);
  deepEqual(JSON.parse(JSON.stringify(r)), j);
  const d = cx.distribution([1, 2], { scale: [1, 3] });
  ok(Object.isFrozen(d.shares), "arrays frozen");
  const dj = d.toJSON();
  dj.shares.push(1);
  equal(d.shares.length, 3, "toJSON copies arrays");
  deepEqual(Object.keys(cx.mean([1, 2], { scale: [1, 5] }).toJSON()), [
    "score",
    "stdDev",
    "n",
    "missing",
    "invalid",
    "sumWeights",
    "nEff",
    "weighted",
  ]);
});

add("options: unknown keys and wrong types are a TypeError", (cx) => {
  throws(() => cx.nps([10], { on_invalid: "skip" }), { type: TypeError, message: /camelCase/ });
  throws(() => cx.nps([10], { scales: [0, 10] }), { type: TypeError, message: /scales/ });
  throws(() => cx.nps([10], { method: "mean" }), { type: TypeError });
  throws(() => cx.nps([10], "skip"), { type: TypeError });
  throws(() => cx.nps([10], { onInvalid: 1 }), { type: TypeError });
  throws(() => cx.nps([10], { buckets: [6, 9] }), { type: TypeError });
  throws(() => cx.nps([10], { buckets: { detractorMax: 6 } }), { type: TypeError });
  throws(() => cx.nps([10], { buckets: { detractorMax: 6, promoterMin: 9, x: 1 } }), { type: TypeError });
  throws(() => cx.nps([10], { buckets: { detractorMax: 8, promoterMin: 8 } }), { code: "invalid_argument" });
  throws(() => cx.csat([5], { method: 5 }), { type: TypeError });
  equal(cx.nps([10], { scale: null, weights: null, onInvalid: null, buckets: null }).score, 100, "null = not given");
  equal(cx.nps([10], undefined).score, 100);
  equal(cx.nps([10], null).score, 100);
});

add("a Tally as scores: scale, weights, onInvalid must not be given", (cx) => {
  const t = new cx.Tally([1, 5], [5, 4, 1]);
  for (const [name, value] of [
    ["scale", [1, 5]],
    ["weights", [1, 1, 1]],
    ["onInvalid", "skip"],
  ]) {
    throws(() => cx.csat(t, { [name]: value }), {
      type: cx.CxMetricsError,
      code: "invalid_argument",
      message: new RegExp(name),
    });
  }
  close(cx.csat(t).score, (100 * 2) / 3);
  close(cx.mean(t).score, 10 / 3);
  equal(cx.topBox(t, { threshold: 5 }).count, 1);
  close(cx.ces(t, { higherIsBetter: true }).score, 10 / 3);
  deepEqual(cx.distribution(t).counts, [1, 0, 0, 1, 1]);
});

// ───────────────────────────── typed arrays ─────────────────────────────

for (const [name, make] of TYPED) {
  add(`typed array ${name}: scores, weights, errors`, (cx) => {
    const typed = make(NPS_SCORES);
    const r = cx.nps(typed);
    close(r.score, 100 / 3, 1e-12, "score");
    deepEqual(r.toJSON(), cx.nps(NPS_SCORES).toJSON(), "same as the plain array");
    const w = cx.nps(NPS_SCORES, { weights: make([1, 2, 3, 1, 2, 3]) });
    deepEqual(w.toJSON(), cx.nps(NPS_SCORES, { weights: [1, 2, 3, 1, 2, 3] }).toJSON(), "typed weights");
    const d = cx.distribution(make([1, 2, 2, 3]), { scale: [1, 3], weights: make([1, 1, 1, 1]) });
    deepEqual(d.counts, [1, 2, 1]);
    throws(() => cx.nps(make([10, 9, 12])), { type: cx.CxMetricsError, code: "out_of_scale", index: 2 });
    // A view at an offset into a larger buffer.
    const big = make([0, 0, ...NPS_SCORES, 0]);
    const view = big.subarray(2, 2 + NPS_SCORES.length);
    close(cx.nps(view).score, 100 / 3, 1e-12, "subarray view");
    const t = new cx.Tally(cx.Scale.nps(), typed).extend(make([0]));
    equal(t.n, 7);
  });
}

add("typed arrays: negative and huge integers, float NaN / ±Infinity", (cx) => {
  throws(() => cx.nps(Int32Array.of(5, -2147483648)), { code: "out_of_scale", index: 1 });
  throws(() => cx.nps(Uint32Array.of(4294967295)), { code: "out_of_scale", index: 0 });
  throws(() => cx.nps(BigInt64Array.of(-9223372036854775808n)), { code: "out_of_scale", index: 0 });
  throws(() => cx.nps(BigUint64Array.of(18446744073709551615n)), { code: "out_of_scale", index: 0 });
  throws(() => cx.nps(Float32Array.of(1, Infinity)), { code: "not_finite", index: 1 });
  throws(() => cx.nps(Float64Array.of(-Infinity)), { code: "not_finite", index: 0 });
  deepEqual(cx.mean(Int8Array.of(-3, 3, -1), { scale: [-3, 3] }).score, -1 / 3);
  const f = cx.nps(Float32Array.of(NaN, 10, NaN));
  deepEqual([f.n, f.missing], [1, 2]);
});

// ───────────────────────────── Tally ─────────────────────────────

add("Tally: merge equals one pass (counts exact, weights within 1e-12)", (cx) => {
  const a = [10, 9, null, 3, 7];
  const b = [0, 10, 8];
  const merged = new cx.Tally(cx.Scale.nps(), a).merge(new cx.Tally([0, 10], b));
  const whole = new cx.Tally(cx.Scale.nps(), [...a, ...b]);
  deepEqual(merged.toJSON(), whole.toJSON());
  deepEqual(cx.nps(merged).toJSON(), cx.nps([...a, ...b]).toJSON());
  const wa = new cx.Tally([1, 5], [5, 4], { weights: [0.1, 0.2] });
  const wb = new cx.Tally([1, 5], [3, 5, 1], { weights: [0.3, 0.4, 0.5] });
  const wm = wa.merge(wb);
  const ww = new cx.Tally([1, 5], [5, 4, 3, 5, 1], { weights: [0.1, 0.2, 0.3, 0.4, 0.5] });
  deepEqual(wm.counts, ww.counts);
  close(wm.sumWeights, ww.sumWeights, 1e-12);
  close(wm.nEff, ww.nEff, 1e-12);
  close(cx.csat(wm).score, cx.csat(ww).score, 1e-12);
  throws(() => new cx.Tally([0, 10]).merge(new cx.Tally([1, 10])), { type: cx.CxMetricsError, code: "scale_mismatch" });
  throws(() => new cx.Tally([0, 10]).merge([1, 2]), { type: TypeError });
});

add("Tally: copy is independent; pointWeights", (cx) => {
  const t = new cx.Tally([1, 3], [1, 3, 3], { weights: [0.5, 1, 2] });
  const c = t.copy();
  c.push(2);
  deepEqual([t.n, c.n], [3, 4]);
  deepEqual(t.pointWeights, [0.5, 0, 3]);
  deepEqual(c.pointWeights, [0.5, 1, 3], "an unweighted push on a weighted tally weighs 1");
  deepEqual(new cx.Tally([0, 1], [1, 1, 0]).pointWeights, [1, 2], "unweighted: the counts");
});

add("Tally: merge with itself counts every response twice", (cx) => {
  const t = new cx.Tally([1, 5], [5, 4, null]);
  t.merge(t);
  deepEqual([t.n, t.missing, t.counts], [4, 2, [0, 0, 0, 2, 2]]);
});

add("Tally: toJSON / fromJSON round trip (object and string)", (cx) => {
  const t = new cx.Tally([1, 7], [7, 6, null, 9, 2], { weights: [0.5, 1.5, 1, 1, 2], onInvalid: "skip" });
  const j = t.toJSON();
  deepEqual(j.format, "cxmetrics.tally");
  deepEqual([j.version, j.scale, j.counts, j.missing, j.invalid], [1, { min: 1, max: 7 }, [0, 1, 0, 0, 0, 1, 1], 1, 1]);
  ok(j.weights !== null && j.weights.sum.length === 7, "weights stored");
  const back = cx.Tally.fromJSON(j);
  deepEqual(back.toJSON(), j, "from the object");
  deepEqual(cx.Tally.fromJSON(JSON.stringify(t)).toJSON(), j, "from the string JSON.stringify writes");
  deepEqual(cx.ces(back, { higherIsBetter: true }).toJSON(), cx.ces(t, { higherIsBetter: true }).toJSON());
  const u = new cx.Tally(cx.Scale.nps(), [10]).toJSON();
  equal(u.weights, null, "unweighted: weights null");
  throws(() => cx.Tally.fromJSON("{"), { type: cx.CxMetricsError, code: "invalid_format" });
  throws(() => cx.Tally.fromJSON({ ...j, version: 2 }), { code: "invalid_format", message: /version/ });
  throws(() => cx.Tally.fromJSON({ ...j, format: "x" }), { code: "invalid_format" });
  throws(() => cx.Tally.fromJSON({ ...j, counts: [1] }), { code: "invalid_format" });
  throws(() => cx.Tally.fromJSON({ ...j, scale: { min: 3, max: 3 } }), { code: "invalid_format" });
  throws(() => cx.Tally.fromJSON(42), { type: TypeError });
  throws(() => cx.Tally.fromJSON(null), { type: TypeError });
});

add(
  "Tally.fromJSON reads what the core's serde reader reads (Python's text, fields as an array, unknown keys)",
  (cx) => {
    // JSON.parse in JS, then the core's serde impls over the parsed value (no JSON parser in wasm)
    const py =
      '{"format":"cxmetrics.tally","version":1,"scale":{"min":1,"max":3},"counts":[1,1,0],"missing":2,"invalid":0,' +
      '"weights":{"sum":[1.0,0.1,0.0],"sum_comp":[0.0,0.0,0.0],"sum_sq":[1.0,0.010000000000000002,0.0],"sum_sq_comp":[0.0,0.0,0.0]}}';
    const t = cx.Tally.fromJSON(py);
    deepEqual([t.n, t.missing, t.pointWeights], [2, 2, [1, 0.1, 0]]);
    deepEqual(cx.Tally.fromJSON(t.toJSON()).toJSON(), JSON.parse(py), "toJSON gives the same values back");
    deepEqual(cx.Tally.fromJSON({ ...t.toJSON(), scale: [1, 3], note: { any: [1] } }).toJSON(), t.toJSON());
    throws(() => cx.Tally.fromJSON({ ...t.toJSON(), counts: [1.5, 0, 0] }), {
      code: "invalid_format",
      message: /^invalid serialized tally: invalid type: floating point `1.5`, expected u64$/,
    });
    throws(() => cx.Tally.fromJSON('{"format":"cxmetrics.tally"}'), {
      code: "invalid_format",
      message: /missing field `version`/,
    });
    throws(() => cx.Tally.fromJSON('{"format":'), {
      code: "invalid_format",
      message: /^invalid serialized tally: not JSON/,
    });
  },
);

add("Tally.fromCounts", (cx) => {
  const t = cx.Tally.fromCounts(cx.Scale.nps(), [1, 0, 0, 0, 0, 0, 0, 2, 0, 0, 3]);
  close(cx.nps(t).score, 100 / 3);
  deepEqual([t.n, t.missing, t.weighted], [6, 0, false]);
  deepEqual(cx.Tally.fromCounts([1, 3], Uint32Array.of(1, 2, 3)).counts, [1, 2, 3]);
  throws(() => cx.Tally.fromCounts([1, 5], [1, 2]), { type: cx.CxMetricsError, code: "length_mismatch" });
  throws(() => cx.Tally.fromCounts([1, 3], [1, -1, 0]), { code: "invalid_argument", index: 1 });
  throws(() => cx.Tally.fromCounts([1, 3], [1, 1.5, 0]), { code: "invalid_argument", index: 1 });
  throws(() => cx.Tally.fromCounts([1, 3], [1, null, 0]), { code: "invalid_argument", index: 1 });
  throws(() => cx.Tally.fromCounts([1, 3], ["1", 1, 0]), { type: TypeError });
  throws(() => cx.Tally.fromCounts([1, 3]), { type: TypeError });
});

add("Tally: push and extend (indices, all-or-nothing)", (cx) => {
  const t = new cx.Tally(cx.Scale.nps());
  deepEqual([t.n, t.missing, t.invalid, t.weighted, t.sumWeights, t.nEff], [0, 0, 0, false, 0, 0]);
  equal(t.scale.toString(), "0–10");
  t.push(9).push(null).push(3, { weight: 2 });
  deepEqual([t.n, t.missing, t.sumWeights, t.weighted], [2, 1, 3, true]);
  throws(() => t.push(12), { type: cx.CxMetricsError, code: "out_of_scale", index: 3 }, "push index = rows seen");
  t.push(12, { onInvalid: "skip" });
  equal(t.invalid, 1);
  throws(() => t.push(5, { weight: -1 }), { code: "invalid_weight" });
  throws(() => t.push({}), { type: TypeError }); // text is read (issue 13); other objects are refused
  throws(() => t.push(5, { weight: "1" }), { type: TypeError });
  throws(() => t.push(5, { weights: [1] }), { type: TypeError });
  const before = JSON.stringify(t);
  throws(() => t.extend([10, 9, 11]), { code: "out_of_scale", index: 2 }, "extend index within the slice");
  equal(JSON.stringify(t), before, "a failed extend leaves the tally unchanged");
  t.extend(Uint8Array.of(10, 10), { weights: [1, 1] });
  equal(t.n, 4);
  t.extend([10, 42], { onInvalid: "skip" });
  deepEqual([t.n, t.invalid], [5, 2]);
  throws(() => t.extend("10"), { type: TypeError });
  throws(() => t.extend([1, 2], { weights: [1] }), { code: "length_mismatch" });
});

add("Tally: constructor options, getters and free()", (cx) => {
  const t = new cx.Tally([1, 5], [5, 9, 1], { onInvalid: "skip", weights: [1, 1, 3] });
  deepEqual([t.n, t.invalid, t.sumWeights], [2, 1, 4]);
  close(t.nEff, 16 / 10);
  ok(t.scale instanceof cx.Scale && t.scale.equals([1, 5]), "scale getter");
  deepEqual(t.counts, [1, 0, 0, 0, 1]);
  ok(Array.isArray(t.counts), "counts is an array");
  throws(() => new cx.Tally([1, 5], [6]), { type: cx.CxMetricsError, code: "out_of_scale", index: 0 });
  throws(() => new cx.Tally([5, 1]), { code: "invalid_scale" });
  throws(() => new cx.Tally(), { type: TypeError });
  throws(() => new cx.Tally([1, 5], [1], { weight: [1] }), { type: TypeError });
  ok(/Tally\(1–5, n=2/.test(String(t)), String(t));
  t.free();
  t.free();
  throws(() => t.n, { type: TypeError, message: /freed/ });
  throws(() => cx.nps(t), { type: TypeError, message: /freed/ });
  throws(() => new cx.Tally([1, 5]).merge(t), { type: TypeError, message: /freed/ });
});

add("the module keeps working after many errors (no trap, no leaked borrow)", (cx) => {
  for (let i = 0; i < 200; i++) {
    try {
      cx.nps([10, 11]);
    } catch {}
    try {
      cx.nps([10], { weights: "x" });
    } catch {}
  }
  equal(cx.nps([10, 0, 10]).n, 3);
});
