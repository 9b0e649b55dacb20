//! The native module `eqa._eqa`, re-exported by the Python package `eqa`.
//!
//! An adapter with no statistics of its own: values arrive as a numpy array
//! or array-like (`sample.rs`), options as strings parsed by the core
//! (`options.rs`), the core computes with the GIL released, and its result or
//! error is handed back as a Python object (`estimate.rs`, `errors.rs`).
//!
//! | Python | core | file |
//! | --- | --- | --- |
//! | `median`, `mean` | [`eqa::median`], [`eqa::mean`] | `location.rs` |
//! | `made`, `niqr`, `quantile`, `standard_deviation` | [`eqa::made`], [`eqa::niqr`], [`eqa::quantile`], [`eqa::standard_deviation`] | `scale.rs` |
//! | `algorithm_a`, `huber_fixed_scale` | [`eqa::algorithm_a`], [`eqa::huber_fixed_scale`] | `algorithm_a.rs` |
//! | `RobustEstimate`, `consensus_uncertainty` | [`eqa::RobustEstimate`], [`eqa::consensus_uncertainty`] | `estimate.rs` |
//! | `EqaError` and its subclasses | [`eqa::Error`] | `errors.rs` |

use pyo3::prelude::*;

mod algorithm_a;
mod criteria;
mod document;
mod errors;
mod estimate;
mod history;
mod indicators;
mod load;
mod location;
mod options;
mod report;
mod sample;
mod scale;
mod scoring;
mod synthetic;
mod validation;

// ISO 13528:2022 Annex C beyond Algorithm A: Q method, Hampel, Qn, Algorithm S.
mod algorithm_s;
mod annex_c_common;
mod hampel;
mod q_method;
mod qn;

// ISO 13528:2022 clauses 8 and 9: sigma_pt and performance statistics.
mod classification;
mod combined;
mod scores;
mod sigma_pt;

// ISO 13528:2022 clause 7 and Annex B: assigned values, homogeneity and stability.
mod assigned_value;
mod comparison;
mod homogeneity;
mod results;
mod stability;

// ISO 13528:2022 clause 10: data for graphs.
mod plots;
mod score_charts;
mod youden;

#[pymodule]
fn _eqa(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("DEFAULT_TOLERANCE", eqa::DEFAULT_TOLERANCE)?;
    m.add("DEFAULT_MAX_ITER", eqa::DEFAULT_MAX_ITER)?;

    m.add_function(wrap_pyfunction!(location::median, m)?)?;
    m.add_function(wrap_pyfunction!(location::mean, m)?)?;
    m.add_function(wrap_pyfunction!(scale::made, m)?)?;
    m.add_function(wrap_pyfunction!(scale::niqr, m)?)?;
    m.add_function(wrap_pyfunction!(scale::quantile, m)?)?;
    m.add_function(wrap_pyfunction!(scale::standard_deviation, m)?)?;
    m.add_function(wrap_pyfunction!(algorithm_a::algorithm_a, m)?)?;
    m.add_function(wrap_pyfunction!(algorithm_a::huber_fixed_scale, m)?)?;
    m.add_function(wrap_pyfunction!(estimate::consensus_uncertainty, m)?)?;
    m.add_class::<estimate::RobustEstimate>()?;

    // ISO 13528:2022 Annex C beyond Algorithm A: Q method, Hampel, Qn, Algorithm S.
    m.add_function(wrap_pyfunction!(q_method::q_method, m)?)?;
    m.add_function(wrap_pyfunction!(hampel::hampel, m)?)?;
    m.add_function(wrap_pyfunction!(hampel::q_hampel, m)?)?;
    m.add_function(wrap_pyfunction!(qn::qn, m)?)?;
    m.add_function(wrap_pyfunction!(qn::qn_correction, m)?)?;
    m.add_function(wrap_pyfunction!(algorithm_s::algorithm_s, m)?)?;
    m.add_function(wrap_pyfunction!(algorithm_s::algorithm_s_factors, m)?)?;
    m.add_class::<q_method::QMethodEstimate>()?;
    m.add_class::<hampel::HampelEstimate>()?;
    m.add_class::<hampel::QHampelEstimate>()?;
    m.add_class::<qn::QnEstimate>()?;
    m.add_class::<algorithm_s::AlgorithmSEstimate>()?;
    m.add_class::<algorithm_s::AlgorithmSFactors>()?;

    // ISO 13528:2022 clauses 8 and 9: sigma_pt and performance statistics.
    m.add_function(wrap_pyfunction!(scores::deviation, m)?)?;
    m.add_function(wrap_pyfunction!(scores::percent_deviation, m)?)?;
    m.add_function(wrap_pyfunction!(scores::pa_score, m)?)?;
    m.add_function(wrap_pyfunction!(scores::z_score, m)?)?;
    m.add_function(wrap_pyfunction!(scores::z_prime_score, m)?)?;
    m.add_function(wrap_pyfunction!(scores::zeta_score, m)?)?;
    m.add_function(wrap_pyfunction!(scores::en_number, m)?)?;
    m.add_class::<classification::ClassificationRule>()?;
    m.add_function(wrap_pyfunction!(classification::classify, m)?)?;
    m.add_function(wrap_pyfunction!(classification::classify_z, m)?)?;
    m.add_function(wrap_pyfunction!(classification::classify_en, m)?)?;
    m.add_function(wrap_pyfunction!(classification::classify_pa, m)?)?;
    m.add_class::<combined::CombinedScore>()?;
    m.add_function(wrap_pyfunction!(combined::combined_z, m)?)?;
    m.add_class::<sigma_pt::SigmaPt>()?;
    m.add_function(wrap_pyfunction!(sigma_pt::sigma_pt_from_limit, m)?)?;
    m.add_function(wrap_pyfunction!(sigma_pt::sigma_pt_from_precision, m)?)?;
    m.add_function(wrap_pyfunction!(sigma_pt::sigma_pt_general_model, m)?)?;
    m.add_function(wrap_pyfunction!(
        sigma_pt::sigma_pt_from_previous_rounds,
        m
    )?)?;
    m.add_function(wrap_pyfunction!(sigma_pt::sigma_pt_from_robust_sd, m)?)?;
    m.add_class::<sigma_pt::UncertaintyCheck>()?;
    m.add_function(wrap_pyfunction!(sigma_pt::check_uncertainty, m)?)?;

    // ISO 13528:2022 clause 7 and Annex B: assigned values, homogeneity and stability.
    m.add_function(wrap_pyfunction!(homogeneity::homogeneity, m)?)?;
    m.add_function(wrap_pyfunction!(homogeneity::expanded_factors, m)?)?;
    m.add_class::<homogeneity::Homogeneity>()?;
    m.add_function(wrap_pyfunction!(stability::stability, m)?)?;
    m.add_class::<stability::Stability>()?;
    m.add_function(wrap_pyfunction!(
        assigned_value::assigned_value_formulation,
        m
    )?)?;
    m.add_function(wrap_pyfunction!(
        assigned_value::assigned_value_certified,
        m
    )?)?;
    m.add_function(wrap_pyfunction!(
        assigned_value::assigned_value_reference_laboratory,
        m
    )?)?;
    m.add_function(wrap_pyfunction!(
        assigned_value::assigned_value_crm_comparison,
        m
    )?)?;
    m.add_function(wrap_pyfunction!(
        assigned_value::assigned_value_consensus,
        m
    )?)?;
    m.add_function(wrap_pyfunction!(
        assigned_value::assigned_value_expert_consensus,
        m
    )?)?;
    m.add_class::<assigned_value::AssignedValue>()?;
    m.add_function(wrap_pyfunction!(comparison::compare_with_reference, m)?)?;
    m.add_class::<comparison::ReferenceComparison>()?;

    // ISO 13528:2022 clause 10: data for graphs.
    m.add_function(wrap_pyfunction!(plots::histogram, m)?)?;
    m.add_class::<plots::Histogram>()?;
    m.add_function(wrap_pyfunction!(plots::kernel_density, m)?)?;
    m.add_class::<plots::KernelDensity>()?;
    m.add_function(wrap_pyfunction!(youden::youden, m)?)?;
    m.add_class::<youden::Youden>()?;
    m.add_function(wrap_pyfunction!(score_charts::score_bars, m)?)?;
    m.add_class::<score_charts::ScoreBars>()?;
    m.add_function(wrap_pyfunction!(score_charts::score_series, m)?)?;
    m.add_class::<score_charts::ScoreSeries>()?;

    // Histories, certificates and reports over scored rounds.
    m.add_function(wrap_pyfunction!(history::performance_history, m)?)?;
    m.add_function(wrap_pyfunction!(history::histories, m)?)?;
    m.add_function(wrap_pyfunction!(history::certificates, m)?)?;
    m.add_function(wrap_pyfunction!(report::lab_report, m)?)?;
    m.add_function(wrap_pyfunction!(report::lab_report_csv, m)?)?;
    m.add_function(wrap_pyfunction!(report::round_summary, m)?)?;
    m.add_function(wrap_pyfunction!(report::round_summary_csv, m)?)?;

    // Acceptance limits, the shipped criteria tables and unit conversions.
    m.add_function(wrap_pyfunction!(criteria::judge, m)?)?;
    m.add_function(wrap_pyfunction!(criteria::builtin_criteria, m)?)?;
    m.add_function(wrap_pyfunction!(criteria::nccl_2024_criteria, m)?)?;
    m.add_function(wrap_pyfunction!(criteria::clia_2024_criteria, m)?)?;
    m.add_function(wrap_pyfunction!(criteria::find_criterion, m)?)?;
    m.add_function(wrap_pyfunction!(criteria::convert_unit, m)?)?;
    m.add_function(wrap_pyfunction!(criteria::unit_conversions, m)?)?;

    // Synthetic rounds: a generated plan, criteria and a year of results.
    m.add_function(wrap_pyfunction!(synthetic::synthetic_round, m)?)?;

    // Hospital indicators: participation, pass and alternative-assessment rates.
    m.add_function(wrap_pyfunction!(indicators::sample_catalogue, m)?)?;
    m.add_function(wrap_pyfunction!(indicators::sample_mapping, m)?)?;
    m.add_function(wrap_pyfunction!(indicators::item_outcomes, m)?)?;
    m.add_function(wrap_pyfunction!(indicators::hospital_indicators, m)?)?;
    m.add_function(wrap_pyfunction!(indicators::provider_indicators, m)?)?;
    m.add_function(wrap_pyfunction!(indicators::validate_indicator_inputs, m)?)?;
    m.add_function(wrap_pyfunction!(indicators::hospital_indicators_csv, m)?)?;
    m.add_function(wrap_pyfunction!(indicators::provider_indicators_csv, m)?)?;

    // Results in long format and submission validation.
    m.add_function(wrap_pyfunction!(load::load_results_csv, m)?)?;
    m.add_function(wrap_pyfunction!(load::load_results_json, m)?)?;
    m.add_function(wrap_pyfunction!(load::results_to_csv, m)?)?;
    m.add_function(wrap_pyfunction!(validation::load_plan, m)?)?;
    m.add_function(wrap_pyfunction!(validation::validate_submission, m)?)?;

    // Scoring a round: evaluations, peer groups, targets and PT scores.
    m.add_function(wrap_pyfunction!(scoring::score_round, m)?)?;
    m.add_function(wrap_pyfunction!(scoring::score_year, m)?)?;
    m.add_function(wrap_pyfunction!(scoring::vis_score, m)?)?;

    errors::register(m)
}
