//! Segment keys as engines store them, turned into dense group ids in one pass.
//!
//! A binding views a key column's buffers in place — integers of any width, dictionary
//! codes with their labels (pandas `Categorical`, Arrow dictionary arrays, polars
//! `Categorical` / `Enum`), Arrow `string` / `large_string` offsets and bytes, borrowed
//! `&str`s, numpy's fixed-width UCS-4 strings — and hands them here as a [`KeyColumn`].
//! [`ColumnIds::from_column`] gives every row the id of its key (hashing each row once,
//! or a direct table for dense integers and codes); [`GroupIds::combine`] joins several
//! columns into one id per distinct tuple of keys without building the tuples per row.
//! [`GroupIds::codes`] and [`GroupIds::labels`] go to [`Segments::from_codes`].
//!
//! Ids are given in order of first appearance; the order of a report's rows is the
//! core's key order ([`SegmentReport`]), whatever the ids are.
//!
//! # Missing keys
//! A missing key (a null in the validity, a negative code, a `None` string or token)
//! is refused with `invalid_argument` naming its row: a segment report has no "missing"
//! segment. [`ColumnIds::check`] reports the first one; [`GroupIds::combine`] checks the
//! columns in order.
//!
//! # Concurrent writes
//! Each row is read once; a label is copied from the row that first showed it. A
//! buffer another thread writes during the pass can only give rows the ids of keys they
//! held before or after the write (two ids with equal labels are merged by
//! [`Segments::from_codes`]).
//!
//! # Example
//! ```
//! use cxmetrics::segments::{ColumnIds, GroupIds, KeyColumn, Ints};
//! use cxmetrics::KeyPart;
//!
//! let region = [7i16, 3, 7, 3];
//! let offsets = [0i32, 3, 8, 11, 14];
//! let channel = b"webphonewebweb";
//! let ids = GroupIds::combine(vec![
//!     ColumnIds::from_column(&KeyColumn::Int(Ints::I16(&region), None))?,
//!     ColumnIds::from_column(&KeyColumn::Utf8 { offsets: &offsets, values: channel, validity: None })?,
//! ])?;
//! assert_eq!(ids.codes(), &[0, 1, 0, 2]);
//! assert_eq!(ids.labels()[2], vec![KeyPart::Int(3), KeyPart::Str("web".into())]);
//! # Ok::<(), cxmetrics::Error>(())
//! ```
//!
//! [`Segments::from_codes`]: super::Segments::from_codes
//! [`SegmentReport`]: super::SegmentReport

use std::collections::HashMap;
use std::hash::Hash;

use foldhash::fast::RandomState;

use std::collections::BTreeMap;

use super::{GROUP_PARALLEL_MIN, Key, KeyPart, group_hists};
use crate::error::{Error, Result};
use crate::scale::Scale;
use crate::tally::{OnInvalid, Score, Tally};

/// A slice of integers of any width (keys, or dictionary codes).
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum Ints<'a> {
    /// 8-bit signed.
    I8(&'a [i8]),
    /// 16-bit signed.
    I16(&'a [i16]),
    /// 32-bit signed.
    I32(&'a [i32]),
    /// 64-bit signed.
    I64(&'a [i64]),
    /// 8-bit unsigned.
    U8(&'a [u8]),
    /// 16-bit unsigned.
    U16(&'a [u16]),
    /// 32-bit unsigned.
    U32(&'a [u32]),
    /// 64-bit unsigned (values above `i64::MAX` are refused as keys).
    U64(&'a [u64]),
}

impl Ints<'_> {
    /// Number of values.
    pub fn len(&self) -> usize {
        match self {
            Ints::I8(v) => v.len(),
            Ints::I16(v) => v.len(),
            Ints::I32(v) => v.len(),
            Ints::I64(v) => v.len(),
            Ints::U8(v) => v.len(),
            Ints::U16(v) => v.len(),
            Ints::U32(v) => v.len(),
            Ints::U64(v) => v.len(),
        }
    }

    /// Whether there are no values.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Which rows hold a key.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum Validity<'a> {
    /// An Arrow validity bitmap (bit `offset + i`, least significant bit first; 1 = valid).
    Bitmap {
        /// The bitmap's bytes.
        bits: &'a [u8],
        /// The bit of row 0.
        offset: usize,
    },
    /// A mask with `true` at missing rows (numpy / pandas masked arrays).
    Missing(&'a [bool]),
}

impl Validity<'_> {
    /// Whether row `i` holds a key (rows outside the bitmap or mask are missing).
    #[inline]
    fn valid(&self, i: usize) -> bool {
        match *self {
            Validity::Bitmap { bits, offset } => {
                let b = offset + i;
                bits.get(b / 8).is_some_and(|byte| byte >> (b % 8) & 1 == 1)
            }
            Validity::Missing(m) => m.get(i).is_some_and(|&miss| !miss),
        }
    }
}

/// One key column, viewed in place.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum KeyColumn<'a> {
    /// Integer keys of any width, dense or sparse, negative included.
    Int(Ints<'a>, Option<Validity<'a>>),
    /// Dictionary codes: row `i` has the key `labels[codes[i]]`; a negative code (pandas)
    /// or a null is missing. Labels that no row uses make no group; equal labels at two
    /// codes are one group.
    Codes {
        /// One code per row.
        codes: Ints<'a>,
        /// The dictionary.
        labels: &'a [KeyPart],
        /// Nulls (Arrow dictionary arrays), if any.
        validity: Option<Validity<'a>>,
    },
    /// Arrow `string`: row `i` is `values[offsets[i]..offsets[i + 1]]` (UTF-8).
    Utf8 {
        /// `len + 1` offsets.
        offsets: &'a [i32],
        /// The bytes.
        values: &'a [u8],
        /// Nulls, if any.
        validity: Option<Validity<'a>>,
    },
    /// Arrow `large_string`: as [`KeyColumn::Utf8`] with 64-bit offsets.
    LargeUtf8 {
        /// `len + 1` offsets.
        offsets: &'a [i64],
        /// The bytes.
        values: &'a [u8],
        /// Nulls, if any.
        validity: Option<Validity<'a>>,
    },
    /// Borrowed strings (`None` = missing), e.g. an Arrow `string_view` read row by row.
    Strs(&'a [Option<&'a str>]),
    /// numpy's fixed-width strings (`<U{width}`): `width` UCS-4 code points per row,
    /// padded with trailing NULs.
    Ucs4 {
        /// `len × width` code points.
        data: &'a [u32],
        /// Code points per row (at least 1).
        width: usize,
    },
}

/// Dense ids of one key column: `ids[i]` is row `i`'s key, `labels[id]` the key.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnIds {
    ids: Vec<u32>,
    labels: Vec<KeyPart>,
    first_missing: Option<usize>,
}

/// Dense ids over one or more key columns: `codes[i]` is row `i`'s group,
/// `labels[code]` its key (one part per column).
#[derive(Debug, Clone, PartialEq)]
pub struct GroupIds {
    codes: Vec<u32>,
    labels: Vec<Key>,
}

/// The id a missing row gets (checked and refused before use).
const MISSING: u32 = u32::MAX;

type Map<K> = HashMap<K, u32, RandomState>;

fn map<K>() -> Map<K> {
    HashMap::with_hasher(RandomState::default())
}

fn too_many() -> Error {
    Error::invalid_argument("by", "more than 4 294 967 294 distinct keys")
}

/// The next id, or an error past `u32::MAX − 1` groups.
fn next_id(len: usize) -> Result<u32> {
    u32::try_from(len)
        .ok()
        .filter(|&i| i != MISSING)
        .ok_or_else(too_many)
}

/// Widening to `i64` (`u64` above `i64::MAX` is refused before `wide` is used).
trait IntKey: Copy {
    /// Whether some values do not fit in `i64` (only `u64`).
    const WIDE: bool;
    /// The value as `i64` (wrapping for `u64` above `i64::MAX`).
    fn wide(self) -> i64;
    /// Whether the value fits in `i64`.
    fn fits(self) -> bool;
}

macro_rules! int_key {
    ($wide:literal: $($t:ty),*) => {$(
        impl IntKey for $t {
            const WIDE: bool = $wide;
            #[inline]
            fn wide(self) -> i64 {
                self as i64
            }
            #[inline]
            fn fits(self) -> bool {
                i64::try_from(self).is_ok()
            }
        }
    )*};
}
int_key!(false: i8, i16, i32, i64, u8, u16, u32);
int_key!(true: u64);

/// Ids of integer values: a direct table when the range is small (≤ max(2²⁰, 4n)),
/// else a hash map; `label` turns a value into its key part.
fn int_ids<T: IntKey + std::fmt::Display>(
    xs: &[T],
    validity: Option<Validity<'_>>,
    label: &mut dyn FnMut(i64) -> Result<KeyPart>,
    codes: bool,
) -> Result<ColumnIds> {
    let missing = |i: usize, w: i64| validity.is_some_and(|v| !v.valid(i)) || (codes && w < 0);
    let mut first_missing = None;
    let (mut lo, mut hi) = (i64::MAX, i64::MIN);
    if validity.is_none() && !codes && !T::WIDE {
        for &x in xs {
            lo = lo.min(x.wide());
            hi = hi.max(x.wide());
        }
    } else {
        for (i, &x) in xs.iter().enumerate() {
            let w = x.wide();
            let null = validity.is_some_and(|v| !v.valid(i));
            if T::WIDE && !null && !x.fits() {
                return Err(Error::invalid_argument_at(
                    "by",
                    format!("the key {x} at index {i} does not fit in a 64-bit integer"),
                    i,
                ));
            }
            if null || (codes && w < 0) {
                first_missing.get_or_insert(i);
                continue;
            }
            lo = lo.min(w);
            hi = hi.max(w);
        }
    }
    let mut ids = Vec::with_capacity(xs.len());
    let mut labels = Vec::new();
    if lo > hi {
        ids.resize(xs.len(), MISSING);
        return Ok(ColumnIds {
            ids,
            labels,
            first_missing,
        });
    }
    let span = i128::from(hi) - i128::from(lo);
    let mut add = |w: i64| -> Result<u32> {
        let id = next_id(labels.len())?;
        labels.push(label(w)?);
        Ok(id)
    };
    if span < (1i128 << 20).max(4 * xs.len() as i128) {
        let mut table = vec![MISSING; span as usize + 1];
        for (i, &x) in xs.iter().enumerate() {
            let w = x.wide();
            if first_missing.is_some() && missing(i, w) {
                ids.push(MISSING);
                continue;
            }
            let slot = &mut table[w.wrapping_sub(lo) as u64 as usize];
            if *slot == MISSING {
                *slot = add(w)?;
            }
            ids.push(*slot);
        }
    } else {
        let mut index: Map<i64> = map();
        for (i, &x) in xs.iter().enumerate() {
            let w = x.wide();
            if first_missing.is_some() && missing(i, w) {
                ids.push(MISSING);
                continue;
            }
            let id = if let Some(&id) = index.get(&w) {
                id
            } else {
                let id = add(w)?;
                index.insert(w, id);
                id
            };
            ids.push(id);
        }
    }
    Ok(ColumnIds {
        ids,
        labels,
        first_missing,
    })
}

/// The most distinct values (largest − smallest + 1) of a key column counted straight
/// into a (value × bin) histogram by [`dense_groups`].
const DENSE_VALUES: i128 = 1 << 16;

/// The groups of one key column counted without ids ([`Segments::from_key_column`](super::Segments::from_key_column)):
/// `None` unless the column is integers without missing values (not `u64`) or in-range
/// dictionary codes, of one length with `scores`, spanning at most [`DENSE_VALUES`]
/// values — every other column (and every key error) is left to the id path.
pub(super) fn dense_groups<T: Score>(
    scale: Scale,
    key: &KeyColumn<'_>,
    scores: &[T],
    on_invalid: OnInvalid,
) -> Result<Option<BTreeMap<Key, Tally>>> {
    let (ints, labels) = match *key {
        KeyColumn::Int(ints, None) => (ints, None),
        KeyColumn::Codes {
            codes,
            labels,
            validity: None,
        } => (codes, Some(labels)),
        _ => return Ok(None),
    };
    if ints.len() != scores.len() {
        return Ok(None);
    }
    match ints {
        Ints::I8(v) => dense_of(scale, v, labels, scores, on_invalid),
        Ints::I16(v) => dense_of(scale, v, labels, scores, on_invalid),
        Ints::I32(v) => dense_of(scale, v, labels, scores, on_invalid),
        Ints::I64(v) => dense_of(scale, v, labels, scores, on_invalid),
        Ints::U8(v) => dense_of(scale, v, labels, scores, on_invalid),
        Ints::U16(v) => dense_of(scale, v, labels, scores, on_invalid),
        Ints::U32(v) => dense_of(scale, v, labels, scores, on_invalid),
        Ints::U64(_) => Ok(None),
    }
}

fn dense_of<K: IntKey + Sync, T: Score>(
    scale: Scale,
    keys: &[K],
    labels: Option<&[KeyPart]>,
    scores: &[T],
    on_invalid: OnInvalid,
) -> Result<Option<BTreeMap<Key, Tally>>> {
    let n = keys.len();
    let (lo, hi) = crate::threads::split(n, GROUP_PARALLEL_MIN, |rows| {
        keys[rows].iter().fold((i64::MAX, i64::MIN), |(lo, hi), k| {
            (lo.min(k.wide()), hi.max(k.wide()))
        })
    })
    .into_iter()
    .fold((i64::MAX, i64::MIN), |(lo, hi), (a, b)| {
        (lo.min(a), hi.max(b))
    });
    let span = i128::from(hi) - i128::from(lo) + 1;
    let codes_in_range = labels.is_none_or(|l| lo >= 0 && (hi as u64) < l.len() as u64);
    if lo > hi || span > DENSE_VALUES || !codes_in_range {
        return Ok(None);
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // ≤ 2¹⁶
    let span = span as usize;
    let stride = scale.points() + 2;
    let cells = span * stride;
    // a key outside lo..=hi (changed by another thread since) maps past the histogram
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let group = |k: K| (k.wide().wrapping_sub(lo) as u64).min(span as u64) as usize;
    let hist = group_hists(scale, keys, group, scores, cells, on_invalid)?;
    let p = scale.points();
    let mut groups = BTreeMap::new();
    for (v, row) in hist.chunks_exact(stride).enumerate() {
        if row.iter().all(|&m| m == 0) {
            continue; // a value in the range that no row holds
        }
        #[allow(clippy::cast_possible_wrap)] // v < 2¹⁶
        let value = lo + v as i64;
        let part = match labels {
            None => KeyPart::Int(value),
            #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)] // in range
            Some(l) => l[value as usize].clone(),
        };
        groups
            .entry(vec![part])
            .or_insert_with(|| Tally::new(scale))
            .merge(&Tally::from_bins(scale, &row[..p], row[p], row[p + 1]))?;
    }
    Ok(Some(groups))
}

/// Ids of hashable row keys: `row(i)` is `None` at a missing row.
fn hashed_ids<'k, K: Hash + Eq + Copy + 'k>(
    n: usize,
    mut row: impl FnMut(usize) -> Result<Option<K>>,
    mut label: impl FnMut(usize, K) -> Result<KeyPart>,
) -> Result<ColumnIds> {
    let mut index: Map<K> = map();
    let mut ids = Vec::with_capacity(n);
    let mut labels = Vec::new();
    let mut first_missing = None;
    for i in 0..n {
        let Some(k) = row(i)? else {
            first_missing.get_or_insert(i);
            ids.push(MISSING);
            continue;
        };
        let id = if let Some(&id) = index.get(&k) {
            id
        } else {
            let id = next_id(labels.len())?;
            labels.push(label(i, k)?);
            index.insert(k, id);
            id
        };
        ids.push(id);
    }
    Ok(ColumnIds {
        ids,
        labels,
        first_missing,
    })
}

fn bad_offsets(i: usize) -> Error {
    Error::invalid_argument_at(
        "by",
        format!("the string offsets of row {i} lie outside the column's data"),
        i,
    )
}

fn utf8_label(i: usize, bytes: &[u8]) -> Result<KeyPart> {
    std::str::from_utf8(bytes)
        .map(|s| KeyPart::Str(s.to_owned()))
        .map_err(|_| {
            Error::invalid_argument_at("by", format!("the key at index {i} is not valid UTF-8"), i)
        })
}

fn offset_ids<O: Copy + TryInto<usize>>(
    offsets: &[O],
    values: &[u8],
    validity: Option<Validity<'_>>,
) -> Result<ColumnIds> {
    let n = offsets.len().saturating_sub(1);
    hashed_ids(
        n,
        |i| {
            if validity.is_some_and(|v| !v.valid(i)) {
                return Ok(None);
            }
            let (a, b) = (offsets[i].try_into().ok(), offsets[i + 1].try_into().ok());
            match (a, b) {
                (Some(a), Some(b)) if a <= b => {
                    values.get(a..b).map(Some).ok_or_else(|| bad_offsets(i))
                }
                _ => Err(bad_offsets(i)),
            }
        },
        utf8_label,
    )
}

impl ColumnIds {
    /// Ids of one key column, each row read once.
    ///
    /// # Formula
    /// `ids[i] = number of distinct keys before the first row holding key(i)`;
    /// `labels[ids[i]] = key(i)`.
    ///
    /// # Errors
    /// `invalid_argument` (with the row's index) for a `u64` key above `i64::MAX`, a
    /// dictionary code without a label, string offsets outside the data, a string that
    /// is not UTF-8 or a fixed-width string with an invalid code point; a missing key is
    /// not an error here but recorded for [`ColumnIds::check`].
    ///
    /// # Example
    /// ```
    /// use cxmetrics::segments::{ColumnIds, Ints, KeyColumn};
    /// use cxmetrics::KeyPart;
    /// let ids = ColumnIds::from_column(&KeyColumn::Int(Ints::I64(&[-5, 1 << 40, -5]), None))?;
    /// assert_eq!(ids.ids(), &[0, 1, 0]);
    /// assert_eq!(ids.labels(), &[KeyPart::Int(-5), KeyPart::Int(1 << 40)]);
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn from_column(column: &KeyColumn<'_>) -> Result<ColumnIds> {
        match *column {
            KeyColumn::Int(ints, validity) => {
                let label = &mut |v: i64| Ok(KeyPart::Int(v));
                match ints {
                    Ints::I8(v) => int_ids(v, validity, label, false),
                    Ints::I16(v) => int_ids(v, validity, label, false),
                    Ints::I32(v) => int_ids(v, validity, label, false),
                    Ints::I64(v) => int_ids(v, validity, label, false),
                    Ints::U8(v) => int_ids(v, validity, label, false),
                    Ints::U16(v) => int_ids(v, validity, label, false),
                    Ints::U32(v) => int_ids(v, validity, label, false),
                    Ints::U64(v) => int_ids(v, validity, label, false),
                }
            }
            KeyColumn::Codes {
                codes,
                labels,
                validity,
            } => {
                let label = &mut |c: i64| {
                    usize::try_from(c)
                        .ok()
                        .and_then(|c| labels.get(c))
                        .cloned()
                        .ok_or_else(|| {
                            Error::invalid_argument(
                                "by",
                                format!("code {c} has no label ({} labels)", labels.len()),
                            )
                        })
                };
                let ids = match codes {
                    Ints::I8(v) => int_ids(v, validity, label, true),
                    Ints::I16(v) => int_ids(v, validity, label, true),
                    Ints::I32(v) => int_ids(v, validity, label, true),
                    Ints::I64(v) => int_ids(v, validity, label, true),
                    Ints::U8(v) => int_ids(v, validity, label, true),
                    Ints::U16(v) => int_ids(v, validity, label, true),
                    Ints::U32(v) => int_ids(v, validity, label, true),
                    Ints::U64(v) => int_ids(v, validity, label, true),
                }?;
                // Equal labels at two codes: one id.
                Ok(ids.dedup())
            }
            KeyColumn::Utf8 {
                offsets,
                values,
                validity,
            } => offset_ids(offsets, values, validity),
            KeyColumn::LargeUtf8 {
                offsets,
                values,
                validity,
            } => offset_ids(offsets, values, validity),
            KeyColumn::Strs(strs) => hashed_ids(
                strs.len(),
                |i| Ok(strs[i]),
                |_, s: &str| Ok(KeyPart::Str(s.to_owned())),
            ),
            KeyColumn::Ucs4 { data, width } => {
                if width == 0 {
                    return Err(Error::invalid_argument(
                        "by",
                        "fixed-width strings need a width of at least 1",
                    ));
                }
                hashed_ids(
                    data.len() / width,
                    |i| Ok(Some(&data[i * width..(i + 1) * width])),
                    |i, cps: &[u32]| {
                        let end = cps.iter().rposition(|&c| c != 0).map_or(0, |p| p + 1);
                        cps[..end]
                            .iter()
                            .map(|&c| char::from_u32(c))
                            .collect::<Option<String>>()
                            .map(KeyPart::Str)
                            .ok_or_else(|| {
                                Error::invalid_argument_at(
                                    "by",
                                    format!("the key at index {i} holds an invalid code point"),
                                    i,
                                )
                            })
                    },
                )
            }
        }
    }

    /// Ids of keys known by an identity **token** per row (e.g. the address of a Python
    /// object, valid while the caller holds it): each distinct token is resolved to its
    /// key once (`resolve(row, token)`, `None` = missing); distinct tokens with equal
    /// keys get one id. Errors from `resolve` stop the pass and are returned.
    ///
    /// # Errors
    /// Whatever `resolve` returns, and `invalid_argument` past `u32::MAX − 1` keys.
    ///
    /// # Example
    /// ```
    /// use cxmetrics::segments::ColumnIds;
    /// use cxmetrics::KeyPart;
    /// let names = ["web", "web", "phone"]; // tokens 0 and 1 hold equal keys
    /// let ids = ColumnIds::from_tokens(&[0, 2, 1, 0], |_, t| {
    ///     Ok::<_, cxmetrics::Error>(Some(KeyPart::Str(names[t].into())))
    /// })?;
    /// assert_eq!(ids.ids(), &[0, 1, 0, 0]);
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn from_tokens<E: From<Error>>(
        tokens: &[usize],
        mut resolve: impl FnMut(usize, usize) -> std::result::Result<Option<KeyPart>, E>,
    ) -> std::result::Result<ColumnIds, E> {
        let mut by_token: Map<usize> = map();
        let mut by_key: HashMap<KeyPart, u32, RandomState> = map();
        let mut ids = Vec::with_capacity(tokens.len());
        let mut labels = Vec::new();
        let mut first_missing = None;
        let mut last: Option<(usize, u32)> = None;
        for (i, &t) in tokens.iter().enumerate() {
            if let Some((lt, lid)) = last
                && lt == t
            {
                if lid == MISSING {
                    first_missing.get_or_insert(i);
                }
                ids.push(lid);
                continue;
            }
            let id = if let Some(&id) = by_token.get(&t) {
                id
            } else {
                let id = match resolve(i, t)? {
                    None => MISSING,
                    Some(k) => {
                        if let Some(&id) = by_key.get(&k) {
                            id
                        } else {
                            let id = next_id(labels.len())?;
                            labels.push(k.clone());
                            by_key.insert(k, id);
                            id
                        }
                    }
                };
                by_token.insert(t, id);
                id
            };
            if id == MISSING {
                first_missing.get_or_insert(i);
            }
            last = Some((t, id));
            ids.push(id);
        }
        Ok(ColumnIds {
            ids,
            labels,
            first_missing,
        })
    }

    /// Joins the ids of consecutive pieces of one column (e.g. Arrow chunks) into the
    /// ids of the whole column; equal labels in two pieces get one id.
    ///
    /// # Errors
    /// `invalid_argument` past `u32::MAX − 1` keys.
    pub fn concat(pieces: Vec<ColumnIds>) -> Result<ColumnIds> {
        let mut pieces = pieces.into_iter();
        let Some(mut all) = pieces.next() else {
            return Ok(ColumnIds {
                ids: Vec::new(),
                labels: Vec::new(),
                first_missing: None,
            });
        };
        let mut by_key: HashMap<KeyPart, u32, RandomState> = map();
        for (i, k) in all.labels.iter().enumerate() {
            by_key.entry(k.clone()).or_insert(i as u32);
        }
        for p in pieces {
            let base = all.ids.len();
            let mut remap = Vec::with_capacity(p.labels.len());
            for k in p.labels {
                let id = if let Some(&id) = by_key.get(&k) {
                    id
                } else {
                    let id = next_id(all.labels.len())?;
                    all.labels.push(k.clone());
                    by_key.insert(k, id);
                    id
                };
                remap.push(id);
            }
            all.ids.extend(p.ids.iter().map(|&id| {
                if id == MISSING {
                    MISSING
                } else {
                    remap[id as usize]
                }
            }));
            if all.first_missing.is_none() {
                all.first_missing = p.first_missing.map(|m| base + m);
            }
        }
        Ok(all)
    }

    /// Merges ids whose labels are equal (dictionaries may repeat a value).
    fn dedup(mut self) -> ColumnIds {
        let mut by_key: HashMap<&KeyPart, u32, RandomState> = map();
        let mut remap = Vec::with_capacity(self.labels.len());
        let mut keep = Vec::with_capacity(self.labels.len());
        for k in &self.labels {
            let next = keep.len() as u32;
            let id = *by_key.entry(k).or_insert_with(|| {
                keep.push(k.clone());
                next
            });
            remap.push(id);
        }
        if keep.len() == self.labels.len() {
            return self;
        }
        for id in &mut self.ids {
            if *id != MISSING {
                *id = remap[*id as usize];
            }
        }
        self.labels = keep;
        self
    }

    /// Row `i`'s id.
    pub fn ids(&self) -> &[u32] {
        &self.ids
    }

    /// The key of each id.
    pub fn labels(&self) -> &[KeyPart] {
        &self.labels
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The first row whose key is missing.
    pub fn first_missing(&self) -> Option<usize> {
        self.first_missing
    }

    /// Refuses a missing key: `column` is this column's position among `columns` (named
    /// in the message when there are several).
    ///
    /// # Errors
    /// `invalid_argument` with the first missing row's index.
    pub fn check(&self, column: usize, columns: usize) -> Result<()> {
        match self.first_missing {
            None => Ok(()),
            Some(i) => {
                let at = if columns > 1 {
                    format!("column {column}, ")
                } else {
                    String::new()
                };
                Err(Error::invalid_argument_at(
                    "by",
                    format!(
                        "the key at {at}index {i} is missing; fill it (e.g. 'unknown') or drop the row"
                    ),
                    i,
                ))
            }
        }
    }
}

impl GroupIds {
    /// One id per distinct tuple of keys over the columns (in order), built from the
    /// columns' ids without forming a tuple per row: a direct table over the product of
    /// the id ranges when it is small (≤ max(2²⁰, 4n)), else a hash of the id pairs.
    ///
    /// # Errors
    /// `length_mismatch` for columns of different lengths; `invalid_argument` for the
    /// first missing key ([`ColumnIds::check`], columns in order); no columns at all is
    /// `invalid_argument`.
    ///
    /// # Example
    /// ```
    /// use cxmetrics::segments::{ColumnIds, GroupIds, Ints, KeyColumn};
    /// let a = ColumnIds::from_column(&KeyColumn::Int(Ints::U8(&[1, 1, 2]), None))?;
    /// let b = ColumnIds::from_column(&KeyColumn::Strs(&[Some("x"), Some("y"), Some("x")]))?;
    /// let g = GroupIds::combine(vec![a, b])?;
    /// assert_eq!(g.codes(), &[0, 1, 2]);
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn combine(mut columns: Vec<ColumnIds>) -> Result<GroupIds> {
        let Some(first) = columns.first() else {
            return Err(Error::invalid_argument(
                "by",
                "give at least one key column",
            ));
        };
        let n = first.len();
        for c in &columns[1..] {
            if c.len() != n {
                return Err(Error::LengthMismatch {
                    what: "key columns",
                    left: n,
                    right: c.len(),
                });
            }
        }
        for (j, c) in columns.iter().enumerate() {
            c.check(j, columns.len())?;
        }
        // parts[g] = the label index in each column folded so far
        let mut parts: Vec<Vec<u32>> = (0..first.labels.len() as u32).map(|i| vec![i]).collect();
        let mut codes = std::mem::take(&mut columns[0].ids);
        for c in &columns[1..] {
            let width = c.labels.len().max(1) as u64;
            let size = parts.len() as u64 * width;
            let mut next: Vec<Vec<u32>> = Vec::new();
            let mut add = |a: u32, b: u32| -> Result<u32> {
                let id = next_id(next.len())?;
                let mut p = parts[a as usize].clone();
                p.push(b);
                next.push(p);
                Ok(id)
            };
            if size <= (1u64 << 20).max(4 * n as u64) {
                let mut table = vec![MISSING; size as usize];
                for (code, &b) in codes.iter_mut().zip(&c.ids) {
                    let slot = &mut table[(u64::from(*code) * width + u64::from(b)) as usize];
                    if *slot == MISSING {
                        *slot = add(*code, b)?;
                    }
                    *code = *slot;
                }
            } else {
                let mut index: Map<u64> = map();
                for (code, &b) in codes.iter_mut().zip(&c.ids) {
                    let k = u64::from(*code) << 32 | u64::from(b);
                    *code = if let Some(&id) = index.get(&k) {
                        id
                    } else {
                        let id = add(*code, b)?;
                        index.insert(k, id);
                        id
                    };
                }
            }
            parts = next;
        }
        let labels = parts
            .into_iter()
            .map(|p| {
                p.iter()
                    .zip(&columns)
                    .map(|(&l, c)| c.labels[l as usize].clone())
                    .collect()
            })
            .collect();
        Ok(GroupIds { codes, labels })
    }

    /// Row `i`'s group.
    pub fn codes(&self) -> &[u32] {
        &self.codes
    }

    /// The key of each group (labels may repeat only when a dictionary's labels did).
    pub fn labels(&self) -> &[Key] {
        &self.labels
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: &str) -> KeyPart {
        KeyPart::Str(x.to_owned())
    }

    #[test]
    fn integers_dense_sparse_negative_and_wide() {
        let dense =
            ColumnIds::from_column(&KeyColumn::Int(Ints::I8(&[-3, 5, -3, 0]), None)).unwrap();
        assert_eq!(dense.ids(), &[0, 1, 0, 2]);
        assert_eq!(
            dense.labels(),
            &[KeyPart::Int(-3), KeyPart::Int(5), KeyPart::Int(0)]
        );
        let sparse = [i64::MIN, i64::MAX, 0, i64::MIN];
        let ids = ColumnIds::from_column(&KeyColumn::Int(Ints::I64(&sparse), None)).unwrap();
        assert_eq!(ids.ids(), &[0, 1, 2, 0]);
        assert_eq!(ids.labels()[1], KeyPart::Int(i64::MAX));
        let big = ColumnIds::from_column(&KeyColumn::Int(Ints::U64(&[1, u64::MAX]), None));
        let e = big.unwrap_err();
        assert_eq!((e.code(), e.index()), ("invalid_argument", Some(1)));
    }

    #[test]
    fn validity_and_negative_codes_are_missing() {
        let bits = [0b1111_1011u8];
        let ids = ColumnIds::from_column(&KeyColumn::Int(
            Ints::U16(&[4, 4, 9, 4]),
            Some(Validity::Bitmap {
                bits: &bits,
                offset: 0,
            }),
        ))
        .unwrap();
        assert_eq!(ids.first_missing(), Some(2));
        assert_eq!(ids.labels(), &[KeyPart::Int(4)]);
        let e = ids.check(1, 2).unwrap_err();
        assert_eq!((e.code(), e.index()), ("invalid_argument", Some(2)));
        assert!(e.to_string().contains("column 1, index 2"), "{e}");
        let labels = [s("a"), s("b"), s("a")];
        let codes = ColumnIds::from_column(&KeyColumn::Codes {
            codes: Ints::I8(&[2, 1, 0, -1, 1]),
            labels: &labels,
            validity: None,
        })
        .unwrap();
        // codes 2 and 0 share the label "a"; unused labels make no id
        assert_eq!(codes.ids()[..3], [0, 1, 0]);
        assert_eq!(codes.labels(), &[s("a"), s("b")]);
        assert_eq!(codes.first_missing(), Some(3));
        let bad = ColumnIds::from_column(&KeyColumn::Codes {
            codes: Ints::U8(&[7]),
            labels: &labels,
            validity: None,
        });
        assert_eq!(bad.unwrap_err().code(), "invalid_argument");
    }

    #[test]
    fn strings_in_every_layout_agree() {
        let words = ["b", "a", "", "b", "ä"];
        let mut values = Vec::new();
        let mut offsets = vec![0i32];
        for w in words {
            values.extend_from_slice(w.as_bytes());
            offsets.push(values.len() as i32);
        }
        let large: Vec<i64> = offsets.iter().map(|&o| i64::from(o)).collect();
        let strs: Vec<Option<&str>> = words.iter().map(|w| Some(*w)).collect();
        let ucs: Vec<u32> = words
            .iter()
            .flat_map(|w| {
                let mut cps: Vec<u32> = w.chars().map(u32::from).collect();
                cps.resize(2, 0);
                cps
            })
            .collect();
        let want = ColumnIds {
            ids: vec![0, 1, 2, 0, 3],
            labels: vec![s("b"), s("a"), s(""), s("ä")],
            first_missing: None,
        };
        for col in [
            KeyColumn::Utf8 {
                offsets: &offsets,
                values: &values,
                validity: None,
            },
            KeyColumn::LargeUtf8 {
                offsets: &large,
                values: &values,
                validity: None,
            },
            KeyColumn::Strs(&strs),
            KeyColumn::Ucs4 {
                data: &ucs,
                width: 2,
            },
        ] {
            assert_eq!(ColumnIds::from_column(&col).unwrap(), want, "{col:?}");
        }
        let broken = KeyColumn::Utf8 {
            offsets: &[0, 9],
            values: b"ab",
            validity: None,
        };
        assert_eq!(
            ColumnIds::from_column(&broken).unwrap_err().index(),
            Some(0)
        );
    }

    #[test]
    fn tokens_concat_and_combine() {
        let keys = [Some(s("x")), Some(s("y")), None, Some(s("x"))];
        let ids =
            ColumnIds::from_tokens(&[0, 1, 3, 3, 2, 0], |_, t| Ok::<_, Error>(keys[t].clone()))
                .unwrap();
        assert_eq!(ids.ids(), &[0, 1, 0, 0, MISSING, 0]);
        assert_eq!(ids.first_missing(), Some(4));
        let a = ColumnIds::from_column(&KeyColumn::Strs(&[Some("p"), Some("q")])).unwrap();
        let b = ColumnIds::from_column(&KeyColumn::Strs(&[Some("q"), Some("r")])).unwrap();
        let whole = ColumnIds::concat(vec![a, b]).unwrap();
        assert_eq!(whole.ids(), &[0, 1, 1, 2]);
        let other =
            ColumnIds::from_column(&KeyColumn::Int(Ints::I32(&[1, 1, 1, 2]), None)).unwrap();
        let g = GroupIds::combine(vec![whole, other]).unwrap();
        assert_eq!(g.codes(), &[0, 1, 1, 2]);
        assert_eq!(g.labels()[2], vec![s("r"), KeyPart::Int(2)]);
        let short = ColumnIds::from_column(&KeyColumn::Strs(&[Some("p")])).unwrap();
        let long = ColumnIds::from_column(&KeyColumn::Strs(&[Some("p"), Some("q")])).unwrap();
        assert_eq!(
            GroupIds::combine(vec![short, long]).unwrap_err().code(),
            "length_mismatch"
        );
    }

    #[test]
    fn combine_large_product_uses_the_hash() {
        let n = 3000usize;
        let a: Vec<i64> = (0..n as i64).map(|i| i * 1_000_003).collect();
        let b: Vec<i64> = (0..n as i64).rev().map(|i| i * 7_919).collect();
        let ca = ColumnIds::from_column(&KeyColumn::Int(Ints::I64(&a), None)).unwrap();
        let cb = ColumnIds::from_column(&KeyColumn::Int(Ints::I64(&b), None)).unwrap();
        let g = GroupIds::combine(vec![ca, cb]).unwrap();
        assert_eq!(g.labels().len(), n);
        for (i, &c) in g.codes().iter().enumerate() {
            assert_eq!(
                g.labels()[c as usize],
                vec![KeyPart::Int(a[i]), KeyPart::Int(b[i])]
            );
        }
    }

    #[test]
    fn segments_equal_the_key_tuple_path() {
        use crate::segments::Segments;
        use crate::{OnInvalid, Scale};
        // a small LCG: reproducible keys and scores without a dependency
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |m: u64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) % m
        };
        let n = 5000;
        let ints: Vec<i64> = (0..n)
            .map(|_| next(40) as i64 * 1_000_000_007 - 20)
            .collect();
        let words = ["web", "phone", "", "ä", "chat"];
        let strs: Vec<Option<&str>> = (0..n).map(|_| Some(words[next(5) as usize])).collect();
        let scores: Vec<u8> = (0..n).map(|_| next(11) as u8).collect();
        let keys: Vec<Key> = ints
            .iter()
            .zip(&strs)
            .map(|(&i, s)| {
                vec![
                    KeyPart::Int(i),
                    s.map_or(KeyPart::Int(0), |s| KeyPart::Str(s.into())),
                ]
            })
            .collect();
        let want = Segments::from_keys(Scale::NPS, &keys, &scores, None, OnInvalid::Error).unwrap();
        let ids = GroupIds::combine(vec![
            ColumnIds::from_column(&KeyColumn::Int(Ints::I64(&ints), None)).unwrap(),
            ColumnIds::from_column(&KeyColumn::Strs(&strs)).unwrap(),
        ])
        .unwrap();
        let got =
            Segments::from_group_ids(Scale::NPS, &ids, &scores, None, OnInvalid::Error).unwrap();
        assert_eq!(got, want);
        assert_eq!(got.groups().len(), 200);
    }
}
