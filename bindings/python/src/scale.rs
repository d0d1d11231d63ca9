//! `cxmetrics.Scale`.
#![allow(
    clippy::doc_link_with_quotes,
    reason = "Python doctests with lists of strings"
)]

use std::sync::Arc;

use cxmetrics::{LabelledScale, Scale};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyTuple};

use crate::convert::{Role, extract_int, extract_str, new_scale, scalar_to_f64};
use crate::errors::{core_err, type_error, type_name};

/// An integer response scale ``min..=max`` with 2 to 101 points (immutable, hashable).
///
/// Scores are validated against the scale when they are tallied: a value outside
/// ``min..=max`` is ``out_of_scale``, a non-integer is ``not_integer``. Nothing is ever
/// shifted or rescaled silently. Anywhere a scale is accepted, a ``(min, max)`` tuple
/// works too.
///
/// Text answers are read on every scale: numbers in ASCII, Arabic-Indic, Persian or
/// Thai digits, alone or leading a label (``"10 - Extremely likely"``, ``"۹"``), stars
/// (``"★★★★☆"``, ``"4 stars"``, ``"4/5"``, ``"4 out of 5"``) and the missing-value
/// texts. ``labels`` adds the texts that mean each point; matching is on normalised text
/// (Unicode NFC, trimmed, whitespace collapsed, case-folded). The presets
/// (:meth:`satisfaction5`, :meth:`agreement5`, :meth:`faces5`, :meth:`thumbs`,
/// :meth:`helpdesk_rating`, :meth:`nps_choices`) are documented in docs/labels.md.
///
/// Args:
///     min, max: the integer bounds.
///     labels: optional mapping of answer text to point (``{"Good": 1, "Bad": 0}``).
///     missing: optional texts that mean "no answer", replacing the default
///         ``("", "n/a", "na", "-", "skipped", "prefer not to say")``.
///
/// Raises:
///     CxMetricsError: code ``invalid_scale`` when ``max <= min``, the scale has more
///         than 101 points, or a label is ambiguous (on two points, reading as another
///         point's number, outside the scale, or also a missing-value text).
///     TypeError: when a bound is not an int, or labels are not a mapping of str to int.
///
/// Example:
///
/// >>> import cxmetrics as cx
/// >>> s = cx.Scale(1, 5)
/// >>> s
/// Scale(1, 5)
/// >>> s.points, s == cx.Scale.one_to_five(), s == cx.Scale(0, 10)
/// (5, True, False)
/// >>> cx.Scale(5, 1)
/// Traceback (most recent call last):
///     ...
/// cxmetrics.CxMetricsError: invalid scale 5–1: max must be greater than min (a scale needs at least 2 points)
/// >>> yes_no = cx.Scale(0, 1, labels={'Yes': 1, 'No': 0})
/// >>> round(cx.csat(['yes', 'No', ' YES ', 'n/a'], scale=yes_no, threshold=1).score, 2)
/// 66.67
#[pyclass(frozen, eq, hash, name = "Scale", module = "cxmetrics")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyScale(
    pub(crate) Scale,
    /// The labels and missing-value texts, when given (or a preset).
    pub(crate) Option<Arc<LabelledScale>>,
);

impl PyScale {
    pub(crate) fn plain(scale: Scale) -> Self {
        PyScale(scale, None)
    }

    fn labelled(s: LabelledScale) -> Self {
        PyScale(s.scale(), Some(Arc::new(s)))
    }
}

fn preset(name: &str, lang: Option<&Bound<'_, PyAny>>) -> PyResult<PyScale> {
    let lang = lang.map(|l| extract_str(l, "lang")).transpose()?;
    let lang = lang.as_deref().unwrap_or("en");
    LabelledScale::preset(name, Some(lang))
        .map(PyScale::labelled)
        .map_err(core_err)
}

fn fixed(s: LabelledScale) -> PyScale {
    PyScale::labelled(s)
}

#[pymethods]
#[allow(clippy::trivially_copy_pass_by_ref, reason = "pyo3 methods take &self")]
impl PyScale {
    #[new]
    #[pyo3(
        signature = (min, max, *, labels = None, missing = None),
        text_signature = "(min, max, *, labels=None, missing=None)"
    )]
    fn new(
        min: &Bound<'_, PyAny>,
        max: &Bound<'_, PyAny>,
        labels: Option<&Bound<'_, PyAny>>,
        missing: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let min = extract_int(min, "scale min")?;
        let max = extract_int(max, "scale max")?;
        let scale = new_scale(min, max)?;
        let labels = labels.filter(|l| !l.is_none());
        let missing = missing.filter(|m| !m.is_none());
        if labels.is_none() && missing.is_none() {
            return Ok(PyScale::plain(scale));
        }
        let mut pairs: Vec<(String, i64)> = Vec::new();
        if let Some(l) = labels {
            let Ok(d) = l.cast::<PyDict>() else {
                return Err(type_error(format!(
                    "labels must be a dict of answer text to point, not {}",
                    type_name(l)
                )));
            };
            for (k, v) in d.iter() {
                pairs.push((
                    extract_str(&k, "a label")?,
                    extract_int(&v, "a label's point")?,
                ));
            }
        }
        let mut s = scale.with_labels(pairs).map_err(core_err)?;
        if let Some(m) = missing {
            if m.is_instance_of::<PyString>() {
                return Err(type_error("missing must be a list of texts, not a str"));
            }
            let texts: Vec<String> = m
                .try_iter()?
                .map(|t| extract_str(&t?, "a missing-value text"))
                .collect::<PyResult<_>>()?;
            s = s.with_missing(texts).map_err(core_err)?;
        }
        Ok(PyScale::labelled(s))
    }

    /// 1–5 satisfaction, "Very dissatisfied" … "Very satisfied", in ``lang``: ``"en"``
    /// (default), ``"vi"``, ``"th"`` or ``"fa"`` (wording and sources: docs/labels.md).
    ///
    /// >>> import cxmetrics as cx
    /// >>> s = cx.Scale.satisfaction5('vi')
    /// >>> cx.csat(['Rất hài lòng', 'Hài lòng', 'Không hài lòng'], scale=s).n
    /// 3
    #[staticmethod]
    #[pyo3(signature = (lang = None))]
    fn satisfaction5(lang: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        preset("satisfaction5", lang)
    }

    /// 1–5 agreement, "Strongly disagree" … "Strongly agree" (the CES statement's scale),
    /// in ``lang``: ``"en"`` (default), ``"vi"``, ``"th"`` or ``"fa"``.
    ///
    /// >>> import cxmetrics as cx
    /// >>> cx.Tally(cx.Scale.agreement5('th'), ['เห็นด้วยอย่างยิ่ง', 'ไม่แน่ใจ']).counts
    /// [0, 0, 1, 0, 1]
    #[staticmethod]
    #[pyo3(signature = (lang = None))]
    fn agreement5(lang: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        preset("agreement5", lang)
    }

    /// 1–5 faces: 😠 🙁 😐 🙂 😍 (and common variants, docs/labels.md).
    ///
    /// >>> import cxmetrics as cx
    /// >>> round(cx.csat(['😍', '🙂', '😠'], scale=cx.Scale.faces5()).score, 2)
    /// 66.67
    #[staticmethod]
    fn faces5() -> Self {
        fixed(LabelledScale::faces5())
    }

    /// Binary thumbs: 👎 → 0, 👍 → 1 (skin tones ignored).
    ///
    /// >>> import cxmetrics as cx
    /// >>> cx.Tally(cx.Scale.thumbs(), ['👍', '👎', '👍🏽']).counts
    /// [1, 2]
    #[staticmethod]
    fn thumbs() -> Self {
        fixed(LabelledScale::thumbs())
    }

    /// Binary helpdesk ratings: "bad" → 0, "good" → 1; "offered" and "unoffered" are
    /// missing.
    ///
    /// >>> import cxmetrics as cx
    /// >>> t = cx.Tally(cx.Scale.helpdesk_rating(), ['good', 'bad', 'offered', 'good'])
    /// >>> t.counts, t.missing
    /// ([1, 2], 1)
    #[staticmethod]
    fn helpdesk_rating() -> Self {
        fixed(LabelledScale::helpdesk_rating())
    }

    /// 0–10 with the survey tools' end labels ("0 - Not at all likely",
    /// "10 - Extremely likely") and the plain numbers.
    ///
    /// >>> import cxmetrics as cx
    /// >>> round(cx.nps(['10 - Extremely likely', '9', '0 - Not at all likely'], scale=cx.Scale.nps_choices()).score, 2)
    /// 33.33
    #[staticmethod]
    fn nps_choices() -> Self {
        fixed(LabelledScale::nps_choices())
    }

    /// The labels, answer text → point (empty without labels).
    ///
    /// >>> import cxmetrics as cx
    /// >>> cx.Scale.thumbs().labels
    /// {'👎': 0, '👍': 1}
    #[getter]
    fn labels<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        if let Some(l) = &self.1 {
            for (t, p) in l.labels() {
                d.set_item(t, p)?;
            }
        }
        Ok(d)
    }

    /// The texts that mean "no answer", as given (a new list).
    ///
    /// >>> import cxmetrics as cx
    /// >>> cx.Scale(1, 5).missing
    /// ['', 'n/a', 'na', '-', 'skipped', 'prefer not to say']
    #[getter]
    fn missing(&self) -> Vec<String> {
        match &self.1 {
            Some(l) => l.missing().to_vec(),
            None => LabelledScale::from(self.0).missing().to_vec(),
        }
    }

    /// What ``text`` means on this scale: its point (a float, validated later like any
    /// number), ``None`` for missing; raises ``unknown_label`` / ``out_of_scale`` for
    /// text that is neither.
    ///
    /// >>> import cxmetrics as cx
    /// >>> cx.Scale(1, 5).read('★★★★☆'), cx.Scale(1, 5).read('n/a')
    /// (4.0, None)
    fn read(&self, text: &str) -> PyResult<Option<f64>> {
        let owned;
        let l = if let Some(l) = &self.1 {
            l.as_ref()
        } else {
            owned = LabelledScale::from(self.0);
            &owned
        };
        let values = l
            .values(
                &[cxmetrics::labels::Answer::Text(text)],
                cxmetrics::OnInvalid::Error,
            )
            .map_err(core_err)?;
        Ok(values.first().copied().filter(|v| !v.is_nan()))
    }

    /// 0–10, the Net Promoter Score "likelihood to recommend" scale.
    ///
    /// >>> import cxmetrics as cx
    /// >>> cx.Scale.nps()
    /// Scale(0, 10)
    #[staticmethod]
    fn nps() -> Self {
        PyScale::plain(Scale::NPS)
    }

    /// 1–5 (CSAT, CES 1.0).
    ///
    /// >>> import cxmetrics as cx
    /// >>> cx.Scale.one_to_five()
    /// Scale(1, 5)
    #[staticmethod]
    fn one_to_five() -> Self {
        PyScale::plain(Scale::ONE_TO_FIVE)
    }

    /// 1–7 (CES 2.0).
    ///
    /// >>> import cxmetrics as cx
    /// >>> cx.Scale.one_to_seven()
    /// Scale(1, 7)
    #[staticmethod]
    fn one_to_seven() -> Self {
        PyScale::plain(Scale::ONE_TO_SEVEN)
    }

    /// 1–10 (a common mistake for NPS, which is 0–10; fine for other ratings).
    ///
    /// >>> import cxmetrics as cx
    /// >>> cx.Scale.one_to_ten()
    /// Scale(1, 10)
    #[staticmethod]
    fn one_to_ten() -> Self {
        PyScale::plain(Scale::ONE_TO_TEN)
    }

    /// 0–1 (binary: resolved / not resolved, good / bad).
    ///
    /// >>> import cxmetrics as cx
    /// >>> cx.Scale.binary()
    /// Scale(0, 1)
    #[staticmethod]
    fn binary() -> Self {
        PyScale::plain(Scale::BINARY)
    }

    /// The lowest point.
    #[getter]
    fn min(&self) -> i32 {
        self.0.min()
    }

    /// The highest point.
    #[getter]
    fn max(&self) -> i32 {
        self.0.max()
    }

    /// The number of points, ``max - min + 1`` (2…101).
    ///
    /// >>> import cxmetrics as cx
    /// >>> cx.Scale.nps().points
    /// 11
    #[getter]
    fn points(&self) -> usize {
        self.0.points()
    }

    /// Whether ``value`` is a point of this scale: a number with an integer value between
    /// ``min`` and ``max`` (exactly the scores a tally on this scale accepts).
    ///
    /// >>> import cxmetrics as cx
    /// >>> 4 in cx.Scale(1, 5), 5.0 in cx.Scale(1, 5), 0 in cx.Scale(1, 5), 4.5 in cx.Scale(1, 5)
    /// (True, True, False, False)
    fn __contains__(&self, value: &Bound<'_, PyAny>) -> bool {
        let Ok(x) = scalar_to_f64(value, Role::Scores, None) else {
            return false;
        };
        x.fract() == 0.0
            && x >= f64::from(i32::MIN)
            && x <= f64::from(i32::MAX)
            && self.0.contains(x as i32)
    }

    fn __repr__(&self) -> String {
        match &self.1 {
            None => format!("Scale({}, {})", self.0.min(), self.0.max()),
            Some(l) => {
                let labels: Vec<String> = l
                    .labels()
                    .iter()
                    .map(|(t, p)| format!("{t:?}: {p}"))
                    .collect();
                format!(
                    "Scale({}, {}, labels={{{}}})",
                    self.0.min(),
                    self.0.max(),
                    labels.join(", ")
                )
            }
        }
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let s = slf.get();
        if s.1.is_none() {
            let args = PyTuple::new(py, [s.0.min(), s.0.max()])?;
            return (slf.get_type(), args)
                .into_pyobject(py)
                .map(pyo3::Bound::into_any);
        }
        let ctor = py.import("cxmetrics._convert")?.getattr("_scale")?;
        let args = (
            s.0.min(),
            s.0.max(),
            slf.getattr("labels")?,
            slf.getattr("missing")?,
        );
        (ctor, args).into_pyobject(py).map(pyo3::Bound::into_any)
    }
}
