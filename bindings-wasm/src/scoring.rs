//! Scoring a round for JavaScript: `scoreRound` and `scoreYear` score by
//! [`eqa::score_round`] and [`eqa::score_year`] (every value evaluated,
//! peer groups and targets, PT scores of analytes and programs);
//! `visScore` is the legacy VIS score [`eqa::scoring::vis_score`].

#![allow(
    unreachable_pub,
    reason = "wasm-bindgen exports only `pub` functions; the module itself is private"
)]

use std::collections::BTreeMap;

use eqa::Error;
use eqa::plan::Plan;
use eqa::plan::criteria::{Criteria, CriteriaTable};
use eqa::results::Results;
use serde::Deserialize;
use serde::de::IgnoredAny;
use wasm_bindgen::prelude::*;

use crate::document::{from_js, from_text, to_doc};
use crate::options::{Given, number, refuse_unknown};
use crate::{given, options_of, throw};

/// The TypeScript declarations of this file's exports.
#[wasm_bindgen(typescript_custom_section)]
const SCORING_TYPES: &str = DECLARATIONS;

/// The text of the custom section above, which the tests read too.
#[cfg_attr(
    not(test),
    allow(
        dead_code,
        reason = "the custom section reads it at compile time, which the lint does not see"
    )
)]
const DECLARATIONS: &str = r#"
/** Options of `scoreRound`: the program and round to score. */
export interface ScoreRoundOptions {
  program: string;
  round: string;
}

/** Options of `scoreYear`: the program whose rounds to score. */
export interface ScoreYearOptions {
  program: string;
}
"#;

/// A plan from a plain object or JSON text, read and checked.
fn plan_of(plan: JsValue) -> Result<Plan, JsValue> {
    if let Some(text) = plan.as_string() {
        return Plan::from_json(&text).map_err(throw);
    }
    let plan: Plan = from_js(plan)?;
    plan.check().map_err(throw)?;
    Ok(plan)
}

/// Criteria from a `Criteria` object, a single table, JSON text of either,
/// or nothing (no table).
fn criteria_of(criteria: JsValue) -> Result<Criteria, JsValue> {
    if criteria.is_null() || criteria.is_undefined() {
        return Ok(Criteria::default());
    }
    if let Some(text) = criteria.as_string() {
        return Criteria::from_json(&text).map_err(throw);
    }
    let has_tables = js_sys::Reflect::has(&criteria, &"tables".into()).unwrap_or(false);
    let criteria = if has_tables {
        from_js::<Criteria>(criteria)?
    } else {
        Criteria {
            tables: vec![from_js::<CriteriaTable>(criteria)?],
        }
    };
    criteria.check().map_err(throw)?;
    Ok(criteria)
}

/// Results from a plain object or JSON text.
fn results_of(results: JsValue) -> Result<Results, JsValue> {
    match results.as_string() {
        Some(text) => from_text(&text).map_err(throw),
        None => from_js(results),
    }
}

/// Scores one round of a program (domain §4): every input value evaluated
/// (verdict and reason, target, bias, z), the peer groups with their
/// targets, and the PT scores of every enrolled laboratory's analytes and
/// program. The counted submission of a laboratory and analyte is the last
/// version submitted by the deadline; an enrolled analyte not returned
/// scores 0. `criteria` may be a criteria object, a single table, or null.
///
/// Throws `InvalidParameterError` for an unknown program or round (details
/// name `program` or `round`), a scoring setting out of its domain, or bad
/// options; `InvalidInputError` (`invalid_document`) for a document that
/// does not match its schema or a bad given target.
#[wasm_bindgen(js_name = scoreRound, unchecked_return_type = "RoundScoring")]
pub fn score_round(
    #[wasm_bindgen(unchecked_param_type = "Plan | string")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Criteria | CriteriaTable | string | null")]
    criteria: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Results | string")] results: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ScoreRoundOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let options = options_of::<ScoreOptionsDto>(Some(options))?;
    let (program, round) = options.into_core(true).map_err(throw)?;
    let (plan, criteria, results) = (plan_of(plan)?, criteria_of(criteria)?, results_of(results)?);
    let scoring = eqa::score_round(&plan, &criteria, &results, &program, &round).map_err(throw)?;
    to_doc(&scoring)
}

/// Scores every round of a program, in plan order.
///
/// Throws as `scoreRound`.
#[wasm_bindgen(js_name = scoreYear, unchecked_return_type = "RoundScoring[]")]
pub fn score_year(
    #[wasm_bindgen(unchecked_param_type = "Plan | string")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Criteria | CriteriaTable | string | null")]
    criteria: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Results | string")] results: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ScoreYearOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let options = options_of::<ScoreOptionsDto>(Some(options))?;
    let (program, _) = options.into_core(false).map_err(throw)?;
    let (plan, criteria, results) = (plan_of(plan)?, criteria_of(criteria)?, results_of(results)?);
    let year = eqa::score_year(&plan, &criteria, &results, &program).map_err(throw)?;
    to_doc(&year)
}

/// The legacy variance index score (domain §4.9): V = 100(x − T)/T,
/// VI = 100·V/CCV, VIS = min(round(|VI|), 400), rounded half away from
/// zero. Chloride 101 against 98 with CCV 2.2 % gives 139.
///
/// Throws `InvalidParameterError` for an argument that is not a number, a
/// non-finite value or target, a target of 0, or a CCV that is not positive.
#[wasm_bindgen(js_name = visScore)]
pub fn vis_score(
    #[wasm_bindgen(unchecked_param_type = "number")] value: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] target: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] ccv: &JsValue,
) -> Result<u32, JsValue> {
    let value = number("value", given(value)).map_err(throw)?;
    let target = number("target", given(target)).map_err(throw)?;
    let ccv = number("ccv", given(ccv)).map_err(throw)?;
    eqa::scoring::vis_score(value, target, ccv).map_err(throw)
}

/// The options of `scoreRound` and `scoreYear`, as given.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct ScoreOptionsDto {
    program: Option<Given>,
    round: Option<Given>,
    #[serde(flatten)]
    unknown: BTreeMap<String, IgnoredAny>,
}

impl ScoreOptionsDto {
    /// The program and (when `with_round`) the round; the round is empty
    /// otherwise.
    pub(crate) fn into_core(self, with_round: bool) -> Result<(String, String), Error> {
        let code = |name: &'static str, given: Option<Given>| match given {
            Some(Given::Text(text)) => Ok(text),
            other => Err(Error::InvalidParameter {
                name,
                value: other.unwrap_or(Given::Nothing).to_string(),
                expected: "a code (a string)",
            }),
        };
        if with_round {
            refuse_unknown(&self.unknown, "program or round")?;
            Ok((code("program", self.program)?, code("round", self.round)?))
        } else {
            let mut unknown = self.unknown;
            if self.round.is_some() {
                unknown.insert("round".into(), IgnoredAny);
            }
            refuse_unknown(&unknown, "program")?;
            Ok((code("program", self.program)?, String::new()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dto(json: &str) -> ScoreOptionsDto {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn options_are_checked() {
        let (program, round) = dto(r#"{"program": "C1", "round": "2026-1"}"#)
            .into_core(true)
            .unwrap();
        assert_eq!((program.as_str(), round.as_str()), ("C1", "2026-1"));
        let error = dto(r#"{"program": "C1"}"#).into_core(true).unwrap_err();
        assert!(
            error.to_string().starts_with("invalid round = null"),
            "{error}"
        );
        let error = dto(r#"{"program": 1, "round": "1"}"#)
            .into_core(true)
            .unwrap_err();
        assert!(
            error.to_string().starts_with("invalid program = 1"),
            "{error}"
        );
        let error = dto(r#"{"program": "C1", "round": "1", "lab": "L1"}"#)
            .into_core(true)
            .unwrap_err();
        assert!(error.to_string().contains("\"lab\""), "{error}");
        assert_eq!(
            dto(r#"{"program": "C1"}"#).into_core(false).unwrap().0,
            "C1"
        );
        let error = dto(r#"{"program": "C1", "round": "1"}"#)
            .into_core(false)
            .unwrap_err();
        assert!(error.to_string().contains("\"round\""), "{error}");
    }

    #[test]
    fn declarations_name_the_options() {
        assert!(DECLARATIONS.contains(
            "export interface ScoreRoundOptions {\n  program: string;\n  round: string;\n}"
        ));
        assert!(
            DECLARATIONS.contains("export interface ScoreYearOptions {\n  program: string;\n}")
        );
    }
}
