// Trends: a survey metric per calendar period, changes tested and adjusted.

import { raw } from "./raw.mjs";
import { call } from "./errors.mjs";
import { floatsArg } from "./convert.mjs";
import { onInvalidArg, optionalInt, optionalNumber, optionalString, optionsArg } from "./options.mjs";
import { decode, defaults, levelArg, Row, rowsOf, svgOf } from "./results.mjs";
import { instantColumn } from "./time.mjs";
import { floatScores, metricSpec } from "./segments.mjs";

class TrendRow extends Row {}

/**
 * The survey metric per calendar period (local dates in `timeZone`), with intervals and
 * period-over-period changes tested and adjusted ({ period: "month" (default) | "week" |
 * "day" | "quarter", timeZone = "UTC", metric and its options, minN = 30, level, method,
 * adjust: "holm" | "bh", alpha = 0.05, rollingDays }). A frozen array of rows.
 */
export function trend(scores, times, options) {
  const o = optionsArg(
    options,
    [...METRIC_OPTIONS, ...INPUT_OPTIONS, "period", "timeZone", "adjust", "alpha", "rollingDays"],
    "trend",
  );
  const spec = metricSpec("trend", o);
  const s = floatScores(scores, o, spec);
  const t = instantColumn(times, "times");
  const weights = floatsArg(o.weights, "weights");
  const policy = onInvalidArg(o.onInvalid);
  const period = optionalString(o.period, "period");
  const zone = optionalString(o.timeZone, "timeZone");
  const level = levelArg(o);
  const method = optionalString(o.method, "method");
  const minN = optionalInt(o.minN, "minN") ?? defaults().minN;
  const adjust = optionalString(o.adjust, "adjust") ?? defaults().adjust;
  const alpha = optionalNumber(o.alpha, "alpha") ?? defaults().alpha;
  const rolling = optionalInt(o.rollingDays, "rollingDays");
  const cols = decode(
    call(() =>
      raw.trendReport(spec, s, weights, policy, t.ms, t.strings, period, zone, level, method, minN, adjust, alpha, rolling),
    ),
  );
  const rows = rowsOf(cols.rows, (fields) => new TrendRow(fields));
  // toSVG: an own, non-enumerable method (the rows stay a plain array for keys and JSON;
  // a copy has none), holding the core result.
  const chart = cols.chart;
  Object.defineProperty(rows, "toSVG", { value: () => svgOf(chart) });
  return Object.freeze(rows);
}
