//! `score_round`, `score_year` and `vis_score`: a round scored by
//! [`eqa::score_round`] (every value evaluated, peer groups and targets, PT
//! scores of analytes and programs), and the legacy VIS score
//! [`eqa::scoring::vis_score`]. Documents arrive as dicts or JSON text; the
//! scoring leaves as a dict.

use eqa::plan::Plan;
use eqa::plan::criteria::Criteria;
use eqa::results::Results;
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::document::{from_text, to_py};
use crate::errors::{CoreError, EqaResult};

/// A document's JSON text: the text itself, or a JSON-shaped object
/// written by the standard `json` module.
fn text_of(document: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(text) = document.cast::<PyString>() {
        return Ok(text.to_cow()?.into_owned());
    }
    let json = document.py().import("json")?;
    json.call_method1("dumps", (document,))?.extract()
}

/// The plan, criteria and results, read and checked.
fn documents(
    plan: &Bound<'_, PyAny>,
    criteria: &Bound<'_, PyAny>,
    results: &Bound<'_, PyAny>,
) -> PyResult<(Plan, Criteria, Results)> {
    let plan = Plan::from_json(&text_of(plan)?).map_err(CoreError)?;
    let criteria = if criteria.is_none() {
        Criteria::default()
    } else {
        Criteria::from_json(&text_of(criteria)?).map_err(CoreError)?
    };
    let results: Results = from_text(&text_of(results)?).map_err(CoreError)?;
    Ok((plan, criteria, results))
}

/// Scores one round of a program (domain §4): returns a dict with program,
/// round, settings, groups (every peer group with its target), evaluations
/// (one per input value, plus missing and not-returned samples, each with
/// verdict and reason), analyte_scores and program_scores.
///
/// plan, criteria (a criteria object, a single table, or None for no
/// table) and results are dicts or JSON text. The counted submission of a
/// laboratory and analyte is the last version submitted by the deadline;
/// an enrolled analyte not returned scores 0; decimals (thresholds) are
/// text.
///
/// Raises InvalidParameterError for an unknown program or round (details
/// name "program" or "round") or a scoring setting out of its domain,
/// InvalidInputError (invalid_document) for a document that does not match
/// its schema or a bad given target.
#[pyfunction]
#[pyo3(signature = (plan, criteria, results, *, program, round))]
pub(crate) fn score_round(
    py: Python<'_>,
    plan: &Bound<'_, PyAny>,
    criteria: &Bound<'_, PyAny>,
    results: &Bound<'_, PyAny>,
    program: &str,
    round: &str,
) -> PyResult<Py<PyAny>> {
    let (plan, criteria, results) = documents(plan, criteria, results)?;
    let scoring = py
        .detach(|| eqa::score_round(&plan, &criteria, &results, program, round))
        .map_err(CoreError)?;
    to_py(py, &scoring)
}

/// Scores every round of a program, in plan order: a list of the dicts
/// score_round returns.
///
/// Raises as score_round.
#[pyfunction]
#[pyo3(signature = (plan, criteria, results, *, program))]
pub(crate) fn score_year(
    py: Python<'_>,
    plan: &Bound<'_, PyAny>,
    criteria: &Bound<'_, PyAny>,
    results: &Bound<'_, PyAny>,
    program: &str,
) -> PyResult<Py<PyAny>> {
    let (plan, criteria, results) = documents(plan, criteria, results)?;
    let year = py
        .detach(|| eqa::score_year(&plan, &criteria, &results, program))
        .map_err(CoreError)?;
    to_py(py, &year)
}

/// The legacy variance index score (domain §4.9): V = 100(x - T)/T,
/// VI = 100 V / CCV, VIS = min(round(|VI|), 400), rounded half away from
/// zero. Chloride 101 against 98 with CCV 2.2 % gives 139.
///
/// Raises InvalidParameterError for a non-finite value or target, a target
/// of 0, or a CCV that is not positive.
#[pyfunction]
pub(crate) fn vis_score(value: f64, target: f64, ccv: f64) -> EqaResult<u32> {
    Ok(eqa::scoring::vis_score(value, target, ccv)?)
}
