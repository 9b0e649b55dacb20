//! Hospital indicators: participation, pass and alternative-assessment rates.
//!
//! One test binary per stage of `core/src`, a module per file.

mod indicators;
