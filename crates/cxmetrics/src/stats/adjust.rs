//! Multiple comparisons: p-value adjustment.

use crate::error::{Error, Result};

/// The default significance level α below which an (adjusted) p-value counts as a
/// significant difference: 0.05 (used by reports that flag changes; the `adjust_*`
/// functions themselves take no α).
pub const DEFAULT_ALPHA: f64 = 0.05;

/// How to adjust p-values for multiple comparisons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PAdjust {
    /// Holm's step-down method: controls the family-wise error rate.
    Holm,
    /// Benjamini–Hochberg step-up: controls the false discovery rate.
    BenjaminiHochberg,
}

impl PAdjust {
    /// Parses `"holm"` or `"bh"`.
    ///
    /// # Errors
    /// `invalid_argument` for any other string.
    pub fn parse(s: &str) -> Result<PAdjust> {
        match s {
            "holm" => Ok(PAdjust::Holm),
            "bh" => Ok(PAdjust::BenjaminiHochberg),
            other => Err(Error::invalid_argument(
                "method",
                format!("p-value adjustment must be \"holm\" or \"bh\", got {other:?}"),
            )),
        }
    }

    /// The binding spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            PAdjust::Holm => "holm",
            PAdjust::BenjaminiHochberg => "bh",
        }
    }
}

/// Adjusted p-values, in the input's order.
///
/// # Formula
/// ```text
/// sorted ascending p₍₁₎ ≤ … ≤ p₍ₘ₎
/// holm: p̃₍ᵢ₎ = maxⱼ≤ᵢ min(1, (m − j + 1) p₍ⱼ₎)
/// bh:   p̃₍ᵢ₎ = minⱼ≥ᵢ min(1, m/j · p₍ⱼ₎)
/// ```
///
/// # Edge cases
/// An empty list gives an empty list. Ties keep their order.
///
/// # Errors
/// `invalid_argument` for a p-value outside [0, 1] or NaN, naming its index.
///
/// # Examples
/// ```
/// use cxmetrics::{adjust_p_values, PAdjust};
/// let p = [0.01, 0.04, 0.03];
/// assert_eq!(adjust_p_values(&p, PAdjust::Holm)?, [0.03, 0.06, 0.06]);
/// let bh = adjust_p_values(&p, PAdjust::BenjaminiHochberg)?;
/// assert!((bh[0] - 0.03).abs() < 1e-12 && (bh[1] - 0.04).abs() < 1e-12);
/// # Ok::<(), cxmetrics::Error>(())
/// ```
pub fn adjust_p_values(p_values: &[f64], method: PAdjust) -> Result<Vec<f64>> {
    if let Some((i, p)) = p_values
        .iter()
        .enumerate()
        .find(|(_, p)| !(0.0..=1.0).contains(*p))
    {
        return Err(Error::InvalidArgument {
            name: "p_values".into(),
            message: format!("p-value {p} at index {i} is not in [0, 1]"),
            index: Some(i),
        });
    }
    let m = p_values.len();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&a, &b| p_values[a].total_cmp(&p_values[b]));
    let mut out = vec![0.0; m];
    let mf = m as f64;
    match method {
        PAdjust::Holm => {
            let mut running: f64 = 0.0;
            for (rank, &i) in order.iter().enumerate() {
                let v = ((mf - rank as f64) * p_values[i]).min(1.0);
                running = running.max(v);
                out[i] = running;
            }
        }
        PAdjust::BenjaminiHochberg => {
            let mut running: f64 = 1.0;
            for (rank, &i) in order.iter().enumerate().rev() {
                let v = (mf / (rank as f64 + 1.0) * p_values[i]).min(1.0);
                running = running.min(v);
                out[i] = running;
            }
        }
    }
    Ok(out)
}
