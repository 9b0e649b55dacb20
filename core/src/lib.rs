//! # eqa
//!
//! The engine of External Quality Assessment (EQA, 室间质量评价, proficiency
//! testing) for clinical laboratories, and the ISO 13528:2022 statistics
//! behind it.
//!
//! It provides what ISO 13528:2022 asks of a proficiency-testing provider's
//! statistics.
//!
//! Robust location and scale (Annex C):
//!
//! | estimator | function | clause |
//! | --- | --- | --- |
//! | median | [`median`] | C.2.1 |
//! | MADe | [`made`] | C.2.2 |
//! | nIQR (linear-interpolation quartiles) | [`niqr`], [`quantile`] | C.2.3 |
//! | Algorithm A | [`algorithm_a`] | C.3.1 |
//! | Huber location with fixed scale | [`huber_fixed_scale`] | C.3.2 |
//! | Algorithm S (pooled SDs or ranges) | [`algorithm_s`], [`algorithm_s_factors`] | C.4 |
//! | Q method, Qn | [`q_method`], [`q_method_replicates`], [`qn`] | C.5.2 |
//! | Hampel's location, Q/Hampel | [`hampel`], [`q_hampel`], [`q_hampel_replicates`] | C.5.3, C.5.4 |
//! | mean, standard deviation | [`mean`], [`standard_deviation`] | — |
//!
//! Assigned value, its uncertainty, homogeneity and stability (clause 7, Annex B):
//!
//! | what | function | clause |
//! | --- | --- | --- |
//! | u(x_pt) of a consensus value | [`consensus_uncertainty`] | 7.7.3 |
//! | assigned value with provenance | [`AssignedValue`] | 7.3–7.7 |
//! | consensus against a reference | [`compare_with_reference`] | 7.8 |
//! | homogeneity, F1 and F2 | [`homogeneity`], [`expanded_factors`] | B.2 |
//! | stability | [`stability`] | B.3 |
//!
//! Standard deviation for proficiency assessment and performance statistics
//! (clauses 8 and 9):
//!
//! | what | function | clause |
//! | --- | --- | --- |
//! | σ_pt | [`sigma_pt_from_limit`], [`sigma_pt_from_precision`], [`sigma_pt_from_previous_rounds`], [`sigma_pt_general_model`], [`sigma_pt_from_robust_sd`] | 8 |
//! | u(x_pt) ≤ 0.3 σ_pt | [`check_uncertainty`] | 9.2 |
//! | D, D %, P_A, z, z′, ζ, E_n | [`deviation`], [`percent_deviation`], [`pa_score`], [`z_score`], [`z_prime_score`], [`zeta_score`], [`en_number`] (and their plurals for arrays) | 9.3–9.7 |
//! | classification | [`classify`], [`ClassificationRule`] | 9 |
//! | combined scores | [`combined_z`] | 9.8 |
//!
//! Data for the graphs of clause 10, plain structs for any front end to draw:
//!
//! | graph | function | clause |
//! | --- | --- | --- |
//! | histogram | [`histogram`], [`Bins`] | 10.2 |
//! | kernel density and its modes | [`kernel_density`], [`Bandwidth`] | 10.3 |
//! | bar chart of scores | [`score_bars`] | 10.4 |
//! | Youden plot, confidence ellipse and box | [`youden`], [`YoudenEstimator`] | 10.5 |
//! | scores over rounds, running mean and SSZ | [`score_series`] | 10.8 |
//!
//! Every methodological choice is a named enum with a documented default:
//! [`Constants`] (ISO's rounded 1.483/1.134, or the exact Huber factors),
//! [`StopRule`] (ISO 2022's three-significant-figure rule, or convergence to a
//! tolerance), [`ZeroScalePolicy`] (what to do when MADe is zero).
//!
//! Bad input is an [`Error`] with a stable [`Error::code`], never a panic and
//! never a NaN: empty input, a non-finite value (with its index), a zero
//! scale, an option out of its domain, paired inputs of different lengths, or
//! an overflow. Results are the same to the last bit on every target: sums
//! run in a fixed order and `exp`, `log`, `pow` and `hypot` come from `libm`,
//! not from the platform's library.
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

// The data flow, one way: each folder imports only the folders above it
// (checked by scripts/check-layout.py in CI).
//
//   stats       ISO 13528 toolkit; nothing of the EQA domain
//   plan        plan, criteria, limits, units, reported values, policies
//   results     results, loading, validation of a draft
//   scoring     score_round: selection, peer groups, targets, verdicts, PT scores
//   history     performance over rounds, certificates
//   indicators  hospital indicators
//   report      laboratory report, round summary
//   synthetic   generated plans and rounds
//
// `error`, `names` and `csv_text` are shared by all and import none of them.
mod csv_text;
mod error;
mod names;

pub mod stats;

pub mod plan;

pub mod results;

pub mod scoring;

pub mod history;

pub mod indicators;

pub mod report;

pub mod synthetic;

pub use error::{Error, KeyStyle, Result};
pub use history::{certificates, histories, performance_history};
pub use report::{lab_report, round_summary};
pub use scoring::{score_round, score_year};
pub use stats::*;

/// The Rust examples of the repository's README, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
