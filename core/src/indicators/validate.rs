//! Checks of the indicators' inputs: every problem is reported with its
//! location, and nothing is dropped.

use std::collections::{BTreeMap, BTreeSet};

use super::catalogue::Catalogue;
use super::checks::{hospital_issues, outcome_issues, reference_issues};
use super::inputs::{Hospital, ItemOutcome};
use super::issues::{Issue, IssueKind, ValidationReport, issue};
use super::mapping::Mapping;

/// Checks a provider's inputs: the catalogue, the mapping, the hospitals
/// and the outcomes, with locations `catalogue…`, `mapping…`,
/// `hospitals[i]…` and `outcomes[j]`.
///
/// # Examples
///
/// ```
/// use eqa::indicators::*;
///
/// let catalogue = Catalogue::sample()?;
/// let mapping = Mapping::sample()?;
/// let hospital = Hospital::from_json(r#"{"code": "H1", "level": "tertiary", "year": 2025,
///   "laboratories": [{"codes": [{"provider": "NCCL", "lab": "1001"}], "performed": ["99.99.999"]}]}"#)?;
/// let report = validate_inputs(&catalogue, &mapping, &[hospital], &[]);
/// assert_eq!(report.issues[0].kind, IssueKind::UnknownItem);
/// assert_eq!(report.issues[0].location, "hospitals[0].laboratories[0].performed[0]");
/// # Ok::<(), eqa::Error>(())
/// ```
pub fn validate_inputs(
    catalogue: &Catalogue,
    mapping: &Mapping,
    hospitals: &[Hospital],
    outcomes: &[ItemOutcome],
) -> ValidationReport {
    let mut issues = reference_issues(catalogue, mapping);
    let mut seen = BTreeMap::new();
    let mut owners: BTreeMap<(&str, &str), String> = BTreeMap::new();
    let owned = by_hospital(hospitals, outcomes);
    for ((h, hospital), owned) in hospitals.iter().enumerate().zip(&owned) {
        let at = format!("hospitals[{h}]");
        if let Some(first) = seen.insert((hospital.code.as_str(), hospital.year), h) {
            issues.push(issue(
                IssueKind::DuplicateHospital,
                at.clone(),
                format!(
                    "hospital {:?} of {} is also hospitals[{first}]",
                    hospital.code, hospital.year
                ),
            ));
        }
        for (l, lab) in hospital.laboratories.iter().enumerate() {
            for (c, code) in lab.codes.iter().enumerate() {
                let here = format!("{at}.laboratories[{l}].codes[{c}]");
                if let Some(first) = owners.insert((&code.provider, &code.lab), here.clone()) {
                    issues.push(issue(
                        IssueKind::DuplicateLabCode,
                        here,
                        format!("{}/{} is also claimed at {first}", code.provider, code.lab),
                    ));
                }
            }
        }
        issues.extend(hospital_issues(catalogue, mapping, hospital, &at, owned));
    }
    let indexed: Vec<(usize, &ItemOutcome)> = outcomes.iter().enumerate().collect();
    issues.extend(outcome_issues(mapping, &indexed));
    for (j, o) in outcomes.iter().enumerate() {
        if !owners.contains_key(&(o.provider.as_str(), o.lab.as_str())) {
            issues.push(issue(
                IssueKind::UnknownLaboratory,
                format!("outcomes[{j}]"),
                format!("laboratory {}/{} belongs to no hospital", o.provider, o.lab),
            ));
        }
    }
    ValidationReport { issues }
}

/// The outcomes of each hospital's laboratories, with their indices, in
/// one pass over the outcomes.
pub(crate) fn by_hospital<'a>(
    hospitals: &[Hospital],
    outcomes: &'a [ItemOutcome],
) -> Vec<Vec<(usize, &'a ItemOutcome)>> {
    let mut owners: BTreeMap<(&str, &str), BTreeSet<usize>> = BTreeMap::new();
    for (h, hospital) in hospitals.iter().enumerate() {
        for code in hospital.laboratories.iter().flat_map(|l| &l.codes) {
            owners
                .entry((&code.provider, &code.lab))
                .or_default()
                .insert(h);
        }
    }
    let mut owned = vec![Vec::new(); hospitals.len()];
    for (j, o) in outcomes.iter().enumerate() {
        for &h in owners
            .get(&(o.provider.as_str(), o.lab.as_str()))
            .into_iter()
            .flatten()
        {
            if let Some(list) = owned.get_mut(h) {
                list.push((j, o));
            }
        }
    }
    owned
}

/// The problems of one hospital's indicators: the catalogue, the mapping,
/// the hospital (at `at`) and the outcomes of its laboratories.
pub(crate) fn validate_hospital(
    catalogue: &Catalogue,
    mapping: &Mapping,
    hospital: &Hospital,
    at: &str,
    outcomes: &[(usize, &ItemOutcome)],
) -> Vec<Issue> {
    let owned: Vec<(usize, &ItemOutcome)> = outcomes
        .iter()
        .copied()
        .filter(|(_, o)| hospital.owns(&o.provider, &o.lab))
        .collect();
    let mut issues = reference_issues(catalogue, mapping);
    issues.extend(hospital_issues(catalogue, mapping, hospital, at, &owned));
    issues.extend(outcome_issues(mapping, &owned));
    issues
}
