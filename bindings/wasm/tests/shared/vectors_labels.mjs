// Runner of the labels conformance vectors (tests/vectors/labels.json, written by
// tests/vectors/oracle_labels.py) against the JS API, in Node and in the browser: it gets
// the API object (`import * as cx`) and one parsed case from its caller.
//
// A case builds its scale (a preset, or min/max with labels and missing texts), tallies
// its answers with `new Tally(scale, answers, { onInvalid })`, and expects the counts,
// missing and invalid, or an error with its code, index and (for refused scales) label.

const camel = (s) => s.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

/** The case's scale in the API `m`. */
export function scaleOf(m, c) {
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

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The failures of case `c` against the API `m` (empty when it passes). `form`:
 * "tally" (the answers as one array) or "push" (one `Tally.push` per answer, where an
 * error's index is the rows seen before, i.e. the answer's position).
 */
export function check(m, c, form = "tally") {
  const run = () => {
    if (form === "tally") return new m.Tally(scaleOf(m, c), c.answers, { onInvalid: c.on_invalid });
    const t = new m.Tally(scaleOf(m, c));
    for (const a of c.answers) t.push(a, { onInvalid: c.on_invalid });
    return t;
  };
  if (c.error !== undefined) {
    try {
      run();
    } catch (e) {
      const failures = [];
      if (!(e instanceof m.CxMetricsError)) return [`expected CxMetricsError, got ${e}`];
      if (e.code !== c.error) failures.push(`code ${e.code}, expected ${c.error} (${e.message})`);
      if (e.index !== (c.index ?? null)) failures.push(`index ${e.index}, expected ${c.index ?? null}`);
      if (c.label !== undefined && !e.message.includes(c.label))
        failures.push(`message without ${c.label}: ${e.message}`);
      return failures;
    }
    return [`expected the error ${c.error}, got none`];
  }
  const t = run();
  const got = [t.counts, t.missing, t.invalid];
  const want = [c.expected.counts, c.expected.missing, c.expected.invalid];
  return same(got, want) ? [] : [`got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`];
}
