//! Python bindings of [`cxmetrics`] (the `cxmetrics._cxmetrics` extension module).
//!
//! Thin by design: convert Python inputs (module `convert`), call the core, map its
//! errors (`errors`) and wrap its results (`results`). No metric logic lives here; the
//! rustdoc of the core crate is the reference for every formula. The modules mirror the
//! core's: `survey`, `tally`, `scale`, `stats`, `service` (+ `schedule`), `segments`,
//! `trends` and `lifecycle`.

use pyo3::prelude::*;

mod arrow;
#[macro_use]
mod convert;
mod display;
mod errors;
mod introspect;
mod keys;
#[macro_use]
mod results;
mod lifecycle;
mod scale;
mod schedule;
mod segments;
mod service;
mod stats;
mod survey;
mod tally;
mod time;
mod trends;

use errors::CxMetricsError;
use scale::PyScale;
use tally::PyTally;

/// cxmetrics: customer-experience metrics (NPS, CSAT, CES, box scores) computed
/// correctly, from a Rust core.
#[pymodule(gil_used = false)]
fn _cxmetrics(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("CxMetricsError", py.get_type::<CxMetricsError>())?;
    m.add_class::<PyScale>()?;
    m.add_class::<PyTally>()?;
    survey::register(m)?;
    stats::register(m)?;
    schedule::register(m)?;
    service::register(m)?;
    lifecycle::register(m)?;
    segments::register(m)?;
    trends::register(m)?;
    introspect::register(m)?;
    introspect::apply_simd_env()?;
    Ok(())
}
