// Bad input for every export added by issues 3–5: never a trap (WebAssembly.RuntimeError)
// or another error type; always a CxMetricsError with a known code, or a TypeError.

import assert from "node:assert/strict";
import { test } from "node:test";
import * as cx from "cxmetrics";
import { errorCodes } from "./helpers.mjs";

const CODES = new Set(errorCodes());

function show(x) {
  try {
    return String(x).slice(0, 20);
  } catch {
    return typeof x;
  }
}

function safely(label, fn) {
  try {
    fn();
    return "ok";
  } catch (e) {
    if (e instanceof cx.CxMetricsError) {
      assert.ok(CODES.has(e.code), `${label}: unknown code ${e.code}`);
      assert.ok(e.index === null || Number.isInteger(e.index), `${label}: index ${e.index}`);
      return e.code;
    }
    if (e instanceof TypeError) return "TypeError";
    assert.fail(`${label}: threw ${e?.constructor?.name} ${e?.message}`);
  }
}

const BAD = [
  undefined,
  null,
  NaN,
  Infinity,
  -Infinity,
  -1,
  0,
  0.5,
  1.5,
  2 ** 53 + 2,
  1e300,
  -1e300,
  Number.MIN_VALUE,
  "",
  "x",
  "2026-11-02T09:00:00",
  "2026-11-02T09:00:00Z",
  "x".repeat(100_000),
  true,
  1n,
  Symbol("s"),
  () => 1,
  {},
  [],
  [null],
  [NaN, Infinity],
  ["a", 1],
  [[]],
  new Date(NaN),
  new Date(8.64e15),
  new Float64Array([NaN, -1]),
  new Uint8Array(3),
  new Proxy({}, {}),
  Object.create(null),
];

test("statistics: bad arguments never trap", () => {
  const r = cx.nps([10, 9, 0]);
  for (const x of BAD) {
    for (const [label, f] of [
      ["interval", () => r.interval(x)],
      ["interval level", () => r.interval({ level: x })],
      ["interval method", () => r.interval({ method: x })],
      ["margin", () => r.marginOfError({ level: x })],
      ["compare", () => cx.compare(r, x)],
      ["compare options", () => cx.compare(r, r, x)],
      ["pairedNps", () => cx.pairedNps(x, [9, 9])],
      ["pairedNps 2", () => cx.pairedNps([1, 2], x)],
      ["meanOf", () => cx.meanOf(x, { weights: x })],
      ["meanOf cells", () => cx.meanOf([x, 1], { weights: [1, x] }).interval()],
      ["proportionInterval", () => cx.proportionInterval(x, 10)],
      ["npsInterval", () => cx.npsInterval(1, x, 2)],
      ["sampleSizeNps", () => cx.sampleSizeNps(x)],
      ["sampleSizeProportion", () => cx.sampleSizeProportion(5, { p: x })],
      ["sampleSizeMean", () => cx.sampleSizeMean(1, { sd: x })],
      ["sampleSizeNpsDifference", () => cx.sampleSizeNpsDifference(x, { power: x })],
      ["sampleSizeProportionDifference", () => cx.sampleSizeProportionDifference(x, 50)],
      ["adjustPValues", () => cx.adjustPValues(x)],
      ["adjustPValues method", () => cx.adjustPValues([0.1], { method: x })],
    ]) {
      safely(`${label}(${show(x)})`, f);
    }
  }
  assert.equal(cx.nps([10]).n, 1, "still works");
});

test("service metrics: bad arguments never trap", () => {
  const t = cx.Tickets.fromRecords([
    {
      created: "2026-11-02T09:00:00Z",
      firstResponse: "2026-11-02T09:10:00Z",
      solved: ["2026-11-02T10:00:00Z"],
      priority: "high",
    },
  ]);
  const s = new cx.Schedule("UTC", [["mon", "09:00", "17:00"]]);
  for (const x of BAD) {
    for (const [label, f] of [
      ["Schedule tz", () => new cx.Schedule(x, [["mon", "09:00", "17:00"]])],
      ["Schedule windows", () => new cx.Schedule("UTC", x)],
      ["Schedule window", () => new cx.Schedule("UTC", [[x, x, x]])],
      ["Schedule holidays", () => new cx.Schedule("UTC", [["mon", "09:00", "17:00"]], x)],
      ["Schedule holiday", () => new cx.Schedule("UTC", [["mon", "09:00", "17:00"]], [x])],
      ["businessSeconds", () => s.businessSeconds(x, "2026-11-02T09:00:00Z")],
      ["addBusiness", () => s.addBusiness("2026-11-02T09:00:00Z", x)],
      ["addBusiness start", () => s.addBusiness(x, 60)],
      ["Tickets", () => new cx.Tickets(x)],
      ["Tickets created", () => new cx.Tickets({ created: x })],
      ["Tickets created[0]", () => new cx.Tickets({ created: [x] })],
      ["Tickets column", () => new cx.Tickets({ created: [0], firstSolved: [x], agentReplies: [x] })],
      ["Tickets paused", () => new cx.Tickets({ created: [0], paused: [[x, x, x]] })],
      ["Tickets labels", () => new cx.Tickets({ created: [0], channel: x, priority: [x] })],
      ["fromRecords", () => cx.Tickets.fromRecords(x)],
      ["fromRecords record", () => cx.Tickets.fromRecords([x])],
      [
        "fromRecords fields",
        () => cx.Tickets.fromRecords([{ created: x, solved: [x], paused: [[x, x]], agentReplies: x }]),
      ],
      ["firstResponseTime", () => cx.firstResponseTime(x)],
      ["firstResponseTime options", () => cx.firstResponseTime(t, { asOf: x, schedule: x })],
      ["resolutionTime kind", () => cx.resolutionTime(t, { kind: x })],
      ["requesterWaitTime", () => cx.requesterWaitTime(t, { asOf: x })],
      ["ticketDurations", () => cx.ticketDurations(t, x)],
      ["percentile", () => cx.firstResponseTime(t).percentile(x)],
      ["fcr", () => cx.fcr(t, { maxAgentReplies: x, maxCustomerFollowups: x })],
      ["fcr period", () => cx.fcr(t, { period: [x, x], reopenWindow: x, denominator: x })],
      ["sla", () => cx.sla(t, { targets: x })],
      ["sla target", () => cx.sla(t, { targets: { high: x }, metric: x })],
      ["handleTime", () => cx.handleTime(x, { hold: x })],
      ["handleTime cells", () => cx.handleTime([x, 1], { wrap: [1, x] })],
    ]) {
      safely(`${label}(${show(x)})`, f);
    }
  }
  assert.equal(cx.fcr(t).n, 1, "still works");
});

test("business metrics, segments and trends: bad arguments never trap", () => {
  for (const x of BAD) {
    for (const [label, f] of [
      ["conversionRate", () => cx.conversionRate(x, 10)],
      ["retentionRate", () => cx.retentionRate(10, x, 1)],
      ["churnRate", () => cx.churnRate(1, 10, x)],
      [
        "churnRate options",
        () => cx.churnRate(1, 10, { denominator: x, upForRenewal: x, end: x, periodsPerYear: x, annualize: x }),
      ],
      ["clvFromChurn", () => cx.clvFromChurn(x, { margin: x, churn: x })],
      ["clvFromRetention", () => cx.clvFromRetention(50, { retention: x })],
      ["revenueRetention", () => cx.revenueRetention(x, { expansion: x, contraction: x, churned: x })],
      ["segment scores", () => cx.segment(x, ["a"])],
      ["segment by", () => cx.segment([10], x)],
      ["segment key", () => cx.segment([10, 9], [x, "a"])],
      ["segment columns", () => cx.segment([10, 9], [["a", "b"], x])],
      ["segment options", () => cx.segment([10], ["a"], x)],
      ["segment metric", () => cx.segment([10], ["a"], { metric: x, scale: x, threshold: x })],
      ["segment report", () => cx.segment([10], ["a"], { minN: x, level: x, method: x, weights: x })],
      ["segment buckets", () => cx.segment([10], ["a"], { buckets: x, higherIsBetter: x })],
      ["trend times", () => cx.trend([10], x)],
      ["trend time", () => cx.trend([10], [x])],
      ["trend options", () => cx.trend([10], [0], { period: x, timeZone: x })],
      ["trend report", () => cx.trend([10], [0], { adjust: x, alpha: x, rollingDays: x, minN: x })],
    ]) {
      safely(`${label}(${show(x)})`, f);
    }
  }
  assert.equal(cx.segment([10], ["a"]).overall.n, 1, "still works");
});

test("no wasm memory leak in the issue 3–5 functions (results, errors, freed tickets and schedules)", async () => {
  const { createRequire } = await import("node:module");
  const { join } = await import("node:path");
  const { pkgDir } = await import("./helpers.mjs");
  const raw = createRequire(import.meta.url)(join(pkgDir, "node", "cxmetrics_wasm.js"));
  const n = 20_000;
  const scores = Float64Array.from({ length: n }, (_, i) => i % 11);
  const keys = Array.from({ length: n }, (_, i) => `k${i % 50}`);
  const times = Float64Array.from({ length: n }, (_, i) => Date.UTC(2026, 0, 1) + i * 3_600_000);
  const created = Array.from({ length: 2000 }, (_, i) => Date.UTC(2026, 0, 5) + i * 60_000);
  const response = created.map((t) => t + 1_800_000);
  const round = () => {
    const r = cx.nps(scores);
    r.interval();
    cx.compare(r, r);
    cx.segment(scores, keys);
    cx.trend(scores, times);
    const t = new cx.Tickets({
      created,
      firstResponse: response,
      priority: created.map((_, i) => (i % 2 ? "high" : null)),
    });
    const s = new cx.Schedule("Europe/Berlin", [["mon", "09:00", "17:00"]]);
    cx.firstResponseTime(t, { schedule: s }).percentile(0.5);
    cx.sla(t, { targets: { "*": 3600 } });
    assert.throws(() => cx.segment(scores, keys, { metric: "nss" }), cx.CxMetricsError);
    assert.throws(() => cx.sla(t, { targets: {} }), cx.CxMetricsError);
    t.free();
    s.free();
  };
  round();
  const before = raw.memoryBytes();
  for (let i = 0; i < 40; i++) round();
  assert.ok(raw.memoryBytes() <= before + 4 * 2 ** 20, `memory grew from ${before} to ${raw.memoryBytes()}`);
});
