// Tickets: records or columns of ticket events.

import { describe, floatsArg, tagOf } from "./convert.mjs";
import { CxMetricsError, call } from "./errors.mjs";
import { given, optionsArg } from "./options.mjs";
import { raw } from "./raw.mjs";
import { INTERNAL } from "./tally.mjs";
import { columnOf, INSTANT, instantColumn, instantValue, labelColumn, shortText } from "./time.mjs";

// The keys of a record and the columns of `new Tickets`: the core's `Ticket::FIELDS` and
// `Tickets::COLUMNS` in camelCase, read once, on first use (only the full module has them).
let recordKeys;
let columnKeys;
const RECORD_KEYS = () => (recordKeys ??= call(() => raw.ticketFields()));
const COLUMN_KEYS = () => (columnKeys ??= call(() => raw.ticketColumns()));
export let rawTickets;

/** A count of a record: a number (the core checks it is an integer >= 0) or 0 when absent. */
function recordCount(v, what, i) {
  if (v === null || v === undefined) return 0;
  if (typeof v !== "number") throw new TypeError(`records[${i}].${what} must be a number, not ${describe(v)}`);
  return v;
}

/** Tickets: creation, responses, solves, reopens, pauses, counts, channel and priority. */
export class Tickets {
  #raw;

  static {
    rawTickets = (t) => {
      if (!(t instanceof Tickets)) {
        throw new TypeError(
          `tickets must be cxmetrics Tickets (Tickets.fromRecords(records) or new Tickets({ created, … })), not ${describe(t)}`,
        );
      }
      if (!t.#raw) throw new TypeError("these Tickets were freed (Tickets.free()) and cannot be used");
      return t.#raw;
    };
  }

  /**
   * Columns, one entry per ticket: `created` (required), `firstResponse`, `firstSolved`,
   * `finalSolved` (the last solve of a ticket resolved now), `firstReopened` (the first
   * reopen after the first solve), `agentReplies`, `customerFollowups`, `channel`,
   * `priority`; `paused` lists [ticketIndex, start, end] triples.
   */
  constructor(columns) {
    if (columns === INTERNAL) return;
    const o = optionsArg(columns, COLUMN_KEYS(), "new Tickets");
    if (columns === undefined || columns === null) {
      throw new TypeError("new Tickets needs its columns, e.g. new Tickets({ created: [...], firstResponse: [...] })");
    }
    if (!given(o.created)) {
      throw new TypeError(`the created column is required: an array of ${INSTANT.replace("an instant", "instants")}`);
    }
    const d = { created: instantColumn(o.created, "created") };
    for (const k of ["firstResponse", "firstSolved", "finalSolved", "firstReopened"]) {
      if (given(o[k])) d[k] = instantColumn(o[k], k);
    }
    for (const k of ["agentReplies", "customerFollowups"]) {
      if (given(o[k])) {
        if (!Array.isArray(o[k]) && tagOf(o[k]) === undefined) {
          throw new TypeError(`${k} must be an array of counts or a typed array, not ${describe(o[k])}`);
        }
        d[k] = floatsArg(o[k], k);
      }
    }
    for (const k of ["channel", "priority"]) if (given(o[k])) d[k] = labelColumn(o[k], k);
    if (given(o.paused)) {
      if (!Array.isArray(o.paused))
        throw new TypeError(`paused must be an array of [ticketIndex, start, end] triples, not ${describe(o.paused)}`);
      const index = [];
      const starts = [];
      const ends = [];
      o.paused.forEach((p, k) => {
        if (!Array.isArray(p) || p.length !== 3 || typeof p[0] !== "number") {
          throw new TypeError(`paused[${k}] must be a [ticketIndex, start, end] triple, not ${describe(p)}`);
        }
        index.push(p[0]);
        starts.push(p[1]);
        ends.push(p[2]);
      });
      d.pausedTicket = Float64Array.from(index);
      d.pausedStart = instantColumn(starts, "paused");
      d.pausedEnd = instantColumn(ends, "paused");
    }
    this.#raw = call(() => raw.RawTickets.fromColumns(d));
  }

  /**
   * Tickets from records: objects with `created` (required), `firstResponse`, `solved`
   * and `reopened` (arrays of instants), `agentReplies`, `customerFollowups`, `paused`
   * (an array of [start, end] pairs), `channel`, `priority`.
   */
  static fromRecords(records) {
    if (!Array.isArray(records))
      throw new TypeError(`records must be an array of ticket objects, not ${describe(records)}`);
    const n = records.length;
    const created = new Array(n);
    const firstResponse = new Array(n);
    const lists = { solved: [], reopened: [], pausedStart: [], pausedEnd: [] };
    const offsets = {};
    for (const k of Object.keys(lists)) offsets[k] = new Uint32Array(n + 1);
    const agentReplies = new Float64Array(n);
    const customerFollowups = new Float64Array(n);
    const channel = new Array(n).fill(null);
    const priority = new Array(n).fill(null);
    records.forEach((r, i) => {
      if (r === null || typeof r !== "object" || Array.isArray(r)) {
        throw new TypeError(
          `records[${i}] must be a ticket object { created, firstResponse, solved, … }, not ${describe(r)}`,
        );
      }
      for (const key of Object.keys(r)) {
        if (!RECORD_KEYS().includes(key)) {
          const hint = key.includes("_") ? " (keys are camelCase)" : "";
          throw new CxMetricsError(
            `invalid argument \`records[${i}]\`: unknown key ${JSON.stringify(shortText(key))}${hint}; a record's keys are ${RECORD_KEYS().join(", ")}`,
            "invalid_argument",
            i,
          );
        }
      }
      created[i] = instantValue(r.created, `records[${i}].created`, i);
      firstResponse[i] = instantValue(r.firstResponse, `records[${i}].firstResponse`, i);
      for (const k of ["solved", "reopened"]) {
        const v = r[k];
        if (given(v)) {
          if (!Array.isArray(v))
            throw new TypeError(`records[${i}].${k} must be an array of instants, not ${describe(v)}`);
          v.forEach((x, j) => {
            lists[k].push(instantValue(x, `records[${i}].${k}[${j}]`, i));
          });
        }
        offsets[k][i + 1] = lists[k].length;
      }
      if (given(r.paused)) {
        if (!Array.isArray(r.paused))
          throw new TypeError(`records[${i}].paused must be an array of [start, end] pairs, not ${describe(r.paused)}`);
        r.paused.forEach((p, k) => {
          if (!Array.isArray(p) || p.length !== 2) {
            throw new TypeError(`records[${i}].paused[${k}] must be a [start, end] pair, not ${describe(p)}`);
          }
          lists.pausedStart.push(instantValue(p[0], `records[${i}].paused[${k}][0]`, i));
          lists.pausedEnd.push(instantValue(p[1], `records[${i}].paused[${k}][1]`, i));
        });
      }
      offsets.pausedStart[i + 1] = lists.pausedStart.length;
      offsets.pausedEnd[i + 1] = lists.pausedEnd.length;
      agentReplies[i] = recordCount(r.agentReplies, "agentReplies", i);
      customerFollowups[i] = recordCount(r.customerFollowups, "customerFollowups", i);
      for (const [k, col] of [
        ["channel", channel],
        ["priority", priority],
      ]) {
        const v = r[k];
        if (v === null || v === undefined) continue;
        if (typeof v !== "string")
          throw new TypeError(`records[${i}].${k} must be a string or null, not ${describe(v)}`);
        col[i] = v;
      }
    });
    const d = {
      created: columnOf(created, "created"),
      firstResponse: columnOf(firstResponse, "firstResponse"),
      agentReplies,
      customerFollowups,
      channel,
      priority,
    };
    for (const k of Object.keys(lists)) {
      d[k] = columnOf(lists[k], k);
      d[`${k}Offsets`] = offsets[k];
    }
    const t = new Tickets(INTERNAL);
    t.#raw = call(() => raw.RawTickets.fromRecords(d));
    return t;
  }

  /** The number of tickets. */
  get length() {
    return rawTickets(this).length;
  }

  /** Releases the wasm memory now, rather than when the tickets are garbage-collected. */
  free() {
    if (this.#raw) {
      this.#raw.free();
      this.#raw = undefined;
    }
  }

  toString() {
    return this.#raw ? `Tickets(n=${this.#raw.length})` : "Tickets(freed)";
  }

  [Symbol.for("nodejs.util.inspect.custom")]() {
    return this.toString();
  }
}
