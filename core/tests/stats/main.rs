//! The ISO 13528 toolkit: estimators, assigned values, homogeneity and stability, σ_pt and scores, graph data; the published vectors and the cross-language parity fixtures.
//!
//! One test binary per stage of `core/src`, a module per file.

mod annex_c;
mod annex_c_properties;
mod assigned_value;
mod common;
mod homogeneity;
mod homogeneity_properties;
mod parity;
mod parity_annex_c;
mod parity_plots;
mod parity_provider;
mod parity_scores;
mod plots;
mod plots_properties;
mod properties;
mod scores;
mod scores_properties;
mod sigma_pt;
mod vectors;
