//! Private functions the tests use to hold the Python surface to the core: the core's
//! error codes, defaults and ticket field lists (compared with the `CxMetricsError`
//! docs, the stubs, the README and the text signatures). Not part of the public API.

use cxmetrics::stats::{DEFAULT_NPS_VARIANCE, DEFAULT_POWER, DEFAULT_PROPORTION_PERCENT};
use cxmetrics::{
    CesMethod, CsatMethod, FcrOptions, Level, OnInvalid, ReportOptions, Ticket, Tickets,
};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

/// Every code a `CxMetricsError` can carry, in the core's documented order
/// (`cxmetrics::Error::CODES`).
#[pyfunction]
fn _error_codes(py: Python<'_>) -> PyResult<Bound<'_, PyTuple>> {
    PyTuple::new(py, cxmetrics::Error::CODES)
}

/// The core's defaults of the options the binding fills in, keyed by parameter name
/// (the same default wherever the parameter appears) or by `"function.parameter"`.
#[pyfunction]
fn _defaults(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let report = ReportOptions::default();
    let fcr = FcrOptions::default();
    let d = PyDict::new(py);
    d.set_item("level", Level::DEFAULT.get())?;
    d.set_item("segment.level", report.level)?;
    d.set_item("trend.level", report.level)?;
    d.set_item("power", DEFAULT_POWER)?;
    d.set_item("variance", DEFAULT_NPS_VARIANCE)?;
    d.set_item("sample_size_proportion.p", DEFAULT_PROPORTION_PERCENT)?;
    d.set_item("min_n", report.min_n)?;
    d.set_item("alpha", report.alpha)?;
    d.set_item("adjust", report.adjust.as_str())?;
    d.set_item("adjust_p_values.method", report.adjust.as_str())?;
    d.set_item("on_invalid", OnInvalid::default().as_str())?;
    d.set_item("csat.method", CsatMethod::default().as_str())?;
    d.set_item("ces.method", CesMethod::default().as_str())?;
    d.set_item("fcr.max_agent_replies", fcr.max_agent_replies)?;
    d.set_item("fcr.denominator", fcr.denominator.as_str())?;
    d.set_item("trend.period", cxmetrics::Period::default().as_str())?;
    d.set_item("trend.time_zone", cxmetrics::trends::DEFAULT_TIME_ZONE)?;
    Ok(d)
}

/// The core's ticket field lists: `records`, the keys of a record
/// (`Ticket::FIELDS`), and `columns`, the columns of the constructor (`Tickets::COLUMNS`).
#[pyfunction]
fn _ticket_fields(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("records", Ticket::FIELDS)?;
    d.set_item("columns", Tickets::COLUMNS)?;
    Ok(d)
}

/// The SIMD level the counting passes use (`current`, chosen at import: the best one, or
/// `CXMETRICS_SIMD`) and the levels this CPU supports (`available`), by name.
#[pyfunction]
fn _simd(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("current", cxmetrics::Simd::current().as_str())?;
    let available: Vec<&str> = cxmetrics::Simd::available()
        .into_iter()
        .map(cxmetrics::Simd::as_str)
        .collect();
    d.set_item("available", available)?;
    Ok(d)
}

/// Applies the `CXMETRICS_SIMD` environment variable (a level name; empty or unset: the
/// best level the CPU supports) when the module is loaded: an unknown name or a level
/// the CPU lacks is the core's `invalid_argument`, raised by the import.
pub(crate) fn apply_simd_env() -> PyResult<()> {
    match std::env::var("CXMETRICS_SIMD") {
        Ok(name) if !name.is_empty() => cxmetrics::Simd::parse(&name)
            .and_then(cxmetrics::Simd::set)
            .map_err(crate::errors::core_err),
        _ => Ok(()),
    }
}

/// Registers the private functions.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_simd, m)?)?;
    m.add_function(wrap_pyfunction!(_error_codes, m)?)?;
    m.add_function(wrap_pyfunction!(_defaults, m)?)?;
    m.add_function(wrap_pyfunction!(_ticket_fields, m)?)?;
    Ok(())
}
