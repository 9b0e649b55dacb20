//! The results stage: loading results from CSV and JSON, and validating a draft.
//!
//! One test binary per stage of `core/src`, a module per file.

mod csv_safety;
mod load;
mod validation;
