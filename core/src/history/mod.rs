//! Over scored rounds: each laboratory's performance history (satisfactory,
//! unsatisfactory, unsuccessful) and the certificates of a year.

pub(crate) mod certificate;
pub(crate) mod performance;

pub use certificate::*;
pub use performance::*;
