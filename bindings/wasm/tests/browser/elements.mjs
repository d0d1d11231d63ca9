// The web elements in Chromium (run by run.mjs): rendering, attribute and property inputs,
// events (bubbling, composed), refused input ("—" and cx-error, no throw), guarded define.
// Expected numbers are hand-calculated. Results go to window.__cxElements.

import { CxDistribution } from "/pkg/elements/distribution.js";
import { CxNpsGauge, ready } from "/pkg/elements/nps-gauge.js";
import { CxTrend } from "/pkg/elements/trend.js";

const out = { passed: 0, failed: 0, failures: [] };
async function check(name, fn) {
  try {
    await fn();
    out.passed++;
  } catch (e) {
    out.failed++;
    out.failures.push(`elements: ${name}: ${e?.message ?? e}`);
  }
}
function assert(cond, message) {
  if (!cond) throw new Error(message);
}
const part = (el, p) => el.shadowRoot.querySelector(`[part=${p}]`);
/** The next cx-result or cx-error event of `el` (whichever comes first). */
const next = (el) =>
  new Promise((resolve) => {
    const on = (e) => {
      el.removeEventListener("cx-result", on);
      el.removeEventListener("cx-error", on);
      resolve(e);
    };
    el.addEventListener("cx-result", on);
    el.addEventListener("cx-error", on);
  });
/** Resolves with the element's state once its pending computation ran. */
const settled = async (_el) => {
  await ready;
  await new Promise((r) => setTimeout(r, 0));
};

await check("ready resolves and the elements are defined once, as the exported classes", async () => {
  await ready;
  assert(customElements.get("cx-nps-gauge") === CxNpsGauge, "cx-nps-gauge");
  assert(customElements.get("cx-distribution") === CxDistribution, "cx-distribution");
  assert(customElements.get("cx-trend") === CxTrend, "cx-trend");
});

await check("guarded define: importing an element module again does not throw", async () => {
  const again = await import("/pkg/elements/nps-gauge.js?again");
  assert(again.CxNpsGauge !== CxNpsGauge, "a second module instance");
  assert(customElements.get("cx-nps-gauge") === CxNpsGauge, "the first definition stays");
});

await check("attributes: <cx-nps-gauge scores=…> shows 14.3 and the core's SVG in an open shadow root", async () => {
  const el = document.getElementById("attr");
  await settled(el);
  assert(el.shadowRoot !== null && el.shadowRoot.mode === "open", "open shadow root");
  // 3 promoters (10, 9, 9), 2 detractors (3, 0) of 7: 100 × 1/7 = 14.2857…
  assert(part(el, "value").textContent === "14.3", `value ${part(el, "value").textContent}`);
  assert(part(el, "label").textContent === "NPS", "label");
  assert(Math.abs(el.result.score - 100 / 7) < 1e-12, `result.score ${el.result?.score}`);
  const svg = part(el, "chart").querySelector("svg");
  assert(svg !== null && svg.getAttribute("role") === "img", "an svg with role img");
  assert(svg.getAttribute("aria-label").startsWith("NPS 14.3: promoters 42.9%"), svg.getAttribute("aria-label"));
  const parsed = document.createElement("template");
  parsed.innerHTML = el.result.toSVG();
  assert(part(el, "chart").innerHTML === parsed.innerHTML, "the chart is the result's toSVG()");
});

await check("distribution: scale attribute, top box 75.0", async () => {
  const el = document.getElementById("dist");
  await settled(el);
  // 5, 5, 4 of 4 answers are in the top box (4-5): 75 %.
  assert(part(el, "value").textContent === "75.0", `value ${part(el, "value").textContent}`);
  assert(el.result.counts.join() === "0,1,0,1,2", `counts ${el.result.counts}`);
});

await check("properties: a Uint8Array, a negative score with a true minus sign; cx-result with the JSON", async () => {
  const el = document.createElement("cx-nps-gauge");
  document.body.append(el);
  const event = next(el);
  el.scores = new Uint8Array([0, 0, 10]); // (1 − 2) / 3 = −33.33…
  const e = await event;
  assert(e.type === "cx-result", e.type);
  assert(e.bubbles && e.composed, "bubbles and composed");
  assert(e.detail.nDetractors === 2 && e.detail.n === 3, JSON.stringify(e.detail));
  assert(part(el, "value").textContent === "\u221233.3", `value ${part(el, "value").textContent}`);
  el.remove();
});

await check("events cross shadow roots: a cx-result inside another element's shadow DOM reaches document", async () => {
  const host = document.getElementById("host");
  const inner = host.attachShadow({ mode: "open" });
  const el = document.createElement("cx-nps-gauge");
  const seen = new Promise((resolve) => document.addEventListener("cx-result", resolve, { once: true }));
  inner.append(el);
  el.setAttribute("scores", "10,10");
  const e = await seen;
  assert(e.composed && e.bubbles, "composed");
  assert(e.target === host, "retargeted to the shadow host");
  assert(e.detail.score === 100, `score ${e.detail.score}`);
});

await check(
  "refused input: out of scale shows — and fires cx-error { code, message }, the setter does not throw",
  async () => {
    const el = document.createElement("cx-nps-gauge");
    document.body.append(el);
    let event = next(el);
    el.setAttribute("scores", "10,11");
    let e = await event;
    assert(e.type === "cx-error", e.type);
    assert(e.bubbles && e.composed, "bubbles and composed");
    assert(e.detail.code === "out_of_scale", `code ${e.detail.code}`);
    assert(/11/.test(e.detail.message), e.detail.message);
    assert(part(el, "value").textContent === "—", "value —");
    assert(part(el, "chart").childElementCount === 0, "no chart");
    assert(el.result === null, "no result");
    // A wrong type: the setter stores it, the computation reports it (code null).
    event = next(el);
    let threw = false;
    try {
      el.scores = 42;
    } catch {
      threw = true;
    }
    assert(!threw, "the setter threw");
    e = await event;
    assert(e.type === "cx-error" && e.detail.code === null, `${e.type} ${e.detail.code}`);
    // And back to a good input.
    event = next(el);
    el.scores = [10];
    e = await event;
    assert(e.type === "cx-result" && part(el, "value").textContent === "100.0", "recovers");
    el.remove();
  },
);

await check("trend: times and scores as properties, metric and min-n attributes", async () => {
  const el = document.createElement("cx-trend");
  el.setAttribute("min-n", "1");
  document.body.append(el);
  const event = next(el);
  el.times = [new Date("2026-01-05T10:00:00Z"), "2026-02-03T10:00:00Z"];
  el.scores = [0, 10];
  const e = await event;
  assert(e.type === "cx-result", `${e.type} ${JSON.stringify(e.detail)}`);
  assert(Array.isArray(e.detail) && e.detail.length === 2, "detail: the rows");
  assert(part(el, "value").textContent === "100.0", `value ${part(el, "value").textContent}`);
  assert(part(el, "label").textContent === "NPS 2026-02", `label ${part(el, "label").textContent}`);
  assert(el.result.length === 2 && el.result[0].score === -100, "result rows");
  assert(part(el, "chart").querySelector("svg") !== null, "chart");
  el.remove();
});

await check("no input: an element without scores waits quietly (—, no event)", async () => {
  const el = document.createElement("cx-distribution");
  let fired = false;
  el.addEventListener("cx-error", () => (fired = true));
  el.addEventListener("cx-result", () => (fired = true));
  document.body.append(el);
  await settled(el);
  assert(!fired && part(el, "value").textContent === "—" && el.result === null, "quiet");
  el.remove();
});

window.__cxElements = out;
