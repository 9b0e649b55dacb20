//! The named policies behind the indicators (domain §6.3, §6.4).
//!
//! The official operational definitions (国家三级/二级公立医院绩效考核操作手册)
//! are not public, so every choice they would settle is a policy here, with
//! a documented default that is UNCONFIRMED, and every result echoes the
//! policies it was computed under.

use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::history::performance::{HistoryRule, HistoryStatus, performance_history};
use crate::names::named_choices;
use crate::scoring::model::Outcome;

/// When an analyte passes the year (合格), from its rounds' outcomes.
///
/// Rounds not scored ([`Outcome::NoScore`]) and excused rounds are skipped;
/// not returned and late rounds count as unsatisfactory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YearPassPolicy {
    /// Every scored round satisfactory (default; UNCONFIRMED).
    #[default]
    AllScoredRoundsSatisfactory,
    /// Not unsuccessful: no two consecutive unsatisfactory scored rounds and
    /// no two unsatisfactory in any three consecutive ones (domain §4.7), as
    /// [`crate::history::performance::performance_history`] decides under the default
    /// [`crate::history::performance::HistoryRule`].
    NotUnsuccessful,
    /// More than half of the scored rounds satisfactory.
    MajorityOfRounds,
}

named_choices!(YearPassPolicy, option "year_pass",
    expected "\"all_scored_rounds_satisfactory\", \"not_unsuccessful\" or \"majority_of_rounds\"" {
    AllScoredRoundsSatisfactory => "all_scored_rounds_satisfactory",
    NotUnsuccessful => "not_unsuccessful",
    MajorityOfRounds => "majority_of_rounds",
});

/// What makes a laboratory a participant for an analyte.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParticipationPolicy {
    /// Enrolled in at least one round that was not excused; a round not
    /// returned then counts as unsatisfactory (default, domain §6.3;
    /// UNCONFIRMED).
    #[default]
    Enrolled,
    /// Returned results by the deadline in at least one round (satisfactory,
    /// unsatisfactory or not scored).
    Returned,
}

named_choices!(ParticipationPolicy, option "participation",
    expected "\"enrolled\" or \"returned\"" {
    Enrolled => "enrolled",
    Returned => "returned",
});

/// How an item covered by several programs or laboratories combines their
/// verdicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CombinationPolicy {
    /// The item passes only if every evaluated program and laboratory
    /// passes (default; UNCONFIRMED).
    #[default]
    AllMustPass,
    /// The item passes if any evaluated program or laboratory passes.
    AnyPasses,
}

named_choices!(CombinationPolicy, option "combination",
    expected "\"all_must_pass\" or \"any_passes\"" {
    AllMustPass => "all_must_pass",
    AnyPasses => "any_passes",
});

/// What becomes of an item that was participated in but never scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnscoredPolicy {
    /// Left out of the pass-rate denominator, still counted as participated
    /// (default; UNCONFIRMED).
    #[default]
    ExcludedFromPassRate,
    /// Counted in the pass-rate denominator and as failed.
    CountedAsFailed,
}

named_choices!(UnscoredPolicy, option "unscored",
    expected "\"excluded_from_pass_rate\" or \"counted_as_failed\"" {
    ExcludedFromPassRate => "excluded_from_pass_rate",
    CountedAsFailed => "counted_as_failed",
});

/// Which items without EQA count in the numerator of the alternative
/// assessment usage rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AlternativeCounting {
    /// Items with at least one alternative assessment in the year, as the
    /// 2025 indicator CL-11 words it ("使用替代评价方法"; default).
    #[default]
    Used,
    /// Items whose alternative assessments meet the [`AlternativeRule`].
    MeetsRule,
}

named_choices!(AlternativeCounting, option "alternative_counting",
    expected "\"used\" or \"meets_rule\"" {
    Used => "used",
    MeetsRule => "meets_rule",
});

/// When an item's alternative assessments in a year are acceptable
/// (CNAS-CL02-A004:2018 §5.6.3, domain §6.4): at least `min_events` events,
/// each of at least `min_samples` samples and at least `min_agreement` %
/// agreeing results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AlternativeRule {
    /// Samples per event (default 5).
    pub min_samples: u32,
    /// Events per year (default 2).
    pub min_events: u32,
    /// Agreeing results per event, in percent, inclusive (default 80).
    pub min_agreement: Decimal,
}

impl Default for AlternativeRule {
    fn default() -> Self {
        AlternativeRule {
            min_samples: 5,
            min_events: 2,
            min_agreement: Decimal::from(80),
        }
    }
}

impl AlternativeRule {
    /// A rule from plain numbers; `min_agreement` is read as the decimal it
    /// prints as (`87.5` is exactly 87.5).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] unless `min_samples` and `min_events` are
    /// at least 1 and `min_agreement` is a number from 0 to 100.
    ///
    /// # Examples
    ///
    /// ```
    /// use eqa::indicators::AlternativeRule;
    ///
    /// let rule = AlternativeRule::new(5, 2, 87.5)?;
    /// assert_eq!(rule.min_agreement.to_string(), "87.5");
    /// assert_eq!(AlternativeRule::new(5, 0, 80.0).unwrap_err().code(), "invalid_parameter");
    /// # Ok::<(), eqa::Error>(())
    /// ```
    pub fn new(
        min_samples: u32,
        min_events: u32,
        min_agreement: f64,
    ) -> crate::Result<AlternativeRule> {
        let bad = |value: String| Error::InvalidParameter {
            name: "min_agreement",
            value,
            expected: "a percentage from 0 to 100",
        };
        let agreement =
            Decimal::from_f64(min_agreement).ok_or_else(|| bad(min_agreement.to_string()))?;
        let rule = AlternativeRule {
            min_samples,
            min_events,
            min_agreement: agreement,
        };
        rule.check()?;
        Ok(rule)
    }

    /// Checks the rule's numbers.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] naming the first number out of its domain.
    pub fn check(&self) -> crate::Result<()> {
        if self.min_samples == 0 {
            return Err(Error::InvalidParameter {
                name: "min_samples",
                value: "0".into(),
                expected: "a whole number of at least 1",
            });
        }
        if self.min_events == 0 {
            return Err(Error::InvalidParameter {
                name: "min_events",
                value: "0".into(),
                expected: "a whole number of at least 1",
            });
        }
        if self.min_agreement < Decimal::ZERO || self.min_agreement > Decimal::ONE_HUNDRED {
            return Err(Error::InvalidParameter {
                name: "min_agreement",
                value: self.min_agreement.to_string(),
                expected: "a percentage from 0 to 100",
            });
        }
        Ok(())
    }

    /// Whether `agreeing` of `samples` is agreement enough: exactly,
    /// 100·agreeing ≥ min_agreement·samples.
    pub fn agrees(&self, samples: u32, agreeing: u32) -> bool {
        agreeing <= samples
            && Decimal::from(agreeing) * Decimal::ONE_HUNDRED
                >= self.min_agreement * Decimal::from(samples)
    }
}

/// Every policy of the indicators; [`Default`] gives the documented
/// defaults (all UNCONFIRMED: the official manuals are not public).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct IndicatorPolicies {
    /// When an analyte passes the year.
    pub year_pass: YearPassPolicy,
    /// What counts as participating.
    pub participation: ParticipationPolicy,
    /// How programs and laboratories covering one item combine.
    pub combination: CombinationPolicy,
    /// What becomes of items never scored.
    pub unscored: UnscoredPolicy,
    /// Which items count as using alternative assessment.
    pub alternative_counting: AlternativeCounting,
    /// When alternative assessments are acceptable.
    pub alternative_rule: AlternativeRule,
}

impl IndicatorPolicies {
    /// Checks the alternative rule.
    ///
    /// # Errors
    ///
    /// As [`AlternativeRule::check`].
    pub fn check(&self) -> crate::Result<()> {
        self.alternative_rule.check()
    }
}

/// The verdict on one analyte of one laboratory over a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YearVerdict {
    /// Participated and passed.
    Passed,
    /// Participated and failed.
    Failed,
    /// Participated, but no round was scored.
    NotEvaluated,
    /// Not a participant under the participation policy.
    NotParticipated,
}

named_choices!(YearVerdict, option "verdict",
    expected "\"passed\", \"failed\", \"not_evaluated\" or \"not_participated\"" {
    Passed => "passed",
    Failed => "failed",
    NotEvaluated => "not_evaluated",
    NotParticipated => "not_participated",
});

/// Whether a round counts in the year-pass rule.
fn scored(outcome: Outcome) -> bool {
    !matches!(outcome, Outcome::NoScore | Outcome::Excused)
}

impl ParticipationPolicy {
    /// Whether rounds with these outcomes make a participant.
    pub fn participated(self, rounds: &[Outcome]) -> bool {
        match self {
            ParticipationPolicy::Enrolled => rounds.iter().any(|&o| o != Outcome::Excused),
            ParticipationPolicy::Returned => rounds.iter().any(|&o| {
                matches!(
                    o,
                    Outcome::Satisfactory | Outcome::Unsatisfactory | Outcome::NoScore
                )
            }),
        }
    }
}

impl YearPassPolicy {
    /// Whether the year passes; `None` when no round was scored.
    ///
    /// # Examples
    ///
    /// ```
    /// use eqa::scoring::Outcome::{Satisfactory as S, Unsatisfactory as U, NoScore};
    /// use eqa::indicators::YearPassPolicy::*;
    ///
    /// let rounds = [U, S, S, U];
    /// assert_eq!(AllScoredRoundsSatisfactory.passes(&rounds), Some(false));
    /// assert_eq!(NotUnsuccessful.passes(&rounds), Some(true));
    /// assert_eq!(MajorityOfRounds.passes(&rounds), Some(false));
    /// assert_eq!(NotUnsuccessful.passes(&[NoScore, NoScore]), None);
    /// ```
    pub fn passes(self, rounds: &[Outcome]) -> Option<bool> {
        let unsatisfactory: Vec<bool> = rounds
            .iter()
            .filter(|&&o| scored(o))
            .map(|&o| o.is_unsatisfactory())
            .collect();
        if unsatisfactory.is_empty() {
            return None;
        }
        let bad = unsatisfactory.iter().filter(|&&u| u).count();
        Some(match self {
            YearPassPolicy::AllScoredRoundsSatisfactory => bad == 0,
            // The default rule of the performance history: two consecutive,
            // or two of three consecutive, unsatisfactory scored rounds. The
            // default rule is valid, so the history cannot refuse it.
            YearPassPolicy::NotUnsuccessful => performance_history(rounds, &HistoryRule::default())
                .is_ok_and(|statuses| !statuses.contains(&HistoryStatus::Unsuccessful)),
            YearPassPolicy::MajorityOfRounds => {
                2 * (unsatisfactory.len() - bad) > unsatisfactory.len()
            }
        })
    }
}

impl IndicatorPolicies {
    /// The verdict on one analyte of one laboratory from its rounds.
    pub fn verdict(&self, rounds: &[Outcome]) -> YearVerdict {
        if !self.participation.participated(rounds) {
            return YearVerdict::NotParticipated;
        }
        match self.year_pass.passes(rounds) {
            None => YearVerdict::NotEvaluated,
            Some(true) => YearVerdict::Passed,
            Some(false) => YearVerdict::Failed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Outcome::{
        Excused as E, Late as L, NoScore as N, NotReturned as R, Satisfactory as S,
        Unsatisfactory as U,
    };

    #[test]
    fn year_pass_rules() {
        let cases: [(&[Outcome], [bool; 3]); 8] = [
            (&[S, S], [true, true, true]),
            (&[S, U], [false, true, false]),
            (&[R, R], [false, false, false]),
            (&[U, S, S], [false, true, true]),
            (&[U, S, U], [false, false, false]),
            (&[U, S, S, U], [false, true, false]),
            (&[U, N, E, S, S], [false, true, true]),
            (&[L], [false, true, false]),
        ];
        for (rounds, expected) in cases {
            let got: Vec<bool> = YearPassPolicy::ALL
                .iter()
                .map(|p| p.passes(rounds).unwrap())
                .collect();
            assert_eq!(got, expected, "{rounds:?}");
        }
    }

    #[test]
    fn participation() {
        assert!(ParticipationPolicy::Enrolled.participated(&[R, R]));
        assert!(!ParticipationPolicy::Returned.participated(&[R, L]));
        assert!(ParticipationPolicy::Returned.participated(&[R, N]));
        assert!(!ParticipationPolicy::Enrolled.participated(&[E]));
        assert!(!ParticipationPolicy::Enrolled.participated(&[]));
    }

    #[test]
    fn alternative_rule_is_exact() {
        let rule = AlternativeRule::default();
        assert!(rule.agrees(5, 4));
        assert!(!rule.agrees(6, 4));
        assert!(!rule.agrees(5, 6));
        assert!(AlternativeRule::new(5, 2, 101.0).is_err());
        assert!(AlternativeRule::new(5, 2, f64::NAN).is_err());
        let rule = AlternativeRule::new(1, 1, 87.5).unwrap();
        assert!(rule.agrees(8, 7) && !rule.agrees(9, 7));
    }
}
