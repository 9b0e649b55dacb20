//! `lab_report`, `round_summary` and their CSV forms (domain §9 items 1–2),
//! built by [`eqa::report`]. Results and scorings arrive as dicts (or JSON
//! text), reports leave as dicts or CSV text.

use eqa::results::Results;
use eqa::scoring::RoundScoring;
use pyo3::prelude::*;

use crate::document::{from_py, to_py};
use crate::errors::CoreError;

/// The report of one laboratory (by its code) for a scored round: program,
/// round, lab, settings, program_score, and analytes, each with its score,
/// threshold, outcome, mean_vis, failures ("systematic" when the
/// unacceptable values all deviate to one side, "random" when to both, or
/// None) and samples: the text reported (from results, by the evaluation's
/// row), value, target, allowed, bias, bias_percent, z, verdict, reason,
/// expected, vis and peer (the peer group's rung, key, n, method, sd, cv).
///
/// Raises InvalidParameterError for a laboratory not in the scoring,
/// InvalidInputError (invalid_document) for documents that do not match
/// their schema or each other (a row not in results, a group index beyond
/// the scoring's groups).
#[pyfunction]
#[pyo3(signature = (results, scoring, *, lab))]
pub(crate) fn lab_report(
    py: Python<'_>,
    results: &Bound<'_, PyAny>,
    scoring: &Bound<'_, PyAny>,
    lab: &str,
) -> PyResult<Py<PyAny>> {
    let (results, scoring) = documents(results, scoring)?;
    let report = py
        .detach(|| eqa::lab_report(&results, &scoring, lab))
        .map_err(CoreError)?;
    to_py(py, &report)
}

/// lab_report as CSV text: a header, then one row per sample value with its
/// analyte's score; numbers in their shortest round-trip form, None as an
/// empty cell.
///
/// Raises as lab_report.
#[pyfunction]
#[pyo3(signature = (results, scoring, *, lab))]
pub(crate) fn lab_report_csv(
    py: Python<'_>,
    results: &Bound<'_, PyAny>,
    scoring: &Bound<'_, PyAny>,
    lab: &str,
) -> PyResult<String> {
    let (results, scoring) = documents(results, scoring)?;
    let report = py
        .detach(|| eqa::lab_report(&results, &scoring, lab))
        .map_err(CoreError)?;
    Ok(report.to_csv())
}

/// The peer-group statistics of a scored round: program, round, groups
/// (per analyte, sample and group: rung, key, n, n_used, target,
/// uncertainty, sd, cv, median, category, agreement, method, warnings, and
/// scored, acceptable and acceptance_rate, in percent, of the values judged
/// against the group's target) and analytes (per analyte: labs, scored,
/// acceptable, satisfactory_labs, unsatisfactory_labs, not_returned, late,
/// no_score, excused).
///
/// Raises InvalidInputError (invalid_document) for a scoring that does not
/// match its schema or names a group beyond its groups.
#[pyfunction]
pub(crate) fn round_summary(py: Python<'_>, scoring: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    let scoring: RoundScoring = from_py(scoring)?;
    let summary = py
        .detach(|| eqa::round_summary(&scoring))
        .map_err(CoreError)?;
    to_py(py, &summary)
}

/// round_summary's groups as CSV text: a header, then one row per peer
/// group of each analyte and sample.
///
/// Raises as round_summary.
#[pyfunction]
pub(crate) fn round_summary_csv(py: Python<'_>, scoring: &Bound<'_, PyAny>) -> PyResult<String> {
    let scoring: RoundScoring = from_py(scoring)?;
    let summary = py
        .detach(|| eqa::round_summary(&scoring))
        .map_err(CoreError)?;
    Ok(summary.to_csv())
}

fn documents(
    results: &Bound<'_, PyAny>,
    scoring: &Bound<'_, PyAny>,
) -> PyResult<(Results, RoundScoring)> {
    Ok((from_py(results)?, from_py(scoring)?))
}
