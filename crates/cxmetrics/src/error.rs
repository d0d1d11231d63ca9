//! The one error type of the crate, [`Error`], with its stable codes ([`Error::CODES`]).
//!
//! Messages are neutral between languages: they never show Python or JavaScript
//! syntax. The option an error is about is its `name` field, which each binding spells
//! its own way ([`Error::message_with`]): `on_invalid` in Rust and Python,
//! `onInvalid` in JavaScript.
//!
//! ```
//! use cxmetrics::{Error, OnInvalid};
//! let e = OnInvalid::parse("drop").unwrap_err();
//! assert_eq!(e.code(), "invalid_argument");
//! assert_eq!(e.to_string(), "invalid argument `on_invalid`: expected \"error\" or \"skip\", got \"drop\"");
//! assert_eq!(e.detail(), "expected \"error\" or \"skip\", got \"drop\"");
//! let camel = |n: &str| n.replace("on_invalid", "onInvalid");
//! assert!(e.message_with(camel).starts_with("invalid argument `onInvalid`"));
//! assert!(Error::CODES.contains(&e.code()));
//! ```

use std::borrow::Cow;
use std::fmt;

/// Everything that can go wrong in `cxmetrics`.
///
/// Every variant has a stable snake_case [`code`](Error::code) that the Python and
/// JavaScript bindings expose as `.code`, and a message that says what was wrong and
/// what to do. No public function panics; each returns one of these instead.
///
/// | code | when |
/// |---|---|
/// | `empty` | no valid response is left to compute on |
/// | `out_of_scale` | a score outside the scale's `min..=max` |
/// | `not_integer` | a non-integer score on an integer scale |
/// | `not_finite` | a score of ±∞ |
/// | `invalid_weight` | a negative or non-finite weight, or a total weight of zero |
/// | `length_mismatch` | two inputs of different lengths (scores and weights, keys and scores, ticket columns, …) |
/// | `scale_mismatch` | a metric or merge that needs another scale |
/// | `invalid_scale` | a scale with fewer than 2 or more than 101 points, or ambiguous labels |
/// | `invalid_argument` | an option outside its domain (threshold, buckets, …) |
/// | `invalid_format` | a serialized tally that cannot be read back (Python: also a survey export, `cxmetrics.io`) |
/// | `unknown_time_zone` | a time-zone name not in the tz database |
/// | `empty_schedule` | a business schedule without opening windows |
/// | `overlapping_windows` | two opening windows that share time |
/// | `out_of_order` | an event before the one it must follow (e.g. solved before created) |
/// | `insufficient_data` | too few responses (or no variance) for the statistic asked for |
/// | `unknown_label` | a text answer that is not a label, a missing-value text or a number |
///
/// # Examples
/// ```
/// use cxmetrics::{nps, Error, Scale, Tally};
/// let err = Tally::from_scores(Scale::NPS, &[9.0, 8.5]).unwrap_err();
/// assert_eq!(err.code(), "not_integer");
/// assert!(matches!(err, Error::NotInteger { index: 1, .. }));
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// No valid response was left to compute on (all missing, all skipped, or none given).
    #[error(
        "no valid responses: n = 0 (missing = {missing}, invalid = {invalid}); a metric of nothing is undefined, not 0"
    )]
    Empty {
        /// Responses that were missing (NaN / None / null).
        missing: u64,
        /// Responses that were invalid and skipped.
        invalid: u64,
    },
    /// A score outside the scale.
    #[error(
        "score {} at index {index} is outside the scale {min}–{max}; fix the data, declare the right scale, or choose to skip invalid values",
        Num(*.value)
    )]
    OutOfScale {
        /// Position of the first offending score in the input.
        index: usize,
        /// The offending value.
        value: f64,
        /// Scale minimum.
        min: i32,
        /// Scale maximum.
        max: i32,
    },
    /// A non-integer score on an integer scale.
    #[error(
        "score {} at index {index} is not an integer; scales have integer points only (round it yourself if that is what the survey meant, or choose to skip invalid values)",
        Num(*.value)
    )]
    NotInteger {
        /// Position of the first offending score.
        index: usize,
        /// The offending value.
        value: f64,
    },
    /// A score of ±∞.
    #[error(
        "score {value} at index {index} is not finite; give an unanswered survey as a missing value (NaN), not an infinity"
    )]
    NotFinite {
        /// Position of the first offending score.
        index: usize,
        /// The offending value.
        value: f64,
    },
    /// A weight that is negative or not finite, or weights that sum to zero.
    #[error("{}", invalid_weight_message(*.index, *.value))]
    InvalidWeight {
        /// Position of the first offending weight, or `None` when the total weight is zero.
        index: Option<usize>,
        /// The offending weight (0 for a zero total).
        value: f64,
    },
    /// Two inputs that must have matching lengths do not.
    #[error("{what}: lengths differ ({left} vs {right})")]
    LengthMismatch {
        /// Which inputs, the first named first (e.g. "scores and weights"), or the rule
        /// their lengths break.
        what: &'static str,
        /// Length of the first input named.
        left: usize,
        /// Length of the second input named.
        right: usize,
    },
    /// A metric or operation needs a different scale.
    #[error("{0}")]
    ScaleMismatch(String),
    /// A scale that cannot be built.
    #[error("invalid scale {min}–{max}: {reason}")]
    InvalidScale {
        /// Requested minimum.
        min: i64,
        /// Requested maximum.
        max: i64,
        /// Why it was refused.
        reason: &'static str,
    },
    /// Labels or missing-value texts that make a labelled scale ambiguous (code
    /// `invalid_scale`, like [`Error::InvalidScale`]): a label on two points, a label
    /// that reads as another point's number, a label that is also a missing-value text.
    #[error("invalid scale labels: the label \"{label}\" {reason}")]
    InvalidLabel {
        /// The label as given.
        label: String,
        /// Why it was refused.
        reason: String,
    },
    /// A text answer that is neither a label of the scale, a missing-value text, nor a
    /// number or stars written as text.
    #[error(
        "answer \"{text}\" at index {index} is not a label of the scale, a missing-value text, or a number; add it to the scale's labels or missing texts, or choose to skip invalid values"
    )]
    UnknownLabel {
        /// Position of the first unknown answer.
        index: usize,
        /// The answer as given (at most 40 characters).
        text: String,
    },
    /// An option outside its domain.
    #[error("invalid argument `{name}`: {message}")]
    InvalidArgument {
        /// The option's name, in the core's snake_case spelling (bindings spell it their
        /// own way with [`Error::message_with`]).
        name: Cow<'static, str>,
        /// What is wrong with it.
        message: String,
        /// The offending position when the argument is a list (e.g. a p-value).
        index: Option<usize>,
    },
    /// Too little data for the requested statistic (e.g. a t interval from one response,
    /// or a comparison of two groups with no variance).
    #[error("insufficient data: {0}")]
    InsufficientData(String),
    /// A time-zone name that is not in the tz database.
    #[error(
        "unknown time zone {name:?}: {reason}; use an IANA name such as \"America/New_York\" or \"UTC\""
    )]
    UnknownTimeZone {
        /// The name given.
        name: String,
        /// Why the lookup failed.
        reason: String,
    },
    /// A schedule without any opening window.
    #[error("the schedule has no opening windows; give at least one (weekday, start, end)")]
    EmptySchedule,
    /// Two opening windows of a schedule share time.
    #[error("opening windows {first} and {second} overlap; merge them into one window")]
    OverlappingWindows {
        /// Position of one window in the input.
        first: usize,
        /// Position of the other.
        second: usize,
    },
    /// Events out of order, e.g. a resolution before the ticket's creation.
    #[error("{}", out_of_order_message(.what, *.index))]
    OutOfOrder {
        /// Which events, and the rule they break (the whole message without an index).
        what: &'static str,
        /// The ticket (row) position, when there is one.
        index: Option<usize>,
    },
    /// A serialized state that cannot be read back.
    #[error("invalid serialized tally: {0}")]
    InvalidFormat(String),
}

/// Shows a value in full when it is of a readable size, in exponent form otherwise
/// (`f64::MAX` would print 309 digits).
struct Num(f64);

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = self.0;
        if v != 0.0 && (v.abs() >= 1e15 || v.abs() < 1e-6) && v.is_finite() {
            write!(f, "{v:e}")
        } else {
            write!(f, "{v}")
        }
    }
}

fn invalid_weight_message(index: Option<usize>, value: f64) -> String {
    match index {
        Some(i) => {
            format!(
                "weight {} at index {i} is invalid; weights must be finite, >= 0 and <= 1e144",
                Num(value)
            )
        }
        None => "the total weight of the valid responses is zero; at least one weight must be > 0"
            .to_owned(),
    }
}

fn out_of_order_message(what: &str, index: Option<usize>) -> String {
    match index {
        Some(i) => format!("ticket at index {i}: {what}"),
        None => what.to_owned(),
    }
}

impl Error {
    /// The stable snake_case code of this error (`"empty"`, `"out_of_scale"`, …).
    ///
    /// Codes never change between releases; messages may be improved.
    ///
    /// # Examples
    /// ```
    /// let e = cxmetrics::Scale::new(3, 3).unwrap_err();
    /// assert_eq!(e.code(), "invalid_scale");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Error::Empty { .. } => "empty",
            Error::OutOfScale { .. } => "out_of_scale",
            Error::NotInteger { .. } => "not_integer",
            Error::NotFinite { .. } => "not_finite",
            Error::InvalidWeight { .. } => "invalid_weight",
            Error::LengthMismatch { .. } => "length_mismatch",
            Error::ScaleMismatch(_) => "scale_mismatch",
            Error::InvalidScale { .. } | Error::InvalidLabel { .. } => "invalid_scale",
            Error::InvalidArgument { .. } => "invalid_argument",
            Error::InvalidFormat(_) => "invalid_format",
            Error::InsufficientData(_) => "insufficient_data",
            Error::UnknownTimeZone { .. } => "unknown_time_zone",
            Error::EmptySchedule => "empty_schedule",
            Error::OverlappingWindows { .. } => "overlapping_windows",
            Error::OutOfOrder { .. } => "out_of_order",
            Error::UnknownLabel { .. } => "unknown_label",
        }
    }

    /// The input position this error refers to, when it refers to one.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::{Scale, Tally};
    /// let e = Tally::from_scores(Scale::NPS, &[1u8, 2, 11]).unwrap_err();
    /// assert_eq!(e.index(), Some(2));
    /// ```
    pub fn index(&self) -> Option<usize> {
        match self {
            Error::OutOfScale { index, .. }
            | Error::NotInteger { index, .. }
            | Error::NotFinite { index, .. }
            | Error::UnknownLabel { index, .. } => Some(*index),
            Error::InvalidWeight { index, .. }
            | Error::OutOfOrder { index, .. }
            | Error::InvalidArgument { index, .. } => *index,
            _ => None,
        }
    }

    /// An [`Error::InvalidArgument`] for the option `name` (for bindings and callers
    /// that validate options of their own before calling the core).
    ///
    /// # Examples
    /// ```
    /// let e = cxmetrics::Error::invalid_argument("min_n", "must be a count");
    /// assert_eq!(e.to_string(), "invalid argument `min_n`: must be a count");
    /// assert_eq!(e.index(), None);
    /// ```
    pub fn invalid_argument(
        name: impl Into<Cow<'static, str>>,
        message: impl fmt::Display,
    ) -> Self {
        Error::InvalidArgument {
            name: name.into(),
            message: message.to_string(),
            index: None,
        }
    }

    /// The `invalid_argument` naming `name` for a result of finite inputs that would
    /// exceed the largest double (`f64::MAX`): `what` would. One message for every
    /// such refusal (issue 15: never ±∞ or NaN instead).
    pub(crate) fn beyond_double(name: &'static str, what: &str) -> Self {
        Error::invalid_argument(
            name,
            format!("{what} would exceed the largest double (about 1.8e308); rescale the inputs"),
        )
    }

    /// An [`Error::InvalidArgument`] about the element at `index` of the list argument
    /// `name`.
    ///
    /// # Examples
    /// ```
    /// let e = cxmetrics::Error::invalid_argument_at("p_values", "p-value 2 is not in [0, 1]", 3);
    /// assert_eq!((e.code(), e.index()), ("invalid_argument", Some(3)));
    /// ```
    pub fn invalid_argument_at(
        name: impl Into<Cow<'static, str>>,
        message: impl fmt::Display,
        index: usize,
    ) -> Self {
        Error::InvalidArgument {
            name: name.into(),
            message: message.to_string(),
            index: Some(index),
        }
    }

    /// Every code [`Error::code`] can return, in the order of the table above. The
    /// bindings' type stubs and READMEs are tested against this list.
    pub const CODES: [&'static str; 16] = [
        "empty",
        "out_of_scale",
        "not_integer",
        "not_finite",
        "invalid_weight",
        "length_mismatch",
        "scale_mismatch",
        "invalid_scale",
        "invalid_argument",
        "invalid_format",
        "unknown_time_zone",
        "empty_schedule",
        "overlapping_windows",
        "out_of_order",
        "insufficient_data",
        "unknown_label",
    ];

    /// The message with the input names spelled by `spell` (a binding passes its naming
    /// rule, e.g. snake_case → camelCase): the option name of an
    /// [`Error::InvalidArgument`] and the two inputs named by an
    /// [`Error::LengthMismatch`] (e.g. ticket columns). Every other error's message is
    /// its `Display`, unchanged.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::Error;
    /// let camel = |n: &str| n.replace("min_n", "minN").replace("agent_replies", "agentReplies");
    /// let e = Error::invalid_argument("min_n", "must be a count");
    /// assert_eq!(e.message_with(camel), "invalid argument `minN`: must be a count");
    /// let e = Error::LengthMismatch { what: "created and agent_replies", left: 2, right: 3 };
    /// assert_eq!(e.message_with(camel), "created and agentReplies: lengths differ (2 vs 3)");
    /// ```
    pub fn message_with(&self, spell: impl Fn(&str) -> String) -> String {
        match self {
            Error::InvalidArgument { name, message, .. } => {
                format!("invalid argument `{}`: {message}", spell(name))
            }
            Error::LengthMismatch { what, left, right } => {
                format!("{}: lengths differ ({left} vs {right})", spell(what))
            }
            other => other.to_string(),
        }
    }

    /// What is wrong, without the option name: for an [`Error::InvalidArgument`] its
    /// `message` alone (for bindings that report the argument's position their own
    /// way), for every other error its `Display`.
    ///
    /// # Examples
    /// ```
    /// let e = cxmetrics::Error::invalid_argument("min_n", "must be a count");
    /// assert_eq!(e.detail(), "must be a count");
    /// ```
    pub fn detail(&self) -> String {
        match self {
            Error::InvalidArgument { message, .. } => message.clone(),
            other => other.to_string(),
        }
    }
}

/// `Result` with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::Error;

    /// Every variant's code is in [`Error::CODES`] exactly once.
    #[test]
    fn codes_are_listed() {
        let samples = [
            Error::Empty {
                missing: 0,
                invalid: 0,
            },
            Error::OutOfScale {
                index: 0,
                value: 0.0,
                min: 0,
                max: 1,
            },
            Error::NotInteger {
                index: 0,
                value: 0.5,
            },
            Error::NotFinite {
                index: 0,
                value: f64::INFINITY,
            },
            Error::InvalidWeight {
                index: None,
                value: 0.0,
            },
            Error::LengthMismatch {
                what: "x",
                left: 1,
                right: 2,
            },
            Error::ScaleMismatch(String::new()),
            Error::InvalidScale {
                min: 0,
                max: 0,
                reason: "",
            },
            Error::invalid_argument("x", ""),
            Error::InvalidFormat(String::new()),
            Error::UnknownTimeZone {
                name: String::new(),
                reason: String::new(),
            },
            Error::EmptySchedule,
            Error::OverlappingWindows {
                first: 0,
                second: 1,
            },
            Error::OutOfOrder {
                what: "x",
                index: None,
            },
            Error::InsufficientData(String::new()),
            Error::UnknownLabel {
                index: 0,
                text: String::new(),
            },
        ];
        let codes: Vec<&str> = samples.iter().map(Error::code).collect();
        assert_eq!(codes, Error::CODES);
        let label = Error::InvalidLabel {
            label: String::new(),
            reason: String::new(),
        };
        assert_eq!(label.code(), "invalid_scale");
    }
}
