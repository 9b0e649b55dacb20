//! What scoring a round produces: an evaluation per sample value, the
//! targets of every peer group, a PT score per laboratory and analyte, and
//! a score per laboratory and program (domain §4).
//!
//! Every input value appears in exactly one [`Evaluation`] (found by its
//! `row`), whatever its fate: scored, not scored with a reason, late, or not
//! counted (a draft, an older version, a duplicate). Missing samples and
//! analytes not returned appear too, with no row.

use std::sync::Arc;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::plan::limits::Boundary;
use crate::plan::model::{LatePolicy, ProgramScoreRule, UnitPolicy};
use crate::plan::peer_policy::GroupField;

/// The verdict on one sample value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Within the acceptance limit.
    Acceptable,
    /// Outside the limit, unreadable, out of vocabulary, or missing.
    Unacceptable,
    /// Evaluated but not scored; the reason says why.
    NotScored,
    /// Enrolled but no result was submitted by the deadline.
    NotReturned,
    /// Submitted after the deadline.
    Late,
    /// Not the value that counts: a draft, an older version, a duplicate, or
    /// a value for something the plan does not have.
    NotCounted,
}

/// Why a value got its verdict (for every verdict but a plain acceptable).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Unacceptable: the deviation is beyond the limit.
    OutsideLimit,
    /// Unacceptable: the text is not a number (or not a category) where one
    /// is needed.
    UnreadableValue,
    /// Unacceptable: a word outside the analyte's vocabulary.
    OutOfVocabulary,
    /// Unacceptable: reported in another unit than the analyte's.
    WrongUnit,
    /// Unacceptable: the sample has no value in the counted submission.
    MissingSample,
    /// Not scored: the participants did not agree on a target.
    NoConsensus,
    /// Not scored: two or more grades were equally the most frequent, so
    /// no grade is the target.
    TiedModes,
    /// Not scored: the peer group (even its last rung) is too small.
    GroupTooSmall,
    /// Not scored: the sample was invalidated.
    SampleInvalidated,
    /// Not scored: the analyte is not graded (不计分项目).
    AnalyteNotGraded,
    /// Not scored: no acceptance limit is known for the analyte.
    NoCriterion,
    /// Not scored: no target was given for the sample.
    NoTarget,
    /// Not scored: a censored value (`<0.5`) that the limit cannot decide.
    CensoredValue,
    /// Not scored: the laboratory is excused from the round.
    Excused,
    /// Late or not returned: submitted after the deadline.
    AfterDeadline,
    /// Not returned: nothing submitted.
    NoSubmission,
    /// Not counted: a draft.
    Draft,
    /// Not counted: an older version than the one that counts.
    Superseded,
    /// Not counted: a second value for the same sample in one submission.
    Duplicate,
    /// Not counted: the analyte, round or sample is not in the plan.
    NotInPlan,
}

/// The evaluation of one sample value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    /// The laboratory's code.
    pub lab: Arc<str>,
    /// The analyte's code.
    pub analyte: Arc<str>,
    /// The sample's code.
    pub sample: Arc<str>,
    /// The input row of the value; `None` for a missing sample or an
    /// analyte not returned.
    pub row: Option<u32>,
    /// The verdict.
    pub verdict: Verdict,
    /// Why, unless plainly acceptable.
    pub reason: Option<Reason>,
    /// The reported number, when it is one; in the analyte's unit when it
    /// was converted (see `converted_unit`).
    pub value: Option<f64>,
    /// The unit the value was reported in, when it was converted to the
    /// analyte's unit before it was judged ([`UnitPolicy::Convert`]).
    ///
    /// [`UnitPolicy::Convert`]: crate::plan::UnitPolicy::Convert
    #[serde(default)]
    pub converted_unit: Option<Arc<str>>,
    /// The target.
    pub target: Option<f64>,
    /// The allowed deviation L(T) in the analyte's unit.
    pub allowed: Option<f64>,
    /// x − T.
    pub bias: Option<f64>,
    /// 100·(x − T)/T.
    pub bias_percent: Option<f64>,
    /// (x − T)/s of the peer group (the SDI; a z score when s is σ_pt).
    pub z: Option<f64>,
    /// The expected category or grade of a qualitative, ordinal or nominal
    /// analyte.
    pub expected: Option<Arc<str>>,
    /// The legacy VIS score (domain §4.9), when the analyte has a CCV.
    pub vis: Option<u32>,
    /// The index of the peer group in [`RoundScoring::groups`] whose target
    /// was used.
    pub group: Option<u32>,
}

/// A warning about a peer group's target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetWarning {
    /// Fewer results than the policy's minimum (only on the last rung).
    SmallGroup,
    /// u(x_pt) > 0.3·σ_pt (ISO 13528 §9.2), σ_pt being a third of the
    /// deviation the acceptance limit allows at the target (the group's SD
    /// under a ±k·s limit).
    LargeUncertainty,
    /// The group's SD is 0 (every result equal), so its evaluations have
    /// no z.
    ZeroSpread,
    /// The kernel density of the results has more than one mode.
    Multimodal,
    /// The estimator did not converge within its iteration limit.
    NotConverged,
}

/// A peer group of one analyte and sample, and its target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeerGroup {
    /// The analyte's code.
    pub analyte: Arc<str>,
    /// The sample's code.
    pub sample: Arc<str>,
    /// The rung of the ladder (0 = finest).
    pub rung: u32,
    /// The fields of the rung and the group's values of them.
    pub key: Vec<(GroupField, Arc<str>)>,
    /// How many results the group has.
    pub n: usize,
    /// How many of them were used by the estimator (after trimming).
    pub n_used: usize,
    /// The target, if one could be assigned.
    pub target: Option<f64>,
    /// The target's standard uncertainty u(x_pt).
    pub uncertainty: Option<f64>,
    /// The group's (robust) standard deviation.
    pub sd: Option<f64>,
    /// 100·sd/|target|.
    pub cv: Option<f64>,
    /// The median of the group's numbers.
    pub median: Option<f64>,
    /// The expected category of a categorical analyte.
    pub category: Option<Arc<str>>,
    /// The share of participants giving that category, in percent.
    pub agreement: Option<f64>,
    /// How the target was assigned, such as `algorithm_a`, `given`, `agreement`.
    pub method: Arc<str>,
    /// Warnings.
    pub warnings: Vec<TargetWarning>,
}

/// The outcome of an analyte (or a program) for a laboratory in a round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Score at or above the threshold.
    Satisfactory,
    /// Score below the threshold.
    Unsatisfactory,
    /// Enrolled but nothing submitted: score 0, unsatisfactory.
    NotReturned,
    /// Submitted after the deadline under [`LatePolicy::NotReturned`]:
    /// score 0, unsatisfactory.
    Late,
    /// Every value not scored: no score (not 0, not 100).
    NoScore,
    /// Excused: skipped in histories.
    Excused,
}

impl Outcome {
    /// Whether the outcome counts as unsatisfactory in histories.
    pub fn is_unsatisfactory(self) -> bool {
        matches!(
            self,
            Outcome::Unsatisfactory | Outcome::NotReturned | Outcome::Late
        )
    }
}

/// A laboratory's PT score (PT成绩) for an analyte in a round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnalyteScore {
    /// The laboratory's code.
    pub lab: Arc<str>,
    /// The analyte's code.
    pub analyte: Arc<str>,
    /// Acceptable values.
    pub acceptable: usize,
    /// Scored values (acceptable + unacceptable, missing samples included).
    pub scored: usize,
    /// Values not scored.
    pub not_scored: usize,
    /// 100·acceptable/scored; 0 when not returned or late; `None` when
    /// nothing was scored.
    pub score: Option<f64>,
    /// The threshold in percent.
    pub threshold: Decimal,
    /// The outcome.
    pub outcome: Outcome,
    /// The mean VIS over the scored values, when the analyte has a CCV.
    pub mean_vis: Option<f64>,
}

/// A laboratory's score for a program in a round (总成绩).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgramScore {
    /// The laboratory's code.
    pub lab: Arc<str>,
    /// How analytes are combined.
    pub rule: ProgramScoreRule,
    /// Acceptable values over the analytes (pooled rule).
    pub acceptable: usize,
    /// Scored values over the analytes, not-returned ones counted as
    /// unacceptable.
    pub scored: usize,
    /// Analytes with a score.
    pub analytes_scored: usize,
    /// The score; `None` when no analyte was scored.
    pub score: Option<f64>,
    /// The threshold in percent.
    pub threshold: Decimal,
    /// The outcome.
    pub outcome: Outcome,
}

/// The settings a round was scored under, echoed in its result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoringSettings {
    /// The criteria table used, as `provider/year/program` and its source.
    pub criteria: Option<String>,
    /// The boundary rule.
    pub boundary: Boundary,
    /// The program score rule.
    pub program_score: ProgramScoreRule,
    /// The late policy.
    pub late: LatePolicy,
    /// The program's pass threshold in percent.
    pub pass_threshold: Decimal,
    /// What a result in another unit than the analyte's scored (a scoring
    /// saved without it was scored before units were converted).
    #[serde(default = "unacceptable")]
    pub unit: UnitPolicy,
}

/// Everything scoring a round produces.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoundScoring {
    /// The program's code.
    pub program: Arc<str>,
    /// The round's code.
    pub round: Arc<str>,
    /// The settings used.
    pub settings: ScoringSettings,
    /// Every peer group with its target.
    pub groups: Vec<PeerGroup>,
    /// An evaluation per value, plus missing and not-returned samples.
    pub evaluations: Vec<Evaluation>,
    /// A score per laboratory and analyte.
    pub analyte_scores: Vec<AnalyteScore>,
    /// A score per laboratory for the program.
    pub program_scores: Vec<ProgramScore>,
}

/// The unit policy of a scoring saved before there was one: every other
/// unit was unacceptable.
fn unacceptable() -> UnitPolicy {
    UnitPolicy::Unacceptable
}
