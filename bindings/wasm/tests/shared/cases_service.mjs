// Named service-metric cases (issue 4), run in Node (tests/node/service.test.mjs) and in
// headless Chromium: DST in New York and Berlin, holidays, after-hours tickets, every
// instant form, summaries, FCR, SLA, handle time, and bad input.

import { close, deepEqual, equal, ok, throws } from "./assert.mjs";

export const cases = [];
const add = (name, fn) => cases.push([name, fn]);

const NY = "America/New_York";
const BERLIN = "Europe/Berlin";
const HOUR = 3600;
const OFFICE = ["mon", "tue", "wed", "thu", "fri"].map((d) => [d, "09:00", "17:00"]);
const iso = (s) => new Date(s).toISOString();

// ───────────────────────────── DST ─────────────────────────────

for (const [zone, label, start, end, weekday, hours] of [
  [NY, "New York spring forward", "2026-03-08T00:00:00-05:00", "2026-03-09T00:00:00-04:00", "sun", 23],
  [NY, "New York fall back", "2026-11-01T00:00:00-04:00", "2026-11-02T00:00:00-05:00", "sun", 25],
  [BERLIN, "Berlin spring forward", "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00", "sun", 23],
  [BERLIN, "Berlin fall back", "2026-10-25T00:00:00+02:00", "2026-10-26T00:00:00+01:00", "sun", 25],
]) {
  add(`DST: ${label} — a 24 h window lasts ${hours} h, 09:00–17:00 lasts 8 h`, (cx) => {
    equal(
      new cx.Schedule(zone, [[weekday, "00:00", "00:00"]]).businessSeconds(start, end),
      hours * HOUR,
      "00:00–00:00",
    );
    equal(new cx.Schedule(zone, [[weekday, "09:00", "17:00"]]).businessSeconds(start, end), 8 * HOUR, "09:00–17:00");
    equal(
      new cx.Schedule(zone, [[weekday, "00:00", "06:00"]]).businessSeconds(start, end),
      (hours - 18) * HOUR,
      "00:00–06:00",
    );
  });
}

add("DST: a window opening inside the New York gap opens at the transition", (cx) => {
  const s = new cx.Schedule(NY, [["sun", "02:30", "10:00"]]);
  equal(s.businessSeconds("2026-03-08T00:00:00-05:00", "2026-03-09T00:00:00-04:00"), 7 * HOUR);
  equal(iso(s.addBusiness("2026-03-08T00:00:00-05:00", 0)), "2026-03-08T07:00:00.000Z", "03:00 EDT");
});

add("DST: a boundary in the New York fall-back hour is its first occurrence", (cx) => {
  const s = new cx.Schedule(NY, [["sun", "00:00", "01:30"]]);
  equal(s.businessSeconds("2026-11-01T00:00:00-04:00", "2026-11-02T00:00:00-05:00"), 1.5 * HOUR);
});

add("DST: business and calendar durations of a ticket across spring forward", (cx) => {
  const s = new cx.Schedule(NY, [
    ["sun", "00:00", "00:00"],
    ["mon", "09:00", "17:00"],
  ]);
  const t = new cx.Tickets({ created: ["2026-03-07T20:00:00-05:00"], firstResponse: ["2026-03-09T10:00:00-04:00"] });
  equal(cx.firstResponseTime(t, { schedule: s }).median, (23 + 1) * HOUR, "Sunday is 23 h, Monday 1 h");
  equal(cx.firstResponseTime(t).median, 37 * HOUR, "calendar");
});

// ───────────────────────────── holidays, after hours ─────────────────────────────

add("a weekday holiday is closed (Berlin, Monday 2026-12-28)", (cx) => {
  const windows = [
    ["mon", "09:00", "17:00"],
    ["tue", "09:00", "17:00"],
  ];
  const s = new cx.Schedule(BERLIN, windows, ["2026-12-28"]);
  const a = "2026-12-28T08:00:00+01:00";
  const b = "2026-12-29T12:00:00+01:00";
  equal(s.businessSeconds(a, b), 3 * HOUR);
  equal(new cx.Schedule(BERLIN, windows).businessSeconds(a, b), 11 * HOUR, "without the holiday");
  equal(iso(s.addBusiness(a, HOUR)), "2026-12-29T09:00:00.000Z", "counting starts at the next opening");
});

add("a ticket opened and answered after hours: business 0, calendar > 0", (cx) => {
  const office = new cx.Schedule(NY, OFFICE);
  const t = new cx.Tickets({ created: ["2026-11-10T19:00:00-05:00"], firstResponse: ["2026-11-10T20:00:00-05:00"] });
  const business = cx.firstResponseTime(t, { schedule: office });
  const calendar = cx.firstResponseTime(t);
  deepEqual([business.median, calendar.median], [0, HOUR]);
  deepEqual([business.clock, calendar.clock], ["business", "calendar"]);
});

add("start before opening and end after closing on the same day: the whole window", (cx) => {
  const office = new cx.Schedule(NY, OFFICE);
  equal(office.businessSeconds("2026-11-10T07:00:00-05:00", "2026-11-10T19:30:00-05:00"), 8 * HOUR);
  const t = new cx.Tickets({
    created: ["2026-11-10T07:00:00-05:00"],
    firstSolved: ["2026-11-10T19:30:00-05:00"],
    finalSolved: ["2026-11-10T19:30:00-05:00"],
  });
  equal(cx.resolutionTime(t, { schedule: office }).median, 8 * HOUR);
  equal(cx.resolutionTime(t).median, 12.5 * HOUR);
});

add("Schedule: weekday forms, timeZone, toString, add_business semantics", (cx) => {
  const a = new cx.Schedule(NY, OFFICE);
  const start = "2026-11-09T00:00:00-05:00";
  const end = "2026-11-16T00:00:00-05:00";
  for (const windows of [
    OFFICE.map(([d, s, e]) => [d.toUpperCase(), s, e]),
    ["Monday", "tuesday", "WEDNESDAY", "thursday", "friday"].map((d) => [d, "09:00:00", "17:00:00"]),
    [0, 1, 2, 3, 4].map((d) => [d, "09:00", "17:00"]),
  ]) {
    equal(new cx.Schedule(NY, windows).businessSeconds(start, end), 40 * HOUR);
  }
  equal(new cx.Schedule(NY, OFFICE, ["2026-11-11"]).businessSeconds(start, end), 32 * HOUR);
  equal(a.timeZone, NY);
  equal(String(a), "Schedule(America/New_York, 5 windows, 0 holidays)");
  const s = new cx.Schedule(
    "UTC",
    ["thu", "fri", "mon"].map((d) => [d, "09:00", "17:00"]),
  );
  const due = s.addBusiness(new Date("2026-11-26T15:00:00Z"), 8 * HOUR);
  ok(due instanceof Date);
  equal(iso(due), "2026-11-27T15:00:00.000Z");
  equal(iso(s.addBusiness("2026-11-26T16:00:00Z", HOUR)), "2026-11-26T17:00:00.000Z", "lands on the close");
  equal(iso(s.addBusiness("2026-11-26T17:00:00Z", 0)), "2026-11-27T09:00:00.000Z", "half-open windows");
  const night = new cx.Schedule("UTC", [["fri", "22:00", "06:00"]]);
  equal(night.businessSeconds("2026-11-27T00:00:00Z", "2026-11-29T00:00:00Z"), 8 * HOUR, "overnight");
});

// ───────────────────────────── instants ─────────────────────────────

add("instants: ISO with an offset or Z, Date and epoch milliseconds give the same tickets", (cx) => {
  const created = ["2026-11-02T09:00:00-05:00", "2026-11-02T10:00:00-05:00"];
  const response = ["2026-11-02T09:30:00-05:00", null];
  const base = cx.ticketDurations(new cx.Tickets({ created, firstResponse: response }), "first_response");
  deepEqual(base, [1800, null]);
  const forms = [
    [created.map((s) => new Date(s)), response.map((s) => (s === null ? null : new Date(s)))],
    [created.map((s) => Date.parse(s)), response.map((s) => (s === null ? NaN : Date.parse(s)))],
    [Float64Array.from(created, (s) => Date.parse(s)), [new Date("2026-11-02T14:30:00Z"), undefined]],
    [
      ["2026-11-02T14:00:00Z", "2026-11-02T16:00:00+01:00"],
      ["2026-11-02T15:30:00+01:00", null],
    ],
  ];
  for (const [c, r] of forms) {
    deepEqual(
      cx.ticketDurations(new cx.Tickets({ created: c, firstResponse: r }), "first_response"),
      base,
      JSON.stringify([c, r]),
    );
  }
  const s = new cx.Schedule("UTC", OFFICE);
  equal(s.businessSeconds(Date.parse("2026-11-02T09:00:00Z"), new Date("2026-11-02T10:00:00Z")), HOUR);
  // fractions of a millisecond are kept
  const t = new cx.Tickets({ created: [0.25], firstResponse: [1.5] });
  close(cx.ticketDurations(t, "first_response")[0], 0.00125, 1e-12);
});

add("instants: an ISO string without an offset is invalid_argument (never guessed)", (cx) => {
  for (const bad of ["2026-11-02T09:00:00", "2026-11-02", "yesterday", "2026-11-02T25:00:00Z"]) {
    throws(() => new cx.Tickets({ created: ["2026-11-02T09:00:00Z", bad] }), {
      type: cx.CxMetricsError,
      code: "invalid_argument",
      index: 1,
      message: /created\[1\]/,
    });
  }
  throws(() => new cx.Tickets({ created: ["2026-11-02T09:00:00"] }), {
    code: "invalid_argument",
    index: 0,
    message: /offset/,
  });
  throws(() => new cx.Schedule("UTC", OFFICE).businessSeconds("2026-11-02T09:00", "2026-11-02T10:00:00Z"), {
    code: "invalid_argument",
    message: /offset/,
  });
  throws(() => cx.Tickets.fromRecords([{ created: "2026-11-02T09:00:00Z" }, { created: "2026-11-02 09:00" }]), {
    code: "invalid_argument",
    index: 1,
    message: /records\[1\]\.created/,
  });
  throws(
    () => cx.firstResponseTime(new cx.Tickets({ created: ["2026-11-02T09:00:00Z"] }), { asOf: "2026-11-02T10:00" }),
    {
      code: "invalid_argument",
      message: /offset/,
    },
  );
});

add("instants: an invalid Date is invalid_argument; other types are a TypeError", (cx) => {
  throws(() => new cx.Tickets({ created: [new Date("2026-11-02T09:00:00Z"), new Date("garbage")] }), {
    type: cx.CxMetricsError,
    code: "invalid_argument",
    index: 1,
  });
  for (const bad of [true, {}, [], 1n, Symbol("t"), () => 1]) {
    throws(() => new cx.Tickets({ created: [bad] }), { type: TypeError, message: /created\[0\]/ });
    throws(() => new cx.Schedule("UTC", OFFICE).businessSeconds(bad, "2026-11-02T09:00:00Z"), { type: TypeError });
  }
  throws(() => new cx.Schedule("UTC", OFFICE).businessSeconds(null, "2026-11-02T09:00:00Z"), { type: TypeError });
  throws(() => new cx.Tickets({ created: [1e20] }), { code: "invalid_argument", index: 0, message: /range/ });
  throws(() => new cx.Tickets({ created: [Infinity] }), { code: "invalid_argument", index: 0 });
  throws(() => new cx.Tickets({ created: [NaN] }), { code: "invalid_argument", index: 0, message: /missing/ });
});

// ───────────────────────────── tickets and metrics ─────────────────────────────

const RECORDS = [
  {
    created: "2026-11-02T09:00:00Z",
    firstResponse: "2026-11-02T09:10:00Z",
    solved: ["2026-11-02T10:00:00Z", "2026-11-02T12:00:00Z"],
    reopened: ["2026-11-02T11:00:00Z"],
    agentReplies: 2,
    customerFollowups: 1,
    paused: [["2026-11-02T09:20:00Z", "2026-11-02T09:40:00Z"]],
    channel: "email",
    priority: "high",
  },
  { created: "2026-11-02T09:30:00Z", solved: ["2026-11-02T09:45:00Z"], agentReplies: 1, channel: null, priority: null },
];

add("records and columns agree; length, toString, free", (cx) => {
  const a = cx.Tickets.fromRecords(RECORDS);
  const b = new cx.Tickets({
    created: ["2026-11-02T09:00:00Z", "2026-11-02T09:30:00Z"],
    firstResponse: ["2026-11-02T09:10:00Z", null],
    firstSolved: ["2026-11-02T10:00:00Z", "2026-11-02T09:45:00Z"],
    finalSolved: ["2026-11-02T12:00:00Z", "2026-11-02T09:45:00Z"],
    firstReopened: ["2026-11-02T11:00:00Z", null],
    agentReplies: Uint8Array.of(2, 1),
    customerFollowups: [1, 0],
    paused: [[0, "2026-11-02T09:20:00Z", "2026-11-02T09:40:00Z"]],
    channel: ["email", null],
    priority: ["high", undefined],
  });
  deepEqual([a.length, b.length, String(a)], [2, 2, "Tickets(n=2)"]);
  for (const metric of ["first_response", "first_resolution", "full_resolution", "requester_wait"]) {
    deepEqual(cx.ticketDurations(a, metric), cx.ticketDurations(b, metric), metric);
  }
  deepEqual(cx.fcr(a).toJSON(), cx.fcr(b).toJSON());
  deepEqual(cx.sla(a, { targets: { "*": 600 } }).toJSON(), cx.sla(b, { targets: { "*": 600 } }).toJSON());
  deepEqual(cx.requesterWaitTime(a).toJSON(), cx.requesterWaitTime(b).toJSON());
  a.free();
  throws(() => a.length, { type: TypeError, message: /freed/ });
  throws(() => cx.fcr(a), { type: TypeError, message: /freed/ });
  equal(String(a), "Tickets(freed)");
  equal(cx.Tickets.fromRecords([]).length, 0);
});

add("requesterWaitTime leaves out the solved period (created, solved, reopened four days later, solved)", (cx) => {
  // Thu 10:00 → Fri 15:00 (29 h) + Tue 15:00 → 17:00 (2 h) of calendar wait, not the four days solved
  const t = cx.Tickets.fromRecords([
    {
      created: "2026-11-05T10:00:00-05:00",
      solved: ["2026-11-06T15:00:00-05:00", "2026-11-10T17:00:00-05:00"],
      reopened: ["2026-11-10T15:00:00-05:00"],
    },
  ]);
  equal(cx.requesterWaitTime(t).median, 31 * HOUR);
  equal(cx.resolutionTime(t).median, 127 * HOUR);
  const office = new cx.Schedule(NY, OFFICE);
  equal(cx.requesterWaitTime(t, { schedule: office }).median, 15 * HOUR); // 7 h + 6 h + 2 h
  const cols = new cx.Tickets({
    created: ["2026-11-05T10:00:00-05:00"],
    firstSolved: ["2026-11-06T15:00:00-05:00"],
    finalSolved: ["2026-11-10T17:00:00-05:00"],
    firstReopened: ["2026-11-10T15:00:00-05:00"],
  });
  deepEqual(cx.ticketDurations(cols, "requester_wait", { schedule: office }), [15 * HOUR]);
});

add("overlapping pauses from two sources are merged, counted once", (cx) => {
  // pending 10:00–12:00 and a third party 11:00–13:00: paused 10:00–13:00
  const z = (hm) => `2026-11-16T${hm}:00-05:00`;
  const t = new cx.Tickets({
    created: [z("08:00")],
    firstSolved: [z("16:00")],
    finalSolved: [z("16:00")],
    paused: [
      [0, z("10:00"), z("12:00")],
      [0, z("11:00"), z("13:00")],
    ],
  });
  deepEqual(cx.ticketDurations(t, "requester_wait"), [5 * HOUR]);
});

add("resolutionTime: kind defaults to full", (cx) => {
  const t = cx.Tickets.fromRecords([
    {
      created: "2026-11-02T09:00:00Z",
      solved: ["2026-11-02T10:00:00Z", "2026-11-02T12:00:00Z"],
      reopened: ["2026-11-02T11:00:00Z"],
    },
  ]);
  deepEqual(cx.resolutionTime(t).toJSON(), cx.resolutionTime(t, { kind: "full" }).toJSON());
  deepEqual([cx.resolutionTime(t).median, cx.resolutionTime(t, { kind: "first" }).median], [3 * HOUR, HOUR]);
});

add("DurationSummary: fields, percentile, Kaplan–Meier median, frozen, JSON", (cx) => {
  const t = new cx.Tickets({
    created: new Array(6).fill("2026-11-02T09:00:00Z"),
    firstResponse: [
      "2026-11-02T09:01:00Z",
      "2026-11-02T09:02:00Z",
      "2026-11-02T09:03:00Z",
      "2026-11-02T09:04:00Z",
      null,
      null,
    ],
  });
  const s = cx.firstResponseTime(t, { asOf: "2026-11-02T09:30:00Z" });
  deepEqual([s.n, s.open, s.mean, s.median, s.min, s.max], [4, 2, 150, 150, 60, 240]);
  close(s.p90, 222, 1e-12);
  equal(s.percentile(0.9), s.p90);
  equal(s.percentile(0), 60);
  equal(s.kmMedian, 180, "the two open tickets (censored at 30 min) are still at risk");
  deepEqual(Object.keys(s), ["n", "open", "mean", "median", "p90", "min", "max", "kmMedian", "clock"]);
  deepEqual(JSON.parse(JSON.stringify(s)), s.toJSON());
  ok(Object.isFrozen(s));
  for (const q of [1.5, -0.1, NaN])
    throws(() => s.percentile(q), { type: cx.CxMetricsError, code: "invalid_argument" });
  for (const q of ["0.5", null, undefined]) throws(() => s.percentile(q), { type: TypeError });
  const d = cx.firstResponseTime(t, { asOf: new Date("2026-11-02T09:30:00Z") });
  deepEqual(d.toJSON(), s.toJSON(), "asOf as a Date");
});

add("fcr: options, interval, compare", (cx) => {
  const t = cx.Tickets.fromRecords([
    { created: "2026-11-02T09:00:00Z", solved: ["2026-11-02T09:20:00Z"], agentReplies: 1 },
    {
      created: "2026-11-02T09:00:00Z",
      solved: ["2026-11-02T10:00:00Z"],
      reopened: ["2026-11-02T12:00:00Z"],
      agentReplies: 1,
      customerFollowups: 2,
    },
    { created: "2026-11-03T09:00:00Z", agentReplies: 0 },
  ]);
  deepEqual([cx.fcr(t).count, cx.fcr(t).n], [1, 2]);
  equal(cx.fcr(t, { reopenWindow: 3600 }).count, 2, "the reopen came 2 h after the solve");
  equal(cx.fcr(t, { reopenWindow: 7200 }).count, 1, "equality fails");
  equal(cx.fcr(t, { reopenWindow: 3600, maxCustomerFollowups: 0 }).count, 1);
  equal(cx.fcr(t, { maxAgentReplies: 0 }).count, 0);
  equal(cx.fcr(t, { maxAgentReplies: null, reopenWindow: 3600 }).count, 2, "null: any number of replies");
  const created = cx.fcr(t, { denominator: "created" });
  deepEqual([created.n, created.denominator], [3, "created"]);
  equal(cx.fcr(t, { denominator: "created", period: ["2026-11-03T00:00:00Z", new Date("2026-11-04T00:00:00Z")] }).n, 1);
  deepEqual(Object.keys(cx.fcr(t)), ["score", "count", "n", "denominator"]);
  equal(cx.fcr(t).interval().method, "wilson");
  ok(cx.fcr(t).marginOfError() > 0);
  equal(cx.compare(cx.fcr(t), cx.fcr(t, { reopenWindow: 3600 })).method, "pooled_z");
});

add("sla: rows per priority, overall, untargeted, interval of a row", (cx) => {
  const t = new cx.Tickets({
    created: new Array(4).fill("2026-11-02T09:00:00Z"),
    priority: ["high", "high", "low", "urgent"],
    firstResponse: ["2026-11-02T09:30:00Z", "2026-11-02T11:00:00Z", null, "2026-11-02T09:05:00Z"],
  });
  const r = cx.sla(t, { targets: { high: 3600, low: 3 * HOUR } }); // asOf: 11:00, the latest event
  deepEqual(
    r.rows.map((row) => row.priority),
    ["high", "low"],
  );
  deepEqual([r.untargeted, r.overall.running, r.overall.priority, r.overall.target], [1, 1, null, null]);
  deepEqual([r.rows[1].score, r.rows[1].running], [null, 1]);
  throws(() => r.rows[1].interval(), { type: cx.CxMetricsError, code: "empty" });
  equal(r.rows[0].interval({ level: 0.9, method: "jeffreys" }).method, "jeffreys");
  deepEqual(Object.keys(r), ["rows", "overall", "untargeted", "metric", "clock"]);
  deepEqual(Object.keys(r.rows[0]), ["priority", "target", "achieved", "breached", "running", "n", "score"]);
  const j = r.toJSON();
  deepEqual([j.rows[0].priority, j.overall.priority], ["high", null]);
  deepEqual(JSON.parse(JSON.stringify(r)), j);
  ok(Object.isFrozen(r) && Object.isFrozen(r.rows) && Object.isFrozen(r.rows[0]));
  const res = cx.sla(t, { targets: { "*": 600 }, metric: "full_resolution" });
  deepEqual([res.metric, res.overall.breached, res.overall.n], ["full_resolution", 4, 4]);
});

add("handleTime: components, typed arrays, interval", (cx) => {
  const r = cx.handleTime(Float64Array.of(300, 420, NaN), { hold: [60, 0, 10], wrap: Uint16Array.of(120, 60, 30) });
  deepEqual([r.score, r.n, r.missing, r.talk, r.hold, r.wrap, r.stdDev], [480, 2, 1, 360, 30, 90, 0]);
  equal(r.interval().method, "t");
  const spread = cx.handleTime([300, 420, 200]);
  ok(spread.interval().lower >= 0 && spread.marginOfError() > 0);
  deepEqual([cx.handleTime([100]).stdDev, cx.handleTime([100]).hold], [null, 0]);
  throws(() => cx.handleTime([100]).interval(), { code: "insufficient_data" });
  deepEqual(Object.keys(r), ["score", "n", "missing", "talk", "hold", "wrap", "stdDev"]);
});

// ───────────────────────────── bad input ─────────────────────────────

add("Schedule: bad values are CxMetricsErrors with codes and indices", (cx) => {
  throws(() => new cx.Schedule("Mars/Olympus", OFFICE), { type: cx.CxMetricsError, code: "unknown_time_zone" });
  throws(() => new cx.Schedule("America", OFFICE), { code: "unknown_time_zone" });
  throws(() => new cx.Schedule("UTC", []), { code: "empty_schedule" });
  throws(
    () =>
      new cx.Schedule("UTC", [
        ["mon", "09:00", "17:00"],
        ["mon", "16:00", "18:00"],
      ]),
    { code: "overlapping_windows" },
  );
  throws(
    () =>
      new cx.Schedule("UTC", [
        ["sun", "22:00", "06:00"],
        ["mon", "05:00", "09:00"],
      ]),
    { code: "overlapping_windows" },
  );
  for (const [windows, index] of [
    [[["funday", "09:00", "17:00"]], 0],
    [
      [
        ["mon", "09:00", "17:00"],
        ["tue", "25:00", "17:00"],
      ],
      1,
    ],
    [[["mon", "09:60", "17:00"]], 0],
    [[["mon", "9am", "17:00"]], 0],
    [[[7, "09:00", "17:00"]], 0],
    [[[-1, "09:00", "17:00"]], 0],
  ]) {
    throws(() => new cx.Schedule("UTC", windows), {
      code: "invalid_argument",
      index,
      message: new RegExp(`windows\\[${index}\\]`),
    });
  }
  throws(() => new cx.Schedule("UTC", OFFICE, ["2026-12-25", "2026-02-30"]), {
    code: "invalid_argument",
    index: 1,
    message: /holidays\[1\]/,
  });
  const s = new cx.Schedule("UTC", OFFICE);
  throws(() => s.businessSeconds("2026-11-02T10:00:00Z", "2026-11-02T09:00:00Z"), { code: "out_of_order" });
  for (const seconds of [-1, NaN, Infinity, -Infinity]) {
    throws(() => s.addBusiness("2026-11-02T09:00:00Z", seconds), { code: "invalid_argument", message: /seconds/ });
  }
  const mondays = Array.from({ length: 600 }, (_, k) =>
    new Date(Date.UTC(2026, 10, 30 + 7 * k)).toISOString().slice(0, 10),
  );
  throws(() => new cx.Schedule("UTC", [["mon", "09:00", "17:00"]], mondays).addBusiness("2026-11-29T00:00:00Z", 60), {
    code: "invalid_argument",
    message: /opening time/,
  });
  s.free();
  throws(() => s.businessSeconds("2026-11-02T09:00:00Z", "2026-11-02T10:00:00Z"), {
    type: TypeError,
    message: /freed/,
  });
});

add("Schedule: wrong types are a TypeError", (cx) => {
  for (const windows of [
    "mon 09:00-17:00",
    [["mon", "09:00"]],
    [["mon", 9, 17]],
    [["mon", "09:00", "17:00", "x"]],
    [[true, "09:00", "17:00"]],
    [[1.5, "09:00", "17:00"]],
    null,
    { mon: ["09:00", "17:00"] },
  ]) {
    throws(() => new cx.Schedule("UTC", windows), { type: TypeError }, JSON.stringify(windows));
  }
  throws(() => new cx.Schedule(undefined, OFFICE), { type: TypeError });
  throws(() => new cx.Schedule(5, OFFICE), { type: TypeError });
  for (const holidays of [["2026-12-25", new Date(Date.UTC(2026, 11, 26))], [20261225], "2026-12-25"]) {
    throws(() => new cx.Schedule("UTC", OFFICE, holidays), { type: TypeError });
  }
  throws(() => new cx.Schedule("UTC", OFFICE, [new Date()]), {
    type: TypeError,
    message: /instant, not a calendar date/,
  });
  throws(() => new cx.Schedule("UTC", OFFICE).addBusiness("2026-11-02T09:00:00Z", "1h"), { type: TypeError });
});

add("tickets: out_of_order names the ticket", (cx) => {
  const e = throws(
    () =>
      cx.Tickets.fromRecords([
        { created: "2026-11-02T09:00:00Z", solved: ["2026-11-02T10:00:00Z"] },
        { created: "2026-11-02T09:00:00Z", solved: ["2026-11-01T10:00:00Z"] },
      ]),
    { type: cx.CxMetricsError, code: "out_of_order", index: 1 },
  );
  ok(/index 1/.test(e.message), e.message);
  throws(
    () =>
      new cx.Tickets({
        created: new Array(3).fill("2026-11-02T09:00:00Z"),
        firstSolved: [null, null, "2026-11-02T08:00:00Z"],
      }),
    {
      code: "out_of_order",
      index: 2,
    },
  );
  throws(
    () =>
      new cx.Tickets({
        created: ["2026-11-02T09:00:00Z"],
        firstSolved: ["2026-11-02T10:00:00Z"],
        finalSolved: ["2026-11-02T09:30:00Z"],
      }),
    { code: "out_of_order", index: 0 },
  );
  // a pause that ends before it starts (overlapping pauses are merged, not refused)
  throws(
    () =>
      new cx.Tickets({
        created: ["2026-11-02T09:00:00Z"],
        paused: [[0, "2026-11-02T09:30:00Z", "2026-11-02T09:10:00Z"]],
      }),
    {
      code: "out_of_order",
      index: 0,
    },
  );
  // a reopen must follow a solve
  throws(() => new cx.Tickets({ created: ["2026-11-02T09:00:00Z"], firstReopened: ["2026-11-02T10:00:00Z"] }), {
    code: "out_of_order",
    index: 0,
  });
  throws(
    () =>
      cx.Tickets.fromRecords([
        { created: "2026-11-02T09:00:00Z" },
        { created: "2026-11-02T09:00:00Z", solved: ["2026-11-02T11:00:00Z"], reopened: ["2026-11-02T10:00:00Z"] },
      ]),
    { code: "out_of_order", index: 1 },
  );
  const t = new cx.Tickets({
    created: new Array(2).fill("2026-11-02T09:00:00Z"),
    firstResponse: [null, "2026-11-02T12:00:00Z"],
  });
  throws(() => cx.firstResponseTime(t, { asOf: "2026-11-02T10:00:00Z" }), { code: "out_of_order", index: 1 });
});

add("tickets: column errors", (cx) => {
  throws(
    () =>
      new cx.Tickets({ created: new Array(2).fill("2026-11-02T09:00:00Z"), firstResponse: ["2026-11-02T09:30:00Z"] }),
    {
      code: "length_mismatch",
    },
  );
  throws(() => new cx.Tickets({ created: ["2026-11-02T09:00:00Z", null] }), {
    code: "invalid_argument",
    index: 1,
    message: /created/,
  });
  const one = ["2026-11-02T09:00:00Z"];
  throws(() => new cx.Tickets({ created: [...one, ...one], agentReplies: [1, -1] }), {
    code: "invalid_argument",
    index: 1,
    message: /agentReplies/,
  });
  throws(() => new cx.Tickets({ created: one, agentReplies: [null] }), {
    code: "invalid_argument",
    index: 0,
    message: /missing/,
  });
  throws(() => new cx.Tickets({ created: one, customerFollowups: [1.5] }), { code: "invalid_argument", index: 0 });
  throws(() => new cx.Tickets({ created: one, paused: [[3, "2026-11-02T09:10:00Z", "2026-11-02T09:30:00Z"]] }), {
    code: "invalid_argument",
    message: /paused/,
  });
  throws(() => new cx.Tickets({ created: one, paused: [[0, "2026-11-02T09:10:00Z", null]] }), {
    code: "invalid_argument",
    index: 0,
    message: /both ends/,
  });
  throws(() => new cx.Tickets({ created: one, paused: [[-1, "2026-11-02T09:10:00Z", "2026-11-02T09:30:00Z"]] }), {
    code: "invalid_argument",
  });
  for (const bad of ["2026-11-02T09:00:00Z", new Date(), 5, null, undefined, { created: "2026-11-02T09:00:00Z" }]) {
    throws(() => new cx.Tickets(bad), { type: TypeError });
  }
  for (const extra of [
    { channel: [1] },
    { priority: "high" },
    { agentReplies: ["1"] },
    { agentReplies: [true] },
    { paused: [["0", "2026-11-02T09:10:00Z", "2026-11-02T09:30:00Z"]] },
    { paused: [[0, "2026-11-02T09:10:00Z"]] },
    { firstResponse: [true] },
    { first_response: one },
    { firstResponse: "2026-11-02T09:30:00Z" },
  ]) {
    throws(() => new cx.Tickets({ created: one, ...extra }), { type: TypeError }, JSON.stringify(extra));
  }
});

add("tickets: record errors", (cx) => {
  throws(
    () =>
      cx.Tickets.fromRecords([
        { created: "2026-11-02T09:00:00Z" },
        { created: "2026-11-02T09:00:00Z", firstReponse: null },
      ]),
    { type: cx.CxMetricsError, code: "invalid_argument", index: 1, message: /unknown key "firstReponse"/ },
  );
  throws(() => cx.Tickets.fromRecords([{ created: "2026-11-02T09:00:00Z", first_response: null }]), {
    code: "invalid_argument",
    message: /camelCase/,
  });
  throws(() => cx.Tickets.fromRecords([{ solved: ["2026-11-02T09:00:00Z"] }]), {
    code: "invalid_argument",
    index: 0,
    message: /created/,
  });
  throws(() => cx.Tickets.fromRecords([{ created: "2026-11-02T09:00:00Z", agentReplies: -2 }]), {
    code: "invalid_argument",
    index: 0,
  });
  throws(
    () =>
      cx.Tickets.fromRecords([
        { created: "2026-11-02T09:00:00Z" },
        { created: "2026-11-02T09:00:00Z", solved: [null] },
      ]),
    {
      code: "invalid_argument",
      index: 1,
      message: /records\[1\]\.solved/,
    },
  );
  throws(
    () =>
      cx.Tickets.fromRecords([
        { created: "2026-11-02T09:00:00Z" },
        { created: "2026-11-02T09:00:00Z", reopened: ["2026-11-02T09:00:00Z", "soon"] },
      ]),
    { code: "invalid_argument", index: 1, message: /records\[1\]\.reopened/ },
  );
  for (const bad of [
    [["2026-11-02T09:00:00Z"]],
    "records",
    [null],
    [{ created: "2026-11-02T09:00:00Z", solved: "2026-11-02T10:00:00Z" }],
    [{ created: "2026-11-02T09:00:00Z", agentReplies: "1" }],
    [{ created: "2026-11-02T09:00:00Z", channel: 3 }],
    [{ created: "2026-11-02T09:00:00Z", paused: [["2026-11-02T09:10:00Z"]] }],
    [{ created: true }],
  ]) {
    throws(() => cx.Tickets.fromRecords(bad), { type: TypeError }, JSON.stringify(bad));
  }
});

add("metric arguments: wrong types are a TypeError, bad values invalid_argument", (cx) => {
  const t = new cx.Tickets({
    created: ["2026-11-02T09:00:00Z"],
    firstResponse: ["2026-11-02T09:30:00Z"],
    firstSolved: ["2026-11-02T10:00:00Z"],
    finalSolved: ["2026-11-02T10:00:00Z"],
  });
  throws(() => cx.firstResponseTime([{ created: "2026-11-02T09:00:00Z" }]), { type: TypeError, message: /Tickets/ });
  throws(() => cx.firstResponseTime(t, { schedule: "UTC" }), { type: TypeError, message: /Schedule/ });
  throws(() => cx.firstResponseTime(t, { clock: "business" }), { type: TypeError, message: /unknown option/ });
  throws(() => cx.resolutionTime(t, { kind: "final" }), { code: "invalid_argument", message: /kind/ });
  throws(() => cx.ticketDurations(t, "response"), { code: "invalid_argument", message: /metric/ });
  throws(() => cx.ticketDurations(t, 1), { type: TypeError });
  throws(() => cx.sla(t, { targets: { "*": 60 }, metric: "first" }), { code: "invalid_argument", message: /metric/ });
  throws(() => cx.fcr(t, { denominator: "all" }), { code: "invalid_argument", message: /denominator/ });
  throws(() => cx.fcr(t, { period: ["2026-11-03T00:00:00Z", "2026-11-02T00:00:00Z"] }), {
    code: "invalid_argument",
    message: /period/,
  });
  throws(() => cx.fcr(t, { period: [null, "2026-11-02T00:00:00Z"] }), { code: "invalid_argument", message: /period/ });
  throws(() => cx.fcr(t, { reopenWindow: -1 }), { code: "invalid_argument", message: /`reopenWindow`/ });
  throws(() => cx.fcr(t, { maxAgentReplies: -1 }), { code: "invalid_argument", message: /`maxAgentReplies`/ });
  throws(() => cx.fcr(t, { maxAgentReplies: 1.5 }), { type: TypeError });
  throws(() => cx.fcr(t, { period: "2026-11" }), { type: TypeError });
  throws(() => cx.fcr(t, { reopenWindow: "1h" }), { type: TypeError });
  for (const targets of [{}, { "*": 0 }, { "*": -5 }, { "*": NaN }, { "*": Infinity }]) {
    throws(() => cx.sla(t, { targets }), { code: "invalid_argument", message: /target/ }, JSON.stringify(targets));
  }
  throws(() => cx.sla(t), { code: "invalid_argument", message: /targets/ });
  for (const targets of [[["*", 60]], { "*": "60" }, "60", 60]) {
    throws(() => cx.sla(t, { targets }), { type: TypeError });
  }
  throws(() => cx.firstResponseTime(new cx.Tickets({ created: ["2026-11-02T09:00:00Z"] })), { code: "empty" });
  throws(() => cx.fcr(new cx.Tickets({ created: [] })), { code: "empty" });
  throws(() => cx.fcr(cx.Tickets.fromRecords([])), { code: "empty" });
});

add("handleTime: bad input", (cx) => {
  throws(() => cx.handleTime([1, 2], { hold: [1] }), { code: "length_mismatch" });
  throws(() => cx.handleTime([1, -2]), { code: "invalid_argument", index: 1 });
  throws(() => cx.handleTime([1], { wrap: [Infinity] }), { code: "invalid_argument", index: 0 });
  throws(() => cx.handleTime([null, NaN]), { code: "empty" });
  throws(() => cx.handleTime("300"), { type: TypeError });
  throws(() => cx.handleTime([true]), { type: TypeError });
  throws(() => cx.handleTime([1], { talk: [1] }), { type: TypeError });
});
