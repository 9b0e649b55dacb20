//! The exceptions: one base class `EqaError`, one subclass per family of
//! [`eqa::Error`], chosen by the one `match` in [`describe`].
//!
//! Every exception carries the core's stable `code` and a `details` dict of
//! the variant's fields; its message is the core's.

use eqa::Error;
use pyo3::exceptions::{PyArithmeticError, PyException, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyType};

pyo3::create_exception!(
    eqa,
    EqaError,
    PyException,
    "The base class of eqa's errors.\n\n\
     `code` is the stable snake_case code of the error and `details` a dict \
     of its fields (for example `index` and `value` for non_finite_value)."
);

/// A core error on its way to Python: the error type of every binding
/// function, converted to the exception of its family.
pub(crate) struct CoreError(pub(crate) Error);

/// The result of every binding function that calls the core.
pub(crate) type EqaResult<T> = Result<T, CoreError>;

impl From<Error> for CoreError {
    fn from(err: Error) -> Self {
        CoreError(err)
    }
}

impl From<CoreError> for PyErr {
    fn from(err: CoreError) -> PyErr {
        Python::attach(|py| exception(py, &err.0).unwrap_or_else(|failed| failed))
    }
}

/// The families of errors, each a subclass of `EqaError` and of the
/// built-in exception that Python code would expect.
#[derive(Clone, Copy)]
enum Family {
    InvalidInput,
    InvalidParameter,
    ZeroScale,
    NumericalOverflow,
}

impl Family {
    const ALL: [Family; 4] = [
        Family::InvalidInput,
        Family::InvalidParameter,
        Family::ZeroScale,
        Family::NumericalOverflow,
    ];

    fn name(self) -> &'static str {
        match self {
            Family::InvalidInput => "InvalidInputError",
            Family::InvalidParameter => "InvalidParameterError",
            Family::ZeroScale => "ZeroScaleError",
            Family::NumericalOverflow => "NumericalOverflowError",
        }
    }

    fn doc(self) -> &'static str {
        match self {
            Family::InvalidInput => {
                "The values cannot be used: too few of them (too_few_values), \
                 one is NaN or infinite (non_finite_value, with its index), \
                 or a document does not match its schema (invalid_document, \
                 with the path of the bad field)."
            }
            Family::InvalidParameter => {
                "An option is outside its domain (invalid_parameter): details \
                 give its name, the rejected value and what is expected."
            }
            Family::ZeroScale => {
                "The scale estimate is zero (zero_scale), typically because more \
                 than half of the values are equal; see the zero_scale option."
            }
            Family::NumericalOverflow => {
                "A result overflowed the range of float (overflow); rescale the \
                 values (change their unit)."
            }
        }
    }

    fn builtin(self, py: Python<'_>) -> Bound<'_, PyType> {
        match self {
            Family::InvalidInput | Family::InvalidParameter => py.get_type::<PyValueError>(),
            Family::ZeroScale | Family::NumericalOverflow => py.get_type::<PyArithmeticError>(),
        }
    }

    /// The class, created on first use as `class Name(EqaError, builtin)`.
    fn class(self, py: Python<'_>) -> PyResult<Bound<'_, PyType>> {
        static CLASSES: [PyOnceLock<Py<PyType>>; 4] = [const { PyOnceLock::new() }; 4];
        let class = CLASSES[self as usize].get_or_try_init(py, || {
            let namespace = PyDict::new(py);
            namespace.set_item("__module__", "eqa")?;
            namespace.set_item("__doc__", self.doc())?;
            let bases = (py.get_type::<EqaError>(), self.builtin(py));
            let class = py
                .get_type::<PyType>()
                .call1((self.name(), bases, namespace))?;
            PyResult::Ok(class.cast_into::<PyType>()?.unbind())
        })?;
        Ok(class.bind(py).clone())
    }
}

/// The family and the structured fields of a core error: the one place
/// where core errors meet Python classes.
fn describe<'py>(py: Python<'py>, err: &Error) -> PyResult<(Option<Family>, Bound<'py, PyDict>)> {
    let details = PyDict::new(py);
    let family = match err {
        Error::TooFewValues {
            estimator,
            needed,
            got,
        } => {
            details.set_item("estimator", estimator)?;
            details.set_item("needed", needed)?;
            details.set_item("got", got)?;
            Some(Family::InvalidInput)
        }
        Error::NonFiniteValue { index, value } => {
            details.set_item("index", index)?;
            details.set_item("value", value)?;
            Some(Family::InvalidInput)
        }
        Error::InvalidParameter {
            name,
            value,
            expected,
        } => {
            details.set_item("name", name)?;
            details.set_item("value", value)?;
            details.set_item("expected", expected)?;
            Some(Family::InvalidParameter)
        }
        Error::ZeroScale {
            estimator,
            ties,
            n,
            median,
        } => {
            details.set_item("estimator", estimator)?;
            details.set_item("ties", ties)?;
            details.set_item("n", n)?;
            details.set_item("median", median)?;
            Some(Family::ZeroScale)
        }
        Error::LengthMismatch {
            what,
            expected,
            got,
        } => {
            details.set_item("what", what)?;
            details.set_item("expected", expected)?;
            details.set_item("got", got)?;
            Some(Family::InvalidInput)
        }
        Error::Overflow { estimator } => {
            details.set_item("estimator", estimator)?;
            Some(Family::NumericalOverflow)
        }
        Error::InvalidDocument { path, message } => {
            details.set_item("path", path)?;
            details.set_item("message", message)?;
            Some(Family::InvalidInput)
        }
        // A variant added to the core after this binding: still an EqaError
        // with its code and message.
        _ => None,
    };
    Ok((family, details))
}

/// The Python exception for a core error.
fn exception(py: Python<'_>, err: &Error) -> PyResult<PyErr> {
    let (family, details) = describe(py, err)?;
    let class = match family {
        Some(family) => family.class(py)?,
        None => py.get_type::<EqaError>(),
    };
    let instance = class.call1((err.to_string(),))?;
    instance.setattr("code", err.code())?;
    instance.setattr("details", details)?;
    Ok(PyErr::from_value(instance))
}

/// Adds `EqaError` and its subclasses to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("EqaError", py.get_type::<EqaError>())?;
    for family in Family::ALL {
        m.add(family.name(), family.class(py)?)?;
    }
    Ok(())
}
