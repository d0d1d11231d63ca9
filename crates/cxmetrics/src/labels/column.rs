//! Columns of text answers, one row at a time: each distinct text (by its bytes) is
//! read once, every other row is a lookup.

use std::borrow::Cow;
use std::collections::HashMap;

use super::{Answer, LabelledScale, Reading};
use crate::error::{Error, Result};
use crate::tally::{Classified, OnInvalid, Score, Tally};

/// Slots of the direct-mapped cache (a power of two).
const WAYS: usize = 64;

/// A text as the cache compares it: its length and three (overlapping) eight-byte
/// words — the first, the middle and the last eight bytes. For texts of 8 to 24 bytes
/// the words cover the whole text, and for shorter ones two overlapping four-byte words
/// do, so the key *is* the text; longer texts are also compared in full. Three loads
/// and no length-dependent loop keep the hot path free of mispredicted branches.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Key {
    len: usize,
    head: u64,
    mid: u64,
    tail: u64,
}

/// The longest text the key holds exactly.
const EXACT: usize = 24;

impl Key {
    #[inline]
    fn of(b: &[u8]) -> Key {
        let len = b.len();
        if len >= 8 {
            let m = len / 2 - 4;
            Key {
                len,
                head: word(&b[..8]),
                mid: word(&b[m..m + 8]),
                tail: word(&b[len - 8..]),
            }
        } else if len >= 4 {
            Key {
                len,
                head: u64::from(half(&b[..4])),
                mid: 0,
                tail: u64::from(half(&b[len - 4..])),
            }
        } else {
            let mut w = [0u8; 4];
            w[..len].copy_from_slice(b);
            Key {
                len,
                head: u64::from(u32::from_le_bytes(w)),
                mid: 0,
                tail: 0,
            }
        }
    }

    #[inline]
    fn way(self) -> usize {
        let h =
            (self.head ^ self.tail.rotate_left(29) ^ self.mid.rotate_left(13) ^ (self.len as u64))
                .wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> 58) as usize & (WAYS - 1)
    }
}

#[inline]
fn half(b: &[u8]) -> u32 {
    let mut w = [0u8; 4];
    w.copy_from_slice(b);
    u32::from_le_bytes(w)
}

/// How a score relates to the scale (the numeric kernels' rule).
fn classify<T: Score>(x: T, scale: crate::scale::Scale) -> Classified {
    x.classify(scale)
}

#[inline]
fn word(b: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(b);
    u64::from_le_bytes(w)
}

/// Reads a column of answers row by row on a [`LabelledScale`], into a [`Tally`]
/// ([`TextReader::count`]) or into scores ([`TextReader::score`]).
///
/// Each distinct text is normalised and read ([`LabelledScale::read`]) once, on its
/// first row; later rows with the same bytes are a lookup in a small direct-mapped
/// cache (keyed on the length and the first, middle and last eight bytes, which hold
/// a text of up to 24 bytes exactly; a longer one is also compared in full), backed by a hash map. The texts are borrowed
/// for the reader's lifetime `'a` (a Python `str`'s UTF-8, an Arrow string buffer), so
/// nothing is copied.
///
/// # Behaviour
/// The readings are those of [`LabelledScale::read`] (a label's point, missing, a number
/// or stars written as text validated on the scale, `unknown_label`); numbers and
/// missing rows can be mixed in ([`TextReader::number`], [`TextReader::missing`]).
/// Rows are indexed from 0 in the order they are given (or from the start set with
/// [`TextReader::starting_at`]).
///
/// # Errors
/// With [`OnInvalid::Error`] each method returns the error of an invalid row at once:
/// `unknown_label`, `out_of_scale` (also for a written maximum that is not the
/// scale's, naming it), `not_integer`, `not_finite`, with the row's index. With
/// [`OnInvalid::Skip`] invalid rows are counted `invalid` (scores: +∞).
///
/// # Examples
/// ```
/// use cxmetrics::labels::TextReader;
/// use cxmetrics::{LabelledScale, OnInvalid, Scale, Tally};
/// let s = LabelledScale::satisfaction5("en")?;
/// let mut r = TextReader::new(&s, OnInvalid::Error);
/// for t in ["Satisfied", "satisfied ", "Very satisfied", "n/a", "2"] {
///     r.count(t)?;
/// }
/// r.number(1.0)?;
/// assert_eq!(r.finish(), Tally::from_scores(Scale::ONE_TO_FIVE, &[4.0, 4.0, 5.0, f64::NAN, 2.0, 1.0])?);
///
/// let mut r = TextReader::new(&s, OnInvalid::Error);
/// r.count("Satisfied")?;
/// let e = r.count("great").unwrap_err();
/// assert_eq!((e.code(), e.index()), ("unknown_label", Some(1)));
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub struct TextReader<'s, 'a> {
    scale: &'s LabelledScale,
    on_invalid: OnInvalid,
    /// The direct-mapped cache: a text and its slot.
    ways: [Option<(Key, &'a [u8], u8)>; WAYS],
    /// Every text read so far and its slot.
    seen: HashMap<&'a [u8], u8, foldhash::fast::FixedState>,
    /// Rows per slot: the points, then missing, then invalid.
    counts: Vec<u64>,
    /// The index of the next row.
    row: usize,
}

impl<'s, 'a> TextReader<'s, 'a> {
    /// A reader of rows on `scale`, counting from row 0.
    pub fn new(scale: &'s LabelledScale, on_invalid: OnInvalid) -> Self {
        TextReader {
            scale,
            on_invalid,
            ways: [None; WAYS],
            seen: HashMap::default(),
            counts: vec![0; scale.scale().points() + 2],
            row: 0,
        }
    }

    /// This reader with its next row numbered `row` (for a column read in parts).
    #[must_use]
    pub fn starting_at(mut self, row: usize) -> Self {
        self.row = row;
        self
    }

    /// The index of the next row.
    pub fn row(&self) -> usize {
        self.row
    }

    fn missing_slot(&self) -> u8 {
        // ≤ MAX_POINTS (101) points: every slot fits a byte
        #[allow(clippy::cast_possible_truncation)]
        let p = self.scale.scale().points() as u8;
        p
    }

    /// The slot of a reading: the point's index, missing, or invalid.
    fn slot_of(&self, r: Reading) -> u8 {
        let miss = self.missing_slot();
        match r {
            Reading::Missing => miss,
            Reading::Value(v) => match classify(v, self.scale.scale()) {
                #[allow(clippy::cast_possible_truncation)]
                Classified::Point(k) => k as u8,
                Classified::Missing => miss,
                _ => miss + 1,
            },
            Reading::WrongMaximum(_) | Reading::Unknown => miss + 1,
        }
    }

    /// The slot of the text keyed `key`, reading it (`text()`) on a cache miss.
    #[inline]
    fn slot<F: Fn() -> Cow<'a, str>>(&mut self, key: &'a [u8], text: &F) -> u8 {
        let k = Key::of(key);
        let way = k.way();
        if let Some((wk, t, slot)) = self.ways[way]
            && wk == k
            && (key.len() <= EXACT || t == key)
        {
            return slot;
        }
        self.miss(key, text, k, way)
    }

    #[cold]
    fn miss<F: Fn() -> Cow<'a, str>>(&mut self, b: &'a [u8], text: &F, key: Key, way: usize) -> u8 {
        let slot = if let Some(&s) = self.seen.get(b) {
            s
        } else {
            let s = self.slot_of(self.scale.read(&text()));
            self.seen.insert(b, s);
            s
        };
        self.ways[way] = Some((key, b, slot));
        slot
    }

    /// Counts the text answer `text` as the next row.
    ///
    /// # Errors
    /// With [`OnInvalid::Error`], an invalid answer's error (see the type's docs).
    #[inline]
    pub fn count(&mut self, text: &'a str) -> Result<()> {
        self.count_keyed(text.as_bytes(), || Cow::Borrowed(text))
    }

    /// Counts the answer identified by the bytes `key` as the next row; `text()` gives
    /// its text, called only when `key` is new (and for an error). For columns stored in
    /// another encoding than UTF-8 (numpy's fixed-width UCS-4 or byte strings): the key
    /// is a row's raw bytes, decoded only once per distinct value. One key must always
    /// stand for one text within a reader.
    ///
    /// # Errors
    /// As [`TextReader::count`].
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::labels::TextReader;
    /// use cxmetrics::{LabelledScale, OnInvalid};
    /// let s = LabelledScale::thumbs();
    /// // "👍" as UTF-32 (little-endian) code units
    /// let up = 0x1F44Du32.to_le_bytes();
    /// let decode = |b: &[u8]| char::from_u32(u32::from_le_bytes([b[0], b[1], b[2], b[3]])).unwrap().to_string();
    /// let mut r = TextReader::new(&s, OnInvalid::Error);
    /// for _ in 0..3 {
    ///     r.count_keyed(&up, || decode(&up).into())?;
    /// }
    /// assert_eq!(r.finish().counts(), &[0, 3]);
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    #[inline]
    pub fn count_keyed<F: Fn() -> Cow<'a, str>>(&mut self, key: &'a [u8], text: F) -> Result<()> {
        let slot = self.slot(key, &text);
        if usize::from(slot) > usize::from(self.missing_slot())
            && self.on_invalid == OnInvalid::Error
        {
            return Err(self.scale.text_error(self.row, &text()));
        }
        self.counts[usize::from(slot)] += 1;
        self.row += 1;
        Ok(())
    }

    /// Counts `n` missing rows (`None`, null).
    pub fn missing(&mut self, n: usize) {
        let m = usize::from(self.missing_slot());
        self.counts[m] += n as u64;
        self.row += n;
    }

    /// Counts the numeric answer `x` as the next row (NaN: missing).
    ///
    /// # Errors
    /// With [`OnInvalid::Error`]: `out_of_scale`, `not_integer`, `not_finite`.
    pub fn number(&mut self, x: f64) -> Result<()> {
        let scale = self.scale.scale();
        let slot = match classify(x, scale) {
            Classified::Point(k) => k,
            Classified::Missing => scale.points(),
            bad => {
                if self.on_invalid == OnInvalid::Error {
                    return Err(bad.into_error(self.row, scale));
                }
                scale.points() + 1
            }
        };
        self.counts[slot] += 1;
        self.row += 1;
        Ok(())
    }

    /// The score of the text answer `text` as the next row: its point, NaN when
    /// missing, +∞ when invalid under [`OnInvalid::Skip`] (which every tally counts
    /// as invalid).
    ///
    /// # Errors
    /// With [`OnInvalid::Error`], an invalid answer's error.
    #[inline]
    pub fn score(&mut self, text: &'a str) -> Result<f64> {
        self.score_keyed(text.as_bytes(), || Cow::Borrowed(text))
    }

    /// The score of the answer keyed `key` (see [`TextReader::count_keyed`]) as the
    /// next row.
    ///
    /// # Errors
    /// As [`TextReader::score`].
    #[inline]
    pub fn score_keyed<F: Fn() -> Cow<'a, str>>(&mut self, key: &'a [u8], text: F) -> Result<f64> {
        let slot = self.slot(key, &text);
        let miss = self.missing_slot();
        let v = if slot < miss {
            f64::from(self.scale.scale().min()) + f64::from(slot)
        } else if slot == miss {
            f64::NAN
        } else if self.on_invalid == OnInvalid::Error {
            return Err(self.scale.text_error(self.row, &text()));
        } else {
            f64::INFINITY
        };
        self.row += 1;
        Ok(v)
    }

    /// The tally of the rows counted.
    pub fn finish(self) -> Tally {
        let p = self.scale.scale().points();
        Tally::from_bins(
            self.scale.scale(),
            &self.counts[..p],
            self.counts[p],
            self.counts[p + 1],
        )
    }
}

impl LabelledScale {
    /// The error of the invalid text answer `text` at row `index`.
    #[cold]
    pub(crate) fn text_error(&self, index: usize, text: &str) -> Error {
        let scale = self.scale();
        match self.read(text) {
            Reading::Value(v) => classify(v, scale).into_error(index, scale),
            Reading::WrongMaximum(m) => Error::OutOfScale {
                index,
                value: m,
                min: scale.min(),
                max: scale.max(),
            },
            Reading::Unknown | Reading::Missing => Error::UnknownLabel {
                index,
                text: text.chars().take(40).collect(),
            },
        }
    }

    /// Tallies a column already counted per category: `categories[j]` was answered
    /// `counts[j]` times, first at row `first_rows[j]`, and `missing` rows had no answer
    /// (a categorical column whose codes were counted by the caller; each category is
    /// read once, and a category never answered is never read).
    ///
    /// # Errors
    /// `length_mismatch` unless the three slices have one length; with
    /// [`OnInvalid::Error`], the error of the invalid category answered first, at its
    /// first row.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::labels::Answer;
    /// use cxmetrics::{LabelledScale, OnInvalid};
    /// let s = LabelledScale::thumbs();
    /// let cats = [Answer::Text("👍"), Answer::Text("meh"), Answer::Text("👎")];
    /// let t = s.tally_category_counts(&cats, &[3, 0, 2], &[1, 0, 0], 1, OnInvalid::Error)?;
    /// assert_eq!((t.counts(), t.missing()), (&[2, 3][..], 1));
    /// let e = s.tally_category_counts(&cats, &[3, 1, 2], &[1, 7, 0], 0, OnInvalid::Error).unwrap_err();
    /// assert_eq!((e.code(), e.index()), ("unknown_label", Some(7)));
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn tally_category_counts(
        &self,
        categories: &[Answer<'_>],
        counts: &[u64],
        first_rows: &[usize],
        missing: u64,
        on_invalid: OnInvalid,
    ) -> Result<Tally> {
        for (what, n) in [("counts", counts.len()), ("first rows", first_rows.len())] {
            if n != categories.len() {
                return Err(Error::LengthMismatch {
                    what: if what == "counts" {
                        "categories and counts"
                    } else {
                        "categories and first rows"
                    },
                    left: categories.len(),
                    right: n,
                });
            }
        }
        let mut r = TextReader::new(self, OnInvalid::Skip);
        let miss = usize::from(r.missing_slot());
        r.counts[miss] = missing;
        let mut first_bad: Option<(usize, Answer<'_>)> = None;
        for ((&a, &n), &row) in categories.iter().zip(counts).zip(first_rows) {
            if n == 0 {
                continue;
            }
            let slot = match a {
                Answer::Missing => miss,
                Answer::Number(x) => match classify(x, self.scale()) {
                    Classified::Point(k) => k,
                    Classified::Missing => miss,
                    _ => miss + 1,
                },
                Answer::Text(t) => usize::from(r.slot_of(self.read(t))),
            };
            if slot > miss && first_bad.is_none_or(|(i, _)| row < i) {
                first_bad = Some((row, a));
            }
            r.counts[slot] += n;
        }
        if let (Some((row, a)), OnInvalid::Error) = (first_bad, on_invalid) {
            return Err(match a {
                Answer::Text(t) => self.text_error(row, t),
                Answer::Number(x) => classify(x, self.scale()).into_error(row, self.scale()),
                Answer::Missing => unreachable!("a missing category is never invalid"),
            });
        }
        Ok(r.finish())
    }

    /// Tallies a column of text answers (`None`: missing), each distinct text read once
    /// (a [`TextReader`]).
    ///
    /// # Errors
    /// With [`OnInvalid::Error`], the first invalid answer by index: `unknown_label`,
    /// `out_of_scale`, `not_integer`.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::{LabelledScale, OnInvalid};
    /// let s = LabelledScale::thumbs();
    /// let t = s.tally_texts([Some("👍"), Some("👎🏽"), None, Some("👍")], OnInvalid::Error)?;
    /// assert_eq!((t.counts(), t.missing()), (&[1, 2][..], 1));
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn tally_texts<'a>(
        &self,
        texts: impl IntoIterator<Item = Option<&'a str>>,
        on_invalid: OnInvalid,
    ) -> Result<Tally> {
        let mut r = TextReader::new(self, on_invalid);
        for t in texts {
            match t {
                Some(t) => r.count(t)?,
                None => r.missing(1),
            }
        }
        Ok(r.finish())
    }

    /// Tallies `rows` answers stored as bytes: row `i` is `key(i)` (`None`: missing),
    /// decoded by `text(key)` once per distinct key (see [`TextReader::count_keyed`]).
    /// For columns read in place (an Arrow string buffer and its offsets, numpy's
    /// fixed-width rows). With the `parallel` feature a column of a million rows or more
    /// is split over the threads, each part read by its own [`TextReader`], and the
    /// parts' tallies merged (counts exactly).
    ///
    /// # Errors
    /// As [`LabelledScale::tally_texts`]: the first invalid answer by index.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::{LabelledScale, OnInvalid};
    /// let s = LabelledScale::thumbs();
    /// // an Arrow-style string column: one buffer and the offsets of each row
    /// let (data, offsets) = ("👍👎👍".as_bytes(), [0usize, 4, 8, 8, 12]);
    /// let key = |i: usize| (i != 2).then(|| &data[offsets[i]..offsets[i + 1]]);
    /// let t = s.tally_keyed_rows(4, key, String::from_utf8_lossy, OnInvalid::Error)?;
    /// assert_eq!((t.counts(), t.missing()), (&[1, 2][..], 1));
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn tally_keyed_rows<'a>(
        &self,
        rows: usize,
        key: impl Fn(usize) -> Option<&'a [u8]> + Sync,
        text: impl Fn(&'a [u8]) -> Cow<'a, str> + Sync,
        on_invalid: OnInvalid,
    ) -> Result<Tally> {
        let read = |range: std::ops::Range<usize>| -> Result<Tally> {
            let mut r = TextReader::new(self, on_invalid).starting_at(range.start);
            for i in range {
                match key(i) {
                    Some(k) => r.count_keyed(k, || text(k))?,
                    None => r.missing(1),
                }
            }
            Ok(r.finish())
        };
        // in row order: the first part's error is the lowest index
        let mut total = Tally::new(self.scale());
        for part in crate::threads::split(rows, super::tokens::PARALLEL_MIN, read) {
            total.merge(&part?)?;
        }
        Ok(total)
    }
}

impl Tally {
    /// Adds one text answer read on `labels` (see [`LabelledScale::read`]), with an
    /// optional weight: the single-value counterpart of the column paths.
    ///
    /// # Errors
    /// `scale_mismatch` when `labels` is on another scale; with [`OnInvalid::Error`]:
    /// `unknown_label`, `out_of_scale`, `not_integer`, `invalid_weight`, indexed by the
    /// rows seen before (as [`Tally::push`]). With [`OnInvalid::Skip`] an invalid answer
    /// is counted `invalid`.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::{LabelledScale, OnInvalid, Tally};
    /// let s = LabelledScale::thumbs();
    /// let mut t = Tally::new(s.scale());
    /// t.push_text(&s, "👍", None, OnInvalid::Error)?;
    /// t.push_text(&s, "n/a", None, OnInvalid::Error)?;
    /// let e = t.push_text(&s, "meh", None, OnInvalid::Error).unwrap_err();
    /// assert_eq!((e.code(), e.index()), ("unknown_label", Some(2)));
    /// t.push_text(&s, "meh", None, OnInvalid::Skip)?;
    /// assert_eq!((t.counts(), t.missing(), t.invalid()), (&[0, 1][..], 1, 1));
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn push_text(
        &mut self,
        labels: &LabelledScale,
        text: &str,
        weight: Option<f64>,
        on_invalid: OnInvalid,
    ) -> Result<()> {
        if labels.scale() != self.scale() {
            return Err(Error::ScaleMismatch(format!(
                "the answer is read on the scale {}, the tally is on {}",
                labels.scale(),
                self.scale()
            )));
        }
        let v = match labels.read(text) {
            Reading::Value(v) => v,
            Reading::Missing => f64::NAN,
            Reading::WrongMaximum(_) | Reading::Unknown => {
                if on_invalid == OnInvalid::Error {
                    let seen = self.n() + self.missing() + self.invalid();
                    return Err(
                        labels.text_error(usize::try_from(seen).unwrap_or(usize::MAX), text)
                    );
                }
                f64::INFINITY
            }
        };
        self.push_with(v, weight, on_invalid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scale::Scale;

    #[test]
    fn agrees_with_tally_on_every_kind_of_answer() {
        let s = LabelledScale::satisfaction5("en").unwrap();
        let texts = [
            "Very satisfied",
            "very  SATISFIED",
            "Very dissatisfied",
            "Dissatisfied",
            "★★★★☆",
            "4 out of 5",
            "",
            "n/a",
            "3",
            "great",
            "4/10",
            "9",
            "Very satisfied",
            "great",
        ];
        let answers: Vec<Answer<'_>> = texts.iter().map(|&t| Answer::Text(t)).collect();
        let want = s.tally(&answers, None, OnInvalid::Skip).unwrap();
        let got = s
            .tally_texts(texts.iter().map(|&t| Some(t)), OnInvalid::Skip)
            .unwrap();
        assert_eq!(got, want);
        // hand count: 5,5,1,2,4,4,-,-,3,bad,bad,bad,5,bad
        assert_eq!(got.counts(), &[1, 1, 1, 2, 3]);
        assert_eq!((got.missing(), got.invalid()), (2, 4));
        for (i, &t) in texts.iter().enumerate() {
            let mut r = TextReader::new(&s, OnInvalid::Error);
            let e = r.count(t);
            let mut r2 = TextReader::new(&s, OnInvalid::Error).starting_at(i);
            let e2 = r2.score(t);
            let want = s.tally(&[Answer::Text(t)], None, OnInvalid::Error);
            assert_eq!(e.is_err(), want.is_err(), "{t}");
            if let (Err(e), Err(w), Err(e2)) = (e, want, e2) {
                assert_eq!(e.code(), w.code(), "{t}");
                assert_eq!(e2.index(), Some(i));
            }
        }
    }

    #[test]
    fn first_error_carries_its_row() {
        let s = LabelledScale::from(Scale::ONE_TO_FIVE);
        let rows = [Some("1"), None, Some("5"), Some("4/10"), Some("x")];
        let e = s.tally_texts(rows, OnInvalid::Error).unwrap_err();
        assert_eq!((e.code(), e.index()), ("out_of_scale", Some(3)));
        let e = s
            .tally_texts([Some("2"), Some("6")], OnInvalid::Error)
            .unwrap_err();
        assert_eq!((e.code(), e.index()), ("out_of_scale", Some(1)));
        let mut r = TextReader::new(&s, OnInvalid::Error).starting_at(10);
        r.missing(2);
        assert_eq!(r.number(2.5).unwrap_err().index(), Some(12));
    }

    #[test]
    fn long_texts_that_share_head_and_tail_are_told_apart() {
        // same length, same first and last eight bytes: only the middle differs
        let s = Scale::new(0, 1)
            .unwrap()
            .with_labels([("aaaaaaaa-x-bbbbbbbb", 0), ("aaaaaaaa-y-bbbbbbbb", 1)])
            .unwrap();
        let rows = [
            "aaaaaaaa-x-bbbbbbbb",
            "aaaaaaaa-y-bbbbbbbb",
            "aaaaaaaa-y-bbbbbbbb",
        ];
        let t = s.tally_texts(rows.map(Some), OnInvalid::Error).unwrap();
        assert_eq!(t.counts(), &[1, 2]);
        // short texts that differ only past their length's zero padding
        let s = Scale::new(0, 1)
            .unwrap()
            .with_labels([("a", 0), ("a\0", 1)]);
        if let Ok(s) = s {
            let t = s
                .tally_texts([Some("a"), Some("a\0"), Some("a\0")], OnInvalid::Error)
                .unwrap();
            assert_eq!(t.counts(), &[1, 2]);
        }
    }

    #[test]
    fn many_categories_are_counted_per_code() {
        // 300 categories (past the kernels' 101 points): 0..=4 spelled, then numbers
        let s = LabelledScale::satisfaction5("en").unwrap();
        let names: Vec<String> = (0..300).map(|i| format!("{}", i % 5 + 1)).collect();
        let cats: Vec<Answer<'_>> = names.iter().map(|t| Answer::Text(t)).collect();
        let codes: Vec<i32> = vec![-1, 0, 299, 298, 5, 5];
        let t = s
            .tally_codes(&cats, &codes, None, OnInvalid::Error)
            .unwrap();
        // codes → points: -,1,5,4,1,1
        assert_eq!((t.counts(), t.missing()), (&[3, 0, 0, 1, 1][..], 1));
        let e = s
            .tally_codes(&cats, &[0i32, 300], None, OnInvalid::Error)
            .unwrap_err();
        assert_eq!((e.code(), e.index()), ("invalid_argument", Some(1)));
        let e = s
            .tally_codes(&cats, &[0i64, i64::MAX], None, OnInvalid::Error)
            .unwrap_err();
        assert_eq!(e.index(), Some(1));
    }
}
