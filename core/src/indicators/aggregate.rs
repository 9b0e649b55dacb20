//! A provider's view of a year: every hospital's indicators, their
//! distribution per hospital level and over the province, and the items
//! most often failed.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::catalogue::Catalogue;
use super::inputs::{Hospital, HospitalLevel, ItemOutcome};
use super::issues::Issue;
use super::mapping::{Mapping, ProviderScope};
use super::policy::IndicatorPolicies;
use super::rates::{HospitalIndicators, Indicator, IndicatorKind, compute};
use super::validate::{by_hospital, validate_inputs};
use crate::error::Result;

/// A group of hospitals summarised together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HospitalGroup {
    /// Every hospital (the province).
    All,
    /// Secondary hospitals.
    Secondary,
    /// Tertiary hospitals.
    Tertiary,
    /// Other participants.
    Other,
}

impl HospitalGroup {
    /// The group's name, as in the report.
    pub fn as_str(self) -> &'static str {
        match self {
            HospitalGroup::All => "all",
            HospitalGroup::Secondary => "secondary",
            HospitalGroup::Tertiary => "tertiary",
            HospitalGroup::Other => "other",
        }
    }

    fn of(level: HospitalLevel) -> HospitalGroup {
        match level {
            HospitalLevel::Secondary => HospitalGroup::Secondary,
            HospitalLevel::Tertiary => HospitalGroup::Tertiary,
            HospitalLevel::Other => HospitalGroup::Other,
        }
    }
}

/// A band of percentages and how many hospitals fall in it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Band {
    /// Its lower end, inclusive.
    pub from: f64,
    /// Its upper end, exclusive (inclusive for the last band, 100).
    pub to: f64,
    /// Hospitals in it.
    pub count: usize,
}

/// The distribution of one indicator over a group of hospitals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Distribution {
    /// Which indicator.
    pub indicator: IndicatorKind,
    /// Hospitals with a value.
    pub n: usize,
    /// Hospitals without one (denominator 0), by code.
    pub undefined: Vec<String>,
    /// The smallest value.
    pub min: Option<f64>,
    /// The first quartile (linear interpolation, as [`crate::stats::quantile`]).
    pub q1: Option<f64>,
    /// The median.
    pub median: Option<f64>,
    /// The third quartile.
    pub q3: Option<f64>,
    /// The largest value.
    pub max: Option<f64>,
    /// The mean.
    pub mean: Option<f64>,
    /// Ten bands of 10 % for a rate; empty for the count indicator.
    pub bands: Vec<Band>,
}

/// An item failed by hospitals of a group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FailedItem {
    /// The item's code.
    pub item: String,
    /// Its name in the catalogue.
    pub name: Option<String>,
    /// Hospitals that failed it (in their fail-rate numerator).
    pub failed: usize,
    /// Hospitals evaluated on it (in their pass-rate denominator).
    pub evaluated: usize,
    /// 100·failed/evaluated.
    pub percent: f64,
    /// The hospitals that failed it, by code.
    pub hospitals: Vec<String>,
}

/// The summary of a group of hospitals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupSummary {
    /// Which group.
    pub group: HospitalGroup,
    /// Its hospitals, by code.
    pub hospitals: Vec<String>,
    /// The distribution of each indicator, in [`IndicatorKind`] order.
    pub distributions: Vec<Distribution>,
    /// The items failed by at least one hospital, most often failed first
    /// (then by fail percentage, then by code).
    pub failed_items: Vec<FailedItem>,
}

/// A provider's report for a year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderReport {
    /// Whose EQA counts.
    pub scope: ProviderScope,
    /// The policies used.
    pub policies: IndicatorPolicies,
    /// Every hospital's indicators, in the order given (their own `issues`
    /// are empty: see `issues`).
    pub hospitals: Vec<HospitalIndicators>,
    /// The province (`all`), then each hospital level present.
    pub groups: Vec<GroupSummary>,
    /// Every problem in the inputs, as [`super::validate_inputs`] finds them.
    pub issues: Vec<Issue>,
}

/// The indicators of every hospital and their distributions.
///
/// # Errors
///
/// [`crate::Error::InvalidParameter`] for an alternative rule out of its
/// domain.
///
/// # Examples
///
/// ```
/// use eqa::indicators::*;
///
/// let report = provider_indicators(&Catalogue::sample()?, &Mapping::sample()?, &[], &[],
///     &"province:CQCCL".parse()?, &IndicatorPolicies::default())?;
/// assert_eq!(report.groups[0].group, HospitalGroup::All);
/// assert_eq!(report.groups[0].distributions[0].median, None);
/// # Ok::<(), eqa::Error>(())
/// ```
pub fn provider_indicators(
    catalogue: &Catalogue,
    mapping: &Mapping,
    hospitals: &[Hospital],
    outcomes: &[ItemOutcome],
    scope: &ProviderScope,
    policies: &IndicatorPolicies,
) -> Result<ProviderReport> {
    policies.check()?;
    let owned = by_hospital(hospitals, outcomes);
    let results: Vec<HospitalIndicators> = hospitals
        .iter()
        .zip(&owned)
        .map(|(h, owned)| compute(catalogue, mapping, h, owned, scope, policies, Vec::new()))
        .collect();
    let mut groups = vec![summarise(
        HospitalGroup::All,
        &results.iter().collect::<Vec<_>>(),
    )];
    let mut by_level: BTreeMap<HospitalGroup, Vec<&HospitalIndicators>> = BTreeMap::new();
    for r in &results {
        by_level
            .entry(HospitalGroup::of(r.level))
            .or_default()
            .push(r);
    }
    groups.extend(
        by_level
            .into_iter()
            .map(|(group, members)| summarise(group, &members)),
    );
    Ok(ProviderReport {
        scope: scope.clone(),
        policies: *policies,
        hospitals: results,
        groups,
        issues: validate_inputs(catalogue, mapping, hospitals, outcomes).issues,
    })
}

fn summarise(group: HospitalGroup, members: &[&HospitalIndicators]) -> GroupSummary {
    let distributions = IndicatorKind::ALL
        .iter()
        .enumerate()
        .map(|(k, &kind)| {
            let indicators: Vec<(&str, &Indicator)> = members
                .iter()
                .filter_map(|m| m.indicators().get(k).map(|&i| (m.hospital.as_str(), i)))
                .collect();
            distribution(kind, &indicators)
        })
        .collect();
    GroupSummary {
        group,
        hospitals: members.iter().map(|m| m.hospital.clone()).collect(),
        distributions,
        failed_items: failed_items(members),
    }
}

fn distribution(kind: IndicatorKind, indicators: &[(&str, &Indicator)]) -> Distribution {
    let mut values: Vec<f64> = indicators.iter().filter_map(|(_, i)| i.value).collect();
    values.sort_by(f64::total_cmp);
    let stat = |p: f64| crate::stats::quantile(&values, p).ok();
    let bands = if kind.is_rate() {
        let mut counts = [0usize; 10];
        for (_, i) in indicators {
            if let Some(band) = (10 * i.numerator).checked_div(i.denominator)
                && let Some(c) = counts.get_mut(band.min(9))
            {
                *c += 1;
            }
        }
        counts
            .iter()
            .enumerate()
            .map(|(b, &count)| Band {
                from: 10.0 * b as f64,
                to: 10.0 * (b + 1) as f64,
                count,
            })
            .collect()
    } else {
        Vec::new()
    };
    Distribution {
        indicator: kind,
        n: values.len(),
        undefined: indicators
            .iter()
            .filter(|(_, i)| i.value.is_none())
            .map(|(h, _)| (*h).to_owned())
            .collect(),
        min: values.first().copied(),
        q1: stat(0.25),
        median: crate::stats::median(&values).ok(),
        q3: stat(0.75),
        max: values.last().copied(),
        mean: crate::stats::mean(&values).ok(),
        bands,
    }
}

fn failed_items(members: &[&HospitalIndicators]) -> Vec<FailedItem> {
    let mut table: BTreeMap<&str, FailedItem> = BTreeMap::new();
    for m in members {
        for code in &m.pass_rate.denominator_items {
            let name = m
                .items
                .iter()
                .find(|i| &i.item == code)
                .and_then(|i| i.name.clone());
            let row = table.entry(code).or_insert_with(|| FailedItem {
                item: code.clone(),
                name,
                failed: 0,
                evaluated: 0,
                percent: 0.0,
                hospitals: Vec::new(),
            });
            row.evaluated += 1;
        }
        for code in &m.fail_rate.numerator_items {
            if let Some(row) = table.get_mut(code.as_str()) {
                row.failed += 1;
                row.hospitals.push(m.hospital.clone());
            }
        }
    }
    let mut rows: Vec<FailedItem> = table
        .into_values()
        .filter(|r| r.failed > 0)
        .map(|mut r| {
            r.percent = 100.0 * r.failed as f64 / r.evaluated as f64;
            r
        })
        .collect();
    rows.sort_by(|a, b| {
        b.failed
            .cmp(&a.failed)
            .then(b.percent.total_cmp(&a.percent))
            .then(a.item.cmp(&b.item))
    });
    rows
}
