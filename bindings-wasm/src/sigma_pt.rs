//! σ_pt (ISO 13528:2022 clause 8) and the u(x_pt) check (9.2) for
//! JavaScript: `sigmaPtFromLimit`, `sigmaPtFromPrecision`,
//! `sigmaPtGeneralModel`, `sigmaPtFromPreviousRounds`, `sigmaPtFromRobustSd`
//! and `checkUncertainty`.

#![allow(
    unreachable_pub,
    reason = "wasm-bindgen exports only `pub` functions; the module itself is private"
)]

use std::collections::BTreeMap;

use eqa::{
    Error, GeneralModel, LimitFraction, MassFractionUnit, PreviousRoundsModel, Provenance,
    ScoreKind, SigmaPtMethod, UncertaintyAction, WhenNotNegligible,
};
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::fail;
use crate::options::{Given, choice, refuse_unknown, set, whole};
use crate::scores::arg;
use crate::{given, options_of, to_js, values_of};

/// The TypeScript declarations of this file's exports.
#[wasm_bindgen(typescript_custom_section)]
const SIGMA_PT_TYPES: &str = r#"
/** How σ_pt was obtained. */
export type SigmaPtMethod =
  | "fitness_for_purpose"
  | "previous_rounds"
  | "general_model"
  | "precision_experiment"
  | "robust_sd";

/** The fraction of δ_E taken as σ_pt: a half, a third, or a positive factor. */
export type LimitFraction = "half" | "third" | number;

/** The general model of σ as a function of a mass fraction. */
export type GeneralModel = "horwitz" | "thompson";

/** The unit of a concentration given to the general model (σ_pt comes back in it). */
export type MassFractionUnit = "fraction" | "percent" | "g/kg" | "mg/kg" | "ug/kg" | "ng/kg";

/** How σ_pt is derived from earlier rounds. */
export type PreviousRoundsModel = "linear" | "constant_rsd" | "pooled";

/** Options of `sigmaPtGeneralModel`. */
export interface GeneralModelOptions {
  /** Default `"thompson"`. */
  model?: GeneralModel;
  /** Default `"fraction"`. */
  unit?: MassFractionUnit;
}

/** Options of `sigmaPtFromPreviousRounds`. */
export interface PreviousRoundsOptions {
  /** Default `"linear"`. */
  model?: PreviousRoundsModel;
}

/** Where a σ_pt came from: its method and inputs. */
export type SigmaPtProvenance =
  | { method: "fitness_for_purpose"; deltaE: number; fraction: LimitFraction }
  | { method: "previous_rounds"; model: PreviousRoundsModel; rounds: number; xPt: number; intercept: number; slope: number }
  | { method: "general_model"; model: GeneralModel; c: number; unit: MassFractionUnit }
  | { method: "precision_experiment"; reproducibilitySd: number; repeatabilitySd: number; replicates: number }
  | { method: "robust_sd"; sStar: number; p: number };

/** A standard deviation for proficiency assessment with its provenance (a plain object). */
export interface SigmaPt {
  /** σ_pt, positive and finite. */
  value: number;
  method: SigmaPtMethod;
  provenance: SigmaPtProvenance;
}

/** What to do when u(x_pt) is not negligible. */
export type WhenNotNegligible = "use_z_prime" | "report";

/** Options of `checkUncertainty`. */
export interface UncertaintyCheckOptions {
  /** Default `"use_z_prime"`. */
  whenNotNegligible?: WhenNotNegligible;
}

/** The outcome of `checkUncertainty`: which score to use and why (a plain object). */
export interface UncertaintyCheck {
  uXPt: number;
  sigmaPt: number;
  /** 0.3 · σ_pt. */
  limit: number;
  /** u(x_pt) / σ_pt. */
  ratio: number;
  /** Whether u(x_pt) ≤ 0.3 · σ_pt. */
  negligible: boolean;
  action: "use_z" | "use_z_prime" | "report_uncertainty";
  score: "z" | "z_prime";
  reason: string;
}
"#;

/// A [`Provenance`] as the plain object `SigmaPtProvenance`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(
    tag = "method",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub(crate) enum ProvenanceOut {
    FitnessForPurpose {
        delta_e: f64,
        fraction: LimitFraction,
    },
    PreviousRounds {
        model: PreviousRoundsModel,
        rounds: usize,
        x_pt: f64,
        intercept: f64,
        slope: f64,
    },
    GeneralModel {
        model: GeneralModel,
        c: f64,
        unit: MassFractionUnit,
    },
    PrecisionExperiment {
        reproducibility_sd: f64,
        repeatability_sd: f64,
        replicates: u32,
    },
    RobustSd {
        s_star: f64,
        p: usize,
    },
    /// A method added to the core after this binding.
    Other {},
}

/// An [`eqa::SigmaPt`] as the plain object `SigmaPt`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct SigmaPtOut {
    value: f64,
    method: SigmaPtMethod,
    provenance: ProvenanceOut,
}

impl From<&eqa::SigmaPt> for SigmaPtOut {
    fn from(s: &eqa::SigmaPt) -> Self {
        let provenance = match s.provenance {
            Provenance::FitnessForPurpose { delta_e, fraction } => {
                ProvenanceOut::FitnessForPurpose { delta_e, fraction }
            }
            Provenance::PreviousRounds {
                model,
                rounds,
                x_pt,
                intercept,
                slope,
            } => ProvenanceOut::PreviousRounds {
                model,
                rounds,
                x_pt,
                intercept,
                slope,
            },
            Provenance::GeneralModel { model, c, unit } => {
                ProvenanceOut::GeneralModel { model, c, unit }
            }
            Provenance::PrecisionExperiment {
                reproducibility_sd,
                repeatability_sd,
                replicates,
            } => ProvenanceOut::PrecisionExperiment {
                reproducibility_sd,
                repeatability_sd,
                replicates,
            },
            Provenance::RobustSd { s_star, p } => ProvenanceOut::RobustSd { s_star, p },
            _ => ProvenanceOut::Other {},
        };
        SigmaPtOut {
            value: s.value,
            method: s.method(),
            provenance,
        }
    }
}

/// An [`eqa::UncertaintyCheck`] as the plain object `UncertaintyCheck`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct UncertaintyCheckOut {
    u_x_pt: f64,
    sigma_pt: f64,
    limit: f64,
    ratio: f64,
    negligible: bool,
    action: UncertaintyAction,
    score: ScoreKind,
    reason: String,
}

impl From<&eqa::UncertaintyCheck> for UncertaintyCheckOut {
    fn from(c: &eqa::UncertaintyCheck) -> Self {
        UncertaintyCheckOut {
            u_x_pt: c.u_x_pt,
            sigma_pt: c.sigma_pt,
            limit: c.limit,
            ratio: c.ratio,
            negligible: c.negligible,
            action: c.action,
            score: c.score,
            reason: c.reason.clone(),
        }
    }
}

/// The options of `sigmaPtGeneralModel`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct GeneralModelOptionsDto {
    model: Option<Given>,
    unit: Option<Given>,
    #[serde(flatten)]
    unknown: BTreeMap<String, IgnoredAny>,
}

impl GeneralModelOptionsDto {
    /// The core's model and unit, defaults where not given.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] for an unknown key or name.
    pub(crate) fn into_core(self) -> Result<(GeneralModel, MassFractionUnit), Error> {
        refuse_unknown(&self.unknown, "model or unit")?;
        let mut model = GeneralModel::default();
        let mut unit = MassFractionUnit::default();
        set(&mut model, self.model, |g| choice("model", g))?;
        set(&mut unit, self.unit, |g| choice("unit", g))?;
        Ok((model, unit))
    }
}

/// The options of `sigmaPtFromPreviousRounds`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PreviousRoundsOptionsDto {
    model: Option<Given>,
    #[serde(flatten)]
    unknown: BTreeMap<String, IgnoredAny>,
}

impl PreviousRoundsOptionsDto {
    /// The core's model, the default where not given.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] for an unknown key or name.
    pub(crate) fn into_core(self) -> Result<PreviousRoundsModel, Error> {
        refuse_unknown(&self.unknown, "model")?;
        let mut model = PreviousRoundsModel::default();
        set(&mut model, self.model, |g| choice("model", g))?;
        Ok(model)
    }
}

/// The options of `checkUncertainty`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct UncertaintyCheckOptionsDto {
    when_not_negligible: Option<Given>,
    #[serde(flatten)]
    unknown: BTreeMap<String, IgnoredAny>,
}

impl UncertaintyCheckOptionsDto {
    /// The core's choice, the default where not given.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] for an unknown key or name.
    pub(crate) fn into_core(self) -> Result<WhenNotNegligible, Error> {
        refuse_unknown(&self.unknown, "whenNotNegligible")?;
        let mut when = WhenNotNegligible::default();
        set(&mut when, self.when_not_negligible, |g| {
            choice("when_not_negligible", g)
        })?;
        Ok(when)
    }
}

/// The fraction of δ_E as given: a name, a factor, or nothing (the default).
pub(crate) fn fraction(given: Given) -> Result<LimitFraction, Error> {
    match given {
        Given::Nothing => Ok(LimitFraction::default()),
        Given::Number(f) => LimitFraction::factor(f),
        Given::Text(name) => name.parse(),
        other => Err(Error::InvalidParameter {
            name: "fraction",
            value: other.to_string(),
            expected: "\"half\", \"third\" or a positive factor",
        }),
    }
}

/// A whole-number argument from 0 to 4294967295.
fn count(name: &'static str, value: &JsValue) -> Result<u32, JsValue> {
    let g = given(value);
    whole(&g).ok_or_else(|| {
        fail(Error::InvalidParameter {
            name,
            value: g.to_string(),
            expected: "a whole number from 1 to 4294967295",
        })
    })
}

fn sigma(result: eqa::Result<eqa::SigmaPt>) -> Result<JsValue, JsValue> {
    to_js(&SigmaPtOut::from(&result.map_err(fail)?))
}

/// σ_pt by fitness for purpose from a maximum permissible error δ_E
/// (ISO 13528:2022 8.2): `"third"` (default, δ_E/3), `"half"` or a factor.
///
/// Throws `InvalidParameterError` for a `deltaE` that is not positive and
/// finite or a bad fraction.
#[wasm_bindgen(js_name = sigmaPtFromLimit, unchecked_return_type = "SigmaPt")]
#[allow(non_snake_case)]
pub fn sigma_pt_from_limit(
    #[wasm_bindgen(unchecked_param_type = "number")] deltaE: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LimitFraction")] fraction: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let fraction = match fraction {
        None => LimitFraction::default(),
        Some(f) if f.is_null() || f.is_undefined() => LimitFraction::default(),
        Some(f) => self::fraction(given(&f)).map_err(fail)?,
    };
    sigma(eqa::sigma_pt_from_limit(arg("delta_e", deltaE)?, fraction))
}

/// σ_pt = √(σ_R² − σ_r²·(1 − 1/m)) from a precision experiment
/// (ISO 13528:2022 8.5).
///
/// Throws `InvalidParameterError` for SDs out of range, σ_r too large for
/// σ_R, or `replicates` not a whole number at least 1.
#[wasm_bindgen(js_name = sigmaPtFromPrecision, unchecked_return_type = "SigmaPt")]
#[allow(non_snake_case)]
pub fn sigma_pt_from_precision(
    #[wasm_bindgen(unchecked_param_type = "number")] reproducibilitySd: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] repeatabilitySd: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] replicates: &JsValue,
) -> Result<JsValue, JsValue> {
    sigma(eqa::sigma_pt_from_precision(
        arg("reproducibility_sd", reproducibilitySd)?,
        arg("repeatability_sd", repeatabilitySd)?,
        count("replicates", replicates)?,
    ))
}

/// σ_pt from the general model (ISO 13528:2022 8.4): Horwitz as modified by
/// Thompson (default) or Horwitz's; `c` in `unit` (default a mass fraction).
///
/// Throws `InvalidParameterError` unless `c` is a positive mass fraction of
/// at most 1, or for bad options.
#[wasm_bindgen(js_name = sigmaPtGeneralModel, unchecked_return_type = "SigmaPt")]
pub fn sigma_pt_general_model(
    #[wasm_bindgen(unchecked_param_type = "number")] c: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "GeneralModelOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let (model, unit) = options_of::<GeneralModelOptionsDto>(options)?
        .into_core()
        .map_err(fail)?;
    sigma(eqa::sigma_pt_general_model(arg("c", c)?, model, unit))
}

/// σ_pt from earlier rounds' assigned values and standard deviations, read
/// at this round's `xPt` (ISO 13528:2022 8.3).
///
/// Throws `InvalidInputError` for too few rounds, lengths that differ or a
/// non-finite assigned value, `InvalidParameterError` for bad SDs or options.
#[wasm_bindgen(js_name = sigmaPtFromPreviousRounds, unchecked_return_type = "SigmaPt")]
#[allow(non_snake_case)]
pub fn sigma_pt_from_previous_rounds(
    #[wasm_bindgen(unchecked_param_type = "Values")] assignedValues: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Values")] sds: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] xPt: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PreviousRoundsOptions")] options: Option<
        JsValue,
    >,
) -> Result<JsValue, JsValue> {
    let model = options_of::<PreviousRoundsOptionsDto>(options)?
        .into_core()
        .map_err(fail)?;
    sigma(eqa::sigma_pt_from_previous_rounds(
        &values_of(assignedValues)?,
        &values_of(sds)?,
        arg("x_pt", xPt)?,
        model,
    ))
}

/// σ_pt = s*, the robust standard deviation of this round's `p` results
/// (ISO 13528:2022 8.6).
///
/// Throws `InvalidParameterError` for an `sStar` that is not positive and
/// finite, or `p` not a whole number at least 1.
#[wasm_bindgen(js_name = sigmaPtFromRobustSd, unchecked_return_type = "SigmaPt")]
#[allow(non_snake_case)]
pub fn sigma_pt_from_robust_sd(
    #[wasm_bindgen(unchecked_param_type = "number")] sStar: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] p: &JsValue,
) -> Result<JsValue, JsValue> {
    let p = count("p", p)? as usize;
    sigma(eqa::sigma_pt_from_robust_sd(arg("s_star", sStar)?, p))
}

/// Whether u(x_pt) ≤ 0.3·σ_pt (ISO 13528:2022 9.2), which score follows and why.
///
/// Throws `InvalidParameterError` for a `uXPt` that is negative or not
/// finite, a `sigmaPt` that is not positive and finite, or bad options.
#[wasm_bindgen(js_name = checkUncertainty, unchecked_return_type = "UncertaintyCheck")]
#[allow(non_snake_case)]
pub fn check_uncertainty(
    #[wasm_bindgen(unchecked_param_type = "number")] uXPt: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] sigmaPt: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "UncertaintyCheckOptions")] options: Option<
        JsValue,
    >,
) -> Result<JsValue, JsValue> {
    let when = options_of::<UncertaintyCheckOptionsDto>(options)?
        .into_core()
        .map_err(fail)?;
    let check = eqa::check_uncertainty(arg("u_x_pt", uXPt)?, arg("sigma_pt", sigmaPt)?, when)
        .map_err(fail)?;
    to_js(&UncertaintyCheckOut::from(&check))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provenance_keys_are_camel_case_and_tagged() {
        let s = eqa::sigma_pt_from_precision(23.2, 14.3, 2).unwrap();
        let json = serde_json::to_value(SigmaPtOut::from(&s)).unwrap();
        assert_eq!(json["method"], "precision_experiment");
        assert_eq!(json["provenance"]["method"], "precision_experiment");
        assert_eq!(json["provenance"]["reproducibilitySd"], 23.2);
        assert_eq!(
            json["value"].as_f64().map(f64::to_bits),
            Some(s.value.to_bits())
        );
        let f = eqa::sigma_pt_from_limit(6.0, LimitFraction::factor(0.4).unwrap()).unwrap();
        let json = serde_json::to_value(SigmaPtOut::from(&f)).unwrap();
        assert_eq!(json["provenance"]["fraction"], 0.4);
        assert_eq!(json["provenance"]["deltaE"], 6.0);
    }

    #[test]
    fn fractions_and_options() {
        assert_eq!(fraction(Given::Nothing), Ok(LimitFraction::Third));
        assert_eq!(
            fraction(Given::Text("half".into())),
            Ok(LimitFraction::Half)
        );
        assert_eq!(
            fraction(Given::Number(0.25)),
            Ok(LimitFraction::Factor(0.25))
        );
        assert!(fraction(Given::Number(-1.0)).is_err());
        assert!(fraction(Given::Bool(true)).is_err());
        let o: GeneralModelOptionsDto = serde_json::from_str(r#"{"unit": "mg/kg"}"#).unwrap();
        assert_eq!(
            o.into_core(),
            Ok((GeneralModel::Thompson, MassFractionUnit::MgPerKg))
        );
        let o: UncertaintyCheckOptionsDto =
            serde_json::from_str(r#"{"whenNotNegligible": "report"}"#).unwrap();
        assert_eq!(o.into_core(), Ok(WhenNotNegligible::Report));
        let o: PreviousRoundsOptionsDto = serde_json::from_str(r#"{"modle": "linear"}"#).unwrap();
        assert!(o.into_core().is_err());
    }

    #[test]
    fn check_keys_are_camel_case() {
        let c = eqa::check_uncertainty(0.0041, 0.0066, WhenNotNegligible::UseZPrime).unwrap();
        let json = serde_json::to_value(UncertaintyCheckOut::from(&c)).unwrap();
        assert_eq!(json["uXPt"], 0.0041);
        assert_eq!(json["action"], "use_z_prime");
        assert_eq!(json["score"], "z_prime");
    }
}
