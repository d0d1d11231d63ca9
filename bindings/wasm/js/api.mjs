// The public JS API of cxmetrics, over the raw wasm-bindgen module (src/lib.rs).
//
// Thin by design: it checks the *types* of arguments (TypeError), turns plain arrays
// into a Float64Array (null / undefined -> NaN = missing), passes typed arrays through
// untouched, calls the core, wraps results as frozen plain objects and re-throws core
// errors as CxMetricsError. Every value check (scale, scores, weights, thresholds,
// methods) is the core's.
//
// This file is the one source of the API for the three builds: scripts/build.mjs copies
// it as ESM (web, bundler) and as CommonJS (node). It must therefore contain exactly
// one `export` (createApi) and no `import`.

export function createApi(raw, version, assertReady) {
  // ───────────────────────────── errors ─────────────────────────────

  /**
   * The error of every invalid input or option: `code` is stable (`"empty"`,
   * `"out_of_scale"`, ...), `index` is the offending position or `null`.
   */
  class CxMetricsError extends Error {
    constructor(message, code, index = null) {
      super(message);
      this.code = code;
      this.index = index;
    }
  }
  Object.defineProperty(CxMetricsError.prototype, "name", {
    value: "CxMetricsError",
    writable: true,
    configurable: true,
  });

  /** Calls into wasm; re-throws the raw layer's errors as CxMetricsError. */
  function call(f) {
    if (assertReady) assertReady();
    try {
      return f();
    } catch (e) {
      if (e instanceof Error && e.cxmetrics === true && !(e instanceof CxMetricsError)) {
        throw new CxMetricsError(e.message, e.code, e.index ?? null);
      }
      throw e;
    }
  }

  /** An invalid_argument error made here, worded like the core's. */
  function argumentError(name, message) {
    return new CxMetricsError(`invalid argument \`${name}\`: ${message}`, "invalid_argument", null);
  }

  // ───────────────────────────── argument types ─────────────────────────────

  // The intrinsic %TypedArray% accessors: they read internal slots, so a subclass or a
  // proxy cannot make them lie (a lying `length` could make the copy into wasm fail).
  const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
  const intrinsic = (key) => Object.getOwnPropertyDescriptor(TypedArrayPrototype, key).get;
  const typedArrayTag = intrinsic(Symbol.toStringTag);
  const typedArrayLength = intrinsic("length");
  const typedArrayBuffer = intrinsic("buffer");
  const typedArrayOffset = intrinsic("byteOffset");
  /** "Uint8Array", "Float64Array", ... for a typed array (of any realm), else undefined. */
  const tagOf = (x) => typedArrayTag.call(x);
  // Typed arrays handed to wasm as they are (one copy), each as its own Rust slice type.
  const NATIVE = {
    Uint8Array,
    Uint8ClampedArray,
    Int8Array,
    Uint16Array,
    Int16Array,
    Uint32Array,
    Int32Array,
    Float32Array,
    Float64Array,
    BigInt64Array,
    BigUint64Array,
  };
  // wasm32 linear memory is 4 GiB at most.
  const MAX_BYTES = 2 ** 32;

  function describe(v) {
    switch (typeof v) {
      case "string":
        return `the string ${JSON.stringify(v.length > 24 ? `${v.slice(0, 24)}…` : v)}`;
      case "bigint":
        return `the bigint ${v}n`;
      case "boolean":
      case "number":
        return `${typeof v} ${v}`;
      case "undefined":
        return "undefined";
      case "symbol":
        return "a symbol";
      case "function":
        return "a function";
      default: {
        if (v === null) return "null";
        if (Array.isArray(v)) return "an array";
        const tag = tagOf(v);
        if (tag) return `a ${tag}`;
        return `an object (${Object.prototype.toString.call(v).slice(8, -1)})`;
      }
    }
  }

  function tooLarge(what, length) {
    return argumentError(
      what,
      `${length} values do not fit in WebAssembly memory (4 GiB); pass the data in chunks and merge Tally objects`,
    );
  }

  /**
   * A fresh view of this realm's own class over the same memory (no copy): no getter of
   * a subclass runs while wasm copies it, and a detached array reads as empty.
   */
  function ownView(what, typed, tag) {
    const Ctor = NATIVE[tag];
    const length = typedArrayLength.call(typed);
    if (length * Ctor.BYTES_PER_ELEMENT >= MAX_BYTES) throw tooLarge(what, length);
    if (length === 0) return new Ctor(0);
    return new Ctor(typedArrayBuffer.call(typed), typedArrayOffset.call(typed), length);
  }

  /** A new Float64Array from `make()`; too little memory is an error, not a RangeError. */
  function floats64(what, length, make) {
    if (length * 8 >= MAX_BYTES) throw tooLarge(what, length);
    try {
      return make();
    } catch (e) {
      if (e instanceof RangeError) throw tooLarge(what, length);
      throw e;
    }
  }

  /** A plain array of numbers (null / undefined = NaN) as a Float64Array. */
  function numbers(array, what) {
    const n = array.length;
    const out = floats64(what, n, () => new Float64Array(n));
    for (let i = 0; i < n; i++) {
      const v = array[i];
      if (typeof v === "number") out[i] = v;
      else if (v === null || v === undefined) out[i] = NaN;
      else {
        throw new TypeError(
          `${what}[${i}] is ${describe(v)}; ${what} must be numbers, with null, undefined or NaN for a missing value`,
        );
      }
    }
    return out;
  }

  /** Scores as [typed array tag, typed array]. */
  function scoresArg(scores) {
    const tag = tagOf(scores);
    if (tag !== undefined) {
      if (tag in NATIVE) return [tag, ownView("scores", scores, tag)];
      // A typed array this build does not know (e.g. Float16Array): widen it.
      const widened = floats64("scores", typedArrayLength.call(scores), () => Float64Array.from(scores));
      return ["Float64Array", ownView("scores", widened, "Float64Array")];
    }
    if (Array.isArray(scores)) return ["Float64Array", ownView("scores", numbers(scores, "scores"), "Float64Array")];
    throw new TypeError(
      `scores must be an array of numbers (null or undefined for a missing answer), a typed array or a Tally, not ${describe(scores)}`,
    );
  }

  /** Weights (or counts) as a Float64Array; undefined when absent. */
  function floatsArg(values, what) {
    if (values === undefined || values === null) return undefined;
    const tag = tagOf(values);
    let floats;
    if (tag === "Float64Array") return ownView(what, values, tag);
    const length = tag === undefined ? 0 : typedArrayLength.call(values);
    if (tag === "BigInt64Array" || tag === "BigUint64Array") {
      const view = ownView(what, values, tag);
      floats = floats64(what, length, () => Float64Array.from(view, Number));
    } else if (tag in NATIVE) {
      const view = ownView(what, values, tag);
      floats = floats64(what, length, () => new Float64Array(view));
    } else if (tag !== undefined) floats = floats64(what, length, () => Float64Array.from(values));
    else if (Array.isArray(values)) floats = numbers(values, what);
    else throw new TypeError(`${what} must be an array of numbers or a typed array, not ${describe(values)}`);
    return ownView(what, floats, "Float64Array");
  }

  const given = (v) => v !== undefined && v !== null;

  function intArg(v, what) {
    if (typeof v !== "number" || !Number.isInteger(v)) {
      throw new TypeError(`${what} must be an integer, not ${describe(v)}`);
    }
    return v;
  }

  const optionalInt = (v, what) => (given(v) ? intArg(v, what) : undefined);

  function numberArg(v, what) {
    if (typeof v !== "number") throw new TypeError(`${what} must be a number, not ${describe(v)}`);
    return v;
  }

  const optionalNumber = (v, what) => (given(v) ? numberArg(v, what) : undefined);

  function optionalString(v, what) {
    if (!given(v)) return undefined;
    if (typeof v !== "string") throw new TypeError(`${what} must be a string, not ${describe(v)}`);
    // Valid values are short words; the core names an invalid one in its message, so keep
    // that (and the copy into wasm memory) small whatever the input.
    return v.length > 64 ? `${v.slice(0, 64)}…` : v;
  }

  const onInvalidArg = (v) => optionalString(v, "onInvalid") ?? "error";

  function optionsArg(options, allowed, fn) {
    if (options === undefined || options === null) return {};
    if (typeof options !== "object" || Array.isArray(options)) {
      throw new TypeError(`${fn}() options must be an object, not ${describe(options)}`);
    }
    for (const key of Object.keys(options)) {
      if (!allowed.includes(key)) {
        const hint = key.includes("_") ? " (options are camelCase)" : "";
        throw new TypeError(
          `${fn}() got an unknown option ${JSON.stringify(key)}${hint}; expected ${allowed.join(", ")}`,
        );
      }
    }
    return options;
  }

  // ───────────────────────────── Scale ─────────────────────────────

  /** An integer response scale min..=max with 2 to 101 points. */
  class Scale {
    constructor(min, max) {
      intArg(min, "Scale min");
      intArg(max, "Scale max");
      call(() => raw.checkScale(min, max));
      Object.defineProperty(this, "min", { value: min + 0, enumerable: true });
      Object.defineProperty(this, "max", { value: max + 0, enumerable: true });
      Object.freeze(this);
    }
    /** The number of points, max - min + 1. */
    get points() {
      return this.max - this.min + 1;
    }
    /** Whether `value` is a point of this scale (an integer in min..=max). */
    contains(value) {
      return Number.isInteger(value) && value >= this.min && value <= this.max;
    }
    /** Whether `other` (a Scale or [min, max]) is the same scale. */
    equals(other) {
      if (other instanceof Scale) return other.min === this.min && other.max === this.max;
      return Array.isArray(other) && other.length === 2 && other[0] === this.min && other[1] === this.max;
    }
    toString() {
      return `${this.min}–${this.max}`;
    }
    toJSON() {
      return { min: this.min, max: this.max };
    }
    /** 0–10, the NPS "likelihood to recommend" scale. */
    static nps() {
      return new Scale(0, 10);
    }
    /** 1–5 (CSAT, CES 1.0). */
    static oneToFive() {
      return new Scale(1, 5);
    }
    /** 1–7 (CES 2.0). */
    static oneToSeven() {
      return new Scale(1, 7);
    }
    /** 1–10. */
    static oneToTen() {
      return new Scale(1, 10);
    }
    /** 0–1 (binary). */
    static binary() {
      return new Scale(0, 1);
    }
  }

  function scaleArg(s, what = "scale") {
    if (s instanceof Scale) return s;
    if (Array.isArray(s) && s.length === 2) return new Scale(s[0], s[1]);
    throw new TypeError(`${what} must be a Scale or a [min, max] pair of integers, not ${describe(s)}`);
  }

  // ───────────────────────────── Tally ─────────────────────────────

  const INTERNAL = Symbol("cxmetrics.internal");
  const MAX_JSON = 1 << 20;
  let rawOf;

  /** Frees a temporary RawTally; never masks the error being thrown, if any. */
  function release(t) {
    try {
      t.free();
    } catch {}
  }

  function extendRaw(t, scores, weights, onInvalid) {
    const [kind, array] = scoresArg(scores);
    const w = floatsArg(weights, "weights");
    const policy = onInvalidArg(onInvalid);
    call(() => t.extend(kind, array, w, policy));
  }

  /** Mergeable counts (and weight sums) of responses on one scale. */
  class Tally {
    #raw;
    #scale;

    static {
      rawOf = (t) => {
        if (!t.#raw) throw new TypeError("this Tally was freed (Tally.free()) and cannot be used");
        return t.#raw;
      };
    }

    constructor(scale, scores, options) {
      if (scale === INTERNAL) {
        this.#raw = scores;
        return;
      }
      const s = scaleArg(scale);
      const o = optionsArg(options, ["weights", "onInvalid"], "new Tally");
      const t = call(() => new raw.RawTally(s.min, s.max));
      if (given(scores) || given(o.weights)) {
        try {
          extendRaw(t, scores ?? [], o.weights, o.onInvalid);
        } catch (e) {
          release(t);
          throw e;
        }
      } else onInvalidArg(o.onInvalid);
      this.#raw = t;
      this.#scale = s;
    }

    /** A tally from counts per point: counts[k] responses scored scale.min + k. */
    static fromCounts(scale, counts) {
      const s = scaleArg(scale);
      const c = floatsArg(counts, "counts");
      if (c === undefined) throw new TypeError("counts must be an array of integers, not " + describe(counts));
      return new Tally(INTERNAL, call(() => raw.RawTally.fromCounts(s.min, s.max, c)));
    }

    /** Reads the `cxmetrics.tally` JSON format: a string or the object `toJSON()` returns. */
    static fromJSON(json) {
      let text = json;
      if (typeof json !== "string") {
        if (json === null || typeof json !== "object") {
          throw new TypeError(`Tally.fromJSON needs a JSON string or object, not ${describe(json)}`);
        }
        text = JSON.stringify(json);
      }
      // A serialized tally is a few kB at most (101 points); refuse megabytes up front
      // rather than copying them into wasm memory.
      if (text.length > MAX_JSON) {
        throw new CxMetricsError(
          `invalid serialized tally: ${text.length} characters is far more than a tally takes`,
          "invalid_format",
          null,
        );
      }
      // JSON.parse here, not in wasm: the module carries no JSON parser. Its result is
      // plain data (objects, arrays, strings, numbers, booleans, null) for the core's
      // serde reader.
      let value;
      try {
        value = JSON.parse(text);
      } catch (e) {
        throw new CxMetricsError(`invalid serialized tally: not JSON (${e.message})`, "invalid_format", null);
      }
      return new Tally(INTERNAL, call(() => raw.RawTally.fromJson(value)));
    }

    /** Adds one score (null / undefined / NaN = missing); returns this tally. */
    push(score, options) {
      const o = optionsArg(options, ["weight", "onInvalid"], "Tally.push");
      let x = score;
      if (!given(x)) x = NaN;
      else if (typeof x !== "number") {
        throw new TypeError(`score must be a number (null or undefined for a missing answer), not ${describe(x)}`);
      }
      let w;
      if (given(o.weight)) {
        if (typeof o.weight !== "number") throw new TypeError(`weight must be a number, not ${describe(o.weight)}`);
        w = o.weight;
      }
      const policy = onInvalidArg(o.onInvalid);
      const t = rawOf(this);
      call(() => t.push(x, w, policy));
      return this;
    }

    /** Adds many scores in one pass, all or nothing; returns this tally. */
    extend(scores, options) {
      const o = optionsArg(options, ["weights", "onInvalid"], "Tally.extend");
      extendRaw(rawOf(this), scores, o.weights, o.onInvalid);
      return this;
    }

    /** Adds another tally's responses to this one (same scale); returns this tally. */
    merge(other) {
      if (!(other instanceof Tally)) throw new TypeError(`Tally.merge needs a Tally, not ${describe(other)}`);
      const t = rawOf(this);
      if (other === this) call(() => t.mergeSelf());
      else {
        const o = rawOf(other);
        call(() => t.merge(o));
      }
      return this;
    }

    get scale() {
      if (this.#scale === undefined) {
        const t = rawOf(this);
        this.#scale = new Scale(t.min, t.max);
      }
      return this.#scale;
    }
    get counts() {
      return Array.from(rawOf(this).counts);
    }
    /** Σw per point (equal to `counts` when unweighted). */
    get pointWeights() {
      return Array.from(rawOf(this).pointWeights);
    }
    get n() {
      return rawOf(this).n;
    }
    get missing() {
      return rawOf(this).missing;
    }
    get invalid() {
      return rawOf(this).invalid;
    }
    get weighted() {
      return rawOf(this).weighted;
    }
    get sumWeights() {
      return rawOf(this).sumWeights;
    }
    get nEff() {
      return rawOf(this).nEff;
    }

    /** The serialized state (`cxmetrics.tally` format, version 1) as an object. */
    toJSON() {
      return rawOf(this).toJson();
    }

    /** An independent copy of this tally. */
    copy() {
      const t = rawOf(this);
      return new Tally(INTERNAL, call(() => t.copy()));
    }

    /** Releases the wasm memory now, rather than when the tally is garbage-collected. */
    free() {
      if (this.#raw) {
        this.#raw.free();
        this.#raw = undefined;
      }
    }

    toString() {
      const t = rawOf(this);
      return `Tally(${this.scale}, n=${t.n}, missing=${t.missing}, invalid=${t.invalid}${t.weighted ? ", weighted" : ""})`;
    }

    [Symbol.for("nodejs.util.inspect.custom")]() {
      return this.#raw ? this.toString() : "Tally(freed)";
    }
  }

  // ───────────────────────────── results ─────────────────────────────

  // The raw layer returns results as small wasm structs with one getter per field
  // (src/results.rs). Copy them into plain data and free the struct at once.
  // wasm-bindgen lists getters alphabetically; results list their fields in this order
  // (the order of the Rust and Python results); any other field follows.
  const ORDER = [
    "score",
    "promoters",
    "passives",
    "detractors",
    "nPromoters",
    "nPassives",
    "nDetractors",
    "buckets",
    "detractorMax",
    "promoterMin",
    "method",
    "higherIsBetter",
    "threshold",
    "bottomThreshold",
    "stdDev",
    "count",
    "points",
    "counts",
    "shares",
    "n",
    "missing",
    "invalid",
    "sumWeights",
    "nEff",
    "weighted",
  ];
  const rank = (k) => (ORDER.includes(k) ? ORDER.indexOf(k) : ORDER.length);
  const getterNames = new Map();
  function fieldsOf(out) {
    const proto = Object.getPrototypeOf(out);
    let names = getterNames.get(proto);
    if (!names) {
      names = Object.entries(Object.getOwnPropertyDescriptors(proto))
        .filter(([, d]) => typeof d.get === "function")
        .map(([k]) => k)
        .sort((a, b) => rank(a) - rank(b));
      getterNames.set(proto, names);
    }
    return names;
  }
  /** The getters of a raw result as plain data (the estimate apart), then frees it. */
  function plain(out) {
    try {
      const fields = {};
      for (const key of fieldsOf(out)) {
        if (key === "estimate") continue;
        let v = out[key];
        if (v === undefined) v = null; // Option::None
        else if (ArrayBuffer.isView(v)) v = Object.freeze(Array.from(v));
        else if (v !== null && typeof v === "object") v = Object.freeze(plain(v)); // nested struct
        fields[key] = v;
      }
      return fields;
    } finally {
      out.free();
    }
  }

  /** A raw result's fields and its estimate (a Float64Array, or undefined when it has none). */
  function unwrap(out) {
    const est = out.estimate;
    return [plain(out), est !== undefined && est.length > 0 ? est : undefined];
  }

  /** A plain copy of a result's fields (arrays and nested objects copied too). */
  function copyFields(obj) {
    const out = {};
    for (const [k, v] of Object.entries(obj)) {
      out[k] = Array.isArray(v)
        ? v.map((x) => (x !== null && typeof x === "object" ? copyFields(x) : x))
        : v !== null && typeof v === "object"
          ? copyFields(v)
          : v;
    }
    return out;
  }

  let estimateOf;

  /**
   * Frozen plain-data results with toJSON(). The inference estimate (the core's
   * sufficient statistics) lives in a private field: not a property, so it stays out of
   * Object.keys, JSON and equality checks, and cannot be forged.
   */
  class Result {
    #estimate;
    constructor(fields, estimate) {
      Object.assign(this, fields);
      this.#estimate = estimate;
      Object.freeze(this);
    }
    static {
      estimateOf = (r) => (r !== null && typeof r === "object" && #estimate in r ? r.#estimate : undefined);
    }
    toJSON() {
      return copyFields(this);
    }
  }

  const LEVEL = ["level"];
  const LEVEL_METHOD = ["level", "method"];
  /** Confidence level: a number, default 0.95 (the core checks its range). */
  const levelArg = (o) => optionalNumber(o.level, "level") ?? 0.95;

  /** A result with an estimate: interval() and marginOfError() (shared prototype). */
  class Estimated extends Result {
    /** A confidence interval ({ level = 0.95, method = the kind's default }). */
    interval(options) {
      const o = optionsArg(options, LEVEL_METHOD, "interval");
      const level = levelArg(o);
      const method = optionalString(o.method, "method");
      const est = estimateFrom(this);
      return new Interval(call(() => raw.estimateInterval(est, level, method)));
    }
    /** Half-width of the default interval before clamping ({ level = 0.95 }). */
    marginOfError(options) {
      const o = optionsArg(options, LEVEL, "marginOfError");
      const level = levelArg(o);
      const est = estimateFrom(this);
      return call(() => raw.estimateMargin(est, level));
    }
  }

  /** The estimate of an Estimated result; a stored core error (e.g. `empty`) is thrown. */
  function estimateFrom(r) {
    const est = estimateOf(r);
    if (est instanceof CxMetricsError) throw new CxMetricsError(est.message, est.code, est.index);
    if (est === undefined) throw new TypeError("this result has no estimate to infer from");
    return est;
  }

  /** A result of class C from a raw result struct. */
  const result = (C, out) => new C(...unwrap(out));

  class NpsResult extends Estimated {}
  class CsatResult extends Estimated {}
  class CesResult extends Estimated {}
  class MeanResult extends Estimated {}
  class BoxResult extends Estimated {}
  class Distribution extends Result {}

  /** Reads fixed fields of a raw struct, in order, then frees it. */
  function take(out, keys) {
    try {
      const fields = {};
      for (const k of keys) {
        const v = out[k];
        fields[k] = v === undefined ? null : v;
      }
      return fields;
    } finally {
      out.free();
    }
  }

  /** A confidence interval: { lower, upper, level, method }; `const [lo, hi] = interval` works. */
  class Interval {
    constructor(out) {
      Object.assign(this, take(out, ["lower", "upper", "level", "method"]));
      Object.freeze(this);
    }
    *[Symbol.iterator]() {
      yield this.lower;
      yield this.upper;
    }
    toJSON() {
      return copyFields(this);
    }
  }

  const COMPARISON = ["difference", "lower", "upper", "statistic", "pValue", "df", "method", "level"];

  /** The signed comparison a − b: difference, interval, statistic, p-value. */
  class Comparison {
    constructor(out, keys = COMPARISON) {
      Object.assign(this, take(out, keys));
      Object.freeze(this);
    }
    toJSON() {
      return copyFields(this);
    }
  }
  class PairedNpsResult extends Comparison {
    constructor(out) {
      super(out, [...COMPARISON, "n", "missing"]);
    }
  }

  // ───────────────────────────── metrics ─────────────────────────────

  const INPUT = ["scale", "weights", "onInvalid"];

  /** Metrics without a default scale need one for raw scores (not for a Tally). */
  function requireScale(fn, scores, o, defaultScale) {
    if (!defaultScale && !given(o.scale) && !(scores instanceof Tally)) {
      throw argumentError(
        "scale",
        `${fn}() needs the survey's response scale, e.g. { scale: [1, 5] } or { scale: Scale.oneToSeven() }`,
      );
    }
  }

  /**
   * Runs `metric` on a tally: the given Tally (then scale, weights and onInvalid must be
   * unset), or one built from raw scores on options.scale (or the metric's default).
   */
  function onTally(fn, scores, o, defaultScale, metric) {
    if (scores instanceof Tally) {
      for (const name of INPUT) {
        if (given(o[name])) {
          throw argumentError(
            name,
            `${name} cannot be combined with a Tally: the tally fixed its scale, weights and invalid-value policy when it was built; leave ${name} unset`,
          );
        }
      }
      const t = rawOf(scores);
      return call(() => metric(t));
    }
    requireScale(fn, scores, o, defaultScale);
    const scale = given(o.scale) ? scaleArg(o.scale) : defaultScale();
    const [kind, array] = scoresArg(scores);
    const weights = floatsArg(o.weights, "weights");
    const policy = onInvalidArg(o.onInvalid);
    const t = call(() => new raw.RawTally(scale.min, scale.max));
    try {
      call(() => t.extend(kind, array, weights, policy));
      return call(() => metric(t));
    } finally {
      release(t);
    }
  }

  /** Net Promoter Score in points (−100…100); standard buckets on 0–10. */
  function nps(scores, options) {
    const o = optionsArg(options, [...INPUT, "buckets"], "nps");
    let dmax;
    let pmin;
    if (given(o.buckets)) {
      if (typeof o.buckets !== "object" || Array.isArray(o.buckets)) {
        throw new TypeError(
          `buckets must be an object { detractorMax, promoterMin }, not ${describe(o.buckets)}`,
        );
      }
      const b = optionsArg(o.buckets, ["detractorMax", "promoterMin"], "nps() buckets");
      dmax = intArg(b.detractorMax, "buckets.detractorMax");
      pmin = intArg(b.promoterMin, "buckets.promoterMin");
    }
    return result(NpsResult, onTally("nps", scores, o, Scale.nps, (t) => t.nps(dmax, pmin)));
  }

  /** CSAT by an explicit method (default top_box on 1–5). */
  function csat(scores, options) {
    const o = optionsArg(options, [...INPUT, "method", "threshold", "bottomThreshold"], "csat");
    const method = optionalString(o.method, "method");
    const threshold = optionalInt(o.threshold, "threshold");
    const bottom = optionalInt(o.bottomThreshold, "bottomThreshold");
    return result(
      CsatResult,
      onTally("csat", scores, o, Scale.oneToFive, (t) => t.csat(method, threshold, bottom)),
    );
  }

  /** Customer Effort Score; scale and higherIsBetter are required. */
  function ces(scores, options) {
    const o = optionsArg(options, [...INPUT, "higherIsBetter", "method", "threshold"], "ces");
    requireScale("ces", scores, o, null);
    if (!given(o.higherIsBetter)) {
      throw argumentError(
        "higherIsBetter",
        "ces() needs the scale's polarity: higherIsBetter: true when a higher score means less effort (CES 2.0, 1–7 agreement), false when lower is easier (CES 1.0, 1–5)",
      );
    }
    if (typeof o.higherIsBetter !== "boolean") {
      throw new TypeError(`higherIsBetter must be a boolean, not ${describe(o.higherIsBetter)}`);
    }
    const hib = o.higherIsBetter;
    const method = optionalString(o.method, "method");
    const threshold = optionalInt(o.threshold, "threshold");
    return result(CesResult, onTally("ces", scores, o, null, (t) => t.ces(hib, method, threshold)));
  }

  /** Mean score with its sample standard deviation; scale required. */
  function mean(scores, options) {
    const o = optionsArg(options, INPUT, "mean");
    return result(MeanResult, onTally("mean", scores, o, null, (t) => t.mean()));
  }

  /** Percent of responses at or above threshold (default: the top two points). */
  function topBox(scores, options) {
    const o = optionsArg(options, [...INPUT, "threshold"], "topBox");
    const threshold = optionalInt(o.threshold, "threshold");
    return result(BoxResult, onTally("topBox", scores, o, null, (t) => t.topBox(threshold)));
  }

  /** Percent of responses at or below threshold (default: the bottom two points). */
  function bottomBox(scores, options) {
    const o = optionsArg(options, [...INPUT, "threshold"], "bottomBox");
    const threshold = optionalInt(o.threshold, "threshold");
    return result(BoxResult, onTally("bottomBox", scores, o, null, (t) => t.bottomBox(threshold)));
  }

  /** Responses per scale point: points, counts, shares. */
  function distribution(scores, options) {
    const o = optionsArg(options, INPUT, "distribution");
    return result(Distribution, onTally("distribution", scores, o, null, (t) => t.distribution()));
  }

  // ───────────────────────────── statistics ─────────────────────────────

  const RESULTS_WITH_ESTIMATE =
    "a result with an estimate (NpsResult, CsatResult, CesResult, MeanResult, BoxResult, FcrResult, SlaRow, RateResult, ChurnResult, AhtResult)";

  function estimateArg(r, what) {
    const est = estimateOf(r);
    if (est === undefined) throw new TypeError(`${what} must be ${RESULTS_WITH_ESTIMATE}, not ${describe(r)}`);
    return estimateFrom(r);
  }

  /** Compares two independent groups, a − b (adjusted Wald, pooled z or Welch by default). */
  function compare(a, b, options) {
    const o = optionsArg(options, LEVEL_METHOD, "compare");
    const ea = estimateArg(a, "a");
    const eb = estimateArg(b, "b");
    const level = levelArg(o);
    const method = optionalString(o.method, "method");
    return new Comparison(call(() => raw.compareEstimates(ea, eb, level, method)));
  }

  /** Paired NPS change of the same respondents (after − before), paired t test. */
  function pairedNps(before, after, options) {
    const o = optionsArg(options, LEVEL, "pairedNps");
    const b = pairedArg(before, "before");
    const a = pairedArg(after, "after");
    const level = levelArg(o);
    return new PairedNpsResult(call(() => raw.pairedNps(b, a, level)));
  }

  /** 0–10 scores as one Float64Array (NaN = missing), whatever array they came in. */
  function pairedArg(scores, what) {
    if (!Array.isArray(scores) && tagOf(scores) === undefined) {
      throw new TypeError(
        `${what} must be an array of numbers (null or undefined for a missing answer) or a typed array, not ${describe(scores)}`,
      );
    }
    return floatsArg(scores, what);
  }

  const countArg = (v, what) => intArg(v, what);

  /** Confidence interval for `successes` out of `n`, in percent (Wilson by default). */
  function proportionInterval(successes, n, options) {
    const o = optionsArg(options, LEVEL_METHOD, "proportionInterval");
    const s = countArg(successes, "successes");
    const t = countArg(n, "n");
    const level = levelArg(o);
    const method = optionalString(o.method, "method");
    return new Interval(call(() => raw.proportionInterval(s, t, level, method)));
  }

  /** Confidence interval for the NPS of counts, in points (adjusted Wald by default). */
  function npsInterval(promoters, passives, detractors, options) {
    const o = optionsArg(options, LEVEL_METHOD, "npsInterval");
    const p = countArg(promoters, "promoters");
    const a = countArg(passives, "passives");
    const d = countArg(detractors, "detractors");
    const level = levelArg(o);
    const method = optionalString(o.method, "method");
    return new Interval(call(() => raw.npsInterval(p, a, d, level, method)));
  }

  /** Respondents for an NPS margin of error of `margin` points ({ level = 0.95, variance = 1 }). */
  function sampleSizeNps(margin, options) {
    const o = optionsArg(options, ["level", "variance"], "sampleSizeNps");
    const m = numberArg(margin, "margin");
    const level = levelArg(o);
    const variance = optionalNumber(o.variance, "variance") ?? 1;
    return call(() => raw.sampleSizeNps(m, level, variance));
  }

  /** Respondents for a margin of error of `margin` percentage points ({ level = 0.95, p = 50 }). */
  function sampleSizeProportion(margin, options) {
    const o = optionsArg(options, ["level", "p"], "sampleSizeProportion");
    const m = numberArg(margin, "margin");
    const level = levelArg(o);
    const p = optionalNumber(o.p, "p") ?? 50;
    return call(() => raw.sampleSizeProportion(m, level, p));
  }

  /** Respondents for a margin of error of `margin` scale units ({ sd (required), level = 0.95 }). */
  function sampleSizeMean(margin, options) {
    const o = optionsArg(options, ["sd", "level"], "sampleSizeMean");
    const m = numberArg(margin, "margin");
    if (!given(o.sd)) {
      throw argumentError("sd", "sampleSizeMean() needs the expected standard deviation, e.g. { sd: 1.2 }");
    }
    const sd = numberArg(o.sd, "sd");
    const level = levelArg(o);
    return call(() => raw.sampleSizeMean(m, level, sd));
  }

  /** Respondents per group to detect an NPS difference of `difference` points ({ level, power = 0.8, variance = 1 }). */
  function sampleSizeNpsDifference(difference, options) {
    const o = optionsArg(options, ["level", "power", "variance"], "sampleSizeNpsDifference");
    const d = numberArg(difference, "difference");
    const level = levelArg(o);
    const power = optionalNumber(o.power, "power") ?? 0.8;
    const variance = optionalNumber(o.variance, "variance") ?? 1;
    return call(() => raw.sampleSizeNpsDifference(d, level, power, variance));
  }

  /** Respondents per group to detect p1 % vs p2 % ({ level = 0.95, power = 0.8 }). */
  function sampleSizeProportionDifference(p1, p2, options) {
    const o = optionsArg(options, ["level", "power"], "sampleSizeProportionDifference");
    const a = numberArg(p1, "p1");
    const b = numberArg(p2, "p2");
    const level = levelArg(o);
    const power = optionalNumber(o.power, "power") ?? 0.8;
    return call(() => raw.sampleSizeProportionDifference(a, b, level, power));
  }

  /** p-values adjusted for multiple comparisons ({ method: "holm" (default) | "bh" }). */
  function adjustPValues(pValues, options) {
    const o = optionsArg(options, ["method"], "adjustPValues");
    if (!Array.isArray(pValues) && tagOf(pValues) === undefined) {
      throw new TypeError(`pValues must be an array of numbers or a typed array, not ${describe(pValues)}`);
    }
    const ps = floatsArg(pValues, "pValues");
    const method = optionalString(o.method, "method") ?? "holm";
    return Array.from(call(() => raw.adjustPValues(ps, method)));
  }

  // ───────────────────────────── rate results ─────────────────────────────

  /** A result from a plain object made by the raw layer (its `estimate` kept apart). */
  function fromObject(C, obj) {
    const { estimate, ...fields } = obj;
    return new C(fields, estimate !== undefined && estimate.length > 0 ? estimate : undefined);
  }

  class FcrResult extends Estimated {}
  class AhtResult extends Estimated {}

  // ───────────────────────────── instants ─────────────────────────────

  const dateGetTime = Date.prototype.getTime;
  /** Epoch ms of a Date (of any realm), or undefined when `v` is not a Date. */
  function dateMillis(v) {
    try {
      return dateGetTime.call(v);
    } catch {
      return undefined;
    }
  }
  const INSTANT = "an instant (a Date, epoch milliseconds or an ISO 8601 string with an offset such as 2026-11-02T09:00:00Z)";
  // An ISO 8601 instant is ~35 characters; the core names a bad one in its message.
  const shortText = (v) => (v.length > 64 ? `${v.slice(0, 64)}…` : v);

  /**
   * One instant for the raw layer: epoch ms (NaN = absent), a string, or undefined
   * (absent). `label` names it in messages; `index` is the error's index.
   */
  function instantValue(v, label, index = null) {
    if (v === null || v === undefined) return undefined;
    if (typeof v === "number") return v;
    if (typeof v === "string") return shortText(v);
    if (typeof v === "object") {
      const ms = dateMillis(v);
      if (ms !== undefined) {
        if (Number.isNaN(ms)) {
          throw new CxMetricsError(`invalid argument \`${label}\`: an invalid Date (its time is NaN)`, "invalid_argument", index);
        }
        return ms;
      }
    }
    throw new TypeError(`${label} must be ${INSTANT}, not ${describe(v)}`);
  }

  /** A required single instant (a TypeError when absent, as for any missing argument). */
  function requiredInstant(v, what) {
    if (v === null || v === undefined) throw new TypeError(`${what} must be ${INSTANT}, not ${describe(v)}`);
    return instantValue(v, what);
  }

  /** Converted instants (numbers, strings, undefined) as { ms, strings? } for the raw layer. */
  function columnOf(values, what) {
    const n = values.length;
    const ms = floats64(what, n, () => new Float64Array(n));
    let strings;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (typeof v === "string") {
        (strings ??= new Array(n))[i] = v;
        ms[i] = NaN;
      } else ms[i] = v === undefined ? NaN : v;
    }
    return strings === undefined ? { ms } : { ms, strings };
  }

  /**
   * A column of instants for the raw layer: { ms: Float64Array (NaN where absent or a
   * string), strings?: the strings at their positions }.
   */
  function instantColumn(values, what) {
    const tag = tagOf(values);
    if (tag !== undefined && tag !== "BigInt64Array" && tag !== "BigUint64Array") {
      return { ms: floatsArg(values, what) };
    }
    if (!Array.isArray(values)) {
      throw new TypeError(`${what} must be an array of instants (Dates, epoch milliseconds or ISO 8601 strings with an offset), not ${describe(values)}`);
    }
    return columnOf(Array.from(values, (v, i) => instantValue(v, `${what}[${i}]`, i)), what);
  }

  /** Labels (channel, priority): strings or null / undefined. */
  function labelColumn(values, what) {
    if (!Array.isArray(values)) throw new TypeError(`${what} must be an array of strings (or null), not ${describe(values)}`);
    return Array.from(values, (v, i) => {
      if (v === null || v === undefined) return null;
      if (typeof v !== "string") throw new TypeError(`${what}[${i}] must be a string or null, not ${describe(v)}`);
      return v;
    });
  }

  // ───────────────────────────── Schedule ─────────────────────────────

  const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
  let rawSchedule;

  /** Business hours: an IANA time zone, weekly opening windows and holidays. */
  class Schedule {
    #raw;

    static {
      rawSchedule = (s) => {
        if (!(s instanceof Schedule)) {
          throw new TypeError(`schedule must be a cxmetrics Schedule (new Schedule(timeZone, windows, holidays)), not ${describe(s)}`);
        }
        if (!s.#raw) throw new TypeError("this Schedule was freed (Schedule.free()) and cannot be used");
        return s.#raw;
      };
    }

    /**
     * `windows`: [weekday, start, end] with weekday "mon".."sun" (any case, or the full
     * English name) or 0 = Monday … 6 = Sunday, times "HH:MM" or "HH:MM:SS" local time
     * (end <= start: overnight; end == start: 24 h). `holidays`: "YYYY-MM-DD" dates.
     */
    constructor(timeZone, windows, holidays) {
      if (typeof timeZone !== "string") {
        throw new TypeError(`timeZone must be an IANA time-zone name such as "Europe/Berlin" or "UTC", not ${describe(timeZone)}`);
      }
      if (!Array.isArray(windows)) {
        throw new TypeError(`windows must be an array of [weekday, start, end] triples, not ${describe(windows)}`);
      }
      const days = [];
      const starts = [];
      const ends = [];
      windows.forEach((w, i) => {
        if (!Array.isArray(w) || w.length !== 3) {
          throw new TypeError(`windows[${i}] must be a [weekday, start, end] triple such as ["mon", "09:00", "17:00"], not ${describe(w)}`);
        }
        const [d, a, b] = w;
        if (typeof d === "number" && Number.isInteger(d)) days.push(WEEKDAYS[d] ?? String(d));
        else if (typeof d === "string") days.push(shortText(d));
        else throw new TypeError(`windows[${i}][0] must be a weekday ("mon".."sun" or 0 = Monday … 6 = Sunday), not ${describe(d)}`);
        for (const [t, list, k] of [[a, starts, 1], [b, ends, 2]]) {
          if (typeof t !== "string") throw new TypeError(`windows[${i}][${k}] must be a local time "HH:MM" or "HH:MM:SS", not ${describe(t)}`);
          list.push(shortText(t));
        }
      });
      const dates = [];
      if (given(holidays)) {
        if (!Array.isArray(holidays)) throw new TypeError(`holidays must be an array of "YYYY-MM-DD" strings, not ${describe(holidays)}`);
        holidays.forEach((h, i) => {
          if (typeof h !== "string") {
            const hint = dateMillis(h) !== undefined ? " (a Date is an instant, not a calendar date)" : "";
            throw new TypeError(`holidays[${i}] must be a date "YYYY-MM-DD"${hint}, not ${describe(h)}`);
          }
          dates.push(shortText(h));
        });
      }
      this.#raw = call(() => new raw.RawSchedule(shortText(timeZone), days, starts, ends, dates));
    }

    /** The IANA time-zone name. */
    get timeZone() {
      return rawSchedule(this).timeZone;
    }

    /** Business seconds from `start` to `end` (instants). */
    businessSeconds(start, end) {
      const a = requiredInstant(start, "start");
      const b = requiredInstant(end, "end");
      const s = rawSchedule(this);
      return call(() => s.businessSeconds(a, b));
    }

    /** The instant `seconds` business seconds after `start`, as a Date. */
    addBusiness(start, seconds) {
      const a = requiredInstant(start, "start");
      const secs = numberArg(seconds, "seconds");
      const s = rawSchedule(this);
      return new Date(call(() => s.addBusiness(a, secs)));
    }

    /** Releases the wasm memory now, rather than when the schedule is garbage-collected. */
    free() {
      if (this.#raw) {
        this.#raw.free();
        this.#raw = undefined;
      }
    }

    toString() {
      if (!this.#raw) return "Schedule(freed)";
      const r = this.#raw;
      return `Schedule(${r.timeZone}, ${r.windows} windows, ${r.holidays} holidays)`;
    }

    [Symbol.for("nodejs.util.inspect.custom")]() {
      return this.toString();
    }
  }

  // ───────────────────────────── Tickets ─────────────────────────────

  const RECORD_KEYS = [
    "created",
    "firstResponse",
    "solved",
    "reopened",
    "agentReplies",
    "customerFollowups",
    "paused",
    "channel",
    "priority",
  ];
  const COLUMN_KEYS = [
    "created",
    "firstResponse",
    "firstSolved",
    "finalSolved",
    "firstReopened",
    "agentReplies",
    "customerFollowups",
    "paused",
    "channel",
    "priority",
  ];
  let rawTickets;

  /** A count of a record: a number (the core checks it is an integer >= 0) or 0 when absent. */
  function recordCount(v, what, i) {
    if (v === null || v === undefined) return 0;
    if (typeof v !== "number") throw new TypeError(`records[${i}].${what} must be a number, not ${describe(v)}`);
    return v;
  }

  /** Tickets: creation, responses, solves, reopens, pauses, counts, channel and priority. */
  class Tickets {
    #raw;

    static {
      rawTickets = (t) => {
        if (!(t instanceof Tickets)) {
          throw new TypeError(`tickets must be cxmetrics Tickets (Tickets.fromRecords(records) or new Tickets({ created, … })), not ${describe(t)}`);
        }
        if (!t.#raw) throw new TypeError("these Tickets were freed (Tickets.free()) and cannot be used");
        return t.#raw;
      };
    }

    /**
     * Columns, one entry per ticket: `created` (required), `firstResponse`, `firstSolved`,
     * `finalSolved` (the last solve of a ticket resolved now), `firstReopened` (the first
     * reopen after the first solve), `agentReplies`, `customerFollowups`, `channel`,
     * `priority`; `paused` lists [ticketIndex, start, end] triples.
     */
    constructor(columns) {
      if (columns === INTERNAL) return;
      const o = optionsArg(columns, COLUMN_KEYS, "new Tickets");
      if (columns === undefined || columns === null) {
        throw new TypeError("new Tickets needs its columns, e.g. new Tickets({ created: [...], firstResponse: [...] })");
      }
      if (!given(o.created)) {
        throw new TypeError(`the created column is required: an array of ${INSTANT.replace("an instant", "instants")}`);
      }
      const d = { created: instantColumn(o.created, "created") };
      for (const k of ["firstResponse", "firstSolved", "finalSolved", "firstReopened"]) {
        if (given(o[k])) d[k] = instantColumn(o[k], k);
      }
      for (const k of ["agentReplies", "customerFollowups"]) {
        if (given(o[k])) {
          if (!Array.isArray(o[k]) && tagOf(o[k]) === undefined) {
            throw new TypeError(`${k} must be an array of counts or a typed array, not ${describe(o[k])}`);
          }
          d[k] = floatsArg(o[k], k);
        }
      }
      for (const k of ["channel", "priority"]) if (given(o[k])) d[k] = labelColumn(o[k], k);
      if (given(o.paused)) {
        if (!Array.isArray(o.paused)) throw new TypeError(`paused must be an array of [ticketIndex, start, end] triples, not ${describe(o.paused)}`);
        const index = [];
        const starts = [];
        const ends = [];
        o.paused.forEach((p, k) => {
          if (!Array.isArray(p) || p.length !== 3 || typeof p[0] !== "number") {
            throw new TypeError(`paused[${k}] must be a [ticketIndex, start, end] triple, not ${describe(p)}`);
          }
          index.push(p[0]);
          starts.push(p[1]);
          ends.push(p[2]);
        });
        d.pausedTicket = Float64Array.from(index);
        d.pausedStart = instantColumn(starts, "paused");
        d.pausedEnd = instantColumn(ends, "paused");
      }
      this.#raw = call(() => raw.RawTickets.fromColumns(d));
    }

    /**
     * Tickets from records: objects with `created` (required), `firstResponse`, `solved`
     * and `reopened` (arrays of instants), `agentReplies`, `customerFollowups`, `paused`
     * (an array of [start, end] pairs), `channel`, `priority`.
     */
    static fromRecords(records) {
      if (!Array.isArray(records)) throw new TypeError(`records must be an array of ticket objects, not ${describe(records)}`);
      const n = records.length;
      const created = new Array(n);
      const firstResponse = new Array(n);
      const lists = { solved: [], reopened: [], pausedStart: [], pausedEnd: [] };
      const offsets = {};
      for (const k of Object.keys(lists)) offsets[k] = new Uint32Array(n + 1);
      const agentReplies = new Float64Array(n);
      const customerFollowups = new Float64Array(n);
      const channel = new Array(n).fill(null);
      const priority = new Array(n).fill(null);
      records.forEach((r, i) => {
        if (r === null || typeof r !== "object" || Array.isArray(r)) {
          throw new TypeError(`records[${i}] must be a ticket object { created, firstResponse, solved, … }, not ${describe(r)}`);
        }
        for (const key of Object.keys(r)) {
          if (!RECORD_KEYS.includes(key)) {
            const hint = key.includes("_") ? " (keys are camelCase)" : "";
            throw new CxMetricsError(
              `invalid argument \`records[${i}]\`: unknown key ${JSON.stringify(shortText(key))}${hint}; a record's keys are ${RECORD_KEYS.join(", ")}`,
              "invalid_argument",
              i,
            );
          }
        }
        created[i] = instantValue(r.created, `records[${i}].created`, i);
        firstResponse[i] = instantValue(r.firstResponse, `records[${i}].firstResponse`, i);
        for (const k of ["solved", "reopened"]) {
          const v = r[k];
          if (given(v)) {
            if (!Array.isArray(v)) throw new TypeError(`records[${i}].${k} must be an array of instants, not ${describe(v)}`);
            v.forEach((x, j) => lists[k].push(instantValue(x, `records[${i}].${k}[${j}]`, i)));
          }
          offsets[k][i + 1] = lists[k].length;
        }
        if (given(r.paused)) {
          if (!Array.isArray(r.paused)) throw new TypeError(`records[${i}].paused must be an array of [start, end] pairs, not ${describe(r.paused)}`);
          r.paused.forEach((p, k) => {
            if (!Array.isArray(p) || p.length !== 2) {
              throw new TypeError(`records[${i}].paused[${k}] must be a [start, end] pair, not ${describe(p)}`);
            }
            lists.pausedStart.push(instantValue(p[0], `records[${i}].paused[${k}][0]`, i));
            lists.pausedEnd.push(instantValue(p[1], `records[${i}].paused[${k}][1]`, i));
          });
        }
        offsets.pausedStart[i + 1] = lists.pausedStart.length;
        offsets.pausedEnd[i + 1] = lists.pausedEnd.length;
        agentReplies[i] = recordCount(r.agentReplies, "agentReplies", i);
        customerFollowups[i] = recordCount(r.customerFollowups, "customerFollowups", i);
        for (const [k, col] of [["channel", channel], ["priority", priority]]) {
          const v = r[k];
          if (v === null || v === undefined) continue;
          if (typeof v !== "string") throw new TypeError(`records[${i}].${k} must be a string or null, not ${describe(v)}`);
          col[i] = v;
        }
      });
      const d = {
        created: columnOf(created, "created"),
        firstResponse: columnOf(firstResponse, "firstResponse"),
        agentReplies,
        customerFollowups,
        channel,
        priority,
      };
      for (const k of Object.keys(lists)) {
        d[k] = columnOf(lists[k], k);
        d[`${k}Offsets`] = offsets[k];
      }
      const t = new Tickets(INTERNAL);
      t.#raw = call(() => raw.RawTickets.fromRecords(d));
      return t;
    }

    /** The number of tickets. */
    get length() {
      return rawTickets(this).length;
    }

    /** Releases the wasm memory now, rather than when the tickets are garbage-collected. */
    free() {
      if (this.#raw) {
        this.#raw.free();
        this.#raw = undefined;
      }
    }

    toString() {
      return this.#raw ? `Tickets(n=${this.#raw.length})` : "Tickets(freed)";
    }

    [Symbol.for("nodejs.util.inspect.custom")]() {
      return this.toString();
    }
  }

  // ───────────────────────────── durations ─────────────────────────────

  /** A summary of ticket durations; `percentile(q)` interpolates the completed ones. */
  class DurationSummary {
    #durations;
    constructor(obj) {
      const { durations, ...fields } = obj;
      Object.assign(this, fields);
      this.#durations = durations;
      Object.freeze(this);
    }
    /** The q-quantile (q in [0, 1]) of the completed durations, linear interpolation. */
    percentile(q) {
      const x = numberArg(q, "q");
      const d = this.#durations;
      return call(() => raw.summaryPercentile(d, x));
    }
    toJSON() {
      return copyFields(this);
    }
  }

  const DURATION = ["schedule", "asOf"];

  /** Runs a duration metric on the calendar clock, or on the business clock of `schedule`. */
  function onClock(tickets, o, calendar, business) {
    const t = rawTickets(tickets);
    const asOf = instantValue(o.asOf, "asOf");
    if (given(o.schedule)) {
      const s = rawSchedule(o.schedule);
      return call(() => business(s, t, asOf));
    }
    return call(() => calendar(t, asOf));
  }

  function durationSummary(fn, tickets, o, kind) {
    return new DurationSummary(
      onClock(
        tickets,
        o,
        (t, asOf) => t.summary(fn, kind, asOf),
        (s, t, asOf) => s.summary(t, fn, kind, asOf),
      ),
    );
  }

  /** Created → first agent response, summarised ({ schedule, asOf }). */
  function firstResponseTime(tickets, options) {
    const o = optionsArg(options, DURATION, "firstResponseTime");
    return durationSummary("first_response_time", tickets, o);
  }

  /** Created → first or final solve, summarised ({ kind: "full" (default) | "first", schedule, asOf }). */
  function resolutionTime(tickets, options) {
    const o = optionsArg(options, ["kind", ...DURATION], "resolutionTime");
    return durationSummary("resolution_time", tickets, o, optionalString(o.kind, "kind"));
  }

  /** Created → final solve minus paused time, summarised ({ schedule, asOf }). */
  function requesterWaitTime(tickets, options) {
    const o = optionsArg(options, DURATION, "requesterWaitTime");
    return durationSummary("requester_wait_time", tickets, o);
  }

  /** Per-ticket durations in seconds (null while open) of `metric` ({ schedule, asOf }). */
  function ticketDurations(tickets, metric, options) {
    const o = optionsArg(options, DURATION, "ticketDurations");
    if (typeof metric !== "string") {
      throw new TypeError(`metric must be "first_response", "first_resolution", "full_resolution" or "requester_wait", not ${describe(metric)}`);
    }
    const m = shortText(metric);
    const d = onClock(
      tickets,
      o,
      (t, asOf) => t.durations(m, asOf),
      (s, t, asOf) => s.durations(t, m, asOf),
    );
    return Array.from(d, (x) => (Number.isNaN(x) ? null : x));
  }

  // ───────────────────────────── FCR, SLA, AHT ─────────────────────────────

  /** A count option: undefined / null pass through; otherwise an integer. */
  const limitArg = (v, what) => (v === undefined || v === null ? v : intArg(v, what));

  /**
   * First contact resolution, in percent ({ maxAgentReplies = 1 (null: any),
   * maxCustomerFollowups, reopenWindow (seconds), denominator: "resolved" | "created",
   * period: [from, to) }).
   */
  function fcr(tickets, options) {
    const o = optionsArg(
      options,
      ["maxAgentReplies", "maxCustomerFollowups", "reopenWindow", "denominator", "period"],
      "fcr",
    );
    const t = rawTickets(tickets);
    const maxAgent = limitArg(o.maxAgentReplies, "maxAgentReplies");
    const maxFollowups = limitArg(o.maxCustomerFollowups, "maxCustomerFollowups") ?? undefined;
    const window = optionalNumber(o.reopenWindow, "reopenWindow");
    const denominator = optionalString(o.denominator, "denominator");
    let from;
    let to;
    if (given(o.period)) {
      if (!Array.isArray(o.period) || o.period.length !== 2) {
        throw new TypeError(`period must be a [from, to] pair of instants, not ${describe(o.period)}`);
      }
      from = instantValue(o.period[0], "period[0]") ?? null;
      to = instantValue(o.period[1], "period[1]") ?? null;
    }
    return fromObject(FcrResult, call(() => t.fcr(maxAgent, maxFollowups, window, denominator, from, to)));
  }

  /** One row of an SLA report (a priority, or the overall row). */
  class SlaRow extends Estimated {}

  /** An SLA report: rows per priority, the overall row, untargeted, metric, clock. */
  class SlaResult {
    constructor(fields) {
      Object.assign(this, fields);
      Object.freeze(this);
    }
    toJSON() {
      return copyFields(this);
    }
  }

  const SLA_ROW = ["priority", "target", "achieved", "breached", "running", "n", "score"];

  /** Frozen row objects from a raw table (NaN in a number column = null). */
  function rowsOf(cols, names, make) {
    const n = cols[names[0]].length;
    const rows = new Array(n);
    for (let i = 0; i < n; i++) {
      const fields = {};
      for (const k of names) {
        const col = cols[k];
        let v = col[i];
        if (col instanceof Uint8Array) v = v === 1;
        else if (typeof v === "number" && Number.isNaN(v)) v = null;
        fields[k] = v;
      }
      rows[i] = make(fields, i);
    }
    return rows;
  }

  /**
   * SLA attainment per priority ({ targets: { priority: seconds, "*": default },
   * metric = "first_response", schedule, asOf }).
   */
  function sla(tickets, options) {
    const o = optionsArg(options, ["targets", "metric", ...DURATION], "sla");
    if (!given(o.targets)) {
      throw argumentError("targets", 'sla() needs targets in seconds per priority, e.g. { targets: { high: 3600, "*": 86400 } }');
    }
    if (typeof o.targets !== "object" || Array.isArray(o.targets)) {
      throw new TypeError(`targets must be an object { priority: seconds }, not ${describe(o.targets)}`);
    }
    const keys = Object.keys(o.targets);
    const values = Float64Array.from(keys, (k) => numberArg(o.targets[k], `targets[${JSON.stringify(k)}]`));
    const metric = optionalString(o.metric, "metric") ?? "first_response";
    const cols = onClock(
      tickets,
      o,
      (t, asOf) => t.sla(metric, keys, values, asOf),
      (s, t, asOf) => s.sla(t, metric, keys, values, asOf),
    );
    const rows = rowsOf(cols, SLA_ROW, (fields, i) => {
      const error = cols.errors[i];
      const est = error === null ? cols.estimates.slice(3 * i, 3 * i + 3) : new CxMetricsError(error.message, error.code, error.index ?? null);
      return new SlaRow(fields, est);
    });
    const overall = rows.pop();
    return new SlaResult({
      rows: Object.freeze(rows),
      overall,
      untargeted: cols.untargeted,
      metric: cols.metric,
      clock: cols.clock,
    });
  }

  /** Average handle time: mean of talk + hold + wrap-up seconds per contact ({ hold, wrap }). */
  function handleTime(talk, options) {
    const o = optionsArg(options, ["hold", "wrap"], "handleTime");
    const col = (v, what) => {
      if (!Array.isArray(v) && tagOf(v) === undefined) {
        throw new TypeError(`${what} must be an array of seconds (null or NaN for a missing value) or a typed array, not ${describe(v)}`);
      }
      return floatsArg(v, what);
    };
    const t = col(talk, "talk");
    const h = given(o.hold) ? col(o.hold, "hold") : undefined;
    const w = given(o.wrap) ? col(o.wrap, "wrap") : undefined;
    return fromObject(AhtResult, call(() => raw.handleTime(t, h, w)));
  }

  // ───────────────────────────── business metrics ─────────────────────────────

  /** A rate in percent (conversion, retention) with its counts; a proportion. */
  class RateResult extends Estimated {}
  /** A churn rate in percent, annualised when asked; a proportion. */
  class ChurnResult extends Estimated {}

  /** Conversion rate: 100 × conversions / interactions. */
  function conversionRate(conversions, interactions) {
    const c = numberArg(conversions, "conversions");
    const n = numberArg(interactions, "interactions");
    return fromObject(RateResult, call(() => raw.conversionRate(c, n)));
  }

  /** Customer retention rate: 100 × (end − newCustomers) / start. */
  function retentionRate(start, end, newCustomers) {
    const s = numberArg(start, "start");
    const e = numberArg(end, "end");
    const nw = numberArg(newCustomers, "newCustomers");
    return fromObject(RateResult, call(() => raw.retentionRate(s, e, nw)));
  }

  /**
   * Churn rate: 100 × churned / denominator ({ denominator: "start" (default) |
   * "up_for_renewal" (with upForRenewal) | "average" (with end), periodsPerYear,
   * annualize: "compound" (default) | "simple" }).
   */
  function churnRate(churned, start, options) {
    const o = optionsArg(options, ["denominator", "upForRenewal", "end", "periodsPerYear", "annualize"], "churnRate");
    const c = numberArg(churned, "churned");
    const s = numberArg(start, "start");
    const denominator = optionalString(o.denominator, "denominator");
    const renewal = optionalNumber(o.upForRenewal, "upForRenewal");
    const end = optionalNumber(o.end, "end");
    const periods = optionalNumber(o.periodsPerYear, "periodsPerYear");
    const annualize = optionalString(o.annualize, "annualize");
    return fromObject(ChurnResult, call(() => raw.churnRate(c, s, denominator, renewal, end, periods, annualize)));
  }

  function requiredNumber(o, name, fn, example) {
    if (!given(o[name])) throw argumentError(name, `${fn}() needs ${name}, e.g. ${example}`);
    return numberArg(o[name], name);
  }

  /** Customer lifetime value from churn: arpu × margin / (churn / 100) ({ margin, churn } required). */
  function clvFromChurn(arpu, options) {
    const o = optionsArg(options, ["margin", "churn"], "clvFromChurn");
    const a = numberArg(arpu, "arpu");
    const margin = requiredNumber(o, "margin", "clvFromChurn", "{ margin: 0.7, churn: 4 } (a fraction; percent per period)");
    const churn = requiredNumber(o, "churn", "clvFromChurn", "{ margin: 0.7, churn: 4 } (percent per period)");
    return call(() => raw.clvFromChurn(a, margin, churn));
  }

  /** Customer lifetime value from retention ({ retention } in percent per period, required). */
  function clvFromRetention(arpu, options) {
    const o = optionsArg(options, ["retention"], "clvFromRetention");
    const a = numberArg(arpu, "arpu");
    const retention = requiredNumber(o, "retention", "clvFromRetention", "{ retention: 96 } (percent per period)");
    return call(() => raw.clvFromRetention(a, retention));
  }

  // ───────────────────────────── segments ─────────────────────────────

  const METRIC_OPTIONS = ["metric", "scale", "buckets", "csatMethod", "cesMethod", "threshold", "bottomThreshold", "higherIsBetter"];
  const KNOWN_METRICS = ["nps", "csat", "ces", "mean", "top_box", "bottom_box"];

  /** The metric of a segment / trend call, for the raw layer (which refuses options that do not apply). */
  function metricSpec(fn, o) {
    const metric = optionalString(o.metric, "metric") ?? "nps";
    const spec = { metric };
    if (given(o.buckets)) {
      if (typeof o.buckets !== "object" || Array.isArray(o.buckets)) {
        throw new TypeError(`buckets must be an object { detractorMax, promoterMin }, not ${describe(o.buckets)}`);
      }
      const b = optionsArg(o.buckets, ["detractorMax", "promoterMin"], `${fn}() buckets`);
      spec.detractorMax = intArg(b.detractorMax, "buckets.detractorMax");
      spec.promoterMin = intArg(b.promoterMin, "buckets.promoterMin");
    }
    for (const k of ["csatMethod", "cesMethod"]) {
      const v = optionalString(o[k], k);
      if (v !== undefined) spec[k] = v;
    }
    for (const k of ["threshold", "bottomThreshold"]) {
      const v = optionalInt(o[k], k);
      if (v !== undefined) spec[k] = v;
    }
    if (given(o.higherIsBetter)) {
      if (typeof o.higherIsBetter !== "boolean") {
        throw new TypeError(`higherIsBetter must be a boolean, not ${describe(o.higherIsBetter)}`);
      }
      spec.higherIsBetter = o.higherIsBetter;
    } else if (metric === "ces") {
      throw argumentError(
        "higherIsBetter",
        `${fn}() with metric "ces" needs the scale's polarity: higherIsBetter: true (CES 2.0) or false (CES 1.0)`,
      );
    }
    let scale;
    if (given(o.scale)) scale = scaleArg(o.scale);
    else if (metric === "nps") scale = Scale.nps();
    else if (metric === "csat") scale = Scale.oneToFive();
    else if (KNOWN_METRICS.includes(metric)) {
      throw argumentError("scale", `${fn}() with metric "${metric}" needs the survey's response scale, e.g. { scale: [1, 5] }`);
    }
    if (scale !== undefined) {
      spec.min = scale.min;
      spec.max = scale.max;
    }
    return spec;
  }

  /** Raw scores for segments and trends: one Float64Array (NaN = missing). */
  function floatScores(scores) {
    if (!Array.isArray(scores) && tagOf(scores) === undefined) {
      throw new TypeError(
        `scores must be an array of numbers (null or undefined for a missing answer) or a typed array, not ${describe(scores)}`,
      );
    }
    return floatsArg(scores, "scores");
  }

  /** One part of a segment key: a string or a safe integer; null / undefined / NaN are missing. */
  function keyPart(v, i) {
    if (typeof v === "string") return v;
    if (typeof v === "number") {
      if (Number.isSafeInteger(v)) return v + 0; // -0 -> 0
      if (!Number.isNaN(v)) throw new TypeError(`keys must be strings or integers; the key at index ${i} is ${describe(v)}`);
    }
    if (v === null || v === undefined || Number.isNaN(v)) {
      throw new CxMetricsError(
        `invalid argument \`by\`: the key at index ${i} is missing; give every row a key (e.g. "(none)")`,
        "invalid_argument",
        i,
      );
    }
    throw new TypeError(`keys must be strings or integers; the key at index ${i} is ${describe(v)}`);
  }

  /** Factorises the key columns: codes per row and labels (flattened parts) per code. */
  function factorize(by) {
    const isColumn = (c) => Array.isArray(c) || tagOf(c) !== undefined;
    if (!isColumn(by)) {
      throw new TypeError(`by must be a key column (an array of strings or integers) or an array of key columns, not ${describe(by)}`);
    }
    const columns = by.length > 0 && isColumn(by[0]) ? Array.from(by) : [by];
    columns.forEach((c, j) => {
      if (!isColumn(c)) throw new TypeError(`by[${j}] must be a key column, not ${describe(c)}`);
    });
    const n = columns[0].length;
    for (const c of columns) {
      if (c.length !== n) {
        throw new CxMetricsError(`keys: columns of different lengths (${n} vs ${c.length}); pass one key per score in every column`, "length_mismatch", null);
      }
    }
    const width = columns.length;
    const codes = new Uint32Array(n);
    const index = new Map();
    const parts = [];
    for (let i = 0; i < n; i++) {
      const key = columns.map((c) => keyPart(c[i], i));
      const id = width === 1 ? key[0] : JSON.stringify(key);
      let code = index.get(id);
      if (code === undefined) {
        code = index.size;
        index.set(id, code);
        parts.push(...key);
      }
      codes[i] = code;
    }
    const kinds = Uint8Array.from(parts, (p) => (typeof p === "string" ? 1 : 0));
    const ints = Float64Array.from(parts, (p) => (typeof p === "string" ? 0 : p));
    const strings = parts.map((p) => (typeof p === "string" ? p : undefined));
    return { codes, kinds, ints, strings, width };
  }

  /** Frozen data rows (segments, trends) with toJSON. */
  class Row {
    constructor(fields) {
      Object.assign(this, fields);
      Object.freeze(this);
    }
    toJSON() {
      return copyFields(this);
    }
  }
  class SegmentRow extends Row {}
  /** A segment report: rows per key (the core's order) and the overall row from merged tallies. */
  class SegmentReport extends Row {}

  const SEGMENT_ROW = ["key", "n", "missing", "invalid", "share", "score", "lower", "upper", "lowN", "impact"];
  const INPUT_OPTIONS = ["weights", "onInvalid", "minN", "level", "method"];

  /** The survey metric per segment of `by` (one key column or an array of columns), overall from merged counts. */
  function segment(scores, by, options) {
    const o = optionsArg(options, [...METRIC_OPTIONS, ...INPUT_OPTIONS], "segment");
    const spec = metricSpec("segment", o);
    const s = floatScores(scores);
    const keys = factorize(by);
    const weights = floatsArg(o.weights, "weights");
    const policy = onInvalidArg(o.onInvalid);
    const level = levelArg(o);
    const method = optionalString(o.method, "method");
    const minN = optionalInt(o.minN, "minN") ?? 30;
    const cols = call(() =>
      raw.segmentReport(spec, keys.codes, keys.kinds, keys.ints, keys.strings, keys.width, s, weights, policy, level, method, minN),
    );
    const rows = rowsOf(cols, SEGMENT_ROW, (fields) => new SegmentRow({ ...fields, key: Object.freeze(fields.key) }));
    const overall = rows.pop();
    return new SegmentReport({ rows: Object.freeze(rows), overall });
  }

  // ───────────────────────────── trends ─────────────────────────────

  class TrendRow extends Row {}
  const TREND_ROW = ["start", "label", "n", "missing", "score", "lower", "upper", "lowN", "change", "pValue", "pAdjusted", "significant"];

  /**
   * The survey metric per calendar period (local dates in `timeZone`), with intervals and
   * period-over-period changes tested and adjusted ({ period: "month" (default) | "week" |
   * "day" | "quarter", timeZone = "UTC", metric and its options, minN = 30, level, method,
   * adjust: "holm" | "bh", alpha = 0.05, rollingDays }). A frozen array of rows.
   */
  function trend(scores, times, options) {
    const o = optionsArg(
      options,
      [...METRIC_OPTIONS, ...INPUT_OPTIONS, "period", "timeZone", "adjust", "alpha", "rollingDays"],
      "trend",
    );
    const spec = metricSpec("trend", o);
    const s = floatScores(scores);
    const t = instantColumn(times, "times");
    const weights = floatsArg(o.weights, "weights");
    const policy = onInvalidArg(o.onInvalid);
    const period = optionalString(o.period, "period") ?? "month";
    const zone = optionalString(o.timeZone, "timeZone") ?? "UTC";
    const level = levelArg(o);
    const method = optionalString(o.method, "method");
    const minN = optionalInt(o.minN, "minN") ?? 30;
    const adjust = optionalString(o.adjust, "adjust") ?? "holm";
    const alpha = optionalNumber(o.alpha, "alpha") ?? 0.05;
    const rolling = optionalInt(o.rollingDays, "rollingDays");
    const cols = call(() =>
      raw.trendReport(spec, s, weights, policy, t.ms, t.strings, period, zone, level, method, minN, adjust, alpha, rolling),
    );
    return Object.freeze(rowsOf(cols, TREND_ROW, (fields) => new TrendRow(fields)));
  }

  return {
    CxMetricsError,
    Scale,
    Tally,
    nps,
    csat,
    ces,
    mean,
    topBox,
    bottomBox,
    distribution,
    compare,
    pairedNps,
    proportionInterval,
    npsInterval,
    sampleSizeNps,
    sampleSizeProportion,
    sampleSizeMean,
    sampleSizeNpsDifference,
    sampleSizeProportionDifference,
    adjustPValues,
    Schedule,
    Tickets,
    firstResponseTime,
    resolutionTime,
    requesterWaitTime,
    ticketDurations,
    fcr,
    sla,
    handleTime,
    conversionRate,
    churnRate,
    retentionRate,
    clvFromChurn,
    clvFromRetention,
    segment,
    trend,
    version,
  };
}
