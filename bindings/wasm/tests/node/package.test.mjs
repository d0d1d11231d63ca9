// The built package: CommonJS require and ESM import (one instance), the bundler and
// web builds, package.json (version, exports), the types, `npm pack`, README snippets.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as esm from "cxmetrics";
import { crateDir, errorCodes, pkgDir, rootDir, workspaceVersion } from "./helpers.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const manifest = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));

// What needs instants: in `cxmetrics` and `cxmetrics/web`, not in `cxmetrics/survey`.
const TIME_EXPORTS = [
  "Schedule",
  "Tickets",
  "fcr",
  "firstResponseTime",
  "requesterWaitTime",
  "resolutionTime",
  "sla",
  "ticketDurations",
  "trend",
];
const SURVEY_EXPORTS = [
  "CxMetricsError",
  "Scale",
  "ScoresBuffer",
  "Tally",
  "adjustPValues",
  "bottomBox",
  "ces",
  "churnRate",
  "clvFromChurn",
  "clvFromRetention",
  "compare",
  "conversionRate",
  "csat",
  "distribution",
  "handleTime",
  "mean",
  "meanOf",
  "nps",
  "npsInterval",
  "pairedNps",
  "proportionInterval",
  "retentionRate",
  "revenueRetention",
  "sampleSizeMean",
  "sampleSizeNps",
  "sampleSizeNpsDifference",
  "sampleSizeProportion",
  "sampleSizeProportionDifference",
  "segment",
  "topBox",
  "version",
];
const EXPORTS = [...SURVEY_EXPORTS, ...TIME_EXPORTS].sort();

/** Runs a node program (ESM unless cjs) in tests/node, where `cxmetrics` resolves to pkg/. */
function node(code, { cjs = false, flags = [] } = {}) {
  return execFileSync(process.execPath, [...flags, "--input-type", cjs ? "commonjs" : "module", "-e", code], {
    cwd: here,
    encoding: "utf8",
  });
}

test("ESM import and CommonJS require give the same instance", () => {
  const cjs = require("cxmetrics");
  assert.deepEqual(Object.keys(esm).sort(), EXPORTS);
  assert.deepEqual(Object.keys(cjs).sort(), EXPORTS);
  for (const name of EXPORTS) assert.equal(esm[name], cjs[name], name);
  try {
    cjs.nps([]);
  } catch (e) {
    assert.ok(e instanceof esm.CxMetricsError);
  }
  assert.equal(require.resolve("cxmetrics"), join(pkgDir, "node", "index.cjs"));
});

test("cxmetrics/survey: the light module, its own instance, import and require alike", async () => {
  const cjs = require("cxmetrics/survey");
  const mjs = await import("cxmetrics/survey");
  assert.deepEqual(Object.keys(cjs).sort(), SURVEY_EXPORTS);
  assert.deepEqual(Object.keys(mjs).sort(), SURVEY_EXPORTS);
  for (const name of SURVEY_EXPORTS) assert.equal(mjs[name], cjs[name], name);
  assert.notEqual(cjs.Tally, esm.Tally, "a separate instance (its own .wasm)");
  assert.equal(cjs.nps([10, 9, 9, 8, 7, 3]).interval().toJSON().method, "adjusted_wald");
  assert.throws(() => cjs.nps([11]), cjs.CxMetricsError);
  assert.equal(require.resolve("cxmetrics/survey"), join(pkgDir, "node", "survey.cjs"));
  for (const name of TIME_EXPORTS) assert.equal(cjs[name], undefined, name);
});

test("require('cxmetrics') in a CommonJS program", () => {
  const out = node(
    `const cx = require("cxmetrics");
     const r = cx.nps([10, 9, 9, 8, 7, 3, null]);
     let code;
     try { cx.nps([1, 2, 11]); } catch (e) { code = [e instanceof cx.CxMetricsError, e instanceof Error, e.code, e.index].join(); }
     console.log(JSON.stringify([r.score, r.missing, code, cx.version]));`,
    { cjs: true },
  );
  assert.deepEqual(JSON.parse(out), [100 / 3, 1, "true,true,out_of_scale,2", workspaceVersion()]);
});

test("import from 'cxmetrics' in an ESM program", () => {
  const out = node(
    `import { nps, Tally, Scale } from "cxmetrics";
     const t = new Tally(Scale.nps(), [10, 9]).merge(new Tally([0, 10], [0]));
     console.log(JSON.stringify([nps(t).n, nps(Uint8Array.of(10, 0)).score]));`,
  );
  assert.deepEqual(JSON.parse(out), [3, 0]);
});

test("the default browser entries (bundler/) load their .wasm by new URL(…, import.meta.url) at import", () => {
  for (const [entry, mod, names] of [
    ["index", "cxmetrics_wasm", EXPORTS],
    ["survey", "cxmetrics_survey", SURVEY_EXPORTS],
  ]) {
    const file = join(pkgDir, "bundler", `${entry}.mjs`);
    // the literal pattern webpack 5 and vite emit as an asset
    assert.match(
      readFileSync(file, "utf8"),
      new RegExp(`new URL\\("\\.\\./web/${mod}_bg\\.wasm", import\\.meta\\.url\\)`),
    );
    // Node's fetch has no file: URLs; give the entry one that reads the file, as a page's would
    const out = node(
      `import { readFileSync } from "node:fs";
       import { fileURLToPath } from "node:url";
       const fetched = [];
       globalThis.fetch = async (u) => {
         fetched.push(String(u).split("/").slice(-2).join("/"));
         return new Response(readFileSync(fileURLToPath(u)), { headers: { "content-type": "application/wasm" } });
       };
       const cx = await import(${JSON.stringify(pathToFileURL(file).href)});
       let code; try { cx.csat([6]); } catch (e) { code = e.code; }
       console.log(JSON.stringify([Object.keys(cx).sort(), cx.nps([10, 9, 9, 8, 7, 3]).score, code, fetched]));`,
    );
    assert.deepEqual(JSON.parse(out), [names, 100 / 3, "out_of_scale", [`web/${mod}_bg.wasm`]], entry);
  }
});

test("a default browser entry whose .wasm cannot be fetched says why and names the esbuild route", () => {
  const file = join(pkgDir, "bundler", "index.mjs");
  const out = node(
    `globalThis.fetch = async () => new Response("not found", { status: 404 });
     try { await import(${JSON.stringify(pathToFileURL(file).href)}); console.log("loaded"); }
     catch (e) { console.log(e.message); }`,
  );
  assert.match(out, /^cxmetrics: could not load its WebAssembly module from file:.*cxmetrics_wasm_bg\.wasm/);
  assert.match(
    out,
    /with esbuild, import cxmetrics\/web, import the \.wasm URL from cxmetrics\/web\/cxmetrics_wasm_bg\.wasm with --loader:\.wasm=file/,
  );
});

test("cxmetrics/survey/web needs its own init, then works", async () => {
  const web = await import("cxmetrics/survey/web");
  assert.deepEqual(
    Object.keys(web)
      .filter((k) => k !== "default" && k !== "initSync")
      .sort(),
    SURVEY_EXPORTS,
  );
  assert.throws(() => web.nps([10]), /cxmetrics\/survey\/web: call `await init\(\)`/);
  web.initSync(readFileSync(join(pkgDir, "web", "cxmetrics_survey_bg.wasm")));
  assert.equal(web.nps([10, 0]).score, 0);
});

test("the web build ('cxmetrics/web') needs init, then works (initSync and init in Node)", async () => {
  const web = await import("cxmetrics/web");
  assert.deepEqual(
    Object.keys(web)
      .filter((k) => k !== "default" && k !== "initSync")
      .sort(),
    EXPORTS,
  );
  assert.throws(() => web.nps([10]), /init\(\)/);
  assert.throws(() => web.Scale.nps(), /init\(\)/);
  const bytes = readFileSync(join(pkgDir, "web", "cxmetrics_wasm_bg.wasm"));
  web.initSync(bytes);
  assert.equal(web.nps([10, 0]).score, 0);
  await web.default(bytes); // idempotent
  assert.throws(() => web.nps([1.5]), web.CxMetricsError);
  const out = node(
    `import init, { nps } from "cxmetrics/web";
     import { readFile } from "node:fs/promises";
     import { createRequire } from "node:module";
     const wasm = createRequire(import.meta.url).resolve("cxmetrics/web").replace(/index\\.mjs$/, "cxmetrics_wasm_bg.wasm");
     await init({ module_or_path: await readFile(wasm) });
     console.log(nps([10, 10, 0]).nPromoters);`,
  );
  assert.equal(out.trim(), "2");
});

test("package.json: name, version from Cargo.toml, exports, files", () => {
  assert.equal(manifest.name, "cxmetrics");
  assert.equal(manifest.version, workspaceVersion());
  const toml = readFileSync(join(rootDir, "Cargo.toml"), "utf8");
  assert.equal(manifest.license, toml.match(/^license\s*=\s*"([^"]+)"/m)[1], "license from Cargo.toml");
  const dev = JSON.parse(readFileSync(join(crateDir, "package.json"), "utf8"));
  assert.equal(dev.version, workspaceVersion(), "bindings/wasm/package.json (cxmetrics-dev)");
  assert.equal(dev.private, true);
  const targets = [];
  const walk = (v) => (typeof v === "string" ? targets.push(v) : Object.values(v).forEach(walk));
  walk(manifest.exports);
  for (const t of [...targets, manifest.main, manifest.module, manifest.types]) {
    assert.ok(existsSync(join(pkgDir, t)), `${t} exists`);
  }
  const dot = manifest.exports["."];
  assert.equal(dot.node.require.default, "./node/index.cjs");
  assert.equal(dot.node.import.default, "./node/index.mjs");
  assert.equal(dot.browser.default, "./bundler/index.mjs");
  assert.equal(dot.import.default, "./bundler/index.mjs");
  assert.equal(manifest.exports["./web"].default, "./web/index.mjs");
  const survey = manifest.exports["./survey"];
  assert.equal(survey.node.require.default, "./node/survey.cjs");
  assert.equal(survey.node.import.default, "./node/survey.mjs");
  assert.equal(survey.browser.default, "./bundler/survey.mjs");
  assert.equal(manifest.exports["./survey/web"].default, "./web/survey.mjs");
  for (const cond of [
    dot.node.import,
    dot.node.require,
    dot.browser,
    dot.import,
    manifest.exports["./web"],
    survey.node.import,
    survey.node.require,
    survey.browser,
    manifest.exports["./survey/web"],
  ]) {
    assert.equal(Object.keys(cond)[0], "types", "types first in every condition");
  }
  // The default browser entries instantiate their .wasm at import, the element modules define
  // custom elements: side effects, kept by bundlers.
  assert.deepEqual(manifest.sideEffects, [
    "./bundler/index.mjs",
    "./bundler/survey.mjs",
    "./elements/nps-gauge.js",
    "./elements/distribution.js",
    "./elements/trend.js",
  ]);
  for (const e of ["nps-gauge", "distribution", "trend"]) {
    const x = manifest.exports[`./elements/${e}.js`];
    assert.deepEqual(x, { types: `./types/elements/${e}.d.ts`, default: `./elements/${e}.js` }, e);
  }
  assert.equal(manifest.customElements, "custom-elements.json");
  // the .wasm files are exported (a bundler's file loader imports their URL), typed as a string
  for (const mod of ["cxmetrics_wasm", "cxmetrics_survey"]) {
    const x = manifest.exports[`./web/${mod}_bg.wasm`];
    assert.deepEqual(x, { types: "./types/wasm-url.d.ts", default: `./web/${mod}_bg.wasm` }, mod);
  }
});

test("npm pack: the tarball holds the three builds, the types and the README", () => {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: pkgDir,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  const [info] = JSON.parse(out);
  const files = info.files.map((f) => f.path).sort();
  for (const f of [
    "README.md",
    "LICENSE",
    "package.json",
    "node/index.cjs",
    "node/index.mjs",
    "node/api.cjs",
    "node/cxmetrics_wasm.js",
    "node/cxmetrics_wasm_bg.wasm",
    "bundler/index.mjs",
    "web/index.mjs",
    "web/api.mjs",
    "web/cxmetrics_wasm.js",
    "web/cxmetrics_wasm_bg.wasm",
    "types/index.d.mts",
    "types/index.d.cts",
    "types/web.d.mts",
    "node/survey.cjs",
    "node/survey.mjs",
    "node/cxmetrics_survey.js",
    "node/cxmetrics_survey_bg.wasm",
    "bundler/survey.mjs",
    "web/survey.mjs",
    "web/cxmetrics_survey.js",
    "web/cxmetrics_survey_bg.wasm",
    "types/survey.d.mts",
    "types/survey.d.cts",
    "types/survey-web.d.mts",
    "elements/package.json",
    "elements/shared.js",
    "elements/nps-gauge.js",
    "elements/distribution.js",
    "elements/trend.js",
    "types/elements/shared.d.ts",
    "types/elements/nps-gauge.d.ts",
    "custom-elements.json",
  ]) {
    assert.ok(files.includes(f), `${f} in the tarball`);
  }
  assert.equal(info.name, "cxmetrics");
  assert.equal(info.version, workspaceVersion());
});

test("the types declare every export", () => {
  const dts = readFileSync(join(pkgDir, "types", "index.d.mts"), "utf8");
  for (const name of EXPORTS) {
    assert.match(dts, new RegExp(`^export (declare )?(function|class|const) ${name}\\b`, "m"), name);
  }
  for (const file of ["web.d.mts", "survey-web.d.mts"]) {
    const web = readFileSync(join(pkgDir, "types", file), "utf8");
    assert.match(web, /export default function init/);
    assert.match(web, /export function initSync/);
  }
  const survey = readFileSync(join(pkgDir, "types", "survey.d.mts"), "utf8");
  const values = survey
    .match(/^export \{ ([^}]*) \}/m)[1]
    .split(", ")
    .sort();
  assert.deepEqual(values, SURVEY_EXPORTS, "cxmetrics/survey declares exactly its values");
});

/** ```js blocks of a markdown file. */
function jsBlocks(file) {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
}

for (const [label, file] of [
  ["README.md (repository)", join(rootDir, "README.md")],
  ["bindings/wasm/README.md (npm)", join(crateDir, "README.md")],
]) {
  test(`${label}: the JavaScript snippets run`, () => {
    const blocks = jsBlocks(file).filter((b) => /["']cxmetrics["']/.test(b));
    assert.ok(blocks.length > 0, "has JS snippets");
    for (const block of blocks) {
      const cjs = /require\(["']cxmetrics["']\)/.test(block);
      // console.assert only prints; make a failed assertion fail the snippet.
      const code = `console.assert = (c, ...m) => { if (!c) throw new Error("assertion failed: " + m.join(" ")); };\n${block}`;
      node(code, { cjs });
    }
  });
}

test("works with frozen intrinsics (SES-style lockdown)", () => {
  const out = node(
    `for (const C of [Object, Array, Error, Function, TypeError, Uint8Array, Float64Array, Object.getPrototypeOf(Uint8Array)]) {
       Object.freeze(C); Object.freeze(C.prototype);
     }
     const cx = await import("cxmetrics");
     const r = cx.nps(Uint8Array.of(10, 9, 0));
     let e;
     try { cx.nps([10, 11]); } catch (err) { e = err; }
     const d = cx.distribution([1, 2], { scale: [1, 3] });
     const t = new cx.Tally([0, 10], [10]).merge(new cx.Tally([0, 10], [0]));
     console.log(JSON.stringify([r.n, e instanceof cx.CxMetricsError, e.name, e.code, e.index, d.counts, cx.nps(t).n]));`,
  );
  assert.deepEqual(JSON.parse(out), [3, true, "CxMetricsError", "out_of_scale", 1, [1, 1, 0], 2]);
});

// Budgets in bytes of gzipped .wasm (gzip -9; see DEVELOPING.md, "Size budgets"). Each
// leaves room for small changes, not for a feature: the light module (survey metrics,
// statistics, business metrics, segments, handle time) measures ~97 600 bytes against
// the issue's "under 100 KB" (98 219 with issue 13's error codes; text answers and the
// interchange functions are left out of it); the full one (plus instants, schedules,
// tickets, trends, the bundled tz database, the core's SVG charts, issue 13's text answers
// +9.0 KB and issue 14's Tally.fromParts / toBytes / fromBytes +4.0 KB) ~339.5 KiB.
// Issues 13, 14 and 17 raised the full budget from 330 to 350 KiB (CHANGELOG "Decisions";
// to take most of it back, drop "labels" / "interchange" from the wasm crate's default
// features).
const BUDGET_BYTES = { cxmetrics_survey: 100_000, cxmetrics_wasm: 350 * 1024 };

for (const [module, budget] of Object.entries(BUDGET_BYTES)) {
  test(`size budget: ${module}_bg.wasm stays under ${budget} bytes gzipped`, async () => {
    const { gzipSync } = await import("node:zlib");
    const sizes = new Set();
    for (const build of ["node", "web"]) {
      const bytes = readFileSync(join(pkgDir, build, `${module}_bg.wasm`));
      const gz = gzipSync(bytes, { level: 9 }).length;
      assert.ok(gz < budget, `${build}: ${bytes.length} bytes, ${gz} gzipped`);
      sizes.add(bytes.length);
    }
    assert.equal(sizes.size, 1, "the same .wasm in the two builds");
  });
}

test("the tz database is in the full module only", () => {
  const count = (file) =>
    readFileSync(join(pkgDir, "node", file))
      .toString("latin1")
      .split("TZif").length - 1;
  assert.ok(count("cxmetrics_wasm_bg.wasm") > 300, "the full module bundles the zone files");
  assert.equal(count("cxmetrics_survey_bg.wasm"), 0, "the light module has none");
});

test("the packed tarball installs and works (require, import, cxmetrics/web, types)", async () => {
  const { mkdtempSync, rmSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const dir = mkdtempSync(join(tmpdir(), "cxmetrics-tarball-"));
  try {
    const quiet = { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] };
    const [info] = JSON.parse(
      execFileSync("npm", ["pack", pkgDir, "--json", "--ignore-scripts", "--pack-destination", dir], quiet),
    );
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--offline", join(dir, info.filename)], quiet);
    writeFileSync(
      join(dir, "use.mjs"),
      `import { nps } from "cxmetrics";
       import { createRequire } from "node:module";
       import { readFileSync } from "node:fs";
       import { initSync, csat } from "cxmetrics/web";
       const cjs = createRequire(import.meta.url)("cxmetrics");
       const wasm = createRequire(import.meta.url).resolve("cxmetrics/web").replace(/index\\.mjs$/, "cxmetrics_wasm_bg.wasm");
       initSync(readFileSync(wasm));
       console.log(JSON.stringify([nps([10, 0, 9]).n, cjs.nps([10]).score, cjs.nps === nps, csat([5, 1]).score]));`,
    );
    const out = execFileSync(process.execPath, ["use.mjs"], { cwd: dir, encoding: "utf8" });
    assert.deepEqual(JSON.parse(out), [3, 100, true, 50]);
    writeFileSync(
      join(dir, "use.ts"),
      `import { nps, type NpsResult } from "cxmetrics";\nconst r: NpsResult = nps([10]);\n// @ts-expect-error: options are camelCase\nnps([10], { on_invalid: "skip" });\nexport { r };\n`,
    );
    const tsc = join(crateDir, "node_modules", ".bin", "tsc");
    execFileSync(
      tsc,
      ["--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext", "--types", "", "use.ts"],
      {
        cwd: dir,
        encoding: "utf8",
      },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the ErrorCode union of the types is the core's Error::CODES, in order", () => {
  const dts = readFileSync(join(crateDir, "js", "index.d.ts"), "utf8");
  const union = dts.match(/^export type ErrorCode =([^;]*);/m)[1];
  const codes = [...union.matchAll(/\| "([a-z_]+)"/g)].map((m) => m[1]);
  assert.deepEqual(codes, errorCodes());
});

test("the README's table of error codes is the core's Error::CODES, in order", () => {
  const readme = readFileSync(join(crateDir, "README.md"), "utf8");
  const table = readme.split("| code | when |")[1].split("\n\n")[0];
  const codes = table
    .split("\n")
    .slice(2)
    .flatMap((row) => [...(row.split("|")[1] ?? "").matchAll(/`([a-z_]+)`/g)].map((m) => m[1]));
  assert.deepEqual(codes, errorCodes());
});

test("the defaults documented in the types and used by the wrapper are the core's", () => {
  const raw = require(join(pkgDir, "node", "cxmetrics_wasm.js"));
  const [nums] = [raw.defaults()];
  const layout = raw.resultLayout(nums[0]).split(" ");
  const core = {};
  let i = 1;
  for (const f of layout) {
    if (f.includes(":")) core[f.split(":")[0]] = f.split(":")[1];
    else core[f.slice(0, -1)] = nums[i++];
  }
  assert.deepEqual(Object.keys(core), [
    "level",
    "minN",
    "adjust",
    "alpha",
    "power",
    "variance",
    "p",
    "period",
    "timeZone",
  ]);
  const dts = readFileSync(join(crateDir, "js", "index.d.ts"), "utf8");
  const documented = [
    [/Confidence level in \(0, 1\); default ([\d.]+)\./g, "level"],
    [/Interval level \(default ([\d.]+)\)/g, "level"],
    [/flagged `lowN` \(default (\d+)\)/g, "minN"],
    [/Multiple-comparison adjustment of the changes' p-values \(default `"(\w+)"`\)/g, "adjust"],
    [/Significance level of `significant` \(default ([\d.]+)\)/g, "alpha"],
    [/power default ([\d.]+)/g, "power"],
    [/variance default ([\d.]+)/g, "variance"],
    [/expected `p` percent \(default (\d+)\)/g, "p"],
    [/Default `"(\w+)"`; `"week"` is the ISO week/g, "period"],
    [/define the periods \(default `"([\w/]+)"`\)/g, "timeZone"],
  ];
  for (const [re, key] of documented) {
    const found = [...dts.matchAll(re)].map((m) => m[1]);
    assert.ok(found.length > 0, `index.d.ts documents the default ${key} (${re})`);
    for (const v of found) assert.equal(String(core[key]), v, `${key} in index.d.ts`);
  }
  // what the wrapper fills in is the core's: an option left out equals it given explicitly
  assert.equal(esm.sampleSizeNps(5), esm.sampleSizeNps(5, { level: core.level, variance: core.variance }));
  assert.equal(esm.sampleSizeProportion(5), esm.sampleSizeProportion(5, { p: core.p }));
  assert.equal(
    esm.sampleSizeNpsDifference(10),
    esm.sampleSizeNpsDifference(10, { power: core.power, variance: core.variance }),
  );
  assert.equal(
    esm.sampleSizeProportionDifference(40, 50),
    esm.sampleSizeProportionDifference(40, 50, { power: core.power }),
  );
  assert.deepEqual(
    esm.adjustPValues([0.01, 0.04, 0.03]),
    esm.adjustPValues([0.01, 0.04, 0.03], { method: core.adjust }),
  );
  const scores = Array.from({ length: 40 }, (_, i) => i % 11);
  const by = scores.map((_, i) => (i < 25 ? "a" : "b"));
  assert.deepEqual(
    esm.segment(scores, by).toJSON(),
    esm.segment(scores, by, { minN: core.minN, level: core.level }).toJSON(),
  );
  const times = scores.map((_, i) => new Date(Date.UTC(2026, i % 3, 1 + (i % 27))));
  const plain = esm.trend(scores, times, { minN: 1 }).map((r) => r.toJSON());
  assert.deepEqual(
    plain,
    esm.trend(scores, times, { minN: 1, period: core.period, timeZone: core.timeZone }).map((r) => r.toJSON()),
  );
});
