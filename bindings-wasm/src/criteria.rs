//! Acceptance limits, the shipped criteria tables and unit conversions for
//! JavaScript: `judge`, `builtinCriteria`, `nccl2024Criteria`,
//! `clia2024Criteria`, `findCriterion`, `convertUnit` and `unitConversions`,
//! computed by [`eqa::plan::limits`], [`eqa::plan::criteria`] and [`eqa::plan::units`].
//!
//! Numbers that are judged or converted arrive as strings (read exactly) or
//! numbers (read through their shortest text, so `0.1` is 0.1); decimals
//! leave as strings. Criteria and conversions are documents: their keys are
//! the core's (`negative_exact`, `si_unit`), as in JSON files and in Python.

#![allow(
    unreachable_pub,
    reason = "wasm-bindgen exports only `pub` functions; the module itself is private"
)]

use std::collections::BTreeMap;

use eqa::Error;
use eqa::plan::criteria::Criteria;
use eqa::plan::limits::{AcceptanceLimit, Boundary};
use eqa::plan::reported::{Reported, from_f64};
use eqa::plan::units;
use rust_decimal::Decimal;
use serde::Deserialize;
use serde::de::IgnoredAny;
use wasm_bindgen::prelude::*;

use crate::document::{from_js, to_doc};
use crate::options::{Given, refuse_unknown};
use crate::{given, options_of, throw};

/// The TypeScript declarations of this file's exports (`criteria.d.ts`).
#[wasm_bindgen(typescript_custom_section)]
const CRITERIA_TYPES: &str = DECLARATIONS;

/// The text of the custom section above, which the tests read too.
#[cfg_attr(
    not(test),
    allow(
        dead_code,
        reason = "the custom section reads it at compile time, which the lint does not see"
    )
)]
const DECLARATIONS: &str = include_str!("criteria.d.ts");

/// A number given as a string or a number, exactly.
pub(crate) fn decimal(name: &'static str, given: Given) -> Result<Decimal, Error> {
    let read = match &given {
        Given::Text(text) => Reported::new(text.as_str()).as_number(),
        Given::Number(x) => from_f64(*x),
        _ => None,
    };
    read.ok_or_else(|| Error::InvalidParameter {
        name,
        value: given.to_string(),
        expected: "a finite decimal number, as a string or a number",
    })
}

/// A string option.
fn text(name: &'static str, given: Option<Given>) -> Result<String, Error> {
    match given {
        Some(Given::Text(text)) => Ok(text),
        other => Err(Error::InvalidParameter {
            name,
            value: other.unwrap_or(Given::Nothing).to_string(),
            expected: "a string",
        }),
    }
}

/// The options of `judge`.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct JudgeOptionsDto {
    sd: Option<Given>,
    boundary: Option<Given>,
    #[serde(flatten)]
    unknown: BTreeMap<String, IgnoredAny>,
}

impl JudgeOptionsDto {
    /// The standard deviation and the boundary.
    pub(crate) fn into_core(self) -> Result<(Option<Decimal>, Boundary), Error> {
        refuse_unknown(&self.unknown, "sd or boundary")?;
        let sd = match self.sd {
            None | Some(Given::Nothing) => None,
            Some(given) => Some(decimal("sd", given)?),
        };
        let boundary = match self.boundary {
            None | Some(Given::Nothing) => Boundary::default(),
            Some(given) => {
                let named = match &given {
                    Given::Text(name) => {
                        serde_json::from_value(serde_json::Value::String(name.clone())).ok()
                    }
                    _ => None,
                };
                named.ok_or_else(|| Error::InvalidParameter {
                    name: "boundary",
                    value: given.to_string(),
                    expected: "\"inclusive\" or \"exclusive\"",
                })?
            }
        };
        Ok((sd, boundary))
    }
}

/// The query of `findCriterion`.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct CriterionQueryDto {
    provider: Option<Given>,
    year: Option<Given>,
    program: Option<Given>,
    analyte: Option<Given>,
    #[serde(flatten)]
    unknown: BTreeMap<String, IgnoredAny>,
}

impl CriterionQueryDto {
    /// Provider, year, program and analyte.
    pub(crate) fn into_core(self) -> Result<(String, i32, String, String), Error> {
        refuse_unknown(&self.unknown, "provider, year, program or analyte")?;
        let year = match self.year {
            Some(Given::Number(y))
                if y.fract() == 0.0 && (f64::from(i32::MIN)..=f64::from(i32::MAX)).contains(&y) =>
            {
                y as i32
            }
            other => {
                return Err(Error::InvalidParameter {
                    name: "year",
                    value: other.unwrap_or(Given::Nothing).to_string(),
                    expected: "a whole number",
                });
            }
        };
        Ok((
            text("provider", self.provider)?,
            year,
            text("program", self.program)?,
            text("analyte", self.analyte)?,
        ))
    }
}

/// The options of `convertUnit`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ConversionOptionsDto {
    analyte: Option<Given>,
    from_unit: Option<Given>,
    to_unit: Option<Given>,
    #[serde(flatten)]
    unknown: BTreeMap<String, IgnoredAny>,
}

impl ConversionOptionsDto {
    /// Analyte, unit from, unit to.
    pub(crate) fn into_core(self) -> Result<(String, String, String), Error> {
        refuse_unknown(&self.unknown, "analyte, fromUnit or toUnit")?;
        Ok((
            text("analyte", self.analyte)?,
            text("fromUnit", self.from_unit)?,
            text("toUnit", self.to_unit)?,
        ))
    }
}

/// Judges a reported value against a target exactly, in decimal arithmetic:
/// acceptable when |value − target| ≤ L(target) (or < with `boundary:
/// "exclusive"`).
///
/// Throws `InvalidParameterError` for a value, target or sd that is not a
/// number, a limit number that is not positive, a missing sd, an ordinal or
/// categorical limit, or a bad option; `InvalidInputError` for a limit that
/// is not a limit.
#[wasm_bindgen(unchecked_return_type = "Judgement")]
pub fn judge(
    #[wasm_bindgen(unchecked_param_type = "DecimalInput")] value: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "DecimalInput")] target: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "AcceptanceLimit")] limit: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "JudgeOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let value = decimal("value", given(value)).map_err(throw)?;
    let target = decimal("target", given(target)).map_err(throw)?;
    let (sd, boundary) = options_of::<JudgeOptionsDto>(options)?
        .into_core()
        .map_err(throw)?;
    let limit: AcceptanceLimit = from_js(limit)?;
    limit.check().map_err(throw)?;
    let judgement = limit.judge(value, target, sd, boundary).map_err(throw)?;
    to_doc(&judgement)
}

/// Every shipped criteria table: NCCL 2024, then CLIA 2024.
#[wasm_bindgen(js_name = builtinCriteria, unchecked_return_type = "Criteria")]
pub fn builtin_criteria() -> Result<JsValue, JsValue> {
    to_doc(&Criteria::builtin().map_err(throw)?)
}

/// The NCCL 2024 criteria tables (programs NCCL-C-01 to NCCL-C-06).
#[wasm_bindgen(js_name = nccl2024Criteria, unchecked_return_type = "Criteria")]
pub fn nccl_2024_criteria() -> Result<JsValue, JsValue> {
    to_doc(&Criteria::nccl_2024().map_err(throw)?)
}

/// The CLIA 2024 criteria tables (programs chemistry, endocrinology,
/// hematology, coagulation); limits not cross-checked have `confirmed: false`.
#[wasm_bindgen(js_name = clia2024Criteria, unchecked_return_type = "Criteria")]
pub fn clia_2024_criteria() -> Result<JsValue, JsValue> {
    to_doc(&Criteria::clia_2024().map_err(throw)?)
}

/// The criterion of an analyte for a provider's program in a year, from the
/// table of that provider and program with the latest year not after `year`;
/// `null` when there is none. `criteria` is a `Criteria`, a single table, or
/// JSON text of either.
///
/// Throws `InvalidInputError` (`invalid_document`, with the path) for
/// criteria that do not match the schema or hold a bad limit,
/// `InvalidParameterError` for a bad query.
#[wasm_bindgen(js_name = findCriterion, unchecked_return_type = "Criterion | null")]
pub fn find_criterion(
    #[wasm_bindgen(unchecked_param_type = "Criteria | CriteriaTable | string")] criteria: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "CriterionQuery")] query: JsValue,
) -> Result<JsValue, JsValue> {
    let (provider, year, program, analyte) = options_of::<CriterionQueryDto>(Some(query))?
        .into_core()
        .map_err(throw)?;
    let text = match criteria.as_string() {
        Some(text) => text,
        None => js_sys::JSON::stringify(criteria)?
            .as_string()
            .unwrap_or_default(),
    };
    let criteria = Criteria::from_json(&text).map_err(throw)?;
    match criteria.find(&provider, year, &program, &analyte) {
        Some((_, criterion)) => to_doc(criterion),
        None => Ok(JsValue::NULL),
    }
}

/// Converts an analyte's value between its conventional and SI units
/// exactly (glucose 90 mg/dL = 90 ÷ 18.016 mmol/L), as decimal text; the same
/// unit gives the value unchanged.
///
/// Throws `InvalidParameterError` for a value that is not a number, a bad
/// option, or (name `unit`) a pair of units with no conversion for the analyte.
#[wasm_bindgen(js_name = convertUnit)]
pub fn convert_unit(
    #[wasm_bindgen(unchecked_param_type = "DecimalInput")] value: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "ConversionOptions")] options: JsValue,
) -> Result<String, JsValue> {
    let value = decimal("value", given(value)).map_err(throw)?;
    let (analyte, from, to) = options_of::<ConversionOptionsDto>(Some(options))?
        .into_core()
        .map_err(throw)?;
    let converted = units::convert(&analyte, value, &from, &to).map_err(throw)?;
    Ok(converted.to_string())
}

/// The documented conversion factors (domain §5.5).
#[wasm_bindgen(js_name = unitConversions, unchecked_return_type = "UnitConversion[]")]
pub fn unit_conversions() -> Result<JsValue, JsValue> {
    to_doc(&units::CONVERSIONS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dto<T: serde::de::DeserializeOwned>(json: &str) -> T {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn numbers_are_read_exactly() {
        assert_eq!(
            decimal("value", Given::Number(1.1)).unwrap().to_string(),
            "1.1"
        );
        assert_eq!(
            decimal("value", Given::Text("5.50".into()))
                .unwrap()
                .to_string(),
            "5.50"
        );
        for bad in [
            Given::Number(f64::NAN),
            Given::Text("<0.5".into()),
            Given::Bool(true),
            Given::Nothing,
        ] {
            let err = decimal("target", bad).unwrap_err();
            assert!(matches!(
                err,
                Error::InvalidParameter { name: "target", .. }
            ));
        }
    }

    #[test]
    fn options_are_checked() {
        let (sd, boundary) = dto::<JudgeOptionsDto>(r#"{"sd": "0.4", "boundary": "exclusive"}"#)
            .into_core()
            .unwrap();
        assert_eq!(
            (sd.unwrap().to_string().as_str(), boundary),
            ("0.4", Boundary::Exclusive)
        );
        let (sd, boundary) = dto::<JudgeOptionsDto>("{}").into_core().unwrap();
        assert_eq!((sd, boundary), (None, Boundary::Inclusive));
        assert!(
            dto::<JudgeOptionsDto>(r#"{"boundary": "strict"}"#)
                .into_core()
                .is_err()
        );
        assert!(
            dto::<JudgeOptionsDto>(r#"{"sigma": 1}"#)
                .into_core()
                .is_err()
        );
        let q = dto::<CriterionQueryDto>(
            r#"{"provider": "NCCL", "year": 2024, "program": "NCCL-C-01", "analyte": "K"}"#,
        )
        .into_core()
        .unwrap();
        assert_eq!(q, ("NCCL".into(), 2024, "NCCL-C-01".into(), "K".into()));
        let err = dto::<CriterionQueryDto>(r#"{"provider": "NCCL", "year": 2024.5}"#)
            .into_core()
            .unwrap_err();
        assert!(matches!(err, Error::InvalidParameter { name: "year", .. }));
        let err = dto::<ConversionOptionsDto>(r#"{"analyte": "GLU", "fromUnit": "mg/dL"}"#)
            .into_core()
            .unwrap_err();
        assert!(matches!(
            err,
            Error::InvalidParameter { name: "toUnit", .. }
        ));
    }

    #[test]
    fn declarations_name_the_cores_kinds() {
        let limits = [
            AcceptanceLimit::Percent {
                percent: Decimal::ONE,
            },
            AcceptanceLimit::Absolute {
                absolute: Decimal::ONE,
            },
            AcceptanceLimit::GreaterOf {
                absolute: Decimal::ONE,
                percent: Decimal::ONE,
            },
            AcceptanceLimit::Piecewise {
                breakpoint: Decimal::ONE,
                absolute: Decimal::ONE,
                percent: Decimal::ONE,
            },
            AcceptanceLimit::SdMultiple { k: Decimal::ONE },
            AcceptanceLimit::OrdinalWindow {
                down: 1,
                up: 1,
                negative_exact: true,
            },
            AcceptanceLimit::Categorical,
        ];
        for limit in limits {
            let json = serde_json::to_value(&limit).unwrap();
            let fields = json.as_object().unwrap();
            let kind = format!("{{ kind: \"{}\"", limit.kind());
            let start = DECLARATIONS.find(&kind).unwrap();
            let line = &DECLARATIONS[start..start + DECLARATIONS[start..].find('}').unwrap()];
            for key in fields.keys() {
                assert!(line.contains(key.as_str()), "{key} not in {line}");
            }
        }
        for direction in ["si_per_conventional", "conventional_per_si"] {
            let used = units::CONVERSIONS.iter().any(|c| {
                serde_json::to_value(c.direction).unwrap() == serde_json::json!(direction)
            });
            assert!(used && DECLARATIONS.contains(&format!("\"{direction}\"")));
        }
    }
}
