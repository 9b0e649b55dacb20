//! Synthetic plans and rounds.
//!
//! One test binary per stage of `core/src`, a module per file.

mod synthetic;
