//! `RobustEstimate`, the result of the iterative estimators, and
//! `consensus_uncertainty`.

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::errors::EqaResult;

/// A robust location and scale with how they were reached, as returned by
/// algorithm_a and huber_fixed_scale. Immutable; equal when every field is.
#[pyclass(frozen, module = "eqa", name = "RobustEstimate")]
pub(crate) struct RobustEstimate(eqa::RobustEstimate);

impl From<eqa::RobustEstimate> for RobustEstimate {
    fn from(estimate: eqa::RobustEstimate) -> Self {
        RobustEstimate(estimate)
    }
}

#[pymethods]
impl RobustEstimate {
    /// The robust location x*, a candidate assigned value x_pt.
    #[getter]
    fn location(&self) -> f64 {
        self.0.location
    }

    /// The robust standard deviation s* (the fixed scale of huber_fixed_scale).
    #[getter]
    fn scale(&self) -> f64 {
        self.0.scale
    }

    /// The number of values p.
    #[getter]
    fn n(&self) -> usize {
        self.0.n
    }

    /// How many updates of (x*, s*) were made.
    #[getter]
    fn iterations(&self) -> u32 {
        self.0.iterations
    }

    /// Whether the stopping rule was met; False when max_iter ran out.
    #[getter]
    fn converged(&self) -> bool {
        self.0.converged
    }

    /// u(x_pt) = 1.25 s* / sqrt(p), the standard uncertainty of x* as an assigned value.
    #[getter]
    fn uncertainty(&self) -> f64 {
        self.0.uncertainty
    }

    /// The constants used: "iso" or "exact".
    #[getter]
    fn constants(&self) -> &'static str {
        self.0.constants.as_str()
    }

    /// The stopping rule used: "iso2022" or "converged".
    #[getter]
    fn stop(&self) -> &'static str {
        self.0.stop.as_str()
    }

    /// Where the first scale came from: "made", "standard_deviation", "given" or "zero".
    #[getter]
    fn start_scale(&self) -> &'static str {
        self.0.start_scale.as_str()
    }

    /// The fields as a dict, in declaration order.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let r = &self.0;
        let dict = PyDict::new(py);
        dict.set_item("location", r.location)?;
        dict.set_item("scale", r.scale)?;
        dict.set_item("n", r.n)?;
        dict.set_item("iterations", r.iterations)?;
        dict.set_item("converged", r.converged)?;
        dict.set_item("uncertainty", r.uncertainty)?;
        dict.set_item("constants", r.constants.as_str())?;
        dict.set_item("stop", r.stop.as_str())?;
        dict.set_item("start_scale", r.start_scale.as_str())?;
        Ok(dict)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let fields = self
            .to_dict(py)?
            .iter()
            .map(|(name, value)| Ok(format!("{name}={}", value.repr()?)))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(format!("RobustEstimate({})", fields.join(", ")))
    }

    fn __eq__(&self, other: PyRef<'_, Self>) -> bool {
        self.0 == other.0
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        self.to_dict(py)?.values().to_tuple().hash()
    }
}

/// The standard uncertainty u(x_pt) = 1.25 scale / sqrt(p) of an assigned
/// value taken as the robust consensus of p participants
/// (ISO 13528:2022 7.7.3).
///
/// Raises InvalidParameterError for a negative or non-finite scale or p == 0,
/// NumericalOverflowError when the result exceeds the range of a float.
#[pyfunction]
pub(crate) fn consensus_uncertainty(
    scale: f64,
    #[pyo3(from_py_with = crate::options::participants)] p: usize,
) -> EqaResult<f64> {
    Ok(eqa::consensus_uncertainty(scale, p)?)
}
