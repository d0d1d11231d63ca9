//! `cxmetrics.Tally`: the core's mergeable sufficient statistics.

use std::fmt::Write as _;

use cxmetrics::Tally;
use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::types::{
    PyByteArray, PyBytes, PyDict, PyInt, PyMemoryView, PyNotImplemented, PyTuple, PyType,
};

use crate::convert::{
    Role, ScaleArg, extract_count, extract_counts, extract_floats, extract_on_invalid,
    extract_scale, extract_scale_arg, extract_score_input, extract_text, extract_weight_input,
    extract_weights, scalar_to_f64,
};
use crate::errors::{core_err, invalid_argument};
use crate::scale::PyScale;

/// Mergeable sufficient statistics of survey responses on one scale.
///
/// A tally holds, per scale point, the count of responses and (when weighted) the
/// compensated sums Σw and Σw², plus how many inputs were ``missing`` and ``invalid``
/// (skipped). Every metric function accepts a tally instead of raw scores, so tallies
/// built from chunks, files, threads or processes can be merged and give the result of
/// one pass over all the data: counts exactly (``==`` the one-pass tally when unweighted),
/// weight sums within 1e-13 relative (compare weighted results with a tolerance).
///
/// Args:
///     scale: a :class:`Scale` or a ``(min, max)`` tuple.
///     scores: optional initial scores (list, tuple, numpy array, pandas or polars
///         Series, Arrow array or chunked array). ``None`` / NaN / ``pd.NA`` / null are
///         missing.
///     weights: optional per-response weights (same containers, floats >= 0).
///     on_invalid: ``"error"`` (default) raises on the first invalid score or weight;
///         ``"skip"`` counts it in ``invalid`` and leaves it out.
///
/// Raises:
///     CxMetricsError: ``out_of_scale``, ``not_integer``, ``not_finite``,
///         ``invalid_weight``, ``length_mismatch``, ``invalid_scale``;
///         ``invalid_argument`` for weights without scores.
///     TypeError: for a container or value that is not numeric.
///
/// Edge cases:
///     A failed ``extend`` / ``push`` leaves the tally unchanged. Mixing weighted and
///     unweighted data treats unweighted responses as weight 1. Tallies pickle (via
///     :meth:`to_json`), compare with ``==`` and are not hashable (they are mutable).
///
/// Example:
///
/// >>> import cxmetrics as cx
/// >>> a = cx.Tally(cx.Scale.nps(), [10, 9, 7])
/// >>> b = cx.Tally((0, 10), [None, 3, 10])
/// >>> a.merge(b)
/// >>> a.n, a.missing
/// (5, 1)
/// >>> a == cx.Tally((0, 10), [10, 9, 7, None, 3, 10])
/// True
/// >>> cx.nps(a).score
/// 40.0
#[pyclass(eq, name = "Tally", module = "cxmetrics")]
#[derive(Clone, PartialEq)]
pub struct PyTally {
    pub(crate) inner: Tally,
    /// The labels of the scale it was built on (text answers to `extend` read them);
    /// not part of equality (a tally is its counts).
    pub(crate) labels: Labels,
}

/// A labelled scale's labels kept by a tally; every two compare equal.
#[derive(Clone, Default)]
pub(crate) struct Labels(pub(crate) Option<std::sync::Arc<cxmetrics::LabelledScale>>);

impl PartialEq for Labels {
    fn eq(&self, _: &Labels) -> bool {
        true
    }
}

impl PyTally {
    pub(crate) fn plain(inner: Tally) -> Self {
        PyTally {
            inner,
            labels: Labels::default(),
        }
    }

    fn scale_arg(&self) -> ScaleArg {
        ScaleArg {
            scale: self.inner.scale(),
            labels: self.labels.0.clone(),
        }
    }
}

/// Builds a tally from raw inputs (scores converted, GIL released for large inputs).
/// Text answers (any `str` in the column) are read on the scale's labels, each distinct
/// text once.
pub(crate) fn tally_from_raw(
    py: Python<'_>,
    scale: &ScaleArg,
    scores: &Bound<'_, PyAny>,
    weights: Option<&Bound<'_, PyAny>>,
    on_invalid: Option<&Bound<'_, PyAny>>,
) -> PyResult<Tally> {
    let on_invalid = extract_on_invalid(on_invalid)?;
    if let Some(text) = extract_text(scores)? {
        let weights = weights.map(extract_weights).transpose()?;
        let w = weights.as_ref().map(crate::convert::Column::as_slice);
        return text.tally(py, &scale.labelled(), w, on_invalid);
    }
    let scores = extract_score_input(scores)?;
    let weights = weights.map(extract_weight_input).transpose()?;
    scores.tally(py, scale.scale, weights.as_ref(), on_invalid)
}

#[pymethods]
impl PyTally {
    #[new]
    #[pyo3(
        signature = (scale, scores = None, *, weights = None, on_invalid = None),
        text_signature = "(scale, scores=None, *, weights=None, on_invalid='error')"
    )]
    fn new(
        py: Python<'_>,
        scale: &Bound<'_, PyAny>,
        scores: Option<&Bound<'_, PyAny>>,
        weights: Option<&Bound<'_, PyAny>>,
        on_invalid: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let arg = extract_scale_arg(scale)?;
        let scale = arg.scale;
        let inner = if let Some(s) = scores {
            tally_from_raw(py, &arg, s, weights, on_invalid)?
        } else {
            if weights.is_some() {
                return Err(invalid_argument(
                    "weights",
                    "weights were given without scores",
                ));
            }
            extract_on_invalid(on_invalid)?;
            Tally::new(scale)
        };
        Ok(PyTally {
            inner,
            labels: Labels(arg.labels),
        })
    }

    /// A tally from counts per point: ``counts[k]`` responses scored ``scale.min + k``.
    ///
    /// Raises:
    ///     CxMetricsError: ``length_mismatch`` unless ``len(counts) == scale.points``;
    ///         ``invalid_argument`` for a negative count, one of ``2**64`` or more, or counts
    ///         that sum to more than ``2**64 - 1`` (the most rows a tally holds).
    ///     TypeError: for a count that is not an int.
    ///
    /// >>> import cxmetrics as cx
    /// >>> t = cx.Tally.from_counts((0, 10), [1, 0, 0, 0, 0, 0, 0, 2, 0, 0, 3])
    /// >>> t.n, round(cx.nps(t).score, 2)
    /// (6, 33.33)
    #[classmethod]
    fn from_counts(
        _cls: &Bound<'_, PyType>,
        scale: &Bound<'_, PyAny>,
        counts: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        let scale = extract_scale(scale)?;
        let counts = extract_counts(counts)?;
        let inner = Tally::from_counts(scale, &counts).map_err(core_err)?;
        Ok(PyTally::plain(inner))
    }

    /// A tally from its parts: per-point counts, Σw and Σw², and the ``missing`` and
    /// ``invalid`` counts — what an engine's ``GROUP BY score`` with ``count(*)``,
    /// ``sum(w)`` and ``sum(w * w)`` returns.
    ///
    /// ``counts[k]``, ``weight_sums[k]`` and ``weight_sq_sums[k]`` belong to the score
    /// ``scale.min + k``. With both sums ``None`` the tally is unweighted and ``==`` the
    /// one built row by row; with them it is weighted: counts equal bit for bit, weight
    /// sums as given. Each point must be consistent (the exact rules, with a 1e-6
    /// relative slack for sums rounded elsewhere, are in docs/conventions.md, "Tally
    /// from parts"): sums finite and >= 0, 0 where the count is 0, Σw² = 0 where Σw = 0,
    /// ``(Σw)²/count <= Σw² <= (Σw)²`` and weights at most 1e144.
    ///
    /// Raises:
    ///     CxMetricsError: ``length_mismatch`` unless each array has ``scale.points``
    ///         entries; ``invalid_argument`` naming ``weight_sums`` or ``weight_sq_sums``
    ///         (``index`` = the point) for the first inconsistent point or when only one
    ///         is given, or naming a negative count or rows above ``2**64 - 1``.
    ///     TypeError: for a count that is not an int or a sum that is not a number.
    ///
    /// >>> import cxmetrics as cx
    /// >>> rows = cx.Tally((1, 5), [5, 4, 4, None], weights=[2.0, 1.0, 3.0, 1.0])
    /// >>> parts = cx.Tally.from_parts((1, 5), [0, 0, 0, 2, 1], [0, 0, 0, 4.0, 2.0],
    /// ...                             [0, 0, 0, 10.0, 4.0], missing=1)
    /// >>> parts == rows
    /// True
    #[classmethod]
    #[pyo3(
        signature = (scale, counts, weight_sums, weight_sq_sums, *, missing = None, invalid = None),
        text_signature = "(scale, counts, weight_sums, weight_sq_sums, *, missing=0, invalid=0)"
    )]
    fn from_parts(
        _cls: &Bound<'_, PyType>,
        scale: &Bound<'_, PyAny>,
        counts: &Bound<'_, PyAny>,
        weight_sums: Option<&Bound<'_, PyAny>>,
        weight_sq_sums: Option<&Bound<'_, PyAny>>,
        missing: Option<&Bound<'_, PyAny>>,
        invalid: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let scale = extract_scale(scale)?;
        let counts = extract_counts(counts)?;
        let sums = |o: Option<&Bound<'_, PyAny>>, name, item| {
            o.filter(|o| !o.is_none())
                .map(|o| extract_floats(o, Role::Floats(name, item)).map(|c| c.as_slice().to_vec()))
                .transpose()
        };
        let s = sums(weight_sums, "weight_sums", "weight sum")?;
        let q = sums(weight_sq_sums, "weight_sq_sums", "weight square sum")?;
        let count =
            |o: Option<&Bound<'_, PyAny>>, name| o.map_or(Ok(0), |o| extract_count(o, name));
        let missing = count(missing, "missing")?;
        let invalid = count(invalid, "invalid")?;
        let inner = Tally::from_parts(scale, &counts, s.as_deref(), q.as_deref(), missing, invalid)
            .map_err(core_err)?;
        Ok(PyTally {
            inner,
            labels: Labels::default(),
        })
    }

    /// Reads a tally written by :meth:`to_json` (in any language binding).
    ///
    /// Raises:
    ///     CxMetricsError: ``invalid_format`` for malformed JSON, another format or
    ///         version, arrays of the wrong length, bad weight sums, or counts, ``missing``
    ///         and ``invalid`` that sum to more than ``2**64 - 1``.
    ///
    /// >>> import cxmetrics as cx
    /// >>> t = cx.Tally((1, 5), [5, 4, 1])
    /// >>> cx.Tally.from_json(t.to_json()) == t
    /// True
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, s: &str) -> PyResult<Self> {
        let inner = Tally::from_json(s).map_err(core_err)?;
        Ok(PyTally::plain(inner))
    }

    /// The tally as JSON in the versioned ``cxmetrics.tally`` format (version 1).
    ///
    /// The format stores counts, the compensated weight sums with their compensation
    /// terms, ``missing`` and ``invalid``, so a round trip is exact.
    ///
    /// >>> import cxmetrics as cx
    /// >>> cx.Tally((0, 1), [1, 1, 0]).to_json()
    /// '{"format":"cxmetrics.tally","version":1,"scale":{"min":0,"max":1},"counts":[1,2],"missing":0,"invalid":0,"weights":null}'
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The tally in its compact binary form (``CXTY`` version 1, little-endian; layout in
    /// docs/conventions.md, "Binary form"), the same bytes from Rust, Python and
    /// JavaScript. A round trip through :meth:`from_bytes` is exact (``==``).
    ///
    /// >>> import cxmetrics as cx
    /// >>> cx.Tally((1, 5), [5, 4, 4]).to_bytes()
    /// b'CXTY\x01\x00\x02\n\x00\x00\x00\x00\x00\x02\x01'
    fn to_bytes<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.inner.to_bytes())
    }

    /// Reads a tally written by :meth:`to_bytes` (in any language binding): ``bytes``,
    /// ``bytearray`` or ``memoryview``.
    ///
    /// Raises:
    ///     CxMetricsError: ``invalid_format`` naming the byte offset and the field for
    ///         truncated input, another magic, an unknown version or flag, an invalid
    ///         scale, a bad varint, rows above ``2**64 - 1``, inconsistent weight sums (the
    ///         rules of :meth:`from_parts`) or trailing bytes.
    ///     TypeError: for anything but bytes-like data.
    ///
    /// >>> import cxmetrics as cx
    /// >>> t = cx.Tally((0, 10), [9, None], weights=[0.5, 1.0])
    /// >>> cx.Tally.from_bytes(t.to_bytes()) == t
    /// True
    #[classmethod]
    fn from_bytes(_cls: &Bound<'_, PyType>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        let bytes: Vec<u8> = if let Ok(b) = data.cast::<PyBytes>() {
            b.as_bytes().to_vec()
        } else if let Ok(b) = data.cast::<PyByteArray>() {
            b.to_vec()
        } else if data.is_instance_of::<PyMemoryView>() {
            data.call_method0("tobytes")?
                .cast_into::<PyBytes>()?
                .as_bytes()
                .to_vec()
        } else {
            return Err(crate::errors::type_error(format!(
                "from_bytes needs bytes, bytearray or memoryview, not {}",
                crate::errors::type_name(data)
            )));
        };
        let inner = Tally::from_bytes(&bytes).map_err(core_err)?;
        Ok(PyTally {
            inner,
            labels: Labels::default(),
        })
    }

    /// Adds one score (``None`` / NaN = missing), with an optional weight.
    ///
    /// An error's ``index`` is the number of rows this tally had seen before
    /// (``n + missing + invalid``). On error the tally is unchanged.
    ///
    /// Raises:
    ///     CxMetricsError: with ``on_invalid="error"``: ``out_of_scale``,
    ///         ``not_integer``, ``not_finite``, ``invalid_weight``.
    ///     TypeError: for a score that is not a number (or is a bool).
    ///
    /// >>> import cxmetrics as cx
    /// >>> t = cx.Tally((0, 10))
    /// >>> t.push(9)
    /// >>> t.push(3, weight=2.0)
    /// >>> t.n, t.sum_weights
    /// (2, 3.0)
    #[pyo3(
        signature = (score, *, weight = None, on_invalid = None),
        text_signature = "($self, score, *, weight=None, on_invalid='error')"
    )]
    fn push(
        &mut self,
        score: &Bound<'_, PyAny>,
        weight: Option<&Bound<'_, PyAny>>,
        on_invalid: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let on_invalid = extract_on_invalid(on_invalid)?;
        let weight = weight
            .map(|w| scalar_to_f64(w, Role::Weights, None))
            .transpose()?;
        if let Ok(text) = score.cast::<pyo3::types::PyString>() {
            // a text answer, read on the tally's labels (numbers, stars and the default
            // missing vocabulary on a plain scale), as the column paths read it
            let labels = self.scale_arg().labelled();
            return self
                .inner
                .push_text(&labels, &text.to_cow()?, weight, on_invalid)
                .map_err(core_err);
        }
        let score = scalar_to_f64(score, Role::Scores, None)?;
        self.inner
            .push_with(score, weight, on_invalid)
            .map_err(core_err)
    }

    /// Adds many scores (with optional weights) in one pass.
    ///
    /// Error indices are positions in ``scores``. Validation is all-or-nothing: on
    /// error the tally is unchanged. Large inputs are tallied without holding the GIL.
    ///
    /// Raises:
    ///     CxMetricsError: ``length_mismatch``; with ``on_invalid="error"`` the first
    ///         invalid score or weight.
    ///     TypeError: for a container or value that is not numeric.
    ///
    /// >>> import cxmetrics as cx
    /// >>> t = cx.Tally((1, 5))
    /// >>> t.extend([5, 4, None])
    /// >>> t.extend([5, 9, 4])
    /// Traceback (most recent call last):
    ///     ...
    /// cxmetrics.CxMetricsError: score 9 at index 1 is outside the scale 1–5; fix the data, declare the right scale, or choose to skip invalid values
    /// >>> t.n, t.missing
    /// (2, 1)
    #[pyo3(
        signature = (scores, *, weights = None, on_invalid = None),
        text_signature = "($self, scores, *, weights=None, on_invalid='error')"
    )]
    fn extend(
        slf: &Bound<'_, Self>,
        scores: &Bound<'_, PyAny>,
        weights: Option<&Bound<'_, PyAny>>,
        on_invalid: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        // Tally the new rows on their own (without borrowing `slf` while detached), then
        // merge: the core's merge adds exactly what extend_with would have added.
        let scale = slf.try_borrow()?.scale_arg();
        let fresh = tally_from_raw(slf.py(), &scale, scores, weights, on_invalid)?;
        // The only merge error left is the row limit: name the argument given here.
        slf.try_borrow_mut()?
            .inner
            .merge(&fresh)
            .map_err(|e| match e {
                cxmetrics::Error::InvalidArgument { message, index, .. } => {
                    core_err(cxmetrics::Error::InvalidArgument {
                        name: "scores".into(),
                        message,
                        index,
                    })
                }
                e => core_err(e),
            })
    }

    /// Adds another tally's responses to this one, in place (returns ``None``).
    ///
    /// Counts merge exactly in any order and split; an empty tally is the identity. Weight
    /// sums merge within 1e-13 relative of one pass, not bit for bit, so a merged
    /// weighted tally is generally not ``==`` the one-pass one (docs/conventions.md,
    /// "Mergeable state"). Use ``a + b`` for a new tally.
    ///
    /// Raises:
    ///     CxMetricsError: ``scale_mismatch`` when the scales differ; ``invalid_argument``
    ///         when the result would hold more than ``2**64 - 1`` rows (the tally is unchanged).
    ///
    /// >>> import cxmetrics as cx
    /// >>> a = cx.Tally((1, 5), [5, 4])
    /// >>> a.merge(cx.Tally((1, 5), [1]))
    /// >>> a.n
    /// 3
    fn merge(slf: &Bound<'_, Self>, other: &Bound<'_, PyTally>) -> PyResult<()> {
        // Copy first: `t.merge(t)` must not hold two borrows of one object.
        let theirs = other.try_borrow()?.inner.clone();
        slf.try_borrow_mut()?.inner.merge(&theirs).map_err(core_err)
    }

    fn __add__<'py>(&self, other: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let py = other.py();
        let Ok(other) = other.cast::<PyTally>() else {
            return Ok(PyNotImplemented::get(py).to_owned().into_any());
        };
        let mut inner = self.inner.clone();
        inner.merge(&other.try_borrow()?.inner).map_err(core_err)?;
        PyTally {
            inner,
            labels: self.labels.clone(),
        }
        .into_bound_py_any(py)
    }

    /// ``0 + tally`` is a copy, so that ``sum(tallies)`` works.
    fn __radd__<'py>(&self, other: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let py = other.py();
        let is_zero = other
            .cast::<PyInt>()
            .is_ok_and(|i| i.extract::<i64>().is_ok_and(|v| v == 0));
        if is_zero {
            self.clone().into_bound_py_any(py)
        } else {
            Ok(PyNotImplemented::get(py).to_owned().into_any())
        }
    }

    /// A copy of this tally.
    fn copy(&self) -> Self {
        self.clone()
    }

    /// The response scale of this tally.
    #[getter]
    fn scale(&self) -> PyScale {
        PyScale(self.inner.scale(), self.labels.0.clone())
    }

    /// Responses per point (a new list): ``counts[k]`` were scored ``scale.min + k``.
    #[getter]
    fn counts(&self) -> Vec<u64> {
        self.inner.counts().to_vec()
    }

    /// Σw per point (equal to the counts when unweighted).
    #[getter]
    fn point_weights(&self) -> Vec<f64> {
        self.inner.point_weights()
    }

    /// Valid responses (the denominator of unweighted metrics).
    #[getter]
    fn n(&self) -> u64 {
        self.inner.n()
    }

    /// Missing inputs (None / NaN / pd.NA / null), excluded from every denominator.
    #[getter]
    fn missing(&self) -> u64 {
        self.inner.missing()
    }

    /// Invalid inputs skipped under ``on_invalid="skip"``.
    #[getter]
    fn invalid(&self) -> u64 {
        self.inner.invalid()
    }

    /// Whether any weights were given.
    #[getter]
    fn weighted(&self) -> bool {
        self.inner.is_weighted()
    }

    /// Σw over all valid responses (``n`` when unweighted).
    #[getter]
    fn sum_weights(&self) -> f64 {
        self.inner.sum_weights()
    }

    /// Kish effective sample size ``(Σw)² / Σw²`` (``n`` when unweighted; 0 when empty).
    #[getter]
    fn n_eff(&self) -> f64 {
        self.inner.n_eff()
    }

    fn __repr__(&self) -> String {
        let t = &self.inner;
        let s = t.scale();
        let mut out = format!(
            "Tally(Scale({}, {}), n={}, missing={}, invalid={}",
            s.min(),
            s.max(),
            t.n(),
            t.missing(),
            t.invalid()
        );
        if t.is_weighted() {
            let _ = write!(
                out,
                ", sum_weights={:?}, n_eff={:?}",
                t.sum_weights(),
                t.n_eff()
            );
        }
        let _ = write!(out, ", counts={:?})", t.counts());
        out
    }

    /// The display as HTML (Jupyter, VS Code, nbviewer), written by the core: see
    /// ``NpsResult._repr_html_``.
    fn _repr_html_(&self) -> String {
        cxmetrics::chart::html(&self.inner)
    }

    /// ``{"text/plain": repr(self), "text/html": self._repr_html_()}``, less the MIME
    /// types not in ``include`` / in ``exclude``.
    #[pyo3(signature = (include = None, exclude = None))]
    fn _repr_mimebundle_<'py>(
        &self,
        py: Python<'py>,
        include: Option<&Bound<'py, PyAny>>,
        exclude: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        crate::display::mimebundle(
            py,
            self.__repr__(),
            cxmetrics::chart::html(&self.inner),
            include,
            exclude,
        )
    }

    /// The result as a Vega-Lite v5 specification (a new ``dict``) with its numbers
    /// inlined under their field names, for Altair or any Vega-Lite renderer.
    fn to_vega_lite<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::display::vega(py, &cxmetrics::chart::vega_lite(&self.inner))
    }

    /// The distribution of the answers as standalone SVG text (the image the HTML display
    /// embeds); ``None`` while the tally has no valid answer.
    fn to_svg(&self) -> Option<String> {
        cxmetrics::chart::svg(&self.inner)
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let this = slf.try_borrow()?;
        let json = this.inner.to_json().into_pyobject(slf.py())?.into_any();
        let scale =
            Bound::new(slf.py(), PyScale(this.inner.scale(), this.labels.0.clone()))?.into_any();
        let restore = slf.get_type().getattr("_from_state")?;
        Ok((restore, PyTuple::new(slf.py(), [json, scale])?))
    }

    /// Unpickling: the tally of ``to_json`` text on ``scale`` (which keeps a labelled
    /// scale's labels).
    #[staticmethod]
    fn _from_state(json: &str, scale: PyRef<'_, PyScale>) -> PyResult<Self> {
        let inner = Tally::from_json(json).map_err(core_err)?;
        if inner.scale() != scale.0 {
            return Err(core_err(cxmetrics::Error::ScaleMismatch(format!(
                "the pickled tally is on {}, its scale on {}",
                inner.scale(),
                scale.0
            ))));
        }
        let mut t = PyTally::plain(inner);
        t.labels = Labels(scale.1.clone());
        Ok(t)
    }
}
