//! Performance over rounds and certificates.
//!
//! One test binary per stage of `core/src`, a module per file.

mod history;
