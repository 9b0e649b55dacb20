//! `hampel` and `q_hampel`, with their results `HampelEstimate` and `QHampelEstimate`.

use eqa::{HampelMethod, HampelOptions, StopRule};
use pyo3::prelude::*;

use crate::annex_c_common::{Results, Slices, frozen_result};
use crate::errors::EqaResult;
use crate::options::Named;
use crate::sample::{Values, as_slice};

frozen_result! {
    /// Hampel's robust location with the given scale (ISO 13528:2022 C.5.3),
    /// as returned by hampel. Immutable; equal when every field is.
    HampelEstimate(eqa::HampelEstimate) as "HampelEstimate" {
        /// The robust location x*.
        location: f64 = |r| r.location;
        /// The given scale s.
        scale: f64 = |r| r.scale;
        /// The number of values p.
        n: usize = |r| r.n;
        /// Updates of x* made by the iterative method; 0 for the finite-step one.
        iterations: u32 = |r| r.iterations;
        /// Whether the stopping rule was met (always True for the finite-step method).
        converged: bool = |r| r.converged;
        /// u(x_pt) = 1.25 s / sqrt(p).
        uncertainty: f64 = |r| r.uncertainty;
        /// The method used: "finite" or "iterative".
        method: &'static str = |r| r.method.as_str();
        /// The stopping rule of the iterative method: "iso2022" or "converged".
        stop: &'static str = |r| r.stop.as_str();
    }
}

frozen_result! {
    /// A consensus value by Q/Hampel (ISO 13528:2022 C.5.4): Hampel's x* with
    /// the Q method's s*, as returned by q_hampel. Immutable; equal when every
    /// field is.
    QHampelEstimate(eqa::QHampelEstimate) as "QHampelEstimate" {
        /// Hampel's robust location x*, a candidate assigned value x_pt.
        location: f64 = |r| r.location;
        /// The Q method's robust standard deviation s*.
        scale: f64 = |r| r.scale;
        /// The number of participants p.
        n: usize = |r| r.n;
        /// The number of results (the sum of the replicates' counts).
        results: usize = |r| r.results;
        /// H1(0), the weighted share of tied between-participant differences.
        h1_zero: f64 = |r| r.h1_zero;
        /// u(x_pt) = 1.25 s* / sqrt(p).
        uncertainty: f64 = |r| r.uncertainty;
        /// How Hampel's equation was solved: "finite" or "iterative".
        method: &'static str = |r| r.method.as_str();
        /// Updates of x* made by the iterative method; 0 for the finite-step one.
        iterations: u32 = |r| r.iterations;
        /// Whether the stopping rule was met (always True for the finite-step method).
        converged: bool = |r| r.converged;
    }
}

fn options(
    method: Named<HampelMethod>,
    stop: Named<StopRule>,
    tol: f64,
    max_iter: u32,
) -> HampelOptions {
    HampelOptions {
        method: method.0,
        stop: stop.0,
        tol,
        max_iter,
    }
}

/// Hampel's M-estimator of location with the given scale (ISO 13528:2022
/// C.5.3), with u(x_pt) = 1.25 scale / sqrt(n).
///
/// Options, keyword-only, default first:
///
/// - method: "finite" (the finite-step algorithm: the exact root of the
///   equation nearest the median) or "iterative" (reweighting from the median);
/// - stop: the rule of the iterative method, "converged" (|change| <= tol *
///   scale) or "iso2022" (x* keeps its third significant figure);
/// - tol: the relative tolerance of "converged" (default DEFAULT_TOLERANCE);
/// - max_iter: the bound on iterations (default DEFAULT_MAX_ITER).
///
/// Raises InvalidParameterError for a scale that is not positive and finite,
/// an unknown option name, a tolerance that is not positive and finite or
/// max_iter == 0, InvalidInputError for an empty input or a NaN or infinite
/// value, NumericalOverflowError for a spread too large for floats.
#[pyfunction]
#[pyo3(signature = (
    x,
    scale,
    *,
    method = Named(HampelOptions::default().method),
    stop = Named(HampelOptions::default().stop),
    tol = HampelOptions::default().tol,
    max_iter = HampelOptions::default().max_iter,
), text_signature = "(x, scale, *, method='finite', stop='converged', tol=DEFAULT_TOLERANCE, \
    max_iter=DEFAULT_MAX_ITER)")]
pub(crate) fn hampel(
    py: Python<'_>,
    x: Values<'_>,
    scale: f64,
    method: Named<HampelMethod>,
    stop: Named<StopRule>,
    tol: f64,
    #[pyo3(from_py_with = crate::options::max_iter)] max_iter: u32,
) -> EqaResult<HampelEstimate> {
    let options = options(method, stop, tol, max_iter);
    let values = as_slice(&x);
    Ok(py.detach(|| eqa::hampel(&values, scale, &options))?.into())
}

/// Q/Hampel (ISO 13528:2022 C.5.4): the Q method's robust standard deviation
/// s* and Hampel's location x* with that scale, u(x_pt) = 1.25 s* / sqrt(p).
///
/// x is as for q_method: one result per participant, or replicates (then x*
/// is Hampel's location of the participants' means). The options are those
/// of hampel.
///
/// Raises the errors of q_method and the option errors of hampel.
#[pyfunction]
#[pyo3(signature = (
    x,
    *,
    method = Named(HampelOptions::default().method),
    stop = Named(HampelOptions::default().stop),
    tol = HampelOptions::default().tol,
    max_iter = HampelOptions::default().max_iter,
), text_signature = "(x, *, method='finite', stop='converged', tol=DEFAULT_TOLERANCE, \
    max_iter=DEFAULT_MAX_ITER)")]
pub(crate) fn q_hampel(
    py: Python<'_>,
    x: Results<'_>,
    method: Named<HampelMethod>,
    stop: Named<StopRule>,
    tol: f64,
    #[pyo3(from_py_with = crate::options::max_iter)] max_iter: u32,
) -> EqaResult<QHampelEstimate> {
    let options = options(method, stop, tol, max_iter);
    let slices = x.slices();
    Ok(py
        .detach(|| match &slices {
            Slices::One(values) => eqa::q_hampel(values, &options),
            Slices::Replicates(groups) => eqa::q_hampel_replicates(groups, &options),
        })?
        .into())
}
