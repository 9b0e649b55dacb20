//! σ_pt (ISO 13528:2022 clause 8) and the performance statistics of clause
//! 9: deviations, z, z′, ζ, E_n and P_A, their classification, combined
//! scores, and the check that u(x_pt) is negligible.

pub(crate) mod classification;
pub(crate) mod combined;
pub(crate) mod scores;
pub(crate) mod sigma_pt;
pub(crate) mod uncertainty_check;
