//! Business hours (`RawSchedule`): an IANA zone, weekly windows and holidays, built and
//! computed by the core's `Schedule`. Its duration and SLA methods are in `service`.

use cxmetrics::{Schedule, Window};
use wasm_bindgen::prelude::*;

use crate::errors::{JsResult, ToJs, core_error};
use crate::time::{At, required};

/// A business-hours calendar owned by wasm memory; wrapped by the JS `Schedule` class.
#[wasm_bindgen]
pub struct RawSchedule {
    pub(crate) inner: Schedule,
    time_zone: String,
    windows: usize,
    holidays: usize,
}

#[wasm_bindgen]
impl RawSchedule {
    /// A schedule in the IANA zone `time_zone` with windows `(days[i], starts[i],
    /// ends[i])` and holidays `"YYYY-MM-DD"`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        time_zone: &str,
        days: Vec<String>,
        starts: Vec<String>,
        ends: Vec<String>,
        holidays: Vec<String>,
    ) -> JsResult<RawSchedule> {
        let mut windows = Vec::with_capacity(days.len());
        for (i, ((d, s), e)) in days.iter().zip(&starts).zip(&ends).enumerate() {
            let w = Window::parse(d, s, e)
                .map_err(|err| At::item("windows", i).invalid(&err.detail()))?;
            windows.push(w);
        }
        let mut dates = Vec::with_capacity(holidays.len());
        for (i, h) in holidays.iter().enumerate() {
            let d = cxmetrics::parse_date(h)
                .map_err(|err| At::item("holidays", i).invalid(&err.detail()))?;
            dates.push(d);
        }
        let inner = Schedule::from_iana(time_zone, &windows, &dates).map_err(tz_hint)?;
        Ok(RawSchedule {
            inner,
            time_zone: time_zone.to_owned(),
            windows: windows.len(),
            holidays: dates.len(),
        })
    }

    /// The IANA name the schedule was made with.
    #[wasm_bindgen(getter, js_name = timeZone)]
    pub fn time_zone(&self) -> String {
        self.time_zone.clone()
    }

    /// The number of opening windows.
    #[wasm_bindgen(getter)]
    pub fn windows(&self) -> f64 {
        self.windows as f64
    }

    /// The number of holidays given.
    #[wasm_bindgen(getter)]
    pub fn holidays(&self) -> f64 {
        self.holidays as f64
    }

    /// Business seconds from `start` to `end`.
    #[wasm_bindgen(js_name = businessSeconds)]
    pub fn business_seconds(&self, start: &JsValue, end: &JsValue) -> JsResult<f64> {
        let a = required(start, At::new("start"))?;
        let b = required(end, At::new("end"))?;
        self.inner.business_seconds(a, b).js()
    }

    /// The instant `seconds` business seconds after `start`, in epoch milliseconds.
    #[wasm_bindgen(js_name = addBusiness)]
    pub fn add_business(&self, start: &JsValue, seconds: f64) -> JsResult<f64> {
        let a = required(start, At::new("start"))?;
        let t = self.inner.add_business(a, seconds).js()?;
        Ok(t.as_millisecond() as f64)
    }
}

/// `unknown_time_zone` from a build without the time-zone database says so.
fn tz_hint(e: cxmetrics::Error) -> JsValue {
    #[cfg(not(feature = "tz"))]
    if e.code() == "unknown_time_zone" {
        return crate::errors::error(
            "unknown_time_zone",
            &format!(
                "{e} (this build of cxmetrics has no time-zone database: only \"UTC\" is known)"
            ),
            None,
        );
    }
    core_error(e)
}
