//! No silent limits: rounds of 100,000 samples and programs of 70,000
//! analytes keep every value, and the work stays linear in samples.

#![allow(clippy::unwrap_used)]

use eqa::scoring::Verdict;
use serde_json::{Value, json};

use crate::support::{Book, plan};

#[test]
fn a_round_of_100000_samples_keeps_every_value() {
    let samples: Vec<String> = (0..100_000).map(|i| format!("S{i}")).collect();
    let codes: Vec<&str> = samples.iter().map(String::as_str).collect();
    let plan = plan(
        json!([{"code": "GLU", "scoring": {"limit": {"kind": "percent", "percent": 10}}}]),
        &codes,
        json!({"target": {"kind": "given"}}),
    );
    let mut book = Book::default();
    let values: Vec<(&str, &str)> = codes.iter().map(|c| (*c, "5.0")).collect();
    for lab in ["A", "B"] {
        book.add(lab, "GLU", &values);
    }
    book.given("GLU", "S99999", "5.0", None);
    let s = book.score(&plan);
    assert_eq!(s.evaluations.len(), 200_000);
    let last = s.evaluations.iter().filter(|e| &*e.sample == "S99999");
    assert!(last.clone().count() == 2 && last.clone().all(|e| e.verdict == Verdict::Acceptable));
    // Samples beyond 65,535 are themselves, in round order.
    let a: Vec<&str> = s.evaluations[..100_000]
        .iter()
        .map(|e| &*e.sample)
        .collect();
    assert_eq!(a, codes);
}

#[test]
fn a_program_of_70000_analytes_keeps_every_analyte() {
    let analytes: Vec<Value> = (0..70_000)
        .map(|i| json!({"code": format!("A{i}")}))
        .collect();
    let plan = plan(Value::Array(analytes), &["1"], json!({}));
    let mut book = Book::default();
    for i in [0, 65_534, 65_535, 65_536, 69_999] {
        book.add("L", &format!("A{i}"), &[("1", "5.0")]);
    }
    let s = book.score(&plan);
    let analytes: Vec<&str> = s.evaluations.iter().map(|e| &*e.analyte).collect();
    assert_eq!(analytes, ["A0", "A65534", "A65535", "A65536", "A69999"]);
    assert!(
        s.evaluations
            .iter()
            .all(|e| e.verdict != Verdict::NotCounted)
    );
}
