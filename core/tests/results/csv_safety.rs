//! CSV as careless exporters and attackers write it: an unterminated quote
//! swallows nothing, every line ending numbers physical lines, and no
//! laboratory-controlled text opens as a formula in any CSV eqa writes.

#![allow(clippy::unwrap_used)]

use eqa::results::load::ProblemCode;
use eqa::results::{load_results_csv, results_to_csv};
use eqa::synthetic::{SyntheticOptions, synthetic_round};

const HEADER: &str = "lab,program,round,analyte,sample,value,instrument\n";

fn row(lab: usize, sample: usize) -> String {
    format!("L{lab:03},C1,2026-1,GLU,S{sample},5.{sample},AU5800\n")
}

#[test]
fn an_unterminated_quote_is_reported_where_it_opened_and_swallows_nothing() {
    // 3,780 lines: a stray quote on line 2,011 used to take the 1,770 after it.
    let mut text = String::from(HEADER);
    for i in 0..3_779 {
        if i == 2_009 {
            text.push_str("L999,C1,2026-1,GLU,S1,\"5.1,AU5800\n");
        } else {
            text.push_str(&row(i / 5, i % 5));
        }
    }
    let loaded = load_results_csv(&text);
    assert_eq!(loaded.rows, 3_779);
    let problems: Vec<_> = loaded.problems.iter().map(|p| (p.row, p.code)).collect();
    assert_eq!(problems, [(2_011, ProblemCode::UnterminatedQuote)]);
    assert!(loaded.problems[0].message.contains("line 2011"));
    assert_eq!(loaded.results.value_count(), 3_778);
    let last = loaded
        .results
        .submissions
        .last()
        .unwrap()
        .values
        .last()
        .unwrap();
    assert_eq!(last.row, 3_780);
}

#[test]
fn cr_lf_and_crlf_endings_number_physical_lines() {
    let lf = format!("{HEADER}{}{}\n{}", row(1, 1), row(1, 2), row(1, 3));
    for text in [lf.clone(), lf.replace('\n', "\r\n"), lf.replace('\n', "\r")] {
        let loaded = load_results_csv(&text);
        let rows: Vec<u32> = loaded.results.submissions[0]
            .values
            .iter()
            .map(|v| v.row)
            .collect();
        assert_eq!(rows, [2, 3, 5], "{text:?}");
        assert!(loaded.problems.is_empty());
    }
}

/// Whether a cell would open as a formula in Excel or WPS.
fn formula(cell: &str) -> bool {
    let number = cell
        .strip_suffix('%')
        .unwrap_or(cell)
        .parse::<f64>()
        .is_ok_and(f64::is_finite);
    cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && !number
}

/// Every cell of a CSV text, read as a spreadsheet reads it.
fn cells(text: &str) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .flat_map(|r| r.unwrap().iter().map(String::from).collect::<Vec<_>>())
        .collect()
}

#[test]
fn hostile_text_never_opens_as_a_formula_and_reads_back_as_written() {
    let mut data = synthetic_round(&SyntheticOptions {
        labs: 20,
        seed: 3,
        rounds: 1,
        full_menu: false,
    })
    .unwrap();
    let hostile = [
        "=HYPERLINK(\"http://x\",\"点击\")",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "+1+2",
        "-2+3",
        "\t=1",
    ];
    let lab = data.results.submissions[0].lab.clone();
    for (i, s) in data
        .results
        .submissions
        .iter_mut()
        .filter(|s| s.lab == lab)
        .enumerate()
    {
        let text = hostile[i % hostile.len()];
        s.instrument = Some(text.into());
        s.method = Some(text.into());
    }
    let scoring =
        eqa::score_round(&data.plan, &data.criteria, &data.results, "C1", "2026-1").unwrap();
    let outputs = [
        results_to_csv(&data.results),
        eqa::report::lab_report(&data.results, &scoring, &lab)
            .unwrap()
            .to_csv(),
        eqa::report::round_summary(&scoring).unwrap().to_csv(),
    ];
    for text in &outputs {
        let bad: Vec<String> = cells(text).into_iter().filter(|c| formula(c)).collect();
        assert!(bad.is_empty(), "{bad:?}");
    }
    assert!(outputs[0].contains("'=HYPERLINK"));
    // The loader reads a guarded cell back as it was written.
    let back = load_results_csv(&outputs[0]);
    let instruments: Vec<&str> = back
        .results
        .submissions
        .iter()
        .filter(|s| s.lab == lab)
        .filter_map(|s| s.instrument.as_deref())
        .collect();
    // (Metadata is read trimmed, so a leading tab goes.)
    let written = |i: &&str| hostile.iter().any(|h| h.trim() == *i);
    assert!(instruments.iter().all(written), "{instruments:?}");
    assert_eq!(back.results.value_count(), data.results.value_count());
}

#[test]
fn json_rows_with_a_duplicate_key_a_bom_or_an_underflowing_number() {
    use eqa::results::load_results_json;
    let text = "\u{feff}[\
        {\"lab\": \"L1\", \"program\": \"C1\", \"round\": \"R1\", \"analyte\": \"GLU\", \"sample\": \"1\", \"value\": \"5.1\"},\
        {\"lab\": \"L1\", \"program\": \"C1\", \"round\": \"R1\", \"analyte\": \"GLU\", \"sample\": \"2\", \"value\": \"5.1\", \"value\": \"51\"},\
        {\"lab\": \"L1\", \"program\": \"C1\", \"round\": \"R1\", \"analyte\": \"GLU\", \"sample\": \"3\", \"value\": 1e-400},\
        {\"lab\": \"L1\", \"program\": \"C1\", \"round\": \"R1\", \"analyte\": \"GLU\", \"sample\": \"4\", \"value\": 1e400},\
        {\"lab\": \"L1\", \"program\": \"C1\", \"round\": \"R1\", \"analyte\": \"GLU\", \"sample\": \"5\", \"value\": 0.0e-5}\
    ]";
    let loaded = load_results_json(text);
    assert_eq!(loaded.rows, 5);
    let problems: Vec<_> = loaded
        .problems
        .iter()
        .map(|p| (p.row, p.column.as_deref(), p.code))
        .collect();
    assert_eq!(
        problems,
        [
            (2, Some("value"), ProblemCode::DuplicateKey),
            (3, Some("value"), ProblemCode::BadField),
            (4, Some("value"), ProblemCode::BadField),
        ]
    );
    let values: Vec<(&str, &str)> = loaded.results.submissions[0]
        .values
        .iter()
        .map(|v| (&*v.sample, v.value.text()))
        .collect();
    assert_eq!(values, [("1", "5.1"), ("5", "0.0")]);
}

#[test]
fn files_in_gbk_utf16_or_with_bad_bytes_load_as_written_or_say_where() {
    use eqa::results::encoding::TextEncoding;
    use eqa::results::load_results_csv_bytes;
    let text = "lab,program,round,analyte,sample,value,instrument,method\n\
                L1,C1,R1,GLU,1,5.3,迈瑞 BS-2000M,己糖激酶法\n\
                L2,C1,R1,GLU,1,5.4,罗氏 c702,葡萄糖氧化酶法\n";
    let (gbk, _, _) = encoding_rs::GB18030.encode(text);
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let expected = load_results_csv(text).results;
    for (bytes, encoding) in [
        (gbk.to_vec(), TextEncoding::Auto),
        (gbk.to_vec(), TextEncoding::Gb18030),
        (utf16, TextEncoding::Auto),
        (text.as_bytes().to_vec(), TextEncoding::Auto),
    ] {
        let loaded = load_results_csv_bytes(&bytes, encoding);
        assert!(
            loaded.problems.is_empty(),
            "{encoding:?}: {:?}",
            loaded.problems
        );
        assert_eq!(loaded.results, expected, "{encoding:?}");
    }
    // GBK bytes read as UTF-8: both data rows are refused where they are,
    // never loaded with garbled instrument names.
    let loaded = load_results_csv_bytes(&gbk, TextEncoding::Utf8);
    let problems: Vec<_> = loaded.problems.iter().map(|p| (p.row, p.code)).collect();
    assert_eq!(
        problems,
        [(2, ProblemCode::BadEncoding), (3, ProblemCode::BadEncoding)]
    );
    assert_eq!((loaded.rows, loaded.results.value_count()), (2, 0));
}
