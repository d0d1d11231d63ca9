//! First contact resolution.

use cxmetrics::{FcrDenominator, FcrOptions};
use wasm_bindgen::prelude::*;

use super::RawTickets;
use super::tickets::count;
use crate::errors::{JsResult, ToJs};
use crate::results::Out;
use crate::time::{At, required};

#[wasm_bindgen]
impl RawTickets {
    /// `null` = any number; `max_customer_followups`: `null` / `undefined` = not checked.
    #[allow(clippy::too_many_arguments)]
    pub fn fcr(
        &self,
        max_agent_replies: &JsValue,
        max_customer_followups: Option<f64>,
        reopen_window: Option<f64>,
        denominator: Option<String>,
        period_from: &JsValue,
        period_to: &JsValue,
    ) -> JsResult<JsValue> {
        let defaults = FcrOptions::default();
        let max_agent_replies = if max_agent_replies.is_undefined() {
            defaults.max_agent_replies
        } else {
            max_agent_replies
                .as_f64()
                .map(|x| count(x, At::new("max_agent_replies")))
                .transpose()?
        };
        let max_customer_followups = max_customer_followups
            .map(|x| count(x, At::new("max_customer_followups")))
            .transpose()?;
        let period = if period_from.is_undefined() {
            None
        } else {
            Some((
                required(period_from, At::item("period", 0))?,
                required(period_to, At::item("period", 1))?,
            ))
        };
        let options = FcrOptions {
            max_agent_replies,
            max_customer_followups,
            reopen_window,
            denominator: match denominator {
                Some(d) => FcrDenominator::parse(&d).js()?,
                None => defaults.denominator,
            },
            period,
        };
        let r = cxmetrics::fcr(&self.inner, &options).js()?;
        let mut o = Out::new();
        o.num("score", r.score);
        o.num("count", r.count as f64);
        o.num("n", r.n as f64);
        o.name("denominator", r.denominator.as_str());
        o.estimate(&r.estimate());
        Ok(o.into_js())
    }
}
