//! Comparing an assigned value with an independent reference value
//! (ISO 13528:2022 7.8; Annex E.5, E.7).

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::names::named_choices;
use crate::stats::parameter::{finite_parameter, non_negative};
use crate::stats::sample::finite;

/// The rule that judges the difference between a reference value and an
/// assigned value against the uncertainty of the difference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComparisonRule {
    /// |x_diff| ≤ 2·u_diff (ISO 13528:2022 7.8, Formula (7)): a larger
    /// difference is to be investigated.
    #[default]
    TwoUDiff,
    /// |x_diff| ≤ 3·u_diff: the action-limit counterpart, for a provider that
    /// acts only on a difference that is very unlikely to be chance.
    ThreeUDiff,
}

named_choices!(ComparisonRule, option "rule", expected "\"two_u_diff\" or \"three_u_diff\"" {
    TwoUDiff => "two_u_diff",
    ThreeUDiff => "three_u_diff",
});

impl ComparisonRule {
    /// The multiple of u_diff that the difference may reach: 2 or 3.
    pub fn factor(self) -> f64 {
        match self {
            ComparisonRule::TwoUDiff => 2.0,
            ComparisonRule::ThreeUDiff => 3.0,
        }
    }
}

/// A reference value against an assigned value, with the numbers behind the verdict.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReferenceComparison {
    /// The reference value x_ref (a CRM's or a reference laboratory's).
    pub x_ref: f64,
    /// Its standard uncertainty u(x_ref).
    pub u_ref: f64,
    /// The assigned value compared (for example the consensus x*).
    pub x_pt: f64,
    /// Its standard uncertainty u(x_pt).
    pub u_x_pt: f64,
    /// x_diff = x_ref − x_pt.
    pub difference: f64,
    /// u_diff = √(u²(x_ref) + u²(x_pt)).
    pub u_diff: f64,
    /// |x_diff| / u_diff.
    pub ratio: f64,
    /// The rule applied.
    pub rule: ComparisonRule,
    /// The limit on |x_diff|: the rule's factor times u_diff.
    pub limit: f64,
    /// Whether |x_diff| ≤ limit: the values agree.
    pub agrees: bool,
}

/// Compares an assigned value (typically a consensus x*) with a reference
/// value (ISO 13528:2022 7.8).
///
/// # Formula
///
/// x_diff = x_ref − x_pt, u_diff = √(u²(x_ref) + u²(x_pt)); the values agree
/// when |x_diff| ≤ k·u_diff, k = 2 ([`ComparisonRule::TwoUDiff`]) or 3.
///
/// # Errors
///
/// [`Error::InvalidParameter`] for a non-finite value, a negative or
/// non-finite uncertainty, or two zero uncertainties (no scale to judge by);
/// [`Error::Overflow`] when the difference exceeds `f64`.
///
/// # Examples
///
/// ISO 13528:2022 E.7 (printed: x_diff = 0.012, u_diff = 0.0061):
///
/// ```
/// use eqa::{compare_with_reference, ComparisonRule};
/// let c = compare_with_reference(0.044, 0.0041, 0.031_609_5, 0.004_484, ComparisonRule::TwoUDiff)?;
/// assert_eq!((c.difference * 1e3).round(), 12.0);
/// assert_eq!((c.u_diff * 1e4).round(), 61.0);
/// assert!(!c.agrees && c.ratio > 2.0);
/// # Ok::<(), eqa::Error>(())
/// ```
#[doc(alias = "x_diff")]
#[doc(alias = "u_diff")]
pub fn compare_with_reference(
    x_ref: f64,
    u_ref: f64,
    x_pt: f64,
    u_x_pt: f64,
    rule: ComparisonRule,
) -> crate::Result<ReferenceComparison> {
    let x_ref = finite_parameter("x_ref", x_ref)?;
    let u_ref = non_negative("u_ref", u_ref)?;
    let x_pt = finite_parameter("x_pt", x_pt)?;
    let u_x_pt = non_negative("u_x_pt", u_x_pt)?;
    let u_diff = finite(libm::hypot(u_ref, u_x_pt), "u_diff")?;
    if u_diff == 0.0 {
        return Err(Error::InvalidParameter {
            name: "u_ref",
            value: "0".to_owned(),
            expected: "a positive uncertainty when u_x_pt is 0 too",
        });
    }
    let difference = finite(x_ref - x_pt, "x_diff")?;
    let ratio = finite(difference.abs() / u_diff, "x_diff / u_diff")?;
    let limit = finite(rule.factor() * u_diff, "limit")?;
    Ok(ReferenceComparison {
        x_ref,
        u_ref,
        x_pt,
        u_x_pt,
        difference,
        u_diff,
        ratio,
        rule,
        limit,
        agrees: difference.abs() <= limit,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rule_sets_the_limit() {
        let two = compare_with_reference(10.0, 0.3, 10.9, 0.4, ComparisonRule::TwoUDiff).unwrap();
        assert_eq!(two.u_diff, 0.5);
        assert!(two.agrees && (two.ratio - 1.8).abs() < 1e-12);
        let close = compare_with_reference(10.0, 0.3, 11.2, 0.4, ComparisonRule::TwoUDiff).unwrap();
        assert!(!close.agrees);
        let three =
            compare_with_reference(10.0, 0.3, 11.2, 0.4, ComparisonRule::ThreeUDiff).unwrap();
        assert!(three.agrees && three.limit == 1.5);
    }

    #[test]
    fn refusals() {
        let r = ComparisonRule::default();
        assert!(compare_with_reference(1.0, 0.0, 1.0, 0.0, r).is_err());
        assert!(compare_with_reference(f64::NAN, 0.1, 1.0, 0.1, r).is_err());
        assert!(compare_with_reference(1.0, -0.1, 1.0, 0.1, r).is_err());
        let err = compare_with_reference(f64::MAX, 1.0, -f64::MAX, 1.0, r).unwrap_err();
        assert_eq!(err.code(), "overflow");
        // A difference huge against a tiny uncertainty: the ratio overflows.
        let err = compare_with_reference(1e300, 1e-300, -1e300, 0.0, r).unwrap_err();
        assert_eq!(err.code(), "overflow");
    }
}
