//! Reports as data (domain §4.2, §9 items 1–2): a laboratory's report of a
//! round ([`lab_report`]) and the round's peer-group statistics
//! ([`round_summary`]), as serialisable structs for any front end to lay
//! out, with JSON (serde) and CSV (`to_csv`) forms.
//!
//! Laboratories appear by their codes only (domain §3.5): a map from codes
//! to names, if any, lives outside the scoring core.

use crate::error::{Error, Result};
use crate::scoring::model::{Evaluation, PeerGroup, RoundScoring};

mod csv;
mod lab;
mod summary;

pub use lab::{AnalyteReport, FailureHint, LabReport, PeerSummary, SampleReport, lab_report};
pub use summary::{AnalyteTotals, GroupSummary, RoundSummary, round_summary};

/// The peer group an evaluation (the `i`-th of the scoring) used, if any.
///
/// # Errors
///
/// [`Error::InvalidDocument`] at `evaluations[i].group` when the index is
/// beyond the scoring's groups.
fn group_of<'a>(
    scoring: &'a RoundScoring,
    i: usize,
    evaluation: &Evaluation,
) -> Result<Option<&'a PeerGroup>> {
    let Some(g) = evaluation.group else {
        return Ok(None);
    };
    usize::try_from(g)
        .ok()
        .and_then(|g| scoring.groups.get(g))
        .map(Some)
        .ok_or_else(|| Error::InvalidDocument {
            path: format!("evaluations[{i}].group"),
            message: format!(
                "group {g} where the scoring has {} groups",
                scoring.groups.len()
            ),
        })
}
