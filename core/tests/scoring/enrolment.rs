//! Enrolment: an empty analyte list enrols the whole program, so a
//! laboratory that bought the 专业 and sent nothing is not returned.

#![allow(clippy::unwrap_used)]

use eqa::scoring::{Outcome, Reason, Verdict};
use serde_json::json;

use crate::support::{Book, of, plan};

#[test]
fn an_empty_analyte_list_enrols_every_analyte_of_the_program() {
    let plan = plan(
        json!([
            {"code": "GLU", "unit": "mmol/L", "scoring": {"limit": {"kind": "percent", "percent": 10}}},
            {"code": "K", "unit": "mmol/L", "scoring": {"limit": {"kind": "percent", "percent": 10}}}
        ]),
        &["1", "2"],
        json!({"target": {"kind": "given"}}),
    );
    let mut book = Book::default();
    for (analyte, target) in [("GLU", "5.0"), ("K", "4.0")] {
        for sample in ["1", "2"] {
            book.given(analyte, sample, target, None);
        }
    }
    book.add("A", "GLU", &[("1", "5.0"), ("2", "5.1")]);
    book.enrol("A", &[], false);
    book.enrol("B", &[], false);
    let s = book.score(&plan);

    let b = of(&s, "B");
    assert_eq!(b.len(), 4, "two analytes × two samples");
    assert!(
        b.iter()
            .all(|e| (e.verdict, e.reason) == (Verdict::NotReturned, Some(Reason::NoSubmission)))
    );
    let scores: Vec<_> = s
        .analyte_scores
        .iter()
        .map(|a| (&*a.lab, &*a.analyte, a.score, a.outcome))
        .collect();
    assert_eq!(
        scores,
        [
            ("A", "GLU", Some(100.0), Outcome::Satisfactory),
            ("A", "K", Some(0.0), Outcome::NotReturned),
            ("B", "GLU", Some(0.0), Outcome::NotReturned),
            ("B", "K", Some(0.0), Outcome::NotReturned),
        ]
    );
    let program: Vec<_> = s
        .program_scores
        .iter()
        .map(|p| (&*p.lab, p.score))
        .collect();
    assert_eq!(program, [("A", Some(50.0)), ("B", Some(0.0))]);
}

#[test]
fn without_any_enrolment_a_laboratory_that_skips_a_round_is_not_returned() {
    let plan = plan(
        json!([{"code": "GLU", "unit": "mmol/L", "scoring": {"limit": {"kind": "percent", "percent": 10}}}]),
        &["1"],
        json!({"target": {"kind": "given"}}),
    );
    let mut book = Book::default();
    book.given("GLU", "1", "5.0", None);
    book.add("A", "GLU", &[("1", "5.0")]);
    // B sent glucose in an earlier round of the program, nothing in R1.
    book.add("B", "GLU", &[("1", "5.2")]).round = "R0".into();
    let s = book.score(&plan);
    let outcomes: Vec<_> = s
        .program_scores
        .iter()
        .map(|p| (&*p.lab, p.outcome))
        .collect();
    assert_eq!(
        outcomes,
        [("A", Outcome::Satisfactory), ("B", Outcome::NotReturned)]
    );

    // With enrolments listed, the list decides: B is not enrolled.
    book.enrol("A", &["GLU"], false);
    let s = book.score(&plan);
    assert!(s.program_scores.iter().all(|p| &*p.lab == "A"));
}
