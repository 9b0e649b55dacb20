//! `load_results_csv`, `load_results_json` and `results_to_csv`: results
//! in long format, read and written by [`eqa::results::load`].

use eqa::results::Results;
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::document::{from_py, to_py};

/// JSON text as given, or a JSON-shaped object written as JSON text.
pub(crate) fn json_text(document: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(text) = document.cast::<PyString>() {
        return Ok(text.to_cow()?.into_owned());
    }
    let json = document.py().import("json")?;
    json.call_method1("dumps", (document,))?.extract::<String>()
}

/// Loads results from CSV text in long format (one row per sample value):
/// a dict with results (the submissions), problems (each with row, column,
/// code, severity and message; an error means the row was not loaded) and
/// rows (the number of data rows). Rows are numbered by their line, the
/// header being line 1.
///
/// Never raises for bad rows: every problem is listed.
#[pyfunction]
pub(crate) fn load_results_csv(py: Python<'_>, text: &str) -> PyResult<Py<PyAny>> {
    let loaded = py.detach(|| eqa::results::load_results_csv(text));
    to_py(py, &loaded)
}

/// Loads results from JSON: text, or a list of row dicts, a dict
/// {"rows": [...]}, or a whole results document. Returns the same dict as
/// load_results_csv; rows are numbered by their 1-based position.
///
/// Raises TypeError only for an object that is not JSON-shaped.
#[pyfunction]
pub(crate) fn load_results_json(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    let text = json_text(text)?;
    let loaded = py.detach(|| eqa::results::load_results_json(&text));
    to_py(py, &loaded)
}

/// Writes results (a dict or its JSON text) as CSV text in long format:
/// the 14 columns, one line per sample value in the order of the rows.
///
/// Raises InvalidInputError (invalid_document) for results that do not
/// match their schema.
#[pyfunction]
pub(crate) fn results_to_csv(py: Python<'_>, results: &Bound<'_, PyAny>) -> PyResult<String> {
    let results: Results = from_py(results)?;
    Ok(py.detach(|| eqa::results::results_to_csv(&results)))
}
