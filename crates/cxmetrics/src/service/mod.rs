//! Service metrics on tickets: first response, resolution, requester wait, FCR, SLA
//! attainment and average handle time, in calendar or business time.

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
    Clock, DurationMetric, DurationOptions, DurationSummary, ResolutionKind, first_response_time,
    requester_wait_time, resolution_time, ticket_durations,
};
pub use fcr::{FcrDenominator, FcrOptions, FcrResult, fcr};
pub use sla::{SlaResult, SlaRow, sla};
pub use tickets::{Ticket, TicketColumns, Tickets};
