//! `algorithm_s`, `algorithm_s_factors` and their results.

use eqa::{AlgorithmSOptions, StopRule, ZeroScalePolicy};
use pyo3::prelude::*;

use crate::annex_c_common::frozen_result;
use crate::errors::EqaResult;
use crate::options::Named;
use crate::sample::{Values, as_slice};

frozen_result! {
    /// The robust pooled standard deviation or range w* of Algorithm S
    /// (ISO 13528:2022 C.4), as returned by algorithm_s. Immutable; equal when
    /// every field is.
    AlgorithmSEstimate(eqa::AlgorithmSEstimate) as "AlgorithmSEstimate" {
        /// The robust pooled value w*.
        scale: f64 = |r| r.scale;
        /// The number of standard deviations or ranges p.
        n: usize = |r| r.n;
        /// The degrees of freedom of each.
        nu: u32 = |r| r.nu;
        /// The limit factor eta.
        eta: f64 = |r| r.eta;
        /// The adjustment factor xi.
        xi: f64 = |r| r.xi;
        /// The first w*: the median (or what zero_scale put there).
        start: f64 = |r| r.start;
        /// How many updates of w* were made.
        iterations: u32 = |r| r.iterations;
        /// Whether the stopping rule was met; False when max_iter ran out.
        converged: bool = |r| r.converged;
        /// The stopping rule used: "iso2022" or "converged".
        stop: &'static str = |r| r.stop.as_str();
    }
}

frozen_result! {
    /// The factors eta and xi of Algorithm S for nu degrees of freedom
    /// (Table C.1), as returned by algorithm_s_factors.
    AlgorithmSFactors(eqa::AlgorithmSFactors) as "AlgorithmSFactors" {
        /// The degrees of freedom.
        nu: u32 = |r| r.nu;
        /// The limit factor eta = sqrt(chi2_nu^-1(0.9) / nu).
        eta: f64 = |r| r.eta;
        /// The adjustment factor xi = 1 / sqrt(F_chi2,nu+2(nu eta^2) + 0.1 eta^2).
        xi: f64 = |r| r.xi;
    }
}

/// Algorithm S (ISO 13528:2022 C.4): the robust pooled standard deviation or
/// range w* of p standard deviations or ranges w, each with nu degrees of
/// freedom (1 for ranges of duplicates, m - 1 for standard deviations of m
/// replicates).
///
/// Options, keyword-only, default first:
///
/// - stop: "iso2022" (stop when w* keeps its third significant figure) or
///   "converged" (stop when w* moves by at most tol * w*);
/// - tol: the relative tolerance of "converged" (default DEFAULT_TOLERANCE);
/// - max_iter: the bound on iterations (default DEFAULT_MAX_ITER); reaching
///   it gives a result with converged == False, not an error;
/// - zero_scale: when the median of w is zero, "error", "standard_deviation"
///   (start from the pooled sqrt(mean(w**2))) or "median" (return 0).
///
/// Raises InvalidParameterError for nu outside 1 to 1000, a negative w, an
/// unknown option name, a tolerance that is not positive and finite or
/// max_iter == 0, InvalidInputError for no values or a NaN or infinite value,
/// ZeroScaleError for a zero median under zero_scale="error",
/// NumericalOverflowError for values too large for floats.
#[pyfunction]
#[pyo3(signature = (
    w,
    nu,
    *,
    stop = Named(AlgorithmSOptions::default().stop),
    tol = AlgorithmSOptions::default().tol,
    max_iter = AlgorithmSOptions::default().max_iter,
    zero_scale = Named(AlgorithmSOptions::default().zero_scale),
), text_signature = "(w, nu, *, stop='iso2022', tol=DEFAULT_TOLERANCE, \
    max_iter=DEFAULT_MAX_ITER, zero_scale='error')")]
pub(crate) fn algorithm_s(
    py: Python<'_>,
    w: Values<'_>,
    #[pyo3(from_py_with = crate::annex_c_common::nu)] nu: u32,
    stop: Named<StopRule>,
    tol: f64,
    #[pyo3(from_py_with = crate::options::max_iter)] max_iter: u32,
    zero_scale: Named<ZeroScalePolicy>,
) -> EqaResult<AlgorithmSEstimate> {
    let options = AlgorithmSOptions {
        stop: stop.0,
        tol,
        max_iter,
        zero_scale: zero_scale.0,
    };
    let values = as_slice(&w);
    Ok(py
        .detach(|| eqa::algorithm_s(&values, nu, &options))?
        .into())
}

/// The factors eta and xi of Algorithm S for nu degrees of freedom,
/// computed from their formulae (they round to Table C.1).
///
/// Raises InvalidParameterError for nu outside 1 to 1000.
#[pyfunction]
pub(crate) fn algorithm_s_factors(
    #[pyo3(from_py_with = crate::annex_c_common::nu)] nu: u32,
) -> EqaResult<AlgorithmSFactors> {
    Ok(eqa::algorithm_s_factors(nu)?.into())
}
