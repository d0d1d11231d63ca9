// <cx-nps-gauge scores="10,9,3">: the Net Promoter Score of its scores, the core's NPS chart
// (stacked bar, score with its 95 % interval) and the score with one decimal.
import { nps } from "../web/index.mjs";
import { CxElement, define, parseScale, ready } from "./shared.js";

export { ready };

/** `<cx-nps-gauge>`: attributes `scores`, `scale` (default 0-10); property `scores`. */
export class CxNpsGauge extends CxElement {
  compute() {
    const scale = parseScale(this.getAttribute("scale"));
    return nps(this.scores, scale === undefined ? undefined : { scale });
  }
  headline(r) {
    return { label: "NPS", value: r.score };
  }
}

define("cx-nps-gauge", CxNpsGauge);
