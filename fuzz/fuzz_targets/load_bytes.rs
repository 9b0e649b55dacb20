#![no_main]

use std::collections::BTreeSet;

use eqa::results::encoding::TextEncoding;
use eqa::results::load::Loaded;
use eqa::results::validation::Severity;
use eqa::results::{load_results_csv_bytes, load_results_json_bytes};
use libfuzzer_sys::fuzz_target;

const ENCODINGS: [TextEncoding; 5] = [
    TextEncoding::Auto,
    TextEncoding::Utf8,
    TextEncoding::Utf16Le,
    TextEncoding::Utf16Be,
    TextEncoding::Gb18030,
];

/// Every data row is loaded or named in an error, never both: the rows
/// of the loaded values and the rows of the errors are disjoint and
/// together at least as many as the file's data rows (for CSV, whose rows
/// are lines), and no value's row is beyond the text.
fn accounted(loaded: &Loaded, lines: usize, csv: bool) {
    let values: Vec<u32> = (loaded.results.submissions.iter())
        .flat_map(|s| s.values.iter().map(|v| v.row))
        .collect();
    let kept: BTreeSet<u32> = values.iter().copied().collect();
    assert_eq!(kept.len(), values.len(), "a row loaded twice");
    let refused: BTreeSet<u32> = (loaded.problems.iter())
        .filter(|p| p.severity == Severity::Error && p.row > 1)
        .map(|p| p.row)
        .collect();
    assert!(kept.is_disjoint(&refused), "a row both loaded and refused");
    if csv {
        // (A problem with the header, wherever it starts, is not a data row.)
        assert!(kept.len() <= loaded.rows, "more rows loaded than read");
        assert!(
            kept.len() + refused.len() >= loaded.rows,
            "{:?}",
            loaded.problems
        );
        assert!(
            kept.iter().all(|&r| r as usize <= lines + 1),
            "a row beyond the text"
        );
    }
}

// Raw bytes as users feed them (any encoding, any line ending, any
// quoting) never panic the loaders, and every row is accounted for.
fuzz_target!(|input: (u8, &[u8])| {
    let (choice, bytes) = input;
    let encoding = ENCODINGS[usize::from(choice) % ENCODINGS.len()];
    let lines = bytes.iter().filter(|&&b| b == b'\n' || b == b'\r').count() + 1;
    accounted(&load_results_csv_bytes(bytes, encoding), lines * 2, true);
    accounted(&load_results_json_bytes(bytes, encoding), lines * 2, false);
});
