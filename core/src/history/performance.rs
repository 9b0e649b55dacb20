//! Performance over consecutive rounds (domain §4.7): satisfactory,
//! unsatisfactory or unsuccessful, per laboratory and analyte and per
//! laboratory and program.
//!
//! The rule is CLIA's (42 CFR §493.845(f)-(g)): an analyte (or the program)
//! is *unsuccessful* when it is unsatisfactory in two consecutive rounds, or
//! in two of three consecutive rounds. Both numbers are parameters of a
//! [`HistoryRule`]; that Chinese schemes use the same rule is UNCONFIRMED.
//! Excused rounds and rounds without a score are skipped: they are neither
//! satisfactory nor unsatisfactory and do not break a run.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::names::named_choices;
use crate::scoring::model::{Outcome, RoundScoring};

/// When a run of unsatisfactory rounds makes a round unsuccessful.
///
/// The default is CLIA's (42 CFR §493.845(f)-(g)): two consecutive
/// unsatisfactory rounds, or two unsatisfactory rounds among three
/// consecutive ones. UNCONFIRMED for Chinese schemes (GB/T 20470-2006).
///
/// # Examples
///
/// ```
/// use eqa::history::HistoryRule;
///
/// let rule = HistoryRule::default();
/// assert_eq!((rule.consecutive, rule.k_of_n), (2, Some((2, 3))));
/// let json: HistoryRule = serde_json::from_str(r#"{"k_of_n": null}"#).unwrap();
/// assert_eq!(json, HistoryRule { consecutive: 2, k_of_n: None });
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HistoryRule {
    /// This many unsatisfactory counted rounds in a row make the last one
    /// unsuccessful (at least 1; default 2). To use the k-of-n rule alone,
    /// set it to k: k in a row always contain k of n.
    pub consecutive: u32,
    /// `(k, n)`: k unsatisfactory rounds among the last n counted rounds
    /// make the last one unsuccessful (1 ≤ k ≤ n; default `(2, 3)`); `None`
    /// for no such rule. Fewer than n counted rounds so far are a window of
    /// their own.
    pub k_of_n: Option<(u32, u32)>,
}

impl Default for HistoryRule {
    fn default() -> Self {
        HistoryRule {
            consecutive: 2,
            k_of_n: Some((2, 3)),
        }
    }
}

impl HistoryRule {
    /// Checks the rule's numbers.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] named `consecutive` when it is 0, or
    /// `k_of_n` unless 1 ≤ k ≤ n.
    pub fn check(&self) -> crate::Result<()> {
        if self.consecutive == 0 {
            return Err(Error::InvalidParameter {
                name: "consecutive",
                value: "0".into(),
                expected: "a whole number of rounds, at least 1",
            });
        }
        if let Some((k, n)) = self.k_of_n
            && (k == 0 || k > n)
        {
            return Err(Error::InvalidParameter {
                name: "k_of_n",
                value: format!("({k}, {n})"),
                expected: "(k, n) with 1 <= k <= n",
            });
        }
        Ok(())
    }
}

/// The status of one round in a history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HistoryStatus {
    /// The round was satisfactory.
    Satisfactory,
    /// The round was unsatisfactory (score below the threshold, not
    /// returned, or late), but not yet unsuccessful.
    Unsatisfactory,
    /// The round was unsatisfactory and completes a run the rule forbids.
    Unsuccessful,
    /// The round had no score; skipped.
    NoScore,
    /// The laboratory was excused; skipped.
    Excused,
}

named_choices!(HistoryStatus, option "status", expected "satisfactory, unsatisfactory, unsuccessful, no_score or excused" {
    Satisfactory => "satisfactory",
    Unsatisfactory => "unsatisfactory",
    Unsuccessful => "unsuccessful",
    NoScore => "no_score",
    Excused => "excused",
});

/// The status of each round of one history, in the order given.
///
/// A round is [`HistoryStatus::Unsuccessful`] when it is unsatisfactory
/// ([`Outcome::is_unsatisfactory`]) and, among the counted rounds up to it
/// (excused and unscored rounds left out), the last `consecutive` are all
/// unsatisfactory or the last n hold at least k unsatisfactory ones.
///
/// # Errors
///
/// [`Error::InvalidParameter`] for a rule that [`HistoryRule::check`]
/// refuses.
///
/// # Examples
///
/// ```
/// use eqa::scoring::Outcome::{Satisfactory as S, Unsatisfactory as U};
/// use eqa::history::{HistoryRule, HistoryStatus, performance_history};
///
/// let statuses = performance_history(&[S, U, S, U], &HistoryRule::default())?;
/// assert_eq!(statuses[3], HistoryStatus::Unsuccessful);
/// assert_eq!(statuses[1], HistoryStatus::Unsatisfactory);
/// # Ok::<(), eqa::Error>(())
/// ```
pub fn performance_history(
    outcomes: &[Outcome],
    rule: &HistoryRule,
) -> crate::Result<Vec<HistoryStatus>> {
    rule.check()?;
    let mut counted: Vec<bool> = Vec::with_capacity(outcomes.len());
    let statuses = outcomes
        .iter()
        .map(|&outcome| match outcome {
            Outcome::Excused => HistoryStatus::Excused,
            Outcome::NoScore => HistoryStatus::NoScore,
            Outcome::Satisfactory => {
                counted.push(false);
                HistoryStatus::Satisfactory
            }
            Outcome::Unsatisfactory | Outcome::NotReturned | Outcome::Late => {
                counted.push(true);
                if unsuccessful(&counted, rule) {
                    HistoryStatus::Unsuccessful
                } else {
                    HistoryStatus::Unsatisfactory
                }
            }
        })
        .collect();
    Ok(statuses)
}

/// Whether the counted rounds so far (true = unsatisfactory), ending with an
/// unsatisfactory one, complete a forbidden run.
fn unsuccessful(counted: &[bool], rule: &HistoryRule) -> bool {
    let last = |n: u32| {
        let n = usize::try_from(n).unwrap_or(usize::MAX).min(counted.len());
        &counted[counted.len() - n..]
    };
    let run =
        rule.consecutive as usize <= counted.len() && last(rule.consecutive).iter().all(|&u| u);
    let window = rule.k_of_n.is_some_and(|(k, n)| {
        let bad = last(n).iter().filter(|&&u| u).count();
        bad >= k as usize
    });
    run || window
}

/// One laboratory's history for an analyte or for the program.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabHistory {
    /// The laboratory's code.
    pub lab: Arc<str>,
    /// The analyte's code; `None` for the program score.
    pub analyte: Option<Arc<str>>,
    /// The rounds in which the laboratory has a score, in the order given.
    pub rounds: Vec<Arc<str>>,
    /// Its outcome in each of them.
    pub outcomes: Vec<Outcome>,
    /// The status of each of them.
    pub statuses: Vec<HistoryStatus>,
    /// Whether any round is unsuccessful.
    pub unsuccessful: bool,
}

/// The histories of every laboratory for every analyte and for the
/// program, over the scorings of one program's rounds in round order.
///
/// A laboratory without a score in a round (not enrolled, not in that
/// round's scoring) simply has no entry for it: the rounds on either side
/// become consecutive in its history. Histories come sorted by laboratory,
/// the program's first, then the analytes by code.
///
/// # Errors
///
/// [`Error::InvalidParameter`] for a bad rule; [`Error::InvalidDocument`]
/// when the scorings are of different programs (path `[i].program`), a
/// round appears twice (`[i].round`), or a round has two scores for one
/// laboratory and analyte (`[i].analyte_scores[j]`) or program
/// (`[i].program_scores[j]`).
///
/// # Examples
///
/// ```
/// use eqa::history::{HistoryRule, histories};
///
/// assert!(histories(&[], &HistoryRule::default())?.is_empty());
/// # Ok::<(), eqa::Error>(())
/// ```
pub fn histories(scorings: &[RoundScoring], rule: &HistoryRule) -> crate::Result<Vec<LabHistory>> {
    if let Some(first) = scorings.first()
        && let Some(i) = scorings.iter().position(|s| s.program != first.program)
    {
        return Err(Error::InvalidDocument {
            path: format!("[{i}].program"),
            message: format!(
                "a scoring of program {} where the first is of {}",
                scorings.get(i).map_or("", |s| &*s.program),
                first.program
            ),
        });
    }
    let indexed: Vec<_> = scorings.iter().enumerate().collect();
    histories_of(&indexed, rule)
}

/// The histories over scorings given with their index in the caller's
/// input (for the paths of errors), in round order.
pub(crate) fn histories_of(
    scorings: &[(usize, &RoundScoring)],
    rule: &HistoryRule,
) -> crate::Result<Vec<LabHistory>> {
    rule.check()?;
    let mut rounds: Vec<&str> = Vec::with_capacity(scorings.len());
    for &(i, scoring) in scorings {
        if rounds.contains(&&*scoring.round) {
            return Err(Error::InvalidDocument {
                path: format!("[{i}].round"),
                message: format!("round {} appears twice", scoring.round),
            });
        }
        rounds.push(&scoring.round);
    }
    type Key = (Arc<str>, Option<Arc<str>>);
    let mut runs: BTreeMap<Key, (Vec<Arc<str>>, Vec<Outcome>)> = BTreeMap::new();
    let mut add = |key: Key, round: &Arc<str>, outcome: Outcome, path: String| {
        let (rounds, outcomes) = runs.entry(key).or_default();
        if rounds.last() == Some(round) {
            return Err(Error::InvalidDocument {
                path,
                message: "a second score for the same laboratory in the round".into(),
            });
        }
        rounds.push(Arc::clone(round));
        outcomes.push(outcome);
        Ok(())
    };
    for &(i, scoring) in scorings {
        for (j, s) in scoring.program_scores.iter().enumerate() {
            let path = format!("[{i}].program_scores[{j}]");
            add((s.lab.clone(), None), &scoring.round, s.outcome, path)?;
        }
        for (j, s) in scoring.analyte_scores.iter().enumerate() {
            let key = (s.lab.clone(), Some(s.analyte.clone()));
            let path = format!("[{i}].analyte_scores[{j}]");
            add(key, &scoring.round, s.outcome, path)?;
        }
    }
    runs.into_iter()
        .map(|((lab, analyte), (rounds, outcomes))| {
            let statuses = performance_history(&outcomes, rule)?;
            let unsuccessful = statuses.contains(&HistoryStatus::Unsuccessful);
            Ok(LabHistory {
                lab,
                analyte,
                rounds,
                outcomes,
                statuses,
                unsuccessful,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Outcome::{Excused as E, NoScore as N, Satisfactory as S, Unsatisfactory as U};

    fn unsuccessful_at(outcomes: &[Outcome], rule: &HistoryRule) -> Vec<usize> {
        performance_history(outcomes, rule)
            .unwrap()
            .iter()
            .enumerate()
            .filter(|(_, s)| **s == HistoryStatus::Unsuccessful)
            .map(|(i, _)| i + 1)
            .collect()
    }

    #[test]
    fn consecutive_rule_alone() {
        let rule = HistoryRule {
            consecutive: 2,
            k_of_n: None,
        };
        assert_eq!(unsuccessful_at(&[S, U, S, U], &rule), Vec::<usize>::new());
        assert_eq!(unsuccessful_at(&[U, N, E, U], &rule), vec![4]);
        let three = HistoryRule {
            consecutive: 3,
            k_of_n: None,
        };
        assert_eq!(unsuccessful_at(&[U, U, U, U], &three), vec![3, 4]);
    }

    #[test]
    fn k_of_n_window_shorter_than_n_at_the_start() {
        let rule = HistoryRule {
            consecutive: 5,
            k_of_n: Some((2, 4)),
        };
        assert_eq!(unsuccessful_at(&[U, S, S, U, S, S, S, U], &rule), vec![4]);
        let one = HistoryRule {
            consecutive: 1,
            k_of_n: None,
        };
        assert_eq!(unsuccessful_at(&[S, U, S], &one), vec![2]);
    }

    #[test]
    fn huge_numbers_are_not_a_problem() {
        let rule = HistoryRule {
            consecutive: u32::MAX,
            k_of_n: Some((u32::MAX, u32::MAX)),
        };
        assert_eq!(unsuccessful_at(&[U, U, U], &rule), Vec::<usize>::new());
    }

    #[test]
    fn unsatisfactory_is_the_outcomes_own_notion() {
        use Outcome::{Late, NotReturned};
        for outcome in [S, U, E, N, NotReturned, Late] {
            let status = performance_history(&[outcome], &HistoryRule::default()).unwrap()[0];
            let unsatisfactory = matches!(
                status,
                HistoryStatus::Unsatisfactory | HistoryStatus::Unsuccessful
            );
            assert_eq!(unsatisfactory, outcome.is_unsatisfactory(), "{outcome:?}");
        }
    }

    #[test]
    fn status_names_are_the_serde_names() {
        for status in HistoryStatus::ALL {
            let json = serde_json::to_string(status).unwrap();
            assert_eq!(json, format!("\"{status}\""));
            assert_eq!(status.as_str().parse::<HistoryStatus>().unwrap(), *status);
        }
    }
}
