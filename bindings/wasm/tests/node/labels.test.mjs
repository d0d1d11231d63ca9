// Labelled answers (issue 13): every case of tests/vectors/labels.json in the full and the
// light module, and named cases of the JS API.

import assert from "node:assert/strict";
import { test } from "node:test";
import * as cx from "cxmetrics";
import * as light from "cxmetrics/survey";
import { check } from "../shared/vectors_labels.mjs";
import { loadVectors } from "./helpers.mjs";

const vectors = loadVectors("labels");

test("the labels vectors are all read", () => {
  assert.ok(vectors.cases.length >= 70);
  for (const c of vectors.cases) assert.equal(c.function, "tally_labels");
});

test("the light module reads numbers only (size budget)", () => {
  assert.throws(() => light.nps(["10"]), { name: "TypeError", message: /full cxmetrics module/ });
  assert.throws(() => light.Scale.thumbs(), TypeError);
  assert.equal(light.nps([10]).score, 100);
});

for (const c of vectors.cases) {
  for (const form of ["tally", "push"]) {
    test(`${c.id} [${form}]`, () => {
      assert.deepEqual(check(cx, c, form), []);
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
  const seg = cx.segment(["👍", "👎", "👍"], ["a", "b", "a"], {
    metric: "csat",
    scale: cx.Scale.thumbs(),
    threshold: 1,
  });
  assert.deepEqual(
    seg.rows.map((r) => r.score),
    [100, 0],
  );
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

test("Tally.push reads text like the column paths", () => {
  const s = cx.Scale.satisfaction5("en");
  const answers = ["Very satisfied", "satisfied ", "NEUTRAL", null, "Dissatisfied", "★★★★★", "n/a"];
  const t = new cx.Tally(s);
  for (const a of answers) t.push(a);
  // hand count: 5, 4, 3, -, 2, 5, -
  assert.deepEqual([t.counts, t.missing], [[0, 1, 1, 1, 2], 2]);
  const whole = new cx.Tally(s, answers);
  assert.deepEqual([whole.counts, whole.missing], [t.counts, t.missing]);
  // an unknown label's index is the rows seen before; the tally is unchanged
  assert.throws(() => t.push("great"), { code: "unknown_label", index: 7 });
  assert.throws(() => t.push("4/10"), { code: "out_of_scale", index: 7 });
  t.push("great", { onInvalid: "skip" });
  assert.deepEqual([t.n, t.missing, t.invalid], [5, 2, 1]);
  const w = new cx.Tally([1, 5]);
  w.push("4 out of 5", { weight: 2 });
  w.push(5);
  assert.deepEqual([w.counts, w.sumWeights], [[0, 0, 0, 1, 1], 3]);
  assert.throws(() => w.push("Satisfied"), { code: "unknown_label", index: 2 });
  assert.throws(() => w.push({}), TypeError);
  assert.throws(() => new light.Tally([1, 5]).push("5"), { name: "TypeError", message: /full cxmetrics module/ });
});
