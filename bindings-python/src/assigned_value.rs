//! The assigned value and its provenance (ISO 13528:2022 clause 7): one
//! function per subclause, all returning `AssignedValue`.

use eqa::{
    AlgorithmAOptions, ConsensusEstimator, ConsensusOptions, Constants, StopRule, ZeroScalePolicy,
};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::errors::EqaResult;
use crate::options::Named;
use crate::sample::{Values, as_slice};

/// The value from formulation (ISO 13528:2022 7.3), with the standard
/// uncertainty u of its preparation.
///
/// u_hom and u_stab (keyword-only, default 0) are added in quadrature:
/// u(x_pt) = sqrt(u^2 + u_hom^2 + u_stab^2) (7.2.2).
///
/// Raises InvalidParameterError for a non-finite x_pt or a negative or
/// non-finite uncertainty.
#[pyfunction]
#[pyo3(signature = (x_pt, u, *, u_hom = 0.0, u_stab = 0.0))]
pub(crate) fn assigned_value_formulation(
    x_pt: f64,
    u: f64,
    u_hom: f64,
    u_stab: f64,
) -> EqaResult<AssignedValue> {
    let value = eqa::AssignedValue::formulation(x_pt, u)?;
    Ok(AssignedValue(value.with_contributions(u_hom, u_stab)?))
}

/// The certified value of a certified reference material (ISO 13528:2022
/// 7.4), with u(x_pt) = U / k from its expanded uncertainty U and coverage
/// factor k; u_hom and u_stab as in assigned_value_formulation.
///
/// Raises InvalidParameterError for a non-finite value, a negative or
/// non-finite U, a k that is not positive and finite, or a bad contribution.
#[pyfunction]
#[pyo3(signature = (value, expanded_uncertainty, k, *, u_hom = 0.0, u_stab = 0.0))]
pub(crate) fn assigned_value_certified(
    value: f64,
    expanded_uncertainty: f64,
    k: f64,
    u_hom: f64,
    u_stab: f64,
) -> EqaResult<AssignedValue> {
    let value = eqa::AssignedValue::certified(value, expanded_uncertainty, k)?;
    Ok(AssignedValue(value.with_contributions(u_hom, u_stab)?))
}

/// The value of a reference laboratory (ISO 13528:2022 7.5) with the
/// standard uncertainty it states; u_hom and u_stab as in
/// assigned_value_formulation.
///
/// Raises InvalidParameterError as assigned_value_formulation.
#[pyfunction]
#[pyo3(signature = (x_pt, u, *, u_hom = 0.0, u_stab = 0.0))]
pub(crate) fn assigned_value_reference_laboratory(
    x_pt: f64,
    u: f64,
    u_hom: f64,
    u_stab: f64,
) -> EqaResult<AssignedValue> {
    let value = eqa::AssignedValue::reference_laboratory(x_pt, u)?;
    Ok(AssignedValue(value.with_contributions(u_hom, u_stab)?))
}

/// The value of a reference laboratory that measured the items against a
/// certified reference material (ISO 13528:2022 7.5.2, Formulae (4), (5)):
/// x_pt = x_crm + mean(d), u(x_pt) = sqrt(u_crm^2 + (s_d / sqrt(p))^2), with
/// d the differences item - CRM; u_hom and u_stab as in
/// assigned_value_formulation.
///
/// Raises InvalidInputError for fewer than two differences or a NaN or
/// infinite one, InvalidParameterError for a non-finite x_crm or a negative
/// or non-finite u_crm, NumericalOverflowError for a spread too large.
#[pyfunction]
#[pyo3(signature = (x_crm, u_crm, differences, *, u_hom = 0.0, u_stab = 0.0))]
pub(crate) fn assigned_value_crm_comparison(
    x_crm: f64,
    u_crm: f64,
    differences: Values<'_>,
    u_hom: f64,
    u_stab: f64,
) -> EqaResult<AssignedValue> {
    let value = eqa::AssignedValue::crm_comparison(x_crm, u_crm, &as_slice(&differences))?;
    Ok(AssignedValue(value.with_contributions(u_hom, u_stab)?))
}

fn consensus_options(
    estimator: Named<ConsensusEstimator>,
    constants: Named<Constants>,
    stop: Named<StopRule>,
    tol: f64,
    max_iter: u32,
    zero_scale: Named<ZeroScalePolicy>,
) -> ConsensusOptions {
    ConsensusOptions {
        estimator: estimator.0,
        algorithm_a: AlgorithmAOptions {
            constants: constants.0,
            stop: stop.0,
            tol,
            max_iter,
            zero_scale: zero_scale.0,
        },
    }
}

/// The consensus of the participants' results (ISO 13528:2022 7.7), with
/// u(x_pt) = 1.25 s* / sqrt(p) for a robust estimator (7.7.3) or s / sqrt(p)
/// for the mean; u_hom and u_stab are added in quadrature (7.2.2).
///
/// Options, keyword-only, default first:
///
/// - estimator: "algorithm_a" (x*, s*), "median_niqr" (median with nIQR),
///   "median_made" (median with MADe) or "mean" (mean and standard deviation);
/// - constants, stop, tol, max_iter, zero_scale: as in algorithm_a
///   (constants is also the MADe factor of "median_made");
/// - u_hom, u_stab: contributions of homogeneity and stability (default 0).
///
/// Raises what the estimator raises (see algorithm_a, median, niqr, made,
/// standard_deviation), and InvalidParameterError for an unknown option name
/// or a negative or non-finite contribution.
#[pyfunction]
#[pyo3(signature = (
    x,
    *,
    estimator = Named(ConsensusOptions::default().estimator),
    constants = Named(AlgorithmAOptions::default().constants),
    stop = Named(AlgorithmAOptions::default().stop),
    tol = AlgorithmAOptions::default().tol,
    max_iter = AlgorithmAOptions::default().max_iter,
    zero_scale = Named(AlgorithmAOptions::default().zero_scale),
    u_hom = 0.0,
    u_stab = 0.0,
), text_signature = "(x, *, estimator='algorithm_a', constants='iso', stop='iso2022', \
    tol=DEFAULT_TOLERANCE, max_iter=DEFAULT_MAX_ITER, zero_scale='error', u_hom=0.0, u_stab=0.0)")]
#[expect(
    clippy::too_many_arguments,
    reason = "the keyword options of the Python signature"
)]
pub(crate) fn assigned_value_consensus(
    py: Python<'_>,
    x: Values<'_>,
    estimator: Named<ConsensusEstimator>,
    constants: Named<Constants>,
    stop: Named<StopRule>,
    tol: f64,
    #[pyo3(from_py_with = crate::options::max_iter)] max_iter: u32,
    zero_scale: Named<ZeroScalePolicy>,
    u_hom: f64,
    u_stab: f64,
) -> EqaResult<AssignedValue> {
    let options = consensus_options(estimator, constants, stop, tol, max_iter, zero_scale);
    let values = as_slice(&x);
    let value = py.detach(|| eqa::AssignedValue::participant_consensus(&values, &options))?;
    Ok(AssignedValue(value.with_contributions(u_hom, u_stab)?))
}

/// The consensus of expert laboratories' results (ISO 13528:2022 7.6),
/// computed as assigned_value_consensus, with the same options and errors.
#[pyfunction]
#[pyo3(signature = (
    x,
    *,
    estimator = Named(ConsensusOptions::default().estimator),
    constants = Named(AlgorithmAOptions::default().constants),
    stop = Named(AlgorithmAOptions::default().stop),
    tol = AlgorithmAOptions::default().tol,
    max_iter = AlgorithmAOptions::default().max_iter,
    zero_scale = Named(AlgorithmAOptions::default().zero_scale),
    u_hom = 0.0,
    u_stab = 0.0,
), text_signature = "(x, *, estimator='algorithm_a', constants='iso', stop='iso2022', \
    tol=DEFAULT_TOLERANCE, max_iter=DEFAULT_MAX_ITER, zero_scale='error', u_hom=0.0, u_stab=0.0)")]
#[expect(
    clippy::too_many_arguments,
    reason = "the keyword options of the Python signature"
)]
pub(crate) fn assigned_value_expert_consensus(
    py: Python<'_>,
    x: Values<'_>,
    estimator: Named<ConsensusEstimator>,
    constants: Named<Constants>,
    stop: Named<StopRule>,
    tol: f64,
    #[pyo3(from_py_with = crate::options::max_iter)] max_iter: u32,
    zero_scale: Named<ZeroScalePolicy>,
    u_hom: f64,
    u_stab: f64,
) -> EqaResult<AssignedValue> {
    let options = consensus_options(estimator, constants, stop, tol, max_iter, zero_scale);
    let values = as_slice(&x);
    let value = py.detach(|| eqa::AssignedValue::expert_consensus(&values, &options))?;
    Ok(AssignedValue(value.with_contributions(u_hom, u_stab)?))
}

/// An assigned value x_pt with its standard uncertainty u(x_pt) and its
/// provenance (ISO 13528:2022 clause 7). Immutable; equal when every field
/// is. Fields that do not apply to the provenance are None.
#[pyclass(frozen, module = "eqa", name = "AssignedValue")]
pub(crate) struct AssignedValue(eqa::AssignedValue);

#[pymethods]
impl AssignedValue {
    /// The assigned value x_pt.
    #[getter]
    fn x_pt(&self) -> f64 {
        self.0.x_pt
    }

    /// u(x_pt) = sqrt(u_char^2 + u_hom^2 + u_stab^2).
    #[getter]
    fn u_x_pt(&self) -> f64 {
        self.0.u_x_pt
    }

    /// u_char, the standard uncertainty of the characterisation.
    #[getter]
    fn u_char(&self) -> f64 {
        self.0.u_char
    }

    /// u_hom, from the homogeneity check.
    #[getter]
    fn u_hom(&self) -> f64 {
        self.0.u_hom
    }

    /// u_stab, from the stability checks.
    #[getter]
    fn u_stab(&self) -> f64 {
        self.0.u_stab
    }

    /// Where the value came from: "formulation", "certified_reference_value",
    /// "reference_laboratory", "expert_consensus" or "participant_consensus".
    #[getter]
    fn provenance(&self) -> &'static str {
        self.0.provenance.as_str()
    }

    /// The consensus estimator, or None.
    #[getter]
    fn estimator(&self) -> Option<&'static str> {
        self.0.estimator.map(ConsensusEstimator::as_str)
    }

    /// The scale of a consensus (s*, nIQR, MADe or s) or the standard
    /// deviation of the differences of a CRM comparison, or None.
    #[getter]
    fn scale(&self) -> Option<f64> {
        self.0.scale
    }

    /// The number of results (or differences), or None.
    #[getter]
    fn p(&self) -> Option<usize> {
        self.0.p
    }

    /// The expanded uncertainty U of a certified value, or None.
    #[getter]
    fn expanded_uncertainty(&self) -> Option<f64> {
        self.0.expanded_uncertainty
    }

    /// The coverage factor k of a certified value, or None.
    #[getter]
    fn coverage_factor(&self) -> Option<f64> {
        self.0.coverage_factor
    }

    /// The CRM's value x_CRM of a comparison, or None.
    #[getter]
    fn reference_value(&self) -> Option<f64> {
        self.0.reference_value
    }

    /// The CRM's standard uncertainty of a comparison, or None.
    #[getter]
    fn u_reference(&self) -> Option<f64> {
        self.0.u_reference
    }

    /// The mean difference item - CRM of a comparison, or None.
    #[getter]
    fn mean_difference(&self) -> Option<f64> {
        self.0.mean_difference
    }

    /// u(mean difference) = s_d / sqrt(p) of a comparison, or None.
    #[getter]
    fn u_difference(&self) -> Option<f64> {
        self.0.u_difference
    }

    /// The fields as a dict, in declaration order.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let a = &self.0;
        let dict = PyDict::new(py);
        dict.set_item("x_pt", a.x_pt)?;
        dict.set_item("u_x_pt", a.u_x_pt)?;
        dict.set_item("u_char", a.u_char)?;
        dict.set_item("u_hom", a.u_hom)?;
        dict.set_item("u_stab", a.u_stab)?;
        dict.set_item("provenance", a.provenance.as_str())?;
        dict.set_item("estimator", a.estimator.map(ConsensusEstimator::as_str))?;
        dict.set_item("scale", a.scale)?;
        dict.set_item("p", a.p)?;
        dict.set_item("expanded_uncertainty", a.expanded_uncertainty)?;
        dict.set_item("coverage_factor", a.coverage_factor)?;
        dict.set_item("reference_value", a.reference_value)?;
        dict.set_item("u_reference", a.u_reference)?;
        dict.set_item("mean_difference", a.mean_difference)?;
        dict.set_item("u_difference", a.u_difference)?;
        Ok(dict)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        crate::results::repr("AssignedValue", &self.to_dict(py)?)
    }

    fn __eq__(&self, other: PyRef<'_, Self>) -> bool {
        self.0 == other.0
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        crate::results::hash(&self.to_dict(py)?)
    }
}
