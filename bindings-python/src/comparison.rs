//! `compare_with_reference` and the `ReferenceComparison` result
//! (ISO 13528:2022 7.8).

use eqa::ComparisonRule;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::errors::EqaResult;
use crate::options::Named;

/// Compares an assigned value x_pt (typically a consensus x*) with a
/// reference value x_ref (ISO 13528:2022 7.8): x_diff = x_ref - x_pt,
/// u_diff = sqrt(u_ref^2 + u_x_pt^2), and the values agree when
/// |x_diff| <= k u_diff.
///
/// rule (keyword-only): "two_u_diff" (k = 2, ISO 13528:2022 7.8, the
/// default) or "three_u_diff" (k = 3).
///
/// Raises InvalidParameterError for a non-finite value, a negative or
/// non-finite uncertainty, two zero uncertainties or an unknown rule,
/// NumericalOverflowError when the difference exceeds the range of a float.
#[pyfunction]
#[pyo3(signature = (x_ref, u_ref, x_pt, u_x_pt, *, rule = Named(ComparisonRule::default())),
    text_signature = "(x_ref, u_ref, x_pt, u_x_pt, *, rule='two_u_diff')")]
pub(crate) fn compare_with_reference(
    x_ref: f64,
    u_ref: f64,
    x_pt: f64,
    u_x_pt: f64,
    rule: Named<ComparisonRule>,
) -> EqaResult<ReferenceComparison> {
    Ok(ReferenceComparison(eqa::compare_with_reference(
        x_ref, u_ref, x_pt, u_x_pt, rule.0,
    )?))
}

/// A reference value against an assigned value, with the numbers behind
/// the verdict (ISO 13528:2022 7.8), as returned by compare_with_reference.
/// Immutable; equal when every field is.
#[pyclass(frozen, module = "eqa", name = "ReferenceComparison")]
pub(crate) struct ReferenceComparison(eqa::ReferenceComparison);

#[pymethods]
impl ReferenceComparison {
    /// The reference value x_ref.
    #[getter]
    fn x_ref(&self) -> f64 {
        self.0.x_ref
    }

    /// Its standard uncertainty.
    #[getter]
    fn u_ref(&self) -> f64 {
        self.0.u_ref
    }

    /// The assigned value compared.
    #[getter]
    fn x_pt(&self) -> f64 {
        self.0.x_pt
    }

    /// Its standard uncertainty.
    #[getter]
    fn u_x_pt(&self) -> f64 {
        self.0.u_x_pt
    }

    /// x_diff = x_ref - x_pt.
    #[getter]
    fn difference(&self) -> f64 {
        self.0.difference
    }

    /// u_diff = sqrt(u_ref^2 + u_x_pt^2).
    #[getter]
    fn u_diff(&self) -> f64 {
        self.0.u_diff
    }

    /// |x_diff| / u_diff.
    #[getter]
    fn ratio(&self) -> f64 {
        self.0.ratio
    }

    /// The rule applied: "two_u_diff" or "three_u_diff".
    #[getter]
    fn rule(&self) -> &'static str {
        self.0.rule.as_str()
    }

    /// The limit on |x_diff|: 2 or 3 times u_diff.
    #[getter]
    fn limit(&self) -> f64 {
        self.0.limit
    }

    /// Whether |x_diff| <= limit.
    #[getter]
    fn agrees(&self) -> bool {
        self.0.agrees
    }

    /// The fields as a dict, in declaration order.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let c = &self.0;
        let dict = PyDict::new(py);
        dict.set_item("x_ref", c.x_ref)?;
        dict.set_item("u_ref", c.u_ref)?;
        dict.set_item("x_pt", c.x_pt)?;
        dict.set_item("u_x_pt", c.u_x_pt)?;
        dict.set_item("difference", c.difference)?;
        dict.set_item("u_diff", c.u_diff)?;
        dict.set_item("ratio", c.ratio)?;
        dict.set_item("rule", c.rule.as_str())?;
        dict.set_item("limit", c.limit)?;
        dict.set_item("agrees", c.agrees)?;
        Ok(dict)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        crate::results::repr("ReferenceComparison", &self.to_dict(py)?)
    }

    fn __eq__(&self, other: PyRef<'_, Self>) -> bool {
        self.0 == other.0
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        crate::results::hash(&self.to_dict(py)?)
    }
}
