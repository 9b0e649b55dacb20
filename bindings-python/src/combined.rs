//! `combined_z` and its result `CombinedScore`.

use eqa::CombinedOptions;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::classification::{ClassificationRule, Rule, rule_dict};
use crate::errors::EqaResult;
use crate::sample::{Values, as_slice};

/// The combined scores of one participant's z scores over several items or
/// rounds, with the individual scores. Immutable; equal when every field is.
#[pyclass(frozen, module = "eqa", name = "CombinedScore")]
pub(crate) struct CombinedScore(eqa::CombinedScore);

#[pymethods]
impl CombinedScore {
    /// The individual z scores, as given.
    #[getter]
    fn z<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, &self.0.z)
    }

    /// The number of scores p.
    #[getter]
    fn p(&self) -> usize {
        self.0.p
    }

    /// The average z score sum(z) / p.
    #[getter]
    fn mean_z(&self) -> f64 {
        self.0.mean_z
    }

    /// RSZ = sum(z) / sqrt(p), a standard normal score.
    #[getter]
    fn rescaled_sum(&self) -> f64 {
        self.0.rescaled_sum
    }

    /// The class of RSZ under the rule.
    #[getter]
    fn rescaled_sum_performance(&self) -> &'static str {
        self.0.rescaled_sum_performance.as_str()
    }

    /// SSZ = sum(z**2), chi-squared with p degrees of freedom.
    #[getter]
    fn sum_of_squares(&self) -> f64 {
        self.0.sum_of_squares
    }

    /// P(chi2_p >= SSZ).
    #[getter]
    fn p_value(&self) -> f64 {
        self.0.p_value
    }

    /// The class of SSZ by its p-value.
    #[getter]
    fn sum_of_squares_performance(&self) -> &'static str {
        self.0.sum_of_squares_performance.as_str()
    }

    /// The significance level of the warning signal.
    #[getter]
    fn questionable(&self) -> f64 {
        self.0.options.questionable
    }

    /// The significance level of the action signal.
    #[getter]
    fn unsatisfactory(&self) -> f64 {
        self.0.options.unsatisfactory
    }

    /// The rule that classified RSZ.
    #[getter]
    fn rule(&self) -> ClassificationRule {
        ClassificationRule(self.0.options.rule)
    }

    /// The fields as a dict; the options nested under "options".
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let r = &self.0;
        let dict = PyDict::new(py);
        dict.set_item("z", PyList::new(py, &r.z)?)?;
        dict.set_item("p", r.p)?;
        dict.set_item("mean_z", r.mean_z)?;
        dict.set_item("rescaled_sum", r.rescaled_sum)?;
        dict.set_item(
            "rescaled_sum_performance",
            r.rescaled_sum_performance.as_str(),
        )?;
        dict.set_item("sum_of_squares", r.sum_of_squares)?;
        dict.set_item("p_value", r.p_value)?;
        dict.set_item(
            "sum_of_squares_performance",
            r.sum_of_squares_performance.as_str(),
        )?;
        let options = PyDict::new(py);
        options.set_item("questionable", r.options.questionable)?;
        options.set_item("unsatisfactory", r.options.unsatisfactory)?;
        options.set_item("rule", rule_dict(py, &r.options.rule)?)?;
        dict.set_item("options", options)?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        let r = &self.0;
        format!(
            "CombinedScore(p={}, mean_z={:?}, rescaled_sum={:?}, sum_of_squares={:?}, \
             p_value={:?}, sum_of_squares_performance={:?})",
            r.p,
            r.mean_z,
            r.rescaled_sum,
            r.sum_of_squares,
            r.p_value,
            r.sum_of_squares_performance.as_str()
        )
    }

    fn __eq__(&self, other: PyRef<'_, Self>) -> bool {
        self.0 == other.0
    }
}

/// Combined scores of one participant's z scores over p items or rounds
/// (ISO 13528:2022 9.8/10.8 practice): the mean z, RSZ = sum(z)/sqrt(p)
/// classified by `rule`, and SSZ = sum(z**2) with its chi-squared p-value,
/// questionable at p <= `questionable` and unsatisfactory at p <=
/// `unsatisfactory`. The individual scores come back with them.
///
/// Raises InvalidInputError for no scores or a NaN or infinite one,
/// InvalidParameterError unless 0 < unsatisfactory <= questionable < 1,
/// NumericalOverflowError when SSZ exceeds the range of a float.
#[pyfunction]
#[pyo3(signature = (
    z,
    *,
    questionable = CombinedOptions::default().questionable,
    unsatisfactory = CombinedOptions::default().unsatisfactory,
    rule = Rule(CombinedOptions::default().rule),
), text_signature = "(z, *, questionable=0.05, unsatisfactory=0.01, rule='z')")]
pub(crate) fn combined_z(
    py: Python<'_>,
    z: Values<'_>,
    questionable: f64,
    unsatisfactory: f64,
    rule: Rule,
) -> EqaResult<CombinedScore> {
    let options = CombinedOptions {
        questionable,
        unsatisfactory,
        rule: rule.0,
    };
    let z = as_slice(&z);
    Ok(CombinedScore(py.detach(|| eqa::combined_z(&z, &options))?))
}
