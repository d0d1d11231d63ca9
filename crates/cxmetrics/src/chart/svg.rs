//! A tiny SVG writer: the document frame, escaped text, colours through CSS custom
//! properties, and deterministic number formatting. Private to [`crate::chart`].

use std::fmt::Write as _;

/// Width of every chart's `viewBox`, in user units.
pub(super) const WIDTH: f64 = 640.0;
/// Left and right margin of the plot area.
pub(super) const PAD: f64 = 16.0;

/// A colour role: a CSS custom property and its fallback, so a page can restyle every
/// chart and a chart shown as an image (no page CSS) still has colours.
#[derive(Clone, Copy)]
pub(super) enum Colour {
    Detractor,
    Passive,
    Promoter,
    Accent,
    Muted,
    Grid,
    Up,
    Down,
    OnBar,
}

impl Colour {
    fn css(self) -> &'static str {
        match self {
            Colour::Detractor => "var(--cx-detractor,#d64545)",
            Colour::Passive => "var(--cx-passive,#9aa0a6)",
            Colour::Promoter => "var(--cx-promoter,#2e9e5b)",
            Colour::Accent => "var(--cx-accent,#3b6fd4)",
            Colour::Muted => "var(--cx-muted,#9aa0a6)",
            Colour::Grid => "var(--cx-grid,#8c959f)",
            Colour::Up => "var(--cx-up,#2e9e5b)",
            Colour::Down => "var(--cx-down,#d64545)",
            Colour::OnBar => "var(--cx-on-bar,#ffffff)",
        }
    }
}

/// Horizontal text alignment.
#[derive(Clone, Copy)]
pub(super) enum Anchor {
    Start,
    Middle,
    End,
}

/// Text weight and size.
#[derive(Clone, Copy)]
pub(super) enum Font {
    /// 12 px, regular.
    Body,
    /// 11 px, muted (axis labels, notes).
    Small,
    /// 15 px, bold (the headline number).
    Head,
}

/// An SVG document being written.
pub(super) struct Svg {
    out: String,
}

impl Svg {
    /// Starts a `WIDTH × height` chart whose accessible name (`<title>`, `aria-label`)
    /// is `label`: the numbers the chart shows, in words.
    pub(super) fn new(height: f64, label: &str) -> Svg {
        let label = escape(label);
        let mut out = String::with_capacity(4096);
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"100%\" \
             style=\"max-width:{w}px;height:auto;font-family:var(--cx-font,system-ui,sans-serif)\" \
             role=\"img\" aria-label=\"{label}\"><title>{label}</title>\
             <style>svg:root{{color:#1f2328;background:#ffffff}}\
             @media (prefers-color-scheme:dark){{svg:root{{color:#e6edf3;background:#0d1117}}}}</style>",
            w = num(WIDTH),
            h = num(height),
        );
        Svg { out }
    }

    /// A filled rectangle (zero or negative sizes draw nothing).
    pub(super) fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: Colour, opacity: f64) {
        if !(w > 0.0 && h > 0.0) {
            return;
        }
        let _ = write!(
            self.out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" style=\"fill:{}\"{}/>",
            num(x),
            num(y),
            num(w),
            num(h),
            fill.css(),
            opacity_attr("fill-opacity", opacity),
        );
    }

    /// A straight line; `dash` draws it dashed.
    #[allow(clippy::too_many_arguments, reason = "a line is two points and a pen")]
    pub(super) fn line(
        &mut self,
        (x1, y1): (f64, f64),
        (x2, y2): (f64, f64),
        stroke: Colour,
        width: f64,
        opacity: f64,
        dash: bool,
    ) {
        let _ = write!(
            self.out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" style=\"stroke:{}\" stroke-width=\"{}\"{}{}/>",
            num(x1),
            num(y1),
            num(x2),
            num(y2),
            stroke.css(),
            num(width),
            opacity_attr("stroke-opacity", opacity),
            if dash {
                " stroke-dasharray=\"4 3\""
            } else {
                ""
            },
        );
    }

    /// A circle; `hollow` draws the outline only.
    pub(super) fn circle(&mut self, (cx, cy): (f64, f64), r: f64, colour: Colour, hollow: bool) {
        let paint = if hollow {
            format!("fill:none;stroke:{}\" stroke-width=\"1.5", colour.css())
        } else {
            format!("fill:{}", colour.css())
        };
        let _ = write!(
            self.out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" style=\"{paint}\"/>",
            num(cx),
            num(cy),
            num(r),
        );
    }

    /// A polyline through `points` (a stroke) or a closed polygon (a fill).
    pub(super) fn path(&mut self, points: &[(f64, f64)], colour: Colour, closed: bool) {
        if points.len() < 2 {
            return;
        }
        let mut d = String::new();
        for (i, (x, y)) in points.iter().enumerate() {
            let _ = write!(
                d,
                "{}{},{}",
                if i == 0 { "M" } else { "L" },
                num(*x),
                num(*y)
            );
        }
        let paint = if closed {
            d.push('Z');
            format!("fill:{}\" fill-opacity=\"0.18", colour.css())
        } else {
            format!("fill:none;stroke:{}\" stroke-width=\"2", colour.css())
        };
        let _ = write!(self.out, "<path d=\"{d}\" style=\"{paint}\"/>");
    }

    /// Text in the current colour (`currentColor`, so it follows light and dark pages).
    pub(super) fn text(&mut self, (x, y): (f64, f64), anchor: Anchor, font: Font, s: &str) {
        self.text_in(x, y, anchor, font, None, s);
    }

    /// Text in a colour role.
    pub(super) fn text_coloured(
        &mut self,
        (x, y): (f64, f64),
        anchor: Anchor,
        font: Font,
        colour: Colour,
        s: &str,
    ) {
        self.text_in(x, y, anchor, font, Some(colour), s);
    }

    fn text_in(&mut self, x: f64, y: f64, anchor: Anchor, font: Font, c: Option<Colour>, s: &str) {
        let anchor = match anchor {
            Anchor::Start => "",
            Anchor::Middle => " text-anchor=\"middle\"",
            Anchor::End => " text-anchor=\"end\"",
        };
        let font = match font {
            Font::Body => " font-size=\"12\"",
            Font::Small => " font-size=\"11\" fill-opacity=\"0.75\"",
            Font::Head => " font-size=\"15\" font-weight=\"600\"",
        };
        let fill = match c {
            None => "fill=\"currentColor\"".to_owned(),
            Some(c) => format!("style=\"fill:{}\"", c.css()),
        };
        let _ = write!(
            self.out,
            "<text x=\"{}\" y=\"{}\" {fill}{anchor}{font}>{}</text>",
            num(x),
            num(y),
            escape(s),
        );
    }

    /// Closes the document.
    pub(super) fn finish(mut self) -> String {
        self.out.push_str("</svg>");
        self.out
    }
}

fn opacity_attr(name: &str, opacity: f64) -> String {
    if opacity >= 1.0 {
        String::new()
    } else {
        format!(" {name}=\"{}\"", num(opacity))
    }
}

/// Escapes text for XML content and attribute values.
pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Characters XML 1.0 forbids, even escaped, become U+FFFD.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// A coordinate: at most two decimals, no trailing zeros, never `-0`.
pub(super) fn num(x: f64) -> String {
    let x = if x.is_finite() {
        (x * 100.0).round() / 100.0
    } else {
        0.0
    };
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

/// A value for people: one decimal, a true minus sign, never `−0.0`.
pub(super) fn value(x: f64) -> String {
    let s = format!("{x:.1}");
    match s.strip_prefix('-') {
        Some("0.0") => "0.0".to_owned(),
        Some(rest) => format!("\u{2212}{rest}"),
        None => s,
    }
}

/// A share 0…1 as a percentage with one decimal.
pub(super) fn percent(share: f64) -> String {
    format!("{}%", value(share * 100.0))
}

/// A count with thousands separators: `12,345`.
pub(super) fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Shortens `s` to at most `max` characters, ending with `…` when cut.
pub(super) fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// A linear map from a value domain onto a pixel range.
#[derive(Clone, Copy)]
pub(super) struct Axis {
    pub(super) lo: f64,
    pub(super) hi: f64,
    from: f64,
    to: f64,
}

impl Axis {
    pub(super) fn new((lo, hi): (f64, f64), from: f64, to: f64) -> Axis {
        let (lo, hi) = if hi > lo {
            (lo, hi)
        } else {
            (lo - 1.0, lo + 1.0)
        };
        Axis { lo, hi, from, to }
    }

    /// The pixel position of `v`, clamped to the axis.
    pub(super) fn at(self, v: f64) -> f64 {
        let v = v.clamp(self.lo, self.hi);
        self.from + (v - self.lo) / (self.hi - self.lo) * (self.to - self.from)
    }

    /// Up to about six round tick values inside the domain (steps of 1, 2 or 5 × 10ᵏ).
    pub(super) fn ticks(self) -> Vec<f64> {
        let span = self.hi - self.lo;
        let raw = span / 5.0;
        let mag = 10f64.powf(raw.log10().floor());
        let step = [1.0, 2.0, 2.5, 5.0, 10.0]
            .iter()
            .map(|m| m * mag)
            .find(|s| span / s <= 6.0)
            .unwrap_or(10.0 * mag);
        let first = (self.lo / step).ceil();
        let last = (self.hi / step).floor();
        if !(first.is_finite() && last.is_finite()) || last - first > 20.0 {
            return vec![self.lo, self.hi];
        }
        // `first..=last` is at most 21 small integers: the cast is exact.
        #[allow(clippy::cast_possible_truncation, reason = "bounded above")]
        let k = (last - first) as i32;
        (0..=k).map(|i| (first + f64::from(i)) * step).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_never_negative_zero() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.345), "12.35");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(value(-0.04), "0.0");
        assert_eq!(value(-14.25), "\u{2212}14.2"); // round half to even on the binary value
        assert_eq!(percent(0.5), "50.0%");
        assert_eq!(count(1_234_567), "1,234,567");
        assert_eq!(count(999), "999");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("<a&\"b'>\u{1}"),
            "&lt;a&amp;&quot;b&#39;&gt;\u{fffd}"
        );
        assert_eq!(clip("abcdef", 4), "abc…");
        assert_eq!(clip("abc", 4), "abc");
    }

    #[test]
    fn ticks_are_round() {
        assert_eq!(
            Axis::new((-100.0, 100.0), 0.0, 1.0).ticks(),
            [-100.0, -50.0, 0.0, 50.0, 100.0]
        );
        assert_eq!(
            Axis::new((1.0, 5.0), 0.0, 1.0).ticks(),
            [1.0, 2.0, 3.0, 4.0, 5.0]
        );
        assert_eq!(
            Axis::new((0.0, 100.0), 0.0, 1.0).ticks(),
            [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
    }
}
