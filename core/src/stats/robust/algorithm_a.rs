//! Algorithm A (ISO 13528:2022 C.3.1) and its fixed-scale Huber variant (C.3.2).

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::stats::robust::constants::{Constants, HUBER_K};
use crate::stats::robust::estimate::{
    RobustEstimate, StartScale, ZeroScalePolicy, consensus_uncertainty,
};
use crate::stats::robust::stopping::{
    DEFAULT_MAX_ITER, DEFAULT_TOLERANCE, StopRule, check_iteration,
};
use crate::stats::robust::winsor::Winsorizer;
use crate::stats::sample::check;
use crate::stats::scale::{median_and_mad, standard_deviation_of};

/// The choices of an Algorithm A run; [`Default`] gives the documented defaults.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AlgorithmAOptions {
    /// Consistency constants (default [`Constants::Iso`]).
    pub constants: Constants,
    /// Stopping rule (default [`StopRule::Iso2022`]).
    pub stop: StopRule,
    /// Relative tolerance of [`StopRule::Converged`] (default 1e-10); must be
    /// positive and finite whatever the rule.
    pub tol: f64,
    /// Bound on the number of iterations (default 1000); reaching it gives a
    /// result with `converged == false`, never an error.
    pub max_iter: u32,
    /// What to do when MADe is zero (default [`ZeroScalePolicy::Error`]).
    pub zero_scale: ZeroScalePolicy,
}

impl Default for AlgorithmAOptions {
    fn default() -> Self {
        AlgorithmAOptions {
            constants: Constants::Iso,
            stop: StopRule::Iso2022,
            tol: DEFAULT_TOLERANCE,
            max_iter: DEFAULT_MAX_ITER,
            zero_scale: ZeroScalePolicy::Error,
        }
    }
}

/// The choices of a fixed-scale Huber run; [`Default`] gives the documented defaults.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HuberOptions {
    /// The fixed scale s; `None` (default) uses MADe with [`HuberOptions::constants`].
    pub scale: Option<f64>,
    /// Consistency constant of MADe (default [`Constants::Iso`]).
    pub constants: Constants,
    /// Stopping rule, applied to x* alone (default [`StopRule::Iso2022`]).
    pub stop: StopRule,
    /// Relative tolerance of [`StopRule::Converged`] (default 1e-10).
    pub tol: f64,
    /// Bound on the number of iterations (default 1000).
    pub max_iter: u32,
    /// What to do when MADe is zero (default [`ZeroScalePolicy::Error`]).
    pub zero_scale: ZeroScalePolicy,
}

impl Default for HuberOptions {
    fn default() -> Self {
        let a = AlgorithmAOptions::default();
        HuberOptions {
            scale: None,
            constants: a.constants,
            stop: a.stop,
            tol: a.tol,
            max_iter: a.max_iter,
            zero_scale: a.zero_scale,
        }
    }
}

/// Algorithm A: the robust mean and standard deviation of ISO 13528:2022 C.3.1.
///
/// # Formula
///
/// Start from x* = med(x) and s* = MADe. Repeat, with δ = 1.5·s*:
/// winsorise xᵢ* = min(max(xᵢ, x* − δ), x* + δ), then
/// x* ← Σxᵢ*/p and s* ← c·√(Σ(xᵢ* − x*)²/(p − 1)),
/// with c = 1.134 ([`Constants::Iso`]) or 1.1333927 ([`Constants::Exact`],
/// Huber's "proposal 2", R's `MASS::hubers`), until the stopping rule is met
/// or `max_iter` updates were made. u(x_pt) = 1.25·s*/√p.
///
/// # Complexity
///
/// Two selections for the start, O(n). Each iteration is O(1) while the
/// window's edges do not cross a value and one fused, allocation-free pass
/// over the data when they do (see the `winsor` module), so a run costs a
/// few passes however many iterations it takes. One O(n) copy in all.
///
/// # Errors
///
/// [`Error::TooFewValues`] for fewer than two values;
/// [`Error::NonFiniteValue`] for a NaN or infinite value;
/// [`Error::InvalidParameter`] for a tolerance that is not positive and finite,
/// or `max_iter == 0`; [`Error::ZeroScale`] when MADe is zero under
/// [`ZeroScalePolicy::Error`] (more than half the values tie), or s* collapses
/// to zero during iteration; [`Error::Overflow`] when the spread of the values
/// is too large for `f64`.
///
/// # Examples
///
/// ISO 13528:2022 E.3, atrazine in drinking water (Table E.5: x* = 0.2570,
/// s* = 0.0395):
///
/// ```
/// use eqa::{algorithm_a, AlgorithmAOptions};
/// let x = [0.04, 0.055, 0.178, 0.202, 0.206, 0.227, 0.228, 0.23, 0.23, 0.235,
///          0.236, 0.237, 0.243, 0.244, 0.245, 0.2555, 0.26, 0.264, 0.267, 0.27,
///          0.273, 0.274, 0.274, 0.278, 0.2811, 0.287, 0.287, 0.288, 0.289, 0.295,
///          0.296, 0.311, 0.331, 0.4246];
/// let r = algorithm_a(&x, &AlgorithmAOptions::default())?;
/// assert_eq!((r.location * 1e4).round(), 2570.0);
/// assert_eq!((r.scale * 1e4).round(), 395.0);
/// assert!(r.converged);
/// # Ok::<(), eqa::Error>(())
/// ```
#[doc(alias = "algA")]
#[doc(alias = "hubers")]
pub fn algorithm_a(values: &[f64], options: &AlgorithmAOptions) -> Result<RobustEstimate> {
    check_iteration(options.tol, options.max_iter)?;
    check(values, "Algorithm A", 2)?;
    let settings = Settings {
        constants: options.constants,
        stop: options.stop,
        tol: options.tol,
        max_iter: options.max_iter,
        update_scale: true,
    };
    let (start, buf) = robust_start(values, options.constants, options.zero_scale)?;
    iterate(values, start, buf, &settings)
}

/// Huber's M-estimator of location with the scale held fixed: the variant of
/// Algorithm A in ISO 13528:2022 C.3.2.
///
/// # Formula
///
/// Start from x* = med(x); s = MADe, or the given scale. Repeat, with
/// δ = 1.5·s: x* ← mean of min(max(xᵢ, x* − δ), x* + δ), until the stopping
/// rule (on x* alone) is met. With [`Constants::Exact`] this is R's
/// `robustbase::huberM` and `MASS::huber`. u(x_pt) = 1.25·s/√p.
///
/// # Complexity
///
/// As [`algorithm_a`]: O(n) start, O(1) per iteration between passes.
///
/// # Errors
///
/// [`Error::TooFewValues`] for an empty slice; [`Error::NonFiniteValue`] for a
/// NaN or infinite value; [`Error::InvalidParameter`] for a given scale that is
/// not positive and finite, a tolerance that is not positive and finite, or
/// `max_iter == 0`; [`Error::ZeroScale`] when MADe is zero under
/// [`ZeroScalePolicy::Error`]; [`Error::Overflow`] as for [`algorithm_a`].
///
/// # Examples
///
/// robustbase's saved test output: `huberM(c(1, 2, 10))` gives 2.611949.
///
/// ```
/// use eqa::{huber_fixed_scale, Constants, HuberOptions, StopRule};
/// let options = HuberOptions { constants: Constants::Exact, stop: StopRule::Converged, ..Default::default() };
/// let r = huber_fixed_scale(&[1.0, 2.0, 10.0], &options)?;
/// assert!((r.location - 2.61195).abs() < 1e-9);
/// assert_eq!(r.scale, 1.4826);
/// # Ok::<(), eqa::Error>(())
/// ```
#[doc(alias = "huberM")]
pub fn huber_fixed_scale(values: &[f64], options: &HuberOptions) -> Result<RobustEstimate> {
    check_iteration(options.tol, options.max_iter)?;
    check(values, "Huber location", 1)?;
    let settings = Settings {
        constants: options.constants,
        stop: options.stop,
        tol: options.tol,
        max_iter: options.max_iter,
        update_scale: false,
    };
    let start = match options.scale {
        Some(scale) if scale.is_finite() && scale > 0.0 => {
            let mut buf = values.to_vec();
            let start = Start {
                location: crate::stats::order::median_of(&mut buf),
                scale,
                source: StartScale::Given,
            };
            (start, buf)
        }
        Some(scale) => {
            return Err(Error::InvalidParameter {
                name: "scale",
                value: scale.to_string(),
                expected: "a positive finite number",
            });
        }
        None => robust_start(values, options.constants, options.zero_scale)?,
    };
    iterate(values, start.0, start.1, &settings)
}

struct Settings {
    constants: Constants,
    stop: StopRule,
    tol: f64,
    max_iter: u32,
    update_scale: bool,
}

struct Start {
    location: f64,
    scale: f64,
    source: StartScale,
}

/// Median and MADe, or what the zero-scale policy puts in MADe's place,
/// with the scratch buffer used to find them.
fn robust_start(
    values: &[f64],
    constants: Constants,
    policy: ZeroScalePolicy,
) -> Result<(Start, Vec<f64>)> {
    let mut buf = values.to_vec();
    let (median, mad) = median_and_mad(&mut buf);
    let made = constants.made_factor() * mad;
    if !made.is_finite() {
        return Err(Error::Overflow { estimator: "MADe" });
    }
    if made > 0.0 {
        let start = Start {
            location: median,
            scale: made,
            source: StartScale::Made,
        };
        return Ok((start, buf));
    }
    let zero = Start {
        location: median,
        scale: 0.0,
        source: StartScale::Zero,
    };
    match policy {
        ZeroScalePolicy::Error => Err(Error::ZeroScale {
            estimator: "MADe",
            ties: values.iter().filter(|&&v| v == median).count(),
            n: values.len(),
            median,
        }),
        ZeroScalePolicy::Median => Ok((zero, buf)),
        ZeroScalePolicy::StandardDeviation if values.len() < 2 => Ok((zero, buf)),
        ZeroScalePolicy::StandardDeviation => {
            let sd = standard_deviation_of(values)?;
            let start = if sd > 0.0 {
                Start {
                    location: median,
                    scale: sd,
                    source: StartScale::StandardDeviation,
                }
            } else {
                zero
            };
            Ok((start, buf))
        }
    }
}

fn iterate(
    values: &[f64],
    start: Start,
    buf: Vec<f64>,
    settings: &Settings,
) -> Result<RobustEstimate> {
    let n = values.len();
    let finish = |location: f64, scale: f64, iterations: u32, converged: bool| {
        Ok(RobustEstimate {
            location,
            scale,
            n,
            iterations,
            converged,
            uncertainty: consensus_uncertainty(scale, n)?,
            constants: settings.constants,
            stop: settings.stop,
            start_scale: start.source,
        })
    };
    if start.scale == 0.0 {
        return finish(start.location, 0.0, 0, true);
    }
    let factor = settings.constants.algorithm_a_factor();
    let denominator = (n - 1).max(1) as f64;
    // Every step works on the values less the median, so that x* ± 1.5·s*
    // and the sums keep their digits when the data lie far from zero.
    let origin = start.location;
    let centred: Vec<f64> = values.iter().map(|v| v - origin).collect();
    let mut winsorizer = Winsorizer::new(&centred, buf);
    let (mut y, mut s) = (0.0, start.scale);
    for iteration in 1..=settings.max_iter {
        let (y1, ss) = winsorizer.step(y, HUBER_K * s);
        let s1 = if settings.update_scale {
            factor * (ss / denominator).sqrt()
        } else {
            s
        };
        let (x0, x1) = (origin + y, origin + y1);
        if !(x1.is_finite() && s1.is_finite()) {
            return Err(Error::Overflow {
                estimator: "Algorithm A",
            });
        }
        if collapsed(s1, x1, start.scale) {
            return Err(Error::ZeroScale {
                estimator: "Algorithm A s*",
                ties: values.iter().filter(|&&v| v == x1).count(),
                n,
                median: start.location,
            });
        }
        let done = settings.stop.is_met(settings.tol, (x0, s), (x1, s1));
        (y, s) = (y1, s1);
        if done {
            return finish(x1, s, iteration, true);
        }
    }
    finish(origin + y, s, settings.max_iter, false)
}

/// Whether s* has collapsed: zero, or too small to be told from the rounding
/// of values of the size of x* (32 ulps), or 10¹² times smaller than the
/// scale it started from. Then more than half the values tie and s* only
/// shrinks, step after step, towards rounding noise.
fn collapsed(scale: f64, location: f64, start: f64) -> bool {
    scale == 0.0 || scale <= 32.0 * f64::EPSILON * location.abs() || scale <= 1e-12 * start
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::robust::stopping::MAX_ITER;

    const ILLUSTRATIVE: [f64; 12] = [
        5.21, 5.30, 5.18, 5.25, 5.40, 5.12, 5.28, 5.33, 5.19, 5.26, 5.22, 6.90,
    ];

    #[test]
    fn zero_scale_is_an_error_by_default() {
        let err =
            algorithm_a(&[1.0, 1.0, 1.0, 2.0, 9.0], &AlgorithmAOptions::default()).unwrap_err();
        assert_eq!(
            err,
            Error::ZeroScale {
                estimator: "MADe",
                ties: 3,
                n: 5,
                median: 1.0
            }
        );
    }

    #[test]
    fn zero_scale_falls_back_to_the_standard_deviation() {
        let options = AlgorithmAOptions {
            zero_scale: ZeroScalePolicy::StandardDeviation,
            ..Default::default()
        };
        let r = algorithm_a(&[1.0, 1.0, 1.0, 2.0, 9.0], &options).unwrap();
        assert_eq!(r.start_scale, StartScale::StandardDeviation);
        assert!(r.scale > 0.0 && r.location.is_finite());
        let r = algorithm_a(&[4.0; 6], &options).unwrap();
        assert_eq!(
            (r.location, r.scale, r.start_scale),
            (4.0, 0.0, StartScale::Zero)
        );
    }

    #[test]
    fn a_collapsing_scale_is_zero_scale_not_convergence() {
        // Eight of ten values tie: from the standard deviation, s* shrinks
        // by a constant factor at every step.
        let options = AlgorithmAOptions {
            zero_scale: ZeroScalePolicy::StandardDeviation,
            ..Default::default()
        };
        for center in [0.0, 1.0, 5.3, 1e8] {
            let mut x = vec![center; 8];
            x.extend([center + 1.0, center + 3.0]);
            let err = algorithm_a(&x, &options).unwrap_err();
            assert_eq!(err.code(), "zero_scale", "{center}: {err:?}");
        }
    }

    #[test]
    fn data_far_from_zero_give_the_same_scale_as_the_data_shifted_to_zero() {
        let base: Vec<f64> = (1..=30)
            .map(|i| (f64::from(i) * 0.61).sin() + if i < 3 { 6.0 } else { 0.0 })
            .collect();
        for (shift, spread) in [(1.0e8, 0.01), (1.0e6, 1e-6), (1.0e3, 1.0)] {
            let far: Vec<f64> = base.iter().map(|b| shift + b * spread).collect();
            let near: Vec<f64> = far.iter().map(|v| v - shift).collect();
            let options = AlgorithmAOptions {
                stop: StopRule::Converged,
                ..Default::default()
            };
            let (a, b) = (
                algorithm_a(&far, &options).unwrap(),
                algorithm_a(&near, &options).unwrap(),
            );
            assert!(
                ((a.scale - b.scale) / b.scale).abs() < 1e-12,
                "{shift}: {} vs {}",
                a.scale,
                b.scale
            );
        }
    }

    #[test]
    fn a_bound_that_is_hit_is_reported() {
        let options = AlgorithmAOptions {
            stop: StopRule::Converged,
            max_iter: 2,
            ..Default::default()
        };
        let r = algorithm_a(&ILLUSTRATIVE, &options).unwrap();
        assert_eq!((r.iterations, r.converged), (2, false));
    }

    #[test]
    fn iterations_are_bounded() {
        for max_iter in [0, MAX_ITER + 1, u32::MAX] {
            let options = AlgorithmAOptions {
                max_iter,
                ..Default::default()
            };
            let err = algorithm_a(&ILLUSTRATIVE, &options).unwrap_err();
            assert_eq!(err.code(), "invalid_parameter", "{max_iter}");
        }
        let options = AlgorithmAOptions {
            max_iter: MAX_ITER,
            ..Default::default()
        };
        assert!(algorithm_a(&ILLUSTRATIVE, &options).is_ok());
    }

    #[test]
    fn bad_options_are_refused() {
        for tol in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            let options = AlgorithmAOptions {
                tol,
                ..Default::default()
            };
            let err = algorithm_a(&ILLUSTRATIVE, &options).unwrap_err();
            assert_eq!(err.code(), "invalid_parameter");
        }
        let options = HuberOptions {
            scale: Some(0.0),
            ..Default::default()
        };
        assert!(huber_fixed_scale(&ILLUSTRATIVE, &options).is_err());
    }
}
