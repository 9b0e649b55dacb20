//! Results in long format for JavaScript: `loadResultsCsv`,
//! `loadResultsJson` and `resultsToCsv`, read and written by [`eqa::results::load`].
//! Loaded results leave as plain objects with the core's snake_case keys.

#![allow(
    unreachable_pub,
    reason = "wasm-bindgen exports only `pub` functions; the module itself is private"
)]

use eqa::Error;
use eqa::results::Results;
use eqa::results::encoding::TextEncoding;
use js_sys::Uint8Array;
use serde::Deserialize;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::document::{from_js, to_doc};
use crate::{fail, given, options_of, throw};

/// The TypeScript declarations of this file's exports.
#[wasm_bindgen(typescript_custom_section)]
const LOAD_TYPES: &str = DECLARATIONS;

/// The text of the custom section above, which the tests read too.
#[cfg_attr(
    not(test),
    allow(
        dead_code,
        reason = "the custom section reads it at compile time, which the lint does not see"
    )
)]
const DECLARATIONS: &str = r#"
/** How serious a problem is: an error refuses its row (or makes a submission invalid), a warning does not. */
export type Severity = "error" | "warning";

/** What is wrong with a row of a results file. */
export type ProblemCode =
  | "missing_column" | "unknown_column" | "duplicate_column" | "missing_field" | "bad_status"
  | "bad_timestamp" | "bad_version" | "bad_field" | "ragged_row" | "blank_row" | "unreadable_row"
  | "invalid_document" | "conflicting_metadata" | "duplicate_row" | "unterminated_quote"
  | "duplicate_key" | "bad_encoding";

/** A problem with a row (or with the whole file). */
export interface LoadProblem {
  /** The CSV line (the header is line 1) or the 1-based JSON position; 0 for a JSON document as a whole. */
  row: number;
  /** The column, field or document path at fault. */
  column: string | null;
  code: ProblemCode;
  /** `"error"`: the row was not loaded; `"warning"`: it was. */
  severity: Severity;
  /** What is wrong, in English. */
  message: string;
}

/** How the bytes of a file are read: a byte-order mark decides, else UTF-8, else GB18030 (`"auto"`). */
export type TextEncoding = "auto" | "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

/** Options of `loadResultsCsv` and `loadResultsJson`. */
export interface LoadOptions {
  /** Default `"auto"`; used for a `Uint8Array` only. */
  encoding?: TextEncoding;
}

/** Results read from a file: every data row is loaded or named in an error. */
export interface Loaded {
  results: Results;
  problems: LoadProblem[];
  /** The number of data rows, loaded or not. */
  rows: number;
}
"#;

/// Text given as a JavaScript string, or refused naming the argument.
fn text_of(name: &'static str, value: &JsValue, expected: &'static str) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| {
        throw(Error::InvalidParameter {
            name,
            value: given(value).to_string(),
            expected,
        })
    })
}

/// JSON text as given, or a plain value written as JSON text.
pub(crate) fn json_text(name: &'static str, value: &JsValue) -> Result<String, JsValue> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| {
            throw(Error::InvalidParameter {
                name,
                value: given(value).to_string(),
                expected: "JSON text or a plain object",
            })
        })
}

/// The options of the loaders.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct LoadOptions {
    encoding: Option<String>,
}

/// The encoding an options object names (default `auto`).
fn encoding_of(options: Option<JsValue>) -> Result<TextEncoding, JsValue> {
    let options: LoadOptions = options_of(options)?;
    options
        .encoding
        .map_or(Ok(TextEncoding::Auto), |name| name.parse().map_err(fail))
}

/// Loads results from CSV in long format (one row per sample value; see
/// docs/results-format.md): text, or the bytes of a file (`Uint8Array`)
/// read in `options.encoding` (`"auto"`, the default: a byte-order mark,
/// then UTF-8, then GB18030; `"utf-8"`, `"utf-16le"`, `"utf-16be"`,
/// `"gb18030"`). Gives the submissions, every problem with its line (the
/// header is line 1) and column, and the number of data rows.
///
/// Throws `InvalidParameterError` only when `text` is neither a string nor
/// a `Uint8Array`, or for an unknown encoding; bad rows are listed in
/// `problems`.
#[wasm_bindgen(js_name = loadResultsCsv, unchecked_return_type = "Loaded")]
pub fn load_results_csv(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] text: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "LoadOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let encoding = encoding_of(options)?;
    if let Some(bytes) = text.dyn_ref::<Uint8Array>() {
        return to_doc(&eqa::results::load_results_csv_bytes(
            &bytes.to_vec(),
            encoding,
        ));
    }
    let text = text_of("text", text, "CSV text or a Uint8Array")?;
    to_doc(&eqa::results::load_results_csv(&text))
}

/// Loads results from JSON text, or from an array of row objects, an
/// object `{rows: [...]}` or a whole results document, or from the bytes of
/// a file (`Uint8Array`) read in `options.encoding` as for `loadResultsCsv`;
/// rows are numbered by their 1-based position.
///
/// Throws `InvalidParameterError` only for a value that cannot be written
/// as JSON; bad rows are listed in `problems`.
#[wasm_bindgen(js_name = loadResultsJson, unchecked_return_type = "Loaded")]
pub fn load_results_json(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | object[] | object")]
    text: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "LoadOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let encoding = encoding_of(options)?;
    if let Some(bytes) = text.dyn_ref::<Uint8Array>() {
        return to_doc(&eqa::results::load_results_json_bytes(
            &bytes.to_vec(),
            encoding,
        ));
    }
    let text = json_text("text", text)?;
    to_doc(&eqa::results::load_results_json(&text))
}

/// Writes results as CSV text in long format: the 14 columns, one line per
/// sample value in the order of the rows.
///
/// Throws `InvalidInputError` (`invalid_document`) for results that do not
/// match their schema.
#[wasm_bindgen(js_name = resultsToCsv)]
pub fn results_to_csv(
    #[wasm_bindgen(unchecked_param_type = "Results | string")] results: JsValue,
) -> Result<String, JsValue> {
    let results: Results = from_js(results)?;
    Ok(eqa::results::results_to_csv(&results))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::DECLARATIONS;
    use eqa::results::load::ProblemCode;
    use eqa::results::validation::Severity;

    /// The members of a union type declared in `text`.
    pub(crate) fn union_of<'a>(text: &'a str, declaration: &str) -> Vec<&'a str> {
        let start = text
            .find(declaration)
            .unwrap_or_else(|| panic!("{declaration} is not declared"));
        let rest = &text[start + declaration.len()..];
        let body = &rest[..rest.find(';').unwrap()];
        body.split('|')
            .map(|member| member.trim().trim_matches('"'))
            .filter(|member| !member.is_empty())
            .collect()
    }

    #[test]
    fn typescript_codes_are_the_cores() {
        let codes: Vec<_> = ProblemCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(union_of(DECLARATIONS, "type ProblemCode ="), codes);
        let severities: Vec<_> = Severity::ALL.iter().map(|s| s.as_str()).collect();
        assert_eq!(union_of(DECLARATIONS, "type Severity ="), severities);
    }

    #[test]
    fn loaded_keys_are_the_declared_ones() {
        let loaded = eqa::results::load_results_csv("lab,program,round,analyte,sample,value,x\n");
        let json = serde_json::to_value(&loaded).unwrap();
        let keys: Vec<_> = json.as_object().unwrap().keys().cloned().collect();
        assert_eq!(keys, ["problems", "results", "rows"]);
        let problem = json["problems"][0].as_object().unwrap();
        for key in problem.keys() {
            assert!(DECLARATIONS.contains(&format!("  {key}: ")), "{key}");
        }
    }
}
