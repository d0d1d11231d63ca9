//! Labelled answers: text that means a point of a [`Scale`].
//!
//! Customers answer with words, stars, emoji and their own digits. A [`LabelledScale`]
//! is a scale plus the texts that mean its points (`labels`) and the texts that mean
//! "no answer" (`missing`). It reads each distinct text once, and then counts with the
//! numeric kernels, so labelled and numeric answers of one survey give identical
//! tallies.
//!
//! | answer | reads as |
//! |---|---|
//! | a label (after [`normalize`]: NFC, trimmed, whitespace collapsed, case-folded) | its point |
//! | a missing-value text (default [`DEFAULT_MISSING`]), empty or whitespace | missing |
//! | a whole number in ASCII, Arabic-Indic, Persian or Thai digits, alone or leading a label ("10 - Extremely likely", "۹", "๑๐ คะแนน") | that number, validated on the scale |
//! | stars and fractions: "★★★★☆", "★★★★", "****", "4 stars", "4/5", "4 out of 5" | 4 (a written maximum other than the scale's is `out_of_scale`) |
//! | anything else | `unknown_label` with its index (or `invalid` when skipping) |
//!
//! Every plain scale reads numbers, stars and the default missing vocabulary
//! ([`LabelledScale::from`] a [`Scale`]); labels are added with
//! [`Scale::with_labels`]. The presets ([`PRESETS`]) are the common wordings in four
//! languages, faces, thumbs, helpdesk ratings and the NPS choices.
//!
//! ```
//! use cxmetrics::labels::Answer;
//! use cxmetrics::{csat, CsatOptions, LabelledScale, OnInvalid, Scale, Tally};
//! let s = LabelledScale::satisfaction5("en")?;
//! let answers = ["Very satisfied", "satisfied", "4", "★★☆☆☆", "n/a"].map(Answer::Text);
//! let t = s.tally(&answers, None, OnInvalid::Error)?;
//! assert_eq!(t, Tally::from_scores(Scale::ONE_TO_FIVE, &[5.0, 4.0, 4.0, 2.0, f64::NAN])?);
//! assert_eq!(csat(&t, CsatOptions::default())?.score, 75.0);
//! let e = s.tally(&[Answer::Text("great")], None, OnInvalid::Error).unwrap_err();
//! assert_eq!((e.code(), e.index()), ("unknown_label", Some(0)));
//! # Ok::<(), cxmetrics::Error>(())
//! ```

use crate::error::{Error, Result};
use crate::scale::Scale;
use crate::tally::{OnInvalid, Score, Tally};

mod column;
mod presets;
mod text;
mod tokens;

pub use column::TextReader;
pub use presets::{PRESETS, Preset};
pub use text::{Reading, normalize};
pub use tokens::{TokenCount, count_tokens};

/// The texts that mean "no answer" unless a scale says otherwise (compared after
/// [`normalize`]): `""`, `"n/a"`, `"na"`, `"-"`, `"skipped"`, `"prefer not to say"`.
pub const DEFAULT_MISSING: [&str; 6] = ["", "n/a", "na", "-", "skipped", "prefer not to say"];

/// One answer as given: a number, a text, or nothing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Answer<'a> {
    /// No answer (`None`, `null`): missing.
    Missing,
    /// A number, validated like any score (NaN is missing).
    Number(f64),
    /// A text, read by [`LabelledScale::read`].
    Text(&'a str),
}

/// A [`Scale`] with the texts that mean its points and the texts that mean "no answer".
///
/// Built from a scale with [`Scale::with_labels`] (and [`LabelledScale::with_missing`]),
/// from a preset ([`LabelledScale::satisfaction5`], …), or from a plain scale with
/// `LabelledScale::from(scale)` (no labels: numbers, stars and the default missing
/// vocabulary only).
///
/// # Formula
/// ```text
/// read(text) = point p        if normalize(text) is a label of p
///            = missing        if normalize(text) is a missing-value text
///            = n              if normalize(text) is a number or stars (then validated)
///            = unknown_label  otherwise
/// ```
/// A column is tallied by reading each *distinct* text once and counting the codes
/// with the numeric kernels.
///
/// # Edge cases
/// - A label on two points, a label that reads as another point's number (the label
///   "5" on point 4; "10 - Extremely likely" on 10 is fine), a label outside the scale,
///   an empty label, and a label that is also a missing-value text are refused.
/// - Labels that differ only in case, spacing or Unicode composition are one label.
///
/// # Errors
/// `invalid_scale` (naming the label) when built; `unknown_label` (with its index),
/// `out_of_scale`, `not_integer` when tallying.
///
/// # Examples
/// ```
/// use cxmetrics::{LabelledScale, Scale};
/// let s = Scale::new(0, 1)?.with_labels([("Yes", 1), ("No", 0)])?;
/// assert_eq!(s.read("  yes "), cxmetrics::labels::Reading::Value(1.0));
/// let e = Scale::new(1, 5)?.with_labels([("good", 4), ("GOOD", 5)]).unwrap_err();
/// assert_eq!(e.code(), "invalid_scale");
/// # Ok::<(), cxmetrics::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LabelledScale {
    scale: Scale,
    /// The labels as given, in order.
    labels: Vec<(String, i32)>,
    /// The missing-value texts as given.
    missing: Vec<String>,
    /// Normalised label → point, sorted by text (a sorted `Vec`, not a `BTreeMap`,
    /// whose code would weigh on the wasm modules).
    by_text: Vec<(String, i32)>,
    /// Normalised missing-value texts, sorted.
    missing_norm: Vec<String>,
}

impl From<Scale> for LabelledScale {
    fn from(scale: Scale) -> Self {
        LabelledScale {
            scale,
            labels: Vec::new(),
            missing: DEFAULT_MISSING.iter().map(|&s| s.to_owned()).collect(),
            by_text: Vec::new(),
            missing_norm: sorted(DEFAULT_MISSING.iter().map(|&s| s.to_owned()).collect()),
        }
    }
}

impl Scale {
    /// This scale with `labels`: answer texts and the points they mean (the default
    /// missing vocabulary, [`DEFAULT_MISSING`]).
    ///
    /// # Errors
    /// `invalid_scale` naming the label, for a label on two points, one that reads as
    /// another point's number, one outside the scale, an empty one, or one that is a
    /// missing-value text.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::Scale;
    /// let s = Scale::new(0, 1)?.with_labels([("bad", 0), ("good", 1)])?;
    /// assert_eq!(s.labels().len(), 2);
    /// let e = Scale::new(1, 5)?.with_labels([("5", 4)]).unwrap_err();
    /// assert_eq!(e.code(), "invalid_scale");
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn with_labels<S: AsRef<str>>(
        self,
        labels: impl IntoIterator<Item = (S, i64)>,
    ) -> Result<LabelledScale> {
        let labels: Vec<(String, i64)> = labels
            .into_iter()
            .map(|(s, p)| (s.as_ref().to_owned(), p))
            .collect();
        LabelledScale::build(self, labels, None)
    }
}

fn refuse(label: &str, reason: impl Into<String>) -> Error {
    Error::InvalidLabel {
        label: label.chars().take(60).collect(),
        reason: reason.into(),
    }
}

impl LabelledScale {
    fn build(
        scale: Scale,
        labels: Vec<(String, i64)>,
        missing: Option<Vec<String>>,
    ) -> Result<LabelledScale> {
        let missing: Vec<String> =
            missing.unwrap_or_else(|| DEFAULT_MISSING.iter().map(|&s| s.to_owned()).collect());
        let missing_norm = sorted(missing.iter().map(|m| normalize(m)).collect());
        let mut by_text: Vec<(String, i32)> = Vec::new();
        let mut kept = Vec::with_capacity(labels.len());
        for (label, point) in labels {
            let Some(point) = i32::try_from(point).ok().filter(|&p| scale.contains(p)) else {
                return Err(refuse(
                    &label,
                    format!("is on point {point}, outside the scale {scale}"),
                ));
            };
            let key = normalize(&label);
            if key.is_empty() {
                return Err(refuse(&label, "is empty (an empty answer is missing)"));
            }
            if missing_norm.binary_search(&key).is_ok() {
                return Err(refuse(&label, "is also a missing-value text"));
            }
            let at = by_text.binary_search_by(|(k, _)| k.as_str().cmp(&key));
            if let Ok(i) = at
                && by_text[i].1 != point
            {
                let other = by_text[i].1;
                return Err(refuse(
                    &label,
                    format!(
                        "is on two points, {other} and {point} (after normalising case, spaces and Unicode)"
                    ),
                ));
            }
            match text::read_number(&key, scale) {
                Some(Reading::Value(v)) if v != f64::from(point) => {
                    return Err(refuse(
                        &label,
                        format!("reads as the number {v}, not its point {point}"),
                    ));
                }
                Some(Reading::WrongMaximum(m)) => {
                    return Err(refuse(
                        &label,
                        format!(
                            "reads as a score out of {m}, not of the scale's maximum {}",
                            scale.max()
                        ),
                    ));
                }
                _ => {}
            }
            if let Err(i) = at {
                by_text.insert(i, (key, point));
            }
            kept.push((label, point));
        }
        for m in &missing {
            let key = normalize(m);
            if let Some(Reading::Value(v)) = text::read_number(&key, scale)
                && v.fract() == 0.0
                && scale.contains(v as i32)
            {
                return Err(refuse(
                    m,
                    format!("is a missing-value text that reads as the point {v}"),
                ));
            }
        }
        Ok(LabelledScale {
            scale,
            labels: kept,
            missing,
            by_text,
            missing_norm,
        })
    }

    /// This labelled scale with `missing` as its missing-value texts (replacing the
    /// default vocabulary; empty and whitespace-only answers are always missing).
    ///
    /// # Errors
    /// `invalid_scale` naming the text, when it is also a label or reads as a point.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::{labels::Reading, Scale};
    /// let s = Scale::new(0, 1)?.with_labels([("good", 1), ("bad", 0)])?.with_missing(["offered"])?;
    /// assert_eq!(s.read("Offered"), Reading::Missing);
    /// assert_eq!(s.read("n/a"), Reading::Unknown);
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn with_missing<S: AsRef<str>>(
        self,
        missing: impl IntoIterator<Item = S>,
    ) -> Result<LabelledScale> {
        let missing = missing.into_iter().map(|s| s.as_ref().to_owned()).collect();
        let labels = self
            .labels
            .into_iter()
            .map(|(s, p)| (s, i64::from(p)))
            .collect();
        LabelledScale::build(self.scale, labels, Some(missing))
    }

    /// The preset named `name` (a [`Preset::name`]) in `lang` (`None` for the
    /// language-free presets).
    ///
    /// # Errors
    /// `invalid_argument` (`lang`) for a language the preset does not have.
    pub fn preset(name: &str, lang: Option<&str>) -> Result<LabelledScale> {
        let found = PRESETS.iter().find(|p| p.name == name && p.lang == lang);
        let Some(p) = found else {
            let langs: Vec<&str> = PRESETS
                .iter()
                .filter(|p| p.name == name)
                .filter_map(|p| p.lang)
                .collect();
            return Err(Error::invalid_argument(
                "lang",
                format!(
                    "{name} has no wording in \"{}\"; the languages are {}",
                    lang.unwrap_or(""),
                    langs.join(", ")
                ),
            ));
        };
        let scale = Scale::new(i64::from(p.min), i64::from(p.max))?;
        let labels = p
            .labels
            .iter()
            .map(|&(s, v)| (s.to_owned(), i64::from(v)))
            .collect();
        let missing = DEFAULT_MISSING
            .iter()
            .chain(p.missing)
            .map(|&s| s.to_owned())
            .collect();
        LabelledScale::build(scale, labels, Some(missing))
    }

    /// 1–5 satisfaction ("Very dissatisfied" … "Very satisfied") in `lang`: `"en"`,
    /// `"vi"`, `"th"` or `"fa"` (wording: [`PRESETS`], docs/labels.md).
    ///
    /// # Errors
    /// `invalid_argument` for another language.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::{labels::Reading, LabelledScale};
    /// let s = LabelledScale::satisfaction5("vi")?;
    /// assert_eq!(s.read("Rất hài lòng"), Reading::Value(5.0));
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn satisfaction5(lang: &str) -> Result<LabelledScale> {
        LabelledScale::preset("satisfaction5", Some(lang))
    }

    /// 1–5 agreement ("Strongly disagree" … "Strongly agree", the CES statement's
    /// scale) in `lang`: `"en"`, `"vi"`, `"th"` or `"fa"`.
    ///
    /// # Errors
    /// `invalid_argument` for another language.
    pub fn agreement5(lang: &str) -> Result<LabelledScale> {
        LabelledScale::preset("agreement5", Some(lang))
    }

    /// 1–5 faces: 😠 🙁 😐 🙂 😍 and common variants.
    pub fn faces5() -> LabelledScale {
        LabelledScale::preset("faces5", None).unwrap_or_else(|_| Scale::ONE_TO_FIVE.into())
    }

    /// Binary thumbs: 👎 → 0, 👍 → 1.
    pub fn thumbs() -> LabelledScale {
        LabelledScale::preset("thumbs", None).unwrap_or_else(|_| Scale::BINARY.into())
    }

    /// Binary helpdesk ratings: "bad" → 0, "good" → 1; "offered" (asked, not answered)
    /// and "unoffered" (never asked) are missing.
    pub fn helpdesk_rating() -> LabelledScale {
        LabelledScale::preset("helpdesk_rating", None).unwrap_or_else(|_| Scale::BINARY.into())
    }

    /// 0–10 with the survey tools' end labels ("0 - Not at all likely", "10 -
    /// Extremely likely") and the plain numbers.
    pub fn nps_choices() -> LabelledScale {
        LabelledScale::preset("nps_choices", None).unwrap_or_else(|_| Scale::NPS.into())
    }

    /// The numeric scale.
    pub fn scale(&self) -> Scale {
        self.scale
    }

    /// The labels as given, in order.
    pub fn labels(&self) -> &[(String, i32)] {
        &self.labels
    }

    /// The missing-value texts as given.
    pub fn missing(&self) -> &[String] {
        &self.missing
    }

    /// What `text` means on this scale (see the table in the [module docs](self)).
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::{labels::Reading, LabelledScale, Scale};
    /// let s = LabelledScale::from(Scale::ONE_TO_FIVE);
    /// assert_eq!(s.read("4 out of 5"), Reading::Value(4.0));
    /// assert_eq!(s.read("4/10"), Reading::WrongMaximum(10.0));
    /// assert_eq!(s.read(" "), Reading::Missing);
    /// assert_eq!(s.read("great"), Reading::Unknown);
    /// ```
    pub fn read(&self, text: &str) -> Reading {
        let key = normalize(text);
        if key.is_empty() || self.missing_norm.binary_search(&key).is_ok() {
            return Reading::Missing;
        }
        if let Ok(i) = self.by_text.binary_search_by(|(k, _)| k.as_str().cmp(&key)) {
            return Reading::Value(f64::from(self.by_text[i].1));
        }
        text::read_number(&key, self.scale).unwrap_or(Reading::Unknown)
    }

    fn read_answer(&self, a: Answer<'_>) -> Reading {
        match a {
            Answer::Missing => Reading::Missing,
            Answer::Number(x) if x.is_nan() => Reading::Missing,
            Answer::Number(x) => Reading::Value(x),
            Answer::Text(t) => self.read(t),
        }
    }

    /// Tallies `answers` (one pass; for long columns of few distinct texts, hand them
    /// dictionary-encoded to [`LabelledScale::tally_codes`], which reads each once).
    ///
    /// # Errors
    /// With [`OnInvalid::Error`], the first invalid answer by index: `unknown_label`,
    /// `out_of_scale` (a number off the scale, or a written maximum that is not the
    /// scale's, naming that maximum), `not_integer`, `not_finite`; `invalid_weight`,
    /// `length_mismatch` as [`Tally::from_scores_with`].
    pub fn tally(
        &self,
        answers: &[Answer<'_>],
        weights: Option<&[f64]>,
        on_invalid: OnInvalid,
    ) -> Result<Tally> {
        let values = self.values(answers, on_invalid)?;
        Tally::from_scores_with(self.scale, &values, weights, on_invalid)
    }

    /// The answers as scores for the numeric functions (missing → NaN, an invalid
    /// answer under [`OnInvalid::Skip`] → +∞, which every tally counts as invalid).
    ///
    /// # Errors
    /// With [`OnInvalid::Error`]: the first invalid answer, as [`LabelledScale::tally`].
    pub fn values(&self, answers: &[Answer<'_>], on_invalid: OnInvalid) -> Result<Vec<f64>> {
        let mut out = Vec::with_capacity(answers.len());
        let mut first_bad = None;
        for (i, &a) in answers.iter().enumerate() {
            let v = Self::value_of(self.read_answer(a));
            if v == BAD && first_bad.is_none() && a != Answer::Number(BAD) {
                first_bad = Some(i);
                if on_invalid == OnInvalid::Error {
                    break;
                }
            }
            out.push(v);
        }
        if let (Some(i), OnInvalid::Error) = (first_bad, on_invalid) {
            return Err(self.error_at(&out, i, answers[i]));
        }
        Ok(out)
    }

    /// Tallies a dictionary-encoded column: `categories` read once each, `codes` the
    /// category of each row (−1: missing), counted with the numeric kernels
    /// (a pandas categorical, an Arrow dictionary array, a polars Categorical).
    ///
    /// # Errors
    /// As [`LabelledScale::tally`], indexed by row; `invalid_argument` for a code past
    /// the categories.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::labels::Answer;
    /// use cxmetrics::{LabelledScale, OnInvalid};
    /// let s = LabelledScale::thumbs();
    /// let t = s.tally_codes(&[Answer::Text("👍"), Answer::Text("👎")], &[0i8, 0, 1, -1], None, OnInvalid::Error)?;
    /// assert_eq!((t.counts(), t.missing()), (&[1, 2][..], 1));
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn tally_codes<C: Score + Into<i64>>(
        &self,
        categories: &[Answer<'_>],
        codes: &[C],
        weights: Option<&[f64]>,
        on_invalid: OnInvalid,
    ) -> Result<Tally> {
        let per: Vec<f64> = categories
            .iter()
            .map(|&a| Self::value_of(self.read_answer(a)))
            .collect();
        let k = per.len();
        if k == 0 || weights.is_some() {
            let values = self.code_values(categories, &per, codes, on_invalid)?;
            return Tally::from_scores_with(self.scale, &values, weights, on_invalid);
        }
        // count the codes (−1 = missing, as a point) with the numeric kernels (or, past
        // the kernels' largest scale, one by one), then fold the count of each category
        // into the point it reads as
        let by_code: Vec<u64>;
        let c: &[u64] = if k < crate::scale::MAX_POINTS as usize {
            let code_scale = Scale::new(-1, k as i64 - 1)?;
            let code_tally = Tally::from_scores_with(code_scale, codes, None, OnInvalid::Skip)?;
            if code_tally.invalid() > 0 {
                return Err(Self::bad_code(codes, k));
            }
            by_code = code_tally.counts().to_vec();
            &by_code
        } else {
            let mut n = vec![0u64; k + 1];
            for &code in codes {
                let code: i64 = code.into();
                match code
                    .checked_add(1)
                    .and_then(|j| usize::try_from(j).ok())
                    .and_then(|j| n.get_mut(j))
                {
                    Some(m) => *m += 1,
                    None => return Err(Self::bad_code(codes, k)),
                }
            }
            by_code = n;
            &by_code
        };
        let p = self.scale.points();
        let mut counts = vec![0u64; p];
        let (mut missing, mut invalid) = (c[0], 0u64);
        let mut first_bad = None;
        for (j, &v) in per.iter().enumerate() {
            let n = c.get(j + 1).copied().unwrap_or(0);
            if n == 0 {
                continue;
            }
            if v.is_nan() {
                missing += n;
            } else if v.fract() == 0.0
                && v >= f64::from(self.scale.min())
                && v <= f64::from(self.scale.max())
            {
                counts[(v - f64::from(self.scale.min())) as usize] += n;
            } else {
                invalid += n;
                first_bad.get_or_insert(j);
            }
        }
        if first_bad.is_some() && on_invalid == OnInvalid::Error {
            // the first row of an invalid category names the error
            let values = self.code_values(categories, &per, codes, OnInvalid::Error)?;
            return Tally::from_scores(self.scale, &values);
        }
        Ok(Tally::from_bins(self.scale, &counts, missing, invalid))
    }

    /// A dictionary-encoded column as scores (see [`LabelledScale::values`]).
    ///
    /// # Errors
    /// As [`LabelledScale::values`]; `invalid_argument` for a code past the categories.
    pub fn values_codes<C: Score + Into<i64>>(
        &self,
        categories: &[Answer<'_>],
        codes: &[C],
        on_invalid: OnInvalid,
    ) -> Result<Vec<f64>> {
        let per: Vec<f64> = categories
            .iter()
            .map(|&a| Self::value_of(self.read_answer(a)))
            .collect();
        self.code_values(categories, &per, codes, on_invalid)
    }

    fn code_values<C: Score + Into<i64>>(
        &self,
        categories: &[Answer<'_>],
        per: &[f64],
        codes: &[C],
        on_invalid: OnInvalid,
    ) -> Result<Vec<f64>> {
        let mut out = Vec::with_capacity(codes.len());
        for (i, &code) in codes.iter().enumerate() {
            let code: i64 = code.into();
            let v = if code == -1 {
                f64::NAN
            } else {
                match usize::try_from(code).ok().and_then(|c| per.get(c)) {
                    Some(&v) => v,
                    None => return Err(Self::bad_code(codes, per.len())),
                }
            };
            if v == BAD
                && on_invalid == OnInvalid::Error
                && categories[code as usize] != Answer::Number(BAD)
            {
                return Err(self.error_at(&out, i, categories[code as usize]));
            }
            out.push(v);
        }
        Ok(out)
    }

    fn bad_code<C: Score + Into<i64>>(codes: &[C], k: usize) -> Error {
        let i = codes
            .iter()
            .position(|&c| {
                let c: i64 = c.into();
                c < -1 || usize::try_from(c).is_ok_and(|c| c >= k)
            })
            .unwrap_or(0);
        Error::invalid_argument_at(
            "codes",
            format!("code at index {i} is not -1 (missing) or one of the {k} categories"),
            i,
        )
    }

    /// The score a reading stands for: its value, NaN (missing) or [`BAD`].
    fn value_of(r: Reading) -> f64 {
        match r {
            Reading::Value(v) => v,
            Reading::Missing => f64::NAN,
            Reading::WrongMaximum(_) | Reading::Unknown => BAD,
        }
    }

    /// The error of the invalid answer `a` at `index`, unless an earlier score (in
    /// `before`) is invalid: then that one's.
    fn error_at(&self, before: &[f64], index: usize, a: Answer<'_>) -> Error {
        if let Err(e) = Tally::from_scores(self.scale, &before[..index.min(before.len())]) {
            return e;
        }
        match a {
            Answer::Text(t) => match self.read(t) {
                Reading::WrongMaximum(m) => Error::OutOfScale {
                    index,
                    value: m,
                    min: self.scale.min(),
                    max: self.scale.max(),
                },
                _ => Error::UnknownLabel {
                    index,
                    text: t.chars().take(40).collect(),
                },
            },
            _ => Error::UnknownLabel {
                index,
                text: String::new(),
            },
        }
    }
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort_unstable();
    v.dedup();
    v
}

/// The score an invalid text stands for in a column handed to the numeric kernels
/// (counted `invalid` when skipping).
const BAD: f64 = f64::INFINITY;
