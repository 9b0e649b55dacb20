//! Location: the median (ISO 13528:2022 C.2.1) and the classical mean.

use crate::error::Result;
use crate::stats::order::median_of;
use crate::stats::sample::{check, finite};

/// The median of the values: the middle value, or the midpoint of the two
/// middle values when the count is even (ISO 13528:2022 C.2.1).
///
/// Found by selection on a copy of the values, O(n); the input is not reordered.
///
/// # Errors
///
/// [`crate::Error::TooFewValues`] for an empty slice;
/// [`crate::Error::NonFiniteValue`] for a NaN or infinite value.
///
/// # Examples
///
/// ```
/// assert_eq!(eqa::median(&[5.2, 5.0, 9.9, 5.1])?, 5.15);
/// # Ok::<(), eqa::Error>(())
/// ```
pub fn median(values: &[f64]) -> Result<f64> {
    check(values, "median", 1)?;
    Ok(median_of(&mut values.to_vec()))
}

/// The arithmetic mean, x̄ = Σxᵢ / p.
///
/// Summed in input order, then refined by one pass of corrections
/// Σ(xᵢ − x̄)/p (as R's `mean` does), so it is exact to about one rounding.
/// O(n).
///
/// # Errors
///
/// [`crate::Error::TooFewValues`] for an empty slice;
/// [`crate::Error::NonFiniteValue`] for a NaN or infinite value;
/// [`crate::Error::Overflow`] when the sum exceeds the range of `f64`.
///
/// # Examples
///
/// ```
/// assert_eq!(eqa::mean(&[1.0, 2.0, 4.0, 5.0])?, 3.0);
/// # Ok::<(), eqa::Error>(())
/// ```
pub fn mean(values: &[f64]) -> Result<f64> {
    check(values, "mean", 1)?;
    mean_of(values)
}

/// The mean of checked values (see [`mean`]).
pub(crate) fn mean_of(values: &[f64]) -> Result<f64> {
    let n = values.len() as f64;
    let first = finite(values.iter().sum::<f64>() / n, "mean")?;
    let correction = values.iter().map(|v| v - first).sum::<f64>() / n;
    finite(first + correction, "mean")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_does_not_reorder_its_input() {
        let values = [3.0, 1.0, 2.0];
        assert_eq!(median(&values), Ok(2.0));
        assert_eq!(values, [3.0, 1.0, 2.0]);
    }

    #[test]
    fn mean_of_huge_values_is_an_overflow_error() {
        let err = mean(&[f64::MAX, f64::MAX]).unwrap_err();
        assert_eq!(err.code(), "overflow");
    }

    #[test]
    fn mean_is_refined() {
        // 0.1 + 0.2 + 0.3 summed naively is 0.6000000000000001.
        assert_eq!(mean(&[0.1, 0.2, 0.3]), Ok(0.2));
    }
}
