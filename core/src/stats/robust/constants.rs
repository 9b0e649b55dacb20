//! The consistency constants of the robust estimators, as a named choice.

use serde::{Deserialize, Serialize};

use crate::names::named_choices;

/// nIQR = 0.7413 × IQR (ISO 13528:2022 C.2.3); 1/(2·Φ⁻¹(0.75)) rounded.
pub const NIQR_FACTOR: f64 = 0.7413;

/// The winsorisation constant k of Algorithm A: values are pulled in to x* ± 1.5·s*.
pub const HUBER_K: f64 = 1.5;

/// Which consistency factors the MAD-based start and Algorithm A's scale use.
///
/// Both make the estimators consistent for the standard deviation of normal
/// data; they differ in the fourth significant figure, which shows in printed
/// results.
///
/// | choice | MADe factor | Algorithm A scale factor |
/// | --- | --- | --- |
/// | [`Constants::Iso`] (default) | 1.483 | 1.134 |
/// | [`Constants::Exact`] | 1.4826 | 1/√β(1.5) = 1.133392655… |
///
/// β(k) = (2Φ(k) − 1) + k²·2(1 − Φ(k)) − 2k·φ(k) is Huber's consistency
/// correction, as used by R's `MASS::hubers` and metRology; 1.4826 is the
/// constant of R's `mad`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Constants {
    /// ISO 13528:2022's rounded constants 1.483 and 1.134.
    #[default]
    Iso,
    /// The exact Huber consistency factors 1.4826 and 1.1333927 (k = 1.5).
    Exact,
}

impl Constants {
    /// The factor turning the median absolute deviation into MADe.
    pub fn made_factor(self) -> f64 {
        match self {
            Constants::Iso => 1.483,
            Constants::Exact => 1.4826,
        }
    }

    /// The factor applied to the winsorised standard deviation in Algorithm A.
    pub fn algorithm_a_factor(self) -> f64 {
        match self {
            Constants::Iso => 1.134,
            // 1/sqrt(beta(1.5)), beta = 0.7784652161744701.
            Constants::Exact => 1.133_392_655_462_487,
        }
    }
}

named_choices!(Constants, option "constants", expected "\"iso\" or \"exact\"" {
    Iso => "iso",
    Exact => "exact",
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_factor_is_huber_beta_at_1_5() {
        // beta(1.5) from Phi(1.5) = 0.9331927987311419, phi(1.5) = 0.12951759566589174.
        let theta = 2.0 * 0.933_192_798_731_141_9 - 1.0;
        let beta = theta + 2.25 * (1.0 - theta) - 3.0 * 0.129_517_595_665_891_74;
        let factor = 1.0 / f64::sqrt(beta);
        assert!((factor - Constants::Exact.algorithm_a_factor()).abs() < 1e-15);
    }

    #[test]
    fn names_round_trip() {
        for c in [Constants::Iso, Constants::Exact] {
            assert_eq!(c.as_str().parse::<Constants>(), Ok(c));
        }
        assert_eq!(
            "ISO".parse::<Constants>().unwrap_err().code(),
            "invalid_parameter"
        );
    }
}
