//! Service metrics (issue 4): `Tickets`, durations, FCR, SLA and AHT (`Schedule` is in
//! the sibling module `schedule`).
//!
//! Conversion only: instants are converted (module `time`), the core computes, and its
//! results are wrapped. The computations run detached from the interpreter (the GIL is
//! released).

use cxmetrics::{Clock, DurationOptions, Tickets};
use pyo3::prelude::*;

use crate::errors::{core_err, no_panic};
use crate::schedule::schedule_arg;
use crate::time::opt_instant;

mod aht;
mod durations;
mod fcr;
mod sla;
mod tickets;

pub(crate) use aht::PyAhtResult;
pub(crate) use fcr::PyFcrResult;
pub(crate) use tickets::PyTickets;
use tickets::tickets_arg;

/// Runs a duration computation with the clock (business iff a schedule is given) and
/// `as_of`, detached from the interpreter.
fn with_options<R: Send>(
    py: Python<'_>,
    tickets: &Bound<'_, PyAny>,
    schedule: Option<&Bound<'_, PyAny>>,
    as_of: Option<&Bound<'_, PyAny>>,
    run: impl FnOnce(&Tickets, &DurationOptions<'_>) -> cxmetrics::Result<R> + Send,
) -> PyResult<R> {
    let tickets = tickets_arg(tickets)?;
    let schedule = schedule_arg(schedule)?;
    let as_of = opt_instant(as_of, "as_of")?;
    let clock = schedule.map_or(Clock::Calendar, |s| Clock::Business(&s.get().inner));
    let opts = DurationOptions { clock, as_of };
    let t = &tickets.get().0;
    py.detach(|| no_panic(|| run(t, &opts))).map_err(core_err)
}

/// Registers this module's classes and functions.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyTickets>()?;
    durations::register(m)?;
    fcr::register(m)?;
    sla::register(m)?;
    aht::register(m)?;
    Ok(())
}
