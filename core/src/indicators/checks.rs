//! The checks behind [`super::validate_inputs`]: the reference data
//! (catalogue, mapping), one hospital's own inputs, and outcomes on their own.

use std::collections::{BTreeMap, BTreeSet};

use super::alternative::date_year;
use super::catalogue::Catalogue;
use super::inputs::{Hospital, ItemOutcome};
use super::issues::{Issue, IssueKind, issue};
use super::mapping::{Mapping, ProviderScope};

/// Duplicate catalogue codes; unknown items, unknown providers and
/// duplicates in the mapping.
pub(crate) fn reference_issues(catalogue: &Catalogue, mapping: &Mapping) -> Vec<Issue> {
    let mut issues = Vec::new();
    let mut codes = BTreeSet::new();
    for (s, specialty) in catalogue.specialties.iter().enumerate() {
        let at = format!("catalogue.specialties[{s}]");
        let mut check = |code: &str, at: String| {
            if !codes.insert(code.to_owned()) {
                issues.push(issue(
                    IssueKind::DuplicateCatalogueCode,
                    at,
                    format!("code {code:?} is used twice"),
                ));
            }
        };
        check(&specialty.code, at.clone());
        for (c, class) in specialty.classes.iter().enumerate() {
            check(&class.code, format!("{at}.classes[{c}]"));
            for (i, item) in class.items.iter().enumerate() {
                check(&item.code, format!("{at}.classes[{c}].items[{i}]"));
            }
        }
    }
    let items = catalogue.index();
    let mut providers = BTreeSet::new();
    for (p, provider) in mapping.providers.iter().enumerate() {
        if !providers.insert(provider.code.as_str()) {
            issues.push(issue(
                IssueKind::DuplicateProvider,
                format!("mapping.providers[{p}]"),
                format!("provider {:?} is listed twice", provider.code),
            ));
        }
    }
    let mut first: BTreeMap<(&str, &str, &str), (usize, &str)> = BTreeMap::new();
    for (e, entry) in mapping.entries.iter().enumerate() {
        let at = format!("mapping.entries[{e}]");
        let what = format!("{}/{}/{}", entry.provider, entry.program, entry.analyte);
        if !items.contains_key(entry.item.as_str()) {
            issues.push(issue(
                IssueKind::UnknownItem,
                at.clone(),
                format!(
                    "{what} maps to {:?}, which is not in the catalogue",
                    entry.item
                ),
            ));
        }
        if !providers.contains(entry.provider.as_str()) {
            issues.push(issue(
                IssueKind::UnknownProvider,
                at.clone(),
                format!(
                    "provider {:?} is not in the mapping's providers (its level is unknown)",
                    entry.provider
                ),
            ));
        }
        let key = (
            entry.provider.as_str(),
            entry.program.as_str(),
            entry.analyte.as_str(),
        );
        if let Some(&(f, item)) = first.get(&key) {
            let (kind, message) = if item == entry.item {
                (
                    IssueKind::DuplicateMapping,
                    format!("{what} is already mapped by mapping.entries[{f}]"),
                )
            } else {
                (
                    IssueKind::ConflictingMapping,
                    format!(
                        "{what} maps to {:?} here and to {item:?} in mapping.entries[{f}], which counts",
                        entry.item
                    ),
                )
            };
            issues.push(issue(kind, at, message));
        } else {
            first.insert(key, (e, entry.item.as_str()));
        }
    }
    issues
}

/// Problems of one hospital: its performed lists, its alternative
/// assessments, and the outcomes of its laboratories against them.
pub(crate) fn hospital_issues(
    catalogue: &Catalogue,
    mapping: &Mapping,
    hospital: &Hospital,
    at: &str,
    owned: &[(usize, &ItemOutcome)],
) -> Vec<Issue> {
    let mut issues = Vec::new();
    let items = catalogue.index();
    let mut codes = BTreeSet::new();
    for (l, lab) in hospital.laboratories.iter().enumerate() {
        let mut ticked = BTreeSet::new();
        for (m, item) in lab.performed.iter().enumerate() {
            let here = format!("{at}.laboratories[{l}].performed[{m}]");
            if !items.contains_key(item.as_str()) {
                issues.push(issue(
                    IssueKind::UnknownItem,
                    here.clone(),
                    format!("item {item:?} is not in the catalogue"),
                ));
            }
            if !ticked.insert(item.as_str()) {
                issues.push(issue(
                    IssueKind::DuplicatePerformed,
                    here,
                    format!("item {item:?} is ticked twice"),
                ));
            }
        }
        for (c, code) in lab.codes.iter().enumerate() {
            if !codes.insert(code) {
                issues.push(issue(
                    IssueKind::DuplicateLabCode,
                    format!("{at}.laboratories[{l}].codes[{c}]"),
                    format!(
                        "{}/{} is given twice in this hospital",
                        code.provider, code.lab
                    ),
                ));
            }
        }
    }
    let performed = hospital.performed();
    let anywhere = mapping.offered(&ProviderScope::NationalOrProvincial);
    let mut seen = BTreeSet::new();
    for (k, a) in hospital.alternative.iter().enumerate() {
        let here = format!("{at}.alternative[{k}]");
        let mut push = |kind, message: String| issues.push(issue(kind, here.clone(), message));
        if !items.contains_key(a.item.as_str()) {
            push(
                IssueKind::UnknownItem,
                format!("item {:?} is not in the catalogue", a.item),
            );
        }
        if !performed.contains(a.item.as_str()) {
            push(
                IssueKind::AlternativeNotPerformed,
                format!("item {:?} is not ticked as performed", a.item),
            );
        }
        if anywhere.contains(a.item.as_str()) {
            push(
                IssueKind::AlternativeForOfferedItem,
                format!("item {:?} has EQA; the assessment does not count", a.item),
            );
        }
        match date_year(&a.date) {
            None => push(
                IssueKind::InvalidAlternative,
                format!("date {:?} is not a YYYY-MM-DD date", a.date),
            ),
            Some(y) if y != hospital.year => {
                push(
                    IssueKind::AlternativeOutsideYear,
                    format!("date {} is not in {}", a.date, hospital.year),
                );
            }
            Some(_) => {}
        }
        if a.samples == 0 || a.agreeing > a.samples {
            push(
                IssueKind::InvalidAlternative,
                format!("{} agreeing of {} samples", a.agreeing, a.samples),
            );
        }
        if !seen.insert((
            a.item.as_str(),
            a.date.as_str(),
            a.method,
            a.laboratory.as_str(),
        )) {
            push(
                IssueKind::DuplicateAlternative,
                format!("item {:?} on {} is given twice", a.item, a.date),
            );
        }
    }
    let index = mapping.index();
    for &(j, o) in owned {
        let here = format!("outcomes[{j}]");
        if o.year.is_some_and(|y| y != hospital.year) {
            issues.push(issue(
                IssueKind::OtherYear,
                here,
                format!(
                    "{}/{} is for {:?}, hospital {:?} for {}",
                    o.provider, o.lab, o.year, hospital.code, hospital.year
                ),
            ));
            continue;
        }
        let key = (o.provider.as_str(), o.program.as_str(), o.analyte.as_str());
        if let Some(&item) = index.get(&key)
            && o.reported()
            && !performed.contains(item)
        {
            issues.push(issue(
                IssueKind::PerformedOmitsItem,
                here,
                format!(
                    "hospital {:?} reported {}/{}/{} (item {item:?}) but no laboratory ticked the item",
                    hospital.code, o.provider, o.program, o.analyte
                ),
            ));
        }
    }
    issues
}

/// Problems of outcomes on their own: no rounds, unmapped, duplicated.
pub(crate) fn outcome_issues(mapping: &Mapping, outcomes: &[(usize, &ItemOutcome)]) -> Vec<Issue> {
    let mut issues = Vec::new();
    let index = mapping.index();
    let mut seen = BTreeMap::new();
    for &(j, o) in outcomes {
        let at = format!("outcomes[{j}]");
        let what = format!(
            "{}/{}/{} of laboratory {}",
            o.provider, o.program, o.analyte, o.lab
        );
        if o.rounds.is_empty() {
            issues.push(issue(
                IssueKind::NoRounds,
                at.clone(),
                format!("{what} has no rounds"),
            ));
        }
        let key = (o.provider.as_str(), o.program.as_str(), o.analyte.as_str());
        if !index.contains_key(&key) {
            issues.push(issue(
                IssueKind::UnmappedAnalyte,
                at.clone(),
                format!("{what} maps to no catalogue item"),
            ));
        }
        if let Some(first) = seen.insert((key, o.lab.as_str(), o.year), j) {
            issues.push(issue(
                IssueKind::DuplicateOutcome,
                at,
                format!("{what} is also outcomes[{first}]"),
            ));
        }
    }
    issues
}
