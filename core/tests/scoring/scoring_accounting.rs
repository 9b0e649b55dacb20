//! Properties of round scoring on random rounds: every input value of the
//! round is accounted for exactly once, nothing is invented, every enrolled
//! (laboratory, analyte) gets exactly one score; and the fast acceptance
//! check always agrees with the exact decimal one.

#![allow(clippy::unwrap_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use eqa::plan::LimitCheck;
use eqa::plan::Plan;
use eqa::plan::criteria::Criteria;
use eqa::plan::limits::{AcceptanceLimit, Boundary};
use eqa::plan::reported::{Reported, from_f64};
use eqa::plan::timestamp::Timestamp;
use eqa::results::{Enrollment, GivenTarget, Results, SampleValue, Status, Submission};
use eqa::scoring::Verdict;
use proptest::prelude::*;
use rust_decimal::Decimal;

const DEADLINE: i64 = 1_776_675_600; // 2026-04-20T09:00:00Z

fn plan(policy: usize, late: bool) -> Plan {
    let target = match policy {
        0 => r#"{"kind": "given"}"#,
        1 => r#"{"kind": "consensus", "estimator": {"kind": "median"}}"#,
        2 => r#"{"kind": "consensus", "estimator": {"kind": "trimmed_mean"}}"#,
        _ => r#"{"kind": "consensus"}"#,
    };
    let late = if late { "scored" } else { "not_returned" };
    let text = format!(
        r#"{{"provider": {{"code": "P"}}, "year": 2026, "programs": [{{"code": "C1",
          "analytes": [
            {{"code": "A0", "unit": "mmol/L", "scoring": {{"limit": {{"kind": "percent", "percent": 10}}}}}},
            {{"code": "A1", "graded": false}},
            {{"code": "A2", "result_type": {{"kind": "qualitative", "categories": [{{"code": "neg"}}, {{"code": "pos"}}]}}}}],
          "rounds": [
            {{"code": "R1", "deadline": "2026-04-20T09:00:00Z",
              "samples": [{{"code": "S1"}}, {{"code": "S2"}}, {{"code": "S3", "invalidated": "broken"}}],
              "analyte_samples": {{"A2": ["S1", "S2"]}}}},
            {{"code": "R2", "deadline": "2026-09-20T09:00:00Z", "samples": [{{"code": "S1"}}]}}],
          "scoring": {{"target": {target}, "late": "{late}", "peer": {{"rungs": [["method"], []], "min_n": 2}}}}}}]}}"#
    );
    Plan::from_json(&text).unwrap()
}

/// One random submission: lab, analyte, round, draft, version, time, values.
type Sub = (usize, usize, usize, bool, u32, usize, Vec<(usize, usize)>);

fn submission() -> impl Strategy<Value = Sub> {
    (
        0..6usize,
        0..4usize,
        0..4usize,
        any::<bool>(),
        0..3u32,
        0..3usize,
        prop::collection::vec((0..4usize, 0..7usize), 0..5),
    )
}

const LABS: [&str; 6] = ["L0", "L1", "L2", "L3", "L4", "L5"];
const ANALYTES: [&str; 4] = ["A0", "A1", "A2", "XX"];
const SAMPLES: [&str; 4] = ["S1", "S2", "S3", "S9"];
const TEXTS: [&str; 7] = ["5.0", "5.5", "<1", "pos", "", "4.9", "neg"];

fn results(subs: &[Sub], enrolments: &[(usize, Vec<usize>, bool)], metadata: bool) -> Results {
    let mut results = Results::default();
    let mut row = 1;
    for (lab, analyte, round, draft, version, time, values) in subs {
        let values = values
            .iter()
            .map(|&(s, t)| {
                row += 1;
                SampleValue {
                    sample: Arc::from(SAMPLES[s]),
                    value: Reported::new(TEXTS[t]),
                    row,
                }
            })
            .collect();
        results.submissions.push(Submission {
            lab: Arc::from(LABS[*lab]),
            program: Arc::from(if *round == 3 { "C9" } else { "C1" }),
            round: Arc::from(if *round == 2 { "R2" } else { "R1" }),
            analyte: Arc::from(ANALYTES[*analyte]),
            unit: (*lab == 5).then(|| Arc::from("mg/dL")),
            instrument: None,
            reagent: None,
            calibrator: None,
            method: (metadata && lab % 2 == 0).then(|| Arc::from("M")),
            status: if *draft {
                Status::Draft
            } else {
                Status::Submitted
            },
            submitted_at: match time {
                0 => None,
                1 => Some(Timestamp::from_unix_seconds(DEADLINE - 60)),
                _ => Some(Timestamp::from_unix_seconds(DEADLINE + 60)),
            },
            version: *version,
            values,
        });
    }
    for (lab, analytes, excused) in enrolments {
        results.enrollments.push(Enrollment {
            lab: Arc::from(LABS[*lab]),
            program: Arc::from("C1"),
            analytes: analytes.iter().map(|&a| Arc::from(ANALYTES[a])).collect(),
            excused_rounds: if *excused {
                vec![Arc::from("R1")]
            } else {
                vec![]
            },
        });
    }
    for (analyte, sample, value) in [
        ("A0", "S1", "5.0"),
        ("A0", "S2", "5.2"),
        ("A2", "S1", "pos"),
    ] {
        results.given_targets.push(GivenTarget {
            program: Arc::from("C1"),
            round: Arc::from("R1"),
            analyte: Arc::from(analyte),
            sample: Arc::from(sample),
            value: Reported::new(value),
            uncertainty: None,
            sd: None,
        });
    }
    results
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_value_is_accounted_for_once(
        subs in prop::collection::vec(submission(), 0..25),
        enrolments in prop::collection::vec((0..6usize, prop::collection::vec(0..4usize, 0..4), any::<bool>()), 0..4),
        policy in 0..4usize,
        late in any::<bool>(),
        metadata in any::<bool>(),
    ) {
        let plan = plan(policy, late);
        let results = results(&subs, &enrolments, metadata);
        let s = eqa::score_round(&plan, &Criteria::default(), &results, "C1", "R1").unwrap();

        let mut expected: BTreeSet<u32> = BTreeSet::new();
        let mut enrolled: BTreeSet<(String, String)> = BTreeSet::new();
        for sub in &results.submissions {
            if &*sub.program == "C1" && &*sub.round == "R1" {
                expected.extend(sub.values.iter().map(|v| v.row));
                if &*sub.analyte != "XX" {
                    enrolled.insert((sub.lab.to_string(), sub.analyte.to_string()));
                }
            }
        }
        // Without any enrolment in C1, what a laboratory sent in any round enrols it.
        if !results.enrollments.iter().any(|e| &*e.program == "C1") {
            for sub in results.submissions.iter().filter(|s| &*s.program == "C1" && &*s.analyte != "XX") {
                enrolled.insert((sub.lab.to_string(), sub.analyte.to_string()));
            }
        }
        for e in &results.enrollments {
            for a in e.analytes.iter().filter(|a| &***a != "XX") {
                enrolled.insert((e.lab.to_string(), a.to_string()));
            }
            // An empty list enrols every analyte of the program.
            if e.analytes.is_empty() {
                for a in ANALYTES.iter().filter(|a| **a != "XX") {
                    enrolled.insert((e.lab.to_string(), a.to_string()));
                }
            }
        }
        let mut seen: BTreeMap<u32, usize> = BTreeMap::new();
        for e in &s.evaluations {
            if let Some(row) = e.row {
                *seen.entry(row).or_default() += 1;
            } else {
                prop_assert!(matches!(e.verdict, Verdict::Unacceptable | Verdict::NotReturned | Verdict::NotScored | Verdict::Late));
            }
            if let Some(g) = e.group {
                prop_assert!((g as usize) < s.groups.len());
            }
        }
        prop_assert_eq!(seen.keys().copied().collect::<BTreeSet<_>>(), expected);
        prop_assert!(seen.values().all(|&n| n == 1), "a row evaluated twice: {:?}", seen);
        let scores: Vec<(String, String)> = s.analyte_scores.iter().map(|a| (a.lab.to_string(), a.analyte.to_string())).collect();
        prop_assert_eq!(scores.iter().cloned().collect::<BTreeSet<_>>(), enrolled);
        prop_assert_eq!(scores.len(), s.analyte_scores.len());
        let unique: BTreeSet<_> = scores.iter().collect();
        prop_assert_eq!(unique.len(), scores.len(), "one score per enrolled (lab, analyte)");
        let labs: BTreeSet<String> = s.analyte_scores.iter().map(|a| a.lab.to_string()).collect();
        prop_assert_eq!(s.program_scores.iter().map(|p| p.lab.to_string()).collect::<BTreeSet<_>>(), labs);
        for a in &s.analyte_scores {
            prop_assert!(a.score.is_none_or(|x| (0.0..=100.0).contains(&x)));
        }
        // Deterministic and in order.
        prop_assert_eq!(&s, &eqa::score_round(&plan, &Criteria::default(), &results, "C1", "R1").unwrap());
        let order: Vec<&str> = s.evaluations.iter().map(|e| &*e.lab).collect();
        prop_assert!(order.windows(2).all(|w| w[0] <= w[1]));
    }
}

/// A limit and a target from small integers.
fn limit_and_target() -> impl Strategy<Value = (AcceptanceLimit, Decimal, Decimal)> {
    let d = |m: i64, s: u32| Decimal::new(m, s);
    (
        0..5usize,
        1..2000i64,
        0..4u32,
        -100_000i64..100_000,
        0..5u32,
        1..500i64,
    )
        .prop_map(move |(kind, p, ps, t, ts, sd)| {
            let limit = match kind {
                0 => AcceptanceLimit::Percent { percent: d(p, ps) },
                1 => AcceptanceLimit::Absolute {
                    absolute: d(p, ps + 1),
                },
                2 => AcceptanceLimit::GreaterOf {
                    absolute: d(p, ps + 2),
                    percent: d(p % 30 + 1, 0),
                },
                3 => AcceptanceLimit::Piecewise {
                    breakpoint: d(t.abs(), ts),
                    absolute: d(p, ps + 1),
                    percent: d(p % 20 + 1, 0),
                },
                _ => AcceptanceLimit::SdMultiple { k: d(p % 4 + 1, 0) },
            };
            (limit, d(t, ts), d(sd, 2))
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// Values on, just inside and just outside the limit (and anywhere),
    /// decided in f64 first, always get the exact decimal verdict.
    #[test]
    fn fast_verdicts_are_the_exact_ones(
        (limit, target, sd) in limit_and_target(),
        offset in prop::sample::select(vec![-1i64, 0, 1]),
        scale in 0..12u32,
        side in any::<bool>(),
        anywhere in -1_000_000i64..1_000_000,
        exclusive in any::<bool>(),
    ) {
        let boundary = if exclusive { Boundary::Exclusive } else { Boundary::Inclusive };
        let sd = limit.needs_sd().then_some(sd);
        let allowed = limit.allowed(target, sd).unwrap();
        let edge = if side { target + allowed } else { target - allowed };
        let tiny = Decimal::new(offset, scale + 6);
        for value in [edge, edge + tiny, Decimal::new(anywhere, 3)] {
            let exact = limit.judge(value, target, sd, boundary).unwrap().acceptable;
            let given = LimitCheck::new(&limit, target, sd, boundary).unwrap();
            prop_assert_eq!(given.acceptable(value).unwrap(), exact, "given {} vs {}", value, target);

            // A consensus: the f64 target, exact through its shortest text.
            let t = eqa::plan::reported::to_f64(target);
            let s = sd.map(eqa::plan::reported::to_f64);
            let consensus = LimitCheck::from_consensus(&limit, t, s, boundary).unwrap();
            let exact = limit
                .judge(value, from_f64(t).unwrap(), s.map(|s| from_f64(s).unwrap()), boundary)
                .unwrap()
                .acceptable;
            prop_assert_eq!(consensus.acceptable(value).unwrap(), exact, "consensus {} vs {}", value, t);
        }
    }
}
