//! What the result classes of clause 7 and Annex B share: `__repr__` and
//! `__hash__` from their `to_dict`.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

/// `Name(field=value, ...)`, in the dict's order.
pub(crate) fn repr(name: &str, dict: &Bound<'_, PyDict>) -> PyResult<String> {
    let fields = dict
        .iter()
        .map(|(field, value)| Ok(format!("{field}={}", value.repr()?)))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(format!("{name}({})", fields.join(", ")))
}

/// The hash of the dict's values, lists taken as tuples.
pub(crate) fn hash(dict: &Bound<'_, PyDict>) -> PyResult<isize> {
    let py = dict.py();
    let values = dict
        .values()
        .iter()
        .map(|value| match value.cast::<PyList>() {
            Ok(list) => Ok(list.to_tuple().into_any()),
            Err(_) => Ok(value),
        })
        .collect::<PyResult<Vec<_>>>()?;
    PyTuple::new(py, values)?.hash()
}
