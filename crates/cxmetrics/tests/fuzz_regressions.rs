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

/// A window boundary at the first reading of a DST gap (02:00 on a spring-forward day, or
/// the midnight that Pacific/Apia skipped on 30 December 2011) is the transition itself
/// ("the first instant at which the local clock reads ≥ that time", the `Schedule`
/// docs). The lookup of the transition asked for transitions strictly before that very
/// instant and got the previous one, months earlier, so the window closed (or opened)
/// in the past and counted 0. Found by the `business_seconds` fuzz target.
#[test]
fn boundary_at_the_start_of_a_gap_is_the_transition() {
    use cxmetrics::jiff::Timestamp;
    use cxmetrics::jiff::civil::{Weekday, time};
    use cxmetrics::{Schedule, Window};
    let at = |s: &str| s.parse::<Timestamp>().unwrap();
    // New York springs forward on Sunday 2026-03-08 at 02:00 EST (07:00Z)
    let ny = |w: Window| Schedule::from_iana("America/New_York", &[w], &[]).unwrap();
    let (a, b) = (at("2026-03-07T12:00:00Z"), at("2026-03-09T12:00:00Z"));
    // 00:00-02:00 closes at the transition: 05:00Z to 07:00Z
    let s = ny(Window::new(
        Weekday::Sunday,
        time(0, 0, 0, 0),
        time(2, 0, 0, 0),
    ));
    assert_eq!(s.business_seconds(a, b).unwrap(), 7200.0);
    // 02:00-04:00 opens at the transition (07:00Z) and closes at 04:00 EDT (08:00Z)
    let s = ny(Window::new(
        Weekday::Sunday,
        time(2, 0, 0, 0),
        time(4, 0, 0, 0),
    ));
    assert_eq!(s.business_seconds(a, b).unwrap(), 3600.0);
    // Apia skipped Friday 2011-12-30: Thursday's 24-hour window closes at the
    // transition (2011-12-30T10:00Z), 24 h after it opened at 2011-12-29T10:00Z
    let w = Window::new(Weekday::Thursday, time(0, 0, 0, 0), time(0, 0, 0, 0));
    let s = Schedule::from_iana("Pacific/Apia", &[w], &[]).unwrap();
    let (a, b) = (at("2011-12-28T18:28:00Z"), at("2011-12-31T12:20:00Z"));
    assert_eq!(s.business_seconds(a, b).unwrap(), 86_400.0);
}
