//! `stability` and the `Stability` result (ISO 13528:2022 Annex B, B.5).

use eqa::{CheckCriterion, StabilityOptions, StabilityUncertainty};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::errors::EqaResult;
use crate::options::Named;
use crate::sample::{Values, as_slice};

/// The stability check by the difference of the means of two sets of
/// measurements, before and after a time or a transport (ISO 13528:2022
/// B.5.1, B.5.2, B.6.3).
///
/// Stable when |mean(first) - mean(second)| <= 0.3 sigma_pt; the expanded
/// criterion adds 2 sqrt(u^2(first) + u^2(second)).
///
/// Options, keyword-only, default first:
///
/// - u_first, u_second: the standard uncertainties of the two means; None
///   takes s / sqrt(n) of the set, which then needs two values;
/// - criterion: "basic" (B.5.1) or "expanded" (B.5.2), the one that decides
///   whether u_stab is carried;
/// - u_stab_rule: "rectangular" (u_stab = |difference| / sqrt(3)) or
///   "difference" (u_stab = |difference|).
///
/// Raises InvalidInputError for an empty set, a set of one value without its
/// uncertainty, or a NaN or infinite value (indexed within its set),
/// InvalidParameterError for a sigma_pt that is not positive and finite, a
/// negative or non-finite uncertainty or an unknown option name,
/// NumericalOverflowError when the spread is too large for float arithmetic.
#[pyfunction]
#[pyo3(signature = (
    first,
    second,
    sigma_pt,
    *,
    u_first = StabilityOptions::default().u_first,
    u_second = StabilityOptions::default().u_second,
    criterion = Named(StabilityOptions::default().criterion),
    u_stab_rule = Named(StabilityOptions::default().u_stab_rule),
), text_signature = "(first, second, sigma_pt, *, u_first=None, u_second=None, \
    criterion='basic', u_stab_rule='rectangular')")]
#[expect(
    clippy::too_many_arguments,
    reason = "the keyword options of the Python signature"
)]
pub(crate) fn stability(
    py: Python<'_>,
    first: Values<'_>,
    second: Values<'_>,
    sigma_pt: f64,
    u_first: Option<f64>,
    u_second: Option<f64>,
    criterion: Named<CheckCriterion>,
    u_stab_rule: Named<StabilityUncertainty>,
) -> EqaResult<Stability> {
    let options = StabilityOptions {
        u_first,
        u_second,
        criterion: criterion.0,
        u_stab_rule: u_stab_rule.0,
    };
    let (first, second) = (as_slice(&first), as_slice(&second));
    Ok(Stability(py.detach(|| {
        eqa::stability(&first, &second, sigma_pt, &options)
    })?))
}

/// A stability check by the difference of two means (ISO 13528:2022 B.5),
/// as returned by stability. Immutable; equal when every field is.
#[pyclass(frozen, module = "eqa", name = "Stability")]
pub(crate) struct Stability(eqa::Stability);

#[pymethods]
impl Stability {
    /// The number of results in the first set.
    #[getter]
    fn n_first(&self) -> usize {
        self.0.n_first
    }

    /// The number of results in the second set.
    #[getter]
    fn n_second(&self) -> usize {
        self.0.n_second
    }

    /// The mean of the first set.
    #[getter]
    fn mean_first(&self) -> f64 {
        self.0.mean_first
    }

    /// The mean of the second set.
    #[getter]
    fn mean_second(&self) -> f64 {
        self.0.mean_second
    }

    /// mean_first - mean_second, with its sign.
    #[getter]
    fn difference(&self) -> f64 {
        self.0.difference
    }

    /// u(mean_first), given or s / sqrt(n).
    #[getter]
    fn u_first(&self) -> f64 {
        self.0.u_first
    }

    /// u(mean_second), given or s / sqrt(n).
    #[getter]
    fn u_second(&self) -> f64 {
        self.0.u_second
    }

    /// sqrt(u_first^2 + u_second^2).
    #[getter]
    fn u_difference(&self) -> f64 {
        self.0.u_difference
    }

    /// The sigma_pt given.
    #[getter]
    fn sigma_pt(&self) -> f64 {
        self.0.sigma_pt
    }

    /// 0.3 sigma_pt, the limit of the basic criterion (B.5.1).
    #[getter]
    fn criterion(&self) -> f64 {
        self.0.criterion
    }

    /// Whether |difference| <= 0.3 sigma_pt.
    #[getter]
    fn stable(&self) -> bool {
        self.0.stable
    }

    /// 0.3 sigma_pt + 2 u_difference, the limit of the expanded criterion (B.5.2).
    #[getter]
    fn expanded_criterion(&self) -> f64 {
        self.0.expanded_criterion
    }

    /// Whether |difference| <= expanded_criterion.
    #[getter]
    fn stable_expanded(&self) -> bool {
        self.0.stable_expanded
    }

    /// The criterion that decided: "basic" or "expanded".
    #[getter]
    fn decided_by(&self) -> &'static str {
        self.0.decided_by.as_str()
    }

    /// Whether that criterion failed, so that u_stab is carried.
    #[getter]
    fn failed(&self) -> bool {
        self.0.failed
    }

    /// The rule that turned the drift into u_stab: "rectangular" or "difference".
    #[getter]
    fn u_stab_rule(&self) -> &'static str {
        self.0.u_stab_rule.as_str()
    }

    /// u_stab for u(x_pt): the drift by u_stab_rule when the deciding
    /// criterion failed, 0 otherwise.
    #[getter]
    fn u_stab(&self) -> f64 {
        self.0.u_stab
    }

    /// The fields as a dict, in declaration order.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let s = &self.0;
        let dict = PyDict::new(py);
        dict.set_item("n_first", s.n_first)?;
        dict.set_item("n_second", s.n_second)?;
        dict.set_item("mean_first", s.mean_first)?;
        dict.set_item("mean_second", s.mean_second)?;
        dict.set_item("difference", s.difference)?;
        dict.set_item("u_first", s.u_first)?;
        dict.set_item("u_second", s.u_second)?;
        dict.set_item("u_difference", s.u_difference)?;
        dict.set_item("sigma_pt", s.sigma_pt)?;
        dict.set_item("criterion", s.criterion)?;
        dict.set_item("stable", s.stable)?;
        dict.set_item("expanded_criterion", s.expanded_criterion)?;
        dict.set_item("stable_expanded", s.stable_expanded)?;
        dict.set_item("decided_by", s.decided_by.as_str())?;
        dict.set_item("failed", s.failed)?;
        dict.set_item("u_stab_rule", s.u_stab_rule.as_str())?;
        dict.set_item("u_stab", s.u_stab)?;
        Ok(dict)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        crate::results::repr("Stability", &self.to_dict(py)?)
    }

    fn __eq__(&self, other: PyRef<'_, Self>) -> bool {
        self.0 == other.0
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        crate::results::hash(&self.to_dict(py)?)
    }
}
