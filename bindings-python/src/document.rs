//! Documents crossing the boundary: plans, criteria, results, scorings and
//! reports travel as JSON-shaped Python objects (dicts, lists, strings,
//! numbers) or as JSON text, read and written by the core's serde types.

use eqa::Error;
use pyo3::prelude::*;
use pyo3::types::PyString;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::errors::CoreError;

/// Reads a core document from JSON text or from a JSON-shaped Python object
/// (converted with the standard `json` module).
///
/// # Errors
///
/// `InvalidInputError` (code `invalid_document`) with the path of the first
/// bad field; a `TypeError` if the object is not JSON-shaped.
pub(crate) fn from_py<T: DeserializeOwned>(document: &Bound<'_, PyAny>) -> PyResult<T> {
    let text = if let Ok(text) = document.cast::<PyString>() {
        text.to_cow()?.into_owned()
    } else {
        let json = document.py().import("json")?;
        json.call_method1("dumps", (document,))?
            .extract::<String>()?
    };
    from_text(&text).map_err(|e| CoreError(e).into())
}

/// Reads a core document from JSON text, naming the path of a bad field.
pub(crate) fn from_text<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| Error::InvalidDocument {
        path: e.path().to_string(),
        message: e.inner().to_string(),
    })
}

/// Writes a core value as a JSON-shaped Python object.
pub(crate) fn to_py<T: Serialize>(py: Python<'_>, value: &T) -> PyResult<Py<PyAny>> {
    let text = serde_json::to_string(value)
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
    let json = py.import("json")?;
    Ok(json.call_method1("loads", (text,))?.unbind())
}
