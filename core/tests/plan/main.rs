//! The plan stage: criteria, their tables, limits and units.
//!
//! One test binary per stage of `core/src`, a module per file.

mod checks;
mod criteria;
