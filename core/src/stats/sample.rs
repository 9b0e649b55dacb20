//! Input checks shared by every estimator.

use crate::error::{Error, Result};

/// Checks that `values` holds at least `needed` values, all finite.
///
/// The first non-finite value is reported with its index.
pub(crate) fn check(values: &[f64], estimator: &'static str, needed: usize) -> Result<()> {
    if values.len() < needed {
        return Err(Error::TooFewValues {
            estimator,
            needed,
            got: values.len(),
        });
    }
    match values.iter().position(|v| !v.is_finite()) {
        Some(index) => Err(Error::NonFiniteValue {
            index,
            value: values[index],
        }),
        None => Ok(()),
    }
}

/// Returns `value` when it is finite, an overflow error naming `estimator` otherwise.
pub(crate) fn finite(value: f64, estimator: &'static str) -> Result<f64> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(Error::Overflow { estimator })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_the_first_non_finite_index() {
        let err = check(&[1.0, f64::INFINITY, f64::NAN], "median", 1).unwrap_err();
        assert_eq!(
            err,
            Error::NonFiniteValue {
                index: 1,
                value: f64::INFINITY
            }
        );
    }

    #[test]
    fn reports_too_few_values() {
        let err = check(&[1.0], "standard deviation", 2).unwrap_err();
        assert_eq!(err.code(), "too_few_values");
    }
}
