// Uses every export of `cxmetrics` and `cxmetrics/web`; `tsc --strict` must accept the
// valid calls and reject each line marked @ts-expect-error (else "unused directive").
import {
  type AhtResult,
  adjustPValues,
  type BoxResult,
  type BufferDtype,
  bottomBox,
  type CesMethod,
  type CesResult,
  type ChurnResult,
  type CompareMethod,
  type Comparison,
  type CsatMethod,
  type CsatResult,
  CxMetricsError,
  ces,
  churnRate,
  clvFromChurn,
  clvFromRetention,
  compare,
  conversionRate,
  csat,
  type Distribution,
  type DurationSummary,
  distribution,
  type ErrorCode,
  type FcrResult,
  fcr,
  firstResponseTime,
  handleTime,
  type Instant,
  type Interval,
  type IntervalMethod,
  type MeanOfResult,
  type MeanResult,
  mean,
  meanOf,
  type NpsBuckets,
  type NpsResult,
  nps,
  npsInterval,
  type OnInvalid,
  type PairedNpsResult,
  pairedNps,
  proportionInterval,
  type RateResult,
  type RevenueRetentionResult,
  requesterWaitTime,
  resolutionTime,
  retentionRate,
  revenueRetention,
  Scale,
  type ScaleLike,
  Schedule,
  type Scores,
  ScoresBuffer,
  type SegmentReport,
  type SegmentRow,
  type SlaResult,
  type SlaRow,
  sampleSizeMean,
  sampleSizeNps,
  sampleSizeNpsDifference,
  sampleSizeProportion,
  sampleSizeProportionDifference,
  segment,
  sla,
  Tally,
  type TallyJSON,
  type TicketRecord,
  Tickets,
  type TrendRow,
  type TypedScores,
  ticketDurations,
  topBox,
  trend,
  version,
} from "cxmetrics";
import init, { type InitInput, initSync, nps as webNps } from "cxmetrics/web";

// ── valid usage ──
const v: string = version;
const s: Scale = new Scale(1, 5);
const points: number = s.points + s.min + s.max;
const same: boolean = s.equals([1, 5]) && Scale.nps().equals(Scale.oneToTen());
const presets: Scale[] = [Scale.nps(), Scale.oneToFive(), Scale.oneToSeven(), Scale.oneToTen(), Scale.binary()];
const labelled: Scale = new Scale(0, 1, { labels: { Yes: 1, No: 0 }, missing: ["(no answer)"] });
const labelPresets: Scale[] = [
  Scale.satisfaction5("vi"),
  Scale.agreement5(),
  Scale.faces5(),
  Scale.thumbs(),
  Scale.helpdeskRating(),
  Scale.npsChoices(),
];
const labelledLabels: Readonly<Record<string, number>> | null = labelled.labels;
// @ts-expect-error: not a preset language
Scale.satisfaction5("de");

const pair: ScaleLike = [0, 10];

const r: NpsResult = nps([10, 9, null, undefined, NaN, 3]);
const score: number = r.score + r.promoters + r.passives + r.detractors + r.nPromoters + r.nPassives + r.nDetractors;
const b: NpsBuckets = r.buckets;
const base: number = r.n + r.missing + r.invalid + r.sumWeights + r.nEff;
const weighted: boolean = r.weighted;
nps(new Uint8Array([10, 9]), {
  scale: pair,
  weights: [1, 2],
  onInvalid: "skip",
  buckets: { detractorMax: 6, promoterMin: 9 },
});
nps(new Float64Array([10]), { scale: null, weights: null, onInvalid: null, buckets: null });
nps(new BigInt64Array([10n]));

const typed: TypedScores[] = [
  new Uint8Array(1),
  new Uint8ClampedArray(1),
  new Int8Array(1),
  new Uint16Array(1),
  new Int16Array(1),
  new Uint32Array(1),
  new Int32Array(1),
  new Float32Array(1),
  new Float64Array(1),
  new BigInt64Array(1),
  new BigUint64Array(1),
];
const scores: Scores = typed[0];

const method: CsatMethod = "percent_of_max";
const c: CsatResult = csat([5, 4], { method, threshold: 4, bottomThreshold: 2, scale: s });
const cm: CsatMethod = c.method;
const ct: number | null = c.threshold;
const cb: number | null = c.bottomThreshold;

const cesMethod: CesMethod = "net_effort";
const e: CesResult = ces([7, 6], { scale: [1, 7], higherIsBetter: true, method: cesMethod, threshold: 5 });
const hib: boolean = e.higherIsBetter;
const et: number | null = e.threshold;

const m: MeanResult = mean([1, 2], { scale: [1, 5] });
const sd: number | null = m.stdDev;
const tb: BoxResult = topBox([5], { scale: [1, 5], threshold: 5 });
const bb: BoxResult = bottomBox([1], { scale: [1, 5] });
const count: number = tb.count + tb.threshold + bb.count;
const d: Distribution = distribution([1, 2], { scale: [1, 5], weights: new Float32Array([1, 1]) });
const shares: readonly number[] = d.shares;
const dj: number[] = d.toJSON().counts;

// Tally
const policy: OnInvalid = "skip";
const t = new Tally(Scale.nps(), [10, 9], { weights: [1, 1], onInvalid: policy });
const t2: Tally = new Tally([0, 10])
  .push(9)
  .push(null, { weight: 2, onInvalid: "error" })
  .extend(new Int32Array([1]));
t.merge(t2);
const tj: TallyJSON = t.toJSON();
const back: Tally = Tally.fromJSON(tj);
Tally.fromJSON(JSON.stringify(t));
const fc: Tally = Tally.fromCounts([1, 3], [1, 2, 3]);
const tallyFields: number = t.n + t.missing + t.invalid + t.sumWeights + t.nEff + t.counts.length + t.scale.points;
const tw: boolean = t.weighted;
const pw: number[] = t.pointWeights;
const copied: Tally = t.copy();
const has: boolean = s.contains(3);
nps(t);
nps(t, { buckets: { detractorMax: 6, promoterMin: 9 } });
csat(fc, { method: "mean" });
ces(back, { higherIsBetter: false });
mean(t);
topBox(t, { threshold: 9 });
bottomBox(t);
distribution(t);
t.free();

// Errors
try {
  nps([]);
} catch (err) {
  if (err instanceof CxMetricsError) {
    const code: ErrorCode = err.code;
    const index: number | null = err.index;
    const name: "CxMetricsError" = err.name;
    const message: string = err.message;
  }
}
const mine = new CxMetricsError("boom", "empty", null);
const asError: Error = mine;

// JSON of results
const rj: { score: number; nPromoters: number } = r.toJSON();
const cj: CsatMethod = c.toJSON().method;

// Statistics
const ci: Interval = r.interval();
const [lo, hi] = r.interval({ level: 0.9, method: "wald" });
const ciFields: number = ci.lower + ci.upper + ci.level + lo + hi;
const im: IntervalMethod = ci.method;
const moe: number = c.marginOfError() + e.marginOfError({ level: 0.99 }) + m.marginOfError() + tb.marginOfError();
bb.interval({ method: "jeffreys", level: null });
const cmp: Comparison = compare(r, nps([10, 0]), { level: 0.95, method: "adjusted_wald" });
const cmpFields: number = cmp.difference + cmp.lower + cmp.upper + cmp.statistic + cmp.pValue + cmp.level;
const cmpDf: number | null = cmp.df;
const cmpMethod: CompareMethod = cmp.method;
compare(m, mean([2, 3], { scale: [1, 5] }));
const mnMethod: CompareMethod = compare(tb, tb, { method: "score" }).method;
compare(tb, tb, { method: "agresti_caffo", level: 0.9 });
// @ts-expect-error: statsmodels' spelling is not an option name
compare(tb, tb, { method: "agresti-caffo" });
const paired: PairedNpsResult = pairedNps([9, 7], new Uint8Array([10, 8]), { level: 0.9 });
const pairedN: number = paired.n + paired.missing + paired.df;
const pi: Interval = proportionInterval(70, 100, { method: "clopper_pearson" });
const ni: Interval = npsInterval(50, 30, 20);
const sizes: number =
  sampleSizeNps(5) +
  sampleSizeNps(5, { level: 0.9, variance: 0.6 }) +
  sampleSizeProportion(5, { p: 30 }) +
  sampleSizeMean(0.1, { sd: 1 }) +
  sampleSizeNpsDifference(10, { power: 0.9 }) +
  sampleSizeProportionDifference(70, 80, { level: 0.95, power: 0.8 });
const adjusted: number[] = adjustPValues([0.01, 0.04], { method: "bh" });
adjustPValues(new Float64Array([0.01]));

// Service metrics
const office = new Schedule(
  "America/New_York",
  [
    ["mon", "09:00", "17:00"],
    [1, "09:00:00", "17:00"],
  ],
  ["2026-12-25"],
);
const tzName: string = office.timeZone;
const bsecs: number =
  office.businessSeconds(new Date(), "2026-11-02T09:00:00Z") + office.businessSeconds(0, Date.now());
const due: Date = office.addBusiness("2026-11-02T09:00:00Z", 3600);
const when: Instant = due;
const rec: TicketRecord = { created: "2026-11-02T09:00:00Z", solved: [new Date()], paused: [[0, 1]], priority: null };
const tickets: Tickets = Tickets.fromRecords([rec, { created: Date.now(), agentReplies: 2, channel: "chat" }]);
const cols = new Tickets({
  created: new Float64Array([0]),
  firstResponse: [null],
  finalSolved: [undefined],
  agentReplies: new Uint8Array([1]),
  paused: [[0, "2026-11-02T09:00:00Z", new Date()]],
  priority: ["high"],
});
const nTickets: number = tickets.length + cols.length;
const frt: DurationSummary = firstResponseTime(tickets, { schedule: office, asOf: new Date() });
const summaryNumbers: number =
  frt.n + frt.open + frt.mean + frt.median + frt.p90 + frt.min + frt.max + frt.percentile(0.5);
const km: number | null = frt.kmMedian;
const clock: "calendar" | "business" = frt.clock;
resolutionTime(tickets, { kind: "first" });
requesterWaitTime(tickets, { asOf: "2026-11-03T00:00:00Z" });
const durations: Array<number | null> = ticketDurations(tickets, "full_resolution", { schedule: null });
const f: FcrResult = fcr(tickets, {
  maxAgentReplies: null,
  reopenWindow: 3600,
  denominator: "created",
  period: [0, Date.now()],
});
const fcrCi: Interval = f.interval();
compare(f, fcr(cols));
const slaResult: SlaResult = sla(tickets, {
  targets: { high: 3600, "*": 86400 },
  metric: "first_response",
  schedule: office,
});
const row: SlaRow = slaResult.rows[0];
const rowScore: number | null = row.score;
row.interval({ method: "wilson" });
const overallAchieved: number = slaResult.overall.achieved + slaResult.untargeted;
const aht: AhtResult = handleTime([300, null], { hold: new Float64Array([1, 2]), wrap: null });
const ahtSd: number | null = aht.stdDev;
aht.marginOfError();
const spend: MeanOfResult = meanOf([42, null, 18.5], { weights: new Float64Array([1, 1, 2]) });
const spendSd: number | null = spend.stdDev;
const welch = compare(spend, meanOf(new Int32Array([10, 20, 30])));
const welchDf: number | null = welch.df;
// @ts-expect-error weights go in the options object
meanOf([1, 2], [1, 1]);
tickets.free();
office.free();

// Business metrics, segments, trends
const conv: RateResult = conversionRate(45, 1500);
const convCi: Interval = conv.interval();
const ch: ChurnResult = churnRate(50, 1000, {
  denominator: "average",
  end: 1010,
  periodsPerYear: 12,
  annualize: "simple",
});
const annual: number | null = ch.annualized;
const ret: RateResult = retentionRate(1000, 1030, 80);
const clv: number = clvFromChurn(50, { margin: 0.8, churn: 4 }) + clvFromRetention(50, { retention: 96 });
const rev: RevenueRetentionResult = revenueRetention(1000, { expansion: 400, contraction: 100, churned: 200 });
const nrr: number = rev.score + rev.gross;
// @ts-expect-error: a revenue retention has no interval
rev.interval();
// @ts-expect-error: churned is required
revenueRetention(1000, { expansion: 400, contraction: 100 });
compare(conv, conversionRate(60, 1000));
const seg: SegmentReport = segment([10, 9, 0], ["a", "b", "a"], { minN: 1, level: 0.9 });
const segRow: SegmentRow = seg.rows[0];
const segKey: readonly (string | number)[] = segRow.key;
const segScore: number | null = seg.overall.score;
const lowN: boolean = segRow.lowN;
segment(
  new Uint8Array([5, 4]),
  [
    ["x", "y"],
    [2025, 2026],
  ],
  { metric: "csat", csatMethod: "net", threshold: 4, bottomThreshold: 2 },
);
segment([7], new Int32Array([1]), { metric: "ces", scale: [1, 7], higherIsBetter: true, cesMethod: "percent_agree" });
const tr: readonly TrendRow[] = trend([10, 0], ["2026-01-05T10:00:00Z", new Date()], {
  period: "week",
  timeZone: "Europe/Berlin",
  adjust: "bh",
  alpha: 0.1,
  minN: 1,
});
const trStart: string = tr[0].start;
const svgs: string[] = [r.toSVG(), d.toSVG(), frt.toSVG(), slaResult.toSVG(), seg.toSVG(), trend([10], [0]).toSVG()];
// @ts-expect-error toSVG takes no options
r.toSVG({ width: 300 });
const sig: boolean = tr[0].significant;
const pAdj: number | null = tr[0].pAdjusted;
trend([9], new Float64Array([0]), { period: "day", rollingDays: 7, metric: "top_box", scale: [0, 10], threshold: 9 });

// web build
const input: InitInput = new URL("https://example.invalid/cxmetrics_wasm_bg.wasm");
async function web(bytes: ArrayBuffer) {
  await init();
  await init(input);
  await init({ module_or_path: bytes });
  initSync(bytes);
  initSync({ module: new WebAssembly.Module(bytes) });
  const w: NpsResult = webNps([10]);
}

// The README's TypeScript example.
{
  const scale: ScaleLike = [1, 5];
  const r: CsatResult = csat(new Float64Array([5, 4, NaN]), { scale, method: "top_box" });
  const ci: Interval = r.interval({ level: 0.9, method: "jeffreys" });
}

// ── wrong usage: each line must be an error ──
// @ts-expect-error: scale and higherIsBetter are required for ces
ces([7, 6]);
// @ts-expect-error: higherIsBetter is required
ces([7, 6], { scale: [1, 7] });
// @ts-expect-error: scale is required for mean
mean([1, 2]);
// @ts-expect-error: scale is required for distribution
distribution([1, 2], {});
// @ts-expect-error: method strings are snake_case
csat([5], { method: "topBox" });
// @ts-expect-error: not a CES method
ces([5], { scale: [1, 5], higherIsBetter: true, method: "top_box" });
// @ts-expect-error: options are camelCase
nps([10], { on_invalid: "skip" });
// @ts-expect-error: onInvalid is "error" | "skip"
nps([10], { onInvalid: "drop" });
// @ts-expect-error: nps has no method option
nps([10], { method: "mean" });
// @ts-expect-error: scores are numbers or text
nps([true]);
// @ts-expect-error: a string is not scores
nps("10");
// @ts-expect-error: a scale is a pair
nps([10], { scale: [0, 5, 10] });
// @ts-expect-error: buckets need both bounds
nps([10], { buckets: { detractorMax: 6 } });
// @ts-expect-error: a Tally fixed its scale
nps(t, { scale: [0, 10] });
// @ts-expect-error: a Tally fixed its weights
csat(fc, { weights: [1] });
// @ts-expect-error: a Tally fixed its onInvalid
mean(t, { onInvalid: "skip" });
// @ts-expect-error: higherIsBetter is a boolean
ces([5], { scale: [1, 5], higherIsBetter: "yes" });
// @ts-expect-error: results are read-only
r.score = 1;
// @ts-expect-error: Scale bounds are read-only
s.min = 2;
// @ts-expect-error: Tally getters are read-only
t.n = 3;
// @ts-expect-error: merge takes a Tally
t.merge([1, 2]);
// @ts-expect-error: push takes one score
t.push([1, 2]);
// @ts-expect-error: a Scale needs two bounds
new Scale(1);
// @ts-expect-error: fromJSON takes a string or a TallyJSON object
Tally.fromJSON(42);
// @ts-expect-error: stdDev may be null
const sd2: number = m.stdDev;
// @ts-expect-error: index may be null
const i2: number = mine.index;
// @ts-expect-error: initSync needs the module or its bytes
initSync();
// @ts-expect-error: a distribution has no interval
d.interval();
// @ts-expect-error: not an interval method
r.interval({ method: "exact" });
// @ts-expect-error: interval takes an options object
r.interval(0.9);
// @ts-expect-error: marginOfError has no method
r.marginOfError({ method: "wald" });
// @ts-expect-error: compare needs results with an estimate
compare(d, d);
// @ts-expect-error: compare needs results, not scores
compare([10, 9], [0, 1]);
// @ts-expect-error: not a comparison method
compare(r, r, { method: "t_test" });
// @ts-expect-error: sampleSizeMean needs sd
sampleSizeMean(0.1);
// @ts-expect-error: p-values are numbers
adjustPValues(["0.1"]);
// @ts-expect-error: "holm" | "bh"
adjustPValues([0.1], { method: "bonferroni" });
// @ts-expect-error: interval fields are read-only
ci.lower = 0;
// @ts-expect-error: df may be null
const df2: number = cmp.df;
// @ts-expect-error: a window is a triple
new Schedule("UTC", [["mon", "09:00"]]);
// @ts-expect-error: holidays are "YYYY-MM-DD" strings, not Dates
new Schedule("UTC", [["mon", "09:00", "17:00"]], [new Date()]);
// @ts-expect-error: created is required
new Tickets({ firstResponse: [] });
// @ts-expect-error: record keys are camelCase
Tickets.fromRecords([{ created: 0, first_response: 1 }]);
// @ts-expect-error: a record needs created
Tickets.fromRecords([{ solved: [] }]);
// @ts-expect-error: tickets, not records
firstResponseTime([rec]);
// @ts-expect-error: no clock option: pass a schedule
firstResponseTime(tickets, { clock: "business" });
// @ts-expect-error: kind is "full" | "first"
resolutionTime(tickets, { kind: "final" });
// @ts-expect-error: not a duration metric
ticketDurations(tickets, "response");
// @ts-expect-error: sla needs targets
sla(tickets, {});
// @ts-expect-error: targets are seconds
sla(tickets, { targets: { high: "1h" } });
// @ts-expect-error: kmMedian may be null
const km2: number = frt.kmMedian;
// @ts-expect-error: a summary has no interval
frt.interval();
// @ts-expect-error: period is a pair
fcr(tickets, { period: [0] });
// @ts-expect-error: margin and churn are options
clvFromChurn(50, 0.8, 4);
// @ts-expect-error: churn options are camelCase
churnRate(1, 10, { up_for_renewal: 5 });
// @ts-expect-error: not a denominator
churnRate(1, 10, { denominator: "end" });
// @ts-expect-error: not a survey metric
segment([10], ["a"], { metric: "nss" });
// @ts-expect-error: keys are strings or integers
segment([10], [true]);
// @ts-expect-error: a segment row's score may be null
const segScore2: number = segRow.score;
// @ts-expect-error: not a period
trend([10], [0], { period: "year" });
// @ts-expect-error: times are instants
trend([10], [true]);
// @ts-expect-error: trend rows are read-only
tr[0].score = 1;

// ScoresBuffer (issue 17 item 3): zero-copy input
const zb = new ScoresBuffer(3, "f64");
const zf: Float64Array = zb.array;
zf.set([10, 9, 3]);
nps(zb).score;
csat(new ScoresBuffer(2, "u8"), { scale: [1, 5] });
const zu: Uint8Array = Tally.buffer(2, "u8").array;
new Tally([0, 10], zb).extend(zb, { onInvalid: "skip" });
const zd: BufferDtype = zb.dtype;
zb.free();
// @ts-expect-error: not a buffer type
new ScoresBuffer(3, "i32");
// @ts-expect-error: the view is read-only (fill it, do not replace it)
zb.array = zf;
// @ts-expect-error: a u8 buffer's view is not a Float64Array
const zx: Float64Array = new ScoresBuffer(2, "u8").array;
// @ts-expect-error: segment reads arrays, not buffers
segment(zb, ["a", "b", "c"]);
void [zu, zd, zx];
