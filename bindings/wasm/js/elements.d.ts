// Types of the web elements (cxmetrics/elements/*.js): <cx-nps-gauge>, <cx-distribution>,
// <cx-trend>. Each subpath exports its class and the shared `ready` promise.
import type { CxMetricsError, Distribution, ErrorCode, Instants, NpsResult, Scores, TrendRows } from "../index.mjs";

/** Resolves once the WebAssembly module is loaded (shared by every element). */
export const ready: Promise<void>;

/** `detail` of a `cx-error` event: the core's error code (`null` for a wrong type) and message. */
export interface CxErrorDetail {
  code: ErrorCode | null;
  message: string;
}

/**
 * The shared base: an open shadow root with parts `header`, `label`, `value` (the score,
 * one decimal, "—" when the input is refused), `chart` (the core's SVG) and `error`.
 * Inputs from attributes (strings) and properties (arrays, typed arrays); setters never
 * throw: refused input shows "—" and fires `cx-error`.
 */
declare class CxElement extends HTMLElement {
  /** The scores: the property if set, else the `scores` attribute ("10,9,3"; empty items are missing). */
  get scores(): Scores;
  set scores(value: Scores);
  /** Schedules a new computation (once per microtask, after `ready`). */
  update(): void;
}

/** `<cx-nps-gauge scores="10,9,3" scale="0-10">`: NPS, its chart, the score. */
export class CxNpsGauge extends CxElement {
  /** The last result, or `null`. */
  get result(): NpsResult | null;
}

/** `<cx-distribution scores="5,4,2" scale="1-5">`: answers per point, the top-box share. */
export class CxDistribution extends CxElement {
  /** The last result, or `null`. */
  get result(): Distribution | null;
}

/**
 * `<cx-trend metric="csat" scale="1-5" period="month">`: a metric per period; attributes
 * `times`, `metric`, `scale`, `higher-is-better`, `period`, `time-zone`, `min-n`.
 */
export class CxTrend extends CxElement {
  /** The instants: the property if set, else the `times` attribute (ISO, comma-separated). */
  get times(): Instants;
  set times(value: Instants);
  /** The last result (the trend rows), or `null`. */
  get result(): TrendRows | null;
}

declare global {
  interface HTMLElementTagNameMap {
    "cx-nps-gauge": CxNpsGauge;
    "cx-distribution": CxDistribution;
    "cx-trend": CxTrend;
  }
  interface HTMLElementEventMap {
    "cx-result": CustomEvent<unknown>;
    "cx-error": CustomEvent<CxErrorDetail>;
  }
}

export type { CxMetricsError };
