// Runs in headless Chromium against the `web` build: every vector (survey, stats, service,
// lifecycle, segments, labels) and every named case; the survey, stats, lifecycle and segments
// vectors (not trends) again against `cxmetrics/survey/web`.
// Publishes { passed, failed, failures } on window.__cx for tests/browser/run.mjs.
import init, * as cx from "/pkg/web/index.mjs";
import initSurvey, * as light from "/pkg/web/survey.mjs";
import { cases } from "/tests/shared/cases.mjs";
import { cases as bufferCases } from "/tests/shared/cases_buffer.mjs";
import { cases as businessCases } from "/tests/shared/cases_business.mjs";
import { cases as serviceCases } from "/tests/shared/cases_service.mjs";
import { cases as statsCases } from "/tests/shared/cases_stats.mjs";
import { applies, check, VARIANTS } from "/tests/shared/vectors.mjs";
import { check as checkLabels } from "/tests/shared/vectors_labels.mjs";
import { check as checkLifecycleSegments, variantsOf } from "/tests/shared/vectors_lifecycle_segments.mjs";
import { check as checkService, expressible, formsOf } from "/tests/shared/vectors_service.mjs";
import { check as checkStats } from "/tests/shared/vectors_stats.mjs";

const results = { passed: 0, failed: 0, failures: [], counts: {} };
function record(group, name, fn) {
  results.counts[group] = (results.counts[group] ?? 0) + 1;
  try {
    fn();
    results.passed++;
  } catch (e) {
    results.failed++;
    results.failures.push(`${name}: ${e?.message ?? e}`);
  }
}

async function main() {
  record("init", "a call before init() throws an Error that says so", () => {
    let message = "";
    try {
      cx.nps([10]);
    } catch (e) {
      message = e.message;
    }
    if (!/init\(\)/.test(message)) throw new Error(`expected an init() error, got ${JSON.stringify(message)}`);
  });
  await init(); // fetches cxmetrics_wasm_bg.wasm next to the module (streaming: application/wasm)
  await init(); // idempotent

  const vectors = await (await fetch("/vectors/survey.json")).json();
  for (const c of vectors.cases) {
    for (const variant of VARIANTS) {
      if (!applies(c, variant)) continue;
      record("vectors", `${c.id} [${variant}]`, () => {
        const failures = check(cx, c, variant);
        if (failures.length) throw new Error(failures.join("; "));
      });
    }
  }
  for (const [name, fn] of cases) record("named", name, () => fn(cx));

  const stats = await (await fetch("/vectors/stats.json")).json();
  for (const c of stats.cases) {
    record("stats vectors", c.id, () => {
      const failures = checkStats(cx, c);
      if (failures.length) throw new Error(failures.join("; "));
    });
  }
  for (const [name, fn] of statsCases) record("stats named", name, () => fn(cx));

  const service = await (await fetch("/vectors/service.json")).json();
  for (const c of service.cases) {
    if (!expressible(c)) continue; // business clock without a schedule: no such option in JS
    for (const form of formsOf(c)) {
      record("service vectors", `${c.id} [${form}]`, () => {
        const failures = checkService(cx, c, form);
        if (failures.length) throw new Error(failures.join("; "));
      });
    }
  }
  for (const [name, fn] of serviceCases) record("service named", name, () => fn(cx));

  const lifecycle = await (await fetch("/vectors/lifecycle.json")).json();
  const segments = await (await fetch("/vectors/segments.json")).json();
  const lifecycleSegments = [...lifecycle.cases, ...segments.cases];
  for (const c of lifecycleSegments) {
    for (const variant of variantsOf(c)) {
      record("lifecycle and segments vectors", `${c.id} [${variant}]`, () => {
        const failures = checkLifecycleSegments(cx, c, variant);
        if (failures.length) throw new Error(failures.join("; "));
      });
    }
  }
  for (const [name, fn] of businessCases) record("business named", name, () => fn(cx));
  for (const [name, fn] of bufferCases) record("buffer named", name, () => fn(cx));

  // Labelled answers (issue 13): every labels vector, as one array and pushed one by one.
  const labels = await (await fetch("/vectors/labels.json")).json();
  for (const c of labels.cases) {
    for (const form of ["tally", "push"]) {
      record("labels vectors", `${c.id} [${form}]`, () => {
        const failures = checkLabels(cx, c, form);
        if (failures.length) throw new Error(failures.join("; "));
      });
    }
  }

  // The light module (cxmetrics/survey/web): its own .wasm and init.
  await initSurvey();
  for (const c of vectors.cases) {
    record("survey module: survey vectors", c.id, () => {
      const failures = check(light, c, "array");
      if (failures.length) throw new Error(failures.join("; "));
    });
  }
  for (const c of stats.cases) {
    record("survey module: stats vectors", c.id, () => {
      const failures = checkStats(light, c);
      if (failures.length) throw new Error(failures.join("; "));
    });
  }
  for (const [name, fn] of bufferCases) record("survey module: buffer named", name, () => fn(light));
  for (const c of lifecycleSegments) {
    if (c.function === "trend") continue; // takes instants: not in the light module
    record("survey module: lifecycle and segments vectors", c.id, () => {
      const failures = checkLifecycleSegments(light, c, variantsOf(c)[0]);
      if (failures.length) throw new Error(failures.join("; "));
    });
  }

  record("large", "1 million scores in a Uint8Array", () => {
    const xs = new Uint8Array(1_000_000);
    for (let i = 0; i < xs.length; i++) xs[i] = i % 11;
    const r = cx.nps(xs);
    if (r.n !== xs.length) throw new Error(`n = ${r.n}`);
  });
}

main()
  .catch((e) => {
    results.failed++;
    results.failures.push(`page: ${e?.stack ?? e}`);
  })
  .finally(() => {
    document.getElementById("out").textContent =
      `${results.passed} passed, ${results.failed} failed\n${results.failures.join("\n")}`;
    window.__cx = results;
  });
