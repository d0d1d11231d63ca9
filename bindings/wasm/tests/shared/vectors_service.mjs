// Runner of tests/vectors/service.json (format in tests/vectors/README.md) against the JS
// API, mirroring crates/cxmetrics/tests/vectors_service.rs. Runs in Node and in the browser.
//
// Tickets run in record form (Tickets.fromRecords, ISO strings, keys in camelCase) and,
// for every successful ticket case, again in columnar form (new Tickets({...})) with the
// records converted here, once with ISO strings, once with Date objects and once with
// epoch milliseconds, so both constructors and every instant type meet the same values.
//
// The JS API has no `clock` option: the clock is business time exactly when a
// `schedule` is given (as in Python). The one vector asking for the business clock
// without a schedule (an error case) cannot be expressed; `expressible` says so.

import { camel, checkCase, num } from "./compare.mjs";

export const TICKET_FUNCTIONS = new Set([
  "ticket_durations",
  "first_response_time",
  "resolution_time",
  "requester_wait_time",
  "fcr",
  "sla",
]);

/**
 * Whether columns can express the case: they hold one reopen (one solved period,
 * [first_solved, first_reopened)), so requester wait with a ticket reopened more than once
 * runs as records only (tests/vectors/README.md).
 */
function columnsExpress(c) {
  const waits = c.function === "requester_wait_time" || c.options?.metric === "requester_wait";
  return !(waits && c.tickets.some((r) => (r.reopened ?? []).length > 1));
}

/** The forms a case runs in: records always, columns too for successful ticket cases. */
export function formsOf(c) {
  if (TICKET_FUNCTIONS.has(c.function) && c.expected && columnsExpress(c)) {
    return ["records", "columns-iso", "columns-date", "columns-ms"];
  }
  return ["records"];
}

/** Whether the JS API can express the case (not: business clock without a schedule). */
export function expressible(c) {
  const o = c.options ?? {};
  return !(o.clock === "business" && !("schedule" in o));
}

const scheduleOf = (cx, s) => new cx.Schedule(s.time_zone, s.windows, s.holidays);

const ms = (s) => Date.parse(s);

function records(list) {
  return list.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [camel(k), v])));
}

/**
 * The records as columns: derived first / final solve and first reopen, as the spec
 * defines them (first_solved = min(solved); resolved iff solved and the last solve is
 * after the last reopen; first_reopened = the first reopen at or after the first solve).
 */
function columns(cx, list, form) {
  const as = (s) =>
    s === null || s === undefined ? null : form === "iso" ? s : form === "date" ? new Date(ms(s)) : ms(s);
  const sorted = (xs) => [...(xs ?? [])].sort((a, b) => ms(a) - ms(b));
  const cols = {
    created: [],
    firstResponse: [],
    firstSolved: [],
    finalSolved: [],
    firstReopened: [],
    agentReplies: [],
    customerFollowups: [],
    channel: [],
    priority: [],
    paused: [],
  };
  list.forEach((r, i) => {
    const solved = sorted(r.solved);
    const reopened = sorted(r.reopened);
    const first = solved[0] ?? null;
    const resolved = solved.length > 0 && (reopened.length === 0 || ms(solved.at(-1)) > ms(reopened.at(-1)));
    const after = first === null ? [] : reopened.filter((o) => ms(o) >= ms(first));
    cols.created.push(as(r.created));
    cols.firstResponse.push(as(r.first_response));
    cols.firstSolved.push(as(first));
    cols.finalSolved.push(as(resolved ? solved.at(-1) : null));
    cols.firstReopened.push(as(after[0] ?? null));
    cols.agentReplies.push(r.agent_replies ?? 0);
    cols.customerFollowups.push(r.customer_followups ?? 0);
    cols.channel.push(r.channel ?? null);
    cols.priority.push(r.priority ?? null);
    for (const [a, b] of r.paused ?? []) cols.paused.push([i, as(a), as(b)]);
  });
  return new cx.Tickets(cols);
}

function ticketsOf(cx, c, form) {
  if (form === "records") return cx.Tickets.fromRecords(records(c.tickets));
  return columns(cx, c.tickets, form.replace("columns-", ""));
}

function summary(s, o) {
  const out = s.toJSON();
  if (o.percentiles) {
    out.percentiles = Object.fromEntries(o.percentiles.map((q) => [String(num(q)), s.percentile(num(q))]));
  }
  return out;
}

/**
 * The result object itself (for toSVG()) of a duration-summary or SLA case; undefined for
 * the other functions.
 */
export function resultOf(cx, c, form = "records") {
  if (!["first_response_time", "requester_wait_time", "resolution_time", "sla"].includes(c.function)) return undefined;
  const o = c.options ?? {};
  const tickets = ticketsOf(cx, c, form);
  try {
    const opts = {};
    if (o.schedule) opts.schedule = scheduleOf(cx, o.schedule);
    if ("as_of" in o) opts.asOf = o.as_of;
    if (c.function === "resolution_time") return cx.resolutionTime(tickets, { ...opts, kind: o.kind });
    if (c.function !== "sla") return cx[camel(c.function)](tickets, opts);
    const targets = Object.fromEntries(Object.entries(o.targets).map(([k, v]) => [k, num(v)]));
    return cx.sla(tickets, { ...opts, targets, metric: o.metric });
  } finally {
    tickets.free();
  }
}

/** Calls the API for case `c` in `form`; returns a plain value shaped like `c.expected`. */
export function run(cx, c, form = "records") {
  const o = c.options ?? {};
  switch (c.function) {
    case "business_seconds":
      return { seconds: scheduleOf(cx, c.schedule).businessSeconds(c.start, c.end) };
    case "add_business": {
      const t = scheduleOf(cx, c.schedule).addBusiness(c.start, num(c.seconds));
      if (!(t instanceof Date)) throw new Error(`addBusiness returned ${t}, not a Date`);
      return { instant: t };
    }
    case "handle_time": {
      const a = c.args;
      const cells = (k) =>
        a[k] === null || a[k] === undefined ? undefined : a[k].map((x) => (x === null ? NaN : num(x)));
      return cx.handleTime(cells("talk"), { hold: cells("hold"), wrap: cells("wrap") }).toJSON();
    }
    default:
      break;
  }
  const tickets = ticketsOf(cx, c, form);
  try {
    const opts = {};
    if (o.schedule) opts.schedule = scheduleOf(cx, o.schedule);
    if ("as_of" in o) opts.asOf = o.as_of;
    switch (c.function) {
      case "ticket_durations":
        return { durations: cx.ticketDurations(tickets, o.metric, { schedule: opts.schedule }) };
      case "first_response_time":
      case "requester_wait_time":
        return summary(cx[camel(c.function)](tickets, opts), o);
      case "resolution_time":
        return summary(cx.resolutionTime(tickets, { ...opts, kind: o.kind }), o);
      case "fcr": {
        const f = {};
        for (const k of ["max_agent_replies", "max_customer_followups", "reopen_window", "denominator", "period"]) {
          if (k in o) f[camel(k)] = o[k];
        }
        return cx.fcr(tickets, f).toJSON();
      }
      case "sla": {
        const targets = Object.fromEntries(Object.entries(o.targets).map(([k, v]) => [k, num(v)]));
        return cx.sla(tickets, { ...opts, targets, metric: o.metric }).toJSON();
      }
      default:
        throw new Error(`unknown function ${c.function}`);
    }
  } finally {
    tickets.free();
  }
}

/** Instants are compared as instants (a Date or any offset notation). */
function sameInstant(actual, expected, path) {
  if (!path.endsWith(".instant")) return undefined;
  const a = actual instanceof Date ? actual.getTime() : Date.parse(actual);
  return a === Date.parse(expected);
}

/** Normalises the percentile keys ("0.0", "1.0") of the expected value to JS's String(q). */
function expectedOf(c) {
  const e = c.expected;
  if (!e?.percentiles) return c;
  const percentiles = Object.fromEntries(Object.entries(e.percentiles).map(([k, v]) => [String(Number(k)), v]));
  return { ...c, expected: { ...e, percentiles } };
}

/** Runs case `c` in `form`; returns a list of failure messages (empty = pass). */
export const check = (cx, c, form = "records") => checkCase(cx, expectedOf(c), () => run(cx, c, form), sameInstant);
