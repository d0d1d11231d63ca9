// CommonJS consumer: `require` resolves through the exports map to types/index.d.cts.
import cx = require("cxmetrics");

const r: cx.NpsResult = cx.nps([10, 9, 3]);
const t: cx.Tally = new cx.Tally(cx.Scale.nps(), new Uint8Array([10]));
const e: typeof cx.CxMetricsError = cx.CxMetricsError;
const v: string = cx.version;
// @ts-expect-error: ces needs scale and higherIsBetter
cx.ces([1]);

export {};
