//! Scoring a round end to end: targets (given, consensus, expert,
//! agreement), grades and peer-group fallback; and timing runs of national
//! size (ignored by default).

#![allow(clippy::panic, clippy::unwrap_used)]

use crate::support as scoring_support;

use std::sync::Arc;

use eqa::plan::GroupField;
use eqa::plan::criteria::Criteria;
use eqa::plan::reported::Reported;
use eqa::results::{Results, SampleValue, Status, Submission};
use eqa::scoring::{Outcome, Reason, RoundScoring, TargetWarning, Verdict};
use scoring_support::{Book, of, plan};
use serde_json::{Value, json};

fn hbsag(positives: usize, negatives: usize) -> RoundScoring {
    let plan = plan(
        json!([{"code": "HBSAG", "result_type": {"kind": "qualitative", "categories": [
            {"code": "negative", "aliases": ["阴性", "-"]}, {"code": "positive", "aliases": ["阳性", "+"]}]}}]),
        &["1"],
        json!({"peer": {"rungs": [[]], "min_n": 10}}),
    );
    let mut book = Book::default();
    for i in 0..positives + negatives {
        let answer = if i < positives { "阳性" } else { "NEGATIVE" };
        book.add(&format!("L{i:03}"), "HBSAG", &[("1", answer)]);
    }
    book.score(&plan)
}

#[test]
fn agreement_needs_80_percent() {
    let s = hbsag(80, 20);
    let g = &s.groups[0];
    assert_eq!(
        (g.category.as_deref(), g.agreement, g.n),
        (Some("positive"), Some(80.0), 100)
    );
    assert_eq!(&*g.method, "agreement");
    let acceptable = s
        .evaluations
        .iter()
        .filter(|e| e.verdict == Verdict::Acceptable)
        .count();
    assert_eq!(acceptable, 80);
    assert_eq!(s.evaluations[0].expected.as_deref(), Some("positive"));
    assert_eq!(s.evaluations[99].reason, Some(Reason::OutsideLimit));

    let s = hbsag(79, 21);
    assert_eq!(
        (s.groups[0].category.as_deref(), s.groups[0].agreement),
        (None, Some(79.0))
    );
    assert!(
        s.evaluations
            .iter()
            .all(|e| e.reason == Some(Reason::NoConsensus))
    );
    assert!(
        s.analyte_scores
            .iter()
            .all(|a| a.outcome == Outcome::NoScore)
    );
}

#[test]
fn ordinal_window_with_negative_exact() {
    let plan = plan(
        json!([{"code": "PRO", "result_type": {"kind": "ordinal", "grades": [
            {"code": "-"}, {"code": "±"}, {"code": "1+"}, {"code": "2+"}, {"code": "3+"}]}}]),
        &["N", "P"],
        json!({"target": {"kind": "given"}}),
    );
    let mut book = Book::default();
    book.given("PRO", "N", "-", None);
    book.given("PRO", "P", "2+", None);
    book.add("L1", "PRO", &[("N", "-"), ("P", "1+")]);
    book.add("L2", "PRO", &[("N", "±"), ("P", "3+")]);
    book.add("L3", "PRO", &[("N", " - "), ("P", "-")]);
    book.add("L4", "PRO", &[("N", "4+"), ("P", "")]);
    let s = book.score(&plan);
    use Verdict::{Acceptable as A, Unacceptable as U};
    let got: Vec<_> = s
        .evaluations
        .iter()
        .map(|e| (&*e.lab, &*e.sample, e.verdict, e.reason))
        .collect();
    assert_eq!(
        got,
        [
            ("L1", "N", A, None),
            ("L1", "P", A, None),
            ("L2", "N", U, Some(Reason::OutsideLimit)),
            ("L2", "P", A, None),
            ("L3", "N", A, None),
            ("L3", "P", U, Some(Reason::OutsideLimit)),
            ("L4", "N", U, Some(Reason::OutOfVocabulary)),
            ("L4", "P", U, Some(Reason::UnreadableValue)),
        ]
    );
    assert_eq!(s.evaluations[1].expected.as_deref(), Some("2+"));
}

/// Five results 5.0, 5.1, 5.2, 5.3, 9.0 of one sample under a consensus.
fn consensus(estimator: Value) -> RoundScoring {
    let plan = plan(
        json!([{"code": "X", "scoring": {"limit": {"kind": "percent", "percent": 10}}}]),
        &["1"],
        json!({"target": {"kind": "consensus", "estimator": estimator}, "peer": {"rungs": [[]], "min_n": 5}}),
    );
    let mut book = Book::default();
    for (i, x) in ["5.0", "5.1", "5.2", "5.3", "9.0"].iter().enumerate() {
        book.add(&format!("L{i}"), "X", &[("1", x)]);
    }
    book.score(&plan)
}

#[test]
fn median_and_trimmed_mean_targets() {
    let s = consensus(json!({"kind": "median"}));
    let g = &s.groups[0];
    assert_eq!(
        (&*g.method, g.target, g.median, g.n),
        ("median", Some(5.2), Some(5.2), 5)
    );
    assert!((g.sd.unwrap() - 0.7413 * 0.2).abs() < 1e-12);
    assert!((g.uncertainty.unwrap() - 1.25 * 0.7413 * 0.2 / 5f64.sqrt()).abs() < 1e-12);
    assert!(g.warnings.contains(&TargetWarning::LargeUncertainty));
    assert_eq!(s.evaluations[4].verdict, Verdict::Unacceptable);
    assert!((s.evaluations[4].z.unwrap() - 3.8 / (0.7413 * 0.2)).abs() < 1e-9);

    let s = consensus(json!({"kind": "trimmed_mean", "k": 1.5, "iterations": 2}));
    let g = &s.groups[0];
    assert_eq!((&*g.method, g.n, g.n_used), ("trimmed_mean", 5, 4));
    assert!((g.target.unwrap() - 5.15).abs() < 1e-12);
    let s = consensus(json!({"kind": "algorithm_a"}));
    assert_eq!(&*s.groups[0].method, "algorithm_a");
    assert!((s.groups[0].target.unwrap() - 5.2).abs() < 0.2);
}

#[test]
fn expert_laboratories_set_the_target() {
    let plan = plan(
        json!([{"code": "X", "scoring": {"limit": {"kind": "absolute", "absolute": "0.5"}}}]),
        &["1"],
        json!({"target": {"kind": "expert_labs", "labs": ["E1", "E2", "E3"], "estimator": {"kind": "median"}}}),
    );
    let mut book = Book::default();
    for (lab, x) in [
        ("E1", "10.0"),
        ("E2", "10.2"),
        ("E3", "10.4"),
        ("L1", "20"),
        ("L2", "20"),
        ("L3", "10.6"),
    ] {
        book.add(lab, "X", &[("1", x)]);
    }
    let s = book.score(&plan);
    assert_eq!(s.groups.len(), 1);
    let g = &s.groups[0];
    assert_eq!(
        (&*g.method, g.n, g.target, g.key.len()),
        ("expert_labs", 3, Some(10.2), 0)
    );
    assert!(g.warnings.contains(&TargetWarning::SmallGroup));
    let l3 = of(&s, "L3");
    assert_eq!((l3[0].verdict, l3[0].group), (Verdict::Acceptable, Some(0)));
    assert_eq!(of(&s, "L1")[0].verdict, Verdict::Unacceptable);
}

#[test]
fn small_groups_fall_back_to_a_coarser_rung() {
    let run = |min_n: usize| {
        let plan = plan(
            json!([{"code": "X", "scoring": {"limit": {"kind": "percent", "percent": 10}}}]),
            &["1"],
            json!({"target": {"kind": "consensus", "estimator": {"kind": "median"}},
                   "peer": {"rungs": [["instrument"], []], "min_n": min_n}}),
        );
        let mut book = Book::default();
        for (lab, instrument, x) in [
            ("L1", "A", "10"),
            ("L2", "A", "10.2"),
            ("L3", "A", "10.4"),
            ("L4", "B", "11"),
        ] {
            book.add(lab, "X", &[("1", x)]).instrument = Some(Arc::from(instrument));
        }
        book.add("L5", "X", &[("1", "10.1")]);
        book.score(&plan)
    };
    let s = run(3);
    let groups: Vec<_> = s
        .groups
        .iter()
        .map(|g| (g.rung, g.key.clone(), g.n))
        .collect();
    assert_eq!(
        groups,
        [
            (0, vec![(GroupField::Instrument, Arc::from("A"))], 3),
            (1, vec![], 5)
        ]
    );
    let used: Vec<_> = s.evaluations.iter().map(|e| e.group).collect();
    assert_eq!(used, [Some(0), Some(0), Some(0), Some(1), Some(1)]);
    assert_eq!(s.groups[0].target, Some(10.2));
    assert!(!s.groups[1].warnings.contains(&TargetWarning::SmallGroup));

    let s = run(6);
    assert_eq!(s.groups.len(), 1);
    assert_eq!((s.groups[0].rung, s.groups[0].n), (1, 5));
    assert!(s.groups[0].warnings.contains(&TargetWarning::SmallGroup));
}

/// A national round of 12,000 laboratories × 30 analytes × 5 samples with
/// many small peer groups (1,000 metadata combinations: 116,100 groups),
/// default peer ladder and Algorithm A. Run with
/// `cargo test --release -p eqa --test scoring_targets -- --ignored --nocapture`.
#[test]
#[ignore = "a timing run, for release mode"]
fn many_small_groups_timing() {
    let codes: Vec<Arc<str>> = (0..30).map(|a| Arc::from(format!("A{a:02}"))).collect();
    let analytes: Vec<Value> = codes
        .iter()
        .map(|code| {
            json!({"code": &**code, "unit": "mmol/L",
                   "scoring": {"limit": {"kind": "percent", "percent": 10}}})
        })
        .collect();
    let plan = plan(
        Value::Array(analytes),
        &["1", "2", "3", "4", "5"],
        json!({}),
    );
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let names = |prefix: &str, n: usize| -> Vec<Arc<str>> {
        (1..=n).map(|i| Arc::from(format!("{prefix}{i}"))).collect()
    };
    let (methods, instruments, reagents) = (names("M", 5), names("I", 20), names("R", 10));
    let samples = names("", 5);
    let (program, round, unit): (Arc<str>, Arc<str>, Arc<str>) =
        (Arc::from("C1"), Arc::from("R1"), Arc::from("mmol/L"));
    let mut results = Results::default();
    let mut row = 1;
    for lab in 0..12_000 {
        let lab: Arc<str> = Arc::from(format!("L{lab:05}"));
        let pick = |v: &[Arc<str>], x: f64| v[(x * v.len() as f64) as usize].clone();
        let (m, i, r) = (
            pick(&methods, next()),
            pick(&instruments, next()),
            pick(&reagents, next()),
        );
        for code in &codes {
            let values = samples
                .iter()
                .enumerate()
                .map(|(s, sample)| {
                    row += 1;
                    let x = (5.0 + s as f64) * (1.0 + 0.04 * (next() + next() + next() - 1.5));
                    SampleValue {
                        sample: sample.clone(),
                        value: Reported::new(format!("{x:.2}")),
                        row,
                    }
                })
                .collect();
            results.submissions.push(Submission {
                lab: lab.clone(),
                program: program.clone(),
                round: round.clone(),
                analyte: code.clone(),
                unit: Some(unit.clone()),
                instrument: Some(i.clone()),
                reagent: Some(r.clone()),
                calibrator: None,
                method: Some(m.clone()),
                status: Status::Submitted,
                submitted_at: None,
                version: 1,
                values,
            });
        }
    }
    assert_eq!(results.value_count(), 1_800_000);
    for _ in 0..3 {
        let start = std::time::Instant::now();
        let s = eqa::score_round(&plan, &Criteria::default(), &results, "C1", "R1").unwrap();
        let elapsed = start.elapsed();
        println!(
            "scored {} values in {elapsed:?}: {} groups, {} analyte scores, {} acceptable",
            s.evaluations.len(),
            s.groups.len(),
            s.analyte_scores.len(),
            s.evaluations
                .iter()
                .filter(|e| e.verdict == Verdict::Acceptable)
                .count(),
        );
        assert_eq!(s.evaluations.len(), 1_800_000);
    }
}

/// The synthetic generator's round of 12,000 laboratories. Run with
/// `cargo test --release -p eqa --test scoring_targets -- --ignored --nocapture`.
#[test]
#[ignore = "a timing run, for release mode"]
fn synthetic_national_round_timing() {
    use eqa::synthetic::{SyntheticOptions, synthetic_round};
    let data = synthetic_round(&SyntheticOptions {
        labs: 12_000,
        seed: 2026,
        rounds: 1,
        full_menu: true,
    })
    .unwrap();
    let round = data.plan.programs[0].rounds[0].code.clone();
    for _ in 0..3 {
        let start = std::time::Instant::now();
        let s = eqa::score_round(&data.plan, &data.criteria, &data.results, "C1", &round).unwrap();
        let elapsed = start.elapsed();
        let acceptable = s
            .evaluations
            .iter()
            .filter(|e| e.verdict == Verdict::Acceptable)
            .count();
        println!(
            "synthetic: {} values, {} evaluations in {elapsed:?}: {} groups, {acceptable} acceptable",
            data.results.value_count(),
            s.evaluations.len(),
            s.groups.len(),
        );
    }
}
