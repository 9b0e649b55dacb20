//! Scoring a round of a program: [`score_round`] and [`score_year`].
//!
//! The stages, each a module of its own:
//!
//! 1. the analytes' settings are resolved and checked (analyte over program
//!    over criteria table);
//! 2. selection: for each laboratory and analyte, which submission counts
//!    (see below), and an evaluation for every input value;
//! 3. peer groups ([`crate::scoring::peer_groups`]);
//! 4. targets of the groups ([`crate::scoring::targets`]);
//! 5. verdicts ([`crate::scoring::verdicts`]);
//! 6. PT scores of analytes and programs ([`crate::scoring::pt_scores`]).
//!
//! # Selection
//!
//! Among a (laboratory, analyte)'s submissions to the program's round, the
//! counted one is the `submitted` one with the highest version whose
//! `submitted_at` is at or before the round's deadline (no time counts as on
//! time); on equal versions, the later time (no time first), then the later
//! in input, counts. If none was on time, the highest late one counts and is
//! late. The other submissions' values are not counted: drafts
//! ([`Reason::Draft`]), late ones when an
//! on-time one counts
//! ([`Reason::AfterDeadline`]),
//! equal versions ([`Reason::Duplicate`])
//! and lower versions
//! ([`Reason::Superseded`]). Within
//! the counted submission, a second value for a sample is a duplicate, and
//! a sample the analyte is not tested on in the round, or an analyte the
//! program lacks, is not in the plan
//! ([`Reason::NotInPlan`]). A sample
//! of the analyte without a value is a missing sample, unacceptable.
//!
//! # Enrolment
//!
//! A laboratory is enrolled for the analytes its enrolments in the program
//! list (analytes the program lacks are ignored; an empty list is every
//! analyte) and for every analyte it submitted anything for. When the
//! results hold no enrolment in the program at all, a laboratory is enrolled
//! for every analyte it sent the program in any round of the results, so a
//! round it skips is not returned rather than absent. An enrolled analyte without a counted submission
//! is not returned: one evaluation per sample, score 0. A laboratory excused
//! from the round has every value not scored and its analytes excused; its
//! results stay out of peer groups.
//!
//! # Order
//!
//! Evaluations are ordered by laboratory code, then analyte in plan order
//! (analytes the program lacks last, by code), then sample in round order
//! (unknown samples last, by code), then row (missing and not-returned
//! samples first), then input order. Groups are ordered by analyte, sample,
//! rung and key; analyte scores by laboratory and analyte; program scores by
//! laboratory.

pub(crate) mod model;
pub mod peer_groups;
pub mod pt_scores;
pub mod targets;
pub mod verdicts;
pub mod vis;

pub(crate) mod intern;
pub(crate) mod items;
pub(crate) mod layout;
pub(crate) mod selection;
pub(crate) mod setup;

pub use model::*;
pub use pt_scores::satisfactory;
pub use vis::{MAX_VIS, vis_score};

use std::sync::Arc;

use crate::error::{Error, Result};
use crate::plan::criteria::Criteria;

use crate::plan::model::Plan;
use crate::results::model::Results;

/// Scores one round of a program: an evaluation for every input value, the
/// peer groups with their targets, and the PT scores of every enrolled
/// laboratory's analytes and program.
///
/// # Errors
///
/// [`Error::InvalidParameter`] named `program` or `round` when the plan has
/// no such program or round, or naming a scoring setting out of its domain
/// (see the settings' `check` functions); [`Error::InvalidDocument`] for a
/// given target of an unknown analyte or sample, a duplicate one, or one
/// that is not a number (or not in the vocabulary); [`Error::Overflow`] if a
/// limit or deviation leaves the decimal range.
///
/// # Examples
///
/// Glucose with targets given and a ±10 % limit (domain §4.2): 4 of 5
/// acceptable, 80 %, satisfactory.
///
/// ```
/// use eqa::plan::criteria::Criteria;
/// use eqa::scoring::{Outcome, Verdict};
/// use eqa::plan::Plan;
/// use eqa::results::Results;
///
/// let plan = Plan::from_json(r#"{
///   "provider": {"code": "CQCCL"}, "year": 2026,
///   "programs": [{
///     "code": "C1",
///     "analytes": [{"code": "GLU", "unit": "mmol/L",
///                   "scoring": {"limit": {"kind": "percent", "percent": 10}}}],
///     "rounds": [{"code": "2026-1", "deadline": "2026-04-20T17:00:00+08:00",
///                 "samples": [{"code": "1"}, {"code": "2"}, {"code": "3"}, {"code": "4"}, {"code": "5"}]}],
///     "scoring": {"target": {"kind": "given"}}
///   }]
/// }"#)?;
/// let mut results: Results = serde_json::from_str(r#"{"submissions": [{
///   "lab": "L1", "program": "C1", "round": "2026-1", "analyte": "GLU",
///   "values": [{"sample": "1", "value": "5.00", "row": 2}, {"sample": "2", "value": "4.60", "row": 3},
///              {"sample": "3", "value": "4.00", "row": 4}, {"sample": "4", "value": "3.20", "row": 5},
///              {"sample": "5", "value": "3.70", "row": 6}]}]}"#).unwrap();
/// for (sample, target) in [("1", "5.25"), ("2", "5.00"), ("3", "4.50"), ("4", "3.50"), ("5", "4.00")] {
///     results.given_targets.push(serde_json::from_value(serde_json::json!({
///         "program": "C1", "round": "2026-1", "analyte": "GLU", "sample": sample, "value": target
///     })).unwrap());
/// }
/// let scoring = eqa::score_round(&plan, &Criteria::default(), &results, "C1", "2026-1")?;
/// let unacceptable: Vec<_> = scoring.evaluations.iter()
///     .filter(|e| e.verdict == Verdict::Unacceptable).map(|e| &*e.sample).collect();
/// assert_eq!(unacceptable, ["3"]);
/// assert_eq!(scoring.analyte_scores[0].score, Some(80.0));
/// assert_eq!(scoring.analyte_scores[0].outcome, Outcome::Satisfactory);
/// # Ok::<(), eqa::Error>(())
/// ```
pub fn score_round(
    plan: &Plan,
    criteria: &Criteria,
    results: &Results,
    program: &str,
    round: &str,
) -> Result<RoundScoring> {
    let program = plan
        .program(program)
        .ok_or_else(|| Error::InvalidParameter {
            name: "program",
            value: program.to_owned(),
            expected: "the code of a program of the plan",
        })?;
    let round = program
        .round(round)
        .ok_or_else(|| Error::InvalidParameter {
            name: "round",
            value: round.to_owned(),
            expected: "the code of a round of the program",
        })?;
    let scoring = &program.scoring;
    let setups = setup::analytes(plan, criteria, program, round)?;
    let aliases = setup::AliasMaps::of(&plan.aliases);
    let mut selected = selection::select(results, program, round, &setups, &aliases);
    let given =
        targets::given_targets(results, program, round, &setups, &mut selected.vocabularies)?;
    let groups = peer_groups::group(&mut selected, &setups, round.samples.len(), scoring.late);
    let sample_codes: Vec<Arc<str>> = round
        .samples
        .iter()
        .map(|s| Arc::from(s.code.as_str()))
        .collect();
    let (groups, targets) = targets::assign(
        groups,
        &setups,
        &given,
        &selected.vocabularies,
        &sample_codes,
    );
    let judge = verdicts::Judge {
        setups: &setups,
        round,
        results,
        targets: &targets,
        vocabularies: &selected.vocabularies,
        boundary: scoring.boundary,
        late: scoring.late,
    };
    judge.judge(&selected.items, &mut selected.evaluations)?;
    let analyte_scores = pt_scores::analyte_scores(
        &selected.slots,
        &selected.evaluations,
        &setups,
        &selected.labs,
        scoring.late,
    );
    let program_scores = pt_scores::program_scores(
        &analyte_scores,
        &selected.slots,
        &setups,
        scoring.program_score,
        scoring.pass_threshold,
    );
    let criteria = setup::table(plan, criteria, &program.code)
        .map(|t| format!("{}/{}/{} ({})", t.provider, t.year, program.code, t.source));
    Ok(RoundScoring {
        program: Arc::from(program.code.as_str()),
        round: Arc::from(round.code.as_str()),
        settings: ScoringSettings {
            criteria,
            boundary: scoring.boundary,
            program_score: scoring.program_score,
            late: scoring.late,
            pass_threshold: scoring.pass_threshold,
            unit: scoring.unit,
        },
        groups,
        evaluations: selected.evaluations,
        analyte_scores,
        program_scores,
    })
}

/// Scores every round of a program, in plan order.
///
/// # Errors
///
/// As [`score_round`]; [`Error::InvalidParameter`] named `program` when the
/// plan has no such program.
///
/// # Examples
///
/// ```
/// use eqa::plan::criteria::Criteria;
/// use eqa::plan::Plan;
/// use eqa::results::Results;
///
/// let plan = Plan::from_json(r#"{
///   "provider": {"code": "P"}, "year": 2026,
///   "programs": [{"code": "C1", "analytes": [{"code": "K"}],
///     "rounds": [{"code": "1", "deadline": "2026-04-20T17:00:00+08:00"},
///                {"code": "2", "deadline": "2026-09-20T17:00:00+08:00"}]}]
/// }"#)?;
/// let year = eqa::score_year(&plan, &Criteria::default(), &Results::default(), "C1")?;
/// assert_eq!(year.iter().map(|r| &*r.round).collect::<Vec<_>>(), ["1", "2"]);
/// assert!(eqa::score_year(&plan, &Criteria::default(), &Results::default(), "X").is_err());
/// # Ok::<(), eqa::Error>(())
/// ```
pub fn score_year(
    plan: &Plan,
    criteria: &Criteria,
    results: &Results,
    program: &str,
) -> Result<Vec<RoundScoring>> {
    let found = plan
        .program(program)
        .ok_or_else(|| Error::InvalidParameter {
            name: "program",
            value: program.to_owned(),
            expected: "the code of a program of the plan",
        })?;
    found
        .rounds
        .iter()
        .map(|round| score_round(plan, criteria, results, program, &round.code))
        .collect()
}
