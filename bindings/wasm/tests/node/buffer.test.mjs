// Zero-copy input (issue 17, item 3): the shared cases of tests/shared/cases_buffer.mjs
// against both modules, and what only Node can see (wasm memory, garbage collection).

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { test } from "node:test";
import * as cx from "cxmetrics";
import * as light from "cxmetrics/survey";
import { cases } from "../shared/cases_buffer.mjs";
import { pkgDir } from "./helpers.mjs";

for (const [name, fn] of cases) {
  test(name, () => fn(cx));
  test(`cxmetrics/survey: ${name}`, () => fn(light));
}

test("chunked copies keep wasm memory bounded: 4 M Float64Array scores grow it by less than 4 MiB", () => {
  const raw = createRequire(import.meta.url)(join(pkgDir, "node", "cxmetrics_wasm.js"));
  cx.nps(new Float64Array(100_000).fill(9)); // the staging buffer exists
  const before = raw.memoryBytes();
  const xs = new Float64Array(4_000_000).fill(10); // 32 MB: one copy would grow memory by that much
  for (const x of [cx.nps(xs), new cx.Tally([0, 10], xs).extend(xs)]) assert.ok(x);
  const t = new cx.Tally([0, 10]);
  t.extend(Int32Array.from(xs));
  assert.equal(t.n, 4_000_000);
  assert.ok(raw.memoryBytes() < before + 4 * 2 ** 20, `memory grew from ${before} to ${raw.memoryBytes()}`);
});

test("ScoresBuffers that are never freed are reclaimed after garbage collection", () => {
  const script = `
    const cx = require(${JSON.stringify(join(pkgDir, "node", "index.cjs"))});
    const raw = require(${JSON.stringify(join(pkgDir, "node", "cxmetrics_wasm.js"))});
    const pause = () => new Promise((r) => setTimeout(r, 0));
    (async () => {
      const sizes = [];
      for (let round = 0; round < 20; round++) {
        for (let i = 0; i < 100; i++) new cx.ScoresBuffer(100_000, "f64").array.fill(9); // 800 kB each
        globalThis.gc();
        await pause();
        sizes.push(raw.memoryBytes());
      }
      console.log(JSON.stringify(sizes));
    })();`;
  const sizes = JSON.parse(execFileSync(process.execPath, ["--expose-gc", "-e", script], { encoding: "utf8" }));
  // 2,000 buffers would need 1.6 GB if none were reclaimed.
  assert.ok(sizes.at(-1) < 256 * 2 ** 20, `wasm memory ${sizes.join(", ")}`);
});
