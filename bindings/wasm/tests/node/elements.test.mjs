// The web elements' package side (issue 12): importing `cxmetrics` leaves Node's globals
// alone (no DOM), the element subpaths import without a DOM and define nothing, and the
// Custom Elements Manifest describes what the element classes observe and the docs list.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { crateDir, pkgDir, rootDir } from "./helpers.mjs";

const node = (code) =>
  execFileSync(process.execPath, ["--input-type=module", "-e", code], {
    cwd: join(crateDir, "tests"),
    encoding: "utf8",
  });

test("importing cxmetrics adds no global (no DOM, no custom elements)", () => {
  const out = node(`
    const before = new Set(Reflect.ownKeys(globalThis));
    const cx = await import("cxmetrics");
    const added = Reflect.ownKeys(globalThis).filter((k) => !before.has(k)).map(String);
    console.log(JSON.stringify([added, typeof cx.nps, typeof HTMLElement, typeof customElements, typeof document]));`);
  assert.deepEqual(JSON.parse(out), [[], "function", "undefined", "undefined", "undefined"]);
});

test("the element subpaths import in Node without a DOM: nothing defined, ready resolves", () => {
  const out = node(`
    const a = await import("cxmetrics/elements/nps-gauge.js");
    const b = await import("cxmetrics/elements/distribution.js");
    const c = await import("cxmetrics/elements/trend.js");
    await a.ready;
    console.log(JSON.stringify([typeof a.CxNpsGauge, typeof b.CxDistribution, typeof c.CxTrend, a.ready === c.ready, typeof customElements]));`);
  assert.deepEqual(JSON.parse(out), ["function", "function", "function", true, "undefined"]);
});

const manifest = JSON.parse(readFileSync(join(pkgDir, "custom-elements.json"), "utf8"));
const declarations = manifest.modules.flatMap((m) =>
  m.declarations.filter((d) => d.customElement).map((d) => [m.path, d]),
);

test("custom-elements.json: the three elements, each with its module, tag and definition export", () => {
  assert.equal(manifest.schemaVersion, "1.0.0");
  assert.deepEqual(
    declarations.map(([path, d]) => [path, d.tagName, d.name]),
    [
      ["elements/nps-gauge.js", "cx-nps-gauge", "CxNpsGauge"],
      ["elements/distribution.js", "cx-distribution", "CxDistribution"],
      ["elements/trend.js", "cx-trend", "CxTrend"],
    ],
  );
  for (const m of manifest.modules.filter((m) => m.declarations.some((d) => d.customElement))) {
    const def = m.exports.find((e) => e.kind === "custom-element-definition");
    assert.equal(def.name, m.declarations[0].tagName);
  }
});

test("custom-elements.json: the attributes are the ones each class observes; events, parts and properties as documented", async () => {
  const mods = {
    "elements/nps-gauge.js": ["CxNpsGauge"],
    "elements/distribution.js": ["CxDistribution"],
    "elements/trend.js": ["CxTrend"],
  };
  const docs = readFileSync(join(rootDir, "docs", "charts.md"), "utf8");
  for (const [path, d] of declarations) {
    const mod = await import(`cxmetrics/${path}`);
    const observed = mod[mods[path][0]].observedAttributes;
    assert.deepEqual(d.attributes.map((a) => a.name).sort(), [...observed].sort(), `${d.tagName} attributes`);
    assert.deepEqual(
      d.events.map((e) => e.name),
      ["cx-result", "cx-error"],
    );
    assert.deepEqual(
      d.cssParts.map((p) => p.name),
      ["header", "label", "value", "chart", "error"],
    );
    for (const p of d.cssParts) assert.match(docs, new RegExp(`\`${p.name}\``), `docs/charts.md lists part ${p.name}`);
    for (const p of d.cssProperties) assert.ok(docs.includes(`\`${p.name}\``), `docs/charts.md lists ${p.name}`);
    assert.ok(docs.includes(`<${d.tagName}`), `docs/charts.md shows <${d.tagName}>`);
  }
});
