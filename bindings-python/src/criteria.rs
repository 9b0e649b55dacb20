//! Acceptance limits, the shipped criteria tables and unit conversions:
//! `judge`, `builtin_criteria`, `nccl_2024_criteria`, `clia_2024_criteria`,
//! `find_criterion`, `convert_unit` and `unit_conversions`, computed by
//! [`eqa::plan::limits`], [`eqa::plan::criteria`] and [`eqa::plan::units`].
//!
//! Numbers that are judged or converted cross as `str`, `int`, `float` or
//! `decimal.Decimal`: text and integers are read exactly, a float through its
//! shortest text (`0.1` is 0.1). Decimals leave as strings.

use eqa::Error;
use eqa::plan::criteria::Criteria;
use eqa::plan::limits::{AcceptanceLimit, Boundary};
use eqa::plan::reported::{Reported, from_f64};
use eqa::plan::units;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyFloat, PyInt, PyString};
use rust_decimal::Decimal;

use crate::document::{from_py, to_py};
use crate::errors::CoreError;

/// A number given as `str`, `int`, `float` or `decimal.Decimal`, exactly.
fn decimal(name: &'static str, value: &Bound<'_, PyAny>) -> PyResult<Decimal> {
    let text = |v: &Bound<'_, PyAny>| -> PyResult<Option<Decimal>> {
        Ok(Reported::new(v.str()?.to_cow()?.into_owned()).as_number())
    };
    let read = if value.is_instance_of::<PyBool>() {
        None
    } else if value.is_instance_of::<PyString>() || value.is_instance_of::<PyInt>() {
        text(value)?
    } else if value.is_instance_of::<PyFloat>() {
        from_f64(value.extract::<f64>()?)
    } else if value.is_instance(&value.py().import("decimal")?.getattr("Decimal")?)? {
        text(value)?
    } else {
        None
    };
    read.ok_or_else(|| {
        CoreError(Error::InvalidParameter {
            name,
            value: value.repr().map(|r| r.to_string()).unwrap_or_default(),
            expected: "a finite decimal number as str, int, float or decimal.Decimal",
        })
        .into()
    })
}

/// The `boundary` option, by the core's names.
fn boundary(name: &str) -> PyResult<Boundary> {
    serde_json::from_value(serde_json::Value::String(name.to_owned())).map_err(|_| {
        CoreError(Error::InvalidParameter {
            name: "boundary",
            value: name.to_owned(),
            expected: "\"inclusive\" or \"exclusive\"",
        })
        .into()
    })
}

/// Judges a reported value against a target exactly, in decimal arithmetic:
/// acceptable when |value - target| <= L(target), or < with boundary
/// "exclusive". limit is a dict such as {"kind": "percent", "percent": 10},
/// {"kind": "absolute", "absolute": "0.5"}, {"kind": "greater_of",
/// "absolute": 0.33, "percent": 10}, {"kind": "piecewise", "breakpoint": 4,
/// "absolute": 0.2, "percent": 5} or {"kind": "sd_multiple", "k": 2} (which
/// needs sd, the peer group's standard deviation). Returns {"acceptable":
/// bool, "allowed": str, "deviation": str}, the allowed deviation and value
/// - target as decimal text.
///
/// Raises InvalidParameterError for a value, target or sd that is not a
/// number, a limit number that is not positive, a missing sd, an ordinal or
/// categorical limit, or another boundary; InvalidInputError for a limit
/// that is not a limit (invalid_document).
#[pyfunction]
#[pyo3(signature = (value, target, limit, *, sd = None, boundary = "inclusive"))]
pub(crate) fn judge(
    py: Python<'_>,
    value: &Bound<'_, PyAny>,
    target: &Bound<'_, PyAny>,
    limit: &Bound<'_, PyAny>,
    sd: Option<&Bound<'_, PyAny>>,
    boundary: &str,
) -> PyResult<Py<PyAny>> {
    let value = decimal("value", value)?;
    let target = decimal("target", target)?;
    let sd = sd.map(|s| decimal("sd", s)).transpose()?;
    let boundary = self::boundary(boundary)?;
    let limit: AcceptanceLimit = from_py(limit)?;
    limit.check().map_err(CoreError)?;
    let judgement = limit
        .judge(value, target, sd, boundary)
        .map_err(CoreError)?;
    to_py(py, &judgement)
}

/// Every shipped criteria table (NCCL 2024, then CLIA 2024) as a dict
/// {"tables": [...]}.
#[pyfunction]
pub(crate) fn builtin_criteria(py: Python<'_>) -> PyResult<Py<PyAny>> {
    to_py(py, &Criteria::builtin().map_err(CoreError)?)
}

/// The NCCL 2024 criteria tables (programs NCCL-C-01 to NCCL-C-06).
#[pyfunction]
pub(crate) fn nccl_2024_criteria(py: Python<'_>) -> PyResult<Py<PyAny>> {
    to_py(py, &Criteria::nccl_2024().map_err(CoreError)?)
}

/// The CLIA 2024 criteria tables (programs chemistry, endocrinology,
/// hematology, coagulation); limits not cross-checked are marked
/// confirmed=False with a note starting with UNCONFIRMED.
#[pyfunction]
pub(crate) fn clia_2024_criteria(py: Python<'_>) -> PyResult<Py<PyAny>> {
    to_py(py, &Criteria::clia_2024().map_err(CoreError)?)
}

/// The criterion of an analyte for a provider's program in a year, from the
/// table of that provider and program with the latest year not after year;
/// None when there is none. criteria is a dict {"tables": [...]}, a single
/// table, or JSON text of either.
///
/// Raises InvalidInputError (invalid_document, with the path) for criteria
/// that do not match the schema or hold a bad limit.
#[pyfunction]
#[pyo3(signature = (criteria, *, provider, year, program, analyte))]
pub(crate) fn find_criterion(
    py: Python<'_>,
    criteria: &Bound<'_, PyAny>,
    provider: &str,
    year: i32,
    program: &str,
    analyte: &str,
) -> PyResult<Option<Py<PyAny>>> {
    let criteria = if let Ok(text) = criteria.cast::<PyString>() {
        Criteria::from_json(&text.to_cow()?).map_err(CoreError)?
    } else {
        let json = py.import("json")?;
        let text: String = json.call_method1("dumps", (criteria,))?.extract()?;
        Criteria::from_json(&text).map_err(CoreError)?
    };
    criteria
        .find(provider, year, program, analyte)
        .map(|(_, criterion)| to_py(py, criterion))
        .transpose()
}

/// Converts an analyte's value between its conventional and SI units
/// exactly (glucose 90 mg/dL = 90 / 18.016 mmol/L); the same unit gives
/// the value unchanged. Spellings such as µmol/L, μmol/L and umol/L are one
/// unit. Returns the result as decimal text.
///
/// Raises InvalidParameterError for a value that is not a number, or (name
/// "unit") a pair of units with no conversion for the analyte.
#[pyfunction]
#[pyo3(signature = (value, *, analyte, from_unit, to_unit))]
pub(crate) fn convert_unit(
    value: &Bound<'_, PyAny>,
    analyte: &str,
    from_unit: &str,
    to_unit: &str,
) -> PyResult<String> {
    let value = decimal("value", value)?;
    let converted = units::convert(analyte, value, from_unit, to_unit).map_err(CoreError)?;
    Ok(converted.to_string())
}

/// The documented conversion factors: one dict per analyte with analyte,
/// name, conventional_unit, si_unit, factor (decimal text), direction
/// ("si_per_conventional": SI = conventional * factor, or
/// "conventional_per_si": SI = conventional / factor), source and confirmed.
#[pyfunction]
pub(crate) fn unit_conversions(py: Python<'_>) -> PyResult<Py<PyAny>> {
    to_py(py, &units::CONVERSIONS)
}
