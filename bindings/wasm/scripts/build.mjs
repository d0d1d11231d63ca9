#!/usr/bin/env node
// Builds the npm package `cxmetrics` into bindings/wasm/pkg/:
//
//   1. cargo build -p cxmetrics-wasm --target wasm32-unknown-unknown --profile wasm-release,
//      twice: the full module (default features: service metrics, trends, the bundled
//      time-zone database) and the light `cxmetrics/survey` module (--no-default-features:
//      no date or time code), the latter in its own target directory so that neither
//      build invalidates the other
//   2. wasm-bindgen --target nodejs | web --weak-refs  -> pkg/{node,web}/
//      (out-names cxmetrics_wasm and cxmetrics_survey); the default browser entries in
//      pkg/bundler/ use the web build's glue and load its .wasm themselves (issue 18)
//   3. wasm-opt -Oz and a few size flags (npm binaryen@132 from node_modules; skipped with
//      --no-opt or when absent)
//   4. the JS API (js/src/*.mjs assembled into one `createApi`) as ESM (web) and
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
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
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
  "ScoresBuffer",
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
  "buffer",
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
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".mjs"))
    .sort();
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

/** Stops the build with a message (no stack trace). */
function fail(message) {
  console.error(`build.mjs: ${message}`);
  process.exit(1);
}

function run(cmd, argv, env = {}) {
  console.log(`$ ${cmd} ${argv.join(" ")}`);
  try {
    execFileSync(cmd, argv, { stdio: "inherit", cwd: root, env: { ...process.env, ...env } });
  } catch (e) {
    if (e.code === "ENOENT") fail(`${cmd} not found (scripts/build-npm installs what the build needs)`);
    fail(`${cmd} failed (exit ${e.status ?? e.signal}); its output is above`);
  }
}

/** stdout of a command, or undefined when it cannot run. */
function output(cmd, argv) {
  try {
    return execFileSync(cmd, argv, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return undefined;
  }
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
const metadata = output("cargo", ["metadata", "--format-version", "1", "--no-deps"]);
if (metadata === undefined) fail("`cargo metadata` failed: is Rust (cargo) installed? See https://rustup.rs");
const targetDir = JSON.parse(metadata).target_directory; // honours CARGO_TARGET_DIR and .cargo/config
// The tools, before minutes of cargo: the wasm32 target and wasm-bindgen-cli of the lock's version.
if (
  !args.has("--skip-cargo") &&
  !(output("rustup", ["target", "list", "--installed"]) ?? "").includes("wasm32-unknown-unknown")
) {
  fail("the Rust target wasm32-unknown-unknown is not installed: rustup target add wasm32-unknown-unknown");
}
const wantBindgen = (output("cargo", ["pkgid", "-p", "wasm-bindgen"]) ?? "").trim().split("@").pop();
const haveBindgen = (output("wasm-bindgen", ["--version"]) ?? "").trim().split(" ")[1];
if (haveBindgen !== wantBindgen) {
  fail(
    `wasm-bindgen-cli ${wantBindgen} is needed (the wasm-bindgen version in Cargo.lock), found ${haveBindgen ?? "none"}: ` +
      `cargo install wasm-bindgen-cli --version ${wantBindgen} (or run scripts/build-npm)`,
  );
}
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
// No wasm-bindgen `bundler` target: its `import * as wasm from "./x_bg.wasm"` (the wasm
// ESM integration) needs a flag or plugin in every bundler (webpack's asyncWebAssembly,
// vite-plugin-wasm) and fails in esbuild. The default browser entries (pkg/bundler/) are
// the web glue plus `new URL("….wasm", import.meta.url)`, which webpack 5 and vite turn
// into an emitted asset without configuration.
const targets = { node: "nodejs", web: "web" };
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
mkdirSync(join(pkg, "bundler"));
write("bundler/package.json", `${JSON.stringify({ type: "module" }, null, 2)}\n`);
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
  // The default browser entry (issue 18): the web build's glue, instantiated at import
  // (top-level await) from the .wasm named by `new URL(…, import.meta.url)`, the pattern
  // webpack 5 and vite emit as an asset with no configuration (and a browser resolves
  // without a bundler). esbuild leaves it alone: its route is cxmetrics/web (README).
  write(
    `bundler/${entry}.mjs`,
    `${header}import initWasm, * as raw from "../web/${mod}.js";
import { createApi } from "../web/api.mjs";

const url = new URL("../web/${mod}_bg.wasm", import.meta.url);
try {
  await initWasm({ module_or_path: url });
} catch (cause) {
  throw new Error(
    \`${spec}: could not load its WebAssembly module from \${url} (\${cause}). A bundler must emit the .wasm \` +
      "named by \`new URL(…, import.meta.url)\` (webpack 5 and vite do); with esbuild, import ${spec}/web, " +
      "import the .wasm URL from cxmetrics/web/${mod}_bg.wasm with --loader:.wasm=file and call init(url) (see the README).",
    { cause },
  );
}
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
  // The default written here, with "./", so that bundlers emit the .wasm (webpack 5, vite).
  if (input === undefined) input = new URL("./${mod}_bg.wasm", import.meta.url);
  await initWasm(plain(input) ? input : { module_or_path: input });
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
// `import url from "cxmetrics/web/cxmetrics_wasm_bg.wasm"` (esbuild --loader:.wasm=file)
write(
  "types/wasm-url.d.ts",
  `${header}/** The URL of the .wasm file, as a bundler's file loader gives it. */\ndeclare const url: string;\nexport default url;\n`,
);
// cxmetrics/survey: the same declarations, values only for what the light module has
// (the others stay importable as types).
const surveyDts = (
  from,
) => `${header}// cxmetrics/survey: everything but what takes instants (${TIME_EXPORTS.join(", ")}).
export { ${SURVEY_EXPORTS.join(", ")} } from "${from}";
export type * from "${from}";
`;
write("types/survey.d.mts", surveyDts("./index.mjs"));
write("types/survey.d.cts", surveyDts("./index.cjs"));
write(
  "types/survey-web.d.mts",
  header + webDts.replace('export * from "./index.mjs";', 'export * from "./survey.mjs";'),
);
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
      ELEMENTS.map((e) => [
        `./elements/${e}.js`,
        { types: `./types/elements/${e}.d.ts`, default: `./elements/${e}.js` },
      ]),
    ),
    // The .wasm files, for bundlers that need their URL imported (esbuild's file loader).
    ...Object.fromEntries(
      modules.map(([name]) => [
        `./web/${name}_bg.wasm`,
        { types: "./types/wasm-url.d.ts", default: `./web/${name}_bg.wasm` },
      ]),
    ),
    "./custom-elements.json": "./custom-elements.json",
    "./package.json": "./package.json",
  },
  files: ["node/", "bundler/", "web/", "elements/", "types/", "custom-elements.json", "README.md", "LICENSE"],
  // The default browser entries instantiate the .wasm at import; the elements define elements.
  sideEffects: [...entries.map(([entry]) => `./bundler/${entry}.mjs`), ...ELEMENTS.map((e) => `./elements/${e}.js`)],
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
    console.log(
      `pkg/${dir}/${name}_bg.wasm: ${kb(bytes.length)} (${kb(gzipSync(bytes, { level: 9 }).length)} gzipped)`,
    );
  }
}
console.log(`built cxmetrics ${version} into ${relative(process.cwd(), pkg) || "."}`);
