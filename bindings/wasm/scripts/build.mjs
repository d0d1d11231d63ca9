#!/usr/bin/env node
// Builds the npm package `cxmetrics` into bindings/wasm/pkg/:
//
//   1. cargo build -p cxmetrics-wasm --target wasm32-unknown-unknown --profile wasm-release,
//      twice: the full module (default features: service metrics, trends, the bundled
//      time-zone database) and the light `cxmetrics/survey` module (--no-default-features:
//      no date or time code), the latter in its own target directory so that neither
//      build invalidates the other
//   2. wasm-bindgen --target nodejs | bundler | web --weak-refs  -> pkg/{node,bundler,web}/
//      (out-names cxmetrics_wasm and cxmetrics_survey)
//   3. wasm-opt -Oz and a few size flags (npm binaryen@132 from node_modules; skipped with
//      --no-opt or when absent)
//   4. the JS API (js/src/*.mjs assembled into one `createApi`) as ESM (bundler, web) and
//      CommonJS (node), entry modules
//      per build and module (index.* and survey.*), the TypeScript types, README.md and
//      package.json (its version taken from the workspace Cargo.toml: one version source)
//   5. a link tests/node_modules/cxmetrics -> ../../pkg, so that the tests (node, tsc)
//      resolve `cxmetrics` through the package's real `exports` map.
//
// Usage: node bindings/wasm/scripts/build.mjs [--no-opt] [--skip-cargo]

import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  lstatSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
const crate = join(here, "..");
const root = join(crate, "..", "..");
const pkg = join(crate, "pkg");
const args = new Set(process.argv.slice(2));

// The names the package exports: `cxmetrics/survey` exports SURVEY_EXPORTS, every build of
// `cxmetrics` and `cxmetrics/web` all of EXPORTS; tests check the three builds agree.
const SURVEY_EXPORTS = [
  "CxMetricsError",
  "Scale",
  "Tally",
  "nps",
  "csat",
  "ces",
  "mean",
  "topBox",
  "bottomBox",
  "distribution",
  "compare",
  "pairedNps",
  "proportionInterval",
  "npsInterval",
  "sampleSizeNps",
  "sampleSizeProportion",
  "sampleSizeMean",
  "sampleSizeNpsDifference",
  "sampleSizeProportionDifference",
  "adjustPValues",
  "handleTime",
  "meanOf",
  "conversionRate",
  "churnRate",
  "retentionRate",
  "revenueRetention",
  "clvFromChurn",
  "clvFromRetention",
  "segment",
  "version",
];
// What needs instants (jiff's date-time code and the tz database): not in the light module.
const TIME_EXPORTS = [
  "Schedule",
  "Tickets",
  "firstResponseTime",
  "resolutionTime",
  "requesterWaitTime",
  "ticketDurations",
  "fcr",
  "sla",
  "trend",
];
const EXPORTS = [...SURVEY_EXPORTS, ...TIME_EXPORTS];

// The JS API's modules (js/src/<name>.mjs, named as the core's modules), in the order
// they are assembled: a module may only import from modules before it (and ./raw.mjs).
const MODULES = [
  "errors",
  "convert",
  "options",
  "scale",
  "tally",
  "results",
  "survey",
  "stats",
  "time",
  "schedule",
  "tickets",
  "service",
  "lifecycle",
  "segments",
  "trends",
];

/**
 * js/src/*.mjs as one ES module with one export, `createApi(raw, version, assertReady)`
 * (wasm-bindgen's module, the version, the web build's readiness check): each module's
 * body, in MODULES order, with its `import { … } from "./x.mjs"` lines dropped and
 * `export` taken off its declarations; the names of ./raw.mjs are the parameters. One
 * scope, so the build emits it as ESM and as CommonJS without a bundler.
 */
function assembleApi() {
  const dir = join(crate, "js", "src");
  const files = readdirSync(dir).filter((f) => f.endsWith(".mjs")).sort();
  const listed = [...MODULES, "raw"].map((m) => `${m}.mjs`).sort();
  if (files.join() !== listed.join()) {
    throw new Error(`js/src holds ${files.join(", ")}; MODULES in build.mjs lists ${listed.join(", ")}`);
  }
  const done = new Set(["raw"]);
  const parts = MODULES.map((m) => {
    const file = `js/src/${m}.mjs`;
    let text = readFileSync(join(dir, `${m}.mjs`), "utf8").replace(
      /^import \{[^}]*\} from "\.\/([\w-]+)\.mjs";\n/gm,
      (_, from) => {
        if (!done.has(from)) throw new Error(`${file} imports ./${from}.mjs, which MODULES does not list before it`);
        return "";
      },
    );
    text = text.replace(/^export (?=(?:const|let|function|class) )/gm, "");
    if (/^(import|export)\b/m.test(text)) {
      throw new Error(`${file}: only \`import { … } from "./x.mjs"\` and exported declarations are allowed`);
    }
    done.add(m);
    const body = text.trim().replace(/^(?=.)/gm, "  ");
    return `  // ─── ${file} ───\n${body}`;
  });
  return `// The public JS API of cxmetrics over the raw wasm-bindgen module (src/lib.rs),
// assembled from js/src/*.mjs by scripts/build.mjs.
export function createApi(raw, version, assertReady) {
${parts.join("\n\n")}

  return { ${EXPORTS.join(", ")} };
}
`;
}

function run(cmd, argv, env = {}) {
  console.log(`$ ${cmd} ${argv.join(" ")}`);
  execFileSync(cmd, argv, { stdio: "inherit", cwd: root, env: { ...process.env, ...env } });
}

/** A string field of [workspace.package] in the root Cargo.toml (the one source). */
function workspacePackage(field) {
  const toml = readFileSync(join(root, "Cargo.toml"), "utf8");
  const section = toml.split(/^\[workspace\.package\]\s*$/m)[1]?.split(/^\[/m)[0] ?? "";
  const m = section.match(new RegExp(`^${field}\\s*=\\s*"([^"]+)"`, "m"));
  if (!m) throw new Error(`no ${field} in [workspace.package] of Cargo.toml`);
  return m[1];
}

const version = workspacePackage("version");
const license = workspacePackage("license");

// 1. cargo. `strip = true` in the profile would drop the `target_features` section that
// wasm-bindgen reads (it then falls back to MVP output and warns); strip debug info
// only, and let wasm-opt (or wasm-bindgen) drop the names.
const targetDir = JSON.parse(
  execFileSync("cargo", ["metadata", "--format-version", "1", "--no-deps"], { cwd: root, encoding: "utf8" }),
).target_directory; // honours CARGO_TARGET_DIR and .cargo/config
// [module name, cargo features, its own target directory]
const modules = [
  ["cxmetrics_wasm", [], targetDir],
  ["cxmetrics_survey", ["--no-default-features"], join(targetDir, "wasm-survey")],
];
const wasmFile = (dir) => join(dir, "wasm32-unknown-unknown", "wasm-release", "cxmetrics_wasm.wasm");
if (!args.has("--skip-cargo")) {
  for (const [, features, dir] of modules) {
    run(
      "cargo",
      ["build", "-p", "cxmetrics-wasm", "--target", "wasm32-unknown-unknown", "--profile", "wasm-release", ...features],
      { CARGO_PROFILE_WASM_RELEASE_STRIP: "debuginfo", CARGO_TARGET_DIR: dir },
    );
  }
}

// 2. wasm-bindgen, one directory per target, both modules in each.
rmSync(pkg, { recursive: true, force: true });
const targets = { node: "nodejs", bundler: "bundler", web: "web" };
for (const [dir, target] of Object.entries(targets)) {
  for (const [name, , cargoDir] of modules) {
    run("wasm-bindgen", [
      "--target",
      target,
      "--weak-refs",
      "--no-typescript",
      "--out-name",
      name,
      "--out-dir",
      join(pkg, dir),
      wasmFile(cargoDir),
    ]);
  }
}

// 3. wasm-opt from npm binaryen@132 (never Debian's 108: it breaks externref tables).
const wasmOpt = join(crate, "node_modules", ".bin", "wasm-opt");
const features = [
  "--enable-bulk-memory",
  "--enable-reference-types",
  "--enable-nontrapping-float-to-int",
  "--enable-sign-ext",
  "--enable-mutable-globals",
  "--enable-multivalue",
];
// Size first (DEVELOPING.md, "Size budgets"; saved on the gzipped light module):
// `--converge` and `--strip-producers` ~0.2 KB; `--low-memory-unused` ~0.6 KB (lets
// binaryen fold constant offsets into loads, wrong only if an address computation wraps
// into the low 1 KiB, which Rust's pointers never do); `-ocimfs=30` (inline a function
// with one caller only up to 30 instructions; default: any size) ~3.3 KB, ~6.8 KB in
// the full module, at no cost beyond run-to-run noise in our benches: LLVM has already
// inlined the hot loops, and merging big single-caller functions into the export shims
// made the code larger *after* gzip (less repetition).
const optimise = ["-Oz", "--converge", "--low-memory-unused", "--strip-producers", "-ocimfs=30"];
if (args.has("--no-opt")) console.log("wasm-opt: skipped (--no-opt)");
else if (!existsSync(wasmOpt)) console.log("wasm-opt: skipped (run `npm ci` in bindings/wasm for binaryen)");
else {
  // wasm-bindgen may emit the same .wasm for several targets: optimise each distinct
  // input once and copy the result to the others.
  const done = new Map(); // sha-256 of the input -> the optimised file
  for (const dir of Object.keys(targets)) {
    for (const [name] of modules) {
      const f = join(pkg, dir, `${name}_bg.wasm`);
      const key = createHash("sha256").update(readFileSync(f)).digest("hex");
      if (done.has(key)) {
        console.log(`$ cp ${relative(root, done.get(key))} ${relative(root, f)} (same input)`);
        copyFileSync(done.get(key), f);
      } else {
        run(wasmOpt, [...optimise, ...features, f, "-o", f]);
        done.set(key, f);
      }
    }
  }
}

// 4. JS API, entry modules, types, package.json, README.
const api = assembleApi();
const apiCjs = `"use strict";\n${api.replace(/^export function createApi\(/m, "function createApi(")}\nmodule.exports = { createApi };\n`;
const header = `// cxmetrics ${version}: generated by bindings/wasm/scripts/build.mjs; do not edit.\n`;
const v = JSON.stringify(version);
const write = (path, text) => writeFileSync(join(pkg, path), text);

write("node/api.cjs", header + apiCjs);
write("node/package.json", `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);
write("bundler/api.mjs", header + api);
write(
  "bundler/package.json",
  `${JSON.stringify({ type: "module", sideEffects: modules.map(([name]) => `./${name}.js`) }, null, 2)}\n`,
);
write("web/api.mjs", header + api);
write("web/package.json", `${JSON.stringify({ type: "module" }, null, 2)}\n`);

// [entry file name, wasm-bindgen module, exported names, import specifier (for messages)]
const entries = [
  ["index", "cxmetrics_wasm", EXPORTS, "cxmetrics"],
  ["survey", "cxmetrics_survey", SURVEY_EXPORTS, "cxmetrics/survey"],
];
for (const [entry, mod, exported, spec] of entries) {
  const names = exported.join(", ");
  write(
    `node/${entry}.cjs`,
    `${header}"use strict";
const raw = require("./${mod}.js");
const { createApi } = require("./api.cjs");
const api = createApi(raw, ${v});
module.exports = { ${exported.map((n) => `${n}: api.${n}`).join(", ")} };
`,
  );
  // ESM in Node re-exports the CommonJS build: one instance, so `CxMetricsError` and
  // `Tally` are the same classes whether a program uses import or require.
  write(
    `node/${entry}.mjs`,
    `${header}import cx from "./${entry}.cjs";
export const { ${names} } = cx;
`,
  );
  write(
    `bundler/${entry}.mjs`,
    `${header}import * as raw from "./${mod}.js";
import { createApi } from "./api.mjs";
export const { ${names} } = createApi(raw, ${v});
`,
  );
  write(
    `web/${entry}.mjs`,
    `${header}import initWasm, { initSync as initWasmSync } from "./${mod}.js";
import * as raw from "./${mod}.js";
import { createApi } from "./api.mjs";

let ready = false;
function assertReady() {
  if (!ready) {
    throw new Error("${spec}/web: call \`await init()\` (or initSync) before using cxmetrics");
  }
}
const plain = (x) => x !== null && typeof x === "object" && Object.getPrototypeOf(x) === Object.prototype;

/** Loads the .wasm (default: next to this module). Idempotent. */
export default async function init(input) {
  await initWasm(input === undefined || plain(input) ? input : { module_or_path: input });
  ready = true;
}

/** Instantiates the .wasm synchronously from its bytes or a compiled module. */
export function initSync(module) {
  initWasmSync(plain(module) ? module : { module });
  ready = true;
}

export const { ${names} } = createApi(raw, ${v}, assertReady);
`,
  );
}

mkdirSync(join(pkg, "types"));
const dts = readFileSync(join(crate, "js", "index.d.ts"), "utf8");
const webDts = readFileSync(join(crate, "js", "web.d.ts"), "utf8");
write("types/index.d.mts", header + dts);
write("types/index.d.cts", header + dts);
write("types/web.d.mts", header + webDts);
// cxmetrics/survey: the same declarations, values only for what the light module has
// (the others stay importable as types).
const surveyDts = (from) => `${header}// cxmetrics/survey: everything but what takes instants (${TIME_EXPORTS.join(", ")}).
export { ${SURVEY_EXPORTS.join(", ")} } from "${from}";
export type * from "${from}";
`;
write("types/survey.d.mts", surveyDts("./index.mjs"));
write("types/survey.d.cts", surveyDts("./index.cjs"));
write("types/survey-web.d.mts", header + webDts.replace('export * from "./index.mjs";', 'export * from "./survey.mjs";'));
// Web elements (issue 12): js/elements/*.js as they are (they import ../web/index.mjs),
// their types and the Custom Elements Manifest.
const ELEMENTS = ["nps-gauge", "distribution", "trend"];
mkdirSync(join(pkg, "elements"));
mkdirSync(join(pkg, "types", "elements"));
for (const f of readdirSync(join(crate, "js", "elements"))) {
  if (f.endsWith(".js")) write(`elements/${f}`, header + readFileSync(join(crate, "js", "elements", f), "utf8"));
}
write("elements/package.json", `${JSON.stringify({ type: "module" }, null, 2)}\n`);
write("types/elements/shared.d.ts", header + readFileSync(join(crate, "js", "elements.d.ts"), "utf8"));
const elementClass = { "nps-gauge": "CxNpsGauge", distribution: "CxDistribution", trend: "CxTrend" };
for (const e of ELEMENTS) {
  write(
    `types/elements/${e}.d.ts`,
    `${header}export { ready, ${elementClass[e]} } from "./shared.js";\nexport type { CxErrorDetail } from "./shared.js";\n`,
  );
}
copyFileSync(join(crate, "js", "custom-elements.json"), join(pkg, "custom-elements.json"));
copyFileSync(join(crate, "README.md"), join(pkg, "README.md"));
if (existsSync(join(root, "LICENSE"))) copyFileSync(join(root, "LICENSE"), join(pkg, "LICENSE"));

const conditions = (entry) => {
  const esm = (file) => ({ types: `./types/${entry}.d.mts`, default: file });
  return {
    node: {
      import: esm(`./node/${entry}.mjs`),
      require: { types: `./types/${entry}.d.cts`, default: `./node/${entry}.cjs` },
    },
    browser: esm(`./bundler/${entry}.mjs`),
    import: esm(`./bundler/${entry}.mjs`),
    default: esm(`./bundler/${entry}.mjs`),
  };
};
const manifest = {
  name: "cxmetrics",
  version,
  description:
    "Customer-experience metrics (NPS, CSAT, CES, boxes, means; intervals and tests; service-desk times, FCR, SLA; churn, conversion, segments, trends) with explicit conventions and mergeable state, from a Rust core compiled to WebAssembly",
  license,
  repository: { type: "git", url: "git+https://github.com/cxmetrics/cxmetrics.git", directory: "bindings/wasm" },
  keywords: ["nps", "csat", "ces", "net-promoter-score", "customer-experience", "survey", "metrics", "sla", "wasm"],
  main: "./node/index.cjs",
  module: "./bundler/index.mjs",
  types: "./types/index.d.cts",
  exports: {
    ".": conditions("index"),
    "./web": { types: "./types/web.d.mts", default: "./web/index.mjs" },
    "./survey": conditions("survey"),
    "./survey/web": { types: "./types/survey-web.d.mts", default: "./web/survey.mjs" },
    ...Object.fromEntries(
      ELEMENTS.map((e) => [`./elements/${e}.js`, { types: `./types/elements/${e}.d.ts`, default: `./elements/${e}.js` }]),
    ),
    "./custom-elements.json": "./custom-elements.json",
    "./package.json": "./package.json",
  },
  files: ["node/", "bundler/", "web/", "elements/", "types/", "custom-elements.json", "README.md", "LICENSE"],
  sideEffects: [...modules.map(([name]) => `./bundler/${name}.js`), ...ELEMENTS.map((e) => `./elements/${e}.js`)],
  customElements: "custom-elements.json",
  engines: { node: ">=18" },
};
write("package.json", `${JSON.stringify(manifest, null, 2)}\n`);

// 5. tests/node_modules/cxmetrics -> ../../pkg
const link = join(crate, "tests", "node_modules", "cxmetrics");
mkdirSync(dirname(link), { recursive: true });
let linked = false;
try {
  linked = lstatSync(link).isSymbolicLink();
} catch {}
if (!linked) {
  rmSync(link, { recursive: true, force: true });
  symlinkSync(relative(dirname(link), pkg), link, "dir");
}

// Sizes.
for (const dir of Object.keys(targets)) {
  for (const [name] of modules) {
    const bytes = readFileSync(join(pkg, dir, `${name}_bg.wasm`));
    const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
    console.log(`pkg/${dir}/${name}_bg.wasm: ${kb(bytes.length)} (${kb(gzipSync(bytes, { level: 9 }).length)} gzipped)`);
  }
}
console.log(`built cxmetrics ${version} into ${relative(process.cwd(), pkg) || "."}`);
