//! Plans and submission validation for JavaScript: `loadPlan` reads and
//! checks a plan by [`eqa::plan::Plan::from_json`], `validateSubmission`
//! checks a laboratory's submissions against it in the browser before they
//! are sent, by [`eqa::results::validation::validate_submission`].

#![allow(
    unreachable_pub,
    reason = "wasm-bindgen exports only `pub` functions; the module itself is private"
)]

use std::collections::BTreeMap;

use eqa::Error;
use eqa::plan::Plan;
use eqa::plan::timestamp::Timestamp;
use eqa::results::Submission;
use serde::Deserialize;
use serde::de::IgnoredAny;
use wasm_bindgen::prelude::*;

use crate::document::{from_js, to_doc};
use crate::load::json_text;
use crate::options::{Given, refuse_unknown};
use crate::{options_of, throw};

/// The TypeScript declarations of this file's exports.
#[wasm_bindgen(typescript_custom_section)]
const VALIDATION_TYPES: &str = DECLARATIONS;

/// The text of the custom section above, which the tests read too.
#[cfg_attr(
    not(test),
    allow(
        dead_code,
        reason = "the custom section reads it at compile time, which the lint does not see"
    )
)]
const DECLARATIONS: &str = r#"
/** A provider's plan for one year (docs/plan-schema.md); decimals are read from strings or numbers and written as strings. */
export interface Plan {
  provider: Provider;
  year: number;
  name?: string;
  programs: Program[];
  /** Other spellings of instruments, reagents and methods, applied before peer groups form. */
  aliases?: Aliases;
  /** Units the plan uses that eqa's unit vocabulary does not know; other unknown units are refused. */
  units?: string[];
}

/** Spelling → the name peer groups use, compared trimmed and case-folded. */
export interface Aliases {
  instrument?: Record<string, string>;
  reagent?: Record<string, string>;
  method?: Record<string, string>;
}

/** The level of a provider. */
export type ProviderLevel = "national" | "provincial";

/** An EQA provider. */
export interface Provider {
  code: string;
  name?: string;
  /** Default `"provincial"`. */
  level?: ProviderLevel;
}

/** A program (专业). */
export interface Program {
  code: string;
  name?: string;
  accredited?: boolean;
  analytes: Analyte[];
  rounds: Round[];
  scoring?: ProgramScoring;
}

/** An analyte (项目) of a program. */
export interface Analyte {
  code: string;
  name?: string;
  /** The unit results must be reported in. */
  unit?: string | null;
  /** Default `{ kind: "quantitative" }`. */
  result_type?: ResultType;
  /** Default true; false for a non-scored analyte (不计分项目). */
  graded?: boolean;
  scoring?: AnalyteScoring;
}

/** A category, grade or name, and the other words that mean it. */
export interface Category {
  code: string;
  aliases?: string[];
}

/** What kind of result an analyte takes. */
export type ResultType =
  | { kind: "quantitative" }
  | { kind: "qualitative"; categories: Category[] }
  | { kind: "ordinal"; grades: Category[]; negative_grades?: number }
  | { kind: "nominal"; vocabulary?: Category[] };

/** A round (次): a data-collection event with a deadline. */
export interface Round {
  code: string;
  /** RFC 3339 with an offset. */
  opens?: string | null;
  /** RFC 3339 with an offset, such as `2026-04-20T17:00:00+08:00`. */
  deadline: string;
  samples?: Sample[];
  /** Analyte code → the codes of the samples it is tested on. */
  analyte_samples?: Record<string, string[]>;
}

/** A sample (批号) of a round. */
export interface Sample {
  code: string;
  invalidated?: string | null;
  /** Analyte code → why the sample is invalidated for it. */
  invalidated_for?: Record<string, string>;
}

/** What a late submission scores. */
export type LatePolicy = "not_returned" | "scored";

/** What a result in another unit than the analyte's scores. */
export type UnitPolicy = "convert" | "unacceptable";

/** How a program is scored; a key left out keeps its default. */
export interface ProgramScoring {
  peer?: PeerGroupPolicy;
  target?: TargetPolicy;
  /** Default `"inclusive"`. */
  boundary?: Boundary;
  /** Default 80. */
  pass_threshold?: DecimalInput;
  /** Default `"pooled"`. */
  program_score?: ProgramScoreRule;
  /** Default `"not_returned"`. */
  late?: LatePolicy;
  /** Default `"convert"`: converted with the analyte's factor and flagged. */
  unit?: UnitPolicy;
}

/** The range of plausible results of an analyte, in its unit. */
export interface PlausibleRange {
  low: DecimalInput;
  high: DecimalInput;
}

/** An analyte's own scoring settings, over the program's. */
export interface AnalyteScoring {
  limit?: AcceptanceLimit | null;
  target?: TargetPolicy | null;
  peer?: PeerGroupPolicy | null;
  pass_threshold?: DecimalInput | null;
  plausible?: PlausibleRange | null;
  vis_ccv?: DecimalInput | null;
}

/** Peer groups: a ladder of keys, finest first. */
export interface PeerGroupPolicy {
  /** Default `[["method", "instrument", "reagent"], ["method"], []]`. */
  rungs?: GroupField[][];
  /** Default 10. */
  min_n?: number;
}

/** How the target of a sample is assigned. */
export type TargetPolicy =
  | { kind: "consensus"; estimator?: TargetEstimator }
  | { kind: "expert_labs"; labs: string[]; estimator?: TargetEstimator }
  | { kind: "given" }
  | { kind: "agreement"; min_agreement?: DecimalInput; count?: AgreementCount };

/** Which answers agree with the most frequent one: default `"within_limit"` (the grade window). */
export type AgreementCount = "within_limit" | "exact";

/** The estimator of a consensus target. */
export type TargetEstimator =
  | { kind: "algorithm_a" }
  | { kind: "q_hampel" }
  | { kind: "median" }
  | { kind: "trimmed_mean"; k?: number; iterations?: number };

/** What is wrong with a submission. */
export type IssueCode =
  | "unknown_program" | "unknown_round" | "unknown_analyte" | "unknown_sample"
  | "wrong_program_or_round" | "missing_sample" | "duplicate_sample" | "blank_value"
  | "unreadable_value" | "out_of_vocabulary" | "wrong_unit" | "converted_unit" | "implausible_value"
  | "missing_instrument" | "missing_reagent" | "missing_method" | "missing_calibrator"
  | "past_deadline" | "not_open_yet" | "duplicate_analyte";

/** One problem of a submission. */
export interface Issue {
  /** Such as `submissions[0].values[2].value`, `submissions[1].reagent` or `round`. */
  path: string;
  code: IssueCode;
  severity: Severity;
  analyte: string | null;
  sample: string | null;
  message_en: string;
  message_zh: string;
}

/** Every problem of a laboratory's submissions; valid when none is an error. */
export interface ValidationReport {
  valid: boolean;
  issues: Issue[];
}

/** Options of `validateSubmission`. */
export interface ValidateOptions {
  /** The program's code. */
  program: string;
  /** The round's code. */
  round: string;
  /** RFC 3339 with an offset; no deadline check without it. */
  now?: string | null;
}
"#;

/// A plan from JSON text or a plain object, read and checked.
fn plan_of(document: &JsValue) -> Result<Plan, JsValue> {
    Plan::from_json(&json_text("plan", document)?).map_err(throw)
}

/// Reads a plan (a plain object or JSON text) and checks it; returns it
/// with every default filled in and decimals as strings.
///
/// Throws `InvalidInputError` (`invalid_document`) whose `details.path`
/// names the bad field, such as `programs[0].rounds[2].deadline`.
#[wasm_bindgen(js_name = loadPlan, unchecked_return_type = "Plan")]
pub fn load_plan(
    #[wasm_bindgen(unchecked_param_type = "Plan | string")] document: &JsValue,
) -> Result<JsValue, JsValue> {
    to_doc(&plan_of(document)?)
}

/// Checks a laboratory's submissions for one round of one program against
/// the plan, at time `now`: every sample present, values readable, units,
/// instrument, reagent and method, and the deadline. Returns every issue
/// with its path and messages in English and Chinese.
///
/// Throws `InvalidInputError` (`invalid_document`) for a plan or
/// submissions that do not match their schema, `InvalidParameterError` for
/// missing or bad options.
#[wasm_bindgen(js_name = validateSubmission, unchecked_return_type = "ValidationReport")]
pub fn validate_submission(
    #[wasm_bindgen(unchecked_param_type = "Plan | string")] plan: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Submission[] | string")] submissions: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ValidateOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let (program, round, now) = options_of::<ValidateOptionsDto>(Some(options))?
        .into_core()
        .map_err(throw)?;
    let plan = plan_of(plan)?;
    let submissions: Vec<Submission> = from_js(submissions)?;
    let report =
        eqa::results::validation::validate_submission(&plan, &program, &round, &submissions, now);
    to_doc(&report)
}

/// The options of `validateSubmission`, as given.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct ValidateOptionsDto {
    program: Option<Given>,
    round: Option<Given>,
    now: Option<Given>,
    #[serde(flatten)]
    unknown: BTreeMap<String, IgnoredAny>,
}

const TIME: &str = "an RFC 3339 time with an offset, such as 2026-04-20T17:00:00+08:00";

impl ValidateOptionsDto {
    /// The program, round and time, checked.
    pub(crate) fn into_core(self) -> Result<(String, String, Option<Timestamp>), Error> {
        refuse_unknown(&self.unknown, "program, round or now")?;
        let code = |name: &'static str, given: Option<Given>| match given {
            Some(Given::Text(text)) => Ok(text),
            other => Err(Error::InvalidParameter {
                name,
                value: other.unwrap_or(Given::Nothing).to_string(),
                expected: "a code (a string)",
            }),
        };
        let program = code("program", self.program)?;
        let round = code("round", self.round)?;
        let now = match self.now {
            None | Some(Given::Nothing) => None,
            Some(Given::Text(text)) => Some(text.parse().map_err(|_| Error::InvalidParameter {
                name: "now",
                value: format!("{text:?}"),
                expected: TIME,
            })?),
            Some(other) => {
                return Err(Error::InvalidParameter {
                    name: "now",
                    value: other.to_string(),
                    expected: TIME,
                });
            }
        };
        Ok((program, round, now))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::tests::union_of;
    use eqa::results::validation::IssueCode;

    fn dto(json: &str) -> ValidateOptionsDto {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn options_are_checked() {
        let (program, round, now) =
            dto(r#"{"program": "C1", "round": "2026-1", "now": "2026-04-20T09:00:00Z"}"#)
                .into_core()
                .unwrap();
        assert_eq!((program.as_str(), round.as_str()), ("C1", "2026-1"));
        assert_eq!(now.unwrap().unix_seconds(), 1_776_675_600);
        let (.., now) = dto(r#"{"program": "C1", "round": "1", "now": null}"#)
            .into_core()
            .unwrap();
        assert_eq!(now, None);
        let error = dto(r#"{"round": "1"}"#).into_core().unwrap_err();
        assert!(error.to_string().starts_with("invalid program = null"));
        let error = dto(r#"{"program": "C1", "round": "1", "now": "2026-04-20"}"#)
            .into_core()
            .unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("invalid now = \"2026-04-20\"")
        );
        let error = dto(r#"{"program": "C1", "round": "1", "when": 1}"#)
            .into_core()
            .unwrap_err();
        assert!(error.to_string().contains("\"when\""));
    }

    #[test]
    fn typescript_codes_are_the_cores() {
        let codes: Vec<_> = IssueCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(union_of(DECLARATIONS, "type IssueCode ="), codes);
    }

    #[test]
    fn the_example_plan_has_only_declared_keys() {
        let text = include_str!("../../core/tests/data/plan-example.json");
        let plan = Plan::from_json(text).unwrap();
        let json = serde_json::to_value(&plan).unwrap();
        fn keys(value: &serde_json::Value, out: &mut Vec<String>) {
            match value {
                serde_json::Value::Object(map) => {
                    for (key, value) in map {
                        out.push(key.clone());
                        keys(value, out);
                    }
                }
                serde_json::Value::Array(items) => items.iter().for_each(|v| keys(v, out)),
                _ => {}
            }
        }
        let mut all = Vec::new();
        keys(&json, &mut all);
        let maps = ["invalidated_for", "analyte_samples"];
        let map_keys = ["K", "ABO"];
        for key in all {
            if map_keys.contains(&key.as_str()) {
                continue;
            }
            let declared = DECLARATIONS.contains(&format!("  {key}: "))
                || DECLARATIONS.contains(&format!("  {key}?: "))
                || DECLARATIONS.contains(&format!("{{ {key}: "))
                || DECLARATIONS.contains(&format!("; {key}: "))
                || DECLARATIONS.contains(&format!("; {key}?: "))
                || key == "kind"
                || maps.contains(&key.as_str())
                // Declared by the criteria area: the fields of AcceptanceLimit.
                || ["percent", "absolute", "breakpoint", "down", "up", "negative_exact"]
                    .contains(&key.as_str());
            assert!(declared, "{key} is not declared");
        }
    }
}
