//! The assigned value and its uncertainty (ISO 13528:2022 clause 7), the
//! comparison of a consensus with a reference (7.8), and the homogeneity
//! and stability of the items (Annex B).

pub(crate) mod comparison;
pub(crate) mod homogeneity;
pub(crate) mod stability;
pub(crate) mod value;
