//! Text answers: normalisation, and numbers and stars written as text.

use crate::scale::Scale;

/// What one text answer means on a scale.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reading {
    /// A number: a label's point, or a number or stars written as text. It is validated
    /// against the scale like any numeric score (a number off the scale is
    /// `out_of_scale`, a fraction `not_integer`).
    Value(f64),
    /// No answer: empty, whitespace only, or one of the scale's missing-value texts.
    Missing,
    /// A written maximum that is not the scale's ("4/10" on 1–5): `out_of_scale`,
    /// naming the written maximum.
    WrongMaximum(f64),
    /// Not a label, a missing-value text, a number or stars: `unknown_label`.
    Unknown,
}

/// The text matching is done on: Unicode NFC, trimmed, every run of whitespace one
/// space, case-folded, Arabic yeh and kaf read as Persian; emoji variation selectors (U+FE0E, U+FE0F) and skin-tone
/// modifiers (U+1F3FB–U+1F3FF) removed, so "👍🏽" and "👍" are one answer.
///
/// The Arabic letters yeh (`ي`, U+064A), alef maksura (`ى`, U+0649) and kaf (`ك`,
/// U+0643) read as the Persian yeh (`ی`, U+06CC) and keheh (`ک`, U+06A9): Persian
/// answers typed on an Arabic keyboard layout match the Persian labels (the folding
/// Persian text normalisers apply; no label set tells these letters apart).
///
/// Case folding is Unicode's lower-case mapping of each character, plus the full
/// folds `ß`, `ẞ` → `ss` and `ς` → `σ` (Python's `str.casefold` agrees on every
/// character of the presets and of the common Latin, Greek, Cyrillic, Vietnamese, Thai
/// and Persian alphabets; it differs on a few ligatures and Cherokee letters).
///
/// NFC and the Unicode lower-case mapping need the `unicode` feature (on by default);
/// without it the text is taken as already NFC and only ASCII letters are lower-cased
/// (the JS binding normalises with `String.prototype.normalize("NFC")` and
/// `toLowerCase()` first, which keeps those tables out of the wasm modules).
///
/// # Examples
/// ```
/// use cxmetrics::labels::normalize;
/// assert_eq!(normalize("  Very\tSATISFIED "), "very satisfied");
/// assert_eq!(normalize("Straße"), "strasse");
/// assert_eq!(normalize("👍🏽"), "👍");
/// // "خیلی راضی" typed with the Arabic yeh
/// assert_eq!(normalize("خيلي راضي"), normalize("خیلی راضی"));
/// // "Hài lòng" typed with a combining grave accent is the same label
/// assert_eq!(normalize("Ha\u{300}i lo\u{300}ng"), normalize("Hài lòng"));
/// ```
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in nfc(text) {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if matches!(c, '\u{FE0E}' | '\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}') {
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match c {
            'ß' | 'ẞ' => out.push_str("ss"),
            'ς' => out.push('σ'),
            // Persian typed on an Arabic keyboard: Arabic yeh and alef maksura, Arabic kaf
            '\u{64A}' | '\u{649}' => out.push('\u{6CC}'),
            '\u{643}' => out.push('\u{6A9}'),
            c => lower(c, &mut out),
        }
    }
    out
}

#[cfg(feature = "unicode")]
fn lower(c: char, out: &mut String) {
    out.extend(c.to_lowercase());
}

#[cfg(not(feature = "unicode"))]
fn lower(c: char, out: &mut String) {
    out.push(c.to_ascii_lowercase());
}

#[cfg(feature = "unicode")]
fn nfc(text: &str) -> impl Iterator<Item = char> + '_ {
    unicode_normalization::UnicodeNormalization::nfc(text)
}

#[cfg(not(feature = "unicode"))]
fn nfc(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
}

/// The value of a decimal digit in ASCII, Arabic-Indic (`٠–٩`), Persian (`۰–۹`) or
/// Thai (`๐–๙`).
pub(crate) fn digit(c: char) -> Option<u32> {
    let zero = match c {
        '0'..='9' => '0',
        '\u{660}'..='\u{669}' => '\u{660}',
        '\u{6F0}'..='\u{6F9}' => '\u{6F0}',
        '\u{E50}'..='\u{E59}' => '\u{E50}',
        _ => return None,
    };
    Some(c as u32 - zero as u32)
}

/// A run of digits at the start of `s`: its value (saturating far beyond any scale)
/// and the rest.
fn digits(s: &str) -> Option<(f64, &str)> {
    let mut value = 0.0f64;
    let mut end = 0;
    for (i, c) in s.char_indices() {
        match digit(c) {
            Some(d) => {
                value = (value * 10.0 + f64::from(d)).min(1e18);
                end = i + c.len_utf8();
            }
            None => break,
        }
    }
    (end > 0).then(|| (value, &s[end..]))
}

/// Reads a normalised answer as a number or stars on `scale` (see [`Reading`]); `None`
/// when it is neither.
///
/// - A whole number in ASCII, Arabic-Indic, Persian or Thai digits, optionally signed
///   (`-`, `+`, `−`), alone or leading a label: "10 - extremely likely", "๑๐ คะแนน",
///   "4 stars". Nothing after it may contain a digit ("3-5", "4 5" are not numbers),
///   and the character right after it must be whitespace or punctuation ("4th", "4,5"
///   are not numbers).
/// - A decimal fraction alone ("4.5") is that number (then `not_integer`).
/// - "4/5", "4 / 5", "4 out of 5": 4 when 5 is the scale's maximum, else
///   [`Reading::WrongMaximum`].
/// - Stars: "★★★★☆" (4 when the total of ★ and ☆ is the scale's maximum, else
///   `WrongMaximum`), "★★★★", "****", "⭐⭐⭐⭐": the number of filled stars.
pub(crate) fn read_number(t: &str, scale: Scale) -> Option<Reading> {
    if let Some(r) = read_stars(t, scale) {
        return Some(r);
    }
    let (negative, body) = match t.chars().next()? {
        '-' | '−' => (true, &t[t.chars().next()?.len_utf8()..]),
        '+' => (false, &t[1..]),
        _ => (false, t),
    };
    let (mut value, mut rest) = digits(body)?;
    if let Some(frac) = rest.strip_prefix('.')
        && let Some((_, after)) = digits(frac)
    {
        if !after.is_empty() {
            return None;
        }
        value = with_fraction(value, frac);
        rest = "";
    }
    if negative {
        value = -value;
    }
    // a written maximum: "4/5", "4 / 5", "4 out of 5"
    let trimmed = rest.trim_start();
    let over = trimmed
        .strip_prefix('/')
        .or_else(|| trimmed.strip_prefix("out of "))
        .map(str::trim_start);
    if let Some(over) = over {
        let (max, after) = digits(over)?;
        if !ends_number(after.chars().next()) || after.chars().any(|c| digit(c).is_some()) {
            return None;
        }
        return Some(if max == f64::from(scale.max()) {
            Reading::Value(value)
        } else {
            Reading::WrongMaximum(max)
        });
    }
    if !ends_number(rest.chars().next()) || rest.chars().any(|c| digit(c).is_some()) {
        return None;
    }
    Some(Reading::Value(value))
}

/// `whole` plus the decimal fraction written in `frac` (digits only), e.g. 4 and "5" →
/// 4.5. Only used to name a fractional answer (`not_integer`); no float parsing, whose
/// code would weigh on the wasm modules.
fn with_fraction(whole: f64, frac: &str) -> f64 {
    let (mut num, mut den) = (0.0f64, 1.0f64);
    for d in frac.chars().filter_map(digit).take(15) {
        num = num * 10.0 + f64::from(d);
        den *= 10.0;
    }
    whole + num / den
}

/// Whether `c` may directly follow a number ("4 stars", "10 - likely", "4)"): the end,
/// whitespace or punctuation, never a letter or digit ("4th", "4,5"). A small fixed set,
/// so no Unicode property tables are needed.
fn ends_number(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || (c.is_ascii_punctuation() && c != ',')
                || matches!(
                    c,
                    '–' | '—' | '·' | '•' | '★' | '☆' | '⭐' | '。' | '、' | '،'
                )
        }
    }
}

fn read_stars(t: &str, scale: Scale) -> Option<Reading> {
    let (mut filled, mut empty) = (0u32, 0u32);
    for c in t.chars() {
        match c {
            '★' | '*' | '⭐' => filled += 1,
            '☆' => empty += 1,
            ' ' => {}
            _ => return None,
        }
    }
    if filled + empty == 0 {
        return None;
    }
    if empty > 0 && i64::from(filled + empty) != i64::from(scale.max()) {
        return Some(Reading::WrongMaximum(f64::from(filled + empty)));
    }
    Some(Reading::Value(f64::from(filled)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(t: &str) -> Option<Reading> {
        read_number(&normalize(t), Scale::ONE_TO_FIVE)
    }

    #[test]
    fn numbers_in_four_scripts() {
        assert_eq!(read("4"), Some(Reading::Value(4.0)));
        assert_eq!(read(" ۴ "), Some(Reading::Value(4.0)));
        assert_eq!(read("٤"), Some(Reading::Value(4.0)));
        assert_eq!(read("๔ คะแนน"), Some(Reading::Value(4.0)));
        assert_eq!(read("๑๐"), Some(Reading::Value(10.0)));
        assert_eq!(read("10 - Extremely likely"), Some(Reading::Value(10.0)));
        assert_eq!(read("-2"), Some(Reading::Value(-2.0)));
        assert_eq!(read("4.5"), Some(Reading::Value(4.5)));
    }

    #[test]
    fn stars_and_maximums() {
        assert_eq!(read("★★★★☆"), Some(Reading::Value(4.0)));
        assert_eq!(read("★★★★"), Some(Reading::Value(4.0)));
        assert_eq!(read("****"), Some(Reading::Value(4.0)));
        assert_eq!(read("4 stars"), Some(Reading::Value(4.0)));
        assert_eq!(read("4/5"), Some(Reading::Value(4.0)));
        assert_eq!(read("4 out of 5"), Some(Reading::Value(4.0)));
        assert_eq!(read("4/10"), Some(Reading::WrongMaximum(10.0)));
        assert_eq!(read("★★☆"), Some(Reading::WrongMaximum(3.0)));
    }

    #[test]
    fn not_numbers() {
        for t in [
            "3-5",
            "4 5",
            "4th",
            "satisfied",
            "4.5.1",
            "",
            "-",
            "4/5/6",
            "4,5",
        ] {
            assert_eq!(read(t), None, "{t:?}");
        }
    }
}
