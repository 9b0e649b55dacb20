//! The standard deviation for proficiency assessment σ_pt (ISO 13528:2022
//! clause 8), each value with the method and inputs it came from.

use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::names::named_choices;
use crate::stats::parameter::positive;
use crate::stats::sample::{check, finite};

/// How σ_pt was obtained (the `method` of a [`SigmaPt`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SigmaPtMethod {
    /// From an acceptance limit δ_E, by fitness for purpose (8.2).
    FitnessForPurpose,
    /// From the robust standard deviations of earlier rounds (8.3).
    PreviousRounds,
    /// From a general model such as Horwitz's (8.4).
    GeneralModel,
    /// From the repeatability and reproducibility of a precision experiment (8.5).
    PrecisionExperiment,
    /// From the robust standard deviation of the same round (8.6).
    RobustSd,
}

named_choices!(SigmaPtMethod, option "method", expected "\"fitness_for_purpose\", \"previous_rounds\", \"general_model\", \"precision_experiment\" or \"robust_sd\"" {
    FitnessForPurpose => "fitness_for_purpose",
    PreviousRounds => "previous_rounds",
    GeneralModel => "general_model",
    PrecisionExperiment => "precision_experiment",
    RobustSd => "robust_sd",
});

/// Which fraction of the acceptance limit δ_E is taken as σ_pt.
///
/// The default, [`LimitFraction::Third`], makes the action signal |z| ≥ 3
/// coincide with |D| ≥ δ_E, as in ISO 13528:2022 E.4 (δ_E = 3σ_pt);
/// [`LimitFraction::Half`] makes the warning signal |z| > 2 coincide with it.
/// This is a choice of the scheme, not a rule of the standard.
///
/// In serialised form a fraction is its name, `"half"` or `"third"`, or the
/// factor as a number.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(into = "FractionRepr", try_from = "FractionRepr")]
pub enum LimitFraction {
    /// σ_pt = δ_E/2.
    Half,
    /// σ_pt = δ_E/3 (default).
    #[default]
    Third,
    /// σ_pt = factor·δ_E, for a positive finite factor; build it with
    /// [`LimitFraction::factor`].
    Factor(f64),
}

impl LimitFraction {
    /// A given fraction of δ_E.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] unless `factor` is positive and finite.
    ///
    /// # Examples
    ///
    /// ```
    /// let f = eqa::LimitFraction::factor(0.25)?;
    /// assert_eq!(eqa::sigma_pt_from_limit(8.0, f)?.value, 2.0);
    /// # Ok::<(), eqa::Error>(())
    /// ```
    pub fn factor(factor: f64) -> crate::Result<Self> {
        if factor.is_finite() && factor > 0.0 {
            Ok(LimitFraction::Factor(factor))
        } else {
            Err(Error::InvalidParameter {
                name: "factor",
                value: factor.to_string(),
                expected: "a positive finite fraction of delta_e",
            })
        }
    }

    /// The multiplier of δ_E: 1/2, 1/3 or the factor.
    pub fn multiplier(self) -> f64 {
        match self {
            LimitFraction::Half => 0.5,
            LimitFraction::Third => 1.0 / 3.0,
            LimitFraction::Factor(f) => f,
        }
    }

    /// The name of the choice: `"half"`, `"third"` or `"factor"`.
    pub fn as_str(self) -> &'static str {
        match self {
            LimitFraction::Half => "half",
            LimitFraction::Third => "third",
            LimitFraction::Factor(_) => "factor",
        }
    }
}

/// A [`LimitFraction`] as written: a name or a factor.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum FractionRepr {
    Name(String),
    Factor(f64),
}

impl From<LimitFraction> for FractionRepr {
    fn from(f: LimitFraction) -> Self {
        match f {
            LimitFraction::Factor(x) => FractionRepr::Factor(x),
            named => FractionRepr::Name(named.as_str().to_owned()),
        }
    }
}

impl TryFrom<FractionRepr> for LimitFraction {
    type Error = Error;

    fn try_from(r: FractionRepr) -> crate::Result<Self> {
        match r {
            FractionRepr::Name(name) => name.parse(),
            FractionRepr::Factor(x) => LimitFraction::factor(x),
        }
    }
}

impl FromStr for LimitFraction {
    type Err = Error;

    /// `"half"` or `"third"`; a given factor is built with [`LimitFraction::factor`].
    fn from_str(s: &str) -> crate::Result<Self> {
        match s {
            "half" => Ok(LimitFraction::Half),
            "third" => Ok(LimitFraction::Third),
            _ => Err(Error::InvalidParameter {
                name: "fraction",
                value: s.to_owned(),
                expected: "\"half\", \"third\" or a positive factor",
            }),
        }
    }
}

/// How σ_pt is derived from the standard deviations of earlier rounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PreviousRoundsModel {
    /// A least-squares line s = a + b·x_pt through the rounds' (assigned
    /// value, standard deviation) pairs, read at this round's x_pt; needs at
    /// least three rounds (default).
    #[default]
    Linear,
    /// A constant relative standard deviation: σ_pt = |x_pt| · mean(sᵢ/|xᵢ|).
    ConstantRsd,
    /// The pooled standard deviation √(Σsᵢ²/n), for rounds at similar levels.
    Pooled,
}

named_choices!(PreviousRoundsModel, option "model", expected "\"linear\", \"constant_rsd\" or \"pooled\"" {
    Linear => "linear",
    ConstantRsd => "constant_rsd",
    Pooled => "pooled",
});

/// The general model of σ as a function of a mass fraction c (8.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GeneralModel {
    /// Horwitz's σ = 0.02·c^0.8495 at every level.
    Horwitz,
    /// Horwitz as modified by Thompson, ISO 13528:2022 Formula (8)
    /// (default): 0.22·c below 1.2·10⁻⁷, 0.02·c^0.8495 up to 0.138,
    /// 0.01·c^0.5 above.
    #[default]
    Thompson,
}

named_choices!(GeneralModel, option "model", expected "\"horwitz\" or \"thompson\"" {
    Horwitz => "horwitz",
    Thompson => "thompson",
});

/// The unit of a concentration given to the general model, which works on
/// mass fractions; σ comes back in the same unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum MassFractionUnit {
    /// A plain mass fraction (1 = 100 %) (default).
    #[default]
    #[serde(rename = "fraction")]
    Fraction,
    /// Percent, g/100 g.
    #[serde(rename = "percent")]
    Percent,
    /// g/kg.
    #[serde(rename = "g/kg")]
    GPerKg,
    /// mg/kg (ppm).
    #[serde(rename = "mg/kg")]
    MgPerKg,
    /// µg/kg (ppb).
    #[serde(rename = "ug/kg")]
    UgPerKg,
    /// ng/kg (ppt).
    #[serde(rename = "ng/kg")]
    NgPerKg,
}

named_choices!(MassFractionUnit, option "unit", expected "\"fraction\", \"percent\", \"g/kg\", \"mg/kg\", \"ug/kg\" or \"ng/kg\"" {
    Fraction => "fraction",
    Percent => "percent",
    GPerKg => "g/kg",
    MgPerKg => "mg/kg",
    UgPerKg => "ug/kg",
    NgPerKg => "ng/kg",
});

impl MassFractionUnit {
    /// The mass fraction of one unit: 1, 10⁻², 10⁻³, 10⁻⁶, 10⁻⁹ or 10⁻¹².
    pub fn fraction(self) -> f64 {
        match self {
            MassFractionUnit::Fraction => 1.0,
            MassFractionUnit::Percent => 1e-2,
            MassFractionUnit::GPerKg => 1e-3,
            MassFractionUnit::MgPerKg => 1e-6,
            MassFractionUnit::UgPerKg => 1e-9,
            MassFractionUnit::NgPerKg => 1e-12,
        }
    }
}

/// Where a σ_pt came from: its method and the inputs it used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Provenance {
    /// σ_pt = multiplier·δ_E (8.2).
    FitnessForPurpose {
        /// The acceptance limit δ_E.
        delta_e: f64,
        /// The fraction chosen.
        fraction: LimitFraction,
    },
    /// σ_pt = intercept + slope·x_pt from earlier rounds (8.3).
    PreviousRounds {
        /// The model fitted.
        model: PreviousRoundsModel,
        /// The number of earlier rounds.
        rounds: usize,
        /// This round's assigned value, where the model is read.
        x_pt: f64,
        /// The model's intercept (the pooled SD for `pooled`, 0 otherwise but `linear`).
        intercept: f64,
        /// The model's slope (the mean RSD for `constant_rsd`, 0 for `pooled`).
        slope: f64,
    },
    /// σ = f(c) of a general model (8.4).
    GeneralModel {
        /// The model.
        model: GeneralModel,
        /// The concentration, in `unit`.
        c: f64,
        /// The unit of `c` and of σ_pt.
        unit: MassFractionUnit,
    },
    /// σ_pt = √(σ_R² − σ_r²·(1 − 1/m)) (8.5).
    PrecisionExperiment {
        /// The reproducibility standard deviation σ_R.
        reproducibility_sd: f64,
        /// The repeatability standard deviation σ_r.
        repeatability_sd: f64,
        /// The number of replicates m each participant averages.
        replicates: u32,
    },
    /// σ_pt = s*, the robust standard deviation of this round (8.6).
    RobustSd {
        /// The robust standard deviation s*.
        s_star: f64,
        /// The number of results p it came from.
        p: usize,
    },
}

/// A standard deviation for proficiency assessment with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SigmaPt {
    /// σ_pt, positive and finite.
    #[doc(alias = "sigma_pt")]
    pub value: f64,
    /// The method and its inputs.
    pub provenance: Provenance,
}

impl SigmaPt {
    /// The method σ_pt came from.
    ///
    /// # Examples
    ///
    /// ```
    /// let s = eqa::sigma_pt_from_robust_sd(0.0395, 34)?;
    /// assert_eq!(s.method(), eqa::SigmaPtMethod::RobustSd);
    /// # Ok::<(), eqa::Error>(())
    /// ```
    pub fn method(&self) -> SigmaPtMethod {
        match self.provenance {
            Provenance::FitnessForPurpose { .. } => SigmaPtMethod::FitnessForPurpose,
            Provenance::PreviousRounds { .. } => SigmaPtMethod::PreviousRounds,
            Provenance::GeneralModel { .. } => SigmaPtMethod::GeneralModel,
            Provenance::PrecisionExperiment { .. } => SigmaPtMethod::PrecisionExperiment,
            Provenance::RobustSd { .. } => SigmaPtMethod::RobustSd,
        }
    }
}

/// A computed σ_pt that must be positive and finite.
fn sigma(value: f64, provenance: Provenance, what: &'static str) -> crate::Result<SigmaPt> {
    let value = finite(value, "sigma_pt")?;
    if value > 0.0 {
        Ok(SigmaPt { value, provenance })
    } else {
        Err(Error::InvalidParameter {
            name: what,
            value: format!("a sigma_pt of {value}"),
            expected: "inputs that give a positive sigma_pt",
        })
    }
}

/// σ_pt by fitness for purpose, from a maximum permissible error δ_E.
///
/// # Formula
///
/// σ_pt = δ_E/2, δ_E/3 or factor·δ_E (ISO 13528:2022 8.2; the fraction is
/// the scheme's choice, see [`LimitFraction`]).
///
/// # Errors
///
/// [`Error::InvalidParameter`] for a δ_E that is not positive and finite, or
/// a [`LimitFraction::Factor`] that is not; [`Error::Overflow`] when σ_pt
/// exceeds `f64`.
///
/// # Examples
///
/// ```
/// use eqa::{sigma_pt_from_limit, LimitFraction};
/// let third = sigma_pt_from_limit(0.0198, LimitFraction::Third)?;
/// assert!((third.value - 0.0066).abs() < 1e-15);
/// assert_eq!(sigma_pt_from_limit(10.0, LimitFraction::Half)?.value, 5.0);
/// # Ok::<(), eqa::Error>(())
/// ```
#[doc(alias = "fitness_for_purpose")]
pub fn sigma_pt_from_limit(delta_e: f64, fraction: LimitFraction) -> crate::Result<SigmaPt> {
    let delta_e = positive("delta_e", delta_e)?;
    if let LimitFraction::Factor(f) = fraction {
        LimitFraction::factor(f)?;
    }
    let value = match fraction {
        LimitFraction::Half => delta_e / 2.0,
        LimitFraction::Third => delta_e / 3.0,
        LimitFraction::Factor(f) => f * delta_e,
    };
    sigma(
        value,
        Provenance::FitnessForPurpose { delta_e, fraction },
        "delta_e",
    )
}

/// σ_pt from a precision experiment (ISO 5725-2 repeatability and
/// reproducibility), for participants who report the mean of m replicates.
///
/// # Formula
///
/// σ_pt = √(σ_R² − σ_r²·(1 − 1/m)) (ISO 13528:2022 8.5, Formula (9)).
///
/// # Errors
///
/// [`Error::InvalidParameter`] for a σ_R that is not positive and finite, a
/// σ_r that is negative or not finite, m = 0, or σ_r too large for σ_R
/// (the radicand is not positive).
///
/// # Examples
///
/// ISO 13528:2022 E.10: σ_R = 23.2, σ_r = 14.3, m = 2 give σ_pt = 20.9.
///
/// ```
/// let s = eqa::sigma_pt_from_precision(23.2, 14.3, 2)?;
/// assert_eq!((s.value * 10.0).round() / 10.0, 20.9);
/// # Ok::<(), eqa::Error>(())
/// ```
#[doc(alias = "sigma_R")]
#[doc(alias = "reproducibility")]
pub fn sigma_pt_from_precision(
    reproducibility_sd: f64,
    repeatability_sd: f64,
    replicates: u32,
) -> crate::Result<SigmaPt> {
    let sigma_big_r = positive("reproducibility_sd", reproducibility_sd)?;
    if !(repeatability_sd.is_finite() && repeatability_sd >= 0.0) {
        return Err(Error::InvalidParameter {
            name: "repeatability_sd",
            value: repeatability_sd.to_string(),
            expected: "a finite number at least 0",
        });
    }
    if replicates == 0 {
        return Err(Error::InvalidParameter {
            name: "replicates",
            value: "0".to_owned(),
            expected: "at least 1",
        });
    }
    let m = f64::from(replicates);
    let big = finite(sigma_big_r * sigma_big_r, "sigma_pt")?;
    let small = finite(repeatability_sd * repeatability_sd, "sigma_pt")?;
    let radicand = big - small * (1.0 - 1.0 / m);
    if radicand <= 0.0 {
        return Err(Error::InvalidParameter {
            name: "repeatability_sd",
            value: repeatability_sd.to_string(),
            expected: "a repeatability SD with sigma_r^2 (1 - 1/m) below sigma_R^2",
        });
    }
    sigma(
        radicand.sqrt(),
        Provenance::PrecisionExperiment {
            reproducibility_sd,
            repeatability_sd,
            replicates,
        },
        "repeatability_sd",
    )
}

/// σ_pt from a general model of the standard deviation as a function of
/// concentration.
///
/// # Formula
///
/// With c the mass fraction (c in `unit` times [`MassFractionUnit::fraction`]),
/// [`GeneralModel::Thompson`] (ISO 13528:2022 8.4, Formula (8)) gives
/// σ = 0.22·c for c < 1.2·10⁻⁷, 0.02·c^0.8495 for 1.2·10⁻⁷ ≤ c ≤ 0.138 and
/// 0.01·c^0.5 for c > 0.138; [`GeneralModel::Horwitz`] gives 0.02·c^0.8495
/// throughout. σ_pt is returned in `unit`.
///
/// # Errors
///
/// [`Error::InvalidParameter`] unless c is a positive mass fraction of at
/// most 1.
///
/// # Examples
///
/// ISO 13528:2022 E.9: c = 1.195 mg/kg gives σ_pt = 0.186 mg/kg.
///
/// ```
/// use eqa::{sigma_pt_general_model, GeneralModel, MassFractionUnit};
/// let s = sigma_pt_general_model(1.195, GeneralModel::Thompson, MassFractionUnit::MgPerKg)?;
/// assert_eq!((s.value * 1000.0).round() / 1000.0, 0.186);
/// # Ok::<(), eqa::Error>(())
/// ```
#[doc(alias = "horwitz")]
#[doc(alias = "thompson")]
pub fn sigma_pt_general_model(
    c: f64,
    model: GeneralModel,
    unit: MassFractionUnit,
) -> crate::Result<SigmaPt> {
    let scale = unit.fraction();
    let mass_fraction = c * scale;
    if !(c.is_finite() && mass_fraction > 0.0 && mass_fraction <= 1.0) {
        return Err(Error::InvalidParameter {
            name: "c",
            value: c.to_string(),
            expected: "a concentration above 0 and at most a mass fraction of 1",
        });
    }
    let s = match model {
        GeneralModel::Thompson if mass_fraction < 1.2e-7 => 0.22 * mass_fraction,
        GeneralModel::Thompson if mass_fraction > 0.138 => 0.01 * mass_fraction.sqrt(),
        GeneralModel::Thompson | GeneralModel::Horwitz => 0.02 * libm::pow(mass_fraction, 0.8495),
    };
    sigma(s / scale, Provenance::GeneralModel { model, c, unit }, "c")
}

/// σ_pt from the standard deviations of earlier rounds of the scheme.
///
/// # Formula
///
/// With the earlier rounds' assigned values xᵢ and (robust) standard
/// deviations sᵢ (ISO 13528:2022 8.3): [`PreviousRoundsModel::Linear`]
/// fits sᵢ = a + b·xᵢ by least squares and gives σ_pt = a + b·x_pt;
/// [`PreviousRoundsModel::ConstantRsd`] gives σ_pt = |x_pt|·mean(sᵢ/|xᵢ|);
/// [`PreviousRoundsModel::Pooled`] gives √(Σsᵢ²/n).
///
/// # Errors
///
/// [`Error::TooFewValues`] for fewer than 3 rounds (`linear`) or none;
/// [`Error::LengthMismatch`] when `sds` and `assigned_values` differ in
/// length; [`Error::NonFiniteValue`] for a non-finite assigned value;
/// [`Error::InvalidParameter`] for a standard deviation that is negative or
/// not finite, a non-finite x_pt, assigned values that are all equal
/// (`linear`) or an assigned value of 0 (`constant_rsd`), or a model that
/// gives σ_pt ≤ 0 at x_pt.
///
/// # Examples
///
/// ```
/// use eqa::{sigma_pt_from_previous_rounds, PreviousRoundsModel};
/// let x = [10.0, 20.0, 30.0, 40.0];
/// let s = [1.1, 1.9, 3.1, 3.9];
/// let line = sigma_pt_from_previous_rounds(&x, &s, 25.0, PreviousRoundsModel::Linear)?;
/// assert!((line.value - 2.5).abs() < 1e-12);
/// let pooled = sigma_pt_from_previous_rounds(&x, &[2.0, 2.0, 2.0, 2.0], 25.0, PreviousRoundsModel::Pooled)?;
/// assert_eq!(pooled.value, 2.0);
/// # Ok::<(), eqa::Error>(())
/// ```
pub fn sigma_pt_from_previous_rounds(
    assigned_values: &[f64],
    sds: &[f64],
    x_pt: f64,
    model: PreviousRoundsModel,
) -> crate::Result<SigmaPt> {
    let needed = if model == PreviousRoundsModel::Linear {
        3
    } else {
        1
    };
    check(assigned_values, "previous rounds", needed)?;
    if sds.len() != assigned_values.len() {
        return Err(Error::LengthMismatch {
            what: "sds",
            expected: assigned_values.len(),
            got: sds.len(),
        });
    }
    if let Some(i) = sds.iter().position(|s| !(s.is_finite() && *s >= 0.0)) {
        return Err(Error::InvalidParameter {
            name: "sds",
            value: format!("{} at index {i}", sds[i]),
            expected: "finite standard deviations at least 0",
        });
    }
    if !x_pt.is_finite() {
        return Err(Error::InvalidParameter {
            name: "x_pt",
            value: x_pt.to_string(),
            expected: "a finite number",
        });
    }
    let n = assigned_values.len() as f64;
    let (intercept, slope) = match model {
        PreviousRoundsModel::Linear => line(assigned_values, sds)?,
        PreviousRoundsModel::ConstantRsd => {
            if let Some(i) = assigned_values.iter().position(|x| *x == 0.0) {
                return Err(Error::InvalidParameter {
                    name: "assigned_values",
                    value: format!("0 at index {i}"),
                    expected: "non-zero assigned values for a relative standard deviation",
                });
            }
            let rsd = assigned_values
                .iter()
                .zip(sds)
                .map(|(x, s)| s / x.abs())
                .sum::<f64>()
                / n;
            (0.0, finite(rsd, "sigma_pt")?)
        }
        PreviousRoundsModel::Pooled => {
            let scale = sds.iter().fold(0.0_f64, |m, s| m.max(*s));
            let pooled = if scale == 0.0 {
                0.0
            } else {
                scale * (sds.iter().map(|s| (s / scale) * (s / scale)).sum::<f64>() / n).sqrt()
            };
            (pooled, 0.0)
        }
    };
    let at = match model {
        PreviousRoundsModel::ConstantRsd => slope * x_pt.abs(),
        _ => intercept + slope * x_pt,
    };
    sigma(
        at,
        Provenance::PreviousRounds {
            model,
            rounds: assigned_values.len(),
            x_pt,
            intercept,
            slope,
        },
        "sds",
    )
}

/// The least-squares line s = a + b·x, as (a, b).
fn line(x: &[f64], s: &[f64]) -> crate::Result<(f64, f64)> {
    let n = x.len() as f64;
    let mx = finite(x.iter().sum::<f64>() / n, "previous rounds")?;
    let ms = s.iter().sum::<f64>() / n;
    let sxx = finite(
        x.iter().map(|v| (v - mx) * (v - mx)).sum::<f64>(),
        "previous rounds",
    )?;
    let sxs: f64 = x.iter().zip(s).map(|(v, w)| (v - mx) * (w - ms)).sum();
    if sxx == 0.0 {
        return Err(Error::InvalidParameter {
            name: "assigned_values",
            value: mx.to_string(),
            expected: "at least two different assigned values for a line",
        });
    }
    let slope = finite(sxs / sxx, "previous rounds")?;
    Ok((finite(ms - slope * mx, "previous rounds")?, slope))
}

/// σ_pt taken as the robust standard deviation s* of this round's results.
///
/// # Formula
///
/// σ_pt = s* (ISO 13528:2022 8.6), for example the scale of
/// [`crate::stats::algorithm_a`]. The standard warns that z scores then reflect
/// the participants' own spread, not a fitness-for-purpose criterion.
///
/// # Errors
///
/// [`Error::InvalidParameter`] for an s* that is not positive and finite, or p = 0.
///
/// # Examples
///
/// ```
/// let s = eqa::sigma_pt_from_robust_sd(0.0395, 34)?;
/// assert_eq!(s.value, 0.0395);
/// # Ok::<(), eqa::Error>(())
/// ```
#[doc(alias = "s_star")]
pub fn sigma_pt_from_robust_sd(s_star: f64, p: usize) -> crate::Result<SigmaPt> {
    let s_star = positive("s_star", s_star)?;
    if p == 0 {
        return Err(Error::InvalidParameter {
            name: "p",
            value: "0".to_owned(),
            expected: "at least 1 participant",
        });
    }
    sigma(s_star, Provenance::RobustSd { s_star, p }, "s_star")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thompson_branches() {
        let t = |c| {
            sigma_pt_general_model(c, GeneralModel::Thompson, MassFractionUnit::Fraction)
                .map(|s| s.value)
        };
        assert_eq!(t(1e-8), Ok(0.22 * 1e-8));
        assert_eq!(t(0.25), Ok(0.005));
        let h = sigma_pt_general_model(0.25, GeneralModel::Horwitz, MassFractionUnit::Fraction)
            .map(|s| s.value);
        assert_eq!(h, Ok(0.02 * libm::pow(0.25, 0.8495)));
        assert!(t(0.0).is_err() && t(1.5).is_err() && t(f64::NAN).is_err());
    }

    #[test]
    fn precision_refuses_an_inconsistent_repeatability() {
        assert!(sigma_pt_from_precision(1.0, 2.0, 2).is_err());
        assert!(sigma_pt_from_precision(1.0, 1.0, 0).is_err());
        assert_eq!(
            sigma_pt_from_precision(1.0, 5.0, 1).map(|s| s.value),
            Ok(1.0)
        );
    }

    #[test]
    fn previous_rounds_models() {
        let x = [10.0, 20.0, 40.0];
        let s = [1.0, 2.0, 4.0];
        let rsd = sigma_pt_from_previous_rounds(&x, &s, 30.0, PreviousRoundsModel::ConstantRsd)
            .map(|s| s.value)
            .expect("valid");
        assert!((rsd - 3.0).abs() < 1e-12);
        assert!(
            sigma_pt_from_previous_rounds(&x[..2], &s[..2], 30.0, PreviousRoundsModel::Linear)
                .is_err()
        );
        assert!(
            sigma_pt_from_previous_rounds(&[5.0; 3], &s, 5.0, PreviousRoundsModel::Linear).is_err()
        );
        let mismatch = sigma_pt_from_previous_rounds(&x, &s[..1], 5.0, PreviousRoundsModel::Pooled);
        assert_eq!(mismatch.map_err(|e| e.code()), Err("length_mismatch"));
    }

    #[test]
    fn provenance_serialises_with_its_method() {
        let s = sigma_pt_from_precision(23.2, 14.3, 2).expect("valid");
        let json = serde_json::to_value(&s).expect("serialisable");
        assert_eq!(json["provenance"]["method"], "precision_experiment");
        assert_eq!(json["provenance"]["replicates"], 2);
        assert_eq!(s.method().as_str(), "precision_experiment");
        let f = serde_json::to_value(sigma_pt_from_limit(3.0, LimitFraction::Half).expect("valid"));
        assert_eq!(f.expect("serialisable")["provenance"]["fraction"], "half");
        let given = LimitFraction::factor(0.4).expect("valid");
        assert_eq!(
            serde_json::to_value(given).ok(),
            Some(serde_json::json!(0.4))
        );
        let back: LimitFraction = serde_json::from_str("0.4").expect("a factor");
        assert_eq!(back, given);
        assert!(serde_json::from_str::<LimitFraction>("-1").is_err());
        assert!(serde_json::from_str::<LimitFraction>("\"quarter\"").is_err());
    }
}
