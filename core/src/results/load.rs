//! Loading results in long format: one row per sample value, from CSV or
//! JSON, into [`Results`].
//!
//! Every data row is accounted for: it is either loaded (its value is in
//! exactly one [`SampleValue`] whose `row` is the row's number) or named in
//! at least one problem of [`Severity::Error`], never both and never
//! neither. A [`Severity::Warning`] never stops a row from loading.
//!
//! Rows are grouped into [`Submission`]s by laboratory, program, round,
//! analyte, status, version and submission time, in the order the groups
//! are first seen; the values of a submission keep the rows' order. The
//! metadata of a submission (unit, instrument, reagent, calibrator, method)
//! is its first row's; a later row that disagrees is loaded all the same,
//! with a [`ProblemCode::ConflictingMetadata`] warning naming the column.
//!
//! The columns are described in `docs/results-format.md` and in
//! [`COLUMNS`]. Codes and metadata are shared strings: each distinct text
//! is allocated once per load, however many rows repeat it.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::names::named_choices;
use crate::plan::reported::Reported;
use crate::plan::timestamp::Timestamp;
use crate::results::issues::Severity;
use crate::results::model::{Results, SampleValue, Status, Submission};

/// The columns of the long format, in the order [`results_to_csv`](crate::results::results_to_csv) writes
/// them; the first six are required.
pub const COLUMNS: [&str; 14] = [
    "lab",
    "program",
    "round",
    "analyte",
    "sample",
    "value",
    "unit",
    "instrument",
    "reagent",
    "calibrator",
    "method",
    "status",
    "submitted_at",
    "version",
];

/// How many of [`COLUMNS`] (the first ones) are required.
pub const REQUIRED_COLUMNS: usize = 6;

/// Results read from a file, what was wrong with it, and how many data rows
/// it had.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Loaded {
    /// The rows that loaded, grouped into submissions.
    pub results: Results,
    /// Every problem found, in the order of the rows.
    pub problems: Vec<LoadProblem>,
    /// How many data rows the file had, loaded or not.
    pub rows: usize,
}

/// A problem with a row (or with the whole file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadProblem {
    /// The row: the line of a CSV file (the header is line 1), or the
    /// 1-based position of a JSON row; 0 for a JSON document as a whole.
    pub row: u32,
    /// The column (or JSON field, or document path) at fault, if one is.
    pub column: Option<String>,
    /// What is wrong, as a stable code.
    pub code: ProblemCode,
    /// An error means the row was not loaded; a warning that it was.
    pub severity: Severity,
    /// What is wrong, in English.
    pub message: String,
}

/// What is wrong with a row or file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemCode {
    /// A required column is not in the header (every data row is then
    /// refused with this code too).
    MissingColumn,
    /// A column or field the format does not know; it is ignored (warning).
    UnknownColumn,
    /// A column named twice in the header; the first is read (warning).
    DuplicateColumn,
    /// A row without a laboratory, program, round, analyte or sample.
    MissingField,
    /// A status that is not draft or submitted.
    BadStatus,
    /// A submission time that is not RFC 3339 text with an offset.
    BadTimestamp,
    /// A version that is not a whole number from 0 to 4294967295.
    BadVersion,
    /// A JSON field of the wrong type (such as `true` for a laboratory).
    BadField,
    /// A CSV row with more or fewer cells than the header.
    RaggedRow,
    /// A CSV row whose cells are all blank.
    BlankRow,
    /// A row that cannot be read at all (a JSON row that is not an object).
    UnreadableRow,
    /// JSON text that cannot be read, or a results document that does not
    /// match its schema.
    InvalidDocument,
    /// A row whose metadata differs from its submission's first row; it is
    /// loaded with the first row's metadata (warning).
    ConflictingMetadata,
    /// Two values of a results document with the same row (warning).
    DuplicateRow,
    /// A CSV quote that the text never closes: the line where the record
    /// began is not read, the lines after it are.
    UnterminatedQuote,
    /// A JSON row that gives the same key twice: which value was meant is
    /// unknown, so the row is not read.
    DuplicateKey,
    /// Bytes that are not valid in the file's encoding: the row (CSV) or
    /// the document (JSON) is not read.
    BadEncoding,
}

named_choices!(ProblemCode, option "code", expected "a load problem code" {
    MissingColumn => "missing_column",
    UnknownColumn => "unknown_column",
    DuplicateColumn => "duplicate_column",
    MissingField => "missing_field",
    BadStatus => "bad_status",
    BadTimestamp => "bad_timestamp",
    BadVersion => "bad_version",
    BadField => "bad_field",
    RaggedRow => "ragged_row",
    BlankRow => "blank_row",
    UnreadableRow => "unreadable_row",
    InvalidDocument => "invalid_document",
    ConflictingMetadata => "conflicting_metadata",
    DuplicateRow => "duplicate_row",
    UnterminatedQuote => "unterminated_quote",
    DuplicateKey => "duplicate_key",
    BadEncoding => "bad_encoding",
});

impl ProblemCode {
    /// How serious the problem is: a warning for the codes whose row still
    /// loads, an error for the others.
    pub fn severity(self) -> Severity {
        match self {
            ProblemCode::UnknownColumn
            | ProblemCode::DuplicateColumn
            | ProblemCode::ConflictingMetadata
            | ProblemCode::DuplicateRow => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// The position in [`COLUMNS`] of a column named `name` (trimmed, any case).
pub(crate) fn column_index(name: &str) -> Option<usize> {
    let name = name.trim().trim_start_matches('\u{feff}').to_lowercase();
    COLUMNS.iter().position(|c| *c == name)
}

const LAB: usize = 0;
const SAMPLE: usize = 4;
const VALUE: usize = 5;
const UNIT: usize = 6;
const STATUS: usize = 11;
const SUBMITTED_AT: usize = 12;
const VERSION: usize = 13;

/// The cells of one row, by column ([`COLUMNS`] order); `None` for a column
/// the file does not have (or a JSON `null`).
pub(crate) type Cells<'a> = [Option<&'a str>; 14];

/// What identifies a submission.
#[derive(Debug, PartialEq, Eq, Hash)]
struct GroupKey {
    codes: [Arc<str>; 4],
    status: Status,
    version: u32,
    submitted_at: Option<Timestamp>,
}

/// Rows on their way into [`Results`].
#[derive(Debug, Default)]
pub(crate) struct Builder {
    strings: HashSet<Arc<str>>,
    /// The last text of each column, so that a run of rows repeating it
    /// needs no lookup.
    last: [Option<Arc<str>>; 14],
    groups: HashMap<GroupKey, usize>,
    loaded: Loaded,
}

/// A cell trimmed, or `None` when it is blank.
fn filled(cell: Option<&str>) -> Option<&str> {
    cell.map(str::trim).filter(|c| !c.is_empty())
}

/// Reads a status: draft (暂存, 保存) or submitted (提交, 上报), any case.
fn status(text: &str) -> Option<Status> {
    let is = |word: &str| text.eq_ignore_ascii_case(word);
    if is("draft") || is("暂存") || is("保存") {
        Some(Status::Draft)
    } else if is("submitted") || is("提交") || is("上报") {
        Some(Status::Submitted)
    } else {
        None
    }
}

impl Builder {
    /// Records a problem; the row counts as refused if it is an error.
    pub(crate) fn problem(
        &mut self,
        row: u32,
        column: Option<&str>,
        code: ProblemCode,
        message: String,
    ) {
        self.loaded.problems.push(LoadProblem {
            row,
            column: column.map(str::to_owned),
            code,
            severity: code.severity(),
            message,
        });
    }

    /// Counts a data row that is refused as a whole (its problem recorded
    /// by the caller).
    pub(crate) fn skip_row(&mut self) {
        self.loaded.rows += 1;
    }

    /// The shared copy of a text.
    fn intern(&mut self, text: &str) -> Arc<str> {
        if let Some(shared) = self.strings.get(text) {
            return Arc::clone(shared);
        }
        let shared: Arc<str> = Arc::from(text);
        self.strings.insert(Arc::clone(&shared));
        shared
    }

    /// The shared copy of a text of the column at `column`.
    fn intern_at(&mut self, column: usize, text: &str) -> Arc<str> {
        if let Some(Some(last)) = self.last.get(column)
            && **last == *text
        {
            return Arc::clone(last);
        }
        let shared = self.intern(text);
        if let Some(slot) = self.last.get_mut(column) {
            *slot = Some(Arc::clone(&shared));
        }
        shared
    }

    /// Reads a data row; `reported` marks the columns whose problem was
    /// already recorded (a JSON field of the wrong type): the row is then
    /// refused, with its other problems collected.
    pub(crate) fn add_row(&mut self, row: u32, cells: &Cells<'_>, reported: &[bool; 14]) {
        self.loaded.rows += 1;
        let before = self.loaded.problems.len();
        let mut codes = [""; 5];
        for (index, code) in codes.iter_mut().enumerate() {
            let column = COLUMNS[LAB + index];
            match filled(cells[LAB + index]) {
                Some(text) => *code = text,
                None if reported[LAB + index] => {}
                None => self.problem(
                    row,
                    Some(column),
                    ProblemCode::MissingField,
                    format!("the {column} is missing"),
                ),
            }
        }
        let status = match filled(cells[STATUS]) {
            None => Status::Submitted,
            Some(text) => status(text).unwrap_or_else(|| {
                self.problem(
                    row,
                    Some(COLUMNS[STATUS]),
                    ProblemCode::BadStatus,
                    format!("status {text:?} is neither draft (暂存) nor submitted (提交)"),
                );
                Status::Submitted
            }),
        };
        let submitted_at = filled(cells[SUBMITTED_AT]).and_then(|text| {
            let time = text.parse::<Timestamp>().ok();
            if time.is_none() {
                self.problem(
                    row,
                    Some(COLUMNS[SUBMITTED_AT]),
                    ProblemCode::BadTimestamp,
                    format!(
                        "submitted_at {text:?} is not an RFC 3339 time with an offset, \
                         such as 2026-04-20T17:00:00+08:00"
                    ),
                );
            }
            time
        });
        let version = match filled(cells[VERSION]) {
            None => 0,
            Some(text) => text.parse::<u32>().unwrap_or_else(|_| {
                self.problem(
                    row,
                    Some(COLUMNS[VERSION]),
                    ProblemCode::BadVersion,
                    format!("version {text:?} is not a whole number from 0 to 4294967295"),
                );
                0
            }),
        };
        if reported.contains(&true) || self.loaded.problems.len() > before {
            return;
        }
        let [lab, program, round, analyte, sample] = codes;
        let key = GroupKey {
            codes: [
                (LAB, lab),
                (LAB + 1, program),
                (LAB + 2, round),
                (LAB + 3, analyte),
            ]
            .map(|(column, c)| self.intern_at(column, c)),
            status,
            version,
            submitted_at,
        };
        let value = SampleValue {
            sample: self.intern_at(SAMPLE, sample),
            value: Reported::new(cells[VALUE].unwrap_or_default()),
            row,
        };
        let metadata: [Option<Arc<str>>; 5] =
            std::array::from_fn(|i| filled(cells[UNIT + i]).map(|c| self.intern_at(UNIT + i, c)));
        if let Some(&index) = self.groups.get(&key) {
            self.join(index, row, metadata, value);
            return;
        }
        let [lab, program, round, analyte] = key.codes.clone();
        let [unit, instrument, reagent, calibrator, method] = metadata;
        self.groups
            .insert(key, self.loaded.results.submissions.len());
        self.loaded.results.submissions.push(Submission {
            lab,
            program,
            round,
            analyte,
            unit,
            instrument,
            reagent,
            calibrator,
            method,
            status,
            submitted_at,
            version,
            values: vec![value],
        });
    }

    /// Adds a value to the submission at `index`, warning about each
    /// metadata column that differs from the submission's.
    fn join(
        &mut self,
        index: usize,
        row: u32,
        metadata: [Option<Arc<str>>; 5],
        value: SampleValue,
    ) {
        let Some(submission) = self.loaded.results.submissions.get_mut(index) else {
            return;
        };
        let first = submission.values.first().map_or(row, |v| v.row);
        let kept = [
            &submission.unit,
            &submission.instrument,
            &submission.reagent,
            &submission.calibrator,
            &submission.method,
        ]
        .map(Option::clone);
        submission.values.push(value);
        for (offset, (given, kept)) in metadata.iter().zip(kept).enumerate() {
            if *given != kept {
                let column = COLUMNS[UNIT + offset];
                let show = |v: &Option<Arc<str>>| v.as_deref().unwrap_or("").to_owned();
                self.problem(
                    row,
                    Some(column),
                    ProblemCode::ConflictingMetadata,
                    format!(
                        "{column} {:?} differs from {:?} of its submission's first row ({first}); \
                         the first row's is kept",
                        show(given),
                        show(&kept)
                    ),
                );
            }
        }
    }

    /// Takes a whole results document, its strings shared with the ones
    /// seen so far.
    pub(crate) fn adopt(&mut self, mut results: Results) {
        for s in &mut results.submissions {
            for code in [&mut s.lab, &mut s.program, &mut s.round, &mut s.analyte] {
                *code = self.intern(code);
            }
            let metadata = [
                &mut s.unit,
                &mut s.instrument,
                &mut s.reagent,
                &mut s.calibrator,
                &mut s.method,
            ];
            for text in metadata.into_iter().flatten() {
                *text = self.intern(text);
            }
            for value in &mut s.values {
                value.sample = self.intern(&value.sample);
            }
        }
        self.loaded.rows += results.value_count();
        self.loaded.results = results;
    }

    /// The results and problems.
    pub(crate) fn finish(self) -> Loaded {
        self.loaded
    }
}
