//! Stability of the proficiency test items (ISO 13528:2022 Annex B, B.5 and
//! B.6): the difference between the means of two sets of measurements.

use serde::{Deserialize, Serialize};

use crate::names::named_choices;
use crate::stats::assigned::homogeneity::{CRITERION_FRACTION, CheckCriterion};
use crate::stats::location::mean_of;
use crate::stats::parameter::{non_negative, positive};
use crate::stats::sample::{check, finite};
use crate::stats::scale::standard_deviation_of;

/// How a drift |ȳ1 − ȳ2| becomes the standard uncertainty u_stab carried
/// into u(x_pt) (ISO 13528:2022 7.2.2, Formula (3)). ISO 13528 does not fix
/// the rule; both are offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StabilityUncertainty {
    /// u_stab = |ȳ1 − ȳ2| / √3: the drift taken as the half-width of a
    /// rectangular distribution (the GUM's type B rule, as ISO Guide 35
    /// treats a possible change of a reference material).
    #[default]
    Rectangular,
    /// u_stab = |ȳ1 − ȳ2|: the observed drift itself, the more cautious choice.
    Difference,
}

named_choices!(StabilityUncertainty, option "u_stab_rule", expected "\"rectangular\" or \"difference\"" {
    Rectangular => "rectangular",
    Difference => "difference",
});

/// The choices of a stability check; [`Default`] gives the documented defaults.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StabilityOptions {
    /// u(ȳ1), the standard uncertainty of the first mean; `None` (default)
    /// takes s/√n of the first set, which then needs two values.
    pub u_first: Option<f64>,
    /// u(ȳ2), likewise for the second set.
    pub u_second: Option<f64>,
    /// The criterion that decides whether u_stab is carried (default
    /// [`CheckCriterion::Basic`]); both verdicts are reported either way.
    pub criterion: CheckCriterion,
    /// How the drift becomes u_stab (default [`StabilityUncertainty::Rectangular`]).
    pub u_stab_rule: StabilityUncertainty,
}

/// A stability check by the difference of two means (ISO 13528:2022 B.5).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Stability {
    /// The number of results in the first set.
    pub n_first: usize,
    /// The number of results in the second set.
    pub n_second: usize,
    /// ȳ1, the mean of the first set (for example, the homogeneity check).
    pub mean_first: f64,
    /// ȳ2, the mean of the second set (for example, after storage or transport).
    pub mean_second: f64,
    /// ȳ1 − ȳ2, with its sign; the criteria use its absolute value.
    pub difference: f64,
    /// u(ȳ1), given or s/√n.
    pub u_first: f64,
    /// u(ȳ2), given or s/√n.
    pub u_second: f64,
    /// √(u²(ȳ1) + u²(ȳ2)), the standard uncertainty of the difference.
    pub u_difference: f64,
    /// The σ_pt given.
    pub sigma_pt: f64,
    /// 0.3·σ_pt, the limit of the basic criterion (B.5.1).
    pub criterion: f64,
    /// Whether |ȳ1 − ȳ2| ≤ 0.3·σ_pt.
    pub stable: bool,
    /// 0.3·σ_pt + 2·√(u²(ȳ1) + u²(ȳ2)), the limit of the expanded criterion (B.5.2).
    pub expanded_criterion: f64,
    /// Whether |ȳ1 − ȳ2| is within the expanded limit.
    pub stable_expanded: bool,
    /// The criterion that decided.
    pub decided_by: CheckCriterion,
    /// Whether that criterion failed, so that u_stab is carried.
    pub failed: bool,
    /// The rule that turned the drift into u_stab.
    pub u_stab_rule: StabilityUncertainty,
    /// u_stab for u(x_pt): the drift by `u_stab_rule` when the deciding
    /// criterion failed, 0 otherwise.
    pub u_stab: f64,
}

/// Checks the stability of the proficiency test items from two sets of
/// measurements, before and after a time or a transport
/// (ISO 13528:2022 B.5.1, B.5.2, B.6.3).
///
/// # Formula
///
/// - ȳ1, ȳ2: the means of the two sets; u(ȳ) = s/√n unless given;
/// - stable when |ȳ1 − ȳ2| ≤ 0.3·σ_pt (B.5.1, Formula (B.17));
/// - expanded: |ȳ1 − ȳ2| ≤ 0.3·σ_pt + 2·√(u²(ȳ1) + u²(ȳ2)) (B.5.2, Formula (B.18));
/// - u_stab = |ȳ1 − ȳ2|/√3 or |ȳ1 − ȳ2| (see [`StabilityUncertainty`]) when
///   the deciding criterion fails, 0 otherwise.
///
/// # Complexity
///
/// One pass over each set: O(n₁ + n₂).
///
/// # Errors
///
/// [`Error::TooFewValues`](crate::Error::TooFewValues) for an empty set, or
/// a set of one value whose uncertainty is not given;
/// [`Error::NonFiniteValue`](crate::Error::NonFiniteValue) for a NaN or
/// infinite result (indexed within its set);
/// [`Error::InvalidParameter`](crate::Error::InvalidParameter) unless σ_pt is
/// positive and finite and a given uncertainty finite and at least 0;
/// [`Error::Overflow`](crate::Error::Overflow) when the results' spread is too
/// large for `f64`.
///
/// # Examples
///
/// ISO 13528:2022 E.2: the 20 homogeneity results against the 4 results of
/// the stability check (printed: ȳ2 = 0.19375, |ȳ1 − ȳ2| = 0.00660 ≤ 0.00842):
///
/// ```
/// use eqa::{stability, StabilityOptions};
/// let homogeneity = [0.185, 0.194, 0.187, 0.189, 0.182, 0.186, 0.188, 0.196, 0.191, 0.181,
///                    0.188, 0.180, 0.187, 0.196, 0.177, 0.186, 0.179, 0.187, 0.188, 0.196];
/// let stability_check = [0.191, 0.198, 0.190, 0.196];
/// let s = stability(&homogeneity, &stability_check, 0.02807, &StabilityOptions::default())?;
/// assert_eq!((s.mean_second * 1e5).round(), 19375.0);
/// assert_eq!((s.difference.abs() * 1e5).round(), 660.0);
/// assert!(s.stable && s.stable_expanded && s.u_stab == 0.0);
/// # Ok::<(), eqa::Error>(())
/// ```
#[doc(alias = "u_stab")]
pub fn stability(
    first: &[f64],
    second: &[f64],
    sigma_pt: f64,
    options: &StabilityOptions,
) -> crate::Result<Stability> {
    let (mean_first, u_first) = mean_and_u(first, options.u_first, "stability (first set)")?;
    let (mean_second, u_second) = mean_and_u(second, options.u_second, "stability (second set)")?;
    let sigma_pt = positive("sigma_pt", sigma_pt)?;
    let difference = finite(mean_first - mean_second, "stability (difference)")?;
    let u_difference = finite(
        libm::hypot(u_first, u_second),
        "stability (u of the difference)",
    )?;
    let criterion = CRITERION_FRACTION * sigma_pt;
    let expanded_criterion = finite(
        criterion + 2.0 * u_difference,
        "stability (expanded criterion)",
    )?;
    let drift = difference.abs();
    let stable = drift <= criterion;
    let stable_expanded = drift <= expanded_criterion;
    let failed = match options.criterion {
        CheckCriterion::Basic => !stable,
        CheckCriterion::Expanded => !stable_expanded,
    };
    let u_stab = match options.u_stab_rule {
        _ if !failed => 0.0,
        StabilityUncertainty::Rectangular => drift / 3f64.sqrt(),
        StabilityUncertainty::Difference => drift,
    };
    Ok(Stability {
        n_first: first.len(),
        n_second: second.len(),
        mean_first,
        mean_second,
        difference,
        u_first,
        u_second,
        u_difference,
        sigma_pt,
        criterion,
        stable,
        expanded_criterion,
        stable_expanded,
        decided_by: options.criterion,
        failed,
        u_stab_rule: options.u_stab_rule,
        u_stab,
    })
}

/// The mean of a set and its standard uncertainty, given or s/√n.
fn mean_and_u(values: &[f64], given: Option<f64>, what: &'static str) -> crate::Result<(f64, f64)> {
    let name = if what.contains("first") {
        "u_first"
    } else {
        "u_second"
    };
    match given {
        Some(u) => {
            check(values, what, 1)?;
            let u = non_negative(name, u)?;
            Ok((mean_of(values)?, u))
        }
        None => {
            check(values, what, 2)?;
            let sd = standard_deviation_of(values)?;
            Ok((mean_of(values)?, sd / (values.len() as f64).sqrt()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drift_beyond_the_limit_is_carried_as_u_stab() {
        let options = StabilityOptions {
            u_first: Some(0.0),
            u_second: Some(0.0),
            ..Default::default()
        };
        let s = stability(&[10.0], &[10.6], 1.0, &options).unwrap();
        assert!(!s.stable && !s.stable_expanded && s.failed);
        assert!((s.u_stab - 0.6 / 3f64.sqrt()).abs() < 1e-12);
        let difference = StabilityOptions {
            u_stab_rule: StabilityUncertainty::Difference,
            ..options
        };
        let s = stability(&[10.0], &[10.6], 1.0, &difference).unwrap();
        assert_eq!(s.u_stab, s.difference.abs());
    }

    #[test]
    fn the_expanded_criterion_allows_for_the_uncertainty_of_the_means() {
        let options = StabilityOptions {
            u_first: Some(0.1),
            u_second: Some(0.1),
            criterion: CheckCriterion::Expanded,
            ..Default::default()
        };
        let s = stability(&[10.0], &[10.5], 1.0, &options).unwrap();
        assert!(!s.stable && s.stable_expanded && !s.failed && s.u_stab == 0.0);
        assert!((s.expanded_criterion - (0.3 + 2.0 * 0.02f64.sqrt())).abs() < 1e-12);
    }

    #[test]
    fn refusals() {
        let d = StabilityOptions::default();
        assert_eq!(
            stability(&[1.0], &[1.0, 2.0], 1.0, &d).unwrap_err().code(),
            "too_few_values"
        );
        assert_eq!(
            stability(&[1.0, 2.0], &[], 1.0, &d).unwrap_err().code(),
            "too_few_values"
        );
        assert_eq!(
            stability(&[1.0, 2.0], &[1.0, f64::NAN], 1.0, &d)
                .unwrap_err()
                .code(),
            "non_finite_value"
        );
        assert_eq!(
            stability(&[1.0, 2.0], &[1.0, 2.0], -1.0, &d)
                .unwrap_err()
                .code(),
            "invalid_parameter"
        );
        let bad_u = StabilityOptions {
            u_second: Some(-0.1),
            ..d
        };
        assert_eq!(
            stability(&[1.0, 2.0], &[1.0], 1.0, &bad_u)
                .unwrap_err()
                .code(),
            "invalid_parameter"
        );
    }
}
