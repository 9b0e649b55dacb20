//! Location: `median` and `mean`.

use pyo3::prelude::*;

use crate::errors::EqaResult;
use crate::sample::{Values, as_slice};

/// The median of the values (ISO 13528:2022 C.2.1): the middle value, or the
/// midpoint of the two middle values when their count is even.
///
/// Raises InvalidInputError for an empty input or a NaN or infinite value.
#[pyfunction]
pub(crate) fn median(py: Python<'_>, x: Values<'_>) -> EqaResult<f64> {
    let values = as_slice(&x);
    Ok(py.detach(|| eqa::median(&values))?)
}

/// The arithmetic mean of the values.
///
/// Raises InvalidInputError for an empty input or a NaN or infinite value,
/// NumericalOverflowError when the sum exceeds the range of a float.
#[pyfunction]
pub(crate) fn mean(py: Python<'_>, x: Values<'_>) -> EqaResult<f64> {
    let values = as_slice(&x);
    Ok(py.detach(|| eqa::mean(&values))?)
}
