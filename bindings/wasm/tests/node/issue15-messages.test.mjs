// Issue 15 items 6 and 8: records and columns validate one ticket history the same way
// (the same out_of_order code, index and message, or the same metrics), messages say what
// happened, and Tally.fromJSON turns any object into a CxMetricsError. Columns are
// derived from records by the rule of docs/metrics/service.md ("Derived per ticket"),
// written out here by hand.

import assert from "node:assert/strict";
import { test } from "node:test";
import * as cx from "cxmetrics";

const BASE = Date.parse("2026-11-02T09:00:00Z");
const at = (minutes) => new Date(BASE + minutes * 60_000).toISOString();
const METRICS = ["first_response", "first_resolution", "full_resolution", "requester_wait"];

const ticket = (solved, reopened, extra = {}) => ({
  created: at(0),
  solved: solved.map(at),
  reopened: reopened.map(at),
  agentReplies: 1,
  ...extra,
});

/** first_solved = min(solved); resolved when max(solved) > max(reopened);
 * final_solved = max(solved) when resolved; first_reopened = min(reopened). */
function columnsOf(records) {
  const ms = (xs) => xs.map(Date.parse);
  const final = (r) => {
    if (r.solved.length === 0) return null;
    const last = Math.max(...ms(r.solved));
    return r.reopened.length === 0 || last > Math.max(...ms(r.reopened)) ? last : null;
  };
  return new cx.Tickets({
    created: records.map((r) => r.created),
    firstResponse: records.map((r) => r.firstResponse ?? null),
    firstSolved: records.map((r) => (r.solved.length ? Math.min(...ms(r.solved)) : null)),
    finalSolved: records.map(final),
    firstReopened: records.map((r) => (r.reopened.length ? Math.min(...ms(r.reopened)) : null)),
    agentReplies: records.map((r) => r.agentReplies),
    paused: records.flatMap((r, i) => (r.paused ?? []).map(([a, b]) => [i, a, b])),
  });
}

function refusal(f) {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof cx.CxMetricsError, `${e}`);
    return e;
  }
  assert.fail("accepted");
}

function sameRefusal(records, index, fragment) {
  const a = refusal(() => cx.Tickets.fromRecords(records));
  const b = refusal(() => columnsOf(records));
  assert.deepEqual([a.code, a.index], ["out_of_order", index], a.message);
  assert.deepEqual([b.code, b.index, b.message], [a.code, a.index, a.message]);
  assert.ok(a.message.startsWith(`ticket at index ${index}: `), a.message);
  assert.ok(a.message.includes(fragment), `${a.message} lacks ${fragment}`);
  assert.ok(!a.message.includes("precede the ticket's creation"), a.message);
}

function sameMetrics(records) {
  const r = cx.Tickets.fromRecords(records);
  const c = columnsOf(records);
  for (const denominator of ["resolved", "created"]) {
    const [x, y] = [cx.fcr(r, { denominator }), cx.fcr(c, { denominator })];
    assert.deepEqual([x.count, x.n], [y.count, y.n]);
  }
  for (const m of METRICS) assert.deepEqual(cx.ticketDurations(r, m), cx.ticketDurations(c, m), m);
}

test("events before creation: one message and index from records and columns", () => {
  const ok = ticket([60], []);
  sameRefusal([ok, { ...ok, firstResponse: at(-5) }], 1, "the first response is before the ticket was created");
  sameRefusal([ok, ticket([-60], [])], 1, "a solve is before the ticket was created");
  sameRefusal([ticket([60], [-30])], 0, "a reopen is before the ticket was created");
});

test("the first ticket that fails is reported, whichever rule it breaks", () => {
  sameRefusal([{ ...ticket([60], []), firstResponse: at(-5) }, ticket([-60], [])], 0, "first response");
  const badPause = ticket([60], [], { paused: [[at(30), at(20)]] });
  sameRefusal([badPause, ticket([60], [30])], 0, "a paused interval ends before it starts");
});

test("reopens follow a solve, in both forms", () => {
  const fragment = "a reopen does not follow a solve";
  sameRefusal([ticket([], [30])], 0, fragment);
  sameRefusal([ticket([], []), ticket([60], [30])], 1, fragment);
  sameRefusal([ticket([60, 120], [30])], 0, fragment);
  sameMetrics([ticket([60], [60])]); // same instant: the solve comes first
  sameMetrics([ticket([60, 180], [120])]);
  sameMetrics([ticket([60, 90], [120]), ticket([60], [])]); // solved twice, then reopened: open
});

test("pauses: refused alike, overlaps merged alike", () => {
  sameRefusal([ticket([240], [], { paused: [[at(30), at(20)]] })], 0, "a paused interval ends before it starts");
  sameRefusal(
    [ticket([240], [], { paused: [[at(-10), at(20)]] })],
    0,
    "a paused interval starts before the ticket was created",
  );
  const overlapping = [
    ticket([240], [], {
      paused: [
        [at(40), at(70)],
        [at(10), at(50)],
      ],
    }),
  ];
  sameMetrics(overlapping);
  // 240 min to the solve, less the union 10…70 of the pauses
  assert.deepEqual(cx.ticketDurations(cx.Tickets.fromRecords(overlapping), "requester_wait"), [180 * 60]);
});

test("as_of: the same error from both forms, saying what happened", () => {
  const records = [ticket([60], []), ticket([60, 180], [120])];
  const [a, b] = [cx.Tickets.fromRecords(records), columnsOf(records)].map((t) =>
    refusal(() => cx.ticketDurations(t, "first_response", { asOf: at(150) })),
  );
  assert.deepEqual([a.code, a.index], ["out_of_order", 1]);
  assert.equal(b.message, a.message);
  assert.ok(a.message.includes("after the as-of instant") && !a.message.includes("creation"), a.message);
});

test("columns state only what the events allow", () => {
  const cases = [
    [null, 60, null, "a final solve without a first solve"],
    [60, 30, null, "the final solve is before the first solve"],
    [30, 45, 60, "the final solve is not after the first reopen"], // the case
    [30, 60, 60, "the final solve is not after the first reopen"],
    [null, null, 60, "a reopen does not follow a solve"],
  ];
  const col = (m) => [m === null ? null : at(m)];
  for (const [first, final, reopen, fragment] of cases) {
    const e = refusal(
      () =>
        new cx.Tickets({
          created: [at(0)],
          firstSolved: col(first),
          finalSolved: col(final),
          firstReopened: col(reopen),
        }),
    );
    assert.deepEqual([e.code, e.index], ["out_of_order", 0]);
    assert.ok(e.message.includes(fragment), e.message);
  }
});

test("length mismatches name their inputs, in camelCase", () => {
  const e = refusal(() => new cx.Tickets({ created: [at(0), at(0)], agentReplies: [1, 1, 1] }));
  assert.equal(e.code, "length_mismatch");
  assert.equal(e.message, "created and agentReplies: lengths differ (2 vs 3)");
  const s = refusal(() => cx.segment([9, 9], ["a", "b", "c"]));
  assert.deepEqual([s.code, s.message], ["length_mismatch", "keys and scores: lengths differ (3 vs 2)"]);
});

test("instants out of range say so", () => {
  const far = refusal(() => new cx.Tickets({ created: ["9999-12-31T23:00:00Z"] }));
  assert.equal(far.code, "invalid_argument");
  assert.match(far.message, /out of the supported range/);
  const local = refusal(() => new cx.Tickets({ created: ["2026-11-02T09:00:00"] }));
  assert.match(local.message, /has no UTC offset/);
  const impossible = refusal(() => new cx.Tickets({ created: ["2026-13-01T09:00:00Z"] }));
  assert.match(impossible.message, /is not a valid instant/);
});

test("Tally.fromJSON: BigInts, cycles, deep nesting, throwing toJSON are invalid_format", () => {
  const json = cx.Tally.fromCounts([0, 10], [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2]).toJSON();
  const cyclic = { ...json };
  cyclic.self = cyclic;
  let deepObject = {};
  for (let i = 0; i < 200_000; i++) deepObject = { a: deepObject };
  let deepArray = [];
  for (let i = 0; i < 200_000; i++) deepArray = [deepArray];
  const bad = {
    "a BigInt": { ...json, missing: 1n },
    "a nested BigInt": { ...json, scale: { min: 0n, max: 10 } },
    "a cycle": cyclic,
    "a deep object": deepObject,
    "a deep array": deepArray,
    "deeply nested text": "[".repeat(500_000) + "]".repeat(500_000),
    "a deep counts field": JSON.stringify({ ...json, counts: "X" }).replace(
      '"X"',
      "[".repeat(100_000) + "]".repeat(100_000),
    ),
    "a symbol value": { ...json, missing: Symbol("x") },
    "a function value": { ...json, counts: () => 1 },
    "a throwing toJSON": {
      toJSON: () => {
        throw new RangeError("no");
      },
    },
    "a toJSON without a value": { toJSON: () => undefined },
  };
  for (const [what, value] of Object.entries(bad)) {
    const e = refusal(() => cx.Tally.fromJSON(value));
    assert.equal(e.code, "invalid_format", what);
    assert.ok(e.message.startsWith("invalid serialized tally: "), `${what}: ${e.message}`);
  }
  // still readable afterwards
  assert.equal(cx.Tally.fromJSON(json).n, 3);
});
