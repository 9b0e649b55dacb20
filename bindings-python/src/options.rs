//! Option strings in: each is parsed by the core's `FromStr`, so the accepted
//! names and the error for any other name are the core's.

use std::str::FromStr;

use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;

use crate::errors::CoreError;

/// A core option enum given by its name, such as `"iso"` for
/// [`eqa::Constants::Iso`]. A name the core does not know raises
/// `InvalidParameterError`; a value that is not a string raises `TypeError`.
pub(crate) struct Named<T>(pub(crate) T);

impl<'a, 'py, T> FromPyObject<'a, 'py> for Named<T>
where
    T: FromStr<Err = eqa::Error>,
{
    type Error = PyErr;

    fn extract(ob: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let name: PyBackedStr = ob.extract()?;
        name.parse().map(Named).map_err(|err| CoreError(err).into())
    }
}

/// A count given as a Python int: a negative or too large one raises
/// `InvalidParameterError` naming the option, as in the JavaScript binding;
/// a value that is not an int raises `TypeError`.
pub(crate) fn count<T: TryFrom<i128>>(name: &'static str, ob: &Bound<'_, PyAny>) -> PyResult<T> {
    let value: i128 = ob.extract()?;
    T::try_from(value).map_err(|_| {
        CoreError(eqa::Error::InvalidParameter {
            name,
            value: value.to_string(),
            expected: "a whole number from 0 to the largest the option takes",
        })
        .into()
    })
}

/// The `max_iter` option.
pub(crate) fn max_iter(ob: &Bound<'_, PyAny>) -> PyResult<u32> {
    count("max_iter", ob)
}

/// The number of participants `p`.
pub(crate) fn participants(ob: &Bound<'_, PyAny>) -> PyResult<usize> {
    count("p", ob)
}
