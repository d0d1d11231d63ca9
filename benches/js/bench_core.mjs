// The body of the JS benchmark, shared by Node (bench_nps.mjs) and headless Chromium
// (bench_browser.mjs → browser.html): same data, same peers, same timing in both.
// No imports, so it loads unchanged as an ES module in either; the caller passes the
// cxmetrics module (already initialised), a clock and a logger.
//
// Every wasm timing includes getting the data into wasm: the typed array is copied into
// wasm memory on every call, as an application calling `nps(scores)` would.

/** Deterministic LCG, so Node and Chromium measure the same data. */
function lcg(seed) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

// ---- peers -------------------------------------------------------------------------
// Idiomatic JS a dashboard would have: drop the missing answers, then count with filters.
// Each metric × input has its own function so that V8's type feedback for one does not
// slow down another (a shared loop over Float64Array and Uint8Array goes polymorphic).

const isAnswer = (x) => x !== null && x !== undefined && !Number.isNaN(x);

function npsFilterReduce(arr) {
  const valid = arr.filter(isAnswer);
  const pro = valid.filter((x) => x >= 9).length;
  const det = valid.filter((x) => x <= 6).length;
  return (100 * (pro - det)) / valid.length;
}
function npsFilterReduceU8(arr) {
  const valid = arr.filter(isAnswer);
  const pro = valid.filter((x) => x >= 9).length;
  const det = valid.filter((x) => x <= 6).length;
  return (100 * (pro - det)) / valid.length;
}
function csatFilterReduce(arr) {
  const valid = arr.filter(isAnswer);
  return (100 * valid.filter((x) => x >= 4).length) / valid.length;
}
function cesFilterReduce(arr) {
  const valid = arr.filter(isAnswer);
  return valid.reduce((s, x) => s + x, 0) / valid.length;
}

// The fastest obvious hand-written loops over a typed array (NaN = missing in floats).
function npsLoopF64(a) {
  let pro = 0, det = 0, n = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (x === x) {
      n++;
      if (x >= 9) pro++;
      else if (x <= 6) det++;
    }
  }
  return (100 * (pro - det)) / n;
}
function npsLoopU8(a) {
  let pro = 0, det = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (x >= 9) pro++;
    else if (x <= 6) det++;
  }
  return (100 * (pro - det)) / a.length;
}
function csatLoopF64(a) {
  let top = 0, n = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (x === x) {
      n++;
      if (x >= 4) top++;
    }
  }
  return (100 * top) / n;
}
function cesLoopF64(a) {
  let sum = 0, n = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (x === x) {
      n++;
      sum += x;
    }
  }
  return sum / n;
}

// Branch-free versions (the random answers make the if/else loops above mispredict about
// every other branch): summed comparisons for floats, a histogram for bytes. The fastest
// hand-written JS we found; reported as a second typed-loop peer.
function npsFlatF64(a) {
  let pro = 0, det = 0, n = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    n += (x === x) | 0;
    pro += (x >= 9) | 0;
    det += (x <= 6) | 0;
  }
  return (100 * (pro - det)) / n;
}
function npsFlatU8(a) {
  const c = new Int32Array(256);
  for (let i = 0; i < a.length; i++) c[a[i]]++;
  return (100 * (c[9] + c[10] - (c[0] + c[1] + c[2] + c[3] + c[4] + c[5] + c[6]))) / a.length;
}
function csatFlatF64(a) {
  let top = 0, n = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    n += (x === x) | 0;
    top += (x >= 4) | 0;
  }
  return (100 * top) / n;
}
function cesFlatF64(a) {
  let sum = 0, n = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const ok = x === x;
    n += ok | 0;
    sum += ok ? x : 0;
  }
  return sum / n;
}

// ---- data ----------------------------------------------------------------------------

/** Integer answers lo..hi; 5 % missing (NaN in the Float64Array, null in the Array). */
function makeData(n, lo, hi, rand) {
  const f64 = new Float64Array(n);
  const arr = new Array(n);
  const u8 = new Uint8Array(n);
  const span = hi - lo + 1;
  for (let i = 0; i < n; i++) {
    const v = lo + Math.floor(rand() * span);
    u8[i] = v;
    const missing = rand() < 0.05;
    f64[i] = missing ? NaN : v;
    arr[i] = missing ? null : v;
  }
  return { f64, arr, u8 };
}

// ---- timing --------------------------------------------------------------------------

const COPIES = 8;
let sink = 0; // keeps results alive so no call is optimised away

/**
 * Best sample after a warm-up. A sample runs `fn` k times back to back, k doubled until one
 * sample lasts ≥ minSampleMs (so coarse browser clocks and 10⁴-row calls are measurable);
 * returns milliseconds per call and the last result.
 */
function best(fn, now, { repeat, minSampleMs, warmupMs, maxMs }) {
  // A fresh timing loop per measurement (new Function = its own JIT feedback), so the call
  // site `fn()` stays monomorphic, as in a program that only ever calls one of them.
  const runK = new Function("fn", "k", "let out; for (let i = 0; i < k; i++) out = fn(); return out;");
  let k = 1;
  let out;
  // warm-up: let the JIT tiers (and wasm's) finish; background compiles are slow on a busy machine
  for (let t0 = now(), calls = 0; calls < 3 || now() - t0 < warmupMs; calls++) out = runK(fn, 1);
  for (;;) {
    const t0 = now();
    out = runK(fn, k);
    const dt = now() - t0;
    if (dt >= minSampleMs || k >= 1 << 20) break;
    k *= dt > 0 ? Math.min(16, Math.max(2, Math.ceil(minSampleMs / dt))) : 16;
  }
  // Sample until `repeat` samples in a row fail to improve the best by 1 % (the JIT may
  // still be tiering up, and the machine is shared), within a budget of maxMs.
  let t = Infinity;
  const start = now();
  for (let stale = 0, samples = 0; stale < repeat && (samples < 3 || now() - start < maxMs); samples++) {
    const t0 = now();
    out = runK(fn, k);
    const ti = (now() - t0) / k;
    stale = ti < t * 0.99 ? 0 : stale + 1;
    t = Math.min(t, ti);
  }
  sink += typeof out === "number" ? out : 0;
  return [t, out];
}

function agree(name, a, b) {
  if (!(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)))) throw new Error(`${name} disagrees: ${a} vs ${b}`);
}

// ---- the benchmark --------------------------------------------------------------------

/**
 * Runs every case and returns rows
 * { metric, input, n, wasm_ms, filter_reduce_ms, typed_loop_ms, typed_flat_ms,
 *   ratio_filter_reduce, ratio_typed_loop, ratio_typed_flat }
 * (ratios are ours ÷ peer: below 1 means the wasm call is faster).
 *
 * opts: minExp/maxExp (nps sizes 10^minExp … 10^maxExp), extraN (csat / ces size, 0 = skip),
 *       repeat (patience: samples in a row without a 1 % gain), minSampleMs, warmupMs, maxMs, now (ms clock), log (progress), pause (async yield between cases),
 *       gc (a full garbage collection, if the engine exposes one).
 */
export async function runBench(cx, opts = {}) {
  const {
    minExp = 4,
    maxExp = 7,
    extraN = 1_000_000,
    repeat = 7,
    minSampleMs = 20,
    warmupMs = 200,
    maxMs = 8000,
    now = () => performance.now(),
    log = () => {},
    pause = async () => {},
    gc = null,
  } = opts;
  const rows = [];
  // Every timed call goes through `call`, whose call site sees all the peers (megamorphic),
  // so TurboFan never inlines a peer into its timing closure: in Chromium an inlined loop
  // sometimes ran 10× slower than the same function on its own (seen at 10⁶ with the
  // branch-free loop, gone with --no-turbo-inlining), which would flatter the wasm.
  const call = (f, x) => f(x);
  const wasmNps = (x) => cx.nps(x).score;
  const wasmCsat = (x) => cx.csat(x).score;
  const cesOpts = { scale: [1, 7], higherIsBetter: true };
  const wasmCes = (x) => cx.ces(x, cesOpts).score;
  // A full GC before each measurement, so garbage from the previous peer (filter/reduce
  // makes a lot) is not collected, concurrently on the other core, while the next one runs.
  const time = (fn, n) => {
    gc?.();
    return best(fn, now, { repeat, minSampleMs, warmupMs, maxMs });
  };
  const row = (metric, input, n, tw, tf, tl, tb) => {
    const r = {
      metric, input, n,
      wasm_ms: tw, filter_reduce_ms: tf, typed_loop_ms: tl, typed_flat_ms: tb,
      ratio_filter_reduce: tw / tf, ratio_typed_loop: tw / tl, ratio_typed_flat: tw / tb,
    };
    rows.push(r);
    log(formatRow(r));
    return r;
  };

  // JIT warm-up: every JS peer (and the wasm calls) on small data, called directly, until
  // its type feedback is complete, before any timing closure is compiled around it.
  {
    const w = makeData(10_000, 0, 10, lcg(1));
    const c = makeData(10_000, 1, 5, lcg(2));
    const s = makeData(10_000, 1, 7, lcg(3));
    const wArr8 = Array.from(w.u8);
    for (let t0 = now(); now() - t0 < warmupMs * 2; ) {
      for (let r = 0; r < 20; r++) {
        sink += npsFilterReduce(w.arr) + npsFilterReduceU8(wArr8) + npsLoopF64(w.f64) + npsLoopU8(w.u8);
        sink += npsFlatF64(w.f64) + npsFlatU8(w.u8) + wasmNps(w.f64) + wasmNps(w.u8);
        sink += csatFilterReduce(c.arr) + csatLoopF64(c.f64) + csatFlatF64(c.f64) + wasmCsat(c.f64);
        sink += cesFilterReduce(s.arr) + cesLoopF64(s.f64) + cesFlatF64(s.f64) + wasmCes(s.f64);
        // and through `call`, so its call site is megamorphic before anything is timed
        sink += call(npsFilterReduce, w.arr) + call(npsFilterReduceU8, wArr8) + call(npsLoopF64, w.f64);
        sink += call(npsLoopU8, w.u8) + call(npsFlatF64, w.f64) + call(npsFlatU8, w.u8) + call(wasmNps, w.f64);
        sink += call(csatFilterReduce, c.arr) + call(csatLoopF64, c.f64) + call(csatFlatF64, c.f64) + call(wasmCsat, c.f64);
        sink += call(cesFilterReduce, s.arr) + call(cesLoopF64, s.f64) + call(cesFlatF64, s.f64) + call(wasmCes, s.f64);
      }
    }
    await pause();
  }

  for (let e = minExp; e <= maxExp; e++) {
    const n = 10 ** e;
    // Below 10⁶ rows, calls rotate over COPIES different data sets: repeating one small
    // random array lets the CPU's branch predictor learn it, which flatters the JS loops.
    const copies = n <= 1e5 ? COPIES : 1;
    const rand = lcg(20261126 + e);
    let d = Array.from({ length: copies }, () => makeData(n, 0, 10, rand));
    await pause();
    // Float64Array with NaN for missing; the Array peer has null there.
    const f64 = d.map((x) => x.f64), arr = d.map((x) => x.arr);
    agree("nps (wasm, Float64Array)", cx.nps(f64[0]).score, npsLoopF64(f64[0]));
    agree("nps (filter/reduce)", npsFilterReduce(arr[0]), npsLoopF64(f64[0]));
    agree("nps (branch-free)", npsFlatF64(f64[0]), npsLoopF64(f64[0]));
    let i = 0, j = 0, k = 0, m = 0;
    const [tf] = time(() => call(npsFilterReduce, arr[i++ % copies]), n);
    const [tl] = time(() => call(npsLoopF64, f64[j++ % copies]), n);
    const [tb] = time(() => call(npsFlatF64, f64[m++ % copies]), n);
    const [tw] = time(() => call(wasmNps, f64[k++ % copies]), n);
    row("nps", "Float64Array", n, tw, tf, tl, tb);
    await pause();
    // Uint8Array (1 byte per answer, no missing); the Array peer has the same numbers.
    const u8 = d.map((x) => x.u8);
    d = f64.length = arr.length = 0; // let the float data go before the next arrays are built
    const arrU8 = u8.map((x) => Array.from(x));
    agree("nps (wasm, Uint8Array)", cx.nps(u8[0]).score, npsLoopU8(u8[0]));
    agree("nps (filter/reduce, u8 values)", npsFilterReduceU8(arrU8[0]), npsLoopU8(u8[0]));
    agree("nps (histogram, u8)", npsFlatU8(u8[0]), npsLoopU8(u8[0]));
    i = j = k = m = 0;
    const [tf8] = time(() => call(npsFilterReduceU8, arrU8[i++ % copies]), n);
    const [tl8] = time(() => call(npsLoopU8, u8[j++ % copies]), n);
    const [tb8] = time(() => call(npsFlatU8, u8[m++ % copies]), n);
    const [tw8] = time(() => call(wasmNps, u8[k++ % copies]), n);
    row("nps", "Uint8Array", n, tw8, tf8, tl8, tb8);
    await pause();
  }

  if (extraN > 0) {
    const c = makeData(extraN, 1, 5, lcg(5));
    const [tf, rf] = time(() => call(csatFilterReduce, c.arr), extraN);
    const [tl, rl] = time(() => call(csatLoopF64, c.f64), extraN);
    const [tw, rw] = time(() => call(wasmCsat, c.f64), extraN);
    agree("csat (wasm)", rw, rl);
    agree("csat (filter/reduce)", rf, rl);
    const [tb, rb] = time(() => call(csatFlatF64, c.f64), extraN);
    agree("csat (branch-free)", rb, rl);
    row("csat", "Float64Array", extraN, tw, tf, tl, tb);
    await pause();
    const s = makeData(extraN, 1, 7, lcg(7));
    const [tf2, rf2] = time(() => call(cesFilterReduce, s.arr), extraN);
    const [tl2, rl2] = time(() => call(cesLoopF64, s.f64), extraN);
    const [tw2, rw2] = time(() => call(wasmCes, s.f64), extraN);
    agree("ces (wasm)", rw2, rl2);
    agree("ces (filter/reduce)", rf2, rl2);
    const [tb2, rb2] = time(() => call(cesFlatF64, s.f64), extraN);
    agree("ces (branch-free)", rb2, rl2);
    row("ces", "Float64Array", extraN, tw2, tf2, tl2, tb2);
  }
  if (Number.isNaN(sink)) log("(sink)");
  return rows;
}

// ---- output ------------------------------------------------------------------------

const SUP = { 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹" };
export function pow10(n) {
  const e = Math.round(Math.log10(n));
  return 10 ** e === n ? `10${String(e).split("").map((c) => SUP[c]).join("")}` : n.toLocaleString("en");
}
const ms = (t) => (t >= 10 ? t.toFixed(1) : t >= 0.1 ? t.toFixed(2) : t.toFixed(3));

export const HEADER = [
  "| metric | n | input | wasm (ms) | filter/reduce (ms) | typed loop (ms) | branch-free loop (ms) | ÷ filter/reduce | ÷ typed loop | ÷ branch-free loop |",
  "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|",
];

export function formatRow(r) {
  return `| ${r.metric} | ${pow10(r.n)} | ${r.input} | ${ms(r.wasm_ms)} | ${ms(r.filter_reduce_ms)} | ${ms(r.typed_loop_ms)} | ${ms(r.typed_flat_ms)} | ${r.ratio_filter_reduce.toFixed(3)} | ${r.ratio_typed_loop.toFixed(3)} | ${r.ratio_typed_flat.toFixed(3)} |`;
}

export function formatTable(rows) {
  return [...HEADER, ...rows.map(formatRow)].join("\n");
}

export const TIMING =
  "after ≥ 200 ms (and ≥ 3 calls) of warm-up, the best of samples of k back-to-back calls (k doubled until a sample " +
  "lasts ≥ 20 ms), sampling until 7 samples in a row fail to improve the best by 1 % (≤ 8 s per measurement); " +
  "below 10⁶ rows the calls rotate over 8 different data sets; a full GC before each measurement; " +
  "wasm time includes copying the typed array into wasm memory on every call";

// ---- issue 17 item 3: zero-copy input ---------------------------------------------------
// At 10⁶ scores from a Float64Array (5 % NaN), on realistic skewed answers (most 8–10) and
// on uniform ones: ours through a ScoresBuffer (the scores already in wasm memory: no copy)
// and from the Float64Array (copied in 64 Ki chunks) vs the plain *validating* loop (each
// answer checked to be an integer on the scale, as ours is), a branch-free validating loop
// and filter/reduce (not validating). CES (1–7) vs a plain validating JS sum.

/** Validating if/else loop: NaN missing; anything not an integer in 0..10 throws. */
function npsValidLoop(a) {
  let pro = 0, det = 0, n = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (x !== x) continue;
    if (!(x >= 0 && x <= 10 && Math.floor(x) === x)) throw new RangeError(`score ${x} at index ${i}`);
    n++;
    if (x >= 9) pro++;
    else if (x <= 6) det++;
  }
  return (100 * (pro - det)) / n;
}
/** Branch-free validating loop: summed comparisons and an OR of "invalid" flags. */
function npsValidFlat(a) {
  let pro = 0, det = 0, n = 0, bad = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const ok = (x === x) | 0;
    n += ok;
    pro += (x >= 9) | 0;
    det += (x <= 6) | 0;
    bad |= (x < 0) | (x > 10) | ((x !== Math.floor(x)) & ok);
  }
  if (bad) return npsValidLoop(a); // finds and throws the first invalid answer
  return (100 * (pro - det)) / n;
}
/** Validating JS sum for CES on 1..7 (mean). */
function cesValidSum(a) {
  let sum = 0, n = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (x !== x) continue;
    if (!(x >= 1 && x <= 7 && Math.floor(x) === x)) throw new RangeError(`score ${x} at index ${i}`);
    n++;
    sum += x;
  }
  return sum / n;
}

/** Answers lo..hi drawn from `weights` (uniform when null); 5 % NaN. */
function makeAnswers(n, lo, hi, weights, rand) {
  const span = hi - lo + 1;
  const cdf = [];
  if (weights) {
    const total = weights.reduce((s, w) => s + w, 0);
    let c = 0;
    for (const w of weights) cdf.push((c += w / total));
  }
  const f64 = new Float64Array(n);
  const arr = new Array(n);
  for (let i = 0; i < n; i++) {
    const u = rand();
    let v;
    if (weights) {
      v = 0;
      while (v < span - 1 && u >= cdf[v]) v++;
    } else v = Math.floor(u * span);
    const missing = rand() < 0.05;
    f64[i] = missing ? NaN : lo + v;
    arr[i] = missing ? null : lo + v;
  }
  return { f64, arr };
}

// "Realistic" skew: most answers 8–10 (NPS), 5–7 (CES 1–7).
const SKEW_NPS = [2, 1, 1, 2, 2, 4, 4, 8, 20, 26, 30];
const SKEW_CES = [3, 4, 6, 12, 25, 28, 22];

/**
 * Rows { metric, dist, n, ours_buffer_ms, ours_copy_ms, valid_loop_ms, valid_flat_ms,
 * filter_reduce_ms, speedup_* } (speedups are peer ÷ ours: above 1 means ours is faster).
 */
export async function runZeroCopy(cx, opts = {}) {
  const {
    n = 1_000_000,
    repeat = 7,
    minSampleMs = 20,
    warmupMs = 200,
    maxMs = 8000,
    now = () => performance.now(),
    log = () => {},
    pause = async () => {},
    gc = null,
  } = opts;
  const call = (f, x) => f(x);
  const time = (fn) => {
    gc?.();
    return best(fn, now, { repeat, minSampleMs, warmupMs, maxMs });
  };
  const cesOpts = { scale: [1, 7], higherIsBetter: true };
  const oursNps = (x) => cx.nps(x).score;
  const oursCes = (x) => cx.ces(x, cesOpts).score;
  const rows = [];
  // JIT warm-up of every function on small data, directly and through `call`.
  {
    const w = makeAnswers(10_000, 0, 10, SKEW_NPS, lcg(11));
    const s = makeAnswers(10_000, 1, 7, SKEW_CES, lcg(12));
    const wb = new cx.ScoresBuffer(w.f64.length, "f64");
    wb.array.set(w.f64);
    const sb = new cx.ScoresBuffer(s.f64.length, "f64");
    sb.array.set(s.f64);
    for (let t0 = now(); now() - t0 < warmupMs * 2; ) {
      for (let r = 0; r < 20; r++) {
        sink += npsValidLoop(w.f64) + npsValidFlat(w.f64) + npsFilterReduce(w.arr) + oursNps(w.f64) + oursNps(wb);
        sink += cesValidSum(s.f64) + cesFilterReduce(s.arr) + oursCes(s.f64) + oursCes(sb);
        sink += call(npsValidLoop, w.f64) + call(npsValidFlat, w.f64) + call(npsFilterReduce, w.arr);
        sink += call(oursNps, w.f64) + call(oursNps, wb) + call(cesValidSum, s.f64) + call(cesFilterReduce, s.arr);
        sink += call(oursCes, s.f64) + call(oursCes, sb);
      }
    }
    wb.free();
    sb.free();
    await pause();
  }
  const cases = [
    ["nps", "skewed", 0, 10, SKEW_NPS, oursNps, npsValidLoop, npsValidFlat, npsFilterReduce],
    ["nps", "uniform", 0, 10, null, oursNps, npsValidLoop, npsValidFlat, npsFilterReduce],
    ["ces", "skewed", 1, 7, SKEW_CES, oursCes, cesValidSum, null, cesFilterReduce],
    ["ces", "uniform", 1, 7, null, oursCes, cesValidSum, null, cesFilterReduce],
  ];
  for (const [metric, dist, lo, hi, weights, ours, loop, flat, fr] of cases) {
    const d = makeAnswers(n, lo, hi, weights, lcg(20261208 + lo + (weights ? 1 : 0)));
    const buf = new cx.ScoresBuffer(n, "f64");
    buf.array.set(d.f64);
    const ref = loop(d.f64);
    agree(`${metric} ${dist} (buffer)`, ours(buf), ref);
    agree(`${metric} ${dist} (copy)`, ours(d.f64), ref);
    agree(`${metric} ${dist} (filter/reduce)`, fr(d.arr), ref);
    if (flat) agree(`${metric} ${dist} (branch-free)`, flat(d.f64), ref);
    const [tbuf] = time(() => call(ours, buf));
    const [tcopy] = time(() => call(ours, d.f64));
    const [tl] = time(() => call(loop, d.f64));
    const [tb] = flat ? time(() => call(flat, d.f64)) : [NaN];
    const [tf] = time(() => call(fr, d.arr));
    buf.free();
    const r = {
      metric, dist, n,
      ours_buffer_ms: tbuf, ours_copy_ms: tcopy, valid_loop_ms: tl, valid_flat_ms: tb, filter_reduce_ms: tf,
      speedup_buffer_vs_faster_loop: Math.min(tl, Number.isNaN(tb) ? Infinity : tb) / tbuf,
      speedup_copy_vs_faster_loop: Math.min(tl, Number.isNaN(tb) ? Infinity : tb) / tcopy,
      speedup_buffer_vs_filter_reduce: tf / tbuf,
      speedup_copy_vs_filter_reduce: tf / tcopy,
    };
    rows.push(r);
    log(formatZeroRow(r));
    await pause();
  }
  if (Number.isNaN(sink)) log("(sink)");
  return rows;
}

export const ZERO_HEADER = [
  "| metric | answers | ours, ScoresBuffer (ms) | ours, Float64Array (ms) | validating loop (ms) | branch-free validating loop (ms) | filter/reduce (ms) | buffer: × faster loop | copy: × faster loop | buffer: × filter/reduce | copy: × filter/reduce |",
  "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
];
export function formatZeroRow(r) {
  const x = (v) => `${v.toFixed(2)}×`;
  return `| ${r.metric} | ${r.dist} | ${ms(r.ours_buffer_ms)} | ${ms(r.ours_copy_ms)} | ${ms(r.valid_loop_ms)} | ${Number.isNaN(r.valid_flat_ms) ? "—" : ms(r.valid_flat_ms)} | ${ms(r.filter_reduce_ms)} | ${x(r.speedup_buffer_vs_faster_loop)} | ${x(r.speedup_copy_vs_faster_loop)} | ${x(r.speedup_buffer_vs_filter_reduce)} | ${x(r.speedup_copy_vs_filter_reduce)} |`;
}
export function formatZeroTable(rows) {
  return [...ZERO_HEADER, ...rows.map(formatZeroRow)].join("\n");
}
