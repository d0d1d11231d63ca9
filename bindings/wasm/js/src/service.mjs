// Service metrics: duration summaries, FCR, SLA, average handle time.

import { describe, floatsArg, tagOf } from "./convert.mjs";
import { argumentError, CxMetricsError, call } from "./errors.mjs";
import { given, intArg, numberArg, optionalNumber, optionalString, optionsArg } from "./options.mjs";
import { raw } from "./raw.mjs";
import { copyFields, decode, Estimated, fromRaw, rowsOf, svgOf } from "./results.mjs";
import { rawSchedule } from "./schedule.mjs";
import { rawTickets } from "./tickets.mjs";
import { instantValue, shortText } from "./time.mjs";

class FcrResult extends Estimated {}
class AhtResult extends Estimated {}

/** A summary of ticket durations; `percentile(q)` interpolates the completed ones. */
class DurationSummary {
  #durations;
  #chart;
  constructor(obj) {
    const { durations, chart, ...fields } = obj;
    this.#chart = chart;
    Object.assign(this, fields);
    this.#durations = durations;
    Object.freeze(this);
  }
  /** The q-quantile (q in [0, 1]) of the completed durations, linear interpolation. */
  percentile(q) {
    const x = numberArg(q, "q");
    const d = this.#durations;
    return call(() => raw.summaryPercentile(d, x));
  }
  /** The core's SVG chart: min–max, median–p90 box, mean and Kaplan–Meier median. */
  toSVG() {
    return svgOf(#chart in this ? this.#chart : undefined);
  }
  toJSON() {
    return copyFields(this);
  }
}

const DURATION = ["schedule", "asOf"];

/** Runs a duration metric on the calendar clock, or on the business clock of `schedule`. */
function onClock(tickets, o, calendar, business) {
  const t = rawTickets(tickets);
  const asOf = instantValue(o.asOf, "asOf");
  if (given(o.schedule)) {
    const s = rawSchedule(o.schedule);
    return call(() => business(s, t, asOf));
  }
  return call(() => calendar(t, asOf));
}

function durationSummary(fn, tickets, o, kind) {
  return new DurationSummary(
    decode(
      onClock(
        tickets,
        o,
        (t, asOf) => t.summary(fn, kind, asOf),
        (s, t, asOf) => s.summary(t, fn, kind, asOf),
      ),
    ),
  );
}

/** Created → first agent response, summarised ({ schedule, asOf }). */
export function firstResponseTime(tickets, options) {
  const o = optionsArg(options, DURATION, "firstResponseTime");
  return durationSummary("first_response_time", tickets, o);
}

/** Created → first or final solve, summarised ({ kind: "full" (default) | "first", schedule, asOf }). */
export function resolutionTime(tickets, options) {
  const o = optionsArg(options, ["kind", ...DURATION], "resolutionTime");
  return durationSummary("resolution_time", tickets, o, optionalString(o.kind, "kind"));
}

/** Created → final solve minus paused time, summarised ({ schedule, asOf }). */
export function requesterWaitTime(tickets, options) {
  const o = optionsArg(options, DURATION, "requesterWaitTime");
  return durationSummary("requester_wait_time", tickets, o);
}

/** Per-ticket durations in seconds (null while open) of `metric` ({ schedule, asOf }). */
export function ticketDurations(tickets, metric, options) {
  const o = optionsArg(options, DURATION, "ticketDurations");
  if (typeof metric !== "string") {
    throw new TypeError(
      `metric must be "first_response", "first_resolution", "full_resolution" or "requester_wait", not ${describe(metric)}`,
    );
  }
  const m = shortText(metric);
  const d = onClock(
    tickets,
    o,
    (t, asOf) => t.durations(m, asOf),
    (s, t, asOf) => s.durations(t, m, asOf),
  );
  return Array.from(d, (x) => (Number.isNaN(x) ? null : x));
}

// ───────────────────────────── FCR, SLA, AHT ─────────────────────────────

/** A count option: undefined / null pass through; otherwise an integer. */
const limitArg = (v, what) => (v === undefined || v === null ? v : intArg(v, what));

/**
 * First contact resolution, in percent ({ maxAgentReplies = 1 (null: any),
 * maxCustomerFollowups, reopenWindow (seconds), denominator: "resolved" | "created",
 * period: [from, to) }).
 */
export function fcr(tickets, options) {
  const o = optionsArg(
    options,
    ["maxAgentReplies", "maxCustomerFollowups", "reopenWindow", "denominator", "period"],
    "fcr",
  );
  const t = rawTickets(tickets);
  const maxAgent = limitArg(o.maxAgentReplies, "maxAgentReplies");
  const maxFollowups = limitArg(o.maxCustomerFollowups, "maxCustomerFollowups") ?? undefined;
  const window = optionalNumber(o.reopenWindow, "reopenWindow");
  const denominator = optionalString(o.denominator, "denominator");
  let from;
  let to;
  if (given(o.period)) {
    if (!Array.isArray(o.period) || o.period.length !== 2) {
      throw new TypeError(`period must be a [from, to] pair of instants, not ${describe(o.period)}`);
    }
    from = instantValue(o.period[0], "period[0]") ?? null;
    to = instantValue(o.period[1], "period[1]") ?? null;
  }
  return fromRaw(
    FcrResult,
    call(() => t.fcr(maxAgent, maxFollowups, window, denominator, from, to)),
  );
}

/** One row of an SLA report (a priority, or the overall row). */
class SlaRow extends Estimated {}

/** An SLA report: rows per priority, the overall row, untargeted, metric, clock. */
class SlaResult {
  #chart;
  constructor(fields, chart) {
    Object.assign(this, fields);
    this.#chart = chart;
    Object.freeze(this);
  }
  /** The core's SVG chart: the share of decided tickets within target, per priority and overall. */
  toSVG() {
    return svgOf(#chart in this ? this.#chart : undefined);
  }
  toJSON() {
    return copyFields(this);
  }
}

/**
 * SLA attainment per priority ({ targets: { priority: seconds, "*": default },
 * metric = "first_response", schedule, asOf }).
 */
export function sla(tickets, options) {
  const o = optionsArg(options, ["targets", "metric", ...DURATION], "sla");
  if (!given(o.targets)) {
    throw argumentError(
      "targets",
      'sla() needs targets in seconds per priority, e.g. { targets: { high: 3600, "*": 86400 } }',
    );
  }
  if (typeof o.targets !== "object" || Array.isArray(o.targets)) {
    throw new TypeError(`targets must be an object { priority: seconds }, not ${describe(o.targets)}`);
  }
  const keys = Object.keys(o.targets);
  const values = Float64Array.from(keys, (k) => numberArg(o.targets[k], `targets[${JSON.stringify(k)}]`));
  const metric = optionalString(o.metric, "metric") ?? "first_response";
  const cols = decode(
    onClock(
      tickets,
      o,
      (t, asOf) => t.sla(metric, keys, values, asOf),
      (s, t, asOf) => s.sla(t, metric, keys, values, asOf),
    ),
  );
  const rows = rowsOf(cols.rows, (fields, i) => {
    const error = cols.errors[i];
    const est =
      error === null
        ? cols.estimates.slice(3 * i, 3 * i + 3)
        : new CxMetricsError(error.message, error.code, error.index ?? null);
    return new SlaRow(fields, est);
  });
  const overall = rows.pop();
  return new SlaResult(
    {
      rows: Object.freeze(rows),
      overall,
      untargeted: cols.untargeted,
      metric: cols.metric,
      clock: cols.clock,
    },
    cols.chart,
  );
}

/** Average handle time: mean of talk + hold + wrap-up seconds per contact ({ hold, wrap }). */
export function handleTime(talk, options) {
  const o = optionsArg(options, ["hold", "wrap"], "handleTime");
  const col = (v, what) => {
    if (!Array.isArray(v) && tagOf(v) === undefined) {
      throw new TypeError(
        `${what} must be an array of seconds (null or NaN for a missing value) or a typed array, not ${describe(v)}`,
      );
    }
    return floatsArg(v, what);
  };
  const t = col(talk, "talk");
  const h = given(o.hold) ? col(o.hold, "hold") : undefined;
  const w = given(o.wrap) ? col(o.wrap, "wrap") : undefined;
  return fromRaw(
    AhtResult,
    call(() => raw.handleTime(t, h, w)),
  );
}
