//! The indicators of one hospital and year (domain §6.3): participation,
//! pass and fail rates, the alternative assessment usage rate and the
//! number of items passing national EQA, each with the items behind its
//! numerator and denominator and the policies it was computed under.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::catalogue::Catalogue;
use super::inputs::{Hospital, HospitalLevel, ItemOutcome};
use super::issues::Issue;
use super::items::{ItemResult, ItemStatus, OutcomeUse, evaluate_items};
use super::mapping::{Mapping, ProviderScope};
use super::policy::{AlternativeCounting, IndicatorPolicies};
use super::validate::validate_hospital;
use crate::names::named_choices;

/// The indicators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKind {
    /// 室间质评项目参加率.
    ParticipationRate,
    /// 室间质评项目合格率.
    PassRate,
    /// 室间质评项目不合格率 (2015 naming).
    FailRate,
    /// 检验项目替代评价方法使用率.
    AlternativeUsageRate,
    /// 通过国家室间质量评价的临床检验项目数 (tertiary #13).
    NationalPassedItems,
}

named_choices!(IndicatorKind, option "indicator",
    expected "\"participation_rate\", \"pass_rate\", \"fail_rate\", \"alternative_usage_rate\" or \"national_passed_items\"" {
    ParticipationRate => "participation_rate",
    PassRate => "pass_rate",
    FailRate => "fail_rate",
    AlternativeUsageRate => "alternative_usage_rate",
    NationalPassedItems => "national_passed_items",
});

impl IndicatorKind {
    /// Its Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            IndicatorKind::ParticipationRate => "室间质评项目参加率",
            IndicatorKind::PassRate => "室间质评项目合格率",
            IndicatorKind::FailRate => "室间质评项目不合格率",
            IndicatorKind::AlternativeUsageRate => "检验项目替代评价方法使用率",
            IndicatorKind::NationalPassedItems => "通过国家室间质量评价的临床检验项目数",
        }
    }

    /// Its definition, numerator over denominator.
    pub fn definition(self) -> &'static str {
        match self {
            IndicatorKind::ParticipationRate => {
                "items participated ∩ performed ∩ offered / items performed ∩ offered × 100"
            }
            IndicatorKind::PassRate => "items passed / items participated and evaluated × 100",
            IndicatorKind::FailRate => "items failed / items participated and evaluated × 100",
            IndicatorKind::AlternativeUsageRate => {
                "items without EQA assessed by an alternative method / items performed without EQA by any provider × 100"
            }
            IndicatorKind::NationalPassedItems => {
                "items passed in national EQA (the count); the denominator is the items participated and evaluated there"
            }
        }
    }

    /// Whether its value is a percentage (else a count of items).
    pub fn is_rate(self) -> bool {
        self != IndicatorKind::NationalPassedItems
    }
}

/// One indicator of one hospital.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// Which indicator.
    pub indicator: IndicatorKind,
    /// Its Chinese name.
    pub label: String,
    /// Its definition.
    pub definition: String,
    /// Items in the numerator.
    pub numerator: usize,
    /// Items in the denominator.
    pub denominator: usize,
    /// The percentage 100·numerator/denominator (`None` when the
    /// denominator is 0), or for the count indicator the count.
    pub value: Option<f64>,
    /// The items of the numerator, by code.
    pub numerator_items: Vec<String>,
    /// The items of the denominator, by code.
    pub denominator_items: Vec<String>,
    /// The policies it depends on, by name, with the values used.
    pub policies: BTreeMap<String, String>,
}

/// Every indicator of one hospital and year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HospitalIndicators {
    /// The hospital's code.
    pub hospital: String,
    /// Its name.
    pub name: String,
    /// Its level.
    pub level: HospitalLevel,
    /// The year.
    pub year: i32,
    /// Whose EQA counts.
    pub scope: ProviderScope,
    /// The policies used.
    pub policies: IndicatorPolicies,
    /// 参加率.
    pub participation_rate: Indicator,
    /// 合格率.
    pub pass_rate: Indicator,
    /// 不合格率.
    pub fail_rate: Indicator,
    /// 替代评价方法使用率.
    pub alternative_usage_rate: Indicator,
    /// The number of items passing national EQA, whatever the scope.
    pub national_passed_items: Indicator,
    /// Every item of the hospital.
    pub items: Vec<ItemResult>,
    /// How the outcomes given were used.
    pub outcomes: OutcomeUse,
    /// Problems found in the inputs (in a provider report, listed once in
    /// the report instead).
    pub issues: Vec<Issue>,
}

impl HospitalIndicators {
    /// The five indicators, in [`IndicatorKind`] order.
    pub fn indicators(&self) -> [&Indicator; 5] {
        [
            &self.participation_rate,
            &self.pass_rate,
            &self.fail_rate,
            &self.alternative_usage_rate,
            &self.national_passed_items,
        ]
    }
}

/// The indicators of one hospital for a year.
///
/// Outcomes of other laboratories or other years are counted in
/// [`HospitalIndicators::outcomes`] and otherwise left aside; problems in the
/// inputs are listed in [`HospitalIndicators::issues`], never dropped.
///
/// # Errors
///
/// [`crate::Error::InvalidParameter`] for an alternative rule out of its
/// domain.
///
/// # Examples
///
/// ```
/// use eqa::scoring::Outcome::{Satisfactory as S, Unsatisfactory as U};
/// use eqa::indicators::*;
///
/// let catalogue = Catalogue::sample()?;
/// let mapping = Mapping::sample()?;
/// let hospital = Hospital::from_json(r#"{"code": "H1", "level": "secondary", "year": 2025,
///   "laboratories": [{"codes": [{"provider": "CQCCL", "lab": "CQ-01"}],
///                     "performed": ["02.04.001", "02.04.002", "02.02.001", "01.02.001"]}]}"#)?;
/// let outcome = |analyte: &str, rounds| ItemOutcome {
///     provider: "CQCCL".into(), program: "C1".into(), analyte: analyte.into(),
///     lab: "CQ-01".into(), year: Some(2025), rounds,
/// };
/// let outcomes = [outcome("K", vec![S, S]), outcome("GLU", vec![S, U])];
/// let scope: ProviderScope = "province:CQCCL".parse()?;
/// let r = hospital_indicators(&catalogue, &mapping, &hospital, &outcomes, &scope,
///                             &IndicatorPolicies::default())?;
/// // K, Na and Glu are offered; K and Glu participated; only K passed.
/// assert_eq!((r.participation_rate.numerator, r.participation_rate.denominator), (2, 3));
/// assert_eq!(r.pass_rate.value, Some(50.0));
/// assert_eq!(r.pass_rate.numerator_items, ["02.04.001"]);
/// # Ok::<(), eqa::Error>(())
/// ```
pub fn hospital_indicators(
    catalogue: &Catalogue,
    mapping: &Mapping,
    hospital: &Hospital,
    outcomes: &[ItemOutcome],
    scope: &ProviderScope,
    policies: &IndicatorPolicies,
) -> crate::Result<HospitalIndicators> {
    policies.check()?;
    let indexed: Vec<(usize, &ItemOutcome)> = outcomes.iter().enumerate().collect();
    let issues = validate_hospital(catalogue, mapping, hospital, "hospital", &indexed);
    Ok(compute(
        catalogue, mapping, hospital, &indexed, scope, policies, issues,
    ))
}

/// The indicators from checked policies and outcomes with their indices.
pub(crate) fn compute(
    catalogue: &Catalogue,
    mapping: &Mapping,
    hospital: &Hospital,
    outcomes: &[(usize, &ItemOutcome)],
    scope: &ProviderScope,
    policies: &IndicatorPolicies,
    issues: Vec<Issue>,
) -> HospitalIndicators {
    let (items, usage) = evaluate_items(catalogue, mapping, hospital, outcomes, scope, policies);
    let codes = |keep: &dyn Fn(&ItemResult) -> bool| -> Vec<String> {
        items
            .iter()
            .filter(|i| keep(i))
            .map(|i| i.item.clone())
            .collect()
    };
    let unscored = policies.unscored;
    let scope_text = scope.to_string();
    let named = |pairs: &[(&str, String)]| -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect()
    };
    let pass_policies = named(&[
        ("scope", scope_text.clone()),
        ("participation", policies.participation.to_string()),
        ("year_pass", policies.year_pass.to_string()),
        ("combination", policies.combination.to_string()),
        ("unscored", unscored.to_string()),
    ]);
    let mut national_policies = pass_policies.clone();
    national_policies.insert("scope".into(), ProviderScope::National.to_string());
    let rule = &policies.alternative_rule;

    let participation_rate = indicator(
        IndicatorKind::ParticipationRate,
        codes(&|i| i.performed && i.offered && i.participated),
        codes(&|i| i.performed && i.offered),
        named(&[
            ("scope", scope_text),
            ("participation", policies.participation.to_string()),
        ]),
    );
    let evaluated = codes(&|i| i.status.evaluated(unscored));
    let pass_rate = indicator(
        IndicatorKind::PassRate,
        codes(&|i| i.status == ItemStatus::Passed),
        evaluated.clone(),
        pass_policies.clone(),
    );
    let fail_rate = indicator(
        IndicatorKind::FailRate,
        codes(&|i| i.status != ItemStatus::Passed && i.status.evaluated(unscored)),
        evaluated,
        pass_policies,
    );
    let no_eqa = |i: &ItemResult| i.performed && !i.offered_anywhere;
    let alternative_usage_rate = indicator(
        IndicatorKind::AlternativeUsageRate,
        codes(&|i| {
            no_eqa(i)
                && i.alternative
                    .as_ref()
                    .is_some_and(|a| match policies.alternative_counting {
                        AlternativeCounting::Used => a.used,
                        AlternativeCounting::MeetsRule => a.meets_rule,
                    })
        }),
        codes(&no_eqa),
        named(&[
            (
                "alternative_counting",
                policies.alternative_counting.to_string(),
            ),
            (
                "alternative_rule",
                format!(
                    "min_samples={}, min_events={}, min_agreement={}",
                    rule.min_samples, rule.min_events, rule.min_agreement
                ),
            ),
        ]),
    );
    let mut national_passed_items = indicator(
        IndicatorKind::NationalPassedItems,
        codes(&|i| i.national_status == ItemStatus::Passed),
        codes(&|i| i.national_status.evaluated(unscored)),
        national_policies,
    );
    national_passed_items.value = Some(national_passed_items.numerator as f64);

    HospitalIndicators {
        hospital: hospital.code.clone(),
        name: hospital.name.clone(),
        level: hospital.level,
        year: hospital.year,
        scope: scope.clone(),
        policies: *policies,
        participation_rate,
        pass_rate,
        fail_rate,
        alternative_usage_rate,
        national_passed_items,
        items,
        outcomes: usage,
        issues,
    }
}

fn indicator(
    kind: IndicatorKind,
    numerator_items: Vec<String>,
    denominator_items: Vec<String>,
    policies: BTreeMap<String, String>,
) -> Indicator {
    let (n, d) = (numerator_items.len(), denominator_items.len());
    Indicator {
        indicator: kind,
        label: kind.label().to_owned(),
        definition: kind.definition().to_owned(),
        numerator: n,
        denominator: d,
        value: (d > 0).then(|| 100.0 * n as f64 / d as f64),
        numerator_items,
        denominator_items,
        policies,
    }
}
