//! Immutable result classes wrapping the core's result structs.
//!
//! Each exposes the core's fields under the same names (enums as strings, buckets as a
//! tuple, `Option` as `None`), `to_dict()` and a readable `repr`.

use pyo3::prelude::*;
use pyo3::types::PyDict;

/// The rows of a report as dicts (`to_dict` is the row class's own).
pub(crate) fn row_dicts<'py, R>(
    py: Python<'py>,
    rows: &[R],
    to_dict: impl Fn(&R, Python<'py>) -> PyResult<Bound<'py, PyDict>>,
) -> PyResult<Vec<Bound<'py, PyDict>>> {
    rows.iter().map(|r| to_dict(r, py)).collect()
}

/// Sets on `d` one list per field of `fields`, in order, with that field of every row
/// dict: the columns of a report's frame.
pub(crate) fn set_field_columns(
    d: &Bound<'_, PyDict>,
    dicts: &[Bound<'_, PyDict>],
    fields: &[&str],
) -> PyResult<()> {
    for &field in fields {
        let values = dicts
            .iter()
            .map(|r| r.get_item(field))
            .collect::<PyResult<Vec<_>>>()?;
        d.set_item(field, values)?;
    }
    Ok(())
}

/// Declares a frozen pyclass around a core result, with one getter per field, `to_dict`
/// and `__repr__` (Python reprs of the field values, in declaration order).
///
/// With `[inference]` after the Python name, the class also gets `interval()` and
/// `margin_of_error()`, computed by the core from the result's `estimate()`; a trailing
/// `methods { … }` block adds more `#[pymethods]`.
macro_rules! result_class {
    (
        $(#[$meta:meta])*
        $name:ident($core:ty) as $pyname:literal $([$inference:ident])? $(<$show:ident $(, $svg:ident)?>)? {
            $( $(#[$fmeta:meta])* $field:ident : $ty:ty = |$r:ident| $get:expr; )*
        }
        $(methods { $($extra:tt)* })?
    ) => {
        $(#[$meta])*
        #[pyclass(frozen, eq, name = $pyname, module = "cxmetrics")]
        #[derive(Clone, PartialEq)]
        pub struct $name(pub(crate) $core);

        #[pymethods]
        impl $name {
            $(
                $(#[$fmeta])*
                #[getter]
                fn $field(&self) -> $ty {
                    let $r = &self.0;
                    $get
                }
            )*

            /// The fields as a new ``dict`` (field name → value), in declaration order.
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyDict>> {
                let d = pyo3::types::PyDict::new(py);
                $( d.set_item(stringify!($field), self.$field())?; )*
                Ok(d)
            }

            fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
                let parts: Vec<String> = vec![$(
                    format!(
                        "{}={}",
                        stringify!($field),
                        pyo3::IntoPyObjectExt::into_bound_py_any(self.$field(), py)?.repr()?
                    ),
                )*];
                Ok(format!("{}({})", $pyname, parts.join(", ")))
            }

            $(
                /// A confidence interval for ``score``, in its unit, clamped to the metric's range.
                ///
                /// Formulas (z = Φ⁻¹(1 − α/2), α = 1 − level; n is the Kish ``n_eff`` when
                /// weighted):
                ///
                /// - net scores, ``"adjusted_wald"`` (default): n′ = n + 3, p′ = (p·n + ¾)/n′,
                ///   d′ = (d·n + ¾)/n′, c′ = p′ − d′; ``100 × (c′ ± z √((p′ + d′ − c′²)/n′))``.
                ///   ``"wald"``: the same on the raw shares and n.
                /// - proportions, ``"wilson"`` (default), ``"wald"``, ``"agresti_coull"``,
                ///   ``"clopper_pearson"``, ``"jeffreys"``; in percent.
                /// - means, ``"t"`` (the only one): ``m ± t(n − 1) · s/√n``.
                ///
                /// Args:
                ///     level: confidence level, strictly between 0 and 1 (default 0.95).
                ///     method: ``None`` for the default of this kind of score, or a method
                ///         name from the list above.
                ///
                /// Returns:
                ///     Interval: ``lower``, ``upper``, ``level``, ``method``; unpacks as
                ///     ``lo, hi = r.interval()``.
                ///
                /// Raises:
                ///     CxMetricsError: ``invalid_argument`` for a level outside (0, 1) or a
                ///         method that does not apply to this kind of score;
                ///         ``insufficient_data`` for a t interval from one response.
                ///     TypeError: for a level that is not a number or a method that is not a str.
                #[pyo3(
                    signature = (level = None, *, method = None),
                    text_signature = "($self, level=0.95, *, method=None)"
                )]
                fn interval(
                    &self,
                    level: Option<&Bound<'_, PyAny>>,
                    method: Option<&Bound<'_, PyAny>>,
                ) -> PyResult<crate::stats::PyInterval> {
                    let _ = stringify!($inference);
                    crate::stats::interval_of(&self.0.estimate(), level, method)
                }

                /// The margin of error at ``level``: the half-width of the default interval
                /// (adjusted Wald, Wilson or t) before clamping, in the unit of ``score``.
                ///
                /// Raises:
                ///     CxMetricsError: ``invalid_argument`` for a level outside (0, 1);
                ///         ``insufficient_data`` for a mean of one response.
                ///     TypeError: for a level that is not a number.
                #[pyo3(signature = (level = None), text_signature = "($self, level=0.95)")]
                fn margin_of_error(&self, level: Option<&Bound<'_, PyAny>>) -> PyResult<f64> {
                    crate::stats::margin_of(&self.0.estimate(), level)
                }
            )?

            $(
                /// The display as HTML (Jupyter, VS Code, nbviewer): a compact table of the
                /// value, its default interval (method and level), the counts and the
                /// convention used, and the chart where one fits, embedded as
                /// ``<img src="data:image/svg+xml;base64,…" alt="…">``. No scripts, no
                /// external requests; user text is escaped. Written by the core.
                fn _repr_html_(&self) -> String {
                    let _ = stringify!($show);
                    cxmetrics::chart::html(&self.0)
                }

                /// ``{"text/plain": repr(self), "text/html": self._repr_html_()}``, less the
                /// MIME types not in ``include`` / in ``exclude``.
                #[pyo3(signature = (include = None, exclude = None))]
                fn _repr_mimebundle_<'py>(
                    &self,
                    py: Python<'py>,
                    include: Option<&Bound<'py, PyAny>>,
                    exclude: Option<&Bound<'py, PyAny>>,
                ) -> PyResult<Bound<'py, pyo3::types::PyDict>> {
                    crate::display::mimebundle(
                        py,
                        self.__repr__(py)?,
                        cxmetrics::chart::html(&self.0),
                        include,
                        exclude,
                    )
                }

                /// The result as a Vega-Lite v5 specification (a new ``dict``) with its
                /// numbers inlined under their field names, for Altair
                /// (``alt.Chart.from_dict(r.to_vega_lite())``) or any Vega-Lite renderer.
                ///
                /// >>> import cxmetrics as cx
                /// >>> spec = cx.nps([10, 9, 3]).to_vega_lite()
                /// >>> spec.get("$schema")
                /// 'https://vega.github.io/schema/vega-lite/v5.json'
                fn to_vega_lite<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                    crate::display::vega(py, &cxmetrics::chart::vega_lite(&self.0))
                }

                $(
                    /// The chart as standalone SVG text (the image the HTML display embeds).
                    ///
                    /// >>> import cxmetrics as cx
                    /// >>> svg = cx.nps([10, 9, 3]).to_svg()
                    /// >>> svg.startswith("<svg") and 'aria-label="NPS 33.3' in svg
                    /// True
                    fn to_svg(&self) -> String {
                        let _ = stringify!($svg);
                        cxmetrics::chart::svg(&self.0).unwrap_or_default()
                    }
                )?
            )?

            $($($extra)*)?
        }
    };
}

/// Declares the fields every result shares (`n` … `weighted`) after the specific ones.
macro_rules! with_base {
    (
        $(#[$meta:meta])*
        $name:ident($core:ty) as $pyname:literal $([$inference:ident])? $(<$show:ident $(, $svg:ident)?>)? {
            $( $(#[$fmeta:meta])* $field:ident : $ty:ty = |$r:ident| $get:expr; )*
        }
    ) => {
        result_class! {
            $(#[$meta])*
            $name($core) as $pyname $([$inference])? $(<$show $(, $svg)?>)? {
                $( $(#[$fmeta])* $field: $ty = |$r| $get; )*
                /// Valid responses used (unweighted count).
                n: u64 = |r| r.n;
                /// Missing inputs (None / NaN / pd.NA / null), excluded from every denominator.
                missing: u64 = |r| r.missing;
                /// Invalid inputs skipped under ``on_invalid="skip"``.
                invalid: u64 = |r| r.invalid;
                /// Σw of the valid responses (``n`` when unweighted).
                sum_weights: f64 = |r| r.sum_weights;
                /// Kish effective sample size (Σw)²/Σw² (``n`` when unweighted).
                n_eff: f64 = |r| r.n_eff;
                /// Whether weights were given.
                weighted: bool = |r| r.weighted;
            }
        }
    };
}

with_base! {
    /// A Net Promoter Score (returned by :func:`nps`).
    ///
    /// ``score`` is in points, −100…100; ``promoters`` / ``passives`` / ``detractors``
    /// are fractions 0…1 (weighted when weighted); the ``n_*`` fields are unweighted
    /// counts. Nothing is rounded.
    ///
    /// >>> import cxmetrics as cx
    /// >>> r = cx.nps([10, 9, 9, 8, 7, 3])
    /// >>> r.score, r.n_promoters, r.n_passives, r.n_detractors, r.buckets
    /// (33.333333333333336, 3, 2, 1, (6, 9))
    /// >>> lo, hi = cx.nps([10] * 50 + [8] * 30 + [3] * 20).interval()
    /// >>> round(lo, 2), round(hi, 2)
    /// (14.05, 44.2)
    PyNpsResult(cxmetrics::NpsResult) as "NpsResult" [inference] <show, svg> {
        /// NPS in points, −100…100: ``100 × (promoters − detractors)``.
        score: f64 = |r| r.score;
        /// Share of promoters, 0…1.
        promoters: f64 = |r| r.promoters;
        /// Share of passives, 0…1.
        passives: f64 = |r| r.passives;
        /// Share of detractors, 0…1.
        detractors: f64 = |r| r.detractors;
        /// Promoter responses (unweighted count).
        n_promoters: u64 = |r| r.n_promoters;
        /// Passive responses (unweighted count).
        n_passives: u64 = |r| r.n_passives;
        /// Detractor responses (unweighted count).
        n_detractors: u64 = |r| r.n_detractors;
        /// The buckets used: ``(detractor_max, promoter_min)``, both inclusive.
        buckets: (i64, i64) = |r| (r.buckets.detractor_max, r.buckets.promoter_min);
    }
}

with_base! {
    /// A CSAT score and the convention that produced it (returned by :func:`csat`).
    ///
    /// >>> import cxmetrics as cx
    /// >>> r = cx.csat([5, 4, 3, 2, 5])
    /// >>> r.score, r.method, r.threshold
    /// (60.0, 'top_box', 4)
    PyCsatResult(cxmetrics::CsatResult) as "CsatResult" [inference] <show> {
        /// Percent (top_box, percent_of_max), −100…100 (net) or scale units (mean).
        score: f64 = |r| r.score;
        /// The formula used: ``"top_box"``, ``"mean"``, ``"percent_of_max"`` or ``"net"``.
        method: &'static str = |r| r.method.as_str();
        /// The satisfied threshold used (top_box and net), inclusive; else ``None``.
        threshold: Option<i32> = |r| r.threshold;
        /// The dissatisfied threshold used (net), inclusive; else ``None``.
        bottom_threshold: Option<i32> = |r| r.bottom_threshold;
    }
}

with_base! {
    /// A Customer Effort Score and the convention that produced it (returned by :func:`ces`).
    ///
    /// >>> import cxmetrics as cx
    /// >>> r = cx.ces([7, 6, 5, 4, 2], scale=(1, 7), higher_is_better=True, method="percent_agree")
    /// >>> r.score, r.method, r.threshold
    /// (60.0, 'percent_agree', 5)
    PyCesResult(cxmetrics::CesResult) as "CesResult" [inference] <show> {
        /// Scale units (mean), percent (percent_agree) or −100…100 (net_effort).
        score: f64 = |r| r.score;
        /// The formula used: ``"mean"``, ``"percent_agree"`` or ``"net_effort"``.
        method: &'static str = |r| r.method.as_str();
        /// The polarity used.
        higher_is_better: bool = |r| r.higher_is_better;
        /// First point of the easy side (inclusive) for percent_agree and net_effort; else ``None``.
        threshold: Option<i32> = |r| r.threshold;
    }
}

with_base! {
    /// A mean score with its sample standard deviation (returned by :func:`mean`).
    ///
    /// >>> import cxmetrics as cx
    /// >>> r = cx.mean([1, 2, 3, 4, 5], scale=(1, 5))
    /// >>> r.score, round(r.std_dev, 6)
    /// (3.0, 1.581139)
    PyMeanResult(cxmetrics::MeanResult) as "MeanResult" [inference] <show> {
        /// The mean, in scale units.
        score: f64 = |r| r.score;
        /// Sample standard deviation (n − 1 denominator; weighted: Kish-corrected),
        /// ``None`` when ``n_eff <= 1``.
        std_dev: Option<f64> = |r| r.std_dev;
    }
}

with_base! {
    /// A top-box or bottom-box percentage (returned by :func:`top_box` / :func:`bottom_box`).
    ///
    /// >>> import cxmetrics as cx
    /// >>> r = cx.top_box([5, 4, 3, 1], scale=(1, 5))
    /// >>> r.score, r.threshold, r.count
    /// (50.0, 4, 2)
    PyBoxResult(cxmetrics::BoxResult) as "BoxResult" [inference] <show> {
        /// Percent of responses in the box, 0…100.
        score: f64 = |r| r.score;
        /// The box boundary used, inclusive.
        threshold: i32 = |r| r.threshold;
        /// Responses in the box (unweighted count).
        count: u64 = |r| r.count;
    }
}

with_base! {
    /// Responses per scale point (returned by :func:`distribution`).
    ///
    /// >>> import cxmetrics as cx
    /// >>> d = cx.distribution([1, 1, 0, 1], scale=(0, 1))
    /// >>> d.points, d.counts, d.shares
    /// ([0, 1], [1, 3], [0.25, 0.75])
    PyDistribution(cxmetrics::Distribution) as "Distribution" <show, svg> {
        /// The scale's points, ascending.
        points: Vec<i32> = |r| r.points.clone();
        /// Responses per point (unweighted counts).
        counts: Vec<u64> = |r| r.counts.clone();
        /// Share per point, 0…1, weighted when weighted; sums to 1.
        shares: Vec<f64> = |r| r.shares.clone();
    }
}
