//! Runs every case of `tests/vectors/stats.json` (expected values from scipy /
//! statsmodels, written by `tests/vectors/oracle_stats.py`).

mod common;

use common::{Compare, every_case_passes, number, numbers, run_with_estimate};
use cxmetrics::{
    CompareMethod, Error, Estimate, IntervalMethod, PAdjust, adjust_p_values, compare, mean_of,
    paired_nps, sample_size_mean, sample_size_nps, sample_size_nps_difference,
    sample_size_proportion, sample_size_proportion_difference,
};
use serde_json::{Value, json};

fn estimate(input: &Value) -> Result<Estimate, Error> {
    let u = |k: &str| input[k].as_u64().unwrap() as f64;
    match input["kind"].as_str().unwrap() {
        "nps_counts" => {
            let n = u("promoters") + u("passives") + u("detractors");
            Ok(Estimate::Net {
                plus: u("promoters") / n,
                minus: u("detractors") / n,
                n,
            })
        }
        "proportion_counts" => Ok(Estimate::Proportion {
            p: u("successes") / u("n"),
            n: u("n"),
        }),
        "survey" => {
            let scores = numbers(&input["scores"]);
            Ok(run_with_estimate(input, &scores)?
                .1
                .expect("this survey function has an estimate"))
        }
        "continuous" => Ok(continuous(input)?.estimate()),
        other => panic!("unknown input kind {other}"),
    }
}

fn continuous(input: &Value) -> Result<cxmetrics::MeanOfResult, Error> {
    let weights = (!input["weights"].is_null()).then(|| numbers(&input["weights"]));
    mean_of(&numbers(&input["values"]), weights.as_deref())
}

fn opt_f64(o: &Value, k: &str, default: f64) -> f64 {
    o.get(k).filter(|v| !v.is_null()).map_or(default, number)
}

fn level(case: &Value) -> f64 {
    opt_f64(&case["options"], "level", 0.95)
}

fn run(case: &Value) -> Result<Value, Error> {
    let o = &case["options"];
    let a = &case["args"];
    let method = o.get("method").and_then(Value::as_str);
    Ok(match case["function"].as_str().unwrap() {
        "interval" => {
            let m = method.map(IntervalMethod::parse).transpose()?;
            let i = estimate(&case["input"])?.interval(level(case), m)?;
            json!({"lower": i.lower, "upper": i.upper, "level": i.level, "method": i.method.as_str()})
        }
        "margin_of_error" => {
            json!({"margin": estimate(&case["input"])?.margin_of_error(level(case))?})
        }
        "compare" => {
            let m = method.map(CompareMethod::parse).transpose()?;
            let c = compare(
                &estimate(&case["a"])?,
                &estimate(&case["b"])?,
                level(case),
                m,
            )?;
            json!({"difference": c.difference, "lower": c.lower, "upper": c.upper,
                   "statistic": c.statistic, "p_value": c.p_value, "method": c.method.as_str(),
                   "level": c.level, "df": c.df})
        }
        "paired_nps" => {
            let r = paired_nps(
                &numbers(&case["before"]),
                &numbers(&case["after"]),
                level(case),
            )?;
            json!({"difference": r.difference, "lower": r.lower, "upper": r.upper,
                   "statistic": r.statistic, "p_value": r.p_value, "method": r.method.as_str(),
                   "level": r.level, "df": r.df, "n": r.n, "missing": r.missing})
        }
        "sample_size_nps" => json!({"n": sample_size_nps(
            number(&a["margin"]), opt_f64(a, "level", 0.95), opt_f64(a, "variance", 1.0))?}),
        "sample_size_proportion" => json!({"n": sample_size_proportion(
            number(&a["margin"]), opt_f64(a, "level", 0.95), opt_f64(a, "p", 50.0))?}),
        "sample_size_mean" => json!({"n": sample_size_mean(
            number(&a["margin"]), opt_f64(a, "level", 0.95), number(&a["sd"]))?}),
        "sample_size_nps_difference" => json!({"n": sample_size_nps_difference(
            number(&a["difference"]), opt_f64(a, "level", 0.95), opt_f64(a, "power", 0.8),
            opt_f64(a, "variance", 1.0))?}),
        "sample_size_proportion_difference" => json!({"n": sample_size_proportion_difference(
            number(&a["p1"]), number(&a["p2"]), opt_f64(a, "level", 0.95), opt_f64(a, "power", 0.8))?}),
        "adjust_p_values" => {
            let m = PAdjust::parse(a.get("method").and_then(Value::as_str).unwrap_or("holm"))?;
            json!({"p_values": adjust_p_values(&numbers(&a["p_values"]), m)?})
        }
        "mean_of" => {
            let r = continuous(&case["input"])?;
            json!({"score": r.score, "std_dev": r.std_dev, "n": r.n, "missing": r.missing,
                   "sum_weights": r.sum_weights, "n_eff": r.n_eff, "weighted": r.weighted})
        }
        other => panic!("unknown function {other}"),
    })
}

#[test]
fn every_stats_vector_passes() {
    every_case_passes("stats.json", 150, Compare::LISTED, run);
}
