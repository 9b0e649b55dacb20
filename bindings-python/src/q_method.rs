//! `q_method` and its result `QMethodEstimate`.

use pyo3::prelude::*;

use crate::annex_c_common::{Results, Slices, frozen_result};
use crate::errors::EqaResult;

frozen_result! {
    /// The Q method's robust standard deviation s* (ISO 13528:2022 C.5.2.2),
    /// as returned by q_method. Immutable; equal when every field is.
    QMethodEstimate(eqa::QMethodEstimate) as "QMethodEstimate" {
        /// The robust (reproducibility) standard deviation s*.
        scale: f64 = |r| r.scale;
        /// The number of participants p.
        n: usize = |r| r.n;
        /// The number of results (the sum of the replicates' counts).
        results: usize = |r| r.results;
        /// H1(0), the weighted share of tied between-participant differences.
        h1_zero: f64 = |r| r.h1_zero;
    }
}

/// The Q method (ISO 13528:2022 C.5.2.2): a robust reproducibility standard
/// deviation s* from the differences between participants.
///
/// x is a 1-D array of results, one per participant, or a sequence of 1-D
/// arrays, one per participant, holding replicates (between-participant
/// differences are then weighted 1/(n_i n_j); a 2-D array gives its rows).
/// Differences are compared after rounding to 14 significant digits relative
/// to the magnitude of the data's central half, so that differences equal in
/// decimal (0.3 - 0.1 and 0.4 - 0.2) are tied. O(p log p) for one result
/// each; quadratic in the number of results with replicates.
///
/// Raises InvalidInputError for fewer than two participants or a NaN or
/// infinite value, InvalidParameterError for a participant without results,
/// ZeroScaleError when all results are equal, NumericalOverflowError when
/// their spread is too large for float arithmetic.
#[pyfunction]
pub(crate) fn q_method(py: Python<'_>, x: Results<'_>) -> EqaResult<QMethodEstimate> {
    let slices = x.slices();
    Ok(py
        .detach(|| match &slices {
            Slices::One(values) => eqa::q_method(values),
            Slices::Replicates(groups) => eqa::q_method_replicates(groups),
        })?
        .into())
}
