//! The problems that the checks of the indicators' inputs report.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// What is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IssueKind {
    /// A code used twice in the catalogue.
    DuplicateCatalogueCode,
    /// An item code that is not in the catalogue (in the mapping, a
    /// performed list or an alternative assessment).
    UnknownItem,
    /// A mapping entry of a provider the mapping does not list.
    UnknownProvider,
    /// A provider listed twice in the mapping.
    DuplicateProvider,
    /// An analyte mapped twice to the same item.
    DuplicateMapping,
    /// An analyte mapped to two different items (the first counts).
    ConflictingMapping,
    /// An outcome whose analyte maps to no item (it counts nowhere).
    UnmappedAnalyte,
    /// An outcome with no rounds.
    NoRounds,
    /// The same analyte of the same laboratory given twice (both count).
    DuplicateOutcome,
    /// An outcome of a laboratory no hospital has.
    UnknownLaboratory,
    /// An outcome of a hospital's laboratory for another year.
    OtherYear,
    /// Two hospitals with the same code and year.
    DuplicateHospital,
    /// A participant code claimed by two laboratories.
    DuplicateLabCode,
    /// An item ticked twice by one laboratory.
    DuplicatePerformed,
    /// EQA results reported for an item no laboratory of the hospital
    /// ticked as performed.
    PerformedOmitsItem,
    /// An alternative assessment of an item not ticked as performed.
    AlternativeNotPerformed,
    /// An alternative assessment of an item some provider offers EQA for.
    AlternativeForOfferedItem,
    /// An alternative assessment dated outside the hospital's year.
    AlternativeOutsideYear,
    /// An alternative assessment with a bad date, no samples, or more
    /// agreeing samples than samples.
    InvalidAlternative,
    /// The same alternative assessment given twice.
    DuplicateAlternative,
}

/// One problem in the inputs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issue {
    /// What is wrong.
    pub kind: IssueKind,
    /// Where, as a path such as `hospitals[0].laboratories[1].performed[3]`.
    pub location: String,
    /// What to fix, naming the codes involved.
    pub message: String,
}

/// Every problem found in the inputs.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ValidationReport {
    /// The problems, catalogue first, then mapping, hospitals and outcomes.
    pub issues: Vec<Issue>,
}

impl ValidationReport {
    /// Whether no problem was found.
    pub fn is_clean(&self) -> bool {
        self.issues.is_empty()
    }

    /// How many problems of each kind.
    pub fn counts(&self) -> BTreeMap<IssueKind, usize> {
        let mut counts = BTreeMap::new();
        for issue in &self.issues {
            *counts.entry(issue.kind).or_insert(0) += 1;
        }
        counts
    }
}

pub(crate) fn issue(kind: IssueKind, location: String, message: String) -> Issue {
    Issue {
        kind,
        location,
        message,
    }
}
