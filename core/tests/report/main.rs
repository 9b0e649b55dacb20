//! Laboratory reports and round summaries.
//!
//! One test binary per stage of `core/src`, a module per file.

mod report;
