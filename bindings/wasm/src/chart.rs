//! Charts (feature `charts`: the full module only; the light `cxmetrics/survey` module
//! has no room for them in its size budget). The SVG is the core's (`cxmetrics::chart`):
//! this layer keeps the core result a chartable JS result came from, in a [`RawChart`]
//! the wrapper holds privately, and draws it when `toSVG()` is called.
//!
//! Why a handle and not the numbers: the core's result types are `#[non_exhaustive]`
//! (they cannot be rebuilt from their fields outside the core) and the picture must be the
//! one the core draws for that very result, so the result itself is kept (a few hundred
//! bytes; freed with the JS result through `--weak-refs`).

use cxmetrics::{Distribution, Level, NpsResult, Scale, SegmentReport, SurveyMetric, chart};
use wasm_bindgen::prelude::*;

/// A core result, ready to be drawn.
pub(crate) enum Picture {
    Nps(NpsResult),
    Distribution(Distribution),
    Segments(SegmentReport, SurveyMetric, Scale),
    #[cfg(feature = "time")]
    Trend(Vec<cxmetrics::TrendRow>, SurveyMetric, Scale),
    #[cfg(feature = "time")]
    Durations(cxmetrics::DurationSummary),
    #[cfg(feature = "time")]
    Sla(cxmetrics::SlaResult),
}

/// The core result behind a chartable JS result (`toSVG()`).
#[wasm_bindgen]
pub struct RawChart(Picture);

impl RawChart {
    pub(crate) fn new(picture: Picture) -> RawChart {
        RawChart(picture)
    }
}

#[wasm_bindgen]
impl RawChart {
    /// The core's SVG of the result. An NPS is drawn with its interval at the core's
    /// default level and method (none when the interval cannot be computed).
    pub fn svg(&self) -> String {
        match &self.0 {
            Picture::Nps(r) => {
                let interval = r.interval(Level::DEFAULT.get(), None).ok();
                chart::nps(r, interval.as_ref())
            }
            Picture::Distribution(d) => chart::distribution(d, None, None),
            Picture::Segments(r, m, s) => chart::segments(r, m, *s),
            #[cfg(feature = "time")]
            Picture::Trend(rows, m, s) => chart::trend(rows, m, *s),
            #[cfg(feature = "time")]
            Picture::Durations(d) => chart::durations(d),
            #[cfg(feature = "time")]
            Picture::Sla(r) => chart::sla(r),
        }
    }
}
