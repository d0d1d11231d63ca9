//! Rendering a [`Card`]: HTML (notebooks, web pages) and plain text (terminals, `repr`).

use std::fmt::Write as _;

use super::show::{Card, Cell, Table};
use super::svg::{count, escape, percent, value};

/// Tables longer than this are shown truncated (pandas' `display.max_rows` default).
pub const MAX_ROWS: usize = 60;
/// A truncated table shows this many rows from its start and as many from its end
/// (half of pandas' `display.min_rows` default each).
pub const EDGE_ROWS: usize = 5;

/// Standard base64 (RFC 4648 §4, with `=` padding) of `bytes`.
pub(super) fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The accessible name of a chart (its `aria-label`, already escaped).
fn aria_label(svg: &str) -> &str {
    svg.split_once("aria-label=\"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map_or("chart", |(label, _)| label)
}

/// The chart as an `<img>` with a base64 `data:` URI and its accessible name as `alt`:
/// it shows in untrusted notebooks, on GitHub and in nbviewer, and runs nothing.
///
/// # Examples
/// ```
/// let img = cxmetrics::chart::svg_img("<svg aria-label=\"NPS 40.0\"></svg>");
/// assert!(img.starts_with("<img src=\"data:image/svg+xml;base64,PHN2ZyBhcmlhLWxhYmVsPSJOUFMgNDAuMCI+PC9zdmc+\" alt=\"NPS 40.0\""));
/// ```
pub fn svg_img(svg: &str) -> String {
    format!(
        "<img src=\"data:image/svg+xml;base64,{}\" alt=\"{}\" style=\"display:block;width:100%;max-width:640px;height:auto;margin-top:6px\"/>",
        base64(svg.as_bytes()),
        aria_label(svg)
    )
}

/// Which rows of `n` a display shows: all, or the first and last [`EDGE_ROWS`] with a
/// gap (`None`) between them when there are more than [`MAX_ROWS`].
pub(super) fn shown_rows(n: usize) -> Vec<Option<usize>> {
    if n <= MAX_ROWS {
        (0..n).map(Some).collect()
    } else {
        (0..EDGE_ROWS)
            .map(Some)
            .chain(std::iter::once(None))
            .chain((n - EDGE_ROWS..n).map(Some))
            .collect()
    }
}

impl Cell {
    /// The cell as text for people (ASCII minus, `-` for undefined, blank for `false`).
    pub fn text(&self) -> String {
        let one = |x: f64| {
            let s = format!("{x:.1}");
            if s == "-0.0" { "0.0".to_owned() } else { s }
        };
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Count(n) => n.to_string(),
            Cell::Value(v) => v.map_or_else(|| "-".to_owned(), one),
            Cell::Percent(s) => format!("{}%", one(s * 100.0)),
            Cell::P(p) => p.map_or_else(|| "-".to_owned(), |p| format!("{p:.4}")),
            Cell::Flag(b) => (if *b { "yes" } else { "" }).to_owned(),
        }
    }

    fn is_text(&self) -> bool {
        matches!(self, Cell::Text(_))
    }
}

/// A table as aligned plain text, truncated like pandas: more than [`MAX_ROWS`] rows
/// show the first and last [`EDGE_ROWS`] with a `...` row between and end with
/// `[N rows x M columns]`. Text columns are left-aligned, numbers right-aligned; the
/// footer (the overall row) comes last.
///
/// # Examples
/// ```
/// use cxmetrics::chart::{text_table, Cell, Table};
/// let t = Table {
///     columns: vec!["key".into(), "n".into(), "score".into()],
///     rows: vec![vec![Cell::Text("chat".into()), Cell::Count(12), Cell::Value(Some(-4.25))]],
///     footer: None,
///     bar: None,
/// };
/// assert_eq!(text_table(&t), "key    n  score\nchat  12   -4.2");
/// ```
pub fn text_table(t: &Table) -> String {
    let shown = shown_rows(t.rows.len());
    let mut lines: Vec<Vec<String>> = vec![t.columns.clone()];
    let mut left: Vec<bool> = t
        .rows
        .first()
        .or(t.footer.as_ref())
        .map_or_else(Vec::new, |r| r.iter().map(Cell::is_text).collect());
    left.resize(t.columns.len(), false);
    for i in &shown {
        lines.push(match i {
            Some(i) => t.rows[*i].iter().map(Cell::text).collect(),
            None => vec!["...".to_owned(); t.columns.len()],
        });
    }
    if let Some(f) = &t.footer {
        lines.push(f.iter().map(Cell::text).collect());
    }
    let widths: Vec<usize> = (0..t.columns.len())
        .map(|c| {
            lines
                .iter()
                .map(|l| l.get(c).map_or(0, |s| s.chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for line in &lines {
        let cells: Vec<String> = line
            .iter()
            .enumerate()
            .map(|(c, s)| {
                let w = widths[c];
                if left[c] {
                    format!("{s:<w$}")
                } else {
                    format!("{s:>w$}")
                }
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    if shown.len() < t.rows.len() {
        let _ = writeln!(out, "[{} rows x {} columns]", t.rows.len(), t.columns.len());
    }
    out.pop();
    out
}

/// A card as plain text: the title, one `label: value` line per fact, the convention,
/// and the table's rows ([`text_table`]).
///
/// # Examples
/// ```
/// use cxmetrics::{chart, Scale, Tally};
/// let t = Tally::from_scores(Scale::ONE_TO_FIVE, &[5u8, 4])?;
/// assert!(chart::text_card(&chart::Show::card(&t)).starts_with("Tally\n  scale: 1–5\n  n: 2\n"));
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn text_card(c: &Card) -> String {
    let mut out = c.title.clone();
    for (label, v) in &c.facts {
        let _ = write!(out, "\n  {label}: {v}");
    }
    if let Some(words) = &c.convention {
        let _ = write!(out, "\n  convention: {words}");
    }
    if let Some(t) = &c.table {
        out.push('\n');
        out.push_str(&text_table(t));
    }
    out
}

const TH: &str = "text-align:left;font-weight:600;padding:2px 14px 2px 0;vertical-align:top";
const TD: &str = "text-align:left;padding:2px 0";
const NUM: &str = "text-align:right;padding:2px 0 2px 12px;font-variant-numeric:tabular-nums";

/// An inline bar for a value on `range`, from the axis origin (0, or the nearer end).
fn bar(v: Option<f64>, (lo, hi): (f64, f64)) -> String {
    let Some(v) = v.filter(|v| v.is_finite()) else {
        return String::new();
    };
    let span = hi - lo;
    if span.partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater) {
        return String::new();
    }
    let at = |x: f64| (x.clamp(lo, hi) - lo) / span * 100.0;
    let origin = at(0.0);
    let (a, b) = if at(v) < origin {
        (at(v), origin)
    } else {
        (origin, at(v))
    };
    format!(
        "<div style=\"position:relative;width:120px;height:10px;background:rgba(140,149,159,0.18)\"><div style=\"position:absolute;top:0;bottom:0;left:{}%;width:{}%;background:var(--cx-accent,#3b6fd4)\"></div></div>",
        super::svg::num(a),
        super::svg::num(b - a)
    )
}

fn html_cell(out: &mut String, cell: &Cell) {
    let style = if cell.is_text() { TD } else { NUM };
    let text = match cell {
        // For people: a true minus sign, thousands separators.
        Cell::Value(Some(v)) => value(*v),
        Cell::Percent(s) => percent(*s),
        Cell::Count(n) => count(*n),
        other => other.text(),
    };
    let _ = write!(out, "<td style=\"{style}\">{}</td>", escape(&text));
}

/// A report's rows as an HTML table, the bar column followed by inline bars.
///
/// # Examples
/// ```
/// use cxmetrics::chart::{html_table, Cell, Table};
/// let t = Table {
///     columns: vec!["key".into(), "score".into()],
///     rows: vec![vec![Cell::Text("<b>".into()), Cell::Value(Some(50.0))]],
///     footer: None,
///     bar: Some((1, (-100.0, 100.0))),
/// };
/// let html = html_table(&t);
/// assert!(html.contains("&lt;b&gt;") && html.contains("left:50%;width:25%"));
/// ```
pub fn html_table(t: &Table) -> String {
    let mut out =
        String::from("<table style=\"border-collapse:collapse;margin:4px 0\"><thead><tr>");
    let bar_col = t.bar.map(|(c, _)| c);
    for (c, name) in t.columns.iter().enumerate() {
        let _ = write!(out, "<th style=\"{TH}\">{}</th>", escape(name));
        if Some(c) == bar_col {
            out.push_str("<th style=\"padding:2px 0 2px 8px\"></th>");
        }
    }
    out.push_str("</tr></thead><tbody>");
    let row = |out: &mut String, cells: &[Cell], bold: bool| {
        out.push_str(if bold {
            "<tr style=\"font-weight:600\">"
        } else {
            "<tr>"
        });
        for (c, cell) in cells.iter().enumerate() {
            html_cell(out, cell);
            if let Some((_, range)) = t.bar.filter(|(bc, _)| *bc == c) {
                let v = match cell {
                    Cell::Value(v) => *v,
                    _ => None,
                };
                let _ = write!(
                    out,
                    "<td style=\"padding:2px 0 2px 8px;vertical-align:middle\">{}</td>",
                    bar(v, range)
                );
            }
        }
        out.push_str("</tr>");
    };
    for i in shown_rows(t.rows.len()) {
        if let Some(i) = i {
            row(&mut out, &t.rows[i], false);
        } else {
            let cols = t.columns.len() + usize::from(bar_col.is_some());
            let _ = write!(out, "<tr><td colspan=\"{cols}\" style=\"{TD}\">…</td></tr>");
        }
    }
    if let Some(f) = &t.footer {
        row(&mut out, f, true);
    }
    out.push_str("</tbody></table>");
    if t.rows.len() > MAX_ROWS {
        let _ = write!(
            out,
            "<div style=\"opacity:0.7\">{} rows × {} columns</div>",
            t.rows.len(),
            t.columns.len()
        );
    }
    out
}

/// A card as an HTML fragment: the title, a compact table of the facts and the
/// convention, the report's rows (with inline bars) and the chart as an `<img>`.
/// No scripts, no external references; every text is HTML-escaped.
///
/// # Examples
/// ```
/// use cxmetrics::{chart, Scale, Tally};
/// let t = Tally::from_scores(Scale::ONE_TO_FIVE, &[5u8, 4])?;
/// let html = chart::html_card(&chart::Show::card(&t));
/// assert!(html.starts_with("<div class=\"cxmetrics\"") && html.contains("<img src=\"data:image/svg+xml;base64,"));
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn html_card(c: &Card) -> String {
    let mut out = String::from(
        "<div class=\"cxmetrics\" style=\"font-family:var(--cx-font,system-ui,sans-serif);font-size:13px;line-height:1.4;max-width:640px\">",
    );
    let _ = write!(
        out,
        "<div style=\"font-weight:600;font-size:14px;margin:2px 0 4px\">{}</div>",
        escape(&c.title)
    );
    out.push_str("<table style=\"border-collapse:collapse;margin:0 0 4px\"><tbody>");
    let mut fact = |label: &str, v: &str| {
        let _ = write!(
            out,
            "<tr><th style=\"{TH}\">{}</th><td style=\"{TD}\">{}</td></tr>",
            escape(label),
            escape(v)
        );
    };
    for (label, v) in &c.facts {
        fact(label, v);
    }
    if let Some(words) = &c.convention {
        fact("convention", words);
    }
    out.push_str("</tbody></table>");
    if let Some(t) = &c.table {
        out.push_str(&html_table(t));
    }
    if let Some(svg) = &c.svg {
        out.push_str(&svg_img(svg));
    }
    out.push_str("</div>");
    out
}
