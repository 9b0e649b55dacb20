//! What the Annex C bindings (`q_method.rs`, `hampel.rs`, `qn.rs`,
//! `algorithm_s.rs`) share: the frozen result classes, participants' results
//! with or without replicates, and whole-number arguments.

use std::borrow::Cow;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;

use crate::errors::CoreError;
use crate::sample::{Values, as_slice};

/// A frozen result class around a core result: one getter per field, and
/// `to_dict`, `__repr__`, `__eq__`, `__hash__` over the same fields in order.
macro_rules! frozen_result {
    (
        $(#[doc = $doc:literal])*
        $name:ident($core:ty) as $py_name:literal {
            $( $(#[doc = $fdoc:literal])* $field:ident: $ty:ty = $get:expr; )+
        }
    ) => {
        $(#[doc = $doc])*
        #[pyo3::pyclass(frozen, module = "eqa", name = $py_name)]
        pub(crate) struct $name(pub(crate) $core);

        impl From<$core> for $name {
            fn from(result: $core) -> Self {
                $name(result)
            }
        }

        #[pyo3::pymethods]
        impl $name {
            $(
                $(#[doc = $fdoc])*
                #[getter]
                fn $field(&self) -> $ty {
                    let get: fn(&$core) -> $ty = $get;
                    get(&self.0)
                }
            )+

            /// The fields as a dict, in declaration order.
            fn to_dict<'py>(
                &self,
                py: pyo3::Python<'py>,
            ) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::types::PyDict>> {
                use pyo3::types::PyDictMethods;
                let dict = pyo3::types::PyDict::new(py);
                $( dict.set_item(stringify!($field), self.$field())?; )+
                Ok(dict)
            }

            fn __repr__(&self, py: pyo3::Python<'_>) -> pyo3::PyResult<String> {
                use pyo3::types::{PyAnyMethods, PyDictMethods};
                let fields = self
                    .to_dict(py)?
                    .iter()
                    .map(|(name, value)| Ok(format!("{name}={}", value.repr()?)))
                    .collect::<pyo3::PyResult<Vec<_>>>()?;
                Ok(format!("{}({})", $py_name, fields.join(", ")))
            }

            fn __eq__(&self, other: pyo3::PyRef<'_, Self>) -> bool {
                self.0 == other.0
            }

            fn __hash__(&self, py: pyo3::Python<'_>) -> pyo3::PyResult<isize> {
                use pyo3::types::{PyAnyMethods, PyDictMethods, PyListMethods};
                self.to_dict(py)?.values().to_tuple().hash()
            }
        }
    };
}

pub(crate) use frozen_result;

/// The results of the participants: a 1-D array-like (one result each) or a
/// sequence of 1-D array-likes (replicates; a 2-D array gives its rows).
pub(crate) enum Results<'py> {
    /// One result per participant.
    One(Values<'py>),
    /// Replicates, one array per participant.
    Replicates(Vec<Values<'py>>),
}

impl<'a, 'py> FromPyObject<'a, 'py> for Results<'py> {
    type Error = PyErr;

    fn extract(ob: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if let Ok(values) = ob.extract::<Values<'py>>() {
            return Ok(Results::One(values));
        }
        if !ob.is_instance_of::<pyo3::types::PyString>()
            && let Ok(groups) = ob.extract::<Vec<Values<'py>>>()
        {
            return Ok(Results::Replicates(groups));
        }
        Err(PyTypeError::new_err(
            "x must be a 1-D array of numbers (one result per participant) \
             or a sequence of 1-D arrays (replicates, one per participant)",
        ))
    }
}

/// The results as slices: borrowed where the arrays are contiguous.
pub(crate) enum Slices<'a> {
    /// One result per participant.
    One(Cow<'a, [f64]>),
    /// Replicates.
    Replicates(Vec<Cow<'a, [f64]>>),
}

impl<'py> Results<'py> {
    pub(crate) fn slices(&self) -> Slices<'_> {
        match self {
            Results::One(values) => Slices::One(as_slice(values)),
            Results::Replicates(groups) => {
                Slices::Replicates(groups.iter().map(as_slice).collect())
            }
        }
    }
}

/// The degrees of freedom ν given as a Python int: a negative or too large
/// one raises `InvalidParameterError` naming `nu`; a value that is not an int
/// raises `TypeError`.
pub(crate) fn nu(ob: &Bound<'_, PyAny>) -> PyResult<u32> {
    let value: i128 = ob.extract()?;
    u32::try_from(value).map_err(|_| {
        CoreError(eqa::Error::InvalidParameter {
            name: "nu",
            value: value.to_string(),
            expected: "a whole number of degrees of freedom from 1 to 1000",
        })
        .into()
    })
}
