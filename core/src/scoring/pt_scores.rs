//! PT scores (PT成绩) of each laboratory's analytes and programs in a round
//! (domain §4.2–§4.5).
//!
//! An analyte's score is 100·acceptable/scored, where scored counts the
//! acceptable and unacceptable values (missing samples included); it is
//! satisfactory when 100·acceptable ≥ threshold·scored, decided exactly. An
//! analyte not returned, or late under [`LatePolicy::NotReturned`], scores 0
//! (outcome [`Outcome::NotReturned`] or [`Outcome::Late`]); an analyte with
//! nothing scored has no score ([`Outcome::NoScore`]); an excused one has
//! none either ([`Outcome::Excused`]). An ungraded analyte (不计分项目)
//! never has a score: not returned or late, it keeps that outcome with no
//! score, and it stays out of the program score.
//!
//! A program's score combines the analytes that have a score: pooled, 100·
//! Σacceptable/Σscored with a not-returned or late analyte counting each of
//! its samples as scored and unacceptable; or the mean of the analytes'
//! scores. It has no score when no analyte has one; its outcome is
//! [`Outcome::NotReturned`] (or [`Outcome::Late`]) when every analyte with a
//! score has that outcome, [`Outcome::Excused`] when every analyte is
//! excused, and otherwise decided by the program's threshold.
//!
//! [`LatePolicy::NotReturned`]: crate::plan::model::LatePolicy::NotReturned

use std::sync::Arc;

use rust_decimal::Decimal;

use crate::plan::model::{LatePolicy, ProgramScoreRule};
use crate::scoring::intern::ArcInterner;
use crate::scoring::items::{Slot, SlotState};
use crate::scoring::model::{AnalyteScore, Evaluation, Outcome, ProgramScore, Verdict};
use crate::scoring::setup::AnalyteSetup;

/// Whether `acceptable` of `scored` results reach `threshold` percent:
/// 100·acceptable ≥ threshold·scored, decided exactly.
///
/// # Examples
///
/// ```
/// use rust_decimal::Decimal;
/// assert!(eqa::scoring::satisfactory(4, 5, Decimal::from(80)));
/// assert!(!eqa::scoring::satisfactory(3, 5, Decimal::from(80)));
/// assert!(!eqa::scoring::satisfactory(9, 10, Decimal::from(100)));
/// ```
pub fn satisfactory(acceptable: usize, scored: usize, threshold: Decimal) -> bool {
    let reached = Decimal::from(acceptable).checked_mul(Decimal::ONE_HUNDRED);
    let needed = threshold.checked_mul(Decimal::from(scored));
    match (reached, needed) {
        (Some(reached), Some(needed)) => reached >= needed,
        _ => 100.0 * acceptable as f64 >= crate::plan::reported::to_f64(threshold) * scored as f64,
    }
}

fn outcome(ok: bool) -> Outcome {
    if ok {
        Outcome::Satisfactory
    } else {
        Outcome::Unsatisfactory
    }
}

/// The score of each enrolled (laboratory, analyte), in slot order.
pub(crate) fn analyte_scores(
    slots: &[Slot],
    evaluations: &[Evaluation],
    setups: &[AnalyteSetup<'_>],
    labs: &ArcInterner<'_>,
    late: LatePolicy,
) -> Vec<AnalyteScore> {
    slots
        .iter()
        .map(|slot| {
            let setup = &setups[slot.analyte as usize];
            let evals = evaluations.get(slot.evals.clone()).unwrap_or(&[]);
            let (mut acceptable, mut unacceptable, mut not_scored) = (0, 0, 0);
            let (mut vis_sum, mut vis_n) = (0.0f64, 0usize);
            for e in evals {
                match e.verdict {
                    Verdict::Acceptable => acceptable += 1,
                    Verdict::Unacceptable => unacceptable += 1,
                    Verdict::NotScored => not_scored += 1,
                    _ => continue,
                }
                if let (Some(v), Verdict::Acceptable | Verdict::Unacceptable) = (e.vis, e.verdict) {
                    vis_sum += f64::from(v);
                    vis_n += 1;
                }
            }
            let scored = acceptable + unacceptable;
            let zero = |o: Outcome| (setup.analyte.graded.then_some(0.0), o);
            let (score, outcome) = match slot.state {
                SlotState::Excused => (None, Outcome::Excused),
                SlotState::NotReturned => zero(Outcome::NotReturned),
                SlotState::Counted { late: true } if late == LatePolicy::NotReturned => {
                    zero(Outcome::Late)
                }
                _ if scored == 0 || !setup.analyte.graded => (None, Outcome::NoScore),
                _ => (
                    Some(100.0 * acceptable as f64 / scored as f64),
                    outcome(satisfactory(acceptable, scored, setup.threshold)),
                ),
            };
            AnalyteScore {
                lab: labs.arc(slot.lab).cloned().unwrap_or_else(|| Arc::from("")),
                analyte: setup.code.clone(),
                acceptable,
                scored,
                not_scored,
                score,
                threshold: setup.threshold,
                outcome,
                mean_vis: (vis_n > 0).then(|| vis_sum / vis_n as f64),
            }
        })
        .collect()
}

/// The program score of each laboratory with an analyte score, from the
/// analyte scores in laboratory order.
pub(crate) fn program_scores(
    scores: &[AnalyteScore],
    slots: &[Slot],
    setups: &[AnalyteSetup<'_>],
    rule: ProgramScoreRule,
    threshold: Decimal,
) -> Vec<ProgramScore> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < scores.len() {
        let lab = &scores[start].lab;
        let end = scores[start..]
            .iter()
            .position(|s| s.lab != *lab)
            .map_or(scores.len(), |n| start + n);
        let (these, their_slots) = (&scores[start..end], slots.get(start..end).unwrap_or(&[]));
        out.push(program_score(these, their_slots, setups, rule, threshold));
        start = end;
    }
    out
}

fn program_score(
    scores: &[AnalyteScore],
    slots: &[Slot],
    setups: &[AnalyteSetup<'_>],
    rule: ProgramScoreRule,
    threshold: Decimal,
) -> ProgramScore {
    let (mut acceptable, mut scored, mut analytes) = (0usize, 0usize, 0usize);
    let (mut sum, mut ratio) = (0.0f64, Decimal::ZERO);
    let (mut not_returned, mut late) = (0usize, 0usize);
    for (score, slot) in scores.iter().zip(slots) {
        let Some(value) = score.score else { continue };
        analytes += 1;
        sum += value;
        match score.outcome {
            Outcome::NotReturned | Outcome::Late => {
                scored += setups
                    .get(slot.analyte as usize)
                    .map_or(0, |s| s.samples.len());
                if score.outcome == Outcome::NotReturned {
                    not_returned += 1;
                } else {
                    late += 1;
                }
            }
            _ => {
                acceptable += score.acceptable;
                scored += score.scored;
                if score.scored > 0 {
                    let r =
                        Decimal::from(score.acceptable).checked_div(Decimal::from(score.scored));
                    ratio += r.unwrap_or(Decimal::ZERO);
                }
            }
        }
    }
    let score = match rule {
        _ if analytes == 0 => None,
        ProgramScoreRule::Pooled => (scored > 0).then(|| 100.0 * acceptable as f64 / scored as f64),
        ProgramScoreRule::MeanOfAnalytes => Some(sum / analytes as f64),
    };
    let outcome = if scores.iter().all(|s| s.outcome == Outcome::Excused) {
        Outcome::Excused
    } else if score.is_none() {
        Outcome::NoScore
    } else if not_returned == analytes {
        Outcome::NotReturned
    } else if late == analytes {
        Outcome::Late
    } else if not_returned + late == analytes {
        Outcome::NotReturned
    } else {
        outcome(match rule {
            ProgramScoreRule::Pooled => satisfactory(acceptable, scored, threshold),
            ProgramScoreRule::MeanOfAnalytes => {
                let needed = threshold.checked_mul(Decimal::from(analytes));
                let reached = ratio.checked_mul(Decimal::ONE_HUNDRED);
                match (reached, needed) {
                    (Some(r), Some(n)) => r >= n,
                    _ => false,
                }
            }
        })
    };
    ProgramScore {
        lab: scores
            .first()
            .map(|s| s.lab.clone())
            .unwrap_or_else(|| Arc::from("")),
        rule,
        acceptable,
        scored,
        analytes_scored: analytes,
        score,
        threshold,
        outcome,
    }
}
