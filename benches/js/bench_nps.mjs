// cx nps (wasm) vs idiomatic JS (filter / reduce on an array with nulls) and a
// hand-written typed-array loop, on the same data, in Node; ratios are ours ÷ peer.
//
//   node bindings/wasm/scripts/build.mjs          # or scripts/test-js, which builds pkg/
//   node benches/js/bench_nps.mjs [--max 7]
//
// The wasm timing includes copying the typed array into wasm memory (every call).
import { performance } from "node:perf_hooks";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const cx = require(join(here, "..", "..", "bindings", "wasm", "pkg", "node", "index.cjs"));

const maxExp = Number(process.argv[process.argv.indexOf("--max") + 1]) || 7;

function best(fn, repeat) {
  let t = Infinity;
  let out;
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    out = fn();
    t = Math.min(t, performance.now() - t0);
  }
  return [t, out];
}

// the idiomatic version a dashboard would have: drop missing, then count with filters
function npsFilterReduce(arr) {
  const valid = arr.filter((x) => x !== null && x !== undefined && !Number.isNaN(x));
  const pro = valid.filter((x) => x >= 9).length;
  const det = valid.filter((x) => x <= 6).length;
  return (100 * (pro - det)) / valid.length;
}

// the fastest obvious hand-written loop over a Float64Array with NaN for missing
function npsTypedLoop(a) {
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

let seed = 20261126;
const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
console.log(`# nps in Node ${process.version}: wasm (copy included) vs JS`);
console.log("| n | input | wasm (ms) | filter/reduce (ms) | typed loop (ms) | ÷ filter/reduce | ÷ typed loop |");
console.log("|---:|---|---:|---:|---:|---:|---:|");
for (let e = 4; e <= maxExp; e++) {
  const n = 10 ** e;
  const f64 = new Float64Array(n);
  const u8 = new Uint8Array(n);
  const arr = new Array(n);
  for (let i = 0; i < n; i++) {
    const v = Math.floor(rand() * 11);
    u8[i] = v;
    const missing = rand() < 0.05;
    f64[i] = missing ? NaN : v;
    arr[i] = missing ? null : v;
  }
  const repeat = e >= 7 ? 5 : 20;
  const [tf, rf] = best(() => npsFilterReduce(arr), repeat);
  const [tl, rl] = best(() => npsTypedLoop(f64), repeat);
  const [tw, rw] = best(() => cx.nps(f64).score, repeat);
  if (Math.abs(rw - rl) > 1e-9 || Math.abs(rf - rl) > 1e-9) throw new Error(`disagree: ${rw} ${rl} ${rf}`);
  console.log(`| ${n.toLocaleString("en")} | Float64Array+NaN | ${tw.toFixed(2)} | ${tf.toFixed(2)} | ${tl.toFixed(2)} | ${(tw / tf).toFixed(3)} | ${(tw / tl).toFixed(3)} |`);
  const [tw8] = best(() => cx.nps(u8).score, repeat);
  console.log(`| ${n.toLocaleString("en")} | Uint8Array | ${tw8.toFixed(2)} | — | — | — | ${(tw8 / tl).toFixed(3)} |`);
}
