//! Charts as SVG text: one function per picture, drawn once here for every language.
//!
//! Each function takes a result the library computed and returns a standalone SVG
//! document. The charts are meant to be looked at in a notebook, on a web page or in a
//! report; the bindings embed them in their HTML displays (`_repr_html_` in Python) and web
//! elements (JavaScript).
//!
//! # What every chart guarantees
//! - A fixed `viewBox` 640 units wide, `width="100%"` and `max-width:640px`: it scales down
//!   to its container and keeps its proportions.
//! - Colours come from CSS custom properties with fallbacks, so a page restyles every chart
//!   and an image without page CSS is still coloured: `--cx-detractor`, `--cx-passive`,
//!   `--cx-promoter`, `--cx-accent` (bars, lines, markers), `--cx-muted` (low-n rows),
//!   `--cx-grid` (axes, reference lines), `--cx-up` / `--cx-down` (significant changes) and
//!   `--cx-font`. Text is `currentColor`: inline, it follows the page; as an image
//!   (`<img src="data:image/svg+xml;…">`) it is dark on white, or light on dark under
//!   `prefers-color-scheme: dark` (the image brings its own background, since the
//!   system's scheme need not be the page's).
//! - An accessible name stating the numbers: `role="img"`, `aria-label` and `<title>`.
//! - Every label is XML-escaped (segment keys are user text); characters XML forbids
//!   become U+FFFD.
//! - Deterministic: equal inputs give byte-identical SVG, on every platform and in wasm
//!   (numbers are written with fixed decimals; values show one decimal).
//! - No scripts, no external references, no fonts to fetch.
//!
//! # Examples
//! ```
//! use cxmetrics::{chart, nps, Scale, Tally};
//! let r = nps(&Tally::from_scores(Scale::NPS, &[10u8, 9, 9, 8, 7, 3, 0])?)?;
//! let svg = chart::nps(&r, Some(&r.interval(0.95, None)?));
//! assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
//! assert!(svg.contains("aria-label=\"NPS 14.3"));
//! # Ok::<(), cxmetrics::Error>(())
//! ```

//!
//! # Displays
//! Every result type implements [`Show`]: its [`Card`] holds what a display shows (a
//! title, the facts with the default interval, the convention used, the chart, a
//! report's rows and the Vega-Lite data). [`html`], [`text`] and [`vega_lite`] render it;
//! the bindings call them for `_repr_html_`, `repr` and `to_vega_lite()`. Reports need
//! their metric and scale for the axis: [`SegmentView`] and [`TrendView`] carry them.
//!
//! ```
//! use cxmetrics::{chart, nps, Scale, Tally};
//! let r = nps(&Tally::from_scores(Scale::NPS, &[10u8, 10, 9, 8, 3])?)?;
//! let html = chart::html(&r);
//! assert!(html.contains("<img src=\"data:image/svg+xml;base64,") && !html.contains("<script"));
//! assert!(chart::vega_lite(&r).starts_with("{\"$schema\":\"https://vega.github.io/schema/vega-lite/v5.json\""));
//! # Ok::<(), cxmetrics::Error>(())
//! ```

mod pictures;
mod render;
mod show;
mod svg;
mod vega;

pub use pictures::{distribution, durations, nps, segments, sla, trend};
pub use render::{EDGE_ROWS, MAX_ROWS, html_card, html_table, svg_img, text_card, text_table};
pub use show::{Card, Cell, SegmentView, Show, Table, TrendView};
pub use vega::{J, VEGA_LITE_SCHEMA, Vega};

/// The display of `x` as an HTML fragment ([`html_card`] of its [`Card`]): a compact
/// table of the value, its interval (method and level), the counts and the convention
/// used, a report's rows with inline bars, and the chart as
/// `<img src="data:image/svg+xml;base64,…" alt="…">`. No scripts, no external
/// references; user text (segment keys) is escaped.
///
/// # Examples
/// ```
/// use cxmetrics::{chart, csat, CsatOptions, Scale, Tally};
/// let r = csat(&Tally::from_scores(Scale::ONE_TO_FIVE, &[5u8, 4, 2])?, CsatOptions::default())?;
/// assert!(chart::html(&r).contains("<th style=\"text-align:left;font-weight:600;padding:2px 14px 2px 0;vertical-align:top\">value</th><td style=\"text-align:left;padding:2px 0\">66.7%</td>"));
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn html<T: Show + ?Sized>(x: &T) -> String {
    html_card(&x.card())
}

/// The display of `x` as plain text ([`text_card`]): the title, `label: value` lines and
/// a report's rows, truncated like pandas past [`MAX_ROWS`].
///
/// # Examples
/// ```
/// use cxmetrics::{chart, nps, Scale, Tally};
/// let r = nps(&Tally::from_scores(Scale::NPS, &[10u8, 10, 9, 8, 3])?)?;
/// assert!(chart::text(&r).starts_with("Net Promoter Score\n  value: 40.0\n"));
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn text<T: Show + ?Sized>(x: &T) -> String {
    text_card(&x.card())
}

/// The rows of a report as aligned text ([`text_table`]), or `None` for results that
/// are not reports.
///
/// # Examples
/// ```
/// use cxmetrics::{chart, nps, Scale, Tally};
/// let r = nps(&Tally::from_scores(Scale::NPS, &[10u8, 3])?)?;
/// assert_eq!(chart::text_rows(&r), None);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn text_rows<T: Show + ?Sized>(x: &T) -> Option<String> {
    x.card().table.as_ref().map(text_table)
}

/// The chart of `x` (standalone SVG), where a chart fits: NPS (with the default
/// interval), distributions and tallies, segment and trend reports, durations and SLA.
///
/// # Examples
/// ```
/// use cxmetrics::{chart, nps, Scale, Tally};
/// let r = nps(&Tally::from_scores(Scale::NPS, &[10u8, 10, 9, 8, 3])?)?;
/// assert_eq!(chart::svg(&r), Some(chart::nps(&r, Some(&r.interval(0.95, None)?))));
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn svg<T: Show + ?Sized>(x: &T) -> Option<String> {
    x.card().svg
}

/// `x` as a Vega-Lite v5 specification (JSON text) with its data inlined: the numbers of
/// the result under their field names (`score`, `lower`, `upper`, …), for Altair and
/// other Vega-Lite renderers.
///
/// # Examples
/// ```
/// use cxmetrics::{chart, nps, Scale, Tally};
/// let r = nps(&Tally::from_scores(Scale::NPS, &[10u8, 10, 9, 8, 3])?)?;
/// assert!(chart::vega_lite(&r).contains("{\"group\":\"promoters\",\"order\":2,\"share\":0.6,\"count\":3,\"nps\":40.0}"));
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn vega_lite<T: Show + ?Sized>(x: &T) -> String {
    x.card().vega.to_json()
}

/// The interval every display draws and states: the core's default level
/// ([`Level::DEFAULT`](crate::Level::DEFAULT), 95 %) and the estimate's default method
/// (adjusted Wald for net scores, Wilson for proportions, t for means). One home for the
/// rule, used by [`Show`] and by the bindings' `toSVG()` / `to_svg()`.
///
/// # Errors
/// As [`Estimate::interval`](crate::Estimate::interval) (e.g. `insufficient_data` for a
/// t interval from one response); displays then draw no interval and say why.
///
/// # Examples
/// ```
/// use cxmetrics::{chart, nps, Scale, Tally};
/// let r = nps(&Tally::from_scores(Scale::NPS, &[10u8, 10, 9, 8, 3])?)?;
/// assert_eq!(chart::default_interval(&r.estimate())?, r.interval(0.95, None)?);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn default_interval(e: &crate::Estimate) -> crate::Result<crate::Interval> {
    e.interval(crate::Level::DEFAULT.get(), None)
}

/// A value as the charts print it for people: one decimal (Rust's `{:.1}`), a true minus
/// sign (U+2212) and never `−0.0`. For a headline number shown beside a chart (the web
/// elements' `part="value"`), so it reads exactly as the chart does.
///
/// # Examples
/// ```
/// use cxmetrics::chart::value_text;
/// assert_eq!(value_text(14.2857), "14.3");
/// assert_eq!(value_text(-14.2857), "\u{2212}14.3");
/// assert_eq!(value_text(-0.01), "0.0");
/// ```
#[must_use]
pub fn value_text(x: f64) -> String {
    svg::value(x)
}
