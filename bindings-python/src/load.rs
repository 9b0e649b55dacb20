//! `load_results_csv`, `load_results_json` and `results_to_csv`: results
//! in long format, read and written by [`eqa::results::load`].

use eqa::results::Results;
use eqa::results::encoding::TextEncoding;
use pyo3::exceptions::PyFileNotFoundError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyString};

use crate::document::{from_py, to_py};
use crate::options::Named;

/// JSON text as given, or a JSON-shaped object written as JSON text.
pub(crate) fn json_text(document: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(text) = document.cast::<PyString>() {
        return Ok(text.to_cow()?.into_owned());
    }
    let json = document.py().import("json")?;
    json.call_method1("dumps", (document,))?.extract::<String>()
}

/// The bytes of a file given as bytes, a bytearray or a path (an
/// `os.PathLike`, such as `pathlib.Path`); `None` for anything else.
fn file_bytes(source: &Bound<'_, PyAny>) -> PyResult<Option<Vec<u8>>> {
    if let Ok(bytes) = source.cast::<PyBytes>() {
        return Ok(Some(bytes.as_bytes().to_vec()));
    }
    if let Ok(bytes) = source.cast::<PyByteArray>() {
        return Ok(Some(bytes.to_vec()));
    }
    if source.hasattr("__fspath__")? {
        let path: std::path::PathBuf = source.extract()?;
        return std::fs::read(&path).map(Some).map_err(|e| {
            PyFileNotFoundError::new_err(format!("cannot read {}: {e}", path.display()))
        });
    }
    Ok(None)
}

/// Loads results from CSV in long format (one row per sample value): text,
/// or the bytes of a file (bytes, bytearray or a path) read in `encoding`
/// ("auto", the default: a byte-order mark, then UTF-8, then GB18030;
/// "utf-8", "utf-16le", "utf-16be" or "gb18030"). Returns a dict with
/// results (the submissions), problems (each with row, column, code,
/// severity and message; an error means the row was not loaded) and rows
/// (the number of data rows). Rows are numbered by their physical line, the
/// header being line 1.
///
/// Never raises for bad rows: every problem is listed. Raises
/// FileNotFoundError for a path that cannot be read.
#[pyfunction]
#[pyo3(signature = (source, *, encoding = Named(TextEncoding::Auto)), text_signature = "(source, *, encoding='auto')")]
pub(crate) fn load_results_csv(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    encoding: Named<TextEncoding>,
) -> PyResult<Py<PyAny>> {
    let loaded = match file_bytes(source)? {
        Some(bytes) => py.detach(|| eqa::results::load_results_csv_bytes(&bytes, encoding.0)),
        None => {
            let text: String = source.extract()?;
            py.detach(|| eqa::results::load_results_csv(&text))
        }
    };
    to_py(py, &loaded)
}

/// Loads results from JSON: text, the bytes of a file (bytes, bytearray or
/// a path) read in `encoding` as for load_results_csv, or a list of row
/// dicts, a dict {"rows": [...]}, or a whole results document. Returns the
/// same dict as load_results_csv; rows are numbered by their 1-based
/// position.
///
/// Raises TypeError only for an object that is not JSON-shaped.
#[pyfunction]
#[pyo3(signature = (source, *, encoding = Named(TextEncoding::Auto)), text_signature = "(source, *, encoding='auto')")]
pub(crate) fn load_results_json(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    encoding: Named<TextEncoding>,
) -> PyResult<Py<PyAny>> {
    let loaded = match file_bytes(source)? {
        Some(bytes) => py.detach(|| eqa::results::load_results_json_bytes(&bytes, encoding.0)),
        None => {
            let text = json_text(source)?;
            py.detach(|| eqa::results::load_results_json(&text))
        }
    };
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
