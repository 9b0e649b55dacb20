//! The problems that loading results and validating a draft report: their
//! stable codes, severities and the report of a validation.

use serde::{Deserialize, Serialize};

use crate::names::named_choices;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The data cannot be used as they are (a row is not loaded; a
    /// submission is not valid).
    Error,
    /// Worth a look, but the data are used (a row is loaded; a submission
    /// stays valid).
    Warning,
}

named_choices!(Severity, option "severity", expected "\"error\" or \"warning\"" {
    Error => "error",
    Warning => "warning",
});

/// What is wrong with a submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IssueCode {
    /// The plan has no such program.
    UnknownProgram,
    /// The program has no such round.
    UnknownRound,
    /// The program has no such analyte.
    UnknownAnalyte,
    /// The round has no such sample, or does not test the analyte on it.
    UnknownSample,
    /// A submission for another program or round than the one checked.
    WrongProgramOrRound,
    /// A sample of the round has no value (本次批号必须填报完整).
    MissingSample,
    /// A sample has more than one value in a submission.
    DuplicateSample,
    /// A value is blank.
    BlankValue,
    /// A quantitative value is neither a number nor a censored number
    /// (`<0.5`, `>1000`).
    UnreadableValue,
    /// A qualitative, ordinal or nominal value is none of the analyte's
    /// categories, grades or names.
    OutOfVocabulary,
    /// The unit is not the analyte's, nor one it converts from.
    WrongUnit,
    /// The unit is not the analyte's, but the analyte's factor converts it
    /// (warning: the values are converted when scored, unless the program
    /// scores other units unacceptable).
    ConvertedUnit,
    /// A number outside the analyte's plausible range (warning).
    ImplausibleValue,
    /// No instrument for a quantitative analyte.
    MissingInstrument,
    /// No reagent for a quantitative analyte.
    MissingReagent,
    /// No method for a quantitative analyte.
    MissingMethod,
    /// No calibrator for a quantitative analyte (warning).
    MissingCalibrator,
    /// The round's deadline has passed.
    PastDeadline,
    /// The round does not accept results yet (warning).
    NotOpenYet,
    /// Two submissions for one analyte.
    DuplicateAnalyte,
}

named_choices!(IssueCode, option "code", expected "a validation issue code" {
    UnknownProgram => "unknown_program",
    UnknownRound => "unknown_round",
    UnknownAnalyte => "unknown_analyte",
    UnknownSample => "unknown_sample",
    WrongProgramOrRound => "wrong_program_or_round",
    MissingSample => "missing_sample",
    DuplicateSample => "duplicate_sample",
    BlankValue => "blank_value",
    UnreadableValue => "unreadable_value",
    OutOfVocabulary => "out_of_vocabulary",
    WrongUnit => "wrong_unit",
    ConvertedUnit => "converted_unit",
    ImplausibleValue => "implausible_value",
    MissingInstrument => "missing_instrument",
    MissingReagent => "missing_reagent",
    MissingMethod => "missing_method",
    MissingCalibrator => "missing_calibrator",
    PastDeadline => "past_deadline",
    NotOpenYet => "not_open_yet",
    DuplicateAnalyte => "duplicate_analyte",
});

impl IssueCode {
    /// How serious an issue of this code is.
    pub fn severity(self) -> Severity {
        match self {
            IssueCode::ImplausibleValue
            | IssueCode::MissingCalibrator
            | IssueCode::NotOpenYet
            | IssueCode::ConvertedUnit => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// One problem of a submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issue {
    /// Where: `program`, `round`, or a path into the submissions such as
    /// `submissions[0].values[2].value` or `submissions[1].reagent`.
    pub path: String,
    /// What, as a stable code.
    pub code: IssueCode,
    /// Error or warning.
    pub severity: Severity,
    /// The analyte concerned, if one is.
    pub analyte: Option<String>,
    /// The sample (批号) concerned, if one is.
    pub sample: Option<String>,
    /// What is wrong, in English.
    pub message_en: String,
    /// What is wrong, in Chinese.
    pub message_zh: String,
}

/// The outcome of [`validate_submission`](super::validation::validate_submission).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ValidationReport {
    /// Whether no issue is an error.
    pub valid: bool,
    /// Every issue, round-level first, then submission by submission.
    pub issues: Vec<Issue>,
}
