//! Hospital indicators (domain §6): the worked example of
//! docs/indicators.md under every policy, validation, aggregates, CSV and
//! the outcomes built from round scoring.
#![allow(clippy::unwrap_used, reason = "test helpers build known-good fixtures")]

use eqa::indicators::*;
use eqa::plan::Plan;
use eqa::scoring::{AnalyteScore, Outcome, RoundScoring, ScoringSettings};
use rust_decimal::Decimal;
use serde_json::Value;

const EXAMPLE: &str = include_str!("../../data/catalogue/worked-example.json");

struct Example {
    catalogue: Catalogue,
    mapping: Mapping,
    hospital: Hospital,
    outcomes: Vec<ItemOutcome>,
    national: Vec<ItemOutcome>,
}

fn example() -> Example {
    let v: Value = serde_json::from_str(EXAMPLE).unwrap();
    Example {
        catalogue: Catalogue::sample().unwrap(),
        mapping: Mapping::sample().unwrap(),
        hospital: serde_json::from_value(v["hospital"].clone()).unwrap(),
        outcomes: serde_json::from_value(v["outcomes"].clone()).unwrap(),
        national: serde_json::from_value(v["national_outcomes"].clone()).unwrap(),
    }
}

fn cq() -> ProviderScope {
    ProviderScope::Province("CQCCL".into())
}

fn run(
    e: &Example,
    outcomes: &[ItemOutcome],
    scope: &ProviderScope,
    p: IndicatorPolicies,
) -> HospitalIndicators {
    hospital_indicators(&e.catalogue, &e.mapping, &e.hospital, outcomes, scope, &p).unwrap()
}

fn fraction(i: &Indicator) -> (usize, usize) {
    (i.numerator, i.denominator)
}

const K: &str = "02.04.001";
const NA: &str = "02.04.002";
const GLU: &str = "02.02.001";
const ALT: &str = "02.05.001";
const AST: &str = "02.05.002";
const CREA: &str = "02.07.002";
const HB: &str = "01.01.001";
const RBC: &str = "01.01.002";
const WBC: &str = "01.01.004";
const PLT: &str = "01.01.005";
const EOFT: &str = "01.02.001";
const P3: &str = "01.03.005";

fn sorted(items: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = items.iter().map(|s| (*s).to_owned()).collect();
    v.sort();
    v
}

#[test]
fn the_sample_catalogue_and_mapping_agree() {
    let catalogue = Catalogue::sample().unwrap();
    let mapping = Mapping::sample().unwrap();
    assert_eq!(catalogue.items().count(), 56);
    assert!(validate_inputs(&catalogue, &mapping, &[], &[]).is_clean());
    let c1 = [
        "K", "NA", "CL", "CA", "P", "GLU", "UREA", "UA", "CREA", "ALB", "TP", "TC", "TG", "ALT",
        "AST", "TBIL", "DBIL", "FE", "MG", "ALP", "AMY", "CK", "LDH", "GGT", "HBDH", "CHE", "TBA",
        "GA", "TIBC", "LPS",
    ];
    let programs: [(&str, &[&str]); 5] = [
        ("C1", &c1),
        ("C3", &["PH", "PCO2", "PO2"]),
        (
            "H1",
            &["HB", "WBC", "RBC", "PLT", "HCT", "MCV", "MCH", "MCHC"],
        ),
        ("H2", &["PT", "INR", "APTT", "FIB", "TT"]),
        ("I1", &["HBSAG", "HBSAB", "HBEAG", "HBEAB", "HBCAB"]),
    ];
    for (program, analytes) in programs {
        for analyte in analytes {
            assert!(
                mapping.item("CQCCL", program, analyte).is_some(),
                "{program}/{analyte}"
            );
        }
    }
    // Potassium is covered by routine chemistry and blood gas at NCCL.
    assert_eq!(
        mapping.item("NCCL", "NCCL-C-05", "K"),
        mapping.item("NCCL", "NCCL-C-01", "K")
    );
    assert_eq!(mapping.offered(&cq()).len(), 50);
    assert_eq!(mapping.offered(&ProviderScope::National).len(), 50);
    assert_eq!(
        mapping.level("NCCL"),
        Some(eqa::plan::ProviderLevel::National)
    );
}

#[test]
fn the_worked_example_under_the_defaults() {
    let e = example();
    let r = run(&e, &e.outcomes, &cq(), IndicatorPolicies::default());
    assert_eq!(fraction(&r.participation_rate), (9, 10));
    assert_eq!(r.participation_rate.value, Some(90.0));
    assert_eq!(
        r.participation_rate.denominator_items,
        sorted(&[K, NA, GLU, ALT, AST, CREA, HB, RBC, WBC, PLT])
    );
    assert_eq!(
        r.participation_rate.numerator_items,
        sorted(&[K, NA, GLU, ALT, AST, CREA, HB, WBC, PLT])
    );
    assert_eq!(fraction(&r.pass_rate), (6, 8));
    assert_eq!(r.pass_rate.value, Some(75.0));
    assert_eq!(
        r.pass_rate.numerator_items,
        sorted(&[K, NA, CREA, HB, WBC, PLT])
    );
    assert_eq!(
        r.pass_rate.denominator_items,
        sorted(&[K, NA, GLU, ALT, CREA, HB, WBC, PLT])
    );
    assert_eq!(fraction(&r.fail_rate), (2, 8));
    assert_eq!(r.fail_rate.numerator_items, sorted(&[GLU, ALT]));
    assert_eq!(fraction(&r.alternative_usage_rate), (2, 2));
    assert_eq!(
        r.alternative_usage_rate.denominator_items,
        sorted(&[EOFT, P3])
    );
    assert_eq!(fraction(&r.national_passed_items), (0, 0));
    assert_eq!(r.national_passed_items.value, Some(0.0));
    // Policies are echoed.
    assert_eq!(r.policies, IndicatorPolicies::default());
    assert_eq!(
        r.pass_rate.policies["year_pass"],
        "all_scored_rounds_satisfactory"
    );
    assert_eq!(r.pass_rate.policies["scope"], "province:CQCCL");
    assert_eq!(r.participation_rate.policies["participation"], "enrolled");
    assert_eq!(
        r.alternative_usage_rate.policies["alternative_rule"],
        "min_samples=5, min_events=2, min_agreement=80"
    );
    // Every outcome was used, every input is clean.
    assert_eq!(r.outcomes.used, 10);
    assert!(r.issues.is_empty(), "{:?}", r.issues);
    // Item details.
    let item = |code: &str| r.items.iter().find(|i| i.item == code).unwrap();
    assert_eq!(r.items.len(), 12);
    assert_eq!(item(GLU).status, ItemStatus::Failed);
    assert_eq!(item(GLU).coverages.len(), 2);
    assert_eq!(item(AST).status, ItemStatus::NotEvaluated);
    assert_eq!(item(RBC).status, ItemStatus::NotParticipated);
    assert_eq!(item(EOFT).status, ItemStatus::NotOffered);
    assert!(item(EOFT).alternative.as_ref().unwrap().meets_rule);
    assert!(!item(P3).alternative.as_ref().unwrap().meets_rule);
    assert_eq!(item(HB).name.as_deref(), Some("血红蛋白测定"));
}

#[test]
fn the_worked_example_under_each_policy() {
    let e = example();
    let d = IndicatorPolicies::default();
    type Row = (
        IndicatorPolicies,
        (usize, usize),
        (usize, usize),
        (usize, usize),
        (usize, usize),
    );
    let rows: [Row; 8] = [
        (d, (9, 10), (6, 8), (2, 8), (2, 2)),
        (
            IndicatorPolicies {
                participation: ParticipationPolicy::Returned,
                ..d
            },
            (8, 10),
            (6, 7),
            (1, 7),
            (2, 2),
        ),
        (
            IndicatorPolicies {
                year_pass: YearPassPolicy::NotUnsuccessful,
                ..d
            },
            (9, 10),
            (7, 8),
            (1, 8),
            (2, 2),
        ),
        (
            IndicatorPolicies {
                year_pass: YearPassPolicy::MajorityOfRounds,
                ..d
            },
            (9, 10),
            (6, 8),
            (2, 8),
            (2, 2),
        ),
        (
            IndicatorPolicies {
                combination: CombinationPolicy::AnyPasses,
                ..d
            },
            (9, 10),
            (7, 8),
            (1, 8),
            (2, 2),
        ),
        (
            IndicatorPolicies {
                unscored: UnscoredPolicy::CountedAsFailed,
                ..d
            },
            (9, 10),
            (6, 9),
            (3, 9),
            (2, 2),
        ),
        (
            IndicatorPolicies {
                alternative_counting: AlternativeCounting::MeetsRule,
                ..d
            },
            (9, 10),
            (6, 8),
            (2, 8),
            (1, 2),
        ),
        (
            IndicatorPolicies {
                alternative_counting: AlternativeCounting::MeetsRule,
                alternative_rule: AlternativeRule::new(5, 1, 80.0).unwrap(),
                ..d
            },
            (9, 10),
            (6, 8),
            (2, 8),
            (2, 2),
        ),
    ];
    for (policies, participation, pass, fail, alternative) in rows {
        let r = run(&e, &e.outcomes, &cq(), policies);
        assert_eq!(
            fraction(&r.participation_rate),
            participation,
            "{policies:?}"
        );
        assert_eq!(fraction(&r.pass_rate), pass, "{policies:?}");
        assert_eq!(fraction(&r.fail_rate), fail, "{policies:?}");
        assert_eq!(
            fraction(&r.alternative_usage_rate),
            alternative,
            "{policies:?}"
        );
        assert_eq!(r.policies, policies);
    }
    let returned = run(
        &e,
        &e.outcomes,
        &cq(),
        IndicatorPolicies {
            participation: ParticipationPolicy::Returned,
            ..d
        },
    );
    assert_eq!(returned.pass_rate.value, Some(600.0 / 7.0));
    let unscored = run(
        &e,
        &e.outcomes,
        &cq(),
        IndicatorPolicies {
            unscored: UnscoredPolicy::CountedAsFailed,
            ..d
        },
    );
    assert_eq!(unscored.fail_rate.numerator_items, sorted(&[GLU, ALT, AST]));
}

#[test]
fn the_worked_example_with_national_eqa() {
    let e = example();
    let all: Vec<ItemOutcome> = e.outcomes.iter().chain(&e.national).cloned().collect();
    let d = IndicatorPolicies::default();
    let national = run(&e, &all, &ProviderScope::National, d);
    assert_eq!(fraction(&national.participation_rate), (2, 10));
    assert_eq!(fraction(&national.pass_rate), (1, 2));
    assert_eq!(national.pass_rate.numerator_items, [GLU]);
    assert_eq!(fraction(&national.national_passed_items), (1, 2));
    assert_eq!(national.national_passed_items.value, Some(1.0));
    // The count does not depend on the scope asked for.
    let provincial = run(&e, &all, &cq(), d);
    assert_eq!(fraction(&provincial.pass_rate), (6, 8));
    assert_eq!(provincial.national_passed_items.value, Some(1.0));
    assert_eq!(
        provincial.national_passed_items.policies["scope"],
        "national"
    );
    // Either level: K fails at NCCL-C-05, GLU at the emergency laboratory.
    let either = run(&e, &all, &ProviderScope::NationalOrProvincial, d);
    assert_eq!(fraction(&either.participation_rate), (9, 10));
    assert_eq!(fraction(&either.pass_rate), (5, 8));
    assert_eq!(either.fail_rate.numerator_items, sorted(&[K, GLU, ALT]));
    for (policies, count) in [
        (
            IndicatorPolicies {
                combination: CombinationPolicy::AnyPasses,
                ..d
            },
            2,
        ),
        (
            IndicatorPolicies {
                year_pass: YearPassPolicy::NotUnsuccessful,
                ..d
            },
            2,
        ),
        (
            IndicatorPolicies {
                year_pass: YearPassPolicy::MajorityOfRounds,
                ..d
            },
            1,
        ),
    ] {
        assert_eq!(
            run(&e, &all, &cq(), policies).national_passed_items.value,
            Some(count as f64)
        );
    }
}

#[test]
fn validation_reports_every_problem_and_drops_nothing() {
    let e = example();
    let mut hospital = e.hospital.clone();
    hospital.laboratories[0].performed.push("99.99.999".into());
    hospital.laboratories[0].performed.push(K.into());
    hospital.alternative[0].agreeing = 6;
    hospital.alternative.push(hospital.alternative[2].clone());
    hospital.alternative.push(AlternativeAssessment {
        item: HB.into(),
        date: "2024-12-31".into(),
        ..hospital.alternative[2].clone()
    });
    let mut outcomes = e.outcomes.clone();
    let extra = |program: &str, analyte: &str, lab: &str, year| ItemOutcome {
        provider: "CQCCL".into(),
        program: program.into(),
        analyte: analyte.into(),
        lab: lab.into(),
        year,
        rounds: vec![Outcome::Satisfactory],
    };
    outcomes.push(extra("C1", "TBIL", "CQ-0101", Some(2025))); // 10: not ticked
    outcomes.push(extra("C9", "CYSC", "CQ-0101", Some(2025))); // 11: unmapped
    outcomes.push(e.outcomes[0].clone()); // 12: duplicate
    outcomes.push(extra("C1", "K", "CQ-0101", Some(2024))); // 13: other year
    outcomes.push(extra("C1", "K", "CQ-9999", Some(2025))); // 14: no hospital
    let mut mapping = e.mapping.clone();
    mapping.entries.push(MappingEntry {
        provider: "CQCCL".into(),
        program: "C1".into(),
        analyte: "K".into(),
        item: NA.into(),
    });
    mapping.entries.push(MappingEntry {
        provider: "XX".into(),
        program: "X".into(),
        analyte: "X".into(),
        item: "00".into(),
    });

    let report = validate_inputs(
        &e.catalogue,
        &mapping,
        &[hospital.clone(), hospital.clone()],
        &outcomes,
    );
    let counts = report.counts();
    let expect = [
        (IssueKind::ConflictingMapping, 1),
        (IssueKind::UnknownItem, 1 + 2),
        (IssueKind::UnknownProvider, 1),
        (IssueKind::DuplicatePerformed, 2),
        (IssueKind::InvalidAlternative, 2),
        (IssueKind::DuplicateAlternative, 2),
        (IssueKind::AlternativeForOfferedItem, 2),
        (IssueKind::AlternativeOutsideYear, 2),
        (IssueKind::PerformedOmitsItem, 2),
        (IssueKind::UnmappedAnalyte, 1),
        (IssueKind::DuplicateOutcome, 1),
        (IssueKind::OtherYear, 2),
        (IssueKind::UnknownLaboratory, 1),
        (IssueKind::DuplicateHospital, 1),
        (IssueKind::DuplicateLabCode, 3),
    ];
    for (kind, n) in expect {
        assert_eq!(
            counts.get(&kind),
            Some(&n),
            "{kind:?}: {:#?}",
            report.issues
        );
    }
    assert_eq!(counts.values().sum::<usize>(), report.issues.len());
    let omitted = report
        .issues
        .iter()
        .find(|i| i.kind == IssueKind::PerformedOmitsItem)
        .unwrap();
    assert_eq!(omitted.location, "outcomes[10]");
    let unknown = report
        .issues
        .iter()
        .find(|i| i.kind == IssueKind::UnknownItem && i.location.starts_with("hospitals"))
        .unwrap();
    assert_eq!(
        unknown.location,
        "hospitals[0].laboratories[0].performed[12]"
    );

    // The hospital's own result lists its issues and accounts for every outcome.
    let r = hospital_indicators(
        &e.catalogue,
        &mapping,
        &hospital,
        &outcomes,
        &cq(),
        &IndicatorPolicies::default(),
    )
    .unwrap();
    assert_eq!(
        r.outcomes.used
            + r.outcomes.unmapped
            + r.outcomes.other_years
            + r.outcomes.other_laboratories,
        outcomes.len()
    );
    assert_eq!(
        (
            r.outcomes.unmapped,
            r.outcomes.other_years,
            r.outcomes.other_laboratories
        ),
        (1, 1, 1)
    );
    assert!(
        r.issues
            .iter()
            .any(|i| i.kind == IssueKind::PerformedOmitsItem)
    );
    assert!(
        !r.issues
            .iter()
            .any(|i| i.kind == IssueKind::UnknownLaboratory)
    );
    // TBIL was reported, not ticked: it counts in the pass rate, not in participation.
    assert!(
        r.pass_rate
            .numerator_items
            .contains(&"02.05.003".to_owned())
    );
    assert!(
        !r.participation_rate
            .denominator_items
            .contains(&"02.05.003".to_owned())
    );
}

/// A hospital performing the first ten C1 items, enrolled in the first
/// `k`, failing the first `f` of those.
fn synthetic(code: &str, level: HospitalLevel, k: usize, f: usize) -> (Hospital, Vec<ItemOutcome>) {
    let analytes = [
        "K", "NA", "CL", "CA", "P", "GLU", "UREA", "UA", "CREA", "ALB",
    ];
    let mapping = Mapping::sample().unwrap();
    let lab = format!("L-{code}");
    let hospital = Hospital {
        code: code.into(),
        name: String::new(),
        level,
        year: 2025,
        laboratories: vec![Laboratory {
            name: String::new(),
            codes: vec![LabCode {
                provider: "CQCCL".into(),
                lab: lab.clone(),
            }],
            performed: analytes
                .iter()
                .map(|a| mapping.item("CQCCL", "C1", a).unwrap().to_owned())
                .collect(),
        }],
        alternative: vec![],
    };
    let outcomes = analytes[..k]
        .iter()
        .enumerate()
        .map(|(i, a)| ItemOutcome {
            provider: "CQCCL".into(),
            program: "C1".into(),
            analyte: (*a).into(),
            lab: lab.clone(),
            year: Some(2025),
            rounds: vec![
                if i < f {
                    Outcome::Unsatisfactory
                } else {
                    Outcome::Satisfactory
                };
                2
            ],
        })
        .collect();
    (hospital, outcomes)
}

#[test]
fn aggregates_by_level_and_province() {
    use HospitalLevel::*;
    let made = [
        synthetic("A", Secondary, 9, 0),
        synthetic("B", Secondary, 8, 2),
        synthetic("C", Secondary, 10, 1),
        synthetic("D", Tertiary, 5, 1),
        synthetic("E", Tertiary, 7, 0),
    ];
    let hospitals: Vec<Hospital> = made.iter().map(|(h, _)| h.clone()).collect();
    let outcomes: Vec<ItemOutcome> = made.iter().flat_map(|(_, o)| o.clone()).collect();
    let report = provider_indicators(
        &Catalogue::sample().unwrap(),
        &Mapping::sample().unwrap(),
        &hospitals,
        &outcomes,
        &cq(),
        &IndicatorPolicies::default(),
    )
    .unwrap();
    assert!(report.issues.is_empty());
    let groups: Vec<HospitalGroup> = report.groups.iter().map(|g| g.group).collect();
    assert_eq!(
        groups,
        [
            HospitalGroup::All,
            HospitalGroup::Secondary,
            HospitalGroup::Tertiary
        ]
    );
    let stats = |g: usize, k: IndicatorKind| {
        let d = &report.groups[g].distributions[k as usize];
        assert_eq!(d.indicator, k);
        [d.min, d.q1, d.median, d.q3, d.max, d.mean].map(Option::unwrap)
    };
    // Participation 90, 80, 100, 50, 70; pass 100, 75, 90, 80, 100.
    assert_eq!(
        stats(0, IndicatorKind::ParticipationRate),
        [50.0, 70.0, 80.0, 90.0, 100.0, 78.0]
    );
    assert_eq!(
        stats(0, IndicatorKind::PassRate),
        [75.0, 80.0, 90.0, 100.0, 100.0, 89.0]
    );
    assert_eq!(
        stats(1, IndicatorKind::ParticipationRate),
        [80.0, 85.0, 90.0, 95.0, 100.0, 90.0]
    );
    assert_eq!(
        stats(1, IndicatorKind::PassRate),
        [75.0, 82.5, 90.0, 95.0, 100.0, 265.0 / 3.0]
    );
    assert_eq!(
        stats(2, IndicatorKind::ParticipationRate),
        [50.0, 55.0, 60.0, 65.0, 70.0, 60.0]
    );
    assert_eq!(
        stats(2, IndicatorKind::PassRate),
        [80.0, 85.0, 90.0, 95.0, 100.0, 90.0]
    );
    let bands: Vec<usize> = report.groups[0].distributions[0]
        .bands
        .iter()
        .map(|b| b.count)
        .collect();
    assert_eq!(bands, [0, 0, 0, 0, 0, 1, 0, 1, 1, 2]);
    let alternative = &report.groups[0].distributions[IndicatorKind::AlternativeUsageRate as usize];
    assert_eq!(
        (
            alternative.n,
            alternative.undefined.len(),
            alternative.median
        ),
        (0, 5, None)
    );
    // K failed by B, C and D of five; Na by B.
    let failed: Vec<(&str, usize, usize)> = report.groups[0]
        .failed_items
        .iter()
        .map(|f| (f.item.as_str(), f.failed, f.evaluated))
        .collect();
    assert_eq!(failed, [(K, 3, 5), (NA, 1, 5)]);
    assert_eq!(report.groups[0].failed_items[0].percent, 60.0);
    assert_eq!(report.groups[0].failed_items[0].hospitals, ["B", "C", "D"]);
    assert_eq!(report.groups[2].failed_items[0].hospitals, ["D"]);

    // CSV tables.
    let csv = report.to_csv(ReportTable::Hospitals);
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("hospital,name,level,year,participation_rate_numerator,")
    );
    assert_eq!(
        lines.next().unwrap(),
        "A,,secondary,2025,9,10,90,9,9,100,0,9,0,0,0,,0,0,0"
    );
    let csv = report.to_csv(ReportTable::FailedItems);
    assert_eq!(
        csv.lines().nth(1),
        Some("all,02.04.001,钾测定,3,5,60,B;C;D")
    );
    let csv = report.to_csv(ReportTable::Distributions);
    assert_eq!(
        csv.lines().nth(1),
        Some("all,participation_rate,5,0,50,70,80,90,100,78")
    );
    // Reports survive a JSON round trip (the bindings hand them back for CSV).
    let json = serde_json::to_string(&report).unwrap();
    let back: ProviderReport = serde_json::from_str(&json).unwrap();
    assert_eq!(back, report);
}

fn round(name: &str, scores: &[(&str, &str, Outcome)]) -> RoundScoring {
    RoundScoring {
        program: "C1".into(),
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
        program_scores: vec![],
    }
}

#[test]
fn outcomes_from_round_scoring() {
    use Outcome::{NotReturned as R, Satisfactory as S, Unsatisfactory as U};
    let plan = Plan::from_json(
        r#"{"provider": {"code": "CQCCL"}, "year": 2025, "programs": [{"code": "C1",
            "analytes": [{"code": "K"}, {"code": "GLU"}],
            "rounds": [{"code": "1", "deadline": "2025-04-20T17:00:00+08:00"},
                       {"code": "2", "deadline": "2025-09-20T17:00:00+08:00"}]}]}"#,
    )
    .unwrap();
    // Given out of order: round 2 first.
    let scorings = [
        round("2", &[("L2", "GLU", U), ("L1", "K", S), ("L1", "GLU", R)]),
        round("1", &[("L1", "GLU", S), ("L1", "K", S)]),
    ];
    let outcomes = item_outcomes(&plan, &scorings).unwrap();
    let rows: Vec<(&str, &str, Vec<Outcome>)> = outcomes
        .iter()
        .map(|o| (o.analyte.as_str(), o.lab.as_str(), o.rounds.clone()))
        .collect();
    assert_eq!(
        rows,
        [
            ("K", "L1", vec![S, S]),
            ("GLU", "L1", vec![S, R]),
            ("GLU", "L2", vec![U])
        ]
    );
    assert!(
        outcomes
            .iter()
            .all(|o| o.provider == "CQCCL" && o.year == Some(2025))
    );

    let error = |scorings: &[RoundScoring]| match item_outcomes(&plan, scorings).unwrap_err() {
        eqa::Error::InvalidDocument { path, .. } => path,
        other => panic!("{other:?}"),
    };
    assert_eq!(error(&[round("3", &[])]), "scorings[0].round");
    assert_eq!(error(&[round("1", &[]), round("1", &[])]), "scorings[1]");
    assert_eq!(
        error(&[round("1", &[("L1", "K", S), ("L1", "K", U)])]),
        "scorings[0].analyte_scores[1]"
    );
    let mut other = round("1", &[]);
    other.program = "H1".into();
    assert_eq!(error(&[other]), "scorings[0].program");
}

#[test]
fn documents_read_with_paths_and_options_parse() {
    let err = Hospital::from_json(
        r#"{"code": "H", "level": "quaternary", "year": 2025, "laboratories": []}"#,
    )
    .unwrap_err();
    assert!(
        matches!(err, eqa::Error::InvalidDocument { ref path, .. } if path == "level"),
        "{err:?}"
    );
    assert_eq!("province:CQCCL".parse::<ProviderScope>().unwrap(), cq());
    assert_eq!(
        "province:".parse::<ProviderScope>().unwrap_err().code(),
        "invalid_parameter"
    );
    assert_eq!(serde_json::to_string(&cq()).unwrap(), r#""province:CQCCL""#);
    let policies: IndicatorPolicies = serde_json::from_str(
        r#"{"year_pass": "not_unsuccessful", "alternative_rule": {"min_events": 3}}"#,
    )
    .unwrap();
    assert_eq!(policies.year_pass, YearPassPolicy::NotUnsuccessful);
    assert_eq!(
        (
            policies.alternative_rule.min_events,
            policies.alternative_rule.min_samples
        ),
        (3, 5)
    );
    assert_eq!(
        "majority_of_rounds".parse::<YearPassPolicy>().unwrap(),
        YearPassPolicy::MajorityOfRounds
    );
    let bad = IndicatorPolicies {
        alternative_rule: AlternativeRule {
            min_events: 0,
            ..Default::default()
        },
        ..Default::default()
    };
    let e = example();
    let err =
        hospital_indicators(&e.catalogue, &e.mapping, &e.hospital, &[], &cq(), &bad).unwrap_err();
    assert_eq!(err.code(), "invalid_parameter");
}
