//! Units: spellings of one unit are one unit; a convertible unit is
//! converted, judged and flagged; a criterion's unit is read.

#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use eqa::plan::criteria::Criteria;
use eqa::scoring::{Reason, Verdict};
use serde_json::json;

use crate::support::{Book, of, plan};

const SAMPLES: [&str; 5] = ["1", "2", "3", "4", "5"];

/// Creatinine in µmol/L with given targets 100 µmol/L and a ±10 % limit.
fn creatinine(unit_policy: &str) -> (eqa::plan::Plan, Book) {
    let plan = plan(
        json!([{"code": "CREA", "unit": "µmol/L",
                "scoring": {"limit": {"kind": "percent", "percent": 10}}}]),
        &SAMPLES,
        json!({"target": {"kind": "given"}, "unit": unit_policy}),
    );
    let mut book = Book::default();
    for s in SAMPLES {
        book.given("CREA", s, "100", None);
    }
    (plan, book)
}

fn add(book: &mut Book, lab: &str, unit: &str, values: [&str; 5]) {
    let values: Vec<(&str, &str)> = SAMPLES.iter().copied().zip(values).collect();
    book.add(lab, "CREA", &values).unit = Some(Arc::from(unit));
}

#[test]
fn spellings_of_the_same_unit_are_that_unit() {
    let (plan, mut book) = creatinine("convert");
    let values = ["100", "105", "95", "109", "91"];
    for (lab, unit) in [
        ("MICRO", "µmol/L"),
        ("GREEK", "μmol/L"),
        ("ASCII", "umol/L"),
        ("LOWER", "umol/l"),
        ("SPACE", " µmol / L "),
    ] {
        add(&mut book, lab, unit, values);
    }
    let scoring = book.score(&plan);
    for lab in ["MICRO", "GREEK", "ASCII", "LOWER", "SPACE"] {
        let evals = of(&scoring, lab);
        assert!(
            evals.iter().all(|e| e.verdict == Verdict::Acceptable),
            "{lab}"
        );
        assert!(evals.iter().all(|e| e.converted_unit.is_none()), "{lab}");
        let score = scoring
            .analyte_scores
            .iter()
            .find(|a| &*a.lab == lab)
            .unwrap();
        assert_eq!(score.score, Some(100.0), "{lab}");
    }
}

#[test]
fn a_convertible_unit_is_converted_judged_and_flagged() {
    let (plan, mut book) = creatinine("convert");
    // mg/dL × 88.42 = µmol/L: 1.13 → 99.9146, 1.25 → 110.525 (outside ±10 %),
    // 1.0180 → 90.01156 (inside), 1.0178 → 89.993876 (outside).
    add(
        &mut book,
        "MG",
        "mg/dL",
        ["1.13", "1.25", "1.0180", "1.0178", "<0.5"],
    );
    let scoring = book.score(&plan);
    let evals = of(&scoring, "MG");
    let verdicts: Vec<_> = evals.iter().map(|e| (e.verdict, e.reason)).collect();
    assert_eq!(
        verdicts,
        [
            (Verdict::Acceptable, None),
            (Verdict::Unacceptable, Some(Reason::OutsideLimit)),
            (Verdict::Acceptable, None),
            (Verdict::Unacceptable, Some(Reason::OutsideLimit)),
            // <0.5 mg/dL is < 44.21 µmol/L, far below 90: unacceptable.
            (Verdict::Unacceptable, Some(Reason::OutsideLimit)),
        ]
    );
    assert!((evals[0].value.unwrap() - 99.9146).abs() < 1e-9);
    assert!((evals[0].bias_percent.unwrap() - -0.0854).abs() < 1e-9);
    assert!(
        evals
            .iter()
            .all(|e| e.converted_unit.as_deref() == Some("mg/dL"))
    );
    let score = scoring
        .analyte_scores
        .iter()
        .find(|a| &*a.lab == "MG")
        .unwrap();
    assert_eq!(score.score, Some(40.0));
}

#[test]
fn the_unacceptable_policy_and_an_unconvertible_unit_are_wrong_units() {
    let (plan, mut book) = creatinine("unacceptable");
    add(&mut book, "MG", "mg/dL", ["1.13"; 5]);
    add(&mut book, "SAME", "μmol/L", ["100"; 5]);
    let scoring = book.score(&plan);
    assert!(
        of(&scoring, "MG")
            .iter()
            .all(|e| e.reason == Some(Reason::WrongUnit))
    );
    assert!(
        of(&scoring, "SAME")
            .iter()
            .all(|e| e.verdict == Verdict::Acceptable)
    );
    assert_eq!(scoring.settings.unit, eqa::plan::UnitPolicy::Unacceptable);

    let (plan, mut book) = creatinine("convert");
    add(&mut book, "MMOL", "mmol/L", ["0.1"; 5]);
    let scoring = book.score(&plan);
    let evals = of(&scoring, "MMOL");
    assert!(evals.iter().all(|e| e.reason == Some(Reason::WrongUnit)));
    assert!(evals.iter().all(|e| e.converted_unit.is_none()));
}

fn criteria(unit: &str) -> Criteria {
    Criteria::from_json(
        &json!({"provider": "P", "year": 2026, "programs": ["C1"], "source": "test",
            "criteria": [{"analyte": "CREA", "unit": unit, "source": "test", "confirmed": true,
                "limit": {"kind": "greater_of", "absolute": "17.7", "percent": 10}}]})
        .to_string(),
    )
    .unwrap()
}

#[test]
fn a_criterion_in_another_unit_is_converted_to_the_analytes() {
    // The analyte in mg/dL; the criterion's 17.7 µmol/L is 0.2002 mg/dL.
    let plan = plan(
        json!([{"code": "CREA", "unit": "mg/dL"}]),
        &SAMPLES,
        json!({"target": {"kind": "given"}}),
    );
    let mut book = Book::default();
    for s in SAMPLES {
        book.given("CREA", s, "1.00", None);
    }
    book.add(
        "L",
        "CREA",
        &[
            ("1", "15.0"),
            ("2", "1.20"),
            ("3", "1.21"),
            ("4", "0.80"),
            ("5", "1.00"),
        ],
    )
    .unit = Some(Arc::from("mg/dL"));
    let scoring = eqa::score_round(&plan, &criteria("µmol/L"), &book.results, "C1", "R1").unwrap();
    let evals = of(&scoring, "L");
    let verdicts: Vec<_> = evals.iter().map(|e| e.verdict).collect();
    use Verdict::{Acceptable as A, Unacceptable as U};
    assert_eq!(verdicts, [U, A, U, A, A]);
    assert!((evals[0].allowed.unwrap() - 17.7 / 88.42).abs() < 1e-12);

    let error =
        eqa::score_round(&plan, &criteria("mmol/L"), &book.results, "C1", "R1").unwrap_err();
    assert_eq!(error.code(), "invalid_document");
    let eqa::Error::InvalidDocument { path, message } = error else {
        unreachable!()
    };
    assert_eq!(path, "tables[0].criteria[0].unit");
    assert!(
        message.contains("mmol/L") && message.contains("mg/dL"),
        "{message}"
    );
}
