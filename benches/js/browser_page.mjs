// Runs bench_core.mjs in the page against the `web` build of the package (served from
// bindings/wasm/pkg by bench_browser.mjs). Options come from the query string; the result
// is published on window.__bench ({ rows, userAgent, crossOriginIsolated } or { error }).
import init, * as cx from "/pkg/web/index.mjs";
import { runBench, runZeroCopy } from "/js/bench_core.mjs";

const q = new URLSearchParams(location.search);
const num = (k, d) => (q.has(k) ? Number(q.get(k)) : d);
try {
  await init();
  const o = {
    minExp: num("min", 4),
    maxExp: num("max", 7),
    extraN: num("extraN", 1_000_000),
    repeat: num("repeat", 7),
    now: () => performance.now(),
    log: (line) => console.log(line),
    pause: () => new Promise((ok) => setTimeout(ok, 0)),
    gc: typeof window.gc === "function" && num("gc", 1) ? () => window.gc() : null, // --js-flags=--expose-gc
  };
  const rows = num("zero", 0) ? await runZeroCopy(cx, o) : await runBench(cx, o);
  window.__bench = {
    rows, userAgent: navigator.userAgent, crossOriginIsolated: self.crossOriginIsolated, gc: typeof window.gc === "function",
  };
} catch (e) {
  window.__bench = { error: String(e?.stack ?? e) };
}
