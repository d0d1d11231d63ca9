#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(clippy::missing_errors_doc)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod chart;
pub mod error;
pub mod labels;
pub mod lifecycle;
pub mod scale;
pub mod schedule;
pub mod segments;
pub mod service;
pub mod simd;
pub mod stats;
mod sum;
pub mod survey;
pub mod tally;
mod threads;
pub mod trends;

#[doc(no_inline)]
pub use error::{Error, Result};
/// Re-export of the `jiff` crate, whose `Timestamp`, `civil` and `tz` types the calendar
/// and service APIs use.
pub use jiff;
#[doc(no_inline)]
pub use labels::LabelledScale;
#[doc(no_inline)]
pub use lifecycle::{
    Annualize, ChurnDenominator, ChurnResult, RateResult, RevenueRetentionResult, churn_rate,
    clv_from_churn, clv_from_retention, conversion_rate, retention_rate, revenue_retention,
};
#[doc(no_inline)]
pub use scale::{MAX_POINTS, Scale};
#[doc(no_inline)]
pub use schedule::{Schedule, Window, parse_date, parse_instant, parse_weekday};
#[doc(no_inline)]
pub use segments::{
    Key, KeyPart, MetricKind, MetricOption, MetricOptions, ReportOptions, SegmentReport,
    SegmentRow, Segments, SurveyMetric,
};
#[doc(no_inline)]
pub use service::{
    AhtResult, Clock, DurationMetric, DurationOptions, DurationSummary, FcrDenominator, FcrOptions,
    FcrResult, ResolutionKind, SlaResult, SlaRow, Ticket, TicketColumns, TicketSpan, Tickets, fcr,
    first_response_time, handle_time, requester_wait_time, resolution_time, sla, ticket_durations,
    ticket_spans,
};
#[doc(no_inline)]
pub use simd::Simd;
#[doc(no_inline)]
pub use stats::{
    CompareMethod, Comparison, Estimate, Interval, IntervalMethod, Level, MeanOfResult, PAdjust,
    PairedNpsResult, adjust_p_values, compare, mean_of, nps_interval, paired_nps,
    proportion_interval, sample_size_mean, sample_size_nps, sample_size_nps_difference,
    sample_size_proportion, sample_size_proportion_difference,
};
#[doc(no_inline)]
pub use survey::{
    BoxResult, CesMethod, CesOptions, CesResult, CsatMethod, CsatOptions, CsatResult, Distribution,
    MeanResult, NpsBuckets, NpsOptions, NpsResult, bottom_box, ces, csat, distribution, mean, nps,
    nps_with, top_box,
};
pub use tally::{OnInvalid, Score, Tally};
#[doc(no_inline)]
pub use trends::{Period, Trend, TrendRow};

/// The README's Rust snippets, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;
