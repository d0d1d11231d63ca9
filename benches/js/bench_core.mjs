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
 * Best of `repeat` samples. A sample runs `fn` k times back to back, k doubled until one
 * sample lasts ≥ minSampleMs (so coarse browser clocks and 10⁴-row calls are measurable);
 * returns milliseconds per call and the last result.
 */
function best(fn, now, { repeat, minSampleMs }) {
  let k = 1;
  let out;
  for (;;) {
    const t0 = now();
    for (let i = 0; i < k; i++) out = fn();
    const dt = now() - t0;
    if (dt >= minSampleMs || k >= 1 << 20) break;
    k *= dt > 0 ? Math.min(16, Math.max(2, Math.ceil(minSampleMs / dt))) : 16;
  }
  let t = Infinity;
  for (let r = 0; r < repeat; r++) {
    const t0 = now();
    for (let i = 0; i < k; i++) out = fn();
    t = Math.min(t, (now() - t0) / k);
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
 * { metric, input, n, wasm_ms, filter_reduce_ms, typed_loop_ms, ratio_filter_reduce, ratio_typed_loop }
 * (ratios are ours ÷ peer: below 1 means the wasm call is faster).
 *
 * opts: minExp/maxExp (nps sizes 10^minExp … 10^maxExp), extraN (csat / ces size, 0 = skip),
 *       repeat, minSampleMs, now (ms clock), log (progress), pause (async yield between cases).
 */
export async function runBench(cx, opts = {}) {
  const {
    minExp = 4,
    maxExp = 7,
    extraN = 1_000_000,
    repeat = 7,
    minSampleMs = 20,
    now = () => performance.now(),
    log = () => {},
    pause = async () => {},
  } = opts;
  const rows = [];
  const time = (fn, n) => best(fn, now, { repeat: n >= 1e7 ? Math.min(repeat, 5) : repeat, minSampleMs });
  const row = (metric, input, n, tw, tf, tl) => {
    const r = {
      metric, input, n,
      wasm_ms: tw, filter_reduce_ms: tf, typed_loop_ms: tl,
      ratio_filter_reduce: tw / tf, ratio_typed_loop: tw / tl,
    };
    rows.push(r);
    log(formatRow(r));
    return r;
  };

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
    let i = 0, j = 0, k = 0;
    const [tf] = time(() => npsFilterReduce(arr[i++ % copies]), n);
    const [tl] = time(() => npsLoopF64(f64[j++ % copies]), n);
    const [tw] = time(() => cx.nps(f64[k++ % copies]).score, n);
    row("nps", "Float64Array", n, tw, tf, tl);
    await pause();
    // Uint8Array (1 byte per answer, no missing); the Array peer has the same numbers.
    const u8 = d.map((x) => x.u8);
    d = f64.length = arr.length = 0; // let the float data go before the next arrays are built
    const arrU8 = u8.map((x) => Array.from(x));
    agree("nps (wasm, Uint8Array)", cx.nps(u8[0]).score, npsLoopU8(u8[0]));
    agree("nps (filter/reduce, u8 values)", npsFilterReduceU8(arrU8[0]), npsLoopU8(u8[0]));
    i = j = k = 0;
    const [tf8] = time(() => npsFilterReduceU8(arrU8[i++ % copies]), n);
    const [tl8] = time(() => npsLoopU8(u8[j++ % copies]), n);
    const [tw8] = time(() => cx.nps(u8[k++ % copies]).score, n);
    row("nps", "Uint8Array", n, tw8, tf8, tl8);
    await pause();
  }

  if (extraN > 0) {
    const c = makeData(extraN, 1, 5, lcg(5));
    const [tf, rf] = time(() => csatFilterReduce(c.arr), extraN);
    const [tl, rl] = time(() => csatLoopF64(c.f64), extraN);
    const [tw, rw] = time(() => cx.csat(c.f64).score, extraN);
    agree("csat (wasm)", rw, rl);
    agree("csat (filter/reduce)", rf, rl);
    row("csat", "Float64Array", extraN, tw, tf, tl);
    await pause();
    const s = makeData(extraN, 1, 7, lcg(7));
    const cesOpts = { scale: [1, 7], higherIsBetter: true };
    const [tf2, rf2] = time(() => cesFilterReduce(s.arr), extraN);
    const [tl2, rl2] = time(() => cesLoopF64(s.f64), extraN);
    const [tw2, rw2] = time(() => cx.ces(s.f64, cesOpts).score, extraN);
    agree("ces (wasm)", rw2, rl2);
    agree("ces (filter/reduce)", rf2, rl2);
    row("ces", "Float64Array", extraN, tw2, tf2, tl2);
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
  "| metric | n | input | wasm (ms) | filter/reduce (ms) | typed loop (ms) | ÷ filter/reduce | ÷ typed loop |",
  "|---|---:|---|---:|---:|---:|---:|---:|",
];

export function formatRow(r) {
  return `| ${r.metric} | ${pow10(r.n)} | ${r.input} | ${ms(r.wasm_ms)} | ${ms(r.filter_reduce_ms)} | ${ms(r.typed_loop_ms)} | ${r.ratio_filter_reduce.toFixed(3)} | ${r.ratio_typed_loop.toFixed(3)} |`;
}

export function formatTable(rows) {
  return [...HEADER, ...rows.map(formatRow)].join("\n");
}

export const TIMING =
  "best of N samples (7; 5 at 10⁷), each sample k back-to-back calls with k doubled until it lasts ≥ 20 ms; " +
  "below 10⁶ rows the calls rotate over 8 different data sets; " +
  "wasm time includes copying the typed array into wasm memory on every call";
