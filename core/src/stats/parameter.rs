//! Checks of the numeric parameters given by the caller: sigma_pt, assigned
//! values, uncertainties, coverage factors and limits.

use crate::error::{Error, Result};

/// Returns `value` when it is positive and finite, an
/// [`Error::InvalidParameter`] naming `name` otherwise.
pub(crate) fn positive(name: &'static str, value: f64) -> Result<f64> {
    if value.is_finite() && value > 0.0 {
        Ok(value)
    } else {
        Err(Error::InvalidParameter {
            name,
            value: value.to_string(),
            expected: "a positive finite number",
        })
    }
}

/// Returns `value` when it is finite and at least 0, an
/// [`Error::InvalidParameter`] naming `name` otherwise.
pub(crate) fn non_negative(name: &'static str, value: f64) -> Result<f64> {
    if value.is_finite() && value >= 0.0 {
        Ok(value)
    } else {
        Err(Error::InvalidParameter {
            name,
            value: value.to_string(),
            expected: "a finite number at least 0",
        })
    }
}

/// Returns `value` when it is finite, an [`Error::InvalidParameter`] naming
/// `name` otherwise (for a single value given as a parameter, not in a slice).
pub(crate) fn finite_parameter(name: &'static str, value: f64) -> Result<f64> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(Error::InvalidParameter {
            name,
            value: value.to_string(),
            expected: "a finite number",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_outside_the_domain() {
        assert_eq!(positive("sigma_pt", 0.5), Ok(0.5));
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            assert_eq!(
                positive("sigma_pt", bad).unwrap_err().code(),
                "invalid_parameter"
            );
        }
        assert_eq!(non_negative("u_hom", 0.0), Ok(0.0));
        assert!(non_negative("u_hom", -0.1).is_err());
        assert!(non_negative("u_hom", f64::NAN).is_err());
        assert_eq!(finite_parameter("x_ref", -3.0), Ok(-3.0));
        assert!(finite_parameter("x_ref", f64::NEG_INFINITY).is_err());
    }
}
