// toSVG() (issue 12): the SVG of a JS result is the core's, byte for byte. The expectation
// is the native core build: `cargo test -p cxmetrics --test chart_svgs` draws the charts of
// every shared vector's inputs (survey.json: distribution and NPS; segments.json: segment
// and trend; service.json: duration summaries and SLA) with CX_CHART_SVGS=<dir>, and this test draws the same inputs through the
// wasm build and compares the bytes, case by case, both ways (no chart drawn on one side only).

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, test } from "node:test";
import * as cx from "cxmetrics";
import * as light from "cxmetrics/survey";
import { call } from "../shared/vectors.mjs";
import { segmentOf, trendOf } from "../shared/vectors_lifecycle_segments.mjs";
import { resultOf } from "../shared/vectors_service.mjs";
import { loadVectors, rootDir } from "./helpers.mjs";

let dir;
before(() => {
  dir = mkdtempSync(join(tmpdir(), "cxmetrics-charts-"));
  execFileSync("cargo", ["test", "-q", "-p", "cxmetrics", "--test", "chart_svgs"], {
    cwd: rootDir,
    env: { ...process.env, CX_CHART_SVGS: dir },
    stdio: ["ignore", "ignore", "inherit"],
  });
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
});

/** Compares the JS drawing with the native file `name` (absent: JS must not draw either). */
function compare(name, draw, seen) {
  const file = join(dir, `${name}.svg`);
  let svg;
  try {
    svg = draw();
  } catch (e) {
    if (!(e instanceof cx.CxMetricsError)) throw e;
    assert.ok(!existsSync(file), `${name}: the core drew it, JS threw ${e.code}: ${e.message}`);
    return 0;
  }
  assert.ok(existsSync(file), `${name}: JS drew a chart the core did not`);
  assert.equal(svg, readFileSync(file, "utf8"), `${name}: JS toSVG() differs from the core's native SVG`);
  seen.add(`${name}.svg`);
  return 1;
}

const DEFAULT_SCALE = { nps: [0, 10], csat: [1, 5] };

test("every survey vector: toSVG() of distribution and nps equals the core's native SVG", () => {
  const seen = new Set();
  let compared = 0;
  loadVectors("survey").cases.forEach((c, i) => {
    if (c.expected_error) return;
    const scale = c.options?.scale ?? DEFAULT_SCALE[c.function];
    if (scale !== undefined) {
      const options = { scale };
      if (c.options?.on_invalid !== undefined) options.on_invalid = c.options.on_invalid;
      const d = { ...c, function: "distribution", options };
      compared += compare(`survey-${i}-distribution`, () => call(cx, d, "array").toSVG(), seen);
    }
    if (c.function === "nps") compared += compare(`survey-${i}-nps`, () => call(cx, c, "array").toSVG(), seen);
  });
  const native = readdirSync(dir).filter((f) => f.startsWith("survey-"));
  assert.deepEqual([...seen].sort(), native.sort(), "every native chart has its JS twin");
  assert.ok(compared >= 200, `only ${compared} survey charts compared`);
});

test("every segments vector: toSVG() of segment reports and trends equals the core's native SVG", () => {
  const seen = new Set();
  let compared = 0;
  loadVectors("segments").cases.forEach((c, i) => {
    if (c.expected_error) return;
    if (c.function === "segment") compared += compare(`segments-${i}-segments`, () => segmentOf(cx, c).toSVG(), seen);
    else compared += compare(`segments-${i}-trend`, () => trendOf(cx, c).toSVG(), seen);
  });
  const native = readdirSync(dir).filter((f) => f.startsWith("segments-"));
  assert.deepEqual([...seen].sort(), native.sort(), "every native chart has its JS twin");
  assert.ok(compared >= 100, `only ${compared} segment and trend charts compared`);
});

test("every service vector: toSVG() of duration summaries and SLA equals the core's native SVG", () => {
  const seen = new Set();
  let compared = 0;
  loadVectors("service").cases.forEach((c, i) => {
    if (c.expected_error) return;
    const kind = c.function === "sla" ? "sla" : "durations";
    if (!["first_response_time", "requester_wait_time", "resolution_time", "sla"].includes(c.function)) return;
    compared += compare(`service-${i}-${kind}`, () => resultOf(cx, c).toSVG(), seen);
  });
  const native = readdirSync(dir).filter((f) => f.startsWith("service-"));
  assert.deepEqual([...seen].sort(), native.sort(), "every native chart has its JS twin");
  assert.ok(compared >= 100, `only ${compared} duration and SLA charts compared`);
});

test("toSVG() leaves the result's data alone: not a field, not in JSON, not on copies", () => {
  const r = cx.nps([10, 10, 9, 8, 3]);
  assert.ok(!Object.keys(r).includes("chart"));
  assert.ok(!("chart" in r.toJSON()));
  // The core's accessible name, by hand: 3 of 5 promoters, 1 detractor.
  assert.match(
    r.toSVG(),
    /aria-label="NPS 40\.0: promoters 60\.0%, passives 20\.0%, detractors 20\.0%, n = 5; 95% CI /,
  );
  assert.throws(() => Object.getPrototypeOf(r).toSVG.call({ ...r }), TypeError);
  const rows = cx.trend([0, 10], ["2026-01-05T10:00:00Z", "2026-02-03T10:00:00Z"], { minN: 1 });
  assert.deepEqual(Object.keys(rows), ["0", "1"]);
  assert.equal(JSON.stringify(rows)[0], "[");
  assert.match(rows.toSVG(), /2026-01 −100\.0/);
});

test("service results draw: durations and SLA (the core's words)", () => {
  const t = (h, m = 0) => new Date(Date.UTC(2026, 10, 2, h, m));
  const tickets = cx.Tickets.fromRecords([
    { created: t(9), firstResponse: t(9, 1), priority: "high" },
    { created: t(9), firstResponse: t(9, 2), priority: "high" },
    { created: t(9), firstResponse: t(9, 10), priority: "low" },
  ]);
  try {
    const d = cx.firstResponseTime(tickets);
    assert.match(d.toSVG(), /^<svg[\s\S]*median 2\.0 min[\s\S]*<\/svg>$/);
    const s = cx.sla(tickets, { targets: { high: 90, "*": 3600 } });
    assert.match(s.toSVG(), /^<svg[\s\S]*<\/svg>$/);
    assert.ok(!Object.keys(s).includes("chart"));
  } finally {
    tickets.free();
  }
});

test("cxmetrics/survey has no charts: toSVG() says where they are", () => {
  const r = light.nps([10, 9, 3]);
  assert.equal(typeof r.toSVG, "function");
  assert.throws(() => r.toSVG(), /full module only; import "cxmetrics"/);
});
