//! Writing CSV text, as every report and the results file are written
//! (RFC 4180): fields separated by commas, a field quoted when it holds a
//! comma, a quote or a line break (its quotes doubled), `\n` line ends.
//!
//! Text that laboratories control (a code, an instrument, a reported value)
//! reaches these files, and Excel and WPS open a cell that begins with `=`,
//! `+`, `-`, `@`, a tab or a carriage return as a formula. So such a cell
//! that is not a number is written with a `'` before it, as OWASP advises
//! against CSV injection; numbers (`-1.5`, `+3`, `-12.5%`) stay numbers, and
//! the results loader reads a guarded cell back as it was.

/// Whether a spreadsheet would read `cell` as a formula.
fn formula_like(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && !number_like(cell)
}

/// A finite number, perhaps with a percent sign, as reports write numbers.
fn number_like(cell: &str) -> bool {
    let digits = cell.strip_suffix('%').unwrap_or(cell);
    digits.parse::<f64>().is_ok_and(f64::is_finite)
}

/// A cell as it was before [`push_cell`] guarded it.
pub(crate) fn unguarded(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if formula_like(rest) => rest,
        _ => cell,
    }
}

/// Appends one field, guarded when it looks like a formula, quoted when it must be.
pub(crate) fn push_cell(out: &mut String, cell: &str) {
    let guarded;
    let cell = if formula_like(cell) {
        guarded = format!("'{cell}");
        guarded.as_str()
    } else {
        cell
    };
    if cell.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(cell);
    }
}

/// Appends one record and its line end.
pub(crate) fn push_record<S: AsRef<str>>(out: &mut String, cells: &[S]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_cell(out, cell.as_ref());
    }
    out.push('\n');
}

/// The records as CSV text.
pub(crate) fn records<S: AsRef<str>>(rows: &[Vec<S>]) -> String {
    let mut out = String::new();
    for row in rows {
        push_record(&mut out, row);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_what_must_be_quoted() {
        let rows = vec![
            vec!["a", "b c", ""],
            vec!["5,5", "say \"hi\"", "two\nlines"],
        ];
        assert_eq!(
            records(&rows),
            "a,b c,\n\"5,5\",\"say \"\"hi\"\"\",\"two\nlines\"\n"
        );
    }

    #[test]
    fn formulas_are_guarded_and_numbers_are_not() {
        let rows = vec![vec![
            "=HYPERLINK(\"x\")",
            "@SUM(A1)",
            "+1+1",
            "-",
            "\tcmd",
            "-1.5",
            "+3",
            "-12.5%",
            "2026-1",
        ]];
        assert_eq!(
            records(&rows),
            "'=HYPERLINK(\"x\"),'@SUM(A1),'+1+1,'-,'\tcmd,-1.5,+3,-12.5%,2026-1\n"
                .replace("'=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")
        );
        for cell in rows[0].iter() {
            let guarded = if formula_like(cell) {
                format!("'{cell}")
            } else {
                (*cell).to_owned()
            };
            assert_eq!(unguarded(&guarded), *cell);
        }
        assert_eq!(unguarded("'plain"), "'plain");
    }

    #[test]
    fn reads_back_through_the_csv_reader() {
        let rows = vec![vec!["x,1", "\"q\"", "r\r\n", "plain"]];
        let text = records(&rows);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes());
        let back: Vec<String> = reader
            .records()
            .next()
            .and_then(Result::ok)
            .map(|r| r.iter().map(String::from).collect())
            .unwrap_or_default();
        assert_eq!(back, rows[0]);
    }
}
