// `cxmetrics/survey` (the light module) and `cxmetrics/survey/web`: the same types; the
// time-based classes and functions exist as types only.

import * as survey from "cxmetrics/survey";
import {
  compare,
  conversionRate,
  handleTime,
  type NpsResult,
  nps,
  type Schedule,
  ScoresBuffer,
  segment,
  Tally,
} from "cxmetrics/survey";
import init, { csat, initSync } from "cxmetrics/survey/web";

const r: NpsResult = nps([10, 9, 3]);
const zb = new ScoresBuffer(3, "u8");
zb.array.set([10, 9, 3]);
nps(zb);
compare(r, nps(new Tally([0, 10], [10])));
handleTime([300]).interval();
segment([10, 0], ["a", "b"]).overall.score;
compare(conversionRate(1, 10), conversionRate(2, 10));
async function web(bytes: ArrayBuffer) {
  await init();
  initSync(bytes);
  csat([5]);
}
function takesSchedule(s: Schedule): string {
  return s.timeZone;
}

// @ts-expect-error: cxmetrics/survey has no Tickets (service metrics need the full module)
survey.Tickets.fromRecords([]);
// @ts-expect-error: Schedule is a type here, not a value
new survey.Schedule("UTC", []);
// @ts-expect-error: no firstResponseTime in cxmetrics/survey
survey.firstResponseTime;
// @ts-expect-error: no trend in cxmetrics/survey (it takes instants)
survey.trend([10], [0]);

export { takesSchedule, web };
