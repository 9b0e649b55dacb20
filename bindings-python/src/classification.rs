//! `ClassificationRule` and `classify`, `classify_z`, `classify_en`,
//! `classify_pa`.

use eqa::Bound as Side;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyList, PyString};

use crate::errors::{CoreError, EqaResult};
use crate::options::Named;
use crate::sample::as_slice;
use crate::scores::Numbers;

/// A rule classifying a score by its absolute value: "satisfactory" up to
/// `satisfactory`, "unsatisfactory" from `unsatisfactory`, "questionable"
/// between. Each bound says whether its band includes the limit
/// ("inclusive", the default, or "exclusive").
///
/// The presets: ClassificationRule.z() (|s| <= 2, 2 < |s| < 3, |s| >= 3),
/// .en() (|E_n| <= 1 satisfactory, > 1 unsatisfactory), .pa() (|P_A| <= 100),
/// .two_band(limit).
///
/// Raises InvalidParameterError unless 0 < satisfactory <= unsatisfactory are
/// finite and equal limits are not both inclusive.
#[pyclass(frozen, module = "eqa", name = "ClassificationRule")]
#[derive(Clone)]
pub(crate) struct ClassificationRule(pub(crate) eqa::ClassificationRule);

#[pymethods]
impl ClassificationRule {
    #[new]
    #[pyo3(signature = (
        satisfactory,
        unsatisfactory,
        *,
        satisfactory_bound = Named(Side::Inclusive),
        unsatisfactory_bound = Named(Side::Inclusive),
    ), text_signature = "(satisfactory, unsatisfactory, *, satisfactory_bound='inclusive', \
        unsatisfactory_bound='inclusive')")]
    fn new(
        satisfactory: f64,
        unsatisfactory: f64,
        satisfactory_bound: Named<Side>,
        unsatisfactory_bound: Named<Side>,
    ) -> EqaResult<Self> {
        Ok(ClassificationRule(eqa::ClassificationRule::new(
            satisfactory,
            satisfactory_bound.0,
            unsatisfactory,
            unsatisfactory_bound.0,
        )?))
    }

    /// The rule of z, z' and zeta (ISO 13528:2022 9.4.2).
    #[staticmethod]
    fn z() -> Self {
        ClassificationRule(eqa::ClassificationRule::z())
    }

    /// The rule of E_n: |E_n| <= 1 satisfactory, > 1 unsatisfactory.
    #[staticmethod]
    fn en() -> Self {
        ClassificationRule(eqa::ClassificationRule::en())
    }

    /// The rule of P_A in percent: |P_A| <= 100 satisfactory.
    #[staticmethod]
    fn pa() -> Self {
        ClassificationRule(eqa::ClassificationRule::pa())
    }

    /// |s| <= limit satisfactory, |s| > limit unsatisfactory (for D against delta_E).
    #[staticmethod]
    fn two_band(limit: f64) -> EqaResult<Self> {
        Ok(ClassificationRule(eqa::ClassificationRule::two_band(
            limit,
        )?))
    }

    /// The limit of the satisfactory band.
    #[getter]
    fn satisfactory(&self) -> f64 {
        self.0.satisfactory()
    }

    /// Whether the satisfactory band includes its limit: "inclusive" or "exclusive".
    #[getter]
    fn satisfactory_bound(&self) -> &'static str {
        self.0.satisfactory_bound().as_str()
    }

    /// The limit of the unsatisfactory band.
    #[getter]
    fn unsatisfactory(&self) -> f64 {
        self.0.unsatisfactory()
    }

    /// Whether the unsatisfactory band includes its limit: "inclusive" or "exclusive".
    #[getter]
    fn unsatisfactory_bound(&self) -> &'static str {
        self.0.unsatisfactory_bound().as_str()
    }

    /// The fields as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        rule_dict(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!(
            "ClassificationRule({}, {}, satisfactory_bound={:?}, unsatisfactory_bound={:?})",
            float_repr(self.0.satisfactory()),
            float_repr(self.0.unsatisfactory()),
            self.0.satisfactory_bound().as_str(),
            self.0.unsatisfactory_bound().as_str(),
        )
    }

    fn __eq__(&self, other: PyRef<'_, Self>) -> bool {
        self.0 == other.0
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        self.to_dict(py)?.values().to_tuple().hash()
    }
}

/// A float as Python writes it.
pub(crate) fn float_repr(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e16 {
        format!("{x:.1}")
    } else {
        format!("{x}")
    }
}

/// A rule as a dict, as the core serialises it.
pub(crate) fn rule_dict<'py>(
    py: Python<'py>,
    rule: &eqa::ClassificationRule,
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("satisfactory", rule.satisfactory())?;
    dict.set_item("satisfactory_bound", rule.satisfactory_bound().as_str())?;
    dict.set_item("unsatisfactory", rule.unsatisfactory())?;
    dict.set_item("unsatisfactory_bound", rule.unsatisfactory_bound().as_str())?;
    Ok(dict)
}

/// A rule given as a ClassificationRule or as a preset's name.
pub(crate) struct Rule(pub(crate) eqa::ClassificationRule);

impl<'a, 'py> FromPyObject<'a, 'py> for Rule {
    type Error = PyErr;

    fn extract(ob: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if let Ok(rule) = ob.cast::<ClassificationRule>() {
            return Ok(Rule(rule.get().0));
        }
        let name: PyBackedStr = ob.extract()?;
        Ok(Rule(
            eqa::ClassificationRule::preset(&name).map_err(CoreError)?,
        ))
    }
}

fn classes<'py>(
    py: Python<'py>,
    scores: &Numbers<'py>,
    rule: &eqa::ClassificationRule,
) -> PyResult<Bound<'py, PyAny>> {
    match scores {
        Numbers::One(s) => {
            let class = rule.classify(*s).map_err(CoreError)?;
            Ok(PyString::new(py, class.as_str()).into_any())
        }
        Numbers::Many(values) => {
            let classes = eqa::classify(&as_slice(values), rule).map_err(CoreError)?;
            Ok(PyList::new(py, classes.iter().map(|c| c.as_str()))?.into_any())
        }
    }
}

/// The class of each score: "satisfactory", "questionable" or
/// "unsatisfactory", as a str for one score and a list for an array.
///
/// rule is a ClassificationRule or a preset's name: "z" (default), "en" or "pa".
/// Raises InvalidInputError for a NaN or infinite score,
/// InvalidParameterError for an unknown preset.
#[pyfunction]
#[pyo3(signature = (scores, rule = Rule(eqa::ClassificationRule::z())), text_signature = "(scores, rule='z')")]
pub(crate) fn classify<'py>(
    py: Python<'py>,
    scores: Numbers<'py>,
    rule: Rule,
) -> PyResult<Bound<'py, PyAny>> {
    classes(py, &scores, &rule.0)
}

/// classify with the z rule: |z| <= 2 satisfactory, 2 < |z| < 3 questionable,
/// |z| >= 3 unsatisfactory (also for z' and zeta).
#[pyfunction]
pub(crate) fn classify_z<'py>(
    py: Python<'py>,
    scores: Numbers<'py>,
) -> PyResult<Bound<'py, PyAny>> {
    classes(py, &scores, &eqa::ClassificationRule::z())
}

/// classify with the E_n rule: |E_n| <= 1 satisfactory, > 1 unsatisfactory.
#[pyfunction]
pub(crate) fn classify_en<'py>(
    py: Python<'py>,
    scores: Numbers<'py>,
) -> PyResult<Bound<'py, PyAny>> {
    classes(py, &scores, &eqa::ClassificationRule::en())
}

/// classify with the P_A rule: |P_A| <= 100 (percent) satisfactory.
#[pyfunction]
pub(crate) fn classify_pa<'py>(
    py: Python<'py>,
    scores: Numbers<'py>,
) -> PyResult<Bound<'py, PyAny>> {
    classes(py, &scores, &eqa::ClassificationRule::pa())
}
