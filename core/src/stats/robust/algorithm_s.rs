//! Algorithm S (ISO 13528:2022 C.4): a robust pooled standard deviation or range.

use serde::{Deserialize, Serialize};
use statrs::distribution::{ChiSquared, ContinuousCDF};

use crate::error::{Error, Result};
use crate::stats::decimal::nearest_whole;
use crate::stats::order::median_of;
use crate::stats::robust::estimate::ZeroScalePolicy;
use crate::stats::robust::stopping::{
    DEFAULT_MAX_ITER, DEFAULT_TOLERANCE, StopRule, check_iteration,
};
use crate::stats::sample::{check, finite};

/// The largest number of degrees of freedom accepted.
pub const ALGORITHM_S_MAX_NU: u32 = 1_000;

/// The limit factor η and adjustment factor ξ of Algorithm S for ν degrees of freedom.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AlgorithmSFactors {
    /// The degrees of freedom ν of each wᵢ.
    pub nu: u32,
    /// The limit factor η = √(χ²_ν⁻¹(0.9)/ν).
    pub eta: f64,
    /// The adjustment factor ξ = 1/√(F_{χ²,ν+2}(ν·η²) + 0.1·η²).
    pub xi: f64,
}

/// The factors η and ξ of Algorithm S (ISO 13528:2022 C.4, Table C.1),
/// computed for any ν rather than read from the table.
///
/// # Formula
///
/// η = √(χ²_ν⁻¹(0.9)/ν), the square root of the 0.9 quantile of χ²/ν, and
/// ξ = 1/√(F_{χ²,ν+2}(ν·η²) + 0.1·η²), which makes w* consistent for the
/// standard deviation of normal data. Computed with `statrs`, then rounded
/// to 11 significant digits (10 decimals; both lie in [1, 2)): `statrs`' last
/// digits depend on the platform's `exp` and `ln` (they differ between native
/// code and WebAssembly), and the rounding makes η, ξ and every Algorithm S
/// result identical in Rust, Python and JavaScript. `statrs` is accurate to
/// about 1e-14 for ν ≤ 1000, so the rounding costs nothing; the factors round
/// to Table C.1 (ν = 1: 1.645, 1.097; ν = 3: 1.444, 1.039; …) except ξ for
/// ν = 6 and ν = 10, which the table prints one unit higher than its formula
/// gives (1.02342, 1.01637).
///
/// # Complexity
///
/// O(1) in the data: a root-finding of the χ² quantile, independent of p.
///
/// # Errors
///
/// [`Error::InvalidParameter`] unless 1 ≤ ν ≤ [`ALGORITHM_S_MAX_NU`].
///
/// # Examples
///
/// ```
/// let f = eqa::algorithm_s_factors(3)?;
/// assert_eq!(((f.eta * 1e3).round(), (f.xi * 1e3).round()), (1444.0, 1039.0));
/// # Ok::<(), eqa::Error>(())
/// ```
pub fn algorithm_s_factors(nu: u32) -> Result<AlgorithmSFactors> {
    let refused = || Error::InvalidParameter {
        name: "nu",
        value: nu.to_string(),
        expected: "a whole number of degrees of freedom from 1 to 1000",
    };
    if !(1..=ALGORITHM_S_MAX_NU).contains(&nu) {
        return Err(refused());
    }
    let v = f64::from(nu);
    let chi = ChiSquared::new(v).map_err(|_| refused())?;
    let chi2 = ChiSquared::new(v + 2.0).map_err(|_| refused())?;
    let eta2 = chi.inverse_cdf(0.9) / v;
    let xi = 1.0 / (chi2.cdf(v * eta2) + 0.1 * eta2).sqrt();
    let (eta, xi) = (eleven_digits(eta2.sqrt()), eleven_digits(xi));
    if !((1.0..2.0).contains(&eta) && (1.0..2.0).contains(&xi)) {
        return Err(refused());
    }
    Ok(AlgorithmSFactors { nu, eta, xi })
}

/// A value in [1, 2) rounded to 10 decimals (11 significant digits) by exact
/// IEEE operations, the same on every platform. Checked for every ν accepted:
/// at 12 digits, ξ for ν = 394 (1.001827885695…) rounds differently native
/// and in WebAssembly.
fn eleven_digits(v: f64) -> f64 {
    nearest_whole(v * 1e10) / 1e10
}

/// The choices of an Algorithm S run; [`Default`] gives the documented defaults.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AlgorithmSOptions {
    /// Stopping rule (default [`StopRule::Iso2022`]: w* keeps its third
    /// significant figure; [`StopRule::Converged`]: |Δw*| ≤ tol·w*).
    pub stop: StopRule,
    /// Relative tolerance of [`StopRule::Converged`] (default 1e-10); must be
    /// positive and finite whatever the rule.
    pub tol: f64,
    /// Bound on the number of iterations (default 1000); reaching it gives a
    /// result with `converged == false`, never an error.
    pub max_iter: u32,
    /// What to do when the median of the wᵢ is zero (more than half of them
    /// are zero): [`ZeroScalePolicy::Error`] (default) refuses;
    /// [`ZeroScalePolicy::StandardDeviation`] starts from the pooled value
    /// √(Σwᵢ²/p) instead (w* = 0 when every wᵢ is 0);
    /// [`ZeroScalePolicy::Median`] returns w* = 0.
    pub zero_scale: ZeroScalePolicy,
}

impl Default for AlgorithmSOptions {
    fn default() -> Self {
        AlgorithmSOptions {
            stop: StopRule::Iso2022,
            tol: DEFAULT_TOLERANCE,
            max_iter: DEFAULT_MAX_ITER,
            zero_scale: ZeroScalePolicy::Error,
        }
    }
}

/// The robust pooled standard deviation (or range) w* with how it was reached.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AlgorithmSEstimate {
    /// The robust pooled value w*.
    #[doc(alias = "w_star")]
    pub scale: f64,
    /// The number of standard deviations or ranges p.
    pub n: usize,
    /// The degrees of freedom ν of each.
    pub nu: u32,
    /// The limit factor η.
    pub eta: f64,
    /// The adjustment factor ξ.
    pub xi: f64,
    /// The first w*: the median of the wᵢ (or what the zero-scale policy put there).
    pub start: f64,
    /// How many updates of w* were made.
    pub iterations: u32,
    /// Whether the stopping rule was met; `false` when `max_iter` ran out.
    pub converged: bool,
    /// The stopping rule used.
    pub stop: StopRule,
}

/// Algorithm S: the robust pooled standard deviation or range of p
/// standard deviations or ranges wᵢ with ν degrees of freedom each
/// (ISO 13528:2022 C.4).
///
/// # Formula
///
/// Start from w* = med(wᵢ). Repeat, with ψ = η·w*: wᵢ* = min(wᵢ, ψ),
/// w* ← ξ·√(Σwᵢ*²/p), until the stopping rule is met or `max_iter` updates
/// were made; η and ξ from [`algorithm_s_factors`] (ν = 1 for ranges of
/// duplicates, m − 1 for standard deviations of m replicates).
///
/// # Complexity
///
/// O(p) for the start (selection), O(p) per iteration; O(p) memory.
///
/// # Errors
///
/// [`Error::InvalidParameter`] for ν outside 1 ≤ ν ≤ [`ALGORITHM_S_MAX_NU`], a
/// tolerance that is not positive and finite, `max_iter == 0`, or a negative
/// wᵢ (named `w`, with its index); [`Error::TooFewValues`] for an empty slice;
/// [`Error::NonFiniteValue`] for a NaN or infinite value; [`Error::ZeroScale`]
/// when the median is zero under [`ZeroScalePolicy::Error`];
/// [`Error::Overflow`] when the values are too large to square and sum.
///
/// # Examples
///
/// ISO 13528:2022 E.13 (Table E.11: w* = 0.34 for 25 standard deviations of
/// 4 replicates, ν = 3):
///
/// ```
/// use eqa::{algorithm_s, AlgorithmSOptions};
/// let sds = [0.13, 0.21, 0.08, 0.24, 0.36, 0.32, 0.14, 0.26, 0.39, 0.53, 0.25, 0.24, 0.72,
///            0.26, 0.17, 0.32, 0.4, 0.36, 0.33, 0.43, 0.4, 0.55, 0.39, 0.3, 0.22];
/// let r = algorithm_s(&sds, 3, &AlgorithmSOptions::default())?;
/// assert_eq!((r.scale * 100.0).round(), 34.0);
/// assert!(r.converged);
/// # Ok::<(), eqa::Error>(())
/// ```
#[doc(alias = "algS")]
#[doc(alias = "w_star")]
pub fn algorithm_s(w: &[f64], nu: u32, options: &AlgorithmSOptions) -> Result<AlgorithmSEstimate> {
    check_iteration(options.tol, options.max_iter)?;
    let factors = algorithm_s_factors(nu)?;
    check(w, "Algorithm S", 1)?;
    if let Some(index) = w.iter().position(|&v| v < 0.0) {
        return Err(Error::InvalidParameter {
            name: "w",
            value: format!("{} at index {index}", w[index]),
            expected: "standard deviations or ranges, each at least 0",
        });
    }
    let n = w.len();
    let result = |scale: f64, start: f64, iterations: u32, converged: bool| AlgorithmSEstimate {
        scale,
        n,
        nu,
        eta: factors.eta,
        xi: factors.xi,
        start,
        iterations,
        converged,
        stop: options.stop,
    };
    let median = median_of(&mut w.to_vec());
    let start = if median > 0.0 {
        median
    } else {
        match options.zero_scale {
            ZeroScalePolicy::Error => {
                return Err(Error::ZeroScale {
                    estimator: "Algorithm S median",
                    ties: w.iter().filter(|&&v| v == 0.0).count(),
                    n,
                    median,
                });
            }
            ZeroScalePolicy::Median => return Ok(result(0.0, 0.0, 0, true)),
            ZeroScalePolicy::StandardDeviation => pooled(w, f64::INFINITY)?,
        }
    };
    if start == 0.0 {
        return Ok(result(0.0, 0.0, 0, true));
    }
    let mut current = start;
    for iteration in 1..=options.max_iter {
        let next = finite(
            factors.xi * pooled(w, factors.eta * current)?,
            "Algorithm S",
        )?;
        let done = options
            .stop
            .is_met(options.tol, (current, current), (next, next));
        current = next;
        if done {
            return Ok(result(current, start, iteration, true));
        }
    }
    Ok(result(current, start, options.max_iter, false))
}

/// √(Σmin(wᵢ, ψ)²/p), scaled so that squaring cannot overflow before the
/// values themselves are out of range.
fn pooled(w: &[f64], psi: f64) -> Result<f64> {
    let top = w.iter().fold(0.0_f64, |m, &v| m.max(v.min(psi)));
    if top == 0.0 {
        return Ok(0.0);
    }
    let sum = w.iter().fold(0.0, |sum, &v| {
        let r = v.min(psi) / top;
        sum + r * r
    });
    finite(top * (sum / w.len() as f64).sqrt(), "Algorithm S")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_median_policies() {
        let w = [0.0, 0.0, 0.0, 0.2, 0.4];
        let err = algorithm_s(&w, 1, &AlgorithmSOptions::default()).unwrap_err();
        assert_eq!(err.code(), "zero_scale");
        let sd = AlgorithmSOptions {
            zero_scale: ZeroScalePolicy::StandardDeviation,
            ..Default::default()
        };
        let r = algorithm_s(&w, 1, &sd).unwrap();
        assert!(r.scale > 0.0 && r.start > 0.0);
        let zero = algorithm_s(&[0.0; 4], 1, &sd).unwrap();
        assert_eq!((zero.scale, zero.iterations), (0.0, 0));
    }

    #[test]
    fn refusals() {
        let o = AlgorithmSOptions::default();
        assert_eq!(
            algorithm_s(&[0.1], 0, &o).unwrap_err().code(),
            "invalid_parameter"
        );
        assert_eq!(
            algorithm_s(&[0.1, -0.2], 2, &o).unwrap_err().code(),
            "invalid_parameter"
        );
        assert_eq!(
            algorithm_s(&[], 2, &o).unwrap_err().code(),
            "too_few_values"
        );
        assert_eq!(
            algorithm_s(&[f64::MAX, f64::MAX], 2, &o)
                .unwrap_err()
                .code(),
            "overflow"
        );
    }
}
