//! Reports as data (domain §4.2, §9): a laboratory's report and the round
//! summary of a hand-made scoring of glucose, built around the worked
//! example of §4.2 (5.00, 4.60, 4.00, 3.20, 3.70 against 5.25, 5.00, 4.50,
//! 3.50, 4.00 with ±10 %: 4/5 acceptable, 80 %, satisfactory).
#![allow(clippy::unwrap_used)]

use eqa::plan::GroupField;
use eqa::report::{FailureHint, LabReport, RoundSummary, lab_report, round_summary};
use eqa::results::Results;
use eqa::scoring::{
    AnalyteScore, Evaluation, Outcome, PeerGroup, ProgramScore, Reason, RoundScoring,
    ScoringSettings, TargetWarning, Verdict,
};
use rust_decimal::Decimal;

const TARGETS: [f64; 5] = [5.25, 5.00, 4.50, 3.50, 4.00];
const ALLOWED: [f64; 5] = [0.525, 0.5, 0.45, 0.35, 0.4];
const SDS: [f64; 5] = [0.21, 0.2, 0.18, 0.14, 0.16];

const RESULTS: &str = r#"{"submissions": [
  {"lab": "L001", "program": "chem", "round": "2026-1", "analyte": "GLU", "values": [
    {"sample": "S1", "value": "5.00", "row": 2}, {"sample": "S2", "value": "4.60", "row": 3},
    {"sample": "S3", "value": "4.00", "row": 4}, {"sample": "S4", "value": "3.20", "row": 5},
    {"sample": "S5", "value": "3.70", "row": 6}]},
  {"lab": "L002", "program": "chem", "round": "2026-1", "analyte": "GLU", "values": [
    {"sample": "S1", "value": "5.80", "row": 7}, {"sample": "S2", "value": "5.00", "row": 8},
    {"sample": "S3", "value": "4.00", "row": 9}, {"sample": "S4", "value": "3.50", "row": 10},
    {"sample": "S5", "value": "3,9", "row": 11}]},
  {"lab": "L002", "program": "chem", "round": "2026-1", "analyte": "GLU", "status": "draft",
   "values": [{"sample": "S1", "value": "5.9", "row": 12}]},
  {"lab": "L004", "program": "chem", "round": "2026-1", "analyte": "GLU", "values": [
    {"sample": "S1", "value": "5.9", "row": 13}, {"sample": "S2", "value": "5.6", "row": 14},
    {"sample": "S3", "value": "4.5", "row": 15}, {"sample": "S4", "value": "3.5", "row": 16},
    {"sample": "S5", "value": "4.0", "row": 17}]}
]}"#;

/// An evaluation of sample `s` (0-based) against its group's target.
fn eval(
    lab: &str,
    s: usize,
    row: Option<u32>,
    value: Option<f64>,
    verdict: Verdict,
    reason: Option<Reason>,
) -> Evaluation {
    let t = TARGETS[s];
    let bias = value.map(|x| x - t);
    let scored = matches!(verdict, Verdict::Acceptable | Verdict::Unacceptable);
    Evaluation {
        lab: lab.into(),
        analyte: "GLU".into(),
        sample: format!("S{}", s + 1).into(),
        row,
        verdict,
        reason,
        value,
        converted_unit: None,
        target: Some(t),
        allowed: Some(ALLOWED[s]),
        bias,
        bias_percent: bias.map(|b| 100.0 * b / t),
        z: bias.map(|b| b / SDS[s]),
        expected: None,
        vis: None,
        group: scored.then_some(s as u32),
    }
}

fn labs_values(
    lab: &str,
    first_row: u32,
    values: [Option<f64>; 5],
    ok: [bool; 5],
) -> Vec<Evaluation> {
    (0..5)
        .map(|s| {
            let (verdict, reason) = match (ok[s], values[s]) {
                (true, _) => (Verdict::Acceptable, None),
                (false, Some(_)) => (Verdict::Unacceptable, Some(Reason::OutsideLimit)),
                (false, None) => (Verdict::Unacceptable, Some(Reason::UnreadableValue)),
            };
            eval(
                lab,
                s,
                Some(first_row + s as u32),
                values[s],
                verdict,
                reason,
            )
        })
        .collect()
}

fn analyte_score(lab: &str, acceptable: usize, score: f64, outcome: Outcome) -> AnalyteScore {
    AnalyteScore {
        lab: lab.into(),
        analyte: "GLU".into(),
        acceptable,
        scored: 5,
        not_scored: 0,
        score: Some(score),
        threshold: Decimal::from(80),
        outcome,
        mean_vis: None,
    }
}

fn scoring() -> RoundScoring {
    let groups = (0..5)
        .map(|s| PeerGroup {
            analyte: "GLU".into(),
            sample: format!("S{}", s + 1).into(),
            rung: 1,
            key: vec![(GroupField::Method, "hexokinase".into())],
            n: 3,
            n_used: 3,
            target: Some(TARGETS[s]),
            uncertainty: Some(0.05),
            sd: Some(SDS[s]),
            cv: Some(4.0),
            median: Some(TARGETS[s]),
            category: None,
            agreement: None,
            method: "algorithm_a".into(),
            warnings: vec![TargetWarning::SmallGroup],
        })
        .collect();
    let mut evaluations = labs_values(
        "L001",
        2,
        [Some(5.0), Some(4.6), Some(4.0), Some(3.2), Some(3.7)],
        [true, true, false, true, true],
    );
    evaluations.extend(labs_values(
        "L002",
        7,
        [Some(5.8), Some(5.0), Some(4.0), Some(3.5), None],
        [false, true, false, true, false],
    ));
    evaluations.push(eval(
        "L002",
        0,
        Some(12),
        Some(5.9),
        Verdict::NotCounted,
        Some(Reason::Draft),
    ));
    evaluations.extend((0..5).map(|s| {
        eval(
            "L003",
            s,
            None,
            None,
            Verdict::NotReturned,
            Some(Reason::NoSubmission),
        )
    }));
    evaluations.extend(labs_values(
        "L004",
        13,
        [Some(5.9), Some(5.6), Some(4.5), Some(3.5), Some(4.0)],
        [false, false, true, true, true],
    ));
    let outcomes = [
        ("L001", 4, 80.0, Outcome::Satisfactory),
        ("L002", 2, 40.0, Outcome::Unsatisfactory),
        ("L003", 0, 0.0, Outcome::NotReturned),
        ("L004", 3, 60.0, Outcome::Unsatisfactory),
    ];
    RoundScoring {
        program: "chem".into(),
        round: "2026-1".into(),
        settings: ScoringSettings {
            criteria: Some("NCCL/2024/chem".into()),
            boundary: Default::default(),
            program_score: Default::default(),
            late: Default::default(),
            pass_threshold: Decimal::from(80),
            unit: Default::default(),
        },
        groups,
        evaluations,
        analyte_scores: outcomes
            .iter()
            .map(|&(lab, a, score, outcome)| analyte_score(lab, a, score, outcome))
            .collect(),
        program_scores: outcomes
            .iter()
            .map(|&(lab, a, score, outcome)| ProgramScore {
                lab: lab.into(),
                rule: Default::default(),
                acceptable: a,
                scored: 5,
                analytes_scored: 1,
                score: Some(score),
                threshold: Decimal::from(80),
                outcome,
            })
            .collect(),
    }
}

fn results() -> Results {
    serde_json::from_str(RESULTS).unwrap()
}

fn report(lab: &str) -> LabReport {
    lab_report(&results(), &scoring(), lab).unwrap()
}

#[test]
fn the_worked_glucose_example() {
    let r = report("L001");
    assert_eq!(
        (&*r.program, &*r.round, &*r.lab),
        ("chem", "2026-1", "L001")
    );
    assert_eq!(r.settings.criteria.as_deref(), Some("NCCL/2024/chem"));
    assert_eq!(r.program_score.as_ref().unwrap().score, Some(80.0));
    assert_eq!(r.analytes.len(), 1);
    let glu = &r.analytes[0];
    assert_eq!(
        (glu.score, glu.outcome, glu.threshold),
        (
            Some(80.0),
            Some(Outcome::Satisfactory),
            Some(Decimal::from(80))
        )
    );
    assert_eq!((glu.acceptable, glu.scored), (4, 5));
    let texts: Vec<_> = glu
        .samples
        .iter()
        .map(|s| s.reported.as_deref().unwrap())
        .collect();
    assert_eq!(texts, ["5.00", "4.60", "4.00", "3.20", "3.70"]);
    let percents: Vec<_> = glu
        .samples
        .iter()
        .map(|s| (s.bias_percent.unwrap() * 100.0).round() / 100.0)
        .collect();
    assert_eq!(percents, [-4.76, -8.0, -11.11, -8.57, -7.5]);
    let verdicts: Vec<_> = glu.samples.iter().map(|s| s.verdict).collect();
    assert_eq!(verdicts[2], Verdict::Unacceptable);
    assert_eq!(
        verdicts
            .iter()
            .filter(|v| **v == Verdict::Acceptable)
            .count(),
        4
    );
    // One failure: no hint about its kind.
    assert_eq!(glu.failures, None);
    let peer = glu.samples[2].peer.as_ref().unwrap();
    assert_eq!(
        (peer.rung, peer.n, &*peer.method, peer.sd, peer.cv),
        (1, 3, "algorithm_a", Some(0.18), Some(4.0))
    );
    assert_eq!(peer.key, [(GroupField::Method, "hexokinase".into())]);
    assert_eq!(glu.samples[2].z, Some((4.0 - 4.5) / 0.18));
}

#[test]
fn every_value_of_the_lab_is_reported_with_its_text() {
    let r = report("L002");
    let glu = &r.analytes[0];
    assert_eq!(glu.samples.len(), 6);
    let draft = &glu.samples[5];
    assert_eq!(
        (draft.verdict, draft.reason, draft.reported.as_deref()),
        (Verdict::NotCounted, Some(Reason::Draft), Some("5.9"))
    );
    assert_eq!(draft.peer, None);
    let unreadable = &glu.samples[4];
    assert_eq!(
        (unreadable.reported.as_deref(), unreadable.value),
        (Some("3,9"), None)
    );
    // Failures of +0.55 and −0.5 (the unreadable value has no side).
    assert_eq!(glu.failures, Some(FailureHint::Random));
    assert_eq!(
        report("L004").analytes[0].failures,
        Some(FailureHint::Systematic)
    );

    let none = report("L003");
    assert!(
        none.analytes[0]
            .samples
            .iter()
            .all(|s| s.reported.is_none() && s.row.is_none())
    );
    assert_eq!(none.analytes[0].outcome, Some(Outcome::NotReturned));
}

#[test]
fn values_outside_the_scores_are_kept() {
    let mut scoring = scoring();
    let mut stray = scoring.evaluations[0].clone();
    stray.analyte = "XYZ".into();
    stray.verdict = Verdict::NotCounted;
    stray.reason = Some(Reason::NotInPlan);
    scoring.evaluations.push(stray);
    let r = lab_report(&results(), &scoring, "L001").unwrap();
    let xyz = &r.analytes[1];
    assert_eq!(
        (&*xyz.analyte, xyz.outcome, xyz.threshold, xyz.samples.len()),
        ("XYZ", None, None, 1)
    );
    assert_eq!(xyz.samples[0].reported.as_deref(), Some("5.00"));
}

#[test]
fn bad_input_is_named() {
    let err = lab_report(&results(), &scoring(), "L999").unwrap_err();
    assert!(
        matches!(err, eqa::Error::InvalidParameter { name: "lab", .. }),
        "{err:?}"
    );
    let err = lab_report(&Results::default(), &scoring(), "L001").unwrap_err();
    assert!(
        matches!(&err, eqa::Error::InvalidDocument { path, .. } if path == "evaluations[0].row"),
        "{err:?}"
    );
    let mut broken = scoring();
    broken.evaluations[1].group = Some(40);
    let err = lab_report(&results(), &broken, "L001").unwrap_err();
    assert!(
        matches!(&err, eqa::Error::InvalidDocument { path, .. } if path == "evaluations[1].group"),
        "{err:?}"
    );
    let err = round_summary(&broken).unwrap_err();
    assert_eq!(err.code(), "invalid_document");
}

#[test]
fn the_round_summary() {
    let summary = round_summary(&scoring()).unwrap();
    assert_eq!(summary.groups.len(), 5);
    let rates: Vec<_> = summary
        .groups
        .iter()
        .map(|g| g.acceptance_rate.unwrap())
        .collect();
    assert_eq!(
        rates,
        [100.0 / 3.0, 200.0 / 3.0, 100.0 / 3.0, 100.0, 200.0 / 3.0]
    );
    let g = &summary.groups[3];
    assert_eq!(
        (
            g.scored,
            g.acceptable,
            g.group.n,
            g.group.n_used,
            g.group.target,
            g.group.median
        ),
        (3, 3, 3, 3, Some(3.5), Some(3.5))
    );
    assert_eq!(g.group.warnings, [TargetWarning::SmallGroup]);
    let t = &summary.analytes[0];
    assert_eq!(
        (
            &*t.analyte,
            t.labs,
            t.scored,
            t.acceptable,
            t.satisfactory_labs,
            t.unsatisfactory_labs,
            t.not_returned,
            t.late
        ),
        ("GLU", 4, 20, 9, 1, 2, 1, 0)
    );
}

#[test]
fn json_forms_read_back() {
    let r = report("L002");
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["analytes"][0]["failures"], "random");
    assert_eq!(json["analytes"][0]["threshold"], "80");
    assert_eq!(
        json["analytes"][0]["samples"][0]["peer"]["key"][0][0],
        "method"
    );
    assert_eq!(serde_json::from_value::<LabReport>(json).unwrap(), r);
    let s = round_summary(&scoring()).unwrap();
    let back: RoundSummary = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
    assert_eq!(back, s);
    let scoring_back: RoundScoring =
        serde_json::from_str(&serde_json::to_string(&scoring()).unwrap()).unwrap();
    assert_eq!(scoring_back, scoring());
}

#[test]
fn lab_report_csv() {
    let csv = report("L002").to_csv();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    assert_eq!(header.len(), 29);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 6);
    let cell = |row: usize, name: &str| {
        rows[row][header.iter().position(|h| h == name).unwrap()].to_owned()
    };
    assert_eq!(cell(4, "reported"), "3,9");
    assert!(csv.contains(",\"3,9\","), "{csv}");
    assert_eq!(cell(0, "bias"), format!("{}", 5.8 - 5.25));
    assert_eq!(cell(0, "bias").parse::<f64>().unwrap(), 5.8 - 5.25);
    assert_eq!(cell(4, "value"), "");
    assert_eq!(cell(4, "converted_unit"), "");
    assert_eq!(cell(4, "reason"), "unreadable_value");
    assert_eq!(cell(5, "verdict"), "not_counted");
    assert_eq!(cell(5, "group_key"), "");
    assert_eq!(cell(0, "group_key"), "method=hexokinase");
    assert_eq!(
        (cell(0, "score"), cell(0, "threshold"), cell(0, "outcome")),
        ("40".into(), "80".into(), "unsatisfactory".into())
    );
    assert_eq!(cell(0, "failures"), "random");
    let first = csv.lines().nth(1).unwrap();
    assert_eq!(
        first,
        format!(
            "chem,2026-1,L002,GLU,40,80,unsatisfactory,,random,S1,7,5.80,5.8,,5.25,0.525,{},{},{},unacceptable,outside_limit,,,1,method=hexokinase,3,algorithm_a,0.21,4",
            5.8 - 5.25,
            100.0 * (5.8 - 5.25) / 5.25,
            (5.8 - 5.25) / 0.21
        )
    );
}

#[test]
fn round_summary_csv() {
    let csv = round_summary(&scoring()).unwrap().to_csv();
    let lines: Vec<_> = csv.lines().collect();
    assert_eq!(lines.len(), 6);
    assert_eq!(
        lines[0],
        "program,round,analyte,sample,rung,key,n,n_used,target,uncertainty,sd,cv,median,category,agreement,method,warnings,scored,acceptable,acceptance_rate"
    );
    assert_eq!(
        lines[1],
        "chem,2026-1,GLU,S1,1,method=hexokinase,3,3,5.25,0.05,0.21,4,5.25,,,algorithm_a,small_group,3,1,33.333333333333336"
    );
}
