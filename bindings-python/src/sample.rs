//! Values in: a 1-D numpy array, or anything numpy turns into one, as a slice.

use std::borrow::Cow;

use numpy::{AllowTypeChange, PyArrayLike1};

/// The `x` argument of the estimators: a 1-D float64 array is used in place;
/// lists, tuples and arrays of other numeric dtypes are converted to float64
/// first. Anything else (a 2-D array, a scalar, text) is refused by the
/// conversion with a `TypeError` or `ValueError`.
pub(crate) type Values<'py> = PyArrayLike1<'py, f64, AllowTypeChange>;

/// The values as a slice: borrowed when the array is contiguous, copied once
/// when it is a strided view.
pub(crate) fn as_slice<'a>(x: &'a Values<'_>) -> Cow<'a, [f64]> {
    match x.as_slice() {
        Ok(slice) => Cow::Borrowed(slice),
        Err(_) => Cow::Owned(x.as_array().iter().copied().collect()),
    }
}
