// The JS benchmark (bench_core.mjs: same data, peers and timing as bench_nps.mjs in Node)
// in headless Chromium, against the `web` build in bindings/wasm/pkg. Serves the files from
// 127.0.0.1 (node http; cross-origin isolated so performance.now() has its fine
// resolution), drives /usr/bin/chromium with playwright-core from bindings/wasm/node_modules
// (as bindings/wasm/tests/browser/run.mjs does), and prints the same table as the Node run.
//
//   node bindings/wasm/scripts/build.mjs          # or scripts/test-js, which builds pkg/
//   node benches/js/bench_browser.mjs [--max 7] [--min 4] [--extra-n 1000000] [--repeat 7] [--json PATH]
//   node benches/js/bench_browser.mjs --zero [--json PATH]   # issue 17 item 3 (see bench_nps.mjs)
//
// CHROMIUM=/path/to/chromium overrides the browser; BENCH_GC=0 skips the full GC before each
// measurement; BENCH_JS_FLAGS adds V8 flags (e.g. "--trace-opt --trace-deopt", shown with
// DEBUG=pw:browser).
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { formatTable, formatZeroTable, TIMING } from "./bench_core.mjs";
import { machine, parseArgs } from "./bench_nps.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const rootDir = join(here, "..", "..");
const wasmDir = join(rootDir, "bindings", "wasm");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const TIMEOUT_MS = 30 * 60_000;

const requireFromWasm = createRequire(join(wasmDir, "package.json"));
const { chromium } = requireFromWasm("playwright-core");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
};
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>cxmetrics benchmark</title><script type="module" src="/js/browser_page.mjs"></script></head>
<body><p>cxmetrics benchmark running…</p></body></html>`;

/** URL path -> file, only inside the served roots. */
function resolve(urlPath) {
  const routes = [
    ["/pkg/", join(wasmDir, "pkg")],
    ["/js/", here],
  ];
  for (const [prefix, dir] of routes) {
    if (!urlPath.startsWith(prefix)) continue;
    const file = normalize(join(dir, decodeURIComponent(urlPath.slice(prefix.length))));
    if (!file.startsWith(dir + sep)) return null;
    return existsSync(file) && statSync(file).isFile() ? file : null;
  }
  return null;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(join(wasmDir, "pkg", "web", "index.mjs"))) {
    throw new Error("bindings/wasm/pkg/web is missing: run `node bindings/wasm/scripts/build.mjs` first");
  }
  const server = createServer((req, res) => {
    const path = new URL(req.url, "http://127.0.0.1").pathname;
    let body, type;
    if (path === "/") [body, type] = [PAGE, TYPES[".html"]];
    else {
      const file = resolve(path);
      if (file) [body, type] = [readFileSync(file), TYPES[extname(file)] ?? "application/octet-stream"];
    }
    if (body === undefined) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, {
      "content-type": type,
      "cache-control": "no-store",
      // cross-origin isolation: performance.now() at 5 µs instead of 100 µs
      "cross-origin-opener-policy": "same-origin",
      "cross-origin-embedder-policy": "require-corp",
    }).end(body);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const base = `http://127.0.0.1:${server.address().port}`;

  const profile = mkdtempSync(join(tmpdir(), "cxmetrics-bench-chromium-"));
  const problems = [];
  let context, result, runtime;
  const load = [loadavg()[0]];
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-background-timer-throttling",
        "--disable-renderer-backgrounding",
        `--js-flags=--expose-gc ${process.env.BENCH_JS_FLAGS ?? ""}`.trim(),
      ],
    });
    runtime = `Chromium ${context.browser()?.version() ?? ""}`.trim();
    const page = context.pages()[0] ?? (await context.newPage());
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "log") console.error(m.text());
      else if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on("response", (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    const q = new URLSearchParams({ min: args.minExp, max: args.maxExp, extraN: args.extraN, repeat: args.repeat, gc: process.env.BENCH_GC ?? 1, zero: args.zero ? 1 : 0 });
    console.log(`# nps / csat / ces in headless ${runtime || "Chromium"}: wasm (copy included) vs JS; ours ÷ peer`);
    await page.goto(`${base}/?${q}`);
    await page.waitForFunction(() => window.__bench !== undefined, null, { timeout: TIMEOUT_MS, polling: 500 });
    result = await page.evaluate(() => window.__bench);
    if (!runtime || runtime === "Chromium") runtime = (result.userAgent ?? "").match(/Chrome\/[\d.]+/)?.[0] ?? "Chromium";
  } finally {
    await context?.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  load.push(loadavg()[0]);
  for (const p of problems) console.error(`PROBLEM ${p}`);
  if (!result || result.error) throw new Error(`the benchmark page failed: ${result?.error ?? "no result"}`);
  if (!result.crossOriginIsolated) console.error("note: page not cross-origin isolated; performance.now() is coarse");
  if (!result.gc) console.error("note: no gc() in the page (--js-flags=--expose-gc ignored)");
  console.log(args.zero ? formatZeroTable(result.rows) : formatTable(result.rows));
  console.log(`load average (1 min) ${load.map((l) => l.toFixed(1)).join(" → ")}`);
  if (args.json) {
    const out = {
      env: "chromium", runtime, userAgent: result.userAgent, crossOriginIsolated: result.crossOriginIsolated, gc: result.gc,
      cxmetrics: JSON.parse(readFileSync(join(wasmDir, "pkg", "package.json"), "utf8")).version,
      machine: machine(), date: new Date().toISOString(), loadavg_1m: load, timing: TIMING, [args.zero ? "zero_copy" : "results"]: result.rows,
    };
    writeFileSync(args.json, JSON.stringify(out, null, 1) + "\n");
    console.log(`wrote ${args.json}`);
  }
}

await main();
