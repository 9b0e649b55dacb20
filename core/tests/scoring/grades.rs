//! Grade consensus: the most frequent grade is the target when the share
//! within the analyte's grade window reaches the agreement threshold; exact
//! agreement stays an option, and tied modes leave the sample unscored.

use eqa::scoring::{Reason, RoundScoring, Verdict};
use serde_json::{Value, json};

use crate::support::{Book, plan};

/// A dipstick protein round of one sample, read by `reads` (grade, count).
fn dipstick(target: Value, reads: &[(&str, usize)]) -> RoundScoring {
    let grades: Vec<Value> = ["-", "±", "1+", "2+", "3+"]
        .iter()
        .map(|g| json!({"code": g}))
        .collect();
    let plan = plan(
        json!([{"code": "PRO", "result_type": {"kind": "ordinal", "grades": grades},
                "scoring": {"target": target}}]),
        &["1"],
        json!({}),
    );
    let mut book = Book::default();
    let mut lab = 0;
    for &(grade, count) in reads {
        for _ in 0..count {
            lab += 1;
            book.add(&format!("L{lab:03}"), "PRO", &[("1", grade)]);
        }
    }
    book.score(&plan)
}

fn tally(s: &RoundScoring) -> (usize, usize, usize) {
    let count = |v: Verdict| s.evaluations.iter().filter(|e| e.verdict == v).count();
    (
        count(Verdict::Acceptable),
        count(Verdict::Unacceptable),
        count(Verdict::NotScored),
    )
}

const SPREAD: [(&str, usize); 3] = [("1+", 55), ("2+", 35), ("±", 10)];

#[test]
fn the_mode_is_the_target_when_its_window_holds_enough() {
    let s = dipstick(json!({"kind": "agreement"}), &SPREAD);
    let group = &s.groups[0];
    assert_eq!(group.category.as_deref(), Some("1+"));
    assert_eq!(group.agreement, Some(100.0));
    assert_eq!(tally(&s), (100, 0, 0));

    // A consensus policy on grades is an agreement of 80 % too.
    let s = dipstick(
        json!({"kind": "consensus"}),
        &[("1+", 55), ("2+", 30), ("3+", 15)],
    );
    assert_eq!(s.groups[0].category.as_deref(), Some("1+"));
    assert_eq!(s.groups[0].agreement, Some(85.0));
    assert_eq!(tally(&s), (85, 15, 0));
}

#[test]
fn exact_agreement_is_an_option() {
    let s = dipstick(json!({"kind": "agreement", "count": "exact"}), &SPREAD);
    assert_eq!(s.groups[0].category, None);
    assert_eq!(s.groups[0].agreement, Some(55.0));
    assert!(
        s.evaluations
            .iter()
            .all(|e| (e.verdict, e.reason) == (Verdict::NotScored, Some(Reason::NoConsensus)))
    );
}

#[test]
fn tied_modes_and_a_thin_window_are_not_scored_with_a_reason() {
    let s = dipstick(
        json!({"kind": "agreement"}),
        &[("1+", 40), ("3+", 40), ("-", 20)],
    );
    assert!(
        s.evaluations
            .iter()
            .all(|e| e.reason == Some(Reason::TiedModes))
    );
    // 1+ is the mode but only 60 % lie within ±1 grade of it.
    let s = dipstick(
        json!({"kind": "agreement"}),
        &[("1+", 45), ("3+", 40), ("-", 15)],
    );
    assert_eq!(s.groups[0].agreement, Some(45.0));
    assert!(
        s.evaluations
            .iter()
            .all(|e| e.reason == Some(Reason::NoConsensus))
    );
}
