// The web elements' types (cxmetrics/elements/*.js), checked with --strict.
import { CxNpsGauge, ready } from "cxmetrics/elements/nps-gauge.js";
import { CxDistribution } from "cxmetrics/elements/distribution.js";
import { CxTrend } from "cxmetrics/elements/trend.js";
import type { CxErrorDetail } from "cxmetrics/elements/nps-gauge.js";

const loaded: Promise<void> = ready;
const gauge: CxNpsGauge = document.createElement("cx-nps-gauge");
gauge.scores = new Uint8Array([10, 9, 3]);
gauge.scores = [10, null, 3];
const score: number | undefined = gauge.result?.score;
const dist: CxDistribution = document.createElement("cx-distribution");
const counts: readonly number[] | undefined = dist.result?.counts;
const trend: CxTrend = document.createElement("cx-trend");
trend.times = [new Date(), "2026-01-05T10:00:00Z", 0];
const svg: string | undefined = trend.result?.toSVG();
gauge.addEventListener("cx-error", (e) => {
  const d: CxErrorDetail = e.detail;
  const code: string | null = d.code;
});
// @ts-expect-error result is read-only
gauge.result = null;
// @ts-expect-error scores are numbers or text
gauge.scores = [true];
