//! Regression tests for the findings of the fuzz targets in `fuzz/` (see fuzz/README.md):
//! each test is the minimised input of one finding, with the expectation taken from the
//! documentation, not from the library's output.

use cxmetrics::{OnInvalid, Scale, Tally};

/// `out_of_scale` is "a score outside the scale's min..=max" (docs/conventions.md): a
/// fraction just above `max` is outside it, exactly like one just below `min`. The
/// classification used to accept anything below `max + 1` as in range and called 10.5
/// on 0–10 `not_integer` (while −0.5 was `out_of_scale`).
#[test]
fn fraction_above_max_is_out_of_scale() {
    for (scale, x) in [
        (Scale::NPS, 10.5),
        (Scale::NPS, 10.000_000_1),
        (Scale::NPS, -0.5),
        (Scale::new(10, 22).unwrap(), 8.5),
        (Scale::new(10, 22).unwrap(), 22.5),
    ] {
        let e = Tally::from_scores(scale, &[x]).unwrap_err();
        assert_eq!(
            (e.code(), e.index()),
            ("out_of_scale", Some(0)),
            "{x} on {scale}: {e}"
        );
        if f64::from(x as f32) == x {
            let e = Tally::from_scores(scale, &[x as f32]).unwrap_err();
            assert_eq!(e.code(), "out_of_scale", "{x} as f32 on {scale}");
        }
    }
    // inside the scale, a fraction is still `not_integer`
    let e = Tally::from_scores(Scale::NPS, &[9.5]).unwrap_err();
    assert_eq!(e.code(), "not_integer");
    // and both are skipped alike
    let t = Tally::from_scores_with(Scale::NPS, &[10.5, 9.5, 10.0], None, OnInvalid::Skip).unwrap();
    assert_eq!((t.n(), t.invalid()), (1, 2));
}

/// A tiny fraction (a subnormal, 1e-300, 2 + 2⁻⁵⁰) is not an integer. The counting pass
/// (`bin`) refused it, but the classification that names the first invalid row tested
/// `x − min`, where the fraction rounds away, found no invalid row and reported
/// `invalid_argument` "the data changed while it was read" instead of `not_integer`.
#[test]
fn tiny_fraction_is_not_integer() {
    let sub = f64::from_bits(146_850_047); // a subnormal, ≈ 7.3e-316
    let scale = Scale::new(-2, 32).unwrap();
    for x in [
        sub,
        1e-300,
        -1e-300,
        2.0 + 2f64.powi(-50),
        -2.0 + 2f64.powi(-51),
    ] {
        let e = Tally::from_scores(scale, &[5.0, x]).unwrap_err();
        assert_eq!(
            (e.code(), e.index()),
            ("not_integer", Some(1)),
            "{x:e}: {e}"
        );
        let mut t = Tally::new(scale);
        let e = t.push(x).unwrap_err();
        assert_eq!(e.code(), "not_integer", "{x:e}");
    }
    let e = Tally::from_scores(scale, &[f32::from_bits(1)]).unwrap_err();
    assert_eq!(e.code(), "not_integer");
    // skipped, such a value is invalid, never a point
    let t = Tally::from_scores_with(scale, &[sub, 1.0], None, OnInvalid::Skip).unwrap();
    assert_eq!((t.n(), t.invalid()), (1, 1));
}
