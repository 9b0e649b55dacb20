//! Alias tables: spellings of one instrument, reagent or method join one
//! peer group; a table with a conflict or a chain is refused with its path.

#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use eqa::plan::Plan;
use eqa::plan::{GroupField, PeerGroupPolicy};
use serde_json::{Value, json};

use crate::support::{Book, plan};

const SPELLINGS: [&str; 3] = ["Roche cobas c702", "cobas c 702", "罗氏 c702"];

fn round(aliases: Value) -> (Plan, Book) {
    let mut plan = plan(
        json!([{"code": "GLU", "unit": "mmol/L", "scoring": {"limit": {"kind": "percent", "percent": 10}}}]),
        &["1"],
        json!({"peer": {"rungs": [["instrument"], []], "min_n": 3},
               "target": {"kind": "consensus", "estimator": {"kind": "median"}}}),
    );
    plan.aliases = serde_json::from_value(aliases).unwrap();
    plan.check().unwrap();
    let mut book = Book::default();
    for (i, instrument) in SPELLINGS.iter().enumerate() {
        book.add(&format!("L{i}"), "GLU", &[("1", "5.0")])
            .instrument = Some(Arc::from(*instrument));
    }
    (plan, book)
}

#[test]
fn spellings_of_one_instrument_make_one_peer_group() {
    let (plan, book) = round(json!({"instrument": {
        "cobas c 702": "Roche cobas c702",
        "罗氏 C702": "Roche cobas c702"
    }}));
    let s = book.score(&plan);
    let used: Vec<_> = s.evaluations.iter().map(|e| e.group.unwrap()).collect();
    assert_eq!(used, [0, 0, 0]);
    let group = &s.groups[0];
    assert_eq!((group.rung, group.n), (0, 3));
    assert_eq!(
        group.key,
        [(GroupField::Instrument, Arc::from("Roche cobas c702"))]
    );

    // Without the table, each spelling is a group of one and falls back.
    let (plan, book) = round(json!({}));
    let s = book.score(&plan);
    let rungs: Vec<_> = s
        .evaluations
        .iter()
        .map(|e| s.groups[e.group.unwrap() as usize].rung)
        .collect();
    assert_eq!(rungs, [1, 1, 1]);
    assert_eq!(PeerGroupPolicy::default().min_n, 10);
}

#[test]
fn a_conflict_or_a_chain_is_refused_with_its_path() {
    let mut plan = round(json!({})).0;
    for (table, message) in [
        (
            json!({"reagent": {"Roche": "Roche Diagnostics", " roche ": "Beckman"}}),
            "one spelling for two names",
        ),
        (
            json!({"method": {"HK": "hexokinase", "hexokinase": "HK-G6PD"}}),
            "itself a spelling",
        ),
        (json!({"method": {"a": "b", "b": "a"}}), "itself a spelling"),
    ] {
        plan.aliases = serde_json::from_value(table).unwrap();
        let error = plan.check().unwrap_err();
        assert_eq!(error.code(), "invalid_document");
        let eqa::Error::InvalidDocument {
            path,
            message: text,
        } = &error
        else {
            unreachable!()
        };
        assert!(path.starts_with("aliases."), "{path}");
        assert!(text.contains(message), "{text}");
    }
    plan.aliases = Default::default();
    let text = plan.to_json().replace(
        "\"provider\"",
        "\"aliases\": {\"method\": {\"HK\": \"hexokinase\", \"hexokinase\": \"HK-G6PD\"}}, \"provider\"",
    );
    let error = Plan::from_json(&text).unwrap_err();
    assert!(error.to_string().contains("aliases.method"), "{error}");
}
