//! Results as laboratories submitted them.
//!
//! A [`Submission`] is one laboratory's result for one analyte in one round
//! (one version of it): the metadata shared by its sample values (unit,
//! instrument, reagent, calibrator, method), its status and time, and a value
//! per sample. Every sample value remembers the `row` it was read from, so
//! that every input value can be found again in every output.
//!
//! Codes and metadata are shared strings (`Arc<str>`): a round of national
//! size repeats the same few hundred names millions of times.

use std::sync::Arc;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::plan::GroupField;
use crate::plan::reported::Reported;
use crate::plan::timestamp::Timestamp;

/// Whether a submission was sent to the provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Saved but not sent (暂存); never scored.
    Draft,
    /// Sent to the provider (提交, 上报).
    #[default]
    Submitted,
}

/// One version of a laboratory's result for an analyte in a round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    /// The laboratory's pseudonymous code (实验室编码).
    pub lab: Arc<str>,
    /// The program's code.
    pub program: Arc<str>,
    /// The round's code.
    pub round: Arc<str>,
    /// The analyte's code.
    pub analyte: Arc<str>,
    /// The unit the values are reported in.
    #[serde(default)]
    pub unit: Option<Arc<str>>,
    /// The instrument (仪器).
    #[serde(default)]
    pub instrument: Option<Arc<str>>,
    /// The reagent (试剂).
    #[serde(default)]
    pub reagent: Option<Arc<str>>,
    /// The calibrator (校准物).
    #[serde(default)]
    pub calibrator: Option<Arc<str>>,
    /// The method (方法).
    #[serde(default)]
    pub method: Option<Arc<str>>,
    /// Draft or submitted.
    #[serde(default)]
    pub status: Status,
    /// When it was submitted (or saved, for a draft).
    #[serde(default)]
    pub submitted_at: Option<Timestamp>,
    /// Its version: a resubmission before the deadline has a higher one.
    #[serde(default)]
    pub version: u32,
    /// A value per sample.
    pub values: Vec<SampleValue>,
}

/// A value reported for one sample.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SampleValue {
    /// The sample's code (批号).
    pub sample: Arc<str>,
    /// The value as reported.
    pub value: Reported,
    /// Where it was read from: the line a CSV row starts on (the header is
    /// line 1) or the 1-based position of a JSON row (see
    /// [`crate::results::load`]); unique within a results set.
    pub row: u32,
}

/// A laboratory's enrolment in a program: the analytes it signed up for.
/// An enrolled analyte without a submitted result is "not returned".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Enrollment {
    /// The laboratory's code.
    pub lab: Arc<str>,
    /// The program's code.
    pub program: Arc<str>,
    /// The analytes enrolled for; an empty list enrols every analyte of
    /// the program.
    pub analytes: Vec<Arc<str>>,
    /// Rounds the laboratory is excused from (CLIA-style excuse: testing
    /// suspended and notified in time); skipped in scores and histories.
    #[serde(default)]
    pub excused_rounds: Vec<Arc<str>>,
}

/// A target given for a sample (reference method value, formulation,
/// certified value, or a category for a qualitative analyte).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GivenTarget {
    /// The program's code.
    pub program: Arc<str>,
    /// The round's code.
    pub round: Arc<str>,
    /// The analyte's code.
    pub analyte: Arc<str>,
    /// The sample's code.
    pub sample: Arc<str>,
    /// The target value or category, as text.
    pub value: Reported,
    /// Its standard uncertainty, if known.
    #[serde(default)]
    pub uncertainty: Option<Decimal>,
    /// The peer group's standard deviation to use with ±k·s limits, if given.
    #[serde(default)]
    pub sd: Option<Decimal>,
}

/// Everything a round is scored from besides the plan.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Results {
    /// Every submission, in any order, drafts and older versions included.
    pub submissions: Vec<Submission>,
    /// Who is enrolled for what; without it, a laboratory counts as
    /// enrolled for the analytes it submitted in the program.
    pub enrollments: Vec<Enrollment>,
    /// Targets given per sample.
    pub given_targets: Vec<GivenTarget>,
}

impl Submission {
    /// The submission's value of a peer-group field.
    pub fn group_field(&self, field: GroupField) -> Option<&Arc<str>> {
        match field {
            GroupField::Method => self.method.as_ref(),
            GroupField::Instrument => self.instrument.as_ref(),
            GroupField::Reagent => self.reagent.as_ref(),
            GroupField::Calibrator => self.calibrator.as_ref(),
            GroupField::Unit => self.unit.as_ref(),
        }
    }
}

impl Results {
    /// How many sample values there are, over every submission.
    pub fn value_count(&self) -> usize {
        self.submissions.iter().map(|s| s.values.len()).sum()
    }
}
