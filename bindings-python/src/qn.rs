//! `qn`, `qn_correction` and the result `QnEstimate`.

use eqa::QnEdition;
use pyo3::prelude::*;

use crate::annex_c_common::frozen_result;
use crate::errors::EqaResult;
use crate::options::Named;
use crate::sample::{Values, as_slice};

frozen_result! {
    /// Qn with how it was computed (ISO 13528:2022 C.5.2.1), as returned by
    /// qn. Immutable; equal when every field is.
    QnEstimate(eqa::QnEstimate) as "QnEstimate" {
        /// Qn, the robust standard deviation.
        scale: f64 = |r| r.scale;
        /// The number of values p.
        n: usize = |r| r.n;
        /// The rank k = h(h - 1)/2 of the pairwise difference used (1-based).
        k: u64 = |r| r.k;
        /// The k-th smallest pairwise difference.
        difference: f64 = |r| r.difference;
        /// The factor of Formula (C.19): 2.2191 or 2.2219.
        factor: f64 = |r| r.factor;
        /// The small-sample correction b_p (Table C.2).
        correction: f64 = |r| r.correction;
        /// The edition whose formulae were used: "amd1" or "iso2022".
        edition: &'static str = |r| r.edition.as_str();
    }
}

/// Qn (ISO 13528:2022 C.5.2.1): factor * b_p * the k-th smallest pairwise
/// difference, k = h(h - 1)/2. O(p log p).
///
/// edition, keyword-only: "amd1" (the amended text: h = p//2 + 1, factor
/// 2.2191, Rousseeuw and Croux's definition) or "iso2022" (the 2022 text as
/// first printed: h = p//2, factor 2.2219; needs four values).
///
/// Raises InvalidInputError for too few values or a NaN or infinite value,
/// InvalidParameterError for an unknown edition, NumericalOverflowError for a
/// spread too large for floats.
#[pyfunction]
#[pyo3(signature = (x, *, edition = Named(QnEdition::default())), text_signature = "(x, *, edition='amd1')")]
pub(crate) fn qn(
    py: Python<'_>,
    x: Values<'_>,
    edition: Named<QnEdition>,
) -> EqaResult<QnEstimate> {
    let values = as_slice(&x);
    Ok(py.detach(|| eqa::qn(&values, edition.0))?.into())
}

/// The small-sample correction b_p of Qn: Table C.2 for p = 2 to 12, the
/// formulae below it for larger p.
///
/// Raises InvalidInputError for p < 2, InvalidParameterError for a negative p.
#[pyfunction]
pub(crate) fn qn_correction(
    #[pyo3(from_py_with = crate::options::participants)] p: usize,
) -> EqaResult<f64> {
    Ok(eqa::qn_correction(p)?)
}
