//! `algorithm_a` and `huber_fixed_scale`.

use eqa::{AlgorithmAOptions, Constants, HuberOptions, StopRule, ZeroScalePolicy};
use pyo3::prelude::*;

use crate::errors::EqaResult;
use crate::estimate::RobustEstimate;
use crate::options::Named;
use crate::sample::{Values, as_slice};

/// Algorithm A (ISO 13528:2022 C.3.1): the robust mean x* and standard
/// deviation s* of the values, with u(x_pt) = 1.25 s* / sqrt(n).
///
/// Options, keyword-only, default first:
///
/// - constants: "iso" (ISO's rounded constants) or "exact" (Huber's exact
///   consistency factors, as R's MASS::hubers);
/// - stop: "iso2022" (stop when x* and s* keep their third significant
///   figure) or "converged" (stop when both move by at most tol * s*);
/// - tol: the relative tolerance of "converged" (default DEFAULT_TOLERANCE);
/// - max_iter: the bound on iterations (default DEFAULT_MAX_ITER); reaching
///   it gives a result with converged == False, not an error;
/// - zero_scale: what to do when MADe is zero: "error", "standard_deviation"
///   (start from the standard deviation) or "median" (return the median with
///   scale 0).
///
/// Raises InvalidInputError for fewer than two values or a NaN or infinite
/// value, InvalidParameterError for an unknown option name, a tolerance that
/// is not positive and finite or max_iter == 0, ZeroScaleError when the scale
/// is zero under zero_scale="error", NumericalOverflowError when the values'
/// spread is too large for float arithmetic.
#[pyfunction]
#[pyo3(signature = (
    x,
    *,
    constants = Named(AlgorithmAOptions::default().constants),
    stop = Named(AlgorithmAOptions::default().stop),
    tol = AlgorithmAOptions::default().tol,
    max_iter = AlgorithmAOptions::default().max_iter,
    zero_scale = Named(AlgorithmAOptions::default().zero_scale),
), text_signature = "(x, *, constants='iso', stop='iso2022', tol=DEFAULT_TOLERANCE, \
    max_iter=DEFAULT_MAX_ITER, zero_scale='error')")]
pub(crate) fn algorithm_a(
    py: Python<'_>,
    x: Values<'_>,
    constants: Named<Constants>,
    stop: Named<StopRule>,
    tol: f64,
    #[pyo3(from_py_with = crate::options::max_iter)] max_iter: u32,
    zero_scale: Named<ZeroScalePolicy>,
) -> EqaResult<RobustEstimate> {
    let options = AlgorithmAOptions {
        constants: constants.0,
        stop: stop.0,
        tol,
        max_iter,
        zero_scale: zero_scale.0,
    };
    let values = as_slice(&x);
    Ok(py.detach(|| eqa::algorithm_a(&values, &options))?.into())
}

/// Huber's M-estimator of location with the scale held fixed
/// (ISO 13528:2022 C.3.2): x* iterates as in Algorithm A while the scale
/// stays at `scale`, or at MADe when `scale` is None.
///
/// The options are those of algorithm_a; `constants` chooses the MADe factor
/// and `stop` applies to x* alone. With constants="exact" and
/// stop="converged" this is R's robustbase::huberM and MASS::huber.
///
/// Raises InvalidInputError for an empty input or a NaN or infinite value,
/// InvalidParameterError for a scale that is not positive and finite and for
/// the option errors of algorithm_a, ZeroScaleError when MADe is zero under
/// zero_scale="error", NumericalOverflowError as algorithm_a.
#[pyfunction]
#[pyo3(signature = (
    x,
    *,
    scale = HuberOptions::default().scale,
    constants = Named(HuberOptions::default().constants),
    stop = Named(HuberOptions::default().stop),
    tol = HuberOptions::default().tol,
    max_iter = HuberOptions::default().max_iter,
    zero_scale = Named(HuberOptions::default().zero_scale),
), text_signature = "(x, *, scale=None, constants='iso', stop='iso2022', \
    tol=DEFAULT_TOLERANCE, max_iter=DEFAULT_MAX_ITER, zero_scale='error')")]
#[expect(
    clippy::too_many_arguments,
    reason = "the keyword options of the Python signature"
)]
pub(crate) fn huber_fixed_scale(
    py: Python<'_>,
    x: Values<'_>,
    scale: Option<f64>,
    constants: Named<Constants>,
    stop: Named<StopRule>,
    tol: f64,
    #[pyo3(from_py_with = crate::options::max_iter)] max_iter: u32,
    zero_scale: Named<ZeroScalePolicy>,
) -> EqaResult<RobustEstimate> {
    let options = HuberOptions {
        scale,
        constants: constants.0,
        stop: stop.0,
        tol,
        max_iter,
        zero_scale: zero_scale.0,
    };
    let values = as_slice(&x);
    Ok(py
        .detach(|| eqa::huber_fixed_scale(&values, &options))?
        .into())
}
