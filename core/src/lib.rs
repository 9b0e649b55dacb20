//! # eqa
//!
//! The engine of External Quality Assessment (EQA, 室间质量评价, proficiency
//! testing) for clinical laboratories, and the ISO 13528:2022 statistics
//! behind it.
//!
//! This release provides the robust location and scale estimators of
//! ISO 13528:2022 Annex C:
//!
//! | estimator | function | clause |
//! | --- | --- | --- |
//! | median | [`median`] | C.2.1 |
//! | MADe | [`made`] | C.2.2 |
//! | nIQR (linear-interpolation quartiles) | [`niqr`], [`quantile`] | C.2.3 |
//! | Algorithm A | [`algorithm_a`] | C.3.1 |
//! | Huber location with fixed scale | [`huber_fixed_scale`] | C.3.2 |
//! | mean, standard deviation | [`mean`], [`standard_deviation`] | — |
//! | u(x_pt) of a consensus value | [`consensus_uncertainty`] | 7.7.3 |
//!
//! Every methodological choice is a named enum with a documented default:
//! [`Constants`] (ISO's rounded 1.483/1.134, or the exact Huber factors),
//! [`StopRule`] (ISO 2022's three-significant-figure rule, or convergence to a
//! tolerance), [`ZeroScalePolicy`] (what to do when MADe is zero).
//!
//! Bad input is an [`Error`] with a stable [`Error::code`], never a panic and
//! never a NaN: empty input, a non-finite value (with its index), a zero
//! scale, an option out of its domain, or an overflow.
//!
//! # Example
//!
//! ```
//! use eqa::{algorithm_a, AlgorithmAOptions, StopRule};
//!
//! let results = [5.21, 5.30, 5.18, 5.25, 5.40, 5.12, 5.28, 5.33, 5.19, 5.26, 5.22, 6.90];
//! assert_eq!(eqa::median(&results)?, 5.255);
//!
//! let iso = algorithm_a(&results, &AlgorithmAOptions::default())?;
//! assert!((iso.location - 5.2626).abs() < 1e-4);
//! assert!((iso.scale - 0.09941).abs() < 1e-4);
//!
//! let tight = AlgorithmAOptions { stop: StopRule::Converged, tol: 1e-12, ..Default::default() };
//! let converged = algorithm_a(&results, &tight)?;
//! assert!(converged.converged && converged.iterations > iso.iterations);
//! assert_eq!(converged.uncertainty, eqa::consensus_uncertainty(converged.scale, 12)?);
//! # Ok::<(), eqa::Error>(())
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod algorithm_a;
mod constants;
mod error;
mod estimate;
mod location;
mod names;
mod sample;
mod scale;
mod select;
mod stopping;
mod winsor;

pub use algorithm_a::{AlgorithmAOptions, HuberOptions, algorithm_a, huber_fixed_scale};
pub use constants::{Constants, HUBER_K, NIQR_FACTOR};
pub use error::{Error, Result};
pub use estimate::{RobustEstimate, StartScale, ZeroScalePolicy, consensus_uncertainty};
pub use location::{mean, median};
pub use scale::{made, niqr, quantile, standard_deviation};
pub use stopping::{DEFAULT_MAX_ITER, DEFAULT_TOLERANCE, StopRule};

// ISO 13528:2022 Annex C beyond Algorithm A: Q method, Hampel, Qn, Algorithm S.

// ISO 13528:2022 clauses 8 and 9: sigma_pt and performance statistics.

// ISO 13528:2022 clause 7 and Annex B: assigned values, homogeneity and stability.

/// The Rust examples of the repository's README, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
