//! The compact binary form of a tally, `CXTY` version 1 ([`Tally::to_bytes`],
//! [`Tally::from_bytes`]); the layout is specified in `docs/conventions.md`, "Binary
//! form".

use super::parts::{PARTS_SLACK, check_point};
use super::{NeumaierSum, PointWeight, Tally, rows_in};
use crate::error::{Error, Result};
use crate::scale::Scale;

/// The first four bytes of every binary tally: ASCII `CXTY`.
const MAGIC: [u8; 4] = *b"CXTY";
/// The layout version this build writes and reads.
const VERSION: u8 = 1;
/// Flag bit 0: the tally is weighted (four `f64` per point follow the counts).
const WEIGHTED: u8 = 1;

impl Tally {
    /// The tally in its compact binary form (`CXTY` version 1), for states that travel
    /// between processes: a few bytes per point when unweighted (LEB128 varints), plus
    /// 32 bytes per point when weighted (the compensated Σw and Σw² as little-endian
    /// `f64`, so a round trip is exact, `==`). The layout is in `docs/conventions.md`
    /// ("Binary form"); it is the same from Rust, Python and JavaScript.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::{Scale, Tally};
    /// let t = Tally::from_scores(Scale::ONE_TO_FIVE, &[5, 4, 4])?;
    /// let b = t.to_bytes();
    /// assert_eq!(b, [b'C', b'X', b'T', b'Y', 1, 0, 2, 10, 0, 0, 0, 0, 0, 2, 1]);
    /// assert_eq!(Tally::from_bytes(&b)?, t);
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn to_bytes(&self) -> Vec<u8> {
        let p = self.counts.len();
        let weighted = self.weights.is_some();
        let mut out = Vec::with_capacity(6 + 4 * 5 + 10 * p + if weighted { 32 * p } else { 0 });
        out.extend_from_slice(&MAGIC);
        out.push(VERSION);
        out.push(if weighted { WEIGHTED } else { 0 });
        put_varint(&mut out, zigzag(self.scale.min()));
        put_varint(&mut out, zigzag(self.scale.max()));
        put_varint(&mut out, self.missing);
        put_varint(&mut out, self.invalid);
        for &c in &self.counts {
            put_varint(&mut out, c);
        }
        if let Some(w) = &self.weights {
            for pw in w {
                for x in [pw.sum.sum, pw.sum.comp, pw.sum_sq.sum, pw.sum_sq.comp] {
                    out.extend_from_slice(&x.to_le_bytes());
                }
            }
        }
        out
    }

    /// Reads a tally written by [`Tally::to_bytes`] (in any language binding), checking
    /// everything: the magic, the version, the flags, the scale, canonical varints,
    /// the row limit, the weight sums by the rules of [`Tally::from_parts`] (and each
    /// compensation term at most `1e-6` of its sum), and that nothing follows.
    ///
    /// # Errors
    /// `invalid_format` naming the byte offset and the field: truncated input, another
    /// magic (not a binary tally), an unknown version or flag, an invalid scale, an
    /// over-long or overflowing varint, counts, `missing` and `invalid` above
    /// [`Tally::MAX_ROWS`], inconsistent weight sums, trailing bytes.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::{OnInvalid, Scale, Tally};
    /// let t = Tally::from_scores_with(Scale::NPS, &[9.0, f64::NAN], Some(&[0.5, 1.0]), OnInvalid::Error)?;
    /// assert_eq!(Tally::from_bytes(&t.to_bytes())?, t);
    /// let e = Tally::from_bytes(&t.to_bytes()[..20]).unwrap_err();
    /// assert_eq!(e.code(), "invalid_format");
    /// assert!(e.to_string().contains("at byte 20"), "{e}");
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<Tally> {
        decode(bytes).map_err(Bad::into_error)
    }
}

/// Where and why decoding stopped: the byte offset, the field (with its point, if
/// any) and a fixed reason; formatted once, in [`Bad::into_error`], so the decoder
/// itself carries no formatting code.
struct Bad {
    at: usize,
    field: &'static str,
    point: Option<usize>,
    why: &'static str,
}

impl Bad {
    #[cold]
    #[inline(never)]
    fn into_error(self) -> Error {
        let Bad {
            at,
            field,
            point,
            why,
        } = self;
        Error::InvalidFormat(match point {
            Some(k) => format!("at byte {at} ({field}[{k}]): {why}"),
            None => format!("at byte {at} ({field}): {why}"),
        })
    }
}

fn decode(bytes: &[u8]) -> std::result::Result<Tally, Bad> {
    let mut rd = Reader {
        bytes,
        pos: 0,
        bad: None,
    };
    decode_with(&mut rd).ok_or_else(|| {
        rd.bad.take().unwrap_or(Bad {
            at: 0,
            field: "tally",
            point: None,
            why: "unreadable",
        })
    })
}

/// The decoder proper: `None` with the reason in `rd.bad` (an `Option` is cheaper to
/// pass up than the reason at every step).
fn decode_with(rd: &mut Reader<'_>) -> Option<Tally> {
    if rd.take(4, "magic", None)? != MAGIC {
        return rd.fail(
            0,
            "magic",
            None,
            "not a binary tally (it starts with the bytes \"CXTY\")",
        );
    }
    if rd.take(1, "version", None)?[0] != VERSION {
        return rd.fail(
            4,
            "version",
            None,
            "an unknown version (this build reads version 1)",
        );
    }
    let flags = rd.take(1, "flags", None)?[0];
    if flags & !WEIGHTED != 0 {
        return rd.fail(
            5,
            "flags",
            None,
            "unknown flags (only bit 0, weighted, is defined)",
        );
    }
    let at = rd.pos;
    let min = unzigzag(rd.varint("scale min", None)?);
    let max = unzigzag(rd.varint("scale max", None)?);
    let Ok(scale) = Scale::new(min, max) else {
        return rd.fail(
            at,
            "scale",
            None,
            "not a scale of 2 to 101 points within the 32-bit integers",
        );
    };
    let missing = rd.varint("missing", None)?;
    let invalid = rd.varint("invalid", None)?;
    let points = scale.points();
    let mut counts = vec![0; points];
    for (k, c) in counts.iter_mut().enumerate() {
        *c = rd.varint("counts", Some(k))?;
    }
    if rows_in(&counts, missing, invalid).is_none() {
        return rd.fail(
            rd.pos,
            "counts",
            None,
            "counts, missing and invalid sum to more than 2^64 - 1 rows",
        );
    }
    let weights = if flags & WEIGHTED == 0 {
        None
    } else {
        let mut out = vec![PointWeight::default(); points];
        for (k, (&c, pw)) in counts.iter().zip(&mut out).enumerate() {
            let at = rd.pos;
            let mut x = [0.0; 4];
            for v in &mut x {
                let mut a = [0u8; 8];
                a.copy_from_slice(rd.take(8, "weights", Some(k))?);
                *v = f64::from_le_bytes(a);
            }
            let [s, sc, q, qc] = x;
            // a compensation term is a rounding error: small beside its sum
            let small = |v: f64, comp: f64| {
                v.is_finite() && v >= 0.0 && comp.is_finite() && comp.abs() <= v * PARTS_SLACK
            };
            let why = if small(s, sc) && small(q, qc) {
                check_point(c, s + sc, q + qc).err().map(|(_, why)| why)
            } else {
                Some(
                    "Σw and Σw² must be finite sums ≥ 0, each with a compensation term at most 1e-6 of it",
                )
            };
            if let Some(why) = why {
                return rd.fail(at, "weights", Some(k), why);
            }
            *pw = PointWeight {
                sum: NeumaierSum { sum: s, comp: sc },
                sum_sq: NeumaierSum { sum: q, comp: qc },
            };
        }
        Some(out)
    };
    if rd.pos != rd.bytes.len() {
        return rd.fail(rd.pos, "end", None, "trailing bytes after the tally");
    }
    Some(Tally {
        scale,
        counts,
        weights,
        missing,
        invalid,
    })
}

/// A signed integer as an unsigned one with small magnitudes small (0, -1, 1, -2, … →
/// 0, 1, 2, 3, …), for a varint.
fn zigzag(x: i32) -> u64 {
    let x = i64::from(x);
    ((x << 1) ^ (x >> 63)).cast_unsigned()
}

fn put_varint(out: &mut Vec<u8>, mut x: u64) {
    while x >= 0x80 {
        #[allow(clippy::cast_possible_truncation)] // the low 7 bits
        out.push((x as u8 & 0x7f) | 0x80);
        x >>= 7;
    }
    #[allow(clippy::cast_possible_truncation)] // x < 0x80
    out.push(x as u8);
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// Why decoding stopped, once it has.
    bad: Option<Bad>,
}

impl<'a> Reader<'a> {
    /// Records why decoding stops; always `None`.
    fn fail<T>(
        &mut self,
        at: usize,
        field: &'static str,
        point: Option<usize>,
        why: &'static str,
    ) -> Option<T> {
        self.bad = Some(Bad {
            at,
            field,
            point,
            why,
        });
        None
    }

    fn take(&mut self, n: usize, field: &'static str, point: Option<usize>) -> Option<&'a [u8]> {
        let end = self.pos + n;
        let bytes = self.bytes;
        match bytes.get(self.pos..end) {
            Some(b) => {
                self.pos = end;
                Some(b)
            }
            None => self.fail(
                bytes.len(),
                field,
                point,
                "truncated (the input ends there)",
            ),
        }
    }

    /// An unsigned LEB128 varint: no bits above 64 (so at most 10 bytes) and canonical
    /// (no trailing zero byte), so every value has exactly one encoding.
    fn varint(&mut self, field: &'static str, point: Option<usize>) -> Option<u64> {
        let at = self.pos;
        let mut x = 0u64;
        let mut shift = 0;
        loop {
            let Some(&b) = self.bytes.get(self.pos) else {
                return self.fail(self.bytes.len(), field, point, "truncated inside a varint");
            };
            self.pos += 1;
            if shift == 63 && b > 1 {
                return self.fail(at, field, point, "varint above 2^64 - 1");
            }
            x |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                if b == 0 && shift > 0 {
                    return self.fail(at, field, point, "over-long varint (a trailing zero byte)");
                }
                return Some(x);
            }
            shift += 7;
        }
    }
}

/// The inverse of [`zigzag`] (a scale bound; `Scale::new` checks its range).
fn unzigzag(z: u64) -> i64 {
    (z >> 1).cast_signed() ^ -((z & 1).cast_signed())
}
