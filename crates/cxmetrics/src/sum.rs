//! Compensated (Neumaier) summation, so that weight sums merge reproducibly.

/// A running sum with a Neumaier compensation term.
///
/// `value() = sum + comp`. Adding the same numbers in any order or partition agrees
/// with exact summation to within a few ulps of the total, far inside the 1e-12
/// relative guarantee stated for merged tallies.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct NeumaierSum {
    pub(crate) sum: f64,
    pub(crate) comp: f64,
}

impl NeumaierSum {
    #[inline]
    pub(crate) fn add(&mut self, x: f64) {
        let t = self.sum + x;
        if self.sum.abs() >= x.abs() {
            self.comp += (self.sum - t) + x;
        } else {
            self.comp += (x - t) + self.sum;
        }
        self.sum = t;
    }

    pub(crate) fn merge(&mut self, other: NeumaierSum) {
        self.add(other.sum);
        self.comp += other.comp;
    }

    #[inline]
    pub(crate) fn value(self) -> f64 {
        self.sum + self.comp
    }
}

/// The power of two `2^-e` that brings `max` (the largest magnitude of some finite
/// values, ≥ 0) into `[0.5, 1)`, or 1 for 0 and subnormal maxima.
///
/// Multiplying by a power of two is exact (short of underflow), and sums, products,
/// quotients and square roots commute with it bit for bit, so computing on scaled values
/// and scaling back gives the same result as the plain computation wherever that one
/// does not overflow, and a finite correct one where it would have.
pub(crate) fn pow2_scale(max: f64) -> f64 {
    if !(max.is_finite() && max >= f64::MIN_POSITIVE) {
        return 1.0;
    }
    // max in [2^k, 2^(k+1)), k = biased − 1023, biased in 1..=2046; the scale is
    // 2^-(k+1), whose biased exponent 2045 − biased is ≥ 1 (normal) except for
    // max ≥ 2^1022, where the scale is the subnormal 2^-1023 or 2^-1024 (still exact)
    let biased = ((max.to_bits() >> 52) & 0x7ff) as i64;
    let scale_biased = 2045 - biased;
    if scale_biased >= 1 {
        f64::from_bits((scale_biased as u64) << 52)
    } else {
        f64::from_bits(1u64 << (51 + scale_biased))
    }
}

#[cfg(test)]
mod tests {
    use super::{NeumaierSum, pow2_scale};

    #[test]
    fn pow2_scale_brings_the_maximum_into_half_open_unit() {
        for m in [
            1.0,
            0.75,
            3.0,
            1e-300,
            1e300,
            f64::MAX,
            f64::MIN_POSITIVE,
            2f64.powi(1022),
        ] {
            let s = pow2_scale(m);
            assert!((0.5..1.0).contains(&(m * s)), "{m:e} × {s:e}");
            assert_eq!((m * s) / s, m, "{m:e}");
        }
        assert_eq!(pow2_scale(0.0), 1.0);
        assert_eq!(pow2_scale(f64::MIN_POSITIVE / 4.0), 1.0);
    }

    #[test]
    fn recovers_what_naive_summation_loses() {
        let mut s = NeumaierSum::default();
        for x in [1.0, 1e100, 1.0, -1e100] {
            s.add(x);
        }
        assert_eq!(s.value(), 2.0);
    }

    #[test]
    fn merge_of_parts_equals_whole() {
        let xs: Vec<f64> = (1..=1000).map(|i| 1.0 / f64::from(i)).collect();
        let mut whole = NeumaierSum::default();
        for &x in &xs {
            whole.add(x);
        }
        let (mut a, mut b) = (NeumaierSum::default(), NeumaierSum::default());
        for &x in &xs[..333] {
            a.add(x);
        }
        for &x in &xs[333..] {
            b.add(x);
        }
        a.merge(b);
        assert!((a.value() - whole.value()).abs() <= 1e-15 * whole.value());
    }
}
