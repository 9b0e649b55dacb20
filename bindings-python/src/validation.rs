//! `load_plan` and `validate_submission`: a plan read and checked by
//! [`eqa::plan::Plan::from_json`], and a laboratory's submissions checked
//! against it by [`eqa::results::validation::validate_submission`].

use eqa::Error;
use eqa::plan::Plan;
use eqa::plan::timestamp::Timestamp;
use eqa::results::Submission;
use pyo3::prelude::*;

use crate::document::{from_py, to_py};
use crate::errors::CoreError;
use crate::load::json_text;

/// A plan from a dict or JSON text, read and checked.
fn plan_of(document: &Bound<'_, PyAny>) -> PyResult<Plan> {
    let text = json_text(document)?;
    Ok(Plan::from_json(&text).map_err(CoreError)?)
}

/// Reads a plan (a dict or JSON text) and checks it: returns the plan as a
/// dict with every default filled in and decimals as text.
///
/// Raises InvalidInputError (invalid_document) whose details give the path
/// of the bad field (such as "programs[0].rounds[2].deadline") and the
/// message.
#[pyfunction]
pub(crate) fn load_plan(py: Python<'_>, document: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    let plan = plan_of(document)?;
    to_py(py, &plan)
}

/// Checks a laboratory's submissions (a list of submission dicts, or JSON
/// text) for one round of one program against the plan, at time now (RFC
/// 3339 text with an offset; no deadline check without it). Returns a dict
/// with valid (no error) and issues, each with path, code, severity,
/// analyte, sample, message_en and message_zh.
///
/// Raises InvalidInputError (invalid_document) for a plan or submissions
/// that do not match their schema, InvalidParameterError for a bad now.
#[pyfunction]
#[pyo3(signature = (plan, submissions, *, program, round, now = None))]
pub(crate) fn validate_submission(
    py: Python<'_>,
    plan: &Bound<'_, PyAny>,
    submissions: &Bound<'_, PyAny>,
    program: &str,
    round: &str,
    now: Option<&str>,
) -> PyResult<Py<PyAny>> {
    let plan = plan_of(plan)?;
    let submissions: Vec<Submission> = from_py(submissions)?;
    let now = now.map(parse_now).transpose().map_err(CoreError)?;
    let report = py.detach(|| {
        eqa::results::validation::validate_submission(&plan, program, round, &submissions, now)
    });
    to_py(py, &report)
}

/// Reads `now`, naming it in the error.
fn parse_now(text: &str) -> Result<Timestamp, Error> {
    text.parse().map_err(|_| Error::InvalidParameter {
        name: "now",
        value: text.to_owned(),
        expected: "an RFC 3339 time with an offset, such as 2026-04-20T17:00:00+08:00",
    })
}
