//! Targets (靶值): the assigned value of each sample for each peer group.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

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
    /// For qualitative, ordinal and nominal analytes: the answer given by at
    /// least `min_agreement` % of the participants (default 80).
    Agreement {
        /// The agreement needed, in percent.
        #[serde(default = "eighty")]
        min_agreement: Decimal,
    },
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
