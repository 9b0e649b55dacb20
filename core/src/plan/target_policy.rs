//! Targets (靶值): the assigned value of each sample for each peer group.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::stats::{
    AlgorithmAOptions, HampelOptions, ZeroScalePolicy, algorithm_a, consensus_uncertainty, mean,
    median, niqr, q_hampel, standard_deviation,
};

/// How the target of a sample is assigned (domain §4.8).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum TargetPolicy {
    /// A consensus of the peer group's results.
    Consensus {
        /// The estimator (default Algorithm A).
        #[serde(default)]
        estimator: TargetEstimator,
    },
    /// A consensus of the results of designated expert (referee)
    /// laboratories only, whatever their peer group.
    ExpertLabs {
        /// The codes of the expert laboratories.
        labs: Vec<String>,
        /// The estimator (default Algorithm A).
        #[serde(default)]
        estimator: TargetEstimator,
    },
    /// A value given per sample (reference method, formulation, certified
    /// value), from the round's given targets.
    Given,
    /// For qualitative, ordinal and nominal analytes: the most frequent
    /// answer, when at least `min_agreement` % of the participants agree
    /// with it (default 80) as `count` counts them.
    Agreement {
        /// The agreement needed, in percent.
        #[serde(default = "eighty")]
        min_agreement: Decimal,
        /// Which answers agree with the most frequent one (default: those
        /// its acceptance limit accepts, the grade window of an ordinal
        /// analyte).
        #[serde(default)]
        count: AgreementCount,
    },
}

/// Which answers agree with the most frequent one, for the share an
/// agreement target needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgreementCount {
    /// The answers its acceptance limit accepts: for an ordinal analyte the
    /// grades of the window around the most frequent grade (a dipstick
    /// sample read 55 % 1+, 35 % 2+ and 10 % ± agrees 100 % on 1+ within
    /// ±1 grade); for other analytes the same answer. Two grades equally
    /// the most frequent leave the sample without a target (default, as
    /// usual practice scores grades).
    #[default]
    WithinLimit,
    /// The same answer only.
    Exact,
}

fn eighty() -> Decimal {
    Decimal::from(80)
}

impl Default for TargetPolicy {
    fn default() -> Self {
        TargetPolicy::Consensus {
            estimator: TargetEstimator::default(),
        }
    }
}

/// The estimator of a consensus target and of the group's standard deviation.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum TargetEstimator {
    /// ISO 13528 Algorithm A: x* and s* (default).
    #[default]
    AlgorithmA,
    /// ISO 13528 Q/Hampel: Hampel's location and the Q method's scale.
    QHampel,
    /// The median, with nIQR as the standard deviation.
    Median,
    /// The mean and standard deviation after removing results beyond
    /// mean ± k·s, repeated `iterations` times (the textbook 剔除 X̄±3S;
    /// default k = 3, one pass).
    TrimmedMean {
        /// The multiple of the SD beyond which results are removed.
        #[serde(default = "three")]
        k: f64,
        /// How many passes of removal (at least 1).
        #[serde(default = "one_pass")]
        iterations: u32,
    },
}

fn three() -> f64 {
    3.0
}

fn one_pass() -> u32 {
    1
}

/// A consensus target of a group's results, with its spread.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Consensus {
    /// The target x_pt.
    pub target: f64,
    /// The group's (robust) standard deviation.
    pub sd: f64,
    /// The target's standard uncertainty u(x_pt).
    pub uncertainty: f64,
    /// How many results the estimator used (after trimming).
    pub n_used: usize,
    /// Whether the estimator met its stopping rule.
    pub converged: bool,
}

impl TargetPolicy {
    /// Checks the policy's numbers: the estimator's, and an agreement
    /// above 0 and at most 100 %.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] naming the bad number.
    pub fn check(&self) -> Result<()> {
        match self {
            TargetPolicy::Consensus { estimator } | TargetPolicy::ExpertLabs { estimator, .. } => {
                estimator.check()
            }
            TargetPolicy::Given => Ok(()),
            TargetPolicy::Agreement { min_agreement, .. } => {
                if *min_agreement > Decimal::ZERO && *min_agreement <= Decimal::ONE_HUNDRED {
                    Ok(())
                } else {
                    Err(Error::InvalidParameter {
                        name: "min_agreement",
                        value: min_agreement.to_string(),
                        expected: "a percentage above 0 and at most 100",
                    })
                }
            }
        }
    }
}

impl TargetEstimator {
    /// The estimator's name, as in its serde tag (`algorithm_a`, `q_hampel`,
    /// `median`, `trimmed_mean`).
    pub fn name(&self) -> &'static str {
        match self {
            TargetEstimator::AlgorithmA => "algorithm_a",
            TargetEstimator::QHampel => "q_hampel",
            TargetEstimator::Median => "median",
            TargetEstimator::TrimmedMean { .. } => "trimmed_mean",
        }
    }

    /// Checks the estimator's options: a trimmed mean needs a positive
    /// finite k and at least one pass.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] naming the bad option.
    pub fn check(&self) -> Result<()> {
        if let TargetEstimator::TrimmedMean { k, iterations } = *self {
            if !(k.is_finite() && k > 0.0) {
                return Err(Error::InvalidParameter {
                    name: "k",
                    value: k.to_string(),
                    expected: "a positive finite multiple of the standard deviation",
                });
            }
            if iterations == 0 {
                return Err(Error::InvalidParameter {
                    name: "iterations",
                    value: "0".into(),
                    expected: "at least 1 pass",
                });
            }
        }
        Ok(())
    }

    /// The consensus of a group's results.
    ///
    /// # Formula
    ///
    /// * Algorithm A: x* and s* of [`crate::stats::algorithm_a`] (ISO options, but
    ///   [`ZeroScalePolicy::StandardDeviation`] when MADe is 0);
    ///   u = 1.25·s*/√p.
    /// * Q/Hampel: x* and s* of [`crate::stats::q_hampel`]; u = 1.25·s*/√p.
    /// * Median: the median, sd = nIQR, u = 1.25·nIQR/√n.
    /// * Trimmed mean: results beyond mean ± k·s removed, `iterations` times
    ///   (stopping early when nothing is removed); the mean and standard
    ///   deviation s of the kept results, u = s/√n_kept.
    ///
    /// A consensus needs at least two results. When all results are equal,
    /// every estimator gives that value with sd 0 and u 0.
    ///
    /// # Errors
    ///
    /// [`Error::TooFewValues`] for fewer than two results (or fewer than two
    /// kept by the trimmed mean); the estimator's own errors (a non-finite
    /// value, a zero scale, an overflow); [`Error::InvalidParameter`] for bad
    /// options (see [`TargetEstimator::check`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use eqa::plan::TargetEstimator;
    ///
    /// let x = [5.0, 5.1, 5.2, 5.3, 9.0];
    /// let m = TargetEstimator::Median.estimate(&x)?;
    /// assert_eq!(m.target, 5.2);
    /// let t = TargetEstimator::TrimmedMean { k: 1.5, iterations: 1 }.estimate(&x)?;
    /// assert_eq!(t.n_used, 4);
    /// assert!((t.target - 5.15).abs() < 1e-12);
    /// let same = TargetEstimator::QHampel.estimate(&[4.0, 4.0, 4.0])?;
    /// assert_eq!((same.target, same.sd), (4.0, 0.0));
    /// # Ok::<(), eqa::Error>(())
    /// ```
    pub fn estimate(&self, values: &[f64]) -> Result<Consensus> {
        self.check()?;
        if values.len() < 2 {
            return Err(Error::TooFewValues {
                estimator: self.name(),
                needed: 2,
                got: values.len(),
            });
        }
        if let Some(index) = values.iter().position(|v| !v.is_finite()) {
            return Err(Error::NonFiniteValue {
                index,
                value: values[index],
            });
        }
        if values.iter().all(|&v| v == values[0]) {
            return Ok(Consensus {
                target: values[0],
                sd: 0.0,
                uncertainty: 0.0,
                n_used: values.len(),
                converged: true,
            });
        }
        let n = values.len();
        match *self {
            TargetEstimator::AlgorithmA => {
                let options = AlgorithmAOptions {
                    zero_scale: ZeroScalePolicy::StandardDeviation,
                    ..AlgorithmAOptions::default()
                };
                let r = algorithm_a(values, &options)?;
                Ok(Consensus {
                    target: r.location,
                    sd: r.scale,
                    uncertainty: r.uncertainty,
                    n_used: n,
                    converged: r.converged,
                })
            }
            TargetEstimator::QHampel => {
                let r = q_hampel(values, &HampelOptions::default())?;
                Ok(Consensus {
                    target: r.location,
                    sd: r.scale,
                    uncertainty: r.uncertainty,
                    n_used: n,
                    converged: r.converged,
                })
            }
            TargetEstimator::Median => {
                let sd = niqr(values)?;
                Ok(Consensus {
                    target: median(values)?,
                    sd,
                    uncertainty: consensus_uncertainty(sd, n)?,
                    n_used: n,
                    converged: true,
                })
            }
            TargetEstimator::TrimmedMean { k, iterations } => trimmed_mean(values, k, iterations),
        }
    }
}

fn trimmed_mean(values: &[f64], k: f64, iterations: u32) -> Result<Consensus> {
    let mut kept = values.to_vec();
    for _ in 0..iterations {
        let (m, s) = (mean(&kept)?, standard_deviation(&kept)?);
        let before = kept.len();
        kept.retain(|x| (x - m).abs() <= k * s);
        if kept.len() == before {
            break;
        }
        if kept.len() < 2 {
            return Err(Error::TooFewValues {
                estimator: "trimmed mean (after trimming)",
                needed: 2,
                got: kept.len(),
            });
        }
    }
    let (target, sd) = (mean(&kept)?, standard_deviation(&kept)?);
    let uncertainty = sd / (kept.len() as f64).sqrt();
    Ok(Consensus {
        target,
        sd,
        uncertainty,
        n_used: kept.len(),
        converged: true,
    })
}
