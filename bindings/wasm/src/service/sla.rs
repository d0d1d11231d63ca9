//! SLA attainment per priority, on either clock.

use cxmetrics::{Clock, DurationMetric, DurationOptions, SlaResult, Tickets};
use js_sys::{Array, Float64Array};
use wasm_bindgen::prelude::*;

use super::RawTickets;
use super::durations::as_of_option;
use crate::convert::f64s_from;
use crate::errors::{JsResult, ToJs, core_error};
use crate::results::Out;
use crate::schedule::RawSchedule;
use crate::stats::estimate_vec;

#[wasm_bindgen]
impl RawTickets {
    /// SLA attainment in calendar time.
    pub fn sla(
        &self,
        metric: &str,
        keys: Vec<String>,
        targets: &Float64Array,
        as_of: &JsValue,
    ) -> JsResult<JsValue> {
        sla(&self.inner, Clock::Calendar, metric, keys, targets, as_of)
    }
}

#[wasm_bindgen]
impl RawSchedule {
    /// SLA attainment in business time.
    pub fn sla(
        &self,
        tickets: &RawTickets,
        metric: &str,
        keys: Vec<String>,
        targets: &Float64Array,
        as_of: &JsValue,
    ) -> JsResult<JsValue> {
        sla(
            &tickets.inner,
            Clock::Business(&self.inner),
            metric,
            keys,
            targets,
            as_of,
        )
    }
}

fn sla(
    t: &Tickets,
    clock: Clock<'_>,
    metric: &str,
    keys: Vec<String>,
    targets: &Float64Array,
    as_of: &JsValue,
) -> JsResult<JsValue> {
    let metric = DurationMetric::parse(metric).js()?;
    let values = f64s_from("targets", targets)?;
    let targets: Vec<(String, f64)> = keys.into_iter().zip(values).collect();
    let options = DurationOptions {
        clock,
        as_of: as_of_option(as_of)?,
    };
    let r = cxmetrics::sla(t, metric, &targets, &options).js()?;
    Ok(sla_js(&r))
}

/// The SLA rows as columns (the overall row last), plus the untargeted count, metric
/// and clock. Each row's estimate is 3 numbers (`NaN` × 3 when it has none) and its
/// estimate error (`null` or the core's error, e.g. `empty` when nothing is decided).
fn sla_js(r: &SlaResult) -> JsValue {
    let rows: Vec<&cxmetrics::SlaRow> = r.rows.iter().chain([&r.overall]).collect();
    let mut c = Out::new();
    c.strings("rows.priority", rows.iter().map(|x| x.priority.as_deref()));
    c.opt_f64s("rows.target", rows.iter().map(|x| x.target));
    c.f64s("rows.achieved", rows.iter().map(|x| x.achieved as f64));
    c.f64s("rows.breached", rows.iter().map(|x| x.breached as f64));
    c.f64s("rows.running", rows.iter().map(|x| x.running as f64));
    c.f64s("rows.n", rows.iter().map(|x| x.n as f64));
    c.opt_f64s("rows.score", rows.iter().map(|x| x.score));
    let mut estimates = Vec::with_capacity(3 * rows.len());
    let errors = Array::new();
    for x in &rows {
        match x.estimate() {
            Ok(e) => {
                let v = estimate_vec(&e);
                estimates.extend(v.iter().copied().chain([f64::NAN; 3]).take(3));
                errors.push(&JsValue::NULL);
            }
            Err(e) => {
                estimates.extend([f64::NAN; 3]);
                errors.push(&core_error(e));
            }
        }
    }
    c.f64s("estimates", estimates.into_iter());
    c.value("errors", errors.into());
    c.num("untargeted", r.untargeted as f64);
    c.name("metric", r.metric.as_str());
    c.name("clock", r.clock);
    #[cfg(feature = "charts")]
    c.chart(crate::chart::Picture::Sla(r.clone()));
    c.into_js()
}
