//! The plan of a provider's year and everything it names: programs,
//! analytes, rounds and samples ([`Plan`]); criteria and their published
//! tables; acceptance limits and how a value is checked against one; units;
//! timestamps; reported values as text; and the policies a program chooses
//! for peer groups and targets.
//!
//! Nothing here depends on results or scoring: a plan is data that loads,
//! checks and saves on its own.

pub mod criteria;
pub mod criteria_tables;
pub(crate) mod limit_check;
pub mod limits;
pub(crate) mod model;
pub(crate) mod peer_policy;
pub mod reported;
pub(crate) mod target_policy;
pub mod timestamp;
pub mod unit_names;
pub mod units;

pub use limit_check::LimitCheck;
pub use model::*;
pub use peer_policy::{DEFAULT_MIN_N, GroupField, PeerGroupPolicy};
pub use target_policy::{AgreementCount, Consensus, TargetEstimator, TargetPolicy};
