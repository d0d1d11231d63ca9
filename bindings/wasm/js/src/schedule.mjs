// Schedule: business hours in an IANA time zone.

import { describe } from "./convert.mjs";
import { call } from "./errors.mjs";
import { given, numberArg } from "./options.mjs";
import { raw } from "./raw.mjs";
import { dateMillis, requiredInstant, shortText } from "./time.mjs";

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
export let rawSchedule;

/** Business hours: an IANA time zone, weekly opening windows and holidays. */
export class Schedule {
  #raw;

  static {
    rawSchedule = (s) => {
      if (!(s instanceof Schedule)) {
        throw new TypeError(
          `schedule must be a cxmetrics Schedule (new Schedule(timeZone, windows, holidays)), not ${describe(s)}`,
        );
      }
      if (!s.#raw) throw new TypeError("this Schedule was freed (Schedule.free()) and cannot be used");
      return s.#raw;
    };
  }

  /**
   * `windows`: [weekday, start, end] with weekday "mon".."sun" (any case, or the full
   * English name) or 0 = Monday … 6 = Sunday, times "HH:MM" or "HH:MM:SS" local time
   * (end <= start: overnight; end == start: 24 h). `holidays`: "YYYY-MM-DD" dates.
   */
  constructor(timeZone, windows, holidays) {
    if (typeof timeZone !== "string") {
      throw new TypeError(
        `timeZone must be an IANA time-zone name such as "Europe/Berlin" or "UTC", not ${describe(timeZone)}`,
      );
    }
    if (!Array.isArray(windows)) {
      throw new TypeError(`windows must be an array of [weekday, start, end] triples, not ${describe(windows)}`);
    }
    const days = [];
    const starts = [];
    const ends = [];
    windows.forEach((w, i) => {
      if (!Array.isArray(w) || w.length !== 3) {
        throw new TypeError(
          `windows[${i}] must be a [weekday, start, end] triple such as ["mon", "09:00", "17:00"], not ${describe(w)}`,
        );
      }
      const [d, a, b] = w;
      if (typeof d === "number" && Number.isInteger(d)) days.push(WEEKDAYS[d] ?? String(d));
      else if (typeof d === "string") days.push(shortText(d));
      else
        throw new TypeError(
          `windows[${i}][0] must be a weekday ("mon".."sun" or 0 = Monday … 6 = Sunday), not ${describe(d)}`,
        );
      for (const [t, list, k] of [
        [a, starts, 1],
        [b, ends, 2],
      ]) {
        if (typeof t !== "string")
          throw new TypeError(`windows[${i}][${k}] must be a local time "HH:MM" or "HH:MM:SS", not ${describe(t)}`);
        list.push(shortText(t));
      }
    });
    const dates = [];
    if (given(holidays)) {
      if (!Array.isArray(holidays))
        throw new TypeError(`holidays must be an array of "YYYY-MM-DD" strings, not ${describe(holidays)}`);
      holidays.forEach((h, i) => {
        if (typeof h !== "string") {
          const hint = dateMillis(h) !== undefined ? " (a Date is an instant, not a calendar date)" : "";
          throw new TypeError(`holidays[${i}] must be a date "YYYY-MM-DD"${hint}, not ${describe(h)}`);
        }
        dates.push(shortText(h));
      });
    }
    this.#raw = call(() => new raw.RawSchedule(shortText(timeZone), days, starts, ends, dates));
  }

  /** The IANA time-zone name. */
  get timeZone() {
    return rawSchedule(this).timeZone;
  }

  /** Business seconds from `start` to `end` (instants). */
  businessSeconds(start, end) {
    const a = requiredInstant(start, "start");
    const b = requiredInstant(end, "end");
    const s = rawSchedule(this);
    return call(() => s.businessSeconds(a, b));
  }

  /** The instant `seconds` business seconds after `start`, as a Date. */
  addBusiness(start, seconds) {
    const a = requiredInstant(start, "start");
    const secs = numberArg(seconds, "seconds");
    const s = rawSchedule(this);
    return new Date(call(() => s.addBusiness(a, secs)));
  }

  /** Releases the wasm memory now, rather than when the schedule is garbage-collected. */
  free() {
    if (this.#raw) {
      this.#raw.free();
      this.#raw = undefined;
    }
  }

  toString() {
    if (!this.#raw) return "Schedule(freed)";
    const r = this.#raw;
    return `Schedule(${r.timeZone}, ${r.windows} windows, ${r.holidays} holidays)`;
  }

  [Symbol.for("nodejs.util.inspect.custom")]() {
    return this.toString();
  }
}
