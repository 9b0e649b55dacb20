//! The performance statistics `deviation`, `percent_deviation`, `pa_score`,
//! `z_score`, `z_prime_score`, `zeta_score` and `en_number`: one result as a
//! float in and out, or a round as an array in and a numpy array out.

use numpy::PyArray1;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyFloat, PyInt};

use crate::errors::CoreError;
use crate::sample::{Values, as_slice};

/// A result or its uncertainty: a number, or a 1-D array-like of them.
pub(crate) enum Numbers<'py> {
    /// A Python or numpy number.
    One(f64),
    /// A 1-D array or array-like.
    Many(Values<'py>),
}

impl<'a, 'py> FromPyObject<'a, 'py> for Numbers<'py> {
    type Error = PyErr;

    fn extract(ob: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if ob.is_instance_of::<PyFloat>()
            || ob.is_instance_of::<PyInt>()
            || ob.is_instance_of::<PyBool>()
        {
            return Ok(Numbers::One(ob.extract()?));
        }
        match ob.extract::<Values<'py>>() {
            Ok(values) => Ok(Numbers::Many(values)),
            // A numpy scalar or a 0-d array is a number; anything else keeps
            // the array conversion's error.
            Err(not_values) => ob
                .extract::<f64>()
                .map(Numbers::One)
                .map_err(|_| not_values),
        }
    }
}

/// The result: a float for one value, a numpy array for an array.
fn shaped<'py>(py: Python<'py>, one: bool, scores: Vec<f64>) -> PyResult<Bound<'py, PyAny>> {
    match (one, scores.as_slice()) {
        (true, [score]) => Ok(PyFloat::new(py, *score).into_any()),
        _ => Ok(PyArray1::from_vec(py, scores).into_any()),
    }
}

/// Applies the core's plural function to the results, with the GIL released.
fn each<'py>(
    py: Python<'py>,
    x: &Numbers<'py>,
    score: impl Fn(&[f64]) -> eqa::Result<Vec<f64>> + Send + Sync,
) -> PyResult<Bound<'py, PyAny>> {
    let scores = match x {
        Numbers::One(v) => score(&[*v]),
        Numbers::Many(values) => {
            let values = as_slice(values);
            py.detach(|| score(&values))
        }
    }
    .map_err(CoreError)?;
    shaped(py, matches!(x, Numbers::One(_)), scores)
}

/// Applies a score that pairs each result with its own uncertainty; a single
/// uncertainty applies to every result.
fn paired<'py>(
    py: Python<'py>,
    x: &Numbers<'py>,
    u: &Numbers<'py>,
    score: impl Fn(&[f64], &[f64]) -> eqa::Result<Vec<f64>> + Send + Sync,
) -> PyResult<Bound<'py, PyAny>> {
    let scores = match (x, u) {
        (Numbers::One(x), Numbers::One(u)) => score(&[*x], &[*u]),
        (Numbers::One(x), Numbers::Many(u)) => score(&[*x], &as_slice(u)),
        (Numbers::Many(x), Numbers::One(u)) => {
            let x = as_slice(x);
            let u = vec![*u; x.len()];
            py.detach(|| score(&x, &u))
        }
        (Numbers::Many(x), Numbers::Many(u)) => {
            let (x, u) = (as_slice(x), as_slice(u));
            py.detach(|| score(&x, &u))
        }
    }
    .map_err(CoreError)?;
    shaped(py, matches!(x, Numbers::One(_)), scores)
}

/// The difference D = x - x_pt (ISO 13528:2022 9.3.1, Formula (11)).
///
/// x is a number (a float is returned) or a 1-D array-like of results (a
/// numpy array is returned).
///
/// Raises InvalidInputError for a NaN or infinite result (with its index),
/// InvalidParameterError for a non-finite x_pt, NumericalOverflowError when
/// D exceeds the range of a float.
#[pyfunction]
pub(crate) fn deviation<'py>(
    py: Python<'py>,
    x: Numbers<'py>,
    x_pt: f64,
) -> PyResult<Bound<'py, PyAny>> {
    each(py, &x, |x| eqa::deviations(x, x_pt))
}

/// The percent difference D% = 100 (x - x_pt) / x_pt (ISO 13528:2022 9.3.1,
/// Formula (12)); x a number or an array-like, as deviation.
///
/// Raises InvalidParameterError for x_pt == 0 (D% is undefined there), and
/// the errors of deviation.
#[pyfunction]
pub(crate) fn percent_deviation<'py>(
    py: Python<'py>,
    x: Numbers<'py>,
    x_pt: f64,
) -> PyResult<Bound<'py, PyAny>> {
    each(py, &x, |x| eqa::percent_deviations(x, x_pt))
}

/// P_A = 100 (x - x_pt) / delta_e, the difference as a percentage of the
/// maximum permissible error (ISO 13528:2022 9.3.6, Formula (13)); |P_A| <= 100
/// is acceptable (classify_pa).
///
/// Raises InvalidParameterError for a delta_e that is not positive and
/// finite, and the errors of deviation.
#[pyfunction]
pub(crate) fn pa_score<'py>(
    py: Python<'py>,
    x: Numbers<'py>,
    x_pt: f64,
    delta_e: f64,
) -> PyResult<Bound<'py, PyAny>> {
    each(py, &x, |x| eqa::pa_scores(x, x_pt, delta_e))
}

/// The z score (x - x_pt) / sigma_pt (ISO 13528:2022 9.4.1, Formula (14)).
///
/// x is a number or a 1-D array-like; sigma_pt may be a SigmaPt.
/// Raises InvalidParameterError for a sigma_pt that is not positive and
/// finite, and the errors of deviation.
#[pyfunction]
pub(crate) fn z_score<'py>(
    py: Python<'py>,
    x: Numbers<'py>,
    x_pt: f64,
    sigma_pt: f64,
) -> PyResult<Bound<'py, PyAny>> {
    each(py, &x, |x| eqa::z_scores(x, x_pt, sigma_pt))
}

/// The z' score (x - x_pt) / sqrt(sigma_pt**2 + u_x_pt**2)
/// (ISO 13528:2022 9.5.1, Formula (15)).
///
/// Raises InvalidParameterError for a sigma_pt that is not positive and
/// finite or a u_x_pt that is negative or not finite, and the errors of
/// deviation.
#[pyfunction]
pub(crate) fn z_prime_score<'py>(
    py: Python<'py>,
    x: Numbers<'py>,
    x_pt: f64,
    sigma_pt: f64,
    u_x_pt: f64,
) -> PyResult<Bound<'py, PyAny>> {
    each(py, &x, |x| eqa::z_prime_scores(x, x_pt, sigma_pt, u_x_pt))
}

/// The zeta score (x - x_pt) / sqrt(u_x**2 + u_x_pt**2) with the standard
/// uncertainties u_x of the results (ISO 13528:2022 9.6.1, Formula (19)).
///
/// u_x is one number for every result, or an array as long as x.
/// Raises InvalidInputError when the lengths differ, InvalidParameterError
/// for an uncertainty that is negative or not finite or both zero, and the
/// errors of deviation.
#[pyfunction]
pub(crate) fn zeta_score<'py>(
    py: Python<'py>,
    x: Numbers<'py>,
    u_x: Numbers<'py>,
    x_pt: f64,
    u_x_pt: f64,
) -> PyResult<Bound<'py, PyAny>> {
    paired(py, &x, &u_x, |x, u| eqa::zeta_scores(x, u, x_pt, u_x_pt))
}

/// The E_n number (x - x_pt) / sqrt(U_x**2 + U_x_pt**2) with expanded
/// uncertainties (ISO 13528:2022 9.7.1, Formula (20)); |E_n| <= 1 is
/// satisfactory (classify_en).
///
/// U_x is one number for every result, or an array as long as x.
/// Raises as zeta_score.
#[pyfunction]
#[allow(non_snake_case)]
pub(crate) fn en_number<'py>(
    py: Python<'py>,
    x: Numbers<'py>,
    U_x: Numbers<'py>,
    x_pt: f64,
    U_x_pt: f64,
) -> PyResult<Bound<'py, PyAny>> {
    paired(py, &x, &U_x, |x, u| eqa::en_numbers(x, u, x_pt, U_x_pt))
}
