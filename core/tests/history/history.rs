//! Performance over consecutive rounds and certificates (domain §3.4,
//! §4.7): the CLIA vectors of §10.5, the histories of hand-made scorings,
//! and the certificate policies.
#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use eqa::history::{Certificate, CertificatePolicy, CertificateScope, certificates};
use eqa::history::{HistoryRule, HistoryStatus, LabHistory, histories, performance_history};
use eqa::scoring::Outcome::{
    self, Excused as E, Late as L, NoScore as N, NotReturned as R, Satisfactory as S,
    Unsatisfactory as U,
};
use eqa::scoring::{AnalyteScore, ProgramScore, RoundScoring, ScoringSettings};
use rust_decimal::Decimal;

fn statuses(outcomes: &[Outcome]) -> Vec<&'static str> {
    performance_history(outcomes, &HistoryRule::default())
        .unwrap()
        .into_iter()
        .map(HistoryStatus::as_str)
        .collect()
}

#[test]
fn clia_vectors_of_the_domain() {
    assert_eq!(
        statuses(&[S, U, S, U]),
        [
            "satisfactory",
            "unsatisfactory",
            "satisfactory",
            "unsuccessful"
        ]
    );
    assert_eq!(
        statuses(&[U, S, U]),
        ["unsatisfactory", "satisfactory", "unsuccessful"]
    );
    assert_eq!(statuses(&[U, U]), ["unsatisfactory", "unsuccessful"]);
    assert_eq!(
        statuses(&[U, E, U]),
        ["unsatisfactory", "excused", "unsuccessful"]
    );
    assert!(!statuses(&[S, U, S, S, U]).contains(&"unsuccessful"));
}

#[test]
fn not_returned_and_late_are_unsatisfactory_and_no_score_is_skipped() {
    assert_eq!(
        statuses(&[R, S, L]),
        ["unsatisfactory", "satisfactory", "unsuccessful"]
    );
    assert_eq!(
        statuses(&[U, N, N, U]),
        ["unsatisfactory", "no_score", "no_score", "unsuccessful"]
    );
    // An excused round is skipped, not taken as satisfactory: U, S, (E), U
    // is two failures in the three counted rounds.
    assert_eq!(statuses(&[U, S, E, U])[3], "unsuccessful");
    assert!(!statuses(&[S, U, S, E, S, U]).contains(&"unsuccessful"));
    assert_eq!(statuses(&[]), Vec::<&str>::new());
}

#[test]
fn the_rule_is_a_parameter() {
    let only_consecutive = HistoryRule {
        consecutive: 2,
        k_of_n: None,
    };
    let got = performance_history(&[S, U, S, U], &only_consecutive).unwrap();
    assert!(!got.contains(&HistoryStatus::Unsuccessful));
    let three_of_five = HistoryRule {
        consecutive: 3,
        k_of_n: Some((3, 5)),
    };
    let got = performance_history(&[U, S, U, S, U, U], &three_of_five).unwrap();
    assert_eq!(got[4], HistoryStatus::Unsuccessful);
    assert_eq!(got[2], HistoryStatus::Unsatisfactory);
}

#[test]
fn a_bad_rule_names_its_parameter() {
    for (rule, name) in [
        (
            HistoryRule {
                consecutive: 0,
                k_of_n: None,
            },
            "consecutive",
        ),
        (
            HistoryRule {
                consecutive: 2,
                k_of_n: Some((3, 2)),
            },
            "k_of_n",
        ),
        (
            HistoryRule {
                consecutive: 2,
                k_of_n: Some((0, 3)),
            },
            "k_of_n",
        ),
    ] {
        match performance_history(&[S], &rule).unwrap_err() {
            eqa::Error::InvalidParameter { name: got, .. } => assert_eq!(got, name),
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn the_rule_reads_from_json_with_defaults() {
    let rule: HistoryRule = serde_json::from_str("{}").unwrap();
    assert_eq!(rule, HistoryRule::default());
    let rule: HistoryRule =
        serde_json::from_str(r#"{"consecutive": 3, "k_of_n": [2, 4]}"#).unwrap();
    assert_eq!((rule.consecutive, rule.k_of_n), (3, Some((2, 4))));
    assert!(serde_json::from_str::<HistoryRule>(r#"{"window": 3}"#).is_err());
    assert_eq!(
        serde_json::to_string(&HistoryRule::default()).unwrap(),
        r#"{"consecutive":2,"k_of_n":[2,3]}"#
    );
}

/// A round with scores only: `(lab, analyte, outcome)`, and a program
/// score per laboratory.
fn round(
    name: &str,
    scores: &[(&str, &str, Outcome)],
    programs: &[(&str, Outcome)],
) -> RoundScoring {
    RoundScoring {
        program: "chem".into(),
        round: name.into(),
        settings: ScoringSettings {
            criteria: None,
            boundary: Default::default(),
            program_score: Default::default(),
            late: Default::default(),
            pass_threshold: Decimal::from(80),
            unit: Default::default(),
        },
        groups: vec![],
        evaluations: vec![],
        analyte_scores: scores
            .iter()
            .map(|&(lab, analyte, outcome)| AnalyteScore {
                lab: lab.into(),
                analyte: analyte.into(),
                acceptable: 0,
                scored: 0,
                not_scored: 0,
                score: None,
                threshold: Decimal::from(80),
                outcome,
                mean_vis: None,
            })
            .collect(),
        program_scores: programs
            .iter()
            .map(|&(lab, outcome)| ProgramScore {
                lab: lab.into(),
                rule: Default::default(),
                acceptable: 0,
                scored: 0,
                analytes_scored: 0,
                score: None,
                threshold: Decimal::from(80),
                outcome,
            })
            .collect(),
    }
}

fn year() -> Vec<RoundScoring> {
    vec![
        round(
            "2026-1",
            &[
                ("L2", "K", S),
                ("L2", "NA", U),
                ("L1", "K", S),
                ("L1", "NA", S),
            ],
            &[("L2", U), ("L1", S)],
        ),
        round(
            "2026-2",
            &[("L2", "K", S), ("L2", "NA", S), ("L2", "CL", E)],
            &[("L2", S)],
        ),
        round(
            "2026-3",
            &[
                ("L2", "K", S),
                ("L2", "NA", U),
                ("L2", "CL", N),
                ("L1", "K", S),
                ("L1", "NA", R),
            ],
            &[("L2", U), ("L1", U)],
        ),
    ]
}

fn find<'a>(all: &'a [LabHistory], lab: &str, analyte: Option<&str>) -> &'a LabHistory {
    all.iter()
        .find(|h| &*h.lab == lab && h.analyte.as_deref() == analyte)
        .unwrap()
}

#[test]
fn histories_cover_every_lab_analyte_and_program() {
    let all = histories(&year(), &HistoryRule::default()).unwrap();
    let keys: Vec<_> = all
        .iter()
        .map(|h| format!("{}/{}", h.lab, h.analyte.as_deref().unwrap_or("*")))
        .collect();
    assert_eq!(
        keys,
        ["L1/*", "L1/K", "L1/NA", "L2/*", "L2/CL", "L2/K", "L2/NA"]
    );

    let na = find(&all, "L2", Some("NA"));
    assert_eq!(
        &*na.rounds,
        [Arc::from("2026-1"), "2026-2".into(), "2026-3".into()]
    );
    assert_eq!(na.outcomes, [U, S, U]);
    assert_eq!(
        na.statuses,
        [
            HistoryStatus::Unsatisfactory,
            HistoryStatus::Satisfactory,
            HistoryStatus::Unsuccessful
        ]
    );
    assert!(na.unsuccessful);
    assert!(find(&all, "L2", None).unsuccessful);

    // L1 is absent from round 2: rounds 1 and 3 are consecutive in its history.
    let l1 = find(&all, "L1", None);
    assert_eq!(&*l1.rounds, [Arc::from("2026-1"), "2026-3".into()]);
    assert!(!l1.unsuccessful);
    let l1_na = find(&all, "L1", Some("NA"));
    assert_eq!(
        l1_na.statuses,
        [HistoryStatus::Satisfactory, HistoryStatus::Unsatisfactory]
    );

    let cl = find(&all, "L2", Some("CL"));
    assert_eq!(
        cl.statuses,
        [HistoryStatus::Excused, HistoryStatus::NoScore]
    );
    assert!(!cl.unsuccessful);
}

#[test]
fn histories_refuse_inconsistent_scorings() {
    let rule = HistoryRule::default();
    let mut mixed = year();
    mixed[2].program = "haem".into();
    let path = |e: eqa::Error| match e {
        eqa::Error::InvalidDocument { path, .. } => path,
        other => panic!("{other:?}"),
    };
    assert_eq!(path(histories(&mixed, &rule).unwrap_err()), "[2].program");
    let mut twice = year();
    twice[1].round = "2026-1".into();
    assert_eq!(path(histories(&twice, &rule).unwrap_err()), "[1].round");
    let mut double = year();
    let again = double[1].analyte_scores[0].clone();
    double[1].analyte_scores.push(again);
    assert_eq!(
        path(histories(&double, &rule).unwrap_err()),
        "[1].analyte_scores[3]"
    );
}

fn certificate<'a>(all: &'a [Certificate], lab: &str) -> &'a Certificate {
    all.iter().find(|c| &*c.lab == lab).unwrap()
}

fn names(list: &[Arc<str>]) -> Vec<&str> {
    list.iter().map(|a| &**a).collect()
}

#[test]
fn certificates_under_each_policy() {
    let rule = HistoryRule::default();
    let strict = certificates(
        "chem",
        &year(),
        CertificatePolicy::default(),
        CertificateScope::AllAnalytes,
        &rule,
    )
    .unwrap();
    assert_eq!(strict.len(), 2);
    let l2 = certificate(&strict, "L2");
    assert_eq!(
        (names(&l2.analytes_passed), names(&l2.analytes_failed)),
        (vec!["K"], vec!["NA"])
    );
    assert_eq!(names(&l2.analytes_not_scored), ["CL"]);
    assert_eq!((l2.rounds, l2.eligible, &*l2.program), (3, false, "chem"));
    assert_eq!(l2.policy, CertificatePolicy::AllRoundsSatisfactory);
    let l1 = certificate(&strict, "L1");
    assert_eq!(
        (names(&l1.analytes_failed), l1.rounds, l1.eligible),
        (vec!["NA"], 2, false)
    );

    // Forgiving isolated failures: L2's NA (U, S, U) is unsuccessful still,
    // L1's NA (S, R) is not.
    let lenient = certificates(
        "chem",
        &year(),
        CertificatePolicy::NotUnsuccessful,
        CertificateScope::AllAnalytes,
        &rule,
    )
    .unwrap();
    let l2 = certificate(&lenient, "L2");
    assert_eq!(
        (names(&l2.analytes_failed), l2.eligible),
        (vec!["NA"], false)
    );
    let l1 = certificate(&lenient, "L1");
    assert_eq!(
        (names(&l1.analytes_passed), l1.eligible),
        (vec!["K", "NA"], true)
    );

    // By default a laboratory gets a certificate for the analytes it
    // passed, though another failed: L2 for K (NA failed).
    let listed = certificates(
        "chem",
        &year(),
        CertificatePolicy::default(),
        CertificateScope::default(),
        &rule,
    )
    .unwrap();
    let l2 = certificate(&listed, "L2");
    assert_eq!(
        (names(&l2.analytes_passed), l2.eligible, l2.scope),
        (vec!["K"], true, CertificateScope::PassedAnalytes)
    );
    let l1 = certificate(&listed, "L1");
    assert_eq!((names(&l1.analytes_passed), l1.eligible), (vec!["K"], true));
    assert_eq!(
        "all_analytes".parse::<CertificateScope>().unwrap(),
        CertificateScope::AllAnalytes
    );
    assert_eq!(
        "some".parse::<CertificateScope>().unwrap_err().code(),
        "invalid_parameter"
    );

    // Another program's scorings are not read.
    assert!(
        certificates(
            "haem",
            &year(),
            CertificatePolicy::default(),
            CertificateScope::default(),
            &rule
        )
        .unwrap()
        .is_empty()
    );
}

#[test]
fn a_lab_with_only_unscored_analytes_is_not_eligible() {
    let rounds = [round("2026-1", &[("L9", "K", E)], &[])];
    let rule = HistoryRule::default();
    let all = certificates(
        "chem",
        &rounds,
        CertificatePolicy::default(),
        CertificateScope::AllAnalytes,
        &rule,
    )
    .unwrap();
    assert_eq!(names(&all[0].analytes_not_scored), ["K"]);
    assert!(!all[0].eligible);
}

#[test]
fn the_policy_has_stable_names() {
    assert_eq!(
        "not_unsuccessful".parse::<CertificatePolicy>().unwrap(),
        CertificatePolicy::NotUnsuccessful
    );
    assert_eq!(
        serde_json::to_string(&CertificatePolicy::default()).unwrap(),
        r#""all_rounds_satisfactory""#
    );
    let err = "strict".parse::<CertificatePolicy>().unwrap_err();
    assert_eq!(err.code(), "invalid_parameter");
}
