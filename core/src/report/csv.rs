//! The CSV forms of the reports: a header row, then one row per sample
//! value ([`LabReport::to_csv`]) or per peer group ([`RoundSummary::to_csv`]).
//!
//! Cells are quoted by the `csv` crate where needed. Numbers are written in
//! Rust's shortest form that reads back to the same `f64` (`0.1`, not
//! `0.10000000000000001`); an absent value is an empty cell; choices are
//! their snake_case names, as in JSON. A peer group's key is written as
//! `field=value` pairs joined by `; `.

use std::sync::Arc;

use serde::Serialize;

use crate::plan::peer_policy::GroupField;
use crate::report::{AnalyteReport, LabReport, RoundSummary, SampleReport};

const LAB_HEADER: [&str; 29] = [
    "program",
    "round",
    "lab",
    "analyte",
    "score",
    "threshold",
    "outcome",
    "mean_vis",
    "failures",
    "sample",
    "row",
    "reported",
    "value",
    "converted_unit",
    "target",
    "allowed",
    "bias",
    "bias_percent",
    "z",
    "verdict",
    "reason",
    "expected",
    "vis",
    "group_rung",
    "group_key",
    "group_n",
    "target_method",
    "group_sd",
    "group_cv",
];

const SUMMARY_HEADER: [&str; 20] = [
    "program",
    "round",
    "analyte",
    "sample",
    "rung",
    "key",
    "n",
    "n_used",
    "target",
    "uncertainty",
    "sd",
    "cv",
    "median",
    "category",
    "agreement",
    "method",
    "warnings",
    "scored",
    "acceptable",
    "acceptance_rate",
];

impl LabReport {
    /// The report as CSV: one row per sample value, each with its analyte's
    /// score and outcome (an analyte without values gets one row with the
    /// sample's cells empty).
    ///
    /// # Examples
    ///
    /// ```
    /// # use eqa::scoring::{RoundScoring, ScoringSettings};
    /// # use eqa::report::LabReport;
    /// let report = LabReport {
    ///     program: "chem".into(),
    ///     round: "2026-1".into(),
    ///     lab: "L001".into(),
    ///     settings: ScoringSettings {
    ///         criteria: None,
    ///         boundary: Default::default(),
    ///         program_score: Default::default(),
    ///         late: Default::default(),
    ///         pass_threshold: 80.into(),
    ///         unit: Default::default(),
    ///     },
    ///     program_score: None,
    ///     analytes: vec![],
    /// };
    /// assert!(report.to_csv().starts_with("program,round,lab,analyte,score,"));
    /// ```
    pub fn to_csv(&self) -> String {
        let mut rows = vec![LAB_HEADER.map(String::from).to_vec()];
        for a in &self.analytes {
            let head = self.analyte_cells(a);
            if a.samples.is_empty() {
                rows.push([head.clone(), vec![String::new(); 19]].concat());
            }
            for s in &a.samples {
                rows.push([head.clone(), sample_cells(s)].concat());
            }
        }
        crate::csv_text::records(&rows)
    }

    fn analyte_cells(&self, a: &AnalyteReport) -> Vec<String> {
        vec![
            self.program.to_string(),
            self.round.to_string(),
            self.lab.to_string(),
            a.analyte.to_string(),
            number(a.score),
            a.threshold.map(|t| t.to_string()).unwrap_or_default(),
            a.outcome.as_ref().map(name).unwrap_or_default(),
            number(a.mean_vis),
            a.failures.map(|f| f.to_string()).unwrap_or_default(),
        ]
    }
}

fn sample_cells(s: &SampleReport) -> Vec<String> {
    let peer = s.peer.as_ref();
    vec![
        s.sample.to_string(),
        whole(s.row),
        s.reported.clone().unwrap_or_default(),
        number(s.value),
        text(s.converted_unit.as_ref()),
        number(s.target),
        number(s.allowed),
        number(s.bias),
        number(s.bias_percent),
        number(s.z),
        name(&s.verdict),
        s.reason.as_ref().map(name).unwrap_or_default(),
        text(s.expected.as_ref()),
        whole(s.vis),
        whole(peer.map(|p| p.rung)),
        peer.map(|p| key(&p.key)).unwrap_or_default(),
        whole(peer.map(|p| p.n)),
        text(peer.map(|p| &p.method)),
        number(peer.and_then(|p| p.sd)),
        number(peer.and_then(|p| p.cv)),
    ]
}

impl RoundSummary {
    /// The peer groups as CSV: one row per group of each analyte and
    /// sample, with its statistics and acceptance rate.
    ///
    /// # Examples
    ///
    /// ```
    /// # use eqa::report::RoundSummary;
    /// let summary = RoundSummary {
    ///     program: "chem".into(),
    ///     round: "2026-1".into(),
    ///     groups: vec![],
    ///     analytes: vec![],
    /// };
    /// assert_eq!(summary.to_csv().lines().count(), 1);
    /// ```
    pub fn to_csv(&self) -> String {
        let mut rows = vec![SUMMARY_HEADER.map(String::from).to_vec()];
        for summary in &self.groups {
            let g = &summary.group;
            rows.push(vec![
                self.program.to_string(),
                self.round.to_string(),
                g.analyte.to_string(),
                g.sample.to_string(),
                g.rung.to_string(),
                key(&g.key),
                g.n.to_string(),
                g.n_used.to_string(),
                number(g.target),
                number(g.uncertainty),
                number(g.sd),
                number(g.cv),
                number(g.median),
                text(g.category.as_ref()),
                number(g.agreement),
                g.method.to_string(),
                g.warnings.iter().map(name).collect::<Vec<_>>().join("; "),
                summary.scored.to_string(),
                summary.acceptable.to_string(),
                number(summary.acceptance_rate),
            ]);
        }
        crate::csv_text::records(&rows)
    }
}

/// The shortest text that reads back to the same number; empty for `None`.
fn number(x: Option<f64>) -> String {
    x.map(|x| format!("{x}")).unwrap_or_default()
}

fn whole<T: ToString>(x: Option<T>) -> String {
    x.map(|x| x.to_string()).unwrap_or_default()
}

fn text(x: Option<&Arc<str>>) -> String {
    x.map(|x| x.to_string()).unwrap_or_default()
}

/// The snake_case name of a unit variant, as serde writes it.
fn name<T: Serialize>(choice: &T) -> String {
    match serde_json::to_value(choice) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

fn key(key: &[(GroupField, Arc<str>)]) -> String {
    key.iter()
        .map(|(field, value)| format!("{}={value}", name(field)))
        .collect::<Vec<_>>()
        .join("; ")
}
