//! Hospital EQA indicators for JavaScript (domain §6): `sampleCatalogue`,
//! `sampleMapping`, `itemOutcomes`, `hospitalIndicators`,
//! `providerIndicators`, `validateIndicatorInputs`, `hospitalIndicatorsCsv`
//! and `providerIndicatorsCsv`, built by [`eqa::indicators`].
//!
//! Documents travel as plain objects (or JSON text) with the core's
//! snake_case keys; options are camelCase. The option reading is plain
//! Rust, tested natively; the exports hand the documents to the core.

#![allow(
    unreachable_pub,
    reason = "wasm-bindgen exports only `pub` functions; the module itself is private"
)]

use std::collections::BTreeMap;

use eqa::Error;
use eqa::indicators::{
    self, AlternativeRule, Catalogue, Hospital, HospitalIndicators, IndicatorPolicies, ItemOutcome,
    Mapping, ProviderReport, ProviderScope, ReportTable,
};
use eqa::plan::Plan;
use eqa::scoring::RoundScoring;
use serde::Deserialize;
use serde::de::IgnoredAny;
use wasm_bindgen::prelude::*;

use crate::document::{from_js, to_doc};
use crate::options::{Given, choice, number, refuse_unknown, set, whole};
use crate::{given, options_of, throw};
use eqa::KeyStyle;

/// The TypeScript declarations of this file's exports (`indicators.d.ts`).
#[wasm_bindgen(typescript_custom_section)]
const INDICATOR_TYPES: &str = DECLARATIONS;

/// The text of the custom section above, which the tests read too.
#[cfg_attr(
    not(test),
    allow(
        dead_code,
        reason = "the custom section reads it at compile time, which the lint does not see"
    )
)]
const DECLARATIONS: &str = include_str!("indicators.d.ts");

/// The options of `hospitalIndicators` and `providerIndicators`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct IndicatorOptionsDto {
    scope: Option<Given>,
    year_pass: Option<Given>,
    participation: Option<Given>,
    combination: Option<Given>,
    unscored: Option<Given>,
    alternative_counting: Option<Given>,
    min_samples: Option<Given>,
    min_events: Option<Given>,
    min_agreement: Option<Given>,
    #[serde(flatten)]
    unknown: BTreeMap<String, IgnoredAny>,
}

impl IndicatorOptionsDto {
    /// The scope and the core's policies: its defaults, with the given keys
    /// replaced.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] (named in camelCase) for a missing scope,
    /// an unknown key, or a value of the wrong type, name or range.
    pub(crate) fn into_core(self) -> Result<(ProviderScope, IndicatorPolicies), Error> {
        self.read().map_err(|e| e.respelled(KeyStyle::CamelCase))
    }

    fn read(self) -> Result<(ProviderScope, IndicatorPolicies), Error> {
        refuse_unknown(
            &self.unknown,
            "scope, yearPass, participation, combination, unscored, alternativeCounting, \
             minSamples, minEvents or minAgreement",
        )?;
        let scope = match self.scope {
            None | Some(Given::Nothing) => Err(Error::InvalidParameter {
                name: "scope",
                value: "undefined".into(),
                expected: "\"national\", \"province:<provider code>\" or \"national_or_provincial\"",
            }),
            Some(g) => choice::<ProviderScope>("scope", g),
        }?;
        let mut p = IndicatorPolicies::default();
        set(&mut p.year_pass, self.year_pass, |g| choice("year_pass", g))?;
        set(&mut p.participation, self.participation, |g| {
            choice("participation", g)
        })?;
        set(&mut p.combination, self.combination, |g| {
            choice("combination", g)
        })?;
        set(&mut p.unscored, self.unscored, |g| choice("unscored", g))?;
        set(
            &mut p.alternative_counting,
            self.alternative_counting,
            |g| choice("alternative_counting", g),
        )?;
        let mut samples = p.alternative_rule.min_samples;
        let mut events = p.alternative_rule.min_events;
        let mut agreement = 80.0;
        set(&mut samples, self.min_samples, |g| count("min_samples", g))?;
        set(&mut events, self.min_events, |g| count("min_events", g))?;
        set(&mut agreement, self.min_agreement, |g| {
            number("min_agreement", g)
        })?;
        p.alternative_rule = AlternativeRule::new(samples, events, agreement)?;
        Ok((scope, p))
    }
}

fn count(name: &'static str, given: Given) -> Result<u32, Error> {
    whole(&given).ok_or_else(|| Error::InvalidParameter {
        name,
        value: given.to_string(),
        expected: "a whole number from 1 to 4294967295",
    })
}

/// A core error with its option named as JavaScript spells it.
/// The sample excerpt of the 2013 national catalogue of test items.
#[wasm_bindgen(js_name = sampleCatalogue, unchecked_return_type = "Catalogue")]
pub fn sample_catalogue() -> Result<JsValue, JsValue> {
    to_doc(&Catalogue::sample().map_err(throw)?)
}

/// The sample mapping of CQCCL's and NCCL's analytes to the sample catalogue.
#[wasm_bindgen(js_name = sampleMapping, unchecked_return_type = "AnalyteMapping")]
pub fn sample_mapping() -> Result<JsValue, JsValue> {
    to_doc(&Mapping::sample().map_err(throw)?)
}

/// The yearly outcome of each (program, analyte, laboratory) of a plan from
/// its round scorings, in plan order.
///
/// Throws `InvalidInputError` (`invalid_document`) for a scoring of a
/// program or round not in the plan, a round scored twice, or a laboratory
/// scored twice for an analyte in one round.
#[wasm_bindgen(js_name = itemOutcomes, unchecked_return_type = "ItemOutcome[]")]
pub fn item_outcomes(
    #[wasm_bindgen(unchecked_param_type = "Plan | string")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "readonly RoundScoring[] | string")] scorings: JsValue,
) -> Result<JsValue, JsValue> {
    let plan: Plan = from_js(plan)?;
    let scorings: Vec<RoundScoring> = from_js(scorings)?;
    to_doc(&indicators::item_outcomes(&plan, &scorings).map_err(throw)?)
}

/// The indicators of one hospital for its year, each with its numerator,
/// denominator, item lists and policies.
///
/// Throws `InvalidInputError` (`invalid_document`) for documents that do
/// not match their schema, `InvalidParameterError` for a missing or unknown
/// scope, an unknown policy or a rule out of its domain.
#[wasm_bindgen(js_name = hospitalIndicators, unchecked_return_type = "HospitalIndicators")]
pub fn hospital_indicators(
    #[wasm_bindgen(unchecked_param_type = "Catalogue | string")] catalogue: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AnalyteMapping | string")] mapping: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Hospital | string")] hospital: JsValue,
    #[wasm_bindgen(unchecked_param_type = "readonly ItemOutcome[] | string")] outcomes: JsValue,
    #[wasm_bindgen(unchecked_param_type = "IndicatorOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let (scope, policies) = policies(options)?;
    let catalogue: Catalogue = from_js(catalogue)?;
    let mapping: Mapping = from_js(mapping)?;
    let hospital: Hospital = from_js(hospital)?;
    let outcomes: Vec<ItemOutcome> = from_js(outcomes)?;
    let result = indicators::hospital_indicators(
        &catalogue, &mapping, &hospital, &outcomes, &scope, &policies,
    )
    .map_err(throw)?;
    to_doc(&result)
}

/// A provider's report: every hospital's indicators, their distributions per
/// level and over the province, the items most often failed, and the issues
/// found in the inputs.
///
/// Throws as `hospitalIndicators`.
#[wasm_bindgen(js_name = providerIndicators, unchecked_return_type = "ProviderReport")]
pub fn provider_indicators(
    #[wasm_bindgen(unchecked_param_type = "Catalogue | string")] catalogue: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AnalyteMapping | string")] mapping: JsValue,
    #[wasm_bindgen(unchecked_param_type = "readonly Hospital[] | string")] hospitals: JsValue,
    #[wasm_bindgen(unchecked_param_type = "readonly ItemOutcome[] | string")] outcomes: JsValue,
    #[wasm_bindgen(unchecked_param_type = "IndicatorOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let (scope, policies) = policies(options)?;
    let catalogue: Catalogue = from_js(catalogue)?;
    let mapping: Mapping = from_js(mapping)?;
    let hospitals: Vec<Hospital> = from_js(hospitals)?;
    let outcomes: Vec<ItemOutcome> = from_js(outcomes)?;
    let report = indicators::provider_indicators(
        &catalogue, &mapping, &hospitals, &outcomes, &scope, &policies,
    )
    .map_err(throw)?;
    to_doc(&report)
}

/// Every problem in the inputs, each with its kind, location and message.
///
/// Throws `InvalidInputError` (`invalid_document`) for documents that do
/// not match their schema.
#[wasm_bindgen(js_name = validateIndicatorInputs, unchecked_return_type = "IndicatorValidation")]
pub fn validate_indicator_inputs(
    #[wasm_bindgen(unchecked_param_type = "Catalogue | string")] catalogue: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AnalyteMapping | string")] mapping: JsValue,
    #[wasm_bindgen(unchecked_param_type = "readonly Hospital[] | string")] hospitals: JsValue,
    #[wasm_bindgen(unchecked_param_type = "readonly ItemOutcome[] | string")] outcomes: JsValue,
) -> Result<JsValue, JsValue> {
    let catalogue: Catalogue = from_js(catalogue)?;
    let mapping: Mapping = from_js(mapping)?;
    let hospitals: Vec<Hospital> = from_js(hospitals)?;
    let outcomes: Vec<ItemOutcome> = from_js(outcomes)?;
    to_doc(&indicators::validate_inputs(
        &catalogue, &mapping, &hospitals, &outcomes,
    ))
}

/// A `hospitalIndicators` result's items as CSV text.
///
/// Throws `InvalidInputError` (`invalid_document`) for a result that does
/// not match its schema.
#[wasm_bindgen(js_name = hospitalIndicatorsCsv)]
pub fn hospital_indicators_csv(
    #[wasm_bindgen(unchecked_param_type = "HospitalIndicators | string")] result: JsValue,
) -> Result<String, JsValue> {
    let result: HospitalIndicators = from_js(result)?;
    Ok(result.items_csv())
}

/// One table of a `providerIndicators` report as CSV text.
///
/// Throws `InvalidInputError` (`invalid_document`) for a report that does
/// not match its schema, `InvalidParameterError` for an unknown table.
#[wasm_bindgen(js_name = providerIndicatorsCsv)]
pub fn provider_indicators_csv(
    #[wasm_bindgen(unchecked_param_type = "ProviderReport | string")] report: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ReportTable")] table: &JsValue,
) -> Result<String, JsValue> {
    let table: ReportTable = choice("table", given(table)).map_err(throw)?;
    let report: ProviderReport = from_js(report)?;
    Ok(report.to_csv(table))
}

fn policies(options: JsValue) -> Result<(ProviderScope, IndicatorPolicies), JsValue> {
    options_of::<IndicatorOptionsDto>(Some(options))?
        .into_core()
        .map_err(throw)
}

#[cfg(test)]
mod tests {
    use super::*;
    use eqa::indicators::{
        AlternativeCounting, AlternativeMethod, CombinationPolicy, HospitalLevel, IndicatorKind,
        ItemStatus, ParticipationPolicy, UnscoredPolicy, YearPassPolicy, YearVerdict,
    };

    fn options(json: &str) -> Result<(ProviderScope, IndicatorPolicies), Error> {
        serde_json::from_str::<IndicatorOptionsDto>(json)
            .unwrap()
            .into_core()
    }

    fn union_of(declaration: &str) -> Vec<&str> {
        let start = DECLARATIONS.find(declaration).unwrap();
        let text = &DECLARATIONS[start + declaration.len()..];
        let text = &text[..text.find(';').unwrap()];
        text.split('|')
            .map(|member| member.trim().trim_matches('"'))
            .collect()
    }

    #[test]
    fn options_read_into_the_cores_policies() {
        let (scope, p) = options(
            r#"{"scope": "province:CQCCL", "yearPass": "not_unsuccessful", "minEvents": 1,
                "minAgreement": 87.5}"#,
        )
        .unwrap();
        assert_eq!(scope, ProviderScope::Province("CQCCL".into()));
        assert_eq!(p.year_pass, YearPassPolicy::NotUnsuccessful);
        assert_eq!(p.alternative_rule.min_events, 1);
        assert_eq!(p.alternative_rule.min_agreement.to_string(), "87.5");
        let (_, p) = options(r#"{"scope": "national"}"#).unwrap();
        assert_eq!(p, IndicatorPolicies::default());
    }

    #[test]
    fn bad_options_name_the_key_in_camel_case() {
        for (json, key) in [
            (r#"{}"#, "scope"),
            (r#"{"scope": "provincial"}"#, "scope"),
            (r#"{"scope": "national", "yearPass": "strict"}"#, "yearPass"),
            (r#"{"scope": "national", "minEvents": 0}"#, "minEvents"),
            (r#"{"scope": "national", "minSamples": -1}"#, "minSamples"),
            (
                r#"{"scope": "national", "minAgreement": 101}"#,
                "minAgreement",
            ),
            (
                r#"{"scope": "national", "minAgreement": "80"}"#,
                "minAgreement",
            ),
            (r#"{"scope": "national", "policy": "x"}"#, "option"),
        ] {
            match options(json).unwrap_err() {
                Error::InvalidParameter { name, .. } => assert_eq!(name, key, "{json}"),
                other => panic!("{json}: {other:?}"),
            }
        }
    }

    #[test]
    fn typescript_names_are_the_cores() {
        fn names<T: Copy>(all: &[T], name: fn(T) -> &'static str) -> Vec<&'static str> {
            all.iter().map(|&c| name(c)).collect()
        }
        let cases = [
            (
                "type YearPassPolicy =",
                names(YearPassPolicy::ALL, YearPassPolicy::as_str),
            ),
            (
                "type ParticipationPolicy =",
                names(ParticipationPolicy::ALL, ParticipationPolicy::as_str),
            ),
            (
                "type CombinationPolicy =",
                names(CombinationPolicy::ALL, CombinationPolicy::as_str),
            ),
            (
                "type UnscoredPolicy =",
                names(UnscoredPolicy::ALL, UnscoredPolicy::as_str),
            ),
            (
                "type AlternativeCounting =",
                names(AlternativeCounting::ALL, AlternativeCounting::as_str),
            ),
            (
                "type AlternativeMethod =",
                names(AlternativeMethod::ALL, AlternativeMethod::as_str),
            ),
            (
                "type HospitalLevel =",
                names(HospitalLevel::ALL, HospitalLevel::as_str),
            ),
            (
                "type IndicatorKind =",
                names(IndicatorKind::ALL, IndicatorKind::as_str),
            ),
            (
                "type ItemStatus =",
                names(ItemStatus::ALL, ItemStatus::as_str),
            ),
            (
                "type YearVerdict =",
                names(YearVerdict::ALL, YearVerdict::as_str),
            ),
            (
                "type ReportTable =",
                names(ReportTable::ALL, ReportTable::as_str),
            ),
        ];
        for (declaration, expected) in cases {
            assert_eq!(union_of(declaration), expected, "{declaration}");
        }
    }
}
