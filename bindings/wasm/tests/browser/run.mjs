#!/usr/bin/env node
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
// Headless Chromium run of the `web` build: serves bindings/wasm/pkg and the test page
// from 127.0.0.1 (node http, .wasm as application/wasm), runs every vector (survey, stats,
// service, lifecycle, segments) and every named case (tests/shared) in the page, the light module
// (cxmetrics/survey/web) too, and the README's browser snippet in a second page. Prints a summary; exits non-zero on any failure.
// Usage: node bindings/wasm/tests/browser/run.mjs   (after scripts/build.mjs)
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const testsDir = join(here, "..");
const crateDir = join(testsDir, "..");
const rootDir = join(crateDir, "..", "..");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const TIMEOUT_MS = 180_000;

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".csv": "text/csv; charset=utf-8",
};

/** One decimal of a value shown by an element ("−8.0" -> -8). */
const shown = (text) => Number(text.replace("\u2212", "-"));

/**
 * What the example page must show, computed here from the CSV with the documented formulas
 * (docs/metrics/survey.md): NPS = 100 × (promoters 9–10 − detractors 0–6) / answers; CSAT
 * top box = 100 × answers 4–5 / answers; the trend's last period is October 2026.
 */
function exampleExpected() {
  const [head, ...lines] = readFileSync(join(rootDir, "examples", "data", "survey_responses.csv"), "utf8")
    .trim()
    .split("\n");
  const col = Object.fromEntries(head.split(",").map((n, i) => [n, i]));
  const rows = lines.map((l) => l.split(","));
  const answers = (name, keep = () => true) =>
    rows.filter((r) => r[col[name]] !== "" && keep(r)).map((r) => Number(r[col[name]]));
  const ltr = answers("ltr");
  const nps = (100 * (ltr.filter((x) => x >= 9).length - ltr.filter((x) => x <= 6).length)) / ltr.length;
  const top = (xs) => (100 * xs.filter((x) => x >= 4).length) / xs.length;
  const october = answers("csat", (r) => r[col.date].startsWith("2026-10"));
  return { nps, csat: top(answers("csat")), trend: top(october) };
}

/** The README's <script type="module"> example, importing the served web build. */
function readmePage() {
  const readme = readFileSync(join(crateDir, "README.md"), "utf8");
  const m = readme.match(/^```html\n([\s\S]*?)^```$/m);
  if (!m) throw new Error("README.md has no ```html block");
  const script = m[1].replace(/from "[^"]*cxmetrics\/web[^"]*"/, 'from "/pkg/web/index.mjs"');
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>${script}</body></html>`;
}

/** URL path -> file, only inside the allowed roots. */
function resolve(urlPath) {
  const routes = [
    ["/pkg/", join(crateDir, "pkg")],
    ["/tests/", testsDir],
    ["/vectors/", join(rootDir, "tests", "vectors")],
    // examples/web/index.html (its import map points at ../../bindings/wasm/pkg/) and its data
    ["/examples/web/", join(rootDir, "examples", "web")],
    ["/examples/data/", join(rootDir, "examples", "data")],
    ["/bindings/wasm/pkg/", join(crateDir, "pkg")],
  ];
  for (const [prefix, dir] of routes) {
    if (!urlPath.startsWith(prefix)) continue;
    const file = normalize(join(dir, decodeURIComponent(urlPath.slice(prefix.length))));
    if (file !== dir && !file.startsWith(dir + sep)) return null;
    return existsSync(file) && statSync(file).isFile() ? file : null;
  }
  return null;
}

const requests = [];
const server = createServer((req, res) => {
  const path = new URL(req.url, "http://127.0.0.1").pathname;
  requests.push(path);
  let body;
  let type;
  if (path === "/") [body, type] = [readFileSync(join(here, "index.html")), TYPES[".html"]];
  else if (path === "/readme.html") [body, type] = [readmePage(), TYPES[".html"]];
  else {
    const file = resolve(path);
    if (file) [body, type] = [readFileSync(file), TYPES[extname(file)] ?? "application/octet-stream"];
  }
  if (body === undefined) {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    return;
  }
  res.writeHead(200, { "content-type": type, "cache-control": "no-store" }).end(body);
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}`;

const profile = mkdtempSync(join(tmpdir(), "cxmetrics-chromium-"));
const problems = [];
let results;
let context;
let shot;
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
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.goto(`${base}/`);
  await page.waitForFunction(() => window.__cx !== undefined, null, { timeout: TIMEOUT_MS });
  results = await page.evaluate(() => window.__cx);
  const ua = await page.evaluate(() => navigator.userAgent);
  console.log(`browser: ${ua}`);

  // The README's browser example.
  const readme = await context.newPage();
  readme.on("pageerror", (e) => problems.push(`README page error: ${e.message}`));
  await readme.goto(`${base}/readme.html`);
  await readme.waitForFunction(() => /^NPS /.test(document.body.textContent ?? ""), null, { timeout: 30_000 });
  const text = (await readme.evaluate(() => document.body.textContent)).trim();
  results.counts.readme = 1;
  if (text === "NPS 25") results.passed++;
  else {
    results.failed++;
    results.failures.push(`README snippet showed ${JSON.stringify(text)}, expected "NPS 25"`);
  }

  // The web elements (tests/browser/elements.mjs: hand-calculated values, events, refusals).
  const elements = await context.newPage();
  elements.on("pageerror", (e) => problems.push(`elements page error: ${e.message}`));
  elements.on("console", (m) => {
    if (m.type() === "error") problems.push(`elements console error: ${m.text()}`);
  });
  await elements.goto(`${base}/tests/browser/elements.html`);
  await elements.waitForFunction(() => window.__cxElements !== undefined, null, { timeout: 60_000 });
  const er = await elements.evaluate(() => window.__cxElements);
  results.passed += er.passed;
  results.failed += er.failed;
  results.failures.push(...er.failures);
  results.counts.elements = er.passed + er.failed;

  // examples/web/index.html: the three elements on the sample data, as a user would serve it.
  const example = await context.newPage();
  await example.setViewportSize({ width: 1040, height: 700 });
  example.on("pageerror", (e) => problems.push(`example page error: ${e.message}`));
  example.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`example console ${m.type()}: ${m.text()}`);
  });
  await example.goto(`${base}/examples/web/index.html`);
  await example.waitForFunction(
    () => ["nps", "csat", "trend"].every((id) => document.getElementById(id)?.result),
    null,
    { timeout: 60_000 },
  );
  const seen = await example.evaluate(() =>
    Object.fromEntries(
      ["nps", "csat", "trend"].map((id) => {
        const root = document.getElementById(id).shadowRoot;
        return [
          id,
          {
            value: root.querySelector("[part=value]").textContent,
            svg: root.querySelector("[part=chart] svg") !== null,
          },
        ];
      }),
    ),
  );
  const want = exampleExpected();
  let exampleOk = 0;
  for (const id of ["nps", "csat", "trend"]) {
    const x = shown(seen[id].value);
    if (seen[id].svg && Math.abs(x - want[id]) <= 0.05 + 1e-9) exampleOk++;
    else
      results.failures.push(
        `example: ${id} shows ${JSON.stringify(seen[id])}, expected ${want[id].toFixed(3)} with a chart`,
      );
  }
  shot = join(mkdtempSync(join(tmpdir(), "cxmetrics-example-")), "example.png");
  await example.screenshot({ path: shot, fullPage: true });
  // An out-of-scale answer: cx-error with the core's code, and "—".
  const refused = await example.evaluate(async () => {
    const el = document.getElementById("nps");
    const event = new Promise((resolve) => el.addEventListener("cx-error", (e) => resolve(e.detail), { once: true }));
    el.scores = [10, 9, 11];
    const detail = await event;
    return { detail, value: el.shadowRoot.querySelector("[part=value]").textContent };
  });
  if (refused.detail.code === "out_of_scale" && refused.value === "—") exampleOk++;
  else results.failures.push(`example: an out-of-scale answer gave ${JSON.stringify(refused)}`);
  results.passed += exampleOk;
  results.failed += 4 - exampleOk;
  results.counts.example = 4;
} catch (e) {
  problems.push(`runner: ${e?.stack ?? e}`);
} finally {
  await context?.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}

for (const wasm of ["cxmetrics_wasm_bg.wasm", "cxmetrics_survey_bg.wasm"]) {
  if (!requests.includes(`/pkg/web/${wasm}`)) problems.push(`the page never fetched ${wasm}`);
}
results ??= { passed: 0, failed: 0, failures: [], counts: {} };
if (shot) console.log(`example page screenshot: ${shot}`);
for (const f of results.failures) console.log(`FAIL ${f}`);
for (const p of problems) console.log(`PROBLEM ${p}`);
console.log(
  `groups: ${Object.entries(results.counts)
    .map(([g, n]) => `${g} ${n}`)
    .join(", ")}`,
);
const failed = results.failed + problems.length;
console.log(`chromium: ${results.passed} passed, ${failed} failed`);
process.exit(failed === 0 && results.passed > 0 ? 0 : 1);
