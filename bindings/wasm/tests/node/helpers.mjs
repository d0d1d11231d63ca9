// Paths and loaders shared by the node tests.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const testsDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const crateDir = join(testsDir, "..");
export const rootDir = join(crateDir, "..", "..");
export const pkgDir = join(crateDir, "pkg");

/** tests/vectors/<name>.json of the repository. */
export function loadVectors(name = "survey") {
  return JSON.parse(readFileSync(join(rootDir, "tests", "vectors", `${name}.json`), "utf8"));
}

/** Every error code, in order: the core's `Error::CODES`, from the built module. */
export function errorCodes() {
  return createRequire(import.meta.url)(join(pkgDir, "node", "cxmetrics_wasm.js")).errorCodes();
}

export function workspaceVersion() {
  const toml = readFileSync(join(rootDir, "Cargo.toml"), "utf8");
  const section = toml.split(/^\[workspace\.package\]\s*$/m)[1].split(/^\[/m)[0];
  return section.match(/^version\s*=\s*"([^"]+)"/m)[1];
}
