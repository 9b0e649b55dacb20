//! ISO 13528:2022 Annex C beyond Algorithm A for JavaScript: `qMethod`,
//! `hampel`, `qHampel`, `qn`, `qnCorrection`, `algorithmS` and
//! `algorithmSFactors`.
//!
//! The option DTOs and result objects are plain Rust, tested natively; the
//! exports convert arguments and hand them to the core.

#![allow(
    unreachable_pub,
    reason = "wasm-bindgen exports only `pub` functions; the module itself is private"
)]

use std::collections::BTreeMap;

use eqa::{
    AlgorithmSOptions, Error, HampelMethod, HampelOptions, QnEdition, StopRule, ZeroScalePolicy,
};
use js_sys::{Array, Float64Array};
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::options::{Given, choice, max_iter, number, refuse_unknown, set, whole};
use crate::{fail, given, options_of, to_js, values_of};

/// The TypeScript declarations of this file's exports.
#[wasm_bindgen(typescript_custom_section)]
const ANNEX_C_TYPES: &str = r#"
/**
 * The results of the participants: one value each (`Values`), or one array of
 * replicates each (an array of `Float64Array`s or of arrays of numbers).
 */
export type ParticipantResults = Values | readonly (Float64Array | readonly number[])[];

/** How Hampel's equation is solved: the exact finite-step algorithm, or reweighting. */
export type HampelMethod = "finite" | "iterative";

/** Which text of ISO 13528:2022 C.5.2.1 defines Qn: Amendment 1 (h = ⌊p/2⌋ + 1, 2.2191) or the 2022 edition as printed (h = ⌊p/2⌋, 2.2219). */
export type QnEdition = "amd1" | "iso2022";

/** Options of `hampel` and `qHampel`; a key left out (or `undefined`) keeps its default. */
export interface HampelOptions {
  /** Default `"finite"`. */
  method?: HampelMethod;
  /** Stopping rule of `"iterative"`; default `"converged"`. */
  stop?: StopRule;
  /** Relative tolerance of `"converged"` (|Δx*| ≤ tol·s), positive and finite; default 1e-10. */
  tol?: number;
  /** Bound on the iterations of `"iterative"`, at least 1; default 1000. */
  maxIter?: number;
}

/** Options of `qn`. */
export interface QnOptions {
  /** Default `"amd1"`. */
  edition?: QnEdition;
}

/** Options of `algorithmS`; a key left out (or `undefined`) keeps its default. */
export interface AlgorithmSOptions {
  /** Default `"iso2022"`. */
  stop?: StopRule;
  /** Relative tolerance of `"converged"`, positive and finite; default 1e-10. */
  tol?: number;
  /** Bound on the number of iterations, at least 1; default 1000. */
  maxIter?: number;
  /** When the median is zero: default `"error"`; `"standard_deviation"` starts from √(Σw²/p); `"median"` returns 0. */
  zeroScale?: ZeroScalePolicy;
}

/** The Q method's robust standard deviation (a plain object). */
export interface QMethodEstimate {
  /** The robust (reproducibility) standard deviation s*. */
  scale: number;
  /** The number of participants p. */
  n: number;
  /** The number of results (Σnᵢ with replicates). */
  results: number;
  /** H1(0), the weighted share of tied between-participant differences. */
  h1Zero: number;
}

/** Hampel's location with a given scale (a plain object). */
export interface HampelEstimate {
  /** The robust location x*. */
  location: number;
  /** The given scale s. */
  scale: number;
  /** The number of values p. */
  n: number;
  /** Updates of x* by `"iterative"`; 0 for `"finite"`. */
  iterations: number;
  /** Whether the stopping rule was met (always for `"finite"`). */
  converged: boolean;
  /** u(x_pt) = 1.25 · s / √p. */
  uncertainty: number;
  method: HampelMethod;
  stop: StopRule;
}

/** A consensus value by Q/Hampel (a plain object). */
export interface QHampelEstimate {
  /** Hampel's robust location x*. */
  location: number;
  /** The Q method's robust standard deviation s*. */
  scale: number;
  /** The number of participants p. */
  n: number;
  /** The number of results (Σnᵢ with replicates). */
  results: number;
  /** H1(0), the weighted share of tied between-participant differences. */
  h1Zero: number;
  /** u(x_pt) = 1.25 · s* / √p. */
  uncertainty: number;
  method: HampelMethod;
  /** Updates of x* by `"iterative"`; 0 for `"finite"`. */
  iterations: number;
  converged: boolean;
}

/** Qn with how it was computed (a plain object). */
export interface QnEstimate {
  /** Qn, the robust standard deviation. */
  scale: number;
  /** The number of values p. */
  n: number;
  /** The rank k = h(h − 1)/2 of the pairwise difference used. */
  k: number;
  /** The k-th smallest pairwise difference. */
  difference: number;
  /** The factor of Formula (C.19). */
  factor: number;
  /** The small-sample correction bₚ (Table C.2). */
  correction: number;
  edition: QnEdition;
}

/** Algorithm S's robust pooled standard deviation or range (a plain object). */
export interface AlgorithmSEstimate {
  /** The robust pooled value w*. */
  scale: number;
  /** The number of standard deviations or ranges p. */
  n: number;
  /** Their degrees of freedom ν. */
  nu: number;
  /** The limit factor η. */
  eta: number;
  /** The adjustment factor ξ. */
  xi: number;
  /** The first w*. */
  start: number;
  /** How many updates of w* were made. */
  iterations: number;
  /** Whether the stopping rule was met; `false` when `maxIter` ran out. */
  converged: boolean;
  stop: StopRule;
}

/** The factors η and ξ of Algorithm S for ν degrees of freedom (Table C.1). */
export interface AlgorithmSFactors {
  nu: number;
  eta: number;
  xi: number;
}
"#;

/// The options of `hampel` and `qHampel`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct HampelOptionsDto {
    method: Option<Given>,
    stop: Option<Given>,
    tol: Option<Given>,
    max_iter: Option<Given>,
    #[serde(flatten)]
    unknown: BTreeMap<String, IgnoredAny>,
}

impl HampelOptionsDto {
    /// The core's options: its defaults, with the given keys replaced.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] for an unknown key or a value of the wrong type or name.
    pub(crate) fn into_core(self) -> Result<HampelOptions, Error> {
        refuse_unknown(&self.unknown, "method, stop, tol or maxIter")?;
        let mut options = HampelOptions::default();
        set(&mut options.method, self.method, |g| {
            choice::<HampelMethod>("method", g)
        })?;
        set(&mut options.stop, self.stop, |g| {
            choice::<StopRule>("stop", g)
        })?;
        set(&mut options.tol, self.tol, |g| number("tol", g))?;
        set(&mut options.max_iter, self.max_iter, max_iter)?;
        Ok(options)
    }
}

/// The options of `qn`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct QnOptionsDto {
    edition: Option<Given>,
    #[serde(flatten)]
    unknown: BTreeMap<String, IgnoredAny>,
}

impl QnOptionsDto {
    /// The edition chosen, or the core's default.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] for an unknown key or edition.
    pub(crate) fn into_core(self) -> Result<QnEdition, Error> {
        refuse_unknown(&self.unknown, "edition")?;
        let mut edition = QnEdition::default();
        set(&mut edition, self.edition, |g| choice("edition", g))?;
        Ok(edition)
    }
}

/// The options of `algorithmS`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct AlgorithmSOptionsDto {
    stop: Option<Given>,
    tol: Option<Given>,
    max_iter: Option<Given>,
    zero_scale: Option<Given>,
    #[serde(flatten)]
    unknown: BTreeMap<String, IgnoredAny>,
}

impl AlgorithmSOptionsDto {
    /// The core's options: its defaults, with the given keys replaced.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] for an unknown key or a value of the wrong type or name.
    pub(crate) fn into_core(self) -> Result<AlgorithmSOptions, Error> {
        refuse_unknown(&self.unknown, "stop, tol, maxIter or zeroScale")?;
        let mut options = AlgorithmSOptions::default();
        set(&mut options.stop, self.stop, |g| {
            choice::<StopRule>("stop", g)
        })?;
        set(&mut options.tol, self.tol, |g| number("tol", g))?;
        set(&mut options.max_iter, self.max_iter, max_iter)?;
        set(&mut options.zero_scale, self.zero_scale, |g| {
            choice::<ZeroScalePolicy>("zero_scale", g)
        })?;
        Ok(options)
    }
}

/// The degrees of freedom ν: a whole number, whose range is the core's to check.
///
/// # Errors
///
/// [`Error::InvalidParameter`] unless the value is a whole number up to 4294967295.
pub(crate) fn nu(given: Given) -> Result<u32, Error> {
    whole(&given).ok_or_else(|| Error::InvalidParameter {
        name: "nu",
        value: given.to_string(),
        expected: "a whole number of degrees of freedom from 1 to 1000",
    })
}

/// [`eqa::QMethodEstimate`] as the plain object `QMethodEstimate`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct QMethodEstimate {
    scale: f64,
    n: usize,
    results: usize,
    h1_zero: f64,
}

impl From<&eqa::QMethodEstimate> for QMethodEstimate {
    fn from(r: &eqa::QMethodEstimate) -> Self {
        QMethodEstimate {
            scale: r.scale,
            n: r.n,
            results: r.results,
            h1_zero: r.h1_zero,
        }
    }
}

/// [`eqa::HampelEstimate`] as the plain object `HampelEstimate`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct HampelEstimate {
    location: f64,
    scale: f64,
    n: usize,
    iterations: u32,
    converged: bool,
    uncertainty: f64,
    method: HampelMethod,
    stop: StopRule,
}

impl From<&eqa::HampelEstimate> for HampelEstimate {
    fn from(r: &eqa::HampelEstimate) -> Self {
        HampelEstimate {
            location: r.location,
            scale: r.scale,
            n: r.n,
            iterations: r.iterations,
            converged: r.converged,
            uncertainty: r.uncertainty,
            method: r.method,
            stop: r.stop,
        }
    }
}

/// [`eqa::QHampelEstimate`] as the plain object `QHampelEstimate`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct QHampelEstimate {
    location: f64,
    scale: f64,
    n: usize,
    results: usize,
    h1_zero: f64,
    uncertainty: f64,
    method: HampelMethod,
    iterations: u32,
    converged: bool,
}

impl From<&eqa::QHampelEstimate> for QHampelEstimate {
    fn from(r: &eqa::QHampelEstimate) -> Self {
        QHampelEstimate {
            location: r.location,
            scale: r.scale,
            n: r.n,
            results: r.results,
            h1_zero: r.h1_zero,
            uncertainty: r.uncertainty,
            method: r.method,
            iterations: r.iterations,
            converged: r.converged,
        }
    }
}

/// [`eqa::QnEstimate`] as the plain object `QnEstimate`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct QnEstimate {
    scale: f64,
    n: usize,
    k: u64,
    difference: f64,
    factor: f64,
    correction: f64,
    edition: QnEdition,
}

impl From<&eqa::QnEstimate> for QnEstimate {
    fn from(r: &eqa::QnEstimate) -> Self {
        QnEstimate {
            scale: r.scale,
            n: r.n,
            k: r.k,
            difference: r.difference,
            factor: r.factor,
            correction: r.correction,
            edition: r.edition,
        }
    }
}

/// [`eqa::AlgorithmSEstimate`] as the plain object `AlgorithmSEstimate`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct AlgorithmSEstimate {
    scale: f64,
    n: usize,
    nu: u32,
    eta: f64,
    xi: f64,
    start: f64,
    iterations: u32,
    converged: bool,
    stop: StopRule,
}

impl From<&eqa::AlgorithmSEstimate> for AlgorithmSEstimate {
    fn from(r: &eqa::AlgorithmSEstimate) -> Self {
        AlgorithmSEstimate {
            scale: r.scale,
            n: r.n,
            nu: r.nu,
            eta: r.eta,
            xi: r.xi,
            start: r.start,
            iterations: r.iterations,
            converged: r.converged,
            stop: r.stop,
        }
    }
}

/// [`eqa::AlgorithmSFactors`] as the plain object `AlgorithmSFactors`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct AlgorithmSFactors {
    nu: u32,
    eta: f64,
    xi: f64,
}

impl From<&eqa::AlgorithmSFactors> for AlgorithmSFactors {
    fn from(r: &eqa::AlgorithmSFactors) -> Self {
        AlgorithmSFactors {
            nu: r.nu,
            eta: r.eta,
            xi: r.xi,
        }
    }
}

/// The participants' results: one value each, or replicates.
enum Results {
    One(Vec<f64>),
    Replicates(Vec<Vec<f64>>),
}

/// An array whose first element is an array or a `Float64Array` holds
/// replicates; anything else is read as values.
fn results_of(values: &JsValue) -> Result<Results, JsValue> {
    if let Some(array) = values.dyn_ref::<Array>() {
        let first = array.get(0);
        if array.length() > 0 && (Array::is_array(&first) || first.is_instance_of::<Float64Array>())
        {
            let groups = array
                .iter()
                .map(|group| values_of(&group))
                .collect::<Result<_, _>>()?;
            return Ok(Results::Replicates(groups));
        }
    }
    values_of(values).map(Results::One)
}

/// The Q method's robust standard deviation s* (ISO 13528:2022 C.5.2.2), from
/// one result per participant or from replicates (an array of arrays).
///
/// Throws `InvalidInputError` for fewer than two participants or a NaN or
/// infinite value, `InvalidParameterError` for a participant without results,
/// `ZeroScaleError` when all results are equal, `NumericalOverflowError` for
/// a spread too large for doubles.
#[wasm_bindgen(js_name = qMethod, unchecked_return_type = "QMethodEstimate")]
pub fn q_method(
    #[wasm_bindgen(unchecked_param_type = "ParticipantResults")] values: &JsValue,
) -> Result<JsValue, JsValue> {
    let estimate = match results_of(values)? {
        Results::One(v) => eqa::q_method(&v),
        Results::Replicates(g) => eqa::q_method_replicates(&g),
    }
    .map_err(fail)?;
    to_js(&QMethodEstimate::from(&estimate))
}

/// Hampel's M-estimator of location with a given scale (ISO 13528:2022 C.5.3).
///
/// Throws `InvalidParameterError` for a scale that is not positive and finite
/// or a bad option, `InvalidInputError` for no values or a NaN or infinite value.
#[wasm_bindgen(unchecked_return_type = "HampelEstimate")]
pub fn hampel(
    #[wasm_bindgen(unchecked_param_type = "Values")] values: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] scale: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "HampelOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let values = values_of(values)?;
    let scale = number("scale", given(scale)).map_err(fail)?;
    let options = options_of::<HampelOptionsDto>(options)?
        .into_core()
        .map_err(fail)?;
    let estimate = eqa::hampel(&values, scale, &options).map_err(fail)?;
    to_js(&HampelEstimate::from(&estimate))
}

/// Q/Hampel (ISO 13528:2022 C.5.4): the Q method's s* and Hampel's x* with it,
/// from one result per participant or from replicates (an array of arrays).
///
/// Throws as `qMethod`, and `InvalidParameterError` for a bad option.
#[wasm_bindgen(js_name = qHampel, unchecked_return_type = "QHampelEstimate")]
pub fn q_hampel(
    #[wasm_bindgen(unchecked_param_type = "ParticipantResults")] values: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "HampelOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let results = results_of(values)?;
    let options = options_of::<HampelOptionsDto>(options)?
        .into_core()
        .map_err(fail)?;
    let estimate = match results {
        Results::One(v) => eqa::q_hampel(&v, &options),
        Results::Replicates(g) => eqa::q_hampel_replicates(&g, &options),
    }
    .map_err(fail)?;
    to_js(&QHampelEstimate::from(&estimate))
}

/// Qn (ISO 13528:2022 C.5.2.1), by the amended formulae or the 2022 text.
///
/// Throws `InvalidInputError` for too few values or a NaN or infinite value,
/// `InvalidParameterError` for an unknown edition.
#[wasm_bindgen(unchecked_return_type = "QnEstimate")]
pub fn qn(
    #[wasm_bindgen(unchecked_param_type = "Values")] values: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "QnOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let values = values_of(values)?;
    let edition = options_of::<QnOptionsDto>(options)?
        .into_core()
        .map_err(fail)?;
    let estimate = eqa::qn(&values, edition).map_err(fail)?;
    to_js(&QnEstimate::from(&estimate))
}

/// The small-sample correction bₚ of Qn (Table C.2, and its formulae beyond p = 12).
///
/// Throws `InvalidInputError` for p < 2, `InvalidParameterError` unless p is a whole number.
#[wasm_bindgen(js_name = qnCorrection)]
pub fn qn_correction(
    #[wasm_bindgen(unchecked_param_type = "number")] p: &JsValue,
) -> Result<f64, JsValue> {
    let p = crate::options::participants(given(p)).map_err(fail)?;
    eqa::qn_correction(p).map_err(fail)
}

/// Algorithm S (ISO 13528:2022 C.4): the robust pooled standard deviation or
/// range of `w`, each with `nu` degrees of freedom.
///
/// Throws `InvalidParameterError` for `nu` outside 1 to 1000, a negative
/// value or a bad option, `InvalidInputError` for no values or a NaN or
/// infinite value, `ZeroScaleError` for a zero median under `"error"`.
#[wasm_bindgen(js_name = algorithmS, unchecked_return_type = "AlgorithmSEstimate")]
pub fn algorithm_s(
    #[wasm_bindgen(unchecked_param_type = "Values")] w: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] nu: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AlgorithmSOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let w = values_of(w)?;
    let nu = self::nu(given(nu)).map_err(fail)?;
    let options = options_of::<AlgorithmSOptionsDto>(options)?
        .into_core()
        .map_err(fail)?;
    let estimate = eqa::algorithm_s(&w, nu, &options).map_err(fail)?;
    to_js(&AlgorithmSEstimate::from(&estimate))
}

/// The factors η and ξ of Algorithm S for `nu` degrees of freedom (Table C.1).
///
/// Throws `InvalidParameterError` for `nu` outside 1 to 1000.
#[wasm_bindgen(js_name = algorithmSFactors, unchecked_return_type = "AlgorithmSFactors")]
pub fn algorithm_s_factors(
    #[wasm_bindgen(unchecked_param_type = "number")] nu: &JsValue,
) -> Result<JsValue, JsValue> {
    let nu = self::nu(given(nu)).map_err(fail)?;
    let factors = eqa::algorithm_s_factors(nu).map_err(fail)?;
    to_js(&AlgorithmSFactors::from(&factors))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hampel_options(json: &str) -> Result<HampelOptions, Error> {
        serde_json::from_str::<HampelOptionsDto>(json)
            .unwrap()
            .into_core()
    }

    #[test]
    fn no_options_are_the_core_defaults() {
        assert_eq!(hampel_options("{}"), Ok(HampelOptions::default()));
        let s = serde_json::from_str::<AlgorithmSOptionsDto>("{}").unwrap();
        assert_eq!(s.into_core(), Ok(AlgorithmSOptions::default()));
        let q = serde_json::from_str::<QnOptionsDto>("{}").unwrap();
        assert_eq!(q.into_core(), Ok(QnEdition::default()));
    }

    #[test]
    fn options_are_read_and_refused() {
        let o =
            hampel_options(r#"{"method": "iterative", "maxIter": 7, "stop": "iso2022"}"#).unwrap();
        assert_eq!(
            (o.method, o.max_iter, o.stop),
            (HampelMethod::Iterative, 7, StopRule::Iso2022)
        );
        let err = hampel_options(r#"{"method": "exact"}"#).unwrap_err();
        assert_eq!(err.code(), "invalid_parameter");
        let err = hampel_options(r#"{"scale": 1}"#).unwrap_err();
        assert!(matches!(
            err,
            Error::InvalidParameter { name: "option", .. }
        ));
        let s = serde_json::from_str::<AlgorithmSOptionsDto>(r#"{"zeroScale": "median"}"#)
            .unwrap()
            .into_core()
            .unwrap();
        assert_eq!(s.zero_scale, ZeroScalePolicy::Median);
        assert_eq!(nu(Given::Number(3.0)), Ok(3));
        assert!(nu(Given::Number(1.5)).is_err());
        assert!(nu(Given::Text("3".into())).is_err());
    }

    #[test]
    fn results_are_camel_case_and_bit_for_bit() {
        let r = eqa::q_hampel(&[1.0, 2.0, 2.5, 3.1, 9.0], &HampelOptions::default()).unwrap();
        let json = serde_json::to_value(QHampelEstimate::from(&r)).unwrap();
        let keys: Vec<_> = json.as_object().unwrap().keys().cloned().collect();
        assert_eq!(
            keys,
            [
                "converged",
                "h1Zero",
                "iterations",
                "location",
                "method",
                "n",
                "results",
                "scale",
                "uncertainty"
            ]
        );
        assert_eq!(json["method"], "finite");
        let dto = QHampelEstimate::from(&r);
        assert_eq!(dto.location.to_bits(), r.location.to_bits());
        let q = eqa::qn(&[1.0, 2.0, 4.0, 8.0], QnEdition::Iso2022).unwrap();
        assert_eq!(
            serde_json::to_value(QnEstimate::from(&q)).unwrap()["edition"],
            "iso2022"
        );
    }

    /// This file, whose TypeScript section the macro consumes.
    const ANNEX_C_TYPES: &str = include_str!("annex_c.rs");

    #[test]
    fn typescript_names_are_the_cores() {
        for m in HampelMethod::ALL {
            assert!(ANNEX_C_TYPES.contains(&format!("\"{m}\"")));
        }
        for e in QnEdition::ALL {
            assert!(ANNEX_C_TYPES.contains(&format!("\"{e}\"")));
        }
        let h = HampelOptions::default();
        assert!(ANNEX_C_TYPES.contains(&format!("/** Default `\"{}\"`. */\n  method?", h.method)));
        assert!(ANNEX_C_TYPES.contains(&format!("default `\"{}\"`. */\n  stop?", h.stop)));
        assert!(ANNEX_C_TYPES.contains(&format!(
            "/** Default `\"{}\"`. */\n  edition?",
            QnEdition::default()
        )));
        let s = AlgorithmSOptions::default();
        assert!(ANNEX_C_TYPES.contains(&format!("/** Default `\"{}\"`. */\n  stop?", s.stop)));
    }
}
