//! The versioned serialized form `cxmetrics.tally` v1.
use super::{NeumaierSum, PointWeight, Tally};
use crate::error::{Error, Result};
use crate::scale::Scale;
use serde::{Deserialize, Serialize};

const FORMAT: &str = "cxmetrics.tally";
const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct RawWeights {
    sum: Vec<f64>,
    sum_comp: Vec<f64>,
    sum_sq: Vec<f64>,
    sum_sq_comp: Vec<f64>,
}

#[derive(Serialize, Deserialize)]
struct Raw {
    format: String,
    version: u32,
    scale: Scale,
    counts: Vec<u64>,
    missing: u64,
    invalid: u64,
    weights: Option<RawWeights>,
}

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for Tally {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let weights = self.weights.as_ref().map(|w| RawWeights {
            sum: w.iter().map(|p| p.sum.sum).collect(),
            sum_comp: w.iter().map(|p| p.sum.comp).collect(),
            sum_sq: w.iter().map(|p| p.sum_sq.sum).collect(),
            sum_sq_comp: w.iter().map(|p| p.sum_sq.comp).collect(),
        });
        Raw {
            format: FORMAT.to_owned(),
            version: VERSION,
            scale: self.scale,
            counts: self.counts.clone(),
            missing: self.missing,
            invalid: self.invalid,
            weights,
        }
        .serialize(s)
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> Deserialize<'de> for Tally {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let raw = Raw::deserialize(d)?;
        from_raw(raw).map_err(serde::de::Error::custom)
    }
}

fn from_raw(raw: Raw) -> Result<Tally> {
    let bad = |m: String| Err(Error::InvalidFormat(m));
    if raw.format != FORMAT {
        return bad(format!("format is {:?}, expected {FORMAT:?}", raw.format));
    }
    if raw.version != VERSION {
        return bad(format!(
            "version {} is not supported (this build reads version {VERSION})",
            raw.version
        ));
    }
    let p = raw.scale.points();
    if raw.counts.len() != p {
        return bad(format!(
            "{} counts for a scale of {p} points",
            raw.counts.len()
        ));
    }
    if super::rows_in(&raw.counts, raw.missing, raw.invalid).is_none() {
        return bad("counts, missing and invalid sum to more than 2^64 - 1 rows".to_owned());
    }
    let weights = match raw.weights {
        None => None,
        Some(w) => {
            if [
                w.sum.len(),
                w.sum_comp.len(),
                w.sum_sq.len(),
                w.sum_sq_comp.len(),
            ]
            .iter()
            .any(|&l| l != p)
            {
                return bad(format!("weight arrays must have {p} entries each"));
            }
            let mut out = Vec::with_capacity(p);
            for k in 0..p {
                let pw = PointWeight {
                    sum: NeumaierSum {
                        sum: w.sum[k],
                        comp: w.sum_comp[k],
                    },
                    sum_sq: NeumaierSum {
                        sum: w.sum_sq[k],
                        comp: w.sum_sq_comp[k],
                    },
                };
                // at most count × MAX_WEIGHT (and its square), as a tally built from
                // data holds (with room for rounding): so no merge can overflow
                #[allow(clippy::cast_precision_loss)] // a bound, not a count
                let c = raw.counts[k] as f64 * (1.0 + 1e-9);
                let ok = (0.0..=c * Tally::MAX_WEIGHT).contains(&pw.sum.value())
                    && (0.0..=c * Tally::MAX_WEIGHT * Tally::MAX_WEIGHT)
                        .contains(&pw.sum_sq.value());
                if !ok {
                    return bad("weight sums exceed their counts times 1e144".to_owned());
                }
                out.push(pw);
            }
            Some(out)
        }
    };
    Ok(Tally {
        scale: raw.scale,
        counts: raw.counts,
        weights,
        missing: raw.missing,
        invalid: raw.invalid,
    })
}

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Tally {
    /// The tally as JSON in the versioned `cxmetrics.tally` format (version 1).
    ///
    /// The format stores counts, the compensated weight sums (with their
    /// compensation terms), `missing` and `invalid`, so a round trip is exact.
    ///
    /// # Examples
    /// ```
    /// use cxmetrics::{Scale, Tally};
    /// let t = Tally::from_scores(Scale::ONE_TO_FIVE, &[5, 4, 1])?;
    /// let back = Tally::from_json(&t.to_json())?;
    /// assert_eq!(back, t);
    /// # Ok::<(), cxmetrics::Error>(())
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| unreachable!("tally serializes: {e}"))
    }

    /// Reads a tally written by [`Tally::to_json`] (in any language binding).
    ///
    /// # Errors
    /// `invalid_format` for malformed JSON, another format or version, arrays of
    /// the wrong length, negative / non-finite weight sums, or counts, `missing` and
    /// `invalid` that sum to more than [`Tally::MAX_ROWS`]; `invalid_scale`
    /// inside the message when the stored scale is not valid.
    pub fn from_json(s: &str) -> Result<Tally> {
        let raw: Raw = serde_json::from_str(s).map_err(|e| Error::InvalidFormat(e.to_string()))?;
        from_raw(raw)
    }
}
