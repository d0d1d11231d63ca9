//! Service metrics (issue 4), mirroring the core's `service` module: tickets (records
//! and columns), duration summaries, FCR, SLA and handle time. Conversion only: every
//! rule is the core's. Business hours (`RawSchedule`) are in `schedule`.
//!
//! Calendar-clock metrics are methods of [`RawTickets`]; business-clock ones are methods
//! of [`RawSchedule`](crate::schedule::RawSchedule) taking the tickets (the clock is
//! business time exactly when a schedule is given, as in Python). Handle time takes no
//! instants and is in the light module too.

mod aht;
#[cfg(feature = "time")]
mod durations;
#[cfg(feature = "time")]
mod fcr;
#[cfg(feature = "time")]
mod sla;
#[cfg(feature = "time")]
mod tickets;

#[cfg(feature = "time")]
pub use tickets::RawTickets;
