//! Scale: `made`, `niqr`, `quantile` and `standard_deviation`.

use eqa::Constants;
use pyo3::prelude::*;

use crate::errors::EqaResult;
use crate::options::Named;
use crate::sample::{Values, as_slice};

/// The scaled median absolute deviation (ISO 13528:2022 C.2.2), a robust
/// estimate of the standard deviation.
///
/// `constants` is "iso" for ISO 13528's rounded factor (the default) or
/// "exact" for the factor of R's `mad`. The result is 0.0 when more than half
/// of the values are equal.
///
/// Raises InvalidInputError for an empty input or a NaN or infinite value,
/// InvalidParameterError for an unknown `constants`.
#[pyfunction]
#[pyo3(
    signature = (x, *, constants = Named(Constants::default())),
    text_signature = "(x, *, constants='iso')"
)]
pub(crate) fn made(py: Python<'_>, x: Values<'_>, constants: Named<Constants>) -> EqaResult<f64> {
    let values = as_slice(&x);
    Ok(py.detach(|| eqa::made(&values, constants.0))?)
}

/// The normalised interquartile range (ISO 13528:2022 C.2.3), a robust
/// estimate of the standard deviation, with linear-interpolation quartiles.
///
/// Raises InvalidInputError for an empty input or a NaN or infinite value.
#[pyfunction]
pub(crate) fn niqr(py: Python<'_>, x: Values<'_>) -> EqaResult<f64> {
    let values = as_slice(&x);
    Ok(py.detach(|| eqa::niqr(&values))?)
}

/// The p-quantile by linear interpolation between order statistics
/// (numpy's "linear" method, R's type 7).
///
/// Raises InvalidInputError for an empty input or a NaN or infinite value,
/// InvalidParameterError unless 0 <= p <= 1.
#[pyfunction]
pub(crate) fn quantile(py: Python<'_>, x: Values<'_>, p: f64) -> EqaResult<f64> {
    let values = as_slice(&x);
    Ok(py.detach(|| eqa::quantile(&values, p))?)
}

/// The classical sample standard deviation, with denominator n - 1.
///
/// Raises InvalidInputError for fewer than two values or a NaN or infinite
/// value, NumericalOverflowError when the squared deviations overflow.
#[pyfunction]
pub(crate) fn standard_deviation(py: Python<'_>, x: Values<'_>) -> EqaResult<f64> {
    let values = as_slice(&x);
    Ok(py.detach(|| eqa::standard_deviation(&values))?)
}
