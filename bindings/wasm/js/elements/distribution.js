// <cx-distribution scores="5,4,4,2" scale="1-5">: the answers per scale point (the core's
// distribution chart, top and bottom boxes coloured) and the top-box share with one decimal.
import { distribution, topBox } from "../web/index.mjs";
import { CxElement, define, parseScale, ready } from "./shared.js";

export { ready };

/** `<cx-distribution>`: attributes `scores`, `scale` (required, e.g. "1-5"); property `scores`. */
export class CxDistribution extends CxElement {
  #top = null;
  compute() {
    const options = { scale: parseScale(this.getAttribute("scale")) };
    const scores = this.scores;
    const d = distribution(scores, options);
    this.#top = topBox(scores, options).score;
    return d;
  }
  headline() {
    return { label: "Top box %", value: this.#top };
  }
}

define("cx-distribution", CxDistribution);
