//! σ_pt: `SigmaPt` and the `sigma_pt_*` functions; the u(x_pt) check:
//! `UncertaintyCheck` and `check_uncertainty`.

use eqa::{
    GeneralModel, LimitFraction, MassFractionUnit, PreviousRoundsModel, Provenance,
    WhenNotNegligible,
};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::PyDict;

use crate::errors::{CoreError, EqaResult};
use crate::options::Named;
use crate::sample::{Values, as_slice};

/// A standard deviation for proficiency assessment with its provenance: the
/// method and the inputs it came from. float(sigma) is its value, so a
/// SigmaPt can be passed wherever sigma_pt is expected.
#[pyclass(frozen, module = "eqa", name = "SigmaPt")]
pub(crate) struct SigmaPt(eqa::SigmaPt);

#[pymethods]
impl SigmaPt {
    /// sigma_pt, positive and finite.
    #[getter]
    fn value(&self) -> f64 {
        self.0.value
    }

    /// The method: "fitness_for_purpose", "previous_rounds", "general_model",
    /// "precision_experiment" or "robust_sd".
    #[getter]
    fn method(&self) -> &'static str {
        self.0.method().as_str()
    }

    /// The method and its inputs, as a dict with the key "method".
    #[getter]
    fn provenance<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        provenance(py, &self.0)
    }

    /// {"value": ..., "provenance": {...}}.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("value", self.0.value)?;
        dict.set_item("provenance", provenance(py, &self.0)?)?;
        Ok(dict)
    }

    fn __float__(&self) -> f64 {
        self.0.value
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let inputs = provenance(py, &self.0)?
            .iter()
            .filter(|(k, _)| k.extract::<PyBackedStr>().is_ok_and(|k| &*k != "method"))
            .map(|(k, v)| Ok(format!("{k}={}", v.repr()?)))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(format!(
            "SigmaPt(value={:?}, method={:?}, {})",
            self.0.value,
            self.0.method().as_str(),
            inputs.join(", ")
        ))
    }

    fn __eq__(&self, other: PyRef<'_, Self>) -> bool {
        self.0 == other.0
    }
}

fn provenance<'py>(py: Python<'py>, s: &eqa::SigmaPt) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("method", s.method().as_str())?;
    match &s.provenance {
        Provenance::FitnessForPurpose { delta_e, fraction } => {
            dict.set_item("delta_e", delta_e)?;
            match fraction {
                LimitFraction::Factor(f) => dict.set_item("fraction", f)?,
                named => dict.set_item("fraction", named.as_str())?,
            }
        }
        Provenance::PreviousRounds {
            model,
            rounds,
            x_pt,
            intercept,
            slope,
        } => {
            dict.set_item("model", model.as_str())?;
            dict.set_item("rounds", rounds)?;
            dict.set_item("x_pt", x_pt)?;
            dict.set_item("intercept", intercept)?;
            dict.set_item("slope", slope)?;
        }
        Provenance::GeneralModel { model, c, unit } => {
            dict.set_item("model", model.as_str())?;
            dict.set_item("c", c)?;
            dict.set_item("unit", unit.as_str())?;
        }
        Provenance::PrecisionExperiment {
            reproducibility_sd,
            repeatability_sd,
            replicates,
        } => {
            dict.set_item("reproducibility_sd", reproducibility_sd)?;
            dict.set_item("repeatability_sd", repeatability_sd)?;
            dict.set_item("replicates", replicates)?;
        }
        Provenance::RobustSd { s_star, p } => {
            dict.set_item("s_star", s_star)?;
            dict.set_item("p", p)?;
        }
        // A method added to the core after this binding: its name only.
        _ => {}
    }
    Ok(dict)
}

/// The fraction of delta_e: "half", "third" or a positive factor.
pub(crate) struct Fraction(LimitFraction);

impl<'a, 'py> FromPyObject<'a, 'py> for Fraction {
    type Error = PyErr;

    fn extract(ob: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if let Ok(name) = ob.extract::<PyBackedStr>() {
            return name.parse().map(Fraction).map_err(|e| CoreError(e).into());
        }
        let factor: f64 = ob.extract()?;
        LimitFraction::factor(factor)
            .map(Fraction)
            .map_err(|e| CoreError(e).into())
    }
}

/// sigma_pt by fitness for purpose from a maximum permissible error delta_e
/// (ISO 13528:2022 8.2): fraction "third" (default, delta_e / 3: |z| >= 3
/// where |D| >= delta_e), "half" (delta_e / 2) or a positive factor.
///
/// Raises InvalidParameterError for a delta_e that is not positive and finite,
/// an unknown fraction name or a factor that is not positive and finite.
#[pyfunction]
#[pyo3(signature = (delta_e, *, fraction = Fraction(LimitFraction::default())),
       text_signature = "(delta_e, *, fraction='third')")]
pub(crate) fn sigma_pt_from_limit(delta_e: f64, fraction: Fraction) -> EqaResult<SigmaPt> {
    Ok(SigmaPt(eqa::sigma_pt_from_limit(delta_e, fraction.0)?))
}

/// The number of replicates m, as a Python int.
fn replicates(ob: &Bound<'_, PyAny>) -> PyResult<u32> {
    crate::options::count("replicates", ob)
}

/// sigma_pt = sqrt(sigma_R**2 - sigma_r**2 (1 - 1/m)) from a precision
/// experiment, for results that average m replicates (ISO 13528:2022 8.5,
/// Formula (9)).
///
/// Raises InvalidParameterError for a reproducibility SD that is not positive
/// and finite, a repeatability SD that is negative, not finite or too large
/// for it, or replicates < 1.
#[pyfunction]
pub(crate) fn sigma_pt_from_precision(
    reproducibility_sd: f64,
    repeatability_sd: f64,
    #[pyo3(from_py_with = replicates)] replicates: u32,
) -> EqaResult<SigmaPt> {
    Ok(SigmaPt(eqa::sigma_pt_from_precision(
        reproducibility_sd,
        repeatability_sd,
        replicates,
    )?))
}

/// sigma_pt from a general model of c, a concentration in `unit`
/// (ISO 13528:2022 8.4, Formula (8)): model "thompson" (default: Horwitz
/// with Thompson's modification, 0.22 c below 1.2e-7 and 0.01 sqrt(c) above
/// 0.138) or "horwitz" (0.02 c**0.8495 throughout); unit "fraction"
/// (default), "percent", "g/kg", "mg/kg", "ug/kg" or "ng/kg". sigma_pt is in
/// the same unit as c.
///
/// Raises InvalidParameterError unless c is a positive mass fraction of at most 1.
#[pyfunction]
#[pyo3(signature = (
    c,
    *,
    model = Named(GeneralModel::default()),
    unit = Named(MassFractionUnit::default()),
), text_signature = "(c, *, model='thompson', unit='fraction')")]
pub(crate) fn sigma_pt_general_model(
    c: f64,
    model: Named<GeneralModel>,
    unit: Named<MassFractionUnit>,
) -> EqaResult<SigmaPt> {
    Ok(SigmaPt(eqa::sigma_pt_general_model(c, model.0, unit.0)?))
}

/// sigma_pt from earlier rounds' assigned values and standard deviations
/// (ISO 13528:2022 8.3), read at this round's x_pt: model "linear" (default:
/// a least-squares line, at least 3 rounds), "constant_rsd" (|x_pt| times the
/// mean relative SD) or "pooled" (the root mean square of the SDs).
///
/// Raises InvalidInputError for too few rounds, lengths that differ or a
/// non-finite assigned value, InvalidParameterError for a negative or
/// non-finite SD, assigned values that cannot carry the model, or a model
/// that gives sigma_pt <= 0 at x_pt.
#[pyfunction]
#[pyo3(signature = (assigned_values, sds, x_pt, *, model = Named(PreviousRoundsModel::default())),
       text_signature = "(assigned_values, sds, x_pt, *, model='linear')")]
pub(crate) fn sigma_pt_from_previous_rounds(
    assigned_values: Values<'_>,
    sds: Values<'_>,
    x_pt: f64,
    model: Named<PreviousRoundsModel>,
) -> EqaResult<SigmaPt> {
    Ok(SigmaPt(eqa::sigma_pt_from_previous_rounds(
        &as_slice(&assigned_values),
        &as_slice(&sds),
        x_pt,
        model.0,
    )?))
}

/// sigma_pt = s*, the robust standard deviation of this round's p results
/// (ISO 13528:2022 8.6), for example algorithm_a(x).scale.
///
/// Raises InvalidParameterError for an s_star that is not positive and finite, or p == 0.
#[pyfunction]
pub(crate) fn sigma_pt_from_robust_sd(
    s_star: f64,
    #[pyo3(from_py_with = crate::options::participants)] p: usize,
) -> EqaResult<SigmaPt> {
    Ok(SigmaPt(eqa::sigma_pt_from_robust_sd(s_star, p)?))
}

/// Whether u(x_pt) <= 0.3 sigma_pt (ISO 13528:2022 9.2), which score follows
/// and why. Immutable; equal when every field is.
#[pyclass(frozen, module = "eqa", name = "UncertaintyCheck")]
pub(crate) struct UncertaintyCheck(eqa::UncertaintyCheck);

#[pymethods]
impl UncertaintyCheck {
    /// The u(x_pt) checked.
    #[getter]
    fn u_x_pt(&self) -> f64 {
        self.0.u_x_pt
    }

    /// The sigma_pt it was checked against.
    #[getter]
    fn sigma_pt(&self) -> f64 {
        self.0.sigma_pt
    }

    /// 0.3 sigma_pt.
    #[getter]
    fn limit(&self) -> f64 {
        self.0.limit
    }

    /// u(x_pt) / sigma_pt.
    #[getter]
    fn ratio(&self) -> f64 {
        self.0.ratio
    }

    /// Whether u(x_pt) <= 0.3 sigma_pt.
    #[getter]
    fn negligible(&self) -> bool {
        self.0.negligible
    }

    /// "use_z", "use_z_prime" or "report_uncertainty".
    #[getter]
    fn action(&self) -> &'static str {
        self.0.action.as_str()
    }

    /// The score to compute: "z" or "z_prime".
    #[getter]
    fn score(&self) -> &'static str {
        self.0.score.as_str()
    }

    /// The reason, in words, with the numbers.
    #[getter]
    fn reason(&self) -> &str {
        &self.0.reason
    }

    /// The fields as a dict, in declaration order.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let c = &self.0;
        let dict = PyDict::new(py);
        dict.set_item("u_x_pt", c.u_x_pt)?;
        dict.set_item("sigma_pt", c.sigma_pt)?;
        dict.set_item("limit", c.limit)?;
        dict.set_item("ratio", c.ratio)?;
        dict.set_item("negligible", c.negligible)?;
        dict.set_item("action", c.action.as_str())?;
        dict.set_item("score", c.score.as_str())?;
        dict.set_item("reason", &c.reason)?;
        Ok(dict)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let fields = self
            .to_dict(py)?
            .iter()
            .map(|(name, value)| Ok(format!("{name}={}", value.repr()?)))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(format!("UncertaintyCheck({})", fields.join(", ")))
    }

    fn __eq__(&self, other: PyRef<'_, Self>) -> bool {
        self.0 == other.0
    }
}

/// Checks u(x_pt) <= 0.3 sigma_pt (ISO 13528:2022 9.2.1): when it holds, z is
/// used; otherwise when_not_negligible decides: "use_z_prime" (default) or
/// "report" (keep z and report u(x_pt)).
///
/// Raises InvalidParameterError for a u_x_pt that is negative or not finite, a
/// sigma_pt that is not positive and finite, or an unknown choice.
#[pyfunction]
#[pyo3(signature = (u_x_pt, sigma_pt, *, when_not_negligible = Named(WhenNotNegligible::default())),
       text_signature = "(u_x_pt, sigma_pt, *, when_not_negligible='use_z_prime')")]
pub(crate) fn check_uncertainty(
    u_x_pt: f64,
    sigma_pt: f64,
    when_not_negligible: Named<WhenNotNegligible>,
) -> EqaResult<UncertaintyCheck> {
    Ok(UncertaintyCheck(eqa::check_uncertainty(
        u_x_pt,
        sigma_pt,
        when_not_negligible.0,
    )?))
}
