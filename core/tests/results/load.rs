//! Loading results in long format from CSV and JSON: rows grouped into
//! submissions, every problem reported by row and column, every row
//! accounted for, and the CSV written back.

use std::sync::Arc;

use eqa::plan::reported::Reading;
use eqa::results::Status;
use eqa::results::load::{COLUMNS, LoadProblem, Loaded, ProblemCode};
use eqa::results::validation::Severity;
use eqa::results::{load_results_csv, load_results_json, results_to_csv};
use rust_decimal::Decimal;

/// (row, column, code) of each problem.
fn problems(loaded: &Loaded) -> Vec<(u32, Option<&str>, &str)> {
    loaded
        .problems
        .iter()
        .map(|p| (p.row, p.column.as_deref(), p.code.as_str()))
        .collect()
}

/// The rows of the loaded values, in submission order.
fn rows(loaded: &Loaded) -> Vec<u32> {
    loaded
        .results
        .submissions
        .iter()
        .flat_map(|s| s.values.iter().map(|v| v.row))
        .collect()
}

const SMALL: &str = "\
lab,program,round,analyte,sample,value,unit,instrument,reagent,method
L01,C1,2026-1,GLU,202611,5.50,mmol/L,AU5800,Beckman,HK
L01,C1,2026-1,GLU,202612,6.1,mmol/L,AU5800,Beckman,HK
L01,C1,2026-1,,202613,7.0,mmol/L,AU5800,Beckman,HK
L01,C1,2026-1,GLU,202614,8.2,mmol/L,AU5800,Beckman
L01,C1,2026-1,GLU,202615,9.9,mmol/L,AU5800,Beckman,HK
L02,C1,2026-1,GLU,202611,5.4,mmol/L,c702,Roche,HK
";

#[test]
fn a_small_file_with_two_bad_rows_reports_them_and_loads_the_rest() {
    let loaded = load_results_csv(SMALL);
    assert_eq!(loaded.rows, 6);
    assert_eq!(
        problems(&loaded),
        [
            (4, Some("analyte"), "missing_field"),
            (5, None, "ragged_row")
        ]
    );
    assert!(
        loaded
            .problems
            .iter()
            .all(|p| p.severity == Severity::Error)
    );
    assert_eq!(loaded.problems[0].message, "the analyte is missing");
    assert_eq!(
        loaded.problems[1].message,
        "the row has 9 cells where the header has 10"
    );
    assert_eq!(rows(&loaded), [2, 3, 6, 7]);
    let [l01, l02] = &loaded.results.submissions[..] else {
        panic!("two submissions expected");
    };
    assert_eq!(
        (&*l01.lab, &*l01.program, &*l01.round, &*l01.analyte),
        ("L01", "C1", "2026-1", "GLU")
    );
    assert_eq!(l01.unit.as_deref(), Some("mmol/L"));
    assert_eq!(l01.calibrator, None);
    assert_eq!(
        (l01.status, l01.version, l01.submitted_at),
        (Status::Submitted, 0, None)
    );
    let samples: Vec<_> = l01.values.iter().map(|v| &*v.sample).collect();
    assert_eq!(samples, ["202611", "202612", "202615"]);
    assert_eq!(
        l01.values[0].value.reading(),
        &Reading::Number(Decimal::new(550, 2))
    );
    assert_eq!(l02.instrument.as_deref(), Some("c702"));
    // Codes are shared, not copied per row.
    assert!(Arc::ptr_eq(&l01.program, &l02.program));
    assert!(Arc::ptr_eq(&l01.values[0].sample, &l02.values[0].sample));
}

#[test]
fn header_names_are_free_in_order_and_case_and_unknown_ones_warn() {
    let csv = " Value ,SAMPLE,Analyte,round,Program,LAB,Remark,submitted_at,Status,version\n\
               <0.5,202611,HBsAg,2026-1,I1,L07,ok,2026-04-18T10:00:00+08:00,暂存,2\n\
               阳性,202612,HBsAg,2026-1,I1,L07,,2026-04-18T10:00:00+08:00,draft,2\n\
               阳性,202612,HBsAg,2026-1,I1,L07,,2026-04-19T10:00:00+08:00,提交,3\n";
    let loaded = load_results_csv(csv);
    assert_eq!(problems(&loaded), [(1, Some("Remark"), "unknown_column")]);
    assert_eq!(loaded.problems[0].severity, Severity::Warning);
    assert_eq!(rows(&loaded), [2, 3, 4]);
    let [draft, sent] = &loaded.results.submissions[..] else {
        panic!("two versions expected");
    };
    assert_eq!(
        (draft.status, draft.version, draft.values.len()),
        (Status::Draft, 2, 2)
    );
    assert_eq!((sent.status, sent.version), (Status::Submitted, 3));
    assert_eq!(
        sent.submitted_at.map(|t| t.to_string()).as_deref(),
        Some("2026-04-19T10:00:00+08:00")
    );
    assert_eq!(
        draft.values[0].value.reading(),
        &Reading::Below(Decimal::new(5, 1))
    );
    assert_eq!(
        draft.values[1].value.reading(),
        &Reading::Word("阳性".into())
    );
}

#[test]
fn a_missing_required_column_refuses_every_row() {
    let csv = "lab,program,analyte,sample\nL01,C1,GLU,202611\nL01,C1,GLU,202612\n";
    let loaded = load_results_csv(csv);
    assert_eq!(loaded.rows, 2);
    assert!(loaded.results.submissions.is_empty());
    assert_eq!(
        problems(&loaded),
        [
            (1, Some("round"), "missing_column"),
            (1, Some("value"), "missing_column"),
            (2, Some("round"), "missing_column"),
            (3, Some("round"), "missing_column"),
        ]
    );
    let empty = load_results_csv("");
    assert_eq!((empty.rows, empty.problems.len()), (0, 6));
}

#[test]
fn bad_status_time_and_version_refuse_their_row_with_every_problem() {
    let csv = "lab,program,round,analyte,sample,value,status,submitted_at,version\n\
               L01,C1,2026-1,GLU,202611,5.5,sent,2026-04-20 17:00,-1\n\
               ,C1,2026-1,GLU,202612,5.5,draft,,1.0\n\
               L01,C1,2026-1,GLU,202613,,Submitted,2026-04-20T09:00:00Z,7\n";
    let loaded = load_results_csv(csv);
    assert_eq!(
        problems(&loaded),
        [
            (2, Some("status"), "bad_status"),
            (2, Some("submitted_at"), "bad_timestamp"),
            (2, Some("version"), "bad_version"),
            (3, Some("lab"), "missing_field"),
            (3, Some("version"), "bad_version"),
        ]
    );
    assert_eq!(rows(&loaded), [4]);
    let s = &loaded.results.submissions[0];
    assert_eq!((s.status, s.version), (Status::Submitted, 7));
    assert_eq!(s.values[0].value.reading(), &Reading::Blank);
}

#[test]
fn conflicting_metadata_warns_and_keeps_the_first_rows() {
    let csv = "lab,program,round,analyte,sample,value,unit,reagent\n\
               L01,C1,2026-1,GLU,202611,5.5,mmol/L,Beckman\n\
               L01,C1,2026-1,GLU,202612,99,mg/dL,Beckman\n\
               L01,C1,2026-1,GLU,202613,6.0,mmol/L,\n";
    let loaded = load_results_csv(csv);
    assert_eq!(
        problems(&loaded),
        [
            (3, Some("unit"), "conflicting_metadata"),
            (4, Some("reagent"), "conflicting_metadata"),
        ]
    );
    assert_eq!(
        loaded.problems[0].message,
        "unit \"mg/dL\" differs from \"mmol/L\" of its submission's first row (2); \
         the first row's is kept"
    );
    assert!(
        loaded
            .problems
            .iter()
            .all(|p| p.severity == Severity::Warning)
    );
    assert_eq!(loaded.results.submissions.len(), 1);
    assert_eq!(rows(&loaded), [2, 3, 4]);
    assert_eq!(
        loaded.results.submissions[0].unit.as_deref(),
        Some("mmol/L")
    );
}

#[test]
fn quoted_cells_blank_rows_and_multi_line_cells_keep_line_numbers() {
    let csv = "lab,program,round,analyte,sample,value,method\n\
               L01,C1,2026-1,GLU,202611,\"5,5\",\"HK, enzymatic\"\n\
               ,,,,,,\n\
               L02,C1,2026-1,GLU,202612,5.6,\"two\nlines\"\n\
               L02,C1,2026-1,GLU,202613,5.7,\"two\nlines\"\n";
    let loaded = load_results_csv(csv);
    assert_eq!(problems(&loaded), [(3, None, "blank_row")]);
    assert_eq!(rows(&loaded), [2, 4, 6]);
    let [first, second] = &loaded.results.submissions[..] else {
        panic!("two laboratories, two submissions");
    };
    assert_eq!(first.values[0].value.text(), "5,5");
    assert_eq!(first.method.as_deref(), Some("HK, enzymatic"));
    assert_eq!(second.method.as_deref(), Some("two\nlines"));
}

#[test]
fn csv_round_trips_through_results_to_csv() {
    let csv = "lab,program,round,analyte,sample,value,unit,status,submitted_at,version,method\n\
               L01,C1,2026-1,GLU,202611, 5.50 ,mmol/L,draft,2026-04-18T10:00:00+08:00,1,\"HK, \"\"UV\"\"\"\n\
               L02,C1,2026-1,GLU,202611,<0.5,mmol/L,,,,\n\
               L01,C1,2026-1,GLU,202612,,mmol/L,暂存,2026-04-18T10:00:00+08:00,1,\"HK, \"\"UV\"\"\"\n";
    let loaded = load_results_csv(csv);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let written = results_to_csv(&loaded.results);
    assert_eq!(written.lines().next(), Some(COLUMNS.join(",").as_str()));
    assert_eq!(
        written.lines().nth(1),
        Some(
            "L01,C1,2026-1,GLU,202611, 5.50 ,mmol/L,,,,\"HK, \"\"UV\"\"\",draft,\
             2026-04-18T10:00:00+08:00,1"
        )
    );
    let again = load_results_csv(&written);
    assert!(again.problems.is_empty());
    assert_eq!(again.results, loaded.results);
    assert_eq!(again.rows, loaded.rows);
}

#[test]
fn json_rows_load_like_csv_rows() {
    let json = r#"[
      {"lab": "L01", "program": "C1", "round": "2026-1", "analyte": "GLU", "sample": 202611,
       "value": 5.5, "unit": "mmol/L", "version": 2, "colour": "red"},
      {"lab": "L01", "program": "C1", "round": "2026-1", "analyte": "GLU", "sample": "202612",
       "value": null, "unit": "mmol/L", "version": "2", "colour": "blue"},
      {"lab": true, "program": "C1", "round": "2026-1", "analyte": "GLU", "sample": "202613",
       "value": "6", "unit": 7, "status": "draft"},
      "L01,C1,2026-1,GLU,202614,6.5",
      {"lab": "L01", "program": "C1", "round": 1.5, "analyte": "GLU", "sample": "202615", "value": [1]},
      {"lab": "L01", "program": "C1", "round": "2026-1", "analyte": "GLU", "sample": "202615",
       "value": "7.0", "unit": "mmol/L", "version": 2}
    ]"#;
    let loaded = load_results_json(json);
    assert_eq!(loaded.rows, 6);
    assert_eq!(
        problems(&loaded),
        [
            (1, Some("colour"), "unknown_column"),
            (3, Some("lab"), "bad_field"),
            (3, Some("unit"), "bad_field"),
            (4, None, "unreadable_row"),
            (5, Some("round"), "bad_field"),
            (5, Some("value"), "bad_field"),
        ]
    );
    assert_eq!(
        loaded.problems[1].message,
        "lab is true, expected text or a whole number"
    );
    assert_eq!(rows(&loaded), [1, 2, 6]);
    let s = &loaded.results.submissions[0];
    assert_eq!(s.version, 2);
    assert_eq!(s.values[0].value.text(), "5.5");
    assert_eq!(s.values[1].value.reading(), &Reading::Blank);

    let wrapped = load_results_json(&format!(r#"{{"rows": {json}}}"#));
    assert_eq!(wrapped.results, loaded.results);
    assert_eq!(wrapped.problems, loaded.problems);
}

#[test]
fn a_results_document_loads_as_it_is() {
    let loaded = load_results_csv(SMALL);
    let document = serde_json::to_string(&loaded.results).unwrap();
    let again = load_results_json(&document);
    assert_eq!(again.results, loaded.results);
    assert_eq!((again.rows, again.problems.len()), (4, 0));

    let bad = document.replacen("\"row\":3", "\"row\":\"three\"", 1);
    let refused = load_results_json(&bad);
    assert_eq!(refused.rows, 0);
    assert_eq!(
        problems(&refused),
        [(0, Some("submissions[0].values[1].row"), "invalid_document")]
    );
    let twice = document.replacen("\"row\":3", "\"row\":2", 1);
    assert_eq!(
        problems(&load_results_json(&twice)),
        [(2, None, "duplicate_row")]
    );
    let not_json = load_results_json("[{\"lab\": ");
    assert_eq!(problems(&not_json), [(0, None, "invalid_document")]);
    assert_eq!(
        problems(&load_results_json("42")),
        [(0, None, "invalid_document")]
    );
}

#[test]
fn problems_serialise_with_snake_case_codes() {
    let loaded = load_results_csv("lab,program,round,analyte,sample,value,x\n");
    let json = serde_json::to_value(&loaded).unwrap();
    assert_eq!(
        json["problems"][0],
        serde_json::json!({
            "row": 1, "column": "x", "code": "unknown_column", "severity": "warning",
            "message": "unknown column \"x\" is ignored"
        })
    );
    for code in ProblemCode::ALL {
        assert_eq!(serde_json::to_value(code).unwrap(), code.as_str());
        assert_eq!(code.as_str().parse::<ProblemCode>().unwrap(), *code);
    }
    let back: LoadProblem = serde_json::from_value(json["problems"][0].clone()).unwrap();
    assert_eq!(back, loaded.problems[0]);
}

mod accounting {
    //! Every data row is loaded or named in an error, never both, never neither.

    use std::collections::BTreeSet;

    use eqa::results::load::Loaded;
    use eqa::results::validation::Severity;
    use eqa::results::{load_results_csv, load_results_json};
    use proptest::prelude::*;

    /// A row to write, and whether it must load.
    #[derive(Debug, Clone)]
    enum Row {
        Good { lab: u8, sample: u8, value: String },
        BlankCode(usize),
        BadStatus,
        BadTime,
        BadVersion(String),
        Ragged(usize),
        Conflicting,
    }

    impl Row {
        fn loads(&self) -> bool {
            matches!(self, Row::Good { .. } | Row::Conflicting)
        }

        fn cells(&self) -> Vec<String> {
            let mut cells: Vec<String> = [
                "L01",
                "C1",
                "2026-1",
                "GLU",
                "202611",
                "5.5",
                "mmol/L",
                "submitted",
                "",
                "0",
            ]
            .map(String::from)
            .into();
            match self {
                Row::Good { lab, sample, value } => {
                    cells[0] = format!("L{lab}");
                    cells[4] = format!("S{sample}");
                    cells[5] = value.clone();
                }
                Row::BlankCode(i) => cells[*i] = " ".into(),
                Row::BadStatus => cells[7] = "sent".into(),
                Row::BadTime => cells[8] = "2026-04-20 17:00".into(),
                Row::BadVersion(v) => cells[9] = v.clone(),
                Row::Ragged(n) => cells.truncate(*n),
                Row::Conflicting => cells[6] = "mg/dL".into(),
            }
            cells
        }
    }

    fn row() -> impl Strategy<Value = Row> {
        prop_oneof![
            4 => (0u8..3, 0u8..4, "[0-9]{1,3}(\\.[0-9]{1,2})?|<0\\.5|阳性|a,b|\"q\"|x\ny|")
                .prop_map(|(lab, sample, value)| Row::Good { lab, sample, value }),
            1 => (0usize..5).prop_map(Row::BlankCode),
            1 => Just(Row::BadStatus),
            1 => Just(Row::BadTime),
            1 => "-1|1\\.5|x|99999999999".prop_map(Row::BadVersion),
            1 => (1usize..9).prop_map(Row::Ragged),
            1 => Just(Row::Conflicting),
        ]
    }

    fn quote(cell: &str) -> String {
        if cell.contains([',', '"', '\n']) {
            format!("\"{}\"", cell.replace('"', "\"\""))
        } else {
            cell.to_owned()
        }
    }

    /// Checks the accounting: `expected` maps each row number to whether it
    /// must load.
    fn check(loaded: &Loaded, expected: &[(u32, bool)]) -> Result<(), TestCaseError> {
        let mut loaded_rows = BTreeSet::new();
        for value in loaded.results.submissions.iter().flat_map(|s| &s.values) {
            prop_assert!(loaded_rows.insert(value.row), "row {} twice", value.row);
        }
        let refused: BTreeSet<u32> = loaded
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .map(|p| p.row)
            .collect();
        prop_assert!(loaded_rows.is_disjoint(&refused));
        let all: BTreeSet<u32> = loaded_rows.union(&refused).copied().collect();
        let want: BTreeSet<u32> = expected.iter().map(|(row, _)| *row).collect();
        prop_assert_eq!(all, want);
        for (row, loads) in expected {
            prop_assert_eq!(loaded_rows.contains(row), *loads, "row {}", row);
        }
        prop_assert_eq!(loaded.rows, expected.len());
        Ok(())
    }

    proptest! {
        #[test]
        fn every_csv_row_is_loaded_or_refused(rows in prop::collection::vec(row(), 0..40)) {
            let mut text = String::from("lab,program,round,analyte,sample,value,unit,status,submitted_at,version\n");
            let mut line = 2;
            let mut expected = Vec::new();
            for row in &rows {
                let cells: Vec<String> = row.cells().iter().map(|c| quote(c)).collect();
                let record = cells.join(",");
                expected.push((line, row.loads()));
                line += 1 + u32::try_from(record.matches('\n').count()).unwrap();
                text.push_str(&record);
                text.push('\n');
            }
            let loaded = load_results_csv(&text);
            check(&loaded, &expected)?;
            let again = load_results_csv(&eqa::results::results_to_csv(&loaded.results));
            prop_assert_eq!(again.results.value_count(), loaded.results.value_count());
        }

        #[test]
        fn every_json_row_is_loaded_or_refused(rows in prop::collection::vec(row(), 0..40)) {
            let objects: Vec<serde_json::Value> = rows
                .iter()
                .map(|row| {
                    let names = eqa::results::load::COLUMNS;
                    let cells = row.cells();
                    let pick = [0, 1, 2, 3, 4, 5, 6, 11, 12, 13];
                    let mut object = serde_json::Map::new();
                    for (cell, column) in cells.iter().zip(pick) {
                        object.insert(names[column].into(), cell.clone().into());
                    }
                    if matches!(row, Row::Ragged(_)) {
                        // A JSON row cannot be ragged: give a field of the wrong type.
                        object.insert("unit".into(), serde_json::json!([1]));
                    }
                    serde_json::Value::Object(object)
                })
                .collect();
            let text = serde_json::to_string(&objects).unwrap();
            let expected: Vec<(u32, bool)> = rows
                .iter()
                .enumerate()
                .map(|(i, row)| {
                    let loads = row.loads()
                        && !matches!(row, Row::Ragged(_));
                    (u32::try_from(i + 1).unwrap(), loads)
                })
                .collect();
            check(&load_results_json(&text), &expected)?;
        }
    }
}
