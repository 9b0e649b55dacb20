//! Documents crossing the boundary: plans, criteria, results, scorings and
//! reports travel as plain JavaScript objects (or JSON text), read and
//! written by the core's serde types.

use eqa::Error;
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;

use crate::throw;

/// Reads a core document from JSON text or a plain object.
///
/// # Errors
///
/// An `InvalidInputError` (code `invalid_document`) naming the path of the
/// first bad field.
pub(crate) fn from_js<T: DeserializeOwned>(document: JsValue) -> Result<T, JsValue> {
    if let Some(text) = document.as_string() {
        return from_text(&text).map_err(throw);
    }
    let de = serde_wasm_bindgen::Deserializer::from(document);
    serde_path_to_error::deserialize(de)
        .map_err(|e| Error::InvalidDocument {
            path: e.path().to_string(),
            message: e.inner().to_string(),
        })
        .map_err(throw)
}

/// Reads a core document from JSON text, naming the path of a bad field.
pub(crate) fn from_text<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| Error::InvalidDocument {
        path: e.path().to_string(),
        message: e.inner().to_string(),
    })
}

/// Writes a core value as a plain object (maps as objects, `None` as `null`).
pub(crate) fn to_doc<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(JsValue::from)
}
