//! Pass thresholds as data: the criteria tables carry 100 % for ABO and RhD
//! typing, antibody screening and compatibility testing; an analyte's own
//! threshold in the plan overrides the table's.

#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use eqa::plan::Plan;
use eqa::plan::criteria::Criteria;
use eqa::results::Results;
use eqa::scoring::Outcome;
use serde_json::json;

use crate::support::Book;

const PROGRAM: &str = "immunohematology";
const SAMPLES: [&str; 5] = ["1", "2", "3", "4", "5"];
const TARGETS: [&str; 5] = ["A", "B", "O", "AB", "A"];

fn plan(own_threshold: Option<u32>) -> Plan {
    let groups: Vec<_> = ["A", "B", "O", "AB"]
        .iter()
        .map(|g| json!({"code": g}))
        .collect();
    let mut abo = json!({"code": "ABO", "result_type": {"kind": "nominal", "vocabulary": groups},
                         "scoring": {"target": {"kind": "given"}}});
    if let Some(t) = own_threshold {
        abo["scoring"]["pass_threshold"] = json!(t);
    }
    let samples: Vec<_> = SAMPLES.iter().map(|s| json!({"code": s})).collect();
    Plan::from_json(
        &json!({"provider": {"code": "CLIA"}, "year": 2026,
            "programs": [{"code": PROGRAM, "analytes": [abo],
                "rounds": [{"code": "R1", "deadline": "2026-04-20T17:00:00+08:00", "samples": samples}]}]})
        .to_string(),
    )
    .unwrap()
}

/// Four of five ABO groups right, in the program of the CLIA table.
fn results() -> Results {
    let mut book = Book::default();
    for (sample, target) in SAMPLES.iter().zip(TARGETS) {
        book.given("ABO", sample, target, None);
    }
    let answers: Vec<_> = SAMPLES
        .iter()
        .copied()
        .zip(["A", "B", "O", "AB", "B"])
        .collect();
    book.add("L1", "ABO", &answers);
    let mut results = book.results;
    for s in &mut results.submissions {
        s.program = Arc::from(PROGRAM);
    }
    for g in &mut results.given_targets {
        g.program = Arc::from(PROGRAM);
    }
    results
}

#[test]
fn abo_typing_needs_100_percent_from_the_criteria_table() {
    let criteria = Criteria::clia_2024().unwrap();
    let (_, abo) = criteria.find("CLIA", 2026, PROGRAM, "ABO").unwrap();
    assert_eq!(abo.pass_threshold, Some(100.into()));

    let s = eqa::score_round(&plan(None), &criteria, &results(), PROGRAM, "R1").unwrap();
    let a = &s.analyte_scores[0];
    assert_eq!((a.acceptable, a.scored, a.score), (4, 5, Some(80.0)));
    assert_eq!(
        (a.threshold, a.outcome),
        (100.into(), Outcome::Unsatisfactory)
    );

    // The plan's own threshold overrides the table's.
    let s = eqa::score_round(&plan(Some(80)), &criteria, &results(), PROGRAM, "R1").unwrap();
    let a = &s.analyte_scores[0];
    assert_eq!((a.threshold, a.outcome), (80.into(), Outcome::Satisfactory));
}

#[test]
fn a_threshold_outside_0_to_100_is_refused_with_its_path() {
    let text = json!({"provider": "P", "year": 2026, "programs": ["C1"], "source": "test",
        "criteria": [{"analyte": "ABO", "source": "test", "confirmed": true,
            "limit": {"kind": "categorical"}, "pass_threshold": 120}]});
    let error = Criteria::from_json(&text.to_string()).unwrap_err();
    assert_eq!(error.code(), "invalid_document");
    assert!(
        error
            .to_string()
            .contains("tables[0].criteria[0].pass_threshold"),
        "{error}"
    );
}
