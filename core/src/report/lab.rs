//! A laboratory's report of one round (质评成绩回报, domain §9 item 1).

use std::collections::HashMap;
use std::sync::Arc;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::names::named_choices;
use crate::plan::peer_policy::GroupField;
use crate::results::model::Results;
use crate::scoring::model::{
    Evaluation, Outcome, ProgramScore, Reason, RoundScoring, ScoringSettings, Verdict,
};

use super::group_of;

/// What the signs of an analyte's failures suggest (domain §4.2): a hint
/// for the laboratory's investigation, not part of the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FailureHint {
    /// Every failure deviates to the same side of its target: look for a
    /// systematic error (calibration, reagent lot).
    Systematic,
    /// Failures deviate to both sides: look for a random error (imprecision,
    /// a clerical slip).
    Random,
}

named_choices!(FailureHint, option "failure_hint", expected "systematic or random" {
    Systematic => "systematic",
    Random => "random",
});

impl FailureHint {
    /// The hint from the deviations x − T of the unacceptable values: at
    /// least two nonzero deviations all of one sign give
    /// [`FailureHint::Systematic`], of both signs [`FailureHint::Random`];
    /// fewer give no hint.
    ///
    /// # Examples
    ///
    /// ```
    /// use eqa::report::FailureHint;
    ///
    /// assert_eq!(FailureHint::from_biases([-0.6, -0.4]), Some(FailureHint::Systematic));
    /// assert_eq!(FailureHint::from_biases([0.6, -0.4]), Some(FailureHint::Random));
    /// assert_eq!(FailureHint::from_biases([0.6]), None);
    /// ```
    pub fn from_biases(biases: impl IntoIterator<Item = f64>) -> Option<FailureHint> {
        let (mut above, mut below) = (0_usize, 0_usize);
        for b in biases {
            if b > 0.0 {
                above += 1;
            } else if b < 0.0 {
                below += 1;
            }
        }
        match (above, below) {
            (a, b) if a + b < 2 => None,
            (0, _) | (_, 0) => Some(FailureHint::Systematic),
            _ => Some(FailureHint::Random),
        }
    }
}

/// The peer group whose target a value was compared with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeerSummary {
    /// The rung of the ladder (0 = finest).
    pub rung: u32,
    /// The group's key: fields and their values.
    pub key: Vec<(GroupField, Arc<str>)>,
    /// How many results the group has.
    pub n: usize,
    /// How its target was assigned (`algorithm_a`, `given`, ...).
    pub method: Arc<str>,
    /// Its (robust) standard deviation.
    pub sd: Option<f64>,
    /// Its coefficient of variation in percent.
    pub cv: Option<f64>,
}

/// One sample value in a laboratory's report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SampleReport {
    /// The sample's code.
    pub sample: Arc<str>,
    /// The input row of the value; `None` for a missing sample or an
    /// analyte not returned.
    pub row: Option<u32>,
    /// The text as reported; `None` when nothing was reported.
    pub reported: Option<String>,
    /// The reported number, when it is one; in the analyte's unit when it
    /// was converted.
    pub value: Option<f64>,
    /// The unit the value was reported in, when it was converted to the
    /// analyte's unit before it was judged.
    #[serde(default)]
    pub converted_unit: Option<Arc<str>>,
    /// The target.
    pub target: Option<f64>,
    /// The allowed deviation L(T).
    pub allowed: Option<f64>,
    /// x − T.
    pub bias: Option<f64>,
    /// 100·(x − T)/T.
    pub bias_percent: Option<f64>,
    /// (x − T)/s of the peer group.
    pub z: Option<f64>,
    /// The verdict.
    pub verdict: Verdict,
    /// Why, unless plainly acceptable.
    pub reason: Option<Reason>,
    /// The expected category or grade of a qualitative analyte.
    pub expected: Option<Arc<str>>,
    /// The legacy VIS score.
    pub vis: Option<u32>,
    /// The peer group of the target, when one was used.
    pub peer: Option<PeerSummary>,
}

/// One analyte in a laboratory's report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnalyteReport {
    /// The analyte's code.
    pub analyte: Arc<str>,
    /// The PT score in percent; `None` when nothing was scored.
    pub score: Option<f64>,
    /// The pass threshold in percent; `None` when the analyte has no score
    /// for the laboratory (values for an analyte outside the plan).
    pub threshold: Option<Decimal>,
    /// The outcome; `None` as for `threshold`.
    pub outcome: Option<Outcome>,
    /// Acceptable values.
    pub acceptable: usize,
    /// Scored values.
    pub scored: usize,
    /// The mean VIS, when the analyte has a CCV.
    pub mean_vis: Option<f64>,
    /// What the signs of the unacceptable values suggest.
    pub failures: Option<FailureHint>,
    /// Every value of the laboratory for the analyte, in the scoring's
    /// order, counted or not.
    pub samples: Vec<SampleReport>,
}

/// A laboratory's report of one round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabReport {
    /// The program's code.
    pub program: Arc<str>,
    /// The round's code.
    pub round: Arc<str>,
    /// The laboratory's code.
    pub lab: Arc<str>,
    /// The settings the round was scored under.
    pub settings: ScoringSettings,
    /// The program score (总成绩), when the laboratory has one.
    pub program_score: Option<ProgramScore>,
    /// The analytes: those with a score in the scoring's order, then any
    /// other analyte the laboratory reported values for.
    pub analytes: Vec<AnalyteReport>,
}

/// The report of laboratory `lab` for a scored round: its program score,
/// and per analyte its score and every sample value with the reported text
/// (looked up in `results` by the evaluation's row), the target, limit,
/// deviations, verdict and peer group.
///
/// # Errors
///
/// [`Error::InvalidParameter`] named `lab` when the laboratory has neither
/// a score nor a value in the scoring; [`Error::InvalidDocument`] when an
/// evaluation names a row that no submission of the laboratory in
/// `results` has (`evaluations[i].row`), or a group beyond the scoring's
/// (`evaluations[i].group`).
///
/// # Examples
///
/// ```
/// use eqa::scoring::{RoundScoring, ScoringSettings};
/// use eqa::report::lab_report;
/// use eqa::results::Results;
///
/// let scoring = RoundScoring {
///     program: "chem".into(),
///     round: "2026-1".into(),
///     settings: ScoringSettings {
///         criteria: None,
///         boundary: Default::default(),
///         program_score: Default::default(),
///         late: Default::default(),
///         pass_threshold: 80.into(),
///         unit: Default::default(),
///     },
///     groups: vec![],
///     evaluations: vec![],
///     analyte_scores: vec![],
///     program_scores: vec![],
/// };
/// let err = lab_report(&Results::default(), &scoring, "L001").unwrap_err();
/// assert_eq!(err.code(), "invalid_parameter");
/// ```
pub fn lab_report(
    results: &Results,
    scoring: &RoundScoring,
    lab: &str,
) -> crate::Result<LabReport> {
    let texts: HashMap<u32, &str> = results
        .submissions
        .iter()
        .filter(|s| &*s.lab == lab)
        .flat_map(|s| s.values.iter().map(|v| (v.row, v.value.text())))
        .collect();
    let mut analytes: Vec<AnalyteReport> = scoring
        .analyte_scores
        .iter()
        .filter(|s| &*s.lab == lab)
        .map(|s| AnalyteReport {
            analyte: s.analyte.clone(),
            score: s.score,
            threshold: Some(s.threshold),
            outcome: Some(s.outcome),
            acceptable: s.acceptable,
            scored: s.scored,
            mean_vis: s.mean_vis,
            failures: None,
            samples: Vec::new(),
        })
        .collect();
    for (i, e) in scoring.evaluations.iter().enumerate() {
        if &*e.lab != lab {
            continue;
        }
        let sample = sample_report(scoring, i, e, &texts)?;
        match analytes.iter_mut().find(|a| a.analyte == e.analyte) {
            Some(a) => a.samples.push(sample),
            None => analytes.push(AnalyteReport {
                analyte: e.analyte.clone(),
                score: None,
                threshold: None,
                outcome: None,
                acceptable: 0,
                scored: 0,
                mean_vis: None,
                failures: None,
                samples: vec![sample],
            }),
        }
    }
    let program_score = scoring
        .program_scores
        .iter()
        .find(|s| &*s.lab == lab)
        .cloned();
    if analytes.is_empty() && program_score.is_none() {
        return Err(Error::InvalidParameter {
            name: "lab",
            value: lab.to_owned(),
            expected: "the code of a laboratory in the scoring",
        });
    }
    for a in &mut analytes {
        a.failures = FailureHint::from_biases(
            a.samples
                .iter()
                .filter(|s| s.verdict == Verdict::Unacceptable)
                .filter_map(|s| s.bias),
        );
    }
    Ok(LabReport {
        program: scoring.program.clone(),
        round: scoring.round.clone(),
        lab: Arc::from(lab),
        settings: scoring.settings.clone(),
        program_score,
        analytes,
    })
}

fn sample_report(
    scoring: &RoundScoring,
    i: usize,
    e: &Evaluation,
    texts: &HashMap<u32, &str>,
) -> crate::Result<SampleReport> {
    let reported = match e.row {
        None => None,
        Some(row) => match texts.get(&row) {
            Some(text) => Some((*text).to_owned()),
            None => {
                return Err(Error::InvalidDocument {
                    path: format!("evaluations[{i}].row"),
                    message: format!(
                        "row {row} is not a value of laboratory {} in the results",
                        e.lab
                    ),
                });
            }
        },
    };
    let peer = group_of(scoring, i, e)?.map(|g| PeerSummary {
        rung: g.rung,
        key: g.key.clone(),
        n: g.n,
        method: g.method.clone(),
        sd: g.sd,
        cv: g.cv,
    });
    Ok(SampleReport {
        sample: e.sample.clone(),
        row: e.row,
        reported,
        value: e.value,
        converted_unit: e.converted_unit.clone(),
        target: e.target,
        allowed: e.allowed,
        bias: e.bias,
        bias_percent: e.bias_percent,
        z: e.z,
        verdict: e.verdict,
        reason: e.reason,
        expected: e.expected.clone(),
        vis: e.vis,
        peer,
    })
}
