//! What the round-scoring tests share: a one-program plan, results built
//! submission by submission, and small accessors.

#![allow(dead_code, clippy::unwrap_used)]

use std::sync::Arc;

use eqa::plan::Plan;
use eqa::plan::criteria::Criteria;
use eqa::plan::reported::Reported;
use eqa::results::{Enrollment, GivenTarget, Results, SampleValue, Status, Submission};
use eqa::scoring::{Evaluation, Reason, RoundScoring, Verdict};
use serde_json::{Value, json};

pub(crate) const DEADLINE: &str = "2026-04-20T17:00:00+08:00";

/// A plan of one program `C1` with one round `R1` of the given samples.
pub(crate) fn plan(analytes: Value, samples: &[&str], scoring: Value) -> Plan {
    let samples: Vec<Value> = samples.iter().map(|s| json!({"code": s})).collect();
    let text = json!({
        "provider": {"code": "P"}, "year": 2026,
        "programs": [{"code": "C1", "analytes": analytes,
            "rounds": [{"code": "R1", "deadline": DEADLINE, "samples": samples}],
            "scoring": scoring}]
    });
    Plan::from_json(&text.to_string()).unwrap()
}

/// Results built submission by submission, rows numbered from 2.
#[derive(Default)]
pub(crate) struct Book {
    pub(crate) results: Results,
    pub(crate) row: u32,
}

impl Book {
    pub(crate) fn add(
        &mut self,
        lab: &str,
        analyte: &str,
        values: &[(&str, &str)],
    ) -> &mut Submission {
        let values = values
            .iter()
            .map(|(sample, value)| {
                self.row += 1;
                SampleValue {
                    sample: Arc::from(*sample),
                    value: Reported::new(*value),
                    row: self.row + 1,
                }
            })
            .collect();
        self.results.submissions.push(Submission {
            lab: Arc::from(lab),
            program: Arc::from("C1"),
            round: Arc::from("R1"),
            analyte: Arc::from(analyte),
            unit: None,
            instrument: None,
            reagent: None,
            calibrator: None,
            method: None,
            status: Status::Submitted,
            submitted_at: None,
            version: 1,
            values,
        });
        self.results.submissions.last_mut().unwrap()
    }

    pub(crate) fn given(&mut self, analyte: &str, sample: &str, value: &str, sd: Option<&str>) {
        self.results.given_targets.push(GivenTarget {
            program: Arc::from("C1"),
            round: Arc::from("R1"),
            analyte: Arc::from(analyte),
            sample: Arc::from(sample),
            value: Reported::new(value),
            uncertainty: None,
            sd: sd.map(|s| s.parse().unwrap()),
        });
    }

    pub(crate) fn enrol(&mut self, lab: &str, analytes: &[&str], excused: bool) {
        self.results.enrollments.push(Enrollment {
            lab: Arc::from(lab),
            program: Arc::from("C1"),
            analytes: analytes.iter().map(|a| Arc::from(*a)).collect(),
            excused_rounds: if excused {
                vec![Arc::from("R1")]
            } else {
                vec![]
            },
        });
    }

    pub(crate) fn score(&self, plan: &Plan) -> RoundScoring {
        eqa::score_round(plan, &Criteria::default(), &self.results, "C1", "R1").unwrap()
    }
}

pub(crate) fn of<'a>(s: &'a RoundScoring, lab: &str) -> Vec<&'a Evaluation> {
    s.evaluations.iter().filter(|e| &*e.lab == lab).collect()
}

pub(crate) fn verdicts(evals: &[&Evaluation]) -> Vec<(Verdict, Option<Reason>)> {
    evals.iter().map(|e| (e.verdict, e.reason)).collect()
}

pub(crate) fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
