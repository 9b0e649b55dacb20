//! The synthetic round generator: determinism, the exact accounting of its
//! values, every incident kind, and documents that load back.

#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, HashMap};

use eqa::plan::Plan;
use eqa::plan::criteria::Criteria;
use eqa::results::Status;
use eqa::synthetic::{BLOOD_GROUP, DIPSTICK, PROGRAM};
use eqa::synthetic::{IncidentKind, Synthetic, SyntheticOptions, synthetic_round};

fn generate(labs: usize, seed: u64, rounds: usize) -> Synthetic {
    synthetic_round(&SyntheticOptions {
        labs,
        seed,
        rounds,
        full_menu: false,
    })
    .unwrap()
}

fn default() -> Synthetic {
    synthetic_round(&SyntheticOptions::default()).unwrap()
}

/// The enrolments of program `C1`.
fn c1_enrollments(data: &Synthetic) -> Vec<&eqa::results::Enrollment> {
    let all = data.results.enrollments.iter();
    all.filter(|e| &*e.program == PROGRAM).collect()
}

#[test]
fn the_same_seed_gives_the_same_data_and_another_seed_other_data() {
    let a = generate(60, 11, 2);
    assert_eq!(a, generate(60, 11, 2));
    let b = generate(60, 12, 2);
    assert_eq!(a.plan.programs[0].analytes, b.plan.programs[0].analytes);
    assert_ne!(a.results, b.results);
    assert_eq!(a.plan, b.plan, "the plan does not depend on the seed");
}

#[test]
fn a_laboratory_does_not_change_with_the_number_of_laboratories() {
    let small = generate(50, 5, 1);
    let large = generate(300, 5, 1);
    assert_eq!(c1_enrollments(&small)[..50], c1_enrollments(&large)[..50]);
    // The programs of words too: the first 50 laboratories take part alike.
    let words = |data: &Synthetic| -> Vec<eqa::results::Enrollment> {
        let codes: Vec<_> = c1_enrollments(&small)[..50]
            .iter()
            .map(|e| e.lab.clone())
            .collect();
        let all = data.results.enrollments.iter();
        all.filter(|e| &*e.program != PROGRAM && codes.contains(&e.lab))
            .cloned()
            .collect()
    };
    assert_eq!(words(&small), words(&large));
}

/// In `C1`, values = 5 × Σ over rounds and laboratories of (analytes
/// enrolled × copies), copies 0 when not returned, 2 when resubmitted, 1
/// otherwise (drafts and late submissions included); in the programs of
/// words, 5 per analyte, laboratory and round.
#[test]
fn every_value_is_accounted_for() {
    let data = default();
    let program = &data.plan.programs[0];
    let enrolled: HashMap<&str, usize> = c1_enrollments(&data)
        .iter()
        .map(|e| (&*e.lab, e.analytes.len()))
        .collect();
    let mut kinds: HashMap<(&str, &str), IncidentKind> = HashMap::new();
    for i in data
        .incidents
        .iter()
        .filter(|i| i.kind != IncidentKind::AboMistyped)
    {
        if let Some(round) = &i.round {
            assert!(
                kinds.insert((&*i.lab, &**round), i.kind).is_none(),
                "one incident per lab and round"
            );
        }
    }
    let mut expected = 0;
    for round in &program.rounds {
        for e in c1_enrollments(&data) {
            let copies = match kinds.get(&(&*e.lab, round.code.as_str())) {
                Some(IncidentKind::NotReturned) => 0,
                Some(IncidentKind::Resubmitted) => 2,
                _ => 1,
            };
            expected += 5 * enrolled[&*e.lab] * copies;
        }
    }
    let values_of = |program: &str| -> usize {
        let all = data.results.submissions.iter();
        all.filter(|s| &*s.program == program)
            .map(|s| s.values.len())
            .sum()
    };
    assert_eq!(values_of(PROGRAM), expected);
    // 300 laboratories and one enrolled for the whole program that sends nothing.
    assert_eq!(c1_enrollments(&data).len(), 301);
    let silent = c1_enrollments(&data)[300];
    assert!(silent.analytes.is_empty());
    assert!(data.results.submissions.iter().all(|s| s.lab != silent.lab));
    for (code, analytes) in [(BLOOD_GROUP, 2), (DIPSTICK, 3)] {
        let takers = data
            .results
            .enrollments
            .iter()
            .filter(|e| &*e.program == code);
        let takers = takers.count();
        assert!(takers > 100 && takers < 300, "{code}: {takers}");
        assert_eq!(values_of(code), takers * analytes * 5 * 3, "{code}");
    }
    let expected = data.results.value_count();
    assert_eq!(program.rounds.len(), 3);
    assert!(program.rounds.iter().all(|r| r.samples.len() == 5));
    assert!(data.results.submissions.iter().all(|s| s.values.len() == 5));
    // Rows are unique, consecutive and start after a CSV header.
    let rows: Vec<u32> = data
        .results
        .submissions
        .iter()
        .flat_map(|s| s.values.iter().map(|v| v.row))
        .collect();
    assert_eq!(rows, (2..2 + expected as u32).collect::<Vec<_>>());
    // Drafts are those of the draft-only laboratories; version 2 those of the resubmitters.
    let count = |kind| data.incidents.iter().filter(|i| i.kind == kind).count();
    let drafts: std::collections::BTreeSet<_> = data
        .results
        .submissions
        .iter()
        .filter(|s| s.status == Status::Draft)
        .map(|s| (s.lab.clone(), s.round.clone()))
        .collect();
    assert_eq!(drafts.len(), count(IncidentKind::DraftOnly));
    let second: std::collections::BTreeSet<_> = data
        .results
        .submissions
        .iter()
        .filter(|s| s.version == 2)
        .map(|s| (s.lab.clone(), s.round.clone()))
        .collect();
    assert_eq!(second.len(), count(IncidentKind::Resubmitted));
}

#[test]
fn every_incident_kind_is_present_in_every_round_at_300_labs() {
    let data = default();
    let mut per_round: BTreeMap<Option<&str>, BTreeMap<IncidentKind, usize>> = BTreeMap::new();
    for i in &data.incidents {
        *per_round
            .entry(i.round.as_deref())
            .or_default()
            .entry(i.kind)
            .or_default() += 1;
    }
    assert_eq!(
        per_round[&None],
        BTreeMap::from([
            (IncidentKind::Biased, 9),
            (IncidentKind::UnitSpelling, 8),
            (IncidentKind::InstrumentSpelling, 32),
            (IncidentKind::SilentEnrolment, 1),
        ])
    );
    for round in ["2026-1", "2026-2", "2026-3"] {
        let kinds = &per_round[&Some(round)];
        let expected = BTreeMap::from([
            (IncidentKind::NotReturned, 6),
            (IncidentKind::DraftOnly, 3),
            (IncidentKind::Resubmitted, 9),
            (IncidentKind::Late, 5),
            (IncidentKind::GlucoseInMgDl, 3),
            (IncidentKind::CreatinineInMgDl, 2),
            (IncidentKind::SwappedSamples, 3),
            (IncidentKind::Transcription, 3),
            (IncidentKind::AboMistyped, 2),
        ]);
        assert_eq!(kinds, &expected, "{round}");
    }
}

#[test]
fn late_submissions_come_after_the_deadline_and_the_others_before() {
    let data = default();
    let program = &data.plan.programs[0];
    let late: std::collections::HashSet<_> = data
        .incidents
        .iter()
        .filter(|i| i.kind == IncidentKind::Late)
        .map(|i| (i.lab.clone(), i.round.clone().unwrap()))
        .collect();
    for s in data
        .results
        .submissions
        .iter()
        .filter(|s| &*s.program == PROGRAM)
    {
        let round = program.round(&s.round).unwrap();
        let at = s.submitted_at.unwrap();
        assert!(at > round.opens.unwrap());
        let is_late = late.contains(&(s.lab.clone(), s.round.clone()));
        assert_eq!(at > round.deadline, is_late, "{} {}", s.lab, s.round);
    }
}

#[test]
fn values_are_rounded_to_the_reporting_precision_and_unit_mix_ups_are_visible() {
    let data = default();
    let of = |kind| -> std::collections::HashSet<_> {
        data.incidents
            .iter()
            .filter(|i| i.kind == kind && i.analytes.iter().any(|a| &**a == "GLU"))
            .map(|i| (i.lab.clone(), i.round.clone().unwrap()))
            .collect()
    };
    let mixed = of(IncidentKind::GlucoseInMgDl);
    let mut slipped = of(IncidentKind::Transcription);
    slipped.extend(of(IncidentKind::Resubmitted));
    assert_eq!(mixed.len(), 9);
    let mut seen = 0;
    for s in data
        .results
        .submissions
        .iter()
        .filter(|s| &*s.analyte == "GLU")
    {
        assert_eq!(s.unit.as_deref(), Some("mmol/L"));
        let key = (s.lab.clone(), s.round.clone());
        for v in &s.values {
            let x = v.value.as_f64().unwrap();
            if mixed.contains(&key) {
                assert!(x >= 45.0 && !v.value.text().contains('.'), "{}", v.value);
                seen += 1;
            } else if !slipped.contains(&key) {
                assert!((1.0..45.0).contains(&x), "{} {}", s.lab, v.value);
                let decimals = v.value.text().split('.').nth(1).map(str::len);
                assert_eq!(decimals, Some(2), "{}", v.value);
            }
        }
    }
    assert_eq!(seen, 9 * 5);
}

#[test]
fn submissions_pass_validation_and_glucose_in_mg_dl_is_implausible() {
    use eqa::results::validation::{IssueCode, validate_submission};
    let data = default();
    let round = "2026-1";
    let involved: std::collections::HashSet<_> = data
        .incidents
        .iter()
        .filter(|i| i.round.as_deref().is_none_or(|r| r == round))
        .map(|i| i.lab.clone())
        .collect();
    let of = |lab: &str| -> Vec<_> {
        let mine = data.results.submissions.iter();
        mine.filter(|s| &*s.lab == lab && &*s.round == round && &*s.program == PROGRAM)
            .cloned()
            .collect()
    };
    let plain = data.results.enrollments.iter().map(|e| &e.lab);
    for lab in plain.filter(|l| !involved.contains(*l)).take(20) {
        let report = validate_submission(&data.plan, "C1", round, &of(lab), None);
        assert!(
            report.valid && report.issues.is_empty(),
            "{lab}: {:?}",
            report.issues
        );
    }
    for i in data
        .incidents
        .iter()
        .filter(|i| i.kind == IncidentKind::GlucoseInMgDl && i.round.as_deref() == Some(round))
    {
        let report = validate_submission(&data.plan, "C1", round, &of(&i.lab), None);
        assert!(report.valid, "a warning, not an error");
        let flagged = report
            .issues
            .iter()
            .filter(|x| x.code == IssueCode::ImplausibleValue);
        assert!(flagged.clone().count() >= 1);
        assert!(flagged.clone().all(|x| x.analyte.as_deref() == Some("GLU")));
    }
}

#[test]
fn the_documents_load_back() {
    let data = generate(40, 3, 3);
    let plan = Plan::from_json(&data.plan.to_json()).unwrap();
    assert_eq!(plan, data.plan);
    let c1 = plan.program("C1").unwrap();
    assert_eq!(c1.analytes.len(), 30);
    assert!(c1.accredited);
    let ungraded: Vec<_> = c1
        .analytes
        .iter()
        .filter(|a| !a.graded)
        .map(|a| a.code.as_str())
        .collect();
    assert_eq!(ungraded, ["TBA", "GA"]);
    let invalidated: Vec<_> = c1
        .rounds
        .iter()
        .flat_map(|r| {
            r.samples
                .iter()
                .filter(|s| s.invalidated_for("CK").is_some())
                .map(|s| s.code.as_str())
        })
        .collect();
    assert_eq!(invalidated, ["202624"]);
    let criteria = Criteria::from_json(&serde_json::to_string(&data.criteria).unwrap()).unwrap();
    let (table, glu) = criteria.find("CQCCL", 2026, "C1", "GLU").unwrap();
    assert_eq!(glu.limit.to_string(), "±7%");
    assert!(table.source.contains("adopted by CQCCL 2026"));
    assert!(criteria.find("CQCCL", 2026, "C1", "TBA").is_none());
    let text = serde_json::to_string(&data).unwrap();
    let back: Synthetic = serde_json::from_str(&text).unwrap();
    assert_eq!(back, data);
}

/// National size: 12,000 laboratories, about 1.5 million values a round
/// (run with `cargo test --release -p eqa --test synthetic -- --ignored`).
#[test]
#[ignore = "national size; run in release"]
fn national_size() {
    let start = std::time::Instant::now();
    let data = generate(12_000, 2026, 1);
    let elapsed = start.elapsed();
    let n = data.results.value_count();
    println!("{n} values in {elapsed:?}");
    assert!((1_500_000..1_900_000).contains(&n), "{n}");
}

#[test]
fn the_generated_year_scores_end_to_end() {
    use eqa::scoring::{Outcome, Verdict};
    let data = generate(300, 2026, 2);
    let year = eqa::score_year(&data.plan, &data.criteria, &data.results, "C1").unwrap();
    assert_eq!(year.len(), 2);
    for scoring in &year {
        let round = Some(scoring.round.clone());
        let of = |kind| {
            let round = round.clone();
            data.incidents
                .iter()
                .filter(move |i| i.kind == kind && i.round == round)
        };
        let outcome = |lab: &str| {
            let score = scoring.program_scores.iter().find(|p| &*p.lab == lab);
            score.map(|p| p.outcome)
        };
        // Most laboratories are satisfactory; each not returned, draft-only
        // or late one has that outcome.
        assert_eq!(scoring.program_scores.len(), 301);
        let satisfactory = scoring
            .program_scores
            .iter()
            .filter(|p| p.outcome == Outcome::Satisfactory)
            .count();
        assert!(satisfactory >= 270, "{satisfactory}");
        for i in of(IncidentKind::NotReturned).chain(of(IncidentKind::DraftOnly)) {
            assert_eq!(outcome(&i.lab), Some(Outcome::NotReturned), "{}", i.lab);
        }
        for i in of(IncidentKind::Late) {
            assert_eq!(outcome(&i.lab), Some(Outcome::Late), "{}", i.lab);
        }
        // Unit mix-ups: every value of the analyte unacceptable, the analyte unsatisfactory.
        for i in of(IncidentKind::GlucoseInMgDl).chain(of(IncidentKind::CreatinineInMgDl)) {
            let analyte = &i.analytes[0];
            let verdicts: Vec<Verdict> = scoring
                .evaluations
                .iter()
                .filter(|e| e.lab == i.lab && e.analyte == *analyte)
                .map(|e| e.verdict)
                .collect();
            assert_eq!(verdicts, [Verdict::Unacceptable; 5], "{} {analyte}", i.lab);
            let score = scoring
                .analyte_scores
                .iter()
                .find(|s| s.lab == i.lab && s.analyte == *analyte)
                .unwrap();
            assert_eq!(
                (score.score, score.outcome),
                (Some(0.0), Outcome::Unsatisfactory)
            );
        }
        // A shifted value is unacceptable; a resubmission's first version is not counted.
        for i in of(IncidentKind::Transcription) {
            let e = scoring
                .evaluations
                .iter()
                .find(|e| e.lab == i.lab && e.analyte == i.analytes[0] && e.sample == i.samples[0])
                .unwrap();
            assert_eq!(e.verdict, Verdict::Unacceptable, "{}", i.detail);
        }
        for i in of(IncidentKind::Resubmitted) {
            let verdicts: Vec<Verdict> = scoring
                .evaluations
                .iter()
                .filter(|e| {
                    e.lab == i.lab && e.analyte == i.analytes[0] && e.sample == i.samples[0]
                })
                .map(|e| e.verdict)
                .collect();
            assert_eq!(verdicts.len(), 2);
            assert!(verdicts.contains(&Verdict::NotCounted), "{}", i.detail);
        }
        // Ungraded analytes and the invalidated sample are not scored.
        for e in scoring.evaluations.iter().filter(|e| &*e.analyte == "TBA") {
            assert!(matches!(
                e.verdict,
                Verdict::NotScored | Verdict::NotCounted | Verdict::NotReturned | Verdict::Late
            ));
        }
        if &*scoring.round == "2026-2" {
            let ck = scoring
                .evaluations
                .iter()
                .filter(|e| &*e.analyte == "CK" && &*e.sample == "202624");
            assert!(ck.clone().count() > 200);
            assert!(ck.clone().all(|e| e.verdict != Verdict::Acceptable && e.verdict != Verdict::Unacceptable));
        }
    }
}

#[test]
fn spellings_whole_program_enrolment_and_programs_of_words_are_handled() {
    use eqa::plan::GroupField;
    use eqa::scoring::{Outcome, Reason, Verdict};
    let data = default();
    let score = |program| eqa::score_year(&data.plan, &data.criteria, &data.results, program);
    let (c1, blood, dipstick) = (
        score(PROGRAM).unwrap(),
        score(BLOOD_GROUP).unwrap(),
        score(DIPSTICK).unwrap(),
    );
    let of = |kind| data.incidents.iter().filter(move |i| i.kind == kind);
    let spellings: Vec<&str> = data
        .plan
        .aliases
        .instrument
        .keys()
        .map(String::as_str)
        .collect();
    for s in &c1 {
        // The laboratory enrolled with an empty list is not returned in every round.
        for i in of(IncidentKind::SilentEnrolment) {
            let p = s.program_scores.iter().find(|p| p.lab == i.lab).unwrap();
            assert_eq!(p.outcome, Outcome::NotReturned);
            let analytes = s.analyte_scores.iter().filter(|a| a.lab == i.lab).count();
            assert_eq!(analytes, 30, "every analyte of the program");
        }
        // µ written μ or u is the unit: no value is refused for its unit.
        for i in of(IncidentKind::UnitSpelling) {
            let mine = s
                .evaluations
                .iter()
                .filter(|e| e.lab == i.lab && i.analytes.contains(&e.analyte));
            assert!(
                mine.clone().all(|e| e.reason != Some(Reason::WrongUnit)),
                "{}",
                i.lab
            );
        }
        // No peer group is keyed by a spelling: the alias table joined them.
        for g in &s.groups {
            for (field, value) in &g.key {
                assert!(
                    !(*field == GroupField::Instrument && spellings.contains(&&**value)),
                    "{value}"
                );
            }
        }
    }
    assert!(of(IncidentKind::InstrumentSpelling).count() > 10);
    // One ABO group wrong of five is 80 %, unsatisfactory at the table's 100 %.
    for i in of(IncidentKind::AboMistyped) {
        let s = blood
            .iter()
            .find(|s| Some(&s.round) == i.round.as_ref())
            .unwrap();
        let abo = s
            .analyte_scores
            .iter()
            .find(|a| a.lab == i.lab && &*a.analyte == "ABO")
            .unwrap();
        assert_eq!(
            (abo.score, abo.outcome),
            (Some(80.0), Outcome::Unsatisfactory),
            "{}",
            i.lab
        );
        let program = s.program_scores.iter().find(|p| p.lab == i.lab).unwrap();
        assert_eq!(program.outcome, Outcome::Unsatisfactory);
    }
    // Dipstick readings spread over three grades, yet every sample has a
    // target by the grade window.
    for s in &dipstick {
        assert!(
            s.groups
                .iter()
                .all(|g| g.category.is_some() && g.agreement >= Some(90.0))
        );
        let unscored = s
            .evaluations
            .iter()
            .filter(|e| e.verdict == Verdict::NotScored);
        assert_eq!(unscored.count(), 0);
    }
}
