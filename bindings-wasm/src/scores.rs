//! The performance statistics of ISO 13528:2022 clause 9 for JavaScript:
//! `zScore` for one result and `zScores` for a round (and likewise for D,
//! D%, P_A, z′, ζ and E_n), `classify`, and `combinedZ`.
//!
//! The option DTOs and result objects are plain Rust, tested natively; the
//! exports convert arguments and hand them to the core.

#![allow(
    unreachable_pub,
    reason = "wasm-bindgen exports only `pub` functions; the module itself is private"
)]

use std::collections::BTreeMap;

use eqa::{Bound, ClassificationRule, CombinedOptions, Error, Performance};
use js_sys::Float64Array;
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::options::{Given, choice, number, refuse_unknown, set};
use crate::{fail, given, options_of, to_js, values_of};

/// The TypeScript declarations of this file's exports.
#[wasm_bindgen(typescript_custom_section)]
const SCORE_TYPES: &str = r#"
/** The verdict on a score (ISO 13528:2022 9.4.2: acceptable, warning signal, action signal). */
export type Performance = "satisfactory" | "questionable" | "unsatisfactory";

/** Whether a band includes the limit that bounds it. */
export type Bound = "inclusive" | "exclusive";

/**
 * A classification rule by |score|: satisfactory up to `satisfactory`,
 * unsatisfactory from `unsatisfactory`, questionable between.
 */
export interface ClassificationRuleSpec {
  satisfactory: number;
  unsatisfactory: number;
  /** Default `"inclusive"`: |s| ≤ satisfactory is satisfactory. */
  satisfactoryBound?: Bound;
  /** Default `"inclusive"`: |s| ≥ unsatisfactory is unsatisfactory. */
  unsatisfactoryBound?: Bound;
}

/**
 * A rule: a preset (`"z"`: |s| ≤ 2, 2 < |s| < 3, |s| ≥ 3; `"en"`: |E_n| ≤ 1
 * satisfactory, > 1 not; `"pa"`: |P_A| ≤ 100 satisfactory) or its own limits.
 */
export type ClassificationRuleLike = "z" | "en" | "pa" | ClassificationRuleSpec;

/** A classification rule as it appears in results. */
export interface ClassificationRule {
  satisfactory: number;
  satisfactoryBound: Bound;
  unsatisfactory: number;
  unsatisfactoryBound: Bound;
}

/** Options of `combinedZ`; a key left out keeps its default. */
export interface CombinedOptions {
  /** Significance level of the warning signal on SSZ; default 0.05. */
  questionable?: number;
  /** Significance level of the action signal on SSZ, at most `questionable`; default 0.01. */
  unsatisfactory?: number;
  /** The rule classifying RSZ; default `"z"`. */
  rule?: ClassificationRuleLike;
}

/** The options a `CombinedScore` was computed with. */
export interface CombinedSettings {
  questionable: number;
  unsatisfactory: number;
  rule: ClassificationRule;
}

/** Combined scores of one participant's z scores over p items or rounds (a plain object). */
export interface CombinedScore {
  /** The individual z scores, as given. */
  z: number[];
  /** The number of scores p. */
  p: number;
  /** The average z score Σz/p. */
  meanZ: number;
  /** RSZ = Σz/√p, a standard normal score. */
  rescaledSum: number;
  rescaledSumPerformance: Performance;
  /** SSZ = Σz², χ² with p degrees of freedom. */
  sumOfSquares: number;
  /** P(χ²_p ≥ SSZ). */
  pValue: number;
  sumOfSquaresPerformance: Performance;
  options: CombinedSettings;
}
"#;

/// A number argument, or the error naming it.
pub(crate) fn arg(name: &'static str, value: &JsValue) -> Result<f64, JsValue> {
    number(name, given(value)).map_err(fail)
}

/// A rule as given: a preset's name or an object of limits.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum RuleDto {
    /// `"z"`, `"en"` or `"pa"`.
    Preset(String),
    /// The limits and bounds.
    Limits(LimitsDto),
}

/// The limits of a rule as given.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct LimitsDto {
    satisfactory: Option<Given>,
    unsatisfactory: Option<Given>,
    satisfactory_bound: Option<Given>,
    unsatisfactory_bound: Option<Given>,
    #[serde(flatten)]
    unknown: BTreeMap<String, IgnoredAny>,
}

impl RuleDto {
    /// The core's rule.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] for an unknown preset or key, a missing or
    /// non-numeric limit, an unknown bound, or limits the core refuses.
    pub(crate) fn into_core(self) -> Result<ClassificationRule, Error> {
        match self {
            RuleDto::Preset(name) => ClassificationRule::preset(&name),
            RuleDto::Limits(l) => {
                refuse_unknown(
                    &l.unknown,
                    "satisfactory, unsatisfactory, satisfactoryBound or unsatisfactoryBound",
                )?;
                let limit = |name, g: Option<Given>| number(name, g.unwrap_or(Given::Nothing));
                let mut low = Bound::Inclusive;
                let mut high = Bound::Inclusive;
                set(&mut low, l.satisfactory_bound, |g| {
                    choice("satisfactory_bound", g)
                })?;
                set(&mut high, l.unsatisfactory_bound, |g| {
                    choice("unsatisfactory_bound", g)
                })?;
                ClassificationRule::new(
                    limit("satisfactory", l.satisfactory)?,
                    low,
                    limit("unsatisfactory", l.unsatisfactory)?,
                    high,
                )
            }
        }
    }
}

/// The options of `combinedZ`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CombinedOptionsDto {
    questionable: Option<Given>,
    unsatisfactory: Option<Given>,
    rule: Option<RuleDto>,
    #[serde(flatten)]
    unknown: BTreeMap<String, IgnoredAny>,
}

impl CombinedOptionsDto {
    /// The core's options: its defaults, with the given keys replaced.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] for an unknown key, a value of the wrong
    /// type, or a bad rule; the levels' ranges are the core's to check.
    pub(crate) fn into_core(self) -> Result<CombinedOptions, Error> {
        refuse_unknown(&self.unknown, "questionable, unsatisfactory or rule")?;
        let mut options = CombinedOptions::default();
        set(&mut options.questionable, self.questionable, |g| {
            number("questionable", g)
        })?;
        set(&mut options.unsatisfactory, self.unsatisfactory, |g| {
            number("unsatisfactory", g)
        })?;
        if let Some(rule) = self.rule {
            options.rule = rule.into_core()?;
        }
        Ok(options)
    }
}

/// A [`ClassificationRule`] as the plain object `ClassificationRule`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct RuleOut {
    satisfactory: f64,
    satisfactory_bound: Bound,
    unsatisfactory: f64,
    unsatisfactory_bound: Bound,
}

impl From<&ClassificationRule> for RuleOut {
    fn from(r: &ClassificationRule) -> Self {
        RuleOut {
            satisfactory: r.satisfactory(),
            satisfactory_bound: r.satisfactory_bound(),
            unsatisfactory: r.unsatisfactory(),
            unsatisfactory_bound: r.unsatisfactory_bound(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct SettingsOut {
    questionable: f64,
    unsatisfactory: f64,
    rule: RuleOut,
}

/// An [`eqa::CombinedScore`] as the plain object `CombinedScore`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CombinedScoreOut {
    z: Vec<f64>,
    p: usize,
    mean_z: f64,
    rescaled_sum: f64,
    rescaled_sum_performance: Performance,
    sum_of_squares: f64,
    p_value: f64,
    sum_of_squares_performance: Performance,
    options: SettingsOut,
}

impl From<&eqa::CombinedScore> for CombinedScoreOut {
    fn from(c: &eqa::CombinedScore) -> Self {
        CombinedScoreOut {
            z: c.z.clone(),
            p: c.p,
            mean_z: c.mean_z,
            rescaled_sum: c.rescaled_sum,
            rescaled_sum_performance: c.rescaled_sum_performance,
            sum_of_squares: c.sum_of_squares,
            p_value: c.p_value,
            sum_of_squares_performance: c.sum_of_squares_performance,
            options: SettingsOut {
                questionable: c.options.questionable,
                unsatisfactory: c.options.unsatisfactory,
                rule: RuleOut::from(&c.options.rule),
            },
        }
    }
}

fn scores(result: eqa::Result<Vec<f64>>) -> Result<Float64Array, JsValue> {
    result.map(|v| Float64Array::from(&v[..])).map_err(fail)
}

/// D = x − x_pt of one result (ISO 13528:2022 9.3.1).
///
/// Throws `InvalidInputError` for a NaN or infinite `x`,
/// `InvalidParameterError` for a non-number or non-finite `xPt`.
#[wasm_bindgen]
#[allow(non_snake_case)]
pub fn deviation(
    #[wasm_bindgen(unchecked_param_type = "number")] x: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] xPt: &JsValue,
) -> Result<f64, JsValue> {
    eqa::deviation(arg("x", x)?, arg("x_pt", xPt)?).map_err(fail)
}

/// D = x − x_pt of each result, as a `Float64Array`.
///
/// Throws as `deviation`, with the index of a non-finite result.
#[wasm_bindgen]
#[allow(non_snake_case)]
pub fn deviations(
    #[wasm_bindgen(unchecked_param_type = "Values")] x: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] xPt: &JsValue,
) -> Result<Float64Array, JsValue> {
    scores(eqa::deviations(&values_of(x)?, arg("x_pt", xPt)?))
}

/// D% = 100·(x − x_pt)/x_pt of one result (ISO 13528:2022 9.3.1).
///
/// Throws `InvalidParameterError` for `xPt` = 0, and as `deviation`.
#[wasm_bindgen(js_name = percentDeviation)]
#[allow(non_snake_case)]
pub fn percent_deviation(
    #[wasm_bindgen(unchecked_param_type = "number")] x: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] xPt: &JsValue,
) -> Result<f64, JsValue> {
    eqa::percent_deviation(arg("x", x)?, arg("x_pt", xPt)?).map_err(fail)
}

/// D% of each result, as a `Float64Array`.
///
/// Throws as `percentDeviation`.
#[wasm_bindgen(js_name = percentDeviations)]
#[allow(non_snake_case)]
pub fn percent_deviations(
    #[wasm_bindgen(unchecked_param_type = "Values")] x: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] xPt: &JsValue,
) -> Result<Float64Array, JsValue> {
    scores(eqa::percent_deviations(&values_of(x)?, arg("x_pt", xPt)?))
}

/// P_A = 100·(x − x_pt)/δ_E of one result (ISO 13528:2022 9.3.6).
///
/// Throws `InvalidParameterError` for a `deltaE` that is not positive and
/// finite, and as `deviation`.
#[wasm_bindgen(js_name = paScore)]
#[allow(non_snake_case)]
pub fn pa_score(
    #[wasm_bindgen(unchecked_param_type = "number")] x: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] xPt: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] deltaE: &JsValue,
) -> Result<f64, JsValue> {
    eqa::pa_score(arg("x", x)?, arg("x_pt", xPt)?, arg("delta_e", deltaE)?).map_err(fail)
}

/// P_A of each result, as a `Float64Array`.
///
/// Throws as `paScore`.
#[wasm_bindgen(js_name = paScores)]
#[allow(non_snake_case)]
pub fn pa_scores(
    #[wasm_bindgen(unchecked_param_type = "Values")] x: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] xPt: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] deltaE: &JsValue,
) -> Result<Float64Array, JsValue> {
    scores(eqa::pa_scores(
        &values_of(x)?,
        arg("x_pt", xPt)?,
        arg("delta_e", deltaE)?,
    ))
}

/// z = (x − x_pt)/σ_pt of one result (ISO 13528:2022 9.4.1).
///
/// Throws `InvalidParameterError` for a `sigmaPt` that is not positive and
/// finite, and as `deviation`.
#[wasm_bindgen(js_name = zScore)]
#[allow(non_snake_case)]
pub fn z_score(
    #[wasm_bindgen(unchecked_param_type = "number")] x: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] xPt: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] sigmaPt: &JsValue,
) -> Result<f64, JsValue> {
    eqa::z_score(arg("x", x)?, arg("x_pt", xPt)?, arg("sigma_pt", sigmaPt)?).map_err(fail)
}

/// z of each result, as a `Float64Array`.
///
/// Throws as `zScore`.
#[wasm_bindgen(js_name = zScores)]
#[allow(non_snake_case)]
pub fn z_scores(
    #[wasm_bindgen(unchecked_param_type = "Values")] x: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] xPt: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] sigmaPt: &JsValue,
) -> Result<Float64Array, JsValue> {
    scores(eqa::z_scores(
        &values_of(x)?,
        arg("x_pt", xPt)?,
        arg("sigma_pt", sigmaPt)?,
    ))
}

/// z′ = (x − x_pt)/√(σ_pt² + u²(x_pt)) of one result (ISO 13528:2022 9.5.1).
///
/// Throws `InvalidParameterError` for a `sigmaPt` that is not positive and
/// finite or a `uXPt` that is negative or not finite, and as `deviation`.
#[wasm_bindgen(js_name = zPrimeScore)]
#[allow(non_snake_case)]
pub fn z_prime_score(
    #[wasm_bindgen(unchecked_param_type = "number")] x: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] xPt: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] sigmaPt: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] uXPt: &JsValue,
) -> Result<f64, JsValue> {
    eqa::z_prime_score(
        arg("x", x)?,
        arg("x_pt", xPt)?,
        arg("sigma_pt", sigmaPt)?,
        arg("u_x_pt", uXPt)?,
    )
    .map_err(fail)
}

/// z′ of each result, as a `Float64Array`.
///
/// Throws as `zPrimeScore`.
#[wasm_bindgen(js_name = zPrimeScores)]
#[allow(non_snake_case)]
pub fn z_prime_scores(
    #[wasm_bindgen(unchecked_param_type = "Values")] x: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] xPt: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] sigmaPt: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] uXPt: &JsValue,
) -> Result<Float64Array, JsValue> {
    scores(eqa::z_prime_scores(
        &values_of(x)?,
        arg("x_pt", xPt)?,
        arg("sigma_pt", sigmaPt)?,
        arg("u_x_pt", uXPt)?,
    ))
}

/// ζ = (x − x_pt)/√(u²(x) + u²(x_pt)) of one result (ISO 13528:2022 9.6.1).
///
/// Throws `InvalidParameterError` for an uncertainty that is negative or not
/// finite, or both zero, and as `deviation`.
#[wasm_bindgen(js_name = zetaScore)]
#[allow(non_snake_case)]
pub fn zeta_score(
    #[wasm_bindgen(unchecked_param_type = "number")] x: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] uX: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] xPt: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] uXPt: &JsValue,
) -> Result<f64, JsValue> {
    eqa::zeta_score(
        arg("x", x)?,
        arg("u_x", uX)?,
        arg("x_pt", xPt)?,
        arg("u_x_pt", uXPt)?,
    )
    .map_err(fail)
}

/// Each result's own uncertainties, or one number for all of them.
fn own(u: &JsValue, n: usize) -> Result<Vec<f64>, JsValue> {
    match given(u) {
        Given::Number(v) => Ok(vec![v; n]),
        _ => values_of(u),
    }
}

/// ζ of each result with its own u(x) (or one u(x) for all), as a `Float64Array`.
///
/// Throws `InvalidInputError` when `uX` and `x` differ in length, and as `zetaScore`.
#[wasm_bindgen(js_name = zetaScores)]
#[allow(non_snake_case)]
pub fn zeta_scores(
    #[wasm_bindgen(unchecked_param_type = "Values")] x: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Values | number")] uX: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] xPt: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] uXPt: &JsValue,
) -> Result<Float64Array, JsValue> {
    let x = values_of(x)?;
    let u = own(uX, x.len())?;
    scores(eqa::zeta_scores(
        &x,
        &u,
        arg("x_pt", xPt)?,
        arg("u_x_pt", uXPt)?,
    ))
}

/// E_n = (x − x_pt)/√(U²(x) + U²(x_pt)) of one result (ISO 13528:2022 9.7.1).
///
/// Throws as `zetaScore`, for the expanded uncertainties.
#[wasm_bindgen(js_name = enNumber)]
#[allow(non_snake_case)]
pub fn en_number(
    #[wasm_bindgen(unchecked_param_type = "number")] x: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] UX: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] xPt: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] UXPt: &JsValue,
) -> Result<f64, JsValue> {
    eqa::en_number(
        arg("x", x)?,
        arg("U_x", UX)?,
        arg("x_pt", xPt)?,
        arg("U_x_pt", UXPt)?,
    )
    .map_err(fail)
}

/// E_n of each result with its own U(x) (or one U(x) for all), as a `Float64Array`.
///
/// Throws as `zetaScores`.
#[wasm_bindgen(js_name = enNumbers)]
#[allow(non_snake_case)]
pub fn en_numbers(
    #[wasm_bindgen(unchecked_param_type = "Values")] x: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Values | number")] UX: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] xPt: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] UXPt: &JsValue,
) -> Result<Float64Array, JsValue> {
    let x = values_of(x)?;
    let u = own(UX, x.len())?;
    scores(eqa::en_numbers(
        &x,
        &u,
        arg("x_pt", xPt)?,
        arg("U_x_pt", UXPt)?,
    ))
}

fn classes(scores: &JsValue, rule: &ClassificationRule) -> Result<JsValue, JsValue> {
    let classes = eqa::classify(&values_of(scores)?, rule).map_err(fail)?;
    to_js(&classes)
}

/// The class of each score under `rule` (default `"z"`).
///
/// Throws `InvalidInputError` for a NaN or infinite score,
/// `InvalidParameterError` for a bad rule.
#[wasm_bindgen(unchecked_return_type = "Performance[]")]
pub fn classify(
    #[wasm_bindgen(unchecked_param_type = "Values")] scores: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ClassificationRuleLike")] rule: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let rule = match rule.filter(|r| !r.is_null() && !r.is_undefined()) {
        None => ClassificationRule::z(),
        Some(r) => serde_wasm_bindgen::from_value::<RuleDto>(r)
            .map_err(|e| fail(crate::options::unreadable(&e.to_string())))?
            .into_core()
            .map_err(fail)?,
    };
    classes(scores, &rule)
}

/// The class of each z, z′ or ζ score: |s| ≤ 2 satisfactory, 2 < |s| < 3
/// questionable, |s| ≥ 3 unsatisfactory.
///
/// Throws `InvalidInputError` for a NaN or infinite score.
#[wasm_bindgen(js_name = classifyZ, unchecked_return_type = "Performance[]")]
pub fn classify_z(
    #[wasm_bindgen(unchecked_param_type = "Values")] scores: &JsValue,
) -> Result<JsValue, JsValue> {
    classes(scores, &ClassificationRule::z())
}

/// The class of each E_n number: |E_n| ≤ 1 satisfactory, > 1 unsatisfactory.
///
/// Throws as `classifyZ`.
#[wasm_bindgen(js_name = classifyEn, unchecked_return_type = "Performance[]")]
pub fn classify_en(
    #[wasm_bindgen(unchecked_param_type = "Values")] scores: &JsValue,
) -> Result<JsValue, JsValue> {
    classes(scores, &ClassificationRule::en())
}

/// The class of each P_A (percent): |P_A| ≤ 100 satisfactory.
///
/// Throws as `classifyZ`.
#[wasm_bindgen(js_name = classifyPa, unchecked_return_type = "Performance[]")]
pub fn classify_pa(
    #[wasm_bindgen(unchecked_param_type = "Values")] scores: &JsValue,
) -> Result<JsValue, JsValue> {
    classes(scores, &ClassificationRule::pa())
}

/// Combined scores of one participant's z scores over several items or
/// rounds: mean z, RSZ and SSZ with its χ² p-value, with the individual scores.
///
/// Throws `InvalidInputError` for no scores or a NaN or infinite one,
/// `InvalidParameterError` for bad options, `NumericalOverflowError` when SSZ
/// overflows.
#[wasm_bindgen(js_name = combinedZ, unchecked_return_type = "CombinedScore")]
pub fn combined_z(
    #[wasm_bindgen(unchecked_param_type = "Values")] z: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CombinedOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let z = values_of(z)?;
    let options = options_of::<CombinedOptionsDto>(options)?
        .into_core()
        .map_err(fail)?;
    let combined = eqa::combined_z(&z, &options).map_err(fail)?;
    to_js(&CombinedScoreOut::from(&combined))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(json: &str) -> Result<ClassificationRule, Error> {
        serde_json::from_str::<RuleDto>(json).unwrap().into_core()
    }

    #[test]
    fn rules_from_presets_and_limits() {
        assert_eq!(rule(r#""en""#), Ok(ClassificationRule::en()));
        let custom =
            rule(r#"{"satisfactory": 2, "unsatisfactory": 3, "unsatisfactoryBound": "exclusive"}"#)
                .unwrap();
        assert_eq!(custom.unsatisfactory_bound(), Bound::Exclusive);
        assert_eq!(rule(r#""zz""#).unwrap_err().code(), "invalid_parameter");
        assert!(rule(r#"{"satisfactory": 2}"#).is_err());
        assert!(rule(r#"{"satisfactory": 2, "unsatisfactory": 3, "bound": "x"}"#).is_err());
    }

    #[test]
    fn combined_options_and_keys() {
        let o: CombinedOptionsDto =
            serde_json::from_str(r#"{"questionable": 0.1, "rule": "pa"}"#).unwrap();
        let o = o.into_core().unwrap();
        assert_eq!((o.questionable, o.rule), (0.1, ClassificationRule::pa()));
        let c = eqa::combined_z(&[1.0, 2.0], &CombinedOptions::default()).unwrap();
        let json = serde_json::to_value(CombinedScoreOut::from(&c)).unwrap();
        assert_eq!(json["sumOfSquares"], 5.0);
        assert_eq!(json["options"]["rule"]["satisfactoryBound"], "inclusive");
        assert_eq!(json["sumOfSquaresPerformance"], "satisfactory");
    }

    #[test]
    fn arguments_are_spelled_as_in_javascript() {
        let e = eqa::z_score(1.0, 0.0, 0.0)
            .unwrap_err()
            .respelled(eqa::KeyStyle::CamelCase);
        assert!(e.to_string().starts_with("invalid sigmaPt = 0"));
        let e = eqa::zeta_scores(&[1.0], &[], 0.0, 1.0)
            .unwrap_err()
            .respelled(eqa::KeyStyle::CamelCase);
        assert_eq!(
            e,
            Error::LengthMismatch {
                what: "uX",
                expected: 1,
                got: 0
            }
        );
    }
}
