//! Peer groups (同组): which results are compared with which.
//!
//! Results are grouped by a ladder of keys, from the finest to the coarsest
//! (by default method + instrument + reagent, then method, then all
//! results). A group smaller than the minimum size falls back to the next
//! rung (domain §4.8; the minimum size is UNCONFIRMED for Chinese centres).

use serde::{Deserialize, Serialize};

/// A field of a result's metadata that peer groups may be keyed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupField {
    /// The measurement method (方法).
    Method,
    /// The instrument (仪器).
    Instrument,
    /// The reagent (试剂).
    Reagent,
    /// The calibrator (校准物).
    Calibrator,
    /// The reported unit.
    Unit,
}

/// How results are grouped; [`Default`] gives the documented defaults.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PeerGroupPolicy {
    /// The rungs of the ladder, finest first; an empty rung is "all
    /// results". Default: `[method, instrument, reagent]`, `[method]`, `[]`.
    pub rungs: Vec<Vec<GroupField>>,
    /// The fewest results a group needs to give a target (default 10;
    /// UNCONFIRMED). The last rung gives a target whenever it has any
    /// result, and warns when it has fewer than this.
    pub min_n: usize,
}

impl Default for PeerGroupPolicy {
    fn default() -> Self {
        PeerGroupPolicy {
            rungs: vec![
                vec![
                    GroupField::Method,
                    GroupField::Instrument,
                    GroupField::Reagent,
                ],
                vec![GroupField::Method],
                vec![],
            ],
            min_n: DEFAULT_MIN_N,
        }
    }
}

/// The default minimum peer-group size.
pub const DEFAULT_MIN_N: usize = 10;

impl PeerGroupPolicy {
    /// Checks the policy: a minimum group size of at least 1.
    ///
    /// # Errors
    ///
    /// [`crate::Error::InvalidParameter`] naming `min_n`.
    pub fn check(&self) -> crate::Result<()> {
        if self.min_n == 0 {
            return Err(crate::Error::InvalidParameter {
                name: "min_n",
                value: "0".into(),
                expected: "a minimum group size of at least 1",
            });
        }
        Ok(())
    }

    /// The rungs of the ladder: an empty ladder is one rung of all results.
    pub fn ladder(&self) -> &[Vec<GroupField>] {
        if self.rungs.is_empty() {
            &ALL_RESULTS
        } else {
            &self.rungs
        }
    }
}

/// The ladder of one rung of all results.
static ALL_RESULTS: [Vec<GroupField>; 1] = [Vec::new()];

impl GroupField {
    /// Every field, in the order of [`GroupField::index`].
    pub const ALL: [GroupField; 5] = [
        GroupField::Method,
        GroupField::Instrument,
        GroupField::Reagent,
        GroupField::Calibrator,
        GroupField::Unit,
    ];

    /// The field's name, as in documents.
    pub fn as_str(self) -> &'static str {
        match self {
            GroupField::Method => "method",
            GroupField::Instrument => "instrument",
            GroupField::Reagent => "reagent",
            GroupField::Calibrator => "calibrator",
            GroupField::Unit => "unit",
        }
    }

    /// The field's position in [`GroupField::ALL`].
    pub fn index(self) -> usize {
        match self {
            GroupField::Method => 0,
            GroupField::Instrument => 1,
            GroupField::Reagent => 2,
            GroupField::Calibrator => 3,
            GroupField::Unit => 4,
        }
    }
}
