//! Service metrics on tickets: first response, resolution, requester wait, FCR, SLA
//! attainment and average handle time, in calendar or business time.
//!
//! Tickets come as records ([`Ticket`]) or columns ([`TicketColumns`]) and are
//! validated once into [`Tickets`]. Every duration is measured on a [`Clock`]: calendar
//! seconds, or business seconds of a [`Schedule`](crate::schedule::Schedule).
//!
//! ```text
//! first_response   = clock(created, first_response)
//! first_resolution = clock(created, first_solved),  full_resolution = clock(created, final_solved)
//! requester_wait   = full_resolution − (paused ∪ solved-before-reopen time)
//! FCR              = 100 × one-touch, not-reopened solves / denominator tickets
//! SLA attainment   = 100 × met / (met + breached)      (open tickets past target breach)
//! AHT              = mean(talk + hold + wrap)
//! ```
//!
//! Tickets still open at `as_of` are *censored*: they count in `open` and enter the
//! median through a Kaplan–Meier estimate instead of being dropped.
//!
//! ```
//! use cxmetrics::service::{first_response_time, DurationOptions, Ticket, Tickets};
//! let t = |s: &str| s.parse::<cxmetrics::jiff::Timestamp>().unwrap();
//! let tickets = Tickets::from_records(&[
//!     Ticket { created: t("2026-11-02T09:00:00Z"), first_response: Some(t("2026-11-02T09:10:00Z")), ..Default::default() },
//!     Ticket { created: t("2026-11-02T09:00:00Z"), first_response: Some(t("2026-11-02T09:30:00Z")), ..Default::default() },
//! ])?;
//! let r = first_response_time(&tickets, &DurationOptions::default())?;
//! assert_eq!(r.median, 1200.0);                               // seconds
//! # Ok::<(), cxmetrics::Error>(())
//! ```

use crate::error::Error;

/// Rate results: `interval`, `margin_of_error`, `estimate`.
macro_rules! rate_inference {
    ($($name:ident),*) => {$(
        impl $name {
            /// The proportion estimate (for intervals and comparisons).
            pub fn estimate(&self) -> Estimate {
                self.estimate
            }

            /// A confidence interval (default Wilson), in percent; see [`Estimate::interval`].
            ///
            /// # Errors
            /// `invalid_argument` for a bad level or a non-proportion method.
            pub fn interval(&self, level: f64, method: Option<IntervalMethod>) -> Result<Interval> {
                self.estimate.interval(level, method)
            }
        }
    )*};
}

fn out_of_order(what: &'static str, index: usize) -> Error {
    Error::OutOfOrder {
        what,
        index: Some(index),
    }
}

mod aht;
mod durations;
mod fcr;
mod sla;
mod tickets;

pub use aht::{AhtResult, handle_time};
pub use durations::{
    Clock, DurationMetric, DurationOptions, DurationSummary, ResolutionKind, TicketSpan,
    first_response_time, requester_wait_time, resolution_time, ticket_durations, ticket_spans,
};
pub use fcr::{FcrDenominator, FcrOptions, FcrResult, fcr};
pub use sla::{SlaResult, SlaRow, sla};
pub use tickets::{Ticket, TicketColumns, Tickets};
