// Types of the cxmetrics npm package (the same for the node, bundler and web builds;
// the web build adds `init` / `initSync`, see web.d.ts).

/** A typed array of scores, handed to the core as the matching Rust slice (one copy, no per-element JS work). */
export type TypedScores =
  | Uint8Array
  | Uint8ClampedArray
  | Int8Array
  | Uint16Array
  | Int16Array
  | Uint32Array
  | Int32Array
  | Float32Array
  | Float64Array
  | BigInt64Array
  | BigUint64Array;

/** Scores: numbers with `null` / `undefined` / `NaN` for a missing answer, or a typed array (NaN = missing). */
/**
 * Raw scores. Strings are answers read on the scale: its labels, numbers written as text
 * (ASCII, Arabic-Indic, Persian, Thai digits), stars ("★★★★☆", "4/5") and the missing-value
 * texts; an unknown text is `unknown_label` with its index (docs/labels.md).
 */
export type Scores = ReadonlyArray<number | string | null | undefined> | TypedScores;

/** One weight per score: finite and ≥ 0 (the weight of a missing score is ignored). */
export type Weights = ReadonlyArray<number | null | undefined> | TypedScores;

/** A `Scale` or a `[min, max]` pair of integers. */
export type ScaleLike = Scale | readonly [min: number, max: number];

/** What to do with an invalid score or weight: throw (default) or count it in `invalid` and skip it. */
export type OnInvalid = "error" | "skip";

/** CSAT formulas: % at or above threshold (default), mean, Σscore ÷ (n × max) × 100, top % − bottom %. */
export type CsatMethod = "top_box" | "mean" | "percent_of_max" | "net";

/** CES formulas: mean (default), % on the easy side, % easy − % difficult. */
export type CesMethod = "mean" | "percent_agree" | "net_effort";

/** Stable error codes, in the core's order (new releases may add codes, never change them). */
export type ErrorCode =
  | "empty"
  | "out_of_scale"
  | "not_integer"
  | "not_finite"
  | "invalid_weight"
  | "length_mismatch"
  | "scale_mismatch"
  | "invalid_scale"
  | "invalid_argument"
  | "invalid_format"
  | "unknown_time_zone"
  | "empty_schedule"
  | "overlapping_windows"
  | "out_of_order"
  | "insufficient_data"
  | "unknown_label"
  | (string & {});

/** The error of every invalid input or option. `instanceof` works. */
export class CxMetricsError extends Error {
  constructor(message: string, code: ErrorCode, index?: number | null);
  name: "CxMetricsError";
  /** Stable snake_case code, e.g. `"out_of_scale"`. */
  readonly code: ErrorCode;
  /** Position of the offending score or weight, or `null`. */
  readonly index: number | null;
}

/** An integer response scale `min..=max` with 2 to 101 points. Throws `invalid_scale` otherwise. */
/** Labels of a scale: answer text → point, and the texts that mean "no answer". */
export interface ScaleLabelOptions {
  /** Answer text → point (matched after NFC, trimming, collapsing spaces and case-folding). */
  labels?: Readonly<Record<string, number>> | ReadonlyMap<string, number> | null;
  /** Texts that mean "no answer"; default "", "n/a", "na", "-", "skipped", "prefer not to say". */
  missing?: readonly string[] | null;
}

export class Scale {
  /** @throws {CxMetricsError} `invalid_scale` (also for an ambiguous label, named in the message). */
  constructor(min: number, max: number, options?: ScaleLabelOptions);
  readonly min: number;
  readonly max: number;
  /** The labels as given (`null` without labels). */
  readonly labels: Readonly<Record<string, number>> | null;
  /** The missing-value texts as given (`null`: the default ones). */
  readonly missing: readonly string[] | null;
  /** `max − min + 1`. */
  readonly points: number;
  /** Whether `value` is an integer in `min..=max`. */
  contains(value: number): boolean;
  equals(other: ScaleLike): boolean;
  /** `"0–10"`. */
  toString(): string;
  toJSON(): { min: number; max: number; labels?: Record<string, number> | null; missing?: readonly string[] | null };
  /** 1–5 satisfaction in "en" (default), "vi", "th" or "fa". @throws {CxMetricsError} `invalid_argument` for another language. */
  static satisfaction5(lang?: "en" | "vi" | "th" | "fa"): Scale;
  /** 1–5 agreement (CES) in "en" (default), "vi", "th" or "fa". */
  static agreement5(lang?: "en" | "vi" | "th" | "fa"): Scale;
  /** 1–5 faces 😠 🙁 😐 🙂 😍 (and variants). */
  static faces5(): Scale;
  /** 👎 → 0, 👍 → 1. */
  static thumbs(): Scale;
  /** "bad" → 0, "good" → 1; "offered", "unoffered" missing. */
  static helpdeskRating(): Scale;
  /** 0–10 with the survey tools' end labels. */
  static npsChoices(): Scale;
  /** 0–10 (NPS). */
  static nps(): Scale;
  /** 1–5 (CSAT, CES 1.0). */
  static oneToFive(): Scale;
  /** 1–7 (CES 2.0). */
  static oneToSeven(): Scale;
  /** 1–10. */
  static oneToTen(): Scale;
  /** 0–1. */
  static binary(): Scale;
}

/** Options of functions that read raw scores. */
export interface InputOptions {
  /** One weight per score (finite, ≥ 0). */
  weights?: Weights | null;
  /** Default `"error"`. */
  onInvalid?: OnInvalid | null;
}

/** The serialized state of a `Tally` (format `cxmetrics.tally`, version 1; the same in Rust and Python). */
export interface TallyJSON {
  format: "cxmetrics.tally";
  version: 1;
  scale: { min: number; max: number };
  counts: number[];
  missing: number;
  invalid: number;
  weights: { sum: number[]; sum_comp: number[]; sum_sq: number[]; sum_sq_comp: number[] } | null;
}

/**
 * Mergeable counts (and compensated weight sums) of responses on one scale.
 *
 * Counts are exact or refused: `n`, `missing` and `invalid` stay at most
 * `Number.MAX_SAFE_INTEGER`; a call that would go beyond it throws `invalid_argument`
 * and leaves the tally unchanged.
 */
export class Tally {
  constructor(scale: ScaleLike, scores?: Scores | ScoresBuffer | null, options?: InputOptions);
  /** `new ScoresBuffer(length, dtype)`: scores to fill in wasm memory and count without a copy. */
  static buffer<D extends BufferDtype = "f64">(length: number, dtype?: D): ScoresBuffer<D>;
  /** `counts[k]` responses scored `scale.min + k`. */
  static fromCounts(scale: ScaleLike, counts: ReadonlyArray<number> | TypedScores): Tally;
  /**
   * A tally from its parts (an engine's `GROUP BY score`): `counts[k]`, `weightSums[k]`
   * (Σw) and `weightSqSums[k]` (Σw²) for the score `scale.min + k`; both sums `null` /
   * `undefined` for an unweighted tally. The core checks every point (sums finite and
   * ≥ 0, 0 where the count is 0, (Σw)²/count ≤ Σw² ≤ (Σw)², weights ≤ 1e144, with a
   * 1e-6 relative slack) and throws `invalid_argument` naming the array, with the
   * point as `index`; `length_mismatch` for arrays of another length than the scale.
   * @throws Error in `cxmetrics/survey` (its size budget): use `cxmetrics`.
   */
  static fromParts(
    scale: ScaleLike,
    counts: ReadonlyArray<number> | TypedScores,
    weightSums: ReadonlyArray<number> | Float64Array | null | undefined,
    weightSqSums: ReadonlyArray<number> | Float64Array | null | undefined,
    options?: { missing?: number | null; invalid?: number | null },
  ): Tally;
  /**
   * Reads what `toBytes()` (or Rust / Python `to_bytes`) wrote; `invalid_format` naming
   * the byte offset and field for truncated, foreign, unknown-version, inconsistent or
   * over-long input.
   * @throws Error in `cxmetrics/survey` (its size budget): use `cxmetrics`.
   */
  static fromBytes(bytes: Uint8Array): Tally;
  /** Reads what `toJSON()` (or Rust / Python `to_json`) wrote: a string or the parsed object. */
  static fromJSON(json: string | TallyJSON): Tally;
  /**
   * Adds one score (`null` / `undefined` / `NaN` = missing) or text answer, read on the
   * scale's labels like the column paths (an unknown label's `index` is the rows seen
   * before). Text needs the full module.
   */
  push(
    score: number | string | null | undefined,
    options?: { weight?: number | null; onInvalid?: OnInvalid | null },
  ): this;
  /** Adds many scores in one pass; all or nothing. */
  extend(scores: Scores | ScoresBuffer, options?: InputOptions): this;
  /**
   * Adds another tally's responses (same scale) to this one, in place. Counts merge
   * exactly in any order and split; weight sums within 1e-13 relative of one pass, not
   * bit for bit (compare weighted results with a tolerance).
   */
  merge(other: Tally): this;
  readonly scale: Scale;
  readonly counts: number[];
  /** Σw per point (equal to `counts` when unweighted). */
  readonly pointWeights: number[];
  readonly n: number;
  readonly missing: number;
  readonly invalid: number;
  readonly weighted: boolean;
  readonly sumWeights: number;
  readonly nEff: number;
  toJSON(): TallyJSON;
  /**
   * The compact binary form (`CXTY` version 1, little-endian; docs/conventions.md,
   * "Binary form"): the same bytes as Rust and Python `to_bytes`; exact round trip.
   * @throws Error in `cxmetrics/survey` (its size budget): use `cxmetrics`.
   */
  toBytes(): Uint8Array;
  /** An independent copy. */
  copy(): Tally;
  /** Releases the wasm memory now instead of at garbage collection. The tally is unusable afterwards. */
  free(): void;
  toString(): string;
}

/** The element type of a `ScoresBuffer`: bytes (`Uint8Array`) or doubles (`Float64Array`, NaN = missing). */
export type BufferDtype = "u8" | "f64";

/**
 * Scores in WebAssembly memory, counted without a copy: fill `array`, then pass the
 * buffer where scores go (`nps(buf)`, `csat`, `ces`, `mean`, `topBox`, `bottomBox`,
 * `distribution`, `new Tally(scale, buf)`, `tally.extend(buf)`); every score of the
 * buffer is counted, with the usual errors (code and index) for invalid ones.
 *
 * `array` is a view into the module's memory. When that memory grows (any cxmetrics
 * call may grow it) earlier views detach: their `length` becomes 0 and writes to them
 * are lost. Read `buf.array` again after each cxmetrics call instead of keeping it;
 * the getter re-derives the view when needed.
 *
 * A buffer is freed on garbage collection, or now with `free()` (or `using`, through
 * `Symbol.dispose`); a freed buffer throws `TypeError` when used.
 */
export class ScoresBuffer<D extends BufferDtype = BufferDtype> {
  /** `length` zeroed scores; `dtype` default `"f64"`. */
  constructor(length: number, dtype?: D);
  readonly length: number;
  readonly dtype: D;
  /** A `Uint8Array` (`"u8"`) / `Float64Array` (`"f64"`) view into wasm memory to fill (re-derived after memory growth). */
  readonly array: D extends "u8" ? Uint8Array : D extends "f64" ? Float64Array : Uint8Array | Float64Array;
  /** Releases the wasm memory now instead of at garbage collection (`Symbol.dispose` does the same where the runtime has it). */
  free(): void;
  toString(): string;
}

/** Fields every survey result has. */
export interface SampleFields {
  /** Valid responses used (unweighted). */
  n: number;
  /** Missing inputs (null / undefined / NaN), excluded from every denominator. */
  missing: number;
  /** Invalid inputs skipped with `onInvalid: "skip"`. */
  invalid: number;
  /** Σw of the valid responses (`n` when unweighted). */
  sumWeights: number;
  /** Kish effective sample size (Σw)²/Σw² (`n` when unweighted). */
  nEff: number;
  /** Whether weights were given. */
  weighted: boolean;
}

/** Confidence-interval methods. Net scores: adjusted_wald (default), wald; proportions: wilson (default), wald, agresti_coull, clopper_pearson, jeffreys; means: t. */
export type IntervalMethod =
  | "adjusted_wald"
  | "wald"
  | "wilson"
  | "agresti_coull"
  | "clopper_pearson"
  | "jeffreys"
  | "t";

/**
 * Comparison methods. Net scores: adjusted_wald (default), wald; proportions: pooled_z
 * (default: pooled z test, Newcombe interval), wald, agresti_caffo, score (Miettinen–Nurminen
 * score test and interval); means: welch; pairedNps: paired_t.
 */
export type CompareMethod = "adjusted_wald" | "wald" | "pooled_z" | "agresti_caffo" | "score" | "welch" | "paired_t";

/** Multiple-comparison adjustments: Holm (default) or Benjamini–Hochberg. */
export type PAdjustMethod = "holm" | "bh";

export interface IntervalOptions {
  /** Confidence level in (0, 1); default 0.95. */
  level?: number | null;
  /** Default: the estimate's kind (adjusted_wald, wilson or t). */
  method?: IntervalMethod | null;
}

/** A confidence interval in the metric's unit, clamped to its range. `const [lower, upper] = interval` works. */
export interface Interval extends Iterable<number> {
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
  readonly method: IntervalMethod;
  toJSON(): { lower: number; upper: number; level: number; method: IntervalMethod };
}

/** Results with an inference estimate: survey results (not distributions) and rate results. */
export interface Estimated {
  /** A confidence interval (default method of the estimate's kind, level 0.95). */
  interval(options?: IntervalOptions): Interval;
  /** Half-width of the default interval before clamping, in the metric's unit. */
  marginOfError(options?: { level?: number | null }): number;
}

export interface ComparisonFields {
  /** a − b (after − before for pairedNps), in the metric's unit. */
  difference: number;
  /** Interval for the difference. */
  lower: number;
  upper: number;
  /** z, or t for welch and paired_t. */
  statistic: number;
  /** Two-sided p-value of "no difference". */
  pValue: number;
  /** Degrees of freedom of a t statistic; `null` for z tests. */
  df: number | null;
  method: CompareMethod;
  level: number;
}
export interface Comparison extends Readonly<ComparisonFields> {
  toJSON(): ComparisonFields;
}
export interface PairedNpsFields extends ComparisonFields {
  df: number;
  /** Pairs used (both answers present). */
  n: number;
  /** Pairs dropped (an answer missing). */
  missing: number;
}
export interface PairedNpsResult extends Readonly<PairedNpsFields> {
  toJSON(): PairedNpsFields;
}

/** Where detractors end and promoters begin (both inclusive). */
export interface NpsBuckets {
  detractorMax: number;
  promoterMin: number;
}

export interface NpsFields extends SampleFields {
  /** NPS in points, −100…100. */
  score: number;
  /** Shares 0…1 (weighted when weighted). */
  promoters: number;
  passives: number;
  detractors: number;
  /** Unweighted counts. */
  nPromoters: number;
  nPassives: number;
  nDetractors: number;
  buckets: NpsBuckets;
}
export interface NpsResult extends Readonly<Omit<NpsFields, "buckets">>, Estimated {
  readonly buckets: Readonly<NpsBuckets>;
  /**
   * The core's SVG chart of this result (a standalone `<svg>` document, byte-identical to
   * Python's `to_svg()` for equal inputs; see docs/charts.md). The stacked bar and the score with its default interval (95 %, the kind's default method).
   * @throws Error in `cxmetrics/survey`, which has no charts (its size budget): use `cxmetrics`.
   */
  toSVG(): string;
  toJSON(): NpsFields;
}

export interface CsatFields extends SampleFields {
  /** Percent (top_box, percent_of_max), −100…100 (net) or scale units (mean). */
  score: number;
  method: CsatMethod;
  /** The satisfied threshold used (top_box, net), else `null`. */
  threshold: number | null;
  /** The dissatisfied threshold used (net), else `null`. */
  bottomThreshold: number | null;
}
export interface CsatResult extends Readonly<CsatFields>, Estimated {
  toJSON(): CsatFields;
}

export interface CesFields extends SampleFields {
  /** Scale units (mean), percent (percent_agree) or −100…100 (net_effort). */
  score: number;
  method: CesMethod;
  higherIsBetter: boolean;
  /** First point of the easy side (percent_agree, net_effort), else `null`. */
  threshold: number | null;
}
export interface CesResult extends Readonly<CesFields>, Estimated {
  toJSON(): CesFields;
}

export interface MeanFields extends SampleFields {
  /** The mean, in scale units. */
  score: number;
  /** Sample standard deviation (n − 1; weighted: Kish-corrected); `null` when nEff ≤ 1. */
  stdDev: number | null;
}
export interface MeanResult extends Readonly<MeanFields>, Estimated {
  toJSON(): MeanFields;
}

export interface BoxFields extends SampleFields {
  /** Percent of responses in the box, 0…100. */
  score: number;
  /** The box boundary used, inclusive. */
  threshold: number;
  /** Responses in the box (unweighted). */
  count: number;
}
export interface BoxResult extends Readonly<BoxFields>, Estimated {
  toJSON(): BoxFields;
}

export interface DistributionFields extends SampleFields {
  /** The scale's points, ascending. */
  points: number[];
  /** Responses per point (unweighted). */
  counts: number[];
  /** Share per point, 0…1 (weighted when weighted). */
  shares: number[];
}
export interface Distribution extends Readonly<SampleFields> {
  readonly points: readonly number[];
  readonly counts: readonly number[];
  readonly shares: readonly number[];
  /**
   * The core's SVG chart of this result (a standalone `<svg>` document, byte-identical to
   * Python's `to_svg()` for equal inputs; see docs/charts.md). One bar per point; the top and bottom boxes coloured.
   * @throws Error in `cxmetrics/survey`, which has no charts (its size budget): use `cxmetrics`.
   */
  toSVG(): string;
  toJSON(): DistributionFields;
}

/** With a `Tally`, scale, weights and onInvalid were fixed when it was built. */
type NoInput = { scale?: never; weights?: never; onInvalid?: never };

export interface NpsOptions extends InputOptions {
  /** Default 0–10. Other scales need explicit `buckets`. */
  scale?: ScaleLike | null;
  buckets?: NpsBuckets | null;
}
export interface CsatOptions extends InputOptions {
  /** Default 1–5. */
  scale?: ScaleLike | null;
  /** Default `"top_box"`. */
  method?: CsatMethod | null;
  /** Lowest satisfied point, inclusive (default: top two points; top point on 2–3-point scales). */
  threshold?: number | null;
  /** Highest dissatisfied point for `net`, inclusive (default: bottom two points). */
  bottomThreshold?: number | null;
}
export interface CesOptions extends InputOptions {
  /** Required. */
  scale: ScaleLike;
  /** Required: `true` when a higher score means less effort (CES 2.0). */
  higherIsBetter: boolean;
  /** Default `"mean"`. */
  method?: CesMethod | null;
  /** First point of the easy side, inclusive (default: the points beyond the midpoint). */
  threshold?: number | null;
}
export interface ScaleOptions extends InputOptions {
  /** Required. */
  scale: ScaleLike;
}
export interface BoxOptions extends ScaleOptions {
  /** Box boundary, inclusive (default: the top / bottom two points; one point on 2–3-point scales). */
  threshold?: number | null;
}

/** Net Promoter Score in points (−100…100). */
export function nps(tally: Tally, options?: Omit<NpsOptions, keyof InputOptions | "scale"> & NoInput): NpsResult;
export function nps(scores: Scores | ScoresBuffer, options?: NpsOptions): NpsResult;

/** CSAT by an explicit method. */
export function csat(tally: Tally, options?: Omit<CsatOptions, keyof InputOptions | "scale"> & NoInput): CsatResult;
export function csat(scores: Scores | ScoresBuffer, options?: CsatOptions): CsatResult;

/** Customer Effort Score; `scale` and `higherIsBetter` are required. */
export function ces(tally: Tally, options: Omit<CesOptions, keyof InputOptions | "scale"> & NoInput): CesResult;
export function ces(scores: Scores | ScoresBuffer, options: CesOptions): CesResult;

/** Mean score with its sample standard deviation. */
export function mean(tally: Tally, options?: NoInput): MeanResult;
export function mean(scores: Scores | ScoresBuffer, options: ScaleOptions): MeanResult;

/** Percent of responses at or above `threshold`. */
export function topBox(tally: Tally, options?: { threshold?: number | null } & NoInput): BoxResult;
export function topBox(scores: Scores | ScoresBuffer, options: BoxOptions): BoxResult;

/** Percent of responses at or below `threshold`. */
export function bottomBox(tally: Tally, options?: { threshold?: number | null } & NoInput): BoxResult;
export function bottomBox(scores: Scores | ScoresBuffer, options: BoxOptions): BoxResult;

/** Responses per scale point. */
export function distribution(tally: Tally, options?: NoInput): Distribution;
export function distribution(scores: Scores | ScoresBuffer, options: ScaleOptions): Distribution;

// ───────────────────────────── statistics ─────────────────────────────

/** A survey or rate result with an estimate (not a Distribution). */
export type EstimatedResult = Estimated & object;

/**
 * Compares two independent groups, a − b: adjusted Wald (NPS), pooled z (proportions) or Welch (means) by default.
 * Proportions also take `method` "wald", "agresti_caffo" or "score" (Miettinen–Nurminen), the
 * difference intervals of statsmodels' confint_proportions_2indep, each with its test.
 * @throws {CxMetricsError} `invalid_argument` for a bad level, results of different kinds or a method that does not apply; `insufficient_data` for a mean of one response, or zero variance in both groups with different values (for proportions only "wald", 0 % against 100 %).
 */
export function compare(
  a: EstimatedResult,
  b: EstimatedResult,
  options?: { level?: number | null; method?: CompareMethod | null },
): Comparison;

export interface MeanOfFields {
  /** The (weighted) mean, in the values' unit. */
  score: number;
  /** Sample standard deviation (n − 1; weighted: Kish-corrected); `null` when nEff ≤ 1. */
  stdDev: number | null;
  /** Values used (unweighted count). */
  n: number;
  /** Missing values (null, undefined, NaN), left out. */
  missing: number;
  /** Σw of the values used (`n` when unweighted). */
  sumWeights: number;
  /** Kish effective sample size (Σw)²/Σw² (`n` when unweighted). */
  nEff: number;
  /** Whether weights were given. */
  weighted: boolean;
}
/** A continuous mean: `interval()` is the t interval (not clamped), `compare` of two is Welch. */
export interface MeanOfResult extends Readonly<MeanOfFields>, Estimated {
  toJSON(): MeanOfFields;
}

/**
 * The mean of a continuous measure (spend per customer, time-on-task), optionally weighted:
 * any finite numbers, null / undefined / NaN missing. Unlike `mean`, no scale.
 * @throws {CxMetricsError} `not_finite` for ±Infinity (with its index); `invalid_weight`
 *   for a negative or non-finite weight (with its index) or a total weight of 0;
 *   `length_mismatch`; `empty` when no value is left; `invalid_argument` when the sums overflow.
 * @throws {TypeError} for values that are not an array or a typed array.
 */
export function meanOf(values: Scores, options?: { weights?: Weights | null }): MeanOfResult;

/** The NPS change of the same respondents (after − before, 0–10 scores), paired t test; pairs with a missing answer are dropped. */
export function pairedNps(before: Scores, after: Scores, options?: { level?: number | null }): PairedNpsResult;

/** Interval for `successes` of `n` (integers), in percent; Wilson by default. */
export function proportionInterval(successes: number, n: number, options?: IntervalOptions): Interval;

/** Interval for the NPS of counts, in points; adjusted Wald by default. */
export function npsInterval(
  promoters: number,
  passives: number,
  detractors: number,
  options?: IntervalOptions,
): Interval;

/** Respondents for an NPS margin of error of `margin` points (variance p + d − (p − d)², default 1: the worst case). */
export function sampleSizeNps(margin: number, options?: { level?: number | null; variance?: number | null }): number;

/** Respondents for a margin of error of `margin` percentage points at an expected `p` percent (default 50). */
export function sampleSizeProportion(margin: number, options?: { level?: number | null; p?: number | null }): number;

/** Respondents for a margin of error of `margin` scale units; `sd` is required. */
export function sampleSizeMean(margin: number, options: { sd: number; level?: number | null }): number;

/** Respondents per group to detect an NPS difference of `difference` points (power default 0.8, variance default 1). */
export function sampleSizeNpsDifference(
  difference: number,
  options?: { level?: number | null; power?: number | null; variance?: number | null },
): number;

/** Respondents per group to detect `p1` % vs `p2` % (power default 0.8). */
export function sampleSizeProportionDifference(
  p1: number,
  p2: number,
  options?: { level?: number | null; power?: number | null },
): number;

/** p-values adjusted for multiple comparisons (Holm by default), in input order. */
export function adjustPValues(
  pValues: ReadonlyArray<number | null | undefined> | Float64Array | Float32Array,
  options?: { method?: PAdjustMethod | null },
): number[];

// ───────────────────────────── service metrics ─────────────────────────────
// (in `cxmetrics` and `cxmetrics/web`; `cxmetrics/survey` has handleTime only, and no trend)

/** An instant: a `Date`, epoch milliseconds, or an ISO 8601 string with an offset or `Z` (a string without one is `invalid_argument`). */
export type Instant = Date | number | string;

/** A column of instants; `null`, `undefined` and `NaN` are absent. A `Float64Array` holds epoch milliseconds. */
export type Instants = ReadonlyArray<Instant | null | undefined> | Float64Array;

/** `"mon"` … `"sun"` (any case, or the full English name) or 0 = Monday … 6 = Sunday. */
export type Weekday = string | number;

/** An opening window: `[weekday, start, end]`, local times `"HH:MM"` or `"HH:MM:SS"`; `end <= start` runs past midnight, `end == start` is 24 h. */
export type OpeningWindow = readonly [weekday: Weekday, start: string, end: string];

/** Business hours: an IANA time zone, weekly opening windows and holidays (`"YYYY-MM-DD"`). Counted per local day, so DST is exact. */
export class Schedule {
  constructor(timeZone: string, windows: ReadonlyArray<OpeningWindow>, holidays?: ReadonlyArray<string> | null);
  /** The IANA name, e.g. `"America/New_York"`. */
  readonly timeZone: string;
  /** Seconds of opening time between two instants. */
  businessSeconds(start: Instant, end: Instant): number;
  /** The instant `seconds` business seconds after `start` (windows are half-open: at a closing time, 0 s is the next opening). */
  addBusiness(start: Instant, seconds: number): Date;
  /** Releases the wasm memory now instead of at garbage collection. */
  free(): void;
  /** `"Schedule(America/New_York, 5 windows, 0 holidays)"`. */
  toString(): string;
}

/** One ticket as a record (keys camelCase). */
export interface TicketRecord {
  /** Required. */
  created: Instant;
  firstResponse?: Instant | null;
  /** Every time the ticket was set to solved. */
  solved?: ReadonlyArray<Instant> | null;
  /** Every time it was reopened. */
  reopened?: ReadonlyArray<Instant> | null;
  /** Public agent replies (default 0). */
  agentReplies?: number | null;
  /** Customer messages after the first (default 0). */
  customerFollowups?: number | null;
  /** On-hold / pending intervals `[start, end]`; overlaps are merged. */
  paused?: ReadonlyArray<readonly [start: Instant, end: Instant]> | null;
  channel?: string | null;
  priority?: string | null;
}

/** Tickets as columns, one entry per ticket. */
export interface TicketColumns {
  /** Required. */
  created: Instants;
  firstResponse?: Instants | null;
  firstSolved?: Instants | null;
  /** The last solve of tickets resolved now (absent while open). */
  finalSolved?: Instants | null;
  /** The first reopen after the first solve (columns hold one reopen: the solved period is `[firstSolved, firstReopened)`). */
  firstReopened?: Instants | null;
  agentReplies?: ReadonlyArray<number> | TypedScores | null;
  customerFollowups?: ReadonlyArray<number> | TypedScores | null;
  /** `[ticketIndex, start, end]` triples. */
  paused?: ReadonlyArray<readonly [ticket: number, start: Instant, end: Instant]> | null;
  channel?: ReadonlyArray<string | null | undefined> | null;
  priority?: ReadonlyArray<string | null | undefined> | null;
}

/** Validated tickets in wasm memory. */
export class Tickets {
  constructor(columns: TicketColumns);
  static fromRecords(records: ReadonlyArray<TicketRecord>): Tickets;
  /** The number of tickets. */
  readonly length: number;
  /** Releases the wasm memory now instead of at garbage collection. */
  free(): void;
  /** `"Tickets(n=2)"`. */
  toString(): string;
}

/** Options of the duration metrics. The clock is business time exactly when `schedule` is given. */
export interface DurationOptions {
  schedule?: Schedule | null;
  /** The observation time for open tickets (default: the latest instant in the tickets). */
  asOf?: Instant | null;
}

export type Clock = "calendar" | "business";
export type DurationMetric = "first_response" | "first_resolution" | "full_resolution" | "requester_wait";

export interface DurationSummaryFields {
  /** Completed durations. */
  n: number;
  /** Tickets still open (censored at `asOf`). */
  open: number;
  /** Of the completed durations, in seconds. */
  mean: number;
  median: number;
  p90: number;
  min: number;
  max: number;
  /** Kaplan–Meier median counting open tickets as censored; `null` while fewer than half are known to have finished. */
  kmMedian: number | null;
  clock: Clock;
}
export interface DurationSummary extends Readonly<DurationSummaryFields> {
  /** The q-quantile (q in [0, 1]) of the completed durations, linear interpolation. */
  percentile(q: number): number;
  /**
   * The core's SVG chart of this result (a standalone `<svg>` document, byte-identical to
   * Python's `to_svg()` for equal inputs; see docs/charts.md). Min–max, the median–p90 box, the mean and the Kaplan–Meier median.
   * @throws Error in `cxmetrics/survey`, which has no charts (its size budget): use `cxmetrics`.
   */
  toSVG(): string;
  toJSON(): DurationSummaryFields;
}

/** Created → first agent response. */
export function firstResponseTime(tickets: Tickets, options?: DurationOptions): DurationSummary;
/** Created → final solve (`kind: "full"`, default) or first solve (`"first"`). */
export function resolutionTime(
  tickets: Tickets,
  options?: DurationOptions & { kind?: "full" | "first" | null },
): DurationSummary;
/** Created → final solve minus paused time and solved periods (solve → reopen): Zendesk's New + Open + On-hold time. */
export function requesterWaitTime(tickets: Tickets, options?: DurationOptions): DurationSummary;
/** Per-ticket durations in seconds, `null` while open. */
export function ticketDurations(
  tickets: Tickets,
  metric: DurationMetric,
  options?: DurationOptions,
): Array<number | null>;

export interface FcrOptions {
  /** Default 1 (one touch); `null`: any number. */
  maxAgentReplies?: number | null;
  /** Default: not checked. */
  maxCustomerFollowups?: number | null;
  /** Seconds: only a reopen within this window after the first solve fails (default: any reopen fails). */
  reopenWindow?: number | null;
  /** `"resolved"` (default: first solved in the period) or `"created"` (unsolved tickets fail). */
  denominator?: "resolved" | "created" | null;
  /** Half-open `[from, to)`. */
  period?: readonly [from: Instant, to: Instant] | null;
}
export interface FcrFields {
  /** Percent, 0…100. */
  score: number;
  count: number;
  n: number;
  denominator: "resolved" | "created";
}
export interface FcrResult extends Readonly<FcrFields>, Estimated {
  toJSON(): FcrFields;
}
/** First contact resolution, in percent. */
export function fcr(tickets: Tickets, options?: FcrOptions): FcrResult;

export interface SlaRowFields {
  /** `null` for tickets without a priority and on the overall row. */
  priority: string | null;
  /** Seconds (`null` on the overall row). */
  target: number | null;
  achieved: number;
  /** Completed late, or open and already past the target. */
  breached: number;
  /** Open and within the target: not decided yet, not counted. */
  running: number;
  /** achieved + breached. */
  n: number;
  /** 100 × achieved / n; `null` when nothing is decided. */
  score: number | null;
}
/** `interval()` is Wilson by default; a row with n = 0 throws `empty`. */
export interface SlaRow extends Readonly<SlaRowFields>, Estimated {
  toJSON(): SlaRowFields;
}
export interface SlaResultFields {
  rows: SlaRowFields[];
  overall: SlaRowFields;
  untargeted: number;
  metric: DurationMetric;
  clock: Clock;
}
export interface SlaResult {
  /** One row per priority among the targeted tickets, sorted, `null` last. */
  readonly rows: readonly SlaRow[];
  readonly overall: SlaRow;
  /** Tickets whose priority has no target and there is no `"*"`. */
  readonly untargeted: number;
  readonly metric: DurationMetric;
  readonly clock: Clock;
  /**
   * The core's SVG chart of this result (a standalone `<svg>` document, byte-identical to
   * Python's `to_svg()` for equal inputs; see docs/charts.md). One bar per priority and the overall row.
   * @throws Error in `cxmetrics/survey`, which has no charts (its size budget): use `cxmetrics`.
   */
  toSVG(): string;
  toJSON(): SlaResultFields;
}
/** SLA attainment per priority. `targets`: seconds per priority; `"*"` is the default. */
export function sla(
  tickets: Tickets,
  options: DurationOptions & { targets: Readonly<Record<string, number>>; metric?: DurationMetric | null },
): SlaResult;

export interface AhtFields {
  /** Mean talk + hold + wrap-up, seconds. */
  score: number;
  n: number;
  /** Contacts with a NaN / null component. */
  missing: number;
  talk: number;
  hold: number;
  wrap: number;
  /** `null` for one contact. */
  stdDev: number | null;
}
export interface AhtResult extends Readonly<AhtFields>, Estimated {
  toJSON(): AhtFields;
}
/** Average handle time: mean of talk + hold + wrap-up seconds per contact (absent hold / wrap count as 0). */
export function handleTime(talk: Scores, options?: { hold?: Scores | null; wrap?: Scores | null }): AhtResult;

// ───────────────────────────── lifecycle metrics ─────────────────────────────

export interface RateFields {
  /** Percent, 0…100. */
  score: number;
  /** The numerator (conversions, retained customers). */
  count: number;
  /** The denominator. */
  n: number;
}
/** A rate with its counts; a proportion (Wilson interval by default). */
export interface RateResult extends Readonly<RateFields>, Estimated {
  toJSON(): RateFields;
}
export interface ChurnFields {
  /** Churn in the period, percent. */
  score: number;
  /** Annualised churn, percent (`null` without `periodsPerYear`). */
  annualized: number | null;
  churned: number;
  /** The denominator used. */
  n: number;
}
export interface ChurnResult extends Readonly<ChurnFields>, Estimated {
  toJSON(): ChurnFields;
}

/** Conversion rate: 100 × conversions / interactions. */
export function conversionRate(conversions: number, interactions: number): RateResult;
/** Customer retention rate: 100 × (end − newCustomers) / start. */
export function retentionRate(start: number, end: number, newCustomers: number): RateResult;

export interface ChurnOptions {
  /** `"start"` (default: customers at the start), `"up_for_renewal"` (with `upForRenewal`) or `"average"` (of start and `end`). */
  denominator?: "start" | "up_for_renewal" | "average" | null;
  upForRenewal?: number | null;
  end?: number | null;
  /** 12 for monthly churn: also report the annualised rate. */
  periodsPerYear?: number | null;
  /** `"compound"` (default: 1 − (1 − m)^k) or `"simple"` (m × k). */
  annualize?: "compound" | "simple" | null;
}
export interface RevenueRetentionFields {
  /** Net revenue retention (NRR), percent; above 100 when expansion outweighs the losses. */
  score: number;
  /** Gross revenue retention (GRR), percent, 0…100: expansion never counts. */
  gross: number;
  /** Recurring revenue of the cohort at the start of the period. */
  start: number;
  /** Revenue the cohort added (upgrades, add-ons). */
  expansion: number;
  /** Revenue the cohort's remaining customers gave up (downgrades). */
  contraction: number;
  /** Revenue of the customers who left. */
  churned: number;
}
/** Net and gross revenue retention; a ratio of amounts, so it has no interval. */
export interface RevenueRetentionResult extends Readonly<RevenueRetentionFields> {
  toJSON(): RevenueRetentionFields;
}
/**
 * Net and gross revenue retention of the starting cohort, in percent:
 * NRR = 100 × (start + expansion − contraction − churned) / start; GRR without expansion.
 * Revenue of new or reactivated customers is in no term.
 * @throws CxMetricsError `empty` when start is 0; `invalid_argument` for a negative or
 * non-finite amount, or contraction + churned above start.
 */
export function revenueRetention(
  start: number,
  options: { expansion: number; contraction: number; churned: number },
): RevenueRetentionResult;

/** Customer churn rate for a period, with an explicit denominator. */
export function churnRate(churned: number, start: number, options?: ChurnOptions): ChurnResult;
/** Customer lifetime value: arpu × margin / (churn / 100); `margin` a fraction, `churn` percent per period. */
export function clvFromChurn(arpu: number, options: { margin: number; churn: number }): number;
/** Customer lifetime value from the retention rate (percent per period). */
export function clvFromRetention(arpu: number, options: { retention: number }): number;

// ───────────────────────────── segments and trends ─────────────────────────────

export type SurveyMetricName = "nps" | "csat" | "ces" | "mean" | "top_box" | "bottom_box";
export type KeyPart = string | number;
/** One key column (strings or integers; no missing values) or an array of key columns. */
export type KeyColumns = ReadonlyArray<KeyPart> | TypedScores | ReadonlyArray<ReadonlyArray<KeyPart> | TypedScores>;

/** The metric per group, its options, and the rows' inputs. Options that do not apply to the metric are `invalid_argument`. */
export interface ReportOptions {
  /** Default `"nps"`. */
  metric?: SurveyMetricName | null;
  /** Default 0–10 for nps, 1–5 for csat; required for the others. */
  scale?: ScaleLike | null;
  /** nps. */
  buckets?: NpsBuckets | null;
  /** csat. */
  csatMethod?: CsatMethod | null;
  /** ces (required with metric "ces"). */
  higherIsBetter?: boolean | null;
  /** ces. */
  cesMethod?: CesMethod | null;
  /** csat, ces, top_box, bottom_box. */
  threshold?: number | null;
  /** csat `net`. */
  bottomThreshold?: number | null;
  weights?: Weights | null;
  onInvalid?: OnInvalid | null;
  /** Groups with fewer valid responses are flagged `lowN` (default 30). */
  minN?: number | null;
  /** Interval level (default 0.95). */
  level?: number | null;
  /** Interval method (default: the metric's). */
  method?: IntervalMethod | null;
}

export interface SegmentRowFields {
  /** The key, one part per column (`[]` on the overall row). */
  key: KeyPart[];
  n: number;
  missing: number;
  invalid: number;
  /** Share of the overall weight, 0…1. */
  share: number;
  /** `null` when the segment has no valid response. */
  score: number | null;
  lower: number | null;
  upper: number | null;
  lowN: boolean;
  /** Overall score − overall without this segment (`null` on the overall row). */
  impact: number | null;
}
export interface SegmentRow extends Readonly<Omit<SegmentRowFields, "key">> {
  readonly key: readonly KeyPart[];
  toJSON(): SegmentRowFields;
}
export interface SegmentReport {
  /** One row per key: integers before strings, integers numerically, strings by UTF-8 bytes. */
  readonly rows: readonly SegmentRow[];
  /** All rows merged (never the mean of the segment scores). */
  readonly overall: SegmentRow;
  /**
   * The core's SVG chart of this result (a standalone `<svg>` document, byte-identical to
   * Python's `to_svg()` for equal inputs; see docs/charts.md). A bar and interval per segment on the metric's axis, the overall score as a line.
   * @throws Error in `cxmetrics/survey`, which has no charts (its size budget): use `cxmetrics`.
   */
  toSVG(): string;
  toJSON(): { rows: SegmentRowFields[]; overall: SegmentRowFields };
}
/** The survey metric per segment of `by`, with intervals, low-n flags, impact and the overall row. */
export function segment(scores: Scores, by: KeyColumns, options?: ReportOptions): SegmentReport;

export interface TrendOptions extends ReportOptions {
  /** Default `"month"`; `"week"` is the ISO week (Monday first). */
  period?: "day" | "week" | "month" | "quarter" | null;
  /** The IANA zone whose local dates define the periods (default `"UTC"`). */
  timeZone?: string | null;
  /** Multiple-comparison adjustment of the changes' p-values (default `"holm"`). */
  adjust?: PAdjustMethod | null;
  /** Significance level of `significant` (default 0.05). */
  alpha?: number | null;
  /** With `period: "day"`: one row per day with data, over the last `rollingDays` days. */
  rollingDays?: number | null;
}
export interface TrendRowFields {
  /** First local date of the period, `"YYYY-MM-DD"`. */
  start: string;
  /** `"2026-03"`, `"2026-W10"`, `"2026-Q1"`, `"2026-03-02"`. */
  label: string;
  n: number;
  missing: number;
  score: number | null;
  lower: number | null;
  upper: number | null;
  /** `n < minN`: shown, not compared. */
  lowN: boolean;
  /** Score − the previous compared period's score. */
  change: number | null;
  pValue: number | null;
  pAdjusted: number | null;
  /** `pAdjusted < alpha`. */
  significant: boolean;
}
export interface TrendRow extends Readonly<TrendRowFields> {
  toJSON(): TrendRowFields;
}
/** The rows of a trend (a frozen array), with `toSVG()` as an own, non-enumerable method. */
export interface TrendRows extends ReadonlyArray<TrendRow> {
  /**
   * The core's SVG chart of this result (a standalone `<svg>` document, byte-identical to
   * Python's `to_svg()` for equal inputs; see docs/charts.md). The score per period as a line, the interval as a band, significant changes marked.
   * @throws Error in `cxmetrics/survey`, which has no charts (its size budget): use `cxmetrics`.
   */
  toSVG(): string;
}
/** The survey metric per calendar period, with intervals and period-over-period changes tested and adjusted. */
export function trend(scores: Scores, times: Instants, options?: TrendOptions): TrendRows;

/** The package version (the same as the Rust crate and the Python package). */
export const version: string;
