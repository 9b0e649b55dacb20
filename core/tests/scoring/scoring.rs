//! Scoring a round end to end: selection, verdicts and PT scores against
//! hand-computed numbers (domain §4).

#![allow(clippy::panic, clippy::unwrap_used)]

use crate::support as scoring_support;

use std::sync::Arc;

use eqa::plan::Plan;
use eqa::plan::criteria::Criteria;
use eqa::plan::reported::Reported;
use eqa::results::Status;
use eqa::scoring::{Outcome, Reason, RoundScoring, Verdict};
use scoring_support::{Book, of, plan, round2, verdicts};
use serde_json::json;

fn glucose(boundary: &str) -> (Plan, Book) {
    let plan = plan(
        json!([{"code": "GLU", "unit": "mmol/L", "scoring": {"limit": {"kind": "percent", "percent": 10}}}]),
        &["1", "2", "3", "4", "5"],
        json!({"target": {"kind": "given"}, "boundary": boundary}),
    );
    let mut book = Book::default();
    book.add(
        "L1",
        "GLU",
        &[
            ("1", "5.00"),
            ("2", "4.60"),
            ("3", "4.00"),
            ("4", "3.20"),
            ("5", "3.70"),
        ],
    );
    for (sample, target) in [
        ("1", "5.25"),
        ("2", "5.00"),
        ("3", "4.50"),
        ("4", "3.50"),
        ("5", "4.00"),
    ] {
        book.given("GLU", sample, target, None);
    }
    (plan, book)
}

#[test]
fn glucose_worked_example_scores_80_percent() {
    let (plan, book) = glucose("inclusive");
    let s = book.score(&plan);
    let bias: Vec<f64> = s
        .evaluations
        .iter()
        .map(|e| round2(e.bias_percent.unwrap()))
        .collect();
    assert_eq!(bias, [-4.76, -8.0, -11.11, -8.57, -7.5]);
    let v: Vec<Verdict> = s.evaluations.iter().map(|e| e.verdict).collect();
    use Verdict::{Acceptable as A, Unacceptable as U};
    assert_eq!(v, [A, A, U, A, A]);
    assert_eq!(s.evaluations[2].reason, Some(Reason::OutsideLimit));
    assert_eq!(s.evaluations[2].allowed, Some(0.45));
    assert_eq!(s.evaluations[0].target, Some(5.25));
    assert_eq!(s.evaluations[0].z, None);
    let a = &s.analyte_scores[0];
    assert_eq!(
        (a.acceptable, a.scored, a.score, a.outcome),
        (4, 5, Some(80.0), Outcome::Satisfactory)
    );
    let p = &s.program_scores[0];
    assert_eq!(
        (p.score, p.outcome, p.analytes_scored),
        (Some(80.0), Outcome::Satisfactory, 1)
    );
    assert_eq!(s.groups.len(), 5);
    assert_eq!(&*s.groups[0].method, "given");
    assert_eq!(s.evaluations[4].group, Some(4));
}

#[test]
fn a_result_on_the_limit_is_acceptable_only_when_inclusive() {
    for (boundary, expected) in [
        ("inclusive", Verdict::Acceptable),
        ("exclusive", Verdict::Unacceptable),
    ] {
        let (plan, mut book) = glucose(boundary);
        book.results.submissions[0].values[1].value = Reported::new("5.5");
        let s = book.score(&plan);
        assert_eq!(s.evaluations[1].verdict, expected, "{boundary}");
        assert_eq!(s.evaluations[1].allowed, Some(0.5));
    }
}

#[test]
fn vis_is_filled_with_a_ccv() {
    let plan = plan(
        json!([{"code": "CL", "scoring": {"limit": {"kind": "percent", "percent": 5}, "vis_ccv": "2.2"}}]),
        &["1"],
        json!({"target": {"kind": "given"}}),
    );
    let mut book = Book::default();
    book.add("L1", "CL", &[("1", "101")]);
    book.given("CL", "1", "98", None);
    let s = book.score(&plan);
    assert_eq!(s.evaluations[0].vis, Some(139));
    assert_eq!(s.analyte_scores[0].mean_vis, Some(139.0));
    assert_eq!(eqa::scoring::vis_score(101.0, 98.0, 2.2).unwrap(), 139);
}

#[test]
fn unknown_program_or_round_is_refused() {
    let (plan, book) = glucose("inclusive");
    for (program, round, name) in [("X", "R1", "program"), ("C1", "X", "round")] {
        let err = eqa::score_round(&plan, &Criteria::default(), &book.results, program, round)
            .unwrap_err();
        assert!(
            matches!(err, eqa::Error::InvalidParameter { name: n, .. } if n == name),
            "{err}"
        );
    }
}

#[test]
fn not_returned_scores_zero_and_counts_in_the_pooled_score() {
    let plan = plan(
        json!([{"code": "A", "scoring": {"limit": {"kind": "absolute", "absolute": 1}}},
               {"code": "B", "scoring": {"limit": {"kind": "absolute", "absolute": 1}}}]),
        &["1", "2"],
        json!({"target": {"kind": "given"}}),
    );
    let mut book = Book::default();
    book.enrol("L1", &["A", "B"], false);
    book.add("L1", "A", &[("1", "10"), ("2", "10")]);
    let draft = book.add("L1", "B", &[("1", "10"), ("2", "10")]);
    draft.status = Status::Draft;
    for a in ["A", "B"] {
        book.given(a, "1", "10", None);
        book.given(a, "2", "10", None);
    }
    let s = book.score(&plan);
    let b: Vec<_> = s
        .evaluations
        .iter()
        .filter(|e| &*e.analyte == "B")
        .collect();
    assert_eq!(
        verdicts(&b),
        [
            (Verdict::NotReturned, Some(Reason::NoSubmission)),
            (Verdict::NotCounted, Some(Reason::Draft)),
            (Verdict::NotReturned, Some(Reason::NoSubmission)),
            (Verdict::NotCounted, Some(Reason::Draft)),
        ]
    );
    assert_eq!(b[0].row, None);
    let sb = &s.analyte_scores[1];
    assert_eq!((sb.score, sb.outcome), (Some(0.0), Outcome::NotReturned));
    let p = &s.program_scores[0];
    assert_eq!(
        (p.acceptable, p.scored, p.score, p.outcome),
        (2, 4, Some(50.0), Outcome::Unsatisfactory)
    );
}

#[test]
fn nothing_scored_gives_no_score() {
    let plan = plan(
        json!([{"code": "NEW"}]),
        &["1", "2"],
        json!({"target": {"kind": "given"}}),
    );
    let mut book = Book::default();
    book.add("L1", "NEW", &[("1", "1"), ("2", "2")]);
    let s = book.score(&plan);
    assert!(
        s.evaluations
            .iter()
            .all(|e| e.reason == Some(Reason::NoCriterion))
    );
    let a = &s.analyte_scores[0];
    assert_eq!(
        (a.score, a.outcome, a.not_scored),
        (None, Outcome::NoScore, 2)
    );
    assert_eq!(
        (s.program_scores[0].score, s.program_scores[0].outcome),
        (None, Outcome::NoScore)
    );
}

#[test]
fn a_missing_sample_counts_as_unacceptable() {
    let (plan, mut book) = glucose("inclusive");
    book.results.submissions[0].values.remove(0);
    let s = book.score(&plan);
    assert_eq!(
        (s.evaluations[0].row, s.evaluations[0].verdict),
        (None, Verdict::Unacceptable)
    );
    assert_eq!(s.evaluations[0].reason, Some(Reason::MissingSample));
    let a = &s.analyte_scores[0];
    assert_eq!((a.acceptable, a.scored, a.score), (3, 5, Some(60.0)));
    assert_eq!(a.outcome, Outcome::Unsatisfactory);
}

/// Ten laboratories on time at 10.0 ± 0.2, and `L9` late with 10.1 and 20.
fn late_round(policy: &str) -> RoundScoring {
    let plan = plan(
        json!([{"code": "K", "scoring": {"limit": {"kind": "percent", "percent": 5}}}]),
        &["1", "2"],
        json!({"late": policy, "target": {"kind": "consensus", "estimator": {"kind": "median"}}}),
    );
    let mut book = Book::default();
    for i in 0..10 {
        let x = format!("{:.1}", 9.8 + 0.1 * f64::from(i % 5));
        book.add(&format!("L{i:02}"), "K", &[("1", &x), ("2", &x)]);
    }
    let late = book.add("L99", "K", &[("1", "10.1"), ("2", "20")]);
    late.submitted_at = Some("2026-04-21T09:00:00+08:00".parse().unwrap());
    book.score(&plan)
}

#[test]
fn late_submissions_score_zero_by_default() {
    let s = late_round("not_returned");
    let l = of(&s, "L99");
    assert!(
        l.iter()
            .all(|e| (e.verdict, e.reason) == (Verdict::Late, Some(Reason::AfterDeadline)))
    );
    assert_eq!(l[0].value, Some(10.1));
    let a = s.analyte_scores.iter().find(|a| &*a.lab == "L99").unwrap();
    assert_eq!((a.score, a.outcome), (Some(0.0), Outcome::Late));
    assert!(s.groups.iter().all(|g| g.n == 10));
    assert_eq!(s.program_scores.last().unwrap().outcome, Outcome::Late);
}

#[test]
fn late_submissions_can_be_scored_and_stay_marked() {
    let s = late_round("scored");
    let l = of(&s, "L99");
    assert_eq!(
        verdicts(&l),
        [
            (Verdict::Acceptable, Some(Reason::AfterDeadline)),
            (Verdict::Unacceptable, Some(Reason::OutsideLimit)),
        ]
    );
    assert!(
        s.groups.iter().all(|g| g.n == 10),
        "late values stay out of peer groups"
    );
    let a = s.analyte_scores.iter().find(|a| &*a.lab == "L99").unwrap();
    assert_eq!((a.score, a.outcome), (Some(50.0), Outcome::Unsatisfactory));
}

#[test]
fn selection_keeps_the_last_version_sent_in_time() {
    let (plan, mut book) = glucose("inclusive");
    let values = [
        ("1", "5.25"),
        ("2", "5.00"),
        ("3", "4.50"),
        ("4", "3.50"),
        ("5", "4.00"),
    ];
    book.results.submissions[0].version = 1;
    book.add("L1", "GLU", &values).version = 2;
    book.add("L1", "GLU", &values[..1]).version = 2;
    let late = book.add("L1", "GLU", &values[..1]);
    late.version = 3;
    late.submitted_at = Some("2026-04-20T17:00:01+08:00".parse().unwrap());
    let draft = book.add("L1", "GLU", &values[..1]);
    draft.version = 4;
    draft.status = Status::Draft;
    book.add("L1", "GLU", &[("9", "1"), ("1", "1")]).version = 3;
    book.add("L1", "XYZ", &[("1", "1")]);
    book.results.submissions.swap(1, 2);
    let s = book.score(&plan);
    assert_eq!(s.evaluations.len(), 5 + 5 + 1 + 1 + 1 + 2 + 1 + 4);
    let counted: Vec<_> = s
        .evaluations
        .iter()
        .filter(|e| e.reason.is_none())
        .map(|e| e.row.unwrap())
        .collect();
    // The version-3 submission on time (rows 15, 16) counts: sample 9 is not
    // in the plan, sample 1 is its only value, samples 2–5 are missing.
    let reasons = |row: u32| {
        s.evaluations
            .iter()
            .find(|e| e.row == Some(row))
            .map(|e| (e.verdict, e.reason))
            .unwrap()
    };
    assert_eq!(reasons(15), (Verdict::NotCounted, Some(Reason::NotInPlan)));
    assert_eq!(
        reasons(16),
        (Verdict::Unacceptable, Some(Reason::OutsideLimit))
    );
    assert!(counted.is_empty());
    assert_eq!(reasons(2), (Verdict::NotCounted, Some(Reason::Superseded)));
    assert_eq!(reasons(7), (Verdict::NotCounted, Some(Reason::Superseded)));
    assert_eq!(reasons(12), (Verdict::NotCounted, Some(Reason::Superseded)));
    assert_eq!(
        reasons(13),
        (Verdict::NotCounted, Some(Reason::AfterDeadline))
    );
    assert_eq!(reasons(14), (Verdict::NotCounted, Some(Reason::Draft)));
    assert_eq!(reasons(17), (Verdict::NotCounted, Some(Reason::NotInPlan)));
    let missing = s
        .evaluations
        .iter()
        .filter(|e| e.reason == Some(Reason::MissingSample))
        .count();
    assert_eq!(missing, 4);
    // Order: GLU before XYZ, samples in round order, unknown sample 9 last.
    let order: Vec<_> = s
        .evaluations
        .iter()
        .map(|e| (&*e.analyte, &*e.sample))
        .collect();
    assert_eq!(order.last(), Some(&("XYZ", "1")));
    assert_eq!(order[order.len() - 2], ("GLU", "9"));
}

#[test]
fn equal_versions_keep_the_later_one() {
    let (plan, mut book) = glucose("inclusive");
    book.results.submissions[0].submitted_at = Some("2026-04-19T10:00:00+08:00".parse().unwrap());
    let again = book.add("L1", "GLU", &[("1", "5.25")]);
    again.submitted_at = Some("2026-04-18T10:00:00+08:00".parse().unwrap());
    let s = book.score(&plan);
    let dup = s.evaluations.iter().find(|e| e.row == Some(7)).unwrap();
    assert_eq!(
        (dup.verdict, dup.reason),
        (Verdict::NotCounted, Some(Reason::Duplicate))
    );
    assert_eq!(s.analyte_scores[0].score, Some(80.0));
}

#[test]
fn wrong_units_censored_and_unreadable_values() {
    let plan = plan(
        json!([{"code": "GLU", "unit": "mmol/L", "scoring": {"limit": {"kind": "absolute", "absolute": "0.5"}}}]),
        &["1", "2", "3", "4"],
        json!({"target": {"kind": "given"}}),
    );
    let mut book = Book::default();
    for s in ["1", "2", "3", "4"] {
        book.given("GLU", s, "5.0", None);
    }
    book.add(
        "L1",
        "GLU",
        &[
            ("1", "<4.4"),
            ("2", ">5.2"),
            ("3", "n/a"),
            ("4", "5.0"),
            ("4", "5.1"),
        ],
    );
    book.add(
        "L2",
        "GLU",
        &[("1", "900"), ("2", "900"), ("3", "900"), ("4", "900")],
    )
    .unit = Some(Arc::from("mg/L"));
    let s = book.score(&plan);
    assert_eq!(
        verdicts(&of(&s, "L1")),
        [
            (Verdict::Unacceptable, Some(Reason::OutsideLimit)),
            (Verdict::NotScored, Some(Reason::CensoredValue)),
            (Verdict::Unacceptable, Some(Reason::UnreadableValue)),
            (Verdict::Acceptable, None),
            (Verdict::NotCounted, Some(Reason::Duplicate)),
        ]
    );
    assert!(
        of(&s, "L2")
            .iter()
            .all(|e| e.reason == Some(Reason::WrongUnit) && e.bias.is_none())
    );
    let a = &s.analyte_scores[0];
    assert_eq!((a.acceptable, a.scored, a.not_scored), (1, 3, 1));
}

#[test]
fn excused_and_ungraded_analytes_are_not_scored() {
    let plan = plan(
        json!([{"code": "A", "scoring": {"limit": {"kind": "absolute", "absolute": 1}}},
               {"code": "U", "graded": false, "scoring": {"limit": {"kind": "absolute", "absolute": 1}}}]),
        &["1"],
        json!({"target": {"kind": "given"}}),
    );
    let mut book = Book::default();
    book.given("A", "1", "10", None);
    book.given("U", "1", "10", None);
    book.enrol("L1", &["A", "U"], true);
    book.add("L2", "A", &[("1", "10.5")]);
    book.add("L2", "U", &[("1", "12")]);
    let s = book.score(&plan);
    assert!(
        of(&s, "L1")
            .iter()
            .all(|e| e.reason == Some(Reason::Excused))
    );
    let l1: Vec<_> = s
        .analyte_scores
        .iter()
        .filter(|a| &*a.lab == "L1")
        .map(|a| (a.score, a.outcome))
        .collect();
    assert_eq!(l1, [(None, Outcome::Excused), (None, Outcome::Excused)]);
    assert_eq!(s.program_scores[0].outcome, Outcome::Excused);
    let u = of(&s, "L2")[1];
    assert_eq!(
        (u.verdict, u.reason, u.target, u.bias),
        (
            Verdict::NotScored,
            Some(Reason::AnalyteNotGraded),
            Some(10.0),
            Some(2.0)
        )
    );
    assert_eq!(s.program_scores[1].score, Some(100.0));
}

#[test]
fn program_scores_pool_or_average() {
    let run = |rule: &str| {
        let plan = plan(
            json!([{"code": "A", "scoring": {"limit": {"kind": "absolute", "absolute": 1}}},
                   {"code": "B", "scoring": {"limit": {"kind": "absolute", "absolute": 1}}}]),
            &["1", "2", "3", "4"],
            json!({"target": {"kind": "given"}, "program_score": rule}),
        );
        let mut book = Book::default();
        for a in ["A", "B"] {
            for s in ["1", "2", "3", "4"] {
                book.given(a, s, "10", None);
            }
        }
        book.add(
            "L1",
            "A",
            &[("1", "10"), ("2", "10"), ("3", "10"), ("4", "10")],
        );
        book.add("L1", "B", &[("1", "10"), ("2", "20"), ("3", "20")]);
        book.score(&plan)
    };
    let s = run("pooled");
    let p = &s.program_scores[0];
    assert_eq!(
        (p.acceptable, p.scored, p.score, p.outcome),
        (5, 8, Some(62.5), Outcome::Unsatisfactory)
    );
    let s = run("mean_of_analytes");
    assert_eq!(s.program_scores[0].score, Some(62.5));
    assert_eq!(s.analyte_scores[1].score, Some(25.0));
}

#[test]
fn given_targets_must_be_known_numbers() {
    let (plan, mut book) = glucose("inclusive");
    book.given("GLU", "1", "5.3", None);
    let err = eqa::score_round(&plan, &Criteria::default(), &book.results, "C1", "R1").unwrap_err();
    assert_eq!(err.code(), "invalid_document");
    let (plan, mut book) = glucose("inclusive");
    book.results.given_targets[0].value = Reported::new("high");
    assert!(eqa::score_round(&plan, &Criteria::default(), &book.results, "C1", "R1").is_err());
}

#[test]
fn sd_multiple_limits_use_the_group_sd() {
    let plan = plan(
        json!([{"code": "X", "scoring": {"limit": {"kind": "sd_multiple", "k": 2}}}]),
        &["1", "2"],
        json!({"target": {"kind": "given"}}),
    );
    let mut book = Book::default();
    book.given("X", "1", "10", Some("0.5"));
    book.given("X", "2", "10", None);
    book.add("L1", "X", &[("1", "11"), ("2", "10")]);
    let s = book.score(&plan);
    assert_eq!(
        (
            s.evaluations[0].verdict,
            s.evaluations[0].allowed,
            s.evaluations[0].z
        ),
        (Verdict::Acceptable, Some(1.0), Some(2.0))
    );
    assert_eq!(s.evaluations[1].reason, Some(Reason::NoTarget));
}

#[test]
fn every_round_of_the_year() {
    let (plan, book) = glucose("inclusive");
    let year = eqa::score_year(&plan, &Criteria::default(), &book.results, "C1").unwrap();
    assert_eq!(year.len(), 1);
    assert_eq!(year[0], book.score(&plan));
}
