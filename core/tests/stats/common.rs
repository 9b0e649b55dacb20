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

/// A cross-language parity fixture: `calls` made now must equal those
/// recorded at `path`, call by call. With `EQA_BLESS` set, the file is
/// written first, one call per line, so that its diffs stay readable.
pub fn check_fixture(path: &str, about: &str, calls: Vec<Value>) {
    if std::env::var_os("EQA_BLESS").is_some() {
        let lines: Vec<String> = calls
            .iter()
            .map(|c| serde_json::to_string(c).expect("serialisable"))
            .collect();
        let about = serde_json::to_string(about).expect("serialisable");
        let text = format!(
            "{{\"about\": {about},\n\"calls\": [\n{}\n]}}\n",
            lines.join(",\n")
        );
        std::fs::write(path, text).expect("writable fixture");
    }
    let text = std::fs::read_to_string(path).expect("run with EQA_BLESS=1 to create the fixture");
    let recorded: Value = serde_json::from_str(&text).expect("valid JSON");
    let recorded = recorded["calls"].as_array().expect("a list of calls");
    assert_eq!(recorded.len(), calls.len(), "{path}: number of calls");
    for (i, (r, f)) in recorded.iter().zip(&calls).enumerate() {
        assert_eq!(
            r, f,
            "{path}: call {i} differs; rerun with EQA_BLESS=1 if the change is intended"
        );
    }
}

/// A small deterministic generator (SplitMix64) for synthetic data sets.
pub struct SplitMix(pub u64);

impl SplitMix {
    /// A uniform value in [0, 1).
    pub fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A heavy-tailed value: a sum of uniforms, now and then far out.
    pub fn heavy(&mut self) -> f64 {
        let base = self.next() + self.next() + self.next() - 1.5;
        if self.next() < 0.08 {
            base * 40.0
        } else {
            base
        }
    }
}
