//! Data for the graphs of ISO 13528:2022 clause 10, as plain structs for
//! any front end to draw.

pub(crate) mod density;
pub(crate) mod histogram;
pub(crate) mod score_bars;
pub(crate) mod score_series;
pub(crate) mod youden;
