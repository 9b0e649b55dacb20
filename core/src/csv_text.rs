//! Writing CSV text, as every report and the results file are written
//! (RFC 4180): fields separated by commas, a field quoted when it holds a
//! comma, a quote or a line break (its quotes doubled), `\n` line ends.

/// Appends one field, quoted when it must be.
pub(crate) fn push_cell(out: &mut String, cell: &str) {
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
