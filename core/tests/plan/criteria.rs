//! The shipped criteria tables (domain §5.1–§5.3), exact judging against
//! them (§4.1) and unit conversions (§5.5).

#![allow(clippy::panic, clippy::unwrap_used)]

use eqa::plan::criteria::{Criteria, Criterion};
use eqa::plan::criteria_tables::{CLIA_2024_JSON, NCCL_2024_JSON};
use eqa::plan::limits::{AcceptanceLimit, Boundary};
use eqa::plan::units::{self, CONVERSIONS};
use rust_decimal::Decimal;

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn pct(p: &str) -> AcceptanceLimit {
    AcceptanceLimit::Percent { percent: d(p) }
}

fn greater_of(a: &str, p: &str) -> AcceptanceLimit {
    AcceptanceLimit::GreaterOf {
        absolute: d(a),
        percent: d(p),
    }
}

fn criterion<'a>(
    criteria: &'a Criteria,
    provider: &str,
    program: &str,
    analyte: &str,
) -> &'a Criterion {
    let found = criteria.find(provider, 2024, program, analyte);
    found
        .unwrap_or_else(|| panic!("no {provider} {program} {analyte}"))
        .1
}

#[test]
fn each_data_file_loads() {
    for text in [NCCL_2024_JSON, CLIA_2024_JSON] {
        let criteria = Criteria::from_json(text).unwrap();
        assert!(!criteria.tables.is_empty());
    }
    assert_eq!(Criteria::nccl_2024().unwrap().tables.len(), 5);
    assert_eq!(Criteria::clia_2024().unwrap().tables.len(), 5);
}

#[test]
fn nccl_2024_programs_and_limits() {
    let nccl = Criteria::nccl_2024().unwrap();
    for table in &nccl.tables {
        assert_eq!((table.provider.as_str(), table.year), ("NCCL", 2024));
    }
    for program in ["NCCL-C-01", "NCCL-C-02"] {
        assert_eq!(criterion(&nccl, "NCCL", program, "K").limit, pct("6"));
        assert_eq!(criterion(&nccl, "NCCL", program, "GLU").limit, pct("7"));
        assert_eq!(criterion(&nccl, "NCCL", program, "CREA").limit, pct("12"));
    }
    let c01 = criterion(&nccl, "NCCL", "NCCL-C-01", "K");
    assert!(c01.confirmed && c01.note.contains("WS/T 403-2012"));
    assert!(c01.source.starts_with("[NCCL-2024]"));
    let pco2 = criterion(&nccl, "NCCL", "NCCL-C-05", "PCO2");
    assert_eq!(pco2.limit, greater_of("5", "8"));
    assert_eq!(pco2.unit.as_deref(), Some("mmHg"));
    assert_eq!(
        criterion(&nccl, "NCCL", "NCCL-C-05", "PH").limit,
        AcceptanceLimit::Absolute {
            absolute: d("0.04")
        }
    );
    let hcy = criterion(&nccl, "NCCL", "NCCL-C-03", "HCY");
    assert_eq!(hcy.limit, greater_of("2.5", "20"));
    assert_eq!(hcy.unit.as_deref(), Some("µmol/L"));
    assert_eq!(criterion(&nccl, "NCCL", "NCCL-C-04", "TC").limit, pct("9"));
    assert_eq!(
        criterion(&nccl, "NCCL", "NCCL-C-06", "KAPPA").limit,
        pct("25")
    );
    assert!(
        nccl.tables
            .iter()
            .flat_map(|t| &t.criteria)
            .all(|c| c.confirmed)
    );
    // The table of a year applies until a later one replaces it.
    assert!(nccl.find("NCCL", 2026, "NCCL-C-01", "K").is_some());
    assert!(nccl.find("NCCL", 2023, "NCCL-C-01", "K").is_none());
}

#[test]
fn clia_2024_limits_and_their_confirmation() {
    let clia = Criteria::clia_2024().unwrap();
    let glu = criterion(&clia, "CLIA", "chemistry", "GLU");
    assert_eq!(glu.limit, greater_of("0.33", "8"));
    assert_eq!(glu.unit.as_deref(), Some("mmol/L"));
    assert!(glu.confirmed && glu.note.contains("6 mg/dL"));
    let ua = criterion(&clia, "CLIA", "chemistry", "UA");
    assert_eq!(ua.limit, pct("10"));
    assert!(!ua.confirmed && ua.note.starts_with("UNCONFIRMED"));
    let k = criterion(&clia, "CLIA", "chemistry", "K");
    assert_eq!(k.limit, AcceptanceLimit::Absolute { absolute: d("0.3") });
    assert!(k.confirmed);
    assert!(criterion(&clia, "CLIA", "hematology", "HB").confirmed);
    assert!(!criterion(&clia, "CLIA", "hematology", "HCT").confirmed);
    assert_eq!(
        criterion(&clia, "CLIA", "coagulation", "FIB").limit,
        pct("20")
    );
    assert_eq!(
        criterion(&clia, "CLIA", "endocrinology", "TSH").limit,
        greater_of("0.2", "20")
    );
    let confirmed: Vec<_> = clia
        .tables
        .iter()
        .flat_map(|t| &t.criteria)
        .filter(|c| c.confirmed)
        .map(|c| c.analyte.as_str())
        .collect();
    assert_eq!(
        confirmed,
        [
            "K",
            "NA",
            "GLU",
            "UREA",
            "CREA",
            "TC",
            "TBIL",
            "ALT",
            "AST",
            "HB",
            "ABO",
            "RHD",
            "ANTIBODY_SCREEN",
            "COMPATIBILITY"
        ]
    );
}

#[test]
fn every_entry_cites_a_source_and_flags_what_is_unconfirmed() {
    let all = Criteria::builtin().unwrap();
    assert_eq!(all.tables.len(), 10);
    for table in &all.tables {
        assert!(!table.source.trim().is_empty() && !table.name.is_empty());
        assert!(!table.programs.is_empty() && !table.criteria.is_empty());
        for c in &table.criteria {
            assert!(!c.source.trim().is_empty(), "{}", c.analyte);
            assert!(!c.name.is_empty(), "{}", c.analyte);
            // Numbers within a limit, or exact categories with the pass
            // threshold their source sets.
            assert!(
                c.limit.is_quantitative() && !c.limit.needs_sd()
                    || c.limit == AcceptanceLimit::Categorical && c.pass_threshold.is_some(),
                "{}",
                c.analyte
            );
            if !c.confirmed {
                assert!(c.note.contains("UNCONFIRMED"), "{}", c.analyte);
            }
            if let Some(unit) = &c.unit {
                assert!(!unit.is_empty());
            }
        }
    }
}

#[test]
fn clia_si_values_follow_the_conversion_table() {
    let clia = Criteria::clia_2024().unwrap();
    // (analyte, the source's absolute part, its unit, the decimals of the stored SI value)
    let cases = [
        ("CA", "1.0", "mg/dL", 2),
        ("P", "0.3", "mg/dL", 3),
        ("GLU", "6", "mg/dL", 2),
        ("UREA", "2", "mg/dL", 2),
        ("CREA", "0.2", "mg/dL", 1),
        ("TBIL", "0.4", "mg/dL", 2),
        ("HDLC", "6", "mg/dL", 2),
    ];
    for (analyte, original, unit, dp) in cases {
        let c = criterion(&clia, "CLIA", "chemistry", analyte);
        let stored = match c.limit {
            AcceptanceLimit::Absolute { absolute } => absolute,
            AcceptanceLimit::GreaterOf { absolute, .. } => absolute,
            _ => panic!("{analyte} has no absolute part"),
        };
        let si = units::convert(analyte, d(original), unit, c.unit.as_deref().unwrap()).unwrap();
        assert_eq!(si.round_dp(dp), stored, "{analyte}");
        assert!(c.note.contains(&format!("{original} mg/dL")), "{analyte}");
    }
}

#[test]
fn judging_is_exact_where_floats_are_not() {
    let ten = pct("10");
    let on_limit = [
        ("5.5", "5.0"),
        ("1.1", "1.0"),
        ("0.33", "0.3"),
        ("0.27", "0.3"),
    ];
    for (x, t) in on_limit {
        let j = ten.judge(d(x), d(t), None, Boundary::Inclusive).unwrap();
        assert!(j.acceptable, "{x} vs {t}");
        assert!(
            !ten.judge(d(x), d(t), None, Boundary::Exclusive)
                .unwrap()
                .acceptable
        );
    }
    // Floating point puts 1.1 outside 1.0 ± 10 % and 0.33 outside 0.3 ± 10 %.
    assert!((1.1_f64 - 1.0).abs() > 0.1 * 1.0);
    assert!((0.33_f64 - 0.3).abs() > 0.1 * 0.3);
    let j = ten
        .judge(d("5.5"), d("5.0"), None, Boundary::Inclusive)
        .unwrap();
    assert_eq!((j.allowed, j.deviation), (d("0.5"), d("0.5")));
}

#[test]
fn judging_against_shipped_criteria() {
    let all = Criteria::builtin().unwrap();
    let inclusive = |provider, program, analyte, x: &str, t: &str| {
        let c = criterion(&all, provider, program, analyte);
        c.limit
            .judge(d(x), d(t), None, Boundary::Inclusive)
            .unwrap()
    };
    // NCCL glucose 7 %: 5.00 ± 0.35.
    assert!(inclusive("NCCL", "NCCL-C-01", "GLU", "5.35", "5.00").acceptable);
    assert!(!inclusive("NCCL", "NCCL-C-01", "GLU", "5.36", "5.00").acceptable);
    // pCO2: 5 mmHg below 62.5 mmHg, 8 % above.
    assert_eq!(
        inclusive("NCCL", "NCCL-C-05", "PCO2", "45", "40").allowed,
        d("5")
    );
    assert_eq!(
        inclusive("NCCL", "NCCL-C-05", "PCO2", "80", "80").allowed,
        d("6.4")
    );
    // Homocysteine: 2.5 µmol/L below 12.5 µmol/L, 20 % above.
    assert!(inclusive("NCCL", "NCCL-C-03", "HCY", "12.5", "10").acceptable);
    assert_eq!(
        inclusive("NCCL", "NCCL-C-03", "HCY", "20", "20").allowed,
        d("4")
    );
    // CLIA glucose: 0.33 mmol/L below 4.125 mmol/L, 8 % above.
    assert_eq!(
        inclusive("CLIA", "chemistry", "GLU", "3", "3").allowed,
        d("0.33")
    );
    assert_eq!(
        inclusive("CLIA", "chemistry", "GLU", "10", "10").allowed,
        d("0.8")
    );
}

#[test]
fn a_centre_adopts_nccl_tables() {
    let nccl = Criteria::nccl_2024().unwrap();
    let tables = nccl
        .tables
        .iter()
        .map(|t| {
            t.adopted_by(
                "HN",
                2025,
                t.programs.iter().map(|p| p.replace("NCCL", "HN")),
            )
        })
        .collect();
    let henan = Criteria { tables };
    let (table, k) = henan.find("HN", 2025, "HN-C-02", "K").unwrap();
    assert_eq!(k.limit, pct("6"));
    assert!(k.source.starts_with("[NCCL-2024]"));
    assert!(table.source.starts_with("[NCCL-2024]"));
    assert!(
        table
            .source
            .ends_with("adopted by HN 2025 from NCCL 2024 (NCCL-C-01, NCCL-C-02)")
    );
    assert!(henan.find("NCCL", 2025, "NCCL-C-01", "K").is_none());
    assert!(henan.find("HN", 2024, "HN-C-01", "K").is_none());
}

#[test]
fn glucose_converts_exactly_and_back() {
    let glu = units::convert("GLU", d("90"), "mg/dL", "mmol/L").unwrap();
    assert_eq!(glu.to_string(), "4.9955595026642984014209591474");
    let back = units::convert("GLU", glu, "mmol/l", "mg/dl").unwrap();
    assert_eq!(back.round_dp(20), d("90"));
    let mmol = units::convert("GLU", d("5.5"), "mmol/L", "mg/dL").unwrap();
    assert_eq!(mmol, d("99.088"));
    assert_eq!(
        units::convert("GLU", mmol, "mg/dL", "mmol/L").unwrap(),
        d("5.5")
    );
}

#[test]
fn conversions_go_both_ways_and_spellings_agree() {
    let cre = units::convert("CREA", d("1.0"), "mg/dL", "µmol/L").unwrap();
    assert_eq!(cre.to_string(), "88.42");
    for spelling in ["umol/L", "μmol/L", "µmol/l", " umol / L "] {
        assert_eq!(
            units::convert("CREA", cre, spelling, "mg/dL").unwrap(),
            d("1")
        );
    }
    assert_eq!(
        units::convert("UREA", d("14"), "mg/dL", "mmol/L").unwrap(),
        d("4.998")
    );
    assert_eq!(
        units::convert("UA", d("5"), "mg/dL", "µmol/L").unwrap(),
        d("297.4")
    );
    assert_eq!(
        units::convert("K", d("4.1"), "mmol/L", "mmol/l").unwrap(),
        d("4.1")
    );
    assert!(CONVERSIONS.iter().all(|c| !c.source.is_empty()));
    let unconfirmed: Vec<_> = CONVERSIONS
        .iter()
        .filter(|c| !c.confirmed)
        .map(|c| c.analyte)
        .collect();
    assert_eq!(unconfirmed, ["TC", "HDLC", "LDLC", "TG", "UA"]);
}

#[test]
fn unknown_conversions_are_refused() {
    for (analyte, from, to) in [
        ("K", "mg/dL", "mmol/L"),
        ("GLU", "mg/dL", "g/L"),
        ("NOPE", "mg/dL", "mmol/L"),
    ] {
        let err = units::convert(analyte, d("1"), from, to).unwrap_err();
        assert_eq!(err.code(), "invalid_parameter");
        assert!(err.to_string().starts_with("invalid unit = "), "{err}");
    }
}
