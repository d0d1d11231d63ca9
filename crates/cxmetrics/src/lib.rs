//! # cxmetrics
//!
//! Customer-experience metrics — NPS, CSAT, CES and box scores — computed correctly,
//! with explicit conventions and mergeable state.
//!
//! Every survey metric is a formula over a [`Tally`]: counts (and weight sums) per
//! point of a [`Scale`], built in one validating pass and mergeable across chunks,
//! threads and files. Results are never rounded.
//!
//! ```
//! use cxmetrics::{nps, csat, CsatOptions, Scale, Tally};
//!
//! let ltr = [10.0, 9.0, f64::NAN, 8.0, 6.0, 10.0];          // NaN = unanswered
//! let r = nps(&Tally::from_scores(Scale::NPS, &ltr)?)?;
//! assert_eq!((r.n, r.missing), (5, 1));
//! assert!((r.score - 40.0).abs() < 1e-12);
//!
//! let sat = Tally::from_scores(Scale::ONE_TO_FIVE, &[5u8, 4, 3, 5])?;
//! assert_eq!(csat(&sat, CsatOptions::default())?.score, 75.0);
//! # Ok::<(), cxmetrics::Error>(())
//! ```
//!
//! ## Conventions
//!
//! - **Units.** NPS in points (−100…100); rates in percent (0…100); means in scale
//!   units; shares inside a result (`promoters`, `shares`) in fractions (0…1).
//! - **Missing vs invalid.** NaN is *missing*: counted in `missing`, excluded from
//!   every denominator. Out-of-scale, non-integer and infinite scores and negative or
//!   non-finite weights are *invalid*: an error naming the first index and value by
//!   default, or counted in `invalid` and excluded with [`OnInvalid::Skip`].
//! - **Empty is an error**, never 0: [`Error::Empty`].
//! - **Weights** are optional; weighted results report Σw and the Kish effective
//!   sample size `n_eff = (Σw)²/Σw²`.
//!
//! ## Errors and panics
//!
//! Every fallible function returns [`Result`] with the one [`Error`] enum, whose
//! [`Error::code`] is stable. No public function panics on any input.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod calendar;
pub mod error;
pub mod lifecycle;
mod scale;
pub mod segments;
mod service;
mod stats;
mod sum;
mod survey;
mod tally;
pub mod trends;

pub use calendar::{Schedule, Window, parse_date, parse_instant, parse_weekday};
#[doc(no_inline)]
pub use error::{Error, Result};
/// Re-export of the `jiff` crate, whose `Timestamp`, `civil` and `tz` types the calendar
/// and service APIs use.
pub use jiff;
#[doc(no_inline)]
pub use lifecycle::{
    Annualize, ChurnDenominator, ChurnResult, RateResult, RevenueRetentionResult, churn_rate,
    clv_from_churn, clv_from_retention, conversion_rate, retention_rate, revenue_retention,
};
pub use scale::{MAX_POINTS, Scale};
#[doc(no_inline)]
pub use segments::{
    Key, KeyPart, MetricKind, MetricOption, MetricOptions, ReportOptions, SegmentReport,
    SegmentRow, Segments, SurveyMetric,
};
pub use service::{
    AhtResult, Clock, DurationMetric, DurationOptions, DurationSummary, FcrDenominator, FcrOptions,
    FcrResult, ResolutionKind, SlaResult, SlaRow, Ticket, TicketColumns, Tickets, fcr,
    first_response_time, handle_time, requester_wait_time, resolution_time, sla, ticket_durations,
};
pub use stats::{
    CompareMethod, Comparison, Estimate, Interval, IntervalMethod, PAdjust, PairedNpsResult,
    adjust_p_values, compare, nps_interval, paired_nps, proportion_interval, sample_size_mean,
    sample_size_nps, sample_size_nps_difference, sample_size_proportion,
    sample_size_proportion_difference,
};
pub use survey::{
    BoxResult, CesMethod, CesOptions, CesResult, CsatMethod, CsatOptions, CsatResult, Distribution,
    MeanResult, NpsBuckets, NpsOptions, NpsResult, bottom_box, ces, csat, distribution, mean, nps,
    nps_with, top_box,
};
pub use tally::{Classified, OnInvalid, Score, Tally};
#[doc(no_inline)]
pub use trends::{Period, Trend, TrendRow};

/// The README's Rust snippets, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;

/// The crate README's Rust snippet, run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct CrateReadmeDoctests;
