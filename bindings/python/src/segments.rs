//! Segments (issue 5): `segment`, `SegmentTable`, and the metric-by-name options shared
//! with `trend` (module `trends`).
//!
//! Keys are read as the engines store them (module `keys`: numpy integers and strings,
//! pandas `Categorical` codes, Arrow and polars columns, object arrays) and given group
//! ids by the core (`cxmetrics::segments::GroupIds`), which go to
//! [`cxmetrics::Segments::from_codes`]. Every metric, interval, impact, comparison and
//! p-value adjustment is the core's.
#![allow(
    clippy::doc_link_with_quotes,
    reason = "the docstrings are Python; their examples have lists of strings"
)]

use cxmetrics::{
    Key, KeyPart, MetricKind, MetricOption, MetricOptions, NpsBuckets, ReportOptions, Scale,
    Segments, SurveyMetric,
};
use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyInt, PyList, PyString, PyTuple};

use crate::convert::{
    by_name, extract_buckets, extract_on_invalid, extract_opt_int, extract_opt_u32, extract_scale,
    extract_str, extract_weights,
};
use crate::errors::{core_err, no_panic, type_error, type_name};
use crate::results::{row_dicts, set_field_columns};
use crate::stats::{interval_method, level_arg};

/// A segment key as a Python tuple of `int` / `str`.
#[derive(Clone, PartialEq)]
pub(crate) struct PyKey(Key);

impl<'py> IntoPyObject<'py> for PyKey {
    type Target = PyTuple;
    type Output = Bound<'py, PyTuple>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let parts = self
            .0
            .into_iter()
            .map(|p| match p {
                KeyPart::Int(i) => Ok(PyInt::new(py, i).into_any()),
                KeyPart::Str(s) => Ok(PyString::new(py, &s).into_any()),
            })
            .collect::<PyResult<Vec<_>>>()?;
        PyTuple::new(py, parts)
    }
}

result_class! {
    /// One row of a :class:`SegmentTable`: a segment, or the overall row.
    ///
    /// ``key`` is a tuple with one part per key column (``()`` for the overall row).
    /// ``score`` / ``lower`` / ``upper`` are ``None`` when the segment has no valid
    /// response (or the interval is undefined, e.g. a mean of one response).
    ///
    /// >>> import cxmetrics as cx
    /// >>> t = cx.segment([10, 9, 0, 3, 10], ["chat", "chat", "email", "email", "email"], min_n=1)
    /// >>> row = t.rows[0]
    /// >>> row.key, row.n, row.score, row.share, row.low_n
    /// (('chat',), 2, 100.0, 0.4, False)
    PySegmentRow(cxmetrics::SegmentRow) as "SegmentRow" {
        /// The segment's key, one part (int or str) per key column; ``()`` overall.
        key: PyKey = |r| PyKey(r.key.clone());
        /// Valid responses (unweighted).
        n: u64 = |r| r.n;
        /// Missing responses.
        missing: u64 = |r| r.missing;
        /// Invalid responses skipped under ``on_invalid="skip"``.
        invalid: u64 = |r| r.invalid;
        /// The segment's share of the overall weight (Σw; counts when unweighted), 0…1.
        share: f64 = |r| r.share;
        /// The metric's value (``None`` without a valid response).
        score: Option<f64> = |r| r.score;
        /// Lower limit of the default interval (``None`` when undefined).
        lower: Option<f64> = |r| r.lower;
        /// Upper limit of the default interval (``None`` when undefined).
        upper: Option<f64> = |r| r.upper;
        /// ``n < min_n``: too few responses to read much into.
        low_n: bool = |r| r.low_n;
        /// Leave-one-out impact: overall score − score of everyone outside this segment,
        /// in the metric's unit (``None`` when nobody else has a valid response, and on
        /// the overall row).
        impact: Option<f64> = |r| r.impact;
    }
}

/// Field names of a segment row after the key columns, in order.
const SEGMENT_FIELDS: [&str; 9] = [
    "n", "missing", "invalid", "share", "score", "lower", "upper", "low_n", "impact",
];

pub(crate) fn frame_helper(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    static HELPER: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    HELPER.import(py, "cxmetrics._convert", "to_frame")
}

/// A segment report: one :class:`SegmentRow` per key (ascending: ints before strings)
/// and an ``overall`` row computed from the **merged** responses — never the mean of the
/// segment scores. Iterable, with ``len()``; ``to_pandas()`` / ``to_polars()`` give one
/// frame row per segment.
///
/// >>> import cxmetrics as cx
/// >>> t = cx.segment([10, 9, 0, 3, 10], ["chat", "chat", "email", "email", "email"], min_n=1)
/// >>> [(r.key[0], r.score) for r in t]
/// [('chat', 100.0), ('email', -33.33333333333333)]
/// >>> round(t.overall.score, 9), len(t)
/// (20.0, 2)
#[pyclass(frozen, eq, name = "SegmentTable", module = "cxmetrics")]
#[derive(Clone, PartialEq)]
pub struct PySegmentTable {
    report: cxmetrics::SegmentReport,
    key_names: Vec<String>,
    metric: String,
    /// The metric and scale, kept for the chart's axis (`SurveyMetric::value_range`).
    survey: cxmetrics::SurveyMetric,
    scale: cxmetrics::Scale,
}

#[pymethods]
impl PySegmentTable {
    /// A segment table from tallies counted elsewhere: ``{key: Tally}`` (or ``(key,
    /// tally)`` pairs; a key given twice is merged) — what :mod:`cxmetrics.spark`,
    /// :mod:`cxmetrics.duckdb` and :mod:`cxmetrics.polars` build from an engine's
    /// ``GROUP BY`` counts. Equals :func:`segment` on the same rows.
    ///
    /// Args:
    ///     tallies: a mapping (or pairs) from a key — a tuple of str / int, or one str /
    ///         int — to a :class:`Tally`; all tallies on one scale.
    ///     key_names: names of the key parts (default ``key`` or ``key_0``, ``key_1``, …).
    ///     metric, scale, min_n, level, method, buckets, csat_method, threshold,
    ///         bottom_threshold, higher_is_better, ces_method: as :func:`segment`
    ///         (``scale`` defaults to the tallies' scale).
    ///
    /// Raises:
    ///     CxMetricsError: ``scale_mismatch`` for tallies on different scales (or not on
    ///         ``scale``); ``empty`` when no tally has a valid response; as :func:`segment`.
    ///     TypeError: for a key that is not str / int / a tuple of them, or a value that
    ///         is not a Tally.
    ///
    /// >>> import cxmetrics as cx
    /// >>> t = cx.SegmentTable.from_tallies({"chat": cx.Tally((0, 10), [10, 9]), "email": cx.Tally((0, 10), [0, 3, 10])}, min_n=1)
    /// >>> [(r.key, r.n) for r in t], round(t.overall.score, 9)
    /// ([(('chat',), 2), (('email',), 3)], 20.0)
    #[staticmethod]
    #[pyo3(
        signature = (tallies, *, key_names = None, metric = None, scale = None, min_n = None, level = None, method = None, buckets = None, csat_method = None, threshold = None, bottom_threshold = None, higher_is_better = None, ces_method = None),
        text_signature = "(tallies, *, key_names=None, metric='nps', scale=None, min_n=30, level=0.95, method=None, buckets=None, csat_method=None, threshold=None, bottom_threshold=None, higher_is_better=None, ces_method=None)"
    )]
    #[allow(
        clippy::too_many_arguments,
        reason = "mirrors the documented keyword options"
    )]
    fn from_tallies(
        py: Python<'_>,
        tallies: &Bound<'_, PyAny>,
        key_names: Option<Vec<String>>,
        metric: Option<&Bound<'_, PyAny>>,
        scale: Option<&Bound<'_, PyAny>>,
        min_n: Option<&Bound<'_, PyAny>>,
        level: Option<&Bound<'_, PyAny>>,
        method: Option<&Bound<'_, PyAny>>,
        buckets: Option<&Bound<'_, PyAny>>,
        csat_method: Option<&Bound<'_, PyAny>>,
        threshold: Option<&Bound<'_, PyAny>>,
        bottom_threshold: Option<&Bound<'_, PyAny>>,
        higher_is_better: Option<&Bound<'_, PyAny>>,
        ces_method: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PySegmentTable> {
        let (keys, tallies) = tally_pairs(tallies)?;
        let labels = key_labels(&PyList::new(py, keys)?.into_any())?;
        let first_scale = tallies
            .first()
            .map(|t| crate::scale::PyScale(t.scale(), None).into_bound_py_any(py))
            .transpose()?;
        let (name, metric, scale) = MetricArgs {
            metric,
            scale: scale.or(first_scale.as_ref()),
            buckets,
            csat_method,
            threshold,
            bottom_threshold,
            higher_is_better,
            ces_method,
        }
        .resolve("SegmentTable.from_tallies")?;
        let options = ReportOptions {
            level: level_arg(level)?,
            method: interval_method(method)?,
            min_n: min_n_arg(min_n)?,
            ..ReportOptions::default()
        };
        let parts = labels.first().map_or(1, Vec::len);
        let key_names = key_names.unwrap_or_else(|| {
            if parts == 1 {
                vec!["key".to_owned()]
            } else {
                (0..parts).map(|i| format!("key_{i}")).collect()
            }
        });
        let report = no_panic(|| {
            Segments::from_tallies(scale, labels.into_iter().zip(tallies))?.report(metric, &options)
        })
        .map_err(core_err)?;
        Ok(PySegmentTable {
            report,
            key_names,
            metric: name,
            survey: metric,
            scale,
        })
    }

    /// The segment rows, sorted by key.
    #[getter]
    fn rows(&self) -> Vec<PySegmentRow> {
        self.report.rows.iter().cloned().map(PySegmentRow).collect()
    }

    /// All segments merged (``key == ()``, ``share == 1``, ``impact is None``).
    #[getter]
    fn overall(&self) -> PySegmentRow {
        PySegmentRow(self.report.overall.clone())
    }

    /// The names of the key columns (the names of named pandas / polars columns, else
    /// ``key`` or ``key_0``, ``key_1``, …), used as frame columns.
    #[getter]
    fn key_names(&self) -> Vec<String> {
        self.key_names.clone()
    }

    /// The metric: ``"nps"``, ``"csat"``, ``"ces"``, ``"mean"``, ``"top_box"`` or
    /// ``"bottom_box"``.
    #[getter]
    fn metric(&self) -> &str {
        &self.metric
    }

    fn __len__(&self) -> usize {
        self.report.rows.len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyIterator>> {
        PyList::new(py, self.rows())?.try_iter()
    }

    /// ``table[i]`` is a :class:`SegmentRow` (negative ``i`` from the end), ``table[a:b]``
    /// a list of them, as in a list; the overall row is ``.overall``.
    ///
    /// >>> import cxmetrics as cx
    /// >>> t = cx.segment([10, 0, 9], ["a", "b", "c"], min_n=1)
    /// >>> t[-1].key, [r.key for r in t[:2]]
    /// (('c',), [('a',), ('b',)])
    ///
    /// Raises:
    ///     IndexError: for an index outside the rows.
    ///     TypeError: for an index that is neither an int nor a slice.
    fn __getitem__<'py>(
        &self,
        py: Python<'py>,
        index: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        crate::display::index_rows(py, &self.report.rows, index, |r| PySegmentRow(r.clone()))
    }

    /// The segment rows and the overall row as an HTML table with inline bars, the
    /// metric's convention and the chart (an ``<img>`` with a base64 ``data:`` URI);
    /// written by the core. No scripts; segment keys are escaped.
    fn _repr_html_(&self) -> String {
        cxmetrics::chart::html(&self.view())
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
            self.__repr__(py)?,
            cxmetrics::chart::html(&self.view()),
            include,
            exclude,
        )
    }

    /// The report as a Vega-Lite v5 specification (a new ``dict``): one record per
    /// segment (``segment``, ``n``, ``score``, ``lower``, ``upper``, ``share``, ``low_n``,
    /// ``impact``), bars with interval rules on the metric's range.
    fn to_vega_lite<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::display::vega(py, &cxmetrics::chart::vega_lite(&self.view()))
    }

    /// The chart as standalone SVG text: one bar per segment with its interval, the overall
    /// score as a dashed line, on the metric's full range.
    fn to_svg(&self) -> String {
        cxmetrics::chart::segments(&self.report, &self.survey, self.scale)
    }

    /// The report as a new ``dict``: ``rows`` (a list of dicts), ``overall`` (a dict),
    /// ``key_names`` and ``metric``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("rows", row_dicts(py, &self.rows(), PySegmentRow::to_dict)?)?;
        d.set_item("overall", self.overall().to_dict(py)?)?;
        d.set_item("key_names", self.key_names.clone())?;
        d.set_item("metric", &self.metric)?;
        Ok(d)
    }

    /// The segment rows as a pandas ``DataFrame``: one column per key part (named by
    /// ``key_names``), then ``n``, ``missing``, ``invalid``, ``share``, ``score``,
    /// ``lower``, ``upper``, ``low_n``, ``impact`` (``None`` → NaN). The overall row is
    /// not included (it is ``.overall``).
    ///
    /// Raises:
    ///     ImportError: when pandas is not installed (``pip install cxmetrics[pandas]``).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frame_helper(py)?.call1((self.columns(py)?, "pandas"))
    }

    /// The segment rows as a polars ``DataFrame`` (columns as in :meth:`to_pandas`;
    /// ``None`` → null; a key column mixing ints and strings becomes strings).
    ///
    /// Raises:
    ///     ImportError: when polars is not installed (``pip install cxmetrics[polars]``).
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frame_helper(py)?.call1((self.columns(py)?, "polars"))
    }

    /// The header, then the rows and the overall row as an aligned table (the core's
    /// text; more than 60 rows show the first and last 5, like pandas).
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "SegmentTable(metric='{}', key_names={}, rows={})\n{}",
            self.metric,
            PyList::new(py, &self.key_names)?.repr()?,
            self.report.rows.len(),
            cxmetrics::chart::text_rows(&self.view()).unwrap_or_default()
        ))
    }
}

impl PySegmentTable {
    /// The report with what its display needs.
    fn view(&self) -> cxmetrics::chart::SegmentView<'_> {
        cxmetrics::chart::SegmentView {
            report: &self.report,
            metric: &self.survey,
            scale: self.scale,
            key_names: &self.key_names,
        }
    }

    /// Column name → list of values, in frame order.
    fn columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (k, name) in self.key_names.iter().enumerate() {
            let values = self
                .report
                .rows
                .iter()
                .map(|r| match r.key.get(k) {
                    Some(KeyPart::Int(i)) => Ok(PyInt::new(py, *i).into_any()),
                    Some(KeyPart::Str(s)) => Ok(PyString::new(py, s).into_any()),
                    None => Ok(py.None().into_bound(py)),
                })
                .collect::<PyResult<Vec<_>>>()?;
            d.set_item(name, values)?;
        }
        let dicts = row_dicts(py, &self.rows(), PySegmentRow::to_dict)?;
        set_field_columns(&d, &dicts, &SEGMENT_FIELDS)?;
        Ok(d)
    }
}

// ───────────────────────────── options ─────────────────────────────

/// The metric and scale options shared by `segment` and `trend`.
pub(crate) struct MetricArgs<'a, 'py> {
    pub(crate) metric: Option<&'a Bound<'py, PyAny>>,
    pub(crate) scale: Option<&'a Bound<'py, PyAny>>,
    pub(crate) buckets: Option<&'a Bound<'py, PyAny>>,
    pub(crate) csat_method: Option<&'a Bound<'py, PyAny>>,
    pub(crate) threshold: Option<&'a Bound<'py, PyAny>>,
    pub(crate) bottom_threshold: Option<&'a Bound<'py, PyAny>>,
    pub(crate) higher_is_better: Option<&'a Bound<'py, PyAny>>,
    pub(crate) ces_method: Option<&'a Bound<'py, PyAny>>,
}

impl MetricArgs<'_, '_> {
    /// The metric name, the core's metric and the scale.
    ///
    /// The rules are the core's: [`MetricKind::parse`] (the names),
    /// [`SurveyMetric::resolve`] (which options apply, method names) and
    /// [`MetricKind::default_scale`]. The binding only reads the Python values and raises
    /// Python's missing-argument idiom (`TypeError`) for an option the core lists as
    /// [`MetricKind::required`] and for a scale the metric has no default for.
    pub(crate) fn resolve(&self, func: &str) -> PyResult<(String, SurveyMetric, Scale)> {
        let kind = by_name(self.metric, "metric", MetricKind::parse)?.unwrap_or(MetricKind::Nps);
        let applies = |o: MetricOption| kind.options().contains(&o);
        // An option that does not apply is passed as given (its value is never read), so
        // that the core refuses it by name.
        let options = MetricOptions {
            buckets: match self.buckets {
                Some(b) if applies(MetricOption::Buckets) => Some(extract_buckets(b)?),
                given => given.map(|_| NpsBuckets::STANDARD),
            },
            csat_method: self
                .csat_method
                .map(|m| opt_text(m, "csat_method", applies(MetricOption::CsatMethod)))
                .transpose()?,
            threshold: match self.threshold {
                Some(_) if applies(MetricOption::Threshold) => {
                    extract_opt_int(self.threshold, "threshold")?
                }
                given => given.map(|_| 0),
            },
            bottom_threshold: match self.bottom_threshold {
                Some(_) if applies(MetricOption::BottomThreshold) => {
                    extract_opt_int(self.bottom_threshold, "bottom_threshold")?
                }
                given => given.map(|_| 0),
            },
            higher_is_better: match self.higher_is_better {
                Some(h) if applies(MetricOption::HigherIsBetter) => {
                    if !h.is_instance_of::<PyBool>() {
                        return Err(type_error(format!(
                            "higher_is_better must be a bool, not {}",
                            type_name(h)
                        )));
                    }
                    Some(h.is_truthy()?)
                }
                given => given.map(|_| false),
            },
            ces_method: self
                .ces_method
                .map(|m| opt_text(m, "ces_method", applies(MetricOption::CesMethod)))
                .transpose()?,
        };
        let name = kind.name();
        if let Some(&missing) = kind.required().iter().find(|&&o| !options.is_given(o))
            && MetricOption::ALL
                .iter()
                .all(|&o| !options.is_given(o) || applies(o))
        {
            let how = match missing {
                MetricOption::HigherIsBetter => "higher_is_better=True or False (CES 1.0 and \
                                                 2.0 point in opposite directions)"
                    .to_owned(),
                other => format!("{}=…", other.name()),
            };
            return Err(type_error(format!("{func}(metric={name:?}) needs {how}")));
        }
        let metric = SurveyMetric::resolve(kind, options).map_err(core_err)?;
        let scale = match (self.scale, kind.default_scale()) {
            (Some(s), _) => extract_scale(s)?,
            (None, Some(d)) => d,
            (None, None) => {
                return Err(type_error(format!(
                    "{func}(metric={name:?}) needs scale=(min, max) (the survey's response scale)"
                )));
            }
        };
        Ok((name.to_owned(), metric, scale))
    }
}

/// A method name given for a metric option: read as a str when the option applies,
/// else passed on unread (the core refuses it).
fn opt_text(obj: &Bound<'_, PyAny>, name: &str, applies: bool) -> PyResult<String> {
    if applies {
        extract_str(obj, name)
    } else {
        Ok(String::new())
    }
}

/// `min_n` (default: the core's [`ReportOptions::default`]).
pub(crate) fn min_n_arg(min_n: Option<&Bound<'_, PyAny>>) -> PyResult<u64> {
    Ok(extract_opt_u32(min_n, "min_n")?.map_or(ReportOptions::default().min_n, u64::from))
}

/// Labels (tuples of `int` / `str`) from the factoriser, as core keys.
fn key_labels(labels: &Bound<'_, PyAny>) -> PyResult<Vec<Key>> {
    let labels = labels.cast::<PyList>()?;
    labels
        .iter()
        .map(|label| {
            label
                .cast::<PyTuple>()?
                .iter()
                .map(|part| crate::keys::key_part(&part))
                .collect::<PyResult<Key>>()
        })
        .collect()
}

/// `(keys as tuples, tallies)` from a mapping or an iterable of `(key, tally)` pairs; a
/// scalar key becomes a 1-tuple.
pub(crate) fn tally_pairs<'py>(
    tallies: &Bound<'py, PyAny>,
) -> PyResult<(Vec<Bound<'py, PyAny>>, Vec<cxmetrics::Tally>)> {
    let py = tallies.py();
    let pairs = if tallies.hasattr("items")? {
        tallies.call_method0("items")?
    } else {
        tallies.clone()
    };
    let mut keys = Vec::new();
    let mut out = Vec::new();
    for pair in pairs.try_iter()? {
        let pair = pair?;
        let (key, tally): (Bound<'py, PyAny>, Bound<'py, PyAny>) =
            pair.extract().map_err(|_| {
                type_error(format!(
                    "tallies must be a mapping or (key, Tally) pairs, got an item of type {}",
                    type_name(&pair)
                ))
            })?;
        let tally = tally.cast::<crate::tally::PyTally>().map_err(|_| {
            type_error(format!(
                "tallies must map to Tally, not {}",
                type_name(&tally)
            ))
        })?;
        let key = if key.is_instance_of::<PyTuple>() {
            key
        } else {
            PyTuple::new(py, [key])?.into_any()
        };
        keys.push(key);
        out.push(tally.try_borrow()?.inner.clone());
    }
    Ok((keys, out))
}

// ───────────────────────────── functions ─────────────────────────────

/// A survey metric per segment, with intervals, small-sample flags and each segment's
/// impact on the total — plus an overall row from the merged responses.
///
/// Each segment keeps its own tally; the overall row is the metric of all responses
/// together (segments of 12 and 5,000 responses are weighted by their responses, never
/// averaged as scores). ``impact`` = overall score − the score of everyone outside the
/// segment: how much the segment moves the total.
///
/// Formula: ``score[k] = metric(tally[k])``, ``overall = metric(merge of every
/// tally[k])``, ``impact[k] = overall − metric(overall without tally[k])``,
/// ``share[k] = Σw[k] / Σw`` (counts when unweighted); intervals as each result's
/// ``interval()``.
///
/// Args:
///     scores: the responses (list, numpy array, pandas / polars Series; None / NaN =
///         missing).
///     by: one key column, or a list of key columns (or a DataFrame), each as long as
///         ``scores``; values are str or int. Read as stored, without a factorising
///         pass: numpy integer arrays of any width and ``<U`` string arrays, pandas
///         ``Categorical`` codes, Arrow / polars integer, string and dictionary
///         (``Categorical`` / ``Enum``) columns are hashed or tabled in Rust with the GIL
///         released; object arrays are hashed by object identity with the GIL held;
///         other iterables are factorised first.
///     metric: ``"nps"`` (default), ``"csat"``, ``"ces"``, ``"mean"``, ``"top_box"`` or
///         ``"bottom_box"``.
///     scale: the response scale (default 0–10 for NPS, 1–5 for CSAT; required for the
///         others).
///     weights: optional per-response weights.
///     on_invalid: ``"error"`` (default) or ``"skip"``.
///     min_n: segments with fewer valid responses are flagged ``low_n`` (default 30).
///     level: confidence level of the intervals (default 0.95).
///     method: interval method (default: the metric's — adjusted Wald, Wilson or t).
///     buckets: NPS buckets (``metric="nps"``).
///     csat_method: ``"top_box"``, ``"mean"``, ``"percent_of_max"`` or ``"net"``.
///     threshold: CSAT / CES / box threshold.
///     bottom_threshold: CSAT ``net`` dissatisfied threshold.
///     higher_is_better: CES polarity (required for ``metric="ces"``).
///     ces_method: ``"mean"``, ``"percent_agree"`` or ``"net_effort"``.
///
/// Returns:
///     SegmentTable
///
/// Edge cases: a segment whose responses are all missing still appears, with
/// ``score=None``. Intervals that are undefined (a mean of one response) are ``None``.
///
/// Raises:
///     CxMetricsError: ``length_mismatch`` (keys, scores, weights); ``out_of_scale`` /
///         ``not_integer`` / ``not_finite`` / ``invalid_weight`` with the row's ``index``
///         in your input; ``empty`` when no response is valid; ``invalid_argument`` for an
///         unknown metric, an option that does not apply to it, a missing key (with its
///         ``index``) or a bad level / method / min_n; ``scale_mismatch``.
///     TypeError: for keys that are not str / int, or other values of the wrong type.
///
/// >>> import cxmetrics as cx
/// >>> scores = [10] * 12 + [0] * 4000 + [10] * 1000
/// >>> region = ["north"] * 12 + ["south"] * 5000
/// >>> t = cx.segment(scores, region)
/// >>> [(r.key, r.n, round(r.score, 1)) for r in t]
/// [(('north',), 12, 100.0), (('south',), 5000, -60.0)]
/// >>> round(t.overall.score, 2)      # the merged responses, not the mean of 100 and -60
/// -59.62
#[pyfunction]
#[pyo3(
    signature = (scores, by, *, metric = None, scale = None, weights = None, on_invalid = None, min_n = None, level = None, method = None, buckets = None, csat_method = None, threshold = None, bottom_threshold = None, higher_is_better = None, ces_method = None),
    text_signature = "(scores, by, *, metric='nps', scale=None, weights=None, on_invalid='error', min_n=30, level=0.95, method=None, buckets=None, csat_method=None, threshold=None, bottom_threshold=None, higher_is_better=None, ces_method=None)"
)]
#[allow(
    clippy::too_many_arguments,
    reason = "mirrors the documented keyword options"
)]
fn segment(
    py: Python<'_>,
    scores: &Bound<'_, PyAny>,
    by: &Bound<'_, PyAny>,
    metric: Option<&Bound<'_, PyAny>>,
    scale: Option<&Bound<'_, PyAny>>,
    weights: Option<&Bound<'_, PyAny>>,
    on_invalid: Option<&Bound<'_, PyAny>>,
    min_n: Option<&Bound<'_, PyAny>>,
    level: Option<&Bound<'_, PyAny>>,
    method: Option<&Bound<'_, PyAny>>,
    buckets: Option<&Bound<'_, PyAny>>,
    csat_method: Option<&Bound<'_, PyAny>>,
    threshold: Option<&Bound<'_, PyAny>>,
    bottom_threshold: Option<&Bound<'_, PyAny>>,
    higher_is_better: Option<&Bound<'_, PyAny>>,
    ces_method: Option<&Bound<'_, PyAny>>,
) -> PyResult<PySegmentTable> {
    let scale_labels = scale
        .map(crate::convert::extract_scale_arg)
        .transpose()?
        .and_then(|a| a.labels);
    let (name, metric, scale) = MetricArgs {
        metric,
        scale,
        buckets,
        csat_method,
        threshold,
        bottom_threshold,
        higher_is_better,
        ces_method,
    }
    .resolve("segment")?;
    let options = ReportOptions {
        level: level_arg(level)?,
        method: interval_method(method)?,
        min_n: min_n_arg(min_n)?,
        ..ReportOptions::default()
    };
    let on_invalid = extract_on_invalid(on_invalid)?;
    let scores = crate::convert::extract_scores_on(
        scores,
        &crate::convert::ScaleArg {
            scale,
            labels: scale_labels,
        },
        on_invalid,
    )?;
    let weights = weights.map(extract_weights).transpose()?;
    let w = weights.as_ref().map(crate::convert::Column::as_slice);
    let (segments, key_names) =
        with_slice!(&scores, s => crate::keys::segments(py, by, scale, s, w, on_invalid))?;
    let report = no_panic(|| segments.report(metric, &options)).map_err(core_err)?;
    Ok(PySegmentTable {
        report,
        key_names,
        metric: name,
        survey: metric,
        scale,
    })
}

/// Registers this module's classes and functions.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PySegmentRow>()?;
    m.add_class::<PySegmentTable>()?;
    m.add_function(wrap_pyfunction!(segment, m)?)?;
    Ok(())
}
