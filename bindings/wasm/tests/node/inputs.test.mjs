// Bad input for every export: never a trap (WebAssembly.RuntimeError) or another error
// type; always a CxMetricsError (with a known code) or a TypeError. Plus large inputs.

import assert from "node:assert/strict";
import { test } from "node:test";
import * as cx from "cxmetrics";

const CODES = new Set([
  "empty",
  "out_of_scale",
  "not_integer",
  "not_finite",
  "invalid_weight",
  "length_mismatch",
  "scale_mismatch",
  "invalid_scale",
  "invalid_argument",
  "invalid_format",
  "insufficient_data",
  "unknown_label",
]);

/** Runs fn; passes if it returns or throws a CxMetricsError / TypeError. Returns the outcome. */
function safely(label, fn) {
  try {
    fn();
    return "ok";
  } catch (e) {
    if (e instanceof cx.CxMetricsError) {
      assert.ok(CODES.has(e.code), `${label}: unknown code ${e.code}`);
      assert.ok(e.index === null || Number.isInteger(e.index), `${label}: index ${e.index}`);
      assert.equal(typeof e.message, "string");
      return e.code;
    }
    if (e instanceof TypeError && !(e instanceof WebAssembly.RuntimeError)) return "TypeError";
    assert.fail(`${label}: threw ${e?.constructor?.name} ${e?.message}`);
  }
}

const detached = () => {
  const buf = new ArrayBuffer(16);
  const view = new Float64Array(buf);
  structuredClone(buf, { transfer: [buf] });
  return view;
};

const BAD_SCORES = [
  ["[]", []],
  ["[NaN]", [NaN]],
  ["[Infinity]", [Infinity]],
  ["[-Infinity]", [-Infinity]],
  ["out of scale", [1e9]],
  ["negative", [-1]],
  ["MAX_VALUE", [Number.MAX_VALUE]],
  ["-MAX_VALUE", [-Number.MAX_VALUE]],
  ["MIN_VALUE", [Number.MIN_VALUE]],
  ["-0", [-0]],
  ["0.1", [0.1]],
  ["2^53+2", [2 ** 53 + 2]],
  ["string element", ["7"]],
  ["object element", [{}]],
  ["array element", [[1]]],
  ["boolean element", [true]],
  ["bigint element", [1n]],
  ["symbol element", [Symbol("s")]],
  ["function element", [() => 1]],
  ["string", "10"],
  ["object", {}],
  ["number", 10],
  ["boolean", false],
  ["null", null],
  ["undefined", undefined],
  ["bigint", 10n],
  ["Map", new Map([[0, 1]])],
  ["Set", new Set([1])],
  ["DataView", new DataView(new ArrayBuffer(8))],
  ["ArrayBuffer", new ArrayBuffer(8)],
  ["array-like", { length: 2, 0: 1, 1: 2 }],
  ["Date", new Date()],
  ["Proxy of an array", new Proxy([1, 2], {})],
  ["Proxy of a typed array", new Proxy(new Uint8Array(2), {})],
  ["Float64Array NaN ±Infinity", Float64Array.of(NaN, Infinity, -Infinity)],
  ["Float32Array extremes", Float32Array.of(3.4e38, -3.4e38, 1e-45)],
  ["detached typed array", detached()],
  ["Int32Array min", Int32Array.of(-2147483648)],
  ["BigUint64Array max", BigUint64Array.of(2n ** 64n - 1n)],
  ["Uint8ClampedArray", Uint8ClampedArray.of(255)],
];

const BAD_WEIGHTS = [
  ["shorter", [1]],
  ["longer", [1, 1, 1, 1]],
  ["empty", []],
  ["negative", [1, -1, 1]],
  ["NaN", [NaN, 1, 1]],
  ["Infinity", [1, Infinity, 1]],
  ["-Infinity", [1, 1, -Infinity]],
  ["null", [null, 1, 1]],
  ["zeros", [0, 0, 0]],
  ["MAX_VALUE", [Number.MAX_VALUE, Number.MAX_VALUE, 1]],
  ["string elements", ["1", "1", "1"]],
  ["object", { 0: 1 }],
  ["string", "111"],
  ["number", 1],
  ["BigInt64Array", BigInt64Array.of(1n, 2n, 3n)],
  ["Float32Array", Float32Array.of(1, NaN, 1)],
  ["Uint8Array", Uint8Array.of(1, 1, 1)],
];

const BAD_OPTIONS = [
  ["scale string", { scale: "0-10" }],
  ["scale 1 element", { scale: [0] }],
  ["scale 3 elements", { scale: [0, 5, 10] }],
  ["scale object", { scale: { min: 0, max: 10 } }],
  ["scale floats", { scale: [0.5, 10] }],
  ["scale strings", { scale: ["0", "10"] }],
  ["scale NaN", { scale: [NaN, 10] }],
  ["scale huge", { scale: [-1e300, 1e300] }],
  ["scale reversed", { scale: [10, 0] }],
  ["scale one point", { scale: [3, 3] }],
  ["scale 102 points", { scale: [0, 101] }],
  ["onInvalid bad", { onInvalid: "drop" }],
  ["onInvalid number", { onInvalid: 0 }],
  ["method bad", { method: "TOP_BOX" }],
  ["method number", { method: 1 }],
  ["threshold string", { threshold: "4" }],
  ["threshold float", { threshold: 4.5 }],
  ["threshold NaN", { threshold: NaN }],
  ["threshold huge", { threshold: 1e300 }],
  ["threshold off scale", { threshold: -5 }],
  ["bottomThreshold bad", { bottomThreshold: 99 }],
  ["buckets array", { buckets: [6, 9] }],
  ["buckets partial", { buckets: { detractorMax: 6 } }],
  ["buckets overlap", { buckets: { detractorMax: 9, promoterMin: 9 } }],
  ["buckets huge", { buckets: { detractorMax: -1e300, promoterMin: 1e300 } }],
  ["higherIsBetter string", { higherIsBetter: "true" }],
  ["unknown key", { foo: 1 }],
  ["snake_case key", { on_invalid: "skip" }],
  ["options string", "skip"],
  ["options number", 5],
];

// Every export that reads scores, with what it needs to run at all.
const READERS = {
  nps: (s, o) => cx.nps(s, o),
  csat: (s, o) => cx.csat(s, o),
  ces: (s, o) => cx.ces(s, { scale: [0, 10], higherIsBetter: true, ...o }),
  mean: (s, o) => cx.mean(s, { scale: [0, 10], ...o }),
  topBox: (s, o) => cx.topBox(s, { scale: [0, 10], ...o }),
  bottomBox: (s, o) => cx.bottomBox(s, { scale: [0, 10], ...o }),
  distribution: (s, o) => cx.distribution(s, { scale: [0, 10], ...o }),
  "new Tally": (s, o) => new cx.Tally([0, 10], s, o),
  "Tally.extend": (s, o) => new cx.Tally([0, 10]).extend(s, o),
};

for (const [fname, fn] of Object.entries(READERS)) {
  test(`${fname}: bad scores, weights and options never trap`, () => {
    for (const [label, scores] of BAD_SCORES) safely(`${fname}(${label})`, () => fn(scores, {}));
    for (const [label, weights] of BAD_WEIGHTS) {
      safely(`${fname}(weights ${label})`, () => fn([10, 9, 3], { weights }));
      safely(`${fname}(typed, weights ${label})`, () => fn(Uint8Array.of(10, 9, 3), { weights }));
    }
    for (const [label, options] of BAD_OPTIONS) {
      safely(`${fname}(options ${label})`, () =>
        fn([10, 9, 3], typeof options === "object" ? { ...options } : options),
      );
    }
    assert.equal(cx.nps([10, 0, 9]).n, 3, "still works");
  });
}

test("the bad inputs give the documented outcomes", () => {
  const o = (scores, options) => safely("nps", () => cx.nps(scores, options));
  assert.equal(o([]), "empty");
  assert.equal(o([NaN]), "empty");
  assert.equal(o([Infinity]), "not_finite");
  assert.equal(o([1e9]), "out_of_scale");
  assert.equal(o([0.1]), "not_integer");
  // fuzzing findings (fuzz/README.md): off the scale at either end, tiny fractions
  assert.equal(o([10.5]), "out_of_scale");
  assert.equal(o([-0.5]), "out_of_scale");
  assert.equal(o([5e-324]), "not_integer");
  assert.equal(o([1e-300]), "not_integer");
  assert.equal(o([9, 2 + 2 ** -50]), "not_integer");
  assert.equal(o(["7"]), "ok"); // a number written as text (issue 13)
  assert.equal(o(["seven"]), "unknown_label");
  assert.equal(o("10"), "TypeError");
  assert.equal(o(null), "TypeError");
  assert.equal(o(new Map()), "TypeError");
  assert.equal(o({ length: 1, 0: 1 }), "TypeError");
  assert.equal(o(detached()), "empty");
  assert.equal(o(new Proxy([10], {})), "ok");
  assert.equal(o([10, 9, 3], { weights: [1] }), "length_mismatch");
  assert.equal(o([10, 9, 3], { weights: [null, 1, 1] }), "invalid_weight");
  assert.equal(o([10, 9, 3], { weights: ["1", "1", "1"] }), "TypeError");
  assert.equal(o([10, 9, 3], { weights: BigInt64Array.of(1n, 2n, 3n) }), "ok");
  assert.equal(o([10], { scale: [0.5, 10] }), "TypeError");
  assert.equal(o([10], { scale: [-1e300, 1e300] }), "invalid_scale");
  assert.equal(o([10], { threshold: 4 }), "TypeError");
  assert.equal(o([10], { buckets: { detractorMax: -1e300, promoterMin: 1e300 } }), "invalid_argument");
  assert.equal(
    safely("csat", () => cx.csat([5], { threshold: 1e300 })),
    "invalid_argument",
  );
  assert.equal(
    safely("csat", () => cx.csat([5], { threshold: NaN })),
    "TypeError",
  );
});

test("Tally.push, merge, fromJSON, fromCounts: bad input never traps", () => {
  const t = new cx.Tally([0, 10]);
  for (const [label, scores] of BAD_SCORES) {
    const one = Array.isArray(scores) ? scores[0] : scores;
    safely(`push(${label})`, () => t.push(one));
    safely(`push(5, weight ${label})`, () => t.push(5, { weight: one }));
    safely(`merge(${label})`, () => t.merge(one));
    safely(`fromJSON(${label})`, () => cx.Tally.fromJSON(one));
    safely(`fromCounts(${label})`, () => cx.Tally.fromCounts([0, 1], scores));
    safely(`new Scale(${label})`, () => new cx.Scale(one, 10));
  }
  for (const json of ["", "null", "[]", '{"format":"cxmetrics.tally"}', "x".repeat(10000), '{"a":'.repeat(500)]) {
    assert.equal(
      safely("fromJSON", () => cx.Tally.fromJSON(json)),
      "invalid_format",
    );
  }
  const j = new cx.Tally([1, 3], [1], { weights: [1] }).toJSON();
  for (const bad of [
    { ...j, counts: [-1, 0, 0] },
    { ...j, counts: [1.5, 0, 0] },
    { ...j, missing: -1 },
    { ...j, scale: { min: 0, max: 1000 } },
    { ...j, scale: { min: "a", max: 3 } },
    { ...j, weights: { ...j.weights, sum: [1] } },
    { ...j, weights: { ...j.weights, sum: [-1, 0, 0] } },
    { ...j, weights: { ...j.weights, sum_sq: [1e308, 1e308, 1e308], sum_sq_comp: [1e308, 1e308, 1e308] } },
  ]) {
    assert.equal(
      safely("fromJSON", () => cx.Tally.fromJSON(bad)),
      "invalid_format",
      JSON.stringify(bad),
    );
  }
  assert.equal(
    safely("fromCounts", () => cx.Tally.fromCounts([0, 1], [2 ** 60, 1])),
    "invalid_argument",
  );
  const huge = "x".repeat(200_000_000);
  assert.equal(
    safely("fromJSON", () => cx.Tally.fromJSON(huge)),
    "invalid_format",
  );
  for (const fn of [() => cx.nps([10], { onInvalid: huge }), () => cx.csat([5], { method: huge })]) {
    assert.throws(fn, (e) => e instanceof cx.CxMetricsError && e.code === "invalid_argument" && e.message.length < 400);
  }
  const safe = Number.MAX_SAFE_INTEGER;
  assert.equal(cx.nps(cx.Tally.fromCounts([0, 10], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, safe])).n, safe);
  assert.equal(
    safely("fromCounts", () => cx.Tally.fromCounts([0, 1], [2 ** 53, 0])),
    "invalid_argument",
  );
});

/** Deterministic 0..10 values (a linear congruential generator). */
function lcgScores(n, seed = 12345) {
  const xs = new Uint8Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    xs[i] = s % 11;
  }
  return xs;
}

test("10 million scores in a Uint8Array", () => {
  const n = 10_000_000;
  const xs = lcgScores(n);
  const counts = new Array(11).fill(0);
  for (const x of xs) counts[x]++;
  const promoters = counts[9] + counts[10];
  const detractors = counts.slice(0, 7).reduce((a, b) => a + b, 0);
  const r = cx.nps(xs);
  assert.equal(r.n, n);
  assert.equal(r.nPromoters, promoters);
  assert.equal(r.nDetractors, detractors);
  assert.ok(Math.abs(r.score - (100 * (promoters - detractors)) / n) < 1e-9);
  assert.deepEqual(cx.distribution(xs, { scale: [0, 10] }).counts, counts);
  assert.deepEqual(new cx.Tally([0, 10], xs).counts, counts);

  xs[n - 1] = 11;
  const e = assert.throws(() => cx.nps(xs), cx.CxMetricsError);
  assert.equal(
    safely("nps", () => cx.nps(xs)),
    "out_of_scale",
  );
  try {
    cx.nps(xs);
  } catch (err) {
    assert.equal(err.index, n - 1);
  }
  void e;
  const skipped = cx.nps(xs, { onInvalid: "skip" });
  assert.equal(skipped.invalid, 1);
});

test("10 million weighted scores (Float64Array scores and weights)", () => {
  const n = 10_000_000;
  const xs = Float64Array.from(lcgScores(n, 7));
  const ws = new Float64Array(n).fill(0.5);
  const r = cx.nps(xs, { weights: ws });
  assert.equal(r.n, n);
  assert.ok(Math.abs(r.sumWeights - n / 2) < 1e-6);
  assert.ok(Math.abs(r.nEff - n) < 1e-3);
  assert.ok(Math.abs(r.score - cx.nps(xs).score) < 1e-9);
});

test("1 million scores in a plain array with nulls", () => {
  const n = 1_000_000;
  const xs = Array.from(lcgScores(n, 99), (x, i) => (i % 10 === 0 ? null : x));
  const r = cx.nps(xs);
  assert.equal(r.n + r.missing, n);
  assert.equal(r.missing, n / 10);
});

test("arrays too large for wasm memory are invalid_argument, not a RangeError or a trap", () => {
  for (const length of [2 ** 32 - 1, 2 ** 29]) {
    const sparse = [];
    sparse.length = length;
    for (const call of [
      () => cx.nps(sparse),
      () => cx.nps([10], { weights: sparse }),
      () => new cx.Tally([0, 10]).extend(sparse),
    ]) {
      assert.throws(
        call,
        (e) => e instanceof cx.CxMetricsError && e.code === "invalid_argument" && /do not fit/.test(e.message),
      );
    }
  }
});

test("typed array subclasses cannot lie about their length (Buffer, overridden getters)", () => {
  class Liar extends Uint8Array {
    get length() {
      return 1_000_000;
    }
    get buffer() {
      throw new Error("buffer getter ran");
    }
    get byteOffset() {
      throw new Error("byteOffset getter ran");
    }
  }
  const liar = new Liar(3);
  liar.set([10, 9, 0]);
  const r = cx.nps(liar);
  assert.deepEqual([r.n, r.nPromoters, r.nDetractors], [3, 2, 1]);
  assert.equal(cx.nps([10, 9, 0], { weights: liar }).sumWeights, 19);
  const buf = Buffer.from([10, 9, 7, 0]);
  assert.equal(cx.nps(buf).n, 4);
  assert.equal(cx.nps(buf.subarray(1, 3)).n, 2, "Buffer view at an offset");
});

test("no wasm memory leak: results, temporary tallies, errors, freed and collected tallies", async () => {
  const { createRequire } = await import("node:module");
  const { join } = await import("node:path");
  const { pkgDir } = await import("./helpers.mjs");
  // The raw wasm-bindgen module of the node build (the same instance the package uses).
  const raw = createRequire(import.meta.url)(join(pkgDir, "node", "cxmetrics_wasm.js"));
  const scores = new Float64Array(100_000).fill(9); // 800 kB per call
  const weights = new Float64Array(100_000).fill(1);
  cx.nps(scores, { weights });
  const before = raw.memoryBytes();
  for (let i = 0; i < 2_000; i++) {
    // ~3 GB in total if any copy leaked (wasm32 memory is 4 GiB at most)
    cx.nps(scores, { weights });
    assert.throws(() => cx.nps(scores, { weights, scale: [1, 10] }), cx.CxMetricsError);
    assert.throws(() => cx.csat(scores), cx.CxMetricsError);
    new cx.Tally([0, 10], scores).free();
  }
  assert.ok(raw.memoryBytes() <= before + 4 * 2 ** 20, `memory grew from ${before} to ${raw.memoryBytes()}`);
});

test("tallies that are never freed are reclaimed after garbage collection (--weak-refs)", async () => {
  const { execFileSync } = await import("node:child_process");
  const { join } = await import("node:path");
  const { pkgDir } = await import("./helpers.mjs");
  const script = `
    const cx = require(${JSON.stringify(join(pkgDir, "node", "index.cjs"))});
    const raw = require(${JSON.stringify(join(pkgDir, "node", "cxmetrics_wasm.js"))});
    const pause = () => new Promise((r) => setTimeout(r, 0));
    (async () => {
      const sizes = [];
      for (let round = 0; round < 20; round++) {
        for (let i = 0; i < 10000; i++) new cx.Tally([0, 100], [50]); // ~1 kB of wasm memory each
        globalThis.gc();
        await pause();
        sizes.push(raw.memoryBytes());
      }
      console.log(JSON.stringify(sizes));
    })();`;
  const sizes = JSON.parse(execFileSync(process.execPath, ["--expose-gc", "-e", script], { encoding: "utf8" }));
  // 200,000 tallies would need ~200 MB if none were reclaimed.
  assert.ok(sizes.at(-1) < 64 * 2 ** 20, `wasm memory ${sizes.join(", ")}`);
});
