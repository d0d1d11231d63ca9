// cxmetrics web elements: the shared base of <cx-nps-gauge>, <cx-distribution> and
// <cx-trend>. Framework-free custom elements over the package's `web` build: each draws the
// core's SVG chart (`toSVG()`) and its headline number in an open shadow root. Every rule
// (validation, defaults, the metric, the picture, the number's formatting) is the core's;
// this file only reads inputs, calls the API, shows the result and reports errors.

import { chartValue } from "../web/cxmetrics_wasm.js";
import init, { CxMetricsError } from "../web/index.mjs";

/**
 * Resolves once the WebAssembly module is loaded (shared by every element; outside a
 * browser, where no element is defined, it resolves at once).
 */
export const ready = typeof HTMLElement === "undefined" ? Promise.resolve() : init();

const Base = globalThis.HTMLElement ?? class {};

const STYLE = `:host{display:block;font-family:var(--cx-font,system-ui,sans-serif)}
:host([hidden]){display:none}
[part=header]{display:flex;align-items:baseline;gap:.5em;margin:0 0 .25em}
[part=label]{font-size:.875rem;opacity:.75}
[part=value]{font-size:var(--cx-value-size,2rem);font-weight:600;line-height:1.2;font-variant-numeric:tabular-nums}
[part=chart] svg{display:block}
[part=error]{font-size:.8rem;color:var(--cx-down,#d64545)}
[part=error]:empty{display:none}`;

/** "10,9,3" -> [10, 9, 3]: an empty item is missing (null); text that is no number stays text (refused by the API). */
export function parseList(text) {
  if (text === null || text.trim() === "") return [];
  return text.split(",").map((t) => {
    const s = t.trim();
    if (s === "") return null;
    const x = Number(s);
    return Number.isNaN(x) && s.toLowerCase() !== "nan" ? s : x;
  });
}

/** "1-5" -> [1, 5] (negative ends allowed: "-2-2"); other text stays text (refused by the API). */
export function parseScale(text) {
  if (text === null) return undefined;
  const m = text.trim().match(/^(-?\d+)\s*(?:-|–|\.\.)\s*(-?\d+)$/);
  return m ? [Number(m[1]), Number(m[2])] : text;
}

/** A value as the charts print it (the core's one decimal, true minus sign). */
export const valueText = (x) => (x === null || x === undefined ? "—" : chartValue(x));

/**
 * The base element: an open shadow root with parts `header`, `label`, `value`, `chart`
 * and `error`; inputs from attributes and properties; a new result after any change
 * (batched to one computation per microtask once `ready`), announced by `cx-result` or
 * `cx-error` (bubbling, composed). Subclasses define `compute()` and `headline(result)`.
 */
export class CxElement extends Base {
  static get observedAttributes() {
    return ["scores", "scale"];
  }
  #scores;
  #result = null;
  #queued = false;
  #parts;

  constructor() {
    super();
    const root = this.attachShadow({ mode: "open" });
    root.innerHTML = `<style>${STYLE}</style><div part="header"><span part="label"></span><span part="value">—</span></div><div part="chart"></div><div part="error" role="status"></div>`;
    const part = (p) => root.querySelector(`[part=${p}]`);
    this.#parts = { label: part("label"), value: part("value"), chart: part("chart"), error: part("error") };
  }

  /** The scores: the property if set (an array or a typed array), else the `scores` attribute. */
  get scores() {
    return this.#scores ?? parseList(this.getAttribute("scores"));
  }
  set scores(v) {
    this.#scores = v;
    this.update();
  }

  /** The last result, or `null` (nothing computed yet, or the inputs were refused). */
  get result() {
    return this.#result;
  }

  connectedCallback() {
    this.update();
  }
  attributeChangedCallback() {
    this.update();
  }

  /** Schedules a computation (never throws; one per microtask however many inputs change). */
  update() {
    if (this.#queued) return;
    this.#queued = true;
    ready.then(
      () => {
        this.#queued = false;
        this.#run();
      },
      (e) => {
        this.#queued = false;
        this.#fail(e);
      },
    );
  }

  /** Whether any input was given (an element without scores waits quietly, showing "—"). */
  #given() {
    return this.#scores !== undefined || this.hasAttribute("scores");
  }

  #run() {
    if (!this.#given()) return;
    let result;
    try {
      result = this.compute();
    } catch (e) {
      this.#fail(e);
      return;
    }
    const { label, value } = this.headline(result);
    this.#result = result;
    this.#parts.label.textContent = label;
    this.#parts.value.textContent = valueText(value);
    this.#parts.chart.innerHTML = result.toSVG(); // the core's SVG: labels escaped, no scripts
    this.#parts.error.textContent = "";
    this.dispatchEvent(
      new CustomEvent("cx-result", { detail: JSON.parse(JSON.stringify(result)), bubbles: true, composed: true }),
    );
  }

  #fail(e) {
    this.#result = null;
    this.#parts.value.textContent = "—";
    this.#parts.chart.textContent = "";
    const message = e?.message ?? String(e);
    this.#parts.error.textContent = message;
    const code = e instanceof CxMetricsError ? e.code : null;
    this.dispatchEvent(new CustomEvent("cx-error", { detail: { code, message }, bubbles: true, composed: true }));
  }
}

/** Defines `name` unless it is defined already (or there is no custom-element registry). */
export function define(name, C) {
  if (typeof customElements !== "undefined" && customElements.get(name) === undefined) customElements.define(name, C);
}
