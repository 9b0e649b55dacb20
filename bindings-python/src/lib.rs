//! The native module `eqa._eqa`, re-exported by the Python package `eqa`.
//!
//! An adapter with no statistics of its own: values arrive as a numpy array
//! or array-like (`sample.rs`), options as strings parsed by the core
//! (`options.rs`), the core computes with the GIL released, and its result or
//! error is handed back as a Python object (`estimate.rs`, `errors.rs`).
//!
//! | Python | core | file |
//! | --- | --- | --- |
//! | `median`, `mean` | [`eqa::median`], [`eqa::mean`] | `location.rs` |
//! | `made`, `niqr`, `quantile`, `standard_deviation` | [`eqa::made`], [`eqa::niqr`], [`eqa::quantile`], [`eqa::standard_deviation`] | `scale.rs` |
//! | `algorithm_a`, `huber_fixed_scale` | [`eqa::algorithm_a`], [`eqa::huber_fixed_scale`] | `algorithm_a.rs` |
//! | `RobustEstimate`, `consensus_uncertainty` | [`eqa::RobustEstimate`], [`eqa::consensus_uncertainty`] | `estimate.rs` |
//! | `EqaError` and its subclasses | [`eqa::Error`] | `errors.rs` |

use pyo3::prelude::*;

mod algorithm_a;
mod errors;
mod estimate;
mod location;
mod options;
mod sample;
mod scale;

// ISO 13528:2022 Annex C beyond Algorithm A: Q method, Hampel, Qn, Algorithm S.

// ISO 13528:2022 clauses 8 and 9: sigma_pt and performance statistics.

// ISO 13528:2022 clause 7 and Annex B: assigned values, homogeneity and stability.

#[pymodule]
fn _eqa(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("DEFAULT_TOLERANCE", eqa::DEFAULT_TOLERANCE)?;
    m.add("DEFAULT_MAX_ITER", eqa::DEFAULT_MAX_ITER)?;

    m.add_function(wrap_pyfunction!(location::median, m)?)?;
    m.add_function(wrap_pyfunction!(location::mean, m)?)?;
    m.add_function(wrap_pyfunction!(scale::made, m)?)?;
    m.add_function(wrap_pyfunction!(scale::niqr, m)?)?;
    m.add_function(wrap_pyfunction!(scale::quantile, m)?)?;
    m.add_function(wrap_pyfunction!(scale::standard_deviation, m)?)?;
    m.add_function(wrap_pyfunction!(algorithm_a::algorithm_a, m)?)?;
    m.add_function(wrap_pyfunction!(algorithm_a::huber_fixed_scale, m)?)?;
    m.add_function(wrap_pyfunction!(estimate::consensus_uncertainty, m)?)?;
    m.add_class::<estimate::RobustEstimate>()?;

    // ISO 13528:2022 Annex C beyond Algorithm A: Q method, Hampel, Qn, Algorithm S.

    // ISO 13528:2022 clauses 8 and 9: sigma_pt and performance statistics.

    // ISO 13528:2022 clause 7 and Annex B: assigned values, homogeneity and stability.

    errors::register(m)
}
