//! The core's errors as JavaScript will see them: a name per family, the
//! core's stable code, a message and the variant's fields.

use eqa::Error;
use serde::Serialize;

/// Everything the thrown JavaScript `Error` carries.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ErrorDescription {
    /// The `name` of the JavaScript error: its family.
    pub(crate) name: &'static str,
    /// The core's [`Error::code`].
    pub(crate) code: &'static str,
    /// The core's message.
    pub(crate) message: String,
    /// The variant's fields, as the `details` object.
    pub(crate) details: Details,
}

/// The fields of each error variant; an empty object for a variant this
/// binding does not know yet.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub(crate) enum Details {
    TooFewValues {
        estimator: &'static str,
        needed: usize,
        got: usize,
    },
    NonFiniteValue {
        index: usize,
        value: f64,
    },
    ZeroScale {
        estimator: &'static str,
        ties: usize,
        n: usize,
        median: f64,
    },
    InvalidParameter {
        name: &'static str,
        value: String,
        expected: &'static str,
    },
    LengthMismatch {
        what: &'static str,
        expected: usize,
        got: usize,
    },
    Overflow {
        estimator: &'static str,
    },
    InvalidDocument {
        path: String,
        message: String,
    },
    Other {},
}

/// The name of the family of variants this binding does not know yet.
pub(crate) const BASE_NAME: &str = "EqaError";

/// Describes a core error for JavaScript: the one mapping from variant to family.
pub(crate) fn describe(error: &Error) -> ErrorDescription {
    let (name, details, shown) = match error {
        &Error::TooFewValues {
            estimator,
            needed,
            got,
        } => (
            "InvalidInputError",
            Details::TooFewValues {
                estimator,
                needed,
                got,
            },
            error,
        ),
        &Error::NonFiniteValue { index, value } => (
            "InvalidInputError",
            Details::NonFiniteValue { index, value },
            error,
        ),
        &Error::ZeroScale {
            estimator,
            ties,
            n,
            median,
        } => (
            "ZeroScaleError",
            Details::ZeroScale {
                estimator,
                ties,
                n,
                median,
            },
            error,
        ),
        Error::InvalidParameter {
            name,
            value,
            expected,
        } => (
            "InvalidParameterError",
            Details::InvalidParameter {
                name,
                value: value.clone(),
                expected,
            },
            error,
        ),
        &Error::LengthMismatch {
            what,
            expected,
            got,
        } => (
            "InvalidInputError",
            Details::LengthMismatch {
                what,
                expected,
                got,
            },
            error,
        ),
        &Error::Overflow { estimator } => (
            "NumericalOverflowError",
            Details::Overflow { estimator },
            error,
        ),
        Error::InvalidDocument { path, message } => (
            "InvalidInputError",
            Details::InvalidDocument {
                path: path.clone(),
                message: message.clone(),
            },
            error,
        ),
        _ => (BASE_NAME, Details::Other {}, error),
    };
    ErrorDescription {
        name,
        code: error.code(),
        message: shown.to_string(),
        details,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use eqa::{AlgorithmAOptions, KeyStyle, ZeroScalePolicy};

    #[test]
    fn each_variant_has_its_family_and_the_cores_code() {
        let cases = [
            (eqa::median(&[]).unwrap_err(), "InvalidInputError"),
            (
                eqa::median(&[1.0, 2.0, f64::NAN]).unwrap_err(),
                "InvalidInputError",
            ),
            (
                eqa::algorithm_a(&[1.0, 1.0, 1.0, 2.0], &AlgorithmAOptions::default()).unwrap_err(),
                "ZeroScaleError",
            ),
            (
                eqa::quantile(&[1.0], 2.0).unwrap_err(),
                "InvalidParameterError",
            ),
            (
                eqa::mean(&[f64::MAX, f64::MAX]).unwrap_err(),
                "NumericalOverflowError",
            ),
        ];
        for (error, family) in cases {
            let d = describe(&error);
            assert_eq!((d.name, d.code), (family, error.code()));
            assert_eq!(d.message, error.to_string());
        }
    }

    #[test]
    fn details_carry_the_variants_fields() {
        let d = describe(&eqa::median(&[0.1, 0.2, f64::NAN]).unwrap_err());
        let json = serde_json::to_value(&d.details).unwrap();
        // serde_json writes NaN as null; serde-wasm-bindgen keeps it a NaN number.
        assert_eq!(json, serde_json::json!({"index": 2, "value": null}));
        assert!(matches!(d.details, Details::NonFiniteValue { index: 2, value } if value.is_nan()));

        let d = describe(&eqa::standard_deviation(&[1.0]).unwrap_err());
        let json = serde_json::to_value(&d.details).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"estimator": "standard deviation", "needed": 2, "got": 1})
        );

        let d = describe(
            &eqa::algorithm_a(&[1.0, 1.0, 1.0, 2.0, 9.0], &AlgorithmAOptions::default())
                .unwrap_err(),
        );
        let json = serde_json::to_value(&d.details).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"estimator": "MADe", "ties": 3, "n": 5, "median": 1.0})
        );

        let d = describe(&eqa::mean(&[f64::MAX, f64::MAX]).unwrap_err());
        assert_eq!(
            serde_json::to_value(&d.details).unwrap(),
            serde_json::json!({"estimator": "mean"})
        );

        let d = describe(&eqa::Error::LengthMismatch {
            what: "u",
            expected: 3,
            got: 2,
        });
        assert_eq!((d.name, d.code), ("InvalidInputError", "length_mismatch"));
        assert_eq!(
            serde_json::to_value(&d.details).unwrap(),
            serde_json::json!({"what": "u", "expected": 3, "got": 2})
        );
        assert_eq!(
            serde_json::to_value(Details::Other {}).unwrap(),
            serde_json::json!({})
        );
    }

    #[test]
    fn options_are_named_as_javascript_spells_them() {
        let error = "sd".parse::<ZeroScalePolicy>().unwrap_err();
        let d = describe(&error.respelled(KeyStyle::CamelCase));
        assert_eq!(d.name, "InvalidParameterError");
        assert_eq!(d.code, "invalid_parameter");
        assert!(d.message.starts_with("invalid zeroScale = sd: expected "));
        let Details::InvalidParameter { name, value, .. } = d.details else {
            panic!("not an invalid parameter: {d:?}");
        };
        assert_eq!((name, value.as_str()), ("zeroScale", "sd"));

        let options = AlgorithmAOptions {
            max_iter: 0,
            ..Default::default()
        };
        let error = eqa::algorithm_a(&[1.0, 2.0, 3.0], &options).unwrap_err();
        let d = describe(&error.respelled(KeyStyle::CamelCase));
        assert!(d.message.starts_with("invalid maxIter = 0"));

        let d = describe(&eqa::quantile(&[1.0], 2.0).unwrap_err());
        assert_eq!(
            serde_json::to_value(&d.details).unwrap(),
            serde_json::json!({"name": "p", "value": "2", "expected": "a probability between 0 and 1"})
        );
    }
}
