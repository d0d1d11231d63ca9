// Named cases of issue 5 (business metrics, segments, trends), run in Node
// (tests/node/business.test.mjs) and in headless Chromium.

import { close, deepEqual, equal, ok, throws } from "./assert.mjs";

export const cases = [];
const add = (name, fn) => cases.push([name, fn]);
const repeat = (x, n) => new Array(n).fill(x);
const round4 = (x) => Math.round(x * 1e4) / 1e4;

// ───────────────────────────── business metrics ─────────────────────────────

add("business metrics: reference values", (cx) => {
  const c = cx.conversionRate(45, 1500);
  deepEqual([c.score, c.count, c.n], [3, 45, 1500]);
  const [lo, hi] = c.interval();
  deepEqual([round4(lo), round4(hi)], [2.2496, 3.9905], "Wilson");
  close(c.marginOfError(), (hi - lo) / 2, 1e-12);
  const monthly = cx.churnRate(100, 1000, { periodsPerYear: 12 });
  equal(monthly.score, 10);
  close(monthly.annualized, 71.7570463519, 1e-9, "compound: 1 − 0.9^12, not 120 %");
  close(cx.churnRate(100, 1000, { periodsPerYear: 12, annualize: "simple" }).annualized, 120, 1e-12);
  equal(cx.churnRate(100, 1000).annualized, null);
  equal(cx.churnRate(30, 1000, { denominator: "up_for_renewal", upForRenewal: 200 }).n, 200);
  equal(cx.churnRate(30, 1000, { denominator: "average", end: 1001 }).n, 1000.5);
  equal(cx.retentionRate(1000, 1030, 80).score, 95);
  equal(cx.clvFromChurn(50, { margin: 0.8, churn: 4 }), 1000);
  close(cx.clvFromRetention(50, { retention: 96 }), 1250, 1e-12);
  close(cx.clvFromRetention(50, { retention: 96 }), cx.clvFromChurn(50, { margin: 1, churn: 4 }), 1e-12);
  const rr = cx.revenueRetention(100000, { expansion: 15000, contraction: 3000, churned: 7000 });
  deepEqual([rr.score, rr.gross], [105, 90], "NRR counts expansion, GRR does not");
  deepEqual(Object.keys(rr), ["score", "gross", "start", "expansion", "contraction", "churned"]);
  equal(rr.interval, undefined, "a ratio of amounts has no interval");
  throws(() => cx.revenueRetention(100, { expansion: 50, contraction: 60, churned: 41 }), {
    code: "invalid_argument",
    message: /`churned`/,
  });
  throws(() => cx.revenueRetention(100, { expansion: 1, contraction: 0 }), {
    code: "invalid_argument",
    message: /churned/,
  });
  throws(() => cx.revenueRetention(0, { expansion: 1, contraction: 0, churned: 0 }), { code: "empty" });
});

add("rates have intervals and compare; frozen, JSON without the estimate", (cx) => {
  const c = cx.compare(cx.conversionRate(60, 1000), cx.conversionRate(45, 1000));
  equal(c.method, "pooled_z");
  close(c.difference, 1.5, 1e-12);
  const churn = cx.churnRate(50, 1000);
  equal(churn.interval({ method: "clopper_pearson" }).method, "clopper_pearson");
  close(cx.compare(churn, cx.churnRate(70, 1000)).difference, -2, 1e-12);
  deepEqual(churn.toJSON(), { score: 5, annualized: null, churned: 50, n: 1000 });
  deepEqual(cx.retentionRate(1000, 1030, 80).toJSON(), { score: 95, count: 950, n: 1000 });
  ok(Object.isFrozen(churn));
});

add("business metrics: bad input", (cx) => {
  throws(() => cx.conversionRate(0, 0), { type: cx.CxMetricsError, code: "empty" });
  throws(() => cx.conversionRate(10, 5), { code: "invalid_argument", message: /conversions/ });
  for (const bad of [-1, NaN, Infinity]) {
    throws(() => cx.conversionRate(bad, 100), { code: "invalid_argument" });
    throws(() => cx.churnRate(bad, 100), { code: "invalid_argument" });
    throws(() => cx.retentionRate(100, 100, bad), { code: "invalid_argument" });
    throws(() => cx.clvFromChurn(bad, { margin: 0.5, churn: 5 }), { code: "invalid_argument" });
    throws(() => cx.clvFromRetention(50, { retention: bad }), { code: "invalid_argument" });
  }
  throws(() => cx.churnRate(0, 0), { code: "empty" });
  throws(() => cx.churnRate(1, 10, { periodsPerYear: 0 }), { code: "invalid_argument", message: /`periodsPerYear`/ });
  throws(() => cx.churnRate(1, 10, { denominator: "end" }), { code: "invalid_argument", message: /denominator/ });
  throws(() => cx.churnRate(1, 10, { periodsPerYear: 12, annualize: "linear" }), {
    code: "invalid_argument",
    message: /annualize/,
  });
  throws(() => cx.churnRate(1, 10, { denominator: "up_for_renewal" }), {
    code: "invalid_argument",
    message: /`upForRenewal`: denominator "up_for_renewal" needs this count/,
  });
  throws(() => cx.churnRate(1, 10, { denominator: "average" }), {
    code: "invalid_argument",
    message: /`end`: denominator "average" needs this count/,
  });
  throws(() => cx.churnRate(1, 10, { end: 12 }), { code: "invalid_argument", message: /only used with/ });
  throws(() => cx.churnRate(1, 10, { denominator: "average", end: 12, upForRenewal: 5 }), {
    code: "invalid_argument",
    message: /only used with/,
  });
  throws(() => cx.clvFromChurn(50, { margin: 0.8, churn: 0 }), { code: "invalid_argument", message: /churn/ });
  throws(() => cx.clvFromChurn(50, { margin: 80, churn: 5 }), { code: "invalid_argument", message: /margin/ });
  throws(() => cx.clvFromChurn(50, { churn: 5 }), { code: "invalid_argument", message: /margin/ });
  throws(() => cx.clvFromRetention(50, { retention: 100 }), { code: "invalid_argument", message: /retention/ });
  throws(() => cx.conversionRate(1, 10).interval({ level: 1.5 }), { code: "invalid_argument", message: /level/ });
  for (const f of [
    () => cx.conversionRate("45", 1500),
    () => cx.churnRate(true, 10),
    () => cx.churnRate(1, 10, { denominator: 1 }),
    () => cx.churnRate(1, 10, { periods_per_year: 12 }),
    () => cx.retentionRate(null, 1, 1),
    () => cx.clvFromChurn(50, { margin: "0.8", churn: 4 }),
    () => cx.clvFromChurn(50, 0.8, 4),
  ]) {
    throws(f, { type: TypeError });
  }
});

// ───────────────────────────── segments ─────────────────────────────

add("segment: the overall NPS is the merged counts, not the mean of the segments", (cx) => {
  const scores = [...repeat(10, 12), ...repeat(10, 1000), ...repeat(8, 1000), ...repeat(0, 3000)];
  const region = [...repeat("north", 12), ...repeat("south", 5000)];
  const t = cx.segment(scores, region);
  const [north, south] = t.rows;
  deepEqual([north.key, north.n, north.score, north.lowN], [["north"], 12, 100, true]);
  deepEqual([south.key, south.n, south.score, south.lowN], [["south"], 5000, -40, false]);
  const meanOfSegments = (north.score + south.score) / 2;
  equal(meanOfSegments, 30);
  close(t.overall.score, (100 * (1012 - 3000)) / 5012, 1e-9, "−39.66…, from merged counts");
  close(t.overall.score, cx.nps(scores).score, 1e-9);
  ok(Math.abs(t.overall.score - meanOfSegments) > 60);
  deepEqual([t.overall.key, t.overall.n, t.overall.share, t.overall.impact], [[], 5012, 1, null]);
  close(north.share, 12 / 5012, 1e-12);
  close(north.impact, t.overall.score - south.score, 1e-9, "overall minus everyone else");
  ok(north.lower !== null && north.lower < north.score && north.score <= north.upper, "adjusted Wald shrinks");
});

add("segment: multi-column keys, one column alone or in a list, typed arrays", (cx) => {
  const scores = [10, 9, 0, 3, 10, 8, 7, 1];
  const channel = ["chat", "chat", "email", "email", "chat", "email", "chat", "email"];
  const year = [2025, 2026, 2025, 2026, 2025, 2025, 2026, 2026];
  const base = cx.segment(scores, [channel, year], { minN: 1 });
  deepEqual(
    base.rows.map((r) => r.key),
    [
      ["chat", 2025],
      ["chat", 2026],
      ["email", 2025],
      ["email", 2026],
    ],
  );
  deepEqual(cx.segment(scores, [channel, Int16Array.from(year)], { minN: 1 }).toJSON(), base.toJSON());
  deepEqual(cx.segment(Uint8Array.from(scores), [channel, year], { minN: 1 }).toJSON(), base.toJSON());
  const one = cx.segment(scores, channel, { minN: 1 });
  deepEqual(cx.segment(scores, [channel], { minN: 1 }).toJSON(), one.toJSON());
  deepEqual(
    one.rows.map((r) => r.key),
    [["chat"], ["email"]],
  );
});

add('segment: integer keys sort first, numerically; 10 and "10" stay apart', (cx) => {
  const t = cx.segment([10, 0, 9, 3, 10], [10, "10", 2, "a", 10], { minN: 1 });
  deepEqual(
    t.rows.map((r) => r.key),
    [[2], [10], ["10"], ["a"]],
  );
  deepEqual(
    t.rows.map((r) => r.n),
    [1, 2, 1, 1],
  );
  const ints = cx.segment([10, 0, 9, 3, 10], Uint8Array.of(3, 1, 3, 2, 1), { minN: 1 });
  deepEqual(
    ints.rows.map((r) => r.key),
    [[1], [2], [3]],
  );
  deepEqual(
    cx.segment([10, 0], [-0, 0], { minN: 1 }).rows.map((r) => r.key),
    [[0]],
    "-0 is 0",
  );
});

add("segment: weights, other metrics, an all-missing segment, skipped rows", (cx) => {
  const t = cx.segment([5, 4, null, null, 1], ["a", "a", "b", "b", "c"], {
    metric: "csat",
    minN: 1,
    weights: [1, 3, 1, 1, 2],
  });
  const [a, b, c] = t.rows;
  equal(a.score, 100);
  close(a.share, 4 / 6, 1e-12);
  equal(c.score, 0);
  deepEqual([b.n, b.missing, b.score, b.lower, b.share], [0, 2, null, null, 0]);
  close(t.overall.score, (100 * 4) / 6, 1e-9);
  const m = cx.segment([1, 2, 3, 4], ["x", "x", "y", "z"], { metric: "mean", scale: [1, 5], minN: 1 });
  deepEqual([m.rows[1].score, m.rows[1].lower], [3, null], "a mean of one response has no interval");
  const ces = cx.segment([7, 6, 2, 1], ["x", "x", "y", "y"], {
    metric: "ces",
    scale: [1, 7],
    higherIsBetter: true,
    cesMethod: "net_effort",
    minN: 1,
  });
  deepEqual(
    ces.rows.map((r) => r.score),
    [100, -100],
  );
  const box = cx.segment([5, 4, 2, 1], ["x", "x", "y", "y"], {
    metric: "bottom_box",
    scale: [1, 5],
    threshold: 1,
    minN: 1,
  });
  deepEqual(
    box.rows.map((r) => r.score),
    [0, 50],
  );
  const nps = cx.segment([5, 4, 1], ["x", "x", "y"], {
    buckets: { detractorMax: 2, promoterMin: 5 },
    scale: [1, 5],
    minN: 1,
    level: 0.8,
    method: "wald",
  });
  equal(nps.rows[0].score, 50);
  const skip = cx.segment([10, 11, 9.5, 9], ["x", "x", "y", "y"], { onInvalid: "skip", minN: 1 });
  deepEqual([skip.rows.map((r) => r.invalid), skip.overall.invalid], [[1, 1], 2]);
});

add("segment: a frozen report { rows, overall } with JSON", (cx) => {
  const t = cx.segment([10, 0], ["a", "b"], { minN: 1 });
  deepEqual(Object.keys(t), ["rows", "overall"]);
  deepEqual(Object.keys(t.rows[0]), [
    "key",
    "n",
    "missing",
    "invalid",
    "share",
    "score",
    "lower",
    "upper",
    "lowN",
    "impact",
  ]);
  const j = t.toJSON();
  deepEqual(
    j.rows.map((r) => r.key),
    [["a"], ["b"]],
  );
  deepEqual(j.overall.key, []);
  deepEqual(JSON.parse(JSON.stringify(t)), j);
  ok(Object.isFrozen(t) && Object.isFrozen(t.rows) && Object.isFrozen(t.rows[0]) && Object.isFrozen(t.rows[0].key));
  deepEqual(cx.segment([10, 0], ["a", "b"], { minN: 1 }).toJSON(), j, "deterministic");
});

add("segment: bad values are CxMetricsErrors", (cx) => {
  throws(() => cx.segment([10, 9, 0], ["a", "b"]), { type: cx.CxMetricsError, code: "length_mismatch" });
  throws(() => cx.segment([10, 9], [["a", "b"], ["x"]]), { code: "length_mismatch" });
  throws(() => cx.segment([10, 9], ["a", "b"], { weights: [1] }), { code: "length_mismatch" });
  throws(() => cx.segment([10, 9, 0, 11], ["a", "b", "b", "a"]), { code: "out_of_scale", index: 3 });
  throws(() => cx.segment([], []), { code: "empty" });
  throws(() => cx.segment([null, null], ["a", "b"]), { code: "empty" });
  for (const [by, index] of [
    [["a", null, "b"], 1],
    [["a", "b", undefined], 2],
    [["a", "b", NaN], 2],
    [
      [
        ["a", "b", "c"],
        ["x", null, "y"],
      ],
      1,
    ],
  ]) {
    throws(() => cx.segment([10, 9, 0], by), { code: "invalid_argument", index, message: /missing/ });
  }
  throws(() => cx.segment([10], ["a"], { metric: "nss" }), { code: "invalid_argument", message: /metric/ });
  throws(() => cx.segment([10], ["a"], { threshold: 9 }), { code: "invalid_argument", message: /does not apply/ });
  throws(() => cx.segment([5], ["a"], { metric: "csat", buckets: { detractorMax: 6, promoterMin: 9 } }), {
    code: "invalid_argument",
    message: /does not apply/,
  });
  throws(() => cx.segment([5], ["a"], { metric: "mean", scale: [1, 5], higherIsBetter: true }), {
    code: "invalid_argument",
    message: /does not apply/,
  });
  throws(() => cx.segment([5], ["a"], { metric: "top_box", scale: [1, 5], csatMethod: "mean" }), {
    code: "invalid_argument",
    message: /does not apply/,
  });
  throws(() => cx.segment([10], ["a"], { level: 1 }), { code: "invalid_argument", message: /level/ });
  throws(() => cx.segment([10], ["a"], { method: "wilson" }), { code: "invalid_argument", message: /method/ });
  throws(() => cx.segment([10], ["a"], { minN: -1 }), { code: "invalid_argument", message: /minN/ });
  throws(() => cx.segment([5], ["a"], { scale: [1, 5] }), { code: "scale_mismatch" });
  throws(() => cx.segment([5], ["a"], { metric: "csat", csatMethod: "median" }), {
    code: "invalid_argument",
    message: /csatMethod/,
  });
  throws(() => cx.segment([5], ["a"], { metric: "ces", scale: [1, 5] }), {
    code: "invalid_argument",
    message: /higherIsBetter/,
  });
  throws(() => cx.segment([5], ["a"], { metric: "mean" }), { code: "invalid_argument", message: /scale/ });
});

add("segment: wrong types are a TypeError", (cx) => {
  for (const by of [[true, false], [1.5, 2.5], [new Date(), new Date()], "ab", 5, null, { a: 1 }, [1n, 2n], [{}, {}]]) {
    throws(() => cx.segment([10, 9], by), { type: TypeError }, String(by));
  }
  throws(
    () => cx.segment([10, 9], [[1], [2]]),
    { type: cx.CxMetricsError, code: "length_mismatch" },
    "two one-row columns",
  );
  throws(() => cx.segment([5], ["a"], { metric: "ces", scale: [1, 5], higherIsBetter: 1 }), {
    type: TypeError,
    message: /boolean/,
  });
  for (const options of [
    { metric: 1 },
    { minN: 2.5 },
    { level: "0.9" },
    { scale: "1-5" },
    { onInvalid: true },
    { min_n: 1 },
    { csatMethod: 1 },
  ]) {
    throws(() => cx.segment([10], ["a"], options), { type: TypeError }, JSON.stringify(options));
  }
  throws(() => cx.segment("10", ["a"]), { type: TypeError });
  throws(() => cx.segment(new cx.Tally([0, 10], [10]), ["a"]), { type: TypeError });
});

// ───────────────────────────── trends ─────────────────────────────

const MONTHS = [
  ...repeat("2026-01-10T12:00:00Z", 40),
  ...repeat("2026-02-10T12:00:00Z", 40),
  ...repeat("2026-03-10T12:00:00Z", 5),
];

add("trend: a monthly trend with one significant change and one low-n month", (cx) => {
  const scores = [...repeat(10, 10), ...repeat(0, 30), ...repeat(10, 35), ...repeat(0, 5), ...repeat(10, 5)];
  const rows = cx.trend(scores, MONTHS);
  const [jan, feb, mar] = rows;
  deepEqual(
    rows.map((r) => r.label),
    ["2026-01", "2026-02", "2026-03"],
  );
  deepEqual([jan.start, jan.score, jan.change, jan.pValue], ["2026-01-01", -50, null, null]);
  ok(feb.change === 125 && feb.pValue !== null && feb.pValue < 1e-6);
  ok(feb.pAdjusted === feb.pValue && feb.significant, "one comparison: Holm changes nothing");
  ok(mar.lowN && mar.change === null && !mar.significant);
  deepEqual(Object.keys(jan), [
    "start",
    "label",
    "n",
    "missing",
    "score",
    "lower",
    "upper",
    "lowN",
    "change",
    "pValue",
    "pAdjusted",
    "significant",
  ]);
  ok(Object.isFrozen(rows) && Object.isFrozen(jan));
  deepEqual(
    JSON.parse(JSON.stringify(rows)),
    rows.map((r) => r.toJSON()),
  );
});

add("trend: local dates (Berlin month boundary), ISO weeks across years, quarters, rolling days", (cx) => {
  const times = ["2026-01-31T23:30:00Z", "2026-02-01T10:00:00+01:00"];
  deepEqual(
    cx.trend([10, 9], times, { minN: 1 }).map((r) => r.label),
    ["2026-01", "2026-02"],
  );
  deepEqual(
    cx.trend([10, 9], times, { timeZone: "Europe/Berlin", minN: 1 }).map((r) => r.label),
    ["2026-02"],
  );
  const weeks = cx.trend([10, 9, 0], ["2025-12-29T12:00:00Z", "2027-01-01T12:00:00Z", "2026-06-15T12:00:00Z"], {
    period: "week",
    minN: 1,
  });
  deepEqual(
    weeks.map((r) => [r.label, r.start]),
    [
      ["2026-W01", "2025-12-29"],
      ["2026-W25", "2026-06-15"],
      ["2026-W53", "2026-12-28"],
    ],
  );
  const q = cx.trend([10, 9], ["2026-02-01T00:00:00Z", "2026-05-01T00:00:00Z"], { period: "quarter", minN: 1 });
  deepEqual(
    q.map((r) => r.label),
    ["2026-Q1", "2026-Q2"],
  );
  const days = cx.trend(
    [10, 0, 9, 9],
    ["2026-03-01T10:00:00Z", "2026-03-02T10:00:00Z", "2026-03-03T10:00:00Z", "2026-03-05T10:00:00Z"],
    {
      period: "day",
      rollingDays: 2,
      minN: 1,
    },
  );
  deepEqual(
    days.map((r) => r.label),
    ["2026-03-01 (last 2 d)", "2026-03-02 (last 2 d)", "2026-03-03 (last 2 d)", "2026-03-05 (last 2 d)"],
  );
  deepEqual(
    days.map((r) => r.n),
    [1, 2, 2, 1],
  );
  deepEqual(cx.trend([], []), []);
});

add("trend: times as ISO strings, Dates or epoch milliseconds; weights", (cx) => {
  const scores = [10, 0, 9];
  const iso = ["2026-01-05T10:00:00Z", "2026-01-20T10:00:00Z", "2026-02-03T10:00:00Z"];
  const base = cx.trend(scores, iso, { minN: 1 }).map((r) => r.toJSON());
  for (const times of [
    iso.map((s) => new Date(s)),
    iso.map((s) => Date.parse(s)),
    Float64Array.from(iso, (s) => Date.parse(s)),
  ]) {
    deepEqual(
      cx.trend(scores, times, { minN: 1 }).map((r) => r.toJSON()),
      base,
    );
  }
  equal(cx.trend(Uint8Array.from(scores), iso, { minN: 1, weights: [1, 1, 2] })[1].score, 100);
});

add("trend: bad input", (cx) => {
  throws(() => cx.trend([10, 9], ["2026-01-05T10:00:00Z"]), { type: cx.CxMetricsError, code: "length_mismatch" });
  throws(() => cx.trend([10, 9], ["2026-01-05T10:00:00Z", null]), {
    code: "invalid_argument",
    index: 1,
    message: /missing/,
  });
  throws(() => cx.trend([10], ["2026-01-05T10:00:00"]), { code: "invalid_argument", index: 0, message: /offset/ });
  throws(() => cx.trend([10], ["2026-01-05T10:00:00Z"], { timeZone: "Europe/Paris2" }), { code: "unknown_time_zone" });
  throws(() => cx.trend([10, 12], ["2026-01-05T10:00:00Z", "2026-03-05T10:00:00Z"]), {
    code: "out_of_scale",
    index: 1,
  });
  const one = ["2026-01-05T10:00:00Z"];
  for (const [options, match] of [
    [{ period: "year" }, /period/],
    [{ adjust: "bonferroni" }, /holm/],
    [{ alpha: 0 }, /alpha/],
    [{ alpha: NaN }, /alpha/],
    [{ rollingDays: 7 }, /daily/],
    [{ period: "day", rollingDays: 0 }, /daily/],
    [{ rollingDays: -1 }, /rollingDays/],
    [{ metric: "csat", higherIsBetter: true }, /does not apply/],
  ]) {
    throws(() => cx.trend([10], one, options), { code: "invalid_argument", message: match }, JSON.stringify(options));
  }
  for (const options of [
    { period: 1 },
    { timeZone: 0 },
    { alpha: "0.05" },
    { rollingDays: 1.5 },
    { time_zone: "UTC" },
  ]) {
    throws(() => cx.trend([10], one, options), { type: TypeError }, JSON.stringify(options));
  }
  throws(() => cx.trend([10], "2026-01-05T10:00:00Z"), { type: TypeError });
  // text answers (issue 13; full module): a number written as text is read, other text is unknown_label
  throws(() => cx.trend(["ten"], one), { code: "unknown_label", index: 0 });
  throws(() => cx.trend([10], [true]), { type: TypeError });
});
