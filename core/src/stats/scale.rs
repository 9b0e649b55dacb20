//! Scale: MAD, MADe and nIQR (ISO 13528:2022 C.2.2, C.2.3), the classical
//! standard deviation, and linear-interpolation quantiles.

use crate::error::{Error, Result};
use crate::stats::location::mean_of;
use crate::stats::order::{median_of, quantile_linear};
use crate::stats::robust::constants::{Constants, NIQR_FACTOR};
use crate::stats::sample::{check, finite};

/// The raw median absolute deviation from the median, med|xᵢ − med(x)|, in a
/// scratch buffer that it overwrites. Returns (median, MAD).
pub(crate) fn median_and_mad(buf: &mut [f64]) -> (f64, f64) {
    let center = median_of(buf);
    for v in buf.iter_mut() {
        *v = (*v - center).abs();
    }
    (center, median_of(buf))
}

/// The scaled median absolute deviation, an estimate of the standard
/// deviation robust to half of the values being outliers.
///
/// # Formula
///
/// MADe = c · med|xᵢ − med(x)|, with c = 1.483 ([`Constants::Iso`],
/// ISO 13528:2022 C.2.2) or 1.4826 ([`Constants::Exact`], R's `mad`).
///
/// Two selections on one copy of the data, O(n). Zero when more than half of
/// the values are identical: that is the honest value, not an error; the
/// estimators that divide by it report [`Error::ZeroScale`].
///
/// # Errors
///
/// [`Error::TooFewValues`] for an empty slice; [`Error::NonFiniteValue`] for a
/// NaN or infinite value; [`Error::Overflow`] when the deviations exceed `f64`.
///
/// # Examples
///
/// ```
/// use eqa::Constants;
/// let x = [5.21, 5.30, 5.18, 5.25, 5.40, 5.12, 5.28, 5.33, 5.19, 5.26, 5.22, 6.90];
/// assert!((eqa::made(&x, Constants::Iso)? - 0.08157).abs() < 1e-5);
/// # Ok::<(), eqa::Error>(())
/// ```
#[doc(alias = "MADe")]
pub fn made(values: &[f64], constants: Constants) -> Result<f64> {
    check(values, "MADe", 1)?;
    let (_, mad) = median_and_mad(&mut values.to_vec());
    finite(constants.made_factor() * mad, "MADe")
}

/// The p-quantile by linear interpolation between order statistics
/// (Hyndman & Fan type 7: R's default, numpy's `"linear"`).
///
/// # Formula
///
/// With the values sorted as x(0) ≤ … ≤ x(n−1), h = (n − 1)·p, j = ⌊h⌋:
/// Q(p) = x(j) + (h − j)·(x(j+1) − x(j)). By selection, O(n).
///
/// # Errors
///
/// [`Error::InvalidParameter`] unless 0 ≤ p ≤ 1; [`Error::TooFewValues`] for an
/// empty slice; [`Error::NonFiniteValue`] for a NaN or infinite value;
/// [`Error::Overflow`] when interpolating between values of huge spread.
///
/// # Examples
///
/// ```
/// assert_eq!(eqa::quantile(&[1.0, 2.0, 3.0, 4.0], 0.25)?, 1.75);
/// # Ok::<(), eqa::Error>(())
/// ```
pub fn quantile(values: &[f64], p: f64) -> Result<f64> {
    if !(0.0..=1.0).contains(&p) {
        return Err(Error::InvalidParameter {
            name: "p",
            value: p.to_string(),
            expected: "a probability between 0 and 1",
        });
    }
    check(values, "quantile", 1)?;
    finite(quantile_linear(&mut values.to_vec(), p), "quantile")
}

/// The normalised interquartile range, a robust estimate of the standard deviation.
///
/// # Formula
///
/// nIQR = 0.7413 · (Q3 − Q1) (ISO 13528:2022 C.2.3), with the quartiles by
/// linear interpolation (see [`quantile`]): the convention that reproduces the
/// nIQR printed in ISO 13528:2022 Table E.5. ISO does not fix a quartile rule;
/// other rules give other values (R type 6 gives 0.0423 there instead of 0.0402).
///
/// Two selections on one copy of the data, O(n).
///
/// # Errors
///
/// [`Error::TooFewValues`] for an empty slice; [`Error::NonFiniteValue`] for a
/// NaN or infinite value; [`Error::Overflow`] when the quartiles' difference
/// exceeds `f64`.
///
/// # Examples
///
/// ```
/// let x = [5.21, 5.30, 5.18, 5.25, 5.40, 5.12, 5.28, 5.33, 5.19, 5.26, 5.22, 6.90];
/// // quartiles 5.205 and 5.3075
/// assert!((eqa::niqr(&x)? - 0.7413 * 0.1025).abs() < 1e-12);
/// # Ok::<(), eqa::Error>(())
/// ```
#[doc(alias = "nIQR")]
pub fn niqr(values: &[f64]) -> Result<f64> {
    check(values, "nIQR", 1)?;
    let mut buf = values.to_vec();
    let q3 = quantile_linear(&mut buf, 0.75);
    let q1 = quantile_linear(&mut buf, 0.25);
    finite(NIQR_FACTOR * (q3 - q1), "nIQR")
}

/// The classical sample standard deviation, s = √(Σ(xᵢ − x̄)² / (p − 1)).
///
/// Two passes (mean, then squared deviations), O(n).
///
/// # Errors
///
/// [`Error::TooFewValues`] for fewer than two values;
/// [`Error::NonFiniteValue`] for a NaN or infinite value;
/// [`Error::Overflow`] when the squared deviations exceed `f64`.
///
/// # Examples
///
/// ```
/// assert_eq!(eqa::standard_deviation(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0])?, f64::sqrt(32.0 / 7.0));
/// # Ok::<(), eqa::Error>(())
/// ```
#[doc(alias = "sd")]
pub fn standard_deviation(values: &[f64]) -> Result<f64> {
    check(values, "standard deviation", 2)?;
    standard_deviation_of(values)
}

/// The standard deviation of checked values, at least two (see [`standard_deviation`]).
pub(crate) fn standard_deviation_of(values: &[f64]) -> Result<f64> {
    let m = mean_of(values)?;
    let ss: f64 = values.iter().map(|v| (v - m) * (v - m)).sum();
    finite(
        (ss / (values.len() - 1) as f64).sqrt(),
        "standard deviation",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn made_is_zero_when_most_values_tie() {
        assert_eq!(made(&[1.0, 1.0, 1.0, 2.0, 9.0], Constants::Iso), Ok(0.0));
    }

    #[test]
    fn quantile_rejects_probabilities_outside_0_1() {
        assert_eq!(
            quantile(&[1.0], 1.5).unwrap_err().code(),
            "invalid_parameter"
        );
        assert_eq!(
            quantile(&[1.0], f64::NAN).unwrap_err().code(),
            "invalid_parameter"
        );
    }

    #[test]
    fn niqr_of_huge_spread_is_an_overflow_error() {
        let err = niqr(&[-f64::MAX, -f64::MAX, f64::MAX, f64::MAX]).unwrap_err();
        assert_eq!(err.code(), "overflow");
    }

    #[test]
    fn standard_deviation_needs_two_values() {
        assert_eq!(
            standard_deviation(&[1.0]).unwrap_err(),
            Error::TooFewValues {
                estimator: "standard deviation",
                needed: 2,
                got: 1
            }
        );
    }
}
