//! [`Level`]: a confidence level, checked once.

use std::fmt;

use crate::error::{Error, Result};

/// A confidence level: a fraction strictly between 0 and 1 (0.95, not 95).
///
/// [`Level::new`] holds the one check every function taking a `level: f64` applies, so
/// a bad level gives the same `invalid_argument` error everywhere. The default is
/// [`Level::DEFAULT`] (0.95).
///
/// # Examples
/// ```
/// use cxmetrics::stats::Level;
/// let l = Level::new(0.9)?;
/// assert_eq!(l.get(), 0.9);
/// assert_eq!(Level::default(), Level::DEFAULT);
/// assert_eq!(Level::DEFAULT.to_string(), "0.95");
/// assert_eq!(Level::new(95.0).unwrap_err().code(), "invalid_argument");
/// assert!(Level::try_from(f64::NAN).is_err());
/// # Ok::<(), cxmetrics::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Level(f64);

impl Level {
    /// The default confidence level, 0.95.
    pub const DEFAULT: Level = Level(0.95);

    /// A confidence level, checked.
    ///
    /// # Errors
    /// `invalid_argument` (argument `level`) unless `level` is finite and strictly
    /// between 0 and 1.
    pub fn new(level: f64) -> Result<Level> {
        if level.is_finite() && level > 0.0 && level < 1.0 {
            Ok(Level(level))
        } else {
            Err(Error::invalid_argument(
                "level",
                format!(
                    "the confidence level must lie strictly between 0 and 1 (e.g. 0.95), got {level}"
                ),
            ))
        }
    }

    /// The level as a fraction in (0, 1).
    pub const fn get(self) -> f64 {
        self.0
    }
}

impl Default for Level {
    fn default() -> Level {
        Level::DEFAULT
    }
}

impl TryFrom<f64> for Level {
    type Error = Error;

    fn try_from(level: f64) -> Result<Level> {
        Level::new(level)
    }
}

impl From<Level> for f64 {
    fn from(level: Level) -> f64 {
        level.get()
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}
