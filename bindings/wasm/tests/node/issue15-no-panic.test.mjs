// Issue 15, item 2: negative years, the first / last instants and huge rollingDays give
// rows or a CxMetricsError — never a trap — and thousands of errors in a row leave the
// module working.

import assert from "node:assert/strict";
import { test } from "node:test";
import * as cx from "cxmetrics";

test("a negative year is a period (the issue's example)", () => {
  const rows = cx.trend([9], ["-000001-06-01T00:00:00Z"], { minN: 1 });
  assert.equal(rows.length, 1);
  assert.deepEqual([rows[0].label, rows[0].n, rows[0].score], ["-0001-06", 1, 100]);
  const times = ["2026-01-01T00:00:00Z", "-000001-06-30T23:59:59Z", "0000-01-05T00:00:00Z", "-000001-06-01T00:00:00Z"];
  assert.deepEqual(
    cx.trend([6, 0, 10, 9], times, { minN: 1 }).map((r) => r.label),
    ["-0001-06", "0000-01", "2026-01"],
  );
  for (const [period, want] of [
    ["day", "-0001-06-01"],
    ["quarter", "-0001-Q2"],
    ["week", "-0001-W22"],
  ]) {
    assert.deepEqual(
      cx.trend([9], times.slice(3), { period, minN: 1 }).map((r) => r.label),
      [want],
    );
  }
});

test("huge rollingDays hold every earlier day (2**31, 2**32 - 1, beyond jiff's span limit)", () => {
  const times = ["-009999-01-02T01:59:59Z", "-000001-06-01T00:00:00Z", "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"];
  for (const days of [7_304_484, 7_304_485, 2 ** 31, 2 ** 32 - 1]) {
    const rows = cx.trend([10, 0, 9, 6], times, { period: "day", rollingDays: days, minN: 1 });
    assert.deepEqual(
      rows.map((r) => r.n),
      [1, 2, 3, 4],
      `${days}`,
    );
    // cumulative NPS by hand: 1/1, (1-1)/2, (2-1)/3, (2-2)/4
    const want = [100, 0, 100 / 3, 0];
    rows.forEach((r, i) => {
      assert.ok(Math.abs(r.score - want[i]) < 1e-12, `${days}: ${r.score}`);
    });
    assert.equal(rows[3].label, `2026-01-02 (last ${days} d)`);
  }
  for (const days of [0, 2 ** 32]) {
    assert.throws(
      () => cx.trend([9], ["2026-01-01T00:00:00Z"], { period: "day", rollingDays: days }),
      (e) => e instanceof cx.CxMetricsError && e.code === "invalid_argument",
    );
  }
});

test("2,000 errors in a row, then normal calls still work", () => {
  for (let i = 0; i < 2000; i++) {
    assert.throws(
      () => cx.trend([9], ["2026-01-01T00:00:00Z"], { period: "month", rollingDays: 7 }),
      (e) => e instanceof cx.CxMetricsError && e.code === "invalid_argument",
    );
    assert.throws(
      () => cx.nps([10, 11]),
      (e) => e instanceof cx.CxMetricsError && e.code === "out_of_scale",
    );
  }
  assert.ok(Math.abs(cx.nps([10, 9, 0]).score - 100 / 3) < 1e-12);
  const rows = cx.trend([9, 0], ["-000001-06-01T00:00:00Z", "2026-01-01T00:00:00Z"], {
    period: "day",
    rollingDays: 2 ** 32 - 1,
    minN: 1,
  });
  assert.deepEqual(
    rows.map((r) => r.n),
    [1, 2],
  );
});
