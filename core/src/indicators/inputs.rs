//! The inputs per hospital and year: its laboratories, the items they
//! performed, and the yearly outcome of each EQA analyte they were enrolled
//! in (built from round scoring by [`item_outcomes`]).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::alternative::AlternativeAssessment;
use super::read_json;
use crate::error::Error;
use crate::names::named_choices;
use crate::plan::model::Plan;
use crate::scoring::model::{Outcome, RoundScoring};

/// The level of a hospital, which decides the indicator it is ranked on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HospitalLevel {
    /// 二级: provincial EQA participation and pass rates (#12).
    Secondary,
    /// 三级: items passing national EQA (#13).
    Tertiary,
    /// Any other participant (blood station, independent laboratory).
    Other,
}

named_choices!(HospitalLevel, option "level", expected "\"secondary\", \"tertiary\" or \"other\"" {
    Secondary => "secondary",
    Tertiary => "tertiary",
    Other => "other",
});

/// A hospital and what it reported for one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hospital {
    /// Its code.
    pub code: String,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// Its level.
    pub level: HospitalLevel,
    /// The year the data are for.
    pub year: i32,
    /// Its laboratories (检验科 and other clinical laboratories).
    pub laboratories: Vec<Laboratory>,
    /// Alternative assessments of items without EQA.
    #[serde(default)]
    pub alternative: Vec<AlternativeAssessment>,
}

/// One laboratory of a hospital: its codes at the providers and the
/// catalogue items it ticked as performed in the year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Laboratory {
    /// Its name, such as 检验科.
    #[serde(default)]
    pub name: String,
    /// Its participant codes, one per provider it is enrolled with.
    #[serde(default)]
    pub codes: Vec<LabCode>,
    /// The catalogue items it performed (ticked).
    #[serde(default)]
    pub performed: Vec<String>,
}

/// A laboratory's participant code at one provider.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabCode {
    /// The provider's code.
    pub provider: String,
    /// The laboratory's code there (实验室编码).
    pub lab: String,
}

impl Hospital {
    /// Reads a hospital from JSON text.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDocument`] naming the path of the first bad field.
    pub fn from_json(text: &str) -> crate::Result<Hospital> {
        read_json(text)
    }

    /// The items performed by any of its laboratories.
    pub fn performed(&self) -> BTreeSet<&str> {
        self.laboratories
            .iter()
            .flat_map(|l| l.performed.iter().map(String::as_str))
            .collect()
    }

    /// Whether a provider's participant code is one of its laboratories'.
    pub fn owns(&self, provider: &str, lab: &str) -> bool {
        self.laboratories
            .iter()
            .flat_map(|l| &l.codes)
            .any(|c| c.provider == provider && c.lab == lab)
    }
}

/// The rounds of one analyte for one laboratory in a year: what round
/// scoring decided, in the order of the rounds it was enrolled in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemOutcome {
    /// The provider's code.
    pub provider: String,
    /// The program's code.
    pub program: String,
    /// The analyte's code.
    pub analyte: String,
    /// The laboratory's participant code at the provider.
    pub lab: String,
    /// The plan's year; when given, only hospitals of that year use it.
    #[serde(default)]
    pub year: Option<i32>,
    /// The outcome of each round the laboratory was enrolled in, in order.
    pub rounds: Vec<Outcome>,
}

impl ItemOutcome {
    /// Whether the laboratory returned results in any round (anything but
    /// not returned or excused).
    pub fn reported(&self) -> bool {
        self.rounds
            .iter()
            .any(|o| !matches!(o, Outcome::NotReturned | Outcome::Excused))
    }
}

/// The yearly outcomes of a plan's analytes, one per (program, analyte,
/// laboratory): each round's [`Outcome`] from its [`RoundScoring`], in the
/// plan's round order, for the rounds where the laboratory has a score for
/// the analyte (the rounds it was enrolled in).
///
/// Outcomes come in the plan's program and analyte order, then by
/// laboratory code; analytes the plan does not list come after its own,
/// by code.
///
/// # Errors
///
/// [`Error::InvalidDocument`] for a scoring of a program or round the plan
/// does not have (path `scorings[i].program` or `.round`), a second scoring
/// of the same round, or a laboratory scored twice for the same analyte in
/// one round (path `scorings[i].analyte_scores[j]`).
///
/// # Examples
///
/// ```
/// use eqa::scoring::Outcome;
/// use eqa::indicators::item_outcomes;
/// use eqa::plan::Plan;
///
/// let plan = Plan::from_json(r#"{"provider": {"code": "CQCCL"}, "year": 2025,
///   "programs": [{"code": "C1", "analytes": [{"code": "K"}],
///     "rounds": [{"code": "1", "deadline": "2025-04-20T17:00:00+08:00"},
///                {"code": "2", "deadline": "2025-09-20T17:00:00+08:00"}]}]}"#)?;
/// assert!(item_outcomes(&plan, &[])?.is_empty());
/// # Ok::<(), eqa::Error>(())
/// ```
pub fn item_outcomes(plan: &Plan, scorings: &[RoundScoring]) -> crate::Result<Vec<ItemOutcome>> {
    let bad = |path: String, message: String| Error::InvalidDocument { path, message };
    // (program index, round index) → (scoring index, scoring).
    let mut placed: BTreeMap<(usize, usize), (usize, &RoundScoring)> = BTreeMap::new();
    for (i, s) in scorings.iter().enumerate() {
        let (p, program) = plan
            .programs
            .iter()
            .enumerate()
            .find(|(_, p)| *p.code == *s.program)
            .ok_or_else(|| {
                bad(
                    format!("scorings[{i}].program"),
                    format!("program {:?} is not in the plan", s.program),
                )
            })?;
        let r = program
            .rounds
            .iter()
            .position(|r| *r.code == *s.round)
            .ok_or_else(|| {
                bad(
                    format!("scorings[{i}].round"),
                    format!("round {:?} is not in program {:?}", s.round, s.program),
                )
            })?;
        if let Some((first, _)) = placed.insert((p, r), (i, s)) {
            return Err(bad(
                format!("scorings[{i}]"),
                format!(
                    "program {:?} round {:?} is already scored by scorings[{first}]",
                    s.program, s.round
                ),
            ));
        }
    }
    let mut out = Vec::new();
    for (p, program) in plan.programs.iter().enumerate() {
        // (analyte order, analyte, lab) → outcomes in round order.
        let mut rows: BTreeMap<(usize, Arc<str>, Arc<str>), Vec<Outcome>> = BTreeMap::new();
        for &(i, scoring) in placed.range((p, 0)..(p + 1, 0)).map(|(_, v)| v) {
            let mut seen = BTreeSet::new();
            for (j, score) in scoring.analyte_scores.iter().enumerate() {
                if !seen.insert((score.analyte.clone(), score.lab.clone())) {
                    return Err(bad(
                        format!("scorings[{i}].analyte_scores[{j}]"),
                        format!(
                            "laboratory {:?} is scored twice for analyte {:?}",
                            score.lab, score.analyte
                        ),
                    ));
                }
                let order = program
                    .analytes
                    .iter()
                    .position(|a| *a.code == *score.analyte)
                    .unwrap_or(program.analytes.len());
                rows.entry((order, score.analyte.clone(), score.lab.clone()))
                    .or_default()
                    .push(score.outcome);
            }
        }
        out.extend(
            rows.into_iter()
                .map(|((_, analyte, lab), rounds)| ItemOutcome {
                    provider: plan.provider.code.clone(),
                    program: program.code.clone(),
                    analyte: analyte.to_string(),
                    lab: lab.to_string(),
                    year: Some(plan.year),
                    rounds,
                }),
        );
    }
    Ok(out)
}
