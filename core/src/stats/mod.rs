//! The ISO 13528:2022 toolkit: robust estimators (Annex C), assigned values,
//! homogeneity and stability (clause 7, Annex B), σ_pt and performance
//! statistics (clauses 8 and 9), and the data of the graphs of clause 10.
//!
//! It imports nothing of the EQA domain: every function takes numbers and
//! options and returns a result struct or an [`Error`](crate::Error). The
//! crate root re-exports all of it, so `eqa::median` and
//! `eqa::stats::median` are the same function.
//!
//! | folder | what |
//! | --- | --- |
//! | `robust/` | Algorithm A and S, Q method, Qn, Hampel, Q/Hampel, Huber; their options |
//! | `assigned/` | assigned values, comparison with a reference, homogeneity, stability |
//! | `performance/` | σ_pt, scores, classification, combined scores, u(x_pt) check |
//! | `graphs/` | histogram, kernel density and modes, score bars, score series, Youden |
//!
//! Beside them: input checks (`sample`, `parameter`), order statistics
//! (`order`), location and scale (`location`, `scale`), platform-exact
//! decimal arithmetic (`decimal`), distributions and a
//! multimodality test used by round scoring (`modality`).

pub(crate) mod assigned;
pub(crate) mod decimal;
pub(crate) mod distributions;
pub(crate) mod graphs;
pub(crate) mod location;
pub(crate) mod modality;
pub(crate) mod order;
pub(crate) mod parameter;
pub(crate) mod performance;
pub(crate) mod robust;
pub(crate) mod sample;
pub(crate) mod scale;

pub use location::{mean, median};
pub use scale::{made, niqr, quantile, standard_deviation};

pub use robust::algorithm_a::{AlgorithmAOptions, HuberOptions, algorithm_a, huber_fixed_scale};
pub use robust::algorithm_s::{
    ALGORITHM_S_MAX_NU, AlgorithmSEstimate, AlgorithmSFactors, AlgorithmSOptions, algorithm_s,
    algorithm_s_factors,
};
pub use robust::constants::{Constants, HUBER_K, NIQR_FACTOR};
pub use robust::estimate::{RobustEstimate, StartScale, ZeroScalePolicy, consensus_uncertainty};
pub use robust::hampel::{HAMPEL_KNOTS, HampelEstimate, HampelMethod, HampelOptions, hampel};
pub use robust::q_hampel::{QHampelEstimate, q_hampel, q_hampel_replicates};
pub use robust::q_method::{QMethodEstimate, q_method, q_method_replicates};
pub use robust::qn::{QnEdition, QnEstimate, qn, qn_correction};
pub use robust::stopping::{DEFAULT_MAX_ITER, DEFAULT_TOLERANCE, MAX_ITER, StopRule};

pub use performance::classification::{Bound, ClassificationRule, Performance, classify};
pub use performance::combined::{CombinedOptions, CombinedScore, combined_z};
pub use performance::scores::{
    ScoreKind, deviation, deviations, en_number, en_numbers, pa_score, pa_scores,
    percent_deviation, percent_deviations, z_prime_score, z_prime_scores, z_score, z_scores,
    zeta_score, zeta_scores,
};
pub use performance::sigma_pt::{
    GeneralModel, LimitFraction, MassFractionUnit, PreviousRoundsModel, Provenance, SigmaPt,
    SigmaPtMethod, sigma_pt_from_limit, sigma_pt_from_precision, sigma_pt_from_previous_rounds,
    sigma_pt_from_robust_sd, sigma_pt_general_model,
};
pub use performance::uncertainty_check::{
    NEGLIGIBLE_RATIO, UncertaintyAction, UncertaintyCheck, WhenNotNegligible, check_uncertainty,
};

pub use assigned::comparison::{ComparisonRule, ReferenceComparison, compare_with_reference};
pub use assigned::homogeneity::{
    CRITERION_FRACTION, CheckCriterion, ExpandedFactors, Homogeneity, HomogeneityOptions,
    HomogeneityRemedy, expanded_factors, homogeneity,
};
pub use assigned::stability::{Stability, StabilityOptions, StabilityUncertainty, stability};
pub use assigned::value::{
    AssignedValue, AssignedValueProvenance, ConsensusEstimator, ConsensusOptions,
};

pub use graphs::density::{Bandwidth, DensityOptions, KernelDensity, MAX_POINTS, kernel_density};
pub use graphs::histogram::{Bins, Histogram, MAX_BINS, histogram};
pub use graphs::score_bars::{ScoreBars, score_bars};
pub use graphs::score_series::{MAX_WINDOW, ScoreSeries, ScoreSeriesOptions, score_series};
pub use graphs::youden::{
    Ellipse, MAX_ELLIPSE_POINTS, Youden, YoudenEstimator, YoudenOptions, youden,
};
