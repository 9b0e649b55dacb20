//! The JavaScript package `eqa-wasm`: the ISO 13528 robust statistics of
//! [`eqa`] for the browser and Node.
//!
//! An adapter with no statistics of its own: values arrive as a
//! `Float64Array` or an array of numbers, options as a plain object read into
//! a DTO and turned into the core's options (`src/options.rs`), the core
//! computes, and its result leaves as a plain object (`src/results.rs`) or its
//! error as a thrown JavaScript `Error` (`src/error.rs`). Only this file
//! touches wasm-bindgen and js-sys; the others are plain Rust, tested natively.
//!
//! | JavaScript | core |
//! | --- | --- |
//! | `median`, `mean` | [`eqa::median`], [`eqa::mean`] |
//! | `standardDeviation`, `made`, `niqr`, `quantile` | [`eqa::standard_deviation`], [`eqa::made`], [`eqa::niqr`], [`eqa::quantile`] |
//! | `algorithmA`, `huberFixedScale` | [`eqa::algorithm_a`], [`eqa::huber_fixed_scale`] |
//! | `consensusUncertainty` | [`eqa::consensus_uncertainty`] |
//!
//! The TypeScript declarations of the options, results and errors are in
//! `src/types.d.ts`.

use js_sys::{Array, Float64Array, Reflect};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

mod criteria;
mod document;
mod error;
mod history;
mod indicators;
mod load;
mod options;
mod report;
mod results;
mod scoring;
mod synthetic;
mod validation;

// ISO 13528:2022 Annex C beyond Algorithm A: Q method, Hampel, Qn, Algorithm S.
mod annex_c;

// ISO 13528:2022 clauses 8 and 9: sigma_pt and performance statistics.
mod scores;
mod sigma_pt;

// ISO 13528:2022 clause 7 and Annex B: assigned values, homogeneity and stability.
mod provider;

// ISO 13528:2022 clause 10: data for graphs.
mod plots;

use options::Given;

/// The TypeScript declarations of the options, results and errors.
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

/// The median of the values (ISO 13528:2022 C.2.1).
///
/// Throws `InvalidInputError` for no values or a NaN or infinite value.
#[wasm_bindgen]
pub fn median(
    #[wasm_bindgen(unchecked_param_type = "Values")] values: &JsValue,
) -> Result<f64, JsValue> {
    eqa::median(&values_of(values)?).map_err(fail)
}

/// The arithmetic mean of the values.
///
/// Throws `InvalidInputError` for no values or a NaN or infinite value,
/// `NumericalOverflowError` when the sum exceeds the range of a double.
#[wasm_bindgen]
pub fn mean(
    #[wasm_bindgen(unchecked_param_type = "Values")] values: &JsValue,
) -> Result<f64, JsValue> {
    eqa::mean(&values_of(values)?).map_err(fail)
}

/// The sample standard deviation of the values.
///
/// Throws `InvalidInputError` for fewer than two values or a NaN or infinite
/// value, `NumericalOverflowError` for a spread too large for doubles.
#[wasm_bindgen(js_name = standardDeviation)]
pub fn standard_deviation(
    #[wasm_bindgen(unchecked_param_type = "Values")] values: &JsValue,
) -> Result<f64, JsValue> {
    eqa::standard_deviation(&values_of(values)?).map_err(fail)
}

/// The normalised interquartile range 0.7413·(Q3 − Q1) (ISO 13528:2022 C.2.3),
/// with linear-interpolation quartiles.
///
/// Throws `InvalidInputError` for no values or a NaN or infinite value.
#[wasm_bindgen]
pub fn niqr(
    #[wasm_bindgen(unchecked_param_type = "Values")] values: &JsValue,
) -> Result<f64, JsValue> {
    eqa::niqr(&values_of(values)?).map_err(fail)
}

/// MADe, the scaled median absolute deviation (ISO 13528:2022 C.2.2).
///
/// Throws `InvalidInputError` for no values or a NaN or infinite value,
/// `InvalidParameterError` for a bad or unknown option.
#[wasm_bindgen]
pub fn made(
    #[wasm_bindgen(unchecked_param_type = "Values")] values: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "MadeOptions")] options: Option<JsValue>,
) -> Result<f64, JsValue> {
    let values = values_of(values)?;
    let constants = options_of::<options::MadeOptionsDto>(options)?
        .into_core()
        .map_err(fail)?;
    eqa::made(&values, constants).map_err(fail)
}

/// The p-quantile by linear interpolation (R's type 7).
///
/// Throws `InvalidInputError` for no values or a NaN or infinite value,
/// `InvalidParameterError` unless 0 ≤ p ≤ 1.
#[wasm_bindgen]
pub fn quantile(
    #[wasm_bindgen(unchecked_param_type = "Values")] values: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] p: &JsValue,
) -> Result<f64, JsValue> {
    let values = values_of(values)?;
    let p = options::number("p", given(p)).map_err(fail)?;
    eqa::quantile(&values, p).map_err(fail)
}

/// u(x_pt) = 1.25 · s* / √p of a consensus value of p participants (ISO 13528:2022 7.7.3).
///
/// Throws `InvalidParameterError` unless `scale` is a finite number at least 0
/// and `p` a whole number at least 1.
#[wasm_bindgen(js_name = consensusUncertainty)]
pub fn consensus_uncertainty(
    #[wasm_bindgen(unchecked_param_type = "number")] scale: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] p: &JsValue,
) -> Result<f64, JsValue> {
    let scale = options::number("scale", given(scale)).map_err(fail)?;
    let p = options::participants(given(p)).map_err(fail)?;
    eqa::consensus_uncertainty(scale, p).map_err(fail)
}

/// Algorithm A, the robust mean and standard deviation (ISO 13528:2022 C.3.1).
///
/// Throws `InvalidInputError` for fewer than two values or a NaN or infinite
/// value, `InvalidParameterError` for a bad or unknown option, `ZeroScaleError`
/// when more than half of the values tie (unless `zeroScale` says otherwise).
#[wasm_bindgen(js_name = algorithmA, unchecked_return_type = "RobustEstimate")]
pub fn algorithm_a(
    #[wasm_bindgen(unchecked_param_type = "Values")] values: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AlgorithmAOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let values = values_of(values)?;
    let options = options_of::<options::AlgorithmAOptionsDto>(options)?
        .into_core()
        .map_err(fail)?;
    let estimate = eqa::algorithm_a(&values, &options).map_err(fail)?;
    to_js(&results::RobustEstimate::from(&estimate))
}

/// Huber's location with the scale held fixed (ISO 13528:2022 C.3.2).
///
/// Throws as `algorithmA`; a given `scale` must be positive and finite.
#[wasm_bindgen(js_name = huberFixedScale, unchecked_return_type = "RobustEstimate")]
pub fn huber_fixed_scale(
    #[wasm_bindgen(unchecked_param_type = "Values")] values: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "HuberOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let values = values_of(values)?;
    let options = options_of::<options::HuberOptionsDto>(options)?
        .into_core()
        .map_err(fail)?;
    let estimate = eqa::huber_fixed_scale(&values, &options).map_err(fail)?;
    to_js(&results::RobustEstimate::from(&estimate))
}

/// The values as a `Vec`: a `Float64Array` is copied at once, an array
/// element by element.
pub(crate) fn values_of(values: &JsValue) -> Result<Vec<f64>, JsValue> {
    if let Some(typed) = values.dyn_ref::<Float64Array>() {
        return Ok(typed.to_vec());
    }
    let Some(array) = values.dyn_ref::<Array>() else {
        return Err(fail(options::not_values(given(values))));
    };
    array
        .iter()
        .enumerate()
        .map(|(index, value)| options::element(index, given(&value)))
        .collect::<Result<_, _>>()
        .map_err(fail)
}

/// An options object read into its DTO; no object (or `null`) gives the defaults.
pub(crate) fn options_of<T: DeserializeOwned + Default>(
    options: Option<JsValue>,
) -> Result<T, JsValue> {
    let Some(options) = options.filter(|o| !o.is_null()) else {
        return Ok(T::default());
    };
    if !options.is_object() || Array::is_array(&options) {
        return Err(fail(options::not_options(given(&options))));
    }
    serde_wasm_bindgen::from_value(options)
        .map_err(|unreadable| fail(options::unreadable(&unreadable.to_string())))
}

/// A JavaScript value as the DTOs see it.
pub(crate) fn given(value: &JsValue) -> Given {
    if value.is_null() {
        Given::of_type("null")
    } else if let Some(x) = value.as_f64() {
        Given::Number(x)
    } else if let Some(s) = value.as_string() {
        Given::Text(s)
    } else if let Some(b) = value.as_bool() {
        Given::Bool(b)
    } else if Array::is_array(value) {
        Given::of_type("array")
    } else {
        Given::of_type(&value.js_typeof().as_string().unwrap_or_default())
    }
}

/// A result as a plain JavaScript object.
pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::new())
        .map_err(JsValue::from)
}

/// A core error from a function that takes options or arguments: thrown
/// with their names spelled as JavaScript spells them (camelCase).
pub(crate) fn fail(error: eqa::Error) -> JsValue {
    throw(error.respelled(eqa::KeyStyle::CamelCase))
}

/// A core error as a thrown JavaScript `Error` with `name`, `code` and
/// `details`, its names as the core spells them (for documents).
pub(crate) fn throw(error: eqa::Error) -> JsValue {
    let description = error::describe(&error);
    let thrown = js_sys::Error::new(&description.message);
    thrown.set_name(description.name);
    let details = to_js(&description.details).unwrap_or_else(|_| js_sys::Object::new().into());
    // Setting a property of a fresh `Error` cannot fail.
    let _ = Reflect::set(&thrown, &"code".into(), &description.code.into());
    let _ = Reflect::set(&thrown, &"details".into(), &details);
    thrown.into()
}

#[cfg(test)]
mod tests {
    use eqa::{Constants, StartScale, StopRule, ZeroScalePolicy};

    const DECLARATIONS: &str = include_str!("types.d.ts");

    fn union_of(declaration: &str) -> Vec<&str> {
        let start = DECLARATIONS
            .find(declaration)
            .unwrap_or_else(|| panic!("{declaration} is not declared"));
        let line = &DECLARATIONS[start + declaration.len()..];
        let line = &line[..line.find(';').unwrap()];
        line.split('|')
            .map(|member| member.trim().trim_matches('"'))
            .collect()
    }

    #[test]
    fn typescript_names_are_the_cores() {
        let constants: Vec<_> = [Constants::Iso, Constants::Exact]
            .map(Constants::as_str)
            .into();
        assert_eq!(union_of("type Constants ="), constants);
        let stop: Vec<_> = [StopRule::Iso2022, StopRule::Converged]
            .map(StopRule::as_str)
            .into();
        assert_eq!(union_of("type StopRule ="), stop);
        let policies = [
            ZeroScalePolicy::Error,
            ZeroScalePolicy::StandardDeviation,
            ZeroScalePolicy::Median,
        ];
        let names: Vec<_> = policies.map(ZeroScalePolicy::as_str).into();
        assert_eq!(union_of("type ZeroScalePolicy ="), names);
        let starts = [
            StartScale::Made,
            StartScale::StandardDeviation,
            StartScale::Given,
            StartScale::Zero,
        ];
        let names: Vec<_> = starts.map(StartScale::as_str).into();
        assert_eq!(union_of("type StartScale ="), names);
        for name in union_of("type ZeroScalePolicy =") {
            assert!(name.parse::<ZeroScalePolicy>().is_ok());
        }
    }

    #[test]
    fn typescript_defaults_are_the_cores() {
        let a = eqa::AlgorithmAOptions::default();
        let documented = [
            format!(
                "/** Default `\"{}\"`. */\n  constants?: Constants;",
                a.constants
            ),
            format!("/** Default `\"{}\"`. */\n  stop?: StopRule;", a.stop),
            format!("default {:e}. */\n  tol?: number;", a.tol),
            format!("default {}. */\n  maxIter?: number;", a.max_iter),
            format!(
                "/** Default `\"{}\"`. */\n  zeroScale?: ZeroScalePolicy;",
                a.zero_scale
            ),
            format!(
                "/** Default `\"{}\"`. */\n  constants?: Constants;\n}}",
                Constants::default()
            ),
        ];
        for text in documented {
            assert!(DECLARATIONS.contains(&text), "not in types.d.ts: {text}");
        }
        let h = eqa::HuberOptions::default();
        assert_eq!(
            (
                h.scale,
                h.constants,
                h.stop,
                h.tol,
                h.max_iter,
                h.zero_scale
            ),
            (None, a.constants, a.stop, a.tol, a.max_iter, a.zero_scale),
            "HuberOptions extends AlgorithmAOptions with the same defaults"
        );
    }

    #[test]
    fn typescript_codes_are_the_cores() {
        let codes = union_of("type ErrorCode =");
        let errors = [
            eqa::median(&[]).unwrap_err(),
            eqa::median(&[f64::NAN]).unwrap_err(),
            eqa::algorithm_a(&[1.0, 1.0, 2.0], &eqa::AlgorithmAOptions::default()).unwrap_err(),
            eqa::quantile(&[1.0], 2.0).unwrap_err(),
            eqa::mean(&[f64::MAX, f64::MAX]).unwrap_err(),
            eqa::Error::LengthMismatch {
                what: "u",
                expected: 2,
                got: 1,
            },
        ];
        let mut cores: Vec<_> = errors.iter().map(eqa::Error::code).collect();
        cores.dedup();
        assert_eq!(codes.iter().filter(|c| !c.is_empty()).count(), cores.len());
        for code in cores {
            assert!(codes.contains(&code), "{code} is not declared");
        }
    }
}
