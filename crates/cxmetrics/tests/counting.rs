//! The counting passes (byte lanes for small scales, sub-histograms for large ones, the
//! blocked weighted pass) against a naive reference written here: one `if` per value.
//! Lengths cross the internal block sizes (255 rounds of 16, 32 or 64 lanes: 4080, 8160,
//! 16320 rows; 16 Ki and 256 rows) and scales cover every lane width, one-byte types
//! inside and outside their range, and wrapping values. Each check runs at every SIMD
//! level the CPU supports ([`Simd::available`]), or at `CXMETRICS_SIMD` alone.

use std::sync::{Mutex, PoisonError};

use cxmetrics::{OnInvalid, Scale, Simd, Tally};

/// Runs `f` at every SIMD level this CPU supports, or only at the one named by the
/// `CXMETRICS_SIMD` environment variable, then goes back to the best level. The level
/// is process-wide, so the tests that switch it take turns.
fn each_level(mut f: impl FnMut()) {
    static LOCK: Mutex<()> = Mutex::new(());
    let _turn = LOCK.lock().unwrap_or_else(PoisonError::into_inner);
    let levels = match std::env::var("CXMETRICS_SIMD") {
        Ok(name) => vec![Simd::parse(&name).unwrap()],
        Err(_) => Simd::available(),
    };
    for level in levels {
        level.set().unwrap();
        eprintln!("at SIMD level {level}");
        f();
    }
    Simd::best().set().unwrap();
}

/// The levels the CPU reports in /proc/cpuinfo (Linux) are the ones available, so no
/// path is skipped silently on a machine that has it.
#[test]
fn every_level_the_cpu_reports_is_available() {
    let available = Simd::available();
    assert!(available.contains(&Simd::Scalar) && available.contains(&Simd::Baseline));
    let Ok(info) = std::fs::read_to_string("/proc/cpuinfo") else {
        return;
    };
    let Some(flags) = info.lines().find(|l| l.starts_with("flags")) else {
        return;
    };
    let has = |f: &str| flags.split_whitespace().any(|x| x == f);
    if cfg!(target_arch = "x86_64") && ["avx2", "fma", "bmi2"].iter().all(|f| has(f)) {
        assert!(Simd::Avx2.is_supported());
    }
    let v4 = ["avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl"];
    if cfg!(target_arch = "x86_64") && v4.iter().all(|f| has(f)) {
        assert!(Simd::Avx512.is_supported());
    }
    assert_eq!(Simd::best(), *available.last().unwrap());
    assert_eq!(Simd::parse("avx512").unwrap(), Simd::Avx512);
}

/// Deterministic pseudo-random stream (64-bit LCG).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

/// Naive reference: (counts per point, missing, invalid), skipping invalid values.
fn reference(values: &[f64], scale: Scale) -> (Vec<u64>, u64, u64) {
    let mut counts = vec![0u64; scale.points()];
    let (mut missing, mut invalid) = (0, 0);
    for &v in values {
        if v.is_nan() {
            missing += 1;
        } else if v.is_finite()
            && v.fract() == 0.0
            && v >= f64::from(scale.min())
            && v <= f64::from(scale.max())
        {
            counts[(v - f64::from(scale.min())) as usize] += 1;
        } else {
            invalid += 1;
        }
    }
    (counts, missing, invalid)
}

fn check<T: cxmetrics::Score + Into<f64>>(xs: &[T], scale: Scale, what: &str) {
    let as_f64: Vec<f64> = xs.iter().map(|&x| x.into()).collect();
    let (counts, missing, invalid) = reference(&as_f64, scale);
    let t = Tally::from_scores_with(scale, xs, None, OnInvalid::Skip).unwrap();
    assert_eq!(t.counts(), &counts[..], "{what}: counts on {scale}");
    assert_eq!(
        (t.missing(), t.invalid()),
        (missing, invalid),
        "{what} on {scale}"
    );
    // the error path names the first invalid value
    let first_bad = as_f64
        .iter()
        .position(|&v| !v.is_nan() && reference(&[v], scale).2 == 1);
    let r = Tally::from_scores(scale, xs);
    assert_eq!(
        r.err().and_then(|e| e.index()),
        first_bad,
        "{what} on {scale}"
    );
}

fn scales() -> Vec<Scale> {
    let mut out = vec![
        Scale::NPS,
        Scale::ONE_TO_FIVE,
        Scale::ONE_TO_SEVEN,
        Scale::BINARY,
    ];
    for (min, max) in [
        (0, 1),
        (0, 3),
        (1, 4),
        (0, 7),
        (1, 12),
        (0, 14),
        (0, 15),
        (1, 16),
        (0, 16),
        (0, 100),
        (-5, 5),
        (-3, 8),
        (250, 255),
        (120, 127),
        (120, 130),
        (-128, -120),
        (-130, -125),
        (300, 305),
    ] {
        out.push(Scale::new(min, max).unwrap());
    }
    out
}

#[test]
fn byte_types_match_the_reference_on_every_lane_width() {
    each_level(|| {
        let mut rng = Lcg(7);
        for len in [0, 1, 17, 65, 4081, 8161, 16321] {
            let u8s: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            // mostly in a small range so the valid bins are well filled
            let small: Vec<u8> = (0..len).map(|_| (rng.next() % 20) as u8).collect();
            let i8s: Vec<i8> = (0..len).map(|_| rng.next() as i8).collect();
            let i8_small: Vec<i8> = (0..len).map(|_| (rng.next() % 24) as i8 - 6).collect();
            for scale in scales() {
                check(&u8s, scale, "u8 (full range)");
                check(&small, scale, "u8 (0..20)");
                check(&i8s, scale, "i8 (full range)");
                check(&i8_small, scale, "i8 (-6..18)");
            }
        }
    });
}

#[test]
fn wide_types_match_the_reference_with_missing_and_invalid() {
    each_level(|| {
        let mut rng = Lcg(11);
        for len in [0, 1, 33, 4081, 16385] {
            let f64s: Vec<f64> = (0..len)
                .map(|_| match rng.next() % 40 {
                    0 => f64::NAN,
                    1 => f64::INFINITY,
                    2 => f64::NEG_INFINITY,
                    3 => 2.5,
                    4 => -1.0,
                    5 => 1e300,
                    6 => -0.0,
                    k => (k % 20) as f64 - 3.0,
                })
                .collect();
            let f32s: Vec<f32> = f64s.iter().map(|&x| x as f32).collect();
            let i64s: Vec<i64> = (0..len)
                .map(|_| match rng.next() % 30 {
                    0 => i64::MIN,
                    1 => i64::MAX,
                    2 => 256,
                    k => k as i64 - 8,
                })
                .collect();
            let i32s: Vec<i32> = i64s.iter().map(|&x| x as i32).collect();
            let u16s: Vec<u16> = i64s.iter().map(|&x| x as u16).collect();
            for scale in scales() {
                check(&f64s, scale, "f64");
                check(&f32s, scale, "f32");
                check(&i32s, scale, "i32");
                check(&u16s, scale, "u16");
                // i64 / u64 do not convert into f64 losslessly; compare through i32 copies
                let t64 = Tally::from_scores_with(scale, &i64s, None, OnInvalid::Skip).unwrap();
                let clipped: Vec<f64> = i64s
                    .iter()
                    .map(|&x| {
                        if x.unsigned_abs() > 1 << 40 {
                            1e300
                        } else {
                            x as f64
                        }
                    })
                    .collect();
                let (counts, _, invalid) = reference(&clipped, scale);
                assert_eq!((t64.counts(), t64.invalid()), (&counts[..], invalid));
            }
        }
    });
}

#[test]
fn weighted_pass_matches_a_naive_compensated_reference() {
    each_level(|| {
        let mut rng = Lcg(3);
        for len in [1, 255, 256, 257, 4096 + 9] {
            let xs: Vec<f64> = (0..len)
                .map(|_| match rng.next() % 25 {
                    0 => f64::NAN,
                    1 => 11.0,
                    k => (k % 11) as f64,
                })
                .collect();
            let ws: Vec<f64> = (0..len)
                .map(|i| match (rng.next() % 50, i % 3) {
                    (0, _) => f64::NAN,
                    (1, _) => -1.0,
                    (2, _) => f64::INFINITY,
                    (_, 0) => 0.0,
                    _ => (rng.next() % 1000) as f64 / 7.0,
                })
                .collect();
            let t = Tally::from_scores_with(Scale::NPS, &xs, Some(&ws), OnInvalid::Skip).unwrap();
            let mut counts = [0u64; 11];
            let mut sums = [0f64; 11];
            let mut sq = [0f64; 11];
            let (mut missing, mut invalid) = (0, 0);
            for (&x, &w) in xs.iter().zip(&ws) {
                if x.is_nan() {
                    missing += 1;
                } else if x > 10.0 || !(w.is_finite() && w >= 0.0) {
                    invalid += 1;
                } else {
                    counts[x as usize] += 1;
                    sums[x as usize] += w;
                    sq[x as usize] += w * w;
                }
            }
            assert_eq!(t.counts(), &counts);
            assert_eq!((t.missing(), t.invalid()), (missing, invalid));
            for (a, b) in t.point_weights().iter().zip(sums) {
                assert!((a - b).abs() <= 1e-12 * b.max(1.0), "{a} vs {b}");
            }
            let total_sq: f64 = sq.iter().sum();
            assert!((t.sum_weights_sq() - total_sq).abs() <= 1e-12 * total_sq.max(1.0));
            // with on_invalid = error, the first invalid row is named: score or weight
            let first = xs
                .iter()
                .zip(&ws)
                .position(|(&x, &w)| !x.is_nan() && (x > 10.0 || !(w.is_finite() && w >= 0.0)));
            let err = Tally::from_scores_with(Scale::NPS, &xs, Some(&ws), OnInvalid::Error).err();
            assert_eq!(err.as_ref().and_then(cxmetrics::Error::index), first);
            if let (Some(e), Some(i)) = (err, first) {
                let code = if xs[i] > 10.0 {
                    "out_of_scale"
                } else {
                    "invalid_weight"
                };
                assert_eq!(e.code(), code);
            }
        }
    });
}

/// A validity bitmap (LSB first) with `offset` leading bits, from row flags.
fn bitmap(valid: &[bool], offset: usize) -> Vec<u8> {
    let mut bits = vec![0u8; (offset + valid.len()).div_ceil(8) + 1];
    for (i, &v) in valid.iter().enumerate() {
        if v {
            bits[(offset + i) / 8] |= 1 << ((offset + i) % 8);
        }
    }
    // the bits before the offset are set, so reading them by mistake would show
    for b in 0..offset {
        bits[b / 8] |= 1 << (b % 8);
    }
    bits
}

fn check_masked<T: cxmetrics::Score + Into<f64>>(xs: &[T], valid: &[bool], scale: Scale) {
    for offset in [0, 3, 8, 13] {
        let bits = bitmap(valid, offset);
        let answered: Vec<f64> = xs
            .iter()
            .zip(valid)
            .map(|(&x, &v)| if v { x.into() } else { f64::NAN })
            .collect();
        let (counts, missing, invalid) = reference(&answered, scale);
        let mut t = Tally::new(scale);
        t.extend_with_validity(xs, &bits, offset, None, OnInvalid::Skip)
            .unwrap();
        assert_eq!(t.counts(), &counts[..], "offset {offset} on {scale}");
        assert_eq!((t.missing(), t.invalid()), (missing, invalid));
        let first_bad = answered
            .iter()
            .position(|&v| !v.is_nan() && reference(&[v], scale).2 == 1);
        let err = Tally::new(scale)
            .extend_with_validity(xs, &bits, offset, None, OnInvalid::Error)
            .err();
        assert_eq!(err.and_then(|e| e.index()), first_bad, "offset {offset}");
        // weighted (unit weights): the same counts
        let ones = vec![1.0; xs.len()];
        let mut w = Tally::new(scale);
        w.extend_with_validity(xs, &bits, offset, Some(&ones), OnInvalid::Skip)
            .unwrap();
        assert_eq!(w.counts(), &counts[..]);
        assert_eq!((w.missing(), w.invalid()), (missing, invalid));
    }
}

#[test]
fn validity_bitmaps_mark_missing_rows_whatever_they_hold() {
    each_level(|| {
        let mut rng = Lcg(5);
        for len in [0, 1, 9, 4079, 4081, 2 * 4080 + 300] {
            // nulls hold garbage (255, -128, NaN, 1e300) that must never be read as scores
            let valid: Vec<bool> = (0..len).map(|_| !rng.next().is_multiple_of(4)).collect();
            let u8s: Vec<u8> = valid
                .iter()
                .map(|&v| if v { (rng.next() % 12) as u8 } else { 255 })
                .collect();
            let i64s: Vec<i64> = valid
                .iter()
                .map(|&v| {
                    if v {
                        (rng.next() % 13) as i64 - 1
                    } else {
                        i64::MIN
                    }
                })
                .collect();
            let f64s: Vec<f64> = valid
                .iter()
                .map(|&v| match (v, rng.next() % 30) {
                    (_, 0) => f64::NAN,
                    (false, _) => 1e300,
                    (true, 1) => 0.5,
                    (true, k) => (k % 12) as f64,
                })
                .collect();
            for scale in [Scale::NPS, Scale::ONE_TO_FIVE, Scale::new(0, 100).unwrap()] {
                check_masked(&u8s, &valid, scale);
                let i32s: Vec<i32> = i64s.iter().map(|&x| x.clamp(-1000, 1000) as i32).collect();
                check_masked(&i32s, &valid, scale);
                check_masked(&f64s, &valid, scale);
                // i64 does not convert into f64 losslessly: compare with its f64 image
                let mut a = Tally::new(scale);
                a.extend_with_validity(&i64s, &bitmap(&valid, 5), 5, None, OnInvalid::Skip)
                    .unwrap();
                let image: Vec<f64> = i64s
                    .iter()
                    .zip(&valid)
                    .map(|(&x, &v)| if v { x as f64 } else { f64::NAN })
                    .collect();
                let (counts, missing, invalid) = reference(&image, scale);
                assert_eq!(a.counts(), &counts[..]);
                assert_eq!((a.missing(), a.invalid()), (missing, invalid));
            }
        }
    });
}

#[test]
fn validity_bitmap_must_cover_every_row() {
    let mut t = Tally::new(Scale::NPS);
    // 2 bytes = 16 bits; offset 7 leaves 9 for 10 rows
    let err = t
        .extend_with_validity(&[1u8; 10], &[0xff, 0xff], 7, None, OnInvalid::Error)
        .unwrap_err();
    assert_eq!((err.code(), t.n()), ("length_mismatch", 0));
    let err = t
        .extend_with_validity(&[1u8; 3], &[], usize::MAX, None, OnInvalid::Error)
        .unwrap_err();
    assert_eq!(err.code(), "length_mismatch");
    // exactly enough bits is fine; weights of another length are refused
    t.extend_with_validity(&[1u8; 9], &[0xff, 0xff], 7, None, OnInvalid::Error)
        .unwrap();
    assert_eq!(t.n(), 9);
    let err = t
        .extend_with_validity(&[1u8; 3], &[0xff], 0, Some(&[1.0]), OnInvalid::Error)
        .unwrap_err();
    assert_eq!(err.code(), "length_mismatch");
}

/// Long enough for the `parallel` feature's threads (4 Mi rows), which split the
/// bitmap at row boundaries that are not byte boundaries.
#[test]
fn validity_bitmap_on_a_large_input() {
    let len = (1 << 22) + 12_345;
    let mut rng = Lcg(9);
    let valid: Vec<bool> = (0..len).map(|_| !rng.next().is_multiple_of(5)).collect();
    let xs: Vec<u8> = valid
        .iter()
        .map(|&v| if v { (rng.next() % 11) as u8 } else { 200 })
        .collect();
    let bits = bitmap(&valid, 3);
    let mut t = Tally::new(Scale::NPS);
    t.extend_with_validity(&xs, &bits, 3, None, OnInvalid::Error)
        .unwrap();
    let mut counts = [0u64; 11];
    for (&x, &v) in xs.iter().zip(&valid) {
        if v {
            counts[usize::from(x)] += 1;
        }
    }
    assert_eq!(t.counts(), &counts);
    assert_eq!(t.missing(), valid.iter().filter(|&&v| !v).count() as u64);
    // the first invalid answered row, late in the input, is found with its index
    let mut ys = xs.clone();
    let late = len - 7;
    let late_valid = (late..len).find(|&i| valid[i]).unwrap();
    ys[late_valid] = 11;
    let err = Tally::new(Scale::NPS)
        .extend_with_validity(&ys, &bits, 3, None, OnInvalid::Error)
        .unwrap_err();
    assert_eq!(err.index(), Some(late_valid));
}

/// The narrow-arithmetic bin mapping of 8- and 16-bit scores (used with a validity
/// bitmap) against a per-row count, on scales around, below and above zero and far from
/// the types' ranges: every value of the type once, every 7th row null.
#[test]
fn narrow_scores_with_validity_match_a_per_row_count() {
    each_level(|| {
        fn check<T: cxmetrics::Score + Copy + Into<i64>>(xs: &[T]) {
            let validity: Vec<u8> = (0..xs.len().div_ceil(8))
                .map(|byte| {
                    (0..8)
                        .filter(|bit| (byte * 8 + bit) % 7 != 3)
                        .fold(0u8, |a, bit| a | (1 << bit))
                })
                .collect();
            for (lo, hi) in [
                (0, 10),
                (-3, 3),
                (1, 5),
                (-50, 50),
                (200, 300),
                (-70_000, -69_990),
                (1 << 20, (1 << 20) + 4),
            ] {
                let scale = Scale::new(lo, hi).unwrap();
                let mut t = Tally::new(scale);
                t.extend_with_validity(xs, &validity, 0, None, OnInvalid::Skip)
                    .unwrap();
                let mut want = vec![0u64; scale.points()];
                let (mut missing, mut invalid) = (0u64, 0u64);
                for (i, &x) in xs.iter().enumerate() {
                    let v: i64 = x.into();
                    if i % 7 == 3 {
                        missing += 1;
                    } else if (lo..=hi).contains(&v) {
                        want[usize::try_from(v - lo).unwrap()] += 1;
                    } else {
                        invalid += 1;
                    }
                }
                assert_eq!(
                    (t.counts(), t.missing(), t.invalid()),
                    (&want[..], missing, invalid),
                    "{lo}..={hi}"
                );
            }
        }
        check(&(0..=255u8).collect::<Vec<_>>());
        check(&(-128..=127i8).collect::<Vec<_>>());
        check(&(0..=u16::MAX).step_by(7).collect::<Vec<_>>());
        check(&(i16::MIN..=i16::MAX).step_by(5).collect::<Vec<_>>());
    });
}

/// Naive weighted reference: per point (count, Σw, Σw²) with compensated sums (Neumaier,
/// written here), `missing`, `invalid`, and the index of the first invalid row.
struct Weighted {
    counts: Vec<u64>,
    sums: Vec<f64>,
    sq: Vec<f64>,
    missing: u64,
    invalid: u64,
    first_bad: Option<usize>,
}

fn weighted_reference(xs: &[f64], ws: &[f64], scale: Scale) -> Weighted {
    fn add((s, c): &mut (f64, f64), x: f64) {
        let t = *s + x;
        *c += if s.abs() >= x.abs() {
            (*s - t) + x
        } else {
            (x - t) + *s
        };
        *s = t;
    }
    let p = scale.points();
    let (mut sums, mut sq) = (vec![(0.0, 0.0); p], vec![(0.0, 0.0); p]);
    let mut out = Weighted {
        counts: vec![0; p],
        sums: Vec::new(),
        sq: Vec::new(),
        missing: 0,
        invalid: 0,
        first_bad: None,
    };
    for (i, (&x, &w)) in xs.iter().zip(ws).enumerate() {
        let (lo, hi) = (f64::from(scale.min()), f64::from(scale.max()));
        // a valid weight is in [0, 1e144] (NaN and ±∞ are not)
        let valid = x.fract() == 0.0 && (lo..=hi).contains(&x);
        if x.is_nan() {
            out.missing += 1;
        } else if !(valid && (0.0..=Tally::MAX_WEIGHT).contains(&w)) {
            out.invalid += 1;
            out.first_bad.get_or_insert(i);
        } else {
            let k = (x - lo) as usize;
            out.counts[k] += 1;
            add(&mut sums[k], w);
            add(&mut sq[k], w * w);
        }
    }
    out.sums = sums.iter().map(|(s, c)| s + c).collect();
    out.sq = sq.iter().map(|(s, c)| s + c).collect();
    out
}

/// `got` within `rel` of the sum `want` of non-negative terms.
fn close(got: f64, want: f64, rel: f64) -> bool {
    (got - want).abs() <= rel * want
}

/// Weighted scores: mostly valid (skewed to the top points, in runs), some missing,
/// out of the scale or fractional; weights with NaN, negative, ±∞, −0, 0, above the
/// limit, and spread magnitudes.
fn weighted_input(rng: &mut Lcg, len: usize, scale: Scale) -> (Vec<f64>, Vec<f64>) {
    let (lo, hi) = (i64::from(scale.min()), i64::from(scale.max()));
    let span = (hi - lo + 1) as u64;
    let mut run = 0u64;
    let xs = (0..len)
        .map(|_| match rng.next() % 40 {
            0 => f64::NAN,
            1 => (hi + 1) as f64,
            2 => lo as f64 + 0.5,
            3..=12 => {
                run = rng.next() % 3; // runs of the top points
                (hi - run as i64) as f64
            }
            _ => (lo + (rng.next() % span) as i64) as f64,
        })
        .collect();
    let ws = (0..len)
        .map(|_| match rng.next() % 200 {
            0 => f64::NAN,
            1 => -1.0,
            2 => f64::INFINITY,
            3 => -0.0,
            4 => 0.0,
            5 => 2e144,
            6 => 1e100,
            k => (k as f64).powi((k % 5) as i32 - 2) / 3.0,
        })
        .collect();
    (xs, ws)
}

/// The weighted pass (byte bins at each SIMD level; masked per-point sums in 8 lanes at
/// AVX-512, an 8-set scatter elsewhere and for scales of more than 14 points) against a
/// naive compensated reference: counts exact, sums within 1e-13 relative, the first
/// invalid row (score or weight) named; lengths cross the 8-row lanes and the 256-row
/// blocks. Every level gives the same tally, weight sums bit for bit.
#[test]
fn weighted_pass_at_every_level_matches_the_reference_and_the_other_levels() {
    let scales = [
        Scale::NPS,
        Scale::ONE_TO_FIVE,
        Scale::ONE_TO_SEVEN,
        Scale::BINARY,
        Scale::new(0, 13).unwrap(),
        Scale::new(0, 14).unwrap(),
        Scale::new(-3, 8).unwrap(),
        Scale::new(1, 100).unwrap(),
    ];
    let mut rng = Lcg(21);
    for len in [0, 1, 7, 8, 9, 255, 256, 257, 263, 3 * 256 + 15, 4096 + 9] {
        for scale in scales {
            let (xs, ws) = weighted_input(&mut rng, len, scale);
            let want = weighted_reference(&xs, &ws, scale);
            let f32s: Vec<f32> = xs.iter().map(|&x| x as f32).collect();
            let i64s: Vec<i64> = xs
                .iter()
                .map(|&x| if x.fract() == 0.0 { x as i64 } else { 1 << 40 })
                .collect();
            let mut per_level: Vec<Tally> = Vec::new();
            each_level(|| {
                let t = Tally::from_scores_with(scale, &xs, Some(&ws), OnInvalid::Skip).unwrap();
                let what = format!("{len} rows on {scale} at {}", Simd::current());
                assert_eq!(t.counts(), &want.counts[..], "{what}");
                assert_eq!((t.missing(), t.invalid()), (want.missing, want.invalid));
                for (k, (&a, &b)) in t.point_weights().iter().zip(&want.sums).enumerate() {
                    assert!(close(a, b, 1e-13), "{what}: Σw[{k}] {a} vs {b}");
                }
                let sq_total: f64 = want.sq.iter().sum();
                assert!(close(t.sum_weights_sq(), sq_total, 1e-13), "{what}: Σw²");
                // the same counts whatever the score type
                let t32 = Tally::from_scores_with(scale, &f32s, Some(&ws), OnInvalid::Skip);
                let t64 = Tally::from_scores_with(scale, &i64s, Some(&ws), OnInvalid::Skip);
                assert_eq!(t32.unwrap(), t, "{what}: f32");
                assert_eq!(t64.unwrap().counts(), t.counts(), "{what}: i64");
                // with on_invalid = error: the first invalid row, score or weight
                let e = Tally::from_scores_with(scale, &xs, Some(&ws), OnInvalid::Error).err();
                assert_eq!(e.as_ref().and_then(cxmetrics::Error::index), want.first_bad);
                if let (Some(e), Some(i)) = (e, want.first_bad) {
                    let codes: &[&str] = if reference(&[xs[i]], scale).2 == 1 {
                        &["out_of_scale", "not_integer"]
                    } else {
                        &["invalid_weight"]
                    };
                    assert!(codes.contains(&e.code()), "{what}: row {i}: {e}");
                }
                per_level.push(t);
            });
            assert!(
                per_level.windows(2).all(|w| w[0] == w[1]),
                "{len} rows on {scale}: the levels disagree"
            );
        }
    }
}

/// Long enough for the `parallel` feature's threads (4 Mi rows; parts of whole 16 Ki
/// blocks): counts exact, weight sums within the merge bound of a compensated
/// reference, and with invalid weights in several parts, the lowest index is named.
#[test]
fn weighted_pass_on_a_large_input() {
    let len = (1 << 22) + 12_345;
    let mut rng = Lcg(13);
    let xs: Vec<f64> = (0..len)
        .map(|i| {
            if i % 97 == 5 {
                f64::NAN
            } else {
                (rng.next() % 11) as f64
            }
        })
        .collect();
    let ws: Vec<f64> = (0..len).map(|_| (rng.next() % 1000) as f64 / 8.0).collect();
    let want = weighted_reference(&xs, &ws, Scale::NPS);
    each_level(|| {
        let t = Tally::from_scores_with(Scale::NPS, &xs, Some(&ws), OnInvalid::Error).unwrap();
        assert_eq!(t.counts(), &want.counts[..]);
        assert_eq!((t.missing(), t.invalid()), (want.missing, 0));
        for (&a, &b) in t.point_weights().iter().zip(&want.sums) {
            assert!(close(a, b, 1e-13), "{a} vs {b}");
        }
        let sq_total: f64 = want.sq.iter().sum();
        assert!(close(t.sum_weights_sq(), sq_total, 1e-13));
        // invalid weights late in the input and near the end of the first half: the
        // lowest index is named whatever part it is counted in
        let mut bad = ws.clone();
        let (early, late) = (len / 2 - 3, len - 10);
        let late = (late..len).find(|&i| !xs[i].is_nan()).unwrap();
        bad[late] = -2.0;
        let e = Tally::from_scores_with(Scale::NPS, &xs, Some(&bad), OnInvalid::Error).unwrap_err();
        assert_eq!((e.code(), e.index()), ("invalid_weight", Some(late)));
        let early = (early..len).find(|&i| !xs[i].is_nan()).unwrap();
        bad[early] = f64::NAN;
        let e = Tally::from_scores_with(Scale::NPS, &xs, Some(&bad), OnInvalid::Error).unwrap_err();
        assert_eq!((e.code(), e.index()), ("invalid_weight", Some(early)));
        let t = Tally::from_scores_with(Scale::NPS, &xs, Some(&bad), OnInvalid::Skip).unwrap();
        assert_eq!(
            (t.n(), t.invalid()),
            (want.counts.iter().sum::<u64>() - 2, 2)
        );
        // a weights column of another length is refused before any thread starts
        let e = Tally::from_scores_with(Scale::NPS, &xs, Some(&ws[1..]), OnInvalid::Error);
        assert_eq!(e.unwrap_err().code(), "length_mismatch");
    });
}
