//! `synthetic_round`: a generated year of a provincial routine-chemistry
//! program, computed by [`eqa::synthetic::synthetic_round`].

use eqa::synthetic::SyntheticOptions;
use pyo3::prelude::*;

use crate::document::to_py;
use crate::errors::CoreError;
use crate::options::count;

fn labs(ob: &Bound<'_, PyAny>) -> PyResult<usize> {
    count("labs", ob)
}

fn seed(ob: &Bound<'_, PyAny>) -> PyResult<u64> {
    count("seed", ob)
}

fn rounds(ob: &Bound<'_, PyAny>) -> PyResult<usize> {
    count("rounds", ob)
}

/// A synthetic plan, its criteria and a year of results, from a seed:
/// CQCCL's 2026 routine-chemistry program "C1" (30 analytes, TBA and GA
/// ungraded) with `rounds` rounds of 5 samples, `labs` laboratories on the
/// analyser systems of the Chinese market, and per round a share of them not
/// returned, saved as drafts, resubmitted, late, reporting glucose or
/// creatinine as mg/dL numbers, with swapped samples or a slipped decimal
/// point. Returns a dict with "plan", "criteria", "results" and "incidents"
/// (every departure from a plain on-time submission, and the biased
/// laboratories). The same options always give the same dict. With
/// `full_menu`, every laboratory performs every analyte.
///
/// Raises InvalidParameterError unless 1 <= labs <= 100000,
/// 0 <= seed < 2**64 and 1 <= rounds <= 12.
#[pyfunction]
#[pyo3(signature = (
    *,
    labs = SyntheticOptions::default().labs,
    seed = SyntheticOptions::default().seed,
    rounds = SyntheticOptions::default().rounds,
    full_menu = false,
), text_signature = "(*, labs=300, seed=2026, rounds=3, full_menu=False)")]
pub(crate) fn synthetic_round(
    py: Python<'_>,
    #[pyo3(from_py_with = self::labs)] labs: usize,
    #[pyo3(from_py_with = self::seed)] seed: u64,
    #[pyo3(from_py_with = self::rounds)] rounds: usize,
    full_menu: bool,
) -> PyResult<Py<PyAny>> {
    let options = SyntheticOptions {
        labs,
        seed,
        rounds,
        full_menu,
    };
    let data = py
        .detach(|| eqa::synthetic::synthetic_round(&options))
        .map_err(CoreError)?;
    to_py(py, &data)
}
