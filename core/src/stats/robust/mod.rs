//! Robust location and scale of ISO 13528:2022 Annex C, with the options
//! they share: constants, stop rules, the result struct and the policy on a
//! zero scale.

pub(crate) mod algorithm_a;
pub(crate) mod algorithm_s;
pub(crate) mod constants;
pub(crate) mod estimate;
pub(crate) mod hampel;
pub(crate) mod pairwise;
pub(crate) mod q_hampel;
pub(crate) mod q_method;
pub(crate) mod qn;
pub(crate) mod stopping;
pub(crate) mod winsor;
