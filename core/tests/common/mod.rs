//! Shared helpers of the integration tests: the reference vectors and the
//! one comparison rule for printed numbers.
#![allow(dead_code, unreachable_pub, clippy::panic)]

use serde_json::Value;

/// A reference vector from `core/tests/vectors` (copied from the project's shared vectors).
pub fn vector(name: &str) -> Value {
    let path = format!("{}/tests/vectors/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A JSON array of numbers.
pub fn numbers(value: &Value) -> Vec<f64> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .map(|v| v.as_f64().expect("a number"))
        .collect()
}

/// Checks `computed` against a printed value `{"value": v, "decimals": d}`:
/// rounded to d decimals it must equal the printed value, or be within
/// `units` units of its last digit where a documented note allows it.
/// With `units == 0` this is the half-a-unit rule of the vectors' README.
pub fn assert_printed(what: &str, computed: f64, printed: &Value, units: u32) {
    let value = printed["value"].as_f64().expect("value");
    let decimals = printed["decimals"].as_i64().expect("decimals") as i32;
    let unit = 10f64.powi(-decimals);
    let rounded = (computed / unit).round();
    let off = (rounded - (value / unit).round()).abs();
    assert!(
        off <= f64::from(units),
        "{what}: computed {computed} rounds to {} but {} was printed (allowed: {units} unit(s) of {unit})",
        rounded * unit,
        printed["printed"],
    );
}
