//! The status of each catalogue item of a hospital: performed, offered,
//! participated, passed; with the programs and laboratories behind it.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::alternative::{AlternativeSummary, summarise};
use super::catalogue::Catalogue;
use super::inputs::{Hospital, ItemOutcome};
use super::mapping::{Mapping, ProviderScope};
use super::policy::{CombinationPolicy, IndicatorPolicies, UnscoredPolicy, YearVerdict};
use crate::names::named_choices;
use crate::scoring::model::Outcome;

/// One program and laboratory covering an item: an [`ItemOutcome`] of the
/// hospital, mapped to the item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Coverage {
    /// The provider's code.
    pub provider: String,
    /// The program's code.
    pub program: String,
    /// The analyte's code.
    pub analyte: String,
    /// The laboratory's participant code.
    pub lab: String,
    /// The outcome of each round it was enrolled in.
    pub rounds: Vec<Outcome>,
    /// Its index in the outcomes given.
    pub outcome: usize,
    /// Whether the provider is in the indicator's scope.
    pub in_scope: bool,
    /// Whether the provider is national.
    pub national: bool,
    /// Its verdict over the year under the policies.
    pub verdict: YearVerdict,
}

/// Where an item stands for an indicator's scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    /// No provider in scope offers EQA for it.
    NotOffered,
    /// Offered, but the hospital did not participate.
    NotParticipated,
    /// Participated, but never scored.
    NotEvaluated,
    /// Participated and passed (under the combination policy).
    Passed,
    /// Participated and failed.
    Failed,
}

named_choices!(ItemStatus, option "status",
    expected "\"not_offered\", \"not_participated\", \"not_evaluated\", \"passed\" or \"failed\"" {
    NotOffered => "not_offered",
    NotParticipated => "not_participated",
    NotEvaluated => "not_evaluated",
    Passed => "passed",
    Failed => "failed",
});

/// One catalogue item of a hospital.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemResult {
    /// The item's code.
    pub item: String,
    /// Its name in the catalogue; `None` if the catalogue lacks the code.
    pub name: Option<String>,
    /// Whether a laboratory of the hospital ticked it as performed.
    pub performed: bool,
    /// Whether a provider in scope offers EQA for it.
    pub offered: bool,
    /// Whether any provider of the mapping offers EQA for it.
    pub offered_anywhere: bool,
    /// Whether the hospital participated in scope.
    pub participated: bool,
    /// Its status in scope.
    pub status: ItemStatus,
    /// Its status in national EQA (for the tertiary count).
    pub national_status: ItemStatus,
    /// Every program and laboratory of the hospital covering it.
    pub coverages: Vec<Coverage>,
    /// Its alternative assessments, when it has any record.
    pub alternative: Option<AlternativeSummary>,
}

/// How the outcomes given were used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OutcomeUse {
    /// Outcomes of the hospital's laboratories, mapped to an item.
    pub used: usize,
    /// Outcomes of laboratories that are not the hospital's.
    pub other_laboratories: usize,
    /// Outcomes of the hospital's laboratories for another year.
    pub other_years: usize,
    /// Outcomes of the hospital's laboratories whose analyte maps to no
    /// item (reported as issues).
    pub unmapped: usize,
}

/// The item's status from the coverages that count.
fn status<'a>(
    offered: bool,
    coverages: impl Iterator<Item = &'a Coverage>,
    policies: &IndicatorPolicies,
) -> ItemStatus {
    let verdicts: Vec<YearVerdict> = coverages.map(|c| c.verdict).collect();
    let any = |v: YearVerdict| verdicts.contains(&v);
    if !offered {
        ItemStatus::NotOffered
    } else if verdicts.iter().all(|&v| v == YearVerdict::NotParticipated) {
        ItemStatus::NotParticipated
    } else if !any(YearVerdict::Passed) && !any(YearVerdict::Failed) {
        ItemStatus::NotEvaluated
    } else {
        let passes = match policies.combination {
            CombinationPolicy::AllMustPass => !any(YearVerdict::Failed),
            CombinationPolicy::AnyPasses => any(YearVerdict::Passed),
        };
        if passes {
            ItemStatus::Passed
        } else {
            ItemStatus::Failed
        }
    }
}

impl ItemStatus {
    /// Whether the item participated.
    pub fn participated(self) -> bool {
        matches!(
            self,
            ItemStatus::NotEvaluated | ItemStatus::Passed | ItemStatus::Failed
        )
    }

    /// Whether the item is in the pass-rate denominator.
    pub fn evaluated(self, unscored: UnscoredPolicy) -> bool {
        match self {
            ItemStatus::Passed | ItemStatus::Failed => true,
            ItemStatus::NotEvaluated => unscored == UnscoredPolicy::CountedAsFailed,
            ItemStatus::NotOffered | ItemStatus::NotParticipated => false,
        }
    }
}

/// Every item of a hospital: performed, covered by one of its outcomes, or
/// assessed by an alternative method; in code order.
pub(crate) fn evaluate_items(
    catalogue: &Catalogue,
    mapping: &Mapping,
    hospital: &Hospital,
    outcomes: &[(usize, &ItemOutcome)],
    scope: &ProviderScope,
    policies: &IndicatorPolicies,
) -> (Vec<ItemResult>, OutcomeUse) {
    let names = catalogue.index();
    let index = mapping.index();
    let offered = mapping.offered(scope);
    let national = mapping.offered(&ProviderScope::National);
    let anywhere = mapping.offered(&ProviderScope::NationalOrProvincial);
    let performed = hospital.performed();

    let mut usage = OutcomeUse::default();
    let mut coverages: BTreeMap<&str, Vec<Coverage>> = BTreeMap::new();
    for &(position, o) in outcomes {
        if !hospital.owns(&o.provider, &o.lab) {
            usage.other_laboratories += 1;
        } else if o.year.is_some_and(|y| y != hospital.year) {
            usage.other_years += 1;
        } else if let Some(&item) =
            index.get(&(o.provider.as_str(), o.program.as_str(), o.analyte.as_str()))
        {
            usage.used += 1;
            coverages.entry(item).or_default().push(Coverage {
                provider: o.provider.clone(),
                program: o.program.clone(),
                analyte: o.analyte.clone(),
                lab: o.lab.clone(),
                rounds: o.rounds.clone(),
                outcome: position,
                in_scope: mapping.in_scope(&o.provider, scope),
                national: mapping.in_scope(&o.provider, &ProviderScope::National),
                verdict: policies.verdict(&o.rounds),
            });
        } else {
            usage.unmapped += 1;
        }
    }
    let mut alternative: BTreeMap<&str, Vec<(usize, _)>> = BTreeMap::new();
    for (i, a) in hospital.alternative.iter().enumerate() {
        alternative.entry(a.item.as_str()).or_default().push((i, a));
    }

    let codes: BTreeSet<&str> = performed
        .iter()
        .copied()
        .chain(coverages.keys().copied())
        .chain(alternative.keys().copied())
        .collect();
    let items = codes
        .into_iter()
        .map(|code| {
            let covered = coverages.remove(code).unwrap_or_default();
            let offered_here = offered.contains(code);
            let status = status(
                offered_here,
                covered.iter().filter(|c| c.in_scope),
                policies,
            );
            let national_status = status_national(national.contains(code), &covered, policies);
            ItemResult {
                item: code.to_owned(),
                name: names.get(code).map(|i| i.name.clone()),
                performed: performed.contains(code),
                offered: offered_here,
                offered_anywhere: anywhere.contains(code),
                participated: status.participated(),
                status,
                national_status,
                coverages: covered,
                alternative: alternative.get(code).map(|records| {
                    summarise(
                        records.iter().copied(),
                        hospital.year,
                        &policies.alternative_rule,
                    )
                }),
            }
        })
        .collect();
    (items, usage)
}

fn status_national(
    offered: bool,
    covered: &[Coverage],
    policies: &IndicatorPolicies,
) -> ItemStatus {
    status(offered, covered.iter().filter(|c| c.national), policies)
}
