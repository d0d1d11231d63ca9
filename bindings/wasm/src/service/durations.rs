//! Duration summaries and per-ticket durations, on the calendar clock (`RawTickets`
//! methods) or the business clock (`RawSchedule` methods taking the tickets).

use cxmetrics::jiff::Timestamp;
use cxmetrics::{Clock, DurationMetric, DurationOptions, DurationSummary, ResolutionKind, Tickets};
use wasm_bindgen::prelude::*;

use super::RawTickets;
use crate::errors::{JsResult, ToJs};
use crate::results::Out;
use crate::schedule::RawSchedule;
use crate::time::{At, instant};

#[wasm_bindgen]
impl RawTickets {
    /// Per-ticket durations in calendar time (`NaN` = open).
    pub fn durations(&self, metric: &str, as_of: &JsValue) -> JsResult<Vec<f64>> {
        durations(&self.inner, Clock::Calendar, metric, as_of)
    }

    /// A duration summary in calendar time (`which`: `first_response_time`,
    /// `resolution_time` with `kind`, `requester_wait_time`).
    pub fn summary(&self, which: &str, kind: Option<String>, as_of: &JsValue) -> JsResult<JsValue> {
        summary(&self.inner, Clock::Calendar, which, kind, as_of)
    }
}

#[wasm_bindgen]
impl RawSchedule {
    /// Per-ticket durations in business time (`NaN` = open).
    pub fn durations(
        &self,
        tickets: &RawTickets,
        metric: &str,
        as_of: &JsValue,
    ) -> JsResult<Vec<f64>> {
        durations(&tickets.inner, Clock::Business(&self.inner), metric, as_of)
    }

    /// A duration summary in business time.
    pub fn summary(
        &self,
        tickets: &RawTickets,
        which: &str,
        kind: Option<String>,
        as_of: &JsValue,
    ) -> JsResult<JsValue> {
        summary(
            &tickets.inner,
            Clock::Business(&self.inner),
            which,
            kind,
            as_of,
        )
    }
}

pub(crate) fn as_of_option(as_of: &JsValue) -> JsResult<Option<Timestamp>> {
    instant(as_of, At::new("as_of"))
}

fn durations(t: &Tickets, clock: Clock<'_>, metric: &str, as_of: &JsValue) -> JsResult<Vec<f64>> {
    let metric = DurationMetric::parse(metric).js()?;
    let options = DurationOptions {
        clock,
        as_of: as_of_option(as_of)?,
    };
    let d = cxmetrics::ticket_durations(t, metric, &options).js()?;
    Ok(d.into_iter().map(|x| x.unwrap_or(f64::NAN)).collect())
}

fn summary(
    t: &Tickets,
    clock: Clock<'_>,
    which: &str,
    kind: Option<String>,
    as_of: &JsValue,
) -> JsResult<JsValue> {
    let options = DurationOptions {
        clock,
        as_of: as_of_option(as_of)?,
    };
    let s = match which {
        "first_response_time" => cxmetrics::first_response_time(t, &options),
        "requester_wait_time" => cxmetrics::requester_wait_time(t, &options),
        _ => {
            let kind = match kind {
                Some(k) => ResolutionKind::parse(&k).js()?,
                None => ResolutionKind::default(),
            };
            cxmetrics::resolution_time(t, kind, &options)
        }
    }
    .js()?;
    Ok(summary_js(&s))
}

fn summary_js(s: &DurationSummary) -> JsValue {
    let mut o = Out::new();
    o.num("n", s.n as f64);
    o.num("open", s.open as f64);
    o.num("mean", s.mean);
    o.num("median", s.median);
    o.num("p90", s.p90);
    o.num("min", s.min);
    o.num("max", s.max);
    o.opt("kmMedian", s.km_median);
    o.name("clock", s.clock);
    o.f64s("durations", s.durations().iter().copied());
    #[cfg(feature = "charts")]
    o.chart(crate::chart::Picture::Durations(s.clone()));
    o.into_js()
}

/// `percentile(q)` of a summary from its completed durations (`durations` of the
/// summary): the core rebuilds the summary and interpolates.
#[wasm_bindgen(js_name = summaryPercentile)]
pub fn summary_percentile(durations: &[f64], q: f64) -> JsResult<f64> {
    DurationSummary::from_durations(durations, &[], "calendar")
        .js()?
        .percentile(q)
        .js()
}
