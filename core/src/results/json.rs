//! The long format as JSON: an array of row objects, an object
//! `{"rows": [...]}`, or a whole [`Results`] document.

use std::borrow::Cow;
use std::collections::HashSet;

use serde_json::{Map, Value};

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
    let document: Value = match serde_json::from_str(text) {
        Ok(document) => document,
        Err(error) => {
            builder.problem(
                0,
                None,
                ProblemCode::InvalidDocument,
                format!("the text is not JSON: {error}"),
            );
            return builder.finish();
        }
    };
    let rows = match document {
        Value::Array(rows) => rows,
        Value::Object(mut fields) => match fields.remove("rows") {
            Some(Value::Array(rows)) => {
                for key in fields.keys() {
                    builder.problem(
                        0,
                        Some(key),
                        ProblemCode::UnknownColumn,
                        format!("unknown field {key:?} is ignored"),
                    );
                }
                rows
            }
            Some(_) => {
                builder.problem(
                    0,
                    Some("rows"),
                    ProblemCode::InvalidDocument,
                    "rows must be an array of row objects".into(),
                );
                return builder.finish();
            }
            None => return results_document(builder, text),
        },
        _ => {
            builder.problem(
                0,
                None,
                ProblemCode::InvalidDocument,
                "expected an array of rows, an object {\"rows\": [...]}, \
                 or a results document {\"submissions\": [...]}"
                    .into(),
            );
            return builder.finish();
        }
    };
    let mut unknown = HashSet::new();
    for (index, row) in rows.iter().enumerate() {
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        match row {
            Value::Object(fields) => read_row(&mut builder, number, fields, &mut unknown),
            other => {
                builder.skip_row();
                builder.problem(
                    number,
                    None,
                    ProblemCode::UnreadableRow,
                    format!("the row is {}, not an object", kind(other)),
                );
            }
        }
    }
    builder.finish()
}

/// Reads one row object into the builder.
fn read_row(
    builder: &mut Builder,
    row: u32,
    fields: &Map<String, Value>,
    unknown: &mut HashSet<String>,
) {
    let mut texts: [Option<Cow<'_, str>>; 14] = Default::default();
    let mut given = [false; 14];
    let mut reported = [false; 14];
    for (name, value) in fields {
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
