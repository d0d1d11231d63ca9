//! Statistics (issue 3): intervals, margins of error, comparisons, paired NPS, sample
//! sizes and p-value adjustment. Conversion only: every formula is the core's.
//!
//! A result's inference [`Estimate`] crosses to JS as a small `Float64Array` (see
//! [`estimate_vec`]); the wrapper keeps it in a private field of the frozen result and
//! hands it back here for `interval()`, `marginOfError()` and `compare()`.

use cxmetrics::{
    CompareMethod, Comparison, Estimate, Interval, IntervalMethod, PAdjust, PairedNpsResult,
};
use wasm_bindgen::prelude::*;

use crate::convert::{count_from, f64s_from};
use crate::errors::{JsResult, ToJs, invalid_argument};
use crate::results::Out;

const NET: f64 = 0.0;
const PROPORTION: f64 = 1.0;
const MEAN: f64 = 2.0;

/// An estimate as numbers: `[0, plus, minus, n]` (net score), `[1, p, n]` (proportion)
/// or `[2, mean, sd (NaN: none), n, min, max, factor]` (mean). Empty for a kind this
/// binding does not know (the wrapper then offers no interval).
pub(crate) fn estimate_vec(e: &Estimate) -> Vec<f64> {
    match *e {
        Estimate::Net { plus, minus, n } => vec![NET, plus, minus, n],
        Estimate::Proportion { p, n } => vec![PROPORTION, p, n],
        Estimate::Mean {
            mean,
            sd,
            n,
            min,
            max,
            factor,
        } => vec![MEAN, mean, sd.unwrap_or(f64::NAN), n, min, max, factor],
        _ => Vec::new(),
    }
}

/// The estimate [`estimate_vec`] wrote (the wrapper only hands back what it received).
pub(crate) fn estimate_from(v: &[f64]) -> JsResult<Estimate> {
    match *v {
        [NET, plus, minus, n] => Ok(Estimate::Net { plus, minus, n }),
        [PROPORTION, p, n] => Ok(Estimate::Proportion { p, n }),
        [MEAN, mean, sd, n, min, max, factor] => Ok(Estimate::Mean {
            mean,
            sd: (!sd.is_nan()).then_some(sd),
            n,
            min,
            max,
            factor,
        }),
        _ => Err(invalid_argument(
            "estimate",
            "not an estimate of this binding",
        )),
    }
}

fn interval_method(method: Option<String>) -> JsResult<Option<IntervalMethod>> {
    method
        .as_deref()
        .map(IntervalMethod::parse)
        .transpose()
        .js()
}

fn compare_method(method: Option<String>) -> JsResult<Option<CompareMethod>> {
    method.as_deref().map(CompareMethod::parse).transpose().js()
}

/// An interval as a plain object `{ lower, upper, level, method }`.
pub(crate) fn interval_js(i: &Interval) -> JsValue {
    let mut o = Out::new();
    o.num("lower", i.lower);
    o.num("upper", i.upper);
    o.num("level", i.level);
    o.name("method", i.method.as_str());
    o.into_js()
}

/// The fields every comparison has, in order.
#[allow(clippy::too_many_arguments)]
fn comparison_fields(
    o: &mut Out,
    difference: f64,
    lower: f64,
    upper: f64,
    statistic: f64,
    p_value: f64,
    df: Option<f64>,
    method: &'static str,
    level: f64,
) {
    o.num("difference", difference);
    o.num("lower", lower);
    o.num("upper", upper);
    o.num("statistic", statistic);
    o.num("pValue", p_value);
    o.opt("df", df);
    o.name("method", method);
    o.num("level", level);
}

fn comparison_js(c: &Comparison) -> JsValue {
    let mut o = Out::new();
    let m = c.method.as_str();
    comparison_fields(
        &mut o,
        c.difference,
        c.lower,
        c.upper,
        c.statistic,
        c.p_value,
        c.df,
        m,
        c.level,
    );
    o.into_js()
}

/// A paired comparison: the comparison's fields, then the pairs used and dropped.
fn paired_js(r: &PairedNpsResult) -> JsValue {
    let mut o = Out::new();
    let m = r.method.as_str();
    comparison_fields(
        &mut o,
        r.difference,
        r.lower,
        r.upper,
        r.statistic,
        r.p_value,
        Some(r.df),
        m,
        r.level,
    );
    o.num("n", r.n as f64);
    o.num("missing", r.missing as f64);
    o.into_js()
}

/// `Estimate::interval` of an estimate from [`estimate_vec`].
#[wasm_bindgen(js_name = estimateInterval)]
pub fn estimate_interval(
    estimate: &[f64],
    level: f64,
    method: Option<String>,
) -> JsResult<JsValue> {
    let e = estimate_from(estimate)?;
    let i = e.interval(level, interval_method(method)?).js()?;
    Ok(interval_js(&i))
}

/// `Estimate::margin_of_error` of an estimate from [`estimate_vec`].
#[wasm_bindgen(js_name = estimateMargin)]
pub fn estimate_margin(estimate: &[f64], level: f64) -> JsResult<f64> {
    estimate_from(estimate)?.margin_of_error(level).js()
}

/// `compare(a, b)` of two estimates from [`estimate_vec`].
#[wasm_bindgen(js_name = compareEstimates)]
pub fn compare_estimates(
    a: &[f64],
    b: &[f64],
    level: f64,
    method: Option<String>,
) -> JsResult<JsValue> {
    let (a, b) = (estimate_from(a)?, estimate_from(b)?);
    let c = cxmetrics::compare(&a, &b, level, compare_method(method)?).js()?;
    Ok(comparison_js(&c))
}

/// `paired_nps` of two score arrays, as `Float64Array`s (NaN = missing): one
/// instantiation of the generic core function keeps the module small.
#[wasm_bindgen(js_name = pairedNps)]
pub fn paired_nps(
    before: &js_sys::Float64Array,
    after: &js_sys::Float64Array,
    level: f64,
) -> JsResult<JsValue> {
    let before = f64s_from("before", before)?;
    let after = f64s_from("after", after)?;
    let r = cxmetrics::paired_nps(&before, &after, level).js()?;
    Ok(paired_js(&r))
}

/// `proportion_interval(successes, n)` (integral counts as JS numbers).
#[wasm_bindgen(js_name = proportionInterval)]
pub fn proportion_interval(
    successes: f64,
    n: f64,
    level: f64,
    method: Option<String>,
) -> JsResult<JsValue> {
    let (s, n) = (count_from("successes", successes)?, count_from("n", n)?);
    let i = cxmetrics::proportion_interval(s, n, level, interval_method(method)?).js()?;
    Ok(interval_js(&i))
}

/// `nps_interval(promoters, passives, detractors)`.
#[wasm_bindgen(js_name = npsInterval)]
pub fn nps_interval(
    promoters: f64,
    passives: f64,
    detractors: f64,
    level: f64,
    method: Option<String>,
) -> JsResult<JsValue> {
    let p = count_from("promoters", promoters)?;
    let a = count_from("passives", passives)?;
    let d = count_from("detractors", detractors)?;
    let i = cxmetrics::nps_interval(p, a, d, level, interval_method(method)?).js()?;
    Ok(interval_js(&i))
}

/// `sample_size_nps(margin, level, variance)`.
#[wasm_bindgen(js_name = sampleSizeNps)]
pub fn sample_size_nps(margin: f64, level: f64, variance: f64) -> JsResult<f64> {
    Ok(cxmetrics::sample_size_nps(margin, level, variance).js()? as f64)
}

/// `sample_size_proportion(margin, level, p)`.
#[wasm_bindgen(js_name = sampleSizeProportion)]
pub fn sample_size_proportion(margin: f64, level: f64, p: f64) -> JsResult<f64> {
    Ok(cxmetrics::sample_size_proportion(margin, level, p).js()? as f64)
}

/// `sample_size_mean(margin, level, sd)`.
#[wasm_bindgen(js_name = sampleSizeMean)]
pub fn sample_size_mean(margin: f64, level: f64, sd: f64) -> JsResult<f64> {
    Ok(cxmetrics::sample_size_mean(margin, level, sd).js()? as f64)
}

/// `sample_size_nps_difference(difference, level, power, variance)`.
#[wasm_bindgen(js_name = sampleSizeNpsDifference)]
pub fn sample_size_nps_difference(
    difference: f64,
    level: f64,
    power: f64,
    variance: f64,
) -> JsResult<f64> {
    Ok(cxmetrics::sample_size_nps_difference(difference, level, power, variance).js()? as f64)
}

/// `sample_size_proportion_difference(p1, p2, level, power)`.
#[wasm_bindgen(js_name = sampleSizeProportionDifference)]
pub fn sample_size_proportion_difference(
    p1: f64,
    p2: f64,
    level: f64,
    power: f64,
) -> JsResult<f64> {
    Ok(cxmetrics::sample_size_proportion_difference(p1, p2, level, power).js()? as f64)
}

/// `adjust_p_values(p_values, method)` (`"holm"` or `"bh"`).
#[wasm_bindgen(js_name = adjustPValues)]
pub fn adjust_p_values(p_values: &js_sys::Float64Array, method: &str) -> JsResult<Vec<f64>> {
    let m = PAdjust::parse(method).js()?;
    let ps = f64s_from("p_values", p_values)?;
    cxmetrics::adjust_p_values(&ps, m).js()
}

/// The core's defaults of the options the wrapper fills when they are not given (one
/// home: `ReportOptions::default()`, `Level::DEFAULT` and the sample-size constants):
/// `{ level, minN, adjust, alpha, power, variance, p }`.
#[wasm_bindgen]
pub fn defaults() -> JsValue {
    use cxmetrics::stats::{DEFAULT_NPS_VARIANCE, DEFAULT_POWER, DEFAULT_PROPORTION_PERCENT};
    let r = cxmetrics::ReportOptions::default();
    let mut o = Out::new();
    o.num("level", r.level);
    o.num("minN", r.min_n as f64);
    o.name("adjust", r.adjust.as_str());
    o.num("alpha", r.alpha);
    o.num("power", DEFAULT_POWER);
    o.num("variance", DEFAULT_NPS_VARIANCE);
    o.num("p", DEFAULT_PROPORTION_PERCENT);
    o.name("period", cxmetrics::Period::default().as_str());
    o.name("timeZone", cxmetrics::trends::DEFAULT_TIME_ZONE);
    o.into_js()
}

/// `mean_of(values, weights)`: the mean of a continuous measure (NaN = missing), with
/// its unbounded mean estimate (t interval, Welch comparison).
#[wasm_bindgen(js_name = meanOf)]
pub fn mean_of(
    values: &js_sys::Float64Array,
    weights: Option<js_sys::Float64Array>,
) -> JsResult<JsValue> {
    let values = f64s_from("values", values)?;
    let weights = weights.map(|w| f64s_from("weights", &w)).transpose()?;
    let r = cxmetrics::mean_of(&values, weights.as_deref()).js()?;
    let mut o = Out::new();
    o.num("score", r.score);
    o.opt("stdDev", r.std_dev);
    o.num("n", r.n as f64);
    o.num("missing", r.missing as f64);
    o.num("sumWeights", r.sum_weights);
    o.num("nEff", r.n_eff);
    o.flag("weighted", r.weighted);
    o.estimate(&r.estimate());
    Ok(o.into_js())
}
