//! The long format as CSV: reading it into [`Results`] and writing it back.

use std::sync::Arc;

use crate::csv_text::{push_record, unguarded};
use crate::results::csv_reader::{Item, Records};
use crate::results::encoding::{TextEncoding, decode};
use crate::results::load::{
    Builder, COLUMNS, Cells, Loaded, ProblemCode, REQUIRED_COLUMNS, column_index,
};
use crate::results::model::{Results, Status};

/// Loads results from CSV text in long format: a header naming the columns
/// (any order, any case), then one row per sample value.
///
/// The required columns are `lab`, `program`, `round`, `analyte`, `sample`
/// and `value`; the optional ones `unit`, `instrument`, `reagent`,
/// `calibrator`, `method`, `status` (`draft` or `submitted`, also `暂存`,
/// `保存`, `提交`, `上报`; default submitted), `submitted_at` (RFC 3339 with
/// an offset) and `version` (a whole number, default 0). A blank `value`
/// loads as a blank reading (validation and scoring judge it); a blank
/// code refuses its row. Every problem is reported with its line (the
/// header is line 1) and column; see [`crate::results::load`] for how rows group
/// into submissions.
///
/// Lines end at LF, CRLF or a lone CR, and a row's number is the physical
/// line it starts on. A quote that is never closed is an
/// `unterminated_quote` problem at the line where its row began; the lines
/// after it are read as rows. A leading byte-order mark is skipped. A cell
/// that [`results_to_csv`] guarded against formula injection (`'=…`) is read
/// as it was written (`=…`).
///
/// # Errors
///
/// None: problems are listed in [`Loaded::problems`]. A row with an error
/// is not loaded; a row with only warnings is.
///
/// # Examples
///
/// ```
/// use eqa::results::load::ProblemCode;
/// use eqa::results::load_results_csv;
///
/// let csv = "lab,program,round,analyte,sample,value,unit\n\
///            L01,C1,2026-1,GLU,202611,5.50,mmol/L\n\
///            L01,C1,2026-1,GLU,202612,,mmol/L\n\
///            L01,C1,,GLU,202613,6.1,mmol/L\n";
/// let loaded = load_results_csv(csv);
/// assert_eq!(loaded.rows, 3);
/// assert_eq!(loaded.results.submissions.len(), 1);
/// let values = &loaded.results.submissions[0].values;
/// assert_eq!((values[0].row, values[0].value.text()), (2, "5.50"));
/// assert_eq!((values[1].row, values[1].value.text()), (3, ""));
/// let problem = &loaded.problems[0];
/// assert_eq!((problem.row, problem.column.as_deref()), (4, Some("round")));
/// assert_eq!(problem.code, ProblemCode::MissingField);
/// ```
pub fn load_results_csv(text: &str) -> Loaded {
    load_csv(text, &[], TextEncoding::Utf8)
}

/// Loads results from the bytes of a CSV file read in `encoding` (see
/// [`TextEncoding`]; [`TextEncoding::Auto`] reads a byte-order mark, then
/// UTF-8, then GB18030 as Excel and WPS save it on Chinese Windows), as
/// [`load_results_csv`] loads text. A row on a line that is not valid in the
/// encoding is refused with a `bad_encoding` problem naming the line, never
/// loaded as garbled text.
///
/// # Examples
///
/// ```
/// use eqa::results::encoding::TextEncoding;
/// use eqa::results::load_results_csv_bytes;
///
/// // "lab,program,round,analyte,sample,value,method" and a row whose method
/// // is 己糖激酶法 in GBK.
/// let mut file = b"lab,program,round,analyte,sample,value,method\nL1,C1,R1,GLU,1,5.3,".to_vec();
/// file.extend([0xBC, 0xBA, 0xCC, 0xC7, 0xBC, 0xA4, 0xC3, 0xB8, 0xB7, 0xA8, b'\n']);
/// let loaded = load_results_csv_bytes(&file, TextEncoding::Auto);
/// assert_eq!(loaded.results.submissions[0].method.as_deref(), Some("己糖激酶法"));
/// let as_utf8 = load_results_csv_bytes(&file, TextEncoding::Utf8);
/// assert_eq!(as_utf8.problems[0].code.as_str(), "bad_encoding");
/// assert_eq!(as_utf8.problems[0].row, 2);
/// ```
pub fn load_results_csv_bytes(bytes: &[u8], encoding: TextEncoding) -> Loaded {
    let decoded = decode(bytes, encoding);
    load_csv(&decoded.text, &decoded.bad_lines, decoded.encoding)
}

/// Loads CSV text whose `bad_lines` were not valid in `encoding`.
fn load_csv(text: &str, bad_lines: &[u32], encoding: TextEncoding) -> Loaded {
    let mut builder = Builder::default();
    let bad_encoding = |builder: &mut Builder, line: u32| {
        builder.problem(
            line,
            None,
            ProblemCode::BadEncoding,
            format!("line {line} is not valid {encoding} text; the row is not read"),
        );
    };
    if bad_lines.first() == Some(&1) {
        bad_encoding(&mut builder, 1);
    }
    let mut records = Records::new(text);
    let (width, header) = match records.next() {
        Some(Item::Record(header)) => (header.cells.len(), header.cells),
        Some(Item::Unterminated { line, quote_line }) => {
            unterminated(&mut builder, line, quote_line);
            (0, Vec::new())
        }
        None => (0, Vec::new()),
    };
    let mut positions: [Option<usize>; 14] = [None; 14];
    for (cell, name) in header.iter().enumerate() {
        match column_index(name) {
            Some(column) if positions[column].is_some() => builder.problem(
                1,
                Some(COLUMNS[column]),
                ProblemCode::DuplicateColumn,
                format!(
                    "the {} column is named twice; the first one is read",
                    COLUMNS[column]
                ),
            ),
            Some(column) => positions[column] = Some(cell),
            None => builder.problem(
                1,
                Some(name.trim()),
                ProblemCode::UnknownColumn,
                format!("unknown column {:?} is ignored", name.trim()),
            ),
        }
    }
    let missing: Vec<&str> = (0..REQUIRED_COLUMNS)
        .filter(|&c| positions[c].is_none())
        .map(|c| COLUMNS[c])
        .collect();
    for name in &missing {
        builder.problem(
            1,
            Some(name),
            ProblemCode::MissingColumn,
            format!("the header has no {name} column"),
        );
    }
    for item in records {
        let record = match item {
            Item::Record(record) => record,
            Item::Unterminated { line, quote_line } => {
                builder.skip_row();
                unterminated(&mut builder, line, quote_line);
                continue;
            }
        };
        let row = record.line;
        let garbled = (bad_lines.iter()).find(|&&l| (row..=record.last_line).contains(&l));
        if let Some(&line) = garbled {
            builder.skip_row();
            bad_encoding(&mut builder, line);
        } else if let Some(name) = missing.first() {
            builder.skip_row();
            builder.problem(
                row,
                Some(name),
                ProblemCode::MissingColumn,
                format!("the row cannot be read: the header has no {name} column"),
            );
        } else if record.cells.iter().all(|cell| cell.trim().is_empty()) {
            builder.skip_row();
            builder.problem(row, None, ProblemCode::BlankRow, "the row is blank".into());
        } else if record.cells.len() != width {
            builder.skip_row();
            let lines = if record.last_line > row {
                format!(
                    " (a quoted cell runs from line {row} to line {})",
                    record.last_line
                )
            } else {
                String::new()
            };
            builder.problem(
                row,
                None,
                ProblemCode::RaggedRow,
                format!(
                    "the row has {} cells where the header has {width}{lines}",
                    record.cells.len()
                ),
            );
        } else {
            let cells: Vec<&str> = record.cells.iter().map(|c| unguarded(c)).collect();
            let cells: Cells<'_> = positions.map(|p| p.and_then(|cell| cells.get(cell).copied()));
            builder.add_row(row, &cells, &[false; 14]);
        }
    }
    builder.finish()
}

/// Reports a quote opened on `quote_line` of the record starting on `line`
/// that the text never closes.
fn unterminated(builder: &mut Builder, line: u32, quote_line: u32) {
    let lines = if quote_line > line {
        format!("lines {line} to {quote_line} are")
    } else {
        format!("line {line} is")
    };
    builder.problem(
        line,
        None,
        ProblemCode::UnterminatedQuote,
        format!(
            "a quote opened on line {quote_line} is never closed; {lines} not read, \
             the lines after are read as rows"
        ),
    );
}

/// Writes results in long format as CSV: the header [`COLUMNS`], then one
/// line per sample value in the order of the values' rows.
///
/// Reading the text back with [`load_results_csv`] gives the same
/// submissions when the rows are the text's own lines (2, 3, …, as a CSV
/// load gives them) and no two submissions share laboratory, program,
/// round, analyte, status, version and time. Enrollments and given targets
/// are not part of the long format and are not written.
///
/// # Examples
///
/// ```
/// use eqa::results::{load_results_csv, results_to_csv};
///
/// let csv = "lab,program,round,analyte,sample,value\nL01,C1,2026-1,GLU,202611,\"5,5\"\n";
/// let loaded = load_results_csv(csv);
/// let written = results_to_csv(&loaded.results);
/// assert!(written.ends_with("L01,C1,2026-1,GLU,202611,\"5,5\",,,,,,submitted,,0\n"));
/// assert_eq!(load_results_csv(&written).results, loaded.results);
/// ```
pub fn results_to_csv(results: &Results) -> String {
    let mut lines: Vec<(u32, usize, usize)> = Vec::with_capacity(results.value_count());
    for (s, submission) in results.submissions.iter().enumerate() {
        for (v, value) in submission.values.iter().enumerate() {
            lines.push((value.row, s, v));
        }
    }
    lines.sort_by_key(|&(row, s, v)| (row, s, v));
    let mut out = COLUMNS.join(",");
    out.push('\n');
    for (_, s, v) in lines {
        let Some(submission) = results.submissions.get(s) else {
            continue;
        };
        let Some(value) = submission.values.get(v) else {
            continue;
        };
        let time = submission
            .submitted_at
            .map(|t| t.to_string())
            .unwrap_or_default();
        let version = submission.version.to_string();
        let cells = [
            &*submission.lab,
            &*submission.program,
            &*submission.round,
            &*submission.analyte,
            &*value.sample,
            value.value.text(),
            text(&submission.unit),
            text(&submission.instrument),
            text(&submission.reagent),
            text(&submission.calibrator),
            text(&submission.method),
            match submission.status {
                Status::Draft => "draft",
                Status::Submitted => "submitted",
            },
            &time,
            &version,
        ];
        push_record(&mut out, &cells);
    }
    out
}

/// An optional field's text, or nothing.
fn text(field: &Option<Arc<str>>) -> &str {
    field.as_deref().unwrap_or("")
}
