//! Splitting a pass over the cores (the `parallel` feature; never on wasm).

use std::ops::Range;

/// Runs `part` on consecutive ranges covering `0..len` — one per available core when the
/// `parallel` feature is on, `len >= min` and there is more than one core, else one
/// range — and returns the results in row order (so that the caller can report the
/// error of the lowest row by taking the first).
pub(crate) fn split<R: Send>(
    len: usize,
    min: usize,
    part: impl Fn(Range<usize>) -> R + Sync,
) -> Vec<R> {
    #[cfg(all(feature = "parallel", not(target_family = "wasm")))]
    {
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        if len >= min && threads > 1 {
            let size = len.div_ceil(threads);
            let part = &part;
            return std::thread::scope(|scope| {
                let handles: Vec<_> = (0..len)
                    .step_by(size)
                    .map(|a| scope.spawn(move || part(a..(a + size).min(len))))
                    .collect();
                handles
                    .into_iter()
                    .map(|h| {
                        h.join()
                            .unwrap_or_else(|_| unreachable!("the split passes do not panic"))
                    })
                    .collect()
            });
        }
    }
    let _ = min;
    vec![part(0..len)]
}
