//! Reports as data for JavaScript: `labReport`, `labReportCsv`,
//! `roundSummary` and `roundSummaryCsv` (domain §9 items 1–2), built by
//! [`eqa::report`], and the TypeScript shape of the documents they read:
//! results and a round's scoring, with the core's snake_case keys.

#![allow(
    unreachable_pub,
    reason = "wasm-bindgen exports only `pub` functions; the module itself is private"
)]

use eqa::Error;
use eqa::report::{LabReport, RoundSummary};
use eqa::results::Results;
use eqa::scoring::RoundScoring;
use wasm_bindgen::prelude::*;

use crate::document::{from_js, to_doc};
use crate::{given, throw};

/// The TypeScript declarations of this file's exports.
#[wasm_bindgen(typescript_custom_section)]
const REPORT_TYPES: &str = DECLARATIONS;

/// The text of the custom section above, which the tests read too.
#[cfg_attr(
    not(test),
    allow(
        dead_code,
        reason = "the custom section reads it at compile time, which the lint does not see"
    )
)]
const DECLARATIONS: &str = r#"
/** One version of a laboratory's result for an analyte in a round. */
export interface Submission {
  lab: string;
  program: string;
  round: string;
  analyte: string;
  unit?: string | null;
  instrument?: string | null;
  reagent?: string | null;
  calibrator?: string | null;
  method?: string | null;
  /** Default `"submitted"`. */
  status?: "draft" | "submitted";
  /** RFC 3339 with an offset, such as `2026-04-20T17:00:00+08:00`. */
  submitted_at?: string | null;
  version?: number;
  values: { sample: string; value: string | number; row: number }[];
}

/** Everything a round is scored from besides the plan. */
export interface Results {
  submissions?: Submission[];
  enrollments?: { lab: string; program: string; analytes: string[]; excused_rounds?: string[] }[];
  given_targets?: {
    program: string;
    round: string;
    analyte: string;
    sample: string;
    value: string | number;
    uncertainty?: string | number | null;
    sd?: string | number | null;
  }[];
}

/** The verdict on one sample value. */
export type Verdict = "acceptable" | "unacceptable" | "not_scored" | "not_returned" | "late" | "not_counted";

/** Why a value got its verdict. */
export type Reason =
  | "outside_limit" | "unreadable_value" | "out_of_vocabulary" | "wrong_unit" | "missing_sample"
  | "no_consensus" | "tied_modes" | "group_too_small" | "sample_invalidated" | "analyte_not_graded"
  | "no_criterion" | "no_target" | "censored_value" | "excused" | "after_deadline"
  | "no_submission" | "draft" | "superseded" | "duplicate" | "not_in_plan";

/** The outcome of an analyte (or a program) for a laboratory in a round. */
export type Outcome = "satisfactory" | "unsatisfactory" | "not_returned" | "late" | "no_score" | "excused";

/** A field of a result's metadata that peer groups are keyed on. */
export type GroupField = "method" | "instrument" | "reagent" | "calibrator" | "unit";

/** A warning about a peer group's target. */
export type TargetWarning = "small_group" | "large_uncertainty" | "zero_spread" | "multimodal" | "not_converged";

/** The evaluation of one sample value. */
export interface Evaluation {
  lab: string;
  analyte: string;
  sample: string;
  /** The input row; null for a missing sample or an analyte not returned. */
  row: number | null;
  verdict: Verdict;
  reason: Reason | null;
  /** The number; in the analyte's unit when it was converted. */
  value: number | null;
  /** The unit the value was reported in, when it was converted to the analyte's. */
  converted_unit: string | null;
  target: number | null;
  allowed: number | null;
  bias: number | null;
  bias_percent: number | null;
  z: number | null;
  expected: string | null;
  vis: number | null;
  /** The index of the peer group in `RoundScoring.groups`. */
  group: number | null;
}

/** A peer group of one analyte and sample, and its target. */
export interface PeerGroup {
  analyte: string;
  sample: string;
  rung: number;
  key: [GroupField, string][];
  n: number;
  n_used: number;
  target: number | null;
  uncertainty: number | null;
  sd: number | null;
  cv: number | null;
  median: number | null;
  category: string | null;
  agreement: number | null;
  method: string;
  warnings: TargetWarning[];
}

/** A laboratory's PT score for an analyte in a round; decimals are text, such as `"80"`. */
export interface AnalyteScore {
  lab: string;
  analyte: string;
  acceptable: number;
  scored: number;
  not_scored: number;
  score: number | null;
  threshold: string;
  outcome: Outcome;
  mean_vis: number | null;
}

/** How a program score combines the analytes. */
export type ProgramScoreRule = "pooled" | "mean_of_analytes";

/** A laboratory's score for a program in a round. */
export interface ProgramScore {
  lab: string;
  rule: ProgramScoreRule;
  acceptable: number;
  scored: number;
  analytes_scored: number;
  score: number | null;
  threshold: string;
  outcome: Outcome;
}

/** The settings a round was scored under. */
export interface ScoringSettings {
  criteria: string | null;
  boundary: "inclusive" | "exclusive";
  program_score: ProgramScoreRule;
  late: "not_returned" | "scored";
  pass_threshold: string;
  unit: "convert" | "unacceptable";
}

/** Everything scoring a round produces. */
export interface RoundScoring {
  program: string;
  round: string;
  settings: ScoringSettings;
  groups: PeerGroup[];
  evaluations: Evaluation[];
  analyte_scores: AnalyteScore[];
  program_scores: ProgramScore[];
}

/** What the signs of an analyte's failures suggest: one side, or both. */
export type FailureHint = "systematic" | "random";

/** The peer group whose target a value was compared with. */
export interface PeerSummary {
  rung: number;
  key: [GroupField, string][];
  n: number;
  method: string;
  sd: number | null;
  cv: number | null;
}

/** One sample value in a laboratory's report. */
export interface SampleReport {
  sample: string;
  row: number | null;
  /** The text as reported; null when nothing was. */
  reported: string | null;
  /** The number; in the analyte's unit when it was converted. */
  value: number | null;
  /** The unit the value was reported in, when it was converted to the analyte's. */
  converted_unit: string | null;
  target: number | null;
  allowed: number | null;
  bias: number | null;
  bias_percent: number | null;
  z: number | null;
  verdict: Verdict;
  reason: Reason | null;
  expected: string | null;
  vis: number | null;
  peer: PeerSummary | null;
}

/** One analyte in a laboratory's report; `threshold` and `outcome` are null for values outside the scores. */
export interface AnalyteReport {
  analyte: string;
  score: number | null;
  threshold: string | null;
  outcome: Outcome | null;
  acceptable: number;
  scored: number;
  mean_vis: number | null;
  failures: FailureHint | null;
  samples: SampleReport[];
}

/** A laboratory's report of one round. */
export interface LabReport {
  program: string;
  round: string;
  lab: string;
  settings: ScoringSettings;
  program_score: ProgramScore | null;
  analytes: AnalyteReport[];
}

/** A peer group with how its participants fared; `acceptance_rate` in percent. */
export interface GroupSummary extends PeerGroup {
  scored: number;
  acceptable: number;
  acceptance_rate: number | null;
}

/** How the laboratories fared on one analyte. */
export interface AnalyteTotals {
  analyte: string;
  labs: number;
  scored: number;
  acceptable: number;
  satisfactory_labs: number;
  unsatisfactory_labs: number;
  not_returned: number;
  late: number;
  no_score: number;
  excused: number;
}

/** The statistics of a scored round. */
export interface RoundSummary {
  program: string;
  round: string;
  groups: GroupSummary[];
  analytes: AnalyteTotals[];
}
"#;

/// The report of one laboratory for a scored round.
///
/// Throws `InvalidParameterError` for a laboratory not in the scoring,
/// `InvalidInputError` (`invalid_document`) for documents that do not match
/// their schema or each other.
#[wasm_bindgen(js_name = labReport, unchecked_return_type = "LabReport")]
pub fn lab_report(
    #[wasm_bindgen(unchecked_param_type = "Results | string")] results: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RoundScoring | string")] scoring: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] lab: JsValue,
) -> Result<JsValue, JsValue> {
    to_doc(&report(results, scoring, &lab)?)
}

/// `labReport` as CSV text: a header, then one row per sample value.
///
/// Throws as `labReport`.
#[wasm_bindgen(js_name = labReportCsv)]
pub fn lab_report_csv(
    #[wasm_bindgen(unchecked_param_type = "Results | string")] results: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RoundScoring | string")] scoring: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] lab: JsValue,
) -> Result<String, JsValue> {
    Ok(report(results, scoring, &lab)?.to_csv())
}

/// The peer-group statistics of a scored round and its totals per analyte.
///
/// Throws `InvalidInputError` (`invalid_document`) for a scoring that does
/// not match its schema or names a group beyond its groups.
#[wasm_bindgen(js_name = roundSummary, unchecked_return_type = "RoundSummary")]
pub fn round_summary(
    #[wasm_bindgen(unchecked_param_type = "RoundScoring | string")] scoring: JsValue,
) -> Result<JsValue, JsValue> {
    to_doc(&summary(scoring)?)
}

/// `roundSummary`'s groups as CSV text: a header, then one row per group.
///
/// Throws as `roundSummary`.
#[wasm_bindgen(js_name = roundSummaryCsv)]
pub fn round_summary_csv(
    #[wasm_bindgen(unchecked_param_type = "RoundScoring | string")] scoring: JsValue,
) -> Result<String, JsValue> {
    Ok(summary(scoring)?.to_csv())
}

fn report(results: JsValue, scoring: JsValue, lab: &JsValue) -> Result<LabReport, JsValue> {
    let Some(lab) = lab.as_string() else {
        return Err(throw(Error::InvalidParameter {
            name: "lab",
            value: given(lab).to_string(),
            expected: "the code of a laboratory in the scoring, a string",
        }));
    };
    let results: Results = from_js(results)?;
    let scoring: RoundScoring = from_js(scoring)?;
    eqa::lab_report(&results, &scoring, &lab).map_err(throw)
}

fn summary(scoring: JsValue) -> Result<RoundSummary, JsValue> {
    let scoring: RoundScoring = from_js(scoring)?;
    eqa::round_summary(&scoring).map_err(throw)
}

#[cfg(test)]
mod tests {
    use super::DECLARATIONS;
    use eqa::plan::GroupField;
    use eqa::report::FailureHint;
    use eqa::scoring::{Outcome, Reason, TargetWarning, Verdict};
    use serde::Serialize;

    fn union_of(declaration: &str) -> Vec<String> {
        let start = DECLARATIONS.find(declaration).unwrap();
        let text = &DECLARATIONS[start + declaration.len()..];
        let text = &text[..text.find(';').unwrap()];
        text.split('|')
            .map(|m| m.trim().trim_matches('"').to_owned())
            .filter(|m| !m.is_empty())
            .collect()
    }

    fn names<T: Serialize>(all: &[T]) -> Vec<String> {
        all.iter()
            .map(|v| {
                serde_json::to_value(v)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect()
    }

    #[test]
    fn typescript_names_are_the_cores() {
        use Outcome::*;
        let outcomes = [
            Satisfactory,
            Unsatisfactory,
            NotReturned,
            Late,
            NoScore,
            Excused,
        ];
        assert_eq!(union_of("type Outcome ="), names(&outcomes));
        let verdicts = [
            Verdict::Acceptable,
            Verdict::Unacceptable,
            Verdict::NotScored,
            Verdict::NotReturned,
            Verdict::Late,
            Verdict::NotCounted,
        ];
        assert_eq!(union_of("type Verdict ="), names(&verdicts));
        for reason in union_of("type Reason =") {
            let read: Reason = serde_json::from_value(reason.clone().into()).unwrap();
            assert_eq!(names(&[read]), [reason]);
        }
        assert_eq!(union_of("type Reason =").len(), 20);
        for field in union_of("type GroupField =") {
            serde_json::from_value::<GroupField>(field.into()).unwrap();
        }
        for warning in union_of("type TargetWarning =") {
            serde_json::from_value::<TargetWarning>(warning.into()).unwrap();
        }
        let hints: Vec<_> = FailureHint::ALL.iter().map(|h| h.as_str()).collect();
        assert_eq!(union_of("type FailureHint ="), hints);
    }
}
