//! ISO 13528:2022 clause 7 and Annex B for JavaScript: `homogeneity`,
//! `expandedFactors`, `stability`, the `assignedValue…` constructors and
//! `compareWithReference`.
//!
//! The option DTOs and result objects are plain Rust, tested natively; the
//! exports convert arguments and hand them to the core.

#![allow(
    unreachable_pub,
    reason = "wasm-bindgen exports only `pub` functions; the module itself is private"
)]

use std::collections::BTreeMap;

use eqa::{
    AlgorithmAOptions, AssignedValueProvenance, CheckCriterion, ComparisonRule, ConsensusEstimator,
    ConsensusOptions, Constants, Error, ExpandedFactors, HomogeneityOptions, HomogeneityRemedy,
    StabilityOptions, StabilityUncertainty, StopRule, ZeroScalePolicy,
};
use js_sys::{Array, Float64Array};
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::options::{Given, choice, number, refuse_unknown, set};
use crate::{fail, given, options_of, values_of};

/// The TypeScript declarations of this file's exports.
#[wasm_bindgen(typescript_custom_section)]
const PROVIDER_TYPES: &str = DECLARATIONS;

/// The text of the custom section above, which the tests read too.
#[cfg_attr(
    not(test),
    allow(
        dead_code,
        reason = "the custom section reads it at compile time, which the lint does not see"
    )
)]
const DECLARATIONS: &str = r#"
/** The results of g items, one row of m replicates each: arrays or `Float64Array`s. */
export type Table = readonly Values[];

/** Where F1 and F2 come from: Table B.1 where it has the row, or always computed. */
export type ExpandedFactors = "table_b1" | "computed";

/** Which criterion of Annex B decides: B.2.2/B.5.1, or the expanded B.2.3/B.5.2. */
export type CheckCriterion = "basic" | "expanded";

/** What to do when the items are not sufficiently homogeneous (B.2.5). */
export type HomogeneityRemedy = "inflate_sigma_pt" | "include_u_hom";

/** How a drift becomes u_stab: |ȳ1 − ȳ2|/√3, or |ȳ1 − ȳ2|. */
export type StabilityUncertainty = "rectangular" | "difference";

/** The estimator of a consensus value (7.6, 7.7). */
export type ConsensusEstimator = "algorithm_a" | "median_niqr" | "median_made" | "mean";

/** Where an assigned value came from (7.3 to 7.7). */
export type AssignedValueProvenance =
  | "formulation"
  | "certified_reference_value"
  | "reference_laboratory"
  | "expert_consensus"
  | "participant_consensus";

/** The rule of a comparison with a reference value: |x_diff| ≤ 2·u_diff (7.8) or 3·u_diff. */
export type ComparisonRule = "two_u_diff" | "three_u_diff";

/** Options of `homogeneity`. */
export interface HomogeneityOptions {
  /** Default `"table_b1"`. */
  factors?: ExpandedFactors;
  /** Default `"basic"`. */
  criterion?: CheckCriterion;
  /** Default `"inflate_sigma_pt"`. */
  remedy?: HomogeneityRemedy;
}

/** Options of `expandedFactors`. */
export interface ExpandedFactorsOptions {
  /** Default `"table_b1"`. */
  factors?: ExpandedFactors;
}

/** Options of `stability`. */
export interface StabilityOptions {
  /** u(ȳ1); by default s/√n of the first set, which then needs two values. */
  uFirst?: number;
  /** u(ȳ2); by default s/√n of the second set. */
  uSecond?: number;
  /** Default `"basic"`. */
  criterion?: CheckCriterion;
  /** Default `"rectangular"`. */
  uStabRule?: StabilityUncertainty;
}

/** u_hom and u_stab, added in quadrature to u(x_pt) (7.2.2); both default 0. */
export interface ContributionOptions {
  uHom?: number;
  uStab?: number;
}

/** Options of `assignedValueConsensus` and `assignedValueExpertConsensus`. */
export interface ConsensusOptions extends AlgorithmAOptions, ContributionOptions {
  /** Default `"algorithm_a"`. */
  estimator?: ConsensusEstimator;
}

/** Options of `compareWithReference`. */
export interface ComparisonOptions {
  /** Default `"two_u_diff"`. */
  rule?: ComparisonRule;
}

/** F1 and F2 of the expanded homogeneity criterion, and where they came from. */
export interface ExpandedFactorsResult {
  f1: number;
  f2: number;
  factors: ExpandedFactors;
}

/** A homogeneity check of g items × m replicates (B.3), a plain object. */
export interface Homogeneity {
  g: number;
  m: number;
  itemMeans: number[];
  generalMean: number;
  sX: number;
  sW: number;
  /** √max(0, s_x² − s_w²/m), the between-sample standard deviation. */
  sS: number;
  sigmaPt: number;
  /** 0.3·σ_pt. */
  criterion: number;
  /** s_s ≤ 0.3·σ_pt. */
  sufficient: boolean;
  f1: number;
  f2: number;
  factors: ExpandedFactors;
  /** F1·(0.3·σ_pt)² + F2·s_w². */
  c: number;
  /** √c. */
  expandedCriterion: number;
  /** s_s² ≤ c. */
  sufficientExpanded: boolean;
  decidedBy: CheckCriterion;
  failed: boolean;
  remedy: HomogeneityRemedy;
  /** √(σ_pt² + s_s²) when `"inflate_sigma_pt"` applies, σ_pt otherwise. */
  sigmaPtPrime: number;
  /** s_s when `"include_u_hom"` applies, 0 otherwise. */
  uHom: number;
}

/** A stability check by the difference of two means (B.5), a plain object. */
export interface Stability {
  nFirst: number;
  nSecond: number;
  meanFirst: number;
  meanSecond: number;
  /** meanFirst − meanSecond. */
  difference: number;
  uFirst: number;
  uSecond: number;
  uDifference: number;
  sigmaPt: number;
  /** 0.3·σ_pt. */
  criterion: number;
  stable: boolean;
  /** 0.3·σ_pt + 2·uDifference. */
  expandedCriterion: number;
  stableExpanded: boolean;
  decidedBy: CheckCriterion;
  failed: boolean;
  uStabRule: StabilityUncertainty;
  /** The drift by `uStabRule` when the deciding criterion failed, 0 otherwise. */
  uStab: number;
}

/** An assigned value with its uncertainty and provenance; `null` where a field does not apply. */
export interface AssignedValue {
  xPt: number;
  /** √(uChar² + uHom² + uStab²). */
  uXPt: number;
  uChar: number;
  uHom: number;
  uStab: number;
  provenance: AssignedValueProvenance;
  estimator: ConsensusEstimator | null;
  scale: number | null;
  p: number | null;
  expandedUncertainty: number | null;
  coverageFactor: number | null;
  referenceValue: number | null;
  uReference: number | null;
  meanDifference: number | null;
  uDifference: number | null;
}

/** A reference value against an assigned value (7.8), a plain object. */
export interface ReferenceComparison {
  xRef: number;
  uRef: number;
  xPt: number;
  uXPt: number;
  /** xRef − xPt. */
  difference: number;
  /** √(uRef² + uXPt²). */
  uDiff: number;
  ratio: number;
  rule: ComparisonRule;
  limit: number;
  agrees: boolean;
}
"#;

/// A core error, spelled for JavaScript and thrown.
/// A number argument, or the error naming it.
fn arg(name: &'static str, value: &JsValue) -> Result<f64, JsValue> {
    number(name, given(value)).map_err(fail)
}

/// A result as a plain object, `None` as `null`.
fn plain<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true))
        .map_err(JsValue::from)
}

/// A whole number argument (a count), or the error naming it.
fn count(name: &'static str, given: Given) -> Result<usize, Error> {
    crate::options::whole(&given)
        .map(|n| n as usize)
        .ok_or_else(|| Error::InvalidParameter {
            name,
            value: given.to_string(),
            expected: "a whole number from 0 to 4294967295",
        })
}

const TABLE: &str = "an array of rows, each a Float64Array or an array of numbers";

/// One row of a table: a `Float64Array` or an array of numbers.
fn row_of(index: usize, row: &JsValue) -> Result<Vec<f64>, Error> {
    if let Some(typed) = row.dyn_ref::<Float64Array>() {
        return Ok(typed.to_vec());
    }
    let Some(array) = row.dyn_ref::<Array>() else {
        return Err(Error::InvalidParameter {
            name: "table",
            value: format!("{} at row {index}", given(row)),
            expected: TABLE,
        });
    };
    array
        .iter()
        .enumerate()
        .map(|(k, value)| match given(&value) {
            Given::Number(x) => Ok(x),
            other => Err(Error::InvalidParameter {
                name: "table",
                value: format!("{other} at row {index}, column {k}"),
                expected: TABLE,
            }),
        })
        .collect()
}

/// A table: an array of rows.
fn table_of(table: &JsValue) -> Result<Vec<Vec<f64>>, JsValue> {
    let Some(rows) = table.dyn_ref::<Array>() else {
        return Err(fail(Error::InvalidParameter {
            name: "table",
            value: given(table).to_string(),
            expected: TABLE,
        }));
    };
    rows.iter()
        .enumerate()
        .map(|(index, row)| row_of(index, &row))
        .collect::<Result<_, _>>()
        .map_err(fail)
}

/// The options of `homogeneity`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct HomogeneityOptionsDto {
    factors: Option<Given>,
    criterion: Option<Given>,
    remedy: Option<Given>,
    #[serde(flatten)]
    unknown: BTreeMap<String, IgnoredAny>,
}

impl HomogeneityOptionsDto {
    /// The core's options: its defaults, with the given keys replaced.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] for an unknown key or a value that is not an accepted name.
    pub(crate) fn into_core(self) -> Result<HomogeneityOptions, Error> {
        refuse_unknown(&self.unknown, "factors, criterion or remedy")?;
        let mut options = HomogeneityOptions::default();
        set(&mut options.factors, self.factors, |g| {
            choice::<ExpandedFactors>("factors", g)
        })?;
        set(&mut options.criterion, self.criterion, |g| {
            choice::<CheckCriterion>("criterion", g)
        })?;
        set(&mut options.remedy, self.remedy, |g| {
            choice::<HomogeneityRemedy>("remedy", g)
        })?;
        Ok(options)
    }
}

/// The options of `expandedFactors`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ExpandedFactorsOptionsDto {
    factors: Option<Given>,
    #[serde(flatten)]
    unknown: BTreeMap<String, IgnoredAny>,
}

impl ExpandedFactorsOptionsDto {
    /// The factors' source.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] for an unknown key or name.
    pub(crate) fn into_core(self) -> Result<ExpandedFactors, Error> {
        refuse_unknown(&self.unknown, "factors")?;
        let mut factors = ExpandedFactors::default();
        set(&mut factors, self.factors, |g| choice("factors", g))?;
        Ok(factors)
    }
}

/// The options of `stability`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct StabilityOptionsDto {
    u_first: Option<Given>,
    u_second: Option<Given>,
    criterion: Option<Given>,
    u_stab_rule: Option<Given>,
    #[serde(flatten)]
    unknown: BTreeMap<String, IgnoredAny>,
}

impl StabilityOptionsDto {
    /// The core's options: its defaults, with the given keys replaced.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] for an unknown key or a value of the wrong
    /// type or not an accepted name.
    pub(crate) fn into_core(self) -> Result<StabilityOptions, Error> {
        refuse_unknown(&self.unknown, "uFirst, uSecond, criterion or uStabRule")?;
        let mut options = StabilityOptions::default();
        set(&mut options.u_first, self.u_first, |g| {
            number("u_first", g).map(Some)
        })?;
        set(&mut options.u_second, self.u_second, |g| {
            number("u_second", g).map(Some)
        })?;
        set(&mut options.criterion, self.criterion, |g| {
            choice::<CheckCriterion>("criterion", g)
        })?;
        set(&mut options.u_stab_rule, self.u_stab_rule, |g| {
            choice::<StabilityUncertainty>("u_stab_rule", g)
        })?;
        Ok(options)
    }
}

/// u_hom and u_stab, as the options of the `assignedValue…` constructors.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ContributionsDto {
    u_hom: Option<Given>,
    u_stab: Option<Given>,
    #[serde(flatten)]
    unknown: BTreeMap<String, IgnoredAny>,
}

impl ContributionsDto {
    /// (u_hom, u_stab), each 0 unless given.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] for an unknown key or a value that is not a number.
    pub(crate) fn into_core(self) -> Result<(f64, f64), Error> {
        refuse_unknown(&self.unknown, "uHom or uStab")?;
        contributions(self.u_hom, self.u_stab)
    }
}

fn contributions(u_hom: Option<Given>, u_stab: Option<Given>) -> Result<(f64, f64), Error> {
    let (mut hom, mut stab) = (0.0, 0.0);
    set(&mut hom, u_hom, |g| number("u_hom", g))?;
    set(&mut stab, u_stab, |g| number("u_stab", g))?;
    Ok((hom, stab))
}

/// The options of the consensus constructors.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ConsensusOptionsDto {
    estimator: Option<Given>,
    constants: Option<Given>,
    stop: Option<Given>,
    tol: Option<Given>,
    max_iter: Option<Given>,
    zero_scale: Option<Given>,
    u_hom: Option<Given>,
    u_stab: Option<Given>,
    #[serde(flatten)]
    unknown: BTreeMap<String, IgnoredAny>,
}

impl ConsensusOptionsDto {
    /// The core's options and (u_hom, u_stab).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] for an unknown key or a value of the wrong
    /// type or not an accepted name.
    pub(crate) fn into_core(self) -> Result<(ConsensusOptions, (f64, f64)), Error> {
        refuse_unknown(
            &self.unknown,
            "estimator, constants, stop, tol, maxIter, zeroScale, uHom or uStab",
        )?;
        let mut options = ConsensusOptions::default();
        set(&mut options.estimator, self.estimator, |g| {
            choice::<ConsensusEstimator>("estimator", g)
        })?;
        let a: &mut AlgorithmAOptions = &mut options.algorithm_a;
        set(&mut a.constants, self.constants, |g| {
            choice::<Constants>("constants", g)
        })?;
        set(&mut a.stop, self.stop, |g| choice::<StopRule>("stop", g))?;
        set(&mut a.tol, self.tol, |g| number("tol", g))?;
        set(&mut a.max_iter, self.max_iter, crate::options::max_iter)?;
        set(&mut a.zero_scale, self.zero_scale, |g| {
            choice::<ZeroScalePolicy>("zero_scale", g)
        })?;
        Ok((options, contributions(self.u_hom, self.u_stab)?))
    }
}

/// The options of `compareWithReference`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ComparisonOptionsDto {
    rule: Option<Given>,
    #[serde(flatten)]
    unknown: BTreeMap<String, IgnoredAny>,
}

impl ComparisonOptionsDto {
    /// The rule.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] for an unknown key or name.
    pub(crate) fn into_core(self) -> Result<ComparisonRule, Error> {
        refuse_unknown(&self.unknown, "rule")?;
        let mut rule = ComparisonRule::default();
        set(&mut rule, self.rule, |g| choice("rule", g))?;
        Ok(rule)
    }
}

/// [`eqa::Homogeneity`] as the plain object `Homogeneity`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Homogeneity {
    g: usize,
    m: usize,
    item_means: Vec<f64>,
    general_mean: f64,
    s_x: f64,
    s_w: f64,
    s_s: f64,
    sigma_pt: f64,
    criterion: f64,
    sufficient: bool,
    f1: f64,
    f2: f64,
    factors: ExpandedFactors,
    c: f64,
    expanded_criterion: f64,
    sufficient_expanded: bool,
    decided_by: CheckCriterion,
    failed: bool,
    remedy: HomogeneityRemedy,
    sigma_pt_prime: f64,
    u_hom: f64,
}

impl From<eqa::Homogeneity> for Homogeneity {
    fn from(h: eqa::Homogeneity) -> Self {
        Homogeneity {
            g: h.g,
            m: h.m,
            item_means: h.item_means,
            general_mean: h.general_mean,
            s_x: h.s_x,
            s_w: h.s_w,
            s_s: h.s_s,
            sigma_pt: h.sigma_pt,
            criterion: h.criterion,
            sufficient: h.sufficient,
            f1: h.f1,
            f2: h.f2,
            factors: h.factors,
            c: h.c,
            expanded_criterion: h.expanded_criterion,
            sufficient_expanded: h.sufficient_expanded,
            decided_by: h.decided_by,
            failed: h.failed,
            remedy: h.remedy,
            sigma_pt_prime: h.sigma_pt_prime,
            u_hom: h.u_hom,
        }
    }
}

/// [`eqa::Stability`] as the plain object `Stability`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Stability {
    n_first: usize,
    n_second: usize,
    mean_first: f64,
    mean_second: f64,
    difference: f64,
    u_first: f64,
    u_second: f64,
    u_difference: f64,
    sigma_pt: f64,
    criterion: f64,
    stable: bool,
    expanded_criterion: f64,
    stable_expanded: bool,
    decided_by: CheckCriterion,
    failed: bool,
    u_stab_rule: StabilityUncertainty,
    u_stab: f64,
}

impl From<eqa::Stability> for Stability {
    fn from(s: eqa::Stability) -> Self {
        Stability {
            n_first: s.n_first,
            n_second: s.n_second,
            mean_first: s.mean_first,
            mean_second: s.mean_second,
            difference: s.difference,
            u_first: s.u_first,
            u_second: s.u_second,
            u_difference: s.u_difference,
            sigma_pt: s.sigma_pt,
            criterion: s.criterion,
            stable: s.stable,
            expanded_criterion: s.expanded_criterion,
            stable_expanded: s.stable_expanded,
            decided_by: s.decided_by,
            failed: s.failed,
            u_stab_rule: s.u_stab_rule,
            u_stab: s.u_stab,
        }
    }
}

/// [`eqa::AssignedValue`] as the plain object `AssignedValue`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct AssignedValue {
    x_pt: f64,
    #[serde(rename = "uXPt")]
    u_x_pt: f64,
    u_char: f64,
    u_hom: f64,
    u_stab: f64,
    provenance: AssignedValueProvenance,
    estimator: Option<ConsensusEstimator>,
    scale: Option<f64>,
    p: Option<usize>,
    expanded_uncertainty: Option<f64>,
    coverage_factor: Option<f64>,
    reference_value: Option<f64>,
    u_reference: Option<f64>,
    mean_difference: Option<f64>,
    u_difference: Option<f64>,
}

impl From<eqa::AssignedValue> for AssignedValue {
    fn from(a: eqa::AssignedValue) -> Self {
        AssignedValue {
            x_pt: a.x_pt,
            u_x_pt: a.u_x_pt,
            u_char: a.u_char,
            u_hom: a.u_hom,
            u_stab: a.u_stab,
            provenance: a.provenance,
            estimator: a.estimator,
            scale: a.scale,
            p: a.p,
            expanded_uncertainty: a.expanded_uncertainty,
            coverage_factor: a.coverage_factor,
            reference_value: a.reference_value,
            u_reference: a.u_reference,
            mean_difference: a.mean_difference,
            u_difference: a.u_difference,
        }
    }
}

/// [`eqa::ReferenceComparison`] as the plain object `ReferenceComparison`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ReferenceComparison {
    x_ref: f64,
    u_ref: f64,
    x_pt: f64,
    #[serde(rename = "uXPt")]
    u_x_pt: f64,
    difference: f64,
    u_diff: f64,
    ratio: f64,
    rule: ComparisonRule,
    limit: f64,
    agrees: bool,
}

impl From<eqa::ReferenceComparison> for ReferenceComparison {
    fn from(c: eqa::ReferenceComparison) -> Self {
        ReferenceComparison {
            x_ref: c.x_ref,
            u_ref: c.u_ref,
            x_pt: c.x_pt,
            u_x_pt: c.u_x_pt,
            difference: c.difference,
            u_diff: c.u_diff,
            ratio: c.ratio,
            rule: c.rule,
            limit: c.limit,
            agrees: c.agrees,
        }
    }
}

/// The homogeneity check of g items × m replicates (ISO 13528:2022 B.3),
/// against the criteria of B.2.2 and B.2.3, with the remedy of B.2.5.
///
/// Throws `InvalidInputError` for fewer than two items or replicates, rows
/// of different lengths (`length_mismatch`) or a NaN or infinite result,
/// `InvalidParameterError` for a `sigmaPt` that is not positive and finite,
/// a table that is not an array of rows, or a bad option,
/// `NumericalOverflowError` for a spread too large to square.
#[wasm_bindgen(js_name = homogeneity, unchecked_return_type = "Homogeneity")]
pub fn homogeneity(
    #[wasm_bindgen(unchecked_param_type = "Table")] table: &JsValue,
    #[wasm_bindgen(js_name = sigmaPt, unchecked_param_type = "number")] sigma_pt: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "HomogeneityOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let rows = table_of(table)?;
    let sigma_pt = arg("sigma_pt", sigma_pt)?;
    let options = options_of::<HomogeneityOptionsDto>(options)?
        .into_core()
        .map_err(fail)?;
    let h = eqa::homogeneity(&rows, sigma_pt, &options).map_err(fail)?;
    plain(&Homogeneity::from(h))
}

/// F1 and F2 of the expanded homogeneity criterion for g items of m
/// replicates (ISO 13528:2022 B.2.3, Table B.1), and where they came from.
///
/// Throws `InvalidInputError` for g < 2 or m < 2, `InvalidParameterError`
/// for a count that is not a whole number or a bad option.
#[wasm_bindgen(js_name = expandedFactors, unchecked_return_type = "ExpandedFactorsResult")]
pub fn expanded_factors(
    #[wasm_bindgen(unchecked_param_type = "number")] g: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] m: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ExpandedFactorsOptions")] options: Option<
        JsValue,
    >,
) -> Result<JsValue, JsValue> {
    let g = count("g", given(g)).map_err(fail)?;
    let m = count("m", given(m)).map_err(fail)?;
    let factors = options_of::<ExpandedFactorsOptionsDto>(options)?
        .into_core()
        .map_err(fail)?;
    let (f1, f2, factors) = eqa::expanded_factors(g, m, factors).map_err(fail)?;
    #[derive(Serialize)]
    struct Factors {
        f1: f64,
        f2: f64,
        factors: ExpandedFactors,
    }
    plain(&Factors { f1, f2, factors })
}

/// The stability check by the difference of two means (ISO 13528:2022
/// B.5.1, B.5.2, B.6.3), with u_stab when the deciding criterion fails.
///
/// Throws `InvalidInputError` for an empty set, a set of one value without
/// its uncertainty, or a NaN or infinite value, `InvalidParameterError` for
/// a `sigmaPt` that is not positive and finite, a negative uncertainty or a
/// bad option, `NumericalOverflowError` for a spread too large.
#[wasm_bindgen(js_name = stability, unchecked_return_type = "Stability")]
pub fn stability(
    #[wasm_bindgen(unchecked_param_type = "Values")] first: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Values")] second: &JsValue,
    #[wasm_bindgen(js_name = sigmaPt, unchecked_param_type = "number")] sigma_pt: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "StabilityOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let (first, second) = (values_of(first)?, values_of(second)?);
    let sigma_pt = arg("sigma_pt", sigma_pt)?;
    let options = options_of::<StabilityOptionsDto>(options)?
        .into_core()
        .map_err(fail)?;
    let s = eqa::stability(&first, &second, sigma_pt, &options).map_err(fail)?;
    plain(&Stability::from(s))
}

/// An assigned value with u_hom and u_stab from the options added.
fn assigned(
    value: eqa::Result<eqa::AssignedValue>,
    options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let (u_hom, u_stab) = options_of::<ContributionsDto>(options)?
        .into_core()
        .map_err(fail)?;
    let value = value
        .and_then(|a| a.with_contributions(u_hom, u_stab))
        .map_err(fail)?;
    plain(&AssignedValue::from(value))
}

/// The assigned value from formulation (ISO 13528:2022 7.3).
///
/// Throws `InvalidParameterError` for a non-finite value or a negative or
/// non-finite uncertainty.
#[wasm_bindgen(js_name = assignedValueFormulation, unchecked_return_type = "AssignedValue")]
pub fn assigned_value_formulation(
    #[wasm_bindgen(js_name = xPt, unchecked_param_type = "number")] x_pt: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] u: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ContributionOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let value = eqa::AssignedValue::formulation(arg("x_pt", x_pt)?, arg("u", u)?);
    assigned(value, options)
}

/// The certified value of a CRM (ISO 13528:2022 7.4): u(x_pt) = U / k.
///
/// Throws `InvalidParameterError` for a non-finite value, a negative U or a
/// k that is not positive and finite.
#[wasm_bindgen(js_name = assignedValueCertified, unchecked_return_type = "AssignedValue")]
pub fn assigned_value_certified(
    #[wasm_bindgen(unchecked_param_type = "number")] value: &JsValue,
    #[wasm_bindgen(js_name = expandedUncertainty, unchecked_param_type = "number")]
    expanded_uncertainty: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] k: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ContributionOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let value = eqa::AssignedValue::certified(
        arg("value", value)?,
        arg("expanded_uncertainty", expanded_uncertainty)?,
        arg("k", k)?,
    );
    assigned(value, options)
}

/// The value of a reference laboratory (ISO 13528:2022 7.5).
///
/// Throws as `assignedValueFormulation`.
#[wasm_bindgen(
    js_name = assignedValueReferenceLaboratory,
    unchecked_return_type = "AssignedValue"
)]
pub fn assigned_value_reference_laboratory(
    #[wasm_bindgen(js_name = xPt, unchecked_param_type = "number")] x_pt: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] u: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ContributionOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let value = eqa::AssignedValue::reference_laboratory(arg("x_pt", x_pt)?, arg("u", u)?);
    assigned(value, options)
}

/// The value of a reference laboratory measured against a CRM
/// (ISO 13528:2022 7.5.2): x_pt = x_CRM + mean(d).
///
/// Throws `InvalidInputError` for fewer than two differences or a NaN or
/// infinite one, `InvalidParameterError` for a bad x_CRM or u(x_CRM).
#[wasm_bindgen(js_name = assignedValueCrmComparison, unchecked_return_type = "AssignedValue")]
pub fn assigned_value_crm_comparison(
    #[wasm_bindgen(js_name = xCrm, unchecked_param_type = "number")] x_crm: &JsValue,
    #[wasm_bindgen(js_name = uCrm, unchecked_param_type = "number")] u_crm: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Values")] differences: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ContributionOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let (x_crm, u_crm) = (arg("x_crm", x_crm)?, arg("u_crm", u_crm)?);
    let value = eqa::AssignedValue::crm_comparison(x_crm, u_crm, &values_of(differences)?);
    assigned(value, options)
}

fn consensus(
    values: &JsValue,
    options: Option<JsValue>,
    build: fn(&[f64], &ConsensusOptions) -> eqa::Result<eqa::AssignedValue>,
) -> Result<JsValue, JsValue> {
    let values = values_of(values)?;
    let (options, (u_hom, u_stab)) = options_of::<ConsensusOptionsDto>(options)?
        .into_core()
        .map_err(fail)?;
    let value = build(&values, &options)
        .and_then(|a| a.with_contributions(u_hom, u_stab))
        .map_err(fail)?;
    plain(&AssignedValue::from(value))
}

/// The consensus of the participants (ISO 13528:2022 7.7), with
/// u(x_pt) = 1.25·s* / √p for a robust estimator, s / √p for the mean.
///
/// Throws what the estimator throws (see `algorithmA`, `median`, `niqr`,
/// `made`, `standardDeviation`) and `InvalidParameterError` for a bad option.
#[wasm_bindgen(js_name = assignedValueConsensus, unchecked_return_type = "AssignedValue")]
pub fn assigned_value_consensus(
    #[wasm_bindgen(unchecked_param_type = "Values")] values: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ConsensusOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    consensus(values, options, eqa::AssignedValue::participant_consensus)
}

/// The consensus of expert laboratories (ISO 13528:2022 7.6), computed as
/// `assignedValueConsensus`.
///
/// Throws as `assignedValueConsensus`.
#[wasm_bindgen(
    js_name = assignedValueExpertConsensus,
    unchecked_return_type = "AssignedValue"
)]
pub fn assigned_value_expert_consensus(
    #[wasm_bindgen(unchecked_param_type = "Values")] values: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ConsensusOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    consensus(values, options, eqa::AssignedValue::expert_consensus)
}

/// Compares an assigned value with a reference value (ISO 13528:2022 7.8):
/// x_diff = xRef − xPt against u_diff = √(uRef² + uXPt²).
///
/// Throws `InvalidParameterError` for a non-finite value, a negative
/// uncertainty, two zero uncertainties or a bad option,
/// `NumericalOverflowError` for a difference beyond the range of a double.
#[wasm_bindgen(js_name = compareWithReference, unchecked_return_type = "ReferenceComparison")]
pub fn compare_with_reference(
    #[wasm_bindgen(js_name = xRef, unchecked_param_type = "number")] x_ref: &JsValue,
    #[wasm_bindgen(js_name = uRef, unchecked_param_type = "number")] u_ref: &JsValue,
    #[wasm_bindgen(js_name = xPt, unchecked_param_type = "number")] x_pt: &JsValue,
    #[wasm_bindgen(js_name = uXPt, unchecked_param_type = "number")] u_x_pt: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ComparisonOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let rule = options_of::<ComparisonOptionsDto>(options)?
        .into_core()
        .map_err(fail)?;
    let c = eqa::compare_with_reference(
        arg("x_ref", x_ref)?,
        arg("u_ref", u_ref)?,
        arg("x_pt", x_pt)?,
        arg("u_x_pt", u_x_pt)?,
        rule,
    )
    .map_err(fail)?;
    plain(&ReferenceComparison::from(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dto<T: serde::de::DeserializeOwned>(json: &str) -> T {
        serde_json::from_str(json).unwrap()
    }

    fn union_of(declaration: &str) -> Vec<&str> {
        let start = DECLARATIONS
            .find(declaration)
            .unwrap_or_else(|| panic!("{declaration} is not declared"));
        let text = &DECLARATIONS[start + declaration.len()..];
        let text = &text[..text.find(';').unwrap()];
        text.split('|')
            .map(|member| member.trim().trim_matches('"'))
            .filter(|member| !member.is_empty())
            .collect()
    }

    #[test]
    fn typescript_names_are_the_cores() {
        let names = |all: Vec<&'static str>| all;
        assert_eq!(
            union_of("type ExpandedFactors ="),
            names(ExpandedFactors::ALL.iter().map(|c| c.as_str()).collect())
        );
        assert_eq!(
            union_of("type CheckCriterion ="),
            names(CheckCriterion::ALL.iter().map(|c| c.as_str()).collect())
        );
        assert_eq!(
            union_of("type HomogeneityRemedy ="),
            names(HomogeneityRemedy::ALL.iter().map(|c| c.as_str()).collect())
        );
        assert_eq!(
            union_of("type StabilityUncertainty ="),
            names(
                StabilityUncertainty::ALL
                    .iter()
                    .map(|c| c.as_str())
                    .collect()
            )
        );
        assert_eq!(
            union_of("type ConsensusEstimator ="),
            names(ConsensusEstimator::ALL.iter().map(|c| c.as_str()).collect())
        );
        assert_eq!(
            union_of("type AssignedValueProvenance ="),
            names(
                AssignedValueProvenance::ALL
                    .iter()
                    .map(|c| c.as_str())
                    .collect()
            )
        );
        assert_eq!(
            union_of("type ComparisonRule ="),
            names(ComparisonRule::ALL.iter().map(|c| c.as_str()).collect())
        );
    }

    #[test]
    fn typescript_defaults_are_the_cores() {
        let h = HomogeneityOptions::default();
        let s = StabilityOptions::default();
        for text in [
            format!(
                "/** Default `\"{}\"`. */\n  factors?: ExpandedFactors;",
                h.factors
            ),
            format!(
                "/** Default `\"{}\"`. */\n  criterion?: CheckCriterion;",
                h.criterion
            ),
            format!(
                "/** Default `\"{}\"`. */\n  remedy?: HomogeneityRemedy;",
                h.remedy
            ),
            format!(
                "/** Default `\"{}\"`. */\n  criterion?: CheckCriterion;",
                s.criterion
            ),
            format!(
                "/** Default `\"{}\"`. */\n  uStabRule?: StabilityUncertainty;",
                s.u_stab_rule
            ),
            format!(
                "/** Default `\"{}\"`. */\n  estimator?: ConsensusEstimator;",
                ConsensusOptions::default().estimator
            ),
            format!(
                "/** Default `\"{}\"`. */\n  rule?: ComparisonRule;",
                ComparisonRule::default()
            ),
        ] {
            assert!(DECLARATIONS.contains(&text), "not declared: {text}");
        }
    }

    #[test]
    fn options_are_read_with_the_cores_defaults() {
        let h = dto::<HomogeneityOptionsDto>("{}").into_core().unwrap();
        assert_eq!(h, HomogeneityOptions::default());
        let h = dto::<HomogeneityOptionsDto>(r#"{"factors":"computed","remedy":"include_u_hom"}"#)
            .into_core()
            .unwrap();
        assert_eq!(
            (h.factors, h.remedy),
            (ExpandedFactors::Computed, HomogeneityRemedy::IncludeUHom)
        );
        let s = dto::<StabilityOptionsDto>(r#"{"uFirst":0.1,"uStabRule":"difference"}"#)
            .into_core()
            .unwrap();
        assert_eq!(
            (s.u_first, s.u_second, s.u_stab_rule),
            (Some(0.1), None, StabilityUncertainty::Difference)
        );
        let (c, contributions) =
            dto::<ConsensusOptionsDto>(r#"{"estimator":"mean","maxIter":5,"uHom":0.2}"#)
                .into_core()
                .unwrap();
        assert_eq!(
            (c.estimator, c.algorithm_a.max_iter, contributions),
            (ConsensusEstimator::Mean, 5, (0.2, 0.0))
        );
        assert_eq!(
            dto::<ComparisonOptionsDto>(r#"{"rule":"three_u_diff"}"#)
                .into_core()
                .unwrap(),
            ComparisonRule::ThreeUDiff
        );
    }

    #[test]
    fn bad_options_are_refused_by_name() {
        let refused = |e: Error| match e.respelled(eqa::KeyStyle::CamelCase) {
            Error::InvalidParameter { name, .. } => name,
            other => panic!("not an invalid parameter: {other:?}"),
        };
        let e = dto::<HomogeneityOptionsDto>(r#"{"factor":"computed"}"#)
            .into_core()
            .unwrap_err();
        assert_eq!(refused(e), "option");
        let e = dto::<StabilityOptionsDto>(r#"{"uStabRule":"uniform"}"#)
            .into_core()
            .unwrap_err();
        assert_eq!(refused(e), "uStabRule");
        let e = dto::<ContributionsDto>(r#"{"uHom":"0.1"}"#)
            .into_core()
            .unwrap_err();
        assert_eq!(refused(e), "uHom");
        let e = dto::<ConsensusOptionsDto>(r#"{"estimator":"q_hampel"}"#)
            .into_core()
            .unwrap_err();
        assert_eq!(refused(e), "estimator");
        let e = eqa::homogeneity(
            &[[1.0, 2.0], [3.0, 4.0]],
            0.0,
            &HomogeneityOptions::default(),
        )
        .unwrap_err();
        assert_eq!(refused(e), "sigmaPt");
        assert_eq!(
            count("g", Given::Number(2.5)).unwrap_err().code(),
            "invalid_parameter"
        );
        assert_eq!(count("g", Given::Number(7.0)), Ok(7));
    }

    #[test]
    fn results_are_camel_case_with_nulls_where_nothing_applies() {
        let a = eqa::AssignedValue::formulation(5.0, 0.02).unwrap();
        let json = serde_json::to_value(AssignedValue::from(a)).unwrap();
        assert_eq!(json["xPt"], 5.0);
        assert_eq!(json["uXPt"], 0.02);
        assert_eq!(json["provenance"], "formulation");
        assert!(json["estimator"].is_null() && json["p"].is_null());
        let h = eqa::homogeneity(
            &[[1.0, 1.2], [1.1, 1.3]],
            1.0,
            &HomogeneityOptions::default(),
        )
        .unwrap();
        let json = serde_json::to_value(Homogeneity::from(h.clone())).unwrap();
        assert_eq!(json["sS"].as_f64().unwrap().to_bits(), h.s_s.to_bits());
        assert_eq!(json["itemMeans"].as_array().unwrap().len(), 2);
        assert_eq!(json["sigmaPtPrime"], 1.0);
        let c = eqa::compare_with_reference(1.0, 0.1, 1.1, 0.1, ComparisonRule::TwoUDiff).unwrap();
        let json = serde_json::to_value(ReferenceComparison::from(c)).unwrap();
        assert_eq!(json["rule"], "two_u_diff");
        assert!(json.get("uXPt").is_some() && json.get("uDiff").is_some());
    }
}
