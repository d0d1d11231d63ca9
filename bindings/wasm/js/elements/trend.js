// <cx-trend>: a survey metric per calendar period (the core's trend chart: the score as a
// line, its interval as a band, significant changes marked) and the latest period's score.
import { trend } from "../web/index.mjs";
import { CxElement, define, parseList, parseScale, ready } from "./shared.js";

export { ready };

const ATTRIBUTES = ["times", "metric", "higher-is-better", "period", "time-zone", "min-n"];

/**
 * `<cx-trend>`: attributes `scores`, `times` (ISO instants, comma-separated), `metric`
 * (default nps), `scale`, `higher-is-better`, `period` (default month), `time-zone`,
 * `min-n`; properties `scores` and `times` (an array of Dates, epoch ms or ISO strings).
 */
export class CxTrend extends CxElement {
  static get observedAttributes() {
    return [...CxElement.observedAttributes, ...ATTRIBUTES];
  }
  #times;

  /** The instants: the property if set, else the `times` attribute. */
  get times() {
    return this.#times ?? parseList(this.getAttribute("times"));
  }
  set times(v) {
    this.#times = v;
    this.update();
  }

  compute() {
    const options = {};
    const attr = (name) => this.getAttribute(name);
    if (attr("metric") !== null) options.metric = attr("metric");
    if (attr("scale") !== null) options.scale = parseScale(attr("scale"));
    if (attr("higher-is-better") !== null) options.higherIsBetter = attr("higher-is-better") !== "false";
    if (attr("period") !== null) options.period = attr("period");
    if (attr("time-zone") !== null) options.timeZone = attr("time-zone");
    if (attr("min-n") !== null) options.minN = Number(attr("min-n"));
    return trend(this.scores, this.times, options);
  }
  headline(rows) {
    const last = rows.at(-1);
    const metric = (this.getAttribute("metric") ?? "nps").toUpperCase().replace(/_/g, " ");
    return { label: last ? `${metric} ${last.label}` : metric, value: last ? last.score : null };
  }
}

define("cx-trend", CxTrend);
