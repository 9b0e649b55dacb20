//! The long format as JSON: an array of row objects, an object
//! `{"rows": [...]}`, or a whole [`Results`] document.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::Value;
use serde_json::value::RawValue;

use crate::results::encoding::{TextEncoding, decode};
use crate::results::load::{Builder, COLUMNS, Cells, Loaded, ProblemCode, column_index};
use crate::results::model::Results;

const VALUE: usize = 5;
const VERSION: usize = 13;
const CODES: std::ops::Range<usize> = 0..5;

/// Loads results from JSON text.
///
/// The text is one of:
/// * an array of row objects with the fields of the CSV columns (see
///   [`load_results_csv`](crate::results::load_results_csv)); `value` and `version` may be
///   numbers, the codes (`lab`, `program`, `round`, `analyte`, `sample`)
///   whole numbers, every other field is text; `null` is a blank cell and a
///   row without `value` has a blank value;
/// * an object `{"rows": [...]}` holding such an array;
/// * a whole results document (an object with `submissions`, and
///   optionally `enrollments` and `given_targets`), read as it is.
///
/// A row is numbered by its 1-based position in the array; a problem with
/// the document as a whole has row 0. An unknown field is reported once,
/// at the first row that has it. A number given for `value` is read through
/// its shortest text, so `5.50` arrives as `5.5`: give the value as text to
/// keep its decimals.
///
/// # Errors
///
/// None: problems are listed in [`Loaded::problems`]. A row with an error
/// is not loaded; text that is not JSON, or a results document that does
/// not match its schema, loads nothing and gives one
/// [`ProblemCode::InvalidDocument`] naming the path of the bad field.
///
/// # Examples
///
/// ```
/// use eqa::results::load::ProblemCode;
/// use eqa::results::load_results_json;
///
/// let json = r#"[
///   {"lab": "L01", "program": "C1", "round": "2026-1", "analyte": "GLU", "sample": 202611, "value": 5.5},
///   {"lab": "L01", "program": "C1", "round": "2026-1", "analyte": "GLU", "sample": 202612, "value": "<0.5"},
///   {"lab": "L01", "program": "C1", "round": "2026-1", "analyte": "GLU", "sample": 202613, "version": -1}
/// ]"#;
/// let loaded = load_results_json(json);
/// assert_eq!(loaded.rows, 3);
/// let values = &loaded.results.submissions[0].values;
/// assert_eq!((&*values[0].sample, values[0].value.text(), values[0].row), ("202611", "5.5", 1));
/// assert_eq!(values[1].row, 2);
/// let problem = &loaded.problems[0];
/// assert_eq!((problem.row, problem.column.as_deref()), (3, Some("version")));
/// assert_eq!(problem.code, ProblemCode::BadVersion);
/// ```
pub fn load_results_json(text: &str) -> Loaded {
    let mut builder = Builder::default();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let not_json = |builder: &mut Builder, error: serde_json::Error| {
        builder.problem(
            0,
            None,
            ProblemCode::InvalidDocument,
            format!("the text is not JSON: {error}"),
        );
    };
    let rows: Vec<&RawValue> = match text.trim_start().as_bytes().first() {
        Some(b'[') => match serde_json::from_str(text) {
            Ok(rows) => rows,
            Err(error) => {
                not_json(&mut builder, error);
                return builder.finish();
            }
        },
        Some(b'{') => {
            let fields = match serde_json::from_str::<Entries<'_>>(text) {
                Ok(Entries(fields)) => fields,
                Err(error) => {
                    not_json(&mut builder, error);
                    return builder.finish();
                }
            };
            let Some(&(_, rows)) = fields.iter().find(|(key, _)| key == "rows") else {
                return results_document(builder, text);
            };
            for (key, _) in fields.iter().filter(|(key, _)| key != "rows") {
                builder.problem(
                    0,
                    Some(key),
                    ProblemCode::UnknownColumn,
                    format!("unknown field {key:?} is ignored"),
                );
            }
            match serde_json::from_str(rows.get()) {
                Ok(rows) => rows,
                Err(_) => {
                    builder.problem(
                        0,
                        Some("rows"),
                        ProblemCode::InvalidDocument,
                        "rows must be an array of row objects".into(),
                    );
                    return builder.finish();
                }
            }
        }
        _ => {
            if let Err(error) = serde_json::from_str::<&RawValue>(text) {
                not_json(&mut builder, error);
            } else {
                builder.problem(
                    0,
                    None,
                    ProblemCode::InvalidDocument,
                    "expected an array of rows, an object {\"rows\": [...]}, \
                     or a results document {\"submissions\": [...]}"
                        .into(),
                );
            }
            return builder.finish();
        }
    };
    let mut unknown = HashSet::new();
    for (index, row) in rows.iter().enumerate() {
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        match serde_json::from_str::<Entries<'_>>(row.get()) {
            Ok(Entries(fields)) => read_row(&mut builder, number, &fields, &mut unknown),
            Err(_) => {
                builder.skip_row();
                let what = serde_json::from_str::<Value>(row.get())
                    .map_or_else(|_| "unreadable".to_owned(), |v| kind(&v));
                builder.problem(
                    number,
                    None,
                    ProblemCode::UnreadableRow,
                    format!("the row is {what}, not an object"),
                );
            }
        }
    }
    builder.finish()
}

/// Loads results from the bytes of a JSON file read in `encoding` (see
/// [`TextEncoding`]), as [`load_results_json`] loads text. Bytes that are
/// not valid in the encoding load nothing: one `bad_encoding` problem per
/// such line, with row 0 (the document).
pub fn load_results_json_bytes(bytes: &[u8], encoding: TextEncoding) -> Loaded {
    let decoded = decode(bytes, encoding);
    if decoded.bad_lines.is_empty() {
        return load_results_json(&decoded.text);
    }
    let mut builder = Builder::default();
    for line in decoded.bad_lines {
        builder.problem(
            0,
            None,
            ProblemCode::BadEncoding,
            format!(
                "line {line} is not valid {} text; the document is not read",
                decoded.encoding
            ),
        );
    }
    builder.finish()
}

/// The fields of a JSON object in the order written, a key given twice
/// kept twice, each value as its raw text.
struct Entries<'a>(Vec<(String, &'a RawValue)>);

impl<'de: 'a, 'a> Deserialize<'de> for Entries<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Fields<'a>(PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for Fields<'a> {
            type Value = Entries<'a>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Entries<'a>, M::Error> {
                let mut fields = Vec::new();
                while let Some(entry) = map.next_entry::<String, &'a RawValue>()? {
                    fields.push(entry);
                }
                Ok(Entries(fields))
            }
        }
        deserializer.deserialize_map(Fields(PhantomData))
    }
}

/// A field's value, or why it cannot be read: a number beyond the range of
/// a double, or one so small that it would read as 0.
fn field_value(raw: &RawValue) -> Result<Value, String> {
    let value: Value = serde_json::from_str(raw.get()).map_err(|e| e.to_string())?;
    if let Value::Number(n) = &value {
        let text = raw.get();
        let mantissa = text.split(['e', 'E']).next().unwrap_or(text);
        if n.as_f64() == Some(0.0) && mantissa.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
            return Err(format!(
                "{text} is too small to be read as a number; give it as text"
            ));
        }
    }
    Ok(value)
}

/// Reads one row object into the builder.
fn read_row(
    builder: &mut Builder,
    row: u32,
    fields: &[(String, &RawValue)],
    unknown: &mut HashSet<String>,
) {
    let mut values: Vec<Value> = Vec::with_capacity(fields.len());
    let mut texts: [Option<Cow<'_, str>>; 14] = Default::default();
    let mut given = [false; 14];
    let mut reported = [false; 14];
    let mut keys = HashSet::new();
    for (name, raw) in fields {
        if !keys.insert(name.as_str()) {
            builder.skip_row();
            builder.problem(
                row,
                Some(name),
                ProblemCode::DuplicateKey,
                format!("the key {name:?} is given twice; the row is not read"),
            );
            return;
        }
        match field_value(raw) {
            Ok(value) => values.push(value),
            Err(message) => {
                values.push(Value::Null);
                if let Some(column) = column_index(name) {
                    reported[column] = true;
                }
                builder.problem(row, Some(name), ProblemCode::BadField, message);
            }
        }
    }
    for ((name, _), value) in fields.iter().zip(&values) {
        let Some(column) = column_index(name) else {
            if unknown.insert(name.clone()) {
                builder.problem(
                    row,
                    Some(name),
                    ProblemCode::UnknownColumn,
                    format!("unknown field {name:?} is ignored"),
                );
            }
            continue;
        };
        if given[column] {
            builder.problem(
                row,
                Some(COLUMNS[column]),
                ProblemCode::DuplicateColumn,
                format!(
                    "the {} field is given twice; the first one is read",
                    COLUMNS[column]
                ),
            );
            continue;
        }
        given[column] = true;
        if reported[column] {
            continue;
        }
        match cell(column, value) {
            Ok(text) => texts[column] = text,
            Err(expected) => {
                reported[column] = true;
                builder.problem(
                    row,
                    Some(COLUMNS[column]),
                    ProblemCode::BadField,
                    format!(
                        "{} is {}, expected {expected}",
                        COLUMNS[column],
                        kind(value)
                    ),
                );
            }
        }
    }
    let cells: Cells<'_> = texts.each_ref().map(|t| t.as_deref());
    builder.add_row(row, &cells, &reported);
}

/// The text of a field, or what it should have been.
fn cell(column: usize, value: &Value) -> Result<Option<Cow<'_, str>>, &'static str> {
    match value {
        Value::Null => Ok(None),
        Value::String(text) => Ok(Some(Cow::Borrowed(text))),
        Value::Number(n) if column == VALUE || column == VERSION => {
            Ok(Some(Cow::Owned(n.to_string())))
        }
        Value::Number(n) if CODES.contains(&column) && (n.is_i64() || n.is_u64()) => {
            Ok(Some(Cow::Owned(n.to_string())))
        }
        _ if column == VALUE => Err("text or a number"),
        _ if column == VERSION => Err("a whole number"),
        _ if CODES.contains(&column) => Err("text or a whole number"),
        _ => Err("text"),
    }
}

/// How a JSON value reads in a message.
fn kind(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => format!("{s:?}"),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// Reads a whole results document.
fn results_document(mut builder: Builder, text: &str) -> Loaded {
    let de = &mut serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, Results>(de) {
        Ok(results) => {
            let mut seen = HashSet::new();
            for value in results.submissions.iter().flat_map(|s| &s.values) {
                if !seen.insert(value.row) {
                    builder.problem(
                        value.row,
                        None,
                        ProblemCode::DuplicateRow,
                        format!("row {} is given to more than one value", value.row),
                    );
                }
            }
            builder.adopt(results);
        }
        Err(error) => builder.problem(
            0,
            Some(&error.path().to_string()),
            ProblemCode::InvalidDocument,
            error.inner().to_string(),
        ),
    }
    builder.finish()
}
