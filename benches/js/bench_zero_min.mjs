// Cross-check of `bench_nps.mjs --zero` under load (issue 17 item 3): NPS at 10⁶ from a
// Float64Array (5 % NaN), skewed and uniform; ScoresBuffer, copy, validating loop and
// branch-free validating loop in interleaved rounds, each the minimum of 60 single calls
// (a single-call minimum filters out the other processes better than k-call samples).
//   node benches/js/bench_zero_min.mjs
import { createRequire } from "node:module";
const cx = createRequire(import.meta.url)(new URL("../../bindings/wasm/pkg/node/index.cjs", import.meta.url).pathname);
const n = 1e6;
function data(skew) {
  const f64 = new Float64Array(n); let s = skew ? 7 : 9;
  const W = [2,1,1,2,2,4,4,8,20,26,30]; const cdf = []; let c = 0; for (const w of W) cdf.push(c += w / 100);
  for (let i = 0; i < n; i++) { s = (Math.imul(s, 1103515245) + 12345) >>> 0; const u = s / 2 ** 32; let v; if (skew) { v = 0; while (v < 10 && u >= cdf[v]) v++; } else v = Math.floor(u * 11); f64[i] = v; s = (Math.imul(s, 1103515245) + 12345) >>> 0; if (s / 2 ** 32 < 0.05) f64[i] = NaN; }
  return f64;
}
function loop(a) { let pro = 0, det = 0, n = 0; for (let i = 0; i < a.length; i++) { const x = a[i]; if (x !== x) continue; if (!(x >= 0 && x <= 10 && Math.floor(x) === x)) throw new RangeError("bad"); n++; if (x >= 9) pro++; else if (x <= 6) det++; } return (100 * (pro - det)) / n; }
function flat(a) { let pro = 0, det = 0, n = 0, bad = 0; for (let i = 0; i < a.length; i++) { const x = a[i]; const ok = (x === x) | 0; n += ok; pro += (x >= 9) | 0; det += (x <= 6) | 0; bad |= (x < 0) | (x > 10) | ((x !== Math.floor(x)) & ok); } if (bad) return loop(a); return (100 * (pro - det)) / n; }
for (const skew of [true, false]) {
  const f64 = data(skew); const buf = new cx.ScoresBuffer(n, "f64"); buf.array.set(f64);
  const fns = { buffer: () => cx.nps(buf).score, copy: () => cx.nps(f64).score, loop: () => loop(f64), flat: () => flat(f64) };
  const best = {}; for (const k in fns) { best[k] = Infinity; for (let i = 0; i < 30; i++) fns[k](); }
  for (let r = 0; r < 60; r++) for (const k in fns) { const t0 = performance.now(); fns[k](); best[k] = Math.min(best[k], performance.now() - t0); }
  const fl = Math.min(best.loop, best.flat);
  console.log(skew ? "skewed " : "uniform", Object.entries(best).map(([k, v]) => `${k} ${v.toFixed(2)}`).join("  "), ` buffer ×${(fl / best.buffer).toFixed(2)} copy ×${(fl / best.copy).toFixed(2)}`);
  buf.free();
}
