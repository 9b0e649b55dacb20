//! The hospital EQA indicators of [`eqa::indicators`] (domain §6): the
//! sample catalogue and mapping, yearly outcomes from round scoring, one
//! hospital's indicators, a provider's report, the validation of the
//! inputs, and the CSV tables. Documents arrive as dicts (or JSON text) and
//! leave as dicts; policies are keyword-only names parsed by the core.

use eqa::indicators::{
    self, AlternativeCounting, AlternativeRule, Catalogue, CombinationPolicy, Hospital,
    HospitalIndicators, IndicatorPolicies, ItemOutcome, Mapping, ParticipationPolicy,
    ProviderReport, ProviderScope, ReportTable, UnscoredPolicy, YearPassPolicy,
};
use eqa::plan::Plan;
use eqa::scoring::RoundScoring;
use pyo3::prelude::*;

use crate::document::{from_py, to_py};
use crate::errors::CoreError;
use crate::options::{Named, count};

/// The sample excerpt of the 2013 national catalogue of clinical laboratory
/// test items (specialties → classes → items, with codes of its own
/// numbering), as a dict.
#[pyfunction]
pub(crate) fn sample_catalogue(py: Python<'_>) -> PyResult<Py<PyAny>> {
    to_py(py, &Catalogue::sample().map_err(CoreError)?)
}

/// The sample mapping of EQA analytes (provider, program, analyte) to items
/// of the sample catalogue: CQCCL's C1, C3, H1, H2, I1 and NCCL's
/// counterparts, with the providers' levels, as a dict.
#[pyfunction]
pub(crate) fn sample_mapping(py: Python<'_>) -> PyResult<Py<PyAny>> {
    to_py(py, &Mapping::sample().map_err(CoreError)?)
}

/// The yearly outcome of each (program, analyte, laboratory) of a plan from
/// its round scorings: a list of dicts with provider, program, analyte, lab,
/// year and rounds (the outcome of each round enrolled, in plan order).
///
/// Raises InvalidInputError (invalid_document) for a scoring of a program or
/// round not in the plan, a round scored twice, or a laboratory scored twice
/// for an analyte in one round.
#[pyfunction]
pub(crate) fn item_outcomes(
    py: Python<'_>,
    plan: &Bound<'_, PyAny>,
    scorings: &Bound<'_, PyAny>,
) -> PyResult<Py<PyAny>> {
    let plan: Plan = from_py(plan)?;
    let scorings: Vec<RoundScoring> = from_py(scorings)?;
    let outcomes = py
        .detach(|| indicators::item_outcomes(&plan, &scorings))
        .map_err(CoreError)?;
    to_py(py, &outcomes)
}

/// The policies from the keyword arguments.
#[allow(clippy::too_many_arguments, reason = "one argument per keyword")]
fn policies(
    year_pass: Named<YearPassPolicy>,
    participation: Named<ParticipationPolicy>,
    combination: Named<CombinationPolicy>,
    unscored: Named<UnscoredPolicy>,
    alternative_counting: Named<AlternativeCounting>,
    min_samples: u32,
    min_events: u32,
    min_agreement: f64,
) -> PyResult<IndicatorPolicies> {
    Ok(IndicatorPolicies {
        year_pass: year_pass.0,
        participation: participation.0,
        combination: combination.0,
        unscored: unscored.0,
        alternative_counting: alternative_counting.0,
        alternative_rule: AlternativeRule::new(min_samples, min_events, min_agreement)
            .map_err(CoreError)?,
    })
}

fn min_samples(ob: &Bound<'_, PyAny>) -> PyResult<u32> {
    count("min_samples", ob)
}

fn min_events(ob: &Bound<'_, PyAny>) -> PyResult<u32> {
    count("min_events", ob)
}

/// The indicators of one hospital for its year: participation_rate,
/// pass_rate, fail_rate, alternative_usage_rate and national_passed_items
/// (each with numerator, denominator, value, the item codes behind both and
/// the policies it depends on), the items with their status, coverages and
/// alternative assessments, how the outcomes were used, and the issues found
/// in the inputs.
///
/// `scope` is "national", "province:<provider code>" or
/// "national_or_provincial". The policies default to the documented
/// (UNCONFIRMED) defaults; `min_samples`, `min_events` and `min_agreement`
/// (percent) make the alternative-assessment rule.
///
/// Raises InvalidInputError (invalid_document) for documents that do not
/// match their schema, InvalidParameterError for an unknown scope or policy
/// name or a rule out of its domain.
#[pyfunction]
#[pyo3(signature = (
    catalogue, mapping, hospital, outcomes, *, scope,
    year_pass = Named(YearPassPolicy::default()),
    participation = Named(ParticipationPolicy::default()),
    combination = Named(CombinationPolicy::default()),
    unscored = Named(UnscoredPolicy::default()),
    alternative_counting = Named(AlternativeCounting::default()),
    min_samples = 5,
    min_events = 2,
    min_agreement = 80.0,
), text_signature = "(catalogue, mapping, hospital, outcomes, *, scope, \
    year_pass='all_scored_rounds_satisfactory', participation='enrolled', \
    combination='all_must_pass', unscored='excluded_from_pass_rate', \
    alternative_counting='used', min_samples=5, min_events=2, min_agreement=80.0)")]
#[allow(clippy::too_many_arguments, reason = "one argument per keyword")]
pub(crate) fn hospital_indicators(
    py: Python<'_>,
    catalogue: &Bound<'_, PyAny>,
    mapping: &Bound<'_, PyAny>,
    hospital: &Bound<'_, PyAny>,
    outcomes: &Bound<'_, PyAny>,
    scope: Named<ProviderScope>,
    year_pass: Named<YearPassPolicy>,
    participation: Named<ParticipationPolicy>,
    combination: Named<CombinationPolicy>,
    unscored: Named<UnscoredPolicy>,
    alternative_counting: Named<AlternativeCounting>,
    #[pyo3(from_py_with = min_samples)] min_samples: u32,
    #[pyo3(from_py_with = min_events)] min_events: u32,
    min_agreement: f64,
) -> PyResult<Py<PyAny>> {
    let policies = policies(
        year_pass,
        participation,
        combination,
        unscored,
        alternative_counting,
        min_samples,
        min_events,
        min_agreement,
    )?;
    let catalogue: Catalogue = from_py(catalogue)?;
    let mapping: Mapping = from_py(mapping)?;
    let hospital: Hospital = from_py(hospital)?;
    let outcomes: Vec<ItemOutcome> = from_py(outcomes)?;
    let result = py
        .detach(|| {
            indicators::hospital_indicators(
                &catalogue, &mapping, &hospital, &outcomes, &scope.0, &policies,
            )
        })
        .map_err(CoreError)?;
    to_py(py, &result)
}

/// A provider's report for a year: every hospital's indicators (as
/// hospital_indicators, their issues listed once in the report), groups
/// ("all", then each hospital level present) with the distribution of each
/// indicator (n, undefined, min, q1, median, q3, max, mean, bands of 10 %)
/// and the items most often failed, and the issues found in the inputs.
///
/// Takes the keywords of hospital_indicators and raises as it does.
#[pyfunction]
#[pyo3(signature = (
    catalogue, mapping, hospitals, outcomes, *, scope,
    year_pass = Named(YearPassPolicy::default()),
    participation = Named(ParticipationPolicy::default()),
    combination = Named(CombinationPolicy::default()),
    unscored = Named(UnscoredPolicy::default()),
    alternative_counting = Named(AlternativeCounting::default()),
    min_samples = 5,
    min_events = 2,
    min_agreement = 80.0,
), text_signature = "(catalogue, mapping, hospitals, outcomes, *, scope, \
    year_pass='all_scored_rounds_satisfactory', participation='enrolled', \
    combination='all_must_pass', unscored='excluded_from_pass_rate', \
    alternative_counting='used', min_samples=5, min_events=2, min_agreement=80.0)")]
#[allow(clippy::too_many_arguments, reason = "one argument per keyword")]
pub(crate) fn provider_indicators(
    py: Python<'_>,
    catalogue: &Bound<'_, PyAny>,
    mapping: &Bound<'_, PyAny>,
    hospitals: &Bound<'_, PyAny>,
    outcomes: &Bound<'_, PyAny>,
    scope: Named<ProviderScope>,
    year_pass: Named<YearPassPolicy>,
    participation: Named<ParticipationPolicy>,
    combination: Named<CombinationPolicy>,
    unscored: Named<UnscoredPolicy>,
    alternative_counting: Named<AlternativeCounting>,
    #[pyo3(from_py_with = min_samples)] min_samples: u32,
    #[pyo3(from_py_with = min_events)] min_events: u32,
    min_agreement: f64,
) -> PyResult<Py<PyAny>> {
    let policies = policies(
        year_pass,
        participation,
        combination,
        unscored,
        alternative_counting,
        min_samples,
        min_events,
        min_agreement,
    )?;
    let catalogue: Catalogue = from_py(catalogue)?;
    let mapping: Mapping = from_py(mapping)?;
    let hospitals: Vec<Hospital> = from_py(hospitals)?;
    let outcomes: Vec<ItemOutcome> = from_py(outcomes)?;
    let report = py
        .detach(|| {
            indicators::provider_indicators(
                &catalogue, &mapping, &hospitals, &outcomes, &scope.0, &policies,
            )
        })
        .map_err(CoreError)?;
    to_py(py, &report)
}

/// Every problem in the inputs, as {"issues": [{"kind", "location",
/// "message"}, ...]}: unknown catalogue codes, unmapped analytes, duplicate
/// records, performed lists omitting items with EQA results, bad
/// alternative assessments. Nothing is dropped.
///
/// Raises InvalidInputError (invalid_document) for documents that do not
/// match their schema.
#[pyfunction]
pub(crate) fn validate_indicator_inputs(
    py: Python<'_>,
    catalogue: &Bound<'_, PyAny>,
    mapping: &Bound<'_, PyAny>,
    hospitals: &Bound<'_, PyAny>,
    outcomes: &Bound<'_, PyAny>,
) -> PyResult<Py<PyAny>> {
    let catalogue: Catalogue = from_py(catalogue)?;
    let mapping: Mapping = from_py(mapping)?;
    let hospitals: Vec<Hospital> = from_py(hospitals)?;
    let outcomes: Vec<ItemOutcome> = from_py(outcomes)?;
    let report =
        py.detach(|| indicators::validate_inputs(&catalogue, &mapping, &hospitals, &outcomes));
    to_py(py, &report)
}

/// A hospital_indicators result's items as CSV text: one row per item with
/// its flags, status, national status, coverages and alternative assessment.
///
/// Raises InvalidInputError (invalid_document) for a result that does not
/// match its schema.
#[pyfunction]
pub(crate) fn hospital_indicators_csv(result: &Bound<'_, PyAny>) -> PyResult<String> {
    let result: HospitalIndicators = from_py(result)?;
    Ok(result.items_csv())
}

/// One table of a provider_indicators report as CSV text: "hospitals" (each
/// indicator's numerator, denominator and value per hospital),
/// "distributions" (per group and indicator) or "failed_items" (per group
/// and item).
///
/// Raises InvalidInputError (invalid_document) for a report that does not
/// match its schema, InvalidParameterError for an unknown table.
#[pyfunction]
#[pyo3(signature = (report, *, table))]
pub(crate) fn provider_indicators_csv(
    report: &Bound<'_, PyAny>,
    table: Named<ReportTable>,
) -> PyResult<String> {
    let report: ProviderReport = from_py(report)?;
    Ok(report.to_csv(table.0))
}
