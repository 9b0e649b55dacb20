//! The round's peer-group statistics and per-analyte totals (domain §9
//! item 2; ISO/IEC 17043 4.8.2(o)).

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::scoring::model::{Outcome, PeerGroup, RoundScoring, Verdict};

use super::group_of;

/// One peer group of one analyte and sample, with how its participants
/// fared. Serialised flat: the group's fields, then the counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupSummary {
    /// The group and its target, as scoring produced them.
    #[serde(flatten)]
    pub group: PeerGroup,
    /// Scored values (acceptable or unacceptable) judged against this
    /// group's target.
    pub scored: usize,
    /// Of those, the acceptable ones.
    pub acceptable: usize,
    /// 100·acceptable/scored; `None` when none was scored.
    pub acceptance_rate: Option<f64>,
}

/// How the laboratories fared on one analyte. The laboratory counts
/// `satisfactory_labs` to `excused` add up to `labs`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnalyteTotals {
    /// The analyte's code.
    pub analyte: Arc<str>,
    /// Laboratories with a score for the analyte.
    pub labs: usize,
    /// Scored values over the laboratories.
    pub scored: usize,
    /// Acceptable values over the laboratories.
    pub acceptable: usize,
    /// Laboratories with a satisfactory outcome.
    pub satisfactory_labs: usize,
    /// Laboratories scored below the threshold.
    pub unsatisfactory_labs: usize,
    /// Laboratories that returned nothing.
    pub not_returned: usize,
    /// Laboratories that returned after the deadline (scored 0).
    pub late: usize,
    /// Laboratories with no score (every value not scored).
    pub no_score: usize,
    /// Laboratories excused from the round.
    pub excused: usize,
}

/// The statistics of a scored round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoundSummary {
    /// The program's code.
    pub program: Arc<str>,
    /// The round's code.
    pub round: Arc<str>,
    /// Every peer group, in the scoring's order.
    pub groups: Vec<GroupSummary>,
    /// Totals per analyte, in the order the analytes first appear among
    /// the scores.
    pub analytes: Vec<AnalyteTotals>,
}

/// The peer-group statistics of a scored round and its totals per
/// analyte. A group's acceptance rate counts the values whose target came
/// from that group.
///
/// # Errors
///
/// [`Error`](crate::Error)`::InvalidDocument` at `evaluations[i].group`
/// when an evaluation names a group beyond the scoring's.
///
/// # Examples
///
/// ```
/// use eqa::scoring::{RoundScoring, ScoringSettings};
/// use eqa::report::round_summary;
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
/// let summary = round_summary(&scoring)?;
/// assert!(summary.groups.is_empty() && summary.analytes.is_empty());
/// # Ok::<(), eqa::Error>(())
/// ```
pub fn round_summary(scoring: &RoundScoring) -> Result<RoundSummary> {
    let mut counts = vec![(0_usize, 0_usize); scoring.groups.len()];
    for (i, e) in scoring.evaluations.iter().enumerate() {
        let Some(g) = e.group else { continue };
        group_of(scoring, i, e)?;
        let acceptable = match e.verdict {
            Verdict::Acceptable => 1,
            Verdict::Unacceptable => 0,
            _ => continue,
        };
        if let Some(c) = usize::try_from(g).ok().and_then(|g| counts.get_mut(g)) {
            c.0 += 1;
            c.1 += acceptable;
        }
    }
    let groups = scoring
        .groups
        .iter()
        .zip(counts)
        .map(|(g, (scored, acceptable))| GroupSummary {
            group: g.clone(),
            scored,
            acceptable,
            acceptance_rate: percent(acceptable, scored),
        })
        .collect();
    let mut analytes: Vec<AnalyteTotals> = Vec::new();
    for s in &scoring.analyte_scores {
        let p = match analytes.iter().position(|t| t.analyte == s.analyte) {
            Some(p) => p,
            None => {
                analytes.push(AnalyteTotals::new(s.analyte.clone()));
                analytes.len() - 1
            }
        };
        let Some(t) = analytes.get_mut(p) else {
            continue;
        };
        t.labs += 1;
        t.scored += s.scored;
        t.acceptable += s.acceptable;
        match s.outcome {
            Outcome::Satisfactory => t.satisfactory_labs += 1,
            Outcome::Unsatisfactory => t.unsatisfactory_labs += 1,
            Outcome::NotReturned => t.not_returned += 1,
            Outcome::Late => t.late += 1,
            Outcome::NoScore => t.no_score += 1,
            Outcome::Excused => t.excused += 1,
        }
    }
    Ok(RoundSummary {
        program: scoring.program.clone(),
        round: scoring.round.clone(),
        groups,
        analytes,
    })
}

impl AnalyteTotals {
    fn new(analyte: Arc<str>) -> AnalyteTotals {
        AnalyteTotals {
            analyte,
            labs: 0,
            scored: 0,
            acceptable: 0,
            satisfactory_labs: 0,
            unsatisfactory_labs: 0,
            not_returned: 0,
            late: 0,
            no_score: 0,
            excused: 0,
        }
    }
}

/// 100·part/whole, `None` for an empty whole.
fn percent(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| 100.0 * part as f64 / whole as f64)
}
