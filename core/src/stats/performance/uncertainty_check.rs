//! Whether the uncertainty of the assigned value is negligible against σ_pt
//! (ISO 13528:2022 9.2), and which score follows.

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::names::named_choices;
use crate::stats::performance::scores::ScoreKind;

/// The largest u(x_pt)/σ_pt at which u(x_pt) counts as negligible (9.2.1).
pub const NEGLIGIBLE_RATIO: f64 = 0.3;

/// What to do when u(x_pt) is not negligible (9.2.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WhenNotNegligible {
    /// Score with z′, which includes u(x_pt) (9.2.2 b, 9.5) (default).
    #[default]
    UseZPrime,
    /// Keep z and report u(x_pt) with the scores, for the participants to
    /// weigh (9.2.2 c).
    Report,
}

named_choices!(WhenNotNegligible, option "when_not_negligible", expected "\"use_z_prime\" or \"report\"" {
    UseZPrime => "use_z_prime",
    Report => "report",
});

/// What the check concluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UncertaintyAction {
    /// u(x_pt) ≤ 0.3·σ_pt: score with z.
    UseZ,
    /// u(x_pt) > 0.3·σ_pt: score with z′.
    UseZPrime,
    /// u(x_pt) > 0.3·σ_pt: score with z and report u(x_pt) beside it.
    ReportUncertainty,
}

named_choices!(UncertaintyAction, option "action", expected "\"use_z\", \"use_z_prime\" or \"report_uncertainty\"" {
    UseZ => "use_z",
    UseZPrime => "use_z_prime",
    ReportUncertainty => "report_uncertainty",
});

/// The outcome of [`check_uncertainty`]: which score to use and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UncertaintyCheck {
    /// The standard uncertainty u(x_pt) checked.
    pub u_x_pt: f64,
    /// The σ_pt it was checked against.
    pub sigma_pt: f64,
    /// The limit 0.3·σ_pt.
    pub limit: f64,
    /// u(x_pt)/σ_pt.
    pub ratio: f64,
    /// Whether u(x_pt) ≤ 0.3·σ_pt.
    pub negligible: bool,
    /// What follows.
    pub action: UncertaintyAction,
    /// The score to compute: z or z′.
    pub score: ScoreKind,
    /// The reason, in words, with the numbers.
    pub reason: String,
}

/// Checks u(x_pt) ≤ 0.3·σ_pt and says which score follows.
///
/// # Formula
///
/// u(x_pt) ≤ 0.3·σ_pt ([`NEGLIGIBLE_RATIO`], ISO 13528:2022 9.2.1,
/// Formula (10)): the uncertainty of the assigned value is negligible and z
/// is used. Otherwise (9.2.2) z′ is used ([`WhenNotNegligible::UseZPrime`],
/// default) or z is kept and u(x_pt) reported ([`WhenNotNegligible::Report`]).
///
/// # Errors
///
/// [`Error::InvalidParameter`] for a u(x_pt) that is negative or not finite,
/// or a σ_pt that is not positive and finite.
///
/// # Examples
///
/// ISO 13528:2022 E.4: u(x_pt) = 0.0041 against σ_pt = 0.0066 is not
/// negligible (0.0041 > 0.00198), so z′ is used.
///
/// ```
/// use eqa::{check_uncertainty, ScoreKind, UncertaintyAction, WhenNotNegligible};
/// let c = check_uncertainty(0.0041, 0.0066, WhenNotNegligible::UseZPrime)?;
/// assert!(!c.negligible);
/// assert_eq!(c.action, UncertaintyAction::UseZPrime);
/// assert_eq!(c.score, ScoreKind::ZPrime);
/// assert!((c.ratio - 0.6212).abs() < 1e-4);
/// # Ok::<(), eqa::Error>(())
/// ```
#[doc(alias = "uncertainty_negligible")]
pub fn check_uncertainty(
    u_x_pt: f64,
    sigma_pt: f64,
    when_not_negligible: WhenNotNegligible,
) -> crate::Result<UncertaintyCheck> {
    if !(u_x_pt.is_finite() && u_x_pt >= 0.0) {
        return Err(Error::InvalidParameter {
            name: "u_x_pt",
            value: u_x_pt.to_string(),
            expected: "a finite number at least 0",
        });
    }
    if !(sigma_pt.is_finite() && sigma_pt > 0.0) {
        return Err(Error::InvalidParameter {
            name: "sigma_pt",
            value: sigma_pt.to_string(),
            expected: "a positive finite number",
        });
    }
    let limit = NEGLIGIBLE_RATIO * sigma_pt;
    let ratio = u_x_pt / sigma_pt;
    let negligible = u_x_pt <= limit;
    let (action, score, reason) = if negligible {
        (
            UncertaintyAction::UseZ,
            ScoreKind::Z,
            format!("u(x_pt) = {u_x_pt} is at most 0.3 sigma_pt = {limit}: negligible, use z"),
        )
    } else {
        match when_not_negligible {
            WhenNotNegligible::UseZPrime => (
                UncertaintyAction::UseZPrime,
                ScoreKind::ZPrime,
                format!(
                    "u(x_pt) = {u_x_pt} exceeds 0.3 sigma_pt = {limit}: not negligible, use z' which includes it"
                ),
            ),
            WhenNotNegligible::Report => (
                UncertaintyAction::ReportUncertainty,
                ScoreKind::Z,
                format!(
                    "u(x_pt) = {u_x_pt} exceeds 0.3 sigma_pt = {limit}: not negligible, z is kept and u(x_pt) must be reported with it"
                ),
            ),
        }
    };
    Ok(UncertaintyCheck {
        u_x_pt,
        sigma_pt,
        limit,
        ratio,
        negligible,
        action,
        score,
        reason,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negligible_at_the_limit() {
        let c = check_uncertainty(0.3, 1.0, WhenNotNegligible::UseZPrime).expect("valid");
        assert!(c.negligible);
        assert_eq!((c.action, c.score), (UncertaintyAction::UseZ, ScoreKind::Z));
        let c = check_uncertainty(0.5, 1.0, WhenNotNegligible::Report).expect("valid");
        assert_eq!(
            (c.action, c.score),
            (UncertaintyAction::ReportUncertainty, ScoreKind::Z)
        );
        assert!(c.reason.contains("reported"));
    }

    #[test]
    fn refuses_bad_input() {
        let w = WhenNotNegligible::default();
        assert!(check_uncertainty(-0.1, 1.0, w).is_err());
        assert!(check_uncertainty(0.1, 0.0, w).is_err());
        assert!(check_uncertainty(f64::NAN, 1.0, w).is_err());
    }
}
