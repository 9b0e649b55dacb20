//! Scoring a round: selection, peer groups, targets, verdicts and PT scores.
//!
//! One test binary per stage of `core/src`, a module per file.

mod aliases;
mod enrolment;
mod grades;
mod limits;
mod scoring;
mod scoring_accounting;
mod scoring_targets;
mod support;
mod thresholds;
mod units;
mod warnings;
