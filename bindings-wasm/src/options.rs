//! Options and arguments as they arrive from JavaScript, turned into the
//! core's types.
//!
//! An option object is read into a DTO whose fields hold each value as
//! [`Given`] (what it is, not yet what it should be), so that a value of the
//! wrong type or an unknown key becomes an [`Error::InvalidParameter`] naming
//! the key, instead of a serde message. Names of choices are parsed by the
//! core's `FromStr` impls and defaults come from the core's `Default` impls.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use eqa::{AlgorithmAOptions, Constants, Error, HuberOptions, StopRule, ZeroScalePolicy};
use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// A JavaScript value given as an option or argument, before its type is checked.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Given {
    /// `null` or `undefined`: an option left at its default.
    Nothing,
    /// A boolean.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    Text(String),
    /// Anything else, named by its kind for messages ("an array", "a bigint").
    Other(String),
}

impl Given {
    /// A value that is none of the above, from its JavaScript `typeof` (or `"null"`).
    pub(crate) fn of_type(type_of: &str) -> Given {
        if type_of == "undefined" || type_of == "null" {
            return Given::Other(type_of.to_owned());
        }
        let article = if type_of.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        Given::Other(format!("{article} {type_of}"))
    }
}

/// How the value reads in an error message.
impl fmt::Display for Given {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Given::Nothing => f.write_str("null"),
            Given::Bool(b) => write!(f, "{b}"),
            Given::Number(x) if x.is_infinite() => {
                f.write_str(if *x > 0.0 { "Infinity" } else { "-Infinity" })
            }
            Given::Number(x) => write!(f, "{x}"),
            Given::Text(s) => write!(f, "{s:?}"),
            Given::Other(kind) => f.write_str(kind),
        }
    }
}

impl<'de> Deserialize<'de> for Given {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(GivenVisitor)
    }
}

struct GivenVisitor;

impl<'de> Visitor<'de> for GivenVisitor {
    type Value = Given;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, number or boolean")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Given, E> {
        Ok(Given::Nothing)
    }

    fn visit_none<E: de::Error>(self) -> Result<Given, E> {
        Ok(Given::Nothing)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Given, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Given, E> {
        Ok(Given::Bool(v))
    }

    // serde-wasm-bindgen hands a safe integer over as an i64 (so an option of
    // -0 arrives as 0; tol and scale refuse both alike) and a BigInt as an
    // integer too.
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Given, E> {
        Ok(Given::Number(v as f64))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Given, E> {
        Ok(Given::Number(v as f64))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Given, E> {
        Ok(Given::Number(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Given, E> {
        Ok(Given::Text(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Given, E> {
        Ok(Given::Text(v))
    }

    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Given, E> {
        Ok(Given::of_type("byte array"))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Given, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Given::of_type("array"))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Given, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Given::of_type("object"))
    }
}

/// The options of `made`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct MadeOptionsDto {
    constants: Option<Given>,
    #[serde(flatten)]
    unknown: BTreeMap<String, IgnoredAny>,
}

impl MadeOptionsDto {
    /// The core's consistency constants.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] for an unknown key or a value that is not an accepted name.
    pub(crate) fn into_core(self) -> Result<Constants, Error> {
        refuse_unknown(&self.unknown, "constants")?;
        self.constants.map_or_else(
            || Ok(Constants::default()),
            |given| choice("constants", given),
        )
    }
}

/// The options of `algorithmA`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct AlgorithmAOptionsDto {
    constants: Option<Given>,
    stop: Option<Given>,
    tol: Option<Given>,
    max_iter: Option<Given>,
    zero_scale: Option<Given>,
    #[serde(flatten)]
    unknown: BTreeMap<String, IgnoredAny>,
}

impl AlgorithmAOptionsDto {
    /// The core's options: its defaults, with the given keys replaced.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] for an unknown key or a value of the wrong
    /// type or not an accepted name. Ranges (a positive `tol`, …) are the
    /// core's to check.
    pub(crate) fn into_core(self) -> Result<AlgorithmAOptions, Error> {
        refuse_unknown(&self.unknown, "constants, stop, tol, maxIter or zeroScale")?;
        let mut options = AlgorithmAOptions::default();
        set(&mut options.constants, self.constants, |g| {
            choice("constants", g)
        })?;
        set(&mut options.stop, self.stop, |g| choice("stop", g))?;
        set(&mut options.tol, self.tol, |g| number("tol", g))?;
        set(&mut options.max_iter, self.max_iter, max_iter)?;
        set(&mut options.zero_scale, self.zero_scale, |g| {
            choice::<ZeroScalePolicy>("zero_scale", g)
        })?;
        Ok(options)
    }
}

/// The options of `huberFixedScale`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct HuberOptionsDto {
    scale: Option<Given>,
    constants: Option<Given>,
    stop: Option<Given>,
    tol: Option<Given>,
    max_iter: Option<Given>,
    zero_scale: Option<Given>,
    #[serde(flatten)]
    unknown: BTreeMap<String, IgnoredAny>,
}

impl HuberOptionsDto {
    /// The core's options: its defaults, with the given keys replaced.
    ///
    /// # Errors
    ///
    /// As [`AlgorithmAOptionsDto::into_core`].
    pub(crate) fn into_core(self) -> Result<HuberOptions, Error> {
        refuse_unknown(
            &self.unknown,
            "scale, constants, stop, tol, maxIter or zeroScale",
        )?;
        let mut options = HuberOptions::default();
        if let Some(given) = self.scale {
            options.scale = match given {
                Given::Nothing => None,
                given => Some(number("scale", given)?),
            };
        }
        set(&mut options.constants, self.constants, |g| {
            choice("constants", g)
        })?;
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

/// Replaces `slot` with the converted value, when one was given.
pub(crate) fn set<T>(
    slot: &mut T,
    given: Option<Given>,
    convert: impl FnOnce(Given) -> Result<T, Error>,
) -> Result<(), Error> {
    match given {
        None | Some(Given::Nothing) => Ok(()),
        Some(given) => {
            *slot = convert(given)?;
            Ok(())
        }
    }
}

pub(crate) fn refuse_unknown(
    unknown: &BTreeMap<String, IgnoredAny>,
    keys: &'static str,
) -> Result<(), Error> {
    match unknown.keys().next() {
        None => Ok(()),
        Some(key) => Err(Error::InvalidParameter {
            name: "option",
            value: format!("{key:?}"),
            expected: keys,
        }),
    }
}

/// A named choice, parsed by the core's `FromStr`.
///
/// A value that is not a string is refused whatever it renders as; the core's
/// parser still supplies the list of accepted names.
pub(crate) fn choice<T: FromStr<Err = Error>>(
    name: &'static str,
    given: Given,
) -> Result<T, Error> {
    match given {
        Given::Text(text) => text.parse(),
        other => {
            let value = other.to_string();
            Err(match value.parse::<T>() {
                Err(error) => error,
                Ok(_) => Error::InvalidParameter {
                    name,
                    value,
                    expected: "a string",
                },
            })
        }
    }
}

/// A number, passed on bit for bit; its range is the core's to check.
///
/// # Errors
///
/// [`Error::InvalidParameter`] when the value is not a number.
pub(crate) fn number(name: &'static str, given: Given) -> Result<f64, Error> {
    match given {
        Given::Number(x) => Ok(x),
        other => Err(Error::InvalidParameter {
            name,
            value: other.to_string(),
            expected: "a number",
        }),
    }
}

/// A whole number from 0 to `u32::MAX`, the same bound on every target.
pub(crate) fn whole(given: &Given) -> Option<u32> {
    match *given {
        Given::Number(x) if x.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&x) => {
            Some(x as u32)
        }
        _ => None,
    }
}

pub(crate) fn max_iter(given: Given) -> Result<u32, Error> {
    whole(&given).ok_or_else(|| Error::InvalidParameter {
        name: "max_iter",
        value: given.to_string(),
        expected: "a whole number from 1 to 4294967295",
    })
}

/// The number of participants p of `consensusUncertainty`.
///
/// # Errors
///
/// [`Error::InvalidParameter`] unless the value is a whole number up to
/// 4294967295; 0 is passed on, for the core to refuse.
pub(crate) fn participants(given: Given) -> Result<usize, Error> {
    whole(&given)
        .map(|p| p as usize)
        .ok_or_else(|| Error::InvalidParameter {
            name: "p",
            value: given.to_string(),
            expected: "a whole number from 1 to 4294967295",
        })
}

/// One element of a plain array of values.
///
/// # Errors
///
/// [`Error::InvalidParameter`] when the element is not a number; a NaN or an
/// infinity is passed on, for the core to report with its index.
pub(crate) fn element(index: usize, given: Given) -> Result<f64, Error> {
    match given {
        Given::Number(x) => Ok(x),
        other => Err(Error::InvalidParameter {
            name: "values",
            value: format!("{other} at index {index}"),
            expected: VALUES,
        }),
    }
}

/// The refusal of a `values` argument that is neither a `Float64Array` nor an array.
pub(crate) fn not_values(given: Given) -> Error {
    Error::InvalidParameter {
        name: "values",
        value: given.to_string(),
        expected: VALUES,
    }
}

/// The refusal of an `options` argument that is not an object.
pub(crate) fn not_options(given: Given) -> Error {
    Error::InvalidParameter {
        name: "options",
        value: given.to_string(),
        expected: "an object",
    }
}

/// The refusal of an options object holding a value that cannot be read at
/// all (a function, a symbol), with the reader's explanation.
pub(crate) fn unreadable(explanation: &str) -> Error {
    Error::InvalidParameter {
        name: "options",
        value: explanation
            .strip_prefix("Error: ")
            .unwrap_or(explanation)
            .to_owned(),
        expected: "an object of strings, numbers and booleans",
    }
}

const VALUES: &str = "a Float64Array or an array of numbers";

#[cfg(test)]
mod tests {
    use super::*;

    fn algorithm_a(json: &str) -> Result<AlgorithmAOptions, Error> {
        serde_json::from_str::<AlgorithmAOptionsDto>(json)
            .unwrap()
            .into_core()
    }

    fn huber(json: &str) -> Result<HuberOptions, Error> {
        serde_json::from_str::<HuberOptionsDto>(json)
            .unwrap()
            .into_core()
    }

    fn refusal(result: Result<impl fmt::Debug, Error>) -> (&'static str, String, &'static str) {
        match result.unwrap_err() {
            Error::InvalidParameter {
                name,
                value,
                expected,
            } => (name, value, expected),
            other => panic!("not an invalid parameter: {other:?}"),
        }
    }

    #[test]
    fn no_options_are_the_core_defaults() {
        assert_eq!(algorithm_a("{}"), Ok(AlgorithmAOptions::default()));
        assert_eq!(huber("{}"), Ok(HuberOptions::default()));
        assert_eq!(
            serde_json::from_str::<MadeOptionsDto>("{}")
                .unwrap()
                .into_core(),
            Ok(Constants::default())
        );
    }

    #[test]
    fn null_keeps_the_default() {
        let json =
            r#"{"constants": null, "stop": null, "tol": null, "maxIter": null, "zeroScale": null}"#;
        assert_eq!(algorithm_a(json), Ok(AlgorithmAOptions::default()));
        assert_eq!(huber(r#"{"scale": null}"#), Ok(HuberOptions::default()));
    }

    #[test]
    fn every_key_reaches_the_core() {
        let json = r#"{"constants": "exact", "stop": "converged", "tol": 1e-6, "maxIter": 7, "zeroScale": "standard_deviation"}"#;
        let expected = AlgorithmAOptions {
            constants: Constants::Exact,
            stop: StopRule::Converged,
            tol: 1e-6,
            max_iter: 7,
            zero_scale: ZeroScalePolicy::StandardDeviation,
        };
        assert_eq!(algorithm_a(json), Ok(expected));
        let json = r#"{"scale": 0.25, "constants": "exact", "stop": "converged", "tol": 1e-6, "maxIter": 7, "zeroScale": "median"}"#;
        let expected = HuberOptions {
            scale: Some(0.25),
            constants: Constants::Exact,
            stop: StopRule::Converged,
            tol: 1e-6,
            max_iter: 7,
            zero_scale: ZeroScalePolicy::Median,
        };
        assert_eq!(huber(json), Ok(expected));
    }

    #[test]
    fn names_are_refused_by_the_core() {
        assert_eq!(
            algorithm_a(r#"{"constants": "ISO"}"#),
            Err("ISO".parse::<Constants>().unwrap_err())
        );
        assert_eq!(
            algorithm_a(r#"{"zeroScale": "sd"}"#),
            Err("sd".parse::<ZeroScalePolicy>().unwrap_err())
        );
    }

    #[test]
    fn unknown_keys_are_refused() {
        let (name, value, expected) = refusal(algorithm_a(r#"{"tol": 1e-3, "max_iter": 5}"#));
        assert_eq!((name, value.as_str()), ("option", r#""max_iter""#));
        assert!(expected.contains("maxIter"));
        let (_, value, _) = refusal(algorithm_a(r#"{"scale": 1}"#));
        assert_eq!(value, r#""scale""#);
        let made = serde_json::from_str::<MadeOptionsDto>(r#"{"stop": "converged"}"#).unwrap();
        assert_eq!(refusal(made.into_core()).1, r#""stop""#);
    }

    #[test]
    fn wrong_types_are_refused() {
        assert_eq!(
            refusal(algorithm_a(r#"{"tol": "1e-3"}"#)),
            ("tol", r#""1e-3""#.to_owned(), "a number")
        );
        assert_eq!(refusal(algorithm_a(r#"{"maxIter": 2.5}"#)).0, "max_iter");
        assert_eq!(refusal(algorithm_a(r#"{"maxIter": -1}"#)).0, "max_iter");
        assert_eq!(refusal(algorithm_a(r#"{"maxIter": true}"#)).1, "true");
        assert_eq!(refusal(huber(r#"{"scale": [1]}"#)).1, "an array");
        // A number where a name belongs: the core names what it accepts.
        assert_eq!(
            algorithm_a(r#"{"stop": 3}"#),
            Err("3".parse::<StopRule>().unwrap_err())
        );
        assert_eq!(
            refusal(algorithm_a(r#"{"constants": {"a": 1}}"#)).1,
            "an object"
        );
    }

    #[test]
    fn ranges_are_left_to_the_core() {
        // tol = 0 and maxIter = 0 reach the core, which refuses them.
        let options = algorithm_a(r#"{"tol": 0, "maxIter": 0}"#).unwrap();
        assert_eq!((options.tol, options.max_iter), (0.0, 0));
        assert_eq!(huber(r#"{"scale": -1}"#).unwrap().scale, Some(-1.0));
    }

    #[test]
    fn participants_are_whole_numbers() {
        assert_eq!(participants(Given::Number(34.0)), Ok(34));
        assert_eq!(participants(Given::Number(0.0)), Ok(0));
        for bad in [
            Given::Number(2.5),
            Given::Number(-1.0),
            Given::Number(f64::NAN),
            Given::Number(5e9),
            Given::Text("34".into()),
        ] {
            assert_eq!(refusal(participants(bad)).0, "p");
        }
    }

    #[test]
    fn elements_must_be_numbers() {
        assert_eq!(
            element(0, Given::Number(f64::NAN)).map(f64::is_nan),
            Ok(true)
        );
        let (name, value, _) = refusal(element(3, Given::Text("0.2".into())));
        assert_eq!((name, value.as_str()), ("values", r#""0.2" at index 3"#));
        assert_eq!(
            refusal(element(1, Given::of_type("undefined"))).1,
            "undefined at index 1"
        );
    }

    #[test]
    fn values_render_as_in_javascript() {
        assert_eq!(Given::Number(f64::INFINITY).to_string(), "Infinity");
        assert_eq!(Given::Number(f64::NEG_INFINITY).to_string(), "-Infinity");
        assert_eq!(Given::Number(0.5).to_string(), "0.5");
        assert_eq!(Given::Number(3.0).to_string(), "3");
        assert_eq!(Given::of_type("bigint").to_string(), "a bigint");
        assert_eq!(Given::of_type("object").to_string(), "an object");
        assert_eq!(
            not_options(Given::Text("exact".into())).code(),
            "invalid_parameter"
        );
        assert_eq!(not_values(Given::Number(1.0)).code(), "invalid_parameter");
        let error = unreadable("Error: invalid type: JsValue(Symbol(a))");
        assert!(
            matches!(error, Error::InvalidParameter { value, .. } if value == "invalid type: JsValue(Symbol(a))")
        );
    }
}
