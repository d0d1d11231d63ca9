#!/usr/bin/env node
// The npm package as a user gets it (issue 18): `npm pack` of bindings/wasm/pkg, the tarball
// installed into a scratch consumer with pinned bundlers from the npm registry, then
//   - Node: `import` and `require` of cxmetrics and cxmetrics/survey, cxmetrics/web with the
//     exported .wasm path;
//   - `tsc --strict` on consumers (nodenext: .mts and .cts; bundler resolution: the default
//     entry, cxmetrics/web and the .wasm URL import);
//   - browser consumers built with no configuration (vite build, vite's dev server, webpack 5)
//     and with one flag (esbuild: `--loader:.wasm=file`, through cxmetrics/web; the README's
//     snippet too), each run in headless Chromium; the expected numbers are hand-calculated (below). And the default entry
//     bundled by esbuild, which cannot emit the .wasm, must fail with the package's message.
// Usage: node bindings/wasm/scripts/test-package.mjs   (after scripts/build.mjs)
//        KEEP=1 keeps the scratch directory.
import { execFileSync, spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { stripVTControlCharacters } from "node:util";
import { chromium } from "playwright-core";

// Pinned: the versions the consumers are built with (latest of each on 2026-12-07).
const BUNDLERS = { esbuild: "0.28.2", vite: "8.4.0", webpack: "5.112.2", "webpack-cli": "7.3.1" };

const here = dirname(fileURLToPath(import.meta.url));
const crate = join(here, "..");
const pkg = join(crate, "pkg");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const t0 = Date.now();
const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const log = (m) => console.log(`[${secs()}] ${m}`);

if (!existsSync(join(pkg, "package.json"))) {
  console.error("bindings/wasm/pkg is missing: build it first (node bindings/wasm/scripts/build.mjs)");
  process.exit(1);
}
const failures = [];
let passed = 0;
const check = (ok, what) => {
  if (ok) passed++;
  else failures.push(what);
};

const dir = mkdtempSync(join(tmpdir(), "cxmetrics-npm-"));
const run = (cmd, argv, cwd = dir) =>
  execFileSync(cmd, argv, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 << 20 });
const bin = (name) => join(dir, "node_modules", ".bin", name);
const write = (path, text) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
};

// What each consumer must compute, by hand (docs/metrics/survey.md):
//   nps([10, 9, 9, 8, 7, 3]): 3 promoters, 2 passives, 1 detractor of 6 -> 100 * (3 - 1) / 6
//   csat([5, 4, 3, 5]): 3 of 4 answers >= 4 -> 75
//   a Tally of [10, 9] merged with one of [0]: 3 answers, NPS 100 * (2 - 1) / 3
//   nps([10, 11]): 11 is off the 0-10 scale -> CxMetricsError out_of_scale at index 1
const version = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")).version;
const EXPECTED = { nps: 100 / 3, csat: 75, merged: [3, 100 / 3], error: ["out_of_scale", 1, true], version };
const probe = (imports, extra = "") => `${imports}
const t = new Tally([0, 10], [10, 9]).merge(new Tally([0, 10], [0]));
let error;
try {
  nps([10, 11]);
} catch (e) {
  error = [e.code, e.index, e instanceof CxMetricsError];
}
const result = { nps: nps([10, 9, 9, 8, 7, 3]).score, csat: csat([5, 4, 3, 5]).score, merged: [t.n, nps(t).score], error, version };
${extra}`;
/** Equal as JSON, numbers within 1e-9 (100 * (2 - 1) / 3 and 100 / 3 differ in the last bit). */
const same = (got, want) =>
  typeof want === "number"
    ? typeof got === "number" && Math.abs(got - want) <= 1e-9
    : want !== null && typeof want === "object"
      ? got !== null &&
        typeof got === "object" &&
        Object.keys(got).length === Object.keys(want).length &&
        Object.keys(want).every((k) => same(got[k], want[k]))
      : got === want;

let server;
let context;
let viteDev;
try {
  // 1. npm pack + install into the scratch consumer (with the bundlers).
  const [info] = JSON.parse(run("npm", ["pack", pkg, "--json", "--ignore-scripts", "--pack-destination", dir]));
  log(`npm pack: ${info.filename} (${(info.size / 1024).toFixed(0)} KiB, ${info.entryCount} files)`);
  write(
    "package.json",
    JSON.stringify(
      {
        name: "consumer",
        private: true,
        type: "module",
        dependencies: { cxmetrics: `file:./${info.filename}`, ...BUNDLERS },
      },
      null,
      2,
    ),
  );
  run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"]);
  log(
    `npm install (tarball + ${Object.entries(BUNDLERS)
      .map(([n, v]) => `${n}@${v}`)
      .join(", ")})`,
  );

  // 2. Node: ESM and CommonJS, both modules, cxmetrics/web from the exported .wasm path.
  write(
    "node-esm.mjs",
    probe(
      'import { nps, csat, Tally, CxMetricsError, version } from "cxmetrics";',
      "console.log(JSON.stringify(result));",
    ),
  );
  write(
    "node-cjs.cjs",
    probe(
      'const { nps, csat, Tally, CxMetricsError, version } = require("cxmetrics");',
      "console.log(JSON.stringify(result));",
    ),
  );
  write(
    "node-survey.mjs",
    probe(
      'import { nps, csat, Tally, CxMetricsError, version } from "cxmetrics/survey";',
      "console.log(JSON.stringify(result));",
    ),
  );
  write(
    "node-web.mjs",
    probe(
      `import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { initSync, nps, csat, Tally, CxMetricsError, version } from "cxmetrics/web";
initSync(readFileSync(createRequire(import.meta.url).resolve("cxmetrics/web/cxmetrics_wasm_bg.wasm")));`,
      "console.log(JSON.stringify(result));",
    ),
  );
  for (const f of ["node-esm.mjs", "node-cjs.cjs", "node-survey.mjs", "node-web.mjs"]) {
    const got = JSON.parse(run(process.execPath, [f]));
    check(same(got, EXPECTED), `node ${f}: ${JSON.stringify(got)}, expected ${JSON.stringify(EXPECTED)}`);
  }
  log("node: import, require, cxmetrics/survey, cxmetrics/web");

  // 3. tsc --strict: nodenext (ESM and CJS files) and bundler resolution.
  const tsc = join(crate, "node_modules", ".bin", "tsc");
  write(
    "types/esm.mts",
    `import { nps, Tally, type NpsResult } from "cxmetrics";
import { csat } from "cxmetrics/survey";
const r: NpsResult = nps(new Tally([0, 10], [10]));
const s: number = csat([5]).score;
// @ts-expect-error: options are camelCase
nps([10], { on_invalid: "skip" });
export { r, s };
`,
  );
  write(
    "types/cjs.cts",
    `import cx = require("cxmetrics");
const n: number = cx.nps([10]).n;
// @ts-expect-error: scores are an array or a typed array
cx.nps(10);
export = n;
`,
  );
  write(
    "types/bundler.ts",
    `import { nps } from "cxmetrics";
import init, { csat } from "cxmetrics/web";
import wasmUrl from "cxmetrics/web/cxmetrics_wasm_bg.wasm";
import surveyUrl from "cxmetrics/web/cxmetrics_survey_bg.wasm";
const u: string = wasmUrl + surveyUrl;
await init(u);
const x: number = nps([10]).score + csat([5]).score;
// @ts-expect-error: scores are an array or a typed array
csat(5);
export { x };
`,
  );
  const strict = ["--noEmit", "--strict", "--types", "", "--skipLibCheck", "false"];
  run(tsc, [...strict, "--module", "nodenext", "--moduleResolution", "nodenext", "types/esm.mts", "types/cjs.cts"]);
  run(tsc, [
    ...strict,
    "--module",
    "esnext",
    "--target",
    "es2022",
    "--moduleResolution",
    "bundler",
    "types/bundler.ts",
  ]);
  log("tsc --strict: nodenext (.mts, .cts) and bundler resolution");

  // 4. Browser consumers. The page puts the probe's result (or its error) in window.__cx.
  const page = (extra) => probe(extra, "window.__cx = result;");
  const failed = 'window.addEventListener("error", (e) => { window.__cx = { failed: String(e.message) }; });';
  const html = (script, module = true) =>
    `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>
<script>${failed}window.addEventListener("unhandledrejection", (e) => { window.__cx = { failed: String(e.reason) }; });</script>
<script${module ? ' type="module"' : ""} src="${script}"></script></body></html>\n`;
  const app = page('import { nps, csat, Tally, CxMetricsError, version } from "cxmetrics";');

  // vite: index.html + src, `vite build`, no config file.
  write("vite/index.html", html("/src/app.mjs").replace('src="/src', 'src="./src'));
  write("vite/src/app.mjs", app);
  run(bin("vite"), ["build", "--logLevel", "warn"], join(dir, "vite"));
  log("vite build (no config)");
  // webpack 5: src/index.js -> dist/main.js, no config file, no flags.
  write("webpack/src/index.js", app);
  run(bin("webpack"), [], join(dir, "webpack"));
  write("webpack/dist/index.html", html("main.js", false));
  log("webpack (no config, no flags)");
  // esbuild: cxmetrics/web, the .wasm URL imported through the file loader (one flag).
  write(
    "esbuild/src/app.mjs",
    `import init, { nps, csat, Tally, CxMetricsError, version } from "cxmetrics/web";
import wasmUrl from "cxmetrics/web/cxmetrics_wasm_bg.wasm";
init(wasmUrl).then(() => {
${page("").trim().replace(/^/gm, "  ")}
});
`,
  );
  run(
    bin("esbuild"),
    ["src/app.mjs", "--bundle", "--outdir=dist", "--loader:.wasm=file", "--log-level=warning"],
    join(dir, "esbuild"),
  );
  write("esbuild/dist/index.html", html("app.js", false));
  // The README's esbuild snippet, with the README's command line: it logs NPS 25.
  const readme = readFileSync(join(crate, "README.md"), "utf8");
  const snippet = readme.match(/^```javascript\n(\/\/ app\.js \(esbuild\)\n[\s\S]*?)^```$/m)?.[1];
  const command = readme.match(/^esbuild app\.js (.*)$/m)?.[1];
  if (!snippet || !command)
    throw new Error("README.md: no esbuild snippet (```javascript // app.js (esbuild)) or command");
  write("esbuild-readme/app.js", snippet.replace(/console\.log\(/, "window.__cx = ("));
  run(bin("esbuild"), ["app.js", ...command.split(" "), "--log-level=warning"], join(dir, "esbuild-readme"));
  write("esbuild-readme/dist/index.html", html("app.js", false));
  // esbuild on the default entry (ESM output for its top-level await): it builds, but the
  // .wasm is not emitted, so the import must fail with the package's message.
  write("esbuild-default/src/app.mjs", app);
  run(
    bin("esbuild"),
    ["src/app.mjs", "--bundle", "--format=esm", "--outdir=dist", "--log-level=error"],
    join(dir, "esbuild-default"),
  );
  write("esbuild-default/dist/index.html", html("app.js"));
  log("esbuild (--loader:.wasm=file; and the default entry with --format=esm)");
  for (const b of ["vite", "webpack", "esbuild"]) {
    const wasm = readdirSync(join(dir, b, "dist"), { recursive: true }).filter((f) => f.endsWith(".wasm"));
    check(wasm.length >= 1, `${b}: emitted no .wasm into dist/`);
  }

  const TYPES = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".wasm": "application/wasm",
  };
  // Each consumer's dist/ is served at the root (as a site is), one consumer at a time.
  const notFound = [];
  let consumer;
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    const root = join(dir, consumer, "dist");
    const file = normalize(join(root, path === "/" ? "index.html" : path));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      notFound.push(`${consumer}: ${path}`);
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const base = `http://127.0.0.1:${server.address().port}`;
  const profile = mkdtempSync(join(dir, "chromium-"));
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
    ],
  });
  // vite's dev server on the same project, no config (it pre-bundles cxmetrics into .vite/deps)
  viteDev = spawn(bin("vite"), ["--port", "0", "--strictPort", "--host", "127.0.0.1", "--clearScreen", "false"], {
    cwd: join(dir, "vite"),
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  const viteUrl = await new Promise((resolve, reject) => {
    let text = "";
    const timer = setTimeout(() => reject(new Error(`vite dev server did not start in 60 s: ${text}`)), 60_000);
    const seen = (chunk) => {
      // colours (CI may set FORCE_COLOR) put escape codes inside the URL: strip them
      text += stripVTControlCharacters(String(chunk));
      const m = text.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    };
    viteDev.stdout.on("data", seen);
    viteDev.stderr.on("data", seen);
    viteDev.on("exit", (code) => reject(new Error(`vite dev server exited (${code}): ${text}`)));
  });
  for (const b of ["vite", "vite-dev", "webpack", "esbuild", "esbuild-readme", "esbuild-default"]) {
    const tab = await context.newPage();
    const errors = [];
    tab.on("pageerror", (e) => errors.push(e.message));
    tab.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    tab.on("response", (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()} ${r.url()}`));
    consumer = b;
    await tab.goto(b === "vite-dev" ? viteUrl : `${base}/`);
    try {
      await tab.waitForFunction(() => window.__cx !== undefined, null, { timeout: 60_000 });
    } catch (e) {
      check(false, `${b} in Chromium: no result (${e.message}); errors ${JSON.stringify(errors)}`);
      continue;
    }
    const got = await tab.evaluate(() => window.__cx);
    if (b === "esbuild-default") {
      check(
        /cxmetrics: could not load its WebAssembly module from .*with esbuild, import cxmetrics\/web/.test(
          got.failed ?? "",
        ),
        `esbuild-default: expected the package's error naming the esbuild route, got ${JSON.stringify(got)}`,
      );
    } else if (b === "esbuild-readme") {
      // nps([10, 9, 7, 3]): 2 promoters, 1 detractor of 4 -> 25
      check(got === 25, `the README's esbuild snippet showed ${JSON.stringify(got)}, expected 25`);
      check(errors.length === 0, `${b} in Chromium: errors ${JSON.stringify(errors)}`);
    } else {
      check(same(got, EXPECTED), `${b} in Chromium: ${JSON.stringify(got)}, expected ${JSON.stringify(EXPECTED)}`);
      check(errors.length === 0, `${b} in Chromium: errors ${JSON.stringify(errors)}`);
    }
    await tab.close();
  }
  const stray = notFound.filter((p) => !p.startsWith("esbuild-default: "));
  check(stray.length === 0, `requests that found nothing: ${stray.join(", ")}`);
  log(
    `headless Chromium: vite (build and dev server), webpack, esbuild consumers (${(await context.browser()?.version?.()) ?? "chromium"})`,
  );
} catch (e) {
  failures.push(`${e.message}${e.stderr ? `\n${e.stderr}` : ""}${e.stdout ? `\n${e.stdout}` : ""}`);
} finally {
  viteDev?.kill();
  await context?.close();
  server?.close();
  if (process.env.KEEP) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
log("done");
console.log(`test-package: ${passed} passed, ${failures.length} failed`);
if (failures.length) {
  for (const f of failures) console.error(`FAIL ${f}`);
  process.exit(1);
}
