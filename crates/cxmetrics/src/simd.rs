//! Which vector instructions the counting and binning passes use: [`Simd`].
//!
//! The passes are plain safe Rust, written so the compiler vectorises them. On x86-64
//! they are compiled several times — for the target's baseline (SSE2), for AVX2 and
//! for AVX-512 — and the widest level the CPU supports is chosen once, at run time,
//! through the [`pulp`](https://docs.rs/pulp) crate, which enables the instructions
//! for a closure after checking the CPU has them, so this crate keeps
//! `forbid(unsafe_code)`. Every level gives the same counts and weight sums, bit for
//! bit: only the speed differs. On other targets (wasm included, where `pulp` is not compiled) only
//! [`Simd::Scalar`] and [`Simd::Baseline`] exist.
//!
//! The level in use is process-wide: [`Simd::current`] (the best one unless
//! [`Simd::set`] chose another). The core reads no environment; the Python binding
//! reads `CXMETRICS_SIMD` (`scalar`, `baseline`, `avx2`, `avx512`) when it is loaded
//! and passes it to [`Simd::set`], and the tests run every [`Simd::available`] level.

#![allow(clippy::inline_always)] // the dispatch must vanish into its kernels

use std::sync::atomic::{AtomicU8, Ordering};

use crate::error::{Error, Result};

/// A level of vector instructions for the counting and binning passes.
///
/// Ordered from the narrowest to the widest. Results never depend on the level.
///
/// # Examples
/// ```
/// use cxmetrics::{Scale, Simd, Tally};
/// let best = Simd::best();
/// assert!(best.is_supported() && Simd::available().contains(&best));
/// let mut counts = Vec::new();
/// for level in Simd::available() {
///     level.set()?;
///     counts.push(Tally::from_scores(Scale::NPS, &[10.0, 9.0, f64::NAN, 3.0])?.counts().to_vec());
/// }
/// assert!(counts.windows(2).all(|w| w[0] == w[1]));
/// best.set()?;
/// assert_eq!(Simd::parse("avx2")?, Simd::Avx2);
/// assert_eq!(Simd::parse("sse4").unwrap_err().code(), "invalid_argument");
/// # Ok::<(), cxmetrics::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Simd {
    /// No byte-lane pass: every score is mapped to its bin and counted in 4 interleaved
    /// sub-histograms (the path of wasm builds without `simd128`, and of wide scales).
    Scalar,
    /// The byte-lane pass in 16 lanes, compiled for the build target's baseline (SSE2 on
    /// x86-64, NEON on aarch64, `simd128` when a wasm build enables it).
    Baseline,
    /// x86-64 with AVX2 (and FMA, BMI1/2, LZCNT, MOVBE: the x86-64-v3 set): 32 lanes.
    Avx2,
    /// x86-64 with AVX-512 F/BW/CD/DQ/VL (the x86-64-v4 set): 64 lanes.
    Avx512,
}

/// `u8::MAX` until [`Simd::set`] is called (then the level's index).
static CHOSEN: AtomicU8 = AtomicU8::new(u8::MAX);

impl Simd {
    /// Every level, narrowest first.
    pub const ALL: [Simd; 4] = [Simd::Scalar, Simd::Baseline, Simd::Avx2, Simd::Avx512];

    /// Parses `"scalar"`, `"baseline"`, `"avx2"` or `"avx512"` (the names of
    /// [`Simd::as_str`]).
    ///
    /// # Errors
    /// `invalid_argument` (named `simd`) for any other string.
    pub fn parse(s: &str) -> Result<Simd> {
        Simd::ALL
            .into_iter()
            .find(|l| l.as_str() == s)
            .ok_or_else(|| {
                Error::invalid_argument(
                    "simd",
                    format!("expected \"scalar\", \"baseline\", \"avx2\" or \"avx512\", got {s:?}"),
                )
            })
    }

    /// The level's name: `"scalar"`, `"baseline"`, `"avx2"` or `"avx512"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Simd::Scalar => "scalar",
            Simd::Baseline => "baseline",
            Simd::Avx2 => "avx2",
            Simd::Avx512 => "avx512",
        }
    }

    /// Whether this CPU (and this build's target) can run the level: `Baseline` always,
    /// `Scalar` everywhere but wasm (one level there, for the modules' size); `Avx2` and `Avx512` on x86-64 CPUs that have them (checked
    /// once, then cached).
    pub fn is_supported(self) -> bool {
        match self {
            // wasm has one level: its 128-bit lanes (the modules' size budgets)
            #[cfg(target_family = "wasm")]
            Simd::Scalar => false,
            #[cfg(not(target_family = "wasm"))]
            Simd::Scalar => true,
            Simd::Baseline => true,
            #[cfg(target_arch = "x86_64")]
            Simd::Avx2 => pulp::x86::V3::is_available(),
            #[cfg(target_arch = "x86_64")]
            Simd::Avx512 => pulp::x86::V4::is_available(),
            #[cfg(not(target_arch = "x86_64"))]
            Simd::Avx2 | Simd::Avx512 => false,
        }
    }

    /// The levels this CPU supports, narrowest first (at least `Scalar` and `Baseline`;
    /// on wasm only `Baseline`).
    pub fn available() -> Vec<Simd> {
        Simd::ALL.into_iter().filter(|l| l.is_supported()).collect()
    }

    /// The widest supported level: what is used unless [`Simd::set`] chose another.
    pub fn best() -> Simd {
        Simd::ALL
            .into_iter()
            .rev()
            .find(|l| l.is_supported())
            .unwrap_or(Simd::Baseline)
    }

    /// The level the counting passes use now.
    pub fn current() -> Simd {
        if cfg!(target_family = "wasm") {
            return Simd::Baseline;
        }
        match CHOSEN.load(Ordering::Relaxed) {
            i if usize::from(i) < Simd::ALL.len() => Simd::ALL[usize::from(i)],
            _ => Simd::best(),
        }
    }

    /// Makes this the level every later counting pass of the process uses (a pass
    /// already running keeps its level). Results do not change, only speed; meant for
    /// tests and benchmarks (the Python binding calls it with `CXMETRICS_SIMD`).
    ///
    /// # Errors
    /// `invalid_argument` (named `simd`) when this CPU does not support the level; the
    /// level in use is then unchanged.
    pub fn set(self) -> Result<()> {
        if !self.is_supported() {
            return Err(Error::invalid_argument(
                "simd",
                format!(
                    "this CPU does not support {:?}; supported: {}",
                    self.as_str(),
                    Simd::available()
                        .iter()
                        .map(|l| l.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
        let index = Simd::ALL.iter().position(|&l| l == self).unwrap_or(1);
        #[allow(clippy::cast_possible_truncation)] // 4 levels
        CHOSEN.store(index as u8, Ordering::Relaxed);
        Ok(())
    }
}

/// A counting step to run at a level: everything its `call` reaches must be
/// `#[inline(always)]` for the level's instructions to be used.
pub(crate) trait Kernel {
    /// What the step returns.
    type Output;
    /// Runs the step (mark implementations `#[inline(always)]`).
    fn call(self) -> Self::Output;
}

/// Adapts a [`Kernel`] to pulp's `NullaryFnOnce`, inlining it into pulp's function
/// with the level's instructions enabled.
#[cfg(target_arch = "x86_64")]
struct Inlined<K>(K);

#[cfg(target_arch = "x86_64")]
impl<K: Kernel> pulp::NullaryFnOnce for Inlined<K> {
    type Output = K::Output;
    #[inline(always)]
    fn call(self) -> K::Output {
        self.0.call()
    }
}

/// Runs `k` with AVX2 enabled (x86-64-v3), or as compiled when the CPU lacks it.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
pub(crate) fn avx2<K: Kernel>(k: K) -> K::Output {
    match pulp::x86::V3::try_new() {
        Some(v3) => v3.vectorize(Inlined(k)),
        None => k.call(),
    }
}

/// Runs `k` with AVX-512 enabled (x86-64-v4), or as compiled when the CPU lacks it.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
pub(crate) fn avx512<K: Kernel>(k: K) -> K::Output {
    match pulp::x86::V4::try_new() {
        Some(v4) => v4.vectorize(Inlined(k)),
        None => k.call(),
    }
}

impl std::fmt::Display for Simd {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
