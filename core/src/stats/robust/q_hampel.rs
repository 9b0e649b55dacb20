//! Q/Hampel (ISO 13528:2022 C.5.4): the Q method's scale with Hampel's location.

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::stats::location::mean_of;
use crate::stats::robust::estimate::consensus_uncertainty;
use crate::stats::robust::hampel::{HampelMethod, HampelOptions, check_options, locate};
use crate::stats::robust::q_method::{QMethodEstimate, q_method, q_method_replicates};

/// A consensus value x* and robust standard deviation s* by Q/Hampel.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct QHampelEstimate {
    /// Hampel's robust location x* (a candidate assigned value x_pt).
    #[doc(alias = "x_star")]
    pub location: f64,
    /// The Q method's robust standard deviation s*.
    #[doc(alias = "s_star")]
    pub scale: f64,
    /// The number of participants p.
    pub n: usize,
    /// The number of results (Σnᵢ with replicates).
    pub results: usize,
    /// H1(0), the share of tied between-participant differences.
    #[doc(alias = "H1(0)")]
    pub h1_zero: f64,
    /// u(x_pt) = 1.25·s*/√p, see [`consensus_uncertainty`].
    #[doc(alias = "u_x_pt")]
    pub uncertainty: f64,
    /// How Hampel's equation was solved.
    pub method: HampelMethod,
    /// Updates of x* ([`HampelMethod::Iterative`]); 0 for the finite-step algorithm.
    pub iterations: u32,
    /// Whether the stopping rule was met (always for the finite-step algorithm).
    pub converged: bool,
}

/// Q/Hampel: the robust standard deviation s* of the Q method and Hampel's
/// location x* with that scale, for one result per participant
/// (ISO 13528:2022 C.5.4).
///
/// # Formula
///
/// s* = [`q_method`](crate::stats::q_method()); x* = [`hampel`](crate::stats::hampel())
/// with scale s* (by default the finite-step algorithm, the root nearest the
/// median); u(x_pt) = 1.25·s*/√p (7.7.3, Formula (6)).
///
/// # Complexity
///
/// O(p log p) with the finite-step algorithm (the Q method and Hampel are
/// each O(p log p)); O(p) more per iteration with the iterative one.
///
/// # Errors
///
/// Those of [`q_method`](crate::stats::q_method()) (too few or non-finite values,
/// all values equal, overflow) and the option errors of
/// [`hampel`](crate::stats::hampel()).
///
/// # Examples
///
/// ISO 13528:2022 E.3, Table E.5: x* = 0.2600, s* = 0.0426, u(x_pt) = 0.0091.
///
/// ```
/// use eqa::{q_hampel, HampelOptions};
/// let x = [0.04, 0.055, 0.178, 0.202, 0.206, 0.227, 0.228, 0.23, 0.23, 0.235,
///          0.236, 0.237, 0.243, 0.244, 0.245, 0.2555, 0.26, 0.264, 0.267, 0.27,
///          0.273, 0.274, 0.274, 0.278, 0.2811, 0.287, 0.287, 0.288, 0.289, 0.295,
///          0.296, 0.311, 0.331, 0.4246];
/// let r = q_hampel(&x, &HampelOptions::default())?;
/// assert_eq!((r.location * 1e4).round(), 2600.0);
/// assert_eq!((r.scale * 1e4).round(), 426.0);
/// assert_eq!((r.uncertainty * 1e4).round(), 91.0);
/// assert_eq!(r.uncertainty, eqa::consensus_uncertainty(r.scale, 34)?);
/// # Ok::<(), eqa::Error>(())
/// ```
#[doc(alias = "QHampel")]
pub fn q_hampel(values: &[f64], options: &HampelOptions) -> Result<QHampelEstimate> {
    check_options(options)?;
    let q = q_method(values)?;
    finish(values, &q, options)
}

/// Q/Hampel with replicates: `groups[i]` holds the results of participant i.
///
/// # Formula
///
/// s* = [`q_method_replicates`](crate::stats::q_method_replicates()) (between-participant
/// differences weighted 1/(nᵢnⱼ)); x* = Hampel's location of the participants'
/// means with scale s*; u(x_pt) = 1.25·s*/√p.
///
/// # Complexity
///
/// That of [`q_method_replicates`](crate::stats::q_method_replicates()), O(M log M)
/// for the M = Σᵢ<ⱼ nᵢnⱼ differences, plus O(p log p) for Hampel.
///
/// # Errors
///
/// Those of [`q_method_replicates`](crate::stats::q_method_replicates()) and the option
/// errors of [`hampel`](crate::stats::hampel()).
///
/// # Examples
///
/// ```
/// use eqa::{q_hampel_replicates, HampelOptions};
/// let labs = [vec![10.1, 10.3], vec![9.8, 9.9], vec![10.6, 10.4], vec![10.0, 10.2]];
/// let r = q_hampel_replicates(&labs, &HampelOptions::default())?;
/// assert_eq!((r.n, r.results), (4, 8));
/// assert!((r.location - 10.1625).abs() < 1e-12);
/// # Ok::<(), eqa::Error>(())
/// ```
pub fn q_hampel_replicates<G: AsRef<[f64]>>(
    groups: &[G],
    options: &HampelOptions,
) -> Result<QHampelEstimate> {
    check_options(options)?;
    let q = q_method_replicates(groups)?;
    let means = groups
        .iter()
        .map(|g| mean_of(g.as_ref()))
        .collect::<Result<Vec<f64>>>()?;
    finish(&means, &q, options)
}

fn finish(values: &[f64], q: &QMethodEstimate, options: &HampelOptions) -> Result<QHampelEstimate> {
    let (location, iterations, converged) = locate(values, q.scale, options)?;
    Ok(QHampelEstimate {
        location,
        scale: q.scale,
        n: q.n,
        results: q.results,
        h1_zero: q.h1_zero,
        uncertainty: consensus_uncertainty(q.scale, q.n)?,
        method: options.method,
        iterations,
        converged,
    })
}
