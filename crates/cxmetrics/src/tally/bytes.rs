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
        let mut rd = Reader { bytes, pos: 0 };
        let magic = rd.take(4, "magic")?;
        if magic != MAGIC {
            return Err(bad(
                0,
                "magic",
                "not a binary tally (it starts with the bytes \"CXTY\")",
            ));
        }
        let version = rd.take(1, "version")?[0];
        if version != VERSION {
            return Err(bad(
                4,
                "version",
                &format!("version {version} is not supported (this build reads version {VERSION})"),
            ));
        }
        let flags = rd.take(1, "flags")?[0];
        if flags & !WEIGHTED != 0 {
            return Err(bad(
                5,
                "flags",
                &format!("unknown flags {flags:#04x} (only bit 0, weighted, is defined)"),
            ));
        }
        let at = rd.pos;
        let min = rd.int("scale min")?;
        let max = rd.int("scale max")?;
        let scale = Scale::new(min, max).map_err(|e| bad(at, "scale", &e.to_string()))?;
        let missing = rd.varint("missing")?;
        let invalid = rd.varint("invalid")?;
        let points = scale.points();
        let mut counts = Vec::with_capacity(points);
        for k in 0..points {
            counts.push(rd.varint_named(|| format!("counts[{k}]"))?);
        }
        if rows_in(&counts, missing, invalid).is_none() {
            return Err(bad(
                rd.pos,
                "counts",
                "counts, missing and invalid sum to more than 2^64 - 1 rows",
            ));
        }
        let weights = if flags & WEIGHTED == 0 {
            None
        } else {
            let mut out = Vec::with_capacity(points);
            for (k, &c) in counts.iter().enumerate() {
                let at = rd.pos;
                let mut x = [0.0; 4];
                for v in &mut x {
                    let b = rd.take(8, &format!("weights[{k}]"))?;
                    let mut a = [0u8; 8];
                    a.copy_from_slice(b);
                    *v = f64::from_le_bytes(a);
                }
                let [s, sc, q, qc] = x;
                let field = format!("weights[{k}]");
                for (v, comp) in [(s, sc), (q, qc)] {
                    // a compensation term is a rounding error: small beside its sum
                    if !(v.is_finite()
                        && v >= 0.0
                        && comp.is_finite()
                        && comp.abs() <= v * PARTS_SLACK)
                    {
                        return Err(bad(
                            at,
                            &field,
                            "Σw and Σw² must be finite sums ≥ 0, each with a compensation term at most 1e-6 of it",
                        ));
                    }
                }
                check_point(c, s + sc, q + qc)
                    .map_err(|(_, why)| bad(at, &field, &format!("{why} (count {c})")))?;
                out.push(PointWeight {
                    sum: NeumaierSum { sum: s, comp: sc },
                    sum_sq: NeumaierSum { sum: q, comp: qc },
                });
            }
            Some(out)
        };
        if rd.pos != bytes.len() {
            return Err(bad(
                rd.pos,
                "end",
                &format!("{} trailing bytes after the tally", bytes.len() - rd.pos),
            ));
        }
        Ok(Tally {
            scale,
            counts,
            weights,
            missing,
            invalid,
        })
    }
}

/// The `invalid_format` error for the field `field` at byte `at`.
fn bad(at: usize, field: &str, why: &str) -> Error {
    Error::InvalidFormat(format!("at byte {at} ({field}): {why}"))
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
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, field: &str) -> Result<&'a [u8]> {
        let end = self.pos + n;
        match self.bytes.get(self.pos..end) {
            Some(b) => {
                self.pos = end;
                Ok(b)
            }
            None => Err(bad(
                self.bytes.len(),
                field,
                &format!(
                    "truncated: {n} more bytes needed at byte {}, the input ends at byte {}",
                    self.pos,
                    self.bytes.len()
                ),
            )),
        }
    }

    fn varint(&mut self, field: &str) -> Result<u64> {
        self.varint_named(|| field.to_owned())
    }

    /// An unsigned LEB128 varint: at most 10 bytes, no bits above 64, canonical (no
    /// trailing zero byte), so every value has exactly one encoding.
    fn varint_named(&mut self, field: impl Fn() -> String) -> Result<u64> {
        let at = self.pos;
        let mut x = 0u64;
        for i in 0..10 {
            let Some(&b) = self.bytes.get(self.pos) else {
                return Err(bad(self.bytes.len(), &field(), "truncated inside a varint"));
            };
            self.pos += 1;
            let bits = u64::from(b & 0x7f);
            if i == 9 && b > 1 {
                return Err(bad(at, &field(), "varint above 2^64 - 1"));
            }
            x |= bits << (7 * i);
            if b & 0x80 == 0 {
                if b == 0 && i > 0 {
                    return Err(bad(at, &field(), "over-long varint (a trailing zero byte)"));
                }
                return Ok(x);
            }
        }
        // not reached: a 10th byte either ends the varint or is refused above
        Err(bad(at, &field(), "varint longer than 10 bytes"))
    }

    /// A zigzag varint (a scale bound; `Scale::new` checks its range).
    fn int(&mut self, field: &str) -> Result<i64> {
        let z = self.varint(field)?;
        Ok((z >> 1).cast_signed() ^ -((z & 1).cast_signed()))
    }
}
