// Labelled answers (issue 13): every case of tests/vectors/labels.json in the full and the
// light module, and named cases of the JS API.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as cx from "cxmetrics";
import * as light from "cxmetrics/survey";
import { loadVectors } from "./helpers.mjs";

const vectors = loadVectors("labels");
const camel = (s) => s.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

function scaleOf(m, c) {
  if (c.preset !== null) {
    const make = m.Scale[camel(c.preset.name)];
    return c.preset.lang === null ? make() : make(c.preset.lang);
  }
  const [lo, hi] = c.scale;
  const options = {};
  if (c.labels !== null) options.labels = Object.fromEntries(c.labels);
  if (c.missing !== null) options.missing = c.missing;
  return new m.Scale(lo, hi, options);
}

test("the labels vectors are all read", () => {
  assert.ok(vectors.cases.length >= 70);
  for (const c of vectors.cases) assert.equal(c.function, "tally_labels");
});

test("the light module reads numbers only (size budget)", () => {
  assert.throws(() => light.nps(["10"]), { name: "TypeError", message: /full cxmetrics module/ });
  assert.throws(() => light.Scale.thumbs(), TypeError);
  assert.equal(light.nps([10]).score, 100);
});

for (const [name, m] of [["full", cx]]) {
  for (const c of vectors.cases) {
    test(`${c.id} [${name}]`, () => {
      const run = () => new m.Tally(scaleOf(m, c), c.answers, { onInvalid: c.on_invalid });
      if (c.error !== undefined) {
        assert.throws(run, (e) => {
          assert.ok(e instanceof m.CxMetricsError, String(e));
          assert.equal(e.code, c.error, e.message);
          assert.equal(e.index, c.index ?? null);
          if (c.label !== undefined) assert.ok(e.message.includes(c.label), e.message);
          return true;
        });
        return;
      }
      const t = run();
      assert.deepEqual([t.counts, t.missing, t.invalid], [c.expected.counts, c.expected.missing, c.expected.invalid]);
    });
  }
}

test("labelled and numeric answers give identical results", () => {
  const s = cx.Scale.satisfaction5("vi");
  const words = ["Rất hài lòng", "hài lòng ", "Bình thường", null, "Không hài lòng", "n/a"];
  const numbers = [5, 4, 3, null, 2, null];
  assert.deepEqual(cx.csat(words, { scale: s }), cx.csat(numbers));
  assert.deepEqual(cx.mean(words, { scale: s }).score, cx.mean(numbers, { scale: [1, 5] }).score);
  assert.deepEqual(cx.distribution(words, { scale: s }).counts, [0, 1, 1, 1, 1]);
  const seg = cx.segment(["👍", "👎", "👍"], ["a", "b", "a"], { metric: "csat", scale: cx.Scale.thumbs(), threshold: 1 });
  assert.deepEqual(seg.rows.map((r) => r.score), [100, 0]);
  assert.equal(cx.nps(["10 - Extremely likely", "۹", "๑๐ คะแนน", "0"]).score, 50);
  const t = new cx.Tally(cx.Scale.helpdeskRating());
  t.extend(["good", "bad", "offered", "Good"]);
  assert.deepEqual([t.counts, t.missing], [[1, 2], 1]);
});

test("scales with labels: refusals, equality, JSON", () => {
  assert.throws(() => new cx.Scale(1, 5, { labels: { Good: 4, "good ": 5 } }), { code: "invalid_scale" });
  assert.throws(() => new cx.Scale(1, 5, { labels: [["good", 4]] }), TypeError);
  assert.throws(() => cx.Scale.satisfaction5("de"), { code: "invalid_argument" });
  const s = new cx.Scale(0, 1, { labels: { Yes: 1, No: 0 }, missing: ["(no answer)"] });
  assert.ok(s.equals(new cx.Scale(0, 1, { labels: { Yes: 1, No: 0 }, missing: ["(no answer)"] })));
  assert.ok(!s.equals([0, 1]));
  assert.deepEqual(s.toJSON(), { min: 0, max: 1, labels: { Yes: 1, No: 0 }, missing: ["(no answer)"] });
  assert.throws(() => cx.csat(["Yes", "maybe"], { scale: s, threshold: 1 }), { code: "unknown_label", index: 1 });
  assert.equal(cx.csat(["Yes", "maybe"], { scale: s, threshold: 1, onInvalid: "skip" }).invalid, 1);
});
