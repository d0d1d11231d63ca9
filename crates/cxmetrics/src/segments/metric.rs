//! A survey metric chosen by name, with its options: the one home of the rules every
//! binding follows (which options apply to which metric, which are required, the
//! default scale).

use crate::error::{Error, Result};
use crate::scale::Scale;
use crate::stats::Estimate;
use crate::survey::{
    CesMethod, CesOptions, CsatMethod, CsatOptions, NpsBuckets, NpsOptions, bottom_box, ces, csat,
    mean, nps_with, top_box,
};
use crate::tally::Tally;

/// A survey metric to compute per group.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum SurveyMetric {
    /// [`nps_with`](crate::nps_with).
    Nps(NpsOptions),
    /// [`csat`](crate::csat).
    Csat(CsatOptions),
    /// [`ces`](crate::ces).
    Ces(CesOptions),
    /// [`mean`](crate::mean).
    Mean,
    /// [`top_box`](crate::top_box) with a threshold.
    TopBox(Option<i64>),
    /// [`bottom_box`](crate::bottom_box) with a threshold.
    BottomBox(Option<i64>),
}

impl SurveyMetric {
    /// The metric's value and inference estimate for one tally.
    ///
    /// # Errors
    /// As the metric's function (`empty`, `scale_mismatch`, `invalid_argument`, …).
    pub fn compute(&self, t: &Tally) -> Result<(f64, Estimate)> {
        Ok(match self {
            SurveyMetric::Nps(o) => {
                let r = nps_with(t, *o)?;
                (r.score, r.estimate())
            }
            SurveyMetric::Csat(o) => {
                let r = csat(t, *o)?;
                (r.score, r.estimate())
            }
            SurveyMetric::Ces(o) => {
                let r = ces(t, *o)?;
                (r.score, r.estimate())
            }
            SurveyMetric::Mean => {
                let r = mean(t)?;
                (r.score, r.estimate())
            }
            SurveyMetric::TopBox(th) => {
                let r = top_box(t, *th)?;
                (r.score, r.estimate())
            }
            SurveyMetric::BottomBox(th) => {
                let r = bottom_box(t, *th)?;
                (r.score, r.estimate())
            }
        })
    }
}

/// A survey metric chosen by name: `"nps"`, `"csat"`, `"ces"`, `"mean"`, `"top_box"`,
/// `"bottom_box"`.
///
/// Which options apply to each metric ([`MetricKind::options`]), which are required
/// ([`MetricKind::required`]) and the scale used when none is given
/// ([`MetricKind::default_scale`]) are written here once; the bindings read them.
///
/// | name | options | required | default scale |
/// |---|---|---|---|
/// | `nps` | `buckets` | | 0–10 |
/// | `csat` | `csat_method`, `threshold`, `bottom_threshold` | | 1–5 |
/// | `ces` | `higher_is_better`, `ces_method`, `threshold` | `higher_is_better` | none |
/// | `mean` | | | none |
/// | `top_box` | `threshold` | | none |
/// | `bottom_box` | `threshold` | | none |
///
/// # Examples
/// ```
/// use cxmetrics::segments::{MetricKind, MetricOption};
/// let k = MetricKind::parse("ces")?;
/// assert_eq!(k.required(), &[MetricOption::HigherIsBetter]);
/// assert_eq!(k.default_scale(), None);
/// assert_eq!(MetricKind::parse("csat")?.default_scale(), Some(cxmetrics::Scale::ONE_TO_FIVE));
/// assert_eq!(MetricKind::parse("NPS").unwrap_err().code(), "invalid_argument");
/// # Ok::<(), cxmetrics::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MetricKind {
    /// Net Promoter Score.
    Nps,
    /// Customer satisfaction.
    Csat,
    /// Customer effort score.
    Ces,
    /// Mean score.
    Mean,
    /// Top-box share.
    TopBox,
    /// Bottom-box share.
    BottomBox,
}

impl MetricKind {
    /// Every metric, in the documented order.
    pub const ALL: [MetricKind; 6] = [
        MetricKind::Nps,
        MetricKind::Csat,
        MetricKind::Ces,
        MetricKind::Mean,
        MetricKind::TopBox,
        MetricKind::BottomBox,
    ];

    /// Parses a metric name (exact, lower case).
    ///
    /// # Errors
    /// `invalid_argument` (named `metric`) for any other string.
    pub fn parse(name: &str) -> Result<MetricKind> {
        MetricKind::ALL
            .into_iter()
            .find(|k| k.name() == name)
            .ok_or_else(|| {
                Error::invalid_argument(
                    "metric",
                    format!(
                        "unknown metric {name:?}; expected nps, csat, ces, mean, top_box or bottom_box"
                    ),
                )
            })
    }

    /// The metric's name (`"nps"`, …, `"bottom_box"`).
    pub fn name(self) -> &'static str {
        match self {
            MetricKind::Nps => "nps",
            MetricKind::Csat => "csat",
            MetricKind::Ces => "ces",
            MetricKind::Mean => "mean",
            MetricKind::TopBox => "top_box",
            MetricKind::BottomBox => "bottom_box",
        }
    }

    /// The options that apply to this metric; any other option given is refused by
    /// [`SurveyMetric::resolve`] (it would otherwise be silently ignored).
    pub fn options(self) -> &'static [MetricOption] {
        use MetricOption as O;
        match self {
            MetricKind::Nps => &[O::Buckets],
            MetricKind::Csat => &[O::CsatMethod, O::Threshold, O::BottomThreshold],
            MetricKind::Ces => &[O::HigherIsBetter, O::CesMethod, O::Threshold],
            MetricKind::Mean => &[],
            MetricKind::TopBox | MetricKind::BottomBox => &[O::Threshold],
        }
    }

    /// The options this metric cannot do without: CES needs `higher_is_better` (CES 1.0
    /// and 2.0 point in opposite directions).
    pub fn required(self) -> &'static [MetricOption] {
        match self {
            MetricKind::Ces => &[MetricOption::HigherIsBetter],
            _ => &[],
        }
    }

    /// The scale used when the caller gives none: 0–10 for NPS, 1–5 for CSAT; `None`
    /// (the caller must give one) for the others, whose scales vary by survey.
    pub fn default_scale(self) -> Option<Scale> {
        match self {
            MetricKind::Nps => Some(Scale::NPS),
            MetricKind::Csat => Some(Scale::ONE_TO_FIVE),
            _ => None,
        }
    }
}

/// An option of a metric chosen by name (see [`MetricKind::options`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MetricOption {
    /// NPS detractor / promoter cut-offs.
    Buckets,
    /// The CSAT method.
    CsatMethod,
    /// The CSAT / CES / box threshold.
    Threshold,
    /// The CSAT bottom threshold (`net`).
    BottomThreshold,
    /// CES polarity.
    HigherIsBetter,
    /// The CES method.
    CesMethod,
}

impl MetricOption {
    /// Every option, in the documented order.
    pub const ALL: [MetricOption; 6] = [
        MetricOption::Buckets,
        MetricOption::CsatMethod,
        MetricOption::Threshold,
        MetricOption::BottomThreshold,
        MetricOption::HigherIsBetter,
        MetricOption::CesMethod,
    ];

    /// The option's name in the core's snake_case spelling (`"csat_method"`, …); bindings
    /// spell it their own way.
    pub fn name(self) -> &'static str {
        match self {
            MetricOption::Buckets => "buckets",
            MetricOption::CsatMethod => "csat_method",
            MetricOption::Threshold => "threshold",
            MetricOption::BottomThreshold => "bottom_threshold",
            MetricOption::HigherIsBetter => "higher_is_better",
            MetricOption::CesMethod => "ces_method",
        }
    }
}

/// The options of a metric chosen by name; `None` = not given.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MetricOptions {
    /// NPS buckets (`nps`).
    pub buckets: Option<NpsBuckets>,
    /// CSAT method name (`csat`): `"top_box"`, `"mean"`, `"percent_of_max"`, `"net"`.
    pub csat_method: Option<String>,
    /// Threshold (`csat`, `ces`, `top_box`, `bottom_box`).
    pub threshold: Option<i64>,
    /// Bottom threshold (`csat` with `net`).
    pub bottom_threshold: Option<i64>,
    /// CES polarity (`ces`, required).
    pub higher_is_better: Option<bool>,
    /// CES method name (`ces`): `"mean"`, `"percent_agree"`, `"net_effort"`.
    pub ces_method: Option<String>,
}

impl MetricOptions {
    /// Whether `option` was given.
    pub fn is_given(&self, option: MetricOption) -> bool {
        match option {
            MetricOption::Buckets => self.buckets.is_some(),
            MetricOption::CsatMethod => self.csat_method.is_some(),
            MetricOption::Threshold => self.threshold.is_some(),
            MetricOption::BottomThreshold => self.bottom_threshold.is_some(),
            MetricOption::HigherIsBetter => self.higher_is_better.is_some(),
            MetricOption::CesMethod => self.ces_method.is_some(),
        }
    }
}

/// A method name parsed for the metric option `name` (`csat_method`, `ces_method`):
/// the method parser's error, named after the option the caller gave.
fn method<T>(name: &'static str, parsed: Result<T>) -> Result<T> {
    parsed.map_err(|e| Error::invalid_argument(name, e.detail()))
}

impl SurveyMetric {
    /// The metric `kind` with `options`, checked: the one place where options chosen by
    /// name are validated, for every binding.
    ///
    /// # Errors
    /// `invalid_argument` named after the option for an option that does not apply to
    /// the metric (it would otherwise be ignored), a missing required option
    /// ([`MetricKind::required`]), or an unknown method name.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::segments::{MetricKind, MetricOptions, SurveyMetric};
    /// let ces = MetricOptions { higher_is_better: Some(true), ..MetricOptions::default() };
    /// assert!(SurveyMetric::resolve(MetricKind::Ces, ces.clone()).is_ok());
    /// let e = SurveyMetric::resolve(MetricKind::Nps, ces).unwrap_err();
    /// assert_eq!(e.to_string(), "invalid argument `higher_is_better`: does not apply to metric \"nps\"");
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn resolve(kind: MetricKind, options: MetricOptions) -> Result<SurveyMetric> {
        if let Some(o) = MetricOption::ALL
            .into_iter()
            .find(|&o| options.is_given(o) && !kind.options().contains(&o))
        {
            return Err(Error::invalid_argument(
                o.name(),
                format!("does not apply to metric {:?}", kind.name()),
            ));
        }
        if let Some(o) = kind.required().iter().find(|&&o| !options.is_given(o)) {
            return Err(Error::invalid_argument(
                o.name(),
                format!(
                    "metric {:?} needs it (CES 1.0 and 2.0 point in opposite directions)",
                    kind.name()
                ),
            ));
        }
        let threshold = options.threshold;
        Ok(match kind {
            MetricKind::Nps => SurveyMetric::Nps(NpsOptions {
                buckets: options.buckets,
            }),
            MetricKind::Csat => SurveyMetric::Csat(CsatOptions {
                method: match options.csat_method.as_deref() {
                    None => CsatMethod::default(),
                    Some(m) => method("csat_method", CsatMethod::parse(m))?,
                },
                threshold,
                bottom_threshold: options.bottom_threshold,
            }),
            MetricKind::Ces => SurveyMetric::Ces(CesOptions {
                higher_is_better: options.higher_is_better.unwrap_or_default(),
                method: match options.ces_method.as_deref() {
                    None => CesMethod::default(),
                    Some(m) => method("ces_method", CesMethod::parse(m))?,
                },
                threshold,
            }),
            MetricKind::Mean => SurveyMetric::Mean,
            MetricKind::TopBox => SurveyMetric::TopBox(threshold),
            MetricKind::BottomBox => SurveyMetric::BottomBox(threshold),
        })
    }

    /// The values this metric can take on `scale`: `(−100, 100)` for net scores (NPS,
    /// net CSAT, net effort), `(0, 100)` for percentages (CSAT top box, percent of max,
    /// CES percent agree, top and bottom box) and the scale's own range for means.
    ///
    /// Charts use it as their value axis, so pictures of one metric compare by eye.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::{CsatMethod, CsatOptions, NpsOptions, Scale, SurveyMetric};
    /// assert_eq!(SurveyMetric::Nps(NpsOptions::default()).value_range(Scale::NPS), (-100.0, 100.0));
    /// assert_eq!(SurveyMetric::Mean.value_range(Scale::ONE_TO_FIVE), (1.0, 5.0));
    /// let mean_csat = CsatOptions { method: CsatMethod::Mean, ..Default::default() };
    /// assert_eq!(SurveyMetric::Csat(mean_csat).value_range(Scale::ONE_TO_SEVEN), (1.0, 7.0));
    /// ```
    pub fn value_range(&self, scale: Scale) -> (f64, f64) {
        self.fixed_range()
            .unwrap_or((f64::from(scale.min()), f64::from(scale.max())))
    }

    /// [`value_range`](Self::value_range) where it does not depend on the scale: `None`
    /// for means (whose range is the scale's).
    pub(crate) fn fixed_range(&self) -> Option<(f64, f64)> {
        const NET: Option<(f64, f64)> = Some((-100.0, 100.0));
        const PERCENT: Option<(f64, f64)> = Some((0.0, 100.0));
        match self {
            SurveyMetric::Nps(_) => NET,
            SurveyMetric::Csat(o) => match o.method {
                CsatMethod::Mean => None,
                CsatMethod::Net => NET,
                CsatMethod::TopBox | CsatMethod::PercentOfMax => PERCENT,
            },
            SurveyMetric::Ces(o) => match o.method {
                CesMethod::Mean => None,
                CesMethod::NetEffort => NET,
                CesMethod::PercentAgree => PERCENT,
            },
            SurveyMetric::Mean => None,
            SurveyMetric::TopBox(_) | SurveyMetric::BottomBox(_) => PERCENT,
        }
    }

    /// The kind of this metric.
    pub fn kind(&self) -> MetricKind {
        match self {
            SurveyMetric::Nps(_) => MetricKind::Nps,
            SurveyMetric::Csat(_) => MetricKind::Csat,
            SurveyMetric::Ces(_) => MetricKind::Ces,
            SurveyMetric::Mean => MetricKind::Mean,
            SurveyMetric::TopBox(_) => MetricKind::TopBox,
            SurveyMetric::BottomBox(_) => MetricKind::BottomBox,
        }
    }
}
