//! ISO 13528:2022 Annex B against its worked example E.2 and Table B.1: the
//! homogeneity and stability checks, each number citing its table.

use crate::common;

use common::{assert_printed, vector};
use eqa::{
    CheckCriterion, Error, ExpandedFactors, HomogeneityOptions, HomogeneityRemedy,
    StabilityOptions, StabilityUncertainty, expanded_factors, homogeneity, stability,
};
use serde_json::Value;

fn table(value: &Value) -> Vec<Vec<f64>> {
    value
        .as_array()
        .expect("a table of rows")
        .iter()
        .map(common::numbers)
        .collect()
}

fn e2() -> (Value, Vec<Vec<f64>>, Vec<Vec<f64>>) {
    let v = vector("iso13528_2022_E2_homogeneity_stability");
    let items = table(&v["homogeneity_items"]);
    let stability_items = table(&v["stability_items"]);
    (v, items, stability_items)
}

/// ISO 13528:2022 E.2, Table E.2: 10 items in duplicate, σ_pt = 0.15·x̿.
#[test]
fn e2_homogeneity_table_e2() {
    let (v, items, _) = e2();
    let e = &v["expected"];
    let first = homogeneity(&items, 1.0, &HomogeneityOptions::default()).unwrap();
    let sigma_pt = 0.15 * first.general_mean;
    let h = homogeneity(&items, sigma_pt, &HomogeneityOptions::default()).unwrap();
    assert_eq!((h.g, h.m), (10, 2));
    assert_printed("general mean", h.general_mean, &e["general_mean"], 0);
    assert_printed("s_x", h.s_x, &e["s_x"], 0);
    assert_printed("s_w", h.s_w, &e["s_w"], 0);
    assert_printed("s_s", h.s_s, &e["s_s"], 0);
    assert_printed("sigma_pt", h.sigma_pt, &e["sigma_pt"], 0);
    assert_printed("0.3 sigma_pt", h.criterion, &e["criterion_0.3_sigma_pt"], 0);
    assert_eq!(h.sufficient, e["homogeneity_sufficient"].as_bool().unwrap());
    assert!(h.sufficient_expanded && !h.failed);
    assert_eq!(h.item_means.len(), 10);
    assert_eq!(h.item_means[0], (0.185 + 0.194) / 2.0);
}

/// The same data against the full-precision cells of the Koch spreadsheet
/// (σ_pt = 0.02807 as printed): agreement to 1e-12, including the expanded
/// criterion √c with F1 = 1.88 and F2 = 1.01 (Table B.1, g = 10).
#[test]
fn e2_matches_the_spreadsheet_to_full_precision() {
    let (v, items, _) = e2();
    let k = &v["expected_koch_spreadsheet_full_precision"];
    let at = |key: &str| k[key].as_f64().unwrap();
    let h = homogeneity(&items, at("sigma_pt"), &HomogeneityOptions::default()).unwrap();
    for (what, computed, key) in [
        ("general mean", h.general_mean, "general_mean"),
        ("s_x", h.s_x, "s_x"),
        ("s_w", h.s_w, "s_w"),
        ("s_s", h.s_s, "s_s"),
        ("0.3 sigma_pt", h.criterion, "check_value_0.3_sigma_pt"),
        ("sqrt(c)", h.expanded_criterion, "expanded_criterion_sqrt_c"),
    ] {
        assert!(
            (computed - at(key)).abs() < 1e-12,
            "{what}: {computed} vs {}",
            at(key)
        );
    }
    assert_eq!((h.f1, h.f2), (at("F1_g10"), at("F2_g10")));
    assert_eq!(h.factors, ExpandedFactors::TableB1);
    assert!((h.c - h.expanded_criterion * h.expanded_criterion).abs() < 1e-18);
}

/// ISO 13528:2022 E.2, Table E.3: the stability check, the means of the
/// 4 stability results against the 20 homogeneity results.
#[test]
fn e2_stability_table_e3() {
    let (v, items, stability_items) = e2();
    let e = &v["expected"];
    let before: Vec<f64> = items.concat();
    let after: Vec<f64> = stability_items.concat();
    let sigma_pt = 0.15 * eqa::mean(&before).unwrap();
    let s = stability(&before, &after, sigma_pt, &StabilityOptions::default()).unwrap();
    assert_eq!((s.n_first, s.n_second), (20, 4));
    assert_printed("stability mean", s.mean_second, &e["stability_mean"], 0);
    assert_printed(
        "|difference|",
        s.difference.abs(),
        &e["stability_difference"],
        0,
    );
    assert!(s.difference < 0.0, "the items gained arsenic: ȳ1 < ȳ2");
    assert_printed("0.3 sigma_pt", s.criterion, &e["criterion_0.3_sigma_pt"], 0);
    assert_eq!(s.stable, e["stability_sufficient"].as_bool().unwrap());
    assert!(s.stable_expanded && !s.failed && s.u_stab == 0.0);
    // u(ȳ) = s/√n of each set, and the expanded limit built from them.
    let u1 = eqa::standard_deviation(&before).unwrap() / 20f64.sqrt();
    let u2 = eqa::standard_deviation(&after).unwrap() / 2.0;
    assert!((s.u_first - u1).abs() < 1e-15 && (s.u_second - u2).abs() < 1e-15);
    let limit = s.criterion + 2.0 * u1.hypot(u2);
    assert!((s.expanded_criterion - limit).abs() < 1e-15);
}

/// ISO 13528:2022 Table B.1: F1 and F2 for g = 7 to 20 (m = 2), and the
/// formulae behind them rounded to the same two decimals.
#[test]
fn table_b1_factors() {
    let v = vector("iso13528_2022_tables_B1_C1");
    let rows = v["table_B1_F1_F2_by_g"].as_object().unwrap();
    assert_eq!(rows.len(), 14);
    for (g, pair) in rows {
        let g: usize = g.parse().unwrap();
        let (f1, f2) = (pair[0].as_f64().unwrap(), pair[1].as_f64().unwrap());
        let table = expanded_factors(g, 2, ExpandedFactors::TableB1).unwrap();
        assert_eq!(table, (f1, f2, ExpandedFactors::TableB1), "g = {g}");
        let (c1, c2, source) = expanded_factors(g, 2, ExpandedFactors::Computed).unwrap();
        assert_eq!(source, ExpandedFactors::Computed);
        assert_eq!((c1 * 100.0).round() / 100.0, f1, "F1, g = {g}");
        assert_eq!((c2 * 100.0).round() / 100.0, f2, "F2, g = {g}");
    }
    // The formula the vector quotes: g = 10 gives 1.8799 and 1.0102.
    let (c1, c2, _) = expanded_factors(10, 2, ExpandedFactors::Computed).unwrap();
    assert_eq!(((c1 * 1e4).round(), (c2 * 1e4).round()), (18799.0, 10102.0));
    // Outside the table's rows the factors are computed, whatever the choice.
    for (g, m) in [(6, 2), (21, 2), (10, 3), (2, 2)] {
        let (f1, f2, source) = expanded_factors(g, m, ExpandedFactors::TableB1).unwrap();
        assert_eq!(source, ExpandedFactors::Computed, "g = {g}, m = {m}");
        assert!(f1 > 1.0 && f2 > 0.0 && f1.is_finite() && f2.is_finite());
    }
}

/// m ≥ 2: three replicates give s_w from the pooled within-item variances.
#[test]
fn three_replicates() {
    let items = [[10.0, 10.2, 10.1], [10.4, 10.3, 10.5], [9.9, 10.0, 10.1]];
    let h = homogeneity(&items, 0.5, &HomogeneityOptions::default()).unwrap();
    assert_eq!((h.g, h.m), (3, 3));
    assert!((h.s_w - 0.1).abs() < 1e-12);
    let means = [10.1, 10.4, 10.0];
    assert!((h.s_x - eqa::standard_deviation(&means).unwrap()).abs() < 1e-12);
    let s_s = (h.s_x * h.s_x - 0.01 / 3.0).sqrt();
    assert!((h.s_s - s_s).abs() < 1e-12);
    assert_eq!(h.factors, ExpandedFactors::Computed);
}

/// B.2.5: an insufficiently homogeneous batch, with each remedy and criterion.
#[test]
fn remedies_when_the_check_fails() {
    let items = [[1.0, 1.1], [2.0, 2.1], [1.5, 1.4], [1.2, 1.3], [1.9, 1.8]];
    let inflate = homogeneity(&items, 0.5, &HomogeneityOptions::default()).unwrap();
    assert!(!inflate.sufficient && inflate.failed);
    assert_eq!(inflate.decided_by, CheckCriterion::Basic);
    assert_eq!(inflate.remedy, HomogeneityRemedy::InflateSigmaPt);
    assert!((inflate.sigma_pt_prime - 0.5f64.hypot(inflate.s_s)).abs() < 1e-15);
    assert_eq!(inflate.u_hom, 0.0);
    let include = HomogeneityOptions {
        remedy: HomogeneityRemedy::IncludeUHom,
        ..Default::default()
    };
    let h = homogeneity(&items, 0.5, &include).unwrap();
    assert_eq!((h.sigma_pt_prime, h.u_hom), (0.5, h.s_s));
    // With a wider σ_pt the expanded criterion passes where the basic one fails.
    let expanded = HomogeneityOptions {
        criterion: CheckCriterion::Expanded,
        ..Default::default()
    };
    let h = homogeneity(&items, 1.2, &expanded).unwrap();
    assert!(!h.sufficient && h.sufficient_expanded && !h.failed);
    assert_eq!(h.sigma_pt_prime, 1.2);
}

/// The drift of a stability check carried as u_stab, by either rule.
#[test]
fn u_stab_rules() {
    let before = [10.0, 10.2, 9.9, 10.1];
    let after = [10.6, 10.8, 10.7, 10.5];
    let s = stability(&before, &after, 1.0, &StabilityOptions::default()).unwrap();
    assert!(!s.stable && s.failed);
    assert!((s.u_stab - 0.6 / 3f64.sqrt()).abs() < 1e-12);
    let options = StabilityOptions {
        u_stab_rule: StabilityUncertainty::Difference,
        ..Default::default()
    };
    let s = stability(&before, &after, 1.0, &options).unwrap();
    assert!((s.u_stab - 0.6).abs() < 1e-12);
}

#[test]
fn shape_and_domain_errors() {
    let ragged = vec![vec![1.0, 2.0], vec![1.0, 2.0, 3.0]];
    assert_eq!(
        homogeneity(&ragged, 1.0, &HomogeneityOptions::default()).unwrap_err(),
        Error::LengthMismatch {
            what: "replicates of an item",
            expected: 2,
            got: 3
        }
    );
    let err = homogeneity(
        &[[1.0, 2.0], [1.0, 2.0]],
        f64::NAN,
        &HomogeneityOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(
        err,
        Error::InvalidParameter {
            name: "sigma_pt",
            ..
        }
    ));
    let err = "table".parse::<ExpandedFactors>().unwrap_err();
    assert_eq!(err.code(), "invalid_parameter");
    for name in ["basic", "expanded"] {
        assert_eq!(name.parse::<CheckCriterion>().unwrap().as_str(), name);
    }
}
