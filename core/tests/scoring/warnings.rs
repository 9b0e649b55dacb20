//! Target warnings that mean something: u(x_pt) against σ_pt from the
//! acceptance limit (ISO 13528 §9.2), and a group with no spread.

use eqa::scoring::{RoundScoring, TargetWarning, Verdict};
use serde_json::{Value, json};

use crate::support::{Book, plan};

/// Glucose (±10 %) of one sample reported by one laboratory per value.
fn glucose(estimator: Value, values: &[&str]) -> RoundScoring {
    let plan = plan(
        json!([{"code": "GLU", "unit": "mmol/L", "scoring": {"limit": {"kind": "percent", "percent": 10}}}]),
        &["1"],
        json!({"target": {"kind": "consensus", "estimator": estimator}, "peer": {"min_n": 5}}),
    );
    let mut book = Book::default();
    for (i, v) in values.iter().enumerate() {
        book.add(&format!("L{i:02}"), "GLU", &[("1", v)]);
    }
    book.score(&plan)
}

const TIGHT: [&str; 12] = [
    "4.9", "5.0", "5.1", "5.0", "4.95", "5.05", "5.1", "4.9", "5.0", "5.02", "4.98", "5.0",
];

#[test]
fn a_small_tight_group_is_not_flagged_and_a_wide_one_is() {
    // n = 12, s* ≈ 0.07: u = 1.25·s*/√12 ≈ 0.025 is well below 0.3·σ_pt
    // with σ_pt = 10 % × 5.0 / 3 ≈ 0.167; the group's own SD would flag it.
    let s = glucose(json!({"kind": "algorithm_a"}), &TIGHT);
    let group = &s.groups[0];
    let u = group.uncertainty.unwrap();
    assert!(u > 0.3 * group.sd.unwrap(), "the old rule would warn");
    assert!(u < 0.3 * 0.5 / 3.0);
    assert!(!group.warnings.contains(&TargetWarning::LargeUncertainty));

    let wide = [
        "3.5", "6.5", "4.0", "6.0", "4.5", "5.5", "3.8", "6.2", "4.2", "5.8", "5.0", "5.1",
    ];
    let s = glucose(json!({"kind": "algorithm_a"}), &wide);
    let group = &s.groups[0];
    assert!(group.uncertainty.unwrap() > 0.3 * group.target.unwrap() * 0.1 / 3.0);
    assert!(group.warnings.contains(&TargetWarning::LargeUncertainty));
}

#[test]
fn a_group_with_no_spread_is_flagged_and_has_no_z() {
    let s = glucose(json!({"kind": "median"}), &["5.0"; 8]);
    let group = &s.groups[0];
    assert_eq!((group.target, group.sd), (Some(5.0), Some(0.0)));
    assert!(group.warnings.contains(&TargetWarning::ZeroSpread));
    assert!(
        s.evaluations
            .iter()
            .all(|e| e.verdict == Verdict::Acceptable && e.z.is_none())
    );
}
