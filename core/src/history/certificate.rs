//! Certificates (证书): which laboratories passed a program over a year's
//! rounds, and with which analytes (domain §3.4).
//!
//! The eligibility rule is UNCONFIRMED in the sources; common practice is a
//! certificate listing the analytes whose every scored round was
//! satisfactory. When an analyte passes is a [`CertificatePolicy`], with
//! that practice as the default; whether a laboratory with a failed analyte
//! still gets a certificate for the others is a [`CertificateScope`].

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::history::performance::{HistoryRule, HistoryStatus, LabHistory, histories_of};
use crate::names::named_choices;
use crate::scoring::model::{Outcome, RoundScoring};

/// When an analyte passes for a certificate (UNCONFIRMED; domain §3.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CertificatePolicy {
    /// Every scored round of the analyte was satisfactory: a round not
    /// returned or late fails it too (default).
    #[default]
    AllRoundsSatisfactory,
    /// No round of the analyte was unsuccessful under the
    /// [`HistoryRule`]: an isolated unsatisfactory round is forgiven.
    NotUnsuccessful,
}

named_choices!(CertificatePolicy, option "policy", expected "all_rounds_satisfactory or not_unsuccessful" {
    AllRoundsSatisfactory => "all_rounds_satisfactory",
    NotUnsuccessful => "not_unsuccessful",
});

/// Which laboratories get a certificate (UNCONFIRMED; domain §3.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CertificateScope {
    /// Every laboratory with at least one passed analyte, its certificate
    /// listing the analytes that passed, as a Chinese 合格证书 lists the
    /// items passed (default).
    #[default]
    PassedAnalytes,
    /// Only a laboratory with no failed analyte (all or nothing).
    AllAnalytes,
}

named_choices!(CertificateScope, option "scope", expected "passed_analytes or all_analytes" {
    PassedAnalytes => "passed_analytes",
    AllAnalytes => "all_analytes",
});

/// A laboratory's certificate for a program.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Certificate {
    /// The laboratory's code.
    pub lab: Arc<str>,
    /// The program's code.
    pub program: Arc<str>,
    /// The policy applied.
    pub policy: CertificatePolicy,
    /// The scope applied.
    pub scope: CertificateScope,
    /// Whether a certificate is due: at least one analyte passed and, under
    /// [`CertificateScope::AllAnalytes`], none failed.
    pub eligible: bool,
    /// The analytes that passed, by code.
    pub analytes_passed: Vec<Arc<str>>,
    /// The analytes that failed, by code.
    pub analytes_failed: Vec<Arc<str>>,
    /// The analytes without a scored round (every round excused or without
    /// a score): neither passed nor failed.
    pub analytes_not_scored: Vec<Arc<str>>,
    /// The rounds of the program in which the laboratory has a score.
    pub rounds: usize,
}

/// The certificates of every laboratory of `program`, from the scorings of
/// its rounds in round order (scorings of other programs are not read).
///
/// Under either policy an analyte with no scored round (only excused and
/// unscored rounds) is listed as not scored. Otherwise it passes under
/// [`CertificatePolicy::AllRoundsSatisfactory`] when every scored round is
/// satisfactory, and under [`CertificatePolicy::NotUnsuccessful`] when no
/// round is unsuccessful under `rule`; else it fails. A laboratory is
/// eligible with at least one passed analyte, and under
/// [`CertificateScope::AllAnalytes`] no failed one; its certificate lists
/// the passed analytes. Certificates come sorted by laboratory, analytes by
/// code.
///
/// # Errors
///
/// As [`crate::history::performance::histories`]: a bad rule, a round appearing twice, or two scores for
/// one laboratory and analyte in a round.
///
/// # Examples
///
/// ```
/// use eqa::history::{CertificatePolicy, CertificateScope, HistoryRule, certificates};
///
/// let (policy, scope) = (CertificatePolicy::default(), CertificateScope::default());
/// let none = certificates("chem", &[], policy, scope, &HistoryRule::default())?;
/// assert!(none.is_empty());
/// # Ok::<(), eqa::Error>(())
/// ```
pub fn certificates(
    program: &str,
    scorings: &[RoundScoring],
    policy: CertificatePolicy,
    scope: CertificateScope,
    rule: &HistoryRule,
) -> crate::Result<Vec<Certificate>> {
    let ours: Vec<(usize, &RoundScoring)> = scorings
        .iter()
        .enumerate()
        .filter(|(_, s)| &*s.program == program)
        .collect();
    let program: Arc<str> = Arc::from(program);
    let mut labs: BTreeMap<Arc<str>, Certificate> = BTreeMap::new();
    for history in histories_of(&ours, rule)? {
        let certificate = labs
            .entry(history.lab.clone())
            .or_insert_with(|| Certificate {
                lab: history.lab.clone(),
                program: program.clone(),
                policy,
                scope,
                eligible: false,
                analytes_passed: Vec::new(),
                analytes_failed: Vec::new(),
                analytes_not_scored: Vec::new(),
                rounds: rounds_of(&ours, &history.lab),
            });
        let Some(analyte) = history.analyte.clone() else {
            continue;
        };
        match passes(&history, policy) {
            Some(true) => certificate.analytes_passed.push(analyte),
            Some(false) => certificate.analytes_failed.push(analyte),
            None => certificate.analytes_not_scored.push(analyte),
        }
    }
    Ok(labs
        .into_values()
        .map(|mut c| {
            c.eligible = !c.analytes_passed.is_empty()
                && (scope == CertificateScope::PassedAnalytes || c.analytes_failed.is_empty());
            c
        })
        .collect())
}

/// Whether an analyte's history passes; `None` without a scored round.
fn passes(history: &LabHistory, policy: CertificatePolicy) -> Option<bool> {
    let scored = history
        .outcomes
        .iter()
        .any(|o| !matches!(o, Outcome::NoScore | Outcome::Excused));
    if !scored {
        return None;
    }
    Some(match policy {
        CertificatePolicy::AllRoundsSatisfactory => {
            !history.outcomes.iter().any(|o| o.is_unsatisfactory())
        }
        CertificatePolicy::NotUnsuccessful => {
            !history.statuses.contains(&HistoryStatus::Unsuccessful)
        }
    })
}

/// The rounds in which a laboratory has an analyte or program score.
fn rounds_of(scorings: &[(usize, &RoundScoring)], lab: &str) -> usize {
    scorings
        .iter()
        .filter(|(_, s)| {
            s.analyte_scores.iter().any(|a| &*a.lab == lab)
                || s.program_scores.iter().any(|p| &*p.lab == lab)
        })
        .count()
}
