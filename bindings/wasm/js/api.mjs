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
      return new Tally(INTERNAL, call(() => raw.RawTally.fromJson(text)));
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
      return JSON.parse(rawOf(this).toJson());
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
    "a result with an estimate (NpsResult, CsatResult, CesResult, MeanResult, BoxResult, FcrResult, RateResult, ChurnResult, AhtResult)";

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
    version,
  };
}
