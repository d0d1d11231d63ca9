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
//!   (`<img src="data:image/svg+xml;…">`) it is dark, or light under
//!   `prefers-color-scheme: dark`.
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

mod pictures;
mod svg;

pub use pictures::{distribution, durations, nps, segments, sla, trend};

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
